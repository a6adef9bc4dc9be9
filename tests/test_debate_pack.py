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


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda p: p["arguments"][0].update(side="labour"), "unknown side 'labour'"),
        (lambda p: p["arguments"][0].update(paragraph=99), "has no paragraph 99"),
        (lambda p: p["arguments"][0].update(evidence="words nobody wrote"), "the evidence is not in paragraph"),
        (lambda p: p["arguments"].append(dict(p["arguments"][0])), "the key is used twice"),
        (lambda p: p["quotes"][0].update(text="invented words"), "these words are not in paragraph"),
        (lambda p: p["quotes"][0].update(speaker="Nobody Known"), "unknown speaker 'Nobody Known'"),
    ],
)
def test_a_broken_pack_is_refused_with_a_message_naming_the_problem(change, message):
    broken = copy.deepcopy(PACK)
    change(broken)
    with pytest.raises(PackError) as error:
        pack_load(broken, ARTICLES)
    assert message in str(error.value)
