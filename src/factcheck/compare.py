"""Group claims about the same thing and give each group a verdict.

A group is (metric, event, side-or-total). Each claim becomes a :class:`Figure`: its
interval widened by its rounding band, the stated figure it makes (equal keys = the same
figure) and an "as of" date. Per-side figures of one article are also summed into a figure
of the total group; a lone per-side figure joins the total group as a *part*, which can only
show that one side exceeds the total.

Within a group, figures are sorted by as-of date and swept into *segments* of comparable
times, so the work is a sort plus linear passes (O(n log n) in claims, never pairwise):

- in a segment, intervals that do not all overlap (1-D Helly: max low > min high) give a
  contradiction between the two extreme figures, or a dispute when both are parties' own;
  overlapping but different stated figures give a discrepancy (or a dispute);
- across segments, a cumulative count that falls below an earlier lower bound is a
  contradiction; a count whose top figure rises is an update (for levels that move both
  ways, any change of figure is an update);
- anywhere in the group, the same stated figure from two independent origins is agree.

Tolerances, windows, cumulative metrics, severities and the words of the reasons are data:
``rules/verdicts.toml``.
"""

from __future__ import annotations

import math
import os
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

import regex

from .errors import FactcheckError
from .identity import base_side, compared, homes
from .model import Analysis, Article, Claim, Finding
from .parties import party_speaking
from .paths import rules_dir
from .timespan import Span, article_spans, before, same_day, span_of

# as-of sentinel: a count reported long after its period ended (the final toll)
FINAL = date.max

# the direction of a qualifier: figures with the same direction and number are "the same figure"
_DIRECTION = {
    "exact": "=", "approx": "=", "more_than": ">", "at_least": ">", "at_most": "<",
    "less_than": "<", "nearly": "<", "range": "r", "vague": "v",
}
# qualifiers whose number stands for a band (rounding / "circa"); open bounds are exact words
_BANDED = {"exact", "approx"}


# ---------------------------------------------------------------- configuration

@lru_cache(maxsize=None)
def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise FactcheckError(f"{path}: invalid TOML: {exc}") from None


def load_verdicts(root: Path | None = None) -> dict[str, Any]:
    """``verdicts.toml`` of the rules folder, with ``cumulative`` filled in for metrics
    that only ``metrics.toml`` (the metric vocabulary) describes."""
    root = root or rules_dir()
    cfg = _read_toml(root / "verdicts.toml")
    if not cfg:
        raise FactcheckError(f"{root / 'verdicts.toml'}: verdict data not found")
    return cfg


@lru_cache(maxsize=None)
def _vocabulary_cumulative(root: Path) -> dict[str, bool]:
    """``cumulative`` per metric from rules/metrics.toml, read defensively: its layout may be
    ``[deaths] cumulative = true``, ``[metrics.deaths]`` or ``[[metrics]] name = ...``."""
    try:
        data = _read_toml(root / "metrics.toml")
    except FactcheckError:
        return {}
    out: dict[str, bool] = {}
    tables = data.get("metrics", data)
    if isinstance(tables, list):
        tables = {t.get("name") or t.get("id"): t for t in tables if isinstance(t, dict)}
    if isinstance(tables, dict):
        for name, t in tables.items():
            if isinstance(name, str) and isinstance(t, dict) and isinstance(t.get("cumulative"), bool):
                out[name] = t["cumulative"]
    return out


def setting(cfg: dict, metric: str, key: str, root: Path | None = None) -> Any:
    """A per-metric setting: verdicts.toml [metrics.X], then metrics.toml, then [defaults]."""
    m = cfg.get("metrics", {}).get(metric, {})
    if key in m:
        return m[key]
    if key == "cumulative":
        vocab = _vocabulary_cumulative(root or rules_dir())
        if metric in vocab:
            return vocab[metric]
    return cfg.get("defaults", {})[key]


def source_party(claim: Claim, root: Path | None = None) -> str | None:
    """The party whose officials a claim is attributed to (None for outlets, wires, unknown):
    the claim's own ``source_party``, else the one party its source names in
    ``rules/parties.toml`` (claims made before that column)."""
    if claim.source_kind != "attributed" or not claim.source:
        return None
    return claim.source_party or party_speaking(claim.source, root)


# ---------------------------------------------------------------- figures

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

    @property
    def doc(self) -> str:
        return self.claims[0].doc

    @property
    def ambiguous(self) -> bool:
        return any(c.quantity.ambiguous for c in self.claims)


def sort_claims(claims: Iterable[Claim]) -> list[Claim]:
    """Claims in a total order that does not depend on the input order: by
    :func:`claim_sort_key`, and claims equal in all of it (rare) by their full repr."""
    # most claims differ in where they stand (doc, start, end), the head of the full key:
    # sort on that, and build the full key only for the few that share it
    placed = sorted((((c.doc, c.quantity.start, c.quantity.end), c) for c in claims),
                    key=itemgetter(0))
    out: list[Claim] = []
    for _, same_place in groupby(placed, key=itemgetter(0)):
        run = [c for _, c in same_place]
        if len(run) == 1:
            out.append(run[0])
            continue
        keyed = sorted(((claim_sort_key(c), c) for c in run), key=itemgetter(0))
        for _, tie in groupby(keyed, key=itemgetter(0)):
            tied = [c for _, c in tie]
            out.extend(sorted(tied, key=repr) if len(tied) > 1 else tied)
    return out


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
    if c.period_end is not None and c.published > c.period_end + timedelta(days=settle_days):
        return FINAL
    return c.published


def make_figure(c: Claim, cfg: dict, root: Path | None = None) -> Figure:
    """The figure a claim states in its group."""
    return _figure(c, cfg, setting(cfg, c.metric, "settle_days", root), source_party(c, root))


def _figure(c: Claim, cfg: dict, settle_days: int, party: str | None) -> Figure:
    lo, hi = claim_interval(c, cfg)
    return Figure((c,), "claim", lo, hi, _point(c, lo, hi), stated_key(c), as_of(c, settle_days),
                  party)


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
        parties.pop() if len(parties) == 1 else None)


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


def figures_of(finding: Finding, cfg: dict | None = None) -> list[Figure]:
    """Rebuild the figures of a finding from its claims (for the report): each claim in the
    role it has in the finding's group (its own figure, a part of the whole, or one side of
    its article's sum)."""
    cfg = cfg or load_verdicts()
    total, unknown = group_sides(cfg)
    own: list[Figure] = []
    parts: dict[str, list[Figure]] = {}
    for c in finding.claims:
        f = make_figure(c, cfg)
        role = next((h.role for h in _homes(c, total, unknown) if h.scope == finding.side),
                    "own")
        if role == "side":
            parts.setdefault(c.doc, []).append(f)
        elif role == "part":
            own.append(_as_part(f))
        else:
            own.append(f)
    for doc in parts:
        sums, lone = side_sums(parts[doc])
        own.extend(_whole_or_part(f) for f in sums)
        own.extend(_as_part(f) for f in lone)
    order = {id(c): i for i, c in enumerate(finding.claims)}
    return sorted(own, key=lambda f: min(order[id(c)] for c in f.claims))


def _whole_or_part(f: Figure) -> Figure:
    """A per-side sum stands for the total, unless it adds up places (a breakdown by place
    rarely names every place) or subgroups (a side's soldiers are not all its dead): then
    it is a part of the total."""
    if any((c.side or "").startswith("area:") or getattr(c, "subgroup", None)
           for c in f.claims):
        return _as_part(f)
    return f


def _as_part(f: Figure) -> Figure:
    # one side's count is a lower bound of the total, nothing more
    return Figure(f.claims, "part", f.low, None, f.point, ("part",) + f.key, f.as_of, f.party)


# ---------------------------------------------------------------- wording

def fmt_number(x: float | None) -> str:
    """6500.0 -> "6,500"; 2.5 -> "2.5"."""
    if x is None:
        return "?"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def phrase(c: Claim, cfg: dict) -> str:
    """A claim's figure in words: "more than 6,500"."""
    q, ph = c.quantity, cfg.get("phrases", {})
    name = q.qualifier
    if name == "vague" and q.high is None:
        name = "vague_open"
    if name not in ph or (q.value is None and name not in ("range", "vague", "vague_open")):
        name = "unknown"
    return ph.get(name, "{text}").format(v=fmt_number(q.value), lo=fmt_number(q.low),
                                         hi=fmt_number(q.high), text=q.text)


def figure_phrase(f: Figure, cfg: dict) -> str:
    """A figure in words; a sum shows its parts: "at least 99 (49 armenia + 50 azerbaijan)"."""
    ph = cfg.get("phrases", {})
    if f.role == "claim":
        return phrase(f.claims[0], cfg)
    if f.role == "part" and len(f.claims) == 1:
        c = f.claims[0]
        return f"{phrase(c, cfg)} ({getattr(c, 'subgroup', None) or c.side})"
    quals = {c.quantity.qualifier for c in f.claims}
    q = quals.pop() if len(quals) == 1 else None
    # people are whole: a sum of "more than" parts is at least the next whole number
    low, high = math.ceil(f.low - 1e-9), None if f.high is None else math.floor(f.high + 1e-9)
    if q in ph and q not in ("range", "vague"):
        total = ph[q].format(v=fmt_number(f.point), lo=fmt_number(low), hi=fmt_number(high))
    else:
        total = interval_text(low, high)
    parts = ph.get("part_join", " + ").join(
        f"{fmt_number(c.quantity.value if c.quantity.value is not None else c.quantity.low)} "
        f"{c.side}" for c in f.claims)
    return ph.get("sum", "{total} ({parts})").format(total=total, parts=parts)


def interval_text(low: float | None, high: float | None, low_excl: bool = False,
                  high_excl: bool = False) -> str:
    """An interval in symbols: "49", "> 6,500", "≤ 100", "5,500–6,499"."""
    lo = None if not low else low  # 0 is the floor of any count: shown as open
    if lo is None and high is None:
        return "≥ 0"
    if high is None:
        return f"{'>' if low_excl else '≥'} {fmt_number(lo)}"
    if lo is None:
        return f"{'<' if high_excl else '≤'} {fmt_number(high)}"
    if lo == high:
        return fmt_number(lo)
    return f"{fmt_number(lo)}–{fmt_number(high)}"


def doc_labels(doc_ids: Iterable[str]) -> dict[str, str]:
    """Short names for documents: "002" for "002_81ba2853dffa6702.txt" when that prefix is
    unique, else the file name without its extension."""
    ids_set = frozenset(doc_ids)
    # the comparison and then the report label the same documents (thousands in a draft
    # check): the last answer is kept
    if _last_labels and _last_labels[0] == ids_set:
        return dict(_last_labels[1])
    labels = _doc_labels(ids_set)
    _last_labels[:] = [ids_set, labels]
    return dict(labels)


_last_labels: list = []  # [doc ids, their labels] of the last call


def _doc_labels(doc_ids: frozenset[str]) -> dict[str, str]:
    ids = sorted(doc_ids)
    # os.path, not Path: a draft check labels thousands of archive documents
    stems = {d: os.path.splitext(os.path.basename(d))[0] if "." in d else d for d in ids}
    prefix = {d: stems[d].split("_", 1)[0] for d in ids}
    counts: dict[str, int] = {}
    for p in prefix.values():
        counts[p] = counts.get(p, 0) + 1
    return {d: prefix[d] if counts[prefix[d]] == 1 and prefix[d] else stems[d] for d in ids}


# ---------------------------------------------------------------- verdicts

@dataclass(frozen=True)
class _Ctx:
    cfg: dict
    labels: dict[str, str]
    metric: str
    event: str | None
    side: str
    cumulative: bool
    spans: dict[str, Span]  # publication span of each article


def _says(f: Figure, ctx: _Ctx, dated: bool = False) -> str:
    r = ctx.cfg["reasons"]
    doc = ctx.labels.get(f.doc, f.doc)
    fig = figure_phrase(f, ctx.cfg)
    if dated:
        pub = f.claims[0].published
        return r["says_date"].format(doc=doc, date=pub.isoformat() if pub else ctx.cfg["phrases"]["undated"], figure=fig)
    return r["says"].format(doc=doc, figure=fig)


def _finding(ctx: _Ctx, verdict: str, reason_name: str, severity: str,
             figs: Sequence[Figure], dated: bool = False, suffix: str = "",
             **extra: str) -> Finding:
    r = ctx.cfg["reasons"]
    join = ctx.cfg.get("phrases", {}).get("list_join", "; ")
    cap = int(ctx.cfg.get("phrases", {}).get("max_listed", 4))
    if len(figs) > cap:  # a readable sentence: the first figures, the last, and how many more
        # only the figures named are put into words: a group may hold thousands
        more = ctx.cfg["phrases"]["more"].format(n=len(figs) - cap)
        head = [_says(f, ctx, dated) for f in figs[:cap - 1]]
        last = _says(figs[-1], ctx, dated)
        listed, first = [*head, more, last], head[0] if head else _says(figs[0], ctx, dated)
    else:
        listed = [_says(f, ctx, dated) for f in figs]
        first, last = listed[0], listed[-1]
    fields = {"list": join.join(listed), "a": first, "b": last, **extra}
    reason = r[reason_name].format(**fields) + suffix  # starts with a doc label: never re-cased
    claims: dict[Claim, None] = {}  # equal claims once, in figure order (a set would be O(n))
    for f in figs:
        claims.update(dict.fromkeys(f.claims))
    return Finding(verdict, ctx.metric, ctx.event, ctx.side, reason, severity, tuple(claims))


def _origins(figs: Sequence[Figure]) -> int:
    """How many independent origins report these figures."""
    return len(_origin_sizes(figs))


def _origin_sizes(figs: Sequence[Figure]) -> list[int]:
    """The articles of each independent origin of these figures: the same article, the same
    quote (wire copy) or the same attributed source are one origin (union-find)."""
    parent = list(range(len(figs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[tuple, int] = {}
    for i, f in enumerate(figs):
        tokens = {("doc", f.doc)}
        for c in f.claims:
            tokens.add(("quote", " ".join(c.quote.split()).casefold()))
            if c.source_kind == "attributed" and c.source:
                tokens.add(("source", " ".join(c.source.split()).casefold()))
        for t in sorted(tokens):
            if t in seen:
                parent[find(i)] = find(seen[t])
            else:
                seen[t] = i
    roots: dict[int, set[str]] = {}
    for i, f in enumerate(figs):
        roots.setdefault(find(i), set()).add(f.doc)
    return sorted(len(d) for d in roots.values())


def _segments(figs: Sequence[Figure], window: int) -> list[list[Figure]]:
    """Figures (sorted by as-of) cut into runs of comparable times; the final tolls are one
    segment, and undated figures are read with the latest segment."""
    dated = [f for f in figs if f.as_of is not None and f.as_of != FINAL]
    final = [f for f in figs if f.as_of == FINAL]
    undated = [f for f in figs if f.as_of is None]
    segs: list[list[Figure]] = []
    start: date | None = None
    for f in dated:
        if start is None or (f.as_of - start).days > window:  # type: ignore[operator]
            segs.append([])
            start = f.as_of
        segs[-1].append(f)
    if final:
        segs.append(list(final))
    if undated:
        if segs:
            segs[-1].extend(undated)
        else:
            segs.append(list(undated))
    return segs


def _distinct(figs: Iterable[Figure]) -> list[Figure]:
    out: dict[tuple, Figure] = {}
    for f in figs:
        out.setdefault(f.key, f)
    return list(out.values())


def _gap_severity(figs: Sequence[Figure], cfg: dict) -> str:
    pts = [f.point for f in figs]
    top = max(abs(p) for p in pts) or 1.0
    gap = (max(pts) - min(pts)) / top
    for step in cfg["severity"]["discrepancy"]:
        if gap >= step["min_gap"]:
            return step["severity"]
    return cfg["severity"]["discrepancy"][-1]["severity"]


def _span(f: Figure, ctx: _Ctx) -> Span:
    c = f.claims[0]  # a figure's claims all come from one article
    return span_of(f.doc, c.published, ctx.spans)


def _counted(f: Figure) -> bool:
    """A counted figure (not an estimate): only these contradict, fall or are updated."""
    return all(getattr(c, "status", "counted") == "counted" for c in f.claims)


def _timed(f: Figure) -> bool:
    """The figures the verdicts across time read: whole, counted figures."""
    return f.role != "part" and _counted(f)


def _doubts(a: Figure, b: Figure, ctx: _Ctx, same_time: bool = True) -> list[str]:
    """What is not certain about comparing ``a`` with ``b`` (empty: nothing), in words.

    ``same_time``: the verdict needs both counts to stand at the same moment (both known to
    the same day, or both final tolls)."""
    d = ctx.cfg["doubts"]
    out: list[str] = []
    if same_time and not (a.as_of == b.as_of == FINAL):
        sa, sb = _span(a, ctx), _span(b, ctx)
        if not same_day(sa, sb):
            if sa.first is None or sb.first is None:
                out.append(d["undated"])
            elif "inferred" in (sa.precision, sb.precision):
                out.append(d["inferred"])
            elif sa.precision != "day" or sb.precision != "day":
                out.append(d["precision"].format(
                    unit=sa.precision if sa.precision != "day" else sb.precision))
            else:
                out.append(d["days_apart"].format(n=abs((sa.first - sb.first).days)))
    if a.ambiguous or b.ambiguous:
        out.append(d["ambiguous"])
    return out


def _conflict(ctx: _Ctx, name: str, a: Figure, b: Figure, doubts: Sequence[str],
              dated: bool = False) -> Finding:
    """A contradiction when nothing is in doubt, else a possible contradiction whose reason
    says what is not certain (one doubt: the first severity of ``possible``, more: the next)."""
    sev = ctx.cfg["severity"]
    if not doubts:
        return _finding(ctx, "contradiction", name, sev[name], [a, b], dated=dated)
    levels = sev["possible"]
    why = ctx.cfg["reasons"]["doubt"].format(
        why=ctx.cfg["phrases"].get("doubt_join", "; ").join(doubts))
    return _finding(ctx, "possible contradiction", name, levels[min(len(doubts), len(levels)) - 1],
                    [a, b], dated=dated, suffix=why)


def _revised(f: Figure, ctx: _Ctx) -> bool:
    """Whether a figure's own sentence announces a revision ("the toll was revised to 97")."""
    cues = _correction_cues(ctx.cfg)
    return any(c.quote and (rx := cues.get(c.lang)) is not None and rx.search(c.quote)
               for c in f.claims)


_cue_memo: dict[int, tuple[dict, dict]] = {}


def _correction_cues(cfg: dict) -> dict[str, Any]:
    """``[corrections] <lang> = [regex, ...]`` of verdicts.toml, compiled once per config."""
    hit = _cue_memo.get(id(cfg))
    if hit is None or hit[0] is not cfg:
        cues = {lang: regex.compile("|".join(f"(?:{p})" for p in pats), regex.I | regex.V1)
                for lang, pats in cfg.get("corrections", {}).get("cues", {}).items() if pats}
        hit = _cue_memo[id(cfg)] = (cfg, cues)
    return hit[1]


def _judge_segment(seg: Sequence[Figure], ctx: _Ctx) -> list[Finding]:
    """Figures at comparable times: disjoint intervals conflict (a contradiction, a possible
    one, a dispute between parties, or a discrepancy when one is an estimate); a part above
    its whole conflicts; different but compatible figures are a discrepancy or a dispute."""
    sev = ctx.cfg["severity"]
    real = _distinct(f for f in seg if f.role != "part")
    parts = [f for f in seg if f.role == "part" and _counted(f)]
    if not real:
        return []
    hi_first = max(real, key=lambda f: f.low)  # the strongest lower bound
    lo_first = min(real, key=lambda f: math.inf if f.high is None else f.high)
    if lo_first.high is not None and hi_first.low > lo_first.high:
        if hi_first.party and lo_first.party and hi_first.party != lo_first.party:
            return [_finding(ctx, "dispute", "dispute_conflict", sev["dispute"],
                             [hi_first, lo_first])]
        if not (_counted(hi_first) and _counted(lo_first)):
            return [_finding(ctx, "discrepancy", "discrepancy_estimate",
                             _gap_severity([hi_first, lo_first], ctx.cfg), [hi_first, lo_first])]
        return [_conflict(ctx, "contradiction", hi_first, lo_first,
                          _doubts(hi_first, lo_first, ctx))]
    whole = [f for f in real if f.high is not None and _counted(f)]
    if parts and whole:
        top = min(whole, key=lambda f: f.high)  # type: ignore[arg-type, return-value]
        p = max(parts, key=lambda f: f.low)
        if p.low > top.high:  # type: ignore[operator]
            return [_conflict(ctx, "contradiction_part", p, top, _doubts(p, top, ctx))]
    if len(real) < 2:
        return []
    ordered = sorted(real, key=lambda f: -f.point)  # stable: ties keep canonical order
    parties = {f.party for f in ordered}
    if None not in parties and len(parties) >= 2:
        return [_finding(ctx, "dispute", "dispute", sev["dispute"], ordered)]
    name = "discrepancy" if all(_counted(f) for f in ordered) else "discrepancy_estimate"
    return [_finding(ctx, "discrepancy", name, _gap_severity(ordered, ctx.cfg), ordered)]


def _judge_time(segs: Sequence[Sequence[Figure]], ctx: _Ctx) -> list[Finding]:
    """Across segments, over counted whole figures: a cumulative count that falls (a
    contradiction when the later report is certainly later, else a discrepancy naming the
    doubt; a correction when the later report announces a revision); the chain of raised
    (or, for levels, changed) figures, certainly later each, is an update, except a step
    that the later report calls a revision (a correction) or that multiplies the count
    within days (an implausible jump, a discrepancy with its factor)."""
    sev, reasons = ctx.cfg["severity"], ctx.cfg["reasons"]
    jump = ctx.cfg.get("jumps", {})
    factor, jump_days = float(jump.get("factor", math.inf)), int(jump.get("within_days", 0))
    out: list[Finding] = []
    chain: list[Figure] = []
    best: Figure | None = None  # the strongest lower bound reported so far

    def flush() -> None:
        if len(chain) >= 2:
            out.append(_finding(ctx, "update", "update" if ctx.cumulative else "update_level",
                                sev["update"], chain, dated=True))
        chain.clear()

    for seg in segs:
        real = [f for f in seg if _timed(f)]
        if not real:
            continue
        top = max(real, key=lambda f: f.point)
        if ctx.cumulative and best is not None:
            low = min(real, key=lambda f: math.inf if f.high is None else f.high)
            if low.high is not None and low.high < best.low:
                if _revised(low, ctx):
                    out.append(_finding(ctx, "correction", "correction", sev["correction"],
                                        [best, low], dated=True))
                elif before(_span(best, ctx), _span(low, ctx)) or (
                        low.as_of == FINAL and best.as_of != FINAL):
                    out.append(_conflict(ctx, "contradiction_falling", best, low,
                                         _doubts(best, low, ctx, same_time=False), dated=True))
                else:
                    why = _doubts(best, low, ctx) or [ctx.cfg["doubts"]["order"]]
                    out.append(_finding(
                        ctx, "discrepancy", "falling_unsure", sev["falling_unsure"], [best, low],
                        dated=True, why=ctx.cfg["phrases"].get("doubt_join", "; ").join(why)))
        prev = chain[-1] if chain else None
        rises = prev is not None and top.key != prev.key and (
            top.point > prev.point if ctx.cumulative else True)
        if prev is None:
            chain.append(top)
        elif rises and (before(_span(prev, ctx), _span(top, ctx)) or (
                top.as_of == FINAL and prev.as_of != FINAL)):
            step = top.point / prev.point if prev.point > 0 else math.inf
            soon = (prev.as_of is not None and top.as_of is not None and top.as_of != FINAL
                    and (top.as_of - prev.as_of).days <= jump_days)
            if _revised(top, ctx):
                flush()
                out.append(_finding(ctx, "correction", "correction", sev["correction"],
                                    [prev, top], dated=True))
                chain.append(top)
            elif soon and step >= factor:
                flush()
                out.append(_finding(ctx, "discrepancy", "jump", sev["jump"], [prev, top],
                                    dated=True, factor=fmt_number(round(step, 1))))
                chain.append(top)
            else:
                chain.append(top)
        strongest = max(real, key=lambda f: f.low)
        if best is None or strongest.low > best.low:
            best = strongest
    flush()
    return out


def judge_group(figs: Sequence[Figure], ctx: _Ctx, draft: str | None = None) -> list[Finding]:
    """Every finding of one group (figures in canonical order).

    With ``draft`` (a doc id), findings that cannot involve the draft are not built: agreeing
    clusters and segments without a draft figure (their findings name only their own figures).
    The verdicts across time are still judged over every segment.
    """
    out: list[Finding] = []
    clusters: dict[tuple, list[Figure]] = {}
    for f in figs:
        if f.role != "part":
            clusters.setdefault(f.key, []).append(f)
    # the keys the draft states (a figure's claims all come from one article)
    mine = {f.key for f in figs if f.role != "part" and f.doc == draft}
    for key, members in clusters.items():
        if len(members) >= 2 and (draft is None or key in mine):
            sizes = _origin_sizes(members)
            if len(sizes) >= 2:
                # copies of one wire story are one witness, and the reason says so
                extra = "".join(ctx.cfg["reasons"]["copies"].format(n=n) for n in sizes if n > 1)
                out.append(_finding(ctx, "agree", "agree", ctx.cfg["severity"]["agree"], members,
                                    suffix=extra))
    ordered = sorted(figs, key=lambda f: (f.as_of is None, f.as_of or date.min))
    segs = _segments(ordered, setting(ctx.cfg, ctx.metric, "comparable_days"))
    for seg in segs:
        if _involves(seg, draft):
            out.extend(_judge_segment(seg, ctx))
    out.extend(_judge_time(segs, ctx))
    return out


def _involves(figs: Iterable[Figure], draft: str | None) -> bool:
    """Whether any of these figures is the draft's (always, without a draft): a figure's
    claims all come from one article (a sum adds up one article's per-side figures)."""
    return draft is None or any(f.doc == draft for f in figs)


def event_key(event: str | None, period_start: date | None, period_end: date | None,
              published: date | None) -> str:
    """The event part of a group: the event, or for claims with no curated or automatic
    event the year they talk about ("~2020"), else the year of the report."""
    if event:
        return event
    if period_start and period_end and period_start.year == period_end.year:
        return f"~{period_start.year}"
    return f"~{published.year}" if published else "~"


def _event_key(c: Claim) -> str:
    return event_key(c.event, c.period_start, c.period_end, c.published)


def judged(ev: str, cfg: dict) -> bool:
    """Whether a group of this event key is judged: with no event named, nothing says two
    figures count the same people (``[grouping] judge_without_event``)."""
    return not ev.startswith("~") or bool(cfg.get("grouping", {}).get("judge_without_event"))


def group_sides(cfg: dict) -> tuple[str, str]:
    """``(total, unknown)``: the side of totals, and the side a claim with no side gets."""
    grouping = cfg.get("grouping", {})
    total = grouping.get("total_side", "total")
    return total, grouping.get("unknown_side", total)


def _homes(c: Claim, total: str, unknown: str, plain: bool = False):
    """A claim's groups (scope and role), read from a claim or an archive sketch; ``plain``:
    by its side alone (an archive sketch carries no subgroup, parent or status)."""
    if plain:
        return homes(c.side or unknown, None, None, total)
    return homes(c.side or unknown, getattr(c, "subgroup", None), getattr(c, "parent", None),
                 total)


def draft_groups(claims: Iterable[Claim], cfg: dict, plain: bool = False
                 ) -> frozenset[tuple[str, str, str]]:
    """The groups ``(metric, event key, scope)`` a draft's claims take part in: their own,
    and the wholes they are part of (for a per-side figure the total group, where it is
    summed or stands as a part; for a subgroup, its side's group)."""
    total, unknown = group_sides(cfg)
    grouping = cfg.get("grouping", {})
    out: set[tuple[str, str, str]] = set()
    for c in claims:
        if not plain and not compared(getattr(c, "status", None), grouping):
            continue
        ev = _event_key(c)
        out.update((c.metric, ev, h.scope) for h in _homes(c, total, unknown, plain))
    return frozenset(out)


def draft_selector(claims: Iterable[Claim], rules: Path | None = None
                   ) -> Callable[[str, str | None, str | None, date | None, date | None,
                                  date | None], bool]:
    """Whether a claim, given as ``(metric, event, side, period_start, period_end,
    published)``, can take part in the groups of these draft claims: the only claims of an
    archive that a draft check compares (see :func:`draft_groups`). Without its subgroup, a
    claim is kept when its side's group or the total group is one the draft meets."""
    cfg = load_verdicts(rules)
    total, unknown = group_sides(cfg)
    groups = frozenset((m, ev, base_side(s)) for m, ev, s in draft_groups(claims, cfg))

    def keep(metric: str, event: str | None, side: str | None, period_start: date | None,
             period_end: date | None, published: date | None) -> bool:
        ev = event_key(event, period_start, period_end, published)
        return meets(groups, metric, ev, side or unknown, total)
    return keep


def draft_needs(draft: Sequence[Claim], others: Sequence[Claim], rules: Path | None = None
                ) -> set[int]:
    """Indexes of the ``others`` whose figures can change a finding about the ``draft`` (its
    claims, of one article): comparing the draft with just these finds what comparing it
    with all of them finds. An archive group can hold thousands of figures; a draft check
    reads in full only these.

    Only the figures' numbers and dates are read (not quotes, rules or words), and ties are
    all kept, so the claims may be sketches. Kept: in each of the draft's groups, the figures
    that state a figure the draft states (agreement); every figure of a time segment that
    holds a draft figure; and in every other segment its first figure (segments are cut the
    same way) and the counted figures with its highest count, highest lower bound and lowest
    upper bound (the verdicts across time read nothing else). A per-side figure comes with
    all the per-side figures of its article, metric and event (they are summed together).
    """
    if not draft:
        return set()
    cfg = load_verdicts(rules)
    total, unknown = group_sides(cfg)
    # archive sketches carry no subgroup, parent or status: then every figure is read by its
    # side alone (what was chosen before these fields existed; not exact for subgroups)
    plain = any(not hasattr(c, "subgroup") for c in others)
    wanted = draft_groups(draft, cfg, plain)
    doc = draft[0].doc
    index = {id(c): i for i, c in enumerate(others)}
    groups: dict[tuple, list[Figure]] = {}
    for metric, ev, scope, f in _figure_rows([*draft, *others], cfg, wanted, rules, plain):
        groups.setdefault((metric, ev, scope), []).append(f)
    per_side: dict[tuple, list[int]] = {}  # an article's per-side claims, summed together
    for i, c in enumerate(others):
        if any(h.role == "side" for h in _homes(c, total, unknown, plain)):
            per_side.setdefault((c.doc, c.metric, _event_key(c)), []).append(i)
    sided = {i for idx in per_side.values() for i in idx}

    need: set[int] = set()

    def take(figs: Iterable[Figure]) -> None:
        need.update(index[id(c)] for f in figs for c in f.claims if id(c) in index)

    for (metric, ev, scope), figs in groups.items():
        if (metric, ev, scope) not in wanted:
            continue
        mine = {f.key for f in figs if f.role != "part" and f.doc == doc}
        take(f for f in figs if f.role != "part" and f.key in mine)
        ordered = sorted(figs, key=lambda f: (f.as_of is None, f.as_of or date.min))
        for seg in _segments(ordered, setting(cfg, metric, "comparable_days", rules)):
            if any(f.doc == doc for f in seg):
                take(seg)
                continue
            take(seg[:1])
            real = [f for f in seg if f.role != "part" and (plain or _counted(f))]
            if real:
                top = max(f.point for f in real)
                low = max(f.low for f in real)
                high = min(math.inf if f.high is None else f.high for f in real)
                take(f for f in real if f.point == top or f.low == low
                     or (math.inf if f.high is None else f.high) == high)
    for i in list(need):
        if i in sided:
            c = others[i]
            need.update(per_side[(c.doc, c.metric, _event_key(c))])
    return need


def meets(groups: frozenset[tuple[str, str, str]], metric: str, ev: str, side: str,
          total: str) -> bool:
    """Whether a claim of group ``(metric, ev, side)`` can take part in one of ``groups``:
    in its own group, or (a per-side figure) in the total group of its metric and event."""
    return (metric, ev, side) in groups or (side != total and (metric, ev, total) in groups)


def compare(claims: Sequence[Claim], articles: Sequence[Article], draft: str | None = None,
            *, rules: Path | None = None) -> Analysis:
    """Group the claims, judge each group, and return the analysis (``unclaimed`` empty).

    With ``draft`` (a doc id) only findings that involve a claim of the draft are kept, and
    only the draft's own figures are listed as singles.
    """
    cfg = load_verdicts(rules)
    total, unknown = group_sides(cfg)
    grouping = cfg.get("grouping", {})
    claims = sort_claims(claims)
    labels = doc_labels([a.id for a in articles] + [c.doc for c in claims])
    spans = article_spans(articles)

    n_groups = len({(c.metric, _event_key(c), _homes(c, total, unknown)[0].scope)
                    for c in claims if compared(c.status, grouping)})
    # in draft mode only the draft's groups are judged: the others' figures are not even built
    wanted = None if draft is None else draft_groups(
        (c for c in claims if c.doc == draft), cfg)
    rows = _figure_rows(claims, cfg, wanted, rules)

    findings: list[Finding] = []
    # one sort, then consecutive runs: O(n log n), never pairwise over all claims. (Not pandas:
    # these are objects, not a table, and importing pandas costs a draft check ~1 s of start-up.)
    rows.sort(key=_group_key)
    for (metric, ev, scope), run in groupby(rows, key=_group_key):
        figs = [r[3] for r in run]  # stable sort: still in claim order
        if len(figs) < 2 or (wanted is not None and (metric, ev, scope) not in wanted) \
                or not judged(ev, cfg):
            continue
        event = figs[0].claims[0].event if not ev.startswith("~") else None
        ctx = _Ctx(cfg, labels, metric, event, scope,
                   bool(setting(cfg, metric, "cumulative", rules)), spans)
        findings.extend(judge_group(figs, ctx, draft))

    # one article's own figures are not judged against each other: two different figures
    # for one group in one article are nearly always a breakdown or a change of scope
    # ("247 in all ... 190 in the province of Rieti") that the reading did not catch
    findings = [f for f in findings if len({c.doc for c in f.claims}) > 1]
    if draft is not None:
        findings = [f for f in findings if any(c.doc == draft for c in f.claims)]
    findings = _sorted_findings(_unique(findings), cfg)
    used = {id(c) for f in findings for c in f.claims}
    singles = tuple(c for c in claims if id(c) not in used and (draft is None or c.doc == draft))
    return Analysis(articles=tuple(articles), claims=tuple(claims), findings=tuple(findings),
                    singles=singles, groups=n_groups, draft=draft)


_group_key = itemgetter(0, 1, 2)


def _figure_rows(claims: Iterable[Claim], cfg: dict, wanted: frozenset | None,
                 rules: Path | None = None, plain: bool = False
                 ) -> list[tuple[str, str, str, Figure]]:
    """``(metric, event key, scope, figure)`` of each compared claim that can take part in
    the ``wanted`` groups (all, without): its own figure, the part it is of a whole, and each
    article's per-side sums and lone parts in the total group. A sum over places is a part
    too: a breakdown by place rarely names every place."""
    total, unknown = group_sides(cfg)
    grouping = cfg.get("grouping", {})
    rows: list[tuple[str, str, str, Figure]] = []
    party_figs: dict[tuple, list[Figure]] = {}
    settle: dict[str, int] = {}  # per metric
    for c in claims:
        if not plain and not compared(getattr(c, "status", None), grouping):
            continue
        metric, ev = c.metric, _event_key(c)
        hs = _homes(c, total, unknown, plain)
        if wanted is not None and not any((metric, ev, h.scope) in wanted for h in hs):
            continue
        if metric not in settle:
            settle[metric] = setting(cfg, metric, "settle_days", rules)
        f = _figure(c, cfg, settle[metric], source_party(c, rules))
        for h in hs:
            if h.role == "own":
                rows.append((metric, ev, h.scope, f))
            elif h.role == "part":
                rows.append((metric, ev, h.scope, _as_part(f)))
            else:
                party_figs.setdefault((c.doc, metric, ev), []).append(f)
    for (_, metric, ev), figs in sorted(party_figs.items()):
        sums, lone = side_sums(figs)
        for f in sums:
            rows.append((metric, ev, total, _whole_or_part(f)))
        for f in lone:
            rows.append((metric, ev, total, _as_part(f)))
    return rows


def _unique(findings: Iterable[Finding]) -> list[Finding]:
    out: dict[tuple, Finding] = {}
    for f in findings:
        out.setdefault((f.verdict, f.metric, f.event, f.side, f.claims), f)
    return list(out.values())


def _sorted_findings(findings: list[Finding], cfg: dict) -> list[Finding]:
    sev_rank = {s: i for i, s in enumerate(cfg["severity"]["order"])}
    ver_rank = {v: i for i, v in enumerate(cfg["severity"]["verdict_order"])}
    return sorted(findings, key=lambda f: (
        sev_rank.get(f.severity, len(sev_rank)), ver_rank.get(f.verdict, len(ver_rank)),
        f.metric, f.event or "", f.side or "", [claim_sort_key(c) for c in f.claims], f.reason))


def severity_rank(severity: str, cfg: dict | None = None) -> int:
    """0 for the most severe level (for the report's sections and the CLI)."""
    order = (cfg or load_verdicts())["severity"]["order"]
    return order.index(severity) if severity in order else len(order)
