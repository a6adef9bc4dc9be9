"""Spot the misquote, as a student plays it: four versions of a quotation, the real one to find,
then "What was changed?" after a right answer; the answer marks every change and names it."""

import re

import pytest
from django.utils.html import escape

from game.models import Misquote, Mode, Quote, Round, RoundItem
from tests.factories import classroom_debate, classroom_make, homework_make, misquotes_make

pytestmark = pytest.mark.django_db


def start(client, debate) -> Round:
    response = client.post(f"/play/{debate.slug}/misquote/")
    assert response.status_code == 302, response.content[:500]
    return Round.objects.get(pk=response["Location"].split("/")[2])


def playing(client, student):
    """A student logged in, a round of Spot the misquote started on classroom_debate: it and its first item."""
    debate = classroom_debate()
    misquotes_make(debate)
    client.force_login(student)
    round_ = start(client, debate)
    return round_, round_.items.get(position=0)


def answer(client, round_, position, option, **headers):
    return client.post(f"/rounds/{round_.pk}/answer/", {"position": position, "answer": option}, **headers)


def test_the_mode_is_offered_only_when_four_quotations_have_three_kept_misquotes(client):
    debate = classroom_debate()
    misquotes_make(debate, keep=False)  # the importer's drafts: nothing is played until a teacher keeps it
    assert "Spot the misquote" not in client.get("/").content.decode()
    response = client.post(f"/play/{debate.slug}/misquote/", follow=True)
    assert "hasn&#x27;t kept misquotes for enough quotations" in response.content.decode()
    kept = list(Quote.objects.filter(article__debate=debate).order_by("pk")[:3])
    Misquote.objects.filter(quote__in=kept).update(keep=True)
    assert "Spot the misquote" not in client.get("/").content.decode()  # three quotations are not enough
    Misquote.objects.update(keep=True)
    assert "Spot the misquote" in client.get("/").content.decode()


def test_the_question_shows_the_speaker_and_four_versions_without_saying_which_is_real(client, student):
    debate = classroom_debate()
    misquotes_make(debate)
    client.force_login(student)
    round_ = start(client, debate)
    assert round_.items.count() == 5 and set(round_.items.values_list("kind", flat=True)) == {"misquote"}
    item = round_.items.get(position=0)
    page = client.get(f"/rounds/{round_.pk}/").content.decode()
    assert f"Which is what {escape(item.quote.speaker.full_name)} really said?" in page
    buttons = re.findall(r'<button type="submit" name="answer" value="(\d+)" class="option misquote-option"', page)
    assert buttons == ["1", "2", "3", "4"]
    for label, _ in item.option_labels:
        assert escape(label) in page
    assert escape(item.right_label) in page  # the real words (or their stretch) are one of the four...
    for kind in Misquote.objects.values_list("kind", flat=True):  # ...and nothing tells which
        assert escape(item.source["misquotes"][0]["kind_name"]) not in page
    assert "<del>" not in page and "<ins>" not in page and escape(item.quote.article.title) not in page
    assert [m["option"] for m in item.source["misquotes"]] != [] and item.right_answer not in [
        m["option"] for m in item.source["misquotes"]]


def test_a_right_answer_asks_what_was_changed_and_a_changed_word_scores(client, student):
    round_, item = playing(client, student)
    page = answer(client, round_, 0, item.right_answer, HTTP_HX_REQUEST="true").content.decode()
    assert "Right!" in page and "Now a harder one: what was changed" in page
    assert "<del>" not in page.split('data-panel="next"')[0]  # the changes are marked only after the follow-up
    assert round_.items.count() == 6  # the follow-up is the next question; the rest moved down one
    follow = round_.items.get(position=1)
    assert follow.kind == "mq_change" and follow.quote_id == item.quote_id
    assert "What was changed?" in page
    words = [label for label, _ in follow.option_labels]
    picked = next(m for m in item.source["misquotes"] if m["text"] == follow.asked)
    assert " ".join(words) == picked["text"]
    changed = follow.source["changed"]
    page = answer(client, round_, 1, changed[-1], HTTP_HX_REQUEST="true").content.decode()
    assert "Right!" in page and f"“{escape(words[changed[-1] - 1])}” was changed." in page
    assert RoundItem.objects.get(pk=follow.pk).points == 12  # scored like a question: the streak counts
    assert page.count("<del>") + page.count("<ins>") >= 3  # every misquote's change is marked...
    for misquote in item.source["misquotes"]:
        assert escape(misquote["kind_name"]) in page  # ...and named
    assert f"<mark>{escape(item.quote.text)}</mark>" in page  # the real words in their paragraph


def test_an_unchanged_word_is_wrong_and_a_wrong_first_answer_gets_no_follow_up(client, student):
    round_, item = playing(client, student)
    answer(client, round_, 0, item.right_answer)
    follow = round_.items.get(position=1)
    same = next(n for n in follow.options if n not in follow.source["changed"])
    page = answer(client, round_, 1, same, HTTP_HX_REQUEST="true").content.decode()
    assert "Not quite" in page and "own word" in page
    assert RoundItem.objects.get(pk=follow.pk).points == 0
    wrong_item = round_.items.get(position=2)
    wrong = next(n for n in wrong_item.options if n != wrong_item.right_answer)
    page = answer(client, round_, 2, wrong, HTTP_HX_REQUEST="true").content.decode()
    assert "Not quite" in page and f"really said version {wrong_item.right_answer}" in page
    assert "<del>" in page or "<ins>" in page  # a wrong answer is shown every change at once
    assert round_.items.count() == 6 and round_.items.get(position=3).kind == "misquote"


def test_the_answer_is_decided_once_by_the_server(client, student):
    round_, item = playing(client, student)
    assert answer(client, round_, 0, 9).status_code == 400  # not one of the four
    answer(client, round_, 0, item.right_answer)
    assert answer(client, round_, 0, item.right_answer).status_code == 409  # a repeated POST
    assert round_.items.count() == 6  # no second follow-up
    assert answer(client, round_, 2, 1).status_code == 409  # out of order: the follow-up comes first


def test_homework_that_hides_the_answers_asks_no_follow_up(client):
    from django.contrib.auth.models import User

    from game.models import Membership

    debate = classroom_debate()
    misquotes_make(debate)
    teacher = User.objects.create_user("teacher", password="x")
    classroom = classroom_make(teacher)
    student = User.objects.create_user("pupil", password="x")
    Membership.objects.create(classroom=classroom, student=student)
    homework = homework_make(classroom, debate, mode="misquote", answers_shown="never", questions=4)
    client.force_login(student)
    client.post(f"/homework/{homework.pk}/start/")
    round_ = Round.objects.get(assignment=homework)
    assert round_.mode == Mode.MISQUOTE and round_.items.count() == 4
    item = round_.items.get(position=0)
    page = answer(client, round_, 0, item.right_answer, HTTP_HX_REQUEST="true").content.decode()
    assert "Answer saved" in page and "What was changed?" not in page
    assert round_.items.count() == 4


def test_a_long_quotation_shows_the_same_stretch_in_all_four_versions(client, student):
    debate = classroom_debate()
    quote = Quote.objects.filter(article__debate=debate).order_by("pk").first()
    long_words = " ".join(["We have listened to the profession"] * 12) + " and patients will be safe."
    paragraph = quote.paragraph
    paragraph.text = paragraph.text + " " + long_words
    paragraph.save()
    start_at = paragraph.text.index(long_words)
    quote.text, quote.start, quote.end = long_words, start_at, start_at + len(long_words)
    quote.save()
    misquotes_make(debate)
    Misquote.objects.filter(quote=quote).delete()
    Misquote.objects.bulk_create([
        Misquote(quote=quote, kind="negation", text=long_words.replace("patients will be safe", "patients will not be safe"), keep=True),
        Misquote(quote=quote, kind="hedge", text=long_words.replace("patients will be safe", "patients may be safe"), keep=True),
        Misquote(quote=quote, kind="quantifier", text=long_words.replace("and patients", "and some patients"), keep=True),
    ])
    client.force_login(student)
    round_ = start(client, debate)
    item = round_.items.get(quote=quote)
    labels = [label for label, _ in item.option_labels]
    assert all(label.startswith("…") for label in labels)  # the same stretch: the opening is left out of all four
    assert len(set(len(label.split()) for label in labels)) <= 2  # about as long as each other
    assert item.right_label in labels and item.right_label.endswith("and patients will be safe.")


@pytest.mark.parametrize("size", [10, 10_000])
def test_the_question_and_its_answers_cost_the_same_queries_at_10_and_10000_quotations(
        client, student, size, assert_queries):
    from game.models import Speaker, Status

    debate = classroom_debate()
    misquotes_make(debate)
    paragraph = debate.articles.first().paragraphs.get(index=0)
    hunt = Speaker.objects.get(full_name="Jeremy Hunt")
    quotes = Quote.objects.bulk_create(
        Quote(article=paragraph.article, paragraph=paragraph, start=i, end=i + 40, text=paragraph.text[i:i + 40],
              speaker=hunt, status=Status.PUBLISHED) for i in range(1, size + 1))
    Misquote.objects.bulk_create(
        Misquote(quote=quote, kind=kind, text=f"{quote.text} {extra}", keep=True)
        for quote in quotes for kind, extra in (("hedge", "perhaps"), ("negation", "not"), ("teacher", "again")))
    client.force_login(student)
    client.get("/")
    # session, user, the debate; the quotations to deal from, the dealt ones and their misquotes;
    # the round and its items stored; and this test's own read of the new round (start())
    with assert_queries(9):
        round_ = start(client, debate)
    item = round_.items.get(position=0)
    with assert_queries(4):  # session, user, the round, its items
        client.get(f"/rounds/{round_.pk}/")
    # session, user, the locked round, its items, the answer saved; and after a right answer the
    # follow-up: the later questions moved down one (two updates) and it inserted
    with assert_queries(8):
        client.post(f"/rounds/{round_.pk}/answer/", {"position": 0, "answer": item.right_answer}, HTTP_HX_REQUEST="true")
    follow = round_.items.get(position=1)
    with assert_queries(5):
        client.post(f"/rounds/{round_.pk}/answer/", {"position": 1, "answer": follow.source["changed"][0]},
                    HTTP_HX_REQUEST="true")


def test_a_long_quotation_changed_at_both_ends_is_dealt_and_answered_whole(client, student):
    """The stretch shown covers every change, so it can be long: the round keeps it all (PostgreSQL too)."""
    debate = classroom_debate()
    misquotes_make(debate)
    quote = Quote.objects.filter(article__debate=debate).order_by("pk").first()
    words = "All of us " + " ".join(["have listened to the profession for months"] * 9) + " and patients will be safe."
    paragraph = quote.paragraph
    paragraph.text = f"{paragraph.text} {words}"
    paragraph.save()
    start_at = paragraph.text.index(words)
    quote.text, quote.start, quote.end = words, start_at, start_at + len(words)
    quote.save()
    Misquote.objects.filter(quote=quote).delete()
    Misquote.objects.bulk_create([
        Misquote(quote=quote, kind="quantifier", keep=True,
                 text=words.replace("All of us", "Some of us").replace("will be safe", "will not be safe")),
        Misquote(quote=quote, kind="hedge", keep=True, text=words.replace("will be safe", "may be safe")),
        Misquote(quote=quote, kind="quantifier", keep=True, text=words.replace("All of us", "Most of us")),
    ])
    client.force_login(student)
    round_ = start(client, debate)
    item = round_.items.get(quote=quote)
    assert len(item.right_label) > 300 and item.right_label.startswith("All of us have listened")
    round_.items.filter(position__lt=item.position).update(answered_at=item.round.created_at)
    wrong = next(n for n in item.options if n != item.right_answer)
    response = answer(client, round_, item.position, wrong)
    assert response.status_code == 302
    assert len(RoundItem.objects.get(pk=item.pk).answer_label) > 300
