"""Play: rounds a player (or a visitor's session) plays, and each dealt item with its answer.

Scores are never stored as totals: they are sums of `RoundItem.points`, so they cannot drift.
A round's state is read from its items (answered or not), never flipped by a timer.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from .content import Argument, Choice, Debate, Question, Quote, Side, Speaker


class Mode(models.TextChoices):
    WHO_SAID = "who_said", "Who said it?"
    SORT = "sort", "Sort the arguments"
    QUIZ = "quiz", "Quiz"


class Round(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    debate = models.ForeignKey(Debate, on_delete=models.CASCADE, related_name="rounds")
    mode = models.CharField(max_length=10, choices=Mode.choices)
    player = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="rounds"
    )
    session_key = models.CharField(max_length=64, blank=True, db_index=True, help_text="A visitor's session.")
    created_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["player", "-created_at"], name="round_player_recent")]

    def __str__(self):
        return f"{self.get_mode_display()} · {self.created_at:%d %b %H:%M}"


class RoundItem(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    argument = models.ForeignKey(Argument, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    options = models.JSONField(default=list, help_text="Speaker or choice ids in the order shown.")
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
                    Q(quote__isnull=False, question__isnull=True, argument__isnull=True)
                    | Q(quote__isnull=True, question__isnull=False, argument__isnull=True)
                    | Q(quote__isnull=True, question__isnull=True, argument__isnull=False)
                ),
                name="round_item_one_kind",
            ),
        ]

    def __str__(self):
        return f"{self.round} #{self.position + 1}"
