"""Reading article files: what is body text and what is not, and honest offsets."""

from datetime import date
from pathlib import Path

import pytest

from game.importer.parsing import parse_article
from game.importer.types import ArticleError

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed(name: str):
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return parse_article(path.read_bytes(), path.name)


def test_a_dated_opinion_piece_has_its_date_headline_and_closing_byline():
    article = seed("000")
    assert article.published == date(2015, 9, 25)
    assert article.title == "Jeremy Hunt Trying to 'Take on' Junior Doctors Is Precisely the Wrong Approach"
    assert article.author == "Heidi Alexander"
    assert article.byline.startswith("Heidi Alexander is the Labour MP for Lewisham")
    assert article.is_opinion
    assert all("Heidi Alexander is" not in p.text for p in article.paragraphs)
    assert article.paragraphs[0].text.startswith("Once I got past")


def test_an_article_without_date_or_byline_still_has_a_headline_and_body():
    article = seed("001")
    assert article.published is None and article.author is None
    assert article.title == "I stand with the junior doctors"
    assert len(article.paragraphs) == 7


def test_photo_credits_captions_and_trailers_are_not_body_text():
    article = seed("002")
    texts = [p.text for p in article.paragraphs]
    assert not any("PA Wire" in t for t in texts)
    assert "Jeremy Hunt is being urged to test the contract before imposing it." not in texts
    assert not any(t.startswith("Junior doctors Rachel Clarke from Oxford") for t in texts)
    assert "Also on HuffPost" not in texts
    assert texts[-1].startswith('"I therefore appeal to you')
    assert not article.is_opinion


def test_a_byline_at_the_start_is_the_author_not_the_headline():
    article = seed("004")
    assert article.author == "Andrew Brown"
    assert article.title is None
    assert article.paragraphs[0].text.startswith("I have been following the dispute")


def test_paragraph_offsets_index_the_body():
    for name in ("000", "001", "002", "003", "004"):
        article = seed(name)
        for paragraph in article.paragraphs:
            assert article.body[paragraph.start : paragraph.end] == paragraph.text


def test_crlf_and_a_byte_order_mark_keep_file_offsets_true():
    text = (SEEDS / "002_e2637a767cba02e0.txt").read_text(encoding="utf-8")
    crlf = "\ufeff" + text.replace("\n", "\r\n")
    article = parse_article(crlf.encode("utf-8"), "crlf.txt")
    assert "\r" not in article.body
    for paragraph in article.paragraphs:
        start, end = article.file_span(paragraph.start, paragraph.end)
        assert crlf[start:end] == paragraph.text


def test_non_breaking_spaces_and_curly_quotes_are_kept_as_printed():
    article = seed("001")
    assert "\u00a0" in article.paragraphs[6].text
    assert "’" in article.paragraphs[0].text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\n \r\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("Caf\u00e9 society".encode("latin-1"), "not UTF-8 text (byte 3 is 0xe9)"),
        (b"25/09/2015 10:29 BST\n\n", "no body paragraphs"),
    ],
)
def test_unreadable_files_get_a_one_line_error_naming_them(data, message):
    with pytest.raises(ArticleError) as error:
        parse_article(data, "broken.txt")
    assert str(error.value).startswith("broken.txt: ")
    assert message in str(error.value)
    assert "\n" not in str(error.value)
