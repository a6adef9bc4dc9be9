"""A teacher's articles arrive as saved web pages, PDFs and Word files, not only .txt."""

import json

import pytest
from django.core.management import call_command

from game.importer.formats import article_read
from game.importer.types import ArticleError
from game.importer.quotes import find_quotes
from tests.article_files import (
    COLUMNS_ARTICLE, COLUMNS_HEADER, DOCX_ARTICLE, FURNITURE_WORDS, HTML_ARTICLE, INTERVIEW, PDF_ARTICLE,
    columns_pdf_file, docx_file, html_page, interview_paragraphs, pdf_file, zip_bomb_docx,
)


def body_text(article) -> str:
    return "\n".join(p.text for p in article.paragraphs)


def test_a_saved_news_page_gives_its_article_and_none_of_the_sites_furniture():
    article = article_read(html_page(), "courier.html")
    assert article.title == HTML_ARTICLE["title"]
    assert article.author == "Priya Castellano"
    assert article.published.isoformat() == "2026-10-05"
    assert article.source_format == "html"
    assert [p.text for p in article.paragraphs] == HTML_ARTICLE["paragraphs"]
    for furniture in FURNITURE_WORDS:
        assert furniture not in body_text(article)


def test_a_printed_pdf_is_rejoined_into_paragraphs_without_its_print_header_and_footer():
    article = article_read(pdf_file(), "heads.pdf")
    assert article.title == PDF_ARTICLE["title"]
    assert [p.text for p in article.paragraphs] == PDF_ARTICLE["paragraphs"]
    assert article.published.isoformat() == "2026-10-07"  # the article's own date line
    text = body_text(article)
    assert "courier.example" not in text and "06/11/2026" not in text and "Northfield Courier" not in text


@pytest.mark.parametrize("columns", [2, 3])
@pytest.mark.parametrize("drawn", ["across", "down"])
def test_a_newspaper_page_in_columns_is_read_column_by_column_without_its_running_header(columns, drawn):
    """The story runs down each column and over the page; the file may draw its lines across the columns."""
    article = article_read(columns_pdf_file(columns=columns, drawn=drawn), f"courier-{columns}.pdf")
    assert article.title == COLUMNS_ARTICLE["title"]
    assert article.author == "Helen Marsh" and article.published.isoformat() == "2026-10-14"
    assert [p.text for p in article.paragraphs] == COLUMNS_ARTICLE["paragraphs"]
    assert COLUMNS_HEADER not in body_text(article)
    quotes = [(q.text, q.speaker) for q in find_quotes([article])[0] if q.kind == "spoken"]
    assert [speaker for _, speaker in quotes] == ["Dana Whitlock", "Grace Okonjo", "Omar Feldman", "Dana Whitlock"]
    assert quotes[0][0] == ("Every teacher I know is exhausted by Thursday, and a long weekend to plan and mark "
                            "would keep good people in the profession who would otherwise leave it for good")


BY_AND_DATE_LINES = ["By Helen Marsh, education correspondent", "Updated 14 October 2026"]


@pytest.mark.parametrize("kind", ["txt", "pdf", "docx"])
def test_a_by_line_and_a_date_line_at_the_top_are_the_author_and_date_in_every_format(kind):
    paragraphs = PDF_ARTICLE["paragraphs"]
    data = {
        "txt": lambda: "\n\n".join([PDF_ARTICLE["title"], *BY_AND_DATE_LINES, *paragraphs]).encode(),
        "pdf": lambda: pdf_file({**PDF_ARTICLE, "date_line": "\n".join(BY_AND_DATE_LINES)}),
        "docx": lambda: docx_file({"paragraphs": [PDF_ARTICLE["title"], *BY_AND_DATE_LINES, *paragraphs]}),
    }[kind]()
    article = article_read(data, f"heads.{kind}")
    assert (article.title, article.author, article.published.isoformat()) == (
        PDF_ARTICLE["title"], "Helen Marsh", "2026-10-14")
    assert article.byline == BY_AND_DATE_LINES[0]
    assert [p.text for p in article.paragraphs] == paragraphs


def test_an_agency_by_line_is_the_byline_but_names_no_author():
    article = article_read(docx_file({"paragraphs": ["Heads warn on four-day week", "By the Press Association",
                                                      "14 October 2026", *PDF_ARTICLE["paragraphs"]]}), "wire.docx")
    assert (article.byline, article.author) == ("By the Press Association", None)
    assert article.published.isoformat() == "2026-10-14"
    assert [p.text for p in article.paragraphs] == PDF_ARTICLE["paragraphs"]


def interview_file(kind: str) -> bytes:
    """The same interview as a teacher may have it: questions in bold in Word or on a web page, Q: and A: in text."""
    if kind == "docx":
        paragraphs = [INTERVIEW["title"], INTERVIEW["byline"], *interview_paragraphs()]
        bold = {index for index, text in enumerate(paragraphs) if text in INTERVIEW["questions"]}
        return docx_file({"paragraphs": paragraphs, "bold": bold})
    if kind == "html":
        paragraphs = interview_paragraphs(question="<strong>{}</strong>")
        return html_page({"title": INTERVIEW["title"], "author": "Sam Adeyemi", "date": "2026-10-20",
                          "paragraphs": paragraphs})
    return "\n\n".join([INTERVIEW["title"], INTERVIEW["byline"], *interview_paragraphs("Q: {}", "A: {}")]).encode()


@pytest.mark.parametrize("kind", ["docx", "html", "txt"])
def test_an_interviews_answers_are_the_interviewees_words_in_every_format(kind):
    article = article_read(interview_file(kind), f"okonjo.{kind}")
    assert article.author == "Sam Adeyemi"
    assert len(article.questions) == 2
    asked = [p.text.removeprefix("Q: ") for p in article.paragraphs if p.index in article.questions]
    assert asked == INTERVIEW["questions"]
    found = find_quotes([article])[0]
    assert [(q.text, q.speaker) for q in found] == [
        (answer, "Grace Okonjo") for answers in INTERVIEW["answers"] for answer in answers]
    assert all(article.body[q.start : q.end] == q.text for q in found)
    assert "**" not in article.body and "<strong>" not in article.body  # nothing added to the words


def test_bold_paragraphs_that_ask_nothing_are_not_questions():
    paragraphs = [HTML_ARTICLE["title"], "Councillors will vote on Monday.", *HTML_ARTICLE["paragraphs"]]
    article = article_read(docx_file({"paragraphs": paragraphs, "bold": {1}}), "standfirst.docx")
    assert article.questions == frozenset()


def test_a_print_date_is_never_taken_for_the_published_date():
    article_without_date = {**PDF_ARTICLE, "date_line": "By our education staff"}
    article = article_read(pdf_file(article_without_date, print_date="06/11/2026, 09:41"), "undated.pdf")
    assert article.published is None


def test_a_word_files_own_author_property_is_not_the_articles_author():
    article = article_read(docx_file(file_author="Ms Okafor (Teacher)"), "pupils.docx")
    assert article.author == "Sam Adeyemi"  # from the article's By line
    assert article.title == DOCX_ARTICLE["paragraphs"][0]
    assert "Okafor" not in body_text(article)
    no_byline = {"paragraphs": [p for p in DOCX_ARTICLE["paragraphs"] if not p.startswith("By ")]}
    assert article_read(docx_file(no_byline, file_author="Newsroom Template"), "x.docx").author is None


@pytest.mark.parametrize(("name", "make", "message"), [
    ("scan.pdf", lambda: pdf_file(scanned=True), "no text in it, only pictures of pages"),
    ("locked.pdf", lambda: pdf_file(password="s3cret"), "protected with a password"),
    ("bomb.docx", zip_bomb_docx, "it may be a 'zip bomb'"),
    ("app.html", lambda: b"<!doctype html><html><head><title>News</title></head><body><noscript>You need to enable "
                         b"JavaScript to run this app.</noscript><div id='root'></div></body></html>",
     "builds its article with JavaScript"),
    ("home.html", lambda: b"<!doctype html><html><body><nav><a href='/a'>News</a> <a href='/b'>Sport</a></nav></body></html>",
     "no article found in this web page"),
    ("fake.pdf", lambda: b"just some text pretending", "is not a PDF file"),
    ("old.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "old Word .doc file"),
    ("locked.docx", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "protected with a password"),
    ("broken.docx", lambda: b"PK\x03\x04 broken zip", "damaged"),
    ("broken.pdf", lambda: b"%PDF-1.7\n garbage", "damaged"),
])
def test_each_bad_file_gets_its_own_plain_message(name, make, message):
    with pytest.raises(ArticleError) as error:
        article_read(make(), name)
    assert str(error.value).startswith(f"{name}: ")
    assert message in str(error.value)
    assert "\n" not in str(error.value)


@pytest.mark.django_db
def test_the_import_command_reads_every_format_in_a_folder_and_reports_a_bad_one(tmp_path, capsys):
    (tmp_path / "courier.html").write_bytes(html_page())
    (tmp_path / "heads.pdf").write_bytes(pdf_file())
    (tmp_path / "pupils.docx").write_bytes(docx_file())
    (tmp_path / "scan.pdf").write_bytes(pdf_file(scanned=True))
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("import_articles", str(tmp_path))
    out = capsys.readouterr()
    assert "Imported 3 articles (3 new" in out.out
    assert "error: scan.pdf: this PDF has no text in it" in out.err
    from game.models import Article

    assert sorted(Article.objects.values_list("source_format", flat=True)) == ["docx", "html", "pdf"]


def test_extract_quotes_reads_a_saved_page(tmp_path, capsys):
    (tmp_path / "courier.html").write_bytes(html_page())
    call_command("extract_quotes", str(tmp_path / "courier.html"), "--json")
    report = json.loads(capsys.readouterr().out)[0]
    assert report["title"] == HTML_ARTICLE["title"] and report["published"] == "2026-10-05"
    speakers = {quote["speaker"] for quote in report["quotes"]}
    assert speakers == {"Dana Whitlock", "Omar Feldman"}
