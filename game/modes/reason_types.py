"""What kind of evidence?: an argument card, and the kind of evidence it rests on (a statistic, an
example, an expert or study, a value judgement, a prediction). Only kinds a teacher confirmed are
dealt; the feedback explains the kind with the passage the argument comes from."""

from __future__ import annotations

import random

from game import rules
from game.errors import PlayError
from django.db.models import Q

from game.models import Argument, Debate, Mode, Quote, RoundItem, Status
from game.modes import GameMode, labelled_item
from game.snapshots import argument_source, quote_source


def deal_reason_types(debate: Debate, rng: random.Random, count: int, mix_questions: bool = False) -> list[RoundItem]:
    """Argument cards and quotations whose kind a teacher confirmed; a quotation's own sorting card
    is left out when the quotation itself is asked (the same words, once)."""
    cards = list(Argument.objects.filter(debate=debate, status=Status.PUBLISHED).exclude(reason_type="")
                 .filter(Q(quote__isnull=True) | Q(quote__reason_type=""))
                 .select_related("article", "paragraph").defer("article__body").order_by("pk"))
    quotes = list(Quote.objects.filter(article__debate=debate, status=Status.PUBLISHED).exclude(reason_type="")
                  .select_related("article", "paragraph", "speaker__side").defer("article__body").order_by("pk"))
    if not cards and not quotes:
        raise PlayError("Your teacher hasn't confirmed the kinds of evidence for this debate's arguments yet.", 409)
    return [labelled_item(rules.REASON_TYPES, content.reason_type, asked=content.text, kind="reason", quote=content,
                          source=quote_source(content))
            if isinstance(content, Quote) else
            labelled_item(rules.REASON_TYPES, content.reason_type, argument=content, asked=content.claim, kind="reason",
                          source=argument_source(content))
            for content in rules.deal(cards + quotes, count, rng)]


MODE = GameMode(slug=Mode.REASON_TYPES, name="What kind of evidence?", deal=deal_reason_types,
                template="game/round.html", homework=(("reason_types", "What kind of evidence?", False),),
                live="reason_types",
                hint="Say what an argument rests on")
