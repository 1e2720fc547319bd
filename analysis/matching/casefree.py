"""Case-free matching that stays fast: word lists written in lower case, run on lower-cased text.

``re.IGNORECASE`` folds every character it compares and turns off the regex engine's scan for
a pattern's first letters; on Vietnamese news a list of words matched that way is several
times slower than the same list matched on lower-cased text. The speed-up needs the pattern
to be one flat alternation whose every branch starts with a literal letter (a look-behind
goes after the first letter: ``t(?<!\\wt)hăm`` instead of ``(?<!\\w)thăm``).

Offsets into the lower-cased text are offsets into the text only when lower-casing keeps the
length, which it does for Vietnamese and English; for text where it does not ("İ"), the same
pattern runs with ``re.IGNORECASE`` on the text itself.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache


def _structure(pattern: str):
    """(index, character, depth) of each bracket and bar of a pattern, escapes and classes
    skipped; a closing bracket has the depth of its opening one."""
    depth, i = 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":  # a class: skip to its closing bracket ("[]…]" and "[^]…]" included)
            i += 2 if pattern[i + 1 : i + 2] == "^" else 1
            i += 1 if pattern[i : i + 1] == "]" else 0
            while pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif char == "(":
            yield i, char, depth
            depth += 1
        elif char == ")":
            depth -= 1
            yield i, char, depth
        elif char == "|":
            yield i, char, depth
        i += 1


def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (brackets, classes and escapes respected)."""
    bars = [i for i, char, depth in _structure(pattern) if char == "|" and depth == 0]
    return [pattern[start + 1 : end] for start, end in zip([-1, *bars], [*bars, len(pattern)], strict=True)]


def _group_end(pattern: str) -> int:
    """The index just past the bracket that closes the group the pattern opens with."""
    end = next((i + 1 for i, char, depth in _structure(pattern) if char == ")" and depth == 0), None)
    if end is None:
        raise ValueError(f"unbalanced group in {pattern!r}")
    return end


def _spread(branch: str) -> list[str]:
    """A branch that opens with a group of words, one branch per first letter of the words:
    "(?:mỹ|us|u\\.s) x" gives "mỹ x" and "u(?:s|\\.s) x", tried in the same order, so they
    match as the branch does (words with different first letters never both match)."""
    if not branch.startswith("(?:"):
        return [branch]
    end = _group_end(branch)
    rest = branch[end:]
    words = [spread for word in _branches(branch[3 : end - 1]) for spread in _spread(word)]
    if rest[:1] in ("?", "*", "+", "{") or any(not word[:1].isalpha() or word[1:2] in ("?", "*", "+", "{") for word in words):
        return [branch]  # (a group repeated, or a word that does not open with a plain letter)
    letters: dict[str, list[str]] = {}
    for word in words:
        letters.setdefault(word[0], []).append(word[1:])
    if len(letters) > 1 and re.search(r"(?<!\\)\((?!\?)|\(\?P<", rest):
        return [branch]  # (groups after it, which spreading would repeat)
    return [letter + (tails[0] if len(tails) == 1 else "(?:" + "|".join(tails) + ")") + rest for letter, tails in letters.items()]


def by_first_letter(pattern: str) -> str:
    """The same alternation with its branches grouped under their first letter.

    The regex engine tries every branch at every position; grouped, it tries one letter per
    group, and it skips ahead to where one of the letters occurs. A branch that opens with a
    group of words is spread first, one branch per first letter of its words. Only branches
    that then start with a plain letter can be grouped (else the pattern comes back as it
    was); at one position only branches with that letter can match, in their original order,
    so the matches are the same.
    """
    groups: dict[str, list[str]] = {}
    for spread in (spread for branch in _branches(pattern) for spread in _spread(branch)):
        if not spread or not spread[0].isalpha() or spread[1:2] in ("?", "*", "+", "{"):
            return pattern
        groups.setdefault(spread[0], []).append(spread[1:])
    return "|".join(letter + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")") for letter, rests in groups.items())


def lowered(text: str) -> str | None:
    """``text`` lower-cased, or None when that changes its length (offsets would not agree).

    Cached: the steps of one article ask for the same text many times. Whole articles and the
    short stretches read around each figure are kept apart, so that the many stretches do
    not push the article out, and few articles are held (they can be long).
    """
    return _lowered_long(text) if len(text) > 2000 else _lowered_short(text)


def lowered_slice(text: str, start: int, end: int) -> str:
    """``text[start:end]`` lower-cased: a slice of the whole text lower-cased once (cached),
    when that keeps its length (then every character lower-cases to one)."""
    low = lowered(text)
    return low[start:end] if low is not None else text[start:end].lower()


def _lower(text: str) -> str | None:
    lower = text.lower()
    return lower if len(lower) == len(text) else None


_lowered_long = lru_cache(maxsize=2)(_lower)
_lowered_short = lru_cache(maxsize=256)(_lower)


@lru_cache(maxsize=4)
def _not_only_in_capitals(text: str, low: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` (lower-cased: ``low``) writes one of ``words`` otherwise than in
    capitals. (Cached: the patterns that name the US ask it of the same text in turn.)"""
    for word in words:
        if low.count(word) != text.count(word.upper()):
            return True
    return False


class CaseFree:
    """A pattern written in lower case, matched without regard to case at the text's offsets.

    Matches come from the lower-cased text: ``group()`` is lower case; take the original
    words from the text with ``start()``/``end()``.
    """

    def __init__(self, pattern: str, anchors: tuple[str, ...] | re.Pattern = (), exact: str | None = None,
                 capitals: tuple[str, ...] = ()):
        """``anchors``: lower-case words of which every match holds one (or a small pattern
        every match holds); where none occurs, the text is not scanned at all (``str.find``
        is many times faster than a scan).

        ``exact`` and ``capitals``: for a pattern that counts a few words only in capitals
        ("US", not the word "us"). ``pattern`` matches them in any case; ``exact`` is the
        pattern as meant, for ``re.IGNORECASE`` (those words inside ``(?-i:…)``); ``capitals``
        are the words in lower case. On a text that writes each of them only in capitals the
        two find the same; on any other text the exact pattern runs, after a quick "no" from
        the lower-case one (which finds more).
        """
        words = "" if isinstance(anchors, re.Pattern) else "".join(anchors)
        letters = re.sub(r"\\.|\(\?P<\w+>|\(\?P=\w+\)", "", pattern) + words + "".join(capitals)  # not escapes or group names
        if any(ch.isupper() for ch in letters):
            raise ValueError(f"a case-free pattern is written in lower case: {pattern!r}")
        self.pattern = pattern
        self.exact = exact or pattern
        self.capitals = capitals
        # many words are looked for by one small pattern (one scan instead of a find each)
        self.anchors = anchors if isinstance(anchors, re.Pattern) or len(anchors) <= 3 else \
            re.compile(by_first_letter("|".join(map(re.escape, anchors))))

    def __getattr__(self, name: str) -> re.Pattern:
        """``lower`` (the pattern for lower-cased text) and ``any_case`` (with ``re.IGNORECASE``,
        for the rare text lower-casing lengthens) are compiled on first need and kept: a
        pattern whose words never occur is never compiled (start-up time counts for the
        command line)."""
        if name == "lower":
            self.lower = re.compile(by_first_letter(self.pattern))
            return self.lower
        if name == "any_case":
            self.any_case = re.compile(self.exact, re.IGNORECASE)
            return self.any_case
        raise AttributeError(name)

    def absent(self, low: str, pos: int, endpos: int) -> bool:
        """Whether the anchors show that the pattern cannot match in ``low[pos:endpos]``."""
        anchors = self.anchors
        if isinstance(anchors, re.Pattern):
            return anchors.search(low, pos, endpos) is None
        for anchor in anchors:  # (a loop: no generator to build on every call)
            if low.find(anchor, pos, endpos) >= 0:
                return False
        return bool(anchors)

    def _needs_exact(self, text: str, low: str) -> bool:
        """Whether ``text`` writes one of the capitals words otherwise than in capitals."""
        return _not_only_in_capitals(text, low, self.capitals)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        low = lowered(text)
        if low is None:
            return self.any_case.search(text, pos, endpos)
        if self.anchors and self.absent(low, pos, endpos):
            return None
        found = self.lower.search(low, pos, endpos)
        if found is not None and self.capitals and self._needs_exact(text, low):
            return self.any_case.search(text, pos, endpos)
        return found

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        low = lowered(text)
        if low is None:
            return self.any_case.finditer(text, pos, endpos)
        if self.anchors and self.absent(low, pos, endpos):
            return iter(())
        if self.capitals and self._needs_exact(text, low):
            return self.any_case.finditer(text, pos, endpos) if self.lower.search(low, pos, endpos) else iter(())
        return self.lower.finditer(low, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        low = lowered(text)
        if low is None or (self.capitals and self._needs_exact(text, low)):
            return self.any_case.match(text, pos, endpos)
        return self.lower.match(low, pos, endpos)


class Vocabulary:
    """Words of several kinds (the names of metrics …) found by one case-free pattern; the
    kind of a match is told by its words.

    One alternation of named groups (``(?P<exports>…)|(?P<imports>…)``) cannot be grouped
    by first letter, so the engine tries every group at every position; the words of all
    kinds in one flat alternation can. The kind of a match is the first kind whose words
    match all of it: exactly the group the alternation of groups reports, as long as the
    words use no look-arounds or boundaries (checked). Kinds are cached by the words.
    """

    def __init__(self, kinds: dict[str, str]):
        """``kinds``: kind → its words, a lower-case alternation, in the alternation's order."""
        for words in kinds.values():
            if re.search(r"\(\?<?[=!]|\\[bBAZ]|[\^$]", words):
                raise ValueError(f"the words of a vocabulary cannot use look-arounds or boundaries: {words!r}")
        self.words = CaseFree("|".join(kinds.values()))
        self.kinds = kinds
        self._kind_of: dict[str, str] = {}

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.words.finditer(text, pos, endpos)

    def kind(self, match: re.Match) -> str:
        words = match.group()
        kind = self._kind_of.get(words)
        if kind is None:
            kind = next(kind for kind, pattern in self.kinds.items() if re.fullmatch(pattern, words, re.IGNORECASE))
            self._kind_of[words] = kind
        return kind

    def last_kind(self, text: str) -> str | None:
        """The kind of the last words found in ``text``, or None."""
        last = None
        for match in self.words.finditer(text):
            last = match
        return None if last is None else self.kind(last)


class FirstOf:
    """Case-free patterns matched as their alternation would be, each scanned on its own.

    An alternation whose branches open with groups or look-behinds is tried at every
    position; its branches apart, each can open with its words, be skipped where its anchors
    do not occur, and the engine skips ahead on first letters. The matches are those of the
    alternation: the leftmost, and at one position the earlier branch. Each match has only
    its own branch's groups.
    """

    def __init__(self, parts: list[tuple[str, tuple[str, ...] | re.Pattern]]):
        """``parts``: (pattern, anchors) of each branch, in the alternation's order; no
        branch may match the empty string."""
        self.parts = [CaseFree(pattern, anchors) for pattern, anchors in parts]
        self.pattern = "|".join(pattern for pattern, _ in parts)  # the alternation it stands for

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else endpos
        low = lowered(text)
        if low is None:  # (rare text: every branch, ignoring case, on the text itself)
            patterns, target = [part.any_case for part in self.parts], text
        else:
            patterns, target = [part.lower for part in self.parts if not (part.anchors and part.absent(low, pos, endpos))], low
        if len(patterns) == 1:  # (the common case: one branch's words occur)
            yield from patterns[0].finditer(target, pos, endpos)
            return
        ahead = [pattern.search(target, pos, endpos) for pattern in patterns]
        while any(ahead):  # the leftmost match; at one position, the earlier branch's
            match = min((m for m in ahead if m), key=lambda m: (m.start(), patterns.index(m.re)))
            yield match
            pos = match.end()
            ahead = [pattern.search(target, pos, endpos) if m is not None and m.start() < pos else m
                     for pattern, m in zip(patterns, ahead, strict=True)]
