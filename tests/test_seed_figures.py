"""The exact figures of both seed articles, every field."""

from decimal import Decimal

from analysis.checks import check_figures
from analysis.extraction.figures import extract_figures
from analysis.model import FIGURE_FIELDS as FIELDS
from analysis.model import plain

A000 = "000_36939d321209eacf.txt"
TRADE = "Trong tháng 1/2026, tổng kim ngạch thương mại hai chiều là 15,8 tỷ USD, trong đó xuất khẩu đạt 13,9 tỷ USD, nhập khẩu 1,9 tỷ USD (xuất siêu đạt 12 tỷ USD, tăng 28,6% so với cùng kỳ năm trước)."
RANKS = "Mỹ duy trì là thị trường xuất khẩu lớn nhất của Việt Nam trong khi Việt Nam là đối tác thương mại lớn thứ 8 của Mỹ và là đối tác thương mại lớn nhất ở khu vực ASEAN."
FDI_IN = "Mỹ là nhà đầu tư nước ngoài lớn thứ 11/108 nước và vùng lãnh thổ đầu tư vào Việt Nam với khoảng 1.409 dự án có tổng vốn trên 11,9 tỷ USD."
FDI_OUT = "Mỹ cũng đứng thứ 7/80 nước và vùng lãnh thổ nhận đầu tư của Việt Nam với 230 dự án đầu tư có tổng vốn đăng ký gần 1,3 tỷ USD."
SCHOOLS = "Hiện nay, Việt Nam có một số cơ sở giáo dục có vốn đầu tư của Mỹ gồm 6 cơ sở giáo dục phổ thông và 1 trường đại học Fulbright tại TPHCM."

# (a rank and a count state no flow; the ranks told after January's trade are January's)
# metric, value, value_high, unit, qualifier, period, direction, out_of, text, sentence
EXPECTED_000 = [
    ("trade_total", 15800000000, None, "USD", None, "2026-01", None, None, "15,8 tỷ USD", TRADE),
    ("exports", 13900000000, None, "USD", None, "2026-01", "VN->US", None, "13,9 tỷ USD", TRADE),
    ("imports", 1900000000, None, "USD", None, "2026-01", "US->VN", None, "1,9 tỷ USD", TRADE),
    ("trade_surplus", 12000000000, None, "USD", None, "2026-01", "VN->US", None, "12 tỷ USD", TRADE),
    ("growth", 28.6, None, "percent", None, "2026-01", "VN->US", None, "28,6%", TRADE),
    ("rank", 1, None, "rank", None, "2026-01", None, None, "lớn nhất", RANKS),
    ("rank", 8, None, "rank", None, "2026-01", None, None, "thứ 8", RANKS),
    ("rank", 1, None, "rank", None, "2026-01", None, None, "lớn nhất", RANKS),
    ("rank", 11, None, "rank", None, None, None, 108, "thứ 11/108", FDI_IN),
    ("fdi_projects", 1409, None, "projects", "approx", None, "US->VN", None, "1.409 dự án", FDI_IN),
    ("fdi_capital", 11900000000, None, "USD", "over", None, "US->VN", None, "11,9 tỷ USD", FDI_IN),
    ("rank", 7, None, "rank", None, None, None, 80, "thứ 7/80", FDI_OUT),
    ("fdi_projects", 230, None, "projects", None, None, "VN->US", None, "230 dự án", FDI_OUT),
    ("fdi_capital", 1300000000, None, "USD", "under", None, "VN->US", None, "1,3 tỷ USD", FDI_OUT),
    ("count", 6, None, "count", None, None, None, None, "6 cơ sở giáo dục", SCHOOLS),
    ("count", 1, None, "count", None, None, None, None, "1 trường đại học", SCHOOLS),
]


def test_seed_000_every_figure_exactly(article_000):
    records = [plain(f) for f in extract_figures(article_000)]
    got = [
        (r["metric"], r["value"], r["value_high"], r["unit"], r["qualifier"], r["period"], r["direction"], r["out_of"], r["text"], r["sentence"])
        for r in records
    ]
    assert got == EXPECTED_000
    for record in records:
        assert record["article"] == A000
        assert list(record) == list(FIELDS)
        assert article_000.text[record["start"] : record["end"]] == record["text"]
        assert record["sentence"] in article_000.text


def test_seed_000_offsets(article_000):
    figures = extract_figures(article_000)
    total = figures[0]
    assert (total.start, total.end) == (2326, 2337)
    assert total.value == Decimal("15.8E9")


def test_seed_003_states_no_figure(article_003):
    # The article narrates meetings; "APEC … năm 2027" and "19/2" are dates, not figures.
    assert extract_figures(article_003) == []


def test_seed_000_checks_pass(article_000):
    checks = check_figures(extract_figures(article_000))
    assert [(c.name, c.period, c.passed) for c in checks] == [
        ("exports + imports = trade_total", "2026-01", True),
        ("exports - imports = trade_surplus", "2026-01", True),
    ]
    total = checks[0]
    assert total.computed == Decimal("15.8E9") and total.expected == Decimal("15.8E9")
