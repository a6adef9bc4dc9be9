"""What live games need that must be async: the event stream to browsers and the fan-out bus."""
