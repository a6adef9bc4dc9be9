"""Stage 3 of the extractor: where a paragraph's quotations are (spans of text between marks).

Pure functions over one paragraph's text, in linear time:
- Curly marks say which way they face. A straight mark (`"`) opens when it follows a space or an
  opening bracket and comes before a word, and closes when it follows a word; otherwise it closes
  a quotation that is open and opens one that is not.
- A quotation runs on when a new one opens before it is closed: the British convention of re-opening
  the marks on each paragraph, which survives in text whose paragraphs were run together (`...26
  weeks. "We are going to ...`). It ends where the next one opens, and `close_mark` is -1.
- A mark never closed ends at its paragraph's end: never beyond it.
- Single marks quote only outside double ones, and an apostrophe is not a mark.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
import re

PRECEDES_OPENING = " \t\n([{—–-/:,;\u00a0"
SPACE = " \t\n\u00a0"
# How far either side of a quotation its sentence is looked for. Real sentences are far shorter;
# the bound keeps the work per quotation constant, so a paragraph of any length is linear.
SENTENCE_WINDOW = 1000
# A full stop after these ends no sentence: "Sen. Chuck Schumer", "Dr. Jane Roe", "J. Smith".
ABBREVIATION = re.compile(r"(?:^|[\s(-])(?:Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Cmdr|Dr|Mr|Mrs|Ms|Prof|St|Jr|Sr|Rev|Pres|Hon|[A-Z])\.$")


@dataclass
class Span:
    """A quoted passage in a paragraph: `start`/`end` index its words (marks excluded)."""

    start: int
    end: int
    open_mark: int  # index of the opening mark, or -1 when the paragraph continues a quote
    close_mark: int  # index of the closing mark, or -1 when the quote runs on

    @property
    def runs_on(self) -> bool:
        return self.close_mark < 0


def _facing(text: str, i: int) -> str:
    """'open', 'close' or '?' for the double mark at i."""
    char = text[i]
    if char == "“":
        return "open"
    if char == "”":
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = before in PRECEDES_OPENING and after not in SPACE
    closes = before not in SPACE and (after in SPACE or not after.isalnum())
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "?"


def double_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    opened = -1
    for i, char in enumerate(text):
        if char not in "“”\"":
            continue
        facing = _facing(text, i)
        if opened < 0:
            if facing != "close":
                opened = i
            continue
        if facing == "open":
            spans.append(Span(opened + 1, i, opened, -1))  # the quotation ran on: a new one opens
            opened = i
        else:
            spans.append(Span(opened + 1, i, opened, i))
            opened = -1
    if opened >= 0:
        spans.append(Span(opened + 1, len(text), opened, -1))
    return spans


def _single_closes(text: str) -> list[int]:
    """Every index where a single-quoted passage could close, in order (found in one pass, so
    many unclosed openers cost no rescans)."""
    closes = []
    for j in range(1, len(text)):
        if text[j] in "’'" and text[j - 1] not in " \t" and (j + 1 == len(text) or not text[j + 1].isalnum()):
            # "doctors' pay" inside a single-quoted passage would end it early; a following
            # lower-case word after a plural possessive is the tell.
            rest = text[j + 1 : j + 3]
            if text[j - 1] == "s" and rest[:1] == " " and rest[1:2].islower() and j + 1 < len(text):
                continue
            closes.append(j)
    return closes


def single_spans(text: str, outside: list[Span]) -> list[Span]:
    """Single-quoted passages outside the double-quoted ones (only the marks are visited)."""
    spans = []
    single_closes = _single_closes(text)
    blocked = sorted((s.open_mark, s.close_mark if s.close_mark >= 0 else s.end) for s in outside)
    starts = [a for a, _ in blocked]
    n, after = len(text), 0
    for mark in re.finditer(r"[‘']", text):
        i = mark.start()
        if i < after:
            continue
        at = bisect_right(starts, i) - 1
        if at >= 0 and i <= blocked[at][1]:
            continue
        if (i == 0 or text[i - 1] in PRECEDES_OPENING) and i + 1 < n and text[i + 1].isalnum():
            k = bisect_left(single_closes, i + 1)
            close = single_closes[k] if k < len(single_closes) else -1
            following = bisect_right(starts, i)
            if close >= 0 and (following >= len(starts) or close < starts[following]):
                spans.append(Span(i + 1, close, i, close))
                after = close + 1
    return spans


def quote_spans(text: str) -> list[Span]:
    """Double-quoted passages, and single-quoted ones outside them, in order; apostrophes are not marks."""
    doubles = double_spans(text)
    spans = sorted(doubles + single_spans(text, doubles), key=lambda s: s.open_mark)
    return [_trim(text, span) for span in spans if span.end > span.start and text[span.start:span.end].strip()]


def _trim(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start] in " \u00a0\t\n":
        start += 1
    while end > start and text[end - 1] in " \u00a0\t\n,":
        end -= 1
    return Span(start, end, span.open_mark, span.close_mark)


class QuotedRanges:
    """Where a paragraph's quotation marks enclose text, for "is this full stop quoted?"."""

    def __init__(self, text: str, spans: list[Span]):
        ranges = [(s.open_mark if s.open_mark >= 0 else 0, s.close_mark if s.close_mark >= 0 else s.end)
                  for s in spans]
        self.starts = [a for a, _ in ranges]
        self.ends = [b for _, b in ranges]

    def __contains__(self, index: int) -> bool:
        at = bisect_right(self.starts, index) - 1
        return at >= 0 and index <= self.ends[at]


def sentences_of(text: str) -> list[str]:
    """`text` cut into sentences, not after a title or an initial ("directed by then-Cmdr. Jon Burge.")."""
    pieces, start = [], 0
    for match in re.finditer(r"(?<=[.!?])['’\"”]?\s+(?=[A-Z])", text):
        if not ABBREVIATION.search(text, max(0, match.start() - 6), match.start()):
            pieces.append(text[start:match.start()])
            start = match.end()
    pieces.append(text[start:])
    return pieces


def sentence_bounds(text: str, position: int, quoted: QuotedRanges) -> tuple[int, int]:
    """The sentence around `position` (within SENTENCE_WINDOW), ignoring quoted full stops."""
    window = max(0, position - SENTENCE_WINDOW)
    start = window
    for match in re.finditer(r"[.!?]['’\"”]?\s+(?=[A-Z\"“‘'])", text[window:position]):
        # A full stop inside a quotation ends the sentence too when the quotation closes on it:
        # `... all the arguments." Mr Howard described ...`.
        closes = match.group(0)[1:2] in "\"”"
        if (closes or window + match.start() not in quoted) and not ABBREVIATION.search(
                text, max(0, window + match.start() - 6), window + match.start() + 1):
            start = window + match.end()
    end = min(len(text), position + SENTENCE_WINDOW)
    for match in re.finditer(r"[.!?]['’\"”]?(?:\s+|$)", text[position : position + SENTENCE_WINDOW]):
        if position + match.start() not in quoted and not ABBREVIATION.search(text, max(0, position + match.start() - 6),
                                                                               position + match.start() + 1):
            end = position + match.end()
            break
    return start, end
