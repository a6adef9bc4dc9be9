"""Integrity of play: each question answered once, in order, by its owner; the server decides."""

import random
import uuid

import pytest
from django.utils import timezone

from game.models import Mode, Round, RoundItem
from game.services.rounds import Owner, PlayError, answer_submit, round_start, rounds_claim, sort_submit
from tests.factories import classroom_debate, more_arguments

pytestmark = pytest.mark.django_db


def start(debate, mode, owner, seed=7):
    return round_start(debate=debate, mode=mode, owner=owner, now=timezone.now(), rng=random.Random(seed))


def right_answer(item: RoundItem) -> int:
    if item.quote_id:
        return item.quote.speaker_id
    return next(c.pk for c in item.question.choices.all() if c.is_correct)


def wrong_answer(item: RoundItem) -> int:
    return next(pk for pk in item.options if pk != right_answer(item))


def test_a_who_said_it_round_deals_every_published_quote_with_four_options(student):
    debate = classroom_debate()
    round_ = start(debate, Mode.WHO_SAID, Owner(student, ""))
    items = list(round_.items.all())
    assert len(items) == 6  # five quotes and the published question mixed in
    for item in items:
        assert len(item.options) == (4 if item.quote_id else 4)
        if item.quote_id:
            assert item.quote.speaker_id in item.options


def test_right_answers_build_a_streak_and_a_wrong_one_breaks_it(student):
    debate = classroom_debate()
    owner = Owner(student, "")
    round_ = start(debate, Mode.WHO_SAID, owner)
    items = list(round_.items.order_by("position"))
    results = []
    for item, right in zip(items, [True, True, False, True, True, True]):
        answer = right_answer(item) if right else wrong_answer(item)
        saved = answer_submit(round_id=round_.pk, position=item.position, answer_id=answer, owner=owner,
                              now=timezone.now()).item
        results.append((saved.correct, saved.points, saved.streak))
    assert results == [(True, 10, 1), (True, 12, 2), (False, 0, 0), (True, 10, 1), (True, 12, 2), (True, 14, 3)]
    round_.refresh_from_db()
    assert round_.finished_at is not None


def test_answering_the_same_question_twice_changes_nothing(student):
    debate = classroom_debate()
    owner = Owner(student, "")
    round_ = start(debate, Mode.WHO_SAID, owner)
    first = round_.items.get(position=0)
    answer_submit(round_id=round_.pk, position=0, answer_id=wrong_answer(first), owner=owner, now=timezone.now())
    with pytest.raises(PlayError) as error:
        answer_submit(round_id=round_.pk, position=0, answer_id=right_answer(first), owner=owner, now=timezone.now())
    assert error.value.status == 409 and "already answered" in error.value.message
    first.refresh_from_db()
    assert first.correct is False and first.points == 0


def test_questions_are_answered_in_order(student):
    debate = classroom_debate()
    owner = Owner(student, "")
    round_ = start(debate, Mode.WHO_SAID, owner)
    third = round_.items.get(position=2)
    with pytest.raises(PlayError) as error:
        answer_submit(round_id=round_.pk, position=2, answer_id=right_answer(third), owner=owner, now=timezone.now())
    assert "isn't the next one" in error.value.message
    assert not RoundItem.objects.filter(round=round_, answered_at__isnull=False).exists()


@pytest.mark.parametrize("position", [99, -1])
def test_a_forged_question_position_is_refused(student, position):
    debate = classroom_debate()
    owner = Owner(student, "")
    round_ = start(debate, Mode.WHO_SAID, owner)
    with pytest.raises(PlayError) as error:
        answer_submit(round_id=round_.pk, position=position, answer_id=1, owner=owner, now=timezone.now())
    assert error.value.status == 404


def test_an_answer_that_is_not_an_option_is_refused(student):
    debate = classroom_debate()
    owner = Owner(student, "")
    round_ = start(debate, Mode.WHO_SAID, owner)
    item = round_.items.get(position=0)
    outsider = max(item.options) + 1000
    with pytest.raises(PlayError) as error:
        answer_submit(round_id=round_.pk, position=0, answer_id=outsider, owner=owner, now=timezone.now())
    assert "isn't one of the options" in error.value.message
    item.refresh_from_db()
    assert item.answered_at is None


def test_nobody_can_answer_someone_elses_round(student, other_student):
    debate = classroom_debate()
    round_ = start(debate, Mode.WHO_SAID, Owner(student, ""))
    item = round_.items.get(position=0)
    for intruder in (Owner(other_student, ""), Owner(None, "a-visitors-session")):
        with pytest.raises(PlayError) as error:
            answer_submit(round_id=round_.pk, position=0, answer_id=right_answer(item), owner=intruder, now=timezone.now())
        assert error.value.status == 404
    item.refresh_from_db()
    assert item.answered_at is None


def test_a_forged_round_id_is_refused(student):
    classroom_debate()
    for forged in (uuid.uuid4(), "not-a-uuid", "1 OR 1=1"):
        with pytest.raises(PlayError):
            answer_submit(round_id=forged, position=0, answer_id=1, owner=Owner(student, ""), now=timezone.now())


def test_a_sorting_round_is_checked_once_with_partial_credit(student):
    debate = classroom_debate()
    more_arguments(debate)
    owner = Owner(student, "")
    round_ = start(debate, Mode.SORT, owner)
    items = list(round_.items.select_related("argument").order_by("position"))
    assert 6 <= len(items) <= 8
    other = {s.pk: o.pk for s, o in zip(debate.sides.all(), reversed(list(debate.sides.all())))}
    placements = {i.position: i.argument.side_id for i in items}
    placements[0] = other[placements[0]]  # one card wrong
    checked = sort_submit(round_id=round_.pk, placements=placements, owner=owner, now=timezone.now()).items
    assert sum(i.points for i in checked) == 5 * (len(items) - 1)
    with pytest.raises(PlayError) as error:
        sort_submit(round_id=round_.pk, placements={i.position: i.argument.side_id for i in items}, owner=owner,
                    now=timezone.now())
    assert "already checked" in error.value.message
    assert sum(RoundItem.objects.filter(round=round_).values_list("points", flat=True)) == 5 * (len(items) - 1)


def test_sorting_needs_every_card_placed_on_a_real_side(student):
    debate = classroom_debate()
    more_arguments(debate)
    owner = Owner(student, "")
    round_ = start(debate, Mode.SORT, owner)
    items = list(round_.items.select_related("argument"))
    placements = {i.position: i.argument.side_id for i in items[1:]}
    with pytest.raises(PlayError) as error:
        sort_submit(round_id=round_.pk, placements=placements, owner=owner, now=timezone.now())
    assert "1 card is still to place" in error.value.message
    placements[items[0].position] = 999999  # a side from nowhere
    with pytest.raises(PlayError):
        sort_submit(round_id=round_.pk, placements=placements, owner=owner, now=timezone.now())
    assert Round.objects.get(pk=round_.pk).finished_at is None


def test_a_perfect_sort_earns_the_bonus(student):
    debate = classroom_debate()
    more_arguments(debate)
    owner = Owner(student, "")
    round_ = start(debate, Mode.SORT, owner)
    items = list(round_.items.select_related("argument"))
    checked = sort_submit(round_id=round_.pk, placements={i.position: i.argument.side_id for i in items}, owner=owner,
                          now=timezone.now()).items
    assert sum(i.points for i in checked) == 5 * len(items) + 10


def test_not_enough_content_gives_a_clear_message(student):
    debate = classroom_debate()  # four arguments: too few to sort
    with pytest.raises(PlayError) as error:
        start(debate, Mode.SORT, Owner(student, ""))
    assert "enough published arguments" in error.value.message


def test_a_visitors_rounds_move_into_their_new_account(student):
    debate = classroom_debate()
    round_ = start(debate, Mode.WHO_SAID, Owner(None, "visitor-session"))
    assert rounds_claim(session_key="visitor-session", player=student) == 1
    round_.refresh_from_db()
    assert round_.player == student and round_.session_key == ""
