"""Reading scores: a player's summary and history, and the leaderboards. Queries only here.

Each function costs a fixed number of queries however many rounds, quotes or players exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.models import User
from django.db.models import Case, Count, F, Max, Q, Sum, Value, When
from django.db.models.functions import TruncDate
from django.utils import timezone

from game.models import Debate, Mode, Round, RoundItem


def answers_hidden(now: datetime | None = None) -> Q:
    """Homework whose answers are not shown yet: its points would tell right from wrong, so it
    stays out of scores, mix-ups and leaderboards until the teacher's setting shows them."""
    return Q(round__assignment__answers_shown="never") | Q(
        round__assignment__answers_shown="after_due", round__assignment__due_at__gt=now or timezone.now())


def _items(**filters):
    return RoundItem.objects.filter(**filters).exclude(answers_hidden())


@dataclass
class ModeAccuracy:
    mode: str
    label: str
    answered: int
    right: int

    @property
    def percent(self) -> int:
        return round(100 * self.right / self.answered) if self.answered else 0


@dataclass
class PlayerSummary:
    points: int
    rounds: int
    best_streak: int
    accuracy: list[ModeAccuracy]
    last_round: Round | None


def player_summary(player: User) -> PlayerSummary:
    answered = _items(round__player=player, answered_at__isnull=False)
    totals = answered.aggregate(points=Sum("points"), best=Max("streak"))
    by_mode = {
        row["round__mode"]: row
        for row in answered.values("round__mode").annotate(answered=Count("id"), right=Count("id", filter=Q(correct=True)))
    }
    accuracy = [
        ModeAccuracy(mode, label, by_mode.get(mode, {}).get("answered", 0), by_mode.get(mode, {}).get("right", 0))
        for mode, label in Mode.choices
    ]
    rounds = Round.objects.filter(player=player)
    return PlayerSummary(
        points=totals["points"] or 0,
        rounds=rounds.count(),
        best_streak=totals["best"] or 0,
        accuracy=accuracy,
        last_round=rounds.select_related("debate").first(),
    )


def recent_rounds(player: User, limit: int = 5) -> list[Round]:
    """The player's latest rounds with their answers (three queries whatever the number)."""
    rounds = list(Round.objects.filter(player=player).select_related("debate", "assignment")[:limit])
    items = RoundItem.objects.filter(round__in=rounds).order_by("position")
    by_round: dict = {}
    for item in items:
        by_round.setdefault(item.round_id, []).append(item)
    hidden = {r.pk for r in rounds if r.assignment_id and not r.assignment.answers_visible(timezone.now())}
    for round_ in rounds:
        round_.answers_hidden = round_.pk in hidden
        round_.answered_items = [] if round_.answers_hidden else [i for i in by_round.get(round_.pk, []) if i.answered_at]
        round_.points = sum(i.points for i in round_.answered_items)
    return rounds


def mix_ups(player: User, limit: int = 5) -> list[dict]:
    """What this player confuses most, as it was played, in one query: speakers (a quotation given
    to the wrong person), sides (an argument given to the wrong side) and kinds of evidence."""
    group = Case(When(kind="reason", then=Value("evidence")), When(kind="argument", then=Value("side")),
                 default=Value("speaker"))
    rows = (
        _items(round__player=player, correct=False)
        .filter(Q(quote__isnull=False) | Q(kind__in=["argument", "reason"]))
        .annotate(group=group)
        .values("group", right=F("right_label"), chosen=F("answer_label"))
        .annotate(times=Count("id"))
        .order_by("-times", "right")[:limit]
    )
    return [{"kind": row["group"], "right": row["right"], "chosen": row["chosen"], "times": row["times"]}
            for row in rows]


def points_by_day(player: User, *, today: date, days: int = 30) -> list[tuple[date, int]]:
    """Points per day over the last `days` days, zero-filled, oldest first."""
    first = today - timedelta(days=days - 1)
    rows = (
        _items(round__player=player, answered_at__date__gte=first)
        .annotate(day=TruncDate("answered_at"))
        .values("day")
        .annotate(points=Sum("points"))
    )
    found = {row["day"]: row["points"] for row in rows}
    return [(first + timedelta(days=n), found.get(first + timedelta(days=n), 0)) for n in range(days)]


@dataclass
class Board:
    rows: list[dict]  # rank, username, points, is_me
    me: dict | None  # the viewer's own row when they are not in the top rows


def leaderboard(debate: Debate, *, since: datetime | None = None, viewer: User | None = None, limit: int = 10) -> Board:
    """Top players of a debate by points (all time, or since a moment), with the viewer's rank."""
    items = _items(round__debate=debate, round__player__isnull=False, answered_at__isnull=False)
    if since is not None:
        items = items.filter(answered_at__gte=since)
    totals = items.values("round__player", "round__player__username").annotate(points=Sum("points"))
    top = list(totals.order_by("-points", "round__player__username")[:limit])
    rows = []
    for position, row in enumerate(top, start=1):
        rows.append({
            "rank": position, "username": row["round__player__username"], "points": row["points"],
            "is_me": viewer is not None and row["round__player"] == viewer.pk,
        })
    me = None
    if viewer is not None and viewer.is_authenticated and not any(row["is_me"] for row in rows):
        mine = items.filter(round__player=viewer).aggregate(points=Sum("points"))["points"]
        if mine is not None:
            ahead = totals.filter(points__gt=mine).count()
            me = {"rank": ahead + 1, "username": viewer.username, "points": mine, "is_me": True}
    return Board(rows=rows, me=me)
