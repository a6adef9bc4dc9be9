"""Migrations applied to a database that already holds a debate: what its rows become."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE, AFTER = ("game", "0018_kind_of_evidence_help"), ("game", "0019_quote_speaker_confidence")


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()  # the state on disk, after any earlier migrate in this test
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


@pytest.fixture(autouse=True)
def latest_afterwards():
    """Leave the schema as the rest of the suite expects it, whatever the test migrated to."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_quotations_stored_before_confidence_was_measured_have_none_and_no_cue():
    old = migrate(BEFORE)
    debate = old.get_model("game", "Debate").objects.create(slug="old", topic="Old", motion="Old")
    article = old.get_model("game", "Article").objects.create(debate=debate, source_file="old.txt",
                                                              body="\u201cWords,\u201d she said.", content_hash="x")
    paragraph = old.get_model("game", "Paragraph").objects.create(article=article, index=0, start=0,
                                                                  text="\u201cWords,\u201d she said.")
    old.get_model("game", "Quote").objects.create(article=article, paragraph=paragraph, start=1, end=6, text="Words",
                                                  origin="extracted", keep=True)

    new = migrate(AFTER)
    quote = new.get_model("game", "Quote").objects.get(text="Words")
    assert (quote.speaker_confidence, quote.speaker_cue, quote.keep) == (None, "", True)
