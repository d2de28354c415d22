"""The curated events are data with their own examples: each one runs as a test."""

from __future__ import annotations

import tomllib
from datetime import date

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.context.events import catalog, events_file
from factcheck.context.examples import event_examples, run_event_example

EXAMPLES = event_examples()


@pytest.mark.parametrize("example", EXAMPLES, ids=[x.label for x in EXAMPLES])
def test_event_example(example):
    assert run_event_example(example) is None


def test_every_event_has_an_example():
    with events_file().open("rb") as fh:
        data = tomllib.load(fh)
    for event in data["events"]:
        assert event.get("examples"), f"{event['id']} has no [[events.examples]]"


def test_events_are_well_formed():
    cat = catalog()
    ids = [e.id for e in cat.events]
    assert len(ids) == len(set(ids)), "duplicate event ids"
    places = {pid for pid, _ in cat.places}
    for e in cat.events:
        assert isinstance(e.start, date)
        assert e.end is None or e.start <= e.end, e.id
        assert e.places and set(e.places) <= places, e.id
        assert set(e.name) >= {"it", "en"}, e.id


def test_aliases_and_keywords_compile_and_never_match_empty():
    for e in catalog().events:
        for rx in ([e.aliases] if e.aliases is not None else []) + list(e.keywords):
            assert isinstance(rx, regex.Pattern)
            assert rx.search("") is None, f"{e.id}: {rx.pattern} matches the empty string"


def test_a_missing_events_file_is_no_events(tmp_path):
    (tmp_path / "lang").mkdir()
    cat = catalog(tmp_path)
    assert cat.events == () and cat.places == ()


def test_a_bad_event_regex_is_an_error_naming_the_file(tmp_path):
    from factcheck.errors import FactcheckError

    (tmp_path / "events.toml").write_text(
        '[[events]]\nid = "x"\nstart = 2020-01-01\nplaces = []\naliases = ["(unclosed"]\n',
        "utf-8")
    with pytest.raises(FactcheckError, match=r"events\.toml: x\.aliases: bad regex"):
        catalog(tmp_path)


def test_an_event_without_a_start_is_an_error(tmp_path):
    from factcheck.errors import FactcheckError

    (tmp_path / "events.toml").write_text('[[events]]\nid = "x"\nplaces = []\n', "utf-8")
    with pytest.raises(FactcheckError, match=r"event 'x': missing key 'start'"):
        catalog(tmp_path)


@pytest.mark.parametrize("text,lang,places", [
    # where people come from is no place of the sentence
    ("Aboard were some 90 migrants from Syria, Iraq and Ukraine.", "en", []),
    ("A bordo c'erano migranti provenienti dalla Siria e dall'Ucraina.", "it", []),
    ("The trawler, carrying refugees from Libya, sank at dawn.", "en", []),
    # a voyage's port of departure, and where people had come from, whoever they are
    ("The dinghy, after a day sailing from Tunisia, capsized at dawn.", "en", []),
    ("Coastguards said most of those aboard had set sail from Egypt.", "en", []),
    ("Among the dead were families who had come from Afghanistan.", "en", []),
    ("Il gommone era salpato dalla Tunisia due giorni prima.", "it", []),
    ("I naufraghi salpati dall'Egitto erano almeno 80.", "it", []),
    ("Il peschereccio partito dalla Libia si è rovesciato all'alba.", "it", []),
    # where the hurt died later is a hospital's town
    ("Un ferito è deceduto stanotte nell'ospedale di Damasco.", "it", []),
    ("Altri due feriti sono deceduti all'ospedale di Aleppo.", "it", []),
    # where the hurt are treated: a hospital's or an emergency room's town
    ("I feriti sono stati trasportati in elicottero ai pronto soccorso di Damasco e Aleppo.",
     "it", []),
    ("I feriti lievi sono curati nei pronto soccorso di Aleppo.", "it", []),
    # an embassy or a consulate speaks from its seat
    ("Lo riferiscono fonti dell'ambasciata italiana a Damasco, al lavoro da stanotte.", "it", []),
    ("Officials at the Italian embassy in Damascus said no Italians were among the dead.",
     "en", []),
    # counter-example: an attack on an embassy happened at its seat
    ("Un'autobomba contro l'ambasciata italiana a Damasco ha ucciso quattro persone.", "it",
     ["syria"]),
    # counter-example: a blast at an emergency room is where it happened
    ("Un'esplosione al pronto soccorso di Aleppo ha ucciso quattro persone.", "it", ["syria"]),
    # the seat of the prosecutors or the court that try it
    ("La procura di Aleppo ha aperto un'inchiesta sul crollo.", "it", []),
    ("The prosecutor of Aleppo charged six engineers over the collapse.", "en", []),
    # counter-examples: where people fled from may be where it happened; where a boat sank
    ("Thousands fled from Kharkiv after the shelling.", "en", ["ukraine"]),
    ("The boat carrying 60 people sank off the coast of Syria.", "en", ["syria"]),
    ("Il barcone si è rovesciato al largo della Siria.", "it", ["syria"]),
    # counter-examples: a place where it happened, a people's word that is not an origin
    ("Shelling in Kharkiv killed 4; residents from nearby towns fled.", "en", ["ukraine"]),
    ("Gli scontri a Idlib hanno fatto 7 morti.", "it", ["syria"]),
    ("Refugees from Kharkiv reached Lviv, where a missile struck in Ukraine.", "en", ["ukraine"]),
])
def test_origins_are_no_place(text, lang, places):
    from factcheck.context.events import places_in

    assert places_in(text, catalog()) == places


def test_a_figure_about_migrants_from_a_theatre_stays_where_the_boat_sank():
    from datetime import date

    from factcheck.context.examples import context_claim

    text = ("Shipwreck off Valdoria: the boat capsized at night with 120 migrants from Syria "
            "and Sudan on board.\n\nAt least 40 people are still missing.")
    c = context_claim(text, "At least 40", lang="en", published=date(2031, 4, 2),
                      metric="missing")
    assert c.event is None or ("syria" not in c.event and "sudan" not in c.event), c.event


def _events_of(text: str, figures: list[str]) -> list[str | None]:
    from datetime import date

    from factcheck.context.examples import article_claims
    from factcheck.model import Article

    article = Article(id="x", path="x", text=text, regions=((0, len(text)),), outlet=None,
                      published=date(2031, 9, 20), published_how="metadata",
                      published_precision="day", lang="it")
    return [c.event for c in article_claims(article, [{"figure": f} for f in figures])]


_FLOOD = ("Alluvione a Senigallia: il fiume Misa è esondato nella notte.\n\n"
          "L'alluvione ha ucciso 9 persone a Senigallia.\n\n")
_SLIDE = ("Frana a Senigallia: la collina è scivolata sulle case.\n\n"
          "La frana ha ucciso 9 persone a Senigallia.\n\n")


@pytest.mark.parametrize("text,same", [
    # a town of the article's region within its type's reach is the article's place
    (_FLOOD + "Altre 2 persone sono morte ad Ancona per l'alluvione.", True),
    # a hamlet of the article's town
    (_SLIDE + "Altre 2 persone sono morte a Marzocca per la frana.", True),
    # another region, or beyond a landslide's reach: another event
    (_FLOOD + "Altre 2 persone sono morte a Perugia per l'alluvione.", False),
    (_SLIDE + "Altre 2 persone sono morte a Pesaro per la frana.", False),
])
def test_a_place_in_the_articles_area_is_the_articles_place(text, same):
    nine, two = _events_of(text, ["9", "2"])
    assert (nine == two) is same, (nine, two)


@pytest.mark.parametrize("text,lang,figure,bad", [
    # the victims' peoples are no theatre in a disaster's report
    ("Shipwreck off Pozzallo: the trawler capsized at night.\n\n"
     "It carried 150 Syrian and Sudanese migrants; 40 of them are still missing.",
     "en", "40", ("syria", "sudan")),
    ("Naufragio al largo di Pozzallo: il peschereccio si è ribaltato nella notte.\n\n"
     "A bordo c'erano 150 migranti siriani e sudanesi: 40 risultano dispersi.",
     "it", "40", ("syria", "sudan")),
])
def test_a_peoples_word_is_no_theatre_outside_fighting(text, lang, figure, bad):
    from datetime import date

    from factcheck.context.examples import context_claim

    c = context_claim(text, figure, lang=lang, published=date(2031, 4, 2), metric="missing")
    assert c.event is None or not any(b in c.event for b in bad), c.event


def test_a_peoples_word_still_places_a_figure_of_fighting():
    from datetime import date

    from factcheck.context.examples import context_claim

    c = context_claim("Negli scontri di ieri sono morti 4 soldati sudanesi.", "4",
                      published=date(2031, 4, 2))
    assert c.event is not None and "sudan" in c.event, c.event


@pytest.mark.parametrize("text,lang,figure,year", [
    # a year naming the event a figure's sentence tells of: that earlier event
    ("The 1998 cyclone killed 1,200 people in Orissa.", "en", "1,200", "1998"),
    ("Fires raged near Patras. The 2007 Peloponnese Fire killed at least 60 people.", "en",
     "at least 60", "2007"),
    # counter-examples: the year belongs to another event than the figure's; no year at all
    ("The storm, the worst since the 1998 cyclone, killed 14 people in Orissa.", "en", "14",
     None),
    ("The cyclone killed 14 people in Orissa on Tuesday.", "en", "14", None),
])
def test_a_year_before_the_trigger_dates_an_earlier_event(text, lang, figure, year):
    from datetime import date

    from factcheck.context.examples import context_claim

    c = context_claim(text, figure, lang=lang, published=date(2031, 6, 12))
    assert c.event is not None, text
    if year:
        assert c.event.endswith(":" + year), c.event
    else:
        assert c.event.endswith(":2031-06"), c.event


def test_a_place_s_name_is_capitalised_a_nationality_is_not_the_country():
    from factcheck.context.events import catalog, places_in

    cat = catalog()
    assert places_in("Tra i morti una donna di nazionalità non nota, forse ucraina.", cat) == []
    assert places_in("I soccorsi sono arrivati dall'Ucraina in serata.", cat) == ["ukraine"]
    assert places_in("ATTACCO IN UCRAINA: 12 MORTI", cat) == ["ukraine"]


@pytest.mark.parametrize("text,lang,figure,published,want", [
    # "since <year>, when ...": the year dates the event its clause tells of, not a count
    ("Crowd crush in Valdoria. It was the worst disaster since 1987, when the ferry Aldora "
     "sank in the bay and killed 212 people.", "en", "212", date(2031, 6, 12),
     "auto:shipwreck:"),
    ("Calca a Valdoria. È la peggiore tragedia dal 1987, quando il naufragio del traghetto "
     "Aldora fece 212 morti.", "it", "212", date(2031, 6, 12), "auto:shipwreck:"),
    # an undated report: a figure of another type with a year of its own is that event's
    ("Crowd crush in Valdoria kills 40.\n\nThe worst since 212 people died when a ferry sank "
     "in 1987.", "en", "212", None, "auto:shipwreck:"),
    # counter-example: a count "since" a year with no event told of then is no event's
    ("Crowd crush in Valdoria. Since 1987, 212 people have died in stampedes at the "
     "festival.", "en", "212", date(2031, 6, 12), None),
])
def test_a_year_told_of_dates_another_event(text, lang, figure, published, want):
    from factcheck.context.examples import context_claim

    c = context_claim(text, figure, lang=lang, published=published)
    if want is None:
        assert c.event is None, c.event
    else:
        assert c.event is not None and c.event.startswith(want), c.event
        assert c.event.endswith(":1987"), c.event
        if published is not None:  # it counts that year's event, not the years since
            assert (c.period_start, c.period_end) == (date(1987, 1, 1), date(1987, 12, 31))



@pytest.mark.parametrize("text,hidden,kept", [
    # a route's ends and where the hurt are treated are no place of what happened
    ("The train, travelling between Patras and Larissa, derailed near Lamia.",
     ["Patras", "Larissa"], ["Lamia"]),
    ("The bus crashed near Lamia; the injured were taken to hospitals in Volos.",
     ["Volos"], ["Lamia"]),
    ("Il treno, diretto a Rimini, è deragliato a Cotignola.", ["Rimini"], ["Cotignola"]),
    # both ends of a route told from one to the other
    ("The train, travelling from Patras to Larissa, derailed near Lamia.",
     ["Patras", "Larissa"], ["Lamia"]),
    ("Il treno, partito da Rimini verso Bologna, è deragliato a Cotignola.",
     ["Rimini", "Bologna"], ["Cotignola"]),
    ("Sette i feriti, ricoverati negli ospedali di Trento, Belluno e Treviso.",
     ["Trento", "Belluno", "Treviso"], []),
    # the same head again by a pronoun: every hospital's town
    ("I 40 feriti sono ricoverati negli ospedali di Trento e in quelli di Rovereto.",
     ["Trento", "Rovereto"], []),
    ("The injured were taken to hospitals in Volos and those in Lamia.", ["Volos", "Lamia"], []),
    # counter-examples: a hospital that was struck is where it happened; a place after the
    # list that no pronoun ties to the head stays ("... in Volos and the crash site")
    ("The injured were taken to hospitals in Volos after the crash near Lamia.", ["Volos"],
     ["Lamia"]),
    ("The blast at a hospital in Gaza City killed hundreds.", [], ["Gaza City"]),
    ("L'attacco all'ospedale di Khan Younis ha fatto 50 morti.", [], ["Khan Younis"]),
])
def test_a_route_or_a_hospital_is_not_where_it_happened(text, hidden, kept):
    from factcheck.context.events import mask_origins

    masked = mask_origins(text, catalog())
    assert len(masked) == len(text)
    assert all(name not in masked for name in hidden), masked
    assert all(name in masked for name in kept), masked


_PLACE_WORDS = ["Nagorno-Karabakh", "Nagorno", "karabakh", "Armenia", "armenia", "ARMENIA",
                "una donna forse ucraina", "Ucraina", "Siria", "İzmir", "Idlib", "forze", ",",
                "\n", "migranti provenienti da", "Stepanakert"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PLACE_WORDS), max_size=40), st.booleans())
def test_places_read_from_an_article_s_tokens_are_those_read_from_its_text(parts, joined):
    """An article's prose is cut into tokens once; its places (and which are named with a
    capital: "ucraina" is a nationality) read from them are those read from the text."""
    from factcheck.context.events import places_in
    from factcheck.context.words import words_and_tokens

    text = (" " if joined else "").join(parts)
    words, toks = words_and_tokens(text)
    assert places_in(text, catalog(), toks=toks, words=words) == places_in(text, catalog())


@pytest.mark.parametrize("text", [
    "Il treno, diretto a Rimini, è deragliato a Cotignola.",
    "Sette i feriti, ricoverati negli ospedali di Trento, Belluno e Treviso.",
    "Migrants from Syria and Iraq drowned off Lesbos.",
    "The quake struck Valcorvo.",
    "",
])
def test_an_article_s_origin_cues_read_from_its_tokens_mask_the_same(text):
    from factcheck.context.events import _mask_origins
    from factcheck.context.words import tokens

    assert _mask_origins(text, catalog(), tokens(text)) == _mask_origins(text, catalog())


def test_a_text_masked_again_gets_its_catalog_s_answer():
    """An article's prose is masked twice (for its context, for its places): the second
    answer is the first's, and never another catalog's."""
    from dataclasses import replace

    from factcheck.context.events import mask_origins

    text = "Il treno, diretto a Rimini, è deragliato a Cotignola."
    cat = catalog()
    masked = mask_origins(text, cat)
    assert "Rimini" not in masked and "Cotignola" in masked
    assert mask_origins(text, cat) == masked
    assert mask_origins(text, replace(cat, origins=None)) == text
    plain = "Il treno è deragliato a Cotignola."
    assert mask_origins(plain, cat) is plain
    copy = "".join(plain)  # an equal text, asked after: itself, unmasked
    assert copy is not plain and mask_origins(copy, cat) is copy
    assert mask_origins(masked, cat) == masked


@pytest.mark.parametrize("text,figure,good", [
    ("Un treno diretto a Rimini è deragliato a Cotignola. Il treno deragliato era partito "
     "da Rimini. Nel deragliamento sono morte 12 persone.", "12", "cotignola"),
    ("L'incidente stradale di Cotignola ha fatto 30 feriti, ricoverati all'ospedale di "
     "Ravenna. Dopo l'incidente stradale, 4 feriti ricoverati all'ospedale di Ravenna sono "
     "gravi.", "30", "cotignola"),
])
def test_a_figure_takes_where_it_happened_not_a_route_or_a_hospital(text, figure, good):
    from factcheck.context.examples import context_claim

    c = context_claim(text, figure, published=date(2031, 6, 12))
    assert c.event == f"auto:crash:{good}:2031-06", c.event


@pytest.mark.parametrize("text,lang,figure,want", [
    # a sentence implying only a war's curated theatre (by its peoples' words), in a report on
    # a place that theatre lists: the place's event, as the report's other figures
    ("Air strike on a hospital in Khan Younis.\n\nThe air strike hit the hospital in Khan "
     "Younis at night.\n\nThe Gazan health ministry said 80 people were killed in the "
     "Israeli air strike.", "en", "80", "auto:attack:khan-yunis:2031-06"),
    ("Raid aereo su un ospedale a Khan Younis.\n\nIl raid aereo ha colpito l'ospedale a "
     "Khan Younis nella notte.\n\nIl ministero della Sanità palestinese ha detto che 80 "
     "persone sono morte nel raid aereo israeliano.", "it", "80",
     "auto:attack:khan-yunis:2031-06"),
    # counter-example: a report on a place the theatre does not list keeps the theatre
    ("Air strike on a building in Beirut.\n\nThe air strike hit a building in Beirut at "
     "night.\n\nIn a separate Israeli air strike, 12 Palestinians were killed.", "en", "12",
     "auto:attack:israel-palestine:2031-06"),
])
def test_a_theatre_implied_by_peoples_takes_the_reports_place_inside_it(text, lang, figure,
                                                                        want):
    from factcheck.context.examples import context_claim

    assert context_claim(text, figure, lang=lang, published=date(2031, 6, 12)).event == want
