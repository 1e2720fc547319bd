"""When each article was published, and the dates it writes.

A date header says when; without one, the latest day the text writes. A day written without its
year takes the latest year the text writes, or the year after when the text reports the whole of
that year (a report of a year's trade is written after it). The dates of an article are then
read once against that date and kept with it.
"""

from __future__ import annotations

import datetime
import re
from typing import NamedTuple

from .. import lang
from ..matching.casefree import CaseFree
from ..model import DateRecord, Problem
from .dates import find_dates
from .numbers import Amount, find_amounts
from .periods import find_periods

# what says a sentence's figures are not yet done: a target, a plan, a forecast
_PLANNED = CaseFree("|".join(filter(None, [lang.whole_words("periods.targets"), *lang.words("events.future")])) or "(?!)")


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


def _a_year_later(text: str, sentences, language: str, guess: str) -> str | None:
    """A day written without its year takes the latest year the text writes (``guess``); but an
    article that reports the whole of that year as done, in money ("In 2023, exports reached $97
    billion"), was written after it: the day of the year after, or None. (Not from a target or a
    forecast, and not in December, when the year's estimates are published.)"""
    later = f"{int(guess[:4]) + 1}{guess[4:]}"
    if guess[5:7] == "12" or not _valid_day(later) or not _reports_whole_year(text, sentences, language, guess):
        return None
    return later


def _valid_day(iso: str) -> bool:
    try:
        datetime.date.fromisoformat(iso)
    except ValueError:
        return False
    return True


def _reports_whole_year(text: str, sentences, language: str, published: str) -> bool:
    """Whether a sentence states an amount of money and, as its period, the whole of the year
    of ``published``, and no target or plan."""
    year = published[:4]
    for sentence in sentences:
        if not sentence.is_prose or year not in sentence.text:
            continue
        if not any(m.period == year for m in find_periods(text, sentence.start, sentence.end, published)):
            continue
        if _PLANNED.search(text, sentence.start, sentence.end):
            continue
        if any(isinstance(amount, Amount) and amount.unit in ("USD", "VND")
               for _, amount in find_amounts(text, sentence.start, sentence.end, language)):
            return True
    return False


def publication_notes(article) -> list[Problem]:
    """What a reader of the article should be told about its publication date: inferred, or
    unknown (then years left unwritten cannot be resolved)."""
    if article.published:
        return []
    found = publication(article)
    if found.date is None:
        return [Problem(article.name, "no publication date: no date header and no day written in the text "
                                      "(a date without its year, and 'last year', are left unresolved)", "warning")]
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
    source = f"inferred from the latest date in the text, '{latest.text}' ({'year inferred from the latest year in the text' if latest.inferred else 'as written'})"
    later = _a_year_later(text, sentences, language, iso) if latest.inferred else None
    if later is not None:
        return later, f"{source}; of {later[:4]}: the text reports the whole of {iso[:4]}"
    return iso, source


def extract_dates(article) -> list[DateRecord]:
    """Every date expression of the article, the header's included, with its sentence."""
    records = []
    header = next((b for b in article.blocks if b.kind == "header"), None)
    if header is not None:
        match = re.search(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", article.text[header.start : header.end])
        if match:
            start = header.start + match.start()
            granularity = {4: "year", 7: "month", 10: "day"}[len(match.group(0))]
            records.append(DateRecord(article.name, match.group(0), start, start + len(match.group(0)), match.group(0), granularity, False,
                                      article.text[header.start : header.end]))
    for mention in article_dates(article):
        sentence = article.sentence_at(mention.start)
        records.append(DateRecord(article.name, mention.text, mention.start, mention.end, mention.date, mention.granularity,
                                  mention.inferred, sentence.text if sentence else "", mention.part_of_day))
    return records
