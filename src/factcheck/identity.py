"""Which figures count the same thing: a claim's group and the wholes it is a part of.

A group is (metric, event, scope). The scope is the party or area whose people are counted
(``side``) and the part of them (``subgroup``): "7 civilians" is in ``total/civilians``, and
stands in the ``total`` group only as a *part* (it can show the part exceeds the whole, never
contradict the whole by being smaller). A figure that the text says is part of another
("25 morti, di cui 4 ...", ``Claim.parent``) with no subgroup named is only such a part,
unless it names a place or party: "60 dead, 12 of them in Valcorvo" is Valcorvo's own toll
(in Valcorvo's group) and a part of the total.
Only figures whose status is compared (``[grouping] compared_status`` in verdicts.toml) take
part: a feared or projected toll is not a count, and an increment is never a toll.
"""

from __future__ import annotations

from typing import Any, NamedTuple

SCOPE_SEP = "/"


class Home(NamedTuple):
    """A group a claim takes part in, and how: ``own`` (its own figure), ``side`` (a party's
    or area's figure, summed with the article's other sides into the total), ``part`` (a
    lower bound of the whole)."""

    scope: str
    role: str


def scope(side: str, subgroup: str | None) -> str:
    """The scope of a group: ``total``, ``armenia``, ``total/civilians``."""
    return f"{side}{SCOPE_SEP}{subgroup}" if subgroup else side


def base_side(scope_: str) -> str:
    """The side of a scope (``total/civilians`` -> ``total``)."""
    return scope_.split(SCOPE_SEP, 1)[0]


def split_scope(scope_: str | None) -> tuple[str | None, str | None]:
    """A scope as (side, subgroup): ``total/civilians`` -> (``total``, ``civilians``)."""
    if scope_ is None:
        return None, None
    side, _, subgroup = scope_.partition(SCOPE_SEP)
    return side, subgroup or None


def compared(status: str | None, grouping: dict[str, Any]) -> bool:
    """Whether a figure of this status is compared at all."""
    return (status or "counted") in grouping.get("compared_status", ("counted", "estimated"))


def homes(side: str, subgroup: str | None, parent: int | None, total: str) -> tuple[Home, ...]:
    """The groups (by scope) a claim of this side takes part in, and its role in each."""
    if subgroup:
        if side != total:  # a party's soldiers are still summed with the other sides
            return (Home(scope(side, subgroup), "own"), Home(side, "part"), Home(total, "side"))
        return (Home(scope(side, subgroup), "own"), Home(side, "part"))
    if parent is not None:
        # "50 dead, 12 of them in Valcorvo": in Valcorvo's own group, 12 is Valcorvo's toll
        # (a whole there: it rises, falls and conflicts with Valcorvo's other tolls), and
        # a part of the total; "50 dead, 4 of them ..." with no area or subgroup is only a part
        if side != total:
            return (Home(side, "own"), Home(total, "part"))
        return (Home(side, "part"),)
    if side != total:
        return (Home(side, "own"), Home(total, "side"))
    return (Home(side, "own"),)
