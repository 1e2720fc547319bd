"""A corpus of bad input, made here from the seeds: every file gets one line naming it and the
reason, the rest is processed, no traceback, no partial output, the documented exit status."""

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from analysis.extraction.figures import extract_figures
from analysis.reading.corpus import MAX_ARTICLE_BYTES, load_article, load_corpus

from .conftest import ROOT, SEED_000, SEED_003

SEED = SEED_000.read_text(encoding="utf-8")


def variant(title: str) -> str:
    """The seed under another title, so that no two test articles share a text."""
    return SEED.replace("Chính trị\n", f"Chính trị\n\n{title}\n", 1)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    (folder / "a_good.txt").write_text(SEED_003.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_blank.txt").write_bytes(b" \n\t \r\n")
    (folder / "d_binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "e_cp1258.txt").write_bytes("Đô la: ơ ư ă â 13,9".encode("cp1258"))
    (folder / "f_latin1.txt").write_bytes("Café à Hà Noi, 5 %".encode("latin-1"))
    (folder / "g_utf16.txt").write_bytes(variant("UTF-16").encode("utf-16"))
    (folder / "h_nfd.txt").write_text(unicodedata.normalize("NFD", variant("NFD")), encoding="utf-8")
    (folder / "i_crlf.txt").write_bytes(variant("CRLF").replace("\n", "\r\n").encode())
    (folder / "j_cr.txt").write_bytes(variant("CR").replace("\n", "\r").encode())
    (folder / "k_nospace.txt").write_text(variant("Không dấu cách").replace(". ", "."), encoding="utf-8")
    with open(folder / "l_huge.txt", "wb") as stream:  # 50 MB: an archive, not an article
        block = (SEED + "\n\n").encode()
        while stream.tell() < 50 * 1024 * 1024:
            stream.write(block)
    (folder / "m_longline.txt").write_text(" ".join([SEED.replace("\n", " ")] * (1_000_000 // len(SEED) + 1)), encoding="utf-8")
    (folder / "n_onlyfigures.txt").write_text("15,8 tỷ USD 13,9 tỷ USD 28,6% 1.409 dự án\n", encoding="utf-8")
    (folder / "o_html.txt").write_text("<p>Xuất khẩu đạt <b>13,9 tỷ USD</b> trong tháng 1/2026.</p><script>alert(1)</script>\n", encoding="utf-8")
    (folder / "p_duplicate.txt").write_text(SEED_003.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "q_malformed.txt").write_text("date 2026-02-20\n\nGiá trị 1.2.3,4 tỷ USD. Xuất khẩu đạt 5 tỷ USD.\n", encoding="utf-8")
    (folder / "r_nodate.txt").write_text("Tiêu đề\n\nXuất khẩu đạt 5 tỷ USD.\n", encoding="utf-8")
    os.mkfifo(folder / "s_pipe.txt")  # reading it would block: it must be refused, not read
    (folder / "t_image.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (folder / "u_report.pdf").write_bytes(b"%PDF-1.4")
    return folder


EXPECTED = {  # file → the reason its one line must give
    "b_empty.txt": "error: b_empty.txt: the file is empty",
    "c_blank.txt": "error: c_blank.txt: the file holds only whitespace",
    "d_binary.txt": "error: d_binary.txt: binary data",
    "e_cp1258.txt": "error: e_cp1258.txt: not valid UTF-8",
    "f_latin1.txt": "error: f_latin1.txt: not valid UTF-8",
    "g_utf16.txt": "warning: g_utf16.txt: read as UTF-16",
    "h_nfd.txt": "warning: h_nfd.txt: decomposed Unicode (NFD) normalised to NFC",
    "l_huge.txt": "error: l_huge.txt: too large for one article",
    "p_duplicate.txt": "warning: p_duplicate.txt: same text as a_good.txt: skipped",
    "q_malformed.txt": "warning: q_malformed.txt: malformed number '1.2.3,4'",
    "r_nodate.txt": "warning: r_nodate.txt: no publication date",
    "s_pipe.txt": "error: s_pipe.txt: not a regular file",
    "t_image.jpg": "info: t_image.jpg: skipped: not a text article (.jpg)",
    "u_report.pdf": "info: u_report.pdf: skipped: not a text article (.pdf)",
    "missing.txt": "error: missing.txt: no such file",
}
READ = ["g_utf16.txt", "h_nfd.txt", "i_crlf.txt", "j_cr.txt", "k_nospace.txt", "m_longline.txt", "n_onlyfigures.txt", "o_html.txt", "q_malformed.txt", "r_nodate.txt"]


def vnus(*args, timeout=600):
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=timeout)


def check_messages(stderr: str) -> None:
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    for name, message in EXPECTED.items():
        assert any(line.startswith(message) for line in lines), f"{name}: {message!r} not in stderr"
    assert all(line.split(":")[0] in ("error", "warning", "info") for line in lines), lines


def test_figures_on_the_bad_corpus(corpus):
    result = vnus("figures", corpus, corpus / "missing.txt", "--format", "json")
    assert result.returncode == 0
    check_messages(result.stderr)
    records = json.loads(result.stdout)
    articles = {r["article"] for r in records}
    assert articles >= {"g_utf16.txt", "h_nfd.txt", "i_crlf.txt", "j_cr.txt", "k_nospace.txt", "m_longline.txt", "n_onlyfigures.txt", "o_html.txt", "q_malformed.txt", "r_nodate.txt"}
    assert not articles & {"b_empty.txt", "l_huge.txt", "p_duplicate.txt", "s_pipe.txt"}
    by_article = {}
    for record in records:
        by_article.setdefault(record["article"], []).append(record)
    reference = [(r["metric"], r["value"], r["period"], r["direction"]) for r in by_article["h_nfd.txt"]]
    for name in ("g_utf16.txt", "i_crlf.txt", "j_cr.txt"):
        assert [(r["metric"], r["value"], r["period"], r["direction"]) for r in by_article[name]] == reference, name
    assert [r["value"] for r in by_article["q_malformed.txt"]] == [5000000000]
    assert [r["text"] for r in by_article["o_html.txt"]] == ["13,9 tỷ USD"]
    assert ("trade_total", 15800000000) in {(r["metric"], r["value"]) for r in by_article["k_nospace.txt"]}


def test_timeline_on_the_bad_corpus(corpus):
    result = vnus("timeline", corpus, corpus / "missing.txt", "--format", "json")
    assert result.returncode == 0
    check_messages(result.stderr)
    events = json.loads(result.stdout)
    assert any(e["kind"] == "relations" and e["date"] == "1995-07" for e in events)


def test_report_on_the_bad_corpus(corpus, tmp_path):
    result = vnus("report", "--seeds", corpus, "--out", tmp_path / "reports", "--figures", tmp_path / "figures")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "error: b_empty.txt: the file is empty" in result.stderr
    assert (tmp_path / "reports" / "index.html").exists()
    assert "<script>alert(1)" not in (tmp_path / "reports" / "01_figures.html").read_text(encoding="utf-8")


def test_nothing_readable_exits_1_and_leaves_no_output(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    target = tmp_path / "out" / "figures.json"
    result = vnus("figures", tmp_path / "in", "--format", "json", "-o", target)
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["error: empty.txt: the file is empty", "error: no article could be read"]
    assert not target.exists() and not list(target.parent.glob("*"))


def test_folder_of_non_text_files(tmp_path):
    (tmp_path / "a.jpg").write_bytes(b"\xff\xd8")
    result = vnus("figures", tmp_path)
    assert result.returncode == 1
    assert "info: a.jpg: skipped: not a text article (.jpg)" in result.stderr


def test_unreadable_file_is_named(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(SEED, encoding="utf-8")
    if os.geteuid() != 0:
        path.chmod(0)
    else:  # root reads everything: make the opening fail the way a permission error does
        import builtins

        import analysis.reading.corpus

        def refuse(file, *args, **kwargs):
            if str(file).endswith("locked.txt"):
                raise PermissionError(13, "Permission denied", str(file))
            return builtins.open(file, *args, **kwargs)

        monkeypatch.setattr(analysis.reading.corpus, "open", refuse, raising=False)
    articles, problems = load_corpus(tmp_path)
    assert articles == [] and [str(p) for p in problems] == ["error: locked.txt: permission denied"]


def test_nfd_equals_nfc(tmp_path):
    nfd = tmp_path / "nfd.txt"
    nfd.write_text(unicodedata.normalize("NFD", SEED), encoding="utf-8")
    got = [(f.metric, f.value, f.text, f.start) for f in extract_figures(load_article(nfd))]
    assert got == [(f.metric, f.value, f.text, f.start) for f in extract_figures(load_article(SEED_000))]


def test_size_limit_is_documented():
    assert MAX_ARTICLE_BYTES == 16 * 1024 * 1024
    assert "16 MB" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_duplicates_are_skipped_with_jobs(tmp_path):
    """Worker processes hand back fingerprints; the duplicate is still found, and only it."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(SEED_003.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "c.txt").write_text(SEED_000.read_text(encoding="utf-8"), encoding="utf-8")
    result = vnus("figures", folder, "--format", "json", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert "warning: b.txt: same text as a.txt: skipped" in result.stderr.splitlines()
    assert {r["article"] for r in json.loads(result.stdout)} == {"c.txt"}
