"""A live game streamed to a real browser: the projector on one uvicorn process, a phone on another,
the host's moves reaching the phone through Redis and Server-Sent Events, and no polling while the
stream is up."""

import time

from playwright.sync_api import expect

from tests.e2e.conftest import login


def test_a_phone_streaming_from_another_server_follows_the_projector_without_polling(browser, two_servers):
    pin, (host_server, phone_server) = two_servers
    projector = browser.new_context(base_url=host_server, viewport={"width": 1280, "height": 800}).new_page()
    phone = browser.new_context(base_url=phone_server, viewport={"width": 390, "height": 844}, has_touch=True,
                                is_mobile=True).new_page()
    for page in (projector, phone):
        page.context.set_default_timeout(10_000)
    login(projector, "ms-fanout", "chalk-and-talk-42")
    projector.goto(f"/live/host/{pin}/")
    expect(projector.locator("[data-live-stream][data-stream=open]")).to_have_count(1)

    phone.goto(f"/live/?pin={pin}")
    phone.get_by_label("Nickname").fill("Ann")
    phone.get_by_role("button", name="Join").click()
    expect(phone.get_by_role("heading", name="You're in, Ann!")).to_be_visible()
    expect(phone.locator("[data-live-stream][data-stream=open]")).to_have_count(1)
    expect(projector.locator(".live-names")).to_contain_text("Ann")  # the join reached the projector's stream

    state_requests = []
    phone.on("request", lambda request: state_requests.append(request.url) if "/state/" in request.url else None)
    time.sleep(5)  # more than two polling intervals
    assert state_requests == []  # streaming: the phone does not poll

    projector.get_by_role("button", name="Start the game").click()
    expect(phone.get_by_text("Get ready")).to_be_visible()
    expect(phone.locator("button.option").first).to_be_hidden()  # the options came, and wait for the clock
    # After the reading pause the options show, by the phone's own clock.
    expect(phone.get_by_role("status")).to_have_text("Answers are open: pick one.")
    assert state_requests == []  # the question came inside the stream: no request at all
    phone.locator("button.option").first.click()
    # Ann was the only player: her answer closes the question and both screens show the reveal.
    expect(projector.get_by_role("heading", name="The answer:")).to_be_visible()
    expect(phone.get_by_text("The answer:")).to_be_visible()
    expect(phone.get_by_role("heading", name="Right!").or_(phone.get_by_role("heading", name="Not quite"))).to_be_visible()
    assert state_requests == []  # the phone's result came inside the stream too
    for page in (projector, phone):
        page.context.close()
