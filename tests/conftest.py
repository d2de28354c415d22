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
