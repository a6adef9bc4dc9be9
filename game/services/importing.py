"""Storing imported articles: idempotent, one transaction per file, never overwriting a teacher.

The rules:
- An article is matched by its file name. Same content hash: nothing is touched.
- Changed text: paragraphs are updated in place; the importer's own unreviewed drafts are
  replaced; anything a teacher reviewed, edited or wrote stays, its offsets re-found in the new
  text (if its words are gone it goes back to draft and the report says so).
- A file that cannot be read or stored is reported on one line and leaves nothing behind; the
  other files still import.

Applying a debate pack (its sides, speakers and reviewed items) is `game.services.pack_applying`;
the debate's people by name and alias, shared by both, are `game.services.speaker_book`.
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
from game.importer.pack import PACK_FILE, PackError, pack_load, pack_read
from game.importer.formats import FILE_LIMITS, article_read, supported
from game.importer.parsing import content_hash
from game.importer.quotes import MAX_QUOTES, find_quotes
from game.importer.events import event_candidates
from game.importer.sentences import sentence_candidates
from game.importer.types import ArticleError, FoundQuote, ParsedArticle
from game.models import (
    Argument, Article, Debate, Event, Misquote, Paragraph, Quote, RoundItem, Sentence, Speaker, Status,
)
from game.models.content import Origin
from game.services.pack_applying import (
    pack_apply, pack_arguments_apply, pack_events_apply, pack_questions_apply, pack_quotes_apply,
    pack_sentences_apply,
)
from game.services.misquotes import misquotes_suggest
from game.services.speaker_book import SpeakerBook

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
    """What a re-import keeps: a teacher's work (a misquote of it kept or written, too), and anything
    students have played."""
    misquoted = Misquote.objects.filter(quote=OuterRef("pk")).filter(Q(keep=True) | ~Q(origin=Origin.EXTRACTED))
    return _teacher_owned() | Q(Exists(RoundItem.objects.filter(quote=OuterRef("pk")))) | Q(Exists(misquoted))


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
    if created:
        # Draft misquotes for "Spot the misquote", seeded by each quotation's pk (the same words, the
        # same drafts); a splice takes another speaker's words from the debate, this import's first.
        others = list(Quote.objects.filter(article__debate_id=stored.debate_id).order_by("-pk")
                      .values_list("speaker_id", "text")[:200])
        misquotes_suggest(created, others)
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
