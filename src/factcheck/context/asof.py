"""The period of a figure the text does not date: what it counts.

A running (cumulative) count reported with no date of its own counts from its event's start
to the day it is reported ("the toll rose to 29": 2017-01-18 to the report's day); the report's
day is a span too (a date known to the month ends at the month's end; a date inferred from
the text only bounds the report from below, so the period stays open). A level (missing,
displaced, troops: a figure that goes up and down) stands as of the report. A figure of an
undated article takes its event's span when the event is dated, instead of no period.
"""

from __future__ import annotations

import tomllib
from datetime import date
from functools import lru_cache
from pathlib import Path

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


def unstated_period(period: tuple[date | None, date | None, str | None], *,
                    cumulative: bool, event: Period | None, report: Span
                    ) -> tuple[date | None, date | None, str | None]:
    """``(start, end, how)`` of a figure whose text states no date of its own.

    ``period`` is what it has so far (the article's own time, "article", or nothing);
    ``event`` the span of its event when known (its end may be ``date.max``: ongoing);
    ``report`` the publication span of its article.
    """
    if event is None:
        return period
    start, end = event
    if report.first is None:
        # undated: the figure is about its event, the best that is known of its time
        return start, (None if end == date.max else end), "event"
    if cumulative and start <= (report.last or report.first):
        # a running count: from the event's start to the report (open when only bounded)
        return start, report.last, "running"
    return period
