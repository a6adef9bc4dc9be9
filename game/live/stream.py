"""The event stream of a live game (Server-Sent Events, under ASGI).

It touches no database and holds no thread while it waits: it relays the bus's notices, sends one
at once on every (re)connect so the screen fetches a full snapshot, and a heartbeat every 15 s.
Under plain WSGI (the test server, gunicorn's sync workers) it answers 204 and screens poll.
"""

from __future__ import annotations

import asyncio
import re

from django.http import HttpResponse, StreamingHttpResponse

from game.live.bus import bus

HEARTBEAT_SECONDS = 15


async def events(channel: str):
    yield "retry: 2000\nevent: changed\ndata: connected\n\n"
    listener = bus().listen(channel)
    try:
        while True:
            try:
                message = await asyncio.wait_for(anext(listener), timeout=HEARTBEAT_SECONDS)
            except TimeoutError:
                yield ": heartbeat\n\n"
                continue
            except StopAsyncIteration:  # the bus closed (the server is stopping): end the stream
                return
            yield f"event: changed\ndata: {message}\n\n"
    finally:
        await listener.aclose()


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
