"""How an article's lines become its paragraphs and sentences."""

from analysis.reading.article import parse_article

from .conftest import article


def test_a_hard_wrapped_article_is_read_in_its_paragraphs():
    # lines broken mid-sentence (a page copied as it was laid out): the sentences are whole
    lines = ["-Tháng 12, 1991: Washington dỡ bỏ lệnh cấm", "việc đi lại có tổ chức từ Hoa Kỳ tới Việt Nam.",
             "-Ngày 3/3/1993: Tổng thống Clinton dỡ bỏ lệnh", "cấm vận thương mại đối với Việt Nam.",
             "-Ngày 11/7/1995: Tổng", "thống Mỹ Bill", "Clinton tuyên bố bình thường hóa quan hệ.", "-Ngày 6/8/1995: Ngoại", "trưởng thăm Hà Nội."]
    text = "Bang giao Việt - Mỹ\n" + "\n".join(lines) + "\n"
    source = article(text, "wrapped.txt")
    body = [s.text for s in source.sentences if s.kind != "title"]
    assert body[1] == "-Ngày 3/3/1993: Tổng thống Clinton dỡ bỏ lệnh cấm vận thương mại đối với Việt Nam."
    assert len(body) == 4
    # the breaks joined became spaces, nothing else changed: offsets stay the file's
    assert source.text.count("\n") < text.count("\n") and source.text.replace("\n", " ").endswith(text.replace("\n", " "))


def test_lines_that_end_their_sentences_are_not_joined():
    text = "Tiêu đề\nDòng thứ nhất kết thúc.\nDòng thứ hai\nDòng thứ ba kết thúc.\n"
    assert [s.text for s in article(text, "plain.txt").sentences][1:] == ["Dòng thứ nhất kết thúc.", "Dòng thứ hai", "Dòng thứ ba kết thúc."]


def test_the_date_header_may_be_written_with_a_capital_and_a_colon():
    for header in ("date 2025-07-03", "Date: 2025-07-03", "date:2025-07-03"):
        article = parse_article(f"{header}\n\nVietnam and the US agreed on a trade deal on Wednesday.\n", "a.txt")
        assert (article.published, article.published_from) == ("2025-07-03", "header"), header
    assert parse_article("Dated 2025-07-03, the deal holds.\n", "a.txt").published is None
