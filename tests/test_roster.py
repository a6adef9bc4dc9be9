"""Roster rules, without a database: codes, names, usernames, passwords and class lists."""

import random

import pytest

from game.roster import (
    CODE_ALPHABET, NewStudent, RosterError, csv_parse, display_name_of, join_code_clean, join_code_new, names_parse,
    password_new, username_for,
)


def test_join_codes_avoid_look_alike_characters():
    rng = random.Random(1)
    codes = {join_code_new(rng) for _ in range(500)}
    assert all(len(code) == 6 and set(code) <= set(CODE_ALPHABET) for code in codes)
    assert not set("0O1IL") & set("".join(codes))
    assert join_code_clean(" abc-def ") == "ABCDEF" and join_code_clean("ABC DEF") == "ABCDEF"


def test_usernames_are_not_the_full_name_and_never_repeat():
    rng = random.Random(2)
    amira = NewStudent("Amira", "Khan")
    taken: set[str] = set()
    names = [username_for(amira, taken | set(), rng) for _ in range(1)]
    taken.update(names)
    for _ in range(50):
        name = username_for(amira, taken, rng)
        assert name not in taken and name.startswith("amirak") and "khan" not in name
        taken.add(name)
    assert username_for(NewStudent("Zoë", "Ørsted"), set(), rng).startswith("zoe")


def test_passwords_are_three_short_words_and_a_number():
    password = password_new(random.Random(3))
    *words, number = password.split("-")
    assert len(words) == 3 and all(w.isalpha() and len(w) <= 7 for w in words) and 10 <= int(number) <= 99


def test_classmates_see_a_first_name_and_an_initial():
    assert display_name_of("Amira", "Khan") == "Amira K." and display_name_of("Sam", "") == "Sam"


def test_a_pasted_list_skips_blank_lines_and_refuses_duplicates_and_junk():
    students = names_parse("Amira Khan\n\n  Ben   Okoro \nCharlie\n")
    assert [s.display_name for s in students] == ["Amira K.", "Ben O.", "Charlie"]
    with pytest.raises(RosterError, match="more than once: Amira Khan"):
        names_parse("Amira Khan\nBen Okoro\namira khan")
    with pytest.raises(RosterError, match="Line 2 doesn't look like a name"):
        names_parse("Amira Khan\n12345")
    with pytest.raises(RosterError, match="no names"):
        names_parse("\n \n")


def test_a_csv_needs_a_name_column_or_first_and_last_names():
    assert [s.display_name for s in csv_parse(b"\xef\xbb\xbfName,Form\nAmira Khan,10B\nBen Okoro,10B\n")] == ["Amira K.", "Ben O."]
    assert [s.display_name for s in csv_parse(b"First Name,Last Name\nAmira,Khan\n")] == ["Amira K."]
    with pytest.raises(RosterError, match="needs a header row .* This one has: pupil, form"):
        csv_parse(b"pupil,form\nAmira Khan,10B\n")
    with pytest.raises(RosterError, match="isn't a UTF-8 CSV"):
        csv_parse("Name\nZoë".encode("utf-16"))
