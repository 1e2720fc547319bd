"""The report's wall time against its floor: papermill executing an empty notebook (one kernel
start) in the same run. Target: the whole report in at most 3x that floor.

And the report over 1,000 articles (the benchmark corpus): within 3x its time over the seeds
plus the time to extract the 1,000 articles.

Also prints where start-up time goes: `import nbformat` (slow when rfc3987-syntax is
installed), and the library imports a notebook pays.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import PYTHON, ROOT, line, machine, run  # noqa: E402

EMPTY = '{"cells": [{"cell_type": "code", "execution_count": null, "id": "a", "metadata": {}, "outputs": [], "source": "pass"}], ' \
        '"metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}'


def import_ms(module: str) -> float:
    lines = subprocess.run([PYTHON, "-X", "importtime", "-c", f"import {module}"], capture_output=True, text=True, check=True).stderr.splitlines()
    return int(lines[-1].split("|")[1]) / 1e3


def main() -> None:
    print(f"machine: {machine()}")
    papermill = str(Path(PYTHON).with_name("papermill"))
    vnus = str(Path(PYTHON).with_name("vnus"))
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        (folder / "empty.ipynb").write_text(EMPTY)
        floors, reports = [], []
        for attempt in range(3):
            floors.append(run([papermill, "--no-progress-bar", str(folder / "empty.ipynb"), str(folder / "out.ipynb")])[0])
            reports.append(run([vnus, "report", "--seeds", str(ROOT / "seeds"), "--out", str(folder / f"r{attempt}"),
                                "--figures", str(folder / f"f{attempt}")])[0])
    floor, report = statistics.median(floors), statistics.median(reports)
    line("papermill_empty_notebook_seconds", floor, "s")
    line("vnus_report_seconds", report, "s")
    line("report_over_floor_ratio", report / floor, "x", "<= 3x")
    corpus_report(report)
    for module in ("nbformat", "papermill", "nbconvert", "analysis.presentation.charts", "analysis.presentation.frames"):
        line(f"import_{module}", import_ms(module), "ms")


def corpus_report(seeds_seconds: float) -> None:
    from benchmarks.bench_extraction import extract_all
    from benchmarks.corpus import write_corpus

    vnus = str(Path(PYTHON).with_name("vnus"))
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "corpus"
        write_corpus(folder, 1_000)
        extraction = extract_all(folder)[0]
        seconds = run([vnus, "report", "--seeds", str(folder), "--out", str(Path(temporary) / "out")])[0]
    line("extract_1000_seconds", extraction, "s")
    line("vnus_report_1000_seconds", seconds, "s")
    line("report_1000_over_budget_ratio", seconds / (seeds_seconds + extraction), "x", "<= 3x (of the seeds' report plus the extraction)")


if __name__ == "__main__":
    main()
