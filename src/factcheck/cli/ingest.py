"""`factcheck ingest`: add articles and their claims to the archive (SQLite)."""

from __future__ import annotations

import argparse
import sys

from ..errors import FactcheckError
from .common import add_jobs_option, add_rules_option


def register(sub: argparse._SubParsersAction) -> None:
    from ..archive import BATCH_SIZE
    from ..paths import DB_HELP

    p = sub.add_parser(
        "ingest", help="store articles and their claims in the archive",
        description="Read, extract and store articles in the archive database, one transaction "
                    "per batch of files. Unchanged files are skipped, changed files replace "
                    "their claims. Check a draft against it with "
                    "`factcheck check DRAFT --against FILE.db`.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (.txt, .md)")
    p.add_argument("--db", metavar="FILE", default=None,
                   help=f"archive file (default: {DB_HELP})")
    p.add_argument("--reextract", action="store_true",
                   help="also re-extract stored articles whose claims came from other rules "
                        "(from the stored text; PATH is then optional)")
    p.add_argument("--batch", type=int, default=BATCH_SIZE, metavar="N",
                   help=f"files per transaction (default: {BATCH_SIZE})")
    p.add_argument("--claims", action="append", metavar="DIR_OR_FILE",
                   help="store claim rows written by `factcheck extract` (a folder of Parquet "
                        "parts from --engine dask, or a .parquet, .jsonl or .csv file) instead "
                        "of reading articles; repeatable")
    add_rules_option(p)
    add_jobs_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..archive import default_db_path, ingest

    if not args.paths and not args.reextract and not args.claims:
        raise FactcheckError("ingest needs at least one PATH (or --claims, or --reextract)")
    if args.batch < 1:
        raise FactcheckError(f"--batch must be at least 1, not {args.batch}")
    db = args.db or default_db_path()
    if args.claims:
        _ingest_claims(db, args.claims, args.batch)
        if not args.paths and not args.reextract:
            return 0
    summary = ingest(db, args.paths, rules_dir=args.rules, jobs=args.jobs,
                     reextract=args.reextract, batch_size=args.batch)
    print(f"factcheck: ingest {summary.line(db)}")
    if summary.stale:
        print(f"factcheck: {summary.stale} stored articles have claims from other rules; "
              f"run `factcheck ingest --reextract --db {db}` to refresh them", file=sys.stderr)
    return 0


def _ingest_claims(db, claims: list[str], batch: int) -> None:
    """Store the articles and claims of claim rows (nothing re-read or re-extracted)."""
    from ..archive import ingest_results
    from ..claimrows import read_claims

    def warn(msg: str) -> None:
        print(f"factcheck: warning: {msg}", file=sys.stderr)

    results = [r for path in claims for r in read_claims(path, warn)]
    summary = ingest_results(db, results, batch_size=batch, warn=warn)
    print(f"factcheck: ingest --claims {summary.line(db)}")
