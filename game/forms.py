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
        self.fields["debate"].queryset = Debate.objects.filter(status="published").order_by("topic")
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


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input (the pattern in Django's file-upload documentation)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("allow_empty_file", True)  # the importer reports empty files by name
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class ArticlesForm(forms.Form):
    """Articles for a debate: files (several at once), pasted text, or a web address; any of them."""

    MAX_FILES = 20
    MAX_PASTE = 200_000  # characters: a long feature is about 50,000

    files = MultipleFileField(required=False, label="Article files",
                            help_text="Saved web pages (.html), PDFs, Word (.docx) or text (.txt) files; several at once. "
                                      "Or drop them onto this box.")
    pasted = forms.CharField(required=False, label="Or paste an article's text", max_length=MAX_PASTE,
                             widget=forms.Textarea(attrs={"rows": 5}),
                             help_text="The headline on the first line, then the article. Copy it from the page.")
    url = forms.URLField(required=False, label="Or a web address", assume_scheme="https", max_length=1000,
                         help_text="A news page; Hustings fetches it for you.")

    def __init__(self, *args, **kwargs):
        from game.importer.formats import EXTENSIONS

        super().__init__(*args, **kwargs)
        self.fields["files"].widget = MultipleFileInput(attrs={
            "accept": ",".join(EXTENSIONS) + ",text/html,application/pdf,text/plain,"
                      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        })
        self.uploads = []

    def clean(self):
        data = super().clean()
        self.uploads = [upload for upload in data.get("files") or [] if upload]
        if len(self.uploads) > self.MAX_FILES:
            raise forms.ValidationError(f"Upload at most {self.MAX_FILES} files at a time.")
        return data

    def has_articles(self) -> bool:
        return bool(self.uploads or self.cleaned_data.get("pasted", "").strip() or self.cleaned_data.get("url"))


class DebateForm(ArticlesForm):
    motion = forms.CharField(max_length=300, label="Motion",
                             help_text="What the two sides argue about, e.g. “This house would ban phones in schools”.")
    for_name = forms.CharField(max_length=100, initial="For", label="First side")
    against_name = forms.CharField(max_length=100, initial="Against", label="Second side")

    field_order = ["motion", "for_name", "against_name", "files", "pasted", "url"]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if data.get("for_name", "").strip().lower() == data.get("against_name", "").strip().lower():
            raise forms.ValidationError("The two sides need different names.")
        if not self.has_articles():
            raise forms.ValidationError("Add at least one article: a file, pasted text or a web address. "
                                        "A debate is made from what its articles say.")
        return data


class QuestionsImportForm(forms.Form):
    MAX_BYTES = 200_000

    text = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 8}), label="Questions",
                           help_text="Paste GIFT (as Moodle exports it) or CSV lines: question, right answer, wrong answers.")
    upload = forms.FileField(required=False, label="Or a .gift, .txt or .csv file")

    def clean(self):
        data = super().clean()
        upload = data.get("upload")
        if upload:
            if upload.size > self.MAX_BYTES:
                raise forms.ValidationError("That file is too big for a list of questions (200 KB at most).")
            raw = upload.read()
            try:
                data["text"] = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                raise forms.ValidationError("That file is not UTF-8 text; save it as UTF-8 and try again.") from None
            data["name"] = upload.name
        if not data.get("text", "").strip():
            raise forms.ValidationError("Paste some questions or choose a file.")
        return data
