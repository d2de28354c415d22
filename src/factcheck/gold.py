"""Gold annotations for ``factcheck evaluate``: read, validate and locate them.

Gold claims are JSON Lines, one figure per line; gold groups are one JSON document of
cross-article groups. Both formats are documented in the README ("Measuring accuracy") and
in ``tests/corpus/GUIDE.md``; their field names are fixed (annotated corpora elsewhere use
them). Every problem is reported as ``path:line: message``, all at once.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from .errors import FactcheckError

BOUNDS = ("exact", "approx", "min", "max", "range", "vague-tens", "vague-hundreds",
          "vague-thousands", "vague-tens-of-thousands", "vague-hundreds-of-thousands",
          "vague-millions")
STATUSES = ("counted", "estimated", "feared", "projected", "increment", "hospitalised")
# what a fact-checker concludes about a gold group; the first five are flags
FLAGGED = ("contradiction", "discrepancy", "update", "dispute", "correction")
QUIET = ("agree", "no-contradiction")
EXPECTS = (*FLAGGED, *QUIET, "trap")

CLAIMS_SUFFIX = ".claims.jsonl"
GROUPS_SUFFIX = ".groups.json"


@dataclass(frozen=True)
class GoldClaim:
    """One annotated figure, located in its article (``start``/``end`` index its text)."""

    id: int  # position among every gold claim read, from 0
    where: str  # "path:line", for messages
    doc: str
    number: str
    start: int
    end: int
    value: float
    bound: str
    high: float | None
    metric: str
    who: str | None
    side: str | None
    subgroup: str | None
    period: tuple[date, date] | None
    event: str | None
    source: str | None
    status: str
    parent: tuple[int, int] | None  # the parent figure's span in the same article


@dataclass(frozen=True)
class GoldGroup:
    """Figures of several articles that talk about the same thing, and the verdict on them."""

    where: str
    members: tuple[int, ...]  # GoldClaim ids, one per article
    docs: tuple[str, ...]
    event: str | None
    metric: str | None
    side: str | None
    expect: str
    why: str


def gold_files(path: str | Path, suffix: str) -> list[Path]:
    """``path`` itself, or every ``*<suffix>`` file in the folder ``path``, sorted."""
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.iterdir() if f.name.endswith(suffix) and f.is_file())
        if not files:
            raise FactcheckError(f"{p}: no *{suffix} file in this folder")
        return files
    if not p.exists():
        raise FactcheckError(f"{p}: no such file or folder")
    return [p]


def parse_period(text: str) -> tuple[date, date]:
    """An ISO day, month or year, or ``start/end`` of those, as the span of days it covers.

    >>> parse_period("2017-01")
    (datetime.date(2017, 1, 1), datetime.date(2017, 1, 31))
    """
    if "/" in text:
        a, b = text.split("/", 1)
        lo, hi = parse_period(a)[0], parse_period(b)[1]
        if hi < lo:
            raise ValueError(f"period {text!r} ends before it starts")
        return lo, hi
    parts = text.strip().split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        raise ValueError(f"period {text!r} is not an ISO day, month or year (or start/end)")
    y = int(parts[0])
    if len(parts) == 1:
        return date(y, 1, 1), date(y, 12, 31)
    m = int(parts[1])
    if len(parts) == 2:
        return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
    d = date(y, m, int(parts[2]))
    return d, d


def _occurrence(text: str, needle: str, k: int) -> tuple[int, int] | None:
    """The span of the k-th (from 1) occurrence of ``needle`` in ``text`` that stands as a
    whole token: "29" is not in "299", nor "tre" in "altre" (but "95" is in "95persone")."""
    pattern = _token_pattern(needle)
    for i, m in enumerate(pattern.finditer(text), 1):
        if i == k:
            return m.span()
    return None


@lru_cache(maxsize=4096)
def _token_pattern(needle: str) -> regex.Pattern:
    left = r"(?<![\p{L}\p{N}])" if needle[:1].isalnum() else ""
    # a figure may be glued to the next word on a scraped page ("95persone"), never to a digit
    right = (r"(?!\p{N})" if needle[-1:].isdigit()
             else r"(?![\p{L}\p{N}])" if needle[-1:].isalnum() else "")
    return regex.compile(left + regex.escape(needle) + right)


def prose_text(text: str, regions: Iterable[tuple[int, int]]) -> str:
    """``text`` with everything outside ``regions`` (metadata: url, byline, front matter)
    blanked, offsets unchanged: a gold figure is never found in an article's url."""
    out = [ch if ch == "\n" else " " for ch in text]
    for start, end in regions:
        out[start:end] = text[start:end]
    return "".join(out)


def _opt_str(obj: Mapping[str, Any], key: str) -> str | None:
    v = obj.get(key)
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    if not isinstance(v, str):
        raise ValueError(f"{key!r} must be a string or null, not {v!r}")
    return v.strip()


def _number(obj: Mapping[str, Any], key: str, required: bool) -> float | None:
    v = obj.get(key)
    if v is None:
        if required:
            raise ValueError(f"{key!r} is required")
        return None
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise ValueError(f"{key!r} must be a number, not {v!r}")
    return float(v)


def _positive_int(obj: Mapping[str, Any], key: str) -> int:
    v = obj.get(key, 1)
    if isinstance(v, bool) or not isinstance(v, int) or v < 1:
        raise ValueError(f"{key!r} must be a whole number from 1, not {v!r}")
    return v


def read_gold_claims(paths: Iterable[Path], texts: Mapping[str, str],
                     metrics: Iterable[str]) -> list[GoldClaim]:
    """Every gold claim of ``paths`` (JSON Lines), located in ``texts`` (doc id -> article text).

    A line whose article is missing or whose ``number`` is not in it, an unknown metric or
    bound, a malformed period: each is a problem ``path:line: ...``; all are raised together
    as one :class:`FactcheckError`.
    """
    known_metrics = set(metrics)
    problems: list[str] = []
    out: list[GoldClaim] = []
    seen: dict[tuple[str, str], int] = {}  # (doc, number) -> occurrences taken so far
    pending_parents: list[tuple[int, str, str, int]] = []
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise FactcheckError(f"{path}: cannot read gold claims: {exc}") from None
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                claim, parent = _gold_claim(line, len(out), where, texts, known_metrics, seen)
            except ValueError as exc:
                problems.append(f"{where}: {exc}")
                continue
            if parent is not None:
                pending_parents.append((len(out), *parent))
            out.append(claim)
    for i, number, doc, k in pending_parents:
        span = _occurrence(texts.get(doc, ""), number, k)
        if span is None:
            problems.append(f"{out[i].where}: parent {number!r} (occurrence {k}) is not in {doc}")
        else:
            out[i] = replace(out[i], parent=span)
    if problems:
        raise FactcheckError("\n".join(problems))
    return out


def _gold_claim(line: str, id_: int, where: str, texts: Mapping[str, str], metrics: set[str],
                seen: dict[tuple[str, str], int]
                ) -> tuple[GoldClaim, tuple[str, str, int] | None]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise ValueError("a gold claim is a JSON object")
    doc, number = obj.get("doc"), obj.get("number")
    if not isinstance(doc, str) or not doc:
        raise ValueError("'doc' (the article's file name) is required")
    if not isinstance(number, str) or not number.strip():
        raise ValueError("'number' (the figure as written) is required")
    if doc not in texts:
        raise ValueError(f"article {doc!r} is not among the articles read")
    value = _number(obj, "value", required=True)
    bound = obj.get("bound")
    if bound not in BOUNDS:
        raise ValueError(f"bound {bound!r} is not one of: {', '.join(BOUNDS)}")
    high = _number(obj, "high", required=bound == "range")
    if high is not None and bound != "range":
        raise ValueError("'high' goes only with bound 'range'")
    metric = obj.get("metric")
    if metric not in metrics:
        raise ValueError(f"metric {metric!r} is not one of: {', '.join(sorted(metrics))}")
    status = obj.get("status") or "counted"
    if status not in STATUSES:
        raise ValueError(f"status {status!r} is not one of: {', '.join(STATUSES)}")
    if "occurrence" in obj:
        k = _positive_int(obj, "occurrence")
    else:
        k = seen.get((doc, number), 0) + 1
    seen[(doc, number)] = max(seen.get((doc, number), 0), k)
    span = _occurrence(texts[doc], number, k)
    if span is None:
        nth = "" if k == 1 else f" {k} times"
        raise ValueError(f"number {number!r} does not occur{nth} in {doc}")
    period_text = _opt_str(obj, "period")
    period = parse_period(period_text) if period_text else None
    parent = None
    if _opt_str(obj, "parent"):
        parent = (obj["parent"], doc, _positive_int(obj, "parent_occurrence"))
    claim = GoldClaim(
        id=id_, where=where, doc=doc, number=number, start=span[0], end=span[1], value=value,
        bound=bound, high=high, metric=metric, who=_opt_str(obj, "who"),
        side=_opt_str(obj, "side"), subgroup=_opt_str(obj, "subgroup"), period=period,
        event=_opt_str(obj, "event"), source=_opt_str(obj, "source"), status=status,
        parent=None)
    return claim, parent


def read_gold_groups(paths: Iterable[Path], claims: Sequence[GoldClaim],
                     texts: Mapping[str, str]) -> list[GoldGroup]:
    """Every gold group of ``paths``; each figure must be a gold claim of its article
    (the k-th occurrence of its string, with ``occurrences``)."""
    by_span = {(c.doc, c.start): c for c in claims}
    problems: list[str] = []
    out: list[GoldGroup] = []
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8-sig")
            data = json.loads(text)
        except (OSError, UnicodeDecodeError) as exc:
            raise FactcheckError(f"{path}: cannot read gold groups: {exc}") from None
        except json.JSONDecodeError as exc:
            raise FactcheckError(f"{path}:{exc.lineno}: not JSON: {exc.msg}") from None
        groups = data.get("groups") if isinstance(data, dict) else None
        if not isinstance(groups, list):
            raise FactcheckError(f"{path}: expected {{\"groups\": [...]}}")
        lines = _object_lines(text)
        for i, g in enumerate(groups):
            where = f"{path}:{lines[i] if i < len(lines) else 1}"
            try:
                out.append(_gold_group(g, where, by_span, texts))
            except ValueError as exc:
                problems.append(f"{where}: group {i + 1}: {exc}")
    if problems:
        raise FactcheckError("\n".join(problems))
    return out


def _object_lines(text: str) -> list[int]:
    """Line numbers where each object of the top-level ``groups`` array starts (for messages)."""
    lines, depth, line, in_str, esc = [], 0, 1, False, False
    for ch in text:
        if ch == "\n":
            line += 1
        if in_str:
            esc, in_str = (not esc and ch == "\\"), in_str and (esc or ch != '"')
            continue
        if ch == '"':
            in_str = True
        elif ch in "{[":
            depth += 1
            if ch == "{" and depth == 3:  # {"groups": [ {  <- the third level
                lines.append(line)
        elif ch in "}]":
            depth -= 1
    return lines


def _gold_group(g: Any, where: str, by_span: Mapping[tuple[str, int], GoldClaim],
                texts: Mapping[str, str]) -> GoldGroup:
    if not isinstance(g, dict):
        raise ValueError("a group is a JSON object")
    docs, numbers = g.get("docs"), g.get("numbers")
    if (not isinstance(docs, list) or not isinstance(numbers, list)
            or not all(isinstance(x, str) for x in [*docs, *numbers])):
        raise ValueError("'docs' and 'numbers' are lists of strings")
    if len(docs) != len(numbers):
        raise ValueError(f"{len(docs)} docs but {len(numbers)} numbers (one per doc)")
    if len(set(docs)) < 2:
        raise ValueError("a group needs figures of at least two different articles")
    stated = g.get("occurrences")
    occurrences = stated or [1] * len(docs)
    if not isinstance(occurrences, list) or len(occurrences) != len(docs):
        raise ValueError("'occurrences' has one whole number per doc")
    expect = g.get("expect")
    if expect not in EXPECTS:
        raise ValueError(f"expect {expect!r} is not one of: {', '.join(EXPECTS)}")
    members = []
    for doc, number, k in zip(docs, numbers, occurrences):
        if isinstance(k, bool) or not isinstance(k, int) or k < 1:
            raise ValueError(f"occurrence {k!r} of {number!r} is not a whole number from 1")
        if doc not in texts:
            raise ValueError(f"article {doc!r} is not among the articles read")
        span = _occurrence(texts[doc], number, k)
        found = by_span.get((doc, span[0])) if span else None
        if (found is None or found.number != number) and not stated:
            # one gold line with that number in that doc: no need to say which occurrence
            same = [c for c in by_span.values() if c.doc == doc and c.number == number]
            found = same[0] if len(same) == 1 else None
        if found is None or found.number != number:
            raise ValueError(f"{number!r} (occurrence {k}) in {doc} is not a gold claim")
        members.append(found.id)
    return GoldGroup(where=where, members=tuple(members), docs=tuple(docs),
                     event=_opt_str(g, "event"), metric=_opt_str(g, "metric"),
                     side=_opt_str(g, "side"), expect=expect, why=_opt_str(g, "why") or "")


def load_gold(claims_path: str | Path, groups_path: str | Path | None, texts: Mapping[str, str],
              metrics: Iterable[str]) -> tuple[list[GoldClaim], list[GoldGroup] | None]:
    """The gold claims (and groups, when a path is given) for the articles in ``texts``."""
    claims = read_gold_claims(gold_files(claims_path, CLAIMS_SUFFIX), texts, metrics)
    groups = None
    if groups_path is not None:
        groups = read_gold_groups(gold_files(groups_path, GROUPS_SUFFIX), claims, texts)
    return claims, groups

