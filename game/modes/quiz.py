"""Quiz: the teacher's own multiple-choice questions, one at a time."""

from __future__ import annotations

import random

from game import rules
from game.errors import PlayError
from game.models import Debate, Mode, Question, RoundItem, Status
from game.modes import GameMode
from game.snapshots import question_source


def published_questions(debate: Debate):
    return Question.objects.filter(debate=debate, status=Status.PUBLISHED).prefetch_related("choices")


def question_item(question: Question, rng: random.Random) -> RoundItem:
    choices = list(question.choices.all())
    rng.shuffle(choices)
    right = next(choice for choice in choices if choice.is_correct)
    return RoundItem(
        question=question, asked=question.prompt, options=[c.pk for c in choices],
        option_labels=[[c.text, ""] for c in choices], right_answer=right.pk, right_label=right.text,
        kind="question", source=question_source(question),
    )


def playable(question: Question) -> bool:
    """Two choices or more, exactly one of them right (the admin enforces it; a pack could not)."""
    choices = question.choices.all()
    return len(choices) >= 2 and sum(c.is_correct for c in choices) == 1


def deal_quiz(debate: Debate, rng: random.Random, count: int, mix_questions: bool = False) -> list[RoundItem]:
    questions = [q for q in published_questions(debate) if playable(q)]
    if not questions:
        raise PlayError("Your teacher hasn't published any quiz questions for this debate yet.", 409)
    return [question_item(q, rng) for q in rules.deal(questions, count, rng)]


MODE = GameMode(slug=Mode.QUIZ, name="Quiz", deal=deal_quiz, template="game/round.html",
                homework=(("quiz", "Quiz", False),), live="quiz",
                hint="Your teacher's questions")
