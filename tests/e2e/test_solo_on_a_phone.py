"""A student practises alone on a phone (390×844), logged in, on the seed debate: every game mode in
the registry, one after another. Each question and all its answer controls are on the first screen,
under a slim bar instead of the site menu; a long quotation folds, with *Read it all* one tap away;
the feedback (right or wrong, with its passage) has *Next* on the same screen; the boards scroll but
their first cards' controls are in view; and nothing is wider than a 360×640 phone."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from game.models import RoundItem
from game.modes import modes
from game.services.importing import articles_import
from tests.e2e.conftest import axe_violations
from tests.e2e.play_helpers import current_round, sign_up, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
SMALL_PHONE = {"width": 360, "height": 640}
LONG_QUOTE = " ".join(["The contract as drafted asks junior doctors to work more weekends for the same pay,"
                       " and nobody who has worked a night shift on a short-staffed ward believes that is safe."] * 3)
CONTROLS = "#play form :is(button, input:not([type=hidden]), select, textarea)"
# Each box from the top of the document, so a page that scrolled itself cannot hide a control below the fold.
BOXES = """selector => [...document.querySelectorAll(selector)].filter(e => e.getClientRects().length).map(e => {
    const box = e.getBoundingClientRect();
    return {top: box.top + scrollY, bottom: box.bottom + scrollY, height: box.height,
            name: (e.textContent || e.name || "").trim().slice(0, 30)};
})"""


def boxes(page, selector: str) -> list[dict]:
    return page.evaluate(BOXES, selector)


def last_bottom(found: list[dict]) -> int:
    return round(max(box["bottom"] for box in found)) if found else 0


def fits_sideways(page) -> list[str]:
    """Nothing runs off the side, at 390 px and at 360×640; the page is put back to 390×844."""
    too_wide = []
    for viewport in (SMALL_PHONE, PHONE):
        page.set_viewport_size(viewport)
        if not page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"):
            too_wide.append(f"wider than {viewport['width']} px")
    return too_wide


def disclosure_state(page, name: str):
    """The expanded state the browser gives screen readers for the control named `name`."""
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    for node in tree:
        if name in node.get("name", {}).get("value", "") and node.get("role", {}).get("value") in (
                "button", "DisclosureTriangle"):
            return next((p["value"]["value"] for p in node.get("properties", []) if p["name"] == "expanded"), None)
    return "no such control"


def check_question(page, mode, label: str, report: dict, problems: list) -> None:
    found = boxes(page, CONTROLS)
    report[f"{mode.name}, {label}"] = last_bottom(found)
    below = [box["name"] for box in found if box["height"] == 0 or box["bottom"] > PHONE["height"]]
    if len(found) < 2 or below:
        problems.append(f"{mode.name}: controls below the fold (last at {last_bottom(found)} px): {below}")


def check_board(page, mode, report: dict, problems: list) -> None:
    cards = page.locator("#play [data-card]")
    bottoms = []
    for n in range(cards.count()):
        controls = cards.nth(n).evaluate("""card => [...card.querySelectorAll("button, input, select, textarea")]
            .filter(e => e.getClientRects().length).map(e => e.getBoundingClientRect().bottom + scrollY)""")
        bottoms.append(round(max(controls)) if controls else 10**6)
    in_view = [bottom <= PHONE["height"] for bottom in bottoms]
    report[mode.name] = f"{sum(in_view)} of {len(in_view)} cards' controls in view; the third card's at {bottoms[2]} px"
    if not in_view or not in_view[0] or sum(in_view) < 3:
        problems.append(f"{mode.name}: only {sum(in_view)} cards' controls on the first screen")


def check_feedback(page, mode, label: str, report: dict, problems: list) -> None:
    next_link = boxes(page, "#play [data-panel=feedback] [data-show-next]")
    passage = boxes(page, "#play [data-panel=feedback] .source blockquote")
    report[f"{mode.name}, {label}"] = last_bottom(next_link)
    if len(next_link) != 1 or next_link[0]["bottom"] > PHONE["height"]:
        problems.append(f"{mode.name}: Next is below the fold after a {label} answer ({last_bottom(next_link)} px)")
    if passage and passage[0]["top"] > PHONE["height"]:
        problems.append(f"{mode.name}: the source passage is below the fold after a {label} answer")


def check_long_quotation_folds(page, mode, problems: list) -> None:
    """The long quotation shows shortened; *Read it all* is reached by Tab, opened by Enter."""
    more = page.locator("#play .quote-card summary", has_text="Read it all")
    if more.count() != 1:
        problems.append(f"{mode.name}: a long quotation does not fold")
        return
    tab_to(page, more)
    if disclosure_state(page, "Read it all") is not False:
        problems.append(f"{mode.name}: Read it all is not announced as collapsed")
    page.keyboard.press("Enter")
    expect(page.locator("#play .quote-card details p")).to_contain_text("nobody who has worked a night shift")
    if disclosure_state(page, "Read it all") is not True:
        problems.append(f"{mode.name}: Read it all is not announced as expanded")
    page.keyboard.press("Enter")  # folded again, for the measurements
    expect(page.locator("#play .quote-card details")).not_to_have_attribute("open", "")


def play_answers(page, mode, report: dict, problems: list) -> None:
    """Answer wrong, then (if there is a second question) right, measuring each feedback."""
    for label in ("wrong", "right"):
        position = int(page.locator("#play form.question input[name=position]").first.input_value())
        item = RoundItem.objects.get(round=current_round(page), position=position)
        choose = f'[value="{item.right_answer}"]' if label == "right" else f':not([value="{item.right_answer}"])'
        page.locator(f"#play form.question button.option{choose}").first.click()
        expect(page.locator("#play .feedback-title")).to_contain_text("Right!" if label == "right" else "Not quite")
        check_feedback(page, mode, label, report, problems)
        problems += [f"{mode.name} feedback: {each}" for each in fits_sideways(page)]
        next_link = page.locator("#play [data-show-next]")
        if next_link.inner_text() != "Next question":
            return
        next_link.click()
        expect(page.locator("#play .question-title")).to_be_visible()
        check_question(page, mode, "next question", report, problems)


def test_every_mode_fits_a_phone_screen(browser, live_server):
    articles_import(paths=[Path("seeds")])
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, has_touch=True, is_mobile=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    sign_up(page, "priya")
    report, problems = {}, []
    # A mode dealt from the player's own history comes last: by then the others have given it mistakes.
    for mode in sorted(modes().values(), key=lambda each: each.personal):
        page.goto("/")
        start = page.locator(f".debate-card .mode-{mode.slug}").first
        if not start.count():
            problems.append(f"{mode.name}: not offered on the home page")
            continue
        start.click()
        expect(page.locator("#play h1")).to_be_visible()
        page.wait_for_load_state()  # its styles too: measured before they apply, any page would fail
        # While a round is played the site menu is one slim bar.
        if page.get_by_role("navigation", name="Main").is_visible():
            problems.append(f"{mode.name}: the site menu is shown while playing")
        bar = boxes(page, "body > header")
        if len(bar) != 1 or bar[0]["height"] > 72:  # one row of 44 px tap targets, as the live game's bar (64 px)
            problems.append(f"{mode.name}: the bar is not one slim row ({[b['height'] for b in bar]})")
        problems += [f"{mode.name}: {each}" for each in fits_sideways(page)]
        if mode.board:  # every card as long as the longest: the fewest cards fit
            cards = RoundItem.objects.filter(round=current_round(page))
            longest = max((card.asked for card in cards), key=len)
            cards.update(asked=longest)
            page.reload()
            page.wait_for_load_state()
            check_board(page, mode, report, problems)
            continue
        item = RoundItem.objects.filter(round=current_round(page), answered_at__isnull=True).order_by("position").first()
        if item.question_id is None and item.kind != "misquote":  # a quotation, card or sentence: the longest folds
            # (Spot the misquote shortens a long quotation to the same stretch in all four versions instead:
            # tests/e2e/test_misquote_on_a_phone.py)
            item.asked = LONG_QUOTE
            item.save(update_fields=["asked"])
            page.reload()
            page.wait_for_load_state()
            check_long_quotation_folds(page, mode, problems)
        check_question(page, mode, "first question", report, problems)
        if not mode.written:
            play_answers(page, mode, report, problems)
        if mode.slug == "who_said":
            assert axe_violations(page) == []
    print("\nLast control's bottom edge (px) at 390×844:", *(f"  {k}: {v}" for k, v in report.items()), sep="\n")
    print("Problems:", *problems, sep="\n  ")
    assert problems == []
    context.close()


def test_a_wider_screen_shows_a_long_quotation_and_its_passage_whole(page):
    articles_import(paths=[Path("seeds")])
    page.goto("/")
    page.locator(".debate-card .mode-who_said").first.click()
    expect(page.locator("#play .question-title")).to_be_visible()
    round_ = current_round(page)
    item = RoundItem.objects.get(round=round_, position=0)
    item.asked = LONG_QUOTE
    lead = LONG_QUOTE + " "  # and a passage long enough to fold on a phone
    item.source = {**item.source, "paragraph": lead + item.source["paragraph"] + " " + LONG_QUOTE,
                   "start": item.source["start"] + len(lead), "end": item.source["end"] + len(lead)}
    item.save(update_fields=["asked", "source"])
    page.reload()
    expect(page.locator("#play .quote-card details p")).to_be_visible()  # the whole of it, as before
    expect(page.get_by_text("Read it all")).to_be_hidden()
    expect(page.locator("body > header.site-header")).to_be_visible()  # the site menu stays
    expect(page.locator(".play-bar")).to_be_hidden()
    page.locator(f'#play button.option[value="{item.right_answer}"]').click()
    passage = page.locator("#play [data-panel=feedback] .passage-fold blockquote")
    expect(passage).to_have_text("".join(item.passage))
    assert passage.inner_text().split() == "".join(item.passage).split()  # every word shows, none folded
    expect(page.locator("#play [data-panel=feedback]").get_by_text("Read it all")).to_be_hidden()
    assert axe_violations(page) == []
