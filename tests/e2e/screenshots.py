"""The README's two screenshots, taken from the pages the browser tests drive: `python3 dev.py screenshots`.

A live game of *Who said it?* on the seed debate, on pytest-django's live server and throwaway test
database: a student answers on a phone (390×844, `docs/images/phone.png`) and the projector shows the
answer (the presenter view at 1920×1080, `docs/images/projector.png`).

The file's name is not `test_*.py`, so the suite never collects it (running the tests rewrites no
image); `dev.py screenshots` names it to pytest, which collects a file it is given.
"""

import random
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from game import rules
from game.models import Debate, LiveQuestion
from game.services.importing import articles_import
from game.services.live import answer_submit, game_create, player_join
from tests.e2e.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parent.parent.parent
IMAGES = ROOT / "docs" / "images"
PHONE = {"width": 390, "height": 844}
PROJECTOR = {"width": 1920, "height": 1080}
# The rest of the class, joined and answering through the service (a browser each would cost a lot for a
# picture): right or not, and how many seconds after the answers opened, so their points are the same every time.
CLASSMATES = [("Ben", True, 2.4), ("Chloe", True, 3.1), ("Dev", False, 4.0), ("Ezra", True, 5.5),
              ("Freya", False, 6.2), ("Hana", True, 9.0)]


def test_the_readme_screenshots(browser, live_server, teacher, monkeypatch):
    monkeypatch.setattr(rules, "LIVE_READING_SECONDS", 1)
    articles_import(paths=[ROOT / "seeds"])
    game = game_create(host=teacher, debate=Debate.objects.get(slug="junior-doctors-contract"), mode="who_said",
                       questions=5, seconds=30, rng=random.Random(22))  # the same question every time
    IMAGES.mkdir(parents=True, exist_ok=True)

    projector_context = browser.new_context(base_url=live_server.url, viewport=PROJECTOR)
    projector_context.set_default_timeout(10_000)
    projector = projector_context.new_page()
    login(projector, "ms-okafor", "chalk-and-talk-42")
    projector.goto(f"/live/host/{game.pin}/")

    phone_context = browser.new_context(base_url=live_server.url, viewport=PHONE, has_touch=True, is_mobile=True)
    phone_context.set_default_timeout(10_000)
    phone = phone_context.new_page()
    phone.goto(f"/live/?pin={game.pin}")
    phone.get_by_label("Nickname").fill("Amira")
    phone.get_by_role("button", name="Join").click()
    expect(phone.get_by_role("heading", name="You're in, Amira!")).to_be_visible()
    players = [(player_join(game=game, nickname=name), right, seconds) for name, right, seconds in CLASSMATES]
    expect(projector.locator(".live-names")).to_contain_text(CLASSMATES[-1][0])

    projector.get_by_role("button", name="Start the game").click()
    expect(phone.locator("button.option").first).to_be_visible()  # the reading pause is over
    phone.evaluate("document.activeElement.blur()")  # the focus ring on the question is for keyboards, not the picture
    phone.screenshot(path=IMAGES / "phone.png")

    question = LiveQuestion.objects.get(game=game, position=0)
    game.refresh_from_db()
    wrong = [pk for pk in question.options if pk != question.right_answer]
    for player, right, seconds in players:
        answer_submit(game=game, player=player, position=0, answer_id=question.right_answer if right else wrong[0],
                      now=game.opens_at + timedelta(seconds=seconds))
    # Amira is the last to answer, so the question closes; she answers wrong, since her points (a right answer's
    # depend on her real time) would make the leaderboard differ from one run to the next.
    amira_answers = dict(zip(question.options, question.option_labels))[wrong[1]][0]
    phone.locator("button.option", has_text=amira_answers).click()
    expect(projector.get_by_role("heading", name=f"The answer: {question.right_label}")).to_be_visible()
    projector.screenshot(path=IMAGES / "projector.png")

    phone_context.close()
    projector_context.close()
