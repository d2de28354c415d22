"""The benchmark generator and runner work end to end on a tiny corpus.

No timing is asserted here: speed targets are checked by running
``python benchmarks/run.py``, never by timed unit tests.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"


def _generate(out: Path, articles: int, seed: int = 1, density: str = "dense") -> dict:
    proc = subprocess.run(
        [sys.executable, str(BENCH / "generate.py"), "--out", str(out),
         "--articles", str(articles), "--seed", str(seed), "--density", density],
        capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads((out / "manifest.json").read_text())


def test_generator_is_deterministic_and_news_like(tmp_path):
    a = _generate(tmp_path / "a", 20)
    b = _generate(tmp_path / "b", 20)
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.md"))
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.md"))
    assert len(files_a) == 20 and files_a == files_b
    for rel in files_a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()
    assert a["articles"] == 20 and a["bytes"] == b["bytes"]
    assert 1500 < a["bytes"] / 20 < 5000  # about 3 KB per article
    langs = {p.stem.rsplit("_", 1)[1] for p in files_a}
    assert langs == {"it", "en"}
    text = "\n".join((tmp_path / "a" / rel).read_text(encoding="utf-8") for rel in files_a)
    assert re.search(r"\d", text) and "secondo" in text and "according to" in text


def test_typical_density_is_the_seeds_not_the_stress_case(tmp_path):
    from factcheck.numbers import find_quantities

    def per_kb(folder: Path) -> float:
        texts = [p.read_text(encoding="utf-8") for p in folder.rglob("*.md")]
        n = sum(len(find_quantities(t, "en" if "lang: en" in t else "it")) for t in texts)
        return n / (sum(len(t.encode()) for t in texts) / 1000)

    seeds = [p.read_text(encoding="utf-8") for p in (ROOT / "seeds").glob("*.txt")]
    seeds_kb = sum(len(find_quantities(t, "it")) for t in seeds) / (
        sum(len(t.encode()) for t in seeds) / 1000)
    _generate(tmp_path / "typical", 60, density="typical")
    _generate(tmp_path / "dense", 60)
    typical, dense = per_kb(tmp_path / "typical"), per_kb(tmp_path / "dense")
    assert 0.5 * seeds_kb < typical < 2 * seeds_kb  # seeds: ~2.1 numbers per KB
    assert dense > 4 * typical


FIELDS = (
    "(a) bare regex number scan",
    "(b) read",
    "(b) sentences",
    "(b) numbers (find_quantities)",
    "(b) claims (rules)",
    "(b) context",
    "(b) compare",
    "(b) report",
    "(c) extraction end to end, 1 core",
    "(d) `factcheck check` 20 articles, --jobs 2",
    "(e) draft `check DRAFT --against` folder of 10",
    "(g) `factcheck ingest` 20 articles (typical)",
    "(g) draft `check DRAFT --against` 20-article .db (typical)",
    "(f) compare",
    "Peak memory (getrusage maxrss)",
    "MB/s end to end per core",
    "Draft check wall time",
)


def _row(text: str, name: str) -> list[str]:
    line = next(line for line in text.splitlines()
                if line.startswith("| " + name) or line.startswith(name))
    return [c.strip() for c in line.strip("|").split("|")]


def test_runner_on_a_tiny_corpus(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--articles", "20", "--sample", "20",
         "--archive", "20", "--jobs", "2", "--claims", "50", "--repeat", "1", "--runs", "1",
         "--no-importtime", "--out", str(out), "--shared-cache"],  # a private one starts cold
        capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    text = proc.stdout
    for field in FIELDS:
        assert field in text, f"{field!r} missing from:\n{text}"
    assert (out / "results.md").read_text() in text
    assert (out / "corpus-20-s1-typical" / "manifest.json").exists()

    # columns: measure, MB, wall s, CPU s, MB/s (wall), MB/s per core (CPU), × bare scan, ...
    number = re.compile(r"\d+\.\d+")
    for name in ("(a) bare regex number scan", "(b) sentences", "(b) numbers (find_quantities)",
                 "(c) extraction end to end, 1 core"):
        cells = _row(text, name)
        for cell in cells[2:6]:  # wall, CPU, MB/s, MB/s per core
            assert number.fullmatch(cell), cells
        assert re.fullmatch(r"\d+\.\d+×", cells[6]), cells  # × bare scan
    # the commands ran: a wall and a CPU time, no exit code or traceback in the notes
    for name in ("(d) `factcheck check`", "(e) draft", "(g) `factcheck ingest`", "(g) draft"):
        cells = _row(text, name)
        assert number.fullmatch(cells[2]) and number.fullmatch(cells[3]), cells
        assert not cells[-1].startswith(("exit", "error", "missing")), cells
    assert re.search(r"Peak memory .* this runner [\d,]+ MiB", text)

    # each step of a draft check against the archive just ingested, timed in a fresh process
    proc = subprocess.run(
        [sys.executable, str(BENCH / "draft_steps.py"), "--runs", "1", "--out", str(out),
         "--db", str(out / "archive-20-s1-typical.db"), "--shared-cache"],
        capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    steps = {c[0]: c[1] for line in proc.stdout.splitlines() if line.startswith("| ")
             and (c := [x.strip() for x in line.strip("|").split("|")])}
    for step in ("import the command", "read and extract the draft", "archive reading",
                 "analyze", "total"):
        assert re.fullmatch(r"\d+ \(\d+\)", steps[step]), steps
    assert int(steps["total"].split()[0]) > int(steps["read and extract the draft"].split()[0])


def test_compare_trees_times_each_tree_on_the_same_articles(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(BENCH / "compare_trees.py"), str(ROOT), str(ROOT), "--rounds", "1",
         "--articles", "6", "--sample", "4", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    rows = [line for line in proc.stdout.splitlines() if line.startswith(f"| {ROOT} |")]
    assert len(rows) == 2  # one row per tree named, in order
    claims = {row.rsplit("|", 2)[-2].strip() for row in rows}
    assert len(claims) == 1  # the same code made the same claims


def test_heldout_seal_and_score_print_headlines_only(tmp_path, monkeypatch):
    """A sealed set is packed deterministically and scored without printing its text."""
    sys.path.insert(0, str(BENCH))
    try:
        import heldout
    finally:
        sys.path.remove(str(BENCH))
    corpus = ROOT / "tests" / "corpus"
    folder = tmp_path / "set"
    (folder / "articles").mkdir(parents=True)
    (folder / "gold").mkdir()
    for article in sorted((corpus / "articles").glob("marmolada-0[12]-*.txt")):
        (folder / "articles" / article.name).write_bytes(article.read_bytes())
    wanted = {a.name for a in (folder / "articles").iterdir()}
    gold = [line for line in (corpus / "gold" / "marmolada-2022.claims.jsonl").read_text().splitlines()
            if line.strip() and json.loads(line)["doc"] in wanted]
    (folder / "gold" / "marmolada-2022.claims.jsonl").write_text("\n".join(gold) + "\n")
    monkeypatch.setattr(heldout, "SEALED", tmp_path / "sealed")
    first = heldout.seal(folder, "one")
    (tmp_path / "copy").mkdir()
    monkeypatch.setattr(heldout, "SEALED", tmp_path / "copy")
    assert heldout.seal(folder, "one").read_bytes() == first.read_bytes()
    scores = heldout.score("one", ROOT)
    assert 0 < scores["claims R"] <= 1 and isinstance(scores["event splits"], int)
    proc = subprocess.run([sys.executable, str(BENCH / "heldout.py"), "score", "--tree", str(ROOT)],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    # the repository's own sealed sets (if any) score; the output is a table of figures only
    assert proc.returncode == 0 or "no sealed set" in proc.stderr, proc.stderr
    assert "Marmolada" not in proc.stdout
