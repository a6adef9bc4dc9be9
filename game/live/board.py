"""A live game's leaderboard: the standings as of the last revealed question, and who moved up.

Only revealed questions count, so a phone's points and rank never hint whether its answer to the
open question was right. That makes the board a function of the game's version (every phase move
bumps it), so each worker process builds it once per move and every screen reads it from the
cache: a state read costs the same with 5 players or 500.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce

from game.live.memo import remembered
from game.live.teams import TeamStanding, team_standings
from game.models import LiveGame, LivePlayer

Phase = LiveGame.Phase
MOVERS = 3


@dataclass(frozen=True)
class Standing:
    player_id: int
    nickname: str
    points: int
    rank: int
    rise: int = 0  # places gained since the question before (0 when new or not moved up)
    team_id: int | None = None


@dataclass(frozen=True)
class Board:
    total_questions: int
    standings: list[Standing] = field(default_factory=list)
    movers: list[Standing] = field(default_factory=list)
    teams: list[TeamStanding] = field(default_factory=list)  # empty when the game has no teams

    def of(self, player_id: int, nickname: str = "", team_id: int | None = None) -> Standing:
        """A player's standing; one who joined after the board was built is last equal, with 0 points."""
        for standing in self.standings:
            if standing.player_id == player_id:
                return standing
        ahead = sum(1 for s in self.standings if s.points > 0)
        return Standing(player_id, nickname, 0, ahead + 1, team_id=team_id)

    @property
    def podium(self) -> list[Standing]:
        """Everyone placed first, second or third: equal points share a step."""
        return [s for s in self.standings if s.rank <= 3]

    @property
    def team_podium(self) -> list[TeamStanding]:
        return [t for t in self.teams if t.rank <= 3]

    @property
    def teams_in_order(self) -> list[TeamStanding]:
        """The teams in the host's order (the board ranks them)."""
        return sorted(self.teams, key=lambda t: t.position)

    def team_of(self, team_id: int | None) -> TeamStanding | None:
        return next((t for t in self.teams if t.team_id == team_id), None)


def revealed(game: LiveGame) -> int:
    """How many questions count on the board: those before the open one, or up to the one shown."""
    if game.phase == Phase.LOBBY:
        return 0
    if game.phase == Phase.QUESTION:
        return game.question_index
    return game.question_index + 1


def ranks(rows: list[tuple[int, str, int]]) -> list[tuple[int, str, int, int]]:
    """(player, nickname, points) in joining order -> ranked by points; equal points share a rank
    (1, 2, 2, 4) and keep their joining order."""
    ordered = sorted(rows, key=lambda row: -row[2])  # stable: ties stay in joining order
    ranked, rank, previous = [], 0, None
    for position, (player_id, nickname, points) in enumerate(ordered, start=1):
        if points != previous:
            rank, previous = position, points
        ranked.append((player_id, nickname, points, rank))
    return ranked


def board_build(game: LiveGame) -> Board:
    """Three queries: the question count, the teams, and every seated player's points now and one
    question ago."""
    total = game.questions.count()
    teams = list(game.teams.values_list("pk", "name"))  # in the host's order
    upto = revealed(game)
    rows = list(
        LivePlayer.objects.filter(game=game, kicked=False)
        .annotate(now=Coalesce(Sum("answers__points", filter=Q(answers__question__position__lt=upto)), 0),
                  before=Coalesce(Sum("answers__points", filter=Q(answers__question__position__lt=upto - 1)), 0))
        .order_by("joined_at", "pk").values_list("pk", "nickname", "now", "before", "team_id"))
    team_of = {pk: team for pk, _, _, _, team in rows}
    earlier = {player_id: rank for player_id, _, _, rank in ranks([(pk, name, before) for pk, name, _, before, _ in rows])}
    standings = [Standing(player_id, nickname, points, rank, max(0, earlier[player_id] - rank) if upto > 1 else 0,
                          team_of[player_id])
                 for player_id, nickname, points, rank in ranks([(pk, name, now) for pk, name, now, _, _ in rows])]
    movers = sorted((s for s in standings if s.rise > 0), key=lambda s: (-s.rise, s.rank))[:MOVERS]
    return Board(total, standings, movers, team_standings(((s.team_id, s.points) for s in standings), teams) if teams else [])


def board(game: LiveGame) -> Board:
    """The board for the game as it is now, built at most once per version in each process."""
    return remembered(f"live-board:{game.pk}:{game.pin}:{game.created_at.timestamp()}:{game.version}",
                      lambda: board_build(game))
