"""What happened: event types found from trigger words (``rules/event_types.toml``).

A sentence that holds a trigger ("alluvione", "landslide", "missile strike") is about an
event of that type. Each type also says how far apart in space (``reach_km``) and time
(``window_days``) two reports may be and still be one event, and which other types the
same event is reported as (a storm's floods): :mod:`.merge` uses those.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

from .. import regexcache
from ..errors import FactcheckError
from ..langdata import LANGS
from ..paths import rules_dir
from ..tomlfile import read_data_file
from .words import Trigger, TriggerIndex, pattern_trigger, present_keys, present_keys_by_tokens

_FLAGS = regex.IGNORECASE | regex.VERSION0
_LEFT = r"(?<![\p{L}\p{N}])"
_RIGHT = r"(?![\p{L}\p{N}])"
# how many words may stand between the word that opens a trigger's clause and the figure it
# counts ("that | killed at least | 112"): the clause's own words, however long the trigger's
# noun phrase before it ("a fire in a garment factory in the north last November | that")
_RELATIVE_TO_FIGURE = 4
# how many words of a "when" clause may come before the trigger of the event it dates ("since
# 2005, when 17 people were killed in a | collision"): no comma between
_THEN_WORDS = 7
# how far after a trigger "N units earlier" still tells of it ("a blaze nearly seven
# months earlier")
_EARLIER_CHARS = 40
# no relative clause runs over these
_SENTENCE_STOP = regexcache.compile(r"[.;:!?()\[\]«»“”\"]")


@dataclass(frozen=True)
class EventType:
    """One kind of event and how widely one such event spreads."""

    id: str
    name: dict[str, str]
    reach_km: float
    window_days: int
    compatible: frozenset[str]
    # how long after it a report naming it by its own name ("Hurricane Maria") still joins
    # it: a name is kept for one event for years (a storm's is retired or reused after six)
    name_window_days: int = 0
    # the types of the events this one is made of (a war's strikes): see :meth:`Vocabulary.contains`
    contains: frozenset[str] = frozenset()
    # one place sees several of them within days (strikes on one city, crashes on its roads):
    # one told as "another" is not the report's own (:meth:`Vocabulary.another`)
    recurs: bool = False
    # the types whose weak triggers are this type's in an article about this type (a bare
    # "fire" in a report on a tower block's fire): see :meth:`Vocabulary.secondary`
    takes_weak: frozenset[str] = frozenset()
    # one event of this type may strike several places at once (a coordinated series of
    # bombings across a country): see :meth:`Vocabulary.series`
    series: bool = False
    # how long after it a report naming its site (:mod:`.sites`: "the Costa Concordia", "la
    # Torre Verde") still joins it: what such an event destroys (a ship that sinks, a building
    # that collapses or burns) meets it once, so its name links reports across months, as a
    # storm's does; 0: the type's window (a mountain or a mine sees several over the years)
    site_window_days: int = 0
    # the types of the events this one brings about (a quake's collapsed buildings and
    # landslides): in a report naming this one in its lead, they are how it went, so the
    # report's own event is this one however often it names them (:meth:`Vocabulary.brings`)
    brings: frozenset[str] = frozenset()
    # an event of this type may cover a whole country over weeks (a monsoon's floods): a
    # report naming its places in several regions of one country keys it at that country,
    # and two reports so keyed at one country within this many days are one event (a
    # season's); 0: never (a collapse, a quake keep to their reach and window)
    country_days: int = 0

    def label(self, lang: str = "en") -> str:
        return self.name.get(lang) or self.name.get("en") or self.id


@dataclass(frozen=True)
class TypeExample:
    type: str
    text: str
    lang: str
    expected: bool  # an example (True) or a counter-example (False)

    @property
    def label(self) -> str:
        return f"{self.type}: {'' if self.expected else 'not '}{self.text!r}"


@dataclass(frozen=True)
class NameExample:
    """A sentence and the event name it gives ("" for none)."""

    text: str
    lang: str
    name: str

    @property
    def label(self) -> str:
        return f"name {self.name or 'none'}: {self.text!r}"


@dataclass(frozen=True)
class Scanner:
    """One language's triggers: each type's alternation, and which types a text's words
    allow at all (a trigger always holds one of its type's literal words), so a text is
    scanned only for the types it may name, not the whole vocabulary."""

    types: tuple[str, ...]  # type ids, in file order (the first listed wins a tie)
    sources: tuple[str, ...]  # per type: its named group with its triggers
    index: TriggerIndex  # per type: the literal words one of its triggers holds
    compiled: dict[tuple[int, ...], regex.Pattern] = field(default_factory=dict,
                                                           compare=False, repr=False)

    def present(self, text: str, toks: list[str] | None = None) -> frozenset[str]:
        """The literal words of triggers that ``text`` holds (``toks``: its :func:`tokens`,
        if already cut: the look-up is then over its distinct words)."""
        return (present_keys(text, self.index.keys) if toks is None
                else present_keys_by_tokens(text, toks, self.index.keys))

    def fired(self, keys: frozenset[str]) -> tuple[int, ...]:
        """The indexes of the types a text holding ``keys`` (:meth:`present`) may name."""
        found = set(self.index.always)
        for k in keys:
            found |= self.index.by_key.get(k, ())
        return tuple(sorted(found))

    def pattern(self, fired: tuple[int, ...]) -> regex.Pattern:
        """The alternation of the types ``fired`` (compiled once per combination)."""
        rx = self.compiled.get(fired)
        if rx is None:
            rx = regexcache.compile(_LEFT + "(?:" + "|".join(self.sources[i] for i in fired)
                                    + ")" + _RIGHT, _FLAGS)
            self.compiled[fired] = rx
        return rx


@dataclass(frozen=True)
class Vocabulary:
    """Every event type, with its trigger scanner per language."""

    types: dict[str, EventType]
    scanners: dict[str, Scanner]  # lang -> its triggers
    unless: dict[str, dict[str, regex.Pattern]]  # lang -> type -> veto
    group_type: dict[str, str]  # group name -> type id
    examples: tuple[TypeExample, ...] = ()
    # lang -> the triggers that take a name after them ("uragano Maria"), one group per type
    name_rx: dict[str, regex.Pattern] = field(default_factory=dict)
    not_names: frozenset[str] = frozenset()  # capitalised words after them that are no name
    name_examples: tuple[NameExample, ...] = ()
    # lang -> words that make a sentence go on about the one before ("of those deaths")
    follows: dict[str, regex.Pattern] = field(default_factory=dict)
    # lang -> the verbs whose capitalised subject is an event's name ("Katrina roared
    # across"), one group per type; and the capitalised words that are no subject's name
    verb_rx: dict[str, regex.Pattern] = field(default_factory=dict)
    not_subjects: frozenset[str] = frozenset()
    # lang -> type -> its weak triggers: a verb that names the type only in an article not
    # about an incompatible one ("the boat crashed against rocks", in a shipwreck's report)
    weak: dict[str, dict[str, regex.Pattern]] = field(default_factory=dict)
    # lang -> words that say a figure is unrelated to an event ("unrelated to", "estraneo a")
    unrelated_rx: dict[str, regex.Pattern] = field(default_factory=dict)
    # lang -> a year, a word telling what happened then and up to two words, ending where an
    # event's trigger starts ("since 2014, when the | ferry sank")
    then_rx: dict[str, regex.Pattern] = field(default_factory=dict)
    # lang -> a word of "another" and at most one word, ending where a trigger starts ("in
    # another Israeli | strike", "un altro | raid")
    another_rx: dict[str, regex.Pattern] = field(default_factory=dict)
    # lang -> a definite word and at most two words, ending where a trigger starts ("over
    # the train | crash", "dopo l'| incidente ferroviario")
    given_rx: dict[str, regex.Pattern] = field(default_factory=dict)
    # lang -> a relative word right after a trigger ("the crash | that killed"), and a word
    # of reported speech right before its definite word ("dicono che | lo scontro")
    relative_rx: dict[str, regex.Pattern] = field(default_factory=dict)
    # lang -> a relative word anywhere ("the fire of May 2020 | that killed 112")
    relative_any: dict[str, regex.Pattern] = field(default_factory=dict)
    reported_rx: dict[str, regex.Pattern] = field(default_factory=dict)
    # lang -> a word of reported speech, anywhere ("said in Istanbul that ...")
    speech_rx: dict[str, regex.Pattern] = field(default_factory=dict)
    # lang -> a verb in the pluperfect ("had killed", "aveva ucciso"): told as over before
    # the time the report tells of
    earlier_rx: dict[str, regex.Pattern] = field(default_factory=dict)
    # lang -> words that date the making of a building or a work ("built in", "costruito
    # nel"), ending where the date starts: that date is no event's
    built_rx: dict[str, regex.Pattern] = field(default_factory=dict)
    # lang -> the words of those that date whatever their sentence's subject is ("dates back
    # to", "risale al"): a building's making, or an event's day when the subject is one
    dating_rx: dict[str, regex.Pattern] = field(default_factory=dict)
    # lang -> words telling how long before an event happened, ending where its trigger
    # starts ("dieci anni dal | crollo", "the tenth anniversary of the | quake"); words
    # telling a figure's event happened so long before the report's ("five months earlier");
    # and the ordinal words they may hold ("decimo" -> 10)
    elapsed_rx: dict[str, regex.Pattern] = field(default_factory=dict)
    earlier_by_rx: dict[str, regex.Pattern] = field(default_factory=dict)
    ordinals: dict[str, dict[str, int]] = field(default_factory=dict)
    # lang -> a target told where it happened ("in una | scuola", "at the | hospital"),
    # one group per target ("t_school"), and "ind" for an indefinite article before it
    target_rx: dict[str, regex.Pattern] = field(default_factory=dict)
    # lang -> the words that tell a trigger as one series struck at once over several
    # places, right before it ("a series of | attacks", "near simultaneous | blasts") and
    # right after it ("esplosioni | in sequenza", "attacchi | coordinati")
    series_before: dict[str, regex.Pattern] = field(default_factory=dict)
    series_after: dict[str, regex.Pattern] = field(default_factory=dict)
    series_examples: tuple[TypeExample, ...] = ()

    def series(self, text: str, lang: str, at: int, end: int, kind: str) -> bool:
        """Is the trigger of type ``kind`` at ``at``..``end`` of ``text`` told as one series
        struck at once over several places ("a series of coordinated attacks", "le
        esplosioni in sequenza"), of a type that may be (``series = true``)?"""
        t = self.types.get(kind)
        if t is None or not t.series:
            return False
        before, after = self.series_before.get(lang), self.series_after.get(lang)
        return (before is not None and before.search(text, max(0, at - 40), at) is not None) \
            or (after is not None and after.match(text, end) is not None)

    def is_weak(self, text: str, lang: str, kind: str) -> bool:
        """Is ``text`` (a trigger found by :meth:`find`) one of type ``kind``'s weak ones?"""
        rx = self.weak.get(lang, {}).get(kind)
        return rx is not None and rx.fullmatch(text) is not None

    def secondary(self, text: str, lang: str, found: list[tuple[int, int, str]],
                  kind: str | None, numbers: Mapping[str, int] | None = None,
                  units: Mapping[str, str] | None = None) -> list[tuple[int, int, str]]:
        """``found`` (the triggers of ``text``) without the weak ones of a type incompatible
        with ``kind``, the article's: there they tell how its own event went ("the boat
        crashed against rocks"), not of a second event; and with the weak ones of a type
        ``kind`` takes (:attr:`EventType.takes_weak`) as ``kind``'s: a bare "fire" in a
        report on a tower block's fire is that fire, no wildfire. A weak trigger told as over
        so long before (:meth:`told_earlier`, with the language's ``numbers`` and ``units``)
        is kept: "a blaze nearly seven months earlier" is an event of its own."""
        if kind is None or not self.weak.get(lang):
            return found
        t = self.types.get(kind)
        takes = t.takes_weak if t is not None else frozenset()
        out = []
        for f in found:
            weak = self.is_weak(text[f[0]:f[1]], lang, f[2])
            if weak and f[2] in takes:
                out.append((f[0], f[1], kind))
            elif not weak or self.compatible(f[2], kind) or (
                    numbers is not None and units is not None
                    and self.told_earlier(text, lang, f[1], numbers, units)):
                out.append(f)
        return out

    def told_earlier(self, text: str, lang: str, end: int, numbers: Mapping[str, int],
                     units: Mapping[str, str]) -> bool:
        """Is the trigger ending at ``end`` told as over so long before ("a blaze nearly
        seven months earlier", "un incendio di sette mesi prima": ``[elapsed] earlier``),
        within its clause (:data:`_EARLIER_CHARS`, no comma between)? Then a weak trigger
        names an event of its own, not how the article's went."""
        rx = self.earlier_by_rx.get(lang)
        if rx is None:
            return False
        m = rx.search(text, end, min(len(text), end + _EARLIER_CHARS))
        return m is not None and not _CLAUSE_END.search(text, end, m.start()) \
            and self._elapsed(m, lang, numbers, units) is not None

    def unrelated(self, text: str, lang: str) -> tuple[int, int] | None:
        """Where ``text`` says its figures are unrelated to an event ("11 lives unrelated to
        the hotel disaster", "estranei al crollo"): the span of the cue and its object (up to
        the next comma, semicolon or full stop), or None."""
        rx = self.unrelated_rx.get(lang)
        m = rx.search(text) if rx is not None else None
        if m is None:
            return None
        stop = _CLAUSE_END.search(text, m.end())
        return m.start(), stop.start() if stop else len(text)

    def year_then(self, text: str, lang: str, at: int) -> int | None:
        """The year that dates the event whose trigger starts at ``at`` in ``text`` by a word
        telling what happened that year ("since 2014, when the ferry sank"), or None."""
        rx = self.then_rx.get(lang)
        m = rx.search(text, max(0, at - 100), at) if rx is not None else None
        return int(m.group(1)) if m else None

    def elapsed(self, text: str, lang: str, at: int, numbers: Mapping[str, int],
                units: Mapping[str, str]) -> tuple[int, str] | None:
        """How long before the time ``text`` tells the event whose trigger starts at ``at``
        happened, by words right before it ("dieci anni dal crollo", "five months after the
        fire", "the tenth anniversary of the quake"), as (count, unit), or None; ``numbers``
        and ``units``: the language's words ("dieci" -> 10, "mesi" -> "month")."""
        rx = self.elapsed_rx.get(lang)
        m = rx.search(text, max(0, at - 80), at) if rx is not None else None
        return self._elapsed(m, lang, numbers, units) if m else None

    def elapsed_earlier(self, text: str, lang: str, start: int, end: int,
                        numbers: Mapping[str, int], units: Mapping[str, str]
                        ) -> tuple[int, str] | None:
        """The last "N units earlier" in ``text[start:end]`` ("a fire five months earlier",
        "cinque mesi prima"), as (count, unit), or None."""
        rx = self.earlier_by_rx.get(lang)
        if rx is None:
            return None
        found = None
        for m in rx.finditer(text, start, end):
            found = self._elapsed(m, lang, numbers, units) or found
        return found

    def _elapsed(self, m: regex.Match, lang: str, numbers: Mapping[str, int],
                 units: Mapping[str, str]) -> tuple[int, str] | None:
        groups = m.groupdict()
        if groups.get("o"):
            word, unit = groups["o"].casefold(), "year"  # an anniversary: years
            digits = regex.match(r"\d+", word)
            n = int(digits.group()) if digits else self.ordinals.get(lang, {}).get(word)
        else:
            word, unit = groups["n"].casefold(), units.get(groups["unit"].casefold())
            n = int(word) if word.isdigit() else numbers.get(word)
        return (n, unit) if n and unit else None

    def targets(self, text: str, lang: str, start: int = 0, end: int | None = None
                ) -> list[tuple[int, str, bool]]:
        """The targets ``text[start:end]`` tells a strike hit, after a locative ("sull'ospedale",
        "in una scuola", "at the hospital"), as (where, target id, told with an indefinite
        article: a target not told before)."""
        rx = self.target_rx.get(lang)
        if rx is None:
            return []
        out = []
        for m in rx.finditer(text, start, len(text) if end is None else end):
            tid = next((g[2:] for g, v in m.groupdict().items()
                        if g.startswith("t_") and v is not None), None)
            if tid is not None:
                out.append((m.start(), tid, m.group("ind") is not None))
        return out

    def another(self, text: str, lang: str, at: int, kind: str) -> bool:
        """Does the trigger of type ``kind`` starting at ``at`` in ``text`` tell of another
        event than one told before ("another strike", "un altro raid"), of a type one place
        sees several of within days (``recurs``)?"""
        t = self.types.get(kind)
        rx = self.another_rx.get(lang)
        return (t is not None and t.recurs and rx is not None
                and rx.search(text, max(0, at - 40), at) is not None)

    def given(self, text: str, lang: str, at: int) -> bool:
        """Is the trigger starting at ``at`` in ``text`` told as an event already known ("the
        crash", "l'incidente": a definite word before it)?"""
        rx = self.given_rx.get(lang)
        return rx is not None and rx.search(text, max(0, at - 40), at) is not None

    def embedded(self, text: str, lang: str, at: int, end: int) -> bool:
        """Is the trigger at ``at``..``end``, told as known (:meth:`given`), the subject of a
        clause inside another ("over the crash that killed 57", "dicono che lo scontro ha
        causato 80 feriti")? The other clause's place is where its own verb happened."""
        if not self.given(text, lang, at):
            return False
        rel, rep = self.relative_rx.get(lang), self.reported_rx.get(lang)
        return (rel is not None and rel.match(text, end) is not None) or (
            rep is not None and rep.search(text, max(0, at - 60), at) is not None)

    def relative_between(self, text: str, lang: str, end: int, at: int) -> bool:
        """Does a clause of the trigger ending at ``end`` open between it and a figure
        starting at ``at`` in ``text``: a relative word or a participle (``given.relatives``,
        ``given.participles``) after the trigger's noun phrase, whatever its length, with at
        most ``_RELATIVE_TO_FIGURE`` words after it and no sentence stop between ("the
        factory fire of May 2030 that killed 112", "a fire in a garment factory in the
        north last November that killed 112", "il rogo di una fabbrica della periferia,
        costato la vita a 112 operai")? A "that" after a word of reported speech ("said
        that 112 died") opens what was said, no clause of the trigger. The figure then
        counts that trigger's event."""
        rx = self.relative_any.get(lang)
        if rx is None or at <= end:
            return False
        gap = text[end:at]
        if _SENTENCE_STOP.search(gap):
            return False
        speech = self.speech_rx.get(lang)
        for m in rx.finditer(gap):
            if len(gap[m.end():].split()) > _RELATIVE_TO_FIGURE:
                continue
            said = speech is not None and any(
                s.end() <= m.start() and not gap[s.end():m.start()].strip()
                for s in speech.finditer(gap, 0, m.start()))
            if not said:
                return True
        return False

    def speech(self, text: str, lang: str) -> list[int]:
        """Where the words of reported speech of ``text`` start ("said", "ha detto che")."""
        rx = self.speech_rx.get(lang)
        return [m.start() for m in rx.finditer(text)] if rx is not None else []

    def earlier(self, text: str, lang: str, start: int = 0, end: int | None = None) -> bool:
        """Does ``text`` (between ``start`` and ``end``) hold a verb in the pluperfect ("had
        killed", "aveva ucciso"), telling of what was over before the time of the report?"""
        rx = self.earlier_rx.get(lang)
        return rx is not None and rx.search(
            text, start, len(text) if end is None else end) is not None

    def built(self, text: str, lang: str, at: int) -> bool:
        """Does the date starting at ``at`` in ``text`` date the making of a building or a
        work ("Grenfell-like towers were built in 1974", "il ponte, inaugurato nel 1967"),
        not anything that happened to it?"""
        rx = self.built_rx.get(lang)
        return rx is not None and rx.search(text, max(0, at - 40), at) is not None

    def dating(self, text: str, lang: str, at: int) -> bool:
        """Is the date starting at ``at`` in ``text`` told by a word that dates its subject,
        whatever it is ("The Colmarino railway massacre dates back to 29 June 2009"), not
        one of making ("built in")?"""
        rx = self.dating_rx.get(lang)
        return rx is not None and rx.search(text, max(0, at - 40), at) is not None

    def goes_on(self, text: str, lang: str) -> bool:
        """Does ``text`` refer back to the sentence before it ("More than 1,500 of those
        deaths were in Louisiana", "Di queste, 12 erano bambini")?"""
        rx = self.follows.get(lang)
        return rx is not None and rx.search(text) is not None

    def names(self, text: str, lang: str) -> list[tuple[int, int, str, str]]:
        """(start, end, type, name) of every event named by its own name in ``text``
        ("Hurricane Maria", "il ciclone Idai"): the name is the event's, never a place."""
        rx = self.name_rx.get(lang)
        if rx is None:
            return []
        out = []
        for m in rx.finditer(text):
            kind = next(self.group_type[g] for g, v in m.groupdict().items()
                        if v is not None and g not in ("name", "more"))
            # "hurricanes Irma and Maria": each name of a list
            for w in _NAME_WORD.finditer(text, m.start("name"), m.end("more")):
                if w.group().casefold() not in self.not_names:
                    out.append((w.start(), w.end(), kind, w.group()))
        return out

    def subject_names(self, text: str, lang: str) -> list[tuple[int, int, str, str]]:
        """(start, end, type, name) of every capitalised name that is the subject of one of
        a type's ``name_verbs`` in ``text`` ("Katrina roared across the coast"): an event's
        name only in an article about that type of event (the caller's to check)."""
        rx = self.verb_rx.get(lang)
        if rx is None or not pattern_trigger(rx).may_match(text):  # most sentences: no such verb
            return []
        out = []
        for m in rx.finditer(text):
            w = m.group("name")
            if w.casefold() in self.not_names or w.casefold() in self.not_subjects:
                continue
            # the last word of a longer name ("the Prime Minister struck", "Gulf Coast"),
            # not one after a capitalised connective ("After Katrina struck")
            before = _WORD_BEFORE.search(text, 0, m.start("name"))
            if before is not None and before.group(1)[0].isupper() \
                    and before.group(1).casefold() not in self.not_subjects:
                continue
            kind = next(self.group_type[g] for g, v in m.groupdict().items()
                        if v is not None and g != "name")
            out.append((m.start("name"), m.end("name"), kind, w))
        return out

    def name_window(self, *types: str) -> int:
        """How many days apart two reports naming one event by its name may be."""
        return max((max(self.types[t].name_window_days, self.types[t].window_days)
                    for t in types if t in self.types), default=14)

    def site_window(self, *types: str) -> int:
        """How many days apart two reports naming one site of an event of ``types`` may be:
        the narrowest of their site windows (a ship's wreck and a glacier's avalanche share
        no site's lifetime), never less than their own window."""
        known = [self.types[t] for t in types if t in self.types]
        if not known:
            return 14
        return max(min(t.site_window_days for t in known), max(t.window_days for t in known))

    def find(self, text: str, lang: str, toks: list[str] | None = None
             ) -> list[tuple[int, int, str]]:
        """(start, end, type) of every trigger in ``text``, in order; a type whose
        ``unless`` matches the text is left out. ``toks``: its :func:`tokens`, if cut."""
        return self.find_each((text,), lang, toks)[0]

    def find_each(self, texts: list[str] | tuple[str, ...], lang: str,
                  toks: list[str] | None = None) -> list[list[tuple[int, int, str]]]:
        """:meth:`find` of each text (the words of triggers looked up once, in all of them
        joined by newlines); each text's vetoes are its own. ``toks``: the :func:`tokens` of
        the joined texts, if already cut."""
        out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        scanner = self.scanners.get(lang)
        if scanner is None:
            return out
        keys = scanner.present("\n".join(texts), toks)
        fired = scanner.fired(keys)
        if not fired:  # most articles name no event type at all
            return out
        rx = scanner.pattern(fired)
        if scanner.index.always or len(texts) == 1:
            hit = range(len(texts))
        else:  # a trigger holds one of its words: only the texts holding one are scanned
            words = tuple(k for k in keys if k in scanner.index.by_key)
            hit = [i for i, t in enumerate(texts)
                   if any(map(t.casefold().__contains__, words))]
        for i in hit:
            out[i] = [(m.start(), m.end(), self.group_type[m.lastgroup])
                      for m in rx.finditer(texts[i])]
        vetoes = self.unless.get(lang, {})
        for i in hit:
            if not out[i]:
                continue
            kinds = {t for _, _, t in out[i] if t in vetoes}
            vetoed = {t for t in kinds if vetoes[t].search(texts[i])}
            if vetoed:
                out[i] = [f for f in out[i] if f[2] not in vetoed]
        return out

    def first(self, text: str, lang: str) -> str | None:
        """The type of the first trigger in ``text``, or None."""
        found = self.find(text, lang)
        return found[0][2] if found else None

    def compatible(self, a: str, b: str) -> bool:
        """May an event of type ``a`` and one of type ``b`` be the same event?"""
        if a == b:
            return True
        ta, tb = self.types.get(a), self.types.get(b)
        return (ta is not None and b in ta.compatible) or (tb is not None and a in tb.compatible)

    def brings(self, cause: str, effect: str) -> bool:
        """Does an event of type ``cause`` bring about events of type ``effect`` (a quake
        the collapses of its buildings)? In a report that names the cause in its lead, the
        effects it names are the cause's own event, however often they are named."""
        t = self.types.get(cause)
        return t is not None and effect in t.brings

    def contains(self, outer: str, inner: str) -> bool:
        """Is an event of type ``outer`` made of events of type ``inner`` (a war of its
        strikes)? A figure whose own sentence names the outer one, in a report on an inner
        one ("since the war began 8,000 have been killed", in a report on one strike), is
        the outer event's; and the two are never one event, whatever their places."""
        t = self.types.get(outer)
        return t is not None and inner in t.contains

    def reach_km(self, *types: str) -> float:
        """The narrowest reach of ``types``: a quake's region never stretches a collapse."""
        return min((self.types[t].reach_km for t in types if t in self.types), default=0.0)

    def window_days(self, *types: str) -> int:
        return max((self.types[t].window_days for t in types if t in self.types), default=14)

    def country_days(self, *types: str) -> int:
        """How long apart two reports keying ``types`` at one whole country may be and still
        be one event (:attr:`EventType.country_days`): the narrowest, 0 when one of them
        never covers a country."""
        return min((self.types[t].country_days if t in self.types else 0 for t in types),
                   default=0)


def types_file(root: Path | None = None) -> Path:
    return (root or rules_dir()) / "event_types.toml"


def _alternation(path: Path, tid: str, lang: str, patterns) -> str:
    for p in patterns:
        try:  # through the disk cache: validating every trigger cost a draft check 0.04 s
            regexcache.compile(p, _FLAGS)
        except regex.error as exc:
            raise FactcheckError(f"{path}: types.{tid}.{lang}: bad regex {p!r}: {exc}") from None
    # longest first, so "missile strike" wins over "missile"
    return "|".join(sorted(patterns, key=lambda p: (-len(p), p)))


def _word_patterns(data: dict, path: Path, section: str) -> dict[str, regex.Pattern]:
    """``[<section>] <lang> = [words]`` of event_types.toml as one whole-word pattern per
    language."""
    return {lang: regexcache.compile(
                _LEFT + "(?:" + _alternation(path, section, lang, words) + ")" + _RIGHT, _FLAGS)
            for lang, words in data.get(section, {}).items() if lang in LANGS and words}


def _built_patterns(data: dict, path: Path) -> dict[str, regex.Pattern]:
    """``[built] <lang> = [words]`` as one pattern per language that ends where a date
    starts: the cue, then at most one of ``[built] prepositions.<lang>`` ("built in | 1974",
    "costruito nel | 1974"; a date phrase may hold its preposition or not)."""
    entry = data.get("built", {})
    out = {}
    for lang, words in entry.items():
        if lang not in LANGS or not words:
            continue
        preps = entry.get("prepositions", {}).get(lang, ())
        between = (r"(?:[ \t]+(?:" + _alternation(path, "built.prepositions", lang, preps)
                   + r"))?") if preps else ""
        out[lang] = regexcache.compile(
            _LEFT + "(?:" + _alternation(path, "built", lang, words) + ")" + between
            + r"(?:(?<=['’])|[ \t]+)\Z", _FLAGS)
    return out


# how an elapsed time is written: a count in digits or a word ("10", "dieci") and a unit
# word, or an ordinal in digits ("10th", "10°") or a word ("decimo"); words are checked
# against the language's data
_ELAPSED = {"{N}": r"(?P<n>\d{1,3}|\p{L}+)", "{UNIT}": r"(?P<unit>\p{L}+)",
            "{ORD}": r"(?P<o>\d{1,3}(?:st|nd|rd|th|°|º|esimo)?|\p{L}+)"}


def _fill_elapsed(words: Sequence[str]) -> list[str]:
    out = []
    for w in words:
        for k, v in _ELAPSED.items():
            w = w.replace(k, v)
        out.append(w)
    return out


def _elapsed_patterns(data: dict, path: Path) -> tuple[dict[str, regex.Pattern],
                                                        dict[str, regex.Pattern]]:
    """``[elapsed] <lang> = [words]`` as one pattern per language that ends where an
    event's trigger starts, at most three words after the cue ("ten years since the Ashford
    | fire"); and ``[elapsed] earlier.<lang>`` as one pattern per language found anywhere
    ("five months earlier")."""
    entry = data.get("elapsed", {})
    before, earlier = {}, {}
    for lang, words in entry.items():
        if lang in LANGS and isinstance(words, list) and words:
            before[lang] = regexcache.compile(
                _LEFT + "(?:" + _alternation(path, "elapsed", lang, _fill_elapsed(words))
                + r")(?:(?<=['’])|[ \t]+)(?:[\p{L}\p{M}'’-]+[ \t]+){0,3}\Z", _FLAGS)
    for lang, words in entry.get("earlier", {}).items():
        if lang in LANGS and words:
            earlier[lang] = regexcache.compile(
                _LEFT + "(?:" + _alternation(path, "elapsed.earlier", lang,
                                             _fill_elapsed(words)) + ")" + _RIGHT, _FLAGS)
    return before, earlier


def _target_patterns(data: dict, path: Path) -> dict[str, regex.Pattern]:
    """``[targets]`` as one pattern per language: a locative, an article or one word (an
    indefinite article as group ``ind``), at most one more word, then a target's words (one
    group ``t_<id>`` per target)."""
    entry = data.get("targets", {})
    out = {}
    for lang in LANGS:
        words = entry.get(lang, {})
        locs = entry.get("locatives", {}).get(lang, ())
        if not isinstance(words, dict) or not words or not locs:
            continue
        indef = entry.get("indefinite", {}).get(lang, ())
        ind = ("(?P<ind>" + _alternation(path, "targets.indefinite", lang, indef) + ")|"
               if indef else "")
        groups = "|".join(f"(?P<t_{regex.sub(r'[^a-z0-9_]', '_', tid)}>"
                          + _alternation(path, f"targets.{lang}.{tid}", lang, alts) + ")"
                          for tid, alts in sorted(words.items()))
        out[lang] = regexcache.compile(
            _LEFT + "(?:" + _alternation(path, "targets.locatives", lang, locs) + ")"
            + r"(?:[ \t]+|(?<=['’]))"
            + r"(?:(?:" + ind + r"[\p{L}]+['’]?)(?:[ \t]+|(?<=['’])))?"
            + r"(?:[\p{L}-]+[ \t]+)??"
            + "(?:" + groups + ")" + _RIGHT, _FLAGS)
    return out


def _before_trigger_patterns(data: dict, path: Path, section: str, between: int
                             ) -> dict[str, regex.Pattern]:
    """``[<section>] <lang> = [words]`` as one pattern per language that ends where an
    event's trigger starts, at most ``between`` words after the cue ("un altro | raid",
    "another Israeli | strike")."""
    return {lang: regexcache.compile(
                _LEFT + "(?:" + _alternation(path, section, lang, words)
                + r")(?:(?<=['’])|[ \t]+)(?:[\p{L}\p{M}'’-]+[ \t]+){0,%d}\Z" % between, _FLAGS)
            for lang, words in data.get(section, {}).items() if lang in LANGS and words}


@lru_cache(maxsize=None)
def vocabulary(root: Path | None = None) -> Vocabulary:
    """The event types of ``<root>/event_types.toml`` (cached); an absent file is none."""
    path = types_file(root)
    data = read_data_file(path)
    types: dict[str, EventType] = {}
    parts: dict[str, list[tuple[str, str, Trigger]]] = {lang: [] for lang in LANGS}
    unless: dict[str, dict[str, regex.Pattern]] = {lang: {} for lang in LANGS}
    group_type: dict[str, str] = {}
    examples: list[TypeExample] = []
    named: dict[str, list[str]] = {lang: [] for lang in LANGS}
    verbs: dict[str, list[str]] = {lang: [] for lang in LANGS}
    name_examples: list[NameExample] = []
    weak: dict[str, dict[str, regex.Pattern]] = {lang: {} for lang in LANGS}
    for tid, entry in data.get("types", {}).items():
        if not regex.fullmatch(r"[a-z][a-z0-9-]*", tid):
            raise FactcheckError(f"{path}: types.{tid}: an id is lower-case letters, digits, '-'")
        try:
            types[tid] = EventType(tid, dict(entry.get("name", {})),
                                   float(entry.get("reach_km", 0)),
                                   int(entry.get("window_days", 14)),
                                   frozenset(entry.get("compatible", ())),
                                   int(entry.get("name_window_days", 0)),
                                   frozenset(entry.get("contains", ())),
                                   bool(entry.get("recurs", False)),
                                   frozenset(entry.get("takes_weak", ())),
                                   bool(entry.get("series", False)),
                                   int(entry.get("site_window_days", 0)),
                                   frozenset(entry.get("brings", ())),
                                   int(entry.get("country_days", 0)))
        except (TypeError, ValueError) as exc:
            raise FactcheckError(f"{path}: types.{tid}: {exc}") from None
        group = "t_" + tid.replace("-", "_")
        group_type[group] = tid
        weak_words = entry.get("weak", {})
        for lang in LANGS:
            words = [*entry.get(lang, ()), *weak_words.get(lang, ())]
            if words:
                parts[lang].append((tid, f"(?P<{group}>{_alternation(path, tid, lang, words)})",
                                    Trigger.of(words)))
            if weak_words.get(lang):
                weak[lang][tid] = regexcache.compile(
                    "(?:" + _alternation(path, tid, "weak", weak_words[lang]) + ")", _FLAGS)
        for p in entry.get("unless", ()):
            alt = _alternation(path, tid, "unless", [p])
            for lang in LANGS:
                old = unless[lang].get(tid)
                src = f"{old.pattern}|" if old is not None else ""
                unless[lang][tid] = regexcache.compile(src + _LEFT + f"(?:{alt})" + _RIGHT, _FLAGS)
        for key, expected in (("examples", True), ("counter_examples", False)):
            for x in entry.get(key, ()):
                examples.append(TypeExample(tid, x["text"], x.get("lang", "it"), expected))
        for lang, words in entry.get("named_by", {}).items():
            if lang in LANGS and words:
                named[lang].append(f"(?P<{group}>{_alternation(path, tid, lang, words)})")
        for lang, words in entry.get("name_verbs", {}).items():
            if lang in LANGS and words:
                verbs[lang].append(f"(?P<{group}>{_alternation(path, tid, lang, words)})")
        for x in entry.get("name_examples", ()):
            name_examples.append(NameExample(x["text"], x.get("lang", "it"), x.get("name", "")))
    for tid, t in types.items():
        for key, ids in (("compatible", t.compatible), ("contains", t.contains),
                         ("takes_weak", t.takes_weak), ("brings", t.brings)):
            unknown = ids - types.keys()
            if unknown:
                raise FactcheckError(f"{path}: types.{tid}.{key}: unknown type(s) "
                                     f"{', '.join(sorted(unknown))}")
    scanners = {lang: Scanner(tuple(t for t, _, _ in ps), tuple(src for _, src, _ in ps),
                              TriggerIndex.of(tr for _, _, tr in ps))
                for lang, ps in parts.items() if ps}
    # the trigger in any case, the name capitalised (a possessive's "'s" left out) and not
    # itself followed by a capitalised word ("Storm Shadow Missiles")
    name_rx = {lang: regexcache.compile(
        _LEFT + "(?i:" + "|".join(alts) + r")[ \t]+(?P<name>\p{Lu}\p{Ll}+)(?P<more>"
        r"(?:(?:,[ \t]*|[ \t]+(?:and|e|ed|&)[ \t]+)\p{Lu}\p{Ll}+)*)(?![\p{L}\p{N}])"
        r"(?![ \t]+\p{Lu})", regex.VERSION0) for lang, alts in named.items() if alts}
    from .gazetteer import calendar_words  # months and weekdays ("the storm Tuesday")

    not_names = frozenset(w.casefold() for w in data.get("names", {}).get("not_names", ())) \
        | (calendar_words(root) if name_rx else frozenset())
    # a capitalised word right before the verb (the word before it: subject_names)
    verb_rx = {lang: regexcache.compile(
        r"(?<![\p{L}\p{N}'’.-])(?P<name>\p{Lu}\p{Ll}+)(?:['’]s)?[ \t]+"
        "(?i:" + "|".join(alts) + ")" + _RIGHT, regex.VERSION0)
        for lang, alts in verbs.items() if alts}
    not_subjects = frozenset(w.casefold() for w in data.get("names", {}).get("not_subjects", ()))
    follows = _word_patterns(data, path, "follows")
    unrelated = _word_patterns(data, path, "unrelated")
    earlier = _word_patterns(data, path, "earlier")
    then = {}
    for lang, words in data.get("then", {}).items():
        if lang in LANGS and words:
            then[lang] = regexcache.compile(
                r"(?<![\p{L}\p{N}])(1[89]\d\d|20\d\d),?[ \t]+(?:"
                + _alternation(path, "then", lang, words)
                + r")[ \t]+(?:[\p{L}\p{M}\p{N}'’-]+[ \t]+){0,%d}\Z" % _THEN_WORDS, _FLAGS)
    built = _built_patterns(data, path)
    entry = data.get("built", {})
    dating = _built_patterns({"built": {**entry.get("dating", {}),
                                        "prepositions": entry.get("prepositions", {})}}, path)
    elapsed, earlier_by = _elapsed_patterns(data, path)
    target = _target_patterns(data, path)
    ordinals = {lang: {str(k).casefold(): int(v) for k, v in words.items()}
                for lang, words in data.get("elapsed", {}).get("ordinals", {}).items()}
    another = _before_trigger_patterns(data, path, "another", 1)
    series_before = _before_trigger_patterns(data, path, "series", 1)
    series_after = {lang: regexcache.compile(
        r"[ \t]+(?:" + _alternation(path, "series.after", lang, words) + ")" + _RIGHT, _FLAGS)
        for lang, words in data.get("series", {}).get("after", {}).items()
        if lang in LANGS and words}
    series_examples = tuple(
        TypeExample("series", x["text"], x.get("lang", "it"), key == "examples")
        for key in ("examples", "counter_examples")
        for x in data.get("series", {}).get(key, ()))
    given = _before_trigger_patterns(data, path, "given", 2)
    relative, reported = {}, {}
    entry = data.get("given", {})
    for lang, words in entry.get("relatives", {}).items():
        if lang in LANGS and words:
            relative[lang] = regexcache.compile(
                r"[ \t]+(?:" + _alternation(path, "given.relatives", lang, words) + ")" + _RIGHT,
                _FLAGS)
    # a trigger's clause opens with a relative word or a participle ("costato la vita a")
    opens = {lang: [*words, *entry.get("participles", {}).get(lang, ())]
             for lang, words in entry.get("relatives", {}).items()}
    relative_any = {lang: regexcache.compile(
        _LEFT + "(?:" + _alternation(path, "given.relatives", lang, words) + ")" + _RIGHT,
        _FLAGS) for lang, words in opens.items() if lang in LANGS and words}
    speech = {lang: regexcache.compile(
        _LEFT + "(?:" + _alternation(path, "given.reported", lang, words) + ")" + _RIGHT, _FLAGS)
        for lang, words in entry.get("reported", {}).items() if lang in LANGS and words}
    for lang, words in entry.get("reported", {}).items():
        if lang in LANGS and words and lang in given:
            reported[lang] = regexcache.compile(
                _LEFT + "(?:" + _alternation(path, "given.reported", lang, words) + r")[ \t]+"
                + "(?:" + _alternation(path, "given", lang, entry.get(lang, ())) + ")"
                + r"(?:(?<=['’])|[ \t]+)(?:[\p{L}\p{M}'’-]+[ \t]+){0,2}\Z", _FLAGS)
    return Vocabulary(types, scanners, unless, group_type, tuple(examples), name_rx,
                      not_names, tuple(name_examples), follows, verb_rx, not_subjects,
                      weak={lang: w for lang, w in weak.items() if w}, unrelated_rx=unrelated,
                      then_rx=then, another_rx=another, given_rx=given,
                      relative_rx=relative, relative_any=relative_any, reported_rx=reported,
                      speech_rx=speech,
                      earlier_rx=earlier, built_rx=built, dating_rx=dating, elapsed_rx=elapsed,
                      earlier_by_rx=earlier_by, ordinals=ordinals, target_rx=target,
                      series_before=series_before, series_after=series_after,
                      series_examples=series_examples)


_NAME_WORD = regexcache.compile(r"\p{Lu}\p{Ll}+")
# where an unrelated cue's object ends ("unrelated to the hotel disaster, police said")
_CLAUSE_END = regexcache.compile(r"[,;:.!?]|\s[-–—]\s")
_WORD_BEFORE = regexcache.compile(r"([\p{L}\p{M}.'’]+)[ \t]+$")


def run_name_example(x: NameExample, root: Path | None = None) -> str | None:
    """The problem with a name example, or None when it passes."""
    vocab = vocabulary(root)
    found = [n for _, _, _, n in vocab.names(x.text, x.lang)] or \
        [n for _, _, _, n in vocab.subject_names(x.text, x.lang)]
    want = [x.name] if x.name else []
    return None if found[:1] == want else f"{x.label}: found {found or 'none'}"


def run_series_example(x: TypeExample, root: Path | None = None) -> str | None:
    """The problem with a ``[series]`` example (a trigger of the text is told as a series:
    :meth:`Vocabulary.series`), or None when it passes."""
    vocab = vocabulary(root)
    found = any(vocab.series(x.text, x.lang, s, e, t) for s, e, t in vocab.find(x.text, x.lang))
    if found != x.expected:
        return f"{x.label}: {'no trigger' if x.expected else 'a trigger'} told as a series"
    return None


def run_type_example(x: TypeExample, root: Path | None = None) -> str | None:
    """The problem with an example, or None when it passes."""
    found = {t for _, _, t in vocabulary(root).find(x.text, x.lang)}
    if x.expected and x.type not in found:
        return f"{x.label}: no trigger of {x.type} found"
    if not x.expected and x.type in found:
        return f"{x.label}: a trigger of {x.type} was found"
    return None
