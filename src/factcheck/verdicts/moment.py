"""One moment of a group: its figures at comparable times, read once for every verdict on
a moment (the whole figures, the counted parts, the strongest lower bound and the lowest
upper bound, and whether the wholes can all be true together)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .figure import Figure, counted, distinct
from .same_count import same_count


class Moment(NamedTuple):
    """Figures at comparable times. ``wholes``: one figure per stated figure, parts left out;
    ``parts``: the counted parts; ``strongest`` the whole with the highest lower bound,
    ``weakest`` the one with the lowest upper bound (the first of ties, in canonical order);
    ``disjoint``: no one count fits every whole (1-D Helly: max low > min high), and the two
    that exclude each other are not the same count told two ways ("more than 60", "60")."""

    figures: Sequence[Figure]
    wholes: list[Figure]
    parts: list[Figure]
    strongest: Figure | None
    weakest: Figure | None
    disjoint: bool


def moment(seg: Sequence[Figure]) -> Moment:
    """The moment these figures (in canonical order) make."""
    wholes = distinct(f for f in seg if f.role != "part")
    parts = [f for f in seg if f.role == "part" and counted(f)]
    if not wholes:
        return Moment(seg, wholes, parts, None, None, False)
    strongest = max(wholes, key=lambda f: f.low)
    weakest = min(wholes, key=lambda f: f.ceiling)
    return Moment(seg, wholes, parts, strongest, weakest,
                  strongest.low > weakest.ceiling and not same_count(strongest, weakest))


def rivals(a: Figure, b: Figure) -> bool:
    """Whether two figures are two different parties' own."""
    return bool(a.party and b.party and a.party != b.party)


def all_parties(figs: Sequence[Figure]) -> bool:
    """Whether every figure is a party's own, and at least two parties speak."""
    parties = {f.party for f in figs}
    return None not in parties and len(parties) >= 2
