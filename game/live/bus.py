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
import logging
import threading
import weakref
from collections import defaultdict

from django.conf import settings

PREFIX = "hustings:live:"
CLOSED = object()  # put in a stream's queue when the bus behind it has gone
logger = logging.getLogger(__name__)


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


class BusClosed(Exception):
    """The bus lost its connection: streams end, and screens reconnect (and catch up) or poll."""


class RedisHub:
    """One Redis subscription per process (per event loop) for all the streams it serves: 500
    phones on a worker are 500 local queues, not 500 Redis connections."""

    def __init__(self, url: str):
        self.url = url
        self.queues: dict[str, set[asyncio.Queue]] = defaultdict(set)
        self.ready = asyncio.Event()
        self.task = asyncio.get_running_loop().create_task(self.run())

    async def run(self) -> None:
        import redis.asyncio

        client = redis.asyncio.Redis.from_url(self.url)
        pubsub = client.pubsub(ignore_subscribe_messages=True)
        try:
            await pubsub.psubscribe(PREFIX + "*")
            self.ready.set()
            async for message in pubsub.listen():
                if message.get("type") != "pmessage":
                    continue
                channel = message["channel"].decode()[len(PREFIX):]
                data = message["data"].decode()
                for queue in list(self.queues.get(channel, ())):
                    InProcessBus._put(queue, data)
        except Exception:  # noqa: BLE001 - Redis went away: every stream here ends (below)
            logger.warning("Live notices: lost the Redis subscription", exc_info=True)
        finally:
            for queues in list(self.queues.values()):
                for queue in list(queues):
                    InProcessBus._put(queue, CLOSED)
            try:
                await pubsub.aclose()
                await client.aclose()
            except Exception:  # noqa: BLE001
                pass


class RedisListener:
    def __init__(self, bus: RedisBus, channel: str):
        self.bus, self.channel = bus, channel
        self.queue: asyncio.Queue = asyncio.Queue(maxsize=1000)

    async def __aenter__(self):
        self.hub = self.bus.hub()
        self.hub.queues[self.channel].add(self.queue)
        try:
            await asyncio.wait_for(self.hub.ready.wait(), timeout=5)
        except TimeoutError:
            self.hub.queues[self.channel].discard(self.queue)
            raise BusClosed("Redis did not answer") from None
        return self

    async def __aexit__(self, *exc):
        self.hub.queues[self.channel].discard(self.queue)

    async def get(self, timeout: float) -> str | None:
        try:
            message = await asyncio.wait_for(self.queue.get(), timeout=timeout)
        except TimeoutError:
            return None
        if message is CLOSED:
            raise BusClosed("lost the Redis subscription")
        return message


class RedisBus:
    def __init__(self, url: str):
        import redis

        self.url = url
        self._client = redis.Redis.from_url(url)
        self._hubs: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def publish(self, channel: str, message: str) -> None:
        self._client.publish(PREFIX + channel, message)

    def hub(self) -> RedisHub:
        loop = asyncio.get_running_loop()
        hub = self._hubs.get(loop)
        if hub is None or hub.task.done():
            hub = self._hubs[loop] = RedisHub(self.url)
        return hub

    def listener(self, channel: str) -> RedisListener:
        return RedisListener(self, channel)


_bus = None
_bus_lock = threading.Lock()


def bus():
    global _bus
    with _bus_lock:
        if _bus is None:
            _bus = RedisBus(settings.REDIS_URL) if settings.REDIS_URL else InProcessBus()
        return _bus
