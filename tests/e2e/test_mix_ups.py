"""A student gets two quotes wrong, is offered their mix-ups, practises them by keyboard, and is
told plainly when nothing is left to practise."""

import pytest
from playwright.sync_api import expect

from game.models import RoundItem
from tests.e2e.conftest import axe_violations
from tests.e2e.play_helpers import answer_question, current_round, right_option_label, sign_up, tab_to
from tests.factories import classroom_debate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_student_practises_their_mix_ups_until_none_are_waiting(page):
    classroom_debate()
    sign_up(page, "kofi")
    expect(page.get_by_role("button", name="Practise my mix-ups")).to_have_count(0)  # nothing yet
    page.get_by_role("button", name="Who said it?").first.click()
    items = list(RoundItem.objects.filter(round=current_round(page)).select_related("quote__speaker", "question")
                 .order_by("position"))
    for number, item in enumerate(items):
        answer_question(page, item, right=number not in (0, 1))
        page.get_by_role("link", name="See your score" if number == len(items) - 1 else "Next question").click()
    page.get_by_role("link", name="Play", exact=True).click()
    offer = page.get_by_role("button", name="Practise my mix-ups")
    expect(offer).to_contain_text("2 of your mistakes to try again")
    assert axe_violations(page) == []
    offer.focus()
    page.keyboard.press("Enter")
    practice = list(RoundItem.objects.filter(round=current_round(page)).select_related("quote__speaker", "question")
                    .order_by("position"))
    assert {item.asked for item in practice} == {items[0].asked, items[1].asked}
    for number, item in enumerate(practice):
        if number:  # the next question came with the feedback, and focus moved to it
            expect(page.locator(".question-title")).to_be_focused()
        target = page.locator("button.option", has_text=right_option_label(item)).first
        tab_to(page, target)  # Tab to the right answer, Enter to give it
        page.keyboard.press("Enter")
        expect(page.locator(".feedback")).to_be_focused()
        expect(page.locator(".feedback-title")).to_contain_text("Right!")
        if number == 0:
            assert axe_violations(page) == []
        page.get_by_role("link", name="See your score" if number == len(practice) - 1 else "Next question").click()
    expect(page.get_by_role("heading", name="Round complete")).to_be_visible()
    page.get_by_role("link", name="My scores").click()
    expect(page.get_by_text("Nothing to practise just now")).to_be_visible()  # back tomorrow, not before
    assert axe_violations(page) == []
