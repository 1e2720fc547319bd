"""The structure of an article: what each line is (header, title, lead, body, caption, byline …)
and which language the text is written in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from .. import lang
from ..matching.casefree import fewest, lowered_slice, scanning

#: Block kinds that repeat what the body says (or are not prose): no figures or events come
#: from them.
NON_PROSE = frozenset({"header", "section", "image", "caption", "byline", "signoff"})

# "date 2026-02-20", or as much of it as is known: "date 2019-02", "date 2019"
_HEADER = re.compile(r"\A[ \t\ufeff]*[Dd]ate(?:[ \t]*:[ \t]*|[ \t]+)(?P<date>\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?)(?![\d-])[ \t]*")
_IMAGE = re.compile(r"^\S+\.(?:jpe?g|png|gif|webp|bmp|svg|tiff?)$", re.IGNORECASE)
_CAPTION_CREDIT = re.compile(
    rf"(?:\(?\b(?:{lang.alternation(lang.words('reading.photo_credits'))})\s*:\s*[^.:]{{1,80}}\)?\.?)\s*$",
    re.IGNORECASE,
)
# the words a photo credit cannot do without, lower case (a test before the pattern)
_CREDIT_WORDS = fewest(w.lower() for w in lang.words("reading.photo_credits"))
# a byline names its source in a few words, without figures ("Theo TTXVN", "By John Smith"); a
# sentence that opens with the same word tells something ("Theo Cục Thống kê Hoa Kỳ, thâm hụt …
# là 123,5 tỷ USD", "By 2030, exports will …")
_BYLINE_WORDS = 10
_BYLINE = re.compile(rf"^(?:{lang.alternation(lang.words('reading.byline_leads'))})\s*:?\s+\S.{{0,100}}$", re.IGNORECASE)
SOURCE_LEAD = re.compile(rf"(?:{lang.alternation(lang.words('reading.source_leads'))})\s*:?\s*(.+?)\s*$", re.IGNORECASE)
_VI_LETTER = re.compile(f"[{lang.value('language.letters', 'vi')}]")  # on lower-cased text
_NOT_LETTERS = scanning(r"[\W\d_]+")


class Block(NamedTuple):
    """One non-empty line of the article and what it is (title, caption, body …)."""

    kind: str
    start: int
    end: int



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
                published = header.group("date")
                blocks.append(Block("header", start, header.end("date")))
                start = header.end()
                line = text[start:end]
                if not line.strip():
                    continue
        previous = blocks[-1].kind if blocks else None
        if " " not in line and _IMAGE.match(line):  # (a file name holds no space)
            kind = "image"
        elif previous == "image" or (len(line) < 400 and _may_credit(text, start, end) and _CAPTION_CREDIT.search(line)):
            kind = "caption"
        elif len(line) < 120 and len(line.split()) <= _BYLINE_WORDS and not any(c.isdigit() for c in line) and _BYLINE.match(line):
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


# a line that ends a sentence or a paragraph, and one that starts an item of a list
_LINE_CLOSED = re.compile(r"[.!?…:;\"”’)\]|]\s*$")
_LIST_ITEM = re.compile(r"[-•*–—]|\d+[.)]\s")
_PROSE = frozenset({"lead", "body"})
#: An article is hard-wrapped (copied from a page that breaks lines mid-sentence) when at least
#: this many of its lines, and half of those followed by another line, end open.
_WRAPPED_LINES = 4


def unwrap(text: str, blocks: list[Block]) -> tuple[str, list[Block]]:
    """Join the lines of a hard-wrapped article back into its paragraphs: a line of prose that
    ends open ("… dỡ bỏ lệnh") continues on the next line unless that one starts an item of a
    list. The line breaks joined become spaces, so every offset stays that of the file."""
    pairs = [(a, b) for a, b in zip(blocks, blocks[1:], strict=False)
             if a.kind in _PROSE and b.kind in _PROSE and "\n\n" not in text[a.end : b.start] and not _LIST_ITEM.match(text, b.start)]
    open_ = [(a, b) for a, b in pairs if not _LINE_CLOSED.search(text, a.start, a.end)]
    if len(open_) < _WRAPPED_LINES or 2 * len(open_) < len(pairs):
        return text, blocks
    joins = {id(b) for _, b in open_}
    merged: list[Block] = []
    chars = list(text) if open_ else None
    for block in blocks:
        if id(block) in joins and merged:
            previous = merged.pop()
            for at in range(previous.end, block.start):
                chars[at] = " " if chars[at] == "\n" else chars[at]
            block = Block(previous.kind, previous.start, block.end)
        merged.append(block)
    return "".join(chars), merged


def _may_credit(text: str, start: int, end: int) -> bool:
    """Whether the end of the line ``text[start:end]`` names a photo (a test before the credit
    pattern; the article lower-cased once serves the later steps too)."""
    tail = lowered_slice(text, max(start, end - 90), end)
    return any(word in tail for word in _CREDIT_WORDS)


def blocks_have(blocks: list[Block], kind: str) -> bool:
    return any(block.kind == kind for block in blocks)
