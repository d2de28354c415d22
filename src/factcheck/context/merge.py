"""Automatic events of different articles that are one event, merged.

Each article's figures get automatic ids on their own (``auto:<type>:<place>:<yyyy-mm>``,
:mod:`.events`); this stage, run once over all the claims after extraction, joins the ids
that name one event: compatible types (:mod:`.event_types`), places in one hierarchy
(a hamlet and its town, a town and its region) or within the type's reach, and dates within
the type's window. Merging is transitive (connected components) and deterministic: the
result depends on the set of claims only, never on their order. Events are indexed by
country and sorted by date, so only neighbours in time are compared.

Towns and hamlets are joined first; a region, a country, an undated report or one naming
no type of event (``auto:event:...``) then joins the one event it can mean (of its own
type, when several; of those, the one at its own place rather than one it meets only as
a town of a city's metro area). An undated report of a town inside a big city's metro area
(:func:`.gazetteer.in_metro`: Savar, 22 km from Dhaka's centre) meets an event of its own type
in that city beyond the type's reach. A town of :data:`SEAT_POPULATION` stands for its
province (the gazetteer has none). An event known by its own name (``name-maria``, a storm) is indexed
by that name and joins reports naming it over the type's ``name_window_days``; where its
article says it struck (``name-maria@puerto-rico``) it is also indexed under that place's
country, and a report there naming only the type (``storm:puerto-rico``, ``storm:san-juan``)
joins the one named event near it (never one of two: two named storms never merge).

An earlier episode dated by its day (``auto:flood:cesena:2023-05-02``: "the first floods, on
2 May", in a report on the floods of 16 May) meets only reports of that episode dated so,
within :data:`EPISODE_DAYS`, as a year-only mention meets only year-only ones.

The archive merges incrementally with the same functions: every union joins two mentions
:func:`near` each other, so the mentions reachable from the new ones through :func:`near`
(:func:`neighbourhood`) merge among themselves exactly as in a merge of everything, and
the rest keep their events.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from ..model import Claim
from .event_types import Vocabulary, vocabulary
from .events import AT, SITE_PREFIX, auto_id, is_name, is_site, parse_auto, slot_parts
from .gazetteer import Gazetteer, Place, distance_km, gazetteer, in_metro, km
from .sites import site_rules

_FINE = frozenset({"town", "local"})
# an article that names no type of event ("auto:event:..."): any type, at its place and time
_UNKNOWN = "event"
# a town this big is also its province's seat, named for the whole province ("la Prefettura
# di Pescara", "the mayor of Naples"): the gazetteer has no provinces, so a town of its region
# this close (or three times the type's reach, if less) is inside it
SEAT_POPULATION = 50_000
SEAT_REACH_KM = 60.0
# two reports of one earlier episode told by its day ("2 May", "between 2 and 3 May") date
# it this close
EPISODE_DAYS = 3
# a report published this long after an event's month tells of it as past (as the claims
# reader's background rule: a figure dated this long before its report is an earlier event)
RECALL_AFTER = timedelta(days=60)


@dataclass(frozen=True)
class Mention:
    """One automatic id as the articles use it."""

    id: str
    kind: str
    place: str
    start: date | None  # None: undated
    end: date | None
    year_only: bool
    docs: frozenset[str]
    # dated by its day: an earlier episode a report tells apart from its own event ("the
    # first floods, on 2 and 3 May"); it meets only reports of that episode, told so too
    day_only: bool = False
    # told as over before its report, undated ("aveva ucciso", "had killed": ``:earlier``):
    # it meets only events told so
    earlier: bool = False
    # told apart from its report's own event ("11 lives unrelated to the hotel disaster":
    # ``:apart``): it meets only events told so
    apart: bool = False
    # told as one series struck at once over the places it holds (``:series``): it joins
    # the events of every one of those places, of a compatible type, in its window
    series: bool = False

    @property
    def name(self) -> str | None:
        """The event's own name slot ("name-maria"), or None."""
        slot = slot_parts(self.place)[0]
        return slot if slot is not None and is_name(slot) else None

    @property
    def site(self) -> str | None:
        """The site slot of an event known by its site ("site-marmolada"), or None."""
        slot = slot_parts(self.place)[0]
        return slot if slot is not None and is_site(slot) else None

    @property
    def where(self) -> str | None:
        """The place slug (a named event's, where its article says it struck), or None."""
        return slot_parts(self.place)[1]

    @property
    def spot(self) -> str | None:
        """The site slot this mention names or could name: its site, or for a report of a
        place alone the site of that place's name ("valcorvo" -> "site-valcorvo"): a town
        the gazetteer lacks that another report took for a site is still one spot."""
        if self.site is not None:
            return self.site
        return None if self.name is not None else SITE_PREFIX + self.place


def mention(eid: str, published: Iterable[date | None], docs: Iterable[str]) -> Mention:
    """The mention of automatic id ``eid`` by the articles ``docs``, published on
    ``published`` (a dated mention lasts from its month to its latest report)."""
    parts = parse_auto(eid)
    if parts is None:
        raise ValueError(f"not an automatic event id: {eid!r}")
    if parts.year is None:  # an undated article: joins an event by type and place only
        start, end = None, None
    elif parts.month is None:
        start, end = date(parts.year, 1, 1), date(parts.year, 12, 31)
    elif parts.day is not None:  # an episode over before its reports: its day alone
        start = end = date(parts.year, parts.month, parts.day)
    else:
        start = date(parts.year, parts.month, 1)
        nxt = date(parts.year + parts.month // 12, parts.month % 12 + 1, 1)
        # a report this long after the month recalls it as past ("the factory fire in
        # November", in a report on April's collapse): it does not stretch the event to its
        # own date, where it would meet the report's own event
        recalled = nxt + RECALL_AFTER
        end = max([start, *(d for d in published if d is not None and d < recalled)])
    return Mention(eid, parts.kind, parts.place, start, end, parts.month is None,
                   frozenset(docs), parts.day is not None, parts.earlier, parts.apart,
                   parts.series)


def combined(a: Mention, b: Mention) -> Mention:
    """One id's mentions by two sets of articles (an archive's and new ones), as one."""
    end = None if a.end is None else max(a.end, b.end)
    return replace(a, end=end, docs=a.docs | b.docs)


def claim_mentions(claims: Iterable[Claim]) -> list[Mention]:
    """The automatic ids of ``claims`` as mentions, by id."""
    by_id: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if parse_auto(c.event) is not None:
            by_id[c.event].append(c)
    return [mention(eid, (c.published for c in by_id[eid]), (c.doc for c in by_id[eid]))
            for eid in sorted(by_id)]


class _Union:
    def __init__(self, items):
        self.parent = {i: i for i in items}

    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def _near(a: Mention, b: Mention, pa: Place | None, pb: Place | None, gaz: Gazetteer,
          vocab: Vocabulary, site_reach: float = 100.0) -> bool:
    """May mentions ``a`` and ``b`` be one event (types, time and place)?"""
    if not (vocab.compatible(a.kind, b.kind) or _UNKNOWN in (a.kind, b.kind)):
        return False
    if vocab.contains(a.kind, b.kind) or vocab.contains(b.kind, a.kind):
        return False  # a war and one of its strikes: their tolls are never one count
    if a.earlier != b.earlier:
        return False  # an event told as over before its report is never a report's own
    if a.apart != b.apart:
        return False  # nor one a report tells apart from its own
    if a.name is not None and b.name is not None and a.name != b.name:
        return False  # two storms of their own names are two, wherever they struck
    named = a.name is not None and a.name == b.name
    # one site named by both ("il crollo sulla Marmolada", "the Marmolada glacier collapse"),
    # where both say it lies near each other (or one does not say); or a site and a place of
    # its name (one report's "frana di Valcorvo" a site, another's "a Valcorvo" a town)
    sited = _same_spot(a, b) and _one_site(pa, pb, gaz, site_reach)
    if a.start is not None and b.start is not None:
        if a.year_only != b.year_only and not named:
            return False
        if a.day_only != b.day_only and not named:
            return False  # an earlier episode is never the event its report tells after it
        # a storm called by its name is that storm in a report a year on
        # and a ship or a building named by both is that ship's wreck, that building's
        # collapse, in a report months on (:meth:`.event_types.Vocabulary.site_window`)
        # two reports of a country-wide disaster keyed at one country (a monsoon's floods
        # told from its provinces) are one over the type's season
        country = (pa is not None and pb is not None and pa.id == pb.id
                   and pa.level == "country" and not a.day_only and not b.day_only)
        window = timedelta(days=vocab.name_window(a.kind, b.kind) if named
                           else max(vocab.country_days(a.kind, b.kind),
                                    vocab.window_days(a.kind, b.kind)) if country
                           else EPISODE_DAYS if a.day_only
                           else vocab.site_window(a.kind, b.kind)
                           if a.site is not None and a.site == b.site
                           else vocab.window_days(a.kind, b.kind))
        if a.start > b.end + window or b.start > a.end + window:
            return False
    if named or sited or a.place == b.place or (a.where is not None and a.where == b.where):
        return True
    if pa is None or pb is None:
        return False
    if gaz.within(pa, pb) or gaz.within(pb, pa):
        return True
    if gaz.may_hold(pa, pb) or gaz.may_hold(pb, pa):
        # "floods in Sindh" and "floods in Larkana": a region whose towns the gazetteer
        # cannot tell may hold the town (a region is never fine: it joins only the one
        # event it can mean)
        return True
    if (a.start is None or b.start is None) and a.kind == b.kind \
            and (in_metro(pa, pb) or in_metro(pb, pa)):
        # an undated report of a town inside a city's metro area meets one of its own type
        # in that city ("the factory that collapsed in Savar", "near Dhaka"), beyond the
        # type's reach: it then joins the one event it can mean (two dated reports keep to
        # the reach: two cities' collapses of one day are two)
        return True
    d = distance_km(pa, pb)
    if d is None:
        return False
    # a report naming no type meets an event by place alone, never by a type's reach
    reach = 0.0 if _UNKNOWN in (a.kind, b.kind) else vocab.reach_km(a.kind, b.kind)
    # a seat stands for its province as far as the type spreads at all (a collapse in the
    # city is not one 40 km away)
    seat = SEAT_REACH_KM if _UNKNOWN in (a.kind, b.kind) else min(SEAT_REACH_KM, 3 * reach)
    return d <= reach or (d <= seat and _seat_and_town(pa, pb))


def _metro_only(a: Mention, b: Mention, place: Mapping[str | None, Place | None],
                gaz: Gazetteer) -> bool:
    """Do ``a`` and ``b`` name two towns, neither holding the other, one in the other's
    metro area (:func:`.gazetteer.in_metro`)? Then nothing but that area joins them."""
    pa, pb = place.get(a.where), place.get(b.where)
    if pa is None or pb is None or pa.id == pb.id or gaz.within(pa, pb) or gaz.within(pb, pa):
        return False
    return in_metro(pa, pb) or in_metro(pb, pa)


def _same_spot(a: Mention, b: Mention) -> bool:
    """Do ``a`` and ``b`` name one site, or one a site and the other a place of its name?"""
    return (a.site is not None or b.site is not None) and a.spot == b.spot


def _one_site(pa: Place | None, pb: Place | None, gaz: Gazetteer, reach: float) -> bool:
    """May two reports placing a site of one name at ``pa`` and ``pb`` mean one site: one
    does not say where, one place holds the other, or both lie in one country within
    ``reach`` km (the town at its foot, the province's seat)?"""
    if pa is None or pb is None or gaz.within(pa, pb) or gaz.within(pb, pa):
        return True
    if pa.country != pb.country:
        return False
    here, there = gaz.point(pa), gaz.point(pb)
    return here is None or there is None or km(here, there) <= reach


def _shared(a: Mention, b: Mention, p: Place | None) -> bool:
    """Do two reports naming one place ``p`` share enough to be one event? An undated one
    shares a town (or a place the gazetteer lacks), or a region or a country with a report
    of its own type, never of a type merely compatible: "a collapse in Italy", undated, is
    not the avalanche another report dates and places in Italy (which may have joined an
    event far from any place of its own)."""
    if a.start is not None and b.start is not None:
        return True
    return p is None or p.level in _FINE or a.kind == b.kind


def _seat_and_town(a: Place, b: Place) -> bool:
    """Is one of two towns of one region a province's seat (:data:`SEAT_POPULATION`)?"""
    return (a.level == b.level == "town" and a.country == b.country and a.admin1 == b.admin1
            and max(a.population, b.population) >= SEAT_POPULATION)


def bucket(m: Mention, rules_root: Path | None = None) -> str:
    """The index a mention is merged within: its place's country (``?<place>`` for a place
    the gazetteer does not know: it meets only its own id's place; ``?<name>`` for an event
    known by its name)."""
    if m.name is not None:
        return f"?{m.name}"
    if m.site is not None:
        # a site's reports meet by it (and by where it lies: buckets), in one index with a
        # place of its name the gazetteer lacks (a report that took the name for a town's):
        # an undated report sees the events of both at once
        return _place_bucket(m.site)
    p = gazetteer(rules_root).get(m.place)
    return p.country if p is not None and p.country else f"?{m.place}"


def buckets(m: Mention, rules_root: Path | None = None) -> tuple[str, ...]:
    """Every index a mention is merged within: :func:`bucket`, and for a named event or a
    site the country where its article says it struck (a report naming the type and place
    meets it)."""
    first = bucket(m, rules_root)
    p = (gazetteer(rules_root).get(m.where)
         if (m.name is not None or m.site is not None) and m.where else None)
    return (first, p.country) if p is not None and p.country else (first,)


def _place_bucket(site: str) -> str:
    """The index of an unlisted place named as site slot ``site`` ("site-valcorvo" ->
    "?valcorvo", :func:`bucket`)."""
    return "?" + site[len(SITE_PREFIX):]


def longest_window(rules_root: Path | None = None, named: bool = False,
                   sited: bool = False) -> timedelta:
    """The longest time two mentions may lie apart and still be one event (``named``: two
    mentions of an event by its own name, :func:`.events.is_name`; ``sited``: two naming one
    site)."""
    vocab = vocabulary(rules_root)
    if not vocab.types:
        return timedelta(days=30)
    if named:
        return timedelta(days=max(vocab.name_window(t) for t in vocab.types))
    if sited:
        return timedelta(days=max(vocab.site_window(t) for t in vocab.types))
    return timedelta(days=max(max(t.window_days, t.country_days) for t in vocab.types.values()))


def _windows(rules_root: Path | None) -> dict[str, timedelta]:
    """The longest windows, for mentions of a place, of a name and of a site."""
    return {"place": longest_window(rules_root), "name": longest_window(rules_root, True),
            "site": longest_window(rules_root, sited=True)}


def _window_of(m: Mention) -> str:
    """Which of :func:`_windows` bounds the mentions ``m`` may meet."""
    return "name" if m.name is not None else "site" if m.site is not None else "place"


def near(a: Mention, b: Mention, rules_root: Path | None = None) -> bool:
    """May mentions ``a`` and ``b`` be one event (types, time and place)? Every union of
    :func:`merge_mentions` joins two mentions near each other."""
    gaz, vocab = gazetteer(rules_root), vocabulary(rules_root)
    pa = gaz.get(a.where) if a.where else None
    pb = gaz.get(b.where) if b.where else None
    # an undated earlier event and the dated one it may be (:func:`_join_earlier`)
    return _near(a, b, pa, pb, gaz, vocab, site_rules(rules_root).reach_km) \
        or _recalls(a, b, pa, pb, gaz, vocab) or _recalls(b, a, pb, pa, gaz, vocab)


# stored mentions of one bucket whose span meets [lo, hi] (all of it without dates), and
# its undated ones
Fetch = Callable[[str, "date | None", "date | None"], Iterable[Mention]]


def neighbourhood(seeds: Iterable[Mention], fetch: Fetch, rules_root: Path | None = None
                  ) -> list[Mention]:
    """``seeds`` and every stored mention reachable from them through :func:`near`, by id:
    no mention outside is near one inside, so merging these alone gives them the events a
    merge of everything gives (see :func:`merge_mentions`). A stored mention with a seed's
    id is the seed (give the seed combined with it, :func:`combined`)."""
    windows = _windows(rules_root)
    found = {m.id: m for m in seeds}
    todo = list(found.values())
    while todo:
        m = todo.pop()
        longest = windows[_window_of(m)]
        lo = None if m.start is None else m.start - longest
        hi = None if m.end is None else m.end + longest
        for b in buckets(m, rules_root):
            for s in fetch(b, lo, hi):
                if s.id not in found and near(m, s, rules_root):
                    found[s.id] = s
                    todo.append(s)
    return [found[k] for k in sorted(found)]


def event_map(claims: Sequence[Claim], rules_root: Path | None = None) -> dict[str, str]:
    """Each automatic id of ``claims`` -> the id of the event it is merged into."""
    return merge_mentions(claim_mentions(claims), rules_root)


def merge_mentions(mentions: Sequence[Mention], rules_root: Path | None = None
                   ) -> dict[str, str]:
    """Each mention's id -> the id of the event it is merged into (ids unique)."""
    mentions = sorted(mentions, key=lambda m: m.id)
    if len(mentions) < 2:
        return {m.id: _name(mentions, {}) for m in mentions}
    gaz, vocab = gazetteer(rules_root), vocabulary(rules_root)
    place = {m.where: gaz.get(m.where) for m in mentions if m.where}
    place[None] = None
    windows = _windows(rules_root)
    uf = _Union([m.id for m in mentions])

    site_reach = site_rules(rules_root).reach_km

    def near_(a: Mention, b: Mention) -> bool:
        return _near(a, b, place[a.where], place[b.where], gaz, vocab, site_reach)

    def is_fine(m: Mention, key: str) -> bool:
        # among the reports of one site, a dated one is as fine as a town's; elsewhere a site
        # is as fine as where it lies (a site "in Veneto" must not bridge two towns' events)
        return m.start is not None and m.kind != _UNKNOWN and (
            m.name is not None or place[m.where] is None or place[m.where].level in _FINE
            or (m.site is not None and key == _place_bucket(m.site)))

    buckets_: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        for b in buckets(m, rules_root):
            buckets_[b].append(m)
    # an event's own name first: its reports are one before a report naming its place meets it
    layers: list[tuple[list[Mention], list[Mention]]] = []  # per index: (fine, coarse)
    for key in sorted(buckets_, key=lambda k: (not k.startswith(f"?{_NAME}"), k)):
        ms = buckets_[key]
        ms.sort(key=lambda m: (m.start or date.min, m.id))
        named = [m for m in ms if m.name is not None]
        if key.startswith(f"?{_NAME}"):
            plain = ms  # the reports of one name
        else:
            plain = [m for m in ms if m.name is None]
        # a report naming no type of event joins afterwards, like a region: it must not
        # bridge two events of different types at one place (an avalanche, a helicopter crash)
        fine = [m for m in plain if is_fine(m, key)]
        coarse = [m for m in plain if not is_fine(m, key)]
        # a bucket of one event's name (its own: see bucket) spans the name's window, one
        # of a site's the site's
        longest = windows["name" if plain and plain[0].name is not None
                          else "site" if any(m.site is not None and key == _place_bucket(m.site)
                                             for m in plain)
                          else "place"]
        # towns and hamlets first: a region or a country must not bridge two towns' events
        for i, a in enumerate(fine):
            for b in fine[i + 1:]:
                if b.start > a.end + longest:
                    break
                if near_(a, b):
                    uf.union(a.id, b.id)
        if plain is not ms:
            # a town's report joins the one named event that struck there ("the hurricane
            # in San Juan" and "Hurricane Maria" in Puerto Rico), never one of two
            _join_named(fine, [n for n in named if is_fine(n, key)], uf, near_)
            fine = sorted(fine + [n for n in named if is_fine(n, key)],
                          key=lambda m: (m.start or date.min, m.id))
        layers.append((fine, coarse))
    # a region or an undated report joins the one event it can mean, by hierarchy, among
    # the events of every index it is in (a site's report is in its site's and its country's:
    # it must not join one event in each and so bridge two)
    candidates: dict[str, list[Mention]] = defaultdict(list)
    coarse_of: dict[str, Mention] = {}
    fine_ids = {f.id for fine, _ in layers for f in fine}
    for fine, coarse in layers:
        for c in coarse:
            coarse_of[c.id] = c
            pc = place[c.where]
            candidates[c.id] += [
                f for f in fine if near_(c, f)
                and (c.place == f.place or (c.where is not None and c.where == f.where)
                     or (f.name is not None and f.name == c.name)
                     or _same_spot(f, c)
                     or ((c.start is None or c.kind == _UNKNOWN)
                         and pc is not None and pc.level in _FINE)
                     or (pc is not None and place[f.where] is not None
                         and (gaz.within(place[f.where], pc) or gaz.within(pc, place[f.where])
                              or gaz.may_hold(pc, place[f.where]))))]
            # a site's dated report placed at or inside this one's place, no finer than a
            # region ("the ferry Stella Genova, off Sulawesi" and "a ferry sank off
            # Indonesia"): the event it may mean
            candidates[c.id] += [
                f for f in coarse if f is not c and f.site is not None and c.site is None
                and c.name is None and f.start is not None and c.where is not None
                and (f.where == c.where or (pc is not None and place[f.where] is not None
                                            and gaz.within(place[f.where], pc)))
                and near_(c, f)]
    # each event as the dated reports made it: its types, and the articles of its dated
    # mentions (read once, before the undated and coarse ones join)
    kinds_of: dict[str, set[str]] = defaultdict(set)
    dated_docs: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        r = uf.find(m.id)
        kinds_of[r].add(m.kind)
        if m.start is not None:
            dated_docs[r] |= m.docs
            if m.id in coarse_of:  # a region's dated mention: of the events it may join
                for f in candidates[m.id]:
                    dated_docs[uf.find(f.id)] |= m.docs
    # a series first: the events of its places are one before a region's report looks
    for cid in sorted(coarse_of, key=lambda i: (not coarse_of[i].series,
                                                coarse_of[i].start or date.min, i)):
        c, fs = coarse_of[cid], candidates[cid]
        # a report fine in another index is already in its event: one more would bridge two
        own = {uf.find(cid)} if cid in fine_ids else set()
        roots = sorted({uf.find(f.id) for f in fs} | own)
        if c.series and c.start is not None and cid not in fine_ids:
            # "a series of coordinated attacks" on three towns: the events of each of them
            # (of its own type or one compatible, within its window: its candidates)
            for r in roots:
                uf.union(cid, r)
            continue
        if len(roots) > 1:  # of several, the one event of its own type
            typed = [f for f in fs if f.kind == c.kind]
            roots = sorted({uf.find(f.id) for f in typed} | own)
            if len(roots) > 1 and c.start is None:
                # of several, the one at its own place (or in its hierarchy), not one it meets
                # only as a town of a city's metro area ("Thane" is Thane's collapse before
                # Mumbai's)
                typed = [f for f in typed if not _metro_only(c, f, place, gaz)]
                roots = sorted({uf.find(f.id) for f in typed} | own)
            if len(roots) != 1 and c.site is None and c.name is None and c.kind != _UNKNOWN:
                # else the one at its own place: an undated report on Viareggio joins the
                # event at Viareggio, not one at Lucca, a seat within reach (a site's report
                # says where its site lies, no place of its own; a report naming no type
                # has no type to tell events apart by)
                roots = sorted({uf.find(f.id) for f in (typed or fs)
                                if f.site is None and f.name is None and f.place == c.place}
                               | own)
        # only where it can mean one event, and never one its own article told apart, dated
        # and of other types only (an undated report on a collapse recalling "the factory
        # fire of May 2030 that killed 112": that fire's event, though a fire and a collapse
        # at one place may be one). A veto only, read on the events as the dated reports
        # made them: the undated mention stays undated, and merging again keeps it apart
        if len(roots) == 1 and (roots[0] in own or c.start is not None
                                or not c.docs & dated_docs.get(roots[0], set())
                                or c.kind in kinds_of.get(roots[0], ())):
            uf.union(cid, roots[0])
    _join_earlier(mentions, buckets_, place, gaz, vocab, uf, rules_root)
    for _, coarse in layers:
        for i, a in enumerate(coarse):
            for b in coarse[i + 1:]:
                if uf.find(a.id) == a.id or uf.find(b.id) == b.id:
                    # one place, or one site (undated reports of a site meet as of a place)
                    if (a.place == b.place or _same_spot(a, b)) \
                            and near_(a, b) and _shared(a, b, place[a.where]):
                        uf.union(a.id, b.id)
    clusters: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        clusters[uf.find(m.id)].append(m)
    out = {}
    for members in clusters.values():
        name = _name(members, place)
        for m in members:
            out[m.id] = name
    return out


_NAME = "name-"


def _join_earlier(mentions: Sequence[Mention], buckets_: Mapping[str, Sequence[Mention]],
                  place: Mapping[str | None, Place | None], gaz: Gazetteer, vocab: Vocabulary,
                  uf: _Union, rules_root: Path | None = None) -> None:
    """Each event told as over before its report with no date (``:earlier``: "a blaze some
    seven months earlier that left 80 dead", in an undated report on a collapse) joined to
    the one dated event it can mean: of a compatible type (its own, when several), at its
    place or in its hierarchy, over before the report's own event began (the event of the
    report's other figures, as the dated reports made it), and none of the report's own.
    A report whose own event is not dated keeps it apart: nothing says which came first."""
    members: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        members[uf.find(m.id)].append(m)
    joins: list[tuple[str, str]] = []  # read on the events as they stand, then made
    for e in sorted((m for m in mentions if m.earlier), key=lambda m: m.id):
        own = {uf.find(m.id) for m in mentions if m.docs & e.docs and not m.earlier}
        began = [m.start for r in own for m in members[r] if m.start is not None]
        if not began:
            continue
        first = min(began)
        pe = place.get(e.where)
        fits: dict[str, bool] = {}  # root -> of e's own type
        for b in buckets(e, rules_root):
            for f in buckets_.get(b, ()):
                r = uf.find(f.id)
                if f.start is None or f.earlier or f.apart or f.day_only or r in own \
                        or f.docs & e.docs or not vocab.compatible(e.kind, f.kind) \
                        or max(m.end for m in members[r] if m.end is not None) >= first:
                    continue
                pf = place.get(f.where)
                if not (f.place == e.place or (pe is not None and pf is not None and (
                        gaz.within(pe, pf) or gaz.within(pf, pe)))):
                    continue
                fits[r] = fits.get(r, False) or f.kind == e.kind
        roots = sorted(fits)
        if len(roots) > 1:
            roots = [r for r in roots if fits[r]]
        if len(roots) == 1:
            joins.append((e.id, roots[0]))
    for a, b in joins:
        uf.union(a, b)


def _recalls(a: Mention, b: Mention, pa: Place | None, pb: Place | None, gaz: Gazetteer,
             vocab: Vocabulary) -> bool:
    """May ``a``, an event told as over before its report with no date, be the dated event
    ``b`` (:func:`_join_earlier`'s place and type, not its time)?"""
    if not a.earlier or b.earlier or b.start is None or not vocab.compatible(a.kind, b.kind):
        return False
    return a.place == b.place or (pa is not None and pb is not None and (
        gaz.within(pa, pb) or gaz.within(pb, pa)))


def _join_named(fine: Sequence[Mention], named: Sequence[Mention], uf: _Union,
                near_: Callable[[Mention, Mention], bool]) -> None:
    """Each event of the reports ``fine`` (naming a place, no name) joined to the one
    event of ``named`` near one of its reports, if only one is."""
    found: dict[str, set[str]] = defaultdict(set)
    first: dict[str, str] = {}
    for f in fine:
        for n in named:
            if near_(f, n):
                root = uf.find(n.id)
                found[uf.find(f.id)].add(root)
                first.setdefault(root, n.id)
    for root in sorted(found):
        if len(found[root]) == 1:
            uf.union(root, first[next(iter(found[root]))])


def _name(members: list[Mention], place: dict[str | None, Place | None]) -> str:
    """The merged event's id: the name most articles call it by (with the place most of
    them say it struck), else the site most of them name (with the place most of them say
    it lies), else the type and place most articles name (ties: alphabetical), the earliest
    month."""
    if len(members) == 1 and members[0].name is None:
        return members[0].id
    kinds: Counter[str] = Counter()
    places: Counter[str] = Counter()
    names: Counter[str] = Counter()
    sites: Counter[str] = Counter()
    for m in members:
        kinds[m.kind] += len(m.docs)
        if m.name is not None:
            names[m.name] += len(m.docs)
        if m.site is not None:
            sites[m.site] += len(m.docs)
        p = place.get(m.where)
        if p is None or p.level in _FINE:
            places[m.place] += len(m.docs)
    if not places:
        for m in members:
            places[m.place] += len(m.docs)
    for m in members:
        # a report that took a site's name for a town's is a report of the site (merged
        # again, the event keeps where its site reports say it lies, and so its indexes)
        if m.site is None and m.name is None and m.spot in sites:
            sites[m.spot] += len(m.docs)
    if names:  # the type its name is given to ("storm"), not a report's looser one
        kinds = Counter({k: n for k, n in kinds.items()
                         if any(m.kind == k and m.name is not None for m in members)})
    # the type its dated reports give first (an undated one's looser "avalanche" must not
    # rename a dated collapse: merged again, the event meets the reports it met before)
    dated_kinds = Counter()
    for m in members:
        if m.start is not None:
            dated_kinds[m.kind] += len(m.docs)
    kind = min(kinds, key=lambda k: (-dated_kinds[k], -kinds[k], k))
    if names:
        # called by its name, where most of its reports say it struck (merged again, it
        # still meets the reports of that place as before)
        where = min(names, key=lambda k: (-names[k], k))
        at: Counter[str] = Counter()
        for m in members:
            if m.name == where and m.where is not None:
                at[m.where] += len(m.docs)
        if at:
            where += AT + min(at, key=lambda k: (-at[k], k))
    elif sites and 2 * max(sites.values()) >= sum(len(m.docs) for m in members):
        # a site's event by the site most of its reports name (half of them at least: one
        # report's landmark does not name a flood of a region), where most of them say it
        # lies (merged again, it meets the reports of that site and that place as before)
        where = min(sites, key=lambda k: (-sites[k], k))
        at: Counter[str] = Counter()
        dated_at: Counter[str] = Counter()

        def fine(k: str) -> bool:
            return place.get(k) is None or place[k].level in _FINE

        for m in members:
            # where its reports place the site, and the towns its other dated reports name
            if m.where is not None and (m.site == where or (
                    m.site is None and m.name is None and m.start is not None
                    and fine(m.where))):
                at[m.where] += len(m.docs)
                dated_at[m.where] += len(m.docs) if m.start is not None else 0
        if at:
            # where its dated reports place it, a town the gazetteer knows first: merged
            # again, the event is as fine, and indexed by the same country, as its dated
            # reports were (a site placed in a region alone would no longer keep an undated
            # report of the country from joining another event)
            where += AT + min(at, key=lambda k: (not (dated_at[k] and fine(k)),
                                                 place.get(k) is None, -dated_at[k], -at[k], k))
    else:
        where = min(places, key=lambda k: (-places[k], k))
    # the earliest month (a year alone only where no month is known: a storm's name joins
    # a report dated by its year alone)
    dated = [m for m in members if m.start is not None and not m.year_only] or \
        [m for m in members if m.start is not None]
    start = min((m.start for m in dated), default=None)
    return auto_id(kind, where, start, year_only=all(m.year_only for m in dated),
                   day=bool(dated) and all(m.day_only for m in dated),
                   apart=all(m.apart for m in members),
                   series=all(m.series for m in members))


def merge_events(claims: Sequence[Claim], rules_root: Path | None = None,
                 events: Mapping[str, str] | None = None) -> list[Claim]:
    """``claims`` with their automatic events merged across articles (same order); with
    ``events``, merged as that map says (an archive's merge, which saw more articles)."""
    mapping = event_map(claims, rules_root) if events is None else events
    return [replace(c, event=mapping[c.event]) if c.event in mapping and mapping[c.event] != c.event
            else c for c in claims]
