"""Calendar arithmetic, and the one seam to ``dateparser``.

The context stage resolves every date phrase it finds with the calendar and its own month
and weekday tables: that is exact for the forms our patterns recognise, and dateparser
costs ~7 ms for each new phrase (a 60x slowdown of the stage on news text).
:func:`parse_phrase` stays as the seam for a form we cannot compute ourselves: it only
ever sees a short phrase, never a sentence, imports dateparser lazily (~0.15 s at
start-up) and caches its answers on (phrase, lang, base).
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from functools import lru_cache

Period = tuple[date, date]


def month_range(year: int, month: int) -> Period:
    """The first and last day of a month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def year_range(year: int) -> Period:
    return date(year, 1, 1), date(year, 12, 31)


def week_range(day: date) -> Period:
    """The calendar week (Monday-Sunday) holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def add_months(day: date, months: int) -> date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def shift(day: date, unit: str, n: int) -> date:
    """``day`` moved by ``n`` calendar units (hour, day, week, month, year, decade); hours
    move it by whole days only ("nelle ultime 24 ore" is the day before)."""
    if unit == "hour":
        return day + timedelta(days=n // 24 if n >= 0 else -((-n) // 24))
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(weeks=n)
    if unit == "month":
        return add_months(day, n)
    if unit == "decade":  # "a decade ago", "dieci anni dopo" told as "un decennio dopo"
        return add_months(day, 120 * n)
    return add_months(day, 12 * n)


def unit_range(day: date, unit: str) -> Period:
    """The calendar unit (hour and day: the day; week, month, year; a decade: the year, as
    "ten years ago" is) holding ``day``."""
    if unit in ("hour", "day"):
        return day, day
    if unit == "week":
        return week_range(day)
    if unit == "month":
        return month_range(day.year, day.month)
    return year_range(day.year)


def season_range(year: int, first: int, last: int) -> Period:
    """A season of ``year``; one that wraps (winter: 12-2) runs into the next year."""
    end_year = year + 1 if last < first else year
    return date(year, first, 1), month_range(end_year, last)[1]


def last_weekday(base: date, weekday: int) -> date:
    """The latest ``weekday`` on or before ``base``.

    News style: "martedì" in an article of Tuesday is that day. (dateparser answers a
    week earlier in that case, which is why weekdays are resolved here.)
    """
    return base - timedelta(days=(base.weekday() - weekday) % 7)


def next_weekday(base: date, weekday: int) -> date:
    """The earliest ``weekday`` on or after ``base`` ("lunedì" in a sentence that announces
    the future: "i funerali si terranno lunedì")."""
    return base + timedelta(days=(weekday - base.weekday()) % 7)


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (31 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def overlaps(a: Period, b: Period) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


@lru_cache(maxsize=4096)
def parse_phrase(phrase: str, lang: str, base: date | None) -> tuple[date, str] | None:
    """``dateparser`` on one short phrase: (date, granularity) or None.

    Granularity is dateparser's period ("day", "week", "month", "year"), so "3 anni fa"
    widens to a year rather than pretending to know the day.
    """
    parser = _parser(lang, base)
    data = parser.get_date_data(phrase)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


@lru_cache(maxsize=256)
def _parser(lang: str, base: date | None):
    from dateparser.date import DateDataParser  # lazy: see module docstring

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=[lang], settings=settings)
