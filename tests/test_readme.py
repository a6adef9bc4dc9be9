"""Every command the README and the guides (docs/*.md) show works as pasted into a fresh clone; the
README stays a front page that links to each guide, its screenshots exist, and every relative link
between them resolves."""

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
GUIDES = sorted((ROOT / "docs").glob("*.md"))
PAGES = [ROOT / "README.md", *GUIDES]


def shell_lines(text: str | None = None) -> list[str]:
    """The commands in the ```sh blocks of `text` (by default the README's, then each guide's), comments removed."""
    if text is None:
        text = "\n".join(page.read_text() for page in PAGES)
    lines = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.DOTALL):
        for line in block.splitlines():
            command = line.split("  #")[0].strip()
            if command and not command.startswith("#"):
                lines.append(command)
    return lines


def dev_manage_lines() -> list[str]:
    return [line for line in shell_lines() if line.startswith("python3 dev.py manage ")]


def test_the_readme_shows_its_two_commands_first():
    commands = shell_lines(README)
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


def links(page: Path) -> list[str]:
    """The targets of a page's Markdown links and images, outside code."""
    text = re.sub(r"```.*?```", "", page.read_text(), flags=re.DOTALL)
    text = re.sub(r"`[^`\n]*`", "", text)
    return re.findall(r"!?\[[^\]]*\]\(([^)\s]+)\)", text)


def heading_anchors(page: Path) -> set[str]:
    """The anchors GitHub gives a page's headings."""
    text = re.sub(r"```.*?```", "", page.read_text(), flags=re.DOTALL)
    anchors = set()
    for heading in re.findall(r"^#+ (.+)$", text, re.MULTILINE):
        anchors.add(re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-"))
    return anchors


def test_the_readme_is_a_front_page_that_links_to_each_guide():
    assert len(README.splitlines()) <= 130
    assert {path.name for path in GUIDES} >= {"teachers.md", "running-a-server.md", "developing.md"}
    targets = links(ROOT / "README.md")
    for guide in GUIDES:
        assert f"docs/{guide.name}" in targets, guide.name


def test_the_screenshots_the_readme_embeds_exist():
    images = re.findall(r"!\[([^\]]*)\]\(([^)\s]+)\)", README)
    assert {target for _, target in images} >= {"docs/images/phone.png", "docs/images/projector.png"}
    sizes = {"docs/images/phone.png": (390, 844), "docs/images/projector.png": (1920, 1080)}
    for alt, target in images:
        assert alt.strip(), f"{target} has no alt text"
        data = (ROOT / target).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", target
        if target in sizes:  # as `python3 dev.py screenshots` makes them
            assert (int.from_bytes(data[16:20]), int.from_bytes(data[20:24])) == sizes[target], target


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_relative_link_resolves(page):
    for target in links(page):
        if re.match(r"[a-z]+:", target):
            continue  # http(s), mailto: not checked here
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        assert file.exists(), f"{page.name}: {target}"
        if anchor and file.suffix == ".md":
            assert anchor in heading_anchors(file), f"{page.name}: {target}"
