"""Fan-out of "this game changed" notices to the event streams that watch it.

With REDIS_URL set, notices go through Redis pub/sub (one PUBLISH each), so every worker process
and machine hears them; without it, one process serves everything and an in-process bus does.
A notice carries only the game's version: on hearing one, a screen asks for its current state, so
a lost notice never leaves it wrong for longer than its heartbeat or polling fallback.

A stream listens with `async with bus().listener(channel) as listener:` and waits with
`await listener.get(timeout)`, which returns None when nothing came in time (waiting can be cut
short without losing the subscription).
"""

from __future__ import annotations

import asyncio
import threading
from collections import defaultdict

from django.conf import settings

PREFIX = "hustings:live:"


class InProcessListener:
    def __init__(self, bus: InProcessBus, channel: str):
        self.bus, self.channel = bus, channel
        self.entry = None

    async def __aenter__(self):
        self.entry = (asyncio.get_running_loop(), asyncio.Queue(maxsize=1000))
        with self.bus._lock:
            self.bus._listeners[self.channel].add(self.entry)
        return self

    async def __aexit__(self, *exc):
        with self.bus._lock:
            self.bus._listeners[self.channel].discard(self.entry)

    async def get(self, timeout: float) -> str | None:
        try:
            return await asyncio.wait_for(self.entry[1].get(), timeout=timeout)
        except TimeoutError:
            return None


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
                loop.call_soon_threadsafe(self._put, queue, message)
            except RuntimeError:  # that stream's loop has closed
                pass

    @staticmethod
    def _put(queue: asyncio.Queue, message: str) -> None:
        if queue.full():  # a stream that stopped reading: its oldest notices are the least useful
            queue.get_nowait()
        queue.put_nowait(message)

    def listener(self, channel: str) -> InProcessListener:
        return InProcessListener(self, channel)


class RedisListener:
    def __init__(self, url: str, channel: str):
        self.url, self.channel = url, PREFIX + channel

    async def __aenter__(self):
        import redis.asyncio

        self.client = redis.asyncio.Redis.from_url(self.url)
        self.pubsub = self.client.pubsub(ignore_subscribe_messages=True)
        await self.pubsub.subscribe(self.channel)
        return self

    async def __aexit__(self, *exc):
        try:
            await self.pubsub.aclose()
        finally:
            await self.client.aclose()

    async def get(self, timeout: float) -> str | None:
        loop = asyncio.get_running_loop()
        until = loop.time() + timeout
        while (left := until - loop.time()) > 0:
            message = await self.pubsub.get_message(ignore_subscribe_messages=True, timeout=left)
            if message and message.get("type") == "message":
                data = message["data"]
                return data.decode() if isinstance(data, bytes) else str(data)
        return None


class RedisBus:
    def __init__(self, url: str):
        import redis

        self.url = url
        self._client = redis.Redis.from_url(url)

    def publish(self, channel: str, message: str) -> None:
        self._client.publish(PREFIX + channel, message)

    def listener(self, channel: str) -> RedisListener:
        return RedisListener(self.url, channel)


_bus = None
_bus_lock = threading.Lock()


def bus():
    global _bus
    with _bus_lock:
        if _bus is None:
            _bus = RedisBus(settings.REDIS_URL) if settings.REDIS_URL else InProcessBus()
        return _bus
