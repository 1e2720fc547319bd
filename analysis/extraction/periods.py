"""What period a figure covers: "Trong tháng 1/2026" → 2026-01, "6 tháng đầu năm 2025" → 2025-H1.

Comparison bases ("so với cùng kỳ năm trước", "year-on-year") are not the period of the
figure, and cumulative stocks ("lũy kế", "tính đến", "as of") have none.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .. import lang
from ..matching.casefree import CaseFree, FirstOf
from ..matching.rules import Form, load_forms, slot
from .dates import _M, _Y, MONTHS, find_dates

SLOTS = ("count", "part", "half", "month", "month_end", "year", "year_start", "relative_year")


def _placeholders(code: str) -> dict[str, str]:
    """What the {PLACEHOLDERS} of a language's period forms stand for."""
    value = lambda key: lang.value(key, code)  # noqa: E731
    relative = lang.alternation(value("periods.relative_years")) or "(?!)"
    year = rf"(?:năm\s+)?(?P<year>{_Y})" if code == "vi" else rf"(?P<year>{_Y})"
    return {
        "M": _M, "Y": _Y,
        "MONTH": lang.alternation([*lang.value("dates.months", code), *lang.value("dates.month_abbreviations", code)]) or "(?!)",
        "YEAR": rf"{year}|(?P<relative_year>{relative})",
        "RELATIVE_YEAR": relative,
        "COUNT": r"\d{1,2}" + "".join(f"|{w}" for w in [lang.alternation(value("numbers.words"))] if w),
        "FROM": lang.alternation([*value("periods.from_start"), *value("periods.from_end")]) or "(?!)",
        "HALF": lang.alternation(value("periods.halves")) or "(?!)",
    }


FORMS = load_forms("periods.forms", SLOTS, _placeholders, prefix="p")
_FORM_BY_GROUP = {form.group: form for form in FORMS}
# each form scanned on its own, where its words occur (see casefree.FirstOf)
_SPAN = FirstOf([form.pattern for form in FORMS])
_RELATIVE_YEARS = {" ".join(w.lower().split()): n for w, n in lang.mapping("periods.relative_years").items()}
_HALVES = {w.lower(): n for w, n in lang.mapping("periods.halves").items()}
_FROM_END = {w.lower() for w in lang.words("periods.from_end")}
_NUMBER_WORDS = {w.lower(): n for w, n in lang.mapping("numbers.words").items()}
COMPARISON = CaseFree(f"(?:{lang.alternation(lang.words('periods.comparison_leads'))})[^,;()]*"
                      + "".join(f"|{w}" for w in [lang.alternation(lang.words("periods.comparisons"))] if w), prefilter=True)
# a stock counted up to a date has no period ("tính chung 7 tháng" is a period, not a stock)
CUMULATIVE = CaseFree(lang.alternation(lang.words("periods.cumulative")))


class PeriodMention(NamedTuple):
    start: int
    end: int
    period: str


def _year(match: re.Match, form: Form, published: str | None) -> int | None:
    """The year a form writes, or the one its relative words give from the publication date."""
    written = slot(match, form, "year")
    if written:
        return int(written)
    relative = slot(match, form, "relative_year")
    if relative is None or not published:
        return None
    return int(published[:4]) + _RELATIVE_YEARS[" ".join(relative.lower().split())]


def _months(year: int, first: int, last: int) -> str:
    if (first, last) == (1, 6):
        return f"{year}-H1"
    if (first, last) == (7, 12):
        return f"{year}-H2"
    if last - first == 2 and first % 3 == 1:
        return f"{year}-Q{first // 3 + 1}"
    if (first, last) == (1, 12):
        return f"{year}"
    if first == last:
        return f"{year}-{first:02d}"
    return f"{year}-{first:02d}/{year}-{last:02d}"


def find_periods(text: str, start: int, end: int, published: str | None, dates=None) -> list[PeriodMention]:
    """Period expressions in ``text[start:end]`` outside comparison phrases, in order.

    ``dates`` are the article's date mentions when already found (saves a second scan).
    """
    excluded = [(m.start(), m.end()) for m in COMPARISON.finditer(text, start, end)]
    taken: list[PeriodMention] = []

    def free(a: int, b: int) -> bool:
        return not any(x < b and a < y for x, y in excluded) and not any(p.start < b and a < p.end for p in taken)

    for match in _SPAN.finditer(text, start, end):
        if not free(match.start(), match.end()):
            continue
        period = _period(match, _FORM_BY_GROUP[match.lastgroup], published)
        if period:
            taken.append(PeriodMention(match.start(), match.end(), period))
    if dates is None:
        dates = find_dates(text, published, start, end)
    for mention in dates:
        if start <= mention.start and mention.end <= end and mention.granularity != "day" and free(mention.start, mention.end):
            taken.append(PeriodMention(mention.start, mention.end, mention.date))
    return sorted(taken, key=lambda p: p.start)


def _period(match: re.Match, form: Form, published: str | None) -> str | None:
    """The period a form states, from its slots."""
    year = _year(match, form, published)
    if not year:
        return None
    count, half = slot(match, form, "count"), slot(match, form, "half")
    if count is not None:
        n = int(count) if count.isdigit() else _NUMBER_WORDS[count.lower()]
        if not 1 <= n <= 12:
            return None
        # "11 tháng năm 2024" counts from January, as "11 tháng đầu năm" does
        return _months(year, 13 - n, 12) if (slot(match, form, "part") or "").lower() in _FROM_END else _months(year, 1, n)
    if half is not None:
        return f"{year}-H{int(half) if half.isdigit() else _HALVES[half.lower()]}"
    first, last = slot(match, form, "month"), slot(match, form, "month_end")
    if first is not None and last is not None:
        a, b = (int(m) if m.isdigit() else MONTHS[m.lower()] for m in (first, last))
        return _months(year, a, b) if a < b else None
    return str(year)


def is_cumulative(text: str, start: int, end: int) -> bool:
    return bool(CUMULATIVE.search(text, start, end))
