"""Signing up and logging in; a visitor's rounds come along into the account."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from game.forms import SignupForm
from game.services.rounds import rounds_claim


def rounds_phrase(kept: int) -> str:
    return "Your round from this visit is" if kept == 1 else f"Your {kept} rounds from this visit are"


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        visitor_session = request.session.session_key or ""
        user = form.save()
        kept = rounds_claim(session_key=visitor_session, player=user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome, {user.username}!" + (f" {rounds_phrase(kept)} saved to your account." if kept else ""))
        return redirect("home")
    return render(request, "registration/signup.html", {"form": form})


class PlayerLoginView(LoginView):
    """Logging in keeps the rounds played as a visitor in this browser."""

    def form_valid(self, form):
        visitor_session = self.request.session.session_key or ""
        response = super().form_valid(form)
        kept = rounds_claim(session_key=visitor_session, player=form.get_user())
        if kept:
            messages.success(self.request, f"{rounds_phrase(kept)} saved to your account.")
        return response
