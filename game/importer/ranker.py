"""Stage 5, when the rules name no one: a learned ranker chooses among the people the text names.

The rules (`quotes.py`) attribute a quotation only where a cue says who spoke: a speech verb
beside a name, a layout, a paragraph that runs on. Real news also writes `Trump pledged to make
Apple "build their damn computers ..."`, `Sen. Jack Reed said after a lunch that he hadn't read
the plan, but called it a "starting point"`, or `"We are frustrated" by the shooting, Nefzi
said.` There the rules abstain, and this module may choose a speaker instead:

1. **Candidates** (`mentions_near`): the people and bodies named outside quotation marks in the
   quotation's paragraph and the one before it: names as the people index knows them ("Sen. Jack
   Reed", "Mr Howard"), roles it gave someone ("the culture secretary"), bodies ("the Daily
   Caller"), and "he" or "she" as the rules resolve them.
2. **Features** (`features`): plain facts about where a mention stands, as words: in the
   quotation's sentence before it, after it, or a sentence back; beside a speech verb; the
   sentence's subject; after a preposition; who spoke last.
3. **Scores**: a logistic regression over those features (weights in `ranker_weights.json`,
   fitted by `manage.py fit_speaker_ranker` from a local copy of PolNeAR's train split). The best
   mention is taken when its probability clears `THRESHOLD`; its confidence stays below *sure*,
   so the review page asks the teacher to check it.

Nothing here reaches the network: the weights are a file in the repository.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .mentions import MEMBER_NOUNS, PLACE_AND_TIME, phrase_head
from .names import NOT_NAMES, SPEECH_VERBS
from .people import CAP, ROLE_NOUNS, TITLE_RE, PeopleIndex, Person
from .quotations import ABBREVIATION, QuotedRanges, Span

WEIGHTS_PATH = Path(__file__).with_name("ranker_weights.json")
# A speaker the ranker chose is at most this sure: below `types.SURE`, so the teacher checks it.
MAX_CONFIDENCE = 0.75
# How far either side of a quotation mentions are looked for (characters): the work per quotation
# stays constant, so a paragraph of any length is read in linear time.
WINDOW = 700
MAX_MENTIONS = 24

CHARACTERISING = (r"called|calls|described|describes|dubbed|labelled|labeled|branded|termed|derided|praised|"
                  r"proposed|promised|vowed|pledged|urged|demanded|accused|blamed|referred|cited|quoted|"
                  r"praising|calling|describing|citing|telling|urging")
PREPOSITIONS = {"to", "with", "by", "of", "for", "about", "against", "from", "at", "on", "in", "than", "like",
                "over", "under", "between", "after", "before", "toward", "towards", "behind", "into", "as"}
SPEECH = re.compile(rf"^(?:{SPEECH_VERBS})$")
_SPEECH_TOKEN = set(w for w in SPEECH_VERBS.split("|") if " " not in w)
_CHAR_TOKEN = set(CHARACTERISING.split("|"))
_ADVERB = {"also", "then", "later", "previously", "once", "simply", "further", "again", "recently", "today",
           "yesterday", "repeatedly", "earlier", "however", "quickly", "publicly", "privately", "has", "had",
           "have", "would", "will", "is", "was", "had", "also", "last", "on", "this", "week", "night", "monday",
           "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "afternoon", "evening"}
_TOKEN = re.compile(r"[\w'’.-]+|[,:;()—–-]")
_SENTENCE_END = re.compile(r"[.!?]['’\"”]?\s+(?=[A-Z\"“‘'])")
_ABBREVIATED_TITLE = r"(?:Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Pres|Hon|Dr|Mr|Mrs|Ms|Prof|Rev|St|Jr|Sr)\."
_CAPITALISED_RUN = re.compile(
    rf"(?:(?:{TITLE_RE}|{_ABBREVIATED_TITLE})\s+)?{CAP}(?:\s+(?:{_ABBREVIATED_TITLE}|{CAP}|[A-Z]\.|(?:de|da|van|von|der|al|bin|of|of the)(?=\s+[A-Z])))*"
    rf"|(?<![A-Z] )\b[A-Z]{{2,5}}\b(?! [A-Z]{{2}})(?!\s*\(|\s+[-–—])")  # (not a dateline's "LONDON (Reuters) -")
_ROLE_PHRASE = re.compile(rf"\b[Tt]he\s+(?:[\w'’-]+\s+){{0,3}}?(?:{ROLE_NOUNS}|senator|candidate|nominee|congressman|"
                          rf"congresswoman|lawmaker|businessman|businesswoman|billionaire|front-?runner|mogul|"
                          rf"hopeful|strategist|premier|ambassador|judge|politician|activist|secretary)\b")
_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
# Words reported without saying whose they are: "had been told", "was described as".
_BODY_NOUNS = {"committee", "commission", "union", "federation", "association", "society", "institute", "council", "board"}
PASSIVE = re.compile(rf"\b(?:been|be|was|were|being|is|are)\s+(?:{SPEECH_VERBS}|{CHARACTERISING}|promised|assured)\b")
# Someone the article does not name: "a spokesman", "one longtime adviser to Bill Clinton", "officials".
ANONYMOUS = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome|[Mm]any|[Oo]ther)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:spokesman|spokeswoman|spokesperson|aide|aides|official|officials|adviser|advisers|advisor|source|sources|"
    r"strategist|strategists|operative|staffer|staffers|member|members|supporter|supporters|voter|voters|person|"
    r"people|insider|insiders|lawmaker|lawmakers|delegate|delegates|donor|donors|observer|critic|critics|analyst|analysts|"
    r"representative|resident|residents|student|students|woman|man)\b"
    r"|\b(?:officials|aides|sources|advisers|insiders|critics|analysts|experts)\s+(?:said|say|says|told)\b")


@dataclass(frozen=True)
class Mention:
    """Someone named near a quotation: `start`/`end` index the paragraph (`paragraph` 0), or the one
    before it (`paragraph` -1)."""

    speaker: object  # a Person, or a group's name (str)
    start: int
    end: int
    kind: str  # name, surname, role, body, pronoun
    paragraph: int
    text: str = ""


def _sentence_starts(text: str, quoted: QuotedRanges | None) -> list[int]:
    """Where each sentence of a paragraph starts, ignoring full stops inside quotations (unless the
    quotation closes on one) and after abbreviations."""
    starts = [0]
    for match in _SENTENCE_END.finditer(text):
        closes = match.group(0)[1:2] in "\"”"
        inside = quoted is not None and match.start() in quoted
        if (closes or not inside) and not ABBREVIATION.search(text, max(0, match.start() - 6), match.start() + 1):
            starts.append(match.end())
    return starts


def _group(label: str):
    from .cues import GroupName  # (imported here: cues.py and quotes.py import this module)

    return GroupName.of(label)


_TITLES = {"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "dame", "prof", "miss"}
# Last words of places and buildings, which say nothing ("Michigan Avenue", "Trump Tower").
PLACE_WORDS = {"avenue", "street", "road", "square", "hall", "center", "centre", "hotel", "park", "tower", "house",
               "building", "airport", "station", "bridge", "river", "lake", "island", "valley", "county", "city",
               "state", "states", "district", "province", "region", "coast", "beach", "arena", "stadium", "church",
               "cathedral", "mosque", "palace", "court", "war", "act", "bill", "law", "day", "week", "month", "year"}
# Capitalised words that open sentences or name no one on their own.
NOT_LONE = set("""
after before since later since then when while where what which who whose whom why how if though although
because during despite unless until once now today tonight yesterday tomorrow here there this that these
those such both each every either neither none nobody someone everyone all many most some several few
american americans muslim muslims christian christians jewish jew jews islamic arab arabs hispanic latino
latinos black white asian african european republican republicans democrat democrats democratic gop
senate congress house court army navy police government administration campaign party state states
""".split())


def _last_person(mentions: list[Mention], before: int, paragraph: int):
    """The person named last before `before` (in this paragraph, then the one before it)."""
    for mention in reversed(mentions):
        if mention.paragraph == paragraph and mention.start >= before:
            continue
        if isinstance(mention.speaker, Person) and mention.kind in ("name", "surname", "lone", "role"):
            return mention.speaker
    return None


def mentions_in(blanked: str, people: PeopleIndex, paragraph: int, pronoun=None,
                lo: int = 0, hi: int | None = None, earlier: list[Mention] = ()) -> list[Mention]:
    """The people and bodies a paragraph names between `lo` and `hi`, its quotations blanked out
    (`earlier`: the mentions before this text, the previous paragraph's); with `pronoun`, its "he"
    and "she" instead, as the rules read them."""
    hi = len(blanked) if hi is None else hi
    found: list[Mention] = []
    if pronoun is not None:
        # "He" or "she" only as the rules read them: where they see someone else it could mean, so does this.
        for match in _PRONOUN.finditer(blanked, lo, hi):
            person = pronoun(match.group(0).lower())
            if isinstance(person, Person):
                found.append(Mention(person, match.start(), match.end(), "pronoun", paragraph, match.group(0)))
        return found
    taken: list[tuple[int, int]] = []
    roles = []
    for match in _ROLE_PHRASE.finditer(blanked, lo, hi):
        roles.append(match)
        taken.append((match.start(), match.end()))
    for match in _CAPITALISED_RUN.finditer(blanked, lo, hi):
        if any(a <= match.start() < b for a, b in taken):
            continue
        run = match.group(0)
        member = re.match(r"\s+([a-z]+)", blanked[match.end():match.end() + 20])
        if member and member.group(1) in MEMBER_NOUNS:
            continue  # "a Republican National Committee member": someone unnamed, not the body
        words = run.split()
        # "Yet Trump", "Former Republican": a word the articles write in lower case opens no name.
        while words and (words[0].lower().rstrip(".") in NOT_NAMES or words[0].lower() in people.common_words) and \
                words[0].lower().rstrip(".") not in _TITLES:
            words = words[1:]
        if len(words) == 1 and words[0].lower() in _BODY_NOUNS and len(run.split()) > 1:
            # ("House Intelligence Committee" is a body: cut to "Committee" it names no one.)
            words = [word for word in run.split() if word.lower() not in {"the", "a", "an"}]
        if not words:
            continue
        start = match.start() + run.index(words[0])
        phrase = " ".join(words)
        person = people.resolve_name(phrase)
        kind = "name" if person is not None and len(words) > 1 else "surname"
        if person is None:
            before = blanked[max(0, start - 4):start].lower()
            head = phrase_head(("the " if before.endswith("the ") else "") + phrase)
            if head.kind == "name":
                person = people.resolve_name(head.text) or Person(head.text)
                kind = "name"
            elif head.kind == "body":
                person, kind = _group(head.text), "body"
            elif head.kind == "surname":
                person = people.by_surname(head.text)
                kind = "surname"
                preceding = _tokens(blanked[max(0, start - 20):start])[-1:]
                if person is None and len(head.text) >= 3 and not head.text.isupper() and \
                        head.text.lower() not in NOT_LONE and not PLACE_AND_TIME & {head.text.lower()} and \
                        not (preceding and (preceding[0] in PREPOSITIONS or preceding[0] in {"the", "a", "an"})) and \
                        head.text in people.names_inside_sentences:
                    person, kind = people.lone_surname(head.text), "lone"  # "Netanyahu rallied ..."
        if isinstance(person, Person) and person.full_name.split()[-1].lower() in PLACE_WORDS:
            continue
        if person is None:
            continue
        found.append(Mention(person, start, match.end(), kind, paragraph, phrase))
    found.sort(key=lambda m: m.start)
    for match in roles:  # "the culture secretary": whom the index gave that role, or the last person named
        person = people.by_role(match.group(0))
        kind = "role"
        if not isinstance(person, Person):
            person = _last_person(list(earlier) + found, match.start(), paragraph)
            kind = "role_guess"
        if isinstance(person, Person):
            found.append(Mention(person, match.start(), match.end(), kind, paragraph, match.group(0)))
    found.sort(key=lambda m: m.start)
    return found


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def _bucket(n: int, edges=(0, 1, 3, 6, 12, 25)) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f"{edges[-1]}+"


@dataclass
class QuoteContext:
    """A quotation in its paragraph, for the features of the mentions around it."""

    text: str  # the paragraph
    blanked: str  # the paragraph with its quotations blanked out
    span: Span
    sentence_starts: list[int]
    previous_speaker: object = None  # of the last quotation in this paragraph
    previous_paragraph_speaker: object = None
    speakers_so_far: frozenset = frozenset()  # full names of everyone the article quoted before
    rules_cue: str = ""  # the cue the rules found without settling who it names ("after: verb who"), if any

    def sentence_of(self, offset: int) -> int:
        return bisect_right(self.sentence_starts, offset) - 1


def _identity(speaker) -> str:
    return speaker.full_name if isinstance(speaker, Person) else str(speaker)


def features(mention: Mention, context: QuoteContext, others: list[Mention]) -> list[str]:
    """The facts about a mention beside a quotation, as feature names (each is 1 when present)."""
    span, text = context.span, context.blanked
    open_mark = span.open_mark if span.open_mark >= 0 else span.start
    close_mark = span.close_mark if span.close_mark >= 0 else span.end
    words = len(context.text[span.start:span.end].split())
    out = [f"kind={mention.kind}", f"quote_words={_bucket(words, (3, 5, 9, 20))}"]
    quote_text = context.text[span.start:span.end]
    if quote_text[:1].islower():
        out.append("quote_lowercase")
    if span.open_mark <= 0:
        out.append("quote_opens_paragraph")
    lead = text[max(0, open_mark - 3):open_mark]
    if ":" in lead:
        out.append("colon_before_quote")
    elif "," in lead:
        out.append("comma_before_quote")
    if span.close_mark >= 0:
        ending = context.text[span.close_mark - 1:span.close_mark]
        out.append("quote_ends_stop" if ending in ".!?" else "quote_ends_comma" if ending == "," else "quote_ends_other")
    else:
        out.append("quote_runs_on")
    if mention.paragraph < 0:
        where = "previous_paragraph"
        gap_tokens = None
    else:
        quote_sentence = context.sentence_of(open_mark)
        mention_sentence = context.sentence_of(mention.start)
        end_sentence = context.sentence_of(max(open_mark, close_mark - 1))
        if mention.end <= open_mark:
            distance = quote_sentence - mention_sentence
            where = "before" if distance == 0 else "sentence_back" if distance == 1 else "sentences_back"
            between = text[mention.end:open_mark]
        elif mention.start >= close_mark:
            distance = mention_sentence - end_sentence
            where = "after" if distance == 0 else "sentence_on" if distance == 1 else "sentences_on"
            between = text[close_mark + 1:mention.start]
        else:
            where, between = "inside", ""
        gap_tokens = _tokens(between)
    out.append(f"where={where}")
    out.append(f"where={where}&kind={mention.kind}")
    if context.rules_cue:
        out.append(f"rules_cue={context.rules_cue}&where={where}")
    after = _tokens(text[mention.end:mention.end + 60])[:6]
    before = _tokens(text[max(0, mention.start - 40):mention.start])[-3:]
    # What follows the mention: a speech verb (after adverbs), a verb that puts words in a mouth, a verb.
    following = [t for t in after if t not in _ADVERB and t != ","]
    nxt = following[0] if following else ""
    if after[:1] == ["'s"] or text[mention.end:mention.end + 2] in ("'s", "’s"):
        out.append("possessive")
    if nxt in _SPEECH_TOKEN:
        out += ["verb_after", f"verb_after&where={where}"]
    elif nxt in _CHAR_TOKEN:
        out += ["characterising_after", f"characterising_after&where={where}"]
    elif re.fullmatch(r"[a-z]+(?:ed|s)", nxt or "-"):
        out += ["other_verb_after", f"other_verb_after&where={where}"]
    elif after[:1] == [","]:
        out.append("comma_after")
    if nxt and re.fullmatch(r"[a-z]+", nxt):
        out.append(f"next={nxt}")
    if before and re.fullmatch(r"[a-z]+", before[-1]):
        out.append(f"previous={before[-1]}")
    word_before_quote = _tokens(text[max(0, open_mark - 30):open_mark])[-1:]
    if word_before_quote and mention.paragraph == 0 and where in ("before", "after"):
        out.append(f"quote_after_word={word_before_quote[0]}&where={where}")
    if before and before[-1] in _SPEECH_TOKEN:
        out += ["verb_before", f"verb_before&where={where}"]
    if before and before[-1] in PREPOSITIONS:
        out += ["preposition_before", f"preposition_before&where={where}"]
    if before and before[-1] == "and":
        out.append("and_before")
    sentence_start = context.sentence_starts[max(0, context.sentence_of(mention.start))] if mention.paragraph == 0 else None
    if sentence_start is not None and len(_tokens(text[sentence_start:mention.start])) <= 3:
        out += ["sentence_subject", f"sentence_subject&where={where}"]
    if gap_tokens is not None:
        out.append(f"gap={_bucket(len(gap_tokens))}")
        out.append(f"gap={_bucket(len(gap_tokens))}&where={where}")
        if any(t in _SPEECH_TOKEN for t in gap_tokens):
            out.append(f"speech_verb_between&where={where}")
        if any(t in ".;" for t in gap_tokens):
            out.append("stop_between")
    # Others between this mention and the quotation.
    lo, hi = (mention.end, open_mark) if mention.end <= open_mark else (close_mark, mention.start)
    between_others = [m for m in others if m is not mention and m.paragraph == mention.paragraph
                      and lo <= m.start < hi and _identity(m.speaker) != _identity(mention.speaker)]
    out.append(f"others_between={min(len(between_others), 2)}")
    if mention.paragraph == 0 and ANONYMOUS.search(text, lo, hi):
        out += ["anonymous_between", f"anonymous_between&where={where}"]
    if mention.paragraph == 0 and PASSIVE.search(text, lo, hi):
        out += ["passive_between", f"passive_between&where={where}"]
    out.append(f"others_between={min(len(between_others), 2)}&where={where}")
    same = [m for m in others if _identity(m.speaker) == _identity(mention.speaker)]
    out.append(f"mentions_here={_bucket(len(same), (1, 2, 4))}")
    distinct = {_identity(m.speaker) for m in others}
    out.append(f"candidates={_bucket(len(distinct), (1, 2, 3, 5))}")
    identity = _identity(mention.speaker)
    if context.previous_speaker is not None and _identity(context.previous_speaker) == identity:
        out += ["spoke_last_in_paragraph", f"spoke_last_in_paragraph&where={where}"]
    if context.previous_paragraph_speaker is not None and _identity(context.previous_paragraph_speaker) == identity:
        out += ["spoke_last_paragraph", f"spoke_last_paragraph&where={where}"]
    if identity in context.speakers_so_far:
        out.append("quoted_before")
    if isinstance(mention.speaker, Person) and " " not in mention.speaker.full_name:
        out.append("lone_surname")
    return out


def null_features(context: QuoteContext, mentions: list[Mention]) -> list[str]:
    """The features of choosing no one: what the quotation itself looks like."""
    span = context.span
    words = len(context.text[span.start:span.end].split())
    out = ["null", f"null&quote_words={_bucket(words, (3, 5, 9, 20))}", f"null&rules_cue={context.rules_cue or '-'}",
           f"null&candidates={_bucket(len({_identity(m.speaker) for m in mentions}), (0, 1, 2, 3, 5))}"]
    if context.text[span.start:span.start + 1].islower():
        out.append("null&quote_lowercase")
    if span.open_mark <= 0:
        out.append("null&quote_opens_paragraph")
    open_mark = span.open_mark if span.open_mark >= 0 else span.start
    lead = context.blanked[max(0, open_mark - 3):open_mark]
    if ":" in lead:
        out.append("null&colon_before_quote")
    sentence = context.sentence_of(open_mark)
    start = context.sentence_starts[sentence]
    end = context.sentence_starts[sentence + 1] if sentence + 1 < len(context.sentence_starts) else len(context.blanked)
    if not any(t in _SPEECH_TOKEN or t in _CHAR_TOKEN for t in _tokens(context.blanked[start:end])):
        out.append("null&no_speech_verb_in_sentence")
    if ANONYMOUS.search(context.blanked, start, end):
        out.append("null&anonymous_in_sentence")
    if PASSIVE.search(context.blanked, start, end):
        out.append("null&passive_voice_in_sentence")  # "residents had been told the tower would be ..."
    return out


@lru_cache(maxsize=1)
def load_weights() -> dict:
    """{"weights": {feature: w}, "threshold": t} from the repository's file, or {}."""
    if not WEIGHTS_PATH.exists():
        return {}
    return json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))


def threshold() -> float:
    """The probability a choice must reach (fitted with the weights); 2.0, never, without them."""
    return load_weights().get("threshold", 2.0)


def _score(names: list[str], weights: dict) -> float:
    return sum(weights.get(name, 0.0) for name in names)


def choices(candidate_features: list[list[str]], null: list[str], weights: dict) -> list[float]:
    """The probability of each candidate and, last, of no one (a softmax over their scores)."""
    scores = [_score(f, weights) for f in candidate_features] + [_score(null, weights)]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def reported_without_a_speaker(context: QuoteContext) -> bool:
    """`She said residents had been told the tower would be "..."`: the quotation's sentence reports
    words in the passive before it, so whose they are is not said. The ranker never chooses there."""
    open_mark = context.span.open_mark if context.span.open_mark >= 0 else context.span.start
    start = context.sentence_starts[context.sentence_of(open_mark)]
    return PASSIVE.search(context.blanked, start, open_mark) is not None


def rank(mentions: list[Mention], context: QuoteContext, model: dict | None = None):
    """(mention, probability) of the likeliest speaker, its probability summed over the mentions of
    the same person; None when there is no model, no candidate, or no one is likelier."""
    model = load_weights() if model is None else model
    if not model or not mentions or reported_without_a_speaker(context):
        return None
    probabilities = choices([features(m, context, mentions) for m in mentions], null_features(context, mentions),
                            model.get("weights", {}))
    by_speaker: dict[str, float] = {}
    for mention, p in zip(mentions, probabilities):
        by_speaker[_identity(mention.speaker)] = by_speaker.get(_identity(mention.speaker), 0.0) + p
    best = max(range(len(mentions)), key=lambda i: (by_speaker[_identity(mentions[i].speaker)], probabilities[i]))
    total = by_speaker[_identity(mentions[best].speaker)]
    if total <= probabilities[-1]:
        return None
    return mentions[best], total


def fit(groups: list[tuple[list[list[str]], list[str], list[int]]], l2: float = 0.5, epochs: int = 120,
        rate: float = 0.3) -> dict:
    """A conditional logit (a softmax over each quotation's candidates and "no one") by AdaGrad, in
    plain Python: groups of (each candidate's features, the features of no one, the indexes of the
    right candidates, empty when it is no one). Returns {"weights"}."""
    names = sorted({n for cands, null, _ in groups for f in cands + [null] for n in f})
    index = {name: i for i, name in enumerate(names)}
    data = [([[index[n] for n in set(f)] for f in cands] + [[index[n] for n in set(null)]], right or [len(cands)])
            for cands, null, right in groups]
    weights = [0.0] * len(names)
    squared = [1e-8] * len(names)
    for _ in range(epochs):
        gradient = [0.0] * len(names)
        for options, right in data:
            scores = [sum(weights[i] for i in option) for option in options]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            right_total = sum(exps[r] for r in right)
            for k, option in enumerate(options):
                g = exps[k] / total - (exps[k] / right_total if k in right else 0.0)
                if g:
                    for i in option:
                        gradient[i] += g
        n = len(data) or 1
        for i in range(len(names)):
            g = gradient[i] / n + l2 * weights[i] / n
            squared[i] += g * g
            weights[i] -= rate * g / math.sqrt(squared[i])
    return {"weights": {name: round(w, 4) for name, w in zip(names, weights) if abs(w) >= 1e-4}}
