"""Rule file validation: one test per error code, each message as ``path:line:col: CODE ...``.

The bad rule files live in ``tests/data/rules/claims/<lang>/`` (pytest-datadir's
``shared_datadir``). Each is checked against a rules folder with the real vocabulary and
Italian language data but no other rule, so only the fixture's own problems show.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck.pipeline import claims_in_text
from factcheck.cli import main
from factcheck.errors import RuleError
from factcheck.paths import rules_dir
from factcheck.rules import CODES, check_rules, load_rules, run_examples

ROOT = rules_dir()


@pytest.fixture
def root(empty_rules_root: Path) -> Path:
    """A rules folder with metrics.toml and lang/it/ from the project, and no rule."""
    return empty_rules_root


def _problems(root: Path, fixture: Path) -> list:
    ruleset, problems = check_rules(root, [fixture])
    assert ruleset is None, "an invalid rule file must not give a rule set"
    return problems


def _one(root: Path, fixture: Path, code: str):
    problems = _problems(root, fixture)
    assert [p.code for p in problems] == [code], [str(p) for p in problems]
    return problems[0]


def _it(shared_datadir: Path, name: str) -> Path:
    return shared_datadir / "rules" / "claims" / "it" / name


def test_unknown_key_with_did_you_mean(root, shared_datadir) -> None:
    p = _one(root, _it(shared_datadir, "unknown_key.toml"), "R002")
    assert (p.line, p.col) == (4, 1)
    assert 'unknown key "unles"' in p.message and 'did you mean "unless"?' in p.message
    assert "allowed keys" in p.hint
    assert str(p).startswith(f"{p.path}:4:1: R002 ")


def test_regex_that_does_not_compile_points_at_the_spot(root, shared_datadir) -> None:
    p = _one(root, _it(shared_datadir, "bad_regex.toml"), "R006")
    # line 4 holds the pattern; the column is inside the string, where the error is
    assert p.line == 4 and p.col > 3
    assert "missing )" in p.message and "character 23 of the pattern" in p.message


def test_unknown_metric_with_did_you_mean(root, shared_datadir) -> None:
    p = _one(root, _it(shared_datadir, "unknown_metric.toml"), "R005")
    assert (p.line, p.col) == (1, 10)
    assert 'unknown metric "death" (did you mean "deaths"?)' == p.message
    assert "deaths, wounded, missing" in p.hint


def test_pattern_without_num(root, shared_datadir) -> None:
    p = _one(root, _it(shared_datadir, "no_num.toml"), "R007")
    assert p.line == 3 and "has no {NUM}" in p.message


def test_toml_syntax_error_has_its_line(root, shared_datadir) -> None:
    p = _one(root, _it(shared_datadir, "toml_syntax.toml"), "R001")
    assert p.line == 2 and p.message.startswith("TOML syntax error")


def test_unknown_placeholder_with_did_you_mean(root, shared_datadir) -> None:
    p = _one(root, _it(shared_datadir, "unknown_placeholder.toml"), "R008")
    assert "{DEAD_NOUNS}" in p.message and 'did you mean "DEAD_NOUN"?' in p.message


def test_unknown_group_name(root, shared_datadir) -> None:
    p = _one(root, _it(shared_datadir, "bad_group.toml"), "R009")
    assert '"whom"' in p.message and 'did you mean "who"?' in p.message


def test_missing_key(root, shared_datadir) -> None:
    p = _one(root, _it(shared_datadir, "missing_key.toml"), "R003")
    assert 'missing key "description"' in p.message


def test_wrong_type(root, shared_datadir) -> None:
    p = _one(root, _it(shared_datadir, "wrong_type.toml"), "R004")
    assert '"patterns" must be an array, not a string' in p.message


def test_rule_file_outside_a_language_folder(root, shared_datadir) -> None:
    p = _one(root, shared_datadir / "rules" / "claims" / "xx" / "outside.toml", "R010")
    assert '"xx"' in p.message


def test_bad_value_qualifier(root, shared_datadir) -> None:
    p = _one(root, _it(shared_datadir, "bad_qualifier.toml"), "R012")
    assert p.line == 7 and 'did you mean "at_least"?' in p.message


def test_all_problems_of_a_file_at_once_sorted(root, shared_datadir) -> None:
    problems = _problems(root, _it(shared_datadir, "many_problems.toml"))
    assert [p.code for p in problems] == ["R005", "R006", "R007"]
    assert problems == sorted(problems)


def test_problems_of_several_files_together(root, shared_datadir) -> None:
    files = [_it(shared_datadir, n) for n in ("unknown_key.toml", "no_num.toml")]
    _, problems = check_rules(root, files)
    assert {p.code for p in problems} == {"R002", "R007"}
    assert len({p.path for p in problems}) == 2


def test_load_rules_raises_with_every_problem(root, shared_datadir) -> None:
    with pytest.raises(RuleError) as info:
        load_rules(root, [_it(shared_datadir, "many_problems.toml")])
    assert len(info.value.problems) == 3


def test_every_code_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [c for c in CODES if c not in readme]
    assert not missing, f"codes not in rules/README.md: {missing}"


def test_cli_prints_problems_with_hints_and_exits_2(root, shared_datadir, capsys) -> None:
    shutil.copy(_it(shared_datadir, "unknown_key.toml"), root / "claims" / "it")
    assert main(["rules", "test", "--rules", str(root)]) == 2
    err = capsys.readouterr().err
    assert ":4:1: R002 unknown key" in err and "hint: allowed keys" in err


def test_example_expecting_a_wrong_value_fails_clearly(root, shared_datadir) -> None:
    ruleset = load_rules(root, [_it(shared_datadir, "wrong_value.toml")])
    [result] = run_examples(ruleset, ["it/wrong_value"])
    assert result.status == "fail"
    assert "value 290.0 != 291" in result.detail and "found: deaths '290'" in result.detail


# ---------------------------------------------------------------- runaway patterns

def test_backtracking_pattern_is_stopped_and_named(root, shared_datadir) -> None:
    # (?:a|aa)+$ backtracks catastrophically; the per-match timeout of `regex` stops it
    ruleset = load_rules(root, [_it(shared_datadir, "slow.toml")], timeout=0.05)
    [result] = run_examples(ruleset, ["it/slow"])
    assert result.status == "fail"
    assert result.detail.startswith("R011 it/slow pattern 1 timed out")


@pytest.mark.parametrize("fixture", ["slow.toml", "slow_nested.toml"])
def test_other_rules_go_on_after_a_runaway_pattern(root, shared_datadir, fixture) -> None:
    # (a+)+$ is optimised away by `regex`; (?:a|aa)+$ is not and is stopped: either way the
    # sentence costs at most about the timeout, and the other rules still claim their figures
    import time

    ruleset = load_rules(root, [_it(shared_datadir, fixture), _it(shared_datadir, "good.toml")],
                         timeout=0.05)
    text = "Il terremoto ha causato 290 morti e 5 " + "a" * 300 + "!"
    start = time.perf_counter()
    claims, _ = claims_in_text(text, "it", ruleset)
    assert time.perf_counter() - start < 5
    assert [(c.rule, c.quantity.value) for c in claims] == [("it/good", 290)]


def test_other_rules_go_on_after_a_timeout(root, shared_datadir) -> None:
    slow = _it(shared_datadir, "slow.toml")
    good = _it(shared_datadir, "good.toml")
    ruleset = load_rules(root, [slow, good], timeout=0.05)
    text = "Il terremoto ha causato 290 morti e 5 " + "a" * 60 + "!"
    claims, _ = claims_in_text(text, "it", ruleset)
    assert [(c.rule, c.quantity.value) for c in claims] == [("it/good", 290)]
    assert ruleset.timeouts == {("it/slow", "pattern 1"): 1}


def test_a_syntax_error_in_a_language_file_comes_first_and_its_consequences_in_one_line(
        shared_datadir, tmp_path, capsys) -> None:
    # the project's rules with an Italian language file that has one syntax error: every
    # Italian rule's placeholders are then unknown, hundreds of errors from one typo
    broken = tmp_path / "rules"
    shutil.copytree(ROOT, broken)
    shutil.copy(shared_datadir / "rules" / "lang_syntax" / "claims.toml",
                broken / "lang" / "it" / "claims.toml")
    assert main(["rules", "test", "--rules", str(broken)]) == 2
    err = capsys.readouterr().err.splitlines()
    lang_file = str(broken / "lang" / "it" / "claims.toml")
    assert err[0] == f"{lang_file}:8:30: R001 TOML syntax error: Unclosed array"
    assert err[1].startswith("    hint: ")
    head, _, tail = err[2].partition(": R008 ")
    assert head == f"{lang_file}:8:30"
    n, _, rest = tail.partition(" ")
    assert int(n) > 100  # every placeholder of every Italian rule
    assert rest.startswith("'unknown placeholder' error(s) in ")
    assert rest.endswith(f"rule file(s) of {broken / 'claims' / 'it'}/ follow from this "
                         "syntax error and are not listed")
    assert err[3] == ("    hint: the language's placeholders could not be read: fix the "
                      "syntax error, then run again")
    assert not any("R008 unknown placeholder" in line for line in err)


def test_an_unknown_placeholder_of_its_own_is_still_listed(root, shared_datadir) -> None:
    # without a broken language file, each unknown placeholder is its own error, as before
    problems = _problems(root, _it(shared_datadir, "unknown_placeholder.toml"))
    assert [p.code for p in problems] == ["R008"]


def test_causes_first_summarises_what_each_broken_file_brings_about() -> None:
    # two broken files at once, each with its own consequences, and a problem of its own
    from factcheck.rule_problems import causes_first
    from factcheck.rules import Problem

    def p(path: str, code: str, msg: str = "x", line: int = 1) -> Problem:
        return Problem(f"/r/{path}", line, 1, code, msg)

    problems = sorted([
        p("claims/en/wounded.toml", "R005", 'unknown metric "wounded"'),
        p("claims/it/deaths.toml", "R005", 'unknown metric "deaths"'),
        p("claims/it/deaths.toml", "R008", "unknown placeholder {NUM}", 4),
        p("claims/it/deaths.toml", "R002", 'unknown key "unles"', 9),
        p("claims/en/wounded.toml", "R008", "unknown placeholder {NUM}", 4),
        p("lang/it/claims.toml", "R001", "TOML syntax error: Unclosed array", 8),
        p("metrics.toml", "R001", "TOML syntax error: Invalid value", 6),
    ])
    out = causes_first(problems)
    assert [(q.path, q.code) for q in out] == [
        ("/r/lang/it/claims.toml", "R001"), ("/r/lang/it/claims.toml", "R008"),
        ("/r/metrics.toml", "R001"), ("/r/metrics.toml", "R005"),
        ("/r/claims/en/wounded.toml", "R008"),  # English placeholders are not broken
        ("/r/claims/it/deaths.toml", "R002")]  # a problem of its own stays listed
    assert out[1].message == ("1 'unknown placeholder' error(s) in 1 rule file(s) of "
                              "/r/claims/it/ follow from this syntax error and are not listed")
    assert out[3].message == ("2 'unknown metric' error(s) in 2 rule file(s) of /r/claims/ "
                              "follow from this syntax error and are not listed")


def test_without_a_broken_file_nothing_is_left_out() -> None:
    from factcheck.rule_problems import causes_first
    from factcheck.rules import Problem

    problems = [Problem("/r/claims/it/a.toml", 1, 10, "R005", 'unknown metric "deathz"'),
                Problem("/r/claims/it/a.toml", 3, 1, "R008", "unknown placeholder {NUMM}"),
                Problem("/r/sub/metrics.toml", 2, 1, "R002", 'unknown key "x"')]
    assert causes_first(problems) == problems
