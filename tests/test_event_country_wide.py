"""One disaster per event, whatever its reports name of it (issue 15).

A monsoon's floods cover a country over a season: reports name its provinces and districts,
each a different one, and are one event keyed at the country (its type's ``country_days``);
two floods of one area, or a year apart, stay two. A quake named in a report's lead is the
report's event, the buildings that collapse in it how it went (``brings``). A span told from
the report's own event to a later-named one of its type dates that other one. A war's word in
a figure of speech is war only in a war's report (tested in test_event_types)."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.context.examples import context_claim
from factcheck.context.merge import event_map
from factcheck.model import Claim, Quantity

_DAY = date(2031, 8, 20)


def _claim(doc: str, event: str, published: date) -> Claim:
    q = Quantity(0, 2, "10", "count", 10, 10, 10)
    return Claim(doc, "deaths", q, "en/deaths", "10 dead", 0, event=event, published=published)


@pytest.mark.parametrize("text,lang,figure", [
    ("Monsoon floods in Bangladesh.\n\nMonsoon rains have killed 140 people across "
     "Bangladesh since June, officials said. In Sylhet 60 people died in the floods, "
     "and 30 more died in Rangpur.", "en", "140"),
    # a figure of one district is the country's event too
    ("Monsoon floods in Bangladesh.\n\nMonsoon rains have killed 140 people across "
     "Bangladesh since June, officials said. In Sylhet 60 people died in the floods, "
     "and 30 more died in Rangpur.", "en", "60"),
    ("Alluvioni in Bangladesh.\n\nLe piogge monsoniche hanno fatto 140 morti in Bangladesh "
     "da giugno. A Sylhet le inondazioni hanno ucciso 60 persone, a Khulna 25.", "it", "140"),
])
def test_a_flood_told_over_a_country_s_far_apart_districts_is_keyed_at_the_country(
        text, lang, figure):
    assert context_claim(text, figure, lang=lang, published=_DAY).event == \
        "auto:flood:bangladesh:2031-08"


@pytest.mark.parametrize("text,lang,figure", [
    # two towns of one valley: the flood's own town, not the country
    ("Floods in Bangladesh.\n\nFlash floods killed 20 people in Sylhet and in Sunamganj "
     "on Tuesday, officials in Bangladesh said.", "en", "20"),
    # a country-wide type only: a collapse in one town naming a far city stays the town's
    ("Building collapse in Bangladesh.\n\nA factory collapsed in Sylhet, killing 31 "
     "workers. Rescuers came from Khulna, officials in Bangladesh said.", "en", "31"),
])
def test_a_disaster_of_one_area_keeps_its_town(text, lang, figure):
    event = context_claim(text, figure, lang=lang, published=_DAY).event
    assert event is not None and ":bangladesh:" not in event, event


def test_a_country_s_flood_reports_over_a_season_are_one_event():
    claims = [_claim("a", "auto:flood:bangladesh:2031-06", date(2031, 6, 20)),
              _claim("b", "auto:flood:bangladesh:2031-08", date(2031, 8, 2)),
              _claim("c", "auto:flood:bangladesh:2031-09", date(2031, 9, 15))]
    assert len(set(event_map(claims).values())) == 1


def test_two_floods_of_one_country_a_year_apart_stay_two():
    claims = [_claim("a", "auto:flood:bangladesh:2031-08", date(2031, 8, 20)),
              _claim("b", "auto:flood:bangladesh:2032-08", date(2032, 8, 20))]
    assert len(set(event_map(claims).values())) == 2


def test_floods_in_two_far_towns_of_one_month_stay_two():
    # the country's season joins reports keyed at the country, never two towns' floods
    claims = [_claim("a", "auto:flood:sylhet:2031-08", date(2031, 8, 20)),
              _claim("b", "auto:flood:khulna:2031-08", date(2031, 8, 21))]
    assert len(set(event_map(claims).values())) == 2


@pytest.mark.parametrize("text,lang,figure", [
    ("Terremoto all'alba a Norcia.\n\nUn forte terremoto ha colpito Norcia all'alba: 12 "
     "morti. Crolli in tutto il centro storico. Il crollo della torre civica ha ucciso "
     "tre persone. Sono crollate anche due scuole.", "it", "12"),
    ("Quake hits Norcia.\n\nA strong earthquake struck Norcia at dawn, killing 12. The "
     "collapse of the bell tower killed three. Two schools collapsed. Collapses were "
     "reported across the old town.", "en", "three"),
])
def test_the_collapses_of_a_quake_named_in_the_lead_are_the_quake_s(text, lang, figure):
    event = context_claim(text, figure, lang=lang, published=_DAY).event
    assert event is not None and event.startswith("auto:earthquake:"), event


def test_a_collapse_report_recalling_a_quake_further_down_stays_a_collapse():
    text = ("Palazzo crollato a Norcia.\n\nUn palazzo è crollato nella notte a Norcia: 4 "
            "morti. Il crollo è avvenuto alle tre. I crolli hanno colpito anche due case "
            "vicine. L'edificio era stato lesionato da un terremoto anni fa.")
    event = context_claim(text, "4", published=_DAY).event
    assert event is not None and event.startswith("auto:collapse:"), event


_GAP = ("Dam collapse near Norcia.\n\nA dam collapsed near Norcia on Monday, and 40 people "
        "are missing. The collapse comes three years after a dam burst at Visso, killing 19 "
        "people.")


def test_a_span_from_the_report_s_event_to_another_dates_the_other():
    other = context_claim(_GAP, "19", lang="en", published=_DAY).event
    assert other is not None and other.endswith(":2028-08"), other


def test_the_report_s_own_figures_keep_its_month():
    own = context_claim(_GAP, "40", lang="en", published=_DAY).event
    assert own == "auto:collapse:norcia:2031-08", own


@pytest.mark.parametrize("text,lang,want", [
    # a spot between two towns of two regions: the country holding both, neither town
    ("Terremoto in Cile.\n\nIl terremoto ha colpito il Cile all'alba con epicentro tra la "
     "città di Talca e Chillán: almeno 40 morti.", "it", "auto:earthquake:chile:2031-08"),
    ("Quake in Chile.\n\nThe quake struck Chile at dawn, its epicentre midway between Talca "
     "and the city of Chillan: at least 40 dead.", "en", "auto:earthquake:chile:2031-08"),
])
def test_a_spot_between_two_towns_lies_in_what_holds_both(text, lang, want):
    assert context_claim(text, "40", lang=lang, published=_DAY).event == want


@pytest.mark.parametrize("text,first,second,told", [
    ("l'epicentro tra Talca e la città di Chillán", "Talca", "Chillán", True),
    ("midway between the capital Talca and Chillan", "Talca", "Chillan", True),
    ("fra Talca e Chillán", "Talca", "Chillán", True),
    # two towns struck, or a side and another: no spot between them
    ("ha colpito Talca e poi Chillán", "Talca", "Chillán", False),
    ("the quake hit Talca and Chillan", "Talca", "Chillan", False),
    ("tra i feriti di Talca e i morti di Chillán", "Talca", "Chillán", False),
])
def test_a_spot_between_two_names(text, first, second, told):
    from factcheck.context.gazetteer import gazetteer

    a, b = text.index(first), text.index(second)
    assert gazetteer().between(text, (a, a + len(first)), (b, b + len(second))) is told
