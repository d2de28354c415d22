"""Context of a claim: the period it refers to, its event, its side and its source.

``add_context`` is the pipeline's entry point; each question is answered by its own
module (``period``, ``events``, ``sides``, ``sources``) from language data
(``rules/lang/<lang>/context.toml``) and the curated events (``rules/events.toml``):
what the whole article says is read once (``article``), a figure's event is chosen by
``claim_event``, and the area of a breakdown by place is found here.

What the fields say:

* ``period_start``/``period_end``, ``period_how``: ``explicit`` (a stated date, year or
  decade), ``relative`` (read against the publication date: "martedì", "tre anni fa"),
  ``span`` (from a point to the publication date: "da allora", "in the past 24 hours"),
  ``article`` (nothing stated: the article's own time), ``event`` (nothing stated, or only
  "since 1992", about a finished event, or in an undated article about a dated event: the
  event's span), ``running`` (a cumulative count with no date of its own: from its event's
  start to the report, see ``asof``), or None when nothing places it.
* ``event``, ``event_how``: a curated id found by the sentence's cues (``sentence``) or by
  its period and place alone (``period``), the article's event (``article``), an
  automatic ``auto:<place>:<year>`` (``auto``), or None.
* ``side``: a party id, ``total`` ("da entrambe le parti", or a figure that names no side
  and counts everyone: a disaster's toll), or None (a group of one side whose side is not
  named; the comparator reads it as the total).
* ``subgroup``, ``parent``: the part of the people counted and the figure it is a part of
  (``subgroups``).
* ``source``, ``source_kind``: the attribution (``attributed``) or the outlet
  (``outlet``), or None when neither is known; ``source_party`` and ``source_type`` (media,
  government, military, international, ngo, rescue): see ``sources``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path

import regex

from .. import regexcache
from ..langdata import LANGS
from ..model import Article, Claim, Sentence
from ..parties import babel_names, load_parties
from ..timespan import publication_span
from .dates import Period
from .events import Event, parse_auto
from .article import (
    ArticleContext, article_context, gazetteer_places as _gazetteer_places, name_slugs as _slugs,
    named_places, named_places_each,
)
from .asof import cumulative_metrics, dated_twins, unstated_period
from .claim_event import (
    background_span as _background_span, dates_a_building as _dates_a_building,
    event_span as _event_span, figure_event as _event,
)
from .gazetteer import Gazetteer, Place, country_names, locatives
from .lexicon import NAME, Lexicon
from .period import Resolved, clause_of, figure_period, still_running, told_start
from .sides import default_side, is_conflict, side_of, town_lead, town_of
from .sources import names_outlet, source_of, source_party, source_type
from .parents import link_article
from .subgroups import subgroup_data, subgroup_of

__all__ = ["add_context", "ArticleContext", "article_context", "claim_context", "named_places",
           "named_places_each"]


# how far after the figure a place may name the area it counts ("190 sono i morti in
# provincia di Rieti", "46 quelli nelle Marche")
_AREA_WINDOW = 60
# a place whose locative starts this close after the figure is the area it counts even when
# more places follow ("7 in Castiglia-La Mancia e una in Andalusia")
_AREA_NEAR = 20


def area_of(text: str, start: int, end: int, ctx: ArticleContext,
            clause: tuple[int, int] | None = None, index: int | None = None,
            metric: str | None = None) -> str | None:
    """The area a figure counts when it is one part of a breakdown by place, named by the
    gazetteer's id when it knows the place (one id whatever the language: "Castilla-La
    Mancha" and "Castiglia-La Mancia" alike), else by the name's slug: see
    :func:`_area_span` for where the place is read. A part is compared with totals as a
    lower bound of them, so a total read as a part by mistake is judged more leniently,
    never more strictly; the article's own place, or one around it, is no part ("at least
    480 dead here in Maui", in an article about Maui), unless the sentence names other
    places. (``clause``: the figure's :func:`clause_of`, if already known; ``index``: its
    sentence's, whose gazetteer places are then read once for all its figures.) A force
    is where it is deployed, not whose: a ``troops`` figure has no area ("il contingente in
    Nagorno-Karabakh conta 2000 soldati")."""
    if metric in _NO_AREA:
        return None
    lex = ctx.lex
    if metric in _TOWN_PEOPLE and (lead := town_lead(lex.lang, ctx.rules_root)) is not None:
        # "Valcorvo, a town of 1,200": a town's people, its share of any wider population
        # (never the whole, even where the town is the article's own place)
        town = town_of(text, start, [(ps, pe, p.id) for ps, pe, p in
                                     _gazetteer_places(ctx, text, index)], lead)
        if town is not None:
            return town
    if lex.area_partitive_re is not None and lex.area_partitive_re.search(
            text, max(0, start - _AREA_NEAR), start):
        return None  # "211 of the 217 deaths": the whole the part before it is of
    c_start, c_end = clause or clause_of(text, start, end, lex)

    def known(s: int, e: int) -> bool:
        return any(ps < e and s < pe for ps, pe, _ in _gazetteer_places(ctx, text, index))

    found = _respective_span(text, start, end, lex)
    if found is None and metric in lex.area_origin_metrics and lex.area_origin_re is not None:
        # "3,000 were evacuated from Valcorvo": where they left from, right after the figure
        found = _one_place(text[end:c_end], lex, _AREA_NEAR, _AREA_WINDOW, known, end,
                           rx=lex.area_origin_re)
        found = None if found is None else (found[0] + end, found[1] + end, found[2])
    if found is None:
        found = _area_span(text, start, end, c_start, c_end, lex, known)
    if found is None:
        return None
    s, e, slug = found
    if (inner := _POSSESSIVE_NAME.match(text, e)) is not None:
        # "in Valencia's La Torre neighbourhood", "in Turkey's Hatay province": the place
        # a possessive name is followed by is the narrower one, the figure's area
        s, e, slug = inner.start("place"), inner.end("place"), _slugs_of(inner.group("place"))
    named = _gazetteer_places(ctx, text, index)
    place = None
    if slug not in lex.area_names:  # "nel Reatino": the territory's own word, mapped below
        place = next((p for ps, pe, p in named if ps < e and s < pe), None)
    if (place is not None and place.level == "town" and ctx.auto is not None
            and _names_region(text, s, e, lex)):
        # "in the eastern Valencia region": the region around the town, not the town
        place = next((r for pid in place.parents
                      if (r := ctx.auto.gaz.get(pid)) is not None and r.level == "region"),
                     place)
    area = place.id if place is not None else lex.area_names.get(slug, slug)
    # a country is named by its party id in any language ("Turchia", "Turkey": turkey),
    # also where the gazetteer does not read it (a sentence's first word, an old exonym)
    code = place.country if place is not None and place.level == "country" else (
        None if place is not None else _country_codes(ctx.rules_root).get(slug))
    if code is not None:
        area = _country_parties(ctx.rules_root).get(code, area)
        if place is None and ctx.auto is not None:
            place = ctx.auto.gaz.get(ctx.auto.gaz.country_id(code) or "")
    if code is not None and code in _joint_in(text[s:e + _AREA_NEAR], ctx):
        return None  # "15,000 dead in Turkey, Syria": the countries together, no one's part
    if (not _part_of_next(text, start, end, lex)
            and _is_whole(slug if place is None else place, text, ctx, named)):
        return None
    return area


# a place name after a possessive name: "Valencia's La Torre", "Turkey's Hatay"
_POSSESSIVE_NAME = regexcache.compile(rf"['’]s\s+(?P<place>{NAME})")
# one figure in digits ("40", "1.200", "6'500"), not a comma or point after it
_FIGURE = regexcache.compile(r"(?<![\d\p{L}])\d(?:[\d.,']*\d)?(?![\d\p{L}])")
# a list of two or more figures ("40 and 11", "40, 12 e 3"): figures with a comma or one
# short word between them (a coordinator of the language, checked in _figure_list)
_FIGURE_LIST = regexcache.compile(r"(?<![\d.,'\p{L}])\d(?:[\d.,']*\d)?"
                             r"(?:(?:\s*,\s*(?:\p{Ll}{1,3}\s+)?|\s+\p{Ll}{1,3}\s+)\d(?:[\d.,']*\d)?)+"
                             r"(?![\d\p{L}])")
# the words between a list of figures and the "respectively" after it: a few words, no
# figure and no clause mark ("40 and 11 people died, respectively")
_TO_RESPECTIVELY = regexcache.compile(r"[^\d.;:()«»“”\"]{0,40}\Z")
# a separator of the list of places: ", ", " and ", ", and "
_NAME_SEP = regexcache.compile(r"\s*,\s*(?:\p{Ll}{1,3}\s+)?|\s+\p{Ll}{1,3}\s+")
_NAME_AT = regexcache.compile(rf"(?P<place>{NAME})")


def _respective_span(text: str, start: int, end: int, lex: Lexicon
                     ) -> tuple[int, int, str] | None:
    """The place of the figure at ``text[start:end]`` in a list of figures that a
    "respectively" pairs with a list of places: the place of the same rank ("the toll in
    Valcorvo and Borgoverde stood at 40 and 11, respectively": 11 is Borgoverde's; "40 and
    11 died in Valcorvo and Borgoverde, respectively"; "a Valcorvo e Borgoverde i morti sono
    rispettivamente 40 e 11"), as (start, end, slug). None when there is no such word, the
    figure is in no list of figures, or the lists do not have as many items (the text does
    not pair them)."""
    rx = lex.area_respectively_re
    # the word first, anywhere near: most sentences have none, and that ends it
    if rx is None or lex.area_re is None or rx.search(
            text, max(0, start - _AREA_WINDOW - _AREA_NEAR),
            min(len(text), end + 2 * _AREA_WINDOW)) is None:
        return None
    figs = _figure_list(text, start, end, lex)
    if figs is None:
        return None
    ranks, f_start, f_end = figs
    # the word right after the list (past a few words), or right before it
    after = rx.search(text, f_end, min(len(text), f_end + _AREA_WINDOW))
    if after is not None and _TO_RESPECTIVELY.match(text, f_end, after.start()) is None:
        after = None
    before = None
    if after is None:
        before = rx.search(text, max(0, f_start - _AREA_NEAR), f_start)
        if before is None or text[before.end():f_start].strip(" ,").count(" ") > 0:
            return None
    places = None
    if after is not None:
        # the places between the figures and the word: "40 and 11 in Valcorvo and Borgoverde,
        # respectively"
        places = _place_list(text, f_end, after.start(), lex)
        # or right after it: "40 e 11 morti rispettivamente a Valcorvo e a Borgoverde"
        places = places or _place_list(text, after.end(), min(len(text), after.end()
                                                               + _AREA_WINDOW), lex, near=True)
    if places is None:
        places = _place_list(text, max(0, f_start - 2 * _AREA_WINDOW),
                             f_start if before is None else before.start(), lex, last=True)
    if places is None or len(places) != len(ranks):
        return None
    pick = places[ranks.index(start)]
    return pick.start("place"), pick.end("place"), _slugs_of(pick.group("place"))


def _figure_list(text: str, start: int, end: int, lex: Lexicon
                 ) -> tuple[list[int], int, int] | None:
    """The list of figures in digits the figure at ``text[start:end]`` is an item of, joined
    by commas and the language's coordinators: the items' starts, and the list's span."""
    for m in _FIGURE_LIST.finditer(text, max(0, start - _AREA_WINDOW),
                                   min(len(text), end + _AREA_WINDOW)):
        if m.start() <= start < m.end():
            items = list(_FIGURE.finditer(text, m.start(), m.end()))
            gaps = [text[a.end():b.start()].strip(" ,").casefold()
                    for a, b in zip(items, items[1:])]
            if any(g and g not in lex.source_coordinators for g in gaps):
                return None  # "from 40 to 11": no list
            ranks = [f.start() for f in items]
            return (ranks, m.start(), m.end()) if start in ranks else None
    return None


def _place_list(text: str, lo: int, hi: int, lex: Lexicon, last: bool = False,
                near: bool = False) -> list[regex.Match] | None:
    """The names of a list of places in ``text[lo:hi]`` opened by a locative ("in Valcorvo,
    Borgoverde and Pratello", "a Valcorvo e a Borgoverde"): the first list found (with
    ``near``, only one whose locative opens the span), or with ``last`` the last one of two
    or more names; None when there is none."""
    found = None
    for m in lex.area_re.finditer(text, lo, hi):
        if near and text[lo:m.start()].strip(" ,"):
            break
        if found and m.start() < found[-1].end():
            continue
        names, at = [m], m.end()
        while (sep := _NAME_SEP.match(text, at, hi)) is not None:
            gap = text[sep.start():sep.end()].strip(" ,").casefold()
            if gap and gap not in lex.source_coordinators:
                break
            n = lex.area_re.match(text, sep.end(), hi) or _NAME_AT.match(text, sep.end(), hi)
            if n is None:
                break
            names.append(n)
            at = n.end()
        if len(names) > 1 or not last:
            found = names
            if not last:
                break
    return found


def _part_of_next(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Does a partitive make the figure at ``text[start:end]`` a part of the figure right
    after it ("where 211 of the 217 deaths took place")? Then its place is no whole."""
    if lex.area_partitive_re is None:
        return False
    nxt = _DIGIT.search(text, end, end + _AREA_NEAR)
    return nxt is not None and lex.area_partitive_re.search(text, start, nxt.start()) is not None


# metrics whose place is where the people are, not a part of a count by place
_NO_AREA = frozenset({"troops"})
# metrics that count the people living somewhere: a town's figure is that town's
_TOWN_PEOPLE = frozenset({"population"})
# an item of a list by place: "Paiporta (45), Catarroja (25)"
_LISTED = regexcache.compile(rf"(?P<place>{NAME})\s*\(\s*\Z")
# a name closing a clause, maybe with a place noun after it ("the Valencia region, where")
_NAME_CLOSING = regexcache.compile(rf"(?P<place>{NAME})(?:\s+\p{{Ll}}+){{0,2}}\s*,?\s*\Z")
_DIGIT = regexcache.compile(r"\d")
# the rest of a list of names after the first ("in the towns of Valcorvo and Borgoverde, 30
# died"): the list is one area, read by its first name
_LIST_REST = regexcache.compile(rf"(?:\s*(?:,|\band\b|\be\b|\bed\b)\s*{NAME})+\s*,?\s*\Z")


def _area_span(text: str, start: int, end: int, c_start: int, c_end: int, lex: Lexicon,
               known: Callable[[int, int], bool]) -> tuple[int, int, str] | None:
    """Where the area of a figure at ``text[start:end]`` (clause ``c_start..c_end``) is
    named, as (start, end, slug) in the sentence, first found of: a place right after the
    figure in its clause ("190 sono i morti in provincia di Rieti", "57 in the neighbouring
    Ascoli Piceno province"), the nearest when several follow; a place between a toll noun
    and the figure ("il bilancio delle vittime nel Reatino è di 240"); the name the figure
    stands after in brackets ("Paiporta (45)"); a place before the figure in its clause, or
    closing the clause right before it ("ad Amatrice ci sono 14 vittime", "Nella Comunità
    Valenciana hanno perso la vita 210 persone", "le vittime ad Amatrice, salite a 204"),
    after a locative that is no genitive ("il sindaco di Amatrice ha detto che 200 ...":
    whose mayor, not where); the place a relative clause points back to ("come Paiporta,
    dove si registrano 45 morti"). A name after a modifier ("in the Turia river") must be
    one the gazetteer ``known``s, a demonym is none ("at Italian hotel"), and a place in a
    clause naming what happened before the figure is the event's ("il crollo del ponte, a
    Genova, ha causato 39 morti")."""
    # a name whose locative starts in the window is read whole ("a Casamicciola"); not past
    # a word opening the next item ("almeno 7.600 in Turchia, mentre in Siria 1.280")
    cut = c_end
    if lex.area_break_re is not None:
        brk = lex.area_break_re.search(text, end, c_end)
        if (brk is not None and not text[end:brk.start()].strip()
                and _DIGIT.search(text, brk.end(), c_end) is None):
            # right after the figure and with no figure after it, it is the figure's own
            # clause's adverb ("sono almeno 1000 invece i morti in Siria"), no next item
            # ("almeno 7.600 mentre in Siria sono oltre 1.280" has one)
            brk = lex.area_break_re.search(text, brk.end(), c_end)
        cut = c_end if brk is None else brk.start()
    found = _one_place(text[end:cut], lex, _AREA_NEAR, _AREA_WINDOW, known, end,
                       genitive=False)
    if found is None and lex.area_names:
        # a territory's own word in lower case, as Italian writes it ("1 nel bolognese"):
        # read as its capitalised name (same length, so the offsets hold)
        raised = _raise_territories(text[end:cut], lex)
        if raised is not None:
            found = _one_place(raised, lex, _AREA_NEAR, _AREA_WINDOW, known, end,
                               genitive=False)
    if found is not None:
        return found[0] + end, found[1] + end, found[2]
    lo = max(c_start, start - _AREA_WINDOW)
    if lex.toll_noun_re is not None:
        # "il bilancio delle vittime nel Reatino è di 240": the place between the toll and it
        tolls = list(lex.toll_noun_re.finditer(text, lo, start))
        if tolls:  # from the last toll noun before the figure
            found = _one_place(text[tolls[-1].end():start], lex, known=known,
                               offset=tolls[-1].end())
            # not the place of what happened ("the toll from the quake that struck Turkey
            # and Syria has passed 15,000": the whole event's toll, no one area's)
            if found is not None and not _names_event(text, tolls[-1].end(),
                                                      found[0] + tolls[-1].end(), lex):
                return found[0] + tolls[-1].end(), found[1] + tolls[-1].end(), found[2]
    head = text[max(0, start - _AREA_WINDOW):start]
    m = _LISTED.search(head)
    if m is not None and text[end:end + 3].lstrip().startswith(")"):
        return _named_span(m, start - len(head), lex)
    if lex.area_re is None:
        return None
    # the last place before the figure, in its clause or closing the clause before it
    lo = max(0, start - _AREA_WINDOW)
    aside = _APPOSITION_END.search(text, max(0, c_start - _AREA_WINDOW), c_start)
    if aside is not None:
        # past an aside about the place ("Nella sola provincia di Valcorvo, la più colpita,
        # si contano 540 morti"): the place's words end where the aside opens
        lo = min(lo, max(0, aside.start() - _AREA_WINDOW))
    before = [m for m in lex.area_re.finditer(text, lo, start) if _is_area_name(m, lex, known)]
    if before:
        m = before[-1]
        if (_locative(m) not in lex.area_genitives
                and (m.start() >= c_start or not text[m.end():c_start].strip(" ,")
                     or _LIST_REST.match(text, m.end(), c_start) is not None
                     # an aside about the place between it and the figure's clause ("in
                     # Valcorvo, the worst hit, 40 died"): the place is still the figure's
                     or _APPOSITION.fullmatch(text, m.end(), c_start) is not None
                     or _shares_place(text, m.end(), c_start, start, lex))
                and not _names_event(text, max(0, m.start() - _AREA_WINDOW), start, lex)
                and not _previous_items(text, m, start, lex)):
            return _named_span(m, 0, lex)
    if lex.area_relative_re is not None and lex.area_relative_re.match(text[c_start:start]):
        head = text[max(0, c_start - _AREA_WINDOW):c_start]
        m = _NAME_CLOSING.search(head)
        if m is None and lex.area_copula_re is not None:
            # "Valcorvo was the worst-hit province, where 300 died": the noun the place is
            # said to be is the antecedent, so the place is
            m = lex.area_copula_re.search(head)
        if (m is not None and _is_area_name(m, lex, None)
                and not _names_event(text, c_start, start, lex)):
            return _named_span(m, c_start - len(head), lex)
    return None


# one short aside between commas, no figure and no clause mark in it (", la più colpita, ",
# ", the hardest hit, "): an apposition to the place before it
_APPOSITION = regexcache.compile(r"\s*,\s*(?:[^\W\d]+[\s'’-]+){0,4}[^\W\d]+\s*,\s*")
_APPOSITION_END = regexcache.compile(r"\s*,\s*(?:[^\W\d]+[\s'’-]+){0,4}[^\W\d]+\s*,\s*\Z")


# the clause of one figure between a fronted place and a coordinated figure ("Solo a Valcorvo
# siamo già a oltre 80 morti, e almeno 20 dispersi"): a number, no clause mark
_ONE_FIGURE_GAP = regexcache.compile(r"[^.;:()\d]*\d[\d.,']*[^.;:()\d]*\Z")


# a figure (not a year) and at most two words right before a locative: "3 morti a Forlì"
_FIGURE_BEFORE = regexcache.compile(r"(?<![\d.,'])(?!(?:19|20)\d\d\b)\d[\d.,']*(?:\s+\p{Ll}+){0,2}\s*\Z")


# per lexicon: its [places.areas] words in lower case, as one pattern
_TERRITORY_RE: dict[int, tuple[Lexicon, regex.Pattern]] = {}


def _raise_territories(text: str, lex: Lexicon) -> str | None:
    """``text`` with each territory word of ``lex`` written in lower case capitalised
    ("nel bolognese" -> "nel Bolognese"), or None when it holds none."""
    held = _TERRITORY_RE.get(id(lex))
    if held is None or held[0] is not lex:
        words = sorted((k.replace("-", " ") for k in lex.area_names), key=len, reverse=True)
        held = (lex, regex.compile(r"(?<![\p{L}'’])(?:" + "|".join(map(regex.escape, words))
                                   + r")(?![\p{L}])"))
        _TERRITORY_RE[id(lex)] = held
    out, last = [], 0
    for m in held[1].finditer(text):
        out.append(text[last:m.start()] + m.group()[:1].upper() + m.group()[1:])
        last = m.end()
    return "".join(out) + text[last:] if out else None


def _names_region(text: str, s: int, e: int, lex: Lexicon) -> bool:
    """Is the name at ``text[s:e]`` told as a region by a noun right after it or right
    before it ("the Valencia region", "la regione di Valencia")?"""
    if not lex.area_regions:
        return False
    after = [w.strip(",.;:").casefold() for w in text[e:e + 30].split()[:1]]
    before = [w.casefold() for w in text[max(0, s - 30):s].split()[-2:]]
    return any(w in lex.area_regions for w in after + before)


def _previous_items(text: str, m: regex.Match, start: int, lex: Lexicon) -> bool:
    """Is the place ``m`` before a figure the previous item's of a list by place? It follows
    another figure, and only a comma or a coordinator stands between it and this figure
    ("7 a Valcorvo, 4 a Borgoverde e 1 nel circondario": the 1 is not Borgoverde's), while
    a place right before the figure is its own ("5.894 in Grecia, in Turchia 1.932")."""
    gap = text[m.end():start].strip()
    if not gap or gap.strip(",;").strip().casefold() not in {"", *lex.source_coordinators}:
        return False
    return _FIGURE_BEFORE.search(text, max(0, m.start() - _AREA_NEAR), m.start()) is not None


def _shares_place(text: str, gap_start: int, c_start: int, start: int, lex: Lexicon) -> bool:
    """Does a figure coordinated with the one after a fronted place count in that place too?
    Its clause opens with a coordinator ("e", "and"), only one figure stands between the place
    and it, and its clause names no toll ("..., and the national toll rose to 300")."""
    if not lex.source_coordinators:
        return False
    head = text[c_start:start].strip().split(" ", 1)[0].casefold()
    if head not in lex.source_coordinators:
        return False
    if _ONE_FIGURE_GAP.match(text, gap_start, c_start) is None:
        return False
    return lex.toll_noun_re is None or lex.toll_noun_re.search(text, c_start, start) is None


def _locative(m: regex.Match) -> str:
    """The first word of the locative before a name found ("in" of "in provincia di")."""
    return m.string[m.start():m.start("place")].split()[0].casefold()


def _names_event(text: str, start: int, end: int, lex: Lexicon) -> bool:
    return lex.event_noun_re is not None and lex.event_noun_re.search(text, start, end) is not None


def _is_area_name(m: regex.Match, lex: Lexicon, known: Callable[[int, int], bool] | None,
                  offset: int = 0) -> bool:
    """Can the name ``m`` found name an area? Not a month, weekday or outlet (``_slugs``),
    not a demonym ("at Italian hotel"), and after a modifier ("in the Turia river") only a
    place the gazetteer knows (``known``, over sentence offsets: ``offset`` is ``m``'s)."""
    if not _slugs([m], lex):
        return False
    name = m.group("place")
    if any(s == 0 and e == len(name) for s, e, _ in lex.side_people.find(name)):
        return False
    modified = "mods" in m.re.groupindex and bool(m.group("mods"))
    return not modified or known is None or known(m.start("place") + offset,
                                                  m.end("place") + offset)


def force_side(text: str, start: int, ctx: ArticleContext) -> str | None:
    """Whose force a ``troops`` figure counts outside a war, when no side is named with it:
    the party its sentence names before it ("Spain's prime minister announced 10,000
    soldiers"), else the country of the place the article is about ("5.000 soldati saranno
    destinati a Valencia", in an article about Spain): an army helps at home."""
    party = ctx.lex.sides.first(text[:start])
    if party is not None:
        return party
    a = ctx.auto
    if a is None or a.place is None or not a.place.country:
        return None
    return _country_parties(ctx.rules_root).get(a.place.country)


@lru_cache(maxsize=4)
def _country_parties(root: Path | None) -> dict[str, str]:
    """ISO country code -> the party id of that country (``rules/parties.toml``)."""
    return {p.country: p.id for p in load_parties(root).parties if p.country}


@lru_cache(maxsize=4)
def _country_codes(root: Path | None) -> dict[str, str]:
    """The slug of a country's name in any language -> its ISO code: Babel's names in
    each language, and the name a country party is named by (its id: "Turkey", no longer
    CLDR's), not its other names ("Ankara", "Damasco": towns)."""
    out: dict[str, str] = {}
    for code, raws in country_names().items():
        for raw in raws:
            for name in babel_names(raw):
                out.setdefault(_slugs_of(name), code)
    for p in load_parties(root).parties:
        if p.country:
            out.setdefault(p.id, p.country)
    return out


def _named_span(m: regex.Match, offset: int, lex: Lexicon) -> tuple[int, int, str]:
    return m.start("place") + offset, m.end("place") + offset, _slugs([m], lex)[0]


def _one_place(text: str, lex: Lexicon, near: int = -1, window: int | None = None,
               known: Callable[[int, int], bool] | None = None, offset: int = 0,
               genitive: bool = True, rx: regex.Pattern | None = None
               ) -> tuple[int, int, str] | None:
    """The one named place whose locative starts in ``text[:window]`` (or the first, when
    it starts within ``near`` characters), as (start, end, slug) of its name; None after an
    event's noun ("morte nella valanga in Val Bruna": the event's place, not an area); and
    not after a genitive unless ``genitive`` ("quattro ragazzi di Torre del Greco": where
    they came from, not where they died; "il bilancio di Valcorvo" is Valcorvo's). ``rx``:
    the pattern of a locative and its name, if not the area's."""
    rx = rx or lex.area_re or lex.place_re
    if rx is None:
        return None
    window = len(text) if window is None else window
    after_event = (lex.event_noun_re is not None
                   and lex.event_noun_re.search(text[:window]) is not None)
    matches = [m for m in rx.finditer(text)
               if m.start() < window and _is_area_name(m, lex, known, offset)
               and (genitive or _locative(m) not in lex.area_genitives)]
    names = _slugs(matches, lex)
    if len(names) != 1 and not (names and matches[0].start() <= near):
        return None
    if after_event and not _restricted(matches[0], lex):
        return None
    return _named_span(matches[0], 0, lex)


def _restricted(m: regex.Match, lex: Lexicon) -> bool:
    """Is the place ``m`` restricted to itself by an "only" word ("nella sola Siria", "in
    Syria alone")? Then it is a figure's area even after the event's noun."""
    if not lex.area_only:
        return False
    mods = m.group("mods").split() if "mods" in m.re.groupindex and m.group("mods") else []
    nxt = m.string[m.end():m.end() + 12].split()
    return any(w.casefold() in lex.area_only for w in mods + nxt[:1])


def _is_whole(area: str | Place, text: str, ctx: ArticleContext,
              named: list[tuple[int, int, Place]] | None = None) -> bool:
    """Is ``area`` (a place, or the slug of a name the gazetteer does not know) the
    article's own place, or one around it, in a sentence that names no other place (or a
    country around it: "died in Spain's eastern region of Valencia")? Then the figure
    counts the whole event, not a part of it. (``named``: the gazetteer's places of the
    sentence, if already read.)"""
    a = ctx.auto
    if a is None or a.place is None:
        return False
    lang = ctx.article.lang
    if named is None:
        named = a.gaz.find(text, lang, locatives(lang, ctx.rules_root))
    if isinstance(area, Place):
        found = [area]
    else:
        found = ([p for s, e, p in named if _slugs_of(text[s:e]) == area]
                 or [p for _, _, p in a.gaz.find(area.replace("-", " ").title(), lang)])
    # a town is one of the places an event hits ("15 missing in Amatrice"), even the one
    # the article names most; a country, region or island is the event's own
    if not found or not all(p.level != "town" and _around(p, a.place, a.gaz) for p in found):
        return False
    home = {_slugs_of(text[s:e]) for s, e, p in named if _around(p, a.place, a.gaz)}
    # the places the gazetteer does not know count too ("in Amatrice alone ... in Arquata")
    others = [n for n in named_places(text, ctx.lex) if n not in home] + [
        p for _, _, p in named if not _around(p, a.place, a.gaz)]
    if all(p.level == "country" for p in found):
        # a country is the whole unless the sentence also puts something in another
        # country (after a locative: "5.894 in Turchia, 1.932 in Siria"), not just names
        # one ("Russia lost 300 soldiers in Ukraine": a party, not a place)
        codes = _country_codes(ctx.rules_root)
        # an event the article says struck two countries ("il sisma che ha colpito Turchia
        # e Siria"): one of them is a part, unless the sentence names them together
        joint = _joint_countries(ctx.outer or ctx)
        mine = {p.country for p in found}
        if mine <= joint and len(joint) > len(mine) and not mine <= _joint_in(text, ctx):
            return False
        return not any(codes.get(n) not in (None, *(p.country for p in found))
                       for n in others if isinstance(n, str))
    return not others


# two country names joined: "Turchia e Siria", "Turkey, Syria", "Turchia-Siria"
_JOINT_GAP = regexcache.compile(r"\s*(?:[-–/,&]|\s(?:e|ed|and|und|y)\s)\s*\Z")


@lru_cache(maxsize=4)
def _country_name_re(root: Path | None) -> regex.Pattern:
    """Every country's name in any language (the keys of :func:`_country_codes`)."""
    names = sorted(_country_codes(root), key=len, reverse=True)
    alt = "|".join(r"[-\s]".join(map(regex.escape, n.split("-"))) for n in names)
    # through the pattern cache: a pattern of every name, ~0.2-0.3 s to compile in each process
    return regexcache.compile(rf"(?<![\p{{L}}])(?:{alt})(?![\p{{L}}])", regex.IGNORECASE)


def _joint_in(text: str, ctx: ArticleContext) -> set[str]:
    """The ISO codes of the countries ``text`` names joined to another ("Turkey, Syria")."""
    codes = _country_codes(ctx.rules_root)
    found = [(m.start(), m.end(), codes.get(_slugs_of(m.group().replace("-", " "))))
             for m in _country_name_re(ctx.rules_root).finditer(text)
             if m.group()[:1].isupper()]
    out: set[str] = set()
    for (_, e1, c1), (s2, _, c2) in zip(found, found[1:]):
        if c1 and c2 and c1 != c2 and _JOINT_GAP.match(text[e1:s2] + "") is not None:
            out.update((c1, c2))
    return out


def _joint_countries(ctx: ArticleContext) -> frozenset[str]:
    """The countries the article says its event struck together: named joined to another
    country in a sentence that names what happened ("the quake that hit Turkey and Syria",
    "Terremoto Turchia-Siria"), once per article. Only such sentences count: a list of
    donors ("aid from France and Germany") is no place struck."""
    def compute() -> frozenset[str]:
        a = ctx.auto
        out: set[str] = set()
        title = ctx.article.title or ""
        if title and _names_event(title, 0, len(title), ctx.lex):
            out |= _joint_in(title, ctx)
        for i, text in enumerate(ctx.texts):
            if a is not None and i < len(a.types) and a.types[i]:
                out |= _joint_in(text, ctx)
        return frozenset(out)
    return ctx.once("joint_countries", -1, compute)


def _slugs_of(name: str) -> str:
    return "-".join(name.casefold().replace("’", "'").split())


def _around(p: Place, home: Place, gaz: Gazetteer) -> bool:
    return p.id == home.id or gaz.within(home, p)


# the side of a figure that counts one area of a breakdown by place: "area:rieti"
AREA_PREFIX = "area:"
# periods that say when counting started or nothing at all, not when the deaths happened
_OPEN_KINDS = frozenset({"article", "since", "since_start"})


def _period(r: Resolved | None) -> Period | None:
    if r is None or r.start is None or r.end is None:
        return None
    return r.start, r.end


def _event_window(ctx: ArticleContext, curated: Event | None, event_id: str | None
                  ) -> int | None:
    """The days an automatic event's type keeps being reported (``window_days``), None for
    a curated event (its own span says how long it lasts) or no event."""
    parts = parse_auto(event_id)
    if curated is not None or parts is None or ctx.auto is None:
        return None
    return ctx.auto.vocab.window_days(parts.kind)


def _event_start(ctx: ArticleContext, curated: Event | None, event_id: str | None
                 ) -> date | None:
    """The day a figure's event began: as the article tells it ("the floods that began on
    May 3"), else as its event's span starts; never the first of the month an automatic
    event's id names (a day the event did not begin on: "in the first hours after the
    blast" of 17 October is no count of 1 October)."""
    told = ctx.once("told_start", -1,
                    lambda: told_start(ctx.texts, ctx.lex, ctx.base, ctx.phrases))
    if told is not None:
        return told
    span = _event_span(ctx, curated, event_id)
    return span[0] if span is not None else None


def claim_context(ctx: ArticleContext, claim: Claim) -> Claim:
    """``claim`` with period, event, side and source filled in."""
    article = ctx.article
    index = ctx.starts.get(claim.quote_start)
    if index is None:  # a quote that is not one of our sentences: read it alone
        # (its automatic event still comes from the whole article's home town)
        ctx = replace(ctx, texts=(claim.quote,), starts={claim.quote_start: 0},
                      claimed=frozenset({0}), cue_keys=None, memo={}, outer=ctx)
        index = 0
    texts = ctx.texts
    text = texts[index]
    start = max(0, claim.quantity.start - claim.quote_start)
    end = max(start, claim.quantity.end - claim.quote_start)
    lex = ctx.lex
    clause = clause_of(text, start, end, lex)  # the same for every question below

    r = figure_period(texts, index, start, end, lex, ctx.base, ctx.phrases, clause)
    if r is not None and r.how != "article" and _dates_a_building(ctx, index, r):
        # "Grenfell-like towers were built in 1974 ... home to 600 people": the year the
        # building was made is no date of the figure nor of its event: it has the report's
        r = (Resolved(ctx.base.start, ctx.base.end, "article", None, "article")
             if ctx.base is not None else None)
    stated = r is not None and r.how != "article"
    period = _period(r)
    event_period = r.anchor if stated and r.anchor is not None else period
    how_for_event = r.how if r is not None else None
    if r is not None and r.kind == "since_start" and ctx.base is not None:
        # "dall'inizio della guerra": the war is the one going on when the article was written
        stated, event_period, how_for_event = False, (ctx.base.start, ctx.base.end), "article"

    curated, event_id, event_how = _event(ctx, index, clause, claim.metric, event_period,
                                          how_for_event, stated,
                                          r.kind if r is not None else None, start)

    period_how = r.how if r is not None else None
    p_start, p_end = (r.start, r.end) if r is not None else (None, None)
    if curated is not None:
        span = curated.span(ctx.base.end if ctx.base else None)
        if r is not None and r.kind == "since_start":
            p_start = curated.start  # "dall'inizio della guerra"
        elif (r is None or r.kind in _OPEN_KINDS) and curated.end is not None and (
                ctx.base is None or curated.end < ctx.base.start):
            # a finished event and no date of its own ("una guerra che uccise circa
            # 30.000 persone", "dal 1992"): the figure counts the whole event
            p_start, p_end, period_how = span[0], span[1], "event"
    if period_how in (None, "article") and getattr(parse_auto(event_id), "earlier", False):
        # an event over before the report, at a date it does not state ("the Amatrice quake
        # had killed 299"): not the report's time, and none known
        p_start, p_end, period_how = None, None, None
    if (period_how in (None, "article") or (r is not None and r.kind == "since")) and (
            told := _background_span(ctx, event_id)) is not None:
        # an earlier event dated by its trigger's year or by the sentence it goes on from
        # ("the 1998 cyclone killed 1,200", "... hit Agadir in 1960. It killed 12,000"), or
        # by the year a "since" names ("the deadliest since 1960, when a quake killed
        # 12,000"): the figure counts that event, not the report's day nor the years since
        p_start, p_end, period_how = told[0], told[1], "event"
    if period_how in (None, "article"):
        # no date of its own: a running count counts from its event's start to the report,
        # an undated article's figure is its event's (see ``asof``)
        p_start, p_end, period_how = unstated_period(
            (p_start, p_end, period_how),
            cumulative=claim.metric in ctx.once(  # a stat of the file, once per article
                "cumulative", -1, lambda: cumulative_metrics(ctx.rules_root)),
            event=_event_span(ctx, curated, event_id),
            report=publication_span(article.published, article.published_precision,
                                    article.published_how),
            # a count told as still running is never an old event's own (see ``asof``)
            window=(None if still_running(text, clause, lex)
                    else _event_window(ctx, curated, event_id)))
    if r is not None and r.kind == "first_day" and (
            first := _event_start(ctx, curated, event_id)) is not None:
        # "on the first day alone 21 died": the event's first day
        p_start, p_end, period_how = first, first, "event"

    # the article's part once per article, the sentence's once per sentence (the article's
    # prose searched again for each sentence made a long file quadratic)
    conflict = (ctx.once("conflict", -1, lambda: is_conflict(ctx.prose, "", lex))
                or ctx.once("conflict", index, lambda: is_conflict("", text, lex)))
    side = side_of(claim.side, claim.who, text, start, end, lex, clause, conflict)
    if side is None and (area := area_of(text, start, end, ctx, clause, index,
                                         claim.metric)) is not None:
        side = f"{AREA_PREFIX}{area}"  # a part of a breakdown by place, summed like sides
    if side is None and claim.metric in _NO_AREA and not ctx.once(
            "conflict", -1, lambda: is_conflict(ctx.prose, "", lex)):
        side = force_side(text, start, ctx)  # an army at work in a disaster
    if side is None:
        side = default_side(claim.who, text, end, lex)
    subgroup = claim.subgroup or subgroup_of(claim.who, text, end, lex,
                                             subgroup_data(lex.lang, ctx.rules_root), conflict)
    source = source_of(texts, index, start, end, lex, ctx.sources, ctx.claimed,
                       part=(side or "").startswith(AREA_PREFIX),
                       paragraphs=lambda: ctx.paragraphs, metric=claim.metric)
    if source is not None and names_outlet(source, article.outlet, lex):
        source = None  # the outlet naming itself ("a Reuters tally" in a Reuters story)
    if source is not None:
        source_kind = "attributed"
    elif article.outlet:
        source, source_kind = article.outlet, "outlet"
    else:
        source_kind = None
    party = source_party(source, lex) if source_kind == "attributed" else None
    return replace(claim, side=side, period_start=p_start, period_end=p_end,
                   period_how=period_how, event=event_id, event_how=event_how,
                   source=source, source_kind=source_kind, published=article.published,
                   subgroup=subgroup, source_party=party,
                   source_type=source_type(source, source_kind, lex))


def add_context(article: Article, sentences: Sequence[Sentence], claims: Sequence[Claim],
                rules_root: Path | None = None,
                step: Callable[[], None] | None = None) -> list[Claim]:
    """Each claim with its period, event, side and source (same order and count);
    ``step`` is called after each claim (progress on a long file)."""
    if not claims:
        return []
    if article.lang not in LANGS:
        # no context data for this language: keep the claims, with the outlet as source
        return [replace(c, published=article.published,
                        source=c.source or article.outlet,
                        source_kind=c.source_kind or ("outlet" if article.outlet else None))
                for c in claims]
    # an invalid context or events file raises FactcheckError naming it: never ignored
    ctx = article_context(article, sentences, rules_root)
    ctx = replace(ctx, claimed=frozenset(
        i for i in (ctx.starts.get(c.quote_start) for c in claims) if i is not None))
    out = []
    for c in claims:
        out.append(claim_context(ctx, c))
        if step is not None:
            step()
    # a figure repeated with a date of its own elsewhere is as of that day
    report = publication_span(article.published, article.published_precision,
                              article.published_how)
    return link_article(dated_twins(out, report), ctx.texts, ctx.starts, article.lang,
                        rules_root)
