"""Two real uvicorn processes sharing one database and one Redis, for the live game's streaming
tests (`two_servers` yields the PIN of a fresh game and the two servers' addresses)."""

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"

SETUP = """
from game.services.importing import articles_import
from game.services.live import game_create
from game.models import Debate
from game.teachers import teacher_create
from pathlib import Path
articles_import(paths=[Path('seeds')])
teacher = teacher_create(username='ms-fanout', password='chalk-and-talk-42')
game = game_create(host=teacher, debate=Debate.objects.get(slug='junior-doctors-contract'), mode='who_said',
                   questions=3, seconds=20)
print('PIN', game.pin)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_reachable() -> bool:
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError:
        return False


def shared_database(tmp_path) -> str:
    """The servers' own database: a fresh PostgreSQL one when the suite runs on PostgreSQL, else SQLite."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    import psycopg

    base = url.rsplit("/", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute('DROP DATABASE IF EXISTS "hustings_fanout" WITH (FORCE)')
        connection.execute('CREATE DATABASE "hustings_fanout"')
    return f"{base}/hustings_fanout"


@pytest.fixture
def two_servers(tmp_path):
    assert redis_reachable(), f"Redis is needed at {REDIS_URL} (start it, or set REDIS_URL)"
    env = dict(os.environ, DEBUG="1", DATABASE_URL=shared_database(tmp_path), REDIS_URL=REDIS_URL)
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "--no-input"], cwd=ROOT, env=env, check=True, capture_output=True)
    made = subprocess.run([python, "manage.py", "shell", "-c", SETUP], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True)
    pin = re.search(r"PIN (\d{6})", made.stdout).group(1)
    servers, urls = [], []
    for _ in range(2):
        port = free_port()
        servers.append(subprocess.Popen(
            [python, "-m", "uvicorn", "debate.asgi:application", "--host", "127.0.0.1", "--port", str(port),
             "--timeout-graceful-shutdown", "3", "--log-level", "warning"], cwd=ROOT, env=env))
        urls.append(f"http://127.0.0.1:{port}")
    for url in urls:
        for _ in range(100):
            try:
                if httpx.get(f"{url}/health/", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
    yield pin, urls
    for server in servers:
        server.terminate()
        server.wait(timeout=10)
