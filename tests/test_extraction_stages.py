"""Each stage of the extractor alone: quotation spans, speaker phrases, and the scorer for real
articles labelled by others (on small articles written here: PolNeAR's and the BBC's text stays out
of the repository)."""

import json
from pathlib import Path

import pytest

from game.importer import external
from game.importer.mentions import phrase_head
from game.importer.parsing import parse_article
from game.importer.quotations import quote_spans
from game.importer.quotes import find_quotes
from game.importer.types import SURE

ROOT = Path(__file__).resolve().parent.parent


def spans_of(text):
    return [(text[s.start:s.end], s.runs_on) for s in quote_spans(text)]


def quotes_of(*paragraphs, title="A headline"):
    article = parse_article(("\n\n".join((title, *paragraphs)) + "\n").encode(), "story.txt")
    return [q for q in find_quotes([article])[0] if q.kind == "spoken"]


# --- quotation spans -----------------------------------------------------------------------

def test_a_quotation_that_runs_on_ends_where_the_next_one_opens():
    text = 'Ms Hewitt said: "We have doubled it. "We are going to extend it to nine months," she said.'
    assert spans_of(text) == [("We have doubled it.", True), ("We are going to extend it to nine months", False)]


def test_a_straight_mark_opens_or_closes_by_what_stands_beside_it():
    text = 'He called it "a disaster for the town" and said "we will fight".'
    assert spans_of(text) == [("a disaster for the town", False), ("we will fight", False)]


def test_a_mark_never_closed_ends_at_its_paragraph():
    text = 'The letter said: "We reject your assertion and we will not move'
    assert spans_of(text) == [("We reject your assertion and we will not move", True)]
    found = quotes_of(text, "The story goes on here without any quotation at all.")
    assert [q.text for q in found] == ["We reject your assertion and we will not move"]


def test_apostrophes_are_not_marks():
    assert spans_of("The doctors' pay and the nurses' rota: it's Hunt's call.") == []


# --- speaker phrases -------------------------------------------------------------------------

@pytest.mark.parametrize(("phrase", "kind", "text"), [
    ("Florida-based Republican strategist Al Cardenas", "name", "Al Cardenas"),
    ("Sen. Chuck Schumer (D-N.Y.)", "name", "Chuck Schumer"),
    ("Clark County Sheriff Joe Lombardo", "name", "Joe Lombardo"),
    ("a spokeswoman for the council, Jane Roe", "name", "Jane Roe"),
    ("Theresa May", "name", "Theresa May"),
    ("Tomasz Wiśniewski", "name", "Tomasz Wiśniewski"),
    ("Schumer", "surname", "Schumer"),
    ("she", "pronoun", "she"),
    ("a Nevada Democrat", "anonymous", "a Nevada Democrat"),
    ("Donald J.", "none", ""),
    ("the Cabinet Office", "body", "Cabinet Office"),
])
def test_the_head_of_a_speaker_phrase(phrase, kind, text):
    head = phrase_head(phrase)
    assert (head.kind, head.text) == (kind, text)


def test_places_and_days_are_never_speakers():
    assert phrase_head("Washington").kind == "none"
    assert phrase_head("Monday").kind == "none"


# --- attribution ---------------------------------------------------------------------------

def test_paragraphs_run_together_keep_each_quotation_with_its_speaker():
    found = quotes_of(
        'Ms Patricia Hewitt said: "We have already doubled the length of maternity pay. '
        '"We are going to extend the pay to nine months by 2007." She added that the plans were costed. '
        'Theresa May, the shadow secretary, said: "These plans were announced long ago."'
    )
    assert [(q.text[:20], q.speaker) for q in found] == [
        ("We have already doub", "Patricia Hewitt"),
        ("We are going to exte", "Patricia Hewitt"),
        ("These plans were ann", "Theresa May"),
    ]


def test_a_spokeswoman_named_in_apposition_is_that_person():
    found = quotes_of('"The figures are wrong," said a spokeswoman for the council, Jane Roe.')
    assert [q.speaker for q in found] == ["Jane Roe"]


def test_a_lone_surname_is_the_articles_word_never_sure():
    found = quotes_of('Schumer tweeted: "This is a day of shame for the Senate."')
    assert [(q.speaker, q.sure) for q in found] == [("Schumer", False)]


def test_a_name_beside_a_speech_verb_is_sure_and_a_carried_over_one_is_not():
    found = quotes_of(
        '"We will not back down," said Florida-based Republican strategist Al Cardenas.',
        "The meeting ended late.",
        'Prof Jane Marsh said she was shocked at the findings. "We expected a bit of this, but not this much."',
    )
    assert [(q.speaker, q.sure) for q in found] == [("Al Cardenas", True), ("Jane Marsh", False)]
    assert found[0].confidence >= SURE > found[1].confidence


def test_a_sentence_ending_quotation_is_not_attributed_by_the_next_sentence():
    found = quotes_of(
        'Barbara Follet told researchers: "I remember it well." Former MP Jackie Ballard recalled a stream of remarks.'
    )
    assert [q.speaker for q in found] == ["Barbara Follet"]


def test_he_is_nobody_when_someone_else_he_could_mean_was_named_since():
    found = quotes_of(
        "Mr John Smith spoke to reporters after Mr Peter Jones had left the hall.",
        '"It is a scandal," he said.',
    )
    assert [q.speaker for q in found] == [None]


def test_reported_speech_inside_a_clause_is_not_the_speaker():
    found = quotes_of(
        'Mr Hamish MacDonell said that the minister should know by now that if he said things which were '
        '"off the mark and wrong", they would bite him.'
    )
    assert [q.speaker for q in found] == ["Hamish MacDonell"]


# --- the scorer ------------------------------------------------------------------------------

def polnear_copy(root: Path, split: str = "dev") -> Path:
    """A PolNeAR-shaped folder with one article written here, its attributions and one chain."""
    base = root / split
    for folder in ("text", "attributions", "corenlp"):
        (base / folder).mkdir(parents=True)
    text = ('Vote now\n\n"We will win this state," said Jane Roe. '
            '"It is ours to lose," she added.\n')
    (base / "text" / "a_story.txt").write_text(text, encoding="utf-8")
    first, second = text.index("We will"), text.index("It is")
    jane, she = text.index("Jane Roe"), text.index("she added")
    (base / "attributions" / "a_story_1.ann").write_text(
        f"T1\tSource {jane} {jane + 8}\tJane Roe\n"
        f"T2\tContent {first - 1} {first + 24}\t{text[first - 1:first + 24]}\n"
        f"T3\tCue {jane - 5} {jane - 1}\tsaid\n"
        "E1\tAttribution:T3 Content:T2 Source:T1 Cue:T3\n"
        f"T4\tSource {she} {she + 3}\tshe\n"
        f"T5\tContent {second - 1} {second + 19}\t{text[second - 1:second + 19]}\n"
        "E2\tAttribution:T3 Content:T5 Source:T4\n", encoding="utf-8")
    tokens = [(jane, jane + 4), (jane + 5, jane + 8), (she, she + 3)]
    xml = ["<root><document><sentences><sentence id=\"1\"><tokens>"]
    xml += [f'<token id="{i}"><word>w</word><CharacterOffsetBegin>{a}</CharacterOffsetBegin>'
            f"<CharacterOffsetEnd>{b}</CharacterOffsetEnd></token>" for i, (a, b) in enumerate(tokens, 1)]
    xml.append("</tokens></sentence></sentences><coreference><coreference>"
               "<mention><sentence>1</sentence><start>1</start><end>3</end><head>2</head><text>Jane Roe</text></mention>"
               "<mention><sentence>1</sentence><start>3</start><end>4</end><head>3</head><text>she</text></mention>"
               "</coreference></coreference></document></root>")
    (base / "corenlp" / "a_story.txt.xml").write_text("".join(xml), encoding="utf-8")
    return root


def test_the_polnear_scorer_counts_named_and_pronoun_sources_apart(tmp_path):
    score = external.polnear_score(polnear_copy(tmp_path), "dev")
    named, pronoun = score.tallies["named"], score.tallies["pronoun"]
    assert (named.items, named.attributed, named.right) == (1, 1, 1)
    # "she" is Jane Roe through the coreference chain.
    assert (pronoun.items, pronoun.right) == (1, pronoun.attributed)


def test_the_polnear_test_split_is_never_scored(tmp_path):
    with pytest.raises(ValueError):
        external.polnear_score(tmp_path, "test")


def test_a_match_needs_half_the_length():
    assert external.matches("We will win this state", "we will win this state.")
    assert not external.matches("We will", "We will win this state and the next one")


def test_the_bbc_labels_are_whole_and_hold_no_article():
    data = json.loads((ROOT / external.BBC_LABELS).read_text(encoding="utf-8"))
    sets = {name: files for name, files in data.items() if not name.startswith("_")}
    named = ("bbc_tuning", "bbc_holdout", "bbc_holdout2", "bbc_holdout3", "bbc_holdout4")
    assert set(named) <= set(sets)
    assert [len(sets[name]) for name in named] == [30, 32, 40, 40, 40]
    names = [name for files in sets.values() for name in files]
    assert len(names) == len(set(names))  # no file in two sets
    assert all(1 <= int(name[4:7]) <= 300 for name in names)  # 301-417 are never opened
    for files in sets.values():
        for labels in files.values():
            for label in labels:
                assert set(label) <= {"text", "speaker", "source", "pronoun", "group", "continued", "not_speech", "note"}
                assert len(label["text"].split()) >= 3


def test_she_is_sure_only_for_someone_named_in_this_paragraph_or_the_one_before():
    found = quotes_of("Ms Jane Roe opened the meeting.", '"We will keep the library open," she said.')
    assert [(q.speaker, q.sure) for q in found] == [("Jane Roe", True)]
    found = quotes_of("Ms Jane Roe opened the meeting.", "The budget is tight this year.",
                      '"We will keep the library open," she said. "All of it, every branch."')
    assert [(q.speaker, q.sure) for q in found] in ([("Jane Roe", False)] * 2, [(None, False)] * 2)
    found = quotes_of('"We will keep the library open," said Ms Jane Roe. "We have found the money," she added.')
    assert [(q.speaker, q.sure) for q in found] == [("Jane Roe", True), ("Jane Roe", True)]


def test_an_event_or_a_people_is_never_a_speaker():
    assert [q.speaker for q in quotes_of('"This is the future of energy," the Aspen Symposium said.')] == [None]
    assert [q.speaker for q in quotes_of('"We will never accept this decision," the Americans said.')] == [None]


def test_a_round_up_name_line_gives_the_next_paragraphs_quotation():
    found = quotes_of("Dr Amira Patel, chair of the BMA council", '"Doctors cannot keep working like this."',
                      "Mr John Smith, a local GP", '"We need more staff in every practice now."')
    assert [q.speaker for q in found] == ["Amira Patel", "John Smith"]


def test_a_pull_quote_repeating_earlier_words_is_whoever_said_them():
    found = quotes_of('Mark Porter said: "We will strike if we have to, and we will win."',
                      "Later Jeremy Hunt spoke to the press about the offer.",
                      '"We will strike if we have to, and we will win."')
    assert [(q.speaker, q.cue) for q in found] == [("Mark Porter", "before: who verb"),
                                                   ("Mark Porter", "repeats an earlier quotation")]


def test_a_lone_quotation_after_a_sentence_reporting_someone_is_theirs_never_sure():
    found = quotes_of(
        'Mr Michael Howard spoke after the vote. "We lost tonight, but we will be back." '
        'Mr Howard described the result as "very close". "This is from someone who knows the party well."'
    )
    assert [(q.speaker, q.sure) for q in found if "someone" in q.text] == [("Michael Howard", False)]


def test_an_aside_between_dashes_is_not_the_sentences_speaker():
    found = quotes_of("House of Commons Speaker John Bercow commented on the matter — which the BBC noted as an "
                      'unusual move — "However it is dressed up, the purpose is to stop Parliament debating it."')
    assert [q.speaker for q in found] == ["John Bercow"]


def test_according_to_a_reporter_a_spokesman_speaks_not_the_reporter():
    found = quotes_of("According to the BBC, a spokesman for the council expressed disappointment; "
                      '"The council needs to bring forward a strong plan of its own."')
    assert [q.speaker for q in found] != ["BBC"]
    assert [q.speaker for q in quotes_of('According to the BBC, "the council needs a strong plan of its own".')] == ["BBC"]


def test_a_member_of_a_party_is_the_speaker_not_the_party():
    found = quotes_of('Member of Parliament Yvette Cooper of the Labour Party added, "This is a deeply '
                      'dangerous and irresponsible way to govern."')
    assert [q.speaker for q in found] == ["Yvette Cooper"]
    found = quotes_of('The National Association of Head Teachers said: "This is a false economy for every school."')
    assert [q.speaker for q in found] == ["National Association of Head Teachers"]


def test_pronoun_sources_can_be_scored_against_referents_read_by_hand(tmp_path):
    root = polnear_copy(tmp_path)
    text = (root / "dev" / "text" / "a_story.txt").read_text(encoding="utf-8")
    second = text.index("It is")
    right = external.polnear_score(root, "dev", {"a_story": {second: {"roe"}}})
    assert (right.checked.items, right.checked.attributed, right.checked.right) == (1, 1, 1)
    wrong = external.polnear_score(root, "dev", {"a_story": {second: {"smith"}}})
    assert (wrong.checked.attributed, wrong.checked.right) == (1, 0) and wrong.checked_mistakes


def test_the_hand_checked_referents_hold_no_article_text():
    data = json.loads((ROOT / external.POLNEAR_PRONOUNS).read_text(encoding="utf-8"))
    assert set(data) == {"_about", "dev", "train"}
    for split, count in (("dev", 166), ("train", 401)):
        labels = [label for quotes in data[split].values() for label in quotes.values()]
        assert len(labels) == count
        assert all(set(label) == {"referent", "right"} and label["right"] for label in labels)
    assert not set(data["dev"]) & set(data["train"])


def test_a_possessive_is_not_the_sentences_subject():
    found = quotes_of('"Britain is heading in the wrong direction," Mr Michael Howard said. Mr Tony Blair\'s '
                      'government was a "bossy, interfering government that takes decisions," he added.')
    # "he" is not Mr Blair (his government is the subject); with him named since, no one is guessed.
    assert [q.speaker for q in found] == ["Michael Howard", None]


def test_a_name_in_apposition_after_a_role_or_a_possessive_is_the_subject():
    found = quotes_of("England's head coach, Brendon McCullum, agreed. "
                      'He told Sky Sports: "We picked him because we think he can win us matches."')
    assert [q.speaker for q in found] == ["Brendon McCullum"]


def test_the_same_subjects_second_verb_is_not_another_voice():
    found = quotes_of("Lib Dem leader Charles Kennedy said Harry was in a privileged position and said he should "
                      'apologise in person. "There is a reservoir of goodwill for him in this country."')
    assert [q.speaker for q in found] == ["Charles Kennedy"]


def test_he_after_an_unnamed_spokesman_is_the_spokesman():
    found = quotes_of("Mr Andrew Mennear said the poster should be withdrawn. A Labour spokesman denied the campaign "
                      'was anti-Semitic. "This poster is making a serious point about the sums," he said.')
    assert [q.speaker for q in found] == ["Labour spokesman"]


def test_a_titled_surname_is_whom_he_or_she_means_next():
    found = quotes_of("Dr Liam Fox spoke first. Tory peer Lord Tebbit said he agreed with Dr Fox's view. "
                      '"After all, he is far from being the worst perjurer in the world," he added.')
    assert [q.speaker for q in found] in ([None], ["Tebbit"])  # never Liam Fox
    found = quotes_of("Tory peer Lord Tebbit said the case should be looked at on its merits. "
                      '"After all, he is far from being the worst perjurer in the world," he added.')
    assert [(q.speaker, q.sure) for q in found] == [("Tebbit", False)]


def test_a_spokesperson_speaks_for_the_body_spelt_out_or_the_person_named():
    found = quotes_of("The Department for Constitutional Affairs (DCA) set the rules.",
                      'A spokesman for the DCA said: "The DCA has provided strong, clear leadership throughout."')
    assert [q.speaker for q in found] == ["Department for Constitutional Affairs spokesman"]
    found = quotes_of("Prime Minister Tony Blair hosted the talks.",
                      'A spokesman for Mr Blair said: "This is a practical work plan for both sides."')
    assert [q.speaker for q in found] == ["Tony Blair's spokesman"]


def test_a_name_after_the_verb_is_not_the_subject_of_a_role():
    found = quotes_of("Oliver Letwin, for the Tories, attacked government debt, dubbing Mr Gordon Brown a waster.",
                      'The shadow chancellor said Mr Brown\'s golden rule had "turned to dross in his hands".')
    assert [q.speaker for q in found] != ["Gordon Brown"]


def test_he_two_paragraphs_after_the_last_naming_is_left_for_the_teacher():
    found = quotes_of("Senator Jane Holt and Mark Bryce met on Monday. Mr Bryce said the bill would pass.",
                      "The vote is expected next week, after a long debate in committee.",
                      "Campaigners have gathered outside the building since the weekend.",
                      '"We will win this," he said.')
    assert [q.speaker for q in found] == [None]
    found = quotes_of("Mark Bryce said the bill would pass.", '"We will win this," he said.')
    assert [q.speaker for q in found] == ["Mark Bryce"]


def test_the_minister_named_by_her_role_is_named_for_she():
    found = quotes_of("Patricia Hewitt said the cost was being evaluated.",
                      "Plans include funding for universities, the department said.",
                      'The minister told delegates that sexism was vital to close the pay gap. "It is simply '
                      'wrong to assume someone cannot do a job," she said.')
    assert [q.speaker for q in found] == ["Patricia Hewitt"]


def test_a_title_with_a_full_stop_ends_no_sentence():
    found = quotes_of("The unit was directed by then-Cmdr. Jon Burge. Rahm Emanuel said he meets families. "
                      'He also said that people should "know that I am listening to them."')
    assert [q.speaker for q in found] in ([None], ["Rahm Emanuel"])  # never Jon Burge
    found = quotes_of("In a statement released Thursday, Rep. Hakeem Jeffries reacted to the news.",
                      '"It should shock the conscience of every decent American," he added.')
    assert [q.speaker for q in found] == ["Hakeem Jeffries"]


def test_a_name_after_the_verb_or_a_conjunction_is_no_subject():
    found = quotes_of("The book accuses Bob of treating the guards badly. Bob met with Christopher Stevens on "
                      'Sept. 10. "We did try to convey the seriousness of the threat," he said.')
    assert [q.speaker for q in found] == [None]  # not Stevens: Bob is nobody the article names in full
    found = quotes_of('Hillary Clinton spoke to Rachel Maddow. When Maddow pointed out the cost, Clinton seized upon '
                      'it. "Medicare for all is not the same," she said.')
    assert [q.speaker for q in found] == ["Hillary Clinton"]


# --- committees and reports --------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "names"), [
    ("The Commons education select committee called it a waste.", ["Commons education select committee"]),
    ("The joint committee on human rights published its report.", ["Joint committee on human rights"]),
    ("It said, said the Constitutional Affairs Select Committee.", ["Constitutional Affairs Select Committee"]),
    ("The influential Commons public accounts committee met.", ["Commons public accounts committee"]),
    ("The Electoral Commission disagreed.", ["Electoral Commission"]),
    # Named by nothing but the word, or a role inside one: no committee in particular.
    ("The select committee found it.", []),
    ("A committee of MPs and peers has warned.", []),
    ("The chairman of the committee said so, and the same committee agreed.", []),
    ("The new commission will sit in May.", []),
])
def test_a_committee_is_named_by_more_than_the_word(sentence, names):
    from game.importer.bodies import committees_in

    assert committees_in(sentence) == names


def test_a_reports_author_is_read_from_by_or_from():
    from game.importer.bodies import report_author_in

    assert report_author_in("It follows a report by the Electoral Commission.") == "Electoral Commission"
    assert report_author_in("A report from Oxfam International said so.") == "Oxfam International"
    assert report_author_in("The report said so.") is None


def test_a_surname_the_article_gives_a_title_makes_a_person_of_its_full_name():
    from game.importer.people import people_index_build

    text = ("However, one of the Guildford Four, Gerry Conlon - who was wrongly convicted - said the families "
            "were delighted. Mr Conlon's father died in prison.")
    people = {person.full_name: person.gender for person in people_index_build([text]).people.values()}
    assert people.get("Gerry Conlon") == "m"  # "Gerry" is in no list of given names: "Mr Conlon" says he is a man


def test_a_double_barrelled_surname_with_an_apostrophe_is_one_name():
    from game.importer.people import people_index_build

    people = people_index_build(["Campaigner Mary Murphy-O'Connor said the plan would fail."]).people
    assert "Mary Murphy-O'Connor" in people


def test_courts_are_named_with_their_seat_or_remit():
    from game.importer.bodies import courts_in

    assert courts_in("The Court of Session in Scotland issued an opinion.") == ["Court of Session"]
    assert courts_in("An appeal would go to the Supreme Court of the United Kingdom.") == [
        "Supreme Court of the United Kingdom"]
    assert courts_in("The European Court of Human Rights and the High Court disagreed.") == [
        "European Court of Human Rights", "High Court"]
    assert courts_in("The court heard that a higher court had ruled.") == []
