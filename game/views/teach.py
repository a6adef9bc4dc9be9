"""Teacher pages under /teach/: classes, rosters and login cards, homework and reports.

A teacher reaches only their own classes: anyone else's class, student or homework is a 404,
so ids leak nothing. Students and visitors never reach these pages.
"""

from __future__ import annotations

import csv
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from game import reports, rules
from game.forms import AssignmentForm, ClassroomForm, DueDateForm, StudentsForm
from game.errors import PlayError
from game.models import Assignment, Classroom, Debate, Membership, Rebuttal
from game.roster import RosterError, csv_parse, names_parse
from game.services.classes import (
    ClassError, assignment_create, assignment_due_change, classroom_create, classroom_rename, join_code_regenerate,
    join_code_switch_off, password_reset, student_remove, students_create,
)
from game.services.rebuttals import best_rebuttals, rebuttal_review, rebuttals_to_review
from game.teachers import is_teacher
from game.views.qr import qr_response

CARDS_KEY = "login_cards"


def teacher_required(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_teacher(request.user):
            return render(request, "teach/not_a_teacher.html", status=403)
        return view(request, *args, **kwargs)

    return guarded


def own_classroom(request, pk: int) -> Classroom:
    return get_object_or_404(Classroom, pk=pk, teacher=request.user)


def join_link(request, classroom: Classroom) -> str:
    return request.build_absolute_uri(reverse("join_code", args=[classroom.join_code])) if classroom.join_code else ""


@teacher_required
@require_http_methods(["GET", "POST"])
def index(request):
    form = ClassroomForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            classroom = classroom_create(teacher=request.user, name=form.cleaned_data["name"])
        except ClassError as error:
            form.add_error("name", error.message)
        else:
            messages.success(request, f"{classroom.name} is ready. Add students, or give them the join code.")
            return redirect("teach_class", pk=classroom.pk)
    classrooms = Classroom.objects.filter(teacher=request.user).annotate_counts()
    return render(request, "teach/index.html", {"classrooms": classrooms, "form": form})


@teacher_required
@require_GET
def class_page(request, pk: int):
    classroom = own_classroom(request, pk)
    sort = request.GET.get("sort", "name")
    assignments, rows = reports.class_overview(classroom, now=timezone.now(), sort=sort)
    now = timezone.now()
    debates = list(Debate.objects.filter(status="published").order_by("topic"))
    form = AssignmentForm(debates=debates, initial={"opens_at": timezone.localtime(now).strftime("%Y-%m-%dT%H:%M"),
                                   "due_at": timezone.localtime(now + timezone.timedelta(days=7)).strftime("%Y-%m-%dT18:00")})
    return render(request, "teach/class.html", {
        "classroom": classroom, "assignments": assignments, "rows": rows, "sort": sort,
        "join_link": join_link(request, classroom), "join_page": request.build_absolute_uri(reverse("join")),
        "students_form": StudentsForm(), "assignment_form": form,
        "debates": debates, "confusions": reports.class_confusions(classroom), **best_context(classroom),
    })


@teacher_required
@require_GET
def join_qr(request, pk: int):
    classroom = own_classroom(request, pk)
    if not classroom.join_code:
        return HttpResponse(status=404)
    return qr_response(join_link(request, classroom))


@teacher_required
@require_POST
def join_code_change(request, pk: int):
    classroom = own_classroom(request, pk)
    if request.POST.get("action") == "off":
        join_code_switch_off(classroom=classroom)
        messages.success(request, "Joining with a code is off. Nobody new can join until you make a new code.")
    else:
        join_code_regenerate(classroom=classroom)
        messages.success(request, f"New join code: {classroom.join_code_display}. The old code no longer works.")
    return redirect("teach_class", pk=classroom.pk)


@teacher_required
@require_POST
def students_add(request, pk: int):
    classroom = own_classroom(request, pk)
    form = StudentsForm(request.POST, request.FILES)
    error = None
    if not form.is_valid():
        error = " ".join(form.non_field_errors()) or "Check the list and try again."
    else:
        try:
            upload = form.cleaned_data.get("csv_file")
            students = csv_parse(upload.read()) if upload else names_parse(form.cleaned_data["names"])
            cards = students_create(classroom=classroom, students=students)
        except (RosterError, ClassError) as problem:
            error = str(problem)
    if error:
        messages.error(request, f"No students were added. {error}")
        return redirect(f"{reverse('teach_class', args=[classroom.pk])}#students")
    cards_keep(request, classroom, cards)
    messages.success(request, f"Added {rules.counted(len(cards), 'student')}. Print their login cards now: "
                              "passwords are shown only once.")
    return redirect("teach_cards", pk=classroom.pk)


def cards_keep(request, classroom: Classroom, cards) -> None:
    """Keep the new cards for this teacher's next visit to the card page (passwords are shown once)."""
    request.session[CARDS_KEY] = {"classroom": classroom.pk,
                                  "cards": [[c.display_name, c.username, c.password] for c in cards]}


@teacher_required
@require_GET
def cards(request, pk: int):
    classroom = own_classroom(request, pk)
    kept = request.session.get(CARDS_KEY) or {}
    found = kept.get("cards", []) if kept.get("classroom") == classroom.pk else []
    site = request.build_absolute_uri("/")
    return render(request, "teach/cards.html", {"classroom": classroom, "cards": found, "site": site})


@teacher_required
@require_http_methods(["GET", "POST"])
def student_page(request, pk: int, membership_pk: int):
    classroom = own_classroom(request, pk)
    membership = get_object_or_404(Membership.objects.select_related("student"), pk=membership_pk, classroom=classroom)
    if request.method == "POST" and request.POST.get("action") == "remove":
        name = student_remove(membership=membership)
        messages.success(request, f"{name} is no longer in {classroom.name}. Their account and scores are kept.")
        return redirect("teach_class", pk=classroom.pk)
    if request.method == "POST":
        try:
            card = password_reset(membership=membership)
        except ClassError as error:
            messages.error(request, error.message)
            return redirect("teach_student", pk=classroom.pk, membership_pk=membership.pk)
        cards_keep(request, classroom, [card])
        messages.success(request, f"New password for {membership.display_name}; the old one no longer works.")
        return redirect("teach_cards", pk=classroom.pk)
    rounds = reports.student_rounds(classroom, membership.student_id)
    return render(request, "teach/student.html", {
        "classroom": classroom, "membership": membership, "rounds": rounds,
        "accuracy": reports.student_accuracy(classroom, membership.student_id),
        "confusions": reports.student_confusions(classroom, membership.student_id),
        "progress": [r for r in reversed(rounds) if r.finished_at],
    })


@teacher_required
@require_POST
def homework_add(request, pk: int):
    classroom = own_classroom(request, pk)
    form = AssignmentForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            assignment = assignment_create(classroom=classroom, **{k: data[k] for k in (
                "debate", "title", "mode", "questions", "opens_at", "due_at", "attempts", "answers_shown")})
        except ClassError as error:
            messages.error(request, f"The homework wasn't set. {error.message}")
        else:
            messages.success(request, f"Set “{assignment.title}”, due {timezone.localtime(assignment.due_at):%a %-d %b %H:%M}.")
            return redirect("teach_class", pk=classroom.pk)
    else:
        problems = "; ".join(f"{form.fields[f].label or f}: {' '.join(e)}" if f != "__all__" else " ".join(e)
                             for f, e in form.errors.items())
        messages.error(request, f"The homework wasn't set. {problems}")
    return redirect(f"{reverse('teach_class', args=[classroom.pk])}#homework")


@teacher_required
@require_POST
def class_rename(request, pk: int):
    classroom = own_classroom(request, pk)
    form = ClassroomForm(request.POST)
    try:
        if not form.is_valid():
            raise ClassError("Give the class a name of up to 100 characters.")
        old_name = classroom.name
        classroom_rename(classroom=classroom, name=form.cleaned_data["name"])
    except ClassError as error:
        messages.error(request, f"The name wasn't changed. {error.message}")
    else:
        messages.success(request, f"“{old_name}” is now “{classroom.name}”.")
    return redirect("teach_class", pk=classroom.pk)


@teacher_required
@require_POST
def homework_due(request, pk: int):
    assignment = get_object_or_404(Assignment.objects.select_related("classroom"), pk=pk,
                                   classroom__teacher=request.user)
    form = DueDateForm(request.POST)
    try:
        if not form.is_valid():
            raise ClassError("Pick a date and time.")
        assignment_due_change(assignment=assignment, due_at=form.cleaned_data["due_at"])
    except ClassError as error:
        messages.error(request, f"The due date of “{assignment.title}” wasn't changed. {error.message}")
    else:
        messages.success(request, f"“{assignment.title}” is now due "
                                  f"{timezone.localtime(assignment.due_at):%a %-d %b %H:%M}.")
    return redirect(f"{reverse('teach_class', args=[assignment.classroom_id])}#homework")


@teacher_required
@require_GET
def homework_items(request, pk: int):
    assignment = get_object_or_404(Assignment.objects.select_related("classroom", "debate"), pk=pk,
                                   classroom__teacher=request.user)
    report = reports.assignment_item_report(assignment)
    return render(request, "teach/items.html", {"classroom": assignment.classroom, "title": assignment.title,
                                                "stats": report.stats, "fooled": report.fooled,
                                                "rebuttals": reports.assignment_rebuttals(assignment),
                                                "indicative_below": reports.INDICATIVE_BELOW})


@teacher_required
@require_GET
def debate_items(request, pk: int, debate_pk: int):
    classroom = own_classroom(request, pk)
    debate = get_object_or_404(Debate, pk=debate_pk)
    report = reports.debate_item_report(classroom, debate.pk)
    return render(request, "teach/items.html", {"classroom": classroom, "title": debate.topic, "stats": report.stats,
                                                "fooled": report.fooled,
                                                "rebuttals": reports.debate_rebuttals(classroom, debate.pk),
                                                "indicative_below": reports.INDICATIVE_BELOW})


class _Echo:
    def write(self, value):
        return value


@teacher_required
@require_GET
def results_csv(request, pk: int):
    classroom = own_classroom(request, pk)
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"  # a byte-order mark: spreadsheets then read names in UTF-8
        yield writer.writerow(reports.CSV_HEADER)
        for row in reports.class_results_rows(classroom):
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    safe_name = "".join(c if c.isalnum() else "-" for c in classroom.name).strip("-") or "class"
    response["Content-Disposition"] = f'attachment; filename="{safe_name}-results.csv"'
    return response


@teacher_required
@require_GET
def leaderboard(request, pk: int):
    classroom = own_classroom(request, pk)
    week = request.GET.get("period") == "week"
    since = rules.week_start(timezone.localtime()) if week else None
    return render(request, "teach/leaderboard.html", {"classroom": classroom, "week": week,
                                                      "rows": reports.class_leaderboard(classroom, since=since)})


@teacher_required
@require_GET
def rebuttals(request):
    """Rebuttals by the students of this teacher's classes: waiting ones first, each with a form."""
    return render(request, "teach/rebuttals.html", {
        "rebuttals": list(rebuttals_to_review(request.user)[:100]), "names": display_names(request.user),
        "points_line": f"approved, {rules.REBUTTAL_POINTS} points and {rules.REBUTTAL_STAR} more a star"})


@teacher_required
@require_POST
def rebuttal_reply(request, pk: int):
    rebuttal = get_object_or_404(Rebuttal.objects.select_related("item"), pk=pk)
    try:
        stars = int(request.POST.get("stars", "0") or 0)
        rebuttal_review(rebuttal=rebuttal, teacher=request.user, approve=request.POST.get("decision") == "approve",
                        stars=stars, comment=request.POST.get("comment", ""), now=timezone.now())
    except ValueError:
        messages.error(request, "Give 0 to 3 stars.")
    except PlayError as error:
        if error.status == 404:
            raise Http404(error.message) from None
        messages.error(request, error.message)
    else:
        messages.success(request, "Saved your reply. The student sees it on My scores.")
    return redirect(f"{reverse('teach_rebuttals')}#rebuttal-{rebuttal.pk}")


@teacher_required
@require_GET
def best_answers(request, pk: int):
    """The class's best approved rebuttals, for the projector."""
    classroom = own_classroom(request, pk)
    return render(request, "teach/best_answers.html", {"classroom": classroom, **best_context(classroom)})


def display_names(teacher) -> dict[int, str]:
    return dict(Membership.objects.filter(classroom__teacher=teacher).values_list("student_id", "display_name"))


def best_context(classroom) -> dict:
    names = dict(classroom.memberships.values_list("student_id", "display_name"))
    return {"best": [(names.get(r.player_id, ""), r) for r in best_rebuttals(classroom)]}
