"""The game's rules, as a teacher would read them on the help page."""

import random
from datetime import datetime, timezone

from game import rules
from game.rules import Person


def test_a_right_answer_scores_ten_and_a_wrong_one_nothing():
    assert rules.points_for_answer(True, 0) == (10, 1)
    assert rules.points_for_answer(False, 4) == (0, 0)


def test_a_streak_adds_two_a_question_up_to_ten_extra():
    streak, scores = 0, []
    for _ in range(8):
        points, streak = rules.points_for_answer(True, streak)
        scores.append(points)
    assert scores == [10, 12, 14, 16, 18, 20, 20, 20]


def test_sorting_gives_partial_credit_and_a_bonus_for_all_right():
    assert rules.points_for_sort(0, 6) == 0
    assert rules.points_for_sort(4, 6) == 20
    assert rules.points_for_sort(6, 6) == 40


def test_wrong_options_start_with_a_teachers_pins_then_the_other_side():
    right = Person(1, side_id=10, has_role=True)
    others = [Person(2, 10, True), Person(3, 20, True), Person(4, None, False), Person(5, 20, False), Person(6, 10, False)]
    chosen = rules.distractors_choose(right, pinned=[6, 1], others=[right, *others], rng=random.Random(1))
    assert chosen[0] == 6  # pinned, and the right speaker's own pin is ignored
    assert set(chosen[1:]) == {3, 5}  # the other side first
    assert len(chosen) == len(set(chosen)) == 3 and 1 not in chosen


def test_wrong_options_are_fewer_when_the_debate_has_few_people():
    right = Person(1, 10, True)
    assert rules.distractors_choose(right, [], [right, Person(2, 20, True)], random.Random(0)) == [2]


def test_options_are_shuffled_but_all_there():
    seen_first = {rules.options_order(1, [2, 3, 4], random.Random(seed))[0] for seed in range(40)}
    assert seen_first == {1, 2, 3, 4}


def test_a_sorting_hand_has_six_to_eight_cards_with_two_from_each_side():
    cards = {10: [f"g{n}" for n in range(6)], 20: [f"b{n}" for n in range(6)]}
    for seed in range(30):
        hand = rules.deal_sort(cards, random.Random(seed))
        assert 6 <= len(hand) <= 8 and len(set(hand)) == len(hand)
        assert sum(c.startswith("g") for c in hand) >= 2 and sum(c.startswith("b") for c in hand) >= 2


def test_no_sorting_hand_when_a_side_has_too_few_cards():
    assert rules.deal_sort({10: ["g1", "g2", "g3", "g4", "g5"], 20: ["b1"]}, random.Random(0)) == []
    assert rules.deal_sort({10: ["g1", "g2"], 20: ["b1", "b2"]}, random.Random(0)) == []


def test_teacher_questions_are_mixed_into_who_said_it_rounds():
    mixed = rules.deal_mixed([f"q{n}" for n in range(20)], ["mcq1", "mcq2"], 10, random.Random(3))
    assert len(mixed) == 10
    assert [i for i, item in enumerate(mixed) if item.startswith("mcq")] == [4, 9]


def test_this_week_starts_on_monday_at_midnight():
    thursday = datetime(2026, 11, 26, 15, 30, tzinfo=timezone.utc)
    assert rules.week_start(thursday) == datetime(2026, 11, 23, 0, 0, tzinfo=timezone.utc)


def test_the_help_page_rules_quote_the_real_numbers():
    text = " ".join(rules.rules_summary())
    assert f"{rules.POINTS_RIGHT} points" in text and f"{rules.ALL_SORTED_BONUS}" in text


def test_a_count_in_a_message_is_singular_only_for_one():
    assert rules.counted(1, "quotation") == "1 quotation"
    assert rules.counted(0, "dated event") == "0 dated events"
    assert rules.counted(12, "sorting card") == "12 sorting cards"
