"""Records → pandas DataFrames with declared dtypes, for the notebooks (the first pandas import).

Values stay exact in ``value_exact`` (the Decimal as text); ``value`` is a float for
plotting and sorting.
"""

from __future__ import annotations

import pandas as pd

from ..model import FIGURE_FIELDS, METRICS, Check, Event, Figure
from .narrate import summarise

FIGURE_DTYPES = {
    "article": "string",
    "metric": pd.CategoricalDtype(METRICS, ordered=True),
    "value": "Float64",
    "value_high": "Float64",
    "unit": "string",
    "qualifier": "string",
    "period": "string",
    "direction": "string",
    "out_of": "Int64",
    "text": "string",
    "start": "Int64",
    "end": "Int64",
    "sentence": "string",
    "value_exact": "string",
}
EVENT_DTYPES = {
    "date": "string", "granularity": "string", "inferred": "boolean", "kind": "string", "status": "string",
    "actors": "object", "places": "object", "summary": "string", "sentence": "string", "articles": "string",
}


def figures_frame(figures: list[Figure]) -> pd.DataFrame:
    """One row per figure, columns as in the JSON records plus ``value_exact``."""
    rows = []
    for f in figures:
        row = {k: getattr(f, k) for k in FIGURE_FIELDS}
        row["value"] = float(f.value)
        row["value_high"] = float(f.value_high) if f.value_high is not None else None
        row["value_exact"] = format(f.value, "f")
        rows.append(row)
    frame = pd.DataFrame(rows, columns=[*FIGURE_FIELDS, "value_exact"])
    return frame.astype(FIGURE_DTYPES)


def events_frame(events: list[Event], language: str = "en") -> pd.DataFrame:
    """One row per event, with its summary in ``language`` and its articles joined by "; "."""
    rows = [
        {
            "date": e.date, "granularity": e.granularity, "inferred": e.inferred, "kind": e.kind, "status": e.status,
            "actors": list(e.actors), "places": list(e.places), "summary": summarise(e, language), "sentence": e.sentence,
            "articles": "; ".join(dict.fromkeys(e.articles)),
        }
        for e in events
    ]
    return pd.DataFrame(rows, columns=list(EVENT_DTYPES)).astype(EVENT_DTYPES)


def checks_frame(checks: list[Check]) -> pd.DataFrame:
    rows = [
        {"article": c.article, "period": c.period, "check": c.name, "computed": float(c.computed), "stated": float(c.expected),
         "tolerance": float(c.tolerance), "passed": c.passed}
        for c in checks
    ]
    dtypes = {"article": "string", "period": "string", "check": "string", "computed": "Float64", "stated": "Float64",
              "tolerance": "Float64", "passed": "boolean"}
    return pd.DataFrame(rows, columns=list(dtypes)).astype(dtypes)


SERIES_DTYPES = {"series": "string", "period": "string", "drawn": "string", "value": "Float64", "value_exact": "string",
                 "qualifier": "string", "articles": "string", "disputed": "boolean"}


def series_frame(points) -> pd.DataFrame:
    """The Vietnam–US trade series (see :mod:`series`), one row per point, saying on which
    chart it is drawn: by year, by part of a year, or the table only (a cumulative span)."""
    from .series import period_kind

    drawn = {"year": "chart by year", "part": "chart by month, quarter, half", "span": "table only (a span of months)"}
    rows = [{"series": p.series, "period": p.period, "drawn": drawn[period_kind(p.period)], "value": float(p.value),
             "value_exact": format(p.value, "f"), "qualifier": p.qualifier, "articles": "; ".join(p.articles), "disputed": p.disputed}
            for p in points]
    return pd.DataFrame(rows, columns=list(SERIES_DTYPES)).astype(SERIES_DTYPES)


DISAGREEMENT_DTYPES = {"metric": "string", "period": "string", "direction": "string", "first": "string", "first_article": "string",
                       "second": "string", "second_article": "string"}


def disagreements_frame(found) -> pd.DataFrame:
    """Pairs of articles stating one figure differently (see :func:`checks.disagreements`)."""
    rows = [{"metric": d.metric, "period": d.period, "direction": d.direction, "first": d.first.text, "first_article": d.first.article,
             "second": d.second.text, "second_article": d.second.article} for d in found]
    return pd.DataFrame(rows, columns=list(DISAGREEMENT_DTYPES)).astype(DISAGREEMENT_DTYPES)


INVESTMENT_DTYPES = {"kind": "string", "metric": "string", "direction": "string", "as_of_or_period": "string", "value": "Float64",
                     "value_exact": "string", "qualifier": "string", "article": "string", "sentence": "string"}


def investment_frame(figures) -> pd.DataFrame:
    """Every investment figure, a position held (as of a date, or of none stated) apart from
    what was registered in a period: the chart draws the positions, this table holds both."""
    from .series import is_stock

    rows = [{"kind": "position held" if is_stock(f) else "registered in the period", "metric": f.metric, "direction": f.direction,
             "as_of_or_period": f.period, "value": float(f.value), "value_exact": format(f.value, "f"), "qualifier": f.qualifier,
             "article": f.article, "sentence": f.sentence}
            for f in figures if f.metric in ("fdi_capital", "fdi_projects")]
    frame = pd.DataFrame(rows, columns=list(INVESTMENT_DTYPES)).astype(INVESTMENT_DTYPES)
    return frame.sort_values(["kind", "metric", "direction", "as_of_or_period"], kind="stable", na_position="last").reset_index(drop=True)
