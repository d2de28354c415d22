"""Correction: a figure whose own sentence announces a revision ("the toll was revised to
97", "a seguito di una correzione", "sono stati 2.975 e non 64"), reported as such, neither
a falling count nor an update nor a contradiction. Witnesses: the revised figure and the
figure it revises, the top figure of the moment before it (the count that stood when the
revision came); the other reports of the figure it revises read before it are named too
("a and b said 39; c says it was lowered to 38"), and the later reports that tell the same
revision again ("d also says it was lowered to 38"). The cues are regexes per language
(``[corrections.cues]`` in verdicts.toml, with examples): :mod:`.revision`.

A revision one article tells is told for every report: when an article gives a figure as the
one first given and another as the count now ("15 injured, initially 16, then one was
discharged"), two other reports of those two numbers are that revision, not a discrepancy
nor a contradiction between them (:func:`retold`: the finding becomes a correction naming
the article that tells it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Finding
from .figure import Figure, first_given, timed
from .revision import correction_cues, revised  # noqa: F401  (the cues' public names)
from .scene import Ctx, finding, says
from .wording import fmt_number
from .timeline import Timeline, read

READS = "timeline"


def judge(t: Timeline, ctx: Ctx) -> list[Finding]:
    """The corrections of a group's timeline."""
    sev = ctx.cfg["severity"]["correction"]
    # a revision of the moment before, or an older count the revised figure replaces
    steps = {(id(s.earlier), id(s.later)): s for s in
             [*t.revisions, *(s for s in t.backdated if t.is_revised(s.later))]}
    out = []
    join = ctx.cfg["phrases"].get("list_join", ", ")
    for s in steps.values():
        # every report of the revised figure read before the revision is named with it, and
        # every later report telling the same revision again
        before = [s.earlier, *t.told_before.get(id(s.later), ())]
        after = [s.later, *t.told_after.get(id(s.later), ())]
        if len(before) == len(after) == 1:
            out.append(finding(ctx, "correction", "correction", sev, [s.earlier, s.later],
                               dated=True))
            continue
        out.append(finding(ctx, "correction", "correction" if len(after) == 1 else
                           "correction_told", sev, [*before, *after], dated=True,
                           a=join.join(says(f, ctx, dated=True) for f in before),
                           b=join.join(says(f, ctx, dated=True) for f in after)))
    return out


# the figures of a moment it can name: those the timeline reads (one function for every
# timeline verdict, so a draft check reads each moment once)
witnesses = read


# the verdicts of two figures that a revision told by an article explains
_EXPLAINED = frozenset({"discrepancy", "contradiction", "possible contradiction"})


def told_revisions(figs: Sequence[Figure]) -> dict[tuple[float, float], list[Figure]]:
    """``(first given, count now) -> the figures of the article telling it``: of each
    article that gives one figure of the group as the one first given (its sentence says so:
    :func:`.revision.told_first`) and another as its count, the two numbers."""
    firsts = [f for f in figs if first_given(f)]
    if not firsts:
        return {}
    out: dict[tuple[float, float], list[Figure]] = {}
    for f in firsts:
        for g in figs:
            if g.doc == f.doc and timed(g) and g.point != f.point:
                out.setdefault((f.point, g.point), [f, g])
    return out


def tellers(figs: Sequence[Figure]) -> list[Figure]:
    """The figures :func:`told_revisions` reads (a draft check reads them too)."""
    docs = {f.doc for f in figs if first_given(f)}
    return [f for f in figs if f.doc in docs and (first_given(f) or timed(f))] if docs else []


def retold(found: Sequence[Finding], told: dict[tuple[float, float], list[Figure]],
           ctx: Ctx) -> list[Finding]:
    """``found`` with each finding on two figures of other articles whose numbers an article
    of the group tells as a revision (first given, then its count now) made a correction
    naming that article: the revision it tells is news of every report of those numbers."""
    if not told:
        return list(found)
    out = []
    done: set[tuple[float, float]] = set()  # one correction per revision told
    for f in found:
        pair = f.figures if len(f.figures) == 2 else ()
        hit = None
        if f.verdict in _EXPLAINED and pair:
            a, b = pair
            for key in ((a.point, b.point), (b.point, a.point)):
                tell = told.get(key)
                if tell is not None and tell[0].doc not in (a.doc, b.doc):
                    hit = (key, tell)
                    break
        if hit is None:
            out.append(f)
            continue
        (old, new), tell = hit
        if (old, new) in done:
            continue  # the other reports of its numbers are the first one's peers
        done.add((old, new))
        first, now = (a, b) if a.point == old else (b, a)
        doc = ctx.labels.get(tell[0].doc, tell[0].doc)
        c = finding(ctx, "correction", "correction_retold", ctx.cfg["severity"]["correction"],
                    [first, now], dated=True, teller=doc, old=fmt_number(old),
                    new=fmt_number(new))
        claims = dict.fromkeys(c.claims)
        for g in tell:
            claims.update(dict.fromkeys(g.claims))
        out.append(replace(c, claims=tuple(claims)))
    return out
