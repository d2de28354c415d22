"""Periods on reporting the corpus never met: invented articles (``tests/data/periods``)
in both languages, each figure's expected period written from the corpus guide first.

The hard cases of unseen reporting: no header date but weekdays and "ieri" in the text, a
header known only to the month or the year, a report days later restating the first
day's toll, an anniversary ten years on, a background event inside a current report, a
trial years later (``expected.toml`` says what each figure should get and why).
"""

from __future__ import annotations

import tomllib
from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest

from factcheck.model import Claim
from factcheck.pipeline import extract_paths

HERE = Path(__file__).parent / "data" / "periods"
CASES = tomllib.loads((HERE / "expected.toml").read_text("utf-8"))["figure"]


@lru_cache(maxsize=None)
def _claims(doc: str) -> tuple[Claim, ...]:
    [result] = extract_paths([HERE / doc], jobs=1, progress=False)
    return result.claims


def _figure(case: dict) -> Claim:
    found = [c for c in _claims(case["doc"]) if c.quantity.text == case["figure"]]
    assert len(found) >= case.get("nth", 1), f"{case['figure']} not extracted"
    return found[case.get("nth", 1) - 1]


def _id(case: dict) -> str:
    return f"{case['doc']}:{case['figure']}#{case.get('nth', 1)}"


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_each_figure_gets_the_time_it_refers_to(case):
    if case.get("xfail"):
        pytest.xfail(case["xfail"])
    c = _figure(case)
    want = (date.fromisoformat(case["start"]), date.fromisoformat(case["end"]))
    got = (c.period_start, c.period_end)
    if case.get("exact"):
        assert got == want
    else:
        lo, hi = got[0] or got[1], got[1] or got[0]
        assert lo is not None and hi is not None and lo <= want[1] and want[0] <= hi, got
