"""Put the story in order: dated events, ordered by the player, partial credit for the pairs the
right way round, and the right order shown with dates and sources."""

import random
from datetime import date

import pytest
from django.utils import timezone

from game import rules
from game.models import Event, Mode, Round, Status
from game.services.rounds import Owner, round_start
from tests.factories import classroom_debate

pytestmark = pytest.mark.django_db


def events_make(debate, n=5):
    article = debate.articles.first()
    days = [date(2016, 1, 12), date(2016, 2, 10), date(2016, 3, 9), date(2016, 4, 26), date(2016, 5, 18),
            date(2016, 7, 5)][:n]
    return [Event.objects.create(debate=debate, happened_on=day, text=f"Event on {day:%d %B}", article=article,
                                 paragraph=article.paragraphs.get(index=n_ % 5), status=Status.PUBLISHED)
            for n_, day in enumerate(days)]


def test_partial_credit_counts_the_pairs_the_right_way_round():
    assert rules.pairs_in_order([1, 2, 3, 4], [1, 2, 3, 4]) == (6, 6)
    assert rules.pairs_in_order([4, 3, 2, 1], [1, 2, 3, 4]) == (0, 6)
    assert rules.pairs_in_order([2, 1, 3, 4], [1, 2, 3, 4]) == (5, 6)  # one swap: one pair wrong
    assert rules.pairs_in_order([1, 3, 2, 5, 4, 6], [1, 2, 3, 4, 5, 6]) == (13, 15)


def test_a_debate_without_enough_dated_events_says_so(client):
    debate = classroom_debate()
    events_make(debate, n=3)
    response = client.post(f"/play/{debate.slug}/timeline/", follow=True)
    assert "needs at least 4 published events on different dates" in response.content.decode()


def test_a_timeline_is_checked_once_with_points_for_each_pair_in_order(client, student):
    debate = classroom_debate()
    events_make(debate, n=5)
    client.force_login(student)
    response = client.post(f"/play/{debate.slug}/timeline/")
    round_ = Round.objects.get(pk=response["Location"].split("/")[2])
    items = list(round_.items.order_by("position"))
    assert round_.mode == Mode.TIMELINE and len(items) == 5 and sorted(i.right_answer for i in items) == [1, 2, 3, 4, 5]
    page = client.get(f"/rounds/{round_.pk}/").content.decode()
    assert "Put these events in the order they happened" in page and "2016" not in page  # no dates before checking
    url = f"/rounds/{round_.pk}/order/"
    response = client.post(url, {f"card-{i.position}": 1 for i in items}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400 and "a different place from 1 to 5" in response.content.decode()
    # All right but the two earliest swapped: 9 of 10 pairs.
    places = {i.position: i.right_answer for i in items}
    first, second = (next(i for i in items if i.right_answer == r) for r in (1, 2))
    places[first.position], places[second.position] = 2, 1
    page = client.post(url, {f"card-{p}": v for p, v in places.items()}, HTTP_HX_REQUEST="true").content.decode()
    assert "9 of 10 pairs in the right order: 18 points" in page
    assert page.index("12 January 2016") < page.index("10 February 2016") < page.index("18 May 2016")  # right order
    assert sum(i.points for i in round_.items.all()) == 9 * rules.POINTS_PER_PAIR
    assert client.post(url, {f"card-{p}": v for p, v in places.items()}).status_code == 409  # once


def test_six_events_at_most_and_homework_can_deal_them():
    debate = classroom_debate()
    events_make(debate, n=6)
    Event.objects.create(debate=debate, happened_on=date(2016, 1, 12), text="Same day as another",
                         article=debate.articles.first(), status=Status.PUBLISHED)
    round_ = round_start(debate=debate, mode="timeline", owner=Owner(None, "x"), now=timezone.now(),
                         rng=random.Random(1))
    items = list(round_.items.all())
    assert len(items) == 6 and len({i.event.happened_on for i in items}) == 6  # one event a day


def test_a_dated_article_suggests_its_headline_as_an_event_and_nothing_undated_is_dated():
    from pathlib import Path

    from game.models import Article, Debate
    from game.services.importing import articles_import

    articles_import(paths=[Path("seeds")])
    debate = Debate.objects.get(slug="junior-doctors-contract")
    suggested = list(Event.objects.filter(debate=debate))
    dated = list(Article.objects.filter(debate=debate, published__isnull=False))
    assert len(suggested) == len(dated) == 2  # the seed articles date only two of five
    for event in suggested:
        assert (event.status, event.keep) == (Status.DRAFT, False)  # for a teacher to keep and reword
        assert (event.text, event.happened_on) == (event.article.title, event.article.published)
    articles_import(paths=[Path("seeds")])
    assert Event.objects.filter(debate=debate).count() == 2  # importing again suggests nothing twice
