"""The event stream of a live game (Server-Sent Events, under ASGI).

It touches no database and holds no thread while it waits: it relays the bus's notices (each
carries the game's version), and sends

- `connected` with the game's version (from the cache) on every (re)connect: a screen showing an
  older version (or told none) fetches a snapshot; one that is up to date fetches nothing;
- `changed` with the version on each move, or `screen` with the phone's new screen when one was
  pushed: a new question (the same for every phone), or this phone's result at a reveal or the
  end (rendered here from the published results, for the seat signed into the stream's address;
  see push.py);
- a `heartbeat` every 15 s carrying the last version it relayed, so proxies keep the stream open
  and a screen that missed a move (or hears nothing at all) knows to catch up;
- a burst of notices (a class answering at once) as two: the first at once, one more at the end
  of a quarter of a second, so the projector is not asked to redraw 500 times.

Under plain WSGI (the test server, gunicorn's sync workers) it answers 204 and screens poll.
"""

from __future__ import annotations

import asyncio
import json
import re

from django.core.cache import cache
from django.http import HttpResponse, StreamingHttpResponse

from game.live.bus import BusClosed, bus
from game.live.push import result_screen, seat_of

HEARTBEAT_SECONDS = 15
COALESCE_SECONDS = 0.25
VERSION_KEPT_SECONDS = 12 * 60 * 60


def version_key(pin: str) -> str:
    return f"live-version:{pin}"


def event(name: str, data: str) -> str:
    return f"event: {name}\n" + "".join(f"data: {line}\n" for line in (data.splitlines() or [""])) + "\n"


def changed(message: str, pin: str = "", player_id: int | None = None) -> str:
    """A notice as an event: `changed` with the version, or `screen` with a pushed screen."""
    version, _, rest = message.partition("\n")
    kind, _, body = rest.partition("\n")
    if kind == "question":
        return event("screen", body)
    if kind == "results" and player_id is not None:
        screen = result_screen(pin, int(version), json.loads(body), player_id)
        if screen is not None:
            return event("screen", screen)
    return event("changed", version)


async def events(channel: str, *, seat: int | None = None, heartbeat: float = HEARTBEAT_SECONDS,
                 coalesce: float = COALESCE_SECONDS):
    pin = channel.partition("-")[0]
    try:
        async with bus().listener(channel) as listener:
            # Listening first, then "connected": a move made while the screen fetches its snapshot
            # still reaches it.
            try:
                version = await cache.aget(version_key(pin))
            except Exception:  # noqa: BLE001 - no version known: the screen fetches a snapshot
                version = None
            yield "retry: 2000\n" + event("connected", str(version or ""))
            async for chunk in relay(listener, heartbeat, coalesce, pin, seat):
                yield chunk
    except BusClosed:
        return  # the screen reconnects (and fetches a snapshot), or polls meanwhile


async def relay(listener, heartbeat: float, coalesce: float, pin: str = "", seat: int | None = None):
    """The notices as events: the first of a burst at once, the rest as one; heartbeats between."""
    loop = asyncio.get_running_loop()
    last = ""
    while True:
        message = await listener.get(heartbeat)
        if message is None:
            yield f"event: heartbeat\ndata: {last}\n\n"
            continue
        last = message.partition("\n")[0]
        yield changed(message, pin, seat)
        burst, until = None, loop.time() + coalesce
        while (left := until - loop.time()) > 0 and (message := await listener.get(left)) is not None:
            burst = message
        if burst is not None:
            last = burst.partition("\n")[0]
            yield changed(burst, pin, seat)


async def live_events(request, channel: str):
    """`channel` is a game's PIN (the phones) or PIN-host (the projector)."""
    if not re.fullmatch(r"\d{6}(?:-host)?", channel):
        return HttpResponse(status=404)
    if "wsgi.version" in request.META:
        return HttpResponse(status=204)  # no streaming under WSGI: the page polls instead
    seat = seat_of(channel, request.GET.get("seat", "")) if not channel.endswith("-host") else None
    response = StreamingHttpResponse(events(channel, seat=seat), content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"  # nginx: pass events through as they come
    return response
