"""When a figure's count is from (issue 17's "Time"): our own sentences, both languages.

A date inferred from the text only bounds the report from below; a weekday's direction
follows the tense; a date announced for something else never dates a count; a lead that
tells an earlier day's count widens the article's own time back to that day; the clause
that says who gave a figure dates it.
"""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.context.dates import last_weekday, next_weekday
from factcheck.context.lexicon import lexicon
from factcheck.context.period import (
    Base, announces, figure_period, find_phrases, lead_base, resolve,
)

SUNDAY = date(2031, 3, 9)  # a Sunday
WEDNESDAY = date(2031, 3, 12)


def period(text: str, figure: str, lang: str, base: Base | None, texts=None):
    texts = list(texts or []) + [text]
    start = text.index(figure)
    r = figure_period(texts, len(texts) - 1, start, start + len(figure), lexicon(lang),
                      base)
    return None if r is None else (r.start, r.end, r.how)


def test_next_and_last_weekday():
    assert last_weekday(SUNDAY, 0) == date(2031, 3, 3)
    assert next_weekday(SUNDAY, 0) == date(2031, 3, 10)
    assert next_weekday(SUNDAY, 6) == SUNDAY == last_weekday(SUNDAY, 6)


@pytest.mark.parametrize("lang,text,figure,day", [
    # a report of what happened: the last Monday on or before the report
    ("en", "Rescuers pulled 12 survivors from the mud on Monday.", "12", date(2031, 3, 3)),
    ("it", "Lunedì i soccorritori hanno estratto 12 superstiti dal fango.", "12",
     date(2031, 3, 3)),
    # an announcement: the next Monday
    ("en", "Officials will publish a final list of the 40 missing on Monday.", "40",
     date(2031, 3, 10)),
    ("it", "Lunedì si terrà il censimento dei 40 dispersi.", "40", date(2031, 3, 10)),
])
def test_a_weekday_follows_the_tense(lang, text, figure, day):
    assert period(text, figure, lang, Base.of(SUNDAY, "day"))[:2] == (day, day)


@pytest.mark.parametrize("lang,text", [
    ("en", "Funerals will be held on Friday, and the toll stands at 31 dead."),
    ("it", "Venerdì si terranno i funerali, mentre il bilancio è di 31 morti."),
])
def test_a_date_announced_for_something_else_does_not_date_a_count(lang, text):
    assert period(text, "31", lang, Base.of(WEDNESDAY, "day")) == (WEDNESDAY, WEDNESDAY,
                                                                   "article")


@pytest.mark.parametrize("lang,text", [
    # counter-examples: a past date before the figure still dates it
    ("en", "On Monday, rescuers said the toll stood at 31 dead."),
    ("it", "Lunedì la prefettura ha detto che i morti erano 31."),
])
def test_a_past_date_before_the_figure_still_dates_it(lang, text):
    assert period(text, "31", lang, Base.of(WEDNESDAY, "day"))[:2] == (
        date(2031, 3, 10), date(2031, 3, 10))


def test_the_attribution_after_a_figure_dates_it():
    text = "At least 19 people have died, according to the county late Tuesday."
    assert period(text, "19", "en", Base.of(WEDNESDAY, "day"))[:2] == (
        date(2031, 3, 11), date(2031, 3, 11))


def test_a_year_after_a_figure_outside_an_attribution_does_not_date_it():
    # counter-example: "since 2018" qualifies the comparison, not the count
    text = "The fire killed at least 19 people, the deadliest in the state since 2018."
    assert period(text, "19", "en", Base.of(WEDNESDAY, "day"))[2] == "article"


def test_a_lead_that_tells_an_earlier_day_widens_the_articles_time():
    lex = lexicon("en")
    lead = ["The toll from the ferry sinking rose to 44 after divers found more bodies on "
            "Monday.", "Dozens more were believed to be missing."]
    base = lead_base(Base.of(WEDNESDAY, "day"), lead, lex)
    assert (base.start, base.end, base.day) == (date(2031, 3, 10), WEDNESDAY, WEDNESDAY)
    assert period(lead[1], "Dozens", "en", base, lead[:1])[:2] == (date(2031, 3, 10),
                                                                    WEDNESDAY)


@pytest.mark.parametrize("lang,lead", [
    # counter-examples: a lead with no earlier day, an announced day, a day long before
    ("en", ["The toll from the ferry sinking rose to 44, officials said."]),
    ("en", ["Divers will resume the search on Monday for the 44 missing."]),
    ("it", ["Il traghetto era affondato il 3 gennaio 2031 con 44 persone a bordo."]),
])
def test_a_lead_without_a_recent_earlier_day_leaves_the_base(lang, lead):
    base = Base.of(WEDNESDAY, "day")
    assert lead_base(base, lead, lexicon(lang)) == base


def test_an_inferred_date_is_a_lower_bound_for_a_day_month():
    # a report inferred on or after 24 January: "28 January" is that January
    lex = lexicon("en")
    base = Base.of(date(2031, 1, 24), "unknown")
    (p,) = [p for p in find_phrases("The search ended on January 28.", lex)]
    assert resolve(p, lex, base).start == date(2031, 1, 28)
    # ... whereas against a known day it is the last one not after it
    assert resolve(p, lex, Base.of(date(2031, 1, 24), "day")).start == date(2030, 1, 28)


def test_an_inferred_date_resolves_a_weekday_to_the_one_nearest_it():
    # never to the inferred day itself, which is a Friday: "martedì" is no Friday; the
    # Tuesday three days before it is nearer than the one four days after
    lex = lexicon("it")
    base = Base.of(date(2031, 1, 24), "unknown")
    (p,) = find_phrases("Martedì sono stati recuperati altri corpi.", lex)
    r = resolve(p, lex, base)
    assert (r.start, r.end) == (date(2031, 1, 21), date(2031, 1, 21))


def test_announces_reads_the_phrase_clause_only():
    lex = lexicon("en")
    text = "Divers found 3 bodies on Monday, and a vigil will be held on Friday."
    monday, friday = find_phrases(text, lex)
    assert not announces(text, monday, lex)
    assert announces(text, friday, lex)


@pytest.mark.parametrize("text,future", [
    ("Il consiglio comunale approverà lo stato di calamità.", True),
    ("I funerali si terranno in cattedrale.", True),
    ("Il prefetto verrà ascoltato in commissione.", True),
    # counter-examples: past and present, words that only end like a future
    ("Il prefetto è stato ascoltato in commissione.", False),
    ("La città è ancora senza corrente.", False),
    ("Il tiranno fu deposto nel 1944.", False),
])
def test_italian_future_tense_is_an_announcement(text, future):
    assert (lexicon("it").future_re.search(text) is not None) is future


@pytest.mark.parametrize("lang,text,figure", [
    ("it", "I funerali delle 14 vittime si sono svolti sabato 8 marzo.", "14"),
    ("it", "Il 10 marzo un consiglio dei ministri sull'emergenza, con 14 morti accertati.",
     "14"),
    ("en", "A vigil for the 14 dead was held on Saturday.", "14"),
    ("en", "The cabinet meeting on Saturday declared an emergency; 14 people have died.",
     "14"),
])
def test_the_date_of_an_occasion_never_dates_a_figure(lang, text, figure):
    assert period(text, figure, lang, Base.of(WEDNESDAY, "day"))[2] == "article"


@pytest.mark.parametrize("lang,text,figure", [
    # counter-examples: a briefing gives the toll, its date is the figure's
    ("it", "Sabato, in conferenza stampa, la prefettura ha contato 14 morti.", "14"),
    ("en", "At a briefing on Saturday, officials said 14 people had died.", "14"),
])
def test_the_date_of_a_statement_dates_its_figure(lang, text, figure):
    assert period(text, figure, lang, Base.of(WEDNESDAY, "day"))[:2] == (
        date(2031, 3, 8), date(2031, 3, 8))


# ---- a figure repeated with a date of its own elsewhere in the article ----------------

def _extract(text: str, lang: str, published: date):
    from factcheck.model import Article
    from factcheck.pipeline import extract_article, load_ruleset

    a = Article("t.txt", "t.txt", text, ((0, len(text)),), lang=lang, published=published,
                published_how="metadata", published_precision="day")
    return extract_article(a, load_ruleset()).claims


def _periods(claims, text: str):
    return [(c.period_start, c.period_end) for c in claims if c.quantity.text == text]


def test_an_undated_figure_repeated_with_a_day_takes_that_day():
    text = ("Rescuers searched the valley and at least 23 people died in the floods. "
            "At least 23 people died, according to a statement from the regional government "
            "late Monday.")
    claims = _extract(text, "en", WEDNESDAY)
    monday = date(2031, 3, 10)
    assert _periods(claims, "at least 23") == [(monday, monday)]
    assert _periods(claims, "At least 23") == [(monday, monday)]


def test_a_different_figure_keeps_the_articles_time():
    # counter-example: 23 is not 31, so the undated 31 stays as of the report
    text = ("Rescuers searched the valley and at least 31 people died in the floods. "
            "At least 23 people died, according to a statement from the regional government "
            "late Monday.")
    claims = _extract(text, "en", WEDNESDAY)
    assert all(end == WEDNESDAY for _, end in _periods(claims, "at least 31"))


def test_twins_dated_differently_leave_the_undated_figure_alone():
    # counter-example: two days for the same figure: which one is unknown
    text = ("Almeno 12 persone sono morte nell'alluvione. Lunedì la prefettura parlava di "
            "almeno 12 morti. Martedì il sindaco confermava almeno 12 morti.")
    claims = _extract(text, "it", WEDNESDAY)
    assert all(end == WEDNESDAY for _, end in _periods(claims, "Almeno 12"))


def test_a_twin_dated_long_before_the_report_is_not_its_as_of():
    # counter-example: a figure restated months on is not dated by an old day near it
    text = ("Officials put the toll at 64 after the storm struck the coast on 20 September. "
            "The official toll of 64 deaths is far too low, the study says.")
    claims = _extract(text, "en", date(2032, 5, 29))
    assert _periods(claims, "64")[-1][1] == date(2032, 5, 29)


@pytest.mark.parametrize("text,day", [
    ("Rescuers found 12 more bodies on Tuesday (3/4), officials said.", None),  # 3/4: no reading
    ("Rescuers found 12 more bodies on Tuesday (3/4/2031), officials said.", None),
    ("Rescuers found 12 more bodies on Friday (3/14), officials said.", date(2031, 3, 14)),
    ("The toll rose to 12 last Monday (3/17), the agency said.", date(2031, 3, 17)),
])
def test_a_weekday_with_its_month_and_day_in_brackets(text, day):
    # "(3/14)" after a weekday is a month/day only when the day is past 12 (no day/month
    # reading); the period is that day, never the weekday's own
    base = Base.of(date(2031, 3, 20), "day")
    found = [p for p in find_phrases(text, lexicon("en")) if p.kind == "date"]
    if day is None:
        assert not found
    else:
        assert [(r.start, r.end) for p in found if (r := resolve(p, lexicon("en"), base))] == \
            [(day, day)]


@pytest.mark.parametrize("lang,text,figure", [
    ("it", "La frana caduta nella notte tra venerdì e sabato ha causato 4 morti.", "4 morti"),
    ("it", "Nella notte fra venerdì 7 e sabato sono morte 4 persone.", "4 persone"),
    ("en", "Four people died when the river burst its banks overnight Friday into Saturday.",
     "Four people"),
    ("en", "The storm killed 4 people on the night of Friday to Saturday.", "4 people"),
])
def test_the_night_between_two_days_is_both_days(lang, text, figure):
    # reported on Wednesday 12 March 2031: the last Saturday is the 8th, the night began
    # on Friday the 7th (never the Friday alone, nor the Saturday alone)
    assert period(text, figure, lang, Base.of(WEDNESDAY, "day")) == (
        date(2031, 3, 7), date(2031, 3, 8), "relative")


@pytest.mark.parametrize("lang,text,figure", [
    ("it", "Venerdì e sabato sono morte 4 persone.", "4 persone"),     # two days, no night
    ("en", "Four people died on Saturday night.", "Four people"),     # Saturday's own night
])
def test_no_night_span_without_a_night_between_two_days(lang, text, figure):
    got = period(text, figure, lang, Base.of(WEDNESDAY, "day"))
    assert got is None or got[0] == got[1]


@pytest.mark.parametrize("text,figure,year", [
    ("The 2019 Valdoria Fire killed at least 60 people.", "at least 60", 2019),
    ("Like the 2012 Borgo earthquake, which left 300 dead, it struck at night.", "300", 2012),
    ("Only the 2000 people who stayed were rescued by boat.", "2000", None),   # a count
    ("In the 2019 floods 60 people died.", "60", None),                      # no name after it
    ("The 2019 houses of the valley held 60 people.", "60", None),            # things
])
def test_a_year_before_a_name_is_that_names_year(text, figure, year):
    got = period(text, figure, "en", Base.of(WEDNESDAY, "day"))
    if year is None:
        assert got is None or got[0].year == 2031
    else:
        assert got == (date(year, 1, 1), date(year, 12, 31), "explicit")


@pytest.mark.parametrize("lang,text,figure,first,last", [
    ("it", "Tra il 3 e il 4 marzo l'alluvione ha causato 12 morti.", "12 morti", 3, 4),
    ("it", "Dall'8 all'11 marzo la frana ha fatto 5 vittime.", "5 vittime", 8, 11),
    ("it", "Nel sisma del 5-6 marzo sono morte 9 persone.", "9 persone", 5, 6),
    ("en", "Between 3 and 4 March the floods killed 12 people.", "12 people", 3, 4),
    ("en", "Between March 3 and 4, the storm left 7 dead.", "7 dead", 3, 4),
    ("en", "The March 5-6 storms killed 9 people.", "9 people", 5, 6),
    ("en", "From the 8th to the 11th of March the fires killed 5.", "5", 8, 11),
])
def test_two_days_of_one_month_are_a_span(lang, text, figure, first, last):
    # reported on Wednesday 12 March 2031: the figure covers both days, not the last alone
    assert period(text, figure, lang, Base.of(WEDNESDAY, "day")) == (
        date(2031, 3, first), date(2031, 3, last), "relative")


@pytest.mark.parametrize("lang,text,figure,day", [
    # a number with no article before "e" is a count, and "15 16 people" is a day and a count
    ("it", "Il bilancio è salito a 15 e il 4 marzo a 20 morti.", "20 morti", 4),
    ("en", "On March 4 16 people died.", "16 people", 4),
    ("it", "Il 4 marzo sono morte 3 persone.", "3 persone", 4),
])
def test_one_day_stays_one_day(lang, text, figure, day):
    assert period(text, figure, lang, Base.of(WEDNESDAY, "day")) == (
        date(2031, 3, day), date(2031, 3, day), "relative")


def test_a_span_across_a_month_end_starts_in_the_month_before():
    got = period("Tra il 28 e il 2 marzo la neve ha causato 4 morti.", "4 morti", "it",
                 Base.of(WEDNESDAY, "day"))
    assert got == (date(2031, 2, 28), date(2031, 3, 2), "relative")


@pytest.mark.parametrize("lang,text,figure,first", [
    ("it", "Tra il 27 febbraio e il 2 marzo la neve ha causato 4 morti.", "4 morti",
     date(2031, 2, 27)),
    ("it", "Dal 30 dicembre al 2 marzo l'epidemia ha fatto 40 vittime.", "40 vittime",
     date(2030, 12, 30)),
    ("en", "Between 27 February and 2 March the storms killed 4 people.", "4 people",
     date(2031, 2, 27)),
    ("en", "From February 27 to March 2, the storms killed 4 people.", "4 people",
     date(2031, 2, 27)),
])
def test_a_span_naming_two_months_starts_in_the_first(lang, text, figure, first):
    assert period(text, figure, lang, Base.of(WEDNESDAY, "day")) == (
        first, date(2031, 3, 2), "relative")


# ---------------------------------------------------------------- unseen reporting (P1)

SATURDAY = date(2031, 3, 8)


@pytest.mark.parametrize("lang,text", [
    ("en", "The fire that broke out in the hills on Saturday has now killed 40 people."),
    ("it", "Sale a 40 morti il bilancio dell'incendio scoppiato sabato sulle colline."),
])
def test_the_day_an_event_began_starts_the_count_that_runs_to_the_report(lang, text):
    assert period(text, "40", lang, Base.of(WEDNESDAY, "day"))[:2] == (SATURDAY, WEDNESDAY)


@pytest.mark.parametrize("lang,text", [
    # counter-examples: a day of the figure's own verb, and a start long before the report
    ("en", "On Saturday night 40 people had died in the fire."),
    ("it", "Sabato sera le vittime dell'incendio erano 40."),
    ("en", "Fighting began and killed 40 people on Saturday."),
])
def test_a_day_that_is_no_event_s_start_dates_the_figure_alone(lang, text):
    assert period(text, "40", lang, Base.of(WEDNESDAY, "day"))[:2] == (SATURDAY, SATURDAY)


def test_a_start_years_before_the_report_is_no_running_count_s():
    text = "The war that began on 3 March 2025 killed 40 people in its first week."
    assert period(text, "40", "en", Base.of(WEDNESDAY, "day"))[:2] == (
        date(2025, 3, 3), date(2025, 3, 3))


@pytest.mark.parametrize("lang,text,day", [
    # the latest day an undated text states is Saturday the 8th: the report is that day or
    # later, and a weekday it names is the one nearest it, after or before
    ("it", "Domenica i dispersi erano ancora 20.", date(2031, 3, 9)),
    ("en", "On Monday 20 people were still missing.", date(2031, 3, 10)),
    ("en", "On Thursday 20 people were reported missing.", date(2031, 3, 6)),
    ("it", "Sabato i dispersi erano 20.", SATURDAY),
])
def test_against_an_inferred_date_a_weekday_is_the_one_nearest_it(lang, text, day):
    assert period(text, "20", lang, Base.of(SATURDAY, "unknown"))[:2] == (day, day)


@pytest.mark.parametrize("lang,text", [
    ("en", "A decade ago the flood killed 40 people."),
    ("it", "Un decennio fa l'alluvione fece 40 morti."),
])
def test_a_decade_ago_is_the_year_ten_before(lang, text):
    assert period(text, "40", lang, Base.of(WEDNESDAY, "day"))[:2] == (
        date(2021, 1, 1), date(2021, 12, 31))


@pytest.mark.parametrize("lang,text,running", [
    ("en", "A decade after the flood that killed 40 people in the valley", False),
    ("it", "A un anno dall'alluvione che fece 40 vittime nella valle", False),
    ("en", "The flood has killed 40 people in the valley so far", True),
    ("it", "I morti dell'alluvione sono stati 40 secondo la nuova stima", True),
    ("it", "Le prime stime ipotizzavano 40 morti nella valle", True),
])
def test_a_clause_tells_its_count_as_still_running_or_as_an_old_event_s(lang, text, running):
    from factcheck.context.period import still_running
    assert still_running(text, (0, len(text)), lexicon(lang)) is running


@pytest.mark.parametrize("lang,text", [
    # counter-examples: the event's verb is the sentence's own, the figure its consequence
    ("en", "A blast hit the port on Saturday, killing 40 people."),
    ("it", "Un'esplosione ha colpito il porto sabato, uccidendo 40 persone."),
    ("it", "Sabato è scoppiato un incendio che ha ucciso 40 persone."),
])
def test_an_event_s_own_verb_dates_its_figure_to_that_day(lang, text):
    assert period(text, "40", lang, Base.of(WEDNESDAY, "day"))[:2] == (SATURDAY, SATURDAY)


@pytest.mark.parametrize("lang,text", [
    ("en", "The storm that made landfall on Saturday has killed 40 people."),
    ("it", "Il sisma che ha colpito sabato la valle ha fatto 40 morti."),
    ("en", "Since the fighting began on Saturday, 40 people have died."),
])
def test_a_clause_that_describes_the_event_dates_its_start(lang, text):
    assert period(text, "40", lang, Base.of(WEDNESDAY, "day"))[:2] == (SATURDAY, WEDNESDAY)


def test_a_day_between_the_relative_and_its_verb_is_the_event_s_start():
    text = "Per la bufera che sabato sera si è abbattuta sul litorale ligure i morti sono 40."
    assert period(text, "40", "it", Base.of(WEDNESDAY, "day"))[:2] == (SATURDAY, WEDNESDAY)


@pytest.mark.parametrize("lang,text", [
    ("en", "Floods hit the valley.\n\nThe floods that struck the valley on Saturday have "
           "killed 40 people. On the first day alone 12 people died."),
    ("it", "Alluvione nella valle.\n\nL'alluvione che ha colpito la valle sabato ha fatto 40 "
           "morti. Già nella prima giornata le vittime erano 12."),
])
def test_the_first_day_is_the_event_s_first_day(lang, text):
    from factcheck.context.examples import context_claim
    c = context_claim(text, "12", lang=lang, published=WEDNESDAY)
    assert (c.period_start, c.period_end) == (SATURDAY, SATURDAY)


def test_the_first_day_of_something_else_is_no_event_s_day():
    # counter-example: the first day of a trial is the trial's, not the disaster's
    lex = lexicon("en")
    assert [p.kind for p in find_phrases("On the first day of the trial 40 relatives came.",
                                         lex)] == []


@pytest.mark.parametrize("lang,text", [
    # a date told with the count a toll rose from is that count's, never the new one's
    ("en", "Sunday's count of 9 dead has climbed to 40, the mayor said."),
    ("en", "The count, which was 9 on Saturday evening, has grown to 40."),
    ("it", "Dai 9 morti contati sabato, il bilancio è salito a 40."),
    ("it", "Dagli 9 annegati di domenica il conto delle vittime è arrivato a 40."),
])
def test_a_date_of_the_count_a_toll_rose_from_does_not_date_the_new_count(lang, text):
    got = period(text, "40", lang, Base.of(WEDNESDAY, "day"))
    assert got[1] == WEDNESDAY and got[2] == "article"


@pytest.mark.parametrize("lang,text,day", [
    # counter-examples: no other count before the rise, or the date after it
    ("en", "By Tuesday the count of the dead had reached 40.", date(2031, 3, 11)),
    ("en", "On Saturday the count went up: it rose from 9 to 40.", SATURDAY),
    ("en", "The count rose from 9 on Saturday to 40 on Tuesday.", date(2031, 3, 11)),
    ("it", "Il conto è passato dai 9 morti di sabato ai 40 di martedì.", date(2031, 3, 11)),
])
def test_a_date_of_the_new_count_still_dates_it(lang, text, day):
    assert period(text, "40", lang, Base.of(WEDNESDAY, "day"))[:2] == (day, day)


@pytest.mark.parametrize("text,year", [
    ("The inquiry into the 2027 dam collapse in the valley, which killed 40 people, opened.", 2027),
    ("Survivors of a 2026 ferry sinking, in which 40 people drowned, met the minister.", 2026),
])
def test_a_year_before_what_happened_dates_it(text, year):
    assert period(text, "40", "en", Base.of(WEDNESDAY, "day"))[:2] == (
        date(year, 1, 1), date(year, 12, 31))


def test_a_year_of_a_comparison_is_no_date_of_the_figure():
    text = "The storm, the worst since the 2019 dam collapse, killed 40 people."
    assert period(text, "40", "en", Base.of(WEDNESDAY, "day"))[2] == "article"


def test_a_year_before_a_count_is_no_date():
    # counter-example: "the 2000 homes" counts homes, it names no year
    lex = lexicon("en")
    assert [p.kind for p in find_phrases("The 2000 homes of the valley lost power.", lex)] == []


@pytest.mark.parametrize("lang,text,figure,day", [
    # the count a toll rose from, with the new count's date after it: not that date
    ("en", "The number of missing was raised from 9 to 11 Tuesday.", "9", None),
    ("en", "The count has risen to 40, with 9 dead on Saturday alone.", "40", None),
    ("it", "Il numero dei dispersi è salito da 9 a 11 martedì.", "9", None),
    # counter-examples: a date right after the figure, and no rise at all
    ("en", "The count rose from 9 on Saturday to 40 on Tuesday.", "9", SATURDAY),
    ("en", "Nine people died and 30 were hurt on Saturday.", "Nine", SATURDAY),
])
def test_a_date_of_another_count_of_the_rise_does_not_date_the_figure(lang, text, figure,
                                                                       day):
    got = period(text, figure, lang, Base.of(WEDNESDAY, "day"))
    if day is None:
        assert got[2] == "article"
    else:
        assert got[:2] == (day, day)
