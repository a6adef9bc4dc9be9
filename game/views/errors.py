"""Showing a PlayError: a friendly page, or the error partial for an htmx request."""

from django.shortcuts import render


def play_error(request, error, *, template: str = "game/error.html"):
    target = f"{template}#error" if request.htmx else template
    return render(request, target, {"message": error.message}, status=error.status)
