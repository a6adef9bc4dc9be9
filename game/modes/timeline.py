"""Put the story in order: 4 to 6 dated events of the dispute, each citing the article that dates
it, put in order by dragging or with each card's place list (keyboard). Partial credit counts the
pairs of cards that are the right way round; the results show the right order with dates and
sources."""

from __future__ import annotations

import random

from game import rules
from game.errors import PlayError
from game.models import Debate, Event, Mode, RoundItem, Status
from game.modes import GameMode
from game.snapshots import event_source


def deal_timeline(debate: Debate, rng: random.Random, count: int = 0, mix_questions: bool = False) -> list[RoundItem]:
    events = list(Event.objects.filter(debate=debate, status=Status.PUBLISHED)
                  .select_related("article", "paragraph").defer("article__body").order_by("happened_on", "pk"))
    one_a_day = list({event.happened_on: event for event in events}.values())  # two on one day have no order
    if len(one_a_day) < rules.TIMELINE_MIN:
        raise PlayError(f"This debate needs at least {rules.TIMELINE_MIN} published events on different dates to "
                        f"put in order; it has {len(one_a_day)}. Your teacher can add them, with their sources.", 409)
    chosen = sorted(rng.sample(one_a_day, min(rules.TIMELINE_MAX, len(one_a_day))), key=lambda e: e.happened_on)
    places = list(range(1, len(chosen) + 1))
    items = [RoundItem(event=event, asked=event.text, options=places, option_labels=[[str(p), ""] for p in places],
                       right_answer=rank, right_label=f"{event.happened_on:%-d %B %Y}", kind="event",
                       source=event_source(event))
             for rank, event in enumerate(chosen, start=1)]
    rng.shuffle(items)  # shown in a random order
    return items


MODE = GameMode(slug=Mode.TIMELINE, name="Put the story in order", deal=deal_timeline, template="game/timeline.html",
                board=True, homework=(("timeline", "Put the story in order", False),),
                hint="Drag the events of the dispute into order")
