"""A synthetic corpus for the benchmarks: articles assembled from the seeds' sentences with
their digits varied (so every article differs), written to a folder. Deterministic."""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def seed_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted(SEEDS.glob("*.txt")):
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            block = block.strip()
            if len(block) > 80 and not block.startswith("date "):
                paragraphs.append(block)
    return paragraphs


def vary_digits(text: str, rng: random.Random) -> str:
    """Change digits but keep dates valid: days 1–28, months 1–12, years 1995–2027."""

    def replace(match: re.Match) -> str:
        token = match.group(0)
        if len(token) == 4 and token.startswith(("19", "20")):
            return str(rng.randint(1995, 2027))
        if len(token) <= 2:
            return str(rng.randint(1, 12))
        return str(rng.randint(10 ** (len(token) - 1), 10 ** len(token) - 1))

    return re.sub(r"\d+", replace, text)


def article(rng: random.Random, paragraphs: list[str], size: int = 12) -> str:
    year = rng.randint(2020, 2026)
    header = f"date {year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n\nChính trị\n\nQuan hệ Việt Nam - Mỹ\n\n"
    body = "\n\n".join(vary_digits(p, rng) for p in rng.sample(paragraphs, min(size, len(paragraphs))))
    return header + body + "\n"


def write_corpus(folder: Path, count: int, seed: int = 1995) -> int:
    """Write ``count`` articles into ``folder``; returns the bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paragraphs = seed_paragraphs()
    total = 0
    for index in range(count):
        data = article(rng, paragraphs).encode("utf-8")
        (folder / f"{index:06d}.txt").write_bytes(data)
        total += len(data)
    return total
