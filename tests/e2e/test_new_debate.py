"""A teacher turns three articles (a saved web page, a PDF and a Word file) and a pasted story on a new
topic into a debate, sees the quotation whose speaker the importer only guessed waiting unticked for
a check, gives its people sides and publishes it; a student then plays it. Every action the teacher
takes from the login page to a playable debate is counted."""

import re

import pytest
from playwright.sync_api import expect

from game.models import Debate, Quote, RoundItem
from game.teachers import teacher_create
from tests.article_files import docx_file, html_page, pdf_file
from tests.e2e.conftest import axe_violations
from tests.e2e.play_helpers import answer_question, current_round, sign_up

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The people quoted; the bylines' authors (Priya Castellano, Sam Adeyemi) are quoted nowhere, so are not listed.
SIDES = {"Dana Whitlock": "For", "Lena Marsh": "For", "Omar Feldman": "Against", "Grace Okonjo": "Against",
         "Tobias Reyes": "Against"}

# Pasted beside the files: its second quotation only continues Omar Feldman's words, so the importer is not sure.
FOLLOW_UP = ("Parents ask for more time\n\n\u201cWe were not asked about any of this,\u201d said Omar Feldman, who "
             "chairs the Northfield Parents' Forum.\n\n\u201cThe plan should wait a year until every family has been "
             "heard.\u201d")


def test_a_teacher_makes_a_debate_from_three_files_and_a_student_plays_it(page, browser, live_server, tmp_path):
    teacher_create(username="ms-rahman", password="projector-and-pens-9")
    files = []
    for name, data in [("courier.html", html_page()), ("heads.pdf", pdf_file()), ("pupils.docx", docx_file())]:
        (tmp_path / name).write_bytes(data)
        files.append(str(tmp_path / name))
    actions = 0

    def act(step):
        nonlocal actions
        actions += 1
        step()

    page.goto("/accounts/login/")
    act(lambda: page.get_by_label("Username").fill("ms-rahman"))
    act(lambda: page.get_by_label("Password").fill("projector-and-pens-9"))
    act(lambda: page.get_by_role("button", name="Log in").click())
    act(lambda: page.get_by_role("link", name="Debates").click())
    act(lambda: page.get_by_role("link", name="New debate from articles").click())
    assert axe_violations(page) == []
    act(lambda: page.get_by_label("Motion").fill("Northfield schools should move to a four-day week"))
    act(lambda: page.get_by_label("Article files").set_input_files(files))
    expect(page.locator("[data-drop-list]")).to_contain_text("courier.html, heads.pdf, pupils.docx")
    act(lambda: page.get_by_label("Or paste an article's text").fill(FOLLOW_UP))
    act(lambda: page.get_by_role("button", name="Make the debate").click())

    expect(page.get_by_text("Read 4 articles: found 10 quotations")).to_be_visible()
    assert axe_violations(page) == []
    # The importer only guessed who said the follow-up: the page opens on it, alone under To check, not kept.
    unsure = Quote.objects.get(text__startswith="The plan should wait a year")
    expect(page.get_by_role("link", name="To check (1)")).to_have_attribute("aria-current", "page")
    expect(page.locator("#quotes .quote-list li")).to_have_count(1)
    row = page.locator(".quote-list li").first
    expect(row).to_have_id(f"quote-{unsure.pk}")
    expect(row.locator("summary")).to_contain_text("Check: Omar Feldman?")
    act(lambda: row.locator("summary").click())  # one line until opened; its editor comes with htmx
    expect(row.get_by_text("Check the speaker.")).to_be_visible()
    expect(row.get_by_label("Said by")).to_have_accessible_description(  # read out with the list, too
        re.compile(r"^Check the speaker\. The importer thinks Omar Feldman said this"))
    expect(row.get_by_label("Keep", exact=True)).not_to_be_checked()
    page.get_by_role("link", name="All (10)").click()
    # The link clicked is focused at once; wait for the list that replaces it, and its focus.
    expect(page.get_by_role("link", name="All (10)")).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("link", name="All (10)")).to_be_focused()
    sure = page.locator(f"#quote-{Quote.objects.get(text__startswith='We were not asked').pk}")
    sure.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(sure.get_by_label("Keep", exact=True)).to_be_checked()
    assert axe_violations(page) == []
    for number, (person, side) in enumerate(SIDES.items()):
        group = page.get_by_role("group", name=f"Side for {person}")
        button = group.get_by_role("button", name=side, exact=True)
        if number % 2:  # half of them by keyboard
            act(lambda: (button.focus(), page.keyboard.press("Enter")))
        else:
            act(lambda: button.click())
        expect(page.get_by_role("group", name=f"Side for {person}").get_by_role("button", name=side, exact=True)
               ).to_have_attribute("aria-pressed", "true")
    # htmx saved each one in place, and focus stayed on the button used (keyboard users keep their place)
    expect(page.get_by_role("group", name="Side for Tobias Reyes").get_by_role("button", name="Against")).to_be_focused()
    expect(page.locator("#people")).not_to_contain_text("Priya Castellano")
    act(lambda: page.get_by_role("button", name="Publish").click())
    expect(page.get_by_text("Published: 9 quotations, 9 sorting cards from them")).to_be_visible()
    expect(page.get_by_text("Who said it? can be played.")).to_be_visible()
    expect(page.get_by_text("Sort the arguments can be played.")).to_be_visible()
    assert actions <= 25, actions
    print(f"teacher actions from login to playable: {actions}")

    # Whose words?: the teacher confirms a suggested label for one sentence and publishes again.
    from game.models import Sentence

    sentence = Sentence.objects.filter(debate__slug__startswith="northfield").order_by("pk").first()
    row = page.locator(f"#sentence-{sentence.pk}")
    row.locator("summary").click()
    expect(row.locator("mark")).to_have_text(sentence.text)
    row.get_by_label("Whose words").select_option(sentence.label_suggested)
    row.get_by_label("Keep").check()
    row.get_by_role("button", name="Save this sentence").click()
    expect(row.get_by_text("Saved the sentence.")).to_be_visible()  # saved in place
    page.get_by_role("button", name="Publish again").click()
    expect(page.get_by_text("Whose words? can be played.")).to_be_visible()
    sentence.refresh_from_db()
    assert (sentence.status, sentence.label) == ("published", sentence.label_suggested)

    debate = Debate.objects.get(slug__startswith="northfield")
    student_context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    student = student_context.new_page()
    try:
        sign_up(student, "jamal")
        card = student.locator(".debate-card", has_text="four-day week")
        card.get_by_role("button", name="Who said it?").click()
        round_ = current_round(student)
        assert round_.debate == debate
        items = list(RoundItem.objects.filter(round=round_).select_related("quote__speaker", "question").order_by("position"))
        answer_question(student, items[0], right=True)
        expect(student.locator(".source-passage, blockquote").first).to_be_visible()

        student.goto("/")
        student.locator(".debate-card", has_text="four-day week").get_by_role("button", name="Sort the arguments").click()
        expect(student.get_by_role("heading", name="Which side made each argument?")).to_be_visible()
        cards = list(RoundItem.objects.filter(round=current_round(student)).select_related("argument__side")
                     .order_by("position"))
        for item in cards:
            student.locator(f'[data-card="{item.position}"] input[data-side="{item.argument.side_id}"]').check()
        student.get_by_role("button", name="Check my answers").click()
        expect(student.get_by_role("heading", name=f"{len(cards)} of {len(cards)} right")).to_be_visible()
        assert axe_violations(student) == []
    finally:
        student_context.close()
