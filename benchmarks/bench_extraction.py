"""Extraction throughput and memory on a synthetic corpus built from the seeds' paragraphs.

Targets: at least 5 MB/s of article text on one core; 10x the corpus costs at most 11x the
time; `vnus figures` streams a folder, so its peak memory does not grow with the folder.
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.extraction.dates import extract_dates  # noqa: E402
from analysis.extraction.events import article_events  # noqa: E402
from analysis.extraction.figures import extract_figures  # noqa: E402
from analysis.reading.corpus import iter_corpus  # noqa: E402
from benchmarks.common import PYTHON, child_peak_kib, line, machine  # noqa: E402
from benchmarks.corpus import write_corpus  # noqa: E402


def extract_all(folder: Path) -> tuple[float, int, int, int]:
    """Seconds, figures, dates and events of one streaming pass over the folder."""
    figures = dates = events = 0
    started = time.perf_counter()
    for article in iter_corpus(folder):
        if hasattr(article, "text"):
            figures += len(extract_figures(article))
            dates += len(extract_dates(article))
            events += len(article_events(article))
    return time.perf_counter() - started, figures, dates, events


def main() -> None:
    print(f"machine: {machine()}")
    seconds_by_size = {}
    with tempfile.TemporaryDirectory() as temporary:
        for count in (1_000, 10_000):
            folder = Path(temporary) / f"corpus-{count}"
            size = write_corpus(folder, count)
            seconds, figures, dates, events = extract_all(folder)
            seconds_by_size[count] = seconds
            line(f"corpus_{count}_size", size / 1e6, "MB")
            line(f"corpus_{count}_seconds", seconds, "s")
            line(f"corpus_{count}_throughput", size / 1e6 / seconds, "MB/s", ">= 5 MB/s")
            line(f"corpus_{count}_records_per_second", (figures + dates + events) / seconds, "records/s")
            line(f"corpus_{count}_figures_dates_events", f"{figures} / {dates} / {events}")
            line(f"cli_figures_{count}_peak_rss", child_peak_kib([PYTHON, "-m", "analysis", "figures", str(folder), "--format", "json"]) / 1024, "MiB")
            if count == 1_000:  # a second, traced pass (tracing slows Python, so it is not timed)
                tracemalloc.start()
                extract_all(folder)
                line(f"corpus_{count}_python_peak_memory", tracemalloc.get_traced_memory()[1] / 1e6, "MB")
                tracemalloc.stop()
        ratio = seconds_by_size[10_000] / seconds_by_size[1_000]
        line("scaling_10x_corpus_time_ratio", ratio, "x", "<= 11x")


if __name__ == "__main__":
    main()
