"""Live games: a teacher hosts one question at a time on the projector; the class answers on phones.

The whole state lives here, in the database, so a server restart or a closed projector tab loses
nothing. Phase changes are compare-and-set on `version`; scores are sums of stored answers.
"""

import uuid

from django.conf import settings
from django.db import models

from .classes import Classroom
from .content import Debate


class LiveGame(models.Model):
    class Mode(models.TextChoices):
        WHO_SAID = "who_said", "Who said it?"
        QUIZ = "quiz", "Quiz"
        WHICH_SIDE = "which_side", "Which side?"
        REASON_TYPES = "reason_types", "What kind of evidence?"
        DIRECT_OR_REPORTED = "direct_or_reported", "Whose words?"
        MISQUOTE = "misquote", "Spot the misquote"

    class Phase(models.TextChoices):
        LOBBY = "lobby", "Lobby"
        QUESTION = "question", "Question"
        REVEAL = "reveal", "Reveal"
        FINISHED = "finished", "Finished"

    pin = models.CharField(max_length=6, db_index=True)
    host = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="live_games_hosted")
    debate = models.ForeignKey(Debate, on_delete=models.PROTECT, related_name="live_games")
    classroom = models.ForeignKey(Classroom, on_delete=models.SET_NULL, null=True, blank=True, related_name="live_games",
                                  help_text="Only this class's students may join; empty: anyone with the PIN.")
    mode = models.CharField(max_length=20, choices=Mode.choices, default=Mode.WHO_SAID)
    seconds = models.PositiveSmallIntegerField(default=20, help_text="Time to answer; 0 means untimed.")
    speed_scoring = models.BooleanField(default=True, help_text="Faster right answers score more (as Kahoot does).")
    streak_bonus = models.BooleanField(default=True)
    leaderboard_every = models.PositiveSmallIntegerField(default=1)
    phase = models.CharField(max_length=10, choices=Phase.choices, default=Phase.LOBBY)
    question_index = models.PositiveSmallIntegerField(default=0)
    opens_at = models.DateTimeField(null=True, blank=True, help_text="Answers open (after the reading pause).")
    deadline = models.DateTimeField(null=True, blank=True, help_text="Answers close; empty when untimed.")
    paused_remaining_ms = models.PositiveIntegerField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    locked = models.BooleanField(default=False, help_text="No one new can join (players already in stay).")
    teams_from_class = models.BooleanField(
        default=False, help_text="Teams dealt from the class list before anyone joins, else balanced as players join.")

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["pin"], condition=~models.Q(phase="finished"), name="live_pin_unique_while_on"),
        ]

    def __str__(self):
        return f"Live game {self.pin}"


class LivePlayer(models.Model):
    game = models.ForeignKey(LiveGame, on_delete=models.CASCADE, related_name="players")
    nickname = models.CharField(max_length=20)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="live_seats")
    token = models.UUIDField(default=uuid.uuid4, unique=True, help_text="Kept in the player's cookie to rejoin.")
    joined_at = models.DateTimeField(auto_now_add=True)
    kicked = models.BooleanField(default=False)
    device = models.CharField(max_length=32, blank=True, db_index=True,
                              help_text="The joining browser's mark: a removed player's browser can't join again.")
    team = models.ForeignKey("game.LiveTeam", on_delete=models.SET_NULL, null=True, blank=True, related_name="players")

    class Meta:
        ordering = ["joined_at"]
        constraints = [
            models.UniqueConstraint(fields=["game", "nickname"], name="live_nickname_once_per_game"),
            models.UniqueConstraint(fields=["game", "user"], condition=models.Q(user__isnull=False),
                                    name="live_one_seat_per_student"),
        ]

    def __str__(self):
        return self.nickname


class LiveTeam(models.Model):
    """A team in a live game: Proposition and Opposition, or 2 to 6 named by the host."""

    game = models.ForeignKey(LiveGame, on_delete=models.CASCADE, related_name="teams")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=30)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["game", "position"], name="live_team_position_once")]

    def __str__(self):
        return self.name


class LiveQuestion(models.Model):
    """A question of the game with the snapshot a round item has: words, options, right answer, source."""

    game = models.ForeignKey(LiveGame, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    # The content it was dealt from (played content is never deleted: see RoundItem).
    quote = models.ForeignKey("game.Quote", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    question = models.ForeignKey("game.Question", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    argument = models.ForeignKey("game.Argument", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    sentence = models.ForeignKey("game.Sentence", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    kind = models.CharField(max_length=10)
    asked = models.TextField()
    options = models.JSONField(default=list)
    option_labels = models.JSONField(default=list)
    right_answer = models.PositiveIntegerField()
    right_label = models.TextField()  # a misquote's real words can be long
    source = models.JSONField(default=dict)

    class Meta:
        ordering = ["game", "position"]
        constraints = [models.UniqueConstraint(fields=["game", "position"], name="live_question_position_once")]

    @property
    def paraphrase(self) -> bool:
        """Shown without quotation marks: an argument card in plain words, a sentence as printed, a
        card asked for its kind. A quotation (asked who said it, or its kind) keeps its marks."""
        return self.kind in ("argument", "sentence") or (self.kind == "reason" and not self.quote_id)

    @property
    def content_ids(self) -> dict:
        return {"quote_id": self.quote_id, "question_id": self.question_id, "argument_id": self.argument_id,
                "sentence_id": self.sentence_id}


class LiveAnswer(models.Model):
    question = models.ForeignKey(LiveQuestion, on_delete=models.CASCADE, related_name="answers")
    player = models.ForeignKey(LivePlayer, on_delete=models.CASCADE, related_name="answers")
    answer = models.PositiveIntegerField()
    answer_label = models.TextField()
    answered_at = models.DateTimeField()
    elapsed_ms = models.PositiveIntegerField(help_text="Measured by the server from when answers opened.")
    correct = models.BooleanField()
    points = models.PositiveIntegerField()
    streak = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["question", "player"], name="live_one_answer_per_question")]
