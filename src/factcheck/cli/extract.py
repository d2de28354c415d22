"""`factcheck extract`: the claim table, one row per claim (jsonl, csv or md)."""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from .common import add_jobs_option, add_rules_option, check_output_path, default_paths, emit


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="print the claim table (one row per claim)",
                       description="Extract every numeric claim with its interval, metric, side, "
                                   "period, event and source. With no PATH: reads seeds/.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (.txt, .md)")
    p.add_argument("--format", choices=("jsonl", "csv", "md", "parquet"), default="jsonl")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    from ..paths import DB_HELP, default_db_path

    p.add_argument("--db", metavar="FILE", nargs="?", const=str(default_db_path()),
                   help="export the claims stored in this archive instead of reading articles "
                        f"(--db alone: {DB_HELP})")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="dask: extract on a Dask cluster (local workers, --jobs of them, or "
                        "--scheduler) into a folder of Parquet parts; needs "
                        "pip install 'factcheck[dask]' and --format parquet -o DIR")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: a running Dask scheduler (tcp://host:8786) "
                        "instead of a local cluster")
    add_rules_option(p)
    add_jobs_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import FactcheckError
    from ..table import COLUMNS, claim_rows, claims_frame, format_rows

    out = Path(args.output) if args.output else None
    if args.engine == "dask":
        return _dask(args, out)
    if args.scheduler:
        raise FactcheckError("--scheduler goes with --engine dask")
    if args.db:
        from ..archive import load_claims_frame

        frame = load_claims_frame(args.db)
        inputs = [args.db]
    else:
        paths = default_paths(args.paths)
        inputs = paths
        if out is not None:
            check_output_path(out, inputs)
        from .common import extract_reporting_skips

        results = extract_reporting_skips(paths, args.rules, args.jobs)
        claims = (c for r in results for c in r.claims)
        if args.format != "parquet":  # the text formats need no pandas (~0.5 s to import)
            if out is not None:
                check_output_path(out, inputs)
            emit(format_rows(claim_rows(claims), args.format), out)
            return 0
        frame = claims_frame(claims)
    if out is not None:
        check_output_path(out, inputs)
    frame = frame.reindex(columns=list(COLUMNS))
    if args.format == "parquet":
        if out is None:
            raise FactcheckError("--format parquet needs -o FILE (binary output)")
        return _parquet(frame, out)
    emit(format_frame(frame, args.format), out)
    return 0


def _dask(args: argparse.Namespace, out: Path | None) -> int:
    """``--engine dask``: the claim rows as a folder of Parquet parts."""
    import sys

    from ..engine_dask import extract_to_parquet, require_extras
    from ..errors import FactcheckError

    if args.db:
        raise FactcheckError("--engine dask reads articles, not an archive (--db)")
    if args.format != "parquet" or out is None:
        raise FactcheckError("--engine dask writes partitioned Parquet: give --format parquet "
                             "-o DIR")
    require_extras()
    paths = default_paths(args.paths)
    if any(out.resolve() == Path(p).resolve() for p in paths):
        raise FactcheckError(f"{out}: output would overwrite the input {out}; write it elsewhere")
    from ..articles import skipped_summary, unsupported_files

    unreadable: list[str] = []

    def warn(msg: str) -> None:  # as `extract` warns, then counts and names the skipped files
        print(f"factcheck: warning: {msg}", file=sys.stderr)
        if ": skipped: " in msg:
            unreadable.append(msg.split(": skipped: ")[0])

    summary = extract_to_parquet(paths, out, rules_dir=args.rules, scheduler=args.scheduler,
                                 workers=args.jobs, warn=warn)
    line = skipped_summary(unsupported_files(paths), unreadable)
    if line:
        print(f"factcheck: {line}", file=sys.stderr)
    rate = summary.bytes / 1e6 / summary.seconds if summary.seconds else 0.0
    print(f"factcheck: wrote {out}: {summary.claims} claims from "
          f"{summary.files - summary.skipped} articles ({summary.skipped} skipped) in "
          f"{summary.parts} parts, {summary.seconds:.1f} s on {summary.workers} workers "
          f"({rate:.2f} MB/s)", file=sys.stderr)
    return 0


def format_frame(frame, fmt: str) -> str:
    """The claim table as JSON lines, CSV or a Markdown table."""
    if fmt == "csv":
        return frame.to_csv(index=False, lineterminator="\n")
    # to_dict, not to_json: to_json rounds floats to 10 digits, and rows read back
    # (`check --claims`) must give the very intervals extraction made
    records = [{k: None if isinstance(v, float) and math.isnan(v) else v for k, v in r.items()}
               for r in frame.to_dict(orient="records")]
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    cols = ["doc", "text", "metric", "low", "high", "qualifier", "side", "event",
            "period_start", "period_end", "source", "rule"]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in records:
        cells = ["" if r[c] is None else str(r[c]).replace("|", "\\|").replace("\n", " ")
                 for c in cols]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _parquet(frame, out: Path) -> int:
    import io

    from ..errors import FactcheckError
    from ..output import write_atomic

    buf = io.BytesIO()
    try:
        frame.to_parquet(buf, index=False)
    except ImportError:
        raise FactcheckError("parquet export needs pyarrow: pip install 'factcheck[parquet]'") from None
    write_atomic(out, buf.getvalue())
    return 0
