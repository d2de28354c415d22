"""Extraction speed of two or more source trees, measured interleaved (one command).

    git worktree add /tmp/before HEAD~3
    python benchmarks/compare_trees.py /tmp/before . --rounds 3 --sample 500
    python benchmarks/compare_trees.py /tmp/before . --rounds 5 --repeat 3 --sample 300

On a shared machine the load changes from minute to minute, so trees timed one after the
other differ by the load as much as by their code. Here each round runs every tree once,
in turn, each in a fresh process that imports the package of *that* tree (``PYTHONPATH``;
its ``rules/`` folder goes with it) and times, on one core and in CPU seconds, the stages
of ``run.py`` (b) over the same articles: sentences, numbers, claims, context, and
extraction end to end (read -> context, as a worker does it). Each process first runs the
whole sample once untimed (compiled patterns, caches of words seen), as ``run.py``'s best
of ``--repeat`` does. The table gives the best of the rounds per tree and stage, with
MB/s per core end to end and the change against the first tree.

Speed is measured here, never in unit tests (tests/test_benchmarks_smoke.py runs this on
a few articles).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

STAGES = ("sentences", "numbers", "claims", "context", "end to end")


def measure(files: list[Path], repeat: int = 1) -> dict[str, float]:
    """CPU seconds of each stage over ``files`` (in this process, with the package on the
    path), after one untimed pass; extraction end to end is timed ``repeat`` times, the
    best kept (a burst of load on a shared machine inflates one pass by 10-20 %)."""
    from factcheck import pipeline
    from factcheck.articles import read_article
    from factcheck.claims import extract_claims
    from factcheck.context import add_context
    from factcheck.pubdate import infer_published

    ruleset = pipeline.load_ruleset()

    def e2e() -> int:
        return sum(len(pipeline.extract_article(read_article(f, f.name), ruleset).claims)
                   for f in files)

    e2e()  # warm
    arts = [read_article(f, f.name) for f in files]
    out: dict[str, float] = {}

    def timed(name: str, fn):
        c0 = time.process_time()
        value = fn()
        out[name] = time.process_time() - c0
        return value

    sents = timed("sentences", lambda: [pipeline.article_sentences(a) for a in arts])
    arts = [infer_published(a, ss) for a, ss in zip(arts, sents)]
    qs = timed("numbers", lambda: [pipeline.find_article_quantities(a) for a in arts])

    def claims() -> list[list]:
        made = []
        for a, ss, q in zip(arts, sents, qs):
            mine: list = []
            for s, sq in pipeline.by_sentence(ss, q):
                if sq:
                    mine.extend(extract_claims(a.id, a.lang, s, sq, ruleset)[0])
            made.append(mine)
        return made

    cl = timed("claims", claims)
    timed("context", lambda: [add_context(a, ss, c, None) for a, ss, c in zip(arts, sents, cl)])
    n = timed("end to end", e2e)
    best = out["end to end"]
    for _ in range(repeat - 1):
        timed("end to end", e2e)
        best = min(best, out["end to end"])
    out["end to end"] = best
    out["claims made"] = n
    return out


def _worker(args: argparse.Namespace) -> int:
    files = [Path(line) for line in Path(args.files).read_text().splitlines() if line]
    print(json.dumps(measure(files, args.repeat)))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("trees", nargs="*", type=Path, help="source trees (each with src/ and rules/)")
    ap.add_argument("--rounds", type=int, default=3, help="times each tree is run (default 3)")
    ap.add_argument("--sample", type=int, default=500, help="articles timed (default 500)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="end-to-end passes per round, the best kept (default 1)")
    ap.add_argument("--articles", type=int, default=5000, help="corpus they come from")
    ap.add_argument("--density", choices=("typical", "dense"), default="typical")
    ap.add_argument("--out", type=Path, default=HERE / "out", help="work folder (git-ignored)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)  # a file listing the articles
    args = ap.parse_args(argv)
    if args.worker:
        args.files = args.worker
        return _worker(args)
    if len(args.trees) < 1:
        ap.error("name at least one tree")
    for tree in args.trees:
        if not (tree / "src" / "factcheck").is_dir():
            ap.error(f"{tree}: no src/factcheck in it")

    import run  # corpus generation and caching

    folder, _ = run.corpus(args.out, args.articles, 1, args.density)
    files = sorted(folder.rglob("*.md"))[: args.sample]
    nbytes = sum(f.stat().st_size for f in files)
    listing = args.out / f"compare-trees-{args.sample}.txt"
    listing.write_text("".join(f"{f}\n" for f in files))
    # one list per tree named (the same tree may be named twice: the noise of the machine)
    results: list[tuple[Path, list[dict[str, float]]]] = [(t, []) for t in args.trees]
    for r in range(args.rounds):
        for tree, runs in results:
            env = dict(os.environ, PYTHONPATH=str(tree.resolve() / "src"))
            env.pop("FACTCHECK_RULES", None)  # each tree reads its own rules/
            proc = subprocess.run([sys.executable, str(Path(__file__).resolve()),
                                   "--worker", str(listing), "--repeat", str(args.repeat)],
                                  env=env, capture_output=True, text=True)
            if proc.returncode:
                print(f"{tree}: failed:\n{proc.stderr[-2000:]}", file=sys.stderr)
                return 1
            runs.append(json.loads(proc.stdout.splitlines()[-1]))
            print(f"round {r + 1}: {tree}: end to end {runs[-1]['end to end']:.3f} s CPU",
                  file=sys.stderr)
    print(f"{len(files)} articles ({nbytes / 1e6:.2f} MB, {args.density}), best CPU seconds of "
          f"{args.rounds} interleaved rounds (end to end: of {args.rounds} x {args.repeat} "
          f"passes), load average {os.getloadavg()[0]:.1f} at the end\n")
    print("| tree | " + " | ".join(STAGES) + " | MB/s per core | vs first | claims |")
    print("| --- |" + " ---: |" * (len(STAGES) + 3))
    first = None
    for tree, runs in results:
        best = {s: min(r[s] for r in runs) for s in STAGES}
        e2e = best["end to end"]
        first = first or e2e
        print(f"| {tree} | " + " | ".join(f"{best[s]:.3f}" for s in STAGES)
              + f" | {nbytes / 1e6 / e2e:.2f} | {100 * (e2e / first - 1):+.1f} % | "
              f"{int(runs[0]['claims made']):,} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
