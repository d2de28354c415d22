"""Which of its sentence's places a figure's event takes: a figure told at another time than
its report's event takes the place its own clause names, never that of a trigger elsewhere
in the sentence; a figure of the report's own time keeps the sentence's (its clause names
where a part of that event happened)."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.context.examples import context_claim

_POZZALLO = "Ferry capsizes off Pozzallo.\n\n"
_FAENZA = "Floods in Faenza.\n\n"
_TODAY = date(2031, 6, 12)


@pytest.mark.parametrize("text,lang,figure,published,event", [
    # an earlier event told in a clause of its own: its place, not the report's trigger's
    (_POZZALLO + "The shipwreck near Pozzallo is the worst since March 2011, when 250 people "
     "drowned off Pantelleria.", "en", "250", None, "auto:shipwreck:pantelleria:2011-03"),
    ("Naufragio al largo di Pozzallo.\n\nÈ il naufragio più grave al largo di Pozzallo dal "
     "marzo 2011, quando 250 persone annegarono vicino a Pantelleria.", "it", "250", None,
     "auto:shipwreck:pantelleria:2011-03"),
    (_POZZALLO + "The shipwreck near Pozzallo recalled March 2011, when 250 people drowned "
     "off Pantelleria.", "en", "250", _TODAY, "auto:shipwreck:pantelleria:2011-03"),
    # a clause naming only the country: that country's, never the report's town in it
    (_POZZALLO + "The shipwreck near Pozzallo is the worst since March 2011, when 250 people "
     "drowned in Italy.", "en", "250", None, "auto:shipwreck:italy:2011-03"),
    # the trigger opening the sentence with its town ("The Pozzallo shipwreck") is the
    # report's event's, not the earlier figure's
    (_POZZALLO + "The Pozzallo shipwreck is the worst since March 2011, when 250 people "
     "drowned off Pantelleria.", "en", "250", None, "auto:shipwreck:pantelleria:2011-03"),
    # counter-examples: a clause naming no place takes the sentence's
    (_POZZALLO + "The shipwreck near Pozzallo, the worst in years, killed 60 people.", "en",
     "60", None, "auto:shipwreck:pozzallo"),
    # a figure of the report's own time, dated or not, names in its clause where a part of
    # its event happened: the event stays the sentence's
    (_FAENZA + "The floods in Faenza killed nine people, and one more died in Pescara.", "en",
     "one more", _TODAY, "auto:flood:faenza:2031-06"),
    (_FAENZA + "The floods in Faenza killed nine people, and one more died in Pescara.", "en",
     "one more", None, "auto:flood:faenza"),
    ("Alluvione a Faenza.\n\nL'alluvione di Faenza ha fatto 9 morti, e un'altra persona è "
     "morta a Pescara.", "it", "un'altra", _TODAY, "auto:flood:faenza:2031-06"),
])
def test_a_figure_of_another_time_takes_its_own_clause_s_place(text, lang, figure, published,
                                                                event):
    assert context_claim(text, figure, lang=lang, published=published).event == event


def _auto(text: str, lang: str):
    from factcheck.context.article import article_context
    from factcheck.model import Article
    from factcheck.pipeline import article_sentences

    a = Article(id="x", path="x", text=text, regions=((0, len(text)),), outlet=None,
                published=_TODAY, published_how="metadata", published_precision="day",
                lang=lang)
    return article_context(a, article_sentences(a), None).auto


@pytest.mark.parametrize("text,lang", [
    ("Un raid ha colpito un ospedale a Khan Younis nella notte. Israele smentisce ogni "
     "responsabilità per il raid. Israele accusa la Jihad islamica. Israele parla di un razzo "
     "caduto per errore. Nel kibbutz di Sderot erano state trovate 12 vittime.", "it"),
    ("A strike hit a hospital in Khan Younis overnight. Israel denies any part in the strike. "
     "Israel blames Islamic Jihad. Israel speaks of a stray rocket. In the kibbutz of Sderot "
     "12 bodies had been found.", "en"),
])
def test_a_country_named_bare_in_a_war_report_is_a_side_not_where_it_happened(text, lang):
    # "Israel denies" three times does not make a town of Israel named once in passing the
    # report's own place: a side acting is no place of the strike
    a = _auto(text, lang)
    assert a.place.id == "khan-yunis"
    assert [p.id for p in a.places[1]] == []


def test_a_country_named_bare_in_a_disaster_report_is_still_a_place():
    a = _auto("Un terremoto ha colpito Amatrice nella notte. Il sisma ha scosso l'Italia intera.",
              "it")
    assert [p.id for p in a.places[1]] == ["italy"]
