"""The verdict data of a rules folder: ``verdicts.toml`` and per-metric settings.

Tolerances, windows, cumulative metrics, severities and the words of the reasons are data;
this module only reads them (once per file) and answers per-metric look-ups.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import FactcheckError
from ..paths import rules_dir


@lru_cache(maxsize=None)
def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise FactcheckError(f"{path}: invalid TOML: {exc}") from None


def load_verdicts(root: Path | None = None) -> dict[str, Any]:
    """``verdicts.toml`` of the rules folder (the default one without ``root``)."""
    root = root or rules_dir()
    cfg = _read_toml(root / "verdicts.toml")
    if not cfg:
        raise FactcheckError(f"{root / 'verdicts.toml'}: verdict data not found")
    return cfg


@lru_cache(maxsize=None)
def _vocabulary_cumulative(root: Path) -> dict[str, bool]:
    """``cumulative`` per metric from rules/metrics.toml, read defensively: its layout may be
    ``[deaths] cumulative = true``, ``[metrics.deaths]`` or ``[[metrics]] name = ...``."""
    try:
        data = _read_toml(root / "metrics.toml")
    except FactcheckError:
        return {}
    out: dict[str, bool] = {}
    tables = data.get("metrics", data)
    if isinstance(tables, list):
        tables = {t.get("name") or t.get("id"): t for t in tables if isinstance(t, dict)}
    if isinstance(tables, dict):
        for name, t in tables.items():
            if isinstance(name, str) and isinstance(t, dict) and isinstance(t.get("cumulative"), bool):
                out[name] = t["cumulative"]
    return out


def setting(cfg: dict, metric: str, key: str, root: Path | None = None) -> Any:
    """A per-metric setting: verdicts.toml [metrics.X], then metrics.toml, then [defaults]."""
    m = cfg.get("metrics", {}).get(metric, {})
    if key in m:
        return m[key]
    if key == "cumulative":
        vocab = _vocabulary_cumulative(root or rules_dir())
        if metric in vocab:
            return vocab[metric]
    return cfg.get("defaults", {})[key]
