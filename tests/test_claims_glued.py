"""A figure glued to the word after it, as scraped pages print it ("95persone", "14dead"),
is masked with a space before the word, so patterns written "{NUM} persone" read it."""

from __future__ import annotations

import pytest

from factcheck.claims import mask
from factcheck.model import Quantity
from factcheck.paths import rules_dir
from factcheck.pipeline import claims_in_text
from factcheck.rules import TOKEN_CLAIMABLE, TOKEN_FILL, load_rules


@pytest.fixture(scope="module")
def ruleset():
    return load_rules(rules_dir())


def test_a_glued_figure_is_masked_with_a_space_before_its_noun() -> None:
    text = "Almeno 40persone sono morte"
    q = Quantity(0, 9, "Almeno 40", "count", 40, 40, None, "at_least")
    masked = mask(text, 0, [q])
    assert len(masked) == len(text)
    assert masked == f"{TOKEN_CLAIMABLE}{TOKEN_FILL * 7} persone sono morte"


def test_a_figure_followed_by_a_space_or_a_sign_is_untouched() -> None:
    for text in ("12 morti", "12-15 morti", "12, morti"):
        q = Quantity(0, 2, "12", "count", 12, 12, 12)
        assert mask(text, 0, [q]).startswith(TOKEN_CLAIMABLE + TOKEN_FILL)


def test_a_one_character_figure_stays_whole() -> None:
    # no character to spare: "5persone" keeps its token and matches nothing that needs a space
    q = Quantity(0, 1, "5", "count", 5, 5, 5)
    assert mask("5persone", 0, [q]) == f"{TOKEN_CLAIMABLE}persone"


@pytest.mark.parametrize("text,lang,value", [
    ("Almeno 40persone sono morte nella notte.", "it", 40),
    ("At least 14people died in the blast.", "en", 14),
])
def test_a_glued_figure_is_claimed(text: str, lang: str, value: int, ruleset) -> None:
    claims, _ = claims_in_text(text, lang, ruleset)
    assert [(c.metric, c.quantity.value) for c in claims] == [("deaths", value)]
