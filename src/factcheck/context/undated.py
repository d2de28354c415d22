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
from pathlib import Path

from ..model import Claim
from .asof import cumulative_metrics
from .dates import month_range, year_range
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


def id_span(event: str | None) -> tuple[date, date] | None:
    """The time an automatic event's id names (its day, month or year), or None (undated,
    told as over before its report, or no automatic id)."""
    parts = parse_auto(event)
    if parts is None or parts.year is None or parts.earlier:
        return None
    if parts.month is None:
        return year_range(parts.year)
    if parts.day is None:
        return month_range(parts.year, parts.month)
    day = date(parts.year, parts.month, parts.day)
    return day, day


def told_starts(claims: Sequence[Claim]) -> dict[str, date]:
    """Each automatic event -> the earliest start a dated figure's text gives it (a running
    count's start, a curated event's): the day the event began as articles tell it."""
    starts: dict[str, date] = {}
    for c in claims:
        if (c.published is not None and c.period_how in _EVENT_STARTS
                and c.period_start is not None and parse_auto(c.event) is not None):
            eid: str = c.event  # type: ignore[assignment]
            starts[eid] = min(starts.get(eid, c.period_start), c.period_start)
    return starts


def undated_periods(claims: Sequence[Claim], root: Path | None = None) -> list[Claim]:
    """``claims`` (events already merged, same order) where a figure of an undated article
    with no period of its own takes the span of its event as dated articles report it
    (:func:`event_spans`), ``period_how = "event"``; and where a running count of a dated
    article that had only the article's own time (its article never told when the event
    began) counts from the start other articles tell, to its report (``"running"``, as
    :func:`factcheck.context.asof.unstated_period` does when the article tells it).
    ``root``: the rules folder whose ``metrics.toml`` says which counts run (default: the
    one in use); every other claim as it is."""
    spans = event_spans(claims)
    starts = told_starts(claims)
    cumulative = cumulative_metrics(root)
    out = []
    for c in claims:
        span = spans.get(c.event) if c.event is not None else None
        if (span is not None and c.published is None and c.period_how is None
                and c.period_start is None and c.period_end is None):
            c = replace(c, period_start=span[0], period_end=span[1], period_how="event")
        elif (span is None and c.published is None and c.period_how is None
              and c.period_start is None and c.period_end is None
              and (own := id_span(c.event)) is not None):
            # no dated article reports its event (a split, or the only report): the time
            # its own text gives the event ("the floods of May 2031") is still its time
            c = replace(c, period_start=own[0], period_end=own[1], period_how="event")
        elif (c.published is not None and c.period_how == "article" and c.metric in cumulative
              and c.event in starts and c.period_start is not None
              and starts[c.event] <= c.period_start):  # type: ignore[index]
            c = replace(c, period_start=starts[c.event], period_how="running")  # type: ignore[index]
        out.append(c)
    return out
