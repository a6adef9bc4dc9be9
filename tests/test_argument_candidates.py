"""Candidate arguments proposed to teachers: claim-making sentences, with whose they are."""

from game.importer.arguments import candidate_arguments
from game.importer.parsing import parse_article
from game.importer.quotes import find_quotes


def test_claims_inside_a_quotation_belong_to_its_speaker():
    article = parse_article(
        "Headline\n\nThe weather was mild on Tuesday across the region today.\n\n"
        'Mark Porter said: "The proposed contract is deficient and risks patient safety in every hospital."',
        "t.txt",
    )
    quotes = find_quotes([article])[0]
    candidates = candidate_arguments(article, quotes)
    assert [(c.paragraph_index, c.speaker) for c in candidates] == [(1, "Mark Porter")]


def test_an_opinion_authors_claims_are_theirs_and_there_are_at_most_five():
    paragraphs = [f"I think we must protect the NHS from reform number {n} because it is unsafe for patients." for n in range(9)]
    article = parse_article("My view\n\n" + "\n\n".join(paragraphs) + "\n\nAnn Smith is a Labour MP for Testville", "op.txt")
    candidates = candidate_arguments(article, [])
    assert len(candidates) == 5
    assert {c.speaker for c in candidates} == {"Ann Smith"}


def test_sentences_without_a_claim_are_not_proposed():
    article = parse_article("Headline\n\nThe meeting took place on Tuesday in the main hall of the town.", "t.txt")
    assert candidate_arguments(article, []) == []
