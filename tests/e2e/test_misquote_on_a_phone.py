"""A student plays Spot the misquote on a phone (390×844), by keyboard alone: the speaker and the four
versions are on one screen; she finds the real words, then answers "What was changed?" by tapping
(here: tabbing to and pressing) a changed word; the answer marks and names each change."""

import pytest
from playwright.sync_api import expect

from game.models import Misquote, Quote, RoundItem
from tests.e2e.conftest import axe_violations
from tests.e2e.play_helpers import current_round, sign_up, tab_to
from tests.factories import classroom_debate, misquotes_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
BOTTOMS = """selector => [...document.querySelectorAll(selector)].filter(e => e.getClientRects().length)
    .map(e => e.getBoundingClientRect().bottom + scrollY)"""


def lowest(page, selector: str) -> float:
    found = page.evaluate(BOTTOMS, selector)
    assert found, f"nothing matches {selector}"
    return max(found)


def test_a_student_on_a_phone_finds_the_real_words_and_then_what_was_changed(browser, live_server):
    debate = classroom_debate()
    debate.status = "published"
    debate.save()
    misquotes_make(debate)
    # The longest quotation of the debate, with its misquotes: all four versions must still fit.
    longest = max(Quote.objects.filter(article__debate=debate), key=lambda q: len(q.text))
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, has_touch=True, is_mobile=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    sign_up(page, "amira")
    page.goto("/")
    start = page.locator(".debate-card .mode-misquote button, .debate-card button.mode-misquote").first
    tab_to(page, start)
    page.keyboard.press("Enter")
    expect(page.locator("#play .question-title")).to_contain_text("really said?")
    round_ = current_round(page)
    # Put the longest quotation first, as dealt (its snapshot), so the check is the hardest one.
    first = RoundItem.objects.get(round=round_, position=0)
    swap = RoundItem.objects.filter(round=round_, quote=longest).first()
    if swap and swap.pk != first.pk:
        fields = ["quote", "asked", "options", "option_labels", "right_answer", "right_label", "source"]
        values = {f: getattr(swap, f) for f in fields}
        for f in fields:
            setattr(swap, f, getattr(first, f))
            setattr(first, f, values[f])
        swap.save(update_fields=fields)
        first.save(update_fields=fields)
        page.reload()
    page.wait_for_load_state()
    item = RoundItem.objects.get(round=round_, position=0)
    speaker = item.source["speaker"][0]
    expect(page.locator("#play .question-title")).to_have_text(f"Which is what {speaker} really said?")
    versions = page.locator("#play button.misquote-option")
    expect(versions).to_have_count(4)
    assert lowest(page, "#play button.misquote-option") <= PHONE["height"], "a version is below the fold"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert axe_violations(page) == []
    right = page.locator(f'#play button.misquote-option[value="{item.right_answer}"]')
    tab_to(page, right)
    page.keyboard.press("Enter")
    expect(page.locator("#play .feedback-title")).to_contain_text("Right!")
    expect(page.locator("#play [data-panel=feedback]")).to_contain_text("Now a harder one: what was changed")
    expect(page.locator("#play [data-panel=feedback] del")).to_have_count(0)  # not marked yet
    next_link = page.locator("#play [data-show-next]")
    tab_to(page, next_link)
    page.keyboard.press("Enter")
    expect(page.locator("#play .question-title")).to_have_text("What was changed?")
    follow = RoundItem.objects.get(round=round_, position=1)
    assert follow.kind == "mq_change"
    words = page.locator("#play button.word-button")
    tappable = [label for label, _ in follow.option_labels if label != "…"]  # a stretch's gaps are not words
    expect(words).to_have_count(len(tappable))
    assert lowest(page, "#play button.word-button") <= PHONE["height"], "a word is below the fold"
    assert axe_violations(page) == []
    changed = page.locator(f'#play button.word-button[value="{follow.source["changed"][0]}"]')
    tab_to(page, changed, presses=80)
    page.keyboard.press("Enter")
    expect(page.locator("#play .feedback-title")).to_contain_text("Right!")
    feedback = page.locator("#play [data-panel=feedback]")
    expect(feedback.locator(".misquote-changes li")).to_have_count(3)
    for misquote in item.source["misquotes"]:
        expect(feedback).to_contain_text(misquote["kind_name"])
    expect(feedback.locator("mark")).to_have_text(Quote.objects.get(pk=item.quote_id).text)
    assert feedback.locator("del, ins").count() >= 3
    assert axe_violations(page) == []
    context.close()


def test_every_seed_quotation_with_misquotes_fits_a_phone(browser, live_server):
    """The seed pack's quotations, each dealt in turn: the speaker and the four versions on one screen."""
    import random
    from pathlib import Path

    from django.utils import timezone

    from game.models import Debate
    from game.services.importing import articles_import
    from game.services.rounds import Owner, round_start

    articles_import(paths=[Path("seeds")])
    debate = Debate.objects.get(slug="junior-doctors-contract")
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto("/")
    page.locator(".debate-card .mode-misquote").first.click()  # a visitor's session starts with a round
    expect(page.locator("#play .question-title")).to_be_visible()
    session = next(c["value"] for c in context.cookies() if c["name"] == "sessionid")
    round_ = round_start(debate=debate, mode="misquote", owner=Owner(None, session), now=timezone.now(),
                         rng=random.Random(7), count=100)
    items = list(round_.items.order_by("position"))
    assert len(items) >= 12  # the pack's quotations with three reviewed misquotes
    heights = {}
    for item in items:
        page.goto(f"/rounds/{round_.pk}/")
        page.wait_for_load_state()
        expect(page.locator("#play button.misquote-option")).to_have_count(4)
        heights[item.quote_id] = round(lowest(page, "#play button.misquote-option"))
        RoundItem.objects.filter(pk=item.pk).update(answered_at=timezone.now(), correct=False, answer=0)
    print("\nLast version's bottom edge (px) at 390×844, per seed quotation:", sorted(heights.values()))
    assert max(heights.values()) <= PHONE["height"]
    context.close()
