"""The teachers' room: curating debates, speakers, articles, quotes, arguments and questions."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Sum
from django.forms.models import BaseInlineFormSet
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.html import format_html

from . import rules
from .admin_forms import ArgumentAdminForm, ArticleUploadForm, MisquoteInlineForm, QuoteAdminForm
from .models import (
    Argument, Article, Choice, Debate, Event, Membership, Misquote, Paragraph, Question, Quote, Round, RoundItem, Sentence, Side, Speaker,
    Status,
)
from .models.content import Origin
from .services.importing import article_file_import


def passage_html(paragraph: Paragraph | None, start: int | None = None, end: int | None = None) -> str:
    """The source paragraph, escaped, with the quoted words marked, and where it comes from."""
    if paragraph is None:
        return "—"
    text = paragraph.text
    if start is not None and end is not None and 0 <= start < end <= len(text):
        body = format_html("{}<mark>{}</mark>{}", text[:start], text[start:end], text[end:])
    else:
        body = format_html("{}", text)
    article = paragraph.article
    return format_html(
        '<blockquote class="source-passage">{}</blockquote><p class="source-meta">{} · {} · ¶{} · {}</p>',
        body, article.title or "(no headline)", article.published or "no date", paragraph.index + 1, article.source_file,
    )


class PublishActions:
    """Bulk publish/unpublish, skipping (and naming) items that cannot be played yet."""

    required_field = ""  # quotes need a speaker, arguments a side
    required_label = ""

    def unready(self, queryset):
        """The selected items that lack what play needs."""
        return queryset.filter(**{f"{self.required_field}__isnull": True}) if self.required_field else queryset.none()

    @admin.action(description="Publish selected items", permissions=["change"])
    def publish(self, request, queryset):
        missing = self.unready(queryset)
        skipped = missing.count()
        updated = queryset.exclude(pk__in=missing.values("pk")).update(status=Status.PUBLISHED, reviewed=True)
        if updated:
            self.message_user(request, f"Published {rules.counted(updated, 'item')}.", messages.SUCCESS)
        if skipped:
            self.message_user(
                request,
                f"Skipped {skipped} without a {self.required_label}: set one, then publish.",
                messages.WARNING,
            )

    @admin.action(description="Unpublish selected items (back to draft)", permissions=["change"])
    def unpublish(self, request, queryset):
        updated = queryset.update(status=Status.DRAFT, reviewed=True)
        self.message_user(request, f"Moved {rules.counted(updated, 'item')} back to draft.", messages.SUCCESS)

    @admin.action(description="Archive selected items (out of play, kept for players' history)",
                  permissions=["change"])
    def archive(self, request, queryset):
        drafts = self.unready(queryset)
        updated = queryset.exclude(pk__in=drafts.values("pk")).update(status=Status.ARCHIVED, reviewed=True)
        self.message_user(
            request,
            f"Archived {rules.counted(updated, 'item')}: never dealt again; players' history keeps them.",
            messages.SUCCESS,
        )
        if drafts.exists():
            self.message_user(request, f"Left {drafts.count()} without a {self.required_label} as drafts.",
                              messages.WARNING)


class ReviewedOnSave:
    """A teacher's save marks the item reviewed, so the importer never overwrites it."""

    def save_model(self, request, obj, form, change):
        obj.reviewed = True
        if not change:
            obj.origin = Origin.TEACHER
        super().save_model(request, obj, form, change)


class SideInline(admin.TabularInline):
    model = Side
    extra = 0
    fields = ["name", "stance", "icon", "slug", "order"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Debate)
class DebateAdmin(admin.ModelAdmin):
    list_display = ["topic", "motion", "side_count"]
    search_fields = ["topic", "motion"]
    prepopulated_fields = {"slug": ["topic"]}
    inlines = [SideInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(side_total=Count("sides"))

    @admin.display(description="Sides", ordering="side_total")
    def side_count(self, obj):
        return obj.side_total


@admin.register(Side)
class SideAdmin(admin.ModelAdmin):
    list_display = ["name", "stance", "debate"]
    list_filter = ["debate"]
    search_fields = ["name", "stance"]

    def has_module_permission(self, request):
        return False  # edited inside its debate; registered for autocomplete


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["full_name", "role", "organisation", "side", "is_group", "debate"]
    list_filter = ["debate", "side", "is_group"]
    list_select_related = ["side", "debate"]
    search_fields = ["full_name", "aliases", "role", "organisation"]
    autocomplete_fields = ["side"]


class ParagraphInline(admin.TabularInline):
    model = Paragraph
    extra = 0
    fields = ["index", "text"]
    readonly_fields = ["index", "text"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    change_list_template = "admin/game/article/change_list.html"
    list_display = ["__str__", "author", "published", "source_file", "debate"]
    list_filter = ["debate", "is_opinion"]
    search_fields = ["title", "author", "source_file", "body"]
    readonly_fields = ["source_file", "body", "content_hash", "imported_at", "updated_at"]
    fields = ["debate", "title", "author", "byline", "author_speaker", "published", "is_opinion",
              "source_file", "content_hash", "imported_at", "updated_at"]
    autocomplete_fields = ["author_speaker"]
    inlines = [ParagraphInline]

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name="game_article_import"),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Upload article files; they go through the same import as the command."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ArticleUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            for upload in form.cleaned_data["files"]:
                report = article_file_import(name=upload.name, data=upload.read(), debate=form.cleaned_data["debate"])
                for error in report.errors:
                    messages.error(request, f"Not imported: {error}")
                if report.articles:
                    messages.success(request, f"{upload.name}: {report.summary()}")
                for warning in report.warnings:
                    messages.warning(request, warning)
            return redirect(reverse("admin:game_article_changelist"))
        context = {**self.admin_site.each_context(request), "form": form, "title": "Import article files",
                   "opts": self.model._meta}
        return render(request, "admin/game/article/import.html", context)


@admin.register(Paragraph)
class ParagraphAdmin(admin.ModelAdmin):
    search_fields = ["text", "article__title", "article__source_file"]
    list_select_related = ["article"]

    def has_module_permission(self, request):
        return False  # reached through articles; registered for the quote form's autocomplete

    def get_search_results(self, request, queryset, search_term):
        queryset, distinct = super().get_search_results(request, queryset.select_related("article"), search_term)
        return queryset, distinct


class MisquoteInline(admin.TabularInline):
    """Its misquotes for "Spot the misquote": only kept ones are played; one a teacher adds here is theirs."""

    model = Misquote
    form = MisquoteInlineForm
    extra = 0
    fields = ["text", "kind", "keep", "origin"]
    readonly_fields = ["origin"]
    verbose_name = "misquote (for Spot the misquote)"
    verbose_name_plural = "misquotes (for Spot the misquote): only kept ones are played"


@admin.register(Quote)
class QuoteAdmin(PublishActions, ReviewedOnSave, admin.ModelAdmin):
    form = QuoteAdminForm
    required_field, required_label = "speaker", "speaker"
    list_display = ["short_text", "speaker", "kind", "status", "origin", "reviewed", "article"]
    list_filter = ["status", "kind", "origin", "reviewed", "article__debate", "speaker__side",
                   ("speaker", admin.RelatedOnlyFieldListFilter), "article"]
    list_select_related = ["speaker", "article"]
    search_fields = ["text", "speaker__full_name", "article__title"]
    autocomplete_fields = ["speaker", "paragraph", "wrong_speakers"]
    readonly_fields = ["source_passage", "origin", "reviewed", "reason_suggested", "speaker_confidence", "speaker_cue"]
    fieldsets = [
        (None, {"fields": ["paragraph", "text", "speaker", "kind", "status"]}),
        ("What kind of evidence?", {"fields": ["reason_type", "reason_suggested"]}),
        ("Where it comes from", {"fields": ["source_passage", "origin", "reviewed", "speaker_confidence", "speaker_cue"]}),
        ("Wrong options (optional)", {"fields": ["wrong_speakers"], "classes": ["collapse"]}),
    ]
    inlines = [MisquoteInline]
    actions = ["publish", "unpublish", "archive"]

    def save_formset(self, request, form, formset, change):
        if formset.model is Misquote:
            for misquote in formset.save(commit=False):
                if misquote.pk is None:
                    misquote.origin = Origin.TEACHER
                misquote.save()
            for gone in formset.deleted_objects:
                gone.delete()
            return
        super().save_formset(request, form, formset, change)

    @admin.display(description="Quote", ordering="text")
    def short_text(self, obj):
        return str(obj)

    @admin.display(description="Source passage")
    def source_passage(self, obj):
        if obj is None or not obj.pk:
            return "Shown after saving."
        return passage_html(obj.paragraph, obj.start, obj.end)


@admin.register(Event)
class EventAdmin(PublishActions, admin.ModelAdmin):
    """Dated events for "Put the story in order": what happened, when, and the article that says so."""

    list_display = ["happened_on", "text", "status", "article"]
    list_filter = ["status", "debate"]
    list_select_related = ["article"]
    search_fields = ["text", "article__title"]
    autocomplete_fields = ["paragraph"]
    fields = ["debate", "happened_on", "text", "article", "paragraph", "dated_by", "status"]
    actions = ["publish", "unpublish", "archive"]


@admin.register(Sentence)
class SentenceAdmin(PublishActions, admin.ModelAdmin):
    """Sentences for "Whose words?": confirm each label (the importer's is only a suggestion)."""

    required_field, required_label = "label", "label"

    def unready(self, queryset):
        return queryset.filter(label="")
    list_display = ["short_text", "label", "label_suggested", "status", "origin", "article"]
    list_editable = ["label"]
    list_filter = ["status", "label", "label_suggested", "debate", "article"]
    list_select_related = ["article"]
    search_fields = ["text", "article__title"]
    readonly_fields = ["text", "article", "paragraph", "start", "end", "label_suggested", "origin", "source_passage"]
    fields = ["text", "label", "label_suggested", "status", "source_passage", "article", "paragraph", "start", "end",
              "origin"]
    actions = ["publish", "unpublish", "archive"]

    @admin.display(description="Sentence", ordering="text")
    def short_text(self, obj):
        return str(obj)

    @admin.display(description="Source passage")
    def source_passage(self, obj):
        return passage_html(obj.paragraph, obj.start, obj.end) if obj and obj.pk else ""


@admin.register(Argument)
class ArgumentAdmin(PublishActions, ReviewedOnSave, admin.ModelAdmin):
    form = ArgumentAdminForm
    required_field, required_label = "side", "side"
    list_display = ["short_claim", "side", "speaker", "reason_type", "status", "origin", "reviewed", "article"]
    list_filter = ["status", "origin", "reviewed", "debate", "side", "reason_type",
                   ("speaker", admin.RelatedOnlyFieldListFilter), "article"]
    list_select_related = ["side", "speaker", "article"]
    search_fields = ["claim", "speaker__full_name", "article__title"]
    autocomplete_fields = ["side", "speaker", "paragraph"]
    readonly_fields = ["source_passage", "origin", "reviewed", "reason_suggested"]
    fieldsets = [
        (None, {"fields": ["claim", "side", "speaker", "paragraph", "status"]}),
        ("What kind of evidence?", {"fields": ["reason_type", "reason_suggested"]}),
        ("Where it comes from", {"fields": ["source_passage", "origin", "reviewed"]}),
    ]
    actions = ["publish", "unpublish", "archive"]

    @admin.display(description="Argument", ordering="claim")
    def short_claim(self, obj):
        return str(obj)

    @admin.display(description="Source passage")
    def source_passage(self, obj):
        if obj is None or not obj.pk:
            return "Shown after saving."
        return passage_html(obj.paragraph)


class ChoiceFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        if len(kept) < 2:
            raise ValidationError("A question needs at least two choices.")
        if sum(1 for f in kept if f.cleaned_data.get("is_correct")) != 1:
            raise ValidationError("Mark exactly one choice as correct.")


class ChoiceInline(admin.TabularInline):
    model = Choice
    formset = ChoiceFormSet
    extra = 4
    fields = ["text", "is_correct", "order"]


@admin.register(Question)
class QuestionAdmin(PublishActions, ReviewedOnSave, admin.ModelAdmin):
    list_display = ["prompt", "debate", "status", "choice_count"]
    list_filter = ["status", "debate"]
    search_fields = ["prompt", "explanation"]
    autocomplete_fields = ["article", "paragraph"]
    fields = ["debate", "prompt", "explanation", "status", "article", "paragraph"]
    inlines = [ChoiceInline]
    actions = ["publish", "unpublish", "archive"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("debate").annotate(choice_total=Count("choices"))

    @admin.display(description="Choices", ordering="choice_total")
    def choice_count(self, obj):
        return obj.choice_total


class RoundItemInline(admin.TabularInline):
    model = RoundItem
    extra = 0
    fields = ["position", "asked", "right", "given", "correct", "points", "answered_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="Right answer")
    def right(self, item):
        return item.right_label or "—"

    @admin.display(description="Answer given")
    def given(self, item):
        return item.answer_label or "—"


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    """Results for teachers: read-only, every player's rounds and answers."""

    list_display = ["created_at", "player", "debate", "mode", "total_points", "finished_at"]
    list_filter = ["debate", "mode", ("player", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["player", "debate"]
    search_fields = ["player__username"]
    date_hierarchy = "created_at"
    inlines = [RoundItemInline]
    fields = ["player", "debate", "mode", "created_at", "finished_at"]
    readonly_fields = fields

    def get_queryset(self, request):
        rounds = super().get_queryset(request).annotate(points_total=Sum("items__points"))
        if request.user.is_superuser:
            return rounds
        # A teacher reads the rounds of the students in their own classes, nobody else's.
        return rounds.filter(player__in=Membership.objects.filter(classroom__teacher=request.user).values("student"))

    @admin.display(description="Points", ordering="points_total")
    def total_points(self, obj):
        return obj.points_total or 0

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
