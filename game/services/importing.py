"""Storing imported articles: idempotent, one transaction per file, never overwriting a teacher.

The rules:
- An article is matched by its file name. Same content hash: nothing is touched.
- Changed text: paragraphs are updated in place; the importer's own unreviewed drafts are
  replaced; anything a teacher reviewed, edited or wrote stays, its offsets re-found in the new
  text (if its words are gone it goes back to draft and the report says so).
- A file that cannot be read or stored is reported on one line and leaves nothing behind; the
  other files still import.
- Pack arguments are refreshed from the pack until a teacher saves them (`reviewed`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import Exists, OuterRef, Q

from game import rules
from game.importer.arguments import candidate_arguments
from game.importer.pack import PACK_FILE, Pack, PackError, pack_load, pack_read
from game.importer.formats import FILE_LIMITS, article_read, supported
from game.importer.parsing import content_hash
from game.importer.quotes import MAX_QUOTES, find_quotes
from game.importer.events import event_candidates
from game.importer.sentences import sentence_candidates
from game.importer.types import ArticleError, FoundQuote, KnownPerson, ParsedArticle
from game.models import (
    Argument, Article, Choice, Debate, Event, Paragraph, Question, Quote, RoundItem, Sentence, Side, Speaker, Status,
)
from game.models.content import Origin

logger = logging.getLogger(__name__)
DEFAULT_DEBATE_SLUG = "imported-articles"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    quotes: int = 0
    arguments: int = 0
    errors: list[str] = field(default_factory=list)  # "file: message", one line each
    warnings: list[str] = field(default_factory=list)
    debate: Debate | None = None

    @property
    def articles(self) -> int:
        return self.created + self.updated + self.unchanged

    def summary(self) -> str:
        return (
            f"Imported {rules.counted(self.articles, 'article')} "
            f"({self.created} new, {self.updated} updated, {self.unchanged} unchanged), "
            f"{self.quotes} quotes, {self.arguments} arguments, "
            f"{rules.counted(len(self.errors), 'error')}."
        )


@dataclass
class Source:
    name: str
    data: bytes | None = None
    path: Path | None = None
    url: str = ""  # the web address it was fetched from
    pasted: bool = False  # text a teacher pasted, not a file


def article_files(paths: list[Path]) -> tuple[list[Path], list[Path], list[str]]:
    """The article files named or inside the folders named (.txt, .html, .htm, .pdf, .docx), the pack
    files found, and errors."""
    files, packs, errors = [], [], []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.is_file() and supported(p))
            if (path / PACK_FILE).is_file():
                packs.append(path / PACK_FILE)
        elif path.is_file() and path.name == PACK_FILE:
            packs.append(path)
        elif path.exists() or path.suffix:
            files.append(path)
        else:
            errors.append(f"{path}: no such file or folder")
    return files, packs, errors


def _read_bounded(path: Path, name: str) -> bytes:
    """A file's bytes, refusing before reading one far larger than any article format allows."""
    size, limit = path.stat().st_size, max(FILE_LIMITS.values())
    if size > limit * 1024 * 1024:
        raise ArticleError(f"{name}: the file is {size / 1024 / 1024:.1f} MB; articles can be at most {limit} MB")
    return path.read_bytes()


def articles_import(
    *, paths: list[Path] | None = None, debate: Debate | None = None, progress: Callable[[int, int, str], None] | None = None
) -> ImportReport:
    """Import article files and folders (default: the seeds folder) into one debate."""
    paths = paths or [Path(settings.SEEDS_DIR)]
    files, packs, errors = article_files(paths)
    report = ImportReport(errors=errors)
    sources = [Source(name=path.name, path=path) for path in files]
    return _import(sources, packs[0] if packs else None, debate, report, progress)


def article_file_import(*, name: str, data: bytes, debate: Debate | None = None) -> ImportReport:
    """Import one uploaded file (the admin's upload) exactly as the command would."""
    return _import([Source(name=Path(name).name, data=data)], None, debate, ImportReport(), None)


def article_sources_import(*, sources: list[Source], debate: Debate) -> ImportReport:
    """Import a teacher's uploads, pasted texts and fetched pages into their debate, together
    (so people named in one article are known in the others)."""
    return sources_store(sources_read(sources), debate=debate)


@dataclass
class ReadSources:
    """Articles read from their bytes, before anything is stored: what a teacher's debate is made from."""

    parsed: list[ParsedArticle] = field(default_factory=list)
    urls: dict[str, str] = field(default_factory=dict)  # file name -> the web address it was fetched from
    errors: list[str] = field(default_factory=list)  # "file: message", one line each


def sources_read(sources: list[Source], progress: Callable[[int, int, str], None] | None = None) -> ReadSources:
    """Read each source into an article (no database): a source that cannot be read is one error line."""
    read = ReadSources()
    for number, source in enumerate(sources, start=1):
        if progress:
            progress(number, len(sources), source.name)
        try:
            data = source.data if source.data is not None else _read_bounded(source.path, source.name)
            article = article_read(data, source.name)
            if source.pasted:
                article = replace(article, source_format="pasted")
            read.parsed.append(article)
            read.urls[source.name] = source.url
        except ArticleError as error:
            read.errors.append(str(error))
        except OSError as error:
            read.errors.append(f"{source.name}: cannot read the file ({error.strerror or error})")
    return read


def sources_store(read: ReadSources, *, debate: Debate) -> ImportReport:
    """Store articles already read into a debate (one transaction per article)."""
    report = ImportReport(errors=list(read.errors))
    return _store(read, None, debate, report)


def _import(sources, pack_path, debate, report, progress) -> ImportReport:
    read = sources_read(sources, progress)
    report.errors += read.errors
    return _store(read, pack_path, debate, report)


def _store(read: ReadSources, pack_path, debate, report) -> ImportReport:
    parsed, urls = read.parsed, read.urls
    pack = None
    if pack_path is not None:
        try:
            pack = pack_load(pack_read(pack_path), {article.source_name: article for article in parsed})
        except PackError as error:
            report.errors.append(f"{pack_path.name}: {error}")
    with transaction.atomic():
        debate = pack_apply(pack) if pack else (debate or _debate_holding(parsed) or default_debate())
    report.debate = debate

    speakers = SpeakerBook(debate)
    known = speakers.known_people() + (pack.known_people() if pack else [])
    found = find_quotes(parsed, known) if parsed else []
    for article, quotes in zip(parsed, found):
        try:
            with transaction.atomic():
                article_store(article=article, quotes=quotes, debate=debate, speakers=speakers, report=report,
                              url=urls.get(article.source_name, ""))
        except DatabaseError as error:
            logger.exception("Storing %s failed", article.source_name)
            report.errors.append(f"{article.source_name}: could not be stored ({error.__class__.__name__}: {error})")
            speakers.forget_unsaved()
    if pack:
        with transaction.atomic():
            report.arguments += pack_arguments_apply(pack=pack, debate=debate, speakers=speakers)
            pack_quotes_apply(pack=pack, speakers=speakers)
            pack_questions_apply(pack=pack, debate=debate)
            pack_sentences_apply(pack=pack, debate=debate)
            pack_events_apply(pack=pack, debate=debate)
    return report


def _debate_holding(parsed: list[ParsedArticle]) -> Debate | None:
    """The command's debate that already holds these files (a re-import whose pack could not be read)."""
    names = [article.source_name for article in parsed]
    held = Article.objects.filter(source_file__in=names, debate__owner__isnull=True).select_related("debate").first()
    return held.debate if held else None


def default_debate() -> Debate:
    debate, _ = Debate.objects.get_or_create(
        slug=DEFAULT_DEBATE_SLUG,
        defaults={"topic": "Imported articles", "motion": "To be set by a teacher"},
    )
    return debate


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


class SpeakerBook:
    """The debate's speakers by name and alias; creates the ones an article introduces."""

    def __init__(self, debate: Debate):
        self.debate = debate
        self.by_name: dict[str, Speaker] = {}
        for speaker in Speaker.objects.filter(debate=debate):
            self._remember(speaker)

    def _remember(self, speaker: Speaker) -> None:
        self.by_name.setdefault(speaker.full_name.lower(), speaker)
        for alias in speaker.alias_list:
            self.by_name.setdefault(alias.lower(), speaker)

    def known_people(self) -> list[KnownPerson]:
        seen = {s.pk: s for s in self.by_name.values()}.values()
        return [KnownPerson(s.full_name, tuple(s.alias_list), s.role, s.organisation) for s in seen]

    def find(self, name: str) -> Speaker | None:
        """The debate's speaker of this name or alias, if there is one (never creates one)."""
        return self.by_name.get(name.lower())

    def get(self, name: str | None, *, group: bool = False) -> Speaker | None:
        if not name:
            return None
        speaker = self.by_name.get(name.lower())
        if speaker is None:
            speaker = Speaker.objects.create(debate=self.debate, full_name=name, is_group=group)
            self._remember(speaker)
        return speaker

    def forget_unsaved(self) -> None:
        """After a rolled-back file, drop speakers that were created inside its transaction."""
        existing = set(Speaker.objects.filter(debate=self.debate).values_list("pk", flat=True))
        self.by_name = {name: s for name, s in self.by_name.items() if s.pk in existing}


def article_store(*, article: ParsedArticle, quotes: list[FoundQuote], debate: Debate, speakers: SpeakerBook,
                  report: ImportReport, url: str = "") -> None:
    digest = content_hash(article.body)
    stored = Article.objects.filter(debate=debate, source_file=article.source_name).first()
    if stored is not None and stored.content_hash == digest:
        report.unchanged += 1
        return
    author = _author_speaker(article, quotes, speakers)
    fields = {
        "debate": debate, "title": article.title or "", "author": article.author or "", "byline": article.byline or "",
        "published": article.published, "body": article.body, "content_hash": digest, "is_opinion": article.is_opinion,
        "author_speaker": author, "source_format": article.source_format, "source_url": url,
    }
    if stored is None:
        stored = Article.objects.create(source_file=article.source_name, **fields)
        report.created += 1
    else:
        for name, value in fields.items():
            setattr(stored, name, value)
        stored.save()
        report.updated += 1
    paragraphs = paragraphs_store(stored, article)
    kept = reviewed_items_relocate(stored, paragraphs, report)
    if sum(1 for q in quotes if q.kind == "spoken") >= MAX_QUOTES:
        report.warnings.append(
            f"{article.source_name}: more than {MAX_QUOTES} quotations; only the first {MAX_QUOTES} were kept "
            "(is this really one article?)"
        )
    report.quotes += quotes_store(stored, paragraphs, quotes, speakers, kept)
    report.arguments += candidates_store(stored, paragraphs, article, quotes, speakers)
    sentences_store(stored, paragraphs, article, quotes)
    events_suggest(stored, paragraphs, article)


def _author_speaker(article: ParsedArticle, quotes: list[FoundQuote], speakers: SpeakerBook) -> Speaker | None:
    """The byline's person: made a speaker only when quoted (an opinion piece's own words, for "who
    wrote this?"); a byline alone links a person the debate already has, and adds no one to its people."""
    if not article.author:
        return None
    name = article.author.lower()
    if any(found.speaker and found.speaker.lower() == name for found in quotes):
        return speakers.get(article.author)
    return speakers.find(article.author)


def paragraphs_store(stored: Article, article: ParsedArticle) -> dict[int, Paragraph]:
    """Update paragraphs in place by index (quotes and arguments point at them)."""
    existing = {p.index: p for p in stored.paragraphs.all()}
    result, new, changed = {}, [], []
    for span in article.paragraphs:
        paragraph = existing.pop(span.index, None)
        if paragraph is None:
            paragraph = Paragraph(article=stored, index=span.index, text=span.text, start=span.start)
            new.append(paragraph)
        elif paragraph.text != span.text or paragraph.start != span.start:
            paragraph.text, paragraph.start = span.text, span.start
            changed.append(paragraph)
        result[span.index] = paragraph
    Paragraph.objects.bulk_create(new, batch_size=500)
    Paragraph.objects.bulk_update(changed, ["text", "start"], batch_size=500)
    for leftover in existing.values():
        if not any(related.exists() for related in (leftover.quotes, leftover.arguments, leftover.sentences,
                                                     leftover.events)):
            leftover.delete()
    return result


def _teacher_owned() -> Q:
    return Q(reviewed=True) | ~Q(origin=Origin.EXTRACTED)


def _kept() -> Q:
    """What a re-import keeps: a teacher's work, and anything students have played."""
    return _teacher_owned() | Q(Exists(RoundItem.objects.filter(quote=OuterRef("pk"))))


def reviewed_items_relocate(stored: Article, paragraphs: dict[int, Paragraph], report: ImportReport) -> set:
    """Drop the importer's unreviewed drafts; re-find the words of everything kept."""
    Quote.objects.filter(article=stored).exclude(_kept()).delete()
    Argument.objects.filter(article=stored, origin=Origin.EXTRACTED, reviewed=False).exclude(
        round_items__isnull=False).delete()
    kept = set()
    for quote in Quote.objects.filter(article=stored).filter(_kept()).select_related("paragraph"):
        paragraph = paragraphs.get(quote.paragraph.index)
        if paragraph is not None and quote.text in paragraph.text:
            start = paragraph.text.index(quote.text)
        else:
            paragraph = next((p for p in paragraphs.values() if quote.text in p.text), None)
            start = paragraph.text.index(quote.text) if paragraph else None
        if paragraph is None:
            quote.status = Status.DRAFT
            quote.save(update_fields=["status"])
            report.warnings.append(
                f"{stored.source_file}: the words of a reviewed quote are no longer in the article; it is a draft again"
            )
            continue
        quote.paragraph, quote.start, quote.end = paragraph, start, start + len(quote.text)
        quote.save(update_fields=["paragraph", "start", "end"])
        kept.add((paragraph.pk, quote.start, quote.end))
    return kept


def quotes_store(stored: Article, paragraphs: dict[int, Paragraph], quotes: list[FoundQuote], speakers: SpeakerBook,
                 kept: set) -> int:
    created = []
    for found in quotes:
        paragraph = paragraphs[found.paragraph_index]
        start = found.start - paragraph.start
        end = found.end - paragraph.start
        if any(pk == paragraph.pk and s < end and start < e for pk, s, e in kept):
            continue  # a teacher's version of this quote is already there
        speaker = speakers.get(found.speaker, group=found.speaker_is_group)
        created.append(
            Quote(
                article=stored, paragraph=paragraph, start=start, end=end, text=found.text,
                speaker=speaker, status=Status.DRAFT, origin=Origin.EXTRACTED,
                # Only a sure speaker is pre-ticked Keep; an abstention or a guess waits for a teacher.
                keep=found.sure, speaker_confidence=found.confidence, speaker_cue=found.cue[:100],
                kind=Quote.Kind.WRITTEN if found.kind == "written" else Quote.Kind.SPOKEN,
                reason_suggested=rules.reason_suggest(found.text),
            )
        )
    Quote.objects.bulk_create(created)
    return len(created)


def candidates_store(stored: Article, paragraphs: dict[int, Paragraph], article: ParsedArticle,
                     quotes: list[FoundQuote], speakers: SpeakerBook) -> int:
    taken = set(
        Argument.objects.filter(article=stored).values_list("paragraph__index", flat=True)
    )
    created = []
    for candidate in candidate_arguments(article, quotes):
        if candidate.paragraph_index in taken:
            continue  # the pack or a teacher already covers this paragraph
        speaker = speakers.get(candidate.speaker) if candidate.speaker else None
        created.append(
            Argument(
                debate=stored.debate, claim=candidate.claim, side=speaker.side if speaker else None, speaker=speaker,
                article=stored, paragraph=paragraphs[candidate.paragraph_index], status=Status.DRAFT,
                origin=Origin.EXTRACTED, keep=False,  # offered with a suggested side; a teacher ticks it to keep
                reason_suggested=rules.reason_suggest(candidate.claim),
            )
        )
    Argument.objects.bulk_create(created)
    return len(created)


def events_suggest(stored: Article, paragraphs: dict[int, Paragraph], article: ParsedArticle) -> int:
    """Offer the article's dated events for "Put the story in order" as drafts for a teacher to
    reword and keep: its headline on its date, and the sentences that date what happened
    (importer.events), each saying how it is dated. Nothing is dated that the article does not
    date. On a re-import the unreviewed drafts are offered afresh; a teacher's events stay."""
    Event.objects.filter(article=stored, origin=Origin.EXTRACTED, reviewed=False, status=Status.DRAFT,
                         round_items__isnull=True).delete()
    taken = set(Event.objects.filter(article=stored).values_list("paragraph__index", "happened_on"))
    created = [
        Event(debate=stored.debate, article=stored, happened_on=c.happened_on, text=c.text, dated_by=c.dated_by,
              paragraph=paragraphs[c.paragraph_index] if c.paragraph_index is not None else None,
              status=Status.DRAFT, origin=Origin.EXTRACTED, keep=False)
        for c in event_candidates(article) if (c.paragraph_index, c.happened_on) not in taken
    ]
    Event.objects.bulk_create(created)
    return len(created)


def sentences_store(stored: Article, paragraphs: dict[int, Paragraph], article: ParsedArticle,
                    quotes: list[FoundQuote]) -> int:
    """Offer sentences for "Whose words?" as drafts, each with a suggested label (a teacher
    confirms). On a re-import, a sentence already kept follows its words to where they now are; one
    whose words are gone leaves play (archived if played, else back to a draft)."""
    existing = list(Sentence.objects.filter(article=stored).select_related("paragraph"))
    for sentence in existing:
        if sentence.paragraph.text[sentence.start:sentence.end] == sentence.text:
            continue
        place = next(((p, p.text.find(sentence.text)) for p in paragraphs.values() if sentence.text in p.text), None)
        if place is not None:
            sentence.paragraph, sentence.start = place
            sentence.end = sentence.start + len(sentence.text)
        else:
            sentence.status = Status.ARCHIVED if sentence.round_items.exists() else Status.DRAFT
        sentence.save()
    taken = {(s.paragraph_id, s.start) for s in existing}
    created = [
        Sentence(debate=stored.debate, article=stored, paragraph=paragraphs[c.paragraph_index], start=c.start,
                 end=c.end, text=c.text, label_suggested=c.label, status=Status.DRAFT, origin=Origin.EXTRACTED,
                 keep=False)
        for c in sentence_candidates(article, quotes)
        if (paragraphs[c.paragraph_index].pk, c.start) not in taken
    ]
    Sentence.objects.bulk_create(created, ignore_conflicts=True)
    return len(created)


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
            Quote.objects.create(article=article, paragraph=paragraph, start=start, end=start + len(item.text),
                                 reviewed=False, **values)
            changed += 1
        elif _pack_refresh(quote, values):
            changed += 1
    return changed


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
