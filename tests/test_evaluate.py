"""`vnus eval`: the scoring of predictions against hand-made gold, and the floors the extractor
holds on the development corpus (tests/corpus/), so that no change loses accuracy unseen."""

import json
import subprocess
import sys

import pytest

from analysis.evaluate import agrees, evaluate

from .conftest import ROOT

CORPUS = ROOT / "tests" / "corpus"

#: What the extractor reaches on tests/corpus/ (recall, precision, all fields right), set at the
#: level measured when these floors were last raised: a change that falls below fails here.
FLOORS = {
    "figures": (0.98, 0.99, 0.90),
    "dates": (0.98, 0.97, 0.99),
    "events": (0.89, 0.87, 0.91),
}


#: The same, told no publication dates (articles without a date header): what the extractor
#: infers of when each passage was written is held too.
FLOORS_UNDATED = {
    "figures": (0.98, 0.99, 0.61),
    "dates": (0.85, 0.98, 0.86),
    "events": (0.74, 0.90, 0.75),
}


@pytest.fixture(scope="module")
def scores():
    return evaluate(CORPUS)


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_the_corpus_stays_above_its_floors(scores, kind):
    recall, precision, all_fields = FLOORS[kind]
    score = scores[kind]
    assert score.gold > 0
    got = {"recall": score.recall, "precision": score.precision, "all_fields_right": score.all_fields}
    floors = {"recall": recall, "precision": precision, "all_fields_right": all_fields}
    assert all(got[name] >= floors[name] for name in floors), (kind, got, floors)


@pytest.mark.parametrize("kind", sorted(FLOORS_UNDATED))
def test_the_corpus_read_without_its_dates_stays_above_its_floors(undated_scores, kind):
    recall, precision, all_fields = FLOORS_UNDATED[kind]
    score = undated_scores[kind]
    got = (score.recall, score.precision, score.all_fields)
    assert all(value >= floor for value, floor in zip(got, (recall, precision, all_fields), strict=True)), (kind, got)


@pytest.fixture(scope="module")
def undated_scores():
    return evaluate(CORPUS, published="none")


def test_scoring_counts_matches_misses_extras_and_wrong_fields(tmp_path):
    text = "Năm 2024, xuất khẩu sang Mỹ đạt 119,5 tỷ USD. Nhập khẩu từ Mỹ đạt 13 tỷ USD."
    (tmp_path / "01_x.txt").write_text(text, encoding="utf-8")
    first, second = text.index("119,5"), text.index("13 tỷ")
    gold = {"published": "2025-01-10", "figures": [
        # right on every field
        {"text": "119,5 tỷ USD", "start": first, "end": first + 12, "value": 119500000000, "unit": "USD", "qualifier": None,
         "metric": "exports", "period": "2024", "direction": "VN->US"},
        # matched, but the gold says another period
        {"text": "13 tỷ USD", "start": second, "end": second + 9, "value": 13000000000, "unit": "USD", "qualifier": None,
         "metric": "imports", "period": "2023", "direction": "US->VN"},
        # not found at all
        {"text": "Mỹ", "start": 0, "end": 3, "value": 1, "unit": "count", "qualifier": None, "metric": "count", "period": None, "direction": None},
    ], "dates": [], "events": []}
    (tmp_path / "01_x.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    figures = evaluate(tmp_path)["figures"]
    assert (figures.gold, figures.found, figures.matched, figures.all_right) == (3, 2, 2, 1)
    assert figures.recall == 2 / 3 and figures.precision == 1.0 and figures.all_fields == 0.5
    assert [w["fields"] for w in figures.wrong] == [{"period": {"gold": "2023", "found": "2024"}}]
    assert [m["text"] for m in figures.misses] == ["Mỹ"] and figures.extras == []


def test_values_agree_to_a_relative_precision_and_nearly_may_read_as_about():
    assert agrees("value", 119500000000, 119500000000.0) and not agrees("value", 119500000000, 119400000000)
    assert agrees("qualifier", "under", "approx") and not agrees("qualifier", "over", "approx")


def test_the_command_prints_the_table_and_json(tmp_path):
    run = [sys.executable, "-m", "analysis", "eval", str(CORPUS)]
    table = subprocess.run([*run, "--summary"], capture_output=True, text=True, check=True).stdout
    assert "recall" in table and "figures" in table and "events" in table
    data = json.loads(subprocess.run([*run, "--format", "json"], capture_output=True, text=True, check=True).stdout)
    assert set(data) >= {"figures", "dates", "events"} and {"recall", "precision", "all_fields_right"} <= set(data["figures"])
    missing = subprocess.run([sys.executable, "-m", "analysis", "eval", str(tmp_path)], capture_output=True, text=True)
    assert missing.returncode != 0 and "no" in missing.stderr.lower()
