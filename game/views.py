from django.shortcuts import render
from django.views.decorators.http import require_GET

from .models import Debate


@require_GET
def home(request):
    debates = Debate.objects.order_by("topic")
    return render(request, "game/home.html", {"debates": debates})
