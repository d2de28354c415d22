"""Discrepancy: at one moment, different stated figures that can all be true (their
intervals overlap), listed from the highest; or an estimate that excludes a count (or another
estimate): they differ by method, not a contradiction (witnesses: the highest lower bound and
the lowest upper bound). Figures that are all parties' own are a dispute instead."""

from __future__ import annotations

from ..model import Finding
from .figure import counted
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
    ordered = sorted(m.wholes, key=lambda f: -f.point)  # stable: ties keep canonical order
    name = "discrepancy" if all(counted(f) for f in ordered) else "discrepancy_estimate"
    return [finding(ctx, "discrepancy", name, gap_severity(ordered, ctx.cfg), ordered)]
