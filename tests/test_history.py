"""A player's history is never rewritten: teachers edit and withdraw content after play, and
every round still shows what was asked, what was answered, and the points earned."""

import random

import pytest
from django.db.models import ProtectedError
from django.test import Client
from django.utils import timezone

from game.models import Argument, Article, Choice, Mode, Question, Quote, RoundItem, Speaker, Status
from game.scores import player_summary
from game.services.rounds import Owner, answer_submit, round_start, sort_submit
from tests.factories import classroom_debate, more_arguments

pytestmark = pytest.mark.django_db


def played_who_said_it(student):
    """Sam plays a whole "Who said it?" round, every answer right."""
    debate = classroom_debate()
    owner = Owner(student, "")
    round_ = round_start(debate=debate, mode=Mode.WHO_SAID, owner=owner, now=timezone.now(), rng=random.Random(3))
    for item in round_.items.order_by("position"):
        answer_submit(round_id=round_.pk, position=item.position, answer_id=item.right_answer, owner=owner,
                      now=timezone.now())
    return debate, round_


def history_of(student) -> list[tuple]:
    """What Sam's profile would say of each answer, and the total."""
    items = RoundItem.objects.filter(round__player=student, answered_at__isnull=False).order_by("round__created_at", "position")
    return [(i.asked, i.right_label, i.answer_label, i.correct, i.points) for i in items]


def test_a_played_quote_cannot_be_deleted_and_the_admin_says_why(student, teacher_client):
    debate, round_ = played_who_said_it(student)
    points_before, history_before = player_summary(student).points, history_of(student)
    quote = Quote.objects.filter(round_items__round=round_).first()
    page = teacher_client.get(f"/admin/game/quote/{quote.pk}/delete/").content.decode()
    assert "can't be deleted, because students have played it" in page
    assert "Archived" in page and "Yes, I’m sure" not in page
    teacher_client.post(f"/admin/game/quote/{quote.pk}/delete/", {"post": "yes"})
    assert Quote.objects.filter(pk=quote.pk).exists()
    with pytest.raises(ProtectedError):
        quote.delete()
    assert player_summary(student).points == points_before and history_of(student) == history_before


def test_bulk_deleting_played_quotes_is_refused_in_plain_words(student, teacher_client):
    debate, round_ = played_who_said_it(student)
    played = list(Quote.objects.filter(round_items__round=round_).values_list("pk", flat=True))
    page = teacher_client.post("/admin/game/quote/", {"action": "delete_selected", "_selected_action": played})
    assert "can't be deleted, because students have played some of them" in page.content.decode()
    assert Quote.objects.filter(pk__in=played).count() == len(played)


def test_editing_a_played_quote_leaves_the_players_history_as_it_was(student):
    debate, round_ = played_who_said_it(student)
    history_before, points_before = history_of(student), player_summary(student).points
    for quote in Quote.objects.filter(round_items__round=round_):
        quote.text = quote.text[:20]
        quote.speaker = Speaker.objects.get(full_name="Heidi Alexander")
        quote.save()
    for speaker in Speaker.objects.filter(debate=debate):
        speaker.full_name = f"Renamed {speaker.pk}"
        speaker.save()
    assert history_of(student) == history_before
    assert player_summary(student).points == points_before


def test_editing_and_deleting_choices_of_a_played_question_changes_nothing_played(student):
    debate, round_ = played_who_said_it(student)
    question = Question.objects.get(round_items__round=round_)
    history_before, points_before = history_of(student), player_summary(student).points
    question.prompt = "A rewritten question"
    question.save()
    right = question.choices.get(is_correct=True)
    right.is_correct, right.text = False, "Now wrong"
    right.save()
    question.choices.exclude(pk=right.pk).first().delete()
    assert history_of(student) == history_before
    assert player_summary(student).points == points_before
    with pytest.raises(ProtectedError):
        question.delete()


def test_played_arguments_speakers_articles_and_debates_are_kept(student):
    debate = classroom_debate()
    more_arguments(debate)
    owner = Owner(student, "")
    round_ = round_start(debate=debate, mode=Mode.SORT, owner=owner, now=timezone.now(), rng=random.Random(5))
    items = list(round_.items.all())
    sort_submit(round_id=round_.pk, placements={i.position: i.right_answer for i in items}, owner=owner,
                now=timezone.now())
    history_before, points_before = history_of(student), player_summary(student).points
    assert points_before == 5 * len(items) + 10
    argument = Argument.objects.filter(round_items__round=round_).first()
    argument.claim = "Edited after play"
    argument.save()
    debate.sides.update(name="Renamed side")
    for doomed in (argument, Speaker.objects.get(full_name="Mark Porter"), Article.objects.first(), debate):
        with pytest.raises(ProtectedError):
            doomed.delete()
    assert history_of(student) == history_before
    assert player_summary(student).points == points_before


def test_the_profile_shows_the_words_as_they_were_asked(client, student):
    debate, round_ = played_who_said_it(student)
    first = round_.items.filter(quote__isnull=False).order_by("position").first()
    asked = first.asked
    Quote.objects.filter(pk=first.quote_id).update(text="Words a teacher typed later")
    client.force_login(student)
    page = client.get("/me/").content.decode()
    assert asked.split()[0] in page and "Words a teacher typed later" not in page


def test_archiving_takes_content_out_of_play_and_keeps_history(student, teacher_client):
    debate, round_ = played_who_said_it(student)
    history_before = history_of(student)
    quotes = list(Quote.objects.filter(article__debate=debate).values_list("pk", flat=True))
    response = teacher_client.post("/admin/game/quote/", {"action": "archive", "_selected_action": quotes}, follow=True)
    assert "Archived 5 items" in response.content.decode()
    assert set(Quote.objects.filter(pk__in=quotes).values_list("status", flat=True)) == {Status.ARCHIVED}
    quiz_only = round_start(debate=debate, mode=Mode.QUIZ, owner=Owner(student, ""), now=timezone.now())
    assert not quiz_only.items.filter(quote__isnull=False).exists()
    assert history_of(student) == history_before
    # The source of an archived quote stays readable from the player's feedback link.
    article = Article.objects.get(quotes__pk=quotes[0])
    assert Client().get(f"/articles/{article.pk}/").status_code == 200


def test_content_nobody_has_played_can_still_be_deleted(teacher_client):
    debate = classroom_debate()
    quote = Quote.objects.filter(article__debate=debate).first()
    response = teacher_client.post(f"/admin/game/quote/{quote.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not Quote.objects.filter(pk=quote.pk).exists()
    question = Question.objects.get(debate=debate)
    teacher_client.post(f"/admin/game/question/{question.pk}/delete/", {"post": "yes"})
    assert not Question.objects.filter(pk=question.pk).exists() and not Choice.objects.exists()
