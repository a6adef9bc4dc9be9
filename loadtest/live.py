"""Load test of a live game: 500 players, 10 questions, uvicorn with 2 workers, PostgreSQL and Redis.

    .venv/bin/python loadtest/live.py [--players 500] [--questions 10]

Each player joins with the PIN, keeps an event stream open, fetches its screen on every notice,
and answers a few seconds into each question; 10% of players drop their stream and reconnect
each question. It prints join time, fan-out latency (host's move to each player's notice),
answer POST latency, errors, answers sent vs stored (and any doubled or after the deadline),
peak database connections and server memory. Figures only; nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psycopg
from httpx_sse import aconnect_sse

ROOT = Path(__file__).resolve().parent.parent
POSTGRES = os.environ.get("LOAD_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/hustings_live_load")
REDIS = os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/14")
SETUP = """
from pathlib import Path
from game.models import Debate
from game.services.importing import articles_import
from game.services.live import game_create
from game.teachers import teacher_create
articles_import(paths=[Path('seeds')])
teacher = teacher_create(username='load-host', password='load-host-password-1')
game = game_create(host=teacher, debate=Debate.objects.get(slug='junior-doctors-contract'), mode='who_said',
                   questions={questions}, seconds=20)
print('PIN', game.pin, game.questions.count())
"""
OPTION = re.compile(r'name="answer" value="(\d+)"')
POSITION = re.compile(r'name="position" value="(\d+)"')


def pct(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def line(name, values_ms):
    return (f"  {name:34} p50 {pct(values_ms, 50):7.0f} ms  p95 {pct(values_ms, 95):7.0f} ms  "
            f"p99 {pct(values_ms, 99):7.0f} ms  ({len(values_ms)} samples)")


class Player:
    def __init__(self, n, base):
        self.n, self.base = n, base
        self.client = httpx.AsyncClient(base_url=base, timeout=httpx.Timeout(30, read=None))
        self.notices: list[float] = []
        self.stream_task = None
        self.answers_ok = 0

    async def join(self, pin):
        await self.client.get("/live/")
        response = await self.client.post("/live/", data={"pin": pin, "nickname": f"Player {self.n}"},
                                          headers={"X-CSRFToken": self.client.cookies.get("csrftoken", "")})
        return response.status_code == 302

    async def listen(self, pin):
        try:
            async with aconnect_sse(self.client, "GET", f"/live/events/{pin}/") as source:
                async for event in source.aiter_sse():
                    if event.event == "changed":
                        self.notices.append(time.monotonic())
        except (httpx.HTTPError, asyncio.CancelledError):
            pass

    def stream_start(self, pin):
        self.stream_task = asyncio.create_task(self.listen(pin))

    async def stream_drop_and_return(self, pin):
        self.stream_task.cancel()
        await asyncio.sleep(random.uniform(0.2, 1.5))
        self.stream_start(pin)


async def run(players_count, questions):
    results = {"errors": 0}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, DEBUG="0", SECRET_KEY=secrets.token_urlsafe(40), ALLOWED_HOSTS="127.0.0.1",
               SECURE_SSL_REDIRECT="0", SECURE_COOKIES="0", SECURE_HSTS_SECONDS="0", DATABASE_URL=POSTGRES,
               REDIS_URL=REDIS, DB_CONN_MAX_AGE="0", DB_POOL_SIZE=os.environ.get("DB_POOL_SIZE", "20"),
               LOG_LEVEL="ERROR")
    fresh_database()
    python = sys.executable
    for args in (["migrate", "--no-input"], ["collectstatic", "--no-input"]):
        subprocess.run([python, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True)
    made = subprocess.run([python, "manage.py", "shell", "-c", SETUP.format(questions=questions)], cwd=ROOT, env=env,
                          check=True, capture_output=True, text=True)
    pin, total = re.search(r"PIN (\d{6}) (\d+)", made.stdout).groups()
    server = subprocess.Popen([python, "-m", "uvicorn", "debate.asgi:application", "--host", "127.0.0.1", "--port",
                               str(port), "--workers", "2", "--log-level", "warning"], cwd=ROOT, env=env)
    sampler = None
    try:
        await wait_up(base)
        sampler = asyncio.create_task(sample_connections(results))
        host = httpx.AsyncClient(base_url=base, timeout=30)
        await host.get("/accounts/login/")
        await host.post("/accounts/login/", data={"username": "load-host", "password": "load-host-password-1"},
                        headers={"X-CSRFToken": host.cookies["csrftoken"]})
        players = [Player(n, base) for n in range(players_count)]
        started = time.monotonic()
        joined = 0
        for batch in range(0, players_count, 50):  # ramp: 50 at a time
            oks = await asyncio.gather(*(p.join(pin) for p in players[batch: batch + 50]))
            joined += sum(oks)
        join_seconds = time.monotonic() - started
        for player in players:
            player.stream_start(pin)
        await asyncio.sleep(2)
        fanout, answer_ms = [], []
        sent = 0
        for position in range(int(total)):
            version = re.search(r'name="version" value="(\d+)"', (await host.get(f"/live/host/{pin}/")).text).group(1)
            for player in players:
                player.notices.clear()
            moved_at = time.monotonic()
            action = "start" if position == 0 else "next"
            await host.post(f"/live/host/{pin}/action/", data={"action": action, "version": version},
                            headers={"X-CSRFToken": host.cookies["csrftoken"]})
            dropping = random.sample(players, len(players) // 10)
            await asyncio.gather(*(p.stream_drop_and_return(pin) for p in dropping))
            await asyncio.sleep(5.5)  # the reading pause
            fanout += [(p.notices[0] - moved_at) * 1000 for p in players if p.notices]

            async def answer(player):
                nonlocal sent
                await asyncio.sleep(random.uniform(0, 4))
                page = (await player.client.get(f"/live/{pin}/")).text
                options, at = OPTION.findall(page), POSITION.search(page)
                if not options or not at:
                    results["errors"] += 1
                    return
                t0 = time.monotonic()
                response = await player.client.post(
                    f"/live/{pin}/answer/", data={"position": at.group(1), "answer": random.choice(options)},
                    headers={"X-CSRFToken": player.client.cookies.get("csrftoken", ""), "HX-Request": "true"})
                answer_ms.append((time.monotonic() - t0) * 1000)
                if response.status_code == 200:
                    sent += 1
                else:
                    results["errors"] += 1

            await asyncio.gather(*(answer(p) for p in players))
            await host.get(f"/live/host/{pin}/")  # everyone answered: the reveal
            version = re.search(r'name="version" value="(\d+)"', (await host.get(f"/live/host/{pin}/")).text)
            if version and "Skip to the answer" in (await host.get(f"/live/host/{pin}/")).text:
                await host.post(f"/live/host/{pin}/action/", data={"action": "close", "version": version.group(1)},
                                headers={"X-CSRFToken": host.cookies["csrftoken"]})
        stored, doubled, late = stored_answers(pin)
        print(f"Live game load test: {players_count} players, {total} questions, uvicorn 2 workers, PostgreSQL, Redis; "
              f"{os.cpu_count()} cores")
        print(f"  joined {joined}/{players_count} in {join_seconds:.1f} s")
        print(line("fan-out, host's move to notice", fanout))
        print(line("answer POST", answer_ms))
        print(f"  errors {results['errors']}  answers sent {sent}  stored {stored}  doubled {doubled}  after deadline {late}")
        print(f"  peak database connections {results.get('peak_connections', 0)}  server memory {server_memory(server.pid)} MB")
        for player in players:
            player.stream_task.cancel()
    finally:
        if sampler:
            sampler.cancel()
        server.terminate()
        server.wait(timeout=20)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fresh_database():
    base, name = POSTGRES.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


async def wait_up(base):
    async with httpx.AsyncClient() as client:
        for _ in range(200):
            try:
                if (await client.get(f"{base}/health/")).status_code == 200:
                    return
            except httpx.HTTPError:
                await asyncio.sleep(0.1)
    raise RuntimeError("the server did not start")


async def sample_connections(results):
    name = POSTGRES.rsplit("/", 1)[1]
    base = POSTGRES.rsplit("/", 1)[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        while True:
            count = connection.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (name,)).fetchone()[0]
            results["peak_connections"] = max(results.get("peak_connections", 0), count)
            await asyncio.sleep(0.5)


def stored_answers(pin):
    with psycopg.connect(POSTGRES) as connection:
        stored = connection.execute(
            "SELECT count(*) FROM game_liveanswer a JOIN game_livequestion q ON a.question_id = q.id "
            "JOIN game_livegame g ON q.game_id = g.id WHERE g.pin = %s", (pin,)).fetchone()[0]
        doubled = connection.execute(
            "SELECT count(*) FROM (SELECT a.question_id, a.player_id FROM game_liveanswer a GROUP BY 1, 2 "
            "HAVING count(*) > 1) d").fetchone()[0]
        late = connection.execute(
            "SELECT count(*) FROM game_liveanswer a JOIN game_livequestion q ON a.question_id = q.id "
            "JOIN game_livegame g ON q.game_id = g.id WHERE g.pin = %s AND a.elapsed_ms > g.seconds * 1000 + 750",
            (pin,)).fetchone()[0]
    return stored, doubled, late


def server_memory(pid):
    total = 0
    children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    for process in [str(pid), *children]:
        try:
            for row in Path(f"/proc/{process}/status").read_text().splitlines():
                if row.startswith("VmRSS:"):
                    total += int(row.split()[1])
        except OSError:
            pass
    return total // 1024


def open_files_raise():
    """500 players hold about 1,000 sockets, and the server as many: lift the soft limit."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


if __name__ == "__main__":
    open_files_raise()
    parser = argparse.ArgumentParser()
    parser.add_argument("--players", type=int, default=500)
    parser.add_argument("--questions", type=int, default=10)
    options = parser.parse_args()
    asyncio.run(run(options.players, options.questions))
