"""Date expressions → ISO partial dates ("2026-02-18", "1995-07", "2025-Q3", "2027").

A date is as precise as its text. A day or month written without a year takes the year of
the publication date (the latest such date not after it) or, without one, the latest year
the article writes; either way it is marked ``inferred``.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache

from .. import lang
from ..matching.casefree import (
    CaseFree,
    FirstOf,
    anchor_pattern,
    by_first_letter,
    fewest,
    lookbehind_words,
    lowered,
    opening_words,
    required_words,
    scanning,
)
from ..matching.rules import Form, load_forms, slot
from ..model import DateRecord

_D = r"(?:0?[1-9]|[12]\d|3[01])"
_M = r"(?:0?[1-9]|1[0-2])"
_Y = r"(?:1[89]\d\d|20\d\d|2100)"
_DASH = r"\s*[-–—]\s*"
#: The slots a date form's named groups fill.
SLOTS = ("day", "day_end", "month", "month_end", "year", "year_end", "quarter", "quarter_word", "quarter_span", "weekday", "relative_day",
         "relative_month", "relative_quarter", "years_after", "years_ago", "sep")


def _numbers(key: str) -> dict[str, int]:
    return {word.lower(): number for word, number in lang.mapping(key).items()}


MONTHS = {**_numbers("dates.months"), **_numbers("dates.month_abbreviations")}
ROMAN = _numbers("dates.roman")
QUARTER_WORDS = _numbers("dates.quarter_words")
WEEKDAYS = _numbers("dates.weekdays")
RELATIVE_DAYS = _numbers("dates.relative_days")
RELATIVE_MONTHS = _numbers("dates.relative_months")
RELATIVE_QUARTERS = _numbers("dates.relative_quarters")
NUMBER_WORDS = {" ".join(word.split()): number for word, number in _numbers("numbers.words").items()}


def count_of(written: str) -> int | None:
    """A small number as written, in digits or words ("3", "ba", "three"), or None."""
    written = " ".join(written.lower().split())
    return int(written) if written.isdigit() else NUMBER_WORDS.get(written)
_PARTS_OF_DAY = lang.alternation(lang.words("dates.parts_of_day"))


def _leads(words) -> str:
    """One of ``words`` just before, as a whole word followed by a space: "in 2025"."""
    return "(?:" + "|".join(rf"(?<=\b{re.escape(w.lower())}\s)" for w in words) + ")"


def _placeholders(code: str) -> dict[str, str]:
    """What the {PLACEHOLDERS} of a language's date forms stand for."""
    value = lambda key: lang.value(key, code)  # noqa: E731
    part = (rf"(?:{lang.alternation(value('dates.parts_of_day'))})(?:\s+(?:{lang.alternation(value('dates.part_of_day_followers'))}))?"
            if value("dates.parts_of_day") else "(?!)")
    units = [*lang.words("numbers.percent"), *lang.mapping("numbers.scales"), *lang.mapping("numbers.currency_signs")]
    return {
        "D": _D, "M": _M, "Y": _Y, "DASH": _DASH,
        "DAY_LEAD": rf"(?:{part}|{lang.alternation(value('dates.day_leads'))})" if value("dates.day_leads") else part,
        "DAY_PREFIX": rf"(?:(?:{lang.alternation(value('dates.day_prefixes'))})\s+)?" if value("dates.day_prefixes") else "",
        "ROMAN": lang.alternation(value("dates.roman")) or "(?!)",
        "NOT_MONTH_AFTER": lang.alternation(value("dates.not_month_after")) or "(?!)",
        "NOT_AMOUNT": rf"(?!\s*(?:{lang.alternation(units)}))",
        "MONTH": lang.alternation([*value("dates.months"), *value("dates.month_abbreviations")]) or "(?!)",
        "MONTH_FULL": lang.alternation(value("dates.months")) or "(?!)",
        "MONTH_LEAD": _leads(value("dates.month_alone_leads")),
        "YEAR_LEAD": _leads(value("dates.year_leads")),
        "DAY_SUFFIX": lang.alternation(value("dates.day_suffixes")) or "(?!)",
        "QUARTER_WORD": lang.alternation(value("dates.quarter_words")) or "(?!)",
        "WEEKDAY": lang.alternation(value("dates.weekdays")) or "(?!)",
        "RELATIVE_DAY": lang.alternation(value("dates.relative_days")) or "(?!)",
        "RELATIVE_MONTH": lang.alternation(value("dates.relative_months")) or "(?!)",
        "RELATIVE_QUARTER": lang.alternation(value("dates.relative_quarters")) or "(?!)",
        "COUNT": r"\d{1,2}" + "".join(f"|{w}" for w in [lang.alternation(value("numbers.words"))] if w),
    }


FORMS = load_forms("dates.forms", SLOTS, _placeholders)
_FORM_BY_GROUP = {form.group: form for form in FORMS}
_FORM_ORDER = {form.group: index for index, form in enumerate(FORMS)}
# A date is tried where a word or a number begins: each form is tried at the places it can
# begin with (read from its pattern), in the forms' order, so that at any position the two
# patterns match what the whole list would. Both match on the lower-cased text (see casefree).
_OPENINGS = {form.group: opening_words(form.pattern) for form in FORMS}
_DIGIT_OPENING = "0"
_BY_DIGITS = [f for f in FORMS if not f.capitalised and not f.flag("without_digits")]
DATE_AT_DIGITS = CaseFree("|".join(f.pattern for f in _BY_DIGITS if _DIGIT_OPENING in _OPENINGS[f.group]))
DATE_AT_WORD = CaseFree("|".join(f.pattern for f in _BY_DIGITS if _OPENINGS[f.group] - {_DIGIT_OPENING}))
# forms that hold no digit before their end and are found by their words: a month alone,
# written with its capital ("in February", never "may"), and those that hold no digit at all
# ("yesterday", "the second quarter"), each looked for where its words occur
_WORD_FORMS = [f for f in FORMS if f.capitalised]
_WORDS_ONLY = FirstOf([f.pattern for f in FORMS if f.flag("without_digits") and not f.capitalised] or ["(?!)x"])
_ANY_YEAR = re.compile(rf"(?<![\d.,])({_Y})(?![\d,.]?\d)")


#: How far after the publication day a date without a year may lie and still be of the
#: publication year (news announces what comes in the next weeks: "will visit on Sept. 10").
_AHEAD_DAYS = 62


def _resolve_year(month: int, day: int | None, published: str | None, latest_year: int | None) -> int | None:
    """The year of a day or month written without one: the publication year, or the year
    before when that puts the date more than a couple of months after publication."""
    if published:
        year = int(published[:4])
        if len(published) < 7:
            return year
        pub_month = int(published[5:7])
        pub_day = int(published[8:10]) if len(published) >= 10 else 28
        ahead = (datetime.date(year, month, min(day or 1, 28)) - datetime.date(year, pub_month, min(pub_day, 28))).days
        return year - 1 if ahead > _AHEAD_DAYS else year
    return latest_year


def _from_publication(published: str | None, weekday: int | None = None, shift: int = 0) -> str | None:
    """A day said by its distance from the publication day ("yesterday") or by its weekday
    (the latest one on or before it): only when the publication day is known."""
    if not published or len(published) < 10:
        return None
    day = datetime.date.fromisoformat(published[:10])
    if weekday is not None:
        day -= datetime.timedelta(days=(day.weekday() - weekday) % 7)
    return (day + datetime.timedelta(days=shift)).isoformat()


def _valid(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


_PART_OF_DAY = re.compile(_PARTS_OF_DAY or "(?!)", re.IGNORECASE)


def _part_of_day(text: str) -> str | None:
    match = _PART_OF_DAY.match(text)
    return match.group(0).lower() if match else None


_DIGITS = scanning(r"\d+")
# "cùng ngày" and its kin: the day just written, or ("hôm sau") a day after it; each phrase
# looked for where it occurs
_DAYS_AFTER = {" ".join(phrase.lower().split()): int(days) for phrase, days in lang.mapping("dates.days_after").items()}
_SAME_DAY = FirstOf([rf"\b{lang.alternation([phrase])}\b"
                     for phrase in sorted([*lang.words("dates.same_day"), *lang.mapping("dates.days_after")], key=lambda p: (-len(p), p))])
_BEFORE = 40  # the most a date expression reaches before its first digits
# what every date form that begins with a word can begin with (read from the forms)
_START_WORDS = sorted({w for f in _BY_DIGITS for w in _OPENINGS[f.group] if w != _DIGIT_OPENING})
if any("*" in _OPENINGS[f.group] for f in _BY_DIGITS):
    raise lang.LanguageDataError(f"dates.forms {next(f.name for f in _BY_DIGITS if '*' in _OPENINGS[f.group])!r}: a date form begins "
                                 "with a word or a digit")
# a word a date can begin with (a word start is checked afterwards: inside a word of letters no
# word starts, so the words found mid-word hide none that start one)
_DATE_START = CaseFree("|".join(map(re.escape, _START_WORDS)))
_WORD_START_AFTER = "(\"“'-–—•*"  # (and spaces: "-Tháng 4, 1991:" in a list)
# a cheap test before the forms: the words a form needs before its digits (or what its
# look-behinds look for) in the stretch before them, or after them the words it needs there
_CUES_BEFORE = re.compile(anchor_pattern(fewest(
    w for f in _BY_DIGITS for w in (*required_words(f.pattern, before_digits=True), *lookbehind_words(f.pattern)))))
_CUES_AFTER = re.compile(anchor_pattern({w for f in _BY_DIGITS if _DIGIT_OPENING in _OPENINGS[f.group]
                                          for w in required_words(f.pattern)}))


def _may_be_date(text: str, low: str | None, start: int, end: int) -> bool:
    """A cheap test that the digits at ``start:end`` can be part of a date, before any regex.

    ``low`` is the text lower-cased (None when that changes its length)."""
    if text[end : end + 1] in ("/", "-", ".") and text[end + 1 : end + 2].isdigit():
        return True
    if low is None:  # (rare text: no shortcut, the pattern decides)
        return True
    return bool(_CUES_BEFORE.search(low, max(0, start - 25), start) or _CUES_AFTER.search(low, end, end + 12))


def _date_word_starts(text: str, pos: int, endpos: int) -> list[int]:
    """Where a word that a date can begin with starts a word in ``text[pos:endpos]``."""
    return [at for at in (m.start() for m in _DATE_START.finditer(text, pos, endpos))
            if at == 0 or text[at - 1].isspace() or text[at - 1] in _WORD_START_AFTER]


@lru_cache(maxsize=2)
def digit_runs(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the runs of digits in ``text``: one scan of an article, which the
    dates and the figures share (cached for the last articles)."""
    starts, ends = [], []
    for run in _DIGITS.finditer(text):
        starts.append(run.start())
        ends.append(run.end())
    return starts, ends


@lru_cache(maxsize=2)
def _candidates(text: str, start: int, end: int) -> tuple[re.Match, ...]:
    """Matches of the date forms, tried only where a date can begin.

    Every date form that holds a digit begins at most ``_BEFORE`` characters before its
    first digits, at a word start: trying the forms at those few places finds what a scan of
    the whole text finds, many times faster on long articles. The forms without digits ("in
    February") and "cùng ngày" are found by their words.

    Cached for the last articles: one without a date header is read twice, once to infer its
    publication date and once to resolve its years against it.
    """
    found = []
    covered = start
    low = lowered(text)
    run_starts, run_ends = digit_runs(text)
    for index in range(bisect_right(run_ends, start), bisect_left(run_starts, end)):
        first = max(run_starts[index], start)  # (a run cut by the stretch's bounds, as a scan of it finds it)
        if first < covered or not _may_be_date(text, low, first, min(run_ends[index], end)):
            continue
        # (a date's first word ends before its digits: its letters cannot run into them)
        starts = _date_word_starts(text, max(start, covered, first - _BEFORE), first)
        for position in starts + [first]:
            form = DATE_AT_WORD if position < first else DATE_AT_DIGITS
            match = form.match(text, position, end)
            if match and match.end() > first:
                found.append(match)
                covered = match.end()
                break
    alone = [match for form in _WORD_FORMS for match in _alone(form, text, start, end)]
    alone += list(_SAME_DAY.finditer(text, start, end)) + list(_WORDS_ONLY.finditer(text, start, end))
    # (the forms found by digits come in text order and do not overlap: a bisection tells
    # whether a word form starts inside one)
    starts, ends = [m.start() for m in found], [m.end() for m in found]
    taken = start  # (and of the word forms, the first at a place, as in the forms' order: "April to June quarter", not "June")
    for whole in sorted(alone, key=lambda m: (m.start(), _FORM_ORDER.get(m.lastgroup, -1))):
        at = bisect_right(starts, whole.start()) - 1
        if (at < 0 or whole.start() >= ends[at]) and whole.start() >= taken:
            found.append(whole)
            taken = whole.end()
    return tuple(sorted(found, key=lambda m: m.start()))


@cache
def _form_pattern(form: Form) -> tuple[CaseFree, re.Pattern]:
    """A form written with its capital, and where it can begin: one of its first words with
    its capital (found on the text as written, which is fast: capitals are rare)."""
    words = sorted(_OPENINGS[form.group], key=lambda w: (-len(w), w))
    return CaseFree(form.pattern), re.compile(by_first_letter("|".join(re.escape(w[0].upper() + w[1:]) for w in words)) + r"\b")


def _alone(form: Form, text: str, start: int, end: int):
    """The matches of a form without digits whose words are written with their capital."""
    pattern, starts = _form_pattern(form)
    for found in starts.finditer(text, start, end):
        match = pattern.match(text, found.start(), end)
        if match:
            yield match


def find_dates(text: str, published: str | None = None, start: int = 0, end: int | None = None) -> list[DateRecord]:
    """Every date expression in ``text[start:end]``, in order."""
    end = len(text) if end is None else end
    latest_year = None
    if published is None:  # only then does a year-less date need the article's latest year
        years = [int(m.group(1)) for m in _ANY_YEAR.finditer(text)]
        latest_year = max(years) if years else None
    mentions: list[DateRecord] = []
    for match in _candidates(text, start, end):
        form = _FORM_BY_GROUP.get(match.lastgroup)
        mention_text = text[match.start() : match.end()]  # (the match may be on lower-cased text)
        if form is None:  # "cùng ngày": the last day written; "hôm sau": a day after it (after its last day), "the day before" before it
            days = [m for m in mentions if m.granularity == "day"]
            if days:
                after = _DAYS_AFTER.get(" ".join(mention_text.lower().split()), 0)
                day = days[-1].date.split("/")[-1 if after > 0 else 0]
                if after:
                    day = (datetime.date.fromisoformat(day) + datetime.timedelta(days=after)).isoformat()
                mentions.append(DateRecord("", mention_text, match.start(), match.end(), day, "day", True))
            continue
        if slot(match, form, "years_after") is not None:  # "hai năm sau": from the year written last before it
            found = _years_after(text, match, slot(match, form, "years_after"), mentions)
        else:
            found = _read_date(form, match, published, latest_year)
        if found is not None:
            date, granularity, inferred = found
            part = _part_of_day(mention_text) if granularity == "day" else None
            mentions.append(DateRecord("", mention_text, match.start(), match.end(), date, granularity, inferred, "", part))
    return mentions


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _years_after(text: str, match: re.Match, count: str, mentions: list[DateRecord]) -> tuple[str, str, bool] | None:
    """The year N years after the date written last before ``match`` in its sentence, or None
    when the sentence writes none before it (then there is nothing to count from)."""
    anchor = mentions[-1] if mentions else None
    if anchor is None or _SENTENCE_END.search(text, anchor.end, match.start()):
        return None
    years = count_of(count) or 1  # ("a year later")
    return str(int(anchor.date.split("/")[-1][:4]) + years), "year", True


def _read_date(form: Form, match: re.Match, published: str | None, latest_year: int | None) -> tuple[str, str, bool] | None:
    """The ISO date, granularity and whether part was inferred, from a form's slots."""
    day, month, year = slot(match, form, "day"), slot(match, form, "month"), slot(match, form, "year")
    weekday, relative = slot(match, form, "weekday"), slot(match, form, "relative_day")
    relative_month = slot(match, form, "relative_month")
    if relative_month is not None:  # "tháng này", "next month": of the publication month
        if not published or len(published) < 7:
            return None
        index = int(published[:4]) * 12 + int(published[5:7]) - 1 + RELATIVE_MONTHS[" ".join(relative_month.lower().split())]
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month", True
    years_ago = slot(match, form, "years_ago")
    if years_ago is not None:  # "30 years ago": from the year of publication
        if not published:
            return None
        return str(int(published[:4]) - (count_of(years_ago) or 1)), "year", True  # ("a year ago")
    relative_quarter = slot(match, form, "relative_quarter")
    if relative_quarter is not None:  # "quý trước", "last quarter": from the publication quarter
        if not published or len(published) < 7:
            return None
        index = int(published[:4]) * 4 + (int(published[5:7]) - 1) // 3 + RELATIVE_QUARTERS[" ".join(relative_quarter.lower().split())]
        return f"{index // 4:04d}-Q{index % 4 + 1}", "quarter", True
    if weekday is not None or relative is not None:
        found = (_from_publication(published, weekday=WEEKDAYS[weekday.lower()]) if weekday is not None
                 else _from_publication(published, shift=RELATIVE_DAYS[" ".join(relative.lower().split())]))
        return (found, "day", True) if found else None
    inferred = False
    if month is not None:
        month = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
    month_end = slot(match, form, "month_end")
    if month_end is not None:
        month_end = int(month_end) if month_end.isdigit() else MONTHS[month_end.lower().rstrip(".")]
        if month_end <= month:
            return None
        if year is None:
            year = _resolve_year(month_end, None, published, latest_year)
            inferred = True
            if year is None:
                return None
        if slot(match, form, "quarter_span") is not None:  # "the April to June quarter"
            if month % 3 != 1 or month_end != month + 2:
                return None
            return f"{int(year):04d}-Q{month // 3 + 1}", "quarter", inferred
        return f"{int(year):04d}-{month:02d}/{int(year):04d}-{month_end:02d}", "month", inferred
    if day is not None or month is not None:
        day = int(day) if day is not None else None
        if year is None:
            year = _resolve_year(month, day, published, latest_year)
            inferred = True
            if year is None:
                return None
        year = int(year)
        if day is None:
            return f"{year:04d}-{month:02d}", "month", inferred
        if not _valid(year, month, day):
            return None
        date = f"{year:04d}-{month:02d}-{day:02d}"
        if slot(match, form, "day_end") is not None:
            day_end = int(slot(match, form, "day_end"))
            if not _valid(year, month, day_end) or day_end <= day:
                return None
            date = f"{date}/{year:04d}-{month:02d}-{day_end:02d}"
        return date, "day", inferred
    quarter, word = slot(match, form, "quarter"), slot(match, form, "quarter_word")
    if quarter is not None or word is not None:
        number = (int(quarter) if quarter.isdigit() else ROMAN[quarter.lower()]) if quarter is not None else QUARTER_WORDS[word.lower()]
        if year is None:  # "quý I", "the second quarter": of the publication year, or the year before
            year, inferred = _resolve_year(number * 3 - 2, None, published, latest_year), True
            if year is None:
                return None
        return f"{int(year):04d}-Q{number}", "quarter", inferred
    year_end = slot(match, form, "year_end")
    if year_end is not None:
        return (f"{year}/{year_end}", "year", False) if int(year_end) > int(year) else None
    return (year, "year", False) if year is not None else None


@lru_cache(maxsize=4096)
def date_key(iso: str) -> tuple:
    """Sort key for ISO partial dates and periods: years, halves, quarters, months and days in
    time order.

    (Cached: events and timelines ask for the same few dates over and over.)"""
    first = iso.split("/")[0]
    year = int(first[:4])
    if len(first) == 4:
        return (year, 0, 0, 0)
    if "Q" in first:
        quarter = int(first[-1])
        return (year, (quarter - 1) * 3 + 1, 0, 1)
    if "H" in first:  # (a half year, as the periods of figures write it: "2025-H1")
        return (year, 1 if first.endswith("1") else 7, 0, 1)
    month = int(first[5:7])
    day = int(first[8:10]) if len(first) >= 10 else 0
    return (year, month, day, 2)
