"""Rule problems in the order that helps: causes first, their consequences in one line.

A syntax error in a file the rules depend on leaves them without what it holds, and each rule
then reports its own error for it: hundreds of lines that all follow from one typo, with the
typo itself sorted somewhere among them. Two files are such causes:

- a language file (``lang/<lang>/claims.toml``): the language loses its placeholders, so every
  pattern of every rule of that language reports "unknown placeholder" (R008);
- ``metrics.toml``: there are no metrics, so every rule, example and breakdown of every
  language reports "unknown metric" (R005).

:func:`causes_first` puts each such syntax error first and summarises what follows from it in
one line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import TypeVar

P = TypeVar("P")  # rules.Problem (not imported: rules imports this module)

SYNTAX = "R001"
UNKNOWN_METRIC = "R005"
UNKNOWN_PLACEHOLDER = "R008"


@dataclass(frozen=True)
class _Fallout:
    """What one broken file brings about: which problems follow from it, and their summary."""

    follows: Callable[[object], bool]  # a problem that follows from the broken file
    what: str  # the consequences' name in the summary, e.g. "'unknown metric'"
    hint: str


def _lang_file(path: str) -> str | None:
    """The language of a language data file (``.../lang/<lang>/x.toml``), else None."""
    parts = PurePath(path).parts
    return parts[-2] if len(parts) >= 3 and parts[-3] == "lang" else None


def _rule_lang(path: str) -> str:
    """The language folder a rule file sits in (``claims/<lang>/x.toml``)."""
    return PurePath(path).parent.name


def _is_metrics_file(path: str) -> bool:
    """``metrics.toml`` at the top of a rules folder (not a file of that name elsewhere)."""
    p = PurePath(path)
    return p.name == "metrics.toml" and p.parent.name not in ("claims", "lang") \
        and p.parent.parent.name not in ("claims", "lang")


def _fallout(cause: P) -> _Fallout | None:
    """What follows from the syntax error ``cause``, None when it is a cause of nothing else."""
    if cause.code != SYNTAX:
        return None
    lang = _lang_file(cause.path)
    if lang is not None:
        return _Fallout(
            lambda p: (p.code == UNKNOWN_PLACEHOLDER and _lang_file(p.path) is None
                       and _rule_lang(p.path) == lang),
            "'unknown placeholder'",
            "the language's placeholders could not be read: fix the syntax error, then run again")
    if _is_metrics_file(cause.path):
        root = PurePath(cause.path).parent
        return _Fallout(
            lambda p: p.code == UNKNOWN_METRIC and root in PurePath(p.path).parents,
            "'unknown metric'",
            "no metric could be read, so every rule naming one is reported: fix the syntax "
            "error, then run again")
    return None


def causes_first(problems: Sequence[P]) -> list[P]:
    """``problems`` (sorted by file and position) with each syntax error that others follow
    from first (a language file's, ``metrics.toml``'s), each followed by one line counting the
    problems that follow from it (left out), then every other problem in its order."""
    fallouts = {id(p): f for p in problems if (f := _fallout(p)) is not None}
    if not fallouts:
        return list(problems)
    causes = [p for p in problems if id(p) in fallouts]
    follow: dict[int, list[P]] = {id(c): [] for c in causes}
    rest = []
    for p in problems:
        if id(p) in fallouts:
            continue
        # the first cause a problem follows from takes it (two syntax errors in one file
        # explain the same problems; the first one is where the reader starts)
        owner = next((c for c in causes if fallouts[id(c)].follows(p)), None)
        if owner is None:
            rest.append(p)
        else:
            follow[id(owner)].append(p)
    out = []
    for c in causes:
        out.append(c)
        gone = follow[id(c)]
        if gone:
            f = fallouts[id(c)]
            files = len({p.path for p in gone})
            folders = sorted({PurePath(p.path).parent.as_posix() for p in gone})
            where = f"{folders[0]}/" if len(folders) == 1 else \
                f"{PurePath(folders[0]).parent.as_posix()}/"
            out.append(replace(
                c, code=gone[0].code,
                message=f"{len(gone)} {f.what} error(s) in {files} rule file(s) of {where} "
                        "follow from this syntax error and are not listed",
                hint=f.hint))
    return out + rest
