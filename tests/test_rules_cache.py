"""A rules folder that validated once is read back from the cache, never stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck import rules as rules_mod
from factcheck.pipeline import claims_in_text
from factcheck.errors import RuleError
from factcheck.paths import rules_dir
from factcheck.rules import load_rules


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for this module: compiled patterns are shared (compiling every
    rule takes seconds), rule sets are keyed by their folder, unique to each test."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def rules_copy(tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the shipped rules, with the module's cache folder."""
    monkeypatch.setenv("FACTCHECK_CACHE", str(cache_dir))
    root = tmp_path / "rules"
    shutil.copytree(rules_dir(), root)
    return root


def _spy_checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    seen: list[Path] = []
    real = rules_mod.check_rules

    def spy(root=None, files=(), timeout=rules_mod.DEFAULT_TIMEOUT):
        seen.append(root)
        return real(root, files, timeout)

    monkeypatch.setattr(rules_mod, "check_rules", spy)
    return seen


def test_second_load_is_served_from_the_cache(rules_copy, monkeypatch):
    checks = _spy_checks(monkeypatch)
    first = load_rules(rules_copy)
    second = load_rules(rules_copy)
    assert len(checks) == 1  # validated once
    assert [r.id for r in second.rules] == [r.id for r in first.rules]
    assert [p.prefilter for r in second.rules for p in r.patterns] == \
        [p.prefilter for r in first.rules for p in r.patterns]
    text = "Almeno 49 soldati armeni e 50 azeri sono morti martedì al confine."
    a, _ = claims_in_text(text, "it", first)
    b, _ = claims_in_text(text, "it", second)
    assert [(c.quantity.value, c.metric, c.who) for c in b] == \
        [(c.quantity.value, c.metric, c.who) for c in a] == \
        [(49, "deaths", "soldati armeni"), (50, "deaths", "azeri")]


def test_an_edited_rule_file_is_checked_again(rules_copy, monkeypatch):
    load_rules(rules_copy)
    checks = _spy_checks(monkeypatch)
    path = rules_copy / "claims" / "it" / "deaths.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'description = "', 'description = "Edited. ', 1), encoding="utf-8")
    ruleset = load_rules(rules_copy)
    assert len(checks) == 1
    assert ruleset.get("it/deaths").description.startswith("Edited.")


def test_a_broken_edit_is_reported_even_after_a_good_load(rules_copy):
    load_rules(rules_copy)
    path = rules_copy / "claims" / "it" / "deaths.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("metric =", "metric = = ", 1),
                    encoding="utf-8")
    with pytest.raises(RuleError, match="deaths.toml:1:.*R001"):
        load_rules(rules_copy)


def test_a_damaged_cache_file_only_costs_time(rules_copy, monkeypatch):
    load_rules(rules_copy)
    for f in rules_mod.regexcache.cache_dir().glob("ruleset-*.pickle"):
        f.write_bytes(b"not a pickle")
    checks = _spy_checks(monkeypatch)
    assert load_rules(rules_copy).get("it/deaths") is not None
    assert len(checks) == 1
