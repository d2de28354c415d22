"""One event told over several places, and places that are not where it happened.

A coordinated series of attacks on several towns at once is one event when the report says so
(its type may strike several places at once and its lead tells it as a series): its place is
what holds them all, and a report naming one of the towns joins it. Without such words two
towns hit on one day stay two events. One disaster told by several triggers (a derailment
whose tank wagon exploded and set a fire) is one event, whichever of them a report names. A
curated theatre named in passing ("the worst raids by the militia outside Iraq and Syria"), a
hospital's town in a title, and a feast ("Easter", "Pasqua", a date) are no places of it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from factcheck.context.examples import article_claim, context_claim
from factcheck.context.merge import merge_events
from factcheck.model import Article, Claim, Quantity

_TODAY = date(2031, 3, 4)
_SERIES_EN = ("Coordinated attacks on churches.\n\nA series of coordinated attacks struck "
              "churches in Lamu, Mandera and Wajir on Sunday, killing at least 60 people, "
              "police said. ")
_SERIES_IT = ("Attentati contro le chiese.\n\nUna serie di esplosioni in sequenza ha colpito "
              "chiese a Lamu, a Mandera e a Wajir domenica: almeno 45 i morti. ")


@pytest.mark.parametrize("text,lang,figure", [
    (_SERIES_EN, "en", "60"),
    # a figure of one of its places is still the series'
    (_SERIES_EN + "In Wajir alone 25 died.", "en", "25"),
    (_SERIES_IT, "it", "45"),
    (_SERIES_IT + "A Wajir le vittime sono 20.", "it", "20"),
])
def test_a_coordinated_series_is_keyed_where_all_its_places_lie(text, lang, figure):
    event = context_claim(text, figure, lang=lang, published=_TODAY).event
    assert event in ("auto:attack:kenya:2031-03:series", "auto:explosion:kenya:2031-03:series")


@pytest.mark.parametrize("text,lang,figure", [
    # two towns hit on one day, told as no series: the report's own town
    ("Attack on a church in Wajir.\n\nGunmen attacked a church in Wajir on Sunday, killing 25 "
     "people. The same day a bomb went off in Mandera.", "en", "25"),
    ("Attentato a Wajir.\n\nUn attentato contro una chiesa a Wajir ha fatto 20 morti domenica. "
     "Lo stesso giorno una bomba è esplosa a Mandera.", "it", "20"),
    # a series named only further down is background ("the latest in a series")
    ("Attack on a church in Wajir.\n\nGunmen attacked a church in Wajir on Sunday, killing 25 "
     "people. Police said it was not linked to the market bomb in Mandera. Residents fear "
     "more violence. Officials spoke of a series of attacks across the north.", "en", "25"),
])
def test_two_towns_hit_on_one_day_told_as_no_series_are_two_places(text, lang, figure):
    assert context_claim(text, figure, lang=lang, published=_TODAY).event == \
        "auto:attack:wajir:2031-03"


def test_reports_naming_two_towns_of_the_series_join_it_both():
    claims = [_claim("a", "auto:attack:kenya:2031-03:series", date(2031, 3, 4)),
              _claim("b", "auto:attack:wajir:2031-03", date(2031, 3, 4)),
              _claim("c", "auto:explosion:mandera:2031-03", date(2031, 3, 5)),
              # a report of the country told as no series joins the one event there now
              _claim("d", "auto:attack:kenya:2031-03", date(2031, 3, 6))]
    assert len({c.event for c in merge_events(claims)}) == 1


def test_a_report_of_the_country_told_as_no_series_bridges_no_two_towns():
    claims = [_claim("b", "auto:attack:wajir:2031-03", date(2031, 3, 4)),
              _claim("c", "auto:attack:mandera:2031-03", date(2031, 3, 4)),
              _claim("d", "auto:attack:kenya:2031-03", date(2031, 3, 5))]
    assert len({c.event for c in merge_events(claims)}) == 3


def test_a_series_joins_no_town_of_another_country_nor_another_month():
    claims = [_claim("a", "auto:attack:kenya:2031-03:series", date(2031, 3, 4)),
              _claim("b", "auto:attack:mogadishu:2031-03", date(2031, 3, 4)),
              _claim("c", "auto:attack:wajir:2031-06", date(2031, 6, 20))]
    assert len({c.event for c in merge_events(claims)}) == 3


def test_a_series_is_named_so():
    from factcheck.context.events import event_label, parse_auto

    assert parse_auto("auto:attack:kenya:2031-03:series").series
    assert parse_auto("auto:attack:kenya:series").series
    assert event_label("auto:attack:kenya:2031-03:series") == "attack · Kenya · March 2031 · series"


def test_a_report_naming_one_town_of_the_series_joins_it():
    series = replace(context_claim(_SERIES_EN, "60", lang="en", published=_TODAY), doc="a")
    town = replace(context_claim(
        "A bomb attack on a church in Wajir on Sunday killed 25 people.", "25", lang="en",
        published=_TODAY), doc="b")
    assert town.event == "auto:attack:wajir:2031-03"
    merged = merge_events([series, town])
    assert merged[0].event == merged[1].event


@pytest.mark.parametrize("text,lang", [
    ("Bombs hit churches in Wajir.\n\nSuicide bombers attacked three churches in Wajir on "
     "Sunday, killing 50 people. The toll had risen to 64 by Monday. It was one of the worst "
     "raids by the militia outside Iraq and Syria.", "en"),
    ("Bombe contro le chiese di Wajir.\n\nKamikaze hanno attaccato tre chiese a Wajir domenica, "
     "uccidendo 50 persone. Il bilancio è salito a 64 lunedì. È uno degli attacchi peggiori "
     "del gruppo fuori da Iraq e Siria.", "it"),
])
def test_a_theatre_named_in_passing_is_no_place_of_the_report(text, lang):
    assert context_claim(text, "64", lang=lang, published=_TODAY).event == \
        "auto:attack:wajir:2031-03"


@pytest.mark.parametrize("text,lang,figure", [
    ("The Easter bombings in Kenya killed 40 people.\n\nThe Easter Sunday attacks hit three "
     "churches. Police said 40 people died.", "en", "40"),
    ("Gli attentati di Pasqua in Kenya hanno fatto 40 morti.\n\nGli attentati di Pasqua hanno "
     "colpito tre chiese.", "it", "40"),
])
def test_a_feast_is_no_site_of_the_event(text, lang, figure):
    assert context_claim(text, figure, lang=lang, published=_TODAY).event == \
        "auto:attack:kenya:2031-03"


def _claim(doc: str, event: str, published: date | None) -> Claim:
    q = Quantity(0, 2, "10", "count", 10, 10, 10)
    return Claim(doc, "deaths", q, "it/deaths", "10 morti", 0, event=event, published=published)


def test_a_derailment_and_the_explosion_and_fire_it_set_off_are_one_event():
    # one disaster told by its cause in one report and by its consequences in others
    claims = [_claim("a", "auto:crash:pontedera:2031-03", date(2031, 3, 4)),
              _claim("b", "auto:explosion:pontedera:2031-03", date(2031, 3, 5)),
              _claim("c", "auto:fire:pontedera", None)]
    assert len({c.event for c in merge_events(claims)}) == 1


def test_a_crash_and_an_explosion_in_two_towns_are_two_events():
    # Pontedera and Empoli, 25 km apart: an explosion reaches 10 km
    claims = [_claim("a", "auto:crash:pontedera:2031-03", date(2031, 3, 4)),
              _claim("b", "auto:explosion:empoli:2031-03", date(2031, 3, 4))]
    assert len({c.event for c in merge_events(claims)}) == 2


def test_an_undated_report_joins_the_event_at_its_own_town_not_a_seat_nearby():
    # Pisa, a province's seat, lies within an explosion's seat reach of Pontedera: of the
    # two events (neither of the report's type) the one at its own town is the report's
    claims = [_claim("a", "auto:crash:pontedera:2031-03", date(2031, 3, 4)),
              _claim("b", "auto:attack:pisa:2031-03", date(2031, 3, 4)),
              _claim("c", "auto:explosion:pontedera", None)]
    out = {c.doc: c.event for c in merge_events(claims)}
    assert out["c"] == out["a"] != out["b"]


def test_a_hospital_s_town_in_the_title_is_no_place_of_the_event():
    article = Article(id="<example>", path="<example>", lang="it",
                      title="Morta la donna ricoverata a Genova",
                      text=("Si aggrava il bilancio della strage alla stazione di Pontedera. "
                            "Diventano così 23 le vittime dello scoppio del treno."),
                      regions=((0, 120),), published=date(2031, 3, 4),
                      published_how="metadata", published_precision="day")
    assert article_claim(article, "23").event == "auto:explosion:pontedera:2031-03"


@pytest.mark.parametrize("text,lang", [
    ("Un treno merci è deragliato a Pontedera: 5 morti. È il più grave incidente ferroviario "
     "dal 2012, quando 23 persone morirono in uno scontro tra due treni.", "it"),
    ("A freight train derailed in Pontedera, killing 5. It was the worst rail disaster since "
     "March 2012, when 23 people died in a train collision near the coast.", "en"),
])
def test_the_earlier_event_a_when_clause_tells_is_that_year_s(text, lang):
    # the year of "since 2012, when ..." dates the event its clause tells, words apart
    assert context_claim(text, "23", lang=lang, published=_TODAY).event == \
        "auto:crash:italy:2012"
