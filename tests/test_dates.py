"""Date expressions: year inference and records (every form, with what is not a date, is in
tests/corpus/<language>/dates.toml)."""


from analysis.extraction.dates import find_dates
from analysis.extraction.publication import extract_dates
from analysis.reading.article import parse_article


def test_part_of_day_kept_in_the_text():
    (mention,) = find_dates("Chiều tối 19/2, Tổng Bí thư gặp bà con.", "2026-02-20")
    assert mention.text == "Chiều tối 19/2" and mention.part_of_day == "chiều tối"


def test_year_from_publication_date_is_the_latest_not_after_it():
    assert find_dates("ngày 19/2", "2026-02-20")[0].date == "2026-02-19"
    assert find_dates("ngày 25/12", "2026-02-20")[0].date == "2025-12-25"


def test_year_without_publication_date_is_the_latest_year_written():
    (first, second) = find_dates("Trưa 18/2, đoàn đến. Trong tháng 1/2026, xuất khẩu tăng.", None)
    assert (first.date, first.inferred) == ("2026-02-18", True)
    assert (second.date, second.inferred) == ("2026-01", False)


def test_extract_dates_of_seed_003(article_003):
    records = extract_dates(article_003)
    assert [(r.text, r.date, r.granularity, r.inferred) for r in records] == [
        ("2026-02-20", "2026-02-20", "day", False),  # the header
        ("ngày 19/2", "2026-02-19", "day", True),
        ("ngày 19/2", "2026-02-19", "day", True),  # in a caption: still a date
        ("năm 2027", "2027", "year", False),
        ("Cùng ngày", "2026-02-19", "day", True),
        ("Chiều 19/2", "2026-02-19", "day", True),
        ("Chiều tối 19/2", "2026-02-19", "day", True),
    ]
    for record in records:
        assert article_003.text[record.start : record.end] == record.text


def test_extract_dates_of_seed_000(article_000):
    got = [(r.text, r.date) for r in extract_dates(article_000)]
    assert got == [
        ("Trưa 18/2", "2026-02-18"), ("trưa 18/2", "2026-02-18"), ("tháng 7/1995", "1995-07"), ("Tháng 7/2013", "2013-07"),
        ("Tháng 9/2023", "2023-09"), ("tháng 1/2026", "2026-01"), ("năm 2025", "2025"), ("9/2024", "2024-09"), ("11/2025", "2025-11"),
    ]


def test_english_article_dates():
    article = parse_article("date 2026-02-20\n\nOn Feb. 19, 2026, the leaders met. Relations were normalised in July 1995.", "en.txt")
    assert [r.date for r in extract_dates(article)] == ["2026-02-20", "2026-02-19", "1995-07"]


def test_a_day_without_its_year_is_of_the_year_after_the_one_the_article_reports_whole():
    """A report of a whole year's trade is written after that year: "Jan 12" in an article that
    says the surplus "widened to a record $104.6 billion in 2023" is of 2024; a target for the
    year, or a December article (the year's estimates), keeps the latest year written."""
    from analysis.extraction.publication import publication

    from .conftest import article

    def published(text):
        return publication(article(text, published=None))

    found = published("HANOI, Jan 12 (Reuters) - Vietnam's trade surplus with the United States widened to a record $104.6 billion in 2023.")
    assert found.date == "2024-01-12" and found.source.endswith("; of 2024: the text reports the whole of 2023")
    assert published("HANOI, Jan 12 - Vietnam's exports to the US are set to reach a target of $120 billion in 2023.").date == "2023-01-12"
    assert published("HANOI, Dec 28 - Vietnam's exports to the US reached an estimated $97 billion in 2023.").date == "2023-12-28"
    assert published("Ngày 13/2, Bộ Thương mại Mỹ cho biết trong 6 tháng đầu năm 2010, Việt Nam xuất khẩu 14,8 tỷ USD.").date == "2010-02-13"
    assert published("Ngày 13/2, Bộ Thương mại Mỹ cho biết trong năm 2010, Việt Nam xuất khẩu sang Mỹ 14,784 tỷ USD.").date == "2011-02-13"
