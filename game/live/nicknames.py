"""Nicknames shown on a class projector: real names join, abuse does not.

A word list matched anywhere inside a name refuses real people (Scunthorpe, Hancock, Dickens,
Sexton, Matsushita, Nazir...). So the check works on words, as a reader sees them:

- the name is folded to plain lower-case letters (accents, l33t digits and symbols undone:
  "sh1t" is "shit", "$ex" is "sex"), and letters spaced or dotted out ("f u c k", "f.u.c.k") are
  joined back into one word;
- a few words are never part of a real name, and are refused wherever they appear;
- the rest are refused as a whole word, or with the prefixes and endings abuse is built from
  ("dickhead", "bigcock", "sexy", "wanker"), but not as a piece of a longer word.

`tests/test_nicknames.py` holds this to over 1,000 real given names and surnames from Faker's
locales, and to a list of abuse in its usual disguises.
"""

from __future__ import annotations

import random
import re
import unicodedata

# Refused anywhere in the name's letters: no real name contains these.
NEVER = ("fuck", "fck", "phuck", "nigger", "nigga", "niggah", "faggot", "motherf", "bitch", "wanker",
         "bastard", "shithead", "dickhead", "cocksuck", "whore", "retard", "hitler", "paedo", "pedophile")
# Refused as a word of their own, or built into one with the affixes below.
WORDS = ("shit", "cunt", "dick", "cock", "prick", "twat", "wank", "pussy", "slut", "arse", "ass", "arsehole",
         "asshole", "fuk", "fuq", "sex", "porn", "rape", "rapist", "penis", "vagina", "tits", "boobs", "nazi", "fag",
         "paki", "spaz", "spastic", "nonce", "bollocks", "bellend", "knob", "crap", "piss", "jizz", "cum", "kkk",
         "chink", "gook", "tranny", "lesbo", "pedo", "thot", "milf", "dildo", "orgasm", "horny", "nude", "naked")
# Also real names (Dick, Dickie, De Cock, Nazi in Persian) when written as a name (letters only):
# refused only when built into a longer word of abuse, or spelt with digits or symbols.
NAMES_TOO = {"dick": ("", "s", "y", "ie"), "cock": ("", "s"), "nazi": ("",)}
NAME_SHAPED = re.compile(r"[^\W\d_]+(?:[ '\-.]+[^\W\d_]+)*")
PREFIXES = ("", "big", "fat", "huge", "tiny", "small", "my", "ur", "your", "ya", "suck", "lick", "eat", "the", "mr",
            "mrs", "miss", "dr", "lil", "little", "super", "mega", "ultra", "king", "queen", "sexy", "hairy", "stinky",
            "smelly", "dirty", "mother", "bull", "dumb", "stupid")
SUFFIXES = ("", "s", "es", "y", "ie", "ies", "ing", "head", "heads", "face", "faces", "hole", "holes", "bag", "bags",
            "wad", "wads", "lord", "lords", "boy", "boys", "girl", "girls", "man", "men", "sucker", "suckers",
            "licker", "lover", "master", "king", "queen", "stain", "wit", "nut", "breath", "ass", "arse", "eater",
            "monster", "69", "420", "xxx", "lol", "haha", "tard", "wipe", "bomb")
LEET = str.maketrans("0134578@$!|+9", "oieastbasiltg")
SPACED = re.compile(r"(?<![a-z0-9])(?:[a-z0-9@$!|+][\s.\-_*]+){2,}[a-z0-9@$!|+](?![a-z0-9])")
DOUBLES = re.compile(r"(.)\1{2,}")  # "fuuuck", "shiiit": three or more of a letter


def _folded(text: str) -> str:
    """Lower case, accents and other marks dropped."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> tuple[set[str], set[str]]:
    """The name's words, l33t undone, letters spaced out run together ("f u c k" is one word);
    and the same words with runs of one letter made single ("fuuuck" is "fuck"); a masked letter
    ("c*nt") is tried as each vowel."""
    folded = _folded(text)
    joined = SPACED.sub(lambda m: re.sub(r"[^a-z0-9@$!|+]", "", m.group(0)) + " ", folded)
    words = set()
    for source in (folded, joined):
        pieces = [p for p in re.split(r"[\s_\-.,;:/\\'\"()\[\]{}<>~^=?#&]+", source) if p]
        for raw in pieces + [a + b for a, b in zip(pieces, pieces[1:])]:  # "big dick" is "bigdick" too
            if not re.search(r"[a-z]", raw):
                continue  # a number is a number ("Player 455"), not l33t
            plain = raw.translate(LEET)
            for filled in ([plain.replace("*", vowel) for vowel in "aeiou"] if "*" in plain.strip("*") else [plain]):
                word = re.sub(r"[^a-z]", "", filled)
                if word:
                    words |= {word, word.replace("ph", "f")}
    return words, {DOUBLES.sub(r"\1", word) for word in words}


def _built_from(word: str, root: str, name_shaped: bool = False) -> bool:
    """`word` is `root` with one of the prefixes and endings abuse is made of, and nothing else
    (for a name-shaped nickname, not a name as it stands)."""
    at = word.find(root)
    while at != -1:
        before, after = word[:at], word[at + len(root):]
        if before in PREFIXES and after in SUFFIXES and not (
                name_shaped and not before and after in NAMES_TOO.get(root, ())):
            return True
        at = word.find(root, at + 1)
    return False


_SINGLE = tuple(root for root in WORDS if not re.search(r"(.)\1", root))  # roots a collapsed word can still spell


def is_abusive(text: str) -> bool:
    """Whether `text` should never be shown to a class (nicknames; anything else a student writes
    that others will read)."""
    words, collapsed = _words(text)
    letters = re.sub(r"[^a-z]", "", re.sub(r"(?<![a-z])\d+(?![a-z])", "", _folded(text)).translate(LEET))
    if any(bad in candidate for candidate in {letters, DOUBLES.sub(r"\1", letters)} | words | collapsed
           for bad in NEVER):
        return True
    shaped = bool(NAME_SHAPED.fullmatch(text.strip()))
    return (any(_built_from(word, root, shaped) for word in words for root in WORDS)
            or any(_built_from(word, root, shaped) for word in collapsed for root in _SINGLE))


def nickname_check(nickname: str, error) -> str:
    """The nickname tidied (spaces), or `error(message)` raised: the caller's own exception type."""
    nickname = " ".join(nickname.split())
    if not 2 <= len(nickname) <= 20:
        raise error("Pick a nickname of 2 to 20 characters.")
    if is_abusive(nickname):
        raise error("Please pick a different nickname: it will be shown to the whole class.")
    return nickname


FRIENDLY_FIRST = "Brave Calm Clever Bold Bright Quick Keen Witty Jolly Swift Wise Lucky Sunny Merry Plucky".split()
FRIENDLY_SECOND = "Otter Falcon Badger Puffin Heron Fox Hare Robin Owl Panda Lynx Seal Wren Koala Tiger".split()


def nickname_suggest(rng: random.Random | None = None) -> str:
    rng = rng or random.SystemRandom()
    return f"{rng.choice(FRIENDLY_FIRST)} {rng.choice(FRIENDLY_SECOND)}"
