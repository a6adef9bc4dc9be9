"""Forms behind the teachers' admin: quotes must be a speaker's exact words in a paragraph."""

from __future__ import annotations

from django import forms

from .forms import MultipleFileField, MultipleFileInput
from .importer import misquotes as misquote_rules
from .models import Argument, Debate, Misquote, Quote, Status

MARKS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})


def words_locate(words: str, paragraph_text: str) -> tuple[int, int] | None:
    """Where pasted words stand in a paragraph, ignoring curly/straight marks and NBSPs.

    The replacements are one character for one, so offsets in the normalised text are
    offsets in the paragraph itself.
    """
    wanted = words.strip().translate(MARKS).strip('"').strip()
    if not wanted:
        return None
    start = paragraph_text.translate(MARKS).find(wanted)
    if start < 0:
        return None
    return start, start + len(wanted)


class MisquoteInlineForm(forms.ModelForm):
    """A misquote in its quotation's admin page: refused, with the reason, when it could not be played."""

    class Meta:
        model = Misquote
        fields = ["text", "kind", "keep"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def clean_text(self):
        return " ".join(self.cleaned_data["text"].split())

    def clean(self):
        cleaned = super().clean()
        text = cleaned.get("text")
        try:
            original = self.instance.quote.text  # the inline's quotation, set by its formset
        except Quote.DoesNotExist:
            original = ""
        if text and original:
            reason = misquote_rules.problem(original, text)
            if reason:
                self.add_error("text", reason)
        return cleaned


class QuoteAdminForm(forms.ModelForm):
    class Meta:
        model = Quote
        fields = ["paragraph", "text", "speaker", "kind", "status", "wrong_speakers"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "text": "Paste the exact words from the paragraph (quotation marks are optional). "
            "The position in the paragraph is found for you.",
        }

    def clean(self):
        cleaned = super().clean()
        paragraph, words = cleaned.get("paragraph"), cleaned.get("text")
        if paragraph and words:
            span = words_locate(words, paragraph.text)
            if span is None:
                self.add_error(
                    "text",
                    f"These words are not in paragraph {paragraph.index + 1} of “{paragraph.article}”. "
                    "Quotations must be the speaker's exact words.",
                )
            else:
                self.instance.start, self.instance.end = span
                cleaned["text"] = paragraph.text[span[0] : span[1]]
                self.instance.article = paragraph.article
        speaker = cleaned.get("speaker")
        if cleaned.get("status") == Status.PUBLISHED and not speaker:
            self.add_error("speaker", "Choose the speaker before publishing: a quote without one cannot be played.")
        wrong = list(cleaned.get("wrong_speakers") or [])
        if len(wrong) > 3:
            self.add_error("wrong_speakers", "Pin three wrong options at most (four options are shown).")
        if speaker and speaker in wrong:
            self.add_error("wrong_speakers", f"{speaker} is the right answer, so cannot also be a wrong option.")
        return cleaned


class ArgumentAdminForm(forms.ModelForm):
    class Meta:
        model = Argument
        fields = ["claim", "side", "speaker", "paragraph", "status"]
        widgets = {"claim": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"claim": "The argument in plain words a student understands."}

    def clean(self):
        cleaned = super().clean()
        paragraph, side = cleaned.get("paragraph"), cleaned.get("side")
        if cleaned.get("status") == Status.PUBLISHED and not side:
            self.add_error("side", "Choose the side that made this argument before publishing it.")
        if paragraph:
            self.instance.article = paragraph.article
            self.instance.debate = paragraph.article.debate
            if side and side.debate_id != paragraph.article.debate_id:
                self.add_error("side", "This side belongs to another debate than the article.")
        return cleaned


class ArticleUploadForm(forms.Form):
    files = MultipleFileField(help_text="Article files: saved web pages (.html), PDFs, Word (.docx) or text (.txt).",
                              widget=MultipleFileInput(attrs={"accept": ".txt,.html,.htm,.pdf,.docx"}))
    debate = forms.ModelChoiceField(queryset=Debate.objects.all(), required=False,
                                    help_text="Leave empty for the default debate.")
