"""What every notebook does first and last: the same settings, the same corpus, charts shown and saved.

Kept here so that the notebooks hold only narrative and calls; nothing in it parses text.
"""

from __future__ import annotations

import base64

import pandas as pd

from ..extraction.publication import publication, publication_notes
from ..model import Problem
from ..reading.article import Article
from ..reading.corpus import load_corpus


def prepare(language: str) -> None:
    """Checks the language and sets how tables display; charts set their own style when drawn,
    so a notebook without charts never imports matplotlib."""
    if language not in ("en", "vi"):
        raise ValueError(f"language must be 'en' or 'vi', not {language!r}")
    pd.set_option("display.max_colwidth", 120)
    pd.set_option("display.max_rows", 60)  # a large corpus shows its first and last rows, not thousands


def read_corpus(seeds_dir: str, article_glob: str = "*") -> tuple[list[Article], pd.DataFrame]:
    """The articles, and a table of the problems met (one line per file, never a traceback)."""
    articles, problems = load_articles(seeds_dir, article_glob)
    return articles, problems_frame(problems)


def load_articles(sources, pattern: str = "*") -> tuple[list[Article], list[Problem]]:
    """Every readable article and the problems met, in file order, each article's own followed
    by what is said of its publication date (inferred, or unknown)."""
    return load_corpus(sources, pattern, notes=publication_notes)


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    rows = [{"article": p.article, "level": p.level, "reason": p.reason} for p in problems]
    return pd.DataFrame(rows, columns=["article", "level", "reason"]).astype("string")


def provenance_frame(articles: list[Article]) -> pd.DataFrame:
    """One row per article: where it comes from, as every chart's source line cites it."""
    rows = [
        {"article": a.name, "outlet": a.outlet, "published": publication(a).date, "date from": publication(a).source, "language": a.language, "title": a.title}
        for a in articles
    ]
    return pd.DataFrame(rows, columns=["article", "outlet", "published", "date from", "language", "title"]).astype("string")


def show(fig, base_name: str, figures_dir: str, language: str) -> None:
    """Save a chart as PNG and SVG under a stable name, and show that same SVG inline.

    Drawing the chart once for the file and showing the file's bytes keeps the notebook's
    output identical to ``figures/`` (nbval compares it) and saves a render.
    """
    import matplotlib.pyplot as plt
    from IPython.display import display

    from ..presentation.charts import chart_name, save

    name = chart_name(base_name, language)
    paths = save(fig, name, figures_dir)
    plt.close(fig)
    svg = next(p for p in paths if p.suffix == ".svg").read_text(encoding="utf-8")
    # the PNG beside the SVG: a notebook opened untrusted (JupyterLab, GitHub) renders a PNG
    # where it will not render an SVG; the SVG stays the one nbval compares
    png = base64.b64encode(next(p for p in paths if p.suffix == ".png").read_bytes()).decode("ascii")
    display({"image/png": png, "image/svg+xml": svg, "text/plain": f"<chart {name}: {', '.join(p.name for p in paths)}>"}, raw=True)
