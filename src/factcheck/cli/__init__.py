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

# command -> its module under factcheck.cli, in the order shown by --help
COMMANDS = {"check": "check", "extract": "extract", "numbers": "numbers", "rules": "rules_cmd",
            "explain": "explain", "ingest": "ingest", "evaluate": "evaluate", "events": "events"}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors exit 2 with one line, like argparse, but ours
        self.print_usage(sys.stderr)
        print(f"factcheck: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The ``factcheck`` parser with every available subcommand, or with command ``only``
    alone (running one command need not import and build all the others)."""
    from .. import __version__

    parser = _Parser(
        prog="factcheck",
        description="Extract numeric claims from news articles and flag conflicting figures.",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command, name in COMMANDS.items():
        if only is not None and command != only:
            continue
        try:
            module = importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as exc:  # a command not built yet is simply absent
            if exc.name and exc.name.endswith(f"cli.{name}"):
                continue
            raise
        module.register(sub)
    return parser


def _named_command(argv: list[str]) -> str | None:
    """The command when it is the first argument (the top level's own options, such as
    ``--help``, and unknown commands need the full parser)."""
    return argv[0] if argv and argv[0] in COMMANDS else None


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``factcheck`` console script."""
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(_named_command(argv))
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
