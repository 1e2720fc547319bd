"""Small helpers shared by the benchmarks: timing whole commands, peak memory of a child."""

from __future__ import annotations

import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def line(name: str, value, unit: str = "", target: str | None = None) -> None:
    """Print one measured figure as ``name: value unit`` (and the target, where one applies)."""
    text = f"{name}: {value:.3g} {unit}".rstrip() if isinstance(value, float) else f"{name}: {value} {unit}".rstrip()
    print(text + (f"  (target {target})" if target else ""), flush=True)


def run(command: list[str], **kwargs) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one child process."""
    started = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    process = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, **kwargs)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if process.returncode not in (0,):
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}")
    return seconds, max(peak, before)


def median_wall(command: list[str], repeat: int = 7, **kwargs) -> float:
    run(command, **kwargs)  # warm the file cache
    return statistics.median(run(command, **kwargs)[0] for _ in range(repeat))


def paired_median_walls(commands: list[list[str]], repeat: int = 15, **kwargs) -> list[float]:
    """Median wall seconds of each command, run in turn round after round: on a shared
    machine the load drifts, and commands compared with each other should meet the same."""
    for command in commands:
        run(command, **kwargs)  # warm the file cache
    rounds = [[run(command, **kwargs)[0] for command in commands] for _ in range(repeat)]
    return [statistics.median(column) for column in zip(*rounds, strict=True)]


def child_peak_kib(command: list[str]) -> int:
    """Peak RSS of one run of ``command``, measured in a fresh wrapper process."""
    code = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([PYTHON, "-c", code, *command], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"
