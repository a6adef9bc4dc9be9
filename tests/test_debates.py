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
from tests.factories import article_make, quote_make

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


def test_an_unsure_quotation_waits_for_the_teacher_unticked_and_publish_leaves_it_out(teacher_client):
    debate = new_debate(teacher_client, pasted=FOLLOW_UP)
    unsure = Quote.objects.get(article__debate=debate, text__startswith="The plan should wait a year")
    sure = Quote.objects.get(article__debate=debate, text__startswith="We were not asked")
    assert (unsure.speaker.full_name, unsure.speaker_confidence, unsure.speaker_cue, unsure.keep) == (
        "Omar Feldman", 0.7, "continues the previous paragraph", False)
    assert (sure.speaker_confidence, sure.keep) == (0.95, True)

    page = teacher_client.get(reverse("debate_review", args=[debate.pk])).content.decode()
    assert "Check the speaker (1)" in page
    quotes = Quote.objects.filter(article__debate=debate).exclude(pk=unsure.pk)
    first = page.index(f'id="quote-{unsure.pk}"')
    assert all(first < page.index(f'id="quote-{q.pk}"') for q in quotes)  # it comes first
    row = row_of(page, unsure)
    assert "Check the speaker." in row and "only 70% sure (found by: continues the previous paragraph)" in row
    assert f'id="check-{unsure.pk}"' in row and f'aria-describedby="check-{unsure.pk}"' in row  # read with the list
    assert '<input type="checkbox" name="keep" aria-describedby' in row  # not ticked
    assert '<input type="checkbox" name="keep" checked>' in row_of(page, sure)
    assert "Check the speaker." not in row_of(page, sure)

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
    assert "Check the speaker (1)" in page
    assert "<strong>Check the speaker.</strong> Who said this? The importer was not sure" in row_of(page, first)
    assert "Check the speaker." not in row_of(page, older)
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


def test_the_review_page_costs_the_same_queries_for_10_articles_and_200_quotations(teacher, teacher_client,
                                                                                   django_assert_num_queries):
    def debate_with(articles: int, quotes_each: int) -> Debate:
        debate = Debate.objects.create(slug=f"big-{articles}", topic="Big", motion="Big", owner=teacher,
                                       status=Status.DRAFT)
        from game.models import Side
        Side.objects.create(debate=debate, slug="for", name="For", stance="For", order=0)
        Side.objects.create(debate=debate, slug="against", name="Against", stance="Against", order=1)
        people = [Speaker.objects.create(debate=debate, full_name=f"Person {n}") for n in range(10)]
        for a in range(articles):
            paragraphs = [f"\u201cThis is quotation number {q} of article {a} in the test,\u201d said Person {q % 10}."
                          for q in range(quotes_each)]
            article = article_make(debate, paragraphs)
            for q in range(quotes_each):
                quote_make(article, q, f"This is quotation number {q} of article {a} in the test", people[q % 10],
                           status=Status.DRAFT)
        return debate

    small, big = debate_with(1, 2), debate_with(10, 20)
    counts = []
    for debate in (small, big):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert teacher_client.get(reverse("debate_review", args=[debate.pk])).status_code == 200
        counts.append(len(captured.captured_queries))
    assert Quote.objects.filter(article__debate=big).count() == 200
    # 17: the sentences for Whose words? (one query) and two more readiness counts (kinds of evidence, sentences).
    # 19: the dated events for Put the story in order (one query) and the readiness count of their dates.
    # 20: the count of quotations with a confirmed kind of evidence.
    assert counts[0] == counts[1] == 20, counts


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
