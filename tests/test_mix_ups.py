"""Practise my mix-ups: a player's own mistakes come back, in Leitner boxes, as they were asked."""

from datetime import timedelta

import pytest
from django.utils import timezone

from game import rules
from game.models import Mode, Round
from game.modes.mix_ups import practice_due, practice_items
from game.services.rounds import Owner, round_start
from tests.factories import classroom_debate

pytestmark = pytest.mark.django_db


def test_leitner_boxes_bring_a_mistake_back_sooner_and_a_right_answer_moves_it_on():
    now = timezone.now()
    assert rules.leitner_box([True, True]) is None  # never got wrong: nothing to practise
    assert rules.leitner_box([True, False]) == 1
    assert rules.leitner_box([False, True]) == 2
    assert rules.leitner_box([False, True, True]) == 3
    assert rules.leitner_box([False, True, True, True]) == rules.LEITNER_LEARNT
    assert rules.leitner_box([False, True, True, False]) == 1  # wrong again: back to the start
    assert rules.leitner_due(1, now, now)  # at once
    assert not rules.leitner_due(2, now, now + timedelta(hours=23)) and rules.leitner_due(2, now, now + timedelta(days=1))
    assert not rules.leitner_due(3, now, now + timedelta(days=2)) and rules.leitner_due(3, now, now + timedelta(days=3))
    assert not rules.leitner_due(rules.LEITNER_LEARNT, now, now + timedelta(days=365))
    assert not rules.leitner_due(None, now, now)


def play(client, debate, mode, *, wrong: set[int]) -> Round:
    """Play a round, getting the questions at these positions wrong."""
    response = client.post(f"/play/{debate.slug}/{mode}/")
    round_ = Round.objects.get(pk=response["Location"].split("/")[2])
    for item in round_.items.order_by("position"):
        answer = next(o for o in item.options if o != item.right_answer) if item.position in wrong else item.right_answer
        client.post(f"/rounds/{round_.pk}/answer/", {"position": item.position, "answer": answer})
    return round_


def test_a_students_mistakes_come_back_as_they_were_asked_until_learnt(client, student, monkeypatch):
    debate = classroom_debate()
    client.force_login(student)
    assert "Nothing to practise just now" in client.get("/me/").content.decode()
    first = play(client, debate, Mode.WHO_SAID, wrong={0, 2})
    missed = {item.asked: item for item in first.items.filter(position__in=[0, 2])}
    home = client.get("/").content.decode()
    assert "Practise my mix-ups" in home and "2 of your mistakes to try again" in home
    assert "Practise 2 mix-ups in" in client.get("/me/").content.decode()

    practice = play(client, debate, Mode.MIX_UPS, wrong=set())
    items = list(practice.items.order_by("position"))
    assert practice.mode == Mode.MIX_UPS and {item.asked for item in items} == set(missed)
    for item in items:  # the same question, answer and source as first asked; options in a new order
        original = missed[item.asked]
        assert (item.right_answer, item.right_label, item.source, item.quote_id, item.question_id) == (
            original.right_answer, original.right_label, original.source, original.quote_id, original.question_id)
        assert sorted(item.options) == sorted(original.options) and item.correct and item.points > 0
    # Both right once: box 2, back after a day, not before.
    now = timezone.now()
    assert practice_items(Owner(student, ""), debate, now) == []
    assert practice_due(student, now + timedelta(days=1, minutes=1)) == {debate.pk: 2}
    response = client.post(f"/play/{debate.slug}/mix_ups/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert "Nothing to practise in this debate" in client.get("/").content.decode()


def test_a_visitor_practises_their_own_mistakes_only(client, student):
    debate = classroom_debate()
    play(client, debate, Mode.WHO_SAID, wrong={1})
    other = Owner(student, "")
    assert practice_items(other, debate, timezone.now()) == []  # someone else's history is not dealt
    mine = play(client, debate, Mode.MIX_UPS, wrong=set())
    assert mine.items.count() == 1 and mine.player is None


def test_sorting_mistakes_come_back_as_which_side_questions(client, student):
    from tests.factories import more_arguments

    debate = classroom_debate()
    more_arguments(debate)
    client.force_login(student)
    response = client.post(f"/play/{debate.slug}/sort/")
    round_ = Round.objects.get(pk=response["Location"].split("/")[2])
    cards = list(round_.items.order_by("position"))
    placements = {f"card-{c.position}": c.right_answer for c in cards}
    wrong_card = cards[0]
    placements[f"card-{wrong_card.position}"] = next(o for o in wrong_card.options if o != wrong_card.right_answer)
    client.post(f"/rounds/{round_.pk}/sort/", placements)
    practice = round_start(debate=debate, mode=Mode.MIX_UPS, owner=Owner(student, ""), now=timezone.now())
    item = practice.items.get()
    assert item.asked == wrong_card.asked and item.kind == "argument"
    page = client.get(f"/rounds/{practice.pk}/").content.decode()
    assert "Which side made this argument?" in page
    response = client.post(f"/rounds/{practice.pk}/answer/", {"position": 0, "answer": item.right_answer})
    item.refresh_from_db()
    assert item.correct and item.answer_side_id == item.right_answer
