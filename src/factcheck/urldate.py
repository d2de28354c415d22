"""A publication date read from an article's URL, for an article whose header has none.

Many sites put the day of publication in the path: ``/2023/02/27/slug``, ``/2023/2/6/slug``,
``/2023-02-27/slug``, ``/20230227/slug``, ``/en/europe/20230227-slug``, ``/27-Feb-2023/slug``,
or only the month: ``/2017/08/slug``. Only whole path segments are read (or a segment that
opens with the date and a separator), never the host, the query or the words of a slug: a
number in a query (``?p=318705``), an id segment (``article/62577497``), an id glued to
letters (``idUSKBN1560QW``) or a date written in a headline's slug ("...-may-16-2023-...")
is not the day the page was made.

A date from the URL is the day the page was first published (a live page goes on being
updated after it), less sure than a header's: it is marked ``published_how = "url"``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import regex

from . import regexcache

# years a URL date may name: an 8-digit id starting 19.. or 20.. must also be a real day
_FIRST_YEAR, _LAST_YEAR = 1990, 2099
_PATH = regexcache.compile(r"^(?:[a-z][a-z0-9+.-]*:)?(?://)?[^/?#]*(/[^?#]*)?", regex.IGNORECASE)
# one segment: the whole of it, or its start before a separator and a slug
_END = r"(?:$|[-_.](?=\p{L}))"
_COMPACT = regexcache.compile(r"^(\d{4})(\d\d)(\d\d)" + _END)
_DASHED = regexcache.compile(r"^(\d{4})-(\d\d?)-(\d\d?)" + _END)
_WORDY = regexcache.compile(r"^(\d\d?)-(\p{L}+)-(\d{4})$")
_YEAR, _NUM = regexcache.compile(r"^\d{4}$"), regexcache.compile(r"^\d\d?$")


def url_date(url: str | None, months: Mapping[str, int]) -> tuple[date, str] | None:
    """The publication date a URL's path gives, as (date, precision "day" or "month"), or
    None. ``months``: month names and abbreviations (lower case) -> 1-12."""
    if not url:
        return None
    m = _PATH.match(url.strip())
    path = m.group(1) if m else None
    if not path:
        return None
    segs = [s for s in path.split("/") if s]
    for i, seg in enumerate(segs):
        # /2023/02/27/ and /2023/2/6/ (day), /2017/08/slug (month)
        if _YEAR.match(seg) and i + 1 < len(segs) and _NUM.match(segs[i + 1]):
            year, month = int(seg), int(segs[i + 1])
            if i + 2 < len(segs) and _NUM.match(segs[i + 2]):
                d = _day(year, month, int(segs[i + 2]))
                if d is not None:
                    return d, "day"
            elif i + 2 < len(segs) and not segs[i + 2].isdigit():
                d = _day(year, month, 1)
                if d is not None:
                    return d, "month"
            continue
        for rx in (_COMPACT, _DASHED):
            if (dm := rx.match(seg)) is not None:
                d = _day(int(dm.group(1)), int(dm.group(2)), int(dm.group(3)))
                if d is not None:
                    return d, "day"
        if (dm := _WORDY.match(seg)) is not None:
            month = months.get(dm.group(2).lower())
            d = _day(int(dm.group(3)), month, int(dm.group(1))) if month else None
            if d is not None:
                return d, "day"
    return None


def _day(year: int, month: int, day: int) -> date | None:
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
