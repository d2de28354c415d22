"""Correction: a figure whose own sentence announces a revision ("the toll was revised to
97", "a seguito di una correzione", "sono stati 2.975 e non 64"), reported as such, neither
a falling count nor an update nor a contradiction. Witnesses: the revised figure and the
figure it revises, the top figure of the moment before it (the count that stood when the
revision came); the other reports of the figure it revises read before it are named too
("a and b said 39; c says it was lowered to 38"), and the later reports that tell the same
revision again ("d also says it was lowered to 38"). The cues are regexes per language
(``[corrections.cues]`` in verdicts.toml, with examples): :mod:`.revision`."""

from __future__ import annotations

from ..model import Finding
from .revision import correction_cues, revised  # noqa: F401  (the cues' public names)
from .scene import Ctx, finding, says
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
