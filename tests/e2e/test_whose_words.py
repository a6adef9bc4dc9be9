"""A student plays "Whose words?" on the seed debate by keyboard: a sentence, three choices, and
the feedback with the sentence marked in its paragraph."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from game.models import RoundItem
from game.services.importing import articles_import
from tests.e2e.conftest import axe_violations
from tests.e2e.play_helpers import current_round, sign_up, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_student_tells_quoted_reported_and_own_words_apart_by_keyboard(page):
    articles_import(paths=[Path("seeds")])
    sign_up(page, "ines")
    page.get_by_role("button", name="Whose words?").first.click()
    expect(page.get_by_role("heading", name="Whose words are these")).to_be_visible()
    assert axe_violations(page) == []
    items = list(RoundItem.objects.filter(round=current_round(page)).order_by("position"))
    assert len(items) >= 9
    for number, item in enumerate(items[:3]):
        expect(page.locator(".sentence-card")).to_have_text(item.asked, use_inner_text=True)  # as shown: whole, not folded
        target = page.get_by_role("button", name=item.right_label)
        tab_to(page, target)  # Tab to the right answer, Enter to give it
        page.keyboard.press("Enter")
        feedback = page.locator(".feedback")
        expect(feedback).to_be_focused()
        expect(feedback.get_by_role("heading", name="Right!")).to_be_visible()
        expect(feedback.locator(".source mark")).to_have_text(item.asked)
        expect(feedback.locator(".explanation")).to_have_text(item.source["explanation"])
        if number == 0:
            assert axe_violations(page) == []
        page.get_by_role("link", name="Next question").click()
        expect(page.locator(".question-title")).to_be_focused()
