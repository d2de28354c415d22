"""Infer an article's publication date from its text when its metadata has none.

Evidence, strongest first:

1. a dateline opening the article ("MOSCA, 23 OTT"), its year taken from the latest
   year the text mentions;
2. the latest full date the text states as present ("martedì 13 settembre 2022");
   sentences that announce the future ("è previsto", "domani") are skipped, and a date
   older than a year the text mentions is history, not the day of publication;
3. a weekday with a day-month ("mercoledì ... 14 settembre") fixes the year: the latest
   year the text mentions, or the next one, when that day falls on that weekday in it.

A bare year never makes a date, and a text with no year at all infers nothing: unknown
stays unknown (the report says so). A stated day only bounds the publication from below
(a text that says "since 16 May 2023" was written on or after that day, however long
after): the date is the latest day the text states, "since" spans included, marked
``published_how="inferred"`` with precision ``"unknown"`` (never ``"day"``: the report's
day is not known, see :func:`factcheck.timespan.publication_span`).

A draft is different: it is being written now. :func:`draft_dated` gives it the date the
user names (``--published``, marked ``"given"``) or, without one in its metadata, today
(``"assumed"``), so its figures are placed in time and its events found like any article's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import regex

from . import regexcache
from .context.lexicon import Lexicon, lexicon
from .context.dates import shift
from .context.period import Base, Phrase, figure_period, find_phrases, month_of, phrase_number
from .errors import FactcheckError
from .model import Article, Claim, Sentence
# ... and of one that tells its event by day words ("ieri", "on Tuesday"): on or after it,
# within NEAR_DAYS days
from .timespan import NEAR_DAYS, NEAR_PRECISION

# a weekday fixes the year only this far after the latest year the text mentions: a day
# falls on one weekday again 5 to 11 years later, so a wider search guesses a year from
# a year of history ("since October 2013" in a 2023 article put its "Tuesday (2/28)" in 2017)
_WEEKDAY_YEARS = 1
_YEAR = regexcache.compile(r"(?<![\d.,'’])(1[89]\d\d|20\d\d)(?![\d%]|[.,'’]\d)")
# the precision of an inferred date: only "on or after" it is known
INFERRED_PRECISION = "unknown"
# a dateline sits in the first lines of the prose
_DATELINE_CHARS = 400


def infer_published(article: Article, sentences: Sequence[Sentence],
                    rules_root: Path | None = None) -> Article:
    """``article`` with an inferred ``published`` date when its metadata has none."""
    if article.published is not None:
        return article
    try:
        lex = lexicon(article.lang, rules_root)
    except FactcheckError:
        return article
    found = infer_date(article, sentences, lex)
    if found is None:
        return article
    # a lower bound: the day itself is unknown (never read as a day-precise date)
    return replace(article, published=found, published_how="inferred",
                   published_precision=INFERRED_PRECISION)


def draft_dated(article: Article, today: date, published: date | None = None) -> Article:
    """A draft ``article`` with a publication date: ``published`` when given (it wins over
    the header's), else its metadata date, else ``today`` (marked ``"assumed"``)."""
    if published is not None:
        return replace(article, published=published, published_how="given",
                       published_precision="day")
    if article.published is not None:
        return article
    return replace(article, published=today, published_how="assumed", published_precision="day")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def mentioned_years(texts: Sequence[str]) -> list[int]:
    """Every year (1800-2099) written in ``texts``."""
    return [int(m.group(1)) for t in texts for m in _YEAR.finditer(t)]


def _weekday_year(month: int, day: int, weekday: int, after: int) -> int | None:
    for year in range(after, after + _WEEKDAY_YEARS + 1):
        d = _safe_date(year, month, day)
        if d is not None and d.weekday() == weekday:
            return year
    return None


def infer_date(article: Article, sentences: Sequence[Sentence], lex: Lexicon) -> date | None:
    """The publication date the text states, or None (see module docstring)."""
    texts = [s.text for s in sentences]
    years = mentioned_years(texts)
    latest_year = max(years) if years else None
    # the latest year the text speaks of as past or present: an article is not older
    present = [t for t in texts if lex.future_re is None or not lex.future_re.search(t)]
    present_years = mentioned_years(present)
    floor_year = max(present_years) if present_years else None

    dateline = _dateline(article, lex, latest_year)
    if dateline is not None:
        return dateline

    full: list[date] = []
    by_weekday: list[date] = []
    for text in texts:
        if lex.future_re is not None and lex.future_re.search(text):
            continue
        phrases = find_phrases(text, lex)
        weekdays = [lex.weekdays[p.get("weekday").lower()] for p in phrases
                    if p.get("weekday")]
        full.extend(_told_ago(text, phrases, lex))
        for p in phrases:
            if p.kind == "since" and p.get("day") and p.get("year"):
                # "ongoing since 16 May 2023": the text was written on or after that day
                month = month_of(p, lex)
                d = _safe_date(int(p.get("year")), month, int(p.get("day"))) if month else None
                if d is not None:
                    full.append(d)
                continue
            if p.kind != "date":
                continue
            month = month_of(p, lex)
            day = int(p.get("day"))
            if month is None:
                continue
            if p.get("year"):
                d = _safe_date(int(p.get("year")), month, day)
                if d is not None:
                    full.append(d)
            elif weekdays and latest_year is not None:
                # the weekday in the phrase itself, else the sentence's only weekday
                wd = (lex.weekdays[p.get("weekday").lower()] if p.get("weekday")
                      else weekdays[0] if len(set(weekdays)) == 1 else None)
                if wd is None:
                    continue
                year = _weekday_year(month, day, wd, latest_year)
                if year is not None:
                    by_weekday.append(date(year, month, day))
    # a full date older than a year the text mentions is history ("la guerra iniziata il
    # 27 settembre 2020" in a 2023 article), not the day of publication
    for found in (full, by_weekday):
        if found and (floor_year is None or max(found).year >= floor_year):
            return max(found)
    return None


# an elapsed time and the full date it names sit side by side: "five years ago today, on
# 12 May 2026", "il 3 marzo 2028, tre anni fa" (at most a comma and a preposition between)
_AGO_GAP = 16


def _told_ago(text: str, phrases: Sequence, lex: Lexicon) -> list[date]:
    """The days a sentence puts its own time at by an elapsed time next to the full date
    it names ("five years ago today, on May 12, 2026": the report is on or after 12 May
    2031), never the named day itself, which is history."""
    out = []
    for p in phrases:
        if p.kind != "ago":
            continue
        n = phrase_number(p.get("n"), lex)
        unit = lex.units.get((p.get("unit") or "").lower())
        if n is None or unit is None:
            continue
        for q in phrases:
            if q.kind != "date" or not q.get("year") or not (
                    0 <= q.start - p.end <= _AGO_GAP or 0 <= p.start - q.end <= _AGO_GAP):
                continue
            month = month_of(q, lex)
            d = _safe_date(int(q.get("year")), month, int(q.get("day"))) if month else None
            if d is not None:
                out.append(shift(d, unit, n))
    return out


def _dateline(article: Article, lex: Lexicon, latest_year: int | None) -> date | None:
    """A dateline at the top of the prose ("MOSCA, 23 OTT"), dated in the latest year the
    text mentions; None without one or without any year."""
    if lex.dateline_re is None or latest_year is None or not article.regions:
        return None
    start = article.regions[0][0]
    head = article.text[start:start + _DATELINE_CHARS]
    m = lex.dateline_re.search(head)
    if m is None:
        return None
    month = lex.months.get(m.group("month").lower())
    if month is None:
        return None
    return _safe_date(latest_year, month, int(m.group("day")))


# ---------------------------------------------------------------- dated by the event

# a year-less day is read in the event's year, the year before or the year after: the one
# that puts it nearest the event's first known date ("3 gennaio" of a flood of late December)
_EVENT_YEARS = (-1, 0, 1)


def date_by_events(articles: Sequence[Article], claims: Sequence[Claim],
                   rules_root: Path | None = None) -> tuple[list[Article], list[Claim]]:
    """Undated articles, once the merge has joined their figures to an event dated articles
    report, with a lower bound inferred from what their text states without a year.

    The event's first known date (:func:`factcheck.context.undated.event_spans`) fixes the
    year of a day-month the text states ("domenica 26 febbraio", "on Tuesday (2/28)", "April
    8": the year that puts it nearest the event; a weekday must fall on that day) and anchors
    a count of days back from the event itself ("il naufragio di 9 giorni fa", "the quake five
    days ago": its first date plus the days). The latest of these, when it is not before the
    event (older dates are history), bounds the publication from below: marked
    ``published_how="inferred"``, precision ``"unknown"``, exactly as a date inferred from the
    text at extraction, so a verdict only ever reads it as "on or after" (the article's span,
    :func:`factcheck.timespan.span_of`). Its figures keep no date of their own (``published``
    None: they stand at no known day, so they are read as undated figures are); one whose
    sentence states a day without a year takes that day (as at extraction in a dated article),
    else one whose period is its event's span runs at least to the bound. Everything else is
    returned as it is.

    The text read is the sentences the article's figures quote: the article's text itself is
    not kept after extraction."""
    from .context.undated import event_spans, told_starts

    spans = event_spans(claims)
    starts = told_starts(claims)
    if not spans:
        return list(articles), list(claims)
    by_doc: dict[str, dict[str, int]] = {}
    for c in claims:
        if c.published is None and c.event in spans:
            counts = by_doc.setdefault(c.doc, {})
            counts[c.event] = counts.get(c.event, 0) + 1  # type: ignore[index]
    quotes: dict[str, dict[str, None]] = {}
    for c in claims:
        if c.doc in by_doc:
            quotes.setdefault(c.doc, {})[c.quote] = None
    bounds: dict[str, date] = {}
    out_articles = []
    for a in articles:
        events = by_doc.get(a.id)
        if a.published is None and events:
            # the article's event: the one most of its figures belong to
            eid = min(events, key=lambda e: (-events[e], spans[e][0], e))
            found, near = _event_bound(list(quotes.get(a.id, ())), a.lang, spans[eid][0],
                                       rules_root, starts.get(eid) == spans[eid][0])
            if found is not None:
                bounds[a.id] = found
                # a report that tells its event by day words is within a week of it
                a = replace(a, published=found, published_how="inferred",
                            published_precision=NEAR_PRECISION if near else INFERRED_PRECISION)
        out_articles.append(a)
    if not bounds:
        return out_articles, list(claims)
    langs = {a.id: a.lang for a in out_articles}
    out_claims = []
    for c in claims:
        bound = bounds.get(c.doc)
        if bound is not None and c.published is None and c.period_how in (None, "event"):
            day = _stated_day(c, langs.get(c.doc, c.lang), bound, rules_root)
            if day is not None:
                # "A similar missile hit Donetsk on March 14, killing 17": now that the year
                # is known, the figure's own day
                c = replace(c, period_start=day, period_end=day, period_how="relative")
            elif c.period_how == "event" and c.period_end is not None and c.period_end < bound:
                # the figure stood on the report's day, on or after the bound
                c = replace(c, period_end=bound)
        out_claims.append(c)
    return out_articles, out_claims


def _stated_day(c: Claim, lang: str, bound: date, rules_root: Path | None) -> date | None:
    """The day without a year that a figure's own sentence gives it ("on March 14, killing
    17"), read against the article's lower bound (the nearest such day,
    :func:`factcheck.context.period.resolve`); None for any other phrase (a weekday read
    against a bound names no day) or none."""
    try:
        lex = lexicon(lang, rules_root)
    except FactcheckError:
        return None
    start = max(0, c.quantity.start - c.quote_start)
    end = max(start, c.quantity.end - c.quote_start)
    r = figure_period([c.quote], 0, start, end, lex, Base.of(bound, INFERRED_PRECISION))
    if r is None or r.kind != "date" or r.start is None or r.start != r.end:
        return None
    return r.start


def _event_bound(texts: Sequence[str], lang: str, first: date,
                 rules_root: Path | None, told: bool = False) -> tuple[date | None, bool]:
    """The latest day ``texts`` (an article's sentences) state, its year fixed by an event
    that began on ``first`` (see :func:`date_by_events`), or None when none is on or after
    ``first``; and whether the report is within a week of that day (:func:`_near_day`).
    ``told``: ``first`` is the day the event began as dated articles tell it (not only its
    month's first day): only then do day words of the event ("ieri") date the report."""
    try:
        lex = lexicon(lang, rules_root)
    except FactcheckError:
        return None, False
    found: list[date] = []
    near: list[date] = []
    for text in texts:
        if lex.future_re is not None and lex.future_re.search(text):
            continue
        phrases = find_phrases(text, lex)
        if not phrases:
            continue
        weekdays = {lex.weekdays[p.get("weekday").lower()] for p in phrases if p.get("weekday")}
        for p in phrases:
            if p.kind == "date" and not p.get("year") and p.get("day"):
                month = month_of(p, lex)
                wd = (lex.weekdays[p.get("weekday").lower()] if p.get("weekday")
                      else next(iter(weekdays)) if len(weekdays) == 1 else None)
                d = _near_event(month, int(p.get("day")), wd, first) if month else None
            elif p.kind == "ago" and _after_event_noun(text, p.start, lex):
                d = _days_after(first, p, lex)
            else:
                d = _near_day(text, p, lex, first) if told else None
                if d is not None:
                    near.append(d)
                continue
            if d is not None:
                found.append(d)
    latest = max(found + near, default=None)
    if latest is None or latest < first:
        return None, False
    # a day stated a week or more after the one the day words put the report near: those
    # words were not of the event (or the report retells it); the report stays open-ended
    # a day stated a week or more after the one the day words put the report near: those
    # words were not of the event (or the report retells it); the report stays open-ended
    return latest, bool(near) and latest <= max(near) + timedelta(days=NEAR_DAYS)


# the event is told by a day word within this many characters of an event noun before it
# ("l'esplosione che ha devastato martedì", "the crush last night") or after it ("Tuesday's
# blast", "yesterday's quake")
_NOUN_BEFORE, _NOUN_AFTER = 60, 25
# ... in the same clause
_CLAUSE = regexcache.compile(r"[,;:()]|\s[-–—]\s")


def _near_day(text: str, p: Phrase, lex: Lexicon, first: date) -> date | None:
    """The first day a report can be written that tells its event (which began on
    ``first``) with the day word ``p`` ("ieri", "last night": the day after; "this
    morning", "stanotte": that day; a weekday: that day, when the event began on that
    weekday); None when ``p`` is no such word or is not of the event (no event noun
    beside it)."""
    if p.kind == "relative":
        rel = lex.relatives.get(p.template)
        if rel is None or rel.unit != "day" or not -2 <= rel.offset <= 0:
            return None
        day = first - timedelta(days=rel.offset)
    elif p.kind in ("weekday", "night") and p.get("weekday"):
        wd = lex.weekdays[p.get("weekday").lower()]
        # the weekday the event began on (a night's second day: the day after)
        day = first if wd == first.weekday() else (
            first + timedelta(days=1) if p.kind == "night" and wd == (first.weekday() + 1) % 7
            else None)
        if day is None:
            return None
    else:
        return None
    return day if _of_event(text, p, lex) else None


def _of_event(text: str, p: Phrase, lex: Lexicon) -> bool:
    """Whether an event noun stands just before the phrase or just after it."""
    if lex.event_noun_re is None:
        return False
    before = text[max(0, p.start - _NOUN_BEFORE):p.start]
    before = _CLAUSE.split(before)[-1]  # "the avalanche last week, officials said on Sunday"
    after = _CLAUSE.split(text[p.end:p.end + _NOUN_AFTER])[0]
    return lex.event_noun_re.search(before) is not None or \
        lex.event_noun_re.search(after) is not None


def _near_event(month: int, day: int, weekday: int | None, first: date) -> date | None:
    """A year-less day-month in the year that puts it nearest the event's ``first`` day;
    None when a named ``weekday`` does not fall on it (a misread, or another year: a
    weekday never moves the day to a year farther from the event)."""
    days = [d for k in _EVENT_YEARS if (d := _safe_date(first.year + k, month, day)) is not None]
    near = min(days, key=lambda d: abs((d - first).days), default=None)
    return near if near is not None and (weekday is None or near.weekday() == weekday) else None


# between an event noun and its "N days ago": at most one short linking word ("di", "of")
_LINK = regexcache.compile(r"\s+(?:\p{L}{1,4}\s+)?$")


def _after_event_noun(text: str, at: int, lex: Lexicon) -> bool:
    """Whether the phrase at ``at`` follows an event noun ("il naufragio di 9 giorni fa"):
    then its days count back to the event itself, not to any other happening ("the boat
    set sail four days ago")."""
    if lex.event_noun_re is None:
        return False
    m = _LINK.search(text, 0, at)
    if m is None:
        return False
    head = text[max(0, m.start() - 40):m.start()]
    noun = None
    for noun in lex.event_noun_re.finditer(head):
        pass
    return noun is not None and noun.end() == len(head)


def _days_after(first: date, p: Phrase, lex: Lexicon) -> date | None:
    """``first`` plus the phrase's "N <unit>" (days and weeks only: "two months ago" of an
    event is no day)."""
    n = phrase_number(p.get("n"), lex)
    unit = lex.units.get((p.get("unit") or "").lower())
    if n is None or unit not in ("day", "week"):
        return None
    return shift(first, unit, n)
