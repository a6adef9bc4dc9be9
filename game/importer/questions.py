"""Multiple-choice questions in bulk: Moodle's GIFT format, or simple CSV lines.

Pure functions over text. Each question knows the line it started on, and each line that cannot
become a multiple-choice question gets an error naming that line, so a teacher sees a preview
with every problem before anything is stored.

GIFT (what Moodle exports): `::Title:: Question text { =right ~wrong ~wrong }`, with `//` comments,
`#feedback`, `####general feedback` (kept as the explanation), `{T}` / `{F}` for true or false, and
the escapes `\\~ \\= \\# \\{ \\} \\:`. Short-answer, numeric, matching and essay questions have no
wrong answers to choose from and are refused by name.

CSV: `question, right answer, wrong answer, wrong answer...` (a header row is skipped); the wrong
answers may also share one cell, separated by `|`.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

MAX_QUESTIONS = 200
MAX_PROMPT = 2000
MAX_CHOICE = 300
MAX_CHOICES = 8


@dataclass(frozen=True)
class ParsedQuestion:
    line: int
    prompt: str
    choices: tuple[tuple[str, bool], ...]
    explanation: str = ""


@dataclass
class QuestionsParse:
    questions: list[ParsedQuestion] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # "Line 12: ..."
    format: str = "csv"


def questions_parse(text: str) -> QuestionsParse:
    """GIFT or CSV, whichever the text is."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    result = gift_parse(text) if looks_like_gift(text) else csv_parse(text)
    if len(result.questions) > MAX_QUESTIONS:
        result.errors.append(f"Only the first {MAX_QUESTIONS} questions are taken at a time; "
                             f"there are {len(result.questions)}.")
        result.questions = result.questions[:MAX_QUESTIONS]
    return result


def looks_like_gift(text: str) -> bool:
    return bool(re.search(r"(?<!\\)\{[^}]*(?:(?<!\\)[=~]|\b(?:T|F|TRUE|FALSE)\b)[^}]*(?<!\\)\}", text))


# --- GIFT ---------------------------------------------------------------------------------------

_ESCAPES = {"\\~": "~", "\\=": "=", "\\#": "#", "\\{": "{", "\\}": "}", "\\:": ":", "\\n": " "}


def _unescape(text: str) -> str:
    for escaped, plain in _ESCAPES.items():
        text = text.replace(escaped, plain)
    return " ".join(text.split())


def _split_unescaped(text: str, marks: str) -> list[tuple[str, str]]:
    """(mark, text) pieces of an answer block, split at unescaped marks."""
    pieces, current, mark, i = [], [], "", 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if char in marks:
            if current or mark:
                pieces.append((mark, "".join(current)))
            mark, current = char, []
        else:
            current.append(char)
        i += 1
    if current or mark:
        pieces.append((mark, "".join(current)))
    return pieces


def _blocks(text: str) -> list[tuple[int, str]]:
    """Questions are separated by blank lines; `//` comment lines are dropped."""
    blocks, current, start = [], [], 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip().startswith("//"):
            continue
        if not line.strip():
            if current:
                blocks.append((start, "\n".join(current)))
                current = []
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        blocks.append((start, "\n".join(current)))
    return blocks


def gift_parse(text: str) -> QuestionsParse:
    result = QuestionsParse(format="gift")
    for line, block in _blocks(text):
        if block.strip().startswith("$CATEGORY"):
            continue
        try:
            result.questions.append(_gift_question(line, block))
        except ValueError as error:
            result.errors.append(f"Line {line}: {error}")
    return result


def _gift_question(line: int, block: str) -> ParsedQuestion:
    block = re.sub(r"^\s*::(?:\\.|[^:])*::", "", block).strip()  # ::title::
    block = re.sub(r"^\[(?:html|moodle|plain|markdown)\]", "", block).strip()
    opening = re.search(r"(?<!\\)\{", block)
    closing = re.search(r"(?<!\\)\}", block[opening.end():]) if opening else None
    if not opening or not closing:
        raise ValueError("no answers in { } (a question needs { =right answer ~wrong answer })")
    inside = block[opening.end() : opening.end() + closing.start()]
    before, after = block[: opening.start()].strip(), block[opening.end() + closing.end() :].strip()
    prompt = _unescape(f"{before} _____ {after}" if before and after else before or after)
    if not prompt:
        raise ValueError("the question has no words")
    if len(prompt) > MAX_PROMPT:
        raise ValueError(f"the question is longer than {MAX_PROMPT} characters")
    body = inside.strip()
    explanation = ""
    general = re.search(r"(?<!\\)####", body)
    if general:
        explanation, body = _unescape(body[general.end():]), body[: general.start()].strip()
    if re.fullmatch(r"(?:T|F|TRUE|FALSE)(?:\s*(?<!\\)#.*)?", body, flags=re.DOTALL):
        right = body.split("#")[0].strip() in ("T", "TRUE")
        return ParsedQuestion(line, prompt, (("True", right), ("False", not right)), explanation)
    if body.startswith("#"):
        raise ValueError("a numeric question; only multiple-choice questions can be imported")
    if not body:
        raise ValueError("an essay question (no answers); only multiple-choice questions can be imported")
    choices = []
    for mark, answer in _split_unescaped(body, "=~"):
        if not mark:
            if answer.strip():
                raise ValueError(f"“{_unescape(answer)[:40]}” is not marked = (right) or ~ (wrong)")
            continue
        answer = re.split(r"(?<!\\)#", answer, maxsplit=1)[0]  # the answer's own feedback
        weight = re.match(r"\s*%(-?\d+(?:\.\d+)?)%", answer)
        if weight:
            answer = answer[weight.end():]
        if "->" in answer:
            raise ValueError("a matching question; only multiple-choice questions can be imported")
        words = _unescape(answer)
        if not words:
            raise ValueError("an answer is empty")
        if len(words) > MAX_CHOICE:
            raise ValueError(f"an answer is longer than {MAX_CHOICE} characters")
        right = mark == "=" or (weight is not None and float(weight.group(1)) == 100)
        if weight is not None and 0 < float(weight.group(1)) < 100:
            raise ValueError("answers worth part of the marks (%50%) have no place in a one-right-answer question")
        choices.append((words, right))
    wrong = [c for c in choices if not c[1]]
    if not wrong:
        raise ValueError("a short-answer question (no ~wrong answers); only multiple-choice questions can be imported")
    return _checked(line, prompt, choices, explanation)


def _checked(line: int, prompt: str, choices: list[tuple[str, bool]], explanation: str) -> ParsedQuestion:
    if sum(right for _, right in choices) != 1:
        raise ValueError(f"needs exactly one right answer (it has {sum(right for _, right in choices)})")
    if len(choices) > MAX_CHOICES:
        raise ValueError(f"has {len(choices)} answers; at most {MAX_CHOICES}")
    if len({text.lower() for text, _ in choices}) != len(choices):
        raise ValueError("the same answer is given twice")
    return ParsedQuestion(line, prompt, tuple(choices), explanation)


# --- CSV ----------------------------------------------------------------------------------------

def csv_parse(text: str) -> QuestionsParse:
    result = QuestionsParse(format="csv")
    try:
        dialect = csv.Sniffer().sniff(text[:2000], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = csv.reader(io.StringIO(text), dialect)
    try:
        for number, row in enumerate(rows, start=1):
            cells = [" ".join(cell.split()) for cell in row]
            if not any(cells):
                continue
            if number == 1 and cells[0].lower() in {"question", "prompt", "questions"}:
                continue
            wrong = [w.strip() for cell in cells[2:] for w in cell.split("|") if w.strip()]
            if len(cells) < 2 or not cells[0] or not cells[1] or not wrong:
                result.errors.append(f"Line {number}: needs a question, its right answer and at least one wrong "
                                     "answer, separated by commas")
                continue
            if len(cells[0]) > MAX_PROMPT or any(len(c) > MAX_CHOICE for c in [cells[1], *wrong]):
                result.errors.append(f"Line {number}: too long (questions up to {MAX_PROMPT} characters, answers "
                                     f"up to {MAX_CHOICE})")
                continue
            try:
                result.questions.append(_checked(number, cells[0], [(cells[1], True)] + [(w, False) for w in wrong], ""))
            except ValueError as error:
                result.errors.append(f"Line {number}: {error}")
    except csv.Error as error:
        result.errors.append(f"Line {rows.line_num}: the CSV could not be read ({error})")
    return result
