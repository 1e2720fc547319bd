"""Figures that must agree: exports + imports = total, exports − imports = surplus; and the
same figure as two articles state it.

Exports and imports are taken as Vietnam–US flows by their direction, so an article written
from the US side ("US imports from Vietnam") is checked the same way.

Each side is compared within the precision it was written with ("15,8 tỷ" is exact to
±0.05 tỷ), so rounding in the article never fails a check, and a real mismatch always does.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from .extraction.numbers import precision
from .model import TRADE_METRICS, Check, Disagreement, Figure

#: The metrics two articles can state for the same period and direction (a change, a share or
#: a rank says "of what" in words the record does not keep).
COMPARABLE = TRADE_METRICS | {"fdi_capital", "fdi_projects"}
#: How far a hedged value may lie from what it says: "khoảng" (about) within 5 %, "gần"
#: (nearly) up to 10 % below.
APPROX, NEARLY = Decimal("0.05"), Decimal("0.10")


def check_figures(figures: list[Figure]) -> list[Check]:
    """Every check the figures allow, per article and period."""
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.period:
            groups[(figure.article, figure.period)].append(figure)
    checks = []
    for (article, period), group in sorted(groups.items(), key=lambda item: (item[0][0], item[0][1])):
        exact = [f for f in group if f.unit in ("USD", "VND") and f.value_high is None]
        flows = {}
        for key, pick in (("total", lambda f: f.metric == "trade_total"), ("surplus", lambda f: f.metric == "trade_surplus"),
                          ("vn_to_us", lambda f: f.metric in ("exports", "imports") and f.direction == "VN->US"),
                          ("us_to_vn", lambda f: f.metric in ("exports", "imports") and f.direction == "US->VN")):
            found = [f for f in exact if pick(f)]
            if len(found) == 1:  # two candidates is an ambiguity, and no check
                flows[key] = found[0]
        out, back, total, surplus = (flows.get(k) for k in ("vn_to_us", "us_to_vn", "total", "surplus"))
        if not (out and back and out.unit == back.unit):
            continue
        if total and total.unit == out.unit:
            computed = out.value + back.value
            tolerance = precision(out.value) + precision(back.value) + precision(total.value)
            checks.append(Check(article, period, "exports + imports = trade_total", total.value, computed, tolerance,
                                abs(computed - total.value) <= tolerance, (out.text, back.text, total.text)))
        if surplus and surplus.unit == out.unit:
            # Vietnam's exports to the US minus its imports from the US: positive when Vietnam
            # holds the surplus; a surplus without direction is compared by size
            computed = out.value - back.value
            stated = -surplus.value if surplus.direction == "US->VN" else surplus.value
            if surplus.direction is None:
                computed = abs(computed)
            tolerance = precision(out.value) + precision(back.value) + precision(surplus.value)
            checks.append(Check(article, period, "exports - imports = trade_surplus", stated, computed, tolerance,
                                abs(computed - stated) <= tolerance, (out.text, back.text, surplus.text)))
    return checks


def allowed_values(figure: Figure) -> tuple[Decimal, Decimal | None]:
    """The values a figure allows: exact within the precision it was written with; hedged
    ("khoảng", "gần", "trên") within what the hedge says; a range between its ends."""
    value, written = figure.value, precision(figure.value)
    if figure.value_high is not None:
        return value - written, figure.value_high + precision(figure.value_high)
    if figure.qualifier == "approx":
        return value * (1 - APPROX) - written, value * (1 + APPROX) + written
    if figure.qualifier == "under":
        return value * (1 - NEARLY) - written, value + written
    if figure.qualifier in ("over", "at_least"):
        return value - written, None
    if figure.qualifier == "at_most":
        return Decimal(0), value + written
    return value - written, value + written


def disagreements(figures: list[Figure]) -> list[Disagreement]:
    """Every pair of articles that state the same metric, period and direction with values
    that cannot both be right: their allowed values (see :func:`allowed_values`) do not meet. Exact
    repeats, and values that agree within their precision, are no disagreement."""
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.metric in COMPARABLE and figure.period and figure.unit in ("USD", "VND", "projects"):
            groups[(figure.metric, figure.period, figure.direction, figure.unit)].append(figure)
    found = []
    for (metric, period, direction, unit), group in sorted(groups.items(), key=lambda item: tuple(str(k) for k in item[0])):
        for index, first in enumerate(group):
            for second in group[index + 1 :]:
                if first.article == second.article:
                    continue
                (low_a, high_a), (low_b, high_b) = allowed_values(first), allowed_values(second)
                apart = (high_a is not None and high_a < low_b) or (high_b is not None and high_b < low_a)
                if apart:
                    found.append(Disagreement(metric, period, direction, unit, first, second))
    return found
