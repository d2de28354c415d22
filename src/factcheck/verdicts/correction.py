"""Correction: a later figure whose own sentence announces a revision ("the toll was revised
to 97"), reported as such, neither a falling count nor an update. Witnesses: the strongest
earlier lower bound and the lower count after it, or a step of the chain of rising figures.
The cues are regexes per language (``[corrections.cues]`` in verdicts.toml, with examples)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import regex

from ..model import Finding
from .figure import Figure
from .scene import Ctx, finding
from .timeline import Timeline, read

READS = "timeline"


def judge(t: Timeline, ctx: Ctx) -> list[Finding]:
    """The corrections of a group's timeline."""
    sev = ctx.cfg["severity"]["correction"]
    return [finding(ctx, "correction", "correction", sev, [s.earlier, s.later], dated=True)
            for s in [*t.falls, *t.rises] if revised(s.later, ctx)]


def witnesses(seg: Sequence[Figure]) -> Iterable[Figure]:
    """The figures of a moment a correction can name."""
    return read(seg)


def revised(f: Figure, ctx: Ctx) -> bool:
    """Whether a figure's own sentence announces a revision."""
    cues = correction_cues(ctx.cfg)
    return any(c.quote and (rx := cues.get(c.lang)) is not None and rx.search(c.quote)
               for c in f.claims)


_cue_memo: dict[int, tuple[dict, dict]] = {}


def correction_cues(cfg: dict) -> dict[str, Any]:
    """``[corrections.cues] <lang> = [regex, ...]`` of verdicts.toml, compiled once per
    config, one pattern per language."""
    hit = _cue_memo.get(id(cfg))
    if hit is None or hit[0] is not cfg:
        cues = {lang: regex.compile("|".join(f"(?:{p})" for p in pats), regex.I | regex.V1)
                for lang, pats in cfg.get("corrections", {}).get("cues", {}).items() if pats}
        hit = _cue_memo[id(cfg)] = (cfg, cues)
    return hit[1]
