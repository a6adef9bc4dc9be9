"""The in-process bus (one server, no Redis): a notice published from a view's thread reaches the
event stream waiting on the event loop; a stream that ends stops listening."""

import asyncio
import threading

from game.live.bus import InProcessBus
from game.live.stream import events


def run(coroutine_function):
    """Run a coroutine on a fresh event loop in its own thread (the browser tests keep one in ours)."""
    result = {}
    thread = threading.Thread(target=lambda: result.setdefault("value", asyncio.run(coroutine_function())))
    thread.start()
    thread.join(timeout=10)
    return result["value"]


def test_a_notice_from_another_thread_reaches_a_listener():
    bus = InProcessBus()

    async def listen_once():
        async with bus.listener("123456") as listener:
            quiet = await listener.get(0.05)  # a wait that times out does not end the subscription
            threading.Thread(target=bus.publish, args=("123456", "changed")).start()
            first = await listener.get(2)
            threading.Timer(0.2, bus.publish, args=("123456", "again")).start()
            return quiet, first, await listener.get(2)

    assert run(listen_once) == (None, "changed", "again")
    assert not bus._listeners["123456"]  # nobody left listening
    bus.publish("123456", "changed")  # publishing to nobody is harmless


def test_the_stream_says_the_games_version_at_once_on_every_connect():
    """A screen that is behind fetches its snapshot; one showing this version fetches nothing; and
    with no version known (a game nobody has moved yet), the screen fetches to be sure."""
    from django.core.cache import cache

    async def first_event():
        stream = events("654321")
        chunk = await anext(stream)
        await stream.aclose()
        return chunk

    cache.delete("live-version:654321")
    assert run(first_event) == "retry: 2000\nevent: connected\ndata: \n\n"
    cache.set("live-version:654321", 7)
    assert run(first_event) == "retry: 2000\nevent: connected\ndata: 7\n\n"


def test_a_burst_of_notices_comes_as_two_and_a_quiet_spell_brings_a_heartbeat_with_the_version(monkeypatch):
    """Thirty phones answering at once: the projector hears the first at once and the rest as one."""
    from game.live import stream

    bus = InProcessBus()
    monkeypatch.setattr(stream, "bus", lambda: bus)

    async def story():
        source = events("111111", heartbeat=0.4, coalesce=0.1)
        heard = [await anext(source)]
        following = asyncio.ensure_future(anext(source))
        await asyncio.sleep(0.05)  # the stream is listening
        for version in range(5, 35):
            bus.publish("111111", str(version))
        heard.append(await asyncio.wait_for(following, timeout=2))
        heard.append(await asyncio.wait_for(anext(source), timeout=2))
        heard.append(await asyncio.wait_for(anext(source), timeout=2))
        await source.aclose()
        return heard

    assert run(story)[1:] == ["event: changed\ndata: 5\n\n", "event: changed\ndata: 34\n\n",
                              "event: heartbeat\ndata: 34\n\n"]


def test_with_redis_one_subscription_serves_every_stream_of_a_process_and_its_loss_ends_them():
    """Two phones on one worker share one Redis subscription; when Redis goes, their streams end
    (the phones reconnect and catch up, or poll) rather than sit on a dead stream with heartbeats."""
    from tests.live_servers import REDIS_URL, redis_reachable

    from game.live.bus import BusClosed, RedisBus

    assert redis_reachable(), f"Redis is needed at {REDIS_URL}"
    bus = RedisBus(REDIS_URL)

    async def story():
        async with bus.listener("222222") as ann, bus.listener("222222") as bo, bus.listener("333333") as other:
            assert bus.hub() is bus.hub() and sum(map(len, bus.hub().queues.values())) == 3  # one hub, three queues
            await asyncio.to_thread(bus.publish, "222222", "7")
            heard = (await ann.get(2), await bo.get(2), await other.get(0.2))
            bus.hub().task.cancel()  # the subscription is lost
            try:
                await ann.get(2)
            except BusClosed:
                return heard, "closed"
            return heard, "still open"

    assert run(story) == (("7", "7", None), "closed")


def test_a_stream_listens_before_it_asks_for_the_snapshot(monkeypatch):
    """A move made while the screen fetches its snapshot must still reach it."""
    from game.live import stream

    bus = InProcessBus()
    monkeypatch.setattr(stream, "bus", lambda: bus)

    async def story():
        source = events("444444", heartbeat=5)
        await anext(source)  # "connected": the screen may now fetch its snapshot...
        bus.publish("444444", "9")  # ...while the host moves on
        heard = await asyncio.wait_for(anext(source), timeout=2)
        await source.aclose()
        return heard

    assert run(story) == "event: changed\ndata: 9\n\n"
