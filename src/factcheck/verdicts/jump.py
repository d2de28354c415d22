"""Implausible jump: a step of a count's rising chain that multiplies it by at least
``[jumps] factor`` certainly within ``within_days`` (missing from 30 to 300 in three days): a
discrepancy with its factor, not an update. Witnesses: the two figures of the step."""

from __future__ import annotations

import math
from ..model import Finding
from .figure import FINAL
from .scene import Ctx, finding, span
from .timeline import Step, Timeline, read
from .wording import fmt_number

READS = "timeline"


def judge(t: Timeline, ctx: Ctx) -> list[Finding]:
    """The implausible jumps of a group's timeline."""
    return [finding(ctx, "discrepancy", "jump", ctx.cfg["severity"]["jump"], [s.earlier, s.later],
                    dated=True, factor=fmt_number(round(factor(s), 1)))
            for s in t.rises if is_jump(s, ctx, t)]


# the figures of a moment it can name: those the timeline reads (one function for every
# timeline verdict, so a draft check reads each moment once)
witnesses = read


def factor(s: Step) -> float:
    """How many times the later figure is the earlier one."""
    return s.later.point / s.earlier.point if s.earlier.point > 0 else math.inf


def is_jump(s: Step, ctx: Ctx, t: Timeline) -> bool:
    """Whether a rise certainly multiplies the count within days (and is no announced
    revision): the reports' spans are at most ``within_days`` apart at their farthest (a
    date only inferred from the text, or known to the month, may be much later)."""
    jump = ctx.cfg.get("jumps", {})
    if s.later.as_of in (None, FINAL) or s.earlier.as_of is None:
        return False
    first, last = span(s.earlier, ctx).first, span(s.later, ctx).last
    soon = first is not None and last is not None \
        and (last - first).days <= int(jump.get("within_days", 0))
    return soon and factor(s) >= float(jump.get("factor", math.inf)) and not t.is_revised(s.later)
