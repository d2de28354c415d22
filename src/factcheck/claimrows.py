"""Claim rows back into Claim records: the claim table (Parquet, JSON Lines, CSV) as input.

`factcheck extract` writes one row per claim with the columns of
:data:`factcheck.table.COLUMNS`; this module reads such rows back into the records
extraction made, so `check --claims` and `ingest --claims` compare and store them without
re-reading a single article. Every column's type is derived here from its name (a column
added at the end of ``COLUMNS`` is text unless listed), and the same types give the
Parquet schema, so partitioned Parquet written by different workers always agrees.

A folder written by ``extract --engine dask`` also holds the articles' metadata (title,
outlet, publication date with its precision and how it was found, language) in
``_articles/``: with it every article comes back, claims or not, and the comparison sees
the same publication dates as on the articles. From bare rows an article is only its
``doc``, ``published`` (read as a day) and ``lang``. Article text and the counts no rule
claimed never travel in rows.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import FactcheckError
from .model import Article, Claim, Quantity
from .table import COLUMNS, claim_record

if TYPE_CHECKING:  # pyarrow is an optional extra, imported where Parquet is read or written
    import pyarrow as pa

    from .pipeline import ArticleResult

# the type of each column that is not text; any other column of COLUMNS is text
_FLOAT = ("value", "low", "high", "band_low", "band_high")
_INT = ("start", "end", "parent", "quote_start")
_BOOL = ("low_exclusive", "high_exclusive", "ambiguous")
_DATE = ("period_start", "period_end", "published")
# without these a row is not a claim (the others default as in the model)
REQUIRED = ("doc", "text", "metric", "quote", "start", "end", "rule", "quote_start")
SUFFIXES = (".parquet", ".jsonl", ".csv")
# the articles' metadata beside partitioned claim rows: every Article field but its text
ARTICLES_DIR = "_articles"
ARTICLE_COLUMNS = tuple(f.name for f in fields(Article) if f.name not in ("text", "regions"))
_ARTICLE_TYPES = {"published": "date", "lang_detected": "bool"}


def column_type(name: str) -> str:
    """``float``, ``int``, ``bool``, ``date`` or ``str``: the type of claim column ``name``."""
    for kind, names in (("float", _FLOAT), ("int", _INT), ("bool", _BOOL), ("date", _DATE)):
        if name in names:
            return kind
    return "str"


def arrow_schema() -> pa.Schema:
    """The Parquet schema of the claim table: every column of ``COLUMNS``, in order, with a
    fixed type (an all-empty column is still typed, so every part file has one schema)."""
    import pyarrow as pa

    types = {"float": pa.float64(), "int": pa.int64(), "bool": pa.bool_(),
             "date": pa.date32(), "str": pa.string()}
    return pa.schema([(c, types[column_type(c)]) for c in COLUMNS])


def arrow_table(claims: Iterable[Claim]) -> pa.Table:
    """Claims as an Arrow table with :func:`arrow_schema`."""
    import pyarrow as pa

    rows = [claim_record(c) for c in claims]
    data = {c: [_typed(c, r.get(c)) for r in rows] for c in COLUMNS}
    return pa.table(data, schema=arrow_schema())


def _typed(col: str, v: Any) -> Any:
    """A value of a claim row (from JSON, CSV, Parquet or :func:`claim_record`) as the
    column's Python type; empty and NaN are None. Raises ValueError on a bad value."""
    if v is None or v == "" or (isinstance(v, float) and v != v):
        return None
    kind = column_type(col)
    if kind == "float":
        return float(v)
    if kind == "int":
        f = float(v)  # CSV and pandas write a nullable int column as 12.0
        if not f.is_integer():
            raise ValueError(f"{col}: {v!r} is not a whole number")
        return int(f)
    if kind == "bool":
        if isinstance(v, str):
            if v.strip().lower() not in ("true", "false", "1", "0"):
                raise ValueError(f"{col}: {v!r} is not true or false")
            return v.strip().lower() in ("true", "1")
        return bool(v)
    if kind == "date":
        return v if isinstance(v, date) else date.fromisoformat(str(v)[:10])
    return str(v)


def article_table(articles: Iterable[Article]) -> pa.Table:
    """The articles' metadata (:data:`ARTICLE_COLUMNS`) as an Arrow table with fixed types."""
    import pyarrow as pa

    types = {"date": pa.date32(), "bool": pa.bool_(), "str": pa.string()}
    arts = list(articles)
    return pa.table({c: [getattr(a, c) for a in arts] for c in ARTICLE_COLUMNS},
                    schema=pa.schema([(c, types[_ARTICLE_TYPES.get(c, "str")])
                                      for c in ARTICLE_COLUMNS]))


def read_articles(folder: Path) -> list[Article]:
    """The articles' metadata in ``folder/_articles`` (none when it is not there)."""
    import pyarrow.parquet as pq

    out = []
    for f in sorted((folder / ARTICLES_DIR).glob("*.parquet")):
        try:
            rows = pq.read_table(f).to_pylist()
        except Exception as exc:  # noqa: BLE001  (pyarrow raises several kinds)
            raise FactcheckError(f"{f}: unreadable Parquet: {exc}") from None
        for r in rows:
            kw = {c: r.get(c) for c in ARTICLE_COLUMNS if r.get(c) is not None}
            if "id" not in kw:
                raise FactcheckError(f"{f}: an article row without an id")
            kw.setdefault("path", kw["id"])
            out.append(Article(text="", regions=(), **kw))
    return out


def claim_from_record(rec: dict[str, Any]) -> Claim:
    """The Claim a claim-table row describes (the inverse of :func:`claim_record`).
    Raises ValueError naming the column when a value is missing or unreadable."""
    r = {c: _typed(c, rec.get(c)) for c in COLUMNS}
    for col in REQUIRED:
        if r[col] is None:
            raise ValueError(f"{col}: missing")
    q = Quantity(start=r["start"], end=r["end"], text=r["text"], kind=r["kind"] or "count",
                 value=r["value"], low=r["low"], high=r["high"],
                 qualifier=r["qualifier"] or "exact", band_low=r["band_low"],
                 band_high=r["band_high"], ambiguous=bool(r["ambiguous"]),
                 low_exclusive=bool(r["low_exclusive"]), high_exclusive=bool(r["high_exclusive"]))
    return Claim(doc=r["doc"], metric=r["metric"], quantity=q, rule=r["rule"], quote=r["quote"],
                 quote_start=r["quote_start"], who=r["who"], side=r["side"],
                 period_start=r["period_start"], period_end=r["period_end"],
                 period_how=r["period_how"], event=r["event"], event_how=r["event_how"],
                 source=r["source"], source_kind=r["source_kind"], published=r["published"],
                 lang=r["lang"] or "it", status=r["status"] or "counted",
                 subgroup=r["subgroup"], parent=r["parent"], source_party=r["source_party"],
                 source_type=r["source_type"])


def claim_files(path: str | os.PathLike) -> list[Path]:
    """The claim files at ``path``: the file itself, or every ``.parquet``, ``.jsonl`` and
    ``.csv`` file under the folder (hidden ones aside), sorted, so the parts of a partitioned
    table come back in their order."""
    p = Path(path)
    if not p.exists():
        raise FactcheckError(f"{p}: no such file or directory")
    if not p.is_dir():
        if p.suffix.lower() not in SUFFIXES:
            raise FactcheckError(f"{p}: not a claim table (give a .parquet, .jsonl or .csv "
                                 "file, or a folder of them)")
        return [p]
    found = []
    for root, dirs, files in os.walk(p, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        found += [Path(root, f) for f in files
                  if f.lower().endswith(SUFFIXES) and not f.startswith((".", "_"))]
    return sorted(found)


def _records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line or row number, row)`` of one claim file (raises ValueError on a bad file)."""
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        try:
            import pyarrow.parquet as pq
        except ImportError:
            raise FactcheckError("reading Parquet needs pyarrow: "
                                 "pip install 'factcheck[parquet]'") from None
        try:
            table = pq.read_table(path)
        except Exception as exc:  # noqa: BLE001  (pyarrow raises several kinds)
            raise ValueError(f"unreadable Parquet: {exc}") from None
        _check_columns(table.column_names)
        yield from enumerate(table.to_pylist(), start=1)
        return
    with path.open(encoding="utf-8-sig", newline="") as fh:
        if suffix == ".csv":
            reader = csv.DictReader(fh)
            _check_columns(reader.fieldnames or [])
            yield from enumerate(reader, start=2)  # line 1 is the header
            return
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"line {n}: not JSON: {exc.msg}") from None
            if not isinstance(rec, dict):
                raise ValueError(f"line {n}: not a JSON object")
            yield n, rec


def _check_columns(names: Iterable[str]) -> None:
    missing = [c for c in REQUIRED if c not in set(names)]
    if missing:
        raise ValueError(f"not a claim table: no column {', '.join(missing)} "
                         "(write it with `factcheck extract`)")


def read_claim_file(path: Path) -> list[Claim]:
    """Every claim of one claim file. Raises ValueError naming the row at fault."""
    out = []
    for n, rec in _records(path):
        try:
            out.append(claim_from_record(rec))
        except (ValueError, TypeError) as exc:
            where = "row" if path.suffix.lower() == ".parquet" else "line"
            raise ValueError(f"{where} {n}: {exc}") from None
    return out


def read_claims(path: str | os.PathLike, warn: Callable[[str], None] | None = None
                ) -> list[ArticleResult]:
    """The claim rows at ``path`` (a file or a folder of them) as extraction results, one
    per article in the order the rows first name it, each with the claims of its rows.

    A file that cannot be read is skipped with a warning naming it (and the line); no
    readable row at all is an error.
    """
    from .pipeline import ArticleResult

    files = claim_files(path)
    known = read_articles(Path(path)) if Path(path).is_dir() else []
    claims: dict[str, list[Claim]] = {a.id: [] for a in known}
    readable = 0
    for f in files:
        try:
            found = read_claim_file(f)
        except (ValueError, OSError, UnicodeDecodeError) as exc:
            if warn is not None:
                warn(f"{f}: skipped: {exc}")
            continue
        readable += 1
        for c in found:
            claims.setdefault(c.doc, []).append(c)
    if not readable:
        raise FactcheckError(f"{path}: no readable claim table "
                             f"({len(files)} file(s) of {', '.join(SUFFIXES)})")
    articles = {a.id: a for a in known}
    return [ArticleResult(articles.get(doc) or _article(doc, cs), tuple(cs), ())
            for doc, cs in claims.items()]


def _article(doc: str, claims: list[Claim]) -> Article:
    """What the rows tell of an article: its id, publication date and language."""
    first = claims[0]
    return Article(id=doc, path=doc, text="", regions=(), published=first.published,
                   lang=first.lang)
