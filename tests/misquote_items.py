"""Spot the misquote's round items written as the mode deals them (the real words and three kept
misquotes, numbered 1 to 4 as shown), for tests of what reads them (reports, mix-ups) without
dealing a round."""

from django.utils import timezone

from game import rules
from game.models import Quote, Round, RoundItem

REAL = 2  # the real words are version 2; the misquotes are versions 1, 3 and 4


def misquote_item(quote: Quote, position: int) -> RoundItem:
    """Spot the misquote for this quotation, as the mode deals it, with the real words as version 2."""
    kept = list(quote.misquotes.filter(keep=True).order_by("pk"))[:3]
    options = dict(zip((1, 3, 4), kept))
    labels = [[quote.text if n == REAL else options[n].text, ""] for n in (1, 2, 3, 4)]
    source = {"paragraph": quote.paragraph.text, "start": quote.start, "end": quote.end, "title": quote.article.title,
              "speaker": [quote.speaker.full_name, quote.speaker.role],
              "misquotes": [{"option": n, "id": m.pk, "kind": m.kind, "kind_name": rules.MISQUOTE_KINDS[m.kind],
                             "text": m.text, "changes": [["same", m.text]]} for n, m in options.items()]}
    return RoundItem(quote=quote, position=position, kind="misquote", asked=quote.text, options=[1, 2, 3, 4],
                     option_labels=labels, right_answer=REAL, right_label=quote.text, source=source)


def misquote_round(debate, player, quotes, choices: list[int], *, follow_up_right: bool | None = None,
                   assignment=None, when=None) -> Round:
    """A finished round of Spot the misquote: `choices` is the version chosen for each quotation;
    after a right answer, `follow_up_right` answers "What was changed?" (None: not asked). The
    follow-up's second word is the changed one."""
    now = when or timezone.now()
    round_ = Round.objects.create(debate=debate, mode="misquote", player=player, assignment=assignment,
                                  created_at=now, finished_at=now)
    position = 0
    for quote, chosen in zip(quotes, choices):
        item = misquote_item(quote, position)
        item.round, item.answer, item.answered_at = round_, chosen, now
        item.answer_label, item.correct = item.label_of(chosen), chosen == REAL
        item.points = rules.POINTS_RIGHT if item.correct else 0
        item.save()
        position += 1
        if item.correct and follow_up_right is not None:
            misquote = item.source["misquotes"][0]
            words = misquote["text"].split()
            RoundItem.objects.create(
                round=round_, position=position, quote=quote, kind="mq_change", asked=misquote["text"],
                options=list(range(1, len(words) + 1)), option_labels=[[w, ""] for w in words], right_answer=2,
                right_label=words[1], source={**item.source, "changed": [2], "misquote": misquote},
                answer=2 if follow_up_right else 1, answer_label=words[1] if follow_up_right else words[0],
                answered_at=now, correct=follow_up_right, points=rules.POINTS_RIGHT if follow_up_right else 0)
            position += 1
    return round_
