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

from analysis.extraction.publication import extract_dates  # noqa: E402
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
        one_line_vs_ordinary()


def one_line_vs_ordinary() -> None:
    """An article written as one line with no full stop (a scraped page) of 0.1, 1 and 5 MB,
    against 5 MB of ordinary articles: extraction stays linear whatever the line breaks."""
    from analysis.reading.article import parse_article
    from benchmarks.corpus import seed_paragraphs

    seed = " ".join(paragraph.replace(". ", " ") for paragraph in seed_paragraphs())
    ordinary_seconds = None
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "ordinary"
        size = write_corpus(folder, 1_100)
        seconds = extract_all(folder)[0]
        ordinary_seconds = seconds * 5e6 / size
        line("ordinary_5mb_seconds", ordinary_seconds, "s")  # (5 MB of ordinary articles, scaled from 1,100 of them)
    for megabytes in (0.1, 1, 5):
        length = int(megabytes * 1e6)
        text = "date 2026-02-20\n" + (seed * (length // len(seed) + 1))[:length]
        started = time.perf_counter()
        article = parse_article(text, "one-line.txt")
        extract_figures(article), extract_dates(article), article_events(article)
        seconds = time.perf_counter() - started
        line(f"one_line_{megabytes:g}mb_seconds", seconds, "s")
    line("one_line_5mb_vs_ordinary", seconds / ordinary_seconds, "x", "<= 2x")


if __name__ == "__main__":
    main()
