"""Parts and their wholes: the examples of rules/lang/<lang>/parents.toml, run as tests.

Each example gives its figures as written (and optionally their metrics and the article's
publication date); the claims go through the whole context stage as one article, and each
figure's parent (as the parent's figure) must be exactly the one given.
"""

from __future__ import annotations


import pytest

from factcheck.context.examples import article_claims
from factcheck.context.parents import parent_data, part_cues
from factcheck.errors import FactcheckError
from factcheck.model import Article

CASES = [(lang, kind, x) for lang in ("it", "en")
         for kind in ("examples", "counter_examples")
         for x in parent_data(lang).get(kind, ())]


def _claims(lang: str, x: dict):
    text = x["text"]
    published = x.get("published")
    art = Article(id="<example>", path="<example>", text=text, regions=((0, len(text)),),
                  lang=lang, published=published,
                  published_how="metadata" if published else None,
                  published_precision="day" if published else None)
    metrics = x.get("metrics", ["deaths"] * len(x["figures"]))
    specs, seen = [], {}
    for f, m in zip(x["figures"], metrics):
        specs.append({"figure": f, "metric": m, "occurrence": seen.get(f, 0)})
        seen[f] = seen.get(f, 0) + 1
    claims = article_claims(art, specs)
    # the figures read as the number reader reads them ("more than 15,000", "Four"), and
    # linked again with those values: the context stage above saw digits only
    from dataclasses import replace

    from factcheck.context.parents import link_parts
    from factcheck.numbers import find_quantities
    from factcheck.pipeline import article_sentences

    read = []
    for c in claims:
        q = next(iter(find_quantities(c.quantity.text, lang)), None)
        if q is not None and (q.start, q.end) == (0, len(c.quantity.text)):
            c = replace(c, quantity=replace(q, start=c.start, end=c.end,
                                            text=c.quantity.text))
        read.append(replace(c, parent=None))
    sentences = article_sentences(art)
    starts = {s.start: i for i, s in enumerate(sentences)}
    # as the context stage links them: headings and fragments are no steps back
    from factcheck.context.parents import prose_steps

    steps = prose_steps([text[s.start:s.end] for s in sentences], starts)
    return link_parts(read, steps, part_cues(lang))


@pytest.mark.parametrize("lang, kind, x", CASES,
                         ids=[f"{lang}/{kind}: {x['text'][:50]}" for lang, kind, x in CASES])
def test_parent_examples(lang, kind, x):
    claims = _claims(lang, x)
    by_start = {c.start: c.quantity.text for c in claims}
    # "*": a part of a whole the text names but does not state (its parent is itself)
    assert [("*" if c.parent == c.start else by_start.get(c.parent, "?"))
            if c.parent is not None else "" for c in claims] == x["parents"]
    if "sides" in x:  # "": everyone
        assert [c.side if c.side not in (None, "total") else "" for c in claims] == x["sides"]


def test_every_language_has_examples_and_counter_examples():
    for lang in ("it", "en"):
        data = parent_data(lang)
        assert data.get("examples") and data.get("counter_examples")
        cues = part_cues(lang)
        assert cues.between and cues.whole_first and cues.after and cues.total_before


def test_a_bad_cue_names_the_file(tmp_path):
    for name, body, problem in (("bad", "[parts]\nbetween = ['(unclosed']\n",
                                 r"parents\.toml: parts\.between: bad regex"),
                                ("typo", "[parts]\nbetwen = ['x']\n", r"unknown key")):
        folder = tmp_path / name / "lang" / "en"
        folder.mkdir(parents=True)
        (folder / "parents.toml").write_text(body)
        with pytest.raises(FactcheckError, match=problem):
            part_cues("en", tmp_path / name)


def test_an_increment_is_no_whole_without_a_cue():
    # "Il bilancio sale a 9 morti. Ieri sono stati trovati altri 6 corpi. Morti anche 2
    # bambini.": the children belong to the toll, not to the bodies just found
    from dataclasses import replace

    from factcheck.context.parents import link_parts
    from factcheck.model import Claim, Quantity

    # (the status is given: "altri" itself would make the 6 no whole, see the others rule)
    texts = ["Il bilancio sale a 9 morti.", "Ieri sono stati trovati 6 corpi.",
             "Morti anche 2 bambini."]
    starts, at = {}, 0
    for i, t in enumerate(texts):
        starts[at] = i
        at += len(t) + 1

    def claim(i: int, figure: str, **kw) -> Claim:
        base = [s for s, j in starts.items() if j == i][0]
        k = base + texts[i].index(figure)
        q = Quantity(k, k + len(figure), figure, "count", int(figure), int(figure), int(figure))
        return Claim(doc="d", metric="deaths", quantity=q, rule="r", quote=texts[i],
                     quote_start=base, lang="it", **kw)

    toll, found, kids = claim(0, "9"), claim(1, "6", status="increment"), \
        claim(2, "2", subgroup="children")
    out = link_parts([toll, found, kids], starts, part_cues("it"))
    assert [c.parent for c in out] == [None, None, toll.start]
    # counted, the 6 would be the nearest whole
    out = link_parts([toll, replace(found, status="counted"), kids], starts, part_cues("it"))
    assert out[2].parent == found.start


def test_a_sentence_of_many_figures_links_every_item_to_its_partitive_whole():
    # a table read as one sentence ("Dei 9999 morti: Paese0 (1), Paese1 (2), ..."): every
    # item is a part of the partitive whole, and the look-ups stay bounded
    import re

    from factcheck.context.parents import link_parts
    from factcheck.model import Claim, Quantity

    text = "Dei 9999 morti: " + ", ".join(f"Paese{i} ({i % 50 + 1})" for i in range(400)) + "."
    claims = []
    for m in re.finditer(r"(?<=[ (])\d+", text):
        v = int(m.group())
        claims.append(Claim(doc="d", metric="deaths", rule="r", quote=text, quote_start=0,
                            lang="it", quantity=Quantity(m.start(), m.end(), m.group(),
                                                         "count", v, v, v)))
    out = link_parts(claims, {0: 0}, part_cues("it"))
    assert out[0].parent is None
    assert all(c.parent == claims[0].start for c in out[1:])


def _linked(texts: list[str], figures: list[tuple[int, str, dict]], lang: str = "it"):
    """``link_parts`` over hand-made claims: (sentence index, figure, Claim fields) each;
    the parents as the figures' texts ("" for none)."""
    from factcheck.context.parents import link_parts
    from factcheck.model import Claim, Quantity

    starts, bases, at = {}, [], 0
    for i, t in enumerate(texts):
        starts[at] = i
        bases.append(at)
        at += len(t) + 1
    claims = []
    for i, figure, kw in figures:
        k = bases[i] + texts[i].index(figure)
        v = int(figure)
        q = Quantity(k, k + len(figure), figure, "count", v, v, v)
        claims.append(Claim(doc="d", metric="deaths", quantity=q, rule="r", quote=texts[i],
                            quote_start=bases[i], lang=lang, **kw))
    out = link_parts(claims, starts, part_cues(lang))
    by_start = {c.start: c.quantity.text for c in out}
    return [by_start.get(c.parent, "?") if c.parent is not None else "" for c in out]


def test_others_after_parts_of_a_toll_are_a_part_unless_the_status_rules_add_them():
    # "Altre 2" after the shares of a toll stated before: one more share of it, as long as
    # the shares fit in it; read by the status rules as an addition (bodies found since:
    # "ne sono stati estratti altri due"), never a part
    texts = ["Sono morte 9 persone.", "Quattro a Prato, 1 a Pistoia.",
             "Altre 2 sono morte nella notte."]
    figures = [(0, "9", {}), (1, "1", {"side": "area:pistoia"}), (2, "2", {})]
    assert _linked(texts, figures) == ["", "9", "9"]
    assert _linked(texts, figures[:2] + [(2, "2", {"status": "increment"})]) == ["", "9", ""]
    # a toll too small to hold them all: an addition after all
    texts[0] = "Sono morte 2 persone."
    figures[0] = (0, "2", {})
    assert _linked(texts, figures) == ["", "2", ""]


def test_others_right_after_a_whole_are_an_addition():
    texts = ["Sono morte 9 persone.", "Altre 2 sono morte nella notte."]
    assert _linked(texts, [(0, "9", {}), (1, "2", {"status": "increment"})]) == ["", ""]
    assert _linked(texts, [(0, "9", {}), (1, "2", {})]) == ["", ""]


def test_a_pronoun_pointing_to_another_story_links_nothing():
    # "11 di loro" points to the 20 of another event just before it: even with its own
    # event misread as today's, it is never made a part of today's toll further back
    texts = ["Sono morte 12 persone.", "Nel 2011 un'alluvione aveva ucciso 20 persone.",
             "Ieri 11 di loro erano morte a Genova."]
    today, then = "auto:storm:genova:2024-05", "auto:flood:italia:2011"
    figures = [(0, "12", {"event": today}), (1, "20", {"event": then}),
               (2, "11", {"event": today, "side": "area:genova"})]
    assert _linked(texts, figures) == ["", "", ""]
    # of the same story, the pronoun's figure is the whole
    figures[2] = (2, "11", {"event": then, "side": "area:genova"})
    assert _linked(texts, figures) == ["", "", "20"]
