"""Specification of the number reader: news sentences in, exact figures out.

Each case is a sentence we wrote in the style of a wire report, the language, and every
quantity the reader must return, in text order: span text, kind, value, low, high, qualifier.
``None`` as a bound means open. Only the listed quantities may be found (the whole list is
compared), so a year or a duration that turns into a count fails the case.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from factcheck.numbers import find_quantities

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"


@dataclass(frozen=True)
class Want:
    """One expected quantity; ``ambiguous`` is checked only when given."""

    text: str
    kind: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str = "exact"
    ambiguous: bool | None = None


def exact(text: str, value: float, kind: str = "count", **kw) -> Want:
    return Want(text, kind, value, value, value, "exact", **kw)


def check(sentence: str, lang: str, wants: list[Want]) -> None:
    got = find_quantities(sentence, lang)
    assert [q.text for q in got] == [w.text for w in wants], [(q.text, q.kind) for q in got]
    for q, w in zip(got, wants):
        assert sentence[q.start:q.end] == q.text
        assert (q.kind, q.qualifier) == (w.kind, w.qualifier), q
        assert q.value == pytest.approx(w.value), q
        for bound, expected in ((q.low, w.low), (q.high, w.high)):
            if expected is None:
                assert bound is None, q
            else:
                assert bound == pytest.approx(expected), q
        if w.ambiguous is not None:
            assert q.ambiguous is w.ambiguous, q


def cases(*rows: tuple) -> list:
    """pytest params from (id, sentence, [Want, ...]) rows."""
    return [pytest.param(sentence, wants, id=case_id) for case_id, sentence, wants in rows]


# ---------------------------------------------------------------- digits and separators

IT_DIGITS = cases(
    ("dot-thousands", "Secondo la protezione civile, 6.500 persone hanno lasciato le case.",
     [exact("6.500", 6500)]),
    ("apostrophe", "Il comune conta 6'500 sfollati dopo l'alluvione.", [exact("6'500", 6500)]),
    ("typographic-apostrophe", "Il comune conta 6’500 sfollati dopo l'alluvione.",
     [exact("6’500", 6500)]),
    ("space", "Sono stati registrati 6 500 rifugiati al valico.", [exact("6 500", 6500)]),
    ("nbsp", f"Sono stati registrati 6{NBSP}500 rifugiati al valico.",
     [exact(f"6{NBSP}500", 6500)]),
    ("narrow-nbsp", f"Sono stati registrati 6{NNBSP}500 rifugiati al valico.",
     [exact(f"6{NNBSP}500", 6500)]),
    ("thin-space", f"Sono stati registrati 6{THIN}500 rifugiati al valico.",
     [exact(f"6{THIN}500", 6500)]),
    ("hundred-thousand", "Nella capitale hanno sfilato 100.000 manifestanti.",
     [exact("100.000", 100000)]),
    ("two-groups", "Il censimento indica 1.250.000 abitanti nella regione.",
     [exact("1.250.000", 1250000)]),
    ("decimal-comma", "La scossa ha avuto una magnitudo di 6,5 secondo l'istituto.",
     [exact("6,5", 6.5, "decimal")]),
    ("thousands-and-decimal", "Il raccolto è sceso a 1.200,5 quintali per ettaro.",
     [exact("1.200,5", 1200.5, "decimal")]),
    ("scraped-comma-space", "Il bilancio ufficiale parla di 2, 783 soldati uccisi.",
     [exact("2, 783", 2783)]),
    ("scraped-comma-space-not-a-count", "Hanno votato i comuni 2, 783 no.",
     [exact("2", 2), exact("783", 783)]),
    ("comma-thousands-before-people", "Al confine sono arrivati 10,000 armeni in due giorni.",
     [exact("10,000", 10000, ambiguous=False), exact("due giorni", 2, "duration")]),
    ("comma-three-digits-unclear", "Il coefficiente stimato era 10,125 nel modello.",
     [exact("10,125", 10.125, "decimal", ambiguous=True)]),
    ("comma-000-unclear", "L'indice citato nel documento era 10,000 secondo gli autori.",
     [exact("10,000", 10000, ambiguous=True)]),
    ("plain", "Sono morti 49 soldati armeni.", [exact("49", 49)]),
    ("a-quota", "Le vittime sono salite a quota 3.000.", [exact("3.000", 3000)]),
)

EN_DIGITS = cases(
    ("comma-thousands", "Officials said 6,500 people had fled the city.", [exact("6,500", 6500)]),
    ("apostrophe", "The agency counted 6'500 refugees at the border.", [exact("6'500", 6500)]),
    ("nbsp", f"The agency counted 6{NBSP}500 refugees at the border.",
     [exact(f"6{NBSP}500", 6500)]),
    ("thin-space", f"The agency counted 6{THIN}500 refugees at the border.",
     [exact(f"6{THIN}500", 6500)]),
    ("two-groups", "The census found 1,250,000 residents in the province.",
     [exact("1,250,000", 1250000)]),
    ("decimal-point", "The quake had a magnitude of 6.5, the institute said.",
     [exact("6.5", 6.5, "decimal")]),
    ("thousands-and-decimal", "Exports fell to 1,200.5 tonnes last quarter.",
     [Want("1,200.5 tonnes", "other", 1200.5, 1200.5, 1200.5)]),
    ("scraped-comma-space", "The ministry put the toll at 2, 783 soldiers killed.",
     [exact("2, 783", 2783)]),
    ("dot-three-digits-flagged", "The index quoted in the paper was 10.000 points lower.",
     [exact("10.000", 10000, ambiguous=True)]),
)


@pytest.mark.parametrize("sentence, wants", IT_DIGITS)
def test_italian_digits(sentence, wants):
    check(sentence, "it", wants)


@pytest.mark.parametrize("sentence, wants", EN_DIGITS)
def test_english_digits(sentence, wants):
    check(sentence, "en", wants)


# ---------------------------------------------------------------- words

IT_WORDS = cases(
    ("cinque", "Cinque giornalisti sono stati fermati alla frontiera.", [exact("Cinque", 5)]),
    ("trentasei", "Nel raid sono rimasti feriti trentasei civili.", [exact("trentasei", 36)]),
    ("seimila", "Il governo stima seimila profughi nella valle.", [exact("seimila", 6000)]),
    ("seimilacinquecento", "Le autorità hanno accolto seimilacinquecento sfollati.",
     [exact("seimilacinquecento", 6500)]),
    ("centoventimila", "Centoventimila persone vivevano nella regione contesa.",
     [exact("Centoventimila", 120000)]),
    ("duemila", "Sono stati schierati duemila soldati di pace.", [exact("duemila", 2000)]),
    ("ventotto-elided", "I feriti ricoverati sono ventotto.", [exact("ventotto", 28)]),
    ("milione-e-mezzo", "La guerra ha costretto alla fuga un milione e mezzo di abitanti.",
     [exact("un milione e mezzo", 1500000)]),
    ("tre-milioni", "Nel paese vivono tre milioni di persone.", [exact("tre milioni", 3000000)]),
    ("un-soldato", "Un soldato armeno è stato ucciso nella notte.", [exact("Un", 1)]),
    ("una-donna", "Nel villaggio è morta una donna anziana.", [exact("una", 1)]),
    ("uno-dei", "Uno dei prigionieri è stato liberato ieri.", [exact("Uno", 1)]),
    ("un-offensiva-is-not-a-number", "L'esercito ha lanciato un'offensiva all'alba.", []),
    ("un-article-is-not-a-number", "È stato un giorno difficile per un paese intero.", []),
    ("una-tregua-is-not-a-number", "Le parti hanno firmato una tregua fragile.", []),
    ("un-villaggio-is-not-a-number", "I droni hanno colpito un villaggio di confine.", []),
    ("una-casa-is-not-a-number", "Una casa è crollata dopo la scossa.", []),
    ("un-solo-soldato", "Nell'attacco è morto un solo soldato.", [exact("un", 1)]),
    ("un-altro-civile", "In serata è morto un altro civile.", [exact("un", 1)]),
    ("un-paese-civile-is-not-a-number", "Un Paese civile non bombarda gli ospedali.", []),
    # an elided article glued to its modifier or noun is one: "un'altra persona"
    ("un-elided-altra-persona", "La Regione ha aggiunto un'altra persona al bilancio.", [exact("un'", 1)]),
    ("un-elided-typographic", "Un’altra vittima è stata trovata nel fiume.", [exact("Un’", 1)]),
    ("una-sola-persona", "Una sola persona risulta ancora dispersa.", [exact("Una", 1)]),
    ("un-elided-altra-volta-is-not-a-number", "È un'altra storia, e un’altra volta ne parleremo.", []),
    ("un-elided-offensiva-is-not-a-number", "L'esercito ha lanciato un’offensiva all'alba.", []),
    ("tutti-e-sei", "Tutti e sei gli ostaggi sono tornati a casa.", [exact("sei", 6)]),
    ("uno-alone", "Dei tre ostaggi ne è tornato uno.", [exact("tre", 3), exact("uno", 1)]),
    ("cento-e-uno", "I dispersi sono centouno, non cento e uno.",
     [exact("centouno", 101), exact("cento e uno", 101)]),
    ("zero", "Il bilancio è di zero vittime nella notte.", [exact("zero", 0)]),
    ("dozzine-after-hundreds", "Sono arrivate trecento e due dozzine di tende.",
     [exact("trecento e due dozzine", 324)]),
    ("long-scale", "Le stime parlano di tre triliardi.", [exact("tre triliardi", 3e21)]),
)

EN_WORDS = cases(
    # a nationality of parties.toml that ends its noun phrase is one person after an article
    ("article-nationality-alone", "Among the dead were three Germans and a Swiss, an Australian.",
     [exact("three", 3), exact("a", 1), exact("an", 1)]),
    ("two-thousand", "Two thousand troops crossed the river overnight.",
     [exact("Two thousand", 2000)]),
    ("twenty-five", "Twenty-five journalists were detained at the airport.",
     [exact("Twenty-five", 25)]),
    ("hundred-and", "Officials counted one hundred and twelve wounded.",
     [exact("one hundred and twelve", 112)]),
    ("a-dozen", "A dozen drones were shot down over the city.",
     [Want("A dozen", "count", 12, 10, 14, "approx")]),
    ("a-soldier", "A soldier was killed when the convoy was hit.", [exact("A", 1)]),
    ("one-of", "One of the hostages was released on Friday.", [exact("One", 1)]),
    ("an-offensive-is-not-a-number", "The army launched an offensive at dawn.", []),
    ("one-then-a-nationality", "One Ukrainian soldier was killed in the shelling.", [exact("One", 1)]),
    ("a-then-a-nationality", "A Russian soldier died when the depot exploded.", [exact("A", 1)]),
    ("a-young-soldier", "Medics could not save a young soldier.", [exact("a", 1)]),
    ("a-village-is-not-a-number", "Shelling hit a village near the front line.", []),
    ("a-nationality-then-a-thing", "Drones struck a Ukrainian village overnight.", []),
    ("one-village-is-one", "Only one village still has power.", [exact("one", 1)]),
    ("a-few-is-not-one", "A few soldiers stayed behind to guard the bridge.", []),
    ("a-day-is-not-a-count", "It was a difficult day for a whole nation.", []),
    ("half-million", "Two and a half million people lost power.",
     [exact("Two and a half million", 2500000)]),
    ("twenty-one", "Twenty-one soldiers and thirty one civilians died.",
     [exact("Twenty-one", 21), exact("thirty one", 31)]),
    ("hundred-and-one", "They counted one hundred and one bodies.",
     [exact("one hundred and one", 101)]),
    ("a-after-a-number-is-not-one", "The fighters earned two hundred a month.",
     [exact("two hundred", 200)]),
    ("dozen-after-hundreds", "The convoy carried three hundred and two dozen crates.",
     [exact("three hundred and two dozen", 324)]),
    ("and-between-two-numbers", "The lists name four hundred and two hundred prisoners.",
     [exact("four hundred", 400), exact("two hundred", 200)]),
    ("and-inside-one-number", "The two lists name one hundred and two thousand voters.",
     [exact("two", 2), exact("one hundred and two thousand", 102000)]),
    ("lakh-spelling", "The census counted 3 lac residents in the district.", [exact("3 lac", 3e5)]),
    ("doz", "Each crate held 3 doz shells.", [exact("3 doz", 36)]),
    ("a-pair", "A pair of medics were detained at the checkpoint.", [exact("A pair", 2)]),
)


@pytest.mark.parametrize("sentence, wants", IT_WORDS)
def test_italian_words(sentence, wants):
    check(sentence, "it", wants)


@pytest.mark.parametrize("sentence, wants", EN_WORDS)
def test_english_words(sentence, wants):
    check(sentence, "en", wants)


# ---------------------------------------------------------------- mixed digits and words

IT_MIXED = cases(
    ("6mila", "Sono arrivati 6mila profughi in una settimana.", [exact("6mila", 6000)]),
    ("30-mila", "In piazza c'erano 30 mila persone.", [exact("30 mila", 30000)]),
    ("120mila", "Il conflitto ha causato 120mila sfollati.", [exact("120mila", 120000)]),
    ("2-milioni", "Le dighe riforniscono 2 milioni di abitanti.", [exact("2 milioni", 2000000)]),
    ("1,2-milioni", "L'Onu stima 1,2 milioni di rifugiati.", [exact("1,2 milioni", 1200000)]),
    ("3,5-miliardi", "Il piano vale 3,5 miliardi di euro.",
     [exact("3,5 miliardi di euro", 3.5e9, "money")]),
)

EN_MIXED = cases(
    ("2.5-million", "The flood displaced 2.5 million people.", [exact("2.5 million", 2500000)]),
    ("2-million", "Aid reached 2 million residents.", [exact("2 million", 2000000)]),
    ("5k", "Organisers said 5k protesters marched downtown.", [exact("5k", 5000)]),
    ("m-before-people", "The UN said 1.2m people need food.", [exact("1.2m", 1.2e6)]),
    ("m-in-money", "Donors pledged $5m in aid.", [exact("$5m", 5e6, "money")]),
    ("m-as-metres-is-not-read", "He ran the 100m in record time.", []),
    ("1.2-billion-dollars", "The fund raised 1.2 billion dollars.",
     [exact("1.2 billion dollars", 1.2e9, "money")]),
    ("ringgit-symbol", "The fine was RM500 per worker.", [exact("RM500", 500, "money")]),
    ("tln", "Debt reached 10 tln by the end of the year.", [exact("10 tln", 1e13)]),
    ("a-doz-after-money-is-not-cents", "Eggs sold for $3 a doz.",
     [exact("$3", 3, "money"), exact("a doz", 12)]),
)


@pytest.mark.parametrize("sentence, wants", IT_MIXED)
def test_italian_mixed(sentence, wants):
    check(sentence, "it", wants)


@pytest.mark.parametrize("sentence, wants", EN_MIXED)
def test_english_mixed(sentence, wants):
    check(sentence, "en", wants)


# ---------------------------------------------------------------- vague words and their bands

def vague(text: str, value: float, low: float, high: float | None) -> Want:
    return Want(text, "count", value, low, high, "vague")


def about(text: str, value: float, low: float, high: float | None) -> Want:
    """A singular approximation ("una decina", "a dozen"): about its value, in its interval."""
    return Want(text, "count", value, low, high, "approx")


IT_VAGUE = cases(
    ("un-paio-di", "Un paio di feriti sono stati dimessi.", [about("Un paio di", 2, 2, 3)]),
    ("decine", "Decine di case sono state distrutte.", [vague("Decine", 10, 20, 99)]),
    ("centinaia", "Centinaia di famiglie dormono all'aperto.", [vague("Centinaia", 100, 200, 999)]),
    ("migliaia", "Migliaia di persone hanno lasciato la città.", [vague("Migliaia", 1000, 2000, 9999)]),
    ("decine-di-migliaia", "Decine di migliaia di profughi attendono al confine.",
     [vague("Decine di migliaia", 10000, 20000, 99999)]),
    ("centinaia-di-migliaia", "Centinaia di migliaia di civili sono senza acqua.",
     [vague("Centinaia di migliaia", 100000, 200000, 999999)]),
    ("milioni-di", "La crisi colpisce milioni di bambini.",
     [vague("milioni di", 1e6, 2e6, 999999999)]),
    ("migliaia-e-migliaia", "Migliaia e migliaia di volontari hanno risposto.",
     [vague("Migliaia e migliaia", 1000, 2000, None)]),
    ("un-centinaio", "Un centinaio di manifestanti è stato arrestato.",
     [about("Un centinaio", 100, 80, 130)]),
    ("un-migliaio", "Un migliaio di soldati presidia il passo.", [about("Un migliaio", 1000, 800, 1300)]),
    ("una-ventina", "Una ventina di feriti è stata ricoverata.", [about("Una ventina", 20, 15, 25)]),
    ("una-decina", "Una decina di droni è stata abbattuta.", [about("Una decina", 10, 8, 14)]),
)

EN_VAGUE = cases(
    ("a-couple-of", "A couple of soldiers were hurt in the blast.", [about("A couple of", 2, 2, 3)]),
    ("dozens", "Dozens of homes were flattened.", [vague("Dozens", 12, 24, 99)]),
    ("hundreds", "Hundreds of families slept outdoors.", [vague("Hundreds", 100, 200, 999)]),
    ("thousands", "Thousands of people fled the city.", [vague("Thousands", 1000, 2000, 9999)]),
    ("tens-of-thousands", "Tens of thousands of refugees wait at the border.",
     [vague("Tens of thousands", 10000, 20000, 99999)]),
    ("hundreds-of-thousands", "Hundreds of thousands of civilians lack water.",
     [vague("Hundreds of thousands", 100000, 200000, 999999)]),
    ("scores-of", "Scores of protesters were detained.", [vague("Scores of", 20, 40, 199)]),
    ("thousands-and-thousands", "Thousands and thousands of volunteers answered.",
     [vague("Thousands and thousands", 1000, 2000, None)]),
)


@pytest.mark.parametrize("sentence, wants", IT_VAGUE)
def test_italian_vague_words(sentence, wants):
    check(sentence, "it", wants)


@pytest.mark.parametrize("sentence, wants", EN_VAGUE)
def test_english_vague_words(sentence, wants):
    check(sentence, "en", wants)


def test_vague_value_is_the_base_and_interval_is_the_band():
    """The documented exception to low <= value <= high: "centinaia" is 100, read 200..999."""
    (q,) = find_quantities("Centinaia di feriti.", "it")
    assert q.value == 100 and (q.low, q.high) == (200, 999)
    assert (q.band_low, q.band_high) == (200, 999)


# ---------------------------------------------------------------- qualifiers

IT_QUALIFIERS = cases(
    ("circa", "Circa 2.000 persone hanno partecipato.",
     [Want("Circa 2.000", "count", 2000, 1800, 2200, "approx")]),
    ("intorno-a", "Le vittime sono intorno a 300, dice la Croce Rossa.",
     [Want("intorno a 300", "count", 300, 270, 330, "approx")]),
    ("attorno-a-quota", "Gli evacuati si aggirano attorno a quota 4 mila, dice il prefetto.",
     [Want("attorno a quota 4 mila", "count", 4000, 3600, 4400, "approx")]),
    ("sotto-le", "Il governatore spera che i dispersi scendano sotto le 50 unità.",
     [Want("sotto le 50", "count", 50, 0, 50, "less_than")]),
    ("quasi", "Quasi 5.000 profughi hanno varcato il confine.",
     [Want("Quasi 5.000", "count", 5000, 4500, 5000, "nearly")]),
    ("oltre", "Oltre 6'500 soldati sono morti nel conflitto.",
     [Want("Oltre 6'500", "count", 6500, 6500, None, "more_than")]),
    ("piu-di", "Più di 40 civili sono rimasti feriti.",
     [Want("Più di 40", "count", 40, 40, None, "more_than")]),
    ("almeno", "Almeno 49 soldati armeni sono stati uccisi.",
     [Want("Almeno 49", "count", 49, 49, None, "at_least")]),
    ("non-meno-di", "Non meno di 30 ostaggi restano prigionieri.",
     [Want("Non meno di 30", "count", 30, 30, None, "at_least")]),
    ("fino-a", "Il bilancio potrebbe salire fino a 100 morti.",
     [Want("fino a 100", "count", 100, 0, 100, "at_most")]),
    ("meno-di", "Meno di 20 persone sono rimaste nel villaggio.",
     [Want("Meno di 20", "count", 20, 0, 20, "less_than")]),
    ("poco-piu-di", "Poco più di 70 dispersi mancano all'appello.",
     [Want("Poco più di 70", "count", 70, 70, None, "more_than")]),
    ("oltre-i-words", "Sono fuggiti oltre i duemila abitanti.",
     [Want("oltre i duemila", "count", 2000, 2000, None, "more_than")]),
    ("o-piu-after", "Ci sono 500 o più feriti negli ospedali.",
     [Want("500 o più", "count", 500, 500, None, "at_least")]),
    ("piu-o-meno-is-not-a-minus", "Nel villaggio ne sono rimasti più o meno 40.",
     [Want("più o meno 40", "count", 40, 36, 44, "approx")]),
    ("circa-between-two-figures-hedges-the-next", "Nelle ultime 48 ore circa 900 persone sono fuggite.",
     [exact("48 ore", 48, "duration"), Want("circa 900", "count", 900, 810, 990, "approx")]),
    ("after-qualifier", "I feriti sono 500 circa, dice l'ospedale.",
     [Want("500 circa", "count", 500, 450, 550, "approx")]),
    ("superato-i", "Nella notte i morti hanno superato i 3.000.",
     [Want("superato i 3.000", "count", 3000, 3000, None, "more_than")]),
    ("supera-quota", "Il bilancio dei feriti supera quota 200.",
     [Want("supera quota 200", "count", 200, 200, None, "more_than")]),
    ("superato-without-article-is-to-pass", "I profughi hanno superato 3 posti di blocco.",
     [exact("3", 3)]),
    ("non-e-inferiore-a", "Il numero dei dispersi non è inferiore a trenta.",
     [Want("non è inferiore a trenta", "count", 30, 30, None, "at_least")]),
    ("o-superiore-after", "Si contano 40 o superiore, secondo l'ospedale.",
     [Want("40 o superiore", "count", 40, 40, None, "at_least")]),
    ("symbol-more-than", "Vittime civili: > 1.000 secondo le stime.",
     [Want("> 1.000", "count", 1000, 1000, None, "more_than")]),
)

EN_QUALIFIERS = cases(
    ("some", "Some 30,000 people were evacuated.",
     [Want("Some 30,000", "count", 30000, 27000, 33000, "approx")]),
    ("about", "About 200 prisoners were exchanged.",
     [Want("About 200", "count", 200, 180, 220, "approx")]),
    # the likelier figure set against another is about it
    ("as-high-as", "The toll could be as high as 3,000.",
     [Want("as high as 3,000", "count", 3000, 0, 3000, "at_most")]),
    # "up" of a verb of motion is no ceiling: the count reached
    ("gone-up-to", "The toll has gone up to 310.",
     [Want("gone up to 310", "count", 310, 310, 310, "exact")]),
    ("up-to", "Up to 310 people may have died.",
     [Want("Up to 310", "count", 310, 0, 310, "at_most")]),
    ("closer-to", "Relatives believe the real number is closer to 90.",
     [Want("closer to 90", "count", 90, 81, 99, "approx")]),
    ("around", "Around 300 homes were damaged.",
     [Want("Around 300", "count", 300, 270, 330, "approx")]),
    ("nearly", "Nearly 100 soldiers were wounded.",
     [Want("Nearly 100", "count", 100, 90, 100, "nearly")]),
    ("almost", "Almost 5,000 refugees crossed the border.",
     [Want("Almost 5,000", "count", 5000, 4500, 5000, "nearly")]),
    ("over", "Over 600 fighters surrendered.",
     [Want("Over 600", "count", 600, 600, None, "more_than")]),
    ("more-than", "More than 6,600 soldiers died in the war.",
     [Want("More than 6,600", "count", 6600, 6600, None, "more_than")]),
    ("at-least", "At least 49 soldiers were killed.",
     [Want("At least 49", "count", 49, 49, None, "at_least")]),
    ("up-to", "Up to 700 troops may be deployed.",
     [Want("Up to 700", "count", 700, 0, 700, "at_most")]),
    ("under", "Under 20 residents stayed behind.",
     [Want("Under 20", "count", 20, 0, 20, "less_than")]),
    ("below-a-negative-is-open", "Temperatures fell below -30 overnight.",
     [Want("below -30", "count", -30, None, -30, "less_than")]),
    ("or-more-after", "The blast injured 50 or more people.",
     [Want("50 or more", "count", 50, 50, None, "at_least")]),
    ("exceeded", "The death toll exceeded 3,000 on Friday.",
     [Want("exceeded 3,000", "count", 3000, 3000, None, "more_than")]),
    ("surpassed", "Arrivals surpassed 10,000 in a week.",
     [Want("surpassed 10,000", "count", 10000, 10000, None, "more_than")]),
    ("or-higher-after", "Estimates of 500 or higher circulated online.",
     [Want("500 or higher", "count", 500, 500, None, "at_least")]),
    ("symbol-at-most", "Losses per sector: ≤ 50 a day.",
     [Want("≤ 50", "count", 50, 0, 50, "at_most")]),
)


@pytest.mark.parametrize("sentence, wants", IT_QUALIFIERS)
def test_italian_qualifiers(sentence, wants):
    check(sentence, "it", wants)


@pytest.mark.parametrize("sentence, wants", EN_QUALIFIERS)
def test_english_qualifiers(sentence, wants):
    check(sentence, "en", wants)


@pytest.mark.parametrize("lang, sentence, low_ex, high_ex", [
    ("it", "Oltre 6'500 morti.", True, False),
    ("it", "Almeno 49 morti.", False, False),
    ("it", "Meno di 20 feriti.", False, True),
    ("en", "More than 40 dead.", True, False),
    ("en", "Under 20 residents.", False, True),
], ids=["oltre", "almeno", "meno-di", "more-than", "under"])
def test_open_and_excluded_bounds(lang, sentence, low_ex, high_ex):
    (q,) = find_quantities(sentence, lang)
    assert (q.low_exclusive, q.high_exclusive) == (low_ex, high_ex)


# ---------------------------------------------------------------- ranges

def rng(text: str, low: float, high: float) -> Want:
    return Want(text, "count", low, low, high, "range")


IT_RANGES = cases(
    ("tra-e", "Tra 5.000 e 7.000 profughi sono in marcia.", [rng("Tra 5.000 e 7.000", 5000, 7000)]),
    ("fra-e-words", "Fra venti e trenta soldati sono dispersi.", [rng("Fra venti e trenta", 20, 30)]),
    ("da-a", "Da 200 a 300 soldati presidiano il ponte.", [rng("Da 200 a 300", 200, 300)]),
    ("hyphen", "Il corteo contava 5.000-7.000 persone.", [rng("5.000-7.000", 5000, 7000)]),
    ("en-dash", "Sono attesi 40–50 osservatori.", [rng("40–50", 40, 50)]),
    ("tra-mila", "Le stime vanno tra i 3mila e i 4mila morti.", [rng("tra i 3mila e i 4mila", 3000, 4000)]),
    ("scale-written-once", "Tra 3 e 4 milioni di persone vivono nella zona.",
     [rng("Tra 3 e 4 milioni", 3e6, 4e6)]),
    ("scale-once-glued", "Hanno sfilato 5-7mila persone.", [rng("5-7mila", 5000, 7000)]),
    ("lower-and-upper-bound", "I morti sono più di 100 e meno di 300 secondo le stime.",
     [rng("più di 100 e meno di 300", 100, 300)]),
    ("upper-and-lower-bound", "I feriti sono al massimo 50 e almeno 20.",
     [rng("al massimo 50 e almeno 20", 20, 50)]),
    # a hedge before a range written with a dash or a slash joins its span; the ends stay
    ("hedged-hyphen", "Mancano all'appello almeno 20-25 escursionisti.", [rng("almeno 20-25", 20, 25)]),
    ("hedged-slash", "Il sindaco parla di almeno 50/60 sfollati.", [rng("almeno 50/60", 50, 60)]),
    ("slash-before-people", "Sono stati soccorsi 15/20 persone.", [rng("15/20", 15, 20)]),
    ("alternative", "Nella frana sono morte 6 o 7 persone.", [rng("6 o 7", 6, 7)]),
    ("alternative-words", "Ne restano sepolti cinque oppure sei.", [rng("cinque oppure sei", 5, 6)]),
)

EN_RANGES = cases(
    ("between-and", "Between 20 and 30 people died in the attack.",
     [rng("Between 20 and 30", 20, 30)]),
    ("hyphen", "Officials counted 5,000-7,000 refugees.", [rng("5,000-7,000", 5000, 7000)]),
    ("from-to", "From 200 to 300 troops guard the bridge.", [rng("From 200 to 300", 200, 300)]),
    ("to", "The crowd numbered 40 to 50 thousand.", [rng("40 to 50 thousand", 40000, 50000)]),
    ("between-million", "Between 2 and 3 million people need aid.",
     [rng("Between 2 and 3 million", 2e6, 3e6)]),
    ("more-than-and-fewer-than", "More than 100 and fewer than 300 people died.",
     [rng("More than 100 and fewer than 300", 100, 300)]),
    ("hedged-hyphen", "At least 20-25 hikers are unaccounted for.", [rng("At least 20-25", 20, 25)]),
    ("hedged-slash", "The mayor spoke of at least 50/60 evacuees.", [rng("at least 50/60", 50, 60)]),
    ("alternative", "Six or seven people died in the landslide.", [rng("Six or seven", 6, 7)]),
    ("alternative-digits", "Rescuers say 8 or 9 climbers are trapped.", [rng("8 or 9", 8, 9)]),
    ("hyphenated-to", "Analysts put the toll in the 40-to-60 range.", [rng("40-to-60", 40, 60)]),
)


@pytest.mark.parametrize("sentence, wants", IT_RANGES)
def test_italian_ranges(sentence, wants):
    check(sentence, "it", wants)


@pytest.mark.parametrize("sentence, wants", EN_RANGES)
def test_english_ranges(sentence, wants):
    check(sentence, "en", wants)


@pytest.mark.parametrize("lang, sentence, low_ex, high_ex", [
    ("it", "più di 100 e meno di 300", True, True),
    ("it", "almeno 100 e al massimo 300", False, False),
    ("en", "over 100 but under 300", True, True),
], ids=["exclusive", "inclusive", "over-but-under"])
def test_bounds_joined_into_a_range_keep_their_exclusivity(lang, sentence, low_ex, high_ex):
    (q,) = find_quantities(sentence, lang)
    assert (q.qualifier, q.low, q.high) == ("range", 100, 300)
    assert (q.low_exclusive, q.high_exclusive) == (low_ex, high_ex)


def test_bounds_with_words_between_stay_apart():
    got = find_quantities("Oltre 50 feriti e meno di 100 morti.", "it")
    assert [(q.text, q.qualifier) for q in got] == [("Oltre 50", "more_than"), ("meno di 100", "less_than")]


def test_minus_between_two_figures_is_not_a_sign():
    got = find_quantities("Le schede valide erano 120 meno 7 annullate.", "it")
    assert [q.value for q in got] == [120, 7]


@pytest.mark.parametrize("lang, sentence, wants", [
    ("en", "Officials revised the official death toll from 64 to 2,975 last month.", [64, 2975]),
    ("en", "The number of people still inside was raised from 23 to 24 overnight.", [23, 24]),
    ("it", "Il bilancio ufficiale è stato rivisto da 64 a 2.975 morti.", [64, 2975]),
    ("it", "Il numero dei dispersi è salito da 12 a 15 durante la notte.", [12, 15]),
], ids=["en-revised", "en-raised", "it-rivisto", "it-salito"])
def test_a_change_from_one_figure_to_another_is_two_figures(lang, sentence, wants):
    got = find_quantities(sentence, lang)
    assert [(q.value, q.qualifier) for q in got] == [(w, "exact") for w in wants]


@pytest.mark.parametrize("lang, sentence", [
    ("en", "From 200 to 300 people gathered, and the crowd later grew."),
    ("it", "Da 200 a 300 persone hanno sfilato in centro."),
], ids=["en-from-to", "it-da-a"])
def test_from_to_without_a_verb_of_change_stays_one_range(lang, sentence):
    (q,) = find_quantities(sentence, lang)
    assert (q.qualifier, q.low, q.high) == ("range", 200, 300)


def test_descending_pair_is_not_a_range():
    assert [q.text for q in find_quantities("I seggi erano 30-20 a fine giornata.", "it")] == ["30", "20"]


# ---------------------------------------------------------------- things that are not counts

IT_NOT_COUNTS = cases(
    ("year-nel", "Nel 2020 la guerra è ripresa.", [exact("2020", 2020, "year")]),
    ("year-dal", "Il cessate il fuoco regge dal 1994.", [exact("1994", 1994, "year")]),
    ("year-before-a-count", "Nel 2022 i morti erano 49.", [exact("2022", 2022, "year"), exact("49", 49)]),
    ("year-range", "Tra il 2020 e il 2023 sono morte 20-25 mila persone.",
     [Want("Tra il 2020 e il 2023", "year", 2020, 2020, 2023, "range"),
      Want("20-25 mila", "count", 20000, 20000, 25000, "range")]),
    ("decade", "Negli anni '80 la regione era in pace.",
     [Want("anni '80", "year", 1980, 1980, 1989, "range")]),
    ("date", "Il 27 settembre sono iniziati i combattimenti.", [exact("27 settembre", 27, "date")]),
    ("date-with-year", "Firmato il 10 novembre 2020 l'accordo.",
     [exact("10 novembre 2020", 10, "date")]),
    # the first day of a span of days is a date too, never a count
    ("day-span-e-il", "Nella notte fra il 13 e il 14 giugno è esondato il torrente.",
     [exact("13", 13, "date"), exact("14 giugno", 14, "date")]),
    ("day-span-dal-al", "La fiera si tiene dal 3 al 5 maggio.",
     [exact("3", 3, "date"), exact("5 maggio", 5, "date")]),
    ("day-span-dash", "Le piogge del 16-17 maggio hanno allagato la valle.",
     [exact("16", 16, "date"), exact("17 maggio", 17, "date")]),
    ("day-span-needs-both-articles", "Ne sono morte 3 e il 14 giugno altre 2.",
     [exact("3", 3), exact("14 giugno", 14, "date"), exact("2", 2)]),
    ("iso-date", "Il comunicato è del 2020-10-01.", [exact("2020-10-01", 1, "date")]),
    ("iso-month", "Il rapporto copre il periodo 2023-09.", [exact("2023-09", 9, "date")]),
    ("slash-date", "La sentenza è del 12/10/2023.", [exact("12/10/2023", 12, "date")]),
    ("time", "L'attacco è iniziato alle 5:40 del mattino.", [exact("5:40", 5 + 40 / 60, "time")]),
    ("time-alle", "Il coprifuoco scatta alle 22.", [exact("22", 22, "time")]),
    ("time-range-dalle-alle", "Il coprifuoco va dalle 22 alle 6.", [exact("22", 22, "time"), exact("6", 6, "time")]),
    ("count-range-dalle-alle-mila", "In piazza c'erano dalle 10 alle 12 mila persone.",
     [Want("dalle 10 alle 12 mila", "count", 10000, 10000, 12000, "range")]),
    ("short-year-then-a-count-noun", "Nel 2020-21 morti accertati nel distretto.",
     [exact("2020", 2020, "year"), exact("21", 21)]),
    ("percent", "L'affluenza è stata del 62%.", [exact("62%", 62, "percent")]),
    ("percent-words", "Il 40 per cento degli edifici è danneggiato.",
     [exact("40 per cento", 40, "percent")]),
    ("money", "Servono 5 milioni di euro per la ricostruzione.",
     [exact("5 milioni di euro", 5e6, "money")]),
    ("money-before", "Il pane costa €3 al chilo.", [exact("€3", 3, "money")]),
    ("ordinal-digit", "È il 3° convoglio colpito.", [exact("3°", 3, "ordinal")]),
    ("ordinal-word", "È il terzo convoglio colpito questa settimana.", [exact("terzo", 3, "ordinal")]),
    ("ordinal-esimo", "È il ventesimo giorno di assedio.", [exact("ventesimo", 20, "ordinal")]),
    ("ordinal-esimo-elided", "È il quindicesimo giorno di assedio.",
     [exact("quindicesimo", 15, "ordinal")]),
    ("ordinal-of-mila", "È il duemillesimo giorno di guerra.", [exact("duemillesimo", 2000, "ordinal")]),
    ("cents-are-money-not-ordinals", "Il pane costa 2 euro e 50 centesimi.",
     [exact("2 euro e 50 centesimi", 2.5, "money")]),
    ("bare-cents", "Il biglietto costa 5 euro e 30.", [exact("5 euro e 30", 5.3, "money")]),
    ("euro-then-a-count", "Il biglietto costa 5 euro e 30 persone lo hanno comprato.",
     [exact("5 euro", 5, "money"), exact("30", 30)]),
    ("bare-cents-in-words", "Il biglietto costa cinque euro e trenta.",
     [exact("cinque euro e trenta", 5.3, "money")]),
    ("duration-ore", "Il blackout è durato 24 ore.", [exact("24 ore", 24, "duration")]),
    ("duration-mesi", "L'assedio è durato 18 mesi.", [exact("18 mesi", 18, "duration")]),
    ("duration-words", "La tregua è durata nove mesi.", [exact("nove mesi", 9, "duration")]),
    ("duration-settimane", "Tre settimane di negoziati non sono bastate.",
     [exact("Tre settimane", 3, "duration")]),
    ("articolo", "L'articolo 4 del trattato vieta le armi pesanti.", [exact("4", 4, "other")]),
    ("age-eta", "È morto all'età di 45 anni.", [exact("45 anni", 45, "other")]),
    ("age-aveva", "Il soldato ucciso aveva 19 anni.", [exact("19 anni", 19, "other")]),
    ("age-enne", "Un 45enne è stato fermato.", [exact("45enne", 45, "other")]),
    ("duration-is-not-an-age", "L'assedio dura da 3 anni.", [exact("3 anni", 3, "duration")]),
    ("measure", "La colonna era lunga 30 km.", [exact("30 km", 30, "other")]),
    ("fraction", "Il 24/7 della centrale è garantito.", [exact("24/7", 24 / 7, "other")]),
    ("hedged-fraction", "Oltre 1/3 della popolazione è fuggita.",
     [Want("Oltre 1/3", "other", 1 / 3, 1 / 3, None, "more_than")]),
    ("url-is-skipped", "Il rapporto è su https://example.org/2020/report-49.", []),
    ("ratio-su", "Uno su cinque è morto durante il viaggio.",
     [Want("Uno su cinque", "other", 0.2, 0.2, 0.2)]),
    ("hedged-ratio-su", "Oltre 1 su 3 è fuggito.",
     [Want("Oltre 1 su 3", "other", 1 / 3, 1 / 3, None, "more_than")]),
    ("fraction-due-terzi", "Due terzi dei villaggi sono stati distrutti.",
     [Want("Due terzi", "other", 2 / 3, 2 / 3, 2 / 3)]),
    ("fraction-un-terzo-della", "Un terzo della popolazione è fuggito.",
     [Want("Un terzo", "other", 1 / 3, 1 / 3, 1 / 3)]),
    ("un-terzo-soldato-is-an-ordinal", "Un terzo soldato è morto in ospedale.",
     [exact("terzo", 3, "ordinal")]),
)

EN_NOT_COUNTS = cases(
    ("year", "In 2020 the war resumed.", [exact("2020", 2020, "year")]),
    # a nationality before a noun is an adjective: the article stays an article
    ("nationality-adjective", "A Swiss company and a German firm built it in 2019.",
     [exact("2019", 2019, "year")]),
    # everyone else, never a count of 1 (nor of 2)
    ("all-but", "All but one of the climbers have been found.", [exact("one", 1, "other")]),
    ("all-but-digits", "All but 2 of the 40 miners were brought out.",
     [exact("2", 2, "other"), exact("40", 40)]),
    ("four-digit-count", "In 2000 soldiers died.", [exact("2000", 2000)]),
    ("year-before-a-nationality-adjective", "Thousands fled after the 2023 Azerbaijani offensive.",
     [vague("Thousands", 1000, 2000, 9999), exact("2023", 2023, "year")]),
    ("count-before-a-nationality-and-a-noun", "Officials listed 2023 Armenian soldiers as missing.",
     [exact("2023", 2023)]),
    ("year-range", "Between 2020 and 2023 some died.",
     [Want("Between 2020 and 2023", "year", 2020, 2020, 2023, "range")]),
    ("short-year-range", "In 2022-23 some 5,000 soldiers deserted.",
     [Want("2022-23", "year", 2022, 2022, 2023, "range"), Want("some 5,000", "count", 5000, 4500, 5500, "approx")]),
    ("decade", "In the 1990s the region was at war.",
     [Want("1990s", "year", 1990, 1990, 1999, "range")]),
    ("date-mdy", "Fighting began on September 27.", [exact("September 27", 27, "date")]),
    ("date-dmy", "Fighting began on 27 September.", [exact("27 September", 27, "date")]),
    ("iso-date", "The statement is dated 2020-10-01.", [exact("2020-10-01", 1, "date")]),
    ("time-pm", "The curfew starts at 10 pm.", [exact("10 pm", 10, "time")]),
    ("percent", "Turnout was 62 percent.", [exact("62 percent", 62, "percent")]),
    ("money", "The bridge will cost $40 million.", [exact("$40 million", 4e7, "money")]),
    ("ordinal", "It was the 3rd convoy hit.", [exact("3rd", 3, "ordinal")]),
    ("compound-ordinal", "It was the thirty-first day of the siege.", [exact("thirty-first", 31, "ordinal")]),
    ("tens-then-first-with-a-space", "Thirty first responders arrived.",
     [exact("Thirty", 30)]),
    ("spaced-compound-ordinal", "It was the twenty fifth day of the siege.",
     [exact("twenty fifth", 25, "ordinal")]),
    ("duration", "The blackout lasted 24 hours.", [exact("24 hours", 24, "duration")]),
    ("hyphenated-duration", "The 44-day war ended in November.", [exact("44-day", 44, "duration")]),
    ("duration-words", "Three weeks of talks failed.", [exact("Three weeks", 3, "duration")]),
    ("article", "Article 4 of the treaty bans heavy weapons.", [exact("4", 4, "other")]),
    ("age", "A 45-year-old man was arrested.", [exact("45-year-old", 45, "other")]),
    ("age-years-old", "The soldier was 19 years old.", [exact("19 years old", 19, "other")]),
    ("age-aged", "A man aged 45 was arrested.", [exact("A", 1), exact("45", 45, "other")]),
    ("ratio-one-in-five", "One in five children was killed in the strikes.",
     [Want("One in five", "other", 0.2, 0.2, 0.2)]),
    ("ratio-out-of", "Two out of three homes were destroyed.",
     [Want("Two out of three", "other", 2 / 3, 2 / 3, 2 / 3)]),
    ("ratio-hedged", "Nearly 1 in 4 residents has fled.",
     [Want("Nearly 1 in 4", "other", 0.25, 0.225, 0.25, "nearly")]),
    ("in-before-a-year-is-not-a-ratio", "Officials counted 3 in 2020.",
     [exact("3", 3), exact("2020", 2020, "year")]),
    ("one-in-the-morning-is-not-a-ratio", "The sirens sounded at one in the morning.", []),
    ("fraction-two-thirds", "Two-thirds of homes in the town were damaged.",
     [Want("Two-thirds", "other", 2 / 3, 2 / 3, 2 / 3)]),
    ("fraction-a-third-of", "A third of the population has fled.",
     [Want("A third", "other", 1 / 3, 1 / 3, 1 / 3)]),
    ("a-third-soldier-is-an-ordinal", "A third soldier died in hospital.", [exact("third", 3, "ordinal")]),
    ("living-quarters-are-not-a-number", "Shells hit the living quarters.", []),
)


@pytest.mark.parametrize("sentence, wants", IT_NOT_COUNTS)
def test_italian_non_counts(sentence, wants):
    check(sentence, "it", wants)


@pytest.mark.parametrize("sentence, wants", EN_NOT_COUNTS)
def test_english_non_counts(sentence, wants):
    check(sentence, "en", wants)


def test_count_of_nations_is_still_a_count():
    """The reader does not judge the noun: "circa 30 nazioni" is a count; rules decide the metric."""
    (q,) = find_quantities("Circa 30 nazioni hanno votato la risoluzione.", "it")
    assert (q.text, q.kind, q.value, q.qualifier) == ("Circa 30", "count", 30, "approx")


def test_year_with_a_count_noun_is_a_count():
    (q,) = find_quantities("Sono arrivati 2020 profughi in un giorno.", "it")
    assert (q.kind, q.value) == ("count", 2020)


# ---------------------------------------------------------------- rounding bands

@pytest.mark.parametrize("lang, sentence, band", [
    ("it", "Sono morti 6.000 soldati.", (5500, 6500)),
    ("it", "Sono morti 6.500 soldati.", (6450, 6550)),
    ("it", "Sono morti 49 soldati.", (49, 49)),
    ("it", "Sono fuggiti 1,2 milioni di abitanti.", (1150000, 1250000)),
    ("it", "Sono morte 100 persone.", (90, 110)),
    ("en", "Some 6,000 soldiers died.", (6000 * 0.9 - 500, 6000 * 1.1 + 500)),
], ids=["round-thousands", "round-hundreds", "not-round", "decimal-millions", "capped", "approx"])
def test_rounding_band(lang, sentence, band):
    (q,) = find_quantities(sentence, lang)
    assert (q.band_low, q.band_high) == pytest.approx(band)
    assert q.band_low <= q.low <= q.high <= q.band_high


# ---------------------------------------------------------------- sentences with several figures

def test_a_whole_report_sentence_in_italian():
    text = ("Secondo il ministero, dal 27 settembre sono morti oltre 6'500 soldati, "
            "tra 5.000 e 7.000 civili sono fuggiti e centinaia di case sono distrutte nel 2020.")
    got = [(q.text, q.kind, q.qualifier) for q in find_quantities(text, "it")]
    assert got == [("27 settembre", "date", "exact"), ("oltre 6'500", "count", "more_than"),
                   ("tra 5.000 e 7.000", "count", "range"), ("centinaia", "count", "vague"),
                   ("2020", "year", "exact")]


def test_a_whole_report_sentence_in_english():
    text = ("At least 49 Armenian soldiers and 50 Azerbaijani troops were killed on Tuesday, "
            "while 2.5 million people remain displaced, up 12% since 2020.")
    got = [(q.text, q.kind, q.value) for q in find_quantities(text, "en")]
    assert got == [("At least 49", "count", 49), ("50", "count", 50),
                   ("2.5 million", "count", 2.5e6), ("12%", "percent", 12), ("2020", "year", 2020)]


def test_empty_text_and_unknown_language():
    from factcheck.errors import FactcheckError

    assert find_quantities("", "it") == []
    with pytest.raises(FactcheckError):
        find_quantities("49 morti", "fr")


# ---------------------------------------------------------------- half a scale, "as many as"

HALVES = [
    pytest.param("Mezzo milione di persone ha lasciato la regione.", "it",
                 [exact("Mezzo milione", 500_000)], id="it-mezzo-milione"),
    pytest.param("L'agenzia prevede fino a mezzo milione di profughi.", "it",
                 [Want("fino a mezzo milione", "count", 500_000, 0, 500_000, "at_most")],
                 id="it-fino-a-mezzo-milione"),
    pytest.param("Un milione e mezzo di sfollati vive nei campi.", "it",
                 [exact("Un milione e mezzo", 1_500_000)], id="it-un-milione-e-mezzo"),
    pytest.param("Half a million people have fled the fighting.", "en",
                 [exact("Half a million", 500_000)], id="en-half-a-million"),
    pytest.param("Officials said as many as 240 people died in the floods.", "en",
                 [Want("as many as 240", "count", 240, 0, 240, "at_most")], id="en-as-many-as"),
    pytest.param("Half of the 300 passengers were rescued.", "en",
                 [exact("300", 300)], id="en-half-of-is-not-a-scale"),
]


@pytest.mark.parametrize("sentence, lang, wants", HALVES)
def test_half_a_scale_and_as_many_as(sentence, lang, wants):
    check(sentence, lang, wants)


def test_word_alternations_from_the_cache_are_the_ones_built_afresh(tmp_path, monkeypatch):
    """The tries of number words are kept in the pattern cache: same pattern either way."""
    from factcheck import numbers

    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path))
    words = ["centinaia", "cento", "centomila", "oltre", "più di", "poco più di"]
    for bounded, reverse in ((True, False), (False, True)):
        fresh = numbers._build_alt(sorted(set(words)), bounded=bounded, reverse=reverse)
        assert numbers._alt(words, bounded=bounded, reverse=reverse) == fresh  # computed
        assert numbers._alt(words, bounded=bounded, reverse=reverse) == fresh  # from disk
    assert len(list(tmp_path.rglob("*.marshal"))) == 2


@pytest.mark.parametrize("lang, sentence, wants", [
    # a slash between two counts is a share when nothing makes it a range
    ("it", "Almeno 2/3 degli sfollati sono rientrati.", [("Almeno 2/3", "other")]),
    ("it", "Ha votato 30/40 della popolazione.", [("30/40", "other")]),
    ("en", "At least 2/3 of the evacuees went home.", [("At least 2/3", "other")]),
    # an alternative between figures of different scales, or of fractions, is two figures
    ("en", "The bill is either 10 million or 10 billion.", [("10 million", "count"), ("10 billion", "count")]),
    ("it", "Costa 1 milione o 2 miliardi.", [("1 milione", "count"), ("2 miliardi", "count")]),
    ("it", "Meglio tre quarti o due terzi?", [("tre quarti", "other"), ("due terzi", "other")]),
], ids=["it-two-thirds", "it-share", "en-two-thirds", "en-scales", "it-scales", "it-fractions"])
def test_slashes_and_alternatives_that_are_no_range(lang, sentence, wants):
    assert [(q.text, q.kind) for q in find_quantities(sentence, lang)] == wants


@pytest.mark.parametrize("lang, sentence, text, low, high", [
    ("it", "Sono ~300 le persone ospitate nelle palestre.", "~300", 270, 330),
    ("en", "Some ~300 people slept in school gyms.", "~300", 270, 330),
], ids=["it", "en"])
def test_a_tilde_before_a_figure_is_about(lang, sentence, text, low, high):
    (q,) = find_quantities(sentence, lang)
    assert (q.text, q.qualifier, q.low, q.high) == (text, "approx", pytest.approx(low), pytest.approx(high))


def test_a_tilde_between_figures_stays_a_range():
    (q,) = find_quantities("Le stime vanno da 20~100 feriti.", "it")
    assert (q.text, q.qualifier, q.low, q.high) == ("20~100", "range", 20, 100)


@pytest.mark.parametrize("sentence, values", [
    ("Tre morti in Liguria, due in Toscana e una in Umbria.", [3, 2, 1]),
    ("Ci sono 4 feriti, di cui uno in prognosi riservata.", [4, 1]),
    ("Ne hanno estratti due vivi e uno nel pomeriggio.", [2, 1]),
], ids=["list-item", "di-cui-uno", "uno-nel"])
def test_italian_one_as_a_pronoun_before_a_preposition(sentence, values):
    assert [q.value for q in find_quantities(sentence, "it")] == values


@pytest.mark.parametrize("sentence", [
    "Hanno trovato una casa in collina.",
    "Abitava in una villetta a schiera.",
    "Il fango ha travolto un'auto in sosta.",
], ids=["una-casa-in", "in-una", "un-auto-in"])
def test_italian_articles_before_their_noun_stay_articles(sentence):
    assert find_quantities(sentence, "it") == []


@pytest.mark.parametrize("sentence, wants", [
    ("Two Su-25 jets and 12 tanks were lost.", [exact("Two", 2), exact("12", 12)]),
    ("The toll sits at the high end of the 80-to-120 spectrum.",
     [Want("80-to-120", "count", 80, 80, 120, "range")]),
])
def test_a_figure_after_letters_and_a_hyphen_is_a_range_end_only_after_a_figure(sentence, wants):
    """'Su-25' names a model; '80-to-120' is one range (its 'to' joined by hyphens)."""
    check(sentence, "en", wants)


@pytest.mark.parametrize("sentence, wants", [
    ("At least one bystander was killed by flying debris.", [("At least one", 1, "at_least")]),
    ("More than one driver was hurt on the bridge.", [("More than one", 1, "more_than")]),
], ids=["at-least-one", "more-than-one"])
def test_english_one_after_a_bound_is_a_figure_before_any_noun(sentence, wants):
    """A bound only a number takes makes "one" a numeral before a noun the data does not list."""
    assert [(q.text, q.value, q.qualifier) for q in find_quantities(sentence, "en")] == wants


@pytest.mark.parametrize("sentence", [
    "One bystander said he had seen the train.",
    "At least a bystander saw it, the police said.",
], ids=["one-unbounded", "article-after-a-bound"])
def test_english_one_without_a_bound_stays_gated(sentence):
    assert find_quantities(sentence, "en") == []


@pytest.mark.parametrize("sentence, lang, texts", [
    ("The fire gutted a six-storey hotel.", "en", ["six"]),
    ("Rescuers reached a one-street hamlet near the lake.", "en", ["one"]),
    ("A hundred people were evacuated.", "en", ["A hundred"]),
    ("Un milione di persone è senza luce.", "it", ["Un milione"]),
], ids=["a-six-storey", "a-one-street", "a-hundred", "un-milione"])
def test_an_article_is_one_only_before_a_size_it_multiplies(sentence, lang, texts):
    """"a hundred", "un milione" are one size; before a unit ("a six-storey hotel") the article
    stays an article."""
    assert [q.text for q in find_quantities(sentence, lang)] == texts


@pytest.mark.parametrize("sentence, lang, values", [
    ("Otto feriti, di cui uno grave, sono in ospedale.", "it", [8, 1]),
    ("Negli scontri passati, tra cui uno scontro a fuoco, nessuno morì.", "it", []),
    ("Metà delle quali una volta erano alleate.", "it", []),
    ("Eight were hurt, of whom one critically.", "en", [8, 1]),
], ids=["di-cui-uno-grave", "tra-cui-uno-scontro", "delle-quali-una-volta", "of-whom-one"])
def test_a_pronoun_after_a_part_cue_is_one_only_before_a_state(sentence, lang, values):
    """After "di cui", "of whom" a pronoun is 1 before a mark or the state of the one counted;
    "uno"/"una" before a noun stay articles."""
    assert [q.value for q in find_quantities(sentence, lang)] == values
