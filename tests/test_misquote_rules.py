"""Spot the misquote: Ms Okafor's class reads four versions of a quotation from the 2015-16 junior
doctors' contract dispute and spots the three that are not what was said. The importer suggests the
misquotes; these tests are the rules they obey. No database."""

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from game.importer import misquotes
from game.importer.misquotes import KINDS, Candidate, changed_words, changes, problem, stretch, suggest, words

PORTER = "We will not accept a contract that is unsafe for patients and unfair for doctors."
HUNT = "The new contract will mean 7,000 more doctors working at weekends."
BMA = "Junior doctors may be forced to work longer hours, but patient safety must come first."
REGRET = "I deeply regret that the BMA has chosen to strike."
DISPUTE = [PORTER, HUNT, BMA, REGRET]


def kinds_of(text, others=(), limit=10):
    return {c.kind: c.text for c in suggest(text, others, limit=limit)}


# ------------------------------------------------------------------ one example of each kind


def test_kinds_are_named_for_players_in_order():
    assert list(KINDS) == ["negation", "quantifier", "number", "hedge", "clause", "splice", "teacher"]
    assert KINDS["teacher"] == "Changed by the teacher"
    assert all(c.kind != "teacher" for text in DISPUTE for c in suggest(text, DISPUTE, limit=20))


def test_negation_the_bma_will_accept_the_contract():
    assert kinds_of(PORTER)["negation"] == "We will accept a contract that is unsafe for patients and unfair for doctors."


def test_quantifier_the_secretary_only_slightly_regrets_it():
    assert kinds_of(REGRET)["quantifier"] == "I slightly regret that the BMA has chosen to strike."


def test_number_the_contract_means_a_different_number_of_doctors_in_the_same_format():
    changed = kinds_of(HUNT)["number"]
    assert re.fullmatch(r"The new contract will mean \d{1,3},000 more doctors working at weekends\.", changed)
    assert changed != HUNT


def test_hedge_may_becomes_will():
    assert kinds_of(BMA)["hedge"] == "Junior doctors will be forced to work longer hours, but patient safety must come first."


def test_clause_cut_drops_the_but():
    assert kinds_of(BMA)["clause"] == "Junior doctors may be forced to work longer hours."
    assert kinds_of("Although the offer is fair, we won’t sign it.")["clause"] == "The offer is fair."
    assert kinds_of("Unless the government listens, we will strike.")["clause"] == "We will strike."


def test_splice_puts_the_bma_words_into_the_health_secretarys_mouth():
    spliced = [c.text for c in suggest(REGRET, [BMA], limit=10) if c.kind == "splice"]
    assert "I deeply regret that the BMA has chosen to work longer hours." in spliced
    assert not [c for c in suggest(REGRET, [], limit=10) if c.kind == "splice"]  # nobody else quoted


def test_three_suggestions_of_different_kinds_best_first_and_the_same_every_time():
    first = suggest(BMA, DISPUTE[:2])
    assert len(first) == 3 and len({c.kind for c in first}) == 3
    assert [c.kind for c in first] == ["negation", "hedge", "clause"]
    assert suggest(BMA, DISPUTE[:2]) == first
    assert all(isinstance(c, Candidate) for c in first)


# ------------------------------------------------------------------ grammar the rules keep


def test_negation_handles_contractions_straight_and_curly_and_auxiliaries():
    cases = {
        "It isn't safe.": "It is safe.",
        "It isn’t safe.": "It is safe.",
        "We won’t sign.": "We will sign.",
        "We can’t accept it.": "We can accept it.",
        "We do not support strikes.": "We support strikes.",
        "Don't strike today.": "Strike today.",
        "The contract does not protect patients.": "The contract does protect patients.",
        "The minister didn’t listen.": "The minister did listen.",
        "Doctors should strike.": "Doctors should not strike.",
        "The offer is fair.": "The offer is not fair.",
    }
    for text, expected in cases.items():
        assert kinds_of(text)["negation"] == expected, text


def test_never_is_a_quantifier_not_a_negation():
    found = kinds_of("We will never accept it.")
    assert found["quantifier"] == "We will always accept it."
    assert "never not" not in found.get("negation", "") and "not never" not in found.get("negation", "")


def test_a_swapped_word_keeps_its_capital_and_i_stays_capital():
    assert kinds_of("All doctors oppose it.")["quantifier"] == "Some doctors oppose it."
    assert kinds_of("I am deeply worried.")["quantifier"] == "I am slightly worried."
    assert kinds_of("Perhaps, we should talk.")["hedge"] == "We should talk."


def doubled(text):
    """Words that repeat the word before them: "not not", "the the"."""
    ws = [w.lower() for w in text.split()]
    return sum(1 for a, b in zip(ws, ws[1:]) if re.search(r"\w", a) and a == b.rstrip(".,;:!?”’\"'"))


def test_nothing_is_doubled_and_the_full_stop_stays():
    for text in DISPUTE + ["It is not safe.", "We will not, ever, accept it.", "We do not not support it."]:
        for c in suggest(text, DISPUTE, limit=20):
            assert doubled(c.text) <= doubled(text), c
            assert "do not not" not in c.text.replace("do not not support", "")
            assert c.text.endswith("."), c


# ------------------------------------------------------------------ the teacher's edits


def test_problem_explains_what_cannot_be_played():
    assert "empty" in problem(PORTER, "   ")
    assert "same" in problem(PORTER, "we will NOT accept a contract, that is unsafe for patients and unfair for doctors")
    assert "same" in problem("We won’t sign.", "We won't sign")
    assert "at most 8" in problem(PORTER, "Completely different words about something else entirely, nurses say today.")
    assert problem(PORTER, "We will accept a contract that is unsafe for patients and unfair for doctors.") is None


def test_changes_show_what_was_changed_with_spacing_kept():
    misquote = "The new contract will mean 14,000 more doctors  working at weekends."
    diff = changes(HUNT, misquote)
    assert ("del", "7,000") in diff and ("ins", "14,000") in diff
    assert "".join(t for op, t in diff if op != "ins") == HUNT
    assert "".join(t for op, t in diff if op != "del") == misquote


def test_what_was_changed_any_tap_on_the_changed_word_is_right():
    misquote = "The new contract will mean 14,000 more doctors working at weekends."
    assert changed_words(HUNT, misquote) == [5]
    assert words(misquote)[5] == "14,000"
    cut = "Junior doctors may be forced to work longer hours."
    assert changed_words(BMA, cut) == [8]  # only deleted: the word before the gap
    assert changed_words(HUNT, HUNT) == []


def test_stretch_shortens_a_long_quotation_around_every_change():
    long = " ".join([PORTER, HUNT, BMA, REGRET])
    misquote = long.replace("7,000", "14,000")
    short, [short_misquote] = stretch(long, [misquote], max_words=10)
    assert short.startswith("… ") and short.endswith(" …") and "7,000" in short
    assert short_misquote == short.replace("7,000", "14,000")
    assert len(words(short)) == 12  # ten words and two ellipses
    assert stretch(HUNT, [misquote]) == (HUNT, [misquote])


# ------------------------------------------------------------------ properties

VOCABULARY = [
    "We", "I", "The", "the", "doctors", "contract", "will", "won’t", "won't", "not", "never", "all", "some", "most",
    "may", "might", "could", "would", "is", "isn’t", "are", "do", "does", "did", "don’t", "can", "cannot",
    "deeply", "probably", "perhaps", "believe", "three", "7,000", "40%", "£2bn", "2016", "2.5", "to", "strike",
    "work", "patients", "safe,", "but", "although", "unless", "hours,", "weekends.", "first.", "accept", "has",
    "chosen", "that", "for", "Although", "Unless", "Perhaps,", "fair.", "“We", "it.”", "(all", "few", "a",
]
sentences = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=40).map(" ".join)
any_text = st.one_of(st.text(), sentences)
others = st.lists(st.one_of(sentences, st.text(max_size=60)), max_size=3)


def check_candidates(text, found, limit):
    assert len(found) <= limit
    assert len({misquotes._norm(c.text) for c in found}) == len(found)
    for c in found:
        assert c.kind in KINDS and c.kind != "teacher"
        assert c.text.strip() and c.text != text
        assert problem(text, c.text) is None


@given(any_text, others, st.integers(0, 6), st.integers(0, 3))
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example("", [], 3, 0)
@example("   \n\t ", [], 3, 0)
@example("🙂🙂 !!! …", ["🙂"], 3, 0)
@example("not not not", [], 3, 0)
def test_suggestions_are_never_the_real_words_and_always_a_small_edit(text, other_texts, limit, seed):
    found = suggest(text, other_texts, limit=limit, seed=seed)
    check_candidates(text, found, limit)
    assert suggest(text, other_texts, limit=limit, seed=seed) == found


@given(sentences, others, st.integers(0, 3))
@settings(max_examples=300, deadline=None)
def test_on_sentences_the_rules_fire_and_stay_fluent(text, other_texts, seed):
    found = suggest(text, other_texts, limit=6, seed=seed)
    check_candidates(text, found, 6)
    for c in found:
        assert doubled(c.text) <= doubled(text), c
        if text.rstrip().endswith("."):
            assert c.text.rstrip()[-1] in ".”"


@given(any_text, any_text)
@settings(max_examples=300, deadline=None)
def test_changes_reproduce_both_texts_and_changed_words_are_in_range(original, misquote):
    diff = changes(original, misquote)
    assert "".join(t for op, t in diff if op != "ins") == original
    assert "".join(t for op, t in diff if op != "del") == misquote
    assert all(op in ("same", "del", "ins") and t for op, t in diff)
    assert all(a[0] != b[0] for a, b in zip(diff, diff[1:]))  # merged
    indices = changed_words(original, misquote)
    assert all(0 <= i < len(words(misquote)) for i in indices)
    if words(original) != words(misquote) and words(misquote):
        assert indices


@given(any_text)
@settings(max_examples=200, deadline=None)
def test_suggestions_diff_to_a_tappable_change(text):
    for c in suggest(text, DISPUTE, limit=6):
        assert changed_words(text, c.text)
        assert sum(len(t.split()) for op, t in changes(text, c.text) if op == "ins") <= max(8, len(words(text)) / 3)


@given(st.lists(sentences, min_size=1, max_size=4), st.integers(5, 40))
@settings(max_examples=100, deadline=None)
def test_stretch_covers_every_change_of_every_suggestion(texts, max_words):
    text = " ".join(texts)
    found = [c.text for c in suggest(text, DISPUTE, limit=4)]
    short, shorts = stretch(text, found, max_words)
    assert len(shorts) == len(found)
    for misquote, short_misquote in zip(found, shorts):
        assert short != short_misquote
        if len(words(text)) <= max_words:
            assert (short, short_misquote) == (text, misquote)


def work(text, other_texts=()):
    misquotes.steps = 0
    suggest(text, other_texts, limit=6)
    return misquotes.steps


@given(any_text, others)
@settings(max_examples=150, deadline=None)
@example(PORTER + " " + BMA, DISPUTE)
@example("is ", [])
def test_work_grows_linearly_with_the_text(text, other_texts):
    # No clocks: the module counts its own work. Ten times the text (already repeated four times,
    # so that the word patterns across the seams are there in both) costs at most 25 times the work.
    base = work(text * 4, other_texts)
    assert work(text * 40, other_texts) <= 25 * base + 2000
    tokens = len(re.findall(r"\s+|\S+", text * 40)) + sum(len(re.findall(r"\s+|\S+", o)) for o in other_texts)
    assert work(text * 40, other_texts) <= 200 * (tokens + 1)


def test_a_quadratic_diff_would_be_caught():
    # The diff's work is counted: two long texts that differ all the way through cost their middle
    # bounded by MATCH_LIMIT, not the square of their length.
    a, b = "a b " * 2000, "b a " * 2000
    misquotes.steps = 0
    changes(a, b)
    assert misquotes.steps <= misquotes.MATCH_LIMIT + 20 * len(a)
