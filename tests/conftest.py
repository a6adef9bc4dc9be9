"""Shared fixtures: a small classroom cast and the seed debate."""

import pytest
from django.contrib.auth.models import User

from game.teachers import teacher_create
from tests.live_servers import two_servers  # noqa: F401 - two uvicorn processes, for the streaming tests


@pytest.fixture
def teacher(db):
    return teacher_create(username="ms-okafor", password="chalk-and-talk-42")


@pytest.fixture
def teacher_client(teacher):
    """A browser-less client logged in as the teacher (the plain `client` stays free for a student)."""
    from django.test import Client

    client = Client()
    client.force_login(teacher)
    return client


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


@pytest.fixture
def assert_queries():
    """Assert the number of SQL queries a block runs, not counting transaction control.

    Tests run inside a transaction, so a view's `atomic()` shows up as SAVEPOINT/RELEASE pairs
    that a real request (BEGIN/COMMIT, not logged by Django) does not spend as queries.
    """
    from contextlib import contextmanager

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from game.querycount import data_queries

    @contextmanager
    def check(expected: int):
        with CaptureQueriesContext(connection) as captured:
            yield captured
        queries = data_queries(captured.captured_queries)
        assert len(queries) == expected, f"{len(queries)} queries, expected {expected}:\n" + "\n".join(
            sql[:200] for sql in queries
        )

    return check


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: guessing limits and live versions are counted there
    (in Redis when REDIS_URL is set, which outlives a test)."""
    from django.core.cache import cache

    cache.clear()
    yield
