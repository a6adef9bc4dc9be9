"""Classes: a teacher's class of students, its join code, and the homework set for it.

A student can be in several classes. Their rounds stay theirs; a round played for an assignment
points at it, and whether it was late is read from its timestamps, never stored.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from .content import Debate


class ClassroomQuerySet(models.QuerySet):
    def annotate_counts(self):
        return self.annotate(student_count=models.Count("memberships", distinct=True),
                             homework_count=models.Count("assignments", distinct=True))


class Classroom(models.Model):
    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="classrooms_taught")
    name = models.CharField(max_length=100)
    join_code = models.CharField(
        max_length=8, unique=True, null=True, blank=True,
        help_text="Students with an account join with it; empty when the teacher switched joining off.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClassroomQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def join_code_display(self) -> str:
        """ABC-DEF: easier to read out and type."""
        code = self.join_code or ""
        half = (len(code) + 1) // 2
        return f"{code[:half]}-{code[half:]}" if code else ""


class Membership(models.Model):
    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="memberships")
    student = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    display_name = models.CharField(max_length=60, help_text="How classmates see them: first name and initial.")
    made_by_teacher = models.BooleanField(default=False, help_text="The teacher made this account (login cards).")
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["display_name"]
        constraints = [models.UniqueConstraint(fields=["classroom", "student"], name="membership_once_per_class")]

    def __str__(self):
        return f"{self.display_name} in {self.classroom}"


class Assignment(models.Model):
    class Mode(models.TextChoices):
        WHO_SAID = "who_said", "Who said it?"
        SORT = "sort", "Sort the arguments"
        QUIZ = "quiz", "Quiz"
        MIX = "mix", "A mix (quotes and questions)"
        REASON_TYPES = "reason_types", "What kind of evidence?"
        DIRECT_OR_REPORTED = "direct_or_reported", "Whose words?"
        REBUTTAL = "rebuttal", "Answer the other side (a written rebuttal)"
        TIMELINE = "timeline", "Put the story in order"
        MIX_UPS = "mix_ups", "Each student's own mix-ups"
        MISQUOTE = "misquote", "Spot the misquote"

    class Answers(models.TextChoices):
        STRAIGHT_AWAY = "now", "Straight away"
        AFTER_DUE = "after_due", "After the due date"
        NEVER = "never", "Never"

    classroom = models.ForeignKey(Classroom, on_delete=models.CASCADE, related_name="assignments")
    debate = models.ForeignKey(Debate, on_delete=models.PROTECT, related_name="assignments")
    title = models.CharField(max_length=120)
    mode = models.CharField(max_length=20, choices=Mode.choices, default=Mode.WHO_SAID)
    questions = models.PositiveSmallIntegerField(default=10, help_text="Questions a round (sorting deals 6-8 cards).")
    opens_at = models.DateTimeField()
    due_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=1)
    answers_shown = models.CharField(max_length=10, choices=Answers.choices, default=Answers.STRAIGHT_AWAY)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(due_at__gt=F("opens_at")), name="assignment_due_after_opening"),
            models.CheckConstraint(condition=Q(attempts__gte=1), name="assignment_at_least_one_attempt"),
        ]

    def __str__(self):
        return self.title

    def answers_visible(self, now) -> bool:
        if self.answers_shown == self.Answers.STRAIGHT_AWAY:
            return True
        return self.answers_shown == self.Answers.AFTER_DUE and now >= self.due_at
