"""Spot the misquote, live: the projector shows the speaker and four versions as the coloured
options, the phones show the same four to tap, and nothing tells the real words apart until the
reveal, which marks what each misquote changed and names the kind of change. No "What was
changed?" follow-up is asked live: a live game is one question for the whole class at a time."""

import random
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from game import rules
from game.models import LiveAnswer, LiveGame, Round
from game.services.live import answer_submit, game_create, game_state, host_action, player_join
from tests.factories import classroom_debate, classroom_make, misquotes_make

pytestmark = pytest.mark.django_db


def open_answers(game):
    """Skip the reading pause: answers are open now, for 20 seconds."""
    now = timezone.now()
    LiveGame.objects.filter(pk=game.pk).update(opens_at=now - timedelta(seconds=1), deadline=now + timedelta(seconds=19))
    game.refresh_from_db()


def misquote_game(teacher, **options):
    debate = classroom_debate()
    misquotes_make(debate)
    return game_create(host=teacher, debate=debate, mode="misquote", questions=options.pop("questions", 3),
                       seconds=20, rng=random.Random(5), **options)


def recorder(monkeypatch):
    import game.services.live as live

    published = []
    monkeypatch.setattr(live, "bus", lambda: type("Recorder", (), {"publish": lambda self, *a: published.append(a)})())
    return published


def test_a_teacher_can_host_spot_the_misquote_live_and_the_rules_say_it_has_no_follow_up_there(teacher_client):
    form = teacher_client.get("/live/new/").content.decode()
    assert '<option value="misquote">Spot the misquote</option>' in form
    assert "asks no harder question, and nor does a live game" in " ".join(rules.rules_summary())


def test_the_projector_and_the_phones_show_the_speaker_and_four_versions_and_never_which_is_real(
        teacher, teacher_client, monkeypatch, django_capture_on_commit_callbacks):
    published = recorder(monkeypatch)
    game = misquote_game(teacher)
    question = game.questions.get(position=0)
    assert question.kind == "misquote" and question.options == [1, 2, 3, 4]
    speaker, role = question.source["speaker"]
    phone = Client()
    phone.post("/live/", {"pin": game.pin, "nickname": "Ann"})
    with django_capture_on_commit_callbacks(execute=True):
        host_action(game=game, action="start", version=game.version, now=timezone.now())
    open_answers(game)
    pushed = next(message for channel, message in published if channel == game.pin).split("\n", 2)[2]
    fetched = phone.get(f"/live/{game.pin}/").content.decode()
    projector = teacher_client.get(f"/live/host/{game.pin}/").content.decode()
    for screen in (pushed, fetched, projector):
        assert f"Which is what {escape(speaker)} really said?" in screen and escape(role) in screen
        for label, _ in question.option_labels:  # each version once, in quotation marks, as an option
            assert screen.count(f"“{escape(label)}”") == 1
        # Nothing says which is real: not the source, not a kind of change, not a mark.
        assert escape(question.source["paragraph"]) not in screen and escape(question.source["title"]) not in screen
        assert not any(escape(m["kind_name"]) in screen for m in question.source["misquotes"])
        assert "really said version" not in screen and "✓" not in screen and "<del>" not in screen
    for screen in (pushed, fetched):  # the phones: four buttons, each read out as its version
        for number, (label, _) in enumerate(question.option_labels, start=1):
            assert f'value="{number}" class="option opt opt-{number - 1} live-version" aria-label="Version {number}: ' \
                   f'{escape(label)}"' in screen


def test_speed_scores_the_real_words_and_the_reveal_marks_each_change_without_a_follow_up(
        teacher, teacher_client):
    game = misquote_game(teacher)
    ann, ben = player_join(game=game, nickname="Ann"), player_join(game=game, nickname="Ben")
    host_action(game=game, action="start", version=game.version, now=timezone.now())
    open_answers(game)
    question = game.questions.get(position=0)
    fooled_by = question.source["misquotes"][0]
    right = answer_submit(game=game, player=ann, position=0, answer_id=question.right_answer, now=timezone.now())
    wrong = answer_submit(game=game, player=ben, position=0, answer_id=fooled_by["option"], now=timezone.now())
    assert right.correct and 500 <= right.points <= 1000  # as fast as any live question: speed scoring as now
    assert not wrong.correct and wrong.points == 0
    assert game.questions.count() == 3  # no "What was changed?" joins a live game

    state = game_state(game, now=timezone.now())  # both answered: the reveal
    assert state.game.phase == LiveGame.Phase.REVEAL
    assert dict((pk, n) for pk, _, n in state.counts) == {
        pk: (1 if pk in (question.right_answer, fooled_by["option"]) else 0) for pk in question.options}
    projector = teacher_client.get(f"/live/host/{game.pin}/").content.decode()
    assert f"{escape(question.source['speaker'][0])} really said version {question.right_answer}" in projector
    assert f"“{escape(question.right_label)}”" in projector
    for misquote in question.source["misquotes"]:
        assert escape(misquote["kind_name"]) in projector  # the kind of change, named
        for op, text in misquote["changes"]:  # each change marked, and said in words for a screen reader
            if op == "del":
                assert f'<del><span class="visually-hidden">[cut: </span>{escape(text)}' in projector
            elif op == "ins":
                assert f'<ins><span class="visually-hidden">[added: </span>{escape(text)}' in projector
    assert "What was changed?" not in projector

    host_action(game=game, action="next", version=state.game.version, now=timezone.now())
    assert "What was changed?" not in teacher_client.get(f"/live/host/{game.pin}/").content.decode()
    assert LiveAnswer.objects.count() == 2


def test_a_class_game_of_spot_the_misquote_is_recorded_for_the_class_reports(teacher, student):
    from game.reports import assignment_item_analysis
    from game.services.classes import class_join

    classroom = classroom_make(teacher)
    class_join(student=student, code=classroom.join_code, first_name="Sam", last_initial="P")
    game = misquote_game(teacher, questions=2, classroom=classroom)
    sam = player_join(game=game, nickname="Sam", user=student)
    host_action(game=game, action="start", version=game.version, now=timezone.now())
    open_answers(game)
    first = game.questions.get(position=0)
    answer_submit(game=game, player=sam, position=0, answer_id=first.right_answer, now=timezone.now())
    game = game_state(game, now=timezone.now()).game
    host_action(game=game, action="end", version=game.version, now=timezone.now())

    round_ = Round.objects.get(player=student)
    assert round_.mode == "misquote" and round_.assignment.mode == "misquote"
    assert [(i.kind, i.correct) for i in round_.items.order_by("position")] == [("misquote", True), ("misquote", False)]
    assert {stat.kind for stat in assignment_item_analysis(round_.assignment)} == {"misquote"}
