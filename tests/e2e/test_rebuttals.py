"""A student answers the other side in their own words; the teacher approves it with stars and a
comment; the student reads the reply; the best answers go on the projector."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from game.models import Membership
from game.services.classes import classroom_create
from tests.e2e.conftest import axe_violations, login
from tests.e2e.play_helpers import sign_up
from tests.factories import classroom_debate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_student_rebuts_an_argument_and_the_teacher_replies(page, browser, live_server, teacher):
    classroom_debate()
    classroom = classroom_create(teacher=teacher, name="Year 10 Debate")
    sign_up(page, "leah")
    Membership.objects.create(classroom=classroom, student=User.objects.get(username="leah"), display_name="Leah M.")
    page.get_by_role("button", name="Answer the other side").first.click()
    expect(page.get_by_role("heading", name="argued this. What would you answer?")).to_be_visible()
    assert axe_violations(page) == []
    box = page.get_by_label("Your rebuttal (up to 400 characters)")
    box.focus()
    page.keyboard.type("A pilot in a few trusts would show whether weekend care really improves.")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Send to my teacher")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Sent to your teacher")).to_be_visible()
    expect(page.get_by_text("Waiting for your teacher")).to_be_visible()
    assert axe_violations(page) == []

    desk = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 800}).new_page()
    login(desk, "ms-okafor", "chalk-and-talk-42")
    desk.goto("/teach/")
    desk.get_by_role("link", name="Rebuttals to read and reply to").click()
    expect(desk.get_by_text("A pilot in a few trusts")).to_be_visible()
    assert axe_violations(desk) == []
    desk.get_by_role("group", name="Stars for Leah M.’s rebuttal").get_by_label("2").check()
    desk.get_by_label("Comment").fill("Clear, and it answers the point directly.")
    desk.get_by_role("button", name="Approve Leah M.’s rebuttal", exact=True).click()
    expect(desk.get_by_text("Saved your reply.")).to_be_visible()
    desk.goto(f"/teach/classes/{classroom.pk}/")
    desk.get_by_role("link", name="Show on the projector").click()
    expect(desk.get_by_role("heading", name="Best answers to the other side")).to_be_visible()
    expect(desk.locator(".best-answers")).to_contain_text("Leah M. · 2 stars")
    expect(desk.get_by_role("navigation", name="Main")).to_have_count(0)
    assert axe_violations(desk) == []
    desk.context.close()

    page.locator("#play").get_by_role("link", name="My scores").click()
    expect(page.get_by_text("Your teacher: “Clear, and it answers the point directly.”")).to_be_visible()
    expect(page.locator(".rebuttals")).to_contain_text("Approved: 2 stars")
    assert axe_violations(page) == []


def test_the_teacher_reads_what_became_of_a_rebuttal_homework_in_item_analysis(page, teacher):
    from datetime import timedelta

    from django.utils import timezone

    from game.models import Assignment
    from game.services.rebuttals import rebuttal_review, rebuttal_submit
    from game.services.rounds import Owner, homework_round_start

    debate = classroom_debate()
    classroom = classroom_create(teacher=teacher, name="Year 10 Debate")
    now = timezone.now()
    assignment = Assignment.objects.create(classroom=classroom, debate=debate, title="Answer the other side",
                                           mode="rebuttal", questions=1, opens_at=now - timedelta(minutes=1),
                                           due_at=now + timedelta(days=1))
    for n, name in enumerate(("nia", "owen")):
        student = User.objects.create_user(name, password="debate-club-2016")
        Membership.objects.create(classroom=classroom, student=student, display_name=f"{name.title()} R.")
        round_ = homework_round_start(assignment=assignment, student=student, now=timezone.now())
        rebuttal = rebuttal_submit(round_id=round_.pk, owner=Owner(student, ""),
                                   text=f"Answer {n}: the evidence does not show that.", now=timezone.now())
        if n == 0:
            rebuttal_review(rebuttal=rebuttal, teacher=teacher, approve=True, stars=3, comment="", now=timezone.now())
    login(page, "ms-okafor", "chalk-and-talk-42")
    page.goto(f"/teach/classes/{classroom.pk}/")
    page.get_by_role("link", name="Item analysis for Answer the other side").click()
    expect(page.get_by_role("heading", name="Answer the other side: rebuttals per card")).to_be_visible()
    table = page.get_by_role("region", name="Answer the other side: rebuttals per card")
    expect(table.locator("tbody tr")).not_to_have_count(0)
    assert sum(int(cell) for cell in table.locator("tbody td:nth-child(2)").all_inner_texts()) == 2
    assert sum(int(cell) for cell in table.locator("tbody td:nth-child(3)").all_inner_texts()) == 1
    expect(table).to_contain_text("3.0")
    assert axe_violations(page) == []
