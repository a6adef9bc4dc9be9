"""A student signs up and plays "Who said it?" with the mouse, then reads their scores."""

import pytest
from playwright.sync_api import expect

from game.models import RoundItem
from tests.e2e.conftest import axe_violations
from tests.e2e.play_helpers import answer_question, current_round, sign_up
from tests.factories import classroom_debate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_student_plays_a_full_round_and_sees_their_points(page):
    debate = classroom_debate()
    sign_up(page, "amira")
    assert axe_violations(page) == []

    page.get_by_role("button", name="Who said it?").first.click()
    expect(page.get_by_role("heading", name="Who said it?").or_(page.locator(".question-title"))).to_be_visible()
    assert axe_violations(page) == []
    page.evaluate("window.__sameDocument = true")  # survives only if answers don't reload the page
    round_requests = []
    page.on("request", lambda request: round_requests.append(request.method) if "/rounds/" in request.url else None)

    round_ = current_round(page)
    items = list(RoundItem.objects.filter(round=round_).select_related("quote__speaker", "question").order_by("position"))
    expected_points = 0
    streak = 0
    for number, item in enumerate(items):
        right = number != 1  # get the second one wrong
        answer_question(page, item, right=right)
        if right:
            streak += 1
            expected_points += 10 + min(2 * (streak - 1), 10)
        else:
            streak = 0
        if number == 0:
            assert axe_violations(page) == []
            if item.quote_id:
                expect(page.locator(".source mark")).to_have_text(item.quote.text)
                expect(page.get_by_role("link", name="Read the whole article")).to_be_visible()
        button = page.get_by_role("link", name="See your score" if number == len(items) - 1 else "Next question")
        button.click()
        if number < len(items) - 1:  # the next question arrived with the feedback; focus moves to it
            expect(page.locator(".question-title")).to_be_focused()
    expect(page.get_by_role("heading", name=f"Round complete: {expected_points} points")).to_be_visible()
    assert page.evaluate("window.__sameDocument") is True
    assert round_requests == ["POST"] * len(items)  # one request an answer; "Next question" costs none
    assert axe_violations(page) == []

    page.get_by_role("link", name="My scores").click()
    expect(page.locator(".stats")).to_contain_text(str(expected_points))
    assert axe_violations(page) == []
    page.goto(f"/leaderboard/{debate.slug}/")
    expect(page.locator("tr.is-me")).to_contain_text(f"amira (you){expected_points}".replace("(you)", "(you)"))
    assert axe_violations(page) == []


def test_the_same_round_works_with_javascript_off(browser, live_server):
    classroom_debate()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    page.get_by_role("button", name="Who said it?").first.click()
    round_ = current_round(page)
    item = RoundItem.objects.select_related("quote__speaker", "question").get(round=round_, position=0)
    answer_question(page, item, right=True)
    expect(page).to_have_url(f"{live_server.url}/rounds/{round_.pk}/?answered=0")
    page.get_by_role("link", name="Next question").click()
    expect(page.locator(".progress")).to_contain_text("Question 2 of")
    page.reload()  # a reload resumes where the round was
    expect(page.locator(".progress")).to_contain_text("Question 2 of")
    context.close()


def test_a_visitor_plays_on_a_phone_and_is_offered_an_account(phone_page):
    classroom_debate()
    page = phone_page
    page.goto("/")
    page.get_by_role("button", name="Quiz").first.click()
    round_ = current_round(page)
    for item in RoundItem.objects.filter(round=round_).select_related("question").order_by("position"):
        answer_question(page, item, right=True)
        page.get_by_role("link", name="See your score").or_(page.get_by_role("link", name="Next question")).click()
    expect(page.get_by_text("Keep your score:")).to_be_visible()
    box = page.locator(".summary .button-primary").bounding_box()
    assert box["height"] >= 44  # a tap target
    assert axe_violations(page) == []
    page.get_by_role("link", name="make an account").click()
    page.get_by_label("Username").fill("visitor-kim")
    page.get_by_label("Password", exact=True).fill("debate-club-2016")
    page.get_by_label("Password confirmation").fill("debate-club-2016")
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_text("Your round from this visit is saved to your account.")).to_be_visible()
    expect(page.locator(".you")).to_contain_text("10 points")
