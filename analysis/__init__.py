"""vnus: exact, traceable figures and a dated timeline from Vietnam–US news articles.

The core (articles → figures, dates, events, narration) is plain Python; pandas and
matplotlib are imported only by ``analysis.frames`` and ``analysis.charts``. Names are
imported on first use, so that ``vnus figures`` starts fast.
"""

from importlib import import_module

__version__ = "0.1.0"
_EXPORTS = {
    "Article": "articles", "load_article": "articles", "load_corpus": "articles",
    "ArticleError": "errors", "Problem": "errors",
    "Figure": "figures", "extract_figures": "figures",
    "check_figures": "checks",
    "extract_dates": "dates",
    "extract_events": "events", "article_events": "events", "timeline": "events",
    "narrate": "narrate",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
