"""`factcheck numbers`: every number in a text, as kind, value and interval (a table for people)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from .common import add_rules_option

COLUMNS = ("span", "kind", "value", "low", "high", "qualifier", "ambiguous")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("numbers", help="show every number in a text and how it is read",
                       description="Read every number in TEXT (or in each line of stdin when no "
                                   "TEXT is given) and print its span, kind, value, interval, "
                                   "qualifier and whether its separators were ambiguous.")
    p.add_argument("texts", nargs="*", metavar="TEXT", help="text to read (default: stdin, "
                                                              "one text per line)")
    p.add_argument("--lang", choices=("it", "en", "auto"), default="auto",
                   help="language of the text (default: auto, detected per text)")
    add_rules_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..numbers import find_quantities

    root = _rules_folder(args.rules)
    texts = list(args.texts) if args.texts else _stdin_lines()
    rows: list[list[str]] = []
    many = len(texts) > 1
    for n, text in enumerate(texts, 1):
        lang = _language(text, args.lang, root)
        for q in find_quantities(text, lang, root):
            row = [_span(q.text), q.kind, _fmt(q.value), _fmt(q.low, q.low_exclusive, "("),
                   _fmt(q.high, q.high_exclusive, ")"), q.qualifier, "yes" if q.ambiguous else ""]
            rows.append(([str(n)] if many else []) + row)
    header = (["line"] if many else []) + list(COLUMNS)
    sys.stdout.write(format_table(header, rows))
    sys.stdout.flush()
    if not rows:
        print("factcheck: no numbers found", file=sys.stderr)
    return 0


def _stdin_lines() -> list[str]:
    """Non-empty lines of stdin, decoded like article files (UTF-8, then cp1252)."""
    from ..articles import SkipFile, decode
    from ..errors import FactcheckError

    stream = sys.stdin
    if stream is None or (hasattr(stream, "isatty") and stream.isatty()):
        raise FactcheckError("no TEXT given and nothing on stdin; "
                             "pass a text, e.g. factcheck numbers 'oltre 6.500 morti'")
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        try:
            data = decode(buffer.read(), "<stdin>")
        except SkipFile as exc:
            raise FactcheckError(f"stdin: {exc}") from None
    else:
        data = stream.read()
    return [line for line in data.splitlines() if line.strip()]


def _rules_folder(rules: str | None) -> Path | None:
    """The folder ``--rules`` names, None for the one in use. Only its number words and stop
    words are read (a folder without them reads the default's, as for every command), so a
    mistyped folder is an error here rather than a silent fallback to the default."""
    if rules is None:
        return None
    from ..errors import FactcheckError

    root = Path(rules).expanduser()
    if not root.is_dir():
        raise FactcheckError(f"--rules {rules}: no such folder")
    return root


def _language(text: str, choice: str, root: Path | None = None) -> str:
    if choice != "auto":
        return choice
    from ..articles import detect_language

    return detect_language(text, root)


def _span(text: str) -> str:
    # keep one row per number: a span may hold a newline or a no-break space
    return " ".join(text.split())


def _fmt(x: float | None, exclusive: bool = False, mark: str = "") -> str:
    """6500.0 -> "6500", 6.5 -> "6.5", None -> "open"; an excluded bound gets its bracket."""
    if x is None:
        return "open"
    s = str(int(x)) if float(x).is_integer() else f"{x:.6g}"
    if exclusive:
        s = f"{mark}{s}" if mark == "(" else f"{s}{mark}"
    return s


def format_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """An aligned plain-text table: columns padded to their widest cell, numbers right-aligned."""
    rows = [list(r) for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    right = {i for i, h in enumerate(header) if h in ("line", "value", "low", "high")}

    def line(cells: Sequence[str]) -> str:
        parts = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))]
        return "  ".join(parts).rstrip()

    out = [line(header), line(["-" * w for w in widths])]
    out.extend(line(r) for r in rows)
    return "\n".join(out) + "\n"
