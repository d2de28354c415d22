"""Update: a chain of figures, each reported certainly later than the one before, that a
running count raises (a level that moves both ways: changes). Witnesses: each moment's top
figure. A step that is a correction or an implausible jump is reported as such and cuts the
chain in two."""

from __future__ import annotations

from ..model import Finding
from .figure import Figure
from .jump import is_jump
from .scene import Ctx, finding
from .timeline import Timeline, read

READS = "timeline"


def judge(t: Timeline, ctx: Ctx) -> list[Finding]:
    """The updates of a group's timeline: its chains of ordinary rises."""
    chains: list[list[Figure]] = []
    for s in t.rises:
        if t.is_revised(s.later) or is_jump(s, ctx, t):
            chains.append([s.later])  # the next chain starts at the cut
        elif chains and chains[-1][-1] is s.earlier:
            chains[-1].append(s.later)
        else:
            chains.append([s.earlier, s.later])
    name = "update" if ctx.cumulative else "update_level"
    return [finding(ctx, "update", name, ctx.cfg["severity"]["update"], chain, dated=True)
            for chain in chains if len(chain) >= 2]


# the figures of a moment it can name: those the timeline reads (one function for every
# timeline verdict, so a draft check reads each moment once)
witnesses = read
