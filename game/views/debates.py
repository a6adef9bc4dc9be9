"""A teacher's own debates under /teach/debates/: make one from articles, review it, publish it.

Thin views: a form for input, one service call, one render. Each debate is its owner's: anyone
else (another teacher) gets a 404, students a 403 and visitors the login page (`teacher_required`).
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from game import rules
from game.fetch import FetchError, url_fetch
from game.forms import ArticlesForm, DebateForm, QuestionsImportForm
from game.importer import misquotes as misquote_rules
from game.importer.questions import questions_parse
from game.models import Argument, Debate, Event, Misquote, Question, Quote, Sentence, Speaker, Status
from game.errors import PlayError
from game.modes import modes
from game.services import debates as service
from game.services import misquotes as misquote_service
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


def report_lines(report: ImportReport) -> list[tuple[str, str]]:
    """How an import went, as (level, sentence): each file not imported, each warning, what was found."""
    lines = [("error", f"Not imported: {error}") for error in report.errors]
    lines += [("warning", warning) for warning in report.warnings]
    if report.articles:
        lines.append(("success", f"Read {rules.counted(report.articles, 'article')}: found "
                                 f"{rules.counted(report.quotes, 'quotation')} and "
                                 f"{rules.counted(report.arguments, 'possible argument')}. "
                                 "Give each person a side below, then publish."))
    return lines


def report_tell(request, lines: list[tuple[str, str]]) -> None:
    for level, text in lines:
        getattr(messages, level)(request, text)


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
                report_tell(request, report_lines(sources_store(read, debate=debate)))
                return redirect("debate_review", pk=debate.pk)
    return render(request, "debates/new.html", {"form": form})


QUOTE_FILTERS = (("check", "To check"), ("kept", "Kept"), ("all", "All"))


def review_context(debate: Debate, *, show: str = "", open_quote: int | None = None,
                   misquote_form: dict | None = None) -> dict:
    """Everything the review page shows, in a fixed number of queries however big the debate.

    `show`: which quotations are listed ("check": no speaker yet or the importer unsure, the default
    while there are any; "kept"; "all"); `open_quote`: a quotation shown open with its editor (a
    browser without JavaScript opens them one at a time); `misquote_form`: a misquote refused, shown
    in the open quotation's editor with the teacher's words (`misquote_done`)."""
    sides = list(debate.sides.all())
    people = list(Speaker.objects.filter(debate=debate).annotate(
        quote_count=Count("quotes", distinct=True)).order_by("-quote_count", "full_name"))
    articles = list(debate.articles.defer("body").order_by("pk"))
    quotes = list(Quote.objects.filter(article__debate=debate).exclude(status=Status.ARCHIVED)
                  .select_related("paragraph", "speaker").order_by("article_id", "paragraph__index", "start")
                  .annotate(misquotes_kept=Count("misquotes", filter=Q(misquotes__keep=True))))
    arguments = list(Argument.objects.filter(debate=debate, quote__isnull=True).exclude(status=Status.ARCHIVED)
                     .select_related("paragraph", "side", "speaker").order_by("article_id", "paragraph__index"))
    sentences = list(Sentence.objects.filter(debate=debate).exclude(status=Status.ARCHIVED)
                     .select_related("paragraph").order_by("article_id", "paragraph__index", "start"))
    for sentence in sentences:
        sentence.before, sentence.after = sentence.paragraph.text[:sentence.start], sentence.paragraph.text[sentence.end:]
    events = list(Event.objects.filter(debate=debate).exclude(status=Status.ARCHIVED)
                  .select_related("paragraph", "article").defer("article__body").order_by("happened_on", "pk"))
    people_by_pk = {person.pk: person for person in people}
    by_article = {article.pk: {"article": article, "quotes": [], "people": {}} for article in articles}
    for quote in quotes:
        group = by_article[quote.article_id]
        group["quotes"].append(quote)
        if quote.speaker_id:
            group["people"][quote.speaker_id] = people_by_pk[quote.speaker_id]
        quote.to_check = service.quote_to_check(quote)
        quote.words = quote.paragraph.text[quote.start:quote.end]
    counts = quote_counts(quotes)
    if show not in counts:
        show = "check" if counts["check"] else "all"
    shown = {"check": lambda q: q.to_check, "kept": lambda q: q.keep, "all": lambda q: True}[show]
    groups = []
    for group in by_article.values():
        author = group["article"].author_speaker_id
        if author and author in people_by_pk:
            group["people"].setdefault(author, people_by_pk[author])
        article_people = sorted(group["people"].values(), key=lambda p: p.full_name)
        # The ones to check come first in their article.
        listed = sorted((q for q in group["quotes"] if shown(q)), key=lambda q: not q.to_check)
        for quote in listed:
            quote.article = group["article"]  # no query per row
            if quote.pk == open_quote:
                quote_editor_prepare(quote, article_people, misquote_form)
        if listed or show == "all":
            groups.append({"article": group["article"], "shown": listed, "total": len(group["quotes"])})
    return {
        "debate": debate, "sides": sides, "reason_types": rules.REASON_TYPES, "people": people, "articles": articles,
        "groups": groups, "show": show, "counts": counts,
        "filters": quote_filters(counts),
        "arguments": arguments, "readiness": service.debate_readiness(debate),
        "sentences": sentences, "sentence_labels": Sentence.Label.choices, "events": events,
        "question_count": Question.objects.filter(debate=debate).exclude(status=Status.ARCHIVED).count(),
        "unattributed": sum(1 for q in quotes if q.speaker_id is None and q.keep),
        "articles_form": ArticlesForm(), "neither": service.NEITHER,
    }


def quote_counts(quotes: list[Quote]) -> dict[str, int]:
    """How many quotations each filter lists."""
    return {"check": sum(1 for q in quotes if service.quote_to_check(q)), "kept": sum(1 for q in quotes if q.keep),
            "all": len(quotes)}


def quote_filters(counts: dict[str, int]) -> list[tuple[str, str, int]]:
    return [(slug, label, counts[slug]) for slug, label in QUOTE_FILTERS]


def quote_editor_prepare(quote: Quote, article_people: list[Speaker], misquote_form: dict | None = None) -> Quote:
    """What a quotation's editor shows besides the quotation: its passage split around its words,
    the people of its article first, and whether to ask the teacher to check its speaker."""
    text = quote.paragraph.text
    quote.before, quote.words, quote.after = text[:quote.start], text[quote.start:quote.end], text[quote.end:]
    quote.article_people, quote.to_check, quote.editor = article_people, service.quote_to_check(quote), True
    return misquotes_prepare(quote, misquote_form)


def misquotes_prepare(quote: Quote, form: dict | None = None) -> Quote:
    """A quotation's misquotes as its editor shows them (one query, none if prefetched): each with
    its changes to the real words, how many are kept, and `form` (a refused save: its target, the
    words sent, Keep and the reason) on the misquote or the new one it was for."""
    quote.misquote_list = list(quote.misquotes.all())
    for misquote in quote.misquote_list:
        misquote.changed = misquote_rules.changes(quote.text, misquote.text)
        misquote.failed = form if form and form["target"] == misquote.pk else None
    quote.misquote_new_failed = form if form and form["target"] == "new" else None
    quote.misquotes_kept = sum(1 for misquote in quote.misquote_list if misquote.keep)
    return quote


def quote_row_context(debate: Debate, quote_pk: int) -> dict:
    """One quotation's row, open with its editor: five queries."""
    quote = get_object_or_404(Quote.objects.select_related("paragraph", "speaker", "article").defer("article__body")
                              .prefetch_related("misquotes"), pk=quote_pk, article__debate=debate)
    people = list(debate.speakers.order_by("full_name"))
    in_article = set(Quote.objects.filter(article_id=quote.article_id, speaker__isnull=False)
                     .values_list("speaker_id", flat=True)) | {quote.article.author_speaker_id}
    quote_editor_prepare(quote, [person for person in people if person.pk in in_article])
    return {"debate": debate, "quote": quote, "people": people, "reason_types": rules.REASON_TYPES}


@teacher_required
@require_GET
def review(request, pk: int):
    debate = own_debate(request, pk)
    opened = request.GET.get("open", "")
    context = review_context(debate, show=request.GET.get("show", ""),
                             open_quote=int(opened) if opened.isdigit() else None)
    if request.htmx and request.htmx.target == "quotes":
        return render(request, "debates/review.html#quotes", context)
    return render(request, "debates/review.html", context)


def back(request, debate: Debate, anchor: str = ""):
    return redirect(reverse("debate_review", args=[debate.pk]) + (f"#{anchor}" if anchor else ""))


def row_saved(request, debate: Debate, *, row: str, what: str, item, review, context: dict):
    """Run a review service for one row. htmx: the row again, saved or with the service's reason;
    otherwise say so and go back to the row."""
    error = ""
    try:
        review()
    except service.DebateError as problem:
        error = problem.message
    if request.htmx:
        return render(request, f"debates/review.html#{row}-row", {
            "debate": debate, row: item, "error": error, "saved": not error, **context}, status=400 if error else 200)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, f"Saved {what}.")
    return back(request, debate, f"{row}-{item.pk}")


def current_show(request) -> str:
    """The quotations' filter of the page an htmx request came from."""
    url = request.htmx.current_url if request.htmx else ""
    return parse_qs(urlsplit(url or "").query).get("show", [""])[0]


@teacher_required
@require_POST
def articles_add(request, pk: int):
    debate = own_debate(request, pk)
    form = ArticlesForm(request.POST, request.FILES)
    if not form.is_valid():
        lines = [("error", " ".join(e for errors in form.errors.values() for e in errors))]
    elif not form.has_articles():
        lines = [("error", "Choose a file, paste an article's text or give a web address first.")]
    else:
        sources, errors = form_sources(form, pasted_number=debate.articles.filter(source_format="pasted").count() + 1)
        report = article_sources_import(sources=sources, debate=debate) if sources else ImportReport()
        report.errors = errors + report.errors
        lines = report_lines(report)
    if request.htmx:
        # The form again with how it went, and every part of the page the new articles change.
        context = {**review_context(debate, show=current_show(request)), "import_messages": lines}
        parts = [render_to_string("debates/review.html#articles-add", context, request)]
        parts += [render_to_string(f"debates/review.html#{name}", {**context, "oob": True}, request)
                  for name in ("games", "people", "quotes", "arguments", "sentences", "events")]
        return HttpResponse("".join(parts))
    report_tell(request, lines)
    return back(request, debate, "articles")


@teacher_required
@require_POST
def settings_change(request, pk: int):
    debate = own_debate(request, pk)
    names = {side.pk: request.POST.get(f"side-{side.pk}", side.name) for side in debate.sides.all()}
    try:
        service.debate_rename(debate=debate, motion=request.POST.get("motion", ""), side_names=names)
    except service.DebateError as error:
        message, failed = f"Nothing was changed. {error.message}", True
    else:
        message, failed = "Saved the motion and the sides' names.", False
    if request.htmx:
        debate.refresh_from_db()
        context = {"debate": debate, "sides": list(debate.sides.all()), "settings_message": message,
                   "settings_error": failed}
        # The page's title shows the motion too.
        return HttpResponse(render_to_string("debates/review.html#settings", context, request)
                            + render_to_string("debates/review.html#title", {**context, "oob": True}, request),
                            status=400 if failed else 200)
    (messages.error if failed else messages.success)(request, message)
    return back(request, debate, "settings")


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
            "neither": service.NEITHER},
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
    failed = True
    if merge is None:
        message = "Choose the name that is the same person first (it may have been merged already)."
    else:
        try:
            service.speakers_merge(keep=keep, merge=merge)
        except service.DebateError as error:
            message = error.message
        else:
            message, failed = (f"“{merge.full_name}” is now one of {keep.full_name}'s names; "
                               "their quotations are together."), False
    if request.htmx:
        # The people again, and the quotations, whose speakers' names may have changed.
        context = {**review_context(debate, show=current_show(request)), "merge_message": message,
                   "merge_error": failed}
        return HttpResponse(render_to_string("debates/review.html#people", context, request)
                            + render_to_string("debates/review.html#quotes", {**context, "oob": True}, request),
                            status=400 if failed else 200)
    (messages.error if failed else messages.success)(request, message)
    return back(request, debate, f"person-{keep.pk}")


@teacher_required
@require_http_methods(["GET", "POST"])
def quote_change(request, pk: int, quote_pk: int):
    """GET: a quotation's row, open with its editor (htmx fetches it when the row is opened).
    POST: save who said it, Keep, the card and its words, and the kind of evidence."""
    debate = own_debate(request, pk)
    if request.method == "GET":
        if not request.htmx:
            return redirect(reverse("debate_review", args=[debate.pk]) + f"?show=all&open={quote_pk}#quote-{quote_pk}")
        return render(request, "debates/review.html#quote-editor", quote_row_context(debate, quote_pk))
    quote = get_object_or_404(Quote.objects.select_related("article", "paragraph"), pk=quote_pk, article__debate=debate)
    speaker = request.POST.get("speaker", "")
    error, was_to_check = "", service.quote_to_check(quote)
    try:
        service.quote_review(quote=quote, speaker_id=int(speaker) if speaker.isdigit() else None,
                             keep=request.POST.get("keep") == "on", card=request.POST.get("card") == "on",
                             card_claim=request.POST.get("card_claim", ""), reason=request.POST.get("reason"))
    except service.DebateError as problem:
        error = problem.message
    if request.htmx:
        context = {**quote_row_context(debate, quote.pk), "error": error, "saved": not error}
        # The row, and the filters' counts (it may no longer be one to check).
        counts = quote_counts(list(Quote.objects.filter(article__debate=debate).exclude(status=Status.ARCHIVED).only(
            "speaker_id", "speaker_confidence", "reviewed", "keep")))
        show = current_show(request)
        if show not in counts:  # the page's default when it was loaded
            show = "check" if counts["check"] or was_to_check else "all"
        filters = {"filters": quote_filters(counts), "show": show, "oob": True}
        return HttpResponse(render_to_string("debates/review.html#quote-row", context, request)
                            + render_to_string("debates/review.html#quote-filters", {**context, **filters}, request),
                            status=400 if error else 200)
    if error:
        messages.error(request, error)
    return redirect(reverse("debate_review", args=[debate.pk]) + f"?show=all&open={quote.pk}#quote-{quote.pk}")


def misquote_done(request, debate: Debate, quote: Quote, *, change, what: str, target, text: str, keep: bool = True):
    """Run a misquote service for one quotation. htmx: its misquotes part again (and the kept count
    on its line), saved or with the reason next to the field, the teacher's words kept; without
    JavaScript: saved, back to the quotation open; refused, the page again with the same."""
    try:
        change()
    except service.DebateError as problem:
        form = {"target": target, "text": text, "keep": keep, "error": problem.message}
        if request.htmx:
            return misquotes_response(request, debate, quote, form=form, status=400)
        messages.error(request, f"Nothing was saved. {problem.message}")
        context = review_context(debate, show="all", open_quote=quote.pk, misquote_form=form)
        return render(request, "debates/review.html", context, status=400)
    if request.htmx:
        return misquotes_response(request, debate, quote, saved=f"Saved {what}.")
    messages.success(request, f"Saved {what}.")
    return redirect(reverse("debate_review", args=[debate.pk]) + f"?show=all&open={quote.pk}#misquotes-{quote.pk}")


def misquotes_response(request, debate: Debate, quote: Quote, *, form: dict | None = None, saved: str = "",
                       status: int = 200) -> HttpResponse:
    misquotes_prepare(quote, form)
    context = {"debate": debate, "quote": quote, "misquote_saved": saved}
    return HttpResponse(render_to_string("debates/review.html#misquotes", context, request)
                        + render_to_string("debates/review.html#misquotes-kept", {**context, "count_oob": True}, request),
                        status=status)


def misquote_quote(debate: Debate, quote_pk: int) -> Quote:
    return get_object_or_404(Quote.objects.select_related("paragraph"), pk=quote_pk, article__debate=debate)


@teacher_required
@require_POST
def misquote_change(request, pk: int, quote_pk: int, misquote_pk: int):
    """Save a misquote's words and whether it is kept (played)."""
    debate = own_debate(request, pk)
    quote = misquote_quote(debate, quote_pk)
    misquote = get_object_or_404(Misquote, pk=misquote_pk, quote=quote)
    misquote.quote = quote
    text, keep = request.POST.get("text", ""), "keep" in request.POST
    return misquote_done(request, debate, quote, target=misquote.pk, text=text, keep=keep, what="the misquote",
                         change=lambda: misquote_service.misquote_review(misquote=misquote, text=text, keep=keep))


@teacher_required
@require_POST
def misquote_new(request, pk: int, quote_pk: int):
    """A teacher's own misquote, kept at once."""
    debate = own_debate(request, pk)
    quote = misquote_quote(debate, quote_pk)
    text = request.POST.get("new_text", "")
    return misquote_done(request, debate, quote, target="new", text=text, what="your misquote: it is kept",
                         change=lambda: misquote_service.misquote_write(quote=quote, text=text))


@teacher_required
@require_POST
def argument_change(request, pk: int, argument_pk: int):
    debate = own_debate(request, pk)
    argument = get_object_or_404(Argument.objects.select_related("paragraph", "speaker"), pk=argument_pk,
                                 debate=debate, quote__isnull=True)
    side = request.POST.get("side", "")
    return row_saved(request, debate, row="argument", what="the argument", item=argument, context={
        "sides": list(debate.sides.all()), "reason_types": rules.REASON_TYPES}, review=lambda: service.argument_review(
        argument=argument, claim=request.POST.get("claim", ""), side_id=int(side) if side.isdigit() else None,
        keep=request.POST.get("keep") == "on", reason=request.POST.get("reason")))


@teacher_required
@require_POST
def sentence_change(request, pk: int, sentence_pk: int):
    debate = own_debate(request, pk)
    sentence = get_object_or_404(Sentence.objects.select_related("paragraph"), pk=sentence_pk, debate=debate)
    sentence.before, sentence.after = sentence.paragraph.text[:sentence.start], sentence.paragraph.text[sentence.end:]
    return row_saved(request, debate, row="sentence", what="the sentence", item=sentence,
                     context={"sentence_labels": Sentence.Label.choices},
                     review=lambda: service.sentence_review(sentence=sentence, label=request.POST.get("label", ""),
                                                            keep=request.POST.get("keep") == "on"))


@teacher_required
@require_POST
def event_change(request, pk: int, event_pk: int):
    debate = own_debate(request, pk)
    event = get_object_or_404(Event.objects.select_related("paragraph", "article").defer("article__body"),
                              pk=event_pk, debate=debate)
    return row_saved(request, debate, row="event", what="the event", item=event, context={},
                     review=lambda: service.event_review(
                         event=event, text=request.POST.get("text", ""), happened_on=request.POST.get("happened_on", ""),
                         dated_by=request.POST.get("dated_by", ""), keep=request.POST.get("keep") == "on"))


@teacher_required
@require_POST
def publish(request, pk: int):
    debate = own_debate(request, pk)
    result = service.debate_publish(debate=debate)
    said = (f"Published: {rules.counted(result.quotes, 'quotation')}, "
            f"{rules.counted(result.cards, 'sorting card')} from them, "
            f"{rules.counted(result.arguments, 'other argument')}, "
            f"{rules.counted(result.sentences, 'sentence')}, "
            f"{rules.counted(result.events, 'dated event')} and "
            f"{rules.counted(result.questions, 'question')}. "
            "Students can play it now.")
    if request.htmx:
        debate.refresh_from_db()
        return render(request, "debates/review.html#games", {
            "debate": debate, "readiness": service.debate_readiness(debate), "published": said,
            "published_waiting": result.waiting})
    messages.success(request, said)
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


PREVIEW_KEY = "debate-preview-{pk}"


@teacher_required
@require_http_methods(["GET", "POST"])
def preview(request, pk: int):
    """*Preview as a student*: the teacher plays a round of the draft as it would be published now.
    The round lives in the teacher's session only: no Round, no answers, no points."""
    debate = own_debate(request, pk)
    key = PREVIEW_KEY.format(pk=debate.pk)
    if request.method == "POST":
        mode = request.POST.get("mode", "who_said")
        try:
            items = service.debate_preview_deal(debate=debate, mode=mode)
        except (service.DebateError, PlayError) as error:
            messages.error(request, f"Nothing to preview yet: {error.message}")
            return back(request, debate, "games")
        request.session[key] = {"mode": mode, "items": items, "answers": []}
        return redirect("debate_preview", pk=debate.pk)
    state = request.session.get(key)
    if not state:
        return redirect("debate_review", pk=debate.pk)
    return render(request, "debates/preview.html", preview_context(debate, state, request.GET.get("answered", "")))


def preview_context(debate: Debate, state: dict, answered: str = "") -> dict:
    items, answers = state["items"], state["answers"]
    current = len(answers)
    feedback = None
    if answered.isdigit() and int(answered) < len(answers):
        feedback = {**items[int(answered)], "position": int(answered), "answer": answers[int(answered)],
                    "correct": answers[int(answered)] == items[int(answered)]["right"]}
        feedback["answer_label"] = next((label for pk, label, _ in feedback["options"] if pk == feedback["answer"]), "")
    return {"debate": debate, "mode": state["mode"], "mode_name": dict(modes_named())[state["mode"]],
            "items": items, "total": len(items), "position": current, "current": items[current] if current < len(items) else None,
            "feedback": feedback, "right_count": sum(1 for item, answer in zip(items, answers) if answer == item["right"]),
            "modes": modes_named()}


def modes_named() -> list[tuple[str, str]]:
    return [(slug, modes()[slug].name) for slug in service.PREVIEW_MODES]


@teacher_required
@require_POST
def preview_answer(request, pk: int):
    debate = own_debate(request, pk)
    key = PREVIEW_KEY.format(pk=debate.pk)
    state = request.session.get(key)
    position = request.POST.get("position", "")
    answer = request.POST.get("answer", "")
    if not state:
        return redirect("debate_review", pk=debate.pk)
    # Only the question showing can be answered (a repeated POST changes nothing).
    if position.isdigit() and int(position) == len(state["answers"]) < len(state["items"]) and answer.isdigit():
        state["answers"].append(int(answer))
        request.session[key] = state
    answered = position if position.isdigit() else ""
    if request.htmx:
        return render(request, "debates/preview.html#play", preview_context(debate, state, answered))
    return redirect(reverse("debate_preview", args=[debate.pk]) + f"?answered={answered}")
