"""The rules of the game, as plain functions: no database, no request; `rng` and `now` come in.

Teachers can read these on the help page, which renders them from the constants below.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Sequence, TypeVar

POINTS_RIGHT = 10  # a right answer in "Who said it?" or the quiz
STREAK_STEP = 2  # extra points for each right answer in a row after the first...
STREAK_CAP = 10  # ...up to this many extra points
POINTS_PER_CARD = 5  # each argument card put under the right side
ALL_SORTED_BONUS = 10  # every card of a sorting round right

ROUND_QUESTIONS = 10  # questions in a "Who said it?" or quiz round (fewer if fewer are published)
QUIZ_MIX_EVERY = 4  # one teacher question mixed in after every four quotes, when there are some
SORT_CARDS_MIN, SORT_CARDS_MAX = 6, 8
SORT_MIN_PER_SIDE = 2
OPTIONS = 4  # speakers shown for each quote: the right one and three others

T = TypeVar("T")


# "What kind of evidence?": the kinds, each with what tells it apart (the feedback says it).
REASON_TYPES = [
    ("statistic", "A statistic", "It rests on a number: a count, a share or an amount."),
    ("example", "An example or case", "It rests on one case or instance: something that happened."),
    ("expert", "An expert or study", "It rests on who says it: an expert body, a study, a report."),
    ("value", "A value judgement", "It rests on what is fair, right or safe: a judgement, not a fact."),
    ("prediction", "A prediction", "It rests on what will happen: a forecast or a risk."),
]
# "Spot the misquote": the kinds of change, each named as the answer and the reports name it
# (game/importer/misquotes.py writes the suggestions; "teacher" is a teacher's own).
MISQUOTE_KINDS = {
    "negation": "A 'not' added or dropped",
    "quantifier": "A quantifier or intensifier swapped",
    "number": "A number changed",
    "hedge": "A hedge dropped or added",
    "clause": "A clause cut, turning the meaning",
    "splice": "Another speaker's words spliced in",
    "teacher": "Changed by the teacher",
}
MISQUOTE_VERSIONS = 3  # misquotes shown beside the real words
MISQUOTE_STRETCH_WORDS = 18  # a longer quotation shows this many words around its changes (all four the same)
MISQUOTE_QUOTES_MIN = 4  # quotations with three kept misquotes before the mode is offered
REASON_CUES = [  # the first kind whose cues a text has is suggested; the teacher confirms it
    ("statistic", r"\d|\bper ?cent\b|%|£|\bhalf\b|\bthird\b|\bmajority\b|\bthousands?\b|\bmillions?\b"),
    ("expert", r"\bprofessor\b|\bstudy\b|\bstudies\b|\bresearch|\breport\b|\bsurvey\b|\bexperts?\b|"
               r"\bcolleges?\b|\bleaders\b|\bwarn|\baccording to\b|\bevidence\b"),
    ("prediction", r"\bwill\b|\bwould\b|\bcould\b|\brisks?\b|\bthreat\b|\bfuture\b|\blead to\b|\bharder\b"),
    ("example", r"\bfor example\b|\bsuch as\b|\bfor instance\b|\bcase\b|\bwalked out\b|\bhas confirmed\b|"
                r"\balready\b"),
    ("value", r"\bfair\b|\bunfair\b|\bshould\b|\bmust\b|\bright\b|\bwrong\b|\bsafe\b|\bdiscriminat"),
]


def reason_suggest(text: str) -> str:
    """The kind of evidence a claim's cue words suggest, or "" when none do."""
    import re

    lowered = text.lower()
    return next((kind for kind, cues in REASON_CUES if re.search(cues, lowered)), "")


# "Practise my mix-ups": Leitner boxes. A wrong answer puts an item in box 1 (due at once); each
# right answer moves it up a box, to come back after longer; past the last box it is learnt.
LEITNER_WAIT = {1: timedelta(0), 2: timedelta(days=1), 3: timedelta(days=3)}
LEITNER_LEARNT = 4
PRACTICE_DAYS = 90  # mistakes older than this are not brought back


def leitner_box(answers: Sequence[bool]) -> int | None:
    """The box an item is in after these answers (oldest first), or None if it was never got wrong."""
    box = None
    for correct in answers:
        if not correct:
            box = 1
        elif box is not None:
            box = min(box + 1, LEITNER_LEARNT)
    return box


def leitner_due(box: int | None, last_answered: datetime, now: datetime) -> bool:
    """Whether an item in this box, last answered then, should be practised now."""
    return box is not None and box < LEITNER_LEARNT and last_answered + LEITNER_WAIT[box] <= now


REBUTTAL_MAX = 400  # characters
REBUTTAL_POINTS, REBUTTAL_STAR = 10, 5  # an approved rebuttal: 10 points, and 5 more a star (up to 3)


def rebuttal_points(approved: bool, stars: int) -> int:
    return REBUTTAL_POINTS + REBUTTAL_STAR * max(0, min(stars, 3)) if approved else 0


TIMELINE_MIN, TIMELINE_MAX = 4, 6  # events in a round
POINTS_PER_PAIR = 2  # "Put the story in order": each pair of events in the right order


def pairs_in_order(placed: Sequence[int], right: Sequence[int]) -> tuple[int, int]:
    """Partial credit for an order: how many pairs of cards are the right way round, of how many.
    `placed[i]` and `right[i]` are card i's place as given and as it should be."""
    n = len(placed)
    total = n * (n - 1) // 2
    good = sum(1 for i in range(n) for j in range(i + 1, n)
               if (placed[i] < placed[j]) == (right[i] < right[j]))
    return good, total


def ordinal(place: int) -> str:
    """1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st: a place as a leaderboard says it."""
    suffix = "th" if 10 <= place % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(place % 10, "th")
    return f"{place}{suffix}"


def counted(number: int, noun: str) -> str:
    """'1 quotation', '2 quotations', '0 quotations': a count as a message says it (nouns with -s)."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def points_for_answer(correct: bool, streak_before: int) -> tuple[int, int]:
    """(points, streak after) for one answer; `streak_before` is right answers in a row so far."""
    if not correct:
        return 0, 0
    streak = streak_before + 1
    bonus = min(STREAK_STEP * (streak - 1), STREAK_CAP)
    return POINTS_RIGHT + bonus, streak


def points_for_sort(right_cards: int, total_cards: int) -> int:
    """Partial credit: points per card placed right, and a bonus for a perfect round."""
    points = POINTS_PER_CARD * right_cards
    if total_cards and right_cards == total_cards:
        points += ALL_SORTED_BONUS
    return points


@dataclass(frozen=True)
class Person:
    """What the rules need to know about a speaker to pick plausible wrong options."""

    id: int
    side_id: int | None
    has_role: bool


def distractors_choose(right: Person, pinned: Sequence[int], others: Sequence[Person], rng: random.Random,
                       count: int = OPTIONS - 1) -> list[int]:
    """Wrong options for a quote: a teacher's pins first, then people from the other side,
    then anyone with a role, then anyone; never the right speaker, never twice."""
    chosen = [pid for pid in dict.fromkeys(pinned) if pid != right.id][:count]
    pool = [p for p in others if p.id != right.id and p.id not in chosen]
    rng.shuffle(pool)

    def rank(person: Person) -> int:
        other_side = person.side_id is not None and person.side_id != right.side_id
        return (0 if other_side else 2) + (0 if person.has_role else 1)

    for person in sorted(pool, key=rank):
        if len(chosen) == count:
            break
        chosen.append(person.id)
    return chosen


def options_order(right_id: int, wrong_ids: Sequence[int], rng: random.Random) -> list[int]:
    """The options in the order shown, shuffled so the position gives nothing away."""
    options = [right_id, *wrong_ids]
    rng.shuffle(options)
    return options


def deal(items: Sequence[T], count: int, rng: random.Random) -> list[T]:
    """Up to `count` items, in a random order."""
    items = list(items)
    rng.shuffle(items)
    return items[:count]


def deal_mixed(quotes: Sequence[T], questions: Sequence[T], count: int, rng: random.Random) -> list[T]:
    """A "Who said it?" round with a teacher question after every few quotes, if any exist."""
    quotes, questions = deal(quotes, count, rng), deal(questions, count, rng)
    mixed: list[T] = []
    while len(mixed) < count and (quotes or questions):
        if questions and (len(mixed) + 1) % (QUIZ_MIX_EVERY + 1) == 0 or not quotes:
            mixed.append(questions.pop())
        else:
            mixed.append(quotes.pop())
    return mixed


def deal_sort(cards_by_side: dict[int, Sequence[T]], rng: random.Random) -> list[T]:
    """6-8 argument cards mixed across the sides, at least two from each side; [] if too few."""
    sides = [side for side, cards in cards_by_side.items() if cards]
    if len(sides) < 2 or any(len(cards_by_side[side]) < SORT_MIN_PER_SIDE for side in sides):
        return []
    total = sum(len(cards) for cards in cards_by_side.values())
    if total < SORT_CARDS_MIN:
        return []
    target = min(total, rng.randint(SORT_CARDS_MIN, SORT_CARDS_MAX))
    shuffled = {side: deal(cards, len(cards), rng) for side, cards in cards_by_side.items() if cards}
    hand: list[T] = []
    for side in sides:  # the minimum from each side first
        hand += [shuffled[side].pop() for _ in range(SORT_MIN_PER_SIDE)]
    rest = [card for cards in shuffled.values() for card in cards]
    rng.shuffle(rest)
    hand += rest[: target - len(hand)]
    rng.shuffle(hand)
    return hand


# Live games, scored as Kahoot publishes it: a right answer earns round(P x (1 - (t/T)/2)), all P
# under half a second; accuracy-only scoring gives P for every right answer.
LIVE_POINTS = 1000
LIVE_FULL_POINTS_MS = 500
LIVE_STREAK_STEP, LIVE_STREAK_CAP = 100, 500  # +100 a step from the second right answer in a row, up to +500
LIVE_READING_SECONDS = 5  # the question shows before the answers open
LIVE_GRACE_MS = 750  # network grace after the deadline
# When time is up, screens ask for their state (which closes the question): the projector just after
# the grace, the phones a little later and spread out (only needed when the projector tab is gone).
LIVE_HOST_ASKS_AFTER_MS = LIVE_GRACE_MS + 150
LIVE_PHONE_ASKS_AFTER_MS = LIVE_GRACE_MS + 1500
LIVE_SECONDS_CHOICES = (10, 20, 30, 60, 0)  # 0: untimed


def live_points(*, correct: bool, elapsed_ms: int, limit_ms: int, speed: bool, streak: int, streak_bonus: bool) -> int:
    """Points for one live answer; `streak` counts right answers in a row, this one included."""
    if not correct:
        return 0
    points = LIVE_POINTS
    if speed and limit_ms and elapsed_ms > LIVE_FULL_POINTS_MS:
        points = round(LIVE_POINTS * (1 - (min(elapsed_ms, limit_ms) / limit_ms) / 2))
    if streak_bonus and streak >= 2:
        points += min(LIVE_STREAK_STEP * (streak - 1), LIVE_STREAK_CAP)
    return points


def live_answer_window(*, now: datetime, opens_at: datetime | None, deadline: datetime | None) -> str:
    """"reading" before answers open, "open", or "closed" once the deadline and its grace have passed."""
    if opens_at is None or now < opens_at:
        return "reading"
    if deadline is not None and now > deadline + timedelta(milliseconds=LIVE_GRACE_MS):
        return "closed"
    return "open"


def week_start(now: datetime) -> datetime:
    """Monday 00:00 of the week containing `now` (in now's time zone): "this week" boards."""
    monday = now - timedelta(days=now.weekday())
    return monday.replace(hour=0, minute=0, second=0, microsecond=0)


def rules_summary() -> list[str]:
    """The rules in sentences, for the help page."""
    return [
        f"A right answer in “Who said it?” or a quiz scores {POINTS_RIGHT} points.",
        f"Each right answer in a row after the first adds {STREAK_STEP} more, up to {STREAK_CAP} extra "
        f"(so a long streak scores {POINTS_RIGHT + STREAK_CAP} a question). A wrong answer ends the streak.",
        f"In “Sort the arguments” each card under the right side scores {POINTS_PER_CARD}; "
        f"all cards right adds {ALL_SORTED_BONUS}.",
        f"A round has {ROUND_QUESTIONS} questions, or {SORT_CARDS_MIN}–{SORT_CARDS_MAX} cards for sorting, "
        f"with at least {SORT_MIN_PER_SIDE} from each side.",
        f"Each quote shows {OPTIONS} speakers. Wrong options are ones a teacher pinned, then people from the other side.",
        "In “What kind of evidence?” you say what an argument or a quotation rests on: "
        + "; ".join(f"{label.lower()} ({why[0].lower() + why[1:-1]})" for _, label, why in REASON_TYPES)
        + f". A right answer scores {POINTS_RIGHT} points, with the same streak bonus; only kinds a teacher "
        "confirmed are asked, and the answer shows the paragraph it comes from.",
        "In “Whose words?” you say whether a sentence of an article is a direct quotation (a speaker's own words "
        "in quotation marks), reported speech (what someone said, in the journalist's words) or the journalist's "
        f"own words. A right answer scores {POINTS_RIGHT} points, with the same streak bonus; the answer shows the "
        "sentence in its paragraph.",
        f"In “Answer the other side” you write a rebuttal of up to {REBUTTAL_MAX} characters to a card of the "
        f"other side. Your teacher reads it: approved, it scores {REBUTTAL_POINTS} points and {REBUTTAL_STAR} more "
        "for each star (up to three), and their comment shows on My scores.",
        f"In “Put the story in order” you order {TIMELINE_MIN} to {TIMELINE_MAX} dated events: each pair of "
        f"events the right way round scores {POINTS_PER_PAIR} points, and the answer shows the right order with "
        "dates and sources, and how each source dates its event.",
        f"In “Spot the misquote” you see {MISQUOTE_VERSIONS + 1} versions of a quotation: the speaker's real words "
        f"and {MISQUOTE_VERSIONS} misquotes a teacher checked, each with one small change ("
        + "; ".join(name[0].lower() + name[1:] for slug, name in MISQUOTE_KINDS.items() if slug != "teacher")
        + f"). Finding the real words scores {POINTS_RIGHT} points, with the same streak bonus, and then asks a "
        f"harder question: which word of a misquote was changed? A changed word scores like any question. The "
        "answer shows the real words in their paragraph and marks what each misquote changed. Homework that keeps "
        "its answers hidden asks no harder question, and nor does a live game: there the real words are the "
        "question, scored for speed like any live question, and the projector marks the changes with the answer.",
        "“Practise my mix-ups” asks again what you got wrong, as it was first asked: a mistake comes back at once, "
        "then after a day, then after three days; right three times in a row and it is learnt. A wrong answer "
        f"starts it again (a wrong “What was changed?” brings back the misquote it followed). Mistakes older than "
        f"{PRACTICE_DAYS} days are let go.",
        "Every question is answered once. Points are decided by the server, and only published content is played.",
    ]


def who_said_shortfall(*, quotes: int, people: int) -> str | None:
    """What a debate lacks for "Who said it?" (None when a round can be dealt)."""
    if quotes < 1:
        return "Who said it? needs at least one published quotation with its speaker."
    if people < 2:
        return "Who said it? needs at least two people in the debate, so there is a wrong answer to choose."
    return None


def sort_shortfall(cards_by_side: dict[str, int]) -> str | None:
    """What a debate lacks for "Sort the arguments" (None when a hand can be dealt), naming each side."""
    short = [f"{name} has {count}" for name, count in cards_by_side.items() if count < SORT_MIN_PER_SIDE]
    if len(cards_by_side) < 2:
        return "Sort the arguments needs two sides."
    total = sum(cards_by_side.values())
    if short or total < SORT_CARDS_MIN:
        detail = "; ".join(short) if short else f"there are {total}"
        return (f"Sort the arguments needs at least {SORT_MIN_PER_SIDE} published cards for each side and "
                f"{SORT_CARDS_MIN} in all ({detail}).")
    return None
