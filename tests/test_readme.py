"""The README shows the charts that exist and an excerpt of the story that narrate() writes."""

import re

from analysis.extraction.events import extract_events
from analysis.extraction.figures import extract_figures
from analysis.presentation.narrate import narrate

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_embeds_the_committed_charts():
    images = re.findall(r"!\[[^\]]*\]\((figures/[^)]+)\)", README)
    assert images == ["figures/trade.png", "figures/investment.png", "figures/rankings.png", "figures/timeline.png"]
    assert all((ROOT / image).stat().st_size > 10_000 for image in images)


def test_readme_excerpt_is_what_narrate_writes(article_000, article_003):
    story = narrate(extract_events([article_000, article_003]), extract_figures(article_000), "en").replace("\\$", "$")
    excerpt = " ".join(line.lstrip("> ").strip() for line in README.split("An excerpt of the narrated timeline")[1].split("## Exploring")[0].splitlines() if line.startswith(">"))
    for sentence in re.split(r"(?<=\.\))\s+|(?<=\)\.)\s+", excerpt):
        sentence = re.sub(r"^\*\*[^*]+\*\* — ", "", sentence.strip(" …")).strip()
        if sentence:
            assert " ".join(sentence.split()) in " ".join(story.split()), sentence
    for command in ("make report", "make test", "make lab"):
        assert command in README
