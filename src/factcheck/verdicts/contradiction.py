"""Contradiction: at one moment, two whole counted figures whose intervals exclude each other
(the two cannot both be true). Witnesses: the figure with the highest lower bound and the one
with the lowest upper bound. Certain when both reports are known to the same day (or both are
final tolls) and neither reading is ambiguous; otherwise a possible contradiction naming the
doubt. Two parties' own figures are a dispute instead, and an estimate a discrepancy."""

from __future__ import annotations

from ..model import Finding
from .figure import counted
from .moment import Moment, rivals
from .scene import Ctx, conflict, doubts

READS = "moment"


def judge(m: Moment, ctx: Ctx) -> list[Finding]:
    """The contradiction of a moment, if any."""
    a, b = m.strongest, m.weakest
    if not m.disjoint or a is None or b is None or rivals(a, b) \
            or not (counted(a) and counted(b)):
        return []
    return [conflict(ctx, "contradiction", a, b, doubts(a, b, ctx))]
