"""Records → JSON, CSV and plain tables, without pandas (the command line stays fast)."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path

from ..model import plain


def to_json(records) -> str:
    return json.dumps([plain(r) for r in records], ensure_ascii=False, indent=2) + "\n"


def to_csv(records, fields) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for record in records:
        row = plain(record)
        writer.writerow({k: ("" if row[k] is None else row[k]) for k in fields})
    return buffer.getvalue()


def to_table(records, fields, width: int = 40) -> str:
    rows = [[_cell(plain(r)[f], width) for f in fields] for r in records]
    widths = [max([len(f)] + [len(row[i]) for row in rows]) for i, f in enumerate(fields)]
    lines = ["  ".join(f.ljust(w) for f, w in zip(fields, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return "\n".join(lines) + "\n"


def _cell(value, width: int) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = repr(value)
    elif isinstance(value, (dict, list)):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _publish(temporary: str, path) -> None:
    """Give a finished temporary file the usual permissions and move it into place at once."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temporary, 0o666 & ~umask)
    os.replace(temporary, path)


def write_atomic(path: str | os.PathLike, content: str | bytes) -> None:
    """Write a file whole or not at all: a reader never sees half an output."""
    import tempfile

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        _publish(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class RecordStream:
    """Write JSON or CSV records one by one: to stdout, or to a file that appears only when
    the stream closes cleanly (an error or an interruption leaves no partial file)."""

    def __init__(self, fmt: str, fields, output: str | os.PathLike | None = None):
        if fmt not in ("json", "csv"):
            raise ValueError(f"cannot stream {fmt!r}")
        self.fmt, self.fields, self.output = fmt, list(fields), output
        self.count = 0
        self._temporary = None

    def __enter__(self) -> RecordStream:
        if self.output:
            import tempfile

            path = Path(self.output)
            self._made = [p for p in reversed(path.parent.parents) if not p.exists()] + ([path.parent] if not path.parent.exists() else [])
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, self._temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            self.stream = os.fdopen(handle, "w", encoding="utf-8", newline="")
        else:
            self.stream = sys.stdout
        if self.fmt == "csv":
            import csv

            self.writer = csv.DictWriter(self.stream, fieldnames=self.fields, lineterminator="\n")
            self.writer.writeheader()
        return self

    def write(self, record) -> None:
        row = plain(record)
        if self.fmt == "json":
            text = json.dumps({k: row[k] for k in self.fields}, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            self.stream.write(("[\n  " if self.count == 0 else ",\n  ") + text)
        else:
            self.writer.writerow({k: ("" if row[k] is None else row[k]) for k in self.fields})
        self.count += 1

    def write_all(self, records) -> None:
        for record in records:
            self.write(record)

    def __exit__(self, kind, error, trace) -> None:
        if kind is None and self.fmt == "json":
            self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        if self._temporary is None:
            self.stream.flush()
            return
        self.stream.close()
        if kind is None:
            _publish(self._temporary, self.output)
        else:  # (nothing written: no temporary file left, and no folder made for it)
            Path(self._temporary).unlink(missing_ok=True)
            for folder in reversed(self._made):
                with contextlib.suppress(OSError):
                    folder.rmdir()
