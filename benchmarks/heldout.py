"""Held-out sets: real articles about events the rules were never written from, kept sealed.

The corpus in ``tests/corpus`` is read by everyone who works on the rules, so its scores rise with
tuning. A held-out set is annotated the same way (``tests/corpus/GUIDE.md``) but kept packed in
``benchmarks/heldout/<name>.tar.xz``: nobody working on the code unpacks it, and it is scored only
through this script, which prints headline scores and never a missed figure, a false alarm or a
sentence. A set is scored at a session's start and at its end; once its failures have been read,
it joins ``tests/corpus`` and stops being held out.

    python benchmarks/heldout.py seal DIR --name NAME     # pack DIR/{articles,gold,notes}
    python benchmarks/heldout.py score [NAME ...] [--tree PATH] [--json FILE]

``--tree`` scores another checkout's code (e.g. a worktree at the session's start commit).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEALED = HERE / "heldout"
REPO = HERE.parent

# headline name -> path into `factcheck evaluate --format json`
HEADLINE = {
    "claims P": ("claims", "strict", "precision"),
    "claims R": ("claims", "strict", "recall"),
    "claims F1": ("claims", "strict", "f1"),
    "side": ("attributes", "side", "accuracy"),
    "source": ("attributes", "source", "accuracy"),
    "period": ("attributes", "period", "accuracy"),
    "event": ("attributes", "event", "accuracy"),
    "event splits": ("attributes", "event", "splits"),
    "event merges": ("attributes", "event", "merges"),
    "subgroup": ("attributes", "subgroup", "accuracy"),
    "parent": ("attributes", "parent", "accuracy"),
    "status": ("attributes", "status", "accuracy"),
    "flag recall": ("verdicts", "flag_recall"),
    "flag precision": ("verdicts", "flag_precision"),
    "contradiction precision": ("verdicts", "contradiction_precision"),
    "quiet called contradiction": ("verdicts", "quiet_called_contradiction"),
    "traps in one finding": ("verdicts", "traps_in_one_finding"),
}


def seal(folder: Path, name: str) -> Path:
    """Pack ``folder``'s articles, gold and notes into ``heldout/<name>.tar.xz`` (never overwrites)."""
    target = SEALED / f"{name}.tar.xz"
    if target.exists():
        sys.exit(f"heldout: {target} exists; choose another --name")
    missing = [sub for sub in ("articles", "gold") if not (folder / sub).is_dir()]
    if missing:
        sys.exit(f"heldout: {folder} has no {' or '.join(missing)} folder")
    SEALED.mkdir(exist_ok=True)
    with tarfile.open(target, "w:xz") as tar:
        for sub in ("articles", "gold", "notes"):
            if (folder / sub).is_dir():
                # sorted and with fixed metadata, so sealing the same set twice gives the same bytes
                for path in sorted((folder / sub).rglob("*")):
                    if path.is_file():
                        info = tar.gettarinfo(str(path), arcname=f"{sub}/{path.relative_to(folder / sub)}")
                        info.mtime, info.uid, info.gid, info.uname, info.gname = 0, 0, 0, "", ""
                        with path.open("rb") as handle:
                            tar.addfile(info, handle)
    return target


def _pick(data: dict, path: tuple[str, ...]) -> object:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def _show(value: object) -> str:
    if isinstance(value, dict) and "value" in value:
        right, total = value.get("right"), value.get("total")
        shown = "n/a" if value["value"] is None else f"{value['value']:.1%}"
        return f"{shown} ({right}/{total})" if total is not None else shown
    if isinstance(value, float):
        return f"{value:.3f}" if value <= 1 else f"{value:.1f}"
    return "n/a" if value is None else str(value)


def score(name: str, tree: Path) -> dict[str, object]:
    """Unpack one sealed set into a temporary folder and evaluate it with ``tree``'s code."""
    archive = SEALED / f"{name}.tar.xz"
    if not archive.is_file():
        sys.exit(f"heldout: no sealed set {archive}")
    with tempfile.TemporaryDirectory(prefix="heldout-") as tmp:
        with tarfile.open(archive, "r:xz") as tar:
            tar.extractall(tmp, filter="data")
        out = Path(tmp) / "scores.json"
        env = dict(os.environ, PYTHONPATH=str(tree / "src"), FACTCHECK_RULES=str(tree / "rules"))
        command = [sys.executable, "-m", "factcheck", "evaluate", f"{tmp}/articles", "--gold", f"{tmp}/gold",
                   "--format", "json", "-o", str(out)]
        if any((Path(tmp) / "gold").glob("*.groups.json")):
            command += ["--groups", f"{tmp}/gold"]
        proc = subprocess.run(
            command, env=env, cwd=tree, capture_output=True, text=True,
        )
        if proc.returncode not in (0, 1):
            # the error names a file of the set; print only its last line, not the set's text
            tail = proc.stderr.strip().splitlines()[-1:] or ["no message"]
            sys.exit(f"heldout: evaluate failed on {name} (exit {proc.returncode}): {tail[0][:200]}")
        data = json.loads(out.read_text(encoding="utf-8"))
    return {label: _pick(data, path) for label, path in HEADLINE.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p_seal = sub.add_parser("seal", help="pack a held-out folder")
    p_seal.add_argument("folder", type=Path)
    p_seal.add_argument("--name", required=True)
    p_score = sub.add_parser("score", help="headline scores of sealed sets (all when none named)")
    p_score.add_argument("names", nargs="*")
    p_score.add_argument("--tree", type=Path, default=REPO, help="checkout whose code is scored")
    p_score.add_argument("--json", type=Path, help="also write the scores here")
    args = parser.parse_args(argv)
    if args.command == "seal":
        print(seal(args.folder, args.name))
        return 0
    names = args.names or sorted(p.name[: -len(".tar.xz")] for p in SEALED.glob("*.tar.xz"))
    if not names:
        sys.exit(f"heldout: no sealed set in {SEALED}")
    results = {}
    for name in names:
        print(f"heldout: scoring {name} with {args.tree} ...", file=sys.stderr)
        results[name] = score(name, args.tree.resolve())
    print("| score | " + " | ".join(names) + " |")
    print("| --- |" + " ---: |" * len(names))
    for label in HEADLINE:
        print(f"| {label} | " + " | ".join(_show(results[n][label]) for n in names) + " |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
