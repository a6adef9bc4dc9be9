"""A live game in a school hall: the projector at 1920×1080 and phones at 390×844. Teams, a locked
lobby, type that reads from the back, every option on a phone's screen with a long quotation, and
a podium whose places match the table."""

import pytest
from playwright.sync_api import expect

from game.models import LiveGame
from tests.e2e.conftest import axe_violations, login
from tests.e2e.test_live import answer, phone, quick_reading  # noqa: F401 - the fixture
from tests.factories import classroom_debate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LONG_QUOTE = " ".join(["The contract as drafted asks junior doctors to work more weekends for the same pay,"
                       " and nobody who has worked a night shift on a short-staffed ward believes that is safe."] * 3)


def font_px(locator) -> float:
    return float(locator.evaluate("element => parseFloat(getComputedStyle(element).fontSize)"))


def test_a_hall_plays_in_teams_on_the_projector_and_phones(browser, live_server, teacher, quick_reading):  # noqa: F811
    classroom_debate()
    projector = browser.new_context(base_url=live_server.url, viewport={"width": 1920, "height": 1080}).new_page()
    projector.context.set_default_timeout(10_000)
    login(projector, "ms-okafor", "chalk-and-talk-42")
    projector.goto("/live/new/")
    projector.get_by_label("Game").select_option(label="Who said it?")
    projector.get_by_label("Questions", exact=True).fill("1")
    projector.get_by_label("Proposition against Opposition").check()
    projector.get_by_role("button", name="Open the lobby").click()

    # The projector: no site menu, a full-screen button, a PIN readable from the back of the hall.
    pin_text = projector.locator(".live-pin")
    pin = pin_text.inner_text()
    expect(projector.get_by_role("navigation", name="Main")).to_have_count(0)
    expect(projector.get_by_role("button", name="Full screen")).to_be_visible()
    assert font_px(pin_text) >= 96
    game = LiveGame.objects.get(pin=pin)
    question = game.questions.get()
    question.asked = LONG_QUOTE  # a long quotation, to see that a phone still shows every option
    question.save(update_fields=["asked"])

    phones = {}
    for name in ("Ann", "Ben", "Cy"):
        context, page = phone(browser, live_server)
        page.goto(f"/live/?pin={pin}")
        page.get_by_label("Nickname").fill(name)
        page.get_by_role("button", name="Join").click()
        expect(page.get_by_role("heading", name=f"You're in, {name}!")).to_be_visible()
        phones[name] = page
    ann, ben, cy = phones["Ann"], phones["Ben"], phones["Cy"]
    expect(ann.locator("#live-me")).to_have_text("Ann · Proposition · 0 points")  # balanced as they join
    expect(ben.locator("#live-me")).to_contain_text("Opposition")
    expect(ann.get_by_role("navigation", name="Main")).to_have_count(0)  # no site menu while playing
    expect(projector.locator(".live-team-list", has_text="Proposition")).to_contain_text("Cy")  # 3rd: the smaller

    # A rude name: the host removes it, and that browser can't come back under a nicer one.
    rude_context, rude = phone(browser, live_server)
    rude.goto(f"/live/?pin={pin}")
    rude.get_by_label("Nickname").fill("Big Bum")
    rude.get_by_role("button", name="Join").click()
    expect(rude.get_by_role("heading", name="You're in, Big Bum!")).to_be_visible()
    expect(projector.locator(".live-teams")).to_contain_text("Big Bum")
    projector.get_by_role("button", name="Remove Big Bum").click()
    expect(projector.get_by_text("Big Bum has left the game.")).to_be_visible()
    rude.goto(f"/live/?pin={pin}")
    rude.get_by_label("Nickname").fill("Nice Name")
    rude.get_by_role("button", name="Join").click()
    expect(rude.get_by_role("alert")).to_contain_text("removed you from this game")
    rude_context.close()

    # The host moves Cy to Opposition on the players page; Cy's phone shows the new team.
    projector.get_by_role("link", name="Players and teams").click()
    projector.get_by_label("Team for Cy").select_option(label="Opposition")
    projector.get_by_role("button", name="Move Cy", exact=True).click()
    expect(projector.get_by_text("Cy is now in Opposition.")).to_be_visible()
    assert axe_violations(projector) == []
    projector.get_by_role("link", name="Back to the game").click()
    expect(cy.locator("#live-me")).to_contain_text("Opposition")

    # The host locks the lobby: a latecomer is told so, and nothing is lost for those in.
    projector.get_by_role("button", name="Lock the lobby").click()
    expect(projector.get_by_text("Locked: no one new can join")).to_be_visible()
    late_context, late = phone(browser, live_server)
    late.goto(f"/live/?pin={pin}")
    late.get_by_label("Nickname").fill("Dan")
    late.get_by_role("button", name="Join").click()
    expect(late.get_by_role("alert")).to_contain_text("locked this game")
    assert axe_violations(projector) == []

    projector.get_by_role("button", name="Start the game").click()
    assert font_px(projector.locator(".live-question")) >= 40
    for page in phones.values():
        expect(page.locator("button.option").first).to_be_visible()
    # Every option is on the phone's screen without scrolling, under the shortened quotation.
    # (Measured in one go in the page, so all the boxes come from the same screen.)
    boxes, quotation = ann.evaluate("""() => [
        [...document.querySelectorAll("#live button.option")].map(b => b.getBoundingClientRect().toJSON()),
        document.querySelector("#live .live-quote").getBoundingClientRect().toJSON()]""")
    assert len(boxes) >= 2 and all(box["height"] > 0 and box["y"] + box["height"] <= 844 for box in boxes)
    assert quotation["y"] + quotation["height"] <= boxes[0]["y"]
    ann.get_by_text("Read it all").click()  # the whole quotation is one tap away
    expect(ann.locator(".live-quote details p")).to_contain_text("nobody who has worked a night shift")
    assert axe_violations(ann) == []

    answer(ann, question.right_label)
    wrong = next(label for label, _ in question.option_labels if label != question.right_label)
    answer(ben, wrong)
    answer(cy, wrong)
    expect(projector.get_by_role("heading", name=f"The answer: {question.right_label}")).to_be_visible()
    expect(ann.get_by_role("heading", name="✓ Right!")).to_be_visible()
    # Proposition is Ann alone now (Cy moved): her right answer puts her team first.
    expect(ann.locator(".live-team")).to_contain_text("Proposition: 1st of 2 teams")

    projector.get_by_role("button", name="Show the podium").click()
    # Ben and Cy tie: they share second place on the podium and in the table, and nobody is third.
    expect(projector.get_by_role("heading", name="Team podium")).to_be_visible()
    players_podium = projector.locator(".podium-steps").nth(1)
    expect(players_podium.locator(".step-1")).to_contain_text("Ann")
    expect(players_podium.locator(".step-2")).to_contain_text("Ben")
    expect(players_podium.locator(".step-2")).to_contain_text("Cy")
    expect(players_podium.locator(".step-3")).to_have_count(0)
    places = projector.locator("table.board tbody tr td:first-child").all_inner_texts()
    assert places == ["1st", "2nd", "2nd"]
    assert axe_violations(projector) == []
    expect(cy.get_by_text("You finished 2nd of 3")).to_be_visible()
    for page in (projector, *phones.values()):
        page.context.close()
    late_context.close()
