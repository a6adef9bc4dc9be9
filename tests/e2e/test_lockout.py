"""A student who forgets their password is paused after five tries; their teacher unlocks them."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_locked_out_student_is_unlocked_by_their_teacher(browser, live_server, student, teacher):
    student_context = browser.new_context(base_url=live_server.url)
    student_page = student_context.new_page()
    for attempt in range(4):
        login(student_page, "sam", f"pencil-case-{attempt}")
        expect(student_page.get_by_role("alert")).to_contain_text("don't match")
    login(student_page, "sam", "pencil-case-4")
    expect(student_page.get_by_role("heading", name="Logging in is paused")).to_be_visible()
    expect(student_page.get_by_role("alert")).to_contain_text("ask your teacher")
    assert axe_violations(student_page) == []
    login(student_page, "sam", "pencil-case-77")  # the right password is refused while paused
    expect(student_page.get_by_role("heading", name="Logging in is paused")).to_be_visible()

    teacher_context = browser.new_context(base_url=live_server.url)
    teacher_page = teacher_context.new_page()
    teacher_page.goto("/admin/login/")
    teacher_page.get_by_label("Username").fill("ms-okafor")
    teacher_page.get_by_label("Password").fill("chalk-and-talk-42")
    teacher_page.get_by_role("button", name="Log in").click()
    teacher_page.get_by_role("link", name="Access attempts").click()
    teacher_page.get_by_role("row").filter(has_text="sam").get_by_role("checkbox").check()
    teacher_page.get_by_label("Action:").select_option(label="Delete selected access attempts")
    teacher_page.get_by_role("button", name="Run").click()
    teacher_page.get_by_role("button", name="Yes, I’m sure").click()
    expect(teacher_page.get_by_text("Successfully deleted 1 access attempt")).to_be_visible()

    login(student_page, "sam", "pencil-case-77")
    expect(student_page.get_by_role("link", name="My scores")).to_be_visible()
    teacher_context.close()
    student_context.close()
