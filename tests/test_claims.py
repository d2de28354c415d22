"""The claim stage on real text: the seeds' figures, cross-metric traps, masking guards."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.articles import read_article
from factcheck.claims import extract_claims, mask
from factcheck.pipeline import claims_in_text
from factcheck.model import Quantity, Sentence
from factcheck.paths import rules_dir
from factcheck.pipeline import by_sentence, find_article_quantities
from factcheck.rules import TOKEN_CLAIMABLE, TOKEN_FILL, TOKEN_OTHER, load_rules
from factcheck.sentences import split_sentences

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def ruleset():
    return load_rules(rules_dir())


def _seed_claims(name: str, ruleset) -> list[tuple[str, str]]:
    art = read_article(SEEDS / name)
    sentences = split_sentences(art.text, art.lang, art.regions)
    out = []
    for s, qs in by_sentence(sentences, find_article_quantities(art)):
        made, _ = extract_claims(art.id, art.lang, s, qs, ruleset)
        out.extend((c.quantity.text, c.metric) for c in made)
    return out


# every in-scope figure of the seeds, with its metric; nothing else
SEED_CLAIMS = {
    "000_1ebefa9cf3bc2293.txt": [("circa 100.000", "population"), ("centinaia", "deaths"),
                                 ("più di 100.000", "displaced")],
    "001_b1ae52b9ffe39a62.txt": [("circa 30.000", "deaths")],
    "002_81ba2853dffa6702.txt": [("migliaia e migliaia", "displaced"), ("circa 2000", "troops"),
                                 ("oltre 6'500", "deaths")],
    "003_1cd965bc780c27c3.txt": [("fino a 100", "deaths")],
    "004_937be6888e573bd5.txt": [("Almeno 49", "deaths"), ("50", "deaths"), ("Un", "deaths"),
                                 ("oltre seimila", "deaths"), ("circa 30.000", "deaths")],
}


@pytest.mark.parametrize("name", sorted(SEED_CLAIMS))
def test_seed_figures_are_claimed_with_their_metric(name: str, ruleset) -> None:
    assert _seed_claims(name, ruleset) == SEED_CLAIMS[name]


def test_seed_list_is_complete() -> None:
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == sorted(SEED_CLAIMS)


@pytest.mark.parametrize("text", [
    "I leader furono costretti ad arrendersi dopo 24 ore di combattimenti.",
    "Ci sono stati progressi negli ultimi 18 mesi.",
    "La nazione si è rivolta alla CSTO ai sensi dell'articolo 4.",
    "La NATO nel corso degli anni si è espansa a circa 30 nazioni.",
    "Erano presenti rappresentanti di tutti e sei i paesi membri.",
    "Nel 2020 sono morti molti soldati in quella regione.",
    "Dal 2014 sono morti molti civili nel Donbass.",
    "Il 19 settembre l'Azerbaigian ha lanciato un'offensiva.",
])
def test_never_a_claim(text: str, ruleset) -> None:
    claims, _ = claims_in_text(text, "it", ruleset)
    assert claims == [], [(c.quantity.text, c.metric) for c in claims]


@pytest.mark.parametrize("text, expected", [
    # the metric comes from the predicate, not the noun
    ("Mosca ha inviato 2000 soldati nella regione.", [("2000", "troops")]),
    ("Almeno 49 soldati armeni sono morti.", [("Almeno 49", "deaths")]),
    ("Il contingente conta circa 2000 soldati.", [("circa 2000", "troops")]),
    ("Il battaglione contava 300 uomini, 50 dei quali risultano dispersi.",
     [("300", "troops"), ("50", "missing")]),
    ("Più di 100.000 persone sono fuggite.", [("Più di 100.000", "displaced")]),
    ("Una popolazione di 120.000 abitanti.", [("120.000", "population")]),
    ("Oltre 2.000 residenti sono stati evacuati.", [("Oltre 2.000", "displaced")]),
    ("Kiev ha rilasciato 106 militari russi.", [("106", "prisoners")]),
    ("È di 267 morti e 387 feriti il bilancio.", [("267", "deaths"), ("387", "wounded")]),
    ("Sono 719.240 i soldati russi uccisi o feriti.", [("719.240", "casualties")]),
    ("Hamas consegnerà i corpi di 28 ostaggi.", [("28", "deaths")]),
])
def test_cross_metric_traps(text: str, expected: list, ruleset) -> None:
    claims, _ = claims_in_text(text, "it", ruleset)
    assert [(c.quantity.text, c.metric) for c in claims] == expected


def test_per_side_breakdown_shares_the_qualifier(ruleset) -> None:
    claims, _ = claims_in_text("Almeno 49 soldati armeni e 50 azeri sono morti.", "it", ruleset)
    assert [(c.quantity.qualifier, c.quantity.low, c.quantity.high) for c in claims] == [
        ("at_least", 49, None), ("at_least", 50, None)]
    assert [(c.who, c.side) for c in claims] == [("soldati armeni", "armeni"), ("azeri", "azeri")]


def test_who_survives_when_a_shorter_pattern_of_the_same_rule_wins(ruleset) -> None:
    [c] = claims_in_text("Sono 2.855 i militari morti dall'inizio dell'offensiva.", "it",
                         ruleset)[0]
    assert (c.metric, c.who) == ("deaths", "militari")


def test_a_guard_after_the_figure_cannot_be_dodged(ruleset) -> None:
    # {NUM} binds the whole token: "(?! carri armati)" holds for "12 carri armati"
    claims, _ = claims_in_text("L'esercito ha catturato 12 carri armati.", "it", ruleset)
    assert claims == []


def test_unclaimed_counts_come_back_with_a_reason(ruleset) -> None:
    _, unclaimed = claims_in_text("Ha 45 anni e ha perso due fratelli nel conflitto.", "it",
                                  ruleset)
    assert [(u.quantity.text, u.reason) for u in unclaimed] == [("due", "no rule matched")]


def test_mask_keeps_offsets_and_marks_kinds() -> None:
    text = "Nel 2020 49 morti"
    qs = [Quantity(4, 8, "2020", "year", 2020, 2020, 2020),
          Quantity(9, 11, "49", "count", 49, 49, 49)]
    masked = mask(text, 0, qs)
    assert len(masked) == len(text)
    assert masked == f"Nel {TOKEN_OTHER}{TOKEN_FILL * 3} {TOKEN_CLAIMABLE}{TOKEN_FILL} morti"


def test_a_figure_quoted_alone_meets_its_noun(ruleset) -> None:
    """Both quotes around a figure quoted alone join its token, which starts at the opening
    one, so the figure reaches its noun and its verb as if unquoted; the claim's span is
    still the figure's own."""
    text = 'The ministry said “200 to 300” people were killed, and "40" were injured.'
    claims, _ = claims_in_text(text, "en", ruleset)
    assert [(c.quantity.text, c.metric) for c in claims] == [("200 to 300", "deaths"),
                                                            ("40", "wounded")]
    qs = [Quantity(19, 29, "200 to 300", "count", 200, 200, 300, "range")]
    masked = mask(text, 0, qs)
    assert len(masked) == len(text)
    assert masked[17:31] == f" {TOKEN_CLAIMABLE}{TOKEN_FILL * 11} "
    # a quote that opens nothing around the figure stays: 'the "official" 300'
    assert mask('the "official" 300', 0, [Quantity(15, 18, "300", "count", 300, 300, 300)]
                ).endswith(f'" {TOKEN_CLAIMABLE}{TOKEN_FILL * 2}')


def test_a_quoted_figure_after_its_verb_is_the_toll(ruleset) -> None:
    """A toll's figure quoted alone after its copula is read as if unquoted, in both
    languages, with the figure's own span."""
    text = 'The ministry said the number of dead would be "about 60" after the recount.'
    [c], _ = claims_in_text(text, "en", ruleset)
    assert (c.quantity.text, c.metric) == ("about 60", "deaths")
    assert text[c.start:c.end] == "about 60"
    text = 'Secondo la prefettura le vittime sarebbero "circa 40".'
    [c], _ = claims_in_text(text, "it", ruleset)
    assert (c.quantity.text, c.metric, c.quantity.value) == ("circa 40", "deaths", 40)


def test_claim_offsets_point_at_the_figure(ruleset) -> None:
    text = "Titolo. Nel terremoto sono morte circa 300 persone."
    s = Sentence(8, len(text), text[8:])
    qs = [Quantity(33, 42, "circa 300", "count", 300, 270, 330, "approx")]
    [c], _ = extract_claims("d", "it", s, qs, ruleset)
    assert text[c.start:c.end] == "circa 300" and c.quote_start == 8
