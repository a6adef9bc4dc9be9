"""Spot the misquote as homework: Ms Okafor sets it on her class page, Sam plays it (with "What was
changed?" after each right answer), and the class reports count it. A mix deals no misquotes."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from game.models import Assignment, Membership, Misquote, Round
from game.reports import assignment_item_analysis, class_overview, class_results_rows
from tests.factories import classroom_debate, classroom_make, homework_make, misquotes_make

pytestmark = pytest.mark.django_db


def set_homework(teacher_client, classroom, debate, mode="misquote"):
    now = timezone.localtime()
    return teacher_client.post(f"/teach/classes/{classroom.pk}/homework/", {
        "title": "Spot the misquote, week 3", "debate": debate.pk, "mode": mode, "questions": 4,
        "opens_at": (now - timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M"),
        "due_at": (now + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"), "attempts": 1, "answers_shown": "now"},
        follow=True)


def test_a_teacher_sets_spot_the_misquote_a_student_plays_it_and_the_reports_count_it(teacher, teacher_client):
    debate = classroom_debate()
    classroom = classroom_make(teacher)
    sam = User.objects.create_user("sam", password="pencil-case-77")
    Membership.objects.create(classroom=classroom, student=sam, display_name="Sam K.")
    page = teacher_client.get(f"/teach/classes/{classroom.pk}/").content.decode()
    assert '<option value="misquote">Spot the misquote</option>' in page  # the homework form offers it

    # Before any misquote is kept, the homework is refused with what the debate lacks.
    refused = set_homework(teacher_client, classroom, debate).content.decode()
    assert "The homework wasn&#x27;t set. Spot the misquote can&#x27;t be played" in refused
    assert "keep 3 misquotes for each of 4" in refused and not Assignment.objects.exists()
    misquotes_make(debate)
    assert "Set “Spot the misquote, week 3”" in set_homework(teacher_client, classroom, debate).content.decode()
    homework = Assignment.objects.get(mode="misquote")

    client = Client()
    client.force_login(sam)
    assert "Spot the misquote, week 3" in client.get("/").content.decode()
    client.post(f"/homework/{homework.pk}/start/")
    round_ = Round.objects.get(assignment=homework)
    assert round_.mode == "misquote" and round_.items.count() == 4
    # Sam finds the real words in the first and falls for a misquote in the others; after the right
    # one comes "What was changed?", and he taps a changed word.
    position = 0
    while (item := round_.items.filter(position=position).first()) is not None:
        if item.kind == "mq_change":
            answer = item.source["changed"][0]
        else:
            answer = item.right_answer if position == 0 else item.source["misquotes"][0]["option"]
        client.post(f"/rounds/{round_.pk}/answer/", {"position": position, "answer": answer})
        position += 1
    round_.refresh_from_db()
    kinds = list(round_.items.order_by("position").values_list("kind", "correct"))
    assert kinds == [("misquote", True), ("mq_change", True), ("misquote", False), ("misquote", False),
                     ("misquote", False)]
    assert round_.finished_at is not None

    _, rows = class_overview(classroom, now=timezone.now())
    assert rows[0].cells[0].status == "done" and rows[0].cells[0].points >= 20
    stats = assignment_item_analysis(homework)
    assert sorted(stat.kind for stat in stats) == ["misquote"] * 4 + ["mq_change"]
    assert sum(stat.common_wrong is not None for stat in stats) == 3
    csv_rows = list(class_results_rows(classroom))
    assert len(csv_rows) == 5 and {row[12] for row in csv_rows} == {"Spot the misquote"}
    assert sum(row[13] != "" for row in csv_rows) == 3  # the kind of change each wrong answer chose
    assert "Spot the misquote" in teacher_client.get(f"/teach/homework/{homework.pk}/").content.decode()


def test_a_mix_deals_who_said_it_and_questions_and_never_a_misquote(teacher):
    from game.services.rounds import homework_round_start

    debate = classroom_debate()
    misquotes_make(debate)
    assert Misquote.objects.filter(keep=True).count() == 15
    classroom = classroom_make(teacher, students=1)
    student = classroom.memberships.get().student
    mix = homework_make(classroom, debate, mode="mix", questions=6)
    round_ = homework_round_start(assignment=mix, student=student, now=timezone.now())
    assert round_.mode == "who_said"
    assert set(round_.items.values_list("kind", flat=True)) <= {"spoken", "written", "question"}
