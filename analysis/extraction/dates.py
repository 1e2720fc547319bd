"""Date expressions → ISO partial dates ("2026-02-18", "1995-07", "2025-Q3", "2027").

A date is as precise as its text. A day or month written without a year takes the year of
the publication date (the latest such date not after it) or, without one, the latest year
the article writes; either way it is marked ``inferred``.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import NamedTuple

from ..matching.casefree import CaseFree, FirstOf, by_first_letter, lowered
from ..model import DateRecord, Problem

MONTHS_EN = {
    name: number
    for number, names in enumerate(
        [(), ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")]
    )
    for name in names
}
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

_D = r"(?:0?[1-9]|[12]\d|3[01])"
_M = r"(?:0?[1-9]|1[0-2])"
_Y = r"(?:1[89]\d\d|20\d\d|2100)"
_DASH = r"\s*[-–—]\s*"
_PART = (
    r"(?:rạng sáng|sáng sớm|sáng|trưa|chiều tối|chiều muộn|chiều|tối muộn|tối|đêm|khuya)"
    r"(?:\s+(?:hôm\s+)?(?:ngày|nay))?"
)
_DAY_LEAD = rf"(?:{_PART}|(?:vào\s+)?ngày|hôm)"
_MONTH_EN = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_NOT_NUMBER_AFTER = r"(?![\d,.]?\d)(?!\s*(?:%|tỷ|tỉ|triệu|usd))"

_DATE_FORMS = [
    rf"(?P<vi_long>(?:{_DAY_LEAD}\s+)?ngày\s+(?P<vl_d>{_D})\s+tháng\s+(?P<vl_m>{_M})(?:\s*(?:năm\s+|,\s*)(?P<vl_y>{_Y}))?)\b",
    rf"(?P<dmy>(?:{_DAY_LEAD}\s+)?(?<![\d/.,-])(?P<dmy_d>{_D})(?P<sep>[/.-])(?P<dmy_m>{_M})(?P=sep)(?P<dmy_y>{_Y})){_NOT_NUMBER_AFTER}",
    rf"(?P<dm_range>{_DAY_LEAD}\s+(?P<dr_d1>{_D}){_DASH}(?P<dr_d2>{_D})[/-](?P<dr_m>{_M})(?:[/-](?P<dr_y>{_Y}))?)(?![\d/])",
    rf"(?P<dm>{_DAY_LEAD}\s+(?P<dm_d>{_D})[/-](?P<dm_m>{_M}))(?![\d/,.]?\d)",
    rf"(?P<quarter>quý\s+(?P<q_n>iv|i{{1,3}}|[1-4])(?:\s*[/-]\s*|\s+năm\s+)(?P<q_y>{_Y}))\b",
    rf"(?P<vi_month>tháng\s+(?P<vm_m>{_M})(?:\s*[/-]\s*|\s+năm\s+)(?P<vm_y>{_Y}))\b",
    rf"(?P<paren_month>(?<=\()(?P<pm_m>{_M})/(?P<pm_y>{_Y})(?=\)))",
    rf"(?P<vi_month_alone>tháng\s+(?P<va_m>{_M}))(?![\d/,.-]|\s+năm\s+\d|\s*(?:đầu|cuối|qua|trước|nay|liên tiếp|\d))",
    rf"(?P<vi_year>năm\s+(?P<vy_y>{_Y}))(?![\d/]|[,.]\d)",
    rf"(?P<en_range>(?P<er_mon>{_MONTH_EN})\.?\s+(?P<er_d1>{_D})\s*[-–]\s*(?P<er_d2>{_D})(?:,?\s+(?P<er_y>{_Y}))?)\b",
    rf"(?P<en_mdy>(?P<em_mon>{_MONTH_EN})\.?\s+(?P<em_d>{_D})(?:st|nd|rd|th)?(?:,?\s+(?P<em_y>{_Y}))?)\b(?!\s*(?:%|billion|million))",
    rf"(?P<en_dmy>(?P<ed_d>{_D})(?:st|nd|rd|th)?\s+(?P<ed_mon>{_MONTH_EN})\.?(?:,?\s+(?P<ed_y>{_Y}))?)\b",
    rf"(?P<en_my>(?P<ey_mon>{_MONTH_EN})\.?,?\s+(?P<ey_y>{_Y}))\b",
    r"(?P<en_month_alone>(?:(?<=\bin\s)|(?<=\bof\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\bby\s)|(?<=\bduring\s))(?P<ema_mon>january|february|march|april|may|june|july|august|september|october|november|december))\b(?!\s*\d)",
    rf"(?P<en_quarter>(?:q(?P<eq_n>[1-4])\s*,?\s*|(?:the\s+)?(?P<eq_w>first|second|third|fourth)\s+quarter\s+of\s+)(?P<eq_y>{_Y}))\b",
    rf"(?P<en_year>(?:(?<=\bin\s)|(?<=\bsince\s)|(?<=\buntil\s)|(?<=\bby\s)|(?<=\bduring\s)|(?<=\bfrom\s)|(?<=\bthrough\s))(?P<eyr_y>{_Y}))\b(?![\d/]|[,.]\d)",
    r"(?P<same_day>\b(?:cùng ngày|cũng trong ngày|trong cùng ngày|the same day|on the same day|later that day)\b)",
]
# A date is tried where a word or a number begins. Three forms begin with their digits and
# "dd/mm/yyyy" may; every other form begins with a word. Each pattern keeps the forms in
# their order, so at any position it matches what the whole list would. Both match on the
# lower-cased text (see casefree): a month alone is only tried where "in February" is
# written with its capital.
_DIGITS_FIRST, _DIGITS_OR_WORD_FIRST = {"paren_month", "en_dmy", "en_year"}, {"dmy"}


def _form(pattern: str) -> str:
    return pattern[len("(?P<") : pattern.index(">")]


DATE_AT_DIGITS = CaseFree("|".join(f for f in _DATE_FORMS if _form(f) in _DIGITS_FIRST | _DIGITS_OR_WORD_FIRST))
DATE_AT_WORD = CaseFree("|".join(f for f in _DATE_FORMS if _form(f) not in _DIGITS_FIRST))
_WORD_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_ANY_YEAR = re.compile(rf"(?<![\d.,])({_Y})(?![\d,.]?\d)")


def _resolve_year(month: int, day: int | None, published: str | None, latest_year: int | None) -> int | None:
    if published:
        year = int(published[:4])
        pub_month = int(published[5:7]) if len(published) >= 7 else 12
        pub_day = int(published[8:10]) if len(published) >= 10 else 31
        if (month, day or 1) > (pub_month, pub_day):
            year -= 1
        return year
    return latest_year


def _valid(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


_PART_OF_DAY = re.compile(r"rạng sáng|sáng sớm|chiều tối|chiều muộn|tối muộn|sáng|trưa|chiều|tối|đêm|khuya", re.IGNORECASE)


def _part_of_day(text: str) -> str | None:
    match = _PART_OF_DAY.match(text)
    return match.group(0).lower() if match else None


_DIGITS = re.compile(r"\d\d*")  # (not "\d+": see articles._SENTENCE_END)
# "cùng ngày" and its kin, each phrase looked for only where it occurs, and at a word start
# (checked after the phrase, so that the engine searches for the phrase itself)
_SAME_DAY = FirstOf([(rf"{phrase}(?<!\w{phrase})\b", (phrase,))
                     for phrase in ("cùng ngày", "cũng trong ngày", "trong cùng ngày", "the same day", "on the same day", "later that day")])
# an English month alone ("in February"): the month found first, the word before it checked
_MONTH_NAME = re.compile(by_first_letter("January|February|March|April|May|June|July|August|September|October|November|December")
                         + r"\b(?!\s*\d)")
_MONTH_LEAD = re.compile(r"(?<!\w)(?:in|of|since|until|by|during)\s$")
_BEFORE = 40  # the most a date expression reaches before its first digits


_CUES = re.compile("|".join(["ngày", "tháng", "quý", "năm", "sáng", "trưa", "chiều", "tối", "đêm", "khuya", "hôm", r"\(", "in ", "since ",
                               "until ", "by ", "during ", "from ", "through ", "quarter of ", "q", *MONTHS_EN]))
_MONTH_AFTER = re.compile("|".join(MONTHS_EN))
# the words a date can begin with (besides its digits): part of day, "ngày", "tháng", months …
_FIRST_WORDS = ("rạng", "sáng", "trưa", "chiều", "tối", "đêm", "khuya", "vào", "ngày", "hôm", "quý", "tháng", "năm", "jan", "feb",
                "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "q", "the", "first", "second", "third", "fourth")

# such a word (a word start is checked afterwards: inside a word of letters no word starts, so
# the words found mid-word hide none that start one)
_DATE_START = CaseFree("|".join(_FIRST_WORDS))
_WORD_START_AFTER = "(\"“'"  # (and spaces)


def _may_be_date(text: str, low: str | None, start: int, end: int) -> bool:
    """A cheap test that the digits at ``start:end`` can be part of a date, before any regex.

    ``low`` is the text lower-cased (None when that changes its length)."""
    if text[end : end + 1] in ("/", "-", ".") and text[end + 1 : end + 2].isdigit():
        return True
    if low is None:  # (rare text: no shortcut, the pattern decides)
        return True
    return bool(_CUES.search(low, max(0, start - 25), start) or _MONTH_AFTER.search(low, end, end + 12))


def _date_word_starts(text: str, low: str | None, pos: int, endpos: int) -> list[int]:
    """Where a word that a date can begin with starts a word in ``text[pos:endpos]``."""
    words = _DATE_START.lower.finditer(low, pos, endpos) if low is not None else _DATE_START.finditer(text, pos, endpos)
    return [at for at in (m.start() for m in words) if at == 0 or text[at - 1].isspace() or text[at - 1] in _WORD_START_AFTER]


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
    """Matches of the date pattern, tried only where a date can begin.

    Every date form but "cùng ngày" holds a digit and begins at most ``_BEFORE`` characters
    before its first digits, at a word start: trying the pattern at those few places finds
    what a scan of the whole text finds, many times faster on long articles.

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
        starts = _date_word_starts(text, low, max(start, covered, first - _BEFORE), first)
        for position in starts + [first]:
            form = DATE_AT_WORD if position < first else DATE_AT_DIGITS
            match = form.lower.match(low, position, end) if low is not None else form.any_case.match(text, position, end)
            if match and match.lastgroup != "same_day" and match.end() > first:
                found.append(match)
                covered = match.end()
                break
    # the two forms without digits: "cùng ngày" and an English month alone ("in February")
    alone = [(match.start(), "same_day") for match in _SAME_DAY.finditer(text, start, end)]
    alone += [(match.start(), "en_month_alone") for match in _MONTH_NAME.finditer(text, start, end)
              if _MONTH_LEAD.search(text, max(start, match.start() - 7), match.start())]
    for at, group in alone:
        whole = DATE_AT_WORD.match(text, at, end)
        if whole and whole.lastgroup == group and not any(m.start() <= whole.start() < m.end() for m in found):
            found.append(whole)
    return tuple(sorted(found, key=lambda m: m.start()))


def find_dates(text: str, published: str | None = None, start: int = 0, end: int | None = None) -> list[DateRecord]:
    """Every date expression in ``text[start:end]``, in order."""
    end = len(text) if end is None else end
    latest_year = None
    if published is None:  # only then does a year-less date need the article's latest year
        years = [int(m.group(1)) for m in _ANY_YEAR.finditer(text)]
        latest_year = max(years) if years else None
    mentions: list[DateRecord] = []
    for match in _candidates(text, start, end):
        kind = match.lastgroup
        g = match.group  # (by name: a dictionary of the pattern's forty-odd groups costs more)
        mention_text = text[match.start(kind) : match.end(kind)]  # (the match is on lower-cased text)
        m_start = match.start(kind)
        date = None
        granularity = "day"
        inferred = False
        part = None
        if kind in ("vi_long", "dmy", "dm", "dm_range", "en_mdy", "en_dmy", "en_range"):
            if kind == "vi_long":
                day, month, year = int(g("vl_d")), int(g("vl_m")), g("vl_y")
            elif kind == "dmy":
                day, month, year = int(g("dmy_d")), int(g("dmy_m")), g("dmy_y")
            elif kind == "dm":
                day, month, year = int(g("dm_d")), int(g("dm_m")), None
            elif kind == "dm_range":
                day, month, year = int(g("dr_d1")), int(g("dr_m")), g("dr_y")
            elif kind == "en_range":
                day, month, year = int(g("er_d1")), MONTHS_EN[g("er_mon").lower().rstrip(".")], g("er_y")
            elif kind == "en_mdy":
                day, month, year = int(g("em_d")), MONTHS_EN[g("em_mon").lower().rstrip(".")], g("em_y")
            else:
                day, month, year = int(g("ed_d")), MONTHS_EN[g("ed_mon").lower().rstrip(".")], g("ed_y")
            if year is None:
                year = _resolve_year(month, day, published, latest_year)
                inferred = True
                if year is None:
                    continue
            year = int(year)
            if not _valid(year, month, day):
                continue
            date = f"{year:04d}-{month:02d}-{day:02d}"
            if kind in ("dm_range", "en_range"):
                day2 = int(g("dr_d2") or g("er_d2"))
                if not _valid(year, month, day2) or day2 <= day:
                    continue
                date = f"{date}/{year:04d}-{month:02d}-{day2:02d}"
            part = _part_of_day(mention_text)
        elif kind in ("vi_month", "paren_month", "en_my", "vi_month_alone", "en_month_alone"):
            if kind == "vi_month":
                month, year = int(g("vm_m")), int(g("vm_y"))
            elif kind == "paren_month":
                month, year = int(g("pm_m")), int(g("pm_y"))
            elif kind == "en_my":
                month, year = MONTHS_EN[g("ey_mon").lower().rstrip(".")], int(g("ey_y"))
            else:
                month = int(g("va_m")) if g("va_m") else MONTHS_EN[g("ema_mon").lower()]
                year = _resolve_year(month, None, published, latest_year)
                inferred = True
                if year is None:
                    continue
            date, granularity = f"{year:04d}-{month:02d}", "month"
        elif kind in ("quarter", "en_quarter"):
            if kind == "quarter":
                number = g("q_n")
                quarter = ROMAN[number.lower()] if number.isalpha() else int(number)
                year = int(g("q_y"))
            else:
                quarter = int(g("eq_n")) if g("eq_n") else _WORD_ORDINAL[g("eq_w").lower()]
                year = int(g("eq_y"))
            date, granularity = f"{year:04d}-Q{quarter}", "quarter"
        elif kind in ("vi_year", "en_year"):
            date, granularity = g("vy_y") if kind == "vi_year" else g("eyr_y"), "year"
        elif kind == "same_day":
            days = [m for m in mentions if m.granularity == "day"]
            if not days:
                continue
            last = days[-1]
            date, granularity, inferred = last.date.split("/")[0], "day", True
        if date is None:
            continue
        mentions.append(DateRecord("", mention_text, m_start, m_start + len(mention_text), date, granularity, inferred, "", part))
    return mentions


def article_dates(article) -> list[DateRecord]:
    """The article's date mentions, found once and kept with the article (figures, events and
    ``vnus dates`` all need them)."""
    cached = article.cache.get("dates")
    if cached is None:
        cached = article.cache["dates"] = find_dates(article.text, publication(article).date)
    return cached


class Publication(NamedTuple):
    """When an article was published, and how that is known: ``header``, ``given``, or
    "inferred from …" (``date`` None when nothing tells)."""

    date: str | None
    source: str


def publication(article) -> Publication:
    """The publication date of an article: the one it states, else the one its text implies
    (worked out once and kept with the article)."""
    cached = article.cache.get("publication")
    if cached is None:
        if article.published:
            cached = Publication(article.published, article.published_from)
        else:
            cached = Publication(*infer_publication_date(article.text, article.sentences, article.language))
        article.cache["publication"] = cached
    return cached


def publication_notes(article) -> list[Problem]:
    """What a reader of the article should be told about its publication date: inferred, or
    unknown (then years left unwritten cannot be resolved)."""
    if article.published:
        return []
    found = publication(article)
    if found.date is None:
        return [Problem(article.name, "no publication date: no date header and no date in the text", "warning")]
    return [Problem(article.name, f"no date header; publication date {found.date} {found.source}", "info")]


def infer_publication_date(text: str, sentences, language: str) -> tuple[str | None, str]:
    """A publication date for an article without a date header, and what it was inferred from.

    The latest day-precise date the article writes is the best evidence that the text was
    published no earlier than that day.
    """
    mentions = [m for m in find_dates(text) if m.granularity == "day" and m.text.lower() not in ("cùng ngày",)]
    if not mentions:
        return None, "none"
    latest = max(mentions, key=lambda m: m.date.split("/")[-1])
    iso = latest.date.split("/")[-1]
    how = "year inferred from the latest year in the text" if latest.inferred else "as written"
    return iso, f"inferred from the latest date in the text, '{latest.text}' ({how})"


@lru_cache(maxsize=4096)
def date_key(iso: str) -> tuple:
    """Sort key for ISO partial dates: years, quarters, months and days in time order.

    (Cached: events and timelines ask for the same few dates over and over.)"""
    first = iso.split("/")[0]
    year = int(first[:4])
    if len(first) == 4:
        return (year, 0, 0, 0)
    if "Q" in first:
        quarter = int(first[-1])
        return (year, (quarter - 1) * 3 + 1, 0, 1)
    month = int(first[5:7])
    day = int(first[8:10]) if len(first) >= 10 else 0
    return (year, month, day, 2)


def extract_dates(article) -> list[DateRecord]:
    """Every date expression of the article, the header's included, with its sentence."""
    records = []
    header = next((b for b in article.blocks if b.kind == "header"), None)
    if header is not None:
        match = re.search(r"\d{4}-\d{2}-\d{2}", article.text[header.start : header.end])
        if match:
            start = header.start + match.start()
            records.append(DateRecord(article.name, match.group(0), start, start + 10, match.group(0), "day", False, article.text[header.start : header.end]))
    for mention in article_dates(article):
        sentence = article.sentence_at(mention.start)
        records.append(mention._replace(article=article.name, sentence=sentence.text if sentence else ""))
    return records
