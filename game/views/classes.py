"""A student's side of classes: joining with a code, leaving, and starting homework."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from game import limits
from game.forms import JoinForm
from game.models import Assignment
from game.services.classes import ClassError, WrongCode, class_join, class_leave
from game.services.rounds import PlayError, homework_round_start
from game.views.errors import play_error


@login_required
@require_http_methods(["GET", "POST"])
def join(request, code: str = ""):
    initial = {"code": code, "first_name": request.user.first_name, "last_initial": request.user.last_name[:1]}
    form = JoinForm(request.POST or None, initial=initial)
    if request.method == "POST" and limits.stopped(request, limits.CLASS_CODES):
        form.add_error(None, limits.CLASS_CODES.message)
        return render(request, "classes/join.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        try:
            membership = class_join(student=request.user, **form.cleaned_data)
        except ClassError as error:
            if isinstance(error, WrongCode):
                limits.wrong_guess(request, limits.CLASS_CODES)
            form.add_error(None, error.message)
        else:
            messages.success(request, f"You've joined {membership.classroom.name}. Your homework shows on this page.")
            return redirect("home")
    return render(request, "classes/join.html", {"form": form}, status=400 if form.errors else 200)


@login_required
@require_POST
def leave(request, pk: int):
    try:
        name = class_leave(student=request.user, classroom_id=pk)
    except ClassError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"You've left {name}. Your scores stay yours.")
    return redirect("home")


@login_required
@require_POST
def homework_start(request, pk: int):
    assignment = get_object_or_404(Assignment, pk=pk, classroom__memberships__student=request.user)
    try:
        round_ = homework_round_start(assignment=assignment, student=request.user, now=timezone.now())
    except PlayError as error:
        return play_error(request, error)
    return redirect("round_play", round_id=round_.pk)
