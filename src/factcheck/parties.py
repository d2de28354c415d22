"""The parties a figure can count or a source can speak for: ``rules/parties.toml``.

One owner for party words. Every ISO 3166 country is a party, named in Italian and English
by Babel's locale data (CLDR); the file adds what that data lacks: demonyms, armies and
armed groups, capitals and breakaway authorities, leaders' names. The context stage
(sides, sources, subgroups), the claim rules' ``{SIDE}`` placeholder and the comparison
read the same :class:`Parties`, loaded once per rules folder by :func:`load_parties`.
"""

from __future__ import annotations

import marshal
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from . import regexcache
from .errors import FactcheckError
from .langdata import LANGS
from .paths import rules_dir
from .pkgversion import version
from .regexcache import cache_dir, write_atomically
from .tomlfile import parse_toml

# the kinds of words an entry holds, per language
KINDS = ("people", "groups", "names")
_ENTRY_KEYS = frozenset({"country", "leaders", *KINDS})
# countries ISO has not assigned a code to, with the code CLDR uses
_EXTRA_CODES = frozenset({"XK"})
_PAREN = regexcache.compile(r"\s*\(([^)]*)\)\s*")
# compiled once: slug() runs for every country on each load
_APOSTROPHE = regexcache.compile(r"['’]")
_ALNUM = regexcache.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Party:
    """One party: its id, ISO country code (if any) and its words per language and kind."""

    id: str
    country: str | None
    words: dict[str, dict[str, tuple[str, ...]]]  # lang -> kind -> words
    leaders: tuple[str, ...] = ()


@dataclass(frozen=True)
class Parties:
    """Every party, and the examples of the file (run by tests/test_parties.py)."""

    path: Path
    parties: tuple[Party, ...]
    examples: tuple[dict, ...] = ()
    counter_examples: tuple[dict, ...] = ()

    def words(self, lang: str, kinds: tuple[str, ...] = KINDS, leaders: bool = False
              ) -> list[tuple[str, str]]:
        """``(word, party id)`` of the ``kinds`` of words in ``lang`` (and the leaders'
        names when asked), our own entries' words before Babel's names. A word two
        parties share keeps its first party."""
        out: list[tuple[str, str]] = []
        for p in self.parties:
            for kind in kinds:
                out.extend((w, p.id) for w in p.words.get(lang, {}).get(kind, ()))
            if leaders:
                out.extend((w, p.id) for w in p.leaders)
        return out

    def ids(self) -> frozenset[str]:
        return frozenset(p.id for p in self.parties)


def slug(name: str) -> str:
    """A party id from an English name: "United States" -> "united-states"."""
    ascii_ = unicodedata.normalize("NFKD", _APOSTROPHE.sub(" ", name)).encode(
        "ascii", "ignore").decode()
    return "-".join(_ALNUM.findall(ascii_.lower()))


def babel_names(name: str) -> list[str]:
    """The usable names in one Babel name: "Myanmar (Burma)" -> Myanmar, Burma; a name
    that only tells two countries apart ("Congo - Kinshasa") is none."""
    if " - " in name:
        return []
    m = _PAREN.search(name)
    if m:
        return [n for n in (_PAREN.sub(" ", name).strip(), m.group(1).strip()) if n]
    return [name]


def _error(path: Path, msg: str) -> FactcheckError:
    return FactcheckError(f"{path}: {msg}")


def _word_list(path: Path, where: str, value) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise _error(path, f"{where} must be an array of non-empty strings")
    return tuple(value)


def parse_parties(path: Path, data: dict) -> Parties:
    """The parties of a parsed ``parties.toml`` plus Babel's countries (raises
    FactcheckError naming the file and the key at fault)."""
    unknown = set(data) - {"options", "parties", "examples", "counter_examples"}
    if unknown:
        raise _error(path, f"unknown key {sorted(unknown)[0]!r} (expected options, parties, "
                           "examples, counter_examples)")
    skip = data.get("options", {}).get("skip_names", {})
    skip_names = {lang: {w.casefold() for w in _word_list(path, f"options.skip_names.{lang}",
                                                           skip.get(lang, []))}
                  for lang in LANGS}
    entries = data.get("parties", {})
    if not isinstance(entries, dict):
        raise _error(path, "[parties] must be a table of [parties.<id>] entries")
    iso_codes, locales = _countries()
    own: list[Party] = []
    by_country: dict[str, str] = {}
    for pid, entry in entries.items():
        where = f"[parties.{pid}]"
        if not isinstance(entry, dict):
            raise _error(path, f"{where} must be a table")
        if pid != slug(pid) and pid != pid.lower():
            raise _error(path, f"{where}: an id is lower-case words joined by hyphens")
        bad = set(entry) - _ENTRY_KEYS
        if bad:
            raise _error(path, f"{where}: unknown key {sorted(bad)[0]!r} (expected "
                               f"{', '.join(sorted(_ENTRY_KEYS))})")
        code = entry.get("country")
        if code is not None:
            if not isinstance(code, str) or (code not in iso_codes
                                             and code not in _EXTRA_CODES):
                raise _error(path, f"{where}: country = {code!r} is no ISO 3166 alpha-2 code")
            by_country[code] = pid
        words: dict[str, dict[str, tuple[str, ...]]] = {lang: {} for lang in LANGS}
        for kind in KINDS:
            table = entry.get(kind, {})
            if not isinstance(table, dict) or set(table) - set(LANGS):
                raise _error(path, f"{where}: {kind} must be {{it = [...], en = [...]}}")
            for lang, ws in table.items():
                words[lang][kind] = _word_list(path, f"{where} {kind}.{lang}", ws)
        leaders = _word_list(path, f"{where} leaders", entry.get("leaders", []))
        own.append(Party(pid, code, words, leaders))
    # Babel's country names join our entry for the country, or make a party of their own
    codes = sorted(iso_codes | _EXTRA_CODES | set(by_country))
    extra: list[Party] = []
    own_by_id = {p.id: p for p in own}
    for code in codes:
        names = {lang: [n for raw in ([locales[lang][code]] if code in locales[lang] else [])
                        for n in babel_names(raw) if n.casefold() not in skip_names[lang]]
                 for lang in LANGS}
        pid = by_country.get(code)
        if pid is not None:
            p = own_by_id[pid]
            for lang in LANGS:
                have = p.words[lang].get("names", ())
                p.words[lang]["names"] = have + tuple(n for n in names[lang] if n not in have)
            continue
        english = locales["en"].get(code)
        if not english or not any(names.values()):
            continue
        extra.append(Party(slug(babel_names(english)[0] if babel_names(english) else english),
                           code, {lang: {"names": tuple(names[lang])} for lang in LANGS}))
    return Parties(path, tuple(own + extra), tuple(data.get("examples", ())),
                   tuple(data.get("counter_examples", ())))


@lru_cache(maxsize=None)
def _countries() -> tuple[frozenset[str], dict[str, dict[str, str]]]:
    """ISO 3166 alpha-2 codes (pycountry) and, per language, Babel's territory names.

    Kept on disk keyed by both packages' versions: importing pycountry and Babel and
    reading their data cost every draft check about 0.08 s, for tables that only change
    when a package is upgraded. A missing or unreadable cache file is rebuilt (and a
    read-only cache folder only costs the time)."""
    path = cache_dir() / (f"countries-pycountry{version('pycountry')}-babel{version('babel')}"
                          f"-{'-'.join(LANGS)}-1.marshal")
    try:
        codes, names = marshal.loads(path.read_bytes())
        return frozenset(codes), names
    except (OSError, ValueError, EOFError, TypeError):
        pass
    # imported here: the cached tables spare a draft check both imports
    import pycountry
    from babel import Locale

    codes = sorted(c.alpha_2 for c in pycountry.countries)
    names = {lang: dict(Locale(lang).territories) for lang in LANGS}
    write_atomically(path, marshal.dumps((codes, names)))
    return frozenset(codes), names


def territories(lang: str) -> dict[str, str]:
    """Babel's (CLDR) territory names in ``lang`` (one of LANGS), by code, from the same
    disk cache: the gazetteer's countries, without importing Babel. Do not mutate."""
    return _countries()[1][lang]


@lru_cache(maxsize=None)
def load_parties(root: Path | None = None) -> Parties:
    """The parties of ``<root>/parties.toml`` (root: :func:`paths.rules_dir`), cached.

    A rules folder without the file has no parties (as one without ``sides.toml`` has no
    side words). Raises FactcheckError naming the file (and line, for invalid TOML) when
    it is invalid. Callers must not mutate the result."""
    path = (root or rules_dir()) / "parties.toml"
    if not path.exists():
        return Parties(path, ())
    try:
        data = parse_toml(path)  # through the disk cache of parsed files
    except tomllib.TOMLDecodeError as exc:
        raise _error(path, f"invalid TOML: {exc}") from None
    return parse_parties(path, data)


@lru_cache(maxsize=None)
def _speaker_index(root: Path | None):
    # imported here: the context package reads this module, not the other way round
    from .context.words import WordIndex
    parties = load_parties(root)
    return WordIndex([pair for lang in LANGS for pair in parties.words(lang, leaders=True)])


@lru_cache(maxsize=4096)
def party_speaking(source: str, root: Path | None = None) -> str | None:
    """The one party a source's words name, in any language ("the Armenian Defence
    Ministry", "Baku", "Peskov"); None when they name none or several ("talks between
    Armenia and Azerbaijan"). For claims whose ``source_party`` was never filled (hand-made
    claims, old archive rows); the context stage fills it per language."""
    found = _speaker_index(root).values(source)
    return found.pop() if len(found) == 1 else None
