"""A teacher's own debates under /teach/debates/: make one from articles, review it, publish it.

Thin views: a form for input, one service call, one render. Each debate is its owner's: anyone
else (another teacher) gets a 404, students a 403 and visitors the login page (`teacher_required`).
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from game import rules
from game.fetch import FetchError, url_fetch
from game.forms import ArticlesForm, DebateForm, QuestionsImportForm
from game.importer.questions import questions_parse
from game.models import Argument, Article, Debate, Event, Question, Quote, Sentence, Speaker, Status
from game.services import debates as service
from game.services.importing import ImportReport, Source, article_sources_import, sources_read, sources_store
from game.services.packs import PackImportError, pack_export, pack_import, questions_add
from game.views.teach import teacher_required

PASTED_NAME = "pasted-{n}.txt"


def own_debate(request, pk: int) -> Debate:
    debates = Debate.objects.all() if request.user.is_superuser else Debate.objects.filter(owner=request.user)
    return get_object_or_404(debates, pk=pk)


def form_sources(form: ArticlesForm, *, pasted_number: int) -> tuple[list[Source], list[str]]:
    """The articles a form holds (files, pasted text, a fetched web address), and why a web address was not fetched."""
    sources = [Source(name=upload.name, data=upload.read()) for upload in form.uploads]
    errors = []
    if form.cleaned_data.get("pasted", "").strip():
        sources.append(Source(name=PASTED_NAME.format(n=pasted_number), pasted=True,
                              data=form.cleaned_data["pasted"].encode("utf-8")))
    if form.cleaned_data.get("url"):
        try:
            fetched = url_fetch(form.cleaned_data["url"])
            sources.append(Source(name=fetched.file_name, data=fetched.data, url=fetched.url))
        except FetchError as error:
            errors.append(f"{form.cleaned_data['url']}: {error}")
    return sources, errors


def report_tell(request, report: ImportReport) -> None:
    """Tell the teacher how an import went: each file not imported, each warning, what was found."""
    for error in report.errors:
        messages.error(request, f"Not imported: {error}")
    for warning in report.warnings:
        messages.warning(request, warning)
    if report.articles:
        messages.success(request, f"Read {rules.counted(report.articles, 'article')}: found "
                                  f"{rules.counted(report.quotes, 'quotation')} and "
                                  f"{rules.counted(report.arguments, 'possible argument')}. "
                                  "Give each person a side below, then publish.")


def articles_import(request, form: ArticlesForm, debate: Debate) -> ImportReport:
    """Import what the form holds into a debate and tell the teacher how it went."""
    sources, errors = form_sources(form, pasted_number=debate.articles.filter(source_format="pasted").count() + 1)
    report = article_sources_import(sources=sources, debate=debate) if sources else ImportReport()
    report.errors = errors + report.errors
    report_tell(request, report)
    return report


@teacher_required
@require_GET
def index(request):
    debates = Debate.objects.filter(owner=request.user).annotate(article_count=Count("articles")).order_by("-pk")
    return render(request, "debates/index.html", {"debates": debates})


@teacher_required
@require_http_methods(["GET", "POST"])
def debate_new(request):
    """A debate is made only once at least one of its articles has been read; otherwise the form
    comes back with each file's message and everything typed in it."""
    form = DebateForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        sources, errors = form_sources(form, pasted_number=1)
        read = sources_read(sources)
        read.errors = errors + read.errors
        if not read.parsed:
            form.add_error(None, "No debate was made: none of its articles could be read. Fix or replace them "
                                 "(files need choosing again) and try again.")
            for error in read.errors:
                form.add_error(None, f"Not imported: {error}")
        else:
            try:
                debate = service.debate_create(owner=request.user, motion=form.cleaned_data["motion"],
                                               for_name=form.cleaned_data["for_name"],
                                               against_name=form.cleaned_data["against_name"])
            except service.DebateError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, f"Your debate “{debate.motion}” is made. Students see it once you publish it.")
                report_tell(request, sources_store(read, debate=debate))
                return redirect("debate_review", pk=debate.pk)
    return render(request, "debates/new.html", {"form": form})


def review_context(debate: Debate) -> dict:
    """Everything the review page shows, in a fixed number of queries however big the debate."""
    sides = list(debate.sides.all())
    people = list(Speaker.objects.filter(debate=debate).annotate(
        quote_count=Count("quotes", distinct=True)).order_by("-quote_count", "full_name"))
    articles = list(debate.articles.defer("body").order_by("pk"))
    quotes = list(Quote.objects.filter(article__debate=debate).exclude(status=Status.ARCHIVED)
                  .select_related("paragraph", "speaker").order_by("article_id", "paragraph__index", "start"))
    arguments = list(Argument.objects.filter(debate=debate, quote__isnull=True).exclude(status=Status.ARCHIVED)
                     .select_related("paragraph", "side", "speaker").order_by("article_id", "paragraph__index"))
    sentences = list(Sentence.objects.filter(debate=debate).exclude(status=Status.ARCHIVED)
                     .select_related("paragraph").order_by("article_id", "paragraph__index", "start"))
    for sentence in sentences:
        sentence.before, sentence.after = sentence.paragraph.text[:sentence.start], sentence.paragraph.text[sentence.end:]
    events = list(Event.objects.filter(debate=debate).exclude(status=Status.ARCHIVED)
                  .select_related("paragraph", "article").defer("article__body").order_by("happened_on", "pk"))
    by_article = {article.pk: {"article": article, "quotes": [], "people": {}} for article in articles}
    people_by_pk = {person.pk: person for person in people}
    for quote in quotes:
        group = by_article[quote.article_id]
        group["quotes"].append(quote)
        if quote.speaker_id:
            group["people"][quote.speaker_id] = people_by_pk[quote.speaker_id]
    for group in by_article.values():
        author = group["article"].author_speaker_id
        if author and author in people_by_pk:
            group["people"].setdefault(author, people_by_pk[author])
        group["people"] = sorted(group["people"].values(), key=lambda p: p.full_name)
        for quote in group["quotes"]:
            quote.article_people, quote.article = group["people"], group["article"]  # no query per row
            quote.before, quote.words, quote.after = (quote.paragraph.text[: quote.start],
                                                      quote.paragraph.text[quote.start : quote.end],
                                                      quote.paragraph.text[quote.end :])
            quote.to_check = service.quote_to_check(quote)
        # The ones to check come first, in a list of their own; each article lists the rest.
        group["quotes"], group["to_check"] = ([q for q in group["quotes"] if not q.to_check],
                                              sum(1 for q in group["quotes"] if q.to_check))
    return {
        "debate": debate, "sides": sides, "reason_types": rules.REASON_TYPES, "people": people, "articles": list(by_article.values()),
        "quote_rows": quotes, "to_check": [q for q in quotes if q.to_check],
        "arguments": arguments, "readiness": service.debate_readiness(debate),
        "sentences": sentences, "sentence_labels": Sentence.Label.choices, "events": events,
        "question_count": Question.objects.filter(debate=debate).exclude(status=Status.ARCHIVED).count(),
        "unattributed": sum(1 for q in quotes if q.speaker_id is None and q.keep),
        "articles_form": ArticlesForm(), "neither": service.NEITHER,
    }


@teacher_required
@require_GET
def review(request, pk: int):
    debate = own_debate(request, pk)
    return render(request, "debates/review.html", review_context(debate))


def back(request, debate: Debate, anchor: str = ""):
    return redirect(reverse("debate_review", args=[debate.pk]) + (f"#{anchor}" if anchor else ""))


def saved(request, debate: Debate, anchor: str, what: str, review):
    """Run a review service; say "Saved …" or the service's reason, and go back to the row."""
    try:
        review()
    except service.DebateError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Saved {what}.")
    return back(request, debate, anchor)


@teacher_required
@require_POST
def articles_add(request, pk: int):
    debate = own_debate(request, pk)
    form = ArticlesForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    elif not form.has_articles():
        messages.error(request, "Choose a file, paste an article's text or give a web address first.")
    else:
        articles_import(request, form, debate)
    return back(request, debate, "articles")


@teacher_required
@require_POST
def settings_change(request, pk: int):
    debate = own_debate(request, pk)
    names = {side.pk: request.POST.get(f"side-{side.pk}", side.name) for side in debate.sides.all()}
    try:
        service.debate_rename(debate=debate, motion=request.POST.get("motion", ""), side_names=names)
    except service.DebateError as error:
        messages.error(request, f"Nothing was changed. {error.message}")
    else:
        messages.success(request, "Saved the motion and the sides' names.")
    return back(request, debate)


@teacher_required
@require_POST
def person_side(request, pk: int, speaker_pk: int):
    debate = own_debate(request, pk)
    person = get_object_or_404(Speaker, pk=speaker_pk, debate=debate)
    error = ""
    try:
        service.speaker_side_set(speaker=person, choice=request.POST.get("side", ""))
    except service.DebateError as problem:
        error = problem.message
    if request.htmx:
        person.quote_count = person.quotes.count()
        return render(request, "debates/review.html#person-row", {
            "person": person, "sides": list(debate.sides.all()), "debate": debate, "error": error,
            "neither": service.NEITHER, "people": list(debate.speakers.order_by("full_name"))},
            status=400 if error else 200)
    if error:
        messages.error(request, error)
    return back(request, debate, f"person-{person.pk}")


@teacher_required
@require_POST
def people_merge(request, pk: int):
    debate = own_debate(request, pk)
    keep = get_object_or_404(Speaker, pk=request.POST.get("keep") or 0, debate=debate)
    merge_pk = request.POST.get("merge") or ""
    merge = Speaker.objects.filter(pk=merge_pk if merge_pk.isdigit() else 0, debate=debate).first()
    if merge is None:
        messages.error(request, "Choose the name that is the same person first (it may have been merged already).")
        return back(request, debate, f"person-{keep.pk}")
    try:
        service.speakers_merge(keep=keep, merge=merge)
    except service.DebateError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"“{merge.full_name}” is now one of {keep.full_name}'s names; "
                                  "their quotations are together.")
    return back(request, debate, f"person-{keep.pk}")


@teacher_required
@require_POST
def quote_change(request, pk: int, quote_pk: int):
    debate = own_debate(request, pk)
    quote = get_object_or_404(Quote.objects.select_related("article", "paragraph"), pk=quote_pk, article__debate=debate)
    speaker = request.POST.get("speaker", "")
    error = ""
    try:
        service.quote_review(quote=quote, speaker_id=int(speaker) if speaker.isdigit() else None,
                             keep=request.POST.get("keep") == "on", card=request.POST.get("card") == "on",
                             card_claim=request.POST.get("card_claim", ""), reason=request.POST.get("reason"))
    except service.DebateError as problem:
        error = problem.message
    if request.htmx:
        quote = Quote.objects.select_related("paragraph", "speaker", "article").get(pk=quote.pk)
        context = review_context(debate)
        row = next(q for q in context["quote_rows"] if q.pk == quote.pk)
        return render(request, "debates/review.html#quote-row", {**context, "quote": row, "error": error,
                                                                 "saved": not error}, status=400 if error else 200)
    if error:
        messages.error(request, error)
    return back(request, debate, f"quote-{quote.pk}")


@teacher_required
@require_POST
def argument_change(request, pk: int, argument_pk: int):
    debate = own_debate(request, pk)
    argument = get_object_or_404(Argument, pk=argument_pk, debate=debate, quote__isnull=True)
    side = request.POST.get("side", "")
    return saved(request, debate, f"argument-{argument.pk}", "the argument", lambda: service.argument_review(
        argument=argument, claim=request.POST.get("claim", ""), side_id=int(side) if side.isdigit() else None,
        keep=request.POST.get("keep") == "on", reason=request.POST.get("reason")))


@teacher_required
@require_POST
def sentence_change(request, pk: int, sentence_pk: int):
    debate = own_debate(request, pk)
    sentence = get_object_or_404(Sentence, pk=sentence_pk, debate=debate)
    return saved(request, debate, f"sentence-{sentence.pk}", "the sentence", lambda: service.sentence_review(
        sentence=sentence, label=request.POST.get("label", ""), keep=request.POST.get("keep") == "on"))


@teacher_required
@require_POST
def event_change(request, pk: int, event_pk: int):
    debate = own_debate(request, pk)
    event = get_object_or_404(Event, pk=event_pk, debate=debate)
    return saved(request, debate, f"event-{event.pk}", "the event", lambda: service.event_review(
        event=event, text=request.POST.get("text", ""), happened_on=request.POST.get("happened_on", ""),
        dated_by=request.POST.get("dated_by", ""), keep=request.POST.get("keep") == "on"))


@teacher_required
@require_POST
def publish(request, pk: int):
    debate = own_debate(request, pk)
    result = service.debate_publish(debate=debate)
    messages.success(request, f"Published: {rules.counted(result.quotes, 'quotation')}, "
                              f"{rules.counted(result.cards, 'sorting card')} from them, "
                              f"{rules.counted(result.arguments, 'other argument')}, "
                              f"{rules.counted(result.sentences, 'sentence')}, "
                              f"{rules.counted(result.events, 'dated event')} and "
                              f"{rules.counted(result.questions, 'question')}. "
                              "Students can play it now.")
    for waiting in result.waiting:
        messages.warning(request, f"Not published yet: {waiting}.")
    return back(request, debate, "games")


@teacher_required
@require_GET
def export(request, pk: int):
    debate = own_debate(request, pk)
    response = HttpResponse(json.dumps(pack_export(debate), ensure_ascii=False, indent=1),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{debate.slug}.hustings.json"'
    return response


@teacher_required
@require_POST
def pack_upload(request):
    upload = request.FILES.get("pack")
    if upload is None:
        messages.error(request, "Choose a debate file (.json) first.")
        return redirect("debates")
    try:
        debate, created = pack_import(upload.read(), owner=request.user, name=upload.name)
    except PackImportError as error:
        messages.error(request, f"Not imported: {upload.name}: {error}")
        return redirect("debates")
    messages.success(request, f"Imported “{debate.motion}”." if created else
                     f"“{debate.motion}” was already here: nothing new to add.")
    return redirect("debate_review", pk=debate.pk) if debate.owner_id == request.user.pk else redirect("debates")


@teacher_required
@require_http_methods(["GET", "POST"])
def questions_import(request, pk: int):
    debate = own_debate(request, pk)
    form = QuestionsImportForm(request.POST or None, request.FILES or None)
    parsed = None
    if request.method == "POST" and form.is_valid():
        parsed = questions_parse(form.cleaned_data["text"])
        if request.POST.get("confirm") == "yes" and parsed.questions:
            added = questions_add(debate=debate, questions=parsed.questions)
            messages.success(request, f"Added {rules.counted(added, 'question')}"
                                      f"{' and published them' if debate.status == Status.PUBLISHED else ''}."
                                      + (f" {rules.counted(len(parsed.errors), 'line')} "
                                         "with problems were left out." if parsed.errors else ""))
            return back(request, debate, "questions")
    return render(request, "debates/questions.html", {"debate": debate, "form": form, "parsed": parsed,
                                                      "text": form.cleaned_data.get("text", "") if parsed else ""})
