"""A PDF with a text layer: lines rejoined into paragraphs, without the print furniture.

Reading a PDF gives positioned lines, not paragraphs. Lines are joined while they follow each
other at the usual line spacing; a wider gap, a change of type size or a short line ending a
sentence starts a new paragraph, and a paragraph runs on over a page break. What a browser or a
printer adds at the top and bottom of each page (the print date, the page's address and title,
page numbers) is dropped, so a print date never becomes the published date.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from statistics import median

from ..types import ArticleError, Document

MAX_PAGES = 60  # a long feature is a dozen pages; more is a book or a report
MARGIN = 0.09  # top and bottom fraction of a page where running headers and footers sit
_SENTENCE_END = re.compile(r"[.!?:…][\"'”’)]*$")
_FURNITURE = re.compile(
    r"^(?:"
    r"(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?"  # 3, 3/5, Page 3 of 5
    r"|[-–—]\s*\d{1,4}\s*[-–—]"  # - 3 -
    r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4},?\s+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\b.*"  # 29/11/2026, 14:05  Title | Site
    r"|.*\bhttps?://\S+.*|www\.\S+.*"  # the page's address
    r"|printed (?:from|on|at)\b.*|(?:©|copyright)\s.*"
    r")$",
    re.IGNORECASE,
)


@dataclass
class Line:
    y: float  # baseline, from the bottom of the page
    x: float
    size: float
    text: str


def read(data: bytes, name: str) -> Document:
    from pypdf import PdfReader  # imported here so a plain-text import never loads it

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except Exception as error:  # pypdf raises its own errors and plain ones on broken files
        raise ArticleError(f"{name}: this PDF is damaged and could not be read ({error.__class__.__name__})") from None
    if encrypted:
        try:
            opened = reader.decrypt("")  # many PDFs are "encrypted" with an empty password only to stop editing
        except Exception:
            opened = 0
        if not opened:
            raise ArticleError(
                f"{name}: this PDF is protected with a password; open it, print or save it again without the "
                "password (or copy its text into 'Paste text'), then import it again"
            )
    try:
        if len(reader.pages) > MAX_PAGES:
            raise ArticleError(f"{name}: this PDF has {len(reader.pages)} pages; an article can have at most {MAX_PAGES}")
        pages = [(_page_lines(page), float(page.mediabox.height)) for page in reader.pages]
    except ArticleError:
        raise
    except Exception as error:
        raise ArticleError(f"{name}: this PDF is damaged and could not be read ({error.__class__.__name__})") from None
    if sum(len(line.text) for lines, _ in pages for line in lines) < 20:
        raise ArticleError(
            f"{name}: this PDF has no text in it, only pictures of pages (a scan?); import the original article, "
            "or copy its text into 'Paste text'"
        )
    body = _without_furniture(pages)
    title, body = _title(body)
    paragraphs = _paragraphs(body)
    if not paragraphs:
        raise ArticleError(f"{name}: this PDF has no article text once its page headers and footers are left out")
    return Document(text="\n\n".join(paragraphs), title=title, format="pdf")


def _page_lines(page) -> list[Line]:
    """The page's text lines, top to bottom: fragments on one baseline are one line, in x order."""
    fragments: list[tuple[float, float, float, str]] = []

    def visit(text, cm, tm, font_dict, font_size):
        if text and text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = abs(cm[3]) or 1.0
            fragments.append((y, x, font_size * abs(tm[3] or 1) * scale, text.replace("\n", " ")))

    page.extract_text(visitor_text=visit)
    lines: list[Line] = []
    for y, x, size, text in sorted(fragments, key=lambda f: (-f[0], f[1])):
        if lines and abs(lines[-1].y - y) < 1.5:
            joiner = "" if lines[-1].text.endswith(" ") or text.startswith(" ") else " "
            lines[-1].text += joiner + text
        else:
            lines.append(Line(y, x, size, text))
    for line in lines:
        line.text = " ".join(line.text.split())
    return [line for line in lines if line.text]


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower())


def _without_furniture(pages: list[tuple[list[Line], float]]) -> list[list[Line]]:
    """Each page's lines without running headers and footers: lines in the top or bottom margin that
    look like furniture, or that repeat (numbers aside) on other pages."""
    def in_margin(line: Line, height: float) -> bool:
        return line.y > height * (1 - MARGIN) or line.y < height * MARGIN

    seen: dict[str, int] = {}
    for lines, height in pages:
        for shape in {_shape(line.text) for line in lines if in_margin(line, height)}:
            seen[shape] = seen.get(shape, 0) + 1
    kept = []
    for lines, height in pages:
        kept.append([
            line for line in lines
            if not (in_margin(line, height) and (_FURNITURE.match(line.text) or seen.get(_shape(line.text), 0) > 1))
        ])
    return kept


def _title(pages: list[list[Line]]) -> tuple[str | None, list[list[Line]]]:
    """The first lines of the first page when set larger than the body text: the headline."""
    sizes = [line.size for lines in pages for line in lines]
    if not sizes or not pages[0]:
        return None, pages
    body_size = median(sizes)
    first = pages[0]
    count = 0
    while count < min(3, len(first)) and first[count].size >= body_size * 1.3:
        count += 1
    if not count:
        return None, pages
    title = " ".join(line.text for line in first[:count])
    return title[:300], [first[count:], *pages[1:]]


def _paragraphs(pages: list[list[Line]]) -> list[str]:
    gaps = [a.y - b.y for lines in pages for a, b in zip(lines, lines[1:]) if 0 < a.y - b.y]
    usual_gap = median(gaps) if gaps else 0
    lengths = [len(line.text) for lines in pages for line in lines]
    full_line = sorted(lengths)[int(len(lengths) * 0.8)] if lengths else 0
    paragraphs: list[list[str]] = []
    previous: Line | None = None
    for page_number, lines in enumerate(pages):
        for index, line in enumerate(lines):
            new = previous is None
            if previous is not None:
                ended = _SENTENCE_END.search(previous.text) is not None
                if index == 0 and page_number > 0:
                    new = ended  # a paragraph runs on over the page break unless its sentence ended
                else:
                    gap = previous.y - line.y
                    new = (
                        gap > usual_gap * 1.4 or gap <= 0 or abs(line.size - previous.size) > 1.5
                        or (ended and len(previous.text) < full_line * 0.7)
                    )
            if new:
                paragraphs.append([line.text])
            else:
                paragraphs[-1].append(line.text)
            previous = line
    return [_join(lines) for lines in paragraphs]


def _join(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        if re.search(r"[A-Za-z]-$", text) and line[:1].islower():
            text = text[:-1] + line  # a word broken over two lines
        else:
            text += " " + line
    return text
