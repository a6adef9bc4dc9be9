"""Dated events for "Put the story in order": what an article dates, and how it dates it.

The importer suggests events for a teacher to reword and keep; it never dates what the article
does not date. A suggestion comes from:
- the headline of a dated article, on the article's date;
- a sentence of the journalist's own narrative (words inside quotation marks are not read: a
  speaker's "today" is the day they spoke, which the article may not give) that dates something
  that has happened:
  - a full date ("12 January 2016"), with or without the article's own date;
  - and, in a dated article, a date without its year ("on 1 December": the latest such day on or
    before the article's date), "yesterday" or "last night" (the day before), "this morning"
    (the article's day), or a weekday ("on Saturday", "Thursday's announcement": the latest such
    day on or before the article's date).
A sentence about what is planned or expected ("will", "is set to", "next week") dates nothing
that has happened yet, so it is left out; so is a date after the article's own.

Each suggestion carries `dated_by`, a sentence saying how the date was worked out, which players
see beside the date when the round is over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .types import ParsedArticle

PER_ARTICLE = 4  # suggestions from one article's paragraphs, besides its headline
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY = r"(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAY_MONTH_YEAR = re.compile(rf"\b(?:on\s+)?(?:{_DAY}\s+{_MONTH}|{_MONTH.replace('month', 'month2')}\s+(?P<day2>\d{{1,2}})"
                            rf"(?:st|nd|rd|th)?,?)\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
DAY_MONTH = re.compile(rf"\bon\s+(?:{_DAY}\s+{_MONTH}|{_MONTH.replace('month', 'month2')}\s+(?P<day2>\d{{1,2}})"
                       rf"(?:st|nd|rd|th)?)\b(?!,?\s+(?:19|20)\d\d)", re.IGNORECASE)
YESTERDAY = re.compile(r"\b(?:yesterday|last\s+night)\b", re.IGNORECASE)
THIS_MORNING = re.compile(r"\b(?:this\s+(?:morning|afternoon)|earlier\s+today)\b", re.IGNORECASE)
LAST_WEEKDAY = re.compile(rf"\blast\s+{_WEEKDAY}\b", re.IGNORECASE)
WEEKDAY = re.compile(rf"\b(?:on\s+{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?|"
                     rf"{_WEEKDAY.replace('weekday', 'weekday2')}['’]s)\b", re.IGNORECASE)
NOT_YET = re.compile(r"\b(?:will|would|shall|is\s+set\s+to|are\s+set\s+to|is\s+due|are\s+due|is\s+to|are\s+to|"
                     r"planning|planned|going\s+to|next|upcoming|expected|scheduled|could|might|(?-i:may)|ahead\s+of|"
                     r"until|before)\b", re.IGNORECASE)
SAID = re.compile(r"\b(?:said|says|announced|confirmed|warned|told|wrote|insisted|admitted|apologi[sz]ed)\b",
                  re.IGNORECASE)
SAID_WEEKDAY = re.compile(rf"\b(?:said|announced|confirmed|warned|voted|agreed|decided|apologi[sz]ed|ruled|delayed|"
                          rf"approved|rejected)\s+{_WEEKDAY.replace('weekday', 'weekday3')}\b")
WIRE = re.compile(r"^(?:[A-Z][A-Za-z.,' ]*\s)?\((?:AP|Reuters|PA|AFP|Bloomberg)\)\s*[-–—]\s*")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z\"“‘(])")
LEFT_HANGING = re.compile(r"\s+(?:by|until|since|from|at|on)([.,;:]|$)")
QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|‘[^‘’]*’(?![a-z])")


@dataclass(frozen=True)
class CandidateEvent:
    paragraph_index: int | None  # None: the article's headline
    happened_on: date
    text: str  # what happened: the sentence without its date words (a teacher rewords it)
    phrase: str  # the words that date it, as printed
    dated_by: str  # how the date was worked out, in a sentence


def long_date(day: date, weekday: bool = False) -> str:
    return f"{day:%A }" * weekday + f"{day.day} {day:%B %Y}"


def headline_event(article: ParsedArticle) -> CandidateEvent | None:
    if not (article.published and article.title):
        return None
    return CandidateEvent(None, article.published, article.title[:300], "",
                          f"The article is dated {long_date(article.published)}.")


def _masked(sentence: str) -> str:
    """The sentence with quoted words blanked out (same length, so offsets still hold)."""
    return QUOTED.sub(lambda m: " " * len(m.group(0)), sentence)


def _latest(weekday_or_day, published: date, *, back: int) -> date | None:
    for days in range(back):
        day = published - timedelta(days=days)
        if weekday_or_day(day):
            return day
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _said_then(masked: str, start: int, end: int) -> bool:
    """Is the date attached to an attribution verb ("said on Tuesday", "on Monday announced")? Then
    it dates the saying, whatever was said about the future."""
    before = " ".join(masked[:start].split()[-6:])
    return bool(SAID.search(before) or SAID.match(masked[end:].lstrip(" ,")))


def _found(masked: str, published: date | None):
    """The first date phrase of the sentence: (kind, match), in order of how exactly it dates."""
    for kind, pattern in (("full", DAY_MONTH_YEAR), ("day_month", DAY_MONTH), ("yesterday", YESTERDAY),
                          ("today", THIS_MORNING), ("last_weekday", LAST_WEEKDAY), ("weekday", WEEKDAY), ("weekday", SAID_WEEKDAY)):
        if (match := pattern.search(masked)) and (kind == "full" or published is not None):
            return kind, match
    return None, None


def sentence_date(sentence: str, published: date | None) -> tuple[date, str, str] | None:
    """(the date, the words that give it, how it was worked out) for a sentence that dates something
    that has happened, or None."""
    masked = _masked(sentence)
    kind, match = _found(masked, published)
    if match is None:
        return None
    groups = {name: value for name, value in match.groupdict().items() if value}
    start, end = match.span("weekday3") if "weekday3" in groups else match.span()
    if NOT_YET.search(masked) and not _said_then(masked, start, end):
        return None
    phrase = sentence[start:end]
    said_on = f"The article is dated {long_date(published)}" if published else ""
    if kind == "full":
        month = MONTHS.index((groups.get("month") or groups["month2"]).lower()) + 1
        day = _safe_date(int(groups["year"]), month, int(groups.get("day") or groups["day2"]))
        if day and (published is None or day <= published):
            return day, phrase, f"The paragraph gives the date: “{phrase.removeprefix('on ').removeprefix('On ')}”."
        return None
    if kind == "day_month":
        month = MONTHS.index((groups.get("month") or groups["month2"]).lower()) + 1
        number = int(groups.get("day") or groups["day2"])
        day = _latest(lambda d: (d.month, d.day) == (month, number), published, back=366)
        return (day, phrase, f"{said_on} and says “{phrase}”: the latest {phrase.removeprefix('on ')} "
                             f"on or before it.") if day else None
    if kind == "yesterday":
        return published - timedelta(days=1), phrase, f"{said_on} and says “{phrase}”."
    if kind == "today":
        return published, phrase, f"{said_on} and says “{phrase}”."
    name = next(groups[key] for key in ("weekday", "weekday2", "weekday3") if key in groups).lower()
    if kind == "last_weekday":  # "last Thursday": the latest Thursday before the article's day
        day = _latest(lambda d: d.weekday() == WEEKDAYS.index(name), published - timedelta(days=1), back=7)
        return day, phrase, (f"The article is dated {long_date(published, weekday=True)} and says “{phrase}”: "
                             f"the latest {name.title()} before it.")
    day = _latest(lambda d: d.weekday() == WEEKDAYS.index(name), published, back=7)
    return day, phrase, (f"The article is dated {long_date(published, weekday=True)} and says “{phrase}”: "
                         f"the latest {name.title()} on or before it.")


def without_phrase(sentence: str, phrase: str) -> str:
    """The sentence with its date words taken out, so the card does not give its place away."""
    at = sentence.find(phrase)
    if at < 0:
        return sentence
    if phrase.endswith(("'s", "’s")):  # "Thursday's announcement" -> "The announcement"
        text = sentence[:at] + ("The" if at == 0 else "the") + sentence[at + len(phrase):]
    else:
        before, after = sentence[:at].rstrip(), sentence[at + len(phrase):]
        if not before:
            after = after.lstrip(" ,")
            text = after[:1].upper() + after[1:]
        else:
            text = before + (after if after[:1] in ",.;:" else " " + after.lstrip())
    return LEFT_HANGING.sub(r"\1", re.sub(r"\s{2,}", " ", text)).strip()


def _shorten(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def event_candidates(article: ParsedArticle, limit: int = PER_ARTICLE) -> list[CandidateEvent]:
    """The article's dated events, in article order: its headline (when dated) and up to `limit`
    dated sentences, one a paragraph."""
    found = [event] if (event := headline_event(article)) else []
    for paragraph in article.paragraphs:
        if len(found) > limit:
            break
        for sentence in SENTENCE_END.split(paragraph.text):
            sentence = WIRE.sub("", sentence.strip())
            dated = sentence_date(sentence, article.published) if len(sentence.split()) >= 5 else None
            if dated:
                day, phrase, dated_by = dated
                found.append(CandidateEvent(paragraph.index, day, _shorten(without_phrase(sentence, phrase)), phrase,
                                            dated_by))
                break
    return found
