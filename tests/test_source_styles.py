"""Transcripts, reaction round-ups and pull quotes name their speakers by layout, not by a sentence."""

from game.importer.parsing import parse_article
from game.importer.quotes import find_quotes


def speakers(text: str) -> list[tuple[str, str | None]]:
    article = parse_article(text, "t.txt")
    return [(q.text[:25], q.speaker) for q in find_quotes([article])[0] if q.kind == "spoken"]


def test_a_hustings_transcript_gives_each_speech_to_its_label_and_a_role_label_to_nobody():
    text = """Hustings at Northfield Library: the four-day week

The candidates answered questions from parents on Thursday evening.

CHAIR: Welcome, everyone, to tonight's hustings on the schools plan.

DANA WHITLOCK: A four-day week gives our teachers the time they need to plan good lessons.

It also gives families a day together, which matters more than any of us admit.

OMAR FELDMAN (Independent): Working parents cannot take every Friday off work. [Applause] The poorest families will pay for the childcare.

Whitlock: The trial will be measured and we will publish every single figure.
"""
    assert speakers(text) == [
        ("Welcome, everyone, to ton", None),
        ("A four-day week gives our", "Dana Whitlock"),
        ("It also gives families a ", "Dana Whitlock"),
        ("Working parents cannot ta", "Omar Feldman"),
        ("The poorest families will", "Omar Feldman"),
        ("The trial will be measure", "Dana Whitlock"),
    ]


def test_a_parliamentary_label_with_constituency_party_and_office_names_the_member():
    text = """Junior doctors' contract: Commons exchange

The Secretary of State for Health (Jeremy Hunt): We will introduce the new contract from August this year.

Heidi Alexander (Lewisham East) (Lab): The Secretary of State has failed to win the confidence of doctors.

Mr Hunt: I have always said we want to settle this through talks and not through strikes.
"""
    assert [s for _, s in speakers(text)] == ["Jeremy Hunt", "Heidi Alexander", "Jeremy Hunt"]


def test_a_surname_label_two_people_share_is_left_for_a_teacher():
    text = """Panel on the four-day week

ANNA MARSH: We should try it in two schools first and then decide.

LENA MARSH: I finally had time to finish my coursework properly this week.

MARSH: Nobody has shown me that attendance will go up at all.
"""
    assert speakers(text)[-1] == ("Nobody has shown me that ", None)


def test_a_round_up_gives_each_quotation_to_the_name_line_above_it():
    text = """Four-day week: what they said

Reactions came quickly after the vote.

Dr Amira Patel, chair of the Northfield Teachers' Association
"This is the best news our teachers have had in a decade, and they will make it work."

Omar Feldman, chair of the Northfield Parents' Forum
"Working parents were not asked, and they will be the ones who pay for it."
"""
    assert speakers(text) == [("This is the best news our", "Amira Patel"), ("Working parents were not ", "Omar Feldman")]


def test_a_pull_quote_gives_its_words_to_the_credit_after_it():
    text = """The week in quotes

"A four-day week is a bold idea whose time has come for our schools." — Dana Whitlock, council education chair

"Nobody should plan a child's week around a council budget line."

— Grace Okonjo, head of Riverside Academy
"""
    assert speakers(text) == [("A four-day week is a bold", "Dana Whitlock"), ("Nobody should plan a chil", "Grace Okonjo")]


def test_a_letter_from_a_group_the_article_introduced_is_that_groups():
    text = """Teachers' letter to the council

A coalition of Northfield head teachers has written to the county council about the plan.

The Northfield head teachers wrote: "We cannot support a change that cuts a fifth of the week from learning."

Separately, the letter, signed by the National Association of Head Teachers, said: "The trial must be independently evaluated."
"""
    assert speakers(text) == [("We cannot support a chang", "Coalition of Northfield head teachers"),
                              ("The trial must be indepen", "National Association of Head Teachers")]


def test_hansard_as_its_website_prints_it_gives_each_speech_to_the_member_named_above_it():
    text = """Library Closures

Volume 701: debated on Wednesday 4 March 2026

Dana Whitlock
(Northfield) (Lab)
Share this contribution
I beg to move that this House regrets the closure of forty libraries in the county.

Every one of them was the only warm, quiet place some children had to do their homework.

Mr Omar Feldman
The Minister for Culture
The councils have had more money this year, not less, and the decisions are theirs.

Several hon. Members rose—

Dana Whitlock
Will the Minister at least publish the figures he is relying on?
"""
    assert speakers(text) == [
        ("I beg to move that this H", "Dana Whitlock"),
        ("Every one of them was the", "Dana Whitlock"),
        ("The councils have had mor", "Omar Feldman"),
        ("Will the Minister at leas", "Dana Whitlock"),
    ]


def test_one_speech_under_a_ministers_title_is_a_transcript_too():
    text = """School Meals

The Secretary of State for Education (Ms Lena Marsh)
I am pleased to announce that every primary pupil will have a free lunch from September.

The scheme will be paid for from the underspend in the capital budget.
"""
    assert [s for _, s in speakers(text)] == ["Lena Marsh", "Lena Marsh"]


def test_the_printed_hansards_numbered_questions_and_a_new_item_of_business():
    text = """Oral Answers to Questions

1. Mr Omar Feldman (Northfield) (Con): What assessment he has made of library closures. [12345]

The Minister for Culture (Dana Whitlock): We keep the closures under review with every council.

Mr Feldman: Will she meet the campaigners from Northfield who have gathered ten thousand names?

School Buses

2. Anna Reyes (Southvale) (Lab): What steps she is taking to restore rural school buses. [12346]
"""
    assert [s for _, s in speakers(text)] == ["Omar Feldman", "Dana Whitlock", "Omar Feldman", "Anna Reyes"]


def test_a_label_with_only_a_surname_known_gives_that_surname_never_sure():
    text = """Statement

Mr Feldman
We will publish every figure the councils have sent us by the end of the month.

Dana Whitlock
(Northfield) (Lab)
Why were the figures not published before the closures were agreed?

Mr Feldman
Because the councils had not finished their own consultations by then.
"""
    article = parse_article(text, "t.txt")
    found = [q for q in find_quotes([article])[0] if q.kind == "spoken"]
    assert [(q.speaker, q.sure) for q in found] == [("Feldman", False), ("Dana Whitlock", True), ("Feldman", False)]


def test_an_interview_printed_without_marks_gives_each_answer_to_the_interviewee():
    text = """Interview: Dr Amara Bell on the strike

By Jane Smith

Dr Amara Bell is a junior doctor in Leeds. We spoke to her before the strike.

Why are you striking?

Because the contract is unsafe for patients and unfair to doctors who work weekends already.

What would it take to end the dispute?

The Government has to drop the imposition and come back to the table with a proper offer.

Do you worry about patients?

Every day. That is why emergency care will be covered by senior staff throughout the strike.
"""
    assert [s for _, s in speakers(text)] == ["Amara Bell"] * 3


def test_a_writers_own_rhetorical_questions_are_no_interview():
    text = """Why the buses matter

The council will vote on Tuesday on whether to cut the rural bus routes.

Who will take the children to school?

Parents say they do not know. "We have no car and no other way in," said Lena Marsh, a mother of two.

The council says the routes cost too much to run and carry too few passengers.
"""
    assert speakers(text) == [("We have no car and no oth", "Lena Marsh")]
