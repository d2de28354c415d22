"""The list reader (factcheck.claims_lists): the items of a list of people whose predicate is
in its head or in the sentence before. The examples of rules/lang/<lang>/lists.toml run here,
then the specifications."""

from __future__ import annotations

from dataclasses import replace

import pytest

from factcheck.pipeline import claims_in_text
from factcheck.rules import load_rules

RULES = load_rules()
CASES = [(lang, ex) for lang, li in sorted(RULES.lists.items())
         for ex in li.examples + li.counter_examples]


def _lists(text: str, lang: str, ruleset=RULES):
    """The claims of ``text`` the list reader made: (figure, metric, who)."""
    claims, _ = claims_in_text(text, lang, ruleset)
    return [(c.quantity.text, c.metric, c.who) for c in claims if c.rule == f"{lang}/lists"]


def test_both_languages_have_a_list_reader_with_examples_and_counter_examples():
    for lang in ("it", "en"):
        li = RULES.lists[lang]
        assert li.examples and li.counter_examples


@pytest.mark.parametrize("lang, ex", CASES,
                         ids=[f"{lang}:{ex.kind}-{ex.index}" for lang, ex in CASES])
def test_data_examples(lang, ex, check_reader_example):
    claims, _ = claims_in_text(ex.text, lang, RULES)
    got = [c for c in claims if c.rule == f"{lang}/lists"]
    check_reader_example(got, ex)


def test_a_list_pointing_back_takes_the_metric_of_the_sentence_before():
    text = ("Eleven passengers were missing after the ferry sank. They include four "
            "Slovaks, two Danes and a Swede.")
    assert _lists(text, "en") == [("four", "missing", "Slovaks"), ("two", "missing", "Danes"),
                                  ("a", "missing", "Swede")]


def test_the_status_of_the_whole_is_the_items():
    # an addition to a toll: its parts are additions too, never a toll of their own
    claims, _ = claims_in_text("Rescuers recovered another 9 bodies overnight. Among them "
                               "were four children and two pilgrims.", "en", RULES)
    got = [(c.quantity.text, c.status) for c in claims if c.rule == "en/lists"]
    assert got == [("four", "increment"), ("two", "increment")]


def test_a_pronoun_in_the_same_sentence_points_to_the_count_before_it():
    text = "At least 30 people were hurt, among them 12 Slovaks and four Danes."
    assert [m for _, m, _ in _lists(text, "en")] in (["wounded", "wounded"], ["wounded"], [])
    # the rules may read some items; whatever they leave, the list reader reads as wounded
    claims, _ = claims_in_text(text, "en", RULES)
    assert {c.metric for c in claims} == {"wounded"}


def test_the_list_ends_after_its_last_conjunction():
    # "a Swede and a Dane" say who the two stewards were: no items of their own
    text = ("Eight people died on the ship. They include three Swedes, two Danes and two "
            "stewards, a Swede and a Dane.")
    assert [v for v, _, _ in _lists(text, "en")] == ["three", "two", "two"]


def test_a_sentence_with_no_number_between_breaks_the_pointing():
    text = ("Twelve people died in the crash. The road was closed for hours. They include "
            "three Swedes and two Danes.")
    assert _lists(text, "en") == []


def test_without_the_file_there_is_no_list_reader():
    bare = replace(RULES, lists={})
    text = "Nine climbers died in the avalanche. They include three Austrians and two Swiss."
    assert _lists(text, "en", bare) == []
    assert len(_lists(text, "en")) == 2


def test_an_italian_list_named_by_its_head():
    text = "Il bilancio è di 20 morti. Le vittime sono: due francesi, un tedesco e quattro italiani."
    assert _lists(text, "it") == [("due", "deaths", "francesi"), ("un", "deaths", "tedesco"),
                                  ("quattro", "deaths", "italiani")]



def test_each_item_is_linked_to_the_whole_its_head_points_to():
    text = "At least 9 climbers died on the ridge. They include 3 Austrians and 2 Slovaks."
    from factcheck.articles import Article
    from factcheck.pipeline import extract_article

    art = Article("<t>", "<t>", text, ((0, len(text)),), lang="en")
    claims = extract_article(art, RULES).claims
    whole = next(c for c in claims if c.quantity.text == "At least 9")
    parts = [c for c in claims if c.rule == "en/lists"]
    assert [c.quantity.text for c in parts] == ["3", "2"]
    assert all(c.parent == whole.start for c in parts)


def test_a_pronoun_after_a_partitive_stands_for_the_part():
    # "nine of the 15": the phrase's head is the nine, whom "They" names
    text = "Police named 9 of the 15 people killed. They include 4 Danes and 2 Swedes."
    from factcheck.articles import Article
    from factcheck.pipeline import extract_article

    art = Article("<t>", "<t>", text, ((0, len(text)),), lang="en")
    claims = extract_article(art, RULES).claims
    nine = next(c for c in claims if c.quantity.text == "9")
    parts = [c for c in claims if c.rule == "en/lists" and c.quantity.text in ("4", "2")]
    assert len(parts) == 2 and all(c.parent == nine.start for c in parts)


# ---------------------------------------------------------------- breakdowns by place


def _article_claims(text: str, lang: str):
    from factcheck.articles import Article
    from factcheck.pipeline import extract_article

    art = Article("<t>", "<t>", text, ((0, len(text)),), lang=lang)
    return extract_article(art, RULES).claims


def test_places_after_followed_by_are_areas_of_the_toll_before_them():
    text = ("The earthquake has killed at least 900 people, officials said. The worst hit "
            "Valcorvo district counted 310 deaths, followed by Borgo (120), Cima (80) and "
            "Dosso district (45).")
    claims = _article_claims(text, "en")
    by = {c.quantity.text: c for c in claims}
    assert [c.quantity.text for c in claims if c.rule == "en/lists"] == ["120", "80", "45"]
    whole = by["at least 900"]
    assert all(by[f].metric == "deaths" for f in ("310", "120", "80", "45"))
    # the first place and the places after it: parts of the toll before, siblings
    assert all(by[f].parent == whole.start for f in ("310", "120", "80"))
    assert by["120"].side == "area:borgo" and by["80"].side == "area:cima"
    # (a place named "X district" right before its bracket is read by the list reader, but
    # the area reader of the context stage takes only a bare name there: its side is left)


def test_seguita_da_places_take_the_status_of_the_figure_they_follow():
    text = ("Sarebbero circa 300 i morti nella provincia di Valcorvo, seguita da Borgo (90) e "
            "Cima (40), secondo stime della protezione civile.")
    got = [(c.quantity.text, c.metric, c.status) for c in _article_claims(text, "it")
           if c.rule == "it/lists"]
    assert [(f, m) for f, m, _ in got] == [("90", "deaths"), ("40", "deaths")]
    lead = next(c for c in _article_claims(text, "it") if c.quantity.text == "circa 300")
    assert {s for _, _, s in got} == {lead.status}


def test_an_italian_breakdown_by_province_with_the_metric_left_out():
    text = ("Delle 60 vittime, 25 sono morte nella provincia settentrionale di Alta, 20 in "
            "quella di Borgo e 15 in altre zone del Paese.")
    claims, _ = claims_in_text(text, "it", RULES)
    assert [(c.quantity.text, c.metric) for c in claims] == [
        ("60", "deaths"), ("25", "deaths"), ("20", "deaths"), ("15", "deaths")]


def test_an_english_breakdown_by_province_with_the_metric_left_out():
    text = ("Officials said 25 people died in the northern province of Alta, 20 in the "
            "southern province of Borgo and 15 in other parts of the country.")
    claims, _ = claims_in_text(text, "en", RULES)
    assert [(c.quantity.text, c.metric) for c in claims] == [
        ("25", "deaths"), ("20", "deaths"), ("15", "deaths")]


def test_a_bracketed_year_or_magnitude_after_followed_by_is_no_item():
    text = ("The quake killed 300 people in Alta, followed by an aftershock in Borgo (6.1) "
            "and a flood in Cima (2015).")
    assert _lists(text, "en") == []


def test_a_toll_that_touched_a_mark_is_the_whole_of_its_breakdown():
    text = ("The death toll from the floods has touched 900 and some 2,000 have been injured. "
            "The worst hit Valcorvo recorded 310 deaths, followed by Borgo (120) and Cima (80).")
    by = {c.quantity.text: c for c in _article_claims(text, "en")}
    assert by["900"].metric == "deaths"
    assert all(by[f].parent == by["900"].start for f in ("310", "120", "80"))
