"""Golden reports: a folder of articles in, the verdicts and the exact report out.

Each case under ``tests/data/golden/<case>/`` holds ``articles/`` (our own short
articles), ``case.toml`` (what the case is about, the verdicts expected and the exit
code) and ``expected.md`` (the report). A case with a ``draft.md`` is checked in draft
mode, against its ``articles/``. After an intended change to rules or wording,
regenerate the reports with ``FACTCHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py``
and read the diff before committing it.
"""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

import pytest

from factcheck.cli import main

GOLDEN = Path(__file__).parent / "data" / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "case.toml").is_file())


def check(capsys, case: Path, fmt: str) -> tuple[int, str]:
    argv = ["check", "--format", fmt, "--jobs", "1"]
    if (case / "draft.md").is_file():
        argv += [str(case / "draft.md"), "--against", str(case / "articles")]
    else:
        argv += [str(case / "articles")]
    code = main(argv)
    out, _ = capsys.readouterr()
    return code, out


def _param(name: str):
    """A case; ``known_gap = "why"`` in its case.toml runs it as a strict expected failure."""
    spec = tomllib.loads((GOLDEN / name / "case.toml").read_text(encoding="utf-8"))
    marks = [pytest.mark.xfail(reason=spec["known_gap"], strict=True)] if "known_gap" in spec else []
    return pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("name", [_param(n) for n in CASES])
def test_golden_case(name, capsys, shared_datadir):
    case = shared_datadir / "golden" / name  # a copy: the paths in the report are stable
    spec = tomllib.loads((case / "case.toml").read_text(encoding="utf-8"))
    code, out = check(capsys, case, "json")
    verdicts = [f["verdict"] for f in json.loads(out)["findings"]]
    assert verdicts == spec["verdicts"], spec["about"]
    assert code == spec["exit"], spec["about"]

    code, report = check(capsys, case, "md")
    expected = GOLDEN / name / "expected.md"
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        expected.write_text(report, encoding="utf-8")
    assert report == expected.read_text(encoding="utf-8")
