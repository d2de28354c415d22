"""Options and helpers shared by several subcommands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import FactcheckError
from ..output import check_output_path, write_atomic

DEFAULT_INPUT = "seeds"


def add_rules_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--rules", metavar="DIR", default=None,
                   help="rules folder (default: the project's rules/, or $FACTCHECK_RULES)")


def add_jobs_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                   help="worker processes for large folders (default: all cores)")


def default_paths(paths: list[str]) -> list[str]:
    """The given paths, or the embedded default ``seeds/`` (an error if it is not here)."""
    if paths:
        return paths
    if not Path(DEFAULT_INPUT).is_dir():
        raise FactcheckError(f"no PATH given and no {DEFAULT_INPUT}/ folder here; "
                             "run from the project folder or name the articles to read")
    return [DEFAULT_INPUT]


def emit(text: str, out: Path | None) -> None:
    """Write to ``out`` atomically, or to stdout."""
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(out, text)
        print(f"factcheck: wrote {out}", file=sys.stderr)


__all__ = ["add_rules_option", "add_jobs_option", "default_paths", "emit", "check_output_path"]
