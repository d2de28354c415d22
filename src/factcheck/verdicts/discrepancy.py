"""Discrepancy: at one moment, different stated figures that can all be true (their
intervals overlap), listed from the highest (a vague word that fits the numbers is no
witness, and figures that each lie within the others' readings, "about 290" and "around 300",
agree within their rounding); or an estimate that excludes a count (or another
estimate): they differ by method, not a contradiction (witnesses: the highest lower bound and
the lowest upper bound). Figures that are all parties' own are a dispute instead."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Finding
from .figure import Figure, counted
from .moment import Moment, all_parties, rivals
from .scene import Ctx, finding, gap_severity

READS = "moment"


def judge(m: Moment, ctx: Ctx) -> list[Finding]:
    """The discrepancy of a moment, if any."""
    a, b = m.strongest, m.weakest
    if m.disjoint and a is not None and b is not None:
        if rivals(a, b) or (counted(a) and counted(b)):
            return []
        return [finding(ctx, "discrepancy", "discrepancy_estimate",
                        gap_severity([a, b], ctx.cfg), [a, b])]
    if len(m.wholes) < 2 or all_parties(m.wholes):
        return []
    # a vague word ("thousands", "dozens") that fits a stated number says nothing against it
    stated = [f for f in m.wholes if not vague(f)]
    if len(stated) < 2 or agree_within(stated):
        return []
    ordered = sorted(stated, key=lambda f: -f.point)  # stable: ties keep canonical order
    name = "discrepancy" if all(counted(f) for f in ordered) else "discrepancy_estimate"
    return [finding(ctx, "discrepancy", name, gap_severity(ordered, ctx.cfg), ordered)]


def vague(f: Figure) -> bool:
    """A figure stated only by a vague word ("centinaia", "thousands")."""
    return all(c.quantity.qualifier == "vague" for c in f.claims)


def agree_within(figs: Sequence[Figure]) -> bool:
    """Whether figures stated as numbers (exact or approximate, never a bound) each lie
    within every other's reading ("about 290" and "around 300"): they agree within their
    rounding, nothing to explain."""
    banded = all(c.quantity.qualifier in ("exact", "approx") for f in figs for c in f.claims)
    return banded and all(g.low <= f.point <= g.ceiling for f in figs for g in figs)
