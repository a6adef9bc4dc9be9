"""A PDF with a text layer: lines rejoined into paragraphs, read column by column, without the print furniture.

Reading a PDF gives positioned lines, not paragraphs. Lines are joined while they follow each
other at the usual line spacing; a wider gap, a change of type size or a short line ending a
sentence starts a new paragraph, and a paragraph runs on over a page break. What a browser or a
printer adds at the top and bottom of each page (the print date, the page's address and title,
page numbers, a newspaper's running header) is dropped, so a print date never becomes the
published date.

A newspaper page sets its story in columns, and a file may draw its lines in any order (row by row
across the columns, say), so the order is found from where the lines are: the gutters are the
strips of the page that no line crosses, a line crossing them (a headline) starts a new band, and
each band is read column by column. A paragraph runs on into the next column as over a page break.

Which library gives the lines, measured on two- and three-column pages with a running header and a
page number (tests/article_files.py `columns_pdf_file`, drawn row by row across the columns or
column by column) and on the printed one-column page:
- pypdf `extract_text` (plain or layout mode), pdfplumber `extract_text` (plain or layout=True) and
  pypdfium2 read in the file's own order or row by row across the page: a page drawn across the
  columns came out spliced (2 of 8 paragraphs whole on two columns, 0 of 8 on three); pypdf and
  pypdfium2 were right only when the file happened to draw its columns in order.
- pdfminer.six's layout analysis (LAParams, boxes_flow 0.5) grouped lines and boxes correctly
  but ordered the boxes of two columns alternately (5 of 8 paragraphs whole, out of order) and
  put a column's last box after the page footer; three columns came out 7 of 8.
- None dropped the running header or the page number.
So pdfminer.six gives the lines with their extents (its line grouping without its box ordering,
`boxes_flow=None`, which also skips its quadratic box grouping) and this module finds the columns;
pypdf still opens the file and says why one cannot be read (damaged, password, too many pages).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from statistics import median

from ..parsing import parse_date, read_by_line
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


MIN_GUTTER = 6.0  # points (about 2 mm): a narrower strip between two lines is a word space
SPANNING_SHARE = 0.1  # a gutter may be crossed by this share of a page's lines (headlines, a standfirst)


@dataclass
class Line:
    y: float  # bottom of the line, from the bottom of the page
    x: float
    size: float
    text: str
    right: float = 0.0  # where the line ends
    column_start: bool = False  # read after the foot of the previous column: a paragraph may run on


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
        pages = _pages_lines(data)
    except ArticleError:
        raise
    except Exception as error:
        raise ArticleError(f"{name}: this PDF is damaged and could not be read ({error.__class__.__name__})") from None
    if sum(len(line.text) for lines, _ in pages for line in lines) < 20:
        raise ArticleError(
            f"{name}: this PDF has no text in it, only pictures of pages (a scan?); import the original article, "
            "or copy its text into 'Paste text'"
        )
    body = [_reading_order(lines) for lines in _without_furniture(pages)]
    title, body = _title(body)
    paragraphs = _paragraphs(body)
    if not paragraphs:
        raise ArticleError(f"{name}: this PDF has no article text once its page headers and footers are left out")
    return Document(text="\n\n".join(paragraphs), title=title, format="pdf")


def _pages_lines(data: bytes) -> list[tuple[list[Line], float]]:
    """Each page's text lines with their extents, and the page's height."""
    from pdfminer.high_level import extract_pages  # imported here so a plain-text import never loads it
    from pdfminer.layout import LAParams, LTChar, LTTextBoxHorizontal, LTTextLineHorizontal

    pages = []
    for page in extract_pages(io.BytesIO(data), laparams=LAParams(boxes_flow=None), maxpages=MAX_PAGES):
        lines = []
        for box in page:
            if not isinstance(box, LTTextBoxHorizontal):
                continue
            for line in box:
                text = " ".join(line.get_text().split()) if isinstance(line, LTTextLineHorizontal) else ""
                if text:
                    size = next((char.size for char in line if isinstance(char, LTChar)), line.height)
                    lines.append(Line(y=line.y0, x=line.x0, size=size, text=text, right=line.x1))
        lines.sort(key=lambda line: (-line.y, line.x))
        pages.append((lines, page.height))
    return pages


def _gutters(lines: list[Line], width: float) -> list[tuple[float, float]]:
    """The page's gutters: strips at least MIN_GUTTER wide that few lines cross, with text on both sides."""
    if len(lines) < 4:
        return []
    steps = max(1, int(width) + 2)
    change = [0] * (steps + 1)
    for line in lines:  # how many lines cover each point across the page
        change[max(0, min(steps, int(line.x)))] += 1
        change[max(0, min(steps, int(line.right) + 1))] -= 1
    cover, running = [], 0
    for step in change[:steps]:
        running += step
        cover.append(running)
    low = int(len(lines) * SPANNING_SHARE)
    strips, start = [], None
    for x, count in enumerate(cover + [low + 1]):
        if count <= low and start is None:
            start = x
        elif count > low and start is not None:
            strips.append((start, x))
            start = None
    gutters = []
    for start, end in strips:
        text_left = max(cover[:start], default=0) > low and sum(line.right <= start for line in lines) >= 2
        text_right = max(cover[end:], default=0) > low and sum(line.x >= end for line in lines) >= 2
        if end - start >= MIN_GUTTER and text_left and text_right:
            gutters.append((float(start), float(end)))
    return gutters


def _reading_order(lines: list[Line]) -> list[Line]:
    """A page's lines in reading order: top to bottom, and column by column where the page has columns.

    A line that crosses a gutter (a headline over the columns) closes the band of columns above it.
    """
    if not lines:
        return lines
    gutters = _gutters(lines, max(line.right for line in lines))
    if not gutters:
        return lines
    ordered: list[Line] = []
    band: dict[int, list[Line]] = {}

    def close_band():
        for number, column in enumerate(band[key] for key in sorted(band)):
            column[0].column_start = number > 0
            ordered.extend(column)
        band.clear()

    for line in lines:  # already top to bottom
        # A column's ragged line ends may run into its gutter; only a line reaching the next column crosses it.
        if any(line.x < start and line.right > end - 1 for start, end in gutters):
            close_band()
            ordered.append(line)
        else:
            band.setdefault(sum(line.x >= end for _, end in gutters), []).append(line)
    close_band()
    return ordered


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower())


def _without_furniture(pages: list[tuple[list[Line], float]]) -> list[list[Line]]:
    """Each page's lines without running headers and footers: lines in the top or bottom margin that
    look like furniture, or that repeat (numbers aside) on other pages; and a page's top or bottom
    line that repeats at the top or bottom of other pages (a running header on a small page sits
    lower than the margin)."""
    def in_margin(line: Line, height: float) -> bool:
        return line.y > height * (1 - MARGIN) or line.y < height * MARGIN

    def ends(lines: list[Line]) -> list[Line]:
        return lines[:1] + lines[-1:] if len(lines) > 2 else []

    seen: dict[str, int] = {}
    seen_at_ends: dict[str, int] = {}
    for lines, height in pages:
        for shape in {_shape(line.text) for line in lines if in_margin(line, height)}:
            seen[shape] = seen.get(shape, 0) + 1
        for shape in {_shape(line.text) for line in ends(lines)}:
            seen_at_ends[shape] = seen_at_ends.get(shape, 0) + 1
    kept = []
    for lines, height in pages:
        running = {id(line) for line in ends(lines) if seen_at_ends[_shape(line.text)] > 1}
        kept.append([
            line for line in lines
            if id(line) not in running
            and not (in_margin(line, height) and (_FURNITURE.match(line.text) or seen.get(_shape(line.text), 0) > 1))
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
                if (index == 0 and page_number > 0) or line.column_start:
                    new = ended  # a paragraph runs on over a page or column break unless its sentence ended
                else:
                    gap = previous.y - line.y
                    new = (
                        gap > usual_gap * 1.4 or gap <= 0 or abs(line.size - previous.size) > 1.5
                        or (ended and len(previous.text) < full_line * 0.7)
                    )
            if new or _stands_alone(line.text) or _stands_alone(previous.text):
                paragraphs.append([line.text])
            else:
                paragraphs[-1].append(line.text)
            previous = line
    return [_join(lines) for lines in paragraphs]


def _stands_alone(text: str) -> bool:
    """A By line or a date line is its own paragraph, even set at the body's spacing."""
    return read_by_line(text) is not None or parse_date(text) is not None


def _join(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        if re.search(r"[A-Za-z]-$", text) and line[:1].islower():
            text = text[:-1] + line  # a word broken over two lines
        else:
            text += " " + line
    return text
