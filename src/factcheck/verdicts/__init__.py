"""Verdicts as small pieces: each module judges one thing and names the figures that witness it.

A verdict module has ``READS``, what it judges, and ``judge``:

- ``"group"``: every figure of a group (``judge(figs, ctx, draft)``; agree);
- ``"moment"``: one :class:`~.moment.Moment`, figures at comparable times
  (contradiction, dispute, discrepancy, part exceeds whole, grown part);
- ``"timeline"``: the group's :class:`~.timeline.Timeline`, its falls and rises across
  moments (falling count, correction, jump, update, floor below the count).

Group and timeline verdicts also have ``witnesses``: the figures they read (of a group, or
of one moment), from which a draft check chooses which archive claims to read in full
(:func:`factcheck.compare.draft_needs`). Every verdict is evaluated; a new one is a module,
its entry in :data:`VERDICTS` and its case file ``tests/data/verdicts/<name>.toml``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from types import ModuleType

from ..model import Finding
from . import (agree, contradiction, correction, discrepancy, dispute, falling, floor,
               grown_part, jump, part_exceeds, running, update)
from .config import setting
from .figure import Figure, estimate_siblings, timed, told_estimates
from .moment import moment
from .peers import moments_of, peer_witnesses, with_peers
from .scene import Ctx, involves, maybe_wide, segments, span
from .timeline import timeline

# name (its case file's) -> module
VERDICTS: dict[str, ModuleType] = {
    "agree": agree, "contradiction": contradiction, "dispute": dispute,
    "discrepancy": discrepancy, "part_exceeds": part_exceeds, "falling": falling,
    "correction": correction, "jump": jump, "update": update, "grown_part": grown_part,
    "running": running, "floor": floor,
}


def _reading(what: str) -> list[ModuleType]:
    return [v for v in VERDICTS.values() if v.READS == what]


def judge_group(figs: Sequence[Figure], ctx: Ctx, draft: str | None = None) -> list[Finding]:
    """Every finding of one group (figures in canonical order).

    With ``draft`` (a doc id), findings that cannot involve the draft are not built:
    agreements on figures the draft does not state, and moments without a draft figure (their
    findings name only their own figures). The timeline is still read over every moment.
    """
    figs = told_estimates(figs)  # a count its article tells as an estimate is one
    out: list[Finding] = []
    for v in _reading("group"):
        out += v.judge(figs, ctx, draft)
    segs = segments(figs, setting(ctx.cfg, ctx.metric, "comparable_days"),
                    lambda f: span(f, ctx))
    for seg in segs:
        if involves(seg, draft):
            m = moment(seg)
            found = [f for v in _reading("moment") for f in v.judge(m, ctx)]
            out += _subsumed(found)
    t = timeline(segs, ctx)
    for v in _reading("timeline"):
        out += v.judge(t, ctx)
    # a revision one article tells explains the same two numbers in other reports
    out = correction.retold(out, correction.told_revisions(figs), ctx)
    # every report of a finding's moment stating one of its figures is named with it, and
    # every report stating the same figure in another moment
    out = _once(out)
    if all(f.verdict == "agree" for f in out):
        return out
    where = moments_of(segs)
    by_point: dict[float, list[Figure]] | None = None
    done = []
    for f in out:
        if f.verdict == "agree":
            done.append(f)
            continue
        # a count is read whenever it was stated: every report stating the same figure, in
        # any moment, is its peer ("12 on the 26th, and again on the 27th"), not only those
        # of its own moment; so for a chain's step or a fall as for two figures of one
        # moment (a toll of 5 on the 3rd and on the 4th against a 9: both 5s are one side).
        # The same number worded another way ("at least 471" and, a month on, "471") is the
        # same count too where it is alike (:func:`.peers.peers_of` reads same_count)
        if by_point is None:
            by_point = {}
            for g in figs:
                by_point.setdefault(g.point, []).append(g)
        near: dict[int, Sequence[Figure]] = {}  # with_peers reads only its figures' moments
        for x in f.figures:
            own = where.get(id(x), ())
            mine = {id(g) for g in own}
            near[id(x)] = [*own, *(g for g in by_point.get(x.point, ()) if id(g) not in mine)]
        done.append(with_peers(f, near, ctx.cfg, ctx.labels))
    return done


def _subsumed(found: list[Finding]) -> list[Finding]:
    """A moment's findings without the pairwise discrepancies of whole figures of the
    articles its running count lists (one finding per running count, not one per pair)."""
    runs = [frozenset(g.doc for g in f.figures) for f in found if f.kind in running.REASONS]
    if not runs:
        return found
    return [f for f in found if f.kind not in running.SUBSUMES
            or not any({g.doc for g in f.figures} <= docs for docs in runs)]


def _once(findings: list[Finding]) -> list[Finding]:
    """Each verdict on the same stated figures once, the first kept: a figure restated in
    two moments (a running count and its final toll) can be judged against an undated one
    both at their moment and as a fall, and two findings on one pair read as two problems."""
    seen: set[tuple] = set()
    out = []
    for f in findings:
        k = (f.verdict, frozenset((g.doc, g.key) for g in f.figures))
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out


def witnesses(figs: Sequence[Figure], draft: str, window: int) -> Iterable[Figure]:
    """The figures of a group a verdict about the draft can read: every figure of a moment
    with a draft figure, in other moments their first (moments are cut the same way) and
    what the timeline verdicts read and the figures stating the same counts (a finding's
    peers: :mod:`.peers`), and what the group verdicts read."""
    # a count its article tells as an estimate is no link of a chain: read as the verdicts do
    figs = told_estimates(figs)
    out: list[Figure] = []
    for v in _reading("group"):
        out += v.witnesses(figs, draft)
    # timeline verdicts mostly share one witness function: each is called once per moment
    reads = list(dict.fromkeys(v.witnesses for v in _reading("timeline")))
    for seg in segments(figs, window):
        # a moment a report known only to the month may split (spans unknown here): whole
        if involves(seg, draft) or any(maybe_wide(f) for f in seg):
            out += seg
            continue
        chosen = [seg[0]]
        for read in reads:
            chosen += read(seg)
        out += chosen + peer_witnesses(seg, chosen)
    # the reports stating a chain's counts in other moments are its steps' peers (any figure
    # a timeline verdict reads may be a step)
    steps = {f.point for f in out}  # a number worded another way may be a peer too
    out += [g for g in figs if g.point in steps]
    out += placers(out, figs)
    # the undated counts an update places in its chain by number (:func:`.update.placed`)
    out += [g for g in figs if g.as_of is None and timed(g)]
    # the articles that tell a revision (first given, then the count): it explains others
    out += correction.tellers(figs)
    # the estimates that tell how a chosen figure's article knows its count
    return out + estimate_siblings(out, figs)


def placers(chosen: Sequence[Figure], figs: Sequence[Figure]) -> list[Figure]:
    """The dated figures of ``figs`` that say where an undated one of ``chosen`` is read:
    those stating its number (:func:`.scene.segments` reads "at least 38" undated at the
    first moment stating 38); without them a draft check would read it elsewhere."""
    numbers = {f.key[1] for f in chosen if f.as_of is None and len(f.key) == 2}
    if not numbers:
        return []
    return [g for g in figs if g.as_of is not None and len(g.key) == 2 and g.key[1] in numbers]
