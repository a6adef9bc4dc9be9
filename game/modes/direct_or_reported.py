"""Whose words?: a sentence of an article, and whether it is a speaker's direct quotation,
reported speech, or the journalist's own words. Only labels a teacher confirmed are dealt; the
feedback shows the sentence in its paragraph and says what tells the three apart."""

from __future__ import annotations

import random

from game import rules
from game.errors import PlayError
from game.importer.sentences import LABELS
from game.models import Debate, Mode, RoundItem, Sentence, Status
from game.modes import GameMode, labelled_item
from game.snapshots import sentence_source


def deal_direct_or_reported(debate: Debate, rng: random.Random, count: int,
                            mix_questions: bool = False) -> list[RoundItem]:
    sentences = list(Sentence.objects.filter(debate=debate, status=Status.PUBLISHED).exclude(label="")
                     .select_related("article", "paragraph").defer("article__body").order_by("pk"))
    if not sentences:
        raise PlayError("Your teacher hasn't confirmed any sentences for Whose words? in this debate yet.", 409)
    return [labelled_item(LABELS, sentence.label, sentence=sentence, asked=sentence.text, kind="sentence",
                          source=sentence_source(sentence))
            for sentence in rules.deal(sentences, count, rng)]


MODE = GameMode(slug=Mode.DIRECT_OR_REPORTED, name="Whose words?", deal=deal_direct_or_reported,
                template="game/round.html", homework=(("direct_or_reported", "Whose words?", False),),
                live="direct_or_reported", hint="Quoted, reported, or the journalist's own?")
