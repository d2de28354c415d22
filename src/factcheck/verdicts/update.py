"""Update: a chain of figures, each reported certainly later than the one before, that a
running count raises (a level that moves both ways: changes). Witnesses: each moment's top
figure. A step that is a correction or an implausible jump is reported as such and cuts the
chain in two; so does a step of ten times or more (``[scale] unrelated``) whose reports may
be within ``[scale] unrelated_days`` and that is no jump (not certainly within days): 36 dead
and a "480" eight days on are not one count (over months a toll may grow so). A link that
tells the same count again ("up to 12", then "about 12" a day on) names the earlier reports
of it as its peers: the step from 12 to 2 is theirs too."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from ..model import Finding
from .figure import Figure
from .jump import is_jump
from .running import witness
from .same_count import same_count
from .scene import Ctx, finding, scale_ratio, span, unrelated
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
    return [retold(finding(ctx, "update", name, ctx.cfg["severity"]["update"],
                           placed(chain, t.undated, ctx), dated=True), t, ctx)
            for chain in chains if len(chain) >= 2]


def placed(chain: list[Figure], undated: Sequence[Figure], ctx: Ctx) -> list[Figure]:
    """A running count's chain with the undated reports whose number falls strictly between
    two of its links, each where its number puts it (5 on the 23rd, an undated 6, 24 on the
    25th), or before its first link when near it in scale (:func:`near`; not after its last:
    a higher undated figure may be a later count or another one, the running verdict's):
    a report whose date is not known is a step of the count where its number fits, the one
    order in which the count only rises; the reason shows it undated. Not a figure
    stating a link's count another way (it is that link's), nor one of an article the chain
    already reads, nor a count its article tells as an estimate (no link, :mod:`.timeline`),
    and of an article only the highest undated count of each voice: its own words' and
    each named source's it quotes (:func:`.running.witness`). A voice's lower figures are
    shares or counts it leaves behind (as :func:`.running.figures` reads them); another
    voice's higher figure ("about 160, a pilot said" beside the article's own 97) is no
    reason to drop the article's count, which is placed only where its number fits. A level
    that moves both ways has no such place."""
    if not ctx.cumulative or not undated:
        return chain
    docs = {f.doc for f in chain}
    tops: dict[tuple, Figure] = {}  # each voice's highest undated count (the first of ties)
    for f in undated:
        k = (f.doc, witness(f) or "")
        if f.doc not in docs and not f.estimate \
                and (k not in tops or f.point > tops[k].point):
            tops[k] = f
    at: dict[tuple, tuple[int, Figure]] = {}  # voice -> (the link it follows, its figure)
    for k, f in tops.items():
        if any(same_count(f, g) for g in chain):
            continue
        i = next((i for i, (a, b) in enumerate(zip(chain, chain[1:]))
                  if a.ceiling < f.low and f.ceiling < b.low), None)
        if i is None and near(f, chain[0], ctx) and f.ceiling < chain[0].low:
            i = -1  # an earlier step than the first dated one
        if i is not None:
            at[k] = (i, f)
    if not at:
        return chain
    out = sorted((f for j, f in at.values() if j == -1), key=lambda f: (f.point, f.low))
    for i, link in enumerate(chain):
        out.append(link)
        out += sorted((f for j, f in at.values() if j == i), key=lambda f: (f.point, f.low))
    return out


def near(f: Figure, link: Figure, ctx: Ctx) -> bool:
    """Whether an undated figure below a chain is close enough in scale to its first link to
    be an earlier step of the same count (``[scale] factor``): far below it, it is more
    likely a share (a place's, a day's finds)."""
    return scale_ratio(f, link) < float(ctx.cfg.get("scale", {}).get("factor", math.inf))


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
