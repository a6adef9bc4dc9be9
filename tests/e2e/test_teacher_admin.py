"""A teacher adds a quote with its speaker in the admin and publishes it; a student can't get in."""

import re

import pytest
from playwright.sync_api import expect

from game.models import Quote, Status
from tests.factories import classroom_debate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def choose_autocomplete(page, field_name: str, search: str, option: str) -> None:
    """Open a Select2 autocomplete in the admin, type, and pick an option."""
    page.locator(f"#id_{field_name} + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(search)
    page.locator(".select2-results__option", has_text=option).first.click()


def test_a_teacher_adds_a_quote_with_its_speaker_and_publishes_it(page, teacher):
    debate = classroom_debate()
    Quote.objects.filter(text__startswith="I think Jeremy Hunt").delete()
    console_errors = []
    page.on("console", lambda message: console_errors.append(message.text) if message.type == "error" else None)

    page.goto("/admin/")
    page.get_by_label("Username").fill("ms-okafor")
    page.get_by_label("Password").fill("chalk-and-talk-42")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Quiz content and classes")).to_be_visible()

    page.get_by_role("link", name="Quotes").first.click()
    page.get_by_role("link", name=re.compile("Add quote")).click()
    choose_autocomplete(page, "paragraph", "Murnaghan", "Ms Alexander told Murnaghan")
    page.get_by_label("Text").fill("I think Jeremy Hunt would need to sit down urgently today")
    choose_autocomplete(page, "speaker", "Heidi", "Heidi Alexander")
    page.get_by_label("Status").select_option("published")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    row = page.locator("#result_list tr", has_text="I think Jeremy Hunt would need")
    expect(row).to_contain_text("Heidi Alexander")
    expect(row).to_contain_text("Published")
    quote = Quote.objects.get(text="I think Jeremy Hunt would need to sit down urgently today")
    assert quote.status == Status.PUBLISHED and quote.speaker.full_name == "Heidi Alexander"
    assert quote.paragraph.text[quote.start : quote.end] == quote.text
    assert quote.article.debate == debate

    page.locator("#result_list a", has_text="I think Jeremy Hunt would need").click()
    expect(page.locator(".source-passage mark")).to_have_text(quote.text)
    assert not [e for e in console_errors if "Content Security Policy" in e], console_errors


def test_a_student_who_tries_the_admin_is_asked_to_log_in_and_kept_out(page, student):
    page.goto("/admin/game/quote/")
    expect(page).to_have_url(re.compile(r"/admin/login/\?next="))
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Password").fill("pencil-case-77")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator(".errornote")).to_contain_text("staff account")
    page.goto("/admin/game/quote/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))


def test_a_played_quote_is_archived_not_deleted_and_the_player_keeps_their_points(page, teacher, student):
    import random

    from django.utils import timezone

    from game.models import Mode
    from game.scores import player_summary
    from game.services.rounds import Owner, answer_submit, round_start

    debate = classroom_debate()
    owner = Owner(student, "")
    round_ = round_start(debate=debate, mode=Mode.WHO_SAID, owner=owner, now=timezone.now(), rng=random.Random(4))
    first = round_.items.filter(quote__isnull=False).order_by("position").first()
    for item in round_.items.order_by("position"):
        answer_submit(round_id=round_.pk, position=item.position, answer_id=item.right_answer, owner=owner,
                      now=timezone.now())
    points = player_summary(student).points

    page.goto("/admin/")
    page.get_by_label("Username").fill("ms-okafor")
    page.get_by_label("Password").fill("chalk-and-talk-42")
    page.get_by_role("button", name="Log in").click()
    page.goto(f"/admin/game/quote/{first.quote_id}/delete/")
    expect(page.get_by_text("can't be deleted, because students have played it")).to_be_visible()
    expect(page.get_by_role("button", name="Yes, I’m sure")).to_have_count(0)

    page.goto("/admin/game/quote/")
    page.get_by_role("row").filter(has_text=first.asked[:40]).get_by_role("checkbox").check()
    page.get_by_label("Action:").select_option(label="Archive selected items (out of play, kept for players' history)")
    page.get_by_role("button", name="Run").click()
    expect(page.get_by_text("Archived 1 item")).to_be_visible()
    assert Quote.objects.get(pk=first.quote_id).status == Status.ARCHIVED
    assert player_summary(student).points == points
