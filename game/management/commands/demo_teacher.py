"""Create the demo teacher and their demo class (once), and print how to log in.

The demo class has a few students, two pieces of homework on the seed debate, and answers
played through the real game services, so a newcomer sees a filled report at once.
"""

import random
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand
from django.utils import timezone

from game.models import Assignment, Classroom, Debate
from game.roster import NewStudent
from game.services.classes import classroom_create, students_create
from game.services.rounds import Owner, PlayError, answer_submit, homework_round_start
from game.teachers import teacher_create, teachers_group_sync

USERNAME = "demo-teacher"
DEMO_CLASS = "Demo class: 10B Debate Club"
DEMO_STUDENTS = ["Amira Khan", "Ben Okoro", "Chloe Davies", "Dev Patel", "Ella Morris"]
DEBATE_SLUG = "junior-doctors-contract"


class Command(BaseCommand):
    help = "Create the demo teacher and demo class (once) and print the logins."

    def handle(self, *args, **options):
        teachers_group_sync()
        var = settings.BASE_DIR / "var"
        password_file = var / "demo-teacher-password.txt"
        teacher = User.objects.filter(username=USERNAME).first()
        if teacher is None:
            password = "-".join(secrets.token_hex(2) for _ in range(3))
            teacher = teacher_create(username=USERNAME, password=password, name="Demo Teacher")
            var.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
            self.stdout.write(self.style.SUCCESS(f"Demo teacher created: username {USERNAME}  password {password}"))
        elif password_file.exists():
            password = password_file.read_text().strip()
            self.stdout.write(self.style.SUCCESS(f"Demo teacher: username {USERNAME}  password {password}"))
        else:
            self.stdout.write(f"Demo teacher {USERNAME} already exists; set a new password with "
                              f"`python3 dev.py manage changepassword {USERNAME}`.")
        self.demo_class(teacher, var / "demo-student.txt")

    def demo_class(self, teacher, student_file):
        classroom = Classroom.objects.filter(teacher=teacher, name=DEMO_CLASS).first()
        if classroom is None:
            debate = Debate.objects.filter(slug=DEBATE_SLUG).first()
            if debate is None:
                self.stdout.write("No demo class: import seeds/ first (python3 dev.py manage import_articles).")
                return
            classroom = self.demo_class_create(teacher, debate, student_file)
        if student_file.exists():
            self.stdout.write(f"Demo student ({classroom.name}): {student_file.read_text().strip()}")

    def demo_class_create(self, teacher, debate, student_file) -> Classroom:
        rng = random.Random(2016)
        classroom = classroom_create(teacher=teacher, name=DEMO_CLASS)
        cards = students_create(classroom=classroom, students=[NewStudent(*name.split()) for name in DEMO_STUDENTS])
        now = timezone.now()
        quiz = Assignment.objects.create(
            classroom=classroom, debate=debate, title="Who represents whom?", mode=Assignment.Mode.QUIZ, questions=5,
            opens_at=now - timedelta(days=8), due_at=now - timedelta(days=1), attempts=2)
        quotes = Assignment.objects.create(
            classroom=classroom, debate=debate, title="Who said it? Week 2", mode=Assignment.Mode.WHO_SAID,
            questions=8, opens_at=now - timedelta(days=2), due_at=now + timedelta(days=5), attempts=1)
        memberships = list(classroom.memberships.select_related("student"))
        # Four of five did the quiz (one late), three have done the quotes; skill varies by student.
        plays = [(quiz, memberships[0], 0.9, -3), (quiz, memberships[1], 0.6, -2), (quiz, memberships[2], 0.4, 0.5),
                 (quiz, memberships[3], 0.8, -4), (quotes, memberships[0], 0.8, -1), (quotes, memberships[1], 0.5, -1),
                 (quotes, memberships[3], 0.7, -0.5)]
        for assignment, membership, skill, days in plays:
            when = now + timedelta(days=days)
            try:
                round_ = homework_round_start(assignment=assignment, student=membership.student, now=when, rng=rng)
            except PlayError:
                continue
            owner = Owner(membership.student, "")
            for item in round_.items.order_by("position"):
                right = rng.random() < skill
                answer = item.right_answer if right else rng.choice([pk for pk in item.options if pk != item.right_answer])
                answer_submit(round_id=round_.pk, position=item.position, answer_id=answer, owner=owner,
                              now=when + timedelta(seconds=20 * (item.position + 1)))
        card = next(c for c in cards if c.display_name == "Ella M.")  # has homework still to do
        student_file.write_text(f"username {card.username}  password {card.password}\n")
        student_file.chmod(0o600)
        self.stdout.write(self.style.SUCCESS(f"Demo class created: {classroom.name}, {len(cards)} students"))
        return classroom
