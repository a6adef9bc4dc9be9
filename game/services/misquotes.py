"""Misquotes for "Spot the misquote": the importer's suggestions for new quotations, and a teacher's
review of them (keep one, reword one, write one's own).

The rules of what a misquote may be are `game.importer.misquotes` (pure); this module stores them.
A suggestion is a draft (`keep=False`, origin EXTRACTED) until a teacher keeps it; only kept misquotes
are played. A teacher's own is kept at once (origin TEACHER). A re-import never touches a quotation
a teacher reviewed, nor one whose misquotes a teacher kept or wrote (`game.services.importing`).
"""

from __future__ import annotations

from django.db import transaction

from game.importer import misquotes as rules
from game.models import Misquote, Quote, Status
from game.models.content import Origin
from game.services.debates import DebateError

SUGGESTED = 3  # drafts offered for each new quotation
TEACHER_KIND = "teacher"
OTHERS_MAX = 40  # other speakers' quotations offered for splices, however big the debate


def misquotes_suggest(quotes: list[Quote], others: list[tuple[int | None, str]]) -> int:
    """Draft misquotes for quotations just stored (they have their pks): up to three each, in one
    bulk insert. `others`: (speaker id, words) of the debate's quotations, for splicing another
    speaker's words in; a quotation with no speaker yet gets no splice (it could be its own words)."""
    created = []
    for quote in quotes:
        spliceable = [text for speaker_id, text in others
                      if quote.speaker_id is not None and speaker_id is not None and speaker_id != quote.speaker_id]
        for candidate in rules.suggest(quote.text, others=spliceable[:OTHERS_MAX], limit=SUGGESTED, seed=quote.pk):
            created.append(Misquote(quote=quote, text=candidate.text, kind=candidate.kind, origin=Origin.EXTRACTED,
                                    keep=False))
    Misquote.objects.bulk_create(created, batch_size=500)
    return len(created)


def _words(text: str) -> str:
    return " ".join(text.split())


def _checked(quote: Quote, text: str) -> str:
    """The misquote's words tidied, or the reason it cannot be played (a DebateError, for the teacher)."""
    if quote.status == Status.ARCHIVED:
        raise DebateError("That quotation is archived (students played it); its misquotes cannot be changed here.")
    text = _words(text)
    limit = max(400, 2 * len(quote.text))
    if len(text) > limit:
        raise DebateError(f"A misquote can be at most {limit} characters; this is {len(text)}.")
    reason = rules.problem(quote.text, text)
    if reason:
        raise DebateError(reason)
    return text


@transaction.atomic
def misquote_review(*, misquote: Misquote, text: str, keep: bool) -> Misquote:
    """A teacher rewords a misquote and keeps it (played) or not. Saving the same again changes nothing."""
    misquote.text, misquote.keep = _checked(misquote.quote, text), keep
    misquote.save(update_fields=["text", "keep", "updated_at"])
    return misquote


@transaction.atomic
def misquote_write(*, quote: Quote, text: str) -> Misquote:
    """A teacher's own misquote, kept at once. The same words sent twice are one misquote."""
    text = _checked(quote, text)
    misquote, created = Misquote.objects.get_or_create(
        quote=quote, text=text, defaults={"kind": TEACHER_KIND, "origin": Origin.TEACHER, "keep": True})
    if not created and not misquote.keep:
        misquote.keep = True
        misquote.save(update_fields=["keep", "updated_at"])
    return misquote
