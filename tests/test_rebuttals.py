"""Answer the other side: a student writes a rebuttal of a card, checked and escaped; a teacher of
the student's class approves it with stars and a comment; points, My scores and the class's best
answers follow."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from game import rules
from game.models import Assignment, Membership, Mode, Rebuttal, Round
from game.services.classes import classroom_create
from game.services.rounds import homework_round_start
from game.teachers import teacher_create
from tests.factories import classroom_debate

pytestmark = pytest.mark.django_db


def start(client, debate) -> Round:
    response = client.post(f"/play/{debate.slug}/rebuttal/")
    return Round.objects.get(pk=response["Location"].split("/")[2])


def test_a_visitor_is_asked_to_log_in_first(client):
    debate = classroom_debate()
    response = client.post(f"/play/{debate.slug}/rebuttal/", follow=True)
    assert "Log in to write a rebuttal" in response.content.decode() and not Round.objects.exists()


def test_a_rebuttal_is_checked_escaped_and_sent_once(client, student):
    debate = classroom_debate()
    client.force_login(student)
    round_ = start(client, debate)
    item = round_.items.get()
    page = client.get(f"/rounds/{round_.pk}/").content.decode()
    assert f"{item.right_label} argued this" in page and 'maxlength="400"' in page
    url = f"/rounds/{round_.pk}/rebut/"
    for text, message in (("   ", "Write your rebuttal first"), ("x" * 401, "at most 400 characters; yours has 401"),
                          ("This is sh1t and so are you", "without that language")):
        response = client.post(url, {"text": text}, HTTP_HX_REQUEST="true")
        assert response.status_code == 400 and message in response.content.decode()
    assert not Rebuttal.objects.exists()
    response = client.post(url, {"text": "<script>alert(1)</script> Weekend deaths were not caused by staffing."})
    assert response.status_code == 302
    page = client.get(f"/rounds/{round_.pk}/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    assert "Sent to your teacher" in page and "Waiting for your teacher" in page
    assert client.post(url, {"text": "Again"}).status_code == 409  # a repeated POST adds nothing
    assert Rebuttal.objects.count() == 1
    item.refresh_from_db()
    assert item.answered_at and item.points == 0  # no points until a teacher approves it


def test_the_class_teacher_approves_with_stars_and_the_student_sees_the_reply(teacher, teacher_client, student):
    debate = classroom_debate()
    classroom = classroom_create(teacher=teacher, name="Year 10 Debate")
    Membership.objects.create(classroom=classroom, student=student, display_name="Sam K.")
    client = Client()
    client.force_login(student)
    round_ = start(client, debate)
    client.post(f"/rounds/{round_.pk}/rebut/", {"text": "A pilot would have shown whether weekend care improves."})
    rebuttal = Rebuttal.objects.get()
    page = teacher_client.get("/teach/rebuttals/").content.decode()
    assert "Sam K." in page and "A pilot would have shown" in page
    # Another teacher, and the student, cannot reply.
    other = Client()
    other.force_login(teacher_create(username="mr-other", password="chalk-and-talk-43"))
    assert other.post(f"/teach/rebuttals/{rebuttal.pk}/", {"decision": "approve", "stars": 3}).status_code == 404
    assert client.post(f"/teach/rebuttals/{rebuttal.pk}/", {"decision": "approve", "stars": 3}).status_code in (302, 403)
    rebuttal.refresh_from_db()
    assert rebuttal.status == Rebuttal.Status.WAITING
    teacher_client.post(f"/teach/rebuttals/{rebuttal.pk}/", {"decision": "approve", "stars": 3,
                                                             "comment": "Good use of the pilot idea."})
    rebuttal.refresh_from_db()
    item = rebuttal.item
    assert (rebuttal.status, rebuttal.stars, item.correct) == (Rebuttal.Status.APPROVED, 3, True)
    assert item.points == rules.rebuttal_points(True, 3) == 25
    me = client.get("/me/").content.decode()
    assert "Approved</strong>: 3 stars" in me and "Good use of the pilot idea." in me
    assert "A pilot would have shown" in teacher_client.get(f"/teach/classes/{classroom.pk}/").content.decode()
    best = teacher_client.get(f"/teach/classes/{classroom.pk}/best-answers/").content.decode()
    assert "Best answers to the other side" in best and "Sam K." in best and "sam" not in best.split("Sam K.")[0][-200:]
    teacher_client.post(f"/teach/rebuttals/{rebuttal.pk}/", {"decision": "reject", "stars": 0, "comment": "On reflection."})
    rebuttal.refresh_from_db()
    assert rebuttal.status == Rebuttal.Status.NOT_APPROVED and rebuttal.item.points == 0


def test_a_rebuttal_set_as_homework(teacher, student):
    debate = classroom_debate()
    classroom = classroom_create(teacher=teacher, name="Year 10 Debate")
    Membership.objects.create(classroom=classroom, student=student, display_name="Sam K.")
    now = timezone.now()
    assignment = Assignment.objects.create(classroom=classroom, debate=debate, title="Rebut", mode="rebuttal",
                                           questions=1, opens_at=now, due_at=now + timedelta(days=1))
    round_ = homework_round_start(assignment=assignment, student=student, now=now)
    assert round_.mode == Mode.REBUTTAL and round_.items.get().kind == "rebuttal"
    assert User.objects.count() == 2


def test_item_analysis_counts_what_the_teacher_made_of_each_cards_rebuttals(teacher, teacher_client):
    from game.reports import assignment_rebuttals
    from game.services.rebuttals import rebuttal_review

    debate = classroom_debate()
    classroom = classroom_create(teacher=teacher, name="Year 10 Debate")
    now = timezone.now()
    assignment = Assignment.objects.create(classroom=classroom, debate=debate, title="Rebut", mode="rebuttal",
                                           questions=1, opens_at=now - timedelta(minutes=1), due_at=now + timedelta(days=1))
    written = []
    for n, name in enumerate(("ana", "ben", "cai")):
        student = User.objects.create_user(name, password="debate-club-2016")
        Membership.objects.create(classroom=classroom, student=student, display_name=f"{name.title()} K.")
        client = Client()
        client.force_login(student)
        round_ = homework_round_start(assignment=assignment, student=student, now=timezone.now())
        client.post(f"/rounds/{round_.pk}/rebut/", {"text": f"Rebuttal number {n} points at the evidence."})
        written.append(Rebuttal.objects.get(player=student))
    rebuttal_review(rebuttal=written[0], teacher=teacher, approve=True, stars=2, comment="", now=timezone.now())
    rebuttal_review(rebuttal=written[1], teacher=teacher, approve=False, stars=0, comment="Answer the card itself.", now=timezone.now())
    stats = assignment_rebuttals(assignment)
    totals = [sum(getattr(s, name) for s in stats) for name in ("written", "approved", "not_approved", "waiting")]
    assert totals == [3, 1, 1, 1]
    assert [s.mean_stars for s in stats if s.approved] == [2.0]
    page = teacher_client.get(f"/teach/homework/{assignment.pk}/").content.decode()
    assert "Answer the other side: rebuttals per card" in page and "Nobody has answered yet" not in page
    assert written[0].argument.claim[:30] in page
