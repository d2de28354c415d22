"""rules/README.md cannot go stale: it names every file of the rules folder, and its worked
examples work.

Each TOML block of the README marked ``<!-- doc-example: NAME file=PATH mode=create|append -->``
is written into one copy of the rules folder (made once for this module), which then must
load, pass ``factcheck rules test``, and give what the README says the example gives.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.config import load_config
from factcheck.paths import rules_dir

README = rules_dir() / "README.md"
_MARKER = re.compile(r"<!-- doc-example: (?P<name>[\w-]+) file=(?P<file>\S+) "
                     r"mode=(?P<mode>create|append) -->\n```toml\n(?P<body>.*?)\n```", re.S)


def _doc() -> str:
    return README.read_text("utf-8")


def _examples() -> dict[str, dict[str, str]]:
    return {m["name"]: m.groupdict() for m in _MARKER.finditer(_doc())}


# ---------------------------------------------------------------- every file is named

def _generic(rel: Path) -> str:
    """How the README names a file: a claim rule by the form of every rule file, a language
    file by its place under lang/<lang>/, any other by its path."""
    parts = rel.parts
    if parts[0] == "claims" and len(parts) == 3 and rel.suffix == ".toml":
        return "claims/<lang>/<name>.toml"
    if parts[0] == "lang" and len(parts) == 3:
        return f"lang/<lang>/{parts[2]}"
    return rel.as_posix()


def _files() -> list[Path]:
    root = rules_dir()
    return sorted(p.relative_to(root) for p in root.rglob("*")
                  if p.is_file() and p.name != "README.md"
                  and not any(part.startswith((".", "__")) for part in p.relative_to(root).parts))


@pytest.mark.parametrize("rel", _files(), ids=str)
def test_every_file_of_the_rules_folder_is_in_the_readme(rel):
    named = _generic(rel)
    assert f"`{named}`" in _doc(), f"rules/{rel} is not documented in rules/README.md (as `{named}`)"


@pytest.mark.parametrize("lang", sorted({p.parts[1] for p in _files()
                                         if p.parts[0] in ("lang", "claims") and len(p.parts) == 3}))
def test_every_language_is_in_the_readme(lang):
    assert f"`{lang}`" in _doc().split("## One owner per fact")[0]


def _tables() -> list[tuple[str, str]]:
    """(file, top-level key) of every data file; a claim rule's keys are those of every rule."""
    root = rules_dir()
    out = set()
    for rel in _files():
        if rel.suffix == ".toml" and rel.parts[0] != "claims":
            for key in tomllib.loads((root / rel).read_text("utf-8")):
                out.add((_generic(rel), key))
    return sorted(out)


@pytest.mark.parametrize("named, key", _tables(), ids=[f"{n}:{k}" for n, k in _tables()])
def test_every_table_of_a_data_file_is_in_the_readme(named, key):
    doc = _doc()
    assert any(form in doc for form in (f"`{key}`", f"`[{key}]", f"`[[{key}]]", f"`[{key}.",
                                         f"`[[{key}.", f"`{key} ")), \
        f"[{key}] of {named} is not documented in rules/README.md (its section of {named})"


def test_the_readme_has_the_worked_examples():
    assert set(_examples()) >= {"add-rule", "add-event", "add-party"}


@pytest.mark.parametrize("name", sorted(_examples()))
def test_a_doc_example_is_valid_toml_on_its_own(name):
    tomllib.loads(_examples()[name]["body"])


# ---------------------------------------------------------------- the worked examples work

@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    """A copy of the rules folder with every doc example written into it."""
    root = tmp_path_factory.mktemp("docs") / "rules"
    shutil.copytree(rules_dir(), root)
    for x in _examples().values():
        path = root / x["file"]
        if x["mode"] == "create":
            assert not path.exists(), f"{x['file']} exists already: the example would overwrite it"
            path.write_text(x["body"] + "\n", "utf-8")
        else:
            path.write_text(path.read_text("utf-8") + "\n" + x["body"] + "\n", "utf-8")
    return root


def _run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out + err


def test_the_folder_with_every_example_loads(copy):
    config = load_config(copy)
    assert config.ruleset.get("it/missing_traces") is not None


def test_rules_test_passes_with_every_example(capsys, copy):
    code, out = _run(capsys, "rules", "test", "--rules", str(copy))
    assert code == 0, out
    assert "0 failed" in out


def test_the_new_rule_runs_its_examples_as_the_readme_shows(capsys, copy):
    code, out = _run(capsys, "rules", "test", "--rules", str(copy),
                     str(copy / "claims" / "it" / "missing_traces.toml"))
    assert code == 0, out
    shown = next(line for line in _doc().splitlines() if line.startswith("1 rule(s): "))
    assert shown in out


def test_the_new_rule_claims_the_sentence(capsys, copy):
    text = "Si sono perse le tracce di 14 escursionisti sul versante nord del monte."
    _, before = _run(capsys, "explain", "-m", text)
    _, after = _run(capsys, "explain", "-m", "--rules", str(copy), "--rule", "it/missing_traces",
                    text)
    assert "claims: none" in before  # as step 1 shows: nothing in the shipped rules claims it
    assert ("missing '14' = 14 (exact, 14..14) who='escursionisti' side='total' "
            "by it/missing_traces") in after


def test_the_new_event_runs_its_examples(copy):
    from factcheck.datacheck import data_examples

    results = [x for x in data_examples(copy) if "emilia-romagna-floods-2023" in x.test_id]
    assert len(results) == 3
    assert [x.problem for x in results] == [None, None, None]


def test_the_new_event_is_listed_by_events(capsys, tmp_path, copy):
    art = tmp_path / "a.txt"
    art.write_text("Title: A\nDate: 2023-05-22\n---\nSono 14 i morti dell'alluvione in "
                   "Emilia-Romagna, secondo la Regione.\n", "utf-8")
    _, out = _run(capsys, "events", str(art), "--jobs", "1", "--rules", str(copy))
    assert "- id: `emilia-romagna-floods-2023` (curated)" in out
    assert "## 1. Emilia-Romagna floods (May 2023)" in out


def test_the_new_party_runs_its_examples(copy):
    from factcheck.context.lexicon import lexicon
    from factcheck.parties import load_parties

    mine = [x for x in load_parties(copy).examples if x["party"] == "sdf"]
    assert len(mine) == 2
    for x in mine:
        assert lexicon(x["lang"], copy).source_parties.first(x["text"]) == "sdf", x["text"]


def test_the_new_party_is_a_side_as_the_readme_shows(capsys, copy):
    text = "Sono morti 12 combattenti delle Sdf."
    _, before = _run(capsys, "explain", "-m", text)
    _, after = _run(capsys, "explain", "-m", "--rules", str(copy), text)
    assert "side: sdf" not in before
    assert "deaths '12' = 12 (exact, 12..12) who='combattenti' side='sdf' by it/deaths" in after
    assert "side: sdf (from 'combattenti')" in after
