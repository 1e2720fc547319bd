"""What period a figure covers: "Trong tháng 1/2026" → 2026-01, "6 tháng đầu năm 2025" → 2025-H1.

Comparison bases ("so với cùng kỳ năm trước", "year-on-year") are not the period of the
figure, and cumulative stocks ("lũy kế", "tính đến", "as of") have none.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..matching.casefree import CaseFree, FirstOf
from .dates import MONTHS_EN, find_dates

_Y = r"(?:1[89]\d\d|20\d\d)"
_MON = r"(?:0?[1-9]|1[0-2])"
_MONTH_EN = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_YEAR_REF = rf"(?:năm\s+)?{_Y}|năm\s+(?:nay|ngoái|trước)|(?:this|last)\s+year"
# the forms of a period, each with the words it cannot do without (see casefree.FirstOf)
_SPAN = FirstOf([
    (rf"(?P<first_n>(?P<n>\d{{1,2}})\s+tháng\s+(?:(?P<part>đầu|cuối)\s+)?(?:{_YEAR_REF}))", ("tháng",)),
    (rf"(?P<half>(?:nửa|sáu tháng)\s+(?P<hpart>đầu|cuối)\s+(?:{_YEAR_REF}))", ("nửa", "sáu tháng")),
    (rf"(?P<first_n_en>(?:the\s+)?(?P<en_part>first|last)\s+(?P<en_n>\d{{1,2}}|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months\s+of\s+(?:{_YEAR_REF}))",
     ("months",)),
    (rf"(?P<half_en>(?:the\s+)?(?P<en_h>first|second)\s+half\s+(?:of\s+)?(?:{_YEAR_REF})|h(?P<h_n>[12])\s*,?\s*(?P<h_y>{_Y}))", ("half", "h1", "h2")),
    (rf"(?P<range_vi>từ\s+tháng\s+(?P<rv_a>{_MON})(?:/(?P<rv_ya>{_Y}))?\s+(?:đến|tới)\s+(?:hết\s+)?tháng\s+(?P<rv_b>{_MON})(?:\s*[/-]\s*|\s+năm\s+)(?P<rv_y>{_Y}))",
     ("tháng",)),
    (rf"(?P<range_en>(?:from\s+)?(?P<re_a>{_MONTH_EN})\.?\s*(?:-|–|to|through)\s*(?P<re_b>{_MONTH_EN})\.?,?\s+(?P<re_y>{_Y}))",
     ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")),
    (r"(?P<rel_year>n(?<!\wn)ăm\s+(?:nay|ngoái)\b|t(?<!\wt)his\s+year\b|l(?<!\wl)ast\s+year\b|n(?<!cùng kỳ n)(?<!\wn)ăm\s+trước\b)",
     ("năm", "year")),
])
_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11}
COMPARISON = CaseFree(
    r"so với[^,;()]*|compared (?:with|to)[^,;()]*|from a year (?:earlier|ago)|year[- ]on[- ]year|"
    r"over the same (?:period|month|quarter) [^,;()]*|from the same (?:period|month|quarter) [^,;()]*|cùng kỳ[^,;()]*",
    anchors=("so với", "compared", "year", "the same", "cùng kỳ"),
)
# a stock counted up to a date has no period ("tính chung 7 tháng" is a period, not a stock)
CUMULATIVE = CaseFree(r"lũy kế|luỹ kế|tính đến|tính tới|đến nay|tới nay|as of|to date|cumulative|so far")


class PeriodMention(NamedTuple):
    start: int
    end: int
    period: str


def _year(match, published: str | None, prefix: str = "") -> int | None:
    text = match.group(0).lower()
    written = re.search(_Y, text)
    if written:
        return int(written.group(0))
    if not published:
        return None
    base = int(published[:4])
    if "ngoái" in text or "trước" in text or "last" in text:
        return base - 1
    return base


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
        kind = match.lastgroup
        g = match.groupdict()
        period = None
        if kind == "first_n":
            year, n = _year(match, published), int(g["n"])
            if year and 1 <= n <= 12:
                # "11 tháng năm 2024" counts from January, as "11 tháng đầu năm" does
                period = _months(year, 13 - n, 12) if (g["part"] or "").lower() == "cuối" else _months(year, 1, n)
        elif kind == "half":
            year = _year(match, published)
            if year:
                period = f"{year}-H1" if g["hpart"].lower() == "đầu" else f"{year}-H2"
        elif kind == "first_n_en":
            year = _year(match, published)
            n = int(g["en_n"]) if g["en_n"].isdigit() else _WORD_NUMBERS[g["en_n"].lower()]
            if year and 1 <= n <= 12:
                period = _months(year, 1, n) if g["en_part"].lower() == "first" else _months(year, 13 - n, 12)
        elif kind == "half_en":
            if g["h_n"]:
                period = f"{g['h_y']}-H{g['h_n']}"
            else:
                year = _year(match, published)
                if year:
                    period = f"{year}-H1" if g["en_h"].lower() == "first" else f"{year}-H2"
        elif kind == "range_vi":
            year = int(g["rv_y"])
            a, b = int(g["rv_a"]), int(g["rv_b"])
            if a < b:
                period = _months(year, a, b)
        elif kind == "range_en":
            year = int(g["re_y"])
            a, b = MONTHS_EN[g["re_a"].lower()], MONTHS_EN[g["re_b"].lower()]
            if a < b:
                period = _months(year, a, b)
        elif kind == "rel_year":
            year = _year(match, published)
            if year:
                period = str(year)
        if period:
            taken.append(PeriodMention(match.start(), match.end(), period))
    if dates is None:
        dates = find_dates(text, published, start, end)
    for mention in dates:
        if start <= mention.start and mention.end <= end and mention.granularity != "day" and free(mention.start, mention.end):
            taken.append(PeriodMention(mention.start, mention.end, mention.date))
    return sorted(taken, key=lambda p: p.start)


def is_cumulative(text: str, start: int, end: int) -> bool:
    return bool(CUMULATIVE.search(text, start, end))
