"""The parties file: one owner of party words, built on Babel's country names.

The examples of rules/parties.toml run here; the loader's errors name the file.
"""

from __future__ import annotations

import pytest

from factcheck.context.lexicon import lexicon
from factcheck.errors import FactcheckError
from factcheck.parties import load_parties, parse_parties, party_speaking, slug

PARTIES = load_parties()


@pytest.mark.parametrize("x", PARTIES.examples, ids=[x["text"][:50] for x in PARTIES.examples])
def test_examples_name_their_party(x):
    assert lexicon(x["lang"]).source_parties.first(x["text"]) == x["party"]


@pytest.mark.parametrize("x", PARTIES.counter_examples,
                         ids=[x["text"][:50] for x in PARTIES.counter_examples])
def test_counter_examples_name_no_party(x):
    assert lexicon(x["lang"]).source_parties.first(x["text"]) is None


def test_every_country_is_a_party_with_names_in_both_languages():
    by_id = {p.id: p for p in PARTIES.parties}
    assert len(by_id) == len(PARTIES.parties)  # ids are unique
    assert by_id["ukraine"].words["it"]["names"][-1] == "Ucraina"  # Babel's name joins ours
    assert by_id["new-zealand"].words["it"]["names"] == ("Nuova Zelanda",)
    assert by_id["palestine"].country == "PS"  # our id replaces the generated one
    assert "palestinian-territories" not in by_id
    assert len(by_id) > 240


def test_the_claim_rules_read_the_same_words():
    from factcheck.rules import load_rules
    rs = load_rules()
    assert rs.side_party("ucraini", "it") == "ukraine"
    assert rs.side_party("Mozambique", "en") == "mozambique"


def test_slug():
    assert slug("United States") == "united-states"
    assert slug("Côte d’Ivoire") == "cote-d-ivoire"


@pytest.mark.parametrize("data, says", [
    ({"parties": {"x": {"country": "ZZ"}}}, "no ISO 3166"),
    ({"parties": {"x": {"people": ["a"]}}}, "people must be"),
    ({"parties": {"x": {"colour": "red"}}}, "unknown key 'colour'"),
    ({"partys": {}}, "unknown key 'partys'"),
])
def test_a_bad_entry_names_the_file_and_the_key(tmp_path, data, says):
    with pytest.raises(FactcheckError) as err:
        parse_parties(tmp_path / "parties.toml", data)
    assert "parties.toml" in str(err.value) and says in str(err.value)


def test_invalid_toml_names_the_file_and_line(tmp_path):
    (tmp_path / "parties.toml").write_text("[parties.x\n", "utf-8")
    with pytest.raises(FactcheckError, match=r"parties\.toml: invalid TOML: .*line 1"):
        load_parties(tmp_path)


@pytest.mark.parametrize("source, party", [
    ("il ministero della Difesa azero", "azerbaijan"),
    ("the Armenian Defence Ministry", "armenia"),
    ("Peskov", "russia"),
    ("Reuters", None),
    ("talks between Armenia and Azerbaijan", None),  # two parties: nobody's own figure
])
def test_a_source_speaks_for_the_one_party_it_names(source, party):
    assert party_speaking(source) == party


def test_the_comparison_reads_parties_from_the_parties_file_only():
    from dataclasses import replace

    from factcheck.compare import load_verdicts, source_party
    from factcheck.model import Claim, Quantity
    assert "parties" not in load_verdicts()  # verdicts.toml holds no party words
    q = Quantity(0, 2, "50", "count", 50, 50, "exact")
    c = Claim("a.txt", "deaths", q, "it/deaths", "50 morti.", 0, source="il portavoce",
              source_kind="attributed")
    assert source_party(c) is None
    # the context stage's answer wins; without it the source's words are read
    assert source_party(replace(c, source_party="russia")) == "russia"
    assert source_party(replace(c, source="il portavoce del Cremlino")) == "russia"
    assert source_party(replace(c, source="il Cremlino", source_kind="outlet")) is None
