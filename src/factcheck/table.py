"""The claim table: one row per claim, the contract of `factcheck extract` and of JSON reports."""

from __future__ import annotations

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
