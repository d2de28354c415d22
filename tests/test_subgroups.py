"""Subgroups and parts: the examples of rules/lang/<lang>/subgroups.toml, run as tests.

Each example gives its figures as written (and optionally their `metrics` and counted
groups, `whos`); the claims go through the whole context stage (as one article), and each
figure's subgroup, parent (as the parent's figure) and, where listed, side must be exactly
those given.
"""

from __future__ import annotations

import pytest

from factcheck.context.examples import article_claims
from factcheck.context.subgroups import subgroup_data
from factcheck.model import Article

CASES = [(lang, kind, x) for lang in ("it", "en")
         for kind in ("examples", "counter_examples")
         for x in getattr(subgroup_data(lang), kind)]


def _figures(lang: str, x: dict):
    text = x["text"]
    art = Article(id="<example>", path="<example>", text=text, regions=((0, len(text)),),
                  lang=lang)
    specs, seen = [], {}
    metrics = x.get("metrics", ["deaths"] * len(x["figures"]))
    whos = x.get("whos", [""] * len(x["figures"]))
    for f, m, who in zip(x["figures"], metrics, whos):
        specs.append({"figure": f, "metric": m, "who": who or None,
                      "occurrence": seen.get(f, 0)})
        seen[f] = seen.get(f, 0) + 1
    claims = article_claims(art, specs)
    by_start = {c.start: c.quantity.text for c in claims}
    return claims, by_start


@pytest.mark.parametrize("lang, kind, x", CASES,
                         ids=[f"{lang}/{kind}: {x['text'][:50]}" for lang, kind, x in CASES])
def test_subgroup_examples(lang, kind, x):
    claims, by_start = _figures(lang, x)
    assert [c.subgroup or "" for c in claims] == x["subgroups"]
    assert [by_start.get(c.parent, "") if c.parent is not None else "" for c in claims] == \
        x["parents"]
    if "sides" in x:
        assert [c.side or "" for c in claims] == x["sides"]


def test_every_language_has_examples_and_counter_examples():
    for lang in ("it", "en"):
        data = subgroup_data(lang)
        assert data.examples and data.counter_examples


def test_passengers_named_with_the_crew_are_not_the_figures_group():
    """"circa 30 tra passeggeri e membri dell'equipaggio" counts both groups: the passengers'
    word (guests where a crew is counted apart) does not name the figure's group."""
    text = "Secondo la capitaneria i dispersi sono circa 30 tra passeggeri e membri dell'equipaggio."
    art = Article(id="<t>", path="<t>", text=text, regions=((0, len(text)),), lang="it")
    (c,) = article_claims(art, [{"figure": "circa 30", "metric": "missing", "who": None,
                                 "occurrence": 0}])
    assert c.subgroup != "guests"


def test_a_word_in_the_possessive_is_no_counted_group():
    """"the police's estimate": the police own the estimate, they are not the 300."""
    from factcheck.context.subgroups import _not_owners
    data = subgroup_data("en")
    assert _not_owners(" were missing, above the police’s estimate", data) == []
    assert _not_owners(" soldiers' relatives waited", data) == []
    assert _not_owners(" police officers were hurt", data) == ["police"]
