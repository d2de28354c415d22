"""Score factcheck against gold annotations: claims, who/when/where, and verdicts.

Pure functions over what the pipeline made (claims, findings, the quantities the number
reader found) and the gold (:mod:`factcheck.gold`). :func:`evaluate` returns one plain,
JSON-ready dict; :mod:`factcheck.evaluation_report` renders it as Markdown.

Claims are matched one to one within each article where the figure texts overlap. A match
is *strict* when the metric is right and the interval is right for the gold bound.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import regex

from .gold import FLAGGED, QUIET, GoldClaim, GoldGroup
from .model import Claim, Finding, Quantity, Unclaimed

# vague words name a magnitude: the predicted interval must lie within it
_VAGUE_MAGNITUDE = {"vague-tens": 1, "vague-hundreds": 2, "vague-thousands": 3,
                    "vague-tens-of-thousands": 4, "vague-hundreds-of-thousands": 5,
                    "vague-millions": 6}
# words that say nothing of who the source is, dropped before comparing two sources
_SOURCE_STOP = frozenset("""
a al all alla alle allo agli ai d da dal dall dalla dalle dei del dell della delle dello di e ed
gli i il in l la le lo per secondo su sul sulla un una uno
according an and as at by for from of on said says the to
""".split())
_WORD = regex.compile(r"[\p{L}\p{N}]+")

PredKey = tuple[str, int, int, str, str]  # doc, start, end, metric, rule


def claim_key(c: Claim) -> PredKey:
    """A predicted claim's identity (two claims of one figure differ by metric or rule)."""
    return (c.doc, c.start, c.end, c.metric, c.rule)


# ---------------------------------------------------------------- readings


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def interval_right(g: GoldClaim, q: Quantity) -> bool:
    """Whether the number reader's interval says what the gold bound says."""
    if g.bound == "exact":
        return _same(q.low, g.value) and _same(q.high, g.value)
    if g.bound == "approx":
        return q.qualifier in ("approx", "nearly") and _same(q.value, g.value)
    if g.bound == "min":
        return _same(q.low, g.value) and q.high is None
    if g.bound == "max":
        return _same(q.high, g.value) and (q.low is None or q.low <= 0 or q.low < q.high)
    if g.bound == "range":
        return _same(q.low, g.value) and _same(q.high, g.high)
    k = _VAGUE_MAGNITUDE[g.bound]
    lo = q.low if q.low is not None else q.value
    hi = q.high if q.high is not None else lo
    return (q.qualifier == "vague" and lo is not None and hi is not None
            and 10 ** k <= lo and hi < 10 ** (k + 1 if k < 6 else 9))


def strict_right(g: GoldClaim, c: Claim) -> bool:
    """The metric and the interval are both right."""
    return c.metric == g.metric and interval_right(g, c.quantity)


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "-".join(_WORD.findall("".join(ch for ch in text if not unicodedata.combining(ch))))


def side_right(gold: str | None, pred: str | None) -> bool:
    """Sides compare as ids; an area compares by its place's name (``area:rieti`` is
    ``area:provincia-di-rieti``)."""
    if gold is None or pred is None:
        return gold is None and pred is None
    g, p = gold.casefold().strip(), pred.casefold().strip()
    if g.startswith("area:") and p.startswith("area:"):
        gs, ps = _slug(g[5:]), _slug(p[5:])
        return bool(gs and ps) and (gs in ps or ps in gs)
    return _slug(g) == _slug(p)


def _source_words(text: str) -> set[str]:
    words = _WORD.findall(_slug(text).replace("-", " "))
    return {w for w in words if w not in _SOURCE_STOP}


def source_right(gold: str | None, c: Claim) -> bool:
    """No source in the gold means the article states the figure itself (the outlet); a gold
    source is right when the attributed noun phrase shares most of its words (F1 > 0.5)."""
    attributed = c.source_kind == "attributed" and bool(c.source)
    if gold is None:
        return not attributed
    if not attributed:
        return False
    g, p = _source_words(gold), _source_words(c.source or "")
    if not g or not p:
        return False
    both = len(g & p)
    return 2 * both / (len(g) + len(p)) > 0.5


def period_right(gold: tuple[date, date] | None, c: Claim) -> bool | None:
    """The predicted period overlaps the gold one (None: the gold states no period)."""
    if gold is None:
        return None
    lo = c.period_start or c.period_end
    hi = c.period_end or c.period_start
    if lo is None or hi is None:
        return False
    return lo <= gold[1] and gold[0] <= hi


# ---------------------------------------------------------------- matching


@dataclass(frozen=True)
class Match:
    """A gold claim and the predicted claim whose figure overlaps it."""

    gold: GoldClaim
    pred: Claim

    @property
    def strict(self) -> bool:
        return strict_right(self.gold, self.pred)


def match_claims(gold: Sequence[GoldClaim], pred: Sequence[Claim]
                 ) -> tuple[list[Match], list[GoldClaim], list[Claim]]:
    """One-to-one matches within each article where the figure texts overlap, strictly
    right pairs first, then the larger overlap; plus the unmatched gold and predicted claims."""
    pred_by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in pred:
        pred_by_doc[c.doc].append(c)
    pairs = []
    for g in gold:
        for c in pred_by_doc.get(g.doc, ()):
            overlap = min(g.end, c.end) - max(g.start, c.start)
            if overlap > 0:
                pairs.append((not strict_right(g, c), -overlap, g.id, c.start, c.rule, g, c))
    pairs.sort(key=lambda p: p[:5])
    used_g: set[int] = set()
    used_p: set[PredKey] = set()
    matches = []
    for *_, g, c in pairs:
        if g.id in used_g or claim_key(c) in used_p:
            continue
        used_g.add(g.id)
        used_p.add(claim_key(c))
        matches.append(Match(g, c))
    matches.sort(key=lambda m: m.gold.id)
    missed = [g for g in gold if g.id not in used_g]
    extra = [c for c in pred if claim_key(c) not in used_p]
    return matches, missed, extra


# ---------------------------------------------------------------- scores


def prf(tp: int, n_pred: int, n_gold: int, tp_pred: int | None = None) -> dict[str, Any]:
    """Precision, recall and F1 with their counts (None where undefined). ``tp_pred``, when
    it differs, is the hits counted on the predicted side (a span hit of the wrong metric
    counts for the gold's metric in recall and the prediction's in precision)."""
    tp_p = tp if tp_pred is None else tp_pred
    p = tp_p / n_pred if n_pred else None
    r = tp / n_gold if n_gold else None
    f = None
    if p is not None and r is not None:
        f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "predicted": n_pred, "gold": n_gold}


def _scores_by(key_gold: Callable[[GoldClaim], str], key_pred: Callable[[Claim], str],
               gold: Sequence[GoldClaim], pred: Sequence[Claim], matches: Sequence[Match]
               ) -> dict[str, dict[str, Any]]:
    """Strict and span scores per value of a key (metric, language, article)."""
    n_gold = Counter(key_gold(g) for g in gold)
    n_pred = Counter(key_pred(c) for c in pred)
    strict = Counter(key_gold(m.gold) for m in matches if m.strict)
    span_g = Counter(key_gold(m.gold) for m in matches)
    span_p = Counter(key_pred(m.pred) for m in matches)
    return {k: {"strict": prf(strict[k], n_pred[k], n_gold[k]),
                "span": prf(span_g[k], n_pred[k], n_gold[k], span_p[k])}
            for k in sorted(n_gold.keys() | n_pred.keys())}


def _share(right: int, total: int) -> dict[str, Any]:
    return {"accuracy": right / total if total else None, "right": right, "total": total}


def event_consistency(matches: Sequence[Match]) -> dict[str, Any]:
    """Whether gold events map consistently to predicted events.

    Each gold event maps to the predicted event most of its figures got, and each predicted
    event belongs to the gold event with most figures in it (ties: by name). A figure is right
    when its predicted event is its gold event's and belongs to it: one stray background
    figure merged into a story's event is wrong, the story's own figures stay right. A gold
    event spread over several predicted events (or partly none) is *split*; a predicted event
    holding figures of several gold events is *merged*; both are listed.
    """
    by_gold: dict[str, Counter] = defaultdict(Counter)
    for m in matches:
        if m.gold.event:
            by_gold[m.gold.event][m.pred.event] += 1
    owner_of: dict[str, str | None] = {
        g: sorted(cnt.items(), key=lambda kv: (-kv[1], kv[0] is None, kv[0] or ""))[0][0]
        for g, cnt in by_gold.items()}
    by_pred: dict[str, Counter] = defaultdict(Counter)
    for g, cnt in by_gold.items():
        for p, n in cnt.items():
            if p is not None:
                by_pred[p][g] += n
    holder = {p: sorted(cnt.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
              for p, cnt in by_pred.items()}
    right = total = 0
    errors: list[dict[str, Any]] = []
    for m in matches:
        if not m.gold.event:
            continue
        total += 1
        p = m.pred.event
        ok = p is not None and p == owner_of[m.gold.event] and holder[p] == m.gold.event
        right += ok
    for g, cnt in sorted(by_gold.items()):
        if len(cnt) > 1 or None in cnt:
            errors.append({"kind": "split", "gold_event": g,
                           "predicted": {str(k): v for k, v in sorted(
                               cnt.items(), key=lambda kv: (-kv[1], str(kv[0])))}})
    for p, cnt in sorted(by_pred.items()):
        if len(cnt) > 1:
            errors.append({"kind": "merged", "predicted_event": p,
                           "gold": dict(sorted(cnt.items(), key=lambda kv: (-kv[1], kv[0])))})
    out = _share(right, total)
    out["splits"] = sum(1 for e in errors if e["kind"] == "split")
    out["merges"] = sum(1 for e in errors if e["kind"] == "merged")
    out["errors"] = errors
    return out


def attribute_scores(matches: Sequence[Match], gold_by_id: Mapping[int, GoldClaim]
                     ) -> dict[str, Any]:
    """On matched claims: the share right for side, subgroup, source, period, status,
    parent link and event."""
    ms = list(matches)
    periods = [ok for m in ms if (ok := period_right(m.gold.period, m.pred)) is not None]
    with_parent = [m for m in ms if m.gold.parent is not None]
    with_subgroup = [m for m in ms if m.gold.subgroup]
    return {
        "side": _share(sum(side_right(m.gold.side, m.pred.side) for m in ms), len(ms)),
        "subgroup": _share(sum(_slug(m.gold.subgroup or "") == _slug(m.pred.subgroup or "")
                               for m in ms), len(ms)),
        "subgroup_named": _share(sum(_slug(m.gold.subgroup or "") == _slug(m.pred.subgroup or "")
                                     for m in with_subgroup), len(with_subgroup)),
        "source": _share(sum(source_right(m.gold.source, m.pred) for m in ms), len(ms)),
        "period": _share(sum(periods), len(periods)),
        "status": _share(sum(m.gold.status == (m.pred.status or "counted") for m in ms), len(ms)),
        "parent": _share(sum(m.pred.parent is not None
                             and m.gold.parent[0] <= m.pred.parent < m.gold.parent[1]
                             for m in with_parent), len(with_parent)),
        "event": event_consistency(ms),
    }


# ---------------------------------------------------------------- why


def why_missed(g: GoldClaim, quantities: Sequence[Quantity], unclaimed: Sequence[Unclaimed],
               taken: Iterable[Claim]) -> str:
    """What ``explain`` would say of a gold figure no claim matched."""
    for c in taken:
        if min(g.end, c.end) - max(g.start, c.start) > 0:
            return (f"its claim ({c.metric}, {c.quantity.text!r}) was matched to another "
                    "gold figure")
    for u in unclaimed:
        if min(g.end, u.quantity.end) - max(g.start, u.quantity.start) > 0:
            return f"no rule claimed {u.quantity.text!r} ({u.reason})"
    for q in quantities:
        if min(g.end, q.end) - max(g.start, q.start) > 0:
            if q.kind != "count":
                return f"read as a {q.kind} ({q.text!r}): never a claim"
            return f"the count {q.text!r} was read but not claimed"
    return "the number reader found no number here"


def why_extra(c: Claim, gold_in_doc: Sequence[GoldClaim]) -> str:
    """Why a predicted claim matched no gold figure."""
    for g in gold_in_doc:
        if min(g.end, c.end) - max(g.start, c.start) > 0:
            return (f"rule {c.rule} read {c.quantity.text!r} as {c.metric}, but this gold "
                    f"figure ({g.metric}, {g.number!r}) was matched to another claim")
    return (f"rule {c.rule} read {c.quantity.text!r} as {c.metric}; no gold figure here "
            "(out of scope, or not a count of people)")


def why_wrong(m: Match) -> str:
    """Why a matched claim is not strictly right."""
    parts = []
    if m.pred.metric != m.gold.metric:
        parts.append(f"metric {m.pred.metric}, gold {m.gold.metric}")
    if not interval_right(m.gold, m.pred.quantity):
        q = m.pred.quantity
        parts.append(f"interval {_interval(q.low, q.high)} ({q.qualifier}), gold "
                     f"{m.gold.bound} {_num(m.gold.value)}"
                     + (f"-{_num(m.gold.high)}" if m.gold.high is not None else ""))
    return "; ".join(parts)


def context_errors(m: Match) -> dict[str, Any] | None:
    """What a matched claim got wrong of who is counted, who says so and when: gold and
    predicted side by side (None when all is right)."""
    g, c = m.gold, m.pred
    wrong: dict[str, Any] = {}
    if not side_right(g.side, c.side):
        wrong["side"] = {"gold": g.side, "predicted": c.side}
    if _slug(g.subgroup or "") != _slug(c.subgroup or ""):
        wrong["subgroup"] = {"gold": g.subgroup, "predicted": c.subgroup}
    if not source_right(g.source, c):
        wrong["source"] = {"gold": g.source, "predicted": c.source,
                           "predicted_kind": c.source_kind}
    if period_right(g.period, c) is False:
        wrong["period"] = {"gold": [d.isoformat() for d in g.period],  # type: ignore[union-attr]
                           "predicted": [_iso(c.period_start), _iso(c.period_end)],
                           "how": c.period_how}
    if g.status != (c.status or "counted"):
        wrong["status"] = {"gold": g.status, "predicted": c.status}
    if not wrong:
        return None
    return {"doc": g.doc, "where": g.where, "number": g.number, "quote": c.quote, **wrong}


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _num(x: float | None) -> str:
    if x is None:
        return "open"
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,}"


def _interval(lo: float | None, hi: float | None) -> str:
    return f"[{_num(lo)}, {_num(hi)}]"


# ---------------------------------------------------------------- verdicts


FLAG_VERDICTS_EXCLUDED = frozenset({"agree"})


def is_flag(f: Finding) -> bool:
    """A finding that asks an editor to look (every verdict but agreement)."""
    return f.verdict not in FLAG_VERDICTS_EXCLUDED


def is_contradiction(f: Finding) -> bool:
    """A certain contradiction (what ``--fail-on contradiction`` gates)."""
    return f.verdict == "contradiction"


def is_possible_contradiction(f: Finding) -> bool:
    """A contradiction the tool is not certain of (identity, time or numbers in doubt)."""
    return f.verdict.endswith("contradiction") and f.verdict != "contradiction"


def verdict_scores(findings: Sequence[Finding], groups: Sequence[GoldGroup],
                   gold_of_pred: Mapping[PredKey, int], gold_by_id: Mapping[int, GoldClaim],
                   labels: Mapping[str, str]) -> dict[str, Any]:
    """Flagged-group recall, flag and contradiction precision, quiet groups and traps.

    A finding covers a gold group when it holds the gold figures of at least two of the
    group's articles. A figure an article restates (the headline's "278" and the body's) is
    one figure: holding either is holding it.
    """
    def same_figure(g: GoldClaim) -> tuple:
        return (g.doc, g.metric, g.value, g.bound, g.high)

    held = [frozenset(same_figure(gold_by_id[gold_of_pred[k]]) for c in f.claims
                      if (k := claim_key(c)) in gold_of_pred) for f in findings]

    def covers(i: int, g: GoldGroup) -> bool:
        docs = {gold_by_id[m].doc for m in g.members if same_figure(gold_by_id[m]) in held[i]}
        return len(docs) >= 2

    def camp_of(fig, peers) -> frozenset:
        return frozenset(same_figure(gold_by_id[gold_of_pred[k]]) for x in (fig, *peers)
                         for c in x.claims if (k := claim_key(c)) in gold_of_pred)

    # a figure and the peers stating its count (Finding.peers) are one side of a finding:
    # it does not set them against each other
    camps = [[camp_of(x, ps) for x, ps in zip(f.figures, f.peers)] for f in findings]

    def opposes(i: int, g: GoldGroup) -> bool:
        mine = {same_figure(gold_by_id[m]) for m in g.members} & held[i]
        return covers(i, g) and not any(mine <= camp for camp in camps[i])

    def finding_record(i: int) -> dict[str, Any]:
        f = findings[i]
        return {"verdict": f.verdict, "severity": f.severity, "metric": f.metric,
                "event": f.event, "side": f.side, "reason": f.reason,
                "figures": [f"{labels.get(c.doc, c.doc)}: {c.quantity.text}"
                            for c in f.claims[:8]] + (
                    [f"... {len(f.claims) - 8} more"] if len(f.claims) > 8 else [])}

    def group_record(g: GoldGroup) -> dict[str, Any]:
        return {"where": g.where, "expect": g.expect, "event": g.event, "metric": g.metric,
                "side": g.side, "why": g.why,
                "figures": [f"{labels.get(gold_by_id[m].doc, gold_by_id[m].doc)}: "
                            f"{gold_by_id[m].number}" for m in g.members]}

    flagged = [g for g in groups if g.expect in FLAGGED]
    quiet = [g for g in groups if g.expect in QUIET]
    traps = [g for g in groups if g.expect == "trap"]
    contradictions = [g for g in groups if g.expect == "contradiction"]
    flag_idx = [i for i, f in enumerate(findings) if is_flag(f)]
    contra_idx = [i for i, f in enumerate(findings) if is_contradiction(f)]
    possible_idx = [i for i, f in enumerate(findings) if is_possible_contradiction(f)]

    found = [g for g in flagged if any(covers(i, g) for i in flag_idx)]
    true_flags = [i for i in flag_idx if any(covers(i, g) for g in flagged)]
    true_contras = [i for i in contra_idx if any(covers(i, g) for g in contradictions)]
    quiet_bad = [(g, i) for g in quiet for i in contra_idx if opposes(i, g)]
    trap_bad = [(g, i) for g in traps for i in range(len(findings)) if covers(i, g)]
    by_expect = Counter(g.expect for g in groups)
    return {
        "groups": len(groups),
        "by_expect": dict(sorted(by_expect.items())),
        "findings": len(findings),
        "flags": len(flag_idx),
        "contradictions": len(contra_idx),
        "flag_recall": _ratio(len(found), len(flagged)),
        "flag_precision": _ratio(len(true_flags), len(flag_idx)),
        "contradiction_precision": _ratio(len(true_contras), len(contra_idx)),
        "possible_contradictions": len(possible_idx),
        "contradiction_precision_with_possible": _ratio(
            sum(1 for i in contra_idx + possible_idx if any(covers(i, g) for g in contradictions)),
            len(contra_idx) + len(possible_idx)),
        "contradiction_recall": _ratio(
            sum(1 for g in contradictions if any(covers(i, g) for i in contra_idx)),
            len(contradictions)),
        "quiet_called_contradiction": len({id(g) for g, _ in quiet_bad}),
        "traps_in_one_finding": len({id(g) for g, _ in trap_bad}),
        "false_alarms": [finding_record(i) for i in flag_idx if i not in set(true_flags)],
        "false_contradictions": [finding_record(i) for i in contra_idx
                                 if i not in set(true_contras)],
        "missed_groups": [group_record(g) for g in flagged if g not in found],
        "quiet_violations": [dict(group_record(g), finding=finding_record(i))
                             for g, i in quiet_bad],
        "trap_violations": [dict(group_record(g), finding=finding_record(i))
                            for g, i in trap_bad],
    }


def _ratio(right: int, total: int) -> dict[str, Any]:
    return {"value": right / total if total else None, "right": right, "total": total}


# ---------------------------------------------------------------- all of it


def evaluate(gold: Sequence[GoldClaim], groups: Sequence[GoldGroup] | None,
             pred: Sequence[Claim], findings: Sequence[Finding],
             langs: Mapping[str, str], texts: Mapping[str, str],
             quantities: Mapping[str, Sequence[Quantity]], unclaimed: Sequence[Unclaimed],
             labels: Mapping[str, str]) -> dict[str, Any]:
    """Every score of one evaluation, as a JSON-ready dict.

    ``langs`` maps each doc to its language, ``texts`` to its text; ``quantities`` each doc to every number the
    reader found in it (for the reasons of misses); ``labels`` each doc to its short label.
    Only the docs that have gold claims are scored: an article nobody annotated says nothing
    about precision.
    """
    gold_docs = {g.doc for g in gold}
    pred = [c for c in pred if c.doc in gold_docs]
    matches, missed, extra = match_claims(gold, pred)
    gold_by_id = {g.id: g for g in gold}
    overall = _scores_by(lambda g: "all", lambda c: "all", gold, pred, matches)["all"]
    unclaimed_by_doc: dict[str, list[Unclaimed]] = defaultdict(list)
    for u in unclaimed:
        unclaimed_by_doc[u.doc].append(u)
    gold_by_doc: dict[str, list[GoldClaim]] = defaultdict(list)
    for g in gold:
        gold_by_doc[g.doc].append(g)
    matched_preds: dict[str, list[Claim]] = defaultdict(list)
    for m in matches:
        matched_preds[m.pred.doc].append(m.pred)

    result: dict[str, Any] = {
        "articles": len(gold_docs),
        "claims": {
            "strict": overall["strict"], "span": overall["span"],
            "by_metric": _scores_by(lambda g: g.metric, lambda c: c.metric, gold, pred, matches),
            "by_language": _scores_by(lambda g: langs.get(g.doc, "?"),
                                      lambda c: langs.get(c.doc, c.lang), gold, pred, matches),
            "by_article": _scores_by(lambda g: g.doc, lambda c: c.doc, gold, pred, matches),
        },
        "attributes": attribute_scores(matches, gold_by_id),
        "missed": [{"doc": g.doc, "where": g.where, "number": g.number, "metric": g.metric,
                    "bound": g.bound, "value": g.value,
                    "quote": context_of(texts.get(g.doc, ""), g.start, g.end),
                    "why": why_missed(g, quantities.get(g.doc, ()), unclaimed_by_doc[g.doc],
                                      matched_preds[g.doc])} for g in missed],
        "false_positives": [{"doc": c.doc, "text": c.quantity.text, "metric": c.metric,
                             "rule": c.rule, "quote": c.quote,
                             "why": why_extra(c, gold_by_doc[c.doc])} for c in extra],
        "wrong": [{"doc": m.gold.doc, "where": m.gold.where, "number": m.gold.number,
                   "text": m.pred.quantity.text, "quote": m.pred.quote, "rule": m.pred.rule,
                   "why": why_wrong(m)} for m in matches if not m.strict],
        "context_errors": [e for m in matches if (e := context_errors(m))],
    }
    if groups is not None:
        gold_of_pred = {claim_key(m.pred): m.gold.id for m in matches}
        # a finding is judged only between annotated articles: with gold for some of the
        # articles read, a finding among the others says nothing about the verdicts
        judged = [f for f in findings if len({c.doc for c in f.claims} & gold_docs) >= 2]
        result["verdicts"] = verdict_scores(judged, groups, gold_of_pred, gold_by_id, labels)
        result["verdicts"]["findings_not_judged"] = len(findings) - len(judged)
    return result


def context_of(text: str, start: int, end: int, width: int = 110) -> str:
    """The figure's line of text, at most ``width`` characters either side, the figure in
    bold (the sentence a reviewer needs to judge a miss)."""
    lo = max(text.rfind("\n", 0, start) + 1, start - width)
    hi = text.find("\n", end)
    hi = min(hi if hi >= 0 else len(text), end + width)
    left = ("…" if lo > 0 and text[lo - 1] != "\n" else "") + text[lo:start]
    right = text[end:hi] + ("…" if hi < len(text) and text[hi] != "\n" else "")
    return f"{left}**{text[start:end]}**{right}".strip()


__all__ = ["evaluate", "match_claims", "interval_right", "side_right", "source_right",
           "period_right", "event_consistency", "prf", "Match", "claim_key"]
