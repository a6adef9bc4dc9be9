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
        listener = bus.listen("123456")
        waiting = asyncio.ensure_future(anext(listener))
        await asyncio.sleep(0.05)  # the listener is registered
        threading.Thread(target=bus.publish, args=("123456", "changed")).start()
        message = await asyncio.wait_for(waiting, timeout=2)
        await listener.aclose()
        return message

    assert run(listen_once) == "changed"
    assert not bus._listeners["123456"]  # nobody left listening
    bus.publish("123456", "changed")  # publishing to nobody is harmless


def test_the_stream_asks_for_a_snapshot_at_once_on_every_connect():
    async def first_event():
        stream = events("654321")
        chunk = await anext(stream)
        await stream.aclose()
        return chunk

    assert run(first_event) == "retry: 2000\nevent: changed\ndata: connected\n\n"
