"""Peers: the other reports of a finding's moment that state one of its figures.

A finding names two figures (the strongest and the weakest of a moment, the top of a
moment against a later fall, a chain's steps); several reports may state each of them at
that moment ("9 wounded" in three reports, "8" in one). An editor wants to see all of them
("three reports say 9, one says 8"), and the finding concerns them all. A peer of a figure
is a figure of the same moment (:func:`.scene.segments`) that states the same count
(:mod:`.same_count`), of the same kind (a whole for a whole, a part of the same whole for a
part) and the same party. A figure that could also be the finding's other count ("about 9"
beside "9" and "8") is nobody's peer: it would put two readings in one witness. The
figure's own article may word it again ("3,958" and "at least 3,958"): a peer too, though
the reason names each article once. A finding reads a count whenever it was stated: its
figures' peers are also the reports stating the same count in other moments, its number
however worded ("at least 471", and "471" a month on), alike as above (a chain's step, a
fall, a revision, and a moment's discrepancy alike: "15" on the 1st and the 8th against a
"10" of the 8th; :func:`.judge_group`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Claim, Finding
from .figure import Figure
from .same_count import same_count
from .wording import figure_phrase


def _alike(g: Figure, x: Figure) -> bool:
    """Whether ``g`` can stand beside ``x`` as the same stated count."""
    return (g.role == "part") == (x.role == "part") and g.whole == x.whole \
        and g.party == x.party and same_count(g, x)


def moments_of(segs: Sequence[Sequence[Figure]]) -> dict[int, Sequence[Figure]]:
    """Each figure's moment, by the figure's id (built once per group, not per finding)."""
    return {id(f): seg for seg in segs for f in seg}


def peers_of(figs: Sequence[Figure], where: dict[int, Sequence[Figure]]
             ) -> list[tuple[Figure, list[Figure]]]:
    """Each figure of ``figs`` with the figures of its own moment (``where``:
    :func:`moments_of`) that state its count, in canonical order; one per article and
    wording (a headline and its body state one figure), none that is one of ``figs`` or
    could state another's count."""
    taken = {id(f) for f in figs}
    seen = {(f.doc, f.key) for f in figs}
    out: list[tuple[Figure, list[Figure]]] = []
    for x in figs:
        mine: list[Figure] = []
        others = [y for y in figs if y.key != x.key]
        for g in where.get(id(x), ()):
            if id(g) in taken or (g.doc, g.key) in seen or not _alike(g, x) \
                    or any(same_count(g, y) for y in others):
                continue
            seen.add((g.doc, g.key))
            mine.append(g)
        out.append((x, mine))
    return out


def with_peers(f: Finding, where: dict[int, Sequence[Figure]], ctx_cfg: dict,
               labels: dict[str, str]) -> Finding:
    """``f`` with the peers of its figures: in ``peers``, one tuple per figure (an editor
    and a scorer can tell three reports of 9 from a 9 set against an 8), their claims added
    to ``claims``, and the reason saying who else states each figure ("Also stating 9: 003,
    005.")."""
    each = peers_of(f.figures, where)
    # peers the verdict named itself (the later reports of one fallen count) stay, said
    # already by its reason: found again here, they are not said twice
    own = [{id(p) for p in ps} for ps in f.peers] if f.peers else [set() for _ in f.figures]
    each = [(x, [p for p in ps if id(p) not in mine]) for (x, ps), mine in zip(each, own)]
    found = [(x, ps) for x, ps in each if ps]
    if not found:
        return f
    reasons = ctx_cfg.get("reasons", {})
    text, more = reasons.get("peers", ""), reasons.get("peers_more", "{n} more")
    join = ctx_cfg.get("phrases", {}).get("list_join", ", ")
    cap = int(ctx_cfg.get("phrases", {}).get("max_listed", 4))
    said: list[str] = []
    peers: list[Figure] = []
    done: set[tuple] = set()  # one sentence per stated figure (a chain may repeat one)
    for x, ps in found:
        peers += ps
        if text and x.key not in done:
            done.add(x.key)
            # an article is one report of a count, however many ways it words it
            docs = list(dict.fromkeys(labels.get(p.doc, p.doc) for p in ps
                                      if p.doc != x.doc))
            if not docs:
                continue
            if len(docs) > cap:
                docs = docs[:cap] + [more.format(n=len(docs) - cap)]
            said.append(text.format(docs=join.join(docs), figure=figure_phrase(x, ctx_cfg)))
    claims: dict[Claim, None] = dict.fromkeys(f.claims)
    for p in peers:
        claims.update(dict.fromkeys(p.claims))
    mine = f.peers or tuple(() for _ in f.figures)
    return replace(f, reason=f.reason + "".join(said), claims=tuple(claims),
                   peers=tuple((*old, *ps) for old, (_, ps) in zip(mine, each)))


def peer_witnesses(seg: Sequence[Figure], chosen: Sequence[Figure]) -> list[Figure]:
    """The figures of a moment that state the count of one of ``chosen`` (what a draft
    check must read so that a finding on ``chosen`` names the same peers)."""
    return [g for g in seg if any(_alike(g, x) for x in chosen)]
