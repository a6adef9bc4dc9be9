"""Playing rounds: start one, see the next question, answer it, sort the cards.

Each view reads the round and its items once (the items carry the snapshot of what was asked),
so a page costs the same few queries however much content or history there is.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from game.forms import AnswerForm, sort_placements
from django.db.models import Q

from game.models import Debate, Round, RoundItem, Status
from game import rules
from game.modes import mode_of, modes
from game.services.rebuttals import rebuttal_submit
from game.services.rounds import (
    Owner, PlayError, SortIncomplete, answer_submit, order_submit, round_get, round_start, sort_submit,
)
from game.views.errors import play_error




@require_POST
def round_new(request, slug: str, mode: str):
    # A teacher's draft debate is not for students yet (its owner may try it).
    visible = Q(status=Status.PUBLISHED) | (Q(owner=request.user) if request.user.is_authenticated else Q(pk__in=[]))
    debate = get_object_or_404(Debate.objects.filter(visible), slug=slug)
    if getattr(modes().get(mode), "written", False) and not request.user.is_authenticated:
        messages.error(request, "Log in to write a rebuttal: your teacher reads it and replies on My scores.")
        return redirect(f"{reverse('login')}?next=/")
    try:
        mode_of(mode)
        round_ = round_start(debate=debate, mode=mode, owner=Owner.of(request), now=timezone.now())
    except PlayError as error:
        messages.error(request, error.message)
        return redirect("home")
    url = reverse("round_play", args=[round_.pk])
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def round_items(round_: Round) -> list[RoundItem]:
    """A round's items: each carries its snapshot (words, options, source), so no joins (a written
    answer's round also reads its rebuttal)."""
    items = round_.items.order_by("position")
    return list(items.select_related("rebuttal") if mode_of(round_.mode).written else items)



def round_context(round_: Round, items: list[RoundItem], *, feedback_position: int | None = None) -> dict:
    """Everything a round page shows: the next question, the feedback, or the results."""
    current = next((i for i in items if i.answered_at is None), None)
    feedback = next((i for i in items if i.position == feedback_position and i.answered_at), None)
    answered = [i for i in items if i.answered_at]
    return {
        "round": round_, "items": items, "current": current, "feedback": feedback,
        "points": sum(i.points for i in answered), "answered_count": len(answered), "total": len(items),
        "right_count": sum(1 for i in answered if i.correct), "finished": round_.finished_at is not None,
        "streak": answered[-1].streak if answered else 0,
        # A right "Spot the misquote" answer: the changes stay unmarked until "What was changed?" is answered.
        "next_is_follow_up": bool(feedback and any(
            i.position == feedback.position + 1 and i.kind == "mq_change" for i in items)),
        # Homework may keep the answers (and so the points) hidden until it is due, or for good.
        "reveal": round_.assignment.answers_visible(timezone.now()) if round_.assignment_id else True,
    }


def sort_context(round_: Round, items: list[RoundItem], *, placements: dict | None = None,
                 missing: list[int] = (), error: str = "") -> dict:
    """A sorting board (as the player left it, when a check was refused) or its results."""
    sides = [] if round_.finished_at else list(round_.debate.sides.all())  # the board needs them
    for item in items:
        item.placed = (placements or {}).get(item.position)
        item.unplaced = item.position in missing
    return {**round_context(round_, items), "sides": sides, "error": error}


def round_page(request, round_: Round, context: dict, *, status: int = 200):
    template = mode_of(round_.mode).template
    return render(request, f"{template}#play" if request.htmx else template, context, status=status)


@require_GET
def round_play(request, round_id):
    try:
        round_ = round_get(round_id=round_id, owner=Owner.of(request))
    except PlayError as error:
        return play_error(request, error)
    items = round_items(round_)
    if round_.mode == "timeline":
        return round_page(request, round_, timeline_context(round_, items))
    if mode_of(round_.mode).board:
        return round_page(request, round_, sort_context(round_, items))
    if mode_of(round_.mode).written:
        return round_page(request, round_, {**round_context(round_, items), "max_length": rules.REBUTTAL_MAX})
    answered = request.GET.get("answered", "")
    return round_page(request, round_, round_context(
        round_, items, feedback_position=int(answered) if answered.isdigit() else None))


@require_POST
def round_answer(request, round_id):
    form = AnswerForm(request.POST)
    try:
        if not form.is_valid():
            round_get(round_id=round_id, owner=Owner.of(request))  # someone else's round: not found first
            raise PlayError(form.errors.get("answer", ["That answer could not be read."])[0], 400)
        done = answer_submit(round_id=round_id, position=form.cleaned_data["position"],
                             answer_id=form.cleaned_data["answer"], owner=Owner.of(request), now=timezone.now())
    except PlayError as error:
        return play_error(request, error)
    if not request.htmx:
        return redirect(f"{reverse('round_play', args=[done.round.pk])}?answered={done.item.position}")
    return round_page(request, done.round, round_context(done.round, done.items, feedback_position=done.item.position))


@require_POST
def round_rebut(request, round_id):
    owner = Owner.of(request)
    text = request.POST.get("text", "")
    try:
        rebuttal_submit(round_id=round_id, text=text, owner=owner, now=timezone.now())
    except PlayError as error:
        try:
            round_ = round_get(round_id=round_id, owner=owner)
        except PlayError:
            return play_error(request, error)
        context = {**round_context(round_, round_items(round_)), "error": error.message, "text": text[:2000],
                   "max_length": rules.REBUTTAL_MAX}
        return round_page(request, round_, context, status=error.status)
    if not request.htmx:
        return redirect("round_play", round_id=round_id)
    round_ = round_get(round_id=round_id, owner=owner)
    return round_page(request, round_, {**round_context(round_, round_items(round_)), "max_length": rules.REBUTTAL_MAX})


def timeline_context(round_: Round, items: list[RoundItem], error: str = "") -> dict:
    context = {**round_context(round_, items), "error": error}
    if round_.finished_at:
        right, total = rules.pairs_in_order([i.answer for i in items], [i.right_answer for i in items])
        context.update(ordered=sorted(items, key=lambda i: i.right_answer), pairs_right=right, pairs_total=total)
    return context


@require_POST
def round_order(request, round_id):
    owner = Owner.of(request)
    try:
        done = order_submit(round_id=round_id, placements=sort_placements(request.POST), owner=owner, now=timezone.now())
    except PlayError as error:
        try:
            round_ = round_get(round_id=round_id, owner=owner)
        except PlayError:
            return play_error(request, error)
        if round_.finished_at or error.status != 400:
            return play_error(request, error)
        return round_page(request, round_, timeline_context(round_, round_items(round_), error.message), status=400)
    if not request.htmx:
        return redirect("round_play", round_id=done.round.pk)
    return round_page(request, done.round, timeline_context(done.round, done.items))


@require_POST
def round_sort(request, round_id):
    owner = Owner.of(request)
    try:
        done = sort_submit(round_id=round_id, placements=sort_placements(request.POST), owner=owner,
                           now=timezone.now())
    except SortIncomplete as error:
        # Keep the board as the player left it, and point at the cards still to place.
        round_ = round_get(round_id=round_id, owner=owner)
        context = sort_context(round_, round_items(round_), placements=error.placements, missing=error.missing,
                               error=error.message)
        return round_page(request, round_, context, status=400)
    except PlayError as error:
        return play_error(request, error)
    if not request.htmx:
        return redirect("round_play", round_id=done.round.pk)
    return round_page(request, done.round, sort_context(done.round, done.items))
