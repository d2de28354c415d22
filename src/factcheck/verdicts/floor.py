"""Floor below the count: a later open lower bound ("more than 3,900") far below a count of
the same group already reported (11,300). It excludes nothing, so it is neither a falling
count nor a contradiction; but it is no step of that count either: it is another source's
count, an older one restated, or a narrower one (the identified dead), and printed beside the
higher count it needs explaining: a discrepancy naming both. Read only for running
(cumulative) counts (:func:`.timeline.floor_below`). Witnesses: the strongest count read
before (its first report) and the moment's lowest floor. A floor whose article announces
it as a revision is the correction's."""

from __future__ import annotations

from ..model import Finding
from .scene import Ctx, comparable, finding
from .timeline import Timeline, read

READS = "timeline"


def judge(t: Timeline, ctx: Ctx) -> list[Finding]:
    """The floors of a group's timeline far below a count already reported."""
    sev = ctx.cfg["severity"]["floor"]
    return [finding(ctx, "discrepancy", "floor", sev, [s.earlier, s.later], dated=True,
                    suffix=comparable(s.earlier, s.later, ctx, later=True))
            for s in t.floors if not t.is_revised(s.later)]


# the figures of a moment it can name: those the timeline reads (one function for every
# timeline verdict, so a draft check reads each moment once)
witnesses = read
