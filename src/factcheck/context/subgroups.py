"""Which part of the people a figure counts (its subgroup), and which figure it is part of.

The vocabulary is data (``rules/lang/<lang>/subgroups.toml`` [subgroups]): civilians,
military, children, women, men, elderly, foreigners, medical, journalists, police, rescuers,
guests, staff, and ``nationality:<party>`` from the demonyms of ``rules/parties.toml`` (in
an article about a disaster: in a war a nationality is a side, see ``sides``).

A figure is a part of an earlier figure of the same metric in its article when a part cue
ties them ([parts]): between the two ("25 morti, di cui 4 bambini", "including 12
children", a colon before a breakdown "30 vittime: 16 uomini, 9 donne e 5 minori"), or
before the part, naming the whole ("Tra le vittime ci sono 9 donne", "Of the dead, 30 were
soldiers"). A part is never larger than its whole, and the items of a breakdown share one
whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import regex

from ..errors import FactcheckError
from ..langdata import load_lang
from ..model import Claim
from .lexicon import Lexicon
from .words import WordIndex

NATIONALITY = "nationality:"
_AREA = "area:"  # the side of one place of a breakdown by place (see context.area_of)
# how far after a figure its counted group's words may run ("4 bambini", "30 were soldiers",
# "6 erano ospiti di una casa di riposo")
_AFTER = 40
# how many sentences back a "before" cue may find the whole ("Tra le vittime ...")
_BACK = 2


@dataclass(frozen=True)
class SubgroupData:
    """The compiled subgroup data of one language."""

    words: WordIndex  # word -> subgroup id
    between: regex.Pattern | None
    before: regex.Pattern | None
    # right before a whole whose parts follow it ("delle 29 vittime, 15 sono uomini")
    whole_first: regex.Pattern | None = None
    # right after a part, pointing back to its whole ("Twelve of them died")
    after: regex.Pattern | None = None
    examples: tuple[dict, ...] = ()
    counter_examples: tuple[dict, ...] = ()


def _alt(patterns, path: str, key: str) -> regex.Pattern | None:
    if not patterns:
        return None
    try:
        return regex.compile("|".join(f"(?:{p})" for p in patterns), regex.IGNORECASE)
    except regex.error as exc:
        raise FactcheckError(f"{path}: parts.{key}: bad regex: {exc}") from None


@lru_cache(maxsize=None)
def subgroup_data(lang: str, root: Path | None = None) -> SubgroupData:
    """The subgroup words and part cues of ``lang`` (cached; FactcheckError names the file
    when it is invalid)."""
    data = load_lang(lang, "subgroups", root)
    path = f"rules/lang/{lang}/subgroups.toml"
    table = data.get("subgroups", {})
    pairs = []
    for sub, words in table.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise FactcheckError(f"{path}: subgroups.{sub} must be an array of words")
        pairs.extend((w, sub) for w in words)
    parts = data.get("parts", {})
    return SubgroupData(WordIndex(pairs), _alt(parts.get("between", ()), path, "between"),
                        _alt(parts.get("before", ()), path, "before"),
                        _alt([f"(?:{p})$" for p in parts.get("whole_first", ())], path,
                             "whole_first"),
                        _alt([f"^(?:{p})" for p in parts.get("after", ())], path, "after"),
                        tuple(data.get("examples", ())), tuple(data.get("counter_examples", ())))


def _after(text: str, end: int) -> str:
    """The words after a figure, up to the next figure or clause mark."""
    after = text[end:end + _AFTER]
    m = regex.search(r"[\d,;:.()]", after)
    return after[:m.start()] if m else after


def subgroup_of(who: str | None, text: str, end: int, lex: Lexicon, data: SubgroupData,
                conflict: bool) -> str | None:
    """The subgroup of a figure ending at ``text[:end]`` (its sentence), from its counted
    group ``who`` or the words right after it; a demonym outside a conflict is a
    nationality. None: everyone."""
    for words in (who, _after(text, end)):
        if not words:
            continue
        found = data.words.in_order(words)
        if found:
            return found[0]
        if not conflict:
            party = lex.side_people.first(words)
            if party is not None:
                return NATIONALITY + party
        if who:
            return None  # the rule's own group says it: not the words after it
    return None


def link_parts(claims: Sequence[Claim], texts: Sequence[str], starts: dict[int, int],
               data: SubgroupData) -> list[Claim]:
    """``claims`` (of one article, any order) with ``parent`` set on each figure a part
    cue makes a part of an earlier one: the start offset of that whole."""
    order = sorted(range(len(claims)), key=lambda i: claims[i].start)
    out = list(claims)
    for pos, i in enumerate(order):
        c = out[i]
        if c.parent is not None:
            continue
        whole = _whole(c, [out[j] for j in order[:pos]], texts, starts, data)
        if whole is not None:
            out[i] = replace(c, parent=whole.start)
    return out


def _fits(whole: Claim, part: Claim) -> bool:
    """Can ``part`` be a part of ``whole``? The same metric, and not larger."""
    if (whole.metric != part.metric or whole.parent is not None
            or (whole.subgroup is not None and whole.subgroup == part.subgroup)):
        return False
    w = whole.quantity.high if whole.quantity.high is not None else whole.quantity.low
    p = part.quantity.low
    return w is None or p is None or p <= w


def _near(c: Claim, earlier: list[Claim], starts: dict[int, int]) -> list[Claim]:
    """The ``earlier`` figures of ``c``'s sentence and the ``_BACK`` sentences before it."""
    index = starts.get(c.quote_start)
    return [e for e in earlier if e.start < c.start and (
        index is None or index - _BACK <= starts.get(e.quote_start, -99) <= index)]


def _whole(c: Claim, earlier: list[Claim], texts: Sequence[str], starts: dict[int, int],
           data: SubgroupData) -> Claim | None:
    """The figure ``c`` is a part of, among the ``earlier`` figures of its article."""
    same = [e for e in earlier if e.quote_start == c.quote_start]
    # a cue between a whole of the same sentence and the part; the figures in between are
    # the breakdown's earlier items ("30 vittime: 16 uomini, 9 donne e 5 minori")
    if data.between is not None:
        for e in reversed(same):
            if e.parent is not None:
                continue  # an earlier item of the same breakdown
            gap = c.quote[e.end - c.quote_start:c.start - c.quote_start]
            if data.between.search(gap) and _fits(e, c):
                return e
            break
    # a whole named first with a partitive ("Delle 29 vittime, 15 sono uomini e 14 donne",
    # "of the 40 dead, 25 were men"): every later figure of its sentence is its part
    if data.whole_first is not None:
        for e in reversed(same):
            if e.parent is None and data.whole_first.search(
                    e.quote[:e.start - e.quote_start]) and _fits(e, c):
                return e
    # a part whose words point back ("Twelve of them died"), or one area of a breakdown by
    # place ("106 nel Reatino e 53 nell'Ascolano"): the nearest earlier whole of the metric
    pointed = data.after is not None and data.after.search(c.quote[c.end - c.quote_start:])
    if pointed or (c.side or "").startswith(_AREA):
        for e in reversed(_near(c, earlier, starts)):
            if e.parent is not None or (e.side or "").startswith(_AREA):
                continue
            if _fits(e, c):
                return e
            if e.metric == c.metric:
                break
    # a cue before the part naming the whole ("Tra le vittime ci sono 9 donne"): the
    # nearest earlier figure of the metric, in this sentence or the two before
    if data.before is not None and c.subgroup is not None:
        lead = c.quote[:c.start - c.quote_start]
        if data.before.search(lead):
            for e in reversed(_near(c, earlier, starts)):
                if e.quote_start == c.quote_start and e.parent is not None:
                    continue
                if _fits(e, c):
                    return e
                if e.metric == c.metric:
                    break
    return None
