"""Falling count: a running (cumulative) count that a later report gives lower than an
earlier lower bound. Witnesses: the strongest lower bound reported before (of equal ones,
the report known to be older) and the lowest upper bound after it. A contradiction when the
lower report is certainly the later one (possible when something else is in doubt); when the
order is not certain, a discrepancy that names the doubt (none when the two are also far
apart in scale: the lower may be an early count or a part); when the lower figure's sentence
announces a revision, a correction instead. Each later report is its own finding: two later
reports of one lower figure agree with each other, and one finding would read as if they
conflicted."""

from __future__ import annotations

from ..model import Finding
from .figure import Figure
from .config import setting
from .scene import Ctx, conflict, doubts, finding, span, unplaceable
from .timeline import Timeline, certainly_later, read

READS = "timeline"


def judge(t: Timeline, ctx: Ctx) -> list[Finding]:
    """The falls of a group's timeline that no revision explains."""
    out = []
    for best, low in t.falls:
        if t.is_revised(low):
            continue
        if certainly_later(best, low, ctx):
            why = doubts(best, low, ctx, same_time=False) + restated(best, low, ctx)
            out.append(conflict(ctx, "contradiction_falling", best, low, why, dated=True,
                                later=True))
        elif not unplaceable(best, low, ctx):
            why = doubts(best, low, ctx) or [ctx.cfg["doubts"]["order"]]
            out.append(finding(ctx, "discrepancy", "falling_unsure",
                               ctx.cfg["severity"]["falling_unsure"], [best, low], dated=True,
                               why=ctx.cfg["phrases"].get("doubt_join", "; ").join(why)))
    return out


def restated(best: Figure, low: Figure, ctx: Ctx) -> list[str]:
    """The doubt that a lower count is an older one restated: its report came at most
    ``restated_days`` days after the higher one's (a morning paper prints the evening
    before's count; a foreign desk's date is not the count's). Empty when further apart."""
    days = setting(ctx.cfg, ctx.metric, "restated_days")
    a, b = span(best, ctx).last, span(low, ctx).first
    if a is None or b is None or (b - a).days > days:
        return []
    return [ctx.cfg["doubts"]["restated"].format(n=(b - a).days)]


# the figures of a moment it can name: those the timeline reads (one function for every
# timeline verdict, so a draft check reads each moment once)
witnesses = read
