"""Extraction on Dask: the pipeline's own per-file extraction mapped over a bag of files.

Extraction is independent per article, so a corpus too big for one machine is split into
partitions of files that Dask schedules on a local cluster (the default) or on a cluster
whose scheduler address is given. Each partition runs the very worker function
``factcheck extract --jobs N`` runs (:func:`factcheck.pipeline._extract_file`) and comes
back as an Arrow table of claim rows with the schema of :mod:`factcheck.claimrows`; this
process writes each as one Parquet part (``part-00000.parquet``, ...) in file order, so
reading the folder back gives the rows of ``extract --jobs 1`` in the same order.

Dask (``dask[bag]``, ``distributed``) and pyarrow are optional extras:
``pip install -e '.[dask]'``. Workers need factcheck installed and the rules folder at the
same path (the default rules travel with the package).
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .claimrows import ARTICLES_DIR
from .errors import FactcheckError

MISSING_EXTRAS = ("--engine dask needs the dask extras: pip install 'factcheck[dask]' "
                  "(dask[bag], distributed, pyarrow)")
# files per partition: big enough that scheduling costs nothing next to extraction (about
# a second of work per typical partition), small enough that progress moves and a lost
# worker loses little
PARTITION_FILES = 200
MANIFEST = "_factcheck.json"  # written last: a folder without it is not a finished table


@dataclass(frozen=True)
class DaskSummary:
    """What a Dask extraction did."""

    files: int
    skipped: int
    claims: int
    parts: int
    bytes: int
    seconds: float
    workers: int


def require_extras() -> None:
    """Raise a one-line FactcheckError when dask, distributed or pyarrow is missing."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        raise FactcheckError(MISSING_EXTRAS) from None


def expand_paths(paths: Sequence[str]) -> list[str]:
    """The paths with shell-style globs (``corpus/2024-*``) expanded, in sorted order; a glob
    that matches nothing is an error naming it."""
    out: list[str] = []
    for p in paths:
        if not os.path.exists(p) and glob.has_magic(p):
            found = sorted(glob.glob(p, recursive=True))
            if not found:
                raise FactcheckError(f"{p}: no file or folder matches")
            out += found
        else:
            out.append(p)
    return out


def _extract_partition(jobs: list[tuple[str, str]], rules: str | None) -> dict:
    """Dask task: the pipeline's worker function over one partition of ``(path, doc)``
    jobs. Unreadable files and failed extractions come back as warnings, never as a failed
    task; only bad rules (every file would fail) stop the job."""
    from .claimrows import arrow_table, article_table
    from .pipeline import _extract_file, init_worker

    init_worker(rules)  # the rules are loaded once per process and reused while unchanged
    claims, articles, warnings, skipped, size = [], [], [], 0, 0
    for path, doc in jobs:
        try:
            size += os.path.getsize(path)
            outcome = _extract_file((path, doc))
        except FactcheckError:
            raise
        except Exception as exc:  # noqa: BLE001  one bad article must not fail the job
            outcome = f"{path}: skipped: extraction failed: {type(exc).__name__}: {exc}"
        if isinstance(outcome, str):
            warnings.append(outcome)
            skipped += 1
            continue
        result, file_warnings = outcome
        warnings += file_warnings
        claims += result.claims
        articles.append(result.article)
    return {"table": arrow_table(claims), "articles": article_table(articles),
            "warnings": warnings, "files": len(jobs),
            "skipped": skipped, "bytes": size}


def extract_to_parquet(paths: Sequence[str], out_dir: str | os.PathLike, *,
                       rules_dir: str | os.PathLike | None = None, scheduler: str | None = None,
                       workers: int | None = None, partition_files: int = PARTITION_FILES,
                       warn: Callable[[str], None] | None = None,
                       progress: bool | None = None) -> DaskSummary:
    """Extract every article under ``paths`` (folders, files or globs) on Dask and write the
    claim rows as partitioned Parquet in ``out_dir``.

    ``scheduler``: the address of a running Dask scheduler; without it a local cluster of
    ``workers`` processes (default: all cores) is started and stopped. The folder is built
    beside ``out_dir`` and moved into place at the end, so an interrupted run leaves no
    half-written table; ``out_dir`` may only replace an empty folder or an earlier table.
    """
    require_extras()
    import dask.bag as db
    import pyarrow.parquet as pq
    from distributed import Client, LocalCluster, as_completed

    from .articles import doc_ids, find_files
    from .pipeline import load_ruleset
    from .progress import Progress

    warn = warn or (lambda msg: print(f"factcheck: warning: {msg}", file=sys.stderr))
    t0 = time.monotonic()
    out = Path(out_dir)
    _check_out_dir(out)
    files = find_files(expand_paths([str(p) for p in paths]))
    # a local cluster shares this folder, so paths stay as given (warnings name them as
    # `extract` does); a remote one gets absolute paths
    jobs = [(str(f if scheduler is None else f.absolute()), d)
            for f, d in zip(files, doc_ids(files))]
    rules = str(Path(rules_dir).resolve()) if rules_dir else None
    load_ruleset(rules)  # bad rules fail here, once, before any cluster starts

    n_workers = max(1, workers or os.cpu_count() or 1)
    per_part = max(1, min(partition_files, -(-len(jobs) // (2 * n_workers)) or 1))
    cluster = None
    if scheduler is None:
        import logging

        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
    try:  # built beside the output, so the final move is a rename on one file system
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent))
    except OSError as exc:
        raise FactcheckError(f"{out}: cannot write: {exc.strerror or exc}") from None
    (tmp / ARTICLES_DIR).mkdir()
    try:
        with Client(cluster if cluster is not None else scheduler) as client:
            n_workers = len(client.scheduler_info().get("workers", {})) or n_workers
            bag = db.from_sequence(jobs, partition_size=per_part) if jobs else None
            parts = bag.map_partitions(_extract_partition, rules).to_delayed() if bag else []
            futures = client.compute(parts)
            index = {f.key: i for i, f in enumerate(futures)}
            bar = Progress(len(jobs), "extracting", enabled=progress)
            n_claims = n_skipped = n_bytes = 0
            for future in as_completed(futures):
                done = future.result()
                for w in done["warnings"]:
                    warn(w)
                part = f"part-{index[future.key]:05d}.parquet"
                pq.write_table(done["table"], tmp / part)
                pq.write_table(done["articles"], tmp / ARTICLES_DIR / part)
                n_claims += done["table"].num_rows
                n_skipped += done["skipped"]
                n_bytes += done["bytes"]
                bar.step(done["files"])
                future.release()  # the rows are on disk: free them on the cluster
            bar.done()
        summary = DaskSummary(files=len(jobs), skipped=n_skipped, claims=n_claims,
                              parts=len(futures), bytes=n_bytes,
                              seconds=time.monotonic() - t0, workers=n_workers)
        _write_manifest(tmp, summary)
        _move_into_place(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        if cluster is not None:
            cluster.close()
    return summary


def _check_out_dir(out: Path) -> None:
    """Refuse, before any work, an output that would overwrite what is not ours."""
    if out.exists() and not out.is_dir():
        raise FactcheckError(f"{out}: exists and is not a folder; --engine dask writes a "
                             "folder of Parquet parts")
    if out.is_dir() and any(out.iterdir()) and not (out / MANIFEST).is_file():
        raise FactcheckError(f"{out}: a folder that is neither empty nor a claim table "
                             "written by factcheck: give a new folder")


def _write_manifest(folder: Path, summary: DaskSummary) -> None:
    from .table import COLUMNS

    (folder / MANIFEST).write_text(json.dumps({
        "format": "factcheck claim table", "columns": list(COLUMNS), "parts": summary.parts,
        "files": summary.files, "skipped": summary.skipped, "claims": summary.claims,
    }, indent=2) + "\n", encoding="utf-8")


def _move_into_place(tmp: Path, out: Path) -> None:
    """Replace ``out`` (empty, or an earlier table) by the finished ``tmp`` folder."""
    os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp's private 0700 would hide the table
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        out.rename(old)
    tmp.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
