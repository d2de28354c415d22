"""`factcheck check`: read articles, cross-check their figures, write the report."""

from __future__ import annotations

import argparse
import gc
import hashlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import FactcheckError
from ..paths import DB_HELP, default_db_path
from .common import (DEFAULT_INPUT, add_jobs_option, add_rules_option, check_output_path,
                     default_paths, emit, extract_reporting_skips)

if TYPE_CHECKING:
    from ..config import Config

# --fail-on LEVEL fails on findings whose verdict is at LEVEL or worse
FAIL_LEVELS = {
    "contradiction": {"contradiction"},  # the certain ones
    "possible": {"contradiction", "possible contradiction"},
    "discrepancy": {"contradiction", "possible contradiction", "dispute", "discrepancy"},
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
    p.add_argument("--against", nargs="*", metavar="PATH",
                   help="check the draft PATH against these articles (folders, files or an "
                        "archive .db, opened read-only): only findings involving the draft are "
                        f"reported. With no PATH: the archive ({DB_HELP})")
    p.add_argument("--published", metavar="DATE", type=_date_arg,
                   help="with --against: the draft's publication date (default: its header's, "
                        "else today), e.g. 2024-03-12 or '12 marzo 2024'")
    p.add_argument("--require-match", action="store_true",
                   help="with --against: exit 1 when nothing in the archive can be compared "
                        "with the draft (no shared event, metric and side), so a pipeline "
                        "never mistakes silence for agreement")
    p.add_argument("--claims", action="append", metavar="DIR_OR_FILE",
                   help="check claim rows written by `factcheck extract` (a .parquet, .jsonl or "
                        ".csv file, or a folder of them) instead of reading articles; repeatable")
    add_rules_option(p)
    add_jobs_option(p)
    p.set_defaults(func=run)


def _date_arg(value: str) -> date:
    from ..articles import parse_date

    parsed = parse_date(value)
    if parsed is None:
        raise argparse.ArgumentTypeError(f"unreadable date {value!r} (e.g. 2024-03-12)")
    return parsed[0]


def run(args: argparse.Namespace) -> int:
    """``factcheck check``: the exit code (see ``--fail-on``)."""
    # a draft check is one article and its selection from an archive: no cyclic collection
    # from start to end (~75 collections while modules load and data is first read, ~20 ms
    # of ~0.5 s, freeing ~600 objects); folders it re-reads are extracted with the collector
    # on (_against)
    with paused_gc(freeze=True) if args.against is not None else nullcontext():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    from ..config import load_config
    from ..pipeline import analyze
    from ..report import render_json, render_markdown

    claims = args.claims or []
    if claims and (args.paths or args.against is not None):
        raise FactcheckError("--claims checks claim rows: give no PATH and no --against with it")
    paths = [] if claims else default_paths(args.paths)
    out: Path | None = Path(args.output) if args.output else None
    if out is None and not args.paths and not claims:
        out = Path("reports") / f"{DEFAULT_INPUT}.{args.format}"
    draft_doc = None
    against = args.against
    if against is not None:
        if len(paths) != 1 or Path(paths[0]).is_dir():
            raise FactcheckError("--against checks one draft file: give exactly one PATH")
        against = against or [str(default_db_path())]
    elif args.published or args.require_match:
        raise FactcheckError("--published and --require-match go with --against")
    if out is not None:
        check_output_path(out, [*paths, *(against or []), *claims])

    config = load_config(args.rules)  # validated once, before any work; handed to every stage
    merged = False  # the events are merged by analyze, except where an archive merged them
    if claims:
        results = _from_claims(claims)
    elif against:
        results, merged = _against(args, config, paths, against)
        draft_doc = results[0].article.id if results and results[0].article else None
        if draft_doc is None:
            raise FactcheckError(f"{paths[0]}: the draft could not be read")
    else:
        results = extract_reporting_skips(paths, args.rules, args.jobs)
        if not results:
            raise FactcheckError(f"no readable article in {', '.join(map(str, paths))}")
    with paused_gc():  # after extraction: worker processes keep their collector
        analysis = analyze(results, draft=draft_doc, rules=config, merged=merged)
        render = render_json if args.format == "json" else render_markdown
        text = render(analysis, rules=config)
    emit(text, out)
    failing = FAIL_LEVELS[args.fail_on]
    if draft_doc is not None and args.require_match and not analysis.findings:
        print(f"factcheck: {paths[0]}: nothing to compare with (--require-match)",
              file=sys.stderr)
        return 1
    return 1 if any(f.verdict in failing for f in analysis.findings) else 0


def _from_claims(claims: list[str]) -> list:
    """Extraction results rebuilt from claim rows (nothing re-read, nothing re-extracted)."""
    from ..claimrows import read_claims

    def warn(msg: str) -> None:
        print(f"factcheck: warning: {msg}", file=sys.stderr)

    results = [r for path in claims for r in read_claims(path, warn)]
    print("factcheck: checked from claim rows: the counts no rule claimed need the articles' "
          "text and are not available from claims", file=sys.stderr)
    return results


@contextmanager
def paused_gc(freeze: bool = False) -> Iterator[None]:
    """No cyclic garbage collection inside: records are acyclic (reference counting frees
    them), and collecting while tens of thousands of them are built re-scans them all, over
    and over: ~40% of a draft checked against an archive. With ``freeze``, what is alive at
    the end is left out of later collections (``gc.freeze``) instead of being scanned by the
    first one: a one-shot command's whole heap, ~20 ms to scan, just before it exits."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            if freeze:
                gc.freeze()
            gc.enable()


@contextmanager
def collecting_gc() -> Iterator[None]:
    """Cyclic garbage collection on inside, as it was outside afterwards (work of any size
    inside a :func:`paused_gc`)."""
    was = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not was:
            gc.disable()


def _against(args: argparse.Namespace, config: Config, draft: list[str], against: list[str]):
    """The draft's results first, then the archive's (folders re-read, or a database), and
    whether their events are merged already (with a database: joined to its events)."""
    draft_results = [_read_draft(Path(draft[0]), args, config)]
    dbs = [p for p in against if str(p).endswith((".db", ".sqlite", ".sqlite3"))]
    folders = [p for p in against if p not in dbs]
    archive = []
    if folders:  # any number of articles: extracted with the collector on
        with collecting_gc():
            archive = extract_reporting_skips(folders, args.rules, args.jobs)
    if dbs:
        from ..archive import draft_events, load_results
        from ..compare import draft_needs, draft_selector
        from ..context.merge import merge_events

        # the draft (and any folder) joins the archive's events, as a merge of all of them
        # would make them; the archive's ids of those events are the groups to load
        events, keys = draft_events(dbs, [c for r in draft_results + archive for c in r.claims],
                                    config.root)
        draft_results = [replace(r, claims=tuple(merge_events(r.claims, events=events)))
                         for r in draft_results]
        archive = [replace(r, claims=tuple(merge_events(r.claims, events=events)))
                   for r in archive]
        # only the claims that can meet the draft's in a group: all a draft check compares;
        # and from one archive alone, only those that can change a finding about the draft
        claims = [c for r in draft_results for c in r.claims]
        where = draft_selector(claims, config)  # the verdicts data analyze() uses
        alone = len(dbs) == 1 and not folders
        draft_id = draft_results[0].article.id

        def choose(sketches: list) -> set[int]:
            # a copy of the draft in the archive is left out (below): it must not count here
            others = [i for i, c in enumerate(sketches) if c.doc != draft_id]
            return {others[i] for i in draft_needs(claims, [sketches[i] for i in others],
                                                    config)}

        with paused_gc():
            for db in dbs:
                archive += load_results(db, keys, where=where, choose=choose if alone else None,
                                        events=events)
    # the draft may also sit in the archive (its folder, a copy, an earlier ingest): it is
    # never its own witness
    same = _is_draft(Path(draft[0]), draft_results[0].article.id)
    archive = [r for r in archive if not same(r.article)]
    return draft_results + archive, bool(dbs)


def _read_draft(path: Path, args: argparse.Namespace, config: Config):
    """The draft's result: read as any article, dated (``--published``, its header, else
    today) before extraction so its periods and events are found like any article's."""
    from ..articles import SkipFile, has_body, read_article
    from ..pipeline import extract_article
    from ..pubdate import draft_dated

    def warn(msg: str) -> None:
        print(f"factcheck: warning: {msg}", file=sys.stderr)

    if not path.exists():
        raise FactcheckError(f"{path}: no such file or directory")
    try:
        article = read_article(path, path.name, warn, config.root)
    except SkipFile as exc:
        raise FactcheckError(f"{path}: the draft could not be read: {exc}") from None
    if not has_body(article):
        raise FactcheckError(f"{path}: the draft has no text after its header")
    article = draft_dated(article, date.today(), args.published)
    result = extract_article(article, config.ruleset, config.root)
    return replace(result, article=replace(result.article, text=""))


def _is_draft(path: Path, draft_id: str):
    """A test of whether an archive article is the draft itself: the same id, the same file,
    or a file with the same bytes (a copy)."""
    st = path.stat()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()

    def same(article) -> bool:
        if article.id == draft_id:
            return True
        try:
            # one stat per archive article (resolving its path cost ten system calls): the
            # same file has the draft's device and inode; only a file of the draft's size
            # can be a copy, and only those are hashed
            other = os.stat(article.path)
        except OSError:
            return False
        if other.st_size != st.st_size:
            return False
        if (other.st_dev, other.st_ino) == (st.st_dev, st.st_ino):
            return True
        try:
            return hashlib.sha256(Path(article.path).read_bytes()).hexdigest() == digest
        except OSError:
            return False
    return same
