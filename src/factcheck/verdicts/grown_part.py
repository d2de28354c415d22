"""Grown part: at one moment (reports whose order is not known), parts of a running count's
different wholes that grow with their wholes ("2 children" of 35 dead, "4" of 39, "5" of 50):
the part was updated with the toll, an update (neither a contradiction nor a discrepancy).
Witnesses: for each whole, its smallest part, in the order of the wholes; the chain keeps the
parts that rise. Read only for running (cumulative) counts."""

from __future__ import annotations

from ..model import Finding
from .contradiction import by_whole
from .figure import counted
from .moment import Moment
from .scene import Ctx, finding

READS = "moment"


def judge(m: Moment, ctx: Ctx) -> list[Finding]:
    """The update of a moment's parts along their wholes, if any."""
    if not ctx.cumulative:
        return []
    groups = by_whole([f for f in m.wholes if counted(f)])
    if len(groups) < 2:
        return []
    chain = []
    for whole in sorted(groups):
        part = min(groups[whole], key=lambda f: f.point)
        if not chain or part.point > chain[-1].point:
            chain.append(part)
    if len(chain) < 2:
        return []
    return [finding(ctx, "update", "update_part", ctx.cfg["severity"]["update"], chain,
                    wholes=", ".join(f"{f.whole:g}" for f in chain))]
