"""Make a teacher account and print its generated password (shown once; there is no e-mail)."""

import secrets

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError

from game.teachers import teacher_create


class Command(BaseCommand):
    help = "Create a teacher account (in the Teachers group) and print a generated password."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="", help='how students see the teacher, e.g. "Ms Rahman"')

    def handle(self, *args, username: str, name: str, **options):
        username = username.strip()
        if not username or len(username) > 150:
            raise CommandError("Give a username of 1 to 150 characters.")
        if User.objects.filter(username__iexact=username).exists():
            raise CommandError(f"There is already an account called {username!r}; choose another username.")
        password = secrets.token_urlsafe(12)
        teacher = teacher_create(username=username, password=password, name=name.strip())
        self.stdout.write(self.style.SUCCESS(
            f"Teacher created: {teacher.first_name or username}  username {username}  password {password}"
        ))
        self.stdout.write("Give them the password in person; they can change it after logging in at /admin/.")
