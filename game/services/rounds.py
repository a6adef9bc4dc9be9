"""Starting rounds and answering them. The server decides correctness and points.

Every answer is taken inside a transaction with the round's row locked, so a double click, a
replayed POST or two tabs cannot answer the same question twice.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from game import modes, rules
from game.errors import PlayError  # noqa: F401 - where the views and services have always found it
from game.models import Assignment, Debate, Membership, Round, RoundItem


NOT_FOUND = (
    "This round isn't available: it may belong to someone else, or your session may have expired. "
    "Start a new round from the home page."
)


@dataclass(frozen=True)
class Owner:
    """Who is playing: a logged-in player, or a visitor identified by their session."""

    player: object | None
    session_key: str

    @classmethod
    def of(cls, request) -> "Owner":
        if request.user.is_authenticated:
            return cls(request.user, "")
        if not request.session.session_key:
            request.session.save()
        return cls(None, request.session.session_key)

    def rounds(self):
        if self.player is not None:
            return Round.objects.filter(player=self.player)
        return Round.objects.filter(player__isnull=True, session_key=self.session_key)


def round_start(*, debate: Debate, mode: str, owner: Owner, now: datetime, rng: random.Random | None = None,
                count: int = rules.ROUND_QUESTIONS, mix_questions: bool = True, assignment=None) -> Round:
    """Deal a new round of published content; a clear PlayError when there is not enough."""
    items = items_deal(debate=debate, mode=mode, rng=rng or random.Random(), count=count, mix_questions=mix_questions,
                       owner=owner)
    with transaction.atomic():
        round_ = Round.objects.create(debate=debate, mode=mode, player=owner.player, session_key=owner.session_key,
                                      created_at=now, assignment=assignment)
        for position, item in enumerate(items):
            item.round, item.position = round_, position
        RoundItem.objects.bulk_create(items)
    return round_


def items_deal(*, debate: Debate, mode: str, rng: random.Random, count: int = rules.ROUND_QUESTIONS,
               mix_questions: bool = True, owner: Owner | None = None) -> list[RoundItem]:
    """Unsaved items of published content, each with its snapshot (rounds and live games deal these);
    `owner`: whose history a personal mode (mix-ups) deals from."""
    return modes.deal(debate=debate, mode=mode, rng=rng, count=count, mix_questions=mix_questions, owner=owner)


def homework_round_start(*, assignment, student, now: datetime, rng: random.Random | None = None) -> Round:
    """Start (or resume) a round of homework: once it opens, within the attempts allowed.

    Attempts after the due date are allowed and reported late, never lost.
    """
    with transaction.atomic():
        # Locking the assignment row makes two tabs starting at once count as two attempts, in turn.
        assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
        if not Membership.objects.filter(classroom_id=assignment.classroom_id, student=student).exists():
            raise PlayError("That homework isn't set for any of your classes.", 404)
        if now < assignment.opens_at:
            raise PlayError(f"This homework opens on {timezone.localtime(assignment.opens_at):%A %-d %B at %H:%M}.", 409)
        rounds = Round.objects.filter(assignment=assignment, player=student)
        unfinished = rounds.filter(finished_at__isnull=True).first()
        if unfinished is not None:
            return unfinished
        if rounds.count() >= assignment.attempts:
            raise PlayError(
                f"You've used your {rules.counted(assignment.attempts, 'attempt')} "
                "at this homework. Your best score counts.", 409,
            )
        mode, mix = modes.homework_modes()[assignment.mode]
        return round_start(debate=assignment.debate, mode=mode.slug, owner=Owner(student, ""), now=now, rng=rng,
                           count=assignment.questions, mix_questions=mix, assignment=assignment)


def round_get(*, round_id, owner: Owner) -> Round:
    """The owner's round, or a PlayError that does not reveal whether it exists."""
    try:
        return owner.rounds().select_related("debate", "assignment").get(pk=UUID(str(round_id)))
    except (Round.DoesNotExist, ValueError):
        raise PlayError(NOT_FOUND, 404) from None


def _locked_round(round_id, owner: Owner) -> Round:
    try:
        return owner.rounds().select_for_update(of=("self",)).select_related("debate", "assignment").get(
            pk=UUID(str(round_id)))
    except (Round.DoesNotExist, ValueError):
        raise PlayError(NOT_FOUND, 404) from None


@dataclass
class Answered:
    """A round just answered: the round, its items (with what the page shows) and the answered one."""

    round: Round
    items: list[RoundItem]
    item: RoundItem | None = None


def _answer_record(item: RoundItem, answer_id: int, now: datetime) -> None:
    item.answer = answer_id
    item.answer_label = item.label_of(answer_id)
    if item.kind == "mq_change":  # "What was changed?": any changed word is right
        item.correct = answer_id in item.source.get("changed", [])
    else:
        item.correct = answer_id == item.right_answer
    item.answered_at = now
    if item.quote_id and item.kind in ("spoken", "written"):
        item.answer_speaker_id = answer_id
    elif item.question_id:
        item.answer_choice_id = answer_id
    elif item.kind == "argument":
        item.answer_side_id = answer_id
    # Other kinds ("reason") answer with an option of their own, kept in `answer` alone.


ANSWER_FIELDS = ["answer", "answer_label", "answer_speaker", "answer_choice", "answer_side", "correct", "points",
                 "streak", "answered_at"]


def answer_submit(*, round_id, position: int, answer_id: int, owner: Owner, now: datetime) -> Answered:
    """Answer one question of a "Who said it?" or quiz round, once, in order.

    Correctness comes from the snapshot taken when the round was dealt: no content is read, and
    the items read here are all the next page needs.
    """
    with transaction.atomic():
        round_ = _locked_round(round_id, owner)
        if modes.mode_of(round_.mode).board:
            raise PlayError("This is a sorting round: place the cards and check them all at once.", 400)
        items = list(round_.items.order_by("position"))
        item = next((i for i in items if i.position == position), None)
        if item is None:
            raise PlayError("That question isn't part of this round.", 404)
        if item.answered_at is not None:
            raise PlayError("You've already answered this question — your first answer counts.", 409)
        next_item = next((i for i in items if i.answered_at is None), None)
        if next_item is not item:
            raise PlayError("That question isn't the next one in this round. Carry on from where you are.", 409)
        if answer_id not in item.options:
            raise PlayError("That answer isn't one of the options for this question.", 400)
        _answer_record(item, answer_id, now)
        previous = items[position - 1].streak if position > 0 else 0
        item.points, item.streak = rules.points_for_answer(item.correct, previous)
        item.save(update_fields=ANSWER_FIELDS)
        if item.kind == "misquote" and item.correct and _answers_shown(round_, now):
            items = _follow_up_insert(round_, items, item)
        if all(i.answered_at for i in items):
            round_.finished_at = now
            round_.save(update_fields=["finished_at"])
    return Answered(round=round_, items=items, item=item)


def _answers_shown(round_: Round, now: datetime) -> bool:
    return not round_.assignment_id or round_.assignment.answers_visible(now)


def _follow_up_insert(round_: Round, items: list[RoundItem], item: RoundItem) -> list[RoundItem]:
    """After a right "Spot the misquote" answer: "What was changed?" as the next question of the
    round (the questions after it move down one). Two updates and an insert, whatever the round."""
    from game.modes.misquote import follow_up_item

    follow = follow_up_item(item, random.Random())
    later = round_.items.filter(position__gt=item.position)
    later.update(position=F("position") + 1000)  # out of the way of the unique position, then back
    later.model.objects.filter(round=round_, position__gt=item.position + 1000).update(position=F("position") - 999)
    follow.round, follow.position = round_, item.position + 1
    follow.save()
    for other in items:
        if other.position > item.position:
            other.position += 1
    return sorted([*items, follow], key=lambda i: i.position)


def _board_to_check(round_id, owner: Owner, mode: str, *, wrong_mode: str, checked: str):
    """A board round (checked whole, once), locked, and its items; a PlayError if it is another
    mode or already checked."""
    round_ = _locked_round(round_id, owner)
    if round_.mode != mode:
        raise PlayError(wrong_mode, 400)
    if round_.finished_at is not None:
        raise PlayError(checked, 409)
    return round_, list(round_.items.order_by("position"))


def sort_submit(*, round_id, placements: dict[int, int], owner: Owner, now: datetime) -> Answered:
    """Check a whole sorting round, once: `placements` maps card position to side id."""
    with transaction.atomic():
        round_, items = _board_to_check(round_id, owner, "sort", wrong_mode="This round isn't a sorting round.",
                                        checked="You've already checked this round — your first answers count.")
        missing = [i.position for i in items if placements.get(i.position) not in i.options]
        if missing:
            raise SortIncomplete(missing, placements)
        right = 0
        for item in items:
            _answer_record(item, placements[item.position], now)
            item.points = rules.POINTS_PER_CARD if item.correct else 0
            right += item.correct
        if right == len(items):
            items[-1].points += rules.ALL_SORTED_BONUS
        RoundItem.objects.bulk_update(items, ANSWER_FIELDS)
        round_.finished_at = now
        round_.save(update_fields=["finished_at"])
    return Answered(round=round_, items=items)


def order_submit(*, round_id, placements: dict[int, int], owner: Owner, now: datetime) -> Answered:
    """Check a whole timeline, once: `placements` maps card position to its place (1 = earliest).
    Each card scores for the pairs it starts that are the right way round (rules.pairs_in_order)."""
    with transaction.atomic():
        round_, items = _board_to_check(round_id, owner, "timeline", wrong_mode="This round isn't a timeline.",
                                        checked="You've already checked this timeline — your first order counts.")
        given = [placements.get(item.position) for item in items]
        if sorted(p for p in given if p is not None) != list(range(1, len(items) + 1)) or None in given:
            raise PlayError(f"Give each card a different place from 1 to {len(items)} before checking.", 400)
        for index, item in enumerate(items):
            item.answer, item.answer_label = given[index], rules.ordinal(given[index])
            item.correct, item.answered_at = given[index] == item.right_answer, now
            later = [j for j in range(len(items)) if items[j].right_answer > item.right_answer]
            item.points = rules.POINTS_PER_PAIR * sum(1 for j in later if given[j] > given[index])
        RoundItem.objects.bulk_update(items, ANSWER_FIELDS)
        round_.finished_at = now
        round_.save(update_fields=["finished_at"])
    return Answered(round=round_, items=items)


class SortIncomplete(PlayError):
    """Some cards are not under a side yet: the board is shown again as the player left it."""

    def __init__(self, missing: list[int], placements: dict[int, int]):
        left = len(missing)
        super().__init__(
            f"Put every card under a side before checking: {left} card{'s are' if left != 1 else ' is'} "
            "still to place (marked below).",
            400,
        )
        self.missing = missing
        self.placements = placements


def rounds_claim(*, session_key: str, player) -> int:
    """A visitor who signs up or logs in keeps the rounds they played in this session."""
    if not session_key:
        return 0
    return Round.objects.filter(player__isnull=True, session_key=session_key).update(player=player, session_key="")
