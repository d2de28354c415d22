"""Agree: anywhere in a group, the same stated figure from at least two independent origins.
A bound at a figure's own number states that figure's count ("at least 21" and "21", "more
than 60" and "60": :mod:`.same_count`): it agrees with it (a lower bound first; an upper bound
when no lower bound states the number). Witnesses: every whole figure stating the number.
Copies of one wire story (the same quote) and figures attributed to one source are one
origin, and the reason says how many copies."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model import Finding
from .figure import Figure
from .scene import Ctx, finding, origin_sizes

READS = "group"

# the directions of a stated key (figure._DIRECTION) a point's agreement takes in, in order
_BOUNDS = (">", "<")


def judge(figs: Sequence[Figure], ctx: Ctx, draft: str | None = None) -> list[Finding]:
    """Each agreement of a group (with ``draft``, only those on a figure the draft states)."""
    wholes = [f for f in figs if f.role != "part"]
    into = _merged(wholes)
    mine = _stated_by(wholes, draft, into)
    clusters: dict[tuple, list[Figure]] = {}
    for f in wholes:
        k = into.get(f.key, f.key)
        if mine is None or k in mine:
            clusters.setdefault(k, []).append(f)
    out = []
    for members in clusters.values():
        sizes = origin_sizes(members) if len(members) >= 2 else []
        if len(sizes) >= 2:
            extra = "".join(ctx.cfg["reasons"]["copies"].format(n=n) for n in sizes if n > 1)
            out.append(finding(ctx, "agree", "agree", ctx.cfg["severity"]["agree"], members,
                               suffix=extra))
    return out


def _merged(wholes: Sequence[Figure]) -> dict[tuple, tuple]:
    """The bound keys that join a point's agreement: ``(">", 21)`` into ``("=", 21)`` when
    some figure states 21 as a point, and ``("<", 21)`` when no lower bound states 21 (an
    upper and a lower bound of one number exclude each other: never in one agreement)."""
    keys = {f.key for f in wholes}
    out: dict[tuple, tuple] = {}
    for k in keys:
        if len(k) == 2 and k[0] == "=":
            for way in _BOUNDS:
                if (way, k[1]) in keys:
                    out[(way, k[1])] = k
                    break
    return out


def witnesses(figs: Sequence[Figure], draft: str) -> Iterable[Figure]:
    """The figures of a group that can agree with the draft's: those stating a number it
    states, as a point or a bound (which of them agree depends on all of them)."""
    keys = {f.key for f in figs if f.role != "part" and f.doc == draft}
    said = {k[1] for k in keys if len(k) == 2}  # (direction, number); sums and ranges: longer
    return [f for f in figs if f.role != "part"
            and (f.key in keys or (len(f.key) == 2 and f.key[1] in said))]


def _stated_by(wholes: Sequence[Figure], draft: str | None, into: dict[tuple, tuple]
               ) -> set[tuple] | None:
    # a figure's claims all come from one article
    if draft is None:
        return None
    return {into.get(f.key, f.key) for f in wholes if f.doc == draft}
