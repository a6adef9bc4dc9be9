"""The game modes, in one place: what each is called, how it deals a round, how a round is
answered (one question at a time, or a whole board at once) and which page shows it.

Adding a mode is a module here with its `MODE`, and its template; the services, views, homework
and live games ask this registry instead of checking modes themselves.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from game.errors import PlayError


@dataclass(frozen=True)
class GameMode:
    slug: str  # the Round.mode value, and /play/<debate>/<slug>/
    name: str
    deal: Callable[..., list]  # (debate, rng, count, mix_questions) -> unsaved RoundItems with their snapshots
    template: str  # the round's page; htmx swaps its #play partial
    board: bool = False  # answered all at once (a sorting board), not one question at a time
    homework: tuple[tuple[str, str, bool], ...] = ()  # (assignment mode, its label, teacher questions mixed in)
    live: str = ""  # the live game's mode value, when it can be played live
    personal: bool = False  # dealt from the player's own history: `deal` is also given the owner
    hint: str = ""  # a line under its button on the home page
    written: bool = False  # answered in the player's own words, scored by a teacher (logged-in players only)
    # Offered on the home page only in the debates this returns (of the ids given, in one query);
    # None: offered in every debate (a round without content says why).
    offered_in: Callable[[list[int]], set[int]] | None = None
    needs: str = ""  # what a debate left out by `offered_in` lacks, for a teacher setting it as homework


def labelled_item(choices: list[tuple[str, str, str]], slug: str, **snapshot):
    """An item whose options are a fixed set of labels (slug, label, what tells it apart), the same
    for every item: the options are numbered 1, 2, 3... in that order; the explanation of the right
    one goes with the item's source, for the feedback."""
    from game.models import RoundItem

    number = next(n for n, (each, _, _) in enumerate(choices, start=1) if each == slug)
    _, label, why = choices[number - 1]
    source = {**snapshot.pop("source"), "explanation": why}
    return RoundItem(options=list(range(1, len(choices) + 1)), option_labels=[[l, w] for _, l, w in choices],
                     right_answer=number, right_label=label, source=source, **snapshot)


def _registered() -> dict[str, GameMode]:
    from game.modes import (direct_or_reported, misquote, mix_ups, quiz, reason_types, rebuttal, sort, timeline,
                            who_said)

    return {mode.slug: mode for mode in (who_said.MODE, sort.MODE, quiz.MODE, reason_types.MODE,
                                         direct_or_reported.MODE, timeline.MODE, rebuttal.MODE, misquote.MODE,
                                         mix_ups.MODE)}


MODES: dict[str, GameMode] = {}


def modes() -> dict[str, GameMode]:
    if not MODES:
        MODES.update(_registered())
    return MODES


def menu() -> list[GameMode]:
    """The modes offered for every debate on the home page (a personal one is offered when due)."""
    return [mode for mode in modes().values() if not mode.personal]


def menus(debates) -> dict[int, list[GameMode]]:
    """Each debate's id -> the modes offered for it on the home page (a query per mode that is
    offered only where there is content for it)."""
    ids = [debate.pk for debate in debates]
    where = {mode.slug: mode.offered_in(ids) for mode in menu() if mode.offered_in}
    return {pk: [mode for mode in menu() if mode.slug not in where or pk in where[mode.slug]] for pk in ids}


def mode_of(slug: str) -> GameMode:
    """The mode with this slug, or a PlayError (404) for one that does not exist."""
    try:
        return modes()[slug]
    except KeyError:
        raise PlayError("There is no such game mode.", 404) from None


def homework_modes() -> dict[str, tuple[GameMode, bool]]:
    """An assignment's mode -> (the round's mode, teacher questions mixed in)."""
    return {key: (mode, mix) for mode in modes().values() for key, _, mix in mode.homework}


def deal(*, debate, mode: str, rng: random.Random, count: int, mix_questions: bool = True, owner=None) -> list:
    found = mode_of(mode)
    if found.personal:
        return found.deal(debate, rng, count, mix_questions, owner=owner)
    return found.deal(debate, rng, count, mix_questions)
