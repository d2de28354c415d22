"""What a whole article says, read once for all its figures: the records every context
question shares (:class:`ArticleContext`, :class:`AutoContext`), its date, places and curated
event (:func:`article_context`), the event types, places and sites its sentences name for the
automatic events (:func:`auto_context`), its home town and its paragraphs."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex

from .. import regexcache

from ..model import Article, Sentence
from .event_types import Vocabulary, vocabulary
from .events import (
    NAME_PREFIX, Catalog, Cues, Event, article_event, catalog, cue_keys_in, find_cues,
    mask_origins, name_slot, places_in,
)
from .gazetteer import (
    Gazetteer, Place, gazetteer, is_located, km, locatives, name_key, slugify,
)
from .sites import bare_sites, find_sites, is_town, noun_spans, site_rules, site_slot, towns
from .lexicon import Lexicon, lexicon
from .period import Base, Phrase, find_phrases, lead_base
from .sides import is_conflict
from .sources import find_sources
from .words import tokens, words_and_tokens


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
        return self.once("home", -1, lambda: home_place(self.article, self.texts, self.lex,
                                                        vocabulary(self.rules_root)))

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
    # the article tells its own event as one series struck at once over several places
    # ("una serie coordinata di attacchi"): ``place`` holds them all
    series: bool = False


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
    lex = lexicon(lang, rules_root)
    found = without_secondary(vocab, lang, title, texts, found, lex.numbers, lex.units)
    types = tuple(tuple([t for _, _, t in f]) if f else () for f in found)
    # an event's own name ("Hurricane Maria") is looked for where a trigger is: it is the
    # event's, so the same word elsewhere ("the toll from Maria") is no place either
    named = [[(k, name_slot(n)) for _, _, k, n in vocab.names(t, lang)] if f else []
             for t, f in zip(texts, found)]
    lead_at = next((i for i, t in enumerate(texts) if t.strip() != title.strip()), None)
    kind = _article_kind(vocab, title, lang, types, lead_at)
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
    earlier_places: set[tuple[int, str]] = set()  # (sentence, place) of an earlier event
    spans: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    # the countries whose people it names tell homonyms apart ("le autorità spagnole":
    # Valencia in Spain)
    people = gaz.people_countries(prose, toks)
    # "migrants from Syria": where people come from is not where it happened
    if where is None or len(where) != len(prose):
        where = mask_origins(prose, catalog(rules_root))
    # in an article about fighting a country named bare is a side acting ("Israel denies",
    # "tra Israele e Hamas"), not where anything happened ("in Israele" is)
    fighting = is_conflict(prose, "", lexicon(lang, rules_root), toks or None)
    # every place a sentence naming an event names, in order, before any is left out
    named_all: list[list[tuple[int, int, Place]]] = [[] for _ in texts]
    for s, e, place, needs in gaz.find_all(where, lang, locs, hints=frozenset(people)):
        i = bisect_right(offsets, s) - 1
        text, at = texts[i], s - offsets[i]
        if types[i]:
            named_all[i].append((at, at + e - s, place))
        if name_words and slugify(prose[s:e]) in name_words:
            continue
        if fighting and place.level == "country" and not is_located(text, at, locs) \
                and not gaz.headed(prose, s, e):
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
                or gaz.headed(prose, s, e) \
                or (_names_trigger(text, at + e - s, found[i], vocab.not_subjects)
                    and _main_name(gaz, prose[s:e], place)):  # "the Zonguldak mine blast"
            per_sentence[i].append(place)
            spans[i].append((at, at + e - s, place.id))
            year = vocab.year_then(text, lang, at)
            if year is not None and (article.published is None
                                     or year < article.published.year):
                # "the deadliest since 2018, when a ferry capsized near Selayar": where an
                # earlier event happened, no place of the report's own
                earlier_places.add((i, place.id))
    per_sentence = [_between_two(gaz, text, found_, ps)
                    for text, found_, ps in zip(texts, named_all, per_sentence)]
    per_sentence = [_near_the_rest(ps, gaz) if len(ps) >= 3 else ps for ps in per_sentence]
    # "morta la 24enne ricoverata a Genova": the title's origins and hospitals are blanked
    # too, as the prose's
    title_places = [p for _, _, p in gaz.find(mask_origins(title, catalog(rules_root)), lang,
                                               locs)] if title else []
    # the title is often the prose's first line too: counted once, as any sentence
    strays = _strays(per_sentence if texts and title.strip() == texts[0].strip()
                     else [title_places, *per_sentence], people, gaz)
    if strays:
        per_sentence = [[p for p in ps if p.id not in strays] for ps in per_sentence]
        title_places = [p for p in title_places if p.id not in strays]
    # the lead (the prose's first sentence) tells where it happened, as the title does: it
    # counts twice, over a list of places told further on (a cancelled tour's cities)
    own = [[p for p in ps if (i, p.id) not in earlier_places] for i, ps in enumerate(per_sentence)]
    lead = next((ps for t, ps in zip(texts, own) if t.strip() != title.strip()), [])
    place = _main_place([title_places, title_places, lead] + own)
    place = _country_wide(vocab, gaz, kind, place, [*title_places, *(p for ps in own for p in ps)],
                          own) or place
    series = place is not None and kind is not None and _told_as_series(
        vocab, lang, title, texts, found, kind)
    if series:
        # "una serie coordinata di attacchi" on churches in Colombo, Negombo and Batticaloa:
        # one event, where all the places its triggers are told with lie
        place = _holding(gaz, [place, *(p for ps, f in zip(per_sentence, found)
                                        if any(vocab.compatible(t, kind) for _, _, t in f)
                                        for p in ps)]) or place
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
                       sites, site, tuple(tuple(x) for x in spans), series)


# how many words may stand between a place and the trigger it names ("the Zonguldak | mine |
# explosion"): more, and the place is told apart from it
_WORDS_TO_TRIGGER = 1


def _names_trigger(text: str, end: int, triggers: Sequence[tuple[int, int, str]],
                   pronouns: frozenset[str]) -> bool:
    """Does a place ending at ``end`` stand right before a trigger, a lower-case word
    between at most and no pronoun ("the Zonguldak mine explosion", "the Cutro shipwreck";
    not "between Athens and Salonicco it derailed")? It says where that happened, however
    big the town (not a seat speaking: "Kyiv said")."""
    for s, _, _ in triggers:
        between = text[end:s].split()
        if s >= end and len(between) <= _WORDS_TO_TRIGGER and not _BREAK.search(text, end, s) \
                and all(w.islower() and w.casefold() not in pronouns for w in between):
            return True
    return False


def _main_name(gaz: Gazetteer, written: str, place: Place) -> bool:
    """Is ``written`` the town's own name (not one of its other names, which a homonym far
    away may bear: "Tempi", a name of a town in Arizona, for the Greek valley)?"""
    key = name_key(written)
    return any(main and p.id == place.id for p, main in gaz.towns([key]).get(key, ()))


_BREAK = regexcache.compile(r"[,;:.!?()]")


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


# a report on a coordinated series says so in its lead: its title and first sentences (a
# series named further down is background: "the latest in a series of attacks")
_LEAD_SENTENCES = 3


def _told_as_series(vocab: Vocabulary, lang: str, title: str, texts: Sequence[str],
                    found: Sequence[Sequence[tuple[int, int, str]]], kind: str) -> bool:
    """Does the article's lead (its title, its first :data:`_LEAD_SENTENCES` sentences) tell
    a trigger of a type compatible with ``kind``, the article's, as one series struck at
    once over several places (:meth:`Vocabulary.series`)?"""
    lead = [(title, vocab.find(title, lang) if title else [])] + \
        list(zip(texts[:_LEAD_SENTENCES], found[:_LEAD_SENTENCES]))
    return any(vocab.compatible(t, kind) and vocab.series(text, lang, s, e, t)
               for text, triggers in lead for s, e, t in triggers)


def _holding(gaz: Gazetteer, places: Sequence[Place]) -> Place | None:
    """The smallest place holding all ``places`` (one of them, or a region or country the
    first lies in), or None when none does (places in two countries)."""
    if not places:
        return None
    for pid in (places[0].id, *places[0].parents):
        outer = gaz.get(pid)
        if outer is not None and all(gaz.within(p, outer) for p in places):
            return outer
    return None


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
                                                sorted(w, key=lambda x: x[:2]), known, kind)]
              if w else [] for text, w in zip(texts, words)]
    in_title = [(t, n) for _, n, t in find_sites(title, lang, rules, vocab, gaz, known=known,
                                                 kind=kind)
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
    # a title in Title Case capitalises every word ("Body Found on Stricken Cruise Ship"):
    # it tells no name apart, so only the prose counts a site's name
    cased = title_cased(title)
    if cased:
        in_title = []
        texts_named = [t for t in texts if t.strip() != title.strip()]
        linked = [xs if t.strip() != title.strip() else [] for t, xs in zip(texts, linked)]
    else:
        texts_named = list(texts)
    weight = 0 if cased else 2
    fits = [(t, n) for t, n in in_title + [x for xs in linked for x in xs]
            if t is None or kind is None or vocab.compatible(t, kind)]
    site, best = None, None
    # the first sentence of the prose (not the title again, when the prose opens with it)
    first = next((t for t in texts_named if t.strip() != title.strip()), "")
    lead = ("" if cased else title) + "\n" + first
    # the article's own: named more than once, or in its title or first sentence (a site
    # named once further on is another's: "the 2018 Camp Fire", in a report on Maui)
    names = [n for n in dict.fromkeys(n for _, n in fits)]
    counts = {n: weight * (n in title) + sum(n in text for text in texts_named) for n in names}
    names = [n for n in names if counts[n] >= 2 or n in lead]
    if not names and kind is not None and (place is None or place.level in ("region",
                                                                          "country")) \
            and vocab.reach_km(kind) <= rules.reach_km:
        # no site next to an event word, no town: a name the article gives after a link
        # more than once ("on Marmolada", "in the Marmolada"), in an article about an event
        # that happens at one spot (a collapse, not a quake or a war)
        names = [n for n in bare_sites("\n".join(texts_named), lang, rules, vocab, gaz, known)
                 if weight * (n in title) + sum(n in text for text in texts_named) >= 2
                 and not town(n)]
        counts.update({n: weight * (n in title) + sum(n in text for text in texts_named)
                       for n in names})
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


# a title is in Title Case when this share of its words of four letters or more open
# with a capital (at least three such words)
_TITLE_CASE_SHARE = 0.8
_LONG_WORD = regexcache.compile(r"(?<![\p{L}\p{N}'’])\p{L}{4,}")


def title_cased(title: str) -> bool:
    """Is ``title`` written in Title Case ("Sixth Body Found on Stricken Cruise Ship"),
    where a capital tells no name apart from a common word?"""
    words = [m.group() for m in _LONG_WORD.finditer(title)]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= _TITLE_CASE_SHARE * len(words)


def _article_kind(vocab: Vocabulary, title: str, lang: str,
                  types: Sequence[Sequence[str]], lead: int | None = None) -> str | None:
    """The type of event an article names most (its title counting twice; ties: the first
    named); but a type its title or lead (sentence ``lead``) names that brings the most
    named one about (:meth:`Vocabulary.brings`: a quake, in a report that goes on about
    the buildings that collapsed in it) is its own event, the others how it went."""
    counts: Counter[str] = Counter()
    order: list[str] = []
    headline = tuple(t for _, _, t in vocab.find(title, lang)) if title else ()
    for kinds, weight in [(headline, 2)] + [(k, 1) for k in types]:
        for k in kinds:
            counts[k] += weight
            if k not in order:
                order.append(k)
    if not order:
        return None
    most = max(order, key=lambda k: (counts[k], -order.index(k)))
    told = [*headline, *(types[lead] if lead is not None and lead < len(types) else ())]
    causes = [k for k in order if k in told and vocab.brings(k, most)]
    return max(causes, key=lambda k: (counts[k], -order.index(k))) if causes else most


def without_secondary(vocab: Vocabulary, lang: str, title: str, texts: Sequence[str],
                       found: list[list[tuple[int, int, str]]],
                       numbers: Mapping[str, int] | None = None,
                       units: Mapping[str, str] | None = None
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
    return [vocab.secondary(t, lang, f, kind, numbers, units) if f else f
            for t, f in zip(texts, found)]


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


def _country_wide(vocab: Vocabulary, gaz: Gazetteer, kind: str | None, place: Place | None,
                  named: Sequence[Place], places: Sequence[Sequence[Place]]) -> Place | None:
    """The country a report's own event covers as a whole, or None: of a type that may
    (:attr:`.event_types.EventType.country_days`: a monsoon's floods), the country the
    report names (``named``: its title's places and its own), in a report naming two of its
    regions or towns of it farther apart than the type's reach (its provinces, districts
    800 km apart). A report naming towns of one area (a flood in two towns of a valley), or
    of one region, keeps its place."""
    if kind is None or place is None or not vocab.country_days(kind):
        return None
    country = next((p for p in named if p.level == "country" and p.country == place.country),
                   None)
    if country is None:
        return None
    inside = {p.id: p for ps in places for p in ps
              if p.level != "country" and p.country == country.country}
    if sum(p.level == "region" for p in inside.values()) >= 2:
        return country  # two of its provinces
    # towns by their own coordinates (a region's point is its biggest town's, or the
    # country's for one the gazetteer cannot tell)
    spots = [(p.lat, p.lon) for p in inside.values()
             if p.level != "region" and p.lat is not None and p.lon is not None]
    reach = vocab.reach_km(kind)
    if any(km(a, b) > reach for i, a in enumerate(spots) for b in spots[i + 1:]):
        return country
    return None


def _between_two(gaz: Gazetteer, text: str, named: Sequence[tuple[int, int, Place]],
                 places: list[Place]) -> list[Place]:
    """``places`` (of sentence ``text``) with two towns told as the ends of where it
    happened ("l'epicentro tra Kanto e la città di Sevra", :meth:`Gazetteer.between`)
    replaced by what holds them both (their region, else their country): neither is its
    place, and two such towns far apart would key it at the farther one. ``named``: every
    place the sentence names, in order."""
    for (a_s, a_e, a), (b_s, b_e, b) in zip(named, named[1:]):
        if a.id == b.id or a.level not in _FINE_LEVELS or b.level not in _FINE_LEVELS \
                or not gaz.between(text, (a_s, a_e), (b_s, b_e)):
            continue
        holder = _holding(gaz, [a, b])
        if holder is None or holder.level in _FINE_LEVELS:
            continue
        kept = [p for p in places if p.id not in (a.id, b.id)]
        places = kept if any(p.id == holder.id for p in kept) else [*kept, holder]
    return places


_FINE_LEVELS = ("town", "local")


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


LEVELS = {"local": 0, "town": 1, "region": 2, "country": 3}
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
        return (counts[pid] + outer, -LEVELS.get(p.level, 1), inside == 0, -order.index(pid))

    return first[max(order, key=score)]


def named_places(text: str, lex: Lexicon) -> list[str]:
    """Slugs of the names after a locative word ("a Valcorvo" -> "valcorvo"), in order;
    month and weekday names, feasts and known sources are not places."""
    if lex.place_re is None:
        return []
    return name_slugs(lex.place_re.finditer(text), lex)


def name_slugs(matches, lex: Lexicon) -> list[str]:
    out: list[str] = []
    for m in matches:
        name = m.group("place")
        key = name.lower()
        if key in lex.months or key in lex.weekdays or key in lex.source_names \
                or key in lex.feasts:
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
    return [named_places(t, lex) if i in alone else name_slugs(found[i], lex)
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


def home_place(article: Article, texts: Sequence[str], lex: Lexicon,
               vocab: Vocabulary | None = None) -> str | None:
    """The named town an article is about: the one it names most, its title weighing
    more (ties: the first named). All the article's figures without a curated event or a
    catalogued place share the automatic event of this town. With ``vocab``, a name told
    where an earlier event happened ("since 2018, when a ferry capsized near Selayar":
    :meth:`Vocabulary.year_then`) is none of the report's."""
    counts: Counter[str] = Counter()
    order: list[str] = []
    named = [named_places(article.title or "", lex)] + named_places_each(texts, lex)
    if vocab is not None:
        published = article.published
        for i, text in enumerate(texts):
            if lex.place_re is None or not named[i + 1]:
                continue
            earlier = [name_slugs([m], lex) for m in lex.place_re.finditer(text)
                       if (y := vocab.year_then(text, article.lang, m.start("place")))
                       is not None and (published is None or y < published.year)]
            drop = {slug for slugs in earlier for slug in slugs}
            named[i + 1] = [n for n in named[i + 1] if n not in drop]
    for names, weight in zip(named, [2] + [1] * len(texts)):
        for name in names:
            counts[name] += weight
            if name not in order:
                order.append(name)
    if not counts:
        return None
    return max(order, key=lambda n: (counts[n], -order.index(n)))


def gazetteer_places(ctx: ArticleContext, text: str, index: int | None
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


def sentence_places(ctx: ArticleContext, index: int) -> list[str]:
    """The places of a sentence: named in it (or implied by its side words); else the
    previous sentence's; else the article's."""
    for j in (index, index - 1):
        if j >= 0:
            found = ctx.own_places(j)
            if found:
                return found
    return list(ctx.places)
