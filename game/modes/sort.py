"""Sort the arguments: a board of argument cards, each put under the side that made it, checked at once."""

from __future__ import annotations

import random

from game import rules
from game.errors import PlayError
from game.models import Argument, Debate, Mode, RoundItem, Status
from game.modes import GameMode
from game.snapshots import argument_source


def deal_sort(debate: Debate, rng: random.Random, count: int = 0, mix_questions: bool = False) -> list[RoundItem]:
    sides = list(debate.sides.all())
    cards_by_side: dict[int, list[Argument]] = {}
    arguments = Argument.objects.filter(debate=debate, status=Status.PUBLISHED, side__isnull=False).select_related(
        "article", "paragraph").defer("article__body")
    for argument in arguments:
        cards_by_side.setdefault(argument.side_id, []).append(argument)
    hand = rules.deal_sort(cards_by_side, rng)
    names = {side.pk: side.name for side in sides}
    if not hand:
        missing = rules.sort_shortfall({names[pk]: len(cards_by_side.get(pk, [])) for pk in names}) or ""
        raise PlayError(f"There aren't enough published arguments to sort for this debate yet. {missing}".strip(), 409)
    return [
        RoundItem(
            argument=card, asked=card.claim, options=[side.pk for side in sides],
            option_labels=[[side.name, side.icon] for side in sides],
            right_answer=card.side_id, right_label=names[card.side_id],
            kind="argument", source=argument_source(card),
        )
        for card in hand
    ]


MODE = GameMode(slug=Mode.SORT, name="Sort the arguments", deal=deal_sort, template="game/sort.html", board=True,
                homework=(("sort", "Sort the arguments", False),), live="which_side",
                hint="Put arguments under the side that made them")
