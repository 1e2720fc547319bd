"""Problems met while reading articles: one line each, naming the file and the reason."""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """A message about one file. ``level`` is ``error`` (not read), ``warning`` or ``info``."""

    article: str
    reason: str
    level: str = "warning"

    def __str__(self) -> str:
        return f"{self.level}: {self.article}: {self.reason}"


class ArticleError(Exception):
    """An article that cannot be read at all (empty, binary, wrongly encoded, missing)."""

    def __init__(self, article: str, reason: str):
        super().__init__(f"{article}: {reason}")
        self.problem = Problem(article, reason, "error")


class MalformedNumber(ValueError):
    """A digit string that follows neither the Vietnamese nor the English convention."""
