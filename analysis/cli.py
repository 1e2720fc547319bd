"""``vnus``: a thin command line over the library (figures, dates, timeline, report).

Exit status: 0 when at least one article was read, 1 when none could be, 2 for a wrong
argument. Problems with single files are one line each on stderr; never a traceback.
"""

from __future__ import annotations

import argparse
import sys

from . import articles as _articles
from .errors import ArticleError, Problem
from .output import to_csv, to_json, to_table, write_atomic

EXIT_OK, EXIT_NOTHING_READ, EXIT_USAGE = 0, 1, 2


def _report(problem: Problem, quiet_info: bool = False) -> None:
    if problem.level == "info" and quiet_info:
        return
    print(problem, file=sys.stderr)


def _read(paths, pattern: str, jobs: int = 1):
    """Stream the articles (one file in memory at a time), reporting problems as they come."""
    count = 0
    for item in _articles.iter_corpus(paths, pattern):
        if isinstance(item, ArticleError):
            _report(item.problem)
            continue
        for problem in item.problems:
            _report(problem)
        count += 1
        yield item
    if count == 0:
        raise SystemExit(EXIT_NOTHING_READ)


def _emit(text: str, output: str | None) -> None:
    if output:
        write_atomic(output, text)
    else:
        sys.stdout.write(text)


def cmd_figures(args) -> int:
    from .figures import FIELDS, extract_figures

    found, read = [], 0
    for article in _read(args.paths, args.glob):
        problems: list[Problem] = []
        figures = extract_figures(article, problems)
        if not figures:
            problems.append(Problem(article.name, "no figures found", "warning"))
        for problem in problems:
            _report(problem)
        found.extend(figures)
        read += 1
    if args.check:
        from .checks import check_figures

        checks = check_figures(found)
        if args.format == "json":
            _emit(to_json(checks), args.output)
        else:
            _emit("".join(f"{c}\n" for c in checks) or "no checks: no period states exports, imports and a total or surplus\n", args.output)
        return EXIT_OK
    if args.format == "json":
        _emit(to_json(found), args.output)
    elif args.format == "csv":
        _emit(to_csv(found, FIELDS), args.output)
    else:
        _emit(to_table(found, [f for f in FIELDS if f not in ("sentence", "start", "end")]), args.output)
    return EXIT_OK


def cmd_dates(args) -> int:
    from .dates import DATE_FIELDS, extract_dates

    found = []
    for article in _read(args.paths, args.glob):
        found.extend(extract_dates(article))
    if args.format == "json":
        _emit(to_json(found), args.output)
    else:
        _emit(to_table(found, [f for f in DATE_FIELDS if f != "sentence"]), args.output)
    return EXIT_OK


def cmd_timeline(args) -> int:
    from .events import extract_events
    from .narrate import narrate

    corpus = list(_read(args.paths, args.glob))
    events = extract_events(corpus)
    if args.format == "json":
        _emit(to_json([e.to_dict(args.lang) for e in events]), args.output)
    else:
        from .figures import extract_figures

        figures = [f for a in corpus for f in extract_figures(a)]
        _emit(narrate(events, figures, language=args.lang), args.output)
    return EXIT_OK


def cmd_report(args) -> int:
    from .report import run_report

    if args.refresh_notebooks:
        from .report import refresh_notebooks

        refresh_notebooks()
        return EXIT_OK
    params = {name: value for name, value in args.param}
    return run_report(seeds=args.seeds, out=args.out, language=args.lang, parameters=params, figures_dir=args.figures, jobs=args.jobs)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vnus", description="Figures, dates and timeline of Vietnam–US news articles.")
    sub = parser.add_subparsers(dest="command", required=True)

    def corpus_args(p):
        p.add_argument("paths", nargs="+", help="article files or folders of .txt articles")
        p.add_argument("--glob", default="*", help="file pattern inside folders (default: *)")
        p.add_argument("-o", "--output", help="write to this file (atomically) instead of stdout")

    p = sub.add_parser("figures", help="every figure of the articles, normalised")
    corpus_args(p)
    p.add_argument("--format", choices=("json", "csv", "table"), default="table")
    p.add_argument("--check", action="store_true", help="print the consistency checks instead")
    p.set_defaults(run=cmd_figures)

    p = sub.add_parser("dates", help="every date expression of the articles")
    corpus_args(p)
    p.add_argument("--format", choices=("json", "table"), default="table")
    p.set_defaults(run=cmd_dates)

    p = sub.add_parser("timeline", help="the dated events, merged across articles")
    corpus_args(p)
    p.add_argument("--format", choices=("json", "md"), default="md")
    p.add_argument("--lang", choices=("en", "vi"), default="en")
    p.set_defaults(run=cmd_timeline)

    p = sub.add_parser("report", help="run the notebooks and write the HTML report")
    p.add_argument("--seeds", default="seeds", help="folder of articles (default: seeds)")
    p.add_argument("--out", default="reports", help="output folder (default: reports)")
    p.add_argument("--figures", default="figures", help="folder for the charts (default: figures)")
    p.add_argument("--lang", choices=("en", "vi"), default="en")
    p.add_argument("-p", "--param", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"), help="notebook parameter")
    p.add_argument("--jobs", type=int, help="notebooks run at once (default: up to 3, one per core)")
    p.add_argument("--refresh-notebooks", action="store_true", help="re-execute notebooks/ in place (what nbval compares)")
    p.set_defaults(run=cmd_report)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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


if __name__ == "__main__":
    sys.exit(main())
