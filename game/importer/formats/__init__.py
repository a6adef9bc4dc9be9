"""Article files in any format a teacher has: bytes in, plain text and what the file says of itself out.

`document_read` turns a `.txt`, a saved web page (`.html`, `.htm`), a PDF with a text layer or a
Word `.docx` into a `Document`: the article's text as paragraphs separated by blank lines, and the
headline, author and date when the format states them (a page's meta tags, say). `article_read`
then parses it as any text article. Pure functions: no database, no network.

Every refusal is an `ArticleError` with one plain line naming the file and what to do.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath

from ..parsing import parse_article, size_check
from ..types import ArticleError, Document, ParsedArticle
from . import docx, html, pdf, txt

# What the upload field accepts and the import command looks for in a folder.
EXTENSIONS = (".txt", ".html", ".htm", ".pdf", ".docx")
READERS = {"txt": txt.read, "html": html.read, "pdf": pdf.read, "docx": docx.read}
# A saved page carries its scripts and styles, a PDF or Word file its fonts: more bytes than the text.
FILE_LIMITS = {"txt": 2, "html": 10, "pdf": 20, "docx": 20}  # MB
REFUSED = {
    ".doc": "an old Word .doc file: open it in Word and save it as .docx (or as a PDF), then import it again",
    ".odt": "an OpenDocument file: save it as .docx or as a PDF, then import it again",
    ".rtf": "a Rich Text file: save it as .docx or as plain text, then import it again",
    ".pages": "a Pages file: export it as a PDF or as Word (.docx), then import it again",
    ".mhtml": "a web archive (.mhtml): save the page as 'Webpage, HTML only' or 'complete' instead",
    ".mht": "a web archive (.mht): save the page as 'Webpage, HTML only' or 'complete' instead",
}


def format_of(data: bytes, name: str) -> str:
    """Which reader a file needs: its content first (a PDF is a PDF whatever it is called), then its name."""
    suffix = PurePath(name).suffix.lower()
    if suffix in REFUSED:
        raise ArticleError(f"{name}: {REFUSED[suffix]}")
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if suffix in (".docx", ""):
            return "docx"
        raise ArticleError(f"{name}: this is a zip archive, not an article; unzip it and import the files inside")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        if suffix == ".docx":
            raise ArticleError(
                f"{name}: this Word document is protected with a password; open it in Word, remove the password "
                "(File > Info > Protect Document), save it and import it again"
            )
        raise ArticleError(f"{name}: {REFUSED['.doc']}")
    if suffix in (".html", ".htm") or html.looks_like_html(head):
        return "html"
    if suffix in (".pdf", ".docx"):
        raise ArticleError(f"{name}: the file is named {suffix} but is not a {suffix[1:].upper()} file (is it damaged?)")
    return "txt"


def _checked_format(data: bytes, name: str) -> str:
    if not data or not data.strip():
        raise ArticleError(f"{name}: the file is empty")
    kind = format_of(data, name)
    limit = FILE_LIMITS[kind]
    if len(data) > limit * 1024 * 1024:
        raise ArticleError(
            f"{name}: the file is {len(data) / 1024 / 1024:.1f} MB; "
            f"{'articles' if kind == 'txt' else kind.upper() + ' files'} can be at most {limit} MB"
        )
    return kind


def document_read(data: bytes, name: str) -> Document:
    """The text and metadata of one article file; an ArticleError (one line) when it cannot be read."""
    document = READERS[_checked_format(data, name)](data, name)
    size_check(len(document.text.encode("utf-8")), name)  # the text itself keeps the 2 MB limit
    return document


def article_read(data: bytes, name: str) -> ParsedArticle:
    """Read and parse one article file of any supported format."""
    if _checked_format(data, name) == "txt":
        return parse_article(data, name)  # byte-exact: offsets index the file as saved
    document = document_read(data, name)
    article = parse_article(document.text, name, title=document.title, author=document.author,
                            published=document.published, questions=document.questions)
    return replace(article, source_format=document.format)


def supported(path: PurePath) -> bool:
    return path.suffix.lower() in EXTENSIONS


__all__ = ["EXTENSIONS", "Document", "article_read", "document_read", "format_of", "supported"]
