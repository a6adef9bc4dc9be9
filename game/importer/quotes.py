"""Direct quotations and who said them.

The rules, in the order they are tried for each quotation:

1. After the quote: `"...," he said` / `"...," said Mr Porter` / `"...", the Health Secretary has claimed`.
2. Before it, in the same sentence: `X said: "..."`, `X told Murnaghan on Sky News: "..."`,
   `His letter said: "..."`, `according to X, "..."`, `he wrote to Y, saying: "..."` (a participle's
   speaker is the subject of the main clause).
3. A sentence that opens with its speaker and a speech verb: `Mr Porter responded ..., calling on
   ... as a settlement "cannot take place ..."`.
4. Continuation: a paragraph that opens with a quotation and names nobody continues the quotation
   of the paragraph before it (the British convention of re-opening marks on each paragraph).

Names are resolved with `PeopleIndex` over every article of the import; pronouns with the
subjects of the sentences before them. Whenever two people would fit, the speaker stays None.

Since issue 21, measured on real news labelled by others (PolNeAR, BBC News): a speaker phrase
beside a verb is read for its head (`mentions.phrase_head`: "Florida-based strategist Al Cardenas");
a name the index did not know becomes a person; a lone surname ("Schumer tweeted") is the article's
word for someone; a quotation standing alone after a sentence reporting one person speaking, or in
a sentence whose subject is a person, is theirs; "he" and "she" go to nobody when someone else they
could mean was named since. Each quotation carries a confidence (`CUE_CONFIDENCE`, lowered for a
lone surname, a pronoun and a fragment): only a sure one is pre-ticked on the review page.

What is not a quotation of speech: fragments of fewer than three words ('take on', "weekend
effect", "weaponise") and titles in capitals — scare quotes and labels — and quotations in the
headline (it is not body text). A three-word fragment is found but never sure.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import Sequence

from .quotations import QuotedRanges, Span, quote_spans, sentence_bounds
from .mentions import known_given_name, phrase_head
from .names import GROUP_SUBJECTS, NOT_NAMES, ORG_WORDS, PARTICIPLES, SPEECH_VERBS, TITLES_FEMALE
from .people import CAP, ROLE_NOUNS, TITLE_RE, PeopleIndex, Person, norm, people_index_build
from . import ranker
from .styles import layout_speakers, transcript_quotes
from .types import FoundQuote, KnownPerson, ParsedArticle

# A quotation of three words is still someone's words ("an increasingly high priority"); under four
# it is a fragment, never sure, so the teacher decides whether it is worth a question.
MIN_WORDS = 3
FRAGMENT_WORDS = 4
# A news article quotes people dozens of times, not thousands: past this many quotations the
# file is not an article, and the rest of it is left alone (the import says so).
MAX_QUOTES = 500

PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey)\b"
POSSESSIVE_SOURCE = r"(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:letter|statement|email|e-mail|tweet|message|spokesman|spokeswoman|spokesperson|reply|response|note|blog|post|column|article|speech)"
ORG = r"[A-Z][\w&’']*(?:\s+(?:(?:of|for|and)\s+)?[A-Z][\w&’']*)*"
SPOKES = rf"(?:[Aa]n?|[Tt]he)\s+(?:(?P<org>{ORG})\s+)?(?P<noun>spokesman|spokeswoman|spokesperson|(?<=[A-Za-z] )source)(?:\s+for\s+(?:the\s+)?(?P<org2>{ORG}))?"
NAME = rf"(?!(?:The|A|An)\s)(?:{TITLE_RE}\s+)?{CAP}(?:\s+(?:{CAP}|[A-Z]\.)){{0,3}}"  # ("The Tory leader" is a role)
ROLE = rf"(?:[Tt]he\s+(?:[A-Za-z’'&]+\s+){{0,4}}?(?i:{ROLE_NOUNS})\b)"
GROUP = r"(?:[Tt]he\s+)?(?:[\w-]+\s+){0,3}(?:MPs|doctors|leaders|unions|ministers|officials|campaigners|critics|Tories|signatories|members|teachers|headteachers|parents|residents|nurses|charities)"
# Named groups and bodies, whose words the game can ask about with "Who said it?":
# "a cross-party group of MPs", "a group of Conservative MPs", "the RMT union".
GROUP_OF = (r"(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,2}(?:group|coalition|alliance)\s+of\s+(?:[\w-]+\s+){0,2}(?:MPs|peers|councillors|"
            r"doctors|nurses|teachers|scientists|parents|residents|campaigners|academics|economists|charities|"
            r"businesses|unions|senators|lawmakers|headteachers|head teachers|(?:[\w-]+\s+){0,2}groups|"
            r"(?:[\w-]+\s+){0,2}organisations|(?:[\w-]+\s+){0,2}organizations|(?:[\w-]+\s+){0,2}charities)")
# (Not after "of", "for", "at", "from": "general secretary of the National Education Union" is a role.)
_NOT_AFTER_PREPOSITION = "".join(f"(?<!{word} )(?<!{word} the )" for word in ("of", "for", "at", "from"))
NAMED_UNION = rf"{_NOT_AFTER_PREPOSITION}(?:[Tt]he\s+)?(?:[A-Z][\w&]*\s+){{1,3}}[Uu]nion\b"
# A named body: "the Scottish Fishermen's Federation", "The Royal College of Midwives", "Unite union".
BODY_WORDS = r"(?:Federation|Association|Society|Institute|Confederation|Alliance|Coalition|College|Union|Foundation)"
NAMED_BODY = (rf"{_NOT_AFTER_PREPOSITION}(?:[Tt]he\s+)?(?:[A-Z][\w'’&-]*\s+){{1,4}}{BODY_WORDS}"
              r"(?:\s+of(?:\s+the)?(?:\s+[A-Z][\w'’&-]*){1,3})?\b")
# A body known by its initials: "the ACU", "the BMA", "CREW" (not "I", not "US").
ACRONYM = r"(?:[Tt]he\s+)?(?!US\b|UK\b|OK\b|TV\b)[A-Z]{2,6}\b"
WHO = rf"(?P<who>{POSSESSIVE_SOURCE}|{SPOKES}|{PRONOUN}|{GROUP_OF}|{NAMED_BODY}|{NAMED_UNION}|[Tt]he\s+union\b|{NAME}|{ACRONYM}|{ROLE}|{GROUP})"
ADVERBS = r"(?:(?:also|then|later|previously|once|simply|further|again|recently|today|yesterday|repeatedly|earlier|however|quickly|publicly|privately|has|had|have|would|will|has also|had also|is|was)\s+)*"
VERB = rf"(?P<verb>{SPEECH_VERBS})"

AFTER_WHO_VERB = re.compile(rf"^[\s,.;—–-]*{WHO}\s+{ADVERBS}{VERB}\b")
AFTER_VERB_WHO = re.compile(rf"^[\s,.;—–-]*{VERB}\s+{WHO}")
ACCORDING_TO = re.compile(rf"\b[Aa]ccording to\s+{WHO}")
SIGNED_BY = re.compile(rf"\bsigned by\s+(?P<group>{GROUP_OF}|{NAMED_BODY}|{NAMED_UNION})")
SENTENCE_OPENERS = re.compile(
    r"^(?:(?:However|Instead|Meanwhile|But|And|Yet|Later|Earlier|Separately|In response|In a statement|"
    r"In a letter|On \w+|Last \w+|This \w+|Speaking \w+(?: \w+){0,4}|Now|Still|Then|Also|"
    # A leading participial clause: "Asked about it, the minister smiled."
    r"(?:Asked|Pressed|Challenged|Questioned|Responding|Approached|Contacted|Interviewed)\b[^,.]{0,80}),?\s+)+"
)
ORG_SUBJECT = re.compile(
    rf"(?:^|[.!?]\s+|,\s+)(?:But\s+|However,?\s+|And\s+)?[Tt]he\s+(?P<org>Government|Department of Health|BMA|Home Office|Treasury|Council|council|union|Union|[A-Z][\w&]*(?:\s+[A-Z][\w&]*){{0,3}})\s+(?:has\s+|had\s+)?(?:{SPEECH_VERBS})\b"
)
OPINION_CUES = re.compile(
    r"\b(must|should|need to|needs to|have a duty|is essential|is right|is wrong|shameful|disgraceful|"
    r"I think|I believe|I hope|I support|I don['’]t see|we will|we must|nobody wants|not the time|"
    r"risk|unsafe|unfair|valued|deserve|responsib|it is right|it is clear|is regrettable|"
    r"is important|best of British|trust)\b",
    re.IGNORECASE,
)
CONTEXT_OPENERS = {"this", "that", "these", "those", "it", "he", "she", "they", "his", "her", "their",
                   "but", "and", "so", "yet", "or", "for", "then", "such", "both", "another", "which"}


BODY_FIRST_WORDS = {"union", "federation", "association", "society", "institute", "confederation", "alliance",
                    "coalition", "college", "foundation"}


class GroupName(str):
    """A speaker that is a group or body, not a person: "RMT union", "Cross-party group of MPs"."""

    @classmethod
    def of(cls, phrase: str) -> "GroupName":
        words = phrase.split()
        if words[0].lower() in {"a", "an", "the"}:
            words = words[1:]
        label = re.sub(r"['’]s$", "", " ".join(words))  # "the Royal College of Nursing's board": the College
        return cls(label[:1].upper() + label[1:])


@dataclass
class Subject:
    """Who a sentence was about, for resolving "he" and "she" later."""

    person: Person | None
    gender: str | None  # of the reference when the person is unknown ("the chairman": None)
    paragraph: int = -1  # where the article spoke of them


@dataclass
class ArticleState:
    subjects: list[Subject] = field(default_factory=list)
    last_org: str | None = None
    last_org_paragraph: int = -10
    last_union: str | None = None  # the union last named, for "the union said"
    last_union_paragraph: int = -10
    headline_person: Person | None = None
    groups: list[str] = field(default_factory=list)  # groups introduced so far ("a group of cross-party MPs")
    mentions: list[Person] = field(default_factory=list)  # everyone named so far, in order
    named: dict[int, set[str]] = field(default_factory=dict)  # paragraph index -> who it names (in words)


def is_speech(text: str, span: Span) -> bool:
    words = text[span.start : span.end].split()
    if len(words) < MIN_WORDS:
        return False
    # A title in capitals ("Seven Day Services Review") is a name, not speech.
    if all(word[:1].isupper() for word in words if word[:1].isalpha()) and len(words) < 8:
        return False
    return True


class Attributor:
    """Attributes the quotations of one article, remembering its sentence subjects."""

    def __init__(self, article: ParsedArticle, people: PeopleIndex):
        self.article = article
        self.people = people
        self.state = ArticleState()
        self.attributing = False  # reading a speaker phrase beside a speech verb, not a sentence's subject
        self.by_pronoun = False  # the last attribution's speaker was "he" or "she", read from further back
        self.reading_roles = True  # a role no one was given may be read as the person last named
        self.paragraph = -1
        title_match = re.match(rf"^(?:{TITLE_RE}\s+)?({CAP}(?:\s+{CAP}){{1,2}}):\s", article.title or "")
        if title_match:
            self.state.headline_person = people.by_full_name(title_match.group(1))

    # --- resolving a "who" phrase -----------------------------------------------------------

    def resolve(self, who: str, paragraph_index: int) -> tuple[Person | str | None, bool]:
        """(speaker, understood): the Person or a spokesman's label; understood=False means
        the phrase named someone we cannot pin down (which blocks later pronoun resolution)."""
        who = who.strip()
        lowered = who.lower()
        first = lowered.split()[0]
        if first in {"he", "she"}:
            return self.pronoun(first), True
        if re.match(POSSESSIVE_SOURCE, who):
            pronoun = {"his": "he", "her": "she"}.get(first)
            return (self.pronoun(pronoun) if pronoun else None), True
        if first in {"they", "their"}:
            return None, True
        spokes = re.match(SPOKES, who)
        if spokes:
            org = spokes.group("org") or spokes.group("org2")
            if not org and self.state.last_org and paragraph_index - self.state.last_org_paragraph <= 2:
                org = self.state.last_org
            return (f"{org} {spokes.group('noun')}" if org else None), True
        if re.fullmatch(ACRONYM, who):
            return GroupName.of(who), True
        if re.fullmatch(GROUP_OF, who) or (
            (re.fullmatch(NAMED_BODY, who) or re.fullmatch(NAMED_UNION, who)) and first not in BODY_FIRST_WORDS
        ):
            return GroupName.of(who), True
        if lowered == "the union":
            # The union named in this paragraph or the two before, if any; never a guess.
            recent = self.state.last_union and paragraph_index - self.state.last_union_paragraph <= 2
            return (GroupName.of(self.state.last_union) if recent else None), True
        if re.fullmatch(GROUP, who) or lowered in GROUP_SUBJECTS:
            # "The cross-party MPs wrote": the group the article introduced, if exactly one fits.
            return self.group_named_before(who), True
        if re.match(r"(?:[Tt]he|[Aa]n?)\s", who):
            person = self.people.by_role(who)
            if person is None and self.state.headline_person and paragraph_index == 0:
                # Headline convention: "Jeremy Hunt: ..." then "..., the Health Secretary has claimed."
                person = self.state.headline_person
                person.roles.add(norm(who.split(None, 1)[1]))
            if person is None:
                person = self.role_reading(who)
            return person, person is not None
        person = self.people.resolve_name(who)
        if person is None:
            person = self.named_by_phrase(who)
        return person, person is not None

    def role_reading(self, who: str) -> Person | None:
        """`Ms Jowell complained ... The culture secretary said ...`: a role no one in the articles was
        given is the person the article last named, when its sentences were last about them too (the
        reader's convention, like "he"; never sure unless this paragraph or the one before named them)."""
        if not self.reading_roles or not ROLE_READING.fullmatch(who) or not self.state.mentions:
            return None
        last = self.state.mentions[-1]
        subject = next((s for s in reversed(self.state.subjects) if s.person is not None or s.gender is None), None)
        if subject is None or subject.person is None or subject.person.full_name != last.full_name:
            return None  # someone else named since, or a subject we could not identify
        if " " not in last.full_name or last.surname in ORG_WORDS:
            return None
        self.by_pronoun = True
        return last

    def named_by_phrase(self, who: str) -> Person | None:
        """A speaker phrase that names someone the index did not know: "strategist Al Cardenas"
        is a person from now on; a surname alone only when one person holds it."""
        head = phrase_head(who)
        if head.kind == "name":
            return self.people.resolve_name(head.text) or self.people.add(head.text)
        if head.kind == "surname":
            # "Schumer tweeted": the surname the article gives, when no one (or two people) of that
            # name is known in full; the teacher is asked to check it (a lone surname is never sure).
            person = self.people.by_surname(head.text)
            return person or (self.people.lone_surname(head.text) if self.attributing else None)
        return None

    def group_named_before(self, who: str) -> GroupName | None:
        words = set(_group_words(who)) - {"the"}
        if not who.lower().startswith("the ") or len(words) < 2:
            return None
        fits = {group for group in self.state.groups if words <= set(_group_words(group))}
        return GroupName(next(iter(fits))) if len(fits) == 1 else None

    def pronoun(self, pronoun: str) -> Person | None:
        gender = "m" if pronoun == "he" else "f"
        person = self._pronoun_subject(gender)
        if person is None:
            return None
        # Someone else "he" could mean, named since: nobody is guessed.
        for other in reversed(self.state.mentions[-12:]):
            if other is person or other.full_name == person.full_name:
                break
            if " " in other.full_name and (other.gender == gender or (
                    other.gender is None and known_given_name(other.full_name.split()[0]))):
                return None  # (a body taken for a person, "Migration Watch", is no rival)
        self.by_pronoun = True  # a reading of the article: sure only when the paragraph named them at a quotation
        return person

    def pronoun_only(self, pronoun: str) -> Person | None:
        """Whom "he" or "she" means at this point of the article (for the ranker's candidates)."""
        saved = self.by_pronoun
        try:
            return self.pronoun("he" if pronoun == "he" else "she")
        finally:
            self.by_pronoun = saved

    def note_speaker(self, person: Person) -> None:
        self.state.subjects.append(Subject(person, person.gender, self.paragraph))
        self.state.mentions.append(person)

    def _pronoun_subject(self, gender: str) -> Person | None:
        for subject in reversed(self.state.subjects[-6:]):
            if subject.person is not None and subject.person.surname in ORG_WORDS:
                continue  # "Peabody Energy" is no "he"
            if subject.person is None:
                if subject.gender in (None, gender):
                    return None  # someone we could not identify may be meant
                continue
            if subject.person.gender == gender:
                return subject.person
            if subject.person.gender is None:
                return subject.person if subject is self.state.subjects[-1] else None
        return None

    # --- reading the article ----------------------------------------------------------------

    def note_subjects(self, text: str, paragraph_index: int) -> None:
        """Record the people sentences of this paragraph are about: `text` is a stretch of the paragraph
        with its quotations already blanked out (a closing mark may open it: `" Conservative shadow
        home secretary David Davis said ...`)."""
        self.paragraph = paragraph_index
        for sentence in re.split(r"(?<=[.!?])['’\"”]?\s+(?=[A-Z])", text):
            opened = SENTENCE_OPENERS.sub("", sentence.strip().lstrip("\"”“'’.,;:!? ").strip())
            # "Appearing on BBC Radio 4's Today programme, Mr Malik ...": a leading clause is not the subject.
            unclaused = LEADING_CLAUSE.sub("", opened, count=1)
            if unclaused != opened and re.match(WHO, unclaused):
                opened = unclaused
            match = re.match(rf"{WHO}", opened)
            owner = bool(match) and opened[match.end():match.end() + 2] in ("'s", "’s")
            named = re.match(rf"(?:['’]s)?(?:\s+[\w'’-]+){{0,6}}?,\s+(?P<who>{NAME}),", opened[match.end():]) if match else None
            if named and (owner or re.match(r"[Tt]he\s", match.group("who"))):
                # "The opposition leader, Priyanka Sood, said ...", "England's head coach, Brendon McCullum,
                # agreed": the name in apposition is the subject.
                match, owner = named, False
                if not self.people.resolve_name(named.group("who")) and self.looks_like_a_name(named.group("who")):
                    self.people.add(named.group("who"))
            speaker, understood = self.resolve(match.group("who"), paragraph_index) if match else (None, False)
            pronoun_subject = bool(match) and match.group("who").split()[0].lower() in {"he", "she"}
            if owner:
                speaker, understood = None, True  # "Mr Blair's government was ...": the subject is the government
            elif pronoun_subject and speaker is None:
                # "He said Mr Blair had spoken ...": the subject is someone "he" could not settle, not Mr Blair.
                self.state.subjects.append(Subject(None, "m" if match.group("who")[0] in "Hh" and
                                                   match.group("who").lower().startswith("he") else "f"))
            elif not isinstance(speaker, Person):
                # "Our deputy head, Marcus Bell, put it best": the first name near the start.
                for name in re.finditer(NAME, opened[:70]):
                    found = self.people.resolve_name(name.group(0))
                    before = opened[: name.start()].rstrip()
                    if not found and self.looks_like_a_name(name.group(0)) and not re.search(
                        r"\b(?:of|the|for|and|at|in|on|to|from|by)$", before, re.IGNORECASE
                    ):
                        # "England's head coach, Brendon McCullum, agreed.": a new name is the subject.
                        found = self.people.add(name.group(0))
                    if found:
                        speaker, understood = found, True
                        break
            if isinstance(speaker, Person):
                self.state.subjects.append(Subject(speaker, speaker.gender, paragraph_index))
                # (Only once the sentence is over: its own "he" is already its subject.)
                rival = self.rival_in(opened, speaker) if sentence.rstrip().endswith((".", "!", "?")) else None
                if rival:  # "Jane Roe met Ann Smith." Then "she" could be either: nobody is guessed.
                    self.state.subjects.append(Subject(None, rival))
            elif match and not understood and (
                re.match(r"(?:[Tt]he)\s", match.group("who")) or self.looks_like_a_name(match.group("who"))
            ):
                # Someone we cannot identify is the subject: "he" or "she" next may mean them.
                self.state.subjects.append(Subject(None, None))
            elif match and not understood and (titled := TITLED.match(match.group("who"))):
                # "Lady Boothroyd said ...", and no Boothroyd is known in full: "she" next may mean her.
                self.state.subjects.append(Subject(None, "f" if titled.group(1).lower() in TITLES_FEMALE else "m"))
            for group in re.finditer(GROUP_OF, sentence):
                name = GroupName.of(group.group(0))
                if name not in self.state.groups:
                    self.state.groups.append(name)
            union = list(re.finditer(NAMED_UNION, sentence))
            if union and union[-1].group(0).split()[0].lower() != "union":
                self.state.last_union, self.state.last_union_paragraph = union[-1].group(0), paragraph_index
            tail = opened.rstrip()[-120:]
            reported = REPORTED_AT_END[0].search(tail) or REPORTED_AT_END[1].search(tail)
            if reported:  # "..., Prof Lovenduski said.": the one who spoke is who "she" means next
                person, _ = self.resolve(reported.group("who"), paragraph_index)
                if isinstance(person, Person):
                    self.state.subjects.append(Subject(person, person.gender, paragraph_index))
            for name in re.finditer(NAME, opened):  # everyone named, subject or not, for "he" and "she"
                recipient = re.search(r"\bto\s+((?:[\w-]+\s+){0,3})$", opened[: name.start()][-40:])
                if recipient and not re.search(r"\b(?:after|before|when|while|as|and|but|because)\b", recipient.group(1)):
                    continue  # the one written or spoken to ("wrote to Mark Porter") is not the next speaker
                mentioned = self.people.resolve_name(name.group(0))
                if mentioned is not None:
                    self.state.mentions.append(mentioned)
                    self.state.named.setdefault(paragraph_index, set()).add(mentioned.full_name)
            org = ORG_SUBJECT.search(sentence)
            if org:
                self.state.last_org = org.group("org")
                self.state.last_org_paragraph = paragraph_index

    def attribute(self, text: str, spans: list[Span], position: int, quoted: QuotedRanges, paragraph_index: int):
        """(speaker or None, cue) for the span at `position` of a paragraph's spans."""
        self.attributing = True
        self.by_pronoun = False
        try:
            return self._attribute(text, spans, position, quoted, paragraph_index)
        finally:
            self.attributing = False

    def _attribute(self, text: str, spans: list[Span], position: int, quoted: QuotedRanges, paragraph_index: int):
        span = spans[position]
        # `"... as we spoke." Former MP Jackie Ballard recalled ...`: a quotation that ends its own
        # sentence is not attributed by the next one (an attribution follows a comma: `"...," she said`).
        ends_sentence = text[span.start : span.close_mark].rstrip()[-1:] == "." if span.close_mark >= 0 else False
        after = text[span.close_mark + 1 :] if span.close_mark >= 0 else ""
        right_cue = None
        if span.close_mark >= 0 and not (ends_sentence and re.match(r"\s+[A-Z]", after)
                                         and not SHORT_ATTRIBUTION.match(_plain(after[:120]))):
            _, sentence_end = sentence_bounds(text, span.close_mark, quoted)
            right = text[span.close_mark + 1 : sentence_end]
            next_open = spans[position + 1].open_mark if position + 1 < len(spans) else -1
            if next_open > span.close_mark:
                right = text[span.close_mark + 1 : min(next_open, sentence_end)]
            for pattern, cue in ((AFTER_WHO_VERB, "after: who verb"), (AFTER_VERB_WHO, "after: verb who")):
                match = pattern.match(right)
                if match:
                    speaker, _ = self.resolve(match.group("who"), paragraph_index)
                    if re.match(r"(?:[Tt]he|[Aa]n?)\s", match.group("who")):
                        # "said the chairman of the committee, Labour MP Barry Sheerman": the name outranks the role.
                        named = self.phrase_after(right, paragraph_index)
                        if named and isinstance(named[0], Person) and phrase_head(
                                (VERB_PHRASE.match(_plain(right)) or PHRASE_VERB.match(_plain(right))).group("who")).kind == "name":
                            speaker, cue = named
                    if speaker is None:
                        speaker, cue = self.phrase_after(right, paragraph_index) or (None, cue)
                    if speaker is not None:
                        return speaker, cue
                    right_cue = cue  # an attribution we cannot settle: the left side may still name them
                    break
            found = self.phrase_after(right, paragraph_index) if right_cue is None else None
            if found:
                return found
        if span.open_mark >= 0 and (right_cue is None or not span.open_mark == 0):
            sentence_start, _ = sentence_bounds(text, span.open_mark, quoted)
            previous_close = spans[position - 1].close_mark if position > 0 else -1
            if previous_close >= span.open_mark:
                previous_close = -1
            left = text[max(sentence_start, previous_close + 1) : span.open_mark]
            found = self.attribute_left(left, text[sentence_start : span.open_mark], paragraph_index)
            if found and (found[0] is not None or right_cue is None):
                return found
        return (None, right_cue) if right_cue else None

    def reporter_of(self, sentence: str, paragraph_index: int):
        """Who a sentence reports speaking ("Prof Lovenduski said she was shocked", "..., Mr Howard
        said."), if it reports exactly one person and no one else's voice."""
        if not sentence:
            return None
        sentence = _blank_quotes(sentence)  # `Mr Howard described it as "very important".`
        # One voice: one verb of speech, or more joined to the first ("said ... and said ...").
        verbs = [m for m in re.finditer(rf"\b(?:{SPEECH_VERBS}|{CHARACTERISING})\b", sentence)
                 if not re.search(r"(?:\band|\bbut|\bthen)\s+(?:(?:also|later|then)\s+)?$", sentence[max(0, m.start() - 12):m.start()])]
        if len(verbs) != 1 or self.another_voice(sentence):
            return None
        self.attributing = True
        try:
            tail = sentence.rstrip()[-120:]
            reported = REPORTED_AT_END[0].search(tail) or REPORTED_AT_END[1].search(tail)
            who = reported.group("who") if reported else self.sentence_subject(sentence, require_verb=True)
            if not who:
                return None
            speaker, _ = self.resolve(who, paragraph_index)
        finally:
            self.attributing = False
        return speaker if isinstance(speaker, Person) and not _lone(speaker) else None

    def phrase_after(self, right: str, paragraph_index: int):
        """`"...," Florida-based Republican strategist Al Cardenas said` or `"...," said Sen. Chuck
        Schumer (D-N.Y.), referring to ...`: a speaker phrase the patterns above do not spell out."""
        plain = _plain(right)
        match = PHRASE_VERB.match(plain) or VERB_PHRASE.match(plain)
        if not match:
            # `"..." in sharp contrast to previous elections, says Dante Scala, a political scientist.`
            tail = TRAILING_ATTRIBUTION.search(plain)
            if tail and not re.search(rf"\b(?:{SPEECH_VERBS})\b", plain[: tail.start()]):
                speaker = self.speaker_of_phrase(tail.group("who"), paragraph_index)
                return (speaker, "after: speaker phrase") if isinstance(speaker, Person) and not _lone(speaker) else None
            return None
        words = match.group("who").split()
        if not words or words[0] in PHRASE_NOT_FIRST or len(words) > 12:
            return None  # "... with Florida Sen. Marco Rubio, in a finish that he said": not a speaker phrase
        speaker = self.speaker_of_phrase(match.group("who"), paragraph_index)
        return (speaker, "after: speaker phrase") if speaker is not None else None

    def speaker_of_phrase(self, phrase: str, paragraph_index: int):
        head = phrase_head(phrase)
        if head.kind == "pronoun":
            return self.pronoun({"m": "he", "f": "she"}[PRONOUN_GENDER[head.text]])
        if head.kind in ("name", "surname"):
            return self.named_by_phrase(phrase)
        if head.kind == "body":
            return GroupName.of(head.text)
        if head.kind == "role":
            return self.people.by_role(phrase)
        return None

    def attribute_left(self, left: str, sentence_left: str, paragraph_index: int):
        # "Speaker John Bercow commented on the matter — which the BBC noted as unusual — "...": an
        # aside between dashes is not the sentence (its voices are no one's here).
        left, sentence_left = _without_asides(left), _without_asides(sentence_left)
        # An interrupted quotation: "The plan," said Fiona MacLeod, "is to ..."
        for pattern, cue in ((AFTER_VERB_WHO, "between: verb who"), (AFTER_WHO_VERB, "between: who verb")):
            match = pattern.match(left)
            if match and re.match(r"^[\s,]*\S", left) and left.rstrip().endswith(","):
                speaker, _ = self.resolve(match.group("who"), paragraph_index)
                return speaker, cue
        signed = list(SIGNED_BY.finditer(left))
        if signed:  # "The letter, signed by a coalition of 30 charities, said: ..."
            return GroupName.of(signed[-1].group("group")), "before: signed by"
        according = list(ACCORDING_TO.finditer(left))
        # ("According to the BBC, a spokesman for No 10 expressed disappointment: "...": the BBC
        # reports, the spokesman speaks.)
        if according and len(left[according[-1].end():].split()) <= 3:
            speaker, _ = self.resolve(according[-1].group("who"), paragraph_index)
            return speaker, "before: according to"
        subordinate = False
        verbs = list(re.finditer(rf"\b(?:{SPEECH_VERBS})\b", left))
        inverted = INVERTED_LEFT.search(_plain(left[-160:]))
        if inverted:  # "Because of how Democrats crafted the schedule, explained Rosenberg, “..."
            speaker = self.speaker_of_phrase(inverted.group("who"), paragraph_index)
            if speaker is not None:
                return speaker, "before: verb who"
        if verbs:
            verb = verbs[-1]
            tail = left[verb.end() :]
            if len(tail.split()) <= 12 and not re.search(r"[.!?]\s", tail):
                if verb.group(0) in PARTICIPLES:
                    # "with Gorka noting ...", "..., Spicer said, adding, ...": the name beside the participle.
                    beside = PARTICIPLE_SUBJECT.search(_plain(left[: verb.start()])[-120:])
                    subject = (beside.group("who") or beside.group("who2")) if beside else self.sentence_subject(sentence_left)
                    if subject:
                        speaker, _ = self.resolve(subject, paragraph_index)
                        return speaker, "before: participle"
                head = left[: verb.start()]
                # The name right before the verb, or one followed by an appositive ("Jean Marsh,
                # 81, who has campaigned ..., said"): the first of them that names someone.
                matches = [
                    re.search(rf"{WHO}[\s,]+{ADVERBS}$", head),
                    re.search(rf"{WHO}(?:,\s*(?!but\b|and\b|or\b|so\b|yet\b)[^,]{{1,80}}){{0,2}}[\s,]+{ADVERBS}$", head),
                ]
                # ("Head teachers in Northshire have warned": a place, not a speaker; "Yvette Cooper of the
                # Labour Party added": the person, not the party.)
                member = MEMBER_OF.search(head)
                if member and not (known_given_name(member.group("who").split()[0])
                                   or isinstance(self.people.resolve_name(member.group("who")), Person)):
                    member = None  # ("the National Association of Head Teachers said": a body)
                matches = [member] if member else [
                    m for m in matches if m and not re.search(r"\b(?:in|of|at|from|for|with|by|to|on|across)\s+$",
                                                             head[: m.start()], re.IGNORECASE)]
                if matches and re.search(r"\b(?:if|that|when|whether|because|as)\s+$", head[: matches[0].start()]) \
                        and matches[0].group("who").split()[0].lower() in {"he", "she", "they"}:
                    matches = []  # "Mr MacDonell said that ... if he said things which were": reported, not the speaker
                    subordinate = True
                if matches:
                    # ("Theresa May, the shadow secretary, said": the role is hers, not a reading of the article.)
                    self.reading_roles = len({m.group("who") for m in matches}) == 1
                    try:
                        resolved = [self.resolve(m.group("who"), paragraph_index)[0] for m in matches]
                    finally:
                        self.reading_roles = True
                    # A person named before an appositive outranks a body inside it
                    # ("Daniel Kebede, general secretary of the National Education Union, said"),
                    # and one named in full outranks a lone word ("Matt Shardlow, ... the charity Buglife, said").
                    speaker = next((r for r in resolved if isinstance(r, Person) and not _lone(r)), None) or next(
                        (r for r in resolved if isinstance(r, Person)), None) or next(
                        (r for r in resolved if r is not None), None)
                    return speaker, "before: who verb"
                if left != sentence_left and len(verbs) == 1:
                    # `Barbara Follet, one of the so-called "Blair Babes" elected in 1997, told researchers: "`
                    whole = _blank_quotes(sentence_left)
                    subject = self.sentence_subject(whole, require_verb=False)
                    if subject and len(re.findall(rf"\b(?:{SPEECH_VERBS})\b", whole)) == 1:
                        speaker, _ = self.resolve(subject, paragraph_index)
                        if speaker is not None:
                            return speaker, "before: who verb"
        if left.rstrip().endswith(":") and not verbs and not re.search(r"[\"“”]", left):
            # "In a Fox interview later that day, Trump went even further: “...": the sentence's subject.
            opened = LEADING_CLAUSE.sub("", SENTENCE_OPENERS.sub("", sentence_left.strip()), count=1)
            lead = re.match(rf"(?P<who>{NAME})(?:,\s[^,]{{1,80}},)?\s+(?:[a-z]+\s+){{1,6}}", _plain(opened))
            person = None
            if lead:
                person = self.people.resolve_name(lead.group("who"))
                if person is None and phrase_head(lead.group("who")).kind == "name":
                    person = self.named_by_phrase(lead.group("who"))  # "Senate Majority Leader Mitch McConnell"
            if isinstance(person, Person):
                return person, "before: colon"
        subject = self.sentence_subject(sentence_left, require_verb=True)
        if subject and (subordinate or not self.another_voice(sentence_left)):
            speaker, _ = self.resolve(subject, paragraph_index)
            return speaker, "sentence subject"
        return self.doer(sentence_left, paragraph_index)

    def doer(self, sentence_left: str, paragraph_index: int):
        """`Carson took the stage and called the political system "..."`, `Clinton decried the GOP for "..."`:
        a sentence whose subject is a person named in full, that reports no one else's words, puts its
        quotation in that person's mouth (never sure)."""
        if re.search(r"[\"“”]", sentence_left) or re.search(r"\baccording to\b", sentence_left, re.IGNORECASE):
            return None
        opened = LEADING_CLAUSE.sub("", SENTENCE_OPENERS.sub("", sentence_left.strip()), count=1)
        match = re.match(rf"(?P<who>{NAME})(?:,\s[^,]{{1,80}},)?\s+(?:[a-z]+\s+){{0,2}}?(?P<verb>[a-z]+(?:ed|s)\b)", opened)
        if not match or re.match(r"['’]s\b", opened[match.end("who"):]):
            return None
        voices = [v for v in re.finditer(rf"\b(?:{SPEECH_VERBS})\b", opened) if v.start() > match.end("verb")]
        if voices or len(opened.split()) > 40:
            return None
        person = self.people.resolve_name(match.group("who"))
        if isinstance(person, Person) and " " in person.full_name:
            return person, "the sentence's subject"
        return None

    def rival_in(self, sentence: str, subject: Person) -> str | None:
        """The gender of another known person in the sentence whom "he" or "she" could also mean."""
        for name in re.finditer(NAME, sentence):
            if re.search(r"\bto\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", sentence[: name.start()][-40:]):
                continue  # the one written or spoken to ("wrote to Mark Porter") is not the next speaker
            other = self.people.resolve_name(name.group(0))
            if other is not None and other is not subject and (
                other.gender is None or subject.gender is None or other.gender == subject.gender
            ):
                return other.gender or subject.gender or "m"  # an unknown gender could be either
        return None

    @staticmethod
    def another_voice(sentence_left: str) -> bool:
        """Does the sentence report a second speaker after its subject's own verb?
        ("She said residents had been told the tower would be ..."; not "He said ... and said ...",
        the same subject's second verb)"""
        verbs = [m for m in re.finditer(rf"\b(?:{SPEECH_VERBS})\b", sentence_left) if m.group(0) not in PARTICIPLES
                 and not re.search(r"(?:\band|\bbut|\bthen|,)\s+(?:(?:also|later|then)\s+)?$", sentence_left[max(0, m.start() - 12):m.start()])]
        if len(verbs) > 1:
            return True
        return bool(re.search(rf"\b(?:been|be|was|were|being)\s+(?:{SPEECH_VERBS})\b", sentence_left))

    @staticmethod
    def looks_like_a_name(phrase: str) -> bool:
        """Two or more capitalised words, none of them a common word: "Brendon McCullum"."""
        words = phrase.split()
        return len(words) >= 2 and all(w[:1].isupper() and w.lower() not in NOT_NAMES for w in words)

    def sentence_subject(self, sentence_left: str, require_verb: bool = False) -> str | None:
        opened = SENTENCE_OPENERS.sub("", sentence_left.strip())
        # "Emerging from a meeting with President Obama, Sanders said ...": the leading clause is not the subject.
        opened = LEADING_CLAUSE.sub("", opened, count=1) if require_verb else opened
        pattern = (rf"{WHO}(?:,\s[^,]{{1,160}},)?\s+{ADVERBS}(?:{SPEECH_VERBS}|{CHARACTERISING}|wrote to|has written)\b"
                   if require_verb else rf"{WHO}\s")
        match = re.match(pattern, opened)
        if require_verb and not (match and self.resolve(match.group("who"), 0)[0] is not None):
            # "Liberal Democrat deputy leader Menzies Campbell said ...": a speaker phrase the WHO patterns miss.
            phrase = SUBJECT_PHRASE.match(_plain(opened))
            if phrase and phrase_head(phrase.group("who")).kind == "name":
                return phrase.group("who")
        if match and (require_verb or self.resolve(match.group("who"), 0)[0] is not None):
            return match.group("who")
        if not require_verb:
            # "Former England spinner Graeme Swann was less forgiving, saying ...": the first
            # name near the start of the sentence.
            for name in re.finditer(NAME, opened[:70]):
                if self.people.resolve_name(name.group(0)):
                    return name.group(0)
        return match.group("who") if match else None


# How sure each cue is of its speaker: a name beside a speech verb is sure; a speaker carried over
# from elsewhere (a paragraph before, a sentence's subject) is a reading the teacher should check.
CUE_CONFIDENCE = {
    "after: who verb": 0.95, "after: verb who": 0.95, "between: verb who": 0.95, "between: who verb": 0.95,
    "before: who verb": 0.9, "before: according to": 0.9, "before: signed by": 0.9, "before: participle": 0.75,
    "transcript label": 0.95, "name line or credit": 0.9, "interview answer": 0.85,
    "same speaker, same paragraph": 0.85, "sentence subject": 0.7, "continues the previous paragraph": 0.7,
    "introduced by the previous paragraph": 0.7, "continued by a later paragraph": 0.7, "after: speaker phrase": 0.85,
    "after a sentence reporting them": 0.75, "before: colon": 0.75,
    "the sentence's subject": 0.7, "repeats an earlier quotation": 0.85,
}


def confidence_of(speaker, cue: str) -> float:
    """0 without a speaker; otherwise how sure the cue that found it is."""
    return CUE_CONFIDENCE.get(cue, 0.6) if speaker is not None else 0.0


# `"...." Viguerie says.`: a name and a verb that end the sentence attribute the quotation before.
SHORT_ATTRIBUTION = re.compile(rf"^\s+(?:[A-Z][\w'’-]*\s+){{1,3}}(?:{SPEECH_VERBS})(?:\s+\w+)?[.!?](?:\s|$)")
REPORTED_AT_END = (re.compile(rf",\s+{WHO}\s+{ADVERBS}(?:{SPEECH_VERBS})[.!?]$"),
                   re.compile(rf",\s+(?:{SPEECH_VERBS})\s+{WHO}[.!?]$"))
# Verbs that put words in someone's mouth without "said": "Obama has called the chaos "a mess"".
CHARACTERISING = r"called|calls|described|describes|dubbed|dubs|labelled|labeled|branded|brands|termed|derided|praised|proposed|promised|vowed|pledged"
LEADING_CLAUSE = re.compile(r"^(?:[A-Z][a-z]+ing|In|At|On|After|Before|During|While|Since|Despite|Asked|Informed|Pressed|Speaking)\b[^,]{0,100},\s+")
# (Not "told" or "asked": the name after them is the one spoken to, "told BBC News:".)
INVERTED_VERBS = r"said|says|added|adds|explained|explains|continued|wrote|writes|insisted|argued|noted|warned|recalled|stressed|conceded"
INVERTED_LEFT = re.compile(rf",\s+(?:{INVERTED_VERBS})\s+(?P<who>(?:[A-Z][\w'’.-]*\s*){{1,4}}),?\s*:?\s*$")
PARTICIPLE_SUBJECT = re.compile(rf"(?:\bwith\s+(?P<who>{NAME})\s*$|(?P<who2>{NAME})\s+(?:{SPEECH_VERBS}),?\s*$)")
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
ABBREVIATED = re.compile(r"\b(Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Cmdr|Dr|Mr|Mrs|Ms|Prof|St|Jr|Sr|Rev|Pres|Hon|[A-Z])\.")
CLAUSE_END = r"(?=\s*(?:[,.;:!?\"“”—–]|$)|\s+(?:in|on|at|during|after|before|while|when|as|who|to|because|that|about|last|this|on)\b)"
# A speaker phrase of up to ten words, then the verb; or the verb, then the phrase.
PHRASE_VERB = re.compile(rf"^[\s,;—–-]*(?P<who>[^,.;:!?\"“”]{{1,100}}?(?:,\s[^,.;:!?\"“”]{{1,100}},?)?)\s+{ADVERBS}(?:{SPEECH_VERBS})\b")
SUBJECT_PHRASE = re.compile(rf"^(?P<who>[^,.;:!?\"“”]{{1,80}}?)(?:,\s[^,]{{1,160}},)?\s+{ADVERBS}(?:{SPEECH_VERBS}|{CHARACTERISING})\b")
VERB_PHRASE = re.compile(rf"^[\s,;—–-]*(?:{SPEECH_VERBS})\s+(?P<who>[^.;:!?\"“”]{{1,160}}?"
                         rf"(?:,\s+[A-Z][^,.;:!?\"“”]{{1,60}})?){CLAUSE_END}")


PHRASE_NOT_FIRST = {"with", "and", "but", "until", "for", "adding", "suggesting", "that", "to", "in", "on", "as",
                    "after", "because", "while", "which", "who", "when", "if", "or", "so", "forcing", "leading",
                    "saying", "at", "by", "from", "of", "than", "then", "though", "although", "where", "before"}


TRAILING_ATTRIBUTION = re.compile(r",\s+(?:says|said|added|adds|explained|explains|notes|noted)\s+(?P<who>[A-Z][^,.;:!?\"“”]{1,80})"
                                  r"(?:,[^.;!?\"“”]{0,160})?[.!?]?\s*$")


def _plain(text: str) -> str:
    """The text with abbreviations' full stops, short parentheses and party labels taken out: "Sen.
    Chuck Schumer (D-N.Y.) said" and "Mitch McConnell, R-Ky., said" read as one phrase."""
    text = re.sub(r"\s*\([^()]{0,40}\)", "", text)
    text = re.sub(r",\s+[RDI]-[A-Z][A-Za-z.]{1,8},", ",", text)
    return ABBREVIATED.sub(r"\1", text)


def _confidence(speaker, name: str | None, cue: str, words: str, by_pronoun: bool = False,
                ranked: float | None = None) -> float:
    """The cue's confidence, lowered for a lone surname, a fragment of under four words, and a speaker
    found through "he" or "she" (a reading of the article, which the teacher checks). A speaker the
    ranker chose is as sure as its probability, and never sure enough to be pre-ticked."""
    confidence = confidence_of(name, cue)
    if ranked is not None and name is not None:
        confidence = min(ranked, ranker.MAX_CONFIDENCE)
    if _lone(speaker) or len(words.split()) < FRAGMENT_WORDS:
        confidence = min(confidence, 0.6)
    if by_pronoun:
        confidence = min(confidence, 0.75)
    return confidence


def _opens_a_sentence(text: str, span: Span) -> bool:
    before = text[: span.open_mark].rstrip() if span.open_mark > 0 else ""
    return span.open_mark == 0 or before[-1:] in ".!?:" or before.endswith((".”", '."', "?”", '?"'))


def _sentence_before(text: str, end: int, quoted: QuotedRanges | None) -> str:
    """The whole sentence that ends just before `end`, its quotations' full stops not counted."""
    if not text[:end].strip():
        return ""
    quoted = quoted if quoted is not None else QuotedRanges(text, quote_spans(text))
    start, _ = sentence_bounds(text, max(0, len(text[:end].rstrip()) - 2), quoted)
    return text[start:end].strip()


ASIDE = re.compile(r"\s+[—–]\s+[^—–\"“”]{1,160}?\s+[—–]\s+|\s+--\s+[^\"“”]{1,160}?\s+--\s+")


def _without_asides(text: str) -> str:
    """The text with asides between dashes replaced by spaces (offsets kept)."""
    return ASIDE.sub(lambda m: " " * len(m.group(0)), text)


def _lone(speaker) -> bool:
    return isinstance(speaker, Person) and " " not in speaker.full_name


def _one_attribution(between: str) -> bool:
    """`said Dave Majernik, a one-time Cruz backer who serves as vice chairman of ...`: one sentence
    with one speech verb, the attribution of the quotation before it, and no other voice."""
    plain = _plain(between).strip()
    # Voices: a speech verb after a name or a pronoun, or before one ("said Trump"); "news outlets
    # declared him" in a clause is no one else's voice.
    voices = re.findall(rf"(?:\b[A-Z][\w'’-]*|\b(?:he|she|they))\s+{ADVERBS}(?:{SPEECH_VERBS})\b"
                        rf"|\b(?:{SPEECH_VERBS})\s+(?:[A-Z]|he\b|she\b)", plain)
    verbs = re.findall(rf"\b(?:{SPEECH_VERBS})\b", plain)
    return (len(plain.split()) <= 45 and len(verbs) >= 1 and len(voices) <= 1
            and not re.search(r"[.!?]\s+\S", plain.rstrip(".!? ")))


def _attribution_with_who_clause(between: str) -> bool:
    """`said Mayor Jane Roe, who has led the city since 2019.`: an attribution whose relative
    clause tells about the speaker, quotes no one else and names no one else."""
    clause = re.search(r",\s+who\s", between)
    if not clause or len(between.split()) > 45:
        return False
    tail = between[clause.end() :]
    return not re.search(rf"\b(?:{SPEECH_VERBS})\b", tail) and not re.search(rf"{CAP}\s+{CAP}", tail)


RANKED_CUE = "ranked among the names nearby"
# "Member of Parliament Yvette Cooper of the Labour Party added": the name before "of the" body.
MEMBER_OF = re.compile(rf"(?P<who>{CAP}(?:\s+{CAP}){{1,3}})\s+of\s+(?:the\s+)?(?:[A-Z][\w'’&-]*\s+){{0,4}}[A-Z][\w'’&-]*"
                       r"[\s,]+(?:(?:also|then|later|has|had|have)\s+)*$")
TITLED = re.compile(r"(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady|Baroness)\.?\s+[A-Z]")
# A role that names one person: "the culture secretary", "The former cabinet secretary", "the Tory leader".
ROLE_READING = re.compile(rf"[Tt]he\s+(?:[\w'’-]+\s+){{0,4}}?(?:{ROLE_NOUNS}|senator|candidate|nominee|premier|"
                          r"congressman|congresswoman|lawmaker|ambassador)")


class Nearby:
    """The mentions around each quotation of one paragraph, for the ranker (found once a paragraph)."""

    def __init__(self, text, blanked, quoted, people, attributor, previous_mentions):
        self.text, self.blanked, self.people, self.attributor = text, blanked, people, attributor
        self.previous_mentions = previous_mentions
        self.starts = ranker._sentence_starts(text, quoted)
        self._mentions = None

    def paragraph_mentions(self, as_previous: bool = False) -> list:
        if self._mentions is None:
            self._mentions = ranker.mentions_in(self.blanked, self.people, 0)
        if as_previous:
            return [replace(m, paragraph=-1) for m in self._mentions[-8:] if m.kind not in ("role_guess",)]
        return self._mentions

    def around(self, span, last_speaker, previous_speaker, found, rules_cue=""):
        open_mark = span.open_mark if span.open_mark >= 0 else span.start
        close_mark = span.close_mark if span.close_mark >= 0 else span.end
        lo, hi = max(0, open_mark - ranker.WINDOW), close_mark + ranker.WINDOW
        mentions = [m for m in self.paragraph_mentions() if lo <= m.start < hi]
        # "he" and "she" in the quotation's sentence and the one before, as the rules read them now.
        sentence = bisect_right(self.starts, open_mark) - 1
        pronoun_lo = self.starts[max(0, sentence - 1)]
        pronoun_hi = self.starts[sentence + 1] if sentence + 1 < len(self.starts) else len(self.text)
        saved = self.attributor.by_pronoun
        mentions += ranker.mentions_in(self.blanked, self.people, 0, pronoun=self.attributor.pronoun_only,
                                       lo=pronoun_lo, hi=pronoun_hi,
                                       earlier=self.previous_mentions + self.paragraph_mentions())
        self.attributor.by_pronoun = saved
        mentions = sorted(mentions, key=lambda m: abs(m.start - open_mark))[: ranker.MAX_MENTIONS]
        mentions = self.previous_mentions + sorted(mentions, key=lambda m: m.start)
        context = ranker.QuoteContext(
            text=self.text, blanked=self.blanked, span=span, sentence_starts=self.starts,
            previous_speaker=last_speaker, previous_paragraph_speaker=previous_speaker,
            speakers_so_far=frozenset(q.speaker for q in found[-30:] if q.speaker), rules_cue=rules_cue)
        return context, mentions


# Guesses from the paragraphs around a quotation, which a name line or a credit beside it outranks.
LAYOUT_OUTRANKS = {"continues the previous paragraph", "same speaker, same paragraph", "introduced by the previous paragraph"}


def _group_words(phrase: str) -> list[str]:
    """A group's words without its determiners and "group of": "cross party mps"."""
    words = re.findall(r"[a-z0-9']+", phrase.lower().replace("-", " "))
    return [w for w in words if w not in {"a", "an", "group", "of", "coalition", "alliance"}]


def _blank_quotes(text: str, spans: list[Span] | None = None) -> str:
    """The paragraph with quoted words replaced by spaces (offsets kept)."""
    chars = list(text)
    for span in quote_spans(text) if spans is None else spans:
        for index in range(span.start, span.end):
            chars[index] = " "
    return "".join(chars)


def find_quotes(articles: Sequence[ParsedArticle], known_people: Sequence[KnownPerson] = (), *,
                ranking: bool = True, observe=None) -> list[list[FoundQuote]]:
    """The direct quotations of each article (offsets into its body), with speakers where sure,
    followed by the opinion author's own sentences (kind="written")."""
    people = people_index_build(
        [p.text for article in articles for p in article.paragraphs]
        + [article.byline or "" for article in articles]
        + [article.title or "" for article in articles],
        known_people,
    )
    return [article_quotes(article, people, ranking=ranking, observe=observe) + written_quotes(article)
            for article in articles]


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


def article_quotes(article: ParsedArticle, people: PeopleIndex, *, ranking: bool = True,
                   observe=None) -> list[FoundQuote]:
    """The quotations of one article with their speakers. Where the rules name no one, the learned
    ranker may choose among the names nearby (`ranking`); `observe(article, paragraph, span,
    mentions, context, speaker, cue)` is told of every quotation's candidates (for fitting it)."""
    attributor = Attributor(article, people)
    answers = interview_answers(article, people, attributor.state.headline_person)
    if answers:
        return answers[:MAX_QUOTES]
    speeches = transcript_quotes(article, people)
    if speeches:
        return speeches[:MAX_QUOTES]
    laid_out = layout_speakers(article, people)
    found: list[FoundQuote] = []
    previous: dict = {"had_quote": False, "speaker": None, "text": ""}
    run_on_without_speaker: list[int] = []  # found quotations that ran on, their speaker not yet known
    last_through_pronoun = False
    previous_paragraph_mentions: list = []
    for paragraph in article.paragraphs:
        text = paragraph.text
        spans = quote_spans(text)
        quoted = QuotedRanges(text, spans)
        blanked = _blank_quotes(text, spans)
        cursor = 0
        paragraph_speaker: Person | str | None = None
        last_speaker_in_paragraph: Person | str | None = None
        last_close = -1
        last_cue = ""
        had_quote = False
        named_in_paragraph: Person | str | None = None  # the last speaker this paragraph named at a quotation
        nearby = Nearby(text, blanked, quoted, people, attributor, previous_paragraph_mentions)
        for position, span in enumerate(spans):
            if len(found) >= MAX_QUOTES:
                return found
            if not is_speech(text, span):
                continue
            # Sentences before this quotation set the scene for its pronouns.
            attributor.note_subjects(blanked[cursor : max(cursor, span.open_mark)], paragraph.index)
            cursor = span.end
            result = attributor.attribute(text, spans, position, quoted, paragraph.index)
            speaker, cue = result if result else (None, "")
            between = text[last_close + 1 : span.open_mark] if last_close >= 0 else None
            between_is_attribution = bool(between) and last_cue.startswith("after") and (
                len(between.split()) <= 12 or _attribution_with_who_clause(between) or _one_attribution(between)
            )
            if result is None and between is not None and last_speaker_in_paragraph is not None and (
                between_is_attribution or (len(between.split()) <= 8 and not re.search(NAME, between.replace("I ", "")))
            ):
                # "A," he said. "B." -- the second quotation is the same person's.
                speaker, cue = last_speaker_in_paragraph, "same speaker, same paragraph"
            continuing = run_on_without_speaker or (found and found[-1].cue.startswith("continu"))
            if result is None and position > 0 and spans[position - 1].runs_on and had_quote:
                # `"...26 weeks. "We are going to ...`: the quotation re-opened, as on a new paragraph.
                speaker, cue = last_speaker_in_paragraph, "continues the previous paragraph"
            if result is None and span.open_mark == 0 and position == 0:
                if previous["had_quote"]:
                    speaker, cue = previous["speaker"], "continues the previous paragraph"
                elif previous["text"].rstrip().endswith(":"):
                    # "This is what she told residents:" introduces the next paragraph.
                    last_sentence = re.split(r"(?<=[.!?])\s+", previous["text"].strip())[-1]
                    introduced = attributor.attribute_left(last_sentence.rstrip(":") + ":", last_sentence, paragraph.index)
                    if introduced:
                        speaker, cue = introduced[0], "introduced by the previous paragraph"
            if speaker is None and not (result and result[1]) and _opens_a_sentence(text, span):
                # `..., said she was shocked at the findings. "We expected a bit of this ..."`: a quotation
                # standing alone after a sentence that reports someone speaking is theirs.
                before = _sentence_before(text, span.open_mark, quoted) if span.open_mark > 0 else \
                    _sentence_before(previous["text"].rstrip(), len(previous["text"].rstrip()), None)
                reporter = attributor.reporter_of(before, paragraph.index) if before else None
                if reporter is not None:
                    speaker, cue = reporter, "after a sentence reporting them"
            if paragraph.index in laid_out and (speaker is None or cue in LAYOUT_OUTRANKS):
                speaker, cue = laid_out[paragraph.index], "name line or credit"
            ranked_probability = None
            if observe is not None or (speaker is None and ranking):
                context, near = nearby.around(span, last_speaker_in_paragraph, previous["speaker"], found,
                                              cue if speaker is None else "")
                if observe is not None:
                    observe(article, paragraph, span, near, context, speaker, cue)
                best = ranker.rank(near, context) if speaker is None and ranking else None
                if best is not None and best[1] >= ranker.threshold():
                    speaker, cue, ranked_probability = best[0].speaker, RANKED_CUE, best[1]
            # "He" or "she" is sure only after the same person's own named quotation in this paragraph
            # (`"...," said Mrs Okonjo. "...," she added.`); a speaker carried on from a quotation found
            # through a pronoun is as unsure as that one.
            through_pronoun = attributor.by_pronoun if result else False
            if cue in LAYOUT_OUTRANKS and cue != "introduced by the previous paragraph":
                through_pronoun = last_through_pronoun
            if through_pronoun and isinstance(speaker, Person) and (speaker is named_in_paragraph or any(
                    speaker.full_name in attributor.state.named.get(index, ()) for index in (paragraph.index,
                                                                                             paragraph.index - 1))):
                # `Mrs Okonjo said longer days ... "...," she said.`: named in this paragraph or the one just
                # before, and (the rival check in `pronoun`) no one else "she" could mean named since.
                through_pronoun = False
            name = speaker.full_name if isinstance(speaker, Person) else speaker
            opens_a_run = span.open_mark == 0 or (position > 0 and spans[position - 1].runs_on)
            if name is not None and cue.startswith(("after", "between")) and opens_a_run and continuing:
                # `"We will ...` / `"...," she said.`: the quotation it continues was hers too.
                for index in run_on_without_speaker:
                    found[index] = replace(found[index], speaker=name, cue="continued by a later paragraph",
                                           speaker_is_group=isinstance(speaker, GroupName),
                                           confidence=confidence_of(name, "continued by a later paragraph"))
            if not opens_a_run or name is not None or not span.runs_on:
                run_on_without_speaker = []
            found.append(
                FoundQuote(
                    text=text[span.start : span.end],
                    start=paragraph.start + span.start,
                    end=paragraph.start + span.end,
                    paragraph_index=paragraph.index,
                    speaker=name,
                    kind="spoken",
                    cue=cue,
                    speaker_is_group=isinstance(speaker, GroupName),
                    confidence=_confidence(speaker, name, cue, text[span.start : span.end], through_pronoun,
                                           ranked_probability),
                )
            )
            if span.runs_on and name is None:
                run_on_without_speaker.append(len(found) - 1)
            had_quote = True
            last_through_pronoun = through_pronoun
            if speaker is not None and not through_pronoun:
                named_in_paragraph = speaker
            last_speaker_in_paragraph = speaker
            last_cue = cue
            last_close = span.close_mark if span.close_mark >= 0 else span.end
            paragraph_speaker = speaker
            if isinstance(speaker, Person):
                attributor.note_speaker(speaker)
        attributor.note_subjects(blanked[cursor:], paragraph.index)
        if isinstance(paragraph_speaker, Person):
            attributor.note_speaker(paragraph_speaker)
        # The next paragraph continues this one's last quotation only if it ran on, or if the paragraph
        # ends with it (and its attribution): not after sentences about someone else ("... called all women
        # "Betty"." then a new quotation).
        ends_with_quote = had_quote and (last_close >= len(text.rstrip()) - 1 or _one_attribution(text[last_close + 1 :])
                                         or not text[last_close + 1 :].strip())
        previous = {"had_quote": ends_with_quote, "speaker": paragraph_speaker if had_quote else None, "text": text}
        previous_paragraph_mentions = nearby.paragraph_mentions(as_previous=True)
    return _repeats_keep_their_speaker(found)


def _repeats_keep_their_speaker(found: list[FoundQuote]) -> list[FoundQuote]:
    """A pull quote repeating words quoted earlier is the words of whoever said them there, not of the
    nearest speaker: `Mark Porter said: "We will win."` ... then `"We will win."` on its own."""
    said: dict[str, FoundQuote] = {}
    for index, quote in enumerate(found):
        key = re.sub(r"\W+", " ", quote.text).strip().lower()
        earlier = said.get(key)
        if earlier is not None and earlier.speaker and (quote.speaker is None or quote.cue in LAYOUT_OUTRANKS):
            found[index] = replace(quote, speaker=earlier.speaker, cue="repeats an earlier quotation",
                                   speaker_is_group=earlier.speaker_is_group,
                                   confidence=min(earlier.confidence, confidence_of(earlier.speaker, "repeats an earlier quotation")))
        elif quote.speaker and key not in said:
            said[key] = quote
    return found


def written_quotes(article: ParsedArticle, limit: int = 5) -> list[FoundQuote]:
    """Self-contained opinion sentences of an opinion piece's author ("who wrote this?")."""
    if not (article.is_opinion and article.author):
        return []
    chosen = []
    for paragraph in article.paragraphs:
        for match in re.finditer(r"[^.!?]+(?:[.!?]|$)", paragraph.text):  # linear: no rescans
            sentence = match.group(0).strip()
            if not sentence.endswith((".", "!", "?")):
                continue
            start = paragraph.text.index(sentence, match.start())
            words = sentence.split()
            if not 12 <= len(words) <= 40:
                continue
            if re.search(r"[\"“”‘]|(?:^|\s)'", sentence) or words[0].lower().strip(",") in CONTEXT_OPENERS:
                continue
            if not OPINION_CUES.search(sentence):
                continue
            chosen.append(
                FoundQuote(
                    text=sentence,
                    start=paragraph.start + start,
                    end=paragraph.start + start + len(sentence),
                    paragraph_index=paragraph.index,
                    speaker=article.author,
                    kind="written",
                    cue="the author's own words",
                    confidence=1.0,
                )
            )
    # Spread the picks over the article rather than taking its opening.
    if len(chosen) > limit:
        step = len(chosen) / limit
        chosen = [chosen[int(i * step)] for i in range(limit)]
    return chosen
