"""Template helpers shared by the game's pages."""

from datetime import date

from django import template

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
