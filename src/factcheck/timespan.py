"""Publication dates as spans: what is really known about when a report was written.

An article dated "2023-09" was written some day of September, not on the 1st; a date found
in the text (``published_how = "inferred"``) only says the report is not older than that
day, and so does a date read from the URL (``"url"``): it is the day the page was first
published, and a live page goes on being updated for days after it. A span is ``(first,
last)`` with ``last`` None when open. "Later" means the spans do not overlap; anything else
is an order that is not certain.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import NamedTuple

from .model import Article

# the precision of an inferred date bounded from above too: the report is within
# NEAR_DAYS days after it (an undated report that tells its event by day words)
NEAR_PRECISION = "week"
NEAR_DAYS = 7


class Span(NamedTuple):
    """When a report was written: ``first`` to ``last`` (None: open, or unknown when
    ``first`` is None too), how precisely the date is known and how it was found."""

    first: date | None
    last: date | None
    precision: str  # "day", "month", "year", or "unknown"
    how: str | None = None  # "metadata", "inferred", "given", "assumed", None

    @property
    def exact(self) -> bool:
        """Whether the report's day is known."""
        return self.first is not None and self.first == self.last


UNKNOWN = Span(None, None, "unknown")


def publication_span(published: date | None, precision: str | None = None,
                     how: str | None = None) -> Span:
    """The span of a publication date. A date inferred from the text only bounds the
    publication from below (a retrospective opening on the war's first day was written later);
    so does a date read from the URL: the page's first day (or month), not its last update."""
    if published is None:
        return UNKNOWN
    if how == "inferred":
        # a report that tells its event by day words ("yesterday's blast") is within a week
        # of the day it states (:mod:`factcheck.pubdate`); any other only from below
        last = published + timedelta(days=NEAR_DAYS) if precision == NEAR_PRECISION else None
        return Span(published, last, "inferred", how)
    if how == "url":
        first = (published if precision == "day" else published.replace(day=1)
                 if precision == "month" else date(published.year, 1, 1))
        return Span(first, None, "inferred", how)
    if precision == "year":
        return Span(date(published.year, 1, 1), date(published.year, 12, 31), "year", how)
    if precision == "month":
        last = calendar.monthrange(published.year, published.month)[1]
        return Span(date(published.year, published.month, 1),
                    date(published.year, published.month, last), "month", how)
    return Span(published, published, "day", how)


def article_spans(articles: Iterable[Article]) -> dict[str, Span]:
    """The publication span of each article, by id."""
    return {a.id: publication_span(a.published, a.published_precision, a.published_how)
            for a in articles}


def span_of(doc: str, published: date | None, spans: Mapping[str, Span]) -> Span:
    """A claim's publication span: its article's, else the claim's date read as a day. A
    claim with no date of its own in an article dated only once its event was known (an
    inferred lower bound, :func:`factcheck.pubdate.date_by_events`) has its article's span:
    the figure itself stays undated (it stands at no known day), the report is bounded."""
    s = spans.get(doc)
    if s is not None and (s.first == published or (published is None and s.how == "inferred")):
        return s
    return publication_span(published)


def before(a: Span, b: Span) -> bool:
    """Whether report ``a`` certainly came before report ``b`` (the spans do not overlap)."""
    return a.last is not None and b.first is not None and a.last < b.first


def same_day(a: Span, b: Span) -> bool:
    """Whether both reports are known to the day, and it is the same day."""
    return a.exact and b.exact and a.first == b.first


def vaguest(spans: Iterable[Span]) -> str:
    """The least precise of these spans' precisions (for saying why an order is unsure)."""
    rank = {"day": 0, "month": 1, "year": 2, "inferred": 3, "unknown": 4}
    return max((s.precision for s in spans), key=lambda p: rank.get(p, 5), default="day")
