"""Context of a claim: the period it refers to, its event, its side and its source.

``add_context`` is the pipeline's entry point; each question is answered by its own
module (``period``, ``events``, ``sides``, ``sources``) from language data
(``rules/lang/<lang>/context.toml``) and the curated events (``rules/events.toml``).

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

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import regex

from .. import regexcache
from ..langdata import LANGS
from ..model import Article, Claim, Sentence
from ..parties import babel_names, load_parties
from ..timespan import publication_span
from .dates import Period, overlaps
from .event_types import Vocabulary, vocabulary
from .events import (
    AT, NAME_PREFIX, Catalog, Cues, Event, article_event, auto_id, best_event, catalog, cue_keys_in,
    find_cues, mask_origins, name_slot, parse_auto, places_in, slot_parts,
)
from .asof import cumulative_metrics, dated_twins, unstated_period
from .gazetteer import (
    Gazetteer, Place, country_names, gazetteer, is_located, km, locatives, slugify,
)
from .sites import bare_sites, find_sites, is_town, noun_spans, site_rules, site_slot, towns
from .lexicon import NAME, Lexicon, lexicon
from .period import (
    Base, Phrase, Resolved, clause_of, figure_period, find_phrases, lead_base, occasion, resolve,
)
from .sides import default_side, is_conflict, side_of
from .sources import find_sources, source_of, source_party, source_type
from .parents import link_article
from .subgroups import subgroup_data, subgroup_of
from .words import tokens, words_and_tokens

__all__ = ["add_context", "ArticleContext", "article_context", "claim_context"]


@dataclass(frozen=True)
class ArticleContext:
    """What the whole article says: its date, places and event, computed once."""

    article: Article
    texts: tuple[str, ...]
    starts: dict[int, int]  # sentence start offset -> index
    lex: Lexicon
    cat: Catalog
    base: Base | None  # the reference for relative dates (maybe the event's, see below)
    places: tuple[str, ...]
    event: Event | None
    # indexes of the sentences that hold a claim
    claimed: frozenset[int] = frozenset()
    # per-sentence answers, computed on first use (an article's claims share sentences)
    memo: dict = field(default_factory=dict, compare=False, repr=False)
    # the event cue keys the article holds: its sentences look up only these
    cue_keys: frozenset[str] | None = None
    # the sentences and the tokens of their text, for the automatic events (read on first use)
    sentences: tuple[Sentence, ...] = ()
    toks: list[str] = field(default_factory=list, compare=False, repr=False)
    # the whole article's context, for a quote read alone: its automatic event is the article's
    outer: "ArticleContext | None" = field(default=None, compare=False, repr=False)
    # the article's prose (nationalities are sides only in an article about fighting)
    prose: str = ""
    rules_root: Path | None = None  # the --rules folder, for the data read on first use
    # the sentences joined by newlines with the names of where people come from blanked
    # ("migrants from Syria": :func:`mask_origins`), read once for all places
    where: str | None = None

    def once(self, what: str, index: int, compute):
        key = (what, index)
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def phrases(self, index: int) -> list[Phrase]:
        return self.once("phrases", index, lambda: find_phrases(self.texts[index], self.lex))

    def sources(self, index: int) -> list[tuple[int, int, str]]:
        return self.once("sources", index, lambda: find_sources(self.texts[index], self.lex))

    def cues(self, index: int) -> dict[str, Cues]:
        return self.once("cues", index,
                         lambda: find_cues(self.cat, self.texts[index], self.cue_keys))

    @property
    def auto(self) -> AutoContext | None:
        """What the article says happened and where (:func:`auto_context`): found on first
        use, as a figure in a curated event never asks."""
        if self.outer is not None:
            return self.outer.auto
        return self.once("auto", -1, lambda: auto_context(self.article, self.sentences,
                                                          self.texts, self.rules_root,
                                                          self.toks, self.where))

    @property
    def home(self) -> str | None:
        """The town the article names most (:func:`home_place`), for its automatic event:
        found on first use, as most figures have places of their own and never ask."""
        if self.outer is not None:
            return self.outer.home
        return self.once("home", -1, lambda: home_place(self.article, self.texts, self.lex))

    @property
    def paragraphs(self) -> tuple[int, ...] | None:
        """Per sentence, its paragraph's number (None for a quote read alone): a source's
        reach asks, and needs none of the rest of :attr:`auto`."""
        if self.outer is not None:
            return None
        return self.once("paragraphs", -1, lambda: paragraphs_of(self.article, self.sentences))

    def masked(self, index: int) -> str:
        """Sentence ``index`` with the names of where people come from blanked."""
        if self.where is None or self.outer is not None:
            return mask_origins(self.texts[index], self.cat)
        starts = self.once("starts", -1, lambda: _offsets(self.texts))
        return self.where[starts[index]:starts[index] + len(self.texts[index])]

    def own_places(self, index: int) -> list[str]:
        """The places sentence ``index`` names, or implies by its side words."""
        def compute():
            # "migrants from Syria": where people come from, by name or side word, is no place
            text = self.masked(index)
            toks = tokens(text)
            # a people's word implies its theatre only where peoples are sides (fighting):
            # "150 Syrian migrants" on a boat off Italy put nothing in Syria
            fighting = (self.once("conflict", -1, lambda: is_conflict(self.prose, "", self.lex))
                        or is_conflict("", text, self.lex))
            parties = self.lex.sides.values(text, toks) if fighting else frozenset()
            return places_in(text, self.cat, parties, toks)
        return self.once("places", index, compute)


@dataclass(frozen=True)
class AutoContext:
    """What an article says happened and where, for its automatic events."""

    vocab: Vocabulary
    gaz: Gazetteer
    types: tuple[tuple[str, ...], ...]  # per sentence: the event types it names, in order
    places: tuple[tuple[Place, ...], ...]  # per sentence: the places it names, in order
    paragraph: tuple[int, ...]  # per sentence: its paragraph's number
    kind: str | None  # the type the article names most (its title counting twice)
    place: Place | None  # the most specific place the article names most
    # per sentence: the events it names by their own names ("Hurricane Maria"), as
    # (type, place slot "name-maria"); and the one the article names most
    names: tuple[tuple[tuple[str, str], ...], ...] = ()
    name: tuple[str, str] | None = None
    people: tuple[str, ...] = ()  # the countries whose people it names, the most named first
    # per sentence: where its triggers start, with their types (a figure's clause may name
    # one of its own: "... quakes — the last one sparking an avalanche that killed 29")
    triggers: tuple[tuple[tuple[int, str], ...], ...] = ()
    # where the sentences naming the article's own named event say it struck
    name_place: Place | None = None
    # per sentence: the sites it names (:mod:`.sites`: "il crollo sulla Marmolada"), as
    # (type or None, place slot "site-marmolada"); and the article's own site, the one it
    # names most of a type compatible with its own
    sites: tuple[tuple[tuple[str | None, str], ...], ...] = ()
    site: tuple[str | None, str] | None = None
    # per sentence: where in it each of its places is named, as (start, end, place id)
    place_spans: tuple[tuple[tuple[int, int, str], ...], ...] = ()


def auto_context(article: Article, sentences: Sequence[Sentence], texts: Sequence[str],
                 rules_root: Path | None, toks: list[str] | None = None,
                 where: str | None = None) -> AutoContext:
    """Types and places of every sentence, and the article's own (see :class:`AutoContext`);
    ``toks``: the :func:`tokens` of the sentences joined by newlines, if already cut;
    ``where``: those sentences with the names of where people come from blanked, if done."""
    vocab, gaz = vocabulary(rules_root), gazetteer(rules_root)
    lang = article.lang
    locs = locatives(lang, rules_root)
    prose = "\n".join(texts)
    offsets, at = [], 0
    for t in texts:
        offsets.append(at)
        at += len(t) + 1
    found = vocab.find_each(texts, lang, toks)
    title = article.title or ""
    found = _without_secondary(vocab, lang, title, texts, found)
    types = tuple(tuple([t for _, _, t in f]) if f else () for f in found)
    # an event's own name ("Hurricane Maria") is looked for where a trigger is: it is the
    # event's, so the same word elsewhere ("the toll from Maria") is no place either
    named = [[(k, name_slot(n)) for _, _, k, n in vocab.names(t, lang)] if f else []
             for t, f in zip(texts, found)]
    kind = _article_kind(vocab, title, lang, types)
    title_names = [(k, name_slot(n)) for _, _, k, n in vocab.names(title, lang)] if title else []
    # the article's own named event: the one it names most after a trigger ("Hurricane
    # Maria"); a name told only bare or by a verb ("dopo Katrina", "Katrina roared") is
    # another's unless no name has a trigger
    name_counts = _name_counts(title_names, named)
    if kind is not None and lang in vocab.verb_rx:
        # "when Katrina roared across the coast", in an article about a storm
        named = [ns + [(k, name_slot(n)) for _, _, k, n in vocab.subject_names(t, lang)
                       if vocab.compatible(k, kind) and (k, name_slot(n)) not in ns]
                 for t, ns in zip(texts, named)]
    named = _known_names(texts, named)
    name_counts = name_counts or _name_counts(title_names, named)
    name = max(name_counts, key=lambda n: (name_counts[n], n[1])) if name_counts else None
    name_words = {slot[len(NAME_PREFIX):] for ns in named for _, slot in ns} | \
        {slot[len(NAME_PREFIX):] for _, slot in title_names}
    per_sentence: list[list[Place]] = [[] for _ in texts]
    spans: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    # the countries whose people it names tell homonyms apart ("le autorità spagnole":
    # Valencia in Spain)
    people = gaz.people_countries(prose, toks)
    # "migrants from Syria": where people come from is not where it happened
    if where is None or len(where) != len(prose):
        where = mask_origins(prose, catalog(rules_root))
    for s, e, place, needs in gaz.find_all(where, lang, locs, hints=frozenset(people)):
        i = bisect_right(offsets, s) - 1
        text, at = texts[i], s - offsets[i]
        if name_words and slugify(prose[s:e]) in name_words:
            continue
        if not types[i]:
            if not needs:
                per_sentence[i].append(place)
                spans[i].append((at, at + e - s, place.id))
            continue
        # what happened anchors where ("il terremoto ha colpito Amatrice"), but a name right
        # after the trigger is the event's own ("Hurricane Maria"), and a big city named
        # with no locative is a seat speaking ("Kyiv said")
        if any(text[e:at].strip() == "" for _, e, _ in found[i] if e <= at):
            continue
        if is_located(text, at, locs) or place.population < _SEAT \
                or gaz.headed(prose, s, e):  # "the eastern region of Valencia"
            per_sentence[i].append(place)
            spans[i].append((at, at + e - s, place.id))
    per_sentence = [_near_the_rest(ps, gaz) if len(ps) >= 3 else ps for ps in per_sentence]
    title_places = [p for _, _, p in gaz.find(title, lang, locs)] if title else []
    strays = _strays([title_places, *per_sentence], people, gaz)
    if strays:
        per_sentence = [[p for p in ps if p.id not in strays] for ps in per_sentence]
        title_places = [p for p in title_places if p.id not in strays]
    place = _main_place([title_places, title_places] + per_sentence)
    paragraph = paragraphs_of(article, sentences)
    # "Hurricane Maria killed 64 in Puerto Rico": where the named event struck, from the
    # sentences naming it (not the article's other places: an earlier storm's, a speaker's),
    # the article's own place first (a study's university is named with the storm too)
    name_places = [ps for ps, ns in zip(per_sentence, named) if name in ns] if name else []
    name_place = (place if place is not None and any(
        p.id == place.id or gaz.within(p, place) for ps in name_places for p in ps)
        else _main_place(name_places))
    sites, site = _article_sites(vocab, gaz, lang, title, texts, found, kind, place,
                                 rules_root)
    return AutoContext(vocab, gaz, types, tuple(tuple(p) for p in per_sentence), paragraph,
                       kind, place, tuple(tuple(ns) for ns in named), name, tuple(people),
                       tuple(tuple((st, t) for st, _, t in f) for f in found), name_place,
                       sites, site, tuple(tuple(x) for x in spans))


# a town this far from every place of the country an article is about lies on another
# continent or across an ocean: a homonym's reading (a neighbour's town is nearer)
_STRAY_KM = 1500.0


def _strays(mentions: Sequence[Sequence[Place]], people: Sequence[str], gaz: Gazetteer
            ) -> frozenset[str]:
    """The towns an article names once in a country it names nowhere else (by no other
    place, its own name or its people's), far from every place of the one other country it
    names at least twice: a homonym or another name of a far town ("the Tempi valley near
    Larissa ... Greece's deadliest": no Tempe in Arizona), never where its event happened
    (a neighbour's town, "Kahramanmaras" in a report naming Syria, stays)."""
    count: Counter[str] = Counter(p.country for ps in mentions for p in ps if p.country)
    count.update(people)
    if len(count) < 2:
        return frozenset()
    top, most = count.most_common(1)[0]
    if most < 2:
        return frozenset()
    lone = {p.id: p for ps in mentions for p in ps
            if p.level == "town" and p.country != top and count[p.country] == 1}
    if not lone:
        return frozenset()
    home = {q.id: q for ps in mentions for q in ps if q.country == top}
    points = [pt for q in home.values() if (pt := gaz.point(q)) is not None]
    if not points and top in people:  # named only by its people: its biggest town
        cid = gaz.country_id(top)
        country = gaz.get(cid) if cid else None
        points = [pt for pt in [gaz.point(country)] if pt is not None] if country else []
    return frozenset(pid for pid, p in lone.items()
                     if (here := gaz.point(p)) is not None
                     and all(km(here, pt) > _STRAY_KM for pt in points))


def _article_sites(vocab: Vocabulary, gaz: Gazetteer, lang: str, title: str,
                   texts: Sequence[str], found: Sequence[Sequence[tuple[int, int, str]]],
                   kind: str | None, place: Place | None, rules_root: Path | None
                   ) -> tuple[tuple[tuple[tuple[str | None, str], ...], ...],
                              tuple[str | None, str] | None]:
    """Per sentence, the sites it names next to an event word (:func:`.sites.find_sites`),
    with the article's own site wherever its name appears; and that site: of those of a
    type compatible with the article's (or named by a generic noun), the one whose name
    the article's sentences hold most (its title counting twice; ties: the first named)."""
    rules = site_rules(rules_root)
    if lang not in rules.after:
        return tuple(() for _ in texts), None
    known = catalog(rules_root).place_index
    # the event words of each sentence: its triggers, and the generic nouns found in one scan
    # of the article (the site patterns run only around them)
    words: list[list[tuple[int, int, str | None]]] = [list(f) for f in found]
    starts = _offsets(texts)
    for s, e, _ in noun_spans("\n".join(texts), lang, rules):
        i = bisect_right(starts, s) - 1
        words[i].append((s - starts[i], e - starts[i], None))
    linked = [[(t, n) for _, n, t in find_sites(text, lang, rules, vocab, gaz,
                                                sorted(w, key=lambda x: x[:2]), known)]
              if w else [] for text, w in zip(texts, words)]
    in_title = [(t, n) for _, n, t in find_sites(title, lang, rules, vocab, gaz, known=known)
                ] if title else []
    # a name the article gives as a town's ("a Valcorvo", "in Valcorvo") is a place the
    # gazetteer lacks, never a site: one event's reports must not call it two things (read
    # only where a site is a candidate: most articles name none)
    town_keys: list[str] | None = None

    def town(name: str) -> bool:
        nonlocal town_keys
        if town_keys is None:
            town_keys = towns(title + "\n" + "\n".join(texts), lang, rules)
        return is_town(name, town_keys)

    in_title = [(t, n) for t, n in in_title if not town(n)]
    linked = [[(t, n) for t, n in xs if not town(n)] for xs in linked]
    fits = [(t, n) for t, n in in_title + [x for xs in linked for x in xs]
            if t is None or kind is None or vocab.compatible(t, kind)]
    site, best = None, None
    lead = title + "\n" + (texts[0] if texts else "")
    # the article's own: named more than once, or in its title or first sentence (a site
    # named once further on is another's: "the 2018 Camp Fire", in a report on Maui)
    names = [n for n in dict.fromkeys(n for _, n in fits)]
    counts = {n: 2 * (n in title) + sum(n in text for text in texts) for n in names}
    names = [n for n in names if counts[n] >= 2 or n in lead]
    if not names and kind is not None and (place is None or place.level in ("region",
                                                                          "country")) \
            and vocab.reach_km(kind) <= rules.reach_km:
        # no site next to an event word, no town: a name the article gives after a link
        # more than once ("on Marmolada", "in the Marmolada"), in an article about an event
        # that happens at one spot (a collapse, not a quake or a war)
        names = [n for n in bare_sites("\n".join(texts), lang, rules, vocab, gaz, known)
                 if 2 * (n in title) + sum(n in text for text in texts) >= 2
                 and not town(n)]
        counts.update({n: 2 * (n in title) + sum(n in text for text in texts) for n in names})
        fits = fits + [(kind, n) for n in names]
    if names:
        best = max(names, key=lambda n: (counts[n], -names.index(n)))
        site = (next(t for t, n in fits if n == best) or kind, site_slot(best))
    out = []
    for text, xs in zip(texts, linked):
        own = [(t, site_slot(n)) for t, n in xs]
        if site is not None and best in text and site[1] not in (slot for _, slot in own):
            own.append(site)  # the article's site named bare ("salendo la Marmolada")
        out.append(tuple(dict.fromkeys(own)))
    return tuple(out), site


def _article_kind(vocab: Vocabulary, title: str, lang: str,
                  types: Sequence[Sequence[str]]) -> str | None:
    """The type of event an article names most (its title counting twice; ties: the first
    named)."""
    counts: Counter[str] = Counter()
    order: list[str] = []
    for kinds, weight in [(tuple(t for _, _, t in vocab.find(title, lang)), 2)] + \
            [(k, 1) for k in types]:
        for k in kinds:
            counts[k] += weight
            if k not in order:
                order.append(k)
    return max(order, key=lambda k: (counts[k], -order.index(k))) if order else None


def _without_secondary(vocab: Vocabulary, lang: str, title: str, texts: Sequence[str],
                       found: list[list[tuple[int, int, str]]]
                       ) -> list[list[tuple[int, int, str]]]:
    """``found`` (per sentence: its triggers) without the weak ones of a type incompatible
    with the type the article names most by its other triggers: a bare verb there tells
    how the article's own event went ("the boat crashed against rocks", in a shipwreck's
    report), not of a second event (:meth:`Vocabulary.secondary`)."""
    if lang not in vocab.weak or not any(found):
        return found
    counts: Counter[str] = Counter()
    order: list[str] = []  # the title's triggers count twice, ties go to the first named
    for text, triggers, weight in [(title, vocab.find(title, lang) if title else [], 2)] + \
            [(t, f, 1) for t, f in zip(texts, found)]:
        for s, e, k in triggers:
            if not vocab.is_weak(text[s:e], lang, k):
                counts[k] += weight
                order.append(k)
    kind = max(order, key=lambda k: (counts[k], -order.index(k))) if order else None
    return [vocab.secondary(t, lang, f, kind) if f else f for t, f in zip(texts, found)]


def _name_counts(title: Sequence[tuple[str, str]], named: Sequence[Sequence[tuple[str, str]]]
                 ) -> Counter[tuple[str, str]]:
    """How often the article names each named event (its title counting twice)."""
    counts: Counter[tuple[str, str]] = Counter()
    for ns, weight in [(title, 2)] + [(ns, 1) for ns in named]:
        for n in ns:
            counts[n] += weight
    return counts


def _known_names(texts: Sequence[str], named: list[list[tuple[str, str]]]
                 ) -> list[list[tuple[str, str]]]:
    """``named`` (per sentence: the events it names by their names) with the names the
    article gives an event used bare elsewhere ("Hurricane Katrina" ... "dopo Katrina"):
    a known name, not followed by a capitalised word (a person's surname)."""
    known = {slot[len(NAME_PREFIX):]: (k, slot) for ns in named for k, slot in ns}
    if not known:
        return named
    words = {w for w in known}
    out = []
    for t, ns in zip(texts, named):
        extra = [known[slugify(m.group())] for m in _CAPITALISED.finditer(t)
                 if slugify(m.group()) in words and known[slugify(m.group())] not in ns
                 and not _SURNAME_AFTER.match(t, m.end())]
        out.append(ns + list(dict.fromkeys(extra)))
    return out


_CAPITALISED = regexcache.compile(r"(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?![\p{L}\p{N}])")
_SURNAME_AFTER = regexcache.compile(r"[ \t]+\p{Lu}")


# a town this far from every other place its sentence names is a homonym misread ("15 in
# Dominica, three in Haiti and two in Guadalupe": neither the Californian town nor the
# Mexican borough of that other name)
_STRAY_KM = 1500.0


def _near_the_rest(places: Sequence[Place], gaz: Gazetteer) -> list[Place]:
    """``places`` (of one sentence, three or more) without the towns lying far from all the
    others (:data:`_STRAY_KM`)."""
    points = [gaz.point(p) for p in places]
    out = []
    for i, p in enumerate(places):
        if p.level == "town" and points[i] is not None:
            others = [q for j, q in enumerate(points) if j != i and q is not None
                      and places[j].id != p.id]
            if len(others) >= 2 and all(km(points[i], q) > _STRAY_KM for q in others):
                continue
        out.append(p)
    return out


_LEVELS = {"local": 0, "town": 1, "region": 2, "country": 3}
# a blank line between paragraphs (compiled once: regex.finditer looks its cache up per call)
_PARAGRAPH_BREAK = regexcache.compile(r"\n[ \t]*\n")


def paragraphs_of(article: Article, sentences: Sequence[Sentence]) -> tuple[int, ...]:
    """Per sentence: the number of its paragraph in ``article``."""
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(article.text)]
    return tuple(bisect_right(breaks, s.start) for s in sentences)


# a city this big named with no locative before it is more often a government's seat
# speaking ("Kyiv said") than where it happened
_SEAT = 100000


def _main_place(mentions: Sequence[Sequence[Place]]) -> Place | None:
    """The most specific place named most often: a place's mentions also count for the
    places inside it that are named (a town's for its hamlet), ties going to the first named."""
    counts: Counter[str] = Counter()
    first: dict[str, Place] = {}
    for places in mentions:
        for p in places:
            counts[p.id] += 1
            first.setdefault(p.id, p)
    if not first:
        return None
    order = list(first)

    def score(pid: str):
        p = first[pid]
        inside = sum(counts[q.id] for q in first.values() if q.id != pid and pid in q.parents)
        outer = sum(counts[a] for a in p.parents if a in counts)
        return (counts[pid] + outer, -_LEVELS.get(p.level, 1), inside == 0, -order.index(pid))

    return first[max(order, key=score)]


def named_places(text: str, lex: Lexicon) -> list[str]:
    """Slugs of the names after a locative word ("a Valcorvo" -> "valcorvo"), in order;
    month and weekday names and known sources are not places."""
    if lex.place_re is None:
        return []
    return _slugs(lex.place_re.finditer(text), lex)


def _slugs(matches, lex: Lexicon) -> list[str]:
    out: list[str] = []
    for m in matches:
        name = m.group("place")
        key = name.lower()
        if key in lex.months or key in lex.weekdays or key in lex.source_names:
            continue
        slug = "-".join(key.replace("’", "'").split())
        if slug not in out:
            out.append(slug)
    return out


def named_places_each(texts: Sequence[str], lex: Lexicon) -> list[list[str]]:
    """:func:`named_places` of each text, from one scan of the texts joined by newlines.
    A name is never split by a newline, so a match is a text's own unless it crosses one
    (a locative ending a text, a name opening the next): the texts such a match touches
    are read alone."""
    if lex.place_re is None:
        return [[] for _ in texts]
    starts, at = [], 0
    for t in texts:
        starts.append(at)
        at += len(t) + 1
    found: list[list] = [[] for _ in texts]
    alone: set[int] = set()
    for m in lex.place_re.finditer("\n".join(texts)):
        i = bisect_right(starts, m.start()) - 1
        j = bisect_right(starts, m.end() - 1) - 1
        if i == j:
            found[i].append(m)
        else:
            alone.update(range(i, j + 1))
    return [named_places(t, lex) if i in alone else _slugs(found[i], lex)
            for i, t in enumerate(texts)]


def article_context(article: Article, sentences: Sequence[Sentence],
                    rules_root: Path | None = None) -> ArticleContext:
    """The article-wide context (raises FactcheckError for an unsupported language)."""
    lex = lexicon(article.lang, rules_root)
    cat = catalog(rules_root)
    texts = tuple(s.text for s in sentences)
    prose = "\n".join(texts)
    memo: dict = {}  # the context's own (below): what its figures ask again, found here

    def phrases(i: int) -> list[Phrase]:
        if ("phrases", i) not in memo:
            memo["phrases", i] = find_phrases(texts[i], lex)
        return memo["phrases", i]

    base = lead_base(Base.of(article.published, article.published_precision), texts, lex,
                     phrases)
    words, toks = words_and_tokens(prose)
    where = mask_origins(prose, cat, toks)  # "migrants from Syria" puts no figure in Syria
    where_words, where_toks = (words, toks) if where is prose else words_and_tokens(where)
    # a people's word implies its theatre only in an article about fighting ("150 Syrian
    # migrants" on a boat off Italy put nothing in Syria)
    fighting = is_conflict((article.title or "") + "\n" + prose, "", lex,
                           tokens(article.title or "") + toks)
    memo["conflict", -1] = fighting  # its figures ask again
    places = places_in(where, cat, lex.sides.values(where, where_toks) if fighting
                       else frozenset(), where_toks, where_words)
    keys = cue_keys_in(cat, prose, toks)
    event = article_event(cat, prose, article.published, places, keys)
    if base is None and event is not None and event.end is not None:
        # an undated article about a short event: its relative dates ("martedì") are
        # read against the event's last day
        if (event.end - event.start).days + 1 <= cat.options.anchor_max_days:
            base = Base(event.end, event.start, event.end, "day")
    return ArticleContext(article, texts, {s.start: i for i, s in enumerate(sentences)},
                          lex, cat, base, tuple(places), event, memo=memo, cue_keys=keys,
                          prose=(article.title or "") + "\n" + prose, rules_root=rules_root,
                          sentences=tuple(sentences), toks=toks, where=where)


def _offsets(texts: Sequence[str]) -> list[int]:
    """Where each text starts in the texts joined by newlines."""
    out, at = [], 0
    for t in texts:
        out.append(at)
        at += len(t) + 1
    return out


def home_place(article: Article, texts: Sequence[str], lex: Lexicon) -> str | None:
    """The named town an article is about: the one it names most, its title weighing
    more (ties: the first named). All the article's figures without a curated event or a
    catalogued place share the automatic event of this town."""
    counts: Counter[str] = Counter()
    order: list[str] = []
    named = [named_places(article.title or "", lex)] + named_places_each(texts, lex)
    for names, weight in zip(named, [2] + [1] * len(texts)):
        for name in names:
            counts[name] += weight
            if name not in order:
                order.append(name)
    if not counts:
        return None
    return max(order, key=lambda n: (counts[n], -order.index(n)))


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
    before = [m for m in lex.area_re.finditer(text, max(0, start - _AREA_WINDOW), start)
              if _is_area_name(m, lex, known)]
    if before:
        m = before[-1]
        if (_locative(m) not in lex.area_genitives
                and (m.start() >= c_start or not text[m.end():c_start].strip(" ,")
                     or _LIST_REST.match(text, m.end(), c_start) is not None
                     or _shares_place(text, m.end(), c_start, start, lex))
                and not _names_event(text, max(0, m.start() - _AREA_WINDOW), start, lex)
                and not _previous_items(text, m, start, lex)):
            return _named_span(m, 0, lex)
    if lex.area_relative_re is not None and lex.area_relative_re.match(text[c_start:start]):
        head = text[max(0, c_start - _AREA_WINDOW):c_start]
        m = _NAME_CLOSING.search(head)
        if (m is not None and _is_area_name(m, lex, None)
                and not _names_event(text, c_start, start, lex)):
            return _named_span(m, c_start - len(head), lex)
    return None


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


def _gazetteer_places(ctx: ArticleContext, text: str, index: int | None
                      ) -> list[tuple[int, int, Place]]:
    """The places the gazetteer reads in a figure's sentence (once per sentence), homonyms
    told apart by the article's own country ("Valencia" in an article about Spain)."""
    def compute() -> list[tuple[int, int, Place]]:
        a = ctx.auto
        if a is None:
            return []
        lang = ctx.article.lang
        countries = frozenset({a.place.country}) if a.place and a.place.country else frozenset()
        return a.gaz.find(text, lang, locatives(lang, ctx.rules_root), countries)
    return compute() if index is None else ctx.once("gazetteer", index, compute)


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


def _sentence_places(ctx: ArticleContext, index: int) -> list[str]:
    """The places of a sentence: named in it (or implied by its side words); else the
    previous sentence's; else the article's."""
    for j in (index, index - 1):
        if j >= 0:
            found = ctx.own_places(j)
            if found:
                return found
    return list(ctx.places)


# the side of a figure that counts one area of a breakdown by place: "area:rieti"
AREA_PREFIX = "area:"
# how close before the figure's clause an alias still names the clause's subject (", ")
_ANTECEDENT = 3
# periods that say when counting started or nothing at all, not when the deaths happened
_OPEN_KINDS = frozenset({"article", "since", "since_start"})


def _period(r: Resolved | None) -> Period | None:
    if r is None or r.start is None or r.end is None:
        return None
    return r.start, r.end


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
                                    article.published_how))

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
                       paragraphs=lambda: ctx.paragraphs)
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


def _event_span(ctx: ArticleContext, curated: Event | None, event_id: str | None
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


def _dates_a_building(ctx: ArticleContext, index: int, r: Resolved) -> bool:
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


def _background_span(ctx: ArticleContext, event_id: str | None) -> Period | None:
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
    """When the article's own event happened, as its text tells it: the earliest date (at
    most a month long) in a sentence that names the article's type of event and no place
    outside the article's own ("the quake that struck on Wednesday", "il terremoto del 24
    agosto 2016"). In a dated article the date is not after the report and less than
    ``_BACKGROUND_DAYS`` before it (an earlier event of the type, "the 2018 Camp Fire", is
    background), else the earlier day :func:`_dated_event` finds (a report a year on)."""
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
            if (r is None or r.how not in ("explicit", "relative") or r.start is None
                    or r.end is None or (r.end - r.start).days > 31):
                continue
            if base is None or (earliest <= r.start and r.end <= base.end):
                found.append((r.start, r.end))
    if not found and base is not None:
        day = ctx.once("dated", -1, lambda: _dated_event(ctx))
        return (day, day) if day is not None else None
    return min(found, default=None)


def _event(ctx: ArticleContext, index: int, clause: tuple[int, int], metric: str,
           period: Period | None, how: str | None, stated: bool, kind: str | None,
           figure: int | None = None) -> tuple[Event | None, str | None, str | None]:
    """(curated event, event id, how it was found) for a figure (starting at ``figure``) in
    ``clause`` of sentence ``index``: its sentence's cues and period, else the article's
    event, else an automatic one from its place and period."""
    places = _sentence_places(ctx, index)
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
    auto = _auto_event(ctx, index, own or places, period if dated else None,
                       period if known_stated else None, told)
    return None, auto, ("auto" if auto else None)


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
    background = (explicit is not None and published is not None
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
    if background and a.name is not None and index < len(a.types) \
            and all(a.vocab.compatible(k, a.name[0]) for k in a.types[index]) \
            and all(n == a.name for n in a.names[index]) \
            and explicit[1] >= published - timedelta(days=a.vocab.name_window(a.name[0])):
        # "from September through December 1,400 more deaths were reported", in a report
        # on Hurricane Maria a year on: a figure dated within the name's window and naming
        # no other event is the named one's
        background = False
    if explicit is None and stated is None:
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
        first = min(own, key=lambda p: _LEVELS.get(p.level, 1))  # the most specific named
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
        # not the report's strike, and no place beyond its reach to tell which: none
        return None
    if kind is not None and kind == a.kind and home is not None and (
            place == home or (site is not None and place.endswith(AT + home))):
        # an article about its place's earlier event (an anniversary, a report a year on)
        when = ctx.once("dated", -1, lambda: _dated_event(ctx)) or when
    if explicit is not None and kind is not None and slot_parts(place)[0] is None \
            and _earlier_episode(ctx, index, explicit, kind):
        # "the first floods occurred between 2 and 3 May, killing two", in a report on the
        # floods since 16 May: an episode of its own, dated by its day
        return auto_id(kind, place, explicit[0], day=True)
    return auto_id(kind or "event", place, when)  # undated: merged by type and place only


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
    near = {p.id for s, e, p in _gazetteer_places(ctx, text, index)
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
    other = {p.id for s, e, p in _gazetteer_places(ctx, text, index)
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
    return min(told, key=lambda p: _LEVELS.get(p.level, 1))


def _trigger_places(ctx: ArticleContext, index: int, at: int) -> list[Place]:
    """The places (no country) told with the trigger starting at ``at`` in sentence
    ``index``: right before it, a word between at most ("the Amatrice quake"), or soon after
    it in its clause ("il sisma dell'Aquila"), as :func:`_where_told` reads them."""
    text = ctx.texts[index]
    vocab = vocabulary(ctx.rules_root)
    found = ctx.once("types", index, lambda: vocab.find(text, ctx.article.lang))
    end = next((e for s, e, _ in found if s == at), at)
    out: list[Place] = []
    for s, e, p in _gazetteer_places(ctx, text, index):
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
    if not a.vocab.compatible(told, kind) \
            or not a.vocab.another(ctx.texts[index], ctx.article.lang, at, told):
        return False
    # the first sentence telling an event of that type, found once per article and type
    first = ctx.once("first told:" + told, -1, lambda: next(
        (j for j, ks in enumerate(a.types) if any(a.vocab.compatible(k, told) for k in ks)),
        None))
    return first is not None and first < index


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
        place = min(places, key=lambda p: _LEVELS.get(p.level, 1))
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
    return min(own, key=lambda p: _LEVELS.get(p.level, 1)).id if own else None


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
        return min(own, key=lambda p: _LEVELS.get(p.level, 1)).id
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
        if a.kind not in kinds or not any(a.gaz.within(a.place, p) or a.gaz.within(p, a.place)
                                          for p in a.places[i]):
            continue
        for phrase in ctx.phrases(i):
            r = resolve(phrase, ctx.lex, ctx.base)
            if r is None or r.how not in ("explicit", "relative") or r.start is None \
                    or r.end is None or r.end >= earlier or (r.how == "relative" and not relative) \
                    or _dates_making(ctx, i, phrase) or not _dates_kind(ctx, i, phrase, a.kind):
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
    found = _without_secondary(vocab, lang, title, ctx.texts, found)
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
