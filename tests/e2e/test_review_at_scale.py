"""A teacher reviews a week of news: ten articles, 200 quotations and eleven people. The review page
opens on what matters (is it ready to play, and who is on which side), gives every person a side
and publishes by keyboard alone, and previews a round before students see it. Every box and list on
the teacher's pages has the site's size and type."""

import pytest
from playwright.sync_api import expect

from game.models import Debate, Round, Speaker, Status
from tests.e2e.conftest import axe_violations, login
from tests.e2e.play_helpers import tab_to
from tests.factories import REVIEW_PEOPLE, classroom_debate, classroom_make, review_debate_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def shift_tab_to(page, target, *, presses: int = 120) -> None:
    for _ in range(presses):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Shift+Tab")
    raise AssertionError(f"Shift+Tab never reached {target}")


def test_ten_articles_fit_a_first_screen_and_every_person_gets_a_side_by_keyboard(page, teacher):
    debate = review_debate_make(teacher, articles=10, quotes_each=20)
    login(page, "ms-okafor", "chalk-and-talk-42")
    response = page.goto(f"/teach/debates/{debate.pk}/")
    html = len(response.body())
    height = page.evaluate("document.documentElement.scrollHeight")
    assert html < 300_000
    # The first screen (1280x800): whether it is ready to play, and the first people with their sides.
    expect(page.get_by_role("heading", name="Ready to play?")).to_be_in_viewport()
    expect(page.get_by_role("heading", name="People (11)")).to_be_in_viewport()
    first = page.locator("#people tbody tr").first
    expect(first).to_be_in_viewport(ratio=1)
    expect(page.get_by_role("link", name="To check (60)")).to_have_attribute("aria-current", "page")
    assert axe_violations(page) == []

    # Keyboard alone, from the top of the page: a side for each of the eleven, then Publish.
    page.evaluate("window.stillTheSamePage = true")  # gone if anything below reloads the page
    page.locator("body").focus()
    names = [row.get_attribute("id") for row in page.locator("#people tbody tr").all()]
    assert len(names) == len(REVIEW_PEOPLE)
    for number, row_id in enumerate(names):
        choice = ("For", "Against", "Neither")[number % 3]
        button = page.locator(f"#{row_id}").get_by_role("button", name=choice, exact=True)
        tab_to(page, button, presses=60)
        page.keyboard.press("Enter")
        expect(page.locator(f"#{row_id}").get_by_role("button", name=choice, exact=True)
               ).to_have_attribute("aria-pressed", "true")
        expect(page.locator(f"#{row_id}").get_by_role("button", name=choice, exact=True)).to_be_focused()
    publish = page.get_by_role("button", name="Publish")
    shift_tab_to(page, publish)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Published: 140 quotations")).to_be_visible()
    expect(page.get_by_role("button", name="Publish again")).to_be_focused()
    assert not Speaker.objects.filter(debate=debate, side__isnull=True, neutral=False).exists()
    assert Debate.objects.get(pk=debate.pk).status == Status.PUBLISHED

    # Merging from a row: one dialog for the whole table, and focus comes back to the row's button.
    # By keyboard: Escape closes the dialog and gives the focus back; Enter opens it again.
    opener = page.get_by_role("button", name="Merge… another name into Lena Marsh")
    tab_to(page, opener, presses=60)
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Another name for Lena Marsh")
    expect(dialog.get_by_label("The same person, under another name")).to_be_focused()
    expect(dialog.locator("option", has_text="Lena Marsh")).to_be_disabled()  # not into themselves
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(opener).to_be_focused()
    page.keyboard.press("Enter")
    dialog.get_by_label("The same person, under another name").select_option(label="Helen Marsh")
    tab_to(page, dialog.get_by_role("button", name="Merge", exact=True))
    page.keyboard.press("Enter")
    expect(page.get_by_text("“Helen Marsh” is now one of Lena Marsh's names")).to_be_visible()
    expect(page.get_by_role("heading", name="People (10)")).to_be_visible()
    expect(page.get_by_role("button", name="Merge… another name into Lena Marsh")).to_be_focused()

    # More articles arrive in place too: the people and the quotations grow without a reload.
    page.get_by_label("Or paste an article's text").fill(
        "Heads answer back\n\n\u201cA longer weekend is not a shorter education,\u201d said Grace Okonjo.")
    page.get_by_role("button", name="Add the articles").click()
    expect(page.get_by_text("Read 1 article: found 1 quotation")).to_be_visible()
    expect(page.get_by_role("link", name="All (201)")).to_be_visible()
    assert page.evaluate("window.stillTheSamePage === true")

    everything = page.goto(f"/teach/debates/{debate.pk}/?show=all")
    print(f"\nreview page at 200 quotations: {html:,} bytes and {height:,} px tall (To check, the default); "
          f"{len(everything.body()):,} bytes and {page.evaluate('document.documentElement.scrollHeight'):,} px (All)")


def test_a_teacher_previews_a_round_of_the_draft_before_publishing(page, teacher):
    debate = review_debate_make(teacher, articles=2, quotes_each=8)
    for number, person in enumerate(Speaker.objects.filter(debate=debate)):
        person.side = debate.sides.all()[number % 2]
        person.save(update_fields=["side"])
    login(page, "ms-okafor", "chalk-and-talk-42")
    page.goto(f"/teach/debates/{debate.pk}/")
    page.get_by_role("button", name="Preview as a student").click()
    expect(page.get_by_text("A preview: this round is not recorded")).to_be_visible()
    for number in range(10):
        expect(page.get_by_role("heading", name="Who said it?")).to_be_visible()
        page.locator("button.option").first.click()
        expect(page.locator(".feedback")).to_be_focused()
        page.get_by_role("link", name="See how it went" if number == 9 else "Next question").click()
    expect(page.get_by_role("heading", name="Preview over")).to_be_visible()
    assert axe_violations(page) == []
    assert not Round.objects.exists() and Debate.objects.get(pk=debate.pk).status == Status.DRAFT


CONTROLS = ("input:not([type]), input[type=text], input[type=url], input[type=number], input[type=date], "
            "input[type=datetime-local], input[type=email], input[type=search], select, textarea")


def test_every_box_and_list_on_the_teachers_pages_has_the_sites_styling(page, teacher):
    from game.services.live import game_create, player_join

    debate = review_debate_make(teacher, articles=1, quotes_each=4)
    classroom = classroom_make(teacher)
    played = classroom_debate()
    game = game_create(host=teacher, debate=played, mode="who_said", questions=3, seconds=20, teams=["Red", "Blue"])
    player_join(game=game, nickname="Ada")
    login(page, "ms-okafor", "chalk-and-talk-42")
    pages = ["/teach/", f"/teach/classes/{classroom.pk}/", "/teach/debates/", "/teach/debates/new/",
             f"/teach/debates/{debate.pk}/?show=all", f"/teach/debates/{debate.pk}/questions/", "/live/new/",
             f"/live/host/{game.pin}/players/"]
    checked = 0
    for path in pages:
        page.goto(path)
        # Open every row and disclosure (a quotation's editor arrives with htmx) and the merge dialog.
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
        if page.locator("[data-merge-open]").count():
            page.locator("[data-merge-open]").first.click()
        if page.locator(".quote-editor").count():
            expect(page.locator(".quote-editor select[name=speaker]")).to_have_count(page.locator(".quote-editor").count())
        sizes = page.locator(CONTROLS).evaluate_all("""controls => controls
            .filter(c => c.offsetParent !== null || c.closest('dialog[open]'))
            .map(c => { const s = getComputedStyle(c);
                return {name: c.name || c.id, type: c.type, width: c.getBoundingClientRect().width,
                        font: parseFloat(s.fontSize), radius: s.borderTopLeftRadius,
                        height: c.getBoundingClientRect().height}; })""")
        assert sizes or path == "/teach/debates/", path  # that one has a file button only
        for size in sizes:
            assert size["width"] > 150 and size["font"] >= 16 and size["radius"] == "8px", (path, size)
            assert size["type"] == "textarea" or size["height"] >= 44, (path, size)
        checked += len(sizes)
        if page.locator("dialog[open]").count():
            page.keyboard.press("Escape")
    print(f"\n{checked} boxes and lists checked on {len(pages)} teacher pages")
