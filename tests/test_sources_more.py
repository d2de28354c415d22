"""Who says so, across sentences (issue 16): cases are data
(``tests/data/context/sources_more.toml``), our own sentences with their expected source."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from factcheck.context.examples import article_claims
from factcheck.model import Article

CASES = tomllib.loads((Path(__file__).parent / "data" / "context" / "sources_more.toml")
                      .read_text("utf-8"))


@pytest.mark.parametrize("case", CASES["source"],
                         ids=[f"{c.get('lang', 'it')}: {c['figure']}: {c['text'][:50]}"
                              for c in CASES["source"]])
def test_source(case):
    text = case["text"]
    article = Article(id="<example>", path="<example>", text=text, regions=((0, len(text)),),
                      outlet=case.get("outlet", "Gazzetta"), published=date(2022, 9, 14), published_how="metadata",
                      published_precision="day", lang=case.get("lang", "it"))
    # the other figures named are claims too: a sentence with figures keeps its attribution
    specs = ([{"figure": case["figure"], "metric": case.get("metric", "deaths")}]
             + [{"figure": f} for f in case.get("occurrence_claims", ())])
    c = article_claims(article, specs)[0]
    expected = case["source"]
    assert (c.source if c.source_kind == "attributed" else "") == expected
