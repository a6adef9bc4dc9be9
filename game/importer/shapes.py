"""Articles of awkward shapes, for measuring that the importer stays linear in the text's size.

Each is what a teacher might upload by mistake or what a scraper might produce: one paragraph
with no full stop, quotation marks everywhere, openers that never close, and so on. The
benchmark imports a 1 MB article of each shape; the tests use small ones.
"""

from __future__ import annotations

import random

WORDS = ("the junior doctors said contract Hunt must safety patients will Mr Porter BMA strike "
         "she told reporters according to union").split()


def _words(rng: random.Random, size: int, end: str = "") -> str:
    out, length = [], 0
    while length < size:
        word = rng.choice(WORDS) + end
        out.append(word)
        length += len(word) + 1
    return " ".join(out)


def awkward_articles(size: int, seed: int = 1) -> dict[str, str]:
    """{shape: article text} with bodies of about `size` characters."""
    rng = random.Random(seed)
    repeat = lambda unit: unit * max(1, size // len(unit))  # noqa: E731
    bodies = {
        "one paragraph, no full stop": _words(rng, size),
        "one word, no spaces": "a" * size,
        "quotation marks everywhere": repeat('"' + _words(rng, 40) + ' '),
        "openers that never close": repeat("“" + _words(rng, 30) + " "),
        "single openers that never close": repeat("'" + _words(rng, 12) + " "),
        "speech verbs everywhere": repeat('"Yes, we really must," said Mr Hunt. He said: "No, we will not." '),
        "capitalised names": " ".join(rng.choice(["Jeremy", "Hunt", "Mark", "Porter", "Said", "The"])
                                      for _ in range(size // 6)),
        "many short paragraphs": "\n\n".join(_words(rng, 60, ".") for _ in range(max(1, size // 62))),
        "colons and commas": repeat("Hunt: she said, according to the union, "),
        "only full stops": "." * size,
        "a line per word": repeat("word\n"),
    }
    return {name: "A headline for the shape\n\n" + body + "\n" for name, body in bodies.items()}
