"""Figure records: every number an article states, with its meaning, period, direction and source.

The meaning of a number comes from the words of its own clause (the text since the previous
figure of the sentence): "xuất khẩu đạt 13,9 tỷ USD" is an export value, "tăng 28,6% so với
cùng kỳ" a growth rate. Rules are written from the language of trade and investment news, in
Vietnamese and English, not from any one article.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from .. import lang
from ..errors import MalformedNumber
from ..matching.casefree import (
    CaseFree,
    FirstOf,
    Vocabulary,
    anchor_pattern,
    fewest,
    longest_piece,
    lowered,
    opening_words,
    required_words,
    words_after_digits,
)
from ..matching.rules import load_forms, slot
from ..matching.spans import SpanIndex
from ..model import Figure, Problem
from ..reading.article import Article, Sentence
from .dates import count_of, digit_runs
from .flows import balance, between, bilateral, countries_in, from_vietnam, roles, surplus_kind, trade_flow, whole_economy
from .numbers import _QUALIFIER as _QUALIFIER_AT_END
from .numbers import Amount, find_amounts, find_bare_scales, parse_number, qualifier_before
from .periods import (
    RATE_RULE,
    RATE_WORDS,
    STOCK_METRICS,
    STOCK_WORDS,
    Governing,
    PeriodMention,
    comparison_bases,
    figure_period,
    find_periods,
    is_cumulative,
    shift_years,
)
from .publication import article_dates, publication


def _names(key: str) -> str:
    return lang.alternation(lang.words(key))


_POSSESSIVE = "".join(f"(?:{w})?" for w in [_names("countries.possessive")] if w)
_VN = f"(?:{_names('countries.vietnam')}){_POSSESSIVE}"
_US_CAPITALS = [re.escape(w) for w in sorted(lang.words("countries.us_in_capitals"), key=lambda w: (-len(w), w))]
_US = f"(?:{_names('countries.us')}|(?-i:{'|'.join(_US_CAPITALS)})){_POSSESSIVE}"
# (in the patterns of phrases, the capitals as a word of their own: not the "US" of "USD" or "US$")
_US_WORD = f"(?:{_names('countries.us')}|(?-i:(?<![\\w$])(?:{'|'.join(_US_CAPITALS)})(?![\\w$]))){_POSSESSIVE}"
# the capitals-only names in lower case, each once ("usa" holds "us")
_CAPITALS = tuple(sorted({w.lower() for w in lang.words("countries.us_in_capitals")}
                         - {w.lower() for w in lang.words("countries.us_in_capitals") for o in lang.words("countries.us_in_capitals")
                            if o.lower() != w.lower() and o.lower() in w.lower()}))


def _words(pattern: str) -> CaseFree:
    """A pattern of trade news, written in lower case, that ignores case, except that "US" is
    the United States only in capitals ("us" is a word); matched on lower-cased text (see
    casefree), which is several times faster than ``re.IGNORECASE``."""
    if "{US}" not in pattern:
        return CaseFree(pattern.replace("{VN}", _VN.lower()))
    return CaseFree(pattern.replace("{VN}", _VN.lower()).replace("{US}", _US_WORD.lower().replace("(?-i:", "(?:")),
                    exact=pattern.replace("{VN}", _VN).replace("{US}", _US_WORD), capitals=_CAPITALS)


def _phrases(key: str) -> str:
    """The phrases of ``key`` in every language, as one alternation."""
    return "|".join(lang.words(key))


def _metric_vocabulary() -> Vocabulary:
    """The words of each metric, and its phrases with the two countries' names filled in."""
    phrases = lang.mapping("figures.metric_phrases")
    kinds = {}
    for kind, words in lang.mapping("figures.metrics").items():
        filled = [p.replace("{VN}", _VN.lower()).replace("{US}", _US.lower().replace("(?-i:", "(?:")) for p in phrases.get(kind, [])]
        kinds[kind] = "|".join([*filled, lang.alternation(words)])
    return Vocabulary(kinds)


METRIC_WORDS = _metric_vocabulary()
GROWTH_WORDS = Vocabulary({kind: lang.alternation(words) for kind, words in lang.mapping("figures.growth").items()})
SHARE_WORDS = _words(lang.whole_words("figures.share"))
_CHANGE_BY = _words(rf"(?:{_names('figures.change_by')})\s*$")
_GROWTH_AFTER = re.compile(rf"\s*(?:(?P<up>{lang.alternation(lang.mapping('figures.growth_after')['up'])})|"
                           rf"(?P<down>{lang.alternation(lang.mapping('figures.growth_after')['down'])}))\b", re.IGNORECASE)
_CHANGE_TO = _words(rf"(?:{_names('figures.change_to')})\s*$")
_CHANGE_FROM = _words(rf"\s*(?:{_names('figures.change_from')})\s*$")
# the level a change comes to, after the level it comes from: "từ 20% lên 30%", "from 46% to 20%"
_FROM_TO = re.compile(rf"\s*(?:{_names('figures.change_to')})\s*", re.IGNORECASE)
# a percentage right before these words is a share of what follows ("44% tổng số dự án", "42.3 percent of the total")
_SHARE_AFTER = re.compile(rf"\s*(?:{_names('figures.share_after')})\b", re.IGNORECASE)
# what joins figures listed one after another: "44% … và 20%", "$1.2 billion and $780.6 million", "from 6.93%"
_LISTED = re.compile(rf"\s*(?:,|{_names('figures.list_words')})?\s*(?:(?:the|tổng số|tổng)\s+)?", re.IGNORECASE)
# a rate of growth named before a percentage that is not in its clause: "tốc độ tăng trưởng cao nhất, 53%"
_RATE_OF_CHANGE = _words(lang.whole_words("figures.rates_of_change"))
# groups of goods: a count of them counts the flows told before
GOODS_GROUPS = _words(lang.whole_words("figures.goods_groups"))
# a target or a plan: its figures set no period for the sentences after
TARGETS = _words(lang.whole_words("periods.targets"))
# measures that are no flow of goods: a figure of them takes no flow told before
OTHER_MEASURES = _words(lang.whole_words("figures.other_measures"))
# the value of a deal is no flow of goods, whatever the sentences before it told
DEALS = _words(lang.whole_words("figures.deals"))
AID = _words(lang.whole_words("figures.aid"))
BUDGET = _words(lang.whole_words("figures.budget"))
_AID_AFTER = 12  # how near after an amount the word of aid that names it stands ("$155 million in aid")
MEASURES = _words(rf"(?:{lang.alternation(lang.words('numbers.measures'))})(?!\w)")
COUNT_NOUNS = _words(rf"(?:{lang.alternation([*lang.words('figures.count_nouns'), *lang.words('numbers.projects')])})\b")
ORDINAL_WORDS = {w.lower(): n for w, n in lang.mapping("figures.ranks.ordinals").items()}
SUPERLATIVES = {" ".join(w.lower().split()): n for w, n in lang.mapping("figures.ranks.superlatives").items()}
_RANK_NOUN = f"(?:{_names('figures.ranks.nouns')})"
RANK_SLOTS = ("rank", "total", "superlative", "span")


def _rank_placeholders(code: str) -> dict[str, str]:
    value = lambda key: lang.value(key, code)  # noqa: E731
    return {"N": r"\d{1,3}", "TOTAL": r"\d{1,4}", "ORDINAL": lang.alternation(value("figures.ranks.ordinals")) or "(?!)",
            "LEAD": lang.alternation(value("figures.ranks.leads")) or "(?!)",
            "SUPERLATIVE": lang.alternation(value("figures.ranks.superlatives")) or "(?!)",
            "NOUN": lang.alternation(value("figures.ranks.nouns")) or "(?!)", "SUFFIX": lang.alternation(value("figures.ranks.suffixes")) or "(?!)"}


RANK_FORMS = load_forms("figures.ranks.forms", RANK_SLOTS, _rank_placeholders, prefix="r")
_RANK_FORM = {form.group: form for form in RANK_FORMS}
# the forms of a rank, each scanned where the words it needs occur (see casefree.FirstOf)
RANK = FirstOf([form.pattern for form in RANK_FORMS])
_NEEDS_NOUN_BEFORE = {form.group for form in RANK_FORMS if form.flag("needs_noun_before")}
_TOP_NEEDS = CaseFree(_RANK_NOUN + r"[^,;.]{0,70}$")
# the number ranked, written before the rank ("Among the 143 countries …, the US ranks 11th")
_TOTAL_BEFORE = CaseFree(rf"\b(?:{_names('figures.ranks.total_leads')})\s+(?:the\s+)?(?P<total>\d{{1,4}})\s+"
                         rf"(?:[^\W\d]+\s+){{0,2}}?(?:{_names('figures.ranks.total_nouns')})\b")
# a superlative of a group, not a rank: "nhóm 12 nước xuất khẩu lớn nhất", "among the largest exporters"
_GROUP_BEFORE = CaseFree(rf"(?:\d+\s+{_RANK_NOUN}[^,;.]{{0,40}}|\b(?:{_names('figures.ranks.among')})\s+(?:the\s+)?(?:[^\W\d]+\s+){{0,3}})$")

MULTIPLE_SLOTS = ("times", "word", "span")
MULTIPLE_FORMS = load_forms("figures.multiples.forms", MULTIPLE_SLOTS, lambda code: {
    "NUM": r"\d+(?:[.,]\d+)?", "WORD": lang.alternation(lang.value("figures.multiples.words", code)) or "(?!)",
    "QUALIFIER": lang.alternation([w for words in lang.value("numbers.qualifiers", code).values() for w in words]) or "(?!)"}, prefix="m")
_MULTIPLE_FORM = {form.group: form for form in MULTIPLE_FORMS}
MULTIPLE = FirstOf([form.pattern for form in MULTIPLE_FORMS]) if MULTIPLE_FORMS else None
_MULTIPLE_WORDS = {w.lower(): n for w, n in lang.mapping("figures.multiples.words").items()}
_MULTIPLE_CHANGE = _words(rf"\b(?:{_names('figures.multiples.change_words')})\b")

_PROJECTS = re.compile(lang.alternation(lang.words("numbers.projects")), re.IGNORECASE)
REFERENCE_NOUNS = _words(rf"(?:{_names('figures.reference_nouns')})\b")
_GROUP_WORD = re.compile(rf"(?:^|\W)(?:{_names('figures.group_words')})\s+$", re.IGNORECASE)
_TOTAL_AFTER = re.compile(r"\s*(?:/|out\s+of)\s*(?P<total>\d{1,4})(?!\d)", re.IGNORECASE)
_COUNT_GAP = re.compile(r"(?: (?:[\w.-]+))")


def _counted_noun(text: str, at: int, language: str) -> re.Match | None:
    """The noun counted by a number ending at ``at``: right after it, or in English after up to
    ``figures.count_gap`` words ("42 Vietnamese provinces")."""
    if text[at : at + 1] != " ":
        return None
    noun = COUNT_NOUNS.match(text, at + 1)
    if noun or language != "en":
        return noun
    pos = at
    for _ in range(max(lang.value("figures.count_gap", code) for code in lang.languages())):
        word = _COUNT_GAP.match(text, pos)
        if word is None or re.search(r"\d", word.group()):
            return None
        pos = word.end()
        noun = COUNT_NOUNS.match(text, pos + 1) if text[pos : pos + 1] == " " else None
        if noun:
            return noun
    return None


WORDED_FORMS = load_forms("figures.worded.forms", ("span", "number", "ordinal", "total"), lambda code: {
    "NUMBER": lang.alternation(lang.value("numbers.words", code)) or "(?!)",
    "ORDINAL": lang.alternation(lang.value("figures.ranks.ordinals", code)) or "(?!)",
    "NOUN": lang.alternation(lang.value("figures.ranks.nouns", code)) or "(?!)"}, prefix="w")
_WORDED_FORM = {form.group: form for form in WORDED_FORMS}
WORDED = FirstOf([form.pattern for form in WORDED_FORMS]) if WORDED_FORMS else None
_WORDED_NEEDS = {key: _words(_names(key)) for key in {form.flag("needs") for form in WORDED_FORMS} if key}

# Direction evidence: who exports to or invests in whom.
INVEST_VN_US = _words(_phrases("figures.direction.invest_vn_us"))
INVEST_US_VN = _words(_phrases("figures.direction.invest_us_vn"))
# the United States named in the sentence: without it an investment figure is not the US's
# (total FDI into Vietnam has no direction here)
US_NAMED = _words(r"{US}")
# Where the money or projects are, when no verb of investing says who invests: weaker evidence.
LOCATED_VN = _words(_phrases("figures.direction.located_vn"))
LOCATED_US = _words(_phrases("figures.direction.located_us"))
INVEST_WORDS = _words(_phrases("figures.direction.investment"))
_SURPLUS_KINDS = {kind: {" ".join(w.lower().split()) for w in lang.words(f"figures.direction.{kind}")}
                  for kind in ("export_surplus", "import_surplus", "surplus", "deficit")}
SURPLUS_WORDS = _words(lang.alternation([w for words in _SURPLUS_KINDS.values() for w in words]))
US_EXPORTER = _words(_phrases("figures.direction.us_exporter"))
US_IMPORTER = _words(_phrases("figures.direction.us_importer"))
WITH_VN = _words(_phrases("figures.direction.with_vn"))
WITH_US = _words(_phrases("figures.direction.with_us"))
US_SUBJECT = _words(r"{US}\W{0,3}(?:\w+\s+){0,3}$")
VN_SUBJECT = _words(r"{VN}\W{0,3}(?:\w+\s+){0,3}$")
EXPORT_MARKET = _words(_phrases("figures.direction.export_market"))
IMPORT_MARKET = _words(_phrases("figures.direction.import_market"))
# investment evidence: direction and strength (a verb of investing, or only a location)
_EVIDENCE = (("VN->US", INVEST_VN_US, 2), ("US->VN", INVEST_US_VN, 2), ("VN->US", LOCATED_US, 0), ("US->VN", LOCATED_VN, 0))


# a sentence without a digit or a word every rank holds states no figure (cheap tests first)
_DIGIT = re.compile(r"[0-9]")
# the words of which every rank holds one ("second-largest" holds "largest"), read from the
# forms of a rank; a rank that opens with digits ("11th") is looked for where digits are
# followed by what follows them in its form
_DIGIT_RANKS = [form for form in RANK_FORMS if opening_words(form.pattern) == {"0"}]
_RANK_WORDS = fewest(w for form in RANK_FORMS if form not in _DIGIT_RANKS for w in required_words(form.pattern))
_RANK_CUE = re.compile(anchor_pattern(_RANK_WORDS))
_RANK_PHRASES = re.compile(anchor_pattern([w for w in _RANK_WORDS if " " in w.strip()]) or "(?!)")
_RANK_FINDS = fewest(w.strip() for w in _RANK_WORDS if " " not in w.strip())
_AFTER = sorted({w for form in _DIGIT_RANKS for w in words_after_digits(form.pattern)})
_RANK_AFTER_DIGITS = re.compile(r"[0-9](?:" + "|".join(map(re.escape, _AFTER)) + r")\b") if _AFTER else None


def _may_rank(lowered: str, start: int, end: int) -> bool:
    return bool(_RANK_CUE.search(lowered, start, end) or (_RANK_AFTER_DIGITS and _RANK_AFTER_DIGITS.search(lowered, start, end)))


def _rank_cues(lowered: str) -> list[int]:
    """Where the lower-cased article has a word that every rank of some form holds (``str.find``
    per word over the article is faster than a pattern per sentence)."""
    found = [m.start() for m in _RANK_PHRASES.finditer(lowered)]  # (white space of any kind between their words)
    for word in _RANK_FINDS:
        at = lowered.find(word)
        while at >= 0:
            found.append(at)
            at = lowered.find(word, at + 1)
    return sorted(found)


class _Found(NamedTuple):
    metric: str
    amount: Amount
    out_of: int | None = None
    direction: str | None = None
    rule: str = ""


# what ends a clause inside a sentence: a comma, a bracket, or a conjunction
# (a comma between digits is a decimal mark: "13,26 tỉ USD")
_NOT_BREAK_BEFORE = lang.words("figures.clause_breaks_not_before")
_CLAUSE_BREAK = re.compile(rf"[;:()–—]|,(?!\d)|(?<!\d),|\s(?:{_names('figures.clause_breaks')})\s"
                           + (rf"(?!(?:{_names('figures.clause_breaks_not_before')})\b)" if _NOT_BREAK_BEFORE else ""))
# capital beside projects
_WORTH = re.compile("|".join([*(re.escape(w) for w in lang.words("figures.worth")), *(re.escape(w) for w in lang.mapping("numbers.currency_signs"))]))


def _last_metric(window: str) -> str | None:
    return METRIC_WORDS.last_kind(window)


def _metric_after(after: str) -> str | None:
    """The metric named right after the amount, in its own clause: "$123.5 billion goods trade
    surplus", "12 tỷ USD kim ngạch xuất khẩu"."""
    clause = _CLAUSE_BREAK.split(after, maxsplit=1)[0][:50]
    return METRIC_WORDS.last_kind(clause)  # the head noun ends the phrase: "goods trade surplus"


def _other_partner() -> re.Pattern:
    """Trade partners other than the two countries: a flow named with one is not Vietnam–US."""
    global _OTHER_PARTNER
    if _OTHER_PARTNER is None:
        from ..lang.glossary import glossary, trie_pattern

        ours = {*lang.words("countries.vietnam"), *lang.words("countries.us")}
        names = {name for key, (english, _, _) in glossary()["countries"].items() if key not in ours
                 for name in (key, english.removeprefix("the "))}
        leads = "|".join(lang.words("figures.partner_leads"))
        markets = "".join(rf"(?:{w}\s+)?" for w in lang.words("figures.partner_markets"))
        _OTHER_PARTNER = re.compile(rf"(?:{leads})\s+(?:the\s+)?{markets}{trie_pattern(names)}\b")
    return _OTHER_PARTNER


_OTHER_PARTNER = None
# flows of the whole economy, not with one partner
WHOLE_ECONOMY = _words(lang.whole_words("figures.whole_economy"))


def _trade_direction(metric: str, before: str, after: str) -> str | None:
    clause = before + after
    # (the United States named settles it first: the partners' pattern is large to build)
    if WHOLE_ECONOMY.search(clause) or (not US_NAMED.search(clause) and _other_partner().search(clause)):
        return None
    if metric == "exports":
        return "US->VN" if US_EXPORTER.search(clause) else "VN->US"
    if metric == "imports":
        return "VN->US" if US_IMPORTER.search(clause) else "US->VN"
    if metric == "trade_surplus":
        words = list(SURPLUS_WORDS.finditer(before))
        if words:
            word, lead = " ".join(words[-1].group(0).lower().split()), before[: words[-1].start()]
        else:  # named after the amount: "$123.5 billion trade surplus with the US"
            following = SURPLUS_WORDS.search(after[:50])
            word = " ".join(following.group(0).lower().split()) if following else ""
            lead = before + (after[: following.start()] if following else "")
        if word in _SURPLUS_KINDS["import_surplus"]:
            return "US->VN"
        if word in _SURPLUS_KINDS["export_surplus"]:
            return "US->VN" if US_SUBJECT.search(lead) else "VN->US"
        surplus = word in _SURPLUS_KINDS["surplus"]
        if WITH_US.search(clause):
            return "VN->US" if surplus else "US->VN"
        if WITH_VN.search(clause):
            return "US->VN" if surplus else "VN->US"
        if US_SUBJECT.search(lead):
            return "US->VN" if surplus else "VN->US"
        if VN_SUBJECT.search(lead):
            return "VN->US" if surplus else "US->VN"
        return "VN->US" if surplus else None
    return None


def _invest_direction(before: str, sentence: str) -> str | None:
    """The investment direction nearest before the number, else anywhere in the sentence.

    US→VN needs the United States named as the investor somewhere in the sentence; VN→US
    needs it named as the destination.
    """
    if WHOLE_ECONOMY.search(before) or not _us_named(sentence):
        return None
    direction = _strongest_direction(before) or _strongest_direction(sentence)
    if direction == "VN->US":
        named = {c.code for c in countries_in(sentence, 0, len(sentence))}
        if "VN" not in named and named - {"US"}:
            return None  # another country's investment in the US ("Japanese firms invested $5 billion in the US")
    return direction


@lru_cache(maxsize=256)
def _us_named(sentence: str) -> bool:
    return bool(US_NAMED.search(sentence))


@lru_cache(maxsize=256)
def _strongest_direction(text: str) -> str | None:
    """The direction the strongest, latest evidence in ``text`` gives (cached: every figure of a
    sentence asks about the same sentence)."""
    best = None
    for direction, pattern, strength in _EVIDENCE:
        for match in pattern.finditer(text):
            key = (strength, match.end())
            if best is None or key > best[0]:
                best = (key, direction)
    return best[1] if best else None


#: metrics whose figures run from one country to another
TRADE_DIRECTED = frozenset({"exports", "imports", "trade_surplus", "fdi_capital", "fdi_projects"})


class Context:
    """What the article has told so far, for the figures of later sentences that do not say it
    again ("Tiếp đến là đồ gỗ đạt 1,82 tỷ USD" after a sentence on exports to the US): the last
    flow of goods stated with its words, its partner, the period the flows covered, and the date
    a stock of investment was counted to."""

    def __init__(self):
        self.flow: tuple[str, str | None] | None = None
        self.partner: str | None = None
        self.home: tuple[str, int] = ("VN", -1)  # the side a paragraph tells its flows from, and the paragraph
        self.period: str | None = None
        self.stock: str | None = None
        self.investment: str | None = None

    @property
    def year(self) -> int | None:
        return int(self.period.split("/")[-1][:4]) if self.period else None

    def update(self, found: list[_Found], periods: list[Governing], planned: bool = False) -> None:
        """What a sentence's figures tell the sentences after; a target or a plan ("a full-year
        growth target of 8 per cent") tells no period of flows."""
        stated = None  # the latest period the sentence's flows cover (not a base they are compared with)
        for item, governing in zip(found, periods, strict=True):
            if item.metric in ("fdi_capital", "fdi_projects") and item.direction:
                self.investment = item.direction
            if item.metric == "trade_total" and "the flow told before" not in item.rule:
                self.flow = ("trade_total", None)
            if item.metric in ("exports", "imports", "trade_surplus") and item.direction and "the flow told before" not in item.rule:
                self.flow = (item.metric, item.direction)
                sides = [side for side in item.direction.split("->") if side != "VN"]
                self.partner = sides[0] if sides else self.partner
            if governing.period and governing.rule.startswith("a stock, counted to"):
                self.stock = governing.period
            elif governing.period and item.metric not in ("other", "count") and item.amount.unit != "count" and not governing.rule.startswith("the stock"):
                if stated is None or _period_end(governing.period) >= _period_end(stated):
                    stated = governing.period
        if stated and not planned:
            self.period = stated

    def home_in(self, paragraph: int) -> str:
        """The side the flows of ``paragraph`` are told from (Vietnam unless it says otherwise)."""
        side, where = self.home
        return side if where == paragraph else "VN"

    def named(self, text: str, start: int, end: int, figureless: bool = False, paragraph: int = -1) -> None:
        """A sentence that speaks of a flow to, from or with a partner ("… nhóm hàng xuất khẩu tỷ
        USD đầu tiên sang Hoa Kỳ") makes that partner the one of the flows told next. (A market
        ranked, "thị trường xuất khẩu lớn nhất", speaks of no flow.)"""
        flows = _flow_words(text, start, end)
        if not flows:
            return
        if figureless and len({METRIC_WORDS.kind(m) for m in flows}) == 1:  # "trị giá xuất siêu … được nới rộng"
            kind = METRIC_WORDS.kind(flows[0])
            self.flow = (kind, self.flow[1] if self.flow and self.flow[0] == kind else None) if kind in ("exports", "imports", "trade_surplus", "trade_total") else self.flow
        countries = countries_in(text, start, end)
        by_role = roles(text, countries)
        partners = [c for role in ("to", "from", "with", "of") for c in by_role[role] if c.code != "VN"]
        others = {c.code for c in countries if c.code != "VN"}
        balance_told = any(METRIC_WORDS.kind(m) == "trade_surplus" for m in flows)
        pair = between(text, start, end)
        if not partners and "VN" in {c.code for c in pair}:  # ("giữa Việt Nam và Trung Quốc")
            partners = [c for c in pair if c.code != "VN"]
        if not partners and (bilateral(text, start, end) or balance_told and len(others) == 1):
            # (trade between the two; a balance with the one other country the sentence names:
            # "Hoa Kỳ là thị trường mà Việt Nam đạt mức thặng dư lớn nhất")
            partners = [c for c in countries if c.code != "VN"]
        if partners:
            self.partner = max(partners).code
        # the side the flows are told from: their owner named before them ("U.S. goods trade with
        # Vietnam"), when it trades with Vietnam, for the flows told next in the paragraph
        owners = [c for c in by_role["subject"] if c.end <= flows[0].start()][-1:] + [c for c in by_role["of"] if c.start >= flows[0].end()][:1]
        if owners and owners[0].code == "VN":
            self.home = ("VN", paragraph)
        elif owners and owners[0].code == "US" and any(c.code == "VN" for role in ("with", "to", "from") for c in by_role[role]):
            self.home = ("US", paragraph)

    def told(self, mentions: list[PeriodMention]) -> None:
        """A sentence without figures that states a period of flows ("… trong quý I cho phần còn
        lại của năm 2019"): the flows told next cover it."""
        if mentions:
            self.period = mentions[-1].period


def _market_flow(text: str, start: int, at: int, end: int, clause: tuple[int, int]) -> tuple[str, str | None, str] | None:
    """The flow an amount with no metric word of its own measures when the sentence names a
    market before it: the exports to an export market, the imports from an import source
    ("Mỹ là thị trường xuất khẩu lớn nhất của Việt Nam với kim ngạch 73,2 tỷ USD"). The
    country "of" the market trades with it; Vietnam when none is said. A country named in
    the amount's own clause is the market it measures ("…, followed by China with $11.3
    billion")."""
    markets = [(kind, m) for kind in ("export_market", "import_market") for m in _words_within(kind, text, start, at)]
    if not markets:
        return None
    kind, market = max(markets, key=lambda km: km[1].start())
    parties = roles(text, countries_in(text, start, end))
    own = parties["of"][0].code if parties["of"] else "VN"
    in_clause = [c.code for c in countries_in(text, clause[0], at) if c.code != own] if clause[0] > market.end() else []
    other = in_clause[-1] if in_clause else next(
        (c.code for role in ("subject", "to", "from", "with") for c in parties[role] if c.code != own), None)
    if other is None:
        return None
    metric = "exports" if kind == "export_market" else "imports"
    told, direction = from_vietnam(metric, own, other) if metric == "exports" else from_vietnam(metric, other, own)
    return told, direction, f"the flow of the market named: '{text[market.start():market.end()]}'"


def _last_flow_end(found: list, start: int) -> int:
    """Where the last figure read before ends, a rank aside ("tốc độ tăng trưởng cao nhất, 53%":
    the rank names the rate's place, not another figure of the rate)."""
    return next((f.amount.end for f in reversed(found) if f.metric != "rank"), start)


def _period_end(period: str) -> tuple:
    """Where a period ends, for comparing periods: "2025-01/2025-06" and "2025-H1" end with
    June 2025, "2025" with December."""
    last = period.split("/")[-1]
    year, rest = int(last[:4]), last[5:]
    if not rest:
        return (year, 12, 31)
    if rest[0] in "QH":
        return (year, int(rest[1]) * (3 if rest[0] == "Q" else 6), 31)
    return (year, int(rest[:2]), int(rest[3:5]) if len(rest) > 2 else 31)


@lru_cache(maxsize=8)
def _article_words(name: str, text: str) -> tuple[list[int], list[re.Match]]:
    """Every match of a word list in an article, and where each starts: one scan of the
    article serves all its sentences (cached for the last articles)."""
    words = {"metrics": METRIC_WORDS, "growth": GROWTH_WORDS, "export_market": EXPORT_MARKET, "import_market": IMPORT_MARKET}[name]
    found = list(words.finditer(text))
    return [m.start() for m in found], found


def _words_within(name: str, text: str, start: int, end: int) -> list[re.Match]:
    """The matches of a word list (see :func:`_article_words`) that lie in ``text[start:end]``."""
    starts, found = _article_words(name, text)
    return [m for m in found[bisect_left(starts, start) : bisect_left(starts, end)] if m.end() <= end]


def _flow_words(text: str, start: int, end: int) -> list[re.Match]:
    """The words of flows in ``text[start:end]``, but those of a ranked market ("thị trường xuất
    khẩu lớn nhất", "largest export market"), which speak of no flow."""
    words = _words_within("metrics", text, start, end)
    if not words:
        return words
    markets = [m.span() for name in ("export_market", "import_market") for m in _words_within(name, text, start, end)]
    return [m for m in words if not any(a <= m.start() < b for a, b in markets)]


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of ``text[start:end]``: split at commas, brackets, dashes and conjunctions."""
    bounds, at = [], start
    for brk in _CLAUSE_BREAK.finditer(text, start, end):
        bounds.append((at, brk.start()))
        at = brk.end()
    bounds.append((at, end))
    return [b for b in bounds if b[1] > b[0]]


def _nearest(words: list[re.Match], start: int, end: int) -> re.Match | None:
    """The last of ``words`` that starts in ``[start, end)``."""
    inside = [w for w in words if start <= w.start() < end]
    return inside[-1] if inside else None


def _listed_until(items: list[_Found], index: int, clause: tuple[int, int], text: str) -> int:
    """Where the words after a figure stop being its own: at the next figure, or, when the
    figures after it are listed with it ("$1.2 billion and $780.6 million"), after the last."""
    end = items[index + 1].amount.start if index + 1 < len(items) else clause[1]
    for later, following in zip(items[index:], items[index + 1 :], strict=False):
        if following.amount.start >= clause[1] or following.amount.unit != later.amount.unit:
            break
        if not _LISTED.fullmatch(text[later.amount.end : following.amount.start]):
            break
        end = following.amount.end
    return min(max(end, clause[0]), clause[1]) if end < clause[1] else clause[1]


def _trim_qualifier(before: str) -> str:
    """The text before a number without the qualifier that ends it ("giảm khoảng " → "giảm ")."""
    match = _QUALIFIER_AT_END.search(before)
    return before[: match.start("q")] if match else before


def _is_change(before: str) -> bool:
    """Whether an amount of money is a change ("tăng 1,48 tỷ USD", "down $2 billion") rather than
    a level ("tăng lên 10 tỷ USD", "rose to $15 billion")."""
    trimmed = _trim_qualifier(before)
    return bool(_CHANGE_BY.search(trimmed)) and not _CHANGE_TO.search(trimmed)


def _change(before: str, after: str) -> tuple[str, str] | None:
    """Whether a number is a change, up or down, and the word that says so: one of its own
    clause before it ("…, tăng 28,6%", "fell 5.6%"), or one just after it ("a 1.4% fall",
    "17.5% higher than")."""
    own = _CLAUSE_BREAK.split(before)[-1][-50:]
    shares = [m.span() for m in SHARE_WORDS.finditer(own)]  # (the "up" of "made up" is a share's)
    last = None
    for match in GROWTH_WORDS.finditer(own):
        if not any(a <= match.start() and match.end() <= b for a, b in shares):
            last = match
    if last is not None:
        if _CHANGE_FROM.match(own, last.end()):
            return None  # a level changed from ("giảm từ 46% xuống 20%"): no change itself
        return GROWTH_WORDS.kind(last), last.group()
    following = _GROWTH_AFTER.match(after)
    if following:
        return ("up" if following.group("up") else "down"), following.group().strip()
    return None


def _rank_value(match: re.Match) -> tuple[int, int | None, int, int] | None:
    """The rank, its total and the span of its text, from the slots of the form that matched."""
    form = _RANK_FORM[match.lastgroup]
    rank, total, superlative = (slot(match, form, name) for name in ("rank", "total", "superlative"))
    if rank is not None:
        value = int(rank) if rank.isdigit() else ORDINAL_WORDS[rank.lower()]
    else:
        value = SUPERLATIVES[" ".join(superlative.lower().split())]
    span = f"{form.group}_span"
    start, end = (match.start(span), match.end(span)) if span in match.re.groupindex and match.start(span) >= 0 else match.span()
    return value, int(total) if total else None, start, end


class _SentenceReader:
    """Reads the figures of one sentence: ranks first, then amounts and counts."""

    def __init__(self, article: Article, sentence: Sentence, skip: list[tuple[int, int]], problems: list[Problem]):
        self.article, self.sentence, self.skip, self.problems = article, sentence, skip, problems
        self.claimed: list[tuple[int, int]] = []  # the spans of figures found, their totals included

    def ranks(self) -> list[_Found]:
        text, s = self.article.text, self.sentence
        found = []
        for match in RANK.finditer(text, s.start, s.end):
            value, out_of, start, end = _rank_value(match)
            if match.lastgroup in _NEEDS_NOUN_BEFORE and not _TOP_NEEDS.search(text, s.start, start):
                continue  # "lớn nhất" ranks only a partner, a market, an item …
            if slot(match, _RANK_FORM[match.lastgroup], "superlative") and _GROUP_BEFORE.search(text, max(s.start, start - 60), start):
                continue  # … and not a group of them ("among the largest exporters")
            if out_of is not None and out_of < value:
                continue
            if out_of is None:  # (the number ranked told before it in the sentence, a figure of no count of its own)
                total = next(reversed(list(_TOTAL_BEFORE.finditer(text, s.start, start))), None)
                if total is not None and int(total.group("total")) >= value:
                    out_of = int(total.group("total"))
                    self.claimed.append(total.span("total"))
            found.append(_Found("rank", Amount(Decimal(value), None, "rank", None, text[start:end], start, end, False), out_of))
            self.claimed.append(match.span())  # (its total is no figure of its own: "thứ 11/108")
        return found

    def multiples(self) -> list[_Found]:
        """Multiples: "gấp 3,6 lần", "a 13-fold increase", "more than doubled". A multiple is a
        change (metric ``growth``) when a word of change stands in its clause before it or a
        year follows it; else a ratio of two figures (``other``)."""
        text, s = self.article.text, self.sentence
        found = []
        for match in MULTIPLE.finditer(text, s.start, s.end) if MULTIPLE else ():
            form = _MULTIPLE_FORM[match.lastgroup]
            times, word = slot(match, form, "times"), slot(match, form, "word")
            try:
                value = parse_number(times, self.article.language) if times else Decimal(_MULTIPLE_WORDS[word.lower()])
            except MalformedNumber:
                continue
            start, end = match.start(f"{form.group}_span"), match.end(f"{form.group}_span")
            clause = next((c for c in _clauses(text, s.start, s.end) if c[0] <= start < c[1]), (s.start, s.end))
            change = word or _MULTIPLE_CHANGE.search(text, max(clause[0], start - 40), start) or _MULTIPLE_CHANGE.search(text, end, min(clause[1], end + 30)) \
                or re.search(r"\b(?:1[89]|20)\d\d\b", text[end : min(clause[1], end + 60)])
            qualifier = qualifier_before(text, start) or qualifier_before(text, match.start())  # ("gấp hơn 300 lần", "more than doubled")
            amount = Amount(value, None, "count", qualifier, text[start:end], start, end, False)
            found.append(_Found("growth" if change else "other", amount, None, None, "a multiple: a change" if change else "a multiple: a ratio"))
        return found

    def worded(self) -> list[_Found]:
        """Figures written in words: "zero percent", "half of the total", "Seventeen of these
        projects", "seventh out of 101", "among the top ten" (their forms are in the tables)."""
        text, s = self.article.text, self.sentence
        found = []
        for match in WORDED.finditer(text, s.start, s.end) if WORDED else ():
            form = _WORDED_FORM[match.lastgroup]
            needs = form.flag("needs")
            if needs and not _WORDED_NEEDS[needs].search(text, s.start, s.end):
                continue
            number, ordinal, total = (slot(match, form, name) for name in ("number", "ordinal", "total"))
            if form.flag("value") is not None:
                value = Decimal(form.flag("value"))
            elif ordinal is not None:
                value = Decimal(ORDINAL_WORDS[ordinal.lower()])
            elif number is not None:
                value = Decimal(count_of(number))
            else:
                continue
            start, end = match.start(f"{form.group}_span"), match.end(f"{form.group}_span")
            unit = form.flag("unit")
            qualifier = form.flag("qualifier") or qualifier_before(text, start)
            amount = Amount(value, None, unit, qualifier, text[start:end], start, end, False)
            metric = "rank" if unit == "rank" else form.flag("metric", "")
            found.append(_Found(metric, amount, int(total) if total else None, None, f"in words: {form.name}"))
            self.claimed.append(match.span())
        return found

    def amounts(self, rank_spans) -> list[_Found]:
        text, s = self.article.text, self.sentence
        found = []
        for match, amount in find_amounts(text, s.start, s.end, self.article.language, self.skip + rank_spans + self.claimed):
            if any(a <= match.start() < b for a, b in self.claimed):
                continue  # the total of a count: "17 out of 21 industries"
            if isinstance(amount, MalformedNumber):
                self.problems.append(Problem(self.article.name, f"{amount} at offset {match.start('num')}: no figure taken", "warning"))
                continue
            if amount.unit is None:
                count = self._count(amount, match)
                if count:
                    found.append(count)
                continue
            found.append(_Found("", amount))
        self._inherit_currency(found)
        taken = [(f.amount.start, f.amount.end) for f in found]
        for amount in find_bare_scales(text, s.start, s.end):
            if not any(a < amount.end and amount.start < b for a, b in taken + self.skip + list(rank_spans)):
                found.append(_Found("", amount, None, None, ""))
        return [f for f in found if f.amount.unit]

    def _count(self, amount: Amount, match: re.Match) -> _Found | None:
        """A number that counts things: the noun it counts follows it ("3 thỏa thuận", in English
        a word or two on: "42 Vietnamese provinces"), with its total when written ("17/18
        ngành"). "2 nước", "the two leaders" name the two sides, and a group's label ("nhóm 12
        nước") counts nothing."""
        text = self.article.text
        measure = MEASURES.match(text, amount.end + (text[amount.end : amount.end + 1] == " "))
        if measure:  # a quantity of goods: "1,2 triệu tấn", "150.000m³"
            return _Found("other", self._with_text(amount, amount.start, measure.end(), "count"), rule="a quantity, not money")
        if amount.scaled and not amount.value_high:
            noun = COUNT_NOUNS.match(text, amount.end + 1)
            if noun and text[amount.end] == " ":
                return _Found("count", self._with_text(amount, amount.start, noun.end(), "count"))
            return _Found("", amount)  # "12 tỷ" may borrow the currency of its neighbours
        if amount.value_high is not None or amount.value != amount.value.to_integral_value():
            return None
        at = match.end("num")
        total = _TOTAL_AFTER.match(text, at)  # "17/18 ngành", "17 out of 21 industries"
        after = total.end() if total else at
        noun = _counted_noun(text, after, self.article.language)
        if noun is None or (_GROUP_WORD.search(text, max(0, amount.start - 15), amount.start)):
            return None
        if amount.value == 2 and REFERENCE_NOUNS.match(text, noun.start()):
            return None
        if total:
            self.claimed.append((at, total.end()))
        unit = "projects" if _PROJECTS.fullmatch(noun.group()) else "count"
        counted = self._with_text(amount, amount.start, noun.end(), unit)
        return _Found("count" if unit == "count" else "", counted, int(total.group("total")) if total else None, None,
                      "a count of its noun" if unit == "count" else "")

    @staticmethod
    def _with_text(amount: Amount, start: int, end: int, unit: str, text: str | None = None) -> Amount:
        return Amount(amount.value, amount.value_high, unit, amount.qualifier, text or "", start, end, amount.scaled)

    def _inherit_currency(self, found: list[_Found]) -> None:
        """A scaled number without a currency takes the one of its nearest neighbour in the sentence."""
        for index, item in enumerate(found):
            if item.amount.unit is None and item.metric == "":
                neighbours = found[index + 1 :] + found[:index][::-1]
                currency = next((f.amount.unit for f in neighbours if f.amount.unit in ("USD", "VND")), None)
                if currency:
                    found[index] = _Found("", self._with_text(item.amount, item.amount.start, item.amount.end, currency, item.amount.text))

    def classify(self, items: list[_Found], context: Context) -> list[_Found]:
        """Each figure's metric and direction, from the words of its clause, then of its
        sentence, then from the flows the article told before (``context``)."""
        text, s = self.article.text, self.sentence
        items.sort(key=lambda f: f.amount.start)
        clauses = _clauses(text, s.start, s.end)
        words = _flow_words(text, s.start, s.end)
        result: list[_Found] = []
        for index, item in enumerate(items):
            amount = item.amount
            clause = next((c for c in clauses if c[0] <= amount.start < c[1]), (s.start, s.end))
            previous_end = max(items[index - 1].amount.end if index else s.start, clause[0])
            next_start = min(items[index + 1].amount.start if index + 1 < len(items) else s.end, clause[1])
            before, after = text[previous_end : amount.start], text[amount.end : next_start]
            value, high = amount.value, amount.value_high
            metric, rule = item.metric, item.rule
            direction = None
            settled = False  # whether the direction is already told (by the flow before, by a market)
            word = None  # the metric word that says what the figure is, when one does
            if metric == "rank":
                rule = rule or "rank"
            elif amount.unit == "projects":
                # projects with capital beside them, or still in force ("còn hiệu lực", "active"),
                # are investment projects
                upto = items[index + 1].amount.start if index + 1 < len(items) else s.end
                worth = _WORTH.search(text, amount.end, min(upto, amount.end + 40))  # ("18 projects, collectively worth $5.3 billion")
                invest = INVEST_WORDS.search(text, s.start, s.end) or worth or STOCK_WORDS.search(text, s.start, s.end)
                metric, rule = ("fdi_projects", "projects of investment") if invest else ("count", "projects")
            elif metric in ("count", "growth", "other") and amount.unit == "count":  # (a count by its noun, a multiple by its words)
                pass
            elif amount.unit == "percent" or (amount.unit in ("USD", "VND") and _is_change(before)):
                change = _change(before, after)
                earlier = result[-1] if result else None
                if change and amount.unit == "percent" and _CHANGE_TO.search(before) and RATE_WORDS.search(text, s.start, s.end):
                    metric, rule = "other", "a rate brought to a level"  # ("cut their Tariffs down to ZERO", "giảm thuế xuống 0%")
                elif change:
                    metric, rule = "growth", f"change: {change[1]}"
                    if change[0] == "down":
                        value, high = -value, (-high if high is not None else None)
                        if high is not None:
                            value, high = high, value
                elif amount.unit != "percent":
                    word = _nearest(words, previous_end, amount.start) or _nearest(words, s.start, amount.start)
                    metric, rule = (METRIC_WORDS.kind(word), "metric words before") if word else ("other", "no metric words")
                elif SHARE_WORDS.search(before) or _SHARE_AFTER.match(after):
                    metric, rule = "share", "share"
                elif earlier is not None and earlier.amount.unit == "percent" and earlier.metric in ("share", "growth") and _LISTED.fullmatch(before):
                    metric, rule = earlier.metric, f"listed after a {earlier.metric}"  # "chiếm 44% … và 20% …", "to 7.96% from 6.93%"
                elif earlier is not None and earlier.amount.unit == "percent" and earlier.metric == "share" and _FROM_TO.fullmatch(before):
                    metric, rule = "share", "the level a share came to"  # "tỷ trọng tăng từ 20% lên 30%"
                elif _RATE_OF_CHANGE.search(text, max(s.start, _last_flow_end(result, s.start)), amount.start):
                    metric, rule = "growth", "a rate of growth named before it"  # "tốc độ tăng trưởng cao nhất, 53%"
                else:
                    metric, rule = "other", "percent without a change or share"
            else:
                word = _nearest(words, previous_end, amount.start)
                rule = "metric words before"
                if word is None and result and result[-1].metric == "fdi_projects":
                    metric, rule = "fdi_capital", "capital of the projects before"
                elif word is None:
                    # a metric named after the figure, in its clause, or after a list of figures that
                    # share it: "$123.5 billion goods trade surplus", "$1.2 billion and $780.6 million
                    # in registered capital"
                    listed_end = _listed_until(items, index, clause, text)
                    following = [w for w in words if amount.end <= w.start() < listed_end and w.start() - amount.end <= 80]
                    word = following[-1] if following and following[-1].start() - amount.end <= 50 else following[0] if following else None
                    rule = "metric words after"
                if word is None and metric == "":
                    word = _nearest(words, s.start, amount.start)
                    rule = "metric words earlier in the sentence"
                if metric == "":
                    if OTHER_MEASURES.search(text, s.start, amount.start) or OTHER_MEASURES.search(text, *clause):
                        metric, rule = "other", "a measure that is no flow (GDP, revenue)"
                    elif word is not None:
                        metric = METRIC_WORDS.kind(word)
                    elif (market := _market_flow(text, s.start, amount.start, s.end, clause)) is not None:
                        (metric, direction, rule), settled = market, True  # "Mỹ là thị trường xuất khẩu lớn nhất … với kim ngạch 73,2 tỷ USD"
                    elif context.flow and amount.unit in ("USD", "VND") and not DEALS.search(text, s.start, s.end):
                        metric, direction = context.flow[0], context.flow[1]  # "Tiếp đến là đồ gỗ đạt 1,82 tỷ USD"
                        if direction is None and context.partner and metric != "trade_total":  # (told without its partner)
                            direction = f"{context.partner}->VN" if metric == "imports" else f"VN->{context.partner}"
                        rule, settled = "the flow told before", True
                    elif (later := [w for w in words if w.start() >= amount.end]):
                        word, rule = later[0], "metric words later in the sentence"
                        metric = METRIC_WORDS.kind(word)
                    else:
                        metric, rule = "other", "no metric words"
            if not settled:
                metric, direction, told = self._direction(metric, word, amount, clauses, result, context, before)
                rule = f"{rule}; {told}" if told else rule
            result.append(_Found(metric, Amount(value, high, amount.unit, amount.qualifier, amount.text, amount.start, amount.end, amount.scaled),
                                 item.out_of, direction, rule))
        return result

    def _sides_before(self, word: re.Match, clauses, result) -> tuple[str, str] | None:
        """The owner of the flow of goods told last before ``word`` in this sentence, both of
        whose sides its clause names, and its partner; None when there is none."""
        text, s = self.article.text, self.sentence
        if not any(f.metric in ("exports", "imports") and f.direction for f in result):
            return None
        earlier = _nearest(_flow_words(text, s.start, word.start()), s.start, word.start())
        kind = METRIC_WORDS.kind(earlier) if earlier is not None else None
        if kind not in ("exports", "imports"):
            return None
        clause = next((c for c in clauses if c[0] <= earlier.start() < c[1]), (s.start, s.end))
        flow = trade_flow(kind, text, earlier.span(), clause, None, False)
        if flow.rule != "named" or flow.direction is None:
            return None
        exporter, importer = flow.direction.split("->")
        return (exporter, importer) if kind == "exports" else (importer, exporter)

    def _direction(self, metric, word, amount, clauses, result, context: Context, before: str) -> tuple[str, str | None, str]:
        """The metric from Vietnam's side and the direction, and the rule that gave the direction."""
        text, s = self.article.text, self.sentence
        if metric in ("exports", "imports", "trade_surplus") and word is not None:
            clause = next((c for c in clauses if c[0] <= word.start() < c[1]), (s.start, s.end))
            scope = (min(clause[0], amount.start), max(clause[1], amount.end))  # (its clause, and on to the figure)
            # the side a clause leaves unsaid: the partner of the sentence's other flows, none for
            # a sentence on the whole economy ("overall exports …, while imports …"), else the
            # partner of the flows told before
            told = [f.direction for f in result if f.metric in ("exports", "imports", "trade_surplus") and f.direction]
            sides = [side for d in told for side in d.split("->") if side != "VN"]
            whole = whole_economy(text, s.start, s.end)
            partner = sides[-1] if sides else None if whole else context.partner or ("US" if bilateral(text, s.start, s.end) else None)
            if metric == "trade_surplus":
                flow = balance(surplus_kind(word.group()) or "surplus", text, word.span(), scope, partner)
            else:
                flow = trade_flow(metric, text, word.span(), scope, partner, whole_economy(text, *scope),
                                  lambda: self._sides_before(word, clauses, result), home=context.home_in(s.paragraph))
            return flow.metric, flow.direction, f"direction: {flow.rule}"
        if metric in ("fdi_capital", "fdi_projects"):
            direction = _invest_direction(before, text[s.start : s.end])
            # (the investment told before, when the sentence names no other country than its
            # sides: "Lũy kế đến nay, Hoa Kỳ đứng thứ 11 với 1.357 dự án")
            if direction is None and context.investment and {c.code for c in countries_in(text, s.start, s.end)} <= set(context.investment.split("->")):
                return metric, context.investment, "direction: the investment told before"
            return metric, direction, "direction: investment words"
        if metric == "growth":
            # a change belongs to the figure it changes: the one written just before it, else after;
            # but a flow its own clause names after that figure is what changes ("exports reached
            # $97 billion, while imports rose 2.1% to $14.1 billion": the imports rose)
            owner = next((f for f in reversed(result) if f.metric not in ("growth", "share", "rank", "count")), None)
            clause = next((c for c in clauses if c[0] <= amount.start < c[1]), (s.start, s.end))
            word = word or _nearest(_flow_words(text, clause[0], amount.start), max(clause[0], owner.amount.end if owner else 0), amount.start)
            if owner is not None and owner.metric in TRADE_DIRECTED and word is None:
                return metric, owner.direction, "direction: of the figure it changes"
            word = word or _nearest(_flow_words(text, s.start, amount.start), s.start, amount.start)
            if word is not None and METRIC_WORDS.kind(word) in ("exports", "imports", "trade_surplus"):
                _, direction, rule = self._direction(METRIC_WORDS.kind(word), word, amount, clauses, [], context, before)
                return metric, direction, rule
            if word is None and context.flow and not _flow_words(text, s.start, s.end):
                return metric, context.flow[1], "direction: the flow told before"
            return metric, None, ""
        if metric == "other" and amount.unit in ("USD", "VND") and _is_aid(text, s.start, amount.start, amount.end):
            return metric, _aid_direction(text, s.start, s.end), "direction: aid from the side that gives it"
        return metric, None, ""


def _is_aid(text: str, start: int, at: int, end: int) -> bool:
    """Whether an amount is aid: named so before it ("Thỏa thuận viện trợ … trị giá 65 triệu
    USD") or just after it ("$155 million in aid"), and not a budget or a cost, which aid may
    only pay part of."""
    aid = [m.end() for m in AID.finditer(text, start, at)]
    budget = [m.end() for m in BUDGET.finditer(text, start, at)]
    if budget and (not aid or budget[-1] > aid[-1]):
        return False
    return bool(aid) or AID.search(text, end, min(end + _AID_AFTER, len(text))) is not None


def _aid_direction(text: str, start: int, end: int) -> str | None:
    """Aid runs from the one of the two countries that gives it: the United States when it is
    named and the aid is not said to come from Vietnam."""
    countries = countries_in(text, start, end)
    named = {c.code for c in countries}
    if "US" not in named:
        return None
    if any(c.code == "VN" for role in ("from", "of") for c in roles(text, countries)[role]):
        return "VN->US"
    return None if named - {"VN", "US"} else "US->VN"  # (aid of a third country, or to one: none)


def extract_figures(article: Article, problems: list[Problem] | None = None) -> list[Figure]:
    """Every figure the article states, in text order. Captions and image lines are skipped.

    Numbers that cannot be read add a warning to ``problems`` (when given) and give no figure.
    The result is kept with the article: the timeline and the checks ask for it again.
    """
    cached = article.cache.get("figures")
    if cached is None:
        found: list[Problem] = []
        cached = article.cache["figures"] = (tuple(_extract(article, found)), tuple(found))
    if problems is not None:
        problems.extend(cached[1])
    return list(cached[0])


def _extract(article: Article, problems: list[Problem]) -> list[Figure]:
    text = article.text
    low = lowered(text)
    dates = SpanIndex(article_dates(article))

    figures = []
    context = Context()
    published = publication(article).date
    published_year = int(published[:4]) if published else None
    cues = _rank_cues(low) if low is not None else []
    run_starts, run_ends = digit_runs(text)
    for sentence in article.sentences:
        if not sentence.is_prose:
            continue
        # a digit in the sentence: a run of digits overlaps it (found once per article), with an
        # ASCII digit in it (a digit of another script alone states no figure)
        run = bisect_right(run_ends, sentence.start)
        digits = (run < len(run_starts) and run_starts[run] < sentence.end
                  and _DIGIT.search(text, max(run_starts[run], sentence.start), sentence.end) is not None)
        if low is not None:  # a cue in the sentence (one that runs past its end only costs a look)
            may_rank = bisect_left(cues, sentence.end) > bisect_left(cues, sentence.start) or (
                digits and _RANK_AFTER_DIGITS is not None and _RANK_AFTER_DIGITS.search(low, sentence.start, sentence.end) is not None)
        else:
            may_rank = _may_rank(sentence.text.lower(), 0, len(sentence.text))
        # ("tỷ USD", "doubled", "zero percent": one scan for the cues of all three, most sentences have none)
        worded = _cue(_ALL_WORD_CUES, low, sentence) and (
            may_have_bare_scale(low, sentence) or may_multiply(low, sentence) or may_be_worded(low, sentence))
        if not may_rank and not digits and not worded:
            _told_without_figures(article, sentence, dates, context)
            continue
        skip = [(d.start, d.end) for d in dates.within(sentence.start, sentence.end)]
        # an amount starts where a run of digits does: a sentence whose digits all start inside
        # its dates ("Ngày 5/3, …", as most with digits) states none, and is not read for them
        outside = any(not any(a <= run_starts[i] < b for a, b in skip)
                      for i in range(bisect_left(run_starts, sentence.start), bisect_left(run_starts, sentence.end)))
        if not may_rank and not outside and not worded:
            _told_without_figures(article, sentence, dates, context)
            continue
        reader = _SentenceReader(article, sentence, skip, problems)
        ranks = reader.ranks() if may_rank else []
        multiples = reader.multiples() if outside or worded else []
        in_words = reader.worded() if worded else []
        outside = outside or worded
        taken = [(f.amount.start, f.amount.end) for f in ranks + multiples + in_words]
        items = ranks + multiples + in_words + (reader.amounts(taken) if outside else [])
        found = reader.classify(items, context)
        if not found:  # (digits that state no figure: "hoạt động ngoại thương 2 nước")
            _told_without_figures(article, sentence, dates, context)
            continue
        clauses = _clauses(text, sentence.start, sentence.end)
        sentence_dates = dates.within(sentence.start, sentence.end)
        mentions = find_periods(text, sentence.start, sentence.end, published, sentence_dates, hint=context.year or published_year)
        bases = comparison_bases(text, sentence.start, sentence.end, published, sentence_dates, context.year or published_year)
        # (a sentence speaks of investment when it says so, or when its figures are investment:
        # "home to 18 projects, collectively worth $5.3 billion, nearly half of the total")
        investment = INVEST_WORDS.search(text, sentence.start, sentence.end) is not None or any(
            item.metric in STOCK_METRICS for item in found)
        periods = []
        clause_of = [next((c for c in clauses if c[0] <= item.amount.start < c[1]), (sentence.start, sentence.end)) for item in found]
        for index, (item, clause) in enumerate(zip(found, clause_of, strict=True)):
            a = item.amount
            # (a bracket opened right after the clause of the figure before adds to that figure)
            aside = periods[-1] if index and text[clause[0] - 1] == "(" and clause_of[index - 1][1] == clause[0] - 1 else None
            # (a period stated after it in the clause of another figure is that figure's: "fell
            # 2.2% to US$13.4 billion – accelerating from a 1.4% fall in September")
            others = [c for c in clause_of if c != clause and c[0] > a.start]
            free = [m for m in mentions if not any(c[0] <= m.start < c[1] for c in others)]
            governing = figure_period(text, (sentence.start, sentence.end), clause, (a.start, a.end), item.metric, a.unit,
                                      free, sentence_dates, context.period, context.stock, investment, aside, published)
            base = (next((b for b in bases if b.start <= a.start and a.end <= b.end), None)
                    if item.metric != "growth" and governing.rule != RATE_RULE else None)
            if base is not None:  # the figure a change is measured from: of the base's period ("up from $9 billion in 2023")
                told = periods[-1].period if periods and periods[-1].period else context.period
                if base.same_period and told:
                    governing = Governing(shift_years(told, -1), "the base it is compared with: the same period a year before")
                elif base.mentions:
                    nearest = min(base.mentions, key=lambda m: abs(m.start - a.end))
                    governing = Governing(nearest.period, f"the base it is compared with: '{text[nearest.start:nearest.end]}'")
            if governing.period is None and item.metric == "count" and context.period and GOODS_GROUPS.search(text, a.start, a.end):
                # a count of groups of goods counts the flows told before ("3 nhóm hàng lớn
                # nhất chiếm khoảng 50% kim ngạch"): of their period
                governing = Governing(context.period, "the period of the goods told before")
            elif governing.period is None and item.rule.startswith("a multiple: a ratio") and periods and periods[-1].period:
                # a ratio of two flows is of the period of the flow it measures ("đạt 104 tỷ USD
                # (gấp 7 lần trị giá nhập khẩu …)")
                governing = Governing(periods[-1].period, "the period of the figure it compares")
            periods.append(governing)
            figures.append(
                Figure(
                    article=article.name,
                    metric=item.metric,
                    value=a.value,
                    value_high=a.value_high,
                    unit=a.unit,
                    qualifier=a.qualifier,
                    period=governing.period,
                    direction=item.direction,
                    out_of=item.out_of,
                    text=text[a.start : a.end],
                    start=a.start,
                    end=a.end,
                    sentence=sentence.text,
                    rule=f"{item.rule}; period: {governing.rule}",
                )
            )
        context.update(found, periods, planned=TARGETS.search(text, sentence.start, sentence.end) is not None)
        context.named(text, sentence.start, sentence.end, paragraph=sentence.paragraph)
    return _dated_stocks(figures)


# (the words of the multiples written without a number: "doubled"; one written with its number,
# "gấp 3 lần", "tăng 200 lần", is read where the sentence has digits)
_MULTIPLE_CUES = fewest(w for form in MULTIPLE_FORMS if f"(?P<{form.group}_times>" not in form.pattern for w in required_words(form.pattern))


_SCALE_CUES = tuple(sorted({" ".join(w.lower().split()) for w in lang.mapping("numbers.scales")}))


def may_have_bare_scale(low: str | None, sentence: Sentence) -> bool:
    """Whether a sentence without numbers may state an amount by its scale alone ("tỷ USD")."""
    return _cue(_SCALE_CUES, low, sentence)


@lru_cache(maxsize=8)
def _cue_pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def _cue(words, low: str | None, sentence: Sentence) -> bool:
    """Whether one of ``words`` (lower case) occurs in the sentence: one scan of the article
    lower-cased, no copy of the sentence."""
    if low is None:
        return any(word in sentence.text.lower() for word in words)
    return _cue_pattern(tuple(words)).search(low, sentence.start, sentence.end) is not None


_WORDED_CUES = fewest(longest_piece(w) for form in WORDED_FORMS for w in required_words(form.pattern))


def may_be_worded(low: str | None, sentence: Sentence) -> bool:
    """Whether a sentence may state a figure in words ("zero percent", "seventh out of")."""
    return _cue(_WORDED_CUES, low, sentence)


_ALL_WORD_CUES = tuple(sorted({*_SCALE_CUES, *_MULTIPLE_CUES, *_WORDED_CUES}))


def may_multiply(low: str | None, sentence: Sentence) -> bool:
    """Whether a sentence without numbers may state a multiple in words ("doubled")."""
    return _cue(_MULTIPLE_CUES, low, sentence)


_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _dated_stocks(figures: list[Figure]) -> list[Figure]:
    """An article that counts its investment to one date ("As of March 20, there were 735
    active projects …") has its undated positions ("have so far pumped more than US$11
    billion", "This ranks the U.S. seventh") counted to that date too."""
    counted = {f.period for f in figures if f.period and "a stock, counted to '" in f.rule}
    if len(counted) != 1:
        return figures
    (as_of,) = counted
    dated = []
    for figure in figures:
        undated = figure.period is None and (figure.rule.endswith("a stock, counted to no date") or figure.rule.endswith("no period"))
        position = figure.metric in STOCK_METRICS or figure.metric in ("rank", "share") and (
            INVEST_WORDS.search(figure.sentence) or is_cumulative(figure.sentence, 0, len(figure.sentence)))
        if undated and position and not _A_YEAR.search(figure.sentence):  # (a sentence with a date of its own keeps it)
            figure = figure._replace(period=as_of, rule=f"{figure.rule.rsplit('; period: ', 1)[0]}; period: the date the article counts its investment to")
        dated.append(figure)
    return dated


def _told_without_figures(article: Article, sentence: Sentence, dates: SpanIndex, context: Context) -> None:
    """A sentence that states no figure may still say which period the flows told next cover,
    when it speaks of flows or growth, and with which partner."""
    text = article.text
    if not sentence.is_prose:
        return
    flows = bool(_words_within("metrics", text, sentence.start, sentence.end))
    if flows:
        context.named(text, sentence.start, sentence.end, figureless=True, paragraph=sentence.paragraph)
    if flows or _words_within("growth", text, sentence.start, sentence.end):
        published = publication(article).date
        context.told(find_periods(text, sentence.start, sentence.end, published, dates.within(sentence.start, sentence.end),
                                  hint=context.year or (int(published[:4]) if published else None)))


def figures_of_corpus(articles, problems: list[Problem] | None = None) -> list[Figure]:
    """The figures of many articles, one after another, warning once for an article with none."""
    problems = [] if problems is None else problems
    result = []
    for article in articles:
        found = extract_figures(article, problems)
        if not found:
            problems.append(Problem(article.name, "no figures found", "info"))
        result.extend(found)
    return result
