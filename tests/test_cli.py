"""The two output contracts (check and extract) and the exit codes, through the real CLI."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.table import COLUMNS

ROOT = Path(__file__).resolve().parents[1]
CONTRACT_COLUMNS = ["doc", "text", "value", "low", "high", "qualifier", "metric", "who", "side",
                    "period_start", "period_end", "event", "source", "quote", "start", "end",
                    "published", "rule"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_table_columns_keep_the_contract():
    assert list(COLUMNS[:len(CONTRACT_COLUMNS)]) == CONTRACT_COLUMNS


def test_check_without_path_writes_the_seed_report(capsys, tmp_path, monkeypatch):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check")
    assert code == 0  # the seeds hold no contradiction
    assert out == ""  # the report goes to the file, not stdout
    report = (tmp_path / "reports" / "seeds.md").read_text(encoding="utf-8")
    assert report == (ROOT / "reports" / "seeds.md").read_text(encoding="utf-8")
    assert "reports/seeds.md" in err


def test_check_without_path_or_seeds_folder_is_a_usage_error(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check")
    assert code == 2 and "seeds/" in err


def test_check_paths_report_goes_to_stdout(capsys, shared_datadir):
    code, out, err = run(capsys, "check", str(shared_datadir / "cli" / "english.md"))
    assert code == 0 and out.startswith("# ")
    assert "english.md" in out


def test_contradiction_exits_1_and_fail_on_never_exits_0(capsys, shared_datadir):
    a, b = (str(shared_datadir / "cli" / n) for n in ("guerra_a.md", "guerra_b.md"))
    code, out, _ = run(capsys, "check", a, b)
    assert code == 1 and "contradiction" in out.lower()
    code, _, _ = run(capsys, "check", a, b, "--fail-on", "never")
    assert code == 0


def test_json_contract(capsys, shared_datadir):
    a, b = (str(shared_datadir / "cli" / n) for n in ("guerra_a.md", "guerra_b.md"))
    code, out, _ = run(capsys, "check", a, b, "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert data["articles"] == 2 and data["claims"] == 2
    finding = next(f for f in data["findings"] if f["verdict"] == "contradiction")
    assert {"verdict", "metric", "event", "side", "reason", "claims"} <= finding.keys()
    assert finding["metric"] == "deaths" and finding["side"] == "armenia"
    assert sorted(c["value"] for c in finding["claims"]) == [2900, 4000]
    assert all(set(CONTRACT_COLUMNS) <= c.keys() for c in finding["claims"])


def test_extract_jsonl(capsys, shared_datadir):
    code, out, _ = run(capsys, "extract", str(shared_datadir / "cli" / "english.md"))
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [(r["text"], r["value"], r["low"], r["high"], r["qualifier"], r["metric"]) for r in rows] == [
        ("At least 12", 12, 12, None, "at_least", "deaths"),
        ("40", 40, 40, 40, "exact", "wounded"),
    ]
    r = rows[0]
    assert r["doc"] == "english.md" and r["published"] == "2024-05-20" and r["rule"] == "en/deaths"
    text = (shared_datadir / "cli" / "english.md").read_text(encoding="utf-8")
    assert text[r["start"]:r["end"]] == r["text"]  # offsets index the file's text
    assert r["quote"].startswith("At least 12 people were killed")
    assert list(rows[0]) == list(COLUMNS)


def test_extract_csv_and_md(capsys, shared_datadir):
    path = str(shared_datadir / "cli" / "english.md")
    code, out, _ = run(capsys, "extract", path, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["value"] for r in rows] == ["12", "40"]
    assert rows[0]["high"] == ""  # open end
    code, out, _ = run(capsys, "extract", path, "--format", "md")
    assert out.splitlines()[0].startswith("| doc | text | metric")
    assert "| english.md | At least 12 | deaths |" in out


def test_extract_to_file(capsys, shared_datadir, tmp_path):
    out = tmp_path / "claims.csv"
    code, stdout, _ = run(capsys, "extract", str(shared_datadir / "cli" / "english.md"),
                          "--format", "csv", "-o", str(out))
    assert code == 0 and stdout == "" and out.read_text().startswith("doc,text,value")


def test_draft_against_folder(capsys, shared_datadir):
    cli = shared_datadir / "cli"
    archive = cli / "archive"
    archive.mkdir()
    shutil.copy(cli / "guerra_a.md", archive)
    # the draft agrees with the archive: exit 0
    code, out, _ = run(capsys, "check", str(cli / "draft_ok.md"), "--against", str(archive))
    assert code == 0
    # the draft contradicts the archive: exit 1, and the finding names the draft
    code, out, _ = run(capsys, "check", str(cli / "guerra_b.md"), "--against", str(archive),
                       "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert all(any(c["doc"] == "guerra_b.md" for c in f["claims"]) for f in data["findings"])


def test_a_draft_check_pauses_the_collector_but_not_for_a_folder_and_restores_it(
        capsys, shared_datadir, monkeypatch):
    import gc

    from factcheck.cli import check

    cli = shared_datadir / "cli"
    archive = cli / "archive"
    archive.mkdir()
    shutil.copy(cli / "guerra_a.md", archive)
    seen = []  # whether the collector ran while the folder was extracted, and the draft read
    extract, read_draft = check.extract_reporting_skips, check._read_draft
    monkeypatch.setattr(check, "extract_reporting_skips",
                        lambda *a: seen.append(("folder", gc.isenabled())) or extract(*a))
    monkeypatch.setattr(check, "_read_draft",
                        lambda *a: seen.append(("draft", gc.isenabled())) or read_draft(*a))
    assert gc.isenabled()
    code, _, _ = run(capsys, "check", str(cli / "draft_ok.md"), "--against", str(archive))
    assert code == 0 and seen == [("draft", False), ("folder", True)]
    assert gc.isenabled()
    # a draft that cannot be read is an error, and the collector is still restored
    code, _, err = run(capsys, "check", str(cli / "missing.md"), "--against", str(archive))
    assert code == 2 and "no such file" in err and gc.isenabled()


def test_against_needs_one_draft_file(capsys, shared_datadir):
    cli = shared_datadir / "cli"
    code, _, err = run(capsys, "check", str(cli), "--against", str(cli))
    assert code == 2 and "one draft" in err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "pdf"])
    assert exc.value.code == 2
    assert main([]) == 2


def test_a_command_imports_only_its_own_module():
    # start-up counts for a one-draft check: running `check` builds no other command's parser
    code = ("import sys\nfrom factcheck.cli import main\ntry:\n    main(['check', '--help'])\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('factcheck.cli.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[-2] == "['factcheck.cli.check', 'factcheck.cli.common']"


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("check", "extract", "numbers", "rules", "explain", "ingest"):
        assert f"    {command} " in out
