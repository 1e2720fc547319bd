"""What every notebook does first and last: the same settings, the same corpus, charts shown and saved.

Kept here so that the notebooks hold only narrative and calls; nothing in it parses text.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .articles import Article, load_corpus
from .charts import chart_name, save, use_house_style
from .errors import Problem


def prepare(language: str) -> None:
    """House style, and inline SVG without dates so that stored outputs repeat exactly (nbval)."""
    if language not in ("en", "vi"):
        raise ValueError(f"language must be 'en' or 'vi', not {language!r}")
    use_house_style()
    pd.set_option("display.max_colwidth", 120)
    pd.set_option("display.max_rows", 60)  # a large corpus shows its first and last rows, not thousands
    try:
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:  # plain Python: nothing to configure
        return
    if get_ipython() is not None:
        set_matplotlib_formats("svg", bbox_inches="tight", metadata={"Date": None})


def read_corpus(seeds_dir: str, article_glob: str = "*") -> tuple[list[Article], pd.DataFrame]:
    """The articles, and a table of the problems met (one line per file, never a traceback)."""
    articles, problems = load_corpus(seeds_dir, article_glob)
    return articles, problems_frame(problems)


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    rows = [{"article": p.article, "level": p.level, "reason": p.reason} for p in problems]
    return pd.DataFrame(rows, columns=["article", "level", "reason"]).astype("string")


def provenance_frame(articles: list[Article]) -> pd.DataFrame:
    """One row per article: where it comes from, as every chart's source line cites it."""
    rows = [
        {"article": a.name, "outlet": a.outlet, "published": a.published, "date from": a.published_from, "language": a.language, "title": a.title}
        for a in articles
    ]
    return pd.DataFrame(rows, columns=["article", "outlet", "published", "date from", "language", "title"]).astype("string")


def show(fig, base_name: str, figures_dir: str, language: str) -> None:
    """Save a chart as PNG and SVG under a stable name, then show it inline."""
    save(fig, chart_name(base_name, language), figures_dir)
    plt.show()
