"""Inferring the publication date from the text: what counts as evidence, and what never does."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from factcheck.articles import read_article
from factcheck.model import Article
from factcheck.pubdate import infer_published
from factcheck.sentences import split_sentences

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def article(text: str, lang: str = "it", **kw) -> Article:
    return Article("a.txt", "a.txt", text, ((0, len(text)),), lang=lang, **kw)


def infer(text: str, lang: str = "it") -> Article:
    a = article(text, lang)
    return infer_published(a, split_sentences(a.text, lang, a.regions))


def inferred(text: str, lang: str = "it") -> date | None:
    return infer(text, lang).published


def test_metadata_date_is_kept_as_is():
    a = article("Martedì 13 settembre 2022 ci sono stati scontri.", published=date(2023, 1, 2),
                published_how="metadata", published_precision="day")
    assert infer_published(a, split_sentences(a.text, "it")) is a


def test_a_full_date_is_inferred_and_marked():
    a = infer("Martedì 13 settembre 2022 sono ripresi i combattimenti al confine.")
    assert (a.published, a.published_how, a.published_precision) == (
        date(2022, 9, 13), "inferred", "unknown")  # a lower bound, never a known day


def test_the_latest_full_date_wins():
    text = ("La guerra è iniziata il 27 settembre 2020. Oggi, martedì 13 ottobre 2020, "
            "si combatte ancora.")
    assert inferred(text) == date(2020, 10, 13)


def test_announcements_are_not_the_present():
    text = ("Il 12 ottobre 2023 è previsto un colloquio tra i due presidenti. "
            "Gli scontri sono ripresi il 19 settembre 2023.")
    assert inferred(text) == date(2023, 9, 19)


def test_a_weekday_fixes_the_year_of_a_day_month():
    # 14 September was a Wednesday in 2022 (and not in 2021, the latest year mentioned)
    text = ("In una dichiarazione di mercoledì, la portavoce ha parlato della mattina del "
            "14 settembre. Gli scontri precedenti risalgono al 2021.")
    assert inferred(text) == date(2022, 9, 14)


def test_a_weekday_without_any_year_in_the_text_infers_nothing():
    assert inferred("Mercoledì 14 settembre ci sono stati scontri.") is None


def test_a_bare_year_never_makes_a_date():
    assert inferred("Nel 2020 la guerra durò 44 giorni. Martedì nuove commemorazioni.") is None


def test_no_date_stays_unknown():
    a = infer("Almeno 49 soldati sono morti nei combattimenti.")
    assert (a.published, a.published_how, a.published_precision) == (None, None, None)


def test_an_impossible_date_is_ignored():
    assert inferred("Il 31 febbraio 2022 non esiste; il 3 marzo 2022 sì.") == date(2022, 3, 3)


def test_english_dates():
    assert inferred("On Tuesday, September 13, 2022, fighting resumed.", "en") == date(2022, 9, 13)
    assert inferred("Fighting resumed on 13 September 2022.", "en") == date(2022, 9, 13)
    assert inferred("The talks will be held on October 12, 2023.", "en") is None


def test_english_dateline():
    text = "MOSCOW, Oct 23 - The Kremlin proposed observers. The plan dates from 2022."
    assert inferred(text, "en") == date(2022, 10, 23)


@pytest.mark.parametrize("name, expected", [
    ("dateline.txt", date(2022, 10, 23)),
    ("weekday.txt", date(2022, 9, 14)),
    ("bare_year.txt", None),
])
def test_article_files(shared_datadir, name, expected):
    path = shared_datadir / "context" / "articles" / name
    a = read_article(path, name, lambda w: None)
    a = infer_published(a, split_sentences(a.text, a.lang, a.regions))
    assert a.published == expected
    assert a.published_how == ("inferred" if expected else None)


def test_a_file_with_a_date_header_keeps_it(shared_datadir):
    path = shared_datadir / "context" / "articles" / "with_date.txt"
    a = read_article(path, path.name, lambda w: None)
    out = infer_published(a, split_sentences(a.text, a.lang, a.regions))
    assert (out.published, out.published_how) == (date(2023, 10, 4), "metadata")


@pytest.mark.parametrize("seed, expected", [
    ("003_1cd965bc780c27c3.txt", date(2022, 9, 14)),  # "mercoledì ... 14 settembre", 2021 mentioned
    ("004_937be6888e573bd5.txt", None),  # only weekdays and bare years
    ("002_81ba2853dffa6702.txt", None),  # "il 12 ottobre è previsto": an announcement, no year
])
def test_seeds(seed, expected):
    a = read_article(SEEDS / seed, seed, lambda w: None)
    a = replace(a, published=None, published_how=None, published_precision=None)
    assert infer_published(a, split_sentences(a.text, a.lang, a.regions)).published == expected


def test_unsupported_language_is_left_alone():
    a = article("Le 13 septembre 2022.", lang="fr")
    assert infer_published(a, []) is a


def test_a_historical_date_is_not_the_publication_date():
    text = ("La guerra è iniziata il 27 settembre 2020. Nel 2023 l'Azerbaigian ha ripreso "
            "il controllo della regione.")
    assert inferred(text) is None


def test_a_year_in_an_announcement_does_not_hide_the_date():
    text = ("Martedì 13 settembre 2022 sono ripresi gli scontri. Le elezioni sono previste "
            "nel 2024.")
    assert inferred(text) == date(2022, 9, 13)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDS = st.sampled_from([
    "martedì", "13", "settembre", "2022", "31", "febbraio", "MOSCA,", "23", "OTT", "è", "previsto",
    "domani", "nel", "2020", "Tuesday,", "September", "14", "1999", "oggi", "mercoledì", ".", "\n",
])


@settings(max_examples=200, deadline=None)
@given(words=st.lists(_WORDS, max_size=30), lang=st.sampled_from(["it", "en"]))
def test_infer_published_never_raises_and_only_ever_sets_a_real_date(words, lang):
    a = infer(" ".join(words), lang)
    assert a.published is None or (a.published_how == "inferred"
                                   and a.published_precision == "unknown")


def test_a_since_date_bounds_the_publication_from_below():
    # "ongoing since" a later day: the text was written on or after it, not on the first day
    text = ("Early storms struck between 4 and 5 June 2031. Flooding has continued since "
            "19 June 2031 across the valley.")
    a = infer(text, "en")
    assert (a.published, a.published_how, a.published_precision) == (
        date(2031, 6, 19), "inferred", "unknown")


def test_a_url_date_only_bounds_the_report_from_below():
    # the day a page was first published: a live page goes on being updated after it
    from factcheck.timespan import before, publication_span
    s = publication_span(date(2023, 2, 6), "day", "url")
    assert (s.first, s.last, s.how) == (date(2023, 2, 6), None, "url") and not s.exact
    month = publication_span(date(2017, 8, 1), "month", "url")
    assert (month.first, month.last) == (date(2017, 8, 1), None)
    header = publication_span(date(2023, 2, 5), "day", "metadata")
    assert before(header, s) and not before(s, publication_span(date(2023, 2, 20), "day", "metadata"))


# ---------------------------------------------------------------- dated by the event

def _claim(doc: str, quote: str, published: date | None, lang: str = "it", **kw):
    from factcheck.model import Claim, Quantity
    q = Quantity(0, 2, "10", "count", 10, 10, 10)
    return Claim(doc, "deaths", q, f"{lang}/deaths", quote, 0, event="auto:flood:valle:2021-03",
                 published=published, lang=lang, **kw)


def _dated_by_event(quotes: list[str], lang: str = "it") -> Article:
    """The undated article "u" (figures quoting ``quotes``) once an event that began on
    Sunday 14 March 2021 and that a dated article reports is known."""
    from factcheck.pubdate import date_by_events
    dated = _claim("d", "10 morti", date(2021, 3, 15), period_start=date(2021, 3, 14),
                   period_end=date(2021, 3, 15), period_how="running")
    undated = [_claim("u", q, None, lang) for q in quotes]
    arts = [article("", published=date(2021, 3, 15), published_how="metadata",
                    published_precision="day"), replace(article("", lang), id="u")]
    out, _ = date_by_events(arts, [dated] + undated)
    return out[1]


@pytest.mark.parametrize("quotes, lang, expected", [
    # a day-month with no year takes the event's year
    (["Il bilancio dell'alluvione del 14 marzo è salito a 10 morti."], "it", date(2021, 3, 14)),
    (["Martedì 16 marzo i soccorritori hanno trovato altri 10 corpi."], "it", date(2021, 3, 16)),
    (["Rescuers found 10 more bodies on Tuesday (3/16), officials said."], "en", date(2021, 3, 16)),
    (["The toll rose to 10 on March 17, officials said."], "en", date(2021, 3, 17)),
    # days counted back from the event itself
    (["È salito a 10 il numero delle vittime dell'alluvione di 9 giorni fa."], "it",
     date(2021, 3, 23)),
    (["Ten people died in the flood two weeks ago, officials said."], "en", date(2021, 3, 28)),
    # the latest wins
    (["Domenica 14 marzo 10 morti.", "Il 18 marzo altri 10 dispersi."], "it", date(2021, 3, 18)),
])
def test_an_undated_article_is_bounded_by_the_days_it_states_in_its_events_year(
        quotes, lang, expected):
    a = _dated_by_event(quotes, lang)
    assert (a.published, a.published_how, a.published_precision) == (expected, "inferred",
                                                                      "unknown")


@pytest.mark.parametrize("quotes, lang", [
    (["10 morti, secondo la prefettura."], "it"),                      # no date at all
    (["Come nell'alluvione del 3 novembre, 10 morti."], "it"),         # history: before the event
    (["Mercoledì 16 marzo 10 morti."], "it"),                          # 16 March 2021 was a Tuesday
    (["The boat set sail 20 days ago; 10 people died."], "en"),       # days back from no event
    (["Il 30 marzo si terranno i funerali delle 10 vittime."], "it"),   # an announcement
    (["Ten people died, officials said on Tuesday (3/4)."], "en"),     # 3/4: March or April?
])
def test_what_never_bounds_an_undated_article(quotes, lang):
    assert _dated_by_event(quotes, lang).published is None


@pytest.mark.parametrize("quotes, lang, expected", [
    # the event told as yesterday's: the report is the day after it began, or later
    (["L'alluvione di ieri ha fatto 10 morti, secondo la prefettura."], "it", date(2021, 3, 15)),
    (["Ten people died in yesterday's flood, officials said."], "en", date(2021, 3, 15)),
    # the weekday the event began on (14 March 2021 was a Sunday)
    (["L'alluvione di domenica ha fatto 10 morti."], "it", date(2021, 3, 14)),
    (["Sunday's flood killed ten people, officials said."], "en", date(2021, 3, 14)),
])
def test_an_undated_article_that_tells_its_event_by_day_words_is_within_a_week_of_it(
        quotes, lang, expected):
    from factcheck.timespan import publication_span
    a = _dated_by_event(quotes, lang)
    assert (a.published, a.published_how, a.published_precision) == (expected, "inferred", "week")
    span = publication_span(a.published, a.published_precision, a.published_how)
    assert (span.first, span.last, span.precision) == (expected, date(expected.year, 3,
                                                                      expected.day + 7), "inferred")


@pytest.mark.parametrize("quotes, lang", [
    # a weekday of something else than the event, in another clause
    (["Ten died in the flood last week, the mayor said on Sunday."], "en"),
    # a weekday the event did not begin on (14 March 2021 was a Sunday)
    (["L'alluvione di martedì ha fatto 10 morti."], "it"),
    # a day word of no event
    (["Ieri la prefettura ha contato 10 morti."], "it"),
])
def test_day_words_not_of_the_event_leave_the_report_open_ended(quotes, lang):
    a = _dated_by_event(quotes, lang)
    assert a.published_precision != "week"


def test_a_day_stated_a_week_after_the_day_words_leaves_the_report_open_ended():
    a = _dated_by_event(["L'alluvione di ieri ha fatto 10 morti.",
                         "Il 29 marzo altri 10 dispersi."], "it")
    assert (a.published, a.published_precision) == (date(2021, 3, 29), "unknown")


def test_a_bounded_articles_figures_stay_undated_and_its_span_is_on_or_after():
    from factcheck.pubdate import date_by_events
    from factcheck.timespan import article_spans, span_of
    dated = _claim("d", "10 morti", date(2021, 3, 15), period_start=date(2021, 3, 14),
                   period_end=date(2021, 3, 15), period_how="running")
    fig = _claim("u", "È salito a 12 il numero delle vittime dell'alluvione di 9 giorni fa.", None,
                 period_start=date(2021, 3, 14), period_end=date(2021, 3, 15), period_how="event")
    arts = [article("", published=date(2021, 3, 15), published_how="metadata",
                    published_precision="day"), replace(article(""), id="u")]
    out, claims = date_by_events(arts, [dated, fig])
    # no day of its own: the figure is read as undated, its period runs to the bound
    assert claims[1].published is None and claims[1].period_end == date(2021, 3, 23)
    span = span_of("u", None, article_spans(out))
    assert (span.first, span.last, span.precision) == (date(2021, 3, 23), None, "inferred")


def test_a_weekday_fixes_the_year_only_from_the_latest_year_mentioned_or_the_next():
    # "since October 2013" is history: its Tuesday 28 February is not the one of 2017
    assert inferred("Martedì 28 febbraio altri corpi sono stati trovati. È il naufragio più grave "
                    "dall'ottobre 2013.") is None
    assert inferred("Martedì 28 febbraio altri corpi. Nel 2022 il naufragio precedente.") == \
        date(2023, 2, 28)


@pytest.mark.parametrize("quote, lang, day", [
    # the sentence's own day, in the year the event fixed
    ("A similar blast hit the port on March 2, killing 10 people.", "en", date(2021, 3, 2)),
    ("Il 16 marzo altri 10 corpi sono stati recuperati.", "it", date(2021, 3, 16)),
    # a weekday read against a lower bound names no day: the figure keeps its event's span
    ("Martedì sono stati recuperati altri 10 corpi.", "it", None),
    ("On Tuesday 10 more bodies were found.", "en", None),
])
def test_a_bounded_articles_figure_takes_the_day_its_sentence_states(quote, lang, day):
    from factcheck.pubdate import date_by_events
    dated = _claim("d", "10 morti", date(2021, 3, 15), period_start=date(2021, 3, 14),
                   period_end=date(2021, 3, 15), period_how="running")
    bounding = _claim("u", {"it": "Il bilancio del 17 marzo è di 10 morti.",
                            "en": "The toll stood at 10 on March 17."}[lang], None, lang,
                      period_start=date(2021, 3, 14), period_end=date(2021, 3, 15),
                      period_how="event")
    fig = _claim("u", quote, None, lang, period_start=date(2021, 3, 14),
                 period_end=date(2021, 3, 15), period_how="event")
    arts = [article("", published=date(2021, 3, 15), published_how="metadata",
                    published_precision="day"), replace(article("", lang), id="u")]
    _, claims = date_by_events(arts, [dated, bounding, fig])
    got = claims[2]
    if day is None:  # the event's span, run to the bound (17 March)
        assert (got.period_start, got.period_end, got.period_how) == (
            date(2021, 3, 14), date(2021, 3, 17), "event")
    else:
        assert (got.period_start, got.period_end, got.period_how) == (day, day, "relative")


@pytest.mark.parametrize("lang,text,day", [
    # an elapsed time beside the full date it names puts the text that long after it
    ("en", "Three years ago today, on June 2, 2027, a dam burst above the valley.",
     date(2030, 6, 2)),
    ("it", "Il 2 giugno 2027, tre anni fa, la diga cedette sopra la valle.", date(2030, 6, 2)),
])
def test_an_elapsed_time_beside_a_full_date_dates_the_text_after_it(lang, text, day):
    assert inferred(text, lang) == day


def test_an_elapsed_time_away_from_a_date_moves_nothing():
    # counter-example: "two years ago" tells of the flood, the date of the dam's opening
    text = ("The dam opened on June 2, 2027 after a decade of works. Two years ago a flood "
            "damaged its spillway.")
    assert inferred(text, "en") == date(2027, 6, 2)
