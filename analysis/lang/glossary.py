"""The glossary data file (titles, bodies, terms, countries, places and their English names),
and word lists built from it as fast regular expressions.

Its own module so that reading figures needs the country names without loading the people
and place finders.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

GLOSSARY_PATH = Path(__file__).with_name("glossary.json")


@lru_cache(maxsize=1)
def glossary() -> dict:
    """The glossary data file (titles, bodies, terms, countries, places)."""
    return json.loads(GLOSSARY_PATH.read_text(encoding="utf-8"))


def trie_pattern(words) -> str:
    """One regex for many words, factored by common prefixes: faster to compile and to match
    than a flat alternation, and, like a longest-first alternation, it tries longer words first."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if optional else body

    return build(trie)
