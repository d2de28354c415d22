"""A report recalls its country's history: "the worst attack in the UK since 56 people were
killed in the 7 July London bombings in 2005". The day told without its year takes the year
told right after it with the event's name (7 July 2005, never the latest 7 July before the
report), and a date told of a wider place than the report's own (the country) is that
place's history, never the day of the report's own event."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.context.examples import context_claim

_MAY = date(2031, 5, 23)


@pytest.mark.parametrize("text,lang,figure", [
    ("Bomb at a concert in Leeds.\n\nA bomb killed 19 people at a concert in Leeds on "
     "Monday night. It is the worst attack in the UK since 52 people were killed in the "
     "9 March Bristol bombings in 2019.", "en", "52"),
    ("Bomba a un concerto a Leeds.\n\nUna bomba ha ucciso 19 persone a un concerto a Leeds "
     "lunedì sera. È il peggiore attentato nel Regno Unito da quando 52 persone furono uccise "
     "negli attentati del 9 marzo a Bristol nel 2019.", "it", "52"),
])
def test_a_day_told_without_its_year_takes_the_year_told_after_its_name(text, lang, figure):
    c = context_claim(text, figure, lang=lang, published=_MAY)
    assert (c.period_start, c.period_end) == (date(2019, 3, 9), date(2019, 3, 9))


def test_the_country_s_history_does_not_date_the_report_s_own_event():
    text = ("Bomb at a concert in Leeds.\n\nA bomb killed 19 people at a concert in Leeds on "
            "Monday night. It is the worst attack in the UK since 52 people were killed in "
            "the 9 March Bristol bombings in 2019.")
    own = context_claim(text, "19", lang="en", published=_MAY)
    assert own.event == "auto:attack:leeds:2031-05"


def test_a_day_followed_by_a_verb_s_clause_keeps_its_own_year():
    # "killed more than in 2011": no name between, the year is a comparison's
    c = context_claim("Quake in Valcorvo.\n\nThe quake on 7 February killed 40 people, more "
                      "than in 2011.", "40", lang="en", published=date(2031, 2, 9))
    assert c.period_start == date(2031, 2, 7)
