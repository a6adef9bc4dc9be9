"""Who said it?: a quotation, and four people to choose from (teacher questions may be mixed in)."""

from __future__ import annotations

import random

from game import rules
from game.errors import PlayError
from game.models import Debate, Mode, Question, Quote, RoundItem, Speaker, Status
from game.modes import GameMode
from game.modes.quiz import playable, published_questions, question_item
from game.snapshots import quote_source


def deal_who_said(debate: Debate, rng: random.Random, count: int, mix_questions: bool) -> list[RoundItem]:
    quotes = list(
        Quote.objects.filter(article__debate=debate, status=Status.PUBLISHED, speaker__isnull=False)
        .select_related("article", "paragraph", "speaker__side").defer("article__body")
        .prefetch_related("wrong_speakers")
    )
    speakers = {s.pk: s for s in Speaker.objects.filter(debate=debate)}
    people = [rules.Person(s.pk, s.side_id, bool(s.role)) for s in speakers.values()]
    if not quotes or len(people) < 2:
        raise PlayError("There are no published quotes for this debate yet. Ask your teacher to publish some.", 409)
    questions = [q for q in published_questions(debate) if playable(q)] if mix_questions else []
    by_id = {p.id: p for p in people}
    items = []
    for content in rules.deal_mixed(quotes, questions, count, rng):
        if isinstance(content, Question):
            items.append(question_item(content, rng))
            continue
        right = by_id[content.speaker_id]
        wrong = rules.distractors_choose(right, [s.pk for s in content.wrong_speakers.all()], people, rng)
        options = rules.options_order(right.id, wrong, rng)
        items.append(RoundItem(
            quote=content, asked=content.text, options=options,
            option_labels=[[speakers[pk].full_name, speakers[pk].role or ("A group" if speakers[pk].is_group else "")]
                           for pk in options],
            right_answer=right.id, right_label=speakers[right.id].full_name,
            kind=content.kind, source=quote_source(content),
        ))
    return items


MODE = GameMode(slug=Mode.WHO_SAID, name="Who said it?", deal=deal_who_said, template="game/round.html",
                homework=(("who_said", "Who said it?", False), ("mix", "Who said it? with your questions", True)),
                live="who_said",
                hint="Read a quote, pick the speaker")
