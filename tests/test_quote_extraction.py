"""Who said what: each attribution pattern, on seed sentences and on new ones."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from game.importer.parsing import parse_article
from game.importer.quotes import find_quotes, quote_spans
from game.importer.types import KnownPerson

ROOT = Path(__file__).resolve().parent.parent


def quotes_of(*paragraphs: str, title: str = "A headline", known=()):
    article = parse_article(title + "\n\n" + "\n\n".join(paragraphs), "test.txt")
    return [(q.text, q.speaker) for q in find_quotes([article], known)[0] if q.kind == "spoken"]


def test_name_said_colon():
    assert quotes_of('Mark Porter said: "We must reject your assertion about Saturday pay."') == [
        ("We must reject your assertion about Saturday pay.", "Mark Porter")
    ]


def test_quote_then_pronoun_said():
    found = quotes_of(
        "Sarah Quinn visited the ward on Monday.",
        '"I have confidence in the new leadership team," she said.',
    )
    assert found == [("I have confidence in the new leadership team", "Sarah Quinn")]


def test_quote_then_said_mr_surname():
    found = quotes_of(
        "Richard Hale met union leaders.",
        '"The offer on the table is fair and it stands," said Mr Hale.',
    )
    assert found == [("The offer on the table is fair and it stands", "Richard Hale")]


def test_told_the_committee():
    found = quotes_of('Jeremy Hunt told the health committee: "Seven-day services will save lives."')
    assert found == [("Seven-day services will save lives.", "Jeremy Hunt")]


def test_according_to():
    found = quotes_of('According to Heidi Alexander, "the matter is beyond party politics now".')
    assert found == [("the matter is beyond party politics now", "Heidi Alexander")]


def test_participle_takes_the_main_clause_subject():
    found = quotes_of(
        "Jeremy Hunt insisted the plans were safe.",
        'Instead he wrote to the BMA chairman Mark Porter, saying: "This strike seriously risks patient safety."',
    )
    assert found == [("This strike seriously risks patient safety.", "Jeremy Hunt")]


def test_a_quotation_over_several_paragraphs_keeps_its_speaker():
    found = quotes_of(
        'Mark Porter said: "For the sake of clarity, we reject your assertion.',
        '"Your own letter recognises a number of critical issues.',
        '"The proposed contract is deficient in failing to address them."',
    )
    assert [speaker for _, speaker in found] == ["Mark Porter"] * 3
    assert found[1][0] == "Your own letter recognises a number of critical issues."


def test_a_colon_at_the_end_of_a_paragraph_introduces_the_next():
    found = quotes_of(
        "Dame Patricia Hollis-Grant spoke to residents. This is what she told them:",
        '"Nobody becomes a councillor to close libraries."',
    )
    assert found == [("Nobody becomes a councillor to close libraries.", "Patricia Hollis-Grant")]


def test_she_added_resolves_to_the_last_woman_who_spoke():
    found = quotes_of(
        'Ms Alexander told Sky News: "I think Jeremy Hunt would need to sit down urgently today."',
        'She added: "We need to look at what the evidence shows us."',
        title="Labour urges pilot",
    )
    # Heidi Alexander is named in full elsewhere in the import: here, in the headline's article set.
    assert found[1][1] == found[0][1]


def test_titles_and_surnames_resolve_through_other_articles_of_the_import():
    first = parse_article("One\n\nLabour's shadow health secretary Heidi Alexander visited a trust.", "a.txt")
    second = parse_article('Two\n\nMs Alexander said: "We need a pilot in a small number of trusts."', "b.txt")
    found = find_quotes([first, second])[1]
    assert [(q.text, q.speaker) for q in found] == [("We need a pilot in a small number of trusts.", "Heidi Alexander")]


def test_his_letter_said():
    found = quotes_of(
        "However, Mr Hunt has written to Mark Porter, the chairman of the BMA council.",
        'His letter said: "The extreme action planned will be deeply worrying for patients."',
        known=[KnownPerson("Jeremy Hunt", aliases=("Mr Hunt",))],
    )
    assert found == [("The extreme action planned will be deeply worrying for patients.", "Jeremy Hunt")]


def test_a_role_resolves_only_when_one_person_holds_it():
    found = quotes_of(
        'The strike "risks the safety of many patients", the Health Secretary has claimed.',
        known=[KnownPerson("Jeremy Hunt", aliases=("the Health Secretary",))],
    )
    assert found == [("risks the safety of many patients", "Jeremy Hunt")]
    unknown = quotes_of('The strike "risks the safety of many patients", the Health Secretary has claimed.')
    assert unknown == [("risks the safety of many patients", None)]


def test_the_headline_speaker_is_the_role_in_the_first_paragraph():
    found = quotes_of(
        'The upcoming strike "risks the safety of many patients", the Health Secretary has claimed.',
        title="Jeremy Hunt: Junior doctors' strike will risk patient safety",
    )
    assert found == [("risks the safety of many patients", "Jeremy Hunt")]


def test_single_curly_and_straight_marks():
    found = quotes_of(
        "Mick Tanner, general secretary of the RMT, said: 'This is a betrayal of every member.'",
        "Jean Marsh said the closures would ‘tear the heart out of the old town’.",
    )
    assert found == [
        ("This is a betrayal of every member.", "Mick Tanner"),
        ("tear the heart out of the old town", "Jean Marsh"),
    ]


def test_apostrophes_are_not_quotation_marks():
    text = "The government’s offer and the doctors' strike: it's Hunt's choice, isn’t it."
    assert quote_spans(text) == []


def test_scare_quotes_and_short_fragments_are_not_quotations():
    found = quotes_of(
        "Jeremy Hunt's approach of trying to 'take on' junior doctors is wrong.",
        'They want an evaluation of the so-called "weekend effect" on mortality.',
        "Ed Miliband failed to “weaponise” the NHS, and Hunt called it ‘opportunism’.",
    )
    assert found == []


def test_a_group_or_anonymous_source_is_left_for_a_teacher():
    found = quotes_of(
        'The cross party MPs wrote to Hunt: "You will be aware that medical leaders have concerns."',
        'A source close to the talks said a deal was "now very unlikely indeed".',
        'One mother told me: "My daughter reads on the bus now."',
    )
    assert [speaker for _, speaker in found] == [None, None, None]


def test_a_second_voice_in_the_sentence_blocks_the_subject():
    found = quotes_of(
        "Sunita Rao chairs the residents' association.",
        "She said residents had been told the tower would be “in keeping with the character of the area”.",
    )
    assert found == [("in keeping with the character of the area", None)]


def test_an_unnamed_spokesman_speaks_for_the_organisation_just_mentioned():
    found = quotes_of(
        "But the Government said it had held 75 meetings with the BMA.",
        'A spokesman said: "We have always said that we want to introduce this contract in a phased way."',
    )
    assert found[0][1] == "Government spokesman"


def test_two_men_in_one_story_keep_their_own_words():
    found = quotes_of(
        "Mick Tanner, general secretary of the RMT, met Richard Hale, the Transport Secretary.",
        'Mr Hale later said: "The offer on the table is fair."',
        'Mr Tanner said the offer was a pay cut. "Our members will not be bullied," he added.',
    )
    assert found == [("The offer on the table is fair.", "Richard Hale"), ("Our members will not be bullied", "Mick Tanner")]


def test_an_opinion_authors_own_sentences_are_written_quotes():
    path = next((ROOT / "seeds").glob("000_*.txt"))
    article = parse_article(path.read_bytes(), path.name)
    written = [q for q in find_quotes([article])[0] if q.kind == "written"]
    assert 1 <= len(written) <= 5
    for quote in written:
        assert quote.speaker == "Heidi Alexander"
        assert article.body[quote.start : quote.end] == quote.text


def test_an_opinion_piece_without_a_byline_has_no_written_quotes():
    path = next((ROOT / "seeds").glob("001_*.txt"))
    article = parse_article(path.read_bytes(), path.name)
    assert [q for q in find_quotes([article])[0] if q.kind == "written"] == []


def test_extract_quotes_prints_json_with_offsets_into_each_files_own_text(tmp_path, capsys):
    seed = next((ROOT / "seeds").glob("003_*.txt"))
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(seed.read_bytes().replace(b"\n", b"\r\n"))
    call_command("extract_quotes", str(seed), str(crlf), "--json")
    report = json.loads(capsys.readouterr().out)
    assert [item["file"] for item in report] == [str(seed), str(crlf)]
    assert report[0]["title"] == "Jeremy Hunt: Junior doctors' strike will risk patient safety"
    assert report[0]["author"] is None and report[0]["published"] is None
    for item, path in zip(report, (seed, crlf)):
        text = path.read_bytes().decode("utf-8")
        assert len(item["quotes"]) == 6
        for quote in item["quotes"]:
            assert text[quote["start"] : quote["end"]] == quote["text"]
    assert {q["speaker"] for q in report[1]["quotes"]} == {"Jeremy Hunt", "Mark Porter"}


def test_extract_quotes_reports_a_bad_file_and_still_prints_the_others(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")  # a picture, not an article
    seed = next((ROOT / "seeds").glob("001_*.txt"))
    with pytest.raises(SystemExit) as exit_info:
        from django.core.management import execute_from_command_line

        execute_from_command_line(["manage.py", "extract_quotes", str(seed), str(bad), "--json"])
    assert exit_info.value.code == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)[0]["quotes"][0]["speaker"] == "Aneurin Bevan"
    assert f"error: {bad}: this is a binary file" in captured.err


def test_a_woman_known_only_by_her_given_name_is_not_whom_he_means():
    # A feature story names a viewer only as "Priya"; "he" after her is the man on the screen.
    found = quotes_of(
        'Senator Tom Hadley reached the end of his speech. "That is my candidate," Priya said to the television.',
        '"Thank you all," he said.',
    )
    assert found == [("That is my candidate", "Priya"), ("Thank you all", "Tom Hadley")]


def test_a_title_says_more_than_the_given_name_a_surname_looks_like():
    # "Ms Alexander" is a woman, though Alexander is usually a man's given name.
    found = quotes_of(
        'Ms Alexander told reporters: "We need to see the evidence first."',
        'She added: "Then we can decide."',
    )
    assert [speaker for _, speaker in found] == ["Alexander", "Alexander"]


# --- committees and their reports -------------------------------------------------------------

def test_the_report_of_the_only_committee_named_is_the_committees_words():
    found = quotes_of(
        "A scheme to put school dinners online has been called a failure by MPs.",
        'The Commons transport select committee called the scheme "a costly muddle from the start".',
        'The committee found that officials had been "far too hopeful about take-up", and the report '
        'warned that ministers "must not repeat the same mistakes".',
    )
    assert found == [
        ("a costly muddle from the start", "Commons transport select committee"),
        ("far too hopeful about take-up", "Commons transport select committee"),
        ("must not repeat the same mistakes", "Commons transport select committee"),
    ]


def test_the_report_found_after_a_quotation_names_its_committee():
    found = quotes_of(
        "The joint committee on river safety published its findings on Monday.",
        'Councils had shown "too little care over the older bridges", the report found.',
    )
    assert found == [("too little care over the older bridges", "Joint committee on river safety")]


def test_the_committee_means_no_one_when_the_article_names_two():
    found = quotes_of(
        "The Commons health committee and the Lords science committee both took evidence.",
        'The committee said the plans were "not ready for the winter ahead".',
    )
    assert found == [("not ready for the winter ahead", None)]


def test_a_report_written_by_someone_named_is_theirs():
    found = quotes_of(
        "The Treasury committee heard from a report by the Fiscal Studies Institute on Tuesday.",
        'The report said the tax change would "hit the poorest families hardest".',
    )
    assert found == [("hit the poorest families hardest", "Fiscal Studies Institute")]


def test_a_report_that_found_someone_said_something_is_not_their_speaker():
    found = quotes_of(
        "The Commons transport select committee published its report on Monday.",
        'The report found that the chief executive, Jane Roe, said the plan was "bound to fail".',
        'It found that her deputy had called the launch "a week of chaos for schools".',
    )
    assert found == [("bound to fail", "Jane Roe"), ("a week of chaos for schools", None)]


def test_a_member_of_a_committee_is_not_the_committee():
    found = quotes_of(
        'Campaign spending rose again in July. "If I was a donor, I would want answers about it," said a '
        "senior Republican National Committee member who asked not to be named.",
    )
    assert found == [("If I was a donor, I would want answers about it", None)]


def test_he_who_opens_a_sentence_is_not_the_man_the_sentence_names_after_him():
    found = quotes_of(
        "Tony Blair and John Prescott met the families at Westminster.",
        'He said Mr Blair had spoken with "such sincerity", adding: "He went beyond what we thought he would."',
    )
    assert found == [("He went beyond what we thought he would.", None)]  # "he" could be either


def test_a_new_paragraphs_quotation_after_someone_elses_reported_words_is_not_the_last_speakers():
    found = quotes_of(
        'John Ison, from Fathers 4 Justice, said: "It is very disappointing." Jim Parton, from Families Need '
        'Fathers, said the new proposals "lacked compulsion".',
        '"We would like to see couples develop a plan and then have it as a source of a court order."',
    )
    assert found == [("It is very disappointing.", "John Ison"),
                     ("We would like to see couples develop a plan and then have it as a source of a court order.",
                      "Jim Parton")]


def test_the_spokesman_is_the_one_a_body_was_given_just_before():
    found = quotes_of(
        "Andrew Hogg, a spokesman for the Medical Foundation, criticised the plan.",
        'A spokesman for the Home Office said it was wrong to suggest the plan was cruel. "We are developing a '
        'returns programme for children whose claims have been refused," said the spokesman.',
    )
    assert found == [("We are developing a returns programme for children whose claims have been refused",
                      "Home Office spokesman")]


def test_the_cardinal_is_not_the_archbishop_named_last():
    found = quotes_of(
        "Cardinal Cormac Murphy-O'Connor will lead midnight mass at Westminster Cathedral.",
        "Both the Cardinal and Archbishop of Canterbury Dr Rowan Williams appealed for more time. Dr Williams "
        "has since criticised the government over the war.",
        'On Friday, the Cardinal will ask the congregation to search for peace. "It is possible, it is real, '
        'it is worth striving for," he will say.',
    )
    # Cormac is in no list of given names, so the index does not know the Cardinal: no one, not Dr Williams.
    assert found == [("It is possible, it is real, it is worth striving for", None)]


def test_a_quotation_after_a_sentence_reporting_a_body_is_the_bodys():
    found = quotes_of(
        "In a statement on Sunday, the Cabinet Office said it was reviewing the pension scheme. "
        '"Unions will of course be consulted about any proposed changes."',
    )
    assert found == [("Unions will of course be consulted about any proposed changes.", "Cabinet Office")]


def test_a_quotation_after_a_sentence_criticising_something_is_the_critics():
    found = quotes_of(
        "Fostering Network executive director Robert Tapsfield criticised the existing system. "
        '"There is just no logic to a system which values children differently."',
    )
    assert found == [("There is just no logic to a system which values children differently.", "Robert Tapsfield")]


# --- courts ------------------------------------------------------------------------------------

def test_the_court_is_the_court_the_article_is_about_not_one_it_only_mentions():
    found = quotes_of(
        "On Tuesday, the High Court in Leeds ruled on the closure of the library. The High Court is the "
        "first court to hear the case. An appeal would go to the Court of Appeal.",
        'The two-judge court found the council’s decision "was taken without any proper consultation at all."',
        'The court’s ruling concluded with the words: "The decision to close the library is quashed."',
    )
    assert found == [("was taken without any proper consultation at all.", "High Court"),
                     ("The decision to close the library is quashed.", "High Court")]


def test_the_court_means_no_one_when_the_article_speaks_of_no_court_in_particular():
    found = quotes_of(
        "Campaigners took the council to court over the closure, and the council appealed to a higher court.",
        'The court said the decision "was taken without any proper consultation at all".',
    )
    assert found == [("was taken without any proper consultation at all", None)]
