"""Reading an article file: the date line, headline, byline, credits and body paragraphs.

The seed format is plain text, one block per paragraph separated by blank lines:

    25/09/2015 10:29 BST | Updated 25/09/2016 06:12 BST      <- optional date line
    Jeremy Hunt Trying to 'Take on' Junior Doctors ...       <- optional headline
    Body paragraphs ...
    Neil Hall/PA Wire                                         <- photo credit (and its caption)
    Also on HuffPost                                          <- trailer
    Heidi Alexander is the Labour MP for Lewisham ...         <- optional byline, first or last
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from datetime import date

from .types import ArticleError, ParagraphSpan, ParsedArticle

MONTHS = {name: number for number, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], start=1) for name in names}
_TIME = r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?"
_LABEL = r"(?:(?i:(?:First\s+)?(?:Published|Updated|Posted|Last\s+(?:modified|updated))(?:\s+on)?):?\s*)?"
# What may follow the date on its line: "| Updated ...", ", updated 15 October", "· 3 min read".
_DATE_TAIL = r"(?:\s*[|·•].*|\s*(?:[,;]|\s[-–—])\s*(?i:(?:last\s+)?(?:updated|modified|edited)\b.*|\d+\s*min(?:ute)?s?\s+read))"
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
# A line that is only a date (with a label, a weekday, a time, a zone, an "| Updated ..." tail):
#   25/09/2015 10:29 BST | Updated ...   Published: 14:05, 11 March 2025   Tuesday 4 March 2025
#   Nov. 3, 2025   November 3, 2025 10:15 a.m. EST   2025-03-11
DATE_LINE = re.compile(
    rf"^\s*{_LABEL}(?:{_TIME},?\s+)?{_WEEKDAY}(?:"
    r"(?P<nd>\d{1,2})/(?P<nm>\d{1,2})/(?P<ny>\d{4})"
    r"|(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>[A-Za-z]{3,9})\.?,?\s+(?P<y>\d{4})"
    r"|(?P<m2>[A-Za-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
    rf")(?:,?\s+(?:at\s+)?{_TIME})?{_DATE_TAIL}?\s*$"
)
# "By HELEN MARSH", "By Jane Roe, Political Correspondent", "By JANE ROE Associated Press", "Interview by Sam Okoro",
# "By Dr Jane Roe and Tom Lee", "By Jane Roe, health correspondent, 14 October 2026"
_BY = r"^(?:By|Interview by|Interviewed by|Words by|Reporting by|Report by)\s+"
_BY_NAME_WORD = r"(?:[A-Z][a-z]*['’]?[A-Z]?[A-Za-z-]*|[A-Z]\.)"
_BY_TITLE = r"(?:(?:Dr|Prof|Professor|Sir|Dame|Lord|Lady|Baroness)\.?\s+)"
_BY_NAME = rf"{_BY_NAME_WORD}(?:\s+{_BY_NAME_WORD}){{1,3}}?"
BY_LINE = re.compile(
    rf"{_BY}{_BY_TITLE}?(?P<name>{_BY_NAME})(?:\s+(?:and|&)\s+{_BY_TITLE}?{_BY_NAME})?"
    r"(?:\s*(?:,|\||-|–|—|\bin\b)?\s*(?P<agency>(?:The\s+)?Associated Press|AP|Reuters|AFP|PA(?: Media)?|Press Association|"
    r"Bloomberg|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+(?:Correspondent|Editor|Reporter|correspondent|editor|reporter)|"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
    r"|\s*(?:,|\||\s[-–—])\s*(?P<role>[^.!?]{0,78}[^.!?\s]))?\s*$"
)
# A By line naming a news agency, a broadcaster or the paper's staff, not a person: a byline without an author.
AGENCY_BY_LINE = re.compile(
    rf"{_BY}(?i:(?:the\s+)?(?:Press Association|PA(?: Media)?|(?:The\s+)?Associated Press|AP|Reuters|AFP|"
    r"Agence France-Presse|Bloomberg|BBC(?: News)?|Sky News|CNN|staff|(?:our|a|an)(?:\s+\w+)?\s+"
    r"(?:reporter|correspondent|staff|staff writer|team)|staff (?:reporter|writer)s?|(?:news|web|foreign) desk)"
    r"|(?:[A-Z][\w&]*\s+){1,3}(?i:News|Media|Staff|Reporters|Team|Desk|Newsroom|Agency))"
    r"(?:\s*(?:,|\||\s[-–—]|\bin\b).*)?\s*$"
)
# An interview's question, in any format: "Q: How long are patients waiting?"
QUESTION_PREFIX = re.compile(r"^Q\s*[:.–—-]\s+")
TIMESTAMP = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|GMT|BST|EST|ET|CET))?$")
PHOTO_CREDIT = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s*/\s*(?:PA Wire|PA|Getty Images|Getty|Reuters|AP|AFP|"
    r"EPA|Alamy|Shutterstock|Rex Features|REX|PA Images|PA Archive)\b.*$"
)
TRAILERS = re.compile(
    r"^(?:Also on [\w ]+|Read more:?.*|Related:?.*|Follow us on .*|Share this article|Advertisement)$",
    re.IGNORECASE,
)
# "Heidi Alexander is the Labour MP for ..." / "Andrew Brown is Conservative health ... spokesman"
BYLINE = re.compile(
    r"^(?P<name>(?:(?:Dr|Prof|Sir|Dame|Lord|Lady|Baroness)\.? )?[A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+){1,2}) "
    r"(?:is|was|has been) (?:a |an |the )?(?P<what>.+)$"
)
BYLINE_ROLE_WORDS = re.compile(
    r"\b(MP|secretary|spokes(?:man|woman|person)|councillor|minister|editor|correspondent|writer|columnist|"
    r"chair(?:man|woman)?|professor|lecturer|director|chief|member|leader|doctor|consultant|GP|author|"
    r"campaigner|journalist|reporter|blogger|president|founder|officer|peer)\b",
    re.IGNORECASE,
)
FIRST_PERSON = re.compile(r"\b(I|I'm|I’m|I've|I’ve|I'd|I’d|my|me|we|our|us)\b")
NUL_CHECK_BYTES = 8192
MAX_ARTICLE_BYTES = 2 * 1024 * 1024  # a long feature is ~50 KB; anything near this is not an article
# Unicode files other than UTF-8 are read when their byte-order mark says what they are.
BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
]


def size_check(size: int, source_name: str) -> None:
    """Refuse a file over the size limit before reading it, with a message naming the limit."""
    if size > MAX_ARTICLE_BYTES:
        raise ArticleError(
            f"{source_name}: the file is {size / 1024 / 1024:.1f} MB; articles can be at most "
            f"{MAX_ARTICLE_BYTES // 1024 // 1024} MB"
        )


@dataclass(frozen=True)
class Block:
    start: int  # offset in body
    text: str


def decode(data: bytes | str, source_name: str) -> str:
    """Bytes to text, refusing what is not a UTF-8 text file with a one-line message."""
    if isinstance(data, str):
        text = data
    else:
        size_check(len(data), source_name)
        if not data.strip():
            raise ArticleError(f"{source_name}: the file is empty")
        for bom, codec, label in BOMS:
            if data.startswith(bom):
                try:
                    text = data.decode(codec)
                except UnicodeDecodeError as error:
                    raise ArticleError(
                        f"{source_name}: a {label} file that cannot be read (bad bytes at {error.start}); "
                        "save the article as UTF-8 and import it again"
                    ) from None
                return _text_check(text, source_name)
        if b"\x00" in data[:NUL_CHECK_BYTES]:
            raise ArticleError(f"{source_name}: this is a binary file, not a text article")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ArticleError(
                f"{source_name}: not UTF-8 text (byte {error.start} is 0x{data[error.start]:02x}); "
                "save the article as UTF-8 and import it again"
            ) from None
    return _text_check(text, source_name)


def _text_check(text: str, source_name: str) -> str:
    if len(text) > MAX_ARTICLE_BYTES:
        raise ArticleError(
            f"{source_name}: the text is longer than {MAX_ARTICLE_BYTES // 1024 // 1024} MB; "
            "articles can be at most that long"
        )
    if not text.strip():
        raise ArticleError(f"{source_name}: the file is empty")
    if "\x00" in text:
        raise ArticleError(f"{source_name}: this is a binary file, not a text article")
    return text


def normalise_newlines(raw: str) -> str:
    text = raw[1:] if raw.startswith("\ufeff") else raw
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_blocks(body: str) -> list[Block]:
    """Paragraph blocks: runs of non-blank lines, with their offsets (trailing spaces trimmed)."""
    blocks = []
    for match in re.finditer(r"[^\n]+(?:\n[^\n]+)*", body):
        text = match.group(0)
        if not text.strip():
            continue
        leading = len(text) - len(text.lstrip())
        stripped = text.strip()
        blocks.append(Block(start=match.start() + leading, text=stripped))
    return blocks


def parse_date(line: str) -> date | None:
    """The date of a line that is only a date, or None (a wire dateline without a year is None:
    we never invent a year)."""
    match = DATE_LINE.match(line)
    if not match:
        return None
    found = match.groupdict()
    if found["nd"]:
        day, month, year = int(found["nd"]), int(found["nm"]), int(found["ny"])
    elif found["iy"]:
        day, month, year = int(found["id"]), int(found["im"]), int(found["iy"])
    else:
        name = (found["m"] or found["m2"]).lower()
        if name not in MONTHS:
            return None
        day, month, year = int(found["d"] or found["d2"]), MONTHS[name], int(found["y"] or found["y2"])
    try:
        return date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class ByLine:
    author: str | None  # a person's name; None when the line names an agency or the paper's staff
    published: date | None = None  # a date printed on the same line ("By Jane Roe, 14 October 2026")


def read_by_line(text: str) -> ByLine | None:
    """A "By ..." line: the person's name in its usual capitals ("By HELEN MARSH" is Helen Marsh),
    or no author for an agency ("By the Press Association"); None when the line is not a By line."""
    text = text.strip()
    if "\n" in text:
        return None
    if AGENCY_BY_LINE.match(text):
        return ByLine(author=None, published=_date_after_comma(text))
    match = BY_LINE.match(text)
    if not match or not _reads_as_by_line(match):
        return None
    words = match.group("name").split()
    author = " ".join(word.capitalize() if word.isupper() and len(word) > 1 else word for word in words)
    return ByLine(author=author, published=_date_after_comma(match.group("role") or ""))


def _reads_as_by_line(match: re.Match) -> bool:
    """Not a sentence that starts with "By" ("By Monday Morning, most of them had left"): the name is
    no weekday or month, and what follows the comma is a role, a place or a date."""
    if any(word.lower().rstrip(".") in MONTHS or word.lower() in _WEEKDAYS for word in match.group("name").split()):
        return False
    role = match.group("role")
    return not role or role[0].isupper() or role[0].isdigit() or BYLINE_ROLE_WORDS.search(role) is not None


_WEEKDAYS = {day + "day" for day in ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")}


def _date_after_comma(text: str) -> date | None:
    return next((when for part in re.split(r"\s*[,|]\s*", text) if (when := parse_date(part))), None)


def by_line_author(text: str) -> str | None:
    """The person named in a "By ..." line (None for an agency or for any other line)."""
    found = read_by_line(text)
    return found.author if found else None


def byline_author(text: str, *, closing: bool = False) -> str | None:
    """The author's name when a block reads as a byline ("X is the Labour MP for ...").

    A closing block ("Jane Roe is a retired nurse who ...", the last of the article) is a byline
    whatever the length of the role, as long as it quotes nobody; elsewhere the role must name
    an occupation and the block be short, so a body paragraph about someone is not taken.
    """
    if '"' in text or "“" in text:
        return None
    first_sentence = re.split(r"(?<=[.!?])\s", text.replace("\u00a0", " "), maxsplit=1)[0]
    match = BYLINE.match(first_sentence)
    if not match:
        return None
    if closing and re.match(r"(?:is|was) (?:a|an) ", first_sentence[match.end("name") + 1 :]):
        return match.group("name")
    if not BYLINE_ROLE_WORDS.search(match.group("what")) or len(text) > 400:
        return None
    return match.group("name")


def _by_block(text: str) -> tuple[ByLine, str, date | None] | None:
    """A block that is a By line, alone or with date lines ("By Jane Roe" over "Published 14 October
    2026"): what it says, the By line as printed, and the date."""
    lines = [line.strip() for line in text.split("\n")]
    found = [(line, by) for line in lines if (by := read_by_line(line))]
    if len(found) != 1:
        return None
    line, by = found[0]
    dates = [parse_date(other) for other in lines if other != line]
    if not all(dates):
        return None
    return by, line, by.published or next(iter(dates), None)


def is_headline(text: str) -> bool:
    """A single short line with no closing full stop: a headline, not a paragraph."""
    return "\n" not in text and len(text) <= 160 and not text.rstrip().endswith((".", "?\"", ".\"", ".”"))


def parse_article(data: bytes | str, source_name: str, *, title: str | None = None, author: str | None = None,
                  published: date | None = None, questions: frozenset[int] = frozenset()) -> ParsedArticle:
    """Parse one article file. Raises ArticleError (one line, naming the file) when it cannot.

    `title`, `author` and `published` are what the file's format stated (a web page's meta tags):
    they win over what the text seems to say, and its own header lines are still taken out.
    `questions` are the indexes of the text's blocks that the format marked as an interview's
    questions (in bold); a paragraph starting "Q:" is one in any format.
    """
    raw = decode(data, source_name)
    body = normalise_newlines(raw)
    blocks = split_blocks(body)
    question_starts = {blocks[index].start for index in questions if index < len(blocks)}
    question_paragraphs = set()
    byline = author  # as stated, until the text's own By line is found
    found_byline = False

    # The header: a date line, a "By ..." line and a headline, in any order, before the body
    # (the seeds repeat the header; any repeat is dropped below too).
    while blocks:
        block = blocks[0]
        first_line = block.text.split("\n")[0]
        if not found_byline and (by := _by_block(block.text)):
            by_line, byline, when = by
            author, published, found_byline = author or by_line.author, published or when, True
        elif when := parse_date(first_line):
            published = published or when
        elif not found_byline and (name := byline_author(block.text)):
            author, byline, found_byline = author or name, block.text, True
        elif is_headline(block.text) and (title is None or _same_words(block.text, title)):
            title = title or block.text
        else:
            break
        blocks = blocks[1:]

    if blocks and not found_byline and (by := _by_block(blocks[-1].text)):
        by_line, byline, when = by
        author, published = author or by_line.author, published or when
        blocks = blocks[:-1]
    elif blocks and not found_byline and (name := byline_author(blocks[-1].text, closing=True)):
        author, byline = author or name, blocks[-1].text
        blocks = blocks[:-1]

    paragraphs = []
    skip_caption = False
    for block in blocks:
        first_line = block.text.split("\n")[0]
        if parse_date(first_line):
            published = published or parse_date(first_line)  # a date line under the headline
            continue
        if title and block.text == title:
            continue
        if PHOTO_CREDIT.match(first_line):
            # A credit line is followed by its caption, in the same block or the next one.
            skip_caption = "\n" not in block.text
            continue
        if skip_caption:
            skip_caption = False
            if len(block.text) <= 220 and "\n" not in block.text and '"' not in block.text[:1]:
                continue
        if TRAILERS.match(block.text) or TIMESTAMP.match(block.text):
            continue  # a trailer, or a live blog's time stamp
        if block.start in question_starts or QUESTION_PREFIX.match(block.text):
            question_paragraphs.add(len(paragraphs))
        paragraphs.append(
            ParagraphSpan(index=len(paragraphs), start=block.start, end=block.start + len(block.text), text=block.text)
        )

    if not paragraphs:
        raise ArticleError(f"{source_name}: no body paragraphs found")

    is_opinion = written_in_first_person([p.text for p in paragraphs])

    return ParsedArticle(
        source_name=source_name,
        raw_text=raw,
        body=body,
        title=title,
        author=author,
        byline=byline,
        published=published,
        paragraphs=tuple(paragraphs),
        is_opinion=is_opinion,
        questions=frozenset(question_paragraphs),
    )


def written_in_first_person(paragraphs: list[str]) -> bool:
    """An opinion piece: the author says I/my/we outside quotation marks, again and again."""
    own_words = [_outside_quotes(text) for text in paragraphs]
    count = sum(len(FIRST_PERSON.findall(text)) for text in own_words)
    words = sum(len(text.split()) for text in own_words)
    return count >= 4 and count / max(1, words) > 0.006


def _outside_quotes(paragraph: str) -> str:
    """The paragraph without its double-quoted passages (an unclosed quote runs to the end)."""
    return re.sub(r"[\"“](?:[^\"”]*[\"”]|[^\"”]*$)", " ", paragraph)


def _same_words(a: str, b: str) -> bool:
    """The same headline, whatever its quotation marks, dashes and spacing."""
    def words(text: str) -> list[str]:
        return re.findall(r"\w+", text.lower())
    return words(a) == words(b)


def content_hash(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()
