"""How the importer dates an event from an article's words: plain functions, no database."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.importer.events import WEEKDAYS, sentence_date, without_phrase

SUNDAY = date(2016, 4, 24)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Yesterday, Royal Colleges issued a serious warning.", date(2016, 4, 23)),
    ("Talks broke down last night after six hours.", date(2016, 4, 23)),
    ("Doctors marched on Whitehall this morning in the rain.", SUNDAY),
    ("On Saturday, Heidi Alexander urged Mr Hunt to test the contract.", date(2016, 4, 23)),
    ("Mr Porter responded on Sunday, explaining the BMA's objections.", SUNDAY),
    ("Thursday's announcement that junior doctors voted to strike was regrettable.", date(2016, 4, 21)),
    ("Unions, who staged a walkout last Sunday, said the rise was a tax.", date(2016, 4, 17)),
    ("The agency said Tuesday it would cut services next summer.", date(2016, 4, 19)),  # the saying is dated
    ("The first strike took place on 12 January 2016 across England.", date(2016, 1, 12)),
    ("The first strike took place on January 12, 2016 across England.", date(2016, 1, 12)),
    ("The offer was made on 4 November to the union's leaders.", date(2015, 11, 4)),  # the latest 4 November
])
def test_a_sentence_dates_what_has_happened_from_the_articles_date(sentence, expected):
    assert sentence_date(sentence, SUNDAY)[0] == expected


@pytest.mark.parametrize("sentence", [
    "The two-day strike is set to start on Tuesday at 8am.",  # a plan, not yet an event
    "The county will hold a consultation starting on 1 December.",
    "\"Jeremy Hunt should sit down today, this afternoon,\" she told Sky News on air.",  # only a speaker's today
    "Ministers met union leaders last week to talk about pay.",  # no day
    "The strike planned for 1 December 2016 was called off by the union.",  # a plan, and after the article
    "Young people today expect more of the NHS than ever.",  # "today" as a time of life
])
def test_plans_quotations_and_vague_times_date_nothing(sentence):
    assert sentence_date(sentence, SUNDAY) is None


def test_an_undated_article_dates_only_full_dates():
    assert sentence_date("On Saturday, the council met.", None) is None
    assert sentence_date("Yesterday the council met in public.", None) is None
    day, phrase, dated_by = sentence_date("On 9 January 2025 the river burst its banks.", None)
    assert (day, phrase, dated_by) == (date(2025, 1, 9), "On 9 January 2025",
                                        "The paragraph gives the date: “9 January 2025”.")


@given(published=st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1)),
       weekday=st.sampled_from(WEEKDAYS))
def test_a_weekday_is_that_weekday_in_the_week_up_to_the_articles_date(published, weekday):
    day, phrase, dated_by = sentence_date(f"The committee met on {weekday.title()} to vote.", published)
    assert day.strftime("%A").lower() == weekday and published - timedelta(days=6) <= day <= published
    assert f"says “on {weekday.title()}”" in dated_by


def test_the_card_leaves_out_the_words_that_date_it():
    assert without_phrase("Yesterday, Royal Colleges issued a warning.", "Yesterday") == "Royal Colleges issued a warning."
    assert without_phrase("Mr Porter responded on Sunday, explaining why.", "on Sunday") == "Mr Porter responded, explaining why."
    assert without_phrase("Thursday's announcement was regrettable.", "Thursday's") == "The announcement was regrettable."
    assert without_phrase("It had 900 signatures by this morning.", "this morning") == "It had 900 signatures."
