"""Update: a chain of figures, each reported certainly later than the one before, that a
running count raises (a level that moves both ways: changes). Witnesses: each moment's top
figure. A step that is a correction or an implausible jump is reported as such and cuts the
chain in two; so does a step of ten times or more (``[scale] unrelated``) whose reports may
be within ``[scale] unrelated_days`` and that is no jump (not certainly within days): 36 dead
and a "480" eight days on are not one count (over months a toll may grow so). A link that
tells the same count again ("up to 12", then "about 12" a day on) names the earlier reports
of it as its peers: the step from 12 to 2 is theirs too."""

from __future__ import annotations

from dataclasses import replace

from ..model import Finding
from .figure import Figure
from .jump import is_jump
from .scene import Ctx, finding, span, unrelated
from .timeline import Step, Timeline, read
from .wording import figure_phrase

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
    return [retold(finding(ctx, "update", name, ctx.cfg["severity"]["update"], chain,
                           dated=True), t, ctx)
            for chain in chains if len(chain) >= 2]


def retold(f: Finding, t: Timeline, ctx: Ctx) -> Finding:
    """``f`` naming, with each link, the earlier reports of the same count it replaced in
    the chain (:attr:`.timeline.Timeline.retold`: "as many as 12" on the 26th, "a dozen" on
    the 27th, then 2): its peers, as one side of the step; the reason says who."""
    each = [tuple(g for g in t.retold.get(id(x), ()) if g.doc != x.doc) for x in f.figures]
    if not any(each):
        return f
    r = ctx.cfg.get("reasons", {})
    join = ctx.cfg.get("phrases", {}).get("list_join", ", ")
    said = "".join(r.get("peers", "").format(
        docs=join.join(dict.fromkeys(ctx.labels.get(g.doc, g.doc) for g in ps)),
        figure=figure_phrase(x, ctx.cfg)) for x, ps in zip(f.figures, each) if ps)
    claims = dict.fromkeys(f.claims)
    for ps in each:
        for g in ps:
            claims.update(dict.fromkeys(g.claims))
    return replace(f, reason=f.reason + said, claims=tuple(claims), peers=tuple(each))


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
