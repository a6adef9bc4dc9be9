"""The learned ranker: where the rules find no speaker, it may choose one among the names nearby,
never sure enough to be pre-ticked. Its weights come from PolNeAR train (a local copy, fitted by a
command); here the stages are tested on paragraphs written for the tests."""

import json

import pytest
from django.core.management import CommandError, call_command

from game.importer import ranker, ranker_fitting
from game.importer.parsing import parse_article
from game.importer.people import people_index_build
from game.importer.quotations import QuotedRanges, quote_spans
from game.importer.cues import RANKED_CUE, blank_quotes
from game.importer.quotes import find_quotes
from game.importer.types import SURE
from tests.test_extraction_stages import polnear_copy, quotes_of


def mentions(text, *others):
    people = people_index_build([text, *others])
    return [(m.kind, ranker._identity(m.speaker)) for m in ranker.mentions_in(blank_quotes(text), people, 0)]


# --- candidates ------------------------------------------------------------------------------

def test_candidates_are_the_people_and_bodies_a_paragraph_names_outside_its_quotations():
    found = mentions('Sen. Jack Reed said the Daily Caller had called it "a plan by Donald Trump".',
                     "Jack Reed spoke first.")
    assert ("name", "Jack Reed") in found
    assert ("body", "Daily Caller") in found
    assert all(name != "Donald Trump" for _, name in found)  # inside the quotation


def test_a_role_the_index_knows_is_its_holder():
    found = mentions("The culture secretary said the bill was fair.", "Culture Secretary Tessa Jowell spoke.")
    assert ("role", "Tessa Jowell") in found


def test_places_datelines_and_sentence_openers_are_no_candidates():
    assert mentions("Head teachers in Northshire have warned that schools face cuts.") == []
    assert mentions("LONDON (Reuters) - A hospital trust apologised on Tuesday.") == []
    assert all(name != "Later" for _, name in mentions("Later, the crowd cheered at Michigan Avenue."))


# --- features --------------------------------------------------------------------------------

def test_a_mention_is_described_by_where_it_stands():
    text = 'More recently, Trump pledged to make Apple "build their damn computers in this country."'
    people = people_index_build([text, "Donald Trump spoke in Ohio."])
    blanked = blank_quotes(text)
    span = quote_spans(text)[0]
    context = ranker.QuoteContext(text=text, blanked=blanked, span=span,
                                  sentence_starts=ranker._sentence_starts(text, QuotedRanges(text, [span])))
    candidates = ranker.mentions_in(blanked, people, 0)
    trump = next(m for m in candidates if ranker._identity(m.speaker) == "Donald Trump")
    names = ranker.features(trump, context, candidates)
    assert "where=before" in names and "next=pledged" in names and "quote_lowercase" in names


# --- choosing --------------------------------------------------------------------------------

def test_the_committed_weights_say_where_they_came_from():
    model = json.loads(ranker.WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert "PolNeAR" in model["about"] and "train" in model["about"]
    assert 0 < model["threshold"] < 1
    assert model["weights"]


def test_a_subject_who_pledged_words_is_chosen_but_never_sure():
    story = ("Donald Trump spoke in Ohio on Monday.",
             'More recently, Trump pledged to make Apple "build their damn computers and things in this country."')
    ranked = quotes_of(*story)
    assert [(q.speaker, q.cue) for q in ranked] == [("Donald Trump", RANKED_CUE)]
    assert ranked[0].confidence <= ranker.MAX_CONFIDENCE < SURE and not ranked[0].sure
    article = parse_article(("Headline\n\n" + "\n\n".join(story) + "\n").encode(), "story.txt")
    assert [q.speaker for q in find_quotes([article], ranking=False)[0]] == [None]  # the rules alone abstain


def test_words_reported_without_saying_whose_stay_the_teachers_to_attribute():
    found = quotes_of("Ms Sunita Rao lives on the seventh floor.",
                      "She said residents had been told the tower would be “in keeping with the character of the area”.")
    assert [q.speaker for q in found] == [None]


def test_without_weights_the_ranker_chooses_no_one():
    assert ranker.rank([], None, model={}) is None


def test_fitting_learns_which_candidates_speak():
    # Each quotation has a candidate with feature "beside_said" (the speaker) and one without.
    groups = [([["beside_said"], ["elsewhere"]], ["null"], [0]) for _ in range(20)]
    groups += [([["elsewhere"]], ["null"], []) for _ in range(20)]  # no one of these spoke
    model = ranker.fit(groups, epochs=200)
    speaker, other, no_one = ranker.choices([["beside_said"], ["elsewhere"]], ["null"], model["weights"])
    assert speaker > 0.8 and other < 0.1 and no_one < 0.2
    assert ranker.choices([["elsewhere"]], ["null"], model["weights"])[-1] > 0.5


# --- fitting from a PolNeAR-shaped copy -----------------------------------------------------

def test_records_mark_the_candidate_where_the_annotators_put_the_source(tmp_path):
    records = ranker_fitting.polnear_ranker_records(polnear_copy(tmp_path, "train"), "train")
    assert records and all(r.rules_speaker == "Jane Roe" for r in records)
    first = records[0]
    assert any(source and right for _, source, right in first.candidates)


def test_the_fitting_command_writes_weights_and_never_reads_the_test_split(tmp_path):
    root = polnear_copy(tmp_path, "train")
    (root / "test").mkdir()  # a test split is there, and must stay unread
    (root / "test" / "attributions").write_text("not a folder: reading it would fail", encoding="utf-8")
    output = tmp_path / "weights.json"
    call_command("fit_speaker_ranker", polnear=root, output=output, stdout=open(tmp_path / "log", "w"))
    model = json.loads(output.read_text(encoding="utf-8"))
    assert "weights" in model and "threshold" in model and "PolNeAR" in model["about"]
    with pytest.raises(ValueError):
        ranker_fitting.polnear_ranker_records(root, "test")


def test_the_fitting_command_says_plainly_when_there_is_no_local_copy(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    with pytest.raises(CommandError, match="No local copy of PolNeAR"):
        call_command("fit_speaker_ranker", polnear=tmp_path / "nowhere", output=tmp_path / "w.json")
