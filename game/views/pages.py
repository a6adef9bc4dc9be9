"""Pages anyone can read: home, the rules, an article."""

from django.db.models import Exists, OuterRef, Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from game import rules
from game.models import Article, Debate, Paragraph, Quote, Argument, Status
from game.modes import menus
from game.modes.mix_ups import practice_due
from game.reports import student_homework
from game.scores import player_summary


@require_GET
def home(request):
    debates = list(Debate.objects.filter(status=Status.PUBLISHED).prefetch_related("sides").order_by("topic"))
    summary = player_summary(request.user) if request.user.is_authenticated else None
    memberships, homework = student_homework(request.user, now=timezone.now()) if summary else ([], [])
    practice = practice_due(request.user, timezone.now()) if summary else {}
    return render(request, "game/home.html", {"debates": debates, "menus": menus(debates), "summary": summary,
                                              "memberships": memberships, "homework": homework, "practice": practice})


@require_GET
def help_rules(request):
    return render(request, "game/help_rules.html", {"rules": rules.rules_summary()})


@require_GET
def article_read(request, article_id: int):
    """The whole article, with an anchor per paragraph (the feedback links to it)."""
    # Archived items were played: their source stays readable from players' feedback and history.
    shown = [Status.PUBLISHED, Status.ARCHIVED]
    has_published = Exists(Quote.objects.filter(article=OuterRef("pk"), status__in=shown)) | Exists(
        Argument.objects.filter(article=OuterRef("pk"), status__in=shown)
    )
    article = get_object_or_404(
        Article.objects.filter(has_published).select_related("debate").prefetch_related(
            Prefetch("paragraphs", queryset=Paragraph.objects.order_by("index"))
        ),
        pk=article_id,
    )
    return render(request, "game/article.html", {"article": article})


@require_GET
def health(request):
    """For load balancers and the load test's floor: one query, no session, no template."""
    Debate.objects.exists()
    return HttpResponse("ok", content_type="text/plain")
