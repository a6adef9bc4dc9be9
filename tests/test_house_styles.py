"""House styles the importer reads: date lines, "By" lines, interviews, groups, titles, and
pronouns that never guess between two people."""

from datetime import date

import pytest

from game.importer.parsing import parse_article, parse_date
from game.importer.quotes import find_quotes
from game.models import Quote, Speaker
from game.services.importing import article_file_import


def quotes_of(text: str) -> dict[str, tuple[str | None, bool]]:
    article = parse_article(text, "style.txt")
    return {q.text: (q.speaker, q.speaker_is_group) for q in find_quotes([article])[0] if q.kind == "spoken"}


@pytest.mark.parametrize(("line", "expected"), [
    ("25/09/2015 10:29 BST | Updated 25/09/2016 06:12 BST", date(2015, 9, 25)),
    ("Published: 14:05, 11 March 2025", date(2025, 3, 11)),
    ("Tuesday 4 March 2025", date(2025, 3, 4)),
    ("Tue 4 Mar 2025 14.05 GMT", date(2025, 3, 4)),
    ("Nov. 3, 2025", date(2025, 11, 3)),
    ("November 3, 2025 10:15 a.m. EST", date(2025, 11, 3)),
    ("Last modified on Wed 12 Feb 2025 09.00 GMT", date(2025, 2, 12)),
    ("2025-03-11", date(2025, 3, 11)),
    ("Published 14 October 2026, updated 15 October 2026", date(2026, 10, 14)),
    ("First published on Wed 14 Oct 2026 10.05 BST", date(2026, 10, 14)),
    ("Updated 14 October 2026 · 3 min read", date(2026, 10, 14)),
])
def test_date_lines_in_many_house_styles(line, expected):
    assert parse_date(line) == expected


@pytest.mark.parametrize("line", ["LONDON, March 3 (Reuters) -", "March 3", "Smarch 3, 2025", "31 February 2025",
                                  "The 4 March 2025 meeting was cancelled.", "4 March 2025, when the council met"])
def test_a_date_without_a_year_or_inside_a_sentence_is_left_empty(line):
    assert parse_date(line) is None


def test_a_wire_dateline_without_a_year_leaves_the_date_empty_and_the_paragraph_whole():
    article = parse_article("Ferries cut\n\nLONDON, March 3 (Reuters) - Ferries will sail less often.\n", "wire.txt")
    assert article.published is None
    assert article.paragraphs[0].text.startswith("LONDON, March 3 (Reuters) -")


@pytest.mark.parametrize(("header", "author"), [
    ("By HELEN MARSH\n\nFerry operator cuts sailings", "Helen Marsh"),
    ("Ferry operator cuts sailings\n\nBy JANE ROE Associated Press", "Jane Roe"),
    ("Ferry operator cuts sailings\n\nBy Owen Barclay, Political Correspondent", "Owen Barclay"),
    ("Interview by Sam Okoro\n\nFerry operator cuts sailings", "Sam Okoro"),
    ("Ferry operator cuts sailings\n\nBy Dan O'Neill\n\nNov. 3, 2025", "Dan O'Neill"),
    ("Ferry operator cuts sailings\n\nBy Dr Helen Marsh, health correspondent", "Helen Marsh"),
    ("Ferry operator cuts sailings\n\nBy Jane Roe and Tom Lee, Transport Editors", "Jane Roe"),
    ("Ferry operator cuts sailings\n\nBy Jane Roe\nPublished 14 October 2026", "Jane Roe"),
    ("Ferry operator cuts sailings\n\nBy the Press Association", None),
    ("Ferry operator cuts sailings\n\nBy PA Media", None),
    ("By Reuters staff\n\nFerry operator cuts sailings", None),
    ("Ferry operator cuts sailings\n\nBy Our Transport Correspondent", None),
])
def test_by_lines_above_or_below_the_headline(header, author):
    article = parse_article(header + "\n\nThe operator will cut winter sailings by a third.\n", "by.txt")
    assert article.author == author
    assert article.title == "Ferry operator cuts sailings"
    assert [p.text for p in article.paragraphs] == ["The operator will cut winter sailings by a third."]


def test_a_sentence_that_starts_with_by_is_not_a_by_line():
    article = parse_article("Ferries cut\n\nBy Monday Morning, most of the crews had left.\n", "by.txt")
    assert article.author is None and article.paragraphs[0].text.startswith("By Monday Morning")


def test_a_pronoun_after_an_asked_clause_is_the_person_just_named():
    found = quotes_of(
        "Headline\n\n"
        '"We will not back down on this plan," said Tom Baker, the chief executive.\n\n'
        "Asked about fares, the finance director, Ruth Okonkwo, paused. "
        '"We have no plans to raise fares this winter," she said.\n'
    )
    assert found["We have no plans to raise fares this winter"] == ("Ruth Okonkwo", False)


def test_a_pronoun_two_people_could_fit_is_left_for_a_teacher():
    found = quotes_of(
        "Headline\n\n"
        "Jane Roe met Ann Smith at the town hall on Monday. "
        '"We will not let this library close," she said.\n'
    )
    assert found["We will not let this library close"] == (None, False)


def test_a_second_quotation_after_a_who_clause_is_the_same_speaker():
    found = quotes_of(
        "Headline\n\n"
        '"This is about whether our kids can afford to live here," said Mayor Linda Carver, who has made '
        'housing the centrepiece of her second term and campaigned on it door to door. "We are not going to '
        'give up on it."\n'
    )
    assert set(found.values()) == {("Linda Carver", False)}


@pytest.mark.parametrize("title", ["Cllr", "Councilmember", "Prof", "Prof.", "Dr", "Sir", "Dame", "Mayor"])
def test_titles_are_not_part_of_the_name_and_the_surname_finds_them_later(title):
    found = quotes_of(
        "Headline\n\n"
        f"{title} Rafael Ortiz, who represents the historic district, spoke first.\n\n"
        "'Nobody in my ward has seen a single drawing,' Ortiz said.\n"
    )
    assert found["Nobody in my ward has seen a single drawing"] == ("Rafael Ortiz", False)


def test_named_groups_speak_as_groups_and_unnamed_ones_stay_empty():
    found = quotes_of(
        "Headline\n\n"
        'The RMT union said in a statement: "Islanders are being punished for years of under-investment."\n\n'
        'Later the union said: "We will ballot our members again next month."\n\n'
        'A cross-party group of MPs wrote to the minister, saying the cuts would "cut off pensioners from '
        'hospital appointments".\n\n'
        'Critics said the plan would "leave whole villages without a single bus".\n\n'
        'The ferry company said nothing. Days later the union said: "Talks have broken down for good."\n'
    )
    assert found["Islanders are being punished for years of under-investment."] == ("RMT union", True)
    assert found["cut off pensioners from hospital appointments"] == ("Cross-party group of MPs", True)
    assert found["leave whole villages without a single bus"] == (None, False)
    assert found["We will ballot our members again next month."] == ("RMT union", True)
    assert found["Talks have broken down for good."] == (None, False)  # named too long ago to be sure


def test_interview_answers_are_the_interviewees_words():
    article = parse_article(
        'Interview by Sam Okoro\n\nDr Amara Bell: "Waiting is a choice"\n\n'
        "Dr Amara Bell has been a GP for fifteen years.\n\n"
        "Q: How long are patients waiting?\n\nA: Some of them wait more than a year for a first appointment.\n\n"
        "Q: What would you change?\n\nA: I would give GPs direct access to scans.\n", "interview.txt")
    found = find_quotes([article])[0]
    assert [(q.text, q.speaker) for q in found] == [
        ("Some of them wait more than a year for a first appointment.", "Amara Bell"),
        ("I would give GPs direct access to scans.", "Amara Bell"),
    ]
    for quote in found:
        assert article.body[quote.start : quote.end] == quote.text
    assert article.author == "Sam Okoro"


@pytest.mark.django_db
def test_an_imported_group_is_a_speaker_marked_as_a_group():
    article_file_import(name="union.txt", data=(
        "Headline\n\nThe Aslef union said in a statement: \"Our members have not had a pay rise in three years.\"\n"
    ).encode())
    quote = Quote.objects.get()
    assert quote.speaker.full_name == "Aslef union" and quote.speaker.is_group
    assert not Speaker.objects.filter(is_group=False).exists()
