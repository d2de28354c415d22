"""Numbers as scraped news pages print them, and the words that approximate a figure.

Each form has its examples and its counter-examples (our own sentences): a figure glued to
its noun ("95persone"), an agency dateline ("ROMA, 03 APR -"), a stray space after a thousands
mark ("1. 200"), a tilde, "36 mila"; singular approximations ("una decina", "a dozen") read as
about their value and bounded by a hedge before them ("almeno una decina" is 10 or more).
"""

from __future__ import annotations

import pytest

from factcheck.numbers import find_quantities


def read(sentence: str, lang: str) -> list[tuple[str, str, float | None, float | None, float | None, str]]:
    return [(q.text, q.kind, q.value, q.low, q.high, q.qualifier) for q in find_quantities(sentence, lang)]


def counts(sentence: str, lang: str) -> list[tuple[str, float | None]]:
    return [(q.text, q.value) for q in find_quantities(sentence, lang) if q.kind == "count"]


# ---------------------------------------------------------------- a figure glued to its noun

@pytest.mark.parametrize("lang, sentence, want", [
    ("it", "FIRENZE Almeno 40persone sono morte nella notte", [("Almeno 40", 40.0)]),
    ("it", "Il bilancio è di 7morti e 25feriti", [("7", 7.0), ("25", 25.0)]),
    ("it", "Recuperati 3cadaveri dal fiume", [("3", 3.0)]),
    ("en", "Officials said 14dead and 60injured after the blast", [("14", 14.0), ("60", 60.0)]),
    ("en", "The ferry carried 300passengers", [("300", 300.0)]),
])
def test_figure_glued_to_a_person_noun(lang, sentence, want):
    assert counts(sentence, lang) == want


@pytest.mark.parametrize("lang, sentence", [
    ("it", "Una coda di 10km sulla statale"),      # a measure
    ("it", "Ferito un 45enne di Prato"),            # an age
    ("it", "Il modello A4persone non esiste"),      # letters before: an identifier
    ("en", "They drank 180ml of water"),            # a measure glued to letters
    ("en", "Flight 12deadline was missed"),         # a noun that only starts like one
])
def test_no_count_from_other_glued_letters(lang, sentence):
    assert counts(sentence, lang) == []


# ---------------------------------------------------------------- datelines

@pytest.mark.parametrize("sentence, date_text", [
    ("NAPOLI, 14 GIU - Sono 6 i feriti nel crollo", "14 GIU"),
    ("TORINO, 02 DIC - Almeno 3 morti sull'autostrada", "02 DIC"),
    ("BARI, 21 apr. - Due dispersi in mare", "21 apr."),
    ("PALERMO, 24 AGO - Tre feriti nell'incendio", "24 AGO"),
    ("GENOVA, 15 MAR - Un disperso in mare", "15 MAR"),
])
def test_italian_agency_dateline_is_a_date(sentence, date_text):
    got = read(sentence, "it")
    assert (date_text, "date") in [(t, k) for t, k, *_ in got]
    assert all(t != date_text.split()[0] for t, k, *_ in got if k == "count")


def test_dateline_month_words_that_are_italian_words_stay_out():
    # "set" after a figure is a tennis set: no month
    assert counts("Ha vinto in 5 set la finale", "it") == [("5", 5.0)]
    # a month word not after a day is no date
    assert counts("Nel Mar Tirreno 40 migranti soccorsi", "it") == [("40", 40.0)]


def test_english_dateline_with_agency_is_not_a_count():
    got = read("GENOA, Italy (AP) — After 9 days of searching, rescuers found 2 more bodies", "en")
    assert [(t, k) for t, k, *_ in got] == [("9 days", "duration"), ("2", "count")]


# ---------------------------------------------------------------- separators, tilde, "mila"

@pytest.mark.parametrize("lang, sentence, want", [
    ("it", "Sono stati evacuati 2. 300 abitanti", [("2. 300", 2300.0)]),
    ("it", "Sono 4. 500 gli sfollati nella valle", [("4. 500", 4500.0)]),
    ("it", "Ci sono 1, 850 profughi al confine", [("1, 850", 1850.0)]),
    ("en", "The agency counted 3, 100 refugees", [("3, 100", 3100.0)]),
    ("it", "Sono 36 mila gli sfollati", [("36 mila", 36000.0)]),
])
def test_stray_space_after_a_thousands_mark(lang, sentence, want):
    assert counts(sentence, lang) == want


@pytest.mark.parametrize("lang, sentence, want", [
    # a year ends the sentence, a new one begins with a figure
    ("it", "Il ponte crollò nel 2018. 300 persone furono evacuate", [("300", 300.0)]),
    # English writes decimals with a point: "1. 200" is no thousands mark there
    ("en", "Step 1. 200 people lined up", [("1", 1.0), ("200", 200.0)]),
    # no person noun after: two figures
    ("it", "Articolo 3. 500 euro di multa", []),
])
def test_a_mark_and_a_space_that_are_not_one_figure(lang, sentence, want):
    assert counts(sentence, lang) == want


def test_tilde_is_about():
    (q,) = find_quantities("Evacuated ~400 people from the coast", "en")
    assert (q.text, q.qualifier, q.low, q.high) == ("~400", "approx", 360.0, pytest.approx(440.0))
    assert read("Tra 20~30 feriti", "it")[0][5] == "range"


# ---------------------------------------------------------------- approximating words

@pytest.mark.parametrize("lang, sentence, want", [
    # alone: about the value, in the interval the data gives
    ("it", "Una ventina di persone sono disperse", ("Una ventina", 20.0, 15.0, 25.0, "approx")),
    ("it", "Evacuate un migliaio di famiglie", ("un migliaio", 1000.0, 800.0, 1300.0, "approx")),
    ("en", "A dozen climbers are unaccounted for", ("A dozen", 12.0, 10.0, 14.0, "approx")),
    # a lower hedge: the value is the bound
    ("it", "Sono almeno una trentina i feriti", ("almeno una trentina", 30.0, 30.0, None, "at_least")),
    ("en", "More than a dozen homes burned", ("More than a dozen", 12.0, 12.0, None, "more_than")),
    ("en", "At least a couple of hikers are missing", ("At least a couple of", 2.0, 2.0, None, "at_least")),
    # an upper one
    ("it", "Quasi un centinaio di sfollati", ("Quasi un centinaio", 100.0, 90.0, 100.0, "nearly")),
    ("en", "Up to a dozen fishermen drowned", ("Up to a dozen", 12.0, 0.0, 12.0, "at_most")),
    # "about about ten" stays the word's own interval
    ("it", "Circa una decina di dispersi", ("Circa una decina", 10.0, 8.0, 14.0, "approx")),
])
def test_singular_approximations(lang, sentence, want):
    text, value, low, high, qualifier = want
    assert read(sentence, lang)[0] == (text, "count", value, low, high, qualifier)


@pytest.mark.parametrize("lang, sentence, want", [
    # a plural of magnitude names a size, not a figure: vague, even after a hedge
    ("en", "Dozens of people were hurt", ("Dozens", 12.0, 24.0, 99.0, "vague")),
    ("en", "Hundreds of homes were flooded", ("Hundreds", 100.0, 200.0, 999.0, "vague")),
    ("it", "Migliaia di sfollati nelle tende", ("Migliaia", 1000.0, 2000.0, 9999.0, "vague")),
    ("it", "Almeno decine di morti", ("Almeno decine", 10.0, 20.0, 99.0, "vague")),
])
def test_plural_magnitudes_stay_vague(lang, sentence, want):
    text, value, low, high, qualifier = want
    assert read(sentence, lang)[0] == (text, "count", value, low, high, qualifier)


@pytest.mark.parametrize("lang, sentence, text", [
    ("en", "Damage runs in the region of 300 homes", "in the region of 300"),
    ("en", "Losses on the order of 5,000 troops", "on the order of 5,000"),
    ("it", "Gli sfollati sono nell'ordine di 300 persone", "nell'ordine di 300"),
    ("it", "Il bilancio reale è più vicino ai 900 morti", "più vicino ai 900"),
])
def test_estimate_phrases_are_about(lang, sentence, text):
    q = find_quantities(sentence, lang)[0]
    assert (q.text, q.qualifier) == (text, "approx")


def test_close_to_stays_nearly():
    assert find_quantities("The toll is close to 900", "en")[0].qualifier == "nearly"


# ---------------------------------------------------------------- person nouns of disasters

@pytest.mark.parametrize("lang, sentence, want", [
    ("it", "Tra le vittime anche un bimbo di 4 anni", [("un", 1.0)]),
    ("it", "Morti un turista e due passeggeri", [("un", 1.0), ("due", 2.0)]),
    ("en", "A tourist and two passengers died", [("A", 1.0), ("two", 2.0)]),
    ("en", "Rescuers recovered 40 bodies", [("40", 40.0)]),
])
def test_people_of_disasters_are_counted(lang, sentence, want):
    assert counts(sentence, lang) == want


@pytest.mark.parametrize("lang, sentence", [
    ("en", "It was a minor problem for the crew"),     # "minor" is an adjective
    ("en", "A governing body met on Monday"),          # "body" alone is no person
    ("it", "Con un minore impatto sulla valle"),       # "minore" is a comparative
    ("it", "Un corpo speciale dell'esercito è arrivato"),  # a corps
])
def test_adjectives_and_bodies_of_people_are_no_count(lang, sentence):
    assert counts(sentence, lang) == []


# ---------------------------------------------------------------- sizes named by their digits

@pytest.mark.parametrize("lang, sentence, want", [
    ("en", "Officials hope the list of missing falls into the double digits soon",
     ("double digits", 10.0, 10.0, 99.0)),
    ("en", "Deaths stayed in single digits all week", ("single digits", 1.0, 1.0, 9.0)),
    ("it", "Il numero dei dispersi è ormai a doppia cifra", ("doppia cifra", 10.0, 10.0, 99.0)),
    ("it", "Le vittime sono salite a tripla cifra", ("tripla cifra", 100.0, 100.0, 999.0)),
])
def test_size_named_by_digits_is_a_range(lang, sentence, want):
    text, value, low, high = want
    assert read(sentence, lang)[0] == (text, "count", value, low, high, "range")


@pytest.mark.parametrize("sentence", [
    "Prices saw a double-digit rise last year",
    "Prices saw a double digit rise last year",
])
def test_digit_adjectives_are_no_figure(sentence):
    assert read(sentence, "en") == []


# ---------------------------------------------------------------- a few, several, some: a size

@pytest.mark.parametrize("lang, sentence, want", [
    ("en", "A few hundred residents refused to leave", ("A few hundred", 100.0, 200.0, 999.0)),
    ("en", "Several dozen fishermen are missing", ("Several dozen", 12.0, 24.0, 99.0)),
    ("en", "A few thousand troops were sent", ("A few thousand", 1000.0, 2000.0, 9999.0)),
    ("en", "Several hundred thousand people fled", ("Several hundred thousand", 1e5, 2e5, 999999.0)),
    ("en", "Tens of villagers were evacuated", ("Tens of", 10.0, 20.0, 99.0)),
    ("it", "Qualche decina di feriti lievi", ("Qualche decina", 10.0, 20.0, 99.0)),
])
def test_a_few_before_a_scale_is_a_size(lang, sentence, want):
    text, value, low, high = want
    assert read(sentence, lang)[0] == (text, "count", value, low, high, "vague")


@pytest.mark.parametrize("lang, sentence, want", [
    ("en", "A few people were hurt", []),                       # no scale: no figure
    ("en", "Three hundred people were hurt", [("Three hundred", 300.0)]),
    ("en", "A hundred people were hurt", [("A hundred", 100.0)]),
])
def test_a_scale_without_a_few_stays_a_figure(lang, sentence, want):
    assert counts(sentence, lang) == want


# ---------------------------------------------------------------- an estimate states its figure

@pytest.mark.parametrize("sentence, text, value", [
    ("An estimated 700 people died in the heat", "An estimated 700", 700.0),
    ("The study found an estimated 2,400 excess deaths", "an estimated 2,400", 2400.0),
])
def test_an_estimated_figure_is_exact_with_its_words(sentence, text, value):
    # the words stay in the figure for the claim reader's status ("estimated"); not "about"
    (q,) = find_quantities(sentence, "en")
    assert (q.text, q.qualifier, q.low, q.high) == (text, "exact", value, value)


def test_about_stays_approx():
    (q,) = find_quantities("About 700 people died in the heat", "en")
    assert q.qualifier == "approx"
