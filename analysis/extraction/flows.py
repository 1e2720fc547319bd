"""Who trades with whom: the direction of a flow of goods, and its metric told from Vietnam's side.

A flow word ("xuất khẩu", "imports", "thặng dư") is read with the countries around it: its
subject or owner ("Mỹ nhập khẩu", "Vietnam's exports", "xuất khẩu của Việt Nam"), where the goods
go ("sang Mỹ", "to the US") and where they come from ("từ Việt Nam", "from Vietnam"), and the
partner of a balance ("với Mỹ", "with Vietnam"). From the exporter and the importer the figure is
told from Vietnam's side, whichever side the sentence is told from: "Mỹ nhập khẩu từ Việt Nam" is
Vietnam's exports to the US (``VN->US``); "US exports to Vietnam" are Vietnam's imports
(``US->VN``); a flow of a third country keeps its own direction (``CN->US``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from .. import lang
from ..lang.glossary import glossary, trie_pattern
from ..matching.casefree import CaseFree, lowered


class Country(NamedTuple):
    """A country named in the text, with its code."""

    start: int
    end: int
    code: str


class Flow(NamedTuple):
    """A flow of goods: its metric from Vietnam's side, its direction, and the rule that said so."""

    metric: str
    direction: str | None
    rule: str


def _names(key: str) -> list[str]:
    return sorted(lang.words(key), key=lambda w: (-len(w), w))


@lru_cache(maxsize=1)
def _country_pattern() -> tuple[re.Pattern, re.Pattern, dict[str, str], frozenset[str]]:
    """The names of countries (the two countries' from the tables, the others' from the
    glossary), as written: a name of Vietnam or the US in any case ("US" only in capitals),
    another country with its capital."""
    codes: dict[str, str] = {}
    for name in lang.words("countries.vietnam"):
        codes[name.lower()] = "VN"
    for name in (*lang.words("countries.us"), *lang.words("countries.us_in_capitals")):
        codes[name.lower()] = "US"
    for key, (english, adjective, code) in glossary()["countries"].items():
        codes.setdefault(key.lower(), code)
        codes.setdefault(english.removeprefix("the ").lower(), code)
        if adjective and code not in ("VN", "US"):  # ("Japanese firms", "Chinese goods")
            codes.setdefault(adjective.lower(), code)
    two = [n for n in codes if codes[n] in ("VN", "US")]
    capitals = sorted(lang.words("countries.us_in_capitals"), key=lambda w: (-len(w), w))
    # (a name of the US before a currency sign is the currency: "US$5 billion")
    ours = re.compile(rf"(?<!\w)(?:(?i:{'|'.join(re.escape(n) for n in sorted(two, key=lambda n: (-len(n), n)))})|{'|'.join(map(re.escape, capitals))})"
                      rf"(?:'s|’s)?(?![\w$])")
    others = sorted({key for key, (_, _, code) in glossary()["countries"].items() if code not in ("VN", "US")}
                    | {english.removeprefix("the ") for _, (english, _, code) in glossary()["countries"].items() if code not in ("VN", "US")}
                    | {adjective for _, (_, adjective, code) in glossary()["countries"].items() if adjective and code not in ("VN", "US")})
    return ours, re.compile(rf"(?<!\w)(?:{trie_pattern(others)})(?:'s|’s)?(?!\w)"), codes, frozenset(w.lower() for w in lang.words("countries.ambiguous"))


_PARTNER_LEAD = None


def _lead() -> re.Pattern:
    global _PARTNER_LEAD
    if _PARTNER_LEAD is None:
        words = [*lang.words("flows.to"), *lang.words("flows.from"), *lang.words("flows.with"), *lang.words("flows.of"), *lang.words("figures.partner_leads")]
        _PARTNER_LEAD = re.compile(rf"(?:^|\W)(?:{lang.alternation(words)})\s+(?:the\s+)?(?:(?:{lang.alternation(lang.words('figures.partner_markets'))})\s+)?$", re.IGNORECASE)
    return _PARTNER_LEAD


def third_countries(text: str, start: int, end: int) -> set[str]:
    """The countries other than the two that ``text[start:end]`` names, by name or adjective
    ("the South Korean government"): a clause about them is not about Vietnam–US relations."""
    return {c.code for c in countries_in(text, start, end) if c.code not in ("VN", "US")}


def countries_in(text: str, start: int, end: int) -> list[Country]:
    """The countries named in ``text[start:end]``, in order. A name that is also a common word
    or a personal name ("Anh", "Đức") counts only after a word such as "sang", "từ", "với"."""
    ours, others, codes, ambiguous = _country_pattern()
    found = []
    for pattern in (ours, others):
        for match in pattern.finditer(text, start, end):
            name = re.sub(r"(?:'s|’s)$", "", match.group()).lower()
            code = codes.get(name)
            if code is None:
                continue
            if name in ambiguous and not _lead().search(text, max(0, match.start() - 30), match.start()):
                continue
            found.append(Country(match.start(), match.end(), code))
    found.sort()
    kept = []
    for country in found:  # (a longer name holds a shorter one: "Liên minh châu Âu")
        if kept and country.start < kept[-1].end:
            continue
        kept.append(country)
    return kept


def _words_re(key: str) -> re.Pattern:
    return re.compile(rf"(?:^|\W)(?:{lang.alternation(lang.words(key))})\s+(?:the\s+)?(?:(?:{lang.alternation(lang.words('figures.partner_markets'))})\s+)?$",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _roles() -> dict[str, re.Pattern]:
    return {role: _words_re(f"flows.{role}") for role in ("holder", "to", "from", "with", "of")}


def roles(text: str, countries: list[Country]) -> dict[str, list[Country]]:
    """Each country by the word before it: where goods go, where they come from, the partner
    of a balance, the owner of a flow ("của Việt Nam", "of Vietnam"), the side a balance
    favours ("về phía Việt Nam"); or none (a subject)."""
    table = _roles()
    by_role: dict[str, list[Country]] = {"holder": [], "to": [], "from": [], "with": [], "of": [], "subject": []}
    for country in countries:
        window = text[max(0, country.start - 30) : country.start]
        role = next((name for name, pattern in table.items() if pattern.search(window)), "subject")
        by_role[role].append(country)
    return by_role


#: the metric of a flow from Vietnam's side, by (metric as written, Vietnam exports)
def from_vietnam(metric: str, exporter: str | None, importer: str | None) -> tuple[str, str | None]:
    """The metric and direction of a flow of goods from ``exporter`` to ``importer``, told from
    Vietnam's side."""
    if exporter == "VN" or importer == "VN":
        if exporter == "VN":
            return "exports", f"VN->{importer}" if importer else None
        return "imports", f"{exporter}->VN" if exporter else None
    return metric, f"{exporter}->{importer}" if exporter and importer else None


@lru_cache(maxsize=1)
def _goods_words() -> tuple[re.Pattern, re.Pattern]:
    """A word of goods just before a country ("hàng hóa Mỹ"), and one just after it ("U.S. goods")."""
    goods = lang.alternation(lang.words("flows.goods"))
    return re.compile(rf"(?:{goods})\s$", re.IGNORECASE), re.compile(rf" (?:{goods})(?!\w)", re.IGNORECASE)


def _names_goods(text: str, country: Country) -> bool:
    """Whether the goods are named by ``country`` ("hàng hóa Mỹ", "U.S. goods")."""
    before, after = _goods_words()
    return bool(before.search(text, max(0, country.start - 12), country.start) or after.match(text, country.end))


def trade_flow(metric: str, text: str, word: tuple[int, int], clause: tuple[int, int], context_partner: str | None,
               whole_economy: bool, sides_before: Callable[[], tuple[str, str] | None] | None = None, home: str = "VN") -> Flow:
    """The flow that a flow word (``metric`` "exports" or "imports", at ``word``) says, from the
    countries of its clause; without a partner, the partner of the flows told before.

    ``home``: the side whose flows a side left unsaid is (Vietnam, or the United States in a
    passage told from there: "U.S. goods trade with Vietnam totaled … Exports were $13.6
    billion": the US exports, Vietnam's imports); its partner is then Vietnam.

    ``sides_before``: gives the owner of the flow told earlier in the sentence and its partner
    (asked only of a clause that names no country, which keeps that owner: "The United States
    imported $136.6 billion from Vietnam, while exporting $13.1 billion": the United States
    exports)."""
    countries = countries_in(text, *clause)
    if not countries and sides_before is not None and not whole_economy and (sides := sides_before()) is not None:
        owner, other = sides
        exporter, importer = (owner, other) if metric == "exports" else (other, owner)
        told, direction = from_vietnam(metric, exporter, importer)
        return Flow(told, direction, "the owner of the sentence's flow before")
    parties = roles(text, countries)
    before = [c for c in parties["subject"] if c.end <= word[0]]
    after_subject = [c for c in parties["subject"] if c.start >= word[1]]
    # the owner of the flow: "xuất khẩu của Việt Nam", "Vietnam's exports", and in Vietnamese the
    # name just after its noun ("hàng hóa Trung Quốc")
    owner = [c for c in parties["of"] if c.start >= word[1]][:1] + before[-1:] + [c for c in after_subject[:1] if c.start - word[1] <= 1]
    go, come = parties["to"], parties["from"]
    # a country the goods are named by is where they come from: "imported $13 billion worth of
    # U.S. goods", "nhập khẩu hàng hóa Mỹ" (not the owner of the imports)
    origin = [c for c in countries if _names_goods(text, c)]
    if metric == "exports":
        exporter = owner[0].code if owner else (come[0].code if come else origin[0].code if origin else None)
        importer = go[0].code if go else None
    else:
        owner = [c for c in owner if c not in origin]
        importer = owner[0].code if owner else (go[0].code if go else None)
        exporter = come[0].code if come else origin[0].code if origin else None
    rule = "named"
    if whole_economy and not (go or come or parties["with"]):
        return Flow(metric, None, "whole economy")
    # the side left unsaid: the home side (Vietnam, unless the passage is told from the other),
    # or its partner in the flows told before
    partner = "VN" if home != "VN" else context_partner
    if metric == "exports":
        if exporter is None:
            exporter = home if importer != home else (partner or None)
            rule = "exporter unsaid"
        if importer is None:
            importer = after_subject[0].code if after_subject and after_subject[0].code != exporter else partner if exporter == home else home if exporter else None
            rule = "importer unsaid" if rule == "named" else "partner unsaid"
    else:
        if importer is None:
            importer = home if exporter != home else (partner or None)
            rule = "importer unsaid"
        if exporter is None:
            exporter = after_subject[0].code if after_subject and after_subject[0].code != importer else partner if importer == home else home if importer else None
            rule = "exporter unsaid" if rule == "named" else "partner unsaid"
    if exporter == importer:
        return Flow(metric, None, "one country")
    told, direction = from_vietnam(metric, exporter, importer)
    return Flow(told, direction, rule)


def balance(kind: str, text: str, word: tuple[int, int], clause: tuple[int, int], context_partner: str | None) -> Flow:
    """The holder of a trade surplus: the subject of a surplus ("thặng dư", "surplus", "xuất siêu"),
    the partner of a deficit ("thâm hụt", "deficit", "nhập siêu"); the direction runs from the
    holder (who exports more) to the other side."""
    countries = countries_in(text, *clause)
    parties = roles(text, countries)
    subject = (parties["holder"][:1] or [c for c in parties["subject"] if c.end <= word[0]][-1:] or parties["of"][:1])
    partner = parties["with"][:1] or parties["to"][:1] or parties["from"][:1] or [c for c in parties["subject"] if c.start >= word[1]][:1]
    if kind == "deficit" and not subject and not partner:
        return Flow("trade_surplus", None, "a deficit whose holder is unsaid")  # ("the trade deficit between the two countries")
    side = subject[0].code if subject else "VN"
    # (else another country the clause names is the partner: "Mỹ là thị trường Việt Nam xuất
    # siêu lớn nhất với 104,6 tỷ USD")
    partner = partner or [c for c in parties["subject"] if c.code != side][:1]
    other = partner[0].code if partner else (context_partner if side == "VN" else "VN")
    if other is None or other == side:
        return Flow("trade_surplus", None, "no partner")
    holder, owing = (side, other) if kind in ("surplus", "export_surplus") else (other, side)
    return Flow("trade_surplus", f"{holder}->{owing}", f"{kind} of {side}")


def surplus_kind(word: str) -> str | None:
    """Which of the balance words ``word`` is: surplus, deficit, export_surplus, import_surplus."""
    word = " ".join(word.lower().split())
    for kind in ("export_surplus", "import_surplus", "surplus", "deficit"):
        if word in {" ".join(w.lower().split()) for w in lang.words(f"figures.direction.{kind}")}:
            return kind
    return None


def bilateral(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` speaks of trade between the two countries ("song phương",
    "two-way", "giữa Việt Nam và Hoa Kỳ"): its partner is the other of the two, however unnamed."""
    low = lowered(text)
    window = low[start:end] if low is not None else text[start:end].lower()
    return any(w.lower() in window for w in lang.words("flows.bilateral")) or sorted(c.code for c in between(text, start, end)) == ["US", "VN"]


#: how far after "giữa", "between" its two countries are named (characters)
_BETWEEN_REACH = 60


@lru_cache(maxsize=1)
def _between() -> CaseFree:
    return CaseFree(lang.whole_words("flows.between"))


def between(text: str, start: int, end: int) -> list[Country]:
    """The two countries a flow is said to run between ("tổng kim ngạch xuất nhập khẩu giữa
    Việt Nam và Hoa Kỳ", "trade between Vietnam and China"), or none."""
    for lead in _between().finditer(text, start, end):
        named = countries_in(text, lead.end(), min(end, lead.end() + _BETWEEN_REACH))[:2]
        if len({c.code for c in named}) == 2:
            return named
    return []


def whole_economy(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` speaks of the flows of the whole economy ("cả nước", "overall")."""
    low = lowered(text)
    window = low[start:end] if low is not None else text[start:end].lower()
    return any(w.lower() in window for w in lang.words("figures.whole_economy"))
