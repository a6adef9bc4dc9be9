"""The curated pack for the seed debate: balanced, true to its sources, and checked on load."""

import copy
import json
from pathlib import Path

import pytest

from game.importer.pack import PackError, pack_load
from game.importer.parsing import parse_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PACK = json.loads((SEEDS / "debate_pack.json").read_text(encoding="utf-8"))
ARTICLES = {path.name: parse_article(path.read_bytes(), path.name) for path in SEEDS.glob("*.txt")}


def test_the_pack_has_at_least_24_arguments_balanced_between_the_sides():
    pack = pack_load(PACK, ARTICLES)
    sides = [argument.side for argument in pack.arguments]
    assert len(sides) >= 24
    assert abs(sides.count("government") - sides.count("bma")) <= 2


def test_every_argument_points_at_a_paragraph_that_holds_its_evidence():
    pack = pack_load(PACK, ARTICLES)
    for argument in pack.arguments:
        paragraph = ARTICLES[argument.article].paragraphs[argument.paragraph].text.replace("\u00a0", " ")
        assert argument.evidence in paragraph, argument.key
        assert argument.claim != argument.evidence  # paraphrased in plain words, not copied


def test_every_pack_quote_is_the_exact_words_in_its_paragraph():
    pack = pack_load(PACK, ARTICLES)
    assert len(pack.quotes) >= 10
    for quote in pack.quotes:
        assert quote.text in ARTICLES[quote.article].paragraphs[quote.paragraph].text


def test_twelve_pack_quotes_or_more_carry_three_misquotes_each_a_different_small_change():
    from game.importer.misquotes import problem

    pack = pack_load(PACK, ARTICLES)
    misquoted = [quote for quote in pack.quotes if quote.misquotes]
    assert len(misquoted) >= 12 and all(len(quote.misquotes) == 3 for quote in misquoted)
    for quote in misquoted:
        assert len({m.kind for m in quote.misquotes}) == 3, quote.text
        for misquote in quote.misquotes:
            assert problem(quote.text, misquote.text) is None, (quote.text, misquote.text)
    kinds = {m.kind for quote in misquoted for m in quote.misquotes}
    assert kinds == {"negation", "quantifier", "number", "hedge", "clause", "splice"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda p: p["arguments"][0].update(side="labour"), "unknown side 'labour'"),
        (lambda p: p["arguments"][0].update(paragraph=99), "has no paragraph 99"),
        (lambda p: p["arguments"][0].update(evidence="words nobody wrote"), "the evidence is not in paragraph"),
        (lambda p: p["arguments"].append(dict(p["arguments"][0])), "the key is used twice"),
        (lambda p: p["quotes"][0].update(text="invented words"), "these words are not in paragraph"),
        (lambda p: p["quotes"][0].update(speaker="Nobody Known"), "unknown speaker 'Nobody Known'"),
        (lambda p: p["events"][0].update(evidence="Last week"), "the evidence (the words that date it) is not in"),
        (lambda p: p["events"][1].update(happened_on="2015-09-26"), "a headline event is dated by its article"),
        (lambda p: p["events"][0].update(happened_on="24/09/2015"), "happened_on must be a date as YYYY-MM-DD"),
        (lambda p: p["events"][0].update(dated_by=""), "dated_by must say"),
        (lambda p: p["quotes"][0]["misquotes"][0].update(text=p["quotes"][0]["text"]), "cannot be played"),
        (lambda p: p["quotes"][0]["misquotes"][0].update(kind="typo"), "unknown kind of misquote 'typo'"),
        (lambda p: p["quotes"][0]["misquotes"][1].update(kind=p["quotes"][0]["misquotes"][0]["kind"]),
         "two misquotes of the same kind"),
    ],
)
def test_a_broken_pack_is_refused_with_a_message_naming_the_problem(change, message):
    broken = copy.deepcopy(PACK)
    change(broken)
    with pytest.raises(PackError) as error:
        pack_load(broken, ARTICLES)
    assert message in str(error.value)


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def test_the_seed_events_are_dated_as_their_words_say():
    """Six or more events on five or more days; each names the words that date it, and the date
    agrees with them: "Yesterday" is the day before its article's date, a weekday is that weekday."""
    from datetime import timedelta

    pack = pack_load(PACK, ARTICLES)
    assert len(pack.events) >= 6 and len({event.happened_on for event in pack.events}) >= 5
    for event in pack.events:
        article = ARTICLES[event.article]
        assert event.dated_by and event.text
        if event.paragraph is None:
            assert event.happened_on == article.published
            continue
        assert event.evidence in article.paragraphs[event.paragraph].text
        if "Yesterday" in event.evidence:
            assert event.happened_on == article.published - timedelta(days=1)
        for name in WEEKDAYS:
            if name in event.evidence:
                assert event.happened_on.strftime("%A") == name, event.text
                assert name in event.dated_by or name.lower() in event.dated_by
