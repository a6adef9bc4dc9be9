"""Small, readable builders for test data. Each test makes what it needs."""

from __future__ import annotations

import hashlib
import itertools

from game.models import Argument, Article, Choice, Debate, Paragraph, Question, Quote, Side, Speaker, Status

_counter = itertools.count(1)


def debate_make(*, slug: str = "junior-doctors") -> Debate:
    """A debate with its two sides: the Government (for) and the BMA (against)."""
    debate = Debate.objects.create(
        slug=slug,
        topic="The junior doctors' contract, 2015–16",
        motion="The new junior doctors' contract should be imposed in England",
    )
    Side.objects.create(debate=debate, slug="government", name="The Government",
                        stance="For the new contract", icon=Side.Icon.SQUARE, order=0)
    Side.objects.create(debate=debate, slug="bma", name="The BMA and junior doctors",
                        stance="Against imposing it", icon=Side.Icon.CIRCLE, order=1)
    return debate


def side_of(debate: Debate, slug: str) -> Side:
    return debate.sides.get(slug=slug)


def speaker_make(debate: Debate, full_name: str, *, side: str | None = None, role: str = "",
                 organisation: str = "", aliases: str = "") -> Speaker:
    return Speaker.objects.create(
        debate=debate, full_name=full_name, role=role, organisation=organisation,
        side=side_of(debate, side) if side else None, aliases=aliases,
    )


def article_make(debate: Debate, paragraphs: list[str], *, title: str = "A news story",
                 author: str = "", published=None) -> Article:
    body = "\n\n".join(paragraphs)
    article = Article.objects.create(
        debate=debate, title=title, author=author, published=published,
        source_file=f"test_{next(_counter)}.txt", body=body,
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
    )
    offset = 0
    for index, text in enumerate(paragraphs):
        Paragraph.objects.create(article=article, index=index, text=text, start=offset)
        offset += len(text) + 2
    return article


def quote_make(article: Article, paragraph_index: int, words: str, speaker: Speaker | None, *,
               status: str = Status.PUBLISHED, kind: str = Quote.Kind.SPOKEN) -> Quote:
    """A quote whose words must really be in the paragraph: tests stay true to sources too."""
    paragraph = article.paragraphs.get(index=paragraph_index)
    start = paragraph.text.index(words)
    return Quote.objects.create(
        article=article, paragraph=paragraph, start=start, end=start + len(words), text=words,
        speaker=speaker, status=status, kind=kind,
    )


def argument_make(article: Article, paragraph_index: int, claim: str, side: Side, *,
                  speaker: Speaker | None = None, status: str = Status.PUBLISHED) -> Argument:
    return Argument.objects.create(
        debate=article.debate, claim=claim, side=side, speaker=speaker, article=article,
        paragraph=article.paragraphs.get(index=paragraph_index), status=status,
    )


def question_make(debate: Debate, prompt: str, right: str, wrong: list[str], *,
                  status: str = Status.PUBLISHED, explanation: str = "") -> Question:
    question = Question.objects.create(debate=debate, prompt=prompt, status=status, explanation=explanation)
    Choice.objects.create(question=question, text=right, is_correct=True, order=0)
    for order, text in enumerate(wrong, start=1):
        Choice.objects.create(question=question, text=text, is_correct=False, order=order)
    return question


def classroom_debate() -> Debate:
    """The seed debate in miniature: four speakers, five quotes, four arguments, one question.

    Quotes and arguments are taken word for word from the seed articles.
    """
    debate = debate_make()
    hunt = speaker_make(debate, "Jeremy Hunt", side="government", role="Health Secretary",
                        organisation="Department of Health", aliases="Mr Hunt\nHunt\nthe Health Secretary")
    porter = speaker_make(debate, "Mark Porter", side="bma", role="Chairman of the BMA council",
                          organisation="British Medical Association", aliases="Mr Porter")
    alexander = speaker_make(debate, "Heidi Alexander", role="Shadow Health Secretary",
                             organisation="Labour Party", aliases="Ms Alexander")
    spokesman = speaker_make(debate, "A Government spokesman", side="government",
                             organisation="Department of Health")
    news = article_make(debate, [
        "Instead he wrote to the BMA chairman Mark Porter, saying: \"Next week's withdrawal of emergency "
        "care by junior doctors, called by the BMA, seriously risks the safety of many patients who "
        "depend on the NHS.\"",
        "He said: \"For the sake of clarity, we must, once again, reject your assertion that the only "
        "outstanding issue in dispute relates to Saturday pay.",
        "\"The proposed contract is deficient in failing to address these issues properly, hence our "
        "concerns for patient care, the long-term future of the NHS and the recruitment and retention "
        "of doctors.\"",
        "Ms Alexander told Murnaghan on Sky News: \"I think Jeremy Hunt would need to sit down urgently "
        "today, this afternoon, with the BMA, to talk about what the scope of the pilot would be.\"",
        "A spokesman said: \"We have always said that we want to introduce this contract in a phased "
        "way - for around 11% of junior doctors from August - precisely so any initial problems can be "
        "ironed out.\"",
    ], title="Jeremy Hunt: Junior doctors' strike will risk patient safety")
    quote_make(news, 0, "Next week's withdrawal of emergency care by junior doctors, called by the BMA, "
               "seriously risks the safety of many patients who depend on the NHS.", hunt)
    quote_make(news, 1, "For the sake of clarity, we must, once again, reject your assertion that the only "
               "outstanding issue in dispute relates to Saturday pay.", porter)
    quote_make(news, 2, "The proposed contract is deficient in failing to address these issues properly",
               porter)
    quote_make(news, 3, "I think Jeremy Hunt would need to sit down urgently today, this afternoon, with "
               "the BMA, to talk about what the scope of the pilot would be.", alexander)
    quote_make(news, 4, "We have always said that we want to introduce this contract in a phased way",
               spokesman)
    government, bma = side_of(debate, "government"), side_of(debate, "bma")
    argument_make(news, 0, "The strike puts the safety of many patients at risk.", government, speaker=hunt)
    argument_make(news, 4, "Bringing the contract in gradually lets early problems be fixed.", government)
    argument_make(news, 2, "The contract fails to deal with excessive hours and training.", bma, speaker=porter)
    argument_make(news, 1, "Saturday pay is not the only issue left in the dispute.", bma, speaker=porter)
    question_make(debate, "Which organisation represents junior doctors in the dispute?",
                  "The British Medical Association", ["NHS Employers", "The Royal College of Nursing",
                                                      "The Department of Health"])
    return debate


def more_arguments(debate: Debate) -> None:
    """Four more published arguments (two a side), so a sorting round can deal 6-8 cards."""
    article = debate.articles.first()
    government, bma = side_of(debate, "government"), side_of(debate, "bma")
    argument_make(article, 4, "A phased start lets the NHS iron out problems.", government)
    argument_make(article, 0, "Emergency care withdrawn by a strike harms patients.", government)
    argument_make(article, 3, "The Health Secretary should sit down with the BMA today.", bma)
    argument_make(article, 2, "Recruitment and retention of doctors is at risk.", bma)


def round_play_through(client, round_id) -> None:
    """Answer every remaining question of a round by picking its first option."""
    from game.models import RoundItem

    for item in RoundItem.objects.filter(round_id=round_id, answered_at__isnull=True).order_by("position"):
        client.post(f"/rounds/{round_id}/answer/", {"position": item.position, "answer": item.options[0]})


def classroom_make(teacher, *, name: str = "10B Debate Club", students: int = 0):
    """A class with `students` teacher-made students (display names "Student1 S." ...)."""
    import random as _random

    from game.roster import NewStudent
    from game.services.classes import classroom_create, students_create

    classroom = classroom_create(teacher=teacher, name=name, rng=_random.Random(next(_counter)))
    if students:
        students_create(classroom=classroom, students=[NewStudent(f"Student{n}", "Smith") for n in range(1, students + 1)],
                        rng=_random.Random(next(_counter)))
    return classroom


def homework_make(classroom, debate, *, mode: str = "quiz", days_open: int = 7, title: str = "", **fields):
    from datetime import timedelta

    from django.utils import timezone

    from game.models import Assignment

    now = timezone.now()
    values = {"opens_at": now - timedelta(days=1), "due_at": now + timedelta(days=days_open), "attempts": 1,
              "questions": 10, "answers_shown": Assignment.Answers.STRAIGHT_AWAY, **fields}
    return Assignment.objects.create(classroom=classroom, debate=debate, title=title or f"Homework {next(_counter)}",
                                     mode=mode, **values)


def homework_play(assignment, student, *, right: int | None = None, now=None):
    """The student plays the homework through the real services, the first `right` answers right."""
    from django.utils import timezone

    from game.services.rounds import Owner, answer_submit, homework_round_start, sort_submit

    now = now or timezone.now()
    round_ = homework_round_start(assignment=assignment, student=student, now=now)
    items = list(round_.items.order_by("position"))
    owner = Owner(student, "")
    if round_.mode == "sort":
        placements = {i.position: (i.right_answer if right is None or i.position < right else
                                   next(pk for pk in i.options if pk != i.right_answer)) for i in items}
        sort_submit(round_id=round_.pk, placements=placements, owner=owner, now=now)
        return round_
    for item in items:
        good = right is None or item.position < right
        answer = item.right_answer if good else next(pk for pk in item.options if pk != item.right_answer)
        answer_submit(round_id=round_.pk, position=item.position, answer_id=answer, owner=owner, now=now)
    return round_


REVIEW_PEOPLE = ["Dana Whitlock", "Omar Feldman", "Grace Okonjo", "Lena Marsh", "Tobias Reyes", "Priya Castellano",
                 "Sam Adeyemi", "Helen Marsh", "Northfield Parents' Forum", "Jo Park", "Ravi Mehta"]


# Three misquotes of each quotation review_debate_make makes (kept on every other quotation).
MISQUOTE_CHANGES = [("negation", "changes nothing"), ("hedge", "may change something"),
                    ("quantifier", "changes a little")]


def review_debate_make(owner, *, articles: int, quotes_each: int, slug: str = "big") -> Debate:
    """A teacher's draft debate as the importer leaves it, at any size: 11 people, `articles` articles
    of `quotes_each` quotations (one in eight without a speaker, one in eight only guessed), five
    argument candidates, three sentences and two dated events an article; three misquotes a quotation."""
    import datetime

    from game.models import Event, Misquote, Sentence

    debate = Debate.objects.create(slug=slug, topic="A four-day week", motion="Schools should move to a four-day week",
                                   owner=owner, status=Status.DRAFT)
    for_side = Side.objects.create(debate=debate, slug="for", name="For", stance="For", order=0)
    Side.objects.create(debate=debate, slug="against", name="Against", stance="Against", order=1)
    people = [Speaker.objects.create(debate=debate, full_name=name) for name in REVIEW_PEOPLE]
    misquotes = []
    filler = ("The council's consultation closes next month, and heads across the town say they have heard from "
              "hundreds of families about what a shorter week would mean for childcare, clubs and exams.")
    for a in range(articles):
        paragraphs = [f"\u201cA four-day week changes everything about point {q} in story {a} for our pupils and their "
                      f"families,\u201d said {people[q % len(people)].full_name}. {filler}" for q in range(quotes_each)]
        article = article_make(debate, paragraphs or [filler], title=f"Four-day week: story {a + 1} of the week",
                               published=datetime.date(2025, 4, 1 + a % 28))
        for q in range(quotes_each):
            words = f"A four-day week changes everything about point {q} in story {a} for our pupils and their families,"
            quote = quote_make(article, q, words, None if q % 8 == 0 else people[q % len(people)], status=Status.DRAFT)
            quote.speaker_confidence, quote.keep = (0.6, False) if q % 8 == 1 else (0.95, q % 8 != 0)
            quote.save(update_fields=["speaker_confidence", "keep"])
            misquotes += [Misquote(quote=quote, text=words.replace("changes everything", change), kind=kind,
                                   keep=q % 2 == 0) for kind, change in MISQUOTE_CHANGES]
        for paragraph in article.paragraphs.order_by("index")[:3]:
            Sentence.objects.create(debate=debate, article=article, paragraph=paragraph, start=0,
                                    end=len(paragraph.text), text=paragraph.text, label_suggested="direct")
        paragraph = article.paragraphs.get(index=0)
        for e in range(2):
            Event.objects.create(debate=debate, article=article, paragraph=paragraph if e else None,
                                 happened_on=datetime.date(2025, 4, 1 + (a + e) % 28), text=f"Story {a} event {e}",
                                 dated_by="The article is dated that day.")
        if a < 5:
            Argument.objects.create(debate=debate, claim=f"Argument {a}: a shorter week gives families time together.",
                                    side=for_side, speaker=people[a], article=article, paragraph=paragraph,
                                    status=Status.DRAFT)
    Misquote.objects.bulk_create(misquotes)
    return debate


# Three misquotes a teacher kept for each quotation of classroom_debate, by its opening words.
CLASSROOM_MISQUOTES = {
    "Next week's withdrawal": [
        ("negation", "Next week's withdrawal of emergency care by junior doctors, called by the BMA, "
                     "does not seriously risk the safety of many patients who depend on the NHS."),
        ("quantifier", "Next week's withdrawal of emergency care by junior doctors, called by the BMA, "
                       "seriously risks the safety of some patients who depend on the NHS."),
        ("hedge", "Next week's withdrawal of emergency care by junior doctors, called by the BMA, "
                  "may risk the safety of many patients who depend on the NHS."),
    ],
    "For the sake of clarity": [
        ("negation", "For the sake of clarity, we must not, once again, reject your assertion that the only "
                     "outstanding issue in dispute relates to Saturday pay."),
        ("quantifier", "For the sake of clarity, we must, once again, reject your assertion that the main "
                       "outstanding issue in dispute relates to Saturday pay."),
        ("teacher", "For the sake of clarity, we must, once again, accept your assertion that the only "
                    "outstanding issue in dispute relates to Saturday pay."),
    ],
    "The proposed contract": [
        ("negation", "The proposed contract is not deficient in failing to address these issues properly"),
        ("hedge", "The proposed contract may be deficient in failing to address these issues properly"),
        ("quantifier", "The proposed contract is slightly deficient in failing to address these issues properly"),
    ],
    "I think Jeremy Hunt": [
        ("hedge", "Jeremy Hunt would need to sit down urgently today, this afternoon, with the BMA, to talk "
                  "about what the scope of the pilot would be."),
        ("negation", "I think Jeremy Hunt would not need to sit down urgently today, this afternoon, with the "
                     "BMA, to talk about what the scope of the pilot would be."),
        ("clause", "I think Jeremy Hunt would need to sit down urgently today."),
    ],
    "We have always said": [
        ("quantifier", "We have never said that we want to introduce this contract in a phased way"),
        ("negation", "We have always said that we do not want to introduce this contract in a phased way"),
        ("teacher", "We have always said that we want to introduce this contract all at once"),
    ],
}


def misquotes_make(debate: Debate, *, keep: bool = True) -> list:
    """The kept misquotes of CLASSROOM_MISQUOTES for classroom_debate's quotations."""
    from game.models import Misquote
    from game.models.content import Origin

    made = []
    for quote in Quote.objects.filter(article__debate=debate):
        for opening, versions in CLASSROOM_MISQUOTES.items():
            if quote.text.startswith(opening):
                made += [Misquote(quote=quote, kind=kind, text=text, keep=keep, origin=Origin.TEACHER)
                         for kind, text in versions]
    return Misquote.objects.bulk_create(made)
