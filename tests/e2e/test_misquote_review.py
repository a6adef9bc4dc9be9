"""A teacher gets a quotation ready for "Spot the misquote" on her review page: she keeps two of the
importer's suggestions (one by keyboard), rewords the third, tries a "misquote" that is the real words
and is told why beside the field with her words still there, writes her own, and sees how many are kept."""

import re

import pytest
from playwright.sync_api import expect

from game.models import Misquote, Quote
from game.models.content import Origin
from game.teachers import teacher_create
from tests.e2e.conftest import axe_violations, login
from tests.e2e.play_helpers import tab_to
from tests.factories import review_debate_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_teacher_keeps_rewords_and_writes_misquotes_for_a_quotation(page, live_server):
    teacher = teacher_create(username="ms-adeyemi", password="projector-and-pens-9")
    debate = review_debate_make(teacher, articles=1, quotes_each=2, slug="four-day-week")
    quote = Quote.objects.filter(article__debate=debate, speaker__isnull=False).get()
    Misquote.objects.filter(quote=quote).update(keep=False)  # the importer's three drafts, none kept yet
    first, second, third = Misquote.objects.filter(quote=quote).order_by("pk")

    login(page, "ms-adeyemi", "projector-and-pens-9")
    page.goto(f"/teach/debates/{debate.pk}/?show=all")
    row = page.locator(f"#quote-{quote.pk}")
    row.locator("summary").first.click()  # one line until opened; its editor comes with htmx
    part = row.locator(f"#misquotes-{quote.pk}")
    expect(part.get_by_role("heading", name="Misquotes (for Spot the misquote)")).to_be_visible()
    expect(part.get_by_role("group", name=re.compile(r"^Misquote 1: A 'not' added or dropped"))).to_be_visible()
    assert axe_violations(page) == []

    # Keep the first by pointer: saved in place, and the quotation's line counts it.
    part.get_by_label("Keep misquote 1").check()
    expect(part.get_by_role("status")).to_have_text("Saved the misquote.")
    expect(row.locator("summary").first).to_contain_text("1 misquote")
    expect(part.get_by_label("Keep misquote 1")).to_be_focused()  # focus stays where she was
    # The second by keyboard: Tab to its Keep and press Space.
    tab_to(page, part.get_by_label("Keep misquote 2"))
    page.keyboard.press("Space")
    expect(row.locator("summary").first).to_contain_text("2 misquotes")
    expect(part.get_by_label("Keep misquote 2")).to_be_checked()
    expect(part.get_by_label("Keep misquote 2")).to_be_focused()

    # Reword the third and save it (not kept: a draft still).
    reworded = quote.text.replace("changes everything", "changes hardly anything")
    third_group = part.get_by_role("group", name=re.compile(r"^Misquote 3"))
    third_group.get_by_label("Its words").fill(reworded)
    third_group.get_by_role("button", name="Save misquote 3").click()
    expect(part.get_by_role("status")).to_have_text("Saved the misquote.")
    expect(part.get_by_role("group", name=re.compile(r"^Misquote 3")).get_by_label("Its words")).to_have_value(reworded)
    expect(part.get_by_role("button", name="Save misquote 3")).to_be_focused()  # back on the button she used

    # Her own, first as the real words: refused beside the field, her words still in it.
    own = part.get_by_label("The real words, changed a little")
    own.fill(quote.text)
    part.get_by_role("button", name="Add my misquote").click()
    error = part.locator(".errorlist")
    expect(error).to_contain_text("Not added:")
    own = part.get_by_label("The real words, changed a little")
    expect(own).to_have_value(quote.text)
    expect(own).to_have_attribute("aria-invalid", "true")
    expect(own).to_have_accessible_description(re.compile(r"^Not added: "))
    expect(part.get_by_role("button", name="Add my misquote")).to_be_focused()
    mine = quote.text.replace("for our pupils", "for none of our pupils")
    own.fill(mine)
    part.get_by_role("button", name="Add my misquote").click()
    expect(part.get_by_role("status")).to_have_text("Saved your misquote: it is kept.")
    expect(part.get_by_role("group", name=re.compile(r"^Misquote 4: Changed by the teacher"))).to_be_visible()
    expect(row.locator("summary").first).to_contain_text("3 misquotes")
    assert axe_violations(page) == []

    assert list(Misquote.objects.filter(quote=quote).order_by("pk").values_list("text", "keep", "origin")) == [
        (first.text, True, Origin.EXTRACTED), (second.text, True, Origin.EXTRACTED),
        (reworded, False, Origin.EXTRACTED), (mine, True, Origin.TEACHER)]
