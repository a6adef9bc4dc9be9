"""Writes that touch several models, each inside a transaction (house style: `entity_action`)."""
