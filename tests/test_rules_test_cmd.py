"""`factcheck rules test` checks every file of the rules folder, not only the claim rules,
and runs the examples that live in data (issue 19)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.paths import rules_dir


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    root = tmp_path / "rules"
    shutil.copytree(rules_dir(), root, ignore=shutil.ignore_patterns(".*", "__pycache__"))
    return root


def test_a_broken_events_file_fails_rules_test_naming_it(capsys, rules_copy):
    events = rules_copy / "events.toml"
    events.write_text(events.read_text("utf-8") + '\n[[events]]\nid = "broken\n', "utf-8")
    code = main(["rules", "test", "--rules", str(rules_copy)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"{events}: invalid TOML: Illegal character" in err
    assert "nothing was run" in err


def test_a_failing_event_example_fails_rules_test(capsys, rules_copy):
    events = rules_copy / "events.toml"
    text = events.read_text("utf-8")
    assert text.count('event = "nk-war-1988"') >= 1
    events.write_text(text.replace('event = "nk-war-1988"', 'event = "nk-war-2020"', 1), "utf-8")
    code = main(["rules", "test", "--rules", str(rules_copy)])
    out = capsys.readouterr().out
    assert code == 1
    assert "FAIL events/nk-war-1988:" in out and "got 'nk-war-1988'" in out
    assert "data examples (events, event types): " in out
