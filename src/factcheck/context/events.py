"""The event a figure belongs to: curated (``rules/events.toml``) or automatic.

An event is scored on the figure's sentence: its aliases (strong), keywords (weak), the
figure's period against the event's span, and the places named. Places gate: a figure
placed in one theatre never joins an event of another. A curated event needs a cue or a
place besides the period, so a bare "martedì" never makes a war. When the sentence is
not enough, the article's event (scored on the whole text) is used if the figure's
period allows it; otherwise an automatic id ``auto:<place>:<year>`` keeps figures about an
unknown conflict together.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import regex

from .. import regexcache

from ..errors import FactcheckError
from ..paths import rules_dir
from ..tomlfile import read_data_file
from .dates import Period
from .lexicon import APOS, first_char_lookahead
from .words import Trigger, TriggerIndex, WordIndex, present_keys, present_keys_by_tokens
from .words import all_keys, folds_alike

_FLAGS = regex.IGNORECASE | regex.VERSION0
_LEFT = r"(?<![\p{L}\p{N}])"
_RIGHT = r"(?![\p{L}\p{N}])"


# period kinds that say when a count started, not when its events happened
_WEAK_KINDS = frozenset({"since", "since_start"})


@dataclass(frozen=True)
class Event:
    """A curated event."""

    id: str
    name: dict[str, str]
    kind: str
    start: date
    end: date | None  # None: ongoing
    places: tuple[str, ...]
    aliases: regex.Pattern | None
    keywords: tuple[regex.Pattern, ...]
    metrics: frozenset[str] | None
    trigger: Trigger | None = None  # can a text hold one of its aliases or keywords?
    alias_trigger: Trigger | None = None  # ... one of its aliases?
    keyword_triggers: tuple[Trigger, ...] = ()  # ... each keyword?
    # what happened, an ``event_types.toml`` id ("war", "explosion"): a figure about an
    # incompatible type of event (a flood) never joins it
    type: str | None = None

    def span(self, today: date | None = None) -> Period:
        return self.start, self.end or today or date.max


@dataclass(frozen=True)
class Options:
    alias_weight: int = 10
    keyword_weight: int = 3
    contained_weight: int = 5
    overlap_weight: int = 3
    place_weight: int = 2
    article_min_score: int = 6
    article_lag_days: int = 45
    anchor_max_days: int = 31
    toll_lag_days: int = 14
    metric_weight: int = 5
    min_score: int = 5


@dataclass(frozen=True)
class Catalog:
    """Every curated event and place, compiled."""

    events: tuple[Event, ...]
    places: tuple[tuple[str, regex.Pattern], ...]  # place id -> its names
    place_index: WordIndex  # the same names, found by tokens (fast)
    cue_trigger: Trigger  # can a text hold any event's alias or keyword?
    party_places: dict[str, tuple[str, ...]]  # party id -> places its side words imply
    options: Options
    raw: dict  # the parsed file, for the examples
    # every cue pattern as (event index, keyword index or -1 for the aliases), and which
    # of them a text may match
    cue_patterns: tuple[tuple[int, int], ...] = ()
    cue_index: TriggerIndex = TriggerIndex((), frozenset(), {})
    # "migrants from Syria, Afghanistan and Iraq": the names after an origin cue say where
    # people come from, not where anything happened (see :func:`mask_origins`)
    origins: regex.Pattern | None = None
    origin_trigger: Trigger = Trigger((), (), False)  # can a text hold an origin cue?


@dataclass(frozen=True)
class Match:
    event: str
    how: str  # sentence, period, article, auto
    curated: Event | None = None


def _words_re(words) -> regex.Pattern | None:
    words = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    if not words:
        return None
    return regexcache.compile(_LEFT + "(?:" + "|".join(regex.escape(w) for w in words) + ")" + _RIGHT,
                         _FLAGS)


def _compile(patterns, where: str, path: Path | str = "rules/events.toml") -> list[regex.Pattern]:
    """``patterns`` compiled; a bad one is reported against ``path`` (the file of the rules
    folder in use) and ``where`` (its event and key)."""
    out = []
    for p in patterns:
        try:
            p = p.replace("{APOS}", APOS)
            out.append(regexcache.compile(_LEFT + first_char_lookahead(p) + "(?:" + p + ")", _FLAGS))
        except regex.error as exc:
            raise FactcheckError(f"{path}: {where}: bad regex {p!r}: {exc}") from None
    return out


def events_file(root: Path | None = None) -> Path:
    return (root or rules_dir()) / "events.toml"


@lru_cache(maxsize=None)
def catalog(root: Path | None = None) -> Catalog:
    """The curated events of ``<root>/events.toml`` (cached); an absent file is no events."""
    path = events_file(root)
    data = read_data_file(path)
    opts = Options(**{k: int(v) for k, v in data.get("options", {}).items()
                      if k in Options.__dataclass_fields__})
    places = []
    party_places: dict[str, list[str]] = {}
    for pid, entry in data.get("places", {}).items():
        rx = _words_re(entry.get("names", ()))
        if rx is not None:
            places.append((pid, rx))
        for party in entry.get("parties", ()):
            party_places.setdefault(party, []).append(pid)
    events = []
    for e in data.get("events", ()):
        try:
            aliases = _compile(e.get("aliases", ()), f"{e['id']}.aliases", path)
            alias_trigger = Trigger.of(e.get("aliases", ()), {"APOS": None})
            keyword_triggers = tuple(Trigger.of([k], {"APOS": None})
                                     for k in e.get("keywords", ()))
            events.append(Event(
                id=e["id"], name=dict(e.get("name", {})), kind=e.get("kind", "event"),
                start=e["start"], end=e.get("end"), places=tuple(e.get("places", ())),
                aliases=(regexcache.compile("|".join(f"(?:{a.pattern})" for a in aliases), _FLAGS)
                         if aliases else None),
                keywords=tuple(_compile(e.get("keywords", ()), f"{e['id']}.keywords", path)),
                metrics=frozenset(e["metrics"]) if e.get("metrics") else None,
                trigger=Trigger.merge([alias_trigger, *keyword_triggers]),
                alias_trigger=alias_trigger,
                keyword_triggers=keyword_triggers,
                type=e.get("type"),
            ))
        except KeyError as exc:
            raise FactcheckError(f"{path}: event {e.get('id', '?')!r}: missing key {exc}") from None
        kinds = _type_ids(root)
        if events[-1].type is not None and kinds and events[-1].type not in kinds:
            raise FactcheckError(f"{path}: event {events[-1].id!r}: unknown type "
                                 f"{events[-1].type!r} (not in event_types.toml)")
    names = [(n, pid) for pid, entry in data.get("places", {}).items()
             for n in entry.get("names", ())]
    patterns = [(i, -1) for i, ev in enumerate(events) if ev.aliases is not None]
    patterns += [(i, k) for i, ev in enumerate(events) for k in range(len(ev.keywords))]
    patterns.sort()
    triggers = [events[i].alias_trigger if k < 0 else events[i].keyword_triggers[k]
                for i, k in patterns]
    return Catalog(tuple(events), tuple(places), WordIndex(names),
                   Trigger.merge(ev.trigger for ev in events),
                   {k: tuple(v) for k, v in party_places.items()}, opts, data,
                   tuple(patterns), TriggerIndex.of(triggers),
                   _origins_re(data.get("origins", {}), path),
                   Trigger.of(w for ws in data.get("origins", {}).values() for w in ws))


# a capitalised name of one or more words ("Sri Lanka", "Costa d'Avorio")
_NAME = r"\p{Lu}[\p{L}\p{M}'’-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]*)*"
# the names of a list after an origin cue: "Syria, Afghanistan, Iraq and Iran"
# (the same head again by a pronoun: "negli ospedali di Larissa e in quelli di Volos", "to
# hospitals in Volos and those in Lamia")
_NAME_LIST = (_NAME + r"(?:(?:[ \t]*,[ \t]*|[ \t]+(?:and|or|e|ed|o|to|verso)[ \t]+"
              r"(?:(?:(?:in|at|a|ad|negli|nell['’])[ \t]+)?"
              r"(?:those|that|quell[oaie]|quello)[ \t]+(?:of|in|at|di|a|ad)[ \t]+)?)"
              r"(?:(?:the|il|lo|la|l['’]|i|gli|le|dal|dalla|dall['’]|dai|dagli|dalle|da)[ \t]*)?"
              + _NAME + ")*")


def _origins_re(entry: dict, path: Path) -> regex.Pattern | None:
    """The origin cues of ``[origins]`` (every language), each followed by a list of names."""
    words = [w for lang in sorted(entry) for w in entry[lang]]
    if not words:
        return None
    for w in words:
        try:
            regexcache.compile(w, _FLAGS)
        except regex.error as exc:
            raise FactcheckError(f"{path}: origins: bad regex {w!r}: {exc}") from None
    cues = "|".join(sorted(words, key=lambda w: (-len(w), w)))
    # the cue in any case, the names capitalised; the lookahead of its first letters lets
    # the engine skip every other position
    return regexcache.compile(_LEFT + "(?i:" + first_char_lookahead(cues) + "(?:" + cues
                              + r"))[ \t]*(?P<names>" + _NAME_LIST + ")", regex.VERSION0)


# how far before and after one of its words an origin cue may start and end
_CUE_BEFORE, _CUE_AFTER = 40, 80


def _origin_spans(text: str, cat: Catalog) -> list[tuple[int, int]]:
    """The spans of the names after origin cues in ``text``: the (slow, case-blind) cue
    pattern is tried only around the words one of the cues holds."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer: scan it all
        return [m.span("names") for m in cat.origins.finditer(text)]
    hits = sorted(i for k in cat.origin_trigger.keys for i in _find_all(low, k))
    spans: list[tuple[int, int]] = []
    end = 0
    for i in hits:
        if i < end:
            continue
        m = cat.origins.search(text, max(end, i - _CUE_BEFORE), i + _CUE_AFTER)
        m = cat.origins.match(text, m.start()) if m is not None else None  # its whole list
        if m is not None:
            spans.append(m.span("names"))
            end = m.end()
    return spans


@lru_cache(maxsize=16)
def _keys_of(trigger: Trigger) -> tuple[str, ...]:
    return all_keys([trigger])


def _find_all(text: str, word: str) -> list[int]:
    out, at = [], text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out


# the last texts masked and their masks: an article's prose is masked for its context and
# again when its places are read (:func:`places_in` of the masked prose); checking a whole
# article for cue words twice was ~3 % of the context stage
_MASKS: dict[tuple[int, str], tuple[Catalog, str | None]] = {}
_MASKS_SIZE = 16


def mask_origins(text: str, cat: Catalog, toks: list[str] | None = None) -> str:
    """``text`` with the names that say where people come from ("migrants from Syria and
    Iraq", "provenienti da Siria e Pakistan") blanked (same length, so offsets hold): those
    are not where anything happened. ``toks``: its :func:`words.tokens`, if already cut
    (a whole article's cue words are then looked up in its distinct words)."""
    key = (id(cat), text)
    hit = _MASKS.get(key)
    if hit is not None and hit[0] is cat:
        return text if hit[1] is None else hit[1]  # nothing masked: the text itself, as always
    if len(_MASKS) >= _MASKS_SIZE:
        _MASKS.clear()
    out = _mask_origins(text, cat, toks)
    _MASKS[key] = (cat, None if out is text else out)
    return out


def _mask_origins(text: str, cat: Catalog, toks: list[str] | None = None) -> str:
    trigger = cat.origin_trigger
    if cat.origins is None or not (trigger.may_match(text) if toks is None else trigger.fires(
            present_keys_by_tokens(text, toks, _keys_of(trigger)))):
        return text
    spans = _origin_spans(text, cat)
    if not spans:
        return text
    out, at = [], 0
    for s, e in spans:
        out += [text[at:s], " " * (e - s)]
        at = e
    out.append(text[at:])
    return "".join(out)


def _type_ids(root: Path | None) -> frozenset[str]:
    """The ids of ``event_types.toml`` (none when the folder has no such file)."""
    from .event_types import vocabulary  # it reads the gazetteer, which reads this module

    return frozenset(vocabulary(root).types)


def places_in(text: str, cat: Catalog, parties: set[str] | frozenset[str] = frozenset(),
              toks: list[str] | None = None, words: list[str] | None = None) -> list[str]:
    """The place ids ``text`` names (in order of first mention), then those its parties
    imply; ``toks`` are its tokens (:func:`words.tokens`), if already cut, and ``words``
    the same in the text's own case (:func:`words.words_and_tokens`). A name saying where
    people come from ("migrants from Syria") is no place of the text's."""
    masked = mask_origins(text, cat)
    read = _capitalised_places(text, cat, toks, words) if masked is text else None
    out = read if read is not None else cat.place_index.in_order(
        masked, toks if masked is text else None)
    if out and read is None:
        # a place's name is capitalised: "una donna forse ucraina" names a nationality, not
        # the country "Ucraina" (read again with offsets only where a name was found)
        capital = {v for s, _, v in cat.place_index.find(masked) if masked[s:s + 1].isupper()}
        out = [p for p in out if p in capital]
    for party in sorted(parties):
        for pid in cat.party_places.get(party, ()):
            if pid not in out:
                out.append(pid)
    return out


def _capitalised_places(text: str, cat: Catalog, toks: list[str] | None,
                        words: list[str] | None) -> list[str] | None:
    """The place ids a text names with a capital, in order, read from its tokens in both
    cases (those of :func:`places_in`); None unless they are the words :meth:`WordIndex.find`
    would cut (a whole article's prose is not cut again, with offsets, for the capitals)."""
    if toks is None or words is None or not folds_alike(text):
        return None
    found = cat.place_index.matches(toks)
    capital = {v for i, _, v in found if words[i][:1].isupper()}
    return [v for v in dict.fromkeys(v for _, _, v in found) if v in capital]


def _length(p: Period) -> int:
    return (p[1] - p[0]).days + 1


def period_score(period: Period | None, span: Period, opts: Options) -> int | None:
    """Points for a figure's period against an event's span; None when they are disjoint."""
    if period is None:
        return 0
    if span[1] < period[0] <= span[1] + timedelta(days=opts.toll_lag_days):
        return opts.overlap_weight  # a toll "as of Thursday", days after the fighting ended
    if period[1] < span[0] or span[1] < period[0]:
        return None
    if span[0] <= period[0] and period[1] <= span[1]:
        return opts.contained_weight
    # a period a little wider than the event ("l'autunno del 2020" for a 44-day war)
    if period[0] <= span[0] and span[1] <= period[1] and _length(period) <= 3 * _length(span):
        return opts.contained_weight
    return opts.overlap_weight


@dataclass(frozen=True)
class Cues:
    """The cues of one event in one text: where its aliases are, and how many distinct
    keywords it has (computed once per sentence, scored per figure)."""

    aliases: tuple[tuple[int, int], ...]
    keywords: int


def find_cues(cat: Catalog, text: str, keys: tuple[str, ...] | frozenset[str] | None = None,
              first_alias: bool = False, events: Collection[int] | None = None
              ) -> dict[str, Cues]:
    """The cues of every event that has some in ``text``.

    Only the patterns whose trigger keys ``text`` holds are run. ``keys``: the cue keys
    that a text holding this one has (:func:`cue_keys_in` of the article, for one of its
    sentences), so a sentence looks up only those; None: all of them. ``first_alias``:
    only the first alias of each event is wanted (enough to score a whole article, where
    no clause tells one alias from another). ``events``: only the events of these indexes
    in ``cat.events`` (None: all).
    """
    spans: dict[int, tuple[tuple[int, int], ...]] = {}
    keywords: dict[int, int] = {}
    for p in cat.cue_index.fired(text, keys):
        i, k = cat.cue_patterns[p]
        if events is not None and i not in events:
            continue
        ev = cat.events[i]
        if k < 0 and first_alias:
            m = ev.aliases.search(text)
            spans[i] = (m.span(),) if m is not None else ()
        elif k < 0:
            spans[i] = tuple(m.span() for m in ev.aliases.finditer(text))
        elif ev.keywords[k].search(text):
            keywords[i] = keywords.get(i, 0) + 1
    out = {}
    for i in sorted(spans.keys() | keywords.keys()):  # in file order
        if spans.get(i) or keywords.get(i):
            out[cat.events[i].id] = Cues(spans.get(i, ()), keywords.get(i, 0))
    return out


def cue_keys_in(cat: Catalog, text: str, toks: list[str] | None = None) -> frozenset[str]:
    """The cue keys ``text`` holds: a superset of those of any part of it (a sentence of an
    article), so :func:`find_cues` of a part need only look those up. ``toks``: its
    :func:`words.tokens`, if already cut (the look-up is then over its distinct words)."""
    if toks is None:
        return present_keys(text, cat.cue_index.keys)
    return present_keys_by_tokens(text, toks, cat.cue_index.keys)


def cue_points(cues: Cues | None, clause: tuple[int, int] | None, opts: Options) -> int:
    """Points for an event's cues: an alias in the figure's clause counts full, elsewhere
    half (``clause=None``: the whole article, where an alias is as often a reference point,
    "dalla guerra del 2020", as the subject); each distinct keyword counts once."""
    if cues is None:
        return 0
    best = 0
    for s, e in cues.aliases:
        inside = clause is not None and s < clause[1] and e > clause[0]
        best = max(best, opts.alias_weight if inside else opts.alias_weight // 2)
    return best + opts.keyword_weight * cues.keywords


def _named_in(cues: Cues | None, clause: tuple[int, int] | None) -> bool:
    """Does one of the event's aliases lie in the figure's clause (the event named as its
    subject: "the 2020 war, in which ...")?"""
    return cues is not None and clause is not None and any(
        s < clause[1] and e > clause[0] for s, e in cues.aliases)


def cue_score(event: Event, text: str, clause: tuple[int, int] | None, opts: Options) -> int:
    """Points for the event's aliases and keywords in ``text`` (see :func:`cue_points`)."""
    spans = tuple(m.span() for m in event.aliases.finditer(text)) if event.aliases else ()
    return cue_points(Cues(spans, sum(1 for k in event.keywords if k.search(text))), clause,
                      opts)


def best_event(cat: Catalog, cues: dict[str, Cues], clause: tuple[int, int] | None,
               metric: str | None, period: Period | None, how: str | None, places: list[str],
               kind: str | None = None, fits_type: Callable[[Event], bool] | None = None,
               needs_anchor: bool = False) -> tuple[Event, int, int] | None:
    """The best curated event for a figure: (event, score, cue points) or None.

    ``how`` is how the period was found: a stated one ("explicit", "relative", "span")
    excludes a disjoint event; the article's date ("article") only adds points when it
    falls in the event or shortly after it (a report published after a war ended still
    counts that war). A period alone makes an event only when it is explicit and names
    when things happened ("nell'autunno del 2020"); a relative one ("martedì") or the
    start of a count ("dal 1992", ``kind`` "since") needs a cue or a place too.

    ``fits_type``: may the figure, by the type of event its text names, belong to an event
    (a flood's toll never joins a blockade)? An event it does not fit is left out unless
    the figure's clause holds one of its aliases. ``needs_anchor``: True when the article
    says where its own event happened and names no theatre of the catalogue (a flood in
    Italy "between 2 and 3 May 2023", a war elsewhere with a "blockade"): an event then
    needs one of its places or an alias in the sentence; a period or keywords alone never
    make it.
    """
    opts = cat.options
    stated = how not in (None, "article")
    ranked = []
    for ev in cat.events:
        if ev.metrics is not None and metric is not None and metric not in ev.metrics:
            continue
        shared = [p for p in places if p in ev.places]
        if places and not shared:
            continue
        points = cue_points(cues.get(ev.id), clause, opts)
        if needs_anchor and not shared and not (ev.id in cues and cues[ev.id].aliases):
            continue
        if stated:
            p = period_score(period, ev.span(), opts)
            if p is None:
                continue
        else:
            p = _article_score(period, ev, opts)
        place = opts.place_weight if shared else 0
        # an event made for this metric (a mission's troop count) is the more specific one
        fit = opts.metric_weight if ev.metrics is not None and metric in ev.metrics else 0
        score = points + p + place + fit
        if score < opts.min_score:
            continue
        if points + place == 0 and not (how == "explicit" and kind not in _WEAK_KINDS
                                      and p >= opts.contained_weight):
            continue
        if fits_type is not None and not _named_in(cues.get(ev.id), clause) \
                and not fits_type(ev):  # asked last: it reads the article's triggers
            continue
        ranked.append((-score, _length(ev.span()), ev.id, ev, score, points))
    if not ranked:
        return None
    ranked.sort(key=lambda r: r[:3])
    _, _, _, ev, score, points = ranked[0]
    return ev, score, points


def _article_score(period: Period | None, ev: Event, opts: Options) -> int:
    """Points for the article's own time: inside the event, or within the lag after it."""
    if period is None:
        return 0
    start, end = ev.span(period[1])
    if start <= period[0] and period[1] <= end:
        return opts.contained_weight
    if start <= period[1] and period[0] <= end + timedelta(days=opts.article_lag_days):
        return opts.overlap_weight
    return 0


def article_event(cat: Catalog, text: str, published: date | None, places: list[str],
                  keys: frozenset[str] | None = None) -> Event | None:
    """The event the whole article is about, if its cues are strong enough (``keys``: its
    :func:`cue_keys_in`, if already found)."""
    opts = cat.options
    candidates = {}  # event index -> points for the article's date
    for i, ev in enumerate(cat.events):
        if places and not any(p in ev.places for p in places):
            continue
        score = 0
        if published is not None:
            start, end = ev.span(published)
            if start <= published <= end + timedelta(days=opts.article_lag_days):
                score += opts.contained_weight
            elif published < start:
                continue  # an article cannot be about an event after it
        candidates[i] = score
    # the cues of those events only
    cues = find_cues(cat, text, keys, first_alias=True, events=candidates) if candidates else {}
    ranked = []
    for i, date_points in candidates.items():
        ev = cat.events[i]
        score = cue_points(cues.get(ev.id), None, opts) + date_points
        if score >= opts.article_min_score:
            ranked.append((-score, _length(ev.span()), ev.id, ev))
    if not ranked:
        return None
    ranked.sort(key=lambda r: r[:3])
    return ranked[0][3]


def auto_event(places: list[str], period: Period | None) -> str | None:
    """``auto:<place>:<year>`` from the figure's first place and the year of its period."""
    if not places or period is None:
        return None
    start, end = period
    if start is None or end is None:
        return None
    year = start.year if start.year == end.year else None
    if year is None:
        return None
    return f"auto:{places[0]}:{year}"


# ---------------------------------------------------------------- automatic events

def auto_id(kind: str, place: str, when: date | None, year_only: bool = False,
            day: bool = False, earlier: bool = False, apart: bool = False,
            series: bool = False) -> str:
    """``auto:<type>:<place>:<yyyy-mm>`` (``<yyyy>`` when only the year is known;
    ``<yyyy-mm-dd>`` with ``day``: an earlier episode of a report's event, told by its day:
    "the first floods, on 2 and 3 May", in a report on the floods of 16 May; ``earlier``
    with no date: an event its report tells as over before its own, at a date it does not
    state, "il sisma dell'Aquila aveva ucciso 309 persone": ``auto:earthquake:l-aquila:earlier``;
    ``apart``: an event its report says a figure is unrelated to its own, ``:apart`` after
    the rest, ``auto:storm:abruzzo:2017-01:apart``; ``series``: an event its report tells
    as one series struck at once over the places its place holds, ``:series`` after the
    rest, ``auto:attack:kenya:2031-03:series``)."""
    stamp = EARLIER if earlier else "" if when is None else (f"{when.year:04d}" if year_only
                                      else f"{when.isoformat()}" if day
                                      else f"{when.year:04d}-{when.month:02d}")
    out = f"auto:{kind}:{place}:{stamp}" if stamp else f"auto:{kind}:{place}"
    if series and not apart and not earlier:
        out = f"{out}:{SERIES}"
    return f"{out}:{APART}" if apart else out


# the stamp of an event told as over before its report at a date the report does not state
# ("The Amatrice quake had killed 299", in a report on another quake): it meets only events
# told so, never a dated one nor a report's own undated one (:mod:`.merge`)
EARLIER = "earlier"


# the last part of the id of an event a report tells apart from its own ("11 lives
# unrelated to the hotel disaster": the weather's, in the report's region): it meets only
# events told so, never one a report tells as its own (:mod:`.merge`)
APART = "apart"


# the last part of the id of an event its report tells as one series struck at once over
# several places ("una serie coordinata di attacchi" on three towns), keyed where they all
# lie: the merge joins it to the events of every one of those places (:mod:`.merge`)
SERIES = "series"


# the place slot of an event known by its own name ("Hurricane Maria" -> "name-maria"):
# no gazetteer slug starts so, so a name never reads as a place
NAME_PREFIX = "name-"


def name_slot(name: str) -> str:
    """The place slot of an event named ``name``: "Maria" -> "name-maria"."""
    from .gazetteer import slugify

    return NAME_PREFIX + slugify(name)


def is_name(place: str) -> bool:
    """Is an automatic id's place slot an event's own name (:func:`name_slot`)?"""
    return place.startswith(NAME_PREFIX)


# the place slot of an event known by its site, a landmark no gazetteer lists
# ("site-marmolada@canazei", :mod:`.sites`): no gazetteer slug starts so either
SITE_PREFIX = "site-"


def is_site(place: str) -> bool:
    """Is an automatic id's place slot a site (:func:`.sites.site_slot`)?"""
    return place.startswith(SITE_PREFIX)


# a named event's slot may carry where its article says it struck ("name-maria@puerto-rico"),
# so a report naming only the place and the type meets it (:mod:`.merge`); a merged one
# carries where most of its reports say it struck
AT = "@"


def slot_parts(place: str) -> tuple[str | None, str | None]:
    """(the event's own name or site slot or None, the place slug or None) of a place slot:
    "name-maria@puerto-rico" -> ("name-maria", "puerto-rico"), "name-maria" ->
    ("name-maria", None), "site-marmolada@canazei" -> ("site-marmolada", "canazei"),
    "valencia" -> (None, "valencia")."""
    if not (is_name(place) or is_site(place)):
        return None, place
    name, _, where = place.partition(AT)
    return name, where or None


@dataclass(frozen=True)
class AutoParts:
    kind: str
    place: str
    year: int | None
    month: int | None
    day: int | None = None
    earlier: bool = False  # undated, told as over before its report (:data:`EARLIER`)
    apart: bool = False  # told apart from its report's own event (:data:`APART`)
    series: bool = False  # told as one series over the places it holds (:data:`SERIES`)


def parse_auto(event: str | None) -> AutoParts | None:
    """The parts of an automatic id ``auto:<type>:<place>:<yyyy[-mm[-dd]]>``, or None."""
    if not event or not event.startswith("auto:"):
        return None
    parts = event.split(":")
    if len(parts) in (4, 5) and parts[-1] == APART:
        inner = parse_auto(":".join(parts[:-1]))
        return None if inner is None or inner.earlier else replace(inner, apart=True)
    if len(parts) in (4, 5) and parts[-1] == SERIES:
        inner = parse_auto(":".join(parts[:-1]))
        return None if inner is None or inner.earlier or inner.apart \
            else replace(inner, series=True)
    if len(parts) == 3:  # undated
        return AutoParts(parts[1], parts[2], None, None)
    if len(parts) != 4:
        return None
    _, kind, place, stamp = parts
    if stamp == EARLIER:
        return AutoParts(kind, place, None, None, earlier=True)
    y, _, m = stamp.partition("-")
    m, _, d = m.partition("-")
    if not y.isdigit() or (m and not m.isdigit()) or (d and not (m and d.isdigit())):
        return None
    return AutoParts(kind, place, int(y), int(m) if m else None, int(d) if d else None)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def event_label(event: str | None, root: Path | None = None) -> str:
    """An event in words: "flood · Valencia · October 2024" for an automatic id, the
    curated event's English name for a curated one, the id itself otherwise."""
    if not event:
        return "event unknown"
    parts = parse_auto(event)
    if parts is None:
        for ev in catalog(root).events:
            if ev.id == event:
                return ev.name.get("en") or event
        return event
    from .event_types import vocabulary
    from .gazetteer import gazetteer

    t = vocabulary(root).types.get(parts.kind)
    what = t.label("en") if t is not None else parts.kind
    name, slug = slot_parts(parts.place)
    place = gazetteer(root).get(slug) if slug else None
    slot = name.partition("-")[2] if name else parts.place  # "name-maria", "site-marmolada"
    where = (slot.replace("-", " ").title() if name or place is None else place.name)
    if name and place is not None:  # "storm · Maria (Puerto Rico) · September 2017",
        # "collapse · Marmolada (Canazei) · July 2022"
        where = f"{where} ({place.name})"
    when = (f"{_MONTHS[parts.month - 1]} {parts.year}" if parts.month
            else str(parts.year) if parts.year else "")
    if parts.day:  # an earlier episode: "flood · Cesena · 2 May 2023"
        when = f"{parts.day} {when}"
    if parts.earlier:  # "earthquake · L'Aquila · earlier"
        when = EARLIER
    # "storm · Abruzzo · January 2017 · apart": told apart from its report's own event
    return " · ".join(x for x in (what, where, when, APART if parts.apart else "",
                                  SERIES if parts.series else "") if x)
