"""Stage 4 of the extractor: who a phrase beside a speech verb names.

`phrase_head` reads a speaker phrase as a reader does: "Florida-based Republican strategist Al
Cardenas" is Al Cardenas, "Clark County Sheriff Joe Lombardo" is Joe Lombardo, "Sen. Chuck Schumer
(D-N.Y.)" is Chuck Schumer, "a spokeswoman for the council, Jane Roe" is Jane Roe. It answers what
kind of head it found (a person's name, a surname, a body, a role, a pronoun, or an anonymous
source: "a Nevada Democrat", "one official"), and never a place, a date, an event or a nationality.

Letters are Unicode: a name may hold Ś, Ł, Ó, Ø, É or ñ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .names import EITHER, FEMALE, MALE, NOT_NAMES, ORG_WORDS

# Words that describe a person before their name (dropped: "Sen.", "Sheriff", "strategist").
ROLE_WORDS = set("""
sen senator rep representative gov governor gen general lt col sgt capt adm cmdr pres president vice
secretary minister chancellor chairman chairwoman chair director spokesman spokeswoman spokesperson mayor
judge justice attorney sheriff chief commissioner councilman councilwoman congressman congresswoman
speaker leader whip treasurer deputy assistant acting former ex executive ceo cfo coo founder editor
professor prof dr mr mrs ms miss sir dame lord lady baroness rev reverend father rabbi imam bishop
cardinal archbishop pope king queen prince princess ambassador officer manager adviser advisor analyst
strategist pollster consultant economist lawyer candidate nominee chairperson trustee delegate host
anchor correspondent reporter columnist author historian scientist doctor nurse coach captain
mp mep msp cllr councillor shadow first prime home foreign health education justice interior
state senior junior campaign press communications political national democratic republican
""".split())
# Heads that name nobody in particular.
ANONYMOUS_OPENERS = {"a", "an", "one", "another", "some", "several", "many", "two", "three", "other", "others"}
PLACE_AND_TIME = set("""
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december america american americans britain british england english
scotland scottish wales welsh ireland irish europe european france french germany german china
chinese russia russian washington london york iowa nevada texas florida ohio virginia carolina
hampshire california city county state states united kingdom nation world symposium summit
conference convention festival week weekend day morning evening night
""".split())
EVENTS = {"symposium", "summit", "conference", "convention", "festival", "games", "cup", "awards", "olympics",
          "championship", "election", "referendum", "debate", "rally", "marathon", "week", "day"}
DEMONYM = re.compile(r"(?:ans|ese|is|ish|ers|ites)$")
PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
PARTICLES = {"de", "da", "del", "della", "di", "van", "von", "der", "den", "la", "le", "du", "bin", "al", "ibn", "dos"}
NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’.-]*$")


@dataclass(frozen=True)
class Head:
    kind: str  # "name" (two or more words), "surname", "body", "role", "pronoun", "anonymous", "none"
    text: str = ""


def _is_capitalised(token: str) -> bool:
    if not NAME_TOKEN.match(token) or not token[0].isupper():
        return False
    # "Florida-based", "Texas-born": a description, not a name.
    return not re.search(r"-[a-z]", token) or re.match(r"^[A-Z][a-z]+-[A-Z]", token) is not None


# Someone of a body, not the body: "a Republican National Committee member".
MEMBER_NOUNS = {"member", "members", "official", "officials", "aide", "aides", "staffer", "staffers", "insider",
                "insiders", "operative", "operatives", "source", "sources", "employee", "employees", "worker", "workers"}


def _clean(token: str) -> str:
    return re.sub(r"['’]s$", "", token).strip(",;:")


def phrase_head(phrase: str) -> Head:
    """The head of a speaker phrase: who it names, if anyone."""
    phrase = re.sub(r"\s*\([^()]{0,40}\)", "", phrase)  # "(D-N.Y.)", "(Con)"
    phrase = phrase.strip(" ,;:—–-\u00a0")
    if not phrase:
        return Head("none")
    # "a spokeswoman for the council, Jane Roe": the name in the apposition is the speaker.
    parts = [part.strip() for part in phrase.split(",") if part.strip()]
    if len(parts) > 1:
        tail = phrase_head(parts[-1])
        if tail.kind == "name":
            return tail
        phrase = parts[0]
    tokens = phrase.split()
    first = tokens[0].lower()
    if len(tokens) == 1 and first in PRONOUNS:
        return Head("pronoun", first)
    runs, run = [], []
    for token in tokens:
        word = _clean(token)
        if _is_capitalised(word) or (run and word.lower() in PARTICLES) or re.fullmatch(r"[A-Z]\.", word):
            run.append(word)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    while runs and runs[-1] and runs[-1][-1].lower() in PARTICLES:
        runs[-1].pop()
    runs = [r for r in runs if r]
    if not runs:
        return Head("role", phrase) if re.match(r"(?i)(?:the|his|her|its|their)\s", phrase) else Head("none")
    words = runs[-1]
    if any(w.lower() in EVENTS for w in words):
        return Head("none")  # "the Aspen Symposium": an event says nothing
    if first == "the" and len(words) == 1 and DEMONYM.search(words[0]) and not known_given_name(words[0]):
        return Head("none")  # "the Americans", "the Saudis": a people, not a speaker
    if all(re.fullmatch(r"[A-Z]{2,6}", w) for w in words):
        return Head("body", " ".join(words))  # "the ACU", "CREW"
    if first == "the" and len(runs) == 1 and tokens[1:2] == [runs[0][0]] and not any(
            w.lower().strip(".") in ROLE_WORDS for w in words):
        return Head("body", " ".join(words))  # "the Daily Caller", "the Saudis": a body, not a person
    if words[-1] in ORG_WORDS or words[-1].lower() in {"union", "party", "campaign", "committee", "department"}:
        after = tokens[tokens.index(runs[-1][-1]) + 1:] if runs[-1][-1] in tokens else []
        if after and _clean(after[0]).lower() in MEMBER_NOUNS:
            return Head("anonymous", phrase)  # "a Republican National Committee member": someone unnamed
        return Head("body", " ".join(w for w in words if w.lower() != "the"))
    # Drop the titles and roles before the name: "Clark County Sheriff Joe Lombardo".
    last_role = max((i for i, w in enumerate(words) if w.lower().strip(".") in ROLE_WORDS), default=-1)
    name = [w for w in words[last_role + 1 :]]
    if not name:
        return Head("role", phrase)
    if first in ANONYMOUS_OPENERS and not known_given_name(name[0]):
        return Head("anonymous", phrase)
    if any(w.lower().strip(".") in PLACE_AND_TIME for w in name) and not known_given_name(name[0]):
        return Head("none")
    given = known_given_name(name[0]) and len(name) > 1  # "Theresa May": a surname may be a common word
    if name[-1].endswith(".") or (not given and any(w.lower() in NOT_NAMES and not known_given_name(w) for w in name)):
        return Head("none")  # "Donald J.", "Labour"
    if len(name) == 1:
        return Head("surname", name[0])
    return Head("name", " ".join(name[-4:]))


@lru_cache(maxsize=1)
def given_names() -> tuple[frozenset[str], frozenset[str]]:
    """(male, female) given names: the project's lists and Faker's English-speaking locales."""
    male, female = set(MALE), set(FEMALE)
    try:
        from importlib import import_module

        for locale in ("en_US", "en_GB", "en_CA", "en_AU", "en_IE", "en_NZ", "en_IN"):
            try:
                provider = import_module(f"faker.providers.person.{locale}").Provider
            except ImportError:
                continue
            male |= {n.lower() for n in getattr(provider, "first_names_male", ())}
            female |= {n.lower() for n in getattr(provider, "first_names_female", ())}
    except Exception:  # noqa: BLE001 -- Faker missing: the project's own lists still work
        pass
    both = (male & female) | EITHER
    return frozenset(male - both), frozenset(female - both)


def known_given_name(word: str) -> bool:
    male, female = given_names()
    lowered = word.lower()
    return lowered in male or lowered in female or lowered in EITHER


def gender_of_given_name(word: str) -> str | None:
    male, female = given_names()
    lowered = word.lower()
    return "m" if lowered in male else "f" if lowered in female else None
