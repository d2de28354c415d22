"""Running count at times not all known: at one moment, at least three different counted
whole figures of a group, two of which were reported in an order the dates do not give (a
report undated, dated only to the month, or only "on or after" a date the text states; two
figures alone are their pair's verdict, which names why the order is not known). Neither a
contradiction nor an update can be certain; the finding lists every stated figure, each
with what is known of its date, and says what would make them consistent:

- a running (cumulative) count: listed from the lowest, the one order in which it only
  rises ("consistent with a rising count only in this order"): an update when nothing but
  the order is in doubt (what a running toll looks like when reports lag; two such figures
  are no finding, :func:`.scene.consistent_running`: an update for such a pair too was
  measured on the corpus, no missed group found and five of fourteen new flags on pairs
  nobody groups, an early count and a share or a stale restatement, flag precision 78.9% ->
  77.2%; three figures that rise are a count's steps far more often than two), a
  discrepancy when two named sources differ (they may count
  differently); or, when the dates that are known exclude that order, a discrepancy saying
  they do (a fall among them is the falling verdict's);
- a level that moves both ways (missing, displaced): listed by date, the undated last, since
  any order is possible.

It replaces the moment's pairwise discrepancies on the same figures (one finding per running
count, not one per pair). Witnesses: the moment's figures (a draft check reads every figure
of a moment its draft stands in)."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Finding
from ..timespan import before, same_day
from .discrepancy import agree_within, vague
from .figure import FINAL, Figure, timed
from .moment import Moment, all_parties
from .scene import Ctx, earlier_window, finding, other_sources, span

READS = "moment"


def unordered(a: Figure, b: Figure, ctx: Ctx) -> bool:
    """Whether the order of two figures' reports is not known: not both final tolls, not
    the same day, and neither report certainly before the other."""
    if a.as_of == b.as_of == FINAL or earlier_window(a, b, ctx) or earlier_window(b, a, ctx):
        return False  # a count whose own text dates it before the other's is older
    sa, sb = span(a, ctx), span(b, ctx)
    return not (same_day(sa, sb) or before(sa, sb) or before(sb, sa))


def figures(m: Moment) -> list[Figure]:
    """The figures a running count is read from: counted wholes stated as numbers (a vague
    word fits too many counts to place), one per article: the most precise statement of its
    highest count ("about 100" and "98": 98). An article's lower figures of the same group
    are nearly always a place's or a day's share, or a count its sentence leaves behind
    ("rose to 34 from 16"), not another step of the count; but one a named source states
    that no higher figure of the article is attributed to ("the region says 27", "the
    hospitals say 33") is that source's own count, a second witness the article quotes,
    and is read too (the highest of each such source). A figure its article makes part of
    another ("12 children" of "60 dead") is read with its whole (:mod:`.grown_part`)."""
    by_doc: dict[str, list[Figure]] = {}
    for f in m.figures:
        if timed(f) and not vague(f) and f.whole is None:
            by_doc.setdefault(f.doc, []).append(f)
    out = []
    for figs in by_doc.values():
        top = _most_precise(figs)
        out.append(top)
        said = {witness(top)}
        by_source: dict[str, list[Figure]] = {}
        for f in figs:
            if (w := witness(f)) is not None:
                by_source.setdefault(w, []).append(f)
        for w, own in by_source.items():
            if w not in said:
                said.add(w)
                out.append(_most_precise(own))
    return out


def _most_precise(figs: Sequence[Figure]) -> Figure:
    """The most precise statement of the highest of these figures."""
    top = max(figs, key=lambda f: (f.point, f.low))  # the first of ties
    fits = [f for f in figs if f.low <= top.ceiling and top.low <= f.ceiling]
    return min(fits, key=lambda f: f.ceiling - f.low)


def witness(f: Figure) -> str | None:
    """The named source a figure's article attributes it to (its name, case-folded), or None
    for the outlet's own words and a per-side sum (which adds up several sources' figures)."""
    c = f.claims[0]
    if f.role == "sum" or c.source_kind != "attributed" or not c.source:
        return None
    return " ".join(c.source.split()).casefold()


def judge(m: Moment, ctx: Ctx) -> list[Finding]:
    """The running count of a moment whose figures' order is not all known, if any."""
    figs = figures(m)
    # figures that one count can fit in any order are the discrepancy verdict's
    if len({f.point for f in figs}) < 2 or all_parties(figs) or agree_within(figs) \
            or max(f.low for f in figs) <= min(f.ceiling for f in figs):
        return []
    listed = _one_per_figure(figs, ctx)
    if not 3 <= len(listed) <= int(ctx.cfg.get("running", {}).get("max_figures", 30)):
        # two figures: the pair's own verdict names why their order is not known; dozens:
        # no list an editor reads (and the pairs below are quadratic)
        return []
    if not any(unordered(a, b, ctx) for i, a in enumerate(listed) for b in listed[i + 1:]):
        return []
    sev = ctx.cfg["severity"]["running"]
    if not ctx.cumulative:
        return [finding(ctx, "discrepancy", "running_level", sev, _by_date(listed, ctx),
                        dated=True)]
    rising = sorted(listed, key=lambda f: (f.point, f.low))
    if _dates_allow(rising, ctx) and not _named_sources(rising):
        # what a running toll looks like when reports lag: nothing but the order is in
        # doubt, and the dates allow it to rise: an update, as two such figures are none
        return [finding(ctx, "update", "running", ctx.cfg["severity"]["update"], rising,
                        dated=True)]
    name = "running" if _dates_allow(rising, ctx) else "running_fall"
    return [finding(ctx, "discrepancy", name, sev, rising, dated=True)]


def _named_sources(figs: Sequence[Figure]) -> bool:
    """Whether two of the figures come from different named sources (a second doubt
    besides the order: they may count differently, :func:`.scene.other_sources`)."""
    return any(other_sources(a, b) is not None for i, a in enumerate(figs) for b in figs[i + 1:])


def _one_per_figure(figs: Sequence[Figure], ctx: Ctx) -> list[Figure]:
    """Each number once: of the figures stating it ("58", "at least 58", "more than 58"), the
    narrowest, and of its reports the one whose date is best known (a number two outlets
    state is one step of the count; the first of equals, in canonical order)."""
    out: dict[float, Figure] = {}
    for f in figs:
        have = out.get(f.point)
        if have is None or _rank(f, ctx) < _rank(have, ctx):
            out[f.point] = f
    return list(out.values())


def _rank(f: Figure, ctx: Ctx) -> tuple[float, int]:
    return (f.ceiling - f.low, _PRECISION.get(span(f, ctx).precision, len(_PRECISION)))


# how well a report's date is known, best first
_PRECISION = {"day": 0, "month": 1, "year": 2, "inferred": 3, "unknown": 4}


def _by_date(figs: Sequence[Figure], ctx: Ctx) -> list[Figure]:
    """Figures by what is known of their report's date (the first day it can be), the
    undated last (stable: ties keep the canonical order)."""
    def key(f: Figure):
        first = span(f, ctx).first
        return (first is None, first.toordinal() if first else 0)
    return sorted(figs, key=key)


def _dates_allow(rising: Sequence[Figure], ctx: Ctx) -> bool:
    """Whether the known dates allow the rising order: no higher figure's report certainly
    came before a lower one's that excludes it."""
    return not any(hi.low > lo.ceiling and before(span(hi, ctx), span(lo, ctx))
                   for i, lo in enumerate(rising) for hi in rising[i + 1:])


# the reasons (``[reasons]`` of verdicts.toml) of its findings
REASONS = frozenset({"running", "running_fall", "running_level"})
# the moment's pairwise findings on whole figures it replaces (of the articles it lists)
SUBSUMES = frozenset({"order_unknown", "order_unknown_level", "discrepancy"})
