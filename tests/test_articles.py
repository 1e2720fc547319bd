"""Loading articles: encodings, structure, language, sentences, and bad input."""

import codecs
import unicodedata

import pytest

from analysis.errors import ArticleError
from analysis.extraction.figures import extract_figures
from analysis.extraction.publication import publication, publication_notes
from analysis.reading.corpus import load_article, load_corpus
from analysis.reading.sentences import split_sentences

from .conftest import SEED_000, SEED_003


def test_seed_000_structure(article_000):
    kinds = [b.kind for b in article_000.blocks]
    assert kinds[:4] == ["section", "title", "lead", "byline"]
    assert kinds.count("image") == 2 and kinds.count("caption") == 2
    assert article_000.language == "vi"
    # no header: the date is inferred from "Trưa 18/2", its year from "tháng 1/2026"
    assert article_000.published is None  # the article states none
    assert publication(article_000).date == "2026-02-18"
    assert "inferred" in publication(article_000).source and "Trưa 18/2" in publication(article_000).source


def test_seed_003_header_and_signoff(article_003):
    assert article_003.published == "2026-02-20"
    assert article_003.published_from == "header"
    assert publication(article_003) == ("2026-02-20", "header")
    kinds = [b.kind for b in article_003.blocks]
    assert kinds[0] == "header" and kinds[1] == "lead" and kinds[-1] == "signoff"
    assert kinds.count("caption") == 3  # captions without an image line, ending "Ảnh: TTXVN"
    assert article_003.text.startswith(" date 2026-02-20 Tổng Bí thư")  # text kept exactly


def test_captions_give_no_figures(tmp_path):
    body = "Xuất khẩu đạt 13,9 tỷ USD trong tháng 1/2026."
    path = tmp_path / "a.txt"
    path.write_text(f"date 2026-02-20\nTiêu đề\n\n{body}\n\nhinh-1.jpg\nXuất khẩu đạt 13,9 tỷ USD. Ảnh: TTXVN\n", encoding="utf-8")
    assert [f.text for f in extract_figures(load_article(path))] == ["13,9 tỷ USD"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Giá trị 15,8 tỷ USD. Sau đó 1.409 dự án.", ["Giá trị 15,8 tỷ USD.", "Sau đó 1.409 dự án."]),
        ("Tại Washington D.C. hôm nay. Ông Greer đến.", ["Tại Washington D.C. hôm nay.", "Ông Greer đến."]),
        ("Tại TP.HCM có trường. Mr. Greer said so.", ["Tại TP.HCM có trường.", "Mr. Greer said so."]),
        ("Hai nước hợp tác.Tổng Bí thư đến Mỹ.", ["Hai nước hợp tác.", "Tổng Bí thư đến Mỹ."]),
        ("Giá 2.5 USD. 2026 là năm quan trọng.", ["Giá 2.5 USD.", "2026 là năm quan trọng."]),
    ],
)
def test_sentence_splitting(text, expected):
    assert [text[a:b] for a, b in split_sentences(text, 0, len(text))] == expected


def test_english_article_detected(tmp_path):
    path = tmp_path / "en.txt"
    path.write_text("US, Vietnam trade\n\nTwo-way trade reached $12 billion in January 2026.\n", encoding="utf-8")
    article = load_article(path)
    assert article.language == "en"
    assert [(f.metric, f.value) for f in extract_figures(article)] == [("trade_total", 12_000_000_000)]


def test_bom_and_crlf_are_normalised(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + "Tiêu đề\r\n\r\nXuất khẩu đạt 13,9 tỷ USD.\rHết.\r\n".encode())
    article = load_article(path)
    assert not article.text.startswith("\ufeff") and "\r" not in article.text
    (figure,) = extract_figures(article)
    assert article.text[figure.start : figure.end] == "13,9 tỷ USD"


def test_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("Tiêu đề\n\nXuất khẩu đạt 13,9 tỷ USD.\n".encode("utf-16"))
    article = load_article(path)
    assert any("UTF-16" in p.reason for p in article.problems)
    assert [f.value for f in extract_figures(article)] == [13_900_000_000]


def test_nfd_gives_the_same_figures_as_nfc(tmp_path):
    nfc = SEED_000.read_text(encoding="utf-8")
    path = tmp_path / "nfd.txt"
    path.write_text(unicodedata.normalize("NFD", nfc), encoding="utf-8")
    article = load_article(path)
    assert any("NFD" in p.reason and p.level == "warning" for p in article.problems)
    assert extract_figures(article) == [f._replace(article="nfd.txt") for f in extract_figures(load_article(SEED_000))]


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"   \n\t\n", "whitespace"),
        (codecs.BOM_UTF8, "whitespace"),
        (codecs.BOM_UTF16_LE + " \u3000\n".encode("utf-16-le"), "whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Xuất khẩu\xa0đạt\t13,9 tỷ USD \x01\x02\x03\x04\x05\x06\x07\x08\x0b\x1b\x85".encode(), "control characters"),
        ("Đô la: ơ ư ă â 13,9".encode("cp1258"), "not valid UTF-8"),  # Windows-1258
        ("Café à Hà Noi".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_unreadable_files_name_the_reason(tmp_path, data, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError) as error:
        load_article(path)
    assert error.value.problem.article == "bad.txt" and reason in error.value.problem.reason


def test_missing_file():
    with pytest.raises(ArticleError, match="no such file"):
        load_article("does/not/exist.txt")


def test_corpus_goes_on_after_a_bad_file(tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_good.txt").write_text(SEED_003.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "c_binary.txt").write_bytes(b"\x00\x01\x02" * 10)
    (tmp_path / "image.jpg").write_bytes(b"\xff\xd8\xff")  # not an article: not read at all
    articles, problems = load_corpus(tmp_path)
    assert [a.name for a in articles] == ["b_good.txt"]
    assert [(p.article, p.level) for p in problems if p.level == "error"] == [("a_empty.txt", "error"), ("c_binary.txt", "error")]


def test_article_without_date_loads_and_says_so(tmp_path):
    path = tmp_path / "nodate.txt"
    path.write_text("Tiêu đề\n\nHai nước hợp tác chặt chẽ.\n", encoding="utf-8")
    article = load_article(path)
    assert article.published is None and publication(article).date is None
    assert any("no publication date" in p.reason for p in publication_notes(article))


def test_month_abbreviation_before_a_day_does_not_end_a_sentence():
    text = "Biden visited Hanoi on Sept. 10-11, 2023, when ties were upgraded. Giá 2.5 USD. 2026 là năm quan trọng."
    assert [text[a:b] for a, b in split_sentences(text, 0, len(text))] == [
        "Biden visited Hanoi on Sept. 10-11, 2023, when ties were upgraded.", "Giá 2.5 USD.", "2026 là năm quan trọng."]


def test_seen_texts_is_exact(tmp_path):
    """A duplicate is the same text, never merely the same fingerprint."""
    from analysis.reading.corpus import SeenTexts, text_fingerprint

    first, twin, other = (tmp_path / name for name in ("a.txt", "b.txt", "c.txt"))
    first.write_text(SEED_003.read_text(encoding="utf-8"), encoding="utf-8")
    twin.write_bytes(first.read_bytes())
    other.write_text("date 2026-01-01\n\nMột bài khác.\n", encoding="utf-8")
    seen = SeenTexts()
    text = load_article(first).text
    assert seen.earlier(str(first), text_fingerprint(text), text) is None
    assert seen.earlier(str(twin), text_fingerprint(text), load_article(twin).text) == "a.txt"
    clash = text_fingerprint(text)  # a different text given the same fingerprint: not a duplicate
    assert seen.earlier(str(other), clash, lambda: load_article(other).text) is None
    assert seen.earlier(str(twin), clash, load_article(twin).text) == "a.txt"  # still found after the clash
    assert text_fingerprint(text) != text_fingerprint(load_article(other).text)


def test_text_that_lower_casing_lengthens_reads_the_same(tmp_path):
    """"İ" becomes two characters when lower-cased: the case-free patterns then run on the text
    itself, and every figure, date and event is the one the plain article gives."""
    from analysis.extraction.events import article_events
    from analysis.extraction.publication import extract_dates

    plain = load_article(SEED_000)
    marked = tmp_path / "marked.txt"
    marked.write_text(SEED_000.read_text(encoding="utf-8").replace("Trưa 18/2", "Trưa 18/2 (İ)", 1), encoding="utf-8")
    article = load_article(marked)
    assert len(article.text.lower()) != len(article.text)
    shift = len(" (İ)")
    cut = article.text.index(" (İ)")

    def moved(offset):
        return offset if offset <= cut else offset - shift

    figures = extract_figures(article)
    assert [(f.metric, f.value, f.period, f.direction, f.text, moved(f.start)) for f in figures] == [
        (f.metric, f.value, f.period, f.direction, f.text, f.start) for f in extract_figures(plain)]
    assert all(article.text[f.start : f.end] == f.text for f in figures)
    assert [(d.text, d.date) for d in extract_dates(article)] == [(d.text, d.date) for d in extract_dates(plain)]
    assert [(e.kind, e.date, e.actors) for e in article_events(article)] == [(e.kind, e.date, e.actors) for e in article_events(plain)]


def test_article_is_read_only_and_pickles_without_its_cache(article_000):
    """Records point into the text by offsets: it cannot be changed; worker processes get
    the article without what other steps cached on it."""
    import pickle

    extract_figures(article_000)
    with pytest.raises(AttributeError, match="read-only"):
        article_000.text = "edited"
    copy = pickle.loads(pickle.dumps(article_000))
    assert copy.text == article_000.text and copy.sentences == article_000.sentences and copy.cache == {}
    assert extract_figures(copy) == extract_figures(article_000)
