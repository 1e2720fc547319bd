"""vnus: exact, traceable figures and a dated timeline from Vietnam–US news articles.

The core (articles → figures, dates, events, narration) is plain Python; pandas and
matplotlib are imported only by ``analysis.frames`` and ``analysis.charts``.
"""

from .articles import Article, load_article, load_corpus
from .checks import check_figures
from .errors import ArticleError, Problem
from .figures import Figure, extract_figures

__all__ = ["Article", "ArticleError", "Figure", "Problem", "check_figures", "extract_figures", "load_article", "load_corpus"]
__version__ = "0.1.0"
