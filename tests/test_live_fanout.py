"""Live notices cross processes: a phone streaming from one server hears the host's move made on
another, through Redis. Two real uvicorn processes, a real Redis, one shared database."""

import re
import time

import httpx


def test_a_phone_on_one_server_hears_the_host_start_on_the_other(two_servers):
    from httpx_sse import connect_sse

    pin, (phone_server, host_server) = two_servers
    host = httpx.Client(base_url=host_server, timeout=10)
    host.get("/accounts/login/")
    response = host.post("/accounts/login/", data={"username": "ms-fanout", "password": "chalk-and-talk-42"},
                         headers={"X-CSRFToken": host.cookies["csrftoken"]})
    assert response.status_code == 302
    host.get(f"/live/host/{pin}/")
    version = re.search(r'name="version" value="(\d+)"', host.get(f"/live/host/{pin}/").text).group(1)

    with httpx.Client(base_url=phone_server, timeout=httpx.Timeout(10, read=10)) as phone:
        with connect_sse(phone, "GET", f"/live/events/{pin}/") as stream:
            events = stream.iter_sse()
            first = next(events)
            assert first.event == "connected"  # with the version, when the game has moved
            started = time.monotonic()
            moved = host.post(f"/live/host/{pin}/action/", data={"action": "start", "version": version},
                              headers={"X-CSRFToken": host.cookies["csrftoken"]})
            assert moved.status_code == 302
            notice = next(events)  # the question opened: its screen comes in the stream
            assert notice.event == "screen" and time.monotonic() - started < 3
            assert f'data-version="{int(version) + 1}"' in notice.data and 'name="answer"' in notice.data
    assert "Get ready" in host.get(f"/live/host/{pin}/").text or "seconds left" in host.get(f"/live/host/{pin}/").text
