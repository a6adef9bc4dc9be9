"""The values the importer's pure functions pass around. Offsets are into `ParsedArticle.body`."""

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property


class ArticleError(ValueError):
    """A file that cannot be imported; the message is one line naming the problem."""


@dataclass(frozen=True)
class ParagraphSpan:
    index: int  # 0 for the first body paragraph
    start: int  # offset of the paragraph in ParsedArticle.body
    end: int
    text: str


@dataclass(frozen=True)
class ParsedArticle:  # not slots: file_offset caches the CR positions
    source_name: str  # the file name
    raw_text: str  # the decoded file text exactly as read (CRLF kept), for offsets in the file
    body: str  # the text with LF line endings (BOM removed); all offsets below index this
    title: str | None
    author: str | None  # the byline's name, e.g. "Heidi Alexander"
    byline: str | None  # the byline as printed
    published: date | None
    paragraphs: tuple[ParagraphSpan, ...]  # body paragraphs only: no headline, date, byline, credits
    is_opinion: bool  # written in the author's own voice (first person)
    source_format: str = "txt"  # the file it was read from: txt, html, pdf, docx (or pasted text)
    # Indexes of the paragraphs that are an interview's questions: set in bold in a Word file or a web
    # page, or starting "Q:" in any format.
    questions: frozenset[int] = frozenset()

    def file_offset(self, body_offset: int) -> int:
        """Map an offset in `body` to the same character in `raw_text` (CRLF, BOM)."""
        # Each character dropped before an offset (a BOM, the CR of a CRLF) shifts it by one.
        return body_offset + bisect_right(self._dropped_positions, body_offset)

    def file_span(self, start: int, end: int) -> tuple[int, int]:
        """The file offsets of body[start:end]; the end never swallows a dropped CR."""
        return self.file_offset(start), self.file_offset(end - 1) + 1

    @cached_property
    def _dropped_positions(self) -> list[int]:
        """Body offsets of the characters that follow a character dropped from the raw text."""
        positions: list[int] = []
        raw = self.raw_text
        for index, char in enumerate(raw):
            if (index == 0 and char == "\ufeff") or (char == "\r" and raw[index + 1 : index + 2] == "\n"):
                positions.append(index - len(positions))
        return positions


@dataclass(frozen=True)
class KnownPerson:
    """Someone the importer may attribute quotes to (from a debate pack or the database)."""

    full_name: str
    aliases: tuple[str, ...] = ()  # "Mr Hunt", "Hunt", "the Health Secretary"
    role: str = ""
    organisation: str = ""


@dataclass(frozen=True)
class FoundQuote:
    text: str  # the quoted words, without the marks
    start: int  # offsets of `text` in ParsedArticle.body
    end: int
    paragraph_index: int
    speaker: str | None  # full name as best known; None when not sure
    kind: str = "spoken"  # "spoken" or "written" (the opinion author's own sentence)
    cue: str = ""  # the pattern that attributed it, for debugging and the admin
    speaker_is_group: bool = False  # the speaker is a group or body ("RMT union"), not a person
    # How sure the importer is of the speaker, 0 to 1 (0 when there is none); `sure` at SURE or more.
    confidence: float = 0.0

    @property
    def sure(self) -> bool:
        return self.speaker is not None and self.confidence >= SURE


# A quotation whose speaker's confidence is at least this is pre-ticked *Keep* on the review page;
# below it the teacher is asked to check the speaker.
SURE = 0.8


@dataclass(frozen=True)
class CandidateArgument:
    claim: str  # the sentence, as printed (teachers rewrite it in plain words)
    paragraph_index: int
    speaker: str | None  # whose argument it is, when the sentence says
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Document:
    """An article file read into text: paragraphs separated by blank lines, and what the file itself
    states of its headline, author and date (None where it says nothing)."""

    text: str
    title: str | None = None
    author: str | None = None
    published: date | None = None
    format: str = "txt"  # txt, html, pdf or docx
    # Indexes (among the paragraphs of `text`) of an interview's questions, when the format marks them
    # (a paragraph all in bold).
    questions: frozenset[int] = frozenset()
