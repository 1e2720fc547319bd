"""Articles: read a news text exactly, mark its structure, split it into sentences.

Every later step stores character offsets into ``Article.text``, so the text kept here is
the text as loaded (UTF-8, NFC, ``\\n`` line ends) and is never edited afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from ..matching.casefree import lowered
from ..matching.spans import SpanIndex
from ..model import Problem
from .sentences import split_sentences
from .structure import NON_PROSE, SOURCE_LEAD, Block, detect_language, split_blocks, unwrap


class Sentence(NamedTuple):
    """A sentence with its offsets, the block it sits in and its paragraph number."""

    start: int
    end: int
    text: str
    kind: str
    paragraph: int

    @property
    def is_prose(self) -> bool:
        return self.kind not in NON_PROSE


class Article:
    """An article as loaded: exact text, structure, language and the publication date it states.

    ``published`` is the date of its ``date`` header (``published_from`` "header") or the date
    given by the caller ("given"), else None.

    Read-only: every record points into ``text`` by offsets. The steps that read an article
    keep what they found in ``cache`` (dates, figures, a sentence index), so that each is
    worked out once however many steps ask for it.
    """

    __slots__ = ("name", "text", "language", "published", "published_from", "blocks", "sentences", "path", "problems", "cache")

    def __init__(self, name: str, text: str, language: str, published: str | None, published_from: str,
                 blocks: tuple[Block, ...], sentences: tuple[Sentence, ...], path: str | None = None,
                 problems: tuple[Problem, ...] = ()):
        values = (name, text, language, published, published_from, tuple(blocks), tuple(sentences), path, tuple(problems), {})
        for slot, value in zip(self.__slots__, values, strict=True):
            object.__setattr__(self, slot, value)

    def __setattr__(self, name, value):
        raise AttributeError(f"an Article is read-only (its records point into its text): cannot set {name!r}")

    def __reduce__(self):  # pickled without its cache
        return Article, tuple(getattr(self, slot) for slot in self.__slots__[:-1])

    def __repr__(self) -> str:
        return (f"Article(name={self.name!r}, language={self.language!r}, published={self.published!r}, "
                f"{len(self.text)} characters, {len(self.sentences)} sentences)")

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding ``offset`` (binary search: articles can be long)."""
        index = self.cache.get("sentence_index")
        if index is None:
            index = self.cache["sentence_index"] = SpanIndex(self.sentences)
        sentence = index.at(offset)
        return sentence if sentence is not None and offset < sentence.end else None

    @property
    def outlet(self) -> str | None:
        """The outlet that published the article: from a byline "Theo Trần Thường/ Vietnamnet" or
        "Nguồn: VnExpress", or a wire dateline "HANOI, March 6 (Reuters) -". An author's "By …" is
        not an outlet."""
        for block in self.blocks:
            if block.kind == "byline":
                line = self.text[block.start : block.end]
                match = re.search(r"/\s*([^/]+?)\s*$", line) or SOURCE_LEAD.match(line)
                if match:
                    return match.group(1)
        for block in [b for b in self.blocks if b.kind in ("lead", "body")][:2]:
            dateline = re.match(r"[A-ZĐ][^()\n]{0,40}\(([A-Z][A-Za-z]{1,20})\)\s*[-–—]", self.text[block.start : block.end])
            if dateline:
                return dateline.group(1)
        return None

    @property
    def title(self) -> str | None:
        for block in self.blocks:
            if block.kind in ("title", "lead"):
                return self.text[block.start : block.end]
        return None


def parse_article(text: str, name: str = "<text>", path: str | None = None, problems: Iterable[Problem] = (),
                  published: str | None = None) -> Article:
    """Build an :class:`Article` from text already decoded (NFC, ``\\n`` line ends).

    ``published``: the publication date when it is known from elsewhere (a catalogue, a gold
    file), as precisely as it is known (``2026-02-20``, ``2019-02``, ``2019``); a ``date``
    header in the text takes precedence. An article that
    states neither has ``published`` None: extraction infers the date from the text
    (:func:`analysis.extraction.publication.publication`).
    """
    blocks, header_date = split_blocks(text)
    text, blocks = unwrap(text, blocks)
    sentences = []
    for paragraph, block in enumerate(blocks):
        if block.kind == "header":
            continue
        for s_start, s_end in split_sentences(text, block.start, block.end):
            sentences.append(Sentence(s_start, s_end, text[s_start:s_end], block.kind, paragraph))
    language = detect_language(text, lowered(text))
    if header_date is not None:
        published, published_from = header_date, "header"
    elif published is not None:
        published_from = "given"
    else:
        published_from = None
    return Article(name, text, language, published, published_from, tuple(blocks), tuple(sentences), path, tuple(problems))
