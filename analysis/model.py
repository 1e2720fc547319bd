"""The records every layer shares, and the sets and field lists that describe them: written
once here, imported everywhere.

Records are plain immutable tuples (an event, merged across articles as it is found, is the
one mutable record), so that extraction needs neither pandas nor Jupyter and can be mapped
over a corpus by any engine. A record never formats itself for a reader: presentation asks it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

#: What a figure measures, always from Vietnam's side.
METRICS = ("trade_total", "exports", "imports", "trade_surplus", "growth", "fdi_capital", "fdi_projects", "rank", "share", "count", "other")
#: Flows over a period (a stock or a rank has an as-of date instead).
FLOW_METRICS = frozenset({"trade_total", "exports", "imports", "trade_surplus", "growth"})
#: The flows of goods between the two countries.
TRADE_METRICS = frozenset({"trade_total", "exports", "imports", "trade_surplus"})
#: The keys of a figure record, in the order JSON and CSV write them.
FIGURE_FIELDS = ("article", "metric", "value", "value_high", "unit", "qualifier", "period", "direction", "out_of", "text", "start", "end", "sentence", "rule")
#: The keys of a date record.
DATE_FIELDS = ("article", "text", "start", "end", "date", "granularity", "inferred", "sentence")
#: The keys of an event record (``summary`` is written by the narrator, in the reader's language).
EVENT_FIELDS = ("date", "granularity", "inferred", "kind", "status", "actors", "places", "summary", "sentence", "sources")


class Problem(NamedTuple):
    """A message about one file. ``level`` is ``error`` (not read), ``warning`` or ``info``."""

    article: str
    reason: str
    level: str = "warning"

    def __str__(self) -> str:
        # (a name that holds a line break or another control character is quoted, so that a
        # crafted file name cannot forge a line of its own)
        name = repr(self.article) if any(not c.isprintable() for c in self.article) else self.article
        return f"{self.level}: {name}: {self.reason}"


class Figure(NamedTuple):
    """One figure stated by an article, exactly as the JSON record other tools read."""

    article: str
    metric: str
    value: Decimal
    value_high: Decimal | None
    unit: str
    qualifier: str | None
    period: str | None
    direction: str | None
    out_of: int | None
    text: str
    start: int
    end: int
    sentence: str
    rule: str = ""


class DateRecord(NamedTuple):
    """One date expression: its exact text and offsets, the ISO date it denotes, and its sentence.

    ``article`` and ``sentence`` are empty for a date found in bare text; ``part_of_day``
    ("sáng", "chiều tối") is kept for the reader of the record, not written to JSON or CSV.
    """

    article: str
    text: str
    start: int
    end: int
    date: str
    granularity: str
    inferred: bool
    sentence: str = ""
    part_of_day: str | None = None


class Disagreement(NamedTuple):
    """Two articles stating one metric for one period and direction with values that differ
    beyond the precision (and the hedging) each was written with."""

    metric: str
    period: str
    direction: str | None
    unit: str
    first: Figure
    second: Figure

    def __str__(self) -> str:
        a, b = self.first, self.second
        return (f"DIFFER {self.metric} {self.period} {self.direction or '-'}: {a.text} ({a.article}) vs {b.text} ({b.article})")


class Check(NamedTuple):
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


@dataclass
class Event:
    """One thing that happened or is planned, with every article that reports it."""

    date: str
    granularity: str
    inferred: bool
    kind: str
    status: str
    actors: list[str]
    places: list[str]
    sentence: str
    sources: list[dict]
    subject: str | None = None
    detail: dict = field(default_factory=dict)
    anchored: bool = True

    @property
    def articles(self) -> list[str]:
        return [s["article"] for s in self.sources]


def plain(value):
    """A JSON-ready value: Decimals become exact ints or floats, records dicts."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        return float(format(value, "f"))
    if hasattr(value, "_asdict"):  # a record (named tuple)
        return {k: plain(v) for k, v in value._asdict().items()}
    if hasattr(value, "__dataclass_fields__"):  # a mutable record (events)
        from dataclasses import asdict

        return {k: plain(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value
