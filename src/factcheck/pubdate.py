"""Infer an article's publication date from its text when its metadata has none.

Evidence, strongest first:

1. a dateline opening the article ("MOSCA, 23 OTT"), its year taken from the latest
   year the text mentions;
2. the latest full date the text states as present ("martedì 13 settembre 2022");
   sentences that announce the future ("è previsto", "domani") are skipped, and a date
   older than a year the text mentions is history, not the day of publication;
3. a weekday with a day-month ("mercoledì ... 14 settembre") fixes the year: the first
   year, from the latest year the text mentions, in which that day falls on that weekday.

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
from datetime import date
from pathlib import Path

import regex

from .context.lexicon import Lexicon, lexicon
from .context.period import find_phrases, month_of
from .errors import FactcheckError
from .model import Article, Sentence

# a weekday fixes the year only this far after the latest year the text mentions
_WEEKDAY_YEARS = 12
_YEAR = regex.compile(r"(?<![\d.,'’])(1[89]\d\d|20\d\d)(?![\d%]|[.,'’]\d)")
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
