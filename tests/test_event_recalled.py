"""An event recalled months or years on: by the name of the ship or building it destroyed, by
a trial's or an anniversary's lead that names and dates it, or as the background of another
event told "five months earlier"; and a second strike placed where the next sentence says its
target lies. All sentences invented."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.context.examples import context_claim
from factcheck.context.merge import merge_events
from factcheck.model import Claim, Quantity


def _claim(doc: str, event: str, published: date | None) -> Claim:
    q = Quantity(0, 2, "10", "count", 10, 10, 10)
    return Claim(doc, "deaths", q, "it/deaths", "10 morti", 0, event=event, published=published)


def _events(claims: list[Claim]) -> list[str | None]:
    return [c.event for c in merge_events(claims)]


def test_a_ship_s_name_links_a_report_months_later():
    a, b, c = _events([
        _claim("a", "auto:shipwreck:site-stella-genova@isola-del-giglio:2031-01", date(2031, 1, 15)),
        _claim("b", "auto:shipwreck:isola-del-giglio:2031-01", date(2031, 1, 16)),
        _claim("c", "auto:shipwreck:site-stella-genova@isola-del-giglio:2031-03", date(2031, 3, 20))])
    assert a == b == c


def test_a_place_alone_months_later_is_another_shipwreck():
    a, b = _events([
        _claim("a", "auto:shipwreck:isola-del-giglio:2031-01", date(2031, 1, 15)),
        _claim("b", "auto:shipwreck:isola-del-giglio:2031-03", date(2031, 3, 20))])
    assert a != b


def test_a_ship_s_name_two_years_on_is_another_event():
    a, b = _events([
        _claim("a", "auto:shipwreck:site-stella-genova@isola-del-giglio:2031-01", date(2031, 1, 15)),
        _claim("b", "auto:shipwreck:site-stella-genova@isola-del-giglio:2033-03", date(2033, 3, 20))])
    assert a != b


def test_a_site_that_sees_several_events_keeps_the_type_s_window():
    # a glacier's avalanches: the avalanche type has no site window
    a, b = _events([
        _claim("a", "auto:avalanche:site-gravetta@canazei:2031-01", date(2031, 1, 15)),
        _claim("b", "auto:avalanche:site-gravetta@canazei:2031-04", date(2031, 4, 20))])
    assert a != b


def test_an_undated_earlier_event_joins_the_one_dated_event_before_its_report_s():
    # an undated report on a collapse recalls "a blaze some seven months earlier": the fire
    # another report dates, at the country it names, before the collapse
    events = _events([
        _claim("a", "auto:collapse:dhaka:2031-04", date(2031, 4, 25)),
        _claim("b", "auto:collapse:dhaka", None),
        _claim("b", "auto:fire:bangladesh:earlier", None),
        _claim("c", "auto:fire:bangladesh:2030-09", date(2031, 4, 2))])
    collapse_a, collapse_b, fire_b, fire_c = events
    assert collapse_a == collapse_b != fire_b
    assert fire_b == fire_c


def test_an_earlier_event_of_a_report_with_no_dated_event_stays_apart():
    fire_b, fire_c = _events([
        _claim("b", "auto:fire:bangladesh:earlier", None),
        _claim("c", "auto:fire:bangladesh:2030-09", date(2031, 4, 2))])
    assert fire_b != fire_c


def test_an_earlier_event_never_joins_one_after_its_report_s_own():
    events = _events([
        _claim("a", "auto:collapse:dhaka:2031-04", date(2031, 4, 25)),
        _claim("b", "auto:collapse:dhaka", None),
        _claim("b", "auto:fire:bangladesh:earlier", None),
        _claim("c", "auto:fire:bangladesh:2031-06", date(2031, 6, 2))])
    assert events[2] != events[3]


_REPORT = date(2033, 9, 6)


@pytest.mark.parametrize("text,lang,figure,event", [
    # a trial's report opens on its event, named and dated: its figures are that event's
    ("Processo a Lucca.\n\nLa strage ferroviaria di Viareggio, che costò la vita a 30 "
     "persone, risale al 29 giugno 2031. Il processo si è aperto a Lucca, dove il tribunale ha "
     "sentito i testimoni.", "it", "30", "auto:crash:viareggio:2031-06"),
    ("Trial opens.\n\nThe Viareggio railway massacre, which took 30 lives, dates back to 29 "
     "June 2031. The trial opened in Lucca, where the court heard the first witnesses.", "en",
     "30", "auto:crash:viareggio:2031-06"),
])
def test_a_trial_s_lead_dates_its_old_event(text, lang, figure, event):
    c = context_claim(text, figure, lang=lang, published=_REPORT)
    assert c.event is not None
    assert c.event.endswith(":2031-06"), c.event


def test_a_report_on_a_recent_event_is_not_dated_by_its_lead_s_history():
    text = ("Blast at a depot in Leeds.\n\nAn explosion killed 19 people at a depot in Leeds "
            "on Monday night. It was the worst since 40 died in the 9 March Bristol "
            "explosions in 2019.")
    c = context_claim(text, "19", lang="en", published=date(2031, 5, 23))
    assert c.event == "auto:explosion:leeds:2031-05"


def test_a_place_in_a_since_when_clause_is_not_the_report_s():
    text = ("Ferry toll rises.\n\nThe number of people killed when a ferry sank on Sunday "
            "has risen to 33. It is the deadliest sinking since 2018, when a ferry capsized "
            "near Selayar island, killing 35 people.")
    c = context_claim(text, "33", lang="en", published=date(2031, 6, 11))
    assert c.event is None or "selayar" not in c.event


def test_a_second_strike_takes_the_place_the_next_sentence_gives_its_target():
    text = ("Raid su un ospedale a Gaza.\n\nAlmeno 300 morti nel raid sull'ospedale di Gaza. "
            "E sei persone sono morte anche in una scuola a Gaza in un altro raid. Lo ha "
            "detto l'agenzia, aggiungendo che l'istituto sorge nel campo di Valdoro.")
    own = context_claim(text, "300", published=date(2031, 10, 17))
    other = context_claim(text, "sei", published=date(2031, 10, 17))
    assert other.event == "auto:attack:valdoro:2031-10"
    assert own.event != other.event


@pytest.mark.parametrize("text,lang,figure", [
    ("Naufragio al largo di Lampedusa.\n\nSono 9 i morti del naufragio al largo di Lampedusa. "
     "I migranti, quasi tutti siriani, erano partiti dal porto di Sfax due giorni prima.",
     "it", "9"),
    ("Ferry sinks off Lampedusa.\n\nNine people died when a ferry sank off Lampedusa. The "
     "ferry had left the port of Sfax at dawn.", "en", "Nine"),
])
def test_the_port_a_voyage_left_is_not_where_it_sank(text, lang, figure):
    c = context_claim(text, figure, lang=lang, published=date(2031, 4, 4))
    assert c.event is not None and "sfax" not in c.event, c.event
