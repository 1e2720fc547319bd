"""Sentences: where a full stop ends one, and where it ends an abbreviation, an initial or
belongs to a number."""

from __future__ import annotations

import re

from .. import lang
from ..matching.casefree import scanning

_VISIBLE = re.compile(r"\S")
_NOT_IN_WORD = "(\"“"  # (with spaces) what ends the word before a full stop
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
# a full stop that a space, a letter or the end follows: never the one inside "1.409"
_SENTENCE_END = scanning(r"[.!?…]+[\"'”’)\]]*(?=\s|[^\W\d_]|$)")
_ABBREVIATIONS = frozenset(lang.words("reading.abbreviations"))


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation or an initial, not a sentence."""
    window = text[max(0, dot - 40) : dot]
    if not window or window[-1].isspace() or window[-1] in _NOT_IN_WORD:
        return False
    word = window.rsplit(None, 1)[-1]  # the word the full stop ends: after the last space, bracket or quote
    for mark in _NOT_IN_WORD:
        word = word.rpartition(mark)[2]
    bare = word.lower().rstrip(".")
    if bare in _ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():  # an initial: "D." in "D.C.", "J. Smith"
        return True
    if _INITIALS.fullmatch(word):  # "U.S", "D.C"
        return True
    return False


_BEFORE_NUMBERS = frozenset(lang.words("reading.before_numbers"))


def _announces_number(text: str, dot: int) -> bool:
    match = re.search(r"(\w+)$", text[max(0, dot - 10) : dot])
    return bool(match) and match.group(1).lower() in _BEFORE_NUMBERS


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``.

    A full stop ends a sentence when an upper-case letter, a digit or a quote follows after
    space, or an upper-case letter follows at once after a lower-case word ("năm.Tổng").
    Decimal marks ("15,8", "1.409"), initials ("D.C.") and abbreviations ("TP.HCM", "Mr.")
    do not.
    """
    spans = []
    sentence_start = start
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.end()
        dot = match.start()
        if stop >= end:
            break
        # the next character that is not a space (never a copy of the rest of the paragraph)
        visible = _VISIBLE.search(text, stop, end)
        following = text[visible.start()] if visible else ""
        if text[stop].isspace():
            if not following or not (following.isupper() or following.isdigit() or following in "\"“'‘(["):
                continue
            if match.group().startswith(".") and _is_abbreviation(text, dot):
                # "Mr. Greer", "D.C. Ảnh", "Feb. 19" stay together; before a digit only an
                # abbreviation that announces a number does ("Feb. 19", "No. 5"), not "USD. 2026"
                if not following.isdigit() or _announces_number(text, dot):
                    continue
        else:
            if match.group()[0] != "." or not text[stop].isupper():
                continue
            before = re.search(r"(\w+)$", text[max(0, dot - 40) : dot])
            if not before or not before.group(1).islower() or len(before.group(1)) < 2:
                continue
        spans.append((sentence_start, stop))
        sentence_start = visible.start() if visible else end
    if sentence_start < end:
        spans.append((sentence_start, end))
    return [piece for span in spans for piece in _bounded(text, *span)]


#: The longest a sentence is read as one (a real one is a few hundred characters): a page
#: scraped without full stops is cut at clause breaks, so that reading it stays linear.
MAX_SENTENCE = 2000
_BREAK = re.compile(r"[;,]\s|\s")


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` as spans of at most :data:`MAX_SENTENCE` characters, each ending at
    the last clause break (a semicolon or comma, else a space) before the limit."""
    pieces = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        window = text[limit - MAX_SENTENCE // 4 : limit]
        cut = max(window.rfind("; "), window.rfind(", "))
        cut = cut + 1 if cut >= 0 else window.rfind(" ")
        stop = limit - MAX_SENTENCE // 4 + cut if cut > 0 else limit
        pieces.append((start, stop))
        start = stop
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces
