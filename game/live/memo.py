"""A small process-local memo for what never changes once written: a game's board at one version,
a dealt question. Kept as Python objects (Django's local-memory cache pickles every value, which for
a 500-player board costs more than the rest of a phone's read); the oldest entries go first."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
SIZE = 512

_entries: OrderedDict[str, object] = OrderedDict()
_lock = threading.Lock()


def remembered(key: str, make: Callable[[], T]) -> T:
    """The value kept under `key`, made (and kept, unless None) the first time it is asked for."""
    with _lock:
        if key in _entries:
            _entries.move_to_end(key)
            return _entries[key]  # type: ignore[return-value]
    value = make()
    if value is not None:
        with _lock:
            _entries[key] = value
            while len(_entries) > SIZE:
                _entries.popitem(last=False)
    return value
