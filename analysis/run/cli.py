"""``vnus``: a thin command line over the library (figures, dates, timeline, report).

Exit status: 0 when at least one article was read, 1 when none could be, 2 for a wrong
argument. Problems with single files are one line each on stderr; never a traceback.
JSON and CSV are written record by record, so a folder of any size streams through in
little memory; with ``-o`` the file appears whole, or not at all.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from ..errors import ArticleError, Problem
from ..model import plain
from ..presentation.output import RecordStream, to_json, to_table, write_atomic

EXIT_OK, EXIT_NOTHING_READ, EXIT_USAGE = 0, 1, 2


def _report(problem: Problem) -> None:
    print(problem, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- per-file work
# Pure functions of one path, so that ``--jobs`` can run them in other processes.


def _load(path):
    """(article, problems, (path, fingerprint)), or (None, problems, None) when the file cannot
    be read. The fingerprint lets the parent spot a duplicate without the text (``--jobs``)."""
    from ..extraction.publication import publication_notes
    from ..reading.corpus import load_article, text_fingerprint

    try:
        article = load_article(path)
    except ArticleError as error:
        return None, [error.problem], None
    return article, [*article.problems, *publication_notes(article)], (article.path, text_fingerprint(article.text))


def _figures_job(path):
    from ..extraction.figures import extract_figures

    article, problems, identity = _load(path)
    if article is None:
        return None, problems, None
    figures = extract_figures(article, problems)
    if not figures:
        problems.append(Problem(article.name, "no figures found", "warning"))
    return (article.name, figures), problems, identity


def _dates_job(path):
    from ..extraction.publication import extract_dates

    article, problems, identity = _load(path)
    if article is None:
        return None, problems, None
    return (article.name, extract_dates(article)), problems, identity


def _timeline_job(path):
    from ..extraction.events import article_events
    from ..extraction.figures import extract_figures

    article, problems, identity = _load(path)
    if article is None:
        return None, problems, None
    return (article.name, (article_events(article), extract_figures(article, problems))), problems, identity


def _run(job, paths, pattern: str, jobs: int):
    """Yield each readable file's result in order, reporting problems as they come.

    Raises ``SystemExit(1)`` at the end when no article could be read.
    """
    from ..reading.corpus import SeenTexts, article_paths, load_article

    def results():
        queue = article_paths(paths, pattern)
        if jobs <= 1:
            for path in queue:
                yield path if isinstance(path, Problem) else job(path)
            return
        from multiprocessing import get_context

        files = []
        for path in queue:
            if isinstance(path, Problem):
                yield path
            else:
                files.append(path)
        with get_context("spawn").Pool(jobs) as pool:
            yield from pool.imap(job, files, chunksize=4)

    read, seen = 0, SeenTexts()
    for result in results():
        if isinstance(result, Problem):
            _report(result)
            continue
        payload, problems, identity = result
        for problem in problems:
            _report(problem)
        if payload is None:
            continue
        name, (path, fingerprint) = payload[0], identity
        twin = seen.earlier(path, fingerprint, lambda path=path: load_article(path).text)
        if twin is not None:
            _report(Problem(name, f"same text as {twin}: skipped", "warning"))
            continue
        read += 1
        yield payload[1]
    if read == 0:
        raise SystemExit(EXIT_NOTHING_READ)


# --------------------------------------------------------------------------- commands


def cmd_figures(args) -> int:
    from ..model import FIGURE_FIELDS as FIELDS

    results = _run(_figures_job, args.paths, args.glob, args.jobs)
    if args.check:
        from ..checks import check_figures, disagreements

        found = [f for figures in results for f in figures]
        checks, differ = check_figures(found), disagreements(found)
        if args.format == "json":  # (each record says what it is: a check, or two articles that differ)
            _emit(to_json([{"kind": "check", **plain(c)} for c in checks] + [{"kind": "disagreement", **plain(d)} for d in differ]),
                  args.output)
        else:
            text = "".join(f"{c}\n" for c in checks) or "no checks: no period states exports, imports and a total or surplus\n"
            text += "".join(f"{d}\n" for d in differ) or "no disagreement: no two articles state one figure differently\n"
            _emit(text, args.output)
        return EXIT_OK
    return _write_records(results, FIELDS, ("sentence", "start", "end"), args)


def cmd_dates(args) -> int:
    from ..model import DATE_FIELDS

    return _write_records(_run(_dates_job, args.paths, args.glob, args.jobs), DATE_FIELDS, ("sentence",), args)


def _write_records(results, fields, not_in_table: tuple[str, ...], args) -> int:
    """Each article's records as a table (all at once), or streamed as JSON or CSV."""
    if args.format == "table":
        found = [record for records in results for record in records]
        _emit(to_table(found, [f for f in fields if f not in not_in_table]), args.output)
        return EXIT_OK
    with RecordStream(args.format, fields, args.output) as stream:
        for records in results:
            stream.write_all(records)
    return EXIT_OK


def cmd_timeline(args) -> int:
    from ..extraction.events import timeline
    from ..presentation.narrate import event_record, narrate

    events, figures = [], []
    for article_events, article_figures in _run(_timeline_job, args.paths, args.glob, args.jobs):
        events += article_events
        figures += article_figures  # (the story tells the trade and the investment they state)
    events = timeline(events)
    if args.format == "json":
        _emit(to_json([event_record(e, args.lang) for e in events]), args.output)
    else:
        _emit(narrate(events, figures, language=args.lang), args.output)
    return EXIT_OK


def cmd_report(args) -> int:
    from .report import ReportUsageError, refresh_notebooks, run_report

    if args.refresh_notebooks:
        refresh_notebooks()
        return EXIT_OK
    params = {name: value for name, value in args.param}
    out = args.out or "reports"
    figures_dir = args.figures or (str(Path(args.out) / "figures") if args.out else "figures")
    try:
        return run_report(seeds=args.seeds, out=out, language=args.lang, parameters=params, figures_dir=figures_dir, jobs=args.jobs)
    except ReportUsageError as error:
        print(f"vnus report: error: {error}", file=sys.stderr)
        return EXIT_USAGE


def cmd_eval(args) -> int:
    from ..evaluate import evaluate, gold_passages, to_json, to_text

    folder = Path(args.folder)
    if not folder.is_dir() or not gold_passages(folder):
        print(f"error: {args.folder}: no annotated passages (NN_name.txt beside NN_name.json)", file=sys.stderr)
        return EXIT_USAGE
    scores = evaluate(folder, args.published)
    _emit(to_json(scores) if args.format == "json" else to_text(scores, details=not args.summary), args.output)
    return EXIT_OK


def _emit(text: str, output: str | None) -> None:
    if output:
        write_atomic(output, text)
    else:
        sys.stdout.write(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vnus", description="Figures, dates and timeline of Vietnam–US news articles.")
    sub = parser.add_subparsers(dest="command", required=True)

    def corpus_args(p):
        p.add_argument("paths", nargs="+", help="article files or folders of .txt articles")
        p.add_argument("--glob", default="*", help="file pattern inside folders (default: *)")
        p.add_argument("-o", "--output", help="write to this file (whole or not at all) instead of stdout")
        p.add_argument("--jobs", type=int, default=1, help="processes reading articles in parallel (default: 1)")

    p = sub.add_parser("figures", help="every figure of the articles, normalised")
    corpus_args(p)
    p.add_argument("--format", choices=("json", "csv", "table"), default="table")
    p.add_argument("--check", action="store_true", help="print the consistency checks instead")
    p.set_defaults(run=cmd_figures)

    p = sub.add_parser("dates", help="every date expression of the articles")
    corpus_args(p)
    p.add_argument("--format", choices=("json", "csv", "table"), default="table")
    p.set_defaults(run=cmd_dates)

    p = sub.add_parser("timeline", help="the dated events, merged across articles")
    corpus_args(p)
    p.add_argument("--format", choices=("json", "md"), default="md")
    p.add_argument("--lang", choices=("en", "vi"), default="en")
    p.set_defaults(run=cmd_timeline)

    p = sub.add_parser("eval", help="measure figures, dates and events against hand-made gold")
    p.add_argument("folder", help="folder of passages (NN_name.txt) beside their gold (NN_name.json)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--summary", action="store_true", help="print the scores only, not the rows that differ")
    p.add_argument("--published", choices=("known", "day", "none"), default="known",
                   help="what the extractor is told of each passage's publication date: what the gold knows (default), "
                        "only a date known to the day, or nothing")
    p.add_argument("-o", "--output", help="write to this file instead of stdout")
    p.set_defaults(run=cmd_eval)

    p = sub.add_parser("report", help="run the notebooks and write the HTML report")
    p.add_argument("--seeds", default="seeds", help="folder of articles (default: seeds)")
    p.add_argument("--out", help="output folder (default: reports)")
    p.add_argument("--figures", help="folder for the charts (default: figures/, or OUT/figures/ when --out is given, so that "
                                     "a report of another corpus leaves the project's charts alone)")
    p.add_argument("--lang", choices=("en", "vi"), default="en")
    p.add_argument("-p", "--param", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"), help="notebook parameter")
    p.add_argument("--jobs", type=int, help="kernels running notebooks side by side (default: one per core)")
    p.add_argument("--refresh-notebooks", action="store_true", help="re-execute notebooks/ in place (what nbval compares)")
    p.set_defaults(run=cmd_report)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "jobs", None) is not None and args.jobs < 1:
        parser.error("--jobs must be at least 1")
    # a termination (kill, a closed terminal) ends the run as an interruption does, so that
    # an output being written is removed rather than left half-made
    signal.signal(signal.SIGTERM, _terminated)
    try:
        return args.run(args)
    except SystemExit as stop:
        if stop.code == EXIT_NOTHING_READ:
            print("error: no article could be read", file=sys.stderr)
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


def _terminated(number, frame) -> None:
    raise KeyboardInterrupt


def run() -> int:
    """The ``vnus`` command."""
    return main()


if __name__ == "__main__":
    sys.exit(run())
