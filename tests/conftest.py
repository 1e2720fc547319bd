"""Shared fixtures: the seed articles and a helper to write small articles to disk."""

from pathlib import Path

import pytest

from analysis.reading.article import parse_article
from analysis.reading.corpus import load_article

ROOT = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(items):
    """The notebooks nbval runs start kernels: slow, like the tests marked so."""
    for item in items:
        if item.nodeid.startswith("notebooks/") or item.nodeid.endswith(".ipynb"):
            item.add_marker(pytest.mark.slow)
SEEDS = ROOT / "seeds"
SEED_000 = SEEDS / "000_36939d321209eacf.txt"
SEED_003 = SEEDS / "003_5d7ab7d5d119b6c6.txt"


@pytest.fixture(scope="session")
def article_000():
    return load_article(SEED_000)


@pytest.fixture(scope="session")
def article_003():
    return load_article(SEED_003)


def article(text: str, name: str = "test.txt", published: str | None = "2026-02-20"):
    """An article from inline text, with a date header unless ``published`` is None."""
    if published:
        text = f"date {published}\n\n{text}"
    return parse_article(text, name)
