"""A teacher's Monday: a class made, names pasted, cards printed, homework set; a student logs in
with a card and does it, another joins with the code; the teacher reads the reports."""

import csv
import io

import pytest
from playwright.sync_api import expect

from game.models import Assignment, Classroom, RoundItem
from tests.e2e.conftest import axe_violations, login
from tests.e2e.play_helpers import answer_question, current_round, sign_up
from tests.factories import classroom_debate, classroom_make, homework_make
from game.teachers import teacher_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_teacher_runs_a_class_from_names_to_reports(browser, live_server, teacher):
    classroom_debate()
    teacher_context = browser.new_context(base_url=live_server.url)
    page = teacher_context.new_page()
    login(page, "ms-okafor", "chalk-and-talk-42")
    page.get_by_role("link", name="Classes").click()
    page.get_by_label("Class name").fill("10B Debate Club")
    page.get_by_role("button", name="Make the class").click()
    expect(page.get_by_role("heading", name="10B Debate Club", level=1)).to_be_visible()
    classroom = Classroom.objects.get(teacher=teacher)
    expect(page.locator(".join-code")).to_have_text(classroom.join_code_display)
    expect(page.locator(".join-qr")).to_have_js_property("complete", True)  # the QR code loads and shows
    assert page.locator(".join-qr").evaluate("img => img.naturalWidth") > 100
    assert axe_violations(page) == []

    page.get_by_text("Add students", exact=True).click()
    page.get_by_label("Names, one a line").fill("Amira Khan\nBen Okoro\nChloe Davies")
    page.get_by_role("button", name="Make the accounts").click()
    expect(page.get_by_role("heading", name="Login cards: 10B Debate Club")).to_be_visible()
    cards = page.locator(".login-card")
    expect(cards).to_have_count(3)
    assert axe_violations(page) == []
    page.emulate_media(media="print")  # the printed sheet: cards two across, no menus
    expect(page.locator(".site-header")).to_be_hidden()
    columns = page.locator(".login-cards").evaluate("list => getComputedStyle(list).gridTemplateColumns")
    assert len(columns.split()) == 2
    page.emulate_media(media="screen")
    amira = cards.filter(has_text="Amira K.")
    username = amira.locator(".card-secret").nth(0).inner_text()
    password = amira.locator(".card-secret").nth(1).inner_text()

    page.get_by_role("link", name="← 10B Debate Club").click()
    expect(page.get_by_label("Title")).to_be_visible()  # the form is open while no homework is set
    page.get_by_label("Title").fill("Who represents whom?")
    page.get_by_label("Game").select_option(label="Quiz")
    page.get_by_label("Questions").fill("3")
    page.get_by_role("button", name="Set the homework").click()
    expect(page.get_by_text("Set “Who represents whom?”")).to_be_visible()

    # Amira logs in with her card and does the homework on her phone.
    student_context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    student = student_context.new_page()
    login(student, username, password)
    expect(student.get_by_role("heading", name="Your homework")).to_be_visible()
    assert axe_violations(student) == []
    student.get_by_role("button", name="Start Who represents whom?").click()
    round_ = current_round(student)
    for item in RoundItem.objects.filter(round=round_).order_by("position"):
        answer_question(student, item, right=True)
        student.get_by_role("link", name="See your score").or_(student.get_by_role("link", name="Next question")).click()
    expect(student.get_by_role("heading", name="Round complete: 10 points")).to_be_visible()
    student.goto("/teach/")
    expect(student.get_by_role("heading", name="Teachers only")).to_be_visible()

    # Dev has his own account and joins with the code.
    joiner_context = browser.new_context(base_url=live_server.url)
    joiner = joiner_context.new_page()
    sign_up(joiner, "dev-plays")
    joiner.goto("/join/")
    joiner.get_by_label("Class code").fill("ZZZ-ZZZ")
    joiner.get_by_label("Your first name").fill("Dev")
    joiner.get_by_role("button", name="Join the class").click()
    expect(joiner.get_by_role("alert")).to_contain_text("doesn't match a class")
    joiner.get_by_label("Class code").fill(classroom.join_code_display.lower())
    joiner.get_by_label("Initial of your last name").fill("P")
    joiner.get_by_role("button", name="Join the class").click()
    expect(joiner.get_by_text("You've joined 10B Debate Club")).to_be_visible()
    expect(joiner.get_by_role("button", name="Start Who represents whom?")).to_be_visible()
    assert axe_violations(joiner) == []

    # The teacher reads the overview, the item analysis, and downloads the results.
    page.reload()
    overview = page.locator("table.overview")
    expect(overview.get_by_role("row").filter(has_text="Amira K.")).to_contain_text("Done: 10")
    expect(overview.get_by_role("row").filter(has_text="Ben O.")).to_contain_text("Not started")
    expect(overview.get_by_role("row").filter(has_text="Dev P.")).to_contain_text("Not started")
    assert axe_violations(page) == []
    page.get_by_role("link", name="Item analysis for Who represents whom?").click()
    expect(page.get_by_role("row").filter(has_text="Which organisation represents junior doctors")).to_contain_text("100%")
    expect(page.get_by_text("indicative").first).to_be_visible()
    page.go_back()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download results (CSV)").click()
    rows = list(csv.reader(io.StringIO(open(download_info.value.path(), encoding="utf-8-sig").read())))
    assert rows[0][0] == "student" and rows[1][0] == "Amira K." and rows[1][8] == "yes"

    # Dev changes his mind and leaves the class; his homework goes from his page.
    joiner.get_by_text("Leave a class").click()
    joiner.get_by_role("button", name="Leave 10B Debate Club").click()
    expect(joiner.get_by_text("You've left 10B Debate Club. Your scores stay yours.")).to_be_visible()
    expect(joiner.get_by_role("heading", name="Your homework")).to_have_count(0)
    for context in (teacher_context, student_context, joiner_context):
        context.close()


def test_a_second_teacher_cannot_open_the_first_teachers_class(page, teacher):
    classroom = classroom_make(teacher, students=2)
    teacher_create(username="mr-hughes", password="board-marker-19")
    login(page, "mr-hughes", "board-marker-19")
    response = page.goto(f"/teach/classes/{classroom.pk}/")
    assert response.status == 404
    page.goto("/teach/")
    expect(page.get_by_text("You have no classes yet")).to_be_visible()


def test_a_forgotten_password_gets_a_new_card_and_hidden_answers_stay_hidden(browser, live_server, teacher):
    debate = classroom_debate()
    classroom = classroom_make(teacher, students=2)
    membership = classroom.memberships.first()
    homework_make(classroom, debate, mode="quiz", title="Secret quiz", answers_shown=Assignment.Answers.AFTER_DUE)
    teacher_context = browser.new_context(base_url=live_server.url)
    page = teacher_context.new_page()
    login(page, "ms-okafor", "chalk-and-talk-42")
    page.goto(f"/teach/classes/{classroom.pk}/")
    page.get_by_role("link", name=membership.display_name).click()
    expect(page.get_by_role("heading", name=membership.display_name)).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Reset password and print a new card").click()
    card = page.locator(".login-card")
    expect(card).to_have_count(1)
    password = card.locator(".card-secret").nth(1).inner_text()

    student_context = browser.new_context(base_url=live_server.url)
    student = student_context.new_page()
    login(student, membership.student.username, password)
    student.get_by_role("button", name="Start Secret quiz").click()
    round_ = current_round(student)
    item = RoundItem.objects.get(round=round_, position=0)
    student.locator("button.option").first.click()
    expect(student.get_by_role("heading", name="Answer saved")).to_be_visible()
    expect(student.locator("#play")).not_to_contain_text("Right!")
    expect(student.locator("#play")).not_to_contain_text(item.right_label)
    student.get_by_role("link", name="Finish").or_(student.get_by_role("link", name="Next question")).click()
    expect(student.get_by_role("heading", name="Homework handed in")).to_be_visible()

    page.goto(f"/teach/classes/{classroom.pk}/leaderboard/")
    expect(page.get_by_role("heading", name="10B Debate Club: all time")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text=membership.display_name)).to_be_visible()
    assert axe_violations(page) == []
    page.goto(f"/teach/classes/{classroom.pk}/")
    other = classroom.memberships.exclude(pk=membership.pk).get()
    page.get_by_role("link", name=other.display_name).click()
    page.get_by_role("button", name="Remove from 10B Debate Club").click()
    expect(page.get_by_text(f"{other.display_name} is no longer in 10B Debate Club")).to_be_visible()
    expect(page.locator("table.overview")).not_to_contain_text(other.display_name)
    page.get_by_role("button", name="Switch joining off").click()
    expect(page.locator(".join-panel")).to_contain_text("Joining with a code is off: nobody new can join")
    expect(page.locator(".join-code")).to_have_count(0)
    for context in (teacher_context, student_context):
        context.close()


def test_a_teacher_renames_the_class_and_gives_the_homework_an_extension(page, teacher):
    from datetime import timedelta

    from django.utils import timezone

    debate = classroom_debate()
    classroom = classroom_make(teacher)
    assignment = homework_make(classroom, debate, title="Hunt v the BMA")
    login(page, "ms-okafor", "chalk-and-talk-42")
    page.goto(f"/teach/classes/{classroom.pk}/")

    page.get_by_text("Rename the class").click()
    page.get_by_label("New name").fill("11B Debate Club")
    page.get_by_role("button", name="Rename").click()
    expect(page.get_by_role("heading", name="11B Debate Club", level=1)).to_be_visible()
    expect(page.get_by_text("“10B Debate Club” is now “11B Debate Club”.")).to_be_visible()

    page.get_by_text("Change the due date").click()
    extended = timezone.localtime(assignment.due_at + timedelta(days=3)).replace(second=0, microsecond=0)
    page.get_by_label("New due date for Hunt v the BMA").fill(extended.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Save the date for Hunt v the BMA").click()
    expect(page.get_by_text(f"“Hunt v the BMA” is now due {extended:%a %-d %b %H:%M}.")).to_be_visible()
    assignment.refresh_from_db()
    assert assignment.due_at == extended
    assert axe_violations(page) == []
