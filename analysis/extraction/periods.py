"""What period a figure covers: "Trong tháng 1/2026" → 2026-01, "6 tháng đầu năm 2025" → 2025-H1.

Comparison bases ("so với cùng kỳ năm trước", "year-on-year") are not the period of the
figure; cumulative stocks ("lũy kế", "tính đến", "as of") cover no period but are dated by the
day, month or year they are counted to.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .. import lang
from ..matching.casefree import CaseFree, FirstOf
from ..matching.rules import Form, load_forms, slot
from .dates import _M, _Y, MONTHS, count_of, find_dates

SLOTS = ("count", "part", "half", "month", "month_end", "year", "year_start", "relative_year", "first_month")


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


COMPARISON = CaseFree(f"(?:{lang.alternation(lang.words('periods.comparison_leads'))})(?:[^,;()]|,(?=\\d))*"
                      + "".join(f"|{w}" for w in [lang.alternation(lang.words("periods.comparisons"))] if w)
                      + "".join(f"|{w}" for w in lang.words("periods.comparison_patterns")), prefilter=True)
# a stock counted up to a date has no period ("tính chung 7 tháng" is a period, not a stock)
CUMULATIVE = CaseFree(lang.whole_words("periods.cumulative"))


class PeriodMention(NamedTuple):
    start: int
    end: int
    period: str


def _year(match: re.Match, form: Form, published: str | None, hint: int | None) -> int | None:
    """The year a form writes, the one its relative words give from the publication date, or,
    for a form that writes none ("trong 4 tháng", "hết tháng 9"), the year of ``hint``."""
    written = slot(match, form, "year")
    if written:
        return int(written)
    relative = slot(match, form, "relative_year")
    if relative is not None:
        return int(published[:4]) + _RELATIVE_YEARS[" ".join(relative.lower().split())] if published else None
    return hint


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


def find_periods(text: str, start: int, end: int, published: str | None, dates=None, hint: int | None = None,
                 comparisons: bool = False) -> list[PeriodMention]:
    """Period expressions in ``text[start:end]`` outside comparison phrases, in order (with
    ``comparisons``, those inside them too).

    ``dates`` are the article's date mentions when already found (saves a second scan);
    ``hint`` the year of a period that writes none ("trong 4 tháng"), when it is known.
    """
    excluded = [] if comparisons else [(m.start(), m.end()) for m in COMPARISON.finditer(text, start, end)]
    taken: list[PeriodMention] = []

    def free(a: int, b: int) -> bool:
        return not any(x < b and a < y for x, y in excluded) and not any(p.start < b and a < p.end for p in taken)

    for match in _SPAN.finditer(text, start, end):
        if not free(match.start(), match.end()):
            continue
        period = _period(match, _FORM_BY_GROUP[match.lastgroup], published, hint)
        if period:
            taken.append(PeriodMention(match.start(), match.end(), period))
    if dates is None:
        dates = find_dates(text, published, start, end)
    for mention in dates:
        if start <= mention.start and mention.end <= end and mention.granularity != "day" and free(mention.start, mention.end):
            taken.append(PeriodMention(mention.start, mention.end, mention.date))
    return sorted(filter(None, (_since(text, start, p, published) for p in taken)), key=lambda p: p.start)


def _since(text: str, start: int, mention: PeriodMention, published: str | None) -> PeriodMention | None:
    """A period told "since" a year runs from it to the year of publication ("invested $16
    billion since 2019": 2019/2025); without a publication date its end is unknown: none."""
    if not _SINCE.search(text, max(start, mention.start - 20), mention.start):
        return mention
    first = mention.period.split("/")[0][:4]
    if not published or not first.isdigit() or int(published[:4]) <= int(first):
        return None
    return mention._replace(period=f"{first}/{published[:4]}")


def _period(match: re.Match, form: Form, published: str | None, hint: int | None) -> str | None:
    """The period a form states, from its slots. A span from January that writes no year ("in
    the first five months", "6 tháng đầu năm") and has ended by the month of publication is of
    the year of publication, not of a year told before it: an article of June 2024 reports
    January to May 2024."""
    year = _year(match, form, published, hint)
    if not year:
        return None
    hinted = slot(match, form, "year") is None and slot(match, form, "relative_year") is None

    def current(last_month: int) -> int:
        if hinted and published and len(published) >= 7 and int(published[:4]) > year and last_month < int(published[5:7]):
            return int(published[:4])
        return year

    count, half = slot(match, form, "count"), slot(match, form, "half")
    if slot(match, form, "first_month") is not None:  # "tháng đầu năm": January
        return f"{year}-01"
    if count is not None:
        n = count_of(count)
        if n is None or not 1 <= n <= 12:
            return None
        if (slot(match, form, "part") or "").lower() in _FROM_END:
            # "the last nine months" of the year of publication are the months before it
            if published and len(published) >= 7 and int(published[:4]) == year and int(published[5:7]) > n:
                month = int(published[5:7])
                return _months(year, month - n, month - 1)
            return _months(year, 13 - n, 12)
        # "11 tháng năm 2024" counts from January, as "11 tháng đầu năm" does
        return _months(current(n), 1, n)
    if half is not None:
        number = int(half) if half.isdigit() else _HALVES[half.lower()]
        return f"{current(6 * number)}-H{number}"
    first, last = slot(match, form, "month"), slot(match, form, "month_end")
    if last is not None:  # "từ tháng 1 đến tháng 10", "hết tháng 9" (from January)
        a, b = (int(m) if m.isdigit() else MONTHS[m.lower()] for m in (first or "1", last))
        return _months(current(b) if a == 1 else year, a, b) if a < b or first is None else None
    return str(year)


class Base(NamedTuple):
    """A comparison phrase ("up from $9 billion in 2023", "so với cùng kỳ năm trước") and the
    periods written in it: a figure inside it is the base, of the base's period."""

    start: int
    end: int
    mentions: list[PeriodMention]
    same_period: bool


def comparison_bases(text: str, start: int, end: int, published: str | None, dates, hint: int | None) -> list[Base]:
    """The comparison phrases of ``text[start:end]`` that hold a figure's digits, with their periods."""
    bases = []
    for match in COMPARISON.finditer(text, start, end):
        a, b = match.span()
        if not any(ch.isdigit() for ch in text[a:b]):
            continue
        bases.append(Base(a, b, find_periods(text, a, b, published, dates, hint, comparisons=True),
                          _SAME_PERIOD_WORDS.search(text, a, b) is not None))
    return bases


def is_cumulative(text: str, start: int, end: int) -> bool:
    return bool(CUMULATIVE.search(text, start, end))


# --------------------------------------------------------------------------- the period of a figure


class Governing(NamedTuple):
    """The period a figure covers, and the rule that chose it."""

    period: str | None
    rule: str


RATE_RULE = "a rate, not a flow"
RATE_WORDS = CaseFree(lang.whole_words("periods.rates"))
STOCK_WORDS = CaseFree(lang.whole_words("periods.stocks"))
_SAME_PERIOD = CaseFree(rf"\W*{lang.whole_words('periods.same_period')}")  # (matched at a clause's start)
_SINCE = CaseFree(rf"{lang.whole_words('periods.since')}\s+$")
_SAME_PERIOD_WORDS = CaseFree(lang.whole_words("periods.same_period"))
# "trong cùng kỳ", "in the same period": the period told just before, unless a year follows ("in the
# same period last year", "trong cùng kỳ năm trước")
_SAME_AS_TOLD = CaseFree(rf"{lang.whole_words('periods.same_as_told')}(?!\s+(?:{lang.alternation(lang.words('periods.same_as_told_not_before'))}))")
_AVERAGE = CaseFree(lang.whole_words("periods.average"))
STOCK_METRICS = frozenset({"fdi_capital", "fdi_projects"})
_AS_OF_REACH = 20  # how far before a year the words of counting up to it stand ("as of the end of 2024")


_SINCE_WORDS = CaseFree(lang.whole_words("periods.since"))
_CLAUSE_MARK = re.compile(r"[,;:()–—]")


def _in_since_clause(text: str, sentence_start: int, at: int) -> bool:
    """Whether the words at ``at`` stand in a clause opened by "since" ("Since relations were
    normalised in 1995", "kể từ khi hai nước bình thường hóa quan hệ năm 1995")."""
    marks = [m.end() for m in _CLAUSE_MARK.finditer(text, sentence_start, at)]
    return _SINCE_WORDS.search(text, marks[-1] if marks else sentence_start, at) is not None


def shift_years(period: str, years: int) -> str:
    """A period moved by whole years: "2023-01/2023-09" → "2022-01/2022-09"."""
    return re.sub(r"\d{4}", lambda m: str(int(m.group()) + years), period)


def _year_of(period: str) -> int:
    return int(period.split("/")[-1][:4])


_STANDING = CaseFree(lang.whole_words("periods.standing"))
# (a clause that names its year without writing it: "thì đến năm đã vượt mốc 10 tỉ USD")
_UNWRITTEN_YEAR = CaseFree("|".join(f"(?:{p})" for p in lang.words("periods.unwritten_year")) or "(?!)")
_TO_AFTER = re.compile(rf"\s*(?:{lang.alternation(lang.words('figures.change_to'))})\b", re.IGNORECASE)


def figure_period(text: str, sentence: tuple[int, int], clause: tuple[int, int], figure: tuple[int, int], metric: str, unit: str,
                  mentions: list[PeriodMention], dates, flows: str | None, stock: str | None, investment: bool,
                  aside: Governing | None = None, published: str | None = None) -> Governing:
    """The period a figure covers: the one its clause states, then its sentence, then the one
    the article's figures covered last.

    A rate (a tariff) covers no period; a stock (accumulated investment) is dated by the day,
    month or year it is counted to ("lũy kế đến tháng 6/2015", "as of March 20", "as of the end
    of 2024"), or has none (never a year another clause tells), and the
    figures told of it after (its sectors, its shares) have that date too (``stock``); a flow,
    a share or a rank of trade without a period of its own has the period of the flows told
    before (``flows``); a count, or another figure, only one its sentence states. "Cùng kỳ" as
    a figure's subject is the same period a year before; a multiple ("gấp 3,6 lần") or an
    average yearly growth spans from the first year its sentence names to its own.
    ``dates`` are the sentence's date mentions (days included); ``mentions`` its periods;
    ``investment`` whether the sentence speaks of investment; ``aside`` the period of the
    figure a bracketed clause adds to ("vượt mốc 10 tỉ USD (đạt 10,5 tỉ USD)"), which the
    figure in the brackets has when its clause states none. A change whose year is that of a
    "since" clause ("Since relations were normalised in 1995, trade has grown 300-fold") runs
    from it to the year of publication (``published``).
    """
    start, end = figure
    if metric == "other" and unit == "percent" and RATE_WORDS.search(text, *sentence):
        return Governing(None, RATE_RULE)
    stocks = metric in STOCK_METRICS or (investment and metric in ("share", "rank", "count"))
    held = stocks and (STOCK_WORDS.search(text, *sentence) or is_cumulative(text, *sentence))
    if held:
        as_of = [d for d in dates if d.granularity in ("day", "month")]
        # (or a year the stock is counted to: "as of the end of 2024", "tính đến hết năm 2024";
        # not a year it counts from: "kể từ năm 1995")
        as_of = as_of or [d for d in dates if d.granularity == "year" and "/" not in d.date
                          and CUMULATIVE.search(text, max(sentence[0], d.start - _AS_OF_REACH), d.start)]
        if as_of:
            return Governing(as_of[0].date.split("/")[-1], f"a stock, counted to '{as_of[0].text}'")
        if is_cumulative(text, *sentence):
            return Governing(None, "a stock, counted to no date")
    context = stock if stocks else flows if metric not in ("count", "other") else None
    if metric in ("rank", "share") and not stocks and _STANDING.search(text, *sentence):
        context = None  # a standing fact ("Nhiều năm qua, Mỹ luôn giữ ngôi …", "continues to be"): of no one period
    if _SAME_PERIOD.match(text, clause[0], start):  # (at the clause's start: "(cùng kỳ đạt 85,2 tỷ USD)")
        told = [m for m in mentions if m.end <= clause[0] and m.period]
        base = told[-1].period if told else flows  # the period its sentence told, else the one told before
        if base:
            return Governing(shift_years(base, -1), "the same period a year before")
    if flows and _SAME_AS_TOLD.search(text, *clause) and not any(clause[0] <= m.start and m.end <= clause[1] for m in mentions):
        return Governing(flows, "the very period told before: 'in the same period'")
    multiple = metric == "growth" and unit == "count"
    if multiple and not _TO_AFTER.match(text, end):
        # (the year after a multiple is its base: "gấp 3,6 lần kết quả năm 2005"; after "lên",
        # "to", it is its own: "tăng gấp 90 lần lên 36,3 tỷ USD năm 2014")
        mentions = [m for m in mentions if m.end <= start]
    in_clause = [m for m in mentions if clause[0] <= m.start and m.end <= clause[1]]
    chosen, rule = None, ""
    if in_clause:  # the nearest; between two as near, the one after ("US$123 billion in 2022")
        chosen = min(in_clause, key=lambda m: (m.start - end if m.start >= end else start - m.end, m.start < end))
        rule = f"its clause: '{text[chosen.start:chosen.end]}'"
    elif aside is not None:
        return Governing(aside.period, f"the figure its brackets add to ({aside.rule})")
    elif any(not any(m.start < u.end() and u.start() < m.end for m in mentions)
             for u in _UNWRITTEN_YEAR.finditer(text, *clause)):
        return Governing(None, "its clause names a year it does not write")
    elif not held:  # (a position held is of the date it is counted to, not of a year another
        # clause tells: "1,300 valid projects in Vietnam, the first licensed in 1995")
        before = [m for m in mentions if m.end <= start]
        after = [m for m in mentions if m.start >= end]
        chosen = before[-1] if before else after[0] if after else None
        if chosen is not None:
            rule = f"its sentence: '{text[chosen.start:chosen.end]}'"
    if chosen is not None and metric == "growth" and published and "/" not in chosen.period \
            and _in_since_clause(text, sentence[0], chosen.start) and int(published[:4]) > int(chosen.period[:4]):
        return Governing(f"{chosen.period[:4]}/{published[:4]}", f"from the year its sentence counts from to publication: '{text[chosen.start:chosen.end]}'")
    if chosen is None and metric == "growth" and unit == "percent" and _AVERAGE.search(text, *sentence):
        return Governing(None, "a yearly rate over no stated span")  # ("a growth rate of over 20 percent per annum")
    period = chosen.period if chosen is not None else context
    if chosen is None and context:
        rule = "the stock told before" if stocks else "the period told before"
    if period and (multiple or metric == "growth" and _AVERAGE.search(text, *sentence)):
        years = sorted({int(y) for d in dates for y in re.findall(r"\d{4}", d.date)} | {_year_of(period)})
        if len(years) > 1 and years[0] < _year_of(period):
            return Governing(f"{years[0]}/{_year_of(period)}", f"from the first year of its sentence to {rule or 'its own'}")
    return Governing(period, rule or "no period")
