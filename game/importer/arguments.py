"""Candidate arguments: sentences that make a claim, proposed to teachers as drafts.

A teacher rewrites each in plain words and checks its side; the importer only points at the
sentence and suggests whose it is (a quotation's speaker, or an opinion piece's author).
"""

from __future__ import annotations

import re

from .types import CandidateArgument, FoundQuote, ParsedArticle

CLAIM_CUES = re.compile(
    r"\b(must|should|need to|needs to|will lead to|would mean|risks?|unsafe|unfair|discriminat\w*|"
    r"threat|essential|damag\w+|dangerous\w*|shameful|wrong approach|is right|we believe|"
    r"cannot|deficient|worrying|safety|fair)\b",
    re.IGNORECASE,
)
# A run of text up to its closing punctuation, or to the end of the paragraph when there is none.
# (The end-of-text branch keeps this linear: a paragraph with no full stop is one match, not a
# rescan of the rest of the paragraph from every position.)
SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+[\"”’']?|$)")
MAX_PER_ARTICLE = 5


def candidate_arguments(article: ParsedArticle, quotes: list[FoundQuote]) -> list[CandidateArgument]:
    """Up to five claim-making sentences, strongest first by number of cues, in article order."""
    spoken = [q for q in quotes if q.kind == "spoken"]
    scored = []
    for paragraph in article.paragraphs:
        for match in SENTENCE.finditer(paragraph.text):
            sentence = match.group(0).strip()
            words = sentence.split()
            if not 8 <= len(words) <= 45:
                continue
            cues = len(CLAIM_CUES.findall(sentence))
            if not cues:
                continue
            start = paragraph.start + match.start()
            speaker = next((q.speaker for q in spoken if q.start <= start + 3 < q.end or start <= q.start < start + len(sentence)), None)
            if speaker is None and article.is_opinion and article.author:
                speaker = article.author
            scored.append((cues, paragraph.index, match.start(), sentence, speaker))
    best = sorted(scored, key=lambda item: (-item[0], item[1], item[2]))[:MAX_PER_ARTICLE]
    return [
        CandidateArgument(claim=sentence, paragraph_index=index, speaker=speaker)
        for _, index, _, sentence, speaker in sorted(best, key=lambda item: (item[1], item[2]))
    ]
