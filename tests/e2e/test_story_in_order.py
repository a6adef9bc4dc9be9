"""A teacher makes a debate from two dated articles, checks the dated events the importer found
(rewording one by keyboard), publishes, and a student puts the story in order and reads how each
date is known."""

import pytest
from playwright.sync_api import expect

from game.models import Event, RoundItem
from game.teachers import teacher_create
from tests.e2e.conftest import axe_violations
from tests.e2e.play_helpers import current_round, sign_up, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIRST = """Saturday 12 April 2025

Council votes to close Harbour Road library

Councillors voted last night to close the library on Harbour Road at the end of the month.

The campaign group Friends of Harbour Road said on Thursday that it had collected 2,000 signatures.
"""
SECOND = """Tuesday 22 April 2025

Volunteers offer to run Harbour Road library

A group of volunteers offered yesterday to run the library on Harbour Road without pay.

"We will not let it go," said their chair, Lena Marsh.
"""


def test_a_teacher_keeps_the_dated_events_and_a_student_puts_them_in_order(page, browser, live_server, tmp_path):
    teacher_create(username="mr-okafor", password="projector-and-pens-9")
    (tmp_path / "vote.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "volunteers.txt").write_text(SECOND, encoding="utf-8")
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("mr-okafor")
    page.get_by_label("Password").fill("projector-and-pens-9")
    page.get_by_role("button", name="Log in").click()
    page.goto("/teach/debates/new/")
    page.get_by_label("Motion").fill("Harbour Road library should stay open")
    page.get_by_label("Article files").set_input_files([str(tmp_path / "vote.txt"), str(tmp_path / "volunteers.txt")])
    page.get_by_role("button", name="Make the debate").click()

    section = page.locator("#events")
    expect(section.get_by_role("heading", name="Dated events for Put the story in order (5)")).to_be_visible()
    expect(page.get_by_text("Put the story in order needs published events on at least 4 different dates; it has 0."
                            )).to_be_visible()
    assert axe_violations(page) == []
    events = {e.happened_on.isoformat(): e for e in Event.objects.all()}
    assert sorted(events) == ["2025-04-10", "2025-04-11", "2025-04-12", "2025-04-21", "2025-04-22"]
    thursday = events["2025-04-10"]
    row = page.locator(f"#event-{thursday.pk}")
    row.locator("summary").click()  # one line until opened
    expect(row.get_by_label("How the source dates it")).to_have_value(
        "The article is dated Saturday 12 April 2025 and says “on Thursday”: the latest Thursday on or before it.")
    # By keyboard, from the row's date: reword it, tick Keep and save.
    row.get_by_label("Date", exact=True).focus()
    tab_to(page, row.get_by_label("What happened"))
    page.keyboard.press("Control+a")
    page.keyboard.type("Friends of Harbour Road collect 2,000 signatures.")
    tab_to(page, row.get_by_label("Keep"))
    page.keyboard.press("Space")
    tab_to(page, row.get_by_role("button", name="Save this event"))
    page.keyboard.press("Enter")
    expect(row.get_by_text("Saved the event.")).to_be_visible()  # saved in place
    expect(row.locator("summary")).to_contain_text("Friends of Harbour Road collect 2,000 signatures. Kept")
    thursday.refresh_from_db()
    assert (thursday.text, thursday.keep, thursday.reviewed) == ("Friends of Harbour Road collect 2,000 signatures.",
                                                                 True, True)
    for day in ("2025-04-11", "2025-04-21", "2025-04-12"):
        row = page.locator(f"#event-{events[day].pk}")
        row.locator("summary").click()
        row.get_by_label("Keep").check()
        row.get_by_role("button", name="Save this event").click()
        expect(row.get_by_text("Saved the event.")).to_be_visible()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("4 dated events and")).to_be_visible()
    expect(page.get_by_text("Put the story in order can be played.")).to_be_visible()

    student_context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    student = student_context.new_page()
    try:
        sign_up(student, "ines")
        student.locator(".debate-card", has_text="Harbour Road").get_by_role(
            "button", name="Put the story in order").click()
        expect(student.get_by_role("heading", name="Put these events in the order they happened")).to_be_visible()
        items = {i.asked: i for i in RoundItem.objects.filter(round=current_round(student))}
        assert len(items) == 4 and "Friends of Harbour Road collect 2,000 signatures." in items
        cards = student.locator("[data-card]")
        for n in range(4):
            card = cards.nth(n)
            card.locator("select").select_option(str(items[card.locator(".timeline-text").inner_text()].right_answer))
        student.get_by_role("button", name="Check my order").click()
        expect(student.get_by_role("heading", name="6 of 6 pairs in the right order: 12 points")).to_be_visible()
        results = student.locator(".timeline-results li")
        expect(results.nth(0)).to_contain_text("10 April 2025")
        expect(results.nth(0)).to_contain_text("How we know the date: The article is dated Saturday 12 April 2025 "
                                               "and says “on Thursday”")
        expect(results.nth(3)).to_contain_text("How we know the date: The article is dated 22 April 2025 and says "
                                               "“yesterday”.")
        assert axe_violations(student) == []
    finally:
        student_context.close()
