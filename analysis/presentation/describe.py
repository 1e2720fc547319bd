"""What a rank ranks, in words, from its sentence: "US: 11th-largest investor in Vietnam (of 108)"."""

from __future__ import annotations

import re
from functools import lru_cache

from ..extraction.figures import _US, _VN
from ..model import Figure
from ..reading.article import Article


def _rx(pattern: str) -> re.Pattern:
    """A pattern of trade news as written, ignoring case (for the descriptions of ranks, which
    quote the words they match)."""
    return re.compile(pattern.replace("{VN}", _VN).replace("{US}", _US), re.IGNORECASE)


@lru_cache(maxsize=1)
def _rank_words() -> tuple[list, re.Pattern, re.Pattern]:
    """The patterns that describe a rank, compiled when a rank is first described (the
    command line reading figures never needs them)."""
    ranked_nouns = [
        (_rx(r"thị trường xuất khẩu|export market"), "export market", "thị trường xuất khẩu"),
        (_rx(r"thị trường nhập khẩu|import market|nguồn nhập khẩu"), "import source", "nguồn nhập khẩu"),
        (_rx(r"đối tác thương mại|trading partner|trade partner"), "trading partner", "đối tác thương mại"),
        (_rx(r"nhận đầu tư|điểm đến đầu tư|investment destination|destination"), "destination of investment", "điểm đến đầu tư"),
        (_rx(r"nhà đầu tư|investor"), "investor", "nhà đầu tư"),
    ]
    subject = _rx(r"(?P<who>{US}|{VN})\s+(?:(?!và\b|and\b)\w+\s+){0,2}(?:là|đứng|xếp|is|was|remains|ranks|ranked)\b")
    scope = _rx(r"^[^.;,]{0,30}?(?:(?:của|of)\s+(?:the\s+)?(?P<of>{US}|{VN})|(?:ở khu vực|trong khu vực|in)\s+(?P<region>ASEAN|châu Á|Asia|EU))")
    return ranked_nouns, subject, scope


def describe_rank(figure: Figure, article: Article, language: str = "en") -> str:
    """What a rank ranks, from the words of its sentence: "US: 11th-largest investor in Vietnam (of 108)"."""
    sentence = figure.sentence
    found = article.sentence_at(figure.start)
    at = figure.start - found.start if found else sentence.find(figure.text)
    before, after = sentence[max(0, at - 70) : at], sentence[at + len(figure.text) : at + len(figure.text) + 70]
    noun = None
    best = None
    ranked_nouns, rank_subject, rank_scope = _rank_words()
    for pattern, english, vietnamese in ranked_nouns:
        for match in pattern.finditer(before + "\x00" + after):
            distance = abs(match.start() - len(before))
            if best is None or distance < best:
                best, noun = distance, (english, vietnamese)
    subjects = list(rank_subject.finditer(sentence[:at]))
    who = subjects[-1].group("who") if subjects else None
    en = language == "en"
    country = {"mỹ": ("US", "Mỹ"), "hoa kỳ": ("US", "Mỹ")}.get((who or "").lower(), ("Vietnam", "Việt Nam") if who else None)
    scope = rank_scope.search(after)
    n = int(figure.value)
    if en:
        place = "largest" if n == 1 else f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}-largest"
        label = f"{place} {noun[0]}" if noun else place
    else:
        place = "lớn nhất" if n == 1 else f"lớn thứ {n}"
        label = f"{noun[1]} {place}" if noun else place
    if scope and scope.group("of"):
        partner = "the US" if scope.group("of").lower() in ("mỹ", "hoa kỳ", "us", "u.s.", "united states", "america") else "Vietnam"
        label += f" of {partner}" if en else f" của {'Mỹ' if partner == 'the US' else 'Việt Nam'}"
    elif scope and scope.group("region"):
        label += f" in {scope.group('region')}" if en else f" ở {scope.group('region')}"
    # the US ranked among investors invests in Vietnam; among destinations, receives Vietnam's
    elif country and country[0] == "US" and noun and noun[0] == "investor":
        label += " in Vietnam" if en else " tại Việt Nam"
    elif country and country[0] == "US" and noun and noun[0].startswith("destination"):
        label += " from Vietnam" if en else " của Việt Nam"
    if figure.out_of:
        label += f" (of {figure.out_of})" if en else f" (trên {figure.out_of})"
    return f"{country[0 if en else 1]}: {label}" if country else label
