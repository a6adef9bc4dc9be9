"""Word .docx: the paragraphs of the document's body, in order; in an interview, the questions set in bold.

The file's own properties are not read: its "author" is whoever made the file (often the teacher,
or a newsroom's template), not the article's author. A zip bomb posing as a .docx is refused
before anything is unpacked.
"""

from __future__ import annotations

import io
import zipfile

from ..types import ArticleError, Document
from .interview import bold_questions

MAX_UNPACKED = 50 * 1024 * 1024  # far beyond any article with its pictures
MAX_RATIO = 200  # XML compresses about 10:1; hundreds to one is a bomb


def read(data: bytes, name: str) -> Document:
    _bomb_check(data, name)
    import docx  # python-docx; imported here so a plain-text import never loads lxml's XML stack

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml errors on broken files
        raise ArticleError(f"{name}: this Word file could not be read ({error.__class__.__name__}); "
                           "open it in Word, save it again as .docx and import it again") from None
    read = [(" ".join(p.text.split()), p) for p in document.paragraphs]
    read = [(text, paragraph) for text, paragraph in read if text]
    if not read:
        raise ArticleError(f"{name}: this Word document has no text in its body")
    paragraphs = [text for text, _ in read]
    questions = bold_questions(paragraphs, [_all_bold(paragraph) for _, paragraph in read])
    return Document(text="\n\n".join(paragraphs), format="docx", questions=questions)


def _all_bold(paragraph) -> bool:
    """Every run with text is bold, set on the run or by the paragraph's style (an interview's question)."""
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    runs = [run for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(run.bold if run.bold is not None else style_bold for run in runs)


def _bomb_check(data: bytes, name: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ArticleError(f"{name}: this .docx file is damaged (it is not a complete Word document)") from None
    unpacked = sum(entry.file_size for entry in entries)
    packed = sum(entry.compress_size for entry in entries) or 1
    if unpacked > MAX_UNPACKED or unpacked / packed > MAX_RATIO:
        raise ArticleError(
            f"{name}: this .docx would unpack to {unpacked / 1024 / 1024:.0f} MB from {len(data) / 1024:.0f} KB, "
            "which no article does; it was not opened (it may be a 'zip bomb')"
        )
    if "word/document.xml" not in {entry.filename for entry in entries}:
        raise ArticleError(f"{name}: this zip file is not a Word document (it has no word/document.xml)")
