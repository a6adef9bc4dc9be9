"""A live game's leaderboard and what a phone's read costs: the same with 3 players or 300."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from game import rules
from game.live.board import board, ranks
from game.models import LiveAnswer, LiveGame, LivePlayer
from game.services.live import answer_submit, game_create, game_state, host_action, player_join
from tests.factories import classroom_debate

pytestmark = pytest.mark.django_db


def open_answers(game):
    now = timezone.now()
    LiveGame.objects.filter(pk=game.pk).update(opens_at=now - timedelta(seconds=1), deadline=now + timedelta(seconds=19))
    game.refresh_from_db()


def next_question(game):
    host_action(game=game, action="close" if game.phase == "question" else "next", version=game.version,
                now=timezone.now())
    if game.phase == "reveal":
        host_action(game=game, action="next", version=game.version, now=timezone.now())
    open_answers(game)


def test_equal_points_share_a_rank_and_keep_their_joining_order():
    rows = [(1, "Ann", 500), (2, "Bo", 900), (3, "Cy", 500), (4, "Di", 0)]
    assert ranks(rows) == [(2, "Bo", 900, 1), (1, "Ann", 500, 2), (3, "Cy", 500, 2), (4, "Di", 0, 4)]


def test_the_board_counts_revealed_questions_only_and_names_the_movers(teacher):
    debate = classroom_debate()
    game = game_create(host=teacher, debate=debate, mode="who_said", questions=3, seconds=20, speed_scoring=False,
                       streak_bonus=False)
    ann, bo, cy = (player_join(game=game, nickname=name) for name in ("Ann", "Bo", "Cy"))
    host_action(game=game, action="start", version=game.version, now=timezone.now())
    open_answers(game)

    def answer(player, right):
        question = game.questions.get(position=game.question_index)
        choice = question.right_answer if right else next(pk for pk in question.options if pk != question.right_answer)
        answer_submit(game=game, player=player, position=game.question_index, answer_id=choice, now=timezone.now())

    answer(ann, True)
    answer(bo, False)
    assert [s.points for s in board(game).standings] == [0, 0, 0]  # question 1 is still open
    host_action(game=game, action="close", version=game.version, now=timezone.now())
    first = board(game)
    assert [(s.nickname, s.points, s.rank) for s in first.standings] == [("Ann", 1000, 1), ("Bo", 0, 2), ("Cy", 0, 2)]
    assert first.movers == []  # nobody has moved yet after one question

    next_question(game)
    answer(cy, True)
    answer(bo, True)
    answer(ann, False)
    game.refresh_from_db()
    assert game.phase == "reveal"  # everyone answered: closed at once
    second = board(game)
    assert [(s.nickname, s.points, s.rank) for s in second.standings] == [
        ("Ann", 1000, 1), ("Bo", 1000, 1), ("Cy", 1000, 1)]
    assert [(s.nickname, s.rise) for s in second.movers] == [("Bo", 1), ("Cy", 1)]

    late = player_join(game=game, nickname="Dee")  # joins after the board was built: last, with 0
    assert board(game).of(late.pk, "Dee").rank == 4


def test_an_answer_stored_as_the_question_closes_still_counts_on_the_board(teacher, monkeypatch):
    """The answer was in time when read; the host closes the question before it is stored."""
    game = game_create(host=teacher, debate=classroom_debate(), mode="who_said", questions=1, seconds=20)
    ann = player_join(game=game, nickname="Ann")
    player_join(game=game, nickname="Bo")
    host_action(game=game, action="start", version=game.version, now=timezone.now())
    open_answers(game)
    question = game.questions.get()
    scoring = rules.live_points

    def host_closes_meanwhile(**kwargs):
        other = LiveGame.objects.get(pk=game.pk)
        host_action(game=other, action="close", version=other.version, now=timezone.now())
        board(other)  # a screen builds the reveal's board without Ann's answer
        return scoring(**kwargs)

    monkeypatch.setattr(rules, "live_points", host_closes_meanwhile)
    answer_submit(game=game, player=ann, position=0, answer_id=question.right_answer, now=timezone.now())
    monkeypatch.setattr(rules, "live_points", scoring)
    game.refresh_from_db()
    assert game.phase == "reveal"
    assert board(game).of(ann.pk).points == LiveAnswer.objects.get(player=ann).points > 0


@pytest.mark.parametrize("size", [3, 300])
def test_a_phones_read_costs_the_same_with_3_players_or_300(teacher, size, assert_queries):
    game = game_create(host=teacher, debate=classroom_debate(), mode="who_said", questions=1, seconds=20)
    LivePlayer.objects.bulk_create(LivePlayer(game=game, nickname=f"Player {n}") for n in range(size))
    phone = Client()
    assert phone.post("/live/", {"pin": game.pin, "nickname": "Ann"}).status_code == 302
    host_action(game=game, action="start", version=game.version, now=timezone.now())
    open_answers(game)
    phone.get(f"/live/{game.pin}/state/")  # the board and the question are read once for this version
    # The seat with its game, and this phone's answer.
    with assert_queries(2):
        response = phone.get(f"/live/{game.pin}/state/")
    assert 'name="answer"' in response.content.decode()
    signature = game_state(game, player=LivePlayer.objects.get(nickname="Ann"), now=timezone.now()).player_signature
    with assert_queries(2):  # nothing changed: 204, and the same two reads
        assert phone.get(f"/live/{game.pin}/state/?s={signature}").status_code == 204
    question = game.questions.get(position=0)
    wrong = next(pk for pk in question.options if pk != question.right_answer)
    # An answer: the seat, the answer saved, then the version and how many have answered (to close
    # the question once everyone has), all in one.
    with assert_queries(3):
        response = phone.post(f"/live/{game.pin}/answer/", {"position": 0, "answer": wrong}, HTTP_HX_REQUEST="true")
    assert "Answer locked in" in response.content.decode()
