"""The rule corpora of each language (``tests/corpus/<language>/*.toml``): texts with the exact
records vnus must read from them, and texts in which it must find nothing. One test runs
every example of every language; adding a language is adding its folder."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

import pytest

from analysis.extraction.dates import find_dates
from analysis.extraction.events import article_events
from analysis.extraction.figures import extract_figures
from analysis.presentation.narrate import summarise

from .conftest import article

CORPUS = Path(__file__).resolve().parent / "corpus"
#: The keys compared, per kind (a key an example leaves out is null).
KEYS = {
    "figures": ("text", "metric", "value", "value_high", "unit", "qualifier", "period", "direction", "out_of"),
    "dates": ("text", "date", "granularity", "inferred"),
    "events": ("date", "granularity", "kind", "status"),
}
DEFAULT_PUBLISHED = "2026-02-20"


def _examples():
    for folder in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        for path in sorted(folder.glob("*.toml")):
            table = tomllib.loads(path.read_text(encoding="utf-8"))
            for kind in KEYS:
                for index, example in enumerate(table.get(kind, [])):
                    yield pytest.param(kind, example, True, id=f"{folder.name}/{path.stem}/{kind}[{index}]")
                for index, example in enumerate(table.get(f"no_{kind}", [])):
                    yield pytest.param(kind, example, False, id=f"{folder.name}/{path.stem}/no_{kind}[{index}]")


def _plain(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def found(kind: str, example: dict) -> list[dict]:
    """What vnus reads from the example's text, as records of the compared keys."""
    published = example.get("published", DEFAULT_PUBLISHED) or None
    if kind == "dates":
        records = find_dates(example["text"], published)
    elif kind == "figures":
        records = extract_figures(article(example["text"], published=published))
    else:
        records = article_events(article(example["text"], published=published))
    return [{key: _plain(getattr(record, key)) for key in KEYS[kind]} for record in records]


@pytest.mark.parametrize("kind, example, positive", list(_examples()))
def test_language_corpus(kind, example, positive):
    got = found(kind, example)
    if not positive:
        assert got == [], example.get("why", "")
        return
    expected = [{key: row.get(key, False if key == "inferred" else None) for key in KEYS[kind]} for row in example["expect"]]
    assert got == expected, example.get("why", "")
    if kind == "events" and any("summary" in row for row in example["expect"]):
        events = article_events(article(example["text"], published=example.get("published", DEFAULT_PUBLISHED) or None))
        told = [summarise(event, "en") for event in events]
        assert [row.get("summary", said) for row, said in zip(example["expect"], told, strict=True)] == told, example.get("why", "")
