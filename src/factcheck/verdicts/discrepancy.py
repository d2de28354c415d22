"""Discrepancy: at one moment, different stated figures that can all be true (their
intervals overlap), listed from the highest (a vague word that fits the numbers is no
witness, and figures that all state the same count, "about 290" and "around 300", "at least
21" and "21", agree within their rounding: :mod:`.same_count`); or an estimate that excludes a count (or another
estimate): they differ by method, not a contradiction (witnesses: the highest lower bound and
the lowest upper bound); none when their reports' order is not known and the two fit the
count's movement, nothing else in doubt (:func:`.scene.consistent_running`,
:func:`.scene.consistent_level`: the rule for two counts). Figures that are all parties' own are a dispute instead."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Finding
from .figure import Figure, counted
from .moment import Moment, all_parties, rivals
from .same_count import all_same_count
from .scene import Ctx, consistent_level, consistent_running, finding, gap_severity

READS = "moment"


def judge(m: Moment, ctx: Ctx) -> list[Finding]:
    """The discrepancy of a moment, if any."""
    a, b = m.strongest, m.weakest
    if m.disjoint and a is not None and b is not None:
        if rivals(a, b) or (counted(a) and counted(b)):
            return []
        if consistent_running(a, b, ctx) or consistent_level(a, b, ctx):
            return []  # at times whose order is not known both may be true of the count:
            # nothing but the order is in doubt, as for two counts
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
    """Whether every two figures state the same count (:mod:`.same_count`: "about 290" and
    "around 300", "at least 21" and "21", "circa 10.000" and "10,100"): they agree within
    their rounding, nothing to explain."""
    return all_same_count(figs)
