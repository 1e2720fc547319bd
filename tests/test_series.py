"""Which figures belong to the Vietnam–US trade series: the two countries' trade, never the
whole economy's, whatever else the sentence names."""

from analysis.extraction.figures import extract_figures
from analysis.presentation.series import series_of
from analysis.reading.article import parse_article


def series(text: str) -> list[tuple[str, str | None]]:
    article = parse_article(text + "\n", "t.txt", published="2025-07-10")
    return [(f.text, series_of(f)) for f in extract_figures(article)]


def test_a_total_of_the_whole_economy_is_not_two_way_trade_with_the_us():
    assert series("Trong tháng 6, tổng kim ngạch xuất nhập khẩu của cả nước đạt 76 tỷ USD, trong đó xuất khẩu sang Mỹ đạt 12 tỷ USD.") == [
        ("76 tỷ USD", None), ("12 tỷ USD", "vn_to_us")]


def test_a_total_of_the_two_countries_is_two_way_trade():
    assert series("Năm 2024, kim ngạch thương mại song phương Việt Nam - Hoa Kỳ đạt 150 tỷ USD.") == [("150 tỷ USD", "trade_total")]
    assert series("Two-way trade between Vietnam and the US reached $150 billion in 2024.") == [("$150 billion", "trade_total")]
