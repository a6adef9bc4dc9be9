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
    expect(host.locator(".podium-steps .step-1")).to_contain_text("Ann")  # three right, and quickest on the last one
    expect(players["Ann"][1].locator(".live-final")).to_contain_text("You finished 1st of 3")
    expect(players["Ben"][1].locator(".live-final")).to_contain_text("of 3")
    for context, _ in players.values():
        context.close()
    host_context.close()


def test_the_host_removes_a_name_in_the_lobby_and_another_mid_game(browser, live_server, teacher, quick_reading):
    from game.services.live import game_create

    game = game_create(host=teacher, debate=classroom_debate(), mode="who_said", questions=2, seconds=30)
    host_context = browser.new_context(base_url=live_server.url, viewport={"width": 1400, "height": 900})
    host = host_context.new_page()
    login(host, "ms-okafor", "chalk-and-talk-42")
    host.goto(f"/live/host/{game.pin}/")
    phones = {}
    for name in ("Ann", "Bum Face", "Cy"):
        context, page = phone(browser, live_server)
        page.goto(f"/live/?pin={game.pin}")
        page.get_by_label("Nickname").fill(name)
        page.get_by_role("button", name="Join").click()
        phones[name] = page
    expect(host.locator(".live-names")).to_contain_text("Cy")

    host.get_by_role("button", name="Remove Bum Face").click()  # one click, in the lobby
    expect(host.get_by_text("Bum Face has left the game.")).to_be_visible()
    expect(host.locator(".live-names")).not_to_contain_text("Bum Face")
    expect(phones["Bum Face"].get_by_text("You're no longer in this game")).to_be_visible()

    host.get_by_role("button", name="Start the game").click()
    expect(phones["Cy"].locator("button.option").first).to_be_visible()
    phones["Ann"].locator("button.option").first.click()
    host.get_by_role("link", name="Players").click()
    expect(host.get_by_role("heading", name=f"Players in game {game.pin}")).to_be_visible()
    assert axe_violations(host) == []
    host.get_by_role("button", name="Remove Cy").click()  # mid-game
    expect(host.get_by_text("Cy has left the game.")).to_be_visible()
    expect(host.locator("table.board")).not_to_contain_text("Cy")
    host.get_by_role("link", name="Back to the game").click()
    # Ann was the only one left to answer, and had: the question closes at once.
    expect(host.get_by_role("heading", name="The answer:")).to_be_visible()
    expect(phones["Cy"].get_by_text("You're no longer in this game")).to_be_visible()  # at Cy's next look
    for page in phones.values():
        page.context.close()  # no phone goes on polling into the next test
    host_context.close()


def test_options_that_have_appeared_stay_up_when_an_older_screen_arrives_late(browser, live_server, teacher,
                                                                              quick_reading):
    """On a slow school network a screen made just before answers opened can arrive after the
    phone's clock has opened them. The options must not vanish again under a student's thumb."""
    from game.services.live import game_create, host_action

    game = game_create(host=teacher, debate=classroom_debate(), mode="who_said", questions=1, seconds=30)
    context, ann = phone(browser, live_server)
    ann.goto(f"/live/?pin={game.pin}")
    ann.get_by_label("Nickname").fill("Ann")
    ann.get_by_role("button", name="Join").click()
    expect(ann.get_by_role("heading", name="You're in, Ann!")).to_be_visible()
    game.refresh_from_db()
    host_action(game=game, action="start", version=game.version, now=timezone.now())
    expect(ann.locator("button.option").first).to_be_visible()

    # The same screen again, as the server made it 3 s before answers opened, arriving only now.
    game.refresh_from_db()
    made_before_opening = int(game.opens_at.timestamp() * 1000) - 3_000
    still_hidden = ann.evaluate("""made => new Promise(resolve => {
        const late = document.getElementById("live").cloneNode(true);
        late.querySelector("form.live-answer").classList.add("is-waiting");
        late.querySelectorAll("[data-server-now]").forEach(e => {  // as the server sent it: no marks of this page's clock
            e.dataset.serverNow = String(made); delete e.dataset.offsetRead; delete e.dataset.offset; });
        document.addEventListener("htmx:afterSettle", () => {
            const form = document.querySelector("#live form.live-answer");
            resolve(getComputedStyle(form).display === "none");
        }, { once: true });
        htmx.swap("#live", late.outerHTML, { swapStyle: "outerHTML" });
    })""", made_before_opening)
    assert still_hidden is False
    expect(ann.locator("button.option").first).to_be_visible()
    ann.locator("button.option").first.click()
    expect(ann.get_by_role("heading", name="Right!").or_(ann.get_by_role("heading", name="Not quite"))).to_be_visible()
    context.close()
