"""Measure factcheck's speed stage by stage on a synthetic corpus (one command).

    python benchmarks/run.py                      # 5,000 articles (~16 MB), a couple of minutes
    python benchmarks/run.py --articles 100000    # the issue-8 target: ~300 MB, --jobs 2

Generates (or reuses) a corpus under ``benchmarks/out/`` and prints a Markdown table,
also written to ``benchmarks/out/results.md``:

(a) a bare ``regex`` number scan of the same text: the baseline every ratio divides by;
(b) each stage on one core: read+decode, sentences, numbers, claims, context, compare+report;
(c) extraction end to end on one core (read -> context), MB/s and ratio to the bare scan;
(d) ``factcheck check CORPUS --jobs J`` as a subprocess: wall time and peak memory;
(e) ``factcheck check DRAFT --against TEN_ARTICLES``: wall time, start-up included, median of 5;
(f) ``compare`` on n and 4n synthetic claims: the growth exponent (1 = linear, 2 = pairwise).

A stage whose module is not there yet is reported as missing, not as a crash: the
other figures are still measured. Speed is checked here, never by timed unit tests.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))  # generate.py sits next to this file

import generate  # noqa: E402

MB = 1e6
# The baseline: what "just find the numbers" costs with the same regex engine.
# A benchmark constant, not library data: it must not change when the rules change.
_BARE_WORDS = (
    "uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici "
    "quindici sedici diciassette diciotto diciannove venti trenta quaranta cinquanta sessanta "
    "settanta ottanta novanta cento mille mila milion miliard decine centinaia migliaia dozzin "
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion dozen"
).split()
BARE_NUMBER = regex.compile(
    r"\d+(?:[.,'’]\d+)*%?|\b(?:" + "|".join(sorted(_BARE_WORDS, key=len, reverse=True)) + r")\w*",
    regex.IGNORECASE)


@dataclass
class Row:
    """One line of the results table."""

    name: str
    seconds: float | None = None
    nbytes: int | None = None
    note: str = ""
    target: str = ""
    ratio: float | None = None  # time / bare-scan time of the same bytes

    @property
    def mbps(self) -> float | None:
        if self.seconds and self.nbytes:
            return self.nbytes / MB / self.seconds
        return None


@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        print(_fmt_row(row), flush=True)
        return row


def _fmt_row(r: Row) -> str:
    cells = [
        r.name,
        f"{r.nbytes / MB:.1f}" if r.nbytes else "",
        f"{r.seconds:.3f}" if r.seconds is not None else "—",
        f"{r.mbps:.1f}" if r.mbps else "",
        f"{r.ratio:.2f}×" if r.ratio else "",
        r.target,
        r.note,
    ]
    return "| " + " | ".join(cells) + " |"


def table(res: Results) -> str:
    head = ("| measure | MB | seconds | MB/s | × bare scan | target | notes |\n"
            "| --- | ---: | ---: | ---: | ---: | --- | --- |")
    return "\n".join([head, *(_fmt_row(r) for r in res.rows)])


# ---------------------------------------------------------------- helpers

def corpus(out: Path, articles: int, seed: int) -> tuple[Path, dict]:
    """The corpus folder for (articles, seed), generated unless an identical one exists."""
    folder = out / f"corpus-{articles}-s{seed}"
    man = folder / "manifest.json"
    if man.exists():
        m = json.loads(man.read_text())
        if m.get("version") == generate.GENERATOR_VERSION and m.get("articles") == articles:
            print(f"reusing {folder} ({m['bytes'] / MB:.0f} MB)", file=sys.stderr)
            return folder, m
    if folder.exists():
        shutil.rmtree(folder)
    print(f"generating {articles} articles in {folder} ...", file=sys.stderr)
    m = generate.generate(folder, articles, seed, quiet=False)
    print(f"generated {m['bytes'] / MB:.0f} MB in {m['seconds']:.1f} s", file=sys.stderr)
    return folder, m


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def _missing(exc: BaseException) -> str:
    if isinstance(exc, ImportError):
        return f"missing: {getattr(exc, 'name', None) or exc}"
    tb = traceback.extract_tb(exc.__traceback__)[-1]
    return f"error: {type(exc).__name__}: {str(exc)[:80]} ({Path(tb.filename).name}:{tb.lineno})"


def _tree_rss(root_pid: int) -> int:
    """Resident bytes of a process and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as f:
                stat = f.read()
            # the name may contain spaces and parentheses: fields follow the last ")"
            fields = stat[stat.rindex(b")") + 2:].split()
            pid, ppid = int(d), int(fields[1])
            rss[pid] = int(fields[21]) * page
            children.setdefault(ppid, []).append(pid)
        except (OSError, ValueError, IndexError):
            continue
    total, todo = 0, [root_pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, ()))
    return total


def run_measured(cmd: list[str], cwd: Path) -> tuple[float, int, int, subprocess.CompletedProcess]:
    """Run ``cmd``; return (wall seconds, peak RSS of its process tree, peak RSS of its
    largest single process, completed process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    peak = [0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    done = threading.Event()

    def poll() -> None:  # a pool's workers are separate processes: sum the whole tree
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            done.wait(0.1)

    th = threading.Thread(target=poll, daemon=True)
    th.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    done.set()
    th.join()
    # ru_maxrss (KiB on Linux) is the largest child so far: only meaningful if it grew
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    largest = after * 1024 if after > before else 0
    return wall, peak[0], largest, subprocess.CompletedProcess(cmd, proc.returncode, "", err)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


# ---------------------------------------------------------------- (a)-(c) one core

def one_core(files: list[Path], res: Results) -> list | None:
    """Stages on one core over ``files``; returns the ArticleResults (or None)."""
    from factcheck.articles import read_article

    nbytes = sum(f.stat().st_size for f in files)
    t_read, arts = timed(lambda: [read_article(f, f.name) for f in files])
    texts = [a.text for a in arts]

    def bare() -> int:
        n = 0
        for t in texts:
            for _ in BARE_NUMBER.finditer(t):
                n += 1
        return n

    bare()  # warm the regex caches once, as every stage gets its compile outside the timing
    t_bare, n_bare = timed(bare)
    res.add(Row("(a) bare regex number scan", t_bare, nbytes, f"{n_bare:,} matches", ratio=1.0))

    def ratio(t: float) -> float:
        return t / t_bare

    res.add(Row("(b) read + decode + header", t_read, nbytes, f"{len(arts)} articles",
                ratio=ratio(t_read)))

    stage_total = t_read
    try:
        from factcheck.sentences import split_sentences
        t, sents = timed(lambda: [split_sentences(a.text, a.lang, a.regions) for a in arts])
        stage_total += t
        res.add(Row("(b) sentences", t, nbytes, f"{sum(map(len, sents)):,} sentences",
                    ratio=ratio(t)))
    except Exception as exc:  # noqa: BLE001 - report, keep measuring the rest
        res.add(Row("(b) sentences", note=_missing(exc)))
        return None

    try:
        from factcheck import pipeline
        t, qs = timed(lambda: [pipeline.find_article_quantities(a) for a in arts])
        stage_total += t
        res.add(Row("(b) numbers (find_quantities)", t, nbytes,
                    f"{sum(map(len, qs)):,} quantities", ratio=ratio(t)))
    except Exception as exc:  # noqa: BLE001
        res.add(Row("(b) numbers (find_quantities)", note=_missing(exc)))
        return None

    try:
        from factcheck.claims import extract_claims
        t_rules, ruleset = timed(pipeline.load_ruleset)
        res.extra.append(f"Loading and validating the rules once: {t_rules:.3f} s.")

        def claims_stage() -> list[tuple[list, list]]:
            out = []
            for a, ss, q in zip(arts, sents, qs):
                made: list = []
                missed: list = []
                for s, sq in pipeline.by_sentence(ss, q):
                    if sq:
                        m, u = extract_claims(a.id, a.lang, s, sq, ruleset)
                        made.extend(m)
                        missed.extend(u)
                out.append((made, missed))
            return out

        t, cl = timed(claims_stage)
        stage_total += t
        res.add(Row("(b) claims (rules)", t, nbytes,
                    f"{sum(len(m) for m, _ in cl):,} claims, "
                    f"{sum(len(u) for _, u in cl):,} unclaimed", ratio=ratio(t)))
    except Exception as exc:  # noqa: BLE001
        res.add(Row("(b) claims (rules)", note=_missing(exc)))
        return None

    try:
        from factcheck.context import add_context
        try:
            from factcheck.pubdate import infer_published
        except ImportError:  # not written yet: context runs with the metadata date
            def infer_published(a, s):  # type: ignore[no-redef]
                return a

        def context_stage() -> list:
            out = []
            for a, ss, (made, _) in zip(arts, sents, cl):
                a2 = infer_published(a, ss)
                out.append((a2, add_context(a2, ss, made, None)))
            return out

        t, ctx = timed(context_stage)
        stage_total += t
        res.add(Row("(b) context (period, event, source)", t, nbytes,
                    "incl. publication date inference", ratio=ratio(t)))
    except Exception as exc:  # noqa: BLE001
        res.add(Row("(b) context (period, event, source)", note=_missing(exc)))
        return None
    res.add(Row("(b) sum of extraction stages", stage_total, nbytes, ratio=ratio(stage_total)))

    results = [pipeline.ArticleResult(a2, tuple(c), tuple(u))
               for (a2, c), (_, u) in zip(ctx, cl)]
    try:
        from factcheck.report import render_markdown
        t_cmp, analysis = timed(lambda: pipeline.analyze(results))
        t_rep, text = timed(lambda: render_markdown(analysis))
        res.add(Row("(b) compare + report", t_cmp + t_rep, nbytes,
                    f"compare {t_cmp:.2f} s ({len(analysis.findings):,} findings, "
                    f"{analysis.groups:,} groups), report {t_rep:.2f} s "
                    f"({len(text) / MB:.1f} MB)", ratio=ratio(t_cmp + t_rep)))
    except Exception as exc:  # noqa: BLE001
        res.add(Row("(b) compare + report", note=_missing(exc)))

    # (c) end to end exactly as a worker does it: read, then extract_article
    try:
        def e2e() -> int:
            n = 0
            for f in files:
                n += len(pipeline.extract_article(read_article(f, f.name), ruleset, None).claims)
            return n

        t, n = timed(e2e)
        r = res.add(Row("(c) extraction end to end, 1 core", t, nbytes, f"{n:,} claims",
                        "≤ 3× bare, ≥ 5 MB/s", ratio=ratio(t)))
        res.extra.append(
            f"End to end on one core: {r.mbps:.1f} MB/s, {r.ratio:.2f}× the bare scan "
            f"({'meets' if r.ratio <= 3 else 'misses'} the 3× target; "
            f"{'meets' if r.mbps >= 5 else 'misses'} 5 MB/s).")
    except Exception as exc:  # noqa: BLE001
        res.add(Row("(c) extraction end to end, 1 core", note=_missing(exc)))
    return results


# ---------------------------------------------------------------- (d) check --jobs

def check_corpus(folder: Path, nbytes: int, n_articles: int, jobs: int, out: Path,
                 res: Results) -> None:
    report = out / "check-report.md"
    cmd = [sys.executable, "-m", "factcheck", "check", str(folder), "--jobs", str(jobs),
           "--fail-on", "never", "-o", str(report)]
    wall, peak, largest, proc = run_measured(cmd, ROOT)
    name = f"(d) `factcheck check` {n_articles:,} articles, --jobs {jobs}"
    if proc.returncode not in (0, 1):
        tail = " / ".join(proc.stderr.strip().splitlines()[-2:])[:160]
        res.add(Row(name, wall, nbytes, f"exit {proc.returncode}: {tail}"))
        return
    target = "< 60 s, < 2 GB" if n_articles >= 100_000 else "(100k: < 60 s, < 2 GB)"
    res.add(Row(name, wall, nbytes,
                f"peak RSS {peak / 2**20:,.0f} MiB (all processes), "
                f"largest process {largest / 2**20:,.0f} MiB", target))
    if n_articles < 100_000:
        res.extra.append(
            f"`check` scaled linearly to 100,000 articles: about {wall * 100_000 / n_articles:.0f} s "
            "(measure with `--articles 100000`).")


# ---------------------------------------------------------------- (e) draft check

def draft_check(folder: Path, out: Path, res: Results, runs: int = 5) -> None:
    files = sorted(folder.rglob("*.md"))[:11]
    against = out / "against10"
    if against.exists():
        shutil.rmtree(against)
    against.mkdir(parents=True)
    for f in files[:10]:
        shutil.copy(f, against / f.name)
    draft = out / "draft.md"
    shutil.copy(files[10], draft)
    cmd = [sys.executable, "-m", "factcheck", "check", str(draft), "--against", str(against),
           "--fail-on", "never"]
    walls = []
    for _ in range(runs):
        wall, _, _, proc = run_measured(cmd, ROOT)
        if proc.returncode not in (0, 1):
            tail = " / ".join(proc.stderr.strip().splitlines()[-2:])[:160]
            res.add(Row("(e) draft `check --against` 10 articles", wall,
                        note=f"exit {proc.returncode}: {tail}"))
            return
        walls.append(wall)
    bare_py, _, _, _ = run_measured([sys.executable, "-c", "pass"], ROOT)
    imp, _, _, _ = run_measured([sys.executable, "-c", "import factcheck.cli"], ROOT)
    res.add(Row("(e) draft `check --against` 10 articles", statistics.median(walls), None,
                f"median of {runs} (min {min(walls):.3f}); `python -c pass` {bare_py:.3f} s, "
                f"`import factcheck.cli` {imp:.3f} s", "< 0.5 s"))
    res.extra.extend(import_report(cmd))


def import_report(cmd: list[str], threshold_ms: float = 15.0) -> list[str]:
    """Heavy imports on a command's path and the factcheck module that pulls each in
    (``python -X importtime``: children are listed before their parent, one level deeper)."""
    proc = subprocess.run([cmd[0], "-X", "importtime", *cmd[1:]], cwd=ROOT, env=_env(),
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    rows: list[tuple[int, float, str]] = []  # (depth, cumulative ms, module)
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cum, name = line[len("import time:"):].split("|", 2)
        depth = (len(name) - len(name.lstrip(" "))) // 2
        rows.append((depth, int(cum) / 1000, name.strip()))
    lines = ["", "Heavy imports on the draft `check` path (`python -X importtime`, cumulative):", ""]
    found = False
    for i, (depth, ms, name) in enumerate(rows):
        if ms < threshold_ms or name.startswith("factcheck") or "." in name:
            continue
        # the importer is the next line listed one level up; follow up to a factcheck module
        chain, d = [], depth
        for d2, _, n2 in rows[i + 1:]:
            if d2 < d:
                chain.append(n2)
                d = d2
                if n2.startswith("factcheck") or d2 == 0:
                    break
        via = next((c for c in chain if c.startswith("factcheck")), chain[-1] if chain else "top")
        if depth > 0 and not via.startswith("factcheck"):
            continue  # pulled in by another third-party package, shown with its parent
        lines.append(f"- `{name}` {ms:.0f} ms, imported by `{via}`")
        found = True
    if not found:
        lines.append(f"- nothing above {threshold_ms:.0f} ms")
    return lines


# ---------------------------------------------------------------- (f) compare scaling

def synthetic_claims(n: int, n_events: int, seed: int = 7):
    """``n`` claims over ``n_events`` events and n/5 articles, with dates, sides, hedges."""
    from factcheck.model import Article, Claim, Quantity

    r = random.Random(seed)
    metrics = ("deaths", "wounded", "missing", "displaced", "troops", "prisoners")
    sides = ("armenia", "azerbaijan", "total", None)
    quals = ("exact", "exact", "at_least", "approx", "more_than")
    docs = max(2, n // 5)
    base = date(2020, 9, 27)
    pub = {f"d{i:06d}.md": base + timedelta(days=r.randint(0, 60)) for i in range(docs)}
    articles = [Article(id=d, path=d, text="", regions=(), published=p, lang="it")
                for d, p in pub.items()]
    claims = []
    for i in range(n):
        doc = f"d{r.randrange(docs):06d}.md"
        v = float(max(1, int(r.lognormvariate(7, 1))))
        q = r.choice(quals)
        hi = None if q in ("at_least", "more_than") else v
        lo = v * 0.9 if q == "approx" else v
        if q == "approx":
            hi = v * 1.1
        qty = Quantity(start=i, end=i + 3, text=str(int(v)), kind="count", value=v, low=lo,
                       high=hi, qualifier=q, low_exclusive=q == "more_than")
        claims.append(Claim(
            doc=doc, metric=r.choice(metrics), quantity=qty, rule="bench/synthetic",
            quote=f"{int(v)} morti", quote_start=i, side=r.choice(sides),
            event=f"bench-event-{r.randrange(n_events)}", event_how="sentence",
            period_start=pub[doc] - timedelta(days=3), period_end=pub[doc],
            source=r.choice((None, "ministero della Difesa armeno", "Baku", "Reuters")),
            source_kind=r.choice((None, "attributed")), published=pub[doc], lang="it"))
    return claims, articles


def compare_scaling(n: int, res: Results) -> None:
    try:
        from factcheck.compare import compare
        compare(*synthetic_claims(200, 5))  # warm: imports, rule data, caches
    except Exception as exc:  # noqa: BLE001
        res.add(Row("(f) compare scaling", note=_missing(exc)))
        return
    for label, events in (("many groups", lambda k: max(1, k // 25)), ("6 events", lambda k: 6)):
        times = []
        for k in (n, 4 * n):
            claims, articles = synthetic_claims(k, events(k))
            t, _ = timed(lambda: compare(claims, articles))
            times.append(t)
        exp = math.log(times[1] / times[0]) / math.log(4) if times[0] > 0 else float("nan")
        res.add(Row(f"(f) compare {n:,} → {4 * n:,} claims, {label}", times[1], None,
                    f"{times[0]:.2f} s → {times[1]:.2f} s: ×{times[1] / times[0]:.1f}, "
                    f"exponent {exp:.2f}", "n log n: ×4.3–5, exponent ≈ 1.1"))


# ---------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=5000, help="corpus size (default 5000)")
    ap.add_argument("--jobs", type=int, default=2, help="--jobs for `factcheck check` (default 2)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sample", type=int, default=10000,
                    help="articles measured stage by stage on one core (default 10000)")
    ap.add_argument("--claims", type=int, default=5000, help="n for the compare scaling (n, 4n)")
    ap.add_argument("--out", type=Path, default=HERE / "out", help="work folder (git-ignored)")
    ap.add_argument("--skip", nargs="*", default=[], choices=("stages", "check", "draft", "compare"),
                    help="parts not to run")
    args = ap.parse_args(argv)

    os.environ["PYTHONPATH"] = _env()["PYTHONPATH"]  # subprocesses use this checkout
    args.out.mkdir(parents=True, exist_ok=True)
    folder, man = corpus(args.out, args.articles, args.seed)
    files = sorted(folder.rglob("*.md"))
    sample = files[: args.sample]
    res = Results()
    print(table(Results()).splitlines()[0])
    if "stages" not in args.skip:
        one_core(sample, res)
    if "check" not in args.skip:
        check_corpus(folder, man["bytes"], len(files), args.jobs, args.out, res)
    if "draft" not in args.skip:
        draft_check(folder, args.out, res)
    if "compare" not in args.skip:
        compare_scaling(args.claims, res)

    cpu = os.cpu_count()
    head = (f"factcheck benchmark: {len(files):,} articles ({man['bytes'] / MB:.0f} MB, seed "
            f"{args.seed}), stages on {len(sample):,} articles, {cpu} cores, "
            f"Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}")
    text = "\n".join([head, "", table(res), *([""] if res.extra else []),
                      *(e if e.startswith(("-", "Heavy")) or not e else f"- {e}"
                        for e in res.extra)]) + "\n"
    (args.out / "results.md").write_text(text)
    print()
    print(text)
    print(f"wrote {args.out / 'results.md'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
