"""`python3 dev.py test` brings what the tests need: a throwaway Redis of its own, stopped after."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_test_command_starts_a_throwaway_redis_on_a_free_port_and_stops_it(tmp_path):
    sys.path.insert(0, str(ROOT))
    import dev

    process, url = dev.throwaway_redis(tmp_path)
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    try:
        assert url.startswith("redis://127.0.0.1:") and port != 6379
        assert dev.redis_answers(port)
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert not dev.redis_answers(port)  # stopped: nothing left listening
    assert list(tmp_path.iterdir()) == []  # it kept nothing on disk


def test_the_screenshots_command_runs_a_script_the_suite_never_collects():
    """`python3 dev.py screenshots` rewrites docs/images/; `python3 dev.py test` must not."""
    import fnmatch
    import tomllib

    sys.path.insert(0, str(ROOT))
    import dev

    assert "screenshots" in dev.COMMANDS
    script = ROOT / "tests" / "e2e" / "screenshots.py"
    assert script.exists()
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]["ini_options"]["python_files"]
    assert not any(fnmatch.fnmatch(script.name, pattern) for pattern in patterns)
