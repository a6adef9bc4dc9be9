"""Screens pushed inside the event stream, so that 500 phones fetch nothing at the moments they
would all fetch at once.

- A new question: every phone gets the same screen (the question and its options, no answer, no
  per-player details), rendered once by the process that made the move.
- The reveal, and the end of the game: the process that made the move reads every seated player's
  result once (their answer, points, streak and rank: one query beside the board) and publishes
  them as one compact message; each stream renders its own phone's screen from it, with no
  database. A stream knows its phone by a signed seat in its address (`seat_token`).

A notice on the bus is the game's version, then optionally the kind and body:
"<version>", "<version>\\nquestion\\n<html>" or "<version>\\nresults\\n<json>".
"""

from __future__ import annotations

import json

from django.core import signing
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape

from game import rules
from game.live.board import board
from game.live.memo import remembered
from game.live.state import LiveState, current_question, player_signature
from game.models import LiveAnswer, LiveGame
from game.rules import ordinal

Phase = LiveGame.Phase
SEAT_SALT = "hustings.live.seat"


def seat_token(pin: str, player_id: int) -> str:
    """The phone's seat, signed, for its stream's address: not a secret (the seat cookie is)."""
    return signing.Signer(salt=SEAT_SALT).sign(f"{pin}.{player_id}")


def seat_of(pin: str, token: str) -> int | None:
    """The player a stream serves, or None for a missing, forged or other game's seat."""
    try:
        game_pin, _, player_id = signing.Signer(salt=SEAT_SALT).unsign(token).partition(".")
    except signing.BadSignature:
        return None
    return int(player_id) if game_pin == pin and player_id.isdigit() else None


def question_screen(game: LiveGame) -> str:
    """The phones' screen for the question just opened, as one line-broken HTML string."""
    now = timezone.now()
    question = current_question(game)
    window = rules.live_answer_window(now=now, opens_at=game.opens_at, deadline=game.deadline)
    state = LiveState(game, board(game), question, window=window)
    return render_to_string("live/play.html#live", {
        "state": state, "player": None, "pushed": True, "server_now": int(now.timestamp() * 1000),
        "phone_closes_after": rules.LIVE_PHONE_ASKS_AFTER_MS,
    })


def results(game: LiveGame) -> str:
    """Every seated player's result at the reveal or the end, as JSON: the board, and (at a
    reveal) one query for the answers to the question just closed."""
    scores = board(game)
    given = {}
    question = current_question(game) if game.phase == Phase.REVEAL else None
    if question is not None:
        given = {player: (correct, points, streak) for player, correct, points, streak in LiveAnswer.objects.filter(
            question_id=question.pk, player__kicked=False).values_list("player_id", "correct", "points", "streak")}
    seats = {}
    for standing in scores.standings:
        answer = given.get(standing.player_id)
        mine = (1, int(answer[0]), answer[1], answer[2]) if answer else (0, 0, 0, 0)
        seats[standing.player_id] = [standing.nickname, standing.rank, standing.points, *mine, standing.team_id]
    teams = {team.team_id: [team.name, team.rank, team.mean, team.members] for team in scores.teams}
    return json.dumps({"phase": game.phase, "right": question.right_label if question else "",
                       "players": len(scores.standings), "seats": seats, "teams": teams,
                       "team_count": len(scores.teams)}, separators=(",", ":"))


# A pushed result is filled in from one rendering per shape (what the words around the numbers
# are: right or not, a streak, a team...), so 500 phones cost one template rendering each few.
FIELDS = ("points", "streak", "place", "total_points", "nickname", "team_name", "team_place", "team_mean",
          "team_members", "signature")


def _blank(field: str) -> str:
    return f"\u27e6{field}\u27e7"  # ⟦field⟧: never in a name (nicknames are escaped when filled in)


def result_screen(pin: str, version: int, payload: dict, player_id: int) -> str | None:
    """One phone's screen from the published results (no database), or None when it has no seat
    in them (it joined a moment ago: it fetches its state instead)."""
    seat = payload["seats"].get(str(player_id))
    if seat is None:
        return None
    nickname, rank, total_points, answered, correct, points, streak, team_id = seat
    team = payload["teams"].get(str(team_id)) if team_id is not None else None
    shape = (pin, version, answered, correct, streak > 1, team is not None, bool(team and team[3] == 1))
    template = remembered(f"live-result:{shape}", lambda: _shape_render(pin, version, payload, shape))
    values = {"points": points, "streak": streak, "place": ordinal(rank), "total_points": total_points,
              "nickname": nickname, "signature": player_signature(version, "", bool(answered))}
    if team:
        values.update(team_name=team[0], team_place=ordinal(team[1]), team_mean=team[2], team_members=team[3])
    for field, value in values.items():
        template = template.replace(_blank(field), escape(str(value)))
    return template


def _shape_render(pin: str, version: int, payload: dict, shape: tuple) -> str:
    _, _, answered, correct, streak, has_team, one_member = shape
    team = {"name": _blank("team_name"), "place": _blank("team_place"), "mean": _blank("team_mean"),
            "members": 1 if one_member else 2} if has_team else None
    html = render_to_string("live/pushed_result.html", {
        "pin": pin, "version": version, "signature": _blank("signature"), "phase": payload["phase"],
        "right_label": payload["right"], "players": payload["players"], "team_count": payload["team_count"],
        "nickname": _blank("nickname"), "place": _blank("place"), "total_points": _blank("total_points"),
        "answered": answered, "correct": correct, "points": _blank("points"), "streak": 2 if streak else 0, "team": team,
    })
    # The streak and the team's size are written out (the shape chose the words around them).
    html = html.replace(" · 2 in a row", f" · {_blank('streak')} in a row")
    return html.replace(f"from {team['members']} player", f"from {_blank('team_members')} player") if team else html
