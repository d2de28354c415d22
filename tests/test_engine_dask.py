"""`extract --engine dask` on a local cluster of two workers, and checking from its claim rows.

One Dask extraction (and so one local cluster) for the whole module: the tests read its
output folder.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.pipeline import extract_paths

pytest.importorskip("dask.bag", reason="the Dask engine is an optional extra: pip install -e '.[dask]'")
pytest.importorskip("distributed", reason="the Dask engine needs distributed: pip install -e '.[dask]'")
pq = pytest.importorskip("pyarrow.parquet", reason="the Dask engine writes Parquet (pyarrow)")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ["seeds", "tests/data"]  # relative, like a user's paths: doc ids and warnings as given


@pytest.fixture(scope="module")
def dask_table(tmp_path_factory):
    """``extract seeds tests/data --engine dask -j 2 --format parquet -o DIR``: its folder
    and what it said on stderr."""
    out = tmp_path_factory.mktemp("dask") / "claims"
    mp = pytest.MonkeyPatch()
    mp.chdir(ROOT)
    err = _run_capturing_stderr(["extract", *CORPUS, "--engine", "dask", "-j", "2",
                                 "--format", "parquet", "-o", str(out)])
    mp.undo()
    return out, err


def _run_capturing_stderr(argv: list[str]) -> tuple[int, str]:
    import io
    from contextlib import redirect_stderr

    buf = io.StringIO()
    with redirect_stderr(buf):
        code = main(argv)
    return code, buf.getvalue()


@pytest.fixture(scope="module")
def local_results():
    """What ``extract --jobs 1`` makes of the same corpus."""
    mp = pytest.MonkeyPatch()
    mp.chdir(ROOT)
    try:
        return extract_paths(CORPUS, jobs=1, progress=False, warn=lambda msg: None)
    finally:
        mp.undo()


def test_dask_extraction_gives_the_claims_of_extract_jobs_1(dask_table, local_results):
    from factcheck.claimrows import read_claims

    out, (code, err) = dask_table
    assert code == 0
    back = read_claims(out)
    assert [c for r in back for c in r.claims] == [c for r in local_results for c in r.claims]
    # every article comes back with its metadata, claims or not (regions index the text,
    # which never travels)
    assert [r.article for r in back] == [replace(r.article, regions=()) for r in local_results]
    # a bad file is a warning naming it, never a failed job
    assert "tests/data/newsroom/skipped/salvato_male.txt: skipped: PDF is not supported" in err
    assert f"wrote {out}" in err


def test_every_part_has_the_one_schema_of_the_claim_table(dask_table):
    from factcheck.claimrows import arrow_schema
    from factcheck.table import COLUMNS

    out, _ = dask_table
    parts = sorted(out.glob("part-*.parquet"))
    assert len(parts) >= 2  # two workers had work to share
    for part in parts:
        schema = pq.read_schema(part)
        assert schema.names == list(COLUMNS)
        assert schema.equals(arrow_schema(), check_metadata=False)
    manifest = json.loads((out / "_factcheck.json").read_text())
    assert manifest["parts"] == len(parts)
    assert manifest["claims"] == sum(pq.read_metadata(p).num_rows for p in parts)


def _findings(argv: list[str], capsys) -> dict:
    code = main([*argv, "--format", "json", "--fail-on", "never"])
    assert code == 0
    return json.loads(capsys.readouterr().out)


def test_check_claims_gives_the_findings_of_check_on_the_articles(dask_table, capsys,
                                                                   monkeypatch):
    out, _ = dask_table
    monkeypatch.chdir(ROOT)
    on_articles = _findings(["check", *CORPUS, "-j", "1"], capsys)
    from_claims = _findings(["check", "--claims", str(out)], capsys)
    assert from_claims["findings"] == on_articles["findings"]
    assert len(from_claims["findings"]) > 10
    assert from_claims["articles"] == on_articles["articles"]
    assert from_claims["documents"] == on_articles["documents"]
    assert from_claims["unclaimed"] == []  # needs the articles' text


def test_check_claims_markdown_says_what_rows_cannot_tell(dask_table, capsys):
    out, _ = dask_table
    assert main(["check", "--claims", str(out), "--fail-on", "never"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("# factcheck report")
    assert "not available from claims" in captured.err


def test_check_claims_from_a_csv_table_gives_the_same_findings(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    table = tmp_path / "claims.csv"
    assert main(["extract", "tests/data/golden", "-j", "1", "--format", "csv",
                 "-o", str(table)]) == 0
    capsys.readouterr()
    on_articles = _findings(["check", "tests/data/golden", "-j", "1"], capsys)
    from_claims = _findings(["check", "--claims", str(table)], capsys)
    assert from_claims["findings"] == on_articles["findings"]


def test_ingest_claims_stores_the_rows_and_keeps_them_unchanged_on_a_second_run(
        dask_table, local_results, tmp_path, capsys):
    from factcheck.archive import load_results

    out, _ = dask_table
    db = tmp_path / "a.db"
    assert main(["ingest", "--claims", str(out), "--db", str(db)]) == 0
    n = len(local_results)
    assert f"{n} new" in capsys.readouterr().out
    stored = load_results(db)
    assert sorted((c for r in stored for c in r.claims), key=lambda c: (c.doc, c.start)) == \
        sorted((c for r in local_results for c in r.claims), key=lambda c: (c.doc, c.start))
    assert main(["ingest", "--claims", str(out), "--db", str(db)]) == 0
    assert f"0 new, 0 changed, {n} unchanged" in capsys.readouterr().out
    # nothing to re-extract: no text was stored, and the rows must not be wiped
    assert main(["ingest", "--reextract", "--db", str(db)]) == 0
    assert sum(len(r.claims) for r in load_results(db)) == \
        sum(len(r.claims) for r in local_results)


def test_a_folder_that_is_not_a_claim_table_is_never_overwritten(tmp_path, capsys):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me")
    code = main(["extract", str(ROOT / "seeds"), "--engine", "dask", "--format", "parquet",
                 "-o", str(mine)])
    assert code == 2
    assert "neither empty nor a claim table" in capsys.readouterr().err
    assert (mine / "notes.txt").read_text() == "keep me"


def test_engine_dask_needs_parquet_and_an_output_folder(capsys):
    assert main(["extract", str(ROOT / "seeds"), "--engine", "dask"]) == 2
    assert "--format parquet -o DIR" in capsys.readouterr().err


def test_without_the_extras_engine_dask_is_one_line(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    code = main(["extract", str(ROOT / "seeds"), "--engine", "dask", "--format", "parquet",
                 "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip().count("\n") == 0
    assert "pip install 'factcheck[dask]'" in err
    assert not (tmp_path / "out").exists()
