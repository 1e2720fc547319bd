"""The report twice, in fresh folders: every chart and every HTML page byte for byte the same."""

import pytest

from analysis.run.report import run_report

from .conftest import ROOT

pytestmark = pytest.mark.slow  # (starts JupyterLab, Chromium or notebook kernels: `pytest -m "not slow"` leaves it out)


def test_report_twice_is_byte_identical(tmp_path):
    for run in ("first", "second"):
        assert run_report(seeds=ROOT / "seeds", out=tmp_path / run / "reports", figures_dir=tmp_path / run / "figures") == 0
    for kind, pattern in (("figures", "*"), ("reports", "*.html")):
        first = sorted((tmp_path / "first" / kind).glob(pattern))
        second = sorted((tmp_path / "second" / kind).glob(pattern))
        assert [p.name for p in first] == [p.name for p in second] and first
        for a, b in zip(first, second, strict=True):
            assert a.read_bytes() == b.read_bytes(), a.name
    # and the charts are those committed in figures/
    for chart in (tmp_path / "first" / "figures").glob("*"):
        assert chart.read_bytes() == (ROOT / "figures" / chart.name).read_bytes(), chart.name
