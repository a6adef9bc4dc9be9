"""Live games over htmx: the projector and the phones fetch a small state partial whenever their
event stream says the game changed (or, while the stream is down, every 2 s), and swap it only
when what they show has moved (the server answers 204 otherwise). Answers and host moves are
ordinary POSTs with CSRF."""

from __future__ import annotations

import re
import uuid

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from game import limits, rules
from game.live.board import board
from game.live.push import seat_token
from game.live.teams import team_names
from game.models import Classroom, Debate, LiveGame
from game.services.live import (
    LiveError, answer_submit, game_by_pin, game_create, game_state, host_action, nickname_suggest, player_join,
    player_kick, player_team_set, seat_find,
)
from game.views.errors import play_error
from game.views.qr import qr_response
from game.views.teach import teacher_required

COOKIE = "live_seat_{}"
DEVICE = "live_device"  # this browser's mark: a player the host removed can't come back under a new name


class LiveGameForm(forms.Form):
    debate = forms.ModelChoiceField(queryset=Debate.objects.filter(status="published").order_by("topic"), empty_label=None)
    mode = forms.ChoiceField(choices=LiveGame.Mode.choices, label="Game")
    questions = forms.IntegerField(min_value=1, max_value=30, initial=10)
    seconds = forms.TypedChoiceField(coerce=int, label="Time per question", initial=20, choices=[
        (s, f"{s} seconds" if s else "Untimed") for s in rules.LIVE_SECONDS_CHOICES])
    speed_scoring = forms.TypedChoiceField(coerce=lambda v: v == "1", initial="1", label="Scoring", choices=[
        ("1", "Faster right answers score more"), ("0", "Accuracy only")])
    streak_bonus = forms.BooleanField(required=False, initial=True, label="Bonus for answers right in a row")
    leaderboard_every = forms.IntegerField(min_value=1, max_value=30, initial=1, label="Leaderboard after every … questions")
    classroom = forms.ModelChoiceField(queryset=Classroom.objects.none(), required=False, label="Who can join",
                                       empty_label="Anyone with the PIN")
    team_kind = forms.ChoiceField(label="Teams", initial="none", widget=forms.RadioSelect, choices=[
        ("none", "No teams: everyone for themselves"), ("sides", "Proposition against Opposition"),
        ("named", "Named teams (2 to 6)")])
    team_names = forms.CharField(required=False, label="Team names, one a line", widget=forms.Textarea(attrs={"rows": 4}),
                                 help_text="For named teams. Players are put in the smallest team as they join.")
    teams_from_class = forms.BooleanField(required=False, label="Deal teams from the class list",
                                          help_text="In a class game: students are dealt into teams in the order of the class list, "
                                                    "so each knows their team on any device.")

    def __init__(self, *args, teacher=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["classroom"].queryset = Classroom.objects.filter(teacher=teacher)

    def clean(self):
        data = super().clean()
        try:
            data["teams"] = team_names(data.get("team_kind", "none"), data.get("team_names", ""))
        except ValueError as error:
            self.add_error("team_names", str(error))
        data.pop("team_kind", None)
        data.pop("team_names", None)
        return data


class JoinLiveForm(forms.Form):
    pin = forms.CharField(max_length=6, min_length=6, label="Game PIN")
    nickname = forms.CharField(max_length=20, label="Nickname")


@teacher_required
@require_http_methods(["GET", "POST"])
def live_new(request):
    form = LiveGameForm(request.POST or None, teacher=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            game = game_create(host=request.user, **form.cleaned_data)
        except LiveError as error:
            form.add_error(None, error.message)
        else:
            return redirect("live_host", pin=game.pin)
    return render(request, "live/new.html", {"form": form})


def hosted(request, pin: str) -> LiveGame:
    return get_object_or_404(LiveGame.objects.select_related("debate", "classroom"), pin=pin, host=request.user)


def host_context(request, game: LiveGame) -> dict:
    return {"state": game_state(game, now=timezone.now()), "join_url": request.build_absolute_uri(reverse("live_join")),
            "server_now": int(timezone.now().timestamp() * 1000), "host_closes_after": rules.LIVE_HOST_ASKS_AFTER_MS}


@teacher_required
@require_GET
def live_host(request, pin: str):
    game = hosted(request, pin)
    return render(request, "live/host.html", host_context(request, game))


@teacher_required
@require_GET
def live_host_state(request, pin: str):
    game = hosted(request, pin)
    context = host_context(request, game)
    if request.GET.get("s") == context["state"].signature:
        return HttpResponse(status=204)  # nothing moved: the screen stays as it is
    return render(request, "live/host.html#host", context)


@teacher_required
@require_POST
def live_host_action(request, pin: str):
    game = hosted(request, pin)
    try:
        action = request.POST.get("action", "")
        if action in ("kick", "team"):
            player_id = int(request.POST.get("player", 0) or 0)
            if action == "kick":
                messages.success(request, f"{player_kick(game=game, player_id=player_id)} has left the game. "
                                          "They can't join this game again.")
            else:
                name, team = player_team_set(game=game, player_id=player_id, team_id=int(request.POST.get("team", 0) or 0))
                messages.success(request, f"{name} is now in {team}.")
            if request.POST.get("back") == "players":
                return redirect("live_host_players", pin=game.pin)
        else:
            host_action(game=game, action=action, version=int(request.POST.get("version", 0) or 0), now=timezone.now())
    except ValueError:
        messages.error(request, "That could not be read; the screen shows where the game is.")
    except LiveError as error:
        messages.error(request, error.message)
    return redirect("live_host", pin=game.pin)


@teacher_required
@require_GET
def live_host_players(request, pin: str):
    """Everyone in the game with their points, and a button to remove each: for a name that should
    not be on the projector, at any point of the game."""
    game = hosted(request, pin)
    scores = board(game)
    players = [(p, scores.of(p.pk, p.nickname)) for p in game.players.filter(kicked=False)]
    return render(request, "live/players.html", {"game": game, "players": players, "teams": list(game.teams.all())})


@teacher_required
@require_GET
def live_qr(request, pin: str):
    hosted(request, pin)
    return qr_response(request.build_absolute_uri(reverse("live_join") + f"?pin={pin}"))


@require_http_methods(["GET", "POST"])
def live_join(request):
    initial = {"pin": request.GET.get("pin", ""), "nickname": request.GET.get("nickname", "")}
    if request.GET.get("suggest"):
        initial["nickname"] = nickname_suggest()
    form = JoinLiveForm(request.POST or None, initial=initial)
    device = request.COOKIES.get(DEVICE, "")
    if not re.fullmatch(r"[0-9a-f]{32}", device):
        device = uuid.uuid4().hex
    if request.method == "POST" and limits.stopped(request, limits.GAME_PINS):
        form.add_error(None, limits.GAME_PINS.message)
        return render(request, "live/join.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        try:
            game = pin_guess(request, form.cleaned_data["pin"])
            player = player_join(game=game, nickname=form.cleaned_data["nickname"], user=request.user, device=device)
        except LiveError as error:
            form.add_error(None, error.message)
        else:
            response = redirect("live_play", pin=game.pin)
            response.set_cookie(DEVICE, device, max_age=60 * 60 * 24 * 30, httponly=True, samesite="Lax",
                                secure=request.is_secure())
            response.set_cookie(COOKIE.format(game.pin), str(player.token), max_age=60 * 60 * 6, httponly=True,
                                samesite="Lax", secure=request.is_secure())
            return response
    return render(request, "live/join.html", {"form": form}, status=400 if form.errors else 200)


def pin_guess(request, pin: str) -> LiveGame:
    """The game with this PIN; an unknown PIN counts as a wrong guess from this address."""
    try:
        return game_by_pin(pin)
    except LiveError:
        limits.wrong_guess(request, limits.GAME_PINS)
        raise


def seat(request, pin: str):
    """The game and this screen's seat. A screen with its seat (the phones' every read) costs no
    more; without one, a page asked for by PIN is a guess, limited as the join form's are."""
    try:
        game, player = seat_find(pin, request.COOKIES.get(COOKIE.format(pin.strip())), request.user)
    except LiveError as error:
        if error.status == 404:
            limits.wrong_guess(request, limits.GAME_PINS)
        if limits.stopped(request, limits.GAME_PINS):
            raise LiveError(limits.GAME_PINS.message, 429) from None
        raise
    if player is None and limits.stopped(request, limits.GAME_PINS):
        raise LiveError(limits.GAME_PINS.message, 429)
    return game, player


def play_context(game, player, mine=None) -> dict:
    return {"state": game_state(game, player=player, now=timezone.now(), mine=mine), "player": player,
            "seat": seat_token(game.pin, player.pk),
            "server_now": int(timezone.now().timestamp() * 1000), "phone_closes_after": rules.LIVE_PHONE_ASKS_AFTER_MS}


@require_GET
def live_play(request, pin: str):
    try:
        game, player = seat(request, pin)
    except LiveError as error:
        return play_error(request, error)
    if player is None:
        return redirect(f"{reverse('live_join')}?pin={pin}")
    return render(request, "live/play.html", play_context(game, player))


@require_GET
def live_play_state(request, pin: str):
    try:
        game, player = seat(request, pin)
    except LiveError as error:
        return play_error(request, error)
    if player is None:
        return play_error(request, LiveError("You're no longer in this game. Join again with the PIN.", 403))
    context = play_context(game, player)
    if request.GET.get("s") == context["state"].player_signature:
        return HttpResponse(status=204)  # nothing this phone shows has changed
    return render(request, "live/play.html#live", {**context, "oob": True})


@require_POST
def live_answer(request, pin: str):
    game, player = None, None
    try:
        game, player = seat(request, pin)
        if player is None:
            raise LiveError("You're not in this game. Join with the PIN first.", 403)
        try:
            position, answer_id = int(request.POST.get("position", "")), int(request.POST.get("answer", ""))
        except ValueError:
            raise LiveError("That answer could not be read.", 400) from None
        stored = answer_submit(game=game, player=player, position=position, answer_id=answer_id, now=timezone.now(),
                               fresh=True)
    except LiveError as error:
        if not (request.htmx and player is not None):
            return play_error(request, error)
        # On the phone, the message shows above the current state of the game.
        return render(request, "live/play.html#live", {**play_context(game, player), "error": error.message,
                                                        "oob": True}, status=error.status)
    if request.htmx:
        return render(request, "live/play.html#live", {**play_context(game, player, mine=stored), "oob": True})
    return redirect("live_play", pin=game.pin)
