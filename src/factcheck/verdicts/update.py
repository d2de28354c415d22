"""Update: a chain of figures, each reported certainly later than the one before, that a
running count raises (a level that moves both ways: changes). Witnesses: each moment's top
figure. A step that is a correction or an implausible jump is reported as such and cuts the
chain in two; so does a step of ten times or more (``[scale] unrelated``) whose reports may
be within ``[scale] unrelated_days`` and that is no jump (not certainly within days): 36 dead
and a "480" eight days on are not one count (over months a toll may grow so)."""

from __future__ import annotations

from ..model import Finding
from .figure import Figure
from .jump import is_jump
from .scene import Ctx, finding, span, unrelated
from .timeline import Step, Timeline, read

READS = "timeline"


def judge(t: Timeline, ctx: Ctx) -> list[Finding]:
    """The updates of a group's timeline: its chains of ordinary rises."""
    chains: list[list[Figure]] = []
    for s in t.rises:
        if t.is_revised(s.later) or is_jump(s, ctx, t) or apart(s, ctx):
            # the next chain starts at the cut: a correction or a jump is its own finding,
            # and a step ten times up within weeks joins two counts of different things
            chains.append([s.later])
        elif chains and chains[-1][-1] is s.earlier:
            chains[-1].append(s.later)
        else:
            chains.append([s.earlier, s.later])
    name = "update" if ctx.cumulative else "update_level"
    return [finding(ctx, "update", name, ctx.cfg["severity"]["update"], chain, dated=True)
            for chain in chains if len(chain) >= 2]


def apart(s: Step, ctx: Ctx) -> bool:
    """Whether a rise is too steep to be a step of one count: ten times or more
    (:func:`.scene.unrelated`) while the two reports may be at most ``[scale]
    unrelated_days`` apart."""
    if not unrelated(s.earlier, s.later, ctx):
        return False
    first, last = span(s.earlier, ctx).last, span(s.later, ctx).first
    days = int(ctx.cfg.get("scale", {}).get("unrelated_days", 0))
    return first is None or last is None or (last - first).days <= days


# the figures of a moment it can name: those the timeline reads (one function for every
# timeline verdict, so a draft check reads each moment once)
witnesses = read
