"""A debate pack: the curated sides, speakers and arguments of one debate, as a JSON file.

`pack_load` checks it against the parsed articles it points into, so a pack that names a
paragraph that does not exist, or whose evidence is not in that paragraph, is refused with a
message that says which argument is wrong.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from game.rules import REASON_TYPES

from . import misquotes as misquote_rules
from .types import ArticleError, KnownPerson, ParsedArticle

PACK_FILE = "debate_pack.json"
ICONS = {"square", "circle", "triangle", "diamond"}


class PackError(ValueError):
    """The pack file is malformed; the message names the problem."""


REASON_SLUGS = {slug for slug, _, _ in REASON_TYPES}
SENTENCE_LABELS = {"direct", "reported", "own"}


@dataclass(frozen=True)
class PackArgument:
    key: str
    side: str
    claim: str
    article: str
    paragraph: int
    evidence: str
    speaker: str | None
    reason: str = ""  # the kind of evidence (rules.REASON_TYPES), as a teacher confirmed it


@dataclass(frozen=True)
class PackSentence:
    article: str
    paragraph: int
    text: str  # the whole sentence, exactly as printed in that paragraph
    label: str  # direct, reported or own


@dataclass(frozen=True)
class PackEvent:
    article: str
    paragraph: int | None  # None: the article's headline, on the article's own date
    happened_on: date
    text: str  # what happened, in plain words
    evidence: str  # the words of the paragraph that date it ("Yesterday", "On Saturday"); empty for a headline
    dated_by: str  # how the date is worked out, for players to check


@dataclass(frozen=True)
class PackMisquote:
    kind: str  # a slug of rules.MISQUOTE_KINDS
    text: str  # the real words, changed: a small edit that turns the meaning


@dataclass(frozen=True)
class PackQuote:
    article: str
    paragraph: int
    text: str  # the exact words, as printed in that paragraph
    speaker: str
    kind: str  # "spoken" or "written"
    reason: str = ""  # the kind of evidence (rules.REASON_TYPES), as a teacher confirmed it
    misquotes: tuple[PackMisquote, ...] = ()  # reviewed misquotes for "Spot the misquote"


@dataclass(frozen=True)
class PackQuestion:
    key: str
    prompt: str
    article: str
    paragraph: int
    evidence: str
    choices: tuple[tuple[str, bool], ...]
    explanation: str


@dataclass(frozen=True)
class Pack:
    debate: dict
    sides: list[dict]
    speakers: list[dict]
    arguments: list[PackArgument]
    quotes: list[PackQuote] = ()
    questions: list[PackQuestion] = ()
    sentences: list[PackSentence] = ()
    events: list[PackEvent] = ()

    def known_people(self) -> list[KnownPerson]:
        return [
            KnownPerson(
                full_name=s["name"], aliases=tuple(s.get("aliases", ())), role=s.get("role", ""),
                organisation=s.get("organisation", ""),
            )
            for s in self.speakers
        ]


def pack_read(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise PackError(f"{path.name}: cannot read the pack ({error})") from None
    except json.JSONDecodeError as error:
        raise PackError(f"{path.name}: not valid JSON (line {error.lineno}: {error.msg})") from None


def pack_load(data: dict, articles: dict[str, ParsedArticle]) -> Pack:
    """Validate pack data against the parsed articles (by file name); raise PackError."""
    try:
        debate = data["debate"]
        sides = data["sides"]
        speakers = data["speakers"]
        raw_arguments = data["arguments"]
        for field in ("slug", "topic", "motion"):
            if not debate.get(field):
                raise PackError(f"the debate has no {field}")
    except (KeyError, TypeError) as error:
        raise PackError(f"the pack is missing {error}") from None
    side_slugs = {side["slug"] for side in sides}
    if len(side_slugs) < 2:
        raise PackError("a debate needs at least two sides")
    for side in sides:
        if side.get("icon", "square") not in ICONS:
            raise PackError(f"side {side['slug']}: icon must be one of {', '.join(sorted(ICONS))}")
    names = set()
    for speaker in speakers:
        if speaker.get("side") and speaker["side"] not in side_slugs:
            raise PackError(f"speaker {speaker['name']}: unknown side {speaker['side']!r}")
        names.add(speaker["name"])
    arguments, keys = [], set()
    for raw in raw_arguments:
        argument = PackArgument(
            key=raw["key"], side=raw["side"], claim=raw["claim"], article=raw["article"],
            paragraph=int(raw["paragraph"]), evidence=raw["evidence"], speaker=raw.get("speaker"),
            reason=raw.get("reason", ""),
        )
        where = f"argument {argument.key}"
        if argument.reason and argument.reason not in REASON_SLUGS:
            raise PackError(f"{where}: unknown kind of evidence {argument.reason!r}")
        if argument.key in keys:
            raise PackError(f"{where}: the key is used twice")
        keys.add(argument.key)
        if argument.side not in side_slugs:
            raise PackError(f"{where}: unknown side {argument.side!r}")
        if argument.speaker and argument.speaker not in names:
            raise PackError(f"{where}: unknown speaker {argument.speaker!r}")
        paragraph_text = _paragraph_text(where, articles, argument.article, argument.paragraph).replace("\u00a0", " ")
        if argument.evidence not in paragraph_text:
            raise PackError(f"{where}: the evidence is not in paragraph {argument.paragraph} of {argument.article}")
        arguments.append(argument)
    quotes = []
    for raw in data.get("quotes", []):
        where = f"quote “{raw.get('text', '')[:40]}…”"
        quote = PackQuote(article=raw["article"], paragraph=int(raw["paragraph"]), text=raw["text"],
                          speaker=raw["speaker"], kind=raw.get("kind", "spoken"), reason=raw.get("reason", ""))
        if quote.reason and quote.reason not in REASON_SLUGS:
            raise PackError(f"{where}: unknown kind of evidence {quote.reason!r}")
        if quote.speaker not in names:
            raise PackError(f"{where}: unknown speaker {quote.speaker!r}")
        if quote.text not in _paragraph_text(where, articles, quote.article, quote.paragraph):
            raise PackError(f"{where}: these words are not in paragraph {quote.paragraph} of {quote.article}")
        quote = replace(quote, misquotes=tuple(_misquote(where, quote.text, item) for item in raw.get("misquotes", [])))
        if len({misquote.kind for misquote in quote.misquotes}) != len(quote.misquotes):
            raise PackError(f"{where}: two misquotes of the same kind (give each a different change)")
        quotes.append(quote)
    questions = []
    for raw in data.get("questions", []):
        question = PackQuestion(key=raw["key"], prompt=raw["prompt"], article=raw["article"],
                                paragraph=int(raw["paragraph"]), evidence=raw["evidence"],
                                choices=tuple((text, bool(right)) for text, right in raw["choices"]),
                                explanation=raw.get("explanation", ""))
        where = f"question {question.key}"
        if sum(right for _, right in question.choices) != 1 or len(question.choices) < 2:
            raise PackError(f"{where}: needs two or more choices with exactly one right")
        if question.evidence not in _paragraph_text(where, articles, question.article, question.paragraph).replace(
                "\u00a0", " "):
            raise PackError(f"{where}: the evidence is not in paragraph {question.paragraph} of {question.article}")
        questions.append(question)
    sentences = []
    for raw in data.get("sentences", []):
        sentence = PackSentence(article=raw["article"], paragraph=int(raw["paragraph"]), text=raw["text"],
                                label=raw["label"])
        where = f"sentence “{sentence.text[:40]}…”"
        if sentence.label not in SENTENCE_LABELS:
            raise PackError(f"{where}: the label must be one of {', '.join(sorted(SENTENCE_LABELS))}")
        if sentence.text not in _paragraph_text(where, articles, sentence.article, sentence.paragraph):
            raise PackError(f"{where}: these words are not in paragraph {sentence.paragraph} of {sentence.article}")
        sentences.append(sentence)
    return Pack(debate=debate, sides=sides, speakers=speakers, arguments=arguments, quotes=quotes, questions=questions,
                sentences=sentences, events=[_event(raw, articles) for raw in data.get("events", [])])


def _misquote(where: str, original: str, raw: dict) -> PackMisquote:
    """A pack quote's misquote, refused (naming the quote) when its kind is unknown or it could not
    be played: empty, the real words, or changed too much."""
    misquote = PackMisquote(kind=raw["kind"], text=" ".join(str(raw["text"]).split()))
    if misquote.kind not in misquote_rules.KINDS:
        raise PackError(f"{where}: unknown kind of misquote {misquote.kind!r}")
    reason = misquote_rules.problem(original, misquote.text)
    if reason:
        raise PackError(f"{where}: the misquote “{misquote.text[:40]}…” cannot be played: {reason}")
    return misquote


def _paragraph_text(where: str, articles: dict[str, ParsedArticle], name: str, index: int) -> str:
    """The text of the paragraph a pack item points at; a PackError naming the item when the file
    was not imported or has no such paragraph."""
    article = articles.get(name)
    if article is None:
        raise PackError(f"{where}: article {name} is not among the imported files")
    if not 0 <= index < len(article.paragraphs):
        raise PackError(f"{where}: {name} has no paragraph {index}")
    return article.paragraphs[index].text


def _event(raw: dict, articles: dict[str, ParsedArticle]) -> PackEvent:
    """One dated event, checked: its date, its words, and the article (and paragraph) that date it."""
    where = f"event “{str(raw.get('text', ''))[:40]}…”"
    try:
        happened_on = date.fromisoformat(str(raw["happened_on"]))
        paragraph = None if raw.get("paragraph") is None else int(raw["paragraph"])
        event = PackEvent(article=raw["article"], paragraph=paragraph, happened_on=happened_on,
                          text=str(raw["text"]).strip(), evidence=str(raw.get("evidence", "")),
                          dated_by=str(raw.get("dated_by", "")).strip())
    except KeyError as error:
        raise PackError(f"{where}: missing {error}") from None
    except ValueError:
        raise PackError(f"{where}: happened_on must be a date as YYYY-MM-DD and paragraph a number") from None
    if not event.text or len(event.text) > 300:
        raise PackError(f"{where}: say what happened in 1 to 300 characters")
    if not event.dated_by or len(event.dated_by) > 300:
        raise PackError(f"{where}: dated_by must say, in 1 to 300 characters, how the source dates it")
    article = articles.get(event.article)
    if article is None:
        raise PackError(f"{where}: article {event.article} is not among the imported files")
    if event.paragraph is None:
        if article.published != event.happened_on:
            raise PackError(f"{where}: a headline event is dated by its article, and {event.article} is "
                            f"{'dated ' + article.published.isoformat() if article.published else 'not dated'}")
    elif not event.evidence or event.evidence not in _paragraph_text(where, articles, event.article, event.paragraph):
        raise PackError(f"{where}: the evidence (the words that date it) is not in paragraph {event.paragraph} "
                        f"of {event.article}")
    return event


__all__ = ["ArticleError", "Pack", "PackArgument", "PackEvent", "PackMisquote", "PackQuestion", "PackQuote", "PackError", "PACK_FILE", "pack_load", "pack_read"]
