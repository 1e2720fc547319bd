"""Articles from files and folders, one at a time: the files a folder holds, the article of each
file or the reason it cannot be read, and the same text saved twice spotted and skipped."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import ArticleError
from ..model import Problem
from .article import Article, parse_article
from .decode import decode

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
            raise ArticleError(name, f"too large for one article ({size / 2**20:.1f} MB; the limit is "
                                     f"{MAX_ARTICLE_BYTES // 2**20} MB): split it into articles")
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
            try:
                listing = _listing(source, pattern)
            except OSError as exc:  # (a symlink loop, a folder that cannot be read)
                yield Problem(source.name or str(source), f"folder cannot be listed ({exc.strerror or exc})", "error")
                continue
            for name, is_dir in listing:
                base = os.path.basename(name)
                if base.startswith("."):
                    continue
                if is_dir:
                    if os.path.splitext(base)[1].lower() in TEXT_SUFFIXES:  # ("x.txt" that is a folder: say so)
                        yield Problem(base, "skipped: a folder, not a text article", "info")
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
            return sorted((entry.path, _is_dir(entry)) for entry in entries)
    return sorted((str(found), _safe_is_dir(found)) for found in folder.glob(pattern))


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # (a symlink loop: not a folder to go into; reading it says why)
        return False


def _safe_is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def text_fingerprint(text: str) -> int:
    """A cheap fingerprint of an article's text (its length and CRC-32 in one number): the same
    text always gives the same fingerprint; different texts almost never do, and
    :class:`SeenTexts` makes sure."""
    import zlib

    data = same_text(text).encode("utf-8")
    return len(data) << 32 | zlib.crc32(data)


def same_text(text: str) -> str:
    """The text as compared for duplicates: white space at line ends and at the end ignored (an
    editor that trims or adds it does not make another article)."""
    return "\n".join(line.rstrip() for line in text.rstrip().split("\n"))


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
                if same_text(load_article(earlier_path).text) == same_text(text):
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


def load_corpus(sources, pattern: str = "*", notes=None) -> tuple[list[Article], list[Problem]]:
    """Load every readable article; return them and the problems met (one bad file never stops the rest).

    ``notes``: a function giving more problems of an article (what a later step has to say of
    it, such as its inferred publication date), listed after the article's own.
    """
    articles, problems = [], []
    for item in iter_corpus(sources, pattern):
        if isinstance(item, ArticleError):
            problems.append(item.problem)
        elif isinstance(item, Problem):
            problems.append(item)
        else:
            articles.append(item)
            problems.extend(item.problems)
            if notes is not None:
                problems.extend(notes(item))
    return articles, problems
