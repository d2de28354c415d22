"""The back-off reader (factcheck.claims_backoff): a count no claim rule took, read by
proximity. The examples of rules/lang/<lang>/backoff.toml run here, then the guards."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from factcheck.errors import RuleError
from factcheck.paths import rules_dir
from factcheck.pipeline import claims_in_text
from factcheck.rules import load_rules

RULES = load_rules()
ALONE = replace(RULES, rules=())  # the reader alone, with no claim rule before it
CASES = [(lang, ex) for lang, b in sorted(RULES.backoff.items())
         for ex in b.examples + b.counter_examples]


def _backoff(text: str, lang: str, ruleset=RULES):
    """The claims of ``text`` the back-off reader made."""
    claims, _ = claims_in_text(text, lang, ruleset)
    return [c for c in claims if c.rule == f"{lang}/backoff"]


def _all(text: str, lang: str, ruleset=RULES):
    claims, _ = claims_in_text(text, lang, ruleset)
    return [(c.quantity.text, c.metric, c.rule) for c in claims]


def test_both_languages_have_a_back_off_reader_with_examples_and_counter_examples():
    for lang in ("it", "en"):
        b = RULES.backoff[lang]
        assert b.examples and b.counter_examples
        assert {m for m, _ in b.metrics} >= {"deaths", "wounded", "missing", "displaced"}


@pytest.mark.parametrize("lang, ex", CASES,
                         ids=[f"{lang}:{ex.kind}-{ex.index}" for lang, ex in CASES])
def test_data_examples(lang, ex, check_reader_example):
    got = _backoff(ex.text, lang)
    check_reader_example(got, ex)


def test_an_example_is_read_by_the_back_off_only():
    """Without the back-off, the same sentence gives no claim: the examples test the reader,
    not the rules."""
    bare = replace(RULES, backoff={})
    text = "Officials said 23 hikers from the school club are unaccounted for in the canyon."
    assert _all(text, "en", bare) == []
    assert _all(text, "en") == [("23", "missing", "en/backoff")]


def test_a_figure_a_rule_claimed_is_never_read_again():
    got = _all("At least 40 people were killed in the blast.", "en")
    assert got == [("At least 40", "deaths", "en/deaths")]


def test_a_vetoed_figure_is_never_read_again():
    # the deaths rule vetoes fiction; the back-off must not take the figure instead
    text = "In the film 12 hikers from the school club are killed by an avalanche."
    assert [c for c in _all(text, "en") if c[1] == "deaths"] == []


def test_two_metrics_in_the_clause_give_nothing():
    # the reader alone (no claim rule), where one metric's words give a claim and two none
    alone = ALONE
    one = "Officials said 23 hikers were hospitalised."
    two = "Officials said 23 hikers were hospitalised or unaccounted for."
    assert [(c.metric, c.rule) for c in _backoff(one, "en", alone)] == [("wounded", "en/backoff")]
    assert _backoff(two, "en", alone) == []


def test_a_number_of_things_is_not_people():
    # "police" is a people noun, but "police cars" are things
    assert _backoff("Officials said 12 police cars were evacuated from the depot.", "en",
                    ALONE) == []
    assert len(_backoff("Officials said 12 police officers were evacuated from the depot.",
                        "en", ALONE)) == 1


def test_one_is_never_a_toll_by_proximity():
    assert _backoff("Officials said one person is unaccounted for.", "en", ALONE) == []
    assert len(_backoff("Officials said two people are unaccounted for.", "en", ALONE)) == 1


def test_a_status_cue_gives_the_status():
    c, = _backoff("Another 15 Germans from the tour group were hospitalised after the fire.",
                  "en")
    assert (c.metric, c.status) == ("wounded", "increment")


def test_a_quoted_title_and_a_possessive_are_not_read():
    assert _backoff('The play "23 Hikers From The School Club Are Missing" opened.', "en",
                    ALONE) == []
    assert _backoff("The 23 hikers' parents from the school club were evacuated.", "en",
                    ALONE) == []
    assert len(_backoff("The 23 hikers from the school club were evacuated.", "en",
                        ALONE)) == 1


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    dst = tmp_path / "rules"
    shutil.copytree(rules_dir(), dst)
    return dst


def test_without_the_file_there_is_no_back_off(folder):
    (folder / "lang" / "en" / "backoff.toml").unlink()
    rs = load_rules(folder)
    assert "en" not in rs.backoff and "it" in rs.backoff
    text = "Officials said 23 hikers from the school club are unaccounted for in the canyon."
    assert _all(text, "en", rs) == []


def test_an_unknown_metric_is_reported(folder):
    f = folder / "lang" / "en" / "backoff.toml"
    f.write_text(f.read_text("utf-8").replace("missing = [", "misssing = ["), "utf-8")
    with pytest.raises(RuleError, match='unknown metric "misssing"'):
        load_rules(folder)


def test_a_missing_key_is_reported(folder):
    f = folder / "lang" / "it" / "backoff.toml"
    f.write_text(f.read_text("utf-8").replace("\nbefore = 2\n", "\n"), "utf-8")
    with pytest.raises(RuleError, match='has no "before"'):
        load_rules(folder)
