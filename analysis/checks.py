"""Figures that must agree: exports + imports = total, exports − imports = surplus.

Exports and imports are taken as Vietnam–US flows by their direction, so an article written
from the US side ("US imports from Vietnam") is checked the same way.

Each side is compared within the precision it was written with ("15,8 tỷ" is exact to
±0.05 tỷ), so rounding in the article never fails a check, and a real mismatch always does.
"""

from __future__ import annotations

from collections import defaultdict

from .extraction.numbers import precision
from .model import Check, Figure


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
