"""A player's own scores, and the leaderboards."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from game import rules
from game.charts import HEIGHT, PAD, WIDTH, bars_layout
from game.models import Debate
from game.modes.mix_ups import practice_due
from game.scores import leaderboard as leaderboard_board
from game.scores import mix_ups, player_summary, points_by_day, recent_rounds


@require_GET
@login_required
def profile(request):
    """Only ever the logged-in player's own history."""
    today = timezone.localdate()
    bars, top = bars_layout(points_by_day(request.user, today=today))
    due = practice_due(request.user, timezone.now())
    practice = [(debate, due[debate.pk]) for debate in Debate.objects.filter(pk__in=due).order_by("topic")] if due else []
    return render(request, "game/profile.html", {
        "summary": player_summary(request.user), "recent": recent_rounds(request.user), "practice": practice,
        "rebuttals": list(request.user.rebuttals.select_related("argument__side", "debate")[:10]),
        "mix_ups": mix_ups(request.user), "bars": bars, "chart_top": top,
        "chart": {"width": WIDTH, "height": HEIGHT, "pad": PAD, "baseline": HEIGHT - PAD},
        "chart_total": sum(bar.points for bar in bars),
    })


@require_GET
def leaderboard(request, slug: str):
    debate = get_object_or_404(Debate, slug=slug)
    viewer = request.user if request.user.is_authenticated else None
    week = request.GET.get("period") == "week"
    since = rules.week_start(timezone.localtime()) if week else None
    board = leaderboard_board(debate, since=since, viewer=viewer)
    return render(request, "game/leaderboard.html", {"debate": debate, "board": board, "week": week})
