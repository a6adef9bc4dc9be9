"""Forms for players: answers, sorting and sign-up. They validate shape; services decide truth."""

from django import forms
from django.contrib.auth.forms import BaseUserCreationForm


class AnswerForm(forms.Form):
    position = forms.IntegerField(min_value=0, max_value=100)
    answer = forms.IntegerField(min_value=1, error_messages={"required": "Choose an answer first."})


def sort_placements(data) -> dict[int, int]:
    """Card placements from a sorting form (`card-<position>=<side id>`); junk is left out."""
    placements = {}
    for key, raw in data.items():
        name, _, position = key.partition("-")
        if name == "card" and position.isdigit() and raw.isdigit() and len(position) < 4:
            placements[int(position)] = int(raw)
    return placements


class SignupForm(BaseUserCreationForm):
    """A username and a password: no e-mail, many players are under 13."""

    class Meta(BaseUserCreationForm.Meta):
        fields = ["username"]
        help_texts = {"username": "Letters, numbers and @/./+/-/_ only. Don't use your full name."}
