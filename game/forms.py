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


class ClassroomForm(forms.Form):
    name = forms.CharField(max_length=100, label="Class name", help_text="For example “10B Debate Club”.")


class DueDateForm(forms.Form):
    due_at = forms.DateTimeField(label="New due date", widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))


class StudentsForm(forms.Form):
    """A pasted list (one name a line) or a CSV file; exactly one of them."""

    names = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 6}), label="Names, one a line",
                            help_text="First name and last name, e.g. “Amira Khan”. Usernames never show the full name.")
    csv_file = forms.FileField(required=False, label="Or a CSV file",
                               help_text="With a “name” column, or “first_name” and “last_name” columns.")

    MAX_CSV_BYTES = 200_000

    def clean(self):
        data = super().clean()
        if bool(data.get("names", "").strip()) == bool(data.get("csv_file")):
            raise forms.ValidationError("Paste a list of names or choose a CSV file (one of the two).")
        upload = data.get("csv_file")
        if upload and upload.size > self.MAX_CSV_BYTES:
            raise forms.ValidationError("That CSV file is too big for a class list (200 KB at most).")
        return data


class AssignmentForm(forms.Form):
    title = forms.CharField(max_length=120, required=False, help_text="Left empty, the debate's topic is used.")
    debate = forms.ModelChoiceField(queryset=None, empty_label=None)
    mode = forms.ChoiceField(label="Game")
    questions = forms.IntegerField(min_value=3, max_value=30, initial=10, label="Questions",
                                   help_text="Sorting rounds always deal 6–8 cards.")
    opens_at = forms.DateTimeField(label="Opens", widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    due_at = forms.DateTimeField(label="Due", widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    attempts = forms.IntegerField(min_value=1, max_value=10, initial=1, label="Attempts allowed")
    answers_shown = forms.ChoiceField(label="Show the answers")

    def __init__(self, *args, debates=None, **kwargs):
        from game.models import Assignment, Debate

        super().__init__(*args, **kwargs)
        self.fields["debate"].queryset = Debate.objects.order_by("topic")
        if debates is not None:  # already read for the page: show them without asking again
            self.fields["debate"].choices = [(d.pk, d.topic) for d in debates]
        self.fields["mode"].choices = Assignment.Mode.choices
        self.fields["answers_shown"].choices = Assignment.Answers.choices

    def clean(self):
        data = super().clean()
        if data.get("opens_at") and data.get("due_at") and data["due_at"] <= data["opens_at"]:
            self.add_error("due_at", "The due date must be after the opening date.")
        return data


class JoinForm(forms.Form):
    code = forms.CharField(max_length=12, label="Class code", help_text="Like ABC-DEF. Your teacher has it.")
    first_name = forms.CharField(max_length=30, label="Your first name",
                                 help_text="Your class sees your first name and the initial of your last name.")
    last_initial = forms.CharField(max_length=1, required=False, label="Initial of your last name")
