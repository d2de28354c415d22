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


def extract_reporting_skips(paths: list[str], rules: str | None, jobs: int | None,
                            progress: bool | None = None) -> list:
    """``pipeline.extract_paths`` with, at the end, one line on stderr that counts and names
    every input skipped: unsupported files in the folders and unreadable files."""
    from ..articles import skipped_summary, unsupported_files
    from ..pipeline import extract_paths

    unreadable: list[str] = []

    def warn(msg: str) -> None:
        print(f"factcheck: warning: {msg}", file=sys.stderr)
        if ": skipped: " in msg:
            unreadable.append(msg.split(": skipped: ")[0])

    results = extract_paths(paths, rules, jobs, warn=warn, progress=progress)
    line = skipped_summary(unsupported_files(paths), unreadable)
    if line:
        print(f"factcheck: {line}", file=sys.stderr)
    return results


def emit(text: str, out: Path | None) -> None:
    """Write to ``out`` atomically, or to stdout."""
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(out, text)
        print(f"factcheck: wrote {out}", file=sys.stderr)


__all__ = ["add_rules_option", "add_jobs_option", "default_paths", "emit", "check_output_path",
           "extract_reporting_skips"]
