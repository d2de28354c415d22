"""Render the scores of ``factcheck evaluate`` (:func:`factcheck.evaluate.evaluate`).

Markdown for people: the headline scores first, then the breakdowns, then the errors, each
list capped with a count of the rest. JSON carries everything, uncapped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .report import cell

MAX_ROWS = 40  # errors listed per section in Markdown (JSON has them all)


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f} %"


def _dec(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _prf_row(name: str, s: dict[str, Any]) -> str:
    st, sp = s["strict"], s["span"]
    return (f"| {cell(name)} | {st['gold']} | {st['predicted']} | {_dec(st['precision'])} | "
            f"{_dec(st['recall'])} | {_dec(st['f1'])} | {_dec(sp['precision'])} | "
            f"{_dec(sp['recall'])} | {_dec(sp['f1'])} |")


_PRF_HEAD = ["| | gold | predicted | strict P | strict R | strict F1 | span P | span R | span F1 |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]


def _capped(rows: Sequence[str], what: str) -> list[str]:
    out = list(rows[:MAX_ROWS])
    if len(rows) > MAX_ROWS:
        out.append(f"\n… and {len(rows) - MAX_ROWS} more {what} (all of them in `--format json`).")
    return out


def _share_cell(s: dict[str, Any]) -> str:
    return f"{_pct(s['accuracy'])} ({s['right']}/{s['total']})"


def _ratio_cell(s: dict[str, Any]) -> str:
    return f"{_pct(s['value'])} ({s['right']}/{s['total']})"


def _gold_vs(d: dict[str, Any]) -> str:
    def show(x: Any) -> str:
        return "/".join(map(str, x)) if isinstance(x, list) else str(x)
    return f"{cell(show(d['predicted']))} (gold {cell(show(d['gold']))})"


def _finding_line(f: dict[str, Any]) -> str:
    figs = "; ".join(f["figures"])
    return (f"- **{f['verdict']}** ({f['severity']}) {f['metric']} · {f['event'] or 'no event'}"
            f" · {f['side'] or '-'}: {figs}. {f['reason']}")


def _group_line(g: dict[str, Any]) -> str:
    return (f"- `{g['where']}` expects **{g['expect']}** ({g['metric']} · {g['event']}): "
            f"{'; '.join(g['figures'])}. {g['why']}")


def render_markdown(r: dict[str, Any], title: str = "factcheck evaluation") -> str:
    """The evaluation as a Markdown page."""
    c = r["claims"]
    a = r["attributes"]
    lines = [f"# {title}", "",
             f"{r['articles']} annotated articles, {c['strict']['gold']} gold figures, "
             f"{c['strict']['predicted']} claims read.", "",
             "## Headline", "",
             "| score | value |", "|---|---|",
             f"| claims strict P / R / F1 | {_dec(c['strict']['precision'])} / "
             f"{_dec(c['strict']['recall'])} / {_dec(c['strict']['f1'])} |",
             f"| claims span P / R / F1 | {_dec(c['span']['precision'])} / "
             f"{_dec(c['span']['recall'])} / {_dec(c['span']['f1'])} |",
             f"| side right (matched claims) | {_share_cell(a['side'])} |",
             f"| source right | {_share_cell(a['source'])} |",
             f"| period overlaps | {_share_cell(a['period'])} |",
             f"| event consistent | {_share_cell(a['event'])}; {a['event']['splits']} split, "
             f"{a['event']['merges']} merged |",
             f"| subgroup right (all / where gold names one) | {_share_cell(a['subgroup'])} / "
             f"{_share_cell(a['subgroup_named'])} |",
             f"| subsets linked to their parent | {_share_cell(a['parent'])} |",
             f"| status right | {_share_cell(a['status'])} |"]
    v = r.get("verdicts")
    if v is not None:
        lines += [f"| flagged-group recall | {_ratio_cell(v['flag_recall'])} |",
                  f"| flag precision | {_ratio_cell(v['flag_precision'])} |",
                  f"| contradiction precision | {_ratio_cell(v['contradiction_precision'])} |",
                  f"| … counting possible contradictions too | "
                  f"{_ratio_cell(v['contradiction_precision_with_possible'])} |",
                  f"| contradiction recall | {_ratio_cell(v['contradiction_recall'])} |",
                  f"| quiet groups called a contradiction | {v['quiet_called_contradiction']} |",
                  f"| traps put in one finding | {v['traps_in_one_finding']} |"]
    lines += ["", "## Claims by metric", "", *_PRF_HEAD,
              *[_prf_row(k, s) for k, s in c["by_metric"].items()],
              "", "## Claims by language", "", *_PRF_HEAD,
              *[_prf_row(k, s) for k, s in c["by_language"].items()],
              "", "## Claims by article", "", *_PRF_HEAD,
              *[_prf_row(k, s) for k, s in c["by_article"].items()]]
    ev = a["event"]["errors"]
    if ev:
        lines += ["", "## Events split or merged", ""]
        for e in ev:
            if e["kind"] == "split":
                spread = ", ".join(f"{k} ×{n}" for k, n in e["predicted"].items())
                lines.append(f"- gold event `{e['gold_event']}` split over: {spread}")
            else:
                held = ", ".join(f"{k} ×{n}" for k, n in e["gold"].items())
                lines.append(f"- predicted event `{e['predicted_event']}` merges: {held}")
    lines += ["", f"## Missed figures ({len(r['missed'])})", "",
              *_capped([f"- {cell(m['doc'])} `{m['where'].rsplit(':', 1)[-1]}` "
                        f"{m['metric']} **{cell(m['number'])}**: {m['why']}. "
                        f"“{cell(m['quote'])}”" for m in r["missed"]], "missed figures"),
              "", f"## False positives ({len(r['false_positives'])})", "",
              *_capped([f"- {cell(f['doc'])} **{cell(f['text'])}**: {f['why']}. "
                        f"“{cell(f['quote'])}”" for f in r["false_positives"]],
                       "false positives"),
              "", f"## Read, but not strictly right ({len(r['wrong'])})", "",
              *_capped([f"- {cell(w['doc'])} **{cell(w['number'])}** (rule {w['rule']}): "
                        f"{w['why']}. “{cell(w['quote'])}”" for w in r["wrong"]],
                       "figures"),
              "", f"## Who, who says so, when: wrong on matched figures "
                  f"({len(r['context_errors'])})", "",
              *_capped([f"- {cell(e['doc'])} **{cell(e['number'])}**: " + "; ".join(
                  f"{k} {_gold_vs(e[k])}" for k in ("side", "subgroup", "source", "period",
                                                    "status") if k in e)
                        for e in r["context_errors"]], "figures")]
    if v is not None:
        lines += ["", "## Verdicts", "",
                  f"{v['groups']} gold groups ("
                  + ", ".join(f"{k} {n}" for k, n in v["by_expect"].items())
                  + f"); {v['findings']} findings, {v['flags']} flags, "
                  f"{v['contradictions']} contradictions, {v['possible_contradictions']} "
                  "possible contradictions.", "",
                  f"### False alarms ({len(v['false_alarms'])})", "",
                  *_capped([_finding_line(f) for f in v["false_alarms"]], "false alarms"),
                  "", f"### Flagged groups no finding covers ({len(v['missed_groups'])})", "",
                  *_capped([_group_line(g) for g in v["missed_groups"]], "groups"),
                  "", f"### Quiet groups called a contradiction ({len(v['quiet_violations'])})",
                  "", *_capped([_group_line(g) + "\n  " + _finding_line(g["finding"])
                                for g in v["quiet_violations"]], "groups"),
                  "", f"### Traps put in one finding ({len(v['trap_violations'])})", "",
                  *_capped([_group_line(g) + "\n  " + _finding_line(g["finding"])
                            for g in v["trap_violations"]], "traps")]
    return "\n".join(lines).rstrip() + "\n"


def render_json(r: dict[str, Any]) -> str:
    """The evaluation as JSON, every list in full."""
    return json.dumps(r, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
