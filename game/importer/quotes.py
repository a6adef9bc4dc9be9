"""Stage 5 over a whole article: each direct quotation and who said it, with a confidence.

For each article `article_quotes` chooses how it is laid out (an interview's answers, a
transcript's speeches: `layouts.py`), then reads its paragraphs in order: each quotation's span
(`quotations.py`), the rules around it (`attribution.Attributor`), what its paragraph continues
(the British convention of re-opening marks on each paragraph: a paragraph that opens with a
quotation and names nobody continues the quotation before it), a round-up's name line or a pull
quote's credit (`layouts.layout_speakers`), and, where all of these name no one, the learned ranker
(`ranker.py`), never sure. A pull quote repeating words already quoted is whoever said them.

Since issue 21, measured on real news labelled by others (PolNeAR, BBC News): a speaker phrase
beside a verb is read for its head (`mentions.phrase_head`: "Florida-based strategist Al Cardenas");
a name the index did not know becomes a person; a lone surname ("Schumer tweeted") is the article's
word for someone; a quotation standing alone after a sentence reporting one person speaking, or in
a sentence whose subject is a person, is theirs; "he" and "she" go to nobody when someone else they
could mean was named since. Each quotation carries a confidence (`cues.CUE_CONFIDENCE`, lowered for a
lone surname, a pronoun and a fragment): only a sure one is pre-ticked on the review page.

What is not a quotation of speech: fragments of fewer than three words ('take on', "weekend
effect", "weaponise") and titles in capitals — scare quotes and labels — and quotations in the
headline (it is not body text). A three-word fragment is found but never sure.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from typing import Sequence

from . import ranker
from .attribution import Attributor
from .cues import (CONTEXT_OPENERS, FRAGMENT_WORDS, LAYOUT_OUTRANKS, MAX_QUOTES, NAME, OPINION_CUES, RANKED_CUE,
                   GroupName, attribution_with_who_clause, blank_quotes, confidence_of, is_speech, lone,
                   SHORT_ATTRIBUTION, one_attribution, opens_a_sentence, plain_text, sentence_before)
from .layouts import interview_answers, layout_speakers, transcript_quotes
from .people import PeopleIndex, Person, people_index_build
from .quotations import QuotedRanges, quote_spans
from .types import FoundQuote, KnownPerson, ParsedArticle


class Nearby:
    """The mentions around each quotation of one paragraph, for the ranker (found once a paragraph)."""

    def __init__(self, text, blanked, quoted, people, attributor, previous_mentions):
        self.text, self.blanked, self.people, self.attributor = text, blanked, people, attributor
        self.previous_mentions = previous_mentions
        self.starts = ranker._sentence_starts(text, quoted)
        self._mentions = None

    def paragraph_mentions(self, as_previous: bool = False) -> list:
        if self._mentions is None:
            self._mentions = ranker.mentions_in(self.blanked, self.people, 0)
        if as_previous:
            return [replace(m, paragraph=-1) for m in self._mentions[-8:] if m.kind not in ("role_guess",)]
        return self._mentions

    def around(self, span, last_speaker, previous_speaker, found, rules_cue=""):
        open_mark = span.open_mark if span.open_mark >= 0 else span.start
        close_mark = span.close_mark if span.close_mark >= 0 else span.end
        lo, hi = max(0, open_mark - ranker.WINDOW), close_mark + ranker.WINDOW
        mentions = [m for m in self.paragraph_mentions() if lo <= m.start < hi]
        # "he" and "she" in the quotation's sentence and the one before, as the rules read them now.
        sentence = bisect_right(self.starts, open_mark) - 1
        pronoun_lo = self.starts[max(0, sentence - 1)]
        pronoun_hi = self.starts[sentence + 1] if sentence + 1 < len(self.starts) else len(self.text)
        saved = self.attributor.by_pronoun
        mentions += ranker.mentions_in(self.blanked, self.people, 0, pronoun=self.attributor.pronoun_only,
                                       lo=pronoun_lo, hi=pronoun_hi,
                                       earlier=self.previous_mentions + self.paragraph_mentions())
        self.attributor.by_pronoun = saved
        mentions = sorted(mentions, key=lambda m: abs(m.start - open_mark))[: ranker.MAX_MENTIONS]
        mentions = self.previous_mentions + sorted(mentions, key=lambda m: m.start)
        context = ranker.QuoteContext(
            text=self.text, blanked=self.blanked, span=span, sentence_starts=self.starts,
            previous_speaker=last_speaker, previous_paragraph_speaker=previous_speaker,
            speakers_so_far=frozenset(q.speaker for q in found[-30:] if q.speaker), rules_cue=rules_cue)
        return context, mentions


def find_quotes(articles: Sequence[ParsedArticle], known_people: Sequence[KnownPerson] = (), *,
                ranking: bool = True, observe=None) -> list[list[FoundQuote]]:
    """The direct quotations of each article (offsets into its body), with speakers where sure,
    followed by the opinion author's own sentences (kind="written")."""
    people = people_index_build(
        [p.text for article in articles for p in article.paragraphs]
        + [article.byline or "" for article in articles]
        + [article.title or "" for article in articles],
        known_people,
    )
    return [article_quotes(article, people, ranking=ranking, observe=observe) + written_quotes(article)
            for article in articles]


def article_quotes(article: ParsedArticle, people: PeopleIndex, *, ranking: bool = True,
                   observe=None) -> list[FoundQuote]:
    """The quotations of one article with their speakers. Where the rules name no one, the learned
    ranker may choose among the names nearby (`ranking`); `observe(article, paragraph, span,
    mentions, context, speaker, cue)` is told of every quotation's candidates (for fitting it)."""
    attributor = Attributor(article, people)
    answers = interview_answers(article, people, attributor.state.headline_person)
    if answers:
        return answers[:MAX_QUOTES]
    speeches = transcript_quotes(article, people)
    if speeches:
        return speeches[:MAX_QUOTES]
    laid_out = layout_speakers(article, people)
    found: list[FoundQuote] = []
    previous: dict = {"had_quote": False, "speaker": None, "text": ""}
    run_on_without_speaker: list[int] = []  # found quotations that ran on, their speaker not yet known
    last_through_pronoun = False
    previous_paragraph_mentions: list = []
    for paragraph in article.paragraphs:
        text = paragraph.text
        spans = quote_spans(text)
        quoted = QuotedRanges(text, spans)
        blanked = blank_quotes(text, spans)
        cursor = 0
        paragraph_speaker: Person | str | None = None
        last_speaker_in_paragraph: Person | str | None = None
        last_close = -1
        last_cue = ""
        had_quote = False
        named_in_paragraph: Person | str | None = None  # the last speaker this paragraph named at a quotation
        nearby = Nearby(text, blanked, quoted, people, attributor, previous_paragraph_mentions)
        for position, span in enumerate(spans):
            if len(found) >= MAX_QUOTES:
                return found
            if not is_speech(text, span):
                continue
            # Sentences before this quotation set the scene for its pronouns.
            attributor.note_subjects(blanked[cursor : max(cursor, span.open_mark)], paragraph.index)
            cursor = span.end
            result = attributor.attribute(text, spans, position, quoted, paragraph.index)
            speaker, cue = result if result else (None, "")
            if isinstance(speaker, Person) and not attributor.by_pronoun:
                attributor.note_named(speaker, paragraph.index)  # ("said Lord Butler": named at the quotation)
            between = text[last_close + 1 : span.open_mark] if last_close >= 0 else None
            between_is_attribution = bool(between) and last_cue.startswith("after") and (
                len(between.split()) <= 12 or attribution_with_who_clause(between) or one_attribution(between)
            )
            if result is None and between is not None and last_speaker_in_paragraph is not None and (
                between_is_attribution or (len(between.split()) <= 8 and not re.search(NAME, between.replace("I ", "")))
            ):
                # "A," he said. "B." -- the second quotation is the same person's.
                speaker, cue = last_speaker_in_paragraph, "same speaker, same paragraph"
            continuing = run_on_without_speaker or (found and found[-1].cue.startswith("continu"))
            if result is None and position > 0 and spans[position - 1].runs_on and had_quote:
                # `"...26 weeks. "We are going to ...`: the quotation re-opened, as on a new paragraph.
                speaker, cue = last_speaker_in_paragraph, "continues the previous paragraph"
            if result is None and span.open_mark == 0 and position == 0:
                if previous["had_quote"]:
                    speaker, cue = previous["speaker"], "continues the previous paragraph"
                elif previous["text"].rstrip().endswith(":"):
                    # "This is what she told residents:" introduces the next paragraph.
                    last_sentence = re.split(r"(?<=[.!?])\s+", previous["text"].strip())[-1]
                    introduced = attributor.attribute_left(last_sentence.rstrip(":") + ":", last_sentence, paragraph.index)
                    if introduced:
                        speaker, cue = introduced[0], "introduced by the previous paragraph"
            if speaker is None and not (result and result[1]) and opens_a_sentence(text, span):
                # `..., said she was shocked at the findings. "We expected a bit of this ..."`: a quotation
                # standing alone after a sentence that reports someone speaking is theirs.
                before = sentence_before(text, span.open_mark, quoted) if span.open_mark > 0 else \
                    sentence_before(previous["text"].rstrip(), len(previous["text"].rstrip()), None)
                reporter = attributor.reporter_of(before, paragraph.index) if before else None
                if reporter is not None:
                    speaker, cue = reporter, "after a sentence reporting them"
            if paragraph.index in laid_out and (speaker is None or cue in LAYOUT_OUTRANKS):
                speaker, cue = laid_out[paragraph.index], "name line or credit"
            ranked_probability = None
            if observe is not None or (speaker is None and ranking):
                context, near = nearby.around(span, last_speaker_in_paragraph, previous["speaker"], found,
                                              cue if speaker is None else "")
                if observe is not None:
                    observe(article, paragraph, span, near, context, speaker, cue)
                best = ranker.rank(near, context) if speaker is None and ranking else None
                if best is not None and best[1] >= ranker.threshold():
                    speaker, cue, ranked_probability = best[0].speaker, RANKED_CUE, best[1]
            # "He" or "she" is sure only after the same person's own named quotation in this paragraph
            # (`"...," said Mrs Okonjo. "...," she added.`); a speaker carried on from a quotation found
            # through a pronoun is as unsure as that one.
            through_pronoun = attributor.by_pronoun if result else False
            if cue in LAYOUT_OUTRANKS and cue != "introduced by the previous paragraph":
                through_pronoun = last_through_pronoun
            if through_pronoun and isinstance(speaker, Person) and (speaker is named_in_paragraph or any(
                    speaker.full_name in attributor.state.named.get(index, ()) for index in (paragraph.index,
                                                                                             paragraph.index - 1))):
                # `Mrs Okonjo said longer days ... "...," she said.`: named in this paragraph or the one just
                # before, and (the rival check in `pronoun`) no one else "she" could mean named since.
                through_pronoun = False
            name = speaker.full_name if isinstance(speaker, Person) else speaker
            opens_a_run = span.open_mark == 0 or (position > 0 and spans[position - 1].runs_on)
            if name is not None and cue.startswith(("after", "between")) and opens_a_run and continuing:
                # `"We will ...` / `"...," she said.`: the quotation it continues was hers too.
                for index in run_on_without_speaker:
                    found[index] = replace(found[index], speaker=name, cue="continued by a later paragraph",
                                           speaker_is_group=isinstance(speaker, GroupName),
                                           confidence=confidence_of(name, "continued by a later paragraph"))
            if not opens_a_run or name is not None or not span.runs_on:
                run_on_without_speaker = []
            found.append(
                FoundQuote(
                    text=text[span.start : span.end],
                    start=paragraph.start + span.start,
                    end=paragraph.start + span.end,
                    paragraph_index=paragraph.index,
                    speaker=name,
                    kind="spoken",
                    cue=cue,
                    speaker_is_group=isinstance(speaker, GroupName),
                    confidence=_confidence(speaker, name, cue, text[span.start : span.end], through_pronoun,
                                           ranked_probability),
                )
            )
            if span.runs_on and name is None:
                run_on_without_speaker.append(len(found) - 1)
            had_quote = True
            last_through_pronoun = through_pronoun
            if speaker is not None and not through_pronoun:
                named_in_paragraph = speaker
            last_speaker_in_paragraph = speaker
            last_cue = cue
            last_close = span.close_mark if span.close_mark >= 0 else span.end
            paragraph_speaker = speaker
            if isinstance(speaker, Person):
                attributor.note_speaker(speaker)
        attributor.note_subjects(blanked[cursor:], paragraph.index)
        if isinstance(paragraph_speaker, Person):
            attributor.note_speaker(paragraph_speaker)
        # The next paragraph continues this one's last quotation only if it ran on, or if the paragraph
        # ends with it (and its attribution): not after sentences about someone else ("... called all women
        # "Betty"." then a new quotation).
        trailing = text[last_close + 1 :]
        # (`"... terrorism." Menzies Campbell said a win ... would have ...`: a new sentence reporting
        # someone else is no attribution of the quotation before it; `"...." Mr Porter said.` is.)
        new_sentence = text[:last_close].rstrip()[-1:] in (".", "!", "?") and re.match(r"\s+[A-Z]", trailing) \
            and not SHORT_ATTRIBUTION.match(plain_text(trailing[:120]))
        ends_with_quote = had_quote and (last_close >= len(text.rstrip()) - 1 or not trailing.strip()
                                         or (one_attribution(trailing) and not new_sentence))
        previous = {"had_quote": ends_with_quote, "speaker": paragraph_speaker if had_quote else None, "text": text}
        previous_paragraph_mentions = nearby.paragraph_mentions(as_previous=True)
    return _repeats_keep_their_speaker(found)


def _repeats_keep_their_speaker(found: list[FoundQuote]) -> list[FoundQuote]:
    """A pull quote repeating words quoted earlier is the words of whoever said them there, not of the
    nearest speaker: `Mark Porter said: "We will win."` ... then `"We will win."` on its own."""
    said: dict[str, FoundQuote] = {}
    for index, quote in enumerate(found):
        key = re.sub(r"\W+", " ", quote.text).strip().lower()
        earlier = said.get(key)
        if earlier is not None and earlier.speaker and (quote.speaker is None or quote.cue in LAYOUT_OUTRANKS):
            found[index] = replace(quote, speaker=earlier.speaker, cue="repeats an earlier quotation",
                                   speaker_is_group=earlier.speaker_is_group,
                                   confidence=min(earlier.confidence, confidence_of(earlier.speaker, "repeats an earlier quotation")))
        elif quote.speaker and key not in said:
            said[key] = quote
    return found


def written_quotes(article: ParsedArticle, limit: int = 5) -> list[FoundQuote]:
    """Self-contained opinion sentences of an opinion piece's author ("who wrote this?")."""
    if not (article.is_opinion and article.author):
        return []
    chosen = []
    for paragraph in article.paragraphs:
        for match in re.finditer(r"[^.!?]+(?:[.!?]|$)", paragraph.text):  # linear: no rescans
            sentence = match.group(0).strip()
            if not sentence.endswith((".", "!", "?")):
                continue
            start = paragraph.text.index(sentence, match.start())
            words = sentence.split()
            if not 12 <= len(words) <= 40:
                continue
            if re.search(r"[\"“”‘]|(?:^|\s)'", sentence) or words[0].lower().strip(",") in CONTEXT_OPENERS:
                continue
            if not OPINION_CUES.search(sentence):
                continue
            chosen.append(
                FoundQuote(
                    text=sentence,
                    start=paragraph.start + start,
                    end=paragraph.start + start + len(sentence),
                    paragraph_index=paragraph.index,
                    speaker=article.author,
                    kind="written",
                    cue="the author's own words",
                    confidence=1.0,
                )
            )
    # Spread the picks over the article rather than taking its opening.
    if len(chosen) > limit:
        step = len(chosen) / limit
        chosen = [chosen[int(i * step)] for i in range(limit)]
    return chosen


def _confidence(speaker, name: str | None, cue: str, words: str, by_pronoun: bool = False,
                ranked: float | None = None) -> float:
    """The cue's confidence, lowered for a lone surname, a fragment of under four words, and a speaker
    found through "he" or "she" (a reading of the article, which the teacher checks). A speaker the
    ranker chose is as sure as its probability, and never sure enough to be pre-ticked."""
    confidence = confidence_of(name, cue)
    if ranked is not None and name is not None:
        confidence = min(ranked, ranker.MAX_CONFIDENCE)
    if lone(speaker) or len(words.split()) < FRAGMENT_WORDS:
        confidence = min(confidence, 0.6)
    if by_pronoun:
        confidence = min(confidence, 0.75)
    return confidence
