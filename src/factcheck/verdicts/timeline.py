"""A group over time: the steps the verdicts across moments judge, read once.

Over counted whole figures only, moment by moment: a *fall* is a moment whose lowest upper
bound is below the strongest lower bound reported before (read only for running counts);
a *rise* is a step of the chain of each moment's top figure, certainly later than the
previous link and (for a running count) higher (a level that moves both ways: any change).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..timespan import before
from .figure import FINAL, Figure, timed
from .scene import Ctx, span


class Step(NamedTuple):
    """Two figures of a group at different moments: ``earlier`` then ``later``."""

    earlier: Figure
    later: Figure


class Timeline(NamedTuple):
    """``falls``: (the strongest earlier lower bound, a lower count after it); ``rises``: the
    chain's steps, in order."""

    falls: list[Step]
    rises: list[Step]


def certainly_later(a: Figure, b: Figure, ctx: Ctx) -> bool:
    """Whether ``b``'s report certainly came after ``a``'s (or ``b`` is a final toll and
    ``a`` is not)."""
    return before(span(a, ctx), span(b, ctx)) or (b.as_of == FINAL and a.as_of != FINAL)


def top(figs: Sequence[Figure]) -> Figure:
    """The highest figure of a moment (the first of ties)."""
    return max(figs, key=lambda f: f.point)


def strongest(figs: Sequence[Figure]) -> Figure:
    """The figure with the highest lower bound (the first of ties)."""
    return max(figs, key=lambda f: f.low)


def weakest(figs: Sequence[Figure]) -> Figure:
    """The figure with the lowest upper bound (the first of ties)."""
    return min(figs, key=lambda f: f.ceiling)


def timeline(segs: Sequence[Sequence[Figure]], ctx: Ctx) -> Timeline:
    """The falls and rises of these moments (in time order)."""
    falls: list[Step] = []
    rises: list[Step] = []
    best: Figure | None = None  # the strongest lower bound reported so far
    last: Figure | None = None  # the chain's last link
    for seg in segs:
        real = [f for f in seg if timed(f)]
        if not real:
            continue
        if ctx.cumulative and best is not None:
            low = weakest(real)
            if low.ceiling < best.low:
                falls.append(Step(best, low))
        high = top(real)
        if last is None:
            last = high
        elif high.key != last.key and (high.point > last.point if ctx.cumulative else True) \
                and certainly_later(last, high, ctx):
            rises.append(Step(last, high))
            last = high
        s = strongest(real)
        if best is None or s.low > best.low:
            best = s
    return Timeline(falls, rises)


def read(seg: Sequence[Figure]) -> Iterable[Figure]:
    """The figures of a moment a timeline reads: its counted wholes with the top figure, the
    highest lower bound or the lowest upper bound (ties all: which one is first depends on
    the order of figures a draft check has not read)."""
    real = [f for f in seg if timed(f)]
    if not real:
        return []
    hi, lo, ceil = top(real).point, strongest(real).low, weakest(real).ceiling
    return [f for f in real if f.point == hi or f.low == lo or f.ceiling == ceil]
