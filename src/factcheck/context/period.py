"""The time a figure refers to.

Date phrases are found with the language's precompiled pattern (``context.toml``), then
resolved against the publication date: explicit dates and years ("nel 2020", "dell'autunno
del 2020", "dal 1992", "negli anni '90", "il 13 settembre"), relative phrases ("martedì",
"ieri", "la scorsa settimana", "tre anni fa", "nella notte tra venerdì e sabato"), spans
("in poco più di tre settimane",
"dall'inizio dell'offensiva"). Phrases are resolved with the calendar and the language's
own month and weekday tables. Which phrase belongs to a figure: the nearest one in the
figure's clause; else the nearest one before it in the sentence; else, when the sentence
points back ("allora", "di conseguenza"), the last one of the previous sentences; else the
article's own time.

What a phrase says of the figure follows the sentence's structure: a day governed by a
verb of beginning in a clause that describes the event ("the fire that broke out on
Saturday has killed 40") is the event's start, and the figure counts from it to the report
(:func:`from_onset`); a date told with the count a toll rose from ("Saturday's toll of 12
has risen to 40") is that count's, never the new one's (:func:`_risen_from`); "on the first
day" is the event's first day as the article tells it (:func:`told_start`). Against a date
only inferred from the text (a lower bound), a weekday is the one nearest it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

import regex

from .. import regexcache

from .dates import (
    Period, last_weekday, month_range, next_weekday, safe_date, season_range, shift, unit_range, year_range,
)
from .lexicon import DATE_FIELDS, Lexicon


@dataclass(frozen=True)
class Base:
    """What "now" is for an article: its publication date and how precise it is.

    ``day`` is the reference for relative phrases (the last day of a month-precision
    date); ``start``/``end`` is the article's own time as a period.
    """

    day: date
    start: date
    end: date
    precision: str  # "day", "month", "year", or "unknown": a date inferred from the text

    @property
    def bound(self) -> bool:
        """Whether ``day`` only bounds the report from below (a date inferred from the
        text: the report was written that day or any day after)."""
        return self.precision == "unknown"

    @classmethod
    def of(cls, published: date | None, precision: str | None) -> "Base | None":
        """The base of an article published ``published`` (``precision`` "unknown": a
        lower bound inferred from the text, see :mod:`factcheck.pubdate`)."""
        if published is None:
            return None
        if precision in ("unknown", "week"):  # "week": bounded above too (pubdate)
            return cls(published, published, published, "unknown")
        if precision == "month":
            start, end = month_range(published.year, published.month)
        elif precision == "year":
            start, end = year_range(published.year)
        else:
            return cls(published, published, published, "day")
        return cls(end, start, end, precision)


@dataclass(frozen=True)
class Phrase:
    """A date phrase found in a sentence (offsets relative to the sentence text)."""

    start: int
    end: int
    kind: str
    text: str
    fields: tuple[tuple[str, str], ...]  # the named parts that matched (day, month, ...)
    template: int

    def get(self, key: str) -> str | None:
        for k, v in self.fields:
            if k == key:
                return v
        return None


@dataclass(frozen=True)
class Resolved:
    """A resolved period: ``anchor`` is the time the phrase names (for "dal 1992", 1992),
    used to match events; ``start``/``end`` is the period the figure covers."""

    start: date | None
    end: date | None
    how: str  # explicit, relative, span
    anchor: Period | None
    kind: str


def find_phrases(text: str, lex: Lexicon) -> list[Phrase]:
    """Every date phrase of ``text`` (a sentence), in order: the matches of ``lex.date_re``,
    found by running only the templates that can match in ``text`` (most sentences name
    no time at all)."""
    # the next match of each template that may match: the alternation's match at a
    # position is the first template (in file order) that matches there, so the leftmost
    # candidate wins, ties to the lower index, and the scan resumes at its end
    nxt: list[tuple[int, int, regex.Match]] = []
    for i in lex.date_index.fired(text):
        if (m := lex.date_templates[i].rx.search(text)) is not None:
            nxt.append((m.start(), i, m))
    out = []
    while nxt:
        start, i, m = min(nxt) if len(nxt) > 1 else nxt[0]
        pos = m.end()
        if pos == start:  # cannot happen (every template needs a word); be exact anyway
            return _scan(text, lex)
        t = lex.date_templates[i]
        out.append(Phrase(start, pos, t.kind, m.group(),
                          tuple((k, v) for k in t.fields if (v := m.group(k)) is not None), i))
        if len(nxt) == 1:
            m = t.rx.search(text, pos)
            nxt = [(m.start(), i, m)] if m is not None else []
            continue
        later = []
        for s, j, mj in nxt:
            if s < pos:
                mj = lex.date_templates[j].rx.search(text, pos)
                if mj is None:
                    continue
                s = mj.start()
            later.append((s, j, mj))
        nxt = later
    return with_told_years(text, out)


def _scan(text: str, lex: Lexicon) -> list[Phrase]:
    """:func:`find_phrases` with the whole alternation (the reference it must equal)."""
    out = []
    for m in lex.date_re.finditer(text):
        index = next(i for i in range(len(lex.date_kinds)) if m.group(f"t{i}") is not None)
        fields = tuple((k, m.group(k)) for k in DATE_FIELDS if m.group(k) is not None)
        out.append(Phrase(m.start(), m.end(), lex.date_kinds[index], m.group(), fields, index))
    return with_told_years(text, out)


# between a day told without its year and the year right after it, the name of what
# happened that day: a name (a capitalised word, maybe after one small word) and up to two
# more words, no punctuation ("the 7 July London bombings in 2005", "il 7 luglio a Londra
# nel 2005"); never a verb's clause ("on 7 February killed more than in 2011")
_TOLD_YEAR_GAP = regexcache.compile(
    r"[ \t]+(?:\p{Ll}{1,3}[ \t]+)?\p{Lu}[\p{L}'’-]*(?:[ \t]+[\p{L}'’-]+){0,2}[ \t]+")


def with_told_years(text: str, phrases: list[Phrase]) -> list[Phrase]:
    """``phrases`` with a day told without its year taking the year told right after it
    and the name of what happened (:data:`_TOLD_YEAR_GAP`): "the 7 July London bombings in
    2005" is 7 July 2005, never the latest 7 July before the report."""
    out = list(phrases)
    for i in range(len(out) - 1):
        p, q = out[i], out[i + 1]
        if p.kind == "date" and p.get("year") is None and q.kind == "year" \
                and q.get("year") and _TOLD_YEAR_GAP.fullmatch(text, p.end, q.start):
            out[i] = replace(p, fields=p.fields + (("year", q.get("year")),))
    return out


def month_of(p: Phrase, lex: Lexicon) -> int | None:
    """The month a phrase names, as a word ("settembre") or a number ("3/10/2020")."""
    if p.get("mnum"):
        return int(p.get("mnum"))
    return lex.months.get((p.get("month") or "").lower())


def phrase_number(word: str | None, lex: Lexicon) -> int | None:
    """The count a phrase's number names, in digits or a number word ("tre", "nine")."""
    if word is None:
        return None
    return int(word) if word.isdigit() else lex.numbers.get(word.lower())


def _year_for(month: int, day: int, base: Base) -> int:
    """The year of a day-month with no year: the latest one not after the base; against a
    lower bound (an inferred date: the report may be later) the nearest one ("Jan 26" two
    days after an inferred 24 January is that January, not the year before)."""
    if base.bound:
        near = safe_date(base.day.year, month, day) or date(base.day.year, month, 28)
        if (near - base.day).days > 183:
            return base.day.year - 1
        if (base.day - near).days > 183:
            return base.day.year + 1
        return base.day.year
    return base.day.year if (month, day) <= (base.day.month, base.day.day) else base.day.year - 1


def _near_weekday(bound: date, weekday: int) -> date:
    """The ``weekday`` nearest ``bound``, a day only known to be on or before the report
    (the latest day an undated text states): the text tells the days around the one it
    dates, so a weekday it names is within three days of it, before it ("the quake of
    Tuesday" in a text whose latest date is Wednesday the 15th: the 14th) or after it
    ("domenica" in a text whose latest date is Saturday the 8th: the 9th). A weekday other
    than the bound's is never the bound's own day, as the bound's span would say."""
    after, before = next_weekday(bound, weekday), last_weekday(bound, weekday)
    return after if (after - bound) <= (bound - before) else before


def _first_day(p: Phrase, last: date, lex: Lexicon) -> date:
    """The first day of a span of days ("tra il 15 e il 16 settembre", "September 15-16"):
    of the month it names ("tra il 30 settembre e il 2 ottobre"), the latest one not after
    ``last``; with none, a day of ``last``'s month, or of the month before when it is
    larger ("dal 30 al 2 ottobre"); ``last`` alone when the phrase names one day."""
    if not p.get("first_day"):
        return last
    day = int(p.get("first_day"))
    month = lex.months.get((p.get("first_month") or "").lower())
    if month is not None:
        year = last.year if month <= last.month else last.year - 1
        first = safe_date(year, month, day)
        return first if first is not None and first <= last else last
    if day <= last.day:
        return safe_date(last.year, last.month, day) or last
    before = last.replace(day=1) - timedelta(days=1)
    return safe_date(before.year, before.month, day) or last


def resolve(p: Phrase, lex: Lexicon, base: Base | None, future: bool = False
            ) -> Resolved | None:
    """The period a phrase names, or None when it cannot be placed (no base for a relative
    phrase, an impossible date). ``future``: the phrase's clause announces the future
    (:func:`announces`), so a weekday is the next one, not the last."""
    kind = p.kind
    year = int(p.get("year")) if p.get("year") else None
    if p.get("this_year") and base is not None:
        year = base.day.year
    month = month_of(p, lex)

    if kind == "date":
        day = int(p.get("day"))
        if year is None:
            if base is None:
                return None
            year = _year_for(month, day, base)
        # the month word comes from our own table, so the calendar is enough to validate
        # the day (no 31 February); dateparser would cost ~7 ms per new phrase here
        d = safe_date(year, month, day) if month else None
        if d is None:
            return None
        how = "explicit" if p.get("year") else "relative"
        first = _first_day(p, d, lex)
        return Resolved(first, d, how, (first, d), kind)

    if kind in ("month", "season"):
        if kind == "month":
            first = last = month
        else:
            first, last = lex.seasons[p.get("season").lower()]
        if year is None:
            if base is None:
                return None
            year = (_year_for(first, 1, base) if base.bound
                    else base.day.year if first <= base.day.month else base.day.year - 1)
        start, end = (month_range(year, month) if kind == "month"
                      else season_range(year, first, last))
        how = "explicit" if p.get("year") else "relative"
        return Resolved(start, end, how, (start, end), kind)

    if kind == "decade":
        if p.get("decade_word"):
            first = lex.decades.get(p.get("decade_word").lower())
        else:
            digits = int(p.get("decade"))
            # "'90" -> 1990, "'10" -> 2010: two digits from 30 up are the 1900s
            first = digits if digits >= 100 else (1900 + digits if digits >= 30 else 2000 + digits)
        if first is None:
            return None
        start, end = date(first, 1, 1), date(first + 9, 12, 31)
        return Resolved(start, end, "explicit", (start, end), kind)

    if kind == "year":
        start, end = year_range(year)
        return Resolved(start, end, "explicit", (start, end), kind)

    if kind == "since":
        how = "explicit"
        if year is None:  # "since October 7": the latest such day not after the report
            if base is None or not month or not p.get("day"):
                return None
            year, how = _year_for(month, int(p.get("day")), base), "relative"
        day = safe_date(year, month, int(p.get("day"))) if month and p.get("day") else None
        anchor = ((day, day) if day else month_range(year, month) if month
                  else year_range(year))
        # up to the publication date; a "since" after it (a forecast, a typo) is its own time
        end = base.end if base and base.end >= anchor[0] else anchor[1] if base else None
        return Resolved(anchor[0], end, how, anchor, kind)

    if base is None:
        return None  # everything below is relative to the publication date

    if kind == "weekday":
        if base.precision != "day" and not base.bound:
            return Resolved(base.start, base.end, "relative", (base.start, base.end), kind)
        # the tense gives the direction: "lunedì" in a report of what happened is the last
        # Monday on or before the report, in an announcement the next one on or after it;
        # against a lower bound (the latest day the text states) the one nearest it
        # (:func:`_near_weekday`)
        weekday = lex.weekdays[p.get("weekday").lower()]
        d = (next_weekday(base.day, weekday) if future
             else _near_weekday(base.day, weekday) if base.bound
             else last_weekday(base.day, weekday))
        return Resolved(d, d, "relative", (d, d), kind)

    if kind == "night":
        # "nella notte tra venerdì e sabato": the night ends on the weekday named (the only
        # one captured), so the span is the day before it and that day, never the first
        # weekday alone
        if base.precision != "day" and not base.bound:
            return Resolved(base.start, base.end, "relative", (base.start, base.end), kind)
        weekday = lex.weekdays[p.get("weekday").lower()]
        d = (next_weekday(base.day, weekday) if future
             else _near_weekday(base.day, weekday) if base.bound
             else last_weekday(base.day, weekday))
        return Resolved(d - timedelta(days=1), d, "relative", (d - timedelta(days=1), d), kind)

    if kind == "relative":
        rel = lex.relatives[p.template]
        if base.precision != "day" and rel.unit in ("day", "week"):
            return Resolved(base.start, base.end, "relative", (base.start, base.end), kind)
        start, end = unit_range(shift(base.day, rel.unit, rel.offset), rel.unit)
        return Resolved(start, end, "relative", (start, end), kind)

    n = phrase_number(p.get("n"), lex)
    unit = lex.units.get((p.get("unit") or "").lower())
    if kind == "ago" and n is not None and unit:
        # calendar arithmetic: "tre anni fa" is the year three before the base (dateparser
        # gives the same answer for "3 anni fa", with no day to trust, at ~7 ms a phrase)
        d = shift(base.day, unit, -n)
        if base.precision != "day" and unit in ("day", "week"):
            return Resolved(base.start, base.end, "relative", (base.start, base.end), kind)
        start, end = unit_range(d, unit)
        return Resolved(start, end, "relative", (start, end), kind)

    if kind == "span" and n is not None and unit:
        start = shift(base.day, unit, -n)
        return Resolved(start, base.end, "span", (start, base.end), kind)

    if kind == "first_day":
        # "on the first day", "nelle prime ore": the event's own first day, filled in once
        # the event is known; until then (and when it stays unknown) the article's time
        return Resolved(base.start, base.end, "article", None, kind)

    if kind == "since_start":
        # the start is the claim's event's start, filled in once the event is known
        return Resolved(None, base.end, "span", None, kind)
    return None


# the lead: the first sentences of the prose, where a report says when its figures are from
_LEAD_SENTENCES = 3
# a lead's day widens the article's time only when it is this recent (a report of
# Wednesday telling Monday's count), never for the event's history
_LEAD_DAYS = 6


def lead_base(base: Base | None, texts: Sequence[str], lex: Lexicon,
              phrases: Callable[[int], list[Phrase]] | None = None) -> Base | None:
    """``base`` with its own time starting at the day the lead says its figures are from.

    A report published on Wednesday whose lead tells Monday's count ("the toll rose to 63
    after rescuers recovered more bodies on Monday") gives its undated figures as of some
    time between that Monday and the publication day, not the publication day alone. Only
    a day in the week before a day-known report moves it; the day of reference for
    relative phrases stays the publication day. ``phrases``: sentence index ->
    :func:`find_phrases` of its text, if kept (the lead's figures read them again)."""
    if base is None or base.precision != "day":
        return base
    phrases = phrases or (lambda i: find_phrases(texts[i], lex))
    earliest = base.start
    for i, text in enumerate(texts[:_LEAD_SENTENCES]):
        for p in phrases(i):
            if (p.kind not in ("weekday", "relative", "date") or announces(text, p, lex)
                    or occasion(text, p, lex)):
                continue
            r = resolve(p, lex, base)
            if (r is None or r.start is None or r.start != r.end
                    or not base.day - timedelta(days=_LEAD_DAYS) <= r.start < base.day):
                continue
            earliest = min(earliest, r.start)
    return base if earliest == base.start else replace(base, start=earliest)


def clause_of(text: str, start: int, end: int, lex: Lexicon) -> tuple[int, int]:
    """The clause around ``text[start:end]`` (breaks inside the figure itself are ignored)."""
    left, right = 0, len(text)
    for m in lex.clause_re.finditer(text):
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start()
            break
    return left, right


def announces(text: str, p: Phrase, lex: Lexicon) -> bool:
    """Whether the clause holding phrase ``p`` announces the future ("il 23 maggio si
    terrà un consiglio dei ministri", "funerals will be held on Monday")."""
    if lex.future_re is None:
        return False
    c_start, c_end = clause_of(text, p.start, p.end, lex)
    return lex.future_re.search(text, c_start, c_end) is not None


def occasion(text: str, p: Phrase, lex: Lexicon) -> bool:
    """Whether phrase ``p`` is the date of an occasion that is not a count: its clause
    names one ("il 23 maggio un consiglio dei ministri", "funerals on Friday"), so the
    date is the occasion's, never a figure's or its event's."""
    if lex.occasion_re is None or lex.occasion_re.search(text) is None:
        return False  # most sentences name none: no clause to find
    c_start, c_end = clause_of(text, p.start, p.end, lex)
    return lex.occasion_re.search(text, c_start, c_end) is not None


def _attributes(text: str, p: Phrase, lex: Lexicon) -> bool:
    """Whether the clause holding ``p`` is an attribution ("according to a statement from
    the county late Wednesday", "secondo la prefettura, lunedì"): its date is when the
    figure was given."""
    c_start, c_end = clause_of(text, p.start, p.end, lex)
    return any(cue.search(text, c_start, c_end) is not None for cue in lex.source_cues)


def _risen_from(text: str, p: Phrase, phrases: list[Phrase], figure: int, c_start: int,
                lex: Lexicon) -> bool:
    """Whether phrase ``p`` dates the count the figure at ``figure`` rose from, not the
    figure: the figure follows a verb of rise in its clause ("has risen to 40"), and ``p``,
    before that verb, is told with another count, in ``p``'s clause or between ``p`` and the
    verb ("Saturday's toll of 12 has risen to 40", "the toll, which stood at 12 on Saturday,
    has risen to 40", "dai 12 morti di sabato il bilancio è salito a 40"). A date with no
    other count before the verb is the new count's ("by Wednesday the toll had reached
    40"), as is one after it ("rose from 12 to 40 on Tuesday")."""
    if lex.count_re is None or p.start >= figure:
        return False
    rise = _rise_before(text, figure, c_start, lex)
    if rise is None or p.end > rise.start():
        return False
    lo = clause_of(text, p.start, p.end, lex)[0]
    for m in lex.count_re.finditer(text, lo, rise.start()):
        if not any(q.start <= m.start() < q.end for q in phrases):
            return True
    return False


def _rise_before(text: str, figure: int, c_start: int, lex: Lexicon) -> regex.Match | None:
    """The last verb of rise in the figure's clause before it ("has risen to 40")."""
    rise = None
    if lex.rise_re is not None:
        for rise in lex.rise_re.finditer(text, c_start, figure):
            pass
    return rise


def _risen_to(text: str, p: Phrase, phrases: list[Phrase], start: int, end: int,
              c_start: int, lex: Lexicon) -> bool:
    """Whether phrase ``p``, after the figure at ``text[start:end]``, dates another count
    of the rise the figure is in: the figure follows a verb of rise in its clause, and
    another count stands between it and ``p`` ("was raised from 23 to 24 Sunday": Sunday is
    24's, and 23 stood before it; "has risen to 40, with 12 dead on Saturday": Saturday is
    12's). A date right after the figure is its own ("rose from 12 on Saturday to 40")."""
    if lex.count_re is None or p.start < end or _rise_before(text, start, c_start, lex) is None:
        return False
    for m in lex.count_re.finditer(text, end, p.start):
        if not any(q.start <= m.start() < q.end for q in phrases):
            return True
    return False


def pick_phrase(text: str, phrases: list[Phrase], start: int, end: int,
                lex: Lexicon, clause: tuple[int, int] | None = None) -> Phrase | None:
    """The date phrase a figure at ``text[start:end]`` refers to, if any (see module doc);
    ``clause`` is its :func:`clause_of`, if already known.

    A date in another clause that announces the future is the date of something else (a
    meeting, a funeral), never of a count, and so is a date of an :func:`occasion`
    anywhere; a date after the figure outside its clause dates it only in the clause that
    says who gave the figure."""
    c_start, c_end = clause or clause_of(text, start, end, lex)
    candidates = [p for p in phrases if (p.end <= start or p.start >= end)
                  and not occasion(text, p, lex)
                  and not _risen_from(text, p, phrases, start, c_start, lex)
                  and not _risen_to(text, p, phrases, start, end, c_start, lex)]
    if not candidates:
        return None
    inside = [p for p in candidates if p.start >= c_start and p.end <= c_end]
    if inside:
        # the event's first day only when the clause names no time of its own ("in February
        # 2022 ... on the first day": February 2022); at equal distance, the phrase after
        # the figure ("from 12 on Saturday to 40 on Tuesday": 40 is Tuesday's)
        return min(inside, key=lambda p: (p.kind == "first_day",
                                           (p.start - end) if p.start >= end else (start - p.end),
                                           p.start < start))
    before = [p for p in candidates if p.end <= start and not announces(text, p, lex)]
    if before:
        return before[-1]
    after = [p for p in candidates if p.start >= end]
    if after and not announces(text, after[0], lex) and _attributes(text, after[0], lex):
        return after[0]
    return None


# an event's start dates the count that runs from it only this recently before the report
# (a fire that broke out last Saturday); a start years before is the old event's own time
_ONSET_DAYS = 31
# a day's phrase kinds: only a day can be the start a running count is reported from
_DAY_KINDS = frozenset({"date", "weekday", "night", "relative"})


def onset(text: str, p: Phrase, figure: int, lex: Lexicon) -> bool:
    """Whether phrase ``p`` is the day an event began: it is the complement of a verb of
    beginning in a clause that describes the event ("the fire that broke out on Saturday
    has killed 40", "la tempesta che sabato notte si è abbattuta": the event's start), read
    in its clause with the phrase itself left out (the day may come before the verb or
    after it), never across the figure at ``figure`` ("fighting began and killed 40 on
    Saturday": the figure's own day)."""
    if lex.onset_re is None:
        return False
    c_start, c_end = clause_of(text, p.start, p.end, lex)
    lo = max(c_start, figure) if c_start <= figure < p.start else c_start
    hi = min(c_end, figure) if p.end <= figure < c_end else c_end
    return lex.onset_re.search(text[lo:p.start] + " " + text[p.end:hi]) is not None


def from_onset(text: str, p: Phrase, r: Resolved, figure: int, lex: Lexicon,
               base: Base | None) -> Resolved:
    """``r``, or, when ``p`` is the day the figure's event began (:func:`onset`) in the
    month before the report, the span from that day to the report, as "since Saturday"
    would be: "the wildfire that broke out on Saturday has now killed 40" counts the fire's
    dead from Saturday to today, never Saturday's alone."""
    if (base is None or p.kind not in _DAY_KINDS or r.start is None or r.start != r.end
            or not base.day - timedelta(days=_ONSET_DAYS) <= r.start < base.day
            or not onset(text, p, figure, lex)):
        return r
    # the phrase's own kind and anchor: the event is still found by that day, as before
    return Resolved(r.start, base.end, r.how, r.anchor, r.kind)


def still_running(text: str, clause: tuple[int, int], lex: Lexicon) -> bool:
    """Whether the figure's ``clause`` of ``text`` tells its count as it stands at the
    report or still moving ("has killed", "so far", "sono stati", "finora"), not as an old
    event's own ("the quake that killed 212", "il sisma che fece 212 vittime")."""
    return lex.running_re is not None and \
        lex.running_re.search(text, clause[0], clause[1]) is not None


def told_start(texts: Sequence[str], lex: Lexicon, base: Base | None,
               phrases: Callable[[int], list[Phrase]] | None = None) -> date | None:
    """The day an article says its event began, when it says it: the earliest day of a
    phrase that is an event's start (:func:`onset`: "the floods that began on May 3", "the
    storm that made landfall on Saturday", "after the cyclone hit on May 9"), at any
    time before the report (a study a year later tells the day the storm struck)."""
    if base is None or lex.onset_re is None:
        return None
    phrases = phrases or (lambda i: find_phrases(texts[i], lex))
    found = []
    for i, text in enumerate(texts):
        for p in phrases(i):
            if p.kind not in _DAY_KINDS or not onset(text, p, len(text), lex):
                continue
            r = resolve(p, lex, base)
            if r is not None and r.start is not None and r.start == r.end <= base.day:
                found.append(r.start)
    return min(found, default=None)


def anaphora(text: str, lex: Lexicon) -> bool | None:
    """None when the sentence does not point back; else whether it means "since then"."""
    for pattern, since in lex.anaphora:
        if pattern.search(text):
            return since
    return None


def _last_resolved(phrases: list[Phrase], lex: Lexicon, base: Base | None) -> Resolved | None:
    for p in reversed(phrases):
        r = resolve(p, lex, base)
        if r is not None and r.anchor is not None:
            return r
    return None


def figure_period(texts: Sequence[str], index: int, start: int, end: int, lex: Lexicon,
                  base: Base | None,
                  phrases: Callable[[int], list[Phrase]] | None = None,
                  clause: tuple[int, int] | None = None) -> Resolved | None:
    """The period of a figure at ``texts[index][start:end]`` (see module doc); None when
    neither the text nor the article's date places it.

    ``texts`` are the article's sentences: a sentence that points back ("allora", "da
    allora") takes its time from the last date phrase of the few sentences before it.
    """
    phrases = phrases or (lambda i: find_phrases(texts[i], lex))
    text = texts[index]
    phrase = pick_phrase(text, phrases(index), start, end, lex, clause)
    if phrase is not None:
        r = resolve(phrase, lex, base, announces(text, phrase, lex))
        if r is not None:
            return from_onset(text, phrase, r, start, lex, base)
    since = anaphora(text, lex)
    if since is not None:
        for j in range(index - 1, max(-1, index - 1 - lex.lookback), -1):
            r = _last_resolved(phrases(j), lex, base)
            if r is None:
                continue
            if since:
                return Resolved(r.anchor[0], base.end if base else None, "span", r.anchor, "since")
            return Resolved(r.start, r.end, r.how, r.anchor, r.kind)
    if base is not None:
        return Resolved(base.start, base.end, "article", None, "article")
    return None
