"""Property-based tests (Hypothesis): random and mutated article text never crashes the parser,
the extractor or the import, a bad file stores nothing, and every quotation's offsets point at
its words in its paragraph."""

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from game.importer.arguments import candidate_arguments
from game.importer.parsing import parse_article
from game.importer.quotes import find_quotes
from game.importer.types import ArticleError
from game.models import Article, Paragraph, Quote
from game.services.importing import article_file_import

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
SEED_TEXTS = [path.read_text(encoding="utf-8") for path in SEEDS]

# Pieces that exercise the attribution rules, mixed with random characters.
PIECES = [
    '"We must act now," said Mr Hunt. ', "He said: \"It is unsafe.\" ", "“", "”", "‘", "’", "'", '"',
    "According to the BMA, ", "Jeremy Hunt", "Mark Porter", "she told reporters", ", he added.", ": ",
    "\n\n", "\n", "\r\n", "By JANE ROE Associated Press\n\n", "25/09/2015 10:29 BST\n\n", "Jane Roe is a nurse.",
    "Neil Hall/PA Wire\n", "Also on HuffPost\n", "the Health Secretary", "a spokesman said", ". ", "!", "?",
    "\u00a0", "\ufeff", "—", "Mr", "Dr ", " the ", "junior doctors ",
]
text_pieces = st.one_of(st.text(max_size=30), st.sampled_from(PIECES))
article_texts = st.lists(text_pieces, max_size=80).map("".join)


@st.composite
def mutated_seeds(draw):
    """A seed article with slices deleted, duplicated or replaced by random pieces."""
    text = draw(st.sampled_from(SEED_TEXTS))
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 400)))
        action = draw(st.sampled_from(["delete", "duplicate", "replace"]))
        if action == "delete":
            text = text[:start] + text[end:]
        elif action == "duplicate":
            text = text[:end] + text[start:end] + text[end:]
        else:
            text = text[:start] + draw(text_pieces) + text[end:]
    return text


def check_article(text: str) -> None:
    """Parse and extract; whatever comes back must point at the words it claims."""
    try:
        article = parse_article(text, "random.txt")
    except ArticleError as error:
        assert str(error).startswith("random.txt: ") and "\n" not in str(error)
        return
    previous_end = -1
    for paragraph in article.paragraphs:
        assert article.body[paragraph.start : paragraph.end] == paragraph.text
        assert paragraph.start > previous_end
        previous_end = paragraph.end
    quotes = find_quotes([article])[0]
    for quote in quotes:
        paragraph = article.paragraphs[quote.paragraph_index]
        assert article.body[quote.start : quote.end] == quote.text
        assert paragraph.start <= quote.start < quote.end <= paragraph.end
    for candidate in candidate_arguments(article, quotes):
        assert candidate.claim in article.paragraphs[candidate.paragraph_index].text


@given(article_texts)
@settings(max_examples=300, deadline=None)
@example('"One two three four," "five six seven eight," said Mr Hunt')
def test_random_text_is_parsed_and_extracted_with_true_offsets(text):
    check_article(text)


@given(mutated_seeds())
@settings(max_examples=60, deadline=None)
def test_mutated_seed_articles_are_parsed_and_extracted_with_true_offsets(text):
    check_article(text)


@given(st.binary(max_size=400))
@settings(max_examples=200, deadline=None)
@example(b"\xff\xfe\x00\xd8")  # UTF-16 with a lone surrogate
@example(b"\xef\xbb\xbf")  # a UTF-8 mark and nothing else
def test_random_bytes_are_parsed_or_refused_in_one_line(data):
    try:
        parse_article(data, "random.txt")
    except ArticleError as error:
        assert str(error).startswith("random.txt: ") and "\n" not in str(error)


_names = itertools.count()


@pytest.mark.django_db
@given(st.one_of(mutated_seeds().map(str.encode), article_texts.map(str.encode), st.binary(max_size=300)))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
def test_the_import_stores_all_of_a_file_or_none_of_it(data):
    name = f"property-{next(_names)}.txt"
    report = article_file_import(name=name, data=data)
    stored = Article.objects.filter(source_file=name).first()
    if report.errors:
        assert stored is None and len(report.errors) == 1 and report.errors[0].startswith(name)
        return
    assert stored is not None
    paragraphs = {p.pk: p.text for p in Paragraph.objects.filter(article=stored)}
    for quote in Quote.objects.filter(article=stored):
        assert paragraphs[quote.paragraph_id][quote.start : quote.end] == quote.text
