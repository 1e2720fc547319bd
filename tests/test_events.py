"""Events of the seeds, the cross-article merge, and the narration in both languages."""

import re
from decimal import Decimal

import pytest

from analysis.extraction.actors import find_people, translate_actor
from analysis.extraction.events import extract_events
from analysis.extraction.figures import extract_figures
from analysis.extraction.publication import publication
from analysis.presentation.narrate import event_record
from analysis.presentation.narrate import narrate as _narrate

from .conftest import article

A0, A3 = "000_36939d321209eacf.txt", "003_5d7ab7d5d119b6c6.txt"


def narrate(events, figures=(), language="en"):
    """The story as a reader sees it rendered (the Markdown escapes its dollar signs)."""
    story = _narrate(events, figures, language)
    assert "$" not in story.replace("\\$", "")  # every dollar sign escaped
    return story.replace("\\$", "$")
NINE = [
    "Tổng thống Indonesia Prabowo Subianto", "Tổng thống Uzbekistan Shavkat Mirziyoyev", "Tổng thống Azerbaijan Ilham Aliyev",
    "Tổng thống Kazakhstan Kassym-Jomart Tokayev", "Thủ tướng Campuchia Hun Manet", "Thủ tướng Armenia Nikol Pashinyan",
    "Thủ tướng Hungary Viktor Orban", "Thủ tướng Pakistan Shehbaz Sharif", "Phó Thủ tướng kiêm Ngoại trưởng Czech Petr Macinka",
]
TBT = "Tổng Bí thư Tô Lâm"

# date, granularity, kind, status, actors, places, articles (the trade figures and the investment
# interest of 2025 are reports, not events: the story tells them from the figures)
EXPECTED = [
    ("1995-07", "month", "relations", "happened", [], [], [A0]),
    ("2013-07", "month", "relations", "happened", [], [], [A0]),
    ("2023-09", "month", "relations", "happened", [], [], [A0]),
    ("2024-09", "month", "visit", "happened", ["Bộ trưởng Quốc phòng Phan Văn Giang"], ["Mỹ"], [A0]),
    ("2025-11", "month", "visit", "happened", ["Bộ trưởng Bộ Chiến tranh Pete Hegseth"], ["Việt Nam"], [A0]),
    ("2026-02-18", "day", "visit", "happened", [TBT], ["sân bay quân sự Andrews", "Mỹ"], [A0]),  # its arrival
    ("2026-02-19", "day", "meeting", "happened", [TBT], [], [A0, A3]),  # Board of Peace for Gaza, in both articles
    ("2026-02-19", "day", "meeting", "happened", [TBT, "Trưởng đại diện Thương mại Mỹ Jamieson Greer"], ["Washington DC"], [A3]),
    ("2026-02-19", "day", "meeting", "happened", [TBT, *NINE], [], [A3]),
    ("2026-02-19", "day", "call", "happened", [TBT, "nguyên thượng nghị sĩ Mỹ Patrick Leahy"], [], [A3]),
    ("2026-02-19", "day", "meeting", "happened", [TBT], ["Mỹ"], [A3]),  # the Vietnamese community
    ("2027", "year", "meeting", "planned", [TBT, "Tổng thống Donald Trump"], ["Việt Nam"], [A3]),
]


def test_seed_timeline_exactly(article_000, article_003):
    events = extract_events([article_000, article_003])
    got = [(e.date, e.granularity, e.kind, e.status, e.actors, e.places, e.articles) for e in events]
    assert got == EXPECTED
    assert events[6].subject == "Hội đồng Hòa bình về Gaza"
    assert events[-1].subject == "Tuần lễ cấp cao APEC"
    # every source offset points into its article
    texts = {A0: article_000.text, A3: article_003.text}
    for event in events:
        for source in event.sources:
            assert 0 <= source["start"] < source["end"] <= len(texts[source["article"]])


def test_board_of_peace_merged_keeps_both_sources(article_000, article_003):
    alone = [e for e in extract_events([article_000]) if e.subject == "Hội đồng Hòa bình về Gaza"]
    assert len(alone) == 1 and alone[0].status == "planned" and alone[0].inferred  # "sẽ tham dự", undated
    merged = [e for e in extract_events([article_000, article_003]) if e.subject == "Hội đồng Hòa bình về Gaza"]
    assert len(merged) == 1
    event = merged[0]
    assert (event.date, event.status, event.kind) == ("2026-02-19", "happened", "meeting")
    assert [s["article"] for s in event.sources] == [A0, A3]


def test_json_record_keys(article_003):
    record = event_record(extract_events([article_003])[0], "en")
    assert list(record) == ["date", "granularity", "inferred", "kind", "status", "actors", "places", "summary", "sentence", "sources"]
    assert list(record["sources"][0]) == ["article", "start", "end"]


def test_english_events():
    text = "On Feb. 19, 2026, President Donald Trump met General Secretary Tô Lâm in Washington. In July 1995, the two countries normalised relations."
    events = extract_events([article(text, "en.txt")])
    assert [(e.date, e.kind) for e in events] == [("1995-07", "relations"), ("2026-02-19", "meeting")]


def test_people_titles_as_written():
    people = find_people("Đón đoàn có Đại sứ Việt Nam tại Mỹ Nguyễn Quốc Dũng và Tổng thống Mỹ Donald Trump.")
    assert [(p.title, p.name) for p in people] == [("Đại sứ Việt Nam tại Mỹ", "Nguyễn Quốc Dũng"), ("Tổng thống Mỹ", "Donald Trump")]
    assert translate_actor("Tổng thống Indonesia Prabowo Subianto") == "President Prabowo Subianto of Indonesia"
    assert translate_actor("nguyên thượng nghị sĩ Mỹ Patrick Leahy") == "former US Senator Patrick Leahy"


def test_lower_case_starts_are_all_lower_case():
    from analysis.extraction.actors import LOWER_CASE_STARTS

    letters = re.sub(r"(.)-(.)", lambda m: "".join(map(chr, range(ord(m[1]), ord(m[2]) + 1))), LOWER_CASE_STARTS)
    assert letters and all(letter.islower() and not letter.isupper() for letter in letters)


@pytest.mark.parametrize("text, expected", [
    ("Tổng thống Đức Frank-Walter Steinmeier phát biểu.", [("Tổng thống Đức", "Frank-Walter Steinmeier")]),
    ("Đại sứ Mỹ tại Việt Nam Marc Knapper nói.", [("Đại sứ Mỹ tại Việt Nam", "Marc Knapper")]),
    ("Tổng thống Donald Trump tại Nhà Trắng.", [("Tổng thống", "Donald Trump")]),  # a posting after a name ends it
    ("Thủ tướng Nguyễn Văn A. B. C. dự họp.", [("Thủ tướng", "Nguyễn Văn A")]),
    ("Tổng thống George W. Bush thăm Việt Nam.", [("Tổng thống", "George W. Bush")]),  # an initial before a name
    ("Cựu Bộ trưởng Quốc phòng Robert S. McNamara thăm Việt Nam.", [("Cựu Bộ trưởng Quốc phòng", "Robert S. McNamara")]),
    ("Chủ tịch Quốc hội 2026 Ông B.", [("Chủ tịch Quốc hội", None)]),  # a number ends the name
    ("Tổng Bí thư Tô Lâm\u00a0Hà Nội", [("Tổng Bí thư", "Tô Lâm")]),  # words are one plain space apart
    ("Tổng Bí thư", [("Tổng Bí thư", None)]),
    ("Bộ trưởng Thương mại Mỹ tại.Hội nghị", [("Bộ trưởng Thương mại Mỹ", None)]),
])
def test_people_words_after_the_title(text, expected):
    assert [(p.title, p.name) for p in find_people(text)] == expected
    for person in find_people(text):
        assert text[person.start : person.end] == person.label


def _story(article_000, article_003, language):
    events = extract_events([article_000, article_003])
    figures = extract_figures(article_000) + extract_figures(article_003)
    return events, narrate(events, figures, language)


def test_narration_english(article_000, article_003):
    events, story = _story(article_000, article_003, "en")
    assert story.startswith("# Vietnam–US relations: a timeline\n")
    assert [line for line in story.splitlines() if line.startswith("## ")] == [
        # (eras opened by the milestones the events tell)
        "## Normalisation (1995–2013)", "## Comprehensive Partnership (2013–2023)", "## Comprehensive Strategic Partnership (since 2023)",
        "## Investment positions", "## What lies ahead",
    ]
    # each event once, in date order, with its citation
    cues = ["normalised diplomatic relations", "Comprehensive Partnership", "Comprehensive Strategic Partnership",
            "Phan Văn Giang visited", "Pete Hegseth visited", "two-way trade reached $15.8 bn",
            "arrived at Joint Base Andrews", "Board of Peace for Gaza", "Jamieson Greer", "Petr Macinka",
            "Patrick Leahy", "Vietnamese community", "APEC Economic Leaders' Week"]
    positions = [story.index(cue) for cue in cues]
    assert positions == sorted(positions) and all(story.count(cue) == 1 for cue in cues[3:])
    assert len(events) == len(cues) - 1  # (the trade of January 2026 is told from the figures)
    assert story.count(f"({A0}; {A3})") == 1
    assert "surplus of $12 bn, up 28.6% on a year earlier" in story
    assert "11th of 108" in story and "about 1,409 projects" in story and "nearly $1.3 bn" in story
    paragraphs = [line for line in story.splitlines() if line and not line.startswith("#")]
    for paragraph in paragraphs:
        for sentence in re.split(r"(?<=\.)\s+(?=[A-Z])", paragraph):
            assert re.search(r"\((?:\d{3}_[0-9a-f]+\.txt(?:; )?)+\)\.$", sentence), sentence
    # names keep their diacritics; no Vietnamese title left untranslated
    assert "Tô Lâm" in story and "Phan Văn Giang" in story
    for title in ("Tổng Bí thư", "Tổng thống", "Thủ tướng", "Bộ trưởng", "Đại sứ", "thượng nghị sĩ", "Hội đồng", "Đối tác"):
        assert title not in story


def test_narration_vietnamese(article_000, article_003):
    _, story = _story(article_000, article_003, "vi")
    assert story.startswith("# Quan hệ Việt Nam – Mỹ: dòng thời gian\n")
    assert "Tháng 7/1995, Việt Nam và Mỹ bình thường hóa quan hệ ngoại giao" in story
    assert "tổng kim ngạch thương mại hai chiều đạt 15,8 tỷ USD" in story
    # (the seeds state no publication date: a year they leave unwritten is marked as inferred)
    assert "Ngày 19/2/2026 (năm suy đoán), Tổng Bí thư tham dự cuộc họp khai mạc Hội đồng Hòa bình về Gaza" in story
    assert "Năm 2027, dự kiến diễn ra Tuần lễ cấp cao APEC tại Việt Nam" in story


def test_narration_without_events():
    assert "No dated events" in narrate([], [], "en")


def test_english_article_end_to_end():
    text = (
        "Vietnam, US agree to boost trade ties\n\n"
        "On Oct. 26, 2025, Prime Minister Pham Minh Chinh met President Donald Trump in Kuala Lumpur. "
        "Two-way trade reached $149.7 billion in 2024, up 20% year-on-year, while Vietnam's trade surplus with the US hit $123.5 billion.\n\n"
        "Trump is expected to attend the APEC Economic Leaders' Week in Vietnam in 2027."
    )
    source = article(text, "en.txt", published="2025-10-28")
    events = extract_events([source])
    assert [(e.date, e.kind, e.status, e.actors) for e in events] == [
        ("2025-10-26", "meeting", "happened", ["Prime Minister Pham Minh Chinh", "President Donald Trump"]),
        ("2027", "meeting", "planned", []),
    ]  # (the trade of 2024 is a report of figures, told from them)
    story = narrate(events, extract_figures(source), "en")
    assert "In 2024, two-way trade reached $149.7 bn, up 20% on a year earlier; Vietnam's surplus with the US was $123.5 bn (en.txt)." in story
    assert "Prime Minister Pham Minh Chinh met President Donald Trump in Kuala Lumpur (en.txt)." in story


def test_a_visit_that_upgrades_relations_gives_both_events():
    text = "President Joe Biden visited Hanoi on Sept. 10-11, 2023, when the two countries upgraded ties to a Comprehensive Strategic Partnership."
    events = extract_events([article(text, "en.txt", published="2023-09-20")])
    assert [(e.date, e.kind, e.actors, e.places) for e in events] == [
        ("2023-09-10/2023-09-11", "relations", ["President Joe Biden"], ["Hanoi"]),
        ("2023-09-10/2023-09-11", "visit", ["President Joe Biden"], ["Hanoi"]),
    ]
    story = narrate(events, [], "en")
    assert "From 10 to 11 September 2023, the two countries upgraded their relations to a Comprehensive Strategic Partnership (en.txt)." in story
    assert "President Joe Biden visited Hanoi (en.txt)." in story


def test_planned_visit_reads_in_the_future():
    events = extract_events([article("Tháng 5/2027, Tổng thống Mỹ Donald Trump sẽ thăm Việt Nam.", "p.txt", published="2026-02-20")])
    assert [(e.date, e.kind, e.status, e.places) for e in events] == [("2027-05", "visit", "planned", ["Việt Nam"])]
    assert event_record(events[0], "en")["summary"] == "In May 2027, US President Donald Trump is expected to visit Vietnam."
    assert event_record(events[0], "vi")["summary"] == "Tháng 5/2027, Tổng thống Mỹ Donald Trump dự kiến thăm Việt Nam."


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Tháng 11/2000, Tổng thống Bill Clinton thăm Việt Nam.", "2025-07-12", ("2000-11", "visit", "In November 2000, President Bill Clinton visited Vietnam.")),
        # (no one named: the clause is quoted, not retold)
        ("The two leaders spoke by phone on March 29.", "2025-04-02", ("2025-03-29", "call", "On 29 March 2025, a call: “The two leaders spoke by phone on March 29”.")),
        ("Dự kiến, Thủ tướng Phạm Minh Chính sẽ tham dự Hội nghị Thượng đỉnh G20 tại Nam Phi vào tháng 11/2025.", "2025-10-01",
         ("2025-11", "meeting", "In November 2025, the G20 Summit is planned in South Africa, with Prime Minister Phạm Minh Chính expected to attend.")),
    ],
)
def test_events_from_other_articles(text, published, expected):
    (event,) = extract_events([article(text, "x.txt", published=published)])
    assert (event.date, event.kind, event_record(event, "en")["summary"]) == expected


def test_wire_story_without_header():
    text = (
        "Vietnam's exports to U.S. surge\n\nBy Khanh Vu\n\n"
        "HANOI, March 6 (Reuters) - Vietnam's exports to the United States jumped 26.3% in February from a year earlier to $9.1 billion, "
        "while its trade surplus with the U.S. widened to about $7.9 billion.\n\n"
        "U.S. President Donald Trump met Vietnamese Communist Party chief To Lam on Feb. 19, 2026 in Washington.\n"
    )
    source = article(text, "wire.txt", published=None)
    assert source.language == "en" and publication(source).date == "2026-03-06" and source.outlet == "Reuters"
    assert [(f.metric, f.value, f.period, f.direction) for f in extract_figures(source)] == [
        ("growth", Decimal("26.3"), "2026-02", "VN->US"), ("exports", 9_100_000_000, "2026-02", "VN->US"), ("trade_surplus", 7_900_000_000, "2026-02", "VN->US")]
    story = narrate(extract_events([source]), extract_figures(source), "en")
    assert ("In February 2026, Vietnam's exports to the US came to $9.1 bn, up 26.3% on a year earlier; "
            "Vietnam's surplus with the US was about $7.9 bn (wire.txt).") in story
    assert "On 19 February 2026, Communist Party chief To Lam met President Donald Trump in Washington (wire.txt)." in story


def test_comparison_years_date_nothing_and_half_years_are_spans():
    text = ("Năm 2024, xuất khẩu sang Mỹ đạt 119,5 tỷ USD, tăng 23,3% so với năm 2023.\n\n"
            "Trong 6 tháng đầu năm 2025, kim ngạch thương mại hai chiều đạt 83,6 tỷ USD.")
    source = article(text, "vn.txt", published="2025-07-10")
    assert extract_events([source]) == []  # figures reported are no events
    figures = extract_figures(source)
    assert [(f.metric, f.period) for f in figures] == [("exports", "2024"), ("growth", "2024"), ("trade_total", "2025-H1")]
    story = narrate([], figures, "en")  # the story tells each article's latest trade
    assert "From January to June 2025, two-way trade reached $83.6 bn (vn.txt)." in story and "119.5" not in story
    assert "Từ tháng 1 đến tháng 6/2025, tổng kim ngạch thương mại hai chiều đạt 83,6 tỷ USD (vn.txt)." in narrate([], figures, "vi")


US_SIDE = (
    "U.S. imports from Vietnam totaled $136.6 billion in 2024, while U.S. exports to Vietnam were just $13.1 billion.\n\n"
    "Vietnam's Deputy Prime Minister Ho Duc Phoc arrived in Washington on April 9 for talks with Commerce Secretary Howard Lutnick.\n"
)


def test_an_article_written_from_the_us_side():
    from analysis.checks import check_figures

    source = article(US_SIDE, "us.txt", published="2025-04-10")
    figures = extract_figures(source)
    assert [(f.metric, f.value, f.direction) for f in figures] == [("exports", 136_600_000_000, "VN->US"), ("imports", 13_100_000_000, "US->VN")]
    story = narrate(extract_events([source]), figures, "en")
    # "US imports from Vietnam" are Vietnam's exports to the US
    assert "In 2024, Vietnam's exports to the US came to $136.6 bn and its imports from the US to $13.1 bn (us.txt)." in story
    assert "On 9 April 2025, Deputy Prime Minister Ho Duc Phoc arrived in Washington for talks with Commerce Secretary Howard Lutnick (us.txt)." in story
    assert check_figures(figures) == []  # no total or surplus stated for 2024: nothing to check


def test_a_quoted_clause_does_not_repeat_the_date_the_sentence_opens_with():
    from analysis.presentation.narrate import _without_leading_date

    assert _without_leading_date("Ngày 3/3/1993: Tổng thống Clinton dỡ bỏ lệnh cấm vận") == "Tổng thống Clinton dỡ bỏ lệnh cấm vận"
    assert _without_leading_date("Tháng 11/2000, ông Bill Clinton thăm Việt Nam") == "ông Bill Clinton thăm Việt Nam"
    # a date that runs on into the words it dates stays
    assert _without_leading_date("January 2017 to withdraw the United States from the TPP") == "January 2017 to withdraw the United States from the TPP"
    assert _without_leading_date("Trump announced a deal") == "Trump announced a deal"


def test_events_before_a_first_partnership_are_not_said_to_precede_normalisation():
    """A folder whose first milestone is a partnership (not the 1995 normalisation) names the
    era before it by that partnership: events of 2000 are not "before normalisation"."""
    text = ("In 2000, the two countries signed a Bilateral Trade Agreement.\n\n"
            "In July 2013, Vietnam and the United States established a comprehensive partnership.")
    events = extract_events([article(text, published="2014-01-01")])
    titles = [line for line in narrate(events).splitlines() if line.startswith("## ")]
    assert titles == ["## Before the Comprehensive Partnership (2000–2013)", "## Comprehensive Partnership (since 2013)"]
    vietnamese = [line for line in narrate(events, language="vi").splitlines() if line.startswith("## ")]
    assert vietnamese[0] == "## Trước quan hệ Đối tác toàn diện (2000–2013)"
    normalised = extract_events([article("Ngày 3/2/1994, Tổng thống Clinton dỡ bỏ lệnh cấm vận thương mại đối với Việt Nam.\n\nNgày 11/7/1995, Việt Nam và Mỹ bình thường hóa quan hệ ngoại giao.",
                                         published="1996-01-01")])
    assert [line for line in narrate(normalised).splitlines() if line.startswith("## ")][0].startswith("## Before normalisation")


def test_one_event_told_in_two_languages_is_one_event_with_each_person_once():
    """Outlets write one person's title and name their own way ("Foreign Minister Bui Thanh
    Son", "Bộ trưởng Ngoại giao Bùi Thanh Sơn"): the reports of one meeting are merged, and
    the story names each person once."""
    english = article("Secretary of State Marco Rubio met Foreign Minister Bui Thanh Son in Kuala Lumpur on October 27.",
                      published="2025-11-05", name="en.txt")
    vietnamese = article("Ngày 27/10, tại Kuala Lumpur, Bộ trưởng Ngoại giao Bùi Thanh Sơn gặp Ngoại trưởng Hoa Kỳ Marco Rubio.",
                         published="2025-11-05", name="vi.txt")
    events = extract_events([english, vietnamese])
    assert len(events) == 1 and events[0].articles == ["en.txt", "vi.txt"]
    assert events[0].actors == ["Foreign Minister Bui Thanh Son", "Secretary of State Marco Rubio"]
    assert "met Secretary of State Marco Rubio in Kuala Lumpur" in narrate(events)
