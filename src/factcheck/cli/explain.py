"""``factcheck explain``: why each sentence gave the claims it gave (for rule authors)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from .common import add_rules_option


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``explain`` with its options."""
    p = subparsers.add_parser(
        "explain", help="show how the rules read a sentence",
        description="For each sentence of TEXT (or of FILE, or of line LINE of FILE): the "
        "numbers found, the masked sentence the patterns see, every pattern of every rule "
        "and what it matched, the unless vetoes, the claims made with their context (event, "
        "period, side, subgroup, source and the words behind each) and why a count was not "
        "claimed.")
    p.add_argument("target", metavar="TEXT|FILE[:LINE]",
                   help="a sentence, or a file (optionally one line of it, counted from 1)")
    p.add_argument("--lang", choices=("it", "en", "auto"), default="auto",
                   help="language of the text (default: from the file header, else detected)")
    p.add_argument("--rule", action="append", metavar="ID", dest="only",
                   help="show only this rule (e.g. it/deaths); repeat for more")
    p.add_argument("-m", "--matches-only", action="store_true",
                   help="hide rules and patterns that matched nothing")
    p.add_argument("-v", "--verbose", action="store_true", help="print each pattern's source")
    add_rules_option(p)
    p.set_defaults(func=run)


def _is_file(name: str) -> bool:
    """Does ``name`` name an existing file? A sentence too long or odd to be a path is not one
    (the OS refuses it: "File name too long")."""
    try:
        return "\n" not in name and Path(name).is_file()
    except (OSError, ValueError):
        return False


def _split_target(target: str) -> tuple[Path, int | None] | None:
    """(file, line) when ``target`` names an existing file, optionally ``FILE:LINE``."""
    if _is_file(target):
        return Path(target), None
    head, sep, tail = target.rpartition(":")
    if sep and tail.isdigit() and _is_file(head):
        return Path(head), int(tail)
    return None


def _read(target: str, lang: str, root: Path | None = None):
    """(text, lang, prose regions or None, doc id, the article or None) of the target."""
    from ..articles import decode, detect_language, parse_article
    from ..errors import FactcheckError

    found = _split_target(target)
    if found is None:
        return (target, (detect_language(target, root) if lang == "auto" else lang), None, "<text>",
                None)
    path, line = found
    try:
        text = decode(path.read_bytes(), str(path))
    except OSError as exc:
        raise FactcheckError(f"{path}: {exc.strerror or exc}") from None
    if line is not None:
        lines = text.splitlines()
        if not 1 <= line <= len(lines):
            raise FactcheckError(f"{path} has {len(lines)} line(s); there is no line {line}")
        one = lines[line - 1]
        return (one, (detect_language(text, root) if lang == "auto" else lang), None,
                f"{path}:{line}", None)
    article = parse_article(text, path.name, str(path), root=root)
    lang = article.lang if lang == "auto" else lang
    return text, lang, article.regions, str(path), replace(article, id=str(path), lang=lang)


def run(args: argparse.Namespace) -> int:
    """Explain every sentence of the target that holds a number."""
    from ..explain import explain_text, render, unmatched_rules
    from ..config import load_config

    ruleset = load_config(args.rules).ruleset
    if args.only:
        known = {r.id for r in ruleset.rules}
        unknown = [r for r in args.only if r not in known]
        if unknown:
            print(f"factcheck: error: unknown rule {', '.join(unknown)} "
                  f"(rules: {', '.join(sorted(known))})", file=sys.stderr)
            return 2
    text, lang, regions, doc, article = _read(args.target, args.lang, ruleset.root)
    found = explain_text(text, lang, ruleset, doc, regions, args.only, article=article)
    sys.stdout.write(render(found, args.verbose, args.matches_only))
    if args.only:
        missed = unmatched_rules(found, ruleset, args.only)
        if missed:
            sys.stdout.write("\n" + "\n".join(missed) + "\n")
    return 0
