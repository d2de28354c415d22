"""cProfile the extraction pipeline (read -> context) and compare over a corpus sample.

    python benchmarks/profile_pipeline.py --mb 10        # ~10 MB of the default corpus

Prints the functions with the most own time and the stages' cumulative share, and
writes the raw profile to ``benchmarks/out/pipeline.prof`` (open it with ``snakeviz``
or ``python -m pstats``).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import run  # noqa: E402  (corpus generation and caching)

STAGES = (  # (label, file suffix, function name) whose cumulative time is a stage
    ("read", "factcheck/articles.py", "read_article"),
    ("sentences", "factcheck/sentences.py", "split_sentences"),
    ("publication date", "factcheck/pubdate.py", "infer_published"),
    ("numbers", "factcheck/numbers.py", "find_quantities"),
    ("claims", "factcheck/claims.py", "extract_claims"),
    ("context", "factcheck/context/__init__.py", "add_context"),
    ("compare", "factcheck/compare.py", "compare"),
    ("report", "factcheck/report.py", "render_markdown"),
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=10.0, help="MB of articles to profile (default 10)")
    ap.add_argument("--articles", type=int, default=5000, help="corpus to take them from")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--density", choices=("typical", "dense"), default="typical")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--out", type=Path, default=HERE / "out")
    args = ap.parse_args(argv)

    from factcheck import pipeline
    from factcheck.articles import read_article
    from factcheck.report import render_markdown

    folder, _ = run.corpus(args.out, args.articles, args.seed, args.density)
    files, size = [], 0
    for f in sorted(folder.rglob("*.md")):
        if size >= args.mb * 1e6:
            break
        files.append(f)
        size += f.stat().st_size
    ruleset = pipeline.load_ruleset()
    pipeline.extract_article(read_article(files[0], files[0].name), ruleset)  # warm caches

    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    results = [pipeline.extract_article(read_article(f, f.name), ruleset) for f in files]
    render_markdown(pipeline.analyze(results))
    prof.disable()
    wall = time.perf_counter() - t0
    args.out.mkdir(parents=True, exist_ok=True)
    prof.dump_stats(args.out / "pipeline.prof")

    st = pstats.Stats(prof)
    total = st.total_tt  # type: ignore[attr-defined]
    print(f"profiled {len(files):,} articles, {size / 1e6:.1f} MB: {wall:.1f} s under cProfile "
          f"({size / 1e6 / wall:.2f} MB/s with profiling overhead), {total:.1f} s of profiled time")
    print("\nstage | cumulative s | share")
    print("--- | ---: | ---:")
    for label, suffix, name in STAGES:
        cum = sum(v[3] for k, v in st.stats.items()  # type: ignore[attr-defined]
                  if k[0].endswith(suffix) and k[2] == name)
        print(f"{label} | {cum:.2f} | {100 * cum / total:.1f}%")
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(args.top)
    print("\n" + buf.getvalue().split("\n", 4)[-1].replace(str(HERE.parent) + "/", ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
