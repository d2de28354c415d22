"""`extract --engine dask` (a local cluster of --workers) against `extract --jobs N`, same corpus.

    python benchmarks/dask_engine.py                     # 5,000 typical articles (~16 MB), 2 workers
    python benchmarks/dask_engine.py --articles 20000 --workers 2

Both commands run as subprocesses, start-up included (the Dask one starts and stops its local
cluster), best of ``--runs``; the figure is MB of articles per second per worker process. The
claim rows of both are compared (same count, same rows in the same order), so a fast engine
that loses claims cannot pass. Prints a Markdown table (also in ``benchmarks/out/dask.md``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import MB, corpus  # noqa: E402  (the corpora run.py generates and reuses)


def _timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--density", choices=("typical", "dense"), default="typical")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--out", type=Path, default=HERE / "out")
    args = ap.parse_args(argv)

    folder, manifest = corpus(args.out, args.articles, args.seed, args.density)
    mb = manifest["bytes"] / MB
    work = args.out / "dask-run"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    fc = [sys.executable, "-m", "factcheck"]
    n = args.workers
    local = [*fc, "extract", str(folder), "--jobs", str(n), "--format", "jsonl",
             "-o", str(work / "local.jsonl")]
    dask = [*fc, "extract", str(folder), "--engine", "dask", "--jobs", str(n),
            "--format", "parquet", "-o", str(work / "dask")]
    times = {"local": [], "dask": []}
    for _ in range(args.runs):  # interleaved: a shared machine's load hits both alike
        times["local"].append(_timed(local))
        times["dask"].append(_timed(dask))

    from factcheck.claimrows import read_claims

    dask_claims = [c for r in read_claims(work / "dask") for c in r.claims]
    local_claims = [c for r in read_claims(work / "local.jsonl") for c in r.claims]
    same = dask_claims == local_claims

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    rows = [f"Corpus: {args.articles} {args.density} articles, {mb:.1f} MB; {n} worker "
            f"processes; best of {args.runs}; load average {load:.1f}; {os.cpu_count()} cores.",
            "", "| engine | wall (s) | MB/s | MB/s per core | claims |", "| --- | ---: | ---: | ---: | ---: |"]
    for name, claims in (("local", local_claims), ("dask", dask_claims)):
        best = min(times[name])
        label = f"`--jobs {n}`" if name == "local" else f"`--engine dask` ({n} local workers)"
        rows.append(f"| {label} | {best:.1f} | {mb / best:.2f} | {mb / best / n:.2f} | "
                    f"{len(claims)} |")
    rows += ["", f"Same claim rows, same order: {'yes' if same else 'NO'}."]
    text = "\n".join(rows) + "\n"
    print(text)
    (args.out / "dask.md").write_text(text)
    (args.out / "dask.json").write_text(json.dumps({"times": times, "mb": mb, "same": same}))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
