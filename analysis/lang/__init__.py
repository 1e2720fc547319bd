"""What the program knows of each language, as data: one table per language (``vi.toml``,
``en.toml``), validated when loaded and loaded once.

A table holds words, never code: month names, number words, scale words and currencies,
qualifiers, the words of metrics, growth, direction and investment, the names of the two
countries, period words, event words by kind, titles, and the words of the narration and
the charts. Extraction reads the words of every language (a Vietnamese article quotes
English words, and the reverse); presentation reads the table of the reader's language.
Adding a language is adding its table (and its examples under ``tests/corpus/<code>/``).

The tables are parsed with :mod:`tomllib`, and the parsed form is kept beside them in
``__pycache__`` (as Python keeps bytecode), so that a run of the command line does not pay
for the TOML parser; a table that changes is parsed again.
"""

from __future__ import annotations

import marshal
import re
import sys
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: The order in which the languages' words are tried, where order matters.
LANGUAGE_ORDER = ("vi", "en")


class LanguageDataError(ValueError):
    """A language table that cannot be used: the message names the file and the key."""


# --------------------------------------------------------------------------- the schema
# Every key a table may hold, and what its value must be:
#   words      a list of words or phrases (matched ignoring case, any white space between words)
#   phrases    a list of regular expressions (for the few words that need one)
#   numbers    a table of word → whole number
#   names      a table of word → text
#   kinds      a table of kind → list of words
#   text       one piece of text
#   number     one whole number
#   templates  a table of name → text with {placeholders}
#   forms      a list of tables, each a ``name`` and a ``pattern`` (a regular expression with
#              {PLACEHOLDERS} and named groups), tried in order
SCHEMA = {
    "language.name": "text",
    "language.number_convention": "text",
    "language.letters": "text",
    # reading
    "reading.abbreviations": "words",
    "reading.before_numbers": "words",
    "reading.photo_credits": "words",
    "reading.byline_leads": "words",
    "reading.source_leads": "words",
    # numbers
    "numbers.scales": "numbers",
    "numbers.short_scales": "numbers",
    "numbers.currencies": "kinds",
    "numbers.currency_signs": "names",
    "numbers.not_currency_after": "kinds",
    "numbers.percent": "words",
    "numbers.projects": "words",
    "numbers.measures": "words",
    "numbers.qualifiers": "kinds",
    "numbers.qualifiers_after": "kinds",
    "numbers.range_breakers": "words",
    "numbers.qualifier_fillers": "words",
    "numbers.range_words": "words",
    "numbers.range_pairs": "names",
    "numbers.words": "numbers",
    "numbers.bare_scale_multipliers": "numbers",
    "numbers.bare_scale_nouns": "words",
    "numbers.vague_before": "words",
    # dates
    "dates.forms": "forms",
    "dates.months": "numbers",
    "dates.month_abbreviations": "numbers",
    "dates.day_suffixes": "words",
    "dates.month_alone_leads": "words",
    "dates.year_leads": "words",
    "dates.quarter_words": "numbers",
    "dates.roman": "numbers",
    "dates.parts_of_day": "words",
    "dates.part_of_day_followers": "words",
    "dates.day_leads": "words",
    "dates.day_prefixes": "words",
    "dates.not_month_after": "words",
    "dates.same_day": "words",
    "dates.days_after": "numbers",
    "dates.weekdays": "numbers",
    "dates.relative_days": "numbers",
    "dates.relative_months": "numbers",
    "dates.relative_quarters": "numbers",
    # periods
    "periods.forms": "forms",
    "periods.relative_years": "numbers",
    "periods.halves": "numbers",
    "periods.from_start": "words",
    "periods.from_end": "words",
    "periods.comparison_leads": "words",
    "periods.comparisons": "words",
    "periods.comparison_patterns": "phrases",
    "periods.cumulative": "words",
    "periods.rates": "words",
    "periods.stocks": "words",
    "periods.same_period": "words",
    "periods.same_as_told": "words",
    "periods.same_as_told_not_before": "words",
    "periods.average": "words",
    "periods.standing": "words",
    "periods.targets": "words",
    "periods.unwritten_year": "phrases",
    "periods.since": "words",
    # countries
    "countries.vietnam": "words",
    "countries.us": "words",
    "countries.us_in_capitals": "words",
    "countries.possessive": "words",
    "countries.ambiguous": "words",
    # flows of goods
    "flows.to": "words",
    "flows.from": "words",
    "flows.with": "words",
    "flows.of": "words",
    "flows.holder": "words",
    "flows.goods": "words",
    "flows.bilateral": "words",
    "flows.between": "words",
    # figures
    "figures.metrics": "kinds",
    "figures.metric_phrases": "kinds",
    "figures.growth": "kinds",
    "figures.growth_after": "kinds",
    "figures.share": "words",
    "figures.share_after": "words",
    "figures.list_words": "words",
    "figures.rates_of_change": "words",
    "figures.other_measures": "words",
    "figures.change_by": "words",
    "figures.change_to": "words",
    "figures.change_from": "words",
    "figures.count_nouns": "words",
    "figures.goods_groups": "words",
    "figures.reference_nouns": "words",
    "figures.group_words": "words",
    "figures.count_gap": "number",
    "figures.clause_breaks": "words",
    "figures.clause_breaks_not_before": "words",
    "figures.deals": "words",
    "figures.aid": "words",
    "figures.budget": "words",
    "figures.worth": "words",
    "figures.whole_economy": "words",
    "figures.partner_leads": "words",
    "figures.partner_markets": "words",
    "figures.ranks.forms": "forms",
    "figures.multiples.forms": "forms",
    "figures.worded.forms": "forms",
    "figures.multiples.words": "numbers",
    "figures.multiples.change_words": "words",
    "figures.ranks.ordinals": "numbers",
    "figures.ranks.superlatives": "numbers",
    "figures.ranks.nouns": "words",
    "figures.ranks.leads": "words",
    "figures.ranks.among": "words",
    "figures.ranks.total_leads": "words",
    "figures.ranks.total_nouns": "words",
    "figures.ranks.suffixes": "words",
    "figures.direction.invest_vn_us": "phrases",
    "figures.direction.invest_us_vn": "phrases",
    "figures.direction.located_vn": "phrases",
    "figures.direction.located_us": "phrases",
    "figures.direction.investment": "phrases",
    "figures.direction.us_exporter": "phrases",
    "figures.direction.us_importer": "phrases",
    "figures.direction.with_vn": "phrases",
    "figures.direction.with_us": "phrases",
    "figures.direction.export_market": "phrases",
    "figures.direction.import_market": "phrases",
    "figures.direction.export_surplus": "words",
    "figures.direction.import_surplus": "words",
    "figures.direction.surplus": "words",
    "figures.direction.deficit": "words",
    # the story and its charts
    "story.sentences": "templates",
    "story.trade": "templates",
    "story.investment": "templates",
    "story.labels": "templates",
    "story.eras": "templates",
    "story.charts": "templates",
    "story.arrival_at": "words",
    # the words of a chart for a rank
    "describe.rank_measures": "kinds",
    "describe.rank_verbs": "words",
    "describe.rank_of": "words",
    "describe.rank_in": "words",
    "describe.regions": "words",
    "describe.measure_names": "templates",
    "describe.country_names": "templates",
    "describe.partner_names": "templates",
    "describe.rank_words": "templates",
    # events
    "events.triggers": "kinds",
    "events.future": "phrases",
    "events.milestone_mentions": "phrases",
    "events.milestones": "kinds",
    "events.hypothetical": "phrases",
    "events.nominal_before": "phrases",
    "events.aims": "phrases",
    "events.since": "phrases",
    "events.repeated": "phrases",
    "events.reference_points": "phrases",
    "events.report": "phrases",
    "events.wish": "phrases",
    "events.attend": "phrases",
    "events.gatherings": "phrases",
    "events.opening": "phrases",
    "events.opening_words": "words",
    "events.after_gathering": "phrases",
    # people and places
    "people.surnames": "words",
    "people.connectors": "words",
    "people.former": "words",
    "places.leads": "words",
    "places.airports": "words",
    "places.name_followers": "words",
    "places.not_places": "words",
}
KINDS_OF_VALUE = {"words", "phrases", "numbers", "names", "kinds", "text", "number", "templates", "forms"}
#: The keys a form may hold besides its name and pattern.
FORM_FLAGS = {"capitalised", "without_digits", "needs_noun_before", "unit", "metric", "value", "qualifier", "needs"}
#: The qualifiers a figure may carry (the corpus's conventions).
QUALIFIERS = ("approx", "under", "over", "at_least", "at_most")
#: Values a ``kinds`` table must draw its kinds from, where the kinds are fixed.
FIXED_KINDS = {"numbers.qualifiers": QUALIFIERS, "numbers.qualifiers_after": QUALIFIERS, "numbers.currencies": ("USD", "VND"), "figures.growth": ("up", "down"), "figures.growth_after": ("up", "down"),
               "figures.metrics": ("trade_total", "trade_surplus", "exports", "imports", "fdi_capital"),
               "figures.metric_phrases": ("trade_total", "trade_surplus", "exports", "imports", "fdi_capital"),
               "events.triggers": ("relations", "call", "arrival", "visit", "meeting", "agreement", "trade_policy", "other"),
               "events.milestones": ("normalise", "upgrade", "establish", "lift")}


def _flatten(table: dict, prefix: str = "") -> dict:
    """``{"numbers": {"scales": {...}}}`` → ``{"numbers.scales": {...}}``, down to schema keys."""
    flat = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if name in SCHEMA:
            flat[name] = value
        elif isinstance(value, dict) and any(key.startswith(name + ".") for key in SCHEMA):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = value  # (an unknown key: reported by the check)
    return flat


def _check(path: Path, table: dict) -> dict:
    """The table's values by key, or a :class:`LanguageDataError` naming the first bad key."""
    flat = _flatten(table)
    for key, value in flat.items():
        kind = SCHEMA.get(key)
        where = f"{path.name}: {key}"
        if kind is None:
            raise LanguageDataError(f"{where}: unknown key (the keys a table may hold are listed in analysis/lang/__init__.py)")
        if kind in ("words", "phrases"):
            if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
                raise LanguageDataError(f"{where}: must be a list of non-empty words")
            if kind == "phrases":
                for phrase in value:
                    _compiles(where, phrase)
        elif kind == "numbers":
            if not isinstance(value, dict) or not all(isinstance(n, int) and not isinstance(n, bool) for n in value.values()):
                raise LanguageDataError(f"{where}: must be a table of word = whole number")
        elif kind == "names":
            if not isinstance(value, dict) or not all(isinstance(n, str) for n in value.values()):
                raise LanguageDataError(f"{where}: must be a table of word = \"text\"")
        elif kind == "kinds":
            if not isinstance(value, dict) or not all(isinstance(ws, list) and all(isinstance(w, str) and w.strip() for w in ws)
                                                      for ws in value.values()):
                raise LanguageDataError(f"{where}: must be a table of kind = [words]")
            allowed = FIXED_KINDS.get(key)
            unknown = [k for k in value if allowed and k not in allowed]
            if unknown:
                raise LanguageDataError(f"{where}: unknown kind {unknown[0]!r} (one of {', '.join(allowed)})")
        elif kind == "forms":
            if not isinstance(value, list) or not all(isinstance(f, dict) for f in value):
                raise LanguageDataError(f"{where}: must be a list of [[{key}]] tables")
            for index, form in enumerate(value):
                name = form.get("name")
                if not isinstance(name, str) or not isinstance(form.get("pattern"), str):
                    raise LanguageDataError(f"{where}[{index}]: a form needs a name and a pattern")
                unknown = set(form) - {"name", "pattern"} - FORM_FLAGS
                if unknown:
                    raise LanguageDataError(f"{where} {name!r}: unknown key {sorted(unknown)[0]!r}")
        elif kind == "text":
            if not isinstance(value, str):
                raise LanguageDataError(f"{where}: must be text")
        elif kind == "number":
            if not isinstance(value, int) or isinstance(value, bool):
                raise LanguageDataError(f"{where}: must be a whole number")
        elif kind == "templates":
            if not isinstance(value, dict) or not all(isinstance(t, str) for t in value.values()):
                raise LanguageDataError(f"{where}: must be a table of name = \"text\"")
    return flat


def _compiles(where: str, pattern: str) -> None:
    try:
        re.compile(pattern)
    except re.error as error:
        raise LanguageDataError(f"{where}: {pattern!r} is not a valid pattern ({error})") from None


# --------------------------------------------------------------------------- loading


def _cache_path(path: Path) -> Path:
    return path.parent / "__pycache__" / f"{path.name}.{sys.implementation.cache_tag}.marshal"


def _read(path: Path) -> dict:
    """The checked table of one file, from the parsed form kept beside it when it is current."""
    try:
        status = path.stat()
    except OSError:
        raise LanguageDataError(f"{path.name}: no such language table") from None
    stamp = (status.st_mtime_ns, status.st_size)
    cache = _cache_path(path)
    try:
        cached_stamp, flat = marshal.loads(cache.read_bytes())
        if tuple(cached_stamp) == stamp:
            return flat
    except (OSError, ValueError, EOFError, TypeError):
        pass
    import tomllib

    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise LanguageDataError(f"{path.name}: not valid TOML ({error})") from None
    flat = _check(path, table)
    try:
        cache.parent.mkdir(exist_ok=True)
        temporary = cache.with_suffix(f".{id(flat)}.tmp")
        temporary.write_bytes(marshal.dumps((stamp, flat)))
        temporary.replace(cache)
    except OSError:  # a read-only install: parsed again next time
        pass
    return flat


def languages() -> tuple[str, ...]:
    """The codes of the languages that have a table, in the order their words are tried."""
    found = sorted(p.stem for p in HERE.glob("*.toml"))
    return tuple(sorted(found, key=lambda code: (LANGUAGE_ORDER.index(code) if code in LANGUAGE_ORDER else len(LANGUAGE_ORDER), code)))


@cache
def table(code: str) -> dict:
    """The checked table of one language, by key (``numbers.scales`` …)."""
    if not re.fullmatch(r"[a-z]{2,3}", code):
        raise LanguageDataError(f"{code!r} is not a language code")
    return _read(HERE / f"{code}.toml")


def value(key: str, code: str):
    """One language's value for ``key`` (an empty one of its kind when the table has none)."""
    kind = SCHEMA[key]
    found = table(code).get(key)
    if found is not None:
        return found
    return [] if kind in ("words", "phrases", "forms") else "" if kind == "text" else 0 if kind == "number" else {}


@cache
def words(key: str) -> tuple[str, ...]:
    """The words of ``key`` in every language, in the languages' order, each once."""
    return tuple(dict.fromkeys(w for code in languages() for w in value(key, code)))


@cache
def mapping(key: str) -> dict:
    """The table of ``key`` merged over every language (a kind's words joined in order)."""
    merged: dict = {}
    for code in languages():
        for name, item in value(key, code).items():
            if isinstance(item, list):
                merged[name] = list(dict.fromkeys([*merged.get(name, []), *item]))
            else:
                merged.setdefault(name, item)
    return merged


def alternation(phrases) -> str:
    """Words as one lower-case pattern, the longest first, any white space between words."""
    ordered = sorted(dict.fromkeys(p.lower() for p in phrases), key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(part) for part in phrase.split()) for phrase in ordered)


def whole_words(key: str) -> str:
    """The words of ``key`` as one pattern of whole words: "aid" is not in "said", nor "as of"
    in "has offered"."""
    return rf"(?<!\w)(?:{alternation(words(key))})(?!\w)" if words(key) else "(?!)"
