"""`factcheck events`: the events found, each in words, with places, span, articles, figures."""

from __future__ import annotations

import json
import shutil

from factcheck.cli import main
from factcheck.paths import rules_dir


def _events(capsys, *argv: str) -> tuple[int, str]:
    code = main(["events", *argv, "--jobs", "1"])
    return code, capsys.readouterr().out


def test_events_are_listed_in_words_with_their_places_articles_and_figures(capsys,
                                                                           shared_datadir):
    code, out = _events(capsys, str(shared_datadir / "events"))
    assert code == 0
    assert "2 events in 3 articles; 3 figures, 0 of them with no event." in out
    # a town's flood and its region's, reported in two languages, are one event
    assert "## 2. flood · Faenza · May 2023" in out
    assert "- places: Emilia-Romagna, Faenza" in out
    assert "- span: 2023-05-17 – 2023-05-18" in out
    assert "- articles (2): faenza-it.md, romagna-en.md" in out
    assert "## 1. collapse · Genoa · August 2018" in out


def test_events_as_json_carry_the_ids_check_compares_by(capsys, shared_datadir):
    code, out = _events(capsys, str(shared_datadir / "events"), "--format", "json")
    data = json.loads(out)
    flood = next(e for e in data["events"] if e["label"].startswith("flood"))
    assert flood["id"] == "auto:flood:faenza:2023-05" and not flood["curated"]
    assert [f["text"] for f in flood["figures"]] == ["9", "13"]
    main(["check", str(shared_datadir / "events"), "--format", "json", "--jobs", "1"])
    report = json.loads(capsys.readouterr().out)
    assert [f["event"] for f in report["findings"]] == [flood["id"]]  # 9, then 13: an update


def test_the_rules_folder_names_the_types(capsys, shared_datadir, tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(rules_dir(), rules)
    types = rules / "event_types.toml"
    types.write_text(types.read_text("utf-8").replace(
        'name = { it = "alluvione", en = "flood" }', 'name = { it = "alluvione", en = "inundation" }'),
        "utf-8")
    _, out = _events(capsys, str(shared_datadir / "events"), "--rules", str(rules))
    assert "## 2. inundation · Faenza · May 2023" in out
