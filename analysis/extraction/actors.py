"""People (a title and a name, as written) and places named in a stretch of text.

"Tổng thống Indonesia Prabowo Subianto" is one actor: the title phrase "Tổng thống Indonesia"
and the name "Prabowo Subianto". A bare title ("Tổng Bí thư") refers to the last person of
the article who holds it. The English forms come from the glossary, never from a service.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache
from typing import NamedTuple

from .. import lang
from ..lang.glossary import glossary, trie_pattern
from ..matching.casefree import by_first_letter

VIETNAMESE_SURNAMES = frozenset(lang.words("people.surnames"))
_CONNECTORS = frozenset(lang.words("people.connectors"))
# (a word of a name, or an initial before the rest of it: "George W. Bush")
_WORD = r"(?:[A-ZĐ]\.(?= [A-ZĐ][^\s.,;:()]+)|[^\s,.;:()\[\]\"“”!?]+(?:\.[A-Z][^\s,;:()]*)?)"
# lower-case letters a name word cannot start with (all of them lower case: tested)
LOWER_CASE_STARTS = "a-zàáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
# The words after a title, one space apart, as far as they may belong to its name or posting:
# a word that starts with a common lower-case letter ends the run, unless it is a connector.
# One match instead of a match per word; the words are then judged one by one.
_NAME_RUN = re.compile(
    rf"(?: (?:(?:{'|'.join(map(re.escape, lang.words('people.connectors')))})(?=[\s,.;:()\[\]\"“”!?]|$)(?!\.[A-Z])|(?![{LOWER_CASE_STARTS}]){_WORD}))*"
)


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern:
    titles = list(glossary()["titles"]) + glossary()["english_titles"]
    # the pattern starts with the titles' first letters, so the regex engine skips ahead fast;
    # "nguyên"/"cựu" (former) before a title is picked up by _with_former
    return re.compile(trie_pattern(titles) + r"(?!\w)")


@lru_cache(maxsize=1)
def _title_patterns_by_case() -> tuple[re.Pattern, re.Pattern, tuple[str, ...]]:
    """The titles that start with a capital, those that do not, and the latter as words.

    Capitals are rare in running text, so the engine skips ahead fast on the first pattern;
    the few lower-case titles ("thượng nghị sĩ") are looked for only where they occur."""
    titles = list(glossary()["titles"]) + glossary()["english_titles"]
    lower = tuple(t for t in titles if not t[0].isupper())
    return (re.compile(trie_pattern([t for t in titles if t[0].isupper()]) + r"(?!\w)"),
            re.compile(trie_pattern(lower) + r"(?!\w)"), lower)


def _title_scan(text: str, start: int, end: int):
    """The matches one pattern of all the titles would find, in order: the capitalised titles
    by the fast pattern, the lower-case ones tried only where their words occur."""
    capitalised, lower, lower_titles = _title_patterns_by_case()
    spots = sorted({at for title in lower_titles for at in _occurrences(text, title, start, end)})
    if not spots:
        yield from capitalised.finditer(text, start, end)
        return
    pos, next_spot = start, 0
    ahead = capitalised.search(text, pos, end)
    while True:
        while next_spot < len(spots) and spots[next_spot] < pos:
            next_spot += 1
        low = None
        while next_spot < len(spots) and low is None:
            low = lower.match(text, spots[next_spot], end)
            next_spot += low is None
        if ahead is not None and ahead.start() < pos:
            ahead = capitalised.search(text, pos, end)
        if ahead is None and low is None:
            return
        match = ahead if low is None or (ahead is not None and ahead.start() < low.start()) else low
        yield match
        pos = match.end()


def _occurrences(text: str, word: str, start: int, end: int):
    at = text.find(word, start, end)
    while at >= 0:
        yield at
        at = text.find(word, at + 1, end)


_FORMER_WORDS = "|".join(map(re.escape, lang.words("people.former")))
_FORMER = re.compile(rf"(?:{_FORMER_WORDS})\s+$", re.IGNORECASE)  # ("Cựu Bộ trưởng …" opening a sentence)
_FORMER_TITLE = re.compile(rf"^(?:{_FORMER_WORDS})\s+", re.IGNORECASE)


def _title_matches(text: str, start: int, end: int):
    """(start, end) of each title at a word boundary, widened to "nguyên"/"cựu" (former).

    The word "former" before a title is looked for afterwards.
    """
    for match in _title_scan(text, start, end):
        begin = match.start()
        if begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] == "_"):
            continue
        former = _FORMER.search(text, max(start, begin - 8), begin)
        yield (former.start() if former else begin), match.end()


@lru_cache(maxsize=1)
def _place_names() -> tuple[str, ...]:
    g = glossary()
    return tuple(sorted(list(g["countries"]) + list(g["places"]), key=len, reverse=True))


@lru_cache(maxsize=1)
def _is_place() -> frozenset[str]:
    return frozenset(_place_names())


def _longest_place_prefix(text: str) -> str | None:
    """The longest known place name that ``text`` starts with (a set lookup per length)."""
    names = _is_place()
    for length in range(min(len(text), len(_place_names()[0])), 0, -1):
        if text[:length] in names:
            return text[:length]
    return None


def place_at(text: str, at: int) -> str | None:
    """The known place named at ``at``, after its spaces ("thăm chính thức| Việt Nam từ …"
    → "Việt Nam"), ending where a word ends."""
    rest = text[at : at + 80].lstrip()
    place = _longest_place_prefix(rest)
    return place if place and not rest[len(place) : len(place) + 1].isalnum() else None


class Person(NamedTuple):
    """An actor: the title phrase and name as written, and where the mention is."""

    title: str
    name: str | None
    start: int
    end: int

    @property
    def label(self) -> str:
        return f"{self.title} {self.name}" if self.name else self.title


def _split_name(words: list[str]) -> int | None:
    """Index where the name starts in the trailing capitalised ``words``, or None (no name)."""
    return _name_start(tuple(words)) if words else None


@lru_cache(maxsize=4096)
def _name_start(texts: tuple[str, ...]) -> int | None:
    """(Cached: the same few names recur through an article and a corpus.)"""
    joined = " ".join(texts)
    if joined in _is_place():
        return None
    for index in range(max(0, len(texts) - 4), len(texts) - 1):
        if texts[index] in VIETNAMESE_SURNAMES and " ".join(texts[index:]) not in _is_place():
            return index
    if len(texts) >= 2:
        tail = " ".join(texts[-2:])
        if tail in _is_place():
            return None
        start = len(texts) - 2
        while start > 0 and texts[start].endswith("."):  # an initial belongs with the given name before it
            start -= 1
        return start
    return None


_POSSESSIVE = ("'s", "’s")


def find_people(text: str, start: int = 0, end: int | None = None) -> list[Person]:
    """People named with a title in ``text[start:end]``; bare titles have ``name`` None."""
    end = len(text) if end is None else end
    people = []
    for title_start, title_end in _title_matches(text, start, end):
        if people and title_start < people[-1].end:
            continue
        # the capitalised words after the title, one space apart, from ``first`` on
        words: list[str] = []
        first = word_end = title_end + 1
        for token in _NAME_RUN.match(text, title_end).group().split(" ")[1:]:
            if word_end + len(token) > end:
                break
            if token[0].isupper() and token.endswith(_POSSESSIVE):  # "President Joe Biden's visit": the name ends there
                words.append(token[:-2])
                break
            if token[0].isupper():
                words.append(token)
            elif token in _CONNECTORS and _split_name(words) is None:
                words, first = [], word_end + len(token) + 1  # "Đại sứ Việt Nam tại Mỹ …": the posting is part of the title
            else:
                break
            word_end += len(token) + 1
        name_index = _split_name(words)
        run_end = first + len(" ".join(words))
        if name_index is None:
            title_end = run_end if words and " ".join(words) in _is_place() else title_end
            people.append(Person(text[title_start : title_end], None, title_start, title_end))
            continue
        name_start = first + len(" ".join(words[:name_index])) + (1 if name_index else 0)
        people.append(Person(text[title_start : name_start].rstrip(), text[name_start : run_end], title_start, run_end))
    return people


@lru_cache(maxsize=1024)
def base_title(title: str) -> str:
    """The title word itself, without "nguyên" or the country: "Tổng thống Mỹ" → "Tổng thống".

    (Cached: an article names few titles, many times.)"""
    title = _FORMER_TITLE.sub("", title)
    match = _title_pattern().match(title)
    return match.group(0) if match else title


def named_by_title(everyone) -> dict[str, list[Person]]:
    """Named people by the title they hold; ``everyone`` may already be such an index."""
    if isinstance(everyone, dict):
        return everyone
    index: dict[str, list[Person]] = {}
    for person in everyone:
        if person.name:
            index.setdefault(base_title(person.title), []).append(person)
    return index


_CATAPHORA_CHARS = 200


def resolve(people: list[Person], everyone) -> list[str]:
    """Labels of ``people``, bare titles replaced by the nearest named holder of that title."""
    labels = []
    index = named_by_title(everyone)
    for person in people:
        if person.name is None:
            holders = index.get(base_title(person.title), [])  # (in text order)
            at = bisect_left(holders, person.start, key=lambda p: p.start)
            # the holder named last before, or one named just after ("Tổng Bí thư … Tổng Bí
            # thư Tô Lâm"), not a holder far on
            after = holders[at] if at < len(holders) and 0 < holders[at].start - person.start <= _CATAPHORA_CHARS else None
            holder = holders[at - 1] if at else after
            if holder is None:
                continue
            label = holder.label
        else:
            label = person.label
        if label not in labels:
            labels.append(label)
    return labels


def vietnamese_first(labels: list[str]) -> list[str]:
    """Order actors with Vietnam's side first (Vietnamese names), keeping the text order otherwise."""
    return sorted(labels, key=_is_foreign)


def _is_foreign(label: str) -> bool:
    """Whether the label names no Vietnamese: a Vietnamese name ends it and starts with a
    Vietnamese surname."""
    return not any(word in VIETNAMESE_SURNAMES for word in label.split()[-4:-1])


_NOT_PLACES = frozenset(lang.words("places.not_places"))
# A place follows a word such as "tại", "thăm", "in" (the look-behind after the first letter,
# so that the engine skips ahead on first letters), or stands in brackets. The two forms are
# scanned apart: one pattern of both would be tried at every position. They never overlap (a
# place holds no bracket; a bracketed place holds only capitalised words), so the matches of
# both, in order, are those of their alternation.
_PLACE_AFTER_WORD = re.compile(
    "(?:" + by_first_letter("|".join(rf"\b{re.escape(w)}" for w in sorted(lang.words("places.leads"), key=lambda w: (-len(w), w))))
    + rf")\s+(?P<place>(?:{'|'.join(map(re.escape, sorted(lang.words('places.airports'), key=lambda w: (-len(w), w))))}) [A-Z]\w+|[A-ZĐ][^\s,.;:()]*(?:\s+[A-ZĐ][^\s,.;:()]*){{0,3}})"
)
_PLACE_IN_BRACKETS = re.compile(r"\((?P<paren>[A-ZĐ][^\s,.;:()]*(?:\s+[A-ZĐ][^\s,.;:()]*){0,2})\)")


def find_places(text: str, start: int, end: int, people: list[Person] = (), language: str | None = None) -> list[str]:
    """Places named after "tại", "đến", "thăm", "in", "at" …, and country names in brackets.

    A place never runs into a person's name: "tại Mỹ Nguyễn Quốc Dũng" gives "Mỹ". In a
    language whose names may run on in lower case (``places.name_followers``), an unknown name
    followed by another word than those is left out: its end is not known ("tại Trụ sở Chính
    phủ" is no place "Trụ").
    """
    places: list[str] = []
    titles = _title_pattern()
    found = sorted([*_PLACE_AFTER_WORD.finditer(text, start, end), *_PLACE_IN_BRACKETS.finditer(text, start, end)], key=lambda m: m.start())
    for match in found:
        group = "place" if match.re is _PLACE_AFTER_WORD else "paren"
        place = match.group(group).strip()
        names = [p for p in people if p.name and match.start(group) < p.end and p.start < match.end(group)]
        if names:
            name_start = min(p.end - len(p.name) for p in names)
            place = text[match.start(group) : name_start].strip()
        if not place or titles.match(place) or place.split()[0] in _NOT_PLACES:
            continue
        known = _longest_place_prefix(place)
        if group == "paren" and not known:
            continue
        if known and len(known) < len(place) and place[len(known) :].strip()[:1].isupper() and known in glossary()["countries"]:
            place = known  # "Mỹ Nguyễn Quốc Dũng": the place ends where a name begins
        if known != place and language is not None and _runs_on(text, match.start(group) + len(place), language):
            continue
        if place not in places:
            places.append(place)
    return places


_NEXT_WORD = re.compile(r"[ \t]+(\w+)")


def _runs_on(text: str, at: int, language: str) -> bool:
    """Whether the name that ends at ``at`` runs on in lower case, with a word that no place's
    name is followed by in ``language``."""
    followers = _name_followers(language)
    following = _NEXT_WORD.match(text, at)
    return bool(followers) and following is not None and following.group(1)[0].islower() and following.group(1) not in followers


@cache
def _name_followers(language: str) -> frozenset[str]:
    return frozenset(lang.value("places.name_followers", language)) if language in lang.languages() else frozenset()


# --------------------------------------------------------------------------- English forms


def _longest(table: dict, text: str) -> tuple[str, str] | None:
    for key in sorted(table, key=len, reverse=True):
        if text.startswith(key):
            return key, table[key]
    return None


def translate_place(place: str) -> str:
    g = glossary()
    if place in g["places"]:
        return g["places"][place]
    if place in g["countries"]:
        return g["countries"][place][0]  # (its English name)
    return place


def translate_actor(label: str) -> str:
    """"Tổng thống Indonesia Prabowo Subianto" → "President Prabowo Subianto of Indonesia"."""
    g = glossary()
    person = find_people(label)
    if not person or person[0].start != 0:
        return label
    title, name = person[0].title, person[0].name or ""
    former = ""
    bare = _FORMER_TITLE.match(title)
    if bare:
        former, title = "former ", title[bare.end() :]
    found = _longest(g["titles"], title)
    if not found:
        return label
    key, english = found
    rest = title[len(key) :].strip()
    country_adj, suffix = "", ""
    posting = re.match(r"(?P<of>.*?)\s*tại\s+(?P<at>.+)$", rest)
    if posting:
        origin, at = posting.group("of").strip(), posting.group("at").strip()
        if origin in g["countries"]:
            country_adj = g["countries"][origin][1] + " "  # (its adjective)
        at_english = g["bodies"].get(at) or translate_place(at)
        if at in g["bodies"] and not at_english.startswith("the "):
            at_english = "the " + at_english
        posting = f" in {at_english}" if english.startswith("Consul") else f" to {at_english}"
        return f"{former}{country_adj}{english}{posting} {name}".strip()
    elif rest in g["countries"]:
        country, adjective, _ = g["countries"][rest]
        if rest in ("Mỹ", "Hoa Kỳ", "Việt Nam"):
            country_adj = adjective + " "
        else:
            suffix = f" of {country}"
        rest = ""
    elif rest:
        body = _longest(g["bodies"], rest)
        if body:
            suffix = f" of the {body[1]}"
            rest = ""
    words = f"{former}{country_adj}{english}{suffix}" if not name else f"{former}{country_adj}{english} {name}{suffix}"
    return words if not rest else f"{words} ({rest})"


def translate_text(text: str) -> str:
    """Replace glossary bodies, terms and places inside a phrase by their English names."""
    g = glossary()
    for table in (g["bodies"], g["terms"], g["places"]):
        for key in sorted(table, key=len, reverse=True):
            if key in text:
                text = text.replace(key, table[key])
    return text
