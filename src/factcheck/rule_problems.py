"""Rule problems in the order that helps: causes first, their consequences in one line.

A syntax error in a language file (``lang/<lang>/claims.toml``) leaves the language without
its placeholders, so every pattern of every rule of that language then reports "unknown
placeholder": hundreds of lines that all follow from one typo, with the typo itself sorted
somewhere among them. :func:`causes_first` puts the syntax error first and summarises what
follows from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import PurePath
from typing import TypeVar

P = TypeVar("P")  # rules.Problem (not imported: rules imports this module)

SYNTAX = "R001"
UNKNOWN_PLACEHOLDER = "R008"


def _lang_file(path: str) -> str | None:
    """The language of a language data file (``.../lang/<lang>/x.toml``), else None."""
    parts = PurePath(path).parts
    return parts[-2] if len(parts) >= 3 and parts[-3] == "lang" else None


def _rule_lang(path: str) -> str:
    """The language folder a rule file sits in (``claims/<lang>/x.toml``)."""
    return PurePath(path).parent.name


def causes_first(problems: Sequence[P]) -> list[P]:
    """``problems`` (sorted by file and position) with each syntax error of a language file
    first, followed by one line counting the unknown placeholders of that language's rules
    that follow from it (left out), then every other problem in its order."""
    causes = [p for p in problems if p.code == SYNTAX and _lang_file(p.path)]
    if not causes:
        return list(problems)
    broken: dict[str, P] = {}
    for c in causes:
        broken.setdefault(_lang_file(c.path), c)  # the first cause of each language
    follow: dict[str, list[P]] = {lang: [] for lang in broken}
    rest = []
    for p in problems:
        if p in causes:
            continue
        lang = _rule_lang(p.path)
        if p.code == UNKNOWN_PLACEHOLDER and lang in broken and _lang_file(p.path) is None:
            follow[lang].append(p)
        else:
            rest.append(p)
    out = []
    for c in causes:
        out.append(c)
        lang = _lang_file(c.path)
        gone = follow.get(lang, [])
        if broken.get(lang) is c and gone:
            files = len({p.path for p in gone})
            folder = PurePath(gone[0].path).parent.as_posix()
            out.append(replace(
                c, code=UNKNOWN_PLACEHOLDER,
                message=f"{len(gone)} 'unknown placeholder' error(s) in {files} rule "
                        f"file(s) of {folder}/ follow from this syntax error and are not listed",
                hint="the language's placeholders could not be read: fix the syntax error, "
                     "then run again"))
    return out + rest
