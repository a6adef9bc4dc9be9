"""Print the direct quotations of article files, with their speakers, without touching the database."""

import json as jsonlib
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from game.importer.formats import article_read
from game.importer.quotes import find_quotes
from game.importer.types import ArticleError


class Command(BaseCommand):
    help = "Find who said what in article files (given together, they are one debate). Reads no database."
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--json", action="store_true", help="print a JSON array, one object per file")

    def handle(self, *args, files, json: bool, **options):
        articles, failed = [], []
        for path in files:
            try:
                articles.append((path, article_read(path.read_bytes(), path.name)))
            except ArticleError as error:
                failed.append(f"error: {path}: {str(error).split(': ', 1)[-1]}")
            except OSError as error:
                failed.append(f"error: {path}: cannot read the file ({error.strerror or error})")
        results = find_quotes([article for _, article in articles]) if articles else []
        report = [file_report(path, article, found) for (path, article), found in zip(articles, results)]
        if json:
            self.stdout.write(to_json(report))
        else:
            for item in report:
                self.stdout.write(readable(item))
        for line in failed:
            sys.stderr.write(line + "\n")
        if failed:
            raise CommandError(f"{len(failed)} of {len(files)} files could not be read", returncode=1)


def file_report(path: Path, article, found) -> dict:
    quotes = []
    for quote in found:
        if quote.kind != "spoken":
            continue
        start, end = article.file_span(quote.start, quote.end)
        quotes.append({"text": quote.text, "speaker": quote.speaker, "start": start, "end": end})
    return {
        "file": str(path),
        "title": article.title,
        "author": article.author,
        "published": article.published.isoformat() if article.published else None,
        "quotes": quotes,
    }


def to_json(report: list[dict]) -> str:
    return jsonlib.dumps(report, ensure_ascii=False, indent=2)


def readable(item: dict) -> str:
    lines = [f"{item['file']}: {item['title'] or '(no headline)'} — {item['author'] or 'no byline'}, "
             f"{item['published'] or 'no date'}"]
    for quote in item["quotes"]:
        lines.append(f"  [{quote['start']}:{quote['end']}] {quote['speaker'] or '(speaker unclear)'}: “{quote['text']}”")
    return "\n".join(lines)
