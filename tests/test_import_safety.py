"""Any file a teacher uploads is imported safely: bounded in size and time, in any Unicode
encoding with a byte-order mark, and never at the cost of what students have played."""

import random
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from game.importer.parsing import MAX_ARTICLE_BYTES, parse_article
from game.importer.quotes import MAX_QUOTES, find_quotes
from game.importer.shapes import awkward_articles
from game.models import Article, Mode, Quote
from game.services.importing import article_file_import
from game.services.rounds import Owner, answer_submit, round_start
from tests.factories import speaker_make

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Ward closures anger nurses\n\n"
    "\"We cannot keep patients safe with fewer beds,\" said Jane Roe, a ward sister at the hospital.\n\n"
    "The trust said it would review the plans.\n"
)


def test_a_file_over_the_size_limit_is_refused_with_the_limit_named(tmp_path, capsys):
    big = tmp_path / "huge.txt"
    big.write_bytes(b"Headline\n\n" + b"word " * (MAX_ARTICLE_BYTES // 5 + 10))
    with pytest.raises(CommandError):
        call_command("import_articles", str(big))
    error = capsys.readouterr().err
    assert "error: huge.txt: the file is 2.0 MB; articles can be at most 2 MB" in error
    assert not Article.objects.exists()
    report = article_file_import(name="upload.txt", data=big.read_bytes())
    assert report.errors == ["upload.txt: the file is 2.0 MB; articles can be at most 2 MB"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_utf16_or_utf32_file_with_its_byte_order_mark_imports_like_utf8(encoding):
    data = ARTICLE.encode(encoding)
    if encoding.endswith(("-le", "-be")):
        data = "\ufeff".encode(encoding) + data  # the mark Windows Notepad writes
    report = article_file_import(name=f"{encoding}.txt", data=data)
    assert report.errors == [] and report.created == 1
    article = Article.objects.get(source_file=f"{encoding}.txt")
    assert article.title == "Ward closures anger nurses"
    quote = Quote.objects.get(article=article)
    assert quote.text == "We cannot keep patients safe with fewer beds"
    assert quote.paragraph.text[quote.start : quote.end] == quote.text


def test_a_broken_utf16_file_is_refused_in_words_that_say_utf16():
    report = article_file_import(name="broken16.txt", data=b"\xff\xfe" + "Headline\n\nText".encode("utf-16-le") + b"\x00")
    assert report.errors and "broken16.txt: a UTF-16 file that cannot be read" in report.errors[0]
    assert not Article.objects.exists()


@pytest.mark.parametrize("role", [
    "a nurse.",
    "a retired paediatric nurse who worked for thirty years on children's wards in Leeds, Bradford and "
    "Wakefield, trained two generations of nurses, chaired her union branch through three pay disputes, "
    "wrote a history of the Leeds General Infirmary's children's wing, and now volunteers as a governor of "
    "a primary school near her home, where she reads with pupils twice a week and campaigns for school "
    "nurses in every secondary school in the county.",
])
def test_a_closing_byline_is_recognised_whatever_the_length_of_the_role(role):
    text = "Why I marched today\n\nI marched because I believe the wards must stay open. We deserve better.\n\n" \
        f"Jane Roe is {role}\n"
    article = parse_article(text, "opinion.txt")
    assert article.author == "Jane Roe"
    assert all("Jane Roe is" not in p.text for p in article.paragraphs)


def test_a_closing_paragraph_that_quotes_someone_is_not_a_byline():
    text = "Headline\n\nThe minister spoke.\n\nJane Roe is a nurse who said: \"We will not stand for it at all.\"\n"
    assert parse_article(text, "news.txt").author is None


def test_an_article_of_thousands_of_quotations_keeps_the_first_few_hundred_and_says_so():
    text = awkward_articles(200_000)["speech verbs everywhere"]
    report = article_file_import(name="quotes.txt", data=text.encode())
    assert report.quotes == MAX_QUOTES
    assert any("more than 500 quotations; only the first 500 were kept" in w for w in report.warnings)


@pytest.mark.parametrize("shape", sorted(awkward_articles(2000)))
def test_every_awkward_shape_imports_with_offsets_that_point_at_the_words(shape):
    text = awkward_articles(20_000, seed=3)[shape]
    report = article_file_import(name=f"{shape}.txt", data=text.encode())
    assert report.errors == []
    for quote in Quote.objects.filter(article__source_file=f"{shape}.txt").select_related("paragraph"):
        assert quote.paragraph.text[quote.start : quote.end] == quote.text


def test_reimporting_a_changed_article_keeps_quotes_students_have_played(student, tmp_path):
    """An importer draft that was published and played survives its article being re-imported."""
    path = tmp_path / "ward.txt"
    path.write_text(ARTICLE)
    call_command("import_articles", str(path))
    debate = Article.objects.get().debate
    quote = Quote.objects.get()
    assert quote.speaker.full_name == "Jane Roe"
    quote.status = "published"  # published from the admin without being edited
    quote.save()
    for name in ("Sam Smith", "Ali Khan", "Bo Chen"):  # wrong options to choose between
        speaker_make(debate, name)
    owner = Owner(student, "")
    round_ = round_start(debate=debate, mode=Mode.WHO_SAID, owner=owner, now=timezone.now(), rng=random.Random(1))
    answer_submit(round_id=round_.pk, position=0, answer_id=round_.items.get().right_answer, owner=owner,
                  now=timezone.now())
    path.write_text(ARTICLE.replace("The trust said", "The hospital trust said"))
    call_command("import_articles", str(path))
    assert Quote.objects.filter(pk=quote.pk).exists()
    assert round_.items.get().points == 10


def test_the_extractor_stops_at_the_quotation_cap():
    text = awkward_articles(100_000)["quotation marks everywhere"]
    article = parse_article(text, "many.txt")
    spoken = [q for q in find_quotes([article])[0] if q.kind == "spoken"]
    assert len(spoken) == MAX_QUOTES
    assert all(re.sub(r"\s+", " ", article.body[q.start : q.end]) == re.sub(r"\s+", " ", q.text) for q in spoken)
