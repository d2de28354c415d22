"""The lead tells where it happened: the prose's first sentence counts twice among an
article's places, as its title does, over a list of places told further on (the cities of
a tour cancelled after the attack)."""

from __future__ import annotations

from datetime import date

from factcheck.context.examples import context_claim


def test_the_lead_s_place_outweighs_a_later_list_of_cities():
    text = ("L'attentato è avvenuto a Leeds lunedì sera, alla fine di un concerto.\n\n"
            "Nell'attacco sono morte 19 persone.\n\n"
            "La cantante ha sospeso il tour, che avrebbe toccato anche l'Italia, a Roma e a "
            "Torino.")
    c = context_claim(text, "19", published=date(2031, 5, 24))
    assert c.event == "auto:attack:leeds:2031-05"


def test_a_lead_naming_no_place_leaves_the_most_named_place():
    text = ("L'attentato è avvenuto lunedì sera, alla fine di un concerto.\n\n"
            "Nell'attacco a Leeds sono morte 19 persone.\n\n"
            "La polizia di Leeds ha arrestato due uomini; a Roma il governo ha espresso "
            "cordoglio.")
    c = context_claim(text, "19", published=date(2031, 5, 24))
    assert c.event == "auto:attack:leeds:2031-05"
