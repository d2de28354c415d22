"""The events found in a set of articles: each named in words, with its places, span,
articles and figures (what ``factcheck events`` lists).

Built from the claims as extraction left them (before merging) and the merge's map of
their automatic ids (:func:`.merge.event_map`), so an event lists every place its articles
named, not only the one its id keeps.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..model import Claim
from .events import catalog, event_label, parse_auto, slot_parts
from .gazetteer import gazetteer


@dataclass(frozen=True)
class FoundEvent:
    """One event and what the articles say about it."""

    id: str
    label: str  # in words: "flood · Emilia-Romagna · May 2023"
    curated: bool  # from rules/events.toml
    places: tuple[str, ...]  # place names, the most reported first
    start: date | None  # the earliest day its figures refer to (or were published)
    end: date | None
    articles: tuple[str, ...]  # doc ids, sorted
    figures: tuple[Claim, ...]  # in article and offset order


def found_events(claims: Sequence[Claim], merged: Mapping[str, str],
                 rules_root: Path | None = None) -> list[FoundEvent]:
    """The events of ``claims`` (their ``event`` before merging; ``merged``: each automatic
    id -> the event it was merged into), by start date then id. Claims with no event are
    left out."""
    members: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.event:
            members[merged.get(c.event, c.event)].append(c)
    out = []
    for eid, cs in members.items():
        cs.sort(key=lambda c: (c.doc, c.quantity.start))
        days = [d for c in cs for d in (c.period_start or c.published,
                                        c.period_end or c.published) if d is not None]
        out.append(FoundEvent(
            id=eid, label=event_label(eid, rules_root), curated=parse_auto(eid) is None,
            places=_places(eid, cs, rules_root), start=min(days, default=None),
            end=max(days, default=None), articles=tuple(sorted({c.doc for c in cs})),
            figures=tuple(cs)))
    out.sort(key=lambda e: (e.start or date.max, e.id))
    return out


def _places(eid: str, claims: Sequence[Claim], rules_root: Path | None) -> tuple[str, ...]:
    """The places of an event: those of the automatic ids merged into it (counted by the
    figures that name them), or a curated event's own."""
    if parse_auto(eid) is None:
        data = catalog(rules_root).raw
        names = data.get("places", {})
        for e in data.get("events", ()):
            if e.get("id") == eid:
                return tuple((names.get(p, {}).get("names") or [p])[0]
                             for p in e.get("places", ()))
        return ()
    gaz = gazetteer(rules_root)
    counts: Counter[str] = Counter()
    for c in claims:
        parts = parse_auto(c.event)
        # a storm's name is no place, where its article says it struck is
        where = slot_parts(parts.place)[1] if parts is not None else None
        if where is not None:
            counts[where] += 1
    named = []
    for slug in sorted(counts, key=lambda s: (-counts[s], s)):
        place = gaz.get(slug)
        named.append(place.name if place is not None else slug.replace("-", " ").title())
    return tuple(dict.fromkeys(named))
