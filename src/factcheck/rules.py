"""Claim rules are data: load, validate and compile ``rules/``.

Layout of a rules folder (default :func:`factcheck.paths.rules_dir`)::

    metrics.toml                     closed vocabulary of metrics
    claims/<lang>/<name>.toml        one rule per file, id "<lang>/<name>"
    lang/<lang>/claims.toml          named regex pieces: {KILLED}, {PEOPLE}, ...
    lang/<lang>/sides.toml           side words per party id: {SIDE}, {BOTH}

Every problem in every file is collected before anything is compiled into a
:class:`RuleSet`; :func:`load_rules` raises one :class:`RuleError` listing them
all as ``path:line:col: CODE message (hint: ...)``. ``rules/README.md``
documents the format for rule authors.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from . import prefilter, regexcache
from .errors import RuleError
from .langdata import LANGS
from .parties import load_parties
from .rule_problems import causes_first
from .paths import rules_dir

# ---------------------------------------------------------------- masking tokens
# The sentence a pattern sees has each quantity replaced, in place and at the same
# length, by a token: a marker character then filler. Private-use characters are
# neither \w nor \s, so patterns cannot confuse a token with a word.
TOKEN_CLAIMABLE = "\ue000"  # a quantity that may become a claim (a count)
TOKEN_OTHER = "\ue001"  # a year, date, percent, duration, money, ordinal, ...
TOKEN_FILL = "\ue002"
NUM_GROUP = "NUM"
# possessive (*+): a token is bound whole, never cut short by backtracking, so a guard
# after it such as (?! carri armati) cannot be dodged by ending the match mid-token
_NUM_EXPANSION = f"(?P<{NUM_GROUP}>{TOKEN_CLAIMABLE}{TOKEN_FILL}*+)"
# the same pattern with {NUM} also binding non-counts: only explain uses it, to say
# "this year would have been claimed by it/deaths"
_NUM_LOOSE = f"(?P<{NUM_GROUP}>[{TOKEN_CLAIMABLE}{TOKEN_OTHER}]{TOKEN_FILL}*+)"
_QTY_EXPANSION = f"(?:[{TOKEN_CLAIMABLE}{TOKEN_OTHER}]{TOKEN_FILL}*+)"
# {ORD}: the figure is an ordinal that the rule reads as a count ("la 30esima vittima", "the
# 12th victim" are a toll of 30, of 12). It binds any non-count token; only an ordinal bound
# by it becomes a claim (claims.py), so a year or a floor ("il 3° piano") never does
ORD_PLACEHOLDER = "ORD"
_ORD_EXPANSION = f"(?P<{NUM_GROUP}>{TOKEN_OTHER}{TOKEN_FILL}*+)"

# named groups a pattern may capture (NUM comes from {NUM}); "whole" marks, in a breakdown
# pattern, the figure its items are parts of when it is named after them
GROUPS = ("who", "side", "whole")
FLAGS = regex.IGNORECASE | regex.VERSION0
# seconds one regex call may take on one sentence before the pattern is stopped
DEFAULT_TIMEOUT = 0.25
# {NAME}, but not the property classes \p{L}, \P{Lu} or \N{...} of regex itself
_PLACEHOLDER = regexcache.compile(r"(?<!\\[pPN])\{([A-Z][A-Z0-9_]*)\}")

QUALIFIERS = ("exact", "approx", "more_than", "at_least", "at_most", "less_than", "nearly",
              "range", "vague")
# what a figure is: a toll as it stands, or not one to compare as such. The status cues of a
# language (``[status]`` in lang/<lang>/claims.toml) are tried in STATUS_ORDER after
# "counted": an addition to a toll is never read as a toll, whatever else is said of it
# hospitalised: people in hospital now ("nine are still in hospital", "365 feriti ricoverati"),
# a level inside the cumulative wounded toll that falls as people go home: never the toll,
# so never compared with it (not in verdicts.toml [grouping] compared_status)
STATUSES = ("counted", "estimated", "feared", "projected", "increment", "hospitalised")
STATUS_ORDER = ("increment", "feared", "projected", "estimated", "hospitalised")

# error codes: stable, each tested in tests/test_rule_errors.py and listed in rules/README.md
CODES = {
    "R001": "TOML syntax error",
    "R002": "unknown key",
    "R003": "missing key or file",
    "R004": "wrong type",
    "R005": "unknown metric",
    "R006": "regex does not compile",
    "R007": "pattern without {NUM}",
    "R008": "unknown placeholder",
    "R009": "unknown group name",
    "R010": "rule file outside claims/<lang>/",
    "R011": "pattern timed out",
    "R012": "bad value",
}

# allowed keys, with their expected Python types (for R002 and R004)
_RULE_KEYS: dict[str, tuple[type, ...]] = {
    "metric": (str,), "description": (str,), "patterns": (list,), "unless": (list,),
    "priority": (int,), "share_qualifier": (bool,), "examples": (list,),
    "counter_examples": (list,), "todo": (list,),
}
_REQUIRED_RULE_KEYS = ("metric", "description", "patterns")
_EXAMPLE_KEYS: dict[str, tuple[type, ...]] = {"text": (str,), "claims": (list,), "note": (str,)}
_CLAIM_KEYS: dict[str, tuple[type, ...]] = {
    "value": (int, float), "qualifier": (str,), "who": (str,), "side": (str,),
    "metric": (str,), "low": (int, float, str), "high": (int, float, str), "text": (str,),
    "status": (str,),
}
_PATTERN_TABLE_KEYS: dict[str, tuple[type, ...]] = {"pattern": (str,), "status": (str,)}
_METRIC_KEYS: dict[str, tuple[type, ...]] = {
    "cumulative": (bool,), "label": (dict,), "description": (str,),
}
_TYPE_NAMES = {str: "a string", list: "an array", int: "an integer", bool: "true or false",
               float: "a number", dict: "a table"}


# ---------------------------------------------------------------- records

@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a rule file, with where and how to fix it."""

    path: str
    line: int
    col: int
    code: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        out = f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"
        return f"{out} (hint: {self.hint})" if self.hint else out


@dataclass(frozen=True)
class Metric:
    """An entry of the closed vocabulary in ``metrics.toml``."""

    name: str
    cumulative: bool
    label: dict[str, str]
    description: str


@dataclass
class Pattern:
    """One compiled pattern of a rule (``index`` counts from 1, as in messages)."""

    source: str
    expanded: str
    _compiled: Any  # regex.Pattern, or None until first used (a rule set read from the cache)
    index: int
    line: int
    col: int
    # (cover words, required strings by word): see factcheck.prefilter
    prefilter: tuple[frozenset[str], dict[str, tuple[str, ...]]] | None = None
    _loose: Any = field(default=None, repr=False)
    # the status a match of this pattern gives its figures ("increment"), None: from the cues
    status: str | None = None

    @property
    def compiled(self) -> Any:
        """The compiled pattern. A cached rule set compiles each pattern on first use
        (from the regex cache): patterns whose prefilter never passes cost nothing."""
        if self._compiled is None:
            self._compiled = regexcache.compile(self.expanded, FLAGS)
        return self._compiled

    def __getstate__(self) -> dict[str, Any]:
        # compiled patterns come back from the regex cache, not from the pickle (load_rules)
        return {**self.__dict__, "_compiled": None, "_loose": None}

    def loose(self) -> Any:
        """The pattern with ``{NUM}`` also binding non-counts (compiled on first use)."""
        if self._loose is None:
            self._loose = regex.compile(self.expanded.replace(_NUM_EXPANSION, _NUM_LOOSE), FLAGS)
        return self._loose


@dataclass(frozen=True)
class Example:
    """An example, counter-example or todo of a rule."""

    kind: str  # "example", "counter-example" or "todo"
    index: int  # from 1 within its kind
    text: str
    claims: tuple[dict[str, Any], ...] | None
    note: str | None
    line: int

    def test_id(self, rule_id: str) -> str:
        return f"{rule_id}:{self.kind}-{self.index}"


@dataclass(frozen=True)
class Rule:
    """One rule file, compiled."""

    id: str  # "it/deaths"
    path: str
    lang: str
    metric: str
    description: str
    patterns: tuple[Pattern, ...]
    unless: tuple[Pattern, ...] = ()
    priority: int = 0
    share_qualifier: bool = True
    examples: tuple[Example, ...] = ()
    counter_examples: tuple[Example, ...] = ()
    todo: tuple[Example, ...] = ()

    @property
    def all_examples(self) -> tuple[Example, ...]:
        return self.examples + self.counter_examples + self.todo


@dataclass(frozen=True)
class Backoff:
    """The back-off reader of one language (lang/<lang>/backoff.toml): a count no pattern
    claimed, of people, near one metric word of one metric, becomes a claim of that metric
    (see :mod:`factcheck.claims_backoff`)."""

    lang: str
    window: int  # words between the figure's noun (or the figure) and a metric word after it
    before: int  # words between a metric word before the figure and it ("killed 12 miners")
    metrics: tuple[tuple[str, Pattern], ...]  # metric -> its words (stems, at a word start)
    noun: Pattern  # right after the figure: the counted people, group ``who``
    things: Pattern  # right after the figure: a thing counted, never people
    bare: Pattern  # right after a figure with no noun: the words before its metric word
    joins: Pattern  # all that stands between two counts listed together ("18 adults and 14")
    stops: Pattern  # words that end the figure's clause ("but", "while", "none")
    vetoes: Pattern  # anywhere in the clause: no toll (the attackers, an illness, a routine)
    guards: Pattern  # ending right before the figure: no count of its own (an age, a whole)
    determiners: Pattern  # right before a metric word: it is a noun ("the dead"), no predicate
    rules: tuple[Rule, ...]  # one stand-in rule per metric, id "<lang>/backoff"
    examples: tuple[Example, ...] = ()
    counter_examples: tuple[Example, ...] = ()

    def rule(self, metric: str) -> Rule:
        """The stand-in rule of ``metric`` (its claims' rule id is ``<lang>/backoff``)."""
        return next(r for r in self.rules if r.metric == metric)


@dataclass(frozen=True)
class Lists:
    """The list reader of one language (lang/<lang>/lists.toml): the items of a list of
    people whose predicate is in its head or the sentence before ("Among them are 12 Germans,
    four Italians") become parts of that metric (see :mod:`factcheck.claims_lists`)."""

    lang: str
    anaphoric: Pattern  # a head pointing back to a figure named before ("they include")
    named: Pattern  # a head naming the whole's metric by its words ("among the dead were")
    item: Pattern  # right after an item's figure: its counted people, group ``who``
    sep: Pattern  # between two items, with the words an item may end with before it
    last: Pattern  # the conjunction before the list's last item ("and"): the list ends there
    stops: Pattern  # in a named head, people who came to no harm ("among the rescued")
    ones: tuple[str, ...]  # words that are a count of one before an item's people ("one")
    partitive: Pattern  # right after a count, before its whole's figure ("nine of the 15")
    carry: Pattern  # ending right before a figure: a toll's frame ("it now stands at")
    carry_after: Pattern  # right after that figure: its clause ends ("40.", "40 on Monday")
    nouns: tuple[tuple[str, Pattern], ...]  # metric -> head nouns beyond the back-off's words
    rule_by_metric: tuple[Rule, ...]  # one stand-in rule per metric, id "<lang>/lists"
    examples: tuple[Example, ...] = ()
    counter_examples: tuple[Example, ...] = ()
    # a breakdown by place after a claimed figure ("1,500 deaths, followed by Borgo (120)"):
    # ``follow`` ends right before the first place, ``place`` is a place ending at the
    # bracket before its figure (both optional: None where a language has none)
    follow: Pattern | None = None
    place: Pattern | None = None
    # a head naming the breakdown's metric before its first place ("Most deaths were in")
    place_head: Pattern | None = None

    def rule(self, metric: str) -> Rule | None:
        """The stand-in rule of ``metric`` (its claims' rule id is ``<lang>/lists``)."""
        return next((r for r in self.rule_by_metric if r.metric == metric), None)


@dataclass
class RuleSet:
    """Every rule of a rules folder, ready to run (patterns compiled once, at load)."""

    root: Path
    metrics: dict[str, Metric]
    rules: tuple[Rule, ...]
    sides: dict[str, dict[str, str]]  # lang -> lower-cased side words -> party id
    timeout: float = DEFAULT_TIMEOUT
    # lang -> (status, cue pattern with {NUM}) in STATUS_ORDER: a cue that binds a figure
    # gives its claim that status ("altri {NUM}": increment)
    status_cues: dict[str, tuple[tuple[str, Pattern], ...]] = field(default_factory=dict)
    # lang -> (status, word) found inside the figure's own text ("an estimated 700")
    status_words: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    # lang -> breakdown patterns ([breakdown] in lang/<lang>/claims.toml): figures listed
    # with a claimed one ("40 feriti a Pescara, 12 a Teramo") take its metric
    breakdowns: dict[str, tuple[Pattern, ...]] = field(default_factory=dict)
    # lang -> the back-off reader's data (lang/<lang>/backoff.toml): see claims_backoff
    backoff: dict[str, Backoff] = field(default_factory=dict)
    # lang -> the list reader's data (lang/<lang>/lists.toml): see claims_lists
    lists: dict[str, Lists] = field(default_factory=dict)
    # patterns stopped by the timeout while running: (rule id, "pattern 2"/"unless 1") -> count
    timeouts: dict[tuple[str, str], int] = field(default_factory=dict)
    _by_lang: dict[str, tuple[Rule, ...]] = field(default_factory=dict, repr=False)
    _literals: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _ordinals: dict[str, bool] = field(default_factory=dict, repr=False)
    _index: dict[str, dict[str, list[Pattern]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        by_lang: dict[str, list[Rule]] = {}
        for r in self.rules:
            by_lang.setdefault(r.lang, []).append(r)
        # highest priority first: resolution order is stable and documented
        self._by_lang = {k: tuple(sorted(v, key=lambda r: (-r.priority, r.id)))
                         for k, v in by_lang.items()}

    def for_lang(self, lang: str) -> tuple[Rule, ...]:
        """The rules of one language, highest priority first."""
        return self._by_lang.get(lang, ())

    def takes_ordinals(self, lang: str) -> bool:
        """Does a rule of ``lang`` read an ordinal as a count (``{ORD}``)?"""
        took = self._ordinals.get(lang)
        if took is None:
            took = any(_ORD_EXPANSION in p.expanded for r in self.for_lang(lang) for p in r.patterns)
            self._ordinals[lang] = took
        return took

    def literals(self, lang: str) -> tuple[str, ...]:
        """Every prefilter cover word of the patterns of ``lang`` (see :meth:`present`)."""
        lits = self._literals.get(lang)
        if lits is None:
            lits = tuple(sorted({s for p in self._all_patterns(lang)
                                 for s in (p.prefilter[0] if p.prefilter else ())}))
            self._literals[lang] = lits
        return lits

    def _all_patterns(self, lang: str) -> list[Pattern]:
        """Every pattern of ``lang`` that a prefilter guards: rules' patterns and vetoes,
        status cues and breakdown patterns."""
        return ([p for r in self.for_lang(lang) for p in r.patterns + r.unless]
                + [p for _, p in self.status_cues.get(lang, ())]
                + list(self.breakdowns.get(lang, ())))

    def present(self, lang: str, folded: str) -> frozenset[str]:
        """The prefilter cover words of ``lang`` found in the case-folded text ``folded``.

        One pass over a few hundred words per sentence; each pattern then only asks
        whether its own strings meet this set (:func:`factcheck.prefilter.may_match`).
        """
        return frozenset(prefilter.contained(folded, self.literals(lang)))

    def runnable(self, lang: str, folded: str) -> frozenset[int]:
        """The ``id()`` of every pattern (``unless``, status cue, breakdown) of ``lang`` with a prefilter
        that the case-folded text ``folded`` passes. A pattern without one always runs.

        The cover words found in the text lead to the few patterns that use them (an
        inverted index), so a sentence asks :func:`~factcheck.prefilter.may_match` of
        those only, not of every pattern of the language.
        """
        index = self._index.get(lang)
        if index is None:
            index = {}
            for p in self._all_patterns(lang):
                for w in p.prefilter[0] if p.prefilter else ():
                    index.setdefault(w, []).append(p)
            self._index[lang] = index
        present = self.present(lang, folded)
        pats = {id(p): p for w in present for p in index[w]}
        return frozenset(i for i, p in pats.items() if prefilter.may_match(p.prefilter, present,
                                                                           folded))

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)

    def side_party(self, words: str | None, lang: str) -> str | None:
        """The party id of raw side words ("armeni" -> "armenia"), or None."""
        if not words:
            return None
        table = self.sides.get(lang, {})
        key = " ".join(words.lower().split())
        return table.get(key) or next(
            (table[w] for w in key.split() if w in table), None)


# ---------------------------------------------------------------- TOML positions

class _Locator:
    """Where keys and values sit in a TOML file (tomllib gives no positions).

    A lenient scanner, run only on files that parsed: it records the offset of every
    key and value by path, e.g. ("examples", 2, "claims", 0, "value").
    """

    def __init__(self, src: str):
        self.src = src
        self.keys: dict[tuple, int] = {}
        self.values: dict[tuple, int] = {}
        self._line_starts = [0] + [i + 1 for i, c in enumerate(src) if c == "\n"]
        try:
            self._scan()
        except IndexError:  # never let a position lookup hide the real problem
            pass

    def line_col(self, offset: int) -> tuple[int, int]:
        import bisect

        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def at(self, path: tuple, value: bool = False) -> tuple[int, int]:
        """Line and column of ``path`` (its value when ``value``), else of its nearest parent."""
        table = self.values if value else self.keys
        p = tuple(path)
        while p:
            if p in table:
                return self.line_col(table[p])
            if p in self.keys:
                return self.line_col(self.keys[p])
            p = p[:-1]
        return 1, 1

    # -- scanner
    def _ws(self, i: int, newlines: bool) -> int:
        s, n = self.src, len(self.src)
        while i < n:
            c = s[i]
            if c in " \t" or (newlines and c in "\r\n"):
                i += 1
            elif c == "#":
                while i < n and s[i] != "\n":
                    i += 1
            else:
                break
        return i

    def _string_end(self, i: int) -> int:
        s = self.src
        for q in ('"""', "'''"):
            if s.startswith(q, i):
                j = s.find(q, i + 3)
                return len(s) if j < 0 else j + 3
        q = s[i]
        j = i + 1
        while j < len(s) and s[j] != q and s[j] != "\n":
            j += 2 if (q == '"' and s[j] == "\\") else 1
        return j + 1

    def _key(self, i: int) -> tuple[tuple, int]:
        s, parts = self.src, []
        while True:
            i = self._ws(i, False)
            if s[i] in "\"'":
                j = self._string_end(i)
                parts.append(s[i + 1:j - 1])
                i = j
            else:
                j = i
                while j < len(s) and (s[j].isalnum() or s[j] in "_-"):
                    j += 1
                parts.append(s[i:j])
                i = j if j > i else i + 1
            i = self._ws(i, False)
            if i < len(s) and s[i] == ".":
                i += 1
                continue
            return tuple(parts), i

    def _value(self, i: int, path: tuple) -> int:
        s = self.src
        self.values[path] = i
        c = s[i]
        if c == "[":
            i, idx = i + 1, 0
            while True:
                i = self._ws(i, True)
                if s[i] == "]":
                    return i + 1
                i = self._value(i, path + (idx,))
                idx += 1
                i = self._ws(i, True)
                if s[i] == ",":
                    i += 1
        if c == "{":
            i += 1
            while True:
                i = self._ws(i, False)
                if s[i] == "}":
                    return i + 1
                start = i
                parts, i = self._key(i)
                self.keys[path + parts] = start
                i = self._ws(i + 1, False)  # past "="
                i = self._value(i, path + parts)
                i = self._ws(i, False)
                if s[i] == ",":
                    i += 1
        if c in "\"'":
            return self._string_end(i)
        while i < len(s) and s[i] not in ",]}\n#":
            i += 1
        return i

    def _scan(self) -> None:
        s, i, table = self.src, 0, ()
        aot: dict[tuple, int] = {}
        while True:
            i = self._ws(i, True)
            if i >= len(s):
                return
            if s.startswith("[[", i):
                parts, j = self._key(i + 2)
                k = aot.get(parts, 0)
                aot[parts] = k + 1
                table = parts + (k,)
                self.keys[table] = self.values[table] = i
                i = s.find("\n", j)
                i = len(s) if i < 0 else i
            elif s[i] == "[":
                parts, j = self._key(i + 1)
                table = parts
                self.keys[table] = self.values[table] = i
                i = s.find("\n", j)
                i = len(s) if i < 0 else i
            else:
                start = i
                parts, i = self._key(i)
                self.keys[table + parts] = start
                if i < len(s) and s[i] == "=":
                    i = self._ws(i + 1, False)
                    i = self._value(i, table + parts)
                else:
                    i += 1


# ---------------------------------------------------------------- loading helpers

class _File:
    """One TOML file being checked: its data, positions and the problems found."""

    def __init__(self, path: Path, shown: str, problems: list[Problem]):
        self.path, self.shown, self.problems = path, shown, problems
        self.data: dict | None = None
        self.loc: _Locator | None = None
        try:
            src = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            self.add((), "R003", "file not found", "create it, or point --rules at a full rules folder")
            return
        except (OSError, UnicodeDecodeError) as exc:
            self.add((), "R001", f"cannot read the file: {exc}", "rule files are UTF-8 text")
            return
        try:
            self.data = tomllib.loads(src)
        except tomllib.TOMLDecodeError as exc:
            m = regex.search(r"\(at line (\d+), column (\d+)\)", str(exc))
            line, col = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
            msg = regex.sub(r"\s*\(at line.*\)$", "", str(exc)) or "invalid TOML"
            self.problems.append(Problem(
                shown, line, col, "R001", f"TOML syntax error: {msg}",
                "regexes read best as literal strings '...'; strings need quotes, "
                "arrays [a, b], one key = value per line"))
            return
        self.loc = _Locator(src)

    def add(self, path: tuple, code: str, message: str, hint: str = "", value: bool = False,
            offset: int = 0) -> None:
        line, col = self.loc.at(path, value) if self.loc else (1, 1)
        self.problems.append(Problem(self.shown, line, col + offset, code, message, hint))

    def pos(self, path: tuple, value: bool = True) -> tuple[int, int]:
        return self.loc.at(path, value) if self.loc else (1, 1)


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def _check_table(f: _File, table: dict, path: tuple, allowed: dict[str, tuple[type, ...]],
                 what: str) -> dict:
    """Report unknown keys and wrong types; return the keys that are fine."""
    ok = {}
    for key, val in table.items():
        if key not in allowed:
            f.add(path + (key,), "R002", f'unknown key "{key}" in {what}'
                  + _did_you_mean(key, allowed), "allowed keys: " + ", ".join(allowed))
            continue
        types = allowed[key]
        if isinstance(val, bool) and bool not in types:
            bad = True
        else:
            bad = not isinstance(val, types)
        if bad:
            f.add(path + (key,), "R004", f'"{key}" must be {_TYPE_NAMES[types[0]]}, '
                  f"not {_toml_type(val)}", _type_hint(key), value=True)
            continue
        ok[key] = val
    return ok


def _toml_type(v: Any) -> str:
    if isinstance(v, bool):
        return "a boolean"
    if isinstance(v, str):
        return "a string"
    if isinstance(v, int):
        return "an integer"
    if isinstance(v, float):
        return "a float"
    if isinstance(v, list):
        return "an array"
    if isinstance(v, dict):
        return "a table"
    return type(v).__name__


def _type_hint(key: str) -> str:
    return {
        "patterns": "patterns = ['{NUM} morti', ...]: an array of literal strings",
        "unless": "unless = ['\\banniversario\\b']: an array of literal strings",
        "examples": "write each example as a [[examples]] table with text = \"...\"",
        "counter_examples": "write each one as a [[counter_examples]] table with text = \"...\"",
        "todo": "write each one as a [[todo]] table with text = \"...\"",
        "claims": "claims = [{value = 49, qualifier = \"at_least\"}, ...]",
        "priority": "a whole number; higher wins when two rules claim one figure",
        "label": 'label = { it = "morti", en = "deaths" }',
    }.get(key, "")


# ---------------------------------------------------------------- language data

def _load_placeholders(f: _File) -> dict[str, str]:
    """``[placeholders]`` of lang/<lang>/claims.toml: NAME -> regex piece(s)."""
    out: dict[str, str] = {}
    if f.data is None:
        return out
    for key in f.data:
        if key not in _LANG_CLAIM_KEYS:
            f.add((key,), "R002", f'unknown key "{key}" in language claim data'
                  + _did_you_mean(key, _LANG_CLAIM_KEYS), "put named pieces under [placeholders], "
                  "status cues under [status] and [status_words]")
    table = f.data.get("placeholders", {})
    if not isinstance(table, dict):
        f.add(("placeholders",), "R004", '"placeholders" must be a table', "[placeholders]")
        return out
    for name, val in table.items():
        if not regex.fullmatch(r"[A-Z][A-Z0-9_]*", name):
            f.add(("placeholders", name), "R012", f'placeholder name "{name}" must be UPPER_CASE',
                  "names are written {NAME} in patterns")
            continue
        if isinstance(val, str):
            val = [val]
        if not isinstance(val, list) or not all(isinstance(v, str) for v in val):
            f.add(("placeholders", name), "R004", f'placeholder "{name}" must be a string or '
                  "an array of strings", "KILLED = ['uccis[oiae]', 'mort[oiae]']", value=True)
            continue
        out[name] = "|".join(val)
    return out


_LANG_CLAIM_KEYS = ("placeholders", "status", "status_words", "breakdown")


def _load_breakdowns(f: _File, exp: _Expander) -> tuple[Pattern, ...]:
    """``[breakdown]`` of lang/<lang>/claims.toml: ``patterns``, each binding several
    figures with ``{NUM}``; an unclaimed figure in a match takes the metric of the
    nearest claimed one before it."""
    if f.data is None or "breakdown" not in f.data:
        return ()
    table = f.data["breakdown"]
    if not isinstance(table, dict):
        f.add(("breakdown",), "R004", '"breakdown" must be a table', "[breakdown]")
        return ()
    t = _check_table(f, table, ("breakdown",), {"patterns": (list,)}, "[breakdown]")
    return _compile_patterns(f, "breakdown", t.get("patterns", []), exp, need_num=True,
                             base=("breakdown", "patterns"))


_BACKOFF_KEYS = {"window": (int,), "before": (int,), "noun": (str,), "things": (str,), "bare": (str,),
                 "joins": (str,), "stops": (list,), "vetoes": (list,), "guards": (list,), "determiners": (list,),
                 "metrics": (dict,)}


def _reader_table(f: _File, name: str, what: str, keys: dict, optional: dict, example: str
                  ) -> dict | None:
    """The ``[name]`` table of a reader's data file (back-off, lists) with every required key,
    else None after saying what is wrong: keys besides it and its examples, no table, a key
    missing or of the wrong type (``_check_table``)."""
    if f.data is None:
        return None
    for key in f.data:
        if key not in (name, "examples", "counter_examples"):
            f.add((key,), "R002", f'unknown key "{key}" in {what}',
                  f"[{name}], [[examples]], [[counter_examples]]")
    table = f.data.get(name)
    if not isinstance(table, dict):
        f.add((name,), "R003", f"no [{name}] table", example)
        return None
    t = _check_table(f, table, (name,), {**keys, **optional}, f"[{name}]")
    missing = [k for k in keys if k not in t]
    for k in missing:
        f.add((name,), "R003", f'[{name}] has no "{k}"', "every key is required")
    return None if missing else t


def _reader_pattern(f: _File, name: str, exp: _Expander
                    ) -> Callable[[str, list[str]], Pattern | None]:
    """One pattern of a reader's key from its alternatives, compiled as rule patterns are
    (placeholders expanded; errors at ``[name] key``)."""
    def one(key: str, sources: list[str]) -> Pattern | None:
        pats = _compile_patterns(f, f"{name}.{key}", ["|".join(f"(?:{s})" for s in sources)],
                                 exp, need_num=False, base=(name, key))
        return pats[0] if pats else None
    return one


def _metric_words(f: _File, where: tuple[str, str], table: dict, metrics: Collection[str],
                  one: Callable[[str, list[str]], Pattern | None], word: Callable[[str], str],
                  example: str) -> list[tuple[str, Pattern]]:
    """A data file's table of words per metric (``[backoff] metrics``, ``[lists] nouns``), each
    metric's words compiled into one pattern (``word`` shapes one word of it); an unknown metric
    or a value that is not an array of strings is a rule problem at ``where`` + metric."""
    out: list[tuple[str, Pattern]] = []
    for metric, words in table.items():
        if metric not in metrics:
            f.add((*where, metric), "R005", f'unknown metric "{metric}"'
                  + _did_you_mean(metric, metrics), "metrics: " + ", ".join(metrics))
            continue
        if not isinstance(words, list) or not all(isinstance(x, str) for x in words):
            f.add((*where, metric), "R004", f'"{metric}" must be an array of strings',
                  example, value=True)
            continue
        p = one(f"{where[1]}.{metric}", [word(w) for w in words])
        if p is not None:
            out.append((metric, p))
    return out


def _load_backoff(f: _File, lang: str, metrics: dict[str, Metric], exp: _Expander
                  ) -> Backoff | None:
    """lang/<lang>/backoff.toml: ``[backoff]`` (the reader's words) and its
    ``[[examples]]`` / ``[[counter_examples]]``. Every key is required."""
    t = _reader_table(f, "backoff", "back-off data", _BACKOFF_KEYS, {}, "[backoff] window = 4 ...")
    if t is None:
        return None
    one = _reader_pattern(f, "backoff", exp)

    pieces = {k: one(k, [t[k]] if isinstance(t[k], str) else t[k])
              for k in ("noun", "things", "bare", "joins", "stops", "vetoes", "guards",
                        "determiners")}
    # a stem starts a word: "hospital" takes "hospitalised", never "nonhospital"
    words = _metric_words(f, ("backoff", "metrics"), t["metrics"], metrics, one,
                          lambda s: f"(?<![\\p{{L}}]){s}", "deaths = ['died', 'killed']")
    if any(p is None for p in pieces.values()):
        return None
    if "who" not in pieces["noun"].compiled.groupindex:
        f.add(("backoff", "noun"), "R003", '"noun" has no (?P<who>...) group',
              "the counted people are the claim's who")
        return None
    rules = tuple(Rule(f"{lang}/backoff", f.shown, lang, m, "the back-off reader", (p,))
                  for m, p in words)
    for k in ("window", "before"):
        if not 0 <= t[k] <= 12:
            f.add(("backoff", k), "R012", f'"{k}" must be 0 to 12 words', f"{k} = 4",
                  value=True)
            return None
    return Backoff(lang, t["window"], t["before"], tuple(words), pieces["noun"], pieces["things"],
                   pieces["bare"], pieces["joins"], pieces["stops"], pieces["vetoes"], pieces["guards"],
                   pieces["determiners"], rules,
                   _read_examples(f, f.data, "examples", "example", metrics, True),
                   _read_examples(f, f.data, "counter_examples", "counter-example", metrics,
                                  False))


_LISTS_KEYS = {"anaphoric": (list,), "named": (list,), "item": (str,), "sep": (str,),
               "last": (str,), "stops": (list,), "ones": (list,), "partitive": (str,),
               "carry": (list,), "carry_after": (str,), "nouns": (dict,)}
# keys of [lists] a language may leave out (the breakdown by place after a claimed figure)
_LISTS_OPTIONAL = {"follow": (list,), "place": (str,), "place_head": (list,)}


def _load_lists(f: _File, lang: str, metrics: dict[str, Metric], exp: _Expander
                ) -> Lists | None:
    """lang/<lang>/lists.toml: ``[lists]`` (the list reader's words) and its
    ``[[examples]]`` / ``[[counter_examples]]``. Every key is required."""
    t = _reader_table(f, "lists", "list data", _LISTS_KEYS, _LISTS_OPTIONAL, "[lists] item = '...'")
    if t is None:
        return None
    one = _reader_pattern(f, "lists", exp)

    pieces = {k: one(k, [t[k]] if isinstance(t[k], str) else t[k])
              for k in ("item", "sep", "last", "stops", "partitive", "carry",
                        "carry_after")}
    # a head ends where the first item's figure starts (or a word of one): a lazy head cut
    # short before its verb is no head ("among the missing | climbers are 14")
    ones = "|".join(regex.escape(" ".join(w.casefold().split())) for w in t["ones"]
                    if isinstance(w, str))
    first = f"(?=\\uE000|(?:{ones}) )" if ones else "(?=\\uE000)"
    for k in ("anaphoric", "named"):
        pieces[k] = one(k, [f"(?:{s}){first}" for s in t[k]])
    nouns = _metric_words(f, ("lists", "nouns"), t["nouns"], metrics, one,
                          lambda w: f"(?<![\\p{{L}}]){w}(?![\\p{{L}}])", "deaths = ['victims']")
    if any(p is None for p in pieces.values()):
        return None
    optional = {k: (one(k, [t[k]] if isinstance(t[k], str) else t[k]) if k in t else None)
                for k in _LISTS_OPTIONAL}
    if any(k in t and optional[k] is None for k in optional):
        return None
    if "who" not in pieces["item"].compiled.groupindex:
        f.add(("lists", "item"), "R003", '"item" has no (?P<who>...) group',
              "the counted people are the claim's who")
        return None
    rules = tuple(Rule(f"{lang}/lists", f.shown, lang, m, "the list reader", (pieces["item"],))
                  for m in metrics)
    return Lists(lang, pieces["anaphoric"], pieces["named"], pieces["item"], pieces["sep"],
                 pieces["last"], pieces["stops"],
                 tuple(" ".join(w.casefold().split()) for w in t["ones"]), pieces["partitive"],
                 pieces["carry"], pieces["carry_after"], tuple(nouns), rules,
                 _read_examples(f, f.data, "examples", "example", metrics, True),
                 _read_examples(f, f.data, "counter_examples", "counter-example", metrics,
                                False),
                 optional["follow"], optional["place"], optional["place_head"])


def _load_status(f: _File, exp: _Expander
                 ) -> tuple[tuple[tuple[str, Pattern], ...], tuple[tuple[str, str], ...]]:
    """``[status]`` and ``[status_words]`` of lang/<lang>/claims.toml, in STATUS_ORDER.

    ``[status]``: status -> patterns with ``{NUM}`` over the masked sentence, like a rule's
    ("altri {NUM}" is an increment); ``[status_words]``: status -> words inside the figure's
    own text, where a qualifier lives ("an estimated 700").
    """
    cues: list[tuple[str, Pattern]] = []
    words: list[tuple[str, str]] = []
    if f.data is None:
        return (), ()
    for key in ("status", "status_words"):
        table = f.data.get(key, {})
        if not isinstance(table, dict):
            f.add((key,), "R004", f'"{key}" must be a table', f"[{key}]")
            continue
        for name, val in table.items():
            if name not in STATUS_ORDER:
                f.add((key, name), "R012", f'unknown status "{name}"'
                      + _did_you_mean(name, STATUS_ORDER),
                      "statuses given by cues: " + ", ".join(STATUS_ORDER))
                continue
            if not isinstance(val, list) or not all(isinstance(v, str) for v in val):
                f.add((key, name), "R004", f'"{name}" must be an array of strings',
                      "increment = ['\\baltri {NUM}']", value=True)
                continue
            if key == "status":
                cues += [(name, p) for p in _compile_patterns(f, f"status.{name}", val, exp,
                                                              need_num=True, base=(key, name))]
            else:
                words += [(name, " ".join(w.casefold().split())) for w in val]
    rank = {s: i for i, s in enumerate(STATUS_ORDER)}
    return (tuple(sorted(cues, key=lambda c: rank[c[0]])),
            tuple(sorted(words, key=lambda w: rank[w[0]])))


def _load_sides(f: _File) -> dict[str, str]:
    """``[parties]`` of lang/<lang>/sides.toml: lower-cased word -> party id."""
    out: dict[str, str] = {}
    if f.data is None:
        return out
    for key in f.data:
        # [towns]: the context stage's words for a town's population (context/sides.py)
        if key not in ("parties", "towns"):
            f.add((key,), "R002", f'unknown key "{key}" in side words'
                  + _did_you_mean(key, ["parties", "towns"]), 'put words under [parties], e.g. armenia = ["armeni"]')
    table = f.data.get("parties", {})
    if not isinstance(table, dict):
        f.add(("parties",), "R004", '"parties" must be a table', "[parties]")
        return out
    for party, words in table.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            f.add(("parties", party), "R004", f'"{party}" must be an array of words',
                  'armenia = ["armeni", "armeno"]', value=True)
            continue
        for w in words:
            out[" ".join(w.lower().split())] = party
    return out


def _alternation(words: Iterable[str]) -> str:
    # longest first so "forze armene" wins over "forze"; words are literal, not regex
    alts = sorted({" ".join(w.split()) for w in words}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(regex.escape(w).replace(r"\ ", " ") for w in alts) + r")(?![\w])"


# ---------------------------------------------------------------- patterns

class _Expander:
    """Expands ``{NAME}`` placeholders, remembering where each came from in the source."""

    def __init__(self, pieces: dict[str, str]):
        self.pieces = pieces
        self._cache: dict[str, str] = {}

    def expand_piece(self, name: str, seen: tuple[str, ...] = ()) -> str:
        if name in self._cache:
            return self._cache[name]
        if name in seen:
            raise ValueError(f"placeholder {{{name}}} refers to itself (via {' -> '.join(seen)})")
        body = self.pieces[name]

        def sub(m: regex.Match) -> str:
            inner = m.group(1)
            if inner == NUM_GROUP:
                raise ValueError(f"placeholder {{{name}}} may not contain {{NUM}}")
            if inner not in self.pieces:
                raise ValueError(f"placeholder {{{name}}} uses unknown {{{inner}}}")
            return self.expand_piece(inner, seen + (name,))

        out = "(?:" + _PLACEHOLDER.sub(sub, body) + ")"
        self._cache[name] = out
        return out

    def expand(self, source: str) -> tuple[str, list[tuple[int, int, int, int]], list[str]]:
        """(expanded, segments (exp_start, exp_end, src_start, src_end), unknown names)."""
        out, segs, unknown, last = [], [], [], 0
        pos = 0
        for m in _PLACEHOLDER.finditer(source):
            name = m.group(1)
            out.append(source[last:m.start()])
            pos += m.start() - last
            if name == NUM_GROUP:
                rep = _NUM_EXPANSION
            elif name == ORD_PLACEHOLDER:
                rep = _ORD_EXPANSION
            elif name in self.pieces:
                rep = self.expand_piece(name)
            else:
                unknown.append(name)
                rep = "(?:)"
            segs.append((pos, pos + len(rep), m.start(), m.end()))
            out.append(rep)
            pos += len(rep)
            last = m.end()
        out.append(source[last:])
        return "".join(out), segs, unknown


def _source_offset(exp_pos: int, segs: list[tuple[int, int, int, int]]) -> int:
    """Map an offset in the expanded pattern back to the pattern as written."""
    shift = 0
    for e0, e1, s0, s1 in segs:
        if exp_pos < e0:
            break
        if exp_pos < e1:
            return s0  # inside a placeholder: point at it
        shift = s1 - e1
    return exp_pos + shift


def _compile_patterns(f: _File, key: str, sources: list, exp: _Expander,
                      need_num: bool, base: tuple | None = None) -> tuple[Pattern, ...]:
    out = []
    for i, src in enumerate(sources):
        path = (base or (key,)) + (i,)
        line, col = f.pos(path)
        status = None
        if key == "patterns" and isinstance(src, dict):
            # a pattern with its own status: {pattern = '...', status = "increment"}
            t = _check_table(f, src, path, _PATTERN_TABLE_KEYS, "a pattern table")
            status = t.get("status")
            if status is not None and status not in STATUSES:
                f.add(path + ("status",), "R012", f'unknown status "{status}"'
                      + _did_you_mean(status, STATUSES), "statuses: " + ", ".join(STATUSES),
                      value=True)
                continue
            if "pattern" not in t:
                f.add(path, "R003", f"pattern table {i + 1} has no \"pattern\"",
                      "{pattern = '{NUM} more bodies', status = \"increment\"}")
                continue
            src = t["pattern"]
            path = path + ("pattern",)
            line, col = f.pos(path)
        if not isinstance(src, str):
            f.add(path, "R004", f"{key} item {i + 1} must be a string, not {_toml_type(src)}",
                  _type_hint(key), value=True)
            continue
        names = _PLACEHOLDER.findall(src)
        if need_num and NUM_GROUP not in names and ORD_PLACEHOLDER not in names:
            f.add(path, "R007", f"pattern {i + 1} has no {{NUM}}",
                  "a pattern binds one figure with {NUM}, e.g. '{NUM} morti'", value=True)
            continue
        if not need_num and (NUM_GROUP in names or ORD_PLACEHOLDER in names):
            f.add(path, "R012", f"unless pattern {i + 1} uses {{NUM}}",
                  "a veto need not bind a figure; use {QTY} for any number", value=True)
            continue
        try:
            expanded, segs, unknown = exp.expand(src)
        except ValueError as exc:
            f.add(path, "R008", str(exc), "fix the piece in lang/<lang>/claims.toml", value=True)
            continue
        if unknown:
            for name in unknown:
                off = src.find("{" + name + "}")
                f.add(path, "R008", f"unknown placeholder {{{name}}}"
                      + _did_you_mean(name, list(exp.pieces) + [NUM_GROUP, ORD_PLACEHOLDER]),
                      "placeholders come from [placeholders] in lang/<lang>/claims.toml "
                      "and sides.toml ({SIDE}, {BOTH}); {NUM} binds the figure",
                      value=True, offset=1 + off)
            continue
        try:
            compiled = regexcache.compile(expanded, FLAGS)
        except regex.error as exc:
            at = _source_offset(exc.pos or 0, segs) if exc.pos is not None else 0
            f.add(path, "R006", f"{key} item {i + 1} does not compile: {exc.msg} at "
                  f"character {at + 1} of the pattern",
                  "check brackets and escapes; literal strings '...' need no doubled backslashes",
                  value=True, offset=1 + at)
            continue
        bad = [g for g in compiled.groupindex if g not in GROUPS and g != NUM_GROUP]
        if bad:
            for g in bad:
                f.add(path, "R009", f'unknown group name "{g}"' + _did_you_mean(g, GROUPS),
                      "named groups: (?P<who>...) the counted people, (?P<side>...) their side, "
                      "(?P<whole>...) in a breakdown, the total named after its parts",
                      value=True)
            continue
        if need_num and NUM_GROUP not in compiled.groupindex:
            f.add(path, "R007", f"pattern {i + 1} has no {{NUM}}", "", value=True)
            continue
        pre = regexcache.derived(prefilter.VERSION, expanded, prefilter.prefilter)
        out.append(Pattern(src, expanded, compiled, i + 1, line, col, pre, status=status))
    return tuple(out)


# ---------------------------------------------------------------- rule files

def _read_examples(f: _File, data: dict, key: str, kind: str, metrics: dict[str, Metric],
                   need_claims: bool) -> tuple[Example, ...]:
    out = []
    for i, ex in enumerate(data.get(key, [])):
        path = (key, i)
        if not isinstance(ex, dict):
            f.add(path, "R004", f"{key} item {i + 1} must be a table", _type_hint(key), value=True)
            continue
        ex = _check_table(f, ex, path, _EXAMPLE_KEYS, f"[[{key}]]")
        if "text" not in ex:
            f.add(path, "R003", f'{kind} {i + 1} has no "text"', 'text = "the sentence"')
            continue
        claims = None
        if "claims" in ex:
            claims = []
            for j, c in enumerate(ex["claims"]):
                cpath = path + ("claims", j)
                if not isinstance(c, dict):
                    f.add(cpath, "R004", "each expected claim must be an inline table",
                          _type_hint("claims"), value=True)
                    continue
                c = _check_table(f, c, cpath, _CLAIM_KEYS, "an expected claim")
                if "metric" in c and c["metric"] not in metrics:
                    f.add(cpath + ("metric",), "R005", f'unknown metric "{c["metric"]}"'
                          + _did_you_mean(c["metric"], metrics),
                          "metrics: " + ", ".join(metrics), value=True)
                if "status" in c and c["status"] not in STATUSES:
                    f.add(cpath + ("status",), "R012", f'unknown status "{c["status"]}"'
                          + _did_you_mean(c["status"], STATUSES),
                          "statuses: " + ", ".join(STATUSES), value=True)
                if "qualifier" in c and c["qualifier"] not in QUALIFIERS:
                    f.add(cpath + ("qualifier",), "R012", f'unknown qualifier "{c["qualifier"]}"'
                          + _did_you_mean(c["qualifier"], QUALIFIERS),
                          "qualifiers: " + ", ".join(QUALIFIERS), value=True)
                for b in ("low", "high"):
                    if isinstance(c.get(b), str) and c[b] != "open":
                        f.add(cpath + (b,), "R012", f'"{b}" must be a number or "open"',
                              f'{b} = "open" means no bound', value=True)
                claims.append(c)
            if kind == "counter-example":
                f.add(path + ("claims",), "R002", "a counter-example expects no claim of its "
                      "metric: it takes no \"claims\"", "move it to [[examples]]")
        elif need_claims:
            f.add(path, "R003", f'{kind} {i + 1} has no "claims"',
                  'claims = [{value = 49}] lists what the rules must find')
        line, _ = f.pos(path, value=False)
        out.append(Example(kind, i + 1, ex["text"], tuple(claims) if claims is not None else None,
                           ex.get("note"), line))
    return tuple(out)


def _read_rule(f: _File, rule_id: str, lang: str, metrics: dict[str, Metric],
               exp: _Expander) -> Rule | None:
    if f.data is None:
        return None
    data = _check_table(f, f.data, (), _RULE_KEYS, "a rule file")
    for key in _REQUIRED_RULE_KEYS:
        if key not in f.data:
            f.add((), "R003", f'missing key "{key}"', {
                "metric": 'metric = "deaths" (one of: ' + ", ".join(metrics) + ")",
                "description": 'description = "what this rule finds, in one sentence"',
                "patterns": "patterns = ['{NUM} morti']",
            }[key])
    metric = data.get("metric")
    if metric is not None and metric not in metrics:
        f.add(("metric",), "R005", f'unknown metric "{metric}"' + _did_you_mean(metric, metrics),
              "metrics are listed in metrics.toml: " + ", ".join(metrics), value=True)
    if "patterns" in data and not data["patterns"]:
        f.add(("patterns",), "R003", "patterns is empty", "add at least one pattern with {NUM}",
              value=True)
    patterns = _compile_patterns(f, "patterns", data.get("patterns", []), exp, need_num=True)
    unless = _compile_patterns(f, "unless", data.get("unless", []), exp, need_num=False)
    examples = _read_examples(f, data, "examples", "example", metrics, need_claims=True)
    counters = _read_examples(f, data, "counter_examples", "counter-example", metrics, False)
    todo = _read_examples(f, data, "todo", "todo", metrics, need_claims=False)
    if any(p.path == f.shown for p in f.problems):
        return None
    return Rule(rule_id, f.shown, lang, metric, data["description"], patterns, unless,
                data.get("priority", 0), data.get("share_qualifier", True),
                examples, counters, todo)


def _load_metrics(f: _File) -> dict[str, Metric]:
    out: dict[str, Metric] = {}
    if f.data is None:
        return out
    for name, table in f.data.items():
        if not isinstance(table, dict):
            f.add((name,), "R004", f'metric "{name}" must be a table', f"[{name}]")
            continue
        t = _check_table(f, table, (name,), _METRIC_KEYS, f"metric [{name}]")
        for key in ("cumulative", "description"):
            if key not in table:
                f.add((name,), "R003", f'metric "{name}" has no "{key}"', _type_hint(key))
        out[name] = Metric(name, bool(t.get("cumulative", False)), dict(t.get("label", {})),
                           t.get("description", ""))
    return out


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def rule_files(root: Path) -> list[Path]:
    """Every rule file under ``root/claims``, sorted."""
    return sorted((root / "claims").glob("*/*.toml"))


def check_rules(root: Path | None = None, files: Sequence[Path] = (),
                timeout: float = DEFAULT_TIMEOUT) -> tuple[RuleSet | None, list[Problem]]:
    """Load and validate a rules folder (plus extra rule ``files``).

    Returns the rule set, or None when any problem was found, and every problem
    in every file, sorted by file and position.
    """
    root = Path(root) if root else rules_dir()
    problems: list[Problem] = []
    metrics = _load_metrics(_File(root / "metrics.toml", _shown(root / "metrics.toml"), problems))
    expanders: dict[str, _Expander] = {}
    sides: dict[str, dict[str, str]] = {}
    status_cues: dict[str, tuple[tuple[str, Pattern], ...]] = {}
    status_words: dict[str, tuple[tuple[str, str], ...]] = {}
    breakdowns: dict[str, tuple[Pattern, ...]] = {}
    backoff: dict[str, Backoff] = {}
    lists: dict[str, Lists] = {}
    for lang in LANGS:
        ldir = root / "lang" / lang
        pieces: dict[str, str] = {}
        cfile = ldir / "claims.toml"
        cf = _File(cfile, _shown(cfile), problems) if cfile.exists() else None
        if cf is not None:
            pieces = _load_placeholders(cf)
        sfile = ldir / "sides.toml"
        words = _load_sides(_File(sfile, _shown(sfile), problems)) if sfile.exists() else {}
        # party words come from rules/parties.toml (the one owner); sides.toml adds {BOTH}
        words = {**{" ".join(w.lower().split()): p for w, p in reversed(
            load_parties(root).words(lang, ("people", "groups", "names")))}, **words}
        sides[lang] = words
        party_words = [w for w, p in words.items() if p != "total"]
        pieces.setdefault("SIDE", _alternation(party_words) if party_words else "(?!)")
        both = [w for w, p in words.items() if p == "total"]
        pieces.setdefault("BOTH", _alternation(both) if both else "(?!)")
        pieces["QTY"] = _QTY_EXPANSION
        expanders[lang] = _Expander(pieces)
        if cf is not None:
            status_cues[lang], status_words[lang] = _load_status(cf, expanders[lang])
            breakdowns[lang] = _load_breakdowns(cf, expanders[lang])
        # the readers' patterns use claims.toml's pieces: a claims.toml that does not parse
        # is the one error, not every piece the back-off or the lists name
        readers: tuple[tuple[str, Callable[..., Any], dict[str, Any]], ...] = (
            ("backoff", _load_backoff, backoff), ("lists", _load_lists, lists))
        for name, load, into in readers:
            rfile = ldir / f"{name}.toml"
            if rfile.exists() and (cf is None or cf.data is not None):
                got = load(_File(rfile, _shown(rfile), problems), lang, metrics, expanders[lang])
                if got is not None:
                    into[lang] = got
    paths: dict[str, Path] = {}
    for p in list(rule_files(root)) + [Path(x) for x in files]:
        paths[str(p.resolve())] = p
    rules: list[Rule] = []
    ids: dict[str, str] = {}
    for p in paths.values():
        shown = _shown(p)
        lang = p.parent.name
        f = _File(p, shown, problems)
        if lang not in LANGS:
            problems.append(Problem(shown, 1, 1, "R010", f'rule file is not under claims/<lang>/ '
                                    f'(its folder is "{lang}")',
                                    "put it in claims/" + "/ or claims/".join(LANGS) + "/"))
            continue
        rule_id = f"{lang}/{p.stem}"
        rule = _read_rule(f, rule_id, lang, metrics, expanders[lang])
        if rule is None:
            continue
        if rule_id in ids and ids[rule_id] != shown:
            # an extra file with the id of a folder rule replaces it (test a draft in place)
            rules = [r for r in rules if r.id != rule_id]
        ids[rule_id] = shown
        rules.append(rule)
    problems.sort()
    if problems:
        # a syntax error in a language file first, what only follows from it in one line
        return None, causes_first(problems)
    return RuleSet(root, metrics, tuple(rules), sides, timeout, status_cues=status_cues,
                   status_words=status_words, breakdowns=breakdowns, backoff=backoff, lists=lists), problems


def load_rules(root: Path | None = None, files: Sequence[Path] = (),
               timeout: float = DEFAULT_TIMEOUT) -> RuleSet:
    """The validated rule set of ``root`` (default: :func:`rules_dir`).

    Raises :class:`RuleError` listing every problem in every file. A rules folder that
    validated before, with the same files byte for byte, is read back from the cache
    (:func:`_cache_path`) instead of being checked again: a draft check starts faster.
    """
    root = Path(root) if root else rules_dir()
    cache = None if files else _cache_path(root)
    if cache is not None:
        cached = _read_cached(cache, timeout)
        if cached is not None:
            return cached
    ruleset, problems = check_rules(root, files, timeout)
    if ruleset is None:
        raise RuleError([str(p) for p in problems])
    if cache is not None:
        _write_cached(cache, ruleset)
    return ruleset


# ---------------------------------------------------------------- validated rule sets, cached
# Checking a rules folder (TOML, positions for messages, placeholders, every pattern) costs
# ~0.25 s, a third of a draft check. A folder that passed is pickled next to the compiled
# patterns, keyed by everything the result depends on: the files' bytes and names, the code
# that builds it, the working directory (rule paths are shown relative to it) and the
# versions. Compiled patterns are not pickled; they come back from factcheck.regexcache.

_CACHE_FORMAT = "ruleset-1"
_CACHE_KEEP = 8  # rule-set files kept in the cache folder (the most recent)


def _cache_path(root: Path) -> Path | None:
    """The cache file for the rules under ``root`` as they are now (None: unreadable)."""
    import hashlib
    import os
    import sys

    h = hashlib.sha256(f"{_CACHE_FORMAT}\0{sys.version}\0{regex.__version__}\0"
                       f"{os.getcwd()}\0{root.resolve()}\0".encode())
    try:
        for code in (__file__, prefilter.__file__):  # the code that builds a RuleSet
            h.update(Path(code).read_bytes())
        for f in sorted(root.rglob("*.toml")):
            h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    except OSError:
        return None  # let the normal check report what cannot be read
    return regexcache.cache_dir() / f"ruleset-{h.hexdigest()[:24]}.pickle"


def _read_cached(path: Path, timeout: float) -> RuleSet | None:
    import pickle

    try:
        ruleset = pickle.loads(path.read_bytes())
    except Exception:  # missing, stale or damaged: validate afresh
        return None
    if not isinstance(ruleset, RuleSet):
        return None
    ruleset.timeout = timeout
    ruleset.timeouts = {}
    return ruleset


def _write_cached(path: Path, ruleset: RuleSet) -> None:
    """Store ``ruleset`` atomically; silently skipped when the folder is not writable."""
    import os
    import pickle
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".ruleset-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(ruleset, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        old = sorted(path.parent.glob("ruleset-*.pickle"), key=lambda p: p.stat().st_mtime)
        for stale in old[:-_CACHE_KEEP]:
            stale.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        return


# ---------------------------------------------------------------- running examples

@dataclass(frozen=True)
class ExampleResult:
    """The outcome of one example: ``status`` is pass, fail, xfail (a todo still missed)
    or xpass (a todo that now passes: move it to [[examples]])."""

    rule: Rule
    example: Example
    status: str
    detail: str = ""

    @property
    def test_id(self) -> str:
        return self.example.test_id(self.rule.id)

    @property
    def ok(self) -> bool:
        return self.status in ("pass", "xfail")


def describe_claim(c: Any) -> str:
    """A claim in one line, for messages: 49 (at_least, 49..open) who='soldati armeni'."""
    q = c.quantity

    def b(x: float | None) -> str:
        return "open" if x is None else f"{x:g}"

    out = f"{c.metric} {q.text!r} = {b(q.value)} ({q.qualifier}, {b(q.low)}..{b(q.high)})"
    if c.who:
        out += f" who={c.who!r}"
    if c.side:
        out += f" side={c.side!r}"
    if getattr(c, "status", "counted") != "counted":
        out += f" status={c.status!r}"
    return out + f" by {c.rule}"


def _claim_differs(c: Any, want: dict[str, Any], default_metric: str) -> list[str]:
    q = c.quantity
    diffs = []
    if c.metric != want.get("metric", default_metric):
        diffs.append(f"metric {c.metric!r} != {want.get('metric', default_metric)!r}")
    for key, expected in want.items():
        if key == "metric":
            continue
        if key in ("value", "low", "high"):
            got = getattr(q, key)
            exp = None if expected == "open" else float(expected)
            same = (got is None and exp is None) or (
                got is not None and exp is not None and abs(float(got) - exp) < 1e-6)
        else:
            got = {"qualifier": q.qualifier, "text": q.text, "who": c.who, "side": c.side,
                   "status": c.status}[key]
            same = got == expected
        if not same:
            diffs.append(f"{key} {got!r} != {expected!r}")
    return diffs


def check_example(ruleset: RuleSet, rule: Rule, ex: Example) -> tuple[bool, str]:
    """Run one example through all the rules of its language: (passed, what differed)."""
    from .pipeline import claims_in_text

    before = dict(ruleset.timeouts)
    claims, _ = claims_in_text(ex.text, rule.lang, ruleset, doc=ex.test_id(rule.id))
    slow = [k for k, n in ruleset.timeouts.items() if before.get(k) != n]
    if slow:
        return False, "R011 " + ", ".join(f"{rid} {what}" for rid, what in slow) + \
            f" timed out (> {ruleset.timeout:g} s); make it less ambiguous"
    mine = [c for c in claims if c.metric == rule.metric]
    if ex.kind == "counter-example":
        if mine:
            return False, "claimed " + "; ".join(describe_claim(c) for c in mine)
        return True, ""
    if ex.claims is None:  # a todo without expected claims: any claim of the metric
        return (True, "") if mine else (False, f"no {rule.metric} claim")
    metrics = {w.get("metric", rule.metric) for w in ex.claims} | {rule.metric}
    got = sorted((c for c in claims if c.metric in metrics), key=lambda c: c.start)
    problems = []
    if len(got) != len(ex.claims):
        problems.append(f"expected {len(ex.claims)} claim(s), got {len(got)}")
    for i, want in enumerate(ex.claims):
        if i >= len(got):
            problems.append(f"claim {i + 1} missing: {want}")
            continue
        diffs = _claim_differs(got[i], want, rule.metric)
        if diffs:
            problems.append(f"claim {i + 1}: " + ", ".join(diffs))
    if problems:
        found = "; ".join(describe_claim(c) for c in got) or "nothing"
        return False, " | ".join(problems) + f" | found: {found}"
    return True, ""


def run_examples(ruleset: RuleSet, only: Iterable[str] | None = None) -> list[ExampleResult]:
    """Run every example, counter-example and todo (of the rules whose id is in ``only``)."""
    wanted = set(only) if only is not None else None
    out = []
    for rule in sorted(ruleset.rules, key=lambda r: r.id):
        if wanted is not None and rule.id not in wanted:
            continue
        for ex in rule.all_examples:
            passed, detail = check_example(ruleset, rule, ex)
            if ex.kind == "todo":
                status = "xpass" if passed else "xfail"
                detail = "todo now passes: move it to [[examples]]" if passed else detail
            else:
                status = "pass" if passed else "fail"
            out.append(ExampleResult(rule, ex, status, detail))
    return out
