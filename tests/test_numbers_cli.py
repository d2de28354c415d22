"""`factcheck numbers`: the table people read, through the real CLI entry point."""

from __future__ import annotations

import io
import sys

import pytest

from factcheck.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def rows(out: str) -> list[list[str]]:
    """Table body split on runs of two or more spaces (cells never hold two spaces)."""
    import re

    lines = out.splitlines()
    return [re.split(r"\s{2,}", ln.strip()) for ln in lines[2:]]


class _Stdin(io.TextIOWrapper):
    def isatty(self) -> bool:
        return False


def feed(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(io.BytesIO(data), encoding="utf-8"))


def test_header_lists_every_column(capsys):
    code, out, _ = run(capsys, "numbers", "--lang", "it", "Sono morti 49 soldati.")
    assert code == 0
    assert out.splitlines()[0].split() == ["span", "kind", "value", "low", "high", "qualifier",
                                           "ambiguous"]
    assert set(out.splitlines()[1]) <= {"-", " "}


def test_italian_figures_are_read_as_intervals(capsys):
    text = "Oltre 6'500 morti, tra 5.000 e 7.000 profughi, centinaia di feriti nel 2020."
    code, out, _ = run(capsys, "numbers", "--lang", "it", text)
    assert code == 0
    assert rows(out) == [
        ["Oltre 6'500", "count", "6500", "(6500", "open", "more_than"],
        ["tra 5.000 e 7.000", "count", "5000", "5000", "7000", "range"],
        ["centinaia", "count", "100", "200", "999", "vague"],
        ["2020", "year", "2020", "2020", "2020", "exact"],
    ]


def test_columns_are_aligned(capsys):
    code, out, _ = run(capsys, "numbers", "--lang", "en", "About 200 people and 6,600 soldiers.")
    lines = out.splitlines()
    starts = {ln.index("count") for ln in lines[2:]}
    assert code == 0 and len(starts) == 1  # the kind column starts at the same place on each row


def test_ambiguous_separator_is_flagged(capsys):
    code, out, _ = run(capsys, "numbers", "--lang", "it", "Il valore indicato era 10,000 nel rapporto.")
    assert code == 0
    assert rows(out)[0] == ["10,000", "count", "10000", "10000", "10000", "exact", "yes"]


def test_less_than_shows_an_excluded_upper_bound(capsys):
    code, out, _ = run(capsys, "numbers", "--lang", "en", "under 20 people")
    assert rows(out)[0] == ["under 20", "count", "20", "0", "20)", "less_than"]


def test_auto_language_reads_english_separators(capsys):
    code, out, _ = run(capsys, "numbers", "More than 6,600 soldiers were killed in the war.")
    assert code == 0 and rows(out)[0][:3] == ["More than 6,600", "count", "6600"]


def test_auto_language_reads_italian_separators(capsys):
    code, out, _ = run(capsys, "numbers", "Sono morti 6.600 soldati durante la guerra.")
    assert code == 0 and rows(out)[0][:3] == ["6.600", "count", "6600"]


def test_several_texts_get_a_line_column(capsys):
    code, out, _ = run(capsys, "numbers", "--lang", "en", "about 200 people", "nearly 5,000 troops")
    assert code == 0
    assert out.splitlines()[0].split()[0] == "line"
    assert [r[:2] for r in rows(out)] == [["1", "about 200"], ["2", "nearly 5,000"]]


def test_stdin_is_read_one_text_per_line(capsys, monkeypatch):
    feed(monkeypatch, "quasi 5.000 sfollati\n\ncirca 30 nazioni\n".encode())
    code, out, _ = run(capsys, "numbers", "--lang", "it")
    assert code == 0
    assert [r[:3] for r in rows(out)] == [["1", "quasi 5.000", "count"], ["2", "circa 30", "count"]]


def test_stdin_in_cp1252_is_decoded(capsys, monkeypatch):
    feed(monkeypatch, "pi\xf9 di 40 civili".encode("cp1252"))
    code, out, _ = run(capsys, "numbers", "--lang", "it")
    assert code == 0 and rows(out)[0][:2] == ["più di 40", "count"]


def test_binary_stdin_is_a_clear_error(capsys, monkeypatch):
    feed(monkeypatch, b"\x00\x01\x02binary")
    code, out, err = run(capsys, "numbers")
    assert code == 2 and out == ""
    assert err.startswith("factcheck: error: stdin:") and "Traceback" not in err


def test_text_without_numbers_prints_an_empty_table_and_a_note(capsys):
    code, out, err = run(capsys, "numbers", "--lang", "it", "Nessuna cifra in questa frase.")
    assert code == 0 and len(out.splitlines()) == 2
    assert "no numbers found" in err


@pytest.mark.parametrize("argv", [["numbers", "--lang", "fr", "10"], ["numbers", "--bogus"]],
                         ids=["unknown-language", "unknown-option"])
def test_usage_errors_exit_2(capsys, argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    _, err = capsys.readouterr()
    assert exc.value.code == 2 and "factcheck: error:" in err and "Traceback" not in err


def test_span_with_a_no_break_space_stays_on_one_row(capsys):
    code, out, _ = run(capsys, "numbers", "--lang", "it", "Sono 6\u00a0500 persone\nin fuga.")
    assert code == 0 and rows(out) == [["6 500", "count", "6500", "6500", "6500", "exact"]]


def test_a_missing_rules_folder_is_a_clear_error(capsys, tmp_path):
    # the number reader falls back to the default folder's data for a file a folder lacks:
    # a mistyped --rules must not silently read the default instead
    code, out, err = run(capsys, "numbers", "--rules", str(tmp_path / "nope"), "40 morti")
    assert code == 2 and out == ""
    assert f"--rules {tmp_path / 'nope'}: no such folder" in err and "Traceback" not in err


def test_a_rules_folder_without_number_words_reads_the_default(capsys, tmp_path):
    # a folder of claim rules alone (as explain and rules test take) reads the default words
    code, out, _ = run(capsys, "numbers", "--lang", "it", "--rules", str(tmp_path),
                       "quaranta morti")
    assert code == 0 and rows(out)[0][:3] == ["quaranta", "count", "40"]
