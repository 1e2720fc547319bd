"""Dated events of the relationship: what happened or is planned, when, who, where, and who says so.

An event is anchored on a date expression and read from the clause around it: the words
that say what happened (a visit, a call, an agreement signed, a tariff set …), the people with
their titles, and the places. An event sentence without a date of its own takes the date of the
sentence before it in the same paragraph, marked inferred. A figure reported ("exports reached
…") or an anniversary is no event. Events that several articles report are merged into one,
keeping every source.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from datetime import date as _date

from .. import lang
from ..matching.casefree import CaseFree, lowered_slice
from ..matching.spans import SpanIndex
from ..model import DateRecord, Event
from ..reading.article import Article
from .actors import find_people, find_places, named_by_title, place_at, resolve, vietnamese_first
from .dates import date_key
from .figures import extract_figures
from .flows import third_countries
from .periods import COMPARISON
from .publication import article_dates, publication


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
_KIND_ORDER = ("relations", "call", "arrival", "visit", "attend", "meeting", "agreement", "trade_policy", "other")
#: The acts of a clause, one per event: an arrival is the first step of a visit (the kind of its
#: event), attending a gathering is a meeting.
ACTS = ("call", "arrival", "visit", "meeting")
KIND_OF_ACT = {"arrival": "visit", "attend": "meeting"}
_KIND_OF: dict[str, str] = {}
FUTURE = CaseFree(_phrases("events.future"))
WISH = re.compile(_phrases("events.wish"), re.IGNORECASE)
MILESTONE_MENTIONS = CaseFree(_phrases("events.milestone_mentions"))
# a conjunction and at most one word of time before a date: "và vào ngày 11/7/1995", "and in 2001"
_JOINED = re.compile(rf"(?:^|\W)(?:{lang.alternation(lang.words('figures.clause_breaks'))})\s+(?:\w+\s+)?$", re.IGNORECASE)
SINCE = CaseFree(rf"(?:{_phrases('events.since')})\b[^,.;:()]{{0,60}}$")
REPORT = CaseFree(_phrases("events.report"))
REPEATED = CaseFree(_phrases("events.repeated"))
REFERENCE_POINT = CaseFree(rf"\b(?:{_phrases('events.reference_points')})\s+$")
HYPOTHETICAL = CaseFree(_phrases("events.hypothetical"))
NOMINAL_BEFORE = CaseFree(rf"(?:{_phrases('events.nominal_before')})\s+$")
AIM_BEFORE = CaseFree(rf"\b(?:{_phrases('events.aims')})\s+$")
MILESTONES = [(kind, CaseFree("|".join(phrases))) for kind, phrases in lang.mapping("events.milestones").items()]
# (a milestone is told with its date: an undated mention of one is no event)
INHERITING = frozenset({"attend", "meeting", "call", "arrival", "visit", "agreement", "trade_policy", "other"})


_WORDS = re.compile(r"\w+")
_LISTED_WORDS = 14  # the most words of one item of a list of people and dates
_ACTOR_BEFORE, _ACTOR_AFTER = 60, 40  # how near its trigger an act's person is named (characters)
_PLACE_AFTER = 30  # how near after the word of a visit its destination is named (characters)


def _clauses(text: str, start: int, end: int, dates: list[DateRecord]):
    """Split a sentence at its date mentions: each date owns the words before it, or after it
    when it opens its clause ("Tháng 7/2013, …"). A date in a "since" clause owns that clause
    and the words after it, not those before ("Đây là chuyến thăm thứ ba kể từ khi hai nước bình
    thường hóa quan hệ năm 1995": the normalisation is of 1995, the visit is not)."""
    inside = [d for d in dates if start <= d.start < end]
    bounds = []
    for index, mention in enumerate(inside):
        lower = inside[index - 1].end if index else start
        upper = inside[index + 1].start if index + 1 < len(inside) else end
        before = text[lower : mention.start]
        words = len(_WORDS.findall(before))
        since = SINCE.search(before)
        if since:  # the date and the words of its "since" clause, and those after it
            bounds.append((mention, lower + since.start(), upper))
            continue
        # (a date just after a conjunction opens the clause it joins: "Ngày 3/2/1994, … dỡ bỏ
        # lệnh cấm vận và vào ngày 11/7/1995, hai nước bình thường hóa quan hệ")
        opens = words <= 2 or before.rstrip().endswith("(") and words <= 3 or (index and _JOINED.search(before) is not None)
        bounds.append((mention, (mention.start if opens else lower), (upper if opens or index + 1 == len(inside) else mention.end)))
    return bounds


def _as_verb(text: str, at: int, sentence_start: int) -> bool:
    """Whether the words at ``at`` are written as a verb: a word with a capital inside a
    sentence opens a name ("Theo Tuyên bố chung, …": the Joint Statement, not "declared")."""
    return not text[at].isupper() or not text[sentence_start:at].strip(" \t\n\"“‘'(")


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
        if kind in ACTS and getattr(NOMINAL_BEFORE, which).search(text, max(0, match.start() - 15), match.start()):
            continue  # ("Nội dung thảo luận": a noun; the clause asserts another act, if any)
        if getattr(AIM_BEFORE, which).search(text, max(0, match.start() - 20), match.start()):
            continue  # ("wanted to upgrade ties", "muốn nâng cấp quan hệ": an aim, no act)
        first.setdefault(kind, match)
    supposed = getattr(HYPOTHETICAL, which).search(text)
    if supposed:  # "Nếu chuyến viếng thăm thành hình …": what follows a supposition did not happen
        first = {kind: match for kind, match in first.items() if match.start() < supposed.start()}
    relations = first.get("relations")
    if relations is not None and any(m.start() < relations.start() for m in getattr(MILESTONE_MENTIONS, which).finditer(
            text, max(0, relations.start() - 30), relations.end())):  # (read on to the trigger: "30 năm (?=thiết lập)")
        del first["relations"]  # "kỷ niệm 20 năm bình thường hóa", "tiến trình bình thường hóa": no milestone
    if "dự" in low or "attend" in low:
        attend = ATTEND.search(clause)
        if attend:
            first["attend"] = attend
    return [(kind, first[kind]) for kind in _KIND_ORDER if kind in first]


def _event_kinds(found: list[tuple[str, re.Match]]) -> list[str]:
    """What the clause reports: a milestone of relations, one act (call, arrival, visit,
    meeting), an agreement and a step of trade policy, each at most once; else another act of
    the two states."""
    kinds = [k for k, _ in found]
    result = ["relations"] if "relations" in kinds else []
    # the act told first is the clause's own ("thảo luận về khả năng đưa tàu sân bay đến thăm":
    # a meeting, not a visit), an arrival before the visit it begins
    acts = sorted((m.start(), ACTS.index(k), k) for k, m in found if k in ACTS)
    if acts:
        result.append(acts[0][2])
    result += [k for k in ("agreement", "trade_policy") if k in kinds]
    if not acts and "other" in kinds:  # (an act of the states besides an agreement: a project launched as a deal is signed)
        result.append("other")
    return result


def _status(mention_date: str, published: str | None, future: bool, anchored: bool) -> str:
    """Planned when dated after publication, compared as precisely as both are known; when
    that cannot tell (a day of the publication month, known only to the month: "April 9" in an
    article of April), or the event is undated, planned when the clause tells of the future."""
    first = mention_date.split("/")[0]
    if published and "Q" not in first:
        mention, publication_date = date_key(first[: len(published)]), date_key(published[: len(first)])
        if mention != publication_date:
            return "planned" if mention > publication_date else "happened"
        if len(first) == len(published) and anchored:
            return "happened"  # (told on the day itself, or of the publication month itself)
    if future and (not anchored or published):
        return "planned"
    return "happened"


class _ArticleEvents:
    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        self.dates = SpanIndex(article_dates(article))
        self.people_index = SpanIndex(find_people(article.text))
        self.people = named_by_title(self.people_index.items)
        self.figure_starts = sorted(f.start for f in extract_figures(article))
        # the publication date, for the news of the day told without a date; only when it is
        # stated (an inferred one would date that news by a guess)
        published = publication(article)
        self.published_mention = (DateRecord("", "", 0, 0, published.date, {4: "year", 7: "month", 10: "day"}[len(published.date)], True)
                                  if published.date and published.source in ("header", "given") else None)

    def events(self) -> list[Event]:
        events: list[Event] = []
        last_dated: dict[int, DateRecord] = {}
        planned: list[DateRecord] = []
        count = 0
        for sentence in self.article.sentences:
            if not sentence.is_prose or sentence.kind == "title":
                continue
            own = self.dates.within(sentence.start, sentence.end)
            if own:  # a date in a comparison ("so với năm 2023", "compared with 2023") dates nothing
                bases = [(m.start(), m.end()) for m in COMPARISON.finditer(self.text, sentence.start, sentence.end)]
                own = [d for d in own if not any(a <= d.start < b for a, b in bases)]
                # nor does one just after "sau" / "after" ("đại sứ đầu tiên … sau 1975")
                own = [d for d in own if not REFERENCE_POINT.search(self.text, max(sentence.start, d.start - 12), d.start)]
            if own:
                found = self._dated(sentence, own)
                events.extend(found)
                # (what follows continues the time told, not a "since" point: "… kể từ ngày
                # 11-7-1995. Kể từ cột mốc này, mỗi đời tổng thống đều sang thăm"; nor the period
                # of figures that told no happening: "Với kim ngạch xuất khẩu 30,6 tỷ USD năm 2014, …")
                told = [d for d in own if not SINCE.search(self.text, max(sentence.start, d.start - 70), d.start)]
                if told and not found and self._states_figures(sentence):
                    told = []
                if told:
                    last_dated[sentence.paragraph] = told[-1]
                else:
                    last_dated.pop(sentence.paragraph, None)
            else:
                # an undated sentence continues the dated one before it only when it tells of a
                # new act (attending, meeting, calling …), not when it describes or comments;
                # with none before it, a named person's act is news of the publication day
                low = lowered_slice(self.text, sentence.start, sentence.end)
                kinds = _kinds(sentence.text, low)
                if not {k for k, _ in kinds} & INHERITING:
                    continue
                if any(k in ACTS and REPEATED.any_case.search(sentence.text, m.end(), m.end() + 40) for k, m in kinds):
                    continue  # "thăm Việt Nam hai lần", undated: a count of visits, no one visit
                if sentence.paragraph in last_dated:
                    events.extend(self._read(sentence, last_dated[sentence.paragraph], sentence.start, sentence.end, anchored=False))
                    continue
                ahead = [e for e in (self._read(sentence, planned[-1], sentence.start, sentence.end, anchored=False) if planned else [])
                         if e.status == "planned" and e.detail.get("act") in ACTS and e.actors and e.detail.get("actor_near")]
                if ahead:  # what is ahead, told after an event ahead: of its date ("While in Hanoi, Biden will meet …")
                    events.extend(ahead)
                elif self.published_mention is not None:
                    news = self._read(sentence, self.published_mention, sentence.start, sentence.end, anchored=False)
                    # (a person's act, or a deal; not what is ahead: its day is not the publication's)
                    events.extend(e for e in news if (e.kind == "agreement" or e.actors and e.detail.get("actor_near", True))
                                  and e.status == "happened" and not e.subject)
            # (the last event ahead told with its date, for what is told of it after)
            planned += [DateRecord("", "", 0, 0, e.date, e.granularity, True) for e in events[count:] if e.status == "planned" and e.anchored]
            count = len(events)
        return events

    def _states_figures(self, sentence) -> bool:
        """Whether the sentence states a figure (its dates are then the periods of figures)."""
        at = bisect_left(self.figure_starts, sentence.start)
        return at < len(self.figure_starts) and self.figure_starts[at] < sentence.end

    def _dated(self, sentence, own: list[DateRecord]) -> list[Event]:
        """The events of a sentence with dates of its own, clause by clause."""
        clauses = _clauses(self.text, sentence.start, sentence.end, own)
        read = [self._read(sentence, mention, start, end, anchored=True) for mention, start, end in clauses]
        for index, (mention, _, end) in enumerate(clauses[:-1]):
            owned = clauses[index + 1][1]  # where the next date's words begin
            if read[index] or end != mention.end or owned <= mention.end:
                continue
            # a date that tells nothing before it may tell what follows it, up to the words of
            # the next date: "President Trump's decision in January 2017 to withdraw the United
            # States from the TPP … since 2008"
            read[index] = self._read(sentence, mention, mention.start, owned, anchored=True)
        for index, (_, start, end) in enumerate(clauses[:-1]):
            # a report of an act dated later in the sentence: the act is of the later date
            later = {e.kind for e in read[index + 1]}
            if later and any(_as_verb(self.text, m.start(), sentence.start) for m in REPORT.finditer(self.text, start, end)):
                read[index] = [e for e in read[index] if e.kind not in later]
        sentence_kinds = None
        for index, (mention, start, end) in enumerate(clauses):
            if read[index] or index == 0:
                continue
            # a list of people and dates after the verb they share: "Lãnh đạo Việt Nam thăm Mỹ:
            # Phó Thủ tướng Vũ Khoan (2003), Thủ tướng Phan Văn Khải (2005)"
            if sentence_kinds is None:
                sentence_kinds = [k for k in _event_kinds(_kinds(self.text[sentence.start : start], lowered_slice(self.text, sentence.start, start)))
                                  if k in ACTS]
            people = self.people_index.within(start, end)
            if len(sentence_kinds) == 1 and people and len(_WORDS.findall(self.text[start:end])) <= _LISTED_WORDS:
                read[index] = self._read(sentence, mention, start, end, anchored=True, kind=sentence_kinds[0])
        return _told_once([(event, mention) for (mention, _, _), events in zip(clauses, read, strict=True) for event in events])

    def _read(self, sentence, mention: DateRecord, start: int, end: int, anchored: bool, kind: str | None = None) -> list[Event]:
        """The events a clause reports (``kind``: the act it shares with the clauses before)."""
        clause, low = self.text[start:end], lowered_slice(self.text, start, end)
        found = _kinds(clause, low)
        # what a comparison is made with is told of its own time ("gấp 100 lần so với năm 1995 khi
        # hai nước bình thường hóa quan hệ": the normalisation is the base's, not this date's)
        bases = [(m.start() - start, m.end() - start) for m in COMPARISON.finditer(self.text, start, end)] if found else []
        if bases:
            found = [(k, m) for k, m in found if not any(a <= m.start() < b for a, b in bases)]
        people_here = self.people_index.within(start, end)
        actors = vietnamese_first(resolve(people_here, self.people))
        places = find_places(self.text, start, end, people_here, self.article.language)
        future = FUTURE.lower.search(low) is not None
        results = []
        attend = next((m for k, m in found if k == "attend"), None)
        others = [(k, m) for k, m in found if k != "attend" and not (attend and k == "meeting" and m.start() >= attend.start())]
        acts = [kind] if kind else _event_kinds(others)
        if attend and any(act in ("visit", "arrival") for act in acts) and not people_here[1:]:
            attend = None  # "khi ông đến Việt Nam dự Hội nghị cấp cao APEC": the visit is the event
        if not future and others:  # an invitation to an act: what it invites to is ahead ("mời … thăm Mỹ", not "thăm … theo lời mời")
            wish = WISH.search(clause)
            future = wish is not None and wish.start() < min(m.start() for _, m in others)
        date = mention.date
        inferred = mention.inferred or not anchored
        # a year read from no stated publication date is a guess the story must not state as fact
        year_guessed = mention.inferred and publication(self.article).source not in ("header", "given")
        # (news told with no date of its own is dated by the day it was reported: the story says so)
        reported = mention is self.published_mention
        status = _status(date, publication(self.article).date, future, anchored)  # (one clause, one date: one status)
        if future and not anchored and status == "happened":
            return []  # what will be does not continue a date that has passed ("Dự kiến sau khi TPP được ký kết …")
        base = dict(date=date, granularity=mention.granularity, inferred=inferred, sentence=sentence.text,
                    sources=[{"article": self.article.name, "start": start, "end": end}], anchored=anchored)
        if "relations" in acts and third_countries(self.text, start, end):
            acts = [a for a in acts if a != "relations"]  # ("… the upgrade in relations between Hanoi and the South Korean government")
        for act in acts:
            trigger = next((m for k, m in found if k == act), None)
            detail = {"act": act, "trigger": trigger.group(0) if trigger else act, "clause": clause, "year_guessed": year_guessed,
                      "trigger_at": start + trigger.start() if trigger else None, "report_day": reported}
            if trigger is not None:
                # the words before the trigger, but the date's: few when the trigger is the
                # clause's own verb ("hai nước đã nâng cấp quan hệ"), many when it is told of
                # ("Tổng thống George Bush đề nghị … lộ trình từng bước bình thường hóa")
                before = clause[: trigger.start()]
                dated = mention.text if start <= mention.start < start + trigger.start() else ""
                detail["lead_words"] = len(_WORDS.findall(before)) - len(_WORDS.findall(dated))
            if act in ACTS:
                # whether a person is named by the act ("Bộ trưởng Phan Văn Giang thăm Mỹ",
                # "chuyến thăm Mỹ của Bộ trưởng Phan Văn Giang"): then the act is theirs
                at = start + (trigger.start() if trigger else 0)
                detail["actor_near"] = trigger is None or any(
                    0 <= at - p.end <= _ACTOR_BEFORE or 0 <= p.start - (start + trigger.end()) <= _ACTOR_AFTER for p in people_here)
            if act == "relations":
                detail["term"] = _term(clause)
                # (read from the trigger on: "thiết lập quan hệ ngoại giao" is a normalisation)
                told = clause[trigger.start() : trigger.start() + 60] if trigger else ""
                detail["milestone"] = next((kind for kind, pattern in MILESTONES if pattern.any_case.match(told)), None)
            if act in ACTS:
                detail["object"] = clause[trigger.end() :] if trigger else ""
            if act == "visit" and trigger is not None:
                detail["visitor"], detail["destination"] = self._visit_sides(start, clause, trigger, people_here, places)
            results.append(Event(kind=KIND_OF_ACT.get(act, act), status=status, actors=actors, places=places, detail=detail, **base))
        if attend:
            body = attend.group("body").strip()
            attendees = self._attendees(start, clause, attend, people_here)
            detail = {"act": "attend", "trigger": attend.group(0), "body": body, "opening": bool(_OPENING.search(attend.group(0))),
                      "clause": clause, "year_guessed": year_guessed, "report_day": reported}
            results.append(Event(kind="meeting", status=status, actors=attendees,
                                 places=[p for p in places if p not in body], subject=body, detail=detail, **base))
        return results

    def _visit_sides(self, offset: int, clause: str, trigger: re.Match, people_here, places: list[str]) -> tuple[str | None, str | None]:
        """Who visits and where: the person named just before the word of the visit, else just
        after it ("chuyến thăm Mỹ của Bộ trưởng Phan Văn Giang"); the place named just after
        it, else between the visitor and it ("Biden arrived in Hanoi … for a visit"). None for
        a side the clause does not tell so (a title's place, "Đại sứ Mỹ tại Việt Nam", is no
        destination)."""
        at, end = offset + trigger.start(), offset + trigger.end()
        before = [p for p in people_here if p.end <= at and at - p.end <= _ACTOR_BEFORE]
        after = [p for p in people_here if p.start >= end and p.start - end <= _ACTOR_AFTER]
        visitor = before[-1] if before else after[0] if after else None
        destination = place_at(clause, trigger.end())
        if destination is None:  # a place found in the words just after the trigger
            destination = next((place for place in places if 0 <= clause.find(place, trigger.end()) - trigger.end() <= _PLACE_AFTER), None)
        if destination is None and visitor is not None and visitor.end <= at:
            between = [place for place in places if visitor.end - offset <= clause.find(place, visitor.end - offset) < trigger.start()]
            destination = between[-1] if between else None
        labels = resolve([visitor], self.people) if visitor is not None else []  # (a bare title no holder is named for: none)
        return (labels[0] if labels else None), destination

    def _attendees(self, offset: int, clause: str, attend: re.Match, people_here) -> list[str]:
        """Who attends: the people a wish or invitation names, else the subject of the sentence."""
        wish = WISH.search(clause, 0, attend.start())
        if wish:
            invited = [p for p in people_here if offset + wish.end() <= p.start < offset + attend.start()]
            if invited:
                return resolve([p for p in people_here if p.start < offset + wish.start()][:1], self.people) + resolve(invited, self.people)
        return resolve(people_here[:1], self.people)


def _told_once(dated: list[tuple[Event, DateRecord]]) -> list[Event]:
    """The events of one sentence, an act told once read once: words shared by the date that
    opens the sentence and one written after them ("Sáng 23/5, … Tổng thống Obama thăm chính
    thức Việt Nam từ ngày 23 đến 25/5") give their act to the date nearest its words."""
    def distance(event: Event, mention: DateRecord) -> int:
        at = event.detail["trigger_at"]
        return at - mention.end if mention.end <= at else max(0, mention.start - at)

    nearest: dict[tuple[str, int], tuple[int, int]] = {}  # (kind, trigger) -> (distance, index)
    for index, (event, mention) in enumerate(dated):
        if event.detail.get("trigger_at") is not None:
            key, this = (event.kind, event.detail["trigger_at"]), (distance(event, mention), index)
            nearest[key] = min(nearest.get(key, this), this)
    return [event for index, (event, _) in enumerate(dated)
            if event.detail.get("trigger_at") is None or nearest[(event.kind, event.detail["trigger_at"])][1] == index]


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


def _same_milestone(a: Event, b: Event) -> bool:
    """Two relations events that tell the same milestone: of one kind (normalisation, a
    partnership set up, upgraded) and, where both name it, the same partnership."""
    kind_a, kind_b = a.detail.get("milestone"), b.detail.get("milestone")
    term_a, term_b = a.detail.get("term"), b.detail.get("term")
    if kind_a is None or kind_a != kind_b:
        return False
    return kind_a == "normalise" or term_a is None or term_b is None or term_a == term_b  # (one normalisation, however worded)


def _compatible(a: Event, b: Event) -> bool:
    if a.subject != b.subject or a.kind != b.kind:
        return False
    if a.kind == "relations":
        if not _same_milestone(a, b):
            return False
    elif a.subject is None:
        # (the same people, however each outlet writes their titles and names: "Foreign Minister
        # Bui Thanh Son" and "Bộ trưởng Ngoại giao Bùi Thanh Sơn")
        people_a, people_b = [_person_key(x) for x in a.actors], [_person_key(x) for x in b.actors]
        if not (set(people_a) & set(people_b) and set(people_a[1:]) == set(people_b[1:])):
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
        # (a milestone told twice in one article is one event too: "1995" and "11/7/1995")
        twin = next((m for m in candidates if (source not in m.articles or event.kind == "relations") and _compatible(m, event)), None)
        if twin is None:
            merged.append(event)
            buckets.setdefault((event.subject, year), []).append(event)
            continue
        better = event if (event.anchored, len(event.date)) > (twin.anchored, len(twin.date)) else twin
        twin.date, twin.granularity, twin.inferred, twin.sentence = better.date, better.granularity, better.inferred, better.sentence
        twin.anchored = twin.anchored or event.anchored
        twin.status = "happened" if "happened" in (twin.status, event.status) else "planned"
        named = {_person_key(a) for a in twin.actors}  # (a person once, however each article names them)
        twin.actors += [a for a in event.actors if _person_key(a) not in named]
        twin.places += [p for p in event.places if p not in twin.places]
        twin.sources += event.sources
    return merged


def article_events(article: Article) -> list[Event]:
    """The events one article reports, before merging with other articles: an event told again
    without a date of its own ("Chuyến thăm chính thức của Thủ tướng … tới Mỹ …") is the one told
    with its date."""
    events = _ArticleEvents(article).events()
    told: dict[tuple, list[Event]] = {}  # the dated events by what would tell them again
    for event in events:
        if event.anchored:
            for key in _told_keys(event):
                told.setdefault(key, []).append(event)
    return [e for e in events if e.anchored or not any(_told_again(e, d) for key in _told_keys(e) for d in told.get(key, ()))]


def _told_keys(event: Event) -> list[tuple]:
    """What an event is told again by: its gathering, a person in it (by surname), or its date."""
    if event.subject:
        return [(event.kind, "subject", event.subject)]
    return [(event.kind, "person", _surname(a)) for a in event.actors] + [(event.kind, "date", event.date)]


def _told_again(event: Event, dated: Event) -> bool:
    """Whether an undated event is one told with its date elsewhere in the article: the same
    kind, a person in common (or the same gathering), and dates that agree."""
    if event.kind != dated.kind or (event.subject or dated.subject) and event.subject != dated.subject:
        return False
    if not event.subject and not {_surname(a) for a in event.actors} & {_surname(a) for a in dated.actors}:
        # (told again without naming anyone, of the very dates of one told before: "Theo
        # TTXVN, chuyến thăm của Đại tướng … nhằm …")
        return not event.actors and event.date == dated.date
    a, b = event.date.split("/")[0], dated.date.split("/")[0]
    if a.startswith(b) or b.startswith(a):
        return True
    # (news of the publication day told again after its own day: "Sáng 14/11, … Clinton … tham dự
    # buổi gặp mặt" and, undated, "Tại buổi gặp gỡ, cựu Tổng thống Clinton …")
    return len(a) == len(b) == 10 and abs((_date.fromisoformat(a) - _date.fromisoformat(b)).days) <= _SAME_NEWS_DAYS


_SAME_NEWS_DAYS = 3


def _person_key(label: str) -> str:
    """A person as any outlet names them: the last two words of the label (the given and the
    family name, after the title), without tone marks or case ("Bộ trưởng Ngoại giao Bùi Thanh
    Sơn" and "Foreign Minister Bui Thanh Son" → "thanh son")."""
    words = re.split(r"[\s.]+", label.strip())[-2:]
    plain = unicodedata.normalize("NFD", " ".join(words).replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in plain if not unicodedata.combining(ch)).lower()


def _surname(label: str) -> str:
    """The last word of a person's label ("cựu Tổng thống Mỹ William J.Clinton" → "Clinton"),
    by which an article names them again."""
    return re.split(r"[\s.]+", label.strip())[-1]


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
