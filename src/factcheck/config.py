"""One configuration, passed down: the rules folder loaded and validated once.

``load_config(dir)`` reads the folder that ``--rules`` (else ``$FACTCHECK_RULES``, else the
default) names, validates every file in it (the claim rules with their ``path:line:col``
problems, then every other data file) and returns a frozen :class:`Config` that the CLI
hands to every stage, so that ``--rules`` means the same thing everywhere.

A ``Config`` is cached by the folder's file stamps (name, size and modification time of
every ``.toml``, as the claim rules are): an edit made while the process runs, even in
place, gives a new ``Config`` and empties the per-folder caches of the data modules, which
would otherwise keep serving the old files.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .errors import FactcheckError

# the modules that cache what they read from a rules folder, keyed by its path
_DATA_MODULES = ("langdata", "verdicts.config", "parties", "sentences", "numbers", "articles",
                 "context.words", "context.subgroups", "context.parents", "context.gazetteer",
                 "context.dates",
                 "context.events", "context.lexicon", "context.event_types")


@dataclass(frozen=True)
class Config:
    """A validated rules folder: ``root`` with its file ``stamp`` (two configs are equal when
    both are), the claim rules, and the data the comparison and the report read."""

    root: Path
    stamp: tuple = field(repr=False)
    ruleset: Any = field(compare=False, repr=False)

    @cached_property
    def verdicts(self) -> dict[str, Any]:
        """``verdicts.toml``: tolerances, windows, severities, the words of the reasons."""
        from .verdicts.config import load_verdicts

        return load_verdicts(self.root)

    def party_speaking(self, source: str) -> str | None:
        """The one party a source's words name (``parties.toml``; None for none or several):
        the comparison asks it of claims whose ``source_party`` was never filled."""
        from .parties import party_speaking

        return party_speaking(source, self.root)

    def event_label(self, event: str | None) -> str:
        """An event in words ("flood · Valencia · October 2024"), for the report."""
        from .context.events import event_label

        return event_label(event, self.root)

    @cached_property
    def cumulative(self) -> dict[str, bool]:
        """Per metric, whether it is a running count that can only grow (``metrics.toml``)."""
        return {name: m.cumulative for name, m in self.ruleset.metrics.items()}


def load_config(rules: Config | str | os.PathLike | None = None) -> Config:
    """The validated configuration of the rules folder ``rules`` (default: the one in use;
    a ``Config`` is returned as it is). Raises ``RuleError`` for invalid claim rules and
    ``FactcheckError`` listing every other invalid data file, one line each."""
    if isinstance(rules, Config):
        return rules
    from .paths import rules_dir
    from .pipeline import _files_stamp, load_ruleset

    root = Path(rules) if rules else rules_dir()
    stamp = _files_stamp(root)
    key = str(root.resolve())
    cached = _configs.get(key)
    if cached is not None and cached.stamp == stamp:
        return cached
    if cached is not None:  # the folder changed under this process: forget its old data
        _clear_data_caches()
    config = Config(root, stamp, load_ruleset(rules))
    _validate(root)
    _configs[key] = config
    return config


# the latest Config of each folder, by its resolved path
_configs: dict[str, Config] = {}


def _validate(root: Path) -> None:
    """Every data file besides the claim rules: each must parse and load (a folder may hold
    only some of them, as a test's claim rules alone). A folder that passed is marked in the
    rules' cache, keyed by its files' bytes (:func:`factcheck.rules._cache_path`): loading
    every data file costs a draft check ~0.25 s."""
    from .rules import _cache_path

    cached = _cache_path(root)
    marker = cached.with_suffix(".data-ok") if cached is not None else None
    if marker is not None and marker.is_file():
        return
    from .datacheck import loader_errors, toml_errors
    errors = toml_errors(root) or loader_errors(root)
    if errors:
        raise FactcheckError("\n".join(errors))
    if marker is not None:
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()
        except OSError:
            pass  # a read-only cache: validate again next time


def _clear_data_caches() -> None:
    for name in _DATA_MODULES:
        module = sys.modules.get(f"factcheck.{name}")
        if module is None:
            continue
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
