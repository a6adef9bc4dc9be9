"""Answer the other side: an argument card from one side, and the student's written rebuttal of it
(up to 400 characters). A teacher reads it and approves it with 0-3 stars and a comment; only then
does it score (game/services/rebuttals.py). Logged-in players only: the reply comes to My scores."""

from __future__ import annotations

import random

from game.errors import PlayError
from game.models import Argument, Debate, Mode, RoundItem, Status
from game.modes import GameMode
from game.snapshots import argument_source


def deal_rebuttal(debate: Debate, rng: random.Random, count: int, mix_questions: bool = False) -> list[RoundItem]:
    """One card, from a side chosen at random among those with published cards."""
    cards = list(Argument.objects.filter(debate=debate, status=Status.PUBLISHED, side__isnull=False)
                 .select_related("article", "paragraph", "side").defer("article__body").order_by("pk"))
    if not cards:
        raise PlayError("There are no published arguments to answer in this debate yet.", 409)
    sides = sorted({card.side_id for card in cards})
    side = rng.choice(sides)
    card = rng.choice([c for c in cards if c.side_id == side])
    return [RoundItem(argument=card, asked=card.claim, options=[], option_labels=[], right_answer=None,
                      right_label=card.side.name, kind="rebuttal", source=argument_source(card))]


MODE = GameMode(slug=Mode.REBUTTAL, name="Answer the other side", deal=deal_rebuttal, template="game/rebuttal.html",
                homework=(("rebuttal", "Answer the other side", False),), written=True,
                hint="Write a rebuttal; your teacher replies")
