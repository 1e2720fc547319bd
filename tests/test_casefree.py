"""Fast forms of the patterns find what the plain forms find: lower-cased matching what
re.IGNORECASE finds, branches grouped by first letter and titles split by case what one
pattern finds."""

import re

import pytest

from analysis.extraction import dates, events, figures, periods
from analysis.matching.casefree import CaseFree, by_first_letter, groups_by_first_letter, hoisted, lowered

from .conftest import SEED_000, SEED_003

TEXTS = [SEED_000.read_text(encoding="utf-8"), SEED_003.read_text(encoding="utf-8"),
         "On the same day, Vietnam's exports to the US rose 12% year-on-year, compared with 2024. Q1 2025 rose; "
         "President Trump visited Hanoi and met leaders. Cùng ngày, ông sẽ thăm Hà Nội. So với cùng kỳ, tăng 5%."]
PATTERNS = {f"{module.__name__}.{name}": value for module in (dates, events, figures, periods)
            for name, value in vars(module).items() if isinstance(value, CaseFree)}


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_case_free_patterns_match_as_ignorecase(name):
    pattern = PATTERNS[name]
    for text in TEXTS:
        low = lowered(text)
        expected = [(m.start(), m.end()) for m in re.compile(pattern.exact, re.IGNORECASE).finditer(text)]
        if not pattern._needs_exact(text, low):  # (see the test of capitals below)
            assert [(m.start(), m.end()) for m in pattern.lower.finditer(low)] == expected
        assert [(m.start(), m.end()) for m in pattern.finditer(text)] == expected


def test_grouping_by_first_letter():
    assert by_first_letter("cùng ngày|cũng trong ngày|the day|than") == "c(?:ùng ngày|ũng trong ngày)|t(?:he day|han)"
    assert by_first_letter("a?b|c") == "a?b|c"  # a quantified first letter cannot be grouped
    assert by_first_letter(r"(?P<x>a)|b") == r"(?P<x>a)|b"
    assert by_first_letter(r"a[|(]b|a\|c") == r"a(?:[|(]b|\|c)"
    # a branch that opens with a group of words is spread, one branch per first letter, in order
    assert by_first_letter(r"(?:mỹ|(?:us|u\.s)|anh) là|vào|(?:ab|ac)(?P<x>c)") == r"mỹ là|u(?:s|\.s) là|a(?:nh là|(?:b|c)(?P<x>c))|vào"
    assert by_first_letter(r"(?:a|b)?c|d") == r"(?:a|b)?c|d"  # (a repeated group is not spread)
    assert by_first_letter(r"(?:a|b)(?P<x>c)|d") == r"(?:a|b)(?P<x>c)|d"  # (nor one whose groups would repeat)


def test_opening_look_behinds_are_moved_past_the_first_character_each():
    assert hoisted(r"(?<!\w)thăm") == r"t(?<!\wt)hăm"
    assert hoisted(r"(?<!to )\bcut") == r"c(?<!to c)(?<!\wc)ut"
    assert hoisted(r"(?<!to )\b(?:cut|raise) tariffs") == r"(?:c(?<!to c)(?<!\wc)ut|r(?<!to r)(?<!\wr)aise) tariffs"
    pattern = r"(?<!to )\b(?:cut|raise)s? tariffs|\bheld talks"
    assert groups_by_first_letter(pattern)
    text = "they cut tariffs; willing to cut tariffs; uncut tariffs; to raise tariffs, raises tariffs and held talks"
    assert [m.span() for m in re.finditer(by_first_letter(pattern), text)] == [m.span() for m in re.finditer(pattern, text)]


@pytest.mark.parametrize("pattern", [r"(?:mỹ|hoa kỳ|(?:us|u\.s\.?|usa)|america|american)(?:'s)? (?:là|đầu tư)|vào (?:mỹ|us)",
                                     r"(?:tăng|giảm|tăng thêm|up|by)\s*$", r"(?:i(?<!\wi)n|i(?<!\wi)nto|tại) (?:the )?(?:us|usa)\b"])
def test_spread_branches_match_as_the_pattern(pattern):
    texts = [t.lower() for t in TEXTS] + ["america's investors là nhà đầu tư; americans đầu tư vào usa và vào us, in the usa; "
                                          "into us. tăng thêm , up by ; in usa", "giảm  ", "tăng thêm"]
    for text in texts:
        for start in (0, 3):
            assert [m.span() for m in re.finditer(by_first_letter(pattern), text[start:])] == [m.span() for m in re.finditer(pattern, text[start:])]


def test_case_free_patterns_must_be_written_in_lower_case():
    with pytest.raises(ValueError, match="lower case"):
        CaseFree("Hà Nội")
    CaseFree(r"(?P<Group>\d)\S")  # escapes and group names may hold capitals


def test_titles_split_by_case_find_what_one_pattern_finds():
    from analysis.extraction.actors import _title_pattern, _title_scan

    texts = TEXTS + ["Cựu thượng nghị sĩ Patrick Leahy gặp hạ nghị sĩ Mỹ và Thượng nghị sĩ John McCain; "
                     "the former Senator met the party chief and Secretary of State Marco Rubio."]
    for text in texts:
        whole = [(m.start(), m.end()) for m in _title_pattern().finditer(text)]
        assert [(m.start(), m.end()) for m in _title_scan(text, 0, len(text))] == whole
        assert whole


@pytest.mark.parametrize("name", ["figures.RANK", "figures.MULTIPLE", "figures.WORDED", "periods._SPAN", "dates._SAME_DAY", "dates._WORDS_ONLY"])
def test_first_of_matches_as_the_alternation(name):
    from analysis.matching.casefree import FirstOf

    module, attribute = name.split(".")
    first_of = getattr({"figures": figures, "periods": periods, "dates": dates}[module], attribute)
    assert isinstance(first_of, FirstOf)
    texts = TEXTS + [
        "Mỹ là nhà đầu tư lớn thứ 11/108 và thị trường xuất khẩu lớn nhất; Vietnam is the 8th-largest partner, "
        "the US its largest export market, ranked third-largest, xếp thứ 3 trên 150 quốc gia, đứng thứ nhất.",
        "6 tháng đầu năm 2025 và nửa cuối năm ngoái, H1 2024, từ tháng 3 đến tháng 5/2024, Jan-Mar 2025, the first "
        "half of 2024, the first five months of 2025, năm nay, cùng kỳ năm trước, năm trước, this year, last year.",
        "Cùng ngày, trong cùng ngày và cũng trong ngày; on the same day, later that day, thecùng ngày.",
        "Quý trước, tháng này và năm sau; hôm qua, last quarter, this month, tomorrow and later.",
        "Kim ngạch tăng gấp 3 lần, tăng hơn 200 lần; trade doubled, grew 13-fold and 3 times; zero percent, half of the total, "
        "seventh out of 101, Seventeen of these projects.",
    ]
    whole = re.compile(first_of.pattern, re.IGNORECASE)
    found = 0
    for text in texts:
        expected = [(m.start(), m.end(), m.lastgroup) for m in whole.finditer(text)]
        assert [(m.start(), m.end(), m.lastgroup) for m in first_of.finditer(text)] == expected
        found += len(expected)
        for start, end in ((0, len(text)), (5, len(text) - 5), (len(text) // 2, len(text))):  # (a stretch: each branch checked)
            stretch = [(m.start(), m.end(), m.lastgroup) for m in whole.finditer(text, start, end)]
            assert [(m.start(), m.end(), m.lastgroup) for m in first_of.finditer(text, start, end)] == stretch
    assert found >= 5


def test_word_scan_finds_every_word_that_occurs_overlapping_or_inside_another():
    from analysis.matching.casefree import DIGIT, WordScan

    scan = WordScan(["cùng ngày", "trong cùng ngày", "ngày mai", "quý", f"q{DIGIT}", "năm sau"])
    assert scan.words_in("trong cùng ngày mai, q3 và quý") == {"cùng ngày", "trong cùng ngày", "ngày mai", "quý", f"q{DIGIT}"}
    assert scan.words_in("trong   cùng\nngày") == {"cùng ngày", "trong cùng ngày"}  # (a space stands for any white space)
    assert scan.words_in("năm  sáu, qa, cùngngày") == frozenset()
    assert WordScan([]).words_in("anything") == frozenset()


def test_every_rank_holds_a_rank_cue():
    """A sentence is read for ranks only where a cue word or a digit ordinal occurs: every
    rank the pattern finds holds one."""
    from analysis.extraction.figures import _RANK_AFTER_DIGITS, _RANK_WORDS, RANK

    text = ("Mỹ là nhà đầu tư lớn thứ 11/108, đứng thứ nhất, xếp hạng thứ ba trên 20 và thị trường lớn nhất, lớn nhì; "
            "Vietnam is the 8th-largest partner, ranked 11th of 108, the second-largest supplier, the tenth biggest buyer, "
            "the US its largest export market and the biggest investor.")
    found = [text[m.start() : m.end()].lower() for m in RANK.finditer(text)]
    assert len(found) >= 10
    for rank in found:
        assert any(word in rank for word in _RANK_WORDS) or _RANK_AFTER_DIGITS.search(rank), rank


def test_amount_forms_match_as_one_pattern():
    """The amount pattern as it was written first, one alternation ignoring case: the two
    forms scanned apart find the same amounts, with the same parts."""
    from analysis import lang
    from analysis.extraction.numbers import _NUM, AMOUNT, _unit_words

    _SCALE_RX = lang.alternation(lang.mapping("numbers.scales"))
    units = _unit_words()
    reference = re.compile(
        rf"""(?<![\w.,/\-])(?P<pre>US\$\s?|\$\s?|USD\s)?(?P<num>{_NUM})
        (?:\s*(?P<rdash>[-–—]|đến|tới|to)\s*(?:US\$|\$)?(?P<num2>{_NUM}))?
        (?:\s*(?P<scale>{_SCALE_RX})\b|(?P<short>bn|tn|mn|m|b|k)\b)?
        (?:\s*(?P<unit>{units})(?=\W|$))?""",
        re.IGNORECASE | re.VERBOSE,
    )
    texts = TEXTS + ["Kim ngạch đạt 15,8 tỷ USD, gần US$1.2 billion, $ 3bn, USD 40 triệu, 5-7 tỷ đồng, 1.409 dự án, "
                     "ab12 và 3/4, x.5, 25.400 đồng/USD, 12 đô la Mỹ, 30 percent, 17–20 million dollars, us$5."]
    parts = ("pre", "num", "num2", "scale", "short", "unit")
    for text in texts:
        expected = [(m.start(), m.end(), *((m.group(p) or "").lower() for p in parts)) for m in reference.finditer(text)]
        found = [(m.start(), m.end(), *((m.groupdict().get(p) or "").lower() for p in parts)) for m in AMOUNT.finditer(text)]
        assert found == expected
    assert len(expected) >= 12


CAPITALS_TEXTS = TEXTS + [
    "Mỹ là nhà đầu tư lớn thứ 11 vào Việt Nam với 1.409 dự án.", "US firms invested $2 billion in Vietnam.",
    "Vietnamese companies invest in the U.S. and USA markets; FDI from the US rose.",
    "Doanh nghiệp Việt Nam đầu tư sang Hoa Kỳ 1,2 tỷ USD, USA và U.S.A.", "US investment in VIETNAM and in the usa",
    "Us firms and U.s. investors invested in the Us; thus the business of USA trade.",
    "us investment in vietnam (lower case); exports to us rose, with us",
]


@pytest.mark.parametrize("name", sorted(name for name, pattern in PATTERNS.items() if pattern.capitals))
def test_patterns_with_capitals_find_what_the_exact_pattern_finds(name):
    """"US" counts only in capitals: the lower-case form runs only where it finds the same, and
    it finds more, so its quick "no" never hides a match of the exact pattern."""
    pattern = PATTERNS[name]
    exact = re.compile(pattern.exact, re.IGNORECASE)
    lower_case_used = 0
    for text in CAPITALS_TEXTS:
        expected = [(m.start(), m.end()) for m in exact.finditer(text)]
        assert [(m.start(), m.end()) for m in pattern.finditer(text)] == expected
        assert (pattern.search(text) is None) == (not expected)
        for start, _ in expected:
            assert pattern.lower.search(text.lower(), start) is not None
        if not pattern._needs_exact(text, text.lower()):
            lower_case_used += 1
            assert [(m.start(), m.end()) for m in pattern.lower.finditer(text.lower())] == expected
    assert lower_case_used >= 4


def test_vocabulary_kinds_are_the_groups_of_one_alternation():
    """The kinds of a vocabulary's matches are the groups an alternation of its kinds reports;
    a match is a whole word ("up" is not in "upgrade", nor "import" in "important")."""
    texts = TEXTS + ["Xuất nhập khẩu và xuất khẩu, nhập siêu, vốn FDI, two-way trade, exports rose; trade totalled $5bn, "
                     "goods trade surplus, shipments and imported goods; tăng trưởng 5%, giảm, sụt giảm, fell, rising; "
                     "an important upgrade, setup."]
    for vocabulary in (figures.METRIC_WORDS, figures.GROWTH_WORDS):
        groups = re.compile("|".join(f"(?P<{kind}>{words})" for kind, words in vocabulary.kinds.items()), re.IGNORECASE)
        for text in texts:
            expected = [(m.start(), m.end(), m.lastgroup) for m in groups.finditer(text)
                        if not (m.start() and text[m.start() - 1].isalnum() or text[m.end() : m.end() + 1].isalnum())]
            assert [(m.start(), m.end(), vocabulary.kind(m)) for m in vocabulary.finditer(text)] == expected
            assert vocabulary.last_kind(text) == (expected[-1][2] if expected else None)
    assert not list(figures.GROWTH_WORDS.finditer("an upgrade")) and not list(figures.METRIC_WORDS.finditer("an important step"))
    with pytest.raises(ValueError, match="look-arounds"):
        from analysis.matching.casefree import Vocabulary

        Vocabulary({"a": r"up\b"})


def test_places_scanned_apart_find_what_one_pattern_finds():
    from analysis.extraction.actors import _PLACE_AFTER_WORD, _PLACE_IN_BRACKETS

    whole = re.compile(
        r"(?:(?<!\w)(?:tại|ở|đến|tới|sang|thăm|in|at|to|visit(?:ed)?)\s+)(?P<place>sân bay(?: quân sự)? [A-Z]\w+|[A-ZĐ][^\s,.;:()]*(?:\s+[A-ZĐ][^\s,.;:()]*){0,3})"
        r"|\((?P<paren>[A-ZĐ][^\s,.;:()]*(?:\s+[A-ZĐ][^\s,.;:()]*){0,2})\)")
    texts = TEXTS + ["Ông đến sân bay quân sự Andrews (Maryland) rồi tới Washington DC; visited Hanoi (Vietnam) and "
                     "met in Ho Chi Minh City (Hồ Chí Minh), thăm Hà Nội (Việt Nam Mỹ) ởMỹ, at (The White House)."]
    for text in texts:
        expected = [(m.start(), m.end(), m.group("place") or m.group("paren")) for m in whole.finditer(text)]
        found = sorted([*_PLACE_AFTER_WORD.finditer(text), *_PLACE_IN_BRACKETS.finditer(text)], key=lambda m: m.start())
        assert [(m.start(), m.end(), m.group(1)) for m in found] == expected


def test_date_start_words_found_then_checked_for_a_word_start():
    """Words found anywhere, then kept where a word starts: what a look-behind before the words finds."""
    from analysis.extraction.dates import _START_WORDS, _date_word_starts

    plain = re.compile(r"(?:(?<=[\s(\"“'])|^)(?:" + "|".join(_START_WORDS) + ")")
    texts = TEXTS + ["sáng 19/2, (ngày 5/3) \"tháng 7 năm 2025\" quý II, the first quarter of 2025; xsáng ngày, "
                     "the thirdq; 'q1 2025', vào ngày 4 tháng 7, hôm 3/2, đêm 1/1, khuya, nov. 5 sept 2 jan, othe theq",
                     "Sáng Ngày 5 THÁNG 7 İstanbul"]
    for text in texts:
        low = lowered(text)
        for pos, endpos in ((0, len(text)), (5, 40), (3, 9)):
            expected = [m.start() for m in (plain.finditer(low, pos, endpos) if low is not None else re.compile(plain.pattern, re.I).finditer(text, pos, endpos))]
            assert _date_word_starts(text, pos, endpos) == expected


@pytest.mark.parametrize("text", ["Tổng thống Mỹ THĂM Hà Nội ngày 5/3.", "İstanbul: Đại sứ İ. Kaya gặp Bộ trưởng."])
def test_lowered_slice_is_the_slice_lower_cased(text):
    from analysis.matching.casefree import lowered_slice

    for start, end in ((0, len(text)), (3, 17), (10, 11)):
        assert lowered_slice(text, start, end) == text[start:end].lower()
