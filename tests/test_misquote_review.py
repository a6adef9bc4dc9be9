"""A teacher prepares "Spot the misquote": the importer suggests misquotes of each new quotation, the
teacher keeps, rewords or writes them on the review page, the seed pack brings reviewed ones, and a
debate's file carries them to another server."""

import json
from pathlib import Path

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from game.importer import misquotes as misquote_rules
from game.models import Debate, Misquote, Quote, Status
from game.models.content import Origin
from game.services.debates import debate_create, debate_publish
from game.services.importing import Source, article_sources_import, articles_import
from game.services.misquotes import misquote_review
from game.teachers import teacher_create
from tests.factories import review_debate_make

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parent.parent / "seeds"

STORY = ("Four-day week splits the town\n\n"
         "\u201cA four-day week gives teachers time to plan their lessons and gives every pupil time to rest,\u201d "
         "said Dana Whitlock, the head of Northfield Academy.\n\n"
         "\u201cWorking parents cannot take every Friday off work, and many of them will pay for childcare they "
         "cannot afford,\u201d said Omar Feldman, who chairs the Northfield Parents' Forum.\n\n"
         "\u201cWe will look at the results after one year and we will change course if they are worse,\u201d "
         "said Dana Whitlock.\n")
MORE = ("\n\u201cThe council has not asked the families who will pay for all of this,\u201d said Omar Feldman.\n")


def story_debate(teacher, text: str = STORY) -> Debate:
    debate = debate_create(owner=teacher, motion="Northfield schools should move to a four-day week")
    article_sources_import(sources=[Source(name="story.txt", data=text.encode())], debate=debate)
    return debate


def misquotes_of(quote: Quote) -> list[tuple[str, str, bool, str]]:
    return list(Misquote.objects.filter(quote=quote).order_by("pk").values_list("kind", "text", "keep", "origin"))


# The importer's suggestions

def test_each_new_quotation_comes_with_up_to_three_draft_misquotes_in_one_insert(teacher):
    with CaptureQueriesContext(connection) as captured:
        debate = story_debate(teacher)
    quotes = list(Quote.objects.filter(article__debate=debate).order_by("pk"))
    assert len(quotes) == 3
    inserts = [q["sql"] for q in captured.captured_queries if q["sql"].startswith('INSERT INTO "game_misquote"')]
    assert len(inserts) == 1  # one bulk insert for the article, never one a quotation
    drafts = Misquote.objects.filter(quote__in=quotes)
    assert drafts.exists()
    for quote in quotes:
        suggested = misquotes_of(quote)
        assert len(suggested) <= 3
        for kind, text, keep, origin in suggested:
            # A draft until the teacher keeps it, and one that could be played if she does.
            assert (keep, origin) == (False, Origin.EXTRACTED)
            assert kind in misquote_rules.KINDS and kind != "teacher"
            assert misquote_rules.problem(quote.text, text) is None, (quote.text, text)


def test_importing_again_never_duplicates_and_leaves_a_teachers_misquotes_as_she_left_them(teacher):
    debate = story_debate(teacher)
    quotes = list(Quote.objects.filter(article__debate=debate).order_by("pk"))
    kept_quote = next(q for q in quotes if q.misquotes.exists())
    chosen = kept_quote.misquotes.order_by("pk").first()
    reworded = kept_quote.text.replace("every", "no", 1) if "every" in kept_quote.text else chosen.text
    misquote_review(misquote=chosen, text=reworded, keep=True)
    before = {q.pk: misquotes_of(q) for q in quotes}

    report = article_sources_import(sources=[Source(name="story.txt", data=STORY.encode())], debate=debate)
    assert report.unchanged == 1
    assert {q.pk: misquotes_of(q) for q in quotes} == before  # the same article: nothing new, nothing lost

    article_sources_import(sources=[Source(name="story.txt", data=(STORY + MORE).encode())], debate=debate)
    # The quotation whose misquote she kept is hers: the same misquotes, her words, not one more.
    assert misquotes_of(kept_quote) == before[kept_quote.pk]
    assert Misquote.objects.get(pk=chosen.pk).text == reworded
    for quote in Quote.objects.filter(article__debate=debate):
        assert quote.misquotes.count() <= 3  # the importer's own drafts were offered afresh, never doubled
    new = Quote.objects.get(article__debate=debate, text__startswith="The council has not asked")
    assert all(origin == Origin.EXTRACTED and not keep for _, _, keep, origin in misquotes_of(new))


# The review page

def editor(client, debate, quote) -> str:
    response = client.get(reverse("debate_quote", args=[debate.pk, quote.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    return response.content.decode()


def htmx_post(client, url, data):
    return client.post(url, data, HTTP_HX_REQUEST="true")


@pytest.fixture
def reviewing(teacher):
    """A draft debate with two quotations of three misquotes each (kept on the first, drafts on the second)."""
    debate = review_debate_make(teacher, articles=1, quotes_each=3, slug="reviewing")
    quote = Quote.objects.filter(article__debate=debate, speaker__isnull=False).order_by("pk").first()
    return debate, quote


def test_the_quotations_editor_shows_its_misquotes_each_named_with_keep_and_its_words(teacher_client, reviewing):
    debate, quote = reviewing
    html = editor(teacher_client, debate, quote)
    part = html.split(f'<section id="misquotes-{quote.pk}"')[1]
    assert "Misquotes (for Spot the misquote)" in part
    assert "<legend>Misquote 1: A &#x27;not&#x27; added or dropped" in part
    assert "Misquote 2: A hedge dropped or added" in part and "Misquote 3: A quantifier or intensifier swapped" in part
    assert part.count('type="checkbox" name="keep"') == 3 and part.count("csrfmiddlewaretoken") == 4
    assert '<label for="misquote-new-' in part and "Write your own misquote" in part
    assert "<del>" in part and "<ins>" in part  # what each changes, marked


def test_a_teacher_keeps_rewords_and_writes_her_own_misquote(teacher_client, reviewing):
    debate, quote = reviewing
    draft = quote.misquotes.order_by("pk")[1]
    Misquote.objects.filter(quote=quote).update(keep=False)
    url = reverse("debate_misquote", args=[debate.pk, quote.pk, draft.pk])

    # Ticking Keep (htmx): the misquotes part alone comes back, and the count on the quotation's line.
    response = htmx_post(teacher_client, url, {"text": draft.text, "keep": str(draft.pk)})
    html = response.content.decode()
    assert response.status_code == 200 and html.startswith(f'\n<section id="misquotes-{quote.pk}"')
    assert "Saved the misquote." in html and "<html" not in html
    assert f'<span id="misquotes-kept-{quote.pk}" class="tag" hx-swap-oob="true">1 misquote</span>' in html
    assert Misquote.objects.get(pk=draft.pk).keep

    # Rewording it without JavaScript: saved, and back to the quotation, open.
    words = quote.text.replace("changes everything", "changes almost nothing")
    response = teacher_client.post(url, {"text": f"  {words} ", "keep": str(draft.pk)})
    assert response.status_code == 302
    assert response["Location"].endswith(f"?show=all&open={quote.pk}#misquotes-{quote.pk}")
    page = teacher_client.get(response["Location"]).content.decode()
    assert "Saved the misquote." in page and words in page
    assert Misquote.objects.get(pk=draft.pk).text == words

    # Her own: kept at once, named as the teacher's.
    own = quote.text.replace("for our pupils", "for nobody")
    response = htmx_post(teacher_client, reverse("debate_misquote_new", args=[debate.pk, quote.pk]), {"new_text": own})
    assert response.status_code == 200 and "Saved your misquote: it is kept." in response.content.decode()
    assert misquotes_of(quote)[-1] == ("teacher", own, True, Origin.TEACHER)
    assert "Changed by the teacher" in response.content.decode()
    review = teacher_client.get(reverse("debate_review", args=[debate.pk]), {"show": "all"}).content.decode()
    assert f'<span id="misquotes-kept-{quote.pk}" class="tag">2 misquotes</span>' in review


def test_a_misquote_that_cannot_be_played_is_refused_next_to_its_field_with_her_words_kept(teacher_client, reviewing):
    debate, quote = reviewing
    before = misquotes_of(quote)
    new_url = reverse("debate_misquote_new", args=[debate.pk, quote.pk])
    same = quote.text + "  "  # the real words: nothing to spot
    reason = misquote_rules.problem(quote.text, quote.text)
    assert reason

    response = htmx_post(teacher_client, new_url, {"new_text": same})
    html = response.content.decode()
    assert response.status_code == 400 and html.startswith(f'\n<section id="misquotes-{quote.pk}"')
    assert f'<p class="errorlist" id="misquote-new-error-{quote.pk}" role="alert">Not added: {reason}' in html.replace(
        "&#x27;", "'")
    assert f'aria-describedby="misquote-new-error-{quote.pk} misquote-new-help-{quote.pk}" aria-invalid="true">{same}</textarea>' in html

    # Emptying a misquote's words: refused, the Keep she chose and her (empty) words shown, the misquote unchanged.
    first = quote.misquotes.order_by("pk").first()
    url = reverse("debate_misquote", args=[debate.pk, quote.pk, first.pk])
    html = htmx_post(teacher_client, url, {"text": "   "}).content.decode()
    assert f'aria-invalid="true" aria-describedby="misquote-error-{first.pk}">   </textarea>' in html
    assert f'<input type="checkbox" name="keep" value="{first.pk}"> Keep' in html  # unticked, as she sent it

    # Without JavaScript: the page again, the quotation open, the message and her words.
    response = teacher_client.post(new_url, {"new_text": same})
    page = response.content.decode()
    assert response.status_code == 400 and "Nothing was saved." in page and f">{same}</textarea>" in page
    assert misquotes_of(quote) == before


def test_the_same_post_twice_is_harmless(teacher_client, reviewing):
    debate, quote = reviewing
    own = quote.text.replace("for our pupils", "for nobody")
    new_url = reverse("debate_misquote_new", args=[debate.pk, quote.pk])
    for _ in range(2):
        assert teacher_client.post(new_url, {"new_text": own}).status_code == 302
    assert Misquote.objects.filter(quote=quote, text=own).count() == 1
    first = quote.misquotes.order_by("pk").first()
    url = reverse("debate_misquote", args=[debate.pk, quote.pk, first.pk])
    for _ in range(2):
        htmx_post(teacher_client, url, {"text": first.text, "keep": str(first.pk)})
    assert Misquote.objects.filter(quote=quote).count() == 4 and Misquote.objects.get(pk=first.pk).keep


def test_only_the_debates_owner_changes_its_misquotes(teacher_client, teacher, client, student, reviewing):
    debate, quote = reviewing
    first = quote.misquotes.order_by("pk").first()
    before = misquotes_of(quote)
    change = reverse("debate_misquote", args=[debate.pk, quote.pk, first.pk])
    new = reverse("debate_misquote_new", args=[debate.pk, quote.pk])
    forged = {"text": quote.text.replace("everything", "nothing"), "keep": str(first.pk), "new_text": "x " + quote.text}

    other = Client()
    other.force_login(teacher_create(username="mr-jones", password="another-teacher-7"))
    assert other.post(change, forged).status_code == 404 and other.post(new, forged).status_code == 404
    client.force_login(student)
    assert client.post(change, forged).status_code == 403 and client.post(new, forged).status_code == 403
    assert Client().post(change, forged).status_code == 302  # a visitor: to the login page
    # A misquote of another debate's quotation, through this debate's address.
    elsewhere = review_debate_make(teacher, articles=1, quotes_each=1, slug="elsewhere")
    theirs = Misquote.objects.filter(quote__article__debate=elsewhere).first()
    assert teacher_client.post(reverse("debate_misquote", args=[debate.pk, quote.pk, theirs.pk]),
                               forged).status_code == 404
    assert teacher_client.post(reverse("debate_misquote", args=[debate.pk, theirs.quote_id, theirs.pk]),
                               forged).status_code == 404
    # Without the page's CSRF token, even the owner's POST is refused.
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(teacher)
    assert strict.post(change, forged).status_code == 403
    assert misquotes_of(quote) == before and misquotes_of(theirs.quote)[0][2] == theirs.keep


# The seed pack, and a debate's file

def test_the_seed_pack_brings_kept_misquotes_and_applying_it_again_keeps_a_teachers_changes():
    articles_import(paths=[SEEDS])
    from_pack = Misquote.objects.filter(origin=Origin.PACK)
    assert from_pack.count() >= 36 and not from_pack.filter(keep=False).exists()
    quotes = Quote.objects.filter(misquotes__origin=Origin.PACK).distinct()
    assert quotes.count() >= 12 and all(q.misquotes.filter(origin=Origin.PACK).count() == 3 for q in quotes)
    reworded, dropped = from_pack.order_by("pk")[:2]
    quote = reworded.quote
    words = quote.text.replace(" ", " not ", 1)
    misquote_review(misquote=reworded, text=words, keep=True)
    misquote_review(misquote=dropped, text=dropped.text, keep=False)
    total = Misquote.objects.count()

    articles_import(paths=[SEEDS])
    assert Misquote.objects.count() == total
    assert Misquote.objects.get(pk=reworded.pk).text == words and not Misquote.objects.get(pk=dropped.pk).keep


def test_a_debates_file_carries_its_misquotes_and_an_older_file_without_them_still_imports(teacher_client, teacher):
    debate = review_debate_make(teacher, articles=1, quotes_each=4, slug="four-day-week")
    debate_publish(debate=debate)
    quote = Quote.objects.filter(article__debate=debate, status=Status.PUBLISHED).order_by("pk").first()
    exported = json.loads(teacher_client.get(reverse("debate_export", args=[debate.pk])).content)
    sent = next(q for q in exported["quotes"] if q["text"] == quote.text)
    assert sent["misquotes"] == [{"text": t, "kind": k, "keep": keep} for k, t, keep, _ in misquotes_of(quote)]

    exported["debate"]["slug"] = "four-day-week-copy"
    upload = json.dumps(exported).encode()
    teacher_client.post(reverse("debate_import"), {"pack": SimpleUploadedFile("d.json", upload)})
    copy = Quote.objects.get(article__debate__slug="four-day-week-copy", text=quote.text)
    assert [(k, t, keep) for k, t, keep, _ in misquotes_of(copy)] == [
        (k, t, keep) for k, t, keep, _ in misquotes_of(quote)]
    total = Misquote.objects.count()
    response = teacher_client.post(reverse("debate_import"), {"pack": SimpleUploadedFile("d.json", upload)}, follow=True)
    assert "nothing new to add" in response.content.decode() and Misquote.objects.count() == total

    for item in exported["quotes"]:
        del item["misquotes"]  # a file exported before misquotes
    exported["debate"]["slug"] = "four-day-week-older"
    response = teacher_client.post(reverse("debate_import"), {
        "pack": SimpleUploadedFile("old.json", json.dumps(exported).encode())}, follow=True)
    assert "Imported" in response.content.decode()
    older = Debate.objects.get(slug="four-day-week-older")
    assert Quote.objects.filter(article__debate=older).count() == len(exported["quotes"])
    assert not Misquote.objects.filter(quote__article__debate=older).exists()


# The teachers' room

def test_a_teacher_sees_and_adds_misquotes_in_the_quotations_admin_page(teacher_client, teacher, reviewing):
    from game.teachers import TEACHERS_GROUP

    group = teacher.groups.get(name=TEACHERS_GROUP)
    assert {f"{action}_misquote" for action in ("view", "add", "change", "delete")} <= set(
        group.permissions.values_list("codename", flat=True))
    _, quote = reviewing
    page = teacher_client.get(f"/admin/game/quote/{quote.pk}/change/").content.decode()
    assert "misquotes (for spot the misquote)" in page.lower() and quote.misquotes.first().text in page
    existing = list(quote.misquotes.order_by("pk"))
    data = {"paragraph": quote.paragraph_id, "text": quote.text, "speaker": quote.speaker_id, "kind": "spoken",
            "status": "draft", "reason_type": "",
            "misquotes-TOTAL_FORMS": len(existing) + 1, "misquotes-INITIAL_FORMS": len(existing),
            "misquotes-MIN_NUM_FORMS": 0, "misquotes-MAX_NUM_FORMS": 1000}
    for n, misquote in enumerate(existing):
        data |= {f"misquotes-{n}-id": misquote.pk, f"misquotes-{n}-quote": quote.pk, f"misquotes-{n}-text": misquote.text,
                 f"misquotes-{n}-kind": misquote.kind}
    n = len(existing)
    data |= {f"misquotes-{n}-quote": quote.pk, f"misquotes-{n}-text": quote.text, f"misquotes-{n}-kind": "number",
             f"misquotes-{n}-keep": "on"}
    refused = teacher_client.post(f"/admin/game/quote/{quote.pk}/change/", data)
    assert refused.status_code == 200 and misquote_rules.problem(quote.text, quote.text) in refused.content.decode(
        ).replace("&#x27;", "'")
    data[f"misquotes-{n}-text"] = quote.text.replace("point", "point 9 and", 1)
    response = teacher_client.post(f"/admin/game/quote/{quote.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    added = quote.misquotes.order_by("pk").last()
    assert (added.kind, added.keep, added.origin) == ("number", True, Origin.TEACHER)
    assert not any(m.keep for m in quote.misquotes.exclude(pk=added.pk))  # unticked in the form: not kept
