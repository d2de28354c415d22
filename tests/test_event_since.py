"""Two date words an event's figures hinge on: "last November" / "lo scorso novembre" is the
latest November before the report (an earlier event's month, in a report of April), and a
count "since October 7" / "dal 7 ottobre" runs from that day to the report, over the event
the report is about (never that one day, nor an event of that day)."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.context.examples import context_claim

_APRIL = date(2031, 4, 26)


@pytest.mark.parametrize("text,lang", [
    ("Factory collapses in Chittagong.\n\nA garment factory collapsed in Chittagong on "
     "Wednesday. Last November a factory fire in Dhaka killed 112 workers.", "en"),
    ("Factory collapses in Chittagong.\n\nA garment factory collapsed in Chittagong on "
     "Wednesday. A factory fire last November killed 112 workers in Dhaka.", "en"),
    ("Crolla una fabbrica a Chittagong.\n\nUna fabbrica tessile è crollata mercoledì a "
     "Chittagong. Lo scorso novembre un incendio in una fabbrica di Dacca uccise 112 operai.",
     "it"),
])
def test_last_november_is_the_november_before_the_report(text, lang):
    c = context_claim(text, "112", lang=lang, published=_APRIL)
    assert (c.period_start, c.period_end) == (date(2030, 11, 1), date(2030, 11, 30))
    assert c.event == "auto:fire:dhaka:2030-11"


@pytest.mark.parametrize("text,lang,figure", [
    ("Strikes on Gaza.\n\nSince October 7, more than 1,400 people have been killed in Gaza, "
     "the ministry said.", "en", "1,400"),
    ("Strikes on Gaza.\n\nSince 7 October 2030, 1,400 people have been killed in Gaza.", "en",
     "1,400"),
    ("Raid su Gaza.\n\nDal 7 ottobre sono state uccise più di 1.400 persone a Gaza, secondo il "
     "ministero.", "it", "1.400"),
    ("Raid su Gaza.\n\nDall'8 ottobre sono state uccise 1.400 persone a Gaza.", "it", "1.400"),
])
def test_a_count_since_a_day_runs_to_the_report_over_the_report_s_event(text, lang, figure):
    c = context_claim(text, figure, lang=lang, published=_APRIL)
    assert c.period_start in (date(2030, 10, 7), date(2030, 10, 8))
    assert c.period_end == _APRIL
    # the war the report is about, as of the report: not an event of that October day
    assert c.event is not None and c.event.endswith(":2031-04")


def test_a_span_of_days_is_still_a_span_and_a_count_since_a_year_no_event():
    span = context_claim("Alluvione a Faenza.\n\nDal 16 al 18 maggio sono morte 9 persone.",
                         "9", published=date(2031, 5, 20))
    assert (span.period_start, span.period_end) == (date(2031, 5, 16), date(2031, 5, 18))
    years = context_claim("Floods in Faenza.\n\nSince 1992 floods have killed 150 people in "
                          "the valley.", "150", lang="en", published=_APRIL)
    assert years.event is None
