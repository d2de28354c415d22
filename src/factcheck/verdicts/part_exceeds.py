"""Part exceeds whole: at one moment, a counted part (one side, a subgroup, a figure the text
makes part of another) whose lower bound is above a counted whole's upper bound. Witnesses:
the part with the highest lower bound and the whole with the lowest upper bound. A part
smaller than its whole is no finding: it fits; so is one stating the whole's count ("more than
60" of "60": :mod:`.same_count`), and a part that a stronger whole of the
moment holds (the weaker whole then conflicts with that whole: one contradiction says it), or
one so far above the whole that the two are not one count (:func:`.scene.unrelated`)."""

from __future__ import annotations

from ..model import Finding
from .figure import counted
from .moment import Moment
from .same_count import same_count
from .scene import Ctx, conflict, consistent_running, doubts, explained, unrelated

READS = "moment"


def judge(m: Moment, ctx: Ctx) -> list[Finding]:
    """The part of a moment that exceeds its whole, if any."""
    whole = [f for f in m.wholes if f.high is not None and counted(f)]
    if not (m.parts and whole):
        return []
    top = min(whole, key=lambda f: f.ceiling)
    part = max(m.parts, key=lambda f: f.low)
    strongest = max(f.low for f in m.wholes if counted(f))
    if part.low <= top.ceiling or part.low <= strongest or same_count(part, top) \
            or unrelated(part, top, ctx) or consistent_running(part, top, ctx):
        # a "whole" a tenth of its part counts something else; a whole of a running count
        # at unknown times may be the earlier count, nothing else in doubt
        return []
    return [conflict(ctx, "contradiction_part", part, top, doubts(part, top, ctx),
                     explains=explained(part, top, ctx))]
