"""Stage 5's layouts: where the speaker is named by the layout rather than by a sentence.

- Transcripts (parliamentary debates, hustings, radio): a speaker's name heads each speech,
  `JANE ROE: ...`, `Jeremy Hunt (South West Surrey) (Con): ...`, `The Secretary of State for Health
  (Jeremy Hunt): ...`, or a name on a line of its own above the speech. Paragraphs without a label
  carry on the speech before them; stage directions (`[Applause]`, `(Interruption.)`) are nobody's.
- Reaction round-ups: a name-and-role line (`Dr Amira Patel, chair of the BMA's council`) above a
  paragraph that is a quotation.
- Pull quotes: a quotation followed by `— Name, role`, in the same paragraph or the next.

- Interviews: an answer after each question (questions in bold, after "Q:", or printed plainly
  as their own paragraphs ending "?") is the interviewee's.

A label that is a role with no name (`PRESENTER:`, `Chair:`) or a surname that two people share is
left without a speaker: the rules never guess.
"""

from __future__ import annotations

import re

from .names import NOT_NAMES, TITLES, gender_of_title
from .cues import FRAGMENT_WORDS, NAME, confidence_of
from .people import CAP, UPPER, PeopleIndex, Person
from .types import FoundQuote, ParsedArticle

MIN_WORDS = 4
ROLE_LABELS = {"presenter", "interviewer", "chair", "chairman", "chairwoman", "host", "moderator", "speaker",
               "mr speaker", "madam speaker", "madam deputy speaker", "audience member", "questioner", "voice",
               "caller", "reporter", "narrator", "announcer", "member", "hon members", "hon. members", "several hon. members"}
_CAPS_WORD = rf"[{UPPER}][{UPPER}'’.-]+"  # JANE ROE, TOMASZ WIŚNIEWSKI
_TITLE = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Baroness|Cllr|Councillor|Rev)\.?"
LABEL = re.compile(
    rf"^(?:\d{{1,3}}\.\s+)?(?P<label>"
    rf"(?:{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}}(?:\s+\([^()\n]{{1,60}}\)){{0,2}})"  # JANE ROE, DR JANE ROE (Lab)
    rf"|(?:(?:{_TITLE}\s+)?{CAP}(?:\s+{CAP}){{0,3}}(?:\s+\([^()\n]{{1,60}}\)){{0,2}})"  # Jeremy Hunt (South West Surrey) (Con)
    rf"|(?:The\s+[A-Za-z ,'’-]{{3,80}}\s+\((?P<inner>[^()\n]{{3,60}})\))"  # The Secretary of State ... (Jeremy Hunt)
    rf")\s*:\s*(?P<speech>\S.*)?$",
    re.DOTALL,
)
# Hansard as its website prints it: the member's name on a line of its own, their seat and party on
# the next (`Richard Burgon` / `(Leeds East) (Lab)`), or a minister's title with the name in brackets
# (`The Secretary of State for Health (Mr Jeremy Hunt)`); the speech below.
NAME_LINE = re.compile(rf"^(?:\d{{1,3}}\.\s+)?(?P<label>(?:{_TITLE}\s+)?{CAP}(?:\s+(?:{CAP}|[{UPPER}]\.)){{0,3}})\s*$")
ROLE_LINE = re.compile(r"^(?P<label>(?:The|Madam|Mr)\s+[A-Za-z ,'’-]{3,100}?)(?:\s+\((?P<inner>[^()\n]{3,60})\))?\s*$")
SEAT_LINE = re.compile(r"^\([^()\n]{2,60}\)(?:\s*\([^()\n]{1,30}\))*\s*$")  # (Leeds East) (Lab)
FURNITURE_LINE = re.compile(r"^(?:Share(?: this contribution)?|Copy link|Hansard|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?)$",
                            re.IGNORECASE)
STAGE_PARAGRAPH = re.compile(r"^(?:(?:Several|Some|An?)\s+)?[Hh]on\.?\s+Members?\s+rose[.—–-]*$|^\[[^\]]{1,60}\]$"
                             r"|^\((?:Interruption|Laughter|Applause|Hear, hear|Cheers)[^)]{0,40}\)\.?$")
STAGE = re.compile(r"\[[^\]]{1,60}\]|\((?:Interruption|Laughter|Applause|Hear, hear|Cheers|Inaudible|crosstalk)[^)]{0,40}\)",
                   re.IGNORECASE)
NAME_ROLE_LINE = re.compile(rf"^(?P<name>(?:{_TITLE}\s+)?{CAP}(?:\s+{CAP}){{1,3}})(?:\s*[,(–—-]\s*(?P<role>[^\"“”.!?]{{3,140}}?)\)?)?\s*:?\s*$")
PULL_CREDIT = re.compile(rf"^\s*[—–-]{{1,2}}\s*(?P<name>(?:{_TITLE}\s+)?{CAP}(?:\s+{CAP}){{1,3}})(?:\s*,\s*[^\"“”]{{2,140}})?\s*\.?\s*$")


def _label_person(label: str, inner: str | None, people: PeopleIndex) -> Person | None:
    """Who a speech label names; None for a role or anyone the rules cannot pin down."""
    if inner:
        label = inner
    label = re.sub(r"\s*\([^()]*\)", "", label).strip()  # constituency and party
    if label.lower().strip(".") in ROLE_LABELS:
        return None
    words = label.split()
    if all(word.isupper() for word in words if word[:1].isalpha()):
        words = [word.capitalize() if len(word) > 1 else word for word in words]
    if words and words[0].lower().rstrip(".") in TITLES:
        titled = " ".join(words)
        words = words[1:]
    else:
        titled = ""
    if not words or any(word.lower() in NOT_NAMES for word in words):
        return None
    if len(words) >= 2:
        return people.by_full_name(" ".join(words)) or people.add(" ".join(words))
    # "Mr Hunt:" and no Hunt known in full: the surname the transcript gives (never sure).
    if not titled:
        return people.resolve_name(words[0])
    return people.resolve_name(titled) or people.lone_surname(words[0], title_gender=gender_of_title(titled.split()[0]))


def _segments(text: str, offset: int) -> list[tuple[int, int]]:
    """The speech's spans between stage directions, with at least MIN_WORDS words each."""
    spans, start = [], 0
    for match in list(STAGE.finditer(text)) + [None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        stripped = piece.strip()
        if len(stripped.split()) >= MIN_WORDS:
            lead = len(piece) - len(piece.lstrip())
            spans.append((offset + start + lead, offset + start + lead + len(stripped)))
        start = match.end() if match else len(text)
    return spans


class Heading:
    """Who speaks next in a transcript: the label, a name in brackets after a title, and where the
    speech starts in the paragraph (its length when the speech is in the paragraphs below)."""

    def __init__(self, label: str, inner: str | None, speech_start: int, seated: bool = False):
        self.label, self.inner, self.speech_start, self.seated = label, inner, speech_start, seated


def heading_of(text: str) -> Heading | None:
    """`JANE ROE: ...`, `Jeremy Hunt (South West Surrey) (Con): ...`, or Hansard's web layout: a
    name or title line, its seat and party on the next line, then the speech."""
    match = LABEL.match(text)
    if match and len(match.group("label")) <= 120 and "\n" not in match.group("label"):
        return Heading(match.group("label"), match.group("inner"),
                       match.start("speech") if match.group("speech") else len(text), seated="(" in match.group("label"))
    lines = text.split("\n")
    first = lines[0].strip()
    line = NAME_LINE.match(first) or ROLE_LINE.match(first)
    if not line or len(first) > 120:
        return None
    offset, seated = len(lines[0]) + 1, False
    for number, rest in enumerate(lines[1:]):
        # A seat and party line, the website's furniture, or a minister's title under the name
        # (`Mr Jeremy Hunt` / `The Secretary of State for Health`).
        title_under_name = number == 0 and NAME_LINE.match(first) and ROLE_LINE.match(rest.strip())
        if not (SEAT_LINE.match(rest.strip()) or FURNITURE_LINE.match(rest.strip()) or title_under_name):
            break
        seated = seated or bool(SEAT_LINE.match(rest.strip()) or title_under_name)
        offset += len(rest) + 1
    inner = line.groupdict().get("inner")
    return Heading(line.group("label"), inner, min(offset, len(text)), seated=seated or bool(inner))


def _section_title(text: str) -> bool:
    """A line of a transcript that names the business, not anyone's words: short, in title case,
    without a full stop."""
    words = text.split()
    if "\n" in text.strip() or not 1 <= len(words) <= 12 or text.rstrip()[-1:] in ".?!:;,\"”":
        return False
    capitalised = [w for w in words if w[:1].isupper()]
    return len(capitalised) * 3 >= len(words) * 2


def _headings(article: ParsedArticle) -> dict[int, Heading]:
    """The paragraphs that head a speech, when the article reads as a transcript: three headings or
    more, some of them the same person's or with a seat or a name in brackets (a name line alone is
    a caption or a byline as often as a speaker)."""
    found = {p.index: h for p in article.paragraphs if (h := heading_of(p.text))}
    by_colon = {i: h for i, h in found.items() if LABEL.match(article.paragraphs[i].text)}
    labels = [re.sub(r"\s+", " ", h.label).lower() for h in found.values()]
    repeated = len(set(labels)) < len(labels)
    if len(by_colon) >= 3 and (repeated or len(set(labels)) >= 3) and len(by_colon) == len(found):
        return found
    seated = [i for i, h in found.items() if h.seated]
    if seated and (len(found) >= 3 and (repeated or len(seated) >= 2) or seated[0] == article.paragraphs[0].index):
        return found  # (one speech under a member's name and seat, or a minister's title, is a transcript too)
    if len(by_colon) >= 3 and (repeated or len(set(labels)) >= 3):
        return by_colon
    return {}


def transcript_quotes(article: ParsedArticle, people: PeopleIndex) -> list[FoundQuote]:
    """Each speech of a transcript, by the person its label names; [] when the article is not one."""
    by_index = _headings(article)
    if not by_index:
        return []
    found: list[FoundQuote] = []
    speaker: Person | None = None
    in_speech = False
    for paragraph in article.paragraphs:
        heading = by_index.get(paragraph.index)
        if heading is None and STAGE_PARAGRAPH.match(paragraph.text.strip()):
            continue  # "Several hon. Members rose—": nobody's words
        if heading is None and _section_title(paragraph.text):
            speaker, in_speech = None, False  # "Nuclear Non-proliferation and Disarmament": a new item of business
            continue
        if heading:
            speaker = _label_person(heading.label, heading.inner, people)
            in_speech = True
            if heading.speech_start >= len(paragraph.text):
                continue  # a name on its own line: the speech follows
            start = heading.speech_start
        elif in_speech:
            start = 0  # the speech runs on
        else:
            continue  # an introduction before the first speaker
        for a, b in _segments(paragraph.text[start:], start):
            found.append(FoundQuote(
                text=paragraph.text[a:b], start=paragraph.start + a, end=paragraph.start + b,
                paragraph_index=paragraph.index, speaker=speaker.full_name if speaker else None,
                cue="transcript label", confidence=(0.6 if " " not in speaker.full_name else 0.95) if speaker else 0.0,
            ))
    return found


def _named(name: str, people: PeopleIndex) -> Person | None:
    words = name.split()
    if words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    if len(words) < 2 or any(word.lower() in NOT_NAMES for word in words):
        return None
    return people.by_full_name(" ".join(words)) or people.add(" ".join(words))


def layout_speakers(article: ParsedArticle, people: PeopleIndex) -> dict[int, Person]:
    """Paragraph index -> the person a round-up's name line or a pull quote's credit gives its quotation."""
    given: dict[int, Person] = {}
    paragraphs = article.paragraphs
    for position, paragraph in enumerate(paragraphs):
        text = paragraph.text
        # A pull quote with its credit after it: “...” — Jane Roe, head teacher
        close = max(text.rfind("”"), text.rfind('"'))
        if close > 0 and text.lstrip()[:1] in "“\"":
            credit = PULL_CREDIT.match(text[close + 1 :])
            following = paragraphs[position + 1].text if position + 1 < len(paragraphs) else ""
            credit = credit or (PULL_CREDIT.match(following) if text.rstrip()[-1:] in "”\"" else None)
            if credit and (person := _named(credit.group("name"), people)):
                given[paragraph.index] = person
                continue
        # A round-up: a name-and-role line, then a quotation (on the next line, or in the next paragraph).
        first, _, rest = text.partition("\n")
        line = NAME_ROLE_LINE.match(first)
        if line and rest.strip() and rest.lstrip()[:1] in "“\"":  # ("" is in every string: a lone line is not this)
            if (person := _named(line.group("name"), people)) is not None:
                given[paragraph.index] = person
        elif line and not rest and position + 1 < len(paragraphs) and paragraphs[position + 1].text.lstrip()[:1] in "“\"":
            if (person := _named(line.group("name"), people)) is not None:
                given[paragraphs[position + 1].index] = person
    return given


QUESTION = re.compile(r"^Q\s*[:.–—-]\s+")
ANSWER = re.compile(r"^A\s*[:.–—-]\s+")


def unmarked_questions(article: ParsedArticle) -> set[int]:
    """An interview printed without marks: question paragraphs of one or two sentences ending "?",
    without quotation marks, each followed by an answer. Three or more of them, making up a quarter
    of the paragraphs from the first on, are an interview's questions; fewer are a writer's own
    rhetorical questions."""
    paragraphs = article.paragraphs
    asked = []
    for position, paragraph in enumerate(paragraphs[1:], 1):
        text = paragraph.text.strip()
        if (text.endswith("?") and len(text.split()) <= 45 and not re.search(r"[\"“”]", text)
                and len(re.findall(r"[.!?](?:\s|$)", text)) <= 2 and position + 1 < len(paragraphs)
                and not paragraphs[position + 1].text.strip().endswith("?")):
            asked.append(paragraph.index)
    if len(asked) < 3:
        return set()
    from_first = [p for p in paragraphs if p.index >= asked[0]]
    return set(asked) if len(asked) * 4 >= len(from_first) else set()


def interview_answers(article: ParsedArticle, people: PeopleIndex, headline_person: Person | None) -> list[FoundQuote]:
    """In a question-and-answer interview, each answer is the interviewee's own words.

    The questions are the paragraphs the article marks as questions (bold in a Word file or a web
    page, or starting "Q:"), or else unmarked ones (`unmarked_questions`); with at least two, every
    other paragraph after the first question is an answer (an "A:" before it is left out). The interviewee is the person the headline names
    ("Dr Amara Bell: ..."), or else the only person the introduction names other than the author;
    with neither, the answers are left without a speaker.
    """
    question_indexes = set(article.questions) | {p.index for p in article.paragraphs if QUESTION.match(p.text)}
    if len(question_indexes) < 2:
        question_indexes = unmarked_questions(article)
    if len(question_indexes) < 2:
        return []
    first_question = min(question_indexes)
    answers = [p for p in article.paragraphs if p.index > first_question and p.index not in question_indexes]
    interviewee = headline_person
    if interviewee is None:
        intro = " ".join(p.text for p in article.paragraphs if p.index < first_question)
        found = (people.resolve_name(m.group(0)) for m in re.finditer(NAME, intro))
        named = {p.full_name: p for p in found if p is not None and p.full_name != article.author}
        interviewee = next(iter(named.values())) if len(named) == 1 else None
    found = []
    for paragraph in answers:
        label = ANSWER.match(paragraph.text)
        start = label.end() if label else 0
        words = paragraph.text[start:].rstrip()
        if len(words.split()) < FRAGMENT_WORDS:
            continue
        found.append(FoundQuote(
            text=words, start=paragraph.start + start, end=paragraph.start + start + len(words),
            paragraph_index=paragraph.index, speaker=interviewee.full_name if interviewee else None,
            kind="spoken", cue="interview answer", confidence=confidence_of(interviewee, "interview answer"),
        ))
    return found
