"""The period of a figure the text does not date: what it counts.

A running (cumulative) count reported with no date of its own counts from its event's start
to the day it is reported ("the toll rose to 29": 2017-01-18 to the report's day); the report's
day is a span too (a date known to the month ends at the month's end; a date inferred from
the text only bounds the report from below, so the period stays open). A level (missing,
displaced, troops: a figure that goes up and down) stands as of the report. A figure of an
undated article takes its event's span when the event is dated, instead of no period. A
figure the article repeats with a date of its own elsewhere (the headline's "At least 36
killed", the body's "at least 36 people have died, according to a statement late
Wednesday") is that count, as of that day (:func:`dated_twins`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from ..model import Claim
from ..paths import rules_dir
from ..timespan import Span
from .dates import Period


def cumulative_metrics(root: Path | None = None) -> frozenset[str]:
    """The metrics ``metrics.toml`` marks cumulative (read again when the file changes;
    the file is validated with the claim rules)."""
    path = (root or rules_dir()) / "metrics.toml"
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return frozenset()
    return _cumulative(str(path), stamp)


@lru_cache(maxsize=8)
def _cumulative(path: str, stamp: int) -> frozenset[str]:
    data = tomllib.loads(Path(path).read_text("utf-8"))
    return frozenset(name for name, t in data.items()
                     if isinstance(t, dict) and t.get("cumulative") is True)


# a report this long after its event's start looks back on it (an anniversary, a trial):
# half a year, twice and more the longest window of a sudden event's reports
_RETROSPECT_DAYS = 180


def unstated_period(period: tuple[date | None, date | None, str | None], *,
                    cumulative: bool, event: Period | None, report: Span,
                    window: int | None = None
                    ) -> tuple[date | None, date | None, str | None]:
    """``(start, end, how)`` of a figure whose text states no date of its own.

    ``period`` is what it has so far (the article's own time, "article", or nothing);
    ``event`` the span of its event when known (its end may be ``date.max``: ongoing);
    ``report`` the publication span of its article; ``window``: the days its event's type
    keeps being reported (``window_days`` of ``event_types.toml``), when known.

    A running count of an event whose reports end within weeks (a quake, a fire: a window
    shorter than half a year) told over half a year after it began is no running count: the
    report looks back ("a decade after the quake that killed 212", "the trial over the
    collapse that killed 11"), and the figure is the event's, over the event's own window,
    never up to the report. A war's count (a window of half a year or more) still runs to the report.
    """
    if event is None:
        return period
    start, end = event
    if report.first is None:
        # undated: the figure is about its event, the best that is known of its time
        return start, (None if end == date.max else end), "event"
    if (cumulative and window is not None and window < _RETROSPECT_DAYS
            and (report.first - start).days > _RETROSPECT_DAYS):
        last = start + timedelta(days=window)
        return start, (last if end == date.max or end is None else min(end, last)), "event"
    if cumulative and start <= (report.last or report.first):
        # a running count: from the event's start to the report (open when only bounded)
        return start, report.last, "running"
    return period


# the periods a figure's own words give it (a day, a month, "since ..."), and those it only
# has from the article ("article") or its event ("running")
_STATED = frozenset({"explicit", "relative"})
_UNSTATED = frozenset({"article", "running"})
# a twin's date dates the repeated figure only when it is about a day (not "in 2020")
_TWIN_DAYS = 7


def _twin_key(c: Claim) -> tuple:
    q = c.quantity
    return (c.metric, c.event, c.side, c.subgroup, c.status, q.value, q.low, q.high)


def dated_twins(claims: Sequence[Claim], report: Span) -> list[Claim]:
    """``claims`` of one article, each figure with no date of its own taking the as-of of
    the same figure stated elsewhere in the article with a day of its own.

    The same count (metric, event, who, status and interval) repeated in one article is
    one count: a headline's "At least 36 killed" is the body's "at least 36 people have
    died, according to a statement late Wednesday", so it is as of Wednesday, not of the
    publication day. A running count keeps its start (the event's) and ends that day.
    Only in a report known to the day (``report``), for a day in the week before it (a
    restated figure dated long before is more often a date misread onto it: "placed the
    toll at 64 after Maria roared through the island Sept. 20"), and when the dated twins
    agree on one period; anything else is left as it is."""
    if not report.exact or report.first is None:
        return list(claims)
    earliest = report.first - timedelta(days=_TWIN_DAYS)
    dated: dict[tuple, set[tuple[date, date]]] = {}
    for c in claims:
        if (c.period_how in _STATED and c.period_start is not None and c.period_end is not None
                and (c.period_end - c.period_start).days < _TWIN_DAYS
                and earliest <= c.period_start and c.period_end <= report.first):
            dated.setdefault(_twin_key(c), set()).add((c.period_start, c.period_end))
    if not dated:
        return list(claims)
    out = []
    for c in claims:
        spans = dated.get(_twin_key(c)) if c.period_how in _UNSTATED else None
        if spans and len(spans) == 1:
            (start, end), = spans
            if c.period_end is not None and end <= c.period_end:
                if c.period_how == "running" and c.period_start is not None \
                        and c.period_start <= end:
                    c = replace(c, period_end=end)
                elif c.period_how == "article":
                    c = replace(c, period_start=start, period_end=end, period_how="relative")
        out.append(c)
    return out
