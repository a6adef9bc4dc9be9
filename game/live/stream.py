"""The event stream of a live game (Server-Sent Events, under ASGI).

It touches no database and holds no thread while it waits: it relays the bus's notices (each
carries the game's version), and sends

- one `changed` at once on every (re)connect, so the screen fetches a full snapshot;
- `changed` with the version on each move, or, when a new question opens, `question` with the
  phones' screen for it (the same for every phone; see push.py);
- a `heartbeat` every 15 s carrying the last version it relayed, so proxies keep the stream open
  and a screen that missed a move (or hears nothing at all) knows to catch up;
- a burst of notices (a class answering at once) as two: the first at once, one more at the end
  of a quarter of a second, so the projector is not asked to redraw 500 times.

Under plain WSGI (the test server, gunicorn's sync workers) it answers 204 and screens poll.
"""

from __future__ import annotations

import asyncio
import re

from django.http import HttpResponse, StreamingHttpResponse

from game.live.bus import BusClosed, bus

HEARTBEAT_SECONDS = 15
COALESCE_SECONDS = 0.25


def changed(message: str) -> str:
    """A notice: `changed` with the version, or `question` with the phones' new screen."""
    version, _, screen = message.partition("\n")
    if not screen:
        return f"event: changed\ndata: {version}\n\n"
    return "event: question\n" + "".join(f"data: {line}\n" for line in screen.splitlines()) + "\n"


async def events(channel: str, *, heartbeat: float = HEARTBEAT_SECONDS, coalesce: float = COALESCE_SECONDS):
    try:
        async with bus().listener(channel) as listener:
            # Listening first, then "connected": a move made while the screen fetches its snapshot
            # still reaches it.
            yield "retry: 2000\n" + changed("connected")
            async for chunk in relay(listener, heartbeat, coalesce):
                yield chunk
    except BusClosed:
        return  # the screen reconnects (and fetches a snapshot), or polls meanwhile


async def relay(listener, heartbeat: float, coalesce: float):
    """The notices as events: the first of a burst at once, the rest as one; heartbeats between."""
    loop = asyncio.get_running_loop()
    last = ""
    while True:
        message = await listener.get(heartbeat)
        if message is None:
            yield f"event: heartbeat\ndata: {last}\n\n"
            continue
        last = message.partition("\n")[0]
        yield changed(message)
        burst, until = None, loop.time() + coalesce
        while (left := until - loop.time()) > 0 and (message := await listener.get(left)) is not None:
            burst = message
        if burst is not None:
            last = burst.partition("\n")[0]
            yield changed(burst)


async def live_events(request, channel: str):
    """`channel` is a game's PIN (the phones) or PIN-host (the projector)."""
    if not re.fullmatch(r"\d{6}(?:-host)?", channel):
        return HttpResponse(status=404)
    if "wsgi.version" in request.META:
        return HttpResponse(status=204)  # no streaming under WSGI: the page polls instead
    response = StreamingHttpResponse(events(channel), content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"  # nginx: pass events through as they come
    return response
