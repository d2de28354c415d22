"""What happened: event types found from trigger words (``rules/event_types.toml``).

A sentence that holds a trigger ("alluvione", "landslide", "missile strike") is about an
event of that type. Each type also says how far apart in space (``reach_km``) and time
(``window_days``) two reports may be and still be one event, and which other types the
same event is reported as (a storm's floods): :mod:`.merge` uses those.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from ..errors import FactcheckError
from ..langdata import LANGS
from ..paths import rules_dir

_FLAGS = regex.IGNORECASE | regex.VERSION0
_LEFT = r"(?<![\p{L}\p{N}])"
_RIGHT = r"(?![\p{L}\p{N}])"


@dataclass(frozen=True)
class EventType:
    """One kind of event and how widely one such event spreads."""

    id: str
    name: dict[str, str]
    reach_km: float
    window_days: int
    compatible: frozenset[str]

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
class Vocabulary:
    """Every event type, with one compiled trigger pattern per language."""

    types: dict[str, EventType]
    triggers: dict[str, regex.Pattern]  # lang -> alternation of named groups, one per type
    unless: dict[str, dict[str, regex.Pattern]]  # lang -> type -> veto
    group_type: dict[str, str]  # group name -> type id
    examples: tuple[TypeExample, ...] = ()

    def find(self, text: str, lang: str) -> list[tuple[int, int, str]]:
        """(start, end, type) of every trigger in ``text``, in order; a type whose
        ``unless`` matches the text is left out."""
        rx = self.triggers.get(lang)
        if rx is None:
            return []
        out = []
        vetoed: dict[str, bool] = {}
        for m in rx.finditer(text):
            t = self.group_type[m.lastgroup]
            if t not in vetoed:
                veto = self.unless.get(lang, {}).get(t)
                vetoed[t] = veto is not None and veto.search(text) is not None
            if not vetoed[t]:
                out.append((m.start(), m.end(), t))
        return out

    def find_each(self, texts: list[str] | tuple[str, ...], lang: str
                  ) -> list[list[tuple[int, int, str]]]:
        """:meth:`find` of each text, from one scan of the texts joined by newlines (a
        trigger never spans a newline); each text's vetoes are its own."""
        from bisect import bisect_right

        out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        rx = self.triggers.get(lang)
        if rx is None:
            return out
        starts, at = [], 0
        for t in texts:
            starts.append(at)
            at += len(t) + 1
        for m in rx.finditer("\n".join(texts)):
            i = bisect_right(starts, m.start()) - 1
            out[i].append((m.start() - starts[i], m.end() - starts[i],
                           self.group_type[m.lastgroup]))
        vetoes = self.unless.get(lang, {})
        for i, found in enumerate(out):
            kinds = {t for _, _, t in found if t in vetoes}
            vetoed = {t for t in kinds if vetoes[t].search(texts[i])}
            if vetoed:
                out[i] = [f for f in found if f[2] not in vetoed]
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

    def reach_km(self, *types: str) -> float:
        """The narrowest reach of ``types``: a quake's region never stretches a collapse."""
        return min((self.types[t].reach_km for t in types if t in self.types), default=0.0)

    def window_days(self, *types: str) -> int:
        return max((self.types[t].window_days for t in types if t in self.types), default=14)


def types_file(root: Path | None = None) -> Path:
    return (root or rules_dir()) / "event_types.toml"


def _alternation(path: Path, tid: str, lang: str, patterns) -> str:
    for p in patterns:
        try:
            regex.compile(p, _FLAGS)
        except regex.error as exc:
            raise FactcheckError(f"{path}: types.{tid}.{lang}: bad regex {p!r}: {exc}") from None
    # longest first, so "missile strike" wins over "missile"
    return "|".join(sorted(patterns, key=lambda p: (-len(p), p)))


@lru_cache(maxsize=None)
def vocabulary(root: Path | None = None) -> Vocabulary:
    """The event types of ``<root>/event_types.toml`` (cached); an absent file is none."""
    path = types_file(root)
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        data = {}
    except tomllib.TOMLDecodeError as exc:
        raise FactcheckError(f"{path}: invalid TOML: {exc}") from None
    types: dict[str, EventType] = {}
    parts: dict[str, list[str]] = {lang: [] for lang in LANGS}
    unless: dict[str, dict[str, regex.Pattern]] = {lang: {} for lang in LANGS}
    group_type: dict[str, str] = {}
    examples: list[TypeExample] = []
    for tid, entry in data.get("types", {}).items():
        if not regex.fullmatch(r"[a-z][a-z0-9-]*", tid):
            raise FactcheckError(f"{path}: types.{tid}: an id is lower-case letters, digits, '-'")
        try:
            types[tid] = EventType(tid, dict(entry.get("name", {})),
                                   float(entry.get("reach_km", 0)),
                                   int(entry.get("window_days", 14)),
                                   frozenset(entry.get("compatible", ())))
        except (TypeError, ValueError) as exc:
            raise FactcheckError(f"{path}: types.{tid}: {exc}") from None
        group = "t_" + tid.replace("-", "_")
        group_type[group] = tid
        for lang in LANGS:
            if entry.get(lang):
                parts[lang].append(f"(?P<{group}>{_alternation(path, tid, lang, entry[lang])})")
        for p in entry.get("unless", ()):
            alt = _alternation(path, tid, "unless", [p])
            for lang in LANGS:
                old = unless[lang].get(tid)
                src = f"{old.pattern}|" if old is not None else ""
                unless[lang][tid] = regex.compile(src + _LEFT + f"(?:{alt})" + _RIGHT, _FLAGS)
        for key, expected in (("examples", True), ("counter_examples", False)):
            for x in entry.get(key, ()):
                examples.append(TypeExample(tid, x["text"], x.get("lang", "it"), expected))
    for tid, t in types.items():
        unknown = t.compatible - types.keys()
        if unknown:
            raise FactcheckError(f"{path}: types.{tid}.compatible: unknown type(s) "
                                 f"{', '.join(sorted(unknown))}")
    triggers = {lang: regex.compile(_LEFT + "(?:" + "|".join(ps) + ")" + _RIGHT, _FLAGS)
                for lang, ps in parts.items() if ps}
    return Vocabulary(types, triggers, unless, group_type, tuple(examples))


def run_type_example(x: TypeExample, root: Path | None = None) -> str | None:
    """The problem with an example, or None when it passes."""
    found = {t for _, _, t in vocabulary(root).find(x.text, x.lang)}
    if x.expected and x.type not in found:
        return f"{x.label}: no trigger of {x.type} found"
    if not x.expected and x.type in found:
        return f"{x.label}: a trigger of {x.type} was found"
    return None
