"""Who a figure is attributed to.

Attribution cues are language data (``context.toml`` [sources]): a cue before the source
("secondo il governo armeno", "scrive Reuters", "according to the Health Ministry") or the
source before its verb ("il ministero della Difesa azero ha detto", "Azerbaijan said").
The cue nearest the figure in its own sentence wins; else a cue in the next sentence
("... sono morti martedì. Questi sono i combattimenti più sanguinosi, scrive Reuters."),
else in the previous one. Without a cue the figure is the outlet's own.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

import regex

from .lexicon import Lexicon
from .words import present_keys

_SPACES = regex.compile(r"\s+")
# a source is a name, not a clause: trailing function words are cut
_TRAIL = regex.compile(r"[\s,.;:'’]+$")
# how far before its verb a source's noun phrase may start
_NP_WINDOW = 160
_END = " \t\n.!?…»”\"'’)"


def _clean(src: str, lex: Lexicon) -> str | None:
    """The source for display: spaces collapsed, prefixes stripped ("agenzia Afp" -> "AFP")."""
    s = _SPACES.sub(" ", src).strip()
    s = _TRAIL.sub("", s)
    if lex.source_strip is not None:
        m = lex.source_strip.match(s)
        if m and m.end() < len(s):
            s = s[m.end():]
    if not s:
        return None
    return lex.source_names.get(s.lower(), s)


def find_sources(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """Every attribution in ``text``: (cue start, cue end, source), in order."""
    if not lex.source_trigger.may_match(text):
        return []
    # only the cues whose own keys are in the text (the same attributions: the order of
    # the runs does not matter, the result is sorted)
    present = present_keys(text, lex.source_keys)
    out: list[tuple[int, int, str]] = []
    for pattern, trigger in zip(lex.source_cues, lex.source_cue_triggers, strict=True):
        if not trigger.fires(present):
            continue
        for m in pattern.finditer(text):
            _add(out, m, lex)
    for pattern, verb, trigger in zip(lex.source_subject_cues, lex.source_subject_verbs,
                                      lex.source_subject_triggers, strict=True):
        if not trigger.fires(present):
            continue
        if verb is None:
            for m in pattern.finditer(text):
                _add(out, m, lex)
            continue
        for v in verb.finditer(text):
            m = pattern.search(text, max(0, v.start() - _NP_WINDOW), v.end())
            if m is not None and m.end() == v.end():
                _add(out, m, lex)
    return sorted(set(out))


def _add(out: list[tuple[int, int, str]], m: regex.Match, lex: Lexicon) -> None:
    src = _clean(m.group("src"), lex)
    if src:
        out.append((m.start(), m.end(), src))


def _distance(span: tuple[int, int, str], start: int, end: int) -> int:
    s, e, _ = span
    if e <= start:
        return start - e
    if s >= end:
        return s - end
    return 0


def source_of(texts: Sequence[str], index: int, start: int, end: int, lex: Lexicon,
              found: Callable[[int], list[tuple[int, int, str]]] | None = None,
              claimed: Collection[int] = ()) -> str | None:
    """The source of a figure at ``texts[index][start:end]``; ``texts`` are the article's
    sentences (the next one is read when the figure's own sentence names nobody and the
    next one makes no claim of its own: ``claimed`` are the indexes of sentences that do).
    ``found(i)`` may memoise :func:`find_sources` of sentence ``i``."""
    found = found or (lambda i: find_sources(texts[i], lex))
    own = found(index)
    if own:
        return min(own, key=lambda s: (_distance(s, start, end), s[0]))[2]
    if index + 1 < len(texts) and index + 1 not in claimed:
        # a trailing attribution of the next sentence ("Questi sono i combattimenti più
        # sanguinosi, scrive Reuters.") covers what came before it; one inside the
        # sentence belongs to that sentence's own figures
        nxt = len(texts[index + 1].rstrip(_END))
        trailing = [s for s in found(index + 1) if s[1] >= nxt]
        if trailing:
            return trailing[-1][2]
    return None


def source_party(source: str | None, lex: Lexicon) -> str | None:
    """The party a source speaks for: the one party its words name ("il ministero della
    Difesa russo", "Kyiv", "Peskov"); None when it names none or several ("colloqui tra
    Armenia e Azerbaigian")."""
    if not source:
        return None
    found = lex.source_parties.values(source)
    return found.pop() if len(found) == 1 else None


def source_type(source: str | None, source_kind: str | None, lex: Lexicon) -> str | None:
    """What kind of source this is: ``rescue``, ``international``, ``ngo``, ``military``,
    ``government`` or ``media``; the outlet itself is media; a source that names a party
    and nothing else ("Baku", "Kyiv") is its government; None when unknown.

    The kinds and their words are language data (``context.toml`` [source_types]); the
    first kind in file order whose words the source contains wins, so "la Protezione civile
    regionale" is rescue and "il ministero della Difesa" military before government.
    """
    if not source:
        return None
    if source_kind == "outlet":
        return "media"
    kinds = lex.source_types.values(source)
    for kind in lex.source_type_order:
        if kind in kinds:
            return kind
    if source_party(source, lex) is not None:
        return "government"
    return None
