"""Template helpers shared by the game's pages."""

import re
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
def misquote_option(misquotes: list[dict], option: int) -> dict | None:
    """Of a "Spot the misquote" item's misquotes, the one shown as this option (None: the real words)."""
    return next((m for m in misquotes or [] if m.get("option") == option), None)


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



FOLD_WORDS = 40  # a source passage longer than this folds on a phone, around its marked words
_WORDS = re.compile(r"\S+\s*")


@register.filter
def passage_fold(passage) -> dict:
    """A source passage (before, marked words, after) cut into the parts a phone shows folded and
    the parts it hides until *Read it all*, every character kept once and in order (so the page
    reads, and copies, as the paragraph): `before_hidden` + `before` + `words` + `words_hidden` +
    `after` + `after_hidden` is the passage. At most FOLD_WORDS words show: up to 30 of the marked
    words, a little of what leads up to them and the rest from what follows. A paragraph with
    nothing marked (a string) shows its beginning."""
    before, words, after = ("", "", passage) if isinstance(passage, str) else passage
    total = sum(len(_WORDS.findall(part)) for part in passage)
    parts = {"before_hidden": "", "before": before, "words": words, "words_hidden": "", "after": after,
             "after_hidden": "", "folded": total > FOLD_WORDS}
    if not parts["folded"]:
        return parts
    marked = _WORDS.findall(words)
    if len(marked) > 30:
        lead = len(words) - len(words.lstrip())
        shown = words[:lead] + "".join(marked[:30])
        parts.update(words=shown, words_hidden=words[len(shown):])
    left = FOLD_WORDS - min(len(marked), 30)
    leading = _WORDS.findall(before)
    keep_before = min(len(leading), left // 3)
    cut = len(before) - len("".join(leading[len(leading) - keep_before:])) if keep_before else len(before)
    parts.update(before_hidden=before[:cut], before=before[cut:])
    following = _WORDS.findall(after)
    lead = len(after) - len(after.lstrip())
    shown = after[:lead] + "".join(following[:left - keep_before])
    parts.update(after=shown, after_hidden=after[len(shown):])
    return parts
