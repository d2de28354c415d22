"""The claim table: one row per claim, the contract of `factcheck extract` and of JSON reports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from .model import Claim

if TYPE_CHECKING:  # pandas costs ~0.5 s to import: only where a table is really built
    import pandas as pd

# Stable column order (documented in the README); later columns may be added, never renamed.
COLUMNS = (
    "doc", "text", "value", "low", "high", "qualifier", "metric", "who", "side",
    "period_start", "period_end", "event", "source", "quote", "start", "end",
    "published", "rule", "kind", "low_exclusive", "high_exclusive", "band_low", "band_high",
    "ambiguous", "source_kind", "period_how", "event_how", "lang",
    "status", "subgroup", "parent", "source_party", "source_type", "quote_start",
)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _num(x: float | None) -> int | float | None:
    # 6500.0 -> 6500 so JSON and CSV show counts as written
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


def claim_record(c: Claim) -> dict[str, Any]:
    """One claim as a flat, JSON-ready dict with the columns of :data:`COLUMNS`."""
    q = c.quantity
    return {
        "doc": c.doc, "text": q.text, "value": _num(q.value), "low": _num(q.low),
        "high": _num(q.high), "qualifier": q.qualifier, "metric": c.metric, "who": c.who,
        "side": c.side, "period_start": _iso(c.period_start), "period_end": _iso(c.period_end),
        "event": c.event, "source": c.source, "quote": c.quote, "start": q.start, "end": q.end,
        "published": _iso(c.published), "rule": c.rule, "kind": q.kind,
        "low_exclusive": q.low_exclusive, "high_exclusive": q.high_exclusive,
        "band_low": _num(q.band_low), "band_high": _num(q.band_high), "ambiguous": q.ambiguous,
        "source_kind": c.source_kind, "period_how": c.period_how, "event_how": c.event_how,
        "lang": c.lang, "status": c.status, "subgroup": c.subgroup, "parent": c.parent,
        "source_party": c.source_party, "source_type": c.source_type,
        # where the quote starts in the article: a claim read back from its row needs it to
        # bold the figure and to tell one sentence's figures from another's
        "quote_start": c.quote_start,
    }


def claims_frame(claims: Iterable[Claim]) -> "pd.DataFrame":
    """The claim table as a pandas DataFrame (columns in :data:`COLUMNS` order)."""
    import pandas as pd

    return pd.DataFrame([claim_record(c) for c in claims], columns=list(COLUMNS))


def claim_rows(claims: Iterable[Claim]) -> list[dict[str, Any]]:
    """The rows of :func:`claims_frame`, as ``frame.to_dict(orient="records")`` gives them
    (missing values None), without importing pandas (half a second of ``extract``'s start-up).

    A column takes the type pandas infers for it: numbers with one float or one missing
    value among them are all floats (``999`` reads ``999.0`` beside ``110000.5`` or a
    ``null``); whole numbers alone stay whole; any other column keeps its values."""
    rows = [claim_record(c) for c in claims]
    for col in COLUMNS:
        values = [r[col] for r in rows]
        if _float_column(values):
            for r in rows:
                v = r[col]
                r[col] = None if v is None or v != v else float(v)
    return rows


def _float_column(values: list[Any]) -> bool:
    """Whether pandas stores ``values`` as float64: numbers only (bools are no numbers),
    missing values allowed, and at least one float or one missing value."""
    numbers = missing = floats = 0
    for v in values:
        if v is None:
            missing += 1
        elif type(v) is float:
            floats += 1
        elif type(v) is not int:
            return False
        numbers += v is not None
    return numbers > 0 and (floats > 0 or missing > 0)


def format_rows(rows: list[dict[str, Any]], fmt: str) -> str:
    """The claim table as JSON lines, CSV or a Markdown table, from :func:`claim_rows`: the
    text pandas' ``to_csv`` / ``to_dict`` gave for the same rows."""
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows([_csv_cell(r[c]) for c in COLUMNS] for r in rows)
        return buf.getvalue()
    if fmt == "jsonl":
        return "".join(json.dumps({c: r[c] for c in COLUMNS}, ensure_ascii=False) + "\n"
                       for r in rows)
    if fmt == "md":
        cols = MD_COLUMNS
        lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
        for r in rows:
            cells = ["" if r[c] is None else str(r[c]).replace("|", "\\|").replace("\n", " ")
                     for c in cols]
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines) + "\n"
    raise ValueError(f"unknown table format {fmt!r}")


# the columns of the Markdown table (the others are in the JSON and CSV rows)
MD_COLUMNS = ("doc", "text", "metric", "low", "high", "qualifier", "side", "event",
              "period_start", "period_end", "source", "rule")


def _csv_cell(v: Any) -> Any:
    # None is an empty cell (pandas' na_rep); the csv module writes the rest with str()
    return "" if v is None else v
