"""The models, one module per idea: `content` is what teachers curate from articles."""

from .content import (
    Argument,
    Article,
    Choice,
    Debate,
    Paragraph,
    Question,
    Quote,
    Side,
    Speaker,
    Status,
)

__all__ = [
    "Argument",
    "Article",
    "Choice",
    "Debate",
    "Paragraph",
    "Question",
    "Quote",
    "Side",
    "Speaker",
    "Status",
]
