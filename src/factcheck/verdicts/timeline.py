"""A group over time: the steps the verdicts across moments judge, read once.

Over counted whole figures, moment by moment: a *fall* is a moment whose lowest upper
bound is below the strongest lower bound reported before (read only for running counts;
where no count fell, estimates are read too, for a fall from or to one only: a discrepancy of
methods, never a step of the chain); a
*rise* is a step of the chain of each moment's top figure, certainly later than the previous
link and (for a running count) higher (a level that moves both ways: any change). A lower
figure whose report is later but whose count is certainly older (a final toll of a window
that ends before the higher figure's count does: "they had 6 to 18 deaths when I left",
quoted a year on) is no fall: it is *backdated*, a step up in the time the counts stood.
A figure whose sentence announces a revision is *revised*: its step is a correction. So is
a figure of an article that tells another figure of the group as the one first given
(:func:`.revision.superseded`: "far fewer than the nearly 500 deaths officials originally
described ... at least 471 were killed"); the figure told so is no count of its report's day
and is not read across time.
A *floor* is a later open lower bound ("more than 3,900") far below a count already
reported (11,300): it excludes nothing, so it is no fall, but it is no step of that count
either (:func:`floor_below`).
Two figures of the same count told two ways ("more than 60" then "60", "about 100" then
"105": :mod:`.same_count`) are neither a fall nor a rise.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..timespan import before
from .figure import FINAL, Figure, counted, estimated, first_given, timed
from .revision import named_numbers, revised as announces_revision
from .same_count import same_count
from .scene import Ctx, earlier_window, restated_after, scale_ratio, span, unrelated


class Step(NamedTuple):
    """Two figures of a group at different moments: ``earlier`` then ``later``."""

    earlier: Figure
    later: Figure


class Timeline(NamedTuple):
    """``falls``: (the strongest earlier lower bound, a lower count after it); ``rises``: the
    chain's steps, in order; ``backdated``: (an older count reported later, the higher
    count it is older than); ``revisions``: (the figure revised, a figure whose sentence
    announces the revision; see :func:`revised_from`); ``revised``: (doc, stated figure) of
    the figures whose sentence announces a revision."""

    falls: list[Step]
    rises: list[Step]
    backdated: list[Step]
    revisions: list[Step]
    revised: frozenset[tuple[str, tuple]]
    # (the strongest count reported before, a later floor far below it): see floor_below
    floors: list[Step] = []
    # of each revision (by ``id`` of its later figure), the other reports of the figure it
    # revises read before it (one per article): "39" in two papers, then "lowered to 38"
    told_before: dict[int, tuple[Figure, ...]] = {}
    # and the later reports that tell the same revision again (one per article)
    told_after: dict[int, tuple[Figure, ...]] = {}
    # of a chain's link (by ``id``), the earlier links it replaced that stated the same count
    # ("as many as 12" on the 26th, "a dozen" on the 27th): the first reports of its count
    retold: dict[int, tuple[Figure, ...]] = {}
    # the counted whole figures of reports that are undated (no as-of date): no step of the
    # chain by date, but one by number (:func:`.update.placed`)
    undated: tuple[Figure, ...] = ()

    def is_revised(self, f: Figure) -> bool:
        """Whether the text announces this figure as a revision (its sentence, or the
        sentence of the same figure elsewhere in its article: a headline and its body)."""
        return (f.doc, f.key) in self.revised


def counts_older(a: Figure, b: Figure, ctx: Ctx) -> bool:
    """Whether ``a`` is a count of a window that certainly ends before ``b``'s: the period
    ``a``'s text states ends before ``b``'s count stood ("two dead on 3 May" in a report of
    the 16th, against 13 of 18 May), or ``a`` is a figure reported long after its period (read
    as a final toll) and ``b`` a running count whose period ends later. Then ``a`` is older
    than ``b`` whatever the reports' dates."""
    if earlier_window(a, b, ctx):
        return True
    if a.as_of != FINAL or b.as_of == FINAL:
        return False
    ea, eb = a.claims[0].period_end, b.claims[0].period_end
    return ea is not None and eb is not None and ea < eb


def certainly_later(a: Figure, b: Figure, ctx: Ctx) -> bool:
    """Whether ``b``'s count certainly stood after ``a``'s: its report certainly came after
    ``a``'s and its count is not certainly older (:func:`counts_older`), or ``b`` is a final
    toll and ``a`` is not (and ``a`` does not count past ``b``'s window)."""
    if counts_older(b, a, ctx):
        return False
    return before(span(a, ctx), span(b, ctx)) or (b.as_of == FINAL and a.as_of != FINAL)


def _scale(ctx: Ctx) -> float:
    return float(ctx.cfg.get("scale", {}).get("factor", math.inf))


def top(figs: Sequence[Figure]) -> Figure:
    """The highest figure of a moment (the first of ties; of its article's ties, the most
    precise: "7" before "at least 7", the same count stated less exactly)."""
    first = max(figs, key=lambda f: f.point)
    return max((f for f in figs if f.point == first.point and f.doc == first.doc),
               key=lambda f: f.low - f.ceiling)


def strongest(figs: Sequence[Figure]) -> Figure:
    """The figure with the highest lower bound (the first of ties)."""
    return max(figs, key=lambda f: f.low)


def weakest(figs: Sequence[Figure]) -> Figure:
    """The figure with the lowest upper bound (the first of ties)."""
    return min(figs, key=lambda f: f.ceiling)


def _sooner(f: Figure, than: Figure, ctx: Ctx) -> bool:
    """Whether ``f``'s report certainly ends sooner than ``than``'s (of two reports of one
    figure, the one known to be older is the one a later fall is certain against)."""
    a, b = span(f, ctx).last, span(than, ctx).last
    return a is not None and (b is None or a < b)


def timeline(segs: Sequence[Sequence[Figure]], ctx: Ctx) -> Timeline:
    """The falls, rises, backdated steps and revisions of these moments (in time order)."""
    falls: list[Step] = []
    rises: list[Step] = []
    backdated: list[Step] = []
    revisions: list[Step] = []
    floors: list[Step] = []
    told_before: dict[int, tuple[Figure, ...]] = {}
    after: dict[int, list[Figure]] = {}
    retold: dict[int, tuple[Figure, ...]] = {}
    # a figure told as the one first given is no count of its report's day; its article's
    # other figures revise it, naming its number
    firsts: dict[str, set[float]] = {}
    moments = []
    for seg in segs:
        real, guessed = [], []
        for f in seg:
            if timed(f):
                real.append(f)
            elif first_given(f):
                firsts.setdefault(f.doc, set()).add(f.point)
            elif estimated(f):
                guessed.append(f)
        if real or guessed:
            moments.append((real, guessed))
    revised = frozenset((f.doc, f.key) for real, _ in moments for f in real
                        if announces_revision(f, ctx.cfg)
                        or f.point not in firsts.get(f.doc, (f.point,)))
    best: Figure | None = None  # the strongest lower bound reported so far
    last: Figure | None = None  # the chain's last link
    previous: Figure | None = None  # the previous moment's top figure
    seen: list[Figure] = []  # the figures read in the moments before
    firm: dict = {}  # the end of a report's span -> the strongest figure read with it
    # the same two with the estimates, read for a fall from or to an estimate only
    best_any: Figure | None = None
    firm_any: dict = {}
    for real, guessed in moments:
        fell = len(falls) + len(backdated)
        # a count its article tells as an estimate is read for a fall only, never a link of
        # the chain (a rise to an estimate says nothing of the count): 36 dead, locals' 480,
        # then 115 is one count rising from 36 to 115
        linked = [f for f in real if not f.estimate]
        if real:
            high = top(linked or real)
            # among the figures the timeline reads (a draft check reads only those)
            shown = _extremes(real)
            # revisions announced before: one told again later is not news of another
            told = [g for g in seen if (g.doc, g.key) in revised]
            for f in _distinct_revised(shown, revised):
                # the numbers named by every sentence of its article stating it (a headline
                # "toll lowered to 97" and its body "... down from 115")
                # (of an article telling the figure first given, that figure's number: its
                # sentence names the replaced count, not the other numbers of the revised one's)
                named = frozenset(firsts[f.doc]) if f.doc in firsts else frozenset().union(
                    *(named_numbers(g) for g in real if g.doc == f.doc and g.key == f.key))
                # told again: the same revised figure, or a sentence naming one ("revised from
                # 115 to 97" after the news of 97: its 115 is the old figure, no revision)
                if any(g.key == f.key or (g.point != f.point and g.point in named) for g in told):
                    # the same revised figure told again by another article: named with the
                    # revision it retells
                    first = next((r.later for r in revisions if r.later.key == f.key), None)
                    if first is not None and f.doc != first.doc and all(
                            g.doc != f.doc for g in after.setdefault(id(first), [])):
                        after[id(first)].append(f)
                    continue
                old = revised_from(f, named, seen, best if ctx.cumulative else previous)
                if old is not None:
                    revisions.append(Step(old, f))
                    others: dict[str, Figure] = {}
                    for g in seen:
                        if g.key == old.key and g.doc not in (old.doc, f.doc):
                            others.setdefault(g.doc, g)
                    told_before[id(f)] = tuple(others.values())
            # a count one sentence names as left behind ("rose to 34 from 16") is no fall
            behind = left_behind(real)
            standing = [f for f in real if id(f) not in behind]
            if ctx.cumulative and best is not None and standing:
                floor = lowest_floor(standing)
                if floor is not None and floor_below(best, floor, ctx) \
                        and not any(d == floor.doc and k[-1] == floor.point for d, k in revised):
                    # against the first report of the count (a floor is news against it), not
                    # a later restatement; no floor its article announces as a revision
                    first = next((g for g in seen if g is best or same_count(g, best)), best)
                    floors.append(Step(first, floor))
                low = weakest(standing)
                earlier = _fallen_from(low, best, firm, ctx) if low.ceiling < best.low else None
                if earlier is not None:
                    if counts_older(low, earlier, ctx):
                        backdated.append(Step(low, earlier))
                    else:
                        falls.append(Step(earlier, low))
            if not linked:
                pass  # only estimates here: the chain waits for the next count
            elif last is None:
                last = high
            else:
                high = _link(linked, high, last, ctx)
            if not linked or last is high:
                pass
            elif high.key == last.key:
                if _sooner(high, last, ctx):  # the same figure, its date better known: the
                    last = high               # next link is certainly later than it sooner
            elif certainly_later(last, high, ctx):
                if same_count(last, high):
                    # the same count told again ("about 100", then "105"): no rise; the chain
                    # goes on from the later report, which names the earlier ones
                    retold[id(high)] = (*retold.get(id(last), ()), last)
                    last = high
                elif high.point > last.point or not ctx.cumulative:
                    rises.append(Step(last, high))
                    last = high
                elif scale_ratio(last, high) < _scale(ctx) and restated_after(last, high, ctx) is None:
                    # a running count now stands lower (the fall is the falling verdict's): the
                    # chain goes on from the count that stands, not from the one it replaced;
                    # not from a lower count a day on, which may be the older one restated
                    last = high
            elif not certainly_later(high, last, ctx) and _sooner(high, last, ctx):
                # the last link's date is vaguer (a month) and holds this report's: a chain is
                # made of reports in a certain order, so it goes on from the better-dated one
                last = high
            # the strongest lower bound so far; of equal ones, the report known to be older
            # (a fall is certain against it when it is against any of them)
            for f in real:
                if best is None or f.low > best.low or (f.low == best.low and _sooner(f, best, ctx)):
                    best = f
            previous = high
            seen.extend(shown)
            for f in shown:
                _hold(firm, f, ctx)
        if ctx.cumulative and best_any is not None and len(falls) + len(backdated) == fell:
            # no count fell here: a fall from or to an estimate (a discrepancy of methods)
            step = _estimate_fall([*standing, *guessed] if real else guessed, best_any,
                                  firm_any, ctx)
            if step is not None:
                falls.append(step)
        for f in [*(_extremes(real) if real else ()), *(_extremes(guessed) if guessed else ())]:
            if best_any is None or f.low > best_any.low \
                    or (f.low == best_any.low and _sooner(f, best_any, ctx)):
                best_any = f
            _hold(firm_any, f, ctx)
    undated = tuple(f for seg in segs for f in seg
                    if f.as_of is None and timed(f) and (f.doc, f.key) not in revised)
    return Timeline(falls, rises, backdated, revisions, revised, floors, told_before,
                    {k: tuple(v) for k, v in after.items() if v}, retold, undated)


def _hold(firm: dict, f: Figure, ctx: Ctx) -> None:
    """Keep ``f`` if it is the strongest figure read of the end of its report's span."""
    end = span(f, ctx).last
    if end is not None and (end not in firm or f.low > firm[end].low):
        firm[end] = f


def _estimate_fall(figs: Sequence[Figure], best: Figure, firm: dict, ctx: Ctx
                   ) -> Step | None:
    """A fall from or to an estimate, at a moment where no count fell: the lowest upper bound
    of its standing counts and its estimates, below the strongest lower bound read before
    (counts and estimates) or a report certainly older that exceeds it, one of the two an
    estimate ("an estimated 4,600" in one month, an official 2,900 the next). They differ by
    method, a discrepancy (:mod:`.falling`). Estimates are read for this only: never a step
    of the chain, a revision or a floor (a rise to an estimate says nothing of the count)."""
    if not figs:
        return None
    low = weakest(figs)
    if low.ceiling >= best.low:
        return None
    earlier = _fallen_from(low, best, firm, ctx)
    if earlier is None or (counted(earlier) and counted(low)) or counts_older(low, earlier, ctx):
        return None
    return Step(earlier, low)


def _link(real: Sequence[Figure], high: Figure, last: Figure, ctx: Ctx) -> Figure:
    """The figure of a moment the chain goes on to from ``last``: its top figure, unless that
    is of a report whose order against ``last`` is not known (undated) while another figure
    the timeline reads is certainly later: then the highest of those ("10,100" on the 17th,
    then "over 9,000" on the 18th and an undated "10,000": the step is to the dated one; a
    chain is made of reports in a certain order)."""
    if high.key == last.key or certainly_later(last, high, ctx) or certainly_later(high, last, ctx):
        return high
    later = [f for f in read(real) if f.key != last.key and certainly_later(last, f, ctx)]
    return max(later, key=lambda f: f.point) if later else high


def lowest_floor(figs: Sequence[Figure]) -> Figure | None:
    """The open lower bound ("more than 3,900", "at least 50") with the lowest number among
    these figures (the first of ties), None when there is none."""
    open_ = [f for f in figs if f.high is None]
    return min(open_, key=lambda f: f.low) if open_ else None


def floor_below(best: Figure, floor: Figure, ctx: Ctx) -> bool:
    """Whether an open lower bound reported certainly after ``best`` stands far below it:
    its number is under ``best``'s lower bound by more than ``[floors] below`` of it (a
    report writing "more than 3,900" after 11,300 was counted, not "at least 150" after
    154), the two are no same count told two ways, not ten times apart (then the floor
    counts something else: :func:`.scene.unrelated`) and not of one article. Both can be
    true, but a floor so far below the count already reported is another source's or an
    older count: a discrepancy to explain (unless its article announces it as a revision:
    then it is a correction, which the caller checks)."""
    share = float(ctx.cfg.get("floors", {}).get("below", 1.0))
    if floor.low >= best.low * (1 - share) or same_count(best, floor) \
            or unrelated(best, floor, ctx) or best.doc == floor.doc:
        return False
    return certainly_later(best, floor, ctx)


def _sentence(f: Figure) -> tuple:
    c = f.claims[0]
    return (f.doc, c.quote_start, c.quote)


def left_behind(figs: Sequence[Figure]) -> set[int]:
    """The figures (by ``id``) whose sentence also states a higher figure of their group that
    excludes them: of a running count, one sentence giving two counts says it moved from the
    lower to the higher ("increased to 34 from 16", "salito da 16 a 34"), so the lower one
    is a count already left behind, not where the count stands. A part ("34 dead, 16 of them
    children") is in another group, or no whole figure, and is never read here. Linear: a
    draft check reads every moment of its groups."""
    tops: dict[tuple, float] = {}
    for g in figs:
        k = _sentence(g)
        tops[k] = max(tops.get(k, -math.inf), g.low)
    return {id(f) for f in figs if tops[_sentence(f)] > f.ceiling}


def _fallen_from(low: Figure, best: Figure, firm: dict, ctx: Ctx) -> Figure | None:
    """The earlier figure a lower count falls from: a report certainly older, if one exceeds
    it (a report known only to the month, however strong, must not hide a certain fall), else
    the strongest lower bound so far; never the same count told another way ("more than
    60", then "60": :mod:`.same_count`). None: no fall."""
    earlier = _certainly_before(low, firm, ctx) or best
    if not same_count(earlier, low):
        return earlier
    return None if same_count(best, low) else best


def _certainly_before(low: Figure, firm: dict, ctx: Ctx) -> Figure | None:
    """The strongest figure read so far whose report certainly came before ``low``'s and
    whose lower bound exceeds it (None: none)."""
    first = span(low, ctx).first
    if first is None:
        return None
    found = None
    for end, f in firm.items():
        if end < first and f.low > low.ceiling and (found is None or f.low > found.low):
            found = f
    return found


def revised_from(f: Figure, named: frozenset[float], seen: Sequence[Figure],
                 standing: Figure | None) -> Figure | None:
    """The figure a revision ``f`` replaces: the latest earlier figure whose number its
    sentences name (``named``: "down from their previous toll of 115"), else the count
    standing before it (a running count's strongest lower bound so far; a level's previous
    moment's top); None when that states the same figure."""
    for g in reversed(seen):
        if g.key != f.key and g.point in named:
            return g
    return standing if standing is not None and standing.key != f.key else None


def _distinct_revised(real: Iterable[Figure], revised: frozenset) -> list[Figure]:
    out: dict[tuple, Figure] = {}
    for f in real:
        if (f.doc, f.key) in revised:
            out.setdefault((f.doc, f.key), f)
    return list(out.values())


def _extremes(real: Sequence[Figure]) -> list[Figure]:
    """The figures of a moment with its top figure, highest lower bound or lowest upper bound
    (ties all): the revisions and the chain read these."""
    hi = max(f.point for f in real)
    lo = max(f.low for f in real)
    ceil = min(f.ceiling for f in real)
    return [f for f in real if f.point == hi or f.low == lo or f.ceiling == ceil]


def read(seg: Sequence[Figure]) -> Iterable[Figure]:
    """The figures of a moment a timeline reads: its counted wholes with the top figure, the
    top dated figure, the highest lower bound or the lowest upper bound (ties all: which one
    is first depends on the order of figures a draft check has not read), and the figures
    their sentences state with them (:func:`left_behind`); of its estimates, the highest
    lower bound and the lowest upper bound (ties all), read for a fall only."""
    real = [f for f in seg if timed(f)]
    # the estimates' extremes: a fall from or to one is read (see _estimate_fall)
    guessed = [f for f in seg if estimated(f)]
    if guessed:
        return [*_extremes(guessed), *_read_counts(seg, real)]
    return _read_counts(seg, real)


def _read_counts(seg: Sequence[Figure], real: Sequence[Figure]) -> list[Figure]:
    # a figure told as the one first given, with its article's figures it makes revisions
    firsts = [f for f in seg if first_given(f)]
    if firsts:
        docs = {f.doc for f in firsts}
        return firsts + [f for f in real if f.doc in docs] + _read(real)
    return _read(real)


def _read(real: Sequence[Figure]) -> list[Figure]:
    if not real:
        return []
    behind = left_behind(real)
    # one pass for the extremes (a draft check reads every moment of its groups); the lowest
    # upper bound also among the counts no sentence leaves behind (the fall is read there)
    hi = lo = dated_hi = linked_hi = -math.inf
    ceil = ceil_standing = floor = math.inf
    for f in real:
        hi, lo = max(hi, f.point), max(lo, f.low)
        if f.as_of is not None:  # the top of the dated counts: a chain's link (see _link)
            dated_hi = max(dated_hi, f.point)
        if not f.estimate:  # the top of the counts no article tells as estimates: a link
            linked_hi = max(linked_hi, f.point)
        ceil = min(ceil, f.ceiling)
        if id(f) not in behind:
            ceil_standing = min(ceil_standing, f.ceiling)
            if f.high is None:  # the lowest floor a count no sentence leaves behind
                floor = min(floor, f.low)
    picked = [f for f in real if f.point in (hi, linked_hi) or f.low == lo
              or f.ceiling in (ceil, ceil_standing) or (f.high is None and f.low == floor)
              or (f.as_of is not None and f.point == dated_hi)]
    # and what their sentences state with them (a lowest count may be one left behind)
    said = {_sentence(f) for f in picked}
    return [f for f in real if f.point in (hi, linked_hi) or f.low == lo
            or f.ceiling in (ceil, ceil_standing) or (f.high is None and f.low == floor)
            or (f.as_of is not None and f.point == dated_hi) or _sentence(f) in said]
