"""Rebuttals: a student writes one (once per round, checked and escaped), a teacher of the
student's class reviews it (approve with 0-3 stars and a comment), and the round item's points
follow the review. The best approved ones can be shown to the class."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction

from game import rules
from game.errors import PlayError
from game.live.nicknames import is_abusive
from game.models import Classroom, Membership, Rebuttal
from game.services.rounds import _locked_round


def rebuttal_check(text: str) -> str:
    """The rebuttal tidied, or a PlayError saying what to change."""
    text = "\n".join(" ".join(line.split()) for line in text.strip().splitlines()).strip()
    if not text:
        raise PlayError("Write your rebuttal first: what is wrong with this argument?", 400)
    if len(text) > rules.REBUTTAL_MAX:
        raise PlayError(f"A rebuttal can be at most {rules.REBUTTAL_MAX} characters; yours has {len(text)}. "
                        "Make it shorter.", 400)
    if is_abusive(text):
        raise PlayError("Please rewrite it without that language: your teacher and class may read it.", 400)
    return text


def rebuttal_submit(*, round_id, text: str, owner, now: datetime) -> Rebuttal:
    if owner.player is None:
        raise PlayError("Log in to write a rebuttal: your teacher reads it and replies on My scores.", 403)
    text = rebuttal_check(text)
    with transaction.atomic():
        round_ = _locked_round(round_id, owner)
        item = round_.items.get()
        if item.answered_at is not None:
            raise PlayError("You've already sent this rebuttal; your teacher will read it.", 409)
        if item.kind != "rebuttal":
            raise PlayError("This round isn't a rebuttal.", 400)
        item.answered_at, item.answer_label, item.correct, item.points = now, text[:300], False, 0
        item.save(update_fields=["answered_at", "answer_label", "correct", "points"])
        round_.finished_at = now
        round_.save(update_fields=["finished_at"])
        return Rebuttal.objects.create(item=item, player=owner.player, debate=round_.debate, argument_id=item.argument_id,
                                       text=text, created_at=now)


def rebuttals_to_review(teacher):
    """Rebuttals by students of this teacher's classes, waiting ones first."""
    students = Membership.objects.filter(classroom__teacher=teacher).values("student_id")
    return (Rebuttal.objects.filter(player__in=students).select_related("player", "argument__side", "debate")
            .order_by("status", "-created_at"))


def rebuttal_review(*, rebuttal: Rebuttal, teacher, approve: bool, stars: int, comment: str, now: datetime) -> Rebuttal:
    if not Membership.objects.filter(classroom__teacher=teacher, student_id=rebuttal.player_id).exists():
        raise PlayError("That rebuttal isn't by a student in one of your classes.", 404)
    if not 0 <= stars <= 3:
        raise PlayError("Give 0 to 3 stars.", 400)
    with transaction.atomic():
        rebuttal.status = Rebuttal.Status.APPROVED if approve else Rebuttal.Status.NOT_APPROVED
        rebuttal.stars = stars if approve else None
        rebuttal.comment = comment.strip()[:1000]
        rebuttal.reviewed_by, rebuttal.reviewed_at = teacher, now
        rebuttal.save()
        item = rebuttal.item
        item.correct, item.points = approve, rules.rebuttal_points(approve, stars)
        item.save(update_fields=["correct", "points"])
    return rebuttal


def best_rebuttals(classroom: Classroom, limit: int = 5) -> list[Rebuttal]:
    """The class's approved rebuttals with two stars or more, best and newest first."""
    students = Membership.objects.filter(classroom=classroom).values("student_id")
    return list(Rebuttal.objects.filter(player__in=students, status=Rebuttal.Status.APPROVED, stars__gte=2)
                .select_related("argument__side").order_by("-stars", "-reviewed_at")[:limit])
