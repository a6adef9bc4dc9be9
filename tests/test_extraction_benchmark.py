"""The extractor's quality on the labelled articles: a deterministic figure, not a timing."""

from pathlib import Path

import pytest
from django.core.management import call_command

from game.importer.benchmark import Score, label_sets, load_labels, run_set, score_article, score_events, score_fields
from game.importer.types import FoundQuote

ROOT = Path(__file__).resolve().parent.parent
LABELS = load_labels(ROOT / "tests" / "extraction_corpus" / "labels.json")
EVENT_LABELS = load_labels(ROOT / "tests" / "extraction_corpus" / "events.json")


# Real texts under a free licence (Hansard, GOV.UK, Wikinews) are held to the same precision; their
# recall is what real text gives (free_holdout, first run: 31/34 right, 31 of 37; after the aside,
# "according to" and "X of the Y" rules: 33/33, 33 of 36; the three left are a court "deciding", a
# typo ("spokeman") and a court's finding, none of them a cue these rules should read).
REAL_TEXT_RECALL = {"free_tuning": 0.95, "free_holdout": 0.9}


@pytest.mark.parametrize(("set_name", "together"), label_sets(LABELS))
def test_the_extractor_meets_the_goal_on_every_labelled_set(set_name, together):
    total, _, _ = run_set(ROOT, LABELS[set_name], together=together)
    assert total.precision >= 0.97, total.mistakes
    assert total.recall >= REAL_TEXT_RECALL.get(set_name, 0.95), total.mistakes


# First runs on articles written after the extractor was last changed (each set was then used to
# improve the rules, so it is held out no more):
#   holdout   7/7 attributions right, 7 of 8 attributed      holdout3 11/13 right, 11 of 15
#   holdout2 13/14 right, 13 of 15                           holdout4 15/15 right, 15 of 15
#   (holdout4's one "wrong" attribution on that run was our missing label, added since.)
#   holdout5 13/13 right, 13 of 13 (no code change before or after it)
#   tuning6 (the six house styles of issue 6, written before the change, to tune on): before the
#   change 8/10 right, 8 of 19 with a speaker attributed, 6/18 title/author/date fields; after it
#   19/19 right, 19 of 19, 18/18 fields.
#   holdout6 (four articles written after that change): the first run crashed on the interview (the
#   interviewee lookup hashed people; fixed with no other change), then 13/13 right, 13 of 16
#   attributed (the three named bodies missed, the ambiguous "she" rightly left empty), 12/12 fields.
#   The named-body rule was added after that run: 15/15 right, 15 of 16.
#   holdout7 (issue 13's styles, written after the transcript, round-up, pull-quote and group-letter
#   rules): first run 11/14 scored right, 11 of 13. The transcript 6/6 (its three role labels, CHAIR
#   and AUDIENCE MEMBER, rightly left empty) and the round-up 4/4 were right. Of the letter's three
#   "mistakes", one was our missing label (Helen Castillo's "I found out from the news", added), one
#   a naming convention (the group labelled with its whole phrase; relabelled "Group of senior
#   nurses", as the older group labels are named), and one a real fault: "the Royal College of
#   Nursing's north-west board" became "Royal College of Nursing's". A body's possessive is now
#   dropped (the College speaks): after that change 14/14 right, 14 of 14.


# Dated events ("Put the story in order"), tests/extraction_corpus/events.json:
#   tuning (the seeds and every earlier test article, used while the rules were written): 15/15
#   suggestions right, 15 of 15 labelled found.
#   holdout8 (four articles written after the rules, labelled before the first run): first run 12/12
#   suggestions right, 12 of 14 found. Missed: "last Thursday" (no rule for it) and "told parents at
#   a meeting on Wednesday that the school would open..." (a plan in the sentence, its verb too far
#   from the date). Both rules were added after that run: 14/14 right, 14 of 14. A unit test then found
#   that "On Saturday" with a capital O was not read (tests/test_event_dates.py); fixed, and both sets
#   still 15/15 and 14/14.
@pytest.mark.parametrize("set_name", [name for name in EVENT_LABELS if not name.startswith("_")])
def test_dated_events_are_suggested_as_labelled(set_name):
    score = score_events(ROOT, EVENT_LABELS[set_name])
    assert score.precision >= 0.95, score.mistakes
    assert score.recall >= 0.85, score.mistakes


def test_every_event_label_names_a_paragraph_of_its_article():
    from game.importer.parsing import parse_article

    for set_name in (name for name in EVENT_LABELS if not name.startswith("_")):
        for name, labels in EVENT_LABELS[set_name].items():
            article = parse_article((ROOT / name).read_bytes(), name)
            for label in labels:
                assert label["paragraph"] is None or 0 <= label["paragraph"] < len(article.paragraphs), (name, label)
                assert label["paragraph"] is not None or article.published is not None, (name, label)


def test_headlines_bylines_and_dates_are_read_as_labelled():
    fields = score_fields(ROOT, LABELS["meta"])
    assert fields.right / fields.total >= 0.9, fields.mistakes


def test_every_label_is_really_in_its_article():
    for set_name, _ in label_sets(LABELS):
        for name, labels in LABELS[set_name].items():
            text = (ROOT / name).read_text(encoding="utf-8")
            for label in labels:
                assert label["text"] in text, (name, label["text"])


def test_scoring_counts_a_wrong_speaker_against_precision_and_a_miss_against_recall():
    labels = [{"text": "one two three four", "speaker": "Ann Smith"}, {"text": "five six seven eight", "speaker": "Bob Jones"}]
    found = [
        FoundQuote("one two three four", 0, 18, 0, "Bob Jones"),
        FoundQuote("nine ten eleven twelve", 20, 40, 0, None),
    ]
    score = score_article("x", found, labels)
    assert (score.attributed, score.correct, score.found) == (1, 0, 1)
    assert score.precision == 0.0 and score.recall == 0.0
    assert Score().precision == 1.0


def test_the_benchmark_command_prints_precision_and_recall(capsys):
    call_command("extraction_benchmark")
    out = capsys.readouterr().out
    event_sets = [name for name in EVENT_LABELS if not name.startswith("_")]
    assert out.count("precision ") == len(label_sets(LABELS)) + len(event_sets)
    assert "recall " in out and "articles/s" in out and "== dated events: holdout8 ==" in out
    assert "fields read as labelled" in out


def test_the_benchmark_throws_away_a_database_of_its_own_not_the_tests():
    from game.management.commands.benchmark import own_throwaway_database

    sqlite = {"ENGINE": "django.db.backends.sqlite3", "NAME": "/srv/var/db.sqlite3", "TEST": {"NAME": "/srv/var/test_db.sqlite3"}}
    own_throwaway_database(sqlite)
    assert sqlite["TEST"]["NAME"] == "/srv/var/bench_db.sqlite3"
    postgres = {"ENGINE": "django.db.backends.postgresql", "NAME": "hustings", "TEST": {"NAME": None}}
    own_throwaway_database(postgres)
    assert postgres["TEST"]["NAME"] == "bench_hustings"
