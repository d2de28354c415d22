"""``explain``: what the claim stage did with a sentence, for rule authors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.explain import explain_text, render, show_masked
from factcheck.numbers import find_quantities
from factcheck.paths import rules_dir
from factcheck.rules import load_rules

ROOT = rules_dir()


@pytest.fixture(scope="module")
def ruleset():
    return load_rules(ROOT)


def _one(text: str, ruleset, **kw):
    [e] = explain_text(text, "it", ruleset, **kw)
    return e


def test_quantities_and_masked_sentence(ruleset) -> None:
    e = _one("Nel 2020 almeno 49 soldati armeni sono morti.", ruleset)
    assert [q.text for q in e.quantities] == ["2020", "almeno 49"]
    assert e.masked.endswith("<2> soldati armeni sono morti.")
    assert e.masked.startswith("Nel <1")


def test_show_masked_labels_non_counts_with_their_kind() -> None:
    text = "Dal 14 settembre 300 persone sono fuggite."
    qs = sorted(find_quantities(text, "it"), key=lambda q: q.start)
    assert show_masked(text, 0, qs) == "Dal <1:date> <2> persone sono fuggite."


def test_pattern_that_matched_and_the_figures_it_bound(ruleset) -> None:
    e = _one("Almeno 49 soldati armeni e 50 azeri sono morti martedì.", ruleset)
    deaths = next(r for r in e.rules if r.rule.id == "it/deaths")
    assert deaths.matched and not deaths.vetoed
    hit = next(p for p in deaths.patterns if p.matched)
    assert hit.index == 1
    [trace] = hit.matches
    assert trace.text(e.sentence) == "Almeno 49 soldati armeni e 50 azeri sono morti"
    assert [q.text for q in trace.quantities] == ["Almeno 49", "50"]
    # every other rule and pattern is reported too, as not matching
    assert {r.rule.id for r in e.rules} == {r.id for r in ruleset.for_lang("it")}
    assert all(not p.matched for r in e.rules if r.rule.id != "it/deaths" for p in r.patterns)


def test_claims_and_the_rules_they_won_over(ruleset) -> None:
    e = _one("Il contingente russo conta circa 2000 soldati.", ruleset)
    assert [(c.metric, c.quantity.value) for c in e.claims] == [("troops", 2000)]
    out = render([e])
    # the Russian contingent's force: its side is the party the sentence names (issue 16)
    assert ("troops 'circa 2000' = 2000 (approx, 1800..2200) who='soldati' side='russia' "
            "by it/troops") in out


def test_cross_metric_competition_is_shown(ruleset) -> None:
    # "i soldati russi uccisi" alone is deaths; "uccisi o feriti" is the longer casualty match
    out = render(explain_text("Sono 719.240 i soldati russi uccisi o feriti.", "it", ruleset))
    assert "casualties '719.240' = 719240" in out
    assert "won over it/deaths (pattern 3, priority 0)" in out


def test_veto_is_shown_with_the_words_that_fired(ruleset) -> None:
    e = _one("Nel film di guerra muoiono 300 soldati in una sola scena.", ruleset)
    deaths = next(r for r in e.rules if r.rule.id == "it/deaths")
    assert deaths.vetoed
    veto = next(p for p in deaths.unless if p.matched)
    assert veto.matches[0].text(e.sentence) == "film"
    out = render([e])
    assert "it/deaths [deaths, priority 0]: VETOED" in out and "veto 'film'" in out
    assert "not claimed: '300': vetoed by unless in it/deaths" in out


def test_unclaimed_count_says_why(ruleset) -> None:
    out = render(explain_text("Ha 45 anni e ha perso due fratelli.", "it", ruleset))
    assert "not claimed: 'due': no rule matched" in out
    assert "claims: none" in out


def test_year_that_a_pattern_would_bind_is_not_a_count(ruleset) -> None:
    out = render(explain_text("Le vittime sono salite a 2020 secondo il ministero.", "it",
                              ruleset))
    # the number reader may read this 2020 as a count or a year; either way it is explained
    assert "2020" in out and ("not a count" in out or "claims:" in out)


def test_sentence_without_a_count_does_not_run_rules(ruleset) -> None:
    out = render(explain_text("Gli scontri sono continuati dal 1991.", "it", ruleset))
    assert "rules: not run" in out


def test_only_some_rules(ruleset) -> None:
    e = _one("Almeno 49 soldati sono morti.", ruleset, only=["it/deaths"])
    assert [r.rule.id for r in e.rules] == ["it/deaths"]


def test_no_number_at_all(ruleset) -> None:
    assert explain_text("Nessun numero qui.", "it", ruleset) == []
    assert render([]) == "no sentence with a number\n"


# ---------------------------------------------------------------- the command

def test_cli_text(capsys) -> None:
    assert main(["explain", "--lang", "it", "Oltre 400 persone sono rimaste ferite."]) == 0
    out = capsys.readouterr().out
    assert out.startswith("sentence: Oltre 400 persone sono rimaste ferite.")
    assert "masked:   <1> persone sono rimaste ferite." in out
    assert ("wounded 'Oltre 400' = 400 (more_than, 400..open) who='persone' side='total' "
            "by it/wounded") in out


def test_cli_matches_only_and_verbose(capsys) -> None:
    assert main(["explain", "--lang", "it", "-m", "-v", "Sono morte 14 persone."]) == 0
    out = capsys.readouterr().out
    assert "it/deaths" in out and "it/troops" not in out
    assert "{KILL}" in out  # verbose prints each pattern as written


def test_cli_file_and_line(tmp_path: Path, capsys) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Titolo\n\nIl bilancio delle vittime è salito a 280.\nNel 2020 ci fu la guerra.\n",
                 encoding="utf-8")
    assert main(["explain", "--lang", "it", f"{f}:3"]) == 0
    out = capsys.readouterr().out
    assert "deaths '280' = 280" in out and "2020" not in out
    assert main(["explain", "--lang", "it", str(f)]) == 0
    out = capsys.readouterr().out
    assert "deaths '280'" in out and "sentence: Nel 2020" in out


def test_cli_line_out_of_range_is_exit_2(tmp_path: Path, capsys) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Una riga sola con 3 morti.\n", encoding="utf-8")
    assert main(["explain", f"{f}:9"]) == 2
    assert "no line 9" in capsys.readouterr().err


def test_cli_unknown_rule_is_exit_2(capsys) -> None:
    assert main(["explain", "--rule", "it/death", "3 morti"]) == 2
    assert "unknown rule it/death" in capsys.readouterr().err


def test_cli_rules_option_and_timeouts(tmp_path: Path, capsys) -> None:
    root = tmp_path / "rules"
    (root / "lang" / "it").mkdir(parents=True)
    (root / "claims" / "it").mkdir(parents=True)
    shutil.copy(ROOT / "metrics.toml", root / "metrics.toml")
    for name in ("claims.toml", "sides.toml"):
        shutil.copy(ROOT / "lang" / "it" / name, root / "lang" / "it" / name)
    fixtures = Path(__file__).parent / "data" / "rules" / "claims" / "it"
    shutil.copy(fixtures / "slow.toml", root / "claims" / "it")
    shutil.copy(fixtures / "good.toml", root / "claims" / "it")
    text = "Ci sono stati 290 morti e 5 " + "a" * 60 + "!"
    assert main(["explain", "--lang", "it", "--rules", str(root), text]) == 0
    out = capsys.readouterr().out
    assert "deaths '290' = 290" in out and "by it/good" in out
    assert "pattern 1  TIMED OUT" in out


def test_unclaimed_count_says_what_the_matches_bound_instead(ruleset) -> None:
    # "4 scuole" is no count of people; the deaths pattern that matched bound the 12 only
    out = render(explain_text("L'attacco ha ucciso 12 civili e danneggiato 4 scuole.", "it", ruleset))
    assert "not claimed: '4': no rule matched (no pattern bound <2>; it/deaths pattern" in out
    assert "bound <1>)" in out


def test_each_claim_shows_its_context_decisions_and_the_words_behind_them(capsys,
                                                                           shared_datadir):
    # a dated article: "lunedì" is read against its publication date (2024-03-05)
    path = shared_datadir / "newsroom" / "archive" / "frana_gazzetta.txt"
    assert main(["explain", str(path), "-m"]) == 0
    out = capsys.readouterr().out
    assert ("    deaths '12' = 12 (exact, 12..12) side='total' by it/deaths\n"
            "      event: auto:landslide:valcorvo:2024-03 (auto: what happened and where; "
            "words 'frana'; landslide · Valcorvo · March 2024)\n"
            "      period: 2024-03-04 (relative: read from 'lunedì')\n"
            "      side: total\n"
            "      subgroup: none (everyone counted)\n"
            "      source: 'protezione civile' (attributed: the words it was read from; "
            "rescue)\n") in out


def test_context_of_a_figure_with_a_group_and_no_attribution(ruleset):
    [e] = explain_text("Almeno 49 soldati armeni sono morti nel 2020.", "it", ruleset)
    out = render([e])
    assert "      period: 2020-01-01 – 2020-12-31 (explicit: read from 'nel 2020')\n" in out
    assert "      side: armenia (from 'soldati armeni')\n" in out
    assert "      source: unknown\n" in out


def test_an_automatic_event_shows_its_trigger_and_place_words_and_its_name(capsys):
    assert main(["explain", "L'alluvione ha travolto Faenza: i morti sono 9."]) == 0
    out = capsys.readouterr().out
    assert ("event: auto:flood:faenza (auto: what happened and where; "
            "words 'alluvione', 'Faenza'; flood · Faenza)") in out


def test_a_sentence_longer_than_a_file_name_is_read_as_text(capsys) -> None:
    """A long pasted paragraph is text to explain, not a path the OS refuses ("File name too
    long"): no traceback."""
    sentence = " ".join(["Secondo la protezione civile almeno 40 persone sono morte."] * 8)
    assert len(sentence) > 255
    assert main(["explain", "--lang", "it", sentence]) == 0
    assert "40" in capsys.readouterr().out
