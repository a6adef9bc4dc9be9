"""Stage 5: who said a quotation, read from the words around it in its paragraph.

The rules, in the order they are tried for each quotation:

1. After the quote: `"...," he said` / `"...," said Mr Porter` / `"...", the Health Secretary has claimed`.
2. Before it, in the same sentence: `X said: "..."`, `X told Murnaghan on Sky News: "..."`,
   `His letter said: "..."`, `according to X, "..."`, `he wrote to Y, saying: "..."` (a participle's
   speaker is the subject of the main clause).
3. A sentence that opens with its speaker and a speech verb: `Mr Porter responded ..., calling on
   ... as a settlement "cannot take place ..."`.

`Attributor` keeps what the article has said so far (who its sentences were about, whom it named),
so that "he", "she", "the union" and "the culture secretary" can be read as a reader reads them.
Names are resolved with `PeopleIndex` over every article of the import. Whenever two people would
fit, the speaker stays None: a wrong name is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


from .cues import (AFTER_BODY_FINDS, BODY_FINDS, GOVERNMENT_BODY, LORD, ACCORDING_TO, ADVERBS, AFTER_VERB_WHO, AFTER_WHO_VERB, CHARACTERISING, GROUP, GROUP_OF,
                   INVERTED_LEFT, LEADING_CLAUSE, MEMBER_OF, NAME, NAMED_BODY, NAMED_UNION, ACRONYM, ORG_SUBJECT,
                   PARTICIPLE_SUBJECT, PHRASE_NOT_FIRST, PHRASE_VERB, POSSESSIVE_SOURCE, PRONOUN_GENDER,
                   REPORTED_AT_END, ROLE_READING, SENTENCE_OPENERS, SHORT_ATTRIBUTION, SIGNED_BY, SPOKES,
                   SUBJECT_PHRASE, TITLED, TRAILING_ATTRIBUTION, VERB_PHRASE, WHO, BODY_FIRST_WORDS, GroupName,
                   blank_quotes, group_words, lone, plain_text, without_asides)
from .bodies import (DOCUMENT, NAMED_COMMITTEE, NAMED_COURT, REFERRING_BODY, REFERRING_COURT, committee_name, committees_in, court_name,
                     courts_in, report_author_in, same_body)
from .mentions import known_given_name, phrase_head
from .names import GROUP_SUBJECTS, NOT_NAMES, ORG_WORDS, PARTICIPLES, SPEECH_VERBS, gender_of_title
from .people import CAP, TITLE_RE, PeopleIndex, Person, norm, normalise_role
from .quotations import QuotedRanges, Span, sentence_bounds, sentences_of
from .types import ParsedArticle


# A clause with a subject of its own after the sentence's: "..., but Christie wasn't having it."
LATER_CLAUSE = re.compile(rf"(?:,|;)\s+(?:but|and|while|yet|so|whereas)\s+(?P<who>{NAME})\s+"
                          rf"(?:[a-z]+ly\s+)?(?:(?:has|had|was|is|did|does|would|will|could)(?:n['’]t)?\s+)?[a-z]+")
# "A spokesman for the Conservatives" is a Conservative spokesman.
PARTY_SINGULAR = {"Conservatives": "Conservative", "Tories": "Tory", "Liberal Democrats": "Liberal Democrat",
                  "Lib Dems": "Lib Dem", "Democrats": "Democratic", "Republicans": "Republican", "Greens": "Green"}


@dataclass
class Subject:
    """Who a sentence was about, for resolving "he" and "she" later."""

    person: Person | None
    gender: str | None  # of the reference when the person is unknown ("the chairman": None)
    paragraph: int = -1  # where the article spoke of them
    label: str | None = None  # an unnamed spokesperson ("Labour spokesman"), whom "he" or "she" may mean
    named_before: int = 0  # how many people the article had named by then


@dataclass
class ArticleState:
    subjects: list[Subject] = field(default_factory=list)
    last_org: str | None = None
    last_org_paragraph: int = -10
    last_union: str | None = None  # the union last named, for "the union said"
    last_union_paragraph: int = -10
    committees: list[str] = field(default_factory=list)  # committees and commissions named so far, for "the committee"
    report_authors: list[str] = field(default_factory=list)  # "a report by the Electoral Commission", for "the report"
    courts: list[str] = field(default_factory=list)  # courts named so far
    court_spoken_of: str | None = None  # the court a sentence was last about, for "the court"
    headline_person: Person | None = None
    groups: list[str] = field(default_factory=list)  # groups introduced so far ("a group of cross-party MPs")
    mentions: list[Person] = field(default_factory=list)  # everyone named so far, in order
    named: dict[int, set[str]] = field(default_factory=dict)  # paragraph index -> who it names (in words)


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
        self.titled_surnames: dict[str, set[str]] = {}  # role -> surnames the article writes it before
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
            return (f"{self.spoken_for(org)} {spokes.group('noun')}" if org else None), True
        if re.fullmatch(GOVERNMENT_BODY, who):
            return GroupName.of(who), True
        if re.fullmatch(LORD, who) or (TITLED.fullmatch(who) and self.attributing):
            # "Lord Nicholls of Birkenhead", "Lord Bach": a peer known by title, or a surname with a
            # title and no one of that name known in full (never sure).
            titled = re.match(rf"(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady|Baroness)\.?\s+({CAP})", who)
            person = self.people.resolve_name(f"{titled.group(1)} {titled.group(2)}")
            if person is None:
                person = self.people.lone_surname(titled.group(2), title_gender=gender_of_title(titled.group(1)))
            return person, person is not None
        if re.fullmatch(ACRONYM, who):
            return GroupName.of(who), True
        if re.fullmatch(GROUP_OF, who) or (
            (re.fullmatch(NAMED_BODY, who) or re.fullmatch(NAMED_UNION, who)) and first not in BODY_FIRST_WORDS
        ):
            return GroupName.of(who), True
        if re.fullmatch(NAMED_COMMITTEE, who) and (committee := committee_name(who)):
            return GroupName(committee), True
        if court := court_name(who):
            return GroupName(court), True
        if re.fullmatch(REFERRING_COURT, who):
            court = self.state.court_spoken_of or (self.state.courts[0] if len(self.state.courts) == 1 else None)
            return (GroupName(court) if court else None), True
        if re.fullmatch(REFERRING_BODY, who) or re.fullmatch(DOCUMENT, who):
            return self.body_meant(who), True
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

    def spoken_for(self, org: str) -> str:
        """Whom a spokesperson speaks for, as a label: "the DCA" spelt out where the articles define it
        ("Department for Constitutional Affairs"), a person's ("Tony Blair's"), a party in the singular
        ("the Conservatives" -> "Conservative")."""
        org = re.sub(r"^(?:the|The)\s+", "", org.strip())
        if org in self.people.acronyms:
            return self.people.acronyms[org]
        person = self.people.resolve_name(org) if re.match(rf"(?:{TITLE_RE}\s+)?{CAP}", org) else None
        if isinstance(person, Person) and " " in person.full_name and org not in PARTY_SINGULAR:
            return f"{person.full_name}'s"
        return PARTY_SINGULAR.get(org, org)

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
        wanted = normalise_role(who)
        if last.roles and not any(self.people._role_matches(role, wanted) or wanted.split()[-1] in role.split()
                                  for role in last.roles):
            return None  # "reporter Oliver Finegold": not "the mayor"
        if self.role_titles_another(wanted, last):
            return None  # "Cardinal Cormac Murphy-O'Connor" ... "Dr Rowan Williams": "the Cardinal" is not Dr Williams
        self.by_pronoun = True
        return last

    def role_titles_another(self, role: str, person: Person) -> bool:
        """Does the article write the role as the title of someone else ("Cardinal Cormac Murphy-O'Connor",
        "Foreign Secretary Jack Straw")?"""
        if role not in self.titled_surnames:  # (read once per role: the article's text does not change)
            title = r"\s+".join(re.escape(word[:1].upper() + word[1:]) for word in role.split())
            self.titled_surnames[role] = {re.sub(r"['’]s$", "", match.group(1).split()[-1]) for match in
                                          re.finditer(rf"\b{title}\s+((?:{CAP}\s+){{0,2}}{CAP})", self.article.body)}
        return bool(self.titled_surnames[role] - {person.surname})

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

    def body_meant(self, who: str) -> GroupName | None:
        """The body "the committee", "the commission" or "the report" means: the only one of its kind
        the article has named (a report's author, or else its only committee or commission)."""
        committees = self.state.committees
        if re.fullmatch(REFERRING_BODY, who):
            kind = who.split()[-1].lower()
            committees = [name for name in committees if name.split()[-1].lower() == kind]
            return GroupName(committees[0]) if len(committees) == 1 else None
        if re.match(r"(?i)the\s+(committee|commission)['’]s", who):
            return self.body_meant(re.sub(r"['’]s\s.*$", "", who))
        authors = self.state.report_authors
        if authors:
            return GroupName(authors[0]) if len(authors) == 1 else None
        return GroupName(committees[0]) if len(committees) == 1 else None

    def note_bodies(self, sentence: str, opened: str) -> None:
        for name in courts_in(sentence):
            if name not in self.state.courts:
                self.state.courts.append(name)
        opening = re.match(NAMED_COURT, opened)
        if opening and (court := court_name(opening.group(0))):
            self.state.court_spoken_of = court  # "The Court of Session is the highest ..."
        for name in committees_in(sentence):
            if not same_body(name, self.state.committees):
                self.state.committees.append(name)
        author = report_author_in(sentence)
        if author and not same_body(author, self.state.report_authors):
            self.state.report_authors.append(author)

    def group_named_before(self, who: str) -> GroupName | None:
        words = set(group_words(who)) - {"the"}
        if not who.lower().startswith("the ") or len(words) < 2:
            return None
        fits = {group for group in self.state.groups if words <= set(group_words(group))}
        return GroupName(next(iter(fits))) if len(fits) == 1 else None

    def pronoun(self, pronoun: str):
        gender = "m" if pronoun == "he" else "f"
        person = self._pronoun_subject(gender)
        if person is None:
            return None
        if isinstance(person, Subject):  # a spokesperson: nobody of that gender named since
            since = self.state.mentions[person.named_before:]
            if any(" " in other.full_name and other.gender in (gender, None) for other in since):
                return None
            self.by_pronoun = True
            return person.label
        # Someone else "he" could mean, named since: nobody is guessed.
        for other in reversed(self.state.mentions[-12:]):
            if other is person or other.full_name == person.full_name:
                break
            if " " in other.full_name and (other.gender == gender or (
                    other.gender is None and known_given_name(other.full_name.split()[0]))):
                return None  # (a body taken for a person, "Migration Watch", is no rival)
        if self.paragraph >= 0 and not any(person.full_name in self.state.named.get(index, ())
                                           for index in (self.paragraph, self.paragraph - 1)):
            return None  # named two paragraphs back or more: "he" may have moved on, and nobody is guessed
        self.by_pronoun = True  # a reading of the article: sure only when the paragraph named them at a quotation
        return person

    def pronoun_only(self, pronoun: str) -> Person | None:
        """Whom "he" or "she" means at this point of the article (for the ranker's candidates)."""
        saved = self.by_pronoun
        try:
            return self.pronoun("he" if pronoun == "he" else "she")
        finally:
            self.by_pronoun = saved

    def note_named(self, person: Person, paragraph_index: int) -> None:
        self.state.named.setdefault(paragraph_index, set()).add(person.full_name)

    def note_speaker(self, person: Person) -> None:
        self.state.subjects.append(Subject(person, person.gender, self.paragraph))
        self.state.mentions.append(person)

    def _pronoun_subject(self, gender: str):
        for subject in reversed(self.state.subjects[-6:]):
            if subject.person is not None and subject.person.surname in ORG_WORDS:
                continue  # "Peabody Energy" is no "he"
            if subject.label is not None:
                if subject.gender == gender:
                    return subject
                if subject.gender is None:
                    return None  # "a spokesperson": "he" or "she" may mean them
                continue
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
        for sentence in sentences_of(text):
            opened = SENTENCE_OPENERS.sub("", sentence.strip().lstrip("\"”“'’.,;:!? ").strip())
            # "Appearing on BBC Radio 4's Today programme, Mr Malik ...": a leading clause is not the subject.
            unclaused = LEADING_CLAUSE.sub("", opened, count=1)
            if unclaused != opened and re.match(WHO, unclaused):
                opened = unclaused
            match = re.match(rf"{WHO}", opened)
            if not match and (theirs := re.match(rf"(?:His|Her|Their|Its|Our)\s+(?:[\w'’-]+\s+){{0,5}}?[\w'’-]+,\s+(?P<who>{NAME}),",
                                                 opened)):
                match = theirs  # "His campaign manager, Jeff Weaver, said ...": the name in apposition
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
                # "Our deputy head, Marcus Bell, put it best": the first name near the start (not one after
                # the sentence's verb, nor a possessive: "The shadow chancellor said Mr Brown's rule ...").
                for name in re.finditer(NAME, opened[:70]):
                    before = opened[: name.start()].rstrip()
                    if name.group(0).lower() in NOT_NAMES:
                        continue  # ("released Thursday, Rep. Hakeem Jeffries ...")
                    if re.search(rf"\b(?:{SPEECH_VERBS})\b", before) or re.search(
                            r"\b(?:with|and|to|by|from|against|than|met|[a-z]{3,}ed)\b", before.split(",")[-1]):
                        break  # (not "Bob met with Stevens ...": a name after the verb is no subject)
                    if opened[name.end():name.end() + 2] in ("'s", "’s"):
                        continue
                    found = self.people.resolve_name(name.group(0))
                    if not found and self.looks_like_a_name(name.group(0)) and not re.search(
                        r"\b(?:of|the|for|and|at|in|on|to|from|by)$", before, re.IGNORECASE
                    ):
                        # "England's head coach, Brendon McCullum, agreed.": a new name is the subject.
                        found = self.people.add(name.group(0))
                    if found:
                        speaker, understood = found, True
                        break
            if isinstance(speaker, str) and not isinstance(speaker, Person) and understood and match and \
                    re.match(SPOKES, match.group("who")):
                # "A Labour spokesman denied the campaign was anti-Semitic. "...," he said.": the spokesman.
                noun = re.match(SPOKES, match.group("who")).group("noun")
                gender = {"spokesman": "m", "spokeswoman": "f"}.get(noun)
                self.state.subjects.append(Subject(None, gender, paragraph_index, label=speaker,
                                                   named_before=len(self.state.mentions)))
            if isinstance(speaker, Person):
                self.state.subjects.append(Subject(speaker, speaker.gender, paragraph_index))
                if not pronoun_subject:  # ("The minister told delegates ...": named, by her role)
                    self.note_named(speaker, paragraph_index)
                # (Only once the sentence is over: its own "he" is already its subject.)
                rival = self.rival_in(opened, speaker) if sentence.rstrip().endswith((".", "!", "?")) else None
                if rival:  # "Jane Roe met Ann Smith." Then "she" could be either: nobody is guessed.
                    self.state.subjects.append(Subject(None, rival))
            elif match and not understood and (
                re.match(r"(?:[Tt]he)\s", match.group("who")) or self.looks_like_a_name(match.group("who"))
            ):
                # Someone we cannot identify is the subject: "he" or "she" next may mean them.
                self.state.subjects.append(Subject(None, None))
            elif match and not understood and (titled := TITLED.search(SUBJECT_PHRASE.match(plain_text(opened)).group("who")
                                                                       if SUBJECT_PHRASE.match(plain_text(opened)) else match.group("who"))):
                # "Lady Boothroyd said ...", "Tory peer Lord Tebbit said ...", and no one of that name is known
                # in full: "she" or "he" next means her or him, known by the surname the article gives.
                gender = gender_of_title(titled.group(1))
                surname = titled.group(2)
                person = self.people.lone_surname(surname, title_gender=gender)
                if person is not None:
                    self.state.subjects.append(Subject(person, gender, paragraph_index))
                    self.state.mentions.append(person)
                    self.note_named(person, paragraph_index)
                else:
                    self.state.subjects.append(Subject(None, gender))
            elif match and not understood and self.unknown_surname(match.group("who"), opened[match.end():]):
                # "Sanders stepped up his emphasis ...", and no Sanders is known in full: "he" next may mean
                # him, not someone named before.
                self.state.subjects.append(Subject(None, None))
            later = list(LATER_CLAUSE.finditer(opened))
            if later and sentence.rstrip().endswith((".", "!", "?", ":")):
                # "The moderators were ready to move on, but Christie wasn't having it.": the last clause's
                # subject is whom "he" means next.
                clause_subject, _ = self.resolve(later[-1].group("who"), paragraph_index)
                if isinstance(clause_subject, Person):
                    self.state.subjects.append(Subject(clause_subject, clause_subject.gender, paragraph_index))
                    self.state.mentions.append(clause_subject)
                    self.note_named(clause_subject, paragraph_index)
                elif clause_subject is None:
                    self.state.subjects.append(Subject(None, None))
            for group in re.finditer(GROUP_OF, sentence):
                name = GroupName.of(group.group(0))
                if name not in self.state.groups:
                    self.state.groups.append(name)
            self.note_bodies(sentence, opened)
            union = list(re.finditer(NAMED_UNION, sentence))
            if union and union[-1].group(0).split()[0].lower() != "union":
                self.state.last_union, self.state.last_union_paragraph = union[-1].group(0), paragraph_index
            tail = opened.rstrip()[-120:]
            reported = REPORTED_AT_END[0].search(tail) or REPORTED_AT_END[1].search(tail)
            if reported:  # "..., Prof Lovenduski said.": the one who spoke is who "she" means next
                person, _ = self.resolve(reported.group("who"), paragraph_index)
                if isinstance(person, Person):
                    self.state.subjects.append(Subject(person, person.gender, paragraph_index))
                    if reported.group("who").split()[0].lower() not in {"he", "she", "they"}:
                        self.note_named(person, paragraph_index)
            for name in re.finditer(NAME, opened):  # everyone named, subject or not, for "he" and "she"
                recipient = re.search(r"\bto\s+((?:[\w-]+\s+){0,3})$", opened[: name.start()][-40:])
                if recipient and not re.search(r"\b(?:after|before|when|while|as|and|but|because)\b", recipient.group(1)):
                    continue  # the one written or spoken to ("wrote to Mark Porter") is not the next speaker
                mentioned = self.people.resolve_name(name.group(0))
                if mentioned is not None:
                    self.state.mentions.append(mentioned)
                    self.state.named.setdefault(paragraph_index, set()).add(mentioned.full_name)
            org = ORG_SUBJECT.search(sentence)
            spokes = [m for m in re.finditer(SPOKES, sentence) if (m.group("org") or m.group("org2"))
                      and m.group("noun") != "source"] if "spokes" in sentence else []
            if spokes:
                # "A spokesman for the Home Office said ..." then `"...," said the spokesman.`: the Home Office's.
                self.state.last_org = spokes[-1].group("org") or spokes[-1].group("org2")
                self.state.last_org_paragraph = paragraph_index
            elif org:
                self.state.last_org = org.group("org")
                self.state.last_org_paragraph = paragraph_index
            elif match and re.fullmatch(NAMED_BODY, match.group("who")):
                # "The Association of Chief Police Officers has issued guidance. A spokesman said: ..."
                self.state.last_org = re.sub(r"^[Tt]he\s+", "", match.group("who"))
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
                                         and not SHORT_ATTRIBUTION.match(plain_text(after[:120]))):
            _, sentence_end = sentence_bounds(text, span.close_mark, quoted)
            right = text[span.close_mark + 1 : sentence_end]
            next_open = spans[position + 1].open_mark if position + 1 < len(spans) else -1
            if next_open > span.close_mark:
                right = text[span.close_mark + 1 : min(next_open, sentence_end)]
            for pattern, cue in ((AFTER_WHO_VERB, "after: who verb"), (AFTER_VERB_WHO, "after: verb who"),
                                 (AFTER_BODY_FINDS, "after: who verb")):
                match = pattern.match(right)
                if match:
                    speaker, _ = self.resolve(match.group("who"), paragraph_index)
                    if re.match(r"(?:[Tt]he|[Aa]n?)\s", match.group("who")):
                        # "said the chairman of the committee, Labour MP Barry Sheerman": the name outranks the role.
                        named = self.phrase_after(right, paragraph_index)
                        if named and isinstance(named[0], Person) and phrase_head(
                                (VERB_PHRASE.match(plain_text(right)) or PHRASE_VERB.match(plain_text(right))).group("who")).kind == "name":
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
            # `"a 100% effort" to end the violence, Mr Abbas added.`: the sentence ends with its speaker.
            tail = plain_text(right.rstrip())[-160:]
            at_end = (REPORTED_AT_END[0].search(tail) or REPORTED_AT_END[1].search(tail)) if right_cue is None else None
            if at_end and not re.search(r"[\"“”]", right) and len(right.split()) <= 40:
                speaker, _ = self.resolve(at_end.group("who"), paragraph_index)
                if speaker is not None and not (isinstance(speaker, Person) and lone(speaker)):
                    return speaker, "after: speaker at the sentence's end"
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
        sentence = blank_quotes(sentence)  # `Mr Howard described it as "very important".`
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
        if isinstance(speaker, GroupName) and (re.fullmatch(GOVERNMENT_BODY, who) or re.fullmatch(NAMED_BODY, who)
                                               or committee_name(who)):
            return speaker  # "In a statement, the Cabinet Office said it was reviewing ...": then its words
        return speaker if isinstance(speaker, Person) and not lone(speaker) else None

    def phrase_after(self, right: str, paragraph_index: int):
        """`"...," Florida-based Republican strategist Al Cardenas said` or `"...," said Sen. Chuck
        Schumer (D-N.Y.), referring to ...`: a speaker phrase the patterns above do not spell out."""
        plain = plain_text(right)
        match = PHRASE_VERB.match(plain) or VERB_PHRASE.match(plain)
        if not match:
            # `"..." in sharp contrast to previous elections, says Dante Scala, a political scientist.`
            tail = TRAILING_ATTRIBUTION.search(plain)
            if tail and not re.search(rf"\b(?:{SPEECH_VERBS})\b", plain[: tail.start()]):
                speaker = self.speaker_of_phrase(tail.group("who"), paragraph_index)
                return (speaker, "after: speaker phrase") if isinstance(speaker, Person) and not lone(speaker) else None
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
        left, sentence_left = without_asides(left), without_asides(sentence_left)
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
        inverted = INVERTED_LEFT.search(plain_text(left[-160:]))
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
                    beside = PARTICIPLE_SUBJECT.search(plain_text(left[: verb.start()])[-120:])
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
                    m for m in matches if m and not re.search(r"\b(?:in|of|at|from|for|with|by|to|on|across)\s+(?:the\s+)?$",
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
                    speaker = next((r for r in resolved if isinstance(r, Person) and not lone(r)), None) or next(
                        (r for r in resolved if isinstance(r, Person)), None) or next(
                        (r for r in resolved if r is not None), None)
                    return speaker, "before: who verb"
                if left != sentence_left and len(verbs) == 1:
                    # `Barbara Follet, one of the so-called "Blair Babes" elected in 1997, told researchers: "`
                    whole = blank_quotes(sentence_left)
                    subject = self.sentence_subject(whole, require_verb=False)
                    if subject and len(re.findall(rf"\b(?:{SPEECH_VERBS})\b", whole)) == 1:
                        speaker, _ = self.resolve(subject, paragraph_index)
                        if speaker is not None:
                            return speaker, "before: who verb"
        if left.rstrip().endswith(":") and not verbs and not re.search(r"[\"“”]", left):
            # "In a Fox interview later that day, Trump went even further: “...": the sentence's subject.
            opened = LEADING_CLAUSE.sub("", SENTENCE_OPENERS.sub("", sentence_left.strip()), count=1)
            lead = re.match(rf"(?P<who>{NAME})(?:,\s[^,]{{1,80}},)?\s+(?:[a-z]+\s+){{1,6}}", plain_text(opened))
            person = None
            if lead:
                person = self.people.resolve_name(lead.group("who"))
                if person is None and phrase_head(lead.group("who")).kind == "name":
                    person = self.named_by_phrase(lead.group("who"))  # "Senate Majority Leader Mitch McConnell"
            if isinstance(person, Person):
                return person, "before: colon"
        finding = BODY_FINDS.match(SENTENCE_OPENERS.sub("", sentence_left.strip()))
        if finding and not re.search(rf"\b(?:{SPEECH_VERBS}|{CHARACTERISING})\b", sentence_left[finding.end():]):
            # "The select committee found that ... had been caught up in the "general atmosphere ..."".
            speaker, _ = self.resolve(finding.group("who"), paragraph_index)
            if speaker is not None:
                return speaker, "sentence subject"
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

    def unknown_surname(self, word: str, rest: str) -> bool:
        """A capitalised word the articles also write inside sentences, opening a sentence with a verb
        after it: someone the article names by surname only."""
        return (re.fullmatch(CAP, word) is not None and word.lower() not in NOT_NAMES
                and word in self.people.names_inside_sentences and word.lower() not in self.people.common_words
                and re.match(rf"\s*,|\s+(?:[a-z]+ly\s+)?(?:has\s+|had\s+|is\s+|was\s+)?(?:[a-z]+(?:ed|s)|{SPEECH_VERBS})\b", rest)
                is not None)

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
            phrase = SUBJECT_PHRASE.match(plain_text(opened))
            if phrase and phrase_head(phrase.group("who")).kind == "name":
                return phrase.group("who")
        if match and (require_verb or self.resolve(match.group("who"), 0)[0] is not None):
            return match.group("who")
        if match and match.group("who").split()[0].lower() in {"he", "she", "they"}:
            return match.group("who")  # ("He said Mr Blair had ..., adding: "...": "he", whoever he is, not Mr Blair)
        if not require_verb:
            # "Former England spinner Graeme Swann was less forgiving, saying ...": the first
            # name near the start of the sentence.
            for name in re.finditer(NAME, opened[:70]):
                if self.people.resolve_name(name.group(0)):
                    return name.group(0)
        return match.group("who") if match else None
