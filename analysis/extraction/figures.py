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
    lowered,
    opening_words,
    required_words,
    words_after_digits,
)
from ..matching.rules import load_forms, slot
from ..matching.spans import SpanIndex
from ..model import FLOW_METRICS, Figure, Problem
from ..reading.article import Article, Sentence
from .dates import article_dates, digit_runs, publication
from .numbers import Amount, find_amounts
from .periods import find_periods, is_cumulative


def _names(key: str) -> str:
    return lang.alternation(lang.words(key))


_POSSESSIVE = "".join(f"(?:{w})?" for w in [_names("countries.possessive")] if w)
_VN = f"(?:{_names('countries.vietnam')}){_POSSESSIVE}"
_US_CAPITALS = [re.escape(w) for w in sorted(lang.words("countries.us_in_capitals"), key=lambda w: (-len(w), w))]
_US = f"(?:{_names('countries.us')}|(?-i:{'|'.join(_US_CAPITALS)})){_POSSESSIVE}"
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
    return CaseFree(pattern.replace("{VN}", _VN.lower()).replace("{US}", _US.lower().replace("(?-i:", "(?:")),
                    exact=pattern.replace("{VN}", _VN).replace("{US}", _US), capitals=_CAPITALS)


def _phrases(key: str) -> str:
    """The phrases of ``key`` in every language, as one alternation."""
    return "|".join(lang.words(key))


METRIC_WORDS = Vocabulary({kind: lang.alternation(words) for kind, words in lang.mapping("figures.metrics").items()})
GROWTH_WORDS = Vocabulary({kind: lang.alternation(words) for kind, words in lang.mapping("figures.growth").items()})
SHARE_WORDS = _words(_names("figures.share"))
_CHANGE_BY = _words(rf"(?:{_names('figures.change_by')})\s*$")
_CHANGE_TO = _words(rf"(?:{_names('figures.change_to')})\s*$")
COUNT_NOUNS = _words(rf"(?:{_names('figures.count_nouns')})\b")
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
_NEEDS_NOUN_BEFORE = {form.group for code in lang.languages() for form, entry in zip(
    [f for f in RANK_FORMS if f.name.startswith(f"{code}:")], lang.value("figures.ranks.forms", code), strict=True) if entry.get("needs_noun_before")}
_TOP_NEEDS = CaseFree(_RANK_NOUN + r"[^,;.]{0,40}$")

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


# what ends a clause inside a sentence: a comma, a bracket, or a conjunction
_CLAUSE_BREAK = re.compile(rf"[,;:()]|\s(?:{_names('figures.clause_breaks')})\s")
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
WHOLE_ECONOMY = _words(_names("figures.whole_economy"))


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

    def ranks(self) -> list[_Found]:
        text, s = self.article.text, self.sentence
        found = []
        for match in RANK.finditer(text, s.start, s.end):
            value, out_of, start, end = _rank_value(match)
            if match.lastgroup in _NEEDS_NOUN_BEFORE and not _TOP_NEEDS.search(text, s.start, start):
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
                digits and _RANK_AFTER_DIGITS is not None and _RANK_AFTER_DIGITS.search(low, sentence.start, sentence.end) is not None)
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
