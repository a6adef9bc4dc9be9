"""Every page a student reads passes axe-core (no serious or critical violations), phone and projector."""

import pytest

from game.models import Article
from tests.e2e.conftest import axe_violations
from tests.factories import classroom_debate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1920, "height": 1080}])
def test_the_reading_pages_pass_axe(browser, live_server, viewport):
    debate = classroom_debate()
    article = Article.objects.get()
    context = browser.new_context(base_url=live_server.url, viewport=viewport)
    page = context.new_page()
    for path in ("/", "/help/rules/", f"/articles/{article.pk}/", "/accounts/login/", "/accounts/signup/",
                 f"/leaderboard/{debate.slug}/", "/rounds/00000000-0000-0000-0000-000000000000/"):
        page.goto(path)
        assert axe_violations(page) == [], path
        # Nothing runs off the side of a phone.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path
    context.close()


def test_a_bad_signup_explains_itself_accessibly(page):
    page.goto("/accounts/signup/")
    page.get_by_label("Username").fill("x")
    page.get_by_label("Password", exact=True).fill("123")
    page.get_by_label("Password confirmation").fill("456")
    page.get_by_role("button", name="Sign up").click()
    assert page.locator(".errorlist").count() >= 1
    assert axe_violations(page) == []
