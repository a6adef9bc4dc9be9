"""Sentences for "Whose words?": a sentence of an article, and whether it is a speaker's direct
quotation, reported speech, or the journalist's own words.

The importer suggests a label from what it already knows, and a teacher confirms it:
- a sentence holding a quotation the extractor found is "direct";
- one with an attribution verb and no quotation marks ("Mr Hunt said the contract was fair") is
  "reported";
- one with neither is the journalist's "own".
Offsets are within the paragraph's text, so play can highlight the sentence in its passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .types import FoundQuote, ParsedArticle

LABELS = [
    ("direct", "A direct quotation", "The speaker's own words, inside quotation marks."),
    ("reported", "Reported speech", "What someone said, in the journalist's words: no quotation marks, an "
                                    "attribution verb such as said, told or warned."),
    ("own", "The journalist's own words", "Nobody is quoted or reported: the article's writer says it."),
]
SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"”’']?|$)")
QUOTE_MARKS = re.compile(r"[\"“”]")
ATTRIBUTION = re.compile(
    r"\b(said|says|told|tells|warned|warns|claimed|claims|argued|argues|insisted|insists|added|adds|"
    r"admitted|admits|accused|urged|urges|believes?|believed|according to|wrote|writes|stated|states|"
    r"suggested|suggests|announced|confirmed|denied|explained)\b", re.IGNORECASE)
PER_LABEL = 3  # drafts offered per article, per label


@dataclass(frozen=True)
class CandidateSentence:
    paragraph_index: int
    start: int  # offsets in the paragraph's text
    end: int
    text: str
    label: str  # the suggestion: direct, reported or own


def label_suggest(sentence: str, holds_quotation: bool) -> str:
    if holds_quotation:
        return "direct"
    if ATTRIBUTION.search(sentence) and not QUOTE_MARKS.search(sentence):
        return "reported"
    return "own"


def sentence_candidates(article: ParsedArticle, quotes: list[FoundQuote]) -> list[CandidateSentence]:
    """A few whole sentences of each kind, in article order, each with its suggested label."""
    found = []
    for paragraph in article.paragraphs:
        for match in SENTENCE.finditer(paragraph.text):
            raw = match.group(0)
            text = raw.strip()
            if not 6 <= len(text.split()) <= 40 or (QUOTE_MARKS.search(text) and text.count('"') % 2):
                continue  # too short or long to ask, or a quotation cut across sentences
            start = match.start() + (len(raw) - len(raw.lstrip()))
            body_start, body_end = paragraph.start + start, paragraph.start + start + len(text)
            quoted = any(q.kind == "spoken" and body_start <= q.start and q.end <= body_end for q in quotes)
            found.append(CandidateSentence(paragraph.index, start, start + len(text), text,
                                           label_suggest(text, quoted)))
    chosen, taken = [], {}
    for candidate in found:
        if taken.get(candidate.label, 0) < PER_LABEL:
            taken[candidate.label] = taken.get(candidate.label, 0) + 1
            chosen.append(candidate)
    return chosen
