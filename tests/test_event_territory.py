"""A count over a territory is the war's, not the strike's: in a report on one strike, a
figure whose sentence names no event of its own and tells it over a region or country
holding the strike's place ("in the Gaza Strip", "nell'enclave di Gaza", "in Ukraine") is
the war's event there, even where the territory and the strike's city share a name."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.context.examples import context_claim

_TODAY = date(2031, 3, 4)
_EN = ("Strike hits school in Gaza City.\n\nAn Israeli air strike hit a school in Gaza City on "
       "Tuesday, killing at least 25 people, the health ministry said. ")
_IT = ("Raid su una scuola a Gaza City.\n\nUn raid israeliano ha colpito una scuola a Gaza City "
       "martedì, uccidendo almeno 25 persone, secondo il ministero della Sanità. ")
_KRAMATORSK = ("Missile strike hits station in Kramatorsk.\n\nA missile strike hit the railway "
               "station in Kramatorsk on Friday, killing 50 people. ")


@pytest.mark.parametrize("text,lang,figure,event", [
    (_EN + "At least 3,000 children have been killed in the Gaza Strip, the ministry said.",
     "en", "3,000", "auto:war:gaza-strip:2031-03"),
    (_EN + "In the Gaza Strip, 8,000 people have been killed so far.", "en", "8,000",
     "auto:war:gaza-strip:2031-03"),
    # a town's name beside a territory word is the territory ([words] territories)
    (_IT + "Almeno 3.000 bambini sono stati uccisi nell'enclave di Gaza, secondo fonti "
     "palestinesi.", "it", "3.000", "auto:war:gaza-strip:2031-03"),
    (_IT + "Nella Striscia di Gaza i morti sono almeno 8.000.", "it", "8.000",
     "auto:war:gaza-strip:2031-03"),
    # a country or an oblast holding the strike's town
    (_KRAMATORSK + "In Ukraine, more than 10,000 civilians have been killed, the UN says.", "en",
     "10,000", "auto:war:ukraine:2031-03"),
    (_KRAMATORSK + "In the Donetsk Oblast, 3,000 civilians have been killed.", "en", "3,000",
     "auto:war:donetsk-oblast:2031-03"),
])
def test_a_count_over_the_territory_is_the_war_s(text, lang, figure, event):
    assert context_claim(text, figure, lang=lang, published=_TODAY).event == event


@pytest.mark.parametrize("text,lang,figure", [
    # the strike's own toll, the city named or not
    (_EN + "At least 25 people were killed.", "en", "25"),
    (_IT + "Almeno 25 persone sono morte nel raid a Gaza.", "it", "25"),
    # the territory as where a speaker is, or whose ministry speaks: the strike's toll
    (_EN + "The ministry in the Gaza Strip said at least 25 people were killed.", "en", "25"),
    (_EN + "The Gaza Strip's health ministry said at least 25 people were killed.", "en", "25"),
    (_IT + "Il ministero nella Striscia di Gaza ha detto che almeno 25 persone sono morte.",
     "it", "25"),
    # a sentence naming the strike: its own event
    (_EN + "The ministry in the Gaza Strip said 25 people were killed in the strike.", "en",
     "25"),
])
def test_the_strike_s_own_toll_stays_the_strike_s(text, lang, figure):
    assert context_claim(text, figure, lang=lang, published=_TODAY).event == \
        "auto:attack:gaza:2031-03"


@pytest.mark.parametrize("text,lang", [
    ("Terremoto ad Amatrice.\n\nIl terremoto ha colpito Amatrice nella notte. Nel Lazio i "
     "morti sono almeno 230.", "it"),
    ("Quake hits Amatrice.\n\nThe earthquake struck Amatrice overnight. In Lazio, at least 230 "
     "people died.", "en"),
])
def test_a_disaster_s_count_over_its_region_is_still_the_disaster_s(text, lang):
    # no wider event is made of quakes: the region's count is the quake's
    assert context_claim(text, "230", lang=lang, published=_TODAY).event == \
        "auto:earthquake:amatrice:2031-03"
