"""Template helpers shared by the game's pages."""

from datetime import date

from django import template

from game import rules

from game.models.content import icon_symbol as symbol_of

register = template.Library()


@register.filter
def icon_symbol(icon: str) -> str:
    """■ ● ▲ ◆ for a side's icon name: a side is never told apart by colour alone."""
    return symbol_of(icon)


@register.filter
def minutes(duration) -> int:
    """A timedelta in whole minutes (rounded up): "paused for 15 minutes"."""
    return max(1, -(-int(duration.total_seconds()) // 60))


@register.filter
def iso_date(value: str | None) -> date | None:
    """A date kept as text in a snapshot ("2015-09-25"), for the |date filter."""
    return date.fromisoformat(value) if value else None


SHAPES = ("▲", "◆", "●", "■")


@register.filter
def option_shape(index: int) -> str:
    """Each live option has a shape as well as a colour, never colour alone."""
    return SHAPES[index % len(SHAPES)]


@register.filter
def live_options(question) -> list[tuple[int, str, str]]:
    return [(pk, label, detail) for pk, (label, detail) in zip(question.options, question.option_labels)]


@register.filter
def epoch_ms(moment) -> int:
    return int(moment.timestamp() * 1000) if moment else 0


@register.filter
def ordinal_place(rank: int) -> str:
    return rules.ordinal(rank)


@register.filter
def get_item(mapping, key):
    """A value from a dict by a key held in a variable."""
    return mapping.get(key, "") if mapping else ""

