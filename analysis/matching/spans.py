"""Finding the records that start inside a stretch of text, in logarithmic time.

Long articles hold many dates, figures and people; looking each stretch up by scanning them
all would make extraction quadratic in the article's length.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Records sorted by their ``start`` offset."""

    def __init__(self, items, key=attrgetter("start")):
        self.items: list[T] = sorted(items, key=key)
        self.starts = list(map(key, self.items))

    def within(self, start: int, end: int) -> list[T]:
        """The records whose start lies in ``[start, end)``."""
        return self.items[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def at(self, offset: int) -> T | None:
        """The last record starting at or before ``offset``."""
        index = bisect_right(self.starts, offset) - 1
        return self.items[index] if index >= 0 else None

    def __len__(self) -> int:
        return len(self.items)
