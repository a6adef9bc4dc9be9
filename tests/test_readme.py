"""Every command the README shows works as pasted into a fresh clone."""

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


def shell_lines() -> list[str]:
    """The commands in the README's ```sh blocks, comments removed."""
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", README, re.DOTALL):
        for line in block.splitlines():
            command = line.split("  #")[0].strip()
            if command and not command.startswith("#"):
                lines.append(command)
    return lines


def dev_manage_lines() -> list[str]:
    return [line for line in shell_lines() if line.startswith("python3 dev.py manage ")]


def test_the_readme_shows_its_two_commands_first():
    commands = shell_lines()
    assert commands[:2] == ["python3 dev.py start", "python3 dev.py test"]


def test_every_dev_py_and_manage_py_command_in_the_readme_exists():
    sys.path.insert(0, str(ROOT))
    import dev

    known = get_commands()
    for line in shell_lines():
        words = shlex.split(line.replace("$(", "").replace(")", ""))
        if words[:2] == ["python3", "dev.py"]:
            assert words[2] in dev.COMMANDS, line
            if words[2] == "manage":
                assert words[3] in known, line
        for at, word in enumerate(words):
            if word == "manage.py" and at + 1 < len(words):
                assert words[at + 1] in known, line


@pytest.mark.parametrize("line", dev_manage_lines())
def test_each_dev_py_manage_command_in_the_readme_runs_as_pasted(line, tmp_path):
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp_path / 'readme.sqlite3'}")
    env.pop("DEBUG", None)  # as in a fresh shell: dev.py itself must supply the development settings
    # and, in a fresh clone, the database: nothing is migrated before the command runs.
    words = shlex.split(line)
    result = subprocess.run([sys.executable, *words[1:]], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, f"{line}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
    assert result.stdout.strip()
