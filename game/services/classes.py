"""Running classes: making them, their join codes and student accounts, joining and leaving,
and setting homework. Every write is one transaction; bad input raises ClassError, changing nothing."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from game.models import Assignment, Classroom, Debate, Membership
from game.roster import NewStudent, display_name_of, join_code_clean, join_code_new, password_new, username_for


class ClassError(Exception):
    """Something the teacher or student should be told; nothing was changed."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class WrongCode(ClassError):
    """No class has that join code (a guess counts towards the guessing limit)."""


@dataclass(frozen=True)
class LoginCard:
    """What a login card shows. The password exists only here, right after it was set."""

    display_name: str
    username: str
    password: str


def classroom_create(*, teacher: User, name: str, rng: random.Random | None = None) -> Classroom:
    name = " ".join(name.split())
    if not name:
        raise ClassError("Give the class a name, such as “10B Debate Club”.")
    classroom = Classroom(teacher=teacher, name=name[:100])
    _code_assign(classroom, rng or random.SystemRandom())
    return classroom


def classroom_rename(*, classroom: Classroom, name: str) -> Classroom:
    name = " ".join(name.split())
    if not name:
        raise ClassError("Give the class a name, such as “10B Debate Club”.")
    classroom.name = name[:100]
    classroom.save(update_fields=["name"])
    return classroom


def _code_assign(classroom: Classroom, rng: random.Random) -> None:
    for _ in range(20):
        classroom.join_code = join_code_new(rng)
        try:
            with transaction.atomic():
                classroom.save()
            return
        except IntegrityError:
            continue  # another class has this code: draw again
    raise ClassError("Could not make a new join code; try again.")


def join_code_regenerate(*, classroom: Classroom, rng: random.Random | None = None) -> str:
    """A new code; the old one stops working at once."""
    _code_assign(classroom, rng or random.SystemRandom())
    return classroom.join_code


def join_code_switch_off(*, classroom: Classroom) -> None:
    classroom.join_code = None
    classroom.save(update_fields=["join_code"])


@transaction.atomic
def students_create(*, classroom: Classroom, students: list[NewStudent], rng: random.Random | None = None,
                    ) -> list[LoginCard]:
    """Accounts for a class list, all or none, each with a username and an easy password."""
    rng = rng or random.SystemRandom()
    existing = set(classroom.memberships.values_list("display_name", flat=True))
    clashes = [s.display_name for s in students if s.display_name in existing]
    if clashes:
        raise ClassError(
            "These students are already in the class: " + ", ".join(clashes)
            + ". Remove them from the list (or add a middle initial), then try again."
        )
    taken = set(User.objects.values_list("username", flat=True).filter(username__regex=r"^[a-z]+[0-9]{2,4}$"))
    cards = []
    for student in students:
        username = username_for(student, taken, rng)
        taken.add(username)
        password = password_new(rng)
        user = User.objects.create_user(username=username, password=password, first_name=student.first_name,
                                        last_name=student.last_name)
        Membership.objects.create(classroom=classroom, student=user, display_name=student.display_name,
                                  made_by_teacher=True)
        cards.append(LoginCard(student.display_name, username, password))
    return cards


def password_reset(*, membership: Membership, rng: random.Random | None = None) -> LoginCard:
    """A new password for an account the teacher made (the old one stops working)."""
    if not membership.made_by_teacher:
        raise ClassError(
            f"{membership.display_name} made their own account, so only they can change its password."
        )
    password = password_new(rng or random.SystemRandom())
    student = membership.student
    student.set_password(password)
    student.save(update_fields=["password"])
    return LoginCard(membership.display_name, student.username, password)


def student_remove(*, membership: Membership) -> str:
    """Take a student off the class list; their account and the rounds they played stay."""
    name = membership.display_name
    membership.delete()
    return name


def class_join(*, student: User, code: str, first_name: str, last_initial: str) -> Membership:
    """A student with an account joins with the code their teacher gave them."""
    if student.is_staff:
        raise ClassError("Teachers can't join a class as a student. Log in with a student account.")
    cleaned = join_code_clean(code)
    classroom = Classroom.objects.filter(join_code=cleaned).first() if cleaned else None
    if classroom is None:
        raise WrongCode(
            "That code doesn't match a class that is taking new students. Check it with your teacher: "
            "codes look like ABC-DEF and have no 0, O, 1, I or L."
        )
    first = " ".join(first_name.split())[:30]
    if not first:
        raise ClassError("Type your first name, so your teacher knows who you are.")
    membership, created = Membership.objects.get_or_create(
        classroom=classroom, student=student,
        defaults={"display_name": display_name_of(first, last_initial[:1])},
    )
    if not created:
        raise ClassError(f"You're already in {classroom.name}.")
    return membership


def class_leave(*, student: User, classroom_id: int) -> str:
    """Leave a class; the rounds played stay in the student's own history."""
    membership = Membership.objects.filter(student=student, classroom_id=classroom_id).select_related("classroom").first()
    if membership is None:
        raise ClassError("You're not in that class.")
    name = membership.classroom.name
    membership.delete()
    return name


def assignment_due_change(*, assignment: Assignment, due_at: datetime) -> Assignment:
    """A new due date: later (an extension) or sooner. "Late" is always read against the due date in
    force, so an extension clears the mark from rounds finished before the new date; answers kept
    until the due date are shown from the new one."""
    if due_at <= assignment.opens_at:
        raise ClassError("The due date must be after the opening date "
                         f"({timezone.localtime(assignment.opens_at):%a %-d %b %H:%M}).")
    assignment.due_at = due_at
    assignment.save(update_fields=["due_at"])
    return assignment


def assignment_create(*, classroom: Classroom, debate: Debate, title: str, mode: str, questions: int,
                      opens_at: datetime, due_at: datetime, attempts: int, answers_shown: str) -> Assignment:
    if due_at <= opens_at:
        raise ClassError("The due date must be after the opening date.")
    from game.modes import homework_modes

    found = homework_modes().get(mode)
    if found and found[0].offered_in and debate.pk not in found[0].offered_in([debate.pk]):
        raise ClassError(f"{found[0].name} can't be played in “{debate.topic}” yet: {found[0].needs}")
    return Assignment.objects.create(
        classroom=classroom, debate=debate, title=" ".join(title.split())[:120] or f"{debate.topic}",
        mode=mode, questions=questions, opens_at=opens_at, due_at=due_at, attempts=attempts,
        answers_shown=answers_shown,
    )
