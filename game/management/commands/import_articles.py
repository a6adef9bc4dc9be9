"""Import article files (default: seeds/) into quiz content. Safe to run again."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from game.services.importing import articles_import

PROGRESS_FROM = 10  # files; fewer than this import without a progress line per file


class Command(BaseCommand):
    help = "Import articles: find quotes and speakers, propose arguments, load a debate pack if present."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="files or folders (default: seeds/)")

    def handle(self, *args, paths, **options):
        def progress(number, total, name):
            if total >= PROGRESS_FROM:
                sys.stderr.write(f"[{number}/{total}] {name}\n")

        report = articles_import(paths=paths or None, progress=progress)
        for error in report.errors:
            sys.stderr.write(f"error: {error}\n")
        for warning in report.warnings:
            sys.stderr.write(f"warning: {warning}\n")
        self.stdout.write(report.summary())
        if report.errors:
            raise CommandError(f"{len(report.errors)} file(s) could not be imported", returncode=1)
