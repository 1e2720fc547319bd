"""Property tests on the parsers and on extraction from mutated seed text."""

import re
from decimal import Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from analysis.errors import MalformedNumber
from analysis.extraction.dates import find_dates
from analysis.extraction.figures import extract_figures
from analysis.extraction.numbers import find_amounts, parse_number
from analysis.reading.article import parse_article

from .conftest import SEED_000, SEED_003

SEEDS = [SEED_000.read_text(encoding="utf-8"), SEED_003.read_text(encoding="utf-8")]
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@given(st.text(alphabet="0123456789.,", min_size=1, max_size=14), st.sampled_from(["vi", "en"]), st.booleans())
def test_parse_number_returns_a_decimal_or_says_malformed(token, language, whole):
    try:
        value = parse_number(token, language, whole)
    except MalformedNumber:
        return
    assert isinstance(value, Decimal) and value >= 0
    # every digit of the value was written: a parse never invents digits
    written = re.sub(r"\D", "", token).lstrip("0")
    assert re.sub(r"\D", "", format(value, "f")).strip("0") in written


@given(st.lists(st.sampled_from(["ngày", "tháng", "năm", "quý", "Chiều", "19/2", "7/1995", "2026", "24 – 26/8", "Feb.", "19,", "(9/2024)",
                                 "thứ 11/108", "15,8", "tỷ", "USD", "Cùng ngày", "I/2025", "-", "/", ".", " "]), max_size=30),
       st.sampled_from([None, "2026-02-20"]))
def test_dates_never_fail_and_point_into_the_text(words, published):
    text = " ".join(words)
    for mention in find_dates(text, published):
        assert text[mention.start : mention.end] == mention.text
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?|-Q[1-4])?(/\d{4}-\d{2}-\d{2})?", mention.date)


def mutate(text: str, data) -> str:
    """Change digits, swap separators and delete words, as careless copying does."""
    for _ in range(data.draw(st.integers(1, 6))):
        action = data.draw(st.sampled_from(["digit", "separator", "delete"]))
        if action == "digit":
            spots = [m.start() for m in re.finditer(r"\d", text)]
            if spots:
                at = data.draw(st.sampled_from(spots))
                text = text[:at] + str(data.draw(st.integers(0, 9))) + text[at + 1 :]
        elif action == "separator":
            spots = [m.start() for m in re.finditer(r"(?<=\d)[.,](?=\d)", text)]
            if spots:
                at = data.draw(st.sampled_from(spots))
                text = text[:at] + {".": ",", ",": "."}[text[at]] + text[at + 1 :]
        else:
            words = list(re.finditer(r"\S+", text))
            word = data.draw(st.sampled_from(words))
            text = text[: word.start()] + text[word.end() :]
    return text


@FAST
@given(st.data())
def test_extraction_on_mutated_seeds(data):
    text = mutate(data.draw(st.sampled_from(SEEDS)), data)
    problems = []
    article = parse_article(text, "mutated.txt")
    for figure in extract_figures(article, problems):
        assert article.text[figure.start : figure.end] == figure.text
        assert figure.sentence in article.text
        if figure.unit in ("USD", "VND", "percent", "projects"):
            # the value comes back from the text alone (its sign from the words around it)
            (first, *_) = [a for _, a in find_amounts(figure.text, 0, len(figure.text), article.language) if not isinstance(a, MalformedNumber)]
            assert abs(figure.value) == abs(first.value) or (figure.value_high is not None and {abs(figure.value), abs(figure.value_high)} == {first.value, first.value_high})
    assert all(p.article == "mutated.txt" for p in problems)


@FAST
@given(st.data())
def test_changing_a_digit_changes_the_value_accordingly(data):
    text = SEEDS[0]
    article = parse_article(text, "seed.txt")
    figures = [f for f in extract_figures(article) if f.unit in ("USD", "percent", "projects")]
    figure = data.draw(st.sampled_from(figures))
    digits = [m.start() for m in re.finditer(r"\d", figure.text)]
    at = figure.start + data.draw(st.sampled_from(digits))
    new_digit = data.draw(st.integers(1, 9))
    assume(str(new_digit) != text[at])
    changed = parse_article(text[:at] + str(new_digit) + text[at + 1 :], "seed.txt")
    after = next(f for f in extract_figures(changed) if f.start == figure.start)
    # the value moves by the digit's change times the place value of that digit
    number = re.match(r"[\d.,]+", figure.text).group(0)
    offset = at - figure.start
    place = [i for i, ch in enumerate(number) if ch.isdigit()]
    decimals = 0
    if "," in number or (figure.unit != "projects" and "." in number and not re.fullmatch(r"\d{1,3}(\.\d{3})+", number)):
        sep = number.rfind("," if "," in number else ".")
        decimals = len([i for i in place if i > sep])
    position_from_right = len([i for i in place if i > offset])
    scale = (figure.value / Decimal(re.sub(r"\D", "", number)).scaleb(-decimals)) if figure.value else Decimal(1)
    step = Decimal(new_digit - int(text[at])).scaleb(position_from_right - decimals) * scale
    assert after.value == figure.value + step
    assert (after.metric, after.unit, after.period, after.direction) == (figure.metric, figure.unit, figure.period, figure.direction)
