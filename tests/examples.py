"""Examples made from a rule's own pattern: a string each form of the tables matches, so that a
test can check that the engine reaches every rule (through its fast path) as the plain
pattern does."""

from __future__ import annotations

import itertools
import re
import re._constants as sre
import re._parser as parser

_CATEGORY_CHARS = {sre.CATEGORY_DIGIT: "2", sre.CATEGORY_SPACE: " ", sre.CATEGORY_WORD: "a", sre.CATEGORY_NOT_DIGIT: "a",
                   sre.CATEGORY_NOT_SPACE: "a", sre.CATEGORY_NOT_WORD: " "}


def _char(arg, choices) -> str:
    """A character of a class: a digit varies from example to example (a range of days wants
    its second day after the first), other characters are the first the class allows."""
    if arg and arg[0][0] is sre.NEGATE:
        banned = _chars_of(arg[1:])
        return next(c for c in "x a1" if c not in banned)
    allowed = _chars_of(arg)
    digits = sorted(c for c in allowed if c.isdigit() and c != "0") or sorted(c for c in allowed if c.isdigit())
    if digits:
        return digits[next(choices) % len(digits)]
    for op, value in arg:
        if op is sre.LITERAL:
            return chr(value)
        if op is sre.RANGE:
            return chr(value[0])
        if op is sre.CATEGORY:
            return _CATEGORY_CHARS.get(value, "a")
    return "a"


def _chars_of(arg) -> set[str]:
    chars = set()
    for op, value in arg:
        if op is sre.LITERAL:
            chars.add(chr(value))
        elif op is sre.RANGE:
            chars |= {chr(c) for c in range(value[0], value[1] + 1)}
        elif op is sre.CATEGORY and value in _CATEGORY_CHARS:
            chars.add(_CATEGORY_CHARS[value])
    return chars


def _text(items, choices, groups) -> str:
    out = []
    for op, arg in items:
        if op is sre.LITERAL:
            out.append(chr(arg))
        elif op is sre.IN:
            out.append(_char(arg, choices))
        elif op is sre.ANY:
            out.append("x")
        elif op is sre.BRANCH:
            branches = arg[1]
            out.append(_text(branches[next(choices) % len(branches)], choices, groups))
        elif op is sre.SUBPATTERN:
            text = _text(arg[-1], choices, groups)
            if arg[0]:
                groups[arg[0]] = text
            out.append(text)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, high = arg[0], arg[1]
            count = low if low else (1 if next(choices) % 2 else 0)
            count = min(count, high) if high is not sre.MAXREPEAT else count
            out.append("".join(_text(arg[2], choices, groups) for _ in range(count)))
        elif op is sre.GROUPREF:
            out.append(groups.get(arg, ""))
        elif op is sre.ASSERT:  # what a look-around must see is written beside the match
            out.append(_text(arg[1], choices, groups))
        # negative look-arounds and anchors write nothing
    return "".join(out)


def example(pattern: str, flags: int = re.IGNORECASE, tries: int = 400) -> tuple[str, tuple[int, int]] | None:
    """A text in which ``pattern`` finds a match (the words its look-arounds need beside it,
    spaces around), and the span of that match; or None."""
    tree = parser.parse(pattern, flags).data
    compiled = re.compile(pattern, flags)
    for seed in range(tries):
        values = itertools.cycle([seed * 7919 + i * 104729 for i in range(1, 97)]) if seed else itertools.repeat(0)
        context = f" {_text(tree, values, {})} "
        found = compiled.search(context)
        if found and found.group().strip():
            return context, found.span()
    return None
