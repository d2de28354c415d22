"""The newsroom workflow (issue 19): drafts without a header, the archive's place, files
others read. Real files in tests/data/newsroom, through the real CLI."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from factcheck.archive import SCHEMA_VERSION, Archive
from factcheck.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def news(shared_datadir: Path) -> Path:
    return shared_datadir / "newsroom"


# ---------------------------------------------------------------- drafts without a header

def test_a_draft_without_header_is_dated_and_compared_with_the_archive(capsys, news):
    draft = news / "drafts" / "bozza_senza_intestazione.txt"
    code, out, _ = run(capsys, "check", str(draft), "--against", str(news / "archive"),
                       "--published", "2024-03-12", "--format", "json")
    report = json.loads(out)
    assert code == 1  # 3 dead in the draft, 12 in the archive: a contradiction
    assert [f["verdict"] for f in report["findings"]] == ["contradiction"]
    (mine,) = [c for c in report["findings"][0]["claims"] if c["doc"] == draft.name]
    (theirs,) = {c["event"] for c in report["findings"][0]["claims"] if c["doc"] != draft.name}
    # the draft's event comes from its content and date: the archive's landslide
    assert (mine["value"], mine["event"], mine["published"]) == (3, theirs, "2024-03-12")
    assert "valcorvo" in theirs
    code, out, _ = run(capsys, "check", str(draft), "--against", str(news / "archive"),
                       "--published", "12 marzo 2024")
    assert code == 1
    assert ("Assumed for the draft: published 2024-03-12 (`--published`); language it "
            "(detected from the text).") in out


def test_a_draft_without_header_is_published_today(capsys, news):
    draft = news / "drafts" / "bozza_senza_intestazione.txt"
    code, out, _ = run(capsys, "check", str(draft), "--against", str(news / "archive"))
    today = date.today().isoformat()
    assert (f"Assumed for the draft: published {today} (today: no date in its header; "
            "`--published DATE` to set it); events its text does not date matched by type "
            "and place alone") in out
    # today is no date of the landslide: 'la frana che lunedì ha travolto Valcorvo' meets the
    # archive's landslide at Valcorvo, and 3 dead written today contradicts its 12 (a gate
    # that passed a headerless draft by meeting nothing would pass anything)
    assert code == 1 and "Nothing to compare with" not in out
    assert "### 1. Contradiction: deaths · landslide · Valcorvo · March 2024 · total" in out
    assert f"| bozza | {today} (assumed) | La frana che lunedì ha travolto Valcorvo" in out


def test_a_draft_without_header_dated_by_its_text_meets_only_that_event(capsys, news, tmp_path):
    # its own words date another year's landslide: nothing in the archive to compare with
    draft = tmp_path / "bozza_2019.txt"
    draft.write_text("La frana del 4 marzo 2019 a Valcorvo causò 3 morti, secondo la "
                     "prefettura.\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(draft), "--against", str(news / "archive"))
    assert code == 0 and "Nothing to compare with" in out
    assert "auto:landslide:valcorvo:2019-03" in out


def test_nothing_to_compare_with_is_said_and_require_match_fails(capsys, news):
    draft = news / "drafts" / "bozza_senza_intestazione.txt"
    archive = str(news / "witness" / "porto_wire.txt")  # another story entirely
    code, out, _ = run(capsys, "check", str(draft), "--against", archive)
    assert code == 0
    assert ("**Nothing to compare with**: the draft's figure is not about an event, metric and "
            "side that another article reports. This is not an agreement") in out
    code, out, err = run(capsys, "check", str(draft), "--against", archive, "--require-match")
    assert code == 1 and "nothing to compare with (--require-match)" in err


def test_require_match_passes_when_the_draft_meets_the_archive(capsys, news):
    draft = news / "drafts" / "bozza_ripete.txt"
    code, out, _ = run(capsys, "check", str(draft), "--against", str(news / "archive"),
                       "--require-match")
    assert code == 0 and "Agree: deaths · landslide · Valcorvo · March 2024" in out
    assert "Nothing to compare with" not in out


def test_published_and_require_match_need_against(capsys, news):
    code, _, err = run(capsys, "check", str(news / "archive"), "--require-match")
    assert code == 2 and "go with --against" in err


# ---------------------------------------------------------------- never its own witness

def test_a_copy_of_the_draft_in_the_archive_is_not_a_witness(capsys, news):
    draft = news / "drafts" / "bozza_ripete.txt"
    # witness/ holds the draft under another name, and an unrelated story
    code, out, _ = run(capsys, "check", str(draft), "--against", str(news / "witness"),
                       "--format", "json")
    report = json.loads(out)
    assert report["findings"] == []
    assert "copia_della_bozza.txt" not in {d["id"] for d in report["documents"]}


def test_a_draft_figure_is_not_both_in_a_finding_and_alone(capsys, news):
    draft = news / "drafts" / "bozza_72.txt"
    code, out, _ = run(capsys, "check", str(draft), "--against", str(news / "archive"),
                       "--published", "2024-03-12")
    findings = out.split("## Findings")[1].split("## Groups that agree")[0]
    singles = out.split("## Figures nobody else reported")[1].split("## Articles")[0]
    assert "**72**" in findings
    assert "**72**" not in singles and "None." in singles
    assert "- Figures nobody else reported: 0" in out


# ---------------------------------------------------------------- the archive's place

def test_the_archive_is_found_by_one_rule_from_the_current_directory(capsys, news, tmp_path,
                                                                     monkeypatch):
    monkeypatch.delenv("FACTCHECK_DB", raising=False)
    work = tmp_path / "newsroom"
    work.mkdir()
    monkeypatch.chdir(work)
    code, _, _ = run(capsys, "ingest", str(news / "archive"))
    assert code == 0 and (work / "data" / "factcheck.db").is_file()
    draft = str(news / "drafts" / "bozza_senza_intestazione.txt")
    code, out, _ = run(capsys, "check", draft, "--against", "--published", "2024-03-12")
    assert code == 1 and "Contradiction: deaths · landslide · Valcorvo · March 2024" in out
    code, out, _ = run(capsys, "extract", "--db", "--format", "csv")
    assert code == 0 and out.count("frana_") == 2


def test_factcheck_db_names_the_archive_for_every_command(capsys, news, tmp_path, monkeypatch):
    db = tmp_path / "shared" / "archivio.db"
    monkeypatch.setenv("FACTCHECK_DB", str(db))
    work = tmp_path / "newsroom"
    work.mkdir()
    monkeypatch.chdir(work)
    assert run(capsys, "ingest", str(news / "archive"))[0] == 0
    assert db.is_file() and not (work / "data").exists()
    draft = str(news / "drafts" / "bozza_ripete.txt")
    code, out, _ = run(capsys, "check", draft, "--against")
    assert code == 0 and "Agree: deaths" in out


@pytest.mark.parametrize("command", ["ingest", "check", "extract"])
def test_help_says_where_the_archive_is(capsys, command):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "$FACTCHECK_DB, else ./data/factcheck.db in the current directory" in text


# ---------------------------------------------------------------- a read-only archive

def test_a_read_only_archive_can_be_checked_against_and_is_not_touched(capsys, shared_datadir,
                                                                       news, tmp_path):
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as conn:  # an older schema: opening it for writing migrates it
        conn.executescript((shared_datadir / "archive" / "schema_v1.sql").read_text("utf-8"))
    conn.close()
    before = db.read_bytes()
    db.chmod(0o444)
    draft = str(news / "drafts" / "bozza_ripete.txt")
    code, out, err = run(capsys, "check", draft, "--against", str(db))
    assert code == 0 and f"read as v{SCHEMA_VERSION} in memory" in err
    assert db.read_bytes() == before
    current = tmp_path / "current.db"
    assert run(capsys, "ingest", str(news / "archive"), "--db", str(current))[0] == 0
    with Archive(current, readonly=True) as arc, pytest.raises(sqlite3.OperationalError,
                                                              match="readonly"):
        arc.conn.execute("CREATE TABLE x (a)")


# ---------------------------------------------------------------- files others read

@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_reports_follow_the_umask(capsys, shared_datadir, tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        out = tmp_path / "reports" / "r.md"
        code, _, _ = run(capsys, "check", str(shared_datadir / "cli" / "english.md"),
                         "-o", str(out))
        export = tmp_path / "claims.csv"
        run(capsys, "extract", str(shared_datadir / "cli" / "english.md"), "--format", "csv",
            "-o", str(export))
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == mode
    assert stat.S_IMODE(export.stat().st_mode) == mode


def test_a_replaced_report_keeps_its_mode(capsys, shared_datadir, tmp_path):
    out = tmp_path / "r.md"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    run(capsys, "check", str(shared_datadir / "cli" / "english.md"), "-o", str(out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and out.read_text().startswith("# ")


# ---------------------------------------------------------------- skipped inputs, dates

def test_skipped_inputs_are_counted_and_named(capsys, news):
    code, out, err = run(capsys, "check", str(news / "skipped"))
    assert code == 0 and "english.md" in out
    assert ("salvato_male.txt: skipped: PDF is not supported: convert it to text first"
            in err)
    assert ("factcheck: 3 files skipped (.html, .pdf: not supported; 1 unreadable, see above): "
            "pagina.html, rapporto.pdf, salvato_male.txt") in err


def test_a_pdf_named_on_the_command_line_says_convert_it(capsys, news):
    code, out, err = run(capsys, "extract", str(news / "skipped" / "rapporto.pdf"))
    assert out == ""
    assert "rapporto.pdf: skipped: PDF is not supported: convert it to text first" in err
    assert "1 file skipped (1 unreadable, see above): rapporto.pdf" in err


@pytest.mark.parametrize("name", [f"forma_{i}.txt" for i in range(1, 6)])
def test_publication_dates_in_the_forms_italian_sites_print(capsys, news, name):
    # 27/02/2023, 27.02.2023, 27 febbraio 2023, lunedì 27 febbraio 2023, 10:45, ISO with a zone
    code, out, err = run(capsys, "extract", str(news / "dates" / name))
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert row["published"] == "2023-02-27" and "date" not in err


def test_an_unreadable_date_is_a_warning_naming_the_file_and_the_value(capsys, news):
    code, out, err = run(capsys, "extract", str(news / "dates" / "illeggibile.txt"))
    assert json.loads(out)["published"] is None
    assert "illeggibile.txt: unreadable or impossible date 'ieri sera'; treated as unknown" in err


# ---------------------------------------------------------------- explain --rule

def test_explain_rule_that_did_not_match_says_so_with_its_nearest_partial_match(capsys, news):
    target = str(news / "explain_macerie.txt")
    code, out, _ = run(capsys, "explain", target, "--rule", "it/deaths", "-m")
    assert code == 0
    tail = out.split("\n\n")[-1]
    assert tail.startswith("rule it/deaths did not match\n  nearest: pattern ")
    assert "reads '12 persone" in tail
    assert tail.endswith("  in: Il bilancio è di 12 persone rimaste sotto le macerie.\n")


def test_explain_rule_of_another_language_says_why_it_never_ran(capsys, news):
    code, out, _ = run(capsys, "explain", str(news / "explain_macerie.txt"), "--rule", "en/deaths")
    assert ("rule en/deaths did not match\n  it is a rule for 'en' and the text was read as it "
            "(try --lang en)\n") in out


def test_explain_rule_that_matched_adds_nothing(capsys, news):
    code, out, _ = run(capsys, "explain", str(news / "archive" / "frana_gazzetta.txt"),
                       "--rule", "it/deaths")
    assert "did not match" not in out and "it/deaths [deaths, priority 0]: matched" in out


# ---------------------------------------------------------------- progress within one file

def test_a_long_file_shows_its_own_progress_stage_by_stage(capsys, news, monkeypatch):
    # a file counts as long from LONG_FILE characters (1 MB: ~6 s); here from 10, and a log
    # (not a terminal) gets a line at every step instead of every 5 s
    monkeypatch.setattr("factcheck.progress.LONG_FILE", 10)
    monkeypatch.setattr("factcheck.progress.LOG_EVERY", 0.0)
    path = str(news / "archive" / "frana_gazzetta.txt")
    code, out, err = run(capsys, "extract", path, "--jobs", "1")
    assert code == 0 and out
    lines = [ln for ln in err.splitlines() if ln.startswith(path)]
    assert lines[0] == f"{path}: numbers, stage 1 of 3"
    assert f"{path}: claims 1/3 sentences (33%), stage 2 of 3" in lines
    assert f"{path}: claims 3/3 sentences (100%), stage 2 of 3" in lines
    assert lines[-1] == f"{path}: context 1/1 claims (100%), stage 3 of 3"


def test_a_short_file_shows_no_progress(capsys, news):
    code, _, err = run(capsys, "extract", str(news / "archive" / "frana_gazzetta.txt"),
                       "--jobs", "1")
    assert code == 0 and "stage" not in err
