"""A student plays "What kind of evidence?" by keyboard alone, hears the feedback, and sees the passage."""

import pytest
from playwright.sync_api import expect

from game.models import Argument, RoundItem
from tests.e2e.conftest import axe_violations
from tests.e2e.play_helpers import current_round, sign_up, tab_to
from tests.factories import classroom_debate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_student_says_what_each_argument_rests_on_by_keyboard(page):
    debate = classroom_debate()
    for argument, kind in zip(Argument.objects.filter(debate=debate).order_by("pk"),
                              ["prediction", "example", "expert", "value"]):
        argument.reason_type = kind
        argument.save(update_fields=["reason_type"])
    sign_up(page, "noor")
    page.get_by_role("button", name="What kind of evidence?").first.click()
    expect(page.get_by_role("heading", name="What kind of evidence does this argument rest on?")).to_be_visible()
    assert axe_violations(page) == []
    items = list(RoundItem.objects.filter(round=current_round(page)).order_by("position"))
    assert len(items) == 4
    for number, item in enumerate(items):
        expect(page.locator(".argument-card")).to_have_text(item.asked)
        # Keyboard only: Tab to the right kind, Enter to answer.
        target = page.get_by_role("button", name=item.right_label)
        tab_to(page, target)  # Tab to the right answer, Enter to give it
        page.keyboard.press("Enter")
        feedback = page.locator(".feedback")
        expect(feedback.get_by_role("heading", name="Right!")).to_be_visible()
        expect(feedback).to_be_focused()  # a screen reader hears the feedback first
        expect(feedback.locator(".explanation")).to_have_text(item.source["explanation"])
        expect(feedback.locator(".source blockquote")).to_have_text(item.source["paragraph"])
        if number == 0:
            assert axe_violations(page) == []
        page.keyboard.press("Tab")
        next_link = page.get_by_role("link", name="See your score" if number == len(items) - 1 else "Next question")
        next_link.focus()
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Round complete: 52 points")).to_be_visible()
    assert axe_violations(page) == []


def test_a_teacher_confirms_a_quotations_kind_on_the_review_page_and_a_student_is_asked_it(page, browser, live_server,
                                                                                         teacher):
    from game.models import Quote, Status
    from tests.e2e.conftest import login

    debate = classroom_debate()
    debate.owner = teacher
    debate.save(update_fields=["owner"])
    quote = Quote.objects.filter(article__debate=debate, status=Status.PUBLISHED).order_by("pk").first()
    login(page, "ms-okafor", "chalk-and-talk-42")
    # A published quotation is among "All" (the page opens on "To check" while the importer's drafts wait).
    page.goto(f"/teach/debates/{debate.pk}/?show=all")
    row = page.locator(f"#quote-{quote.pk}")
    row.locator("summary").click()  # one line until opened
    # Choosing from the row's list saves it in place (htmx, on change), with "Saved" announced.
    row.get_by_label("Kind of evidence").select_option("prediction")
    expect(row.get_by_role("status")).to_have_text("Saved")
    quote.refresh_from_db()
    assert quote.reason_type == "prediction"
    page.reload()
    page.locator(f"#quote-{quote.pk} summary").click()
    expect(page.locator(f"#quote-{quote.pk}").get_by_label("Kind of evidence")).to_have_value("prediction")
    expect(page.get_by_text("What kind of evidence? can be played.")).to_be_visible()
    assert axe_violations(page) == []

    student_page = browser.new_context(base_url=live_server.url).new_page()
    sign_up(student_page, "ravi")
    student_page.get_by_role("button", name="What kind of evidence?").first.click()
    expect(student_page.get_by_role("heading", name="What kind of evidence does this quotation rest on?")).to_be_visible()
    expect(student_page.locator(".quote-card")).to_have_text(f"“{quote.text}”")
    tab_to(student_page, student_page.get_by_role("button", name="A prediction"))
    student_page.keyboard.press("Enter")
    feedback = student_page.locator(".feedback")
    expect(feedback.get_by_role("heading", name="Right!")).to_be_visible()
    expect(feedback.locator(".source mark")).to_have_text(quote.text)
    assert axe_violations(student_page) == []
    student_page.context.close()
