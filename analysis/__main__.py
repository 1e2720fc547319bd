import sys

from .run.cli import run

sys.exit(run())
