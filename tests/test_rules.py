"""Every example of every rule file runs as its own test (ids like ``it/deaths:example-3``).

``[[examples]]`` and ``[[counter_examples]]`` must pass; a ``[[todo]]`` is an expected
failure with strict semantics: a todo that starts passing fails the run ("move it to
[[examples]]"), exactly as ``factcheck rules test`` reports it. Also: coverage per metric,
``rules list`` and the exit codes of ``rules test``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.paths import rules_dir
from factcheck.rules import check_example, check_rules, load_rules

ROOT = rules_dir()
MIN_EXAMPLES, MIN_COUNTER = 8, 4


def _collect() -> tuple[object, list]:
    ruleset, problems = check_rules(ROOT)
    if ruleset is None:
        # invalid rule files: one failing test that lists every problem
        return None, [pytest.param(None, None, id="rules-are-valid")]
    params = []
    for rule in sorted(ruleset.rules, key=lambda r: r.id):
        for ex in rule.all_examples:
            marks = ()
            if ex.kind == "todo":
                marks = pytest.mark.xfail(strict=True, reason=ex.note or "known miss (todo)")
            params.append(pytest.param(rule.id, ex, id=ex.test_id(rule.id), marks=marks))
    return ruleset, params


RULESET, PARAMS = _collect()


@pytest.mark.parametrize("rule_id, example", PARAMS)
def test_rule_example(rule_id: str | None, example) -> None:
    if rule_id is None:
        _, problems = check_rules(ROOT)
        pytest.fail("invalid rule files:\n" + "\n".join(map(str, problems)))
    rule = RULESET.get(rule_id)
    passed, detail = check_example(RULESET, rule, example)
    assert passed, f"{rule.path}:{example.line}: {example.text}\n{detail}"


@pytest.mark.parametrize("metric", ["deaths", "wounded", "missing", "displaced", "troops",
                                    "prisoners", "population", "casualties"])
def test_italian_coverage_per_metric(metric: str) -> None:
    ruleset = load_rules(ROOT)
    rules = [r for r in ruleset.for_lang("it") if r.metric == metric]
    assert rules, f"no Italian rule for {metric}"
    examples = sum(len(r.examples) for r in rules)
    counters = sum(len(r.counter_examples) for r in rules)
    assert examples >= MIN_EXAMPLES and counters >= MIN_COUNTER, (metric, examples, counters)


def test_every_metric_in_the_vocabulary_is_described() -> None:
    ruleset = load_rules(ROOT)
    assert set(ruleset.metrics) == {"deaths", "wounded", "missing", "displaced", "troops",
                                    "prisoners", "population", "casualties"}
    assert all(m.description and m.label.get("it") for m in ruleset.metrics.values())
    assert ruleset.metrics["deaths"].cumulative and not ruleset.metrics["troops"].cumulative


# ---------------------------------------------------------------- the command

FIXTURES = Path(__file__).parent / "data" / "rules" / "claims" / "it"


@pytest.fixture
def small_root(empty_rules_root: Path) -> Path:
    """No rule, so the exit codes do not depend on rules being edited elsewhere."""
    return empty_rules_root


def _with_rule(root: Path, fixture: str, name: str | None = None) -> Path:
    dest = root / "claims" / "it" / (name or fixture)
    shutil.copy(FIXTURES / fixture, dest)
    return dest


def test_rules_test_exit_0_when_every_example_passes(small_root, capsys) -> None:
    _with_rule(small_root, "good.toml")
    assert main(["rules", "test", "--rules", str(small_root)]) == 0
    assert "1 rule(s): 2 passed, 0 failed" in capsys.readouterr().out


def test_rules_test_exit_1_names_rule_example_and_difference(small_root, capsys) -> None:
    _with_rule(small_root, "wrong_value.toml")
    assert main(["rules", "test", "--rules", str(small_root)]) == 1
    out = capsys.readouterr().out
    assert "FAIL it/wrong_value:example-1" in out
    assert "wrong_value.toml:5" in out  # file and line of the example
    assert "value 290.0 != 291" in out


def test_rules_test_exit_1_when_a_todo_starts_passing(small_root, capsys) -> None:
    _with_rule(small_root, "todo_passes.toml")
    assert main(["rules", "test", "--rules", str(small_root)]) == 1
    out = capsys.readouterr().out
    assert "it/todo_passes:todo-1" in out and "move it to [[examples]]" in out
    assert "1 todo now passing" in out


def test_rules_test_exit_2_on_an_invalid_rule_and_nothing_runs(small_root, capsys) -> None:
    _with_rule(small_root, "good.toml")
    _with_rule(small_root, "unknown_metric.toml")
    assert main(["rules", "test", "--rules", str(small_root)]) == 2
    out, err = capsys.readouterr()
    assert "R005" in err and "nothing was run" in err and "passed" not in out


def test_rules_test_only_the_named_files(small_root, capsys) -> None:
    _with_rule(small_root, "good.toml")
    _with_rule(small_root, "wrong_value.toml")
    good = small_root / "claims" / "it" / "good.toml"
    assert main(["rules", "test", "--rules", str(small_root), str(good)]) == 0
    assert "wrong_value" not in capsys.readouterr().out


def test_rules_test_missing_file_is_exit_2(small_root, capsys) -> None:
    assert main(["rules", "test", "--rules", str(small_root), "nope/it/none.toml"]) == 2
    assert "file not found" in capsys.readouterr().err


def test_rules_list(small_root, capsys) -> None:
    _with_rule(small_root, "good.toml")
    assert main(["rules", "list", "--rules", str(small_root)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:6] == ["id", "metric", "lang", "examples", "counter", "todo"]
    assert out[1].split()[:6] == ["it/good", "deaths", "it", "1", "1", "0"]


# ---------------------------------------------------------------- status and breakdowns

_STATUS_RULE = """metric = "deaths"
description = "test"
patterns = [
  '{NUM} morti',
  {pattern = '{NUM} salme in più', status = "increment"},
]

[[examples]]
text = "Il bilancio è di 12 morti."
claims = [{value = 12, status = "counted"}]

[[examples]]
text = "Sono state trovate 3 salme in più."
claims = [{value = 3, status = "increment"}]
"""


def test_a_pattern_table_gives_its_figures_its_status(small_root, capsys) -> None:
    (small_root / "claims" / "it" / "toll.toml").write_text(_STATUS_RULE, encoding="utf-8")
    assert main(["rules", "test", "--rules", str(small_root)]) == 0


def test_an_unknown_status_is_a_bad_value_with_a_did_you_mean(small_root) -> None:
    bad = _STATUS_RULE.replace('status = "increment"}', 'status = "incremented"}', 1)
    (small_root / "claims" / "it" / "toll.toml").write_text(bad, encoding="utf-8")
    _, problems = check_rules(small_root)
    assert [p.code for p in problems] == ["R012"]
    assert 'unknown status "incremented" (did you mean "increment"?)' in problems[0].message
    assert problems[0].line == 5


def test_an_expected_claim_with_an_unknown_status_is_a_bad_value(small_root) -> None:
    bad = _STATUS_RULE.replace('{value = 12, status = "counted"}', '{value = 12, status = "count"}')
    (small_root / "claims" / "it" / "toll.toml").write_text(bad, encoding="utf-8")
    _, problems = check_rules(small_root)
    assert [p.code for p in problems] == ["R012"] and "unknown status" in problems[0].message


def test_a_status_cue_of_an_unknown_status_names_the_language_file(small_root) -> None:
    lang = small_root / "lang" / "it" / "claims.toml"
    text = lang.read_text(encoding="utf-8")
    assert "[status_words]\n" in text
    lang.write_text(text.replace("[status_words]\n", "[status_words]\nguessed = ['stimati']\n"),
                    encoding="utf-8")
    _, problems = check_rules(small_root)
    assert [p.code for p in problems] == ["R012"]
    assert problems[0].path.endswith("claims.toml") and 'unknown status "guessed"' in \
        problems[0].message


@pytest.mark.parametrize("lang, text, statuses", [
    ("it", "Nel pomeriggio sono stati recuperati altri due corpi.", ["increment"]),
    ("it", "Si temono 30 morti sotto la frana.", ["feared"]),
    ("it", "Il bilancio potrebbe salire a 50 morti.", ["projected"]),
    ("it", "Sono morte 12 persone e altre 40 sono rimaste ferite.", ["counted", "counted"]),
    ("en", "A further 20 bodies were recovered on Monday.", ["increment"]),
    ("en", "An estimated 700 people died in the heatwave.", ["estimated"]),
    ("en", "The toll could reach 10,000, officials warned.", ["projected"]),
    ("en", "Officials said 250 people were killed in the floods.", ["counted"]),
])
def test_status_comes_from_the_language_cues(lang: str, text: str, statuses: list) -> None:
    from factcheck.pipeline import claims_in_text

    claims, _ = claims_in_text(text, lang, RULESET)
    assert [c.status for c in claims] == statuses
