"""The area a figure of a breakdown by place counts (issue 16): cases are data
(``tests/data/context/areas.toml``), our own sentences with their expected side."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from factcheck.context.examples import context_claim

CASES = tomllib.loads((Path(__file__).parent / "data" / "context" / "areas.toml")
                      .read_text("utf-8"))


@pytest.mark.parametrize("case", CASES["side"],
                         ids=[f"{c.get('lang', 'it')}: {c['figure']}: {c['text'][:50]}"
                              for c in CASES["side"]])
def test_area(case):
    c = context_claim(case["text"], case["figure"], lang=case.get("lang", "it"),
                      published=date(2022, 9, 14), metric=case.get("metric", "deaths"))
    assert (c.side or "") == case["side"]
