"""Events and figures → a Markdown story, in English or Vietnamese.

Every sentence is built from a structured event (date, kind, actors, places) and ends with
its sources; English names of titles, bodies and terms come from ``glossary.json``, and
personal names keep their diacritics. Figures are written the reader's way
("$15.8 bn" / "15,8 tỷ USD").
"""

from __future__ import annotations

import html
import re

from .. import lang
from ..extraction.actors import find_people, translate_actor, translate_text
from ..extraction.dates import date_key, find_dates
from ..lang.glossary import glossary
from ..model import EVENT_FIELDS, TRADE_METRICS, Event
from .eras import MILESTONE_LEAD_WORDS, Era, assign_eras, era_title
from .format import _ordinal, format_amount, format_date, place_name


def _join(items: list[str], language: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + _say("sentences", language)["and"] + items[-1]


def _actor(label: str, language: str) -> str:
    return translate_actor(label) if language == "en" else label


def _short(label: str, language: str) -> str:
    """A person already named, by title alone: "the General Secretary" / "Tổng Bí thư"."""
    from ..extraction.actors import base_title

    people = find_people(label)
    if not people:
        return label
    title = base_title(people[0].title)
    if language == "en":
        english = glossary()["titles"].get(title)
        return f"the {english}" if english else translate_actor(label)
    return title


def _place(place: str, language: str) -> str:
    return place_name(place, language)


def _body(body: str, language: str) -> str:
    if language != "en":
        return body
    english = glossary()["bodies"].get(body) or translate_text(body)
    return english


# --------------------------------------------------------------------------- one event


def summarise(event: Event, language: str = "en", previous: Event | None = None) -> str:
    """One sentence that says what the event was, built from its fields.

    Given the event told just before, a repeated date reads "The same day" and a repeated
    lead actor is named by title alone, as a writer would.
    """
    return _end(_summary(event, language, previous))


def event_record(event: Event, language: str = "en") -> dict:
    """The JSON record of an event, its summary written in ``language``."""
    record = {key: getattr(event, key) for key in EVENT_FIELDS if key != "summary"}
    record["summary"] = summarise(event, language)
    return {key: record[key] for key in EVENT_FIELDS}


def _say(table: str, language: str) -> dict:
    """A table of the story's sentences in ``language`` (``story.*`` in the language tables)."""
    return lang.value(f"story.{table}", language)


def _summary(event: Event, language: str, previous: Event | None = None) -> str:
    say = _say("sentences", language)
    when = format_date(event.date, language)
    if event.detail.get("year_guessed"):  # (no publication date stated: its year is the article's latest)
        when += say["year_inferred"]
    reported = event.detail.get("report_day") and not event.anchored  # (dated by the day of the report, not by the text)
    if reported:
        when += say["report_day"]
    actors = [_actor(a, language) for a in event.actors]
    if previous is not None and previous.date == event.date and event.granularity == "day" and not reported:
        when = say["same_day"]
    if previous is not None and actors and previous.actors and previous.actors[0] == event.actors[0]:
        actors[0] = _short(event.actors[0], language)
    places = [_place(p, language) for p in event.places]
    kind = event.detail.get("act", event.kind)  # (an arrival is told as one, a visit's first step)
    lead, others = (actors[0], actors[1:]) if actors else (None, [])
    if kind in QUOTED_KINDS:
        return _quoted(event, when, language)
    if event.status == "planned" and not event.subject:
        return _planned(event, kind, when, lead, others, places, language)
    if event.subject:
        body = _body(event.subject, language)
        if event.status == "planned":
            text = say["attend_planned"].format(when=when, body=body, where=say["place_in"].format(place=places[0]) if places else "")
            if lead and others:
                text += say["attend_hope"].format(lead=lead, others=_join(others, language))
            elif lead:
                text += say["attend_expected"].format(lead=lead)
            return text + "."
        template = say["attended_opening" if event.detail.get("opening") else "attended"]
        return template.format(when=when, lead=lead or say["delegation"], body=body)
    # a sentence is built from the fields only when the clause states the act itself (its
    # trigger is near the start: "hai nước đã nâng cấp quan hệ") and names who acted; else the
    # clause is quoted
    told = (event.detail.get("lead_words", 0) <= MILESTONE_LEAD_WORDS if kind == "relations"
            else event.detail.get("actor_near", True))
    if kind == "relations":
        term, milestone = event.detail.get("term"), event.detail.get("milestone")
        named = (glossary()["terms"].get(term, term) if language == "en" else term) if term else None
        if told and milestone == "normalise":
            return say["normalised"].format(when=when)
        if told and named and milestone in ("upgrade", "establish"):
            return say["upgraded" if milestone == "upgrade" else "established"].format(when=when, term=named)
        return _quoted(event, when, language)
    if not (told and lead):
        return _quoted(event, when, language)
    if kind == "visit" and "visitor" in event.detail:  # (told by its own words: who visits and where, as the clause says)
        visitor, destination = event.detail["visitor"], event.detail["destination"]
        if visitor is None or destination is None:
            return _quoted(event, when, language)
        lead = lead if event.actors and visitor == event.actors[0] else _actor(visitor, language)  # (shortened when told just before)
        return say["visited"].format(when=when, lead=lead, place=_place(destination, language))
    if kind == "visit" and places:
        return say["visited"].format(when=when, lead=lead, place=places[0])
    if kind == "call":
        return say["called"].format(when=when, lead=lead, others=_join(others, language) or say["us_side"])
    if kind == "arrival" and places:
        place, country = places[0], (places[1] if len(places) > 1 else None)
        talks = _join(others, language)
        at = say["arrived_at"] if event.places and _ARRIVED_AT.search(event.places[0]) else say["arrived_in"]
        text = say["arrived"].format(when=when, lead=lead, at=at, place=place, country=say["arrived_country"].format(country=country) if country else "",
                                     talks=say["arrived_talks"].format(talks=talks) if talks else "")
        return re.sub(r"  +", " ", text)  # (a language that writes no "at" or "in")
    if kind == "meeting":
        counterpart = _join(others, language) or _meeting_object(event, language)
        if counterpart:
            where = next((p for p in places if p not in _COUNTRY_NAMES), None)
            at = say["place_in"].format(place=where) if where and where not in counterpart else ""
            return say["met"].format(when=when, lead=lead, counterpart=counterpart, where=at)
    return _quoted(event, when, language)


# the places one arrives at ("sân bay", "Joint Base Andrews"), in either language's words
_ARRIVED_AT = re.compile(rf"\b(?:{lang.alternation(lang.words('story.arrival_at'))})\b", re.IGNORECASE)
# the two countries as the story names them: a meeting "in" one of them says nothing
_COUNTRY_NAMES = frozenset({"Mỹ", "the United States"})


#: Kinds whose wording varies too much to be rebuilt from fields (what was agreed, which tariff,
#: which other act): their sentence quotes the clause that reports them.
QUOTED_KINDS = frozenset({"agreement", "trade_policy", "other"})


def _balanced(words: str) -> str:
    """A quoted clause without the bracket it was cut from: "), Thủ tướng Phan Văn Khải (2005"
    → "Thủ tướng Phan Văn Khải (2005)"."""
    words = words.lstrip(")]").strip(" ,;:-–—")
    if words.count("(") > words.count(")"):
        words += ")"
    elif words.count(")") > words.count("("):
        words = words.replace(")", "", words.count(")") - words.count("("))
    return words


_AFTER_DATE = re.compile(r"\s*[,:–—-]\s*")


def _without_leading_date(words: str, when: str | None = None) -> str:
    """A clause without the date it opens with, which the sentence already says: "Ngày
    3/3/1993: Tổng thống Clinton …" → "Tổng thống Clinton …" (a date that runs on into the
    words, "January 2017 to withdraw …", stays). ``when``: the event's date, against which a
    day written without its year ("Ngày 9/4, …") is read."""
    first = next(iter(find_dates(words, when)), None)
    end = first.end if first is not None and first.start == 0 else None
    if end is None and when and words[:4] == when[:4]:  # (the year alone, its lead left before the clause: "1994, President …")
        end = 4
    if end is None:
        return words
    after = _AFTER_DATE.match(words, end)
    return words[after.end():] if after and after.end() < len(words) else words


def _quoted(event: Event, when: str, language: str) -> str:
    """The event in the words of its source: "In May 2017, an agreement: “…”"."""
    say = _say("sentences", language)
    words = _balanced(_without_leading_date(" ".join((event.detail.get("clause") or event.sentence).split()).strip(" ,;:-–—"),
                                            event.date.split("/")[0]).rstrip("."))
    label = say.get(f"label_{event.kind}", say["label_other"])
    if event.status == "planned":
        label = say["quoted_planned"].format(label=label)
    return say["quoted"].format(when=when, label=label, words=words)


def _end(sentence: str) -> str:
    """Close a sentence with one full stop ("Washington, D.C." already has it)."""
    return sentence[:-1] if sentence.endswith("..") else sentence


def _planned(event: Event, kind: str, when: str, lead, others, places, language: str) -> str:
    """A future event, in the future tense: "…, X is expected to visit Vietnam."; quoted when
    the clause does not name who, or tells of the act rather than states it."""
    say = _say("sentences", language)
    counterpart = _join(others, language) or _meeting_object(event, language)
    target = counterpart if kind in ("meeting", "call") else (places[0] if places else None)
    verb = say.get(f"expected_{kind}")
    if verb is None or not lead or not target or not event.detail.get("actor_near", True):
        return _quoted(event, when, language)
    return say["expected"].format(when=when, lead=lead, verb=verb, target=target)


def _meeting_object(event: Event, language: str) -> str | None:
    obj = event.detail.get("object", "")
    found = []
    table = glossary()["bodies"]
    for key in sorted(table, key=len, reverse=True):
        if key in obj and not any(key in f for f in found):
            found.append(key)
    found.sort(key=obj.find)
    if not found:
        return None
    return _join([table[k] if language == "en" else k for k in found], language)


def _growth_of(figures) -> dict:
    """Each growth rate belongs to the figure written just before it ("xuất siêu 12 tỷ USD, tăng
    28,6%"), or to the one just after it when none comes before ("rose 23.2% to $119.5 billion")."""
    ordered = sorted(figures, key=lambda f: f.start)
    owner, growth = None, {}
    for index, figure in enumerate(ordered):
        if figure.metric != "growth":
            owner = figure.metric
            continue
        if owner is None:
            owner = next((f.metric for f in ordered[index + 1 :] if f.metric != "growth"), None)
        if owner is not None and owner not in growth:
            growth[owner] = figure
    return growth


def trade_flows(figures) -> dict:
    """The Vietnam–US flows among trade figures, by what they are rather than how the article
    words them: "US imports from Vietnam" is Vietnam's exports to the US."""
    flows = {}
    for figure in figures:
        if figure.metric == "trade_total":
            flows.setdefault("total", figure)
        elif figure.metric in ("exports", "imports") and figure.direction in ("VN->US", "US->VN"):
            flows.setdefault("vn_to_us" if figure.direction == "VN->US" else "us_to_vn", figure)
        elif figure.metric == "trade_surplus":
            flows.setdefault("surplus", figure)
    return flows


def _trade_sentence(found, period: str, language: str) -> str:
    """The trade an article reports for one period, in one sentence."""
    say = _say("trade", language)
    flows = trade_flows([f for f in found if f.metric != "growth"])
    growth = _growth_of(found)
    when = format_date(period_as_date(period), language)
    total, outbound, inbound, surplus = (flows.get(k) for k in ("total", "vn_to_us", "us_to_vn", "surplus"))

    def told(key: str, figure) -> str:
        amount = format_amount(figure.value, figure.unit, language, figure.qualifier)
        return say[key].format(when=when, amount=amount, change=_rate(figure, growth, say, language))

    parts = ([told("exports", outbound)] if outbound else []) + ([told("imports_after" if outbound else "imports", inbound)] if inbound else [])
    flows_text = say["flows_joined"].join(parts)
    if total:
        text = told("total", total) + (say["total_flows"].format(flows=flows_text) if flows_text else "")
    else:
        text = say["flows"].format(when=when, flows=flows_text) if flows_text else say["nothing"].format(when=when)
    if surplus:
        if surplus.direction is None:
            text += told("gap", surplus)
        else:
            holder = "vn" if surplus.direction == "VN->US" else "us"
            text += told(f"surplus_{holder}_both" if outbound and inbound else f"surplus_{holder}", surplus)
    return text + "."


def _rate(figure, growth: dict, say: dict, language: str) -> str:
    """ ", up 20% on a year earlier": the change stated with a figure, if any."""
    change = growth.get(figure.metric)
    if not change:
        return ""
    return say["up" if change.value >= 0 else "down"].format(percent=format_amount(change.value, "percent", language))


def period_as_date(period: str) -> str:
    """A figure's period as a date to write: "2025-H1" → "2025-01/2025-06"."""
    if period.endswith(("-H1", "-H2")):
        year, first = period[:4], (1 if period.endswith("1") else 7)
        return f"{year}-{first:02d}/{year}-{first + 5:02d}"
    return period


def _period_end(period: str) -> tuple:
    last = period_as_date(period).split("/")[-1]
    return date_key(last[:4] + "-12" if len(last) == 4 else last)


def trade_reports(figures) -> list[tuple[str, str, list]]:
    """What each article reports of Vietnam–US trade for the latest period it gives figures
    of: ``(article, period, figures)``, the growth rates stated with them included. (The
    figure tables hold every figure; the story tells each article's latest.)"""
    by_article: dict[str, dict[str, list]] = {}
    for figure in figures:
        vietnam_us = figure.direction in ("VN->US", "US->VN") or (figure.metric == "trade_total" and figure.direction is None)
        if figure.metric in TRADE_METRICS and figure.period and figure.unit == "USD" and figure.value_high is None and vietnam_us:
            by_article.setdefault(figure.article, {}).setdefault(figure.period, []).append(figure)
    reports = []
    for article, periods in by_article.items():
        period = max(periods, key=_period_end)
        flows = periods[period]
        sentences = {f.sentence for f in flows}
        growth = [f for f in figures if f.article == article and f.metric == "growth" and f.unit == "percent"
                  and f.sentence in sentences and f.period == period]
        reports.append((article, period, sorted(flows + growth, key=lambda f: f.start)))
    return sorted(reports, key=lambda r: (date_key(period_as_date(r[1])), r[0]))


def cite(event: Event) -> str:
    return "(" + "; ".join(dict.fromkeys(event.articles)) + ")"


# --------------------------------------------------------------------------- the story



def _stock_sentences(figures, language: str) -> list[tuple[str, str]]:
    """The investment positions the articles state (rank, projects, capital) as sentences."""
    say = _say("investment", language)
    by_sentence: dict[tuple[str, str], list] = {}
    for figure in figures:
        # (a rank has no direction of its own: it takes the one of the stock it is stated with)
        if figure.metric in ("rank", "fdi_projects", "fdi_capital") and figure.period is None and (figure.direction or figure.metric == "rank"):
            by_sentence.setdefault((figure.article, figure.sentence), []).append(figure)
    sentences = []
    for (article, _), group in by_sentence.items():
        metrics = {f.metric: f for f in group}
        if "fdi_capital" not in metrics and "fdi_projects" not in metrics:
            continue
        direction = next(f.direction for f in group if f.metric != "rank")
        rank, projects, capital = metrics.get("rank"), metrics.get("fdi_projects"), metrics.get("fdi_capital")
        way = "in" if direction == "US->VN" else "out"
        pieces = []
        if projects:
            pieces.append(say["projects"].format(count=format_amount(projects.value, "projects", language, projects.qualifier)))
        if capital:
            pieces.append(say["capital"].format(amount=format_amount(capital.value, capital.unit, language, capital.qualifier)))
        opening = say["next" if sentences else "first"]
        if rank:
            n = int(rank.value)
            place = say["place_of" if rank.out_of else "place"].format(ordinal=_ordinal(n), n=n, total=rank.out_of)
            text = say[f"ranked_{way}"].format(opening=opening, place=place, pieces=say["with"].format(pieces=_join(pieces, language)) if pieces else "")
        else:
            text = say[f"held_{way}"].format(opening=opening, pieces=_join(pieces, language))
        sentences.append((direction, f"{text} ({article})."))
    return sentences


def short_label(event: Event, language: str = "en") -> str:
    """A few words for a chart label: "Comprehensive Partnership", "Call: Patrick Leahy"."""
    en = language == "en"
    if event.subject:
        body = _body(event.subject, language)
        return re.sub(r"\s+for Gaza$", " (Gaza)", body) if en else body
    if event.kind == "relations":
        milestone, term = event.detail.get("milestone"), event.detail.get("term")
        if event.detail.get("lead_words", 0) > MILESTONE_LEAD_WORDS:
            milestone = None  # (told of, not stated: "Bush đề nghị … lộ trình từng bước bình thường hóa")
        if milestone in ("establish", "upgrade") and term:
            return glossary()["terms"].get(term, term) if en else term
        return _say("labels", language)[milestone if milestone in ("normalise", "lift") else "relations"]
    if event.kind in QUOTED_KINDS:
        label = glossary()["kinds"][event.kind][0 if en else 1]
        return f"{label}: {', '.join(_person_names(event.actors[:2]))}" if event.actors else label
    names = list(event.actors[1:])
    kind = glossary()["kinds"].get(event.kind, [event.kind, event.kind])[0 if en else 1]
    if len(names) > 2:
        return _say("labels", language)["leaders"].format(kind=kind, count=len(names))
    if not names:
        counterpart = _meeting_object(event, language) if event.kind == "meeting" else None
        names = [counterpart] if counterpart else event.actors[:1]
    people = _person_names(names)
    return f"{kind}: {', '.join(people)}" if people else kind


def _person_names(labels: list[str]) -> list[str]:
    """People by name alone ("Tổng Bí thư Tô Lâm" → "Tô Lâm"), for short labels."""
    return [find_people(n)[0].name if find_people(n) and find_people(n)[0].name else n for n in labels]


def _section(title: str, sentences: list[str]) -> list[str]:
    """A heading and its paragraph; text from the articles is HTML-escaped, and a dollar sign
    escaped for Markdown (two amounts in dollars would read as TeX between them)."""
    return [f"## {title}", "", html.escape(" ".join(sentences), quote=False).replace("$", "\\$"), ""]


def _cited(sentence: str, citation: str) -> str:
    """A sentence with its sources before the full stop ("… Washington, D.C. (a.txt)." keeps
    the abbreviation's stop)."""
    body = sentence if re.search(r"\b[A-Z]\.[A-Z]\.$", sentence) else sentence[:-1]
    return f"{body} {citation}."


def narrate(events: list[Event], figures=(), language: str = "en") -> str:
    """The timeline as Markdown: a heading and a paragraph per era, each sentence cited.

    Text from the articles is HTML-escaped, so a page rendering the Markdown never runs it.
    """
    if language not in ("en", "vi"):
        raise ValueError(f"language must be 'en' or 'vi', not {language!r}")
    figures = list(figures)
    stock = _stock_sentences(figures, language)
    trade = [(date_key(period_as_date(period)), _cited(_trade_sentence(found, period, language), f"({article})"))
             for article, period, found in trade_reports(figures)]
    say = _say("sentences", language)
    if not events and not stock and not trade:
        return f"# {say['title']}\n\n{say['no_events']}\n"
    lines = [f"# {say['title']}", ""]
    eras = assign_eras(events)
    past = [era for era in eras if era.key != "ahead"]
    if trade and not past:  # (figures, but no event: the trade alone, in its own section)
        past = [Era("events")]
        eras = past + eras
    sections: dict[int, list[tuple]] = {id(era): [] for era in eras}
    for era in eras:
        for index, event in enumerate(era.members):
            sentence = summarise(event, language, era.members[index - 1] if index else None)
            sections[id(era)].append((date_key(event.date), _cited(sentence, cite(event))))
    for key, text in trade:  # the trade each article reports, in the era of its period
        era = next((era for era in reversed(past) if era.key != "milestone" or date_key(era.milestone.date) <= key), past[0])
        sections[id(era)].append((key, text))
    for era in eras:
        if era.key == "ahead" and stock:
            lines += _section(say["investment_section"], [text for _, text in stock])
        told = sorted(sections[id(era)], key=lambda pair: pair[0])
        if told:
            title = era_title(era, language) if era.members or era.key != "events" else say["trade_section"]
            lines += _section(title, [text for _, text in told])
    if stock and not any(era.key == "ahead" for era in eras):
        lines += _section(say["investment_section"], [text for _, text in stock])
    return "\n".join(lines).rstrip() + "\n"
