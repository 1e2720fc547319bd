"""Meaning of figures: metric, period, direction, ranks, counts, and what is not a figure."""

import pytest

from analysis.extraction.figures import extract_figures

from .conftest import article


def figures(text, published="2026-02-20"):
    return [(f.metric, f.value, f.period, f.direction) for f in extract_figures(article(text, published=published))]


@pytest.mark.parametrize(
    "text, period",
    [
        ("Trong tháng 1/2026, xuất khẩu đạt 13,9 tỷ USD.", "2026-01"),
        ("Năm 2025, xuất khẩu đạt 119 tỷ USD.", "2025"),
        ("Quý I/2025, xuất khẩu đạt 30 tỷ USD.", "2025-Q1"),
        ("Quý 3/2025, xuất khẩu đạt 30 tỷ USD.", "2025-Q3"),
        ("6 tháng đầu năm 2025, xuất khẩu đạt 60 tỷ USD.", "2025-H1"),
        ("Nửa đầu năm 2025, xuất khẩu đạt 60 tỷ USD.", "2025-H1"),
        ("10 tháng đầu năm 2025, xuất khẩu đạt 100 tỷ USD.", "2025-01/2025-10"),
        ("Từ tháng 1 đến tháng 10/2025, xuất khẩu đạt 100 tỷ USD.", "2025-01/2025-10"),
        ("Năm ngoái, xuất khẩu đạt 119 tỷ USD.", "2025"),  # resolved against the publication date
        ("Năm nay xuất khẩu dự kiến đạt 130 tỷ USD.", "2026"),
        ("Xuất khẩu đạt 13,9 tỷ USD trong tháng 1/2026.", "2026-01"),  # period after the number
        ("Exports reached $13.9 billion in January 2026.", "2026-01"),
        ("In the first half of 2025, exports reached $60 billion.", "2025-H1"),
        ("In the first 10 months of 2025, exports reached $100 billion.", "2025-01/2025-10"),
        ("Last year, exports reached $119 billion.", "2025"),
        ("Xuất khẩu đạt 13,9 tỷ USD, tăng 10% so với năm 2025.", None),  # a comparison base is no period
    ],
)
def test_periods(text, period):
    assert figures(text)[0][2] == period


def test_period_carries_over_within_the_paragraph_for_flows():
    got = figures("Trong tháng 1/2026, xuất khẩu đạt 13,9 tỷ USD. Trong đó nhập khẩu 1,9 tỷ USD.")
    assert [g[2] for g in got] == ["2026-01", "2026-01"]


def test_cumulative_stock_has_no_period():
    got = figures("Lũy kế đến hết năm 2025, Mỹ có 1.500 dự án đầu tư vào Việt Nam với tổng vốn 12 tỷ USD.")
    assert got == [("fdi_projects", 1500, None, "US->VN"), ("fdi_capital", 12_000_000_000, None, "US->VN")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Xuất khẩu sang Mỹ đạt 10 tỷ USD.", ("exports", "VN->US")),
        ("Mỹ xuất khẩu sang Việt Nam 2 tỷ USD.", ("exports", "US->VN")),
        ("Nhập khẩu từ Mỹ đạt 2 tỷ USD.", ("imports", "US->VN")),
        ("Mỹ nhập khẩu từ Việt Nam 10 tỷ USD.", ("imports", "VN->US")),
        ("Việt Nam xuất siêu 8 tỷ USD.", ("trade_surplus", "VN->US")),
        ("Việt Nam nhập siêu từ Mỹ 1 tỷ USD.", ("trade_surplus", "US->VN")),
        ("The US trade deficit with Vietnam was $104 billion.", ("trade_surplus", "VN->US")),
        ("Vietnam's trade surplus with the US hit $104 billion.", ("trade_surplus", "VN->US")),
        ("US exports to Vietnam rose to $15 billion.", ("exports", "US->VN")),
        ("US imports from Vietnam totalled $119 billion.", ("imports", "VN->US")),
        ("Vốn đầu tư của Mỹ vào Việt Nam đạt 500 triệu USD.", ("fdi_capital", "US->VN")),
        ("Doanh nghiệp Việt Nam đầu tư sang Mỹ 1 tỷ USD.", ("fdi_capital", "VN->US")),
        ("American investment in Vietnam reached $11.9 billion.", ("fdi_capital", "US->VN")),
        ("Kim ngạch thương mại hai chiều đạt 150 tỷ USD.", ("trade_total", None)),
        ("Bilateral trade reached $150 billion.", ("trade_total", None)),
    ],
)
def test_metric_and_direction(text, expected):
    metric, _, _, direction = figures(text)[0]
    assert (metric, direction) == expected


@pytest.mark.parametrize(
    "text, value, sign",
    [("Xuất khẩu giảm 5,2% so với cùng kỳ.", -5.2, -1), ("Exports fell 3% year-on-year.", -3, -1), ("Xuất khẩu tăng 11.4%.", 11.4, 1)],
)
def test_growth_sign(text, value, sign):
    metric, got, _, _ = figures(text)[0]
    assert metric == "growth" and float(got) == value


def test_share_and_other_percentages():
    assert [g[0] for g in figures("Mỹ chiếm 30% kim ngạch xuất khẩu. Thuế đối ứng là 20%.")] == ["share", "other"]


@pytest.mark.parametrize(
    "text, value, out_of",
    [
        ("Mỹ là nhà đầu tư lớn thứ 11/108 nước.", 11, 108),
        ("Việt Nam là đối tác thương mại lớn thứ 8 của Mỹ.", 8, None),
        ("Mỹ là thị trường xuất khẩu lớn nhất của Việt Nam.", 1, None),
        ("Việt Nam là đối tác thương mại lớn thứ ba của Mỹ.", 3, None),
        ("Vietnam is the US's 8th-largest trading partner.", 8, None),
        ("Vietnam ranked 11th of 108 investors.", 11, 108),
        ("Vietnam is the second-largest supplier of furniture.", 2, None),
        ("The US is Vietnam's largest export market.", 1, None),
    ],
)
def test_ranks(text, value, out_of):
    (figure,) = extract_figures(article(text))
    assert (figure.metric, figure.value, figure.unit, figure.out_of) == ("rank", value, "rank", out_of)


@pytest.mark.parametrize(
    "text",
    [
        "Quan hệ hai nước đã phát triển trong 27 năm qua.",  # a duration
        "Việt Nam triển khai mạng 5G.",  # a technology name
        "Theo Điều 5 của hiệp định, hai bên hợp tác.",  # a section number
        "Việt Nam không là nước thứ 3 trong tranh chấp.",  # a third country, not a rank
        "Ngày 19/2/2026, hai bên gặp nhau.",  # a date
        "Tháng 7/1995, hai nước bình thường hóa quan hệ.",
        "Tổng Bí thư sẽ dự APEC năm 2027.",
        "Hôm thứ Ba, đoàn đến Washington.",  # a weekday
    ],
)
def test_not_figures(text):
    assert figures(text) == []


def test_malformed_number_is_a_warning_not_a_figure():
    problems = []
    found = extract_figures(article("Giá trị 1.2.3,4 tỷ USD. Xuất khẩu đạt 5 tỷ USD."), problems)
    assert [f.value for f in found] == [5_000_000_000]
    assert len(problems) == 1 and "malformed number '1.2.3,4'" in problems[0].reason and problems[0].article == "test.txt"


def test_currency_borrowed_from_a_neighbour():
    got = figures("Xuất khẩu đạt 13,9 tỷ, nhập khẩu 1,9 tỷ USD.")
    assert got == [("exports", 13_900_000_000, None, "VN->US"), ("imports", 1_900_000_000, None, "US->VN")]


def test_scale_without_currency_anywhere_is_no_figure():
    assert figures("Dân số đạt 100 triệu.") == []


def test_rank_direction_follows_the_ranked_noun():
    english = extract_figures(article("The US is Vietnam's largest export market, and Vietnam is the 8th-largest trading partner of the US."))
    assert [(f.value, f.direction) for f in english] == [(1, "VN->US"), (8, None)]
    vietnamese = extract_figures(article("Mỹ là thị trường xuất khẩu lớn nhất của Việt Nam trong khi Việt Nam là đối tác thương mại lớn thứ 8 của Mỹ."))
    assert [(f.value, f.direction) for f in vietnamese] == [(1, "VN->US"), (8, None)]


def test_months_of_a_year_without_dau():
    # "11 tháng năm 2024" is the first eleven months, not the year
    assert figures("Trong 11 tháng năm 2024, xuất khẩu sang Hoa Kỳ đạt 109,4 tỷ USD.")[0][2] == "2024-01/2024-11"


def test_goods_trade_is_the_total():
    assert figures("Vietnam is the seventh-largest trading partner, with goods trade totaling $124 billion.")[1][0] == "trade_total"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Vietnam ran a $123.5 billion goods trade surplus with the United States in 2024.", ("trade_surplus", "VN->US", "2024")),
        ("Tính chung 7 tháng năm 2025, xuất siêu sang Mỹ ước đạt 71,7 tỷ USD.", ("trade_surplus", "VN->US", "2025-01/2025-07")),
    ],
)
def test_metric_named_after_the_amount_and_totals_over_months(text, expected):
    metric, _, period, direction = figures(text)[0]
    assert (metric, direction, period) == expected


def test_rank_text_stops_at_the_number():
    (rank,) = extract_figures(article("Việt Nam đứng thứ 5 trong số các nước có nhiều sinh viên du học tại Mỹ."))
    assert (rank.text, rank.value, rank.out_of) == ("thứ 5", 5, None)
    (rank,) = extract_figures(article("Hoa Kỳ đứng thứ 11 trong số 149 quốc gia đầu tư tại Việt Nam."))
    assert (rank.text, rank.value, rank.out_of) == ("thứ 11 trong số 149", 11, 149)


@pytest.mark.parametrize(
    "text",
    [
        "Xuất khẩu cả nước năm 2024 đạt 405 tỷ USD.",  # the whole economy, not Vietnam–US
        "Xuất khẩu sang Trung Quốc đạt 61 tỷ USD.",  # another partner
        "Vietnam's exports to China rose to $61 billion.",
        "FDI disbursement into Vietnam hit a record $25.35 billion in 2024.",  # all investors, the US not named
    ],
)
def test_flows_that_are_not_vietnam_us_have_no_direction(text):
    assert [g[3] for g in figures(text)] == [None]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ngày 5/3/2026, hai bên ký 3 thỏa thuận.", [("count", 3)]),  # a number after the date
        ("Ngày 5/3/2026 (theo giờ Hà Nội), Bộ trưởng gặp Đại sứ Mỹ.", []),  # numbers only in the date
        ("Sáng 18/2, Việt Nam đứng thứ 8 trong các đối tác.", [("rank", 8)]),  # a rank beside a date
        ("On March 5, 2026, the two sides signed 12 deals worth $2 billion.", [("count", 12), ("other", 2000000000)]),
    ],
)
def test_numbers_beside_dates(text, expected):
    """The numbers of a date are no figures; a number beside a date still is."""
    assert [(metric, value) for metric, value, _, _ in figures(text)] == expected
