"""Applying a curated debate pack (`seeds/debate_pack.json` and its like) to the database.

The pack's debate, sides and speakers are made, and what is empty is filled, never overwritten; its
reviewed arguments, quotations, questions, sentences and events are created or refreshed from the
pack until a teacher saves them (`reviewed`). Storing the articles themselves is
`game.services.importing`.
"""

from __future__ import annotations

from game import rules
from game.importer.pack import Pack, PackMisquote
from game.models import (
    Argument, Article, Choice, Debate, Event, Misquote, Paragraph, Question, Quote, Sentence, Side, Speaker, Status,
)
from game.models.content import Origin
from game.services.speaker_book import SpeakerBook


def pack_apply(pack: Pack) -> Debate:
    """Create the pack's debate, sides and speakers; fill what is empty, never overwrite."""
    info = pack.debate
    debate, created = Debate.objects.get_or_create(
        slug=info["slug"], defaults={"topic": info["topic"], "motion": info["motion"], "summary": info.get("summary", "")}
    )
    sides = {side.slug: side for side in debate.sides.all()}
    for order, side in enumerate(pack.sides):
        if side["slug"] not in sides:
            sides[side["slug"]] = Side.objects.create(
                debate=debate, slug=side["slug"], name=side["name"], stance=side["stance"],
                icon=side.get("icon", "square"), order=order,
            )
    stored = {speaker.full_name: speaker for speaker in debate.speakers.all()}
    for speaker in pack.speakers:
        existing = stored.get(speaker["name"])
        if existing is None:
            Speaker.objects.create(
                debate=debate, full_name=speaker["name"], role=speaker.get("role", ""),
                organisation=speaker.get("organisation", ""), side=sides.get(speaker.get("side") or ""),
                aliases="\n".join(speaker.get("aliases", [])),
            )
        else:
            changed = False
            for field_name, value in (("role", speaker.get("role", "")), ("organisation", speaker.get("organisation", ""))):
                if value and not getattr(existing, field_name):
                    setattr(existing, field_name, value)
                    changed = True
            if speaker.get("side") and existing.side_id is None:
                existing.side = sides[speaker["side"]]
                changed = True
            if not existing.aliases and speaker.get("aliases"):
                existing.aliases = "\n".join(speaker["aliases"])
                changed = True
            if changed:
                existing.save()
    return debate


def _differs(instance, values: dict) -> bool:
    """Would setting these values change the row? Compares foreign keys by id (no queries)."""
    for name, value in values.items():
        field = instance._meta.get_field(name)
        if field.is_relation:
            if getattr(instance, field.attname) != (value.pk if value is not None else None):
                return True
        elif getattr(instance, name) != value:
            return True
    return False


def _pack_refresh(stored, values: dict) -> bool:
    """Bring a stored item to the pack's values, unless a teacher saved it (reviewed). True if it
    changed."""
    if stored.reviewed or not _differs(stored, values):
        return False
    for name, value in values.items():
        setattr(stored, name, value)
    stored.save()
    return True


def pack_paragraphs(names: set[str], debate: Debate) -> dict[tuple[str, int], Paragraph]:
    """The stored paragraphs of the debate's named articles, by (file name, index), in one query."""
    paragraphs = Paragraph.objects.filter(article__debate=debate, article__source_file__in=names).select_related(
        "article")
    return {(p.article.source_file, p.index): p for p in paragraphs}


def pack_arguments_apply(*, pack: Pack, debate: Debate, speakers: SpeakerBook) -> int:
    """Create or refresh the pack's arguments; a teacher-saved (reviewed) one is left alone."""
    sides = {side.slug: side for side in debate.sides.all()}
    paragraphs = pack_paragraphs({x.article for x in pack.arguments}, debate)
    existing = {a.pack_key: a for a in Argument.objects.filter(debate=debate).exclude(pack_key="")}
    changed = 0
    for item in pack.arguments:
        paragraph = paragraphs.get((item.article, item.paragraph))
        if paragraph is None:
            continue  # its article failed to import; the error is already reported
        article = paragraph.article
        values = {
            "claim": item.claim, "side": sides[item.side], "speaker": speakers.get(item.speaker) if item.speaker else None,
            "article": article, "paragraph": paragraph, "status": Status.PUBLISHED, "origin": Origin.PACK,
            "reason_type": item.reason, "reason_suggested": rules.reason_suggest(item.claim),
        }
        argument = existing.get(item.key)
        if argument is None:
            Argument.objects.create(debate=debate, pack_key=item.key, **values)
            changed += 1
        elif _pack_refresh(argument, {k: v for k, v in values.items() if k != "status"}):
            changed += 1
    return changed


def pack_quotes_apply(*, pack: Pack, speakers: SpeakerBook) -> int:
    """Publish the pack's hand-checked quotes with their speakers (unless a teacher saved them)."""
    paragraphs = pack_paragraphs({q.article for q in pack.quotes}, speakers.debate)
    stored = {(q.paragraph_id, q.start, q.end): q for q in Quote.objects.filter(paragraph__in=paragraphs.values())}
    changed = 0
    misquoted: list[tuple[Quote, tuple[PackMisquote, ...]]] = []
    for item in pack.quotes:
        paragraph = paragraphs.get((item.article, item.paragraph))
        if paragraph is None:
            continue
        article = paragraph.article
        start = paragraph.text.index(item.text)
        quote = stored.get((paragraph.pk, start, start + len(item.text)))
        values = {
            "speaker": speakers.get(item.speaker), "status": Status.PUBLISHED, "text": item.text,
            "kind": Quote.Kind.WRITTEN if item.kind == "written" else Quote.Kind.SPOKEN,
            "reason_type": item.reason, "reason_suggested": rules.reason_suggest(item.text), "origin": Origin.PACK,
            # Hand-checked: kept, and no longer the importer's guess (which may have been unsure, and unticked).
            "keep": True, "speaker_confidence": None, "speaker_cue": "",
        }
        if quote is None:
            quote = Quote.objects.create(article=article, paragraph=paragraph, start=start, end=start + len(item.text),
                                         reviewed=False, **values)
            changed += 1
        elif _pack_refresh(quote, values):
            changed += 1
        if item.misquotes:
            misquoted.append((quote, item.misquotes))
    pack_misquotes_apply(misquoted)
    return changed


def pack_misquotes_apply(misquoted: list[tuple[Quote, tuple[PackMisquote, ...]]]) -> int:
    """The pack's reviewed misquotes, kept (origin PACK), in one query, one insert and one update.
    One is added only when its quotation has no pack misquote of that kind and no misquote in those
    words (the importer's unkept draft in the same words becomes the pack's): a teacher's rewording
    or unticking of a pack misquote stays as the teacher left it."""
    stored: dict[int, list[Misquote]] = {}
    for misquote in Misquote.objects.filter(quote__in=[quote for quote, _ in misquoted]):
        stored.setdefault(misquote.quote_id, []).append(misquote)
    created, adopted = [], []
    for quote, items in misquoted:
        have = stored.setdefault(quote.pk, [])
        for item in items:
            if any(m.origin == Origin.PACK and m.kind == item.kind for m in have):
                continue
            same = next((m for m in have if m.text == item.text), None)
            if same is None:
                same = Misquote(quote=quote, text=item.text, kind=item.kind, origin=Origin.PACK, keep=True)
                created.append(same)
            elif same.origin == Origin.EXTRACTED and not same.keep:
                same.kind, same.origin, same.keep = item.kind, Origin.PACK, True
                adopted.append(same)
            have.append(same)
    Misquote.objects.bulk_create(created)
    Misquote.objects.bulk_update(adopted, ["kind", "origin", "keep"])
    return len(created) + len(adopted)


def pack_sentences_apply(*, pack: Pack, debate: Debate) -> int:
    """Publish the pack's labelled sentences for "Whose words?" (unless a teacher saved them)."""
    paragraphs = pack_paragraphs({s.article for s in pack.sentences}, debate)
    stored = {(s.paragraph_id, s.start): s for s in Sentence.objects.filter(paragraph__in=paragraphs.values())}
    changed = 0
    for item in pack.sentences:
        paragraph = paragraphs.get((item.article, item.paragraph))
        if paragraph is None:
            continue
        start = paragraph.text.index(item.text)
        values = {"text": item.text, "end": start + len(item.text), "label": item.label, "status": Status.PUBLISHED,
                  "origin": Origin.PACK}
        sentence = stored.get((paragraph.pk, start))
        if sentence is None:
            Sentence.objects.create(debate=debate, article=paragraph.article, paragraph=paragraph, start=start,
                                    label_suggested=item.label, **values)
            changed += 1
        elif _pack_refresh(sentence, values):
            changed += 1
    return changed


def pack_events_apply(*, pack: Pack, debate: Debate) -> int:
    """Publish the pack's dated events (unless a teacher saved them), matched by their article,
    paragraph and date; the importer's draft of the same event becomes the pack's."""
    articles = {a.source_file: a for a in Article.objects.filter(debate=debate, source_file__in={e.article for e in pack.events})}
    paragraphs = pack_paragraphs({e.article for e in pack.events if e.paragraph is not None}, debate)
    stored = {(e.article_id, e.paragraph_id, e.happened_on): e for e in Event.objects.filter(debate=debate)}
    changed = 0
    for item in pack.events:
        article = articles.get(item.article)
        paragraph = paragraphs.get((item.article, item.paragraph)) if item.paragraph is not None else None
        if article is None or (item.paragraph is not None and paragraph is None):
            continue  # its article failed to import; the error is already reported
        values = {"text": item.text, "dated_by": item.dated_by, "status": Status.PUBLISHED, "keep": True,
                  "origin": Origin.PACK}
        event = stored.get((article.pk, paragraph.pk if paragraph else None, item.happened_on))
        if event is None:
            Event.objects.create(debate=debate, article=article, paragraph=paragraph, happened_on=item.happened_on,
                                 **values)
            changed += 1
        elif _pack_refresh(event, values):
            changed += 1
    return changed


def pack_questions_apply(*, pack: Pack, debate: Debate) -> int:
    """Add the pack's multiple-choice questions once (matched by prompt); teachers own them after."""
    paragraphs = pack_paragraphs({q.article for q in pack.questions}, debate)
    existing = set(Question.objects.filter(debate=debate).values_list("prompt", flat=True))
    added = 0
    for item in pack.questions:
        paragraph = paragraphs.get((item.article, item.paragraph))
        if item.prompt in existing or paragraph is None:
            continue
        question = Question.objects.create(
            debate=debate, prompt=item.prompt, explanation=item.explanation, article=paragraph.article,
            paragraph=paragraph, status=Status.PUBLISHED, origin=Origin.PACK,
        )
        Choice.objects.bulk_create(
            Choice(question=question, text=text, is_correct=right, order=order)
            for order, (text, right) in enumerate(item.choices)
        )
        added += 1
    return added
