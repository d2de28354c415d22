"""Agree: anywhere in a group, the same stated figure from at least two independent origins.
Witnesses: every whole figure stating it. Copies of one wire story (the same quote) and
figures attributed to one source are one origin, and the reason says how many copies."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model import Finding
from .figure import Figure
from .scene import Ctx, finding, origin_sizes

READS = "group"


def judge(figs: Sequence[Figure], ctx: Ctx, draft: str | None = None) -> list[Finding]:
    """Each agreement of a group (with ``draft``, only those on a figure the draft states)."""
    mine = _stated_by(figs, draft)
    clusters: dict[tuple, list[Figure]] = {}
    for f in figs:
        if f.role != "part" and (mine is None or f.key in mine):
            clusters.setdefault(f.key, []).append(f)
    out = []
    for members in clusters.values():
        sizes = origin_sizes(members) if len(members) >= 2 else []
        if len(sizes) >= 2:
            extra = "".join(ctx.cfg["reasons"]["copies"].format(n=n) for n in sizes if n > 1)
            out.append(finding(ctx, "agree", "agree", ctx.cfg["severity"]["agree"], members,
                               suffix=extra))
    return out


def witnesses(figs: Sequence[Figure], draft: str) -> Iterable[Figure]:
    """The figures of a group that can agree with the draft's: those stating what it states."""
    mine = _stated_by(figs, draft) or set()
    return [f for f in figs if f.role != "part" and f.key in mine]


def _stated_by(figs: Sequence[Figure], draft: str | None) -> set[tuple] | None:
    # a figure's claims all come from one article
    if draft is None:
        return None
    return {f.key for f in figs if f.role != "part" and f.doc == draft}
