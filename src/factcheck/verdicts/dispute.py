"""Dispute: at one moment, the parties' own figures differ. Two that exclude each other
(witnesses: the highest lower bound and the lowest upper bound) cannot both be true; figures
that all are parties' own (at least two parties) and differ are listed from the highest."""

from __future__ import annotations

from ..model import Finding
from .moment import Moment, all_parties, rivals
from .scene import Ctx, comparable, finding

READS = "moment"


def judge(m: Moment, ctx: Ctx) -> list[Finding]:
    """The dispute of a moment, if any."""
    sev = ctx.cfg["severity"]["dispute"]
    a, b = m.strongest, m.weakest
    if m.disjoint and a is not None and b is not None:
        if not rivals(a, b):
            return []
        return [finding(ctx, "dispute", "dispute_conflict", sev, [a, b],
                        suffix=comparable(a, b, ctx))]
    if len(m.wholes) < 2 or not all_parties(m.wholes):
        return []
    return [finding(ctx, "dispute", "dispute", sev, sorted(m.wholes, key=lambda f: -f.point))]
