"""What a rank ranks, in words, from its sentence: "US: 11th-largest investor in Vietnam (of 108)".

A rank is told by who is ranked (the country before "là", "is", "ranks" …), by what measure
(the words beside it: "thị trường xuất khẩu", "trading partner"), among whom ("của Mỹ", "in
ASEAN") and out of how many. The words are the languages' (``describe`` in the tables); a rank
whose subject or measure its sentence does not tell has no description (:func:`rank_parts`
gives None), and the charts leave it to the table.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .. import lang
from ..extraction.figures import _US, _VN
from ..model import Figure
from ..reading.article import Article


class RankParts(NamedTuple):
    """Who is ranked ("US", "VN"), by which measure (a key of ``describe.rank_measures``),
    among whom: a country's partners ("US", "VN") or a region ("ASEAN"), and the total."""

    who: str
    measure: str
    of: str | None
    region: str | None
    out_of: int | None


def _rx(pattern: str) -> re.Pattern:
    """A pattern of trade news as written, ignoring case ({VN} and {US}: the two countries)."""
    return re.compile(pattern.replace("{VN}", _VN).replace("{US}", _US), re.IGNORECASE)


@lru_cache(maxsize=1)
def _rank_words() -> tuple[list[tuple[str, re.Pattern]], re.Pattern, re.Pattern, re.Pattern]:
    """The patterns that tell a rank, compiled when a rank is first described."""
    measures = [(kind, _rx(lang.alternation(words))) for kind, words in lang.mapping("describe.rank_measures").items()]
    verbs, of, among, regions = (lang.alternation(lang.words(f"describe.{key}")) for key in ("rank_verbs", "rank_of", "rank_in", "regions"))
    subject = _rx(rf"(?P<who>{{US}}|{{VN}})\s+(?:\w+\s+){{0,2}}?(?:{verbs})\b")
    scope = _rx(rf"^[^.;,]{{0,30}}?(?:(?:{of})\s+(?:the\s+)?(?P<of>{{US}}|{{VN}})|(?:{among})\s+(?P<region>{regions}))")
    us = _rx(r"^(?:{US})$")
    return measures, subject, scope, us


def rank_parts(figure: Figure, article: Article) -> RankParts | None:
    """Who a rank ranks and by what measure, from its sentence; None when it does not tell both."""
    sentence = figure.sentence
    found = article.sentence_at(figure.start)
    at = figure.start - found.start if found else sentence.find(figure.text)
    before, after = sentence[max(0, at - 70) : at], sentence[at + len(figure.text) : at + len(figure.text) + 70]
    measures, subject, scope, us = _rank_words()
    measure, best = None, None
    for kind, pattern in measures:  # the measure named nearest the rank
        for match in pattern.finditer(before + "\x00" + after):
            distance = abs(match.start() - len(before))
            if best is None or distance < best:
                best, measure = distance, kind
    subjects = list(subject.finditer(sentence[:at]))
    if measure is None or not subjects:
        return None
    who = "US" if us.match(subjects[-1].group("who").strip()) else "VN"
    told = scope.search(after)
    of = ("US" if us.match(told.group("of").strip()) else "VN") if told and told.group("of") else None
    region = told.group("region") if told and told.group("region") else None
    return RankParts(who, measure, of, region, figure.out_of)


def describe_rank(figure: Figure, article: Article, language: str = "en") -> str | None:
    """ "US: 11th-largest investor in Vietnam (of 108)", in ``language``; None when the sentence
    does not say who is ranked or by what."""
    parts = rank_parts(figure, article)
    if parts is None:
        return None
    words, measures, countries, partners = (lang.value(f"describe.{key}", language)
                                            for key in ("rank_words", "measure_names", "country_names", "partner_names"))
    n = int(figure.value)
    if language == "en":
        place = "" if n == 1 else f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
    else:
        place = str(n)
    label = words["first" if n == 1 else "nth"].format(measure=measures[parts.measure], n=place)
    if parts.of:
        label += " " + words["of"].format(country=partners[parts.of])
    elif parts.region:
        label += " " + words["in"].format(region=parts.region)
    # the US ranked among investors invests in Vietnam; among destinations, receives Vietnam's
    elif parts.who == "US" and parts.measure == "investor":
        label += " " + words["invests_in"]
    elif parts.who == "US" and parts.measure == "destination":
        label += " " + words["invested_by"]
    if parts.out_of:
        label += f" ({words['out_of'].format(total=parts.out_of)})"
    return f"{countries[parts.who]}: {label}"
