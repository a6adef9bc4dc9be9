"""A student puts the story in order: one card dragged, the rest placed by keyboard with their
place lists; the results show the right order with dates and sources."""

from datetime import date

import pytest
from playwright.sync_api import expect

from game.models import Event, RoundItem, Status
from tests.e2e.conftest import axe_violations
from tests.e2e.play_helpers import current_round, sign_up
from tests.factories import classroom_debate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_student_orders_the_events_by_drag_and_by_keyboard(page):
    debate = classroom_debate()
    article = debate.articles.first()
    for n, day in enumerate([date(2016, 1, 12), date(2016, 2, 10), date(2016, 3, 9), date(2016, 4, 26)]):
        Event.objects.create(debate=debate, happened_on=day, text=f"Step {n + 1} of the dispute", article=article,
                             paragraph=article.paragraphs.get(index=n), status=Status.PUBLISHED)
    sign_up(page, "tomas")
    page.get_by_role("button", name="Put the story in order").first.click()
    expect(page.get_by_role("heading", name="Put these events in the order they happened")).to_be_visible()
    assert axe_violations(page) == []
    items = {i.asked: i for i in RoundItem.objects.filter(round=current_round(page))}
    cards = page.locator("[data-card]")
    # Drag the last card to the top: the place lists follow.
    last_text = cards.nth(3).locator(".timeline-text").inner_text()
    cards.nth(3).drag_to(cards.nth(0), target_position={"x": 10, "y": 2})
    expect(cards.nth(0).locator(".timeline-text")).to_have_text(last_text)
    expect(cards.nth(0).locator("select")).to_have_value("1")
    # Then set every place by keyboard: Tab to each list and type its place ("3" picks "3rd").
    page.locator("h1").focus()
    for n in range(4):
        card = cards.nth(n)
        right = items[card.locator(".timeline-text").inner_text()].right_answer
        page.keyboard.press("Tab")
        expect(card.locator("select")).to_be_focused()
        page.keyboard.press(str(right))
        expect(card.locator("select")).to_have_value(str(right))
    page.get_by_role("button", name="Check my order").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="6 of 6 pairs in the right order: 12 points")).to_be_visible()
    results = page.locator(".timeline-results li")
    expect(results.nth(0)).to_contain_text("12 January 2016")
    expect(results.nth(0).get_by_role("link", name=article.title)).to_be_visible()
    assert axe_violations(page) == []
