"""Hostile but realistic input (pages scraped from the web, copied from PDFs, mangled by
editors), made here at run time: each file gets one line naming it and the reason, the rest of
the folder is read, no traceback, no hang, and never a number the text does not state."""

import json
import os
import subprocess
import sys
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.extraction.figures import extract_figures
from analysis.extraction.numbers import find_amounts
from analysis.reading.article import parse_article
from analysis.reading.corpus import load_corpus
from analysis.reading.decode import decode

from .conftest import ROOT, SEED_000

GOOD = "date 2025-07-10\n\nTiêu đề\n\nNăm 2024, xuất khẩu sang Mỹ đạt 119,5 tỷ USD.\n"


def vnus(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], capture_output=True, text=True, cwd=ROOT, **kwargs)


def read(text: str, name: str = "x.txt"):
    """The figures of a text as a file gives them, and the problems said of it."""
    decoded, problems = decode(text.encode("utf-8"), name)
    figures = extract_figures(parse_article(decoded, name, problems=problems), problems)
    return [(f.text, f.value) for f in figures], [p.reason for p in problems]


# numbers that read wrongly digit run by digit run: skipped, each with a warning, never another number
@pytest.mark.parametrize("text, warning", [
    ("Năm 2025, xuất khẩu sang Mỹ đạt 13 900 triệu USD.", "thousands grouped with spaces"),
    ("In 2025, exports to the US reached $13\u00a0900 million.", "thousands grouped with spaces"),
    ("Năm 2025, xuất khẩu sang Mỹ đạt 13\u202f900 triệu USD.", "thousands grouped with spaces"),
    ("In 2025, exports to the US reached 1E+308 USD.", "exponent notation"),
    ("In 2025, exports to the US reached US$1e3 billion.", "exponent notation"),
    ("In 2025, exports to the US reached 2.5E9 USD.", "exponent notation"),
    ("Xuất khẩu sang Mỹ đạt " + "9" * 10_000 + " USD.", "too long to be a figure"),
    ("Xuất khẩu sang Mỹ đạt " + ".".join(["123"] * 3000) + " tỷ USD.", "too long to be a figure"),
])
def test_a_number_written_oddly_is_skipped_with_a_warning(text, warning):
    figures, problems = read(text)
    assert figures == [] and any(warning in p for p in problems), (figures, problems)


# characters that show nothing, inside a number: removed, said, and the number read as shown
@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff"])
def test_an_invisible_character_inside_a_number_is_removed_and_said(invisible):
    figures, problems = read(f"Năm 2025, xuất khẩu sang Mỹ đạt 1{invisible}3,9 tỷ USD.")
    assert figures == [("13,9 tỷ USD", Decimal("13.9E9"))]
    assert any("invisible character" in p for p in problems)


def test_a_one_line_article_of_megabytes_is_read_through():
    """A scraped page with no line break and no full stop: read in bounded sentences (the
    time it takes is measured by benchmarks/bench_extraction.py, not here)."""
    seed = SEED_000.read_text(encoding="utf-8").replace("\n", " ").replace(". ", " ")
    text = "date 2026-02-20\n" + (seed * (2_000_000 // len(seed) + 1))[:2_000_000]
    figures = extract_figures(parse_article(text, "one-line.txt"))
    assert len(figures) > 1000 and all(text[f.start : f.end] == f.text for f in figures)


def test_the_folder_survives_every_hostile_file(tmp_path):
    folder = tmp_path / "scraped"
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "b_nul_late.txt").write_bytes(GOOD.encode() * 400 + b"\x00" + GOOD.encode())  # a NUL after 8 KB
    (folder / "c_utf16_no_bom.txt").write_bytes(GOOD.encode("utf-16-le"))
    (folder / "d_digits.txt").write_text("Xuất khẩu đạt " + "7" * 10_000 + " USD.\n", encoding="utf-8")
    (folder / "e_loop.txt").symlink_to(folder / "e_loop.txt")  # a link to itself
    (folder / "f_folder.txt").mkdir()
    (folder / "g_trailing.txt").write_text(GOOD.replace("\n", "  \n") + "\n\n", encoding="utf-8")  # the good one, re-saved
    (folder / "h\nerror: forged.txt").write_text(GOOD.replace("119,5", "118,5"), encoding="utf-8")
    (folder / "z_good.txt").write_text(GOOD.replace("119,5", "120,5"), encoding="utf-8")
    result = vnus("figures", folder, "--format", "json")
    assert "Traceback" not in result.stderr
    records = json.loads(result.stdout)
    assert sorted({r["article"] for r in records}) == ["a_good.txt", "h\nerror: forged.txt", "z_good.txt"]
    lines = result.stderr.splitlines()
    said = {name: " | ".join(line for line in lines if name in line) for name in
            ("b_nul_late.txt", "c_utf16_no_bom.txt", "d_digits.txt", "e_loop.txt", "f_folder.txt", "g_trailing.txt")}
    assert "NUL byte" in said["b_nul_late.txt"] and "UTF-16 without a byte order mark" in said["c_utf16_no_bom.txt"]
    assert "too long to be a figure" in said["d_digits.txt"] and said["e_loop.txt"] and "a folder" in said["f_folder.txt"]
    assert "same text as a_good.txt" in said["g_trailing.txt"]
    assert not any(line.startswith("error: forged") for line in lines)  # (the name is quoted: it forges no line)
    assert result.returncode == 0


def test_report_parameters_are_checked(tmp_path):
    run = vnus("report", "--out", tmp_path / "out", "-p", 'open("/tmp/vnus-injected","w").write("x")#', "1")
    assert run.returncode == 2 and "unknown notebook parameter" in run.stderr and "seeds_dir" in run.stderr
    assert not os.path.exists("/tmp/vnus-injected")
    assert vnus("report", "--out", tmp_path / "out", "-p", "seed_dir", "x").returncode == 2
    escaping = vnus("report", "--out", tmp_path / "out", "-p", "article_glob", "../../etc/*")
    assert escaping.returncode == 2 and "article_glob" in escaping.stderr
    empty = vnus("report", "--out", tmp_path / "out", "-p", "seeds_dir", tmp_path / "nothing-here")
    assert empty.returncode == 1 and "no article could be read" in empty.stderr


def test_two_reports_into_one_folder_do_not_mix(tmp_path):
    from analysis.run.report import ReportUsageError, locked

    with locked(tmp_path / "out"):
        with pytest.raises(ReportUsageError, match="another report"):
            with locked(tmp_path / "out"):
                pass


def test_dollar_amounts_in_the_story_are_no_tex():
    from analysis.extraction.events import extract_events
    from analysis.presentation.narrate import narrate

    source = parse_article("date 2025-07-10\n\nTitle\n\nIn 2024, two-way trade reached $149.7 billion and exports $119.5 billion.\n", "en.txt")
    story = narrate(extract_events([source]), extract_figures(source), "en")
    assert "\\$149.7 bn" in story and "$" not in story.replace("\\$", "")


SENTENCES = [s.text for s in load_corpus(ROOT / "tests" / "corpus", "*.txt")[0][0].sentences if any(c.isdigit() for c in s.text)]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SENTENCES), st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(
    ["\u200b", "\u00ad", "\u00a0", " ", "\u202f", ",", ".", "0", "7", "e", "E+", "\ufeff"])), max_size=4))
def test_fuzzed_real_sentences_give_only_numbers_their_text_states(sentence, insertions):
    """Invisible characters, separators and digits put into real sentences of the corpus: each
    figure's text is at its offsets, and its value is the one that text states (or it is
    skipped with a warning)."""
    text = sentence
    for at, piece in insertions:
        at %= len(text) + 1
        text = text[:at] + piece + text[at:]
    decoded, problems = decode(("date 2025-01-01\n\n" + text).encode("utf-8"), "fuzz.txt")
    article = parse_article(decoded, "fuzz.txt", problems=problems)
    for figure in extract_figures(article, problems):
        assert article.text[figure.start : figure.end] == figure.text
        if figure.unit in ("USD", "VND", "percent", "projects") and any(c.isdigit() for c in figure.text):
            stated = [a for _, a in find_amounts(figure.text, 0, len(figure.text), article.language) if hasattr(a, "value")]
            assert stated and abs(stated[0].value) == abs(figure.value) or figure.value_high is not None, (figure.text, figure.value)


def test_an_output_is_whole_or_absent(tmp_path):
    """Nothing read: no folder made for the output. Terminated while writing: no file, whole
    or partial, and no temporary one left behind."""
    import signal
    import time

    from benchmarks.corpus import write_corpus

    missing = vnus("figures", tmp_path / "missing.txt", "-o", tmp_path / "newdir" / "out.json")
    assert missing.returncode == 1 and not (tmp_path / "newdir").exists()
    folder = tmp_path / "many"
    write_corpus(folder, 400)
    out = tmp_path / "out"
    out.mkdir()
    process = subprocess.Popen([sys.executable, "-m", "analysis", "figures", str(folder), "-o", str(out / "figures.json")], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(1.0)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert b"Traceback" not in stderr
    assert sorted(p.name for p in out.iterdir()) in ([], ["figures.json"])  # (it may have finished first)
