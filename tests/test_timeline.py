"""Put the story in order: dated events, ordered by the player, partial credit for the pairs the
right way round, and the right order shown with dates and sources."""

import random
from datetime import date

import pytest
from django.utils import timezone
from django.utils.html import escape

from game import rules
from game.models import Event, Mode, Quote, Round, Status
from game.services.rounds import Owner, round_start
from tests.factories import article_make, classroom_debate

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


def test_the_seed_debate_can_be_put_in_order_out_of_the_box(client):
    from pathlib import Path

    from game.models import Debate
    from game.services.importing import articles_import

    articles_import(paths=[Path("seeds")])
    debate = Debate.objects.get(slug="junior-doctors-contract")
    published = list(Event.objects.filter(debate=debate, status=Status.PUBLISHED))
    assert len(published) >= 6 and len({e.happened_on for e in published}) >= 5
    assert all(e.dated_by for e in published)
    response = client.post(f"/play/{debate.slug}/timeline/")
    round_ = Round.objects.get(pk=response["Location"].split("/")[2])
    items = list(round_.items.select_related("event"))
    assert len(items) == 5 and len({i.event.happened_on for i in items}) == 5
    page = client.get(f"/rounds/{round_.pk}/").content.decode()
    board = page[page.index('<ol class="timeline-board"'):page.index("</ol>", page.index('<ol class="timeline-board"'))]
    assert all(escape(i.event.text) in board for i in items)
    for giveaway in ("2015", "2016", "Yesterday", "Saturday", "Sunday", "Tuesday"):
        assert giveaway not in board  # nothing on the cards gives the order away
    answers = {f"card-{i.position}": i.right_answer for i in items}
    page = client.post(f"/rounds/{round_.pk}/order/", answers, HTTP_HX_REQUEST="true").content.decode()
    assert "10 of 10 pairs in the right order" in page
    # Five days, five cards: every day is dealt, the Royal Colleges' warning (its only event) among them.
    assert "How we know the date: The article is dated 25 September 2015 and says “Yesterday”." in page
    assert page.index("24 September 2015") < page.index("23 April 2016") < page.index("26 April 2016")


def test_a_dated_article_suggests_its_dated_events_as_drafts_and_an_undated_one_only_full_dates(tmp_path):
    from game.models import Debate
    from game.services.importing import articles_import

    (tmp_path / "dated.txt").write_text(
        "Sunday 24 April 2016\n\nCouncil backs new library\n\n"
        "Councillors voted on Saturday to build a new library in the town centre.\n\n"
        "\"We will open it today,\" the leader said.\n\n"
        "The library is set to open on Tuesday.\n", encoding="utf-8")
    (tmp_path / "undated.txt").write_text(
        "Why the library matters\n\nOn Monday the council met again.\n\n"
        "The old library closed on 12 January 2016 after the roof fell in.\n", encoding="utf-8")
    articles_import(paths=[tmp_path])
    events = {(e.article.source_file, e.happened_on): e for e in Event.objects.select_related("article")}
    assert set(events) == {("dated.txt", date(2016, 4, 24)), ("dated.txt", date(2016, 4, 23)),
                           ("undated.txt", date(2016, 1, 12))}
    saturday = events[("dated.txt", date(2016, 4, 23))]
    assert saturday.text == "Councillors voted to build a new library in the town centre."
    assert "says “on Saturday”" in saturday.dated_by and saturday.paragraph.index == 0
    assert events[("undated.txt", date(2016, 1, 12))].dated_by == "The paragraph gives the date: “12 January 2016”."
    for event in events.values():
        assert (event.status, event.keep, event.reviewed) == (Status.DRAFT, False, False)  # a teacher keeps them
    articles_import(paths=[tmp_path])
    assert Event.objects.count() == 3  # importing again suggests nothing twice
    assert Debate.objects.count() == 1


def test_a_teacher_rewords_redates_and_keeps_an_event_then_publishing_counts_it(teacher_client, teacher):
    from game.services.debates import debate_create, debate_readiness

    debate = debate_create(owner=teacher, motion="Libraries should open on Sundays")
    other = classroom_debate()
    article = article_make(debate, ["Councillors voted on Friday to open the library on Sundays."])
    event = Event.objects.create(debate=debate, article=article, happened_on=date(2016, 4, 23), text="Draft words",
                                 keep=False)
    url = f"/teach/debates/{debate.pk}/events/{event.pk}/"
    page = teacher_client.post(url, {"text": "", "happened_on": "2016-04-23", "dated_by": "x", "keep": "on"},
                               follow=True).content.decode()
    assert "Say what happened" in page
    page = teacher_client.post(url, {"text": "The council votes", "happened_on": "23/04/2016", "dated_by": "x",
                                     "keep": "on"}, follow=True).content.decode()
    assert "Give the date the source says it happened" in page
    page = teacher_client.post(url, {"text": "The council votes", "happened_on": "2016-04-22", "dated_by": "",
                                     "keep": "on"}, follow=True).content.decode()
    assert "Say how the source dates it" in page
    teacher_client.post(url, {"text": "  The council   votes ", "happened_on": "2016-04-22",
                              "dated_by": "The article is dated Sunday 24 April 2016 and says “on Friday”.",
                              "keep": "on"})
    event.refresh_from_db()
    assert (event.text, event.happened_on, event.keep, event.reviewed) == ("The council votes", date(2016, 4, 22),
                                                                            True, True)
    assert "has 0" in debate_readiness(debate).timeline
    page = teacher_client.post(f"/teach/debates/{debate.pk}/publish/", follow=True).content.decode()
    assert "1 dated event and" in page
    event.refresh_from_db()
    assert event.status == Status.PUBLISHED and "has 1." in debate_readiness(debate).timeline
    stranger = Event.objects.create(debate=other, article=other.articles.first(), happened_on=date(2016, 1, 1),
                                    text="Not yours")
    assert teacher_client.post(f"/teach/debates/{debate.pk}/events/{stranger.pk}/",
                               {"text": "Mine now", "happened_on": "2016-01-01", "keep": "on"}).status_code == 404


def test_events_travel_in_an_exported_debate(teacher):
    from pathlib import Path

    from game.models import Debate
    from game.services.importing import articles_import
    from game.services.packs import pack_export, pack_import

    articles_import(paths=[Path("seeds")])
    debate = Debate.objects.get(slug="junior-doctors-contract")
    data = pack_export(debate)
    assert len(data["events"]) == Event.objects.filter(debate=debate, status=Status.PUBLISHED).count() >= 6
    before = {(e["article"], e["paragraph"], e["happened_on"], e["text"], e["dated_by"]) for e in data["events"]}
    data["debate"]["slug"] = "a-copy"
    import json

    copy, added = pack_import(json.dumps(data).encode(), owner=teacher)
    after = {(e.article.source_file, e.paragraph.index if e.paragraph_id else None, e.happened_on.isoformat(), e.text,
              e.dated_by) for e in Event.objects.filter(debate=copy).select_related("article", "paragraph")}
    assert added and after == before
    assert pack_import(json.dumps(data).encode(), owner=teacher)[1] is False  # twice adds nothing
    # The quotations' kinds of evidence travel with them.
    kinds = {q["text"]: q["reason"] for q in data["quotes"] if q["reason"]}
    assert len(kinds) >= 10
    assert {q.text: q.reason_type for q in Quote.objects.filter(article__debate=copy).exclude(reason_type="")} == kinds
