"""Literal prefilters: the words a regex cannot match without.

Most claim patterns match nothing in most sentences, yet the regex engine tries them at
every position, and that was most of the extraction time. For each pattern we derive a set
of literal strings such that *every* match contains at least one of them ("morti",
"uccis", "vittime" ...). A sentence that contains none of them cannot match, so the
pattern is not run on it. The test is a few substring look-ups, far cheaper than a regex
search.

The derivation walks the parse tree of the pattern (the standard library's regex parser,
which reads the syntax our rules use) in the manner of RE2's prefilter: each node gets the
finite set of strings it can match when that set is small, else a set of strings one of
which every match contains. It is conservative: whenever it is unsure it says "no
prefilter" (``None``), and the pattern always runs. A prefilter can only save time; it
never changes what is matched (``tests/test_prefilter.py`` checks that on every rule).
Everything is case-folded: rule patterns are case-insensitive.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

try:  # Python 3.11+
    from re import _constants as _c, _parser as _sre_parse
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

# names the derivation in the disk cache (factcheck.regexcache): any change to this file
# makes new answers, so an edited derivation never reads old ones
VERSION = "prefilter-" + hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:16]
# the largest finite set of strings carried for one node (cross products grow fast)
_MAX_EXACT = 64
# a prefilter whose shortest string is shorter than this saves nothing worth its cost
MIN_LITERAL = 3
# the shortest word cover_words may stand for a whole required string
_MIN_WORD = 4
# a character class of at most this many characters is spelled out as strings
_MAX_CLASS = 8
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
# What the standard parser refuses and `regex` reads: property classes (\\p{L}, \\PL), read
# as \\w, a class that yields no literal; and a group name used twice ("side" in two
# branches), read as a plain group. Neither changes which literals a match must contain.
_PROPERTY = re.compile(r"(?<!\\)((?:\\\\)*)\\[pP](?:\{[^}]*\}|[A-Za-z])")
_NAMED_GROUP = re.compile(r"(?<!\\)((?:\\\\)*)\(\?P<\w+>")
# what the standard parser reads silently but wrongly: POSIX classes ([[:alpha:]]) and
# fuzzy matching ({e<=1}; not \p{L}), which it takes for literal text: no prefilter then
_MISREAD = re.compile(r"\[:\^?\w+:\]|(?<!\\)(?<!\\[pPN])\{(?!\d*(?:,\d*)?\})")


@dataclass(frozen=True)
class _Info:
    exact: frozenset[str] | None  # every string the node can match, when few
    required: frozenset[str] | None  # one of these is inside every match, when known


_UNKNOWN = _Info(None, None)


def misread_by_stdlib(pattern: str) -> bool:
    """Does ``pattern`` hold `regex` syntax that the standard parser reads without an error
    but wrongly (POSIX classes, fuzzy braces)? Every analysis through that parser must then
    give up on the pattern (here, and the context triggers of factcheck.context.words)."""
    return _MISREAD.search(pattern) is not None


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Case-folded strings one of which every match of ``pattern`` contains, or None.

    None means "no useful prefilter": the pattern must be run on every text.
    """
    tree = _parse(pattern, flags)
    return None if tree is None else _literals(_analyse(tree)[0])


def also_required(pattern: str, lits: frozenset[str], flags: int = 0
                  ) -> tuple[frozenset[str], ...]:
    """Other sets of case-folded strings that every match of ``pattern`` holds one of,
    besides ``lits`` (its :func:`required_literals`): the required sets of the other parts
    of its top-level sequence ("{NUM} (persone|civili) ... (morti|uccisi)": a sentence
    with "persone" but neither "morti" nor "uccisi" cannot match). At most ``_MAX_ALSO``
    sets of at most ``_MAX_ALSO_STRINGS`` strings, the most selective first; none when the
    pattern is one alternation (its branches' sets are already joined in ``lits``)."""
    tree = _parse(pattern, flags)
    return () if tree is None else _also(_analyse(tree)[1], lits)


# a pattern's further required sets (see also_required): how many, and how large each
_MAX_ALSO = 2
_MAX_ALSO_STRINGS = 16


def _analyse(tree: list) -> tuple[_Info, list[frozenset[str] | None]]:
    """A whole pattern's :class:`_Info` and the candidate sets of its top-level sequence
    (through groups around the whole pattern: the same info, as a group's is its
    sequence's). One walk of the tree for both: parsing and walking the large claim
    patterns is most of a cold run's rule set-up."""
    while len(tree) == 1 and tree[0][0] == _c.SUBPATTERN:
        tree = list(tree[0][1][-1])
    exact, cands = _runs(tree)
    return _Info(exact, _best(cands)), cands


def _literals(info: _Info) -> frozenset[str] | None:
    """The prefilter strings of a pattern's info (see :func:`required_literals`)."""
    lits = info.required if info.required is not None else info.exact
    if not lits or min(len(s) for s in lits) < MIN_LITERAL:
        return None
    return lits


def _also(cands: list[frozenset[str] | None], lits: frozenset[str]
          ) -> tuple[frozenset[str], ...]:
    good = {c for c in cands if c and "" not in c and c != lits
            and min(len(x) for x in c) >= MIN_LITERAL and len(c) <= _MAX_ALSO_STRINGS}
    return tuple(sorted(good, key=lambda c: (_score(c), sorted(c)), reverse=True)[:_MAX_ALSO])


def _parse(pattern: str, flags: int) -> list | None:
    """The standard parser's tree of ``pattern`` (``regex`` syntax made readable), or None
    when it cannot be read faithfully."""
    if misread_by_stdlib(pattern):
        return None
    try:
        plain = _NAMED_GROUP.sub(r"\1(?:", _PROPERTY.sub(r"\1\\w", pattern))
        return list(_sre_parse.parse(plain, flags))
    except Exception:  # syntax only `regex` reads (\\p{L}, fuzzy ...): no prefilter
        return None


def prefilter(pattern: str) -> tuple[frozenset[str], dict[str, tuple[str, ...]],
                                     tuple[frozenset[str], ...]] | None:
    """``(words, strings by word, also)`` for a pattern, or None when it has no prefilter.

    ``words`` cover the pattern's required strings (:func:`cover_words`); each word maps
    to the required strings (:func:`required_literals`) that contain it, so a text need
    only be searched for the strings of the words it holds. ``also``: further sets of
    strings a match holds one of each (:func:`also_required`), tested once the first
    passes.
    """
    tree = _parse(pattern, 0)
    if tree is None:
        return None
    info, cands = _analyse(tree)
    lits = _literals(info)
    if lits is None:
        return None
    words = cover_words(lits)
    return (words, {w: tuple(sorted(s for s in lits if w in s)) for w in sorted(words)},
            tuple(tuple(sorted(c)) for c in _also(cands, lits)))


def cover_words(lits: frozenset[str]) -> frozenset[str]:
    """Fewer, shorter strings that still cover ``lits``: words of the strings.

    A word of a required string is in every text the string is in, so a set of words
    covering each string is a (looser) prefilter too; 60 phrases ("il bilancio dei",
    "il conteggio delle" ...) become a handful of words ("bilancio", "conteggio" ...),
    which every sentence is searched for once, for all patterns together. Greedy set
    cover: the word in most uncovered strings first, the longer word on ties; a string
    with no word of ``_MIN_WORD`` letters stays whole.
    """
    words: dict[str, set[str]] = {}
    for s in lits:
        for w in set(s.split()):
            if len(w) >= _MIN_WORD:
                words.setdefault(w, set()).add(s)
    out: set[str] = set()
    todo = set(lits)
    while todo:
        best = max(words.items(), key=lambda kv: (len(kv[1] & todo), len(kv[0]), kv[0]),
                   default=None)
        if best is None or not best[1] & todo:
            out.update(todo)  # strings without a usable word
            break
        out.add(best[0])
        todo -= best[1]
    return frozenset(out)


def _score(lits: frozenset[str]) -> tuple[int, int]:
    """Better prefilters have longer shortest strings, then fewer strings."""
    return (min(len(s) for s in lits), -len(lits))


def _best(cands: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    good = [c for c in cands if c and "" not in c]
    return max(good, key=_score) if good else None


def _sequence(items: list) -> _Info:
    """A concatenation: extend the finite set run by run, keep the best required set."""
    exact, cands = _runs(items)
    return _Info(exact, _best(cands))


def _runs(items: list) -> tuple[frozenset[str] | None, list[frozenset[str] | None]]:
    """A concatenation's finite set (None when it has none) and its candidate required
    sets (each one holds for every match: a run of fixed strings, or one part's set)."""
    cands: list[frozenset[str] | None] = []
    run: frozenset[str] = frozenset({""})
    all_exact = True
    for op, av in items:
        info = _node(op, av)
        if info.exact is not None and len(run) * len(info.exact) <= _MAX_EXACT:
            run = frozenset(a + b for a in run for b in info.exact)
            continue
        cands.append(run)
        all_exact = False
        if info.exact is not None:
            run = info.exact  # a new run starts with this node's strings
        else:
            run = frozenset({""})
            cands.append(info.required)
    cands.append(run)
    return (run if all_exact else None), cands


def _node(op, av) -> _Info:
    if op == _c.LITERAL:
        return _Info(frozenset({chr(av).casefold()}), None)
    if op in _ZERO_WIDTH:
        return _Info(frozenset({""}), None)  # consumes nothing
    if op == _c.IN:
        return _Info(_class_strings(av), None)
    if op == _c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op == getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op == _c.BRANCH:
        infos = [_sequence(list(b)) for b in av[1]]
        exact = None
        if all(i.exact is not None for i in infos):
            union = frozenset().union(*(i.exact for i in infos))  # type: ignore[arg-type]
            exact = union if len(union) <= _MAX_EXACT else None
        reqs = [i.required if i.required is not None else _best([i.exact]) for i in infos]
        required = (frozenset().union(*reqs) if all(r is not None for r in reqs)  # type: ignore
                    else None)
        return _Info(exact, required)
    if op in _REPEATS:
        lo, hi, sub = av
        info = _sequence(list(sub))
        if lo == 0 and hi == 1 and info.exact is not None:
            return _Info(info.exact | {""}, None)
        if lo >= 1:
            return _Info(None, info.required if info.required is not None
                         else _best([info.exact]))
        return _UNKNOWN
    return _UNKNOWN  # any character, categories, back references ...


def _class_strings(items) -> frozenset[str] | None:
    """The characters of a small class without negation or categories, case-folded."""
    chars: set[str] = set()
    for op, av in items:
        if op == _c.LITERAL:
            chars.add(chr(av).casefold())
        elif op == _c.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(chr(x).casefold() for x in range(av[0], av[1] + 1))
        else:
            return None
        if len(chars) > _MAX_CLASS:
            return None
    return frozenset(chars)


def may_match(pre: tuple | None, present: frozenset[str], folded: str) -> bool:
    """Can a pattern with the prefilter ``pre`` match the case-folded text ``folded``?

    ``present`` must hold every cover word of ``pre`` that ``folded`` contains (e.g. all
    cover words of a rule set found in it): the cheap first test. Only the strings of the
    words found are then looked for (a string is absent when its word is); then one
    string of each further required set (``pre[2]``, when there).
    """
    if pre is None:
        return True
    words, by_word = pre[0], pre[1]
    if not _any_string(words & present, by_word, folded):
        return False
    for strings in pre[2] if len(pre) > 2 else ():
        for s in strings:  # plain loops: a generator cost more than the look-ups
            if s in folded:
                break
        else:
            return False
    return True


def _any_string(words: frozenset[str], by_word: dict[str, tuple[str, ...]],
                folded: str) -> bool:
    for w in words:
        for s in by_word[w]:
            if s in folded:
                return True
    return False


# keys at least this long are looked up through their first characters (see contained)
_GRAM = 3
# below this many keys a plain pass over them costs less than cutting the text in grams
# (measured: 50-100 context cue keys, faster by filter; 500-600 claim cover words, 2x by grams)
_MIN_INDEXED = 200


def contained(folded: str, keys: tuple[str, ...]) -> set[str]:
    """The ``keys`` that are substrings of ``folded``: ``{k for k in keys if k in folded}``.

    A sentence is tested against hundreds of cover words and holds few of them: a key can
    be there only if its first three characters are, so the text's three-character grams
    (cut at C speed) pick the few keys worth a substring search.
    """
    if len(keys) < _MIN_INDEXED:
        return {k for k in keys if k in folded}
    short, by_gram = _gram_index(keys)
    found = {k for k in short if k in folded}
    for g in by_gram.keys() & set(map("".join, zip(folded, folded[1:], folded[2:]))):
        found.update([k for k in by_gram[g] if k in folded])
    return found


@lru_cache(maxsize=64)
def _gram_index(keys: tuple[str, ...]) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """``keys`` shorter than a gram, and the others by their first gram (one index per key
    set: the cover words of a language, the cues of a vocabulary)."""
    by_gram: dict[str, list[str]] = {}
    for k in keys:
        if len(k) >= _GRAM:
            by_gram.setdefault(k[:_GRAM], []).append(k)
    return (tuple(k for k in keys if len(k) < _GRAM),
            {g: tuple(ks) for g, ks in by_gram.items()})
