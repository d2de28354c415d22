"""The archive: every ingested article and its claims, in one SQLite file.

A newsroom checks a draft against everything it has published, so the archive
grows with each ``factcheck ingest`` and ``factcheck check DRAFT --against FILE.db``
reads back only the claims the draft's groups need.

Design choices:

* stdlib ``sqlite3``; portable SQL (explicit types, no SQLite-only syntax beyond
  pragmas) so a PostgreSQL backend can follow. Dates are ISO-8601 ``TEXT``,
  booleans ``INTEGER`` 0/1, numbers ``DOUBLE PRECISION``.
* WAL journal, ``synchronous=FULL``; one transaction per batch of files, and an
  article is always written together with all its claims, so a crash or Ctrl-C
  loses nothing already committed and never leaves a partial article.
* An article is identified by its resolved path; its ``content_hash`` (SHA-256 of
  the file's bytes) makes re-ingesting an unchanged file a no-op, and the same
  bytes under another path are not stored twice. ``rules_version`` records which
  rules produced the claims, so ``--reextract`` refreshes exactly the stale ones
  from the stored text (no need for the original files).
* The schema version lives in ``meta``; an older archive is migrated in one
  transaction on open, a newer one is refused with what to do.
* Claims keep the automatic event their article gave them (``auto:<type>:<place>:<date>``,
  the merge's input); ``events`` holds the event each such id is merged into across the
  archive, re-merged at each ingest around the new articles' ids only
  (:func:`factcheck.context.merge.neighbourhood`), and a draft check joins the draft's ids
  to those events with the same functions (:meth:`Archive.draft_events`).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import FactcheckError
from .model import Article, Claim, Quantity, Unclaimed

if TYPE_CHECKING:  # pandas and the pipeline are imported only where they are used
    import pandas as pd

    from .context.merge import Mention

    from .pipeline import ArticleResult

APPLICATION = "factcheck"
SCHEMA_VERSION = 7
BATCH_SIZE = 200  # files per transaction: big enough to be fast, small enough to lose little
PARALLEL_MIN_FILES = 64  # below this many files to extract, a process pool costs more than it saves
_SQLITE_MAGIC = b"SQLite format 3\x00"
# the rules version of articles stored from claim rows (`ingest --claims`): no text is stored,
# so they are replaced by newer rows, never re-extracted
CLAIM_ROWS = "claim rows"

# a claim's (metric, event, side, period_start, period_end, published) -> load it or not
RowFilter = Callable[[str, "str | None", "str | None", "date | None", "date | None",
                      "date | None"], bool]
# sketches of claims -> the indexes of those to read in full
Chooser = Callable[[list["Sketch"]], Iterable[int]]

# ---------------------------------------------------------------- schema

# The current schema (v5), created as is in a new archive. Portable SQL: PostgreSQL
# would only swap ``INTEGER PRIMARY KEY`` for an identity column.
_QUANTITY_COLUMNS = """
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  value DOUBLE PRECISION,
  low DOUBLE PRECISION,
  high DOUBLE PRECISION,
  qualifier TEXT NOT NULL,
  band_low DOUBLE PRECISION,
  band_high DOUBLE PRECISION,
  ambiguous INTEGER NOT NULL,
  low_exclusive INTEGER NOT NULL,
  high_exclusive INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,"""

# The group columns first (a draft check selects its groups), then every column a sketch
# reads (see `Sketch`): the sketches of a draft's groups are read from the index alone, not
# from the claim rows with their quotes scattered over the file (~2x faster on a dense
# archive; the index adds ~10% to a dense archive's file, ~3% to a typical one)
_SKETCH_INDEX_DDL = """CREATE INDEX claims_sketch ON claims (metric, event, side, article_id,
  value, low, high, qualifier, band_low, band_high, low_exclusive, high_exclusive,
  period_start, period_end, published, quote_start, status, subgroup, parent)"""
# v3 and v4's: a sketch without who is counted (v4's columns existed, unindexed)
_SKETCH_INDEX_V3_DDL = """CREATE INDEX claims_sketch ON claims (metric, event, side, article_id,
  value, low, high, qualifier, band_low, band_high, low_exclusive, high_exclusive,
  period_start, period_end, published, quote_start)"""

_UNCLAIMED_DDL = f"""
CREATE TABLE unclaimed (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  doc TEXT NOT NULL,{_QUANTITY_COLUMNS}
  quote TEXT NOT NULL,
  quote_start INTEGER NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX unclaimed_article ON unclaimed (article_id, seq);
"""

# v6: which articles use each automatic event id (the merge's input: its docs and latest
# report), and the event each id is merged into, indexed by the merge's bucket (country) and
# span so a new id meets only its neighbours
_EVENTS_DDL = """
CREATE TABLE article_events (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  mention TEXT NOT NULL,
  published TEXT,
  PRIMARY KEY (article_id, mention)
);
CREATE INDEX article_events_mention ON article_events (mention);
CREATE TABLE events (
  mention TEXT PRIMARY KEY,
  event TEXT NOT NULL,
  bucket TEXT NOT NULL,
  span_start TEXT,
  span_end TEXT
);
CREATE INDEX events_bucket ON events (bucket, span_start);
CREATE INDEX events_event ON events (event);
"""
# v7: a mention's other buckets (a named storm's is its name; where its article says it
# struck is another, so a report naming only that place meets it: merge.buckets)
_EVENT_BUCKETS_DDL = """
CREATE TABLE IF NOT EXISTS event_buckets (
  mention TEXT NOT NULL,
  bucket TEXT NOT NULL,
  span_start TEXT,
  span_end TEXT,
  PRIMARY KEY (bucket, mention)
);
CREATE INDEX IF NOT EXISTS event_buckets_mention ON event_buckets (mention);
"""

SCHEMA = f"""
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  doc TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  rules_version TEXT NOT NULL,
  title TEXT,
  outlet TEXT,
  url TEXT,
  published TEXT,
  published_how TEXT,
  lang TEXT NOT NULL,
  regions TEXT NOT NULL,
  text TEXT NOT NULL,
  n_claims INTEGER NOT NULL,
  ingested_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  published_precision TEXT,
  lang_detected INTEGER NOT NULL DEFAULT 0,
  n_unclaimed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_hash ON articles (content_hash);
CREATE INDEX articles_rules ON articles (rules_version);
CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  doc TEXT NOT NULL,
  metric TEXT NOT NULL,
  event TEXT,
  side TEXT,
  who TEXT,{_QUANTITY_COLUMNS}
  period_start TEXT,
  period_end TEXT,
  period_how TEXT,
  event_how TEXT,
  source TEXT,
  source_kind TEXT,
  published TEXT,
  lang TEXT NOT NULL,
  rule TEXT NOT NULL,
  quote TEXT NOT NULL,
  quote_start INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'counted',
  subgroup TEXT,
  parent INTEGER,
  source_party TEXT,
  source_type TEXT
);
{_SKETCH_INDEX_DDL};
CREATE INDEX claims_doc ON claims (doc);
CREATE INDEX claims_article ON claims (article_id, seq);
{_UNCLAIMED_DDL}
{_EVENTS_DDL}{_EVENT_BUCKETS_DDL}"""


def _migrate_1_to_2(conn: sqlite3.Connection) -> None:
    """v2 keeps the unclaimed counts (shown to rule authors) and the reader's date
    precision and language detection flag, which v1 dropped.

    v1 rows have none of these, so their ``rules_version`` is marked stale
    (prefixed ``v1:``, the original kept for the record): ``ingest --reextract``
    fills them in from the stored text.
    """
    for stmt in (
        "ALTER TABLE articles ADD COLUMN published_precision TEXT",
        "ALTER TABLE articles ADD COLUMN lang_detected INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE articles ADD COLUMN n_unclaimed INTEGER NOT NULL DEFAULT 0",
        *[s for s in _UNCLAIMED_DDL.split(";") if s.strip()],
        "UPDATE articles SET rules_version = 'v1:' || rules_version",
    ):
        conn.execute(stmt)


def _migrate_2_to_3(conn: sqlite3.Connection) -> None:
    """v3 replaces the group index with one that also covers the sketch columns (same
    leading columns, so the queries by group still use it). Nothing to re-extract."""
    conn.execute("DROP INDEX IF EXISTS claims_group")
    conn.execute(_SKETCH_INDEX_V3_DDL)


_V4_CLAIM_COLUMNS = ("status TEXT NOT NULL DEFAULT 'counted'", "subgroup TEXT",
                     "parent INTEGER", "source_party TEXT", "source_type TEXT")


def _migrate_3_to_4(conn: sqlite3.Connection) -> None:
    """v4 adds who is counted and who says so: a figure's status (counted, estimated,
    feared, projected, increment), subgroup, parent figure, and its source's party and type.

    v3 rows have none of these, so their ``rules_version`` is marked stale (prefixed
    ``v3:``): ``ingest --reextract`` fills them in from the stored text.
    """
    for col in _V4_CLAIM_COLUMNS:
        conn.execute(f"ALTER TABLE claims ADD COLUMN {col}")
    conn.execute("UPDATE articles SET rules_version = 'v3:' || rules_version")


def _migrate_4_to_5(conn: sqlite3.Connection) -> None:
    """v5's sketch index also covers a claim's status, subgroup and parent, so a draft check
    against an archive judges by the same identity as one against a folder, still from the
    index alone. Nothing to re-extract."""
    conn.execute("DROP INDEX IF EXISTS claims_sketch")
    conn.execute(_SKETCH_INDEX_DDL)


def _migrate_5_to_6(conn: sqlite3.Connection) -> None:
    """v6 stores which articles use each automatic event id and the event each id is merged
    into across the archive (so a draft joins the archive's events): filled from the stored
    claims, and merged once, all together (the default rules' gazetteer). Nothing to
    re-extract."""
    # the merge below is today's: it indexes named events under v7's table too
    for stmt in (_EVENTS_DDL + _EVENT_BUCKETS_DDL).split(";"):
        if stmt.strip():
            conn.execute(stmt)
    conn.execute("INSERT INTO article_events (article_id, mention, published) "
                 "SELECT article_id, event, max(published) FROM claims "
                 "WHERE event LIKE 'auto:%' GROUP BY article_id, event")
    _remerge(conn, {r[0] for r in conn.execute("SELECT DISTINCT mention FROM article_events")},
             None)


def _migrate_6_to_7(conn: sqlite3.Connection) -> None:
    """v7 indexes a mention under its other buckets too (a named storm where its article
    says it struck): the table, filled by re-merging the named mentions that carry a place
    (the default rules' gazetteer). Nothing to re-extract."""
    for stmt in _EVENT_BUCKETS_DDL.split(";"):
        if stmt.strip():
            conn.execute(stmt)
    _remerge(conn, {r[0] for r in conn.execute(
        "SELECT DISTINCT mention FROM article_events WHERE mention LIKE '%@%'")}, None)


# from_version -> step to from_version + 1
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _migrate_1_to_2,
                                                                2: _migrate_2_to_3,
                                                                3: _migrate_3_to_4,
                                                                4: _migrate_4_to_5,
                                                                5: _migrate_5_to_6,
                                                                6: _migrate_6_to_7}

_CLAIM_FIELDS = (
    "doc", "metric", "event", "side", "who",
    "text", "kind", "value", "low", "high", "qualifier", "band_low", "band_high",
    "ambiguous", "low_exclusive", "high_exclusive", "span_start", "span_end",
    "period_start", "period_end", "period_how", "event_how", "source", "source_kind",
    "published", "lang", "rule", "quote", "quote_start",
    "status", "subgroup", "parent", "source_party", "source_type",
)
_UNCLAIMED_FIELDS = (
    "doc", "text", "kind", "value", "low", "high", "qualifier", "band_low", "band_high",
    "ambiguous", "low_exclusive", "high_exclusive", "span_start", "span_end",
    "quote", "quote_start", "reason",
)
_ARTICLE_FIELDS = (
    "doc", "path", "content_hash", "rules_version", "title", "outlet", "url", "published",
    "published_how", "published_precision", "lang", "lang_detected", "regions", "text",
    "n_claims", "n_unclaimed", "ingested_at", "updated_at",
)


# ---------------------------------------------------------------- helpers

def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _date(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _quantity_values(q: Quantity) -> tuple:
    return (q.text, q.kind, q.value, q.low, q.high, q.qualifier, q.band_low, q.band_high,
            int(q.ambiguous), int(q.low_exclusive), int(q.high_exclusive), q.start, q.end)


def _quantity(r: Sequence, i: int) -> Quantity:
    """The Quantity stored in row ``r`` from column ``i`` on (``_quantity_values`` order)."""
    return Quantity(start=r[i + 11], end=r[i + 12], text=r[i], kind=r[i + 1], value=r[i + 2],
                    low=r[i + 3], high=r[i + 4], qualifier=r[i + 5], band_low=r[i + 6],
                    band_high=r[i + 7], ambiguous=bool(r[i + 8]), low_exclusive=bool(r[i + 9]),
                    high_exclusive=bool(r[i + 10]))


def _claim_values(c: Claim) -> tuple:
    return (c.doc, c.metric, c.event, c.side, c.who, *_quantity_values(c.quantity),
            _iso(c.period_start), _iso(c.period_end), c.period_how, c.event_how, c.source,
            c.source_kind, _iso(c.published), c.lang, c.rule, c.quote, c.quote_start,
            c.status, c.subgroup, c.parent, c.source_party, c.source_type)


class _Dates(dict):
    """ISO date strings -> dates, each parsed once (an archive repeats a few hundred dates)."""

    def __missing__(self, s: str | None) -> date | None:
        d = self[s] = _date(s)
        return d


def _claim(r: Sequence, dates: _Dates | None = None) -> Claim:
    """A Claim from a row selected as ``_CLAIM_FIELDS``. Positional arguments in the model's
    field order (the round-trip test checks it): a draft check builds tens of thousands."""
    d = _Dates() if dates is None else dates
    q = Quantity(r[16], r[17], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], bool(r[13]),
                 bool(r[14]), bool(r[15]))
    return Claim(r[0], r[1], q, r[26], r[27], r[28], r[4], r[3], d[r[18]], d[r[19]], r[20], r[2],
                 r[21], r[22], r[23], d[r[24]], r[25], r[29], r[30], r[31], r[32], r[33])


# what a sketch holds: what a figure's interval, date, group and sum are made of; all in
# the claims_sketch index (the id too: it is the row id). The group's metric and event come
# from the query, the doc from the article
_SKETCH_FIELDS = (
    "id", "article_id", "side", "value", "low", "high", "qualifier", "band_low", "band_high",
    "low_exclusive", "high_exclusive", "period_start", "period_end", "published", "quote_start",
    "status", "subgroup", "parent",
)


class Sketch:
    """A stored claim's numbers, dates, group, identity (status, subgroup, parent) and
    sentence, without its words, source or place in the text: read like a :class:`Claim` and its :class:`Quantity` (``quantity`` is the
    sketch itself) by :func:`factcheck.compare.draft_needs`, and built several times faster
    than those frozen records, from a row selected as ``_SKETCH_FIELDS`` and its group
    ``metric`` and ``event`` and article ``doc``."""

    __slots__ = ("doc", "metric", "event", "side", "value", "low", "high", "qualifier",
                 "band_low", "band_high", "low_exclusive", "high_exclusive", "period_start",
                 "period_end", "published", "quote_start", "status", "subgroup", "parent",
                 "published_precision", "published_how")
    who = source = source_kind = None
    rule = quote = text = kind = ""
    start = end = 0
    ambiguous = False

    def __init__(self, r: Sequence, metric: str, event: str | None, doc: str,
                 precision: str | None, how: str | None, dates: _Dates):
        # how well the article's date is known: a draft check reads whole a moment that a
        # report known only to the month, or only inferred, may split (scene.maybe_wide)
        self.doc, self.metric, self.event = doc, metric, event
        self.published_precision, self.published_how = precision, how
        (_, _, self.side, self.value, self.low, self.high, self.qualifier, self.band_low,
         self.band_high, low_exclusive, high_exclusive, period_start, period_end, published,
         self.quote_start, self.status, self.subgroup, self.parent) = r
        self.low_exclusive, self.high_exclusive = bool(low_exclusive), bool(high_exclusive)
        self.period_start, self.period_end = dates[period_start], dates[period_end]
        self.published = dates[published]

    @property
    def quantity(self) -> Sketch:
        return self


def _side_then_id(r: Sequence) -> tuple:
    # SQLite's order of a nullable text column: NULL first, then by UTF-8 bytes (code points)
    return (r[2] is not None, r[2] or "", r[0])


def _unclaimed(r: Sequence) -> Unclaimed:
    return Unclaimed(doc=r[0], quantity=_quantity(r, 1), quote=r[14], quote_start=r[15],
                     reason=r[16])


def rules_version(rules_root: str | os.PathLike) -> str:
    """A deterministic fingerprint of every rule, language and data file under ``rules_root``
    (with the factcheck version, since code changes extraction too).

    Hidden files and caches are ignored; path names are part of the hash, so a
    renamed rule (whose id comes from its path) changes it as well.
    """
    from . import __version__

    root = Path(rules_root)
    h = hashlib.sha256(f"factcheck {__version__}\0".encode())
    files = []
    for dirpath, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__pycache__"]
        files += [Path(dirpath, n) for n in names if not n.startswith(".")
                  and not n.endswith((".pyc", "~"))]
    for f in sorted(files, key=lambda p: p.relative_to(root).as_posix()):
        h.update(f.relative_to(root).as_posix().encode() + b"\0")
        h.update(f.read_bytes() + b"\0")
    return h.hexdigest()[:20]


def default_db_path() -> Path:
    """The default archive: see :func:`factcheck.paths.default_db_path` (one rule for every
    command)."""
    from .paths import default_db_path as default

    return default()


# ---------------------------------------------------------------- events

def _stored_mentions(conn: sqlite3.Connection, ids: Iterable[str]) -> list[Mention]:
    """The archive's mentions of these automatic ids (those some article still uses)."""
    from .context.merge import mention

    ids = sorted(set(ids))
    rows: list = []
    for i in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
        chunk = ids[i:i + 500]
        rows += conn.execute(
            "SELECT ae.mention, a.doc, ae.published FROM article_events ae "
            "JOIN articles a ON a.id = ae.article_id "
            f"WHERE ae.mention IN ({', '.join('?' * len(chunk))})", chunk).fetchall()
    by_id: dict[str, list] = {}
    for r in rows:
        by_id.setdefault(r[0], []).append(r)
    return [mention(eid, (_date(r[2]) for r in rs), (r[1] for r in rs))
            for eid, rs in sorted(by_id.items())]


def _fetcher(conn: sqlite3.Connection) -> Callable[[str, date | None, date | None],
                                                    list[Mention]]:
    """The stored mentions of a bucket whose span meets ``[lo, hi]``, and its undated ones
    (:data:`factcheck.context.merge.Fetch`), on the events index."""
    def fetch(bucket: str, lo: date | None, hi: date | None) -> list[Mention]:
        ids: list = []
        for table in ("events", "event_buckets"):  # a mention's first bucket, its others
            if lo is None or hi is None:
                ids += conn.execute(f"SELECT mention FROM {table} WHERE bucket = ?", (bucket,))
            else:
                ids += conn.execute(
                    f"SELECT mention FROM {table} WHERE bucket = ? AND (span_start IS NULL OR "
                    "(span_start <= ? AND span_end >= ?))",
                    (bucket, hi.isoformat(), lo.isoformat()))
        return _stored_mentions(conn, (r[0] for r in ids))
    return fetch


def _remerge(conn: sqlite3.Connection, touched: set[str], rules_root: Path | None) -> None:
    """Re-merge the archive's events around the automatic ids ``touched`` (used by new or
    replaced articles, or no longer used): those ids, the other members of their former
    events, and every stored id near them; the rest of the archive keeps its events."""
    from .context.merge import buckets, merge_mentions, neighbourhood

    if not touched:
        return
    ids = sorted(touched)
    former: set[str] = set(ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        former.update(r[0] for r in conn.execute(
            "SELECT mention FROM events WHERE event IN (SELECT event FROM events WHERE "
            f"mention IN ({', '.join('?' * len(chunk))}))", chunk))
    seeds = _stored_mentions(conn, former)
    gone = sorted(former - {m.id for m in seeds})
    for i in range(0, len(gone), 500):
        chunk = gone[i:i + 500]
        for table in ("events", "event_buckets"):
            conn.execute(f"DELETE FROM {table} WHERE mention IN ({', '.join('?' * len(chunk))})",
                         chunk)
    group = neighbourhood(seeds, _fetcher(conn), rules_root)
    merged = merge_mentions(group, rules_root)
    conn.executemany("DELETE FROM events WHERE mention = ?", [(m.id,) for m in group])
    conn.executemany("DELETE FROM event_buckets WHERE mention = ?", [(m.id,) for m in group])
    where = {m.id: buckets(m, rules_root) for m in group}
    conn.executemany(
        "INSERT INTO events (mention, event, bucket, span_start, span_end) "
        "VALUES (?, ?, ?, ?, ?)",
        [(m.id, merged[m.id], where[m.id][0], _iso(m.start), _iso(m.end)) for m in group])
    conn.executemany(
        "INSERT INTO event_buckets (mention, bucket, span_start, span_end) VALUES (?, ?, ?, ?)",
        [(m.id, b, _iso(m.start), _iso(m.end)) for m in group for b in where[m.id][1:]])


# ---------------------------------------------------------------- opening

class Archive:
    """An open archive. Use as a context manager; writes go through :meth:`transaction`."""

    def __init__(self, path: str | os.PathLike, *, create: bool = False,
                 warn: Callable[[str], None] | None = None, readonly: bool = False):
        self.path = Path(path)
        self.warn = warn or (lambda msg: print(f"factcheck: {msg}", file=sys.stderr))
        self.readonly = readonly and not create
        # automatic event ids used by articles written since the last re-merge
        self._unmerged: set[str] = set()
        self.conn = _connect_readonly(self.path) if self.readonly else _connect(self.path, create)
        try:
            self._check_schema(create)
        except BaseException:
            self.conn.close()
            raise

    # -- lifecycle

    def close(self) -> None:
        """Close the connection (uncommitted work is rolled back)."""
        self.conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything inside is committed together or not at all."""
        self.conn.execute("BEGIN IMMEDIATE")  # take the write lock now, not halfway through
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- schema

    def _check_schema(self, create: bool) -> None:
        p = self.path
        try:
            tables = {r[0] for r in self.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            raise FactcheckError(f"{p}: not a factcheck archive ({exc})") from None
        if "meta" not in tables:
            if tables:
                raise FactcheckError(f"{p}: an SQLite database, but not a factcheck archive "
                                     "(no meta table); give another --db file")
            if not create:
                raise FactcheckError(f"{p}: empty database, not a factcheck archive; "
                                     f"fill it with `factcheck ingest PATH... --db {p}`")
            self._create()
            return
        meta = dict(self.conn.execute("SELECT key, value FROM meta"))
        if meta.get("application") != APPLICATION or "schema_version" not in meta:
            raise FactcheckError(f"{p}: an SQLite database, but not a factcheck archive "
                                 "(its meta table has no factcheck schema_version)")
        try:
            version = int(meta["schema_version"])
        except ValueError:
            raise FactcheckError(f"{p}: unreadable archive schema version "
                                 f"{meta['schema_version']!r}") from None
        if version > SCHEMA_VERSION:
            raise FactcheckError(
                f"{p}: archive schema version {version} is newer than this factcheck "
                f"understands (up to {SCHEMA_VERSION}): upgrade factcheck "
                "(pip install -U factcheck), or ingest into a new --db file")
        if version < SCHEMA_VERSION:
            self._migrate(version)

    def _create(self) -> None:
        with self.transaction() as conn:
            if conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'meta'").fetchone()[0]:
                return  # another process created it while we waited for the lock
            for stmt in SCHEMA.split(";"):
                if stmt.strip():
                    conn.execute(stmt)
            conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", [
                ("application", APPLICATION), ("schema_version", str(SCHEMA_VERSION)),
                ("created_at", _now())])

    def _migrate(self, version: int) -> None:
        """Bring an older schema up to date, every step in one transaction (read-only: in a
        copy in memory, the file untouched)."""
        start = version
        if self.readonly:
            memory = sqlite3.connect(":memory:", isolation_level=None)
            self.conn.backup(memory)
            self.conn.close()
            self.conn = memory
        with self.transaction() as conn:
            # re-read under the write lock: another process may have migrated already
            version = int(conn.execute(
                "SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0])
            while version < SCHEMA_VERSION:
                step = MIGRATIONS.get(version)
                if step is None:
                    raise FactcheckError(
                        f"{self.path}: archive schema version {version} cannot be migrated by "
                        "this factcheck; re-ingest the articles into a new --db file")
                step(conn)
                version += 1
                conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                             (str(version),))
        if version != start and self.readonly:
            self.warn(f"{self.path}: archive schema v{start} read as v{version} in memory (opened "
                      f"read-only); `factcheck ingest --db {self.path}` migrates the file")
        elif version != start:
            self.warn(f"{self.path}: migrated the archive from schema v{start} to v{version}")

    @property
    def schema_version(self) -> int:
        """The schema version stored in the file."""
        return int(self.conn.execute(
            "SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0])

    # -- lookups

    def by_path(self, path: str) -> tuple[int, str, str, str] | None:
        """``(id, doc, content_hash, rules_version)`` of the article stored for ``path``."""
        return self.conn.execute("SELECT id, doc, content_hash, rules_version FROM articles "
                                 "WHERE path = ?", (path,)).fetchone()

    def by_hash(self, content_hash: str) -> tuple[int, str, str] | None:
        """``(id, doc, path)`` of an article with these exact bytes, if any."""
        return self.conn.execute("SELECT id, doc, path FROM articles WHERE content_hash = ? "
                                 "ORDER BY id LIMIT 1", (content_hash,)).fetchone()

    def doc_taken(self, doc: str) -> bool:
        """Whether an article is already stored under this doc id."""
        return self.conn.execute("SELECT 1 FROM articles WHERE doc = ?",
                                 (doc,)).fetchone() is not None

    def counts(self) -> tuple[int, int]:
        """``(articles, claims)`` stored."""
        return (self.conn.execute("SELECT count(*) FROM articles").fetchone()[0],
                self.conn.execute("SELECT count(*) FROM claims").fetchone()[0])

    def stale_ids(self, version: str) -> list[int]:
        """Ids of articles whose claims were extracted with other rules than ``version``
        (articles stored from claim rows have no text to re-extract: never stale)."""
        return [r[0] for r in self.conn.execute(
            "SELECT id FROM articles WHERE rules_version <> ? AND rules_version <> ? "
            "ORDER BY id", (version, CLAIM_ROWS))]

    # -- writing (inside a transaction)

    def put(self, result: ArticleResult, *, path: str, content_hash: str, rules_version: str,
            article_id: int | None = None) -> int:
        """Store an article with all its claims and unclaimed counts; returns its id.

        With ``article_id``, that article is replaced (its old claims deleted);
        call inside :meth:`transaction` so the article never appears half-written.
        """
        a = result.article
        now = _now()
        values = dict(
            doc=a.id, path=path, content_hash=content_hash, rules_version=rules_version,
            title=a.title, outlet=a.outlet, url=a.url, published=_iso(a.published),
            published_how=a.published_how, published_precision=a.published_precision,
            lang=a.lang, lang_detected=int(a.lang_detected),
            regions=json.dumps([list(r) for r in a.regions]), text=a.text,
            n_claims=len(result.claims), n_unclaimed=len(result.unclaimed),
            ingested_at=now, updated_at=now)
        conn = self.conn
        if article_id is None:
            cols = ", ".join(_ARTICLE_FIELDS)
            marks = ", ".join("?" * len(_ARTICLE_FIELDS))
            cur = conn.execute(f"INSERT INTO articles ({cols}) VALUES ({marks})",
                               [values[k] for k in _ARTICLE_FIELDS])
            article_id = cur.lastrowid
        else:
            del values["ingested_at"]  # first ingestion time stays
            sets = ", ".join(f"{k} = ?" for k in values)
            conn.execute(f"UPDATE articles SET {sets} WHERE id = ?", [*values.values(), article_id])
            conn.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
            conn.execute("DELETE FROM unclaimed WHERE article_id = ?", (article_id,))
            self._unmerged.update(r[0] for r in conn.execute(
                "SELECT mention FROM article_events WHERE article_id = ?", (article_id,)))
            conn.execute("DELETE FROM article_events WHERE article_id = ?", (article_id,))
        conn.executemany(
            f"INSERT INTO claims (article_id, seq, {', '.join(_CLAIM_FIELDS)}) "
            f"VALUES ({', '.join('?' * (len(_CLAIM_FIELDS) + 2))})",
            [(article_id, i, *_claim_values(c)) for i, c in enumerate(result.claims)])
        conn.executemany(
            f"INSERT INTO unclaimed (article_id, seq, {', '.join(_UNCLAIMED_FIELDS)}) "
            f"VALUES ({', '.join('?' * (len(_UNCLAIMED_FIELDS) + 2))})",
            [(article_id, i, u.doc, *_quantity_values(u.quantity), u.quote, u.quote_start,
              u.reason) for i, u in enumerate(result.unclaimed)])
        latest: dict[str, str | None] = {}  # each automatic id -> its latest report
        for c in result.claims:
            if c.event and c.event.startswith("auto:"):
                latest[c.event] = max(filter(None, (latest.get(c.event), _iso(c.published))),
                                      default=None)
        conn.executemany("INSERT INTO article_events (article_id, mention, published) "
                         "VALUES (?, ?, ?)", [(article_id, *kv) for kv in sorted(latest.items())])
        self._unmerged.update(latest)
        return article_id

    def remerge(self, rules_root: Path | None = None) -> None:
        """Merge the events of the articles written since the last call into the archive's
        (inside the same :meth:`transaction`): only around their automatic ids."""
        _remerge(self.conn, self._unmerged, rules_root)
        self._unmerged = set()

    def move(self, article_id: int, path: str) -> None:
        """Record that a stored article's file now lives at ``path`` (same bytes)."""
        self.conn.execute("UPDATE articles SET path = ?, updated_at = ? WHERE id = ?",
                          (path, _now(), article_id))

    # -- reading

    def event_map(self) -> dict[str, str]:
        """Each stored automatic id -> the event it is merged into across the archive."""
        return dict(self.conn.execute("SELECT mention, event FROM events"))

    def neighbourhood(self, seeds: Sequence[Mention], rules_root: Path | None = None
                     ) -> list[Mention]:
        """The mentions the ``seeds`` (a draft's automatic ids) may merge with: the seeds,
        each combined with the archive's mention of its id, and every stored mention reachable
        from them by the merge's own rule (:func:`factcheck.context.merge.neighbourhood`).
        Merged alone, these get the events a merge of the archive and the draft gives."""
        from .context.merge import combined, neighbourhood

        stored = {m.id: m for m in _stored_mentions(self.conn, (m.id for m in seeds))}
        joined = [combined(m, stored[m.id]) if m.id in stored else m for m in seeds]
        return neighbourhood(joined, _fetcher(self.conn), rules_root)

    def stored_article(self, article_id: int) -> tuple[str, str, str]:
        """``(doc, path, text)`` of a stored article (for re-extraction)."""
        return self.conn.execute("SELECT doc, path, text FROM articles WHERE id = ?",
                                 (article_id,)).fetchone()

    def claims(self, keys: Iterable[tuple[str, str | None]] | None = None,
               where: RowFilter | None = None, events: Mapping[str, str] | None = None
               ) -> dict[int, list[Claim]]:
        """Stored claims by article id, in article order; only the ``(metric, event)``
        groups in ``keys`` when given (an event of None matches claims with no event), and
        of those only the claims ``where`` accepts, asked before a claim is built. With
        ``events``, a claim's event is the one it maps its stored id to (merged)."""
        rows = self._select(f"article_id, seq, {', '.join(_CLAIM_FIELDS)}", keys)
        if events:
            rows = [(*r[:4], events.get(r[4], r[4]), *r[5:]) for r in rows]
        dates = _Dates()
        if where is not None:  # columns: metric, event, side, period_start, period_end, published
            rows = [r for r in rows if where(r[3], r[4], r[5], dates[r[20]], dates[r[21]],
                                             dates[r[26]])]
        if keys is not None:  # the groups' rows come in index order
            rows.sort(key=itemgetter(0, 1))
        out: dict[int, list[Claim]] = {}
        for r in rows:
            out.setdefault(r[0], []).append(_claim(r[2:], dates))
        return out

    def _select(self, cols: str, keys: Iterable[tuple[str, str | None]] | None) -> list:
        """Rows of ``cols`` of the claims in the ``(metric, event)`` groups ``keys`` (all
        claims, in article order, without keys), one indexed query per group."""
        if keys is None:
            return self.conn.execute(f"SELECT {cols} FROM claims ORDER BY article_id, seq"
                                     ).fetchall()
        rows: list = []
        for metric, event in sorted(set(keys), key=lambda k: (k[0], k[1] or "")):
            rows += self._group_rows(cols, metric, event)
        return rows

    def _group_rows(self, cols: str, metric: str, event: str | None) -> list:
        """Rows of ``cols`` of the claims of one ``(metric, event)`` group, on the index."""
        if event is None:  # `= NULL` never matches: IS NULL, still on the index
            return self.conn.execute(f"SELECT {cols} FROM claims "
                                     "WHERE metric = ? AND event IS NULL", (metric,)).fetchall()
        return self.conn.execute(f"SELECT {cols} FROM claims WHERE metric = ? AND event = ?",
                                 (metric, event)).fetchall()

    def sketches(self, keys: Iterable[tuple[str, str | None]] | None = None,
                 where: RowFilter | None = None, events: Mapping[str, str] | None = None
                 ) -> list[tuple[int, int, Sketch]]:
        """``(claim id, article id, sketch)`` of the stored claims (selected and their
        events mapped as by :meth:`claims`), to choose cheaply which claims to read in full."""
        events = events or {}
        cols = ", ".join(_SKETCH_FIELDS)
        if keys is None:
            keys = self.conn.execute("SELECT DISTINCT metric, event FROM claims").fetchall()
        # every doc from the articles' doc index: cheaper than a text column per claim
        docs = {i: (doc, precision, how) for i, doc, precision, how in self.conn.execute(
            "SELECT id, doc, published_precision, published_how FROM articles")}
        dates = _Dates()
        out: list[tuple[int, int, Sketch]] = []
        for metric, event in sorted(set(keys), key=lambda k: (k[0], k[1] or "")):
            # in the order of the claims' side, then id (as v2's group index gave them): the
            # claims a chooser keeps can depend on it (the first of a tie), and so the count
            # of claims read
            rows = sorted(self._group_rows(cols, metric, event), key=_side_then_id)
            ev = events.get(event, event) if event is not None else None
            if where is not None:
                rows = [r for r in rows if where(metric, ev, r[2], dates[r[11]],
                                                 dates[r[12]], dates[r[13]])]
            out += [(r[0], r[1], Sketch(r, metric, ev, *docs[r[1]], dates)) for r in rows]
        return out

    def claims_by_id(self, claim_ids: Iterable[int], events: Mapping[str, str] | None = None
                     ) -> dict[int, list[Claim]]:
        """These stored claims by article id, in article order (events mapped as by
        :meth:`claims`)."""
        ids = sorted(set(claim_ids))
        cols = f"article_id, seq, {', '.join(_CLAIM_FIELDS)}"
        rows: list = []
        for i in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
            chunk = ids[i:i + 500]
            rows += self.conn.execute(
                f"SELECT {cols} FROM claims WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
        if events:
            rows = [(*r[:4], events.get(r[4], r[4]), *r[5:]) for r in rows]
        rows.sort(key=lambda r: (r[0], r[1]))
        dates = _Dates()
        out: dict[int, list[Claim]] = {}
        for r in rows:
            out.setdefault(r[0], []).append(_claim(r[2:], dates))
        return out

    def unclaimed(self, article_ids: Iterable[int] | None = None) -> dict[int, list[Unclaimed]]:
        """Stored unclaimed counts by article id."""
        cols = ", ".join(_UNCLAIMED_FIELDS)
        out: dict[int, list[Unclaimed]] = {}
        for r in self.conn.execute(f"SELECT article_id, {cols} FROM unclaimed "
                                   "ORDER BY article_id, seq"):
            out.setdefault(r[0], []).append(_unclaimed(r[1:]))
        if article_ids is not None:
            wanted = set(article_ids)
            out = {k: v for k, v in out.items() if k in wanted}
        return out

    def articles(self, article_ids: Iterable[int] | None = None, *, text: bool = False
                 ) -> dict[int, Article]:
        """Stored articles by id (all, or those in ``article_ids``), in path order.

        Without ``text`` the article's text is empty and its regions are omitted:
        claims carry their own quotes, and a check need not read 10,000 texts.
        """
        cols = ("id, doc, path, title, outlet, url, published, published_how, "
                "published_precision, lang, lang_detected, regions, "
                + ("text" if text else "''"))
        if article_ids is None:
            rows = self.conn.execute(f"SELECT {cols} FROM articles ORDER BY path").fetchall()
        else:
            ids = sorted(set(article_ids))
            rows = []
            for i in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
                chunk = ids[i:i + 500]
                rows += self.conn.execute(
                    f"SELECT {cols} FROM articles WHERE id IN ({', '.join('?' * len(chunk))})",
                    chunk).fetchall()
            rows.sort(key=lambda r: r[2])
        out: dict[int, Article] = {}
        for r in rows:
            regions = tuple(tuple(x) for x in json.loads(r[11])) if text else ()
            out[r[0]] = Article(
                id=r[1], path=r[2], text=r[12], regions=regions, title=r[3], outlet=r[4],
                url=r[5], published=_date(r[6]), published_how=r[7], published_precision=r[8],
                lang=r[9], lang_detected=bool(r[10]))
        return out

    def results(self, keys: Iterable[tuple[str, str | None]] | None = None, *,
                where: RowFilter | None = None, choose: Chooser | None = None,
                text: bool = False, unclaimed: bool = False,
                events: Mapping[str, str] | None = None) -> list[ArticleResult]:
        """Articles with their stored claims, as extraction made them (see :func:`load_results`)."""
        from .pipeline import ArticleResult

        if choose is not None:
            found = self.sketches(keys, where, events)
            claims = self.claims_by_id((found[i][0] for i in choose([c for _, _, c in found])),
                                       events)
            # every article of the selection is listed, with its chosen claims only: the
            # same articles (and short labels) as when they are read in full
            arts = self.articles({article_id for _, article_id, _ in found}, text=text)
        else:
            claims = self.claims(keys, where, events)
            selected = keys is not None or where is not None
            arts = self.articles(claims.keys() if selected else None, text=text)
        missed = self.unclaimed(arts.keys()) if unclaimed else {}
        return [ArticleResult(a, tuple(claims.get(i, ())), tuple(missed.get(i, ())))
                for i, a in arts.items()]


def _connect(path: Path, create: bool) -> sqlite3.Connection:
    """Open ``path`` as SQLite after checking it is one (a clear error names the file)."""
    if path.is_dir():
        raise FactcheckError(f"{path}: is a directory, not an archive file")
    if not path.exists():
        if not create:
            raise FactcheckError(f"{path}: no such archive; create it with "
                                 f"`factcheck ingest PATH... --db {path}`")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise FactcheckError(f"{path}: cannot create the archive: {exc.strerror or exc}") from None
    else:
        try:
            with path.open("rb") as fh:
                head = fh.read(len(_SQLITE_MAGIC))
        except OSError as exc:
            raise FactcheckError(f"{path}: cannot read: {exc.strerror or exc}") from None
        if head and head != _SQLITE_MAGIC:  # refuse before SQLite touches someone's file
            raise FactcheckError(f"{path}: not a factcheck archive (not an SQLite database)")
    try:
        # autocommit mode: transactions are explicit (BEGIN IMMEDIATE ... COMMIT)
        conn = sqlite3.connect(path, timeout=30, isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")  # commits are per batch: durability is cheap
    except sqlite3.DatabaseError as exc:
        raise FactcheckError(f"{path}: cannot open the archive: {exc}") from None
    try:  # persistent in the file; may fail on a read-only medium, which is fine for reading
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError:
        pass
    return conn


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """Open ``path`` for reading only, so an archive on a read-only disk or in a shared
    folder without write permission can be checked against; nothing is written to it."""
    if not path.exists() or path.is_dir():
        return _connect(path, False)  # the same clear errors
    try:
        with path.open("rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise FactcheckError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if head and head != _SQLITE_MAGIC:
        raise FactcheckError(f"{path}: not a factcheck archive (not an SQLite database)")
    uri = "file:" + urllib.parse.quote(str(path.resolve()))
    for flags in ("?mode=ro", "?mode=ro&immutable=1"):
        # a WAL archive needs its shared-memory file beside it: where that cannot be made
        # (a read-only folder), read it as immutable instead
        try:
            conn = sqlite3.connect(uri + flags, uri=True, timeout=30, isolation_level=None)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError as exc:
            error = exc
        except sqlite3.DatabaseError as exc:
            raise FactcheckError(f"{path}: cannot open the archive: {exc}") from None
    raise FactcheckError(f"{path}: cannot open the archive for reading: {error}")


# ---------------------------------------------------------------- public reading API

def load_results(db_path: str | os.PathLike,
                 keys: Iterable[tuple[str, str | None]] | None = None, *,
                 where: RowFilter | None = None, choose: Chooser | None = None,
                 text: bool = False, unclaimed: bool = False,
                 events: Mapping[str, str] | None = None) -> list[ArticleResult]:
    """The archive's articles and claims as :class:`~factcheck.pipeline.ArticleResult`,
    without re-reading or re-extracting any article.

    ``keys``: only claims in these ``(metric, event)`` groups (and only the articles
    that have such claims) are loaded: that is all a draft check needs, and it
    keeps a 10,000-article archive fast. ``where(metric, event, side, period_start,
    period_end, published)`` narrows them further, before any claim is built (e.g.
    :func:`factcheck.compare.draft_selector`). ``choose(sketches)`` (claims without their
    words, see :meth:`Archive.sketches`) returns the indexes of the claims to read in full
    (e.g. :func:`factcheck.compare.draft_needs`); the other articles of the selection come
    without claims. Article text is omitted unless ``text``. ``events`` maps a stored
    automatic id to the event its claims take (a draft's merge with the archive, see
    :func:`draft_events`): ``where`` and ``choose`` see the mapped events.
    """
    with Archive(db_path, readonly=True) as arc:
        return arc.results(keys, where=where, choose=choose, text=text, unclaimed=unclaimed,
                           events=events)


def draft_events(db_paths: Sequence[str | os.PathLike], claims: Sequence[Claim],
                 rules_root: Path | None = None
                 ) -> tuple[dict[str, str], set[tuple[str, str | None]]]:
    """A draft's claims (and any other re-read articles') joined to the archives' events:
    ``(events, keys)``, the merged event of each automatic id of the claims and of every
    stored id that may merge with them (as merging the archive with them would make it),
    and the ``(metric, stored event id)`` groups that hold the claims of the draft's events
    (give both to :func:`load_results`)."""
    from .context.merge import claim_mentions, combined, merge_mentions

    seeds = claim_mentions(claims)
    group: dict[str, Mention] = {m.id: m for m in seeds}
    stored: set[str] = set()
    for db in db_paths:
        with Archive(db, readonly=True) as arc:
            for m in arc.neighbourhood(seeds, rules_root):
                stored.add(m.id)
                group[m.id] = combined(group[m.id], m) if m.id in group else m
    events = merge_mentions(list(group.values()), rules_root)
    members: dict[str, set[str]] = {}
    for eid in stored:
        members.setdefault(events[eid], set()).add(eid)
    keys: set[tuple[str, str | None]] = set()
    for c in claims:
        keys.add((c.metric, c.event))
        if c.event in events:
            keys.update((c.metric, eid) for eid in members.get(events[c.event], ()))
    return events, keys


def load_claims_frame(db_path: str | os.PathLike) -> pd.DataFrame:
    """Every stored claim as the claim table (same columns and values as ``extract``)."""
    from .table import claims_frame

    with Archive(db_path, readonly=True) as arc:
        claims = arc.claims()
        order = arc.articles(claims.keys())  # path order, like extract over a folder
    return claims_frame(c for i in order for c in claims[i])


# ---------------------------------------------------------------- ingest

@dataclass
class IngestSummary:
    """What an ingest did; ``failed`` lists ``path: reason`` lines."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    duplicate: int = 0
    moved: int = 0
    reextracted: int = 0
    stale: int = 0  # articles left with claims from other rules (without --reextract)
    failed: list[str] = field(default_factory=list)
    articles: int = 0
    claims: int = 0
    seconds: float = 0.0

    def line(self, db: str | os.PathLike) -> str:
        """One-line summary for the terminal."""
        parts = [f"{self.new} new", f"{self.changed} changed", f"{self.unchanged} unchanged",
                 f"{len(self.failed)} failed"]
        if self.duplicate:
            parts.append(f"{self.duplicate} duplicate")
        if self.moved:
            parts.append(f"{self.moved} moved")
        if self.reextracted:
            parts.append(f"{self.reextracted} re-extracted")
        done = self.new + self.changed + self.reextracted
        rate = f", {done / self.seconds:.0f} articles/s" if done and self.seconds else ""
        return (f"{db}: {', '.join(parts)} ({self.seconds:.1f} s{rate}); "
                f"the archive holds {self.articles} articles and {self.claims} claims")


@dataclass
class _Job:
    article: Article
    path: str  # resolved path stored as the article's identity
    content_hash: str
    article_id: int | None  # set when replacing a stored article
    kind: str  # "new", "changed" or "reextracted"


def _read(path: Path) -> tuple[bytes, str]:
    """The file's bytes and their SHA-256 (raises SkipFile)."""
    from .articles import read_bytes

    data = read_bytes(path)
    return data, hashlib.sha256(data).hexdigest()


def ingest(db_path: str | os.PathLike, paths: Sequence[str | os.PathLike], *,
           rules_dir: str | os.PathLike | None = None, jobs: int | None = None,
           reextract: bool = False, batch_size: int = BATCH_SIZE,
           warn: Callable[[str], None] | None = None,
           progress: bool | None = None) -> IngestSummary:
    """Read, extract and store every article under ``paths`` in the archive at ``db_path``.

    One transaction per ``batch_size`` files; unchanged files (same bytes) are skipped,
    changed ones replaced. With ``reextract``, stored articles whose claims came from
    other rules are extracted again from their stored text.
    """
    from .articles import SkipFile, decode, find_files, has_body, parse_article
    from .paths import rules_dir as default_rules_dir
    from .pipeline import extract_loaded, init_worker, worker_pool
    from .progress import Progress

    warn = warn or (lambda msg: print(f"factcheck: warning: {msg}", file=sys.stderr))
    t0 = time.monotonic()
    files = find_files(list(paths)) if paths else []
    rules = str(rules_dir) if rules_dir else None
    init_worker(rules)  # validates the rules up front (RuleError: exit 2)
    version = rules_version(rules_dir or default_rules_dir())
    root = Path(rules_dir) if rules_dir else None  # the reader's month names and stop words
    summary = IngestSummary()
    n_jobs = max(1, jobs or os.cpu_count() or 1)
    pool = None
    pools = ExitStack()  # the pool starts with the first large batch, and ends with ingest

    def extract_all(batch: list[_Job]) -> list[ArticleResult | str]:
        nonlocal pool
        arts = [j.article for j in batch]
        if n_jobs > 1 and len(arts) >= PARALLEL_MIN_FILES:
            if pool is None:
                pool = pools.enter_context(worker_pool(n_jobs, init_worker, (rules, True)))
            return pool.map(extract_loaded, arts, chunksize=max(1, len(arts) // (n_jobs * 4)))
        return [extract_loaded(a) for a in arts]

    with Archive(db_path, create=True) as arc:
        def store(batch: list[_Job]) -> None:
            outcomes = extract_all(batch)
            with arc.transaction():
                for job, out in zip(batch, outcomes):
                    if isinstance(out, str):
                        summary.failed.append(f"{job.path}: {out}")
                        warn(f"{job.path}: {out}")
                        continue
                    arc.put(out, path=job.path, content_hash=job.content_hash,
                            rules_version=version, article_id=job.article_id)
                    setattr(summary, job.kind, getattr(summary, job.kind) + 1)
                arc.remerge(Path(rules) if rules else None)

        with pools:  # on Ctrl-C or a failure the workers stop at once (see worker_pool)
            bar = Progress(len(files), "ingesting", enabled=progress)
            for i in range(0, len(files), batch_size):
                chunk = files[i:i + batch_size]
                batch: list[_Job] = []
                seen_hash: dict[str, str] = {}  # within this batch, not yet committed
                seen_doc: set[str] = set()
                moves: list[tuple[int, str]] = []
                for f in chunk:
                    key = str(f.resolve())
                    try:
                        data, h = _read(f)
                        row = arc.by_path(key)
                        if row is not None and row[2] == h:
                            summary.unchanged += 1
                            continue
                        if row is None:
                            same = arc.by_hash(h)
                            if same is not None and not Path(same[2]).exists():
                                moves.append((same[0], key))  # the file was moved: same article
                                summary.moved += 1
                                continue
                            twin = same[2] if same is not None else seen_hash.get(h)
                            if twin is not None:
                                warn(f"{f}: same bytes as the stored {twin}: not stored twice")
                                summary.duplicate += 1
                                continue
                        text = decode(data, str(f))
                        if not text.strip():
                            raise SkipFile("empty file")
                        doc = row[1] if row is not None else f.name
                        if row is None and (doc in seen_doc or arc.doc_taken(doc)):
                            doc = key  # two files share a name: the path tells them apart
                        article = parse_article(text, doc, key, warn, root)
                        if not has_body(article):
                            raise SkipFile("no text after the header")
                    except SkipFile as exc:
                        summary.failed.append(f"{f}: {exc}")
                        warn(f"{f}: skipped: {exc}")
                        continue
                    seen_hash[h] = key
                    seen_doc.add(doc)
                    batch.append(_Job(article, key, h, row[0] if row else None,
                                      "new" if row is None else "changed"))
                if moves:
                    with arc.transaction():
                        for article_id, key in moves:
                            arc.move(article_id, key)
                if batch:
                    store(batch)
                bar.step(len(chunk))
            bar.done()

            stale = arc.stale_ids(version)
            if reextract and stale:
                bar = Progress(len(stale), "re-extracting", enabled=progress)
                for i in range(0, len(stale), batch_size):
                    batch = []
                    for article_id in stale[i:i + batch_size]:
                        doc, path, text = arc.stored_article(article_id)
                        # re-read the stored text: the reader's language data may have changed too
                        article = parse_article(text, doc, path, warn, root)
                        row = arc.conn.execute("SELECT content_hash FROM articles WHERE id = ?",
                                               (article_id,)).fetchone()
                        batch.append(_Job(article, path, row[0], article_id, "reextracted"))
                    store(batch)
                    bar.step(len(batch))
                bar.done()
                stale = arc.stale_ids(version)
            summary.stale = len(stale)
        summary.articles, summary.claims = arc.counts()
    summary.seconds = time.monotonic() - t0
    return summary


def ingest_results(db_path: str | os.PathLike, results: Sequence[ArticleResult], *,
                   batch_size: int = BATCH_SIZE, warn: Callable[[str], None] | None = None
                   ) -> IngestSummary:
    """Store extraction results read from claim rows (``ingest --claims``): each article
    under ``claims:<doc>`` with no text, its claims as the rows give them.

    The same rows again change nothing; other rows for a doc replace its claims; a doc the
    archive holds from its own text is kept as it is (re-extracting it is ``--reextract``'s
    job), with a warning.
    """
    from .table import claim_record

    warn = warn or (lambda msg: print(f"factcheck: warning: {msg}", file=sys.stderr))
    t0 = time.monotonic()
    summary = IngestSummary()
    with Archive(db_path, create=True) as arc:
        for i in range(0, len(results), batch_size):
            with arc.transaction():
                for r in results[i:i + batch_size]:
                    key = f"claims:{r.article.id}"
                    content = json.dumps([repr(r.article), [claim_record(c) for c in r.claims]],
                                         default=str, sort_keys=True)
                    h = hashlib.sha256(content.encode()).hexdigest()
                    row = arc.by_path(key)
                    if row is not None and row[2] == h:
                        summary.unchanged += 1
                        continue
                    if row is None and arc.doc_taken(r.article.id):
                        warn(f"{r.article.id}: already stored from its text: kept")
                        summary.duplicate += 1
                        continue
                    arc.put(r, path=key, content_hash=h, rules_version=CLAIM_ROWS,
                            article_id=row[0] if row else None)
                    if row is None:
                        summary.new += 1
                    else:
                        summary.changed += 1
                arc.remerge()
        summary.articles, summary.claims = arc.counts()
    summary.seconds = time.monotonic() - t0
    return summary
