"""The report: run every notebook with papermill, export each to HTML with the code hidden, index them.

One process does it all: papermill, nbconvert and the library are imported once; one kernel
per core runs its share of the notebooks (so pandas and matplotlib are imported once per
kernel, not once per notebook); HTML is written in-process while other notebooks still run.
Outputs are written atomically; a failing notebook is named with its cell, its partial
executed notebook is kept, and the others still run.
"""

from __future__ import annotations

import ast
import atexit
import contextlib
import html
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from queue import Queue

from ..extraction.figures import figures_of_corpus
from ..model import FIGURE_FIELDS as FIELDS
from ..presentation.format import source_label
from ..presentation.output import to_csv, write_atomic
from .notebook import load_articles

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS_DIR = ROOT / "notebooks"
TEMPLATES_DIR = Path(__file__).with_name("templates")
TITLES = {
    "01_figures": ("Figures stated in the articles", "Các số liệu trong bài"),
    "02_trade_and_investment": ("Trade and investment", "Thương mại và đầu tư"),
    "03_timeline": ("The timeline of Vietnam–US relations", "Dòng thời gian quan hệ Việt Nam – Mỹ"),
}
KERNEL_CONFIG = 'c.IPKernelApp.log_level = "CRITICAL"\n'


@dataclass
class NotebookRun:
    name: str
    seconds: float
    error: str | None = None


def notebooks(directory: Path = NOTEBOOKS_DIR) -> list[Path]:
    return sorted(p for p in Path(directory).glob("[0-9][0-9]_*.ipynb"))


def _value(text: str):
    """``-p name value`` as papermill takes it: a Python literal when it is one, else the string."""
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def _quiet_kernels() -> None:
    """Kernels read an IPython profile that silences their start-up warnings on stderr (a
    temporary folder, removed when the run ends)."""
    if "IPYTHONDIR" in os.environ:
        return
    directory = Path(tempfile.mkdtemp(prefix="vnus-ipython-"))
    (directory / "profile_default").mkdir()
    (directory / "profile_default" / "ipython_kernel_config.py").write_text(KERNEL_CONFIG)
    os.environ["IPYTHONDIR"] = str(directory)
    atexit.register(shutil.rmtree, directory, True)


#: The parameters every notebook declares (its ``parameters`` cell); `-p` may set only these.
PARAMETERS = ("seeds_dir", "article_glob", "figures_dir", "language")


class ReportUsageError(ValueError):
    """A report asked for with a parameter it cannot take (named, with the valid ones)."""


def check_parameters(parameters: dict) -> None:
    """Refuse a parameter no notebook declares (a name is never run as code) and a glob that
    leaves the articles' folder."""
    for name, value in parameters.items():
        if not name.isidentifier() or name not in PARAMETERS:
            raise ReportUsageError(f"unknown notebook parameter {name!r}; the parameters are: {', '.join(PARAMETERS)}")
        if name == "article_glob" and (os.sep in str(value) or "/" in str(value) or ".." in str(value)):
            raise ReportUsageError(f"article_glob {value!r} must name files of the articles' folder (no folder, no '..')")
        if name == "language" and value not in ("en", "vi"):
            raise ReportUsageError(f"language {value!r} must be 'en' or 'vi'")


@contextlib.contextmanager
def locked(out: Path):
    """One report at a time in a folder: a second run into it stops with a message, rather
    than leave a mix of two runs' files."""
    import fcntl

    out.mkdir(parents=True, exist_ok=True)
    with open(out / ".vnus-report.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise ReportUsageError(f"{out}: another report is being written there; wait for it to finish") from None
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _execute(notebook: Path, out: Path, parameters: dict, kernel=None) -> NotebookRun:
    """Run one notebook with papermill, in ``kernel`` when given (a kernel manager kept alive
    between notebooks, so that pandas and matplotlib are imported once per kernel)."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    started = time.perf_counter()
    target = out / notebook.name
    extra = {"km": kernel} if kernel is not None else {}
    try:
        # no ``cwd``: papermill would chdir the whole process, which threads running side by side
        # would race on; the report passes absolute paths, so the kernel's folder does not matter
        papermill.execute_notebook(
            str(notebook), str(target), parameters=parameters, kernel_name="python3",
            progress_bar=False, log_output=False, request_save_on_cell_execute=False, **extra,
        )
    except PapermillExecutionError as error:
        normalise_executed(target)
        return NotebookRun(notebook.name, time.perf_counter() - started,
                           f"cell {error.exec_count} (index {error.cell_index}): {error.ename}: {error.evalue}")
    except Exception as error:  # a kernel that dies or cannot start: still one line, still the others
        return NotebookRun(notebook.name, time.perf_counter() - started, f"{type(error).__name__}: {error}")
    normalise_executed(target)
    return NotebookRun(notebook.name, time.perf_counter() - started)


def _run_queue(books: list[Path], out: Path, parameters: dict, done) -> None:
    """Run notebooks one after another in one kernel, restarting it if a notebook killed it."""
    from jupyter_client.manager import KernelManager

    kernel = KernelManager(kernel_name="python3")
    try:
        for book in books:
            if not kernel.has_kernel or not kernel.is_alive():
                kernel.start_kernel()
            done(book, _execute(book, out, parameters, kernel))
    finally:
        if kernel.has_kernel:
            kernel.shutdown_kernel(now=True)


TIMING_KEYS = ("start_time", "end_time", "duration", "input_path", "output_path")


def normalise_executed(path: Path) -> None:
    """Make an executed notebook repeatable: a fixed id for papermill's injected cell and no
    timings, so that two runs give the same file and the same HTML (the parameters stay)."""
    import nbformat

    book = nbformat.read(path, as_version=4)
    for key in TIMING_KEYS:
        book.metadata.get("papermill", {}).pop(key, None)
    for index, cell in enumerate(book.cells):
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell["id"] = "injected-parameters"
        elif not cell.get("id"):
            cell["id"] = f"cell-{index}"
    write_atomic(path, nbformat.writes(book) + "\n")


def _exporter():
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="vnus", extra_template_basedirs=[str(TEMPLATES_DIR)])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter


def export_html(executed: Path, destination: Path, title: str, exporter=None) -> None:
    """The executed notebook as one self-contained page, code hidden (no script from the network)."""
    import nbformat

    exporter = exporter or _exporter()
    book = nbformat.read(executed, as_version=4)
    book.metadata["title"] = title
    body, _ = exporter.from_notebook_node(book)
    write_atomic(destination, body)


def _index(out: Path, runs: list[NotebookRun], figures_dir: Path, language: str, articles) -> str:
    en = language == "en"
    heading = "Vietnam–US relations in numbers" if en else "Quan hệ Việt Nam – Mỹ qua các con số"
    items = []
    for run in runs:
        stem = Path(run.name).stem
        title = TITLES.get(stem, (stem, stem))[0 if en else 1]
        if run.error:
            items.append(f'<li>{html.escape(title)} — <strong>failed</strong>: {html.escape(run.error)}</li>')
        else:
            items.append(f'<li><a href="{html.escape(stem)}.html">{html.escape(title)}</a></li>')
    suffix = "" if en else ".vi"
    charts = []
    for base in ("trade_series", "trade_months", "trade", "investment", "rankings", "timeline"):
        png = figures_dir / f"{base}{suffix}.png"
        if png.exists():
            source = os.path.relpath(png, out).replace(os.sep, "/")
            charts.append(f'<figure><img src="{html.escape(source)}" alt="{html.escape(base)}" width="720"></figure>')
    sources = "".join(f"<li>{html.escape(source_label(a))}</li>" for a in articles)
    return (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n<title>{html.escape(heading)}</title>\n'
        "<style>body{font-family:DejaVu Sans,Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}"
        "img{max-width:100%;height:auto}figure{margin:1.5rem 0}</style>\n</head>\n<body>\n"
        f"<h1>{html.escape(heading)}</h1>\n<ul>\n" + "\n".join(items) + "\n</ul>\n" + "\n".join(charts)
        + f"\n<h2>{'Articles' if en else 'Bài báo'}</h2>\n<ul>{sources}</ul>\n</body>\n</html>\n"
    )


def _extraction_problems(article) -> list:
    """What extraction says of an article (a number skipped), as `vnus figures` prints it."""
    from ..extraction.figures import extract_figures

    found: list = []
    extract_figures(article, found)
    return found


def run_report(seeds="seeds", out="reports", language="en", parameters=None, figures_dir="figures",
               notebooks_dir: Path = NOTEBOOKS_DIR, jobs: int | None = None) -> int:
    """Regenerate everything; 0 when every notebook ran, 1 otherwise or when no article could be read.

    The notebooks read the articles the figures table is made from: the same folder and glob
    (``-p seeds_dir`` and ``-p article_glob`` set both)."""
    given = {name: _value(value) if isinstance(value, str) else value for name, value in (parameters or {}).items()}
    check_parameters(given)
    seeds = Path(given.pop("seeds_dir", seeds)).resolve()
    figures_dir = Path(given.pop("figures_dir", figures_dir)).resolve()
    language = given.pop("language", language)
    glob = given.get("article_glob", ARTICLE_GLOB)
    out = Path(out).resolve()
    return _run_report(seeds, out, language, glob, figures_dir, notebooks_dir, jobs)


#: The articles a report reads by default, as the notebooks' parameters cell says.
ARTICLE_GLOB = "*.txt"


def _run_report(seeds: Path, out: Path, language: str, glob: str, figures_dir: Path, notebooks_dir: Path, jobs: int | None) -> int:
    articles, problems = load_articles(seeds, glob)
    problems = [*problems, *(p for a in articles for p in _extraction_problems(a))]
    for problem in problems:
        if problem.level != "info":
            print(problem, file=sys.stderr)
    if not articles:  # (nothing is written: no folder made)
        print(f"error: no article could be read in {seeds} (files matching {glob!r})", file=sys.stderr)
        return 1
    with locked(out):
        return _write_report(articles, seeds, out, language, glob, figures_dir, notebooks_dir, jobs)


def _write_report(articles, seeds: Path, out: Path, language: str, glob: str, figures_dir: Path, notebooks_dir: Path,
                  jobs: int | None) -> int:
    figures_dir.mkdir(parents=True, exist_ok=True)
    figures = figures_of_corpus(articles)
    write_atomic(out / "figures.csv", to_csv(figures, FIELDS))
    print(f"{out / 'figures.csv'}: {len(figures)} figures from {len(articles)} articles", flush=True)

    values = {"seeds_dir": str(seeds), "article_glob": glob, "figures_dir": str(figures_dir), "language": language}
    _quiet_kernels()
    books = notebooks(notebooks_dir)
    # one kernel per core, each running its share of the notebooks in a fixed order (so that
    # a run repeats exactly); the HTML of a finished notebook is written while others still run
    workers = max(1, min(jobs or os.cpu_count() or 1, len(books)))
    queues = [books[index::workers] for index in range(workers)]
    results: dict[str, NotebookRun] = {}
    finished: Queue = Queue()

    def done(book: Path, run: NotebookRun) -> None:
        finished.put((book, run))

    exporter = _exporter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_run_queue, queue, out, values, done) for queue in queues if queue]
        for _ in books:
            book, run = finished.get()
            results[book.name] = run
            if run.error:
                print(f"error: {run.name}: {run.error} (partial notebook kept in {out / run.name})", file=sys.stderr, flush=True)
                continue
            title = TITLES.get(book.stem, (book.stem, book.stem))[0 if language == "en" else 1]
            export_html(out / book.name, out / f"{book.stem}.html", title, exporter)
            print(f"{book.name}: {run.seconds:.1f} s → {out / (book.stem + '.html')}", flush=True)
        for future in futures:
            future.result()
    runs = [results[book.name] for book in books]
    write_atomic(out / "index.html", _index(out, runs, figures_dir, language, articles))
    print(f"{out / 'index.html'}", flush=True)
    return 1 if any(run.error for run in runs) else 0


def refresh_notebooks(notebooks_dir: Path = NOTEBOOKS_DIR) -> None:
    """Execute the committed notebooks in place with their default parameters (what nbval compares)."""
    import nbformat
    from nbclient import NotebookClient

    _quiet_kernels()
    for path in notebooks(notebooks_dir):
        book = nbformat.read(path, as_version=4)
        NotebookClient(book, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}, record_timing=False).execute()
        nbformat.write(book, path)
        print(f"{path.name}: executed in place")
