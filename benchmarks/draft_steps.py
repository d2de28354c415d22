"""Where a draft check's time goes: CPU of each step of ``factcheck check DRAFT --against``,
cold (a fresh process per run), best of ``--runs`` (one command).

    python benchmarks/run.py --skip stages check draft compare   # the archive, once
    python benchmarks/draft_steps.py --runs 10
    python benchmarks/draft_steps.py --runs 10 --trees /tmp/before .   # interleaved

Each run is a fresh interpreter of the tree named (``PYTHONPATH``, its ``rules/``) that
imports the command, then runs ``factcheck check`` in process with the library's steps
wrapped by timers (the command's own code, not a copy of it): importing what the command
needs, loading the configuration, reading and extracting the draft, joining the archive's
events, reading the archive (its sketches and the claims chosen), choosing them
(``compare.draft_needs``), ``analyze``, rendering; the rest (the copies of the draft in the
archive, writing the report) is what is left. Nested steps are subtracted from their callers. CPU seconds (``time.process_time``): a
shared machine disturbs them far less than wall time. The tables give the best and the
median of each step over the runs; runs of several trees alternate.

With ``--callgrind``, one more run per tree under ``valgrind --tool=callgrind`` counts the
instructions of the whole command (start-up included): independent of the load, the
measure to compare two trees by on a busy machine.

Speed is measured here, never in unit tests.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# (label, module, attribute): the functions timed, wrapped where the command looks them up
STEPS = (
    ("load_config", "factcheck.config", "load_config"),
    ("read and extract the draft", "factcheck.cli.check", "_read_draft"),
    ("join the archive's events", "factcheck.archive", "draft_events"),
    ("join the archive's events", "factcheck.context.merge", "merge_events"),
    ("join the archive's events", "factcheck.compare", "draft_selector"),
    ("archive reading", "factcheck.archive", "load_results"),
    ("choose (draft_needs)", "factcheck.compare", "draft_needs"),
    ("analyze", "factcheck.pipeline", "analyze"),
    ("render", "factcheck.report", "render_markdown"),
)
ORDER = ("python start-up", "import the command", *dict.fromkeys(s[0] for s in STEPS), "rest",
         "total")


def _worker(argv: list[str]) -> int:
    """One cold run in this process: the step times as JSON on the last line of stdout."""
    import importlib

    # process_time counts from the interpreter's start: what came before is start-up
    start = t0 = time.process_time()
    spent: dict[str, float] = {}
    stack: list[float] = []  # time of nested steps, subtracted from their caller

    def wrap(label: str, fn):
        def timed(*args, **kwargs):
            stack.append(0.0)
            c = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                took = time.process_time() - c
                inner = stack.pop()
                spent[label] = spent.get(label, 0.0) + took - inner
                if stack:
                    stack[-1] += took
        return timed

    import factcheck.cli as cli
    import factcheck.cli.check  # noqa: F401 - what `check` imports at load
    spent["import the command"] = time.process_time() - t0
    for label, module, attr in STEPS:
        # the command imports its steps inside its functions, from their modules: wrapping
        # the module attribute is what it calls (importing the module here is its own step)
        c = time.process_time()
        mod = importlib.import_module(module)
        spent["imports of the steps"] = spent.get("imports of the steps", 0.0) + (
            time.process_time() - c)
        setattr(mod, attr, wrap(label, getattr(mod, attr)))
    spent["import the command"] += spent.pop("imports of the steps")
    out = open(os.devnull, "w")  # noqa: SIM115
    real_stdout, sys.stdout = sys.stdout, out
    try:
        code = cli.main(["check", *argv])
    finally:
        sys.stdout = real_stdout
    end = time.process_time()
    spent["python start-up"] = start
    spent["total"] = end
    spent["rest"] = end - start - sum(v for k, v in spent.items()
                                      if k not in ("python start-up", "total"))
    spent["exit code"] = code
    print(json.dumps(spent))
    return 0


def _run_tree(tree: Path, argv: list[str]) -> dict[str, float]:
    import subprocess

    env = dict(os.environ, PYTHONPATH=str(tree.resolve() / "src"))
    env.pop("FACTCHECK_RULES", None)
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", "--",
                           *argv], env=env, capture_output=True, text=True, cwd=tree)
    if proc.returncode:
        raise SystemExit(f"{tree}: failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.splitlines()[-1])


def _instructions(tree: Path, argv: list[str]) -> int | None:
    """Instructions executed by the whole command in ``tree`` (callgrind), or None."""
    import subprocess

    env = dict(os.environ, PYTHONPATH=str(tree.resolve() / "src"), PYTHONHASHSEED="0")
    env.pop("FACTCHECK_RULES", None)
    proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                           os.path.realpath(sys.executable), "-m", "factcheck", "check", *argv],
                          env=env, capture_output=True, text=True, cwd=tree)
    for line in proc.stderr.splitlines():
        if "Collected" in line:
            return int(line.split()[-1])
    return None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:2] == ["--worker", "--"]:
        return _worker(argv[2:])
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--trees", nargs="+", type=Path, default=[ROOT],
                    help="source trees (each with src/ and rules/), run in turn (default: this)")
    ap.add_argument("--runs", type=int, default=10, help="cold runs per tree (default 10)")
    ap.add_argument("--out", type=Path, default=HERE / "out", help="the benchmark folder")
    ap.add_argument("--db", type=Path, help="archive (default: OUT/archive-10000-s1-typical.db)")
    ap.add_argument("--draft", type=Path, help="draft (default: OUT/draft.md)")
    ap.add_argument("--callgrind", action="store_true",
                    help="also count instructions, one valgrind run per tree")
    ap.add_argument("--shared-cache", action="store_true",
                    help="use the user's factcheck cache, not OUT/cache (as run.py)")
    args = ap.parse_args(argv)
    db = (args.db or args.out / "archive-10000-s1-typical.db").resolve()
    draft = (args.draft or args.out / "draft.md").resolve()
    for f in (db, draft):
        if not f.exists():
            ap.error(f"{f}: not there (run benchmarks/run.py --skip stages check draft compare)")
    if not args.shared_cache:
        os.environ["FACTCHECK_CACHE"] = str((args.out / "cache").resolve())
    import compileall
    import statistics

    for tree in args.trees:  # an installed copy has its bytecode (see run.py)
        compileall.compile_dir(str(tree / "src"), quiet=1)
    cmd = [str(draft), "--against", str(db), "--fail-on", "never"]
    for tree in args.trees:  # untimed: the caches a first run fills
        _run_tree(tree, cmd)
    runs: dict[Path, list[dict[str, float]]] = {t: [] for t in args.trees}
    load = [os.getloadavg()[0]]
    for _ in range(args.runs):
        for tree in args.trees:
            runs[tree].append(_run_tree(tree, cmd))
        load.append(os.getloadavg()[0])
    counts = {t: _instructions(t, cmd) for t in args.trees} if args.callgrind else {}
    print(f"CPU ms per step of `check DRAFT --against {db.name}`, {args.runs} cold runs per "
          f"tree, interleaved; best (median); load average {min(load):.1f}-{max(load):.1f}\n")
    print("| step | " + " | ".join(str(t) for t in args.trees) + " |")
    print("| --- |" + " ---: |" * len(args.trees))
    for step in ORDER:
        cells = []
        for tree in args.trees:
            values = [r.get(step, 0.0) * 1000 for r in runs[tree]]
            cells.append(f"{min(values):.0f} ({statistics.median(values):.0f})")
        print(f"| {step} | " + " | ".join(cells) + " |")
    if counts:
        print("| instructions (callgrind, whole command) | "
              + " | ".join(f"{c / 1e9:.3f} G" if c else "?" for c in counts.values()) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
