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

from ..errors import MalformedNumber
from ..matching.casefree import CaseFree, FirstOf, Vocabulary, lowered
from ..matching.spans import SpanIndex
from ..model import FLOW_METRICS, Figure, Problem
from ..reading.article import Article, Sentence
from .dates import article_dates, digit_runs, publication
from .numbers import Amount, find_amounts
from .periods import find_periods, is_cumulative

_VN = r"(?:Việt Nam|Viet Nam|Vietnam|VN)(?:'s|ese)?"
_US = r"(?:Mỹ|Hoa Kỳ|Hoa Kì|(?-i:US|U\.S\.?|USA)|United States|America|American)(?:'s)?"


def _words(pattern: str) -> CaseFree:
    """A pattern of trade news, written in lower case, that ignores case, except that "US" is
    the United States only in capitals ("us" is a word); matched on lower-cased text (see
    casefree), which is several times faster than ``re.IGNORECASE``."""
    if "{US}" not in pattern:
        return CaseFree(pattern.replace("{VN}", _VN.lower()))
    return CaseFree(pattern.replace("{VN}", _VN.lower()).replace("{US}", _US.lower().replace("(?-i:", "(?:")),
                    exact=pattern.replace("{VN}", _VN).replace("{US}", _US), capitals=("us", "u.s"))


METRIC_WORDS = Vocabulary({
    "trade_total": r"kim ngạch (?:thương mại|xuất nhập khẩu|hai chiều)|thương mại hai chiều|thương mại song phương|"
                   r"xuất nhập khẩu|tổng kim ngạch|two-way trade|bilateral trade|total trade|trade turnover|trade volume|"
                   r"trade (?:value|between)|goods trade|trade in goods|trade total(?:l?ed|l?ing)",
    "trade_surplus": r"xuất siêu|nhập siêu|thặng dư|thâm hụt|trade gap|surplus|deficit",
    "exports": r"xuất khẩu|exports?|exported|shipments",
    "imports": r"nhập khẩu|imports?|imported",
    "fdi_capital": r"vốn đầu tư|vốn đăng ký|tổng vốn|vốn fdi|fdi|vốn|đầu tư|investments?|invested|capital",
})
GROWTH_WORDS = Vocabulary({
    "up": r"tăng trưởng|tăng|rise|rose|risen|rising|up|increased?|increasing|grew|grown|growth|jumped|surged|climbed|gained",
    "down": r"giảm|sụt giảm|fell|fallen|falling|down|decreased?|declined?|dropped|slumped|contracted|shrank",
})
SHARE_WORDS = _words(r"chiếm|tỷ trọng|tỉ trọng|share|accounting for|accounted for|accounts for|making up")
_CHANGE_BY = _words(r"(?:tăng|giảm|tăng thêm|giảm bớt|up|down|by)\s*$")
_CHANGE_TO = _words(r"(?:lên|đến|tới|to|lên mức|đạt)\s*$")
COUNT_NOUNS = _words(
    r"(?:cơ sở giáo dục|cơ sở|trường đại học|trường|doanh nghiệp|công ty|tập đoàn|nhà đầu tư|quốc gia|nước|"
    r"vùng lãnh thổ|thỏa thuận|thoả thuận|hiệp định|văn kiện|bản ghi nhớ|hợp đồng|đoàn|người|lượt|nhà lãnh đạo|lãnh đạo|"
    r"du học sinh|sinh viên|học sinh|chuyến bay|chuyến|cuộc|thành viên|bang|tỉnh|thành phố|địa phương|chuyên gia|"
    r"lao động|việc làm|máy bay|tàu|cơ quan|tổ chức|sự kiện|chương trình|nhà máy|hội nghị|nghị sĩ|thượng nghị sĩ|"
    r"đối tác|hãng|ngân hàng|học bổng|mặt hàng|sản phẩm|"
    r"schools?|universities|university|companies|company|firms?|businesses|investors|countries|economies|"
    r"agreements?|deals?|memorand(?:a|ums?)|mous?|contracts?|delegations?|people|visitors|students|leaders|"
    r"members|states|provinces|cities|experts|workers|jobs|aircraft|planes|ships|agencies|organi[sz]ations|"
    r"events|programs|programmes|factories|plants|lawmakers|senators|banks|scholarships|products)\b"
)
ORDINAL_WORDS = {"nhất": 1, "nhì": 2, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
                 "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_RANK_NOUN = r"(?:thị trường|đối tác|nhà đầu tư|nguồn|điểm đến|nhà cung cấp|khách hàng|nhà nhập khẩu|nhà xuất khẩu|quốc gia|nước|market|partner|investor|source|destination|supplier|exporter|importer|buyer|customer)"
# the forms of a rank, each with the words it cannot do without (see casefree.FirstOf)
RANK = FirstOf([
    (r"(?P<slash>thứ\s+(?P<s_n>\d{1,3})\s*/\s*(?P<s_m>\d{1,4}))(?![\d/])", ("thứ",)),
    (r"(?:lớn|đứng|xếp|xếp hạng|hạng|vị trí|nhà đầu tư)\s+(?P<ord>thứ\s+(?P<o_n>\d{1,3}|nhất|nhì|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)(?!\w)"
     r"(?:(?:\s*/\s*|\s+(?:trong\s+(?:số\s+)?|trên\s+))(?P<o_m>\d{1,4}))?(?![\d/]))", ("thứ",)),
    (r"(?P<top>l(?<=\sl)ớn nhất|l(?<=\sl)ớn nhì)(?=\W|$)", ("lớn nh",)),
    (r"(?P<en>(?P<e_n>\d{1,3})(?:st|nd|rd|th)(?=[- ](?:largest|biggest|ranked|place|position|out of|of \d)|\s+" + _RANK_NOUN + r"))"
     r"(?:[- ](?:largest|biggest))?(?:\s+(?:out\s+)?of\s+(?P<e_m>\d{1,4})\b)?", re.compile(r"[0-9](?:st|nd|rd|th)")),
    (r"(?P<en_word>(?P<ew>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[- ](?:largest|biggest))",
     ("largest", "biggest")),
    (r"(?P<en_top>l(?<=\sl)argest(?=\s+(?:\w+\s+){0,2}" + _RANK_NOUN + r")|b(?<=\sb)iggest(?=\s+(?:\w+\s+){0,2}" + _RANK_NOUN + r"))",
     ("largest", "biggest")),
])
_TOP_NEEDS = CaseFree(_RANK_NOUN + r"[^,;.]{0,40}$")

# Direction evidence: who exports to or invests in whom.
INVEST_VN_US = _words(
    r"nhận đầu tư (?:của|từ) {VN}|đầu tư (?:của|từ) {VN}|đầu tư (?:ra nước ngoài|sang|vào|tại) {US}|{VN}\s+(?:\w+\s+){0,3}đầu tư (?:sang|vào|tại) {US}|"
    r"{VN} (?:investment|investors|firms|companies|enterprises)\b[^.;]{0,40}\bin (?:the )?{US}|invest(?:ed|ing|ment|ments)? in (?:the )?{US}|outward investment"
)
INVEST_US_VN = _words(
    r"đầu tư (?:trực tiếp )?(?:nước ngoài )?(?:vào|tại) {VN}|đầu tư (?:của|từ) {US}|nhà đầu tư (?:nước ngoài )?(?:lớn )?(?:của )?{US}|{US} (?:là|là nhà đầu tư|đầu tư)|"
    r"{US} (?:investment|investors|firms|companies)\b[^.;]{0,40}\bin {VN}|invest(?:ed|ing|ment|ments)? in {VN}|(?:fdi|investment) (?:from|by) (?:the )?{US}|"
    r"(?:vốn|fdi|đầu tư)[^.;,]{0,20}(?:từ|của) {US}|(?:doanh nghiệp|nhà đầu tư|tập đoàn|công ty) {US}|{US} (?:investors|firms|companies|businesses)"
)
# the United States named in the sentence: without it an investment figure is not the US's
# (total FDI into Vietnam has no direction here)
US_NAMED = _words(r"{US}")
# Where the money or projects are, when no verb of investing says who invests: weaker evidence.
LOCATED_VN = _words(r"(?:i(?<!\wi)n|i(?<!\wi)nto|tại|vào) {VN}")
LOCATED_US = _words(r"(?:i(?<!\wi)n|i(?<!\wi)nto|tại|vào|sang) (?:the )?{US}")
INVEST_WORDS = _words(r"đầu tư|fdi|invest|v(?<!\wv)ốn\b|capital")
SURPLUS_WORDS = _words(r"xuất siêu|nhập siêu|thặng dư|thâm hụt|surplus|deficit|trade gap")
US_EXPORTER = _words(r"{US}\W{0,3}(?:xuất khẩu|exports?|exported|shipments)|(?:xuất khẩu|exports?|shipments) (?:của|từ|from|of) (?:the )?{US}|(?:xuất khẩu|exports?|shipments|xuất)(?: hàng hóa)? (?:sang|vào|to) {VN}")
US_IMPORTER = _words(r"{US}\W{0,3}(?:nhập khẩu|imports?|imported)|(?:nhập khẩu|imports?) (?:của|từ|from) (?:the )?{VN}|(?:nhập khẩu|imports?) (?:vào|into|to) (?:the )?{US}")
WITH_VN = _words(r"(?:với|with) {VN}")
WITH_US = _words(r"(?:với|with) (?:the )?{US}")
US_SUBJECT = _words(r"{US}\W{0,3}(?:\w+\s+){0,3}$")
VN_SUBJECT = _words(r"{VN}\W{0,3}(?:\w+\s+){0,3}$")
EXPORT_MARKET = _words(r"thị trường xuất khẩu|export market|export destination")
IMPORT_MARKET = _words(r"thị trường nhập khẩu|nguồn nhập khẩu|nhà cung cấp|import (?:market|source)|supplier")
# investment evidence: direction and strength (a verb of investing, or only a location)
_EVIDENCE = (("VN->US", INVEST_VN_US, 2), ("US->VN", INVEST_US_VN, 2), ("VN->US", LOCATED_US, 0), ("US->VN", LOCATED_VN, 0))


# a sentence without a digit, an ordinal or a "largest" states no figure (cheap tests first)
_DIGIT = re.compile(r"[0-9]")
_ORDINAL_DIGITS = re.compile(r"[0-9](?:st|nd|rd|th)\b")
# the words of which every rank holds one ("second-largest" holds "largest"), besides the
# ordinals written with digits ("11th")
_RANK_WORDS = ("lớn nh", "thứ", "largest", "biggest")


_RANK_CUE = re.compile("|".join(_RANK_WORDS))


def _may_rank(lowered: str, start: int, end: int) -> bool:
    return bool(_RANK_CUE.search(lowered, start, end) or _ORDINAL_DIGITS.search(lowered, start, end))


def _rank_cues(lowered: str) -> list[int]:
    """Where the lower-cased article has a word that every rank of some form holds (``str.find``
    per word over the article is faster than a pattern per sentence). Ordinals ("11th") hold
    a digit: they are looked for in the sentences with digits."""
    found = []
    for word in _RANK_WORDS:
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


# what ends a clause inside a sentence: a comma, a bracket, or a conjunction
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s(?:và|and|while|trong khi|nhưng|but)\s")
_WORTH = re.compile(r"worth|trị giá|USD|\$")  # capital beside projects


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

        names = {name for key, (english, _) in glossary()["countries"].items() if key not in ("Mỹ", "Hoa Kỳ", "Việt Nam")
                 for name in (key, english.removeprefix("the "))}
        names |= {"EU", "châu Âu", "Europe", "ASEAN", "Mexico", "Nhật", "Hàn", "Đài Loan", "Taiwan", "Hồng Kông", "Hong Kong"}
        _OTHER_PARTNER = re.compile(rf"(?:sang|tới|vào|từ|với|của|to|from|with)\s+(?:the\s+)?(?:thị trường\s+)?{trie_pattern(names)}\b")
    return _OTHER_PARTNER


_OTHER_PARTNER = None
# flows of the whole economy, not with one partner
WHOLE_ECONOMY = _words(r"cả nước|toàn quốc|ra thế giới|toàn cầu|nationwide|overall|worldwide|globally|total (?:exports|imports) of vietnam")


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
            word, lead = words[-1].group(0).lower(), before[: words[-1].start()]
        else:  # named after the amount: "$123.5 billion trade surplus with the US"
            following = SURPLUS_WORDS.search(after[:50])
            word = following.group(0).lower() if following else ""
            lead = before + (after[: following.start()] if following else "")
        if word == "nhập siêu":
            return "US->VN"
        if word == "xuất siêu":
            return "US->VN" if US_SUBJECT.search(lead) else "VN->US"
        surplus = word in ("thặng dư", "surplus")
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
    return _strongest_direction(before) or _strongest_direction(sentence)


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


def _rank_value(match: re.Match) -> tuple[int, int | None, int, int]:
    g = match.groupdict()  # (only the groups of the form that matched)
    if g.get("slash"):
        return int(g["s_n"]), int(g["s_m"]), match.start("slash"), match.end("slash")
    if g.get("ord"):
        n = g["o_n"]
        value = int(n) if n.isdigit() else ORDINAL_WORDS[n.lower()]
        return value, int(g["o_m"]) if g["o_m"] else None, match.start("ord"), match.end("ord")
    if g.get("top"):
        return (1 if g["top"].lower().endswith("nhất") else 2), None, match.start("top"), match.end("top")
    if g.get("en"):
        return int(g["e_n"]), int(g["e_m"]) if g["e_m"] else None, match.start("en"), match.end()
    if g.get("en_word"):
        return ORDINAL_WORDS[g["ew"].lower()], None, match.start("en_word"), match.end("en_word")
    return 1, None, match.start("en_top"), match.end("en_top")


class _SentenceReader:
    """Reads the figures of one sentence: ranks first, then amounts and counts."""

    def __init__(self, article: Article, sentence: Sentence, skip: list[tuple[int, int]], problems: list[Problem]):
        self.article, self.sentence, self.skip, self.problems = article, sentence, skip, problems

    def ranks(self) -> list[_Found]:
        text, s = self.article.text, self.sentence
        found = []
        for match in RANK.finditer(text, s.start, s.end):
            value, out_of, start, end = _rank_value(match)
            if match.lastgroup == "top" and not _TOP_NEEDS.search(text, s.start, start):
                continue  # "lớn nhất" ranks only a partner, market or investor
            if out_of is not None and out_of < value:
                continue
            found.append(_Found("rank", Amount(Decimal(value), None, "rank", None, text[start:end], start, end, False), out_of))
        return found

    def amounts(self, rank_spans) -> list[_Found]:
        text, s = self.article.text, self.sentence
        found = []
        for match, amount in find_amounts(text, s.start, s.end, self.article.language, self.skip + rank_spans):
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
        return [f for f in found if f.amount.unit]

    def _count(self, amount: Amount, match: re.Match) -> _Found | None:
        text = self.article.text
        if amount.scaled and not amount.value_high:
            noun = COUNT_NOUNS.match(text, amount.end + 1)
            if noun and text[amount.end] == " ":
                return _Found("count", self._with_text(amount, amount.start, noun.end(), "count"))
            return _Found("", amount)  # "12 tỷ" may borrow the currency of its neighbours
        if amount.value_high is not None or amount.value != amount.value.to_integral_value():
            return None
        noun = COUNT_NOUNS.match(text, match.end("num") + 1)
        if noun and text[match.end("num")] == " ":
            return _Found("count", self._with_text(amount, amount.start, noun.end(), "count"))
        return None

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

    def classify(self, items: list[_Found]) -> list[_Found]:
        text, s = self.article.text, self.sentence
        items.sort(key=lambda f: f.amount.start)
        result = []
        previous_end = s.start
        for index, item in enumerate(items):
            amount = item.amount
            next_start = items[index + 1].amount.start if index + 1 < len(items) else s.end
            before = text[previous_end : amount.start]
            after = text[amount.end : next_start]
            sentence_before = text[s.start : amount.start]
            metric = item.metric
            value = amount.value
            high = amount.value_high
            if amount.unit == "projects":
                # projects with capital beside them are investment projects
                metric = "fdi_projects" if INVEST_WORDS.search(text[s.start : s.end]) or _WORTH.search(after) else "count"
            elif amount.unit == "percent" or (amount.unit in ("USD", "VND") and _CHANGE_BY.search(before) and not _CHANGE_TO.search(before)):
                # the change is said in the number's own clause: "…, tăng 28,6%", "fell 5.6%"
                own_clause = _CLAUSE_BREAK.split(before)[-1][-50:]
                growth = GROWTH_WORDS.last_kind(own_clause)
                if growth:
                    metric = "growth"
                    if growth == "down":
                        value, high = -value, (-high if high is not None else None)
                        if high is not None:
                            value, high = high, value
                elif amount.unit == "percent":
                    metric = "share" if SHARE_WORDS.search(before) else "other"
                else:
                    metric = _last_metric(before) or _last_metric(sentence_before) or "other"
            elif metric == "":
                metric = (_last_metric(before) or ("fdi_capital" if result and result[-1].metric == "fdi_projects" else None)
                          or _metric_after(after) or _last_metric(sentence_before) or "other")
            direction = self._direction(metric, before, after, sentence_before, amount)
            result.append(_Found(metric, Amount(value, high, amount.unit, amount.qualifier, amount.text, amount.start, amount.end, amount.scaled), item.out_of, direction))
            previous_end = amount.end
        return result

    def _direction(self, metric, before, after, sentence_before, amount) -> str | None:
        text, s = self.article.text, self.sentence
        sentence = text[s.start : s.end]
        if metric in ("exports", "imports", "trade_surplus"):
            return _trade_direction(metric, before, after)
        if metric in ("fdi_capital", "fdi_projects"):
            return _invest_direction(before, sentence)
        if metric == "growth":
            subject = _last_metric(sentence_before)
            if subject in ("exports", "imports", "trade_surplus"):
                words = list(METRIC_WORDS.finditer(sentence_before))
                return _trade_direction(subject, sentence_before[words[-1].start() :] if words else sentence_before, after)
            if subject == "fdi_capital":
                return _invest_direction(sentence_before, sentence)
            return None
        if metric == "rank":
            clause = before + text[amount.start : amount.end] + after
            if INVEST_WORDS.search(clause):
                return _invest_direction(clause, clause)
            # the ranked noun follows the rank in English ("largest export market") and
            # precedes it in Vietnamese ("thị trường xuất khẩu lớn nhất")
            noun = after[:40] if self.article.language == "en" else before[-40:]
            if EXPORT_MARKET.search(noun):
                return "VN->US"
            if IMPORT_MARKET.search(noun):
                return "US->VN"
            return None
        if metric == "count" and INVEST_WORDS.search(sentence):
            return _invest_direction(before, sentence)
        return None


def _period(article: Article, sentence: Sentence, previous: Sentence | None, metric: str, offset: int, periods_of) -> str | None:
    text = article.text
    if metric in ("rank",) or is_cumulative(text, sentence.start, offset):
        return None
    mentions = periods_of(sentence)
    before = [p for p in mentions if p.end <= offset]
    if before:
        return before[-1].period
    after = [p for p in mentions if p.start >= offset]
    if after:
        return after[0].period
    if metric in FLOW_METRICS and previous is not None and previous.paragraph == sentence.paragraph:
        if not is_cumulative(text, previous.start, previous.end):
            earlier = periods_of(previous)
            if earlier:
                return earlier[-1].period
    return None


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
    cache: dict[int, list] = {}

    def periods_of(sentence: Sentence):
        if sentence.start not in cache:
            cache[sentence.start] = find_periods(text, sentence.start, sentence.end, publication(article).date, dates.within(sentence.start, sentence.end))
        return cache[sentence.start]

    figures = []
    previous = None
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
                digits and _ORDINAL_DIGITS.search(low, sentence.start, sentence.end) is not None)
        else:
            may_rank = _may_rank(sentence.text.lower(), 0, len(sentence.text))
        if not may_rank and not digits:
            previous = sentence
            continue
        skip = [(d.start, d.end) for d in dates.within(sentence.start, sentence.end)]
        # an amount starts where a run of digits does: a sentence whose digits all start inside
        # its dates ("Ngày 5/3, …", as most with digits) states none, and is not read for them
        outside = any(not any(a <= run_starts[i] < b for a, b in skip)
                      for i in range(bisect_left(run_starts, sentence.start), bisect_left(run_starts, sentence.end)))
        if not may_rank and not outside:
            previous = sentence
            continue
        reader = _SentenceReader(article, sentence, skip, problems)
        ranks = reader.ranks() if may_rank else []
        items = ranks + (reader.amounts([(r.amount.start, r.amount.end) for r in ranks]) if outside else [])
        for item in reader.classify(items):
            a = item.amount
            figures.append(
                Figure(
                    article=article.name,
                    metric=item.metric,
                    value=a.value,
                    value_high=a.value_high,
                    unit=a.unit,
                    qualifier=a.qualifier,
                    period=_period(article, sentence, previous, item.metric, a.start, periods_of),
                    direction=item.direction,
                    out_of=item.out_of,
                    text=text[a.start : a.end],
                    start=a.start,
                    end=a.end,
                    sentence=sentence.text,
                )
            )
        previous = sentence
    return figures


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
