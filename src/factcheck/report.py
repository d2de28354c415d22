"""Render an :class:`~factcheck.model.Analysis` as Markdown (for editors) or JSON (for tools).

Both are deterministic: the same analysis gives byte-identical output (no timestamps; every
list in a stable order). Every table row names its article and its rule, so each line traces
back to a text and the rule that read it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from .compare import doc_labels
from .config import Config, load_config
from .context.events import parse_auto
from .identity import split_scope
from .verdicts.figure import Figure, claim_interval
from .verdicts.wording import interval_text, whole_people
from .model import Analysis, Article, Claim, Finding, Unclaimed
from .table import claim_record

# quotes are trimmed around the figure to about this many characters each side
QUOTE_CONTEXT = 80
# rows of each long table (articles, agreeing groups, single figures, unclaimed counts) in the
# Markdown report: beyond this an editor reads the findings, and machines read the JSON
MAX_ROWS = 200
# figures listed in one finding's table (and chart) when it holds more than twice as many:
# an archive group may hold thousands
MAX_FIGURES = 12
_MD_SPECIAL = str.maketrans({"\\": "\\\\", "|": "\\|", "*": "\\*", "_": "\\_", "`": "\\`",
                             "<": "&lt;", "[": "\\[", "]": "\\]"})


# ---------------------------------------------------------------- cells

def cell(text: str | None) -> str:
    """Text safe inside a Markdown table cell: one line, ``|`` and markup escaped."""
    if text is None or text == "":
        return "—"
    return " ".join(str(text).split()).translate(_MD_SPECIAL)


def trim_quote(quote: str, start: int, end: int, context: int = QUOTE_CONTEXT) -> tuple[str, str, str]:
    """(before, figure, after) of a quote, cut at word boundaries ``context`` characters
    around the figure, with "…" where text was cut."""
    start, end = max(0, min(start, len(quote))), max(0, min(end, len(quote)))
    if end < start:
        start, end = end, start
    before, figure, after = quote[:start], quote[start:end], quote[end:]
    if len(before) > context:
        cut = before[-context:]
        space = cut.find(" ")
        before = "…" + (cut[space + 1:] if 0 <= space < context // 2 else cut)
    if len(after) > context:
        cut = after[:context]
        space = cut.rfind(" ")
        after = (cut[:space] if space > context // 2 else cut) + "…"
    return before, figure, after


def figure_cell(quote: str, start: int, end: int) -> str:
    """The quote with the figure in bold, trimmed and escaped for a table cell."""
    before, figure, after = trim_quote(quote, start, end)
    fig = " ".join(figure.split())
    if not fig:
        return cell(before + after)
    b = " ".join(before.split()).translate(_MD_SPECIAL)
    a = " ".join(after.split()).translate(_MD_SPECIAL)
    # keep the spaces around the figure outside the bold markers (or bold would not render)
    lead = " " if before[-1:].isspace() and b else ""
    trail = " " if after[:1].isspace() and a else ""
    return f"{b}{lead}**{fig.translate(_MD_SPECIAL)}**{trail}{a}".strip()


def claim_figure_cell(c: Claim) -> str:
    return figure_cell(c.quote, c.quantity.start - c.quote_start, c.quantity.end - c.quote_start)


def claim_interval_cell(c: Claim, cfg: dict) -> str:
    q = c.quantity
    stated = interval_text(q.low, q.high, q.low_exclusive, q.high_exclusive)
    lo, hi = claim_interval(c, cfg)
    read = interval_text(lo, hi)
    text = stated if read == stated or q.low_exclusive or q.high_exclusive else \
        f"{stated} (read as {read})"
    if q.ambiguous:
        text += " (ambiguous)"
    return text


def _date(d: date | None) -> str:
    return d.isoformat() if d else "unknown"


def date_text(d: date, a: Article | None) -> str:
    """A publication date to its precision: "2024-03" for a date known to the month, "2024"
    to the year, "on or after 2024-03-06" for one only inferred from the text (a date the
    text states bounds the report from below)."""
    if a is not None and a.published_how == "inferred":
        return f"on or after {d.isoformat()}"
    if a is not None and a.published_precision == "month":
        return d.strftime("%Y-%m")
    if a is not None and a.published_precision == "year":
        return str(d.year)
    return d.isoformat()


def published_cell(doc: str, c_published: date | None, articles: dict[str, Article]) -> str:
    a = articles.get(doc)
    d = c_published or (a.published if a else None)
    if d is None:
        return "unknown"
    text = date_text(d, a)
    if a is not None and a.published_how in ("assumed", "given"):  # inferred: said above
        text += f" ({a.published_how})"
    return text


def source_cell(c: Claim) -> str:
    if not c.source:
        return "—"
    return cell(f"{c.source} ({c.source_kind})" if c.source_kind else c.source)


def period_cell(c: Claim) -> str:
    if c.period_start is None and c.period_end is None:
        return "—"
    if c.period_start == c.period_end or c.period_end is None or c.period_start is None:
        text = _date(c.period_start or c.period_end)
    else:
        text = f"{_date(c.period_start)} – {_date(c.period_end)}"
    return text + (f" ({c.period_how})" if c.period_how else "")


# ---------------------------------------------------------------- sections

def _title(f: Finding, config: Config) -> str:
    side, subgroup = split_scope(f.side)
    # an automatic event in words ("flood · Emilia-Romagna · May 2023"); a curated one by id
    event = config.event_label(f.event) if parse_auto(f.event) else f.event
    parts = [f.metric, event or "event unknown", side or "side unknown",
             *([subgroup] if subgroup else [])]
    return " · ".join(parts)


def shown_figures(figs: Sequence[Figure], draft: str | None, limit: int = MAX_FIGURES
                  ) -> list[Figure]:
    """The figures of a finding its table lists, in their order: all of them up to twice
    ``limit`` (cutting a few rows saves nothing); beyond, ``limit`` of them: the first and
    the last (those the reason names), the draft's, then the most recently published (an
    archive group can hold thousands of agreeing figures)."""
    if len(figs) <= 2 * limit:
        return list(figs)
    keep = {0, len(figs) - 1}
    keep.update(i for i, fg in enumerate(figs) if any(c.doc == draft for c in fg.claims))
    latest = sorted(range(len(figs)), key=lambda i: figs[i].claims[0].published or date.min,
                    reverse=True)  # stable: among equal dates, the first listed
    for i in latest:
        if len(keep) >= limit:
            break
        keep.add(i)
    return [figs[i] for i in sorted(keep)]


def _finding_table(figs: Sequence[Figure], labels: dict[str, str],
                   articles: dict[str, Article], cfg: dict) -> list[str]:
    # a sum of one article's sides (a part of the total when it adds up places or subgroups)
    sums = {id(c): fg for fg in figs if len(fg.claims) > 1 for c in fg.claims}
    lines = ["| article | published | figure as written | interval | source | period | rule |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for fg in figs:
        for c in fg.claims:
            interval = claim_interval_cell(c, cfg)
            if id(c) in sums:
                s = sums[id(c)]
                # people are whole: "more than 49" + "more than 50" is at least 101, not 100.5
                low, high = whole_people(s.low, s.high)
                interval += f"; {c.side}, summed: {interval_text(low, high)}"
                if s.role == "part":
                    interval += " (a part of the whole)"
            elif fg.role == "part":
                interval += f"; {getattr(c, 'subgroup', None) or c.side} only"
            lines.append("| " + " | ".join([
                cell(labels.get(c.doc, c.doc)), published_cell(c.doc, c.published, articles),
                claim_figure_cell(c), cell(interval), source_cell(c), cell(period_cell(c)),
                f"`{c.rule}`"]) + " |")
    return lines


# findings that read a count over time (an update, a falling count): the only ones charted;
# a chart of figures that disagree at one moment would suggest a trend that is not there
TIMELINE_KINDS = frozenset({"update", "update_level", "contradiction_falling",
                            "falling_unsure", "falling_estimate"})
# a running count at times not all known: charted in its finding's order, undated rows too
RUNNING_KINDS = frozenset({"running", "running_fall", "running_level"})
# columns of a chart's scale
CHART_WIDTH = 40
# what each mark means (shown under a chart, the marks it uses)
_LEGEND = {"●": "● a figure as stated", "├┤": "├──┤ a range (both ends stated)",
           "▶": "├──▶ a lower bound (more than, at least: no upper end)",
           "◀": "◀──┤ an upper bound (up to, nearly, less than)"}


def _chart(f: Finding, figs: Sequence[Figure], labels: dict[str, str],
           articles: dict[str, Article], config: Config) -> list[str]:
    """A text chart of a timeline finding's dated figures, one row per report in date order
    (each date to its precision): a stated figure is a point, a bound a bar open on its
    unstated side, a range or a vague word ("centinaia") a bar between its ends; nothing is
    drawn at a midpoint no one stated. Empty for a finding that is not a timeline, or with
    fewer than two dated figures."""
    running = f.kind in RUNNING_KINDS
    if f.kind not in TIMELINE_KINDS and not running:
        return []
    # a running count at times not all known: every figure, in the finding's order (the one
    # its count would rise in), the undated ones said so; a timeline: the dated, by date
    dated = list(figs) if running else sorted(
        (fg for fg in figs if fg.claims[0].published is not None),
        key=lambda fg: fg.claims[0].published)
    if len(dated) < 2:
        return []
    marks = [_chart_mark(fg) for fg in dated]
    top = max(x for lo, hi, _ in marks for x in (lo, hi) if x is not None and math.isfinite(x))
    ceiling = _nice_ceiling(top * 1.1) if top > 0 else 1
    rows = [(_when(fg.claims[0].published, articles.get(fg.doc)),
             labels.get(fg.doc, fg.doc),
             " + ".join(" ".join(c.quantity.text.split()) for c in fg.claims),
             _chart_bar(lo, hi, shape, ceiling)) for fg, (lo, hi, shape) in zip(dated, marks)]
    w_date = max(len("published"), *(len(r[0]) for r in rows))
    w_doc = max(len("article"), *(len(r[1]) for r in rows))
    w_fig = max(len("figure"), *(len(r[2]) for r in rows))
    pad = w_date + w_doc + w_fig + 6
    scale = _chart_scale(ceiling)
    head = (f"{'published':<{w_date}}  {'article':<{w_doc}}  {'figure':<{w_fig}}  "
            f"{scale}")
    lines = ["```text", f"{_title(f, config)}: the figures over time", "", head]
    for when, doc, written, bar in rows:
        lines.append(f"{when:<{w_date}}  {doc:<{w_doc}}  {written:<{w_fig}}  {bar}".rstrip())
    lines.append(" " * pad + "└" + "─" * (CHART_WIDTH - 1) + "┘")
    lines.append(" " * pad + f"x: {f.metric} (people), 0 to {_chart_number(ceiling)}; " + (
        "rows: in the finding's order, each report's date to its precision" if running
        else "rows: reports by publication date, to its precision"))
    used = [text for key, text in _LEGEND.items() if any(m in key for _, _, m in marks)]
    lines += ["", "  ".join(used), "```"]
    return lines


def _when(d: date | None, a: Article | None) -> str:
    """A report's date to its precision, "undated" when it has none."""
    return "undated" if d is None else date_text(d, a)


def _chart_scale(ceiling: float) -> str:
    """The x axis' numbers: 0 at the first column, half the ceiling in the middle, the
    ceiling ending at the last column."""
    cells = [" "] * CHART_WIDTH
    mid, top = _chart_number(ceiling / 2), _chart_number(ceiling)
    for at, text in ((0, "0"), ((CHART_WIDTH - 1) // 2 - len(mid) // 2, mid),
                     (CHART_WIDTH - len(top), top)):
        cells[at:at + len(text)] = text
    return "".join(cells)


def _chart_mark(fg: Figure) -> tuple[float | None, float | None, str]:
    """(low, high, shape) of a figure as stated: "●" a number (its ``point``), "├┤" a range,
    "▶" a lower bound with no upper end, "◀" an upper bound with no stated lower end."""
    quals = {c.quantity.qualifier for c in fg.claims}
    if quals <= {"exact", "approx"}:
        return fg.point, fg.point, "●"
    if fg.high is None:
        return fg.low, None, "▶"
    if quals <= {"at_most", "less_than", "nearly"}:
        return None, fg.high, "◀"
    return fg.low, fg.high, "├┤"


def _chart_bar(lo: float | None, hi: float | None, shape: str, ceiling: float) -> str:
    """One row of the chart: the mark placed on a scale of :data:`CHART_WIDTH` columns."""
    def col(x: float) -> int:
        return max(0, min(CHART_WIDTH - 1, round(x / ceiling * (CHART_WIDTH - 1))))

    if shape == "●":
        return " " * col(lo) + "●"
    if shape == "▶":
        a = col(lo)
        return " " * a + "├" + "─" * max(0, CHART_WIDTH - 2 - a) + "▶"
    if shape == "◀":
        b = col(hi)
        return "◀" + "─" * max(0, b - 1) + "┤" if b > 0 else "◀┤"
    a, b = col(lo), col(hi)
    b = max(b, a + 1)  # a narrow range still shows both ends
    return " " * a + "├" + "─" * (b - a - 1) + "┤"


def _chart_number(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}"


def _nice_ceiling(x: float) -> float:
    """A round scale end at or above ``x``, in an even number of steps (a whole middle)."""
    step = 2 * 10 ** max(0, math.floor(math.log10(x)) - 1)
    return math.ceil(x / step) * step


def _finding_block(n: int, f: Finding, labels: dict[str, str], articles: dict[str, Article],
                   cfg: dict, config: Config, chart: bool = True,
                   draft: str | None = None) -> list[str]:
    head = f"### {n}. {f.verdict.capitalize()}: {_title(f, config)}"
    if f.verdict != "agree":
        head += f" ({f.severity})"
    lines = [head, "", _prose(f.reason), ""]
    # the figures judged and their peers (the other reports stating them at that moment)
    peers = tuple(p for ps in f.peers for p in ps)
    figs = f.figures + peers
    # the figures over time: by publication date (undated last), the reason's order in a day
    shown = sorted(shown_figures(f.figures, draft) + shown_figures(peers, draft),
                   key=lambda fg: (fg.claims[0].published is None,
                                   fg.claims[0].published or date.min))
    lines += _finding_table(shown, labels, articles, cfg)
    if len(shown) < len(figs):
        left = len(figs) - len(shown)
        lines += ["", f"… and {left:,} more {'figure' if left == 1 else 'figures'} of this "
                      "finding, not listed here: `--format json` lists them all."]
    if chart:
        c = _chart(f, shown, labels, articles, config)
        if c:
            lines += [""] + c
    lines.append("")
    return lines


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _prose(text: str) -> str:
    """A reason as a Markdown paragraph: one line, markup escaped."""
    return " ".join(text.split()).translate(_MD_SPECIAL)


def _claims_table(claims: Iterable[Claim], labels: dict[str, str],
                  articles: dict[str, Article], cfg: dict) -> list[str]:
    lines = ["| article | published | metric | event | side | figure as written | interval | "
             "source | period | rule |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for c in claims:
        lines.append("| " + " | ".join([
            cell(labels.get(c.doc, c.doc)), published_cell(c.doc, c.published, articles),
            cell(c.metric), cell(c.event), cell(c.side), claim_figure_cell(c),
            cell(claim_interval_cell(c, cfg)), source_cell(c), cell(period_cell(c)),
            f"`{c.rule}`"]) + " |")
    return lines


def _unclaimed_table(items: Sequence[Unclaimed], labels: dict[str, str],
                     limit: int | None = None) -> list[str]:
    lines = ["| article | number | sentence | why |", "| --- | --- | --- | --- |"]
    ordered = sorted(items, key=lambda u: (u.doc, u.quantity.start, u.quantity.end, u.reason))
    for u in ordered[:limit]:
        q = u.quantity
        lines.append("| " + " | ".join([
            cell(labels.get(u.doc, u.doc)), cell(f"{q.text} ({q.kind})"),
            figure_cell(u.quote, q.start - u.quote_start, q.end - u.quote_start),
            cell(u.reason)]) + " |")
    return lines


def _more(total: int, what: str) -> list[str]:
    """The line that says a table was cut (the JSON report and `extract` list everything)."""
    if total <= MAX_ROWS:
        return []
    return ["", f"… and {total - MAX_ROWS:,} more {what}, not listed here: `--format json` "
                "and `factcheck extract` list them all."]


def _dates_note(articles: Sequence[Article], labels: dict[str, str]) -> list[str]:
    unknown = [a for a in articles if a.published is None]
    inferred = [a for a in articles if a.published is not None and a.published_how == "inferred"]
    out = []
    if unknown:
        out.append("- Publication date unknown (figures from these articles are compared as "
                   "current, with no date): " + ", ".join(cell(labels[a.id]) for a in unknown))
    if inferred:
        out.append("- Publication date inferred from the text, not stated: " + ", ".join(
            f"{cell(labels[a.id])} ({a.published.isoformat()})" for a in inferred))  # type: ignore[union-attr]
    return out


def _listed_articles(articles: Sequence[Article], analysis: Analysis) -> list[Article]:
    """The articles the table lists (by id): all up to MAX_ROWS; beyond, in draft mode, the
    draft and the articles its findings cite come first, then the others by id."""
    if not analysis.draft or len(articles) <= MAX_ROWS:
        return list(articles[:MAX_ROWS])
    cited = {analysis.draft} | {c.doc for f in analysis.findings for c in f.claims}
    first = [a for a in articles if a.id in cited]
    rest = [a for a in articles if a.id not in cited]
    return sorted((first + rest)[:MAX_ROWS], key=lambda a: a.id)


def draft_singles(analysis: Analysis) -> tuple[Claim, ...]:
    """The figures nobody else reported, without the draft's restatements of a figure that is
    in a finding (the same metric, event and stated interval from the same article): a
    draft's figure is either compared or alone, never both."""
    if not analysis.draft:
        return analysis.singles

    def key(c: Claim) -> tuple:
        q = c.quantity
        return (c.doc, c.metric, c.event, q.low, q.high, q.low_exclusive, q.high_exclusive)

    compared = {key(c) for f in analysis.findings for c in f.claims}
    return tuple(c for c in analysis.singles if key(c) not in compared)


def _draft_lines(analysis: Analysis, by_id: dict[str, Article], labels: dict[str, str],
                 others: int) -> list[str]:
    """Who the draft is, what was assumed about it, and, plainly, when nothing could be
    compared with it (silence is not agreement)."""
    draft = analysis.draft or ""
    out = [f"Draft **{cell(labels.get(draft, draft))}** ({cell(draft)}) checked against "
           f"{_plural(others, 'other article')}: only findings that involve the draft are shown.",
           ""]
    a = by_id.get(draft)
    if a is not None:
        assumed = []
        if a.published_how == "assumed" and a.published:
            # today is no date of the event: a figure not dated by its own words meets the
            # archive's events by type and place alone (a stale date would meet nothing)
            assumed.append(f"published {a.published.isoformat()} (today: no date in its "
                           "header; `--published DATE` to set it); events its text does not "
                           "date matched by type and place alone")
        elif a.published_how == "given" and a.published:
            assumed.append(f"published {a.published.isoformat()} (`--published`)")
        if a.lang_detected:
            assumed.append(f"language {a.lang} (detected from the text)")
        if assumed:
            out += ["Assumed for the draft: " + "; ".join(assumed) + ".", ""]
    if not analysis.findings:
        mine = sum(1 for c in analysis.claims if c.doc == draft)
        what = ("the draft states no figure" if mine == 0 else
                "the draft's figure is not" if mine == 1 else f"none of the draft's {mine} figures is")
        if mine:
            what += " about an event, metric and side that another article reports"
        out += [f"**Nothing to compare with**: {what}. This is not an agreement "
                "(`--require-match` makes it fail the check).", ""]
    return out


def render_markdown(analysis: Analysis, *, rules: Config | Path | None = None) -> str:
    """The editor's report: a short summary, the findings by severity (with tables and
    charts), groups that agree, figures nobody else reported, the articles read, and, last
    and collapsed, the counts no rule claimed (for rule authors). ``rules``: the
    configuration (a folder is loaded; default: the one in use)."""
    config = load_config(rules)
    cfg = config.verdicts
    articles = sorted(analysis.articles, key=lambda a: a.id)
    by_id = {a.id: a for a in articles}
    labels = doc_labels([a.id for a in articles] + [c.doc for c in analysis.claims]
                        + [u.doc for u in analysis.unclaimed])
    verdicts = cfg["severity"]["verdict_order"]
    problems = [f for f in analysis.findings if f.verdict != "agree"]
    agree = [f for f in analysis.findings if f.verdict == "agree"]

    singles = draft_singles(analysis)
    out: list[str] = ["# factcheck report", ""]
    if analysis.draft:
        out += _draft_lines(analysis, by_id, labels, len(articles) - 1)
    counts = {v: sum(f.verdict == v for f in analysis.findings) for v in verdicts}
    out += ["## Summary", "",
            f"- Articles: {len(articles)}",
            f"- Claims: {len(analysis.claims)}",
            f"- Groups (same metric, event and side): {analysis.groups}",
            f"- Findings: {len(analysis.findings)} — " + ", ".join(
                f"{v} {counts[v]}" for v in verdicts),
            f"- Figures nobody else reported: {len(singles)}",
            f"- Counts no rule claimed: {len(analysis.unclaimed)} (for rule authors, at the end)"]
    out += _dates_note(articles, labels) + [""]

    # what an editor reads first: the findings; then what agrees, what stands alone, the
    # articles read, and last, collapsed, what only rule authors need
    out += ["## Findings", ""]
    if not problems:
        out += ["No conflicting figures.", ""]
    n = 0
    for severity in cfg["severity"]["order"]:
        chosen = [f for f in problems if f.severity == severity]
        if not chosen:
            continue
        for f in chosen:
            n += 1
            out += _finding_block(n, f, labels, by_id, cfg, config, draft=analysis.draft)

    out += ["## Groups that agree", ""]
    if not agree:
        out += ["None.", ""]
    for f in agree[:MAX_ROWS]:
        n += 1
        out += _finding_block(n, f, labels, by_id, cfg, config, chart=False,
                              draft=analysis.draft)
    if len(agree) > MAX_ROWS:
        out += _more(len(agree), "groups that agree") + [""]

    out += ["## Figures nobody else reported", ""]
    if singles:
        out += _claims_table(singles[:MAX_ROWS], labels, by_id, cfg)
        out += _more(len(singles), "figures") + [""]
    else:
        out += ["None.", ""]

    out += ["## Articles", "", "| article | title | outlet | published | language |",
            "| --- | --- | --- | --- | --- |"]
    for a in _listed_articles(articles, analysis):
        lang = a.lang + (" (detected)" if a.lang_detected else "")
        out.append("| " + " | ".join([
            cell(f"{labels[a.id]} ({a.id})" if labels[a.id] != a.id else a.id), cell(a.title),
            cell(a.outlet), published_cell(a.id, None, by_id), cell(lang)]) + " |")
    out += _more(len(articles), "articles") + [""]

    out += ["## Counts no rule claimed", "",
            "<details>",
            "<summary>For rule authors: numbers that look like counts but that no rule turned "
            f"into a claim ({len(analysis.unclaimed)})</summary>", ""]
    if analysis.unclaimed:
        out += _unclaimed_table(analysis.unclaimed, labels, MAX_ROWS)
        out += _more(len(analysis.unclaimed), "counts") + [""]
    else:
        out += ["None.", ""]
    out += ["</details>", ""]
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- JSON

def _num(x: float | None) -> int | float | None:
    # as in the claim table: 6500.0 -> 6500
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


def _unclaimed_record(u: Unclaimed) -> dict[str, Any]:
    q = u.quantity
    return {"doc": u.doc, "text": q.text, "value": _num(q.value), "low": _num(q.low),
            "high": _num(q.high), "kind": q.kind, "start": q.start, "end": q.end,
            "quote": u.quote, "reason": u.reason}


def render_json(analysis: Analysis, *, rules: Config | Path | None = None) -> str:
    """The same content for machines. Contract (stable keys): ``findings`` (each with
    verdict, metric, event, side, reason, severity, claims), ``claims`` and ``articles``
    (counts); added: ``subgroup`` (of a finding), ``groups``, ``draft``, ``summary``,
    ``documents``, ``singles``, ``unclaimed``."""
    cfg = load_config(rules).verdicts
    articles = sorted(analysis.articles, key=lambda a: a.id)
    verdicts = cfg["severity"]["verdict_order"]
    doc = {
        "findings": [{
            "verdict": f.verdict, "metric": f.metric, "event": f.event,
            "side": split_scope(f.side)[0], "subgroup": split_scope(f.side)[1],
            "reason": f.reason, "severity": f.severity,
            "claims": [claim_record(c) for c in f.claims],
        } for f in analysis.findings],
        "claims": len(analysis.claims),
        "articles": len(articles),
        "groups": analysis.groups,
        "draft": analysis.draft,
        "summary": {
            "verdicts": {v: sum(f.verdict == v for f in analysis.findings) for v in verdicts},
            "severities": {s: sum(f.severity == s for f in analysis.findings)
                           for s in cfg["severity"]["order"]},
            "dates_unknown": [a.id for a in articles if a.published is None],
            "dates_inferred": [a.id for a in articles
                               if a.published is not None and a.published_how == "inferred"],
        },
        "documents": [{
            "id": a.id, "title": a.title, "outlet": a.outlet, "url": a.url,
            "published": a.published.isoformat() if a.published else None,
            "published_how": a.published_how, "lang": a.lang,
        } for a in articles],
        "singles": [claim_record(c) for c in draft_singles(analysis)],
        "unclaimed": [_unclaimed_record(u) for u in sorted(
            analysis.unclaimed, key=lambda u: (u.doc, u.quantity.start, u.quantity.end, u.reason))],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
