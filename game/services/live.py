"""Live games: creating one, joining and rejoining, the host's moves, answers, and what screens show.

The server decides everything: when answers open and close (from stored timestamps, checked on
every read, so a question closes at its deadline even with the projector tab gone), whether an
answer is in time, right, and worth how much. Phase changes are compare-and-set on the game's
version, so the host's click, the deadline and "everyone answered" can race safely.
"""

from __future__ import annotations

import logging
import random
from datetime import datetime, timedelta

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F
from django.utils import timezone

from game import rules
from game.live import nicknames
from game.live.bus import bus
from game.live.nicknames import nickname_suggest  # noqa: F401 - the views offer one
from game.live.push import question_screen, results
from game.live.stream import VERSION_KEPT_SECONDS, version_key
from game.live.state import LiveState, answers_count, current_question, state_read
from game.live.teams import class_plan, team_for_joiner
from game.models import (
    Assignment, LiveAnswer, LiveGame, LivePlayer, LiveQuestion, LiveTeam, Membership, Round, RoundItem,
)
from game.modes import GameMode, modes
from game.services.rounds import PlayError, items_deal

Phase = LiveGame.Phase
logger = logging.getLogger(__name__)


def live_modes() -> dict[str, GameMode]:
    """A live game's mode -> the game mode it deals from (see game/modes/)."""
    return {mode.live: mode for mode in modes().values() if mode.live}

class LiveError(PlayError):
    """Something a host or player should be told; nothing changed."""


def nickname_check(nickname: str) -> str:
    """The nickname tidied, or a LiveError saying why it can't be shown (see game/live/nicknames.py)."""
    return nicknames.nickname_check(nickname, lambda message: LiveError(message, 400))


def game_create(*, host, debate, mode: str, questions: int, seconds: int, speed_scoring: bool = True,
                streak_bonus: bool = True, leaderboard_every: int = 1, classroom=None, teams: list[str] = (),
                teams_from_class: bool = False, rng: random.Random | None = None) -> LiveGame:
    """A new game in its lobby; `teams`: their names (none: everyone for themselves);
    `teams_from_class`: in a class game, teams are dealt from the class list rather than as
    players join."""
    rng = rng or random.SystemRandom()
    items = items_deal(debate=debate, mode=live_modes()[mode].slug, rng=rng, count=questions, mix_questions=False)[:questions]
    for _ in range(20):
        try:
            with transaction.atomic():
                game = LiveGame.objects.create(
                    pin=f"{rng.randint(0, 999999):06d}", host=host, debate=debate, mode=mode, seconds=seconds,
                    speed_scoring=speed_scoring, streak_bonus=streak_bonus,
                    leaderboard_every=max(1, leaderboard_every), classroom=classroom,
                    teams_from_class=bool(teams and teams_from_class and classroom))
                LiveTeam.objects.bulk_create(LiveTeam(game=game, position=n, name=name) for n, name in enumerate(teams))
                LiveQuestion.objects.bulk_create(
                    LiveQuestion(game=game, position=n, quote_id=item.quote_id, question_id=item.question_id,
                                 argument_id=item.argument_id, sentence_id=item.sentence_id, kind=item.kind, asked=item.asked, options=item.options,
                                 option_labels=item.option_labels, right_answer=item.right_answer,
                                 right_label=item.right_label, source=item.source)
                    for n, item in enumerate(items))
            version_keep(game)
            return game
        except IntegrityError:
            continue  # that PIN is in use by another game: draw again
    raise LiveError("Could not find a free PIN; try again.", 503)


def game_by_pin(pin: str) -> LiveGame:
    game = LiveGame.objects.filter(pin=pin.strip()).exclude(phase=Phase.FINISHED).select_related("classroom").first()
    if game is None:
        game = LiveGame.objects.filter(pin=pin.strip()).select_related("classroom").first()
    if game is None:
        raise LiveError("There's no game with that PIN. Check the six digits on the screen.", 404)
    return game


REMOVED = "The host has removed you from this game."


def player_join(*, game: LiveGame, nickname: str, user=None, device: str = "") -> LivePlayer:
    """Join (or, for a logged-in student, rejoin on any device) with the same seat and score.

    `device` marks the joining browser: one whose player the host removed can't join this game
    again under another name. In a locked game only those already in can come back."""
    if game.phase == Phase.FINISHED:
        raise LiveError("This game has ended.", 409)
    if user is not None and user.is_authenticated:
        seat = game.players.filter(user=user).first()
        if seat is not None:
            if seat.kicked:
                raise LiveError(REMOVED, 403)
            return seat
    else:
        user = None
    if device and game.players.filter(device=device, kicked=True).exists():
        raise LiveError(REMOVED, 403)
    if game.locked:
        raise LiveError("The host has locked this game: no one new can join now. Ask your teacher.", 403)
    if game.classroom_id and (user is None or not Membership.objects.filter(
            classroom_id=game.classroom_id, student=user).exists()):
        raise LiveError(f"This game is for {game.classroom.name} only: log in with your class account to join.", 403)
    nickname = nickname_check(nickname)
    try:
        with transaction.atomic():
            team = team_for(game, user) if game.teams.exists() else None
            player = LivePlayer.objects.create(game=game, nickname=nickname, user=user, device=device[:32], team=team)
        announce(game, host_only=True)
        return player
    except IntegrityError:
        raise LiveError("Someone in this game already has that nickname: pick another.", 409) from None


def team_for(game: LiveGame, user) -> LiveTeam:
    """A new player's team: from the class list (in a class game that asked for it), else the
    smallest team. Joins to one game queue on its row, so two at once can't both fill one team."""
    LiveGame.objects.select_for_update().filter(pk=game.pk).first()
    teams = list(game.teams.all())
    order = [team.pk for team in teams]
    if game.teams_from_class and user is not None:
        students = list(Membership.objects.filter(classroom_id=game.classroom_id).order_by("display_name", "pk")
                        .values_list("student_id", flat=True))
        planned = class_plan(students, order).get(user.pk)
        if planned is not None:
            return next(team for team in teams if team.pk == planned)
    sizes = dict(game.players.filter(kicked=False, team__isnull=False).values_list("team").annotate(n=Count("id"))
                 .values_list("team", "n"))
    chosen = team_for_joiner(sizes, order)
    return next(team for team in teams if team.pk == chosen)


def player_team_set(*, game: LiveGame, player_id: int, team_id: int) -> tuple[str, str]:
    """The host moves a player to another team; their points go with them."""
    player = game.players.filter(pk=player_id, kicked=False).first()
    team = game.teams.filter(pk=team_id).first()
    if player is None or team is None:
        raise LiveError("That player or team isn't in this game.", 404)
    player.team = team
    player.save(update_fields=["team"])
    LiveGame.objects.filter(pk=game.pk).update(version=F("version") + 1)
    game.refresh_from_db()
    announce(game)
    return player.nickname, team.name


def seat_find(pin: str, token: str | None, user=None) -> tuple[LiveGame, LivePlayer | None]:
    """The game with this PIN and this screen's seat in it: by the seat cookie (one query, the
    phones' every read), else a logged-in student's seat on any device. Raises LiveError for an
    unknown PIN."""
    if token:
        try:
            player = LivePlayer.objects.select_related("game").get(token=token, kicked=False, game__pin=pin.strip())
        except (LivePlayer.DoesNotExist, ValueError, ValidationError):  # a malformed cookie is simply no seat
            player = None
        if player is not None and player.game.phase != Phase.FINISHED:
            return player.game, player
    else:
        player = None
    game = game_by_pin(pin)  # a finished game's seat counts only if no newer game has this PIN
    if player is not None and player.game_id != game.pk:
        player = None
    if player is None and user is not None and user.is_authenticated:
        player = game.players.filter(user=user, kicked=False).first()
    return game, player


def version_keep(game: LiveGame) -> None:
    """The game's version, where a (re)connecting stream reads it (see game/live/stream.py)."""
    transaction.on_commit(lambda: cache.set(version_key(game.pin), game.version, VERSION_KEPT_SECONDS))


def announce(game: LiveGame, *, host_only: bool = False, question: bool = False) -> None:
    """Tell the screens watching this game that it changed, once the change is committed. A notice
    is the game's version; the phones' one also carries their new screen when a `question` opens,
    and every player's result at a reveal or the end (see game/live/push.py). The version is kept
    in the cache too, so a stream can tell a (re)connecting screen whether it is behind."""
    version = str(game.version)

    def send():
        try:
            phones = version
            if question:
                phones = f"{version}\nquestion\n{question_screen(game)}"
            elif game.phase in (Phase.REVEAL, Phase.FINISHED) and not host_only:
                phones = f"{version}\nresults\n{results(game)}"
            if not host_only:
                version_keep(game)
            for channel, message in ((game.pin + "-host", version),) + (() if host_only else ((game.pin, phones),)):
                bus().publish(channel, message)
        except Exception:  # noqa: BLE001 - a lost notice is caught up by the screens' polling
            logger.warning("Could not announce a change to live game %s", game.pin, exc_info=True)

    transaction.on_commit(send)


def _move(game: LiveGame, version: int, *, opens_question: bool = False, **changes) -> bool:
    """Compare-and-set: change the game only if nobody moved it since `version`."""
    moved = LiveGame.objects.filter(pk=game.pk, version=version).update(version=F("version") + 1, **changes)
    if moved:
        game.refresh_from_db()
        if game.phase == Phase.FINISHED:
            results_record(game)  # once: only the move that finished the game gets here
        announce(game, question=opens_question)
    return bool(moved)


LIVE_TO_ROUND_POINTS = 100  # 1000 live points are 10 points in a player's profile, as a right answer in a round


@transaction.atomic
def results_record(game: LiveGame) -> int:
    """Save each logged-in player's game as a finished round, so it counts in their profile; a game
    for one class is also recorded as that class's homework, so it shows in the class reports.

    Questions a player missed are recorded as unanswered-and-wrong (0 points), so the round can't
    be played on later. Returns how many rounds were saved.
    """
    now = timezone.now()
    seats = [p for p in game.players.filter(user__isnull=False, kicked=False)]
    if not seats:
        return 0
    questions = list(game.questions.all())
    answers = {(a.player_id, a.question_id): a for a in LiveAnswer.objects.filter(question__game=game)}
    assignment = None
    if game.classroom_id:
        assignment = Assignment.objects.create(
            classroom_id=game.classroom_id, debate=game.debate, title=f"Live game {timezone.localtime(now):%-d %b %H:%M}",
            mode=live_modes()[game.mode].homework[0][0], questions=len(questions), opens_at=game.created_at,
            due_at=now + timedelta(seconds=1), attempts=1)
    mode = live_modes()[game.mode].slug
    for seat in seats:
        round_ = Round.objects.create(debate=game.debate, mode=mode, player=seat.user, created_at=game.created_at,
                                      finished_at=now, assignment=assignment)
        items = []
        for question in questions:
            given = answers.get((seat.pk, question.pk))
            items.append(RoundItem(
                round=round_, position=question.position, kind=question.kind, asked=question.asked,
                options=question.options, option_labels=question.option_labels, right_answer=question.right_answer,
                right_label=question.right_label, source=question.source,
                answer=given.answer if given else None, answer_label=given.answer_label if given else "",
                answered_at=given.answered_at if given else now, correct=bool(given and given.correct),
                points=round(given.points / LIVE_TO_ROUND_POINTS) if given else 0, streak=given.streak if given else 0,
                **question.content_ids,
            ))
        RoundItem.objects.bulk_create(items)
    return len(seats)


def _question_opening(game: LiveGame, index: int, now: datetime) -> dict:
    opens = now + timedelta(seconds=rules.LIVE_READING_SECONDS)
    return {"phase": Phase.QUESTION, "question_index": index, "opens_at": opens,
            "deadline": opens + timedelta(seconds=game.seconds) if game.seconds else None, "paused_remaining_ms": None}


def host_action(*, game: LiveGame, action: str, version: int, now: datetime) -> None:
    """start, close (skip to the reveal), next, pause, resume, end."""
    total = game.questions.count()
    if action == "start" and game.phase == Phase.LOBBY and total:
        changes = _question_opening(game, 0, now)
    elif action == "close" and game.phase == Phase.QUESTION:
        changes = {"phase": Phase.REVEAL, "paused_remaining_ms": None}
    elif action == "next" and game.phase == Phase.REVEAL:
        index = game.question_index + 1
        changes = _question_opening(game, index, now) if index < total else {"phase": Phase.FINISHED}
    elif action == "pause" and game.phase == Phase.QUESTION and game.deadline and game.paused_remaining_ms is None:
        remaining = max(0, int((game.deadline - now).total_seconds() * 1000))
        changes = {"paused_remaining_ms": remaining, "deadline": None}
    elif action == "resume" and game.paused_remaining_ms is not None:
        changes = {"deadline": now + timedelta(milliseconds=game.paused_remaining_ms), "paused_remaining_ms": None,
                   "opens_at": min(game.opens_at or now, now)}
    elif action == "end" and game.phase != Phase.FINISHED:
        changes = {"phase": Phase.FINISHED}
    elif action in ("lock", "unlock") and game.phase != Phase.FINISHED:
        changes = {"locked": action == "lock"}
    else:
        raise LiveError("That can't be done now; the screen shows where the game is.", 409)
    if not _move(game, version, opens_question=action in ("start", "next") and changes.get("phase") == Phase.QUESTION,
                 **changes):
        raise LiveError("The game had already moved on; the screen shows where it is now.", 409)


def player_kick(*, game: LiveGame, player_id: int) -> str:
    player = game.players.filter(pk=player_id).first()
    if player is None:
        raise LiveError("That player isn't in this game.", 404)
    player.kicked = True
    player.save(update_fields=["kicked"])
    LiveGame.objects.filter(pk=game.pk).update(version=F("version") + 1)
    game.refresh_from_db()
    announce(game)
    everyone_answered_close(game)  # the one still to answer may have been the one removed
    return player.nickname


def game_tick(game: LiveGame, now: datetime) -> LiveGame:
    """Close the open question once its deadline (and grace) has passed: a clock check, no query,
    on every screen's read, so a question closes on time even with the projector tab gone."""
    if game.phase != Phase.QUESTION or game.paused_remaining_ms is not None:
        return game
    if rules.live_answer_window(now=now, opens_at=game.opens_at, deadline=game.deadline) == "closed":
        if not _move(game, game.version, phase=Phase.REVEAL):
            game.refresh_from_db()
    return game


def everyone_answered_close(game: LiveGame) -> None:
    """Close the open question once every seated player has answered it (compare-and-set)."""
    if game.phase != Phase.QUESTION or game.paused_remaining_ms is not None:
        return
    counted = answers_count(game, current_question(game))
    if counted["seated"] and counted["answered"] >= counted["seated"]:
        _move(game, game.version, phase=Phase.REVEAL)


def answer_submit(*, game: LiveGame, player: LivePlayer, position: int, answer_id: int, now: datetime,
                  fresh: bool = False) -> LiveAnswer:
    """One answer a player a question, in time; a double tap or retry returns the stored answer.

    `fresh`: the game and player were read in this request (a phone's answer: the seat query).
    """
    if not fresh:
        game.refresh_from_db()
    if player.kicked:
        raise LiveError("The host has removed you from this game.", 403)
    late = "Too late: time was up for that question, so this answer doesn't count."
    if game.phase == Phase.REVEAL and position == game.question_index:
        stored = LiveAnswer.objects.filter(question__game=game, question__position=position, player=player).first()
        if stored is not None:
            return stored
        raise LiveError(late, 409)  # the deadline passed and another screen already closed the question
    if game.phase != Phase.QUESTION or position != game.question_index:
        raise LiveError("That question is over: look at the screen for the next one.", 409)
    question = current_question(game)
    window = rules.live_answer_window(now=now, opens_at=game.opens_at, deadline=game.deadline)
    if game.paused_remaining_ms is not None or window != "open":
        stored = LiveAnswer.objects.filter(question_id=question.pk, player=player).first()
        if stored is not None:
            return stored  # a retry of an answer given in time
        if game.paused_remaining_ms is not None:
            raise LiveError("The game is paused: answer when your teacher carries on.", 409)
        if window == "reading":
            raise LiveError("Answers aren't open yet: read the question first.", 409)
        raise LiveError(late, 409)
    if answer_id not in question.options:
        raise LiveError("That answer isn't one of the options.", 400)
    correct = answer_id == question.right_answer
    streak = 0
    if correct:  # a streak only grows with right answers in a row
        previous = (LiveAnswer.objects.filter(question__game=game, question__position=position - 1, player=player)
                    .values_list("streak", flat=True).first())
        streak = (previous or 0) + 1
    elapsed = max(0, int((now - game.opens_at).total_seconds() * 1000))
    points = rules.live_points(correct=correct, elapsed_ms=elapsed, limit_ms=game.seconds * 1000,
                               speed=game.speed_scoring, streak=streak, streak_bonus=game.streak_bonus)
    label = next((pair[0] for pk, pair in zip(question.options, question.option_labels) if pk == answer_id), "")
    try:
        with transaction.atomic():
            stored = LiveAnswer.objects.create(question=question, player=player, answer=answer_id, answer_label=label,
                                               answered_at=now, elapsed_ms=elapsed, correct=correct, points=points,
                                               streak=streak)
    except IntegrityError:  # a double tap or a retry: the answer given first stands
        return LiveAnswer.objects.get(question=question, player=player)
    after = answers_count(game, question)
    if after["version"] != game.version:
        # The game moved while this answer was being stored (it was in time when read): move the
        # version on, so that boards built without this answer are built again.
        LiveGame.objects.filter(pk=game.pk).update(version=F("version") + 1)
        game.refresh_from_db()
        announce(game)
    elif after["seated"] and after["answered"] >= after["seated"]:
        _move(game, game.version, phase=Phase.REVEAL)  # everyone has answered: the reveal, at once
    else:
        announce(game, host_only=True)  # the projector's "N answered"
    return stored


def game_state(game: LiveGame, *, player: LivePlayer | None = None, now: datetime,
               mine: LiveAnswer | None = None) -> LiveState:
    """What a screen shows now: the clock is checked first (a question past its deadline closes)."""
    return state_read(game_tick(game, now), player=player, now=now, mine=mine)
