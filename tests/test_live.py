"""A live game, server side: the host moves it on, players answer once and in time, scores add up."""

import random
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from game import rules
from game.models import LiveAnswer, LiveGame
from game.services.live import (
    LiveError, answer_submit, game_create, game_state, host_action, nickname_check, nickname_suggest, player_join,
)
from tests.factories import classroom_debate

pytestmark = pytest.mark.django_db


def test_kahoot_scoring_full_points_under_half_a_second_then_down_to_half():
    assert rules.live_points(correct=True, elapsed_ms=400, limit_ms=20_000, speed=True, streak=1, streak_bonus=True) == 1000
    assert rules.live_points(correct=True, elapsed_ms=10_000, limit_ms=20_000, speed=True, streak=1, streak_bonus=True) == 750
    assert rules.live_points(correct=True, elapsed_ms=20_000, limit_ms=20_000, speed=True, streak=1, streak_bonus=True) == 500
    assert rules.live_points(correct=True, elapsed_ms=19_000, limit_ms=20_000, speed=False, streak=1, streak_bonus=True) == 1000
    assert rules.live_points(correct=True, elapsed_ms=0, limit_ms=0, speed=True, streak=3, streak_bonus=True) == 1200
    assert rules.live_points(correct=True, elapsed_ms=0, limit_ms=0, speed=True, streak=9, streak_bonus=True) == 1500
    assert rules.live_points(correct=True, elapsed_ms=0, limit_ms=0, speed=True, streak=9, streak_bonus=False) == 1000
    assert rules.live_points(correct=False, elapsed_ms=0, limit_ms=0, speed=True, streak=0, streak_bonus=True) == 0


def test_nicknames_are_filtered_and_friendly_ones_suggested():
    for rude in ("Sh1t Head", "B!tch", "f u c k"):
        with pytest.raises(LiveError, match="different nickname"):
            nickname_check(rude)
    assert nickname_check("  Brave   Otter ") == "Brave Otter"
    assert len(nickname_suggest(random.Random(1)).split()) == 2


def open_answers(game):
    """Skip the reading pause: answers are open now, for 20 seconds."""
    now = timezone.now()
    LiveGame.objects.filter(pk=game.pk).update(opens_at=now - timedelta(seconds=1), deadline=now + timedelta(seconds=19))
    game.refresh_from_db()


def test_a_host_and_three_players_play_and_the_server_decides(teacher, student):
    debate = classroom_debate()
    game = game_create(host=teacher, debate=debate, mode="quiz", questions=3, seconds=20, rng=random.Random(2))
    assert len(game.pin) == 6 and game.questions.count() == 1  # the classroom debate has one question
    amira = player_join(game=game, nickname="Amira")
    ben = player_join(game=game, nickname="Ben")
    sam = player_join(game=game, nickname="Sam", user=student)
    assert player_join(game=game, nickname="anything", user=student) == sam  # a student rejoins their seat
    with pytest.raises(LiveError, match="already has that nickname"):
        player_join(game=game, nickname="Amira")

    host_action(game=game, action="start", version=game.version, now=timezone.now())
    question = game.questions.get(position=0)
    with pytest.raises(LiveError, match="aren't open yet"):
        answer_submit(game=game, player=amira, position=0, answer_id=question.right_answer, now=timezone.now())
    open_answers(game)
    wrong = next(pk for pk in question.options if pk != question.right_answer)
    first = answer_submit(game=game, player=amira, position=0, answer_id=question.right_answer, now=timezone.now())
    again = answer_submit(game=game, player=amira, position=0, answer_id=wrong, now=timezone.now())
    assert again.pk == first.pk and again.correct and 500 <= first.points <= 1000  # a double tap changes nothing
    # Until the reveal, Amira's phone shows her answer locked in, and no points or rank that would
    # tell her (or a friend looking over) whether it was right.
    locked = game_state(game, player=amira, now=timezone.now())
    assert locked.mine == first and locked.me.points == 0 and locked.me.rank == 1
    answer_submit(game=game, player=ben, position=0, answer_id=wrong, now=timezone.now())
    # The deadline passes (with its grace) before Sam answers: refused, and the question closes.
    later = game.deadline + timedelta(milliseconds=rules.LIVE_GRACE_MS + 1)
    with pytest.raises(LiveError, match="Too late"):
        answer_submit(game=game, player=sam, position=0, answer_id=question.right_answer, now=later)
    state = game_state(game, player=sam, now=later)
    assert state.game.phase == LiveGame.Phase.REVEAL
    with pytest.raises(LiveError, match="Too late"):  # once closed, still "too late", not "over"
        answer_submit(game=game, player=sam, position=0, answer_id=question.right_answer, now=later)
    projector = game_state(game, now=later)
    assert dict((label, n) for _, label, n in projector.counts)[question.right_label] == 1
    assert [s.nickname for s in state.standings] == ["Amira", "Ben", "Sam"] and state.me.points == 0
    assert game_state(game, player=amira, now=later).me.points == first.points  # revealed: now it counts
    assert LiveAnswer.objects.count() == 2


def test_host_moves_are_compare_and_set(teacher):
    game = game_create(host=teacher, debate=classroom_debate(), mode="who_said", questions=3, seconds=10)
    version = game.version
    host_action(game=game, action="start", version=version, now=timezone.now())
    stale = LiveGame.objects.get(pk=game.pk)
    stale.version = version  # a second click sent from a screen that had not caught up
    with pytest.raises(LiveError, match="already moved on"):
        host_action(game=stale, action="close", version=version, now=timezone.now())
    host_action(game=game, action="close", version=game.version, now=timezone.now())
    assert LiveGame.objects.get(pk=game.pk).phase == LiveGame.Phase.REVEAL


def test_everyone_answering_closes_the_question_early(teacher):
    game = game_create(host=teacher, debate=classroom_debate(), mode="who_said", questions=2, seconds=60)
    players = [player_join(game=game, nickname=name) for name in ("Ann", "Bo")]
    host_action(game=game, action="start", version=game.version, now=timezone.now())
    open_answers(game)
    question = game.questions.get(position=0)
    for player in players:
        answer_submit(game=game, player=player, position=0, answer_id=question.options[0], now=timezone.now())
    assert game_state(game, now=timezone.now()).game.phase == LiveGame.Phase.REVEAL


def test_only_the_host_sees_the_host_screen_and_phones_never_get_the_answer_early(client, teacher, student):
    from django.test import Client

    from game.teachers import teacher_create

    game = game_create(host=teacher, debate=classroom_debate(), mode="who_said", questions=2, seconds=20)
    other = Client()
    other.force_login(teacher_create(username="mr-hughes", password="board-marker-19"))
    assert other.get(f"/live/host/{game.pin}/").status_code == 404
    assert other.get(f"/live/host/{game.pin}/players/").status_code == 404
    pupil = Client()
    pupil.force_login(student)
    assert pupil.get(f"/live/host/{game.pin}/").status_code == 403
    response = client.post("/live/", {"pin": game.pin, "nickname": "Ann"})
    assert response["Location"] == f"/live/{game.pin}/"
    host_action(game=game, action="start", version=game.version, now=timezone.now())
    open_answers(game)
    page = client.get(f"/live/{game.pin}/").content.decode()
    assert 'name="answer"' in page and "✓" not in page and "The answer" not in page
    assert "{#" not in page and "{%" not in page  # no template comment or tag shows as text
    assert client.post("/live/", {"pin": "000000", "nickname": "Bo"}).status_code == 400


def test_a_finished_class_game_counts_in_profiles_and_class_reports(teacher, student):
    from game.models import Assignment, Round
    from game.reports import assignment_item_analysis, class_overview
    from game.scores import player_summary
    from game.services.classes import class_join
    from tests.factories import classroom_make

    debate = classroom_debate()
    classroom = classroom_make(teacher)
    class_join(student=student, code=classroom.join_code, first_name="Sam", last_initial="P")
    game = game_create(host=teacher, debate=debate, mode="who_said", questions=2, seconds=0, classroom=classroom)
    with pytest.raises(LiveError, match="for 10B Debate Club only"):
        player_join(game=game, nickname="Visitor")
    sam = player_join(game=game, nickname="Sam", user=student)
    host_action(game=game, action="start", version=game.version, now=timezone.now())
    open_answers(game)
    first = game.questions.get(position=0)
    answer_submit(game=game, player=sam, position=0, answer_id=first.right_answer, now=timezone.now())
    game = game_state(game, now=timezone.now()).game  # everyone has answered: the reveal
    host_action(game=game, action="next", version=game.version, now=timezone.now())  # Sam misses question 2
    host_action(game=game, action="end", version=game.version, now=timezone.now())

    round_ = Round.objects.get(player=student)
    assert round_.finished_at and [i.correct for i in round_.items.order_by("position")] == [True, False]
    assert player_summary(student).points == 10 + 0  # 1000 live points are 10 in the profile
    assignment = Assignment.objects.get(classroom=classroom)
    assert assignment.title.startswith("Live game")
    _, rows = class_overview(classroom, now=timezone.now())
    assert rows[0].cells[0].status == "done" and rows[0].cells[0].points == 10
    assert {stat.attempts for stat in assignment_item_analysis(assignment)} == {1}


def test_opening_a_question_pushes_the_same_screen_to_every_phone_without_the_answer(
        teacher, monkeypatch, django_capture_on_commit_callbacks):
    import game.services.live as live
    from game.live.stream import changed

    published = []
    monkeypatch.setattr(live, "bus", lambda: type("Recorder", (), {"publish": lambda self, *a: published.append(a)})())
    game = game_create(host=teacher, debate=classroom_debate(), mode="quiz", questions=1, seconds=20)
    player_join(game=game, nickname="Ann")
    with django_capture_on_commit_callbacks(execute=True):
        host_action(game=game, action="start", version=game.version, now=timezone.now())
    question = game.questions.get()
    phones = next(message for channel, message in published if channel == game.pin)
    version, _, rest = phones.partition("\n")
    kind, _, screen = rest.partition("\n")
    assert kind == "question"
    assert version == str(game.version) and (game.pin + "-host", version) in published  # the projector: a notice
    assert question.asked in screen and all(f'value="{pk}"' in screen for pk in question.options)
    assert "✓" not in screen and "The answer" not in screen and "Ann" not in screen  # nothing per player, no answer
    event = changed(phones)
    assert event.startswith("event: screen\ndata: ") and event.endswith("\n\n") and "\n\n" not in event[:-2]


def test_the_reveal_is_pushed_so_each_phone_gets_its_own_result_without_asking(
        teacher, monkeypatch, django_capture_on_commit_callbacks):
    """Ann answers right, Ben does not answer: at the reveal, one message carries both results, and
    each phone's stream renders its own screen from it, the same screen the phone would fetch."""
    import game.services.live as live
    from django.test import Client

    from game.live.push import seat_token
    from game.live.stream import changed

    published = []
    monkeypatch.setattr(live, "bus", lambda: type("Recorder", (), {"publish": lambda self, *a: published.append(a)})())
    game = game_create(host=teacher, debate=classroom_debate(), mode="quiz", questions=1, seconds=20)
    phones = {}
    for name in ("Ann", "Ben"):
        phones[name] = Client()
        phones[name].post("/live/", {"pin": game.pin, "nickname": name})
    ann, ben = game.players.get(nickname="Ann"), game.players.get(nickname="Ben")
    host_action(game=game, action="start", version=game.version, now=timezone.now())
    open_answers(game)
    question = game.questions.get()
    answer_submit(game=game, player=ann, position=0, answer_id=question.right_answer, now=timezone.now())
    published.clear()
    with django_capture_on_commit_callbacks(execute=True):
        host_action(game=game, action="close", version=game.version, now=timezone.now())
    message = next(message for channel, message in published if channel == game.pin)
    assert message.split("\n")[1] == "results"

    for name, player, heading in (("Ann", ann, "✓ Right!"), ("Ben", ben, "Time's up")):
        pushed = changed(message, game.pin, player.pk)
        assert pushed.startswith("event: screen\ndata: ")
        screen = "\n".join(line.removeprefix("data: ") for line in pushed.splitlines()[1:])
        fetched = phones[name].get(f"/live/{game.pin}/state/", HTTP_HX_REQUEST="true").content.decode()
        for words in (heading, f"The answer: <strong>{question.right_label}</strong>", "You're 1st of 2." if
                      name == "Ann" else "You're 2nd of 2.", f'data-version="{game.version}"'):
            assert words in screen and words in fetched
        signature = re.search(r"\?s=([\w-]+)", screen).group(1)
        # The pushed screen is what the phone would have fetched: asking again changes nothing.
        assert phones[name].get(f"/live/{game.pin}/state/?s={signature}").status_code == 204
    assert "Right" not in changed(message, game.pin, ben.pk)  # each phone gets its own result only
    assert changed(message, game.pin, None) == f"event: changed\ndata: {game.version}\n\n"  # no seat: fetch
    assert seat_token(game.pin, ann.pk) != seat_token(game.pin, ben.pk)


def test_a_streams_seat_is_signed_and_belongs_to_its_game():
    from game.live.push import seat_of, seat_token

    token = seat_token("123456", 42)
    assert seat_of("123456", token) == 42
    assert seat_of("654321", token) is None  # another game's seat
    assert seat_of("123456", token[:-1] + ("A" if token[-1] != "A" else "B")) is None  # forged
    assert seat_of("123456", "") is None


def test_a_pushed_result_with_a_team_and_a_streak_is_filled_in_and_escaped(
        teacher, monkeypatch, django_capture_on_commit_callbacks):
    """The pushed screen is filled in from one rendering of its shape: the numbers, the place, the
    team and a nickname with markup in it (escaped) are this phone's own."""
    import game.services.live as live
    from django.test import Client

    from game.live.stream import changed

    published = []
    monkeypatch.setattr(live, "bus", lambda: type("Recorder", (), {"publish": lambda self, *a: published.append(a)})())
    debate = classroom_debate()
    game = game_create(host=teacher, debate=debate, mode="quiz", questions=1, seconds=20, teams=["Reds", "Blues"])
    phone = Client()
    phone.post("/live/", {"pin": game.pin, "nickname": "<b>Ann</b>"})
    ann = game.players.get()
    host_action(game=game, action="start", version=game.version, now=timezone.now())
    open_answers(game)
    question = game.questions.get()
    with django_capture_on_commit_callbacks(execute=True):  # Ann is everyone: her answer brings the reveal
        answer_submit(game=game, player=ann, position=0, answer_id=question.right_answer, now=timezone.now())
    game.refresh_from_db()
    message = next(m for channel, m in reversed(published) if channel == game.pin and "\nresults\n" in m)
    pushed = changed(message, game.pin, ann.pk)
    assert "&lt;b&gt;Ann&lt;/b&gt; · Reds ·" in pushed and "<b>Ann</b>" not in pushed and "\u27e6" not in pushed
    fetched = phone.get(f"/live/{game.pin}/state/", HTTP_HX_REQUEST="true").content.decode()
    stored = LiveAnswer.objects.get(player=ann)
    for words in (f"+{stored.points} points", "You're 1st of 1.", "Reds: 1st of 2 teams, with a mean of "
                  f"{stored.points} points from 1 player.", "&lt;b&gt;Ann&lt;/b&gt; · Reds ·"):
        assert words in pushed and words in fetched


def test_pushed_results_of_the_same_shape_differ_only_in_their_own_numbers():
    from game.live.push import result_screen

    payload = {"phase": "reveal", "right": "Jeremy Hunt", "players": 3, "team_count": 0, "teams": {},
               "seats": {"1": ["Ann", 1, 2400, 1, 1, 900, 3, None], "2": ["Ben", 2, 1800, 1, 1, 700, 2, None],
                         "3": ["Cy", 3, 0, 0, 0, 0, 0, None]}}
    ann, ben, cy = (result_screen("123456", 9, payload, n) for n in (1, 2, 3))
    assert "+900 points · 3 in a row" in ann and "You're 1st of 3." in ann and "Ann · 2400 points" in ann
    assert "+700 points · 2 in a row" in ben and "You're 2nd of 3." in ben
    assert "Time's up" in cy and "You're 3rd of 3." in cy and "?s=9--0" in cy and "?s=9--1" in ann
    assert result_screen("123456", 9, payload, 4) is None  # joined after the results: it fetches
