"""Command line: thin commands over the library.

Each subcommand lives in its own module exposing ``register(subparsers)``,
which adds its parser and sets ``func`` to a ``run(args) -> int``.
Only this layer touches stdout, stderr and exit codes:
0 ok, 1 findings at or above ``--fail-on`` (or failing rule examples), 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from ..errors import FactcheckError

# module names under factcheck.cli, in the order shown by --help
COMMANDS = ("check", "extract", "numbers", "rules_cmd", "explain", "ingest")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors exit 2 with one line, like argparse, but ours
        self.print_usage(sys.stderr)
        print(f"factcheck: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    """The full ``factcheck`` parser with every available subcommand."""
    from .. import __version__

    parser = _Parser(
        prog="factcheck",
        description="Extract numeric claims from news articles and flag conflicting figures.",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as exc:  # a command not built yet is simply absent
            if exc.name and exc.name.endswith(f"cli.{name}"):
                continue
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``factcheck`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except FactcheckError as exc:
        for line in str(exc).splitlines() or ["unknown error"]:
            print(f"factcheck: error: {line}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `factcheck extract | head` is not an error
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
