"""Which part of the people a figure counts (its subgroup).

The vocabulary is data (``rules/lang/<lang>/subgroups.toml`` [subgroups]): civilians,
military, children, women, men, elderly, foreigners, medical, journalists, police, rescuers,
guests, staff, and ``nationality:<party>`` from the demonyms of ``rules/parties.toml`` (in
an article about a disaster: in a war a nationality is a side, see ``sides``).

:func:`subgroup_of` reads one figure's own words (its counted group, else the words right
after it up to a clause of their own); :func:`refine_subgroups` then looks once over an
article's claims for what one sentence cannot tell: words whose subgroup depends on the
story ([[in_context]]: a helicopter's crew on a rescue flight are rescuers), the people of
the event's own country (everyone, not a nationality among the victims) and the metric's
own people (troops are military: no subgroup of them). Which figure a part belongs to is
:mod:`.parents`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import regex

from .. import regexcache
from ..errors import FactcheckError
from ..langdata import lang_file, load_lang
from ..model import Claim
from ..parties import load_parties
from .events import parse_auto
from .gazetteer import gazetteer
from .lexicon import Lexicon
from .words import WordIndex

NATIONALITY = "nationality:"
# how far after a figure its counted group's words may run ("4 bambini", "30 were soldiers",
# "6 erano ospiti di una casa di riposo")
_AFTER = 40
_NONE = ""  # the value of [not_subgroups] phrases in the word index: no subgroup
# ... and a dash opens an aside about the whole ("five of them seriously - including
# Ukrainians": the nationalities are the injured's, not the five's)
_CLAUSE_MARK = regexcache.compile(r"[\d,;:.()–—]|\s-\s")


@dataclass(frozen=True)
class InContext:
    """Words that name ``subgroup`` only where one of ``cues`` matches the figure's
    sentence or the one before it."""

    subgroup: str
    words: WordIndex
    cues: regex.Pattern


@dataclass(frozen=True)
class SubgroupData:
    """The compiled subgroup data of one language."""

    words: WordIndex  # word -> subgroup id ("" for a phrase that names none)
    # where the words after a figure stop being about it ("as thousands of rescuers ...")
    stop: regex.Pattern | None = None
    in_context: tuple[InContext, ...] = ()
    metric_people: dict[str, frozenset[str]] | None = None  # metric -> its own subgroups
    # a toll's noun phrase before the figure naming its people ("the number of foreigners
    # killed has risen to 40"): group ``words``, anchored at the figure's end
    toll: regex.Pattern | None = None
    examples: tuple[dict, ...] = ()
    counter_examples: tuple[dict, ...] = ()


def alternation(patterns, path: str, key: str) -> regex.Pattern | None:
    """One case-insensitive pattern matching any of ``patterns`` (None for none); a bad one
    is an error naming ``path`` and ``key``."""
    if not patterns:
        return None
    try:
        # through the pattern cache: compiling them afresh cost a draft check ~0.05 s
        return regexcache.compile("|".join(f"(?:{p})" for p in patterns), regex.IGNORECASE)
    except regex.error as exc:
        raise FactcheckError(f"{path}: {key}: bad regex: {exc}") from None


def _strings(value, path: str, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise FactcheckError(f"{path}: {key} must be an array of strings")
    return value


@lru_cache(maxsize=None)
def subgroup_data(lang: str, root: Path | None = None) -> SubgroupData:
    """The subgroup words of ``lang`` (cached; FactcheckError names the file when it is
    invalid)."""
    data = load_lang(lang, "subgroups", root)
    path = str(lang_file(lang, "subgroups", root))  # the file of the folder in use
    pairs = [(w, _NONE) for w in _strings(data.get("not_subgroups", {}).get("words", []),
                                          path, "not_subgroups.words")]
    for sub, words in data.get("subgroups", {}).items():
        pairs.extend((w, sub) for w in _strings(words, path, f"subgroups.{sub}"))
    known = set(data.get("subgroups", {}))
    contexts = []
    for n, entry in enumerate(data.get("in_context", ())):
        where = f"in_context[{n}]"
        sub = entry.get("subgroup") if isinstance(entry, dict) else None
        if sub not in known:
            raise FactcheckError(f"{path}: {where}.subgroup must be one of [subgroups]")
        cues = alternation(_strings(entry.get("cues", []), path, f"{where}.cues"), path, f"{where}.cues")
        if cues is None:
            raise FactcheckError(f"{path}: {where}.cues must not be empty")
        contexts.append(InContext(sub, WordIndex(
            (w, sub) for w in _strings(entry.get("words", []), path, f"{where}.words")), cues))
    own = {}
    for metric, subs in data.get("metric_people", {}).items():
        own[metric] = frozenset(_strings(subs, path, f"metric_people.{metric}"))
    tolls = _strings(data.get("before", {}).get("toll", []), path, "before.toll")
    return SubgroupData(WordIndex(pairs),
                        alternation(_strings(data.get("after", {}).get("stop", []), path, "after.stop"),
                             path, "after.stop"),
                        tuple(contexts), own,
                        alternation([f"{p}\\Z" for p in tolls], path, "before.toll"),
                        tuple(data.get("examples", ())), tuple(data.get("counter_examples", ())))


def _after(text: str, end: int, stop: regex.Pattern | None) -> str:
    """The words after a figure, up to the next figure, clause mark or clause of their own."""
    after = text[end:end + _AFTER]
    m = _CLAUSE_MARK.search(after)
    after = after[:m.start()] if m else after
    m = stop.search(after) if stop is not None else None
    return after[:m.start()] if m else after


# a possessive right after a word: "the police's estimate" (the police own it, they are
# not the people counted)
_POSSESSIVE = regexcache.compile(r"['’]s\b|['’](?![\p{L}])")


def _not_owners(words: str, data: SubgroupData) -> list[str]:
    """The subgroups ``words`` name in order, leaving out a word in the possessive ("400
    missing, as the police's guesstimate had it": the police own the guess, they are not
    the 400)."""
    return [v for _, e, v in data.words.find(words) if _POSSESSIVE.match(words, e) is None]


def subgroup_of(who: str | None, text: str, end: int, lex: Lexicon, data: SubgroupData,
                conflict: bool) -> str | None:
    """The subgroup of a figure ending at ``text[:end]`` (its sentence), from its counted
    group ``who`` or the words right after it; a demonym outside a conflict is a
    nationality. None: everyone."""
    for words in (who, _after(text, end, data.stop)):
        if not words:
            continue
        found = data.words.in_order(words) if words is who else _not_owners(words, data)
        if found:
            return found[0] or None  # "morti ufficiali": a phrase that names no subgroup
        if not conflict and (words is who or not who):
            party = lex.side_people.first(words)
            if party is not None:
                return NATIONALITY + party
        # a counted group with no subgroup word ("people") leaves its subgroup word to the
        # words after the figure ("six people in a nursing home"), not a nationality: a
        # demonym there is more often in a place's name ("ragazzi di Torre del Greco")
    m = data.toll.search(text, max(0, end - _TOLL_LEAD), end) if data.toll is not None else None
    if m is not None:
        # "the number of children killed has climbed to 7": the toll's own people
        found = data.words.in_order(m.group("words"))
        if found:
            return found[0] or None
    return None


# how far before a figure's end a toll's noun phrase naming its people may start
_TOLL_LEAD = 120


@lru_cache(maxsize=None)
def _party_countries(root: Path | None) -> dict[str, str]:
    return {p.id: p.country for p in load_parties(root).parties if p.country}


@lru_cache(maxsize=None)
def _place_names(lang: str, root: Path | None) -> WordIndex:
    """The names of the parties' places (countries, capitals, regions) -> party id."""
    return WordIndex(load_parties(root).words(lang, ("names",)))


@lru_cache(maxsize=4096)
def _event_country(event: str, root: Path | None) -> str | None:
    """The country (ISO code) of an automatic event's place, when the gazetteer knows it."""
    parts = parse_auto(event)
    place = gazetteer(root).get(parts.place) if parts is not None else None
    return place.country if place is not None else None


def refine_subgroups(claims: Sequence[Claim], texts: Sequence[str], starts: dict[int, int],
                     data: SubgroupData, root: Path | None = None) -> list[Claim]:
    """``claims`` (of one article) with what one sentence cannot tell about their subgroup:
    [[in_context]] words whose story is told around them, the people of the event's own
    country (everyone: no nationality) and a metric's own people (no subgroup)."""
    out = []
    named: list[set[str]] = []  # the parties the article names as places, read once

    def places() -> set[str]:
        if not named:
            index = _place_names(claims[0].lang, root)
            named.append(set().union(*(index.values(t) for t in texts)) if texts else set())
        return named[0]

    nxt = _next_figures(claims)
    # the nationalities each sentence breaks a count down by ("tre libanesi, tre siriani e
    # un egiziano"): there the country's own people are one item, not everyone
    by_nation: dict[tuple[int, str], set[str]] = {}
    for c in claims:
        if c.subgroup is not None and c.subgroup.startswith(NATIONALITY):
            by_nation.setdefault((c.quote_start, c.metric), set()).add(c.subgroup)
    for i, c in enumerate(claims):
        listed = len(by_nation.get((c.quote_start, c.metric), ())) > 1
        sub = _refined(_own_words(c, nxt[i], data), texts, starts, data, root, places,
                       listed)
        out.append(c if sub == c.subgroup else replace(c, subgroup=sub))
    return out


def _next_figures(claims: Sequence[Claim]) -> list[int | None]:
    """For each claim, where the next figure of its sentence starts (None: none after it)."""
    by_quote: dict[int, list[int]] = {}
    for c in claims:
        by_quote.setdefault(c.quote_start, []).append(c.start)
    for v in by_quote.values():
        v.sort()
    out: list[int | None] = []
    for c in claims:
        later = [s for s in by_quote[c.quote_start] if s >= c.end]
        out.append(later[0] if later else None)
    return out


def _own_words(c: Claim, nxt: int | None, data: SubgroupData) -> Claim:
    """``c`` without a subgroup read from the words of the next item of a list ("nine
    passengers and five crew": the crew are the five's, not the nine's): the words after a
    figure end where the next figure begins (a digit ends them in :func:`subgroup_of`; a
    figure in words, "five", only here, where the sentence's figures are known). A subgroup
    its own counted group names, or a nationality, is kept."""
    if c.subgroup is None or c.subgroup.startswith(NATIONALITY) or nxt is None:
        return c
    if c.who and data.words.in_order(c.who):
        return c
    at = c.end - c.quote_start
    cut = nxt - c.quote_start
    if cut - at >= _AFTER:
        return c
    full = data.words.in_order(_after(c.quote, at, data.stop))
    own = data.words.in_order(_after(c.quote[:cut], at, data.stop))
    if full[:1] == own[:1]:
        return c
    return replace(c, subgroup=own[0] or None if own else None)


def _refined(c: Claim, texts: Sequence[str], starts: dict[int, int], data: SubgroupData,
             root: Path | None, places, listed: bool = False) -> str | None:
    """``c``'s subgroup as the article tells it (``listed``: its sentence breaks its count
    down by two or more nationalities)."""
    sub = c.subgroup
    if sub is not None and data.metric_people and sub in data.metric_people.get(c.metric, ()):
        return None
    if sub is not None and sub.startswith(NATIONALITY) and not listed:
        # the people of the country where it happens are everyone there: the event's
        # country, or the country the figure's sentence names as a place ("the governor of
        # Puerto Rico ... hundreds of thousands of Puerto Ricans"); not one item of a
        # breakdown by nationality ("7 missing: 3 Lebanese, 3 Syrians and an Egyptian")
        # (the event's country counts only when the article names it as a place: an
        # event's place can come from the demonym itself, "3 turisti tedeschi")
        party = sub[len(NATIONALITY):]
        home = _event_country(c.event, root) if c.event else None
        if (party in _place_names(c.lang, root).values(c.quote)
                or (home is not None and _party_countries(root).get(party) == home
                    and party in places())):
            return None
    for ctx in data.in_context:
        if sub == ctx.subgroup:
            continue
        words = c.who or _after(c.quote, c.end - c.quote_start, data.stop)
        if not words or not ctx.words.in_order(words):
            continue
        i = starts.get(c.quote_start)
        near = [c.quote] + ([texts[i - 1]] if i is not None and 0 < i <= len(texts) else [])
        if not c.who and _names_another(words, ctx, data):
            # "circa 30 tra passeggeri ed equipaggio": both groups named, these words
            # do not tell the figure's group (everyone on board: the reading of the words
            # after the figure stands)
            continue
        if any(ctx.cues.search(t) for t in near):
            return ctx.subgroup
    return sub


def _names_another(words: str, ctx: InContext, data: SubgroupData) -> bool:
    """Do ``words`` name, besides ``ctx``'s words, another subgroup's words elsewhere?"""
    mine = ctx.words.find(words)
    return any(v and v != ctx.subgroup and not any(s < e2 and s2 < e for s2, e2, _ in mine)
               for s, e, v in data.words.find(words))

