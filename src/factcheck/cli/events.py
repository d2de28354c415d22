"""`factcheck events`: the events found in the articles, each named in words, with its
places, span, articles and figures (md or json)."""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Sequence
from pathlib import Path

from .common import add_jobs_option, add_rules_option, check_output_path, default_paths, emit


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("events", help="list the events found, with their articles and figures",
                       description="List the events the articles report (curated in "
                                   "rules/events.toml or recognised automatically and merged "
                                   "across articles): each in words, with its places, span, "
                                   "articles and figures. With no PATH: reads seeds/.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (.txt, .md)")
    p.add_argument("--format", choices=("md", "json"), default="md")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    add_rules_option(p)
    add_jobs_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..config import load_config
    from ..context.listing import found_events
    from ..context.merge import event_map
    from ..errors import FactcheckError
    from .common import extract_reporting_skips

    out = Path(args.output) if args.output else None
    paths = default_paths(args.paths)
    if out is not None:
        check_output_path(out, paths)
    results = extract_reporting_skips(paths, args.rules, args.jobs)
    if not results:
        raise FactcheckError(f"no readable article in {', '.join(map(str, paths))}")
    rules = load_config(args.rules).root  # loaded and validated by the extraction
    claims = [c for r in results for c in r.claims]
    events = found_events(claims, event_map(claims, rules), rules)
    unplaced = sum(1 for c in claims if not c.event)
    render = render_json if args.format == "json" else render_markdown
    emit(render(events, len(results), len(claims), unplaced), out)
    return 0


def _num(x: float | None) -> float | None:
    """A bound for JSON: an open one (None, infinite) is null."""
    return x if x is not None and math.isfinite(x) else None


def _day(d) -> str:
    return d.isoformat() if d is not None else "?"


def _span(e) -> str:
    if e.start is None:
        return "undated"
    return _day(e.start) if e.start == e.end else f"{_day(e.start)} – {_day(e.end)}"


def _cell(text: str | None) -> str:
    return " ".join((text or "—").split()).replace("|", "\\|")


def render_markdown(events: Sequence, articles: int, figures: int, unplaced: int) -> str:
    """The events as Markdown: a summary line, then one section per event."""
    lines = ["# Events found", "",
             f"{len(events)} events in {articles} articles; {figures} figures, "
             f"{unplaced} of them with no event.", ""]
    for n, e in enumerate(events, 1):
        lines += [f"## {n}. {e.label}", "",
                  f"- id: `{e.id}`" + (" (curated)" if e.curated else ""),
                  f"- places: {', '.join(e.places) or 'none named'}",
                  f"- span: {_span(e)}",
                  f"- articles ({len(e.articles)}): {', '.join(e.articles)}", "",
                  "| article | published | metric | figure | side | source |",
                  "| --- | --- | --- | --- | --- | --- |"]
        for c in e.figures:
            lines.append("| " + " | ".join([
                _cell(c.doc), _day(c.published) if c.published else "—", c.metric,
                _cell(c.quantity.text), _cell(c.side), _cell(c.source)]) + " |")
        lines.append("")
    return "\n".join(lines)


def render_json(events: Sequence, articles: int, figures: int, unplaced: int) -> str:
    """The events as one JSON object (``events``, ``articles``, ``figures``, ``unplaced``)."""
    data = {"events": [{
        "id": e.id, "label": e.label, "curated": e.curated, "places": list(e.places),
        "start": e.start.isoformat() if e.start else None,
        "end": e.end.isoformat() if e.end else None, "articles": list(e.articles),
        "figures": [{"doc": c.doc, "published": c.published.isoformat() if c.published else None,
                     "metric": c.metric, "text": c.quantity.text, "low": _num(c.quantity.low),
                     "high": _num(c.quantity.high), "side": c.side, "source": c.source,
                     "start": c.quantity.start, "end": c.quantity.end} for c in e.figures],
    } for e in events], "articles": articles, "figures": figures, "unplaced": unplaced}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
