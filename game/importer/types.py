"""The values the importer's pure functions pass around. Offsets are into `ParsedArticle.body`."""

from dataclasses import dataclass, field
from datetime import date


class ArticleError(ValueError):
    """A file that cannot be imported; the message is one line naming the problem."""


@dataclass(frozen=True)
class ParagraphSpan:
    index: int  # 0 for the first body paragraph
    start: int  # offset of the paragraph in ParsedArticle.body
    end: int
    text: str


@dataclass(frozen=True)
class ParsedArticle:
    source_name: str  # the file name
    raw_text: str  # the decoded file text exactly as read (CRLF kept), for offsets in the file
    body: str  # the text with LF line endings (BOM removed); all offsets below index this
    title: str | None
    author: str | None  # the byline's name, e.g. "Heidi Alexander"
    byline: str | None  # the byline as printed
    published: date | None
    paragraphs: tuple[ParagraphSpan, ...]  # body paragraphs only: no headline, date, byline, credits
    is_opinion: bool  # written in the author's own voice (first person)

    def file_offset(self, body_offset: int) -> int:
        """Map an offset in `body` to the same character in `raw_text` (CRLF, BOM)."""
        raise NotImplementedError  # implemented in parsing.py via a subclass or helper


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


@dataclass(frozen=True)
class CandidateArgument:
    claim: str  # the sentence, as printed (teachers rewrite it in plain words)
    paragraph_index: int
    speaker: str | None  # whose argument it is, when the sentence says
    extra: dict = field(default_factory=dict)
