"""The report's own event takes its time from the report, never from a background event
another sentence dates: a report on a factory collapse that recalls an earlier factory fire
keeps the collapse at the report's month (none when undated), and the fire's toll goes to
the fire, at the fire's date, in a relative clause of its trigger."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from factcheck.context.examples import context_claim
from factcheck.context.merge import merge_events

_TODAY = date(2031, 4, 26)

_EN_DATED = ("Factory collapses in Chittagong.\n\nA garment factory collapsed in Chittagong on "
             "Wednesday, killing at least 40 workers, officials said. The collapse comes five "
             "months after the factory fire of November 2030 that killed 112 people.")
_EN_UNDATED = ("Factory collapses in Chittagong.\n\nA garment factory collapsed in Chittagong, "
               "killing at least 40 workers, officials said. The collapse comes months after "
               "the factory fire of November 2030 that killed 112 people.")
_IT_DATED = ("Crolla una fabbrica a Chittagong.\n\nUna fabbrica tessile è crollata mercoledì a "
             "Chittagong, uccidendo almeno 40 operai. Il crollo arriva cinque mesi dopo "
             "l'incendio di una fabbrica dello scorso novembre, che fece 112 morti.")
_IT_UNDATED = ("Crolla una fabbrica a Chittagong.\n\nUna fabbrica tessile è crollata a "
               "Chittagong, uccidendo almeno 40 operai. Il crollo arriva mesi dopo l'incendio di "
               "una fabbrica del novembre 2030, che fece 112 morti.")


@pytest.mark.parametrize("text,lang", [(_EN_DATED, "en"), (_IT_DATED, "it")])
def test_a_dated_report_keeps_its_own_event_at_its_month_and_the_fire_at_the_fire_s(text, lang):
    own = context_claim(text, "40", lang=lang, published=_TODAY)
    fire = context_claim(text, "112", lang=lang, published=_TODAY)
    assert own.event == "auto:collapse:chattogram:2031-04"
    # the fire's toll: the fire's type and month, in the report's country (its sentence
    # names no place), never the collapse's event
    assert fire.event == "auto:fire:bangladesh:2030-11"
    assert (fire.period_start, fire.period_end) == (date(2030, 11, 1), date(2030, 11, 30))


@pytest.mark.parametrize("text,lang", [(_EN_UNDATED, "en"), (_IT_UNDATED, "it")])
def test_an_undated_report_is_not_dated_by_the_earlier_fire_it_recalls(text, lang):
    own = context_claim(text, "40", lang=lang)
    fire = context_claim(text, "112", lang=lang)
    # the only date the report states is the fire's: its own event has none
    assert own.event == "auto:collapse:chattogram"
    assert (own.period_start, own.period_end) == (None, None)
    assert fire.event == "auto:fire:bangladesh:2030-11"


def test_a_relative_clause_s_place_goes_with_its_trigger():
    text = ("Factory collapses in Chittagong.\n\nA garment factory collapsed in Chittagong on "
            "Wednesday, killing at least 40 workers. The collapse in Chittagong comes months "
            "after last year's factory fire that killed 112 people in Dhaka.")
    assert context_claim(text, "112", lang="en", published=_TODAY).event == \
        "auto:fire:dhaka:2030"


@pytest.mark.parametrize("text,lang,figure,event", [
    # a relative clause of the report's own trigger, another named after the figure
    ("Factory collapses in Chittagong.\n\nThe collapse, which killed 40 workers, comes "
     "months after a factory fire of November 2030.", "en", "40",
     "auto:collapse:chattogram:2031-04"),
    # a relative clause of the report's own trigger, another named after it
    ("Factory collapses in Chittagong.\n\nThe collapse in Chittagong that killed 40 workers "
     "came a year after a factory fire.", "en", "40", "auto:collapse:chattogram:2031-04"),
    # one type only: nothing to choose
    ("Crolla una fabbrica a Chittagong.\n\nIl crollo della fabbrica, che ha fatto 40 morti, è "
     "avvenuto mercoledì.", "it", "40", "auto:collapse:chattogram:2031-04"),
])
def test_a_figure_outside_another_trigger_s_relative_clause_keeps_its_event(text, lang, figure,
                                                                           event):
    assert context_claim(text, figure, lang=lang, published=_TODAY).event == event


def test_the_collapse_never_meets_the_fire_it_recalls():
    collapse = context_claim(_EN_DATED, "40", lang="en", published=_TODAY)
    recalled = context_claim(_EN_DATED, "112", lang="en", published=_TODAY)
    fire_report = context_claim(
        "Factory fire in Chittagong.\n\nA fire tore through a garment factory in Chittagong on "
        "Sunday, killing 112 workers.", "112", lang="en", published=date(2030, 11, 25))
    out = {c.doc: c.event for c in merge_events([
        replace(collapse, doc="collapse"), replace(recalled, doc="recalled"),
        replace(fire_report, doc="fire")])}
    assert out["collapse"] != out["fire"]
    assert out["recalled"] == out["fire"]


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_an_undated_report_never_joins_the_fire_it_tells_apart(order):
    own = replace(context_claim(_EN_UNDATED, "40", lang="en"), doc="collapse")
    recalled = replace(context_claim(_EN_UNDATED, "112", lang="en"), doc="collapse")
    fire_report = replace(context_claim(
        "Factory fire in Chittagong.\n\nA fire tore through a garment factory in Chittagong on "
        "Sunday, killing 112 workers.", "112", lang="en", published=date(2030, 11, 25)),
        doc="fire")
    claims = [own, recalled, fire_report]
    out = merge_events([claims[i] for i in order])
    by = {(c.doc, c.quantity.text): c.event for c in out}
    # the recalled fire meets its own report; the report's undated collapse, though a fire
    # and a collapse at one place may be one event, is not that fire: its report said so
    assert by[("collapse", "112")] == by[("fire", "112")]
    assert by[("collapse", "40")] == "auto:collapse:chattogram"


_LONG_EN = ("Factory collapses in Chittagong.\n\nA garment factory collapsed in Chittagong on "
            "Wednesday, killing at least 40 workers. The collapse stirred memories of a deadly "
            "factory fire on the outskirts of the capital in November 2030 that killed 112 "
            "people.")
_LONG_IT = ("Crolla una fabbrica a Chittagong.\n\nUna fabbrica tessile è crollata mercoledì a "
            "Chittagong, uccidendo almeno 40 operai. Il crollo arriva cinque mesi dopo "
            "l'incendio di una fabbrica di filati alla periferia della capitale dello scorso "
            "novembre, "
            "costato la vita a 112 operai.")


@pytest.mark.parametrize("text,lang", [(_LONG_EN, "en"), (_LONG_IT, "it")])
def test_a_figure_in_the_clause_after_a_long_noun_phrase_counts_that_trigger_s_event(text, lang):
    # the clause that follows the fire's noun phrase, however long, is the fire's: its toll
    # and its month are the fire's, never the collapse's
    own = context_claim(text, "40", lang=lang, published=_TODAY)
    fire = context_claim(text, "112", lang=lang, published=_TODAY)
    assert own.event == "auto:collapse:chattogram:2031-04"
    assert fire.event.startswith("auto:fire:") and fire.event.endswith(":2030-11")


@pytest.mark.parametrize("gap,lang,opens", [
    (" in a textile mill on the edge of the capital last November that killed ", "en", True),
    (" at a depot last March, claiming ", "en", True),
    (" di una filanda alla periferia della capitale, costato la vita a ", "it", True),
    (" dello scorso novembre, che fece ", "it", True),
    # counter-examples: "that" after a word of reported speech opens what was said; a
    # sentence stop ends the trigger's clause; a relative word too far from the figure
    (" last November, and the minister said that ", "en", False),
    (" last November. Officials say that ", "en", False),
    (" that broke out in a mill on the edge of the capital and spread to a depot, killing ",
     "en", False),
])
def test_a_trigger_s_clause_opens_after_its_noun_phrase(gap, lang, opens):
    from factcheck.context.event_types import vocabulary

    text = "fire" + gap + "112 people" if lang == "en" else "rogo" + gap + "112 operai"
    assert vocabulary().relative_between(text, lang, 4, len(text) - len(" people") - 3
                                         if lang == "en" else len(text) - 10) is opens


@pytest.mark.parametrize("text,lang", [
    ("Factory collapses in Chittagong.\n\nA garment factory collapsed in Chittagong, killing "
     "at least 40 workers. The deadliest structural failure before it - leaving aside the "
     "terror attacks of 2001 in New York - was a hotel in Manila, the Philippines, in 1990, "
     "in which 300 people died.", "en"),
    ("Crolla una fabbrica a Chittagong.\n\nUna fabbrica tessile è crollata a Chittagong, "
     "uccidendo almeno 40 operai. Il più grave crollo prima di questo (attentati esclusi) fu "
     "quello di un albergo a Manila, nelle Filippine, nel 1990, in cui morirono 300 persone.",
     "it"),
])
def test_an_undated_report_s_earlier_collapse_abroad_is_that_collapse_not_an_aside_s_attack(
        text, lang):
    # the attacks told aside are not what the figure counts; a year stated for an event only
    # in another country dates that event, though of the report's own type
    own = context_claim(text, "40", lang=lang)
    earlier = context_claim(text, "300", lang=lang)
    assert own.event == "auto:collapse:chattogram"
    assert earlier.event == "auto:collapse:manila:1990"


def test_a_figure_inside_an_aside_keeps_the_aside_s_event():
    text = ("Factory collapses in Chittagong.\n\nA garment factory collapsed in Chittagong, "
            "killing at least 40 workers. The collapse (the worst since a ferry sank in 2014 "
            "and killed 304 people) shocked the country.")
    assert context_claim(text, "304", lang="en").event.startswith("auto:shipwreck:")


_ANNIVERSARY = date(2031, 4, 24)


@pytest.mark.parametrize("text,lang", [
    ("Chittagong ricorda il crollo della fabbrica.\n\nA Chittagong centinaia di persone sono "
     "scese in piazza per i dieci anni dal crollo della fabbrica. Il palazzo venne giù mentre "
     "dentro lavoravano migliaia di operai: morirono in 612.", "it"),
    ("Chittagong remembers its factory collapse.\n\nHundreds gathered in Chittagong on Monday "
     "to mark the tenth anniversary of the factory collapse. The building came down as "
     "thousands worked inside: 612 died.", "en"),
])
def test_an_anniversary_report_s_toll_is_the_event_it_dates_years_before(text, lang):
    # nothing dates the toll's own sentence: the anniversary dates the report's event, ten
    # years before its day, and the toll is that event's, never the report's month
    c = context_claim(text, "612", lang=lang, published=_ANNIVERSARY)
    assert c.event == "auto:collapse:chattogram:2021-04"


@pytest.mark.parametrize("text,lang", [
    ("Crolla una palazzina a Chittagong.\n\nUna palazzina è crollata lunedì a Chittagong, "
     "uccidendo 12 persone. Arriva dieci anni dopo il crollo di una fabbrica a Dacca.", "it"),
    ("Building collapses in Chittagong.\n\nA building collapsed in Chittagong on Monday, "
     "killing 12 people. It came ten years after a factory collapse in Dhaka.", "en"),
])
def test_an_anniversary_of_another_place_s_event_does_not_date_the_report_s_own(text, lang):
    c = context_claim(text, "12", lang=lang, published=_ANNIVERSARY)
    assert c.event == "auto:collapse:chattogram:2031-04"


@pytest.mark.parametrize("text,lang", [
    ("Factory collapses in Chittagong.\n\nA garment factory collapsed in Chittagong on "
     "Wednesday, killing at least 40 workers. The toll nears that of a factory fire five "
     "months earlier that killed 112 people.", "en"),
    ("Factory collapses in Chittagong.\n\nA garment factory collapsed in Chittagong on "
     "Wednesday, killing at least 40 workers. Five months earlier, a factory fire killed "
     "112 people.", "en"),
    ("Crolla una fabbrica a Chittagong.\n\nUna fabbrica tessile è crollata mercoledì a "
     "Chittagong, uccidendo almeno 40 operai. Il bilancio si avvicina a quello dell'incendio "
     "di una fabbrica di cinque mesi prima, che fece 112 morti.", "it"),
])
def test_a_toll_told_months_earlier_than_the_report_s_event_is_an_earlier_event(text, lang):
    # no date of its own, but "five months earlier": the fire five months before the
    # report's collapse, never the collapse
    own = context_claim(text, "40", lang=lang, published=_TODAY)
    fire = context_claim(text, "112", lang=lang, published=_TODAY)
    assert own.event == "auto:collapse:chattogram:2031-04"
    assert fire.event == "auto:fire:bangladesh:2030-11"
    # undated: an earlier event at a date nobody can tell, which meets only events told so
    undated = context_claim(text, "112", lang=lang)
    assert undated.event == "auto:fire:bangladesh:earlier"
    assert context_claim(text, "40", lang=lang).event == "auto:collapse:chattogram"


@pytest.mark.parametrize("text,lang", [
    ("Factory collapses in Chittagong.\n\nA garment factory collapsed in Chittagong on "
     "Wednesday, killing at least 40 workers. Two days earlier, inspectors had found cracks "
     "in the walls; 112 people were inside when it fell.", "en"),
    ("Crolla una fabbrica a Chittagong.\n\nUna fabbrica tessile è crollata mercoledì a "
     "Chittagong. Due giorni prima gli ispettori avevano trovato crepe nei muri, ma dentro "
     "lavoravano 112 operai: 40 sono morti.", "it"),
])
def test_days_earlier_or_a_cue_in_another_clause_keep_the_report_s_event(text, lang):
    # a few days earlier is the report's own event's time; a cue in a clause of its own
    # tells nothing of the figure's
    for figure in ("112", "40"):
        c = context_claim(text, figure, lang=lang, published=_TODAY)
        assert c.event in (None, "auto:collapse:chattogram:2031-04"), (figure, c.event)
