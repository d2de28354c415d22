"""Same count: two figures an editor cannot tell apart as counts ("at least 21" and "21",
"more than 60" and "60", "about 100" and "100", "circa 10.000" and "10,100", "at least
3,958" and "more than 3,900"). They agree: never a contradiction, a fall, a discrepancy or a
rise of the count, whatever their intervals' half-unit edges say ("more than 60" allows 61
and up, yet states the same count as "60").

Read from each figure's :attr:`~.figure.Figure.reading` (what count it may stand for, by
the rounding data of ``verdicts.toml [defaults]``). Not the same count: figures that read
apart ("at least 14" and "15", "more than 6,000" and "more than 6,500": different stated
figures, a discrepancy at most), two numbers neither of which lies in the other's rounding
("about 100" and "about 120"), opposite bounds ("as many as 1,800" and "more than 1,800"
exclude each other), and a vague word.
"""

from __future__ import annotations

from collections.abc import Sequence

from .figure import Figure


def same_count(a: Figure, b: Figure) -> bool:
    """Whether ``a`` and ``b`` state the same count as far as an editor can tell."""
    ra, rb = a.reading, b.reading
    if ra is None or rb is None:
        return False
    alo, ahi, away = ra
    blo, bhi, bway = rb
    if {away, bway} == {">", "<"}:
        return False  # "up to 1,800" and "more than 1,800" exclude each other
    if max(alo, blo) > min(ahi, bhi):
        return False
    if "r" in (away, bway) and not (a.low <= b.ceiling and b.low <= a.ceiling):
        return False  # a range's end is no bound's number: "150 to 200", "more than 200"
    if away == bway == "=":
        # two numbers: the more precise lies within the rounder one's band ("about 290",
        # "around 300"; not "about 100" and "about 120", which only overlap)
        return alo <= b.point <= ahi or blo <= a.point <= bhi
    return True


def all_same_count(figs: Sequence[Figure]) -> bool:
    """Whether every two of these figures state the same count."""
    return all(same_count(a, b) for i, a in enumerate(figs) for b in figs[i + 1:])
