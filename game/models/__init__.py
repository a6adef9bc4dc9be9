"""The models, one module per idea: `content` is what teachers curate from articles, `play` is
what players do with it."""

from .content import (
    Argument,
    Article,
    Choice,
    Debate,
    Event,
    Misquote,
    Paragraph,
    Question,
    Quote,
    Sentence,
    Side,
    Speaker,
    Status,
)
from .classes import Assignment, Classroom, Membership
from .live import LiveAnswer, LiveGame, LivePlayer, LiveQuestion, LiveTeam
from .play import Mode, Rebuttal, Round, RoundItem

__all__ = [
    "Argument",
    "Assignment",
    "Classroom",
    "Membership",
    "Article",
    "Choice",
    "Debate",
    "Event",
    "Misquote",
    "LiveAnswer",
    "LiveGame",
    "LivePlayer",
    "LiveQuestion",
    "LiveTeam",
    "Mode",
    "Paragraph",
    "Question",
    "Rebuttal",
    "Sentence",
    "Quote",
    "Round",
    "RoundItem",
    "Side",
    "Speaker",
    "Status",
]
