"""The teachers' room: what a teacher can do there, and that students never get in."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from game.admin import passage_html
from game.models import Argument, Article, Quote, Speaker, Status
from game.models.content import Origin
from tests.factories import article_make, classroom_debate, quote_make, side_of

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
pytestmark = pytest.mark.django_db
# The quotation's page carries its misquotes' inline form; a browser sends its management form, empty here.
NO_MISQUOTES = {"misquotes-TOTAL_FORMS": 0, "misquotes-INITIAL_FORMS": 0, "misquotes-MIN_NUM_FORMS": 0,
                "misquotes-MAX_NUM_FORMS": 1000}


def test_a_teacher_sees_the_content_but_not_users_or_groups(teacher_client):
    index = teacher_client.get("/admin/").content.decode()
    for name in ("Quotes", "Arguments", "Questions", "Speakers", "Articles", "Debates"):
        assert name in index
    assert "Users" not in index and "Groups" not in index
    assert teacher_client.get("/admin/auth/user/").status_code == 403
    assert teacher_client.get("/admin/auth/group/").status_code == 403


def test_a_student_is_sent_to_log_in_and_never_gets_in(client, student):
    response = client.get("/admin/game/quote/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(student)
    response = client.get("/admin/game/quote/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    response = client.post("/admin/login/", {"username": "sam", "password": "pencil-case-77"})
    assert "/admin/game/" not in response.get("Location", "")
    assert b"staff account" in response.content or response.status_code == 200


def test_search_and_filters_answer(teacher_client):
    debate = classroom_debate()
    side = side_of(debate, "bma")
    for url in (
        "/admin/game/quote/?q=Saturday",
        f"/admin/game/quote/?article__debate__id__exact={debate.pk}&status__exact=published",
        f"/admin/game/quote/?speaker__side__id__exact={side.pk}",
        f"/admin/game/argument/?side__id__exact={side.pk}&q=patients",
        "/admin/game/speaker/?q=Hunt",
        "/admin/game/question/?status__exact=published",
        "/admin/game/article/?q=strike",
    ):
        assert teacher_client.get(url).status_code == 200, url
    found = teacher_client.get("/admin/game/quote/?q=Saturday").content.decode()
    assert "For the sake of clarity" in found and "withdrawal of emergency care" not in found


def test_adding_a_quote_finds_its_position_and_marks_it_the_teachers(teacher_client):
    debate = classroom_debate()
    article = debate.articles.get()
    paragraph = article.paragraphs.get(index=3)
    alexander = Speaker.objects.get(full_name="Heidi Alexander")
    Quote.objects.filter(paragraph=paragraph).delete()
    response = teacher_client.post("/admin/game/quote/add/", {**NO_MISQUOTES,
        "paragraph": paragraph.pk,
        "text": "“I think Jeremy Hunt would need to sit down urgently today”",
        "speaker": alexander.pk, "kind": "spoken", "status": "published",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    quote = Quote.objects.get(paragraph=paragraph)
    assert quote.text == "I think Jeremy Hunt would need to sit down urgently today"
    assert paragraph.text[quote.start : quote.end] == quote.text
    assert (quote.origin, quote.reviewed, quote.status, quote.article) == (Origin.TEACHER, True, Status.PUBLISHED, article)


def test_words_that_are_not_in_the_paragraph_are_refused(teacher_client):
    debate = classroom_debate()
    paragraph = debate.articles.get().paragraphs.get(index=3)
    response = teacher_client.post("/admin/game/quote/add/", {**NO_MISQUOTES,
        "paragraph": paragraph.pk, "text": "We will scrap the contract tomorrow",
        "speaker": Speaker.objects.get(full_name="Heidi Alexander").pk, "kind": "spoken", "status": "draft",
    })
    assert response.status_code == 200
    assert "These words are not in paragraph 4" in response.content.decode()
    assert not Quote.objects.filter(text__contains="scrap").exists()


def test_publishing_needs_a_speaker(teacher_client):
    debate = classroom_debate()
    paragraph = debate.articles.get().paragraphs.get(index=4)
    response = teacher_client.post("/admin/game/quote/add/", {**NO_MISQUOTES,
        "paragraph": paragraph.pk, "text": "precisely so any initial problems can be ironed out",
        "kind": "spoken", "status": "published",
    })
    assert "Choose the speaker before publishing" in response.content.decode()


def test_saving_an_extracted_quote_marks_it_reviewed(teacher_client):
    classroom_debate()
    quote = Quote.objects.first()
    Quote.objects.filter(pk=quote.pk).update(origin=Origin.EXTRACTED, reviewed=False, status=Status.DRAFT)
    response = teacher_client.post(f"/admin/game/quote/{quote.pk}/change/", {**NO_MISQUOTES,
        "paragraph": quote.paragraph_id, "text": quote.text, "speaker": quote.speaker_id,
        "kind": "spoken", "status": "published",
    })
    assert response.status_code == 302
    quote.refresh_from_db()
    assert quote.reviewed and quote.origin == Origin.EXTRACTED and quote.status == Status.PUBLISHED


def test_bulk_publish_skips_quotes_without_a_speaker_and_says_so(teacher_client):
    debate = classroom_debate()
    article = debate.articles.get()
    Quote.objects.update(status=Status.DRAFT)
    orphan = quote_make(article, 1, "outstanding issue in dispute relates to Saturday pay", None, status=Status.DRAFT)
    response = teacher_client.post("/admin/game/quote/", {
        "action": "publish", "_selected_action": list(Quote.objects.values_list("pk", flat=True)),
    }, follow=True)
    page = response.content.decode()
    assert "Published 5 items." in page
    assert "Skipped 1 without a speaker" in page
    orphan.refresh_from_db()
    assert orphan.status == Status.DRAFT


def test_the_source_passage_is_escaped_and_highlights_the_words():
    debate = classroom_debate()
    article = article_make(debate, ['He said: "<script>alert(1)</script> is not a policy," and left.'])
    paragraph = article.paragraphs.get()
    start = paragraph.text.index("<script>")
    html = passage_html(paragraph, start, start + len("<script>alert(1)</script> is not a policy"))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<mark>&lt;script&gt;alert(1)&lt;/script&gt; is not a policy</mark>" in html


def test_the_quote_change_page_shows_the_passage_beside_the_item(teacher_client):
    classroom_debate()
    quote = Quote.objects.get(text__startswith="For the sake of clarity")
    page = teacher_client.get(f"/admin/game/quote/{quote.pk}/change/").content.decode()
    assert "<mark>For the sake of clarity" in page
    assert "Jeremy Hunt: Junior doctors&#x27; strike will risk patient safety" in page


def test_adding_an_argument_with_its_side(teacher_client):
    debate = classroom_debate()
    paragraph = debate.articles.get().paragraphs.get(index=2)
    response = teacher_client.post("/admin/game/argument/add/", {
        "claim": "The contract does not fix training.", "side": side_of(debate, "bma").pk,
        "paragraph": paragraph.pk, "status": "published",
    })
    assert response.status_code == 302
    argument = Argument.objects.get(claim="The contract does not fix training.")
    assert argument.debate == debate and argument.article == paragraph.article and argument.reviewed


def test_a_question_needs_exactly_one_correct_choice(teacher_client):
    debate = classroom_debate()
    data = {
        "debate": debate.pk, "prompt": "Who chairs the BMA council?", "explanation": "", "status": "published",
        "choices-TOTAL_FORMS": "2", "choices-INITIAL_FORMS": "0", "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "1000",
        "choices-0-text": "Mark Porter", "choices-0-order": "0",
        "choices-1-text": "Jeremy Hunt", "choices-1-order": "1",
    }
    response = teacher_client.post("/admin/game/question/add/", data)
    assert "Mark exactly one choice as correct." in response.content.decode()
    data["choices-0-is_correct"] = "on"
    assert teacher_client.post("/admin/game/question/add/", data).status_code == 302


def test_uploading_files_runs_the_import_and_reports_a_bad_one(teacher_client):
    good = SimpleUploadedFile("003.txt", (SEEDS / "003_7270f6bf4a5629cd.txt").read_bytes(), "text/plain")
    bad = SimpleUploadedFile("broken.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "text/plain")  # a picture
    response = teacher_client.post(reverse("admin:game_article_import"), {"files": [good, bad]}, follow=True)
    page = response.content.decode()
    assert "003.txt: Imported 1 article (1 new" in page
    assert "Not imported: broken.txt: this is a binary file" in page
    assert list(Article.objects.values_list("source_file", flat=True)) == ["003.txt"]


@pytest.mark.parametrize("quote_total", [10, 200])
def test_the_quote_list_costs_the_same_queries_however_many_quotes(teacher_client, django_assert_num_queries, quote_total):
    debate = classroom_debate()
    article = debate.articles.get()
    paragraph = article.paragraphs.get(index=0)
    hunt = Speaker.objects.get(full_name="Jeremy Hunt")
    Quote.objects.bulk_create(
        Quote(article=article, paragraph=paragraph, start=i, end=i + 5, text=paragraph.text[i : i + 5], speaker=hunt)
        for i in range(1, quote_total + 1)
    )
    teacher_client.get("/admin/game/quote/")  # warm the session and permission caches
    with django_assert_num_queries(11):
        assert teacher_client.get("/admin/game/quote/").status_code == 200


@pytest.mark.parametrize("argument_total", [10, 200])
def test_the_argument_list_costs_the_same_queries_however_many(teacher_client, django_assert_num_queries, argument_total):
    debate = classroom_debate()
    article = debate.articles.get()
    paragraph = article.paragraphs.get(index=0)
    side = side_of(debate, "government")
    Argument.objects.bulk_create(
        Argument(debate=debate, claim=f"Claim {i}", side=side, article=article, paragraph=paragraph)
        for i in range(argument_total)
    )
    teacher_client.get("/admin/game/argument/")
    with django_assert_num_queries(11):
        assert teacher_client.get("/admin/game/argument/").status_code == 200


def test_a_teacher_reads_results_but_cannot_change_them(teacher_client, teacher, student, other_student):
    from django.utils import timezone

    from game.models import Mode, Round, RoundItem

    from game.services.classes import class_join
    from tests.factories import classroom_make

    debate = classroom_debate()
    class_join(student=student, code=classroom_make(teacher).join_code, first_name="Sam", last_initial="")
    round_ = Round.objects.create(debate=debate, mode=Mode.QUIZ, player=student, created_at=timezone.now())
    question = debate.questions.first()
    RoundItem.objects.create(round=round_, position=0, question=question, asked=question.prompt, options=[],
                             answered_at=timezone.now(), correct=True, points=10)
    listing = teacher_client.get("/admin/game/round/").content.decode()
    assert "sam" in listing and ">10<" in listing
    detail = teacher_client.get(f"/admin/game/round/{round_.pk}/change/")
    assert detail.status_code == 200 and "Which organisation represents junior doctors" in detail.content.decode()
    assert teacher_client.post(f"/admin/game/round/{round_.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Round.objects.filter(pk=round_.pk).exists()
    # Another teacher's student (or a student in no class of hers) is not hers to read.
    elsewhere = Round.objects.create(debate=debate, mode=Mode.QUIZ, player=other_student, created_at=timezone.now())
    assert "priya" not in teacher_client.get("/admin/game/round/").content.decode()
    assert teacher_client.get(f"/admin/game/round/{elsewhere.pk}/change/").status_code == 302


def test_an_existing_teachers_group_gets_new_content_permissions_when_the_server_migrates():
    """A school's server upgraded to a version with misquotes: its teachers manage them straight away."""
    from django.contrib.auth.models import Group, Permission
    from django.core.management import call_command

    from game.teachers import teachers_group_sync

    group = teachers_group_sync()
    group.permissions.remove(*Permission.objects.filter(codename__endswith="_misquote"))
    assert not group.permissions.filter(codename="change_misquote").exists()
    call_command("migrate", verbosity=0)
    assert Group.objects.get(name="Teachers").permissions.filter(codename="change_misquote").exists()
