"""The answer path under load: `python3 dev.py bench --load` runs this.

For SQLite and then PostgreSQL it prepares a fresh database (migrate, import seeds/) and measures
the page server docs/running-a-server.md deploys, gunicorn (WSGI: 2 workers of 4 threads), against uvicorn
(ASGI, 2 workers) serving the same pages, both with production settings. For each it runs Locust
(loadtest/locustfile.py):

1. floor, game, floor, game: 20 users with no pause, 15 s each. The floor is a one-query view
   behind all of Hustings' middleware; the game is visitors answering "Who said it?" by htmx.
2. 30 players pausing 2-5 s between answers, as a class does, for 40 s.

It prints answers a second, p50/p95/p99, the ratio of answers a second to the floor's requests a
second, and how uvicorn compares with gunicorn (docs/running-a-server.md deploys uvicorn only for the live
game's event streams). Figures only: nothing here passes or fails on speed.
"""

from __future__ import annotations

import csv
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PHASE_SECONDS = int(os.environ.get("LOAD_PHASE_SECONDS", "15"))
PACED_SECONDS = int(os.environ.get("LOAD_PACED_SECONDS", "40"))
POSTGRES_URL = os.environ.get("LOAD_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/hustings_load")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(database_url: str) -> dict:
    return dict(
        os.environ, DEBUG="0", SECRET_KEY=secrets.token_urlsafe(40), ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0", SECURE_COOKIES="0", SECURE_HSTS_SECONDS="0", DATABASE_URL=database_url,
        LOG_LEVEL="ERROR",
    )


def manage(env: dict, *args: str) -> None:
    subprocess.run([str(BIN / "python"), "manage.py", *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)


def postgres_fresh(url: str) -> str | None:
    """Drop and create the load-test database; None (and a reason printed) when unreachable."""
    import psycopg

    base, name = url.rsplit("/", 1)
    try:
        with psycopg.connect(f"{base}/postgres", autocommit=True, connect_timeout=3) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as error:
        print(f"  PostgreSQL skipped: cannot reach {base} ({error.__class__.__name__}: {error})".strip())
        return None
    return url


def wait_until_up(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/health/", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server at {url} did not start")


def locust(host: str, user_class: str, users: int, seconds: int, name: str, pause: str = "",
           spawn_rate: int | None = None) -> dict:
    """Run one Locust phase headless and return the stats row for `name`."""
    with tempfile.TemporaryDirectory() as folder:
        prefix = Path(folder) / "run"
        env = dict(os.environ, HUSTINGS_PAUSE=pause)
        subprocess.run(
            [str(BIN / "locust"), "-f", str(ROOT / "loadtest" / "locustfile.py"), user_class, "--headless",
             "-u", str(users), "-r", str(spawn_rate or users), "-t", f"{seconds}s", "--host", host, "--csv", str(prefix),
             "--only-summary", "--loglevel", "ERROR", "--stop-timeout", "5"],
            cwd=ROOT, env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        with open(f"{prefix}_stats.csv", newline="") as file:
            rows = {row["Name"]: row for row in csv.DictReader(file)}
    row = rows.get(name)
    if row is None:
        raise RuntimeError(f"Locust recorded no {name!r} requests")
    return {
        "count": int(row["Request Count"]), "failures": int(row["Failure Count"]),
        "rps": float(row["Requests/s"]), "p50": float(row["50%"]), "p95": float(row["95%"]),
        "p99": float(row["99%"]),
    }


def line(label: str, stats: dict) -> str:
    return (f"  {label:30} {stats['rps']:8.1f}/s  p50 {stats['p50']:5.0f} ms  p95 {stats['p95']:5.0f} ms  "
            f"p99 {stats['p99']:5.0f} ms  {stats['count']:6} requests  {stats['failures']} failed")


# The pages as docs/running-a-server.md deploys them, and the ASGI server they are compared with.
SERVERS = {
    "gunicorn (WSGI), 2 workers x 4 threads": lambda port: [
        str(BIN / "gunicorn"), "debate.wsgi", "--workers", "2", "--threads", "4", "--bind", f"127.0.0.1:{port}",
        "--log-level", "error"],
    "uvicorn (ASGI), 2 workers": lambda port: [
        str(BIN / "python"), "-m", "uvicorn", "debate.asgi:application", "--workers", "2", "--host", "127.0.0.1",
        "--port", str(port), "--log-level", "error"],
}


def database_prepare(database_url: str) -> dict:
    env = server_env(database_url)
    manage(env, "migrate", "--no-input")
    manage(env, "collectstatic", "--no-input")
    manage(env, "import_articles")
    return env


def measure(label: str, env: dict, command) -> dict:
    print(f"\n== {label}, production settings ==", flush=True)
    port = free_port()
    host = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(command(port), cwd=ROOT, env=env)
    try:
        wait_until_up(host)
        floors, games = [], []
        for phase in range(2):  # floor, game, floor, game
            floors.append(locust(host, "FloorUser", 20, PHASE_SECONDS, "floor"))
            print(line(f"floor (one query), run {phase + 1}", floors[-1]), flush=True)
            games.append(locust(host, "PlayerUser", 20, PHASE_SECONDS, "answer"))
            print(line(f"answers, no pause, run {phase + 1}", games[-1]), flush=True)
        ratios = [game["rps"] / floor["rps"] for floor, game in zip(floors, games) if floor["rps"]]
        print("  answers a second / floor requests a second: "
              + ", ".join(f"{ratio:.0%}" for ratio in ratios) + "  (target: at least 40%)")
        paced = locust(host, "PlayerUser", 30, PACED_SECONDS, "answer", pause="2,5", spawn_rate=10)
        print(line("answers, 30 players, 2-5 s pause", paced) + "  (target: p95 under 50 ms)", flush=True)
        return {"floor": max(f["rps"] for f in floors), "answers": max(g["rps"] for g in games),
                "p95": min(g["p95"] for g in games), "paced_p95": paced["p95"]}
    finally:
        server.terminate()
        server.wait(timeout=20)


def compare(database: str, database_url: str) -> None:
    env = database_prepare(database_url)
    pooled = dict(env, DB_POOL_SIZE="20") if database == "PostgreSQL" else env  # as docs/running-a-server.md runs it
    wsgi, asgi = (measure(f"{database}: {label}", pooled if "uvicorn" in label else env, command)
                  for label, command in SERVERS.items())
    within = (asgi["p95"] <= 1.5 * wsgi["p95"] and asgi["answers"] * 1.5 >= wsgi["answers"]
              and asgi["floor"] * 1.5 >= wsgi["floor"])
    print(f"\n  {database}, uvicorn against gunicorn: answers a second x{asgi['answers'] / wsgi['answers']:.2f}, "
          f"answer p95 x{asgi['p95'] / max(wsgi['p95'], 1):.2f}, floor requests a second "
          f"x{asgi['floor'] / wsgi['floor']:.2f}  (all three within 1.5x: "
          f"{'yes' if within else 'no'})")


def main() -> int:
    print(f"Load test of the answer path ({PHASE_SECONDS} s phases, {PACED_SECONDS} s paced run); "
          f"{os.cpu_count()} cores. Figures only, nothing is asserted.")
    sqlite_file = ROOT / "var" / "load-test.sqlite3"
    for leftover in sqlite_file.parent.glob("load-test.sqlite3*"):
        leftover.unlink()
    compare("SQLite", f"sqlite:///{sqlite_file}")
    postgres = postgres_fresh(POSTGRES_URL)
    if postgres:
        compare("PostgreSQL", postgres)
    return 0


if __name__ == "__main__":
    sys.exit(main())
