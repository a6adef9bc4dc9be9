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
