"""Teams in a live game, as plain rules: who goes where, and how teams are ranked.

A team's score is its members' mean, so a team of 4 and a team of 5 play fairly. Ranks are
shared on equal scores (1, 2, 2, 4), as the players' board shares them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from game.rules import ordinal

SIDES = ("Proposition", "Opposition")
MIN_TEAMS, MAX_TEAMS = 2, 6


@dataclass(frozen=True)
class TeamStanding:
    team_id: int
    name: str
    members: int
    mean: int  # the members' mean points, rounded
    rank: int
    position: int = 0  # the host's order

    @property
    def place(self) -> str:
        return ordinal(self.rank)


def team_names(kind: str, names: str = "") -> list[str]:
    """The teams a host asked for: the two sides of the motion, or 2 to 6 names, one a line."""
    if kind == "sides":
        return list(SIDES)
    if kind != "named":
        return []
    chosen = []
    for name in names.splitlines():
        name = " ".join(name.split())[:30]
        if name and name.casefold() not in {c.casefold() for c in chosen}:
            chosen.append(name)
    if not MIN_TEAMS <= len(chosen) <= MAX_TEAMS:
        raise ValueError(f"Name {MIN_TEAMS} to {MAX_TEAMS} different teams, one a line.")
    return chosen


def team_for_joiner(sizes: Mapping[int, int], order: Sequence[int]) -> int:
    """The team a new player goes into: the smallest, the first of the smallest on a tie."""
    return min(order, key=lambda team: (sizes.get(team, 0), order.index(team)))


def class_plan(students: Sequence[int], teams: Sequence[int]) -> dict[int, int]:
    """Teams from the class list: students (in the list's order) dealt round the teams in turn."""
    return {student: teams[n % len(teams)] for n, student in enumerate(students)}


def team_standings(points: Iterable[tuple[int | None, int]], teams: Sequence[tuple[int, str]]) -> list[TeamStanding]:
    """(team, points) for each seated player -> the teams ranked by their mean points. A team with
    nobody in it scores 0."""
    totals: dict[int, list[int]] = {team_id: [] for team_id, _ in teams}
    for team_id, player_points in points:
        if team_id in totals:
            totals[team_id].append(player_points)
    rows = [(team_id, name, len(totals[team_id]),
             round(sum(totals[team_id]) / len(totals[team_id])) if totals[team_id] else 0, order)
            for order, (team_id, name) in enumerate(teams)]
    ordered = sorted(rows, key=lambda row: -row[3])  # stable: equal teams keep the host's order
    standings, rank, previous = [], 0, None
    for place, (team_id, name, members, mean, order) in enumerate(ordered, start=1):
        if mean != previous:
            rank, previous = place, mean
        standings.append(TeamStanding(team_id, name, members, mean, rank, order))
    return standings
