"""Figures that must agree: exports + imports = total, exports − imports = surplus.

Each side is compared within the precision it was written with ("15,8 tỷ" is exact to
±0.05 tỷ), so rounding in the article never fails a check, and a real mismatch always does.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from .figures import Figure
from .numbers import precision


@dataclass(frozen=True)
class Check:
    """One consistency check: the relation, the numbers on each side, and whether they agree."""

    article: str
    period: str | None
    name: str
    expected: Decimal
    computed: Decimal
    tolerance: Decimal
    passed: bool
    figures: tuple[str, ...]

    def __str__(self) -> str:
        mark = "pass" if self.passed else "FAIL"
        return f"{mark} {self.article} {self.period or '-'} {self.name}: {self.computed:,f} vs {self.expected:,f} (±{self.tolerance:,f})"


def _exact(figures: list[Figure], metric: str) -> Figure | None:
    """The one unqualified, single-valued figure of ``metric`` (else none: ambiguity is no check)."""
    found = [f for f in figures if f.metric == metric and f.unit in ("USD", "VND") and f.value_high is None]
    return found[0] if len(found) == 1 else None


def check_figures(figures: list[Figure]) -> list[Check]:
    """Every check the figures allow, per article and period."""
    groups: dict[tuple, list[Figure]] = defaultdict(list)
    for figure in figures:
        if figure.period:
            groups[(figure.article, figure.period)].append(figure)
    checks = []
    for (article, period), group in sorted(groups.items(), key=lambda item: (item[0][0], item[0][1])):
        total, exports, imports, surplus = (_exact(group, m) for m in ("trade_total", "exports", "imports", "trade_surplus"))
        if exports and imports and exports.unit == imports.unit:
            if total and total.unit == exports.unit:
                computed = exports.value + imports.value
                tolerance = precision(exports.value) + precision(imports.value) + precision(total.value)
                checks.append(Check(article, period, "exports + imports = trade_total", total.value, computed, tolerance,
                                    abs(computed - total.value) <= tolerance, (exports.text, imports.text, total.text)))
            if surplus and surplus.unit == exports.unit:
                sign = 1 if surplus.direction != "US->VN" else -1
                computed = exports.value - imports.value
                tolerance = precision(exports.value) + precision(imports.value) + precision(surplus.value)
                checks.append(Check(article, period, "exports - imports = trade_surplus", sign * surplus.value, computed, tolerance,
                                    abs(computed - sign * surplus.value) <= tolerance, (exports.text, imports.text, surplus.text)))
    return checks
