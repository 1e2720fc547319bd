"""Dated events of the relationship: what happened or is planned, when, who, where, and who says so.

An event is anchored on a date expression and read from the clause around it: the words
that say what happened (a visit, a call, a partnership upgrade …), the people with their
titles, and the places. An event sentence without a date of its own takes the date of the
sentence before it in the same paragraph, marked inferred. Events that several articles
report are merged into one, keeping every source.
"""

from __future__ import annotations

import re

from .. import lang
from ..matching.casefree import CaseFree, lowered_slice
from ..matching.spans import SpanIndex
from ..model import TRADE_METRICS, DateRecord, Event
from ..reading.article import Article
from .actors import find_people, find_places, named_by_title, resolve, vietnamese_first
from .dates import article_dates, date_key, publication
from .figures import extract_figures
from .periods import COMPARISON


def _phrases(key: str) -> str:
    return "|".join(lang.words(key))


# Written in lower case and matched on lower-cased text (see casefree).
TRIGGERS = [(kind, "|".join(phrases)) for kind, phrases in lang.mapping("events.triggers").items()]
_TRIGGER_KINDS = [(kind, CaseFree(pattern)) for kind, pattern in TRIGGERS]
_ANY_TRIGGER = CaseFree("|".join(pattern for _, pattern in TRIGGERS))
_AFTER_GATHERING = _phrases("events.after_gathering")
ATTEND = re.compile(
    rf"(?:{_phrases('events.attend')})\s+(?P<what>(?-i:{_phrases('events.gatherings')})?\s*"
    + "".join(f"(?:{phrase})?" for phrase in lang.words("events.opening")) + ")"
    rf"(?P<body>(?-i:[A-ZĐ])[^,.;()]*?)(?=\s+(?:{_AFTER_GATHERING})\b|[,.;()]|$)", re.IGNORECASE)
_OPENING = re.compile(lang.alternation(lang.words("events.opening_words")), re.IGNORECASE)
_KIND_ORDER = ("relations", "call", "arrival", "visit", "attend", "meeting", "investment")
_KIND_OF: dict[str, str] = {}
FUTURE = CaseFree(_phrases("events.future"))
WISH = re.compile(_phrases("events.wish"), re.IGNORECASE)
ORGANISATIONS = re.compile(rf"\((?:{_phrases('events.such_as')})?\s*(?P<list>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*)*(?:,\s*[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*)*)*)\)")
_US_FIRMS = re.compile(_phrases("events.us_firms"))
_VN_FIRMS = re.compile(_phrases("events.vn_firms"))
INHERITING = frozenset({"attend", "meeting", "call", "arrival", "visit"})


_WORDS = re.compile(r"\w+")


def _clauses(text: str, start: int, end: int, dates: list[DateRecord]):
    """Split a sentence at its date mentions: each date owns the words before it, or after it
    when it opens its clause ("Tháng 7/2013, …")."""
    inside = [d for d in dates if start <= d.start < end]
    bounds = []
    for index, mention in enumerate(inside):
        lower = inside[index - 1].end if index else start
        upper = inside[index + 1].start if index + 1 < len(inside) else end
        before = text[lower : mention.start]
        words = len(_WORDS.findall(before))
        opens = words <= 2 or before.rstrip().endswith("(") and words <= 3
        bounds.append((mention, (mention.start if opens else lower), (upper if opens or index + 1 == len(inside) else mention.end)))
    return bounds


def _kinds(clause: str, low: str) -> list[tuple[str, re.Match]]:
    """The first match of each kind of trigger in the clause (one pass, then "attend").

    ``low`` is the clause lower-cased (see :func:`casefree.lowered_slice`). Matches are on it (offsets are
    the clause's when its length is kept).
    """
    first: dict[str, re.Match] = {}
    # (the rare text whose length changes when lower-cased is matched as written, ignoring case)
    which, text = ("lower", low) if len(low) == len(clause) else ("any_case", clause)
    for match in getattr(_ANY_TRIGGER, which).finditer(text):
        # the kinds' words are distinct, so the words matched tell the kind (found once)
        kind = _KIND_OF.get(match.group())
        if kind is None:
            kind = next(kind for kind, pattern in _TRIGGER_KINDS if getattr(pattern, which).match(text, match.start()))
            _KIND_OF[match.group()] = kind
        first.setdefault(kind, match)
    if "dự" in low or "attend" in low:
        attend = ATTEND.search(clause)
        if attend:
            first["attend"] = attend
    return [(kind, first[kind]) for kind in _KIND_ORDER if kind in first]


def _event_kinds(found: list[tuple[str, re.Match]], has_trade: bool) -> list[str]:
    """What the clause reports: a milestone of relations and/or one act (call, arrival, visit,
    meeting); else trade figures or investment."""
    kinds = [k for k, _ in found]
    result = ["relations"] if "relations" in kinds else []
    act = next((k for k in ("call", "arrival", "visit", "meeting") if k in kinds), None)
    if act:
        result.append(act)
    if not result and has_trade:
        result.append("trade")
    if not result and "investment" in kinds:
        result.append("investment")
    return result


def _status(mention_date: str, published: str | None, future: bool, anchored: bool) -> str:
    if published and date_key(mention_date) > date_key(published[: len(mention_date.split("/")[0])]):
        return "planned"
    if future and not anchored:
        return "planned"
    return "happened"


class _ArticleEvents:
    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        self.dates = SpanIndex(article_dates(article))
        self.people_index = SpanIndex(find_people(article.text))
        self.people = named_by_title(self.people_index.items)
        self.figures = SpanIndex(extract_figures(article))

    def events(self) -> list[Event]:
        events: list[Event] = []
        last_dated: dict[int, DateRecord] = {}
        for sentence in self.article.sentences:
            if not sentence.is_prose or sentence.kind == "title":
                continue
            own = self.dates.within(sentence.start, sentence.end)
            if own:  # a date in a comparison ("so với năm 2023", "compared with 2023") dates nothing
                bases = [(m.start(), m.end()) for m in COMPARISON.finditer(self.text, sentence.start, sentence.end)]
                own = [d for d in own if not any(a <= d.start < b for a, b in bases)]
            if own:
                for mention, start, end in _clauses(self.text, sentence.start, sentence.end, own):
                    events.extend(self._read(sentence, mention, start, end, anchored=True))
                last_dated[sentence.paragraph] = own[-1]
            elif sentence.paragraph in last_dated:
                # an undated sentence continues the dated one before it only when it tells of a
                # new act (attending, meeting, calling …), not when it describes or comments
                found = {k for k, _ in _kinds(sentence.text, lowered_slice(self.text, sentence.start, sentence.end))}
                if found & INHERITING:
                    events.extend(self._read(sentence, last_dated[sentence.paragraph], sentence.start, sentence.end, anchored=False))
        return events

    def _read(self, sentence, mention: DateRecord, start: int, end: int, anchored: bool) -> list[Event]:
        clause, low = self.text[start:end], lowered_slice(self.text, start, end)
        found = _kinds(clause, low)
        here = self.figures.within(start, end)
        trade = [f for f in here if f.metric in TRADE_METRICS]
        people_here = self.people_index.within(start, end)
        actors = vietnamese_first(resolve(people_here, self.people))
        places = find_places(self.text, start, end, people_here)
        future = FUTURE.lower.search(low) is not None
        results = []
        attend = next((m for k, m in found if k == "attend"), None)
        others = [(k, m) for k, m in found if k != "attend" and not (attend and k == "meeting" and m.start() >= attend.start())]
        kinds = _event_kinds(others, bool(trade))
        date = mention.date
        inferred = mention.inferred or not anchored
        status = _status(date, publication(self.article).date, future, anchored)  # (one clause, one date: one status)
        base = dict(date=date, granularity=mention.granularity, inferred=inferred, sentence=sentence.text,
                    sources=[{"article": self.article.name, "start": start, "end": end}], anchored=anchored)
        for kind in kinds:
            trigger = next((m for k, m in found if k == kind), None)
            detail = {"trigger": trigger.group(0) if trigger else kind}
            event_actors = actors
            if kind == "trade":
                detail["figures"] = trade + [f for f in here if f.metric == "growth"]
                span = _period_as_date(trade[0].period) if trade[0].period else None
                if span and span[0].startswith(base["date"][:4]) and len(span[0]) > len(base["date"]):
                    base = {**base, "date": span[0], "granularity": span[1]}  # "6 tháng đầu năm 2025": 2025-01/2025-06
            if kind == "investment":
                organisations = [o.strip() for m in ORGANISATIONS.finditer(clause) for o in m.group("list").split(",")]
                event_actors = actors + [o for o in organisations if o not in actors]
                detail["investors"] = "US" if _US_FIRMS.search(clause) else "VN" if _VN_FIRMS.search(clause) else None
            if kind == "relations":
                detail["term"] = _term(clause)
            if kind in ("meeting", "visit", "call", "arrival"):
                detail["object"] = clause[trigger.end() :]
            detail["base"] = kind  # what the planned event will be, for its summary
            results.append(Event(kind=("planned" if status == "planned" else kind), status=status, actors=event_actors, places=places, detail=detail, **base))
        if attend:
            body = attend.group("body").strip()
            attendees = self._attendees(start, clause, attend, people_here)
            detail = {"trigger": attend.group(0), "body": body, "opening": bool(_OPENING.search(attend.group(0)))}
            results.append(Event(kind=("planned" if status == "planned" else "meeting"), status=status, actors=attendees,
                                 places=[p for p in places if p not in body], subject=body, detail=detail, **base))
        return results

    def _attendees(self, offset: int, clause: str, attend: re.Match, people_here) -> list[str]:
        """Who attends: the people a wish or invitation names, else the subject of the sentence."""
        wish = WISH.search(clause, 0, attend.start())
        if wish:
            invited = [p for p in people_here if offset + wish.end() <= p.start < offset + attend.start()]
            if invited:
                return resolve([p for p in people_here if p.start < offset + wish.start()][:1], self.people) + resolve(invited, self.people)
        return resolve(people_here[:1], self.people)


def _period_as_date(period: str) -> tuple[str, str] | None:
    """A figure's period as an event date: "2025-H1" → ("2025-01/2025-06", "month")."""
    if period.endswith(("-H1", "-H2")):
        year, first = period[:4], (1 if period.endswith("1") else 7)
        return f"{year}-{first:02d}/{year}-{first + 5:02d}", "month"
    if "/" in period:
        return period, "month"
    if "Q" in period:
        return period, "quarter"
    return period, ("month" if len(period) == 7 else "year")


def _term(clause: str) -> str | None:
    from ..lang.glossary import glossary

    lowered = clause.lower()
    terms = glossary()["terms"]
    for key in sorted(terms, key=len, reverse=True):  # Vietnamese or English wording, the longest first
        if key.lower() in lowered:
            return key
    for key in sorted(terms, key=lambda k: len(terms[k]), reverse=True):
        if terms[key].lower() in lowered:
            return key
    return None


def _compatible(a: Event, b: Event) -> bool:
    if a.subject != b.subject or (a.kind != b.kind and "planned" not in (a.kind, b.kind)):
        return False
    if a.subject is None and not (set(a.actors) & set(b.actors) and set(a.actors[1:]) == set(b.actors[1:])):
        return False
    da, db = a.date.split("/")[0], b.date.split("/")[0]
    if da == db or da.startswith(db) or db.startswith(da):
        return True
    if a.granularity == b.granularity == "day" and (not a.anchored or not b.anchored):
        from datetime import date

        return abs((date.fromisoformat(da) - date.fromisoformat(db)).days) <= 3
    return False


def merge_events(events: list[Event]) -> list[Event]:
    """One event per happening: reports of the same event in several articles become one."""
    merged: list[Event] = []
    buckets: dict[tuple, list[Event]] = {}  # by subject and year: twins always share both (or adjacent years)
    for event in events:
        year = int(event.date[:4])
        candidates = [m for y in (year - 1, year, year + 1) for m in buckets.get((event.subject, y), [])]
        source = event.sources[0]["article"]
        twin = next((m for m in candidates if source not in m.articles and _compatible(m, event)), None)
        if twin is None:
            merged.append(event)
            buckets.setdefault((event.subject, year), []).append(event)
            continue
        better = event if (event.anchored, len(event.date)) > (twin.anchored, len(twin.date)) else twin
        twin.date, twin.granularity, twin.inferred, twin.sentence = better.date, better.granularity, better.inferred, better.sentence
        twin.anchored = twin.anchored or event.anchored
        twin.status = "happened" if "happened" in (twin.status, event.status) else "planned"
        if twin.status == "happened" and twin.kind == "planned":
            twin.kind = "meeting"
        twin.actors += [a for a in event.actors if a not in twin.actors]
        twin.places += [p for p in event.places if p not in twin.places]
        twin.sources += event.sources
    return merged


def article_events(article: Article) -> list[Event]:
    """The events one article reports, before merging with other articles."""
    return _ArticleEvents(article).events()


def timeline(events: list[Event]) -> list[Event]:
    """Events of many articles merged (one per happening) and sorted by date."""
    merged = merge_events(events)
    return sorted(merged, key=lambda e: (date_key(e.date), e.sources[0]["article"], e.sources[0]["start"]))


def extract_events(corpus) -> list[Event]:
    """The events of all articles, merged across articles and sorted by date.

    ``corpus`` may be a generator: each article is dropped once its events are read.
    """
    if isinstance(corpus, Article):
        corpus = [corpus]
    return timeline([event for article in corpus for event in article_events(article)])
