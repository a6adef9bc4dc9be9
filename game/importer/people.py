"""Who is who across the articles of one import: names, titles, roles and genders.

`PeopleIndex` is built from every article of the import (and any known people, such as a
debate pack's speakers), then answers "who is 'Mr Porter'?", "who is 'the Health Secretary'?".
It answers None whenever two people would fit: a wrong name is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .names import EITHER, FEMALE, MALE, NOT_NAMES, ORG_WORDS, SPEECH_VERBS, TITLES, gender_of_title
from .types import KnownPerson

# A capitalised name word: "Porter", "Hollis-Grant", "MacLeod", "McDonald", "O'Brien".
# Letters are Unicode: Latin-1 and Latin Extended-A and B (Ś, Ł, Ó, Ø, É, ñ, ğ ...).
_EXTENDED = [chr(code) for code in range(0x100, 0x250)]
UPPER = "A-ZÀ-ÖØ-Þ" + "".join(c for c in _EXTENDED if c.isupper())
LOWER = "a-zß-öø-ÿ" + "".join(c for c in _EXTENDED if c.islower())
CAP = (rf"(?:[{UPPER}]['’])?[{UPPER}][{LOWER}]+(?:[{UPPER}][{LOWER}]+)?(?:-(?:[{UPPER}]['’])?[{UPPER}][{LOWER}]+)?"  # Murphy-O'Connor
       rf"(?:-(?!based\b|born\b|led\b|run\b|owned\b|backed\b|funded\b|style\b|era\b|made\b|like\b)[{LOWER}]+)?")  # Ban Ki-moon
TITLE_RE = (r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Baroness|Cllr|Councillor|Councilmember|"
            r"Councilwoman|Councilman|Mayor|Rev|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Cmdr)\.?")
# A run of capitalised words, optionally after a title: "Dr Dan Poulter", "Mr Hunt", "Mark Porter".
NAME_RUN = re.compile(rf"\b(?:(?P<title>{TITLE_RE})\s+)?(?P<words>{CAP}(?:\s+(?:{CAP}|[A-Z]\.))*(?:\s+{CAP})?)")
ROLE_NOUNS = (
    r"secretary|chairman|chairwoman|chair|minister|leader|spokesman|spokeswoman|spokesperson|MP|"
    r"councillor|chief|president|director|head|editor|correspondent|officer|mayor|governor|"
    r"professor|consultant|chancellor|founder|executive|adviser|advisor|commissioner|general secretary|"
    r"cabinet member|portfolio holder|councilmember|speaker|candidate|nominee|senator|front-runner|frontrunner|"
    r"cardinal|archbishop|bishop"
)
NAME_STOP_WORDS = {
    "the", "a", "an", "of", "for", "and", "at", "in", "on", "to", "from", "by", "with", "into", "near", "as",
    "told", "said", "says", "via", "across", "around", "outside", "inside", "under", "over", "about",
}
SPELT_OUT = re.compile(r"(?P<name>(?:[A-Z][\w'’&-]*\s+(?:(?:of|for|and|on|the|in)\s+)*){1,7}[A-Z][\w'’&-]*)\s+\((?P<short>[A-Z]{2,6})\)")
POSSESSIVE_WORDS = {"his", "her", "their", "its", "our", "my", "your", "new", "this", "that", "every", "each", "no"}
ROLE_BLOCKERS = {"shadow", "former", "deputy", "vice", "assistant", "acting", "ex", "junior", "interim"}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("’", "'")).strip().lower()


def strip_possessive(word: str) -> str:
    return re.sub(r"['’]s?$", "", word)


def gender_of_first_name(first: str) -> str | None:
    from .mentions import gender_of_given_name

    first = first.lower()
    if first in EITHER:
        return None
    if first in FEMALE:
        return "f"
    if first in MALE:
        return "m"
    return gender_of_given_name(first)


def normalise_role(role: str) -> str:
    words = norm(role).split()
    while words and (words[0] in {"the", "a", "an"} or words[0].endswith("'s")):
        words = words[1:]
    return " ".join(words)


@dataclass
class Person:
    full_name: str
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)

    @property
    def surname(self) -> str:
        return self.full_name.split()[-1]


@dataclass
class PeopleIndex:
    people: dict[str, Person] = field(default_factory=dict)
    lone: dict[str, Person] = field(default_factory=dict)  # known only by a surname: never resolved to
    common_words: set[str] = field(default_factory=set)  # words the articles write in lower case ("when", "what")
    # Capitalised words the articles write inside a sentence, not only at its start ("Netanyahu").
    names_inside_sentences: set[str] = field(default_factory=set)
    # Initials the articles spell out: "the Department for Constitutional Affairs (DCA)".
    acronyms: dict[str, str] = field(default_factory=dict)
    _resolved: dict[str, Person | None] = field(default_factory=dict, repr=False)

    # --- building -------------------------------------------------------------------------

    def add(self, full_name: str, *, gender: str | None = None) -> Person:
        full_name = " ".join(strip_possessive(word) for word in full_name.split())
        person = self.people.get(full_name)
        if person is None:
            self._resolved.clear()
            person = self.people[full_name] = Person(full_name, gender or gender_of_first_name(full_name.split()[0]))
        elif gender and not person.gender:
            person.gender = gender
        return person

    def add_known(self, known: KnownPerson) -> None:
        person = self.add(known.full_name)
        for alias in known.aliases:
            alias_norm = norm(alias)
            if alias_norm.startswith(("the ", "a ")) or any(w in alias_norm.split() for w in ("secretary", "chairman")):
                person.roles.add(normalise_role(alias))
            person.aliases.add(alias_norm)
            person.gender = person.gender or gender_of_title(alias_norm.split()[0])
        if known.role:
            person.roles.add(normalise_role(known.role))

    def learn_from_text(self, text: str) -> None:
        """Find people, their genders (from titles) and their roles (from appositives)."""
        for match in NAME_RUN.finditer(text):
            title = (match.group("title") or "").rstrip(".").lower()
            words = [strip_possessive(w) for w in match.group("words").split()]
            titled = self._after_a_title_in_capitals(words)
            if titled:  # "Justice Minister Cathy Jamieson", "Culture Secretary Tessa Jowell"
                role, name = titled
                person = self.add(name)
                person.roles.add(role)
                if " " in role:
                    person.roles.add(role.split()[-1])
                continue
            words = self._trim_non_name_words(words)
            if not words:
                continue
            if len(words) >= 2 and (gender_of_first_name(words[0]) or words[0].lower() in EITHER or title):
                if words[0].lower() in NOT_NAMES:
                    continue
                name = " ".join(words[:3])
                person = self.add(name, gender=gender_of_title(title))
                self._learn_role_before(text, match.start(), person)
                self._learn_role_after(text, match.end(), person)
        # A capitalised pair that speaks or carries an appositive is a person even when the
        # given name is not in our lists: "Mick Tanner, general secretary of the RMT, said".
        for match in re.finditer(
            rf"\b({CAP}(?:\s+(?:{CAP}|[A-Z]\.)){{1,2}})(?=,\s+(?:\d+,\s+)?(?:who|the|a|an|general|chief|head|leader|[a-z]+ (?:of|for))\b|\s+(?:{SPEECH_VERBS})\b)",
            text,
        ):
            words = [strip_possessive(w) for w in match.group(1).split()]
            preceding = text[max(0, match.start() - 5) : match.start()].lower()
            if re.search(r"\b(?:of|the|for|and)\s+$", preceding):
                continue  # "the National Association of Head Teachers said": an organisation
            while words and (words[0].lower() in NOT_NAMES or re.fullmatch(rf"(?i:{ROLE_NOUNS})", words[0])):
                words = words[1:]  # "Islander Ruaridh O'Neill", "Speaker John Bercow": a description, then the name
            if len(words) >= 2 and all(w.lower() not in NOT_NAMES and w not in ORG_WORDS for w in words):
                person = self.add(" ".join(words))
                self._learn_role_before(text, match.start(), person)
                self._learn_role_after(text, match.end(), person)
        # A capitalised pair after a lower-case description is a name: "spinner Rehan Ahmed",
        # "defended adviser Jo Bloggs" (not after "the", "of", "in" ...: those are places and bodies).
        for match in re.finditer(rf"\b([a-z][a-z-]+)\s+({CAP}\s+{CAP})\b(?!\s+[A-Z])", text):
            if match.group(1) in NAME_STOP_WORDS or match.group(1) in POSSESSIVE_WORDS:
                continue  # ("her Criminal Justice Plan": a title, not a name)
            words = [strip_possessive(w) for w in match.group(2).split()]
            if all(w.lower() not in NOT_NAMES and w not in ORG_WORDS for w in words):
                self.add(" ".join(words))
        # "Gerry Conlon ... Mr Conlon": a capitalised pair whose surname the article gives a title is a
        # person, even when the given name is not in our lists (the one pair of that surname, if one).
        looked_for = set()  # (each surname once: "Mr Hunt" a thousand times is one search)
        for match in re.finditer(rf"\b(Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s+({CAP})", text):
            surname = strip_possessive(match.group(2))
            if surname in looked_for or surname.lower() in NOT_NAMES or self.by_surname(surname) is not None:
                continue
            looked_for.add(surname)
            given = {pair.group(1) for pair in re.finditer(rf"\b({CAP})\s+{re.escape(surname)}\b", text)
                     if pair.group(1).lower() not in NOT_NAMES and pair.group(1) not in ORG_WORDS
                     and not re.fullmatch(rf"(?:{TITLE_RE})", pair.group(1))
                     and not re.fullmatch(rf"(?i:{ROLE_NOUNS})", pair.group(1))}
            if len(given) == 1:
                self.add(f"{given.pop()} {surname}", gender=gender_of_title(match.group(1)))
        # "Mr Hunt" tells us Hunt's gender once we know who Hunt is.
        for match in re.finditer(rf"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.?\s+({CAP})", text):
            person = self.by_surname(strip_possessive(match.group(2)))
            if person and not person.gender:
                person.gender = gender_of_title(match.group(1))

    @staticmethod
    def _after_a_title_in_capitals(words: list[str]) -> tuple[str, str] | None:
        """("justice minister", "Cathy Jamieson") for a run of capitalised words that is a role, then
        a given name and a surname; None otherwise."""
        last_role = max((i for i, w in enumerate(words) if re.fullmatch(rf"(?i:{ROLE_NOUNS})", w)), default=-1)
        name = words[last_role + 1:]
        if last_role < 0 or not 2 <= len(name) <= 3 or not (gender_of_first_name(name[0]) or name[0].lower() in EITHER):
            return None
        if any(w.lower() in NOT_NAMES for w in name):
            return None
        return " ".join(words[: last_role + 1]).lower(), " ".join(name)

    @staticmethod
    def _trim_non_name_words(words: list[str]) -> list[str]:
        # "Conservative Dr Dan Poulter" arrives as words after the title; "Labour's Heidi" etc.
        while words and words[0].lower() in NOT_NAMES and not gender_of_first_name(words[0]):
            words = words[1:]
        cut = next((i for i, w in enumerate(words) if w.lower() in NOT_NAMES and i > 0), len(words))
        return words[:cut]

    def _learn_role_before(self, text: str, start: int, person: Person) -> None:
        before = text[max(0, start - 90) : start]
        # "The council's planning chair, Cllr David Mensah": an appositive before the name.
        if re.search(r",\s*$", before):
            before = before.rstrip().rstrip(",")
        before = re.split(r"[,.;:()\"“”]|\b(?:to|by|with|and|from|for|at|on|in|said|told|urged|wrote)\b(?! [A-Z])", before)[-1]
        words = before.split()
        if not words:
            return
        role = normalise_role(" ".join(words[-7:]))
        head = re.sub(r"\s+of\s+.*$", "", role)
        if role and re.search(rf"\b(?:{ROLE_NOUNS})s?$", head, re.IGNORECASE):
            person.roles.add(role.lower())
            if head != role:
                person.roles.add(head.lower())

    def _learn_role_after(self, text: str, end: int, person: Person) -> None:
        match = re.match(r",\s+(?:the\s+|a\s+|an\s+)?([^,.;]{3,80})[,.;]", text[end : end + 100])
        if match and re.search(rf"\b(?:{ROLE_NOUNS})\b", match.group(1), re.IGNORECASE):
            role = normalise_role(match.group(1))
            person.roles.add(role)
            head = re.match(rf"^(.*?\b(?:{ROLE_NOUNS}))\b", role)
            if head:
                person.roles.add(head.group(1))

    # --- answering ------------------------------------------------------------------------

    def by_full_name(self, name: str) -> Person | None:
        name = " ".join(strip_possessive(w) for w in name.split())
        if name in self.people:
            return self.people[name]
        lowered = norm(name)
        matches = [p for p in self.people.values() if norm(p.full_name) == lowered or lowered in p.aliases]
        return matches[0] if len(matches) == 1 else None

    def lone_surname(self, surname: str, *, title_gender: str | None = None) -> Person | None:
        """A person known only by a surname ("Schumer said", "Ms Alexander" with title_gender "f"), or None
        for a word that names no one."""
        from .mentions import PLACE_AND_TIME

        surname = strip_possessive(surname)
        if (surname.lower() in NOT_NAMES or surname.lower() in PLACE_AND_TIME or surname in ORG_WORDS
                or surname.lower() in self.common_words or not re.fullmatch(CAP, surname)):
            return None
        if surname not in self.lone:
            # A lone given name ("Melanie said") is known by it, and says whether she is "he" or "she";
            # after a title ("Ms Alexander") the word is a surname and the title says.
            self.lone[surname] = Person(surname, title_gender or gender_of_first_name(surname))
        elif title_gender:
            self.lone[surname].gender = title_gender  # a title says more than a given name's usual gender
        return self.lone[surname]

    def by_surname(self, surname: str) -> Person | None:
        surname = strip_possessive(surname)
        matches = [p for p in self.people.values() if p.surname == surname and len(p.full_name.split()) > 1]
        return matches[0] if len(matches) == 1 else None

    def by_role(self, role: str) -> Person | None:
        wanted = normalise_role(role)
        if not wanted:
            return None
        matches = [p for p in self.people.values() if any(self._role_matches(r, wanted) for r in p.roles)]
        alias_matches = [p for p in self.people.values() if norm(role) in p.aliases or f"the {wanted}" in p.aliases]
        found = {p.full_name: p for p in matches + alias_matches}
        return next(iter(found.values())) if len(found) == 1 else None

    @staticmethod
    def _role_matches(known: str, wanted: str) -> bool:
        if known == wanted:
            return True
        known_words, wanted_words = known.split(), wanted.split()
        if len(known_words) > len(wanted_words) and known_words[-len(wanted_words) :] == wanted_words:
            extra = known_words[: -len(wanted_words)]
            return not (set(extra) & ROLE_BLOCKERS)
        if known.startswith(wanted + " of "):
            return True
        return False

    def resolve_name(self, phrase: str) -> Person | None:
        """A name as written: "Jeremy Hunt", "Mr Hunt", "Dr Dan Poulter", "Hunt" (remembered until the
        index learns someone new, so an article that names the same people thousands of times stays linear)."""
        if phrase in self._resolved:
            return self._resolved[phrase]
        person = self._resolve_name(phrase)
        self._resolved[phrase] = person
        return person

    def _resolve_name(self, phrase: str) -> Person | None:
        words = [strip_possessive(w) for w in phrase.replace(".", "").split()]
        while len(words) > 1 and words[0].lower() in NOT_NAMES and words[0].lower() not in TITLES:
            words = words[1:]  # "Islander Ruaridh O'Neill", "Opposition leader ..."
        if words and words[0].lower() in TITLES:
            title, words = words[0].lower(), words[1:]
        else:
            title = ""
        if not words:
            return None
        if len(words) >= 2:
            person = self.by_full_name(" ".join(words))
            if person:
                return person
        person = self.by_surname(words[-1])
        if person and title:
            wanted = gender_of_title(title)
            if wanted and person.gender and person.gender != wanted:
                return None
        return person


GENDERED_WORDS = {"m": r"he|his|him|himself|spokesman|chairman|congressman|husband|father|son|brother|Mr|Sir|Lord",
                  "f": r"she|her|hers|herself|spokeswoman|chairwoman|congresswoman|wife|mother|daughter|sister|Mrs|Ms|Miss|Dame|Lady"}


def learn_genders(index: PeopleIndex, texts: list[str]) -> None:
    """A person of unknown gender takes the one the article's own words give them: a sentence that
    names them and no one else, and speaks of them as "he" or "she" (never both), is a vote; the
    gender is set when the votes agree."""
    unknown = [p for p in index.people.values() if p.gender is None]
    if not unknown:
        return
    votes: dict[str, set[str]] = {}
    surnames = {p.surname: p for p in index.people.values()}
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+", re.sub(r'[“"][^”"]*[”"]', " ", text)):
            named = {surnames[w].full_name for w in re.findall(r"[^\W\d_][\w'’-]*", sentence) if w in surnames}
            if len(named) != 1:
                continue
            person = index.people[next(iter(named))]
            if person.gender is not None:
                continue
            said = {g for g, words in GENDERED_WORDS.items() if re.search(rf"\b(?:{words})\b", sentence)}
            if len(said) == 1:
                votes.setdefault(person.full_name, set()).update(said)
    for name, genders in votes.items():
        if len(genders) == 1:
            index.people[name].gender = next(iter(genders))


def people_index_build(texts: list[str], known_people=()) -> PeopleIndex:
    index = PeopleIndex()
    for known in known_people:
        index.add_known(known)
    for text in texts:
        index.learn_from_text(text)
        index.common_words.update(re.findall(r"\b[a-z][a-z'’-]+\b", text))
        index.names_inside_sentences.update(re.findall(r"(?<=[a-z,;] )[A-Z][\w'’-]+", text))
        for match in SPELT_OUT.finditer(text):
            words = match.group("name").split()
            while words and words[0] in ("The", "A", "An"):
                words = words[1:]
            initials = "".join(w[0] for w in words if w[:1].isupper())
            if initials == match.group("short") or initials.replace("A", "", 1) == match.group("short"):
                index.acronyms.setdefault(match.group("short"), " ".join(words))
    learn_genders(index, texts)
    index._resolved.clear()  # genders learnt while building change who "Mr Hunt" can be
    return index
