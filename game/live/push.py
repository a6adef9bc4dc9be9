"""The question, pushed: when the host opens a new question, every phone gets the same screen (the
question and its options, no answer, no per-player details) inside the event stream, rendered once
by the process that made the move. 500 phones then fetch nothing; their own details (points, rank,
right or wrong) are fetched at the reveal, when they differ."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from game import rules
from game.live.board import board
from game.live.state import LiveState, current_question
from game.models import LiveGame


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
