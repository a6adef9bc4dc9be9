"""Practise my mix-ups with Spot the misquote: a missed misquote comes back as its own mix-up (not
the quotation's "Who said it?"), its versions in a new order and numbered again as shown; a missed
"What was changed?" brings back the misquote question it followed, never its words shuffled."""

import random
from datetime import timedelta

import pytest
from django.utils import timezone

from game.models import Quote, Round, RoundItem
from game.modes.mix_ups import deal_mix_ups, practice_due, practice_items
from game.services.rounds import Owner
from tests.factories import classroom_debate, misquotes_make
from tests.misquote_items import REAL, misquote_round

pytestmark = pytest.mark.django_db


def missed_who_said(debate, student, quote, when):
    """Sam's "Who said it?" of this quotation, answered wrong."""
    round_ = Round.objects.create(debate=debate, mode="who_said", player=student, created_at=when, finished_at=when)
    speakers = list(debate.speakers.exclude(pk=quote.speaker_id).order_by("pk")[:3]) + [quote.speaker]
    RoundItem.objects.create(round=round_, position=0, quote=quote, kind="spoken", asked=quote.text,
                             options=[s.pk for s in speakers], option_labels=[[s.full_name, ""] for s in speakers],
                             right_answer=quote.speaker_id, right_label=quote.speaker.full_name,
                             source={"paragraph": quote.paragraph.text}, answer=speakers[0].pk,
                             answer_label=speakers[0].full_name, answered_at=when, correct=False)


def test_a_missed_misquote_comes_back_beside_the_same_quotations_who_said_it(student):
    debate = classroom_debate()
    misquotes_make(debate)
    quote = Quote.objects.get(article__debate=debate, text__startswith="Next week's withdrawal")
    now = timezone.now()
    missed_who_said(debate, student, quote, now - timedelta(minutes=5))
    first = misquote_round(debate, student, [quote], [3], when=now - timedelta(minutes=2))  # a misquote chosen
    asked = first.items.get()

    due = practice_items(Owner(student, ""), debate, now)
    assert sorted(p.key for p in due) == [("misquote", quote.pk), ("quote_id", quote.pk)]  # two mix-ups, not one
    assert practice_due(student, now) == {debate.pk: 2}

    for seed in range(6):  # whatever the new order, the versions are numbered as shown
        items = deal_mix_ups(debate, random.Random(seed), 10, owner=Owner(student, ""))
        again = next(item for item in items if item.kind == "misquote")
        assert again.options == [1, 2, 3, 4] and sorted(map(tuple, again.option_labels)) == sorted(
            map(tuple, asked.option_labels))
        assert again.label_of(again.right_answer) == quote.text == again.right_label
        for misquote in again.source["misquotes"]:  # each misquote still names the version it is
            assert again.label_of(misquote["option"]) == misquote["text"]
        assert asked.source["misquotes"][0]["option"] == 1 and asked.right_answer == REAL  # the first dealing kept


def test_a_missed_what_was_changed_brings_back_its_misquote_not_the_words(student):
    debate = classroom_debate()
    misquotes_make(debate)
    quote = Quote.objects.get(article__debate=debate, text__startswith="The proposed contract")
    now = timezone.now()
    first = misquote_round(debate, student, [quote], [REAL], follow_up_right=False, when=now - timedelta(minutes=1))
    assert [i.kind for i in first.items.order_by("position")] == ["misquote", "mq_change"]

    due = practice_items(Owner(student, ""), debate, now)
    assert [p.key for p in due] == [("misquote", quote.pk)] and due[0].snapshot["kind"] == "misquote"
    items = deal_mix_ups(debate, random.Random(1), 10, owner=Owner(student, ""))
    assert [item.kind for item in items] == ["misquote"]  # the question it followed; a right answer asks again

    # Right both times next round: no longer due at once.
    misquote_round(debate, student, [quote], [REAL], follow_up_right=True, when=now)
    assert practice_items(Owner(student, ""), debate, now + timedelta(minutes=1)) == []
