"""vnus: exact, traceable figures and a dated timeline from Vietnam–US news articles.

The core (articles → figures, dates, events, narration) is plain Python; pandas and
matplotlib are imported only by ``analysis.presentation.frames`` and ``analysis.presentation.charts``. Names are
imported on first use, so that ``vnus figures`` starts fast.
"""

from importlib import import_module

__version__ = "0.1.0"
_EXPORTS = {
    "Article": "reading.article", "load_article": "reading.corpus", "load_corpus": "reading.corpus",
    "ArticleError": "errors", "Problem": "errors",
    "Figure": "extraction.figures", "extract_figures": "extraction.figures",
    "check_figures": "checks",
    "extract_dates": "extraction.publication",
    "extract_events": "extraction.events", "article_events": "extraction.events", "timeline": "extraction.events",
    "narrate": "presentation.narrate",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
