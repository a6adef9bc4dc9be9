"""Play: rounds a player (or a visitor's session) plays, and each dealt item with its answer.

Scores are never stored as totals: they are sums of `RoundItem.points`, so they cannot drift.
A round's state is read from its items (answered or not), never flipped by a timer.

History is never rewritten. Each item keeps a snapshot of what was asked when it was dealt (the
words, the options' labels, the right answer) and what was answered, so a teacher editing or
withdrawing content later changes neither what a player sees in their history nor their points.
Played content cannot be deleted (`PROTECT`); teachers archive it instead.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from .content import Argument, Choice, Debate, Event, Question, Quote, Sentence, Side, Speaker


class Mode(models.TextChoices):
    WHO_SAID = "who_said", "Who said it?"
    SORT = "sort", "Sort the arguments"
    QUIZ = "quiz", "Quiz"
    REASON_TYPES = "reason_types", "What kind of evidence?"
    DIRECT_OR_REPORTED = "direct_or_reported", "Whose words?"
    REBUTTAL = "rebuttal", "Answer the other side"
    TIMELINE = "timeline", "Put the story in order"
    MIX_UPS = "mix_ups", "Practise my mix-ups"
    MISQUOTE = "misquote", "Spot the misquote"


class Round(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    debate = models.ForeignKey(Debate, on_delete=models.PROTECT, related_name="rounds")
    mode = models.CharField(max_length=20, choices=Mode.choices)
    player = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="rounds"
    )
    session_key = models.CharField(max_length=64, blank=True, db_index=True, help_text="A visitor's session.")
    assignment = models.ForeignKey(
        "game.Assignment", on_delete=models.PROTECT, null=True, blank=True, related_name="rounds",
        help_text="The homework this round was played for, if any.",
    )
    created_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["player", "-created_at"], name="round_player_recent")]

    def late(self) -> bool:
        """Finished after its homework was due (read from timestamps, never stored)."""
        return bool(self.assignment_id and self.finished_at and self.finished_at > self.assignment.due_at)

    def __str__(self):
        return f"{self.get_mode_display()} · {self.created_at:%d %b %H:%M}"


class RoundItem(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    quote = models.ForeignKey(Quote, on_delete=models.PROTECT, null=True, blank=True, related_name="round_items")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, null=True, blank=True, related_name="round_items")
    argument = models.ForeignKey(Argument, on_delete=models.PROTECT, null=True, blank=True, related_name="round_items")
    sentence = models.ForeignKey(Sentence, on_delete=models.PROTECT, null=True, blank=True, related_name="round_items")
    event = models.ForeignKey(Event, on_delete=models.PROTECT, null=True, blank=True, related_name="round_items")
    # The snapshot taken when the item was dealt: what the player was asked and could choose.
    asked = models.TextField(blank=True, help_text="The words asked: a quote, a question's prompt or an argument.")
    options = models.JSONField(default=list, help_text="Speaker, choice or side ids in the order shown.")
    option_labels = models.JSONField(default=list, help_text="[label, detail] for each option, as shown.")
    right_answer = models.PositiveIntegerField(null=True, blank=True, help_text="The id that was right when dealt.")
    right_label = models.TextField(blank=True)  # a misquote's real words can be long
    kind = models.CharField(max_length=10, blank=True,
                            help_text="spoken, written (who wrote this?), question, argument, misquote or mq_change.")
    source = models.JSONField(default=dict, blank=True,
                              help_text="Where it comes from, as shown after answering: the passage and its article.")
    # What the player answered (ids stay even if the speaker, choice or side is later deleted).
    answer = models.PositiveIntegerField(null=True, blank=True)
    answer_label = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True, db_index=True)
    answer_speaker = models.ForeignKey(Speaker, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    answer_choice = models.ForeignKey(Choice, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    answer_side = models.ForeignKey(Side, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    correct = models.BooleanField(null=True)
    points = models.PositiveIntegerField(default=0)
    streak = models.PositiveSmallIntegerField(default=0, help_text="Right answers in a row, this one included.")

    class Meta:
        ordering = ["round", "position"]
        constraints = [
            models.UniqueConstraint(fields=["round", "position"], name="round_item_unique_position"),
            models.CheckConstraint(
                condition=(
                    Q(quote__isnull=False, question__isnull=True, argument__isnull=True, sentence__isnull=True,
                      event__isnull=True)
                    | Q(quote__isnull=True, question__isnull=False, argument__isnull=True, sentence__isnull=True,
                        event__isnull=True)
                    | Q(quote__isnull=True, question__isnull=True, argument__isnull=False, sentence__isnull=True,
                        event__isnull=True)
                    | Q(quote__isnull=True, question__isnull=True, argument__isnull=True, sentence__isnull=False,
                        event__isnull=True)
                    | Q(quote__isnull=True, question__isnull=True, argument__isnull=True, sentence__isnull=True,
                        event__isnull=False)
                ),
                name="round_item_one_kind",
            ),
        ]

    def __str__(self):
        return f"{self.round} #{self.position + 1}"

    def label_of(self, option_id: int | None) -> str:
        """The label an option had when this item was dealt."""
        for pk, (label, _detail) in zip(self.options, self.option_labels):
            if pk == option_id:
                return label
        return ""

    @property
    def option_pairs(self) -> list[tuple[int, str, str]]:
        """(id, label, detail) for each option in the order shown."""
        return [(pk, label, detail) for pk, (label, detail) in zip(self.options, self.option_labels)]

    @property
    def passage(self) -> tuple[str, str, str]:
        """The source paragraph split around the quoted words: (before, words, after)."""
        text, start, end = self.source.get("paragraph", ""), self.source.get("start", 0), self.source.get("end", 0)
        return text[:start], text[start:end], text[end:]

    @property
    def right_detail(self) -> str:
        return next((detail for pk, _label, detail in self.option_pairs if pk == self.right_answer), "")


class Rebuttal(models.Model):
    """A student's answer to an argument of the other side, for a teacher to read and reply to.

    Its round item is what homework, scores and reports count: its points come from the teacher's
    approval (and stars), never from the text itself."""

    class Status(models.TextChoices):
        WAITING = "waiting", "Waiting for your teacher"
        APPROVED = "approved", "Approved"
        NOT_APPROVED = "not_approved", "Not approved"

    item = models.OneToOneField(RoundItem, on_delete=models.CASCADE, related_name="rebuttal")
    player = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="rebuttals")
    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="rebuttals")
    argument = models.ForeignKey(Argument, on_delete=models.PROTECT, related_name="rebuttals")
    text = models.TextField(help_text="The student's words, at most 400 characters; always shown escaped.")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.WAITING, db_index=True)
    stars = models.PositiveSmallIntegerField(null=True, blank=True, help_text="0 to 3, given on approval.")
    comment = models.TextField(blank=True, help_text="The teacher's reply, shown to the student on My scores.")
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.text[:80]
