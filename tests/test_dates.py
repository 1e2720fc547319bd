"""Date expressions: every form, year inference, and what is not a date."""

import pytest

from analysis.extraction.dates import extract_dates, find_dates
from analysis.reading.article import parse_article


@pytest.mark.parametrize(
    "text, date, granularity, inferred",
    [
        ("ngày 19/2", "2026-02-19", "day", True),
        ("Trưa 18/2", "2026-02-18", "day", True),
        ("Chiều tối 19/2", "2026-02-19", "day", True),
        ("tháng 7/1995", "1995-07", "month", False),
        ("Tháng 9/2023", "2023-09", "month", False),
        ("(9/2024)", "2024-09", "month", False),
        ("năm 2027", "2027", "year", False),
        ("25/3/2025", "2025-03-25", "day", False),
        ("17/05/2022", "2022-05-17", "day", False),
        ("ngày 20-3-2015", "2015-03-20", "day", False),
        ("ngày 5 tháng 1 năm 2026", "2026-01-05", "day", False),
        ("quý I/2025", "2025-Q1", "quarter", False),
        ("quý 3/2025", "2025-Q3", "quarter", False),
        ("tháng 2-1995", "1995-02", "month", False),
        ("ngày 24 – 26/8", "2025-08-24/2025-08-26", "day", True),  # August is after the 20 Feb publication: last year
        ("Feb. 19, 2026", "2026-02-19", "day", False),
        ("July 1995", "1995-07", "month", False),
        ("in 2027", "2027", "year", False),
        ("19 February 2026", "2026-02-19", "day", False),
        ("in the third quarter of 2025", "2025-Q3", "quarter", False),
    ],
)
def test_date_forms(text, date, granularity, inferred):
    (mention,) = find_dates(text, "2026-02-20")
    assert (mention.date, mention.granularity, mention.inferred) == (date, granularity, inferred)
    assert text[mention.start : mention.end] == mention.text


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


def test_same_day_refers_to_the_last_dated_day():
    mentions = find_dates("Chiều 19/2, hai bên gặp nhau. Cùng ngày, đoàn thăm trường.", "2026-02-20")
    assert [(m.text, m.date, m.inferred) for m in mentions] == [("Chiều 19/2", "2026-02-19", True), ("Cùng ngày", "2026-02-19", True)]


@pytest.mark.parametrize("text", ["15,8 tỷ USD", "thứ 11/108", "đứng thứ 7/80 nước", "trong 27 năm", "tbt-1.jpg", "28,6%", "1.409 dự án", "ngày 31/2"])
def test_not_dates(text):
    assert find_dates(text, "2026-02-20") == []


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
