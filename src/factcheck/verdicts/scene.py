"""What every verdict reads besides its figures: the group it judges (:class:`Ctx`), the
cut of a group into moments of comparable times, independent origins, what is uncertain
about comparing two figures, and the building of a finding with its reason."""

from __future__ import annotations

import math

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from ..identity import SCOPE_SEP
from ..model import Claim, Finding
from ..timespan import Span, before, same_day, span_of
from .config import setting
from .figure import FINAL, Figure
from .same_count import same_count
from .wording import figure_phrase, fmt_number


@dataclass(frozen=True)
class Ctx:
    """The group being judged and the data to judge it by."""

    cfg: dict
    labels: dict[str, str]
    metric: str
    event: str | None
    side: str  # the group's scope: "total", "armenia", "total/civilians"
    cumulative: bool
    spans: dict[str, Span]  # publication span of each article


def says(f: Figure, ctx: Ctx, dated: bool = False) -> str:
    """"002 says more than 6,500" (with the report's date when ``dated``)."""
    r = ctx.cfg["reasons"]
    doc = ctx.labels.get(f.doc, f.doc)
    fig = figure_phrase(f, ctx.cfg)
    if dated:
        return r["says_date"].format(doc=doc, date=date_said(f, ctx), figure=fig)
    return r["says"].format(doc=doc, figure=fig)


def finding(ctx: Ctx, verdict: str, reason_name: str, severity: str, figs: Sequence[Figure],
            dated: bool = False, suffix: str = "", **extra: str) -> Finding:
    """A finding on these figures (in this order), its reason from ``[reasons] reason_name``."""
    r = ctx.cfg["reasons"]
    join = ctx.cfg.get("phrases", {}).get("list_join", "; ")
    cap = int(ctx.cfg.get("phrases", {}).get("max_listed", 4))
    if len(figs) > cap:  # a readable sentence: the first figures, the last, and how many more
        # only the figures named are put into words: a group may hold thousands
        more = ctx.cfg["phrases"]["more"].format(n=len(figs) - cap)
        head = [says(f, ctx, dated) for f in figs[:cap - 1]]
        last = says(figs[-1], ctx, dated)
        listed, first = [*head, more, last], head[0] if head else says(figs[0], ctx, dated)
    else:
        listed = [says(f, ctx, dated) for f in figs]
        first, last = listed[0], listed[-1]
    fields = {"list": join.join(listed), "a": first, "b": last, **extra}
    reason = r[reason_name].format(**fields) + suffix  # starts with a doc label: never re-cased
    claims: dict[Claim, None] = {}  # equal claims once, in figure order (a set would be O(n))
    for f in figs:
        claims.update(dict.fromkeys(f.claims))
    return Finding(verdict, ctx.metric, ctx.event, ctx.side, reason, severity, tuple(claims),
                   tuple(figs), reason_name)


def span(f: Figure, ctx: Ctx) -> Span:
    """When a figure's report was written."""
    c = f.claims[0]  # a figure's claims all come from one article
    return span_of(f.doc, c.published, ctx.spans)


# how a claim's period is known when the text itself states it ("on 3 May", "yesterday");
# a running count, the article's or the event's period say nothing of when the count stood
STATED = ("explicit", "relative")


def stated(f: Figure, ctx: Ctx) -> Span | None:
    """The period a figure's own text states (None: none stated). A relative period
    ("yesterday") counts only from a report known to the day: from a date known to the
    month, or only inferred, it would name a day the text never meant."""
    c = f.claims[0]
    if c.period_how not in STATED or c.period_end is None:
        return None
    if c.period_how == "relative" and not span(f, ctx).exact:
        return None
    return Span(c.period_start or c.period_end, c.period_end, "day", "stated")


def stood(f: Figure, ctx: Ctx) -> Span:
    """The time a figure's count is of: the period its text states, else its report's span.
    Only for telling an earlier window from a later count: two counts of one stated day
    ("Monday's landslide") reported on two days are still two reports, not one moment."""
    return stated(f, ctx) or span(f, ctx)


def earlier_window(a: Figure, b: Figure, ctx: Ctx) -> bool:
    """Whether ``a`` counts a window its own text says ends before ``b``'s count stood
    ("two dead on 3 May" against a toll of 18 May; "6 to 18 deaths when I left" quoted a
    year on): an earlier count, whatever the reports' dates, never a fall nor a clash. Not
    when ``b``'s own period ends within ``a``'s window: then both count the same days."""
    own = stated(a, ctx)
    if own is None:
        return False
    # b counts no further than a's window ("Monday's landslide" both): the same deaths
    end = b.claims[0].period_end
    if end is not None and own.last is not None and end <= own.last:
        return False
    return before(own, stood(b, ctx))


def date_said(f: Figure, ctx: Ctx) -> str:
    """A figure's report date to what is known of it: "2017-01" for a month, "2017" for a
    year, "on or after 2023-05-16" for a date only inferred from the text ("2023-05-16 to
    2023-05-23, inferred" when the text bounds it from above too)."""
    p = ctx.cfg["phrases"]
    s = span(f, ctx)
    if s.first is None:
        return p["undated"]
    if s.precision == "inferred" and s.last is not None:
        # bounded from above too (an undated report telling its event by day words)
        return p.get("inferred_span", "{date} to {last}").format(date=s.first.isoformat(),
                                                                 last=s.last.isoformat())
    if s.precision == "inferred":
        return p.get("inferred_date", "{date}").format(date=s.first.isoformat())
    if s.precision == "month":
        return s.first.strftime("%Y-%m")
    if s.precision == "year":
        return str(s.first.year)
    return s.first.isoformat()


def doubts(a: Figure, b: Figure, ctx: Ctx, same_time: bool = True) -> list[str]:
    """What is not certain about comparing ``a`` with ``b`` (empty: nothing), in words.

    ``same_time``: the verdict needs both counts to stand at the same moment (both known to
    the same day, or both final tolls)."""
    d = ctx.cfg["doubts"]
    out: list[str] = []
    if same_time and not (a.as_of == b.as_of == FINAL):
        sa, sb = span(a, ctx), span(b, ctx)
        if same_day(sa, sb):
            if _moved_within_day(a, b, ctx):
                out.append(d["same_day"])
        else:
            if sa.first is None or sb.first is None:
                out.append(d["undated"])
            elif "inferred" in (sa.precision, sb.precision):
                out.append(d["inferred"])
            elif sa.precision != "day" or sb.precision != "day":
                out.append(d["precision"].format(
                    unit=sa.precision if sa.precision != "day" else sb.precision))
            else:
                out.append(d["days_apart"].format(n=abs((sa.first - sb.first).days)))
            if same_whole(a, b) and "identified" in d and order_unknown(a, b, ctx):
                out.append(d["identified"])
    if "sources" in d and (pair := other_sources(a, b)):
        out.append(d["sources"].format(a=pair[0], b=pair[1]))
    if a.ambiguous or b.ambiguous:
        out.append(d["ambiguous"])
    ratio = scale_ratio(a, b)
    if ratio >= float(ctx.cfg.get("scale", {}).get("factor", math.inf)):
        out.append(d["scale"].format(factor=fmt_number(round(ratio, 1))))
    return out


def _moved_within_day(a: Figure, b: Figure, ctx: Ctx) -> bool:
    """Of two reports of the same day: a day is no moment of a count read day by day
    (``comparable_days`` 0): 6 dead at noon, 7 by evening, and a report's date says nothing
    of its hour; parts of one stated whole of the same day are of one moment."""
    return _moves_daily(ctx) and not same_whole(a, b) and \
        not (earlier_window(a, b, ctx) or earlier_window(b, a, ctx))


def explained(a: Figure, b: Figure, ctx: Ctx, same_time: bool = True) -> bool:
    """Whether a doubt about two excluding figures also explains them, so that both can be
    true: two reports of one day of a count that moves within the day (the lower may be the
    morning's), two named sources (they may count differently: reported, verified, by
    residence), or two parts of one stated toll whose order is not known (the part grows as
    the dead are identified: 5 Ukrainians of 21 dead the first night, 9 once all are
    named). Then the two are a discrepancy naming why, not a possible contradiction, which
    is kept for doubts about what is counted (an ambiguous reading, a part perhaps read as
    a whole). ``same_time`` as for :func:`doubts`."""
    if other_sources(a, b) is not None:
        return True
    if not same_time or a.as_of == b.as_of == FINAL:
        return False
    if same_whole(a, b) and order_unknown(a, b, ctx):
        return True  # a part of one toll grows as the dead are identified
    return same_day(span(a, ctx), span(b, ctx)) and _moved_within_day(a, b, ctx)


def other_sources(a: Figure, b: Figure) -> tuple[str, str] | None:
    """The sources of two figures when each is attributed to a named source and they are
    different ones ("the Red Crescent" and "the WHO"): two authorities may count the same dead
    differently (reported, verified, by residence), so their figures differ by method as
    well as by time. None when either is an outlet's own, unattributed or a per-side sum, or
    one source names the other."""
    names = []
    for f in (a, b):
        c = f.claims[0]
        # a per-side sum adds up figures whose sources may differ: no one source of its own
        if f.role == "sum" or c.source_kind != "attributed" or not c.source:
            return None
        names.append(" ".join(c.source.split()))
    x, y = names[0].casefold(), names[1].casefold()
    if x in y or y in x:
        return None
    return names[0], names[1]


def restated_after(high: Figure, low: Figure, ctx: Ctx) -> int | None:
    """Days between a higher count's report and a lower one's when the lower came at most
    ``restated_days`` after it (a morning paper prints the evening before's count; a foreign
    desk's date is not the count's): the lower may be the older count restated. None when
    further apart or a date is not known."""
    days = setting(ctx.cfg, ctx.metric, "restated_days")
    a, b = span(high, ctx).last, span(low, ctx).first
    if a is None or b is None or (b - a).days > days:
        return None
    return (b - a).days


def _moves_daily(ctx: Ctx) -> bool:
    """Whether the group's metric is a count read day by day (deaths, the missing: it moves
    within a day), not one that stands for weeks (troops, population)."""
    return setting(ctx.cfg, ctx.metric, "comparable_days") == 0


def scale_ratio(a: Figure, b: Figure) -> float:
    """How many times the larger figure is the smaller: a toll and a tenth of it rarely count
    the same people (one place's share, one day's finds, one group's), however the text reads."""
    hi, lo = max(a.point, b.point), min(a.point, b.point)
    return hi / lo if lo > 0 else math.inf


def comparable(a: Figure, b: Figure, ctx: Ctx, later: bool = False) -> str:
    """Why ``a`` and ``b`` are compared at all, in words: what both count and when
    (``later``: the verdict reads ``b`` as certainly the later report)."""
    w = ctx.cfg.get("comparable")
    if not w:
        return ""
    side, _, subgroup = ctx.side.partition(SCOPE_SEP)
    who = w["everyone"] if side == ctx.cfg.get("grouping", {}).get("total_side", "total") \
        else side
    if subgroup:
        who = w["subgroup"].format(subgroup=subgroup, side=who)
    what = (w["what_event"] if ctx.event else w["what"]).format(
        metric=ctx.metric, scope=who, event=ctx.event)
    sa, sb = span(a, ctx), span(b, ctx)
    if same_whole(a, b) and "same_whole" in w:
        when = w["same_whole"].format(whole=fmt_number(a.whole))
    elif a.as_of == b.as_of == FINAL:
        when = w["final"]
    elif later:
        when = w["later"]
    elif same_day(sa, sb):
        when = w["same_day"].format(date=sa.first.isoformat())  # type: ignore[union-attr]
    elif sa.exact and sb.exact:  # "0 days apart" of two dates known to the month says nothing
        when = w["apart"].format(n=abs((sa.first - sb.first).days))
    else:
        when = w["undated"]
    return w["sentence"].format(what=what, when=when)


def order_unknown(a: Figure, b: Figure, ctx: Ctx) -> bool:
    """Whether ``a`` and ``b`` are two counts whose reports' order is not known: not both
    final tolls, not the same day, and neither report certainly before the other (one
    undated, a date only inferred, or spans known to the month that overlap). Of a running
    count the lower may be the earlier; a level (missing, displaced) moves both ways, so
    each may have been true when it was reported."""
    if a.as_of == b.as_of == FINAL:
        return False
    sa, sb = span(a, ctx), span(b, ctx)
    return not (same_day(sa, sb) or before(sa, sb) or before(sb, sa))


def unplaceable(a: Figure, b: Figure, ctx: Ctx) -> bool:
    """Whether two figures at times whose order is not known are also far apart in scale
    (``[scale] factor``): the lower may be an early count or a part (a place, a day's finds),
    either way both are true, and neither a date nor a number says which: no finding an
    editor can act on."""
    return not same_whole(a, b) and order_unknown(a, b, ctx) and \
        scale_ratio(a, b) >= float(ctx.cfg.get("scale", {}).get("factor", math.inf))


def unrelated(a: Figure, b: Figure, ctx: Ctx) -> bool:
    """Whether two figures are too far apart in scale to be one count (``[scale]
    unrelated``: 146 dead and a "9" two days on, 2,975 and "6 to 18"): the smaller counts a
    part (a place, a nationality, a day's finds) or something else, whatever their dates,
    so no clash between them is a finding. Parts of one stated whole are one count."""
    limit = float(ctx.cfg.get("scale", {}).get("unrelated", math.inf))
    return not same_whole(a, b) and scale_ratio(a, b) >= limit


def consistent_running(a: Figure, b: Figure, ctx: Ctx) -> bool:
    """Whether two excluding figures of a running (cumulative) count are consistent with
    it: their reports' order is not known (:func:`order_unknown`: one undated, a date only
    inferred, months that overlap), so the lower may be the earlier count, and nothing but
    their dates is in doubt (no two named sources, no ambiguous reading). That is what a
    running toll looks like when reports lag: nothing an editor can act on, no finding.
    One rule wherever the two are read: a moment's pair (contradiction, part_exceeds) and a
    fall across moments (falling). Parts of one stated whole are one step of the count,
    never an earlier one."""
    return ctx.cumulative and not same_whole(a, b) and order_unknown(a, b, ctx) \
        and not doubts(a, b, ctx, same_time=False)


def rose_in_order(a: Figure, b: Figure, ctx: Ctx) -> bool:
    """Whether two figures of a running (cumulative) count are a rise in the order their
    reports certainly came: the lower one's report is certainly the earlier (the spans do
    not overlap: a date known to the day, to the month, or an inferred date bounded from
    above by the day words it tells its event with). Both true, each at its time: never
    one moment's contradiction, whatever window put them side by side."""
    if not ctx.cumulative or a.as_of == b.as_of == FINAL:
        return False
    low, high = (a, b) if a.ceiling < b.low else (b, a) if b.ceiling < a.low else (None, None)
    return low is not None and before(span(low, ctx), span(high, ctx))


def consistent_level(a: Figure, b: Figure, ctx: Ctx) -> bool:
    """Whether two excluding figures of a level that moves both ways (the missing, the
    displaced) are both true at their times: their reports' order is not known
    (:func:`order_unknown`) and nothing but their dates is in doubt (no two named sources, no
    ambiguous reading). A level can stand at either figure at either time: each may have been
    true when it was reported, nothing an editor can act on, no finding (as
    :func:`consistent_running` for a running count). Parts of one stated whole are one
    moment of the level, never two times."""
    return not ctx.cumulative and not same_whole(a, b) and order_unknown(a, b, ctx) \
        and not doubts(a, b, ctx, same_time=False)


def same_whole(a: Figure, b: Figure) -> bool:
    """Whether two parts are parts of the same stated whole ("5 children" and "10 children",
    each of "50 dead"): the same step of the count, so the lower is no earlier count of it;
    a part can still grow at a fixed whole as the dead are identified (5 Ukrainians among 21
    dead the first night, 9 once all are named), so their reports' dates still matter."""
    return a.whole is not None and a.whole == b.whole


def conflict(ctx: Ctx, name: str, a: Figure, b: Figure, why: Sequence[str],
             dated: bool = False, later: bool = False, more: Sequence[Figure] = (),
             explains: bool = False) -> Finding:
    """A contradiction between ``a`` and ``b`` when nothing is in doubt, else a possible
    contradiction whose reason says what is not certain (one doubt: the first severity of
    ``possible``, more: the next). The reason says what makes the two comparable. Of a
    count whose reports' order is not known (:func:`order_unknown`; ``later``: the verdict
    knows it), a discrepancy whose reason names why the order is not known. Parts of the same
    stated whole (:func:`same_whole`) are never an earlier and a later count: a possible
    contradiction when their dates are not the same day. ``more``: later reports stating
    ``b``'s count again (a fall told by several reports): one finding names them all, its
    reason ``<name>_told`` listing them after ``a``. ``explains``: a doubt also explains the
    two (:func:`explained`; a fall reported a day later may be the older count restated):
    both can be true, a discrepancy naming the doubts (reason ``explained``)."""
    found = _conflict(ctx, name, a, b, why, dated, later, more, explains)
    if not more:
        return found
    # the later reports of b's count are b's peers (one side of the finding, never set
    # against b), and their claims are the finding's
    claims = dict.fromkeys(found.claims)
    for f in more:
        claims.update(dict.fromkeys(f.claims))
    return replace(found, claims=tuple(claims), peers=((), tuple(more)))


def _conflict(ctx: Ctx, name: str, a: Figure, b: Figure, why: Sequence[str], dated: bool,
              later: bool, more: Sequence[Figure], explains: bool) -> Finding:
    sev = ctx.cfg["severity"]
    suffix = comparable(a, b, ctx, later)
    figs = [a, b]
    told = {}
    if more:
        told = {"reason_name": f"{name}_told", "lows": ctx.cfg["phrases"].get(
            "list_join", ", ").join(says(f, ctx, dated=dated) for f in [b, *more])}
    # parts of one stated whole are one step of the count: the lower is no earlier count
    if not (later or same_whole(a, b)) and order_unknown(a, b, ctx):
        # a running count at two times whose order is not known: the lower may be the
        # earlier count, so both can be true; a discrepancy naming the doubt, never a clash
        join = ctx.cfg["phrases"].get("doubt_join", "; ")
        reason = "order_unknown_part" if name == "contradiction_part" else \
            "order_unknown" if ctx.cumulative else "order_unknown_level"
        return finding(ctx, "discrepancy", reason, sev["order_unknown"], figs, dated=True,
                       why=join.join(why), suffix=suffix)
    said = told.pop("reason_name", name)
    if explains and why:
        join = ctx.cfg["phrases"].get("doubt_join", "; ")
        return finding(ctx, "discrepancy", "explained_told" if more else "explained",
                       sev["explained"], figs, dated=dated, why=join.join(why), suffix=suffix,
                       **told)
    if not why:
        return finding(ctx, "contradiction", said, sev[name], figs, dated=dated, suffix=suffix,
                       **told)
    levels = sev["possible"]
    suffix += ctx.cfg["reasons"]["doubt"].format(
        why=ctx.cfg["phrases"].get("doubt_join", "; ").join(why))
    return finding(ctx, "possible contradiction", said, levels[min(len(why), len(levels)) - 1],
                   figs, dated=dated, suffix=suffix, **told)


def origin_sizes(figs: Sequence[Figure]) -> list[int]:
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


def segments(figs: Sequence[Figure], window: int,
             when: Callable[[Figure], Span] | None = None) -> list[list[Figure]]:
    """Figures cut into moments of comparable times: sorted by as-of date, a new moment
    when a figure stands more than ``window`` days after the moment's first; the final
    tolls are one moment, and an undated figure is read at the first moment where a dated
    report states the same figure (or its number as the same count: :mod:`.same_count`),
    else with the latest.

    ``when``: each figure's report span. A report known only to the month or the year, or
    dated only "on or after" a day, is a span, not its first day (where its date is filed):
    its figures are a moment of their own, never one with the figures of that day
    (:func:`wide`), so a verdict on them reads their order as not known wherever the other
    report falls in the span. The cut itself
    reads the filed dates, so a draft check (which knows no spans) cuts the same moments
    and reads whole any that such a report may split (:func:`maybe_wide`)."""
    ordered = sorted(figs, key=lambda f: (f.as_of is None, f.as_of or date.min))
    dated = [f for f in ordered if f.as_of is not None and f.as_of != FINAL]
    final = [f for f in ordered if f.as_of == FINAL]
    undated = [f for f in ordered if f.as_of is None]
    segs: list[list[Figure]] = []
    start: date | None = None
    for f in dated:
        if start is None or (f.as_of - start).days > window:  # type: ignore[operator]
            segs.append([])
            start = f.as_of
        segs[-1].append(f)
    if when is not None:
        segs = [part for seg in segs for part in _split_wide(seg, window, when)]
    if final:
        segs.append(list(final))
    # an undated figure that a dated report states too ("38" undated, "38" on the 17th) is
    # that step of the count: read at the first moment stating it, not against later steps;
    # so is one stating the same count another way ("at least 38" undated, "38" on the 17th)
    at: dict[tuple, int] = {}
    told: dict[float, list[tuple[int, Figure]]] = {}  # a stated number -> its moments
    for i, seg in enumerate(segs):
        for f in seg:
            at.setdefault(f.key, i)
            if len(f.key) == 2:
                told.setdefault(f.key[1], []).append((i, f))
    for f in undated:
        i = at.get(f.key)
        if i is None and len(f.key) == 2:
            i = next((j for j, g in told.get(f.key[1], ()) if same_count(f, g)), None)
        if i is not None:
            segs[i].append(f)
        elif segs:
            segs[-1].append(f)
        else:
            segs.append([f])
    return segs


def wide(s: Span, window: int) -> bool:
    """Whether a report's span is longer than a moment (``window`` days), though filed under
    its first day: a date known only to the month or the year, or one only inferred ("on or
    after" the latest date its text states: open-ended)."""
    return s.first is not None and (s.last is None or (s.last - s.first).days > window)


def maybe_wide(f: Figure) -> bool:
    """Whether a figure's report may be wider than its filed day (:func:`wide`), read
    without the reports' spans (a draft check): an archive sketch knows its article's date
    precision and how the date is known; a claim alone does not, and is taken for a day's
    report unless its date is a month's first day (a month's or a year's filing)."""
    if f.as_of is None or f.as_of == FINAL:
        return False
    c = f.claims[0]
    if getattr(c, "published_how", None) in ("inferred", "url"):
        return True
    known = getattr(c, "published_precision", None)
    if known == "day":
        return False
    return known in ("month", "year") or f.as_of.day == 1


def _split_wide(seg: list[Figure], window: int, when: Callable[[Figure], Span]
                ) -> list[list[Figure]]:
    """A moment without its figures of reports wider than it (:func:`wide`): those, one
    moment per span (first, as they start no later than the rest), then the others."""
    if not any(maybe_wide(f) for f in seg):
        return [seg]
    spans: dict[tuple, list[Figure]] = {}
    rest: list[Figure] = []
    for f in seg:
        s = when(f)
        if wide(s, window):
            spans.setdefault((s.first, s.last), []).append(f)
        else:
            rest.append(f)
    return [*spans.values(), *([rest] if rest else [])]


def involves(figs: Iterable[Figure], draft: str | None) -> bool:
    """Whether any of these figures is the draft's (always, without a draft): a figure's
    claims all come from one article (a sum adds up one article's per-side figures)."""
    return draft is None or any(f.doc == draft for f in figs)


def gap_severity(figs: Sequence[Figure], cfg: dict) -> str:
    """A discrepancy's severity, by the relative gap between its stated figures."""
    pts = [f.point for f in figs]
    top = max(abs(p) for p in pts) or 1.0
    gap = (max(pts) - min(pts)) / top
    for step in cfg["severity"]["discrepancy"]:
        if gap >= step["min_gap"]:
            return step["severity"]
    return cfg["severity"]["discrepancy"][-1]["severity"]
