"""The context stage: our own sentences in, exact period, event, side and source out.

Most cases are data (``tests/data/context/cases.toml``); the figure is given as written,
so these tests depend on the context data only, never on which claim rules exist.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.context import add_context, named_places
from factcheck.context.examples import context_claim
from factcheck.context.lexicon import lexicon
from factcheck.context.sides import party_of
from factcheck.model import Article, Claim, Quantity
from factcheck.sentences import split_sentences

CASES = tomllib.loads((Path(__file__).parent / "data" / "context" / "cases.toml")
                      .read_text("utf-8"))
PUBLISHED = date(2022, 9, 14)  # a Wednesday


def _published(case: dict) -> date | None:
    value = case.get("published", PUBLISHED)
    return value or None


def _date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


def _claim(case: dict) -> Claim:
    return context_claim(case["text"], case["figure"], lang=case.get("lang", "it"),
                         published=_published(case), precision=case.get("precision", "day"),
                         who=case.get("who"), side=case.get("raw_side"),
                         outlet=case.get("outlet"), metric=case.get("metric", "deaths"))


def _ids(kind: str) -> list[str]:
    return [f"{c.get('lang', 'it')}: {c['text'][:60]}" for c in CASES[kind]]


@pytest.mark.parametrize("case", CASES["period"], ids=_ids("period"))
def test_period(case):
    c = _claim(case)
    assert (c.period_start, c.period_end, c.period_how or "") == (
        _date(case["start"]), _date(case["end"]), case["how"])


@pytest.mark.parametrize("case", CASES["side"], ids=_ids("side"))
def test_side(case):
    assert (_claim(case).side or "") == case["side"]


@pytest.mark.parametrize("case", CASES["source"], ids=_ids("source"))
def test_source(case):
    c = _claim(case)
    assert (c.source or "", c.source_kind or "") == (
        case["source"], case.get("kind", "attributed" if case["source"] else ""))


# ------------------------------------------------------------------ events in context

def test_a_finished_event_gives_an_undated_figure_its_span():
    c = context_claim("Il Karabakh si staccò dall'Azerbaigian dal 1992, in una guerra che "
                      "uccise circa 30.000 persone.", "circa 30.000", published=date(2020, 10, 1))
    assert (c.event, c.period_start, c.period_end, c.period_how) == (
        "nk-war-1988", date(1988, 2, 20), date(1994, 5, 12), "event")


def test_a_stated_period_outside_an_event_keeps_the_figure_out_of_it():
    text = ("Uno di questi scontri è avvenuto la scorsa settimana tra Armenia e Azerbaigian. "
            "Un soldato armeno è stato ucciso allora.")
    c = context_claim(text, "Un", published=date(2022, 9, 14))
    assert (c.event, c.event_how) == ("auto:war:armenia-azerbaijan:2022-09", "auto")


def test_the_place_decides_between_events_of_the_same_days():
    text = "Tra Kirghizistan e Tagikistan gli scontri hanno provocato 24 morti."
    c = context_claim(text, "24", published=date(2022, 9, 16))
    assert c.event == "kg-tj-clashes-2022"
    text = "Tra Armenia e Azerbaigian gli scontri hanno provocato 105 morti."
    assert context_claim(text, "105", published=date(2022, 9, 14)).event == "am-az-clashes-2022-09"


def test_a_count_since_a_year_with_no_place_is_no_war():
    c = context_claim("Dal 1992 in Italia sono morti 12 giornalisti.", "12", published=PUBLISHED)
    assert c.event is None


def test_an_undated_article_reads_relative_dates_against_its_short_event():
    text = ("Almeno 49 soldati armeni sono morti martedì nei combattimenti. L'Azerbaigian ha "
            "bombardato le posizioni armene vicino a Goris, Sotk e Jermuk.")
    c = context_claim(text, "Almeno 49", published=None)
    assert (c.event, c.event_how, c.period_start, c.period_how) == (
        "am-az-clashes-2022-09", "period", date(2022, 9, 13), "relative")


def test_the_article_event_fills_a_figure_without_cues():
    text = ("Gli scontri al confine tra Armenia e Azerbaigian sono ripresi vicino a Jermuk e Goris. "
            "Sono stati uccisi 15 civili.")
    c = context_claim(text, "15", published=date(2022, 9, 14))
    assert c.event == "am-az-clashes-2022-09"


def test_troops_of_the_peacekeeping_mission():
    text = "Il contingente militare russo in Nagorno-Karabakh conta circa 2000 soldati."
    c = context_claim(text, "circa 2000", metric="troops", published=date(2023, 10, 10))
    assert (c.event, c.event_how) == ("nk-peacekeeping-2020", "sentence")


def test_unknown_place_and_period_give_no_event():
    c = context_claim("Sono morte 12 persone.", "12", published=None)
    assert (c.event, c.event_how) == (None, None)


# ------------------------------------------------------------------ sides, directly

@pytest.mark.parametrize("words, lang, party", [
    ("armeni", "it", "armenia"), ("soldati armeni", "it", "armenia"), ("Artsakh", "it", "armenia"),
    ("azeri", "it", "azerbaijan"), ("azerbaigiani", "it", "azerbaijan"),
    ("Armenian", "en", "armenia"), ("Azerbaijani", "en", "azerbaijan"),
    ("da entrambe le parti", "it", "total"), ("both sides", "en", None),
    ("on both sides", "en", "total"), ("in total", "en", "total"), ("civili", "it", None),
    (None, "it", None), ("", "it", None),
])
def test_party_of(words, lang, party):
    assert party_of(words, lexicon(lang)) == party


# ------------------------------------------------------------------ add_context itself

def _article(text: str, **kw) -> Article:
    return Article("a.txt", "a.txt", text, ((0, len(text)),), **kw)


def test_published_is_copied_to_every_claim():
    text = "Sono morte 12 persone. Ieri ne sono morte altre 3."
    art = _article(text, published=PUBLISHED, published_how="inferred", published_precision="day")
    sents = split_sentences(text, "it")
    claims = []
    for fig, s in (("12", sents[0]), ("3", sents[1])):
        at = text.index(fig, s.start)
        claims.append(Claim("a.txt", "deaths", Quantity(at, at + len(fig), fig, "count", 1, 1, 1),
                            "it/deaths", s.text, s.start))
    out = add_context(art, sents, claims)
    assert [c.published for c in out] == [PUBLISHED, PUBLISHED]
    assert out[1].period_start == date(2022, 9, 13)


def test_no_claims_is_no_work():
    assert add_context(_article("Testo."), [], []) == []


def test_an_unsupported_language_keeps_the_claims():
    text = "12 morts mardi."
    art = _article(text, lang="fr", outlet="lemonde.fr")
    claim = Claim("a.txt", "deaths", Quantity(0, 2, "12", "count", 12, 12, 12), "x", text, 0)
    (out,) = add_context(art, split_sentences(text, "it"), [claim])
    assert (out.source, out.source_kind, out.period_start) == ("lemonde.fr", "outlet", None)


_WORDS = st.sampled_from([
    "Almeno", "49", "soldati", "armeni", "e", "50", "azeri", "sono", "morti", "martedì", "ieri",
    "dal", "1992", "nel", "2020", "Nagorno-Karabakh", "secondo", "il", "governo", "ha", "detto",
    "Reuters", "scrive", "da", "entrambe", "le", "parti", ",", ".", "allora", "tre", "anni", "fa",
    "settembre", "17", "Di conseguenza", "l'autunno", "del", "'90", "its", "said", "Armenia",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(_WORDS, min_size=1, max_size=40), lang=st.sampled_from(["it", "en"]),
       published=st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31))),
       precision=st.sampled_from(["day", "month", "year"]), data=st.data())
def test_add_context_never_raises_and_keeps_order_and_count(words, lang, published, precision,
                                                            data):
    text = " ".join(words)
    art = _article(text, lang=lang, published=published, published_precision=precision)
    sents = split_sentences(text, lang)
    claims = []
    for s in sents:
        for i, ch in enumerate(s.text):
            if ch.isdigit() and (i == 0 or not s.text[i - 1].isdigit()):
                at = s.start + i
                claims.append(Claim("a.txt", data.draw(st.sampled_from(["deaths", "troops"])),
                                    Quantity(at, at + 1, ch, "count", 1, 1, 1), "r", s.text,
                                    s.start, who=data.draw(st.sampled_from([None, "armeni"]))))
    out = add_context(art, sents, claims)
    assert len(out) == len(claims)
    for before, after in zip(claims, out):
        assert replace(after, side=before.side, period_start=None, period_end=None,
                       period_how=None, event=None, event_how=None, source=None,
                       source_kind=None, published=None, subgroup=None, parent=None,
                       source_party=None, source_type=None) == before
        # a part's whole is another figure of the same article
        assert after.parent is None or after.parent in {c.start for c in claims} - {after.start}
        if after.period_start and after.period_end:
            assert after.period_start <= after.period_end


# ------------------------------------------------------------------ prefilters

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _seed_sentences() -> list[tuple[str, str]]:
    from factcheck.articles import read_article

    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        a = read_article(path, path.name, lambda w: None)
        out += [(a.lang, s.text) for s in split_sentences(a.text, a.lang, a.regions)]
    for case in CASES["period"] + CASES["side"] + CASES["source"]:
        out += [(case.get("lang", "it"), s.text) for s in split_sentences(case["text"], "it")]
    return out


def test_prefilters_never_skip_a_sentence_their_patterns_match():
    from factcheck.context.events import catalog

    cat = catalog()
    for lang, text in _seed_sentences():
        lex = lexicon(lang)
        if not lex.date_trigger.may_match(text):
            assert lex.date_re.search(text) is None, text
        if not lex.source_trigger.may_match(text):
            assert not any(p.search(text) for p in lex.source_cues + lex.source_subject_cues), text
        for e in cat.events:
            if not (cat.cue_trigger.may_match(text) and e.trigger.may_match(text)):
                assert not (e.aliases and e.aliases.search(text)), (e.id, text)
                assert not any(k.search(text) for k in e.keywords), (e.id, text)
            if not e.alias_trigger.may_match(text):
                assert not (e.aliases and e.aliases.search(text)), (e.id, text)
            for k, trigger in zip(e.keywords, e.keyword_triggers, strict=True):
                if not trigger.may_match(text):
                    assert k.search(text) is None, (e.id, k.pattern, text)
        for t in lex.date_templates:
            if not t.trigger.may_match(text):
                assert t.rx.search(text) is None, (t.index, text)
        if not lex.both_trigger.may_match(text):
            assert lex.both_re.search(text) is None, text
        for p, trigger in zip(lex.source_cues + lex.source_subject_cues,
                              lex.source_cue_triggers + lex.source_subject_triggers, strict=True):
            if not trigger.may_match(text):
                assert p.search(text) is None, (p.pattern, text)


def test_keys_found_by_distinct_words_are_those_of_the_text():
    from factcheck.context.events import catalog
    from factcheck.context.words import DIGIT, present_keys, present_keys_by_tokens, tokens

    # a key inside a longer word, a key across a word boundary, a digit
    keys = ("war", "nell'alluvione", "ornat", DIGIT, "2020")
    text = "Il software è aggiornato nell'alluvione del 2020."
    assert present_keys_by_tokens(text, tokens(text), keys) == present_keys(text, keys) == {
        "war", "nell'alluvione", "ornat", DIGIT, "2020"}
    assert present_keys_by_tokens("Nessuno.", ["nessuno"], keys) == frozenset()
    cue_keys = catalog().cue_index.keys
    prose = "\n".join(t for _, t in _seed_sentences())
    assert present_keys_by_tokens(prose, tokens(prose), cue_keys) == present_keys(prose, cue_keys)
    # one article's tokens after another's, and back (each list's distinct words are kept
    # for the next look-up in the same tokens)
    toks = tokens(text)
    for t, tk in [(text, toks), ("Nessuno.", ["nessuno"]), (text, toks), (text, tokens(text))]:
        assert present_keys_by_tokens(t, tk, keys) == present_keys(t, keys)


def test_date_phrases_are_those_of_the_whole_alternation():
    """find_phrases runs only the templates a sentence can match, one by one: it must
    find exactly what one scan with the alternation of all templates finds."""
    from factcheck.context.period import _scan, find_phrases

    extra = [("it", "Il 3/10/2020, nell'autunno del 2020 e negli ultimi 3 giorni, martedì "
                    "13 settembre 2022 dal 1992 a oggi: tre anni fa, negli anni '90."),
             ("en", "On Tuesday, 13 September 2022, in the past 24 hours and since 1992, "
                    "in the autumn of 2020, last week, in the 1990s.")]
    found = 0
    for lang, text in _seed_sentences() + extra:
        lex = lexicon(lang)
        phrases = find_phrases(text, lex)
        assert phrases == _scan(text, lex), text
        found += len(phrases)
    assert found > 50


def test_prefilters_do_skip_plain_sentences():
    from factcheck.context.events import catalog

    text = "Il portavoce ha respinto una commissione d'inchiesta in serata."
    lex = lexicon("it")
    assert not lex.date_trigger.may_match(text)
    assert not lex.source_trigger.may_match(text)
    assert not catalog().cue_trigger.may_match(text)


@pytest.mark.parametrize("pattern, keys", [
    (r"(?:la\s+)?(?:scorsa|passata)\s+settimana", {"settimana"}),
    (r"ieri|oggi", {"ieri", "oggi"}),
    (r"fuggit[eio]|esodo", {"fuggit", "esodo"}),
    (r"(?:19)?90s\s+war", {"90s"}),
    (r"il|la", None),  # too short to key on: never skipped
    (r"{N}\s+{UNIT}\s+fa", {"anni", "mesi"}),
    (r"(?:settimana){e<=1}", None),  # fuzzy: the stdlib would read "{e<=1}" as text
    (r"[[:alpha:]]+\s+fa", None),  # a POSIX class, which it would misread
])
def test_required_keys(pattern, keys):
    from factcheck.context.words import DIGIT, required_keys

    slots = {"N": frozenset({DIGIT, "tre"}), "UNIT": frozenset({"anni", "mesi"})}
    got = required_keys(pattern, slots)
    assert (set(got) if got is not None else None) == keys


@pytest.mark.parametrize("pattern, first", [
    (r"(?:nel|in)\s+(?P<month>marzo|aprile)", "[in]"),
    (r"(?:la\s+)?(?:scorsa|passata)\s+settimana", "[lps]"),
    (r"(?P<n>\d{1,3}|tre)\s+anni\s+fa", "[\\dt]"),
    (r"(?:nell'|in\s+)?\s*estate", "[\\sein]"),
    (r"(?<![\d.])(?P<year>1[89]\d\d|20\d\d)", "[12]"),
    (r"l[’']altro\s*ieri", "[l]"),
    (r"(?:x)?y?", None),  # may match nothing
    (r".{0,5}morti", None),  # may start anywhere
    (r"[^a]b", None),
    (r"(?:morti){e<=1}", None),  # fuzzy: "corti" matches too
    (r"[[:alpha:]]+", None),
])
def test_first_class_holds_every_first_character(pattern, first):
    import regex

    from factcheck.context.words import first_class

    assert first_class(pattern, True) == first
    if first is not None:
        assert first_class(pattern, False) == first
        assert first_class("(?i:" + pattern + ")", False) is None  # case ignored inside only
        lookahead = regex.compile(f"(?={first})(?:{pattern})", regex.I | regex.V0)
        plain = regex.compile(pattern, regex.I | regex.V0)
        for text in ("in marzo, la scorsa settimana, 3 anni fa, Tre anni fa", "nell'estate",
                     "l’altro ieri, nel 2020", " estate", "Passata settimana"):
            assert [m.span() for m in lookahead.finditer(text)] == [
                m.span() for m in plain.finditer(text)]


def test_word_index_finds_whole_words_leftmost_longest():
    from factcheck.context.words import WordIndex

    idx = WordIndex([("armeni", "armenia"), ("forze armene", "armenia"), ("azeri", "azerbaijan"),
                     ("Nagorno-Karabakh", "nk"), ("Karabakh", "nk2")])
    assert idx.find("Le forze armene e gli Azeri nel Nagorno-Karabakh") == [
        (3, 15, "armenia"), (22, 27, "azerbaijan"), (32, 48, "nk")]
    assert idx.find("armenia, armenistica") == []
    assert idx.first("soldati armeni") == "armenia" and idx.first("") is None


@pytest.mark.parametrize("source, kind, lang, expected", [
    ("Reuters", "attributed", "it", "media"),
    ("AFP", "attributed", "it", "media"),
    ("politico.eu", "outlet", "it", "media"),
    ("governo armeno", "attributed", "it", "government"),
    ("ministero della Difesa azero", "attributed", "it", "military"),
    ("portavoce del Cremlino Dmitry Peskov", "attributed", "it", "government"),
    ("Croce Rossa", "attributed", "it", "rescue"),
    ("Comitato internazionale della Croce Rossa", "attributed", "it", "international"),
    ("la Protezione civile regionale", "attributed", "it", "rescue"),
    ("procura di Roma", "attributed", "it", "government"),
    ("Armenian Health Ministry", "attributed", "en", "government"),
    ("United Nations", "attributed", "en", "international"),
    ("Human Rights Watch", "attributed", "en", "ngo"),
    ("State Department", "attributed", "en", "government"),
    ("Kyiv", "attributed", "en", "government"),
    ("Ushakov", "attributed", "it", None),
    (None, None, "it", None),
])
def test_source_type(source, kind, lang, expected):
    from factcheck.context.sources import source_type

    assert source_type(source, kind, lexicon(lang)) == expected


@pytest.mark.parametrize("text, figure, lang", [
    ("Dall'inizio della guerra nel Nagorno-Karabakh sono morti 2.000 soldati armeni.", "2.000", "it"),
    ("Since the start of the war in Nagorno-Karabakh, 2,000 Armenian soldiers have died.", "2,000",
     "en"),
])
def test_since_the_start_of_the_war_runs_from_the_events_start(text, figure, lang):
    c = context_claim(text, figure, lang=lang, published=date(2020, 10, 15))
    assert (c.event, c.period_start, c.period_end, c.period_how) == (
        "nk-war-2020", date(2020, 9, 27), date(2020, 10, 15), "span")


# ------------------------------------------------------------------ whole articles

SEED_FIGURES = tomllib.loads((Path(__file__).parent / "data" / "context" / "seeds.toml")
                             .read_text("utf-8"))["figure"]


@pytest.mark.parametrize("case", SEED_FIGURES,
                         ids=[f"{c['seed'][:3]}: {c['figure']}" for c in SEED_FIGURES])
def test_seed_figures(case):
    from factcheck.articles import read_article
    from factcheck.context.examples import article_claim
    from factcheck.pubdate import infer_published

    art = read_article(SEEDS / case["seed"], case["seed"], lambda w: None)
    art = infer_published(art, split_sentences(art.text, art.lang, art.regions))
    figure, near = case["figure"], case.get("near")
    # a figure that also appears inside other words ("Un" in "Uno") is found after `near`
    occurrence = art.text[:art.text.index(near)].count(figure) if near else 0
    c = article_claim(art, figure, metric=case.get("metric", "deaths"), who=case.get("who"),
                      side=case.get("raw_side"), occurrence=occurrence)
    assert c.event == (case["event"] or None)
    if "period" in case:
        assert (c.period_start, c.period_end) == tuple(_date(d) for d in case["period"])
    if "side" in case:
        assert (c.side or "") == case["side"]
    if "source" in case:
        assert (c.source or "") == case["source"]


def test_an_english_article(shared_datadir):
    from factcheck.articles import read_article
    from factcheck.context.examples import article_claims

    path = shared_datadir / "context" / "articles" / "en_clashes.md"
    art = read_article(path, path.name, lambda w: None)
    specs = [{"figure": f, "metric": m, "who": w} for f, m, w in (
        ("At least 49", "deaths", "Armenian soldiers"), ("50", "deaths", "servicemen"),
        ("more than 6,500", "deaths", "people"), ("Some 30,000", "deaths", "people"),
        ("about 2,000", "troops", "peacekeepers"))]
    got = {c.quantity.text: (c.event, c.side, c.source, c.period_start)
           for c in article_claims(art, specs)}
    assert got == {
        "At least 49": ("am-az-clashes-2022-09", "armenia", "Prime Minister Nikol Pashinyan",
                        date(2022, 9, 13)),
        # undated in the text, a running toll: from the clashes' start to the report
        "50": ("am-az-clashes-2022-09", "azerbaijan", "Azerbaijan", date(2022, 9, 12)),
        "more than 6,500": ("nk-war-2020", "total", "Example News", date(2020, 9, 27)),
        "Some 30,000": ("nk-war-1988", "total", "Example News", date(1990, 1, 1)),
        "about 2,000": ("nk-peacekeeping-2020", None, "Kremlin", date(2020, 11, 1)),
    }


@pytest.mark.parametrize("phrase, lang", [
    ("13 settembre 2022", "it"), ("ieri", "it"), ("3 anni fa", "it"), ("2 mesi fa", "it"),
    ("yesterday", "en"), ("September 13, 2022", "en"), ("3 years ago", "en"),
])
def test_our_calendar_agrees_with_dateparser(phrase, lang):
    """Phrases are resolved with the calendar, not dateparser (~7 ms a phrase); where
    dateparser reads a phrase, it gives the same day."""
    from factcheck.context.dates import parse_phrase
    from factcheck.context.period import Base, find_phrases, resolve

    lex = lexicon(lang)
    (p,) = find_phrases(phrase, lex)
    ours = resolve(p, lex, Base.of(PUBLISHED, "day"))
    theirs = parse_phrase(phrase, lang, PUBLISHED)
    assert theirs is not None
    assert ours.start <= theirs[0] <= ours.end


def test_a_town_no_catalogue_lists_names_its_automatic_event():
    a = context_claim("La frana di lunedì a Valcorvo ha causato 12 morti.", "12",
                      published=date(2024, 3, 6))
    b = context_claim("L'alluvione di giovedì a Borgoverde ha causato 35 morti.", "35",
                      published=date(2024, 5, 18))
    assert (a.event, a.event_how) == ("auto:landslide:valcorvo:2024-03", "auto")
    assert b.event == "auto:flood:borgoverde:2024-05"
    c = context_claim("The storm that struck Port Ellery on Sunday killed 3 people.", "3",
                      lang="en", published=date(2023, 11, 20))
    assert c.event == "auto:storm:port-ellery:2023-11"



def test_a_quote_that_is_no_sentence_takes_the_articles_home_town():
    """A claim whose quote is not one of the article's sentences is read alone, but its
    automatic event still comes from the town the whole article names most."""
    text = "La frana di lunedì a Valcorvo ha distrutto tre case. Sono morte 12 persone lunedì."
    art = _article(text, published=date(2024, 3, 6), published_how="inferred",
                   published_precision="day")
    quote = "morte 12 persone lunedì."
    at = text.index(quote)
    fig = text.index("12")
    claim = Claim("a.txt", "deaths", Quantity(fig, fig + 2, "12", "count", 12, 12, 12),
                  "it/deaths", quote, at)
    (out,) = add_context(art, split_sentences(text, "it"), [claim])
    assert (out.event, out.event_how) == ("auto:landslide:valcorvo:2024-03", "auto")
    assert out.period_start == date(2024, 3, 4)


def test_month_and_weekday_names_are_not_places():
    lex = lexicon("it")
    assert named_places("A Settembre, di Martedì, a Valcorvo sono morte 12 persone.", lex) == ["valcorvo"]
    # a name of several capitalised words is one place; the first place names the event
    assert named_places("Nel comune di San Pietro sono morte 3 persone.", lex) == ["san-pietro"]


def test_feast_names_are_dates_not_places():
    # "di Pasqua", "a Natale" tell when, as "di domenica" does
    lex = lexicon("it")
    assert named_places("Gli attentati di Pasqua a Valcorvo hanno fatto 40 morti.", lex) == ["valcorvo"]
    assert named_places("A Natale sono morte 3 persone a Borgoverde.", lex) == ["borgoverde"]


def test_places_of_many_sentences_at_once_are_those_of_each_sentence():
    from factcheck.context import named_places_each

    # a locative ending one sentence and a name opening the next are no place
    texts = ["Tre persone sono morte a Valcorvo e a", "Borgoverde è salito il bilancio.",
             "Nel comune di San Pietro sono morte 3 persone, a Valcorvo 2."]
    lex = lexicon("it")
    assert named_places_each(texts, lex) == [["valcorvo"], [], ["san-pietro", "valcorvo"]]
    for lang, text in _seed_sentences():
        texts.append(text)
    for lang in ("it", "en"):
        lex = lexicon(lang)
        assert named_places_each(texts, lex) == [named_places(t, lex) for t in texts]


def test_a_place_right_after_the_figure_is_an_area_of_a_breakdown():
    c = context_claim("Di questi, 190 sono i morti in provincia di Valdoria.", "190",
                      published=date(2023, 2, 8))
    assert c.side == "area:valdoria"
    # a place after the event's noun is where the event happened, not an area
    c = context_claim("Sono 7 le persone morte nella valanga di domenica in Val Bruna.", "7",
                      published=date(2024, 1, 10))
    assert c.side == "total"


def test_a_place_between_the_toll_and_its_figure_is_the_area_it_counts():
    c = context_claim("La prefettura ha fissato il bilancio delle vittime nel Valdorese a 240.", "240",
                      published=date(2023, 2, 10))
    assert c.side == "area:valdorese"
    # ... but not the place of the event named between them
    c = context_claim("Il bilancio della frana a Valcorvo è salito a 12 morti.", "12",
                      published=date(2024, 3, 6))
    assert c.side == "total"


@pytest.mark.parametrize("source, lang, party", [
    ("il ministero della Difesa russo", "it", "russia"),
    ("portavoce del Cremlino Dmitry Peskov", "it", "russia"),
    ("Kyiv", "en", "ukraine"),
    ("Puerto Rico's governor", "en", "puerto-rico"),
    ("la Protezione civile", "it", None),
    # two parties named: nobody's own figure
    ("i mediatori tra Armenia e Azerbaigian", "it", None),
])
def test_source_party(source, lang, party):
    from factcheck.context.sources import source_party
    assert source_party(source, lexicon(lang)) == party


def test_an_undated_report_gives_its_figure_the_events_span():
    from factcheck.context.asof import unstated_period
    from factcheck.timespan import UNKNOWN, publication_span

    event = (date(2016, 8, 24), date(2016, 8, 24))
    assert unstated_period((None, None, None), cumulative=False, event=event,
                           report=UNKNOWN) == (date(2016, 8, 24), date(2016, 8, 24), "event")
    # an inferred date only bounds the report from below: the running count stays open
    inferred = publication_span(date(2016, 8, 26), "day", "inferred")
    assert unstated_period((date(2016, 8, 26), date(2016, 8, 26), "article"), cumulative=True,
                           event=event, report=inferred) == (date(2016, 8, 24), None, "running")


def test_paragraphs_are_read_without_the_automatic_events():
    """A source's reach asks which paragraph each sentence is in (a trailing attribution
    covers none before its own): the blank lines tell, and the article's automatic events
    (its places, triggers and sites) are not read for it."""
    from factcheck.context import article_context

    text = ("Il fiume è esondato a Valcorvo. Sono 12 i morti.\n\n"
            "Dei feriti, 8 sono gravi, come comunicato dal sindaco.")
    art = _article(text, lang="it")
    ctx = article_context(art, split_sentences(text, "it", art.regions))
    assert ctx.paragraphs == (0, 0, 1)
    assert ("auto", -1) not in ctx.memo
    assert ctx.auto.paragraph == ctx.paragraphs


@settings(max_examples=400, deadline=None)
@given(words=st.lists(st.text("abé'-k\u212a", max_size=4), max_size=12),
       text=st.text("abé'-kKAÉ \u212a", max_size=14),
       tail=st.sampled_from(["", "b", "(?!a)", "é", "a?b", r"(?![\p{L}])", "(?:-b)*"]))
def test_a_word_tree_matches_as_the_alternation_it_stands_for(words, text, tail):
    """A source's known words are one tree of prefixes in its patterns: the same matches in
    the same order of trial as the alternation, longest first (the Kelvin sign is a "k" to
    a case-blind pattern: such words stay an alternation)."""
    import regex

    from factcheck.context.lexicon import _FLAGS, _alt, _alt_tree

    plain = regex.compile("(?:" + _alt(words) + ")" + tail, _FLAGS)
    tree = regex.compile("(?:" + _alt_tree(words) + ")" + tail, _FLAGS)
    assert [m.span() for m in plain.finditer(text)] == [m.span() for m in tree.finditer(text)]


def test_the_source_words_are_a_tree():
    from factcheck.context.lexicon import _alt, _alt_tree

    words = ["ministero", "ministro", "ministri", "ministra", "prefetto", "prefettura"]
    assert _alt_tree(words) == "(?:minist(?:ero|r(?:a|i|o))|prefett(?:o|ura))"
    assert _alt_tree(["k", "\u212a"]) == _alt(["k", "\u212a"])
    np = lexicon("it").source_np.pattern  # the shipped words too: no ~500 words in a row
    assert "minist" in np and "|ministero|" not in np
