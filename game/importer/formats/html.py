"""A saved web page ("Save page as"): the article's text and its headline, author and date, and an
interview's questions (paragraphs wholly in bold).

trafilatura finds the main text and leaves out the site's furniture: menus, cookie banners, share
buttons, captions, "related" and "most read" lists, footers. The headline, author and date come
from the page's own statements (meta tags, JSON-LD, the byline); a date is never guessed from
the text or the address.
"""

from __future__ import annotations

import re
from datetime import date

import trafilatura

from ..types import ArticleError, Document
from .interview import bold_questions

MIN_TEXT = 200  # characters: less than a short news story is not an article
_JS_HINTS = re.compile(
    rb"enable javascript|javascript is (?:disabled|required|not enabled)|requires javascript|turn on javascript|"
    rb"id=[\"'](?:root|__next|app|__nuxt)[\"']\s*>\s*</div>",
    re.IGNORECASE,
)
_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,60}$")


def looks_like_html(head: bytes) -> bool:
    lowered = head[:512].lower()
    return lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in lowered or lowered.startswith(
        b"<!doctype html")


def read(data: bytes, name: str) -> Document:
    try:
        found = trafilatura.bare_extraction(
            data, with_metadata=True, include_comments=False, include_tables=False, include_images=False,
            favor_precision=True, deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # trafilatura and lxml raise many kinds on broken markup
        raise ArticleError(f"{name}: this web page could not be read ({error.__class__.__name__})") from None
    text = (found.text or "").strip() if found else ""
    if len(text) < MIN_TEXT:
        if _JS_HINTS.search(data):
            raise ArticleError(
                f"{name}: this page builds its article with JavaScript, so the saved file has no article text in it; "
                "open the article in your browser and copy its text into 'Paste text', or save it as a PDF"
            )
        raise ArticleError(
            f"{name}: no article found in this web page (is it a home page, a list of links or a login page?); "
            "save the article's own page, or copy its text into 'Paste text'"
        )
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    bold = _bold_paragraphs(data)
    return Document(
        text="\n\n".join(paragraphs), title=_title(found), author=_author(found.author), published=_date(found.date),
        format="html", questions=bold_questions(paragraphs, [_words(p) in bold for p in paragraphs]),
    )


def _words(text: str) -> str:
    return " ".join(text.split())


def _bold_paragraphs(data: bytes) -> set[str]:
    """The text of each paragraph of the page that is wholly in <strong> or <b> (an interview's question).

    trafilatura's text keeps no formatting, so the page is read again for this; its paragraphs are
    matched to trafilatura's by their words.
    """
    import lxml.html

    try:
        root = lxml.html.fromstring(data)
    except Exception:  # lxml raises several kinds on broken markup; then no paragraph is a question
        return set()
    found = set()
    for paragraph in root.iter("p"):
        words = _words(paragraph.text_content())
        strong = _words(" ".join(node.text_content() for node in paragraph.iter("strong", "b")
                                 if node.getparent() is not None and node.getparent().tag not in ("strong", "b")))
        if words and "".join(words.split()) == "".join(strong.split()):
            found.add(words)
    return found


def _title(found) -> str | None:
    title = (found.title or "").strip()
    if found.sitename and title.endswith(found.sitename):
        title = _SITE_SUFFIX.sub("", title)
    return title[:300] or None


def _author(author: str | None) -> str | None:
    if not author:
        return None
    first = re.split(r";|\band\b|,", author)[0].strip()
    return first[:120] or None


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
