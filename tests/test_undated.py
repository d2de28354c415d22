"""An undated article's figure takes the span of the event the merge joins it to."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.articles import parse_article
from factcheck.context.undated import event_spans, undated_periods
from factcheck.model import Claim, Quantity
from factcheck.pipeline import analyze, extract_article, load_ruleset
from factcheck.verdicts.figure import as_of


def _claim(doc: str, event: str, published: date | None, **kw) -> Claim:
    q = Quantity(0, 2, "10", "count", 10, 10, 10)
    return Claim(doc, "deaths", q, "it/deaths", "10 morti", 0, event=event,
                 published=published, **kw)


def test_an_undated_figure_spans_its_event_from_its_told_start_to_the_latest_report():
    claims = [_claim("a", "auto:flood:faenza:2023-05", date(2023, 5, 18),
                     period_start=date(2023, 5, 16), period_end=date(2023, 5, 18),
                     period_how="running"),
              _claim("b", "auto:flood:faenza:2023-05", date(2023, 5, 25)),
              _claim("c", "auto:flood:faenza:2023-05", None)]
    undated = undated_periods(claims)[2]
    assert (undated.period_start, undated.period_end, undated.period_how) == \
        (date(2023, 5, 16), date(2023, 5, 25), "event")
    assert undated.published is None


def test_without_a_told_start_the_event_starts_with_its_month():
    claims = [_claim("a", "auto:flood:faenza:2023-05", date(2023, 5, 20)),
              _claim("c", "auto:flood:faenza:2023-05", None)]
    assert event_spans(claims) == {"auto:flood:faenza:2023-05": (date(2023, 5, 1),
                                                                   date(2023, 5, 20))}
    assert undated_periods(claims)[1].period_how == "event"


def test_an_explicit_date_of_one_figure_is_not_the_events_start():
    # "since 2010" in a dated article says nothing of when this flood began
    claims = [_claim("a", "auto:flood:faenza:2023-05", date(2023, 5, 20),
                     period_start=date(2010, 1, 1), period_end=date(2023, 5, 20),
                     period_how="explicit"),
              _claim("c", "auto:flood:faenza:2023-05", None)]
    assert undated_periods(claims)[1].period_start == date(2023, 5, 1)


def test_an_event_no_dated_article_reports_gives_only_its_own_time():
    # no dated article reports either event: the undated id gives no period, the dated one
    # the month its id names (see the test of the event's own time below)
    claims = [_claim("c", "auto:flood:faenza", None),
              _claim("d", "auto:flood:faenza:2023-05", None)]
    out = undated_periods(claims)
    assert out[0] == claims[0]
    assert (out[1].period_start, out[1].period_end, out[1].period_how) == (
        date(2023, 5, 1), date(2023, 5, 31), "event")


def test_dated_figures_and_undated_figures_with_a_period_of_their_own_keep_it():
    stated = _claim("c", "auto:flood:faenza:2023-05", None, period_start=date(2023, 5, 17),
                    period_end=date(2023, 5, 17), period_how="explicit")
    dated = _claim("a", "auto:flood:faenza:2023-05", date(2023, 5, 20))
    assert undated_periods([dated, stated]) == [dated, stated]


def test_a_figure_of_another_event_does_not_take_this_ones_span():
    claims = [_claim("a", "auto:flood:faenza:2023-05", date(2023, 5, 20)),
              _claim("c", "auto:landslide:ischia", None)]
    assert undated_periods(claims)[1].period_how is None


def test_the_period_does_not_make_the_undated_figure_dated_for_the_comparison():
    claims = [_claim("a", "auto:flood:faenza:2023-05", date(2023, 5, 20)),
              _claim("c", "auto:flood:faenza:2023-05", None)]
    assert as_of(undated_periods(claims)[1], 30) is None


def _article(name: str, body: str, day: str | None):
    head = "---\nsource: Gazzetta di prova\nlang: it\n" + (f"date: {day}\n" if day else "")
    text = head + "---\n\n" + body + "\n"
    return extract_article(parse_article(text, name, name), load_ruleset())


def test_analyze_dates_an_undated_report_by_the_event_dated_ones_tell():
    dated = _article("dated.txt", "Il terremoto ha colpito Norcia nella notte. "
                     "I morti sono 12, dice la Protezione civile.", "2016-10-30")
    undated = _article("undated.txt", "Il terremoto di Norcia: i morti sono 14, dice la "
                       "Protezione civile.", None)
    [alone] = [c for c in undated.claims if c.quantity.text == "14"]
    assert alone.period_how is None and alone.published is None  # extraction alone: no time
    analysis = analyze([dated, undated])
    [fourteen] = [c for c in analysis.claims if c.doc == "undated.txt"
                  and c.quantity.text == "14"]
    [twelve] = [c for c in analysis.claims if c.doc == "dated.txt"
                and c.quantity.text == "12"]
    assert fourteen.event == twelve.event
    assert fourteen.period_how == "event" and fourteen.published is None
    assert fourteen.period_start <= date(2016, 10, 30) == fourteen.period_end


def _told(doc: str, published: date, start: date) -> Claim:
    """A dated article's running count that tells when the flood began."""
    return _claim(doc, "auto:flood:faenza:2023-05", published, period_start=start,
                  period_end=published, period_how="running")


def _article_time(doc: str, published: date, metric: str = "deaths", event: str =
                  "auto:flood:faenza:2023-05") -> Claim:
    """A dated article's figure with only the article's own time (it never says when the
    event began)."""
    q = Quantity(0, 2, "10", "count", 10, 10, 10)
    return Claim(doc, metric, q, f"it/{metric}", "10", 0, event=event, published=published,
                 period_start=published, period_end=published, period_how="article")


def test_a_running_count_counts_from_the_start_other_articles_tell():
    told, bare = _told("a", date(2023, 5, 18), date(2023, 5, 16)), _article_time("b", date(2023, 5, 20))
    got = undated_periods([told, bare])[1]
    assert (got.period_start, got.period_end, got.period_how) == (
        date(2023, 5, 16), date(2023, 5, 20), "running")


@pytest.mark.parametrize("bare", [
    _article_time("b", date(2023, 5, 20), metric="missing"),     # a level, not a running count
    _article_time("b", date(2023, 5, 14)),                      # reported before the told start
    _article_time("b", date(2023, 5, 20), event="auto:landslide:ischia:2022-11"),  # another event
])
def test_no_told_start_for_levels_earlier_reports_or_other_events(bare):
    told = _told("a", date(2023, 5, 18), date(2023, 5, 16))
    assert undated_periods([told, bare])[1] == bare


def test_the_events_month_is_no_told_start():
    # an event dated only by its id's month: a running count keeps its article's time
    dated, bare = _claim("a", "auto:flood:faenza:2023-05", date(2023, 5, 18)), \
        _article_time("b", date(2023, 5, 20))
    assert undated_periods([dated, bare])[1] == bare


def test_a_count_since_a_stated_day_in_an_undated_report_is_the_current_event_s():
    from factcheck.context.examples import context_claim

    # a report of unknown date: the day it counts from is the best date it has
    en = context_claim("Heavy rain flooded homes in Borgoverde again. More floods since 16 May 2031 "
                       "killed 15 people in the region, officials said.", "15", lang="en")
    assert en.event is not None and en.event.endswith(":2031-05"), en.event
    it = context_claim("Nuove piogge hanno allagato le case a Borgoverde. Dal 16 maggio 2031 "
                       "l'alluvione ha causato 15 morti.", "15")
    assert it.event is not None and it.event.endswith(":2031-05"), it.event
    # a count over years is no one year's event, dated or not
    years = context_claim("Heavy rain flooded homes in Borgoverde again. Since 1992 floods have "
                          "killed 150 people in the region.", "150", lang="en")
    assert years.event is None


def test_a_running_count_told_years_after_a_short_event_is_the_event_s():
    # an anniversary or a trial: "the quake that killed 212" a decade on counts the quake,
    # over its own window, never up to the report; a war's count (a long window) still runs
    from factcheck.context.asof import unstated_period
    from factcheck.timespan import publication_span
    report = publication_span(date(2031, 4, 6), "day", "metadata")
    quake = (date(2021, 4, 6), date.max)
    assert unstated_period((None, None, "article"), cumulative=True, event=quake,
                           report=report, window=21) == (
        date(2021, 4, 6), date(2021, 4, 27), "event")
    assert unstated_period((None, None, "article"), cumulative=True, event=quake,
                           report=report, window=365)[1:] == (date(2031, 4, 6), "running")
    # counter-example: weeks after, a short event's count still runs to the report
    recent = (date(2031, 3, 20), date.max)
    assert unstated_period((None, None, "article"), cumulative=True, event=recent,
                           report=report, window=21) == (
        date(2031, 3, 20), date(2031, 4, 6), "running")


def test_an_undated_figure_of_an_event_no_dated_article_reports_takes_the_event_s_own_time():
    # the only report of a flood its text dates to May 2031 ("l'alluvione del maggio 2031"):
    # its undated figures are about that month, not about no time at all
    claims = [_claim("u", "auto:flood:faenza:2031-05", None),
              _claim("v", "auto:flood:faenza:2031", None)]
    out = undated_periods(claims)
    assert [(c.period_start, c.period_end, c.period_how) for c in out] == [
        (date(2031, 5, 1), date(2031, 5, 31), "event"),
        (date(2031, 1, 1), date(2031, 12, 31), "event")]


@pytest.mark.parametrize("event", ["auto:flood:faenza", "auto:flood:faenza:earlier", None])
def test_an_undated_figure_of_an_undated_event_stays_undated(event):
    # counter-examples: nothing dates the event, or it is only told as over before the report
    (c,) = undated_periods([_claim("u", event, None)])
    assert (c.period_start, c.period_end, c.period_how) == (None, None, None)
