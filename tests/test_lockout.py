"""Password guessing is stopped: a few wrong passwords for one username from one address pause
logging in as that user there, on the players' login and the teachers' admin alike."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db

SCHOOL = "203.0.113.7"  # a whole class behind one school address
HOME = "198.51.100.20"


def try_login(client, username, password, *, address=SCHOOL, url="/accounts/login/"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def guess_wrong(client, username, times, **kwargs):
    return [try_login(client, username, f"wrong-guess-{n}", **kwargs).status_code for n in range(times)]


def test_after_five_wrong_passwords_even_the_right_one_is_refused_with_a_clear_message(client, student):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert guess_wrong(client, "sam", 4) == [200] * 4  # "don't match", the form again
    locked = try_login(client, "sam", "wrong-guess-5")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Logging in is paused" in page and "for 15 minutes" in page and "ask your teacher" in page
    again = try_login(client, "sam", "pencil-case-77")
    assert again.status_code == 429 and "_auth_user_id" not in client.session


def test_a_lockout_touches_only_that_username_from_that_address(student, other_student):
    guess_wrong(Client(), "sam", 5)
    classmate = try_login(Client(), "priya", "ruler-and-rubber-88")  # same school address
    assert classmate.status_code == 302
    at_home = try_login(Client(), "sam", "pencil-case-77", address=HOME)
    assert at_home.status_code == 302


def test_the_admin_login_is_guarded_too(teacher):
    client = Client()
    statuses = guess_wrong(client, "ms-okafor", 5, url="/admin/login/")
    assert statuses[-1] == 429
    right = try_login(client, "ms-okafor", "chalk-and-talk-42", url="/admin/login/")
    assert right.status_code == 429 and "Logging in is paused" in right.content.decode()


def test_the_pause_ends_after_the_cool_off(student):
    client = Client()
    guess_wrong(client, "sam", 5)
    assert try_login(client, "sam", "pencil-case-77").status_code == 429
    # Sixteen minutes pass.
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16))
    assert try_login(client, "sam", "pencil-case-77").status_code == 302


def test_a_teacher_sees_the_lockout_and_clears_it(student, teacher):
    guess_wrong(Client(), "sam", 5)
    attempt = AccessAttempt.objects.get(username="sam")
    teacher_client = Client()
    teacher_client.force_login(teacher)
    listing = teacher_client.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200 and "sam" in listing.content.decode()
    response = teacher_client.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert try_login(Client(), "sam", "pencil-case-77").status_code == 302


def test_a_right_password_before_the_limit_starts_the_count_again(student):
    client = Client()
    guess_wrong(client, "sam", 4)
    assert try_login(client, "sam", "pencil-case-77").status_code == 302
    client.post("/accounts/logout/")
    assert guess_wrong(client, "sam", 4) == [200] * 4
