"""A long source passage folds on a phone around its marked words: every character kept once."""

from game.templatetags.hustings import FOLD_WORDS, passage_fold

PARTS = ("before_hidden", "before", "words", "words_hidden", "after", "after_hidden")


def numbered(first: int, last: int) -> str:
    return " ".join(f"w{n}" for n in range(first, last))


def shown_words(fold: dict) -> int:
    return len(" ".join(fold[part] for part in ("before", "words", "after")).split())


def test_a_short_passage_does_not_fold():
    fold = passage_fold(("He said: “", "we will strike", "”, and left."))
    assert not fold["folded"] and fold["words"] == "we will strike" and fold["after_hidden"] == ""


def test_a_long_passage_keeps_the_marked_words_and_a_little_around_them():
    passage = (numbered(0, 30) + " ", "the marked words in the middle", " " + numbered(30, 80) + ".")
    fold = passage_fold(passage)
    assert fold["folded"]
    assert "".join(fold[part] for part in PARTS) == "".join(passage)
    assert fold["words"] == "the marked words in the middle" and fold["words_hidden"] == ""
    assert fold["before"] == numbered(19, 30) + " "  # a third of the words left over lead up to them
    assert fold["after"].startswith(" w30 ") and shown_words(fold) == FOLD_WORDS


def test_a_very_long_quotation_shows_its_first_thirty_words():
    passage = ("“", numbered(0, 70), "”, she said.")
    fold = passage_fold(passage)
    assert "".join(fold[part] for part in PARTS) == "".join(passage)
    assert fold["words"] == numbered(0, 30) + " " and fold["words_hidden"] == numbered(30, 70)
    assert fold["before"] == "“" and fold["before_hidden"] == ""
    assert shown_words(fold) <= FOLD_WORDS


def test_a_paragraph_with_nothing_marked_shows_its_beginning():
    paragraph = numbered(0, 60)
    fold = passage_fold(paragraph)
    assert "".join(fold[part] for part in PARTS) == paragraph
    assert fold["before"] == "" and fold["after"] == numbered(0, FOLD_WORDS) + " "


