"""A live game on the projector with three phones: join, answer, reload, a late answer, the podium."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from game import rules
from game.models import LiveGame, LiveQuestion
from tests.e2e.conftest import axe_violations, login
from tests.factories import classroom_debate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def quick_reading(monkeypatch):
    monkeypatch.setattr(rules, "LIVE_READING_SECONDS", 1)


def phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844}, has_touch=True)
    context.set_default_timeout(10_000)
    return context, context.new_page()


def answer(page, label):
    page.locator("button.option", has_text=label).click()


def test_a_class_plays_a_live_game_to_the_podium(browser, live_server, teacher, quick_reading):
    classroom_debate()
    host_context = browser.new_context(base_url=live_server.url, viewport={"width": 1400, "height": 900})
    host = host_context.new_page()
    login(host, "ms-okafor", "chalk-and-talk-42")
    host.goto("/live/new/")
    host.get_by_label("Game").select_option(label="Who said it?")
    host.get_by_label("Questions", exact=True).fill("3")
    host.get_by_label("Time per question").select_option(label="20 seconds")
    host.get_by_role("button", name="Open the lobby").click()
    pin = host.locator(".live-pin").inner_text()
    game = LiveGame.objects.get(pin=pin)
    assert axe_violations(host) == []

    players = {}
    for name in ("Ann", "Ben", "Cy"):
        context, page = phone(browser, live_server)
        page.goto("/live/")
        page.get_by_label("Game PIN").fill(pin)
        page.get_by_label("Nickname").fill(name)
        page.get_by_role("button", name="Join").click()
        expect(page.get_by_role("heading", name=f"You're in, {name}!")).to_be_visible()
        players[name] = (context, page)
    expect(host.locator(".live-names")).to_contain_text("Cy")
    assert axe_violations(players["Ann"][1]) == []

    host.get_by_role("button", name="Start the game").click()
    questions = list(LiveQuestion.objects.filter(game=game).order_by("position"))

    def wrong(question):
        return next(label for pk, (label, _) in zip(question.options, question.option_labels) if pk != question.right_answer)

    # Question 1: Ann and Cy right, Ben wrong; everyone has answered, so the answer shows at once.
    for name, right in (("Ann", True), ("Ben", False), ("Cy", True)):
        page = players[name][1]
        answer(page, questions[0].right_label if right else wrong(questions[0]))
        expect(page.get_by_role("heading", name="Answer locked in").or_(page.get_by_role("heading", name="✓ Right!"))
               .or_(page.get_by_role("heading", name="✗ Not quite"))).to_be_visible()
    expect(players["Ann"][1].get_by_role("heading", name="✓ Right!")).to_be_visible()
    expect(players["Ben"][1].get_by_role("heading", name="✗ Not quite")).to_be_visible()
    expect(host.get_by_role("heading", name=f"The answer: {questions[0].right_label}")).to_be_visible()
    assert axe_violations(host) == []

    # Question 2: Ben reloads before answering and keeps his seat; the projector tab is closed and reopened.
    host.get_by_role("button", name="Next question").click()
    ben = players["Ben"][1]
    expect(ben.locator("button.option").first).to_be_visible()
    ben.reload()
    expect(ben.locator(".progress")).to_contain_text("Ben · 0 points")
    host.close()
    host = host_context.new_page()
    host.goto(f"/live/host/{pin}/")
    expect(host.locator(".live-question")).to_be_visible()
    for name in ("Ann", "Ben", "Cy"):
        answer(players[name][1], questions[1].right_label)
    expect(host.get_by_role("heading", name=f"The answer: {questions[1].right_label}")).to_be_visible()
    expect(players["Ben"][1].get_by_role("heading", name="✓ Right!")).to_be_visible()

    # Question 3: time runs out before Cy answers; her late tap is refused with a clear message.
    host.get_by_role("button", name="Next question").click()
    cy = players["Cy"][1]
    expect(cy.locator("button.option").first).to_be_visible()
    answer(players["Ann"][1], questions[2].right_label)
    cy.route("**/state/**", lambda route: route.abort())  # Cy's phone is slow to hear that time is up
    LiveGame.objects.filter(pk=game.pk).update(deadline=timezone.now() - timedelta(seconds=2))
    answer(cy, questions[2].right_label)
    expect(cy.get_by_role("alert")).to_contain_text("Too late: time was up for that question")
    expect(host.get_by_role("heading", name=f"The answer: {questions[2].right_label}")).to_be_visible()

    host.get_by_role("button", name="Show the podium").click()
    expect(host.get_by_role("heading", name="Podium")).to_be_visible()
    podium = host.locator(".podium li")
    expect(podium.first).to_contain_text("Ann")  # three right, and quickest on the last one
    expect(players["Ann"][1].locator(".live-final")).to_contain_text("You finished 1st of 3")
    expect(players["Ben"][1].locator(".live-final")).to_contain_text("of 3")
    for context, _ in players.values():
        context.close()
    host_context.close()
