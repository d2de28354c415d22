"""A figure's event: the curated event its cues or its period and places fit, else the
automatic one (``auto:<type>:<place>:<yyyy-mm>``) from what its clause, sentence, paragraph
or article says happened, where and when; an earlier event a sentence tells (by its year,
its day or "five years ago") is that event's, not the report's.

:func:`figure_event` answers for one figure; :func:`event_span` and :func:`background_span`
give the span of its event as far as the text tells, for its period."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

import regex

from .. import regexcache

from .dates import Period, month_range, overlaps, shift
from .event_types import vocabulary
from .events import AT, Event, auto_id, best_event, parse_auto, places_in, slot_parts
from .article import (
    LEVELS, ArticleContext, AutoContext, gazetteer_places, named_places, sentence_places,
    without_secondary,
)
from .gazetteer import Gazetteer, Place, km, locatives
from .period import Phrase, Resolved, occasion, resolve

__all__ = ["background_span", "dates_a_building", "event_span", "figure_event"]

# how close before the figure's clause an alias still names the clause's subject (", ")
_ANTECEDENT = 3


def event_span(ctx: ArticleContext, curated: Event | None, event_id: str | None
                ) -> Period | None:
    """The span of a figure's event as far as it is known: a curated event's (ongoing:
    to ``date.max``), or for the article's own automatic event the time its text tells
    (:func:`_told_event`)."""
    if curated is not None:
        return curated.span(date.max)
    parts = parse_auto(event_id)
    a = ctx.auto
    if parts is None or parts.earlier or parts.apart or a is None or a.kind is None \
            or not a.vocab.compatible(parts.kind, a.kind):
        return None
    home = ctx.outer or ctx  # a quote read alone asks the whole article
    return home.once("told", -1, lambda: _told_event(home))


def dates_a_building(ctx: ArticleContext, index: int, r: Resolved) -> bool:
    """Is ``r``, a figure's date, that of a phrase of its sentence dating the making of a
    building or a work ("built in 1974", "costruito nel 1967": :meth:`Vocabulary.built`)?"""
    if index >= len(ctx.texts):
        return False
    for phrase in ctx.phrases(index):
        if _dates_making(ctx, index, phrase):
            told = resolve(phrase, ctx.lex, ctx.base)
            if told is not None and (told.start, told.end) == (r.start, r.end):
                return True
    return False


def _dates_kind(ctx: ArticleContext, index: int, phrase: Phrase, kind: str) -> bool:
    """Does date ``phrase`` of sentence ``index`` date an event of type ``kind``: the
    sentence names no event of another type, or the trigger nearest the phrase is of
    ``kind``? In "The collapse comes five months after the factory fire of May 2030" the
    date is the fire's, never the collapse's, though the sentence names both."""
    a = ctx.auto
    if a is None or index >= len(a.triggers) or all(t == kind for _, t in a.triggers[index]):
        return True
    text, lang = ctx.texts[index], ctx.article.lang
    found = ctx.once("types", index, lambda: a.vocab.find(text, lang))
    ends = {s: e for s, e, _ in found}

    def gap(trigger: tuple[int, str]) -> int:
        at, _ = trigger
        end = ends.get(at, at)
        return phrase.start - end if end <= phrase.start else max(0, at - phrase.end)
    return min(a.triggers[index], key=gap)[1] == kind


def _dates_making(ctx: ArticleContext, index: int, phrase: Phrase) -> bool:
    """Does date ``phrase`` of sentence ``index`` date the making of a building or a work
    ("the tower, built in 1968, ...")? Then it says nothing of when an event happened."""
    return vocabulary(ctx.rules_root).built(ctx.texts[index], ctx.article.lang, phrase.start)


def background_span(ctx: ArticleContext, event_id: str | None) -> Period | None:
    """The span of an automatic event dated well before its report (its id's year or month,
    ended more than ``_BACKGROUND_DAYS`` before the report's known date) that is not the
    report's own event told a while on (an anniversary: :func:`_dated_event`), else None."""
    parts = parse_auto(event_id)
    published = ctx.article.published
    if parts is None or parts.year is None or parts.day is not None or published is None \
            or ctx.article.published_how not in _KNOWN_DATE:
        return None
    if parts.month is None:
        span = date(parts.year, 1, 1), date(parts.year, 12, 31)
    else:
        nxt = date(parts.year + parts.month // 12, parts.month % 12 + 1, 1)
        span = date(parts.year, parts.month, 1), nxt - timedelta(days=1)
    if span[1] >= published - timedelta(days=_BACKGROUND_DAYS):
        return None
    home = ctx.outer or ctx
    day = home.once("dated", -1, lambda: _dated_event(home))
    return None if day is not None and span[0] <= day <= span[1] else span


def _told_event(ctx: ArticleContext) -> Period | None:
    """When the article's own event happened, as its text tells it: a date of its own
    weeks before the report at most (:func:`_told_current`), else the earlier day
    :func:`_dated_event` finds (a report a year on)."""
    found = ctx.once("told current", -1, lambda: _told_current(ctx))
    if found is None and ctx.article.published is not None and ctx.base is not None:
        day = ctx.once("dated", -1, lambda: _dated_event(ctx))
        return (day, day) if day is not None else None
    return found


def _told_current(ctx: ArticleContext) -> Period | None:
    """When the article's own event happened, as its text tells it: the earliest date (at
    most a month long) in a sentence that names the article's type of event and no place
    outside the article's own ("the quake that struck on Wednesday", "il terremoto del 24
    agosto 2016"). In a dated article the date is not after the report and less than
    ``_BACKGROUND_DAYS`` before it (an earlier event of the type, "the 2018 Camp Fire", is
    background); else None."""
    a = ctx.auto
    if a is None or a.kind is None:
        return None
    base = ctx.base if ctx.article.published is not None else None
    earliest = base.start - timedelta(days=_BACKGROUND_DAYS) if base else None
    found: list[Period] = []
    for i, kinds in enumerate(a.types):
        if a.kind not in kinds or (a.place is not None and not all(
                a.gaz.within(a.place, p) or a.gaz.within(p, a.place) for p in a.places[i])):
            continue
        for phrase in ctx.phrases(i):
            if occasion(ctx.texts[i], phrase, ctx.lex) or _dates_making(ctx, i, phrase):
                continue  # "il 23 maggio un consiglio dei ministri sull'emergenza maltempo"
            if not _dates_kind(ctx, i, phrase, a.kind):
                continue  # "the collapse comes after the fire of May 2030": the fire's date
            r = resolve(phrase, ctx.lex, base)
            if r is not None and _dateline(ctx, i, phrase, r):
                continue  # "06 September 2031 The railway massacre ...": the report's day
            if (r is None or r.how not in ("explicit", "relative") or r.start is None
                    or r.end is None or (r.end - r.start).days > 31):
                continue
            if base is None or (earliest <= r.start and r.end <= base.end):
                found.append((r.start, r.end))
    return min(found, default=None)


def figure_event(ctx: ArticleContext, index: int, clause: tuple[int, int], metric: str,
           period: Period | None, how: str | None, stated: bool, kind: str | None,
           figure: int | None = None) -> tuple[Event | None, str | None, str | None]:
    """(curated event, event id, how it was found) for a figure (starting at ``figure``) in
    ``clause`` of sentence ``index``: its sentence's cues and period, else the article's
    event, else an automatic one from its place and period."""
    places = sentence_places(ctx, index)
    # an alias just before the clause is its antecedent: "the 2020 war, in which more than
    # 6,500 people were killed", "gli scontri dell'autunno del 2020, dove ..."
    event_clause = (max(0, clause[0] - _ANTECEDENT), clause[1])
    cues = ctx.cues(index)

    def fits_type(event: Event) -> bool:
        return _fits_type(ctx, index, clause, event)

    found = best_event(ctx.cat, cues, event_clause, metric, period, how, places, kind,
                       fits_type)
    if found is not None and not set(places) & set(found[0].places) and _elsewhere(ctx):
        # a period or keywords alone, in an article that says where its own event happened
        # and names no theatre of the catalogue (a flood in Italy "between 2 and 3 May
        # 2023", a war elsewhere with a "blockade"): no curated event without an alias
        found = best_event(ctx.cat, cues, event_clause, metric, period, how, places, kind,
                           fits_type, needs_anchor=True)
    if found is not None:
        curated, _, points = found
        return curated, curated.id, ("sentence" if points else "period")
    if ctx.event is not None and _fits(ctx.event, period if stated else None, places, metric) \
            and fits_type(ctx.event) and (set(places) & set(ctx.event.places)
                                          or not _elsewhere(ctx) or _named_by_article(ctx)):
        return ctx.event, ctx.event.id, "article"
    published = ctx.article.published
    known = published is not None and ctx.article.published_how in _KNOWN_DATE
    since_day = (kind == "since" and period is not None and how == "explicit"
                 and (period[1] - period[0]).days <= 31)
    if kind == "since" and period is not None and period[0] == period[1] and known \
            and period[0] >= published - timedelta(days=_SINCE_DAY_DAYS):
        # "since October 7, 1,400 have been killed": a count from a day of the months before
        # its report runs on to it, the event the report is about (as "since the war
        # began"), not an event of that day nor a count over years
        kind = "since_start"
    if kind in ("since", "since_start") and not (
            kind == "since" and period is not None and known
            and period[0] >= published - timedelta(days=_BACKGROUND_DAYS)) \
            and not (since_day and not known):
        # "dal 1992 ...": a count over years is no one year's event; a count since a day of
        # the weeks before a report of known date ("floods ongoing since 16 May") is the
        # current event's, and in a report of unknown date the day it states is the best
        # date it has ("More floods since 16 May 2023 killed 15")
        if kind != "since_start" and not _since_then(ctx, index, clause, period):
            return None, None, None
        # "the worst since 2014, when a ferry sank and killed 304": the figure is that
        # year's event's, dated by the year its trigger follows; "dall'inizio della guerra"
        # counts over the event it names (the war the report's strike is part of), as of
        # the report
        period = how = None
        stated = False
    own = ctx.own_places(index) if index < len(ctx.texts) else []
    # a date read against the report counts as stated when it names a day or a month
    # ("January 18", "in August") and the report's own date is known, not inferred from its
    # text (a day two after an inferred date would read as last year's): a figure so dated
    # long before the report is an earlier event
    dated = stated and period is not None and (
        how == "explicit" or (how == "relative" and (period[1] - period[0]).days <= 31
                              and ctx.article.published_how in _KNOWN_DATE)
        or (how == "relative" and known and _years_before_report(ctx, period)))
    # a date read against a date assumed for a draft ("lunedì" in one taken as published
    # today) names no month of its event either
    known_stated = stated and (how != "relative" or ctx.article.published_how != "assumed")
    told = _relative_clause(ctx, index, clause, figure) if figure is not None else clause
    auto = _auto_event(ctx, index, own or _theatres_around(ctx, places),
                       period if dated else None, period if known_stated else None, told)
    return None, auto, ("auto" if auto else None)


def _theatres_around(ctx: ArticleContext, places: list[str]) -> list[str]:
    """The curated theatres a figure's sentence does not name but its neighbour or its
    article does (:func:`sentence_places`), without those named in passing: in one sentence
    of the article only, in another country than the article's own place and far from it
    (:data:`_STRAY_KM`): "one of the worst attacks by the group outside Iraq and Syria", in
    a report on bombings in Sri Lanka, is no place of the report's figures (a quake's report
    from Turkey naming Syria again and again keeps it)."""
    a = ctx.auto if places else None
    if a is None or a.place is None or not a.place.country:
        return places
    here = a.gaz.point(a.place)
    out = []
    for pid in places:
        area = a.gaz.get(pid)
        there = a.gaz.point(area) if area is not None else None
        if area is None or area.country == a.place.country or here is None or there is None \
                or km(here, there) <= _STRAY_KM \
                or sum(any(p.country == area.country for p in ps) for ps in a.places) > 1:
            out.append(pid)
    return out


# a theatre this far from the article's own place, named once, is named in passing
_STRAY_KM = 1500.0


# how many words before a trigger still tell which event it is ("the Dhaka factory | fire")
_TRIGGER_WORDS = 2
_WORD_BEFORE = regexcache.compile(r"[\p{L}\p{N}'’-]+[ \t]*\Z")


def _relative_clause(ctx: ArticleContext, index: int, clause: tuple[int, int], figure: int
                     ) -> tuple[int, int]:
    """The part of ``clause`` that tells the event a figure starting at ``figure`` counts.
    In a sentence naming events of several types, a figure in a relative clause of a trigger
    ("The collapse comes months after the factory fire of May 2030 that killed 112", "Il
    crollo arriva dopo l'incendio dello scorso maggio, che fece 112 morti") counts that
    trigger's event, not the first one its clause or sentence names: its clause runs from
    the words told with that trigger (:data:`_TRIGGER_WORDS` before it). Else ``clause``."""
    a = ctx.auto
    if a is None or index >= len(a.triggers) or index >= len(ctx.texts) \
            or len(set(a.types[index])) < 2:
        return clause
    before = [at for at, _ in a.triggers[index] if at < figure]
    if not before:
        return clause
    at = before[-1]
    if clause[0] <= at and not any(clause[0] <= b < at for b in before[:-1]):
        return clause  # the clause's first trigger already
    text, lang = ctx.texts[index], ctx.article.lang
    found = ctx.once("types", index, lambda: a.vocab.find(text, lang))
    end = next((e for s, e, _ in found if s == at), None)
    if end is None or not a.vocab.relative_between(text, lang, end, figure):
        return clause
    lo = at
    floor = max((e for s, e, _ in found if e <= at), default=0)
    for _ in range(_TRIGGER_WORDS):
        m = _WORD_BEFORE.search(text, floor, lo)
        if m is None:
            break
        lo = m.start()
    return lo, max(clause[1], figure)


def _years_before_report(ctx: ArticleContext, period: Period) -> bool:
    """Is ``period``, read against a report of known date, over well before it ("tre anni
    fa un'altra frana uccise 12", "last year's floods killed 17") and not the day the report
    tells its own place's event of its type happened (an anniversary: "un anno fa una frana
    travolse Tarvisio", :func:`_dated_event`)? Then it dates an earlier event as surely as a
    stated year: a year ago is a year ago whatever day the report is of."""
    published = ctx.article.published
    if published is None or period[1] >= published - timedelta(days=_BACKGROUND_DAYS):
        return False
    home = ctx.outer or ctx
    day = home.once("dated", -1, lambda: _dated_event(home))
    return day is None or not period[0] <= day <= period[1]


# the type of event a curated theatre is about: its own types keep to it
_FIGHTING = "war"
# a figure dated this long before its article is about an earlier event ("il terremoto del
# 2009 fece 309 vittime"), never the one the article reports
_BACKGROUND_DAYS = 60
# a count "since" a day this close before its report runs over its report's own event
_SINCE_DAY_DAYS = 366
# how a report's date is known well enough to read "in August" or "Jan 26" against it (not
# inferred from its text, not assumed to be today)
_KNOWN_DATE = frozenset({None, "metadata", "given"})


def _auto_event(ctx: ArticleContext, index: int, theatres: list[str],
                explicit: Period | None, stated: Period | None = None,
                clause: tuple[int, int] | None = None) -> str | None:
    """``auto:<type>:<place>:<yyyy-mm>`` for a figure of sentence ``index`` (in ``clause`` of
    it): the type its clause names, else its sentence's, else its paragraph's, else the
    article's; the place its sentence names
    (narrowed to the article's own place when that lies inside it), else the article's; the
    month the article was published (undated: the figure's own date, else none), or for a
    figure explicitly dated well before it (an earlier event) that date."""
    a = ctx.auto
    if a is None:
        return None
    if index < len(ctx.texts) and index < len(a.triggers):
        cut = ctx.once("unrelated", index,
                       lambda: a.vocab.unrelated(ctx.texts[index], ctx.article.lang))
        if cut is not None:
            return _unrelated_event(ctx, index, cut, explicit)
    published = ctx.article.published
    if explicit is None and published is not None and ctx.outer is None:
        # "The 2005 hurricane killed 1,392", "the 2018 Camp Fire killed 85": a year naming
        # the event the figure's clause (else its sentence) tells of dates that event
        year = _trigger_year(a, ctx.texts[index], index, clause, ctx.article.lang)
        if year is not None and date(year, 12, 31) < published - timedelta(
                days=_BACKGROUND_DAYS):
            explicit = stated = (date(year, 1, 1), date(year, 12, 31))
    # "a fire five months earlier that killed 112", in a report on a collapse: an earlier
    # event, so long before the report's own
    before_own = (_before_own(ctx, index, clause)
                  if explicit is None and stated is None and ctx.outer is None else None)
    earlier_undated = False
    if before_own is not None and before_own[0] * _UNIT_DAYS.get(before_own[1], 0) \
            > _BACKGROUND_DAYS:
        if published is not None and ctx.article.published_how in _KNOWN_DATE:
            own_day = ctx.once("dated", -1, lambda: _dated_event(ctx)) or published
            day = _back(own_day, before_own)
            if day is not None:
                explicit = stated = month_range(day.year, day.month)
        elif published is None:
            # an undated report: over before its own event, at a date nobody can tell
            earlier_undated = True
    background = earlier_undated or (
        explicit is not None and published is not None
        and explicit[1] < published - timedelta(days=_BACKGROUND_DAYS))
    if explicit is not None and published is None and a.kind is not None:
        # an undated report on a crowd crush: "304 died when a ferry sank in 2014" tells of
        # an event of another type at the date it states, as it would in a dated report
        told = _clause_kind(a, index, clause, ctx.texts[index]) or _sentence_kind(a, index)
        # "the worst was a store's collapse in Seoul in 1995", in a report on a collapse in
        # Bangladesh: a year stated for an event only in other countries is another event's
        abroad = (a.place is not None and index < len(a.places) and bool(a.places[index])
                  and all(p.country != a.place.country for p in a.places[index]))
        background = told is not None and (abroad or not a.vocab.compatible(told, a.kind) or (
            # "the collapse comes after the factory fire of May 2030 that killed 112": a
            # sentence telling the report's type apart from the figure's, at a date the
            # report tells its own event never happened
            told != a.kind and index < len(a.types) and a.kind in a.types[index]
            and not _in_own_time(ctx, explicit, told)))
    if background and explicit is not None and a.name is not None and index < len(a.types) \
            and all(a.vocab.compatible(k, a.name[0]) for k in a.types[index]) \
            and all(n == a.name for n in a.names[index]) \
            and explicit[1] >= published - timedelta(days=a.vocab.name_window(a.name[0])):
        # "from September through December 1,400 more deaths were reported", in a report
        # on Hurricane Maria a year on: a figure dated within the name's window and naming
        # no other event is the named one's
        background = False
    if explicit is None and stated is None and not earlier_undated:
        # "In 2005 a hurricane killed 1,800. More than 1,500 of them were in Louisiana.": a
        # sentence naming no event and no date goes on about the one before it
        before = ctx.once("background", index, lambda: _background_before(ctx, index))
        if before is not None:
            return _auto_event(ctx, before[0], theatres, before[1], before[1])
    kind = _clause_kind(a, index, clause, ctx.texts[index] if index < len(ctx.texts) else None) \
        or _sentence_kind(a, index)
    # "since the war began 8,000 have been killed", in a report on one strike: a figure its
    # own sentence gives to the event the article's is part of is that event's
    wider = (kind is not None and a.kind is not None and index < len(a.types)
             and kind in a.types[index] and a.vocab.contains(kind, a.kind))
    if not wider and (kind is None or (
            not background and a.kind is not None and kind != a.kind
            and a.vocab.compatible(kind, a.kind))):
        kind = a.kind if kind is None or not background else kind
        if kind is not None and a.kind is not None and a.vocab.compatible(kind, a.kind):
            kind = a.kind
    # a sentence's own place counts where it names what happened there; elsewhere a place
    # is a dateline or a speaker's seat ("ROME (AP)", "Kyiv said")
    own = a.places[index] if index < len(a.places) and a.types[index] else ()
    territory = None if background or wider else _territory_count(ctx, index, clause)
    if territory is not None:
        # "almeno 3.000 bambini sono stati uccisi nell'enclave di Gaza", in a report on one
        # strike in Gaza City: a count over the territory is the war's, placed there
        kind, own, wider = territory[0], (territory[1],), True
    narrowed = False
    if len(own) > 1 and clause is not None and (
            background or not _in_own_time(ctx, explicit, kind)):
        # a figure told at another time than its report's event is told in a clause of
        # its own ("the worst since 2013, when 368 drowned off Lampedusa"); one of the
        # report's own time names in its clause where a part of that event happened ("92 in
        # Valencia, one in Malaga"): its area, not another event's place
        mine = _clause_first(a, index, clause, own)
        narrowed, own = len(mine) < len(own), mine
    if own and not background and explicit is None and stated is None:
        # "The Amatrice quake had killed 299", in a report on a quake at Norcia: the earlier
        # event of the place its trigger is told with, even within the type's reach
        before = _earlier_told(ctx, index, clause, kind)
        if before is not None:
            return auto_id(kind, before.id, None, earlier=True)
    if own and not background and a.place is not None and _in_own_time(ctx, explicit, kind):
        own = _where_told(ctx, index, clause, kind, own)
    place: str | None = _named_event(a, index, kind, background)
    site = _site_event(a, index, kind, background, own) if place is None else None
    if place is not None:
        # "Hurricane Maria": the storm's name says which; where its sentence (or, for the
        # article's own storm, the article) says it struck goes with it, so a report naming
        # only the place meets it
        where = _named_where(a, place, own, background)
        place = place if where is None else place + AT + where
    elif site is not None:
        # "il crollo sulla Marmolada": the site says where, the place where the article says
        # it lies goes with it (reports naming only that place meet it)
        where = _site_where(a, site, own, background)
        place = site if where is None else site + AT + where
    elif own and theatres and all(p.level == "country" for p in own):
        place = theatres[0]  # "tra Armenia e Azerbaigian": the curated theatre of both
    elif own:
        first = min(own, key=lambda p: LEVELS.get(p.level, 1))  # the most specific named
        if a.place is not None and not background and not wider and not narrowed \
                and _same_area(a, first, kind) and (
                kind is None or a.kind is None or a.vocab.compatible(kind, a.kind)):
            # "in Abruzzo" in an article about Farindola, "a Crotone" in one about Cutro (of
            # its own type of event: "a helicopter crashed in Abruzzo", in an article about an
            # avalanche, is elsewhere)
            first = a.place
        place = first.id
    elif theatres and (a.place is None or background or kind is None
                       or a.gaz.get(theatres[0]) is not None
                       or a.vocab.compatible(kind, _FIGHTING)) \
            and not _inside_theatre(ctx, theatres[0], kind, background) \
            and not _own_disaster(a, theatres[0], kind, background):
        # a curated theatre ("sudan"): its conflicts stay together; one the gazetteer does
        # not know ("israel-palestine") stands for no disaster's own place (a hospital blast
        # in Gaza City, a figure whose sentence names no place)
        place = theatres[0]
    elif a.place is not None:
        if background:  # an earlier event somewhere in the article's country
            country = a.gaz.country_id(a.place.country)
            place = country or a.place.id
        else:
            place = a.place.id
    elif ctx.home:
        place = ctx.home  # a town no gazetteer lists, after a locative ("a Valcorvo")
    elif a.people:  # no place named at all: the country whose people it names ("an
        place = a.gaz.country_id(a.people[0])  # Italian hotel")
    if place is None:
        return None
    if background and explicit is None:  # before the undated report's own event
        return auto_id(kind or "event", place, None, earlier=True)
    if background:
        start, end = explicit
        return auto_id(kind or "event", place, start, year_only=(end - start).days > 31)
    # the month it happened: the report's (a date known only to the year names no month:
    # "published: 2023" is no January), else the figure's own date when it names a month;
    # nor does a date assumed for a draft that has none (today): its event meets the
    # archive's by type and place, as an undated report's does
    if published is not None and (ctx.article.published_precision == "year"
                                  or ctx.article.published_how == "assumed"):
        published = None
    when = published or (stated[0] if stated and (stated[1] - stated[0]).days <= 31 else None)
    home = getattr(a.place, "id", None)
    if home is not None and kind is not None and (place == home or place.endswith(AT + home)) \
            and _told_as_another(ctx, index, clause, kind):
        # "another strike killed six in the camp", in a report on a strike on a hospital:
        # not the report's strike; where the next sentence says its target lies ("the school
        # is in the Nuseirat camp": a place no gazetteer lists), there; else nothing tells
        # which: none
        there = _unlisted_next(ctx, index)
        return auto_id(kind, there, when) if there is not None and when is not None else None
    if kind is not None and kind == a.kind and home is not None and (
            place == home or (site is not None and place.endswith(AT + home))):
        # an article about its place's earlier event (an anniversary, a report a year on)
        when = ctx.once("dated", -1, lambda: _dated_event(ctx)) or when
    if explicit is not None and kind is not None and slot_parts(place)[0] is None \
            and _earlier_episode(ctx, index, explicit, kind):
        # "the first floods occurred between 2 and 3 May, killing two", in a report on the
        # floods since 16 May: an episode of its own, dated by its day
        return auto_id(kind, place, explicit[0], day=True)
    # a figure of the series the article tells, at the place holding all its places
    series = (a.series and home is not None and place == home and kind is not None
              and a.kind is not None and a.vocab.compatible(kind, a.kind))
    return auto_id(kind or "event", place, when, series=series)  # undated: by type and place


def _territory_count(ctx: ArticleContext, index: int, clause: tuple[int, int] | None
                     ) -> tuple[str, Place] | None:
    """(the wider type, the territory) when a figure counts over a territory holding the
    report's place, in a report on an event a wider one is made of (a strike, a war's: event
    types' ``contains``): its sentence names no event of its own, and its clause names a
    region or a country that holds the report's place and is not it, told as where
    (:meth:`Gazetteer.told_where`: "8,000 have been killed in the Gaza Strip", "nell'enclave
    di Gaza", in a report on a strike in Gaza City; not "the Gaza Strip's ministry said").
    Such a count is the wider event's, never the strike's. Else None."""
    a = ctx.auto
    if a.kind is None or a.place is None or clause is None or index >= len(a.types) \
            or a.types[index] or index >= len(a.place_spans):
        return None
    outer = next((t for t in a.vocab.types if a.vocab.contains(t, a.kind)), None)
    if outer is None:
        return None
    text, lang = ctx.texts[index], ctx.article.lang
    speech = ctx.once("speech", index, lambda: a.vocab.speech(text, lang))
    for s, e, pid in a.place_spans[index]:
        # its clause's place, or one fronted before it ("In the Gaza Strip, 8,000 ..."); not
        # a speaker's seat ("the ministry in the Gaza Strip said 25 were killed")
        if e > clause[1] or any(e <= c < clause[1] for c in speech):
            continue
        p = a.gaz.get(pid)
        if p is not None and p.level in ("region", "country") and p.id != a.place.id \
                and a.gaz.within(a.place, p) \
                and a.gaz.told_where(text, s, locatives(lang, ctx.rules_root)):
            return outer, p
    return None


def _clause_first(a: AutoContext, index: int, clause: tuple[int, int],
                  own: Sequence[Place]) -> Sequence[Place]:
    """The places of sentence ``index`` (``own``) that a figure's ``clause`` names; all of
    ``own`` when the clause names none. The figure's own clause says where its count
    happened; a place elsewhere in the sentence is where another clause's event happened
    ("the Crotone shipwreck was the worst since 2013, when 368 drowned off Lampedusa")."""
    if index >= len(a.place_spans):
        return own
    inside = {pid for s, e, pid in a.place_spans[index] if clause[0] <= s and e <= clause[1]}
    return [p for p in own if p.id in inside] or own


# an episode told this many days before another of its type in one report is one of its own
# ("the first floods, on 2 and 3 May", then "floods since 16 May"); a day or two apart is
# one event told as it went on
_EPISODE_GAP_DAYS = 7


def _earlier_episode(ctx: ArticleContext, index: int, dated: Period, kind: str) -> bool:
    """Is a figure dated ``dated`` (a few days at most), in a sentence naming its type, an
    earlier episode of what its report tells: another sentence tells an event of a
    compatible type, at no place outside the report's area, on a stated date at least
    ``_EPISODE_GAP_DAYS`` after ``dated`` ends and within the type's window (two waves of one
    flood a fortnight apart; a year on is another event, found as such already), not after
    the report? (A day read against the report, "on Tuesday", dates counts as often as
    events: "388 missing as of Thursday" is no episode.)"""
    a = ctx.auto
    # the figure's own sentence tells what happened then (not a count as of that day)
    if (dated[1] - dated[0]).days > 3 or a is None or index >= len(a.types) \
            or not any(a.vocab.compatible(k, kind) for k in a.types[index]):
        return False
    published = ctx.article.published
    window = a.vocab.window_days(kind)
    home = ctx.outer or ctx
    return any(j != index and _EPISODE_GAP_DAYS <= (day - dated[1]).days <= window
               and (published is None or day <= published)
               and any(a.vocab.compatible(k, kind) for k in kinds)
               for j, kinds, day in home.once("told days", -1, lambda: _told_days(home)))


def _told_days(ctx: ArticleContext) -> list[tuple[int, tuple[str, ...], date]]:
    """(sentence, its event types, the start of a date it states) for each sentence that
    names a type of event and no place outside the article's own area, read once per
    article (:func:`_earlier_episode` asks it for each dated figure)."""
    a = ctx.auto
    out = []
    for j, kinds in enumerate(a.types):
        if not kinds or j >= len(ctx.texts) or (a.place is not None and not all(
                a.gaz.within(a.place, p) or a.gaz.within(p, a.place) for p in a.places[j])):
            continue
        for phrase in ctx.phrases(j):
            r = resolve(phrase, ctx.lex, ctx.base)
            if r is not None and r.how == "explicit" and r.start is not None \
                    and not _dates_making(ctx, j, phrase):
                out.append((j, kinds, r.start))
    return out


# how far after a trigger a place still says where that event happened ("l'incidente
# ferroviario avvenuto vicino a Larissa")
_WITH_TRIGGER = 30


def _where_told(ctx: ArticleContext, index: int, clause: tuple[int, int] | None,
                kind: str | None, own: Sequence[Place]) -> Sequence[Place]:
    """The places of sentence ``index`` that say where the event the figure's clause tells
    of happened. Of several, those told with its trigger ("thousands protested in Athens
    after a shipwreck near Kalamata"). When none is, and the event is of the report's own
    type and told as known in a clause inside another ("over the train crash that killed
    57", "dicono che lo scontro ha causato": :meth:`Vocabulary.embedded`), a place before
    it outside the report's area is where the other clause's verb happened (a protest, the
    rescuers' base): it is left out."""
    a = ctx.auto
    if kind is None or a.kind is None or all(_same_area(a, p, kind) for p in own):
        return own
    at = _trigger_at(a, index, clause)
    if at is None:
        return own
    text, lang = ctx.texts[index], ctx.article.lang
    vocab = vocabulary(ctx.rules_root)
    found = ctx.once("types", index, lambda: vocab.find(text, lang))
    end = next((e for s, e, _ in found if s == at), at)
    # right before it, a word between at most ("the Cutro shipwreck", "the Tempi rail
    # crash"), or soon after it in its clause ("il naufragio di Cutro", "the crash near
    # Larissa on Tuesday"); a country so told is as often who struck ("il raid di Israele")
    near = {p.id for s, e, p in gazetteer_places(ctx, text, index)
            if p.level != "country" and (
                (e <= at and len(text[e:at].split()) <= 1)
                or (end <= s <= end + _WITH_TRIGGER and not _CLAUSE_BREAK.search(text, end, s)))}
    if len(own) > 1 and any(p.id in near for p in own):
        return [p for p in own if p.id in near]
    if not a.vocab.compatible(kind, a.kind):
        return own
    # a place before the trigger in the clause a known event is told inside ("protested in
    # Athens over the crash that killed"), or before a word of reported speech that comes
    # before the trigger ("the minister said in Istanbul that 300 were hurt in the quake"):
    # where the other clause's verb happened
    embedded = a.vocab.embedded(text, lang, at, end)
    speech = ctx.once("speech", index, lambda: a.vocab.speech(text, lang))
    other = {p.id for s, e, p in gazetteer_places(ctx, text, index)
             if s < at and (embedded or any(e <= c < at for c in speech))}
    return [p for p in own if p.id in near or p.id not in other or _same_area(a, p, kind)]


def _earlier_told(ctx: ArticleContext, index: int, clause: tuple[int, int] | None,
                  kind: str | None) -> Place | None:
    """The place of an earlier event a figure's clause tells in the pluperfect ("The Amatrice
    quake had killed 299", "il sisma dell'Aquila aveva ucciso 309 persone", in a report on a
    quake at Norcia: :meth:`Vocabulary.earlier`): its trigger, of the report's type, is told
    with places (:func:`_trigger_places`) none of which is the report's own place, holds it
    or lies in it, and one within the type's reach of it (where the merge would join it to
    the report's event; one beyond keeps its own place and month, and meets that event's own
    reports: "the shipwreck off Kalamata, days before, had killed 600", in a report on
    Lampedusa); the most specific of them. None when the clause tells no such thing (a count
    of the report's own event told as it stood: "by Tuesday the quake had killed 4")."""
    a = ctx.auto
    if kind is None or a.place is None or a.kind is None or not a.vocab.compatible(kind, a.kind):
        return None
    text, lang = ctx.texts[index], ctx.article.lang
    lo, hi = clause if clause is not None else (0, len(text))
    if not a.vocab.earlier(text, lang, lo, hi):
        return None
    at = _trigger_at(a, index, clause)
    if at is None:
        return None
    told = _trigger_places(ctx, index, at)
    if not told or any(p.id == a.place.id or a.gaz.within(p, a.place)
                       or a.gaz.within(a.place, p) for p in told):
        return None
    here, reach = a.gaz.point(a.place), a.vocab.reach_km(kind)
    if here is None or not any((there := a.gaz.point(p)) is not None
                               and km(here, there) <= reach for p in told):
        return None
    return min(told, key=lambda p: LEVELS.get(p.level, 1))


def _trigger_places(ctx: ArticleContext, index: int, at: int) -> list[Place]:
    """The places (no country) told with the trigger starting at ``at`` in sentence
    ``index``: right before it, a word between at most ("the Amatrice quake"), or soon after
    it in its clause ("il sisma dell'Aquila"), as :func:`_where_told` reads them."""
    text = ctx.texts[index]
    vocab = vocabulary(ctx.rules_root)
    found = ctx.once("types", index, lambda: vocab.find(text, ctx.article.lang))
    end = next((e for s, e, _ in found if s == at), at)
    out: list[Place] = []
    for s, e, p in gazetteer_places(ctx, text, index):
        if p.level != "country" and p not in out and (
                (e <= at and len(text[e:at].split()) <= 1)
                or (end <= s <= end + _WITH_TRIGGER and not _CLAUSE_BREAK.search(text, end, s))):
            out.append(p)
    return out


# a comma, semicolon or colon between a trigger and a place: they are told apart
_CLAUSE_BREAK = regexcache.compile(r"[,;:]")


def _in_own_time(ctx: ArticleContext, dated: Period | None, kind: str | None) -> bool:
    """May a figure dated ``dated`` (None: no date of its own) be of the report's own event
    by its time: undated, or not ending before the time the report tells its own event
    happened by more than the type's window (with no such time told, before the report by
    more than ``_BACKGROUND_DAYS``)? A figure dated to an earlier time ("since October
    2013, when 360 died off Lampedusa", in an undated report) never is."""
    if dated is None:
        return True
    home = ctx.outer or ctx
    told = home.once("told", -1, lambda: _told_event(home))
    if told is None:  # the report's own date, when known, as the time of its event
        published = ctx.article.published
        return published is not None and dated[1] >= published - timedelta(
            days=_BACKGROUND_DAYS)
    a = ctx.auto
    window = timedelta(days=a.vocab.window_days(kind) if kind else 0)
    return dated[1] >= told[0] - window


def _told_as_another(ctx: ArticleContext, index: int, clause: tuple[int, int] | None,
                     kind: str) -> bool:
    """Does the figure's clause (else its sentence) tell of another event of a type that
    recurs at one place ("another strike", "un altro raid": :meth:`Vocabulary.another`),
    after an earlier sentence of the report told of one of a compatible type (its own)?"""
    a = ctx.auto
    if index >= len(ctx.texts) or index >= len(a.triggers):
        return False
    at = _trigger_at(a, index, clause)
    if at is None:
        return False
    told = next(t for start, t in a.triggers[index] if start == at)
    if not a.vocab.compatible(told, kind) or not (
            a.vocab.another(ctx.texts[index], ctx.article.lang, at, told)
            or _other_target(ctx, index, clause, told)):
        return False
    # the first sentence telling an event of that type, found once per article and type
    first = ctx.once("first told:" + told, -1, lambda: next(
        (j for j, ks in enumerate(a.types) if any(a.vocab.compatible(k, told) for k in ks)),
        None))
    return first is not None and first < index


def _unlisted_next(ctx: ArticleContext, index: int) -> str | None:
    """The place the sentence after ``index``, in its paragraph and naming no event of its
    own, gives after a locative that no gazetteer lists and that is not the report's home
    ("aggiungendo che l'istituto sorge nel campo di Valdoro"): where the other
    target a figure of sentence ``index`` counts lies. None when there is none or several."""
    a, j = ctx.auto, index + 1
    if a is None or j >= len(ctx.texts) or j >= len(a.types) or a.types[j] \
            or a.paragraph[j] != a.paragraph[index]:
        return None
    names = [n for n in named_places(ctx.texts[j], ctx.lex)
             if a.gaz.get(n) is None and n != ctx.home
             and not a.gaz.find(ctx.texts[j], ctx.article.lang)]
    return names[0] if len(names) == 1 else None


def _other_target(ctx: ArticleContext, index: int, clause: tuple[int, int] | None,
                  kind: str) -> bool:
    """Does the figure's clause place its dead at another target than the report's own, one
    not told before ("anche in una scuola", in a report on a strike on a hospital), and not
    at the report's own, for a type that recurs at one place (``[targets]`` of
    event_types.toml)?"""
    a = ctx.auto
    t = a.vocab.types.get(kind)
    if t is None or not t.recurs or clause is None:
        return False
    own = ctx.once("own target", -1, lambda: _own_target(ctx))
    if own is None:
        return False
    here = a.vocab.targets(ctx.texts[index], ctx.article.lang, clause[0], clause[1])
    return any(new and tid != own for _, tid, new in here) and \
        not any(tid == own for _, tid, _ in here)


def _own_target(ctx: ArticleContext) -> str | None:
    """What the report's own strike hit: the first target told in its title or in the first
    sentence naming its type ("il raid sull'ospedale"), or None."""
    a, lang = ctx.auto, ctx.article.lang
    if a is None or a.kind is None:
        return None
    title = ctx.article.title or ""
    if title and any(a.vocab.compatible(k, a.kind) for _, _, k in a.vocab.find(title, lang)):
        found = a.vocab.targets(title, lang)
        if found:
            return found[0][1]
    for i, kinds in enumerate(a.types):
        if any(a.vocab.compatible(k, a.kind) for k in kinds):
            found = a.vocab.targets(ctx.texts[i], lang)
            return found[0][1] if found else None
    return None


def _inside_theatre(ctx: ArticleContext, theatre: str, kind: str | None, background: bool
                    ) -> bool:
    """Is the article's own place one the curated ``theatre`` (a war's, unknown to the
    gazetteer: "israel-palestine") lists by name, and the figure's event one that strikes a
    place (an attack, not the war itself)? Then a figure whose sentence implies only the
    theatre ("the Gazan health ministry said 500 were killed", in a report on a strike on a
    hospital in Gaza City) is the article's own place's, as its other figures naming it are;
    a war's figures stay together in its theatre."""
    a = ctx.auto
    if background or kind is None or kind == _FIGHTING or a is None or a.place is None \
            or a.gaz.get(theatre) is not None:
        return False
    home = a.place.id

    def compute() -> bool:
        # the words naming the article's place are a name the theatre lists (the gazetteer
        # spells "Khān Yūnis" where the theatre lists "Khan Younis"; "Hamas" read as a town
        # is a party's name, no place of the theatre)
        lang = ctx.article.lang
        for i, ps in enumerate(a.places):
            if i >= len(ctx.texts) or not any(p.id == home for p in ps):
                continue
            text = ctx.texts[i]
            if any(p.id == home and theatre in places_in(text[s:e], ctx.cat)
                   for s, e, p in a.gaz.find(text, lang, locatives(lang, ctx.rules_root))):
                return True
        return False
    return ctx.once("inside:" + theatre, -1, compute)


def _own_disaster(a: AutoContext, theatre: str, kind: str | None, background: bool) -> bool:
    """Is a figure of type ``kind``, in a sentence naming no place of its own, of the
    report's own event, one no war is (a flood, a quake, a shipwreck: neither compatible
    with a war nor part of one), at the report's own place inside the curated war
    ``theatre``? Then it is that place's, never the theatre's (a quake at Aleppo, a flood at
    Derna: the theatre's conflicts keep their figures, the disaster keeps its own). A report
    whose place is another country (a quake told from Turkey, its figures in Syria too) is
    left as it was: the theatre is no part of it to narrow to."""
    if background or kind is None or a.place is None or a.kind is None \
            or not a.vocab.compatible(kind, a.kind) or a.vocab.compatible(kind, _FIGHTING) \
            or a.vocab.contains(_FIGHTING, kind):
        return False
    area = a.gaz.get(theatre)
    return area is not None and a.place.id != area.id and a.gaz.within(a.place, area)


def _unrelated_event(ctx: ArticleContext, index: int, cut: tuple[int, int],
                     explicit: Period | None) -> str | None:
    """The automatic event of a figure its sentence says is unrelated to an event ("11
    lives unrelated to the hotel disaster", ``cut``: the cue and its object): never the
    article's nor the one the object names, but the type the sentence names outside the
    object, at the place it names there, else in the report's region (its country when it
    has none), dated as the figure, else by the report; none without such a type. At the
    report's own place or one holding it (its region), the event is told apart
    (:data:`.events.APART`): the merge never joins it to the report's own event there."""
    a, text, lang = ctx.auto, ctx.texts[index], ctx.article.lang
    kinds = [t for at, t in a.triggers[index] if not cut[0] <= at < cut[1]]
    if not kinds:
        return None
    rest = text[:cut[0]] + " " * (cut[1] - cut[0]) + text[cut[1]:]
    places = [p for _, _, p in a.gaz.find(rest, lang, locatives(lang, ctx.rules_root))]
    own = a.place
    if places:
        place = min(places, key=lambda p: LEVELS.get(p.level, 1))
    elif own is not None:
        # "the extreme weather has claimed 11 lives unrelated to the hotel disaster": the
        # weather of the report's region, not of its hotel
        place = own if own.level in ("region", "country") else _region_of(a.gaz, own)
    else:
        return None
    apart = own is not None and (place.id == own.id or a.gaz.within(own, place)
                                 or a.gaz.within(place, own))
    when = explicit[0] if explicit is not None else ctx.article.published
    return auto_id(kinds[0], place.id, when, apart=apart)


def _region_of(gaz: Gazetteer, place: Place) -> Place:
    """The region ``place`` lies in, else its country, else itself."""
    for pid in place.parents:
        q = gaz.get(pid)
        if q is not None and q.level == "region":
            return q
    return gaz.get(gaz.country_id(place.country) or "") or place


# a year right before an event's trigger, with at most two capitalised words between ("the
# 2005 hurricane", "the 2018 Camp Fire", "2011's tsunami"): the year names that event
_YEAR_BEFORE = regexcache.compile(r"(?<![\p{L}\p{N}])(1[89]\d\d|20\d\d)(?:['’]s)?[ \t]+"
                             r"(?:\p{Lu}[\p{L}\p{M}'’-]*[ \t]+){0,2}\Z")


def _since_then(ctx: ArticleContext, index: int, clause: tuple[int, int],
                period: Period | None) -> bool:
    """Does the figure's "since" date name the year of an event its clause tells of ("since
    2014, when a ferry sank and killed 304"), rather than start a count over years? Only a
    word of [then] ties them: "since 1992 floods have killed 150" counts over years."""
    a = ctx.auto
    if a is None or period is None or index >= len(ctx.texts):
        return False
    at = _trigger_at(a, index, clause)
    if at is None:
        return False
    year = a.vocab.year_then(ctx.texts[index], ctx.article.lang, at)
    return year is not None and year == period[0].year


def _trigger_at(a: AutoContext, index: int, clause: tuple[int, int] | None) -> int | None:
    """Where the trigger of the event a figure's clause (else its sentence, first) tells of
    starts, or None."""
    if index >= len(a.triggers) or not a.triggers[index]:
        return None
    starts = [at for at, _ in a.triggers[index]]
    inside = [at for at in starts if clause is not None and clause[0] <= at < clause[1]]
    return (inside or starts)[0]


def _trigger_year(a: AutoContext, text: str, index: int, clause: tuple[int, int] | None,
                  lang: str) -> int | None:
    """The year written right before the trigger of the event a figure's clause (else its
    sentence, first) tells of ("the 2005 hurricane killed 1,392"), or None."""
    at = _trigger_at(a, index, clause)
    if at is None:
        return None
    m = _YEAR_BEFORE.search(text, max(0, at - 40), at)
    # "the worst since 2014, when a ferry sank": the year a word of "then" ties to it
    return int(m.group(1)) if m else a.vocab.year_then(text, lang, at)


def _same_area(a: AutoContext, place: Place, kind: str | None) -> bool:
    """Is ``place``, named by a sentence, the article's own place for its event? When one
    holds the other (Abruzzo and Farindola, a hamlet and its town), or both are towns of
    one region within the reach of the event's type (the Cutro shipwreck's dead taken to
    Crotone, 15 km away)."""
    own = a.place
    if a.gaz.within(own, place) or a.gaz.within(place, own):
        return True
    if place.level not in ("town", "local") or own.level not in ("town", "local") \
            or place.country != own.country or place.admin1 != own.admin1:
        return False
    here, there = a.gaz.point(place), a.gaz.point(own)
    reach = a.vocab.reach_km(kind or a.kind) if (kind or a.kind) else 0.0
    return here is not None and there is not None and km(here, there) <= reach


def _named_where(a: AutoContext, slot: str, own: Sequence[Place], background: bool
                 ) -> str | None:
    """Where the event named ``slot`` struck: for the article's own named event (not as an
    earlier one), the place the sentences naming it name most; for another, the most
    specific of the places ``own`` where the figure's sentence says something happened."""
    if a.name is not None and a.name[1] == slot:
        # the article's own: where the article says it struck (one sentence's place may
        # be a study's university or a speaker's city)
        return None if background or a.name_place is None else a.name_place.id
    return min(own, key=lambda p: LEVELS.get(p.level, 1)).id if own else None


def _site_event(a: AutoContext, index: int, kind: str | None, background: bool,
                own: Sequence[Place]) -> str | None:
    """The site slot of the event a figure of sentence ``index`` belongs to: a site its
    sentence names of a type compatible with the figure's (the article's own when it is among
    them), else, unless the figure is about an earlier event (``background``) or its sentence
    names a place outside the article's (``own``: "a collapse in Val Badia" in a report on
    the Marmolada), the article's own site, for a figure of a type compatible with it."""
    def fits(t: str | None) -> bool:
        return t is None or kind is None or a.vocab.compatible(kind, t)

    mine = [slot for t, slot in (a.sites[index] if index < len(a.sites) else ()) if fits(t)]
    if mine:
        return a.site[1] if a.site is not None and a.site[1] in mine else mine[0]
    if a.site is None or background or not fits(a.site[0]):
        return None
    if own and a.place is not None and not any(_same_area(a, p, kind) for p in own):
        return None
    if own and a.place is None:
        return None
    return a.site[1]


def _site_where(a: AutoContext, site: str, own: Sequence[Place], background: bool
                ) -> str | None:
    """Where a site lies: for the article's own (not as an earlier event's), the article's
    place; for another, the most specific place its sentence names, else the article's."""
    if a.site is not None and a.site[1] == site and not background:
        return a.place.id if a.place is not None else None
    if own:
        return min(own, key=lambda p: LEVELS.get(p.level, 1)).id
    return a.place.id if a.place is not None else None  # somewhere near the article's own


def _background_before(ctx: ArticleContext, index: int) -> tuple[int, Period] | None:
    """The sentence right before ``index`` in its paragraph and its date, when it tells of an
    earlier event (names a type of event and a stated date well before the report) and
    sentence ``index`` names no type of event of its own but refers back to it ("of those
    deaths"); else None."""
    a, published = ctx.auto, ctx.article.published
    j = index - 1
    if (a is None or published is None or j < 0 or index >= len(a.types) or a.types[index]
            or not a.types[j] or a.paragraph[j] != a.paragraph[index]
            or not a.vocab.goes_on(ctx.texts[index], ctx.article.lang)):
        return None
    earlier = published - timedelta(days=_BACKGROUND_DAYS)
    for phrase in ctx.phrases(j):
        r = resolve(phrase, ctx.lex, ctx.base)
        if (r is not None and r.how == "explicit" and r.start is not None
                and r.end is not None and r.end < earlier
                and not _dates_making(ctx, j, phrase)):  # "the tower, built in 1968, ..."
            return j, (r.start, r.end)
    return None


def _named_event(a: AutoContext, index: int, kind: str | None, background: bool = False
                 ) -> str | None:
    """The place slot of the event a figure of sentence ``index`` belongs to by its name
    ("name-maria"): the one its sentence names (the article's own when it is among several:
    "hurricanes Irma and Maria"), else, unless the figure is about an earlier event
    (``background``), the article's own (the one it names most, when the article is about
    that type of event), for a figure of a compatible type."""
    own = [(k, slot) for k, slot in (a.names[index] if index < len(a.names) else ())
           if kind is None or a.vocab.compatible(kind, k)]
    if own:
        return a.name[1] if a.name in own else own[0][1]
    if a.name is None or background:
        return None
    k, slot = a.name
    if a.kind is not None and a.vocab.compatible(a.kind, k) and (
            kind is None or a.vocab.compatible(kind, k)):
        return slot
    return None


def _dated_event(ctx: ArticleContext) -> date | None:
    """The day the article's own event happened when the article states it and it is well
    before the article: a sentence naming the article's type of event and its place with a
    date of its own, stated or read against the report ("in August" in January): "on
    August 24, 2016 a quake razed Amatrice", in an article of
    August 2017). An earlier event somewhere else ("the 2009 L'Aquila quake") is not it."""
    a, published = ctx.auto, ctx.article.published
    if a is None or a.kind is None or a.place is None or published is None:
        return None
    earlier = published - timedelta(days=_BACKGROUND_DAYS)
    # a date read against an inferred report date ("Jan 26", two days after it) is no help
    relative = ctx.article.published_how in _KNOWN_DATE
    found = []
    for i, kinds in enumerate(a.types):
        if a.kind not in kinds:
            continue
        # its place, or a town within the type's reach of it ("the Lucca court", in a
        # report on the Viareggio derailment's trial)
        here = any(_same_area(a, p, a.kind) for p in a.places[i])
        if not a.places[i] and i < _LEAD_SENTENCES and _told_as_past(ctx):
            # "The Colmarino railway massacre, which cost 32 lives, dates back to 29 June
            # 2009", opening a report on its trial: the lead names the report's own event,
            # so a day it states (a day: a month is as often another event's) is its day
            found += _lead_days(ctx, i, earlier)
        if here and _wider_only(a, i):
            # "the worst attack in the UK since the 7 July bombings in 2005", in a report on
            # Manchester: a date told of the whole country is its history, not this event's;
            # but a lead's day is its own event's ("Un anno fa il terremoto che il 2 ottobre
            # 2031 ha devastato il Nepal centrale", in an anniversary report on a district)
            if i < _LEAD_SENTENCES and _told_as_past(ctx):
                found += _lead_days(ctx, i, earlier)
            continue
        if relative and (here or not a.places[i]):
            # "a dieci anni dal crollo", "the tenth anniversary of the quake": the report's
            # day so many years before (a sentence naming no place tells of the report's own)
            found += _anniversaries(ctx, i, a.kind, published)
        if not here:
            continue
        for phrase in ctx.phrases(i):
            r = resolve(phrase, ctx.lex, ctx.base)
            if r is None or r.how not in ("explicit", "relative") or r.start is None \
                    or r.end is None or r.end >= earlier or (r.how == "relative" and not relative) \
                    or (_dates_making(ctx, i, phrase) and not _dates_event(ctx, i, phrase)) \
                    or not _dates_kind(ctx, i, phrase, a.kind):
                continue
            if (r.end - r.start).days <= 31:
                # "in August" read in a January report is last August as surely as a
                # stated date
                found.append(r.start)
            elif r.kind == "ago" and r.how == "relative":
                # "a year ago", in an anniversary report: that day so many years before
                day = _years_before(published, r.start.year)
                if day is not None and r.start <= day <= r.end:
                    found.append(day)
    return min(found, default=None)


# the sentences that open a report (a line of boilerplate before them: "Share"): its lead
_LEAD_SENTENCES = 3


# a date this many words before a trigger names the event as a label ("the 9 March Bristol
# bombings"): it tells which event of a history, not a report's own lead
_LABEL_WORDS = 2


def _labels_trigger(ctx: ArticleContext, index: int, phrase: Phrase) -> bool:
    """Does date ``phrase`` stand right before a trigger of its sentence, as a label ("the
    9 March Bristol bombings", "the 2019 floods")? A report opening on its own past event
    tells the day after naming it ("the railway massacre ... dates back to 29 June 2009",
    "il terremoto che il 2 ottobre 2031 ha devastato") or with a verb between ("On 29 June
    2009 a freight train derailed")."""
    a, text = ctx.auto, ctx.texts[index]
    for at, _ in a.triggers[index]:
        between = text[phrase.end:at]
        if at >= phrase.end and len(between.split()) <= _LABEL_WORDS \
                and not _CLAUSE_BREAK.search(between):
            return True
    return False


def _dateline(ctx: ArticleContext, index: int, phrase: Phrase, r: Resolved) -> bool:
    """Is date ``phrase`` of sentence ``index`` a dateline: opening the sentence, the
    report's own day? It says when the report was written, not when anything happened."""
    published = ctx.article.published
    return published is not None and not ctx.texts[index][:phrase.start].strip() \
        and r.start == r.end == published


def _told_as_past(ctx: ArticleContext) -> bool:
    """Does the report tell its own event at no date of the weeks before it (no "on Monday
    night" naming its type: :func:`_told_current`)? A trial's or an anniversary's report
    does; one on a bombing of Monday that recalls the country's history does not."""
    return ctx.once("told current", -1, lambda: _told_current(ctx)) is None


def _lead_days(ctx: ArticleContext, index: int, earlier: date) -> list[date]:
    """The days (a day each, before ``earlier``) that lead sentence ``index`` states for the
    report's own type of event, stated in full ("29 June 2009"), not read against the
    report nor dating the making of a building, nor after a "since" (a day of its history)."""
    a, out = ctx.auto, []
    phrases = ctx.phrases(index)
    for phrase in phrases:
        if any(p.kind == "since" and p.start < phrase.start for p in phrases):
            break  # "the worst since the bombings of 7 July 2005": a day of its history
        if _labels_trigger(ctx, index, phrase):
            continue  # "the 9 March Bristol bombings": a day naming an event of its history
        r = resolve(phrase, ctx.lex, ctx.base)
        if r is not None and r.how == "explicit" and r.start is not None \
                and r.start == r.end and r.end < earlier \
                and (not _dates_making(ctx, index, phrase)
                     or _dates_event(ctx, index, phrase)) \
                and _dates_kind(ctx, index, phrase, a.kind):
            out.append(r.start)
    return out


def _dates_event(ctx: ArticleContext, index: int, phrase: Phrase) -> bool:
    """Is date ``phrase`` told by a word that dates its subject (:meth:`Vocabulary.dating`:
    "dates back to"), whose sentence opens on an event (its first trigger comes before
    the date: "The Colmarino railway massacre, which cost 32
    lives, dates back to 29 June 2009")? Then the day is the event's."""
    a, text = ctx.auto, ctx.texts[index]
    if not a.vocab.dating(text, ctx.article.lang, phrase.start) or not a.triggers[index]:
        return False
    return a.triggers[index][0][0] < phrase.start


def _wider_only(a, index: int) -> bool:
    """Does sentence ``index`` name only places wider than the article's own (its country,
    its region) and none at or inside it?"""
    ps = a.places[index]
    return bool(ps) and all(p.id != a.place.id and not a.gaz.within(p, a.place)
                            and a.gaz.within(a.place, p) for p in ps)


def _before_own(ctx: ArticleContext, index: int, clause: tuple[int, int] | None
                ) -> tuple[int, str] | None:
    """How long before the report's own event a figure's event happened, as (count, unit),
    by words of its clause ("a fire five months earlier that killed 112", "un incendio di
    cinque mesi prima, che fece 112 morti": :meth:`Vocabulary.elapsed_earlier`), or by the
    time told since its trigger when that is of another type than the report's ("a sei mesi
    dal rogo di un capannone, costato la vita a 80 operai", in a report on a collapse:
    :meth:`Vocabulary.elapsed`); else None."""
    a = ctx.auto
    if a is None or a.kind is None or clause is None or index >= len(ctx.texts):
        return None
    text, lang, lex = ctx.texts[index], ctx.article.lang, ctx.lex
    lo = _with_antecedent(ctx, index, clause)
    found = a.vocab.elapsed_earlier(text, lang, lo, clause[1], lex.numbers, lex.units)
    if found is not None or index >= len(a.triggers) or not a.triggers[index]:
        return found
    # the trigger the figure's clause names; else, in a sentence naming no event of the
    # report's own type, its first ("Five months after the fire, the factory collapsed,
    # killing 300" tells the collapse's toll: the sentence names the report's type)
    inside = [(at, t) for at, t in a.triggers[index] if clause[0] <= at < clause[1]]
    if not inside and a.kind in a.types[index]:
        # a clause of its own after the second of two events of the report's type ("the
        # collapse comes three years after a dam burst at Valdoria, killing 19"): the
        # nearest event before it, when a span dates it from the first
        before = [(at, t) for at, t in a.triggers[index] if at < clause[0]]
        if len(before) >= 2 and before[-1][1] == a.kind:
            return a.vocab.elapsed(text, lang, before[-1][0], lex.numbers, lex.units)
        return None
    at, told = (inside or list(a.triggers[index]))[0]
    if told == a.kind and at == a.triggers[index][0][0]:
        return None  # "a dieci anni dal crollo": the report's own event, an anniversary
    # of the report's type but named after another event of its sentence ("the collapse
    # comes three years after a dam burst at Valdoria, which killed 19"): the span between
    # the two dates the later-named one, an earlier event
    return a.vocab.elapsed(text, lang, at, lex.numbers, lex.units)


# a clause this short before a figure's is a fronted phrase of it ("Five months earlier, ...")
_FRONTED_WORDS = 4
_WORD = regexcache.compile(r"[\p{L}\p{N}]+")


def _with_antecedent(ctx: ArticleContext, index: int, clause: tuple[int, int]) -> int:
    """Where the words telling of a figure's clause start: the clause before it too when
    the figure's opens with a relative word ("... a fire of five months earlier, which
    killed 112") or that one is a short fronted phrase ("Five months earlier, a fire killed
    112"), else the clause's own start."""
    text, lang = ctx.texts[index], ctx.article.lang
    breaks = [m for m in ctx.lex.clause_re.finditer(text) if m.end() <= clause[0]]
    if not breaks:
        return clause[0]
    prev = breaks[-2].end() if len(breaks) > 1 else 0
    rel = ctx.auto.vocab.relative_any.get(lang) if ctx.auto is not None else None
    head = regex.match(r"\s*", text[clause[0]:]).end() + clause[0]
    opens = rel is not None and rel.match(text, head) is not None
    short = len(_WORD.findall(text, prev, breaks[-1].start())) <= _FRONTED_WORDS
    return prev if opens or short else clause[0]


def _anniversaries(ctx: ArticleContext, index: int, kind: str, published: date) -> list[date]:
    """The days sentence ``index`` dates its triggers of type ``kind`` by the time elapsed
    since ("dieci anni dal crollo": the report's day ten years before,
    :meth:`Vocabulary.elapsed`), when well before the report. Only its first trigger: a
    span told after one event up to another ("the collapse comes three years after a dam
    burst at Valdoria") measures the gap between the two, and dates the later-named one,
    never the report's own."""
    a, text = ctx.auto, ctx.texts[index]
    out = []
    for n, (at, k) in enumerate(a.triggers[index]):
        told = a.vocab.elapsed(text, ctx.article.lang, at, ctx.lex.numbers, ctx.lex.units) \
            if k == kind and n == 0 else None
        day = _back(published, told) if told else None
        if day is not None and day < published - timedelta(days=_BACKGROUND_DAYS):
            out.append(day)
    return out


# about how many days a unit of an elapsed time lasts (is it more than a background's?)
_UNIT_DAYS = {"hour": 0, "day": 1, "week": 7, "month": 30, "year": 365}


def _back(day: date, elapsed: tuple[int, str]) -> date | None:
    """``day`` moved back by ``elapsed`` (count, unit), None when out of the calendar."""
    try:
        return shift(day, elapsed[1], -elapsed[0])
    except (ValueError, OverflowError):
        return None


def _years_before(day: date, year: int) -> date | None:
    """``day`` in ``year`` (29 February as the 28th)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28) if day.month == 2 else None


# an aside set off by brackets or by a pair of spaced dashes ("- excluding the 2001 attacks -")
_ASIDE = regexcache.compile(r"\([^()]*\)|(?<=\s)[-–—]\s[^-–—()]*?\s[-–—](?=\s)")


def _clause_kind(a: AutoContext, index: int, clause: tuple[int, int] | None,
                 text: str | None = None) -> str | None:
    """The first event type the figure's clause names, when its sentence names more than one
    ("three more quakes, the last one sparking an avalanche that killed 29": the avalanche).
    A trigger inside an aside of ``text`` (the sentence) that closes before the clause ends
    is not what the figure counts ("the worst failure - the 2001 attacks aside - was a
    store's, in which 502 died"): the aside is told beside it."""
    if clause is None or index >= len(a.triggers) or len(set(a.types[index])) < 2:
        return None
    asides = [m.span() for m in _ASIDE.finditer(text) if m.end() < clause[1]] if text else []
    return next((t for at, t in a.triggers[index] if clause[0] <= at < clause[1]
                 and not any(s <= at < e for s, e in asides)), None)


def _sentence_kind(a: AutoContext, index: int) -> str | None:
    """The event type sentence ``index`` names, else the last one named before it in its
    paragraph."""
    if index < len(a.types) and a.types[index]:
        return a.types[index][0]
    if index >= len(a.paragraph):
        return None
    for j in range(index - 1, -1, -1):
        if a.paragraph[j] != a.paragraph[index]:
            break
        if a.types[j]:
            return a.types[j][-1]
    return None


def _elsewhere(ctx: ArticleContext) -> bool:
    """Does the article say what happened and where (a type of event, a place of the
    gazetteer)? "Russia deployed 2,000 peacekeepers to the region" says neither."""
    a = ctx.auto
    return a is not None and a.place is not None and a.kind is not None


def _named_by_article(ctx: ArticleContext) -> bool:
    """Does the article name its curated event by one of its aliases (not keywords only)?"""
    home = ctx.outer or ctx
    ev = home.event
    return ev is not None and ev.aliases is not None and home.once(
        "named", -1, lambda: ev.aliases.search(home.prose or "\n".join(home.texts)) is not None)


def _fits_type(ctx: ArticleContext, index: int, clause: tuple[int, int], event: Event
               ) -> bool:
    """May a figure of sentence ``index`` belong to ``event`` by what happened? Yes when the
    event has no type or the figure's text names none; else one of the types its clause
    names (else its sentence's or its paragraph's) or its article's must be compatible
    with the event's: a flood's toll never joins a war."""
    if event.type is None:
        return True
    vocab = vocabulary(ctx.rules_root)
    if ctx.outer is None and index < len(ctx.texts):
        # the sentence's own triggers first: one of a compatible type settles it at once,
        # without reading the whole article's
        here = ctx.once("types", index, lambda: vocab.find(ctx.texts[index], ctx.article.lang))
        if any(vocab.compatible(t, event.type) for _, _, t in here):
            return True
    kinds = ctx.once("kinds", (index, clause), lambda: _figure_kinds(ctx, index, clause))
    return not kinds or any(vocab.compatible(k, event.type) for k in kinds)


def _figure_kinds(ctx: ArticleContext, index: int, clause: tuple[int, int]) -> frozenset[str]:
    """The types of event a figure's text names: its clause's (else its sentence's) and its
    article's (only the article's for a quote read alone). Read from the triggers alone
    (:func:`_article_triggers`), not the whole :func:`auto_context`: a figure of a curated
    event asks this, and its article's places are never needed."""
    home = ctx.outer or ctx
    if ("auto", -1) in home.memo:  # the article's automatic context is read already
        a = home.auto
        found, kind = a.triggers, a.kind
    else:
        found, kind = home.once("triggers", -1, lambda: _article_triggers(home))
    own: set[str] = set()
    if ctx.outer is None and index < len(found) and found[index]:
        inside = [t for at, t in found[index] if clause[0] <= at < clause[1]]
        own = {inside[0]} if inside and len({t for _, t in found[index]}) > 1 \
            else {t for _, t in found[index]}
    if kind is not None:
        own.add(kind)
    return frozenset(own)


def _article_triggers(ctx: ArticleContext
                      ) -> tuple[list[list[tuple[int, str]]], str | None]:
    """Where each sentence's triggers start, with their types, and the type the article
    names most (the title counting twice), as :func:`auto_context` finds them."""
    vocab, lang = vocabulary(ctx.rules_root), ctx.article.lang
    found = vocab.find_each(ctx.texts, lang, ctx.toks or None)
    title = ctx.article.title or ""
    found = without_secondary(vocab, lang, title, ctx.texts, found, ctx.lex.numbers,
                              ctx.lex.units)
    counts: Counter[str] = Counter()
    order: list[str] = []
    for triggers, weight in [(vocab.find(title, lang) if title else [], 2)] + \
            [(f, 1) for f in found]:
        for _, _, k in triggers:
            counts[k] += weight
            order.append(k)
    kind = max(order, key=lambda k: (counts[k], -order.index(k))) if order else None
    return [[(st, t) for st, _, t in f] for f in found], kind


def _fits(event: Event, period: Period | None, places: list[str], metric: str) -> bool:
    """May a figure with no event cues of its own take the article's event?"""
    if event.metrics is not None and metric not in event.metrics:
        return False
    if places and not any(p in event.places for p in places):
        return False
    return period is None or overlaps(period, event.span(date.max))
