"""Every mode set as homework reaches the teacher: the class overview, item analysis, the student
page and the CSV."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from game.models import Argument, Assignment, Debate, Membership
from game.reports import assignment_item_analysis, class_results_rows
from game.services.classes import classroom_create
from game.services.importing import articles_import
from game.services.rounds import homework_round_start

pytestmark = pytest.mark.django_db


def play_through(client, round_, *, wrong_first: bool):
    for item in round_.items.order_by("position"):
        answer = item.right_answer
        if wrong_first and item.position == 0:
            answer = next(o for o in item.options if o != item.right_answer)
        client.post(f"/rounds/{round_.pk}/answer/", {"position": item.position, "answer": answer})


def test_homework_in_each_new_mode_shows_in_every_report(teacher, teacher_client, student):
    articles_import(paths=[Path("seeds")])
    debate = Debate.objects.get(slug="junior-doctors-contract")
    assert Argument.objects.filter(debate=debate).exclude(reason_type="").exists()
    classroom = classroom_create(teacher=teacher, name="Year 11 Politics")
    membership = Membership.objects.create(classroom=classroom, student=student, display_name="Sam K.")
    client = Client()
    client.force_login(student)
    now = timezone.now()
    asked = {}
    # The first two deal from the debate; the mix-ups homework deals this student's own mistakes from them.
    for mode in ("reason_types", "direct_or_reported", "mix_ups"):
        assignment = Assignment.objects.create(classroom=classroom, debate=debate, title=mode, mode=mode, questions=4,
                                               opens_at=now - timedelta(minutes=1), due_at=now + timedelta(days=2))
        round_ = homework_round_start(assignment=assignment, student=student, now=timezone.now())
        play_through(client, round_, wrong_first=mode != "mix_ups")
        asked[mode] = (assignment, list(round_.items.values_list("asked", flat=True)))
    rows = list(class_results_rows(classroom))
    for mode, (assignment, texts) in asked.items():
        assert all(any(row[5] == text and row[2] == mode for row in rows) for text in texts), mode
        assert {stat.asked for stat in assignment_item_analysis(assignment)} == set(texts)
    overview = teacher_client.get(f"/teach/classes/{classroom.pk}/").content.decode()
    assert all(mode in overview for mode in asked)  # each homework has its column
    student_page = teacher_client.get(f"/teach/classes/{classroom.pk}/students/{membership.pk}/").content.decode()
    for label in ("What kind of evidence?", "Whose words?", "Practise my mix-ups"):
        assert label in student_page
    csv = teacher_client.get(f"/teach/classes/{classroom.pk}/results.csv")
    assert b"reason_types" in b"".join(csv.streaming_content)
