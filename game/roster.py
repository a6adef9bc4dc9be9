"""Rosters as plain functions: join codes, display names, usernames, easy passwords, and reading
a pasted list or a CSV of names. No database, no request: `rng` comes in."""

from __future__ import annotations

import csv
import io
import random
import re
import unicodedata
from dataclasses import dataclass

# Join codes leave out the letters and digits that look alike: 0/O, 1/I/L.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
MAX_STUDENTS_AT_ONCE = 60

# Short, common, unambiguous words for first passwords (read off a card by a twelve-year-old).
WORDS = """
acorn amber anchor apple arrow badge bakery banjo basil beach beacon berry biscuit blossom bottle
breeze brick bridge bucket button cabin cactus camel candle canoe carrot castle cherry chess cider
cliff cloud clover cobalt comet copper coral cotton crayon cricket daisy desert dolphin dragon drum
eagle echo ember falcon feather fern fig flute forest fossil fox garden garnet ginger glacier globe
grape gravel harbor hazel heron honey island ivory jacket jelly jigsaw kettle kite koala ladder
lagoon lantern lemon lily lizard maple marble meadow melon mint mitten moon mosaic nectar nutmeg
oak oasis olive orbit otter paddle panda parrot pebble pepper piano pickle pine planet plum pocket
pony puffin quartz quilt rabbit radar raven reef ribbon river robin rocket saddle salmon sandal
satin shell sketch sky sparrow spice spruce squash star stone summit sunset swan tangle teapot
thistle thunder tiger timber toast topaz tulip tunnel turtle valley velvet violet wagon walnut
willow window wizard yarn zebra
""".split()


class RosterError(ValueError):
    """Names that cannot be made into accounts; the message says which and why."""


def join_code_new(rng: random.Random) -> str:
    return "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def join_code_clean(typed: str) -> str:
    """What a student typed ("abc-def ", "ABC DEF") as a stored code ("ABCDEF")."""
    return re.sub(r"[\s\-–]", "", typed).upper()


def password_new(rng: random.Random) -> str:
    """Three short words and a number: easy to type from a card, hard to guess with a lockout."""
    return "-".join(rng.choice(WORDS) for _ in range(3)) + f"-{rng.randint(10, 99)}"


@dataclass(frozen=True)
class NewStudent:
    first_name: str
    last_name: str

    @property
    def display_name(self) -> str:
        return display_name_of(self.first_name, self.last_name)


def display_name_of(first_name: str, last_name: str) -> str:
    """First name and initial: "Amira K."; classmates never see more."""
    first, last = first_name.strip(), last_name.strip()
    return f"{first} {last[0].upper()}." if last else first


def _ascii_letters(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", plain.lower())


def username_for(student: NewStudent, taken: set[str], rng: random.Random) -> str:
    """A username that is not the student's full name: first name, initial and two digits."""
    stem = (_ascii_letters(student.first_name)[:10] or "student") + _ascii_letters(student.last_name)[:1]
    for attempt in range(1000):
        # Two digits while they are easy to find free, then three, then four (a big school).
        digits = 2 if attempt < 30 else 3 if attempt < 300 else 4
        candidate = f"{stem}{rng.randint(10 ** (digits - 1), 10 ** digits - 1)}"
        if candidate not in taken:
            return candidate
    raise RosterError(f"Could not find a free username for {student.display_name}.")


def _split_name(full: str) -> NewStudent:
    words = full.split()
    return NewStudent(words[0], " ".join(words[1:]))


def names_parse(pasted: str) -> list[NewStudent]:
    """One student a line ("Amira Khan"); blank lines skipped; duplicates and junk refused."""
    students = []
    for number, line in enumerate(pasted.splitlines(), start=1):
        line = " ".join(line.split())
        if not line:
            continue
        if len(line) > 80 or not re.search(r"[^\W\d_]", line):
            raise RosterError(f"Line {number} doesn't look like a name: “{line[:40]}”.")
        students.append(_split_name(line))
    return _checked(students)


def csv_parse(data: bytes) -> list[NewStudent]:
    """A CSV with a header row: either `name`, or `first_name` and `last_name` (any case)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RosterError("The file isn't a UTF-8 CSV. Save it as “CSV UTF-8” and upload it again.") from None
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise RosterError("The CSV file is empty.")
    header = [cell.strip().lower().replace(" ", "_") for cell in rows[0]]
    if "name" in header:
        at = header.index("name")
        names = [row[at] if at < len(row) else "" for row in rows[1:]]
    elif "first_name" in header and "last_name" in header:
        first, last = header.index("first_name"), header.index("last_name")
        names = [" ".join(row[i] for i in (first, last) if i < len(row)) for row in rows[1:]]
    else:
        raise RosterError(
            "The CSV needs a header row with a “name” column, or “first_name” and “last_name” columns. "
            f"This one has: {', '.join(cell for cell in rows[0] if cell) or 'no headings'}."
        )
    return names_parse("\n".join(names))


def _checked(students: list[NewStudent]) -> list[NewStudent]:
    if not students:
        raise RosterError("There are no names to add.")
    if len(students) > MAX_STUDENTS_AT_ONCE:
        raise RosterError(f"Add at most {MAX_STUDENTS_AT_ONCE} students at once.")
    seen: dict[str, int] = {}
    for student in students:
        key = f"{student.first_name} {student.last_name}".lower()
        seen[key] = seen.get(key, 0) + 1
    duplicates = [name for name, count in seen.items() if count > 1]
    if duplicates:
        raise RosterError(
            "These names are in the list more than once: " + ", ".join(d.title() for d in duplicates)
            + ". Add a middle initial or remove the repeat, then try again."
        )
    return students
