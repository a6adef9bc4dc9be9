"""Whose words?: a sentence of an article, and whether it is a direct quotation, reported speech or
the journalist's own words. Suggested by the importer, confirmed by a teacher, true to the article."""

import random
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from game import rules
from game.importer.formats import article_read
from game.importer.quotes import find_quotes
from game.importer.sentences import label_suggest, sentence_candidates
from game.models import Debate, Mode, Round, Sentence, Status
from game.services.importing import articles_import
from game.services.live import game_create, host_action
from game.services.rounds import Owner, round_start

pytestmark = pytest.mark.django_db


def seed_debate() -> Debate:
    articles_import(paths=[Path("seeds")])
    return Debate.objects.get(slug="junior-doctors-contract")


def test_the_importer_suggests_a_label_from_quotation_marks_and_attribution_verbs():
    assert label_suggest('He said: "We will not back down."', holds_quotation=True) == "direct"
    assert label_suggest("The BMA said it would consider calling off the strike.", holds_quotation=False) == "reported"
    assert label_suggest("Mr Hunt urged the BMA to call off the strike.", holds_quotation=False) == "reported"
    assert label_suggest("The strike starts on Tuesday at 8am.", holds_quotation=False) == "own"
    name = "003_7270f6bf4a5629cd.txt"
    article = article_read(Path("seeds", name).read_bytes(), name)
    candidates = sentence_candidates(article, find_quotes([article])[0])
    for candidate in candidates:  # every suggestion is a whole sentence at its place in its paragraph
        paragraph = article.paragraphs[candidate.paragraph_index].text
        assert paragraph[candidate.start:candidate.end] == candidate.text
    by_text = {c.text[:30]: c.label for c in candidates}
    assert by_text["Instead he wrote to the BMA ch"] == "direct"
    assert by_text["In response, the BMA rejected "] == "reported"


def test_the_seed_debate_has_labelled_sentences_of_each_kind_word_for_word():
    debate = seed_debate()
    published = Sentence.objects.filter(debate=debate, status=Status.PUBLISHED).exclude(label="")
    assert {s.label for s in published} == {"direct", "reported", "own"} and published.count() >= 9
    for sentence in published:
        assert sentence.paragraph.text[sentence.start:sentence.end] == sentence.text
    drafts = Sentence.objects.filter(debate=debate, status=Status.DRAFT)
    assert drafts.exists() and all(s.label == "" and s.label_suggested for s in drafts)  # suggestions wait
    articles_import(paths=[Path("seeds")])  # importing again changes nothing
    assert Sentence.objects.filter(debate=debate, status=Status.PUBLISHED).count() == published.count()


def test_a_round_asks_whose_words_and_shows_the_sentence_in_its_paragraph(client, student):
    debate = seed_debate()
    client.force_login(student)
    response = client.post(f"/play/{debate.slug}/direct_or_reported/")
    round_ = Round.objects.get(pk=response["Location"].split("/")[2])
    assert round_.mode == Mode.DIRECT_OR_REPORTED
    first = round_.items.get(position=0)
    page = client.get(f"/rounds/{round_.pk}/").content.decode()
    assert "Whose words are these" in page and escape(first.asked) in page and "is-right" not in page
    wrong = next(o for o in first.options if o != first.right_answer)
    page = client.post(f"/rounds/{round_.pk}/answer/", {"position": 0, "answer": wrong},
                       HTTP_HX_REQUEST="true").content.decode()
    first.refresh_from_db()
    assert not first.correct and first.points == 0 and "Not quite" in page
    assert f"<mark>{escape(first.sentence.text)}</mark>" in page  # highlighted in its paragraph
    assert escape(first.source["explanation"]) in page
    second = round_.items.get(position=1)
    client.post(f"/rounds/{round_.pk}/answer/", {"position": 1, "answer": second.right_answer})
    second.refresh_from_db()
    assert second.correct and second.points == rules.POINTS_RIGHT


def test_only_confirmed_sentences_are_dealt_and_live_games_and_homework_deal_them(teacher):
    debate = seed_debate()
    confirmed = set(Sentence.objects.filter(debate=debate, status=Status.PUBLISHED).exclude(label="")
                    .values_list("pk", flat=True))
    round_ = round_start(debate=debate, mode="direct_or_reported", owner=Owner(None, "s"), now=timezone.now(),
                         rng=random.Random(5), count=50)
    assert {item.sentence_id for item in round_.items.all()} == confirmed
    game = game_create(host=teacher, debate=debate, mode="direct_or_reported", questions=3, seconds=20)
    assert [q.kind for q in game.questions.all()] == ["sentence"] * 3
    phone = Client()
    phone.post("/live/", {"pin": game.pin, "nickname": "Ann"})
    host_action(game=game, action="start", version=game.version, now=timezone.now())
    page = phone.get(f"/live/{game.pin}/").content.decode()
    assert "Whose words: quoted, reported, or the journalist" in page and "Reported speech" in page
