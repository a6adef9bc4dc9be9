"""Playing through the web: nothing gives the answer away, CSRF everywhere, fixed query counts."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils.html import escape

from game.models import Argument, Mode, Quote, Round, RoundItem, Speaker, Status
from tests.factories import classroom_debate, more_arguments, round_play_through

pytestmark = pytest.mark.django_db


def start(client, debate, mode) -> Round:
    response = client.post(f"/play/{debate.slug}/{mode}/")
    assert response.status_code == 302, response.content[:500]
    return Round.objects.get(pk=response["Location"].split("/")[2])


def test_the_question_page_does_not_give_the_answer_away(client, student):
    debate = classroom_debate()
    client.force_login(student)
    round_ = start(client, debate, Mode.WHO_SAID)
    item = round_.items.get(position=0)
    if not item.quote_id:  # make the first question a quote for this check
        quote_item = round_.items.filter(quote__isnull=False).first()
        item.quote, item.question, item.options = quote_item.quote, None, quote_item.options
        item.save()
    quote = item.quote
    page = client.get(f"/rounds/{round_.pk}/").content.decode()
    assert escape(quote.text) in page
    buttons = re.findall(r'<button type="submit" name="answer" value="(\d+)" class="option">', page)
    assert sorted(map(int, buttons)) == sorted(item.options) and quote.speaker_id in item.options
    # No marker, no source: the article title and the rest of the paragraph stay hidden.
    lowered = page.lower()
    assert "correct" not in lowered and "is-right" not in lowered
    assert escape(quote.article.title) not in page
    rest_of_paragraph = quote.paragraph.text.replace(quote.text, "").strip(' "')
    assert escape(rest_of_paragraph[:25]) not in page


def test_an_htmx_answer_returns_the_feedback_partial_with_the_source(client, student):
    debate = classroom_debate()
    client.force_login(student)
    round_ = start(client, debate, Mode.WHO_SAID)
    item = round_.items.get(position=0)
    response = client.post(f"/rounds/{round_.pk}/answer/", {"position": 0, "answer": item.options[0]},
                           HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page and 'id="play"' in page
    assert "Right!" in page or "Not quite" in page
    if item.quote_id:
        assert f"<mark>{item.quote.text}</mark>".replace("'", "&#x27;").replace('"', "&quot;") in page
        assert f"/articles/{item.quote.article_id}/#p-{item.quote.paragraph.index}" in page


def test_without_javascript_an_answer_redirects_to_the_feedback_and_a_reload_resumes(client, student):
    debate = classroom_debate()
    client.force_login(student)
    round_ = start(client, debate, Mode.WHO_SAID)
    item = round_.items.get(position=0)
    response = client.post(f"/rounds/{round_.pk}/answer/", {"position": 0, "answer": item.options[0]})
    assert response.status_code == 302 and response["Location"].endswith("?answered=0")
    assert "Next question" in client.get(response["Location"]).content.decode()
    resumed = client.get(f"/rounds/{round_.pk}/").content.decode()
    assert 'name="position" value="1"' in resumed and "Question 2 of" in resumed


def test_a_repeated_post_gets_a_clear_message_and_changes_nothing(client, student):
    debate = classroom_debate()
    client.force_login(student)
    round_ = start(client, debate, Mode.WHO_SAID)
    item = round_.items.get(position=0)
    client.post(f"/rounds/{round_.pk}/answer/", {"position": 0, "answer": item.options[0]})
    item.refresh_from_db()
    before = (item.answer_speaker_id, item.answer_choice_id, item.points)
    again = client.post(f"/rounds/{round_.pk}/answer/", {"position": 0, "answer": item.options[1]})
    assert again.status_code == 409 and "already answered" in again.content.decode()
    item.refresh_from_db()
    assert (item.answer_speaker_id, item.answer_choice_id, item.points) == before


def test_garbage_answers_get_a_message_not_an_error(client, student):
    debate = classroom_debate()
    client.force_login(student)
    round_ = start(client, debate, Mode.WHO_SAID)
    response = client.post(f"/rounds/{round_.pk}/answer/", {"position": "zero", "answer": ""})
    assert response.status_code == 400 and "Choose an answer first." in response.content.decode()


def test_another_students_round_is_not_found_for_them(client, student, other_student):
    debate = classroom_debate()
    client.force_login(student)
    round_ = start(client, debate, Mode.WHO_SAID)
    intruder = Client()
    intruder.force_login(other_student)
    assert intruder.get(f"/rounds/{round_.pk}/").status_code == 404
    item = round_.items.get(position=0)
    response = intruder.post(f"/rounds/{round_.pk}/answer/", {"position": 0, "answer": item.options[0]})
    assert response.status_code == 404 and "This round isn&#x27;t available" in response.content.decode()
    assert not RoundItem.objects.filter(round=round_, answered_at__isnull=False).exists()


def test_an_expired_session_gets_a_friendly_message(client):
    debate = classroom_debate()
    round_ = start(client, debate, Mode.WHO_SAID)
    client.cookies.clear()  # the visitor's session is gone
    response = client.get(f"/rounds/{round_.pk}/")
    assert response.status_code == 404
    assert "your session may have expired" in response.content.decode()


def test_every_post_needs_the_csrf_token_htmx_included(student):
    debate = classroom_debate()
    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    assert client.post(f"/play/{debate.slug}/who_said/").status_code == 403
    page = client.get("/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    header_token = re.search(r'hx-headers=\'\{"x-csrftoken": "([^"]+)"\}\'', page).group(1)
    response = client.post(f"/play/{debate.slug}/who_said/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    round_id = response["Location"].split("/")[2]
    item = RoundItem.objects.get(round_id=round_id, position=0)
    forged = client.post(f"/rounds/{round_id}/answer/", {"position": 0, "answer": item.options[0]}, HTTP_HX_REQUEST="true")
    assert forged.status_code == 403
    with_header = client.post(f"/rounds/{round_id}/answer/", {"position": 0, "answer": item.options[0]},
                              HTTP_HX_REQUEST="true", HTTP_X_CSRFTOKEN=header_token)
    assert with_header.status_code == 200


def test_a_sorting_round_without_javascript(client, student):
    debate = classroom_debate()
    more_arguments(debate)
    client.force_login(student)
    round_ = start(client, debate, Mode.SORT)
    page = client.get(f"/rounds/{round_.pk}/").content.decode()
    items = list(round_.items.select_related("argument"))
    for item in items:
        assert item.argument.claim in page
    assert "is-right" not in page and "argued by" not in page
    response = client.post(f"/rounds/{round_.pk}/sort/", {f"card-{i.position}": i.argument.side_id for i in items})
    assert response.status_code == 302
    result = client.get(f"/rounds/{round_.pk}/").content.decode()
    assert f"{len(items)} of {len(items)} right" in result
    again = client.post(f"/rounds/{round_.pk}/sort/", {f"card-{i.position}": i.argument.side_id for i in items})
    assert again.status_code == 409


def test_the_profile_shows_only_the_players_own_rounds(client, student, other_student):
    debate = classroom_debate()
    other = Client()
    other.force_login(other_student)
    other_round = start(other, debate, Mode.WHO_SAID)
    round_play_through(other, other_round.pk)
    client.force_login(student)
    page = client.get("/me/").content.decode()
    assert "sam's scores" in page and "No rounds yet" in page
    assert client.get("/me/?user=priya").content.decode().count("No rounds yet") == 1
    assert Client().get("/me/").status_code == 302  # visitors are asked to log in


def test_the_leaderboard_ranks_players_and_shows_my_rank_outside_the_top_ten(client, student):
    debate = classroom_debate()
    players = [User.objects.create_user(f"player{n:02}", password="x") for n in range(12)]
    for n, player in enumerate(players):
        round_ = Round.objects.create(debate=debate, mode=Mode.QUIZ, player=player, created_at=timezone_now())
        question = debate.questions.first()
        RoundItem.objects.create(round=round_, position=0, question=question, options=[], answered_at=timezone_now(),
                                 correct=True, points=100 + n)
    mine = Round.objects.create(debate=debate, mode=Mode.QUIZ, player=student, created_at=timezone_now())
    RoundItem.objects.create(round=mine, position=0, question=debate.questions.first(), options=[],
                             answered_at=timezone_now(), correct=True, points=5)
    client.force_login(student)
    page = client.get(f"/leaderboard/{debate.slug}/").content.decode()
    assert page.index("player11") < page.index("player10")
    assert "player01" not in page  # 12th place is below the top ten
    assert re.search(r"<td>13</td><td>sam \(you\)</td><td>5</td>", page)
    week = client.get(f"/leaderboard/{debate.slug}/?period=week").content.decode()
    assert "sam (you)" in week


def timezone_now():
    from django.utils import timezone

    return timezone.now()


@pytest.fixture
def crowd():
    """Make a debate with `n` extra quotes and players, for query-count comparisons."""

    def make(n: int):
        debate = classroom_debate()
        more_arguments(debate)
        article = debate.articles.first()
        paragraph = article.paragraphs.get(index=0)
        hunt = Speaker.objects.get(full_name="Jeremy Hunt")
        Quote.objects.bulk_create(
            Quote(article=article, paragraph=paragraph, start=i, end=i + 20, text=paragraph.text[i : i + 20],
                  speaker=hunt, status=Status.PUBLISHED)
            for i in range(1, n + 1)
        )
        users = User.objects.bulk_create(User(username=f"crowd{i}", password="!") for i in range(n))
        rounds = Round.objects.bulk_create(
            Round(debate=debate, mode=Mode.QUIZ, player=user, created_at=timezone_now()) for user in users
        )
        question = debate.questions.first()
        RoundItem.objects.bulk_create(
            RoundItem(round=r, position=0, question=question, options=[], answered_at=timezone_now(), correct=True,
                      points=10)
            for r in rounds
        )
        return debate

    return make


@pytest.mark.parametrize("size", [10, 10_000])
def test_each_game_view_costs_a_fixed_number_of_queries(client, student, crowd, size, assert_queries):
    debate = crowd(size)
    client.force_login(student)
    # Warm up: the session, and one finished round for the profile.
    client.get("/")
    played = start(client, debate, Mode.WHO_SAID)
    round_play_through(client, played.pk)
    RoundItem.objects.filter(round=played, position=0).update(correct=False)  # one mix-up waiting, whatever was dealt
    round_ = start(client, debate, Mode.WHO_SAID)
    sort_round = start(client, debate, Mode.SORT)
    item = round_.items.get(position=0)
    # The same counts with 10 and with 10,000 quotes and players: no query per row.
    # A question page: session, user, round, items. An answer: session, user, the locked round,
    # its items, the answer saved (and the round marked finished after the last one).
    # The home page and the profile also count the mix-ups waiting (one query; two on the profile when
    # some are waiting: their debates); the profile also lists the player's rebuttals (one query).
    # The profile's confusions (speakers, sides and kinds of evidence) are one query, not two. The home
    # page asks once which debates have enough kept misquotes for Spot the misquote.
    expected = {"home": 12, "round": 4, "answer": 5, "last_answer": 6, "sort_page": 5, "sort": 6, "profile": 13,
                "leaderboard": 4}
    with assert_queries(expected["home"]):
        client.get("/")
    with assert_queries(expected["round"]):
        client.get(f"/rounds/{round_.pk}/")
    with assert_queries(expected["answer"]):
        response = client.post(f"/rounds/{round_.pk}/answer/", {"position": 0, "answer": item.options[0]},
                               HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    for position in range(1, round_.items.count() - 1):
        client.post(f"/rounds/{round_.pk}/answer/", {"position": position,
                                                     "answer": round_.items.get(position=position).options[0]})
    last = round_.items.order_by("position").last()
    with assert_queries(expected["last_answer"]):
        response = client.post(f"/rounds/{round_.pk}/answer/", {"position": last.position, "answer": last.options[0]},
                               HTTP_HX_REQUEST="true")
    assert "Round complete" in response.content.decode()
    with assert_queries(expected["sort_page"]):
        client.get(f"/rounds/{sort_round.pk}/")
    cards = list(sort_round.items.select_related("argument"))
    with assert_queries(expected["sort"]):
        client.post(f"/rounds/{sort_round.pk}/sort/", {f"card-{c.position}": c.argument.side_id for c in cards},
                    HTTP_HX_REQUEST="true")
    with assert_queries(expected["profile"]):
        client.get("/me/")
    with assert_queries(expected["leaderboard"]):
        client.get(f"/leaderboard/{debate.slug}/")


def test_a_visitors_answer_costs_no_session_write(client, assert_queries):
    """A visitor's session is saved once, when their first round starts; answers only read it."""
    debate = classroom_debate()
    round_ = start(client, debate, Mode.WHO_SAID)
    item = round_.items.get(position=0)
    with assert_queries(4) as captured:  # session, the locked round, its items, the answer saved
        client.post(f"/rounds/{round_.pk}/answer/", {"position": 0, "answer": item.options[0]}, HTTP_HX_REQUEST="true")
    assert not any("django_session" in q["sql"] and not q["sql"].startswith("SELECT") for q in captured.captured_queries)


def test_checking_an_unfinished_board_without_javascript_keeps_it(client, student):
    debate = classroom_debate()
    more_arguments(debate)
    client.force_login(student)
    round_ = start(client, debate, Mode.SORT)
    items = list(round_.items.select_related("argument").order_by("position"))
    placed = {f"card-{i.position}": i.argument.side_id for i in items[1:]}
    response = client.post(f"/rounds/{round_.pk}/sort/", placed)
    page = response.content.decode()
    assert response.status_code == 400
    assert "1 card is still to place" in page and page.count("Still to place") == 1
    for item in items[1:]:
        assert re.search(rf'name="card-{item.position}" value="{item.argument.side_id}" data-side="\d+" checked', page)
    assert "Check my answers" in page and "Back to the games" not in page
    assert not RoundItem.objects.filter(round=round_, answered_at__isnull=False).exists()


def test_the_health_check_costs_one_query_and_no_session(client, assert_queries):
    with assert_queries(1):
        response = client.get("/health/")
    assert response.status_code == 200 and response.content == b"ok" and "sessionid" not in response.cookies


@pytest.mark.parametrize("size", [10, 10_000])
def test_what_kind_of_evidence_costs_the_same_queries_as_any_round(client, student, crowd, size, assert_queries):
    """Its page and its answer read what every round does: no query per argument or player."""
    debate = crowd(size)
    Argument.objects.filter(debate=debate).update(reason_type="prediction")
    Quote.objects.filter(article__debate=debate).update(reason_type="value")  # quotations are asked too
    side, article = debate.sides.first(), debate.articles.first()
    paragraph = article.paragraphs.first()
    Argument.objects.bulk_create(
        Argument(debate=debate, claim=f"Claim {n}", side=side, article=article, paragraph=paragraph,
                 status=Status.PUBLISHED, reason_type="value")
        for n in range(size))
    client.force_login(student)
    client.get("/")
    round_ = start(client, debate, Mode.REASON_TYPES)
    item = round_.items.get(position=0)
    with assert_queries(4):
        client.get(f"/rounds/{round_.pk}/")
    with assert_queries(5):
        response = client.post(f"/rounds/{round_.pk}/answer/", {"position": 0, "answer": item.right_answer},
                               HTTP_HX_REQUEST="true")
    assert "Right!" in response.content.decode()


@pytest.mark.parametrize("size", [10, 10_000])
def test_the_new_modes_cost_the_same_queries_at_10_and_10000_items(client, student, crowd, size, assert_queries):
    """Whose words?, Put the story in order and Answer the other side read what every round does,
    however many sentences, events, quotes and players there are."""
    from datetime import date, timedelta

    from game.models import Event, Sentence

    debate = crowd(size)
    article = debate.articles.first()
    paragraph = article.paragraphs.get(index=0)
    Sentence.objects.bulk_create(
        Sentence(debate=debate, article=article, paragraph=paragraph, start=n, end=n + 10, text=paragraph.text[n:n + 10],
                 label="own", status=Status.PUBLISHED) for n in range(size))
    Event.objects.bulk_create(
        Event(debate=debate, article=article, happened_on=date(2000, 1, 1) + timedelta(days=n), text=f"Event {n}",
              status=Status.PUBLISHED) for n in range(size))
    client.force_login(student)
    client.get("/")
    words = start(client, debate, Mode.DIRECT_OR_REPORTED)
    item = words.items.get(position=0)
    with assert_queries(4):
        client.get(f"/rounds/{words.pk}/")
    with assert_queries(5):
        client.post(f"/rounds/{words.pk}/answer/", {"position": 0, "answer": item.right_answer}, HTTP_HX_REQUEST="true")
    timeline = start(client, debate, Mode.TIMELINE)
    cards = list(timeline.items.all())
    with assert_queries(4):
        client.get(f"/rounds/{timeline.pk}/")
    # session, user, the locked round, its items, the answers saved, the round finished
    with assert_queries(6):
        response = client.post(f"/rounds/{timeline.pk}/order/", {f"card-{c.position}": c.right_answer for c in cards},
                               HTTP_HX_REQUEST="true")
    assert "pairs in the right order" in response.content.decode()
    rebuttal = start(client, debate, Mode.REBUTTAL)
    with assert_queries(4):
        client.get(f"/rounds/{rebuttal.pk}/")
    # session, user, the locked round, its item, the item and the round saved, the rebuttal stored;
    # then the page: the round and its item with the rebuttal
    with assert_queries(9):
        response = client.post(f"/rounds/{rebuttal.pk}/rebut/", {"text": "The pilot idea answers this."},
                               HTTP_HX_REQUEST="true")
    assert "Sent to your teacher" in response.content.decode()
