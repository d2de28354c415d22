"""The archive's events: merged incrementally at ingest, and joined by a draft (#15)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.archive import Archive, draft_events, load_results
from factcheck.context.merge import event_map, merge_events
from factcheck.model import Article, Claim, Quantity
from factcheck.pipeline import ArticleResult, analyze


def _result(doc: str, event: str, published: date, value: float = 10.0) -> ArticleResult:
    text = f"{int(value)} morti."
    art = Article(id=doc, path=f"/archivio/{doc}", text=text, regions=((0, len(text)),),
                  published=published, lang="it")
    q = Quantity(0, 2, str(int(value)), "count", value, value, value)
    claim = Claim(doc, "deaths", q, "it/deaths", text, 0, event=event, published=published)
    return ArticleResult(art, (claim,), ())


def _put(arc: Archive, *results: ArticleResult) -> None:
    """One ingest batch: the articles stored (replaced under the same doc), then re-merged."""
    with arc.transaction():
        for r in results:
            row = arc.conn.execute("SELECT id FROM articles WHERE doc = ?",
                                   (r.article.id,)).fetchone()
            arc.put(r, path=r.article.path, content_hash=repr(r), rules_version="r1",
                    article_id=row[0] if row else None)
        arc.remerge()


HAMLET = "auto:avalanche:rigopiano:2017-01"
TOWN = "auto:avalanche:farindola:2017-01"


def test_ingest_keeps_each_articles_event_and_the_merged_one(tmp_path):
    with Archive(tmp_path / "a.db", create=True) as arc:
        _put(arc, _result("a.txt", HAMLET, date(2017, 1, 20)))
        assert arc.event_map() == {HAMLET: HAMLET}
        _put(arc, _result("b.txt", TOWN, date(2017, 1, 19)))  # a later batch
        merged = arc.event_map()
    assert merged[HAMLET] == merged[TOWN]
    # the claims keep their own article's id: the merge's input
    assert {c.event for r in load_results(tmp_path / "a.db") for c in r.claims} == {HAMLET, TOWN}


def test_a_changed_article_leaves_the_event_it_joined(tmp_path):
    with Archive(tmp_path / "a.db", create=True) as arc:
        _put(arc, _result("a.txt", HAMLET, date(2017, 1, 20)),
             _result("b.txt", TOWN, date(2017, 1, 19)))
        _put(arc, _result("b.txt", "auto:flood:faenza:2023-05", date(2023, 5, 17)))
        assert arc.event_map() == {HAMLET: HAMLET,
                                   "auto:flood:faenza:2023-05": "auto:flood:faenza:2023-05"}


# ids that merge in several ways: a hamlet and its town, a region over one town, a region
# over two towns (no join), a quake's reach, another month, another country
_IDS = [HAMLET, TOWN, "auto:avalanche:abruzzo:2017-01", "auto:flood:faenza:2023-05",
        "auto:flood:emilia-romagna:2023-05", "auto:flood:bologna:2023-05",
        "auto:earthquake:amatrice:2016-08", "auto:earthquake:norcia:2016-08",
        "auto:earthquake:norcia:2016-10", "auto:earthquake:italy:2016",
        "auto:flood:valencia:2024-10", "auto:flood:faenza",
        # named storms where they struck, and reports naming only the place
        "auto:storm:name-ondina@puerto-rico:2031-09", "auto:storm:name-pietro@san-juan:2031-09",
        "auto:storm:puerto-rico:2031-09", "auto:storm:utuado:2031-09",
        "auto:storm:name-ondina:2031-10"]
_DAY = {"2031-09": date(2031, 9, 22), "2031-10": date(2031, 10, 2),
        "2017-01": date(2017, 1, 20), "2023-05": date(2023, 5, 18), "2016-08": date(2016, 8, 25),
        "2016-10": date(2016, 10, 30), "2016": date(2017, 8, 24), "2024-10": date(2024, 10, 30)}


def _article(i: int, eid: str) -> ArticleResult:
    stamp = eid.rsplit(":", 1)[-1]
    return _result(f"{i:03d}.txt", eid, _DAY.get(stamp, date(2023, 5, 20)))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(_IDS), min_size=1, max_size=10),
       st.lists(st.integers(1, 4), min_size=1, max_size=10), st.randoms())
def test_incremental_merge_is_the_merge_of_everything(ids, cuts, rnd):
    # any order, any batches: the archive's events are those one merge of all gives
    articles = [_article(i, eid) for i, eid in enumerate(ids)]
    rnd.shuffle(articles)
    with tempfile.TemporaryDirectory() as tmp, Archive(Path(tmp) / "a.db", create=True) as arc:
        at = 0
        for cut in cuts:
            if at < len(articles):
                _put(arc, *articles[at:at + cut])
                at += cut
        _put(arc, *articles[at:])
        got = arc.event_map()
    assert got == event_map([c for r in articles for c in r.claims])


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(_IDS), min_size=1, max_size=8), st.sampled_from(_IDS))
def test_a_draft_joins_the_events_a_merge_with_the_archive_gives(ids, draft_id):
    stored = [_article(i, eid) for i, eid in enumerate(ids)]
    draft = _article(999, draft_id)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "a.db"
        with Archive(db, create=True) as arc:
            _put(arc, *stored)
        events, keys = draft_events([db], draft.claims)
    everything = event_map([c for r in [*stored, draft] for c in r.claims])
    assert events[draft_id] == everything[draft_id]
    # every stored id of the draft's event is loaded, and no other
    assert keys == {("deaths", draft_id)} | {("deaths", eid) for eid in set(ids)
                                              if everything[eid] == everything[draft_id]}


def test_a_draft_about_the_town_meets_the_archives_figures_about_its_hamlet(tmp_path):
    stored = [_result("a.txt", HAMLET, date(2017, 1, 20), 29),
              _result("b.txt", "auto:flood:faenza:2023-05", date(2023, 5, 18), 13)]
    draft = _result("draft.txt", TOWN, date(2017, 1, 20), 40)
    db = tmp_path / "a.db"
    with Archive(db, create=True) as arc:
        _put(arc, *stored)
    events, keys = draft_events([db], draft.claims)
    joined = [ArticleResult(draft.article, tuple(merge_events(draft.claims, events=events)), ()),
              *load_results(db, keys, events=events)]
    via_db = analyze(joined, draft="draft.txt", merged=True)
    via_folder = analyze([draft, *stored], draft="draft.txt")
    assert via_db.findings and via_db.findings == via_folder.findings


def test_a_draft_naming_only_the_place_joins_the_archives_named_storm(tmp_path):
    # the archive calls the storm by its name ("Hurricane Ondina" in Puerto Rico); the
    # draft says only "the hurricane in Puerto Rico"
    named = "auto:storm:name-ondina@puerto-rico:2031-09"
    db = tmp_path / "a.db"
    with Archive(db, create=True) as arc:
        _put(arc, _result("a.txt", named, date(2031, 9, 21)),
             _result("b.txt", "auto:flood:faenza:2031-09", date(2031, 9, 21)))
    draft = _result("draft.txt", "auto:storm:puerto-rico:2031-09", date(2031, 9, 23))
    events, keys = draft_events([db], draft.claims)
    assert events["auto:storm:puerto-rico:2031-09"] == named
    assert keys == {("deaths", named), ("deaths", "auto:storm:puerto-rico:2031-09")}


def _fc(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True,
                          text=True)


def test_check_against_the_archive_finds_what_against_the_folder_finds(tmp_path,
                                                                        shared_datadir):
    datadir = shared_datadir / "archive_events"
    # the archive's article names the hamlet (Rigopiano), the draft its town (Farindola)
    db = tmp_path / "a.db"
    assert _fc("ingest", str(datadir / "corpus"), "--db", str(db)).returncode == 0
    draft = str(datadir / "drafts" / "bozza_farindola.txt")
    via_db = _fc("check", draft, "--against", str(db), "--format", "json")
    via_folder = _fc("check", draft, "--against", str(datadir / "corpus"), "--format", "json")
    found = json.loads(via_db.stdout)["findings"]
    assert found and found == json.loads(via_folder.stdout)["findings"]
    assert {f["event"] for f in found} == {TOWN}
