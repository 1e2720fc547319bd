"""The command line: formats, checks, exit status, messages, and a light import path."""

import json
import subprocess
import sys

from .conftest import ROOT, SEEDS

KEYS = ["article", "metric", "value", "value_high", "unit", "qualifier", "period", "direction", "out_of", "text", "start", "end", "sentence", "rule"]


def vnus(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def test_figures_json_has_exactly_the_documented_keys():
    result = vnus("figures", SEEDS, "--format", "json")
    assert result.returncode == 0
    records = json.loads(result.stdout)
    assert len(records) == 16 and all(list(r) == KEYS for r in records)
    assert records[0]["value"] == 15800000000 and records[4]["value"] == 28.6
    assert "003_5d7ab7d5d119b6c6.txt: no figures found" in result.stderr


def test_figures_csv_and_table():
    csv_out = vnus("figures", SEEDS, "--format", "csv").stdout.splitlines()
    assert csv_out[0] == ",".join(KEYS) and len(csv_out) == 17
    table = vnus("figures", SEEDS / "000_36939d321209eacf.txt").stdout
    assert "thứ 11/108" in table and "fdi_capital" in table


def test_check_prints_each_check():
    out = vnus("figures", SEEDS, "--check").stdout
    assert out.count("pass ") == 2 and "exports + imports = trade_total" in out


def test_exit_status_and_messages(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = vnus("figures", tmp_path / "empty.txt", tmp_path / "missing.txt", "--format", "json")
    assert result.returncode == 1
    assert "error: empty.txt: the file is empty" in result.stderr and "missing.txt: no such file" in result.stderr
    assert "Traceback" not in result.stderr
    mixed = vnus("figures", tmp_path / "empty.txt", SEEDS / "000_36939d321209eacf.txt", "--format", "json")
    assert mixed.returncode == 0 and len(json.loads(mixed.stdout)) == 16
    assert vnus("figures", SEEDS, "--format", "xml").returncode == 2


def test_output_file_written_whole(tmp_path):
    target = tmp_path / "out" / "figures.json"
    assert vnus("figures", SEEDS, "--format", "json", "-o", target).returncode == 0
    assert len(json.loads(target.read_text(encoding="utf-8"))) == 16
    assert [p.name for p in target.parent.iterdir()] == ["figures.json"]


def test_json_path_imports_no_pandas_matplotlib_or_jupyter():
    code = (
        "import sys, io, contextlib\n"
        "from analysis.run.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['figures', {str(SEEDS)!r}, '--format', 'json'])\n"
        "heavy = [m for m in ('pandas', 'matplotlib', 'nbformat', 'IPython', 'numpy') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
