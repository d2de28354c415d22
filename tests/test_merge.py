"""Automatic events: one event reported by several articles gets one id."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.context.events import event_label, parse_auto
from factcheck.context.examples import context_claim
from factcheck.context.merge import event_map, merge_events
from factcheck.model import Claim, Quantity


def _claim(doc: str, event: str, published: date) -> Claim:
    q = Quantity(0, 2, "10", "count", 10, 10, 10)
    return Claim(doc, "deaths", q, "it/deaths", "10 morti", 0, event=event, published=published)


def test_a_hamlet_and_its_town_are_one_event():
    claims = [_claim("a", "auto:avalanche:rigopiano:2017-01", date(2017, 1, 20)),
              _claim("b", "auto:avalanche:farindola:2017-01", date(2017, 1, 19))]
    assert {c.event for c in merge_events(claims)} == {"auto:avalanche:farindola:2017-01"} or \
        {c.event for c in merge_events(claims)} == {"auto:avalanche:rigopiano:2017-01"}


def test_two_towns_of_one_region_on_the_same_day_are_two_collapses():
    # Genoa and La Spezia are both in Liguria, 80 km apart: a collapse reaches 5 km
    claims = [_claim("a", "auto:collapse:genoa:2018-08", date(2018, 8, 14)),
              _claim("b", "auto:collapse:la-spezia:2018-08", date(2018, 8, 14))]
    assert len({c.event for c in merge_events(claims)}) == 2


def test_an_earthquake_reaches_the_next_towns_but_not_another_month():
    claims = [_claim("a", "auto:earthquake:amatrice:2016-08", date(2016, 8, 24)),
              _claim("b", "auto:earthquake:norcia:2016-08", date(2016, 8, 25)),
              _claim("c", "auto:earthquake:norcia:2016-10", date(2016, 10, 30))]
    out = [c.event for c in merge_events(claims)]
    assert out[0] == out[1] != out[2]


def test_a_region_joins_the_one_town_event_inside_it():
    claims = [_claim("a", "auto:flood:faenza:2023-05", date(2023, 5, 17)),
              _claim("b", "auto:flood:faenza:2023-05", date(2023, 5, 18)),
              _claim("c", "auto:flood:emilia-romagna:2023-05", date(2023, 5, 18))]
    assert {c.event for c in merge_events(claims)} == {"auto:flood:faenza:2023-05"}


def test_a_sentence_about_an_earlier_event_belongs_to_it():
    text = ("Il terremoto ha colpito Amatrice nella notte. "
            "Il terremoto dell'Aquila del 2009 fece 309 vittime.")
    now = context_claim(text + " I morti sono 120.", "120", published=date(2016, 8, 25))
    then = context_claim(text, "309", published=date(2016, 8, 25))
    assert now.event == "auto:earthquake:amatrice:2016-08"
    assert then.event == "auto:earthquake:l-aquila:2009"


def test_a_sentence_going_on_about_an_earlier_event_belongs_to_it_too():
    text = ("Hurricane Ondina left 30 dead on the coast. In 2005 a hurricane killed 1,200 "
            "people in Texas. More than 900 of those deaths were in Houston.\n\n"
            "The island counts 30 dead.")
    then = context_claim(text, "900", lang="en", published=date(2031, 9, 20))
    now = context_claim(text, "30 dead.", lang="en", published=date(2031, 9, 20))
    assert then.event.endswith(":2005")
    assert now.event == "auto:storm:name-ondina:2031-09"


@pytest.mark.parametrize("text,lang,figure", [
    # the sentence opens on what the earlier event did, its subject that event
    ("A quake struck Valdoria on Monday, killing 40. The last quake of that size hit the "
     "coast in 1962. It killed at least 3,000 people.", "en", "at least 3,000"),
    ("Un terremoto ha colpito Norcia lunedì: 40 morti. L'ultimo terremoto così forte colpì "
     "Spoleto nel 1962. Fece 3.000 morti.", "it", "3.000"),
])
def test_a_sentence_whose_subject_is_an_earlier_event_belongs_to_it(text, lang, figure):
    c = context_claim(text, figure, lang=lang, published=date(2031, 9, 20))
    assert c.event is not None and c.event.startswith("auto:earthquake:"), c.event
    assert c.event.endswith(":1962"), c.event
    # and it counts that event's year, not the report's day
    assert (c.period_start, c.period_end) == (date(1962, 1, 1), date(1962, 12, 31))


@pytest.mark.parametrize("text,lang,figure", [
    # "it" after a sentence of the report's own event
    ("A quake struck Valdoria on Monday. It killed at least 40 people.", "en", "at least 40"),
    # the earlier event told in another paragraph
    ("Un terremoto ha colpito Norcia lunedì. L'ultimo terremoto così forte colpì Spoleto nel "
     "1962.\n\nFece 40 morti.", "it", "40"),
])
def test_a_sentence_going_on_about_the_report_s_own_event_stays_the_report_s(text, lang,
                                                                            figure):
    c = context_claim(text, figure, lang=lang, published=date(2031, 9, 20))
    assert c.event is not None and c.event.endswith(":2031-09"), c.event


def test_an_earlier_event_dated_by_its_trigger_s_year_counts_that_year():
    c = context_claim("The 1998 cyclone killed 1,200 people in Orissa.", "1,200", lang="en",
                      published=date(2031, 6, 12))
    assert (c.period_start, c.period_end, c.period_how) == (date(1998, 1, 1),
                                                           date(1998, 12, 31), "event")


@pytest.mark.parametrize("text,lang,figure", [
    ("Fire in a tower block in Leeds.\n\nA fire swept through a tower block in Leeds on "
     "Tuesday night. The tower was built in 1968 and was home to about 300 people.", "en",
     "about 300"),
    ("Incendio in un condominio a Torino.\n\nUn incendio ha distrutto un condominio di Torino "
     "martedì notte. Il palazzo, costruito nel 1968, ospitava circa 300 persone.", "it",
     "circa 300"),
])
def test_the_year_a_building_was_made_dates_no_event(text, lang, figure):
    c = context_claim(text, figure, lang=lang, published=date(2031, 6, 12), metric="population")
    assert c.event is not None and c.event.endswith(":2031-06"), c.event
    # the report's time, never the building's year
    assert c.period_start is not None and c.period_start.year == 2031, c.period_start


@pytest.mark.parametrize("text,lang,figure", [
    ("Fire in Leeds.\n\nThe tower, built in 1968, was gutted by a fire on Tuesday night. It "
     "killed at least 12 people.", "en", "at least 12"),
    ("Incendio a Torino.\n\nIl palazzo, costruito nel 1968, è stato distrutto da un incendio "
     "martedì notte. Fece 12 morti.", "it", "12"),
])
def test_a_sentence_going_on_from_a_building_s_year_is_still_the_report_s(text, lang, figure):
    # the year the building was made dates no earlier event the next sentence goes on about
    c = context_claim(text, figure, lang=lang, published=date(2031, 6, 12))
    assert c.event is not None and c.event.endswith(":2031-06"), c.event


def test_a_fire_in_a_year_long_before_the_report_is_that_year_s():
    # counter-example: the year of what happened to the building, not of its making
    c = context_claim("Fire in a tower block in Leeds.\n\nA fire swept through a tower block "
                      "in Leeds on Tuesday night. The same tower caught fire in 1968, killing "
                      "12 people.", "12", lang="en", published=date(2031, 6, 12))
    assert c.event is not None and c.event.endswith(":1968"), c.event


def test_a_storm_name_is_no_place():
    # the name says which storm; where it struck goes with it, for reports naming only that
    c = context_claim("Hurricane Maria killed 64 people in Puerto Rico.", "64", lang="en",
                      published=date(2017, 12, 1))
    assert c.event == "auto:storm:name-maria@puerto-rico:2017-12"
    assert event_label(c.event) == "storm · Maria (Puerto Rico) · December 2017"
    assert merge_events([c])[0].event == c.event


def test_a_report_naming_only_the_type_and_place_joins_the_named_storm_there():
    named = context_claim("Il ciclone Ondina ha ucciso 40 persone a Utuado, nel centro di Porto Rico.", "40",
                          published=date(2031, 9, 20))
    plain = context_claim("L'uragano ha fatto 12 morti a Porto Rico.", "12",
                          published=date(2031, 9, 22))
    town = context_claim("The hurricane killed 9 people in San Juan.", "9", lang="en",
                         published=date(2031, 9, 21))
    assert named.event == "auto:storm:name-ondina@utuado:2031-09"
    assert plain.event == "auto:storm:puerto-rico:2031-09"
    merged = merge_events([named, plain, town])
    assert {c.event for c in merged} == {"auto:storm:name-ondina@utuado:2031-09"}


def test_a_place_only_report_joins_no_storm_when_two_named_ones_struck_there():
    claims = [_claim("a", "auto:storm:name-ondina@puerto-rico:2031-09", date(2031, 9, 20)),
              _claim("b", "auto:storm:name-pietro@puerto-rico:2031-09", date(2031, 9, 28)),
              _claim("c", "auto:storm:puerto-rico:2031-09", date(2031, 9, 29)),
              _claim("d", "auto:storm:san-juan:2031-09", date(2031, 9, 29))]
    out = [c.event for c in merge_events(claims)]
    assert out[:2] == ["auto:storm:name-ondina@puerto-rico:2031-09",
                       "auto:storm:name-pietro@puerto-rico:2031-09"]
    assert out[2] not in out[:2] and out[3] not in out[:2]


def test_a_named_storm_meets_a_report_where_it_struck_not_in_the_type_s_reach():
    # Dominica is a storm's reach from Puerto Rico, but not where the named one struck; a
    # report of another type there (a quake) is another event
    claims = [_claim("a", "auto:storm:name-ondina@puerto-rico:2031-09", date(2031, 9, 20)),
              _claim("b", "auto:storm:dominica:2031-09", date(2031, 9, 21)),
              _claim("c", "auto:earthquake:puerto-rico:2031-09", date(2031, 9, 21))]
    out = [c.event for c in merge_events(claims)]
    assert len(set(out)) == 3


def test_a_storm_s_name_as_the_subject_of_its_verb_names_it():
    text = ("Hurricane Ondina left 30 dead on the island. More than 1,200 people died when "
            "Pietro roared across the coast in 2005.")
    then = context_claim(text, "1,200", lang="en", published=date(2031, 9, 20))
    assert then.event == "auto:storm:name-pietro:2005"
    # in an article about no storm, a capitalised subject of "struck" is no storm's name
    quake = context_claim("The earthquake killed 30. In 2005 Pietro struck a bargain with "
                          "the unions, after 12 died in a strike.", "12", lang="en",
                          published=date(2031, 9, 20))
    assert "pietro" not in (quake.event or "")


def test_a_storm_s_known_name_used_bare_names_it():
    # "Hurricane Pietro" once in the article: "after Pietro" elsewhere is that storm
    text = ("L'uragano Ondina ha fatto 30 morti. Nel 2005 l'uragano Pietro aveva colpito "
            "la costa. Dopo Pietro, nel 2005, si contarono 1.200 vittime.")
    c = context_claim(text, "1.200", published=date(2031, 9, 20))
    assert c.event == "auto:storm:name-pietro:2005"
    now = context_claim(text, "30", published=date(2031, 9, 20))
    assert now.event.startswith("auto:storm:name-ondina")


def test_a_named_storm_is_one_event_wherever_it_struck_and_a_year_on():
    text = ("Il ciclone Ondina ha devastato la costa. Ondina ha causato 40 morti "
            "a Nuova Città. ")
    first = context_claim(text, "40", published=date(2031, 3, 4))
    later = context_claim("A year after Cyclone Ondina, a study counts 95 deaths on the "
                          "island of Greenport.", "95", lang="en", published=date(2032, 2, 1))
    other = context_claim("Cyclone Pietro killed 12 people in Greenport.", "12", lang="en",
                          published=date(2032, 2, 1))
    assert first.event == "auto:storm:name-ondina:2031-03"
    merged = merge_events([first, later, other])
    # called by its name and where its reports say it struck
    assert merged[0].event == merged[1].event == "auto:storm:name-ondina@greenport:2031-03"
    assert merged[2].event == "auto:storm:name-pietro@greenport:2032-02"


def test_an_earlier_storm_in_a_named_storm_article_keeps_its_own_name():
    text = ("Hurricane Ondina left 30 dead on the coast. In 2005 Hurricane Pietro "
            "killed 1,200 people. ")
    then = context_claim(text, "1,200", lang="en", published=date(2031, 9, 20))
    now = context_claim(text, "30", lang="en", published=date(2031, 9, 20))
    assert now.event == "auto:storm:name-ondina:2031-09"
    assert then.event == "auto:storm:name-pietro:2005"


def test_a_strike_on_a_city_centre_is_there_not_where_its_government_speaks():
    # "the center of Donetsk" names where it hit, as "in Donetsk" would; "Kyiv said" not
    text = ("The missile strike on the station in Kramatorsk killed 50 people. "
            "A similar missile hit the center of Donetsk on March 14, killing 17 people.")
    c = context_claim(text, "17", lang="en")
    assert c.event == "auto:attack:donetsk"
    said = context_claim("Kyiv said a missile strike killed 17 people in Kramatorsk.", "17",
                         lang="en")
    assert said.event == "auto:attack:kramatorsk"


def test_two_strikes_a_hundred_km_apart_are_two_events_even_undated():
    # Kramatorsk and Donetsk: 90 km apart, farther than an attack's reach
    claims = [_claim("a", "auto:attack:kramatorsk:2022-04", date(2022, 4, 8)),
              _claim("b", "auto:attack:donetsk", date(2022, 4, 8))]
    assert len({c.event for c in merge_events(claims)}) == 2


def test_events_are_named_in_words():
    assert event_label("auto:flood:emilia-romagna:2023-05") == "flood · Emilia-Romagna · May 2023"
    assert event_label("auto:earthquake:l-aquila:2009") == "earthquake · L'Aquila · 2009"
    assert parse_auto("auto:flood:x") is not None and parse_auto("nk-war-2020") is None


EVENTS = ["auto:avalanche:rigopiano:2017-01", "auto:avalanche:farindola:2017-01",
          "auto:avalanche:pescara:2017-02", "auto:earthquake:amatrice:2016-08",
          "auto:earthquake:norcia:2016-08", "auto:collapse:genoa:2018-08",
          "auto:flood:valencia-es:2024-10", "auto:flood:paiporta:2024-11",
          "auto:flood:comunitat-valenciana:2024-10", "auto:landslide:valcorvo:2024-03",
          "auto:attack:kramatorsk", "auto:storm:name-ondina@puerto-rico:2017-09",
          "auto:storm:name-pietro@san-juan:2017-09", "auto:storm:name-ondina:2017-10",
          "auto:storm:puerto-rico:2017-09", "auto:storm:ponce:2017-09", "auto:storm:san-juan",
          "auto:flood:puerto-rico:2017-09", "auto:collapse:site-crodarossa@canazei:2022-07",
          "auto:avalanche:site-crodarossa@trento", "auto:collapse:site-crodarossa",
          "auto:collapse:trento:2022-07", "auto:collapse:site-crodarossa@veneto:2022-07",
          "auto:collapse:italy", "auto:collapse:site-crodarossa@canazei:2031-07",
          "auto:landslide:site-valcorvo:2024-03", "auto:collapse:crodarossa:2022-07",
          "auto:landslide:site-valcorvo@italy", "auto:war:gaza:2023-11",
          "auto:attack:khan-yunis:2023-11", "auto:war:israel:2023-11", "auto:event:gaza:2023-11",
          "auto:flood:cesena:2023-05-02", "auto:flood:forli:2023-05-03",
          "auto:flood:cesena:2023-05", "auto:flood:emilia-romagna:2023-05-02",
          "auto:earthquake:abruzzo:2017-01:apart", "auto:earthquake:farindola:2017-01:apart",
          "auto:avalanche:farindola:2017-01", "auto:earthquake:abruzzo:apart",
          "auto:collapse:chattogram", "auto:fire:bangladesh:2030-11",
          "auto:fire:chattogram:2030-11", "auto:collapse:chattogram:2031-04",
          "auto:war:gaza-strip:2023-10", "auto:attack:gaza:2023-10",
          "auto:collapse:mumbai:2031-07", "auto:collapse:thane", "auto:collapse:thane:2031-07",
          "auto:fire:thane", "auto:collapse:depok", "auto:collapse:jakarta:2031-07",
          # a derailment, its explosion told undated, an attack at a seat within reach
          "auto:crash:pontedera:2031-03", "auto:explosion:pontedera", "auto:attack:pisa:2031-03",
          "auto:fire:pontedera",
          # a coordinated series over a country, two of its towns, the country told plainly
          "auto:attack:kenya:2031-03:series", "auto:attack:wajir:2031-03",
          "auto:explosion:mandera:2031-03", "auto:attack:kenya:2031-03",
          "auto:attack:kenya:series"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(EVENTS), st.integers(0, 20)), min_size=1,
                max_size=12), st.randoms())
def test_merging_is_independent_of_the_order_of_files(items, rnd):
    claims = [_claim(f"d{i}", e, None) for i, (e, _) in enumerate(items)]
    shuffled = claims[:]
    rnd.shuffle(shuffled)
    a = event_map(claims)
    b = event_map(shuffled)
    assert a == b
    # transitive: merging the merged ids again changes nothing
    again = merge_events(merge_events(claims))
    assert [c.event for c in again] == [c.event for c in merge_events(claims)]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(EVENTS), st.integers(0, 3)), min_size=1,
                max_size=12), st.randoms())
def test_merging_articles_of_several_events_is_independent_of_the_order_of_files(items, rnd):
    # a few articles each telling several events (an undated report's own event and the
    # earlier one it tells apart): the merge reads which events one article tells apart
    claims = [_claim(f"d{doc}", e, None) for e, doc in items]
    shuffled = claims[:]
    rnd.shuffle(shuffled)
    assert event_map(claims) == event_map(shuffled)
    again = merge_events(merge_events(claims))
    assert [c.event for c in again] == [c.event for c in merge_events(claims)]


def test_an_anniversary_article_reports_its_place_s_earlier_event():
    text = ("A year after the earthquake struck Amatrice, Italy will remember the 299 victims. "
            "It was before dawn on August 24, 2016 when a quake razed Amatrice.")
    c = context_claim(text, "299", lang="en", published=date(2017, 8, 24))
    assert c.event == "auto:earthquake:amatrice:2016-08"


def test_an_earlier_event_elsewhere_does_not_date_the_article_s_own():
    text = ("The earthquake struck Amatrice overnight, killing 120 people. "
            "The quake of April 6, 2009 razed L'Aquila.")
    c = context_claim(text, "120", lang="en", published=date(2016, 8, 24))
    assert c.event == "auto:earthquake:amatrice:2016-08"


def test_an_area_over_several_regions_holds_their_towns():
    # "central Italy" covers Lazio and Marche: an undated report of it joins the quake of
    # Amatrice (Lazio) and Arquata del Tronto (Marche)
    claims = [_claim("a", "auto:earthquake:amatrice:2016-08", date(2016, 8, 24)),
              _claim("b", "auto:earthquake:arquata-del-tronto:2016-08", date(2016, 8, 25)),
              _claim("c", "auto:earthquake:central-italy", date(2016, 8, 25))]
    assert len({c.event for c in merge_events(claims)}) == 1


def test_a_province_seat_meets_a_town_of_its_province_small_towns_as_far_do_not():
    seat = [_claim("a", "auto:landslide:pescara:2031-02", date(2031, 2, 3)),
            _claim("b", "auto:landslide:sulmona:2031-02", date(2031, 2, 3))]
    assert len({c.event for c in merge_events(seat)}) == 1
    # two small towns of one region 60 km apart are two landslides
    towns = [_claim("a", "auto:landslide:farindola:2031-02", date(2031, 2, 3)),
             _claim("b", "auto:landslide:scanno:2031-02", date(2031, 2, 3))]
    assert len({c.event for c in merge_events(towns)}) == 2
    # a collapse does not spread: the seat's and the town's are two
    collapses = [_claim("a", "auto:collapse:pescara:2031-02", date(2031, 2, 3)),
                 _claim("b", "auto:collapse:sulmona:2031-02", date(2031, 2, 3))]
    assert len({c.event for c in merge_events(collapses)}) == 2


def test_a_report_naming_no_type_never_bridges_two_events_at_one_place():
    claims = [_claim("a", "auto:avalanche:farindola:2031-01", date(2031, 1, 20)),
              _claim("b", "auto:crash:farindola:2031-01", date(2031, 1, 24)),
              _claim("c", "auto:event:farindola:2031-01", date(2031, 1, 22))]
    merged = merge_events(claims)
    assert merged[0].event != merged[1].event
    # alone with one event there, it joins it
    one = merge_events([claims[0], claims[2]])
    assert one[0].event == one[1].event


def test_an_undated_report_joins_the_one_event_of_its_own_type():
    claims = [_claim("a", "auto:avalanche:farindola:2031-01", date(2031, 1, 20)),
              _claim("b", "auto:earthquake:amatrice:2031-01", date(2031, 1, 18)),
              _claim("c", "auto:avalanche:italy", None)]
    merged = merge_events(claims)
    assert merged[2].event == merged[0].event != merged[1].event


def test_an_undated_country_report_is_not_bridged_to_an_event_far_away():
    # an undated "collapse in Italy" could be either collapse; it must not reach the Abruzzo
    # avalanche through another report that names only the country
    claims = [_claim("a", "auto:avalanche:farindola:2031-01", date(2031, 1, 20)),
              _claim("b", "auto:avalanche:italy:2031-01", date(2031, 1, 21)),
              _claim("c", "auto:collapse:genoa:2032-07", date(2032, 7, 3)),
              _claim("d", "auto:collapse:la-spezia:2032-07", date(2032, 7, 3)),
              _claim("e", "auto:collapse:italy", None)]
    merged = merge_events(claims)
    assert merged[1].event == merged[0].event
    assert merged[4].event == "auto:collapse:italy"


def test_an_undated_report_of_a_town_in_a_city_s_metro_area_joins_the_city_s_event():
    # Thane lies 16 km from the centre of Mumbai (12 million people), beyond a collapse's
    # reach and a seat's: "the building that collapsed in Thane", undated, is "the collapse
    # near Mumbai" of its own type another report dates
    claims = [_claim("a", "auto:collapse:mumbai:2031-07", date(2031, 7, 3)),
              _claim("b", "auto:collapse:thane", None)]
    merged = merge_events(claims)
    assert merged[0].event == merged[1].event == "auto:collapse:mumbai:2031-07"
    # across a state line too (Depok, 21 km south of Jakarta, is in West Java)
    jakarta = merge_events([_claim("a", "auto:collapse:jakarta:2031-07", date(2031, 7, 3)),
                            _claim("b", "auto:collapse:depok", None)])
    assert jakarta[0].event == jakarta[1].event


def test_a_town_beyond_the_metro_area_or_another_type_or_dated_keeps_its_own_event():
    # Fiumicino, 26 km from Rome's centre, lies beyond Rome's metro area (2.3 million)
    rome = merge_events([_claim("a", "auto:collapse:rome:2031-07", date(2031, 7, 3)),
                         _claim("b", "auto:collapse:fiumicino", None)])
    assert rome[0].event != rome[1].event
    # an undated fire in Thane is not the collapse in Mumbai
    fire = merge_events([_claim("a", "auto:collapse:mumbai:2031-07", date(2031, 7, 3)),
                         _claim("b", "auto:fire:thane", None)])
    assert fire[0].event != fire[1].event
    # two dated reports of the same days in the city and the town are two collapses
    dated = merge_events([_claim("a", "auto:collapse:mumbai:2031-07", date(2031, 7, 3)),
                          _claim("b", "auto:collapse:thane:2031-07", date(2031, 7, 3))])
    assert dated[0].event != dated[1].event
    # and of two collapses in the metro area, an undated report joins the one at its place
    two = merge_events([_claim("a", "auto:collapse:mumbai:2031-07", date(2031, 7, 3)),
                        _claim("b", "auto:collapse:thane:2031-07", date(2031, 7, 3)),
                        _claim("c", "auto:collapse:thane", None)])
    assert two[2].event == two[1].event != two[0].event


def test_two_dated_reports_of_one_region_still_meet():
    # counter-example: dated, one region in common and the same days are enough
    claims = [_claim("a", "auto:collapse:genoa:2032-07", date(2032, 7, 3)),
              _claim("b", "auto:collapse:la-spezia:2032-07", date(2032, 7, 3)),
              _claim("c", "auto:collapse:liguria:2032-07", date(2032, 7, 4)),
              _claim("d", "auto:collapse:liguria:2032-07", date(2032, 7, 5))]
    merged = merge_events(claims)
    assert merged[2].event == merged[3].event
    # and an undated report of a country meets a dated one of its own type there
    same = merge_events([_claim("a", "auto:earthquake:greece:2033-03", date(2033, 3, 2)),
                         _claim("b", "auto:earthquake:greece", None)])
    assert same[0].event == same[1].event


def test_an_anniversary_report_dates_its_event_by_a_year_ago():
    text = ("Tarvisio ricorda le vittime. Un anno fa una frana ha travolto Tarvisio "
            "uccidendo 12 persone.")
    c = context_claim(text, "12", published=date(2032, 3, 10))
    assert c.event == "auto:landslide:tarvisio:2031-03"


def test_a_town_of_an_oblast_lies_in_the_historical_region_over_it():
    from factcheck.context.gazetteer import gazetteer

    g = gazetteer()
    assert g.within(g.get("kramatorsk"), g.get("donbas"))
    assert not g.within(g.get("kharkiv"), g.get("donbas"))


def test_a_town_far_from_every_other_place_of_its_list_is_a_misread_homonym():
    text = "L'uragano ha ucciso 20 persone nei Caraibi: 12 a Cuba, sei in Giamaica e due a Guadalupe."
    assert context_claim(text, "20", published=date(2031, 9, 3)).event == "auto:storm:cuba:2031-09"


def test_a_dated_figure_of_a_named_storm_report_naming_no_other_event_is_the_storms():
    text = ("Hurricane Ondina made landfall on the coast in September. From September through "
            "December 1,400 more deaths than usual were recorded on the island.")
    c = context_claim(text, "1,400", lang="en", published=date(2032, 8, 3))
    assert c.event == "auto:storm:name-ondina:2032-08"


def test_a_figure_takes_the_type_its_own_clause_names():
    text = ("The town of Farindola has lived through months of quakes; on January 18 the "
            "last one set off an avalanche that buried a hotel and killed 29 people.")
    c = context_claim(text, "29", lang="en", published=date(2031, 8, 24))
    assert c.event == "auto:avalanche:farindola:2031-01"
    # no type in the figure's clause: the sentence's first
    crash = context_claim("A helicopter crashed near Farindola while ferrying avalanche "
                          "victims, killing six.", "six", lang="en", published=date(2031, 1, 25))
    assert crash.event == "auto:crash:farindola:2031-01"


def test_a_day_read_against_an_inferred_date_is_no_earlier_event():
    from factcheck.context.examples import article_claim
    from factcheck.model import Article

    text = "ROME, Jan 26 — The avalanche at the hotel in Farindola killed 29 people."
    article = Article(id="<example>", path="<example>", text=text, regions=((0, len(text)),),
                      outlet=None, published=date(2031, 1, 24), published_how="inferred",
                      published_precision="day", lang="en")
    assert article_claim(article, "29").event == "auto:avalanche:farindola:2031-01"


def test_a_figure_unrelated_to_the_article_s_event_never_takes_it():
    text = ("Una valanga ha travolto un rifugio a Valcorvo: 12 morti. "
            "Il maltempo ha fatto altre 5 vittime in Trentino, estranee alla valanga.")
    own = context_claim(text, "12", published=date(2031, 1, 20))
    other = context_claim(text, "5", published=date(2031, 1, 20))
    assert own.event.startswith("auto:avalanche:")
    # its own sentence's type and place, outside the cue's object; the report's own place
    # (Valcorvo is no town the gazetteer lists: the report's is Trentino), so told apart
    assert own.event == "auto:avalanche:trentino-alto-adige:2031-01"
    assert other.event == "auto:storm:trentino-alto-adige:2031-01:apart"
    # a place outside the report's area: that place's event, which meets its own reports
    far = context_claim("Una valanga ha travolto un rifugio a Canazei: 12 morti. Il maltempo ha "
                        "fatto altre 5 vittime in Calabria, estranee alla valanga.", "5",
                        published=date(2031, 1, 20))
    assert far.event == "auto:storm:calabria:2031-01", far.event
    # naming no type of its own: no event rather than the article's
    alone = context_claim("The avalanche buried the hotel in Farindola, killing 29. "
                          "At least 11 lives were lost unrelated to the hotel disaster.", "11",
                          lang="en", published=date(2031, 1, 25))
    assert alone.event is None


@pytest.mark.parametrize("text,lang,figure", [
    ("The avalanche buried the hotel in Farindola, killing 29. The quakes of the past week "
     "have claimed 7 more lives unrelated to the hotel disaster.", "en", "7"),
    ("La valanga ha travolto l'albergo di Farindola: 29 morti. I terremoti della settimana "
     "hanno fatto altre 7 vittime, estranee alla tragedia dell'albergo.", "it", "7"),
])
def test_an_unrelated_figure_naming_no_place_is_an_event_of_the_report_s_region(text, lang,
                                                                               figure):
    own = context_claim(text, "29", lang=lang, published=date(2031, 1, 25))
    other = context_claim(text, figure, lang=lang, published=date(2031, 1, 25))
    assert own.event == "auto:avalanche:farindola:2031-01", own.event
    # the type its sentence names, in the report's region, told apart from the report's own
    assert other.event == "auto:earthquake:abruzzo:2031-01:apart", other.event
    assert event_label(other.event) == "earthquake · Abruzzo · January 2031 · apart"
    # merged with the report's own event and a report of quakes in the region: still apart
    claims = [_claim("a", own.event, date(2031, 1, 25)), _claim("a", other.event,
                                                                date(2031, 1, 25)),
              _claim("b", "auto:earthquake:abruzzo:2031-01", date(2031, 1, 24))]
    merged = [c.event for c in merge_events(claims)]
    assert merged[1] == other.event and merged[1] not in (merged[0], merged[2]), merged


def test_two_reports_of_figures_apart_in_one_region_are_one_event():
    claims = [_claim("a", "auto:earthquake:abruzzo:2031-01:apart", date(2031, 1, 25)),
              _claim("b", "auto:earthquake:farindola:2031-01:apart", date(2031, 1, 26)),
              _claim("c", "auto:avalanche:farindola:2031-01", date(2031, 1, 26))]
    merged = [c.event for c in merge_events(claims)]
    assert merged[0] == merged[1] != merged[2], merged
    assert parse_auto(merged[0]).apart


# ---------------------------------------------------------------- sites (landmarks)

def test_reports_naming_one_site_are_one_event_wherever_they_place_it():
    # a glacier no gazetteer lists: one report places it at the town at its foot, one at the
    # province's seat 60 km away, one in a region, one says nowhere and is undated; an
    # avalanche and a collapse are one event's two names
    claims = [_claim("a", "auto:collapse:site-crodarossa@canazei:2031-07", date(2031, 7, 3)),
              _claim("b", "auto:collapse:site-crodarossa@trento:2031-07", date(2031, 7, 5)),
              _claim("c", "auto:collapse:site-crodarossa@veneto:2031-07", date(2031, 7, 3)),
              _claim("d", "auto:avalanche:site-crodarossa", None),
              _claim("e", "auto:collapse:site-crodarossa@italy", None)]
    out = {c.event for c in merge_events(claims)}
    assert len(out) == 1
    assert event_label(out.pop()) == "collapse · Crodarossa (Canazei) · July 2031"


def test_a_site_s_report_meets_a_report_naming_only_its_town():
    claims = [_claim("a", "auto:collapse:site-crodarossa@canazei:2031-07", date(2031, 7, 3)),
              _claim("b", "auto:collapse:canazei:2031-07", date(2031, 7, 4))]
    assert len({c.event for c in merge_events(claims)}) == 1


def test_one_site_name_far_apart_another_year_or_of_another_type_is_two_events():
    far = [_claim("a", "auto:attack:site-gravetta@kramatorsk:2031-04", date(2031, 4, 8)),
           _claim("b", "auto:attack:site-gravetta@odesa:2031-04", date(2031, 4, 9))]
    assert len({c.event for c in merge_events(far)}) == 2
    abroad = [_claim("a", "auto:collapse:site-gravetta@canazei:2031-07", date(2031, 7, 3)),
              _claim("b", "auto:collapse:site-gravetta@innsbruck:2031-07", date(2031, 7, 3))]
    assert len({c.event for c in merge_events(abroad)}) == 2
    later = [_claim("a", "auto:collapse:site-gravetta@canazei:2031-07", date(2031, 7, 3)),
             _claim("b", "auto:collapse:site-gravetta@canazei:2033-07", date(2033, 7, 3))]
    assert len({c.event for c in merge_events(later)}) == 2
    other = [_claim("a", "auto:collapse:site-gravetta@canazei:2031-07", date(2031, 7, 3)),
             _claim("b", "auto:flood:site-gravetta@canazei:2031-07", date(2031, 7, 3))]
    assert len({c.event for c in merge_events(other)}) == 2


def test_a_site_placed_in_a_region_does_not_bridge_two_towns_events():
    # two collapses in two towns of one region; a site's report placed only in the region
    # joins the site's own reports, never both towns' events
    claims = [_claim("a", "auto:collapse:verona:2031-07", date(2031, 7, 3)),
              _claim("b", "auto:collapse:padua:2031-07", date(2031, 7, 3)),
              _claim("c", "auto:collapse:site-gravetta@veneto:2031-07", date(2031, 7, 3))]
    out = [c.event for c in merge_events(claims)]
    assert out[0] != out[1]


def test_an_undated_site_report_joins_the_one_dated_event_of_that_site():
    claims = [_claim("a", "auto:collapse:site-gravetta@canazei:2031-07", date(2031, 7, 3)),
              _claim("b", "auto:collapse:site-gravetta@canazei:2034-07", date(2034, 7, 3)),
              _claim("c", "auto:collapse:site-gravetta", None)]
    out = [c.event for c in merge_events(claims)]
    assert out[0] != out[1] and out[2] not in (out[0], out[1])


def test_a_site_named_by_one_report_of_many_does_not_name_their_event():
    claims = [_claim("a", "auto:flood:cesena:2031-05", date(2031, 5, 17)),
              _claim("b", "auto:flood:cesena:2031-05", date(2031, 5, 18)),
              _claim("c", "auto:flood:site-gravetta@cesena:2031-05", date(2031, 5, 18))]
    assert {c.event for c in merge_events(claims)} == {"auto:flood:cesena:2031-05"}


def test_a_figure_takes_the_site_its_article_names():
    text = ("Il crollo di un seracco sulla Crodarossa ha travolto due cordate. "
            "Sono sei i morti, e otto i feriti portati all'ospedale di Belluno.")
    for figure in ("sei", "otto"):
        c = context_claim(text, figure, published=date(2031, 7, 3))
        assert c.event.startswith("auto:collapse:site-crodarossa"), c.event
    # an undated English report naming the site bare, more than once, and only its country
    bare = context_claim("Seven hikers died when a glacier gave way on Crodarossa in Italy. "
                         "Rescuers searched the ice in the Crodarossa all day after the "
                         "collapse.", "Seven", lang="en")
    assert bare.event == "auto:collapse:site-crodarossa@italy", bare.event


def test_a_figure_of_another_site_or_type_in_a_site_s_article_is_not_the_site_s():
    text = ("Il crollo del ghiacciaio della Crodarossa ha ucciso sei alpinisti. "
            "Intanto un elicottero del soccorso è precipitato al suolo a Cortina: due morti.")
    crash = context_claim(text, "due", published=date(2031, 7, 3))
    assert crash.event.startswith("auto:crash:"), crash.event
    assert "crodarossa" not in crash.event
    # a site named once, further on, by an earlier event: not the article's
    earlier = context_claim("The wildfire destroyed Lahaina on Tuesday, killing 36. It is "
                            "the deadliest since the 2018 Gravetta Fire killed 85 people.", "36",
                            lang="en", published=date(2031, 8, 10))
    assert "gravetta" not in earlier.event, earlier.event


def test_a_town_the_gazetteer_lacks_is_a_place_never_a_site():
    # "la frana di ... a Roccanera" twice: a site's pattern (an event word, a link, a name
    # no gazetteer lists) would take it, but the article says it is a town ("a Roccanera")
    text = ("La frana di sabato a Roccanera ha causato 9 morti. "
            "La frana ha sepolto le case del paese: a Roccanera si scava ancora.")
    c = context_claim(text, "9", published=date(2031, 3, 3))
    assert c.event == "auto:landslide:roccanera:2031-03", c.event
    en = context_claim("The mudslide in Roccanera killed 9 people. Rescuers dug through "
                       "the mud in Roccanera all night after the mudslide.", "9", lang="en",
                       published=date(2031, 3, 3))
    assert en.event == "auto:landslide:roccanera:2031-03", en.event
    # a landmark of a town's name is still a site ("la diga di Roccanera"), its town apart
    dam = context_claim("Il crollo della diga di Roccanera ha causato 9 morti a Pontevecchio. "
                        "Il crollo della diga di Roccanera era temuto da anni.", "9",
                        published=date(2031, 3, 3))
    assert dam.event.startswith("auto:collapse:site-roccanera"), dam.event


def test_a_site_and_a_place_of_its_name_are_one_event_whatever_the_count():
    # one report took "Roccanera" for a site, another for a town the gazetteer lacks: one
    # report or three of either, they meet, dated or not
    for n_site, n_town in ((1, 1), (2, 1), (1, 3)):
        claims = ([_claim(f"s{i}", "auto:landslide:site-roccanera:2031-03", date(2031, 3, 3))
                   for i in range(n_site)]
                  + [_claim(f"t{i}", "auto:landslide:roccanera:2031-03", date(2031, 3, 4))
                     for i in range(n_town)])
        assert len({c.event for c in merge_events(claims)}) == 1, (n_site, n_town)
    undated = [_claim("s", "auto:landslide:site-roccanera@italy:2031-03", date(2031, 3, 3)),
               _claim("t", "auto:landslide:roccanera", None)]
    assert len({c.event for c in merge_events(undated)}) == 1
    # but not another type, another year, or another place's name
    apart = [_claim("s", "auto:landslide:site-roccanera:2031-03", date(2031, 3, 3)),
             _claim("t", "auto:wildfire:roccanera:2031-03", date(2031, 3, 3)),
             _claim("u", "auto:landslide:roccanera:2034-03", date(2034, 3, 3)),
             _claim("v", "auto:landslide:pontevecchio:2031-03", date(2031, 3, 3))]
    assert len({c.event for c in merge_events(apart)}) == 4


def test_a_report_dated_only_by_its_year_names_no_month():
    # "published: 2031" is no January: the report joins its event by type and place
    year = context_claim("Lo scontro tra due treni a Pioltello ha causato 3 morti.", "3",
                         published=date(2031, 1, 1), precision="year")
    assert year.event == "auto:crash:pioltello", year.event
    month = context_claim("Lo scontro tra due treni a Pioltello ha causato 3 morti.", "3",
                          published=date(2031, 2, 1), precision="month")
    assert month.event == "auto:crash:pioltello:2031-02", month.event
    # a year the text states names no month either
    stated = context_claim("A train crash near Pioltello in 2031 killed 3 people.", "3",
                           lang="en")
    assert stated.event == "auto:crash:pioltello", stated.event
    merged = merge_events([_claim("a", "auto:crash:pioltello:2031-02", date(2031, 2, 3)),
                           _claim("b", year.event, None)])
    assert len({c.event for c in merged}) == 1


def test_a_town_named_once_in_a_country_the_article_never_names_is_a_homonym():
    # "Tempi" is another name of Tempe, Arizona; the article is about Greece
    text = ("Two trains collided late on Tuesday in the Tempi valley near Larissa. At least "
            "46 people were killed, Greece's deadliest rail accident.")
    c = context_claim(text, "46", lang="en", published=date(2031, 3, 3))
    assert c.event == "auto:crash:larisa:2031-03", c.event
    # a town the article names twice is its own, wherever it lies
    both = context_claim("A bus crashed near Tempe. Tempe police said 4 died, among them "
                         "Greek tourists; Greek diplomats flew in.", "4", lang="en",
                         published=date(2031, 3, 3))
    assert both.event == "auto:crash:tempe:2031-03", both.event
    # a neighbour's town named once stays a place: it lies near the country named most
    near = context_claim("The earthquake in Syria destroyed whole streets of Aleppo. Syrian "
                         "rescuers said 40 died in Aleppo; the quake struck near "
                         "Kahramanmaras at dawn.", "40", lang="en", published=date(2031, 2, 6))
    from factcheck.context.gazetteer import gazetteer
    from factcheck.context.article import _strays

    gaz = gazetteer()
    places = [[gaz.get("aleppo")], [gaz.get("syria"), gaz.get("aleppo")],
              [gaz.get("kahramanmaras")]]
    assert not _strays(places, ["SY"], gaz), near.event


def test_a_theatre_no_gazetteer_knows_stands_for_no_disaster_s_own_place():
    # a blast in a town of a curated theatre the gazetteer does not know as a place: a
    # figure naming no place takes the town, as the article's other figures (a war's
    # figures keep to the theatre: see the seed figures of test_context)
    text = ("An explosion at a hospital in Khan Younis killed at least 471 people in Gaza, "
            "the health ministry said. Hundreds were wounded.")
    town = context_claim(text, "471", lang="en", published=date(2031, 10, 18))
    other = context_claim(text, "Hundreds", lang="en", metric="wounded",
                          published=date(2031, 10, 18))
    assert other.event == town.event, (other.event, town.event)


def test_a_war_and_one_of_its_strikes_are_two_events_wherever_they_lie():
    # the war's running toll is no count of one strike, even in the strike's town
    claims = [_claim("a", "auto:attack:khan-yunis:2031-11", date(2031, 11, 14)),
              _claim("b", "auto:war:khan-yunis:2031-11", date(2031, 11, 14)),
              _claim("c", "auto:war:gaza:2031-11", date(2031, 11, 20))]
    a, b, c = (x.event for x in merge_events(claims))
    assert a == "auto:attack:khan-yunis:2031-11"
    assert b == c != a
    # counter-example: two reports of one strike still meet
    two = [_claim("a", "auto:attack:khan-yunis:2031-11", date(2031, 11, 14)),
           _claim("b", "auto:attack:khan-yunis:2031-11", date(2031, 11, 15))]
    assert len({x.event for x in merge_events(two)}) == 1


_STRIKE = ("Air strike on a school in Khan Younis.\n\nAn air strike hit a school in Khan "
           "Younis on Tuesday, killing 14 people.\n\n")
_RAID = ("Raid aereo su una scuola a Khan Younis.\n\nUn raid aereo ha colpito una scuola a "
         "Khan Younis martedì, uccidendo 14 persone.\n\n")


@pytest.mark.parametrize("text,lang,figure,want", [
    # a figure whose own sentence names the war the strike is part of: the war's, where its
    # sentence places it (not narrowed to the strike's town)
    (_STRIKE + "Since the war began, 9,300 people have been killed in Gaza, the ministry said.",
     "en", "9,300", "auto:war:gaza:2031-11"),
    (_RAID + "Dall'inizio della guerra sono stati uccisi 9.300 palestinesi a Gaza.", "it",
     "9.300", "auto:war:gaza:2031-11"),
    # a count since the start of the war, its sentence naming no place: the war's (never no
    # event at all), in the curated theatre the report's place lies in (a war's figures stay
    # together there)
    (_RAID + "Dall'inizio della guerra sono morte 9.300 persone.", "it", "9.300",
     "auto:war:israel-palestine:2031-11"),
    # counter-examples: the strike's own figures stay the strike's, even where a sentence
    # names the war after the strike
    (_STRIKE + "Another 30 were wounded in the strike, the deadliest of the war.", "en", "30",
     "auto:attack:khan-yunis:2031-11"),
    (_STRIKE, "en", "14", "auto:attack:khan-yunis:2031-11"),
])
def test_a_war_s_toll_in_a_report_on_one_strike_is_the_war_s(text, lang, figure, want):
    c = context_claim(text, figure, lang=lang, published=date(2031, 11, 15))
    assert c.event == want, c.event


def test_a_count_over_years_still_has_no_event():
    # counter-example to the war's count: "since 1992" starts a count over years, no event's
    c = context_claim("Alluvione a Senigallia.\n\nDal 1992 le alluvioni hanno ucciso 150 "
                      "persone nelle Marche.", "150", published=date(2031, 9, 20))
    assert c.event is None, c.event


def test_a_report_naming_only_its_country_s_agencies_is_placed_in_that_country():
    # no town the gazetteer lists: the people its agencies' adjective names place the crash
    text = ("Night train crash: 14 dead.\n\nThe death toll of the rail crash has risen to "
            "14, the Hellenic Fire Service said.")
    c = context_claim(text, "14", lang="en", published=date(2031, 3, 2), occurrence=1)
    assert c.event == "auto:crash:greece:2031-03", c.event
    # counter-example: with no people's word either, no place at all, so no event
    bare = context_claim(text.replace("Hellenic ", ""), "14", lang="en",
                         published=date(2031, 3, 2), occurrence=1)
    assert bare.event is None, bare.event


_SLIDE_NOW = ("Frana a Lacco Ameno, 4 morti.\n\nUna frana ha travolto alcune case a Lacco Ameno "
              "nella notte: 4 morti.\n\n")


@pytest.mark.parametrize("text,lang,figure,want", [
    # a date read against the report, years or a year before it: an earlier event, never
    # the report's own (a year ago is a year ago whatever day the report is of)
    (_SLIDE_NOW + "Tre anni fa un'altra frana aveva ucciso 12 persone nella stessa zona.",
     "it", "12", "auto:landslide:italy:2028"),
    ("Wildfire near Patras kills 9.\n\nA wildfire killed 9 people near Patras on Tuesday."
     "\n\nLast year's floods in the same region killed 17 people.", "en", "17",
     "auto:flood:greece:2030"),
    # counter-examples: a date of the last weeks is the report's own event's; a year ago in
    # an anniversary report (its place's event told at that date) is its own event too
    (_SLIDE_NOW + "La settimana scorsa un'altra frana aveva ferito 3 persone nella stessa "
     "zona.", "it", "3", "auto:landslide:lacco-ameno:2031-11"),
    ("Lacco Ameno ricorda le vittime. Un anno fa una frana ha travolto Lacco Ameno uccidendo "
     "12 persone.", "it", "12", "auto:landslide:lacco-ameno:2030-11"),
])
def test_a_date_years_before_the_report_is_an_earlier_event(text, lang, figure, want):
    c = context_claim(text, figure, lang=lang, published=date(2031, 11, 20))
    assert c.event == want, c.event


_HOSPITAL = ("Air strike on a hospital in Khan Younis.\n\nAn air strike on a hospital in Khan "
             "Younis killed 40 people on Tuesday, medics said.\n\n")
_OSPEDALE = ("Raid su un ospedale a Khan Younis.\n\nUn raid aereo su un ospedale di Khan Younis "
             "ha ucciso 40 persone martedì.\n\n")


@pytest.mark.parametrize("text,lang,figure,want", [
    # another strike, told after the report's own, in no place beyond a strike's reach: not
    # the report's strike, and nobody can tell which: none
    (_HOSPITAL + "Another Israeli strike on a house in the same city killed 6 people.", "en",
     "6", None),
    (_OSPEDALE + "Un altro raid su una casa ha ucciso 6 persone.", "it", "6", None),
    # beyond the reach: that place's strike
    (_HOSPITAL + "In another strike, in Beit Lahia in the north, 9 people were killed.", "en",
     "9", "auto:attack:bayt-lahya:2031-11"),
    # counter-examples: the report's strike told again, even with an indefinite article, is
    # its own; a flood is no event one place sees several of within days
    (_HOSPITAL + "The strike also wounded 25 people, the ministry said.", "en", "25",
     "auto:attack:khan-yunis:2031-11"),
    (_HOSPITAL + "Medics said 12 of the dead were children, killed as a missile hit the "
     "ward.", "en", "12", "auto:attack:khan-yunis:2031-11"),
    ("Floods in Senigallia.\n\nFloods hit Senigallia on Tuesday, killing 9.\n\nAnother flood "
     "wave on Thursday killed 2 more.", "en", "2", "auto:flood:senigallia:2031-11"),
])
def test_another_strike_told_in_a_report_is_not_its_own(text, lang, figure, want):
    c = context_claim(text, figure, lang=lang, published=date(2031, 11, 14))
    assert c.event == want, c.event


@pytest.mark.parametrize("text,lang,figure,want", [
    # the dead at another target than the report's own, told with an indefinite article:
    # another strike, which nobody can tell apart by place: none
    (_HOSPITAL + "Six more people were also killed at a school in the city in an Israeli "
     "strike, the UN said.", "en", "Six", None),
    (_OSPEDALE + "E sei persone sono morte anche in una scuola della città, in seguito a un "
     "attacco israeliano.", "it", "sei", None),
    # counter-examples: the report's own target, or another told as known ("the school next
    # to it", a part of the report's strike), or dying in hospital, are the report's own
    (_HOSPITAL + "The strike on the hospital also killed 6 nurses, medics said.", "en", "6",
     "auto:attack:khan-yunis:2031-11"),
    (_HOSPITAL + "The strike also killed 6 people in the school next to the hospital.", "en",
     "6", "auto:attack:khan-yunis:2031-11"),
    (_OSPEDALE + "Altre 6 persone sono morte in ospedale dopo il raid.", "it", "6",
     "auto:attack:khan-yunis:2031-11"),
])
def test_the_dead_of_another_target_are_another_strike_s(text, lang, figure, want):
    c = context_claim(text, figure, lang=lang, published=date(2031, 11, 20))
    assert c.event == want, c.event


_CRASH = ("Train crash near Larissa.\n\nTwo trains collided near Larissa on Tuesday night, "
          "killing 57 people.\n\n")
_SCONTRO = ("Scontro tra treni vicino a Larissa.\n\nLo scontro tra due treni è avvenuto vicino "
            "a Larissa martedì notte: 57 morti.\n\n")
_WRECK = ("Shipwreck off Lampedusa.\n\nA boat carrying migrants sank off Lampedusa on Monday, "
          "killing 41 people.\n\n")


@pytest.mark.parametrize("text,lang,figure,want", [
    # the report's own event told as known ("the crash", "l'incidente"), in a sentence that
    # names where something else happened (a protest, the rescuers' base): the report's
    (_CRASH + "Thousands protested in Athens over the train crash that killed 57 people.",
     "en", "57", "auto:crash:larisa:2031-03"),
    (_SCONTRO + "Migliaia di persone hanno manifestato ad Atene dopo lo scontro tra treni "
     "che ha ucciso 57 persone.", "it", "57", "auto:crash:larisa:2031-03"),
    (_SCONTRO + "I soccorritori arrivati da Salonicco dicono che lo scontro tra treni ha "
     "causato 80 feriti.", "it", "80", "auto:crash:larisa:2031-03"),
    # where a speaker said it, before the words of reported speech
    (_CRASH + "The minister said in Athens that 80 people were injured in the train crash.",
     "en", "80", "auto:crash:larisa:2031-03"),
    (_SCONTRO + "Il ministro ha detto ad Atene che lo scontro tra treni ha causato 80 feriti.",
     "it", "80", "auto:crash:larisa:2031-03"),
    # counter-examples: a place told with the trigger is that event's ("the Kalamata
    # shipwreck", "il naufragio di Kalamata"), and a new telling places its event anywhere
    (_WRECK + "The shipwreck off Kalamata, days before, had killed 600 people.", "en", "600",
     "auto:shipwreck:kalamata:2031-03"),
    (_WRECK + "Thousands protested in Athens after a shipwreck near Kalamata killed 600.", "en",
     "600", "auto:shipwreck:kalamata:2031-03"),
    # a place that is where the figure's own clause happened stays ("In Albania, the fires
    # killed two": no clause inside another)
    ("Wildfire near Patras.\n\nA wildfire killed 11 people near Patras on Tuesday.\n\nIn "
     "neighbouring Albania, the fires killed two people.", "en", "two",
     "auto:wildfire:albania:2031-03"),
])
def test_a_known_event_is_not_where_its_protests_or_rescuers_are(text, lang, figure, want):
    c = context_claim(text, figure, lang=lang, published=date(2031, 3, 5))
    assert c.event == want, c.event


def test_a_figure_dated_before_an_undated_report_s_event_keeps_its_own_place():
    # "The Crotone shipwreck" is the report's own, told as known; the 360 are another's
    text = ("Shipwreck off Crotone.\n\nA boat sank off Crotone on 26 February 2023, killing "
            "60.\n\nThe Crotone shipwreck is the deadliest since October 2013, when 360 people "
            "died in an incident off Lampedusa.")
    c = context_claim(text, "360", lang="en")
    assert c.event is not None and "lampedusa" in c.event, c.event


def test_an_earlier_episode_dated_by_its_day_is_an_event_of_its_own():
    # the first wave, told by its day by two reports a day apart, is one event; never the
    # month's floods its reports go on to tell, even at one place
    claims = [_claim("a", "auto:flood:cesena:2031-05-02", date(2031, 5, 20)),
              _claim("b", "auto:flood:forli:2031-05-03", date(2031, 5, 21)),
              _claim("c", "auto:flood:cesena:2031-05", date(2031, 5, 18)),
              _claim("d", "auto:flood:cesena:2031-05-12", date(2031, 5, 20))]
    a, b, c, d = (x.event for x in merge_events(claims))
    assert a == b == "auto:flood:cesena:2031-05-02"
    assert c == "auto:flood:cesena:2031-05"
    assert d not in (a, c)  # ten days after the first: another episode
    assert event_label(a) == "flood · Cesena · 2 May 2031"
    assert parse_auto(a).day == 2 and parse_auto(c).day is None


@pytest.mark.parametrize("text,lang,first,later", [
    ("Floods in Senigallia.\n\nThe first floods hit Senigallia on 15 September "
     "2031, killing 12 people.\n\nNew floods since 29 September 2031 have killed 3 more.",
     "en", "auto:flood:senigallia:2031-09-15", "auto:flood:senigallia:2031-09"),
    ("Alluvione a Senigallia.\n\nLa prima alluvione ha colpito Senigallia il 15 settembre "
     "2031, uccidendo 12 persone.\n\nUna nuova alluvione il 29 settembre 2031 ha ucciso 3 "
     "persone.", "it", "auto:flood:senigallia:2031-09-15", "auto:flood:senigallia:2031-09"),
    # counter-examples: a day apart is one event told as it went on; a count as of a day
    # names no episode
    ("Floods in Senigallia.\n\nThe floods hit Senigallia on 15 September 2031, killing 12 "
     "people.\n\nOn 16 September 2031 the floods killed 3 more.", "en",
     "auto:flood:senigallia:2031-09", "auto:flood:senigallia:2031-09"),
    ("Floods in Senigallia.\n\nBy 15 September 2031 12 people had died, officials said."
     "\n\nNew floods since 29 September 2031 have killed 3 more.", "en",
     "auto:flood:senigallia:2031-09", "auto:flood:senigallia:2031-09"),
])
def test_two_waves_of_one_flood_a_fortnight_apart_are_two_events(text, lang, first, later):
    from factcheck.context.examples import article_claims
    from factcheck.model import Article

    article = Article(id="x", path="x", text=text, regions=((0, len(text)),), outlet=None,
                      published=date(2031, 9, 30), published_how="metadata",
                      published_precision="day", lang=lang)
    a, b = (c.event for c in article_claims(article, [{"figure": "12"}, {"figure": "3"}]))
    assert (a, b) == (first, later)


@pytest.mark.parametrize("text,lang,figure,event", [
    # an earlier quake of a place within the quake's reach, told in the pluperfect with no
    # year: that place's earlier event, never the report's
    ("Terremoto a Norcia. Una scossa ha colpito Norcia nella notte: 4 morti. "
     "Il sisma di Amatrice aveva ucciso 299 persone.", "it", "299",
     "auto:earthquake:amatrice:earlier"),
    ("Quake hits Norcia. A quake struck Norcia overnight, killing 4. By comparison, the "
     "Amatrice quake had killed 299.", "en", "299", "auto:earthquake:amatrice:earlier"),
    ("Alluvione a Faenza. L'alluvione ha colpito Faenza: 3 morti. Nell'alluvione di Forlì "
     "erano morte 7 persone.", "it", "7", "auto:flood:forli:earlier"),
    # counter-examples: the report's own event told in the pluperfect (its place, no place
    # at all, a region holding it)
    ("Quake hits Norcia. A quake struck Norcia overnight. By Tuesday evening the Norcia quake "
     "had killed 4.", "en", "4", "auto:earthquake:norcia:2031-09"),
    ("Terremoto a Norcia. Una scossa ha colpito Norcia. Alle dieci il sisma aveva già ucciso "
     "4 persone.", "it", "4", "auto:earthquake:norcia:2031-09"),
    ("Terremoto a Norcia. Una scossa ha colpito Norcia. Il sisma in Umbria aveva ucciso "
     "4 persone.", "it", "4", "auto:earthquake:norcia:2031-09"),
    # the perfect: the quake of this month at Amatrice (one the merge joins to Norcia's)
    ("Terremoto a Norcia. Una scossa ha colpito Norcia. Il sisma di Amatrice ha ucciso "
     "4 persone.", "it", "4", "auto:earthquake:amatrice:2031-09"),
])
def test_an_earlier_event_told_in_the_pluperfect_is_that_event(text, lang, figure, event):
    c = context_claim(text, figure, lang=lang, published=date(2031, 9, 20))
    assert c.event == event
    if event.endswith(":earlier"):  # over before the report, at a date it does not state
        assert (c.period_start, c.period_end) == (None, None)


def test_an_earlier_event_meets_only_events_told_so():
    claims = [_claim("a", "auto:earthquake:amatrice:earlier", date(2031, 9, 20)),
              _claim("b", "auto:earthquake:amatrice:earlier", date(2031, 9, 22)),
              _claim("c", "auto:earthquake:norcia:2031-09", date(2031, 9, 20)),
              _claim("d", "auto:earthquake:amatrice:2031-09", date(2031, 9, 21)),
              _claim("e", "auto:earthquake:amatrice", None)]
    a, b, c, d, e = (x.event for x in merge_events(claims))
    assert a == b == "auto:earthquake:amatrice:earlier"
    assert c == d != a and e != a
    assert event_label(a) == "earthquake · Amatrice · earlier"
    assert parse_auto(a).earlier and parse_auto(a).year is None


@pytest.mark.parametrize("text,lang,figure,event", [
    # a disaster in a country the catalogue lists as a war theatre: a figure whose sentence
    # names no place is the disaster's, at its place
    ("Terremoto ad Aleppo. Una forte scossa di terremoto ha colpito Aleppo nella notte. "
     "I soccorritori hanno estratto vivi 15 feriti.", "it", "15",
     "auto:earthquake:aleppo:2031-09"),
    ("Floods in Derna. Flash floods swept through Derna on Tuesday. Rescuers said 40 "
     "people were missing.", "en", "40", "auto:flood:darnah:2031-09"),
    # counter-example: the war's own toll, told in the quake's report, stays the theatre's
    ("Terremoto ad Aleppo. Una forte scossa di terremoto ha colpito Aleppo nella notte. "
     "La guerra ha causato 500.000 morti.", "it", "500.000", "auto:war:syria:2031-09"),
])
def test_a_disaster_in_a_war_theatre_keeps_its_own_place(text, lang, figure, event):
    assert context_claim(text, figure, lang=lang, published=date(2031, 9, 20)).event == event


def test_a_building_fire_meets_its_reports_typed_wildfire_and_its_site():
    # one outlet's bare "rogo" typed wildfire, another's "tower block fire": one fire
    same = [_claim("a", "auto:fire:leeds:2031-03", date(2031, 3, 4)),
            _claim("b", "auto:wildfire:leeds:2031-03", date(2031, 3, 5))]
    assert len({c.event for c in merge_events(same)}) == 1
    # keyed on the building's name where it lies, on the city, and on the building alone
    # in an undated report: one fire
    sited = [_claim("a", "auto:fire:site-harlow-court@leeds:2031-03", date(2031, 3, 4)),
             _claim("b", "auto:fire:leeds:2031-03", date(2031, 3, 5)),
             _claim("c", "auto:fire:site-harlow-court", None)]
    assert len({c.event for c in merge_events(sited)}) == 1
    # a wildfire beyond a building fire's reach in the same week is another event (within
    # a wildfire's, 60 km: Leeds and Manchester are 57 km apart)
    apart = [_claim("a", "auto:fire:leeds:2031-03", date(2031, 3, 4)),
             _claim("b", "auto:wildfire:manchester:2031-03", date(2031, 3, 5))]
    assert len({c.event for c in merge_events(apart)}) == 2


def test_a_building_fire_named_by_its_building_meets_its_city_s_reports():
    from dataclasses import replace

    reports = [
        # the building where it lies, in Italian
        ("Rogo alla Ashford Tower di Leeds.\n\nSono 9 i morti, dice la polizia.", "9", "it",
         date(2031, 3, 5)),
        # the city alone: a tower block's fire
        ("Tower block fire in Leeds.\n\nAt least 7 people died in the blaze on Sunday.",
         "At least 7", "en", date(2031, 3, 4)),
        # the building alone, undated ("in Ashford Tower" is no town)
        ("The Ashford Tower fire.\n\nNine people died in Ashford Tower, police said.", "Nine",
         "en", None),
    ]
    claims = [replace(context_claim(t, f, lang=lang, published=day), doc=f"d{i}")
              for i, (t, f, lang, day) in enumerate(reports)]
    assert [c.event.split(":")[1] for c in claims] == ["fire"] * 3, [c.event for c in claims]
    assert len({c.event for c in merge_events(claims)}) == 1, [c.event for c in claims]


def test_a_report_months_on_does_not_stretch_the_event_it_recalls_to_its_own_date():
    from factcheck.context.merge import mention, merge_mentions

    # one report of April naming only the country: its collapse, and the fire of November
    # it recalls (dated by its month), are two events, though a fire and a collapse at one
    # place may be one
    fire = mention("auto:fire:bangladesh:2030-11", [date(2031, 4, 24)], ["a"])
    collapse = mention("auto:collapse:bangladesh:2031-04", [date(2031, 4, 24)], ["a"])
    assert fire.end == date(2030, 11, 1)
    out = merge_mentions([fire, collapse])
    assert out[fire.id] != out[collapse.id]
    # a report within weeks of the month still stretches it: an ongoing event
    assert mention("auto:fire:bangladesh:2030-11", [date(2030, 12, 20)], ["b"]).end == \
        date(2030, 12, 20)
