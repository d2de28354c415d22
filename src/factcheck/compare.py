"""Group claims about the same thing and give each group its verdicts.

A group is (metric, event, scope): see :mod:`factcheck.identity`. Each claim becomes a
:class:`~factcheck.verdicts.figure.Figure` in each group it takes part in (its own, and as a
part or a per-side summand in the wholes it belongs to). Groups are made by one sort and
consecutive runs (O(n log n) in claims, never pairwise), and each is judged by the verdict
modules of :mod:`factcheck.verdicts`. Tolerances, windows, cumulative metrics, severities
and the words of the reasons are data: ``rules/verdicts.toml``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from .config import Config, load_config
from .identity import base_side, compared, homes, whole_area
from .model import Analysis, Article, Claim, Finding
from .timespan import article_spans
from .verdicts import judge_group, witnesses
from .verdicts.config import load_verdicts, setting, type_reaches  # noqa: F401  (load_verdicts: re-exported)
from .verdicts.figure import (FINAL, Figure, as_of, as_part, claim_interval,  # noqa: F401
                              claim_sort_key, figure, make_figure, side_sums, source_party,
                              whole_or_part)
from .verdicts.scene import Ctx
from .verdicts.wording import fmt_number, interval_text, phrase  # noqa: F401

# FINAL, as_of, claim_interval, make_figure, fmt_number, interval_text and phrase are
# re-exported: the comparison's public names before verdicts became a package


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


class Sides(NamedTuple):
    """How a claim's side is read in grouping: ``total``, the side of an unknown one, and
    which areas are their event's whole (:func:`factcheck.identity.whole_area`)."""

    total: str
    unknown: str
    reaches: dict[str, float]
    town_km: float

    def of(self, side: str | None, event: str | None) -> str:
        """The side a claim of ``side`` and ``event`` is grouped by: an area that is its
        event's whole counts the total."""
        if not side:
            return self.unknown
        if whole_area(side, event, self.reaches.get, self.town_km):
            return self.total
        return side


def sides_of(cfg: dict, root: Path | None) -> Sides:
    """The :class:`Sides` of a configuration (``[grouping] town_reach_km``; the event types'
    reach from ``root``'s ``event_types.toml``)."""
    total, unknown = group_sides(cfg)
    town_km = float(cfg.get("grouping", {}).get("town_reach_km", 0))
    return Sides(total, unknown, type_reaches(root) if town_km > 0 else {}, town_km)


def _homes(c: Claim, sides: Sides):
    """A claim's groups (scope and role), read from a claim or an archive sketch."""
    return homes(sides.of(c.side, c.event), c.subgroup, c.parent, sides.total)


def _summed(c: Claim, sides: Sides) -> bool:
    """Whether a claim is summed with its article's other sides (:func:`homes` gives it the
    role ``side``), without building its homes: a draft check asks it of every sketch."""
    return sides.of(c.side, c.event) != sides.total and (bool(c.subgroup) or c.parent is None)


def draft_groups(claims: Iterable[Claim], cfg: dict, root: Path | None = None
                 ) -> frozenset[tuple[str, str, str]]:
    """The groups ``(metric, event key, scope)`` a draft's claims take part in: their own,
    and the wholes they are part of (for a per-side figure the total group, where it is
    summed or stands as a part; for a subgroup, its side's group). ``root``: the rules
    folder whose event types tell which areas are their event's whole."""
    sides = sides_of(cfg, root)
    grouping = cfg.get("grouping", {})
    out: set[tuple[str, str, str]] = set()
    for c in claims:
        if not compared(c.status, grouping):
            continue
        ev = _event_key(c)
        out.update((c.metric, ev, h.scope) for h in _homes(c, sides))
    return frozenset(out)


def draft_selector(claims: Iterable[Claim], rules: Config | Path | None = None
                   ) -> Callable[[str, str | None, str | None, date | None, date | None,
                                  date | None], bool]:
    """Whether a claim, given as ``(metric, event, side, period_start, period_end,
    published)``, can take part in the groups of these draft claims: the only claims of an
    archive that a draft check compares (see :func:`draft_groups`). Without its subgroup, a
    claim is kept when its side's group or the total group is one the draft meets."""
    config = load_config(rules)
    cfg = config.verdicts
    sides = sides_of(cfg, config.root)
    groups = frozenset((m, ev, base_side(s))
                       for m, ev, s in draft_groups(claims, cfg, config.root))

    def keep(metric: str, event: str | None, side: str | None, period_start: date | None,
             period_end: date | None, published: date | None) -> bool:
        ev = event_key(event, period_start, period_end, published)
        return meets(groups, metric, ev, sides.of(side, event), sides.total)
    return keep


def draft_needs(draft: Sequence[Claim], others: Sequence[Claim],
                rules: Config | Path | None = None
                ) -> set[int]:
    """Indexes of the ``others`` whose figures can change a finding about the ``draft`` (its
    claims, of one article): comparing the draft with just these finds what comparing it
    with all of them finds. An archive group can hold thousands of figures; a draft check
    reads in full only these.

    Only the figures' numbers, dates and identity (side, subgroup, parent, status) are read,
    not quotes, rules or words, so the claims may be archive sketches. Kept, in each of the
    draft's groups: the figures its verdicts witness (:func:`factcheck.verdicts.witnesses`).
    A per-side figure comes with all the per-side figures of its article, metric and event
    (they are summed together).
    """
    if not draft:
        return set()
    config = load_config(rules)
    cfg = config.verdicts
    sides = sides_of(cfg, config.root)
    wanted = draft_groups(draft, cfg, config.root)
    doc = draft[0].doc
    index = {id(c): i for i, c in enumerate(others)}
    groups: dict[tuple, list[Figure]] = {}
    for metric, ev, scope, f in _figure_rows([*draft, *others], cfg, wanted, config):
        groups.setdefault((metric, ev, scope), []).append(f)
    per_side: dict[tuple, list[int]] = {}  # an article's per-side claims, summed together
    for i, c in enumerate(others):
        if _summed(c, sides):
            per_side.setdefault((c.doc, c.metric, _event_key(c)), []).append(i)
    sided = {i for idx in per_side.values() for i in idx}

    need: set[int] = set()
    for (metric, ev, scope), figs in groups.items():
        if (metric, ev, scope) in wanted:
            window = setting(cfg, metric, "comparable_days")
            need.update(index[id(c)] for f in witnesses(figs, doc, window) for c in f.claims
                        if id(c) in index)
    for i in list(need & sided):
        c = others[i]
        need.update(per_side[(c.doc, c.metric, _event_key(c))])
    # a subgroup figure's whole tells its moment: read it too
    parts = [others[i] for i in need if others[i].subgroup and others[i].parent is not None]
    if parts:
        at = {(c.doc, c.quantity.start): i for i, c in enumerate(others)}
        need.update(j for c in parts if (j := at.get((c.doc, c.parent))) is not None)
    return need


def meets(groups: frozenset[tuple[str, str, str]], metric: str, ev: str, side: str,
          total: str) -> bool:
    """Whether a claim of group ``(metric, ev, side)`` can take part in one of ``groups``:
    in its own group, or (a per-side figure) in the total group of its metric and event."""
    return (metric, ev, side) in groups or (side != total and (metric, ev, total) in groups)


def compare(claims: Sequence[Claim], articles: Sequence[Article], draft: str | None = None,
            *, rules: Config | Path | None = None) -> Analysis:
    """Group the claims, judge each group, and return the analysis (``unclaimed`` empty).

    With ``draft`` (a doc id) only findings that involve a claim of the draft are kept, and
    only the draft's own figures are listed as singles. ``rules``: the configuration (a
    folder is loaded; default: the one in use).
    """
    config = load_config(rules)
    cfg = config.verdicts
    sides = sides_of(cfg, config.root)
    grouping = cfg.get("grouping", {})
    claims = sort_claims(claims)
    labels = doc_labels([a.id for a in articles] + [c.doc for c in claims])
    spans = article_spans(articles)

    n_groups = len({(c.metric, _event_key(c), _homes(c, sides)[0].scope)
                    for c in claims if compared(c.status, grouping)})
    # in draft mode only the draft's groups are judged: the others' figures are not even built
    wanted = None if draft is None else draft_groups(
        (c for c in claims if c.doc == draft), cfg, config.root)
    rows = _figure_rows(claims, cfg, wanted, config)

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
        ctx = Ctx(cfg, labels, metric, event, scope,
                  config.cumulative.get(metric, False), spans)
        findings.extend(judge_group(figs, ctx, draft))

    # one article's own figures are not judged against each other: two different figures
    # for one group in one article are nearly always a breakdown or a change of scope
    # ("247 in all ... 190 in the province of Rieti") that the reading did not catch
    # (of the figures judged: a peer in another article makes no pair of one article's own)
    findings = [f for f in findings if len({g.doc for g in f.figures} or
                                           {c.doc for c in f.claims}) > 1]
    if draft is not None:
        findings = [f for f in findings if any(c.doc == draft for c in f.claims)]
    findings = _sorted_findings(_unique(findings), cfg)
    used = {id(c) for f in findings for c in f.claims}
    singles = tuple(c for c in claims if id(c) not in used and (draft is None or c.doc == draft))
    return Analysis(articles=tuple(articles), claims=tuple(claims), findings=tuple(findings),
                    singles=singles, groups=n_groups, draft=draft)


_group_key = itemgetter(0, 1, 2)


def _figure_rows(claims: Iterable[Claim], cfg: dict, wanted: frozenset | None,
                 config: Config | None = None
                 ) -> list[tuple[str, str, str, Figure]]:
    """``(metric, event key, scope, figure)`` of each compared claim that can take part in
    the ``wanted`` groups (all, without): its own figure, the part it is of a whole, and each
    article's per-side sums and lone parts in the total group. A sum over places is a part
    too: a breakdown by place rarely names every place."""
    sides = sides_of(cfg, config.root if config is not None else None)
    total = sides.total
    grouping = cfg.get("grouping", {})
    rows: list[tuple[str, str, str, Figure]] = []
    party_figs: dict[tuple, list[Figure]] = {}
    settle: dict[str, int] = {}  # per metric
    # the scopes wanted of each (metric, event): most claims are left out by the pair alone
    scopes: dict[tuple[str, str], set[str]] | None = None
    if wanted is not None:
        scopes = {}
        for m, ev, sc in wanted:
            scopes.setdefault((m, ev), set()).add(sc)
    claims = list(claims)
    # each subgroup figure's whole: the figure its article makes it part of
    starts = {(c.doc, c.quantity.start): c for c in claims
              if c.subgroup is None and c.parent is None} if any(
        c.parent is not None and c.subgroup for c in claims) else {}
    for c in claims:
        if not compared(c.status, grouping):
            continue
        metric, ev = c.metric, _event_key(c)
        mine = None if scopes is None else scopes.get((metric, ev))
        if scopes is not None and not mine:
            continue
        hs = _homes(c, sides)
        if mine is not None and not any(h.scope in mine for h in hs):
            continue
        if metric not in settle:
            settle[metric] = setting(cfg, metric, "settle_days")
        f = figure(c, cfg, settle[metric], source_party(c, config))
        if c.subgroup and c.parent is not None:
            p = starts.get((c.doc, c.parent))
            if p is not None and p.metric == metric:
                f = f._replace(whole=_stated(p))
        for h in hs:
            if h.role == "own":
                rows.append((metric, ev, h.scope, f))
            elif h.role == "part":
                rows.append((metric, ev, h.scope, as_part(f)))
            else:
                party_figs.setdefault((c.doc, metric, ev), []).append(f)
    for (_, metric, ev), figs in sorted(party_figs.items()):
        sums, lone = side_sums(figs)
        for f in sums:
            rows.append((metric, ev, total, whole_or_part(f)))
        for f in lone:
            rows.append((metric, ev, total, as_part(f)))
    return rows


def _stated(c: Claim) -> float | None:
    """A claim's number as stated (a range's or a vague word's low end)."""
    q = c.quantity
    v = q.value if q.value is not None else q.low
    return None if v is None else float(v)


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


def severity_rank(severity: str, cfg: dict) -> int:
    """0 for the most severe level (for the report's sections and the CLI); ``cfg``: the
    configuration's verdict data (``Config.verdicts``), never a default folder's."""
    order = cfg["severity"]["order"]
    return order.index(severity) if severity in order else len(order)
