"""The archive: storing articles and claims in SQLite, ingest, drafts against it, export.

Most tests run the archive over a tiny stand-in extractor (``FAKE_SRC``: "<n> morti"
is a death toll) so they test the archive's own logic whatever the state of the
claim rules; the end-to-end tests at the bottom use the real pipeline through the CLI.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from factcheck import archive, pipeline
from factcheck.archive import Archive, ingest, load_claims_frame, load_results, rules_version
from factcheck.cli import main
from factcheck.errors import FactcheckError
from factcheck.model import Article, Claim, Quantity, Unclaimed
from factcheck.compare import draft_needs, draft_selector
from factcheck.pipeline import ArticleResult, analyze
from factcheck.table import COLUMNS, claims_frame

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

# A stand-in for the claim pipeline, as source so a subprocess can install it too.
FAKE_SRC = r'''
import re, time
import factcheck.pipeline as _pipeline
from factcheck.model import Claim, Quantity
from factcheck.compare import draft_needs, draft_selector
from factcheck.pipeline import ArticleResult, analyze

_TOLL = re.compile(r"(\d+) morti")
DELAY = 0.0

def fake_extract(article, ruleset, rules_root=None):
    time.sleep(DELAY)
    claims = []
    for s, e in article.regions:
        for m in _TOLL.finditer(article.text, s, e):
            n = float(m.group(1))
            q = Quantity(start=m.start(1), end=m.end(1), text=m.group(1), kind="count",
                         value=n, low=n, high=n)
            claims.append(Claim(doc=article.id, metric="deaths", quantity=q, rule="test/deaths",
                                quote=m.group(0), quote_start=m.start(), event="frana",
                                side="total", published=article.published, lang=article.lang))
    return ArticleResult(article, tuple(claims), ())

def install():
    _pipeline.extract_article = fake_extract
    _pipeline.load_ruleset = lambda rules_dir=None: "fake-rules"
'''


def _fake_ns() -> dict:
    ns: dict = {}
    exec(FAKE_SRC, ns)  # noqa: S102 - our own constant
    return ns


@pytest.fixture
def fake(monkeypatch):
    """Replace claim extraction with the stand-in (in this process)."""
    ns = _fake_ns()
    monkeypatch.setattr(pipeline, "extract_article", ns["fake_extract"])
    monkeypatch.setattr(pipeline, "load_ruleset", lambda rules_dir=None: "fake-rules")
    return ns


@pytest.fixture
def rules(tmp_path) -> Path:
    """A rules folder of our own, so a test can change the rules."""
    d = tmp_path / "rules"
    (d / "claims" / "it").mkdir(parents=True)
    (d / "claims" / "it" / "deaths.toml").write_text("metric = 'deaths'\n", encoding="utf-8")
    return d


@pytest.fixture
def corpus(shared_datadir) -> Path:
    return shared_datadir / "archive" / "corpus"


def _quiet(msg: str) -> None:
    pass


def _ingest(db, paths, rules, **kw):
    return ingest(db, [str(p) for p in paths], rules_dir=rules, jobs=1, warn=_quiet,
                  progress=False, **kw)


def _rows(db, sql, params=()):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def _hand_result(doc="a.txt", value=49.0, event="frana", metric="deaths") -> ArticleResult:
    text = f"Almeno {int(value)} morti martedì."
    art = Article(id=doc, path=f"/archivio/{doc}", text=text, regions=((0, len(text)),),
                  title="Titolo", outlet="Gazzetta", url="https://example.org/a",
                  published=date(2024, 3, 5), published_how="metadata",
                  published_precision="day", lang="it", lang_detected=True)
    q = Quantity(start=0, end=9, text=f"Almeno {int(value)}", kind="count", value=value,
                 low=value, high=None, qualifier="at_least", band_low=value - 0.5,
                 band_high=None, ambiguous=True, low_exclusive=False, high_exclusive=True)
    claim = Claim(doc=doc, metric=metric, quantity=q, rule="it/deaths", quote=text,
                  quote_start=0, who="soldati", side="armenia", period_start=date(2024, 3, 4),
                  period_end=date(2024, 3, 4), period_how="relative", event=event,
                  event_how="auto", source="protezione civile", source_kind="attributed",
                  published=date(2024, 3, 5), lang="it", status="estimated",
                  subgroup="military", parent=3, source_party="italy",
                  source_type="rescue")
    missed = Unclaimed(doc=doc, quantity=q, quote=text, quote_start=0, reason="no rule matched")
    return ArticleResult(art, (claim,), (missed,))


def _put(db, *results: ArticleResult) -> None:
    with Archive(db, create=True) as arc, arc.transaction():
        for r in results:
            arc.put(r, path=r.article.path, content_hash=r.article.id, rules_version="r1")


# ---------------------------------------------------------------- storage layer

def test_round_trip_keeps_every_field(tmp_path):
    db = tmp_path / "a.db"
    r = _hand_result()
    _put(db, r)
    assert load_results(db, text=True, unclaimed=True) == [r]
    # without text (the fast default) the claims are whole, the article text is left out
    fast = load_results(db)[0]
    assert fast.claims == r.claims and fast.article.text == "" and fast.article.title == "Titolo"


def test_load_by_group_keys_reads_only_those_groups(tmp_path):
    db = tmp_path / "a.db"
    _put(db, _hand_result("a.txt", 49, "frana"), _hand_result("b.txt", 50, "alluvione"),
         _hand_result("c.txt", 7, None), _hand_result("d.txt", 9, "frana", metric="wounded"))
    got = load_results(db, [("deaths", "frana")])
    assert [r.article.id for r in got] == ["a.txt"]
    got = load_results(db, [("deaths", None), ("deaths", "alluvione")])
    assert sorted(r.article.id for r in got) == ["b.txt", "c.txt"]
    assert load_results(db, []) == []
    assert len(load_results(db)) == 4


def _variant(doc: str, value: float, **changes) -> ArticleResult:
    """A stored article whose one claim differs from the hand-built one by ``changes``."""
    r = _hand_result(doc, value)
    claim = replace(r.claims[0], **changes)
    return ArticleResult(r.article, (claim,), ())


def test_a_draft_loads_only_the_claims_that_can_meet_its_own(tmp_path):
    db = tmp_path / "a.db"
    years_2019 = dict(event=None, period_start=date(2019, 5, 1), period_end=date(2019, 5, 2))
    _put(db,
         _variant("armenia.txt", 60),                        # the draft's side and event
         _variant("azerbaijan.txt", 30, side="azerbaijan"),  # another side: summed in the total
         _variant("total.txt", 200, side="total"),           # the total the draft's side is in
         _variant("none.txt", 80, side=None),                # no side: read as the total
         _variant("wounded.txt", 60, metric="wounded"),      # another metric
         _variant("flood.txt", 60, event="alluvione"),       # another event
         _variant("year.txt", 60, **years_2019),             # no event, another year
         _variant("same_year.txt", 61, event=None))          # no event, the draft's year
    draft = [_variant("draft.txt", 61), _variant("draft.txt", 90, event=None, side="total")]
    draft = [ArticleResult(draft[0].article, (draft[0].claims[0], draft[1].claims[0]), ())]
    claims = draft[0].claims
    keys = {(c.metric, c.event) for c in claims}
    got = load_results(db, keys, where=draft_selector(claims))
    assert sorted(r.article.id for r in got) == [
        "armenia.txt", "azerbaijan.txt", "none.txt", "same_year.txt", "total.txt"]
    # the draft's findings are those of the whole archive
    narrow = analyze(draft + got, draft="draft.txt")
    whole = analyze(draft + load_results(db), draft="draft.txt")
    assert narrow.findings == whole.findings and narrow.findings
    assert narrow.singles == whole.singles


def test_a_draft_reads_in_full_only_the_claims_that_can_change_its_findings(tmp_path):
    db = tmp_path / "a.db"
    # forty reports of one toll ("49 morti", exact) over four days, and a draft a week later
    def report(doc: str, n: int, day: int) -> ArticleResult:
        # counted whole tolls: an estimate never makes an update or a falling count
        r = _variant(doc, n, side="total", published=date(2024, 3, day), status="counted",
                     subgroup=None, parent=None)
        q = replace(r.claims[0].quantity, qualifier="exact", high=n, band_low=None,
                    high_exclusive=False)
        return ArticleResult(r.article, (replace(r.claims[0], quantity=q),), ())

    _put(db, *[report(f"{i:03d}.txt", 40 + i, 1 + i % 4) for i in range(40)])
    draft = report("draft.txt", 45, 12)
    claims = draft.claims
    keys = {(c.metric, c.event) for c in claims}
    where = draft_selector(claims)
    whole = load_results(db, keys, where=where)
    some = load_results(db, keys, where=where, choose=lambda s: draft_needs(claims, s))
    # every article is listed; of the 40 claims only each day's first (its lowest too) and
    # highest, and the one that states the draft's 45
    assert [r.article.id for r in some] == [r.article.id for r in whole]
    assert sorted(c.quantity.value for r in some for c in r.claims) == [
        40, 41, 42, 43, 45, 76, 77, 78, 79]
    narrow, full = (analyze([draft, *rs], draft="draft.txt") for rs in (some, whole))
    assert narrow.findings == full.findings and narrow.findings
    assert (narrow.singles, narrow.articles) == (full.singles, full.articles)


def test_a_draft_reads_whole_a_moment_that_a_month_dated_report_may_split(tmp_path):
    # 50 and 30 in reports known only to March (filed under the 1st), 10 and 20 in reports
    # of 1 March: not one moment, so the update to the draft's 25 of the 12th is from the
    # 1st's top, 20. The archive's sketches say how well each date is known, so the draft
    # check reads that moment whole (else it would take 50 for its top)
    db = tmp_path / "a.db"

    def report(doc: str, n: int, day: int, precision: str) -> ArticleResult:
        r = _variant(doc, n, side="total", published=date(2024, 3, day), status="counted",
                     subgroup=None, parent=None, period_start=None, period_end=None,
                     period_how=None, source=None, source_kind=None, source_party=None)
        q = replace(r.claims[0].quantity, qualifier="exact", high=n, band_low=None,
                    high_exclusive=False, ambiguous=False)
        art = replace(r.article, published=date(2024, 3, day), published_precision=precision)
        return ArticleResult(art, (replace(r.claims[0], quantity=q),), ())

    _put(db, report("c.txt", 50, 1, "month"), report("d.txt", 30, 1, "month"),
         report("e.txt", 10, 1, "day"), report("f.txt", 20, 1, "day"))
    draft = report("draft.txt", 25, 12, "day")
    claims = draft.claims
    keys = {(c.metric, c.event) for c in claims}
    where = draft_selector(claims)
    whole = load_results(db, keys, where=where)
    some = load_results(db, keys, where=where, choose=lambda s: draft_needs(claims, s))
    assert {c.doc for r in some for c in r.claims} == {"c.txt", "d.txt", "e.txt", "f.txt"}
    narrow, full = (analyze([draft, *rs], draft="draft.txt") for rs in (some, whole))
    assert narrow.findings == full.findings
    assert [f.verdict for f in full.findings] == ["update"]
    assert full.findings[0].reason.startswith("f (2024-03-01) says 20, draft (2024-03-12)")


def test_exported_table_is_the_extract_table(tmp_path):
    db = tmp_path / "a.db"
    results = [_hand_result("b.txt", 50), _hand_result("a.txt", 49)]
    _put(db, *results)
    frame = load_claims_frame(db)
    # path order, like extract over a folder
    expected = claims_frame(c for r in sorted(results, key=lambda r: r.article.path)
                            for c in r.claims)
    assert frame.equals(expected)


def test_new_archive_has_version_wal_and_indexes(tmp_path):
    db = tmp_path / "sub" / "a.db"
    _put(db, _hand_result())
    meta = dict(_rows(db, "SELECT key, value FROM meta"))
    assert meta["application"] == "factcheck"
    assert meta["schema_version"] == str(archive.SCHEMA_VERSION)
    assert _rows(db, "PRAGMA journal_mode") == [("wal",)]
    indexes = {r[0] for r in _rows(db, "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"claims_sketch", "claims_doc"} <= indexes
    plan = " ".join(str(r) for r in _rows(
        db, "EXPLAIN QUERY PLAN SELECT * FROM claims WHERE metric = 'deaths' AND event IS NULL"))
    assert "claims_sketch" in plan
    # a draft's sketches are read from the index alone, never from the claim rows
    plan = " ".join(str(r) for r in _rows(
        db, f"EXPLAIN QUERY PLAN SELECT {', '.join(archive._SKETCH_FIELDS)} FROM claims "
            "WHERE metric = 'deaths' AND event = 'frana'"))
    assert "COVERING INDEX claims_sketch" in plan


def _as_v3_kept(r: ArticleResult) -> ArticleResult:
    """``r`` as an archive of schema v3 kept it: nothing of v4's columns."""
    return replace(r, claims=tuple(replace(c, status="counted", subgroup=None, parent=None,
                                           source_party=None, source_type=None)
                                   for c in r.claims))


def _as_v5(db) -> None:
    """Make ``db`` what schema v5 wrote: no record of the articles' automatic events."""
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE events")
        conn.execute("DROP TABLE article_events")
        conn.execute("DROP TABLE IF EXISTS event_buckets")
        conn.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")


def _as_v6(db) -> None:
    """Make ``db`` what schema v6 wrote: a mention under one bucket only."""
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE event_buckets")
        conn.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")


def _as_v4(db) -> None:
    """Make ``db`` what schema v4 wrote: a sketch index without status, subgroup and parent."""
    _as_v5(db)
    with sqlite3.connect(db) as conn:
        conn.execute("DROP INDEX claims_sketch")
        conn.execute(archive._SKETCH_INDEX_V3_DDL)
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")


def _as_v3(db) -> None:
    """Make ``db`` what schema v3 wrote: claims without status, subgroup, parent and the
    source's party and type."""
    _as_v4(db)
    with sqlite3.connect(db) as conn:
        for col in ("status", "subgroup", "parent", "source_party", "source_type"):
            conn.execute(f"ALTER TABLE claims DROP COLUMN {col}")
        conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")


def _as_v2(db) -> None:
    """Make ``db`` what schema v2 wrote: the group index without the sketch columns."""
    _as_v3(db)
    with sqlite3.connect(db) as conn:
        conn.execute("DROP INDEX claims_sketch")
        conn.execute("CREATE INDEX claims_group ON claims (metric, event, side)")
        conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")


def test_sketches_come_by_side_then_id_as_before_the_covering_index(tmp_path):
    # a chooser keeps the first of tied figures: the order must not follow the index's
    db = tmp_path / "a.db"
    def on_sides(doc: str, *figures: tuple[str | None, float]) -> ArticleResult:
        r = _hand_result(doc)
        c = r.claims[0]
        return ArticleResult(r.article, tuple(
            replace(c, side=side, quantity=replace(c.quantity, value=v, low=v))
            for side, v in figures), ())

    _put(db, on_sides("a.txt", ("total", 9.0), (None, 8.0), ("total", 1.0)),
         on_sides("b.txt", ("armenia", 7.0), (None, 2.0)))
    with Archive(db) as arc:
        got = [(s.side, s.doc, s.value) for _, _, s in arc.sketches([("deaths", "frana")])]
    assert got == [(None, "a.txt", 8.0), (None, "b.txt", 2.0), ("armenia", "b.txt", 7.0),
                   ("total", "a.txt", 9.0), ("total", "a.txt", 1.0)]


def test_migrates_a_v2_archive_to_the_covering_index(tmp_path):
    db = tmp_path / "v2.db"
    r = _hand_result()
    _put(db, r, _hand_result("b.txt", 50.0))
    _as_v2(db)
    notes: list[str] = []
    with Archive(db, warn=notes.append) as arc:
        assert arc.schema_version == 7
        (_, _, sketch), _ = arc.sketches([("deaths", "frana")])
        assert (sketch.doc, sketch.metric, sketch.event, sketch.side, sketch.value) == (
            "a.txt", "deaths", "frana", "armenia", 49.0)
    assert notes == [f"{db}: migrated the archive from schema v2 to v7"]
    indexes = {r[0] for r in _rows(db, "SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "claims_sketch" in indexes and "claims_group" not in indexes
    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]
    # the claims are those stored; v4's columns are re-extracted on demand
    assert _rows(db, "SELECT DISTINCT rules_version FROM articles") == [("v3:r1",)]
    assert load_results(db, text=True, unclaimed=True)[0] == _as_v3_kept(r)


def test_migrates_a_v3_archive_to_who_is_counted_columns(tmp_path):
    db = tmp_path / "v3.db"
    r = _hand_result()
    _put(db, r)
    _as_v3(db)
    notes: list[str] = []
    with Archive(db, warn=notes.append) as arc:
        assert arc.schema_version == 7
    assert notes == [f"{db}: migrated the archive from schema v3 to v7"]
    assert _rows(db, "SELECT status, subgroup, parent, source_party, source_type FROM claims") \
        == [("counted", None, None, None, None)]  # what v3 knew: nothing of these
    # stale until re-extracted: v3 knew nothing of status, subgroup or the source's party
    assert _rows(db, "SELECT DISTINCT rules_version FROM articles") == [("v3:r1",)]
    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert load_results(db, text=True, unclaimed=True)[0] == _as_v3_kept(r)


def test_migrates_a_v4_archive_to_sketches_that_carry_who_is_counted(tmp_path):
    db = tmp_path / "v4.db"
    _put(db, _hand_result())  # an estimate of the military, part of the figure at offset 3
    _as_v4(db)
    notes: list[str] = []
    with Archive(db, warn=notes.append) as arc:
        assert arc.schema_version == 7
        ((_, _, sketch),) = arc.sketches([("deaths", "frana")])
        assert (sketch.status, sketch.subgroup, sketch.parent) == ("estimated", "military", 3)
    assert notes == [f"{db}: migrated the archive from schema v4 to v7"]
    # the sketches still come from the index alone, and nothing is stale
    plan = " ".join(str(r) for r in _rows(
        db, f"EXPLAIN QUERY PLAN SELECT {', '.join(archive._SKETCH_FIELDS)} FROM claims "
            "WHERE metric = 'deaths' AND event = 'frana'"))
    assert "COVERING INDEX claims_sketch" in plan
    assert _rows(db, "SELECT DISTINCT rules_version FROM articles") == [("r1",)]
    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]


def test_migrates_a_v5_archive_and_merges_its_events(tmp_path):
    db = tmp_path / "v5.db"
    hamlet, town = "auto:avalanche:rigopiano:2017-01", "auto:avalanche:farindola:2017-01"
    _put(db, _hand_result("a.txt", event=hamlet), _hand_result("b.txt", event=town),
         _hand_result("c.txt", event="frana"))
    _as_v5(db)
    notes: list[str] = []
    with Archive(db, warn=notes.append) as arc:
        assert arc.schema_version == 7
        merged = arc.event_map()
    assert notes == [f"{db}: migrated the archive from schema v5 to v7"]
    assert set(merged) == {hamlet, town} and merged[hamlet] == merged[town]  # curated: none
    assert _rows(db, "SELECT mention, published FROM article_events ORDER BY mention") == [
        (town, "2024-03-05"), (hamlet, "2024-03-05")]
    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]


def test_migrates_a_v6_archive_and_indexes_a_named_storm_where_it_struck(tmp_path):
    db = tmp_path / "v6.db"
    named = "auto:storm:name-ondina@puerto-rico:2031-09"
    _put(db, _hand_result("a.txt", event=named))
    _as_v6(db)
    notes: list[str] = []
    with Archive(db, warn=notes.append) as arc:
        assert arc.schema_version == 7
    assert notes == [f"{db}: migrated the archive from schema v6 to v7"]
    assert _rows(db, "SELECT mention, bucket FROM event_buckets") == [(named, "PR")]
    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]


def test_migrates_a_v1_archive(tmp_path, shared_datadir, fake, rules):
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as conn:
        conn.executescript((shared_datadir / "archive" / "schema_v1.sql").read_text("utf-8"))
    notes: list[str] = []
    with Archive(db, warn=notes.append) as arc:
        assert arc.schema_version == 7
    assert notes == [f"{db}: migrated the archive from schema v1 to v7"]
    (r,) = load_results(db, unclaimed=True)
    assert r.claims[0].quantity.value == 12 and r.claims[0].event == "frana-valcorvo-2024"
    assert r.unclaimed == ()
    # v1 kept no unclaimed counts: its articles are stale until re-extracted
    assert _rows(db, "SELECT rules_version FROM articles") == [("v3:v1:r0",)]
    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]
    s = _ingest(db, [], rules, reextract=True)
    assert (s.reextracted, s.stale) == (1, 0)
    (r,) = load_results(db)
    assert r.claims[0].event == "frana" and r.claims[0].rule == "test/deaths"  # from stored text
    # opening again is a no-op
    with Archive(db, warn=notes.append) as arc:
        assert arc.schema_version == 7
    assert len(notes) == 1


def test_newer_schema_is_refused_with_what_to_do(tmp_path):
    db = tmp_path / "new.db"
    _put(db, _hand_result())
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(FactcheckError, match=r"new\.db: archive schema version 99 is newer.*"
                                             r"upgrade factcheck"):
        load_results(db)


def test_not_an_archive_is_a_clear_error(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("appunti, non un database\n", encoding="utf-8")
    with pytest.raises(FactcheckError, match=r"notes\.db: not a factcheck archive \(not an SQLite"):
        load_results(text)
    with pytest.raises(FactcheckError, match="not a factcheck archive"):
        _ingest(text, [], None)  # never written over
    assert text.read_text("utf-8") == "appunti, non un database\n"

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x INTEGER)")
    with pytest.raises(FactcheckError, match=r"other\.db: an SQLite database, but not a factcheck"):
        load_results(other)
    with pytest.raises(FactcheckError, match=r"missing\.db: no such archive.*factcheck ingest"):
        load_results(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()
    with pytest.raises(FactcheckError, match="is a directory"):
        load_results(tmp_path)


def test_cli_reports_a_bad_archive_in_one_line(tmp_path, capsys):
    text = tmp_path / "notes.db"
    text.write_text("appunti\n", encoding="utf-8")
    assert main(["extract", "--db", str(text)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"factcheck: error: {text}: not a factcheck archive (not an SQLite database)"]


# ---------------------------------------------------------------- rules version

def test_rules_version_is_a_deterministic_fingerprint(tmp_path, rules):
    copy = tmp_path / "copy"
    shutil.copytree(rules, copy)
    v = rules_version(rules)
    assert v == rules_version(copy) == rules_version(str(rules))
    (copy / ".hidden.swp").write_text("x")  # editor litter does not count
    (copy / "claims" / "__pycache__").mkdir()
    (copy / "claims" / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert rules_version(copy) == v
    (copy / "claims" / "it" / "deaths.toml").write_text("metric = 'deaths' \n", encoding="utf-8")
    assert rules_version(copy) != v
    shutil.rmtree(copy)
    shutil.copytree(rules, copy)
    (copy / "claims" / "it" / "deaths.toml").rename(copy / "claims" / "it" / "morti.toml")
    assert rules_version(copy) != v  # a rule's id comes from its path


def test_default_db_path_is_factcheck_db_else_the_current_directorys_data_folder(monkeypatch):
    monkeypatch.delenv("FACTCHECK_DB", raising=False)
    assert archive.default_db_path() == Path("data") / "factcheck.db"  # relative to the cwd
    monkeypatch.setenv("FACTCHECK_DB", "/srv/news/archive.db")
    assert archive.default_db_path() == Path("/srv/news/archive.db")


# ---------------------------------------------------------------- ingest

def test_ingest_then_reingest_does_nothing(tmp_path, corpus, fake, rules):
    db = tmp_path / "a.db"
    s = _ingest(db, [corpus], rules)
    assert (s.new, s.changed, s.unchanged, s.failed) == (3, 0, 0, [])
    assert (s.articles, s.claims) == (3, 2)  # 12 morti twice; the English storm has no "morti"
    before = _rows(db, "SELECT * FROM articles ORDER BY id")
    claims_before = _rows(db, "SELECT * FROM claims ORDER BY id")
    s = _ingest(db, [corpus], rules)
    assert (s.new, s.changed, s.unchanged, s.failed) == (0, 0, 3, [])
    assert _rows(db, "SELECT * FROM articles ORDER BY id") == before  # not even a timestamp
    assert _rows(db, "SELECT * FROM claims ORDER BY id") == claims_before
    docs = sorted(r.article.id for r in load_results(db))
    assert docs == ["frana_corriere.txt", "frana_gazzetta.txt", "porto_wire.txt"]
    # each article is stored with its text, and its path is the resolved path
    text, path = _rows(db, "SELECT text, path FROM articles WHERE doc = 'porto_wire.txt'")[0]
    assert text == (corpus / "porto_wire.txt").read_text("utf-8")
    assert path == str((corpus / "porto_wire.txt").resolve())


def test_changed_file_replaces_its_claims(tmp_path, corpus, fake, rules):
    db = tmp_path / "a.db"
    _ingest(db, [corpus], rules)
    (old_id,) = _rows(db, "SELECT id FROM articles WHERE doc = 'frana_gazzetta.txt'")[0]
    f = corpus / "frana_gazzetta.txt"
    f.write_text(f.read_text("utf-8").replace("12 morti", "15 morti") + "\nE altri 3 morti.\n",
                 encoding="utf-8")
    s = _ingest(db, [corpus], rules)
    assert (s.new, s.changed, s.unchanged) == (0, 1, 2)
    rows = _rows(db, "SELECT a.id, c.value, a.n_claims FROM claims c JOIN articles a "
                     "ON a.id = c.article_id WHERE a.doc = 'frana_gazzetta.txt' ORDER BY c.seq")
    assert rows == [(old_id, 15.0, 2), (old_id, 3.0, 2)]  # same article, new claims only
    assert _rows(db, "SELECT count(*) FROM claims") == [(3,)]


def test_duplicates_moves_and_shared_names(tmp_path, corpus, fake, rules):
    db = tmp_path / "a.db"
    _ingest(db, [corpus], rules)
    copy = tmp_path / "copia.txt"
    shutil.copy(corpus / "porto_wire.txt", copy)
    s = _ingest(db, [copy], rules)
    assert (s.new, s.duplicate, s.articles) == (0, 1, 3)  # the same bytes are not stored twice

    moved = tmp_path / "spostato.txt"
    (corpus / "frana_corriere.txt").rename(moved)
    s = _ingest(db, [moved], rules)
    assert (s.new, s.moved, s.articles) == (0, 1, 3)
    assert _rows(db, "SELECT doc FROM articles WHERE path = ?", (str(moved.resolve()),)) == [
        ("frana_corriere.txt",)]  # same article, same doc id, new path

    other = tmp_path / "altro"
    other.mkdir()
    (other / "porto_wire.txt").write_text("Un'altra storia: 5 morti.\n", encoding="utf-8")
    s = _ingest(db, [other], rules)
    assert s.new == 1
    docs = {r.article.id for r in load_results(db)}
    assert str((other / "porto_wire.txt").resolve()) in docs and "porto_wire.txt" in docs


def test_unreadable_files_fail_and_the_rest_is_stored(tmp_path, corpus, fake, rules):
    (corpus / "vuoto.txt").write_text("  \n", encoding="utf-8")
    (corpus / "immagine.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    db = tmp_path / "a.db"
    warnings: list[str] = []
    s = ingest(db, [str(corpus)], rules_dir=rules, jobs=1, warn=warnings.append, progress=False)
    assert (s.new, len(s.failed)) == (3, 2)
    assert any("immagine.txt" in w and "binary" in w for w in warnings)
    assert any("vuoto.txt" in w and "empty" in w for w in warnings)


def test_reextract_after_a_rules_change(tmp_path, corpus, fake, rules):
    db = tmp_path / "a.db"
    _ingest(db, [corpus], rules)
    v1 = rules_version(rules)
    (rules / "claims" / "it" / "deaths.toml").write_text("metric = 'deaths'\n# more\n", "utf-8")
    v2 = rules_version(rules)
    assert v1 != v2
    # a plain ingest leaves the stored claims alone and says they are stale
    s = _ingest(db, [corpus], rules)
    assert (s.unchanged, s.stale, s.reextracted) == (3, 3, 0)
    assert {r[0] for r in _rows(db, "SELECT rules_version FROM articles")} == {v1}
    # re-extraction works from the stored text: the original files are gone
    shutil.rmtree(corpus)
    fake["_TOLL"] = re.compile(r"(\d+) (?:morti|people)")  # "the new rules" also read English
    s = _ingest(db, [], rules, reextract=True)
    assert (s.reextracted, s.stale, s.failed) == (3, 0, [])
    assert {r[0] for r in _rows(db, "SELECT rules_version FROM articles")} == {v2}
    assert _rows(db, "SELECT count(*) FROM claims") == [(3,)]  # "3 people" is now a claim
    s = _ingest(db, [], rules, reextract=True)
    assert s.reextracted == 0


def test_ingest_command(tmp_path, corpus, fake, rules, capsys):
    db = tmp_path / "a.db"
    argv = ["ingest", str(corpus), "--db", str(db), "--rules", str(rules), "-j", "1"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert f"{db}: 3 new, 0 changed, 0 unchanged, 0 failed" in out
    assert "the archive holds 3 articles and 2 claims" in out
    assert main(argv) == 0
    assert "0 new, 0 changed, 3 unchanged, 0 failed" in capsys.readouterr().out
    assert main(["ingest", "--db", str(db)]) == 2  # nothing to do is a usage error
    assert "at least one PATH" in capsys.readouterr().err
    assert main(["ingest", str(tmp_path / "nope"), "--db", str(db)]) == 2


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_export_formats(tmp_path, corpus, fake, rules, fmt, capsys):
    db = tmp_path / "a.db"
    _ingest(db, [corpus], rules)
    out = tmp_path / f"claims.{fmt}"
    assert main(["extract", "--db", str(db), "--format", fmt, "-o", str(out)]) == 0
    text = out.read_text("utf-8")
    if fmt == "jsonl":
        rows = [json.loads(line) for line in text.splitlines()]
        assert [(r["doc"], r["value"], r["text"], r["quote"]) for r in rows] == [
            ("frana_corriere.txt", 12, "12", "12 morti"), ("frana_gazzetta.txt", 12, "12", "12 morti")]
        assert list(rows[0]) == list(COLUMNS)
    else:
        header, *lines = text.splitlines()
        assert header.split(",")[:5] == ["doc", "text", "value", "low", "high"]
        assert len(lines) == 2 and lines[0].startswith("frana_corriere.txt,12,12,12,12,")


def test_export_parquet(tmp_path, corpus, fake, rules, capsys):
    db = tmp_path / "a.db"
    _ingest(db, [corpus], rules)
    out = tmp_path / "claims.parquet"
    code = main(["extract", "--db", str(db), "--format", "parquet", "-o", str(out)])
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        assert code == 2
        assert "parquet export needs pyarrow" in capsys.readouterr().err
        assert not out.exists()
        return
    import pandas as pd

    assert code == 0
    assert list(pd.read_parquet(out)["doc"]) == ["frana_corriere.txt", "frana_gazzetta.txt"]


# ---------------------------------------------------------------- interrupted ingest

def _make_many(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"art_{i:04d}.txt").write_text(
            f"title: Articolo {i}\npublished: 2024-03-05\nlang: it\n---\n"
            f"La frana di Valcorvo ha fatto {i % 50 + 1} morti.\n"
            f"Nel paese vicino, altri {i % 7 + 1} morti e {i % 3} feriti.\n", encoding="utf-8")


def _kill_mid_ingest(cmd: list[str], db: Path, min_articles: int, env=None) -> None:
    """Run ``cmd``, SIGKILL it once ``min_articles`` are committed, assert it was mid-way."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"ingest ended before it could be interrupted: "
                            f"{proc.stderr.read().decode()[-2000:]}")
            if db.exists():
                try:
                    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
                        n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                except sqlite3.Error:
                    n = 0
                if n >= min_articles:
                    break
            time.sleep(0.005)
        else:
            pytest.fail("ingest made no progress")
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL


def _assert_consistent(db: Path, total: int) -> int:
    """Integrity holds and every stored article has exactly all its claims; returns how many
    articles were committed."""
    with sqlite3.connect(db) as conn:  # opening recovers from the WAL
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert 0 < n < total
        partial = conn.execute(
            "SELECT a.doc, a.n_claims, count(c.id) FROM articles a "
            "LEFT JOIN claims c ON c.article_id = a.id GROUP BY a.id "
            "HAVING count(c.id) <> a.n_claims OR a.n_claims = 0").fetchall()
        assert partial == []
    return n


def test_interrupted_ingest_leaves_a_consistent_archive(tmp_path, rules):
    """SIGKILL mid-ingest (stand-in extractor, slowed down): committed batches survive whole."""
    folder, db = tmp_path / "many", tmp_path / "a.db"
    _make_many(folder, 300)
    script = (FAKE_SRC + "\nDELAY = 0.004\ninstall()\n"
              "import sys\nfrom factcheck.cli import main\nsys.exit(main(sys.argv[1:]))\n")
    cmd = [sys.executable, "-c", script, "ingest", str(folder), "--db", str(db),
           "--rules", str(rules), "--batch", "10", "-j", "1"]
    _kill_mid_ingest(cmd, db, min_articles=30)
    n = _assert_consistent(db, 300)
    for (doc, value, text) in _rows(db, "SELECT doc, value, text FROM claims WHERE seq = 0"):
        i = int(doc[4:8])
        assert (value, text) == (i % 50 + 1, str(i % 50 + 1))
    # the same command finishes the job: committed articles are unchanged, the rest are new
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    assert f"{300 - n} new, 0 changed, {n} unchanged, 0 failed" in done.stdout
    assert _rows(db, "SELECT count(*), sum(n_claims) FROM articles") == [(300, 600)]


# ---------------------------------------------------------------- the real pipeline, end to end

def _fc(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True,
                          text=True, **kw)


def test_draft_against_archive_exit_codes(tmp_path, shared_datadir):
    corpus = shared_datadir / "archive" / "corpus"
    drafts = shared_datadir / "archive" / "drafts"
    db = tmp_path / "a.db"
    r = _fc("ingest", str(corpus), "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert "3 new, 0 changed, 0 unchanged, 0 failed" in r.stdout

    bad = _fc("check", str(drafts / "bozza_contraddice.txt"), "--against", str(db),
              "--format", "json")
    assert bad.returncode == 1, bad.stderr
    findings = json.loads(bad.stdout)["findings"]
    assert any(f["verdict"] == "contradiction" and f["metric"] == "deaths" for f in findings)
    good = _fc("check", str(drafts / "bozza_concorda.txt"), "--against", str(db))
    assert good.returncode == 0, good.stderr

    # the archive gives the same answer as re-reading the folder
    for draft in ("bozza_contraddice.txt", "bozza_concorda.txt"):
        via_db = _fc("check", str(drafts / draft), "--against", str(db), "--format", "json")
        via_folder = _fc("check", str(drafts / draft), "--against", str(corpus), "--format", "json")
        assert json.loads(via_db.stdout)["findings"] == json.loads(via_folder.stdout)["findings"]

    # a draft already stored in the archive is checked against the others only, as a draft
    # that sits in the folder it is checked against
    both = tmp_path / "both"
    shutil.copytree(corpus, both)
    shutil.copy(drafts / "bozza_contraddice.txt", both)
    assert _fc("ingest", str(both), "--db", str(db)).returncode == 0
    via_db = _fc("check", str(drafts / "bozza_contraddice.txt"), "--against", str(db),
                 "--format", "json")
    via_folder = _fc("check", str(drafts / "bozza_contraddice.txt"), "--against", str(both),
                     "--format", "json")
    assert json.loads(via_db.stdout)["findings"] == json.loads(via_folder.stdout)["findings"]
    assert via_db.returncode == via_folder.returncode == 1


def test_archive_export_equals_extract(tmp_path):
    db = tmp_path / "seeds.db"
    assert _fc("ingest", str(SEEDS), "--db", str(db)).returncode == 0
    for fmt in ("jsonl", "csv"):
        direct = _fc("extract", str(SEEDS), "--format", fmt)
        stored = _fc("extract", "--db", str(db), "--format", fmt)
        assert stored.returncode == 0, stored.stderr
        assert stored.stdout == direct.stdout


def test_interrupted_real_ingest(tmp_path):
    """`python -m factcheck ingest` killed mid-way, then resumed, gives the clean result."""
    folder, db = tmp_path / "many", tmp_path / "a.db"
    _make_many(folder, 400)
    cmd = [sys.executable, "-m", "factcheck", "ingest", str(folder), "--db", str(db),
           "--batch", "5", "-j", "1"]
    _kill_mid_ingest(cmd, db, min_articles=10)
    # the real rules may find any number of claims: check all-or-nothing per article directly
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute(
            "SELECT count(*) FROM articles a WHERE a.n_claims <> "
            "(SELECT count(*) FROM claims c WHERE c.article_id = a.id)").fetchone()[0] == 0
    assert subprocess.run(cmd, capture_output=True).returncode == 0
    stored = _fc("extract", "--db", str(db))
    direct = _fc("extract", str(folder))
    assert stored.stdout == direct.stdout
