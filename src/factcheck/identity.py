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

An area is the event's whole when the event lies within it (:func:`whole_area`): "146 dead in
Seoul" of a crowd crush keyed on Seoul is the crush's toll, while "200 dead in Amatrice" of an
earthquake keyed on Amatrice is one town's share of a quake felt over a region.
"""

from __future__ import annotations

from collections.abc import Callable
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


AREA_PREFIX = "area:"  # the side of one place of a breakdown by place ("area:rieti")
SITE_PREFIX = "site-"  # an automatic event's place that is a landmark ("site-marmolada")


def whole_area(side: str | None, event: str | None, reach_km: Callable[[str], float | None],
               town_km: float) -> bool:
    """Whether ``side`` (an area) counts the whole of ``event``: the area is the place the
    automatic event is keyed on (``auto:<type>:<place>:<date>``; a site's or a named storm's
    place after its ``@``), and the event's type reaches no farther than ``town_km``
    (``reach_km(type)``: how far apart two places of one event of that type may be), so the
    whole event lies within that place. A crowd crush, a collapse or a blast keyed on Seoul
    happened in Seoul: its toll "in Seoul" is its toll. A quake or a flood keyed on a town
    reaches past it: the town's toll is a part (Amatrice's of the quake that also struck
    Accumoli and Arquata), and so is any other place's, or a type nobody knows."""
    if not side or not side.startswith(AREA_PREFIX) or not event or not event.startswith("auto:"):
        return False
    parts = event.split(":")
    if len(parts) not in (3, 4):
        return False
    kind, place = parts[1], parts[2]
    area = side[len(AREA_PREFIX):]
    site = place.partition("@")[0]
    if site.startswith(SITE_PREFIX) and site[len(SITE_PREFIX):] == area:
        # the landmark the event is keyed on ("71 died in Grenfell Tower" of the fire at
        # site-grenfell-tower): where it all happened, whatever its type's reach
        return True
    where = place.rpartition("@")[2] if "@" in place else place
    if where != area:
        return False
    reach = reach_km(kind)
    return reach is not None and reach <= town_km


def compared(status: str | None, grouping: dict[str, Any]) -> bool:
    """Whether a figure of this status is compared at all."""
    return (status or "counted") in grouping.get("compared_status", ("counted", "estimated"))


def homes(side: str, subgroup: str | None, parent: int | None, total: str,
          whole_is_part: bool = False) -> tuple[Home, ...]:
    """The groups (by scope) a claim of this side takes part in, and its role in each.

    ``whole_is_part``: the figure's whole (its ``parent``) is itself only one site's share
    ("47 dead at the Riverside Hospital, including 9 foreigners"). A subgroup of such a
    share is some of that subgroup, never its count: a part in the subgroup's group too,
    where the foreigners among all the dead are counted. (Not the dead identified so far:
    "4 Ukrainians among the 7 identified", then 5, is the Ukrainians' running count.)"""
    if subgroup:
        own = "part" if whole_is_part and parent is not None else "own"
        if side != total:  # a party's soldiers are still summed with the other sides
            return (Home(scope(side, subgroup), own), Home(side, "part"), Home(total, "side"))
        return (Home(scope(side, subgroup), own), Home(side, "part"))
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
