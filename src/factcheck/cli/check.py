"""`factcheck check`: read articles, cross-check their figures, write the report."""

from __future__ import annotations

import argparse
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import FactcheckError
from .common import (DEFAULT_INPUT, add_jobs_option, add_rules_option, check_output_path,
                     default_paths, emit)

# --fail-on LEVEL fails on findings whose verdict is at LEVEL or worse
FAIL_LEVELS = {
    "contradiction": {"contradiction"},
    "discrepancy": {"contradiction", "dispute", "discrepancy"},
    "never": set(),
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check", help="cross-check figures and write a report",
        description="Extract every numeric claim, group claims about the same thing and flag "
                    "conflicts. With no PATH: checks seeds/ and writes reports/seeds.md.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (.txt, .md)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write the report here (default: stdout; reports/seeds.md with no PATH)")
    p.add_argument("--format", choices=("md", "json"), default="md")
    p.add_argument("--fail-on", choices=tuple(FAIL_LEVELS), default="contradiction",
                   help="exit 1 when a finding reaches this level (default: contradiction)")
    p.add_argument("--against", nargs="+", metavar="PATH",
                   help="check the draft PATH against these articles (folders, files or an "
                        "archive .db): only findings involving the draft are reported")
    add_rules_option(p)
    add_jobs_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..pipeline import analyze, extract_paths
    from ..report import render_json, render_markdown

    paths = default_paths(args.paths)
    out: Path | None = Path(args.output) if args.output else None
    if out is None and not args.paths:
        out = Path("reports") / f"{DEFAULT_INPUT}.{args.format}"
    draft_doc = None
    if args.against:
        if len(paths) != 1 or Path(paths[0]).is_dir():
            raise FactcheckError("--against checks one draft file: give exactly one PATH")
    if out is not None:
        check_output_path(out, [*paths, *(args.against or [])])

    if args.against:
        results = _against(args, paths)
        draft_doc = results[0].article.id if results and results[0].article else None
        if draft_doc is None:
            raise FactcheckError(f"{paths[0]}: the draft could not be read")
    else:
        results = extract_paths(paths, args.rules, args.jobs)
        if not results:
            raise FactcheckError(f"no readable article in {', '.join(map(str, paths))}")
    with paused_gc():  # after extraction: worker processes keep their collector
        analysis = analyze(results, draft=draft_doc)
        text = render_json(analysis) if args.format == "json" else render_markdown(analysis)
    emit(text, out)
    failing = FAIL_LEVELS[args.fail_on]
    return 1 if any(f.verdict in failing for f in analysis.findings) else 0


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside: records are acyclic (reference counting frees
    them), and collecting while tens of thousands of them are built re-scans them all, over
    and over: ~40% of a draft checked against an archive."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _against(args: argparse.Namespace, draft: list[str]):
    """The draft's results first, then the archive's (folders re-read, or a database)."""
    from ..pipeline import extract_paths

    draft_results = extract_paths(draft, args.rules, 1, progress=False)
    if not draft_results:
        raise FactcheckError(f"{draft[0]}: the draft could not be read")
    dbs = [p for p in args.against if str(p).endswith((".db", ".sqlite", ".sqlite3"))]
    folders = [p for p in args.against if p not in dbs]
    archive = extract_paths(folders, args.rules, args.jobs) if folders else []
    if dbs:
        from ..archive import load_results
        from ..compare import draft_needs, draft_selector

        # only the claims that can meet the draft's in a group: all a draft check compares;
        # and from one archive alone, only those that can change a finding about the draft
        claims = [c for r in draft_results for c in r.claims]
        keys = {(c.metric, c.event) for c in claims}
        where = draft_selector(claims)  # the verdicts data analyze() uses
        alone = len(dbs) == 1 and not folders
        draft_id = draft_results[0].article.id

        def choose(sketches: list) -> set[int]:
            # a copy of the draft in the archive is left out (below): it must not count here
            others = [i for i, c in enumerate(sketches) if c.doc != draft_id]
            return {others[i] for i in draft_needs(claims, [sketches[i] for i in others])}

        with paused_gc():
            for db in dbs:
                archive += load_results(db, keys, where=where, choose=choose if alone else None)
    # the draft may also sit in the archive folder: keep one copy
    draft_id = draft_results[0].article.id
    archive = [r for r in archive if r.article.id != draft_id]
    return draft_results + archive
