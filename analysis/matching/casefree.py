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

import atexit
import marshal
import os
import re
import sys
from functools import cached_property, lru_cache
from pathlib import Path


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


# --------------------------------------------------------------------------- what a pattern needs


class _Derived:
    """What is read from the patterns (the words they need, the words they begin with), kept
    from one run to the next beside the language tables, as Python keeps bytecode: reading a
    pattern takes far longer than running it, and a short run of the command line would
    spend most of its time on it. A change to this module (which reads them) starts afresh."""

    def __init__(self):
        self.path = Path(__file__).resolve().parent.parent / "lang" / "__pycache__" / f"derived.{sys.implementation.cache_tag}.marshal"
        source = Path(__file__).stat()
        self.stamp = (source.st_mtime_ns, source.st_size)
        self.values: dict = {}
        self.dirty = False
        try:
            stamp, values = marshal.loads(self.path.read_bytes())
            if tuple(stamp) == self.stamp:
                self.values = values
        except (OSError, ValueError, EOFError, TypeError):
            pass

    def get(self, key, work):
        if key not in self.values:
            self.values[key] = work()
            if not self.dirty:
                self.dirty = True
                atexit.register(self.save)
        return self.values[key]

    def save(self) -> None:
        try:
            self.path.parent.mkdir(exist_ok=True)
            temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(marshal.dumps((self.stamp, self.values)))
            temporary.replace(self.path)
        except (OSError, ValueError):  # a read-only install: read again next time
            pass


_DERIVED = _Derived()


def derived(function):
    """A function of a pattern whose results are kept from run to run (see :class:`_Derived`)."""
    def wrapper(pattern, *args, **kwargs):
        if not isinstance(pattern, str):
            return function(pattern, *args, **kwargs)
        return _DERIVED.get((function.__name__, pattern, args, tuple(sorted(kwargs.items()))),
                            lambda: function(pattern, *args, **kwargs))

    wrapper.__doc__, wrapper.__name__, wrapper.__wrapped__ = function.__doc__, function.__name__, function
    return wrapper


@lru_cache(maxsize=512)
def parsed(pattern: str, flags: int = 0) -> list:
    """The parsed form of a pattern (read once, whichever question is asked of it); a pattern
    that is not valid raises :class:`re.error`."""
    import re._parser as parser

    return parser.parse(pattern, flags).data



@derived
def required_words(pattern: str, flags: int = 0, before_digits: bool = False) -> tuple[str, ...]:
    """Strings of which every match of ``pattern`` holds one, or () when none can be told.

    Read from the parsed pattern: a run of literal letters is required where the pattern
    cannot skip it; of an alternation, each branch gives its own; look-arounds are passed
    over (what they see may lie outside the match). A prefilter that looks for these
    strings before running the pattern skips text where it cannot match, and stays true to
    the pattern whatever is added to it.

    ``before_digits``: only the strings a match holds before its first digit.
    """
    import re._constants as sre

    def has_digit(op, arg) -> bool:
        if op is sre.LITERAL:
            return chr(arg).isdigit()
        if op is sre.IN:
            return any(o is sre.CATEGORY and a in (sre.CATEGORY_DIGIT, sre.CATEGORY_WORD, sre.CATEGORY_NOT_SPACE)
                       or o is sre.RANGE and a[0] <= 57 and a[1] >= 48 or o is sre.LITERAL and chr(a).isdigit()
                       or o is sre.NEGATE for o, a in arg)
        if op is sre.ANY:
            return True
        if op is sre.SUBPATTERN:
            return any(has_digit(*item) for item in arg[-1])
        if op is sre.BRANCH:
            return any(has_digit(*item) for branch in arg[1] for item in branch)
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            return any(has_digit(*item) for item in arg[2])
        return False

    def opens_with_digit(op, arg) -> bool:
        return opening_words([(op, arg)]) == {"0"}

    def literal_strings(items) -> set[str] | None:
        """The strings a sequence of literals, spaces and alternations of them can be (at most
        16), or None when it holds anything else."""
        strings = {""}
        for op, arg in items:
            if op is sre.LITERAL:
                options = {chr(arg)}
            elif is_space(op, arg):
                options = {" "}
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[:2] == (0, 1) and is_space(sre.MAX_REPEAT, (1, 1, arg[2])):
                options = {"", " "}
            elif op is sre.SUBPATTERN:
                options = literal_strings(arg[-1])
            elif op is sre.BRANCH:
                parts = [literal_strings(branch) for branch in arg[1]]
                options = None if any(p is None for p in parts) else set().union(*parts)
            else:
                return None
            if options is None or len(strings) * len(options) > 16:
                return None
            strings = {(a + b).replace("  ", " ") for a in strings for b in options}
        return strings

    def is_space(op, arg) -> bool:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[0] >= 1 and len(arg[2]) == 1:
            op, arg = arg[2][0]
        return op is sre.IN and arg == [(sre.CATEGORY, sre.CATEGORY_SPACE)]

    def runs(items) -> list[set[str]]:
        """The literal runs of a sequence, each as the set of strings it can be."""
        found, current = [], {""}
        for op, arg in items:
            if before_digits and has_digit(op, arg):
                if current != {""}:
                    found.append(current)
                    current = {""}
                if op is sre.SUBPATTERN:  # (the words of the group before its digits count)
                    found += runs(arg[-1])
                elif op is sre.BRANCH:
                    branches = [best(branch) for branch in arg[1]]
                    if all(branches):
                        found.append(set().union(*branches))
                break
            chars = None
            if op is sre.LITERAL:
                chars = {chr(arg)}
            elif op is sre.IN and 0 < len(arg) <= 3 and all(o is sre.LITERAL for o, _ in arg):
                chars = {chr(a) for _, a in arg}
            elif is_space(op, arg) and current != {""}:
                chars = {" "}  # (white space between words, one character or more: see anchor_pattern)
            elif op in (sre.BRANCH, sre.SUBPATTERN):
                chars = literal_strings([(op, arg)])  # ("lớn" then " nhất" or " nhì")
                if chars is not None and "" in chars:
                    chars = None
            if chars is None and current != {""} and opens_with_digit(op, arg):
                found.append({c + DIGIT for c in current})  # ("usd 5": a digit follows the words)
                current = {""}
                continue
            if chars is not None and len(current) * len(chars) <= 16:
                current = {(c + ch).replace("  ", " ") for c in current for ch in chars}
                continue
            if current != {""}:
                found.append(current)
            current = {""}
            need = needs(op, arg)
            if need:
                found.append(need)
        if current != {""}:
            found.append(current)
        return found

    def needs(op, arg) -> set[str] | None:
        if op is sre.SUBPATTERN:
            return best(arg[-1])
        if op is sre.BRANCH:
            branches = [best(branch) for branch in arg[1]]
            return None if any(b is None for b in branches) else set().union(*branches)
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[0] >= 1:
            return best(arg[2])
        return None

    def best(items) -> set[str] | None:
        """The most telling requirement of a sequence: words of letters before digits (digits
        are everywhere in the news), then the one whose shortest string is longest."""
        options = [option for option in runs(items) if option and min(map(len, option)) >= 1]
        # (on a tie, the later: the words after the first are the rarer, "lớn nhất")
        return max(reversed(options), key=lambda o: (not any(c.isdigit() for w in o for c in w), min(map(len, o)), -len(o)), default=None)

    found = best(parsed(pattern, flags))
    return fewest(found) if found else ()


#: In the words :func:`required_words` gives, a digit (any digit) that follows them.
DIGIT = "\x00"


def fewest(words) -> tuple[str, ...]:
    """The words of which every one of ``words`` holds one: "us$" holds "$", " largest" holds
    "largest" (finding the second finds the first)."""
    words = set(words)
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


def longest_piece(word: str) -> str:
    """The longest piece of a word of :func:`required_words` between its spaces and digits:
    a string ``str.find`` can look for ("lớn nhất" → "nhất")."""
    return max(re.split(f"[ {DIGIT}]", word), key=len)


def anchor_pattern(words) -> str:
    """Words as one pattern that finds them, a space standing for any white space (as in
    :func:`required_words`), the longest first."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(part).replace(DIGIT, r"\d") for part in word.split(" ")) for word in ordered)


@derived
def opening_words(pattern: str) -> set[str]:
    """The literal words a match of ``pattern`` can begin with; "0" stands for a digit and "*"
    for anything else (a class, a dot). Read from the parsed pattern: zero-width assertions
    are passed over, optional parts give their words and those after them."""
    import re._constants as sre

    def run(items, index) -> set[str]:
        current = {""}
        for op, arg in items[index:]:
            if op is sre.LITERAL:
                current = {c + chr(arg) for c in current}
            elif op is sre.IN and 0 < len(arg) <= 3 and all(o is sre.LITERAL for o, _ in arg) and len(current) <= 8:
                current = {c + chr(a) for c in current for _, a in arg}
            else:
                break
        return current

    def firsts(items) -> tuple[set[str], bool]:
        found: set[str] = set()
        for index, (op, arg) in enumerate(items):
            if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
                continue
            if op is sre.LITERAL and chr(arg).isdigit() or op is sre.IN and all(
                    o is sre.CATEGORY and a is sre.CATEGORY_DIGIT or o is sre.RANGE and 48 <= a[0] <= a[1] <= 57
                    or o is sre.LITERAL and chr(a).isdigit() for o, a in arg):
                return found | {"0"}, False  # a digit
            if op is sre.LITERAL or (op is sre.IN and all(o is sre.LITERAL for o, _ in arg) and len(arg) <= 3):
                return found | run(items, index), False
            if op is sre.IN:
                return found | {"*"}, False
            if op is sre.SUBPATTERN:
                inner, nullable = firsts(arg[-1])
            elif op is sre.BRANCH:
                parts = [firsts(branch) for branch in arg[1]]
                inner, nullable = set().union(*(p for p, _ in parts)), any(n for _, n in parts)
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
                inner, nullable = firsts(arg[2])
                nullable = nullable or arg[0] == 0
            else:
                return found | {"*"}, False
            found |= inner
            if not nullable:
                return found, False
        return found, True

    return firsts(parsed(pattern))[0] if isinstance(pattern, str) else firsts(pattern)[0]


def opening_words_of(items) -> set[str]:
    """:func:`opening_words` of a parsed sequence."""
    return opening_words(items)


@derived
def words_after_digits(pattern: str) -> set[str]:
    """For a pattern that opens with digits ("11th"), the literal words that can follow them
    ("st", "nd", "rd", "th"); empty when it does not open with digits or none can be told."""
    import re._constants as sre

    def is_digits(op, arg) -> bool:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and arg[0] >= 1 and len(arg[2]) == 1:
            op, arg = arg[2][0]
        return op is sre.IN and all(o is sre.CATEGORY and a is sre.CATEGORY_DIGIT or o is sre.RANGE and 48 <= a[0] <= a[1] <= 57
                                    for o, a in arg)

    def rest(items):
        """The items after the opening digits, or None when the sequence does not open with them."""
        if not items:
            return None
        op, arg = items[0]
        if is_digits(op, arg):
            return list(items[1:])
        if op is sre.SUBPATTERN:
            inner = rest(arg[-1])
            return None if inner is None else inner + list(items[1:])
        return None

    after = rest(parsed(pattern))
    if not after:
        return set()
    words = opening_words_of(after)
    return set() if not words or words & {"0", "*"} else words


@derived
def lookbehind_words(pattern: str) -> set[str]:
    """The literal words the look-behinds of ``pattern`` look for ("in" of ``(?<=\\bin\\s)``)."""
    import re._constants as sre

    found: set[str] = set()

    def walk(items, behind: bool):
        word = ""
        for op, arg in items:
            if behind and op is sre.LITERAL:
                word += chr(arg)
                continue
            if word:
                found.add(word)
                word = ""
            if op in (sre.ASSERT, sre.ASSERT_NOT):
                walk(arg[1], behind or (op is sre.ASSERT and arg[0] < 0))
            elif op is sre.SUBPATTERN:
                walk(arg[-1], behind)
            elif op is sre.BRANCH:
                for branch in arg[1]:
                    walk(branch, behind)
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
                walk(arg[2], behind)
        if word:
            found.add(word)

    walk(parsed(pattern), False)
    return found


_ONE_ASSERTION = r"\\b|\(\?<[=!](?:[^()\\]|\\.)*\)"
_OPENING_ASSERTION = re.compile(f"(?:{_ONE_ASSERTION})+")
_FIRST_ATOM = re.compile(r"\\[dwsDWS]|\\[^\w]|[^\W\d_]|[^\w\\()\[\]|?*+{}.^$]")


def hoisted(branch: str) -> str:
    """A branch that opens with a look-behind or a word boundary, written so that it opens with
    its first character: ``(?<!\\w)thăm`` → ``t(?<!\\wt)hăm`` (several in a row, each so).

    The regex engine scans ahead quickly only for a pattern that opens with what it matches;
    a look-behind checked just after the first character sees the same text, so the matches
    are the same. A rule is written as it reads, and this is done for it.
    """
    assertion = _OPENING_ASSERTION.match(branch)
    if not assertion:
        return branch
    rest = branch[assertion.end():]
    group = re.match(r"\(\?(?:P<\w+>|:)", rest)
    opening = group.group() if group else ""
    if group:
        end = _group_end(rest)
        inner = _branches(rest[len(opening) : end - 1])
        if len(inner) > 1:  # an alternation: the look-behind goes into each of its branches
            if rest[end : end + 1] in ("?", "*", "+", "{"):
                return branch
            return opening + "|".join(hoisted(assertion.group() + b) for b in inner) + rest[end - 1 :]
    atom = _FIRST_ATOM.match(rest, len(opening))
    if not atom or rest[atom.end() : atom.end() + 1] in ("?", "*", "+", "{"):
        return branch  # (the first character may be skipped: nothing to move it after)
    first = atom.group()
    inside = ""
    for look in re.findall(_ONE_ASSERTION, assertion.group()):  # ("(?<!to )\b": each checked after the first character)
        if look == r"\b":
            if not (first.isalpha() or first in (r"\d", r"\w")):
                return branch
            look = "(?<!\\w)"
        inside += look[:-1] + first + ")"
    return opening + first + inside + rest[atom.end():]


_OPENING_REPEAT = re.compile(r"(\\d|\[(?:\\.|[^\]\\])+\])\+")


def scanning(pattern: str) -> re.Pattern:
    """A pattern compiled so that the regex engine scans ahead for where it can begin: one that
    opens with a repeated class (``\\d+``, ``[.!?]+``) is written with the class once first
    (``\\d\\d*``), which the engine looks for; the matches are the same."""
    return re.compile(_OPENING_REPEAT.sub(lambda m: m.group(1) + m.group(1) + "*", pattern, count=1) if _OPENING_REPEAT.match(pattern) else pattern)


def by_first_letter(pattern: str) -> str:
    """The same alternation with its branches grouped under their first letter.

    The regex engine tries every branch at every position; grouped, it tries one letter per
    group, and it skips ahead to where one of the letters occurs. A branch that opens with a
    group of words is spread first, one branch per first letter of its words. Only branches
    that then start with a plain letter can be grouped (else the pattern comes back as it
    was); at one position only branches with that letter can match, in their original order,
    so the matches are the same.
    """
    spreads = _letter_spreads(pattern)
    if spreads is None:
        return "|".join(hoisted(branch) for branch in _branches(pattern))
    groups: dict[str, list[str]] = {}
    for spread in spreads:
        groups.setdefault(spread[0], []).append(spread[1:])
    return "|".join(letter + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")") for letter, rests in groups.items())


def _letter_spreads(pattern: str) -> list[str] | None:
    """The branches of ``pattern`` spread by first letter, in order, or None when one does not
    open with a plain letter (then the alternation cannot be grouped)."""
    spreads = [hoisted(spread) for branch in _branches(pattern) for spread in _spread(hoisted(branch))]
    if any(not spread or not spread[0].isalpha() or spread[1:2] in ("?", "*", "+", "{") for spread in spreads):
        return None
    return spreads


def groups_by_first_letter(pattern: str) -> bool:
    """Whether :func:`by_first_letter` can group ``pattern``: every branch, spread, opens with a
    plain letter (one branch that opens with an optional group makes the engine try every
    branch at every position, many times slower)."""
    return _letter_spreads(pattern) is not None


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

    def __init__(self, pattern: str, exact: str | None = None, capitals: tuple[str, ...] = (), branch: bool = False,
                 prefilter: bool | None = None):
        """Where none of the words every match holds occurs (:func:`required_words`), the text
        is not scanned at all (``str.find`` is many times faster than a scan).

        ``exact`` and ``capitals``: for a pattern that counts a few words only in capitals
        ("US", not the word "us"). ``pattern`` matches them in any case; ``exact`` is the
        pattern as meant, for ``re.IGNORECASE`` (those words inside ``(?-i:…)``); ``capitals``
        are the words in lower case. On a text that writes each of them only in capitals the
        two find the same; on any other text the exact pattern runs, after a quick "no" from
        the lower-case one (which finds more).
        """
        letters = re.sub(r"\\.|\(\?P<\w+>|\(\?P=\w+\)", "", pattern) + "".join(capitals)  # not escapes or group names
        if any(ch.isupper() for ch in letters):
            raise ValueError(f"a case-free pattern is written in lower case: {pattern!r}")
        self.pattern = pattern
        self.exact = exact or pattern
        self.capitals = capitals
        self.branch = branch
        # (a prefilter pays where a pattern is looked for over long stretches in which its
        # words are rare: a branch of a FirstOf, a word list asked of every sentence)
        self.prefilter = branch if prefilter is None else prefilter

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
        if name == "anchors":
            # A few words are found by ``str.find`` far faster than a scan. Many are looked for
            # by one small pattern only for a branch of a :class:`FirstOf`, which is skipped
            # where its words do not occur; for a whole pattern, that scan costs what the
            # pattern's does. (Worked out on first need: reading a pattern takes time.)
            # (``anchor_words``: the words the anchors find, one of which every match holds)
            self.anchors, self.anchor_words = (), ()
            if not self.prefilter:
                return self.anchors
            words = fewest(word.strip(" ") for word in required_words(self.pattern))
            if self.branch and (len(words) > 3 or any(" " in word or DIGIT in word for word in words)):
                self.anchors, self.anchor_words = re.compile(by_first_letter(anchor_pattern(words))), words
            else:
                pieces = fewest(longest_piece(word) for word in words)
                if len(pieces) <= 3:
                    self.anchors, self.anchor_words = pieces, pieces
            return self.anchors
        if name == "anchor_words":
            return self.__getattr__("anchors") and self.anchor_words  # (worked out with them)
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
        """``kinds``: kind → its words, a lower-case alternation, in the alternation's order.
        A match is a whole word: "up" is not in "upgrade", nor "import" in "important"."""
        for words in kinds.values():
            if re.search(r"\(\?<?[=!]|\\[bBAZ]|[\^$]", words):
                raise ValueError(f"the words of a vocabulary cannot use look-arounds or boundaries: {words!r}")
        self.words = CaseFree("|".join(kinds.values()))
        self.kinds = kinds
        self._kind_of: dict[str, str] = {}

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):
        for match in self.words.finditer(text, pos, endpos):
            start, end = match.span()
            if not (start and text[start - 1].isalnum() or text[end : end + 1].isalnum()):
                yield match

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
        for match in self.finditer(text):
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

    def __init__(self, parts: list[str]):
        """``parts``: the patterns of the branches, in the alternation's order; no branch may
        match the empty string."""
        self.parts = [CaseFree(pattern, branch=True) for pattern in parts]
        self.pattern = "|".join(parts)  # the alternation it stands for
        self._text: str | None = None  # the long text last read, and its branches (see _in_text)
        self._branches_in_text: list[CaseFree] = []

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else endpos
        low = lowered(text)
        if low is None:  # (rare text: every branch, ignoring case, on the text itself)
            patterns, target = [part.any_case for part in self.parts], text
        else:
            if pos <= 0 and endpos >= len(low):  # (a whole text: one scan for the anchors of all branches)
                patterns = [part.lower for part in self._in_text(low)]
            elif self._scanned_together:  # (a stretch: one scan too, where the branches are many)
                patterns = [part.lower for part in self._branches_with(self._anchor_scan.words_in(low, pos, endpos))]
            else:
                patterns = [part.lower for part in self.parts if not (part.anchors and part.absent(low, pos, endpos))]
            target = low
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

    def _in_text(self, low: str) -> list[CaseFree]:
        """The branches whose anchors occur somewhere in ``low`` (a lower-cased text), found by
        one scan for the anchors of every branch instead of one scan per branch (kept for the
        last text)."""
        if self._text is not low:
            self._branches_in_text = self._branches_with(self._anchor_scan.words_in(low))
            self._text = low
        return self._branches_in_text

    def _branches_with(self, present: frozenset[str]) -> list[CaseFree]:
        """The branches that may match where the anchor words ``present`` occur."""
        return [part for part in self.parts if not part.anchors or not present.isdisjoint(part.anchor_words)]

    @cached_property
    def _scanned_together(self) -> bool:
        """Whether the anchors of enough branches are found by one scan more cheaply than by one
        look per branch (a few branches are looked for apart)."""
        return sum(1 for part in self.parts if part.anchors) >= _SCAN_TOGETHER

    @cached_property
    def _anchor_scan(self) -> WordScan:
        return WordScan({word for part in self.parts for word in part.anchor_words})


#: From how many branches with anchors on their anchors are looked for by one scan.
_SCAN_TOGETHER = 4
#: The most matched texts a :class:`WordScan` remembers the words of.
_HELD_MAX = 4096


class WordScan:
    """Which of many words (as :func:`required_words` gives them) occur in a text, found by one
    scan for all of them: each match is looked for again from the character after its start
    (matches can overlap), and the words a match holds are read from it (a shorter word inside
    a longer one, "cùng ngày" in "trong cùng ngày")."""

    def __init__(self, words):
        self.words = tuple(sorted(words))
        self.pattern = re.compile(by_first_letter(anchor_pattern(self.words))) if self.words else None
        self._each = [(word, re.compile(anchor_pattern([word]))) for word in self.words]
        self._held: dict[str, frozenset[str]] = {}  # matched text -> the words it holds

    def words_in(self, low: str, pos: int = 0, endpos: int = sys.maxsize) -> frozenset[str]:
        """The words that occur in ``low[pos:endpos]``."""
        if self.pattern is None:
            return frozenset()
        found: set[str] = set()
        match = self.pattern.search(low, pos, endpos)
        while match is not None:
            found |= self._holds(match.group())
            match = self.pattern.search(low, match.start() + 1, endpos)
        return frozenset(found)

    def _holds(self, matched: str) -> frozenset[str]:
        held = self._held.get(matched)
        if held is None:
            if len(self._held) >= _HELD_MAX:  # (texts of many kinds: keep the memory bounded)
                self._held.clear()
            held = self._held[matched] = frozenset(word for word, pattern in self._each if pattern.search(matched))
        return held
