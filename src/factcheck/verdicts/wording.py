"""Figures in words, for the reasons of findings (phrases are data: ``[phrases]``)."""

from __future__ import annotations

import math

from ..model import Claim
from .figure import Figure


def fmt_number(x: float | None) -> str:
    """6500.0 -> "6,500"; 2.5 -> "2.5"."""
    if x is None:
        return "?"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def phrase(c: Claim, cfg: dict) -> str:
    """A claim's figure in words: "more than 6,500"."""
    q, ph = c.quantity, cfg.get("phrases", {})
    name = q.qualifier
    if name == "vague" and q.high is None:
        name = "vague_open"
    if name not in ph or (q.value is None and name not in ("range", "vague", "vague_open")):
        name = "unknown"
    return ph.get(name, "{text}").format(v=fmt_number(q.value), lo=fmt_number(q.low),
                                         hi=fmt_number(q.high), text=q.text)


def whole_people(low: float, high: float | None) -> tuple[int, int | None]:
    """An interval of people in whole people: "more than 49" + "more than 50" is at least
    101, not 100.5."""
    return math.ceil(low - 1e-9), None if high is None else math.floor(high + 1e-9)


def figure_phrase(f: Figure, cfg: dict) -> str:
    """A figure in words; a sum shows its parts: "at least 99 (49 armenia + 50 azerbaijan)"."""
    ph = cfg.get("phrases", {})
    if f.role == "claim":
        return phrase(f.claims[0], cfg)
    if f.role == "part" and len(f.claims) == 1:
        c = f.claims[0]
        return f"{phrase(c, cfg)} ({getattr(c, 'subgroup', None) or c.side})"
    quals = {c.quantity.qualifier for c in f.claims}
    q = quals.pop() if len(quals) == 1 else None
    low, high = whole_people(f.low, f.high)
    if q in ph and q not in ("range", "vague"):
        total = ph[q].format(v=fmt_number(f.point), lo=fmt_number(low), hi=fmt_number(high))
    else:
        total = interval_text(low, high)
    parts = ph.get("part_join", " + ").join(
        f"{fmt_number(c.quantity.value if c.quantity.value is not None else c.quantity.low)} "
        f"{c.side}" for c in f.claims)
    return ph.get("sum", "{total} ({parts})").format(total=total, parts=parts)


def interval_text(low: float | None, high: float | None, low_excl: bool = False,
                  high_excl: bool = False) -> str:
    """An interval in symbols: "49", "> 6,500", "≤ 100", "5,500–6,499"."""
    lo = None if not low else low  # 0 is the floor of any count: shown as open
    if lo is None and high is None:
        return "≥ 0"
    if high is None:
        return f"{'>' if low_excl else '≥'} {fmt_number(lo)}"
    if lo is None:
        return f"{'<' if high_excl else '≤'} {fmt_number(high)}"
    if lo == high:
        return fmt_number(lo)
    return f"{fmt_number(lo)}–{fmt_number(high)}"
