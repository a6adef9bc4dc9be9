"""Practise my mix-ups: a round of the player's own mistakes in one debate, in Leitner boxes.

An item answered wrong comes back at once; each right answer moves it up a box and it comes back
after longer (rules.LEITNER_WAIT); three right in a row and it is learnt. The items are asked again
from the snapshot they were first dealt with (the words, the options, the right answer, the
source), options in a new order, so a mix-up is practised as it was made, true to its source.

Spot the misquote is practised by its quotation: a missed "What was changed?" counts as a miss of
the misquote question it followed (the same key), and brings that question back, its four
versions in a new order and numbered again as shown; a right answer then asks "What was changed?"
afresh. The follow-up is never dealt from its snapshot, so its words are never shuffled.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from game import rules
from game.errors import PlayError
from game.models import Debate, Mode, RoundItem, Status
from game.modes import GameMode

NOTHING = ("Nothing to practise in this debate: you have no mix-ups waiting. Play a round; what you get "
           "wrong comes back here.")
SNAPSHOT = ["quote_id", "question_id", "argument_id", "sentence_id", "kind", "asked", "options", "option_labels", "right_answer",
            "right_label", "source"]


@dataclass(frozen=True)
class Practice:
    key: tuple  # (kind, content id): the same quote, question or card across rounds
    box: int
    last: datetime
    snapshot: dict  # the latest dealing of it


def item_key(row: dict) -> tuple:
    if row["kind"] in ("misquote", "mq_change"):  # not the quotation's "Who said it?": a key of its own
        return ("misquote", row["quote_id"])
    if row["kind"] == "reason" and row["quote_id"]:  # a quotation asked for its kind of evidence
        return ("reason_quote", row["quote_id"])
    for field in ("quote_id", "question_id", "sentence_id"):
        if row[field]:
            return (field, row[field])
    return (row["kind"], row["argument_id"])  # a card sorted by side, or asked for its kind of evidence


def _history(rounds, now: datetime, fields: list[str], **where):
    """Answered items of still-published content from the last PRACTICE_DAYS, oldest first."""
    published = (Q(quote__status=Status.PUBLISHED) | Q(question__status=Status.PUBLISHED)
                 | Q(argument__status=Status.PUBLISHED) | Q(sentence__status=Status.PUBLISHED))
    return (RoundItem.objects.filter(round__in=rounds, answered_at__isnull=False,
                                     answered_at__gte=now - timedelta(days=rules.PRACTICE_DAYS), **where)
            .filter(published).exclude(kind__in=["rebuttal", "event"]).order_by("answered_at", "id")
            .values("answered_at", "correct", *fields))


def _due(history: dict[tuple, list[dict]], now: datetime) -> list[Practice]:
    due = []
    for key, answers in history.items():
        box = rules.leitner_box([bool(a["correct"]) for a in answers])
        if rules.leitner_due(box, answers[-1]["answered_at"], now):
            # The question to ask again: its latest dealing ("What was changed?" brings back its misquote).
            asked = next((a for a in reversed(answers) if a["kind"] != "mq_change"), None)
            if asked is not None:
                due.append(Practice(key, box, answers[-1]["answered_at"], asked))
    return sorted(due, key=lambda p: (p.box, p.last))


def practice_items(owner, debate: Debate, now: datetime) -> list[Practice]:
    """The owner's mix-ups in this debate that are due now, most in need first. One query."""
    history: dict[tuple, list[dict]] = {}
    for row in _history(owner.rounds(), now, SNAPSHOT, round__debate=debate):
        history.setdefault(item_key(row), []).append(row)
    return _due(history, now)


def practice_due(player, now: datetime) -> dict[int, int]:
    """How many mix-ups a logged-in player has due now, per debate (for the home page and /me/).
    One query, whatever the history's size."""
    history: dict[tuple, list[dict]] = {}
    for row in _history(player.rounds.all(), now, ["round__debate_id", "quote_id", "question_id", "argument_id",
                                                    "sentence_id", "kind"]):
        history.setdefault((row["round__debate_id"], item_key(row)), []).append(row)
    counts: dict[int, int] = {}
    for practice in _due(history, now):
        counts[practice.key[0]] = counts.get(practice.key[0], 0) + 1
    return counts


def deal_mix_ups(debate: Debate, rng: random.Random, count: int, mix_questions: bool = False, *,
                 owner=None) -> list[RoundItem]:
    due = practice_items(owner, debate, timezone.now()) if owner is not None else []
    if not due:
        raise PlayError(NOTHING, 409)
    items = []
    for practice in due[:count]:
        snapshot = {field: practice.snapshot[field] for field in SNAPSHOT}
        order = list(range(len(snapshot["options"])))
        rng.shuffle(order)
        snapshot["options"] = [snapshot["options"][n] for n in order]
        snapshot["option_labels"] = [snapshot["option_labels"][n] for n in order]
        if snapshot["kind"] == "misquote":
            snapshot = misquote_renumbered(snapshot)
        items.append(RoundItem(**snapshot))
    return items


def misquote_renumbered(snapshot: dict) -> dict:
    """Spot the misquote's versions are numbered 1-4 in the order shown (the answer says "version
    2"): after shuffling, each version takes its new place's number, and the right answer and the
    misquotes follow it."""
    number = {old: new for new, old in enumerate(snapshot["options"], start=1)}
    source = {**snapshot["source"], "misquotes": [{**m, "option": number[m["option"]]}
                                                  for m in snapshot["source"].get("misquotes", [])]}
    return {**snapshot, "options": sorted(number.values()), "right_answer": number[snapshot["right_answer"]],
            "source": source}


MODE = GameMode(slug=Mode.MIX_UPS, name="Practise my mix-ups", deal=deal_mix_ups, template="game/round.html",
                homework=(("mix_ups", "Practise my mix-ups", False),), personal=True)
