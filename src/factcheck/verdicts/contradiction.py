"""Contradiction: at one moment, two whole counted figures whose intervals exclude each other
(the two cannot both be true). Witnesses: the figure with the highest lower bound and the one
with the lowest upper bound. Certain when both reports are known to the same day (or both are
final tolls) and neither reading is ambiguous; otherwise a possible contradiction naming the
doubt, or a discrepancy when the doubt explains both figures (two named sources, a count
that moved within the day: :func:`.scene.explained`). Two parties' own figures are a
dispute instead, and an estimate a discrepancy. Of a running count at times whose order is
not known, with nothing but the dates in doubt, the lower may be the earlier count: no
finding (:func:`.scene.consistent_running`). Two figures at times whose order is not known
and far apart in scale are no finding (the lower may be an early count or a part:
:func:`.scene.unplaceable`), and neither are two figures
of the same count told two ways ("more than 60" and "60": :mod:`.same_count`), nor two
figures so far apart in scale that they are not one count (:func:`.scene.unrelated`).

Parts of different wholes ("2 children" of 35 dead, "5 children" of 50) stand at different
moments of the count, whatever their reports' dates: only parts of the same whole are judged
against each other (the growth of a part with its whole is :mod:`.grown_part`'s)."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Finding
from .figure import Figure, counted
from .moment import Moment, rivals
from .same_count import same_count
from .scene import (Ctx, conflict, consistent_level, consistent_running, doubts,
                    earlier_window, explained, rose_in_order, unplaceable, unrelated)

READS = "moment"


def judge(m: Moment, ctx: Ctx) -> list[Finding]:
    """The contradiction of a moment, if any."""
    a, b = m.strongest, m.weakest
    if not m.disjoint or a is None or b is None:
        return []
    if a.whole is not None and b.whole is not None and a.whole != b.whole:
        out: list[Finding] = []
        for same in by_whole(m.wholes).values():
            out += _pair(max(same, key=lambda f: f.low), min(same, key=lambda f: f.ceiling),
                         ctx)
        return out
    return _pair(a, b, ctx)


def _pair(a: Figure, b: Figure, ctx: Ctx) -> list[Finding]:
    if a.low <= b.ceiling or rivals(a, b) or not (counted(a) and counted(b)) \
            or same_count(a, b):
        return []
    if earlier_window(a, b, ctx) or earlier_window(b, a, ctx):
        return []  # one counts a window its text says ended before the other stood
    if unplaceable(a, b, ctx) or unrelated(a, b, ctx) or consistent_running(a, b, ctx) \
            or consistent_level(a, b, ctx) or rose_in_order(a, b, ctx):
        return []  # an early count or a part, at unknown times: both true either way; or
        # so far apart in scale that the smaller counts something else; or a running
        # count at unknown times, the lower maybe the earlier, nothing else in doubt; or a
        # level at unknown times, each true when reported, nothing else in doubt; or a
        # running count whose lower figure's report certainly came first (a rise)
    return [conflict(ctx, "contradiction", a, b, doubts(a, b, ctx),
                     explains=explained(a, b, ctx))]


def by_whole(figs: Sequence[Figure]) -> dict[float, list[Figure]]:
    """The figures whose whole is known, by their whole (in canonical order)."""
    out: dict[float, list[Figure]] = {}
    for f in figs:
        if f.whole is not None:
            out.setdefault(f.whole, []).append(f)
    return out
