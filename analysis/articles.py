"""Articles: read a news text exactly, mark its structure, split it into sentences.

Every later step stores character offsets into ``Article.text``, so the text kept here is
the text as loaded (UTF-8, NFC, ``\\n`` line ends) and is never edited afterwards.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from .casefree import lowered, lowered_slice
from .errors import ArticleError, Problem
from .spans import SpanIndex

#: Block kinds that repeat what the body says (or are not prose): no figures or events come
#: from them.
NON_PROSE = frozenset({"header", "section", "image", "caption", "byline", "signoff"})

_HEADER = re.compile(r"\A[ \t\ufeff]*date[ \t]+(\d{4})-(\d{2})-(\d{2})\b[ \t]*")
_IMAGE = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|bmp|svg|tiff?)$", re.IGNORECASE)
_CAPTION_CREDIT = re.compile(
    r"(?:\(?\b(?:Ảnh|Nguồn ảnh|Ảnh minh họa|Photo|Image|Photograph)\s*:\s*[^.:]{1,80}\)?\.?)\s*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:Theo|Nguồn|By|Source)\s*:?\s+\S.{0,100}$", re.IGNORECASE)
_VISIBLE = re.compile(r"\S")
_NOT_IN_WORD = "(\"“"  # (with spaces) what ends the word before a full stop
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
# (A pattern that opens with "x+" is written "xx*": the regex engine then skips ahead to
# where an x occurs, instead of trying the repeat at every position: twice as fast.)
# a full stop that a space, a letter or the end follows: never the one inside "1.409"
_SENTENCE_END = re.compile(r"[.!?…][.!?…]*[\"'”’)\]]*(?=\s|[^\W\d_]|$)")
_ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "no", "vs", "etc", "u.s", "e.g", "i.e", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "tp", "tp.hcm", "ths", "ts", "pgs", "gs", "gen", "col", "lt", "sen", "rep", "gov", "pres", "dept", "est", "fig", "approx"]
)
_VI_LETTER = re.compile("[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]")  # on lower-cased text
_NOT_LETTERS = re.compile(r"[\W\d_][\W\d_]*")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


class Block(NamedTuple):
    """One non-empty line of the article and what it is (title, caption, body …)."""

    kind: str
    start: int
    end: int


class Sentence(NamedTuple):
    """A sentence with its offsets, the block it sits in and its paragraph number."""

    start: int
    end: int
    text: str
    kind: str
    paragraph: int

    @property
    def is_prose(self) -> bool:
        return self.kind not in NON_PROSE


class Article:
    """An article as loaded: exact text, structure, language and publication date.

    Read-only: every record points into ``text`` by offsets. The steps that read an article
    keep what they found in ``cache`` (dates, figures, a sentence index), so that each is
    worked out once however many steps ask for it.
    """

    __slots__ = ("name", "text", "language", "published", "published_from", "blocks", "sentences", "path", "problems", "cache")

    def __init__(self, name: str, text: str, language: str, published: str | None, published_from: str,
                 blocks: tuple[Block, ...], sentences: tuple[Sentence, ...], path: str | None = None,
                 problems: tuple[Problem, ...] = ()):
        values = (name, text, language, published, published_from, tuple(blocks), tuple(sentences), path, tuple(problems), {})
        for slot, value in zip(self.__slots__, values, strict=True):
            object.__setattr__(self, slot, value)

    def __setattr__(self, name, value):
        raise AttributeError(f"an Article is read-only (its records point into its text): cannot set {name!r}")

    def __reduce__(self):  # pickled without its cache
        return Article, tuple(getattr(self, slot) for slot in self.__slots__[:-1])

    def __repr__(self) -> str:
        return (f"Article(name={self.name!r}, language={self.language!r}, published={self.published!r}, "
                f"{len(self.text)} characters, {len(self.sentences)} sentences)")

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding ``offset`` (binary search: articles can be long)."""
        index = self.cache.get("sentence_index")
        if index is None:
            index = self.cache["sentence_index"] = SpanIndex(self.sentences)
        sentence = index.at(offset)
        return sentence if sentence is not None and offset < sentence.end else None

    @property
    def outlet(self) -> str | None:
        """The outlet that published the article: from a byline "Theo Trần Thường/ Vietnamnet" or
        "Nguồn: VnExpress", or a wire dateline "HANOI, March 6 (Reuters) -". An author's "By …" is
        not an outlet."""
        for block in self.blocks:
            if block.kind == "byline":
                line = self.text[block.start : block.end]
                match = re.search(r"/\s*([^/]+?)\s*$", line) or re.match(r"(?:Nguồn|Source)\s*:?\s*(.+?)\s*$", line, re.IGNORECASE)
                if match:
                    return match.group(1)
        for block in [b for b in self.blocks if b.kind in ("lead", "body")][:2]:
            dateline = re.match(r"[A-ZĐ][^()\n]{0,40}\(([A-Z][A-Za-z]{1,20})\)\s*[-–—]", self.text[block.start : block.end])
            if dateline:
                return dateline.group(1)
        return None

    @property
    def source_label(self) -> str:
        """How charts and tables cite this article: outlet, date and file."""
        parts = [p for p in (self.outlet, self.published) if p]
        return ", ".join(parts + [self.name])

    @property
    def title(self) -> str | None:
        for block in self.blocks:
            if block.kind in ("title", "lead"):
                return self.text[block.start : block.end]
        return None


# --------------------------------------------------------------------------- reading bytes


def decode(data: bytes, name: str) -> tuple[str, list[Problem]]:
    """Bytes → text, or an :class:`ArticleError` that says why the file cannot be read."""
    problems: list[Problem] = []
    if not data or data.isspace():
        raise ArticleError(name, "the file is empty" if not data else "the file holds only whitespace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ArticleError(name, f"UTF-16 byte order mark, but the text is not valid UTF-16 ({exc.reason})") from None
        problems.append(Problem(name, "read as UTF-16 (it has a UTF-16 byte order mark)", "warning"))
    else:
        data = data.removeprefix(codecs.BOM_UTF8)
        if b"\x00" in data[:8192]:
            raise ArticleError(name, "binary data (NUL bytes), not a text article")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ArticleError(
                name,
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                "it may be Windows-1258 or Latin-1: re-save it as UTF-8",
            ) from None
    if not text or text.isspace():
        raise ArticleError(name, "the file holds only whitespace")
    sample = text[:8192]
    # (a text that prints but for its line ends has no control character: no scan needed)
    if not sample.replace("\n", "").isprintable() and len(_CONTROL.findall(sample)) > 8:
        raise ArticleError(name, "binary data (control characters), not a text article")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    nfc = unicodedata.normalize("NFC", text)
    if nfc != text:
        problems.append(Problem(name, "decomposed Unicode (NFD) normalised to NFC", "warning"))
    return nfc, problems


# --------------------------------------------------------------------------- structure


def detect_language(text: str, low: str | None = None) -> str:
    """``vi`` when Vietnamese letters are a visible share of the text, else ``en``.

    ``low``: the text lower-cased, when the caller has it (only its start is read).

    Vietnamese writes most syllables with a diacritic (a non-ASCII letter); English text has
    almost none beyond dashes, quotes and the odd Vietnamese name.
    """
    # Vietnamese prose has a diacritic on about a quarter of its letters: when a tenth of the
    # first 500 characters (letters or not) carry one, the text is Vietnamese, read no further
    if len(text) > 500 and len(_VI_LETTER.findall(low[:500] if low is not None else text[:500].lower())) > 50:
        return "vi"
    share = _vietnamese_share(text[:4000])
    return "vi" if share is None or share > 0.03 else "en"


def _vietnamese_share(sample: str) -> float | None:
    """Letters with a Vietnamese diacritic (or đ) per letter; None for a sample without letters."""
    # (letters counted by deleting what is not one: no string per letter, as findall would make)
    letters = len(_NOT_LETTERS.sub("", sample[:800])) * len(sample) / min(len(sample), 800) if sample else 0
    return len(_VI_LETTER.findall(sample.lower())) / letters if letters else None


def _lines(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped_start = start + (len(line) - len(line.lstrip()))
        stripped_end = start + len(line.rstrip())
        if stripped_end > stripped_start:
            yield stripped_start, stripped_end


def _is_short_label(line: str, words: int) -> bool:
    return len(line.split()) <= words and not re.search(r"[.!?:;,]$", line) and not any(ch.isdigit() for ch in line)


def split_blocks(text: str) -> tuple[list[Block], str | None]:
    """Mark each line as header, section, title, lead, byline, image, caption, body or signoff."""
    blocks: list[Block] = []
    published = None
    lines = list(_lines(text))
    prose_seen = 0
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        if index == 0:
            header = _HEADER.match(text)
            if header:
                published = "-".join(header.groups())
                blocks.append(Block("header", start, header.end(3)))
                start = header.end()
                line = text[start:end]
                if not line.strip():
                    continue
        previous = blocks[-1].kind if blocks else None
        if " " not in line and _IMAGE.match(line):  # (a file name holds no space)
            kind = "image"
        elif previous == "image" or (len(line) < 400 and _may_credit(text, start, end) and _CAPTION_CREDIT.search(line)):
            kind = "caption"
        elif len(line) < 120 and _BYLINE.match(line):
            kind = "byline"
        elif index == len(lines) - 1 and _is_short_label(line, 5) and prose_seen:
            kind = "signoff"
        elif prose_seen == 0 and not blocks_have(blocks, "section") and _is_short_label(line, 4) and index + 1 < len(lines):
            kind = "section"
        elif prose_seen == 0 and not re.search(r"[.!?…]$", line) and len(line) < 250:
            kind = "title"
            prose_seen += 1
        elif prose_seen <= 1 and not blocks_have(blocks, "lead"):
            kind = "lead"
            prose_seen += 1
        else:
            kind = "body"
            prose_seen += 1
        blocks.append(Block(kind, start, end))
    return blocks, published


def _may_credit(text: str, start: int, end: int) -> bool:
    """Whether the end of the line ``text[start:end]`` names a photo (a test before the credit
    pattern; the article lower-cased once serves the later steps too)."""
    tail = lowered_slice(text, max(start, end - 90), end)
    return "ảnh" in tail or "photo" in tail or "image" in tail


def blocks_have(blocks: list[Block], kind: str) -> bool:
    return any(block.kind == kind for block in blocks)


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation or an initial, not a sentence."""
    window = text[max(0, dot - 40) : dot]
    if not window or window[-1].isspace() or window[-1] in _NOT_IN_WORD:
        return False
    word = window.rsplit(None, 1)[-1]  # the word the full stop ends: after the last space, bracket or quote
    for mark in _NOT_IN_WORD:
        word = word.rpartition(mark)[2]
    bare = word.lower().rstrip(".")
    if bare in _ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():  # an initial: "D." in "D.C.", "J. Smith"
        return True
    if _INITIALS.fullmatch(word):  # "U.S", "D.C"
        return True
    return False


_BEFORE_NUMBERS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec no".split())


def _announces_number(text: str, dot: int) -> bool:
    match = re.search(r"(\w+)$", text[max(0, dot - 10) : dot])
    return bool(match) and match.group(1).lower() in _BEFORE_NUMBERS


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``.

    A full stop ends a sentence when an upper-case letter, a digit or a quote follows after
    space, or an upper-case letter follows at once after a lower-case word ("năm.Tổng").
    Decimal marks ("15,8", "1.409"), initials ("D.C.") and abbreviations ("TP.HCM", "Mr.")
    do not.
    """
    spans = []
    sentence_start = start
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.end()
        dot = match.start()
        if stop >= end:
            break
        # the next character that is not a space (never a copy of the rest of the paragraph)
        visible = _VISIBLE.search(text, stop, end)
        following = text[visible.start()] if visible else ""
        if text[stop].isspace():
            if not following or not (following.isupper() or following.isdigit() or following in "\"“'‘(["):
                continue
            if match.group().startswith(".") and _is_abbreviation(text, dot):
                # "Mr. Greer", "D.C. Ảnh", "Feb. 19" stay together; before a digit only an
                # abbreviation that announces a number does ("Feb. 19", "No. 5"), not "USD. 2026"
                if not following.isdigit() or _announces_number(text, dot):
                    continue
        else:
            if match.group()[0] != "." or not text[stop].isupper():
                continue
            before = re.search(r"(\w+)$", text[max(0, dot - 40) : dot])
            if not before or not before.group(1).islower() or len(before.group(1)) < 2:
                continue
        spans.append((sentence_start, stop))
        sentence_start = visible.start() if visible else end
    if sentence_start < end:
        spans.append((sentence_start, end))
    return spans


# --------------------------------------------------------------------------- loading


def parse_article(text: str, name: str = "<text>", path: str | None = None, problems: Iterable[Problem] = (),
                  published: str | None = None) -> Article:
    """Build an :class:`Article` from text already decoded (NFC, ``\\n`` line ends).

    ``published``: the publication date (``YYYY-MM-DD``) when it is known from elsewhere (a
    catalogue, a gold file); a ``date`` header in the text takes precedence.
    """
    from .dates import infer_publication_date

    problems = list(problems)
    given = published
    blocks, published = split_blocks(text)
    sentences = []
    for paragraph, block in enumerate(blocks):
        if block.kind == "header":
            continue
        for s_start, s_end in split_sentences(text, block.start, block.end):
            sentences.append(Sentence(s_start, s_end, text[s_start:s_end], block.kind, paragraph))
    language = detect_language(text, lowered(text))
    published_from = "header"
    if published is None and given is not None:
        published, published_from = given, "given"
    if published is None:
        published, published_from = infer_publication_date(text, sentences, language)
        if published is None:
            problems.append(Problem(name, "no publication date: no date header and no date in the text", "warning"))
        else:
            problems.append(Problem(name, f"no date header; publication date {published} {published_from}", "info"))
    return Article(name, text, language, published, published_from, tuple(blocks), tuple(sentences), path, tuple(problems))


#: A news article is a few kilobytes; a file far larger is an archive or a dump, to be split first.
MAX_ARTICLE_BYTES = 16 * 1024 * 1024


def load_article(path: str | os.PathLike) -> Article:
    """Read one article file; raise :class:`ArticleError` when it cannot be read as text."""
    path = os.fspath(path)
    name = os.path.basename(path)
    try:
        status = os.stat(path)  # one system call answers: folder, pipe or device, size
        if stat.S_ISDIR(status.st_mode):
            raise ArticleError(name, "is a folder, not a file")
        if not stat.S_ISREG(status.st_mode):
            raise ArticleError(name, "not a regular file (a pipe or a device)")
        size = status.st_size
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError(name, f"too large for one article ({size / 1e6:.1f} MB; the limit is "
                                     f"{MAX_ARTICLE_BYTES / 1e6:.1f} MB): split it into articles")
        with open(path, "rb") as stream:
            data = stream.read()
    except FileNotFoundError:
        raise ArticleError(name, "no such file") from None
    except IsADirectoryError:
        raise ArticleError(name, "is a folder, not a file") from None
    except PermissionError:
        raise ArticleError(name, "permission denied") from None
    except OSError as exc:
        raise ArticleError(name, f"cannot be read ({exc.strerror})") from None
    text, problems = decode(data, name)
    return parse_article(text, name, path, problems)


TEXT_SUFFIXES = (".txt", ".md", ".text")


def article_paths(sources: Iterable[str | os.PathLike] | str | os.PathLike, pattern: str = "*") -> Iterator[Path | Problem]:
    """The article files named by ``sources``: files as given, folders expanded (sorted).

    Files of a folder that are not text articles (images, PDFs …) come back as a note, so
    that a user sees what was left out; hidden files are passed over silently.
    """
    if isinstance(sources, (str, os.PathLike)):
        sources = [sources]
    for source in sources:
        source = Path(source)
        if source.is_dir():
            for name, is_dir in _listing(source, pattern):
                base = os.path.basename(name)
                if base.startswith(".") or is_dir:
                    continue
                suffix = os.path.splitext(base)[1]
                if suffix.lower() in TEXT_SUFFIXES:
                    yield Path(name)
                else:
                    yield Problem(base, f"skipped: not a text article ({suffix or 'no extension'})", "info")
        else:
            yield source


def _listing(folder: Path, pattern: str) -> list[tuple[str, bool]]:
    """(path, is a folder) of the folder's entries matching ``pattern``, sorted by path.

    Strings, not Paths, so that a folder of any size costs little to hold; for the usual
    "*" the folder is read once, its entries telling folders apart without a stat each."""
    if pattern == "*":
        with os.scandir(folder) as entries:
            return sorted((entry.path, entry.is_dir()) for entry in entries)
    return sorted((str(found), found.is_dir()) for found in folder.glob(pattern))


def text_fingerprint(text: str) -> int:
    """A cheap fingerprint of an article's text (its length and CRC-32 in one number): the same
    text always gives the same fingerprint; different texts almost never do, and
    :class:`SeenTexts` makes sure."""
    import zlib

    data = text.encode("utf-8")
    return len(data) << 32 | zlib.crc32(data)


class SeenTexts:
    """The articles read so far, to spot one saved twice (it would count every figure twice).

    Exact: a fingerprint narrows the candidates, and a candidate counts as the same article
    only when its text, read again, is equal (a rare fingerprint clash is never a duplicate).
    """

    def __init__(self):
        # fingerprint → the path read with it (a list on the rare clash): a few dozen bytes
        # per article, so that a folder of any size streams through
        self._paths: dict[int, str | list[str]] = {}

    def earlier(self, path: str, fingerprint: int, text) -> str | None:
        """The file name of an article read before with the same text, else None (and this one
        is remembered). ``text`` is the text, or a function that reads it (asked only on a clash)."""
        seen = self._paths.get(fingerprint)
        candidates = [] if seen is None else [seen] if isinstance(seen, str) else seen
        for earlier_path in candidates:
            if not isinstance(text, str):
                text = text()
            try:
                if load_article(earlier_path).text == text:
                    return Path(earlier_path).name
            except ArticleError:  # changed or removed since: not the same article
                continue
        self._paths[fingerprint] = path if seen is None else [*candidates, path]
        return None


def iter_corpus(sources, pattern: str = "*") -> Iterator[Article | ArticleError | Problem]:
    """Yield each article, the :class:`ArticleError` that stopped it, or a note about a file
    passed over, one file at a time (a folder is never held in memory whole).

    A file with the same text as one read before is reported and skipped: it would count
    every figure twice.
    """
    seen = SeenTexts()
    for path in article_paths(sources, pattern):
        if isinstance(path, Problem):
            yield path
            continue
        try:
            article = load_article(path)
        except ArticleError as error:
            yield error
            continue
        twin = seen.earlier(article.path, text_fingerprint(article.text), article.text)
        if twin is not None:
            yield Problem(article.name, f"same text as {twin}: skipped", "warning")
            continue
        yield article


def load_corpus(sources, pattern: str = "*") -> tuple[list[Article], list[Problem]]:
    """Load every readable article; return them and the problems met (one bad file never stops the rest)."""
    articles, problems = [], []
    for item in iter_corpus(sources, pattern):
        if isinstance(item, ArticleError):
            problems.append(item.problem)
        elif isinstance(item, Problem):
            problems.append(item)
        else:
            articles.append(item)
            problems.extend(item.problems)
    return articles, problems
