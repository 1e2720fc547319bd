"""What every chart must show: title, units, source line, the right number of marks; and no data."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from analysis.extraction.events import extract_events  # noqa: E402
from analysis.extraction.figures import extract_figures  # noqa: E402
from analysis.presentation import charts  # noqa: E402


@pytest.fixture(scope="module")
def corpus(article_000, article_003):
    articles = [article_000, article_003]
    figures = [f for a in articles for f in extract_figures(a)]
    charts.use_house_style()
    yield articles, figures, extract_events(articles)
    plt.close("all")


def texts(fig):
    return [t.get_text() for t in fig.texts] + [t.get_text() for ax in fig.axes for t in ax.texts]


def source_line(fig):
    return next(t for t in texts(fig) if t.startswith("Nguồn / Source: "))


def test_trade_chart(corpus):
    articles, figures, _ = corpus
    fig = charts.trade_chart(figures, articles, "en")
    ax = fig.axes[0]
    assert ax.get_title() == "Vietnam–US trade, January 2026"
    assert ax.get_ylabel() == "USD billion"
    assert [round(p.get_height(), 1) for p in ax.patches] == [15.8, 13.9, 1.9, 12.0]
    assert [t.get_text() for t in ax.texts] == ["$15.8 bn", "$13.9 bn", "$1.9 bn", "$12 bn"]
    assert source_line(fig) == "Nguồn / Source: Vietnamnet, 2026-02-18 (inferred), 000_36939d321209eacf.txt"


def test_trade_chart_in_vietnamese(corpus):
    articles, figures, _ = corpus
    ax = charts.trade_chart(figures, articles, "vi").axes[0]
    assert ax.get_title() == "Thương mại Việt Nam – Mỹ, tháng 1/2026"
    assert ax.get_ylabel() == "tỷ USD"
    assert [t.get_text() for t in ax.texts] == ["15,8 tỷ USD", "13,9 tỷ USD", "1,9 tỷ USD", "12 tỷ USD"]


def test_investment_chart_shows_positions_with_their_sources_and_hedges(corpus):
    articles, figures, _ = corpus
    fig = charts.investment_chart(figures, articles, "en")
    capital, projects = fig.axes
    assert capital.get_ylabel() == "Registered capital (USD billion)" and projects.get_ylabel() == "Projects (number)"
    # the seed states its positions without a date: drawn apart, never at a guessed date
    assert [tick.get_text() for tick in capital.get_xticklabels()] == ["no date\nstated"]
    assert sorted(t.get_text() for t in capital.texts) == ["<1", ">1"]  # hedge marks, source numbers
    assert sorted(t.get_text() for t in projects.texts) == ["1", "≈1"]
    assert [round(float(v), 1) for c in capital.collections for v in c.get_offsets()[:, 1]] == [11.9, 1.3]
    assert source_line(fig).startswith("Nguồn / Source: [1] ")


def test_investment_positions_over_time():
    from analysis.presentation.series import investment_positions

    from .conftest import article

    text = ("Lũy kế đến tháng 6/2015, Mỹ có 748 dự án đầu tư còn hiệu lực tại Việt Nam với tổng vốn 11,08 tỷ USD.\n\n"
            "Tính đến hết tháng 12/2020, Mỹ có 1.100 dự án còn hiệu lực tại Việt Nam.\n\n"
            "Trong 6 tháng đầu năm 2015, Mỹ đăng ký đầu tư mới 87,4 triệu USD vào Việt Nam.")
    figures = extract_figures(article(text, "fdi.txt", published="2021-03-01"))
    points = investment_positions(figures)
    assert [(p.series, p.period, int(p.value)) for p in points] == [
        ("fdi_capital US->VN", "2015-06", 11_080_000_000), ("fdi_projects US->VN", "2015-06", 748), ("fdi_projects US->VN", "2020-12", 1100)]
    # (the 87,4 million registered in the first half is a flow, not a position)


def test_rankings_chart(corpus):
    articles, figures, _ = corpus
    fig = charts.rankings_chart(figures, articles, "en")
    ax = fig.axes[0]
    assert ax.get_xlabel() == "Rank (1 = largest)"
    labels = [tick.get_text().replace("\n", " ") for tick in ax.get_yticklabels()]
    # who is ranked, by what, among whom; the dot says the place and when
    assert "US: investor in Vietnam" in labels and "Vietnam: trading partner of the US" in labels
    notes = [t.get_text() for t in ax.texts]
    assert "11 · no date" in notes and "8 · January 2026" in notes


def test_a_rank_that_does_not_say_who_or_by_what_is_left_to_the_table():
    from .conftest import article

    text = "Trong năm 2010, máy móc là nhóm hàng có tốc độ tăng cao nhất."
    figures = extract_figures(article(text, "r.txt"))
    assert [f.metric for f in figures] == ["rank"]
    fig = charts.rankings_chart(figures, [article(text, "r.txt")], "en")
    assert any(t.startswith("No data") for t in texts(fig))


def test_timeline_chart(corpus):
    articles, _, events = corpus
    fig = charts.timeline_chart(events, articles, "en")
    top, days = fig.axes
    assert top.get_title() == "Vietnam–US relations, 1995–2027"
    assert days.get_title() == "The February 2026 visit to Washington, D.C."
    assert [t.get_text() for t in days.get_xticklabels()] == ["18 Feb 2026", "19 Feb 2026"]
    assert len(days.collections) == 6  # the six events of the visit, day by day
    planned = [c for c in top.collections if c.get_facecolor().tolist() == [[1.0, 1.0, 1.0, 1.0]]]
    assert len(planned) == 1  # APEC 2027, drawn open
    assert "000_36939d321209eacf.txt" in source_line(fig) and "003_5d7ab7d5d119b6c6.txt" in source_line(fig)


def overlapping_texts(fig):
    """Pairs of drawn texts whose boxes meet (with matplotlib's renderer)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    drawn = [t for t in fig.findobj(matplotlib.text.Text) if t.get_visible() and t.get_text().strip() and t.figure is fig]
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in drawn]
    return [(a, b) for i, (a, box_a) in enumerate(boxes) for b, box_b in boxes[i + 1 :]
            if box_a.x0 < box_b.x1 and box_b.x0 < box_a.x1 and box_a.y0 < box_b.y1 and box_b.y0 < box_a.y1]


@pytest.mark.parametrize("language", ["en", "vi"])
def test_no_label_of_the_timeline_meets_another(corpus, language):
    articles, _, events = corpus
    assert overlapping_texts(charts.timeline_chart(events, articles, language)) == []


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_timeline_of_the_development_corpus_is_readable(language):
    from analysis.reading.corpus import load_corpus

    from .conftest import ROOT

    articles, _ = load_corpus([ROOT / "tests" / "corpus", ROOT / "seeds"], "*.txt")
    events = extract_events(articles)
    fig = charts.timeline_chart(events, articles, language)
    assert overlapping_texts(fig) == []
    top = fig.axes[0]
    shown = [c for c in top.collections if isinstance(c, matplotlib.collections.PathCollection)]
    assert 0 < len(shown) <= charts.MAX_SLOTS  # the key events; the table holds the rest
    assert str(len(events)) in top.get_title()


@pytest.mark.parametrize("chart", ["trade_chart", "investment_chart", "rankings_chart"])
def test_no_data_says_so(chart):
    fig = getattr(charts, chart)([], [], "en")
    assert any(t.startswith("No data") for t in texts(fig))
    assert source_line(fig) == "Nguồn / Source: —"


def test_timeline_without_events_says_so():
    assert any(t.startswith("Không có dữ liệu") for t in texts(charts.timeline_chart([], [], "vi")))


def test_saved_files_repeat_byte_for_byte(corpus, tmp_path):
    articles, figures, _ = corpus
    first = charts.save(charts.trade_chart(figures, articles, "en"), "trade", tmp_path / "a")
    second = charts.save(charts.trade_chart(figures, articles, "en"), "trade", tmp_path / "b")
    assert [p.name for p in first] == ["trade.png", "trade.svg"]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(first, second, strict=True))
    assert b"Date" not in first[1].read_bytes() and b"Software" not in first[0].read_bytes()


def test_trade_chart_draws_flows_by_direction(tmp_path):
    from analysis.reading.article import parse_article

    source = parse_article("date 2025-04-10\n\nU.S. imports from Vietnam totaled $136.6 billion in 2024, while U.S. exports to Vietnam were $13.1 billion.\n", "us.txt")
    ax = charts.trade_chart(extract_figures(source), [source], "en").axes[0]
    assert [tick.get_text() for tick in ax.get_xticklabels()] == ["VN exports to US", "VN imports from US"]
    assert [t.get_text() for t in ax.texts] == ["$136.6 bn", "$13.1 bn"]


@pytest.mark.parametrize("chart", ["investment_chart", "rankings_chart", "trade_series_year", "trade_series_part", "trade_chart"])
@pytest.mark.parametrize("language", ["en", "vi"])
def test_no_text_of_a_chart_meets_another_on_the_corpus(chart, language):
    from analysis.reading.corpus import load_corpus

    from .conftest import ROOT

    articles, _ = load_corpus([ROOT / "tests" / "corpus", ROOT / "seeds"], "*.txt")
    figures = [f for a in articles for f in extract_figures(a)]
    if chart.startswith("trade_series"):
        fig = charts.trade_series_chart(figures, articles, language, chart.rsplit("_", 1)[1])
    else:
        fig = getattr(charts, chart)(figures, articles, language)
    assert overlapping_texts(fig) == []


def test_the_investment_table_keeps_positions_apart_from_flows():
    from analysis.presentation.frames import investment_frame

    from .conftest import article

    text = ("Lũy kế đến tháng 6/2015, Mỹ có 748 dự án đầu tư còn hiệu lực tại Việt Nam.\n\n"
            "Trong 6 tháng đầu năm 2015, Mỹ đăng ký đầu tư mới 87,4 triệu USD vào Việt Nam.")
    frame = investment_frame(extract_figures(article(text, "fdi.txt", published="2015-07-10")))
    assert list(zip(frame["kind"], frame["metric"], frame["as_of_or_period"], strict=True)) == [
        ("position held", "fdi_projects", "2015-06"), ("registered in the period", "fdi_capital", "2015-H1")]
