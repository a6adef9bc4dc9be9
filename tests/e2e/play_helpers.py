"""What a student's browser does in several stories: sign up, read the right answer from the DB."""

from playwright.sync_api import expect

from game.models import Round, RoundItem


def sign_up(page, username: str, password: str = "debate-club-2016") -> None:
    page.goto("/accounts/signup/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_label("Password confirmation").fill(password)
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_text(f"Welcome, {username}!")).to_be_visible()


def current_round(page) -> Round:
    round_id = page.locator("#play").get_attribute("data-round")
    return Round.objects.get(pk=round_id)


def right_option_label(item: RoundItem) -> str:
    if item.quote_id:
        return item.quote.speaker.full_name
    return item.question.choices.get(is_correct=True).text


def wrong_option_label(item: RoundItem) -> str:
    from game.models import Choice, Speaker

    if item.quote_id:
        return Speaker.objects.get(pk=next(pk for pk in item.options if pk != item.quote.speaker_id)).full_name
    return Choice.objects.get(pk=next(pk for pk in item.options if not Choice.objects.get(pk=pk).is_correct)).text


def answer_question(page, item: RoundItem, *, right: bool) -> None:
    label = right_option_label(item) if right else wrong_option_label(item)
    page.locator("button.option", has_text=label).first.click()
    expect(page.locator(".feedback-title")).to_contain_text("Right!" if right else "Not quite")


def tab_to(page, target, *, presses: int = 40) -> None:
    """Press Tab until `target` has the keyboard focus, as a keyboard user would."""
    for _ in range(presses):
        if target.evaluate("element => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {target}")
