"""Guessing limits: wrong game PINs per address, wrong class codes per account.

Only wrong guesses are counted, so a class of 40 joining with the right PIN from behind one school
address never meets the limit; once an address (or account) has made too many wrong guesses in a
minute, every try is refused until the minute is out, the right one included, so guessing the
rest of the way is no use. Counted by django-ratelimit in the default cache (Redis when
REDIS_URL is set, so every worker counts together).
"""

from __future__ import annotations

from dataclasses import dataclass

from django_ratelimit import ALL
from django_ratelimit.core import is_ratelimited


@dataclass(frozen=True)
class Limit:
    group: str
    key: str  # django-ratelimit's key: "ip" (as django-axes reads it) or "user"
    rate: str
    message: str


WAIT = "Too many tries: wait a minute, then check the {what} and try again."
# A hall of 500 behind one school address mistypes a few dozen PINs in its first minute.
GAME_PINS = Limit("live-pin", "ip", "60/m", WAIT.format(what="six-digit PIN on the screen"))
CLASS_CODES = Limit("class-code", "user", "10/m", WAIT.format(what="class code with your teacher"))


def _counted(request, limit: Limit, *, increment: bool) -> bool:
    return is_ratelimited(request, group=limit.group, key=limit.key, rate=limit.rate, method=ALL, increment=increment)


def stopped(request, limit: Limit) -> bool:
    """Whether this address or account has guessed wrong too often this minute (counts nothing)."""
    return _counted(request, limit, increment=False)


def wrong_guess(request, limit: Limit) -> None:
    """Count one wrong guess."""
    _counted(request, limit, increment=True)
