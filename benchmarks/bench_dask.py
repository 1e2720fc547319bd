"""The same extraction mapped over a corpus with Dask on a local cluster (the README's example),
checked against the single-process result, with its wall time beside `vnus figures --jobs`."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis.errors import ArticleError  # noqa: E402
from analysis.extraction.figures import extract_figures  # noqa: E402
from analysis.model import plain  # noqa: E402
from analysis.reading.corpus import load_article  # noqa: E402
from benchmarks.common import PYTHON, line, machine  # noqa: E402
from benchmarks.corpus import write_corpus  # noqa: E402


def figures_of(path: str) -> list[dict]:
    """One article's figures as JSON-ready records; an unreadable file gives none."""
    try:
        return [plain(f) for f in extract_figures(load_article(path))]
    except ArticleError:
        return []


def main() -> None:
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        write_corpus(folder, 1_000)
        paths = sorted(str(p) for p in folder.glob("*.txt"))

        started = time.perf_counter()
        single = [record for path in paths for record in figures_of(path)]
        line("single_process_seconds", time.perf_counter() - started, "s")

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster):
            started = time.perf_counter()
            records = db.from_sequence(paths, npartitions=16).map(figures_of).flatten().compute()
            line("dask_local_cluster_seconds", time.perf_counter() - started, "s")
        assert records == single, "the cluster must give exactly the single-process records"
        line("dask_records", len(records), "records (identical to the single process)")

        started = time.perf_counter()
        out = subprocess.run([PYTHON, "-m", "analysis", "figures", str(folder), "--format", "json", "--jobs", "2"],
                             capture_output=True, text=True, check=True).stdout
        line("vnus_figures_jobs_2_seconds", time.perf_counter() - started, "s")
        assert json.loads(out) == single


if __name__ == "__main__":
    main()
