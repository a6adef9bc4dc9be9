"""Teachers' reports on a class: reads only, a fixed number of queries however big the class.

Only rounds played for the class's own homework are reported: a student's free practice, and
their work for another teacher's class, stay theirs.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Avg, Count, Min, Q, Sum

from game import rules
from game.models import Assignment, Classroom, Membership, Mode, Rebuttal, Round, RoundItem

INDICATIVE_BELOW = 30  # students: fewer, and the item figures are only indicative
VERY_EASY, VERY_HARD, DISCRIMINATES = 0.9, 0.2, 0.15


# --- the class overview: students x homework --------------------------------------------------

@dataclass
class Cell:
    status: str  # done, late, started, missing, to_do, not_open
    points: int | None = None
    attempts: int = 0

    @property
    def label(self) -> str:
        return {"done": "Done", "late": "Done late", "started": "Started", "missing": "Missing",
                "to_do": "Not started", "not_open": "Not open yet"}[self.status]


@dataclass
class StudentRow:
    membership: Membership
    cells: list[Cell]

    @property
    def total(self) -> int:
        return sum(cell.points or 0 for cell in self.cells)

    @property
    def missing(self) -> int:
        return sum(1 for cell in self.cells if cell.status == "missing")


def cell_status(assignment: Assignment, rounds: list[dict], now: datetime) -> Cell:
    """One student's state for one piece of homework, read from their rounds' timestamps."""
    finished = [r for r in rounds if r["finished_at"]]
    if finished:
        on_time = [r for r in finished if r["finished_at"] <= assignment.due_at]
        best = max(r["points"] or 0 for r in finished)
        return Cell("done" if on_time else "late", best, len(rounds))
    if rounds:
        return Cell("started", None, len(rounds))
    if now < assignment.opens_at:
        return Cell("not_open")
    return Cell("missing" if now > assignment.due_at else "to_do")


def class_overview(classroom: Classroom, *, now: datetime, sort: str = "name") -> tuple[list[Assignment], list[StudentRow]]:
    memberships = list(classroom.memberships.select_related("student"))
    assignments = list(classroom.assignments.select_related("debate"))
    played: dict[tuple[int, int], list[dict]] = defaultdict(list)
    rounds = (Round.objects.filter(assignment__classroom=classroom)
              .values("assignment_id", "player_id", "finished_at").annotate(points=Sum("items__points")))
    for row in rounds:
        played[(row["player_id"], row["assignment_id"])].append(row)
    rows = [
        StudentRow(m, [cell_status(a, played.get((m.student_id, a.pk), []), now) for a in assignments])
        for m in memberships
    ]
    if sort == "total":
        rows.sort(key=lambda row: (-row.total, row.membership.display_name))
    elif sort == "missing":
        rows.sort(key=lambda row: (-row.missing, row.membership.display_name))
    elif sort.startswith("a") and sort[1:].isdigit():
        at = next((i for i, a in enumerate(assignments) if a.pk == int(sort[1:])), None)
        if at is not None:
            rows.sort(key=lambda row: (-(row.cells[at].points or -1), row.membership.display_name))
    return assignments, rows


# --- item analysis, as Moodle computes it -----------------------------------------------------

@dataclass(frozen=True)
class Response:
    """One student's first answer to one item."""

    student: int
    item: tuple  # (kind, content id): the same quote, question or argument across rounds
    asked: str
    correct: bool
    answer_label: str
    kind: str = ""  # the item's kind: "misquote" and "mq_change" are told apart on the page
    shown: tuple = ()  # Spot the misquote: the kinds of change of the three misquotes shown
    chosen: str = ""  # Spot the misquote, a wrong answer: the kind of change of the misquote chosen


@dataclass
class ItemStat:
    item: tuple
    asked: str
    attempts: int
    facility: float  # share right
    discrimination: float | None  # Pearson r of item and rest-of-test; None when undefined
    common_wrong: str | None
    common_wrong_times: int = 0
    flags: list[str] = field(default_factory=list)
    kind: str = ""

    @property
    def indicative(self) -> bool:
        return self.attempts < INDICATIVE_BELOW

    @property
    def mode_label(self) -> str:
        """Said before the words asked, where the words alone could be another mode's question."""
        return {"misquote": "Spot the misquote", "mq_change": "What was changed?"}.get(self.kind, "")


def pearson(xs: list[float], ys: list[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    cov = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys))
    var_x = sum((x - mean_x) ** 2 for x in xs)
    var_y = sum((y - mean_y) ** 2 for y in ys)
    if var_x == 0 or var_y == 0:
        return None
    return cov / math.sqrt(var_x * var_y)


def item_statistics(responses: list[Response]) -> list[ItemStat]:
    """Facility and discrimination for each item.

    Facility is the share of students right. Discrimination is the correlation between a
    student's mark on the item and their mark on the rest of what they answered (the share right
    of their other items), over the students who answered it.
    """
    by_student: dict[int, list[Response]] = defaultdict(list)
    for response in responses:
        by_student[response.student].append(response)
    totals = {student: (sum(r.correct for r in rs), len(rs)) for student, rs in by_student.items()}
    by_item: dict[tuple, list[Response]] = defaultdict(list)
    for response in responses:
        by_item[response.item].append(response)
    stats = []
    for item, answers in by_item.items():
        marks, rests = [], []
        for r in answers:
            right, count = totals[r.student]
            if count > 1:
                marks.append(float(r.correct))
                rests.append((right - r.correct) / (count - 1))
        facility = sum(r.correct for r in answers) / len(answers)
        wrong = Counter(r.answer_label for r in answers if not r.correct and r.answer_label)
        common, times = wrong.most_common(1)[0] if wrong else (None, 0)
        stat = ItemStat(item, answers[0].asked, len(answers), facility, pearson(marks, rests), common, times,
                        kind=answers[0].kind)
        if facility >= VERY_EASY:
            stat.flags.append("very easy")
        if facility <= VERY_HARD:
            stat.flags.append("very hard")
        if stat.discrimination is not None and stat.discrimination < DISCRIMINATES:
            stat.flags.append("does not discriminate")
        stats.append(stat)
    return sorted(stats, key=lambda s: (s.facility, s.asked))


def _item_key(row: dict) -> tuple:
    if row.get("kind") == "misquote":  # a quotation's real words among three misquotes: not "Who said it?"
        return ("misquote", row["quote_id"])
    if row.get("kind") == "mq_change":  # "What was changed?" in one misquote: its own row, per misquote
        return ("mq_change", row.get("source__misquote__id") or row["quote_id"])
    if row.get("kind") == "reason" and row["quote_id"]:  # a quotation asked for its kind of evidence
        return ("reason_quote", row["quote_id"])
    if row["quote_id"]:
        return ("quote", row["quote_id"])
    if row["question_id"]:
        return ("question", row["question_id"])
    if row.get("sentence_id"):
        return ("sentence", row["sentence_id"])
    if row.get("event_id"):
        return ("event", row["event_id"])
    if row.get("kind") == "reason":  # the same card asked another way: its own item
        return ("reason", row["argument_id"])
    return ("argument", row["argument_id"])


def _first_responses(items) -> list[Response]:
    """Each student's first answer to each item, oldest first. One query (a misquote item's
    misquotes come with it, read out of its snapshot: null for every other kind)."""
    seen, responses = set(), []
    rows = items.filter(answered_at__isnull=False).exclude(kind="rebuttal").order_by("answered_at", "id").values(
        "round__player_id", "quote_id", "question_id", "argument_id", "sentence_id", "event_id", "kind", "asked",
        "correct", "answer", "answer_label", "source__misquotes", "source__misquote__id")
    for row in rows:
        key = (row["round__player_id"], _item_key(row))
        if key in seen:
            continue
        seen.add(key)
        responses.append(_response(row, key[1]))
    return responses


def _response(row: dict, item: tuple) -> Response:
    label, shown, chosen = row["answer_label"], (), ""
    if row["kind"] == "misquote":
        misquotes = row["source__misquotes"] or []
        shown = tuple(m["kind"] for m in misquotes)
        picked = next((m for m in misquotes if m["option"] == row["answer"]), None)
        if picked is not None and not row["correct"]:
            chosen = picked["kind"]
            label = f"{picked['kind_name']}: “{label}”"
    return Response(row["round__player_id"], item, row["asked"], bool(row["correct"]), label, kind=row["kind"],
                    shown=shown, chosen=chosen)


@dataclass(frozen=True)
class FooledBy:
    """Spot the misquote: one kind of change, and how often it fooled the class."""

    kind: str
    name: str
    chosen: int  # wrong answers that chose a misquote of this kind
    share: float  # of all the wrong answers that chose a misquote
    shown: int  # times a misquote of this kind was one of the four versions


def misquote_fooled(responses: list[Response]) -> list[FooledBy]:
    """Which change fooled the class most: for each kind of change shown, the share of the wrong
    answers (first answers, as the item analysis counts them) that chose a misquote of that kind,
    most fooling first. A kind shown but never chosen is listed at 0%."""
    asked = [r for r in responses if r.kind == "misquote"]
    shown = Counter(kind for r in asked for kind in r.shown)
    chosen = Counter(r.chosen for r in asked if r.chosen)
    wrong = sum(chosen.values())
    rows = [FooledBy(kind, rules.MISQUOTE_KINDS.get(kind, kind), chosen[kind], chosen[kind] / wrong if wrong else 0.0,
                     times) for kind, times in shown.items()]
    return sorted(rows, key=lambda row: (-row.chosen, -row.shown, row.name))


@dataclass(frozen=True)
class ItemReport:
    """The item analysis page: every item, the rebuttals per card, and which change fooled the class."""

    stats: list[ItemStat]
    fooled: list[FooledBy]


def item_report(items) -> ItemReport:
    """One query for the answers, however many students and items."""
    responses = _first_responses(items)
    return ItemReport(item_statistics(responses), misquote_fooled(responses))


@dataclass(frozen=True)
class RebuttalStat:
    """Answer the other side, per card: a written answer has no right or wrong to give a facility,
    so item analysis counts what the teacher made of them."""

    claim: str
    written: int
    approved: int
    not_approved: int
    waiting: int
    mean_stars: float | None  # over the approved ones


def rebuttal_statistics(items) -> list[RebuttalStat]:
    """One query: the rebuttals written in these round items, per card, most written first."""
    approved = Q(status=Rebuttal.Status.APPROVED)
    rows = (Rebuttal.objects.filter(item__in=items.filter(kind="rebuttal")).values("argument_id", "argument__claim")
            .annotate(written=Count("pk"), approved=Count("pk", filter=approved),
                      not_approved=Count("pk", filter=Q(status=Rebuttal.Status.NOT_APPROVED)),
                      waiting=Count("pk", filter=Q(status=Rebuttal.Status.WAITING)),
                      mean_stars=Avg("stars", filter=approved))
            .order_by("-written", "argument__claim"))
    return [RebuttalStat(row["argument__claim"], row["written"], row["approved"], row["not_approved"], row["waiting"],
                         row["mean_stars"]) for row in rows]


def _assignment_items(assignment: Assignment):
    members = Membership.objects.filter(classroom_id=assignment.classroom_id).values("student_id")
    return RoundItem.objects.filter(round__assignment=assignment, round__player__in=members)


def _debate_items(classroom: Classroom, debate_id: int):
    members = Membership.objects.filter(classroom=classroom).values("student_id")
    return RoundItem.objects.filter(round__assignment__classroom=classroom, round__debate_id=debate_id,
                                    round__player__in=members)


def assignment_rebuttals(assignment: Assignment) -> list[RebuttalStat]:
    return rebuttal_statistics(_assignment_items(assignment))


def debate_rebuttals(classroom: Classroom, debate_id: int) -> list[RebuttalStat]:
    return rebuttal_statistics(_debate_items(classroom, debate_id))


def assignment_item_analysis(assignment: Assignment) -> list[ItemStat]:
    return item_statistics(_first_responses(_assignment_items(assignment)))


def debate_item_analysis(classroom: Classroom, debate_id: int) -> list[ItemStat]:
    return item_statistics(_first_responses(_debate_items(classroom, debate_id)))


def assignment_item_report(assignment: Assignment) -> ItemReport:
    return item_report(_assignment_items(assignment))


def debate_item_report(classroom: Classroom, debate_id: int) -> ItemReport:
    return item_report(_debate_items(classroom, debate_id))


# --- confusions, the leaderboard, one student -------------------------------------------------

MISQUOTE_KINDS = ("misquote", "mq_change")  # round items of Spot the misquote

@dataclass
class Confusion:
    kind: str  # speaker, side or evidence
    right: str
    chosen: str
    times: int
    source: dict  # the passage of one of the items, for the teacher to open


def class_confusions(classroom: Classroom, limit: int = 10) -> list[Confusion]:
    wrong = (RoundItem.objects.filter(round__assignment__classroom=classroom, correct=False).exclude(answer_label="")
             .exclude(kind__in=MISQUOTE_KINDS))  # misquotes are not mixed-up speakers: see misquote_fooled
    rows = list(
        wrong.filter(Q(quote__isnull=False) | Q(argument__isnull=False))
        .values("right_label", "answer_label", "argument_id", "kind")
        .annotate(times=Count("id"), sample=Min("id"))
        .order_by("-times", "right_label")[: limit * 2]
    )
    merged: dict[tuple, dict] = {}
    for row in rows:  # argument ids vary: fold them into one "side" row per pair of labels
        kind = "evidence" if row["kind"] == "reason" else "side" if row["argument_id"] else "speaker"
        # (a quotation asked for its kind is "evidence" too: its kind is checked first)
        key = (kind, row["right_label"], row["answer_label"])
        entry = merged.setdefault(key, {"times": 0, "sample": row["sample"]})
        entry["times"] += row["times"]
    samples = dict(RoundItem.objects.filter(pk__in=[e["sample"] for e in merged.values()]).values_list("pk", "source"))
    found = [Confusion(kind, right, chosen, e["times"], samples.get(e["sample"], {}))
             for (kind, right, chosen), e in merged.items()]
    return sorted(found, key=lambda c: (-c.times, c.right))[:limit]


def class_leaderboard(classroom: Classroom, *, since: datetime | None = None) -> list[dict]:
    """Homework points per student, by display name only (classmates never see usernames)."""
    items = RoundItem.objects.filter(round__assignment__classroom=classroom, answered_at__isnull=False)
    if since is not None:
        items = items.filter(answered_at__gte=since)
    points = dict(items.values_list("round__player_id").annotate(total=Sum("points")).values_list("round__player_id", "total"))
    rows = [{"name": m.display_name, "points": points.get(m.student_id, 0)}
            for m in classroom.memberships.only("display_name", "student_id")]
    rows.sort(key=lambda row: (-row["points"], row["name"]))
    rank, previous = 0, None
    for position, row in enumerate(rows, start=1):
        if row["points"] != previous:
            rank, previous = position, row["points"]
        row["rank"] = rank
    return rows


def student_rounds(classroom: Classroom, student_id: int) -> list[Round]:
    """A student's homework rounds for this class, newest first, with points and accuracy."""
    rounds = list(
        Round.objects.filter(assignment__classroom=classroom, player_id=student_id).select_related("assignment")
        .annotate(points=Sum("items__points"), answered=Count("items", filter=Q(items__answered_at__isnull=False)),
                  right=Count("items", filter=Q(items__correct=True)))
        .order_by("-created_at")
    )
    return rounds


def student_accuracy(classroom: Classroom, student_id: int) -> list[dict]:
    rows = (RoundItem.objects.filter(round__assignment__classroom=classroom, round__player_id=student_id,
                                     answered_at__isnull=False)
            .values("round__mode").annotate(answered=Count("id"), right=Count("id", filter=Q(correct=True))))
    found = {row["round__mode"]: row for row in rows}
    return [{"label": label, "answered": found.get(mode, {}).get("answered", 0),
             "right": found.get(mode, {}).get("right", 0)} for mode, label in Mode.choices]


def student_confusions(classroom: Classroom, student_id: int, limit: int = 5) -> list[dict]:
    return list(
        RoundItem.objects.filter(round__assignment__classroom=classroom, round__player_id=student_id, correct=False)
        .exclude(answer_label="").exclude(kind__in=MISQUOTE_KINDS).values("right_label", "answer_label").annotate(times=Count("id"))
        .order_by("-times", "right_label")[:limit]
    )


# --- the CSV export ---------------------------------------------------------------------------

CSV_HEADER = ["student", "username", "homework", "attempt", "question", "asked", "answer given", "right answer",
              "correct", "points", "answered at", "late", "game", "change chosen"]
MODE_NAMES = dict(Mode.choices)


def change_chosen(item: RoundItem) -> str:
    """Spot the misquote, a wrong answer: the kind of change of the misquote chosen ("" otherwise)."""
    if item.kind != "misquote" or item.correct or item.answer is None:
        return ""
    picked = next((m for m in item.source.get("misquotes", []) if m.get("option") == item.answer), None)
    return picked["kind_name"] if picked else ""


def spreadsheet_safe(value) -> str:
    """A cell that a spreadsheet will not run as a formula (=, +, -, @ at the start)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def class_results_rows(classroom: Classroom):
    """One row per student and question answered for the class's homework, safe for spreadsheets."""
    names = dict(classroom.memberships.values_list("student_id", "display_name"))
    items = (RoundItem.objects.filter(round__assignment__classroom=classroom, answered_at__isnull=False,
                                      round__player_id__in=list(names))
             .select_related("round__assignment", "round__player").order_by("round__player_id", "round__created_at",
                                                                            "position"))
    attempt_of: dict = {}
    for item in items.iterator(chunk_size=2000):
        round_ = item.round
        key = (round_.player_id, round_.assignment_id)
        attempts = attempt_of.setdefault(key, [])
        if round_.pk not in attempts:
            attempts.append(round_.pk)
        late = bool(item.answered_at > round_.assignment.due_at)
        yield [spreadsheet_safe(v) for v in (
            names.get(round_.player_id, ""), round_.player.username, round_.assignment.title,
            attempts.index(round_.pk) + 1, item.position + 1, item.asked, item.answer_label, item.right_label,
            "yes" if item.correct else "no", item.points, item.answered_at.isoformat(timespec="seconds"),
            "yes" if late else "no", MODE_NAMES.get(round_.mode, round_.mode), change_chosen(item),
        )]


# --- a student's own homework -----------------------------------------------------------------

@dataclass
class Homework:
    assignment: Assignment
    cell: Cell
    attempts_left: int

    @property
    def can_start(self) -> bool:
        return self.cell.status in ("to_do", "missing", "started") or (
            self.attempts_left > 0 and self.cell.status in ("done", "late"))


def student_homework(student, *, now: datetime) -> tuple[list[Membership], list[Homework]]:
    """The student's classes and their open homework, soonest due first (three queries)."""
    memberships = list(Membership.objects.filter(student=student).select_related("classroom"))
    assignments = list(Assignment.objects.filter(classroom__memberships__student=student, opens_at__lte=now)
                       .select_related("classroom", "debate").order_by("due_at"))
    played: dict[int, list[dict]] = defaultdict(list)
    for row in (Round.objects.filter(player=student, assignment__in=assignments)
                .values("assignment_id", "finished_at").annotate(points=Sum("items__points"))):
        played[row["assignment_id"]].append(row)
    homework = []
    for assignment in assignments:
        rounds = played.get(assignment.pk, [])
        homework.append(Homework(assignment, cell_status(assignment, rounds, now), max(0, assignment.attempts - len(rounds))))
    return memberships, homework
