"""A teacher turns this week's articles into a debate students can play, on the teacher's own pages."""

import json

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from game.models import Argument, Debate, Question, Quote, Round, Speaker, Status
from game.services.debates import debate_readiness
from game.teachers import teacher_create
from tests.article_files import docx_file, html_page, pdf_file
from tests.factories import review_debate_make

MOTION = "Northfield schools should move to a four-day week"


def new_debate(client, **extra) -> Debate:
    files = [SimpleUploadedFile("courier.html", html_page()), SimpleUploadedFile("heads.pdf", pdf_file()),
             SimpleUploadedFile("pupils.docx", docx_file())]
    response = client.post(reverse("debate_new"), {"motion": MOTION, "for_name": "For a four-day week",
                                                   "against_name": "Against", "files": files, **extra})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Debate.objects.get(motion=MOTION)


def sides_given(client, debate, sides: dict[str, str]) -> None:
    by_name = {side.name: side.pk for side in debate.sides.all()}
    for person, side in sides.items():
        speaker = Speaker.objects.get(debate=debate, full_name=person)
        client.post(reverse("debate_person_side", args=[debate.pk, speaker.pk]),
                    {"side": "neither" if side == "neither" else str(by_name[side])})


FOR, AGAINST = "For a four-day week", "Against"
# The people quoted; the bylines' authors (Priya Castellano, Sam Adeyemi) are quoted nowhere, so are no one's to place.
SIDES = {"Dana Whitlock": FOR, "Lena Marsh": FOR, "Omar Feldman": AGAINST, "Grace Okonjo": AGAINST,
         "Tobias Reyes": AGAINST}


def test_a_teachers_new_debate_is_a_draft_with_every_quotation_and_its_speaker(teacher_client):
    debate = new_debate(teacher_client)
    assert debate.status == Status.DRAFT and [s.name for s in debate.sides.all()] == [FOR, AGAINST]
    quotes = {q.text[:30]: q.speaker.full_name for q in Quote.objects.filter(article__debate=debate)}
    assert quotes == {
        "A four-day week gives teachers": "Dana Whitlock", "We have looked at the schools ": "Dana Whitlock",
        "Working parents cannot take ev": "Omar Feldman", "You cannot take a day out of t": "Grace Okonjo",
        "By the last lesson of a long d": "Grace Okonjo", "If the results are worse, we w": "Dana Whitlock",
        "I finally had time to finish m": "Lena Marsh", "The days were so long that I s": "Tobias Reyes",
    }
    assert not Quote.objects.filter(article__debate=debate, status=Status.PUBLISHED).exists()
    assert MOTION not in Client().get("/").content.decode()  # students do not see a draft


def test_publishing_makes_who_said_it_and_sorting_playable_for_students(teacher_client, client, student):
    debate = new_debate(teacher_client)
    sides_given(teacher_client, debate, SIDES)
    response = teacher_client.post(reverse("debate_publish", args=[debate.pk]), follow=True)
    assert "Published: 8 quotations, 8 sorting cards from them" in response.content.decode()
    debate.refresh_from_db()
    assert debate.status == Status.PUBLISHED
    readiness = debate_readiness(debate)
    assert (readiness.who_said, readiness.sort) == (None, None)
    assert "Quiz needs at least one published question" in readiness.quiz
    cards = Argument.objects.filter(debate=debate, status=Status.PUBLISHED, quote__isnull=False)
    assert {c.side.name for c in cards} == {FOR, AGAINST}
    assert all(c.paragraph.text[c.quote.start:c.quote.end] == c.claim for c in cards)  # the words, with their source

    client.force_login(student)
    assert MOTION in client.get("/").content.decode()
    for mode in ("who_said", "sort"):
        response = client.post(reverse("round_new", args=[debate.slug, mode]))
        assert response.status_code == 302, mode
    assert Round.objects.filter(player=student, debate=debate).count() == 2


def test_a_debate_short_of_cards_says_what_is_missing_and_deals_no_round(teacher_client, client):
    debate = new_debate(teacher_client)
    sides_given(teacher_client, debate, {"Dana Whitlock": FOR})
    teacher_client.post(reverse("debate_publish", args=[debate.pk]))
    readiness = debate_readiness(debate)
    assert readiness.sort == ("Sort the arguments needs at least 2 published cards for each side and 6 in all "
                              "(Against has 0).")
    response = client.post(reverse("round_new", args=[debate.slug, "sort"]), follow=True)
    assert "Against has 0" in response.content.decode()
    assert not Round.objects.filter(debate=debate, mode="sort").exists()


def test_two_names_for_one_person_are_merged_and_a_speaker_is_changed_from_the_articles_people(teacher_client):
    debate = new_debate(teacher_client)
    whitlock = Speaker.objects.get(debate=debate, full_name="Dana Whitlock")
    extra = Speaker.objects.create(debate=debate, full_name="Cllr Whitlock")
    quote = Quote.objects.filter(article__debate=debate, speaker=whitlock).first()
    quote.speaker = extra
    quote.save()
    teacher_client.post(reverse("debate_people_merge", args=[debate.pk]), {"keep": whitlock.pk, "merge": extra.pk})
    assert not Speaker.objects.filter(pk=extra.pk).exists()
    whitlock.refresh_from_db()
    assert "Cllr Whitlock" in whitlock.alias_list
    quote.refresh_from_db()
    assert quote.speaker == whitlock

    reyes = Speaker.objects.get(debate=debate, full_name="Tobias Reyes")
    response = teacher_client.post(reverse("debate_quote", args=[debate.pk, quote.pk]),
                                   {"speaker": str(reyes.pk), "keep": "on", "card": "on",
                                    "card_claim": "A four-day week gives families a day of their own."},
                                   HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Saved" in response.content.decode()
    quote.refresh_from_db()
    assert (quote.speaker, quote.card_claim) == (reyes, "A four-day week gives families a day of their own.")
    # merging the same pair again (a repeated POST) changes nothing and says why
    response = teacher_client.post(reverse("debate_people_merge", args=[debate.pk]),
                                   {"keep": whitlock.pk, "merge": extra.pk}, follow=True)
    assert "may have been merged already" in response.content.decode()


def test_an_abstained_quotation_asks_who_said_this_and_waits_for_a_speaker(teacher_client):
    debate = new_debate(teacher_client)
    article = debate.articles.first()
    quote = Quote.objects.filter(article=article).first()
    quote.speaker, quote.keep = None, True
    quote.save()
    page = teacher_client.get(reverse("debate_review", args=[debate.pk])).content.decode()
    assert "Who said this?" in page and "1 kept quotation needs a speaker" in page
    response = teacher_client.post(reverse("debate_publish", args=[debate.pk]), follow=True)
    assert "Not published yet: 1 kept quotation has no speaker yet" in response.content.decode()
    quote.refresh_from_db()
    assert quote.status == Status.DRAFT


# A council story whose second quotation continues the first speaker's words: the importer's guess, not sure.
FOLLOW_UP = ("Parents ask for more time\n\n\u201cWe were not asked about any of this,\u201d said Omar Feldman, who "
             "chairs the Northfield Parents' Forum.\n\n\u201cThe plan should wait a year until every family has been "
             "heard.\u201d")


def row_of(page: str, quote: Quote) -> str:
    start = page.index(f'<li id="quote-{quote.pk}"')
    return page[start:page.index("</li>", start)]


def editor_of(client, debate, quote: Quote) -> str:
    """A quotation's editor, as htmx fetches it when its line is opened."""
    response = client.get(reverse("debate_quote", args=[debate.pk, quote.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    return response.content.decode()


def test_an_unsure_quotation_waits_for_the_teacher_unticked_and_publish_leaves_it_out(teacher_client):
    debate = new_debate(teacher_client, pasted=FOLLOW_UP)
    unsure = Quote.objects.get(article__debate=debate, text__startswith="The plan should wait a year")
    sure = Quote.objects.get(article__debate=debate, text__startswith="We were not asked")
    assert (unsure.speaker.full_name, unsure.speaker_confidence, unsure.speaker_cue, unsure.keep) == (
        "Omar Feldman", 0.7, "continues the previous paragraph", False)
    assert (sure.speaker_confidence, sure.keep) == (0.95, True)

    page = teacher_client.get(reverse("debate_review", args=[debate.pk])).content.decode()
    # It is listed first, alone: the page opens on the quotations to check.
    assert '?show=check#quotes" hx-get="?show=check" hx-target="#quotes" hx-swap="outerHTML" hx-push-url="true" ' \
           'class="filter" aria-current="page" data-autofocus>To check (1)</a>' in page
    assert "Kept (9)</a>" in page and "All (10)</a>" in page
    quotes = Quote.objects.filter(article__debate=debate).exclude(pk=unsure.pk)
    assert f'id="quote-{unsure.pk}"' in page and not any(f'id="quote-{q.pk}"' in page for q in quotes)
    line = row_of(page, unsure)
    assert '<span class="check-mark">Check:</span> Omar Feldman?</span>' in line and "Not kept" in line
    assert "Check the speaker." not in line  # one line until opened
    everything = teacher_client.get(reverse("debate_review", args=[debate.pk]), {"show": "all"}).content.decode()
    first = everything.index(f'id="quote-{unsure.pk}"')
    same_article = quotes.filter(article=unsure.article)
    assert same_article and all(first < everything.index(f'id="quote-{q.pk}"') for q in same_article)

    # Opened, it says why it needs a check, and the speaker list and Keep are described by that.
    row = editor_of(teacher_client, debate, unsure)
    assert "Check the speaker." in row and "only 70% sure (found by: continues the previous paragraph)" in row
    assert f'id="check-{unsure.pk}"' in row and f'aria-describedby="check-{unsure.pk}"' in row  # read with the list
    assert '<input type="checkbox" name="keep" aria-describedby' in row  # not ticked
    assert '<input type="checkbox" name="keep" checked>' in editor_of(teacher_client, debate, sure)
    assert "Check the speaker." not in editor_of(teacher_client, debate, sure)

    sides_given(teacher_client, debate, SIDES)
    response = teacher_client.post(reverse("debate_publish", args=[debate.pk]), follow=True)
    assert "Published: 9 quotations, 9 sorting cards from them" in response.content.decode()
    unsure.refresh_from_db()
    assert unsure.status == Status.DRAFT and not Argument.objects.filter(quote=unsure).exists()
    assert "Not published yet" not in response.content.decode()  # unticked: not waiting, left out

    # The teacher agrees it is Omar Feldman's and keeps it: it is checked, and the next Publish plays it.
    response = teacher_client.post(reverse("debate_quote", args=[debate.pk, unsure.pk]),
                                   {"speaker": str(unsure.speaker_id), "keep": "on", "card": "on",
                                    "card_claim": unsure.text}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Check the speaker." not in response.content.decode()
    teacher_client.post(reverse("debate_publish", args=[debate.pk]))
    unsure.refresh_from_db()
    assert unsure.status == Status.PUBLISHED


def test_a_quotation_without_a_speaker_is_checked_first_too_and_a_packs_or_older_one_is_not(teacher_client):
    debate = new_debate(teacher_client)
    first, older, *_ = Quote.objects.filter(article__debate=debate).order_by("pk")
    first.speaker, first.speaker_confidence, first.keep = None, 0.0, False  # the importer found no one
    first.save()
    older.speaker_confidence, older.speaker_cue = None, ""  # imported before confidence was measured
    older.save()
    page = teacher_client.get(reverse("debate_review", args=[debate.pk])).content.decode()
    assert "To check (1)</a>" in page and f'id="quote-{older.pk}"' not in page
    assert "Who said this?</span>" in row_of(page, first)
    assert "<strong>Check the speaker.</strong> Who said this? The importer was not sure" in editor_of(
        teacher_client, debate, first)
    assert "Check the speaker." not in editor_of(teacher_client, debate, older)
    response = teacher_client.post(reverse("debate_publish", args=[debate.pk]), follow=True)
    assert "Published: 7 quotations" in response.content.decode()
    first.refresh_from_db()
    assert first.status == Status.DRAFT


def test_only_the_owner_reaches_a_debate(teacher_client, client, student):
    debate = new_debate(teacher_client)
    url = reverse("debate_review", args=[debate.pk])
    assert client.get(url).status_code == 302 and "/accounts/login/" in client.get(url)["Location"]
    client.force_login(student)
    assert client.get(url).status_code == 403
    assert client.get(reverse("debate_new")).status_code == 403
    other = Client()
    other.force_login(teacher_create(username="mr-other", password="another-pass-77"))
    assert other.get(url).status_code == 404
    speaker = Speaker.objects.filter(debate=debate).first()
    assert other.post(reverse("debate_person_side", args=[debate.pk, speaker.pk]), {"side": "neither"}).status_code == 404
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(debate.owner)
    assert csrf_client.post(reverse("debate_publish", args=[debate.pk])).status_code == 403


def test_a_bad_file_among_good_ones_is_named_and_the_others_import(teacher_client):
    files = [SimpleUploadedFile("courier.html", html_page()), SimpleUploadedFile("scan.pdf", pdf_file(scanned=True))]
    response = teacher_client.post(reverse("debate_new"), {"motion": MOTION, "for_name": "For", "against_name": "Against",
                                                           "files": files}, follow=True)
    page = response.content.decode()
    assert "Not imported: scan.pdf: this PDF has no text in it" in page
    assert Debate.objects.get(motion=MOTION).articles.count() == 1


def test_no_debate_is_made_when_no_article_could_be_read_and_the_form_keeps_what_was_typed(teacher_client):
    files = [SimpleUploadedFile("scan.pdf", pdf_file(scanned=True)), SimpleUploadedFile("notes.txt", b"")]
    response = teacher_client.post(reverse("debate_new"), {"motion": MOTION, "for_name": "Four days", "files": files,
                                                           "against_name": "Five days", "pasted": "   "})
    page = response.content.decode()
    assert response.status_code == 200 and not Debate.objects.exists()
    assert "No debate was made: none of its articles could be read" in page
    assert "Not imported: scan.pdf: this PDF has no text in it" in page and "Not imported: notes.txt:" in page
    assert f'value="{MOTION}"' in page and 'value="Four days"' in page and 'value="Five days"' in page

    response = teacher_client.post(reverse("debate_new"), {"motion": MOTION, "for_name": "For", "against_name": "Against",
                                                           "pasted": FOLLOW_UP})
    assert response.status_code == 302 and Debate.objects.get().articles.count() == 1


def test_a_debate_needs_an_article_and_two_different_sides(teacher_client):
    page = teacher_client.post(reverse("debate_new"), {"motion": MOTION, "for_name": "For", "against_name": "For",
                                                       "pasted": FOLLOW_UP}).content.decode()
    assert "The two sides need different names." in page
    page = teacher_client.post(reverse("debate_new"), {"motion": MOTION, "for_name": "For",
                                                       "against_name": "Against"}).content.decode()
    assert "Add at least one article" in page and f'value="{MOTION}"' in page
    assert not Debate.objects.exists()


def test_pasted_text_becomes_an_article(teacher_client):
    pasted = ("Parents split over plan\n\n\u201cThis plan will cost working parents a fortune in childcare,\u201d said "
              "Omar Feldman, who chairs the Northfield Parents' Forum.")
    debate = new_debate(teacher_client, pasted=pasted)
    article = debate.articles.get(source_format="pasted")
    assert article.title == "Parents split over plan"
    assert Quote.objects.get(article=article).speaker.full_name == "Omar Feldman"


REVIEW_QUERIES = 20  # session, user, the debate, its sides, people, articles, quotations, arguments, sentences,
# events, eight readiness counts and the questions' count
EDITOR_QUERIES = 8  # session, user, the debate, the quotation, its misquotes, the people, the people of its article
# (the review page counts each quotation's kept misquotes in its own query: no more queries)


@pytest.mark.parametrize("show", ["", "all", "kept"])
def test_the_review_page_costs_the_same_queries_and_stays_small_for_10_articles_and_200_quotations(
        teacher, teacher_client, django_assert_num_queries, show):
    small = review_debate_make(teacher, articles=1, quotes_each=2, slug="small")
    big = review_debate_make(teacher, articles=10, quotes_each=20, slug="big")
    assert Quote.objects.filter(article__debate=big).count() == 200
    sizes = []
    for debate in (small, big):
        with django_assert_num_queries(REVIEW_QUERIES):
            response = teacher_client.get(reverse("debate_review", args=[debate.pk]), {"show": show} if show else {})
        assert response.status_code == 200
        sizes.append(len(response.content))
    assert sizes[1] < 300_000, sizes  # every quotation a line; its editor comes when it is opened
    print(f"review page HTML (show={show or 'default'}): {sizes[0]:,} bytes small, {sizes[1]:,} bytes at 200 quotations")
    for debate in (small, big):
        quote = Quote.objects.filter(article__debate=debate).order_by("-pk").first()
        with django_assert_num_queries(EDITOR_QUERIES):
            editor = teacher_client.get(reverse("debate_quote", args=[debate.pk, quote.pk]), HTTP_HX_REQUEST="true")
        assert "Said by" in editor.content.decode()


def test_the_review_page_lists_quotations_by_article_one_line_each_and_filters_them(teacher, teacher_client):
    debate = review_debate_make(teacher, articles=3, quotes_each=8)
    page = teacher_client.get(reverse("debate_review", args=[debate.pk])).content.decode()
    # 2 an article to check (no speaker, or a guess), 6 an article kept, 24 in all; To check first, and shown.
    assert [line.split(">")[-1] for line in page.split("</a>") if 'class="filter"' in line] == [
        "To check (6)", "Kept (18)", "All (24)"]
    assert page.count('class="quote-line needs-speaker"') == 6 and page.count('class="article-heading"') == 3
    assert "2 of 8)" in page and "Who said this?</span>" in page and "Check:</span> Omar Feldman?</span>" in page
    assert "Said by" not in page and "<blockquote" not in page.split('id="quotes"')[1].split("</section>")[0]
    kept = teacher_client.get(reverse("debate_review", args=[debate.pk]), {"show": "kept"},
                              HTTP_HX_REQUEST="true", HTTP_HX_TARGET="quotes").content.decode()
    assert kept.startswith('\n<section class="panel" id="quotes"') and "<html" not in kept  # htmx: the list alone
    assert kept.count('class="quote-line"') == 18 and "Not kept" not in kept
    # Without JavaScript, a quotation opens on the page itself.
    quote = Quote.objects.filter(article__debate=debate).first()
    opened = teacher_client.get(reverse("debate_review", args=[debate.pk]), {"show": "all", "open": quote.pk}
                                ).content.decode()
    assert opened.count("Said by") == 1 and row_of(opened, quote).count("<details open>") == 1


def test_people_are_one_row_each_and_one_shared_dialog_merges_them(teacher, teacher_client):
    debate = review_debate_make(teacher, articles=2, quotes_each=11)
    page = teacher_client.get(reverse("debate_review", args=[debate.pk])).content.decode()
    people = page.split('id="people"')[1].split("</section>")[0]
    assert people.count("<select") == 1 and people.count('<dialog id="merge-dialog"') == 1
    assert people.count("data-merge-open=") == 11 and people.count("<option value=\"") == 1 + 11

    keep, other = Speaker.objects.get(debate=debate, full_name="Lena Marsh"), Speaker.objects.get(
        debate=debate, full_name="Helen Marsh")
    response = teacher_client.post(reverse("debate_people_merge", args=[debate.pk]), {"keep": keep.pk, "merge": other.pk},
                                   HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.status_code == 200 and "“Helen Marsh” is now one of Lena Marsh&#x27;s names" in page
    assert page.startswith('\n<section class="panel" id="people"') and 'id="quotes" aria-labelledby="quotes-title" hx-swap-oob="true"' in page
    assert "People (10)" in page and 'data-name="Helen Marsh"' not in page and 'data-name="Lena Marsh"' in page


def test_arguments_events_sentences_the_motion_and_publish_save_in_place(teacher, teacher_client):
    from game.models import Event, Sentence

    debate = review_debate_make(teacher, articles=1, quotes_each=4)
    argument = Argument.objects.get(debate=debate)
    url = reverse("debate_argument", args=[debate.pk, argument.pk])
    response = teacher_client.post(url, {"claim": "Families get a day together.", "side": "", "keep": "on",
                                         "reason": "value"}, HTTP_HX_REQUEST="true")
    row = response.content.decode()
    assert response.status_code == 200 and row.startswith(f'\n    <li id="argument-{argument.pk}"')
    assert "Saved the argument." in row and "No side yet</span> <span class=\"line-words\">Families get a day together." in row
    response = teacher_client.post(url, {"claim": " ", "keep": "on"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400 and "An argument needs its words." in response.content.decode()

    event = Event.objects.filter(debate=debate).first()
    response = teacher_client.post(reverse("debate_event", args=[debate.pk, event.pk]), {
        "text": "The vote", "happened_on": "2025-04-02", "dated_by": "It says so.", "keep": "on"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Saved the event." in response.content.decode()
    sentence = Sentence.objects.filter(debate=debate).first()
    response = teacher_client.post(reverse("debate_sentence", args=[debate.pk, sentence.pk]),
                                   {"label": "direct", "keep": "on"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "Saved the sentence." in response.content.decode()
    assert (Sentence.objects.get(pk=sentence.pk).label, Event.objects.get(pk=event.pk).text) == ("direct", "The vote")

    response = teacher_client.post(reverse("debate_settings", args=[debate.pk]), {
        "motion": "Pupils should have Fridays off", **{f"side-{s.pk}": s.name for s in debate.sides.all()}},
        HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert "Saved the motion" in page and '<h1 id="debate-title" class="review-title" hx-swap-oob="true">Pupils should have Fridays off</h1>' in page
    response = teacher_client.post(reverse("debate_publish", args=[debate.pk]), HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert page.startswith('\n<section class="panel" id="games"') and "Published: 2 quotations" in page
    assert "Publish again" in page


def test_a_checked_quotation_updates_the_filters_and_more_articles_arrive_in_place(teacher_client):
    debate = new_debate(teacher_client, pasted=FOLLOW_UP)
    unsure = Quote.objects.get(article__debate=debate, text__startswith="The plan should wait a year")
    page_url = "http://testserver" + reverse("debate_review", args=[debate.pk])
    response = teacher_client.post(reverse("debate_quote", args=[debate.pk, unsure.pk]), {
        "speaker": str(unsure.speaker_id), "keep": "on", "card_claim": unsure.text},
        HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL=page_url)
    page = response.content.decode()
    assert page.startswith(f'\n<li id="quote-{unsure.pk}"') and "<details open>" in page and "Saved" in page
    filters = page.split('<nav class="filters" id="quote-filters" aria-label="Show quotations" hx-swap-oob="true">')[1]
    assert "To check (0)" in filters and "Kept (10)" in filters and "All (10)" in filters
    assert 'aria-current="page">To check (0)' in filters  # the list the teacher is looking at stays chosen

    response = teacher_client.post(reverse("debate_articles", args=[debate.pk]), {
        "pasted": "Heads answer back\n\n\u201cA longer weekend is not a shorter education,\u201d said Grace Okonjo."},
        HTTP_HX_REQUEST="true", HTTP_HX_CURRENT_URL=page_url + "?show=all")
    page = response.content.decode()
    assert response.status_code == 200 and page.startswith('\n<section class="panel" id="articles"')
    assert "Read 1 article: found 1 quotation" in page and "<html" not in page
    for part in ("games", "people", "quotes", "arguments", "sentences", "events"):
        assert f'<section class="panel" id="{part}" aria-labelledby="{part}-title" hx-swap-oob="true">' in page, part
    assert "All (11)" in page and "A longer weekend is not a shorter education" in page
    assert debate.articles.count() == 5
    response = teacher_client.post(reverse("debate_articles", args=[debate.pk]), {"pasted": " "}, HTTP_HX_REQUEST="true")
    assert "Choose a file, paste an article&#x27;s text or give a web address first." in response.content.decode()


def test_a_teacher_previews_a_round_of_the_draft_and_nothing_is_recorded(teacher_client):
    from game.models import RoundItem

    debate = new_debate(teacher_client)
    sides_given(teacher_client, debate, SIDES)
    url = reverse("debate_preview", args=[debate.pk])
    response = teacher_client.post(url, {"mode": "who_said"})
    assert response.status_code == 302 and response["Location"] == url
    page = teacher_client.get(url).content.decode()
    assert "Preview of Who said it? · Question 1 of 8" in page and "not recorded" in page
    state = teacher_client.session[f"debate-preview-{debate.pk}"]
    for position, item in enumerate(state["items"]):
        answer = item["right"] if position % 2 == 0 else next(pk for pk, _, _ in item["options"] if pk != item["right"])
        page = teacher_client.post(reverse("debate_preview_answer", args=[debate.pk]),
                                   {"position": position, "answer": answer}, HTTP_HX_REQUEST="true").content.decode()
        assert ("Right!" if position % 2 == 0 else "Not quite") in page
    assert "Preview over: 4 of 8 right" in teacher_client.get(url).content.decode()
    debate.refresh_from_db()
    assert debate.status == Status.DRAFT
    assert not Round.objects.exists() and not RoundItem.objects.exists()
    assert not Quote.objects.filter(article__debate=debate, status=Status.PUBLISHED).exists()
    assert not Argument.objects.filter(debate=debate, quote__isnull=False).exists()  # no cards made either
    assert "Students can play it" not in teacher_client.get("/").content.decode()
    assert MOTION not in Client().get("/").content.decode()

    empty = review_debate_make(debate.owner, articles=1, quotes_each=0, slug="empty")
    response = teacher_client.post(reverse("debate_preview", args=[empty.pk]), follow=True)
    assert "Nothing to preview yet: There are no published quotes" in response.content.decode()


def test_a_debate_exported_imports_elsewhere_and_importing_twice_changes_nothing(teacher_client, teacher):
    from game.models import Sentence

    debate = new_debate(teacher_client)
    sides_given(teacher_client, debate, SIDES)
    sentence = Sentence.objects.filter(debate=debate).order_by("pk").first()
    teacher_client.post(reverse("debate_sentence", args=[debate.pk, sentence.pk]),
                        {"label": sentence.label_suggested, "keep": "on"})
    teacher_client.post(reverse("debate_publish", args=[debate.pk]))
    exported = json.loads(teacher_client.get(reverse("debate_export", args=[debate.pk])).content)
    assert exported["sentences"] == [{"article": sentence.article.source_file, "paragraph": sentence.paragraph.index,
                                      "text": sentence.text, "label": sentence.label_suggested}]
    assert exported["format"] == "hustings-debate" and len(exported["articles"]) == 3
    exported["debate"]["slug"] = "four-day-week-copy"  # as on another server, where the slug is free
    upload = json.dumps(exported).encode()

    def imported():
        copy = Debate.objects.get(slug="four-day-week-copy")
        return (copy.articles.count(), Quote.objects.filter(article__debate=copy, status=Status.PUBLISHED).count(),
                Argument.objects.filter(debate=copy, status=Status.PUBLISHED).count(), copy.speakers.count(),
                Sentence.objects.filter(debate=copy, status=Status.PUBLISHED).count())

    teacher_client.post(reverse("debate_import"), {"pack": SimpleUploadedFile("d.json", upload)})
    first = imported()
    assert first == (3, 8, 8, debate.speakers.count(), 1)
    response = teacher_client.post(reverse("debate_import"), {"pack": SimpleUploadedFile("d.json", upload)}, follow=True)
    assert "nothing new to add" in response.content.decode()
    assert imported() == first
    bad = teacher_client.post(reverse("debate_import"), {"pack": SimpleUploadedFile("d.json", b"{not json")}, follow=True)
    assert "Not imported: d.json: not valid JSON (line 1" in bad.content.decode()


def test_questions_from_gift_and_csv_are_previewed_with_each_bad_line_named_then_added(teacher_client):
    debate = new_debate(teacher_client)
    url = reverse("debate_questions", args=[debate.pk])
    gift = ("// from Moodle\n::Q1:: Who chairs the education committee? {=Dana Whitlock ~Omar Feldman ~Grace Okonjo}\n\n"
            "How long would the trial run? {=Two years}\n\nThe trial covers six schools. {T}\n")
    preview = teacher_client.post(url, {"text": gift}).content.decode()
    assert "Preview: 2 questions (GIFT), 1 problem" in preview
    assert "Line 4: a short-answer question" in preview
    assert not Question.objects.filter(debate=debate).exists()
    teacher_client.post(url, {"text": gift, "confirm": "yes"})
    teacher_client.post(url, {"text": gift, "confirm": "yes"})  # a repeated POST adds nothing more
    assert Question.objects.filter(debate=debate).count() == 2
    csv_text = "question,right,wrong\nWho reported from the council?,Priya Castellano,Sam Adeyemi|Lena Marsh\nBroken line\n"
    preview = teacher_client.post(url, {"text": csv_text}).content.decode()
    assert "Preview: 1 question (CSV), 1 problem" in preview and "Line 3: needs a question" in preview


def test_homework_and_a_live_game_are_dealt_from_the_new_debate(teacher_client, teacher, student):
    from game.models import Membership
    from game.services.live import game_create
    from tests.factories import classroom_make, homework_make, homework_play

    debate = new_debate(teacher_client)
    sides_given(teacher_client, debate, SIDES)
    teacher_client.post(reverse("debate_publish", args=[debate.pk]))
    classroom = classroom_make(teacher)
    Membership.objects.create(classroom=classroom, student=student, display_name="Sam S.")
    for mode in ("who_said", "sort"):
        round_ = homework_play(homework_make(classroom, debate, mode=mode, title=mode), student)
        round_.refresh_from_db()
        assert round_.finished_at is not None and round_.debate == debate
    game = game_create(host=teacher, debate=debate, mode="who_said", questions=5, seconds=20)
    assert game.questions.count() == 5
    assert all(q.quote.article.debate == debate for q in game.questions.select_related("quote__article"))



def test_a_teacher_confirms_sentences_for_whose_words_and_publishes_them(teacher, teacher_client):
    from game.models import Sentence
    from game.services.debates import debate_create

    debate = debate_create(owner=teacher, motion="Schools should move to a four-day week")
    response = teacher_client.post(reverse("debate_articles", args=[debate.pk]), {
        "pasted": "Four-day week plan for Northfield\n\nNorthfield Council said on Monday that it would consult "
                  "parents.\n\nThe head teacher said: \"A four-day week would give pupils time to rest and read.\"\n\n"
                  "The plan would start in September next year across twelve schools in the town."}, follow=True)
    assert response.status_code == 200
    offered = {s.text[:20]: s for s in Sentence.objects.filter(debate=debate)}
    assert offered["Northfield Council s"].label_suggested == "reported"
    assert offered["The plan would start"].label_suggested == "own"
    page = teacher_client.get(reverse("debate_review", args=[debate.pk])).content.decode()
    assert "Sentences for Whose words?" in page and "(suggested)" in page
    reported = offered["Northfield Council s"]
    teacher_client.post(reverse("debate_sentence", args=[debate.pk, reported.pk]), {"label": "reported", "keep": "on"})
    own = offered["The plan would start"]
    teacher_client.post(reverse("debate_sentence", args=[debate.pk, own.pk]), {"label": "", "keep": "on"})
    teacher_client.post(reverse("debate_publish", args=[debate.pk]))
    reported.refresh_from_db()
    own.refresh_from_db()
    assert (reported.status, reported.label, reported.reviewed) == ("published", "reported", True)
    assert own.status == "draft"  # kept but without a label: it waits, and the teacher is told
    page = teacher_client.get(reverse("debate_review", args=[debate.pk])).content.decode()
    assert "Whose words? can be played." in page
