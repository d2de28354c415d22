"""Event types are data with their own examples: each one runs as a test."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.context.event_types import run_name_example, run_type_example, vocabulary
from factcheck.context.words import tokens
from factcheck.errors import FactcheckError

EXAMPLES = vocabulary().examples


@pytest.mark.parametrize("example", EXAMPLES, ids=[x.label for x in EXAMPLES])
def test_type_example(example):
    assert run_type_example(example) is None


from factcheck.context.event_types import run_series_example  # noqa: E402

SERIES = vocabulary().series_examples


@pytest.mark.parametrize("example", SERIES, ids=[x.label for x in SERIES])
def test_series_example(example):
    assert run_series_example(example) is None


from factcheck.context.sites import run_site_example, site_rules  # noqa: E402

SITES = site_rules().examples


@pytest.mark.parametrize("example", SITES, ids=[x.label for x in SITES])
def test_site_example(example):
    assert run_site_example(example) is None


@pytest.mark.parametrize("text, lang, nouns", [
    ("Dopo la tragedia del ghiacciaio, e il disastro del ponte, nessuno parla.", "it",
     ["tragedia", "disastro"]),
    ("The Valcorvo Disaster and the accidents before it.", "en", ["Disaster", "accidents"]),
    # an article with none of the nouns is not scanned, and finds none
    ("Il crollo sulla Marmolada ha fatto 11 morti.", "it", []),
    ("Disasterous spelling is no noun.", "en", []),
])
def test_generic_event_nouns_are_found_only_where_one_is(text, lang, nouns):
    from factcheck.context.sites import noun_spans

    assert [text[s:e] for s, e, _ in noun_spans(text, lang, site_rules())] == nouns


NAMES = vocabulary().name_examples


@pytest.mark.parametrize("example", NAMES, ids=[x.label for x in NAMES])
def test_name_example(example):
    assert run_name_example(example) is None


def _unrelated_cases():
    from factcheck.paths import rules_dir
    from factcheck.tomlfile import read_data_file

    data = read_data_file(rules_dir() / "event_types.toml").get("unrelated", {})
    return ([(x["text"], x.get("lang", "it"), True) for x in data.get("examples", ())]
            + [(x["text"], x.get("lang", "it"), False) for x in data.get("counter_examples", ())])


@pytest.mark.parametrize("text,lang,found", _unrelated_cases())
def test_unrelated_example(text, lang, found):
    assert (vocabulary().unrelated(text, lang) is not None) == found


def _follows_cases():
    from factcheck.paths import rules_dir
    from factcheck.tomlfile import read_data_file

    data = read_data_file(rules_dir() / "event_types.toml").get("follows", {})
    return ([(x["text"], x.get("lang", "it"), True) for x in data.get("examples", ())]
            + [(x["text"], x.get("lang", "it"), False) for x in data.get("counter_examples", ())])


@pytest.mark.parametrize("text,lang,found", _follows_cases())
def test_follows_example(text, lang, found):
    assert vocabulary().goes_on(text, lang) is found


def _built_cases():
    from factcheck.paths import rules_dir
    from factcheck.tomlfile import read_data_file

    data = read_data_file(rules_dir() / "event_types.toml").get("built", {})
    return ([(x["text"], x.get("lang", "it"), x["date"], True) for x in data.get("examples", ())]
            + [(x["text"], x.get("lang", "it"), x["date"], False)
               for x in data.get("counter_examples", ())])


@pytest.mark.parametrize("text,lang,when,found", _built_cases())
def test_built_example(text, lang, when, found):
    assert vocabulary().built(text, lang, text.index(when)) is found


def _then_cases():
    from factcheck.paths import rules_dir
    from factcheck.tomlfile import read_data_file

    data = read_data_file(rules_dir() / "event_types.toml").get("then", {})
    return ([(x["text"], x.get("lang", "it"), x["year"]) for x in data.get("examples", ())]
            + [(x["text"], x.get("lang", "it"), None)
               for x in data.get("counter_examples", ())])


@pytest.mark.parametrize("text,lang,year", _then_cases())
def test_then_example(text, lang, year):
    v = vocabulary()
    found = v.find(text, lang)
    assert found, text
    assert v.year_then(text, lang, found[0][0]) == year


def test_a_label_names_a_named_event_by_its_name():
    from factcheck.context.events import event_label

    assert event_label("auto:storm:name-ondina:2031-03") == "storm · Ondina · March 2031"


def test_every_type_has_an_example_in_each_language():
    langs = {(x.type, x.lang) for x in EXAMPLES if x.expected}
    for tid in vocabulary().types:
        assert (tid, "it") in langs, tid
        assert tid == "tsunami" or (tid, "en") in langs, tid


def test_compatible_types_are_symmetric_and_the_reach_is_the_narrower():
    v = vocabulary()
    assert v.compatible("flood", "storm") and v.compatible("storm", "flood")
    assert not v.compatible("flood", "attack")
    assert v.reach_km("earthquake", "collapse") == v.types["collapse"].reach_km


def test_the_first_trigger_names_the_sentence_and_an_unless_vetoes_its_type():
    v = vocabulary()
    assert v.first("Dopo il terremoto, la frana ha sepolto la strada.", "it") == "earthquake"
    assert v.first("Dock workers went on strike after the missile attack.", "en") is None


def test_a_bad_trigger_regex_is_an_error_naming_the_file(tmp_path):
    (tmp_path / "event_types.toml").write_text('[types.x]\nit = ["(unclosed"]\n', "utf-8")
    with pytest.raises(FactcheckError, match=r"event_types\.toml: types\.x\.it: bad regex"):
        vocabulary(tmp_path)


def test_an_unknown_compatible_type_is_an_error(tmp_path):
    (tmp_path / "event_types.toml").write_text('[types.x]\ncompatible = ["y"]\n', "utf-8")
    with pytest.raises(FactcheckError, match=r"types\.x\.compatible: unknown type"):
        vocabulary(tmp_path)


def test_finding_each_sentence_at_once_is_finding_each_alone():
    v = vocabulary()
    texts = ["La frana ha sepolto la strada.", "I portuali sono in sciopero.",
             "Dock workers went on strike.", "The missile strike hit the station."]
    for lang in ("it", "en"):
        assert v.find_each(texts, lang) == [v.find(t, lang) for t in texts]


def _every_trigger(text: str, lang: str) -> list[tuple[int, int, str]]:
    """What the triggers find when every type is scanned for (no prefilter, no vetoes)."""
    v = vocabulary()
    scanner = v.scanners[lang]
    rx = scanner.pattern(tuple(range(len(scanner.types))))
    return [(m.start(), m.end(), v.group_type[m.lastgroup]) for m in rx.finditer(text)]


_CORPUS = sorted((Path(__file__).parent / "corpus" / "articles").rglob("*.*"))


@pytest.mark.parametrize("path", _CORPUS[:20], ids=[p.name for p in _CORPUS[:20]])
def test_the_word_prefilter_never_hides_a_trigger(path):
    text = path.read_text("utf-8")
    v = vocabulary()
    for lang in ("it", "en"):
        vetoed = {t for t, rx in v.unless.get(lang, {}).items() if rx.search(text)}
        assert v.find_each([text], lang, tokens(text))[0] == [
            f for f in _every_trigger(text, lang) if f[2] not in vetoed]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(
    ["La", "frana", "alluvione", "Flood", "floods", "crollo", "il", "ponte", "terremoto",
     "missile", "strike", "sciopero", "went", "on", "Sismico", "fire", "incendio", ",", "."]),
    max_size=12))
def test_the_prefilter_finds_what_a_full_scan_finds(words):
    text = " ".join(words)
    v = vocabulary()
    for lang in ("it", "en"):
        scanned = _every_trigger(text, lang)
        vetoed = {t for t, rx in v.unless.get(lang, {}).items() if rx.search(text)}
        assert v.find(text, lang) == [f for f in scanned if f[2] not in vetoed]


def test_a_weak_trigger_of_another_type_is_the_articles_own_event():
    v = vocabulary()
    text = "The fishing boat crashed against the rocks before dawn."
    found = v.find(text, "en")
    assert [t for _, _, t in found] == ["crash"]
    # in a shipwreck's report the bare verb tells how the shipwreck went
    assert v.secondary(text, "en", found, "shipwreck") == []
    # in an article about nothing else, or about a crash, it is a crash
    assert v.secondary(text, "en", found, None) == found
    assert v.secondary(text, "en", found, "crash") == found
    # an aircraft named with the verb is a second event of its own
    heli = "During the search a rescue helicopter crashed near the ski lift."
    assert v.secondary(heli, "en", v.find(heli, "en"), "avalanche") == v.find(heli, "en")


def test_a_figure_by_a_weak_verb_takes_the_articles_type():
    from datetime import date

    from factcheck.context.examples import context_claim

    text = ("Shipwreck off Valdoria: the fishing boat capsized at night.\n\n"
            "At least 12 people died when the boat crashed against the rocks near Valdoria.")
    c = context_claim(text, "At least 12", lang="en", published=date(2031, 4, 2))
    assert c.event is not None and c.event.startswith("auto:shipwreck:"), c.event
    text = ("Lo scafo si è ribaltato all'alba. Naufragio a Valdoria.\n\n"
            "Almeno 9 persone sono morte quando la barca si è schiantata sugli scogli.")
    c = context_claim(text, "Almeno 9", published=date(2031, 4, 2))
    assert c.event is not None and c.event.startswith("auto:shipwreck:"), c.event


@pytest.mark.parametrize("text,lang,article,kept", [
    # a verb of another type tells how the article's own event went
    ("The old bridge collapsed under the weight of the water.", "en", "flood", False),
    ("Il ponte è crollato sotto la piena.", "it", "flood", False),
    ("Fires broke out in the port after the shelling.", "en", "war", False),
    ("Two cars sank in the mud near the river.", "en", "flood", False),
    # a first name spelt like the Spanish storm is no flood in another event's report
    ("Tra le vittime anche la turista Dana Kovar, 51 anni.", "it", "avalanche", False),
    ("The victims include Dana Whitfield, a 40-year-old guide.", "en", "collapse", False),
    # the DANA in a flood's or a storm's report, or in one about nothing else, is the flood
    ("La DANA ha colpito la costa nella notte.", "it", "storm", True),
    ("The DANA dumped a year's rain in eight hours.", "en", None, True),
    # in an article of a compatible type, or about nothing else, the verb keeps its type
    ("The old bridge collapsed after the tremor.", "en", "earthquake", True),
    ("Il palazzo è crollato alle 4 del mattino.", "it", None, True),
    # a noun naming the happening itself is never weak
    ("Il crollo del ponte ha fatto 3 vittime.", "it", "flood", True),
    # a vessel that sank is a shipwreck in any report; a word before the verb is no name
    ("Nine died in 1987, when the ferry Aldora sank in a storm.", "en", "crush", True),
    ("The worst toll since a cargo ship sank off the cape.", "en", "flood", True),
    ("Shares of the ship builder sank after the fire.", "en", "fire", False),
    # a war's word as a figure of speech in another event's report tells how grim it is
    ("Il conto dei morti sembra ormai un bollettino di guerra.", "it", "earthquake", False),
    ("By noon the harbour district looked like a war zone.", "en", "explosion", False),
    # in a war's report, or one about nothing else, it is the war
    ("I civili sono fuggiti dalla zona di guerra.", "it", "war", True),
    ("Aid trucks could not reach the war zone.", "en", None, True),
    # a war's own word stays a war in any report
    ("La guerra civile aveva già fatto 300 morti.", "it", "earthquake", True),
])
def test_weak_verbs_of_another_type(text, lang, article, kept):
    v = vocabulary()
    found = v.find(text, lang)
    assert found, text
    assert (v.secondary(text, lang, found, article) == found) is kept


def _earlier_cases():
    from factcheck.paths import rules_dir
    from factcheck.tomlfile import read_data_file

    data = read_data_file(rules_dir() / "event_types.toml").get("earlier", {})
    return ([(x["text"], x.get("lang", "it"), True) for x in data.get("examples", ())]
            + [(x["text"], x.get("lang", "it"), False) for x in data.get("counter_examples", ())])


@pytest.mark.parametrize("text,lang,found", _earlier_cases())
def test_earlier_example(text, lang, found):
    assert vocabulary().earlier(text, lang) == found


@pytest.mark.parametrize("text,lang,article,want", [
    # a bare fire word in a report on a building's fire is that fire
    ("The fire spread to the upper floors within minutes.", "en", "fire", ["fire"]),
    ("Il rogo è partito dal quarto piano.", "it", "fire", ["fire"]),
    # in an article about nothing else, or about a wildfire, it is a fire in the open
    ("The fire spread to the upper floors within minutes.", "en", None, ["wildfire"]),
    ("Gli incendi hanno raggiunto la costa.", "it", "wildfire", ["wildfire"]),
    # in a war's report it is the war's (no event of its own)
    ("Fires broke out in the port overnight.", "en", "war", []),
])
def test_a_bare_fire_word_takes_the_type_of_its_article(text, lang, article, want):
    v = vocabulary()
    found = v.find(text, lang)
    assert [t for _, _, t in found] == ["wildfire"], found
    assert [t for _, _, t in v.secondary(text, lang, found, article)] == want


@pytest.mark.parametrize("text,lang,figure,kind", [
    # a building's fire: named with its building, the bare word after it is the same fire
    ("Blaze at a tower block in Leeds.\n\nAt least 7 people died in the fire, police said.",
     "en", "At least 7", "fire"),
    ("Incendio in un palazzo a Torino.\n\nIl rogo ha ucciso 4 persone nella notte.",
     "it", "4", "fire"),
    # a building told in the passive before its fire, in the title or the lead
    ("Tower block gutted by fire in Leeds.\n\nAt least 7 people died in the fire, police "
     "said.", "en", "At least 7", "fire"),
    ("Six dead in Leeds.\n\nA tower block in Leeds was gutted by a fire overnight. At least 7 "
     "people died, police said.", "en", "At least 7", "fire"),
    ("Sei morti a Torino.\n\nUna palazzina di Torino è stata distrutta dalle fiamme nella "
     "notte. Il rogo ha ucciso 4 persone.", "it", "4", "fire"),
    # the same bare words with no building around them: a wildfire
    ("Incendio sulle colline di Olbia.\n\nIl rogo ha ucciso 4 persone nella notte.",
     "it", "4", "wildfire"),
    ("Fire near Patras.\n\nAt least 7 people died in the fire, officials said.",
     "en", "At least 7", "wildfire"),
])
def test_a_building_fire_is_no_wildfire(text, lang, figure, kind):
    from datetime import date

    from factcheck.context.examples import context_claim

    c = context_claim(text, figure, lang=lang, published=date(2031, 3, 4))
    assert c.event is not None and c.event.startswith(f"auto:{kind}:"), c.event



def _elapsed_cases(kind: str):
    from factcheck.paths import rules_dir
    from factcheck.tomlfile import read_data_file

    data = read_data_file(rules_dir() / "event_types.toml").get("elapsed", {})
    prefix = "" if kind == "before" else "earlier_"
    return ([(x["text"], x.get("lang", "it"), x["elapsed"])
             for x in data.get(f"{prefix}examples", ())]
            + [(x["text"], x.get("lang", "it"), None)
               for x in data.get(f"{prefix}counter_examples", ())])


def _said(found: tuple[int, str] | None) -> str | None:
    return None if found is None else f"{found[0]} {found[1]}"


@pytest.mark.parametrize("text,lang,elapsed", _elapsed_cases("before"))
def test_elapsed_example(text, lang, elapsed):
    # the time before which a trigger's words say its event happened ("the collapse came
    # three months after the fire": the fire's)
    from factcheck.context.lexicon import lexicon

    v, lex = vocabulary(), lexicon(lang)
    found = v.find(text, lang)
    assert found, text
    told = [v.elapsed(text, lang, at, lex.numbers, lex.units) for at, _, _ in found]
    assert _said(next((t for t in told if t), None)) == elapsed


@pytest.mark.parametrize("text,lang,elapsed", _elapsed_cases("earlier"))
def test_elapsed_earlier_example(text, lang, elapsed):
    from factcheck.context.lexicon import lexicon

    lex = lexicon(lang)
    found = vocabulary().elapsed_earlier(text, lang, 0, len(text), lex.numbers, lex.units)
    assert _said(found) == elapsed


def _target_cases():
    from factcheck.paths import rules_dir
    from factcheck.tomlfile import read_data_file

    data = read_data_file(rules_dir() / "event_types.toml").get("targets", {})
    return ([(x["text"], x.get("lang", "it"), x["target"]) for x in data.get("examples", ())]
            + [(x["text"], x.get("lang", "it"), None)
               for x in data.get("counter_examples", ())])


@pytest.mark.parametrize("text,lang,target", _target_cases())
def test_target_example(text, lang, target):
    found = [tid for _, tid, _ in vocabulary().targets(text, lang)]
    assert found[:1] == ([target] if target else [])
