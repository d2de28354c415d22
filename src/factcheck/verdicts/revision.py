"""Whether a figure's own sentence announces a revision ("the toll was revised to 97", "a
seguito di una correzione", "sono stati 2.975 e non 64"). The cues are regexes per language
(``[corrections.cues]`` in verdicts.toml, with examples), compiled once per configuration.
Read by the timeline (a revised figure is a correction, not a fall nor an update) and by
the correction verdict. And whether a figure is told as the one first given
(``[corrections.originals]``: "the nearly 500 deaths officials originally reported"): a
count its report says was replaced, which its article's other figures revise."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import regex

from .. import regexcache

if TYPE_CHECKING:  # the figure module reads :func:`told_first` when it builds a figure
    from ..model import Claim
    from .figure import Figure


def revised(f: Figure, cfg: dict) -> bool:
    """Whether a figure's own sentence announces a revision."""
    cues = correction_cues(cfg)
    return any(c.quote and (rx := cues.get(c.lang)) is not None and rx.search(c.quote)
               for c in f.claims)


_cue_memo: dict[tuple[int, str], tuple[dict, dict]] = {}


def _cues(cfg: dict, key: str) -> dict[str, Any]:
    """``[corrections.<key>] <lang> = [regex, ...]`` of verdicts.toml, compiled once per
    config, one pattern per language."""
    hit = _cue_memo.get((id(cfg), key))
    if hit is None or hit[0] is not cfg:
        # the disk cache: compiling these cues is a fifth of a draft check's start-up
        cues = {lang: regexcache.compile("|".join(f"(?:{p})" for p in pats), regex.I | regex.V1)
                for lang, pats in cfg.get("corrections", {}).get(key, {}).items() if pats}
        hit = _cue_memo[(id(cfg), key)] = (cfg, cues)
    return hit[1]


def correction_cues(cfg: dict) -> dict[str, Any]:
    """The cues of a figure's own sentence announcing a revision (``[corrections.cues]``)."""
    return _cues(cfg, "cues")


def original_cues(cfg: dict) -> dict[str, Any]:
    """The cues of a figure told as the one first given (``[corrections.originals]``)."""
    return _cues(cfg, "originals")


def original_before_cues(cfg: dict) -> dict[str, Any]:
    """The cues, right before its number, of a figure told as the one first given
    (``[corrections.originals_before]``: "erano inizialmente 16")."""
    return _cues(cfg, "originals_before")


# how far after its number a figure's clause may name it the first one given
_ORIGINAL_REACH = 80


def told_first(c: Claim, cfg: dict) -> bool:
    """Whether a claim is told as the figure first given, since replaced: its sentence names
    it so right after its number, before any other number ("far fewer than the nearly 500
    deaths that officials originally described", "i 30 morti indicati in un primo
    momento"), or names it so right before it, after any other number ("i feriti sono 15,
    erano inizialmente 16"). Such a figure is no count of its report's day: its article's
    other figures of the group revise it (:mod:`.timeline`)."""
    # an archive sketch has no words (its quote is empty): never told first there
    if not c.quote:
        return False
    lang = getattr(c, "lang", None)
    rx = original_cues(cfg).get(lang)
    if rx is not None:
        end = max(0, c.quantity.end - c.quote_start)
        after = c.quote[end:end + _ORIGINAL_REACH]
        nxt = _DIGITS.search(after)
        if rx.search(after[:nxt.start()] if nxt else after) is not None:
            return True
    # or right before its number, after any other number ("15 (erano inizialmente 16")
    rx = original_before_cues(cfg).get(lang)
    if rx is None:
        return False
    start = max(0, c.quantity.start - c.quote_start)
    before = c.quote[max(0, start - _ORIGINAL_REACH):start]
    last = None
    for last in _DIGITS.finditer(before):
        pass
    return rx.search(before[last.end():] if last else before) is not None


# a number written with digits, its thousands separators included ("2.975", "2,975", "6'500")
_DIGITS = regexcache.compile(r"\d{1,3}(?:[.,'’ ]\d{3})+(?!\d)|\d+")


def named_numbers(f: Figure) -> frozenset[float]:
    """The whole numbers written in digits in a figure's sentences: a revision often names
    the figure it replaces ("down from 115", "e non 64", "from 39 to 38")."""
    return frozenset(float(regex.sub(r"\D", "", m)) for c in f.claims if c.quote
                     for m in _DIGITS.findall(c.quote))
