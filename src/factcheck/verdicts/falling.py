"""Falling count: a running (cumulative) count that a later report gives lower than an
earlier lower bound. Witnesses: the strongest lower bound reported before (of equal ones,
the report known to be older) and the lowest upper bound after it. A contradiction when the
lower report is certainly the later one (possible when something else is in doubt); when the
order is not certain, a discrepancy naming the doubts when something besides the order is
in doubt (two named sources, an ambiguous reading); none with nothing but the order in doubt
(the two fit the running toll with the lower first: :func:`.scene.consistent_running`, the
rule a moment's pair follows), nor when the two are far apart in scale (the lower may be an
early count or a part); one finding for all the lower counts whose order against one
higher count is in the same doubt; none when the two are so far apart in scale that they are not one count (:func:`.scene.unrelated`); when the lower
figure's sentence announces a revision, a correction instead; none when a report certainly
older than the lower one announced that revision (the count revised from the higher figure
to the lower one): the revised count told again, not a new fall. The later reports of one
lower count that fall certainly from the same count, for the same doubts, are one finding
naming them all ("at least 13 on the 27th; 5 on the 29th, 5 on the 1st"): one fall told
twice, not two problems. A fall from or to an estimate (a figure its article tells as one,
:func:`.figure.told_estimates`, or one stated as an estimate, which the timeline reads for a
fall only: :func:`.timeline._estimate_fall`) is a discrepancy: they differ by method."""

from __future__ import annotations

from ..model import Finding
from .figure import Figure, counted
from .config import setting
from .same_count import same_count
from .scene import (Ctx, conflict, consistent_running, doubts, explained, finding,
                    restated_after, says, span, unplaceable, unrelated)
from .timeline import Timeline, certainly_later, read

READS = "timeline"


def judge(t: Timeline, ctx: Ctx) -> list[Finding]:
    """The falls of a group's timeline that no revision explains."""
    out = []
    join = ctx.cfg["phrases"].get("doubt_join", "; ")
    # the lower counts whose order against one higher count is not certain, for one doubt:
    # one finding (an undated "at least 15" above the 5, 8 and 14 of three later days is one
    # question, whether it is the latest count, not three)
    unsure: dict[tuple, list[Figure]] = {}
    certain: list[tuple[Figure, list[Figure], list[str]]] = []
    for best, low in t.falls:
        if t.is_revised(low) or unrelated(best, low, ctx) or retells_revision(best, low, t, ctx):
            continue  # a revision is the correction's; a far smaller figure is no such count
        if certainly_later(best, low, ctx):
            why = doubts(best, low, ctx, same_time=False) + restated(best, low, ctx) \
                + lasted(best, low, t, ctx)
            # later reports of the same lower count, for the same doubts: one finding
            have = next((lows for b, lows, w in certain
                         if b is best and w == why and same_count(lows[0], low)), None)
            if have is not None:
                have.append(low)
            else:
                certain.append((best, [low], why))
        elif not (unplaceable(best, low, ctx) or consistent_running(best, low, ctx)):
            # nothing but the order in doubt: the lower may be the earlier count (one rule
            # with the moment's pair, wherever a month-dated report is filed)
            why = doubts(best, low, ctx) or [ctx.cfg["doubts"]["order"]]
            unsure.setdefault((id(best), join.join(why)), [best]).append(low)
    for best, (low, *again), why in certain:
        if not (counted(best) and counted(low)):
            # an estimate (its article tells the number as one) never makes a contradiction
            # with a count: they differ by method
            out.append(finding(ctx, "discrepancy", "falling_estimate",
                               ctx.cfg["severity"]["explained"], [best, low], dated=True))
            continue
        # two named sources, or a lower count a day on (maybe the older one restated): both
        # can be true, a discrepancy naming why
        both = explained(best, low, ctx, same_time=False) or bool(restated(best, low, ctx))
        out.append(conflict(ctx, "contradiction_falling", best, low, why, dated=True,
                            later=True, more=again, explains=both))
    sev = ctx.cfg["severity"]["falling_unsure"]
    for (_, why_said), (best, *lows) in unsure.items():
        if len(lows) == 1:
            out.append(finding(ctx, "discrepancy", "falling_unsure", sev, [best, *lows],
                               dated=True, why=why_said))
        else:
            listed = ctx.cfg["phrases"].get("list_join", ", ").join(
                says(f, ctx, dated=True) for f in lows)
            out.append(finding(ctx, "discrepancy", "falling_unsure_many", sev, [best, *lows],
                               dated=True, why=why_said, lows=listed))
    return out


def retells_revision(best: Figure, low: Figure, t: Timeline, ctx: Ctx) -> bool:
    """Whether ``low`` tells again a revision of ``best``'s count that a report certainly
    older than ``low``'s announced ("the ministry's 500 is now 471" on the 20th, then "471
    were killed" a month on): ``low`` states the revised count, ``best`` the count revised
    (or a lower one). When nothing dates the revision before ``low``'s report, the two
    reports read alone still conflict: a fall."""
    return any((r.later.key == low.key or same_count(r.later, low))
               and (r.earlier.key == best.key or same_count(r.earlier, best)
                    or best.low <= r.earlier.low)
               and certainly_later(r.later, low, ctx) for r in t.revisions)


def restated(best: Figure, low: Figure, ctx: Ctx) -> list[str]:
    """The doubt that a lower count is an older one restated (:func:`.scene.restated_after`),
    in words; empty when the reports are further apart."""
    n = restated_after(best, low, ctx)
    return [] if n is None else [ctx.cfg["doubts"]["restated"].format(n=n)]


def lasted(best: Figure, low: Figure, t: Timeline, ctx: Ctx) -> list[str]:
    """The doubt that a count is cumulative only over its first days (``cumulative_days``
    of verdicts.toml: the wounded reach hospitals and are registered in the first days;
    after them the injured die or go home, and many reports give those still in hospital),
    in words, when the lower count was first reported after that many days: "9 injured"
    on the 3rd and "7 injured, in hospital" on the 9th may both be true. The fall is dated
    by the first report of the lower count after ``best``: the same 5 told within two days
    and again four days on is one fall within the window, told twice. Empty when the
    metric has no such limit (0) or the fall came within it."""
    days = int(setting(ctx.cfg, ctx.metric, "cumulative_days") or 0)
    if days <= 0:
        return []
    lows = [x for b, x in t.falls if b is best and (x is low or same_count(x, low))
            and certainly_later(best, x, ctx)]
    firsts = [s.first for x in lows if (s := span(x, ctx)).first is not None]
    since = span(best, ctx).last
    if not firsts or since is None or (min(firsts) - since).days <= days:
        return []
    return [ctx.cfg["doubts"]["lasted"].format(n=(min(firsts) - since).days, days=days)]


# the figures of a moment it can name: those the timeline reads (one function for every
# timeline verdict, so a draft check reads each moment once)
witnesses = read
