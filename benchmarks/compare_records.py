"""Every record the extractor writes, for the seeds, the gold corpus and a synthetic corpus,
saved to a file and compared with a later run: a change that should leave the records as
they were (a move, a speed-up) is proved to.

usage: python benchmarks/compare_records.py --save FILE
       python benchmarks/compare_records.py --against FILE [--ignore rule]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import analysis  # noqa: E402
from analysis.model import (
    DATE_FIELDS,  # noqa: E402
    plain,  # noqa: E402
)
from analysis.presentation.narrate import event_record  # noqa: E402
from benchmarks.corpus import write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _narrate(events, figures, language):
    narrate = analysis.presentation.narrate
    return (narrate.narrate if hasattr(narrate, "narrate") else narrate)(events, figures, language)


def records(folders: list[Path]) -> list[str]:
    """One JSON line per record: figures, dates and events of each article, then the merged
    timeline and its narration in both languages, per folder."""
    lines = []
    for folder in folders:
        articles, _ = analysis.load_corpus(folder)
        events = []
        for article in articles:
            for figure in analysis.extract_figures(article):
                lines.append(json.dumps({"figure": plain(figure)}, ensure_ascii=False, sort_keys=True))
            for date in analysis.extract_dates(article):
                lines.append(json.dumps({"date": {k: plain(date)[k] for k in DATE_FIELDS}}, ensure_ascii=False, sort_keys=True))
            found = analysis.article_events(article)
            events += found
            for event in found:
                lines.append(json.dumps({"event": event_record(event, "en")}, ensure_ascii=False, sort_keys=True))
        merged = analysis.timeline(events)
        figures = [f for a in articles for f in analysis.extract_figures(a)]
        for language in ("en", "vi"):
            lines += [json.dumps({"timeline": event_record(e, language)}, ensure_ascii=False, sort_keys=True) for e in merged]
            lines.append(json.dumps({"narration": _narrate(merged, figures, language)}, ensure_ascii=False))
    return lines


def without(line: str, ignored: set[str]) -> str:
    record = json.loads(line)
    for value in record.values():
        if isinstance(value, dict):
            for key in ignored:
                value.pop(key, None)
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save")
    group.add_argument("--against")
    parser.add_argument("--ignore", action="append", default=[], help="a field left out of the comparison (a new one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        synthetic = Path(temporary) / "synthetic"
        write_corpus(synthetic, 300)
        lines = records([ROOT / "seeds", ROOT / "tests" / "corpus", synthetic])
    if args.save:
        Path(args.save).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines)} records saved to {args.save}")
        return 0
    before = Path(args.against).read_text(encoding="utf-8").splitlines()
    ignored = set(args.ignore)
    now = [without(line, ignored) for line in lines]
    before = [without(line, ignored) for line in before]
    if now == before:
        print(f"{len(now)} records, the same as in {args.against}")
        return 0
    for index, (old, new) in enumerate(zip(before, now, strict=False)):
        if old != new:
            print(f"record {index} differs:\n  before: {old[:400]}\n  now:    {new[:400]}")
            break
    print(f"{len(before)} records before, {len(now)} now: they differ")
    return 1


if __name__ == "__main__":
    sys.exit(main())
