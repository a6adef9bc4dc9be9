"""The read side of a live game: what the projector or a phone shows, and the question on screen.

Below both the service that moves games (game/services/live.py) and the push that renders the
phones' screens (push.py): it reads, and never moves a game or announces anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection
from django.db.models import Count

from game import rules
from game.live.board import Board, Standing, board
from game.live.memo import remembered
from game.models import LiveAnswer, LiveGame, LivePlayer, LiveQuestion

Phase = LiveGame.Phase


def answers_count(game: LiveGame, question: LiveQuestion) -> dict:
    """The game's version, its seated players and their answers to this question, in one query.

    Plain SQL: it runs on every answer, and building it with the ORM cost three times the query.
    """
    sql = (f"SELECT g.version, (SELECT count(*) FROM {LivePlayer._meta.db_table} p WHERE p.game_id = g.id "
           f"AND NOT p.kicked), (SELECT count(*) FROM {LiveAnswer._meta.db_table} a JOIN {LivePlayer._meta.db_table} "
           f"p ON p.id = a.player_id WHERE a.question_id = %s AND NOT p.kicked) "
           f"FROM {LiveGame._meta.db_table} g WHERE g.id = %s")
    with connection.cursor() as cursor:
        cursor.execute(sql, [question.pk, game.pk])
        version, seated, answered = cursor.fetchone()
    return {"version": version, "seated": seated, "answered": answered}


def steps(placed) -> list[tuple[int, list[str]]]:
    """(rank, name) in rank order -> the podium's steps: names sharing first, second, third."""
    grouped: dict[int, list[str]] = {}
    for rank, name in placed:
        if rank <= 3:
            grouped.setdefault(rank, []).append(name)
    return sorted(grouped.items())


def player_signature(version: int, window: str, answered: bool) -> str:
    """What a phone's screen shows, in short: the same for a pushed screen and a fetched one."""
    return f"{version}-{window}-{int(answered)}"


@dataclass
class LiveState:
    """What the projector or one phone shows. A phone's read costs the same few queries with 5
    players or 500: the board comes from the cache, and only the host's screen lists the players."""

    game: LiveGame
    board: Board
    question: LiveQuestion | None
    players: list[LivePlayer] = field(default_factory=list)  # the host's screen, in the lobby
    player_count: int = 0  # the host's screen
    answered: int = 0  # the host's screen only
    counts: list[tuple[int, str, int]] = field(default_factory=list)  # host, reveal: (option id, label, answers)
    mine: LiveAnswer | None = None
    me: Standing | None = None
    window: str = ""  # reading, open or closed, while a question is on

    @property
    def total(self) -> int:
        return self.board.total_questions

    @property
    def teams(self) -> list[tuple]:
        """The lobby's players by team: (team, its players), in the host's order of teams."""
        return [(team, [p for p in self.players if p.team_id == team.team_id]) for team in self.board.teams_in_order]

    @property
    def team_names(self) -> dict[int, str]:
        return {team.team_id: team.name for team in self.board.teams}

    @property
    def podium_steps(self) -> list[tuple[int, list[str]]]:
        return steps((s.rank, f"{s.nickname} · {s.points}") for s in self.board.standings)

    @property
    def team_podium_steps(self) -> list[tuple[int, list[str]]]:
        return steps((t.rank, f"{t.name} · {t.mean}") for t in self.board.teams)

    @property
    def my_team(self):
        """The phone's team on the board (name, rank, mean, members), or None without teams."""
        return self.board.team_of(self.me.team_id) if self.me is not None else None

    @property
    def standings(self) -> list[Standing]:
        return self.board.standings

    @property
    def podium(self) -> list[Standing]:
        return self.board.podium

    @property
    def player_signature(self) -> str:
        """Changes whenever a phone's screen should: a move, answers opening, its own answer."""
        window = self.window if self.game.phase == Phase.QUESTION else ""
        return player_signature(self.game.version, window, self.mine is not None)

    @property
    def signature(self) -> str:
        """Changes whenever the host's screen should: a move, an answer, a player joining or leaving."""
        return f"{self.game.version}-{self.window}-{self.answered}-{self.player_count}"

    @property
    def show_leaderboard(self) -> bool:
        return (self.game.phase == Phase.REVEAL and (self.game.question_index + 1) % self.game.leaderboard_every == 0)


def current_question(game: LiveGame) -> LiveQuestion | None:
    """The question on screen; questions never change once dealt, so each process reads it once."""
    return remembered(f"live-question:{game.pk}:{game.created_at.timestamp()}:{game.question_index}",
                      lambda: game.questions.filter(position=game.question_index).first())


def state_read(game: LiveGame, *, player: LivePlayer | None = None, now: datetime,
               mine: LiveAnswer | None = None) -> LiveState:
    """The projector's state (no `player`) or one phone's (`mine`: its answer, when just given).
    Reads only: closing a question whose time is up is the service's `game_tick`."""
    scores = board(game)
    question = None
    if game.phase in (Phase.QUESTION, Phase.REVEAL):
        question = current_question(game)
    window = rules.live_answer_window(now=now, opens_at=game.opens_at, deadline=game.deadline) if question else ""
    state = LiveState(game, scores, question, window=window)
    if player is not None:
        if mine is not None and mine.question_id == getattr(question, "pk", None):
            state.mine = mine
        elif question is not None:
            state.mine = LiveAnswer.objects.filter(question_id=question.pk, player=player).first()
        state.me = scores.of(player.pk, player.nickname, player.team_id)
        return state
    seated = game.players.filter(kicked=False)
    if game.phase == Phase.LOBBY:
        state.players = list(seated)  # names, with a button to remove each
    state.player_count = len(state.players) if game.phase == Phase.LOBBY else seated.count()
    if question is not None:
        chosen = dict(question.answers.filter(player__kicked=False).values_list("answer").annotate(n=Count("id"))
                      .values_list("answer", "n"))
        state.answered = sum(chosen.values())
        if game.phase == Phase.REVEAL:
            state.counts = [(pk, pair[0], chosen.get(pk, 0)) for pk, pair in zip(question.options, question.option_labels)]
    return state
