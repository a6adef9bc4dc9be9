"""Importing articles: idempotent, one file's failure isolated, teachers' work never overwritten."""

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from game.models import Argument, Article, Debate, Paragraph, Quote, Speaker, Status
from game.models.content import Origin
from game.services.importing import article_file_import, articles_import

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
pytestmark = pytest.mark.django_db


def counts():
    return (Article.objects.count(), Paragraph.objects.count(), Quote.objects.count(), Argument.objects.count(),
            Speaker.objects.count(), Debate.objects.count())


def test_importing_the_seeds_loads_the_pack_and_publishes_its_checked_content():
    report = articles_import(paths=[SEEDS])
    assert report.errors == []
    assert (report.created, report.updated, report.unchanged) == (5, 0, 0)
    debate = Debate.objects.get(slug="junior-doctors-contract")
    assert [s.name for s in debate.sides.all()] == ["The Government", "The BMA and junior doctors"]
    hunt = Speaker.objects.get(full_name="Jeremy Hunt")
    assert hunt.side.slug == "government" and "the Health Secretary" in hunt.alias_list
    published = Quote.objects.filter(status=Status.PUBLISHED)
    assert published.count() == 20
    assert not published.filter(speaker__isnull=True).exists()
    for quote in Quote.objects.select_related("paragraph", "article"):
        assert quote.paragraph.text[quote.start : quote.end] == quote.text
        assert quote.article.body[quote.paragraph.start + quote.start :].startswith(quote.text)
    assert Argument.objects.filter(origin=Origin.PACK, status=Status.PUBLISHED).count() == 26
    # Unsure attributions stay drafts with no speaker, for a teacher.
    assert Quote.objects.filter(speaker__isnull=True, status=Status.DRAFT).exists()


def test_importing_again_changes_nothing_and_duplicates_nothing():
    articles_import(paths=[SEEDS])
    before = counts()
    report = articles_import(paths=[SEEDS])
    assert (report.created, report.updated, report.unchanged) == (0, 0, 5)
    assert counts() == before


def test_a_no_change_reimport_is_cheap_in_queries(django_assert_max_num_queries):
    articles_import(paths=[SEEDS])
    # 32: the pack's labelled sentences ("Whose words?") are two more reads, however many there are.
    # 35: the pack's dated events are three more reads (articles, paragraphs, events), however many.
    # 36: the pack quotations' misquotes are one more read, however many.
    with django_assert_max_num_queries(36):
        articles_import(paths=[SEEDS])


def test_a_teachers_edit_survives_a_reimport_of_the_changed_article(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    articles_import(paths=[folder])
    quote = Quote.objects.get(text__startswith="I think Jeremy Hunt would need")
    porter = Speaker.objects.get(full_name="Mark Porter")
    quote.speaker, quote.reviewed = porter, True  # what the admin does when a teacher saves
    quote.save()
    draft_count = Quote.objects.filter(origin=Origin.EXTRACTED, reviewed=False).count()

    path = folder / "002_e2637a767cba02e0.txt"
    path.write_text("Breaking: a new opening paragraph.\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    report = articles_import(paths=[folder])

    assert (report.updated, report.unchanged) == (1, 4)
    quote.refresh_from_db()
    assert quote.speaker == porter
    assert quote.paragraph.text[quote.start : quote.end] == quote.text
    assert Quote.objects.filter(text=quote.text).count() == 1
    assert Quote.objects.filter(origin=Origin.EXTRACTED, reviewed=False).count() == draft_count


def test_a_reviewed_quote_whose_words_vanished_goes_back_to_draft(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    articles_import(paths=[folder])
    quote = Quote.objects.get(text__startswith="I think Jeremy Hunt would need")
    path = folder / "002_e2637a767cba02e0.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("sit down urgently today", "meet soon"), encoding="utf-8")
    report = articles_import(paths=[folder])
    quote.refresh_from_db()
    assert quote.status == Status.DRAFT
    assert any("no longer in the article" in warning for warning in report.warnings)


def test_a_bad_file_is_reported_stores_nothing_and_the_others_still_import(tmp_path, capsys):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(SEEDS / "003_7270f6bf4a5629cd.txt", folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03PNG")
    (folder / "latin1.txt").write_bytes("Headline\n\nCaf\u00e9 culture in the NHS.".encode("latin-1"))
    missing = tmp_path / "missing.txt"

    with pytest.raises(CommandError):
        call_command("import_articles", str(folder), str(missing))
    captured = capsys.readouterr()
    errors = [line for line in captured.err.splitlines() if line.startswith("error: ")]
    assert len(errors) == 4
    for name in ("empty.txt", "binary.txt", "latin1.txt", "missing.txt"):
        assert any(name in line for line in errors)
    assert "Imported 1 article (1 new, 0 updated, 0 unchanged)" in captured.out
    assert "4 errors" in captured.out
    assert list(Article.objects.values_list("source_file", flat=True)) == ["good.txt"]


def test_the_command_exits_non_zero_on_failure_and_zero_on_success(tmp_path):
    import subprocess
    import sys

    from django.conf import settings

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    env_db = {"DATABASE_URL": f"sqlite:///{tmp_path / 'cmd.sqlite3'}", "DEBUG": "1"}
    import os

    env = {**os.environ, **env_db}
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=settings.BASE_DIR, env=env, check=True)
    failed = subprocess.run([sys.executable, "manage.py", "import_articles", str(bad)], cwd=settings.BASE_DIR, env=env,
                            capture_output=True, text=True)
    assert failed.returncode == 1
    assert failed.stderr.splitlines()[0] == "error: bad.txt: the file is empty"
    ok = subprocess.run([sys.executable, "manage.py", "import_articles"], cwd=settings.BASE_DIR, env=env,
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("Imported 5 articles (5 new")


def test_many_files_show_progress(tmp_path, capsys):
    for number in range(12):
        (tmp_path / f"{number:02}.txt").write_text(f"Headline {number}\n\nParagraph {number} of the story.", encoding="utf-8")
    call_command("import_articles", str(tmp_path))
    err = capsys.readouterr().err
    assert "[1/12] 00.txt" in err and "[12/12] 11.txt" in err


def test_an_uploaded_file_goes_through_the_same_import():
    data = (SEEDS / "003_7270f6bf4a5629cd.txt").read_bytes()
    report = article_file_import(name="upload/003.txt", data=data)
    assert report.created == 1 and report.errors == []
    article = Article.objects.get(source_file="003.txt")
    assert article.quotes.count() == 6
    again = article_file_import(name="003.txt", data=data)
    assert again.unchanged == 1 and Article.objects.count() == 1
    bad = article_file_import(name="notes.txt", data=b"\xff\xfe\x00")
    assert bad.errors and bad.errors[0].startswith("notes.txt: ")


def test_each_found_quotation_keeps_how_sure_the_importer_was_and_only_the_sure_ones_are_ticked_keep():
    from game.importer.types import SURE

    article_file_import(name="003.txt", data=(SEEDS / "003_7270f6bf4a5629cd.txt").read_bytes())
    quotes = list(Quote.objects.filter(origin=Origin.EXTRACTED))
    assert len(quotes) == 6
    for quote in quotes:
        sure = quote.speaker_id is not None and quote.speaker_confidence >= SURE
        assert quote.keep == sure, quote.text
        assert quote.speaker_cue or quote.speaker_id is None, quote.text  # a speaker always says how it was found
    guessed = Quote.objects.get(text__startswith="Your own letter recognises")
    assert (guessed.speaker.full_name, guessed.speaker_confidence, guessed.speaker_cue, guessed.keep) == (
        "Mark Porter", 0.7, "continues the previous paragraph", False)


def test_the_packs_checked_quotations_are_kept_and_not_the_importers_guesses():
    articles_import(paths=[SEEDS])
    pack = Quote.objects.filter(origin=Origin.PACK)
    assert pack.count() == 20
    assert set(pack.values_list("keep", "speaker_confidence", "speaker_cue")) == {(True, None, "")}


def test_a_teachers_kept_unsure_quotation_survives_a_reimport_and_the_new_drafts_are_measured_again(tmp_path):
    folder = tmp_path / "seeds"
    folder.mkdir()
    path = folder / "003.txt"
    shutil.copy(SEEDS / "003_7270f6bf4a5629cd.txt", path)
    articles_import(paths=[folder])
    checked = Quote.objects.get(text__startswith="Your own letter recognises")
    checked.keep, checked.reviewed = True, True  # the teacher confirmed the speaker and ticked Keep
    checked.save()

    path.write_text("Breaking: a new opening paragraph.\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert articles_import(paths=[folder]).updated == 1

    checked.refresh_from_db()
    assert (checked.keep, checked.reviewed, checked.speaker_confidence, checked.speaker_cue) == (
        True, True, 0.7, "continues the previous paragraph")
    assert Quote.objects.filter(text=checked.text).count() == 1
    drafts = Quote.objects.filter(origin=Origin.EXTRACTED, reviewed=False)
    assert drafts.count() == 5
    assert all(q.speaker_confidence is not None and q.keep == (q.speaker_confidence >= 0.8) for q in drafts)


def test_a_byline_author_becomes_a_speaker_only_when_quoted():
    articles_import(paths=[SEEDS])
    opinion = Article.objects.get(author="Heidi Alexander")
    assert opinion.author_speaker.full_name == "Heidi Alexander"  # "who wrote this?": her own words
    assert opinion.quotes.filter(kind=Quote.Kind.WRITTEN, speaker=opinion.author_speaker).exists()

    report = article_file_import(name="byline.txt", data=(
        "Council delays the vote\n\nBy Kit Marlowe\n\n"
        "\u201cWe need more time to hear from families,\u201d said Omar Feldman, who chairs the parents' forum.").encode())
    article = Article.objects.get(source_file="byline.txt")
    assert report.errors == [] and article.author == "Kit Marlowe"
    assert article.author_speaker is None
    assert not Speaker.objects.filter(full_name="Kit Marlowe").exists()
    assert Speaker.objects.filter(debate=article.debate, full_name="Omar Feldman").exists()
