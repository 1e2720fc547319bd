"""Bytes → text: UTF-8 (a BOM stripped), UTF-16 with a byte order mark, NFC, ``\\n`` line ends;
or an :class:`ArticleError` that says why the file cannot be read."""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import ArticleError
from ..model import Problem

_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# characters that show nothing and would split a number or a word unseen ("1\u200b3,9 tỷ",
# "13,\u00ad9"): zero-width spaces and joiners, the word joiner, the soft hyphen, a BOM inside
INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")


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
        if b"\x00" in data:
            if _looks_utf16(data):
                raise ArticleError(name, "looks like UTF-16 without a byte order mark: re-save it as UTF-8 (or UTF-16 with a BOM)")
            raise ArticleError(name, f"binary data (a NUL byte at offset {data.index(0)}), not a text article")
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
    invisible = INVISIBLE.search(text)
    if invisible:  # (removed before offsets are taken: the text as loaded holds none)
        count = len(INVISIBLE.findall(text))
        text = INVISIBLE.sub("", text)
        problems.append(Problem(name, f"{count} invisible character(s) removed (the first, U+{ord(invisible.group()):04X}, "
                                      f"at offset {invisible.start()})", "warning"))
    nfc = unicodedata.normalize("NFC", text)
    if nfc != text:
        problems.append(Problem(name, "decomposed Unicode (NFD) normalised to NFC", "warning"))
    return nfc, problems


def _looks_utf16(data: bytes) -> bool:
    """Text in UTF-16 without a byte order mark: NULs on one side of its byte pairs (the high
    byte of the Latin letters, spaces and digits), none on the other."""
    head = data[: len(data[:400]) // 2 * 2]
    odd, even = head[1::2].count(0), head[0::2].count(0)
    half = len(head) // 2
    return half >= 4 and (odd >= 0.4 * half and even <= 0.02 * half or even >= 0.4 * half and odd <= 0.02 * half)
