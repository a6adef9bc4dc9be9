"""Committees, commissions, courts and their reports as speakers.

British political news quotes a committee's report as often as a minister: "The Commons education
select committee called this "morally indefensible"", then "the report found" and "the committee
said". The report's words are the committee's. This module names those bodies and reads which one
"the committee" and "the report" mean; `attribution.Attributor` keeps the article's state.

A committee is named when the article gives more than the word: a capitalised name ("the Public
Accounts Committee", "the Commons science and technology committee"), a select committee's subject
("the environment select committee") or its remit ("the joint committee on human rights"). "The
committee" and "the report" then mean that body, if the article has named exactly one; otherwise
they mean no one (the teacher decides).

Courts are read the same way, with one more convention: "the court" is the court the article's
sentences were last about ("On Wednesday, the Court of Session issued an opinion ... The court
found"), not a court only mentioned ("the only court with higher authority is the Supreme Court").
"""

from __future__ import annotations

import re

# Words that are not part of a committee's name: "the chairman of the committee", "the MPs on the
# committee", "the government's response to the committee".
_NOT_A_NAME_WORD = (r"(?!(?:the|a|an|of|for|to|by|from|with|in|on|at|that|which|who|whose|his|her|its|their|our|"
                    r"chairman|chairwoman|chair|member|members|head|report|same|this|whole|full|said|says|"
                    r"told|found|and)\b)")
_NAME_WORD = rf"{_NOT_A_NAME_WORD}[\w'’-]+"
# The words of a committee's remit ("on human rights"), which end before the sentence's verb.
_REMIT_WORD = (r"(?!(?:found|finds|said|says|has|have|had|was|is|were|are|will|would|and|the|a|called|warned|warns|"
               r"added|urged|which|that|who|also|today|yesterday|its|their|his|her|this|these|those|in|of|for|to|by|"
               r"with|at|on|as|after|before|last|next|when|but|or|says|warns|urges)\b)(?![a-z]+ed\b)[a-z][\w-]*")
# "the Commons science and technology committee", "The environment select committee", "the joint
# committee on human rights", "the Constitutional Affairs Select Committee", "the Electoral Commission".
NAMED_COMMITTEE = (rf"[Tt]he\s+(?:{_NAME_WORD}\s+(?:and\s+)?){{1,5}}(?:[Ss]elect\s+)?(?:[Cc]ommittee|Commission)\b"
                   rf"(?:\s+on\s+(?:{_REMIT_WORD}\s+(?:and\s+)?){{0,3}}{_REMIT_WORD})?")
# Leading words that describe a committee and do not name it ("the influential Commons ... committee").
_DESCRIBING = {"influential", "powerful", "cross-party", "all-party", "new", "independent", "parliamentary"}
# "The committee", "the select committee", "the commission": a body the article named before.
REFERRING_BODY = r"[Tt]he\s+(?:select\s+)?(?:committee|commission)(?![\w'’-])"
# "The report", "its report", "the committee's report": the words of the body that wrote it.
DOCUMENT = (r"(?:[Tt]he|[Ii]ts|[Tt]heir|[Tt]he\s+committee['’]s|[Tt]he\s+commission['’]s)\s+(?:(?:new|latest|final|"
            r"annual|interim|draft|full|\d{3,4}-page|year-long)\s+)?(?:report|study|review|findings)(?![\w'’-])")
# "the Court of Session", "the High Court", "the Supreme Court of the United Kingdom", "the European
# Court of Human Rights".
NAMED_COURT = (r"[Tt]he\s+(?:[A-Z][\w'’-]*\s+){0,3}Court(?![\w'’-])"
               r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]*){0,4})?")
# "The court", "the three-judge court", "the court's summary": the court the article is about.
REFERRING_COURT = (r"[Tt]he\s+(?:(?:two|three|five|seven|nine|eleven|[2-9]|1[0-9])-judge\s+|appeal\s+|high\s+)?"
                   r"court(?:['’]s\s+(?:summary|ruling|judgment|judgement|decision|opinion|verdict))?(?![\w'’-])")
# Verbs with which a body or a report speaks, besides the speech verbs: "the report found".
FINDING_VERBS = (r"found|finds|highlighted|highlights|recommended|recommends|criticised|criticises|condemned|condemns|"
                 r"ruled|rules|held|holds|declared|declares")
# Who wrote a report: "a report by the Electoral Commission", "the committee's report".
_AUTHOR = rf"(?P<author>{NAMED_COMMITTEE}|(?:the\s+)?(?:[A-Z][\w&'’-]*\s+){{0,4}}[A-Z][\w&'’-]*)"
REPORT_BY = re.compile(rf"\b(?:report|study|review)\s+(?:published\s+)?(?:by|from)\s+{_AUTHOR}")


def committee_name(phrase: str) -> str | None:
    """The name a committee phrase gives ("Commons science and technology committee"), or None when
    it names no committee in particular ("the same committee", "the select committee")."""
    match = re.fullmatch(NAMED_COMMITTEE, phrase.strip())
    if not match:
        return None
    words = phrase.split()[1:]
    while words and words[0].lower() in _DESCRIBING:
        words = words[1:]
    head = next(i for i, word in enumerate(words) if word.lower() in ("committee", "commission"))
    modifiers = [word for word in words[:head] if word.lower() not in ("select", "and")]
    remit = len(words) > head + 1
    capitalised = any(word[:1].isupper() for word in modifiers)
    select = any(word.lower() == "select" for word in words[:head])
    if not modifiers or not (capitalised or select or remit):
        return None
    if words[head] == "Commission" and not capitalised:
        return None  # ("the European Commission" is named; "the new Commission" is not)
    name = " ".join(words)
    return name[:1].upper() + name[1:]


def committees_in(sentence: str) -> list[str]:
    """The committees a sentence names, in order."""
    names = []
    for match in re.finditer(NAMED_COMMITTEE, sentence):
        name = committee_name(match.group(0))
        if name:
            names.append(name)
    return names


def report_author_in(sentence: str) -> str | None:
    """Whom a sentence names as a report's author ("a report by the Electoral Commission")."""
    match = REPORT_BY.search(sentence)
    if not match:
        return None
    author = match.group("author")
    return committee_name(author) or re.sub(r"^the\s+", "", author)


def same_body(name: str, others: list[str]) -> bool:
    """Is `name` one of `others`, written the same way or shorter ("Constitutional Affairs Committee"
    and "Constitutional Affairs Select Committee")?"""
    words = {word.lower() for word in name.split()} - {"select", "the"}
    return any(words <= {word.lower() for word in other.split()} or
               {word.lower() for word in other.split()} - {"select", "the"} <= words for other in others)


def court_name(phrase: str) -> str | None:
    """"Court of Session" for "the Court of Session"; None for a phrase that names no court."""
    if not re.fullmatch(NAMED_COURT, phrase.strip()):
        return None
    name = re.sub(r"^[Tt]he\s+", "", phrase.strip())
    return None if name == "Court" else name


def courts_in(sentence: str) -> list[str]:
    """The courts a sentence names, in order."""
    return [name for match in re.finditer(NAMED_COURT, sentence) if (name := court_name(match.group(0)))]
