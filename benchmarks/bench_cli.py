"""Start-up of the command line: `vnus figures seeds/ --format json` against a bare interpreter.

Target: at most 4x `python -c pass` (no pandas, matplotlib or Jupyter on that path).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import PYTHON, ROOT, line, machine, paired_median_walls  # noqa: E402


def main() -> None:
    print(f"machine: {machine()}")
    # an installed package runs from compiled bytecode; make sure it exists even where
    # PYTHONDONTWRITEBYTECODE is set, so that the figure is the one users see
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "analysis")], check=True, stdout=subprocess.DEVNULL)
    bare, vnus = paired_median_walls([[PYTHON, "-c", "pass"], [PYTHON, "-m", "analysis", "figures", str(ROOT / "seeds"), "--format", "json"]],
                                     repeat=15)
    line("python_bare_seconds", bare, "s")
    line("vnus_figures_json_seconds", vnus, "s")
    line("vnus_over_bare_ratio", vnus / bare, "x", "<= 4x")
    imports = subprocess.run([PYTHON, "-X", "importtime", "-c", "import analysis.run.cli, analysis.extraction.figures, analysis.presentation.output"],
                             capture_output=True, text=True, check=True).stderr.splitlines()
    costly = sorted((int(row.split("|")[1]), row.split("|")[2].strip()) for row in imports[1:] if row.count("|") == 2)[-5:]
    for micros, module in reversed(costly):
        line(f"import_{module.strip()}", micros / 1e3, "ms")


if __name__ == "__main__":
    main()
