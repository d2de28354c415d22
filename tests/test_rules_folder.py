"""``--rules DIR`` means the same folder for every stage: an edited copy of the language data
reaches the number reader and the sentence splitter of ``check`` (#17)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from factcheck.cli import main
from factcheck.paths import rules_dir

ARTICLE = "Title: Naufragio\nDate: 2023-03-01\nOutlet: {outlet}\n---\n{body}\n"


def _folder(tmp_path, bodies):
    arts = tmp_path / "articles"
    arts.mkdir()
    for outlet, body in bodies.items():
        (arts / f"{outlet.lower()}.txt").write_text(ARTICLE.format(outlet=outlet, body=body),
                                                    "utf-8")
    return arts


def _edited_rules(tmp_path, name, old, new):
    rules = tmp_path / "rules"
    shutil.copytree(rules_dir(), rules)
    path = rules / "lang" / "it" / f"{name}.toml"
    data = path.read_text("utf-8")
    assert old in data
    path.write_text(data.replace(old, new, 1), "utf-8")
    return rules


def _report(capsys, folder, *rules):
    main(["check", str(folder), "--jobs", "1", *rules])
    return capsys.readouterr().out


def test_edited_number_words_reach_check(tmp_path, capsys):
    folder = _folder(tmp_path, {
        "A": "Sono morte quaranta persone nel naufragio di Cutro, secondo la guardia costiera.",
        "B": "Sono morte 40 persone nel naufragio di Cutro, secondo la guardia costiera.",
    })
    rules = _edited_rules(tmp_path, "numbers", "quaranta = 40,", "quaranta = 41,")
    assert "a says 41, b says 40" in _report(capsys, folder, "--rules", str(rules))
    assert "a says 41" not in _report(capsys, folder)


def test_edited_abbreviations_reach_check(tmp_path, capsys):
    # "dott." ends no sentence; once it is no abbreviation, the quote stops at it
    body = ("Lo ha detto il dott. Rossi: sono morte 40 persone nel naufragio di Cutro.")
    folder = _folder(tmp_path, {"A": body})
    rules = _edited_rules(tmp_path, "sentences", '"dott"', '"dottxx"')
    assert "Lo ha detto il dott. Rossi: sono morte **40**" in _report(capsys, folder)
    edited = _report(capsys, folder, "--rules", str(rules))
    assert "Rossi: sono morte **40**" in edited
    assert "Lo ha detto il dott. Rossi: sono morte **40**" not in edited


def test_the_environment_variable_means_the_same_folder(tmp_path, capsys, monkeypatch):
    # $FACTCHECK_RULES is --rules for every command, `numbers` included
    rules = _edited_rules(tmp_path, "numbers", "quaranta = 40,", "quaranta = 41,")
    folder = _folder(tmp_path, {"A": "Sono morte quaranta persone nel naufragio di Cutro."})
    monkeypatch.setenv("FACTCHECK_RULES", str(rules))
    main(["extract", str(folder), "--format", "csv", "--jobs", "1"])
    assert ",41," in capsys.readouterr().out
    main(["explain", "-m", "Sono morte quaranta persone."])
    assert "value 41" in capsys.readouterr().out
    # a new process, as a user runs it: in this one, `numbers` may hold the default folder's
    # data from an earlier test (its caches are per folder path, and the variable changed)
    out = subprocess.run([sys.executable, "-m", "factcheck", "numbers", "--lang", "it",
                          "quaranta morti"], capture_output=True, text=True, check=True,
                         env={**os.environ, "FACTCHECK_RULES": str(rules)}).stdout
    assert " 41 " in out


def test_edited_number_words_reach_numbers(tmp_path, capsys):
    # `numbers` takes --rules as every other command: its words and its language detection
    rules = _edited_rules(tmp_path, "numbers", "quaranta = 40,", "quaranta = 41,")
    main(["numbers", "--lang", "it", "quaranta morti"])
    assert " 40 " in capsys.readouterr().out
    main(["numbers", "--rules", str(rules), "quaranta morti"])  # language detected: it
    out = capsys.readouterr().out
    assert " 41 " in out and " 40 " not in out
