"""Properties of the number reader that must hold for any text, not just our examples."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from factcheck.numbers import find_quantities

LANGS = st.sampled_from(["it", "en"])

# pieces that exercise the reader's paths: digits with separators, words, qualifiers,
# vague words, units, dates, ranges; joined by spaces and punctuation
FRAGMENTS = [
    "6.500", "6,500", "6'500", "6’500", "6\u00a0500", "6\u202f500", "6\u2009500", "100.000", "10,000",
    "1.200,5", "1,200.5", "2, 783", "6,5", "6.5", "-504", ",25", ".25", "5k", "6mila", "30 mila",
    "2 milioni", "1,2 milioni", "2.5 million", "seimilacinquecento", "trentasei", "un", "una", "uno",
    "un'", "a", "one", "twenty-five", "two thousand", "a dozen", "e mezzo", "and a half", "virgola",
    "point", "centinaia", "migliaia e migliaia", "decine di", "dozens", "tens of thousands",
    "scores of", "circa", "oltre", "più di", "fino a", "almeno", "meno", "minus", "at least",
    "up to", "under", "tra", "e", "and", "da", "a", "from", "to", "between", "-", "–", "/", ":",
    "%", "€", "$", "euro", "dollars", "centesimi", "cents", "ore", "hours", "mesi", "anni", "'80",
    "1990s", "nel", "2020", "2020-10-01", "12/10/2023", "13 settembre", "September", "3°", "3rd",
    "terzo", "ventesimo", "articolo", "article", "soldati", "soldiers", "morti", "killed", "o più",
    "or more", "e", ",", ".", "\n", "https://example.org/49", "+39 06 1234 5678", "0", "007",
]

news_like = st.lists(st.sampled_from(FRAGMENTS), max_size=14).flatmap(
    lambda parts: st.lists(st.sampled_from([" ", "  ", "", ", ", "\u00a0"]), min_size=len(parts),
                           max_size=len(parts)).map(
        lambda seps: "".join(p + s for p, s in zip(parts, seps))))

any_text = st.one_of(st.text(max_size=200), news_like)


def _check_invariants(text: str, lang: str) -> None:
    qs = find_quantities(text, lang)
    last_end = 0
    for q in qs:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.start >= last_end, "sorted and non-overlapping"
        last_end = q.end
        if q.value is not None and q.qualifier != "vague":  # vague: value is the base word
            if q.low is not None:
                assert q.low <= q.value
            if q.high is not None:
                assert q.value <= q.high
        if q.low is not None and q.high is not None:
            assert q.low <= q.high
        if q.band_low is not None and q.low is not None:
            assert q.band_low <= q.low
        if q.band_high is not None and q.high is not None:
            assert q.high <= q.band_high


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, lang=LANGS)
@example(text="", lang="it")
@example(text="tra 7.000 e 5.000", lang="it")
@example(text="-", lang="en")
@example(text="un'", lang="it")
@example(text="two and a half million", lang="en")
@example(text="più di 100 e meno di 300", lang="it")
# a digit of a script newer than Python's Unicode tables: `regex` reads it as \d, int() cannot
@example(text="\U00011bf0", lang="it")
@example(text="12\U00011bf1", lang="en")
def test_never_raises_and_spans_index_the_text(text, lang):
    _check_invariants(text, lang)


@settings(max_examples=100, deadline=None)
@given(text=news_like, lang=LANGS)
def test_reading_is_deterministic(text, lang):
    assert find_quantities(text, lang) == find_quantities(text, lang)


@settings(max_examples=100, deadline=None)
@given(prefix=st.text(max_size=30), text=news_like, lang=LANGS)
def test_a_prefix_never_breaks_the_invariants(prefix, text, lang):
    _check_invariants(prefix + " " + text, lang)


SEPARATORS = {
    "it": [".", "'", "’", "\u00a0", "\u202f", "\u2009", " "],
    "en": [",", "'", "’", "\u00a0", "\u202f", "\u2009", " "],
}
SENTENCE = {"it": "Secondo il ministero sono morti {} soldati.",
            "en": "The ministry said {} soldiers were killed."}


def group(n: int, sep: str) -> str:
    """``n`` written with ``sep`` between groups of three digits."""
    return f"{n:,}".replace(",", sep)


@pytest.mark.parametrize("lang, sep", [(lang, sep) for lang, seps in SEPARATORS.items() for sep in seps],
                         ids=lambda v: {"\u00a0": "nbsp", "\u202f": "nnbsp", "\u2009": "thin",
                                        " ": "space"}.get(v, v))
@settings(max_examples=60, deadline=None)
@given(n=st.integers(min_value=1000, max_value=999_999_999_999))
def test_thousands_separators_round_trip(lang, sep, n):
    written = group(n, sep)
    text = SENTENCE[lang].format(written)
    qs = [q for q in find_quantities(text, lang) if q.kind == "count"]
    assert [(q.text, q.value) for q in qs] == [(written, n)]
    assert q_is_exact(qs[0])


def q_is_exact(q) -> bool:
    return q.qualifier == "exact" and q.low == q.high == q.value and not q.ambiguous


@settings(max_examples=100, deadline=None)
@given(n=st.integers(min_value=0, max_value=10**12), lang=LANGS)
def test_plain_digits_read_back(n, lang):
    assume(not 1000 <= n <= 2100)  # a bare 4-digit number in that span may be a year
    text = SENTENCE[lang].format(n)
    (q,) = find_quantities(text, lang)
    assert (q.text, q.value, q.kind) == (str(n), n, "count")


@settings(max_examples=100, deadline=None)
@given(whole=st.integers(min_value=0, max_value=999_999), frac=st.integers(min_value=1, max_value=99))
def test_decimals_read_back_per_language(whole, frac):
    frac_s = f"{frac:02d}".rstrip("0")
    value = float(f"{whole}.{frac_s}")
    it = f"{whole:,}".replace(",", ".") + "," + frac_s
    en = f"{whole:,}" + "." + frac_s
    (q_it,) = find_quantities(f"Il valore medio è {it} secondo l'istituto.", "it")
    (q_en,) = find_quantities(f"The average value is {en} according to the institute.", "en")
    assert q_it.value == pytest.approx(value) and q_it.text == it
    assert q_en.value == pytest.approx(value) and q_en.text == en


@settings(max_examples=60, deadline=None)
@given(a=st.integers(min_value=1, max_value=99_999), d=st.integers(min_value=1, max_value=99_999),
       lang=LANGS)
def test_ranges_read_back(a, d, lang):
    b = a + d
    sep = "." if lang == "it" else ","
    wa, wb = group(a, sep), group(b, sep)
    text = (f"Tra {wa} e {wb} profughi sono in marcia." if lang == "it"
            else f"Between {wa} and {wb} refugees are on the move.")
    (q,) = find_quantities(text, lang)
    assert (q.qualifier, q.low, q.high) == ("range", a, b)


TRICKY = st.text(alphabet=st.sampled_from(list("unaUNA seimila'’-.,0123456789İßÉé\u0301_\u00a0\n")),
                 max_size=60)  # case folding that changes length, combining marks, glued words


# articles and what may follow or precede them: the word door is skipped at an article
# when the next word rules a match out (_article_may_match)
ARTICLE_WORDS = ["a", "an", "A", "un", "una", "uno", "Un", "one", "soldier", "soldato", "village",
                 "villaggio", "Russian", "russo", "dozen", "decina", "of", "di", "dei", "euro", "us$",
                 "third", "terzo", "in", "su", "milione", "million", "cento", "hundred", "e", "and",
                 "meno", "minus", "tré", "K", "città", "seimila", "single", "solo", "altro"]
articles_around = st.lists(st.sampled_from(ARTICLE_WORDS), max_size=8).flatmap(
    lambda parts: st.lists(st.sampled_from([" ", "  ", "", "-", ", ", "\n", "\u00a0", "."]),
                           min_size=len(parts), max_size=len(parts)).map(
        lambda seps: "".join(p + s for p, s in zip(parts, seps))))


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(any_text, TRICKY, articles_around), lang=LANGS)
@example(text="anni 10,000 ", lang="it")  # a word match that cuts a digit run: read on from the cut
@example(text="cento e uno villaggi", lang="it")  # a standalone article after a number word...
@example(text="meno uno gradi", lang="it")  # ... or a minus word
@example(text="seimila-uno case", lang="it")  # ... or a hyphen
@example(text="a soldier", lang="en")  # an article before a follower...
@example(text="una decina di", lang="it")  # ... or the rest of a phrase
@example(text="un milione", lang="it")  # ... or a number word
@example(text="un tré", lang="it")  # a number word with a non-ASCII letter
@example(text="A Russian soldier", lang="en")  # a capitalised modifier
def test_fast_scan_finds_what_the_full_scanner_finds(text, lang):
    """The word door runs only at candidate words (a speed-up); it must change nothing."""
    from factcheck import numbers as N

    L = N._lang(lang)
    full = [(m.start(), m.end(), m.lastgroup) for m in L.scanner.finditer(text)]
    fast, end = [], -1
    for m in N._scan(text, L):
        if m.start() >= end:
            fast.append((m.start(), m.end(), m.lastgroup))
            end = m.end()
    assert fast == full


@settings(max_examples=200, deadline=None)
@given(groups=st.lists(st.integers(0, 999_999), min_size=1, max_size=400),
       sep=st.sampled_from([" ", ".", ",", "'", "\u00a0", "\u202f"]), lang=st.sampled_from(["it", "en"]))
def test_long_runs_of_digits_never_raise(groups, sep, lang):
    # "100 100 100 ..." once read as one 1,200-digit number and overflowed a float
    text = "Sono " + sep.join(map(str, groups)) + " persone."
    for q in find_quantities(text, lang):
        assert text[q.start:q.end] == q.text
        assert q.value is None or q.value < 1e16


# words, pieces of words and what stands around them: letters with accents and combining
# marks, digits, underscores, apostrophes, CJK, spaces
_AROUND = st.text(alphabet="tre ventitrécento_1'’\u0301\u4e00-.", max_size=40)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(["a", "un", "tre", "cento", "ventitré", "ventitre\u0301"]), _AROUND)
def test_a_word_is_found_where_its_whole_word_pattern_matches(word, text):
    from factcheck.numbers import _whole_word, _whole_word_starts

    low = text.lower()
    assert list(_whole_word_starts(word, low)) == [m.start()
                                                  for m in _whole_word(word).finditer(low)]
