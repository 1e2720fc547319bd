"""Numbers: Vietnamese and English conventions, scales, currencies, qualifiers."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.errors import MalformedNumber
from analysis.extraction.numbers import find_amounts, parse_number, precision


def amounts(text, language="vi"):
    return [a for _, a in find_amounts(text, 0, len(text), language)]


@pytest.mark.parametrize(
    "token, language, whole, expected",
    [
        ("15,8", "vi", False, "15.8"),  # Vietnamese decimal comma
        ("1.409", "vi", True, "1409"),  # Vietnamese thousands dot
        ("1.409,5", "vi", False, "1409.5"),
        ("24.1", "vi", False, "24.1"),  # English decimal in a Vietnamese text
        ("1,409", "vi", True, "1409"),  # English thousands for a count in a Vietnamese text
        ("1,409", "en", True, "1409"),
        ("15.8", "en", False, "15.8"),
        ("15,8", "en", False, "15.8"),  # Vietnamese decimal in an English text
        ("1.409", "en", True, "1409"),
        ("50.000", "vi", False, "50000"),
        ("12", "vi", False, "12"),
    ],
)
def test_parse_number(token, language, whole, expected):
    assert parse_number(token, language, whole) == Decimal(expected)


@pytest.mark.parametrize("token", ["1.2.3,4", "1,2,3.4", "12.34.5"])
def test_malformed_numbers_raise(token):
    with pytest.raises(MalformedNumber):
        parse_number(token, "vi")


@pytest.mark.parametrize(
    "text, language, value, unit",
    [
        ("15,8 tỷ USD", "vi", 15_800_000_000, "USD"),
        ("24.1 tỉ USD", "vi", 24_100_000_000, "USD"),
        ("500 triệu đô la Mỹ", "vi", 500_000_000, "USD"),
        ("3 triệu đô la", "vi", 3_000_000, "USD"),
        ("2 tỷ Mỹ kim", "vi", 2_000_000_000, "USD"),
        ("50.000 tỷ đồng", "vi", 50_000_000_000_000, "VND"),
        ("1,2 nghìn tỷ đồng", "vi", 1_200_000_000_000, "VND"),
        ("300 nghìn USD", "vi", 300_000, "USD"),
        ("12.000 VND", "vi", 12_000, "VND"),
        ("28,6%", "vi", Decimal("28.6"), "percent"),
        ("11.4%", "vi", Decimal("11.4"), "percent"),
        ("5 phần trăm", "vi", 5, "percent"),
        ("1.409 dự án", "vi", 1409, "projects"),
        ("$12 billion", "en", 12_000_000_000, "USD"),
        ("US$1.5bn", "en", 1_500_000_000, "USD"),
        ("$300m", "en", 300_000_000, "USD"),
        ("15.8 billion USD", "en", 15_800_000_000, "USD"),
        ("1,409 projects", "en", 1409, "projects"),
        ("2.5 million US dollars", "en", 2_500_000, "USD"),
        ("7 percent", "en", 7, "percent"),
    ],
)
def test_amount_value_and_unit(text, language, value, unit):
    (amount,) = amounts(text, language)
    assert (amount.value, amount.unit, amount.text) == (Decimal(value), unit, text)


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("khoảng 1.409 dự án", "approx"),
        ("xấp xỉ 2 tỷ USD", "approx"),
        ("ước đạt 3 tỷ USD", "approx"),
        ("about $3 billion", "approx"),
        ("gần 1,3 tỷ USD", "under"),
        ("nearly $1.3 billion", "under"),
        ("trên 11,9 tỷ USD", "over"),
        ("hơn 20%", "over"),
        ("vượt 100 tỷ USD", "over"),
        ("more than $11.9 billion", "over"),
        ("ít nhất 5 tỷ USD", "at_least"),
        ("at least $5 billion", "at_least"),
        ("tối đa 46%", "at_most"),
        ("up to 46%", "at_most"),
        ("đạt 15,8 tỷ USD", None),
    ],
)
def test_qualifiers(text, qualifier):
    (amount,) = amounts(text, "en" if text[0].isascii() and "đ" not in text else "vi")
    assert amount.qualifier == qualifier


@pytest.mark.parametrize(
    "text, low, high",
    [("1,5–1,6 tỷ USD", 1_500_000_000, 1_600_000_000), ("17-20%", 17, 20), ("từ 2 đến 3 tỷ USD", 2_000_000_000, 3_000_000_000)],
)
def test_ranges(text, low, high):
    (amount,) = amounts(text)
    assert (amount.value, amount.value_high) == (low, high)


def test_precision_follows_the_digits_written():
    assert precision(Decimal("15.8").scaleb(9)) == Decimal("5E7")
    assert precision(Decimal(12).scaleb(9)) == Decimal("5E8")
    assert precision(Decimal(1409)) == Decimal("0.5")


money = st.decimals(min_value=Decimal("0.1"), max_value=Decimal("999999.9"), places=1, allow_nan=False, allow_infinity=False)


def vietnamese(value: Decimal) -> str:
    whole, _, fraction = f"{value:.1f}".partition(".")
    return f"{int(whole):,}".replace(",", ".") + "," + fraction


@given(money, st.sampled_from([("tỷ USD", 9), ("triệu USD", 6), ("nghìn tỷ đồng", 12)]))
def test_vietnamese_amounts_round_trip(value, scale):
    word, exponent = scale
    (amount,) = amounts(f"đạt {vietnamese(value)} {word} trong năm", "vi")
    assert amount.value == value.scaleb(exponent)


@given(money, st.sampled_from([("billion", 9), ("million", 6)]))
def test_english_amounts_round_trip(value, scale):
    word, exponent = scale
    (amount,) = amounts(f"reached ${value:,.1f} {word} last year", "en")
    assert amount.value == value.scaleb(exponent)


@given(st.integers(min_value=1, max_value=9_999_999))
def test_counts_round_trip_both_conventions(count):
    vi = f"{count:,}".replace(",", ".")
    assert amounts(f"với {vi} dự án", "vi")[0].value == count
    assert amounts(f"with {count:,} projects", "en")[0].value == count


@pytest.mark.parametrize("text", ["tỷ giá 25.400 đồng/USD", "giá 3 USD/kg", "$2.5/gallon"])
def test_rates_and_prices_are_not_amounts(text):
    assert [a for a in amounts(text) if a.unit in ("USD", "VND")] == []


@given(st.from_regex(r"\A[0-9]{1,15}\Z"), st.sampled_from(["vi", "en"]), st.booleans())
def test_plain_digits_read_as_babel_reads_them(token, language, whole):
    """Plain digits skip Babel for speed: the value must be exactly Babel's, in both conventions."""
    from babel.numbers import parse_decimal

    value = parse_number(token, language, whole)
    assert value == parse_decimal(token, locale="vi", strict=True) == parse_decimal(token, locale="en", strict=True)
    assert str(value) == str(parse_decimal(token, locale=language, strict=True))
