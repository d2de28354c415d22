"""The verdict data of a rules folder: ``verdicts.toml`` and per-metric settings.

Tolerances, windows, severities and the words of the reasons are data; this module only
reads them (once per file) and answers per-metric look-ups. Whether a metric is cumulative
is the metric's own fact, owned by ``metrics.toml`` (``Config.cumulative``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import FactcheckError
from ..paths import rules_dir
from ..tomlfile import read_data_file


@lru_cache(maxsize=None)
def _read_toml(path: Path) -> dict:
    return read_data_file(path)


def load_verdicts(root: Path | None = None) -> dict[str, Any]:
    """``verdicts.toml`` of the rules folder (the default one without ``root``)."""
    root = root or rules_dir()
    cfg = _read_toml(root / "verdicts.toml")
    if not cfg:
        raise FactcheckError(f"{root / 'verdicts.toml'}: verdict data not found")
    tables = {"defaults": cfg.get("defaults", {}),
              **{f"metrics.{m}": t for m, t in cfg.get("metrics", {}).items()}}
    for name, table in tables.items():
        if "cumulative" in table:
            raise FactcheckError(f"{root / 'verdicts.toml'}: [{name}] cumulative: whether a "
                                 "metric is cumulative is set in metrics.toml, its one owner")
    _check_cues(root / "verdicts.toml", cfg)
    return cfg


def _check_cues(path: Path, cfg: dict) -> None:
    """Every pattern of ``[corrections.cues]`` and ``[corrections.originals]`` compiles: they are compiled at the first
    comparison that needs them (``revision.correction_cues``), where a bad one would be a
    traceback; here it is an error naming the file, line and key while the folder loads."""
    import regex

    from .. import regexcache
    from ..tomlfile import where

    for table in ("cues", "originals"):
        for lang, patterns in cfg.get("corrections", {}).get(table, {}).items():
            for i, p in enumerate(patterns):
                try:
                    regexcache.compile(p, regex.I | regex.V1)  # as revision.correction_cues does
                except regex.error as exc:
                    raise FactcheckError(
                        f"{where(path, ('corrections', table, lang, i))}: "
                        f"corrections.{table}.{lang}[{i}]: bad regex {p!r}: {exc}") from None


@lru_cache(maxsize=None)
def type_reaches(root: Path | None = None) -> dict[str, float]:
    """Per event type, how far apart two places of one event of it may lie (``reach_km`` of
    ``event_types.toml``, its one owner): what an area's identity reads (a crush lies within
    its town, a quake does not). Read from the data alone, not the type vocabulary: a
    comparison compiles no trigger."""
    data = _read_toml((root or rules_dir()) / "event_types.toml")
    return {tid: float(t.get("reach_km", 0)) for tid, t in data.get("types", {}).items()}


def setting(cfg: dict, metric: str, key: str) -> Any:
    """A per-metric comparison setting: verdicts.toml [metrics.X], else [defaults]."""
    m = cfg.get("metrics", {}).get(metric, {})
    if key in m:
        return m[key]
    return cfg.get("defaults", {})[key]
