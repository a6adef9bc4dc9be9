"""A student sorts argument cards by keyboard only, and another by dragging."""

import pytest
from playwright.sync_api import expect

from game.models import RoundItem
from tests.e2e.conftest import axe_violations
from tests.e2e.play_helpers import current_round, sign_up
from tests.factories import classroom_debate, more_arguments

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def dealt_cards(page):
    round_ = current_round(page)
    return list(RoundItem.objects.filter(round=round_).select_related("argument__side").order_by("position"))


def zone_index(debate, side_id) -> int:
    """Zones left to right: unsorted, then the sides in order."""
    return 1 + [side.pk for side in debate.sides.all()].index(side_id)


def test_sorting_by_keyboard_only(page):
    debate = classroom_debate()
    more_arguments(debate)
    sign_up(page, "keyboard-kai")
    page.get_by_role("button", name="Sort the arguments").first.click()
    expect(page.get_by_role("heading", name="Which side made each argument?")).to_be_visible()
    assert axe_violations(page) == []
    cards = dealt_cards(page)
    announcer = page.locator("[data-announcer]")
    wrong_card = cards[0]

    for item in cards:
        card = page.locator(f'[data-card="{item.position}"]')
        card.locator("[data-handle]").focus()
        page.keyboard.press("Space")
        expect(announcer).to_contain_text("Picked up")
        target = zone_index(debate, item.argument.side_id)
        if item is wrong_card:
            target = 3 - target  # the other side
        for _ in range(target):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Space")
        expect(announcer).to_contain_text("Dropped under")
        expect(card.locator("input[type=radio]:checked")).to_have_count(1)

    # Escape cancels a move.
    first = page.locator(f'[data-card="{cards[1].position}"] [data-handle]')
    first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Escape")
    expect(announcer).to_contain_text("Cancelled")

    page.get_by_role("button", name="Check my answers").focus()
    page.keyboard.press("Enter")
    right = len(cards) - 1
    expect(page.get_by_role("heading", name=f"{right} of {len(cards)} right: {5 * right} points")).to_be_visible()
    expect(page.locator(".result.is-wrong")).to_have_count(1)
    expect(page.locator(".result.is-wrong")).to_contain_text(wrong_card.argument.side.name)
    assert axe_violations(page) == []

    page.goto("/me/")
    expect(page.locator(".stats")).to_contain_text(str(5 * right))
    page.goto(f"/leaderboard/{debate.slug}/")
    expect(page.locator("tr.is-me")).to_contain_text(str(5 * right))


def test_sorting_by_dragging(page):
    debate = classroom_debate()
    more_arguments(debate)
    page.set_viewport_size({"width": 1280, "height": 1800})  # every pile in view while dragging
    page.emulate_media(reduced_motion="reduce")  # no sliding animation between one drag and the next
    page.goto("/")
    page.get_by_role("button", name="Sort the arguments").first.click()
    expect(page.locator("form[data-ready]")).to_have_count(1)  # the board's script has made the piles draggable
    cards = dealt_cards(page)
    for item in cards:
        card = page.locator(f'[data-card="{item.position}"] .card-claim').bounding_box()
        zone = page.locator(f'[data-zone-list="{item.argument.side_id}"]').bounding_box()
        page.mouse.move(card["x"] + 20, card["y"] + card["height"] / 2)
        page.mouse.down()
        page.mouse.move(card["x"] + 40, card["y"] + card["height"] / 2 + 10, steps=4)
        page.mouse.move(zone["x"] + zone["width"] / 2, zone["y"] + zone["height"] - 10, steps=12)
        page.mouse.move(zone["x"] + zone["width"] / 2 + 3, zone["y"] + zone["height"] - 8, steps=2)
        page.mouse.up()
        expect(page.locator(f'[data-zone-list="{item.argument.side_id}"] [data-card="{item.position}"]')).to_have_count(1)
        expect(page.locator(f'[data-card="{item.position}"] input[value="{item.argument.side_id}"]')).to_be_checked()
    page.get_by_role("button", name="Check my answers").click()
    total = len(cards)
    expect(page.get_by_role("heading", name=f"{total} of {total} right: {5 * total + 10} points")).to_be_visible()


def test_checking_with_cards_left_keeps_the_board_and_points_at_them(page):
    debate = classroom_debate()
    more_arguments(debate)
    page.goto("/")
    page.get_by_role("button", name="Sort the arguments").first.click()
    cards = dealt_cards(page)
    left_out = cards[-2:]
    for item in cards[:-2]:
        page.locator(f'[data-card="{item.position}"] input[value="{item.argument.side_id}"]').check()
    page.get_by_role("button", name="Check my answers").click()

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("2 cards are still to place")
    expect(alert).to_be_focused()
    for item in cards[:-2]:  # every card placed so far is still where the student put it
        expect(page.locator(f'[data-zone-list="{item.argument.side_id}"] [data-card="{item.position}"]')).to_have_count(1)
    for item in left_out:
        expect(page.locator(f'[data-zone-list=""] [data-card="{item.position}"]')).to_contain_text("Still to place")
    assert axe_violations(page) == []

    for item in left_out:
        page.locator(f'[data-card="{item.position}"] input[value="{item.argument.side_id}"]').check()
    expect(page.locator(".card-flag")).to_have_count(0)
    page.get_by_role("button", name="Check my answers").click()
    total = len(cards)
    expect(page.get_by_role("heading", name=f"{total} of {total} right: {5 * total + 10} points")).to_be_visible()
