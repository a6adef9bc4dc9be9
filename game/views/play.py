"""Playing rounds: start one, see the next question, answer it, sort the cards."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from game.forms import AnswerForm, sort_placements
from game.models import Choice, Debate, Mode, RoundItem
from game.services.rounds import Owner, PlayError, answer_submit, round_get, round_start, sort_submit
from game.views.errors import play_error

ITEM_RELATIONS = [
    "quote__speaker__side", "quote__article", "quote__paragraph",
    "question", "answer_choice", "answer_speaker__side",
    "argument__side", "argument__article", "argument__paragraph", "answer_side",
]


@require_POST
def round_new(request, slug: str, mode: str):
    debate = get_object_or_404(Debate, slug=slug)
    if mode not in Mode.values:
        return play_error(request, PlayError("There is no such game mode.", 404))
    try:
        round_ = round_start(debate=debate, mode=mode, owner=Owner.of(request), now=timezone.now())
    except PlayError as error:
        messages.error(request, error.message)
        return redirect("home")
    url = reverse("round_play", args=[round_.pk])
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def round_context(round_, *, feedback_position: int | None = None) -> dict:
    """Everything a round page shows: the next question or the feedback, with its options."""
    items = list(RoundItem.objects.filter(round=round_).select_related(*ITEM_RELATIONS).order_by("position"))
    current = next((i for i in items if i.answered_at is None), None)
    feedback = next((i for i in items if i.position == feedback_position and i.answered_at), None)
    speakers = {s.pk: s for s in round_.debate.speakers.select_related("side")}
    sides = list(round_.debate.sides.all())
    choices = {}
    question_ids = [i.question_id for i in items if i.question_id]
    if question_ids:
        choices = {c.pk: c for c in Choice.objects.filter(question_id__in=question_ids)}
    for item in items:
        pool = speakers if item.quote_id else choices
        item.option_objects = [pool[pk] for pk in item.options if pk in pool]
        if item.quote_id and item.answered_at:
            text, start, end = item.quote.paragraph.text, item.quote.start, item.quote.end
            item.passage = (text[:start], text[start:end], text[end:])
    answered = [i for i in items if i.answered_at]
    return {
        "round": round_, "items": items, "current": current, "feedback": feedback, "sides": sides,
        "points": sum(i.points for i in answered), "answered_count": len(answered), "total": len(items),
        "right_count": sum(1 for i in answered if i.correct), "finished": round_.finished_at is not None,
        "streak": answered[-1].streak if answered else 0,
    }


@require_GET
def round_play(request, round_id):
    try:
        round_ = round_get(round_id=round_id, owner=Owner.of(request))
    except PlayError as error:
        return play_error(request, error)
    answered = request.GET.get("answered", "")
    context = round_context(round_, feedback_position=int(answered) if answered.isdigit() else None)
    template = "game/sort.html" if round_.mode == Mode.SORT else "game/round.html"
    return render(request, f"{template}#play" if request.htmx else template, context)


@require_POST
def round_answer(request, round_id):
    owner = Owner.of(request)
    form = AnswerForm(request.POST)
    try:
        round_ = round_get(round_id=round_id, owner=owner)
        if not form.is_valid():
            raise PlayError(form.errors.get("answer", ["That answer could not be read."])[0], 400)
        item = answer_submit(round_id=round_.pk, position=form.cleaned_data["position"],
                             answer_id=form.cleaned_data["answer"], owner=owner, now=timezone.now())
    except PlayError as error:
        return play_error(request, error)
    if not request.htmx:
        return redirect(f"{reverse('round_play', args=[round_.pk])}?answered={item.position}")
    round_.refresh_from_db(fields=["finished_at"])
    context = round_context(round_, feedback_position=item.position)
    return render(request, "game/round.html#play", context)


@require_POST
def round_sort(request, round_id):
    owner = Owner.of(request)
    try:
        round_ = round_get(round_id=round_id, owner=owner)
        positions = list(round_.items.values_list("position", flat=True))
        sort_submit(round_id=round_.pk, placements=sort_placements(request.POST, positions), owner=owner,
                    now=timezone.now())
    except PlayError as error:
        return play_error(request, error)
    if not request.htmx:
        return redirect("round_play", round_id=round_.pk)
    round_.refresh_from_db()
    return render(request, "game/sort.html#play", round_context(round_))
