#!/usr/bin/env python3
"""Set up and run Hustings, or run its tests, from a fresh clone.

    python3 dev.py start     # venv, install, migrate, import seeds/, demo teacher, serve on :8000
    python3 dev.py test      # every test, browser tests included (extra arguments go to pytest);
                             # starts a throwaway Redis for them (and Chromium/redis-server via apt-get as root)
    python3 dev.py bench     # the benchmark figures (bench --load: the answer path under load)
    python3 dev.py screenshots   # docs/images/phone.png and projector.png, from a live game in Chromium
    python3 dev.py manage COMMAND ...   # any manage.py command, in the venv, with the development settings

Runs under any Python 3.8+, finds a Python 3.12 or newer for the project itself
(on PATH, then in pyenv's installed versions), and keeps everything in `.venv/`.
Running it again is harmless: each step only does what is still to do.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
MINIMUM = (3, 12)
CANDIDATES = ["python3.14", "python3.13", "python3.12", "python3", "python"]
CHROMIUM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]


def say(message: str) -> None:
    print(f"[hustings] {message}", flush=True)


def python_version(executable: str) -> tuple[int, int] | None:
    try:
        out = subprocess.run(
            [executable, "-c", "import sys, venv; print('%d %d' % sys.version_info[:2])"],
            capture_output=True, text=True, timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    major, minor = out.stdout.split()
    return int(major), int(minor)


def pyenv_pythons() -> list[str]:
    roots = [Path(os.environ["PYENV_ROOT"])] if os.environ.get("PYENV_ROOT") else []
    roots.append(Path.home() / ".pyenv")
    found = []
    for root in roots:
        versions = root / "versions"
        if versions.is_dir():
            for version in sorted(versions.iterdir(), reverse=True):
                exe = version / "bin" / "python3"
                if exe.exists():
                    found.append(str(exe))
    return found


def find_python() -> str:
    """The first Python >= 3.12: this one, then PATH, then pyenv's installed versions."""
    if sys.version_info[:2] >= MINIMUM:
        return sys.executable
    tried = []
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            tried.append(path)
    tried += pyenv_pythons()
    for exe in tried:
        version = python_version(exe)
        if version and version >= MINIMUM:
            return exe
    sys.exit(
        "[hustings] Hustings needs Python 3.12 or newer (Django 6 requires it), and none was found.\n"
        f"  Looked at: {', '.join(tried) or 'nothing on PATH'}\n"
        "  Install one, then run this command again:\n"
        "    - Debian/Ubuntu: sudo apt install python3.12 python3.12-venv\n"
        "    - macOS: brew install python@3.12\n"
        "    - Windows: https://www.python.org/downloads/ (tick 'Add python.exe to PATH')\n"
        "    - pyenv: pyenv install 3.12"
    )


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv(extras: str = "") -> Path:
    """Create .venv and install the project; reinstall only when pyproject.toml changed."""
    python = venv_python()
    if python.exists() and (python_version(str(python)) or (0, 0)) < MINIMUM:
        say(f"{VENV} was made with an older Python; making it again.")
        shutil.rmtree(VENV)
    if not python.exists():
        base = find_python()
        say(f"Creating {VENV.name}/ with {base}")
        subprocess.run([base, "-m", "venv", str(VENV)], check=True)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    stamp = VENV / f".installed{extras or ''}"
    # An install with the test extras has everything a plain one has.
    stamps = [stamp, VENV / ".installedtest,load"] if extras in ("", "test") else [stamp]
    if not extras:
        stamps.append(VENV / ".installedtest")
    if not any(s.exists() and s.read_text() == wanted for s in stamps):
        say("Installing Hustings and its dependencies (first run only; this takes a minute)")
        target = f".[{extras}]" if extras else "."
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", target],
            check=True, cwd=ROOT,
        )
        stamp.write_text(wanted)
    return python


def manage(python: Path, *args: str, env: dict | None = None) -> None:
    subprocess.run([str(python), "manage.py", *args], check=True, cwd=ROOT, env=env)


def dev_env() -> dict:
    env = dict(os.environ)
    env.setdefault("DEBUG", "1")
    return env


def start(args: list[str]) -> int:
    python = ensure_venv()
    env = dev_env()
    manage(python, "migrate", "--no-input", env=env)
    # A broken file in seeds/ is reported but does not stop the game from starting.
    result = subprocess.run([str(python), "manage.py", "import_articles"], cwd=ROOT, env=env)
    if result.returncode != 0:
        say("Some articles could not be imported (see above); the rest are ready.")
    manage(python, "demo_teacher", env=env)
    address = args[0] if args else "127.0.0.1:8000"
    host, _, port = address.rpartition(":")
    say(f"Serving on http://{address}/  (teachers: http://{address}/admin/). Stop with Ctrl+C.")
    try:
        # ASGI (uvicorn), so live games stream to the class; one process, no Redis needed.
        # Open event streams never end by themselves: stopping waits at most 3 s for them.
        return subprocess.run([str(python), "-m", "uvicorn", "debate.asgi:application", "--host", host or "127.0.0.1",
                               "--port", port, "--timeout-graceful-shutdown", "3", "--log-level", "warning"],
                              cwd=ROOT, env=env).returncode
    except KeyboardInterrupt:
        return 0


def find_chromium() -> str | None:
    configured = os.environ.get("HUSTINGS_CHROMIUM")
    if configured:
        return configured
    for path in CHROMIUM_PATHS:
        if Path(path).exists():
            return path
    return shutil.which("chromium") or shutil.which("chromium-browser")


def ensure_chromium() -> str:
    """Browser tests drive Debian's chromium; install it when we can, else say how."""
    chromium = find_chromium()
    if chromium:
        return chromium
    if apt_install("chromium"):
        chromium = find_chromium()
        if chromium:
            return chromium
    sys.exit(
        "[hustings] The browser tests need Chromium and none was found.\n"
        "  Install it (Debian/Ubuntu: sudo apt install chromium), or set HUSTINGS_CHROMIUM\n"
        "  to a Chromium or Chrome executable, then run this command again."
    )


def apt_install(package: str) -> bool:
    """Install a Debian package when we are root on a machine with apt-get."""
    if not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get")):
        return False
    say(f"Installing Debian's {package} for the tests")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True, env=env)
    return True


def ensure_redis_server() -> str:
    """The live game's tests run two servers that talk through Redis: find redis-server, or install it."""
    found = shutil.which("redis-server")
    if not found:
        if apt_install("redis-server"):
            found = shutil.which("redis-server")
    if found:
        return found
    sys.exit(
        "[hustings] The live game's tests need redis-server and none was found.\n"
        "  Install it (Debian/Ubuntu: sudo apt install redis-server; macOS: brew install redis),\n"
        "  or set REDIS_URL to a Redis the tests may use, then run this command again."
    )


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_answers(port: int) -> bool:
    import socket

    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def throwaway_redis(folder: Path) -> tuple[subprocess.Popen, str]:
    """A Redis of the tests' own, on a free port, keeping nothing on disk; stopped after the tests."""
    server = ensure_redis_server()
    for _ in range(5):
        port = free_port()
        process = subprocess.Popen(
            [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(folder), "--loglevel", "warning"],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        for _ in range(100):
            if redis_answers(port):
                return process, f"redis://127.0.0.1:{port}/0"
            if process.poll() is not None:
                break  # the port was taken meanwhile: try another
            time.sleep(0.05)
        process.kill()
        process.wait()
    sys.exit("[hustings] Could not start a Redis for the tests (see above).")


def test(args: list[str]) -> int:
    """Every test; a throwaway Redis is started for them (and stopped) unless REDIS_URL names one."""
    python = ensure_venv("test")
    env = dict(os.environ)
    env["HUSTINGS_CHROMIUM"] = ensure_chromium()
    redis = None
    with tempfile.TemporaryDirectory(prefix="hustings-redis-") as folder:
        try:
            if not env.get("REDIS_URL"):
                redis, env["REDIS_URL"] = throwaway_redis(Path(folder))
                say(f"A Redis of the tests' own on {env['REDIS_URL']} (stopped afterwards)")
            return subprocess.run([str(python), "-m", "pytest", *args], cwd=ROOT, env=env).returncode
        except KeyboardInterrupt:
            return 130
        finally:
            if redis is not None:
                redis.terminate()
                try:
                    redis.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    redis.kill()


def bench(args: list[str]) -> int:
    """The benchmark figures; `bench --load` runs the answer path under load with Locust."""
    if "--load" in args:
        python = ensure_venv("test,load")
        return subprocess.run([str(python), "loadtest/answers.py"], cwd=ROOT).returncode
    python = ensure_venv("test")
    env = dev_env()
    return subprocess.run([str(python), "manage.py", "benchmark", *args], cwd=ROOT, env=env).returncode


def screenshots(args: list[str]) -> int:
    """The README's screenshots (`docs/images/`): a live game played in Chromium on the test server's
    throwaway database, by `tests/e2e/screenshots.py` (which the suite itself never collects)."""
    python = ensure_venv("test")
    env = dict(os.environ)
    env["HUSTINGS_CHROMIUM"] = ensure_chromium()
    result = subprocess.run([str(python), "-m", "pytest", "tests/e2e/screenshots.py", "-q", *args], cwd=ROOT, env=env)
    if result.returncode == 0:
        say("Wrote docs/images/phone.png (390x844) and docs/images/projector.png (1920x1080).")
    return result.returncode


def manage_command(args: list[str]) -> int:
    """`manage.py` in the venv with the development settings (DEBUG=1), from any folder, on a
    development database brought up to date first (a fresh clone has none yet)."""
    python = ensure_venv()
    env = dev_env()
    if args[:1] != ["migrate"]:
        migrated = subprocess.run([str(python), "manage.py", "migrate", "--no-input", "--verbosity", "0"], cwd=ROOT,
                                  env=env)
        if migrated.returncode:
            return migrated.returncode
    return subprocess.run([str(python), "manage.py", *args], cwd=ROOT, env=env).returncode


COMMANDS = {"start": start, "test": test, "bench": bench, "screenshots": screenshots, "manage": manage_command}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        return 2
    return COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
