"""The report: the figures table of the corpus, regenerated from the articles."""

from __future__ import annotations

import sys
from pathlib import Path

from .articles import load_corpus
from .figures import FIELDS, figures_of_corpus
from .output import to_csv, write_atomic


def run_report(seeds="seeds", out="reports", language="en", parameters=None, figures_dir="figures") -> int:
    """Write ``<out>/figures.csv`` for every article of ``seeds``; 1 when no article could be read."""
    articles, problems = load_corpus(seeds)
    figures = figures_of_corpus(articles, problems)
    for problem in problems:
        if problem.level != "info":
            print(problem, file=sys.stderr)
    if not articles:
        print(f"error: no article could be read in {seeds}", file=sys.stderr)
        return 1
    target = Path(out) / "figures.csv"
    write_atomic(target, to_csv(figures, FIELDS))
    print(f"{target}: {len(figures)} figures from {len(articles)} articles")
    return 0
