"""Create the demo teacher account if there is none, and print how to log in."""

import secrets

from django.conf import settings
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand

from game.teachers import teacher_create, teachers_group_sync

USERNAME = "demo-teacher"


class Command(BaseCommand):
    help = "Create the demo teacher (once) and print its username and password."

    def handle(self, *args, **options):
        teachers_group_sync()
        password_file = settings.BASE_DIR / "var" / "demo-teacher-password.txt"
        if User.objects.filter(username=USERNAME).exists():
            if password_file.exists():
                password = password_file.read_text().strip()
                self.stdout.write(self.style.SUCCESS(f"Demo teacher: username {USERNAME}  password {password}"))
            else:
                self.stdout.write(
                    f"Demo teacher {USERNAME} already exists; set a new password with "
                    f"`python manage.py changepassword {USERNAME}`."
                )
            return
        password = "-".join(secrets.token_hex(2) for _ in range(3))
        teacher_create(username=USERNAME, password=password)
        password_file.parent.mkdir(parents=True, exist_ok=True)
        password_file.write_text(password + "\n")
        password_file.chmod(0o600)
        self.stdout.write(self.style.SUCCESS(f"Demo teacher created: username {USERNAME}  password {password}"))
