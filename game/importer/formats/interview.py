"""Which paragraphs of a Word file or a web page are an interview's questions: those set wholly in bold.

Bold also marks a standfirst or a subheading, so bold paragraphs are questions only when at least
two of them ask something (end with a question mark), and from the first of those on.
"""

from __future__ import annotations

MIN_ASKED = 2


def bold_questions(paragraphs: list[str], bold: list[bool]) -> frozenset[int]:
    """The indexes of the bold paragraphs that are questions, given which paragraphs are all bold."""
    asked = [index for index, text in enumerate(paragraphs) if bold[index] and text.rstrip().endswith("?")]
    if len(asked) < MIN_ASKED:
        return frozenset()
    return frozenset(index for index in range(asked[0], len(paragraphs)) if bold[index])
