"""A points-over-time chart as server-rendered SVG numbers: no JavaScript, readable by all."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

WIDTH, HEIGHT, PAD = 600, 200, 30


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    day: date
    points: int


def bars_layout(series: list[tuple[date, int]]) -> tuple[list[Bar], int]:
    """Bars for each day's points, scaled to the chart, and the scale's top value."""
    top = max((points for _, points in series), default=0) or 10
    slot = (WIDTH - 2 * PAD) / max(1, len(series))
    bars = []
    for n, (day, points) in enumerate(series):
        height = (HEIGHT - 2 * PAD) * points / top
        bars.append(Bar(x=PAD + n * slot + slot * 0.15, y=HEIGHT - PAD - height, width=slot * 0.7, height=height,
                        day=day, points=points))
    return bars, top
