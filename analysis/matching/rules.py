"""Rules written in a language's table, made into patterns: the forms of a date or a period,
each a regular expression with {PLACEHOLDERS} for the words the table lists, and named groups
that say what each part is (day, month, year …).

All the forms of one kind become one alternation, so each form's groups are renamed apart
(``f3_day``); :func:`slot` reads them back by their plain names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from .. import lang
from .casefree import parsed


class Form(NamedTuple):
    """One way of writing something, from a language's table: its rule name (``vi: tháng M/Y``),
    the group that wraps it in the alternation, its pattern and whether its words are written
    with their capital ("in May", not "may")."""

    name: str
    group: str
    pattern: str
    capitalised: bool
    flags: tuple = ()

    def flag(self, name: str, default=None):
        """A setting the form's table gives besides its pattern (``unit``, ``metric`` …)."""
        return dict(self.flags).get(name, default)


def load_forms(key: str, slots: tuple[str, ...], placeholders: Callable[[str], dict[str, str]], prefix: str = "f") -> list[Form]:
    """The forms of ``key`` in every language, in order, their placeholders filled from the
    language's own table; a form with an unknown placeholder or group, or that does not
    compile, is a :class:`lang.LanguageDataError` naming it."""
    forms = []
    for code in lang.languages():
        fill = placeholders(code)
        for form in lang.value(key, code):
            group = f"{prefix}{len(forms)}"
            name = f"{code}: {form['name']}"
            where = f"{code}.toml: {key} {form['name']!r}"

            def placeholder(match, where=where, fill=fill):
                if match.group(1) not in fill:
                    raise lang.LanguageDataError(f"{where}: unknown placeholder {{{match.group(1)}}} (one of {', '.join(sorted(fill))})")
                return fill[match.group(1)]

            pattern = re.sub(r"\{([A-Z_]+)\}", placeholder, form["pattern"])
            for name_used in re.findall(r"\(\?P<(\w+)>", pattern):
                if name_used not in slots:
                    raise lang.LanguageDataError(f"{where}: unknown group {name_used!r} (one of {', '.join(slots)})")
            pattern = re.sub(r"\(\?P([<=])(\w+)", lambda m, g=group: f"(?P{m.group(1)}{g}_{m.group(2)}", pattern)
            try:
                parsed(f"(?P<{group}>{pattern})")  # (read once: the same is asked of it later)
            except re.error as error:
                raise lang.LanguageDataError(f"{where}: not a valid pattern ({error})") from None
            if any(ch.isupper() for ch in re.sub(r"\\.|\(\?P[<=]\w+>?", "", pattern)):
                raise lang.LanguageDataError(f"{where}: write the words in lower case (they are matched ignoring case)")
            flags = tuple(sorted((k, v) for k, v in form.items() if k not in ("name", "pattern")))
            forms.append(Form(name, group, f"(?P<{group}>{pattern})", bool(form.get("capitalised")), flags))
    return forms


def slot(match: re.Match, form: Form, name: str) -> str | None:
    """What the part ``name`` of a form matched, or None."""
    group = _GROUPS.get((form.group, name))
    if group is None:
        group = _GROUPS[(form.group, name)] = f"{form.group}_{name}"
    return match.group(group) if group in match.re.groupindex else None


_GROUPS: dict[tuple[str, str], str] = {}  # (the renamed groups, made once)


def which(match: re.Match, forms: dict[str, Form]) -> Form | None:
    """The form that made ``match`` (by the group that wraps it)."""
    return forms.get(match.lastgroup)
