"""Item analysis as Moodle computes it, on numbers small enough to check by hand."""

import pytest

from game.reports import Response, item_statistics, pearson, spreadsheet_safe


def answers(student, marks):
    return [Response(student, ("question", n), f"Question {n}", bool(mark), "" if mark else "Wrong choice")
            for n, mark in enumerate(marks, start=1)]


def test_pearson_matches_a_hand_calculation_and_is_undefined_without_spread():
    assert pearson([1, 0, 1, 0], [1, 0, 1, 0]) == pytest.approx(1.0)
    assert pearson([1, 0, 1, 0], [0, 1, 0, 1]) == pytest.approx(-1.0)
    assert pearson([1, 1, 1], [0.5, 0.2, 0.9]) is None


def test_facility_discrimination_and_the_most_chosen_wrong_answer():
    # Question 1 is got right by the strong students only: it discriminates.
    # Question 2 is got right by everybody: very easy, no spread, no discrimination figure.
    # Question 3 is got right by the weak student only: negative discrimination.
    responses = (answers(1, [1, 1, 0, 1]) + answers(2, [1, 1, 0, 1]) + answers(3, [0, 1, 1, 0])
                 + answers(4, [0, 1, 0, 0]))
    stats = {stat.item[1]: stat for stat in item_statistics(responses)}
    assert stats[1].facility == 0.5 and stats[1].discrimination > 0.5 and stats[1].flags == []
    assert stats[2].facility == 1.0 and stats[2].discrimination is None and stats[2].flags == ["very easy"]
    assert stats[3].discrimination < 0 and "does not discriminate" in stats[3].flags
    assert stats[3].common_wrong == "Wrong choice" and stats[3].common_wrong_times == 3
    assert all(stat.indicative for stat in stats.values())  # four students: indicative only


def test_thirty_students_make_the_figures_more_than_indicative():
    responses = [r for student in range(30) for r in answers(student, [student % 2, 1])]
    assert not any(stat.indicative for stat in item_statistics(responses))


@pytest.mark.parametrize(("cell", "safe"), [("=SUM(A1)", "'=SUM(A1)"), ("+44 20", "'+44 20"), ("-1", "'-1"),
                                            ("@cmd", "'@cmd"), ("Amira K.", "Amira K."), (None, "")])
def test_spreadsheet_cells_never_start_a_formula(cell, safe):
    assert spreadsheet_safe(cell) == safe
