"""Find every number in a text and read it as an interval.

``find_quantities(text, lang)`` returns :class:`Quantity` records, sorted by start
and non-overlapping, for digits in any locale format (``6.500``, ``6'500``,
``1.200,5``), words (``seimilacinquecento``, ``two thousand``), mixed forms
(``6mila``, ``1,2 milioni``), vague words (``centinaia``), qualifiers (``oltre``,
``fino a``, ``circa``) and ranges (``tra 5.000 e 7.000``). Years, dates, times,
durations, percents, money, ordinals and references are returned with their kind,
never as counts.

Design: one precompiled ``regex`` scanner per language, built from the language
data (``rules/lang/<lang>/numbers.toml``), finds candidate tokens; cheap Python
post-processing joins word runs, reads separators, and looks at a few characters
of context around each hit with small anchored patterns. Every word is data.

Speed (the ``regex`` engine pays for every position it tries a pattern at):
word lists are compiled as character tries (:func:`_alt`); the scanner has a
digit door and a word door, and :func:`_scan` runs the word door only where a
candidate number word starts (found with ``str`` calls), with the same result as
the full scanner (a property test checks it); context patterns that end at the
figure are matched right to left (``regex.REVERSE``).

Value conventions:
- ``value`` is the number as written; ``low``/``high`` the stated interval.
- Vague words are the documented exception to ``low <= value <= high``:
  ``centinaia`` has value 100 (its base) and interval 200..999.
- ``band_low``/``band_high`` widen the interval by the figure's rounding; see
  :func:`_rounding_half` and ``[bands]`` in the data file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from . import regexcache
from .langdata import load_lang
from .model import Quantity
from .numwords import HUNDRED, LIT, MULT, SCALE, TEEN, TEN, THOUSAND, UNIT, Atom, read_atoms

__all__ = ["Quantity", "find_quantities"]

_F = regex.IGNORECASE | regex.UNICODE | regex.V0
_REV = _F | regex.REVERSE
_SPACE = r"[\s\u00a0\u202f\u2009]"
# separators that may sit inside a written figure (thin and no-break spaces included)
_SEP_CHARS = ".,'’\u00a0\u202f\u2009 "
_NONBREAK = {"\u00a0", "\u202f", "\u2009"}
# precompiled: module-level regex.split/match look their pattern up in a cache on every call
_RE_SEP_SPLIT = regexcache.compile(r"([.,'’\u00a0\u202f\u2009 ])")
_RE_DATE_SPLIT = regexcache.compile(r"[/.]")
_RE_DECADE_DIGITS = regexcache.compile(r"(\d+)0")
_RE_YEAR_AFTER = regexcache.compile(r",?" + _SPACE + r"+\d{4}(?!\d)")
_RE_COMPOUND_SPLIT = regexcache.compile(r"[-–—\s\u00a0\u202f\u2009]+")
_RE_WORD_START = regexcache.compile(r"(?<![^\W_])[^\W\d_]")
# names the tries of _alt in the pattern cache: any change to this file makes new ones
_ALT_KIND = "numbers-alt-" + hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:16]


def _alt(words: list[str] | dict[str, Any], *, bounded: bool = True, reverse: bool = False) -> str:
    """Regex alternation of data phrases; spaces match any whitespace run.

    Built as a character trie, so matching costs the length of a phrase rather than the
    number of phrases (a flat alternation of hundreds of words made the scanner ~50x
    slower). At each node longer continuations are tried first, like longest-first.
    ``bounded`` adds word boundaries where the phrase starts/ends with a word character.
    ``reverse`` builds the trie on the phrases' ends, for patterns compiled with
    ``regex.REVERSE`` (matched right to left, so the longest phrase still wins).
    """
    items = sorted({w.lower() for w in words if w})
    if not items:
        return "(?!)"
    # building the tries is most of the set-up time of a language (a draft check pays it
    # on every run): the result is kept in the pattern cache, keyed by this file's code
    key = f"{int(bounded)}{int(reverse)}\0" + "\0".join(items)
    return regexcache.derived(_ALT_KIND, key, _alt_from_key)


def _alt_from_key(key: str) -> str:
    flags, *items = key.split("\0")
    return _build_alt(items, bounded=flags[0] == "1", reverse=flags[1] == "1")


def _build_alt(items: list[str], *, bounded: bool, reverse: bool) -> str:
    """:func:`_alt` of lower-cased, distinct, non-empty phrases, built afresh."""
    if reverse:
        word_end = [w for w in items if bounded and w[-1].isalnum()]
        other = [w for w in items if not (bounded and w[-1].isalnum())]
        parts = []
        if word_end:
            parts.append(_suffix_trie_regex(word_end, bounded) + r"(?![^\W_])")
        if other:
            parts.append(_suffix_trie_regex(other, bounded))
        return "(?:" + "|".join(parts) + ")"
    word_start = [w for w in items if bounded and w[0].isalnum()]
    other = [w for w in items if not (bounded and w[0].isalnum())]
    parts = []
    if word_start:
        parts.append(r"(?<![^\W_])" + _trie_regex(word_start, bounded))
    if other:
        parts.append(_trie_regex(other, bounded))
    return "(?:" + "|".join(parts) + ")"


def _suffix_trie_regex(words: list[str], bounded: bool) -> str:
    """Like :func:`_trie_regex`, on the phrases read from their last character."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in reversed(w):
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict[str, Any], first: str) -> str:
        branches = []
        for ch in sorted(k for k in node if k):
            piece = _SPACE + "+" if ch == " " else regex.escape(ch)
            branches.append(emit(node[ch], ch) + piece)
        if "" in node:  # the phrase may start here; a longer one is tried first
            branches.append(r"(?<![^\W_])" if bounded and first.isalnum() else "")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return emit(trie, "")


def _trie_regex(words: list[str], bounded: bool) -> str:
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True  # a phrase ends here

    def emit(node: dict[str, Any], last: str) -> str:
        branches = []
        for ch in sorted(k for k in node if k):
            piece = _SPACE + "+" if ch == " " else regex.escape(ch)
            branches.append(piece + emit(node[ch], ch))
        if "" in node:  # stopping here comes last: longer phrases win
            branches.append(r"(?![^\W_])" if bounded and last.isalnum() else "")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return emit(trie, "")


def _ascii_prefix(s: str) -> str:
    """The run of ASCII letters ``s`` starts with."""
    k = 0
    while k < len(s) and s[k].isascii() and s[k].isalpha():
        k += 1
    return s[:k]


def _folds_to_ascii(c: str) -> bool:
    """Whether the case-insensitive scanner may match ``c`` with an ASCII letter (the Kelvin
    sign matches "k"): such a character defeats the word-by-word reasoning of _article_gate."""
    return not c.isascii() and any(regex.fullmatch(regex.escape(c), a, _F) for a in "abcdefghijklmnopqrstuvwxyz")


def _article_gate(articles: list[str], numerals: list[str], phrase_lists: list[list[str]],
                  standalone: list[str], followers: list[str], ord_word: Any,
                  letters_only: list[str]) -> dict[str, frozenset[str]]:
    """Articles ("a", "un") whose word-door match can be ruled out from the next word alone.

    Maps each such article to the first words (runs of ASCII letters, lower case) that may follow it
    in a match: of the follower phrases of the gated branch (count nouns, modifiers, "of", money...)
    and of the other phrases of the door that begin with the article and a space ("a dozen"). Any
    other next word must still be made of number atoms (``segment``) for the door to match; see
    :func:`_article_may_match`, which also checks the standalone branches. Left out: articles that
    are whole phrases of another branch, numerals, ordinals, and every article when the data holds a
    character that the case-insensitive engine matches with an ASCII letter.
    """
    every = [_norm(x) for lst in phrase_lists + [standalone, followers, articles, numerals, letters_only]
             for x in lst]
    if any(_folds_to_ascii(c) for x in every for c in x):
        return {}
    if any(x and (not x[-1].isalpha() or x[-1] in "_") for x in map(_norm, letters_only)):
        return {}  # a number or conjunction word ending in a mark: the standalone check reads letters
    nexts = {_ascii_prefix(_norm(f)) for f in followers} - {""}
    out: dict[str, frozenset[str]] = {}
    for a in {_norm(x) for x in articles}:
        if not a.isascii() or not a.isalpha() or ord_word.fullmatch(a) or any(
                _norm(x).startswith(a) for x in numerals):
            continue
        own = set(nexts)
        ok = True
        for x in [_norm(x) for lst in phrase_lists + [standalone, articles] for x in lst]:
            if x == a and x not in map(_norm, standalone + articles):
                ok = False  # the word alone is a phrase of another branch
            elif x.startswith(a + " "):
                own.add(_ascii_prefix(x[len(a):].lstrip()))
        if ok:
            out[a] = frozenset(own - {""})
    return out


@dataclass
class _Lang:
    """Everything compiled from one language's data file."""

    code: str
    data: dict[str, Any]
    atoms: dict[str, Atom]
    scanner: Any
    re_skip: Any
    scan_digits: dict[tuple[bool, bool], Any]  # the scanner's digit doors, by (lead, quote) door
    scan_word: Any  # its word door alone, tried only where a candidate word starts
    ord_word: Any  # an ordinal word, tried with fullmatch on a candidate word
    gate_first: set[str]
    gate_cache: dict[str, tuple[str, ...]]  # token -> its candidate words (only tokens with some)
    seen_tokens: set[str]  # every token already split
    article_next: dict[str, frozenset[str]]  # see _article_gate
    standalone: frozenset[str]  # articles that may also stand for 1 after a number word
    standalone_prev: frozenset[str]  # last words of conjunctions, minus words, pronoun cues
    next_verdicts: dict[tuple[str, str], bool]  # word -> made of atoms (see _atoms_word)
    capitalised: bool  # a capitalised word may sit between an article and its noun
    segment: Any
    vague: dict[str, dict[str, Any]]
    ord_words: dict[str, int]
    ord_compound: dict[str, int]  # "first" in "thirty-first"
    ord_suffix: Any
    ord_restore: list[str]
    ord_stem_endings: dict[str, str]  # "mill" -> "mila": duemillesimo is read from duemila
    denoms: dict[str, int]  # fraction denominators: "thirds" -> 3
    denom_singular: set[str]  # "third", "terzo": a fraction only after 1 and before a partitive
    re_partitive: Any
    gated: set[str]
    bound_only: set[str]
    dec: str
    thou: str
    re_mult_ci: Any
    re_mult_cs: Any
    mult_ci: dict[str, float]
    mult_cs: dict[str, float]
    mult_ctx: dict[str, float]  # suffixes that scale only in money or before a count noun
    re_mult_ctx: Any
    re_ord_suffix: Any
    re_count_after: Any
    re_count_direct: Any  # a count noun right after the figure
    re_count_glued: Any  # a person noun glued to the digits, as scraped pages print them ("95persone")
    re_unit_after: Any
    re_money_before: Any
    re_qual_before: Any
    re_qual_after: Any
    qual_before: dict[str, str]
    qual_after: dict[str, str]
    re_other_before: Any
    re_age_before: Any
    age_units: set[str]
    re_time_before: Any
    re_time_after: Any
    re_year_before: Any
    re_month_after: Any
    re_month_before: Any
    months: dict[str, int]
    re_minus_before: Any
    re_half: Any
    re_half_before: Any  # "mezzo ", "half a " right before a scale word
    re_point: Any
    re_frac_word: Any
    re_conj_gap: Any
    re_range_bare: Any
    re_range_alt: Any  # "8 o 9": an alternative, a range only between figures of one scale
    re_range_pairs: list[tuple[Any, Any]]
    max_join_word: int
    re_range_conn_any: Any  # any pair's connector: one test before trying each pair
    re_change_before: Any  # a verb of change before "from X to Y": two figures, not a range
    re_change_by: Any  # "rose by 5 to 40": the change and the new figure, not a range
    re_bound_gap: Any
    re_ratio_gap: Any  # "1 in 4", "2 out of 3", "uno su cinque": one proportion, not two counts
    re_qual_start: Any
    bands: dict[str, float]
    zero_after_point: set[str]
    decade_words: dict[str, int]
    subunits: set[str]
    re_subunit_gap: Any


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def _with_people(w: dict[str, Any], code: str, root: Path | None) -> dict[str, Any]:
    """``[words]`` with the language's nationalities among its count nouns when it asks for
    them (``people_count_nouns``): "un tedesco" is one German. The words are parties.toml's,
    their one owner."""
    if not w.get("people_count_nouns") and not w.get("people_count_nouns_alone"):
        return w
    from .parties import load_parties  # here: only a language that asks reads the parties
    people = [word for word, _ in load_parties(root).words(code, kinds=("people",))]
    if not w.get("people_count_nouns"):
        # English: a nationality ends its noun phrase, or it is an adjective ("a Swiss," is
        # one Swiss; in "a Swiss company" the article stays an article)
        return {**w, "people_alone": people}
    return {**w, "count_nouns": list(w["count_nouns"]) + people}


@lru_cache(maxsize=None)
def _lang(code: str, root: Path | None = None) -> _Lang:
    d = load_lang(code, "numbers", root, inherit=True)
    w = _with_people(d["words"], code, root)
    atoms: dict[str, Atom] = {}
    need = set(w.get("needs_multiplier", []))
    nomul = set(w.get("takes_no_multiplier", []))
    for table, cls in (("units", UNIT), ("teens", TEEN), ("tens", TEN), ("hundreds", HUNDRED),
                       ("thousands", THOUSAND), ("scales", SCALE), ("multipliers", MULT)):
        for word, val in w.get(table, {}).items():
            atoms[_norm(word)] = Atom(cls, float(val), word, word in need, word in nomul)
    atom_alt = _alt(list(atoms), bounded=False)
    gated = [g for g in w["gated"]]
    numerals = set(w.get("gated_numerals", []))
    articles_g = [g for g in gated if g not in numerals]
    elided_g = [g for g in articles_g if g.endswith(("'", "’"))]
    count_alt = _alt(w["count_nouns"] + w.get("thing_nouns", []))
    person_alt = _alt(w["count_nouns"])
    # what a numeral (never an article) counts before besides a noun: its people's fate ("one
    # missing", "one died"); kept out of count_alt, which also decides years ("in 2017 killed")
    numeral_next = _alt(w.get("numeral_followers", []))
    # a nationality that ends its noun phrase: a punctuation mark, the language's "and" or
    # "or" (its conjunction and range alternatives), or the end next
    alone = w.get("people_alone", [])
    joins = _alt(list(w["conjunction"]) + list(d.get("ranges", {}).get("alternatives", [])))
    alone_alt = (_alt(alone) + r"(?=" + _SPACE + r"*(?:[,;:.!?)]|\Z)|" + _SPACE
                 + r"+" + joins + r")") if alone else ""
    if alone:
        numeral_next += "|" + alone_alt
    # the slot between an article and its noun: a listed word, or where the data allows it a
    # capitalised one ("One Ukrainian soldier"; case-sensitive inside the case-insensitive scanner)
    capitalised = r"|(?<![^\W_])(?-i:\p{Lu})[^\W\d_]*" if w.get("capitalised_modifier") else ""
    modifier = r"(?:(?:" + _alt(w.get("noun_modifiers", [])) + capitalised + r")" + _SPACE + r"+)?"
    follow_alt = _alt(w["gated_followers"] + w["point"])
    # a numeral after a bound only a number takes is 1 before any noun: "at least one bystander"
    hedges = w.get("numeral_hedges", [])
    hedged = (r"|(?<=(?<![^\W_])" + _alt(hedges, bounded=False) + _SPACE + r"+)"
              + _alt(list(numerals), bounded=False) + r"(?=" + _SPACE + r"+[^\W\d_])"
              if hedges and numerals else "")
    # ... and a pronoun after a cue that opens a part of the figure before it, before a mark or
    # the state of the one counted: "di cui uno grave" (not the article of "tra cui uno scontro")
    cues, ones = w.get("pronoun_cues", []), w.get("pronoun_ones", [])
    if cues and ones:
        hedged += (r"|(?<=(?<![^\W_])" + _alt(cues, bounded=False) + _SPACE + r"+)"
                   + _alt(ones, bounded=False) + r"(?=\s*[,;:.)]|" + _SPACE + r"+"
                   + _alt(w.get("pronoun_next", [])) + r")")
    other_followers = follow_alt + "|" + _alt(d["units"]["money"])
    vague: dict[str, dict[str, Any]] = {}
    for entry in d["vague"]:
        for p in entry["phrases"]:
            vague[_norm(" ".join(p.split()))] = entry
    ord_words = {_norm(k): int(v) for k, v in d["ordinals"]["words"].items()}
    fr = d.get("fractions", {})
    denoms = {_norm(k): int(v) for k, v in fr.get("denominators", {}).items()}
    denom_only = [k for k in denoms if k not in ord_words]  # "thirds", "quinti": no ordinal reads them
    months = {_norm(k): int(v) for k, v in d["dates"]["months"].items()}
    ctx = d["context"]
    decade_words = {_norm(k): int(v) for k, v in ctx.get("decade_words", {}).items()}

    glued = w["glued"]
    word_alt = (r"(?:" + atom_alt + r")+") if glued else atom_alt
    # the number words an article makes 1 of: a size it multiplies ("a hundred", "a million", "un
    # milione", "a dozen"); never a unit or a ten ("a six-storey hotel", "a one-street hamlet")
    sized = _alt([k for k, a in atoms.items() if a.cls in (HUNDRED, THOUSAND, SCALE, MULT)],
                 bounded=False)
    article_word_alt = (r"(?:" + sized + r")(?:" + atom_alt + r")*") if glued else sized
    if fr.get("singular"):  # "a third of the town", "un terzo della popolazione"
        other_followers += "|" + _alt(fr["singular"]) + _SPACE + r"+" + _alt(fr["partitive"])
    if d.get("ratios", {}).get("connectors"):  # "one in five", "uno su cinque"
        other_followers += ("|" + _alt(d["ratios"]["connectors"]) + _SPACE + r"+(?:\d|" + word_alt
                            + r"(?![^\W_]))")
    ord_suffixes = d["ordinals"]["suffixes"]
    ord_parts = [_alt(list(ord_words))]
    compound = {_norm(k): int(v) for k, v in d["ordinals"].get("compound_units", {}).items()}
    if compound:
        # "thirty-first": a tens word, a hyphen, the ordinal of a unit (with a space it may be
        # two numbers: "thirty first responders")
        ord_parts.insert(0, r"(?<![^\W_])" + _alt(list(w["tens"])) + r"[-–—]" + _alt(list(compound)))
        # ... and with a space when the unit's ordinal is one the reader knows alone ("the twenty
        # fifth day"): never "first"/"second" ("thirty first responders", "forty second delay")
        spaced = [k for k in compound if k in ord_words]
        if spaced:
            ord_parts.insert(0, r"(?<![^\W_])" + _alt(list(w["tens"])) + _SPACE + r"+" + _alt(spaced))
    stems: set[str] = set()
    if ord_suffixes:
        # the last atom may have lost its vowel before the suffix: quindic-esimo, milion-esimo;
        # a money or time word that looks like one (centesimi) is not an ordinal
        stems = set(atoms) | {a[:-1] for a in atoms if len(a) > 3 and a[-1] in "aeiouéè"}
        units_alt = _alt(d["units"]["money"] + d["units"]["duration"])
        ord_parts.append(r"(?<![^\W_])(?!" + units_alt + r")(?:" + atom_alt + r")*?"
                         + _alt(list(stems), bounded=False) + _alt(ord_suffixes, bounded=False)
                         + r"(?![^\W_])")
    decade = []
    if ctx["decade_before"]:
        dec_words = _alt(list(decade_words)) if decade_words else "(?!)"
        decade.append(_alt(ctx["decade_before"]) + _SPACE + r"+(?:['’]?\d0(?!\d)|" + dec_words + ")")
    if ctx["decade_suffix"]:
        decade.append(r"(?<![\w])(?:1\d|20)\d0" + _alt(ctx["decade_suffix"], bounded=False) + r"(?![^\W_])")
        decade.append(r"['’]\d0" + _alt(ctx["decade_suffix"], bounded=False) + r"(?![^\W_])")
    gated_alt = _alt(gated, bounded=False)
    standalone_alt = _alt(w["standalone"], bounded=False)
    # Three doors, so that most positions fail at once (a flat alternation of every branch,
    # tried at every character, read ~0.2 MB/s): digits, a leading separator, and word starts
    # that begin a number word (the gate, a trie of every word the branches can start with).
    gate = _alt(list(atoms) + list(stems) + list(vague) + list(ord_words) + gated + w["standalone"]
                + ctx["decade_before"] + denom_only, bounded=False)
    digit_branches = [
        r"(?P<iso>(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d))",
        # "2023-09": a month (a zero-padded one: "2011-12" may be a season, two years)
        r"(?P<isomonth>(?<![\d-])\d{4}-0[1-9](?![\d-]|[.,]\d))",
        r"(?P<sdate>(?<![\d.,])\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?![\d]|[.,]\d))",
        # "1/5", "24/7", "9/11": a ratio or a name, never a count
        r"(?P<frac>(?<![\d/.,])\d{1,4}/\d{1,4}(?![\d/]|[.,]\d))",
        r"(?P<time>(?<![\d.,:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:]))",
        r"(?P<decade>" + ("|".join(decade) if decade else "(?!)") + ")",
        r"(?P<dig>\d+(?:(?:[.,'’\u00a0\u202f\u2009]|\x20(?=\d{3}(?!\d)))\d+)*)",
    ]
    word_branches = [
        r"(?P<decade_w>" + ("|".join(decade) if decade else "(?!)") + ")",
        r"(?P<vague>" + _alt(list(vague)) + ")",
        r"(?P<ord>" + "|".join(ord_parts) + ")",
        r"(?P<denom>" + _alt(denom_only) + ")",
        # un/una/a/one: a number only before a number word, a count noun, "of", or alone
        # an article only before a person ("a soldier", not "a village"); a numeral before any count noun
        r"(?P<gated>(?<![^\W_])(?:" + _alt(articles_g, bounded=False) + r"(?=" + _SPACE + r"+(?:"
        + article_word_alt + r"(?![^\W_])|" + modifier + person_alt + "|" + other_followers
        + ("|" + alone_alt if alone else "") + r"))"
        # an elided article is glued to its noun or modifier: "un'anziana", "un'altra persona"
        + r"|" + _alt(elided_g, bounded=False) + r"(?=(?:" + modifier + person_alt + r"))"
        + r"|" + _alt(list(numerals), bounded=False) + r"(?=" + _SPACE + r"+(?:" + word_alt
        + r"(?![^\W_])|" + modifier + count_alt + "|" + numeral_next + "|" + other_followers + r"))"
        # ... or after a bound only a number takes ("at least one bystander"), before any word
        + hedged
        # ... or, for a word that can stand for 1 ("one", "uno", not "a"), right after a number
        # word or a minus word: "twenty-one", "hundred and one", "cento e uno", "minus one"
        + r"|(?<=(?<![^\W_])(?:" + word_alt + r"(?:[\s-]+|" + _SPACE + r"+" + _alt(w["conjunction"])
        + _SPACE + r"+)|" + _alt(w["minus"]) + _SPACE + r"+))" + standalone_alt + r"(?![^\W_])"
        + r"|(?<=\A\s*)" + standalone_alt + r"(?=[\s.!?]*\Z)"
        # ... or, for the words the data lets stand alone ("uno"), before a punctuation mark
        + r"|" + _alt(w.get("standalone_before_punctuation", [])) + r"(?=\s*(?:[,;:!?)]|\.(?!\d)|\Z))))",
        r"(?P<word>(?<![^\W_])(?!" + gated_alt + r"(?![^\W_]))" + word_alt + r"(?![^\W_]))",
    ]
    digit_doors = [
        r"(?=\d)(?:" + "|".join(digit_branches) + ")",
        r"(?P<lead>(?<![\w.,])[.,]\d+)",
        r"(?P<decade_q>(?=['’]\d)(?:" + ("|".join(decade) if decade else "(?!)") + "))",
    ]
    word_door = r"(?<![^\W_])(?=" + gate + r")(?:" + "|".join(word_branches) + ")"
    scanner = regexcache.compile("|".join(digit_doors + [word_door]), _F)
    gate_words = list(atoms) + list(stems) + list(vague) + list(ord_words) + gated + w["standalone"] \
        + w.get("standalone_before_punctuation", []) + ctx["decade_before"] + denom_only
    # URLs, e-mail addresses, domains with a path, phone numbers: never figures. Found in a
    # pre-pass, and only when their marks are in the text (tried everywhere they are slow).
    re_skip = regexcache.compile(
        r"(?<![\w.+-])(?:(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+|[\w-]+(?:\.[\w-]+)+/\S*)"
        r"|\+\d{1,3}[-\s]\d[\d\-/ ]{6,}\d", _F)
    segment = regexcache.compile(r"(?:(?P<a>" + atom_alt + r"))+", _F)

    seps = d["separators"]
    dm = {k: float(v) for k, v in w["digit_multipliers"].items()}
    mult_ci = {k.lower(): v for k, v in dm.items() if len(k) > 1}
    mult_cs = {k: v for k, v in dm.items() if len(k) == 1}
    mult_ctx = {k: float(v) for k, v in w.get("digit_multipliers_in_context", {}).items()}
    units = d["units"]
    unit_groups = []
    for kind in ("percent", "money", "other", "duration"):  # "years old" before "years"
        unit_groups.append(f"(?P<{kind}>" + _alt(units[kind]) + ")")
    linker = _alt(units["linkers"])
    re_unit_after = regexcache.compile(
        r"(?:" + _SPACE + r"*(?P<age>" + _alt(ctx["age_after"]) + r")|" + _SPACE + r"*(?:"
        + r"(?P<linked>" + linker + r")" + _SPACE + r"*(?P<money2>" + _alt(units["money"]) + r")|"
        + "|".join(unit_groups) + r"))", _F)
    q = d["qualifiers"]
    qual_before = {_norm(" ".join(k.split())): v for k, v in q["before"].items()}
    qual_after = {_norm(" ".join(k.split())): v for k, v in q["after"].items()}
    articles = _alt(q["articles"], bounded=False)
    r_articles = _alt(q["articles"], bounded=False, reverse=True)
    # patterns that end at \Z are matched right to left (REVERSE): one attempt from the end
    # instead of one per character of the 40-character window
    re_qual_before = regexcache.compile(
        r"(?<![^\W_])(?P<q>" + _alt(list(q["before"]), reverse=True) + r")" + _SPACE + r"*(?:(?<![^\W_])"
        + r_articles + r"(?:" + _SPACE + r"+|(?<=['’])))?\Z", _REV)
    re_qual_after = regexcache.compile(r"" + _SPACE + r"*(?P<q>" + _alt(list(q["after"])) + r")", _F)
    month_alt = _alt(list(d["dates"]["months"]))
    r = d["ranges"]
    pairs = []
    for opener, conn in r["pairs"]:
        pairs.append((
            regexcache.compile(r"(?<![^\W_])" + _alt([opener], bounded=False, reverse=True) + _SPACE + r"+(?:"
                          + r_articles + r"(?:" + _SPACE + r"+|(?<=['’])))?\Z", _REV),
            regexcache.compile(r"" + _SPACE + r"+" + _alt([conn], bounded=False) + _SPACE + r"+(?:" + articles
                          + r"(?:" + _SPACE + r"+|(?<=['’])))?\Z", _F),
        ))
    bare_sym = [b for b in r["bare"] if not b[0].isalnum()]
    bare_word = [b for b in r["bare"] if b[0].isalnum()]
    bare = []
    if bare_sym:
        bare.append(_SPACE + r"*" + _alt(bare_sym, bounded=False) + _SPACE + r"*")
    if bare_word:
        bare.append(_SPACE + r"+" + _alt(bare_word, bounded=False) + _SPACE + r"+")
    return _Lang(
        code=code, data=d, atoms=atoms, scanner=scanner, re_skip=re_skip,
        # the digit doors, compiled without the rare ones a text cannot use: alone, the first
        # door runs ~6x faster (the engine skips to the next digit)
        scan_digits={(lead, quote): regexcache.compile("|".join(
            [digit_doors[0]] + ([digit_doors[1]] if lead else []) + ([digit_doors[2]] if quote else [])), _F)
            for lead in (False, True) for quote in (False, True)},
        scan_word=regexcache.compile(word_door, _F),
        ord_word=regexcache.compile("|".join(ord_parts), _F),
        gate_first={_norm(g).split(" ")[0].split("'")[0] for g in gate_words}, gate_cache={}, seen_tokens=set(),
        article_next=_article_gate(
            articles_g, numerals,
            [list(vague), list(ord_words), list(w["tens"]), denom_only, ctx["decade_before"]],
            w["standalone"] + w.get("standalone_before_punctuation", []),
            w["count_nouns"] + w.get("noun_modifiers", []) + w["gated_followers"] + w["point"]
            + w.get("people_alone", []) + d["units"]["money"] + fr.get("singular", []) + d.get("ratios", {}).get("connectors", []),
            regexcache.compile("|".join(ord_parts), _F),
            list(atoms) + w["conjunction"] + w["minus"]),
        standalone=frozenset(_norm(x) for x in w["standalone"]),
        standalone_prev=frozenset(_ascii_prefix(_norm(x)[::-1])[::-1] for x in w["conjunction"]
                                  + w["minus"] + w.get("pronoun_cues", [])),
        next_verdicts={}, capitalised=bool(w.get("capitalised_modifier")),
        segment=segment, vague=vague,
        ord_words=ord_words, ord_compound=compound,
        ord_suffix=regexcache.compile(_alt(ord_suffixes, bounded=False) + r"\Z", _F) if ord_suffixes else None,
        ord_restore=d["ordinals"]["restore"],
        ord_stem_endings={_norm(k): _norm(v) for k, v in d["ordinals"].get("stem_endings", {}).items()},
        denoms=denoms, denom_singular={_norm(x) for x in fr.get("singular", [])},
        re_partitive=regexcache.compile(_SPACE + r"+" + _alt(fr.get("partitive", [])), _F),
        gated={_norm(g) for g in gated},
        bound_only={_norm(b) for b in w["bound_only"]}, dec=seps["decimal"], thou=seps["thousands"],
        re_mult_ci=regexcache.compile(r"" + _SPACE + r"?(?P<m>" + _alt(list(mult_ci), bounded=False)
                                 + r")(?![^\W_])", _F) if mult_ci else None,
        re_mult_cs=regexcache.compile(r"(?P<m>" + "|".join(regex.escape(k) for k in mult_cs)
                                 + r")(?![^\W_])") if mult_cs else None,
        mult_ci=mult_ci, mult_cs=mult_cs, mult_ctx=mult_ctx,
        re_mult_ctx=regexcache.compile(r"(?P<m>" + "|".join(regex.escape(k) for k in mult_ctx) + r")(?![^\W_])")
        if mult_ctx else None,
        re_ord_suffix=regexcache.compile(r"" + _alt(d["ordinals"]["digit_suffixes"], bounded=False)
                                    + r"(?![^\W_])", _F),
        re_count_direct=regexcache.compile(_SPACE + r"+" + count_alt, _F),
        re_count_glued=regexcache.compile(_alt(w["count_nouns"], bounded=False) + r"(?![^\W_])", _F),
        re_count_after=regexcache.compile(r"" + _SPACE + r"+(?:[^\W\d_]+" + _SPACE + r"+)?" + count_alt, _F),
        re_unit_after=re_unit_after,
        re_money_before=regexcache.compile(r"(?:(?<![^\W_])|(?<=[\d\s]))"
                                      + _alt(units["money_before"], bounded=False, reverse=True)
                                      + _SPACE + r"?\Z", _REV),
        re_qual_before=re_qual_before, re_qual_after=re_qual_after,
        qual_before=qual_before, qual_after=qual_after,
        re_other_before=regexcache.compile(_alt(ctx["other_before"], reverse=True) + _SPACE + r"*\Z", _REV),
        re_age_before=regexcache.compile(_alt(ctx.get("age_before", []), reverse=True) + _SPACE + r"+\Z", _REV),
        age_units={_norm(u) for u in ctx.get("age_units", [])},
        re_time_before=regexcache.compile(_alt(ctx["time_before"], reverse=True) + _SPACE + r"*\Z", _REV),
        re_time_after=regexcache.compile(r"" + _SPACE + r"*" + _alt(ctx["time_after"]), _F),
        re_year_before=regexcache.compile(_alt(ctx["year_before"], reverse=True) + _SPACE + r"+\Z", _REV),
        re_month_after=regexcache.compile(r"" + _SPACE + r"+(?:(?:di|of)" + _SPACE + r"+)?(?P<m>" + month_alt
                                     + r")(?:,?" + _SPACE + r"+(?P<y>\d{4})(?!\d))?", _F),
        re_month_before=regexcache.compile(r"(?P<m>" + _alt(list(d["dates"]["months"]), reverse=True) + r")"
                                      + _SPACE + r"+\Z", _REV),
        months=months,
        re_minus_before=regexcache.compile(_alt(w["minus"], reverse=True) + _SPACE + r"+\Z", _REV),
        re_half_before=regexcache.compile(r"(?<![^\W_])" + _alt(w["half"]) + r"(?:" + _SPACE + r"+"
                                     + _alt(w["gated"]) + r")?" + _SPACE + r"+\Z", _F),
        re_half=regexcache.compile(r"" + _SPACE + r"+" + _alt(w["conjunction"]) + _SPACE + r"+(?:(?:a|an)"
                              + _SPACE + r"+)?" + _alt(w["half"]), _F),
        re_point=regexcache.compile(r"" + _SPACE + r"+" + _alt(w["point"]) + r"(?=" + _SPACE + ")", _F),
        re_frac_word=regexcache.compile(r"(?:" + _SPACE + r"+|-)(?P<w>[^\W\d_]+|\d+)(?![^\W_])", _F),
        re_conj_gap=regexcache.compile(r"" + _SPACE + r"+" + _alt(w["conjunction"]) + _SPACE + r"+\Z", _F),
        re_range_bare=regexcache.compile(r"(?:" + "|".join(bare) + r")\Z", _F) if bare else None,
        re_range_pairs=pairs,
        re_range_alt=regexcache.compile(_SPACE + r"+" + _alt(r["alternatives"], bounded=False) + _SPACE + r"+\Z", _F)
        if r.get("alternatives") else None,
        max_join_word=max([len(c) for c in w["conjunction"]] + [1]),
        re_range_conn_any=regexcache.compile(_SPACE + r"+" + _alt([c for _, c in r["pairs"]], bounded=False)
                                        + _SPACE + r"+(?:" + articles + r"(?:" + _SPACE
                                        + r"+|(?<=['’])))?\Z", _F),
        re_change_before=regexcache.compile(_alt(r.get("change_before", [])), _F),
        re_change_by=regexcache.compile(_alt(r.get("change_by", [])) + _SPACE + r"+\Z", _F)
        if r.get("change_by") else None,
        re_ratio_gap=regexcache.compile(_SPACE + r"+" + _alt(d.get("ratios", {}).get("connectors", []))
                                   + _SPACE + r"+", _F),
        re_bound_gap=regexcache.compile(_SPACE + r"*" + _alt(r.get("bound_connectors", []), bounded=False)
                                   + _SPACE + r"*", _F),
        re_qual_start=regexcache.compile(r"(?<![^\W_])" + _alt(list(q["before"])), _F),
        bands={k: float(v) for k, v in d["bands"].items()},
        zero_after_point={_norm(z) for z in w["zero_after_point"]},
        decade_words=decade_words,
        subunits={_norm(u) for u in units["subunits"]},
        re_subunit_gap=regexcache.compile(_SPACE + r"+(?:" + _alt(w["conjunction"]) + _SPACE + r"+)?", _F),
    )


# ---------------------------------------------------------------------------
# working records


@dataclass(slots=True)
class _Tok:
    kind: str  # scanner group name
    start: int
    end: int
    text: str
    value: float | None = None  # digits: the parsed value
    digits: str = ""  # digits: significant written digits (for the rounding band)
    ndec: int = 0
    ambiguous: bool = False
    mult: float = 1.0
    suffix_kind: str | None = None  # "ordinal", "other" from a glued suffix


@dataclass(slots=True)
class _Num:
    start: int
    end: int
    value: float
    kind: str = "count"
    qualifier: str = "exact"
    low: float | None = None
    high: float | None = None
    ambiguous: bool = False
    unit: float = 1.0  # size of the last written significant digit
    core_start: int = 0
    core_end: int = 0
    fixed: bool = False  # kind decided by the token itself (date, time, decade, vague)
    word_interval: bool = False  # an approximating word states the interval ("una decina": 8..14)
    unit_word: str = ""  # the money word read after the figure ("euro", "centesimi")
    low_unit: float = 1.0
    high_unit: float = 1.0
    scale: float = 1.0  # the scale word or suffix that ends the figure (1000 in "50 mila")
    frac: bool = False  # "1/4": a ratio, which may still be hedged ("oltre 1/3")
    low_ex: bool = False  # range bounds taken from "more than" / "less than"
    high_ex: bool = False
    extra_digits: str = ""  # a plain digit run as written ("2020"): a year candidate


# more digits than a float holds exactly (a world population has 10): not a figure
MAX_DIGITS = 15


def _trailing_zero_unit(n: float) -> float:
    if n <= 0 or n != int(n):
        return 1.0
    n, unit = int(n), 1
    while n % 10 == 0:
        n //= 10
        unit *= 10
    return float(unit)


# ---------------------------------------------------------------------------
# digits


def _read_digits(s: str, L: _Lang, after: str) -> list[tuple[int, int, float, str, int, bool]]:
    """Read a digit blob; returns (rel_start, rel_end, value, sig_digits, ndec, ambiguous) parts.

    A blob that is not one well-formed figure ("192.168.1.2", "2020 500") is split
    at its separators into separate integers.
    """
    parts = _RE_SEP_SPLIT.split(s)
    groups, seps = parts[0::2], parts[1::2]
    if not seps:
        return [(0, len(s), float(int(s)), s, 0, False)]
    norm = ["'" if c in "'’" else (" " if c in _NONBREAK or c == " " else c) for c in seps]
    g0 = groups[0]
    rest3 = all(len(g) == 3 for g in groups[1:])
    kinds = set(norm)
    if rest3 and 1 <= len(g0) <= 3 and len(kinds) == 1:
        sep = norm[0]
        whole = "".join(groups)
        if sep in (" ", "'") or sep == L.thou or len(seps) > 1:
            return [(0, len(s), float(int(whole)), whole, 0, False)]
        # one language-decimal mark before three digits: "10,000" (it), "4.800" (en)
        if L.re_count_after.match(after):
            return [(0, len(s), float(int(whole)), whole, 0, False)]
        if groups[1] == "000":
            return [(0, len(s), float(int(whole)), whole, 0, True)]
        return [(0, len(s), float(f"{g0}.{groups[1]}"), g0 + groups[1], 3, True)]
    last = norm[-1]
    if last in ".," and len(groups[-1]) >= 1:
        head_groups, head_seps = groups[:-1], norm[:-1]
        ok = True
        if head_seps:
            ok = (1 <= len(head_groups[0]) <= 3 and all(len(g) == 3 for g in head_groups[1:])
                  and len(set(head_seps)) == 1 and head_seps[0] != last)
        if ok:
            whole = "".join(head_groups)
            frac = groups[-1]
            return [(0, len(s), float(f"{whole}.{frac}"), whole + frac, len(frac), False)]
    out = []
    pos = 0
    for g, sep in zip(groups, seps + [""]):
        out.append((pos, pos + len(g), float(int(g)), g, 0, False))
        pos += len(g) + len(sep)
    return out


def _context_multiplier(text: str, start: int, last: _Tok, tail: str, L: _Lang) -> tuple[float, int] | None:
    """A suffix that scales a figure only in money or before a count noun: "$5m", "1.2m people"
    (elsewhere "100m" is a distance)."""
    mm = L.re_mult_ctx.match(tail) if L.re_mult_ctx else None
    if not mm:
        return None
    end = last.end + mm.end()
    money = L.re_money_before.search(text, max(0, start - 8), start)
    if money or L.re_count_after.match(text, end, end + 60):
        return L.mult_ctx[mm.group("m")], end
    return None


def _digit_tokens(text: str, m: Any, L: _Lang) -> list[_Tok]:
    s, start = m.group(), m.start()
    before = text[start - 1] if start else ""
    if (before.isalpha() or before == "_") and not L.re_money_before.search(text, max(0, start - 8), start):
        return []  # glued to letters before: an identifier (A4, G7), not a figure; "USD3" is money
    if before in "-‐" and start >= 2 and text[start - 2].isalpha():
        k = start - 2
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        # "5k-20k" and "100-to-300" are ranges, "Su-25" a model name
        joined = k > 0 and (text[k - 1].isdigit()
                            or (text[k - 1] in "-‐" and k > 1 and text[k - 2].isdigit()))
        if not joined:
            return []
    if sum(c.isdigit() for c in s) > MAX_DIGITS:
        return []  # a code, a hash or a run of numbers glued by spaces: no figure is this long
    if not "".join(_RE_SEP_SPLIT.split(s)[0::2]).isdecimal():
        return []  # a digit of a script newer than Python's Unicode tables (`regex`'s \d knows it)
    after = text[m.end(): m.end() + 60]
    out = []
    for rs, re_, val, sig, ndec, amb in _read_digits(s, L, after):
        out.append(_Tok("dig", start + rs, start + re_, s[rs:re_], val, sig, ndec, amb))
    last = out[-1]
    tail = text[last.end: last.end + 12]
    if tail[:1].isalpha() or tail[:1] in "°ºª" or (tail[:1] == " " and tail[1:2].isalpha()):
        mm = L.re_mult_cs.match(tail) if L.re_mult_cs else None
        if mm:
            last.mult = L.mult_cs[mm.group("m")]
            last.end += mm.end()
        elif L.re_mult_ci and (mm := L.re_mult_ci.match(tail)):
            last.mult = L.mult_ci[mm.group("m").lower()]
            last.end += mm.end()
        elif (mo := L.re_ord_suffix.match(tail)):
            last.suffix_kind = "ordinal"
            last.end += mo.end()
        elif tail[:1].isalpha():
            mu = L.re_unit_after.match(tail)
            if mu and (mu.group("other") or mu.group("percent")):
                last.suffix_kind = "other" if mu.group("other") else "percent"
                last.end += mu.end()
            elif mu and (mu.group("money") or mu.group("duration")):
                pass  # "45EUR", "10days": kind read later
            elif (mc := _context_multiplier(text, start, last, tail, L)) is not None:
                last.mult, last.end = mc
            elif L.re_count_glued.match(text, last.end):
                pass  # a lost space: "95persone", "12dead" is the figure before its noun
            else:
                return out[:-1]  # glued to other letters (180ml, 3km, 1m): not a figure we read
        last.text = text[last.start: last.end]
    return out


# ---------------------------------------------------------------------------
# words


def _word_atoms(tok: _Tok, L: _Lang) -> list[Atom] | None:
    w = _norm(tok.text)
    if tok.kind == "dig":
        if tok.mult != 1.0:
            return [Atom(LIT, tok.value * tok.mult)]
        return [Atom(LIT, tok.value)]
    if tok.kind == "vague":  # a scale word written in the plural after a number: "thirty-five thousands"
        first = w.split()[0]
        a = L.atoms.get(first)
        return [a] if a and a.cls in (HUNDRED, THOUSAND, SCALE, MULT) else None
    # an elided article is its word: "un'" (glued to "un'altra persona") is "un"
    a = L.atoms.get(w.rstrip("'’") if tok.kind == "gated" else w)
    if a is not None:
        return [a]
    m = L.segment.fullmatch(w)
    if not m:
        return None
    return [L.atoms[_norm(x)] for x in m.captures("a")]


def _frac_digits(text: str, pos: int, L: _Lang) -> tuple[str, int, list[Atom]]:
    """Digits spoken after a decimal point word: "virgola uno quattro" -> "14".

    Returns (digits, end, trailing scale atoms). Single digits concatenate; a
    compound ("cinquantasei", "seventy-five") gives its own digits; leading zeros stay.
    """
    words: list[tuple[str, int]] = []
    p = pos
    while True:
        m = L.re_frac_word.match(text, p, p + 40)
        if not m:
            break
        words.append((m.group("w"), m.end()))
        p = m.end()
    digits, end, state, scale_atoms = "", pos, None, []
    for w, e in words:
        lw = _norm(w)
        if lw in L.zero_after_point:
            if state is not None:
                digits += str(int(state.value))
                state = None
            digits += "0"
            end = e
            continue
        if w.isdigit():
            if state is not None:
                digits += str(int(state.value))
                state = None
            digits += w
            end = e
            continue
        tok = _Tok("word", 0, 0, w)
        atoms = _word_atoms(tok, L)
        if not atoms:
            break
        if atoms[0].cls in (SCALE, THOUSAND) and len(atoms) == 1 and (digits or state):
            scale_atoms = atoms
            if state is not None:
                digits += str(int(state.value))
                state = None
            end = e
            break
        if state is not None and atoms[0].value == 0 and len(atoms) == 1:
            digits += str(int(state.value))
            state = None
        if state is None:
            if len(atoms) == 1 and atoms[0].value == 0:
                digits += "0"
                end = e
                continue
            state = read_atoms(atoms)
            if state is None:
                break
            end = e
            continue
        s2 = read_atoms(atoms, state)
        if s2 is not None and not (state.last == UNIT and atoms[0].cls == UNIT):
            state = s2
        else:
            digits += str(int(state.value))
            state = read_atoms(atoms)
            if state is None:
                break
        end = e
    if state is not None:
        digits += str(int(state.value))
    return digits, end, scale_atoms


# ---------------------------------------------------------------------------
# assembly: tokens -> numbers


_JOIN_WS = regexcache.compile(r"[ \t\u00a0\u202f\u2009]+\Z")
_JOIN_HYPHEN = regexcache.compile(r"[ \t]*-[ \t]*\Z")
_JOIN_COMMA = regexcache.compile(r",[ \t]+\Z")
_JOIN_SCRAPED = regexcache.compile(r"[,.][ \t]\Z")


def _assemble(text: str, toks: list[_Tok], L: _Lang) -> list[_Num]:
    nums: list[_Num] = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if t.kind in ("iso", "isomonth", "sdate", "time", "decade", "ord", "frac"):
            nums.append(_special(text, t, L))
            i += 1
            continue
        if t.kind == "denom":  # kept only when _fractions joins it to the count before it
            nums.append(_Num(t.start, t.end, float(L.denoms[_norm(t.text)]), "denom", fixed=True,
                             core_start=t.start, core_end=t.end))
            i += 1
            continue
        if t.kind == "vague":
            e = L.vague[_norm(" ".join(t.text.split()))]
            nums.append(_Num(t.start, t.end, float(e["value"]), "count", e.get("qualifier", "vague"),
                             float(e["low"]), float(e["high"]) if "high" in e else None,
                             core_start=t.start, core_end=t.end, fixed=True,
                             word_interval=True))
            i += 1
            continue
        if t.kind == "lead":
            mult, end = _glued_multiplier(text, t.end, L)
            glued = (mult == 1 and text[t.end: t.end + 1].isalpha()
                     and not L.re_unit_after.match(text, t.end, t.end + 20))
            if t.text[0] != L.dec or glued:  # ".25ml" is a measure we do not read, like "180ml"
                i += 1
                continue
            v = float("0." + t.text[1:]) * mult
            nums.append(_Num(t.start, end, v, "count", unit=10.0 ** -(len(t.text) - 1) * mult,
                             core_start=t.start, core_end=end, scale=mult))
            i += 1
            continue
        atoms = _word_atoms(t, L)
        state = read_atoms(atoms) if atoms else None
        if state is None:
            i += 1
            continue
        j = i
        from_words = t.kind != "dig"
        conj: tuple[int, Any] | None = None  # (index, state) before the last join across a conjunction
        while j + 1 < n:
            a, b = toks[j], toks[j + 1]
            if b.kind not in ("word", "gated", "dig", "vague"):
                break
            gap = text[a.end: b.start]
            if len(gap) > 2 and len(gap.strip()) > L.max_join_word:
                break  # more than a conjunction, a hyphen or a comma apart: two numbers
            words_both = a.kind != "dig" and b.kind != "dig"
            if _JOIN_WS.match(gap) or gap == "":
                pass
            elif _JOIN_HYPHEN.match(gap) and words_both:
                pass
            elif L.re_conj_gap.match(gap) and state.last in (HUNDRED, THOUSAND, SCALE):
                conj = (j, state)
            elif _JOIN_COMMA.match(gap) and state.last == SCALE and state.scale >= 1e6 and words_both:
                pass
            else:
                break
            nb = _word_atoms(b, L)
            if not nb:
                break
            if b.kind == "vague":  # only its first word is a scale: "milioni (di)"
                first_word = b.text.split()[0]
                b = toks[j + 1] = _Tok("word", b.start, b.start + len(first_word), first_word)
            if b.kind == "dig" and (a.kind == "dig" or b.suffix_kind):
                break  # two digit runs, or "7esimo"/"3°" (an ordinal) after a number word
            s2 = read_atoms(nb, state)
            if s2 is None:
                break
            state = s2
            j += 1
            from_words = from_words or b.kind != "dig"
        if conj is not None and conj[0] + 1 == j and _starts_next(text, toks, j, L):
            j, state = conj  # "3 hundred and 2 hundred": the conjunction joined two numbers
        first, last = toks[i], toks[j]
        if j == i and first.kind != "dig":
            w = _norm(first.text)
            if w in L.bound_only and text[first.end: first.end + 1] not in ("'", "’"):
                i += 1
                continue
        end = last.end
        value = state.value
        ndec_unit = None
        scale = state.last_scale_value if state.last in (SCALE, THOUSAND) else (
            last.mult if last.kind == "dig" else 1.0)
        # "un milione e mezzo", "two and a half"
        mh = L.re_half.match(text, end, end + 30)
        if mh and state.last in (SCALE, THOUSAND, UNIT, TEEN, TEN, HUNDRED, LIT):
            value += 0.5 * (state.last_scale_value if state.last in (SCALE, THOUSAND) else 1)
            end = mh.end()
            # "two and a half million": the scale after the half multiplies the whole
            if state.last not in (SCALE, THOUSAND) and (sc := _scale_after(text, toks, j, end, L)):
                value *= sc[0]
                scale = sc[0]
                j, end = sc[1], toks[sc[1]].end
                ndec_unit = sc[0] / 2
        # spoken decimals: "tre virgola cinque", "one point two million"
        elif state.last in (UNIT, TEEN, TEN, HUNDRED, LIT, THOUSAND) and (mp := L.re_point.match(text, end, end + 20)):
            digits, fend, scale_atoms = _frac_digits(text, mp.end(), L)
            if digits:
                value = float(f"{int(value)}.{digits}")
                ndec_unit = 10.0 ** -len(digits)
                end = fend
                if scale_atoms:
                    value *= scale_atoms[0].value
                    ndec_unit *= scale_atoms[0].value
                    scale = scale_atoms[0].value
        # the broken "2, 783 soldati", "1. 200 feriti" of scraped pages (a comma or the language's
        # thousands mark, then one space): one number when a count noun follows
        if (t.kind == "dig" and j == i and j + 1 < n and toks[j + 1].kind == "dig"
                and len(t.text) <= 3 and t.text.isdigit() and len(toks[j + 1].text) == 3
                and toks[j + 1].text.isdigit() and _JOIN_SCRAPED.match(text[t.end: toks[j + 1].start])
                and text[t.end] in ("," + L.thou)
                and L.re_count_after.match(text, toks[j + 1].end, toks[j + 1].end + 60)):
            value = float(t.text + toks[j + 1].text)
            j += 1
            end = toks[j].end
            last = toks[j]
        num = _Num(first.start, end, value, core_start=first.start, core_end=end, scale=scale)
        num.ambiguous = any(toks[k].ambiguous for k in range(i, j + 1))
        if ndec_unit is not None:
            num.unit = ndec_unit
        elif j == i and first.kind == "dig":
            num.unit = (10.0 ** -first.ndec if first.ndec else _trailing_zero_unit(float(first.digits))) * first.mult
        elif first.kind == "dig" and first.ndec:
            num.unit = 10.0 ** -first.ndec * (value / first.value if first.value else 1)
        else:
            num.unit = _trailing_zero_unit(value)
        if first.kind == "dig" and j == i and first.suffix_kind:
            num.kind = first.suffix_kind
            num.fixed = True
        if first.kind == "dig" and first.suffix_kind is None and "." not in first.text and "," not in first.text:
            num.extra_digits = first.text
        nums.append(num)
        i = j + 1
        while i < n and toks[i].start < num.end:  # spoken decimals and halves read past the last token
            i += 1
    return nums


def _starts_next(text: str, toks: list[_Tok], j: int, L: _Lang) -> bool:
    """Whether ``toks[j]``, which ended a number after a conjunction, reads on with the next
    token as a number of its own: "2 hundred" in "3 hundred and 2 hundred"."""
    if j + 1 >= len(toks) or not _JOIN_WS.match(text[toks[j].end: toks[j + 1].start]):
        return False
    here, nxt = _word_atoms(toks[j], L), _word_atoms(toks[j + 1], L)
    if not here or not nxt or toks[j + 1].kind not in ("word", "dig"):
        return False
    start = read_atoms(here)
    return start is not None and read_atoms(nxt, start) is not None


def _glued_multiplier(text: str, pos: int, L: _Lang) -> tuple[float, int]:
    """A multiplier suffix glued at ``pos`` (",0012G", "5k"): (factor, end), or (1, pos)."""
    tail = text[pos: pos + 12]
    mm = L.re_mult_cs.match(tail) if L.re_mult_cs else None
    if mm:
        return L.mult_cs[mm.group("m")], pos + mm.end()
    if L.re_mult_ci and tail[:1].isalpha() and (mm := L.re_mult_ci.match(tail)):
        return L.mult_ci[mm.group("m").lower()], pos + mm.end()
    return 1.0, pos


def _scale_after(text: str, toks: list[_Tok], j: int, end: int, L: _Lang) -> tuple[float, int] | None:
    """A lone scale word right after ``end`` ("million" in "two and a half million"): (value, index)."""
    k = j + 1
    while k < len(toks) and toks[k].start < end:
        k += 1
    if k >= len(toks) or toks[k].kind != "word" or not _JOIN_WS.match(text[end: toks[k].start]):
        return None
    atoms = _word_atoms(toks[k], L)
    if atoms and len(atoms) == 1 and atoms[0].cls in (SCALE, THOUSAND):
        return atoms[0].value, k
    return None


def _special(text: str, t: _Tok, L: _Lang) -> _Num:
    """Dates, times, decades and ordinal words: kind fixed by the token itself."""
    s = t.text
    if t.kind in ("iso", "isomonth"):
        day = float(s.split("-")[-1])  # the day, or the month of a year-month
        return _Num(t.start, t.end, day, "date", fixed=True, core_start=t.start, core_end=t.end)
    if t.kind == "sdate":
        a, b, _ = _RE_DATE_SPLIT.split(s)
        day = float(a if L.data["dates"]["day_order"] == "dmy" else b)
        return _Num(t.start, t.end, day, "date", fixed=True, core_start=t.start, core_end=t.end)
    if t.kind == "frac":
        a, b = s.split("/")
        v = float(a) / float(b) if float(b) else None
        return _Num(t.start, t.end, v, "other", fixed=True, core_start=t.start, core_end=t.end,
                    frac=True)
    if t.kind == "time":
        hh, mm = s.split(":")[:2]
        return _Num(t.start, t.end, int(hh) + int(mm) / 60, "time", fixed=True,
                    core_start=t.start, core_end=t.end)
    if t.kind == "decade":
        m = _RE_DECADE_DIGITS.search(s)
        if m:
            d = int(m.group(1)) * 10
            year = d + (1900 if d < 100 else 0)
        else:
            year = L.decade_words[_norm(s.split()[-1])]
        return _Num(t.start, t.end, float(year), "year", "range", float(year), float(year + 9),
                    fixed=True, core_start=t.start, core_end=t.end)
    # ordinal words
    w = _norm(s)
    val = L.ord_words.get(w)
    parts = _RE_COMPOUND_SPLIT.split(w)
    if val is None and len(parts) == 2 and parts[1] in L.ord_compound and parts[0] in L.atoms:
        val = L.atoms[parts[0]].value + L.ord_compound[parts[1]]
    if val is None and L.ord_suffix is not None:
        stem = L.ord_suffix.sub("", w)
        stems = [stem + v for v in L.ord_restore]
        stems += [stem[: -len(a)] + b for a, b in L.ord_stem_endings.items() if stem.endswith(a)]
        for cand in stems:
            tok = _Tok("word", 0, 0, cand)
            atoms = _word_atoms(tok, L)
            st = read_atoms(atoms) if atoms else None
            if st is not None:
                val = st.value
                break
    return _Num(t.start, t.end, float(val or 0), "ordinal", fixed=True, core_start=t.start, core_end=t.end)


# ---------------------------------------------------------------------------
# context: kinds, qualifiers, ranges


def _is_sign(text: str, q: _Num, mm: Any, before: str, floor: int, L: _Lang) -> bool:
    """A minus word before a figure negates it, unless it ends a qualifier ("più o meno 10")
    or sits between two figures ("otto meno quattro" is a subtraction)."""
    mq = L.re_qual_before.search(before)
    if mq and mq.start() <= mm.start():
        return False
    minus_at = q.start - (len(before) - mm.start())
    return not (floor and not text[floor:minus_at].strip())


def _classify(text: str, nums: list[_Num], L: _Lang) -> None:
    for k, q in enumerate(nums):
        floor = nums[k - 1].end if k else 0  # context never reaches into the previous figure
        ceiling = nums[k + 1].start if k + 1 < len(nums) else None
        if q.frac and _slash_range(text, q, L):
            _qualify(text, q, L, floor, ceiling)  # "almeno 30/40": the hedge joins the span
            continue
        if q.fixed and q.kind != "count":
            if q.frac and q.value is not None:
                _qualify(text, q, L, floor, ceiling)
            continue
        if q.word_interval:
            _qualify(text, q, L, floor, ceiling)
            continue
        before = text[max(0, q.start - 40): q.start]
        after_end = min(len(text), q.end + 60)
        # sign: "-504", "meno 2" (not the right end of a range "5-7")
        if q.start and text[q.start - 1] in "-−+":
            prev = text[q.start - 2] if q.start >= 2 else " "
            if not (prev.isalnum() or prev in ".,") and q.value is not None:
                q.start -= 1
                if text[q.start] != "+":
                    q.value = -q.value
                before = text[max(0, q.start - 40): q.start]
        elif (mm := L.re_minus_before.search(before)) and _is_sign(text, q, mm, before, floor, L):
            q.start -= len(before) - mm.start()
            q.value = -q.value
            before = text[max(0, q.start - 40): q.start]
        # unit after: percent, money, duration, measure, age
        mu = L.re_unit_after.match(text, q.end, after_end)
        if mu:
            if mu.group("age") or mu.group("other"):
                q.kind = "other"
            elif mu.group("percent"):
                q.kind = "percent"
            elif mu.group("money") or mu.group("money2"):
                q.kind = "money"
                q.unit_word = _norm(mu.group("money") or mu.group("money2"))
            elif mu.group("duration"):
                q.kind = "duration"
                q.unit_word = _norm(mu.group("duration"))
            q.end = mu.end()
        mb = L.re_money_before.search(before)
        if mb and q.kind in ("count", "money") and q.start - (len(before) - mb.start()) >= floor:
            q.kind = "money"
            q.start -= len(before) - mb.start()
            before = text[max(0, q.start - 40): q.start]
        if q.kind == "count" and L.re_time_after.match(text, q.end, after_end) and 0 <= q.value <= 24:
            q.kind = "time"
            q.end = L.re_time_after.match(text, q.end, after_end).end()
            continue
        digits = q.extra_digits
        if q.kind == "count" and q.value == int(q.value) and 1 <= q.value <= 31:
            md = L.re_month_after.match(text, q.end, after_end)
            if md:
                q.kind = "date"
                q.end = md.end()
                continue
            # the first day of a span of days before their month: "fra il 13 e il 14 giugno",
            # "dal 3 al 5 maggio", "il 13 o il 14 giugno" (a date, never a count of 13)
            nxt = nums[k + 1] if k + 1 < len(nums) else None
            if (nxt is not None and nxt.value is not None and nxt.value == int(nxt.value)
                    and q.value < nxt.value <= 31 and _joins_days(text, q, nxt, L)
                    and L.re_month_after.match(text, nxt.end, min(len(text), nxt.end + 60))):
                q.kind = "date"
                continue
            mb2 = L.re_month_before.search(before)
            if mb2 and not (mb2.group("m") == "may" and text[q.start - len(before) + mb2.start()] == "m"):
                q.kind = "date"
                q.start -= len(before) - mb2.start()
                ma = _RE_YEAR_AFTER.match(text[q.end: q.end + 8])
                if ma:
                    q.end += ma.end()
                continue
        if q.kind == "count" and L.re_other_before.search(before):
            q.kind = "other"
            continue
        # an age is not a duration: "all'età di 45 anni", "aveva 45 anni"
        if (q.kind == "duration" and q.unit_word in L.age_units
                and (L.re_other_before.search(before) or L.re_age_before.search(before))):
            q.kind = "other"
            continue
        if (q.kind == "count" and L.re_time_before.search(before) and 0 <= q.value <= 24
                and not _opens_scaled_range(text, q, nums[k + 1] if k + 1 < len(nums) else None, L)):
            q.kind = "time"
            continue
        if q.kind == "count" and digits and len(digits) == 4 and 1000 <= q.value <= 2100:
            if L.re_month_before.search(before) or L.re_year_before.search(before):
                # "nel 2022 i morti erano 49" is a year; "in 2000 soldiers" a count
                if not L.re_count_direct.match(text, q.end, after_end):
                    q.kind = "year"
                    continue
            if (1900 <= q.value <= 2100 and not L.re_count_after.match(text, q.end, after_end)
                    and not L.re_qual_before.search(before)):
                q.kind = "year"
                continue
        if q.kind in ("count", "money", "percent", "duration", "other"):
            _qualify(text, q, L, floor, ceiling)


def _joins_days(text: str, q: _Num, nxt: _Num, L: _Lang) -> bool:
    """Whether the words between ``q`` and ``nxt`` join two day numbers of one month: a range
    pair's connector ("al", "e"), a bare connector ("13-14") or an alternative ("o"); an
    article before the second day wants one (or an opener) before the first: "il 13 e il 14
    giugno", "fra il 2 e il 3", not "ne sono morte 3 e il 14 giugno altre 2"."""
    gap = text[q.end: nxt.start]
    words = gap.split()
    r = L.data["ranges"]
    articles = L.data["qualifiers"].get("articles", [])
    if not (L.re_range_conn_any.match(gap) is not None or bool(words) and words[0] in r.get(
            "bare", []) + r.get("alternatives", []) and all(w in articles for w in words[1:])):
        return False
    if len(words) < 2 and not gap.rstrip().endswith(("'", "’")):
        return True
    before = text[max(0, q.start - 20): q.start].split()
    return bool(before) and (before[-1] in articles or before[-1] in {p for p, _ in r["pairs"]})


def _slash_range(text: str, q: _Num, L: _Lang) -> bool:
    """"almeno 30/40 dispersi", "20/25 people": two counts joined by a slash are one range
    (made so in place) when a people noun follows the pair, or a hedge precedes it and the
    low end is too large for a numerator ([fractions] slash_range_min: "almeno 2/3" stays
    two thirds); never before a partitive ("30/40 della popolazione" is a share)."""
    a, slash, b = text[q.core_start: q.core_end].partition("/")
    if not (slash and a.isdigit() and b.isdigit()):
        return False  # a fraction in words: "due terzi"
    lo, hi = float(a), float(b)
    if not lo < hi or L.re_partitive.match(text, q.end, q.end + 20):
        return False
    if not (L.re_count_direct.match(text, q.end, q.end + 60) or (
            lo >= L.data["fractions"].get("slash_range_min", 10)
            and L.re_qual_before.search(text[max(0, q.start - 40): q.start]))):
        return False
    q.kind, q.qualifier, q.value, q.low, q.high = "count", "range", lo, lo, hi
    q.frac = False
    return True


def _opens_scaled_range(text: str, q: _Num, nxt: _Num | None, L: _Lang) -> bool:
    """"dalle 10 alle 12 mila persone": the first figure of a range whose second carries a
    scale word is a count written without its scale, not a clock time."""
    return (nxt is not None and nxt.scale > 1 and L.re_range_conn_any.match(text[q.end: nxt.start]) is not None)


def _qualify(text: str, q: _Num, L: _Lang, floor: int = 0, ceiling: int | None = None) -> None:
    before = text[max(0, q.start - 40): q.start]
    mq = L.re_qual_before.search(before)
    if mq and q.start - (len(before) - mq.start()) >= floor:
        name = L.qual_before[_norm(" ".join(mq.group("q").split()))]
        q.start -= len(before) - mq.start()
        if q.qualifier not in ("vague", "range"):  # a range keeps its ends: "almeno 30/40"
            q.qualifier = name
    ma = L.re_qual_after.match(text, q.end, q.end + 30)
    # a qualifier between two figures hedges the next one: "24 ore circa 6722 persone"
    next_follows = ceiling is not None and not text[ma.end(): ceiling].strip() if ma else False
    if ma and not next_follows and not _starts_qualifier(text, ma, L):
        name = L.qual_after[_norm(" ".join(ma.group("q").split()))]
        q.end = ma.end()
        if q.qualifier == "exact" or (q.qualifier == "approx" and name in ("at_least", "at_most")):
            q.qualifier = name  # "circa 500 o più" is at least (about) 500


def _starts_qualifier(text: str, ma: Any, L: _Lang) -> bool:
    """True when a word of the after-qualifier match begins a longer before-qualifier of the
    next figure: in "100 e più piccolo di 300", "più" belongs to "più piccolo di"."""
    for mw in _RE_WORD_START.finditer(text[ma.start(): ma.end()]):
        mq = L.re_qual_start.match(text, ma.start() + mw.start())
        if mq and mq.end() > ma.end():
            return True
    return False


_RANGE_KINDS = {"count", "decimal", "money", "percent", "duration", "year", "other"}


_NEXT_VISIBLE = regexcache.compile(r"\s*(\S)")


def _next_is_alnum(text: str, pos: int) -> bool:
    """Whether the first non-space character at or after ``pos`` is a letter or digit (read
    in place: slicing the rest of the text for each number made a long file quadratic)."""
    m = _NEXT_VISIBLE.match(text, pos)
    return m is not None and m.group(1).isalnum()


def _subunits(text: str, nums: list[_Num], L: _Lang) -> list[_Num]:
    """Join "2 euro e 5 centesimi" into one amount (2.05); also "5 rubli e 30" and "$20 43",
    where a bare figure below 100 ends the phrase right after the amount."""
    out: list[_Num] = []
    for q in nums:
        p = out[-1] if out else None
        cents = q.kind == "money" and q.unit_word in L.subunits
        bare = (q.kind == "count" and q.qualifier == "exact" and q.value == int(q.value)
                and not _next_is_alnum(text, q.end)
                # "$3 a doz": an article's "a" starts a new figure, never cents
                and _norm(text[q.start: q.end].split()[0]) not in L.gated)
        if (p is not None and p.kind == "money" and (cents or bare)
                and p.unit_word not in L.subunits and 0 <= q.value < 100 and p.value == int(p.value)
                and L.re_subunit_gap.fullmatch(text, p.end, q.start)):
            p.value = p.value + q.value / 100
            p.end = q.end
            p.unit = 0.01
            continue
        out.append(q)
    return out


_FRACTION_GAP = regexcache.compile(r"[ \t\u00a0-]")


def _fractions(text: str, nums: list[_Num], L: _Lang) -> list[_Num]:
    """Join a count and a denominator into a fraction (kind other, like "2/3"): "two-thirds",
    "due terzi", and after 1 a singular one before a partitive: "a third of", "un terzo della".
    Neither part is a count ("two-thirds of the homes" is not 2 homes); a denominator left
    alone is dropped, an ordinal word left alone stays an ordinal ("the third convoy")."""
    out: list[_Num] = []
    for q in nums:
        word = _norm(text[q.start: q.end]) if q.kind in ("denom", "ordinal") else ""
        d = L.denoms.get(word)
        p = out[-1] if out else None
        if (d and p is not None and p.kind == "count" and not p.fixed and p.value >= 1
                and p.value == int(p.value) and _FRACTION_GAP.fullmatch(text, p.end, q.start)
                and ((word in L.denom_singular) == (p.value == 1))
                and (p.value > 1 or L.re_partitive.match(text, q.end))):
            out[-1] = _Num(p.start, q.end, p.value / d, "other", core_start=p.core_start, core_end=q.end,
                           fixed=True, frac=True)
            continue
        if q.kind != "denom":
            out.append(q)
    return out


def _ratios(text: str, nums: list[_Num], L: _Lang) -> list[_Num]:
    """Join "one in five", "2 out of 3", "uno su cinque" into one proportion (kind other, value
    1/5, like "1/5"): neither figure is a count of people ("one in five children died" is not
    5 deaths). Only whole counts written right next to the connector, the smaller first; a
    qualifier before the first or after the second hedges the proportion."""
    out: list[_Num] = []
    k = 0
    while k < len(nums):
        a = nums[k]
        b = nums[k + 1] if k + 1 < len(nums) else None
        if (b is not None and a.kind == b.kind == "count" and not a.fixed and not b.fixed
                and a.value == int(a.value) and b.value == int(b.value) and 0 < a.value < b.value
                and a.qualifier in ("exact", "approx", "nearly", "more_than", "less_than", "at_least", "at_most")
                and b.start == b.core_start and a.end == a.core_end
                and L.re_ratio_gap.fullmatch(text, a.end, b.start)):
            qual = b.qualifier if a.qualifier == "exact" else a.qualifier
            out.append(_Num(a.start, b.end, a.value / b.value, "other", qual, core_start=a.core_start,
                            core_end=b.core_end, fixed=True, frac=True))
            k += 2
            continue
        out.append(a)
        k += 1
    return out


_YEAR_DASH = frozenset("-–")


def _short_year(text: str, a: _Num, b: _Num, L: _Lang) -> None:
    """"2022-23", "1992-94": a year, a dash and two digits up to ten years later are one span
    of years; the two digits become the full year (never the count 23). Not before a count
    noun: "nel 2020-21 morti"."""
    if (a.kind == "year" and b.kind == "count" and len(b.extra_digits) == 2
            and text[a.end: b.start] in _YEAR_DASH and a.qualifier == "exact" and b.qualifier == "exact"
            and not L.re_count_direct.match(text, b.end, b.end + 60)):
        full = a.value // 100 * 100 + b.value
        if a.value < full <= a.value + 10:
            b.value, b.kind, b.extra_digits = full, "year", str(int(full))


def _ranges(text: str, nums: list[_Num], L: _Lang) -> list[_Num]:
    """Join neighbouring figures that state one interval ("tra 5.000 e 7.000", "5-7 mila",
    "più di 100 e meno di 300") into one quantity."""
    out: list[_Num] = []
    k = 0
    while k < len(nums):
        a = nums[k]
        if k + 1 < len(nums):
            b = nums[k + 1]
            _short_year(text, a, b, L)
            r = _range_of(text, a, b, L) or _bounds_of(text, a, b, L)
            if r is not None:
                out.append(r)
                k += 2
                continue
        out.append(a)
        k += 1
    return out


def _range_kind(a: _Num, b: _Num) -> str | None:
    """The kind of a range from a to b, or None when the two cannot share one."""
    if a.kind not in _RANGE_KINDS or b.kind not in _RANGE_KINDS:
        return None
    if a.kind == b.kind:
        return a.kind
    if a.kind == "count" and b.kind in ("money", "percent", "duration", "other"):
        return b.kind  # "5-7 euro": the unit is written once, after the second figure
    if a.kind == "year" and b.kind == "count" and b.extra_digits and 1000 <= b.value <= 2100:
        return "year"  # "dal 1992 al 1994 morirono...": the second year reads like a count
    return None


# hedges a range written with a bare connector absorbs: "almeno 30-40 dispersi" is 30..40
_RANGE_HEDGES = {"exact", "approx", "at_least", "more_than", "nearly"}


def _range_of(text: str, a: _Num, b: _Num, L: _Lang) -> _Num | None:
    if a.qualifier not in _RANGE_HEDGES or b.qualifier != "exact":
        return None
    if a.value is None or b.value is None:
        return None
    gap = text[a.end: b.start]
    start = None
    before = text[max(0, a.start - 30): a.start]
    pairs = L.re_range_pairs if L.re_range_conn_any.match(gap) else ()
    for opener, conn in pairs:  # an opener first: "from 200 to 300" keeps its "from"
        if a.qualifier not in ("exact", "approx"):
            break  # "almeno tra 5 e 7" is no range we read
        if conn.match(gap):
            mo = opener.search(before)
            if mo:
                start = a.start - (len(before) - mo.start())
                # "the toll was revised from 64 to 2,975": a change, two figures
                if L.re_change_before.search(text, max(0, start - _CHANGE_REACH), start):
                    return None
                break
    ordinal = a.kind == b.kind == "ordinal"
    if start is None and not ordinal and L.re_range_bare is not None and L.re_range_bare.match(gap):
        if "\n" in gap:
            return None
        # "the toll rose by 5 to 40": a verb of change, the change and the count it reached
        if (L.re_change_by is not None and a.kind == b.kind == "count" and L.re_change_by.search(before)
                and L.re_change_before.search(text, max(0, a.start - _CHANGE_REACH), a.start)):
            return None
        start = a.start
    if (start is None and not ordinal and L.re_range_alt is not None and a.scale == b.scale
            and a.kind == b.kind == "count" and a.qualifier == "exact" and L.re_range_alt.match(gap)):
        start = a.start
    kind = "ordinal" if ordinal else _range_kind(a, b)
    if start is None or kind is None:
        return None
    low, low_unit = a.value, a.unit
    # "40 to 50 thousand", "tra 3 e 4 milioni": the scale is written once, after the second figure
    if a.scale == 1 and b.scale > 1 and a.value < b.value / b.scale and not a.fixed:
        low, low_unit = a.value * b.scale, a.unit * b.scale
    if not low < b.value:
        return None
    return _Num(start, b.end, low, kind, "range", low, b.value,
                ambiguous=a.ambiguous or b.ambiguous, core_start=a.core_start, core_end=b.core_end,
                low_unit=low_unit, high_unit=b.unit, unit=low_unit, fixed=True)


# how far before a range's opener a verb of change is looked for ("revised the official
# death toll from"): a few words, within the clause
_CHANGE_REACH = 60

_LOWER = {"more_than", "at_least"}
_UPPER = {"less_than", "at_most"}


def _bounds_of(text: str, a: _Num, b: _Num, L: _Lang) -> _Num | None:
    """A lower and an upper bound side by side are one range: "more than 100 and fewer than 300",
    "al più 100 e almeno 20". The bounds keep their exclusivity."""
    if a.qualifier in _LOWER and b.qualifier in _UPPER:
        lo, hi = a, b
    elif a.qualifier in _UPPER and b.qualifier in _LOWER:
        lo, hi = b, a
    else:
        return None
    kind = _range_kind(a, b) or (a.kind if {a.kind, b.kind} <= {"count", "ordinal"} else None)
    if kind is None or lo.value is None or hi.value is None or not lo.value < hi.value:
        return None
    if not L.re_bound_gap.fullmatch(text, a.end, b.start):
        return None
    return _Num(a.start, b.end, lo.value, kind, "range", lo.value, hi.value,
                ambiguous=a.ambiguous or b.ambiguous, core_start=a.core_start, core_end=b.core_end,
                low_unit=lo.unit, high_unit=hi.unit, unit=lo.unit, fixed=True,
                low_ex=lo.qualifier == "more_than", high_ex=hi.qualifier == "less_than")


# ---------------------------------------------------------------------------
# intervals


def _rounding_half(value: float | None, unit: float, rel: float) -> float:
    """Half-width of a round figure's rounding band.

    Rule: half a unit of the last written significant digit ("6.000": unit 1000 ->
    500; "6.500": 100 -> 50; "1,2 milioni": 100000 -> 50000), capped at ``rel`` of
    the value so a bare "100" is 90..110 rather than 50..150. 49 has unit 1: no band.
    """
    if value is None or unit <= 1 or value == 0:
        return 0.0
    return min(unit / 2, rel * abs(value))


def _finish(q: _Num, L: _Lang, text: str) -> Quantity:
    """The public record of a figure: its interval from the qualifier, and its rounding band."""
    v = q.value
    b = L.bands
    low, high = q.low, q.high
    low_ex = high_ex = False
    qual = q.qualifier
    kind = q.kind
    if qual == "range":
        low_ex, high_ex = q.low_ex, q.high_ex
    elif qual == "vague" or q.fixed and low is not None and not (q.word_interval and qual != "approx"):
        pass  # the interval the word or the token states ("circa una decina" keeps 8..14)
    elif qual == "approx":
        low, high = sorted((v * (1 - b["approx"]), v * (1 + b["approx"])))
    elif qual == "nearly":
        low, high = min(v * (1 - b["nearly"]), v), max(v * (1 - b["nearly"]), v)
    elif qual == "more_than":
        low, high, low_ex = v, None, True
    elif qual == "at_least":
        low, high = v, None
    elif qual == "at_most":  # a count's floor is 0; below a negative figure nothing bounds it
        low, high = (0.0 if v >= 0 else None), v
    elif qual == "less_than":
        low, high, high_ex = (0.0 if v >= 0 else None), v, True
    else:
        low = high = v
    if kind == "count" and v is not None and v != int(v):
        kind = "decimal"
    band_low, band_high = low, high
    if qual != "vague" and kind in ("count", "decimal", "money"):
        rel = b["rounding_max_relative"]
        if qual == "range":
            hl = _rounding_half(low, q.low_unit, rel)
            hh = _rounding_half(high, q.high_unit, rel)
        else:
            hl = hh = _rounding_half(v, q.unit, rel)
        if low is not None and low != 0:
            band_low = low - hl
        if high is not None:
            band_high = high + hh
    return Quantity(
        start=q.start, end=q.end, text=text[q.start: q.end], kind=kind, value=v, low=low, high=high,
        qualifier=qual,
        band_low=band_low, band_high=band_high, ambiguous=q.ambiguous,
        low_exclusive=low_ex, high_exclusive=high_ex,
    )


# ---------------------------------------------------------------------------
# public API


_LETTERS = regexcache.compile(r"[^\W\d_]+")
_LEAD_PROBE = regexcache.compile(r"[.,](?<![\w.,][.,])\d")
_QUOTE_PROBE = regexcache.compile(r"['’]\d")


def _scan(text: str, L: _Lang) -> Iterator[Any]:
    """The scanner's matches in text order.

    Equivalent to ``L.scanner.finditer(text)`` (overlaps are dropped by the caller), but
    faster: the regex engine pays for every word start it tries the word door at, so the
    word door runs only where a word that can begin a number starts; those words are
    found with C-speed string calls on the lower-cased text.
    """
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer: offsets would drift
        yield from L.scanner.finditer(text)
        return
    # the lead door (",25") and the quote door ("'80") only where they can match
    lead = ("." in text or "," in text) and _LEAD_PROBE.search(text) is not None
    quote = ("'" in text or "’" in text) and _QUOTE_PROBE.search(text) is not None
    digit_door = L.scan_digits[lead, quote]
    words = _word_matches(text, low, L)
    if not words:
        yield from digit_door.finditer(text)
        return
    # merge as the single scanner would: after a match, the next one is searched from its
    # end, so a digit run that a word match cut into ("anni 10,000") is read again from
    # the cut; at the same start the digit doors come first
    end, wi = 0, 0
    d = digit_door.search(text)
    while True:
        while wi < len(words) and words[wi].start() < end:
            wi += 1
        if d is not None and d.start() < end:
            d = digit_door.search(text, end)
        w = words[wi] if wi < len(words) else None
        if d is None and w is None:
            return
        if w is None or (d is not None and d.start() <= w.start()):
            m, d = d, None
        else:
            m, wi = w, wi + 1
        yield m
        end = m.end()
        if d is None:
            d = digit_door.search(text, end)


def _may_start_number(w: str, L: _Lang) -> bool:
    """Whether the word door can match at a word ``w`` (lower case, letters only): the first
    word of a phrase it knows, a word made of number atoms, or an ordinal."""
    return w in L.gate_first or bool(L.segment.fullmatch(w)) or bool(L.ord_word.fullmatch(w))


def _candidate_words(low: str, L: _Lang) -> set[str]:
    """Words of ``low`` that may begin a number word (see :func:`_may_start_number`).

    Whitespace tokens are split into words once per distinct token: str.split is far
    faster than a regex over the whole text, and tokens already seen are sorted out
    with set operations (``seen_tokens``, and ``gate_cache`` for those holding a candidate).
    """
    cache, seen = L.gate_cache, L.seen_tokens
    tokens = set(low.split())
    out: set[str] = set()
    for tok in tokens - seen:
        words = tuple(w for w in _LETTERS.findall(tok) if _may_start_number(w, L))
        if len(seen) < 200_000:  # bounded memory (~20 MB) on huge corpora: later tokens are not cached
            seen.add(tok)
            if words:
                cache[tok] = words
        out.update(words)
    for tok in tokens & cache.keys():
        out.update(cache[tok])
    return out


def _atoms_word(w: str, L: _Lang) -> bool:
    """Whether ``w`` is made of number atoms, cached (with the article verdicts)."""
    key = ("", w)
    hit = L.next_verdicts.get(key)
    if hit is None:
        hit = bool(L.segment.fullmatch(w))
        if len(L.next_verdicts) < 200_000:
            L.next_verdicts[key] = hit
    return hit


# spaces, then a whole run of ASCII letters not followed by another letter: the next word
_NEXT_WORD = regexcache.compile(r" +((?>[a-z]+))(?![^\x00-\x7f])")


def _article_may_match(text: str, low: str, i: int, w: str, L: _Lang) -> bool:
    """False only where the word door surely fails at article ``w`` (``low[i:]``, a whole word):
    a cheap test that spares the regex call at most articles ("a village", "un attacco").

    The door matches an article only before a space and a word that may follow it
    (:func:`_article_gate`) or a word made of number atoms; a standalone article ("uno") also
    right after a number word, a conjunction or a minus word (its other branches, alone or
    before punctuation, never match before a letter). Anything
    this test does not read (other spaces, non-ASCII letters, capitals where a capitalised
    modifier may stand) leaves the decision to the regex.
    """
    nexts = L.article_next.get(w)
    if nexts is None:
        return True
    m = _NEXT_WORD.match(low, i + len(w))
    if m is None:
        return True
    j, k = m.span(1)
    if not text[j:k].isascii() or L.capitalised and text[j].isupper():
        return True
    nw = m.group(1)
    if nw in nexts or _atoms_word(nw, L):
        return True
    if w in L.standalone:
        k = i
        while k > 0 and (low[k - 1].isspace() or low[k - 1] == "-"):
            k -= 1
        if k == i or k == 0:
            return False  # no separator, or nothing before it: no number word to follow
        s = k
        while s > 0 and "a" <= low[s - 1] <= "z":
            s -= 1
        if s == k:  # a mark ends no number word (_article_gate checks); other letters: the regex
            return not low[k - 1].isascii()
        if (s > 0 and not low[s - 1].isascii()) or not text[s:k].isascii():
            return True
        pw = low[s:k]
        if pw in L.standalone_prev or _atoms_word(pw, L):
            return True
    return False


@lru_cache(maxsize=4096)
def _whole_word(w: str) -> Any:
    """``w`` as a whole word: no word character before it, no letter after it. A literal
    searched by the engine in C: a str.find loop paid Python time at every "a" inside a word."""
    return regexcache.compile(r"(?<![^\W_])" + regex.escape(w) + r"(?![^\W\d_])")


# a candidate word at least this long is looked up with str.find: it seldom lies inside
# another word, and a text's new words ("ventitré") need no pattern compiled each
_FIND_LEN = 3
_WORD_CHAR = regexcache.compile(r"[^\W_]")  # the class of _whole_word's lookbehind
_LETTER = regexcache.compile(r"[^\W\d_]")  # ... and of its lookahead


def _whole_word_starts(w: str, low: str) -> Iterator[int]:
    """Where ``w`` stands in ``low`` as a whole word: the starts of ``_whole_word(w)``'s
    matches (a letters-only word never overlaps its own whole-word occurrences)."""
    if len(w) < _FIND_LEN:
        yield from (m.start() for m in _whole_word(w).finditer(low))
        return
    i = low.find(w)
    while i >= 0:
        e = i + len(w)
        if not (i and _WORD_CHAR.match(low, i - 1)) and not _LETTER.match(low, e):
            yield i
        i = low.find(w, i + 1)


def _word_matches(text: str, low: str, L: _Lang) -> list[Any]:
    found = []
    for w in _candidate_words(low, L):
        for i in _whole_word_starts(w, low):
            if _article_may_match(text, low, i, w, L):
                m = L.scan_word.match(text, i)
                if m:
                    found.append(m)
    found.sort(key=lambda m: m.start())
    return found


_SKIP_MARKS = ("@", "/", "www.")
_TOKEN_EDGE = set(" \t\n\r\f\v\u00a0\u202f\u2009([{<\"'«“‘")


def _skip_spans(text: str, L: _Lang) -> list[tuple[int, int]]:
    """Spans of URLs, e-mail addresses and phone numbers, whose digits are never figures.

    The pattern is tried only at the start of a token that holds one of their marks
    (tried at every word it read ~4 MB/s).
    """
    starts: set[int] = set()
    for mark in _SKIP_MARKS:
        i = text.find(mark)
        while i >= 0:
            k = i
            while k > 0 and text[k - 1] not in _TOKEN_EDGE:
                k -= 1
            starts.add(k)
            i = text.find(mark, i + 1)
    i = text.find("+")
    while i >= 0:
        starts.add(i)
        i = text.find("+", i + 1)
    spans = []
    for k in sorted(starts):
        m = L.re_skip.match(text, k)
        if m and m.end() > k:
            spans.append(m.span())
    return spans


def _leading_half(text: str, nums: list[_Num], L: _Lang) -> None:
    """"mezzo milione", "half a million": a scale word after a half word is half of it."""
    for q in nums:
        if q.kind != "count" or q.value not in _SCALES or q.low is not None or any(
                c.isdigit() for c in text[q.start:q.end]):
            continue
        m = L.re_half_before.search(text, max(0, q.start - 24), q.start)
        if m is not None:
            q.value /= 2
            q.start = q.core_start = m.start()


_SCALES = frozenset({1e3, 1e6, 1e9, 1e12})


def find_quantities(text: str, lang: str, root: Path | None = None) -> list[Quantity]:
    """Every number in ``text`` (language "it" or "en"), read as an interval, with the
    number words of the rules folder ``root`` (default: the one in use).

    Results are sorted by start and never overlap; ``text[q.start:q.end] == q.text``.
    """
    if not text:
        return []
    L = _lang(lang, root)
    toks: list[_Tok] = []
    skips = _skip_spans(text, L)
    covered = 0  # a digit token may swallow a glued multiplier ("30 mila") the scanner also saw
    for m in _scan(text, L):
        if m.start() < covered:
            continue
        if skips and any(s <= m.start() < e for s, e in skips):
            continue
        kind = m.lastgroup
        if kind.startswith("decade"):
            kind = "decade"
        if kind == "dig":
            new = _digit_tokens(text, m, L)
            toks.extend(new)
            if new:
                covered = new[-1].end
        else:
            toks.append(_Tok(kind, m.start(), m.end(), m.group()))
            covered = m.end()
    if not toks:
        return []
    nums = _assemble(text, toks, L)
    _leading_half(text, nums, L)
    nums = _fractions(text, nums, L)
    _classify(text, nums, L)
    nums = _subunits(text, nums, L)
    nums = _ratios(text, nums, L)
    nums = _ranges(text, nums, L)
    out: list[Quantity] = []
    last_end = -1
    for q in nums:
        if q.start < last_end:
            continue  # context widened into the previous figure: keep the first
        out.append(_finish(q, L, text))
        last_end = q.end
    return out
