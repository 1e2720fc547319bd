"""Why an article cannot be read, or a number cannot be: exceptions that carry one line each,
naming the file and the reason."""

from __future__ import annotations

from .model import Problem


class ArticleError(Exception):
    """An article that cannot be read at all (empty, binary, wrongly encoded, missing)."""

    def __init__(self, article: str, reason: str):
        super().__init__(f"{article}: {reason}")
        self.problem = Problem(article, reason, "error")


class MalformedNumber(ValueError):
    """A digit string that follows neither the Vietnamese nor the English convention."""
