"""A live game in a school hall: teams, a lobby the host can lock, a removed player who stays out,
and guessing limits on game PINs and class codes."""

import random

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from game.live.board import board
from game.live.teams import class_plan, team_for_joiner, team_names, team_standings
from game.models import Classroom, Membership
from game.services.live import LiveError, answer_submit, game_create, host_action, player_join, player_team_set
from tests.factories import classroom_debate
from tests.test_live import open_answers


def test_team_rules_balance_deal_from_the_class_list_and_rank_by_the_mean():
    assert team_names("sides") == ["Proposition", "Opposition"]
    assert team_names("named", "Reds\n  Blues \nreds\n\nGreens") == ["Reds", "Blues", "Greens"]  # tidied, once each
    with pytest.raises(ValueError, match="2 to 6"):
        team_names("named", "Only one")
    with pytest.raises(ValueError, match="2 to 6"):
        team_names("named", "\n".join(f"Team {n}" for n in range(7)))
    assert team_names("none") == []
    assert team_for_joiner({1: 2, 2: 1, 3: 1}, [1, 2, 3]) == 2  # the smallest; the first of equals
    assert class_plan([10, 11, 12, 13, 14], [1, 2]) == {10: 1, 11: 2, 12: 1, 13: 2, 14: 1}
    # Uneven teams are fair: a mean, not a sum. Equal means share a place, as players' ranks do.
    ranked = team_standings([(1, 900), (1, 900), (1, 900), (1, 900), (2, 1000), (2, 800), (3, 900)],
                            [(1, "Four of us"), (2, "Two"), (3, "Solo")])
    assert [(t.name, t.mean, t.members, t.rank) for t in ranked] == [
        ("Four of us", 900, 4, 1), ("Two", 900, 2, 1), ("Solo", 900, 1, 1)]
    ranked = team_standings([(1, 100), (2, 600), (2, 0)], [(1, "A"), (2, "B"), (3, "Empty")])
    assert [(t.name, t.mean, t.rank) for t in ranked] == [("B", 300, 1), ("A", 100, 2), ("Empty", 0, 3)]


def test_proposition_against_opposition_balanced_as_they_join_with_a_team_board(teacher):
    game = game_create(host=teacher, debate=classroom_debate(), mode="quiz", questions=1, seconds=20,
                       teams=["Proposition", "Opposition"])
    players = [player_join(game=game, nickname=name) for name in ("Ann", "Ben", "Cal", "Dee", "Eve")]
    assert [p.team.name for p in players] == ["Proposition", "Opposition", "Proposition", "Opposition", "Proposition"]
    ann, ben, cal = players[:3]
    # The host moves Cal: the teams are now 2 and 3, and Cal's points go with him.
    assert player_team_set(game=game, player_id=cal.pk, team_id=ben.team_id) == ("Cal", "Opposition")
    host_action(game=game, action="start", version=game.version, now=timezone.now())
    open_answers(game)
    question = game.questions.get()
    answer_submit(game=game, player=ann, position=0, answer_id=question.right_answer, now=timezone.now())
    host_action(game=game, action="close", version=game.version, now=timezone.now())
    scores = board(game)
    proposition, opposition = scores.teams_in_order
    assert (proposition.members, opposition.members) == (2, 3)
    assert proposition.mean == round(scores.of(ann.pk).points / 2) and opposition.mean == 0
    assert (proposition.rank, opposition.rank) == (1, 2)
    # Ann's phone shows her team and her part in it.
    phone = Client()
    phone.cookies[f"live_seat_{game.pin}"] = str(ann.token)
    page = phone.get(f"/live/{game.pin}/").content.decode()
    assert "Proposition: 1st of 2 teams, with a mean of" in page and "Ann · Proposition ·" in page


def test_teams_from_the_class_list_are_known_before_anyone_joins(teacher):
    classroom = Classroom.objects.create(teacher=teacher, name="Year 10 Politics")
    students = []
    for name in ("Zara", "Amir", "Maya", "Ben"):
        student = User.objects.create_user(username=name.lower(), password="pencil-case-77")
        Membership.objects.create(classroom=classroom, student=student, display_name=name)
        students.append(student)
    game = game_create(host=teacher, debate=classroom_debate(), mode="quiz", questions=1, seconds=20,
                       classroom=classroom, teams=["Reds", "Blues"], teams_from_class=True)
    # The class list in order: Amir, Ben, Maya, Zara -> Reds, Blues, Reds, Blues, whoever joins first.
    zara, amir = (player_join(game=game, nickname=n, user=u) for n, u in (("Zara", students[0]), ("Amir", students[1])))
    assert (amir.team.name, zara.team.name) == ("Reds", "Blues")
    assert player_join(game=game, nickname="Maya", user=students[2]).team.name == "Reds"


def test_a_locked_lobby_keeps_newcomers_out_but_lets_players_back(teacher, student):
    game = game_create(host=teacher, debate=classroom_debate(), mode="quiz", questions=1, seconds=20)
    sam = player_join(game=game, nickname="Sam", user=student)
    host_action(game=game, action="lock", version=game.version, now=timezone.now())
    with pytest.raises(LiveError, match="locked this game"):
        player_join(game=game, nickname="Newcomer")
    assert player_join(game=game, nickname="anything", user=student) == sam  # back on another device
    host_action(game=game, action="unlock", version=game.version, now=timezone.now())
    assert player_join(game=game, nickname="Newcomer").nickname == "Newcomer"


def test_a_removed_player_cannot_join_again_under_another_name(client, teacher_client, teacher):
    game = game_create(host=teacher, debate=classroom_debate(), mode="quiz", questions=1, seconds=20)
    assert client.post("/live/", {"pin": game.pin, "nickname": "Rude Name"}).status_code == 302
    rude = game.players.get(nickname="Rude Name")
    teacher_client.post(f"/live/host/{game.pin}/action/", {"action": "kick", "player": rude.pk})
    response = client.post("/live/", {"pin": game.pin, "nickname": "Innocent Name"})
    assert response.status_code == 400 and "removed you from this game" in response.content.decode()
    assert not game.players.filter(nickname="Innocent Name").exists()
    assert Client().post("/live/", {"pin": game.pin, "nickname": "Someone Else"}).status_code == 302  # others join


@pytest.fixture
def clock(monkeypatch):
    """The guessing limits' clock, held still (a minute's window must not roll over mid-test) and
    moved on when the test says so."""
    from types import SimpleNamespace

    import django_ratelimit.core

    now = {"t": 1_800_000_000.0}
    monkeypatch.setattr(django_ratelimit.core, "time", SimpleNamespace(time=lambda: now["t"]))
    return now


def test_guessing_game_pins_from_one_address_is_stopped_but_a_class_behind_it_still_joins(teacher, clock):
    game = game_create(host=teacher, debate=classroom_debate(), mode="quiz", questions=1, seconds=20)
    rng = random.Random(4)
    # A class of 40 behind one school address, a few of them mistyping the PIN first.
    for n in range(40):
        phone = Client(REMOTE_ADDR="203.0.113.9")
        if n % 8 == 0:
            assert phone.post("/live/", {"pin": "000000", "nickname": f"Student {n}"}).status_code == 400
        assert phone.post("/live/", {"pin": game.pin, "nickname": f"Student {n}"}).status_code == 302
    assert game.players.count() == 40
    # Someone guessing: 300 wrong PINs in a row from another address, then the right one.
    guesser = Client(REMOTE_ADDR="198.51.100.7")
    statuses = [guesser.post("/live/", {"pin": f"{rng.randint(0, 999999):06d}", "nickname": "Guess"}).status_code
                for _ in range(300)]
    assert statuses[:60] == [400] * 60 and set(statuses[61:]) == {429}
    response = guesser.post("/live/", {"pin": game.pin, "nickname": "Guess"})
    assert response.status_code == 429 and "Too many tries: wait a minute" in response.content.decode()
    assert guesser.get(f"/live/{game.pin}/").status_code == 429  # the game's page is no way round it
    assert Client(REMOTE_ADDR="203.0.113.9").post("/live/", {"pin": game.pin, "nickname": "Late"}).status_code == 302
    clock["t"] += 61  # a minute on, the guesser's address may try again
    assert guesser.post("/live/", {"pin": game.pin, "nickname": "Guess"}).status_code == 302


def test_guessing_class_codes_is_limited_per_account(teacher, student, other_student, clock):
    from game.services.classes import classroom_create

    classroom = classroom_create(teacher=teacher, name="Year 10 Politics")
    guesser, honest = Client(), Client()
    guesser.force_login(student)
    honest.force_login(other_student)
    statuses = [guesser.post("/join/", {"code": f"AAA-{n:03d}", "first_name": "Sam", "last_initial": "K"}).status_code
                for n in range(300)]
    assert statuses[:10] == [400] * 10 and set(statuses[11:]) == {429}
    response = guesser.post("/join/", {"code": classroom.join_code, "first_name": "Sam", "last_initial": "K"})
    assert response.status_code == 429 and "Too many tries" in response.content.decode()
    assert not Membership.objects.filter(student=student).exists()
    # Another account (the same address) is not held back.
    assert honest.post("/join/", {"code": classroom.join_code, "first_name": "Priya", "last_initial": "S"}).status_code == 302
    clock["t"] += 61
    assert guesser.post("/join/", {"code": classroom.join_code, "first_name": "Sam", "last_initial": "K"}).status_code == 302
