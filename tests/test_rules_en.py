"""The English claim rules on running prose, not only on their own examples.

``tests/data/english_rules/sample.md`` is a short English article written for this test:
per-side breakdowns, a toll, every metric, and the traps (an age, a duration, a year, money,
a percentage, counted things, "one of the soldiers", fiction). The test pins the exact claims
the rules in ``rules/claims/en/`` make on it: metric, value, qualifier, interval and side.

The English rules are loaded on their own (metrics, parties, ``lang/en`` and ``claims/en`` copied to a
temporary folder), so a rule being drafted in another language cannot break this spec.
"""

from __future__ import annotations

import shutil
import tomllib
from datetime import date
from pathlib import Path

import pytest

from factcheck.pipeline import claims_in_text
from factcheck.paths import rules_dir
from factcheck.rules import load_rules

SAMPLE = Path(__file__).parent / "data" / "english_rules" / "sample.md"
METRICS = ("deaths", "wounded", "missing", "displaced", "troops", "prisoners", "population",
           "casualties")
OPEN = None  # an open bound

# (metric, value, qualifier, low, high, party) in the order the figures appear
EXPECTED = [
    # "At least 49 Armenian and 50 Azerbaijani soldiers were killed": the breakdown shares "at least"
    ("deaths", 49, "at_least", 49, OPEN, "armenia"),
    ("deaths", 50, "at_least", 50, OPEN, "azerbaijan"),
    # "the death toll among its troops had risen to 105"
    ("deaths", 105, "exact", 105, 105, None),
    # "Azerbaijan said it lost 71 servicemen, while a further 281 were wounded": the speaker's side
    ("deaths", 71, "exact", 71, 71, "azerbaijan"),
    ("wounded", 281, "exact", 281, 281, None),
    # "2,700 civilians had been evacuated"
    ("displaced", 2700, "exact", 2700, 2700, None),
    # "About 20 Armenian soldiers were taken prisoner"
    ("prisoners", 20, "approx", 18, 22, "armenia"),
    # "has kept about 2,000 peacekeepers in Nagorno-Karabakh since the 2020 war"
    ("troops", 2000, "approx", 1800, 2200, None),
    # "border guards killed at least 24 people and injured 87 others"
    ("deaths", 24, "at_least", 24, OPEN, None),
    ("wounded", 87, "exact", 87, 87, None),
    # "More than 136,000 people fled their homes in Batken, a province of roughly 500,000 people"
    ("displaced", 136000, "more_than", 136000, OPEN, None),
    ("population", 500000, "approx", 450000, 550000, None),
    # "more than 300 Armenian casualties"
    ("casualties", 300, "more_than", 300, OPEN, "armenia"),
    # "Seven soldiers remained missing on both sides": a total
    ("missing", 7, "exact", 7, 7, "total"),
    # "exchanged 17 prisoners of war"
    ("prisoners", 17, "exact", 17, 17, None),
    # "155 soldiers had been killed in total"
    ("deaths", 155, "exact", 155, 155, "total"),
]


def _body(path: Path) -> str:
    """The article text after its front matter."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return text.split("---\n", 2)[2]


@pytest.fixture(scope="module")
def english_rules(tmp_path_factory):
    """The project's English rules, alone in a rules folder."""
    src = rules_dir()
    dst = tmp_path_factory.mktemp("rules_en")
    shutil.copy(src / "metrics.toml", dst / "metrics.toml")
    shutil.copy(src / "parties.toml", dst / "parties.toml")  # the party words of {SIDE}
    shutil.copytree(src / "lang" / "en", dst / "lang" / "en")
    shutil.copytree(src / "claims" / "en", dst / "claims" / "en")
    return load_rules(dst)


@pytest.fixture(scope="module")
def sample_claims(english_rules):
    return claims_in_text(_body(SAMPLE), "en", english_rules, doc=SAMPLE.name)


def test_sample_front_matter():
    from factcheck.articles import read_article

    article = read_article(SAMPLE)
    assert article.lang == "en"
    assert article.published == date(2022, 9, 15)
    assert article.title and article.title.startswith("Border fighting")


def test_every_metric_has_an_english_rule(english_rules):
    metrics = {r.metric for r in english_rules.for_lang("en")}
    assert metrics == set(METRICS)


@pytest.mark.parametrize("metric", METRICS)
def test_english_rule_has_enough_examples(metric):
    """Issue 4: at least 8 examples and 4 counter-examples per metric per language."""
    data = tomllib.loads((rules_dir() / "claims" / "en" / f"{metric}.toml").read_text("utf-8"))
    assert data["metric"] == metric
    assert len(data.get("examples", [])) >= 8
    assert len(data.get("counter_examples", [])) >= 4


def test_sample_claims_exactly(sample_claims, english_rules):
    claims, _ = sample_claims
    got = [(c.metric, c.quantity.value, c.quantity.qualifier, c.quantity.low, c.quantity.high,
            english_rules.side_party(c.side, "en")) for c in claims]
    assert got == EXPECTED


def test_sample_claims_quote_their_sentence(sample_claims):
    claims, _ = sample_claims
    for c in claims:
        assert c.lang == "en"
        assert c.rule == f"en/{c.metric}"
        assert c.quantity.text in c.quote


def test_per_side_breakdown_names_both_groups(sample_claims):
    claims, _ = sample_claims
    first, second = claims[0], claims[1]
    assert (first.who, first.side) == ("Armenian", "Armenian")
    assert (second.who, second.side) == ("Azerbaijani soldiers", "Azerbaijani")


def test_sample_traps_are_not_claims(sample_claims):
    claims, unclaimed = sample_claims
    claimed = {c.quantity.text for c in claims}
    # non-counts: an age, a duration, years, money, a percentage, "3 times"
    for text in ("45-year-old", "12 hours", "2020", "$50 million", "40 percent", "3"):
        assert text not in claimed
    # counts no rule may take, each with its reason
    reasons = {(u.quantity.text, u.reason) for u in unclaimed}
    assert ("30", "no rule matched") in reasons  # "destroyed 30 houses": things, not people
    assert ("One", "no rule matched") in reasons  # "One of the soldiers wounded ... told"
    assert ("300", "vetoed by unless in en/deaths") in reasons  # "A novel ... 300 soldiers die"
    assert len(claims) + len(unclaimed) == len(EXPECTED) + 4  # the fourth: "The two countries"


@pytest.mark.parametrize("sentence, expected", [
    # the metric comes from the predicate, not the noun
    ("About 2,000 soldiers were deployed to the border.", ("troops", 2000)),
    ("About 2,000 soldiers were killed at the border.", ("deaths", 2000)),
    ("About 2,000 soldiers were wounded at the border.", ("wounded", 2000)),
    ("About 2,000 soldiers were captured at the border.", ("prisoners", 2000)),
    ("About 2,000 soldiers remain missing at the border.", ("missing", 2000)),
    ("About 2,000 soldiers were killed or wounded at the border.", ("casualties", 2000)),
    ("About 2,000 residents fled the border town.", ("displaced", 2000)),
    ("About 2,000 residents live in the border town.", ("population", 2000)),
])
def test_metric_comes_from_the_predicate(english_rules, sentence, expected):
    claims, _ = claims_in_text(sentence, "en", english_rules)
    assert [(c.metric, c.quantity.value) for c in claims] == [expected]
