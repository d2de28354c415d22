"""Fixtures shared by several test modules."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck.paths import rules_dir


@pytest.fixture
def empty_rules_root(tmp_path: Path) -> Path:
    """A rules folder with the real metrics and Italian language data but no rule, so a
    test sees only the rule files it adds (and none edited elsewhere)."""
    src, r = rules_dir(), tmp_path / "rules"
    (r / "lang" / "it").mkdir(parents=True)
    (r / "claims" / "it").mkdir(parents=True)
    shutil.copy(src / "metrics.toml", r / "metrics.toml")
    for name in ("claims.toml", "sides.toml"):
        shutil.copy(src / "lang" / "it" / name, r / "lang" / "it" / name)
    return r


def _check_reader_example(got: list, ex) -> None:
    """The claims a reader (back-off, lists) made of one data example: none for a
    counter-example, else the example's claims in order (value, metric, and who and status
    where the example names them)."""
    if ex.kind == "counter-example":
        assert got == [], [(c.quantity.text, c.metric) for c in got]
        return
    assert len(got) == len(ex.claims), [(c.quantity.text, c.metric) for c in got]
    for c, want in zip(got, ex.claims):
        assert c.quantity.value == want["value"]
        assert c.metric == want["metric"]
        for key in ("who", "status"):
            if key in want:
                assert getattr(c, key) == want[key]


@pytest.fixture
def check_reader_example():
    """:func:`_check_reader_example`, for the readers' data-example tests."""
    return _check_reader_example
