"""Misquotes for "Spot the misquote": rules that suggest plausible wrong versions of a real quotation.

A player sees a speaker and four versions of one of their quotations, the real one and three
misquotes. The importer suggests misquotes and a teacher keeps, edits or replaces them. Each rule
makes one small edit of one kind (`KINDS`): a 'not' added or dropped, a quantifier swapped, a
number changed, a hedge dropped or added, a clause cut, or another speaker's words spliced in.

Every suggestion can be played (`problem()` is None for it), keeps the quotation's capitals and
punctuation, and doubles no word ("not not", "the the"). The work is linear in the length of the
texts: each rule scans the words once and builds a few candidates; diffs strip the common start
and end first and compare a bounded middle. `steps` counts that work for the tests.

Pure functions over text: no Django, no database.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Sequence

from game.rules import MISQUOTE_KINDS as KINDS  # named once, for the answer and the reports


@dataclass(frozen=True)
class Candidate:
    kind: str  # a KINDS slug
    text: str  # the misquote


# Work done so far, in tokens and compared pairs: the tests assert it grows linearly with the text.
steps = 0


def _tick(n: int) -> None:
    global steps
    steps += n


# The middle of a diff (after the common start and end) is compared with difflib only up to this
# many pairs of tokens; past it, equal lengths are compared position by position, others replaced whole.
MATCH_LIMIT = 40_000

_TOKEN = re.compile(r"\s+|\S+")
_PARTS = re.compile(r"([^\w£$€]*)(.*?)([^\w%]*)", re.S)
_SENTENCE_END = re.compile(r"[.!?…][\"'’”)\]]*$")


def _tokens(text: str) -> list[str]:
    """Words and the whitespace between them, alternating: joined they are the text again."""
    tokens = _TOKEN.findall(text)
    _tick(len(tokens) + 1)
    return tokens


def words(text: str) -> list[str]:
    """The misquote split into tappable words (whitespace-separated, punctuation kept on the word)."""
    return [token for token in _tokens(text) if not token.isspace()]


def _norm(text: str) -> str:
    """Case, spacing and punctuation left out: "Don’t strike!" and "dont  strike" are the same words."""
    text = re.sub(r"['’‘`]", "", text.casefold())
    return " ".join(re.sub(r"[^\w%£$€]+", " ", text).split())


# ----------------------------------------------------------------------------------------------
# Diffs


def _common_ends(a: Sequence, b: Sequence) -> tuple[int, int]:
    """How many items a and b share at the start, and then at the end (never overlapping)."""
    n, m = len(a), len(b)
    start = 0
    while start < n and start < m and a[start] == b[start]:
        start += 1
    end = 0
    while end < n - start and end < m - start and a[n - 1 - end] == b[m - 1 - end]:
        end += 1
    _tick(start + end + 1)
    return start, end


def _opcodes(a: Sequence[str], b: Sequence[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes for a -> b, in linear work: the common start and end are equal runs, and
    only a bounded middle goes to SequenceMatcher (whitespace never anchors a match on its own)."""
    n, m = len(a), len(b)
    start, end = _common_ends(a, b)
    middle_a, middle_b = a[start : n - end], b[start : m - end]
    ops = [("equal", 0, start, 0, start)] if start else []
    if len(middle_a) * len(middle_b) <= MATCH_LIMIT:
        _tick(len(middle_a) * len(middle_b) + len(middle_a) + len(middle_b))
        matcher = SequenceMatcher(str.isspace, middle_a, middle_b, autojunk=False)
        ops += [(tag, i1 + start, i2 + start, j1 + start, j2 + start) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
    elif len(middle_a) == len(middle_b):  # too long to compare every pair: position by position
        _tick(len(middle_a))
        run = start
        for i in range(start, n - end + 1):
            if i == n - end or (a[i] == b[i]) != (a[run] == b[run]):
                ops.append(("equal" if a[run] == b[run] else "replace", run, i, run, i))
                run = i
    else:
        ops.append(("replace", start, n - end, start, m - end))
    if end:
        ops.append(("equal", n - end, n, m - end, m))
    return ops


def changes(original: str, misquote: str) -> list[tuple[str, str]]:
    """A word-level diff for showing what was changed: (op, text) with op "same", "del" or "ins".
    same+del joined is the original, same+ins the misquote, spacing and all."""
    a, b = _tokens(original), _tokens(misquote)
    out: list[tuple[str, str]] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))

    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        if tag == "equal":
            add("same", "".join(a[i1:i2]))
        else:
            add("del", "".join(a[i1:i2]))
            add("ins", "".join(b[j1:j2]))
    return out


def changed_words(original: str, misquote: str) -> list[int]:
    """Indices into words(misquote) of the words inserted or changed; for a change that only deleted
    words, the word just before the gap (or 0). Any of them is a right tap in "What was changed?"."""
    a, b = words(original), words(misquote)
    found: set[int] = set()
    for tag, _, _, j1, j2 in _opcodes(a, b):
        if tag in ("replace", "insert"):
            found.update(range(j1, j2))
        elif tag == "delete" and b:
            found.add(max(j1 - 1, 0))
    return sorted(found)


def problem(original: str, misquote: str) -> str | None:
    """Why a misquote cannot be played, as a sentence for the teacher; None when it can."""
    if not misquote.strip():
        return "The misquote is empty: write the words the players will see."
    if _norm(original) == _norm(misquote):
        return "The misquote says the same as the real words: change at least one word."
    a, b = words(original), words(misquote)
    differ = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in _opcodes(a, b) if tag != "equal")
    allowed = max(8, len(a) / 3)
    if differ > allowed:
        return (f"The misquote changes {differ} words: change at most {int(allowed)}, so that players "
                "can tell it from the real words by reading closely.")
    return None


def stretch(original: str, misquotes: Sequence[str], max_words: int = 30) -> tuple[str, list[str]]:
    """The same shortened stretch of the original and of each misquote, covering every change,
    with '…' where words were left out; everything unchanged when the original is short enough."""
    a = words(original)
    n = len(a)
    if n <= max_words:
        return original, list(misquotes)
    versions = []
    low, high = n, 0  # the changed words of the original: [low, high)
    for misquote in misquotes:
        b = words(misquote)
        start, end = _common_ends(a, b)
        versions.append((misquote, len(b)))
        low, high = min(low, start), max(high, n - end)
    if low > high:
        low = high = 0
    width = max(max_words, high - low)
    first = max(0, low - (width - (high - low)) // 2)
    last = min(n, first + width)
    first = max(0, last - width)

    def cut(text: str, count: int, i: int, j: int) -> str:
        spans = [match.span() for match in re.finditer(r"\S+", text)]
        _tick(len(spans) + 1)
        body = text[spans[i][0] : spans[j - 1][1]] if j > i else ""
        return ("… " if i > 0 else "") + body + (" …" if j < count else "")

    return cut(original, n, first, last), [cut(text, count, first, count - (n - last)) for text, count in versions]


# ----------------------------------------------------------------------------------------------
# The text being changed


class _Text:
    """A quotation as tokens, with its words' parts (lead punctuation, core, trail punctuation)."""

    def __init__(self, text: str):
        self.tokens = _tokens(text)
        self.at = [i for i, token in enumerate(self.tokens) if not token.isspace()]
        self.parts = [_PARTS.fullmatch(self.tokens[i]).groups() for i in self.at]
        self.low = [core.lower().replace("’", "'") for _, core, _ in self.parts]
        # For each word, the first word from it on that ends a sentence (or the last word).
        self.sentence_end = [0] * len(self.at)
        following = len(self.at) - 1
        for k in range(len(self.at) - 1, -1, -1):
            if _SENTENCE_END.search(self.parts[k][2]):
                following = k
            self.sentence_end[k] = following
        _tick(3 * len(self.at))

    def __len__(self) -> int:
        return len(self.at)

    def starts_sentence(self, k: int) -> bool:
        return k == 0 or bool(_SENTENCE_END.search(self.parts[k - 1][2]))

    def plain(self, k: int) -> bool:
        """A lower-case word with no punctuation around it: one a rule can edit in place."""
        lead, core, trail = self.parts[k]
        return not lead and not trail and core.isalpha() and core.islower()

    def capitalised(self, k: int, lead: str = "") -> str:
        """Word k as the new start of its sentence: capital, and the lead punctuation of a word cut before it."""
        own_lead, core, trail = self.parts[k]
        return lead + own_lead + core[:1].upper() + core[1:] + trail

    def edit(self, replace: dict[int, str] | None = None, drops: Sequence[tuple[int, int]] = ()) -> str:
        """The text with words replaced (by index) and runs of words [first, last] dropped, with the
        space after a dropped run (or before it, at the end of the text)."""
        tokens = list(self.tokens)
        for k, token in (replace or {}).items():
            tokens[self.at[k]] = token
        for first, last in drops:
            i, j = self.at[first], self.at[last] + 1
            if j < len(tokens) and tokens[j].isspace() and last + 1 < len(self.at):
                j += 1
            elif i > 0 and tokens[i - 1].isspace() and (first == 0 or i - 1 > self.at[first - 1]):
                i -= 1
            tokens[i:j] = [""] * (j - i)
        _tick(len(tokens))
        return "".join(tokens)


def _cased(like: str, new: str) -> str:
    """`new` with the capitals of the word it replaces."""
    if len(like) > 1 and like.isupper():
        return new.upper()
    if like[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def _sites(found: list, rng: random.Random, count: int = 3) -> list:
    """A few of the places a rule could change, chosen by the seed, in text order."""
    return [found[i] for i in sorted(rng.sample(range(len(found)), min(count, len(found))))]


# ----------------------------------------------------------------------------------------------
# The rules, one per kind. Each returns a few misquote texts; `suggest` checks and ranks them.

NEGATIVES = {"not", "never", "no", "nothing", "none", "nobody", "neither", "nor", "cannot"}
DETERMINERS = {"the", "a", "an", "this", "that", "his", "her", "its", "our", "their", "my", "your", "of"}
# Auxiliaries that take a 'not' after them, and the contracted negatives they come from.
AUXILIARIES = {"is", "are", "was", "were", "am", "will", "would", "could", "should", "must", "may", "might",
               "shall", "has", "have", "had", "i'm", "we're", "they're", "you're", "it's", "that's",
               "there's", "he's", "she's"}
PERFECT = {"has", "have", "had"}  # only before a participle: "has chosen", not "has a contract"
CONTRACTED = {"isn't": "is", "aren't": "are", "wasn't": "was", "weren't": "were", "won't": "will",
              "wouldn't": "would", "can't": "can", "couldn't": "could", "shouldn't": "should",
              "mustn't": "must", "hasn't": "has", "haven't": "have", "hadn't": "had", "doesn't": "does",
              "didn't": "did", "shan't": "shall", "needn't": "need", "mightn't": "might", "cannot": "can"}
PARTICIPLES = {"been", "done", "made", "said", "had", "put", "set", "got", "gone", "known", "shown", "seen",
               "told", "left", "lost", "won", "brought", "thought", "taken", "given", "chosen", "become"}


def _participle(word: str) -> bool:
    return word in PARTICIPLES or (len(word) > 3 and word.endswith(("ed", "en")))


def _negation(t: _Text, rng: random.Random) -> list[str]:
    """Drop a 'not' ("will not accept" -> "will accept", "won’t" -> "will", "do not support" -> "support")
    or add one after an auxiliary ("is unsafe" -> "is not unsafe", "should" -> "should not")."""
    drops, adds = [], []
    for k in range(len(t)):
        word, (lead, core, trail) = t.low[k], t.parts[k]
        following = t.low[k + 1] if k + 1 < len(t) else ""
        if word in CONTRACTED:
            drops.append(lambda k=k: t.edit({k: lead + _cased(core, CONTRACTED[t.low[k]]) + t.parts[k][2]}))
        elif word == "don't" and not trail and k + 1 < len(t) and t.plain(k + 1):
            if t.starts_sentence(k):
                drops.append(lambda k=k, lead=lead: t.edit({k + 1: t.capitalised(k + 1, lead)}, [(k, k)]))
            else:
                drops.append(lambda k=k: t.edit(drops=[(k, k)]))
        elif word == "not" and k > 0 and not t.parts[k - 1][2] and not lead:
            before = t.low[k - 1]
            if before == "do" and not trail and k + 1 < len(t) and t.plain(k + 1):  # "do not support" -> "support"
                if t.starts_sentence(k - 1):
                    drops.append(lambda k=k: t.edit({k + 1: t.capitalised(k + 1, t.parts[k - 1][0])}, [(k - 1, k)]))
                else:
                    drops.append(lambda k=k: t.edit(drops=[(k - 1, k)]))
            elif before in AUXILIARIES or before in ("do", "does", "did"):
                previous = t.tokens[t.at[k - 1]]  # the 'not' goes, its punctuation stays: "will not," -> "will,"
                drops.append(lambda k=k, previous=previous, trail=trail: t.edit({k - 1: previous + trail}, [(k, k)]))
        elif (word in AUXILIARIES or word == "can") and not trail and k + 1 < len(t):
            if (t.starts_sentence(k) or (core[:1].isupper() and word != "i'm")  # a question, or "Will" the name
                    or (k > 0 and t.low[k - 1] in DETERMINERS)  # "the will of the people"
                    or following in NEGATIVES or following.endswith("n't") or not t.parts[k + 1][1][:1].isalpha()
                    or (word in PERFECT and not _participle(following))):
                continue
            added = "cannot" if word == "can" else core + " not"
            adds.append(lambda k=k, added=added, lead=lead: t.edit({k: lead + added}))
    rng.shuffle(drops)
    rng.shuffle(adds)
    return [make() for make in (drops + adds)[:3]]


QUANTIFIERS = {"all": "some", "some": "all", "most": "few", "many": "few", "few": "many", "always": "sometimes",
               "sometimes": "always", "never": "always", "rarely": "often", "seldom": "often", "often": "rarely",
               "usually": "rarely", "deeply": "slightly", "slightly": "deeply", "extremely": "slightly",
               "hugely": "slightly", "greatly": "slightly", "highly": "slightly", "strongly": "slightly",
               "entirely": "partly", "completely": "partly", "totally": "partly", "fully": "partly",
               "partly": "fully", "majority": "minority", "minority": "majority", "none": "all",
               "everybody": "nobody", "everyone": "no one"}
PRONOUNS = {"we", "they", "you", "us", "them", "i", "he", "she", "it"}
DETERMINED = {"the", "these", "those", "our", "their", "my", "your", "his", "her", "its", "this", "that"}


def _quantifier(t: _Text, rng: random.Random) -> list[str]:
    """Swap a quantifier or intensifier: all/some, most/few, never/always, deeply/slightly..."""
    found = []
    for k in range(len(t)):
        word = t.low[k]
        if word not in QUANTIFIERS:
            continue
        before = t.low[k - 1] if k else ""
        following = t.low[k + 1] if k + 1 < len(t) else ""
        if ((word == "all" and before in PRONOUNS | {"at", "after", "above", "of"})  # "we all", "at all"
                or (word == "few" and before in ("a", "the")) or (word == "most" and before in ("the", "at"))
                or (word == "some" and following[:1].isdigit())):  # "some 7,000": "about", not a quantifier
            continue
        found.append(k)
    texts = []
    for k in _sites(found, rng):
        lead, core, trail = t.parts[k]
        new = QUANTIFIERS[t.low[k]]
        if t.low[k] == "all" and k + 1 < len(t) and t.low[k + 1] in DETERMINED:  # "all the" -> "some of the"
            new = "some of"
        texts.append(t.edit({k: lead + _cased(core, new) + trail}))
    return texts


_NUMBER = re.compile(r"(?P<currency>[£$€]?)(?P<whole>\d{1,3}(?:,\d{3})+|\d+)(?P<decimal>\.\d+)?"
                     r"(?P<suffix>%|bn|m|k|pc|-[a-z]+)?")
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
                "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
WORD_NUMBERS = {value: word for word, value in NUMBER_WORDS.items()}


def _other_values(value: int) -> list[int]:
    """Plausible wrong values: double, half or half as much again, at the same precision (7,000 -> 14,000)."""
    zeros = 0
    while value and value % 10 == 0:
        value //= 10
        zeros += 1
    return [v * 10**zeros for v in sorted({value * 2, value // 2, value * 3 // 2}) if v and v != value]


def _renumber(core: str, rng: random.Random) -> str | None:
    """The number in a word changed plausibly, in the same format ("40%" -> "80%", "£2bn" -> "£4bn"), or None."""
    if core.lower() in NUMBER_WORDS:
        options = [WORD_NUMBERS[v] for v in _other_values(NUMBER_WORDS[core.lower()]) if v in WORD_NUMBERS]
        return _cased(core, rng.choice(options)) if options else None
    match = _NUMBER.fullmatch(core)
    if not match or (len(match["whole"]) > 1 and match["whole"].startswith("0")):
        return None
    value = int(match["whole"].replace(",", ""))
    if match["decimal"]:
        places = len(match["decimal"]) - 1
        number = float(match["whole"].replace(",", "") + match["decimal"]) * rng.choice([2, 0.5])
        text = f"{number:,.{places}f}" if "," in match["whole"] else f"{number:.{places}f}"
        return match["currency"] + text + (match["suffix"] or "")
    if 1800 <= value <= 2100 and core == match["whole"]:  # a year: a nearby one
        return str(value + rng.choice([-2, -1, 1, 2]))
    options = _other_values(value)
    if match["suffix"] == "%" and value <= 100:
        options = [v for v in options if v <= 100]
    if not options:
        return None
    new = rng.choice(options)
    return match["currency"] + (f"{new:,}" if "," in match["whole"] else str(new)) + (match["suffix"] or "")


def _number(t: _Text, rng: random.Random) -> list[str]:
    """Change a number plausibly, keeping its format: "7,000" -> "14,000", "three" -> "six", "40%" -> "20%"."""
    found = [k for k in range(len(t)) if t.parts[k][1][:1].isdigit() or t.parts[k][1][1:2].isdigit()
             or t.low[k] in NUMBER_WORDS]
    texts = []
    for k in _sites(found, rng):
        lead, core, trail = t.parts[k]
        new = _renumber(core, rng)
        if new and new != core:
            texts.append(t.edit({k: lead + new + trail}))
    return texts


MODALS = {"may": "will", "might": "will", "could": "would", "would": "could", "will": "may"}
HEDGE_WORDS = {"probably", "possibly", "perhaps", "arguably", "presumably"}
BELIEVE = {"believe", "think", "feel", "suspect"}
LOWERABLE = {"the", "a", "an", "this", "that", "these", "those", "it", "there", "our", "their", "we", "they",
             "many", "most", "some", "all", "every", "any", "no", "patients", "doctors", "people", "everyone"}


def _hedge(t: _Text, rng: random.Random) -> list[str]:
    """Drop or add a hedge: may/will, could/would, might/will; "probably" or "we believe" dropped or added."""
    swaps, drops, adds = [], [], []
    for k in range(len(t)):
        word, (lead, core, trail) = t.low[k], t.parts[k]
        start = t.starts_sentence(k)
        middle = not start and not core[:1].isupper()
        following = k + 1 < len(t) and t.plain(k + 1)
        if word in MODALS and middle and not trail and following and t.low[k - 1] not in DETERMINERS:
            swaps.append(lambda k=k, lead=lead, core=core: t.edit({k: lead + _cased(core, MODALS[t.low[k]])}))
        elif word in HEDGE_WORDS and k + 1 < len(t) and (not trail or (start and trail == ",")):
            if start:
                drops.append(lambda k=k, lead=lead: t.edit({k + 1: t.capitalised(k + 1, lead)}, [(k, k)]))
            elif not trail:
                drops.append(lambda k=k: t.edit(drops=[(k, k)]))
        elif (start and word in ("we", "i") and k + 2 < len(t) and t.low[k + 1] in BELIEVE and not trail
              and not t.parts[k + 1][2]):  # "We believe (that) the contract..." -> "The contract..."
            last = k + 2 if t.low[k + 2] == "that" and not t.parts[k + 2][2] and k + 3 < len(t) else k + 1
            if t.parts[last + 1][1][:1].isalpha():
                drops.append(lambda k=k, last=last, lead=lead: t.edit({last + 1: t.capitalised(last + 1, lead)},
                                                                      [(k, last)]))
        if word in ("will", "would", "is", "are", "was", "were") and middle and not trail and following \
                and t.low[k + 1] not in HEDGE_WORDS:
            adds.append(lambda k=k: t.edit({k: t.tokens[t.at[k]] + " probably"}))
        if (start and word in LOWERABLE and core[:1].isupper() and not core[1:2].isupper() and k + 1 < len(t)
                and t.low[k + 1] not in BELIEVE):
            adds.append(lambda k=k, lead=lead, core=core, trail=trail:
                        t.edit({k: lead + "We believe " + core.lower() + trail}))
    found = []
    for group in (swaps, drops, adds):
        rng.shuffle(group)
        found += group[:2]
    return [make() for make in found[:4]]


CUT_AFTER = {"but", "although", "though", "unless", "except", "yet", "whereas"}


def _clause(t: _Text, rng: random.Random) -> list[str]:
    """Cut a clause, turning the meaning: "X, but Y." -> "X."; "Although X, Y." -> "X."; "Unless X, Y." -> "Y."."""
    found = []
    comma_at = [-1] * len(t)  # the next word ending in a comma, within its sentence
    following = -1
    for k in range(len(t) - 1, -1, -1):
        if _SENTENCE_END.search(t.parts[k][2]):
            following = -1
        if t.parts[k][2].endswith(","):
            following = k
        comma_at[k] = following
    _tick(len(t))
    for k in range(1, len(t)):
        # "X, but Y." -> "X.": the comma becomes the sentence's closing punctuation.
        if t.low[k] in CUT_AFTER and t.parts[k - 1][2].endswith(",") and not t.parts[k][0]:
            end = t.sentence_end[k]
            closing = _SENTENCE_END.search(t.parts[end][2])
            lead, core, trail = t.parts[k - 1]
            new = lead + core + trail[:-1] + (closing.group() if closing else "")
            found.append(lambda k=k, end=end, new=new: t.edit({k - 1: new}, [(k, end)]))
    for k in range(len(t) - 2):
        if not t.starts_sentence(k) or t.low[k] not in ("although", "though", "unless", "even"):
            continue
        first = k + 2 if t.low[k] == "even" else k + 1
        comma, end = comma_at[k], t.sentence_end[k]
        if (t.low[k] == "even" and t.low[k + 1] != "though") or comma < first or comma >= end:
            continue
        if t.low[k] == "unless":  # "Unless X, Y." -> "Y."
            found.append(lambda k=k, comma=comma: t.edit({comma + 1: t.capitalised(comma + 1, t.parts[k][0])},
                                                         [(k, comma)]))
        else:  # "Although X, Y." -> "X."
            closing = _SENTENCE_END.search(t.parts[end][2])
            trail = t.parts[comma][2]
            replace = {first: t.capitalised(first, t.parts[k][0])}
            replace[comma] = replace[comma] if comma == first else t.tokens[t.at[comma]]
            replace[comma] = replace[comma][: -len(trail)] + trail[:-1] + (closing.group() if closing else "")
            found.append(lambda k=k, first=first, comma=comma, end=end, replace=replace:
                         t.edit(replace, [(k, first - 1), (comma + 1, end)]))
    return [make() for make in _sites(found, rng)] if found else []


ANCHORS = {"to", "for", "of", "about", "on", "with", "by", "at", "from", "that", "will", "must", "is", "are",
           "be", "the", "a", "an", "our", "their", "into", "than"}
PHRASE = 6  # the longest phrase spliced in, in words


def _anchor_positions(t: _Text) -> dict[str, list[int]]:
    """Where each anchor word stands, at most its first four places (so the splice stays linear)."""
    places: dict[str, list[int]] = {}
    for k in range(len(t)):
        if t.low[k] in ANCHORS and not t.parts[k][2] and k + 1 < len(t):
            spots = places.setdefault(t.low[k], [])
            if len(spots) < 4:
                spots.append(k)
    _tick(len(t))
    return places


def _phrase_end(t: _Text, k: int) -> int | None:
    """The last word of the clause from word k on (the first with trailing punctuation), within PHRASE words;
    None when the clause runs on, or a word in it carries leading punctuation."""
    for j in range(k, min(k + PHRASE, len(t))):
        if t.parts[j][0] or not t.parts[j][1]:
            return None
        if t.parts[j][2] or j == len(t) - 1:
            return j
    return None


def _splice(t: _Text, rng: random.Random, others: Sequence[_Text]) -> list[str]:
    """Splice in another speaker's words after a word both quotations share ("chosen to strike." + "forced
    to work longer hours," -> "chosen to work longer hours."): up to a shared word after it, or to the
    end of the clause."""
    mine = _anchor_positions(t)
    found = []
    for other in others:
        for anchor, spots in _anchor_positions(other).items():
            for k in mine.get(anchor, []):
                for p in spots:
                    # Both sides: the words between this anchor and a later shared word.
                    for q in range(p + 2, min(p + PHRASE + 2, len(other))):
                        if any(other.parts[i][0] or other.parts[i][2] for i in range(p + 1, q)):
                            break
                        for j in range(k + 2, min(k + PHRASE + 2, len(t))):
                            if t.parts[j - 1][2]:
                                break
                            if t.low[j] == other.low[q] and t.low[k + 1 : j] != other.low[p + 1 : q]:
                                phrase = " ".join(other.tokens[other.at[i]] for i in range(p + 1, q))
                                found.append((0, k, j - 1, phrase, ""))
                    # To the end of the clause: the other's clause replaces the rest of this one.
                    mine_end, other_end = _phrase_end(t, k + 1), _phrase_end(other, p + 1)
                    if mine_end is not None and other_end is not None:
                        phrase = " ".join(other.parts[i][1] for i in range(p + 1, other_end + 1))
                        found.append((1, k, mine_end, phrase, t.parts[mine_end][2]))
    _tick(len(found))
    found.sort(key=lambda site: site[0])
    choice = [site for site in found if site[0] == 0][:6] or found[:6]
    texts = []
    for _, k, last, phrase, trail in _sites(choice, rng):
        replace = {k + 1: phrase + trail}
        texts.append(t.edit(replace, [(k + 2, last)] if last > k + 1 else []))
    return texts


RULES = [("negation", _negation), ("quantifier", _quantifier), ("number", _number), ("hedge", _hedge),
         ("clause", _clause)]


def _doubled(text: str) -> int:
    """How many words follow the same word ("not not", "the the")."""
    count, previous = 0, None
    for word in words(text):
        _, core, trail = _PARTS.fullmatch(word).groups()
        if core and core.lower() == previous:
            count += 1
        previous = core.lower() if not trail else None
    return count


def suggest(text: str, others: Sequence[str] = (), limit: int = 3, seed: int = 0) -> list[Candidate]:
    """Up to `limit` misquotes of `text`, each of a different kind where possible, best first.
    `others` are quotations by other speakers (for splices). Deterministic for a given seed."""
    if limit <= 0:
        return []
    rng = random.Random(seed)
    t = _Text(text)
    doubled = _doubled(text)
    others_read = [_Text(other) for other in others]
    seen = {_norm(text)}
    pools: list[list[Candidate]] = []
    for kind, rule in RULES + [("splice", lambda t, rng: _splice(t, rng, others_read))]:
        pool = []
        for misquote in rule(t, rng):
            key = _norm(misquote)
            if key in seen or problem(text, misquote) is not None or _doubled(misquote) > doubled:
                continue
            seen.add(key)
            pool.append(Candidate(kind, misquote))
        pools.append(pool)
    chosen: list[Candidate] = []
    for round_ in range(max(map(len, pools), default=0)):
        chosen += [pool[round_] for pool in pools if round_ < len(pool)]
    return chosen[:limit]
