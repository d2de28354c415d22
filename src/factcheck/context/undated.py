"""The period of an undated article's figure, from the event the merge joins it to.

An article with no publication date cannot say when its figures stood, and at extraction
its automatic event is undated too (``auto:<type>:<place>``), so its figures get no period.
Once the merge (:mod:`.merge`) has joined that id to an event other, dated articles
report, the figure is known to be about that event: its period is the event's span as
those articles tell it, from the event's first known date to their latest report, with
``period_how = "event"``. The article stays undated (``published`` None): the comparison
still reads the figure as undated (``verdicts.figure.as_of``), so no verdict becomes more
certain for it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from ..model import Claim
from .events import parse_auto

# periods that say when the event itself began (its start as the text tells it, a curated
# event's start), as opposed to a stated date of one figure (a day's count, "since 2010")
_EVENT_STARTS = frozenset({"running", "event"})


def event_spans(claims: Sequence[Claim]) -> dict[str, tuple[date, date]]:
    """Each automatic event that dated articles report -> ``(first known date, latest
    report)``. The first known date is the earliest start a dated figure gives the event
    (``running`` or ``event`` periods), else the first day of the event id's month (or
    year): the merge's own reading of a dated id."""
    starts: dict[str, list[date]] = defaultdict(list)
    reports: dict[str, list[date]] = defaultdict(list)
    for c in claims:
        if c.published is None or parse_auto(c.event) is None:
            continue
        reports[c.event].append(c.published)  # type: ignore[index]
        if c.period_how in _EVENT_STARTS and c.period_start is not None:
            starts[c.event].append(c.period_start)  # type: ignore[index]
    spans = {}
    for eid, days in reports.items():
        parts = parse_auto(eid)
        if parts is None or parts.year is None:
            continue  # the merged event is dated by none of its articles
        last = max(days)
        first = min(starts[eid], default=date(parts.year, parts.month or 1, 1))
        if first <= last:  # a start after every report is no start of this event
            spans[eid] = (first, last)
    return spans


def undated_periods(claims: Sequence[Claim]) -> list[Claim]:
    """``claims`` (events already merged, same order) where a figure of an undated article
    with no period of its own takes the span of its event as dated articles report it
    (:func:`event_spans`), ``period_how = "event"``; every other claim as it is."""
    spans = event_spans(claims)
    out = []
    for c in claims:
        span = spans.get(c.event) if c.event is not None else None
        if (span is not None and c.published is None and c.period_how is None
                and c.period_start is None and c.period_end is None):
            c = replace(c, period_start=span[0], period_end=span[1], period_how="event")
        out.append(c)
    return out
