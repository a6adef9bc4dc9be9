"""Spot the misquote: a speaker, and four versions of one of their quotations (the real words and
three misquotes a teacher kept, in a shuffled order): which is what they really said?

After a right answer comes a harder question on the same card, "What was changed?": the player
taps a changed word in one of the misquotes. The answer shows the real words in their source
passage and every misquote with what was changed marked and named.

The options are numbered 1–4 in the order shown, so nothing in the page tells the real words from
the misquotes before the player answers; which is which, and what was changed, is kept in the
item's `source` and shown only with the feedback.
"""

from __future__ import annotations

import random
from collections import Counter

from django.db.models import Count, Prefetch, Q

from game import rules
from game.errors import PlayError
from game.importer import misquotes
from game.models import Debate, Misquote, Mode, Quote, RoundItem, Status
from game.modes import GameMode
from game.snapshots import quote_source

NOT_ENOUGH = ("Your teacher hasn't kept misquotes for enough quotations in this debate yet: Spot the misquote needs "
              f"{rules.MISQUOTE_QUOTES_MIN} quotations with {rules.MISQUOTE_VERSIONS} misquotes each.")


def _askable(**where):
    """Published quotations with a speaker and enough kept misquotes to be asked."""
    return (Quote.objects.filter(status=Status.PUBLISHED, speaker__isnull=False, **where)
            .annotate(kept=Count("misquotes", filter=Q(misquotes__keep=True)))
            .filter(kept__gte=rules.MISQUOTE_VERSIONS))


def playable_ids(debate: Debate) -> list[int]:
    """The debate's quotations that can be asked. One query."""
    return list(_askable(article__debate=debate).order_by("pk").values_list("pk", flat=True))


def offered(debate_ids: list[int]) -> set[int]:
    """Of these debates, those where the mode is offered (enough quotations that can be asked). One query."""
    counts = Counter(_askable(article__debate__in=debate_ids).values_list("article__debate_id", flat=True))
    return {pk for pk, n in counts.items() if n >= rules.MISQUOTE_QUOTES_MIN}


def quotes_with_misquotes(ids: list[int]) -> list[Quote]:
    """These quotations, each with `kept`: its kept misquotes. Two queries."""
    kept = Prefetch("misquotes", queryset=Misquote.objects.filter(keep=True).order_by("pk"), to_attr="kept")
    return list(Quote.objects.filter(pk__in=ids).select_related("article", "paragraph", "speaker__side")
                .defer("article__body").prefetch_related(kept).order_by("pk"))


def misquote_item(quote: Quote, rng: random.Random) -> RoundItem:
    """The question for one quotation: its real words and three of its kept misquotes, shuffled.
    Long quotations show the same shortened stretch in all four versions."""
    chosen = rng.sample(quote.kept, rules.MISQUOTE_VERSIONS)
    real, changed = misquotes.stretch(quote.text, [m.text for m in chosen], max_words=rules.MISQUOTE_STRETCH_WORDS)
    versions = [real, *changed]
    order = list(range(len(versions)))
    rng.shuffle(order)
    number = {version: n for n, version in enumerate(order, start=1)}  # version index -> option shown
    speaker = quote.speaker
    source = {
        **quote_source(quote),
        "speaker": [speaker.full_name, speaker.role or ("A group" if speaker.is_group else "")],
        "misquotes": [
            {"option": number[k], "id": m.pk, "kind": m.kind, "kind_name": rules.MISQUOTE_KINDS.get(m.kind, m.kind),
             "text": changed[k - 1], "changes": [list(c) for c in misquotes.changes(real, changed[k - 1])]}
            for k, m in enumerate(chosen, start=1)
        ],
    }
    return RoundItem(
        quote=quote, asked=quote.text, options=list(range(1, len(versions) + 1)),
        option_labels=[[versions[k], ""] for k in order], right_answer=number[0], right_label=real,
        kind="misquote", source=source,
    )


def follow_up_item(item: RoundItem, rng: random.Random) -> RoundItem:
    """"What was changed?" after a right answer: one of the item's misquotes, as words to tap.
    Any changed word is right (misquotes.changed_words)."""
    real = item.right_label
    picked = rng.choice(item.source["misquotes"])
    words = misquotes.words(picked["text"])
    changed = [n + 1 for n in misquotes.changed_words(real, picked["text"])]
    return RoundItem(
        quote_id=item.quote_id, asked=picked["text"], options=list(range(1, len(words) + 1)),
        option_labels=[[word, ""] for word in words], right_answer=changed[0],
        right_label=" ".join(words[n - 1] for n in changed), kind="mq_change",
        source={**item.source, "changed": changed, "misquote": picked},
    )


def deal_misquote(debate: Debate, rng: random.Random, count: int, mix_questions: bool = False) -> list[RoundItem]:
    ids = playable_ids(debate)
    if len(ids) < rules.MISQUOTE_QUOTES_MIN:
        raise PlayError(NOT_ENOUGH, 409)
    dealt = rules.deal(ids, count, rng)
    quotes = {quote.pk: quote for quote in quotes_with_misquotes(dealt)}
    return [misquote_item(quotes[pk], rng) for pk in dealt]


MODE = GameMode(slug=Mode.MISQUOTE, name="Spot the misquote", deal=deal_misquote, template="game/round.html",
                homework=(("misquote", "Spot the misquote", False),), live="misquote",
                hint="Four versions of a quotation: which is real?", offered_in=offered,
                needs=f"keep {rules.MISQUOTE_VERSIONS} misquotes for each of {rules.MISQUOTE_QUOTES_MIN} of its "
                      "published quotations first.")
