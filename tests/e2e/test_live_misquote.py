"""Spot the misquote, live in a browser: Ms Okafor hosts it on the projector, two phones (390×844)
read the four versions and answer, and the projector's answer marks what each misquote changed."""

import pytest
from playwright.sync_api import expect

from game.models import LiveGame
from tests.e2e.conftest import axe_violations, login
from tests.e2e.test_live import phone, quick_reading  # noqa: F401 - a fixture, found by name
from tests.factories import classroom_debate, misquotes_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_class_spots_the_misquote_live_and_the_projector_marks_each_change(browser, live_server, teacher,
                                                                              quick_reading):
    misquotes_make(classroom_debate())
    host_context = browser.new_context(base_url=live_server.url, viewport={"width": 1920, "height": 1080})
    host = host_context.new_page()
    login(host, "ms-okafor", "chalk-and-talk-42")
    host.goto("/live/new/")
    host.get_by_label("Game").select_option(label="Spot the misquote")
    host.get_by_label("Questions", exact=True).fill("2")
    host.get_by_role("button", name="Open the lobby").click()
    pin = host.locator(".live-pin").inner_text()
    question = LiveGame.objects.get(pin=pin).questions.get(position=0)
    speaker = question.source["speaker"][0]

    phones = {}
    for name in ("Ann", "Ben"):
        context, page = phone(browser, live_server)
        page.goto(f"/live/?pin={pin}")
        page.get_by_label("Nickname").fill(name)
        page.get_by_role("button", name="Join").click()
        expect(page.get_by_role("heading", name=f"You're in, {name}!")).to_be_visible()
        phones[name] = (context, page)
    expect(host.locator(".live-names")).to_contain_text("Ben")
    host.get_by_role("button", name="Start the game").click()

    # The projector and the phones: the speaker and four versions, nothing telling the real words apart.
    expect(host.get_by_role("heading", name=f"Which is what {speaker} really said?")).to_be_visible()
    expect(host.locator(".live-versions .opt")).to_have_count(4)
    ann = phones["Ann"][1]
    expect(ann.get_by_role("heading", name=f"Which is what {speaker} really said?")).to_be_visible()
    versions = ann.locator("button.live-version")
    expect(versions).to_have_count(4)
    expect(ann.locator(".live-answer:not(.is-waiting)")).to_be_visible()
    for n in range(4):  # each version whole and readable on the phone, every one on the screen
        box = versions.nth(n).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["y"] + box["height"] <= 844, box
        assert versions.nth(n).evaluate("b => b.scrollWidth <= b.clientWidth")
        assert float(versions.nth(n).evaluate("b => getComputedStyle(b).fontSize").removesuffix("px")) >= 14
    assert axe_violations(ann) == []
    assert "really said version" not in host.content() and "<del>" not in ann.content()

    # Ann finds the real words; Ben falls for the first misquote.
    fooled_by = question.source["misquotes"][0]
    ann.get_by_role("button", name=f"Version {question.right_answer}:").click()
    phones["Ben"][1].get_by_role("button", name=f"Version {fooled_by['option']}:").click()
    expect(ann.get_by_role("heading", name="✓ Right!")).to_be_visible()
    expect(phones["Ben"][1].get_by_role("heading", name="✗ Not quite")).to_be_visible()

    # The projector's answer: the real words, then each misquote with its change marked and named.
    expect(host.get_by_role("heading", name=f"{speaker} really said version {question.right_answer}")).to_be_visible()
    changes = host.locator(".live-misquote-changes li")
    expect(changes).to_have_count(3)
    first = changes.filter(has_text=fooled_by["kind_name"])
    expect(first).to_have_count(1)
    marked = [(op, text) for op, text in fooled_by["changes"] if op in ("del", "ins")]
    assert marked, fooled_by
    for op, text in marked:
        mark = first.locator(op)
        expect(mark.first).to_be_visible()
        expect(mark.filter(has_text=text.strip()).first).to_contain_text("cut:" if op == "del" else "added:")
    expect(host.locator(".live-version-bars .is-right")).to_contain_text("the real words")
    assert host.get_by_text("What was changed?").count() == 0  # no follow-up live
    assert axe_violations(host) == []
    for context, _ in phones.values():
        context.close()
    host_context.close()
