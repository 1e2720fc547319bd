"""The eras of the relationship, drawn from the milestones the events themselves tell.

A milestone is a relations event that normalises relations or sets up or upgrades a named
partnership; each one opens an era that lasts until the next ("Comprehensive Partnership,
2013–2023"). Events before the first milestone form an era of their own, and what is planned
forms the last ("What lies ahead"). With no milestone, every event is in one era. The latest
visit (a run of three or more events within a week) is drawn day by day by the timeline chart.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date as _date

from .. import lang
from ..extraction.dates import date_key
from ..lang.glossary import glossary
from ..model import Event
from .format import format_date, place_name

#: The most words before a milestone's trigger for it to open an era: the clause states it
#: ("hai nước đã nâng cấp quan hệ"), it does not tell of it.
MILESTONE_LEAD_WORDS = 10


@dataclass
class Era:
    """One era: the milestone that opens it (before the first: the first, which closes it; None
    for what is ahead), the year it ends with the next milestone, and its events in date order."""

    key: str  # "before", "milestone", "events" (no milestone at all) or "ahead"
    milestone: Event | None = None
    until: str | None = None
    members: list[Event] = field(default_factory=list)


def milestone_name(event: Event, language: str = "en") -> str | None:
    """What a milestone made: "Normalisation", "Comprehensive Partnership" (None: no milestone)."""
    kind, term = event.detail.get("milestone"), event.detail.get("term")
    if kind == "normalise":
        return lang.value("story.labels", language)["normalise"]
    if kind in ("establish", "upgrade") and term:
        return glossary()["terms"].get(term, term) if language == "en" else term
    return None


def milestones(events: list[Event]) -> list[Event]:
    """The milestones, one per partnership made, in time order: of the events telling the same
    one, the one most articles report, then the most precisely dated."""
    by_name: dict[str, list[Event]] = {}
    for event in events:
        if event.kind == "relations" and event.status == "happened" and event.detail.get("lead_words", 0) <= MILESTONE_LEAD_WORDS:
            name = milestone_name(event)
            if name:
                by_name.setdefault(name, []).append(event)
    chosen = [max(group, key=lambda e: (len(e.articles), len(e.date), [-x for x in date_key(e.date)])) for group in by_name.values()]
    return sorted(chosen, key=lambda e: date_key(e.date))


def _ordered(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (date_key(e.date), e.sources[0]["article"], e.sources[0]["start"]))


def assign_eras(events: list[Event]) -> list[Era]:
    """The eras in time order, each with its events (an era without events is left out, but
    for the one its milestone opens)."""
    events = _ordered(events)
    # what is ahead: the planned events after the last that happened (a visit an article of
    # 2013 planned is of 2013's era, drawn as planned)
    latest = max((date_key(e.date) for e in events if e.status != "planned"), default=None)
    ahead = [e for e in events if e.status == "planned" and (latest is None or date_key(e.date) > latest)]
    past = [e for e in events if e not in ahead]
    marks = milestones(past)
    if not marks:
        eras = [Era("events", members=past)] if past else []
    else:
        eras = [Era("before", marks[0], until=marks[0].date[:4])]  # (before the first milestone: named by it)
        for index, mark in enumerate(marks):
            eras.append(Era("milestone", mark, marks[index + 1].date[:4] if index + 1 < len(marks) else None))
        starts = [date_key(m.date) for m in marks]
        for event in past:
            at = sum(1 for s in starts if s <= date_key(event.date))
            eras[at].members.append(event)
        eras = [era for era in eras if era.members or era.key == "milestone"]
    if ahead:
        eras.append(Era("ahead", members=ahead))
    return eras


def era_title(era: Era, language: str = "en") -> str:
    """ "Comprehensive Partnership (2013–2023)", "Before normalisation", "What lies ahead"."""
    say = lang.value("story.eras", language)
    if era.key == "ahead":
        return say["ahead"]
    years = sorted({e.date[:4] for e in era.members})
    if era.key == "events":
        return say["events"].format(span=f"{years[0]}–{years[-1]}" if len(years) > 1 else years[0])
    if era.key == "before":  # before normalisation, or before the first partnership the events tell (the years before it may follow 1995)
        first = years[0] if years else era.until
        if era.milestone is None or era.milestone.detail.get("milestone") == "normalise":
            return say["before_span"].format(first=first, until=era.until) if first != era.until else say["before"]
        name = milestone_name(era.milestone, language)
        return (say["before_partnership_span"].format(name=name, first=first, until=era.until) if first != era.until
                else say["before_partnership"].format(name=name))
    name, start = milestone_name(era.milestone, language), era.milestone.date[:4]
    return say["span"].format(name=name, start=start, until=era.until) if era.until else say["since"].format(name=name, start=start)


def latest_visit(events: list[Event]) -> list[Event]:
    """The latest run of three or more dated-to-the-day events within a week: a visit or a trip."""
    days = [e for e in _ordered(events) if e.granularity == "day" and e.status == "happened"]
    best: list[Event] = []
    for index, first in enumerate(days):
        start = _date.fromisoformat(first.date.split("/")[0])
        group = [e for e in days[index:] if (_date.fromisoformat(e.date.split("/")[0]) - start).days <= 7]
        if len(group) >= 3 and (not best or date_key(group[0].date) >= date_key(best[0].date)):
            best = group if not best or group[0] not in best else best
    return best


def visit_title(members: list[Event], language: str = "en") -> str:
    """ "The February 2026 visit to Washington, D.C." (the city of the visit, not the country or
    the airport of arrival)."""
    first = members[0].date
    countries = glossary()["countries"]
    places = Counter(p for e in members for p in e.places if p not in countries and not p.startswith("sân bay"))
    where = places.most_common(1)[0][0] if places else (members[0].places[0] if members[0].places else "")
    say = lang.value("story.eras", language)
    when = format_date(first[:7], language, lead=False)
    when = when if language == "en" else when[0].lower() + when[1:]  # ("tháng 2/2026" inside a title)
    return say["visit"].format(when=when, where=place_name(where, language) if where else say["abroad"])
