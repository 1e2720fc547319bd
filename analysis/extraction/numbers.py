"""One written quantity → an exact value: "gần 1,3 tỷ USD" → 1.3E+9 USD, qualifier ``under``.

Digit strings are parsed with Babel's locale data, Vietnamese conventions first in a
Vietnamese article and English ones first in an English article; the other convention is
tried for the real-world mixtures ("24.1 tỉ" in a Vietnamese text). A string that fits
neither raises :class:`MalformedNumber`: no figure is better than a wrong one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from babel import Locale
from babel.numbers import NumberFormatError, parse_decimal

from .. import lang
from ..errors import MalformedNumber
from ..matching.casefree import FirstOf

SCALES = {" ".join(word.lower().split()): exponent for word, exponent in lang.mapping("numbers.scales").items()}
SHORT_SCALES = {word.lower(): exponent for word, exponent in lang.mapping("numbers.short_scales").items()}
CURRENCY_WORDS = {" ".join(word.lower().split()): code for code, words in lang.mapping("numbers.currencies").items() for word in words}
PERCENT_WORDS = tuple(" ".join(word.lower().split()) for word in lang.words("numbers.percent"))
PROJECT_WORDS = tuple(" ".join(word.lower().split()) for word in lang.words("numbers.projects"))
QUALIFIERS = {kind: lang.alternation(words) for kind, words in lang.mapping("numbers.qualifiers").items()}


def _unit_words() -> str:
    """The words a unit is written with after a number, each followed by what it must not be
    followed by ("đồng nghiệp" is no currency)."""
    not_after = {word.lower(): lang.alternation(following) for word, following in lang.mapping("numbers.not_currency_after").items()}
    phrases = sorted({*PERCENT_WORDS, *CURRENCY_WORDS, *PROJECT_WORDS}, key=lambda p: (-len(p), p))
    return "|".join(lang.alternation([phrase]) + (rf"(?!\s+(?:{not_after[phrase]}))" if phrase in not_after else "") for phrase in phrases)


_NUM = r"\d(?:[\d.,]*\d)?"
_SIGNS = {word.lower(): code for word, code in lang.mapping("numbers.currency_signs").items()}
# a sign is written with or without a space before its number: "$5", "$ 5", "USD 5", "USD5"
_SIGN_RX = "|".join(re.escape(sign) + r"\s?" for sign in sorted(_SIGNS, key=lambda w: (-len(w), w)))
_NOT_BEFORE = r"[\w.,/\-]"  # a number glued to a word or another number is not an amount
_RANGE_WORD = rf"[-–—]|{lang.alternation(lang.words('numbers.range_words'))}"
_RANGE_SIGN = "|".join(re.escape(s) for s in _SIGNS if not s[-1].isalpha())
_SCALE = rf"(?:{lang.alternation(SCALES)})\b"
_AFTER_NUMBER = (
    rf"(?:\s*(?P<rdash>{_RANGE_WORD})\s*(?:{_RANGE_SIGN})?(?P<num2>{_NUM}))?"
    rf"(?:\s*(?P<scale>{_SCALE})|(?P<short>{'|'.join(sorted(SHORT_SCALES, key=lambda w: (-len(w), w)))})\b)?"
    # a range whose two ends are written in full: "US$15 billion to US$17 billion"
    rf"(?:\s*(?P<rdash3>{_RANGE_WORD})\s*(?:{_RANGE_SIGN})(?P<num3>{_NUM})\s*(?P<scale3>{_SCALE}))?"
    rf"(?:\s*(?P<unit>{_unit_words()})(?=\W|$))?"
)
_QUALIFIER_AFTER = re.compile(r"\s*(?:" + "|".join(f"(?P<{k}>{lang.alternation(v)})" for k, v in lang.mapping("numbers.qualifiers_after").items())
                              + r")(?!\w)", re.IGNORECASE)
_RANGE_BREAKER = re.compile(rf"(?:^|\W)(?:{lang.alternation(lang.words('numbers.range_breakers'))})\s*$", re.IGNORECASE) if lang.words("numbers.range_breakers") else None
# An amount starts at its currency sign ("US$", "$", "USD ") or at its first digit; the two
# forms are scanned apart, so that each opens with what it starts with (see casefree.FirstOf)
AMOUNT = FirstOf([
    rf"(?<!{_NOT_BEFORE})(?P<pre>{_SIGN_RX})(?P<num>{_NUM}){_AFTER_NUMBER}",
    rf"(?<!{_NOT_BEFORE})(?P<num>{_NUM}){_AFTER_NUMBER}",
])
_FILLERS = lang.alternation(lang.words("numbers.qualifier_fillers"))
_QUALIFIER = re.compile(
    r"(?:^|\W)(?P<q>" + "|".join(f"(?P<{k}>{v})" for k, v in QUALIFIERS.items()) + rf")\s*(?:(?:{_FILLERS})\s+)?$",
    re.IGNORECASE,
)


class Amount(NamedTuple):
    """A number as written: value with its scale, unit, qualifier and exact span."""

    value: Decimal
    value_high: Decimal | None
    unit: str | None
    qualifier: str | None
    text: str
    start: int
    end: int
    scaled: bool


@lru_cache(maxsize=2)
def _locale(identifier: str) -> Locale:
    """Babel's locale, parsed once (Babel would parse the identifier on every call)."""
    return Locale.parse(identifier)


#: The most digits a figure's number has (a trade total in đồng has about 16): a longer run is
#: an identifier, a hash or garbage, skipped with a warning.
MAX_DIGITS = 24


@lru_cache(maxsize=1024)
def parse_number(token: str, language: str = "vi", whole: bool = False) -> Decimal:
    """Parse a digit string by the article's convention, then the other one.

    ``whole`` says the quantity counts things (projects): a reading with a fraction is
    rejected, so "1,409 dự án" is 1409 even in a Vietnamese text.

    (Cached: the same numbers recur through a corpus, and Babel's parsing is slow. A
    Decimal is immutable, so callers may share one.)
    """
    if sum(c.isdigit() for c in token) > MAX_DIGITS:
        raise MalformedNumber(f"number of {sum(c.isdigit() for c in token)} digits {token[:20]!r}…: too long to be a figure")
    if token.isascii() and token.isdigit():
        return Decimal(token)  # plain digits read the same in every convention (Babel agrees: tested)
    order = ("vi", "en") if language == "vi" else ("en", "vi")
    for locale in order:
        try:
            value = parse_decimal(token, locale=_locale(locale), strict=True)
        except (NumberFormatError, InvalidOperation):
            continue
        if whole and value != value.to_integral_value():
            continue
        return value
    raise MalformedNumber(f"malformed number {token!r}")


def scale_value(value: Decimal, exponent: int) -> Decimal:
    """Multiply by a power of ten keeping the precision written (15,8 tỷ → 1.58E+10)."""
    return value.scaleb(exponent) if exponent else value


def unit_of(word: str | None, prefix: str | None) -> str | None:
    """The unit of an amount: its currency sign's ("US$", "VND"), else the word after it."""
    if prefix:
        return _SIGNS[prefix.strip().lower()]
    if not word:
        return None
    lowered = " ".join(word.lower().split())
    if lowered in PERCENT_WORDS:
        return "percent"
    if lowered.startswith(PROJECT_WORDS):
        return "projects"
    return CURRENCY_WORDS.get(lowered)


# a qualifier ends its window, save spaces and "mức"/"mốc"/"con số" (a test before the pattern)
_QUALIFIER_ENDS = tuple({" ".join(w.lower().split()) for words in lang.mapping("numbers.qualifiers").values() for w in words}
                        | {" ".join(w.lower().split()) for w in lang.words("numbers.qualifier_fillers")})


def qualifier_before(text: str, start: int) -> str | None:
    """The qualifier word right before ``start`` ("khoảng", "gần", "more than" …), if any."""
    window = text[max(0, start - 30) : start]
    if not window.lower().rstrip().endswith(_QUALIFIER_ENDS):
        return None
    match = _QUALIFIER.search(window)
    if not match:
        return None
    return next(key for key in QUALIFIERS if match.group(key))


_PER_UNIT = re.compile(r"\s*/\s*[^\W\d]")  # "đồng/USD", "USD/kg": a rate or a price


# a number written with an exponent ("1E+308", "1e3"), and thousands grouped with spaces
# before a unit ("13 900 triệu USD", "$13 900 million"): either, read digit run by digit run,
# would give another number
_EXPONENT = re.compile(r"[eE][+\-]?\d+")
_GROUPED = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]\d)")
_UNIT_AHEAD = re.compile(rf"\s*(?:{_SCALE}|(?:{'|'.join(sorted(SHORT_SCALES, key=lambda w: (-len(w), w)))})\b|(?:{_unit_words()})(?=\W|$))",
                         re.IGNORECASE)


def _written_oddly(text: str, start: int, end: int) -> tuple[int, str] | None:
    """Where to read on, and why, when the number at ``text[start:end]`` is written in a way
    that cannot be read digit run by digit run; None when it can."""
    exponent = _EXPONENT.match(text, end)
    if exponent:
        return exponent.end(), f"number in exponent notation {text[start:exponent.end()]!r}"
    grouped = _GROUPED.match(text, start)
    if grouped and _UNIT_AHEAD.match(text, grouped.end()):
        return grouped.end(), f"thousands grouped with spaces {text[start:grouped.end()]!r}"
    return None


def find_amounts(text: str, start: int, end: int, language: str, skip: list[tuple[int, int]] = ()):
    """Yield ``(match, Amount | MalformedNumber)`` for each number written in ``text[start:end]``.

    Numbers inside the ``skip`` spans (dates, ranks) are passed over. Amounts without a unit
    are returned too (``unit`` None): the caller decides whether a following noun makes them
    a count. Two amounts written as a range by the words around them ("between $8 billion and
    $9 billion", ``numbers.range_pairs``) are one, from the first to the second.
    """
    held = None  # an amount after "between", until the next tells whether it ends a range
    for match, amount in _amounts(text, start, end, language, skip):
        if held is not None:
            first_match, first = held
            held = None
            joined = isinstance(amount, Amount) and _RANGE_AND.fullmatch(text, first.end, amount.start)
            if joined and amount.value_high is None and amount.unit == first.unit and first.scaled == amount.scaled and amount.value > first.value:
                yield first_match, first._replace(value_high=amount.value, text=text[first.start : amount.end], end=amount.end,
                                                  qualifier=first.qualifier or amount.qualifier)
                continue
            yield first_match, first
        if isinstance(amount, Amount) and amount.value_high is None and _RANGE_LEAD is not None \
                and _RANGE_LEAD.search(text, max(start, amount.start - 12), amount.start):
            held = match, amount
            continue
        yield match, amount
    if held is not None:
        yield held


_PAIRS = lang.mapping("numbers.range_pairs")
_RANGE_LEAD = re.compile(rf"(?:^|\W)(?:{lang.alternation(_PAIRS)})\s+$", re.IGNORECASE) if _PAIRS else None
_RANGE_AND = re.compile(rf"\s+(?:{lang.alternation(set(_PAIRS.values()))})\s+", re.IGNORECASE) if _PAIRS else re.compile("(?!)")


def _amounts(text: str, start: int, end: int, language: str, skip: list[tuple[int, int]] = ()):
    """The amounts of :func:`find_amounts`, each as it is written."""
    spans = sorted(skip)
    starts = [a for a, _ in spans]
    pos = start
    while pos < end:
        match = next(AMOUNT.finditer(text, pos, end), None)
        if match is None:
            return
        at = bisect_right(starts, match.start("num")) - 1
        if at >= 0 and match.start("num") < spans[at][1]:
            # a number of a date or a rank: read on after it ("in 2012 to US$123 billion" holds
            # an amount after the year)
            pos = max(spans[at][1], match.start("num") + 1)
            continue
        pos = match.end()
        trap = _written_oddly(text, match.start("num"), match.end("num"))
        if trap is not None:  # (read as it is written, it would be another number: never guessed)
            pos, reason = trap
            yield match, MalformedNumber(reason)
            continue
        unit_word = match.group("unit")
        prefix = match.group("pre") if "pre" in match.re.groupindex else None  # (a form without a sign has none)
        unit = unit_of(unit_word, prefix)
        scale = match.group("scale") or (match.group("short") if prefix else None)
        m_end = match.end()
        if match.group("short") and not prefix:
            m_end = match.end("num2") if match.group("num2") else match.end("num")
        if not scale and not unit and match.group("num2"):
            # "17-20" without a unit is no range of figures ("ngày 24-26" is handled as a date)
            m_end = match.end("num")
        num2 = match.group("num2")
        if match.group("num3") and not num2 and " ".join(match.group("scale3").lower().split()) == " ".join((scale or "").lower().split()):
            num2 = match.group("num3")  # "US$15 billion to US$17 billion"
        elif match.group("num3"):
            m_end = match.start("rdash3")
        if (num2 or match.group("num3")) and _RANGE_BREAKER and _RANGE_BREAKER.search(text, max(0, match.start() - 10), match.start()):
            # "from US$1,950 to US$4,160": a change from one figure to another, not a range; the
            # first figure keeps only what is written with it, and the second is read next
            if match.group("num2"):
                m_end, scale, unit = match.end("num"), None, unit_of(None, prefix)
            else:
                m_end = match.end("scale") if match.group("scale") else match.end("num")
                unit = unit_of(None, prefix)
            num2 = None
            pos = m_end
        try:
            whole = unit == "projects" or (unit is None and not scale)
            value = parse_number(match.group("num"), language, whole)
            high = parse_number(num2, language, whole) if num2 and m_end > match.end("num") else None
        except MalformedNumber as error:
            yield match, error
            continue
        if unit in ("USD", "VND") and _PER_UNIT.match(text, m_end, m_end + 4):
            continue  # a rate or a price ("25.400 đồng/USD", "3 USD/kg"), not an amount
        exponent = ({**SCALES, **SHORT_SCALES}[" ".join(scale.lower().split())]) if scale else 0
        value = scale_value(value, exponent)
        if high is not None:
            high = scale_value(high, exponent)
            if high <= value:
                high = None
                m_end = match.end("num")
                unit = None
        text_start = match.start()
        written = text[text_start:m_end].rstrip()
        after = _QUALIFIER_AFTER.match(text, text_start + len(written))
        qualifier = next(k for k, v in after.groupdict().items() if v) if after else qualifier_before(text, text_start)
        yield match, Amount(
            value=value,
            value_high=high,
            unit=unit,
            qualifier=qualifier,
            text=written,
            start=text_start,
            end=text_start + len(written),
            scaled=bool(scale),
        )


_MULTIPLIERS = {w.lower(): n for w, n in lang.mapping("numbers.bare_scale_multipliers").items()}
_BARE_SCALE = re.compile(
    rf"(?<![\w.,])(?:(?P<mult>{lang.alternation(_MULTIPLIERS) or '(?!)'})\s+)?(?P<scale>{lang.alternation(SCALES)})\s+(?P<unit>{lang.alternation([w for w, c in CURRENCY_WORDS.items()])})(?!\w)",
    re.IGNORECASE)
_VAGUE_BEFORE = re.compile(rf"(?:^|\W)(?:{lang.alternation(lang.words('numbers.vague_before')) or '(?!)'})\s+$", re.IGNORECASE)
_NUMBER_BEFORE = re.compile(r"\d[\d.,]*\s*$")
# the noun a bare scale qualifies, with a word or two between ("nhóm hàng xuất khẩu tỷ USD");
# without one, a scale alone is a number lost ("xuất siêu đạt tỷ USD"), never a figure
_BARE_SCALE_NOUN = re.compile(rf"(?:^|\W)(?:{lang.alternation(lang.words('numbers.bare_scale_nouns')) or '(?!)'})(?:\s+[^\W\d]+){{0,2}}\s+$",
                              re.IGNORECASE)


def find_bare_scales(text: str, start: int, end: int):
    """Amounts written as a scale and a currency without a number, after the noun they qualify:
    "nhóm hàng tỷ USD" is a group of at least a billion dollars, "mốc trăm tỷ USD" at least a
    hundred billion. A vague word before ("hàng tỷ USD", billions), or no noun, makes it no figure."""
    for match in _BARE_SCALE.finditer(text, start, end):
        if _NUMBER_BEFORE.search(text, max(0, match.start() - 20), match.start()) or _VAGUE_BEFORE.search(text, max(0, match.start() - 15), match.start()):
            continue
        if not _BARE_SCALE_NOUN.search(text, max(0, match.start() - 40), match.start()):
            continue
        multiplier = _MULTIPLIERS.get((match.group("mult") or "").lower(), 1)
        value = scale_value(Decimal(multiplier), SCALES[" ".join(match.group("scale").lower().split())])
        unit = CURRENCY_WORDS[" ".join(match.group("unit").lower().split())]
        yield Amount(value, None, unit, "at_least", match.group(), match.start(), match.end(), True)


def precision(value: Decimal) -> Decimal:
    """Half a unit of the last digit written: the tolerance of a stated figure."""
    return Decimal(5).scaleb(value.as_tuple().exponent - 1)
