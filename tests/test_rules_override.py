"""``--rules DIR`` means the same folder for every stage (#17).

The rules folder is copied once for this module and one fact is changed in each owner file
(a source cue, an event-type trigger, a party's word, a subgroup word, a verdict setting, a
number word, a metric's ``cumulative``, ...). Each test runs the real CLI (``extract``,
``check``, ``explain``, ``events``) on the same article with the copy and without it: the
change must show with ``--rules`` and the default folder must give what it gave before.

A stage that reads a file by a fixed path, or caches it per language whatever the folder,
shows up here as a failing test: it is marked ``xfail(strict=True)`` with the module and
line that ignore ``--rules`` until that is fixed (then the mark must go).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.paths import rules_dir

# owner file -> (text in the shipped file, its replacement): one fact per file. Every
# replacement is our own invented word, so no shipped data already says it.
EDITS: dict[str, tuple[str, str]] = {
    # context.toml: a source cue verb ("..., attesta la prefettura")
    "lang/it/context.toml": ("'(?:scrive|scrivono|", "'(?:attesta|scrive|scrivono|"),
    # event_types.toml: a trigger of floods
    "event_types.toml": ("it = ['alluvion[ei]',", "it = ['diluvi[oi]', 'alluvion[ei]',"),
    # parties.toml: a word for Ukraine's soldiers
    "parties.toml": ('people = { it = ["ucraino", ', 'people = { it = ["kieviani", "ucraino", '),
    # subgroups.toml: a word for journalists
    "lang/it/subgroups.toml": ('journalists = ["giornalista", ',
                               'journalists = ["cronisti", "giornalista", '),
    # parents.toml: a cue between a whole and its part
    "lang/it/parents.toml": ("between = [\n  '\\bdi\\s+cui\\b',",
                             "between = [\n  '\\bsegnatamente\\b', '\\bdi\\s+cui\\b',"),
    # verdicts.toml: the severity of an update
    "verdicts.toml": ('update = "info"', 'update = "low"'),
    # numbers.toml: a number word's value
    "lang/it/numbers.toml": ("quaranta = 40,", "quaranta = 41,"),
    # metrics.toml: whether the missing are a running count
    "metrics.toml": ("[missing]\ncumulative = false", "[missing]\ncumulative = true"),
    # claims.toml: a word for counted people ({PEOPLE}, captured as who)
    "lang/it/claims.toml": ("'giornalisti', ", "'giornalisti', 'fotografi', "),
    # sides.toml: a phrase for both sides together ({BOTH}, side total)
    "lang/it/sides.toml": ('"da entrambe le parti", ', '"da ambedue i fronti", "da entrambe le parti", '),
    # sentences.toml: an abbreviation ("dott." ends no sentence)
    "lang/it/sentences.toml": ('"dott", ', '"dottxx", '),
    # detect.toml: an English stop word of our own
    "lang/en/detect.toml": ("stopwords = [", 'stopwords = ["frobnica", '),
    # metadata.toml: a month name of a header date
    "lang/it/metadata.toml": ('"ottobre"', '"ottobrex"'),
    # a claim rule: a veto of the Italian deaths rule
    "claims/it/deaths.toml": ("\nunless = [", "\nunless = ['\\bsceneggiatura\\b', "),
}

# appended to a file: a new entry rather than a changed one
APPENDS: dict[str, str] = {
    # events.toml: a curated event of our own
    "events.toml": """
[places.borgo-test]
names = ["Valcorta"]

[[events]]
id = "valcorta-flood-2024"
name = { it = "Alluvione di Valcorta (2024)", en = "Valcorta flood (2024)" }
kind = "flood"
start = 2024-02-27
end = 2024-03-02
places = ["borgo-test"]
aliases = ['alluvione\\s+di\\s+Valcorta', 'Valcorta\\s+flood']
keywords = []
""",
    # places.toml: a village the gazetteer does not list, with another name it goes by
    "places.toml": """
[[places]]
name = "Valcorta"
names = ["Valle Corta"]
country = "IT"
within = "Farindola"
""",
}


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> Path:
    """A copy of the rules folder in use with every edit of EDITS and APPENDS made."""
    root = tmp_path_factory.mktemp("override") / "rules"
    shutil.copytree(rules_dir(), root)
    for rel, (old, new) in EDITS.items():
        path = root / rel
        text = path.read_text("utf-8")
        assert text.count(old) == 1, f"{rel}: {old!r} is not in the file once: update EDITS"
        path.write_text(text.replace(old, new, 1), "utf-8")
    for rel, extra in APPENDS.items():
        path = root / rel
        path.write_text(path.read_text("utf-8") + extra, "utf-8")
    return root


def test_the_default_folder_is_untouched(edited):
    """Every edit lives in the copy only."""
    for rel, (_, new) in EDITS.items():
        assert new not in (rules_dir() / rel).read_text("utf-8"), rel
        assert new in (edited / rel).read_text("utf-8"), rel
    for rel, extra in APPENDS.items():
        assert extra not in (rules_dir() / rel).read_text("utf-8"), rel


# ---------------------------------------------------------------- running the CLI

HEADER = "Title: Prova\nDate: {date}\nOutlet: Testata\n---\n"


def _article(tmp_path: Path, body: str, name: str = "a.txt", date: str = "2024-03-01",
             header: str | None = None) -> Path:
    path = tmp_path / name
    path.write_text((header if header is not None else HEADER.format(date=date)) + body + "\n",
                    "utf-8")
    return path


def _run(capsys, *argv: str) -> tuple[int, str]:
    code = main([*argv])
    out, _ = capsys.readouterr()
    return code, out


def _claims(capsys, path: Path, *rules: str) -> list[dict]:
    code, out = _run(capsys, "extract", str(path), "--format", "jsonl", "--jobs", "1", *rules)
    assert code == 0
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def _both(capsys, path: Path, edited: Path) -> tuple[list[dict], list[dict]]:
    """The claims of ``path`` with the default folder, then with the edited copy."""
    return _claims(capsys, path), _claims(capsys, path, "--rules", str(edited))


def _one(claims: list[dict], text: str) -> dict:
    found = [c for c in claims if c["text"] == text]
    assert len(found) == 1, [c["text"] for c in claims]
    return found[0]


# ---------------------------------------------------------------- extract

def test_a_source_cue_of_context_toml(capsys, tmp_path, edited):
    art = _article(tmp_path, "Almeno 12 persone sono morte a Valencia, attesta la prefettura.")
    default, changed = _both(capsys, art, edited)
    assert _one(default, "Almeno 12")["source"] == "Testata"  # the outlet: no cue found
    assert _one(changed, "Almeno 12")["source"] == "prefettura"


def test_an_event_type_trigger_of_event_types_toml(capsys, tmp_path, edited):
    art = _article(tmp_path, "Almeno 12 persone sono morte nel diluvio di Valencia.")
    default, changed = _both(capsys, art, edited)
    assert _one(default, "Almeno 12")["event"] == "auto:event:valencia:2024-03"
    assert _one(changed, "Almeno 12")["event"] == "auto:flood:valencia:2024-03"


def test_a_party_word_of_parties_toml(capsys, tmp_path, edited):
    art = _article(tmp_path, "Sono morti 12 soldati kieviani.")
    default, changed = _both(capsys, art, edited)
    assert _one(default, "12")["side"] is None
    assert _one(changed, "12")["side"] == "ukraine"


def test_a_subgroup_word_of_subgroups_toml(capsys, tmp_path, edited):
    # the words right after a figure name its subgroup when no rule captured its people
    art = _article(tmp_path, "Sono morti 12 cronisti nell'alluvione di Valencia.")
    default, changed = _both(capsys, art, edited)
    assert _one(default, "12")["subgroup"] is None
    assert _one(changed, "12")["subgroup"] == "journalists"


def test_a_part_cue_of_parents_toml(capsys, tmp_path, edited):
    art = _article(tmp_path, "Nell'alluvione di Valencia sono morte 12 persone, segnatamente "
                             "sono morti 4 bambini.")
    default, changed = _both(capsys, art, edited)
    whole = _one(changed, "12")["start"]
    assert _one(default, "4")["parent"] is None
    assert _one(changed, "4")["parent"] == whole


def test_a_number_word_of_numbers_toml(capsys, tmp_path, edited):
    art = _article(tmp_path, "Sono morte quaranta persone nell'alluvione di Valencia.")
    default, changed = _both(capsys, art, edited)
    assert _one(default, "quaranta")["value"] == 40
    assert _one(changed, "quaranta")["value"] == 41


def test_a_people_word_of_claims_toml(capsys, tmp_path, edited):
    art = _article(tmp_path, "Sono morti 12 fotografi nell'alluvione di Valencia.")
    default, changed = _both(capsys, art, edited)
    assert _one(default, "12")["who"] is None
    assert _one(changed, "12")["who"] == "fotografi"


def test_a_both_sides_phrase_of_sides_toml(capsys, tmp_path, edited):
    art = _article(tmp_path, "Nella guerra tra Russia e Ucraina sono morti 12 soldati "
                             "da ambedue i fronti.")
    default, changed = _both(capsys, art, edited)
    assert _one(default, "12")["side"] is None
    assert _one(changed, "12")["side"] == "total"


def test_an_abbreviation_of_sentences_toml(capsys, tmp_path, edited):
    # "dott." ends no sentence; once it is no abbreviation, the quote starts after it
    art = _article(tmp_path, "Lo ha detto il dott. Rossi: sono morte 40 persone a Valencia.")
    default, changed = _both(capsys, art, edited)
    assert _one(default, "40")["quote"].startswith("Lo ha detto il dott. Rossi")
    assert _one(changed, "40")["quote"].startswith("Rossi")


def test_a_veto_of_a_claim_rule(capsys, tmp_path, edited):
    art = _article(tmp_path, "Nella sceneggiatura sono morte 12 persone a Valencia.")
    default, changed = _both(capsys, art, edited)
    assert [c["text"] for c in default] == ["12"]
    assert changed == []


def test_a_place_of_places_toml(capsys, tmp_path, edited):
    # a place known by another name is one place under its own name
    art = _article(tmp_path, "Sono morte 12 persone nella frana di Valle Corta.")
    default, changed = _both(capsys, art, edited)
    assert _one(default, "12")["event"] == "auto:landslide:valle-corta:2024-03"
    assert _one(changed, "12")["event"] == "auto:landslide:valcorta:2024-03"


def test_an_event_of_events_toml(capsys, tmp_path, edited):
    art = _article(tmp_path, "Sono morte 12 persone nell'alluvione di Valcorta.")
    default, changed = _both(capsys, art, edited)
    assert _one(default, "12")["event"] != "valcorta-flood-2024"
    assert _one(changed, "12")["event"] == "valcorta-flood-2024"


def test_the_stop_words_of_detect_toml(capsys, tmp_path, edited):
    # no language in the header: the stop words decide (ties go to Italian)
    art = _article(tmp_path, "Sono morte 12 persone: frobnica frobnica frobnica frobnica.",
                   header="Title: Prova\nDate: 2024-03-01\n---\n")
    default, changed = _both(capsys, art, edited)
    assert _one(default, "12")["lang"] == "it"
    assert [c["lang"] for c in changed] in ([], ["en"])  # English: no Italian rule runs


def test_a_month_name_of_metadata_toml(capsys, tmp_path, edited):
    art = _article(tmp_path, "Sono morte 12 persone nell'alluvione di Valencia.",
                   header="Title: Prova\nDate: 4 ottobrex 2023\n---\n")
    default, changed = _both(capsys, art, edited)
    assert _one(default, "12")["published"] is None
    assert _one(changed, "12")["published"] == "2023-10-04"


# ---------------------------------------------------------------- check: the verdicts

def _two_reports(tmp_path: Path, first: str, second: str) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    _article(folder, first, "a.txt", "2024-03-01")
    _article(folder, second, "b.txt", "2024-03-03")
    return folder


def _findings(capsys, folder: Path, *rules: str) -> list[dict]:
    _, out = _run(capsys, "check", str(folder), "--format", "json", "--jobs", "1",
                  "--fail-on", "never", *rules)
    return json.loads(out)["findings"]


def test_a_severity_of_verdicts_toml(capsys, tmp_path, edited):
    folder = _two_reports(tmp_path,
                          "Sono morte 30 persone nell'alluvione di Valencia, secondo la prefettura.",
                          "Sono morte 35 persone nell'alluvione di Valencia, secondo la prefettura.")
    default = _findings(capsys, folder)
    changed = _findings(capsys, folder, "--rules", str(edited))
    assert [(f["verdict"], f["severity"]) for f in default] == [("update", "info")]
    assert [(f["verdict"], f["severity"]) for f in changed] == [("update", "low")]


def test_a_cumulative_flag_of_metrics_toml(capsys, tmp_path, edited):
    # the missing fall as they are found: 30 then 20 is an update of a level; once the
    # metric is declared a running count, the fall contradicts it
    folder = _two_reports(tmp_path,
                          "Sono 30 i dispersi dopo l'alluvione di Valencia, secondo la prefettura.",
                          "Sono 20 i dispersi dopo l'alluvione di Valencia, secondo la prefettura.")
    default = _findings(capsys, folder)
    changed = _findings(capsys, folder, "--rules", str(edited))
    assert [f["verdict"] for f in default] == ["update"]
    assert [f["verdict"] for f in changed] == ["contradiction"]


def test_the_markdown_report_reads_the_same_verdicts(capsys, tmp_path, edited):
    folder = _two_reports(tmp_path,
                          "Sono morte 30 persone nell'alluvione di Valencia, secondo la prefettura.",
                          "Sono morte 35 persone nell'alluvione di Valencia, secondo la prefettura.")
    _, default = _run(capsys, "check", str(folder), "--jobs", "1")
    _, changed = _run(capsys, "check", str(folder), "--jobs", "1", "--rules", str(edited))
    assert "total (info)" in default and "total (low)" not in default
    assert "total (low)" in changed


# ---------------------------------------------------------------- explain and events

def test_explain_reads_the_folder(capsys, edited):
    text = "Sono morti quaranta cronisti nell'alluvione di Valencia."
    _, default = _run(capsys, "explain", "-m", text)
    _, changed = _run(capsys, "explain", "-m", "--rules", str(edited), text)
    assert "value 40" in default and "value 41" not in default
    assert "value 41" in changed
    assert "subgroup: journalists" in changed and "subgroup: journalists" not in default


def test_explain_reads_the_event_catalogue_of_the_folder(capsys, edited):
    text = "Sono morte 12 persone nell'alluvione di Valcorta."
    _, default = _run(capsys, "explain", "-m", text)
    _, changed = _run(capsys, "explain", "-m", "--rules", str(edited), text)
    assert "valcorta-flood-2024" not in default
    assert "valcorta-flood-2024" in changed


def test_events_reads_the_folder(capsys, tmp_path, edited):
    art = _article(tmp_path, "Sono morte 12 persone nell'alluvione di Valcorta.")
    _, default = _run(capsys, "events", str(art), "--jobs", "1")
    _, changed = _run(capsys, "events", str(art), "--jobs", "1", "--rules", str(edited))
    assert "valcorta-flood-2024" not in default
    assert "valcorta-flood-2024" in changed and "Valcorta flood (2024)" in changed


# ---------------------------------------------------------------- workers, archive, numbers

def test_worker_processes_read_the_folder(capsys, tmp_path, edited, monkeypatch):
    from factcheck import pipeline

    monkeypatch.setattr(pipeline, "PARALLEL_MIN_FILES", 2)  # a pool for two files
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        _article(folder, "Sono morte quaranta persone nell'alluvione di Valencia.", name)
    code, out = _run(capsys, "extract", str(folder), "--format", "jsonl", "--jobs", "2",
                     "--rules", str(edited))
    assert code == 0
    assert [json.loads(line)["value"] for line in out.splitlines()] == [41, 41]


def test_the_archive_stores_what_the_folder_reads(capsys, tmp_path, edited):
    art = _article(tmp_path, "Sono morte quaranta persone nell'alluvione di Valencia.")
    db = tmp_path / "archive.db"
    code, _ = _run(capsys, "ingest", str(art), "--db", str(db), "--jobs", "1",
                   "--rules", str(edited))
    assert code == 0
    code, out = _run(capsys, "extract", "--db", str(db), "--format", "jsonl")
    assert code == 0
    assert [json.loads(line)["value"] for line in out.splitlines()] == [41]


def test_check_against_an_archive_reads_the_verdicts_of_the_folder(capsys, tmp_path, edited):
    first = _article(tmp_path, "Sono morte 30 persone nell'alluvione di Valencia, secondo la "
                               "prefettura.", "a.txt", "2024-03-01")
    draft = _article(tmp_path, "Sono morte 35 persone nell'alluvione di Valencia, secondo la "
                               "prefettura.", "b.txt", "2024-03-03")
    severities = []
    for rules in ((), ("--rules", str(edited))):
        db = tmp_path / f"archive{len(rules)}.db"
        assert _run(capsys, "ingest", str(first), "--db", str(db), "--jobs", "1", *rules)[0] == 0
        _, out = _run(capsys, "check", str(draft), "--against", str(db), "--format", "json",
                      "--fail-on", "never", *rules)
        severities.append([(f["verdict"], f["severity"]) for f in json.loads(out)["findings"]])
    assert severities == [[("update", "info")], [("update", "low")]]


def test_numbers_reads_the_folder(capsys, edited):
    _, default = _run(capsys, "numbers", "--lang", "it", "quaranta morti")
    assert "40" in default
    _, changed = _run(capsys, "numbers", "--lang", "it", "--rules", str(edited), "quaranta morti")
    assert "41" in changed


def test_check_of_claim_rows_reads_the_verdicts_of_the_folder(capsys, tmp_path, edited):
    folder = _two_reports(tmp_path,
                          "Sono morte 30 persone nell'alluvione di Valencia, secondo la prefettura.",
                          "Sono morte 35 persone nell'alluvione di Valencia, secondo la prefettura.")
    rows = tmp_path / "rows.jsonl"
    assert _run(capsys, "extract", str(folder), "--jobs", "1", "-o", str(rows))[0] == 0
    severities = []
    for rules in ((), ("--rules", str(edited))):
        _, out = _run(capsys, "check", "--claims", str(rows), "--format", "json",
                      "--fail-on", "never", *rules)
        severities.append([(f["verdict"], f["severity"]) for f in json.loads(out)["findings"]])
    assert severities == [[("update", "info")], [("update", "low")]]


def test_evaluate_reads_the_folder(capsys, tmp_path, edited):
    # gold that says 41: only the edited number word reads it so
    arts = tmp_path / "articles"
    arts.mkdir()
    _article(arts, "Sono morte quaranta persone nell'alluvione di Valencia.")
    gold = tmp_path / "gold.claims.jsonl"
    gold.write_text(json.dumps({"doc": "a.txt", "number": "quaranta", "value": 41,
                                "bound": "exact", "metric": "deaths"}) + "\n", "utf-8")
    true_positives = []
    for rules in ((), ("--rules", str(edited))):
        out = tmp_path / f"score{len(rules)}.json"
        _run(capsys, "evaluate", str(arts), "--gold", str(gold), "--format", "json", "-o",
             str(out), "--jobs", "1", *rules)
        true_positives.append(json.loads(out.read_text("utf-8"))["claims"]["strict"]["tp"])
    assert true_positives == [0, 1]
