"""What kind of evidence?: the importer suggests a kind from cue words, a teacher confirms it, and a
player says what an argument rests on; the answer shows the paragraph it comes from."""

import random

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from game import rules
from game.models import Argument, Mode, Quote, Round
from game.modes import homework_modes, mode_of, modes
from game.services.debates import DebateError, argument_review
from game.services.live import game_create
from game.services.rounds import Owner, round_start
from tests.factories import classroom_debate

pytestmark = pytest.mark.django_db


def tag(debate, kinds):
    """Confirm kinds for the classroom debate's arguments, in order of their ids."""
    for argument, kind in zip(Argument.objects.filter(debate=debate).order_by("pk"), kinds):
        argument.reason_type = kind
        argument.save(update_fields=["reason_type"])


def test_cue_words_suggest_a_kind_and_nothing_is_guessed_without_them():
    assert rules.reason_suggest("There have already been 75 meetings with the BMA.") == "statistic"
    assert rules.reason_suggest("Over half of trusts said so.") == "statistic"
    assert rules.reason_suggest("A study by Professor Smith found weekend deaths were higher.") == "expert"
    assert rules.reason_suggest("The Royal Colleges warn it makes recruitment harder.") == "expert"
    assert rules.reason_suggest("A strike would put huge extra strain on the NHS.") == "prediction"
    assert rules.reason_suggest("The BMA walked out of talks first.") == "example"
    assert rules.reason_suggest("It is not fair to ask staff to do more for less.") == "value"
    assert rules.reason_suggest("Saturday pay is the issue.") == ""  # no cue: left for a teacher


def test_the_registry_holds_every_mode_with_where_it_can_be_played():
    assert set(modes()) == {"who_said", "sort", "quiz", "reason_types", "direct_or_reported", "rebuttal", "timeline",
                            "misquote", "mix_ups"}
    assert mode_of("misquote").live == "misquote" and homework_modes()["misquote"] == (mode_of("misquote"), False)
    assert mode_of("reason_types").live == "reason_types" and not mode_of("reason_types").board
    assert mode_of("sort").board and mode_of("sort").template == "game/sort.html"
    assert homework_modes()["mix"] == (mode_of("who_said"), True)
    assert homework_modes()["reason_types"] == (mode_of("reason_types"), False)


def test_a_round_asks_only_confirmed_kinds_and_scores_on_the_server(client, student):
    debate = classroom_debate()
    client.force_login(student)
    response = client.post(f"/play/{debate.slug}/reason_types/")
    assert response.status_code == 302 and response["Location"] == "/"  # nothing confirmed yet: told so
    assert "confirmed the kinds of evidence" in client.get("/").content.decode()

    tag(debate, ["prediction", "example", "", "value"])  # the third is left unconfirmed
    response = client.post(f"/play/{debate.slug}/reason_types/")
    round_ = Round.objects.get(pk=response["Location"].split("/")[2])
    items = list(round_.items.order_by("position"))
    assert round_.mode == Mode.REASON_TYPES and len(items) == 3
    assert {item.argument.reason_type for item in items} == {"prediction", "example", "value"}
    first = items[0]
    page = client.get(f"/rounds/{round_.pk}/").content.decode()
    assert "What kind of evidence does this argument rest on?" in page and first.asked in page
    assert "is-right" not in page and escape(first.source["paragraph"][:40]) not in page  # no hint before answering
    right = first.right_answer
    response = client.post(f"/rounds/{round_.pk}/answer/", {"position": 0, "answer": right}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    first.refresh_from_db()
    assert first.correct and first.points == rules.POINTS_RIGHT
    assert "Right!" in page and first.source["explanation"] in page
    assert escape(first.source["paragraph"][:40]) in page  # the feedback shows the paragraph it comes from
    wrong = next(option for option in items[1].options if option != items[1].right_answer)
    client.post(f"/rounds/{round_.pk}/answer/", {"position": 1, "answer": wrong})
    items[1].refresh_from_db()
    assert not items[1].correct and items[1].points == 0 and items[1].answer_side_id is None
    response = client.post(f"/rounds/{round_.pk}/answer/", {"position": 2, "answer": 99})
    assert response.status_code == 400  # not one of the five


def test_a_teacher_confirms_or_changes_the_suggested_kind_on_the_review_page(teacher_client, teacher):
    from game.services.debates import debate_create

    debate = debate_create(owner=teacher, motion="This house would pilot the contract first")
    article = classroom_debate().articles.first()
    argument = Argument.objects.create(debate=debate, claim="There have been 75 meetings.", article=article,
                                       paragraph=article.paragraphs.first(), reason_suggested="statistic")
    page = teacher_client.get(f"/teach/debates/{debate.pk}/").content.decode()
    assert 'value="statistic" selected>A statistic (suggested)' in page
    response = teacher_client.post(f"/teach/debates/{debate.pk}/arguments/{argument.pk}/",
                                   {"claim": argument.claim, "side": "", "reason": "example"})
    assert response.status_code == 302
    argument.refresh_from_db()
    assert argument.reason_type == "example" and argument.reviewed
    with pytest.raises(DebateError, match="not one of the five"):
        argument_review(argument=argument, claim="x", side_id=None, keep=True, reason="hunch")


def test_the_seed_debate_has_confirmed_kinds_for_its_arguments_each_in_its_paragraph():
    from pathlib import Path

    from game.models import Debate
    from game.services.importing import articles_import

    articles_import(paths=[Path("seeds")])
    debate = Debate.objects.get(slug="junior-doctors-contract")
    tagged = Argument.objects.filter(debate=debate).exclude(reason_type="")
    assert tagged.count() >= 15
    assert set(tagged.values_list("reason_type", flat=True)) == {slug for slug, _, _ in rules.REASON_TYPES}
    quotes = Quote.objects.filter(article__debate=debate).exclude(reason_type="")
    assert quotes.count() >= 10  # quotations are tagged too, each by a teacher's reading
    assert Quote.objects.get(text="risks the safety of many patients").reason_suggested == "prediction"  # cue: risk
    items = round_start(debate=debate, mode="reason_types", owner=Owner(None, "s"), now=timezone.now(),
                        rng=random.Random(3), count=50).items.all()
    assert {bool(item.quote_id) for item in items} == {True, False}
    for item in items:
        content = item.quote or item.argument
        assert item.asked == (item.quote.text if item.quote_id else item.argument.claim)
        assert item.source["paragraph"] == content.paragraph.text


def test_homework_and_a_live_game_deal_kinds_of_evidence(teacher, student):
    from game.services.classes import classroom_create
    from game.services.rounds import homework_round_start
    from game.models import Assignment, Membership

    debate = classroom_debate()
    tag(debate, ["prediction", "example", "expert", "value"])
    classroom = classroom_create(teacher=teacher, name="Year 10")
    Membership.objects.create(classroom=classroom, student=student, display_name="Sam K.")
    now = timezone.now()
    assignment = Assignment.objects.create(classroom=classroom, debate=debate, title="Evidence", mode="reason_types",
                                           questions=4, opens_at=now, due_at=now + timezone.timedelta(days=2))
    round_ = homework_round_start(assignment=assignment, student=student, now=now)
    assert round_.mode == "reason_types" and round_.items.count() == 4
    game = game_create(host=teacher, debate=debate, mode="reason_types", questions=3, seconds=20)
    assert [q.kind for q in game.questions.all()] == ["reason"] * 3
    phone = Client()
    phone.post("/live/", {"pin": game.pin, "nickname": "Ann"})
    from game.services.live import host_action

    host_action(game=game, action="start", version=game.version, now=timezone.now())
    page = phone.get(f"/live/{game.pin}/").content.decode()
    assert "What kind of evidence?" in page and "A prediction" in page


def test_a_quotation_is_asked_for_its_kind_in_its_own_words(client, student, teacher_client):
    """A teacher confirms a quotation's kind on the review page; a player is asked it with the
    quotation's words and the passage marked; the answer is the kind, never a speaker; a confusion
    shows on My scores as kinds, and item analysis keeps it apart from "Who said it?"."""
    from game.modes.mix_ups import item_key
    from game.reports import _item_key
    from game.services.debates import quote_review

    debate = classroom_debate()
    quote = Quote.objects.filter(article__debate=debate).order_by("pk").first()
    with pytest.raises(DebateError, match="not one of the five"):
        quote_review(quote=quote, speaker_id=quote.speaker_id, keep=True, card=False, card_claim="", reason="gossip")
    quote_review(quote=quote, speaker_id=quote.speaker_id, keep=True, card=False, card_claim="", reason="prediction")
    client.force_login(student)
    response = client.post(f"/play/{debate.slug}/reason_types/")
    round_ = Round.objects.get(pk=response["Location"].split("/")[2])
    item = round_.items.get()
    assert (item.quote_id, item.kind, item.asked, item.right_label) == (quote.pk, "reason", quote.text, "A prediction")
    page = client.get(f"/rounds/{round_.pk}/").content.decode()
    assert "What kind of evidence does this quotation rest on?" in page and f"“{escape(quote.text)}”" in page
    wrong = next(option for option in item.options if option != item.right_answer)
    page = client.post(f"/rounds/{round_.pk}/answer/", {"position": 0, "answer": wrong},
                       HTTP_HX_REQUEST="true").content.decode()
    assert "The answer: A prediction." in page and f"<mark>{escape(quote.text)}</mark>" in page
    assert " said it" not in page  # the feedback is about the kind, not the speaker
    item.refresh_from_db()
    assert item.answer_speaker_id is None and item.correct is False
    me = client.get("/me/").content.decode()
    assert "You took <strong>a prediction</strong> for <strong>" in me
    row = {"kind": "reason", "quote_id": quote.pk, "question_id": None, "sentence_id": None, "argument_id": None,
           "event_id": None}
    assert _item_key(row) == item_key(row) == ("reason_quote", quote.pk)
    assert _item_key({**row, "kind": "spoken"}) == ("quote", quote.pk)


def test_a_live_game_shows_a_quotation_asked_for_its_kind_in_quotation_marks(teacher):
    from game.services.live import host_action

    debate = classroom_debate()
    quote = Quote.objects.filter(article__debate=debate).order_by("pk").first()
    Quote.objects.filter(pk=quote.pk).update(reason_type="value")
    game = game_create(host=teacher, debate=debate, mode="reason_types", questions=1, seconds=20)
    question = game.questions.get()
    assert (question.quote_id, question.kind, question.paraphrase) == (quote.pk, "reason", False)
    phone = Client()
    phone.post("/live/", {"pin": game.pin, "nickname": "Ann"})
    host_action(game=game, action="start", version=game.version, now=timezone.now())
    page = phone.get(f"/live/{game.pin}/").content.decode()
    assert "What kind of evidence?" in page and f"“{escape(quote.text)}" in page
