"""The notebooks under papermill with other parameters, and the report: HTML, escaping, failures."""

import json
import shutil

import nbformat
import papermill
import pytest

from analysis.run.report import normalise_executed, run_report

from .conftest import ROOT, SEED_000

pytestmark = pytest.mark.slow  # (starts JupyterLab, Chromium or notebook kernels: `pytest -m "not slow"` leaves it out)

NOTEBOOKS = sorted((ROOT / "notebooks").glob("0*.ipynb"))
CHARTS = {"02_trade_and_investment": ["trade_series.vi", "trade_months.vi", "trade.vi", "investment.vi", "rankings.vi"],
          "03_timeline": ["timeline.vi"]}


def test_each_notebook_has_one_parameters_cell_of_literals():
    for path in NOTEBOOKS:
        book = nbformat.read(path, as_version=4)
        tagged = [c for c in book.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1, path.name
        names = {line.split("=")[0].strip() for line in tagged[0].source.splitlines() if "=" in line and not line.startswith("#")}
        assert {"seeds_dir", "figures_dir", "language", "article_glob"} <= names
        assert all(c.get("execution_count") for c in book.cells if c.cell_type == "code"), "committed executed, for nbval"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_papermill_in_vietnamese_on_one_article(path, tmp_path):
    parameters = {"seeds_dir": str(ROOT / "seeds"), "article_glob": "000_*.txt", "figures_dir": str(tmp_path / "figures"), "language": "vi"}
    output = tmp_path / path.name
    papermill.execute_notebook(str(path), str(output), parameters=parameters, cwd=str(path.parent), progress_bar=False)
    book = nbformat.read(output, as_version=4)
    assert book.metadata.papermill.parameters == parameters
    injected = [c for c in book.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and 'language = "vi"' in injected[0].source
    written = sorted(p.name for p in (tmp_path / "figures").glob("*")) if (tmp_path / "figures").exists() else []
    expected = sorted(f"{name}.{ext}" for name in CHARTS.get(path.stem, []) for ext in ("png", "svg"))
    assert written == expected
    outputs = json.dumps([c.get("outputs", []) for c in book.cells], ensure_ascii=False)
    assert "003_5d7ab7d5d119b6c6" not in outputs  # one article only
    if path.stem == "03_timeline":
        assert "Tháng 7/1995, Việt Nam và Mỹ bình thường hóa quan hệ ngoại giao" in outputs


def test_report_runs_everything_and_escapes_article_text(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED_000, seeds)
    (seeds / "evil.txt").write_text(
        "date 2026-02-20\n\nTiêu đề <script>alert('x')</script>\n\n"
        "Trong tháng 1/2026, xuất khẩu đạt 13,9 tỷ USD <script>alert('y')</script>.\n", encoding="utf-8")
    status = run_report(seeds=seeds, out=tmp_path / "reports", figures_dir=tmp_path / "figures", language="en")
    assert status == 0
    reports = tmp_path / "reports"
    assert sorted(p.name for p in reports.glob("*.html")) == ["01_figures.html", "02_trade_and_investment.html", "03_timeline.html", "index.html"]
    for page in reports.glob("*.html"):
        content = page.read_text(encoding="utf-8")
        assert "<script>alert" not in content, page.name
        assert "cdnjs" not in content and "mathjax" not in content.lower(), "no script from the network"
    assert "&lt;script&gt;alert" in (reports / "01_figures.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in (tmp_path / "figures").glob("*.png")) == [
        "investment.png", "rankings.png", "timeline.png", "trade.png", "trade_months.png", "trade_series.png"]
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert '<a href="03_timeline.html">' in index and 'src="../figures/timeline.png"' in index


def test_a_failing_notebook_is_named_and_the_others_still_run(tmp_path, capsys):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    good = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('language = "en"', metadata={"tags": ["parameters"]}), nbformat.v4.new_code_cell("print('fine')")])
    bad = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('language = "en"', metadata={"tags": ["parameters"]}), nbformat.v4.new_code_cell("1 / 0")])
    for book in (good, bad):
        book.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(bad, notebooks / "01_broken.ipynb")
    nbformat.write(good, notebooks / "02_fine.ipynb")
    status = run_report(seeds=ROOT / "seeds", out=tmp_path / "reports", figures_dir=tmp_path / "figures", notebooks_dir=notebooks)
    assert status == 1
    err = capsys.readouterr().err
    assert "error: 01_broken.ipynb: cell 3 (index 2): ZeroDivisionError: division by zero" in err
    assert (tmp_path / "reports" / "01_broken.ipynb").exists(), "the partial executed notebook is kept"
    assert (tmp_path / "reports" / "02_fine.html").exists()
    assert "failed" in (tmp_path / "reports" / "index.html").read_text(encoding="utf-8")


def test_report_with_no_readable_article(tmp_path, capsys):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "empty.txt").write_bytes(b"")
    assert run_report(seeds=tmp_path / "seeds", out=tmp_path / "reports", figures_dir=tmp_path / "figures") == 1
    assert "empty.txt: the file is empty" in capsys.readouterr().err
    assert not (tmp_path / "reports").exists()


def test_executed_notebooks_are_normalised(tmp_path):
    book = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["injected-parameters"], "papermill": {"duration": 1.0}})])
    book.metadata["papermill"] = {"parameters": {"x": 1}, "start_time": "2026-01-01", "duration": 2.0}
    path = tmp_path / "n.ipynb"
    nbformat.write(book, path)
    normalise_executed(path)
    again = nbformat.read(path, as_version=4)
    assert again.metadata.papermill == {"parameters": {"x": 1}}
    assert again.cells[0]["id"] == "injected-parameters" and "papermill" not in again.cells[0].metadata


def test_charts_are_stored_as_png_beside_svg():
    """A notebook opened untrusted (JupyterLab, GitHub) renders the PNG; nbval compares the SVG."""
    book = nbformat.read(ROOT / "notebooks" / "02_trade_and_investment.ipynb", as_version=4)
    charts = [o for c in book.cells if c.cell_type == "code" for o in c.get("outputs", []) if "image/svg+xml" in o.get("data", {})]
    assert charts and all("image/png" in o["data"] for o in charts)


@pytest.mark.slow
@pytest.mark.parametrize("folder", ["corpus", "no_figures", "no_events"])
def test_the_report_runs_on_any_folder(tmp_path, folder):
    """Every page is written, whatever the folder holds: the development corpus with the seeds,
    articles that state no figure, articles that tell no event."""
    seeds = tmp_path / "articles"
    seeds.mkdir()
    if folder == "corpus":
        for path in [*(ROOT / "tests" / "corpus").glob("*.txt"), *(ROOT / "seeds").glob("*.txt")]:
            shutil.copy(path, seeds)
    elif folder == "no_figures":
        (seeds / "a.txt").write_text("date 2025-07-10\n\nTiêu đề\n\nNgày 2/7/2025, Thủ tướng Phạm Minh Chính gặp Tổng thống Donald Trump.\n", encoding="utf-8")
    else:
        (seeds / "a.txt").write_text("date 2025-07-10\n\nTitle\n\nIn the first half of 2025, exports to the US reached $70 billion.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_report(seeds=seeds, out=out, figures_dir=out / "figures", language="en") == 0
    pages = sorted(p.name for p in out.glob("*.html"))
    assert pages == ["01_figures.html", "02_trade_and_investment.html", "03_timeline.html", "index.html"]
    for page in out.glob("*.html"):
        assert "Traceback" not in page.read_text(encoding="utf-8"), page.name
    assert len(list((out / "figures").glob("*.png"))) == 6
