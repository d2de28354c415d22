"""Bad input never crashes factcheck or loses anything (issue 9's battery).

Each case runs the real CLI (in-process through ``main`` where possible, as a
subprocess where signals or memory matter) and checks the message, the exit
code, and that the user's files are untouched.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.articles import parse_article
from factcheck.cli import main
from factcheck.pipeline import extract_article, load_ruleset

ARTICLE = ("title: Prova\npublished: 2024-03-01\n---\n"
           "Secondo la protezione civile, almeno 12 persone sono morte nell'alluvione.\n")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    return d


def test_binary_files_are_skipped_with_a_warning(capsys, folder):
    (folder / "scan.txt").write_bytes(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x00")
    (folder / "photo.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    code, out, err = run(capsys, "extract", str(folder))
    assert code == 0
    assert "scan.txt: skipped: PDF is not supported" in err
    assert "photo.md: skipped: binary" in err
    assert '"doc": "ok.txt"' in out and "scan.txt" not in out


@pytest.mark.parametrize("encoding, bom", [("cp1252", b""), ("latin-1", b""), ("utf-8", b"\xef\xbb\xbf"),
                                           ("utf-16", b"")])
def test_other_encodings_are_decoded(capsys, tmp_path, encoding, bom):
    text = "title: Città\n---\nPiù di 300 persone sono state evacuate a Città di Castello.\n"
    f = tmp_path / "art.txt"
    f.write_bytes(bom + text.encode(encoding))
    code, out, err = run(capsys, "extract", str(f), "--format", "csv")
    assert code == 0, err
    assert "Città" in out and "Ã" not in out  # no mojibake


def test_empty_and_header_only_files_are_skipped(capsys, folder):
    (folder / "empty.txt").write_text("")
    (folder / "header_only.md").write_text("---\ntitle: Solo titolo vuoto\n---\n")
    code, out, err = run(capsys, "extract", str(folder))
    assert code == 0
    assert "empty.txt: skipped: empty file" in err
    assert "header_only.md: skipped" in err


def test_unclosed_front_matter_and_impossible_date(capsys, folder):
    (folder / "open.md").write_text("---\ntitle: aperto\nSono morte 4 persone.\n")
    (folder / "date.txt").write_text("published: 2023-13-45\n---\nSono morte 4 persone.\n")
    code, out, err = run(capsys, "extract", str(folder))
    assert code == 0
    assert "open.md:1: front matter" in err and "never closed" in err
    assert "date.txt" in err and "impossible" in err


def test_missing_path_exits_2(capsys, tmp_path):
    code, out, err = run(capsys, "check", str(tmp_path / "nope"))
    assert code == 2 and "nope: no such file or directory" in err and out == ""


def test_folder_with_nothing_readable_exits_2(capsys, tmp_path):
    (tmp_path / "a.txt").write_text("")
    code, _, err = run(capsys, "check", str(tmp_path))
    assert code == 2 and "no readable article" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_skipped(capsys, folder):
    f = folder / "secret.txt"
    f.write_text(ARTICLE)
    f.chmod(0)
    code, _, err = run(capsys, "extract", str(folder))
    assert code == 0 and "secret.txt: skipped: permission denied" in err


def test_unreadable_file_is_skipped_even_as_root(capsys, folder, monkeypatch):
    # root ignores permissions, so simulate the OS refusing the read
    real = Path.read_bytes

    def refuse(self):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    (folder / "secret.txt").write_text(ARTICLE)
    monkeypatch.setattr(Path, "read_bytes", refuse)
    code, _, err = run(capsys, "extract", str(folder))
    assert code == 0 and "secret.txt: skipped: permission denied" in err


def test_symlink_loop_does_not_hang(capsys, folder):
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "dangling.txt").symlink_to(folder / "missing.txt")
    code, out, err = run(capsys, "extract", str(folder))
    assert code == 0 and out.count('"doc": "ok.txt"') == 1
    assert "dangling.txt: skipped" in err


def test_output_into_a_missing_folder_is_created(capsys, folder, tmp_path):
    out = tmp_path / "new" / "deeper" / "report.md"
    code, _, _ = run(capsys, "check", str(folder), "-o", str(out))
    assert code == 0 and out.read_text().startswith("#")
    assert [p.name for p in out.parent.iterdir()] == ["report.md"]  # no temp file left


def test_output_that_is_a_directory_is_refused(capsys, folder, tmp_path):
    code, _, err = run(capsys, "check", str(folder), "-o", str(tmp_path))
    assert code == 2 and "is a directory" in err


def test_output_equal_to_an_input_is_refused(capsys, folder):
    target = folder / "ok.txt"
    code, _, err = run(capsys, "check", str(target), "-o", str(target))
    assert code == 2 and "overwrite" in err
    assert target.read_text(encoding="utf-8") == ARTICLE  # untouched


def test_report_inside_the_input_folder_is_refused(capsys, folder):
    code, _, err = run(capsys, "check", str(folder), "-o", str(folder / "report.md"))
    assert code == 2 and not (folder / "report.md").exists()


def test_many_files(capsys, tmp_path):
    d = tmp_path / "many"
    d.mkdir()
    for i in range(10_000):
        (d / f"{i:05d}.txt").write_text("" if i % 2 else f"Sono morte {i} persone.")
    code, out, err = run(capsys, "extract", str(d), "--format", "csv", "--jobs", "2")
    assert code == 0
    assert out.count("\n") - 1 == 5000  # one claim per non-empty file
    assert err.count("skipped: empty file") == 5000


def test_a_long_line_is_processed(capsys, tmp_path):
    f = tmp_path / "long.txt"
    chunk = "la situazione resta tesa lungo il confine e " * 100 + "sono morte 7 persone, "
    f.write_text(chunk * 2300 + "fine.\n")  # one 10 MB line, no full stop
    code, out, err = run(capsys, "extract", str(f), "--format", "csv")
    assert code == 0, err
    assert max(len(line) for line in out.splitlines()) < 5000  # quotes are bounded


def test_a_huge_file_is_refused_with_a_message(capsys, tmp_path):
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:
        fh.truncate(100 * 1024 * 1024)  # sparse: 100 MB without writing them
    code, _, err = run(capsys, "extract", str(f))
    assert code == 0 and "huge.txt: skipped" in err and "limit" in err


def test_ctrl_c_leaves_no_partial_report(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    body = "Secondo il ministero, almeno 49 soldati sono morti e 120 sono rimasti feriti. " * 400
    for i in range(3000):
        (d / f"{i:05d}.txt").write_text(f"title: Art {i}\npublished: 2022-09-1{i % 9}\n---\n{body}")
    out = tmp_path / "out" / "report.md"
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "check", str(d), "-o", str(out),
                             "--jobs", "2"], stderr=subprocess.PIPE, stdout=subprocess.PIPE,
                            start_new_session=True)
    time.sleep(4)
    assert proc.poll() is None, "finished before it could be interrupted: make the corpus larger"
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode in (130, -signal.SIGINT), err.decode()
    assert not out.exists()
    assert not out.parent.exists() or not any(out.parent.iterdir())
    assert b"Traceback" not in err


# ---------------------------------------------------------------- fuzzing the whole pipeline

# news-like pieces mixed with arbitrary Unicode, so the fuzzer reaches the rules, not only the reader
_PIECES = st.sampled_from([
    "almeno", "oltre", "circa", "fino a", "morti", "feriti", "dispersi", "soldati armeni",
    "sono morti", "people were killed", "at least", "6'500", "100.000", "2, 783", "seimila",
    "centinaia di", "tra 5.000 e 7.000", "ieri", "martedì 13 settembre", "nel 2020", "---",
    "title: x", "secondo il ministero", "according to", "\n", ". ", ",", " ", "\u00a0", "'",
])
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, lang=st.sampled_from(["it", "en"]))
def test_pipeline_never_raises_and_offsets_index_the_text(text, lang):
    article = replace(parse_article(text, "fuzz.txt", "fuzz.txt"), lang=lang)
    result = extract_article(article, _ruleset())
    for c in result.claims:
        assert 0 <= c.start < c.end <= len(article.text)
        assert article.text[c.start:c.end] == c.quantity.text
    for u in result.unclaimed:
        assert article.text[u.quantity.start:u.quantity.end] == u.quantity.text


@cache
def _ruleset():
    return load_ruleset()


def test_a_runaway_rule_is_stopped_named_and_the_others_go_on(capsys, tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(Path(__file__).parents[1] / "rules", rules)
    (rules / "claims" / "it" / "runaway.toml").write_text(
        'metric = "deaths"\ndescription = "backtracks catastrophically"\n'
        "patterns = ['{NUM} (?:a|aa)+$']\n", encoding="utf-8")
    art = tmp_path / "art.txt"
    art.write_text("title: Prova\n---\nAlmeno 12 persone sono morte nell'alluvione. "
                   "Ne restano 5 " + "a" * 60 + "!\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(art), "--rules", str(rules), "--format", "csv")
    assert code == 0
    assert "rule it/runaway pattern 1 stopped after" in err and "art.txt" in err
    assert "Almeno 12" in out  # it/deaths still claimed its figure


# ---------------------------------------------------------------- a broken rules folder

def _broken_rules(tmp_path: Path, *edits: tuple[str, str, str]) -> Path:
    """A copy of the rules folder with each ``(file, old, new)`` replacement made once."""
    rules = tmp_path / "rules"
    shutil.copytree(Path(__file__).parents[1] / "rules", rules)
    for rel, old, new in edits:
        path = rules / rel
        text = path.read_text("utf-8")
        assert old in text, f"{rel}: {old!r} not found: update the test"
        path.write_text(text.replace(old, new, 1), "utf-8")
    return rules


def _extract_with(capsys, tmp_path: Path, rules: Path) -> tuple[int, str]:
    art = tmp_path / "art.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run(capsys, "extract", str(art), "--rules", str(rules), "--jobs", "1")
    return code, err


def test_invalid_toml_in_a_data_file_names_its_file_line_and_column(capsys, tmp_path):
    rules = _broken_rules(tmp_path, ("verdicts.toml", "comparable_days = 3 ",
                                     "comparable_days = = 3 "))
    code, err = _extract_with(capsys, tmp_path, rules)
    assert code == 2
    assert f"{rules / 'verdicts.toml'}: invalid TOML: " in err
    assert "(at line 11, column" in err and "Traceback" not in err


def test_a_syntax_error_in_metrics_toml_comes_first(capsys, tmp_path):
    # without metrics every rule of every language names an unknown one: those follow from
    # the typo and are counted in one line after it, not listed
    rules = _broken_rules(tmp_path, ("metrics.toml", "[deaths]\ncumulative = true",
                                     "[deaths]\ncumulative = = true"))
    code, err = _extract_with(capsys, tmp_path, rules)
    assert code == 2 and "Traceback" not in err
    lines = err.splitlines()
    assert "metrics.toml:" in lines[0] and "R001" in lines[0]
    assert len(lines) <= 4, lines
    assert "R005 " in lines[1] and "'unknown metric' error(s) in " in lines[1]
    assert f"rule file(s) of {rules / 'claims'}/ follow from this syntax error" in lines[1]


# a bad regex in a data file, the key it is under, and why the message may not name the copy
BAD_REGEX = {
    "parents": ("lang/it/parents.toml", "between = [", "between = ['(unclosed', ",
                "parts.between", None),
    "context": ("lang/it/context.toml", "subject_cues = [", "subject_cues = ['(unclosed', ",
                "sources.subject_cues", None),
    "events": ("events.toml", "keywords = []", "keywords = ['(unclosed']", ".keywords", None),
    "subgroups": ("lang/it/subgroups.toml", "stop = [", "stop = ['(unclosed', ", "after.stop",
                  None),
}


@pytest.mark.parametrize("case", [
    pytest.param(name, marks=[pytest.mark.xfail(strict=True, reason=why)] if why else [])
    for name, (_, _, _, _, why) in BAD_REGEX.items()])
def test_a_bad_regex_in_a_data_file_names_the_file_of_the_folder_in_use(capsys, tmp_path, case):
    rel, old, new, key, _ = BAD_REGEX[case]
    rules = _broken_rules(tmp_path, (rel, old, new))
    code, err = _extract_with(capsys, tmp_path, rules)
    assert code == 2 and "Traceback" not in err
    assert key in err and "bad regex" in err
    assert f"{rules / rel}:" in err, err


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if text in line)


@pytest.mark.parametrize("old, new, seen, key", [
    # one pattern of a list of cues: the line of that pattern, not of its key
    ("subject_cues = [\n", "subject_cues = [\n  '(unclosed',\n", "'(unclosed',",
     "sources.subject_cues"),
    # one of several patterns joined into one regex: the one that does not compile alone
    ("strip = [", "strip = ['ok', '[bad', ", "strip = ['ok', '[bad'", "sources.strip"),
    # a date template: the pattern of its [[dates]] table
    ("pattern = '{DAY}/{MNUM}/{YEAR}|", "pattern = '({DAY}/{MNUM}/{YEAR}|", "pattern = '({DAY}",
     "dates[1].pattern"),
    # compiled one by one, once a traceback
    ("[[anaphora]]\npattern = '", "[[anaphora]]\npattern = '(unclosed", "pattern = '(unclosed",
     "anaphora[0].pattern"),
    ("[dateline]\npattern = '", "[dateline]\npattern = '(unclosed", "pattern = '(unclosed",
     "dateline.pattern"),
], ids=["cue", "joined", "date", "anaphora", "dateline"])
def test_a_bad_regex_in_context_toml_names_its_line(capsys, tmp_path, old, new, seen, key):
    rules = _broken_rules(tmp_path, ("lang/it/context.toml", old, new))
    path = rules / "lang" / "it" / "context.toml"
    code, err = _extract_with(capsys, tmp_path, rules)
    assert code == 2 and "Traceback" not in err
    assert f"{path}:{_line_of(path, seen)}: {key}: bad regex " in err, err


def test_a_bad_correction_cue_in_verdicts_toml_stops_the_load(capsys, tmp_path):
    # the cues are compiled at the first comparison that needs one: once a traceback there
    rules = _broken_rules(tmp_path, ("verdicts.toml", "[corrections.cues]\nit = [",
                                     "[corrections.cues]\nit = ['(unclosed', "))
    path = rules / "verdicts.toml"
    code, err = _extract_with(capsys, tmp_path, rules)
    assert code == 2 and "Traceback" not in err
    line = _line_of(path, "it = ['(unclosed'")
    assert f"{path}:{line}: corrections.cues.it[0]: bad regex '(unclosed': " in err, err


def test_where_names_the_line_of_a_value_or_of_its_key(tmp_path):
    from factcheck.tomlfile import where

    f = tmp_path / "x.toml"
    f.write_text("# comment\n[a]\nlist = [\n  'one',\n  'two',\n]\n\n[[b]]\nk = 1\n\n[[b]]\nk = 2\n",
                 "utf-8")
    assert where(f, ("a", "list", 1)) == f"{f}:5"
    assert where(f, ("a", "list", 9)) == f"{f}:3"  # no such item: its key
    assert where(f, ("b", 1, "k")) == f"{f}:12"
    assert where(tmp_path / "none.toml", ("a",)) == str(tmp_path / "none.toml")
