"""A figure: what one claim (or one article's per-side sum) states in a group.

Its interval is widened by its rounding band (exclusive bounds moved half a unit in), its
``key`` says which stated figure it is ("oltre 6'500" and "more than 6,500" are the same),
and its ``as_of`` is the day the count stood. Per-side figures of one article add up to a
figure of the total; a lone per-side or subgroup figure stands in a whole's group only as a
*part* (a lower bound).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple

from ..model import Claim
from ..config import Config, load_config
from .config import setting
from .revision import told_first

# as-of sentinel: a count reported long after its period ended (the final toll)
FINAL = date.max

# the direction of a qualifier: figures with the same direction and number are "the same figure"
_DIRECTION = {
    "exact": "=", "approx": "=", "more_than": ">", "at_least": ">", "at_most": "<",
    "less_than": "<", "nearly": "<", "range": "r", "vague": "v",
}
# qualifiers whose number stands for a band (rounding / "circa"); open bounds are exact words
_BANDED = {"exact", "approx"}


class Figure(NamedTuple):
    """One stated figure in a group: a claim, a per-side sum, or a lone per-side part.

    ``low``/``high`` are the effective interval (rounding band applied, exclusive bounds moved
    half a unit in; ``high`` None = open); ``point`` the number as stated; ``key`` identifies
    the stated figure; ``as_of`` the date the count stood (``FINAL``, or None when undated).
    A named tuple, not a frozen dataclass: a draft check builds one per archive claim, and a
    tuple is built four times faster.
    """

    claims: tuple[Claim, ...]
    role: str  # "claim", "sum" or "part"
    low: float
    high: float | None
    point: float
    key: tuple
    as_of: date | None
    party: str | None = None
    # a part's whole: the number of the figure its article makes it part of ("5 children"
    # of "50 dead": 50); parts of different wholes stand at different moments of a count
    whole: float | None = None
    # what count the stated figure may stand for, as an editor reads it: ``(low, high,
    # direction)`` (see :func:`reading`); None for a vague word. Read by :mod:`.same_count`
    reading: tuple[float, float, str] | None = None
    # told as the figure first given, since replaced ("the nearly 500 deaths officials
    # originally described"): no count of its report's day, never read across time; its
    # article's other figures revise it (see :mod:`.timeline`)
    first: bool = False
    # a count its own article tells elsewhere as an estimate ("locals put the toll at 480 ...
    # 'there are at least 480 dead'"): one figure of the article, with the status the
    # article gives it (see :func:`told_estimates`)
    estimate: bool = False

    @property
    def doc(self) -> str:
        return self.claims[0].doc

    @property
    def ambiguous(self) -> bool:
        return any(c.quantity.ambiguous for c in self.claims)

    @property
    def ceiling(self) -> float:
        """The upper bound, infinite when open."""
        return math.inf if self.high is None else self.high


def claim_sort_key(c: Claim) -> tuple:
    """A total, input-order-free order of claims."""
    q = c.quantity
    return (c.doc, q.start, q.end, c.metric, c.rule, c.side or "", c.event or "", q.text,
            c.quote_start, _n(q.value), _n(q.low), _n(q.high), q.qualifier, c.source or "",
            c.who or "", c.period_start or date.min, c.period_end or date.min, c.quote)


def _n(x: float | None) -> float:
    return -math.inf if x is None else float(x)


def claim_interval(c: Claim, cfg: dict) -> tuple[float, float | None]:
    """The interval a claim allows, its rounding included (counts are never negative)."""
    q, d = c.quantity, cfg.get("defaults", {})
    lo, hi = q.low, q.high
    if q.qualifier in _BANDED and (q.band_low is not None or q.band_high is not None):
        if q.band_low is not None:
            lo = q.band_low if lo is None else min(lo, q.band_low)
        if q.band_high is not None:
            hi = q.band_high if hi is None else max(hi, q.band_high)
    elif q.qualifier in _BANDED and q.value is not None and lo == hi == q.value:
        # the number reader gave no band: "circa" and round figures get one from data
        v = float(q.value)
        if q.qualifier == "approx":
            half = abs(v) * d.get("approx_rel", 0.1)
        else:
            half = min(_rounding_unit(v, d.get("round_min_zeros", 2)) / 2,
                       abs(v) * d.get("round_max_rel", 0.1))
        lo, hi = v - half, v + half
    else:
        if lo is not None and q.low_exclusive:
            lo += 0.5
        if hi is not None and q.high_exclusive:
            hi -= 0.5
    lo = 0.0 if lo is None else max(0.0, float(lo))
    return lo, (None if hi is None else float(hi))


def _rounding_unit(v: float, min_zeros: int) -> float:
    if v <= 0 or not float(v).is_integer():
        return 0.0
    n, zeros = int(v), 0
    while n % 10 == 0:
        n //= 10
        zeros += 1
    return float(10 ** zeros) if zeros >= min_zeros else 0.0


def reading(c: Claim, lo: float, hi: float | None, cfg: dict
            ) -> tuple[float, float, str] | None:
    """The counts a claim's stated figure may stand for, ``(low, high, direction)``: what an
    editor takes it to report, unlike its interval (what it allows). A point ("21") stands
    for its number, a round one ("6,000") for its rounding and an "about N" for N within
    ``approx_rel`` (not the number reader's band, which may be wider); a bound stands for
    its own number, or a round one for that number rounded down ("more than 3,900" for
    3,900 to 4,000; "at least 21" for 21; "nearly 4,000" for 3,800 to 4,000), within
    ``round_bound_rel`` of it; a range for its ends. None for a vague word ("dozens")."""
    q, d = c.quantity, cfg.get("defaults", {})
    way = _DIRECTION.get(q.qualifier, "?")
    if way == "r":
        return (lo, math.inf if hi is None else hi, way)
    if way in ("v", "?") or q.value is None:
        return None
    v = float(q.value)
    zeros = d.get("round_min_zeros", 2)
    if way == "=":
        # by this file's rounding, not the number reader's band: "una decina" allows 8 to
        # 14, yet "about ten" and "eight" are two different figures to an editor
        if q.qualifier == "approx":
            half = abs(v) * d.get("approx_rel", 0.1)
        else:
            half = min(_rounding_unit(v, zeros) / 2, abs(v) * d.get("round_max_rel", 0.1))
        return (v - half, v + half, way)
    # a bound's number rounded: "oltre 6.000" is not "oltre 6.500" (8 % apart)
    slack = min(_rounding_unit(v, zeros), abs(v) * d.get("round_bound_rel", 0.05))
    if way == ">":
        return (v, v + slack, way)
    return (max(lo, v - slack), v, way)


def stated_key(c: Claim) -> tuple:
    """What a claim states: "oltre 6'500" and "more than 6,500" are the same figure."""
    q = c.quantity
    d = _DIRECTION.get(q.qualifier, "?")
    if d in ("r", "v") or q.value is None:
        return (d, _n(q.low), _n(q.high))
    return (d, float(q.value))


def _point(c: Claim, lo: float, hi: float | None) -> float:
    q = c.quantity
    if q.value is not None and q.qualifier not in ("vague", "range"):
        return float(q.value)
    return lo if hi is None else (lo + hi) / 2


def as_of(c: Claim, settle_days: int) -> date | None:
    """When the count stood: the report's date, or FINAL when the period it counts ended
    long before the report (the final toll of a finished event)."""
    if c.published is None:
        return None
    # ordinals, not a timedelta: a draft check asks this of every archive figure it reads
    if c.period_end is not None and \
            c.published.toordinal() - c.period_end.toordinal() > settle_days:
        return FINAL
    return c.published


def source_party(claim: Claim, config: Config | None = None) -> str | None:
    """The party whose officials a claim is attributed to (None for outlets, wires, unknown):
    the claim's own ``source_party``, else the one party its source names in the
    configuration's ``parties.toml`` (claims made before that column; default: the rules
    in use)."""
    if claim.source_kind != "attributed" or not claim.source:
        return None
    own = getattr(claim, "source_party", None)
    if own:
        return own
    return load_config(config).party_speaking(claim.source)


def make_figure(c: Claim, cfg: dict, config: Config | None = None) -> Figure:
    """The figure a claim states in its group."""
    return figure(c, cfg, setting(cfg, c.metric, "settle_days"), source_party(c, config))


def figure(c: Claim, cfg: dict, settle_days: int, party: str | None) -> Figure:
    """The figure a claim states, with its metric's ``settle_days`` and its source's party
    already looked up (a draft check builds one per archive claim)."""
    lo, hi = claim_interval(c, cfg)
    return Figure((c,), "claim", lo, hi, _point(c, lo, hi), stated_key(c), as_of(c, settle_days),
                  party, None, reading(c, lo, hi, cfg), told_first(c, cfg))


def sum_figure(parts: Sequence[Figure]) -> Figure:
    """The sum of one report's per-side figures (one figure per side)."""
    parts = sorted(parts, key=lambda f: (f.claims[0].side or "", claim_sort_key(f.claims[0])))
    highs = [f.high for f in parts]
    dates = [f.as_of for f in parts if f.as_of is not None]
    parties = {f.party for f in parts}
    return Figure(
        tuple(f.claims[0] for f in parts), "sum", sum(f.low for f in parts),
        None if any(h is None for h in highs) else sum(h for h in highs),  # type: ignore[misc]
        sum(f.point for f in parts),
        ("sum",) + tuple((f.claims[0].side, f.key) for f in parts),
        max(dates) if dates else None,
        parties.pop() if len(parties) == 1 else None, None, _sum_reading(parts))


def _sum_reading(parts: Sequence[Figure]) -> tuple[float, float, str] | None:
    """What a sum of parts stands for: the sum of theirs, when every part is read in one
    direction (points, or points and bounds one way); None otherwise."""
    reads = [f.reading for f in parts]
    if any(r is None for r in reads):
        return None
    ways = {r[2] for r in reads} - {"="}  # type: ignore[index]
    if len(ways) > 1 or ways & {"r"}:
        return None
    return (sum(r[0] for r in reads), sum(r[1] for r in reads),  # type: ignore[index]
            ways.pop() if ways else "=")


def side_sums(parts: Sequence[Figure]) -> tuple[list[Figure], list[Figure]]:
    """Per-side figures of one article (same metric and event) -> (sums, lone parts).

    The whole article's figures are summed when each side has one stated figure; otherwise
    each sentence's are. A side figure that enters no sum stays a lone part.
    """
    def try_sum(figs: Sequence[Figure]) -> Figure | None:
        by_side: dict[str, dict[tuple, Figure]] = {}
        for f in figs:
            by_side.setdefault(f.claims[0].side or "", {}).setdefault(f.key, f)
        if len(by_side) < 2 or any(len(v) != 1 for v in by_side.values()):
            return None
        return sum_figure([next(iter(v.values())) for v in by_side.values()])

    whole = try_sum(parts)
    if whole is not None:
        return [whole], []
    sums, used = [], set()
    sentences: dict[int, list[Figure]] = {}
    for f in parts:
        sentences.setdefault(f.claims[0].quote_start, []).append(f)
    for start in sorted(sentences):
        s = try_sum(sentences[start])
        if s is not None:
            sums.append(s)
            used.update(id(f) for f in sentences[start])
    return sums, [f for f in parts if id(f) not in used]


def whole_or_part(f: Figure) -> Figure:
    """A per-side sum stands for the total, unless it adds up places (a breakdown by place
    rarely names every place) or subgroups (a side's soldiers are not all its dead): then
    it is a part of the total."""
    if any((c.side or "").startswith("area:") or getattr(c, "subgroup", None)
           for c in f.claims):
        return as_part(f)
    return f


def as_part(f: Figure) -> Figure:
    """The figure as a part of a whole: a lower bound of it, nothing more."""
    return Figure(f.claims, "part", f.low, None, f.point, ("part",) + f.key, f.as_of, f.party,
                  f.whole, f.reading)


def counted(f: Figure) -> bool:
    """A counted figure (not an estimate, nor a number its article tells as one elsewhere:
    :func:`told_estimates`): only these contradict, fall or are updated."""
    return not f.estimate and stated_counted(f)


def stated_counted(f: Figure) -> bool:
    """Whether every claim of a figure is stated as counted (what its own sentence says)."""
    return all(getattr(c, "status", "counted") == "counted" for c in f.claims)


def timed(f: Figure) -> bool:
    """The figures the verdicts across time read: whole figures stated as counted, not told
    as the figure first given (:func:`.revision.told_first`). A count its article tells as
    an estimate elsewhere is read too: its fall is an estimate's, a discrepancy (see
    :mod:`.falling`)."""
    return f.role != "part" and not f.first and stated_counted(f)


def estimated(f: Figure) -> bool:
    """A whole figure stated as an estimate ("an estimated 4,600 died", "secondo stime"):
    read across time only for a fall (:mod:`.timeline`), a lower figure after it or it
    after a higher one, since a fall from or to an estimate differs by method (a
    discrepancy); never a step of a count's chain, a revision or a floor."""
    return f.role != "part" and not f.first and \
        all(getattr(c, "status", "counted") == "estimated" for c in f.claims)


def told_estimates(figs: Sequence[Figure]) -> list[Figure]:
    """The group's figures, those stated as counted marked ``estimate`` when their article
    states the same number in the group as an estimate: a number an article restates is one
    figure ("locals estimate at least 480 dead" ... "'there are at least 480 dead here'"),
    and the article has said how it is known. Not across articles: another report of the
    same number may have counted it."""
    told = {(f.doc, f.point) for f in figs if f.role == "claim" and not stated_counted(f)}
    if not told:
        return list(figs)
    return [f._replace(estimate=True) if f.role == "claim" and (f.doc, f.point) in told
            and stated_counted(f) else f for f in figs]


def estimate_siblings(chosen: Iterable[Figure], figs: Sequence[Figure]) -> list[Figure]:
    """The figures of ``figs`` stated as estimates by the article of a chosen figure, with
    its number: what :func:`told_estimates` reads to mark it (a draft check reads them too)."""
    told = {(f.doc, f.point) for f in figs if f.role == "claim" and not stated_counted(f)}
    if not told:
        return []
    wanted = {(f.doc, f.point) for f in chosen} & told
    return [g for g in figs if (g.doc, g.point) in wanted and g.role == "claim"
            and not stated_counted(g)]


def first_given(f: Figure) -> bool:
    """A whole counted figure its report tells as the one first given, since replaced."""
    return f.first and f.role != "part" and counted(f)


def distinct(figs: Iterable[Figure]) -> list[Figure]:
    """One figure of each stated figure, in the order they first appear: the first one from
    a dated report if any (an undated report of a dated figure witnesses nothing more, and
    its missing date would put the figure's time in doubt)."""
    out: dict[tuple, Figure] = {}
    for f in figs:
        have = out.get(f.key)
        if have is None or (have.as_of is None and f.as_of is not None):
            out[f.key] = f
    return list(out.values())
