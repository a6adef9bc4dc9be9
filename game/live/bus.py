"""Fan-out of "this game changed" notices to the event streams that watch it.

With REDIS_URL set, notices go through Redis pub/sub (one PUBLISH each), so every worker process
and machine hears them; without it, one process serves everything and an in-process bus does.
A notice carries no game data: on hearing one, a screen asks for its current state, so a lost
notice never leaves it wrong for longer than its polling fallback.
"""

from __future__ import annotations

import asyncio
import threading
from collections import defaultdict
from collections.abc import AsyncIterator

from django.conf import settings

PREFIX = "hustings:live:"


class InProcessBus:
    def __init__(self):
        self._lock = threading.Lock()
        self._listeners: dict[str, set[tuple[asyncio.AbstractEventLoop, asyncio.Queue]]] = defaultdict(set)

    def publish(self, channel: str, message: str) -> None:
        """Safe from any thread: sync views publish, streams listen on the event loop."""
        with self._lock:
            listeners = list(self._listeners.get(channel, ()))
        for loop, queue in listeners:
            try:
                loop.call_soon_threadsafe(queue.put_nowait, message)
            except RuntimeError:  # that stream's loop has closed
                pass

    async def listen(self, channel: str) -> AsyncIterator[str]:
        entry = (asyncio.get_running_loop(), asyncio.Queue(maxsize=100))
        with self._lock:
            self._listeners[channel].add(entry)
        try:
            while True:
                yield await entry[1].get()
        finally:
            with self._lock:
                self._listeners[channel].discard(entry)


class RedisBus:
    def __init__(self, url: str):
        import redis

        self.url = url
        self._client = redis.Redis.from_url(url)

    def publish(self, channel: str, message: str) -> None:
        self._client.publish(PREFIX + channel, message)

    async def listen(self, channel: str) -> AsyncIterator[str]:
        import redis.asyncio

        client = redis.asyncio.Redis.from_url(self.url)
        pubsub = client.pubsub()
        await pubsub.subscribe(PREFIX + channel)
        try:
            async for message in pubsub.listen():
                if message.get("type") == "message":
                    data = message["data"]
                    yield data.decode() if isinstance(data, bytes) else str(data)
        finally:
            await pubsub.aclose()
            await client.aclose()


_bus = None
_bus_lock = threading.Lock()


def bus():
    global _bus
    with _bus_lock:
        if _bus is None:
            _bus = RedisBus(settings.REDIS_URL) if settings.REDIS_URL else InProcessBus()
        return _bus
