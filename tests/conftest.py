"""Shared fixtures: a small classroom cast and the seed debate."""

import pytest
from django.contrib.auth.models import User

from game.teachers import teacher_create


@pytest.fixture
def teacher(db):
    return teacher_create(username="ms-okafor", password="chalk-and-talk-42")


@pytest.fixture
def student(db):
    return User.objects.create_user(username="sam", password="pencil-case-77")


@pytest.fixture
def other_student(db):
    return User.objects.create_user(username="priya", password="ruler-and-rubber-88")


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Real password checks with a cheap hash: the suite creates many accounts."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
