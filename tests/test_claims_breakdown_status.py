"""The items of a breakdown take the status of the figure they are parts of."""

from __future__ import annotations

import pytest

from factcheck.paths import rules_dir
from factcheck.pipeline import claims_in_text
from factcheck.rules import load_rules


@pytest.fixture(scope="module")
def ruleset():
    return load_rules(rules_dir())


@pytest.mark.parametrize("text,lang,expected", [
    # today's finds, and their split by sex: all additions to the toll
    ("Questa mattina i soccorritori hanno recuperato cinque corpi non ancora identificati: "
     "tre di sesso maschile e due di sesso femminile.", "it",
     [(5, "increment"), (3, "increment"), (2, "increment")]),
    # a feared toll and its part
    ("Si temono 200 morti, di cui 50 bambini.", "it", [(200, "feared"), (50, "feared")]),
    # a counted toll and its parts stay counted
    ("At least 40 people were killed, including 12 children and 3 nurses.", "en",
     [(40, "counted"), (12, "counted"), (3, "counted")]),
])
def test_items_take_their_wholes_status(text: str, lang: str, expected: list, ruleset) -> None:
    claims, _ = claims_in_text(text, lang, ruleset)
    assert [(int(c.quantity.value), c.status) for c in claims] == expected
