"""Load test of a live game: 500 players, 10 questions, PostgreSQL and Redis, served as
docs/running-a-server.md deploys it (gunicorn for pages, uvicorn for the event streams), or by uvicorn alone.

    .venv/bin/python loadtest/live.py [--players 500] [--questions 10] [--pages gunicorn|uvicorn]

Each player behaves as the phone page does: it joins with the PIN, keeps an event stream open,
takes a new question's screen from the stream, fetches its state partial (`?s=` signature, 204
when unchanged) on every other notice, and answers 0-4 s after answers open. The projector streams
too and fetches its state on its notices. Each question 10% of the players drop their stream at
a random moment and reconnect 0.2-1.5 s later (the reconnect's snapshot is timed apart).

It prints: join time; fan-out (the host's move to each phone's notice, and to the phone holding
the new state); answer POST latency; reconnect to snapshot; errors; answers sent vs stored (and
any doubled or after the deadline); peak database connections; server memory. Figures only;
nothing here passes or fails.
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
SIGNATURE = re.compile(r'/state/\?s=([\w-]+)"')
VERSION = re.compile(r'data-version="(\d+)"')
READING_SECONDS = 5


def pct(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def line(name, values_ms):
    return (f"  {name:40} p50 {pct(values_ms, 50):6.0f} ms  p95 {pct(values_ms, 95):6.0f} ms  "
            f"p99 {pct(values_ms, 99):6.0f} ms  ({len(values_ms)} samples)")


class Screen:
    """A phone (or the projector): an event stream, and its state partial fetched on each notice."""

    def __init__(self, base, results, *, state_path, events_path):
        self.results = results
        self.client = httpx.AsyncClient(base_url=base, timeout=httpx.Timeout(30, read=None),
                                        # Idle connections are dropped before uvicorn's 5 s keep-alive
                                        # ends them (a browser retries a request that meets a closed
                                        # one; httpx does not).
                                        limits=httpx.Limits(max_connections=4, keepalive_expiry=3))
        self.state_path, self.events_path = state_path, events_path
        self.signature, self.version, self.page = "", 0, ""
        self.noticed: dict[int, float] = {}  # version -> when its notice came
        self.holding: dict[int, float] = {}  # version -> when the state showing it arrived
        self.stream_task = None
        self.reconnected_at = None
        self.fetching = None

    def fail(self, why):
        self.results["errors"] += 1
        self.results["why"][why] = self.results["why"].get(why, 0) + 1

    def take(self, text):
        """Show a screen, unless it is older than the one shown (as the page's script refuses a
        fetch that left before a newer screen was pushed)."""
        found = VERSION.search(text)
        version = int(found.group(1)) if found else self.version
        if version < self.version:
            return
        self.page, self.version = text, version
        if found := SIGNATURE.search(text):
            self.signature = found.group(1)
        self.holding.setdefault(version, time.monotonic())

    async def fetch(self):
        try:
            response = await self.client.get(f"{self.state_path}?s={self.signature}", headers={"HX-Request": "true"})
        except httpx.HTTPError as error:
            self.fail(f"state fetch: {type(error).__name__}")
            return
        if response.status_code == 200:
            self.take(response.text)
        elif response.status_code != 204:
            self.fail(f"state fetch: {response.status_code}")
        if self.reconnected_at is not None:
            self.results["reconnect"].append((time.monotonic() - self.reconnected_at) * 1000)
            self.reconnected_at = None

    async def refresh(self):
        """As htmx does: one request at a time; a notice during a fetch queues one more."""
        if self.fetching and not self.fetching.done():
            self.again = True
            return
        self.again = True
        while self.again:
            self.again = False
            self.fetching = asyncio.current_task()
            await self.fetch()

    async def listen(self):
        try:
            async with aconnect_sse(self.client, "GET", self.events_path) as source:
                async for event in source.aiter_sse():
                    if event.event == "changed":
                        if event.data.isdigit():
                            self.noticed.setdefault(int(event.data), time.monotonic())
                        asyncio.create_task(self.refresh())
                    elif event.event == "connected":  # as the page does: fetch only when behind
                        if not event.data.isdigit() or int(event.data) > self.version:
                            asyncio.create_task(self.refresh())
                        elif self.reconnected_at is not None:
                            self.results["reconnect"].append((time.monotonic() - self.reconnected_at) * 1000)
                            self.reconnected_at = None
                    elif event.event == "screen":  # a new question, or this phone's result: nothing to fetch
                        if found := VERSION.search(event.data):
                            self.noticed.setdefault(int(found.group(1)), time.monotonic())
                        self.take(event.data)
        except (httpx.HTTPError, asyncio.CancelledError):
            pass

    def stream_start(self):
        self.stream_task = asyncio.create_task(self.listen())

    async def drop_and_return(self, within):
        await asyncio.sleep(random.uniform(0, within))
        self.stream_task.cancel()
        await asyncio.sleep(random.uniform(0.2, 1.5))
        self.reconnected_at = time.monotonic()
        self.stream_start()


class Player(Screen):
    def __init__(self, n, base, pin, results, events_base):
        super().__init__(base, results, state_path=f"/live/{pin}/state/",
                         events_path=f"{events_base}/live/events/{pin}/")
        self.n, self.pin, self.events_base = n, pin, events_base

    async def join(self):
        await self.client.get("/live/")
        response = await self.client.post("/live/", data={"pin": self.pin, "nickname": f"Player {self.n}"},
                                          headers={"X-CSRFToken": self.client.cookies.get("csrftoken", "")})
        if response.status_code != 302:
            self.fail(f"join: {response.status_code} " + " ".join(re.findall(r'role="alert"[^>]*>\s*<p>([^<]+)', response.text))[:120])
            return False
        page = (await self.client.get(f"/live/{self.pin}/")).text
        self.take(page)
        # The stream's address, with this phone's signed seat (as the page's sse-connect has it),
        # so its result at a reveal comes pushed in the stream.
        if found := re.search(r'sse-connect="([^"]+)"', page):
            self.events_path = self.events_base + found.group(1).replace("&amp;", "&")
        return True

    async def answer(self, position, opens_in):
        """As a player does: the options (which came with the move's state) show when the reading
        pause ends, by the page's own clock; tap one 0-4 s later."""
        await asyncio.sleep(max(0.0, opens_in))
        for _ in range(200):  # the state showing this question may still be on its way
            at = POSITION.search(self.page)
            if at and int(at.group(1)) == position and OPTION.search(self.page):
                break
            await asyncio.sleep(0.05)
        else:
            self.fail("no options within 10 s")
            self.results["no_options"] += 1
            return
        await asyncio.sleep(random.uniform(0, 4))
        options = OPTION.findall(self.page)
        started = time.monotonic()
        self.results["answer_started"][position] = max(self.results["answer_started"].get(position, 0), started)
        try:
            response = await self.client.post(
                f"/live/{self.pin}/answer/", data={"position": position, "answer": random.choice(options)},
                headers={"X-CSRFToken": self.client.cookies.get("csrftoken", ""), "HX-Request": "true"})
        except httpx.HTTPError as error:
            self.fail(f"answer: {type(error).__name__}")
            return
        self.results["answer"].append((time.monotonic() - started) * 1000)
        if response.status_code == 200:
            self.results["sent"] += 1
            self.take(response.text)
        else:
            self.fail(f"answer: {response.status_code} " + " ".join(re.findall(r'role="alert"[^>]*>([^<]+)', response.text))[:120])


def servers_start(pages: str, env: dict) -> tuple[list[subprocess.Popen], str, str]:
    """The pages and the event streams as docs/running-a-server.md deploys them (`pages="gunicorn"`:
    gunicorn for pages, uvicorn for /live/events/, a proxy between them, here the clients' own
    routing), or uvicorn for everything (`pages="uvicorn"`)."""
    python = sys.executable
    events_port = free_port()
    events = subprocess.Popen([python, "-m", "uvicorn", "debate.asgi:application", "--host", "127.0.0.1", "--port",
                               str(events_port), "--workers", "2", "--timeout-graceful-shutdown", "5",
                               "--log-level", "warning"], cwd=ROOT, env=env)
    if pages == "uvicorn":
        return [events], f"http://127.0.0.1:{events_port}", f"http://127.0.0.1:{events_port}"
    pages_port = free_port()
    wsgi_env = dict(env, DB_POOL_SIZE="0", DB_CONN_MAX_AGE="60")  # WSGI keeps a connection per thread
    gunicorn = subprocess.Popen([str(Path(python).parent / "gunicorn"), "debate.wsgi", "--workers", "2", "--threads",
                                 "4", "--bind", f"127.0.0.1:{pages_port}", "--log-level", "error"], cwd=ROOT,
                                env=wsgi_env)
    return [events, gunicorn], f"http://127.0.0.1:{pages_port}", f"http://127.0.0.1:{events_port}"


async def run(players_count, questions, pages):
    results = {"answer_started": {}, "errors": 0, "sent": 0, "no_options": 0, "answer": [], "reconnect": [],
               "host_closed": 0, "why": {}}
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
    servers, base, events_base = servers_start(pages, env)
    sampler = None
    try:
        await wait_up(base)
        await wait_up(events_base)
        sampler = asyncio.create_task(sample_connections(results))
        host = Screen(base, results, state_path=f"/live/host/{pin}/state/",
                      events_path=f"{events_base}/live/events/{pin}-host/")
        await host.client.get("/accounts/login/")
        logged_in = await host.client.post("/accounts/login/", data={"username": "load-host",
                                                                     "password": "load-host-password-1"},
                                           headers={"X-CSRFToken": host.client.cookies["csrftoken"]})
        if logged_in.status_code != 302:
            raise RuntimeError(f"the host could not log in: {logged_in.status_code} {logged_in.text[:300]}")
        host.take((await host.client.get(f"/live/host/{pin}/")).text)
        host.stream_start()
        players = [Player(n, base, pin, results, events_base) for n in range(players_count)]
        started = time.monotonic()
        joined = 0
        for batch in range(0, players_count, 50):  # ramp: 50 at a time
            oks = await asyncio.gather(*(p.join() for p in players[batch: batch + 50]))
            joined += sum(oks)
        join_seconds = time.monotonic() - started
        for player in players:
            player.stream_start()
        await asyncio.sleep(3)
        noticed, holding, reveal = [], [], []

        async def host_moves(action):
            response = await host.client.get(f"/live/host/{pin}/")
            page = response.text
            if 'name="version"' not in page:
                raise RuntimeError(f"the host's page has no controls: {response.status_code} "
                                   f"{response.headers.get('location')} {page[:300]}")
            version = int(re.search(r'name="version" value="(\d+)"', page).group(1))
            moved_at = time.monotonic()
            response = await host.client.post(f"/live/host/{pin}/action/", data={"action": action, "version": version},
                                              headers={"X-CSRFToken": host.client.cookies["csrftoken"]})
            if response.status_code != 302:
                host.fail(f"host {action}: {response.status_code}")
            return version + 1, moved_at

        def arrivals(version, since, into, what):
            into += [(getattr(p, what)[version] - since) * 1000 for p in players if version in getattr(p, what)]

        for position in range(int(total)):
            version, moved_at = await host_moves("start" if position == 0 else "next")
            dropping = random.sample(players, len(players) // 10)
            await asyncio.gather(*(p.answer(position, READING_SECONDS - (time.monotonic() - moved_at)) for p in players),
                                 *(p.drop_and_return(READING_SECONDS + 4) for p in dropping))
            arrivals(version, moved_at, noticed, "noticed")
            arrivals(version, moved_at, holding, "holding")
            # Everyone answered: the last answer's POST moved the game to the reveal (timed from
            # when that POST left, so the figure includes its own handling).
            revealed_from = results["answer_started"].get(position)
            await asyncio.sleep(2)
            if "Skip to the answer" in (await host.client.get(f"/live/host/{pin}/")).text:
                results["host_closed"] += 1  # someone could not answer: the host skips to the answer
                _, revealed_from = await host_moves("close")
                await asyncio.sleep(2)
            if revealed_from is not None:
                arrivals(version + 1, revealed_from, reveal, "holding")
        await host_moves("next")
        await asyncio.sleep(2)
        stored, doubled, late = stored_answers(pin)
        served = ("gunicorn (2 workers x 4 threads) for pages, uvicorn (2 workers) for event streams" if pages == "gunicorn"
                  else "uvicorn (2 workers) for pages and event streams")
        print(f"Live game load test: {players_count} players, {total} questions, {served}, PostgreSQL, Redis; "
              f"{os.cpu_count()} cores (the load generator shares them)")
        print(f"  joined {joined}/{players_count} in {join_seconds:.1f} s")
        print(line("fan-out: host's move to notice", noticed) + target(noticed, 500))
        print(line("fan-out: host's move to new state held", holding))
        print(line("reveal: move to each phone holding its result", reveal) + target(reveal, 500))
        print(line("answer POST", results["answer"]) + target(results["answer"], 300))
        print(line("stream reconnect to snapshot", results["reconnect"]))
        print(f"  errors {results['errors']} (no options within 10 s: {results['no_options']})  answers sent "
              f"{results['sent']}  stored {stored}  doubled {doubled}  after deadline {late}")
        if results["why"]:
            print("  errors by kind: " + "; ".join(f"{why} x{n}" for why, n in sorted(results["why"].items())))
        print(f"  questions the host had to close (not everyone answered): {results['host_closed']}")
        print(f"  peak database connections {results.get('peak_connections', 0)}  "
              f"server memory {sum(server_memory(server.pid) for server in servers)} MB")
        for screen in [host, *players]:
            screen.stream_task.cancel()
        await asyncio.gather(*(screen.client.aclose() for screen in [host, *players]), return_exceptions=True)
    finally:
        if sampler:
            sampler.cancel()
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=20)


def target(values_ms, p95_ms):
    """Whether p95 is within the target, said plainly."""
    met = bool(values_ms) and pct(values_ms, 95) <= p95_ms
    return f"  target p95 <= {p95_ms} ms: {'MET' if met else 'MISSED'}"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fresh_database():
    """A new database, and the load test's Redis database emptied (no counts or versions left over)."""
    import redis

    redis.Redis.from_url(REDIS).flushdb()
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
    parser.add_argument("--pages", choices=["gunicorn", "uvicorn"], default="gunicorn",
                        help="the server for pages: gunicorn as docs/running-a-server.md deploys (default), "
                             "or uvicorn for all")
    options = parser.parse_args()
    asyncio.run(run(options.players, options.questions, options.pages))
