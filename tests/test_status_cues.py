"""What a figure is (its status), as a specification: a sentence in, each figure's value and
status out; and a level of people in a serious condition never contradicts the wounded toll.

The statuses (tests/corpus/GUIDE.md): counted, estimated, feared, projected, increment,
hospitalised. The cues are data ([status] in rules/lang/<lang>/claims.toml); these cases pin
the decisions they encode, in both languages, each with its counter-example.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.paths import rules_dir
from factcheck.pipeline import claims_in_text
from factcheck.rules import load_rules


@pytest.fixture(scope="module")
def ruleset():
    return load_rules(rules_dir())


def statuses(text: str, lang: str, ruleset) -> list[tuple[int, str]]:
    claims, _ = claims_in_text(text, lang, ruleset)
    return [(int(c.quantity.value), c.status) for c in claims]


@pytest.mark.parametrize("text,expected", [
    # the condizionale di cronaca: reported, unconfirmed, still a count of what happened
    ("Secondo fonti locali ci sarebbero 14 vittime.", [(14, "counted")]),
    ("Sarebbero 26 i morti nel crollo, secondo i pompieri.", [(26, "counted")]),
    ("Secondo la questura il bilancio delle vittime salirebbe a 19.", [(19, "counted")]),
    # a conditional worked out ("quindi"), a modal, a fear, the future of probability
    ("Contando i dispersi, il bilancio salirebbe quindi a 33 morti.", [(33, "projected")]),
    ("Il bilancio potrebbe salire a 80 vittime.", [(80, "projected")]),
    ("I morti potrebbero essere quasi 90.", [(90, "feared")]),
    ("Si temono 45 morti.", [(45, "feared")]),
    ("Saranno almeno 35 le vittime, dicono i soccorritori.", [(35, "projected")]),
    # a reported count next to a warning stays a count
    ("Le vittime sarebbero 27, ma il bilancio rischia di crescere.", [(27, "counted")]),
])
def test_italian_conditional_and_modals(text: str, expected: list, ruleset) -> None:
    assert statuses(text, "it", ruleset) == expected


@pytest.mark.parametrize("text,expected", [
    ("At least 18 people were reportedly killed.", [(18, "counted")]),
    ("The death toll could rise to 70.", [(70, "projected")]),
    ("As many as 55 people are feared dead.", [(55, "feared")]),
    ("There could be as many as 250 dead.", [(250, "feared")]),
    # "the N victims" after a modal are people already counted
    ("The city will honour the 64 victims of the blast next week.", [(64, "counted")]),
    # "feared dead" is the first figure's; the missing after it stand
    ("Officials said 75 people were feared dead and up to 300 others were missing.",
     [(75, "feared"), (300, "counted")]),
])
def test_english_modals_and_fears(text: str, expected: list, ruleset) -> None:
    assert statuses(text, "en", ruleset) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # a condition only patients are in: a level, with or without "still", quoted or not
    ("Sono nove i feriti in gravi condizioni.", "it", [(9, "hospitalised")]),
    ("Intanto sei persone restano «in condizioni critiche».", "it", [(6, "hospitalised")]),
    ("Eleven people are in critical condition, doctors said.", "en", [(11, "hospitalised")]),
    ('Four patients remain "in a serious condition".', "en", [(4, "hospitalised")]),
    ("The number of injured still in hospitals has fallen to 28.", "en", [(28, "hospitalised")]),
    # a part of a fresh count stated before it stays counted (a breakdown, linked to its whole)
    ("Ci sono 21 feriti, di cui tre in gravi condizioni.", "it", [(21, "counted"), (3, "counted")]),
    ("The quake injured 400 people, of whom 35 were in a serious condition.", "en",
     [(400, "counted"), (35, "counted")]),
    # the condition on the way to hospital: the first count of the hurt
    ("Three people were flown to hospital in critical condition.", "en", [(3, "counted")]),
])
def test_a_condition_is_a_level_unless_a_part_or_on_the_way(text: str, lang: str,
                                                           expected: list, ruleset) -> None:
    assert statuses(text, lang, ruleset) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # an estimate verb governs its clause and every figure joined in it
    ("Secondo le prime stime gli sfollati sarebbero circa 6.000, e i dispersi circa 150.", "it",
     [(6000, "estimated"), (150, "estimated")]),
    ("Si stima che 90 persone siano morte, ma la prefettura conferma 22 vittime.", "it",
     [(90, "estimated"), (22, "counted")]),
    ("Experts estimate that, across the three flooded valleys, 600 people died.", "en",
     [(600, "estimated")]),
    # a study's figure, excess deaths
    ("Around 700 deaths in the province, as estimated by a hospital survey, followed the storm.",
     "en", [(700, "estimated")]),
    ("About 500 more deaths than usual were recorded that winter.", "en", [(500, "estimated")]),
])
def test_estimates(text: str, lang: str, expected: list, ruleset) -> None:
    assert statuses(text, lang, ruleset) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # finds are additions to the toll ...
    ("Divers recovered the bodies of four sailors overnight.", "en", [(4, "increment")]),
    ("Il torrente continua a restituire decine di corpi.", "it", [(10, "increment")]),
    # ... not the others still missing, nor the hurt told after the dead, nor an ordinal toll
    ("Altre 80 persone risultano ancora disperse.", "it", [(80, "counted")]),
    ("Another 60 people were injured in the blast.", "en", [(60, "counted")]),
    ("Rescuers found a ninth victim on Friday.", "en", [(9, "counted")]),
])
def test_increments_and_others(text: str, lang: str, expected: list, ruleset) -> None:
    assert statuses(text, lang, ruleset) == expected


def _two_reports(tmp_path: Path, later: str) -> Path:
    """An attack's first wounded toll (59) and a report two days later (``later``)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    head = "---\ntitle: {t}\nsource: {s}\npublished: {p}\nlang: it\n---\n"
    (folder / "a.md").write_text(
        head.format(t="Attentato a Valcorvo", s="Corriere Gamma", p="2024-03-04")
        + "L'attentato di lunedì alla stazione di Valcorvo ha causato 59 feriti, ha detto "
          "la polizia.\n", "utf-8")
    (folder / "b.md").write_text(
        head.format(t="Valcorvo, due giorni dopo", s="Giornale Delta", p="2024-03-06")
        + f"Dopo l'attentato di lunedì alla stazione di Valcorvo, {later}, ha detto la "
          "polizia.\n", "utf-8")
    return folder


@pytest.mark.parametrize("later,code", [
    ("sono dodici i feriti in gravi condizioni", 0),  # a level: never against the toll
    ("i feriti sono dodici", 1),                       # a toll that fell: a contradiction
])
def test_a_level_never_contradicts_the_wounded_toll(tmp_path, capsys, later, code) -> None:
    from factcheck.cli import main

    folder = _two_reports(tmp_path, later)
    assert main(["check", str(folder), "--jobs", "1", "--fail-on", "contradiction"]) == code
    capsys.readouterr()
