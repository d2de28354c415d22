"""Cheap word look-ups that spare the context stage most of its regex scans.

A sentence is cut into lower-case word tokens once. Two tools work on those tokens:

* :class:`WordIndex` finds literal phrases ("armeni", "forze armene", "Nagorno-Karabakh")
  by token n-grams in a dict, instead of one regex per party or place.
* :class:`Trigger` answers "can any of these regexes match here at all?": a match of one
  of our patterns always contains one of the pattern's literal words (or a digit, for
  patterns with number placeholders), so a sentence with none of them is skipped
  without running the patterns. It only ever says "maybe" too often, never "no" wrongly
  for the patterns it was built from (tests check both answers agree on real text).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, count
from pathlib import Path

import regex

from .. import regexcache
from ..prefilter import misread_by_stdlib

_TOKEN = regexcache.compile(r"[\p{L}\p{N}]+")
# the same tokens kept by a split: [gap, token, gap, token, ..., gap], lengths summed at C
# speed give every offset without a Match object per token (an article has thousands)
_SPLIT = regexcache.compile(r"([\p{L}\p{N}]+)")
# how many tokens :meth:`WordIndex.occurs` reads before the rest of a text
_HEAD_TOKENS = 64


def tokens(text: str) -> list[str]:
    """The lower-case word tokens of ``text``."""
    return _TOKEN.findall(text.casefold())


def words_and_tokens(text: str) -> tuple[list[str], list[str]]:
    """The word tokens of ``text`` in its own case, and its :func:`tokens`: one cut of the
    text for both when they are the same words (:func:`folds_alike`)."""
    words = _TOKEN.findall(text)
    low = text.casefold()
    return words, (list(map(str.casefold, words)) if folds_alike(text, low)
                   else _TOKEN.findall(low))


# the one character whose case folding is a single character of another kind (a combining
# mark folding to a letter); every other one that folds to another kind folds to more than
# one character (U+0130 "İ": "i" and a combining dot). tests/test_prefilter.py checks
# this against the installed tables.
_FOLDS_TO_LETTER = "\u0345"


def folds_alike(text: str, low: str | None = None) -> bool:
    """Whether :func:`tokens` of ``text`` (``low``: its case folding, if made) are its word
    tokens each case-folded, the tokens :class:`WordIndex` looks phrases up in: true unless
    folding turns a character into one of another kind (then the lengths differ too, but
    for one mark)."""
    low = text.casefold() if low is None else low
    return len(low) == len(text) and _FOLDS_TO_LETTER not in text


def token_spans(text: str) -> list[tuple[int, int, str]]:
    """The lower-case word tokens of ``text`` with their offsets."""
    parts = _SPLIT.split(text)
    ends = list(accumulate(map(len, parts)))  # ends[2k] is where token k starts
    return list(zip(ends[0::2], ends[1::2], map(str.casefold, parts[1::2])))


# WordIndex keeps the values of texts up to this long, this many per index (then starts over)
_MEMO_TEXT = 200
_MEMO_SIZE = 4096
# ... and the answers of occurs for this many texts of any length (an article's prose)
_OCCURS_SIZE = 64


class WordIndex:
    """Literal phrases -> values, found by token n-grams (case-insensitive, whole words)."""

    def __init__(self, phrases: Iterable[tuple[str, str]]):
        # first token -> [(rest of the phrase, value)], longest first
        self._first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        seen: set[tuple[str, ...]] = set()
        for phrase, value in phrases:
            key = tuple(tokens(phrase))
            if key and key not in seen:  # the first value given for a phrase wins
                seen.add(key)
                self._first.setdefault(key[0], []).append((key[1:], value))
        for options in self._first.values():
            options.sort(key=lambda o: -len(o[0]))
        # short texts asked again (a source's name for each of its figures, the words after
        # a figure): their values, kept (most look-ups are repeats)
        self._memo: dict[str, tuple[str, ...]] = {}
        self._found: dict[str, list[tuple[int, int, str]]] = {}  # the same, for find
        # texts of any length asked again of occurs (an article's prose, each sentence of
        # a figure): the last few answers
        self._occurs: dict[str, bool] = {}

    def __bool__(self) -> bool:
        return bool(self._first)

    def _match(self, toks: list[str]) -> list[tuple[int, int, str]]:
        """(first token, last token, value) of every phrase, leftmost-longest."""
        first = self._first
        out: list[tuple[int, int, str]] = []
        if first.keys().isdisjoint(toks):  # the common case, at C speed
            return out
        n = len(toks)
        after = 0  # the first token not inside a phrase already found
        # most tokens start no phrase: only those that do are looked at (picked at C speed)
        for i in list(compress(count(), map(first.__contains__, toks))):
            if i < after:
                continue
            for rest, value in first[toks[i]]:
                k = len(rest)
                if i + k < n and (k == 0 or tuple(toks[i + 1:i + 1 + k]) == rest):
                    out.append((i, i + k, value))
                    after = i + k + 1
                    break
        return out

    def matches(self, toks: list[str]) -> list[tuple[int, int, str]]:
        """(first token, last token, value) of every phrase in ``toks`` (a text's
        :func:`tokens`), leftmost-longest, not overlapping: :meth:`find` by token index."""
        return self._match(toks)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Every (start, end, value) in ``text``, leftmost-longest, not overlapping."""
        if len(text) > _MEMO_TEXT:
            return self._find(text)
        found = self._found.get(text)
        if found is None:
            if len(self._found) >= _MEMO_SIZE:
                self._found.clear()
            found = self._found[text] = self._find(text)
        return list(found)

    def _find(self, text: str) -> list[tuple[int, int, str]]:
        # a token's case-folded text is part of the text's, so no phrase can start where
        # no first word is a substring (checked at C speed before cutting tokens)
        if not any(map(text.casefold().__contains__, self._first)):
            return []
        parts = _SPLIT.split(text)  # see token_spans: offsets only if a phrase is found
        found = self._match(list(map(str.casefold, parts[1::2])))
        if not found:
            return found
        ends = list(accumulate(map(len, parts)))
        return [(ends[2 * i], ends[2 * j + 1], v) for i, j, v in found]

    def occurs(self, text: str, toks: list[str] | None = None) -> bool:
        """``bool(self.find(text))``, reading a long text only from where a phrase may start
        and as far as its first phrase (an article about fighting names it early); ``toks``:
        its :func:`tokens`, if already cut (read instead of the text when they are the same
        words: no second cut of a whole article)."""
        if not text:
            return False
        found = self._occurs.get(text)
        if found is None:
            if len(self._occurs) >= _OCCURS_SIZE:
                self._occurs.clear()
            if toks is not None and folds_alike(text):
                found = bool(self._match(toks))
            else:
                found = self._occurs_in(text)
            self._occurs[text] = found
        return found

    def _occurs_in(self, text: str) -> bool:
        low = text.casefold()
        hits = [i for i in map(low.find, self._first) if i >= 0]
        if not hits:
            return False
        at = 0
        if len(low) == len(text):
            # one character for one: a phrase's first word is in ``low`` where it is in the
            # text, so no phrase starts before the first hit; the tokens from the start of
            # the token holding it are the text's last ones
            at = min(hits)
            while at and _TOKEN.match(text, at - 1, at):
                at -= 1
            text = text[at:]
        # a match inside the first tokens is a match of the whole (the scan finds the
        # leftmost phrase first); else the whole text decides
        head = _SPLIT.split(text, maxsplit=_HEAD_TOKENS)
        if len(head) > 2 * _HEAD_TOKENS:
            if self._match(list(map(str.casefold, head[1:2 * _HEAD_TOKENS:2]))):
                return True
            head = _SPLIT.split(text)
        return bool(self._match(list(map(str.casefold, head[1::2]))))

    def in_order(self, text: str, toks: list[str] | None = None) -> list[str]:
        """The values found in ``text`` (or its ``toks``), in order of first mention."""
        if toks is None and len(text) <= _MEMO_TEXT:
            found = self._memo.get(text)
            if found is None:
                if len(self._memo) >= _MEMO_SIZE:
                    self._memo.clear()
                found = self._memo[text] = tuple(self._in_order(tokens(text)))
            return list(found)
        return self._in_order(tokens(text) if toks is None else toks)

    def _in_order(self, toks: list[str]) -> list[str]:
        out: list[str] = []
        for _, _, v in self._match(toks):
            if v not in out:
                out.append(v)
        return out

    def values(self, text: str, toks: list[str] | None = None) -> set[str]:
        return set(self.in_order(text, toks))

    def first(self, text: str) -> str | None:
        """The value named first in ``text`` (the first of :meth:`in_order`)."""
        found = self.in_order(text)
        return found[0] if found else None


DIGIT = "<digit>"  # the key that stands for "any digit"
YEAR = "<year>"  # ... for a four-digit year, 1800-2099
_SPECIAL = {DIGIT: regexcache.compile(r"\d"),
            YEAR: regexcache.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")}
# how selective a special key is, as if it were a word of that length: every figure's
# sentence has a digit, few have a year
_SPECIAL_LENGTH = {DIGIT: 0, YEAR: 4}
# regex-module syntax the stdlib parser does not know, made neutral for the analysis
_NEUTRAL = ((regexcache.compile(r"\\[pP]\{[^}]*\}"), "."), (regexcache.compile(r"\(\?[a-zA-Z]*-[a-zA-Z]+:"), "(?:"),
            (regexcache.compile(r"\(\?V[01]\)"), ""))
_PLACEHOLDER = regexcache.compile(r"\{([A-Z_]+)\}")
Keys = frozenset[str]
# names this module's answers in the pattern cache: any change to this file makes new ones
_KIND = "context-words-" + hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:16]


def _score(keys: Keys) -> tuple[int, int]:
    """How selective a requirement is: its shortest key (longer is rarer), then its size."""
    return (min(_SPECIAL_LENGTH.get(k, len(k)) for k in keys), -len(keys))


def _best(options: list[Keys]) -> Keys | None:
    return max(options, key=_score) if options else None


def _required(items, names: dict[int, str], slots: dict[str, Keys | None]) -> Keys | None:
    """Keys of which every match of the parsed sequence ``items`` contains one (None: no
    such guarantee). Literal runs of three characters or more are keys."""
    from re import _constants as c

    options: list[Keys] = []
    run = ""

    def flush():
        nonlocal run
        if len(run) >= 3:
            options.append(frozenset({run}))
        run = ""

    for op, av in items:
        if op is c.LITERAL:
            ch = chr(av)
            if ch.isalnum():
                run += ch.casefold()
                continue
            flush()
            continue
        flush()
        if op is c.SUBPATTERN:
            gid, _, _, sub = av
            if gid in names:
                keys = slots.get(names[gid])
            else:
                keys = _required(sub, names, slots)
        elif op is c.BRANCH:
            branches = [_required(b, names, slots) for b in av[1]]
            keys = None if any(b is None for b in branches) else frozenset().union(*branches)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            lo, _, sub = av
            keys = _required(sub, names, slots) if lo >= 1 else None
        elif op is c.IN:
            digit = all(o is c.RANGE and av2[0] >= 48 and av2[1] <= 57 or
                        o is c.CATEGORY and av2 is c.CATEGORY_DIGIT for o, av2 in av)
            keys = frozenset({DIGIT}) if digit else None
        else:  # assertions, anchors, any character: nothing required
            keys = None
        if keys:
            options.append(keys)
    flush()
    return _best(options)


def required_keys(pattern: str, slots: dict[str, Keys | None]) -> Keys | None:
    """Keys of which every match of ``pattern`` contains one, or None when the pattern
    cannot be analysed or guarantees nothing. ``slots`` gives the keys of each
    ``{PLACEHOLDER}`` (None: nothing guaranteed, e.g. a free noun phrase).

    Parsing hundreds of patterns is a third of the context set-up a draft check pays on
    every run: answers are kept in the pattern cache, keyed by this file's code, the
    pattern and the keys of the placeholders it uses."""
    used = sorted((k, None if v is None else tuple(sorted(v))) for k, v in slots.items()
                  if "{" + k + "}" in pattern)
    return regexcache.derived(_KIND + "-required", f"{pattern}\0{used!r}",
                              lambda _key: _required_keys(pattern, slots))


def _required_keys(pattern: str, slots: dict[str, Keys | None]) -> Keys | None:
    from re import _parser

    names: dict[str, str] = {}

    def mark(m: regex.Match) -> str:
        name = f"ph{len(names)}"
        names[name] = m.group(1)
        return f"(?P<{name}>x)"

    src = pattern
    for rx, repl in _NEUTRAL:
        src = rx.sub(repl, src)
    src = _PLACEHOLDER.sub(mark, src)
    if misread_by_stdlib(src):
        return None  # [[:alpha:]], {e<=1}: the stdlib would read them as text, keys that lie
    try:
        parsed = _parser.parse(src, 0)
    except Exception:  # regex-module syntax we cannot analyse: never skip
        return None
    gids = {gid: names[name] for name, gid in parsed.state.groupdict.items() if name in names}
    return _required(list(parsed), gids, slots)


@dataclass(frozen=True)
class Trigger:
    """A prefilter for a set of regexes (see module docstring): a text may match only if
    it contains one of ``keys`` (lower-case substrings) or of the ``special`` ones
    (:data:`DIGIT`, :data:`YEAR`)."""

    keys: tuple[str, ...]
    special: tuple[str, ...]
    always: bool

    @classmethod
    def of(cls, patterns: Iterable[str], slots: dict[str, Keys | None] | None = None
           ) -> "Trigger":
        """The trigger of ``patterns`` (placeholders still in them, their keys in ``slots``)."""
        keys: set[str] = set()
        for p in patterns:
            found = required_keys(p, slots or {})
            if not found:
                return cls((), (), True)
            keys |= found
        special = tuple(sorted(k for k in keys if k in _SPECIAL))
        return cls(tuple(sorted(keys - set(special))), special, False)

    @classmethod
    def merge(cls, triggers: Iterable["Trigger"]) -> "Trigger":
        """The trigger of all the patterns of ``triggers`` (what :meth:`of` gives for them
        together, without analysing them again)."""
        keys: set[str] = set()
        special: set[str] = set()
        for t in triggers:
            if t.always:
                return cls((), (), True)
            keys.update(t.keys)
            special.update(t.special)
        return cls(tuple(sorted(keys)), tuple(sorted(special)), False)

    def may_match(self, text: str) -> bool:
        """Whether ``text`` may match one of the patterns."""
        if self.always:
            return True
        low = text.casefold()
        if any(map(low.__contains__, self.keys)):
            return True
        return any(_SPECIAL[k].search(text) for k in self.special)

    def fires(self, present: frozenset[str] | set[str]) -> bool:
        """:meth:`may_match` from the keys already found in the text (:func:`present_keys`
        over keys that include this trigger's)."""
        return self.always or not present.isdisjoint(self.keys) or not present.isdisjoint(
            self.special)


@lru_cache(maxsize=None)
def pattern_trigger(rx: regex.Pattern) -> Trigger:
    """The :class:`Trigger` of one compiled pattern, made once (a case-blind pattern's keys
    are looked up in the folded text all the same)."""
    return Trigger.of([rx.pattern])


def present_keys(text: str, keys: Iterable[str]) -> frozenset[str]:
    """Which of ``keys`` (lower-case substrings, or :data:`DIGIT`/:data:`YEAR`) ``text``
    holds: looked up once per text, then shared by every trigger built on those keys."""
    # one C-level pass over the keys; then each special key is settled by its pattern
    # (not by the text spelling "<digit>")
    found = set(filter(text.casefold().__contains__, keys))
    for k, rx in _SPECIAL.items():
        found.discard(k)
        if k in keys and rx.search(text) is not None:
            found.add(k)
    return frozenset(found)


def present_keys_by_tokens(text: str, toks: list[str], keys: tuple[str, ...]
                           ) -> frozenset[str]:
    """:func:`present_keys` of a long ``text`` whose :func:`tokens` are ``toks``. A key of
    word characters only lies inside one token, so it is looked up in the distinct tokens
    (a quarter of an article's length); other keys in the text itself."""
    words, others = _word_keys(keys)
    last = _distinct[0]  # read once: a pair, whatever another thread stores meanwhile
    if last[0] is not toks:
        last = _distinct[0] = (toks, " ".join(set(toks)))
    found = present_keys(last[1], words)
    return found | present_keys(text, others) if others else found


# (tokens, their distinct words joined) of the last tokens looked up: an article's tokens
# serve its origin cues, its event cues and its event types in turn (token lists are never
# changed once cut; the list is kept, so its identity is not another's)
_distinct: list[tuple[list[str] | None, str]] = [(None, "")]


@lru_cache(maxsize=64)
def _word_keys(keys: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``keys`` split into those made of token characters only and the others."""
    words = tuple(k for k in keys if _TOKEN.fullmatch(k))
    return words, tuple(k for k in keys if k not in words)


def all_keys(triggers: Iterable[Trigger]) -> tuple[str, ...]:
    """The keys of several triggers, for :func:`present_keys`."""
    return tuple(sorted({k for t in triggers for k in (*t.keys, *t.special)}))


@dataclass(frozen=True)
class TriggerIndex:
    """Which of several triggers fire on a text: one look-up per key the text holds, not
    one test per trigger (the same answers as each :meth:`Trigger.may_match`)."""

    keys: tuple[str, ...]
    always: frozenset[int]  # the triggers that always fire
    by_key: dict[str, frozenset[int]]  # key -> the triggers it fires

    @classmethod
    def of(cls, triggers: Iterable[Trigger]) -> "TriggerIndex":
        by_key: dict[str, set[int]] = {}
        always = set()
        for i, t in enumerate(triggers):
            if t.always:
                always.add(i)
            for k in (*t.keys, *t.special):
                by_key.setdefault(k, set()).add(i)
        return cls(tuple(sorted(by_key)), frozenset(always),
                   {k: frozenset(v) for k, v in by_key.items()})

    def fired(self, text: str, keys: Iterable[str] | None = None) -> list[int]:
        """The indexes of the triggers that fire on ``text``, in order. ``keys``: the keys
        a text holding this one has (a superset of this text's), to look up only those."""
        found = set(self.always)
        for k in present_keys(text, self.keys if keys is None else keys):
            found |= self.by_key.get(k, ())
        return sorted(found)


_NAMED_GROUP = regexcache.compile(r"\(\?P<\w+>")
_INLINE_I = regexcache.compile(r"\(\?[a-zA-Z]*i")


def first_class(pattern: str, ignorecase: bool) -> str | None:
    """A character class (``"[...]"``) holding every character a match of ``pattern``
    can start with, or None when that is not known (any character, an empty match, a
    construct the analysis does not read). As a lookahead before a pattern compiled with
    the same flags (``ignorecase``: whether they ignore case), it skips the positions
    where the pattern cannot start, cheaply."""
    return regexcache.derived(_KIND + "-first", f"{int(ignorecase)}\0{pattern}",
                              lambda _key: _first_class(pattern, ignorecase))


def _first_class(pattern: str, ignorecase: bool) -> str | None:
    from re import _constants as c
    from re import _parser

    if misread_by_stdlib(pattern):
        return None  # [[:alpha:]], {e<=1}: the stdlib would read something else
    src = pattern
    for rx, repl in _NEUTRAL:
        src = rx.sub(repl, src)
    src = _NAMED_GROUP.sub("(?:", src)  # the same name may occur twice (the stdlib refuses)
    try:
        parsed = _parser.parse(src, 0)
    except Exception:
        return None
    if not ignorecase and (parsed.state.flags & c.SRE_FLAG_IGNORECASE
                           or _INLINE_I.search(pattern)):
        return None  # case ignored inside only: a class outside would be stricter
    parts, nullable = _first(list(parsed))
    if parts is None or nullable or not parts:
        return None
    return "[" + "".join(sorted(parts)) + "]"


def _first(items) -> tuple[set[str] | None, bool]:
    """(class fragments of the first character, whether the sequence can match empty);
    None fragments: any character."""
    from re import _constants as c

    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            out.add(_class_char(av))
            return out, False
        if op is c.IN:
            if any(o is c.NEGATE for o, _ in av):
                return None, False
            for o, a in av:
                if o is c.LITERAL:
                    out.add(_class_char(a))
                elif o is c.RANGE:
                    out.add(_class_char(a[0]) + "-" + _class_char(a[1]))
                elif o is c.CATEGORY and a in _CATEGORIES:
                    out.add(_CATEGORIES[a])
                else:
                    return None, False
            return out, False
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: the next item gives the first character
        if op is c.SUBPATTERN or op is getattr(c, "ATOMIC_GROUP", None):
            sub = av[-1] if op is c.SUBPATTERN else av
            found, empty = _first(list(sub))
        elif op is c.BRANCH:
            found, empty = set(), False
            for branch in av[1]:
                f, e = _first(list(branch))
                if f is None:
                    return None, False
                found |= f
                empty = empty or e
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            lo, _, sub = av
            found, empty = _first(list(sub))
            empty = empty or lo == 0
        else:  # any character, a back-reference, ...: unknown
            return None, False
        if found is None:
            return None, False
        out |= found
        if not empty:
            return out, False
    return out, True


def _class_char(code: int) -> str:
    ch = chr(code)
    return ch if ch.isalnum() else "\\" + ch


def _categories() -> dict:
    from re import _constants as c

    return {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_SPACE: r"\s", c.CATEGORY_WORD: r"\w"}


_CATEGORIES = _categories()
