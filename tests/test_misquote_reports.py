"""Spot the misquote in the teacher's reports: item analysis per quotation, which kind of change
fooled the class most, and the CSV with the game and the change a wrong answer chose.

The rounds here are written as the mode deals them (the real words and three kept misquotes,
numbered 1 to 4), so the reports are read from exactly the snapshot a student played."""

import csv
import io

import pytest
from django.utils.html import escape

from game import rules
from game.models import Quote
from tests.factories import classroom_debate, classroom_make, homework_make, misquotes_make
from tests.misquote_items import REAL, misquote_item, misquote_round

pytestmark = pytest.mark.django_db


def play(assignment, student, quotes, choices: list[int], *, follow_up_right: bool | None = None):
    return misquote_round(assignment.debate, student, quotes, choices, follow_up_right=follow_up_right,
                          assignment=assignment)


def option_of(quote: Quote, kind: str) -> int:
    return next(m["option"] for m in misquote_item(quote, 0).source["misquotes"] if m["kind"] == kind)


def setting(teacher, students: int = 3):
    debate = classroom_debate()
    misquotes_make(debate)
    withdrawal = Quote.objects.get(article__debate=debate, text__startswith="Next week's withdrawal")
    contract = Quote.objects.get(article__debate=debate, text__startswith="The proposed contract")
    classroom = classroom_make(teacher, students=students)
    homework = homework_make(classroom, debate, mode="misquote", title="Spot the misquote, week 3", questions=2)
    return classroom, homework, [withdrawal, contract]


def test_the_teacher_sees_which_quotation_and_which_change_fooled_the_class(teacher, teacher_client):
    classroom, homework, quotes = setting(teacher)
    withdrawal, contract = quotes
    ann, ben, cara = [m.student for m in classroom.memberships.order_by("display_name")]
    # Ann finds the real words twice, and then what was changed; Ben falls for the added "not" in
    # the BMA's withdrawal; Cara for the same "not", and for the hedge added to the contract.
    play(homework, ann, quotes, [REAL, REAL], follow_up_right=True)
    play(homework, ben, quotes, [option_of(withdrawal, "negation"), REAL])
    play(homework, cara, quotes, [option_of(withdrawal, "negation"), option_of(contract, "hedge")])

    page = teacher_client.get(f"/teach/homework/{homework.pk}/").content.decode()
    rows = page.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    by_words = {next(q.text[:20] for q in quotes if escape(q.text[:20]) in row and "What was changed?" not in row): row
                for row in rows if "Spot the misquote" in row}
    assert set(by_words) == {withdrawal.text[:20], contract.text[:20]}  # one row per quotation, tagged with its game
    assert "33%" in by_words[withdrawal.text[:20]] and "67%" in by_words[contract.text[:20]]
    negation = rules.MISQUOTE_KINDS["negation"]
    assert f"{escape(negation)}: “" in by_words[withdrawal.text[:20]] and "(2)" in by_words[withdrawal.text[:20]]
    assert sum("What was changed?" in row for row in rows) == 2  # Ann's follow-ups: their own rows, per misquote

    fooled = page.split('id="fooled-title"')[1]
    assert "which change fooled the class most" in page.split('id="fooled-title"')[1].split("</h2>")[0]
    table = [row.split("</td>")[0:3] for row in fooled.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]]
    names = [row[0].split('<th scope="row">')[1].split("</th>")[0] for row in table]
    assert names == [escape(negation), escape(rules.MISQUOTE_KINDS["hedge"]), escape(rules.MISQUOTE_KINDS["quantifier"])]
    assert [[cell.split("<td>")[-1] for cell in row] for row in table] == [["2", "67%", "6"], ["1", "33%", "6"],
                                                                           ["0", "0%", "6"]]
    # The same on the debate's page, over all the class's homework in it.
    assert "which change fooled the class most" in teacher_client.get(
        f"/teach/classes/{classroom.pk}/debates/{homework.debate_id}/").content.decode()
    # A misquote is no mixed-up speaker: the class page's confusions leave it out.
    overview = teacher_client.get(f"/teach/classes/{classroom.pk}/").content.decode()
    assert escape(withdrawal.text[:40]) not in overview.split('id="confusions-title"')[1]


def test_the_csv_names_the_game_and_the_change_a_wrong_answer_chose(teacher, teacher_client):
    classroom, homework, quotes = setting(teacher, students=2)
    ann, ben = [m.student for m in classroom.memberships.order_by("display_name")]
    play(homework, ann, quotes, [REAL, REAL], follow_up_right=False)
    play(homework, ben, quotes, [option_of(quotes[0], "quantifier"), REAL])
    body = b"".join(teacher_client.get(f"/teach/classes/{classroom.pk}/results.csv").streaming_content)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0][-2:] == ["game", "change chosen"]
    assert {row[12] for row in rows[1:]} == {"Spot the misquote"} and len(rows) == 1 + 2 + 2 + 2
    chosen = {(row[1], row[4]): row[13] for row in rows[1:]}
    assert chosen[(ben.username, "1")] == rules.MISQUOTE_KINDS["quantifier"]
    assert chosen[(ann.username, "1")] == "" and chosen[(ann.username, "2")] == ""  # right, then the follow-up missed


@pytest.mark.parametrize("students", [3, 60])
def test_the_misquote_reports_cost_the_same_queries_for_a_small_and_a_big_class(teacher, teacher_client, students,
                                                                                assert_queries):
    classroom, homework, quotes = setting(teacher, students=students)
    for n, membership in enumerate(classroom.memberships.all()):
        play(homework, membership.student, quotes, [REAL if n % 2 else option_of(quotes[0], "hedge"), REAL],
             follow_up_right=bool(n % 3))
    teacher_client.get("/teach/")  # warm the session
    # session, user, "is a teacher?", the homework with its class, the first answers (their
    # misquotes read out of the snapshot in the same query), the rebuttals
    with assert_queries(6):
        assert "which change fooled the class most" in teacher_client.get(f"/teach/homework/{homework.pk}/").content.decode()
    with assert_queries(6):
        b"".join(teacher_client.get(f"/teach/classes/{classroom.pk}/results.csv").streaming_content)
