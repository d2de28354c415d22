"""Measure factcheck's speed stage by stage on a synthetic corpus (one command).

    python benchmarks/run.py                      # 5,000 articles (~16 MB) + a 10,000-article archive
    python benchmarks/run.py --articles 100000    # the issue-8 target: ~300 MB, --jobs 2

Generates (or reuses) corpora under ``benchmarks/out/`` (git-ignored) and prints a
Markdown table, also written to ``benchmarks/out/results.md``:

(a) a bare ``regex`` number scan of the same text: the baseline every ratio divides by;
(b) each stage on one core over ``--sample`` articles: read, sentences, publication date,
    numbers, claims, context, compare, report (best of ``--repeat``);
(c) extraction end to end on one core (read -> context), MB/s and ratio to the bare scan;
(d) ``factcheck check CORPUS --jobs J`` as a subprocess: wall time, MB/s per core, peak memory;
(e) ``factcheck check DRAFT --against FOLDER_OF_10``: wall time, start-up included, best of ``--runs``;
(f) ``compare`` on n and 4n synthetic claims: the growth exponent (1 = linear, 2 = pairwise);
(g) ``factcheck ingest`` of ``--archive`` articles into a fresh database, then
    ``factcheck check DRAFT --against FILE.db`` (best of ``--runs``);

then peak memory (``getrusage`` maxrss of the runner and of its children, and the polled
sum over each command's processes). The machine may be shared: every timing is the best
of several runs and the load average is printed with the figures.

A stage whose module is not there yet, or a command that fails, is reported as such,
not as a crash: the other figures are still measured. Speed is checked here, never by
timed unit tests (tests/test_benchmarks_smoke.py only checks that this runs).
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
    ratio: float | None = None  # CPU time / bare-scan CPU time of the same bytes
    cpu: float | None = None  # CPU seconds (user + system; a command's: all its processes)

    @property
    def mbps(self) -> float | None:
        if self.seconds and self.nbytes:
            return self.nbytes / MB / self.seconds
        return None

    @property
    def mbps_cpu(self) -> float | None:
        """MB per CPU second: the speed of one core, whatever else the machine runs."""
        if self.cpu and self.nbytes:
            return self.nbytes / MB / self.cpu
        return None


@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    peaks: list[tuple[str, int, int]] = field(default_factory=list)  # (what, tree, largest)
    bare_mbps: float | None = None
    e2e_mbps: float | None = None
    e2e_ratio: float | None = None
    check_mbps_core: float | None = None
    check: tuple | None = None  # (articles, wall, cpu, jobs, tree peak, largest process)
    draft_folder: float | None = None
    base_rss: int | None = None  # a `check` process on one draft: the fixed part of memory
    draft_db: float | None = None

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        print(_fmt_row(row), flush=True)
        return row


def _fmt_row(r: Row) -> str:
    cells = [
        r.name,
        f"{r.nbytes / MB:.1f}" if r.nbytes else "",
        f"{r.seconds:.3f}" if r.seconds is not None else "—",
        f"{r.cpu:.3f}" if r.cpu is not None else "",
        f"{r.mbps:.2f}" if r.mbps else "",
        f"{r.mbps_cpu:.2f}" if r.mbps_cpu else "",
        f"{r.ratio:.2f}×" if r.ratio else "",
        r.target,
        r.note,
    ]
    return "| " + " | ".join(cells) + " |"


def table(res: Results) -> str:
    head = ("| measure | MB | wall s | CPU s | MB/s (wall) | MB/s per core (CPU) | × bare scan "
            "(CPU) | target | notes |\n"
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |")
    return "\n".join([head, *(_fmt_row(r) for r in res.rows)])


# ---------------------------------------------------------------- helpers

def corpus(out: Path, articles: int, seed: int, density: str = "dense") -> tuple[Path, dict]:
    """The corpus folder for (articles, seed, density), generated unless it exists."""
    folder = out / (f"corpus-{articles}-s{seed}" + ("" if density == "dense" else f"-{density}"))
    man = folder / "manifest.json"
    if man.exists():
        m = json.loads(man.read_text())
        if (m.get("version") == generate.GENERATOR_VERSION and m.get("articles") == articles
                and m.get("density", "dense") == density):
            print(f"reusing {folder} ({m['bytes'] / MB:.0f} MB)", file=sys.stderr)
            return folder, m
    if folder.exists():
        shutil.rmtree(folder)
    print(f"generating {articles} articles in {folder} ...", file=sys.stderr)
    m = generate.generate(folder, articles, seed, quiet=False, density=density)
    print(f"generated {m['bytes'] / MB:.0f} MB in {m['seconds']:.1f} s", file=sys.stderr)
    return folder, m


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def timed_cpu(fn: Callable[[], object]) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, result)."""
    c0, t0 = time.process_time(), time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, time.process_time() - c0, out


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
    largest single process, completed process); the CPU seconds of the command and its
    workers are in ``completed.cpu``."""
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    before = ru0.ru_maxrss
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
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    after = ru1.ru_maxrss
    largest = after * 1024 if after > before else 0
    done_proc = subprocess.CompletedProcess(cmd, proc.returncode, "", err)
    done_proc.cpu = (ru1.ru_utime + ru1.ru_stime) - (ru0.ru_utime + ru0.ru_stime)  # type: ignore[attr-defined]
    return wall, peak[0], largest, done_proc


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


# ---------------------------------------------------------------- (a)-(c) one core

def best(fn: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    """The best (smallest) wall time and CPU time of ``repeat`` runs, and the last run's
    result: the machine is shared, so the minimum is the figure least disturbed by other
    work (CPU time is much less disturbed than wall time, but not immune: caches)."""
    walls, cpus, out = [], [], None
    for _ in range(max(1, repeat)):
        w, c, out = timed_cpu(fn)
        walls.append(w)
        cpus.append(c)
    return min(walls), min(cpus), out


def one_core(files: list[Path], res: Results, repeat: int) -> None:
    """Each stage on one core over ``files``, best of ``repeat``, then end to end."""
    from factcheck.articles import read_article

    nbytes = sum(f.stat().st_size for f in files)
    t_read, c_read, arts = best(lambda: [read_article(f, f.name) for f in files], repeat)
    texts = [a.text for a in arts]

    def bare() -> int:
        n = 0
        for t in texts:
            for _ in BARE_NUMBER.finditer(t):
                n += 1
        return n

    bare()  # warm the regex caches once, as every stage gets its compile outside the timing
    t_bare, c_bare, n_bare = best(bare, repeat)
    res.bare_mbps = nbytes / MB / c_bare
    res.add(Row("(a) bare regex number scan", t_bare, nbytes, f"{n_bare:,} matches", ratio=1.0,
                cpu=c_bare))

    def ratio(c: float) -> float:
        return c / c_bare

    res.add(Row("(b) read (+ decode, header, language)", t_read, nbytes,
                f"{len(arts)} articles", ratio=ratio(c_read), cpu=c_read))
    stage_total, stage_cpu = t_read, c_read

    def stage(name: str, fn: Callable[[], object], note: Callable[[object], str]):
        """Time one stage (after one untimed warm-up call on the first article); None if
        its module is missing or it fails, reported as such."""
        nonlocal stage_total, stage_cpu
        try:
            t, c, out = best(fn, repeat)
        except Exception as exc:  # noqa: BLE001 - report, keep measuring the rest
            res.add(Row(name, note=_missing(exc)))
            return None
        stage_total += t
        stage_cpu += c
        res.add(Row(name, t, nbytes, note(out), ratio=ratio(c), cpu=c))
        return out

    try:
        from factcheck import pipeline
        from factcheck.sentences import split_sentences
    except Exception as exc:  # noqa: BLE001
        res.add(Row("(b) sentences", note=_missing(exc)))
        return
    sents = stage("(b) sentences", lambda: [split_sentences(a.text, a.lang, a.regions)
                                           for a in arts],
                  lambda out: f"{sum(map(len, out)):,} sentences")
    if sents is None:
        return

    def pubdate() -> list:
        from factcheck.pubdate import infer_published
        return [infer_published(a, ss) for a, ss in zip(arts, sents)]

    dated = stage("(b) publication date (infer_published)", pubdate,
                  lambda out: f"{sum(a.published is not None for a in out):,} dated")
    if dated is None:
        dated = arts  # context still runs, with the metadata dates

    def numbers_stage() -> list:
        return [pipeline.find_article_quantities(a) for a in dated]

    try:
        pipeline.find_article_quantities(arts[0])  # warm: language data, compiled scanners
    except Exception:  # noqa: BLE001 - reported by the stage itself
        pass
    qs = stage("(b) numbers (find_quantities)", numbers_stage,
               lambda out: f"{sum(map(len, out)):,} quantities")
    if qs is None:
        return

    try:
        t_rules, ruleset = timed(pipeline.load_ruleset)
    except Exception as exc:  # noqa: BLE001
        res.add(Row("(b) claims (rules)", note=_missing(exc)))
        return
    res.extra.append(f"Loading and validating the rules once: {t_rules:.3f} s.")

    def claims_stage() -> list[tuple[list, list]]:
        from factcheck.claims import extract_claims
        out = []
        for a, ss, q in zip(dated, sents, qs):
            made: list = []
            missed: list = []
            for s, sq in pipeline.by_sentence(ss, q):
                if sq:
                    m, u = extract_claims(a.id, a.lang, s, sq, ruleset)
                    made.extend(m)
                    missed.extend(u)
            out.append((made, missed))
        return out

    cl = stage("(b) claims (rules)", claims_stage,
               lambda out: f"{sum(len(m) for m, _ in out):,} claims, "
                           f"{sum(len(u) for _, u in out):,} unclaimed")
    if cl is None:
        return

    def context_stage() -> list:
        from factcheck.context import add_context
        return [add_context(a, ss, made, None) for a, ss, (made, _) in zip(dated, sents, cl)]

    ctx = stage("(b) context (period, event, side, source)", context_stage,
                lambda out: f"{sum(map(len, out)):,} claims with context")
    res.add(Row("(b) sum of extraction stages", stage_total, nbytes, ratio=ratio(stage_cpu),
                cpu=stage_cpu))
    if ctx is None:
        return

    results = [pipeline.ArticleResult(a, tuple(c), tuple(u))
               for a, c, (_, u) in zip(dated, ctx, cl)]
    analysis = stage("(b) compare (groups, verdicts)", lambda: pipeline.analyze(results),
                     lambda out: f"{len(out.findings):,} findings, {out.groups:,} groups")
    if analysis is not None:
        def report() -> str:
            from factcheck.report import render_markdown
            return render_markdown(analysis)
        stage("(b) report (Markdown)", report, lambda out: f"{len(out) / MB:.2f} MB of Markdown")

    # (c) end to end exactly as a worker does it: read, then extract_article
    def e2e() -> int:
        n = 0
        for f in files:
            n += len(pipeline.extract_article(read_article(f, f.name), ruleset, None).claims)
        return n

    try:
        t, c, n = best(e2e, repeat)
    except Exception as exc:  # noqa: BLE001
        res.add(Row("(c) extraction end to end, 1 core", note=_missing(exc)))
        return
    r = res.add(Row("(c) extraction end to end, 1 core", t, nbytes, f"{n:,} claims",
                    "≤ 3× bare, ≥ 5 MB/s", ratio=ratio(c), cpu=c))
    res.e2e_mbps, res.e2e_ratio = r.mbps_cpu, r.ratio
    res.extra.append(
        f"End to end on one core (read → context): {r.mbps_cpu:.2f} MB/s per core (CPU time; "
        f"{r.mbps:.2f} MB/s wall), {r.ratio:.1f}× the bare scan "
        f"({'meets' if r.ratio <= 3 else 'misses'} the ≤ 3× target; "
        f"{'meets' if r.mbps_cpu >= 5 else 'misses'} ≥ 5 MB/s).")


# ---------------------------------------------------------------- subprocess commands

def _failure(proc: subprocess.CompletedProcess, output: Path | None = None) -> str | None:
    """Why a factcheck command failed, or None. Exit 1 is "a finding reached --fail-on",
    but an uncaught exception also exits 1: a traceback or a missing report is a failure."""
    err = proc.stderr or ""
    if proc.returncode not in (0, 1) or "Traceback (most recent call last)" in err or (
            output is not None and not output.exists()):
        tail = " / ".join(err.strip().splitlines()[-2:])[:160]
        return f"exit {proc.returncode}: {tail}"
    return None


def _mib(n: int) -> str:
    return f"{n / 2**20:,.0f} MiB"


# ---------------------------------------------------------------- (d) check --jobs

def check_corpus(folder: Path, nbytes: int, n_articles: int, jobs: int, out: Path,
                 res: Results) -> None:
    report = out / "check-report.md"
    report.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "factcheck", "check", str(folder), "--jobs", str(jobs),
           "--fail-on", "never", "-o", str(report)]
    load = os.getloadavg()[0]
    wall, peak, largest, proc = run_measured(cmd, ROOT)
    name = f"(d) `factcheck check` {n_articles:,} articles, --jobs {jobs}"
    failed = _failure(proc, report)
    if failed:
        res.add(Row(name, wall, nbytes, failed))
        return
    res.peaks.append(("check --jobs", peak, largest))
    target = "< 60 s, < 2 GB" if n_articles >= 100_000 else "(100k: < 60 s, < 2 GB)"
    cpu = proc.cpu  # type: ignore[attr-defined]
    r = res.add(Row(name, wall, nbytes,
                    f"{nbytes / MB / wall / jobs:.2f} MB/s per core of wall time; peak RSS "
                    f"{_mib(peak)} (all processes), largest process {_mib(largest)}; load "
                    f"{load:.1f} before",
                    target, ratio=(cpu / (nbytes / MB / res.bare_mbps) if res.bare_mbps else None),
                    cpu=cpu))
    res.check_mbps_core = r.mbps_cpu
    res.check = (n_articles, wall, cpu, jobs, peak, largest)


def check_extrapolation(res: Results) -> None:
    """`check` scaled to 100,000 articles: time linearly; memory as the fixed part (a
    `check` of one draft, if measured) plus the part that grows with the corpus."""
    if res.check is None or res.check[0] >= 100_000:
        return
    n, wall, cpu, jobs, peak, largest = res.check
    k = 100_000 / n
    base = min(res.base_rss or 0, largest)
    mem = base + (largest - base) * k
    res.extra.append(
        f"`check` scaled linearly to 100,000 articles (~300 MB) on {jobs} cores: about "
        f"{wall * k:.0f} s at this run's wall time, {cpu / jobs * k:.0f} s from its CPU time on "
        f"{jobs} otherwise idle cores (target < 60 s); peak memory of the main process about "
        f"{_mib(int(mem))} ({_mib(base)} fixed + {(largest - base) / 2**20 / n * 1000:.1f} MiB per "
        f"1,000 articles; target < 2 GB). Measure with `--articles 100000`.")


# ---------------------------------------------------------------- (e) draft check

def write_draft(out: Path, seed: int) -> Path:
    """A draft that is in neither the corpus nor the archive (another seed), about the
    same events, so its groups meet the archive's."""
    _, text = generate.Writer(seed + 1000).article(0)
    draft = out / "draft.md"
    draft.write_text(text, encoding="utf-8")
    return draft


def time_command(cmd: list[str], runs: int, cpus: list[float] | None = None,
                 peaks: list[int] | None = None) -> tuple[list[float], str | None]:
    """Wall times of ``runs`` runs (CPU times appended to ``cpus``, peak RSS of the
    process tree to ``peaks``), or the failure."""
    walls = []
    for _ in range(runs):
        wall, peak, _, proc = run_measured(cmd, ROOT)
        if peaks is not None:
            peaks.append(peak)
        failed = _failure(proc)
        if failed:
            return walls, failed
        walls.append(wall)
        if cpus is not None:
            cpus.append(proc.cpu)  # type: ignore[attr-defined]
    return walls, None


def draft_check(folder: Path, out: Path, seed: int, res: Results, runs: int,
                importtime: bool = True) -> None:
    files = sorted(folder.rglob("*.md"))[:10]
    against = out / "against10"
    if against.exists():
        shutil.rmtree(against)
    against.mkdir(parents=True)
    for f in files:
        shutil.copy(f, against / f.name)
    draft = write_draft(out, seed)
    cmd = [sys.executable, "-m", "factcheck", "check", str(draft), "--against", str(against),
           "--fail-on", "never"]
    name = f"(e) draft `check DRAFT --against` folder of {len(files)}"
    cpus: list[float] = []
    peaks: list[int] = []
    walls, failed = time_command(cmd, runs, cpus, peaks)
    if failed:
        res.add(Row(name, note=failed))
        return
    res.base_rss = max(peaks) or None
    bare_py, _ = time_command([sys.executable, "-c", "pass"], 3)
    imp, _ = time_command([sys.executable, "-c", "import factcheck.cli"], 3)
    res.draft_folder = min(walls)
    res.add(Row(name, min(walls), None,
                f"best of {runs} (median {statistics.median(walls):.3f}); start-up: `python -c "
                f"pass` {min(bare_py):.3f} s, `import factcheck.cli` {min(imp):.3f} s", "< 0.5 s",
                cpu=min(cpus)))
    if importtime:
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
    what = " ".join(Path(c).name if os.sep in c else c for c in cmd[3:5])
    lines = ["", f"Heavy imports on the `{what} ...` path (`python -X importtime`, "
                 "cumulative):", ""]
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
    heavy = [n for _, _, n in rows if n in ("pandas", "dateparser", "numpy", "pyarrow")]
    if not found:
        lines.append(f"- nothing above {threshold_ms:.0f} ms")
    lines.append(f"- pandas/dateparser/numpy/pyarrow imported: {', '.join(heavy) or 'none'}")
    return lines


# ---------------------------------------------------------------- (g) archive

def migrate_archive(db: Path) -> str:
    """Bring a reused archive to this checkout's schema, as ``factcheck ingest`` would: a
    draft check opens an older archive read-only and migrates a copy of it in memory on
    every run (a 60 MB v6 archive: ~0.3 s of each timed run in 2026-12), which no user of
    an ingested archive pays. The note for the table ('' when nothing was done)."""
    import sqlite3

    from factcheck.archive import SCHEMA_VERSION, Archive

    conn = sqlite3.connect(f"file:{db.resolve()}?mode=ro", uri=True)
    try:
        before = int(conn.execute(
            "SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0])
    finally:
        conn.close()
    if before >= SCHEMA_VERSION:
        return ""
    with Archive(db, warn=lambda msg: None):  # opened for writing: migrated in place
        pass
    return f"; migrated from schema v{before} to v{SCHEMA_VERSION} before timing"


def archive_case(n: int, seed: int, jobs: int, out: Path, res: Results, runs: int,
                 reuse: bool = False, importtime: bool = True, density: str = "dense") -> None:
    """``factcheck ingest`` n articles into a fresh database (or, with ``reuse``, the one a
    previous run left), then a draft against it."""
    folder, man = corpus(out, n, seed, density)
    db = out / (f"archive-{n}-s{seed}" + ("" if density == "dense" else f"-{density}") + ".db")
    done = db.with_suffix(".ingested")  # written after a complete ingest
    name = f"(g) `factcheck ingest` {n:,} articles ({density}), --jobs {jobs}"
    if reuse and db.exists() and done.exists():
        migrated = migrate_archive(db)
        res.add(Row(name, note=f"reused {db.name} ({db.stat().st_size / MB:.0f} MB): "
                               + done.read_text().strip() + migrated))
    else:
        done.unlink(missing_ok=True)
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        cmd = [sys.executable, "-m", "factcheck", "ingest", str(folder), "--db", str(db),
               "--jobs", str(jobs)]
        load = os.getloadavg()[0]
        wall, peak, largest, proc = run_measured(cmd, ROOT)
        failed = _failure(proc, db)
        if failed:
            res.add(Row(name, wall, man["bytes"], failed))
            return
        res.peaks.append(("ingest", peak, largest))
        r = res.add(Row(name, wall, man["bytes"], cpu=proc.cpu,  # type: ignore[attr-defined]
                        note=f"{man['bytes'] / MB / wall / jobs:.2f} MB/s per core of wall time; "
                             f"db {db.stat().st_size / MB:.0f} MB; peak RSS {_mib(peak)}; load "
                             f"{load:.1f} before"))
        done.write_text(f"ingested in {wall:.1f} s wall, {r.cpu:.1f} s CPU on "
                        f"{time.strftime('%Y-%m-%d %H:%M')}\n")
    draft = write_draft(out, seed)
    cmd = [sys.executable, "-m", "factcheck", "check", str(draft), "--against", str(db),
           "--fail-on", "never"]
    name = f"(g) draft `check DRAFT --against` {n:,}-article .db ({density})"
    cpus = []
    time_command(cmd, 1)  # untimed: fills the caches a reused archive's run may not have
    walls, failed = time_command(cmd, runs, cpus)
    if failed:
        res.add(Row(name, note=failed))
        return
    res.draft_db = min(walls)
    res.add(Row(name, min(walls), None,
                f"best of {runs} (median {statistics.median(walls):.3f}), start-up included",
                "< 0.5 s", cpu=min(cpus)))
    if importtime:
        res.extra.extend(import_report(cmd))


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


def compare_scaling(n: int, res: Results, repeat: int) -> None:
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
            _, t, _ = best(lambda: compare(claims, articles), repeat)
            times.append(t)  # CPU seconds
        exp = math.log(times[1] / times[0]) / math.log(4) if times[0] > 0 else float("nan")
        res.add(Row(f"(f) compare {n:,} → {4 * n:,} claims, {label}", None, None,
                    f"CPU {times[0]:.3f} s → {times[1]:.3f} s: ×{times[1] / times[0]:.1f}, "
                    f"exponent {exp:.2f}", "n log n: ×4.3–5, exponent ≈ 1.1", cpu=times[1]))


# ---------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=5000,
                    help="corpus size for `check --jobs` (default 5000, ~16 MB)")
    ap.add_argument("--jobs", type=int, default=2, help="--jobs for check and ingest (default 2)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sample", type=int, default=1000,
                    help="articles measured stage by stage on one core (default 1000, ~3 MB)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs per in-process timing; the best is reported (default 3)")
    ap.add_argument("--runs", type=int, default=5,
                    help="runs of each draft check; the best is reported (default 5)")
    ap.add_argument("--archive", type=int, default=10000,
                    help="articles ingested for the archive case (default 10000)")
    ap.add_argument("--reuse-db", action="store_true",
                    help="reuse the archive database a previous complete run ingested")
    ap.add_argument("--no-importtime", dest="importtime", action="store_false",
                    help="skip the `python -X importtime` report of the draft checks")
    ap.add_argument("--claims", type=int, default=5000, help="n for the compare scaling (n, 4n)")
    ap.add_argument("--out", type=Path, default=HERE / "out", help="work folder (git-ignored)")
    ap.add_argument("--density", choices=tuple(generate.DENSITIES), default="typical",
                    help="numbers per KB of the corpus: typical (~2.3, like the seed articles; "
                         "default) or dense (~13, a stress case)")
    ap.add_argument("--skip", nargs="*", default=[],
                    choices=("stages", "check", "draft", "archive", "compare"),
                    help="parts not to run")
    ap.add_argument("--shared-cache", action="store_true",
                    help="use the user's factcheck cache, not a private one under --out")
    args = ap.parse_args(argv)

    os.environ["PYTHONPATH"] = _env()["PYTHONPATH"]  # subprocesses use this checkout
    if not args.shared_cache:
        # a cache of this checkout's patterns only: the user's cache holds the small entries
        # of every checkout and rules folder run on this machine in one bundle that each
        # command reads whole (12 MB on the shared build machine, ~60 ms; one checkout's
        # draft check reads ~5 MB), so the figures would depend on what else ran here
        os.environ["FACTCHECK_CACHE"] = str((args.out / "cache").resolve())
    # an installed package has its bytecode; with PYTHONDONTWRITEBYTECODE set (as on the
    # build machines) an editable checkout would recompile every module on every command,
    # ~0.1-0.2 s of each draft check that no installed copy pays
    import compileall

    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    args.out.mkdir(parents=True, exist_ok=True)
    load0 = os.getloadavg()
    t0 = time.perf_counter()
    folder, man = corpus(args.out, args.articles, args.seed, args.density)
    files = sorted(folder.rglob("*.md"))
    sample = files[: args.sample]
    res = Results()
    print(table(Results()).splitlines()[0])
    if not args.shared_cache:  # untimed: the private cache's patterns, rules and places
        subprocess.run([sys.executable, "-m", "factcheck", "check", *map(str, files[:20]),
                        "--fail-on", "never", "-o", str(args.out / "warm-up.md")],
                       cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if "stages" not in args.skip:
        one_core(sample, res, args.repeat)
    if "check" not in args.skip:
        check_corpus(folder, man["bytes"], len(files), args.jobs, args.out, res)
    if "draft" not in args.skip:
        draft_check(folder, args.out, args.seed, res, args.runs, args.importtime)
    if "archive" not in args.skip:
        archive_case(args.archive, args.seed, args.jobs, args.out, res, args.runs,
                     args.reuse_db, args.importtime, args.density)
    if "compare" not in args.skip:
        compare_scaling(args.claims, res, args.repeat)
    check_extrapolation(res)

    self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    tree_peak = max((p for _, p, _ in res.peaks), default=0)
    summary = [
        f"Peak memory (getrusage maxrss): this runner {_mib(self_peak)} (stages in process), "
        f"largest child process {_mib(child_peak)}; largest sum over a command's processes "
        f"(polled every 0.1 s) {_mib(tree_peak)} (target < 2 GB for 300 MB).",
    ]
    if res.e2e_mbps:
        summary.append(f"MB/s end to end per core (MB per CPU second): {res.e2e_mbps:.2f} in "
                       "process (read → context)"
                       + (f", {res.check_mbps_core:.2f} in `check --jobs {args.jobs}` "
                          f"(start-up, rules, compare and report included)"
                          if res.check_mbps_core else "")
                       + f"; bare scan {res.bare_mbps:.1f} MB/s; ratio {res.e2e_ratio:.1f}×.")
    if res.draft_folder is not None or res.draft_db is not None:
        summary.append("Draft check wall time (start-up included): "
                       + ", ".join(f"{k} {v:.3f} s" for k, v in (("folder of 10", res.draft_folder),
                                                                 ("archive .db", res.draft_db))
                                   if v is not None) + " (target < 0.5 s).")
    load1 = os.getloadavg()
    cpu = os.cpu_count()
    head = (f"factcheck benchmark: {len(files):,} articles ({man['bytes'] / MB:.0f} MB, seed "
            f"{args.seed}, {args.density} density), stages on {len(sample):,} articles (best of {args.repeat}), {cpu} "
            f"cores, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d %H:%M')}; load "
            f"average {load0[0]:.1f} at start, {load1[0]:.1f} at end; "
            f"{time.perf_counter() - t0:.0f} s in all")
    text = "\n".join([head, "", table(res), "", *(f"- {s}" for s in summary),
                      *(e if e.startswith(("-", "Heavy")) or not e else f"- {e}"
                        for e in res.extra)]) + "\n"
    (args.out / "results.md").write_text(text)
    print()
    print(text)
    print(f"wrote {args.out / 'results.md'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
