"""The Vietnam–US trade series that many articles tell together: exports, imports, two-way
trade and surplus, year by year and month by month.

Each point is one value stated for one flow and period; several articles stating the same
value (within the precision each wrote it with) make one point with several sources, and
values that cannot both be right are kept apart and marked disputed. Figures of a year and
of a part of one are never drawn on one axis; cumulative spans ("the first 10 months") are
kept to the table, since they are neither.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..checks import allowed_values
from ..extraction.flows import bilateral, countries_in, whole_economy
from ..model import Figure

#: The series, in drawing order.
SERIES = ("trade_total", "vn_to_us", "us_to_vn", "surplus")


@dataclass
class Point:
    """One value of one series for one period, and the figures (articles) that state it."""

    series: str
    period: str
    value: Decimal
    qualifier: str | None
    figures: list[Figure] = field(default_factory=list)
    disputed: bool = False

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(f.article for f in self.figures))


def period_kind(period: str) -> str:
    """ "year" (2024), "part" (a month, quarter or half: 2025-06, 2025-Q2, 2025-H1) or "span"
    (a cumulative stretch of months: 2025-01/2025-10, drawn on no axis)."""
    if "/" in period:
        return "span"
    return "year" if len(period) == 4 else "part"


def position(period: str) -> float:
    """Where a period sits on a time axis, in years: its middle ("2025-H1" → 2025.25)."""
    year, rest = int(period[:4]), period[5:]
    if not rest:
        return year + 0.5
    if rest[0] == "Q":
        return year + (int(rest[1]) - 0.5) / 4
    if rest[0] == "H":
        return year + (int(rest[1]) - 0.5) / 2
    return year + (int(rest[:2]) - 0.5) / 12


_WHOLE_BEFORE = 60  # how far before a total the words of the whole economy make it the country's own


def series_of(figure: Figure) -> str | None:
    """Which Vietnam–US series a figure belongs to, if any: Vietnam's exports to the US (as
    either side states them), its imports from the US, the surplus, or two-way trade told of
    the two countries (not Vietnam's trade with the world)."""
    if figure.unit != "USD" or figure.value_high is not None or not figure.period:
        return None
    if figure.metric in ("exports", "imports"):
        return {"VN->US": "vn_to_us", "US->VN": "us_to_vn"}.get(figure.direction or "")
    if figure.metric == "trade_surplus" and figure.direction in ("VN->US", "US->VN"):
        return "surplus"
    if figure.metric == "trade_total" and figure.direction is None:
        sentence = figure.sentence
        at = max(sentence.find(figure.text), 0)
        if whole_economy(sentence, max(0, at - _WHOLE_BEFORE), at):
            return None  # ("tổng kim ngạch xuất nhập khẩu của cả nước đạt 76 tỷ USD, trong đó … sang Mỹ")
        named = {c.code for c in countries_in(sentence, 0, len(sentence))}
        if "US" in named or bilateral(sentence, 0, len(sentence)):
            return "trade_total"
    return None


def _same(a: Figure, b: Figure) -> bool:
    """Whether two figures state one value (their allowed values meet)."""
    (low_a, high_a), (low_b, high_b) = allowed_values(a), allowed_values(b)
    return not ((high_a is not None and high_a < low_b) or (high_b is not None and high_b < low_a))


def trade_series(figures: list[Figure]) -> list[Point]:
    """Every point of the Vietnam–US trade series, in series and time order (a US surplus is
    a negative surplus of Vietnam's).

    An article that states one flow for one period several times gives its largest value: the
    others are its parts ("hàng dệt may xuất sang Mỹ đạt 3,4 tỷ USD", after the exports of all
    goods), not other statements of the whole."""
    largest: dict[tuple, Figure] = {}
    for figure in figures:
        series = series_of(figure)
        key = (figure.article, series, figure.period)
        if series is not None and (key not in largest or abs(figure.value) > abs(largest[key].value)):
            largest[key] = figure
    points: list[Point] = []
    for figure in sorted(largest.values(), key=lambda f: (f.article, f.start)):
        series = series_of(figure)
        value = -figure.value if series == "surplus" and figure.direction == "US->VN" else figure.value
        same = [p for p in points if p.series == series and p.period == figure.period]
        twin = next((p for p in same if any(_same(f, figure) for f in p.figures)), None)
        if twin is not None:
            twin.figures.append(figure)
            if twin.qualifier and not figure.qualifier:  # (the exact statement names the point)
                twin.value, twin.qualifier = value, None
            continue
        points.append(Point(series, figure.period, value, figure.qualifier, [figure]))
        if same:
            for point in [*same, points[-1]]:
                point.disputed = True
    return sorted(points, key=lambda p: (SERIES.index(p.series), position(p.period.split("/")[-1]), p.period, p.value))


def is_stock(figure: Figure) -> bool:
    """Whether an investment figure is a position held (capital or projects accumulated, as of
    a date or of none) rather than what was registered in a period."""
    return figure.metric in ("fdi_capital", "fdi_projects") and (figure.period is None or "a stock" in figure.rule
                                                                  or "the stock told before" in figure.rule)


def investment_positions(figures: list[Figure]) -> list[Point]:
    """Accumulated investment in each direction, one point per metric, direction and as-of date
    (its "series" is "fdi_capital US->VN" …, its period the as-of date, or "" when none is
    stated). An article's largest statement of a position is the whole; smaller ones are its
    parts (a province, a sector)."""
    largest: dict[tuple, Figure] = {}
    for figure in figures:
        if is_stock(figure) and figure.direction in ("US->VN", "VN->US") and figure.value_high is None:
            key = (figure.article, figure.metric, figure.direction, figure.period)
            if key not in largest or figure.value > largest[key].value:
                largest[key] = figure
    points: list[Point] = []
    for figure in sorted(largest.values(), key=lambda f: (f.article, f.start)):
        series, period = f"{figure.metric} {figure.direction}", figure.period or ""
        same = [p for p in points if p.series == series and p.period == period]
        twin = next((p for p in same if any(_same(f, figure) for f in p.figures)), None)
        if twin is not None:
            twin.figures.append(figure)
            continue
        points.append(Point(series, period, figure.value, figure.qualifier, [figure]))
        if same and period:
            for point in [*same, points[-1]]:
                point.disputed = True
    return sorted(points, key=lambda p: (p.series, p.period == "", p.period))


def as_of_position(period: str) -> float:
    """Where an as-of date sits on a time axis, in years ("2015-06" → the end of June 2015)."""
    year, rest = int(period[:4]), period[5:]
    if not rest:
        return year + 1.0
    month = int(rest[:2])
    day = int(rest[3:5]) if len(rest) > 3 else 28
    return year + (month - 1 + day / 31) / 12
