"""Plain text: UTF-8, or UTF-16/UTF-32 with a byte-order mark (the parser's own decoding)."""

from __future__ import annotations

from ..parsing import decode, normalise_newlines
from ..types import Document


def read(data: bytes, name: str) -> Document:
    return Document(text=normalise_newlines(decode(data, name)), format="txt")
