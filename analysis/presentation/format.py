"""Amounts, dates, periods, ordinals and sources written the reader's way, in English or
Vietnamese: "$15.8 bn" / "15,8 tỷ USD", "On 19 February 2026" / "Ngày 19/2/2026"."""

from __future__ import annotations

from datetime import date as _date
from decimal import Decimal

from ..extraction.actors import translate_place
from ..extraction.publication import publication

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
ORDINAL_QUARTER = {1: "first", 2: "second", 3: "third", 4: "fourth"}


# --------------------------------------------------------------------------- formatting


def place_name(place: str, language: str = "en") -> str:
    """A place as the reader's language names it: "Hà Nội" → "Hanoi" in English."""
    return translate_place(place) if language == "en" else place


def format_amount(value: Decimal, unit: str, language: str = "en", qualifier: str | None = None) -> str:
    """A figure as a reader writes it: "$15.8 bn" (en) or "15,8 tỷ USD" (vi)."""
    value = Decimal(value)
    if unit == "percent":
        text = _decimal(abs(value), language) + "%"
    elif unit in ("USD", "VND"):
        scales = [(12, "tn", "nghìn tỷ"), (9, "bn", "tỷ"), (6, "m", "triệu")]
        exponent, en_word, vi_word = next(((e, w, v) for e, w, v in scales if abs(value) >= Decimal(10) ** e), (0, "", ""))
        number = _decimal(abs(value).scaleb(-exponent), language)
        if language == "vi":
            text = f"{number} {vi_word} {unit}".replace("  ", " ")
        else:
            text = (f"${number} {en_word}" if unit == "USD" else f"{number} {en_word} VND").replace("  ", " ").strip()
    else:
        text = _decimal(abs(value), language, group=True)
    marks = {"en": {"approx": "about ", "under": "nearly ", "over": "over ", "at_least": "at least ", "at_most": "up to "},
             "vi": {"approx": "khoảng ", "under": "gần ", "over": "trên ", "at_least": "ít nhất ", "at_most": "tối đa "}}
    return marks[language].get(qualifier or "", "") + text


def _decimal(value: Decimal, language: str, group: bool = False) -> str:
    text = format(value.normalize(), "f")
    whole, _, fraction = text.partition(".")
    if group:
        whole = f"{int(whole):,}"
        if language == "vi":
            whole = whole.replace(",", ".")
    if not fraction:
        return whole
    return f"{whole},{fraction}" if language == "vi" else f"{whole}.{fraction}"


def format_date(iso: str, language: str = "en", lead: bool = True) -> str:
    """"2026-02-19" → "On 19 February 2026" / "Ngày 19/2/2026"; months, quarters, years alike."""
    first = iso.split("/")[0]
    year = first[:4]
    if "Q" in first:
        q = int(first[-1])
        return (f"In the {ORDINAL_QUARTER[q]} quarter of {year}" if lead else f"the {ORDINAL_QUARTER[q]} quarter of {year}") if language == "en" else f"Quý {'I II III IV'.split()[q - 1]}/{year}"
    if len(first) == 4:
        return (f"In {year}" if lead else year) if language == "en" else f"Năm {year}"
    month = int(first[5:7])
    if len(first) == 7 and "/" in iso:  # months of a year: "2025-01/2025-06"
        last = int(iso.split("/")[1][5:7])
        if language == "en":
            text = f"{MONTHS[month - 1]} to {MONTHS[last - 1]} {year}"
            return f"From {text}" if lead else text
        return f"Từ tháng {month} đến tháng {last}/{year}"
    if len(first) == 7:
        return (f"In {MONTHS[month - 1]} {year}" if lead else f"{MONTHS[month - 1]} {year}") if language == "en" else f"Tháng {month}/{year}"
    day = int(first[8:10])
    if "/" in iso:
        last = _date.fromisoformat(iso.split("/")[1])
        return f"From {day} to {last.day} {MONTHS[month - 1]} {year}" if language == "en" else f"Từ ngày {day} đến {last.day}/{month}/{year}"
    return (f"On {day} {MONTHS[month - 1]} {year}" if lead else f"{day} {MONTHS[month - 1]} {year}") if language == "en" else f"Ngày {day}/{month}/{year}"


def period_label(period: str, language: str) -> str:
    if "/" in period and len(period) > 10:
        a, b = period.split("/")
        return f"{format_date(a, language, lead=False)} – {format_date(b, language, lead=False)}" if language == "en" else f"{int(a[5:7])}–{int(b[5:7])}/{b[:4]}"
    if period.endswith(("H1", "H2")):
        return (f"{'first' if period.endswith('1') else 'second'} half of {period[:4]}" if language == "en"
                else f"{'6 tháng đầu' if period.endswith('1') else '6 tháng cuối'} năm {period[:4]}")
    text = format_date(period, language, lead=False)
    return text if language == "en" else text[0].lower() + text[1:]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def source_label(article) -> str:
    """How charts and tables cite an article: outlet, publication date and file."""
    published = publication(article)
    # (a date the article does not state is marked as inferred: it is a lower bound at best)
    when = published.date and (published.date if published.source in ("header", "given") else f"{published.date} (inferred)")
    parts = [p for p in (article.outlet, when) if p]
    return ", ".join(parts + [article.name])
