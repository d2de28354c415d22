"""Sentence splitting keeps offsets and never cuts inside a number or after an abbreviation."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.sentences import split_sentences


@pytest.mark.parametrize("text, expected", [
    ("Sono morte 1.200 persone. Altre 6'500 sono fuggite.",
     ["Sono morte 1.200 persone.", "Altre 6'500 sono fuggite."]),
    ("Il sig. Rossi ha parlato. Poi è andato via.", ["Il sig. Rossi ha parlato.", "Poi è andato via."]),
    ("Circa 3,5 milioni di persone. Fine.", ["Circa 3,5 milioni di persone.", "Fine."]),
    ("The U.S. Army said 49 were killed. Dr. Smith agreed.",
     ["The U.S. Army said 49 were killed.", "Dr. Smith agreed."]),
    ("«Sono morti in 12.» Lo ha detto il sindaco.", ["«Sono morti in 12.»", "Lo ha detto il sindaco."]),
    ("Titolo senza punto\nIl testo comincia qui.", ["Titolo senza punto", "Il testo comincia qui."]),
    ("Era il 2020. 49 soldati sono morti.", ["Era il 2020.", "49 soldati sono morti."]),
    # initials are no end; a word or a unit symbol before the stop is
    ("Researchers at the Boston J.K. Lee Institute counted 300 deaths. Officials disagreed.",
     ["Researchers at the Boston J.K. Lee Institute counted 300 deaths.", "Officials disagreed."]),
    ("Gli sfollati sono 36 mila. Il governo ha stanziato fondi.",
     ["Gli sfollati sono 36 mila.", "Il governo ha stanziato fondi."]),
    ("La frana ha percorso 3 km. Due case sono crollate.",
     ["La frana ha percorso 3 km.", "Due case sono crollate."]),
    ("The storm hit the U.K. Coast guards rescued 40 people.",
     ["The storm hit the U.K. Coast guards rescued 40 people."]),
])
def test_split(text, expected):
    lang = "en" if any(w in text for w in ("Army", "Researchers", "storm")) else "it"
    assert [s.text for s in split_sentences(text, lang)] == expected


def test_regions_limit_the_split():
    text = "META: x\n---\nUna frase. Due frasi."
    body = text.index("Una")
    got = split_sentences(text, "it", ((body, len(text)),))
    assert [(s.start, s.text) for s in got] == [(body, "Una frase."), (body + 11, "Due frasi.")]


@given(st.text(max_size=300))
def test_offsets_always_index_the_text(text):
    for s in split_sentences(text, "it"):
        assert text[s.start:s.end] == s.text and s.text.strip() == s.text and s.text


@given(st.text(alphabet="ab .!?\n\t\u00a0\u2009\u3000\x1c\x1f\x85Z1", max_size=200))
def test_only_white_space_is_trimmed(text):
    # every character that is not white space (str.isspace, all of Unicode's) is in a
    # sentence, and no sentence starts or ends with white space
    covered = set()
    for s in split_sentences(text, "it"):
        assert not s.text[0].isspace() and not s.text[-1].isspace()
        covered.update(range(s.start, s.end))
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


def test_runaway_sentences_are_cut_at_a_space():
    text = "la tensione resta alta lungo il confine " * 200
    got = split_sentences(text, "it")
    assert len(got) > 1 and all(len(s.text) <= 1500 for s in got)
    assert all(text[s.start:s.end] == s.text for s in got)
    assert " ".join(s.text for s in got) == text.strip()
