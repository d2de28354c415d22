"""Places: the gazetteer's hierarchy, and rules/places.toml's examples run as tests."""

from __future__ import annotations

import pytest

from factcheck.context.gazetteer import distance_km, gazetteer, locatives, places_file, slugify
from factcheck.errors import FactcheckError

import tomllib

with places_file().open("rb") as fh:
    DATA = tomllib.load(fh)


def _ids(text: str, lang: str) -> list[str]:
    return [p.id for _, _, p in gazetteer().find(text, lang, locatives(lang))]


@pytest.mark.parametrize("x", DATA.get("examples", ()), ids=lambda x: x["text"][:40])
def test_place_example(x):
    assert _ids(x["text"], x.get("lang", "it")) == x["places"]


@pytest.mark.parametrize("x", DATA.get("counter_examples", ()), ids=lambda x: x["text"][:40])
def test_place_counter_example(x):
    found = _ids(x["text"], x.get("lang", "it"))
    assert not set(found) & set(x["not"]), found


def test_hamlets_resolve_with_their_town_region_and_country():
    g = gazetteer()
    rigopiano, farindola = g.get("rigopiano"), g.get("farindola")
    assert rigopiano.parents == ("farindola", "abruzzo", "italy")
    assert g.within(rigopiano, farindola) and not g.within(farindola, rigopiano)
    assert g.get("casamicciola-terme").parents == ("campania", "italy")


def test_homonyms_follow_the_country_the_text_names():
    assert "valencia-es" in _ids("Floods hit Valencia, in Spain.", "en")
    assert "spain" not in _ids("Il presidente del Venezuela ha parlato a Valencia.", "it")


def test_distance_between_two_towns():
    g = gazetteer()
    d = distance_km(g.get("ischia"), g.get("casamicciola-terme"))
    assert 2 < d < 10


def test_slugs_are_plain():
    assert slugify("L'Aquila") == "l-aquila"
    assert slugify("València") == "valencia"


def test_an_area_covers_the_towns_of_its_regions():
    gaz = gazetteer()
    area, town, far = gaz.get("central-italy"), gaz.get("amatrice"), gaz.get("palermo")
    assert area.level == "region"
    assert gaz.within(town, area) and not gaz.within(far, area)


def test_an_area_covering_an_unknown_region_is_an_error(tmp_path):
    (tmp_path / "places.toml").write_text(
        '[[places]]\nname = "Middle"\ncountry = "IT"\ncovers = ["Atlantis"]\n', "utf-8")
    with pytest.raises(FactcheckError, match=r"covers 'Atlantis': no such region"):
        gazetteer(tmp_path)


def _all_ids(text: str, lang: str, **kw) -> list[str]:
    g = gazetteer()
    return [p.id for _, _, p, _ in g.find_all(text, lang, locatives(lang), **kw)]


def test_a_surname_met_after_a_first_name_is_that_person_again_later():
    text = ("Il presidente regionale Carlo Tarvisio è arrivato in elicottero; "
            "più tardi anche Tarvisio ha visitato la frana.")
    assert "tarvisio" not in _all_ids(text, "it")
    # the town alone, with no person of that name before it, stays a place
    assert "tarvisio" in _all_ids("La frana ha colpito Tarvisio nella notte.", "it")
    # a title-cased heading is no person's name
    assert "tarvisio" in _all_ids("Soccorsi Ancora In Tarvisio\nLa frana ha colpito "
                                  "Tarvisio nella notte.", "it")


def test_the_people_a_text_names_tell_homonyms_apart():
    g = gazetteer()
    text = "Le autorità spagnole contano 92 morti a Valencia."
    people = g.people_countries(text)
    assert people == ["ES"]
    assert _all_ids(text, "it", hints=frozenset(people)) == ["valencia-es"]
    # a people's word is a hint only: it never makes a small town's name a place by itself
    assert g.people_countries("Rescuers dug through an Italian hotel.") == ["IT"]


def test_a_head_before_or_after_a_name_says_it_is_a_place():
    g = gazetteer()
    text = "Floods hit the eastern region of Valencia and the Murcia region."
    s = text.index("Valencia")
    assert g.headed(text, s, s + len("Valencia"))
    s = text.index("Murcia")
    assert g.headed(text, s, s + len("Murcia"))
    s = text.index("Floods")
    assert not g.headed(text, s, s + len("Floods"))


def test_a_country_or_region_lies_where_its_biggest_town_is():
    g = gazetteer()
    lat, lon = g.point(g.get("haiti"))
    assert 18 < lat < 20 and -73 < lon < -72  # Port-au-Prince
    assert g.point(g.get("farindola")) == (g.get("farindola").lat, g.get("farindola").lon)



def test_a_mountain_is_not_the_town_of_its_bare_name():
    # "Monte Rosa" names a mountain, not the town of Friuli called Rosa: the figure's event
    # gets no place from it
    from datetime import date

    from factcheck.context.examples import context_claim

    for text, town in [("Sono 3 i morti nel crollo del seracco sul Monte Rosa.", "ross"),
                       ("Il crollo di ghiaccio sul Monte Cervino ha ucciso 3 alpinisti.",
                        "cervino")]:
        c = context_claim(text, "3", published=date(2031, 7, 4))
        assert c.event is None or f":{town}" not in c.event, c.event


@pytest.mark.parametrize("code,country", [
    ("IT", True), ("QA", True), ("ZA", True), ("ZW", True),
    # Kosovo goes by a private-use code
    ("XK", True),
    # organisations and private-use codes (CLDR's "United Nations", "European Union",
    # "Outlying Oceania", "Unknown Region", pseudo-locales) are no countries
    ("UN", False), ("EU", False), ("EZ", False), ("QO", False), ("ZZ", False), ("XA", False),
])
def test_only_a_country_s_code_makes_a_country(code, country):
    from factcheck.context.gazetteer import is_country_code

    assert is_country_code(code) is country


@pytest.mark.parametrize("text,lang", [
    ("The floods killed 45 people, the United Nations said on Monday.", "en"),
    ("L'alluvione ha ucciso 45 persone, hanno detto le Nazioni Unite.", "it"),
    ("The European Union pledged aid after the floods.", "en"),
])
def test_an_organisation_is_no_place(text, lang):
    assert [p.id for _, _, p in gazetteer().find(text, lang, locatives(lang))] == []


@pytest.mark.parametrize("text,country", [
    ("The Hellenic Coast Guard said 12 migrants were missing.", "GR"),
    ("La Guardia costiera ellenica ha soccorso 40 persone.", "GR"),
])
def test_a_state_s_own_adjective_names_its_people(text, country):
    assert gazetteer().people_countries(text)[:1] == [country]


def test_homonyms_follow_the_towns_the_text_names():
    # the homonym within reach of a town the text names, whatever the country ranks first
    assert _all_ids("The fire spread through Kensington before dawn, firefighters in "
                    "London said.", "en") == ["kensington-gb-2645801", "london"]
    # the next town tells a city from its bigger homonym overseas
    assert "valencia-es" in _all_ids("Il fango ha sommerso Valencia e Paiporta.", "it")
    # far from every town named, in a country named nowhere else, named once: no place
    assert _all_ids("Sgomberato un palazzo di North Kensington, alla periferia di Londra.",
                    "it") == ["london"]


def test_a_town_named_twice_or_alone_keeps_its_reading():
    # one town alone has no neighbour to be near
    assert _all_ids("La frana ha colpito North Kensington nella notte.", "it") == \
        ["north-kensington"]
    # a town named twice is what the text is about, however far from the rest
    ids = _all_ids("A North Kensington sono morti in 3. Il sindaco di North Kensington "
                   "era a Roma.", "it")
    assert ids.count("north-kensington") == 2


def test_a_place_after_a_determiner_opening_a_sentence_is_read():
    # a small town told with its event: read where the text names what happened
    assert [(p.id, needs) for _, _, p, needs in gazetteer().find_all(
        "The Norcia quake destroyed the old basilica.", "en", locatives("en"))] == \
        [("norcia", True)]
    # ... and it places the figure's event
    from datetime import date

    from factcheck.context.examples import context_claim

    c = context_claim("Quake near Norcia.\n\nThe Norcia quake killed 3 people, rescuers said.",
                      "3", lang="en", published=date(2031, 6, 12))
    assert c.event == "auto:earthquake:norcia:2031-06"
    # a first name, or an article starting a surname, opening a sentence still makes a
    # person's name
    assert _all_ids("Giorgia Meloni ha visitato Faenza.", "it") == ["faenza"]
    assert _all_ids("Lo Bianco ha visitato Faenza.", "it") == ["faenza"]
    assert _all_ids("Lo Monaco ha visitato Faenza.", "it") == ["faenza"]


@pytest.mark.parametrize("text,lang,place", [
    # a transliterated glottal stop is often left out: Ra'anana written "Raanana"
    ("Una sirena è suonata a Raanana nella notte.", "it", "ra-anana"),
    ("Sirens sounded in Raanana overnight.", "en", "ra-anana"),
])
def test_a_name_s_glottal_stop_may_be_written_or_not(text, lang, place):
    assert _ids(text, lang) == [place]


def test_an_elided_article_s_apostrophe_is_no_glottal_stop():
    # "Sant'Agata" written together is a surname, never the town
    assert _ids("Ne ha parlato Santagata, il sindaco.", "it") == []
