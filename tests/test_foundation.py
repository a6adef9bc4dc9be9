"""The foundation: the demo teacher, the Teachers group, and the headers every page carries."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from game.teachers import TEACHERS_GROUP


@pytest.mark.django_db
def test_the_demo_teacher_is_created_once_and_can_log_in(client, tmp_path, settings, capsys):
    settings.BASE_DIR = tmp_path
    call_command("demo_teacher")
    first = capsys.readouterr().out
    assert "username demo-teacher" in first
    password = first.split("password ")[1].split()[0]

    call_command("demo_teacher")
    again = capsys.readouterr().out
    assert f"password {password}" in again
    assert User.objects.filter(username="demo-teacher").count() == 1

    teacher = User.objects.get(username="demo-teacher")
    assert teacher.is_staff and not teacher.is_superuser
    assert teacher.groups.filter(name=TEACHERS_GROUP).exists()
    response = client.post("/admin/login/", {"username": "demo-teacher", "password": password, "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/")
    assert response.status_code == 200
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_htmx_is_served_from_our_own_static_files(client):
    page = client.get("/").content.decode()
    assert "/static/vendor/htmx-2.0.11.min.js" in page
    assert "https://" not in page.split("<body")[0]


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    """`manage.py check --deploy` with the environment a production server would have."""
    import os
    import subprocess
    import sys

    from django.conf import settings

    env = {
        key: value for key, value in os.environ.items() if key not in {"DEBUG", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    } | {
        "SECRET_KEY": "x" * 20 + "a-long-and-random-production-secret-key-0123456789",
        "ALLOWED_HOSTS": "hustings.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    import os
    import subprocess
    import sys

    from django.conf import settings

    env = {key: value for key, value in os.environ.items() if key not in {"DEBUG", "SECRET_KEY"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


@pytest.mark.django_db
def test_create_teacher_makes_a_teacher_and_prints_a_password_once(capsys, client):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    call_command("create_teacher", "ms-rahman", "--name", "Ms Rahman")
    out = capsys.readouterr().out
    assert "Teacher created: Ms Rahman  username ms-rahman  password " in out
    password = out.split("password ")[1].split()[0]
    teacher = User.objects.get(username="ms-rahman")
    assert teacher.is_staff and not teacher.is_superuser and teacher.first_name == "Ms Rahman"
    assert teacher.groups.filter(name=TEACHERS_GROUP).exists()
    response = client.post("/admin/login/", {"username": "ms-rahman", "password": password, "next": "/admin/"})
    assert response.status_code == 302
    with pytest.raises(CommandError, match="already an account called 'Ms-Rahman'"):
        call_command("create_teacher", "Ms-Rahman")


@pytest.mark.django_db
def test_the_demo_teacher_owns_a_demo_class_with_played_homework(client, tmp_path, settings, capsys):
    from pathlib import Path

    from game.models import Classroom, Round
    from game.services.importing import articles_import

    articles_import(paths=[Path(__file__).resolve().parent.parent / "seeds"])
    settings.BASE_DIR = tmp_path
    call_command("demo_teacher")
    call_command("demo_teacher")
    out = capsys.readouterr().out
    classroom = Classroom.objects.get(teacher__username="demo-teacher")
    assert classroom.memberships.count() == 5 and classroom.assignments.count() == 2
    assert Round.objects.filter(assignment__classroom=classroom, finished_at__isnull=False).count() == 7
    student_line = out.split("Demo student (Demo class: 10B Debate Club): ")[1].splitlines()[0]
    username, password = student_line.split()[1], student_line.split()[3]
    client.post("/accounts/login/", {"username": username, "password": password})
    assert "Who said it? Week 2" in client.get("/").content.decode()
    client.force_login(classroom.teacher)
    page = client.get(f"/teach/classes/{classroom.pk}/").content.decode()
    assert page.count("Done late") >= 1 and "Missing" in page and "Not started" in page
