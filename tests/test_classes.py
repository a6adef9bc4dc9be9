"""A teacher runs a class: makes it, adds students, sets homework; students join, play and leave.
A second teacher, a student and a visitor never reach what isn't theirs."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from game.models import Assignment, Classroom, Membership, Round
from game.services.classes import class_join
from game.services.rounds import PlayError, homework_round_start
from game.teachers import teacher_create
from tests.factories import classroom_debate, classroom_make, homework_make, homework_play

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_teacher():
    return teacher_create(username="mr-hughes", password="board-marker-19")


def test_a_teacher_makes_a_class_and_sees_its_join_code(teacher_client, teacher):
    response = teacher_client.post("/teach/", {"name": "10B Debate Club"})
    classroom = Classroom.objects.get(teacher=teacher)
    assert response["Location"] == f"/teach/classes/{classroom.pk}/"
    page = teacher_client.get(response["Location"]).content.decode()
    assert classroom.join_code_display in page and re.fullmatch(r"[A-Z2-9]{3}-[A-Z2-9]{3}", classroom.join_code_display)
    assert f"/join/{classroom.join_code}/" in page
    qr = teacher_client.get(f"/teach/classes/{classroom.pk}/join-qr.svg")
    assert qr["Content-Type"] == "image/svg+xml" and b'<svg xmlns="http://www.w3.org/2000/svg"' in qr.content


def test_pasted_names_become_accounts_with_login_cards_shown_once(teacher_client, teacher):
    classroom = classroom_make(teacher)
    response = teacher_client.post(f"/teach/classes/{classroom.pk}/students/",
                                   {"names": "Amira Khan\nBen Okoro\nChloe Davies\n"})
    assert response["Location"] == f"/teach/classes/{classroom.pk}/cards/"
    cards = teacher_client.get(response["Location"]).content.decode()
    found = re.findall(r'<dt>Username</dt><dd class="card-secret">([^<]+)</dd></div>\s*'
                       r'<div><dt>Password</dt><dd class="card-secret">([^<]+)</dd>', cards)
    assert len(found) == 3 and "Amira K." in cards
    for username, password in found:
        assert "khan" not in username and "okoro" not in username
        assert Client().post("/accounts/login/", {"username": username, "password": password}).status_code == 302
    assert list(classroom.memberships.values_list("display_name", flat=True)) == ["Amira K.", "Ben O.", "Chloe D."]


def test_a_duplicate_name_or_a_misshapen_csv_adds_nobody(teacher_client, teacher):
    classroom = classroom_make(teacher)
    users = User.objects.count()
    response = teacher_client.post(f"/teach/classes/{classroom.pk}/students/",
                                   {"names": "Amira Khan\nBen Okoro\nAmira Khan"}, follow=True)
    assert "No students were added. These names are in the list more than once: Amira Khan" in response.content.decode()
    bad_csv = io.BytesIO(b"pupil;form\nAmira Khan;10B\n")
    bad_csv.name = "class.csv"
    response = teacher_client.post(f"/teach/classes/{classroom.pk}/students/", {"csv_file": bad_csv}, follow=True)
    assert "needs a header row with a “name” column" in response.content.decode()
    response = teacher_client.post(f"/teach/classes/{classroom.pk}/students/", {}, follow=True)
    assert "Paste a list of names or choose a CSV file" in response.content.decode()
    assert User.objects.count() == users and not classroom.memberships.exists()


def test_a_csv_class_list_adds_its_students(teacher_client, teacher):
    classroom = classroom_make(teacher)
    upload = io.BytesIO("first_name,last_name\nZoë,Ørsted\nAli,Hassan\n".encode("utf-8-sig"))
    upload.name = "list.csv"
    teacher_client.post(f"/teach/classes/{classroom.pk}/students/", {"csv_file": upload})
    assert sorted(classroom.memberships.values_list("display_name", flat=True)) == ["Ali H.", "Zoë Ø."]


def test_resetting_a_password_gives_a_new_card_and_the_old_password_stops_working(teacher_client, teacher):
    classroom = classroom_make(teacher, students=1)
    membership = classroom.memberships.get()
    old_hash = membership.student.password
    response = teacher_client.post(f"/teach/classes/{classroom.pk}/students/{membership.pk}/")
    assert response["Location"].endswith("/cards/")
    assert membership.display_name in teacher_client.get(response["Location"]).content.decode()
    membership.student.refresh_from_db()
    assert membership.student.password != old_hash


def test_a_student_joins_with_the_code_and_can_leave(client, teacher, student):
    classroom = classroom_make(teacher)
    client.force_login(student)
    response = client.post("/join/", {"code": classroom.join_code_display.lower(), "first_name": "Sam", "last_initial": "p"})
    assert response.status_code == 302
    membership = Membership.objects.get(student=student)
    assert membership.display_name == "Sam P." and not membership.made_by_teacher
    again = client.post("/join/", {"code": classroom.join_code, "first_name": "Sam"})
    assert again.status_code == 400 and "already in 10B Debate Club" in again.content.decode()
    client.post(f"/classes/{classroom.pk}/leave/")
    assert not Membership.objects.filter(student=student).exists()


def test_an_unknown_or_switched_off_code_gets_a_clear_message(client, teacher, teacher_client, student):
    classroom = classroom_make(teacher)
    client.force_login(student)
    response = client.post("/join/", {"code": "ZZZ-ZZZ", "first_name": "Sam"})
    assert response.status_code == 400 and "doesn&#x27;t match a class" in response.content.decode()
    old = classroom.join_code
    teacher_client.post(f"/teach/classes/{classroom.pk}/code/", {"action": "new"})
    classroom.refresh_from_db()
    assert classroom.join_code != old
    assert client.post("/join/", {"code": old, "first_name": "Sam"}).status_code == 400
    teacher_client.post(f"/teach/classes/{classroom.pk}/code/", {"action": "off"})
    classroom.refresh_from_db()
    assert classroom.join_code is None
    assert not Membership.objects.exists()


def test_another_teacher_gets_404_everywhere_and_students_never_reach_teach(teacher, other_teacher, student):
    debate = classroom_debate()
    classroom = classroom_make(teacher, students=1)
    membership = classroom.memberships.get()
    assignment = homework_make(classroom, debate)
    intruder = Client()
    intruder.force_login(other_teacher)
    for url in (f"/teach/classes/{classroom.pk}/", f"/teach/classes/{classroom.pk}/cards/",
                f"/teach/classes/{classroom.pk}/students/{membership.pk}/", f"/teach/homework/{assignment.pk}/",
                f"/teach/classes/{classroom.pk}/results.csv", f"/teach/classes/{classroom.pk}/join-qr.svg",
                f"/teach/classes/{classroom.pk}/leaderboard/", f"/teach/classes/{classroom.pk}/debates/{debate.pk}/"):
        assert intruder.get(url).status_code == 404, url
    assert intruder.post(f"/teach/classes/{classroom.pk}/students/{membership.pk}/").status_code == 404
    assert intruder.post(f"/teach/classes/{classroom.pk}/code/", {"action": "off"}).status_code == 404
    assert intruder.post(f"/teach/classes/{classroom.pk}/name/", {"name": "Mine now"}).status_code == 404
    assert intruder.post(f"/teach/homework/{assignment.pk}/due/", {"due_at": "2030-01-01T09:00"}).status_code == 404
    assert f"/teach/classes/{classroom.pk}/" not in intruder.get("/teach/").content.decode()
    pupil = Client()
    pupil.force_login(student)
    assert pupil.get("/teach/").status_code == 403
    assert pupil.get(f"/teach/classes/{classroom.pk}/").status_code == 403
    assert Client().get("/teach/").status_code == 302  # visitors are asked to log in


def test_homework_with_the_due_date_before_the_opening_is_refused(teacher_client, teacher):
    debate = classroom_debate()
    classroom = classroom_make(teacher)
    response = teacher_client.post(f"/teach/classes/{classroom.pk}/homework/", {
        "debate": debate.pk, "mode": "quiz", "questions": 5, "opens_at": "2026-11-30T09:00",
        "due_at": "2026-11-29T09:00", "attempts": 1, "answers_shown": "now"}, follow=True)
    assert "The homework wasn&#x27;t set. Due: The due date must be after the opening date." in response.content.decode()
    assert not Assignment.objects.exists()


def test_a_student_does_homework_within_its_attempts_and_late_work_is_marked_late(teacher, student):
    debate = classroom_debate()
    classroom = classroom_make(teacher)
    class_join(student=student, code=classroom.join_code, first_name="Sam", last_initial="P")
    later = homework_make(classroom, debate, opens_at=timezone.now() + timedelta(days=1),
                          due_at=timezone.now() + timedelta(days=2))
    with pytest.raises(PlayError, match="This homework opens on"):
        homework_round_start(assignment=later, student=student, now=timezone.now())
    assignment = homework_make(classroom, debate, attempts=1)
    started = homework_round_start(assignment=assignment, student=student, now=timezone.now())
    assert homework_round_start(assignment=assignment, student=student, now=timezone.now()) == started  # resumed
    homework_play(assignment, student)
    with pytest.raises(PlayError, match="used your 1 attempt"):
        homework_round_start(assignment=assignment, student=student, now=timezone.now())
    overdue = homework_make(classroom, debate, due_at=timezone.now() - timedelta(hours=1),
                            opens_at=timezone.now() - timedelta(days=2))
    round_ = homework_play(overdue, student)
    round_.refresh_from_db()
    assert round_.late() and round_.assignment == overdue


def test_homework_that_keeps_the_answers_hidden_shows_no_right_or_wrong(client, teacher, student):
    debate = classroom_debate()
    classroom = classroom_make(teacher)
    class_join(student=student, code=classroom.join_code, first_name="Sam", last_initial="P")
    assignment = homework_make(classroom, debate, mode="quiz", answers_shown=Assignment.Answers.AFTER_DUE)
    client.force_login(student)
    client.post(f"/homework/{assignment.pk}/start/")
    round_ = Round.objects.get(assignment=assignment)
    item = round_.items.get(position=0)
    page = client.post(f"/rounds/{round_.pk}/answer/", {"position": 0, "answer": item.options[0]},
                       HTTP_HX_REQUEST="true").content.decode()
    assert "Answer saved" in page and "Right!" not in page and "Not quite" not in page and "points" not in page
    assert item.right_label not in page.split('data-panel="next"')[0]


def test_a_student_outside_the_class_cannot_start_its_homework(client, teacher, other_student):
    debate = classroom_debate()
    assignment = homework_make(classroom_make(teacher), debate)
    client.force_login(other_student)
    assert client.post(f"/homework/{assignment.pk}/start/").status_code == 404


def test_the_csv_export_parses_back_with_names_intact_and_formulas_neutralised(teacher_client, teacher):
    debate = classroom_debate()
    classroom = classroom_make(teacher, students=2)
    first, second = classroom.memberships.all()
    first.display_name = "=HYPERLINK(evil) Zoë"
    first.save()
    assignment = homework_make(classroom, debate, mode="quiz")
    homework_play(assignment, first.student, right=1)
    homework_play(assignment, second.student)
    response = teacher_client.get(f"/teach/classes/{classroom.pk}/results.csv")
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0][:4] == ["student", "username", "homework", "attempt"]
    assert {row[0] for row in rows[1:]} == {"'=HYPERLINK(evil) Zoë", second.display_name}
    assert all(row[8] in ("yes", "no") for row in rows[1:]) and len(rows) == 1 + 2 * assignment.debate.questions.count()


@pytest.mark.parametrize(("students", "homeworks"), [(3, 2), (300, 50)])
def test_teacher_pages_cost_the_same_queries_for_a_small_and_a_big_class(teacher_client, teacher, students, homeworks,
                                                                          assert_queries):
    debate = classroom_debate()
    classroom = classroom_make(teacher, students=students)
    assignments = [homework_make(classroom, debate, mode="quiz") for _ in range(homeworks)]
    for membership in classroom.memberships.all()[:3]:
        homework_play(assignments[0], membership.student, right=1)
    membership = classroom.memberships.first()
    teacher_client.get("/teach/")  # warm the session
    pages = {
        # session, user, "is a teacher?", the class, its students, its homework, their rounds, the
        # debates (for the homework form), the mix-ups
        f"/teach/classes/{classroom.pk}/": 11,  # 9, and the best rebuttals with their names
        f"/teach/homework/{assignments[0].pk}/": 6,  # ... the homework with its class, the first answers, rebuttals
        f"/teach/classes/{classroom.pk}/students/{membership.pk}/": 8,
        f"/teach/classes/{classroom.pk}/leaderboard/": 6,
        "/teach/": 4,
    }
    for url, queries in pages.items():
        with assert_queries(queries):
            assert teacher_client.get(url).status_code == 200, url
    with assert_queries(6):
        response = teacher_client.get(f"/teach/classes/{classroom.pk}/results.csv")
        b"".join(response.streaming_content)


def test_a_teacher_removes_a_student_from_the_class_and_the_account_stays(teacher_client, teacher):
    debate = classroom_debate()
    classroom = classroom_make(teacher, students=2)
    membership = classroom.memberships.first()
    homework_play(homework_make(classroom, debate), membership.student)
    response = teacher_client.post(f"/teach/classes/{classroom.pk}/students/{membership.pk}/", {"action": "remove"},
                                   follow=True)
    assert f"{membership.display_name} is no longer in 10B Debate Club" in response.content.decode()
    assert classroom.memberships.count() == 1
    assert User.objects.filter(pk=membership.student_id).exists()
    assert Round.objects.filter(player_id=membership.student_id).exists()


def test_hidden_answers_stay_out_of_the_players_scores_until_the_due_date(client, teacher, student):
    from game.scores import leaderboard, player_summary

    debate = classroom_debate()
    classroom = classroom_make(teacher)
    class_join(student=student, code=classroom.join_code, first_name="Sam", last_initial="P")
    assignment = homework_make(classroom, debate, answers_shown=Assignment.Answers.AFTER_DUE)
    homework_play(assignment, student)
    assert player_summary(student).points == 0 and leaderboard(debate).rows == []
    client.force_login(student)
    page = client.get("/me/").content.decode()
    assert "homework: answers shown later" in page and "✓" not in page
    Assignment.objects.filter(pk=assignment.pk).update(due_at=timezone.now() - timedelta(minutes=1),
                                                       opens_at=timezone.now() - timedelta(days=1))
    assert player_summary(student).points == 10 and leaderboard(debate).rows[0]["points"] == 10


def test_a_teacher_renames_a_class_and_an_empty_name_changes_nothing(teacher_client, teacher):
    classroom = classroom_make(teacher)
    page = teacher_client.post(f"/teach/classes/{classroom.pk}/name/", {"name": "  11B   Debate Club "}, follow=True)
    assert "“10B Debate Club” is now “11B Debate Club”." in page.content.decode()
    page = teacher_client.post(f"/teach/classes/{classroom.pk}/name/", {"name": "   "}, follow=True)
    assert "The name wasn&#x27;t changed." in page.content.decode()
    classroom.refresh_from_db()
    assert classroom.name == "11B Debate Club"


def test_an_extension_clears_the_late_mark_and_a_due_date_before_the_opening_is_refused(teacher_client, teacher,
                                                                                       student):
    debate = classroom_debate()
    classroom = classroom_make(teacher)
    class_join(student=student, code=classroom.join_code, first_name="Sam", last_initial="P")
    overdue = homework_make(classroom, debate, due_at=timezone.now() - timedelta(hours=1),
                            opens_at=timezone.now() - timedelta(days=2))
    round_ = homework_play(overdue, student)
    assert Round.objects.get(pk=round_.pk).late()
    extended = timezone.localtime(timezone.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    page = teacher_client.post(f"/teach/homework/{overdue.pk}/due/", {"due_at": extended.strftime("%Y-%m-%dT%H:%M")},
                               follow=True)
    assert f"is now due {extended:%a %-d %b %H:%M}" in page.content.decode()
    overdue.refresh_from_db()
    assert overdue.due_at == extended and not Round.objects.get(pk=round_.pk).late()
    before_opening = timezone.localtime(overdue.opens_at - timedelta(days=1))
    page = teacher_client.post(f"/teach/homework/{overdue.pk}/due/",
                               {"due_at": before_opening.strftime("%Y-%m-%dT%H:%M")}, follow=True)
    assert "wasn&#x27;t changed. The due date must be after the opening date" in page.content.decode()
    page = teacher_client.post(f"/teach/homework/{overdue.pk}/due/", {"due_at": "next tuesday"}, follow=True)
    assert "wasn&#x27;t changed. Pick a date and time." in page.content.decode()
    overdue.refresh_from_db()
    assert overdue.due_at == extended
