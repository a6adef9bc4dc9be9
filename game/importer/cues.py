"""Stage 5's vocabulary: the words and shapes that name a speaker beside a quotation.

The speech verbs and who-phrases (`WHO`: a name, a role, a spokesperson, a body, a pronoun), the
attributions after a quotation (`"...," said X`, `"...," X said`) and before it (`X said: "..."`,
`according to X`), and how sure each cue is of the speaker it finds (`CUE_CONFIDENCE`). Plain
patterns and small tests on text; `attribution.py` applies them to a quotation in its paragraph.
"""

from __future__ import annotations

import re

from .bodies import DOCUMENT, FINDING_VERBS, NAMED_COMMITTEE, NAMED_COURT, REFERRING_BODY, REFERRING_COURT
from .names import SPEECH_VERBS
from .people import CAP, ROLE_NOUNS, TITLE_RE, Person
from .quotations import QuotedRanges, Span, quote_spans, sentence_bounds

# A quotation of three words is still someone's words ("an increasingly high priority"); under four
# it is a fragment, never sure, so the teacher decides whether it is worth a question.
MIN_WORDS = 3
FRAGMENT_WORDS = 4
# A news article quotes people dozens of times, not thousands: past this many quotations the
# file is not an article, and the rest of it is left alone (the import says so).
MAX_QUOTES = 500

PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey)\b"
POSSESSIVE_SOURCE = r"(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:letter|statement|email|e-mail|tweet|message|spokesman|spokeswoman|spokesperson|reply|response|note|blog|post|column|article|speech)"
# A body's name of at most six words, so that a long run of capitals is read once, not once per word.
ORG = r"[A-Z][\w&’']*(?:\s+(?:(?:of|for|and)\s+)?[A-Z][\w&’']*){0,5}"
SPOKES = rf"(?:[Aa]n?|[Tt]he)\s+(?:(?P<org>{ORG})\s+)?(?P<noun>spokesman|spokeswoman|spokesperson|(?<=[A-Za-z] )source)(?:\s+for\s+(?:the\s+)?(?P<org2>{ORG}))?"
# (Not "The Tory leader", a role, nor "When Maddow", "While Clinton": a conjunction opens no name.)
NOT_A_NAME_START = (r"(?!(?:The|A|An|When|While|If|As|But|And|Nor|Or|So|Yet|Although|Though|Because|After|Before|Since|"
                    r"Until|Once|Where|Whether|Meanwhile|Then|Now|Still|Also|Even|Only|Just|Like|Unlike|With|Without)\s)")
NAME = rf"{NOT_A_NAME_START}(?:{TITLE_RE}\s+)?{CAP}(?:\s+(?:{CAP}|[A-Z]\.)){{0,3}}"
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
BODY_WORDS = r"(?:Federation|Association|Society|Institute|Confederation|Alliance|Coalition|College|Union|Foundation|Committee|Commission)"
NAMED_BODY = (rf"{_NOT_AFTER_PREPOSITION}(?:[Tt]he\s+)?(?:[A-Z][\w'’&-]*\s+){{1,4}}{BODY_WORDS}"
              r"(?:\s+of(?:\s+the)?(?:\s+[A-Z][\w'’&-]*){1,3})?\b")
# A body known by its initials: "the ACU", "the BMA", "CREW" (not "I", not "US").
ACRONYM = r"(?:[Tt]he\s+)?(?!US\b|UK\b|OK\b|TV\b)[A-Z]{2,6}\b"
# Bodies that speak as themselves in British and US news: "the government says", "Labour said".
GOVERNMENT_BODY = (r"(?:[Tt]he\s+)?(?:[Gg]overnment|Home Office|Foreign Office|Treasury|Cabinet Office|Downing Street|No 10|"
                   r"Number 10|White House|Kremlin|Pentagon|Labour Party|Conservative Party|Liberal Democrats|Lib Dems|"
                   r"Plaid Cymru|Green Party|Scottish Executive|Welsh Assembly Government|Conservatives|Tories)(?![\w'’])"
                   r"|Labour(?=\s+(?:has\s+|had\s+)?(?:said|says|warned|claimed|insisted|argued|accused|added)\b)")
# "Lord Nicholls of Birkenhead": a lord's title and seat.
LORD = rf"(?:Lord|Lady|Baroness)\s+{CAP}\s+of\s+{CAP}(?:\s+{CAP})?"
WHO = rf"(?P<who>{POSSESSIVE_SOURCE}|{SPOKES}|{PRONOUN}|{GROUP_OF}|{DOCUMENT}|{REFERRING_BODY}|{NAMED_COMMITTEE}|{REFERRING_COURT}|{NAMED_COURT}|{NAMED_BODY}|{NAMED_UNION}|[Tt]he\s+union\b|{GOVERNMENT_BODY}|{LORD}|{NAME}|{ACRONYM}|{ROLE}|{GROUP})"
ADVERBS = r"(?:(?:also|then|later|previously|once|simply|further|again|recently|today|yesterday|repeatedly|earlier|however|quickly|publicly|privately|has|had|have|would|will|has also|had also|is|was)\s+)*"
VERB = rf"(?P<verb>{SPEECH_VERBS})"

AFTER_WHO_VERB = re.compile(rf"^[\s,.;—–-]*{WHO}\s+{ADVERBS}{VERB}\b")
AFTER_VERB_WHO = re.compile(rf"^[\s,.;—–-]*{VERB}\s+{WHO}")
# A body or its report speaking by what it found: `"...", the report found.`, `The select committee
# found that ... "..."` (not a person: "she found it "odd"" is no quotation of her).
BODY_WHO = rf"(?P<who>{DOCUMENT}|{REFERRING_BODY}|{NAMED_COMMITTEE}|{REFERRING_COURT}|{NAMED_COURT}|{NAMED_BODY})"
AFTER_BODY_FINDS = re.compile(rf"^[\s,.;—–-]*{BODY_WHO}\s+{ADVERBS}(?:{FINDING_VERBS})\b")
BODY_FINDS = re.compile(rf"^{BODY_WHO}(?:,\s[^,]{{1,160}},)?\s+{ADVERBS}(?:{FINDING_VERBS})\b")
ACCORDING_TO = re.compile(rf"\b[Aa]ccording to\s+{WHO}")
SIGNED_BY = re.compile(rf"\bsigned by\s+(?P<group>{GROUP_OF}|{NAMED_BODY}|{NAMED_UNION})")
SENTENCE_OPENERS = re.compile(
    r"^(?:(?:However|Instead|Meanwhile|But|And|Yet|Later|Earlier|Separately|In response|"
    # ("In a statement on Sunday, the Cabinet Office said ...")
    r"In a (?:statement|letter)(?:\s+(?:on|released|issued|published|sent|last|this|to)\b[^,]{0,40})?|"
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
                    "coalition", "college", "foundation", "committee", "commission"}


class GroupName(str):
    """A speaker that is a group or body, not a person: "RMT union", "Cross-party group of MPs"."""

    @classmethod
    def of(cls, phrase: str) -> "GroupName":
        words = phrase.split()
        if words[0].lower() in {"a", "an", "the"}:
            words = words[1:]
        label = re.sub(r"['’]s$", "", " ".join(words))  # "the Royal College of Nursing's board": the College
        return cls(label[:1].upper() + label[1:])


def is_speech(text: str, span: Span) -> bool:
    words = text[span.start : span.end].split()
    if len(words) < MIN_WORDS:
        return False
    # A title in capitals ("Seven Day Services Review") is a name, not speech.
    if all(word[:1].isupper() for word in words if word[:1].isalpha()) and len(words) < 8:
        return False
    return True


# How sure each cue is of its speaker: a name beside a speech verb is sure; a speaker carried over
# from elsewhere (a paragraph before, a sentence's subject) is a reading the teacher should check.
CUE_CONFIDENCE = {
    "after: who verb": 0.95, "after: verb who": 0.95, "between: verb who": 0.95, "between: who verb": 0.95,
    "before: who verb": 0.9, "before: according to": 0.9, "before: signed by": 0.9, "before: participle": 0.75,
    "transcript label": 0.95, "name line or credit": 0.9, "interview answer": 0.85,
    "same speaker, same paragraph": 0.85, "sentence subject": 0.7, "continues the previous paragraph": 0.7,
    "introduced by the previous paragraph": 0.7, "continued by a later paragraph": 0.7, "after: speaker phrase": 0.85,
    "after a sentence reporting them": 0.75, "before: colon": 0.75, "after: speaker at the sentence's end": 0.85,
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
CHARACTERISING = (r"called|calls|described|describes|dubbed|dubs|labelled|labeled|branded|brands|termed|derided|praised|proposed|promised|vowed|pledged|"
                  r"criticised|criticized|criticises|criticizes|attacked|attacks|welcomed|welcomes|condemned|condemns|defended|defends|hailed")
LEADING_CLAUSE = re.compile(r"^(?:[A-Z][a-z]+ing|In|At|On|After|Before|During|While|Since|Despite|Asked|Informed|Pressed|Speaking|"
                            r"When|As|Although|Though|If|Once|Until|Because|Whether|Like|Unlike|With|Without)\b[^,]{0,100},\s+")
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


def plain_text(text: str) -> str:
    """The text with abbreviations' full stops, short parentheses and party labels taken out: "Sen.
    Chuck Schumer (D-N.Y.) said" and "Mitch McConnell, R-Ky., said" read as one phrase."""
    text = re.sub(r"\s*\([^()]{0,40}\)", "", text)
    text = re.sub(r",\s+[RDI]-[A-Z][A-Za-z.]{1,8},", ",", text)
    return ABBREVIATED.sub(r"\1", text)


def opens_a_sentence(text: str, span: Span) -> bool:
    before = text[: span.open_mark].rstrip() if span.open_mark > 0 else ""
    return span.open_mark == 0 or before[-1:] in ".!?:" or before.endswith((".”", '."', "?”", '?"'))


def sentence_before(text: str, end: int, quoted: QuotedRanges | None) -> str:
    """The whole sentence that ends just before `end`, its quotations' full stops not counted."""
    if not text[:end].strip():
        return ""
    quoted = quoted if quoted is not None else QuotedRanges(text, quote_spans(text))
    start, _ = sentence_bounds(text, max(0, len(text[:end].rstrip()) - 2), quoted)
    return text[start:end].strip()


ASIDE = re.compile(r"\s+[—–]\s+[^—–\"“”]{1,160}?\s+[—–]\s+|\s+--?\s+[^\"“”-]{1,100}?\s+--?\s+")


def without_asides(text: str) -> str:
    """The text with asides between dashes replaced by spaces (offsets kept)."""
    return ASIDE.sub(lambda m: " " * len(m.group(0)), text)


def lone(speaker) -> bool:
    return isinstance(speaker, Person) and " " not in speaker.full_name


def one_attribution(between: str) -> bool:
    """`said Dave Majernik, a one-time Cruz backer who serves as vice chairman of ...`: one sentence
    with one speech verb, the attribution of the quotation before it, and no other voice."""
    plain = plain_text(between).strip()
    # Voices: a speech verb after a name or a pronoun, or before one ("said Trump"); "news outlets
    # declared him" in a clause is no one else's voice.
    voices = re.findall(rf"(?:\b[A-Z][\w'’-]*|\b(?:he|she|they))\s+{ADVERBS}(?:{SPEECH_VERBS})\b"
                        rf"|\b(?:{SPEECH_VERBS})\s+(?:[A-Z]|he\b|she\b)", plain)
    verbs = re.findall(rf"\b(?:{SPEECH_VERBS})\b", plain)
    return (len(plain.split()) <= 45 and len(verbs) >= 1 and len(voices) <= 1
            and not re.search(r"[.!?]\s+\S", plain.rstrip(".!? ")))


def attribution_with_who_clause(between: str) -> bool:
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
TITLED = re.compile(rf"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady|Baroness)\.?\s+({CAP})\b(?!\s+{CAP})")
# A role that names one person: "the culture secretary", "The former cabinet secretary", "the Tory leader".
ROLE_READING = re.compile(rf"[Tt]he\s+(?:[\w'’-]+\s+){{0,4}}?(?:{ROLE_NOUNS}|senator|candidate|nominee|premier|"
                          r"congressman|congresswoman|lawmaker|ambassador)")


# Guesses from the paragraphs around a quotation, which a name line or a credit beside it outranks.
LAYOUT_OUTRANKS = {"continues the previous paragraph", "same speaker, same paragraph", "introduced by the previous paragraph"}


def group_words(phrase: str) -> list[str]:
    """A group's words without its determiners and "group of": "cross party mps"."""
    words = re.findall(r"[a-z0-9']+", phrase.lower().replace("-", " "))
    return [w for w in words if w not in {"a", "an", "group", "of", "coalition", "alliance"}]


def blank_quotes(text: str, spans: list[Span] | None = None) -> str:
    """The paragraph with quoted words replaced by spaces (offsets kept)."""
    chars = list(text)
    for span in quote_spans(text) if spans is None else spans:
        for index in range(span.start, span.end):
            chars[index] = " "
    return "".join(chars)
