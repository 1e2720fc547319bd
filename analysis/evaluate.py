"""How right the extractor is on passages annotated by hand (``vnus eval GOLD_DIR``).

A gold folder holds ``NN_name.txt`` passages, each beside ``NN_name.json`` with the figures,
dates and events a careful reader finds in it (the conventions are in ``tests/corpus/README.md``).
A prediction matches a gold row when its span overlaps the row's span in the same file; each
gold row is matched to at most one prediction and each prediction to at most one row (the
pairing that agrees on most fields wins). Recall is the share of gold rows matched, precision
the share of predictions matched, and "all fields right" the share of matched rows whose every
gold field agrees (values to 1e-9 relative).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .model import plain

#: The fields compared, per kind of record.
FIELDS = {
    "figures": ("value", "unit", "qualifier", "metric", "period", "direction", "value_high", "out_of"),
    "dates": ("date", "granularity"),
    "events": ("date", "granularity", "kind", "status"),
}
#: The fields whose confusion table is printed.
CONFUSED = {"figures": ("metric", "direction"), "dates": ("granularity",), "events": ("kind",)}


@dataclass
class Row:
    """A gold row or a prediction: its file, span, compared fields and the text it stands on."""

    article: str
    start: int
    end: int
    fields: dict
    text: str
    sentence: str = ""


@dataclass
class Score:
    """The comparison of one kind of record over a folder."""

    kind: str
    gold: int = 0
    found: int = 0
    matched: int = 0
    all_right: int = 0
    field_right: Counter = field(default_factory=Counter)
    confusion: dict = field(default_factory=lambda: defaultdict(lambda: defaultdict(Counter)))
    misses: list = field(default_factory=list)
    extras: list = field(default_factory=list)
    wrong: list = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def all_fields(self) -> float:
        return self.all_right / self.matched if self.matched else 1.0

    def field_accuracy(self, name: str) -> float:
        return self.field_right[name] / self.matched if self.matched else 1.0

    def to_dict(self) -> dict:
        return {
            "gold": self.gold, "found": self.found, "matched": self.matched,
            "recall": round(self.recall, 4), "precision": round(self.precision, 4), "all_fields_right": round(self.all_fields, 4),
            "fields": {name: round(self.field_accuracy(name), 4) for name in FIELDS[self.kind]},
            "confusion": {name: {gold: dict(found) for gold, found in sorted(table.items())}
                          for name, table in ((n, self.confusion[n]) for n in CONFUSED[self.kind])},
            "misses": self.misses, "extras": self.extras, "wrong": self.wrong,
        }


def agrees(name: str, gold, found) -> bool:
    """Whether a predicted field agrees with the gold one."""
    if name in ("value", "value_high"):
        if gold is None or found is None:
            return gold is None and found is None
        gold, found = Decimal(str(gold)), Decimal(str(found))
        return abs(gold - found) <= abs(gold) * Decimal("1e-9")
    if name == "qualifier" and gold == "under" and found == "approx":
        return True  # "gần", "nearly": the corpus accepts either
    return gold == found


def _gold_rows(name: str, gold: dict, text: str, kind: str) -> list[Row]:
    rows = []
    for row in gold.get(kind, []):
        fields = {f: row.get(f) for f in FIELDS[kind]}
        span = text[row["start"] : row["end"]]
        rows.append(Row(name, row["start"], row["end"], fields, row.get("text", span), span if kind == "events" else ""))
    return rows


def predictions(article) -> dict[str, list[Row]]:
    """What the extractor finds in one article, as rows to compare."""
    from .extraction.events import article_events
    from .extraction.figures import extract_figures
    from .extraction.publication import extract_dates

    rows: dict[str, list[Row]] = {}
    rows["figures"] = [Row(article.name, f.start, f.end, {k: getattr(f, k) for k in FIELDS["figures"]}, f.text, f.sentence)
                       for f in extract_figures(article)]
    header = next((b for b in article.blocks if b.kind == "header"), None)
    rows["dates"] = [Row(article.name, d.start, d.end, {k: getattr(d, k) for k in FIELDS["dates"]}, d.text, d.sentence)
                     for d in extract_dates(article) if header is None or d.start >= header.end]
    rows["events"] = []
    for event in article_events(article):
        source = event.sources[0]
        rows["events"].append(Row(article.name, source["start"], source["end"], {k: getattr(event, k) for k in FIELDS["events"]},
                                  article.text[source["start"] : source["end"]], event.sentence))
    return rows


def _pair(gold: list[Row], found: list[Row], kind: str) -> list[tuple[Row, Row]]:
    """One-to-one pairs of overlapping rows, those agreeing on most fields first."""
    candidates = []
    for i, g in enumerate(gold):
        for j, f in enumerate(found):
            overlap = min(g.end, f.end) - max(g.start, f.start)
            if overlap > 0:
                agreeing = sum(agrees(n, g.fields[n], f.fields[n]) for n in FIELDS[kind])
                exact = (g.start, g.end) == (f.start, f.end)
                candidates.append((-agreeing, -exact, -overlap, i, j))
    pairs, used_gold, used_found = [], set(), set()
    for *_, i, j in sorted(candidates):
        if i not in used_gold and j not in used_found:
            used_gold.add(i)
            used_found.add(j)
            pairs.append((gold[i], found[j]))
    return pairs


def _row_report(row: Row) -> dict:
    return {"article": row.article, "start": row.start, "end": row.end, "text": row.text, **row.fields, "sentence": row.sentence}


def gold_passages(folder: str | Path) -> list[tuple[Path, dict]]:
    """The passages of a gold folder with their gold, in file order."""
    folder = Path(folder)
    passages = []
    for text_path in sorted(folder.glob("*.txt")):
        gold_path = text_path.with_suffix(".json")
        if gold_path.exists():
            passages.append((text_path, json.loads(gold_path.read_text(encoding="utf-8"))))
    return passages


#: What the extractor is told of a passage's publication date: what the gold knows ("2019-02"
#: for a date known to the month), only a date known to the day, or nothing.
PUBLISHED = ("known", "day", "none")


def evaluate(folder: str | Path, published: str = "known") -> dict[str, Score]:
    """Score figures, dates and events over every annotated passage of ``folder``.

    The publication date the gold knows is given to the extractor as a date header would give
    it (``published``: see :data:`PUBLISHED`); what it is not given it infers from the text.
    """
    if published not in PUBLISHED:
        raise ValueError(f"published must be one of {', '.join(PUBLISHED)}, not {published!r}")
    from .reading.article import parse_article
    from .reading.decode import decode

    scores = {kind: Score(kind) for kind in FIELDS}
    for text_path, gold in gold_passages(folder):
        text, problems = decode(text_path.read_bytes(), text_path.name)
        known = gold.get("published")
        given = known if published == "known" or (published == "day" and known and len(known) == 10) else None
        article = parse_article(text, text_path.name, str(text_path), problems, published=given)
        found = predictions(article)
        for kind, score in scores.items():
            gold_rows = _gold_rows(text_path.name, gold, text, kind)
            for row in gold_rows:
                if kind != "events":
                    sentence = article.sentence_at(row.start)
                    row.sentence = sentence.text if sentence else ""
            pairs = _pair(gold_rows, found[kind], kind)
            score.gold += len(gold_rows)
            score.found += len(found[kind])
            score.matched += len(pairs)
            paired_gold = {id(g) for g, _ in pairs}
            paired_found = {id(f) for _, f in pairs}
            score.misses += [_row_report(g) for g in gold_rows if id(g) not in paired_gold]
            score.extras += [_row_report(f) for f in found[kind] if id(f) not in paired_found]
            for g, f in pairs:
                wrong = {n: {"gold": g.fields[n], "found": plain(f.fields[n])} for n in FIELDS[kind] if not agrees(n, g.fields[n], f.fields[n])}
                for n in FIELDS[kind]:
                    score.field_right[n] += n not in wrong
                for n in CONFUSED[kind]:
                    score.confusion[n][str(g.fields[n])][str(f.fields[n])] += 1
                if wrong:
                    score.wrong.append({"article": g.article, "start": g.start, "end": g.end, "text": g.text, "found_text": f.text,
                                        "fields": wrong, "sentence": g.sentence})
                else:
                    score.all_right += 1
    for score in scores.values():
        score.misses = [plain(r) for r in score.misses]
        score.extras = [plain(r) for r in score.extras]
    return scores


# --------------------------------------------------------------------------- printing


def to_text(scores: dict[str, Score], details: bool = True) -> str:
    """The evaluation as a reader wants it: what went wrong first, the summary last."""
    lines = []
    if details:
        for kind, score in scores.items():
            for title, rows in (("missed", score.misses), ("found but not in the gold", score.extras)):
                if rows:
                    lines.append(f"== {kind} {title} ({len(rows)})")
                    for row in rows:
                        described = ", ".join(f"{n}={row.get(n)!s}" for n in FIELDS[kind] if row.get(n) is not None)
                        lines.append(f"{row['article']} {row['start']}-{row['end']} {row['text'][:60]!r}: {described}")
                        if row.get("sentence"):
                            lines.append(f"    | {_one_line(row['sentence'])}")
            if score.wrong:
                lines.append(f"== {kind} with a wrong field ({len(score.wrong)})")
                for row in score.wrong:
                    described = "; ".join(f"{n}: gold {v['gold']!s}, found {v['found']!s}" for n, v in row["fields"].items())
                    lines.append(f"{row['article']} {row['start']}-{row['end']} {row['text'][:60]!r}: {described}")
                    if row.get("sentence"):
                        lines.append(f"    | {_one_line(row['sentence'])}")
            for name in CONFUSED[kind]:
                table = score.confusion[name]
                if table:
                    lines.append(f"== {kind}: {name}, gold (rows) against found (columns)")
                    lines += _confusion_lines(table)
            lines.append("")
    lines.append("field accuracy on matched rows:")
    for kind, score in scores.items():
        lines.append(f"  {kind:<8} " + "  ".join(f"{name} {score.field_accuracy(name):.2f}" for name in FIELDS[kind]))
    lines.append("")
    lines.append(f"{'kind':<8} {'gold':>5} {'found':>6} {'matched':>8} {'recall':>7} {'precision':>10} {'all fields right':>17}")
    for kind, score in scores.items():
        lines.append(f"{kind:<8} {score.gold:>5} {score.found:>6} {score.matched:>8} {score.recall:>7.3f} {score.precision:>10.3f} "
                     f"{score.all_fields:>17.3f}")
    return "\n".join(lines) + "\n"


def _one_line(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _confusion_lines(table: dict) -> list[str]:
    columns = sorted({found for row in table.values() for found in row})
    width = max([len(c) for c in columns] + [5])
    head = max([len(r) for r in table] + [4])
    lines = [" " * head + " " + " ".join(c.rjust(width) for c in columns)]
    for gold in sorted(table):
        lines.append(gold.ljust(head) + " " + " ".join(str(table[gold].get(c, "") or ".").rjust(width) for c in columns))
    return lines


def to_json(scores: dict[str, Score]) -> str:
    return json.dumps({kind: score.to_dict() for kind, score in scores.items()}, ensure_ascii=False, indent=2) + "\n"
