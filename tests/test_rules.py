"""Every rule of the language tables is reached by the engine: an example made from each form's
own pattern is found through the fast path (prefilters, first words, branches scanned apart)
exactly as the plain pattern finds it. A rule added to a table that the engine's prefilters
would pass over fails here."""

import re

import pytest

from analysis import lang
from analysis.extraction import dates, events, figures, numbers, periods
from analysis.matching.casefree import CaseFree, groups_by_first_letter, lowered

from .examples import example


def _examples(forms):
    for form in forms:
        made = example(form.pattern)
        assert made is not None, f"no example could be made of {form.name}"
        context, _ = made
        yield form, (context.title() if form.capitalised else context)


def _plain(pattern: str, text: str):
    return [(m.start(), m.end(), m.lastgroup) for m in re.compile(pattern, re.IGNORECASE).finditer(text)]


@pytest.mark.parametrize("form", dates.FORMS, ids=lambda f: f.name)
def test_every_date_form_is_found_where_the_plain_pattern_finds_it(form):
    (_, text), = _examples([form])
    plain = _plain("|".join(f.pattern for f in dates.FORMS), text)
    assert plain, text
    found = [(m.start(), m.end(), m.lastgroup) for m in dates._candidates(text, 0, len(text))]
    assert found == plain, text


@pytest.mark.parametrize("forms, engine", [(periods.FORMS, periods._SPAN), (figures.RANK_FORMS, figures.RANK)], ids=["periods", "ranks"])
def test_every_period_and_rank_form_is_found_through_its_branch(forms, engine):
    for form, text in _examples(forms):
        plain = _plain(engine.pattern, text)
        assert plain, (form.name, text)
        assert [(m.start(), m.end(), m.lastgroup) for m in engine.finditer(text)] == plain, (form.name, text)


@pytest.mark.parametrize("form", figures.RANK_FORMS, ids=lambda f: f.name)
def test_every_rank_form_holds_a_rank_cue(form):
    """A sentence is read for ranks only where a cue occurs: every rank form's example has one."""
    (_, text), = _examples([form])
    assert figures._may_rank(lowered(text), 0, len(text)), text


def test_every_amount_form_is_found_through_its_branch():
    for part in numbers.AMOUNT.parts:
        context, span = example(part.pattern)
        assert [m.span() for m in part.finditer(context)] == [m.span() for m in re.finditer(part.pattern, context, re.I)]
        assert any(m.start() == span[0] for m in numbers.AMOUNT.finditer(context)), context


WORD_LISTS = {
    "triggers": [(kind, phrase) for kind, phrases in lang.mapping("events.triggers").items() for phrase in phrases],
    "metrics": [(kind, lang.alternation([w])) for kind, words in lang.mapping("figures.metrics").items() for w in words],
    "growth": [(kind, lang.alternation([w])) for kind, words in lang.mapping("figures.growth").items() for w in words],
}


@pytest.mark.parametrize("name", sorted(WORD_LISTS))
def test_every_word_of_a_kind_is_found_and_tells_its_kind(name):
    vocabulary = {"metrics": figures.METRIC_WORDS, "growth": figures.GROWTH_WORDS}.get(name)
    for kind, phrase in WORD_LISTS[name]:
        context, span = example(phrase)
        if vocabulary is not None:
            found = [vocabulary.kind(m) for m in vocabulary.finditer(context) if m.start() <= span[0] < m.end()]
        else:
            found = [k for k, m in events._kinds(context, lowered(context))]
        assert kind in found, (phrase, context)


VOCABULARIES = {
    "event triggers": events._ANY_TRIGGER, "metric words": figures.METRIC_WORDS.words, "growth words": figures.GROWTH_WORDS.words,
    "other measures": figures.OTHER_MEASURES, "deals": figures.DEALS, "shares": figures.SHARE_WORDS, "stocks": periods.STOCK_WORDS,
    "cumulative": periods.CUMULATIVE, "rates": periods.RATE_WORDS, "future": events.FUTURE,
}


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
def test_word_lists_asked_of_every_sentence_stay_grouped_by_first_letter(name):
    # (a phrase that opens with an optional group, "(?:tele)?phone", makes the engine try
    # every phrase at every position: write its forms out instead)
    assert groups_by_first_letter(VOCABULARIES[name].pattern), name


def test_comparison_phrases_are_found_through_the_prefilter():
    for phrase in [*lang.words("periods.comparison_leads"), *lang.words("periods.comparisons")]:
        context, span = example(lang.alternation([phrase]))
        assert [m.span() for m in periods.COMPARISON.finditer(context)] == [m.span() for m in re.finditer(periods.COMPARISON.pattern, context)]


def test_case_free_patterns_find_what_ignorecase_finds_on_their_examples():
    for pattern in (periods.COMPARISON, periods.CUMULATIVE, events.FUTURE, figures.SHARE_WORDS, figures.US_EXPORTER, figures.INVEST_US_VN):
        for branch in pattern.pattern.split("|")[:40]:
            try:
                made = example(branch)
            except re.error:
                continue  # (a piece of a branch split at a bar inside a group)
            if made is None:
                continue
            context = made[0]
            assert [m.span() for m in pattern.finditer(context)] == [m.span() for m in re.finditer(pattern.exact, context, re.I)]
        assert isinstance(pattern, CaseFree)
