"""What kind of evidence?: an argument card, and the kind of evidence it rests on (a statistic, an
example, an expert or study, a value judgement, a prediction). Only kinds a teacher confirmed are
dealt; the feedback explains the kind with the passage the argument comes from."""

from __future__ import annotations

import random

from game import rules
from game.errors import PlayError
from game.models import Argument, Debate, Mode, RoundItem, Status
from game.modes import GameMode
from game.snapshots import argument_source

# The options are the kinds themselves, numbered in the order of rules.REASON_TYPES.
OPTIONS = list(range(1, len(rules.REASON_TYPES) + 1))
OPTION_OF = {slug: n for n, (slug, _, _) in zip(OPTIONS, rules.REASON_TYPES)}


def deal_reason_types(debate: Debate, rng: random.Random, count: int, mix_questions: bool = False) -> list[RoundItem]:
    cards = list(Argument.objects.filter(debate=debate, status=Status.PUBLISHED).exclude(reason_type="")
                 .select_related("article", "paragraph").defer("article__body").order_by("pk"))
    if not cards:
        raise PlayError("Your teacher hasn't confirmed the kinds of evidence for this debate's arguments yet.", 409)
    labels = [[label, why] for _, label, why in rules.REASON_TYPES]
    items = []
    for card in rules.deal(cards, count, rng):
        right = OPTION_OF[card.reason_type]
        label, why = labels[right - 1]
        items.append(RoundItem(
            argument=card, asked=card.claim, options=OPTIONS, option_labels=labels, right_answer=right,
            right_label=label, kind="reason", source={**argument_source(card), "explanation": why},
        ))
    return items


MODE = GameMode(slug=Mode.REASON_TYPES, name="What kind of evidence?", deal=deal_reason_types,
                template="game/round.html", homework=(("reason_types", "What kind of evidence?", False),),
                live="reason_types",
                hint="Say what an argument rests on")
