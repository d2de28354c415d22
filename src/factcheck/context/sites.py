"""Sites: the named landmark an event happened at, when no gazetteer lists it.

"Il crollo sulla Marmolada", "the Morandi bridge collapse", "la tragedia della diga del
Vajont": reports of one event name its site as they name its town, and often only the site
(a mountain, a glacier, a bridge, a hotel). A site is found where a capitalised name follows
an event word (a trigger of ``event_types.toml`` or a generic noun: "tragedia", "disaster")
through a few small words or heads ("crollo del ghiacciaio della X", "collapse of the X
glacier"), or stands right before one ("the X glacier collapse"). A name the gazetteer lists,
a people's word, a month, an outlet or a title's surname is never a site (the rules are the
``[sites]`` table of ``event_types.toml``, with their examples).

A site is a key of an automatic event besides its place (``site-<name>@<place>``):
:mod:`.merge` joins reports naming one site, and compares them with the others by place as
any report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

from .. import regexcache
from ..errors import FactcheckError
from ..langdata import LANGS
from ..paths import rules_dir
from ..tomlfile import read_data_file
from .event_types import Vocabulary, vocabulary
from .events import SITE_PREFIX, is_site  # noqa: F401 (is_site: this module's word for it)
from .gazetteer import Gazetteer, gazetteer, name_key, slugify
from .lexicon import first_char_lookahead
from .words import WordIndex, pattern_trigger


# one capitalised word of a site's name ("Marmolada", "L'Aquila"), a possessive left out
_WORD = r"\p{Lu}[\p{L}\p{M}-]*(?:['’]\p{Lu}[\p{L}\p{M}-]*)?"
_NAME = rf"(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,2}})(?!['’]?[\p{{L}}\p{{N}}])"
_LEFT = r"(?<![\p{L}\p{N}])"
_RIGHT = r"(?![\p{L}\p{N}])"


@dataclass(frozen=True)
class SiteExample:
    """A sentence and the site it names ("" for none)."""

    text: str
    lang: str
    site: str

    @property
    def label(self) -> str:
        return f"site {self.site or 'none'}: {self.text!r}"


@dataclass(frozen=True)
class SiteRules:
    """Per language: the patterns that read a site's name after an event word (matched at
    the word's end) and before one (searched in the text just before it), the generic nouns
    of events; and the head words a name may open with."""

    after: dict[str, regex.Pattern]
    before: dict[str, regex.Pattern]
    nouns: dict[str, regex.Pattern]
    heads: dict[str, regex.Pattern]  # a head word, whole (stripped from a name's start)
    examples: tuple[SiteExample, ...] = ()
    reach_km: float = 100.0  # how far apart two reports may place one site
    # a party's words of any kind ("Turkey", "Ankara", "Putin"): a side, never a site
    parties: frozenset[str] = frozenset()
    # per language: a site's name after a link alone ("on Marmolada"), for an article that
    # names no site next to an event word nor any town (:func:`bare_sites`)
    bare: dict[str, regex.Pattern] = field(default_factory=dict)
    # per language: a name after a locative that says a town ("a Valcorvo", "in Valcorvo",
    # "the village of Valcorvo"): the article uses it as a place, never a site (:func:`towns`)
    towns: dict[str, regex.Pattern] = field(default_factory=dict)
    # the types whose site is a vessel ("il naufragio della Costa Concordia"): its name is
    # read whole, whatever town its last word names (a ship is often named after one)
    vessel_types: frozenset[str] = frozenset()
    # per language: the words that, capitalised right after a capitalised event word, make
    # it part of a body's name ("the National Disaster Management Authority"): no site
    # stands before or after it (:func:`find_sites`)
    bodies: dict[str, frozenset[str]] = field(default_factory=dict)


def _alt(path: Path, key: str, words) -> str:
    for w in words:
        try:
            regexcache.compile(w, regex.IGNORECASE)
        except regex.error as exc:
            raise FactcheckError(f"{path}: sites.{key}: bad regex {w!r}: {exc}") from None
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


# how far before an event word a site's name and head may start ("the Marmolada glacier ")
_BEFORE_CHARS = 80


@lru_cache(maxsize=None)
def site_rules(root: Path | None = None) -> SiteRules:
    """The ``[sites]`` rules of ``<root>/event_types.toml`` (cached; none without it)."""
    path = (root or rules_dir()) / "event_types.toml"
    data = read_data_file(path).get("sites", {})
    after, before, nouns, heads, bare, towns = {}, {}, {}, {}, {}, {}
    for lang in LANGS:
        noun = _alt(path, f"nouns.{lang}", data.get("nouns", {}).get(lang, ()))
        link = _alt(path, f"links.{lang}", data.get("links", {}).get(lang, ()))
        head = _alt(path, f"heads.{lang}", data.get("heads", {}).get(lang, ()))
        # after a head, a town's preposition too ("la diga di X": the dam's name)
        of = _alt(path, f"head_links.{lang}", data.get("head_links", {}).get(lang, ()))
        head_of = (rf"(?:{head})(?:[ \t]+(?:{of}))?" if of else head) if head else ""
        small = "|".join(x for x in (link, head_of) if x)
        # up to four words, the last a link or a head right before the name ("crollo di
        # un enorme seracco sulla X", "collapse of the X glacier"); an elided one ("dell'")
        # runs into the next
        sep = r"(?:[ \t]+|(?<=['’]))"
        gap = (rf"(?:[ \t]+\p{{Ll}}[\p{{L}}\p{{M}}'’]*){{0,4}}?{sep}(?i:{small})"
               rf"(?:(?<=['’])|(?![\p{{L}}\p{{N}}])){sep}" if small else r"[ \t]+")
        after[lang] = regexcache.compile(gap + _NAME, regex.VERSION0)
        between = rf"(?:[ \t]+(?i:{head}))?" if head else ""
        before[lang] = regexcache.compile(
            r"(?<![\p{L}\p{N}'’])" + _NAME + between + r"[ \t]+\Z", regex.VERSION0)
        on = _alt(path, f"on.{lang}", data.get("on", {}).get(lang, ()))
        if on:
            bare[lang] = regexcache.compile(_LEFT + f"(?i:{on})(?:(?<=['’])|[ \t]+)" + _NAME,
                                            regex.VERSION0)
        town = _alt(path, f"towns.{lang}", data.get("towns", {}).get(lang, ()))
        if town:
            towns[lang] = regexcache.compile(_LEFT + f"(?i:{town})(?:(?<=['’])|[ \t]+)" + _NAME,
                                             regex.VERSION0)
        if noun:  # its first letters looked ahead: the engine skips every other position
            nouns[lang] = regexcache.compile(_LEFT + first_char_lookahead(noun) + "(?:" + noun
                                             + ")" + _RIGHT, regex.IGNORECASE | regex.VERSION0)
        if head:
            heads[lang] = regexcache.compile("(?:" + head + ")", regex.IGNORECASE | regex.VERSION0)
    examples = tuple(SiteExample(x["text"], x.get("lang", "it"), x.get("site", ""))
                     for key in ("examples", "counter_examples") for x in data.get(key, ()))
    try:
        reach = float(data.get("reach_km", 100))
    except (TypeError, ValueError):
        raise FactcheckError(f"{path}: sites.reach_km: a number of km expected") from None
    from ..parties import load_parties

    parties = frozenset(name_key(w) for party in load_parties(root).parties
                        for kinds in party.words.values() for ws in kinds.values() for w in ws) \
        | frozenset(name_key(w) for party in load_parties(root).parties for w in party.leaders)
    vessels = frozenset(data.get("vessel_types", ()))
    bodies = {lang: frozenset(w.casefold() for w in data.get("bodies", {}).get(lang, ()))
              for lang in LANGS}
    return SiteRules(after, before, nouns, heads, examples, reach, parties, bare, towns, vessels,
                     bodies)


def event_words(text: str, lang: str, rules: SiteRules, vocab: Vocabulary,
                triggers: Sequence[tuple[int, int, str]] | None = None
                ) -> list[tuple[int, int, str | None]]:
    """(start, end, type or None) of the event words of ``text``: its triggers (``triggers``,
    if already found by :meth:`Vocabulary.find`) and the generic nouns (type None)."""
    found: list[tuple[int, int, str | None]] = list(
        vocab.find(text, lang) if triggers is None else triggers)
    found += noun_spans(text, lang, rules)
    return sorted(found, key=lambda f: (f[0], f[1]))


def noun_spans(text: str, lang: str, rules: SiteRules) -> list[tuple[int, int, None]]:
    """(start, end, None) of every generic event noun in ``text`` ("tragedia", "disaster"):
    the scan runs only when ``text`` holds one of the nouns' required words (most articles
    name none, and a case-blind scan of a whole article costs ~0.1 ms)."""
    nouns = rules.nouns.get(lang)
    if nouns is None or not pattern_trigger(nouns).may_match(text):
        return []
    return [(m.start(), m.end(), None) for m in nouns.finditer(text)]


def find_sites(text: str, lang: str, rules: SiteRules, vocab: Vocabulary, gaz: Gazetteer,
               words: Sequence[tuple[int, int, str | None]] | None = None,
               known: WordIndex | None = None, kind: str | None = None
               ) -> list[tuple[int, str, str | None]]:
    """(start, name, event type or None) of every site ``text`` names next to an event word
    ("il crollo sulla Marmolada" -> "Marmolada", collapse), in order. ``words``: its event
    words (:func:`event_words`), if found; the patterns run only around them. ``known``: the
    curated catalogue's place names (:class:`.events.Catalog`), places and never sites.
    ``kind``: the article's type of event, that of a generic noun's site ("the Costa
    Concordia disaster", in a report on a shipwreck: a vessel's name, read whole)."""
    rx_after, rx_before = rules.after.get(lang), rules.before.get(lang)
    if rx_after is None:
        return []
    if words is None:
        words = event_words(text, lang, rules, vocab)
    found: dict[int, tuple[int, str, str | None]] = {}
    bodies = rules.bodies.get(lang, frozenset())
    for s, e, t in words:
        if _in_body(text, s, e, bodies):
            continue  # "the National Disaster Management Authority": a body, no site
        vessel = (kind if t is None else t) in rules.vessel_types
        for m in (rx_after.match(text, e), rx_before.search(text, max(0, s - _BEFORE_CHARS), s)):
            if m is None or m.start("name") in found:
                continue
            name = _site_name(text, m.start("name"), m.group("name"), lang, rules, gaz,
                              vocab.not_subjects, vessel)
            if name is not None and (vocab.find(name, lang) or (known and known.in_order(name))):
                name = None  # "Hurricane Maria" is a storm's name, "Donbas" a curated place
            if name is not None:
                found[m.start("name")] = (m.start("name"), name, t)
    return [found[k] for k in sorted(found)]


def bare_sites(text: str, lang: str, rules: SiteRules, vocab: Vocabulary, gaz: Gazetteer,
               known: WordIndex | None = None) -> list[str]:
    """The names ``text`` (an article) gives after a link alone ("on Marmolada", "in the
    Marmolada") that would be sites next to an event word, in order: a weaker reading, for
    an article that names no site so and no place finer than a region (the caller's)."""
    rx = rules.bare.get(lang)
    if rx is None:
        return []
    out: list[str] = []
    for m in rx.finditer(text):
        name = _site_name(text, m.start("name"), m.group("name"), lang, rules, gaz,
                          vocab.not_subjects)
        if name is not None and name not in out and not vocab.find(name, lang) \
                and not (known and known.in_order(name)):
            out.append(name)
    return out


def towns(text: str, lang: str, rules: SiteRules) -> list[str]:
    """The name keys of the names ``text`` gives after a locative that says a town ("a
    Valcorvo", "in Valcorvo Sunday": "valcorvo", "valcorvo sunday"): a name the article
    uses so is a place the gazetteer lacks, never a site (:func:`is_town`)."""
    rx = rules.towns.get(lang)
    if rx is None:
        return []
    heads = rules.heads.get(lang)
    # "in Grenfell Tower": a name a head closes is a landmark's, never a town's
    return list(dict.fromkeys(name_key(m.group("name")) for m in rx.finditer(text)
                              if heads is None or len(m.group("name").split()) < 2
                              or not heads.fullmatch(m.group("name").split()[-1])))


def is_town(name: str, town_keys: Sequence[str]) -> bool:
    """Is site name ``name`` one of ``town_keys`` (:func:`towns`), or their first words
    ("Valcorvo" of "in Valcorvo Sunday")?"""
    key = name_key(name)
    return any(t == key or t.startswith(key + " ") for t in town_keys)


def _site_name(text: str, start: int, name: str, lang: str, rules: SiteRules,
               gaz: Gazetteer, not_words: frozenset[str], vessel: bool = False) -> str | None:
    """``name`` as a site's name (a head opening it dropped: "Ponte Morandi" -> "Morandi"),
    or None when it is no site: a place the gazetteer lists, a people's word, a month, an
    outlet, a surname after a title, an acronym, a capitalised determiner or connective
    (``not_words``: "The", "Il"). ``vessel``: a vessel's name of two words or more is a site
    whatever town its last word names ("Costa Concordia", "Norman Atlantic")."""
    words = name.split()
    heads = rules.heads.get(lang)
    # "The Varenna bridge", "Ponte Morandi": an article or a head opening it is no part of it
    while words and (words[0].casefold() in not_words or (
            len(words) > 1 and heads is not None and heads.fullmatch(words[0]))):
        words = words[1:]
    if not words or len(words[-1]) < 3 or any(w.isupper() and len(w) > 1 for w in words):
        return None
    if len(words) == 1 and _opens(text, text.find(words[0], start)):
        return None  # "Gli", "Why", "Migrant": a capitalised word opening a sentence
    before = text[max(0, start - 30):start].split()
    if before and before[-1].casefold().strip(",;:") in gaz.words.titles:
        return None
    parts = [p for w in words for p in w.split("-") if p]  # "Turkey-Syria": two countries
    keys = [name_key(w) for w in parts]
    whole = name_key(" ".join(words))
    if len(words) > 1 and heads is not None and heads.fullmatch(words[-1]):
        # a head closing it ("Grenfell Tower"): a landmark's whole name, whatever town
        # shares a word of it; the whole name is its closing word (no "Great Galveston")
        keys = [*keys[:-1], whole]
    if not gaz.is_unlisted(whole, keys, vessel and len(words) > 1) \
            or any(k in rules.parties for k in keys):
        return None
    return " ".join(words)


def _in_body(text: str, s: int, e: int, bodies: frozenset[str]) -> bool:
    """Is the event word at ``s``..``e`` capitalised and followed by a capitalised word of
    ``bodies`` (the name of an agency: "Disaster Management Authority", "Flood Relief
    Commission")? Then it names no event, and the capitalised word before it no site."""
    if not bodies or not text[s:s + 1].isupper():
        return False
    m = _NEXT_WORD.match(text, e)
    return m is not None and m.group(1)[:1].isupper() and m.group(1).casefold() in bodies


_NEXT_WORD = regexcache.compile(r"[ \t]+(\p{L}+)")


def _opens(text: str, s: int) -> bool:
    """Does the word at ``s`` open its sentence (or a quote, a line)?"""
    head = text[max(0, s - 4):s].rstrip(" \t\"'«“(")
    return s <= 0 or head == "" or head[-1] in ".!?:;\n"


def site_slot(name: str) -> str:
    """The place slot of a site named ``name``: "Marmolada" -> "site-marmolada"."""
    return SITE_PREFIX + slugify(name)


def run_site_example(x: SiteExample, root: Path | None = None) -> str | None:
    """The problem with a site example, or None when it passes."""
    vocab = vocabulary(root)
    from .events import catalog

    rules = site_rules(root)
    town_keys = towns(x.text, x.lang, rules)
    found = [n for _, n, _ in find_sites(x.text, x.lang, rules, vocab, gazetteer(root),
                                         known=catalog(root).place_index)
             if not is_town(n, town_keys)]
    want = [x.site] if x.site else []
    return None if found[:1] == want else f"{x.label}: found {found or 'none'}"
