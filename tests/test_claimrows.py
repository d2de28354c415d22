"""Claim rows read back into the Claim records extraction made (claimrows.py)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claimrows import claim_from_record, read_claims
from factcheck.cli import main
from factcheck.errors import FactcheckError
from factcheck.model import Claim, Quantity
from factcheck.pipeline import extract_paths
from factcheck.table import claim_record

ARTICLE = ("title: Frana a Valcorvo\npublished: 2024-03-05\n---\n"
           "Sono almeno 12 i morti e 3 i dispersi dopo la frana di Valcorvo, "
           "secondo la protezione civile.\n")


def test_rows_of_a_jsonl_table_are_claims_with_their_figures(shared_datadir):
    [result] = read_claims(shared_datadir / "claimrows" / "valcorvo.jsonl")
    deaths, missing = result.claims
    assert (deaths.metric, deaths.quantity.text, deaths.quantity.low, deaths.quantity.high,
            deaths.quantity.qualifier) == ("deaths", "almeno 12", 12, None, "at_least")
    assert (missing.metric, missing.quantity.low, missing.quantity.high) == ("missing", 3, 3)
    # the figure sits inside its quote where the offsets say
    assert deaths.quote[deaths.start - deaths.quote_start:deaths.end - deaths.quote_start] \
        == "almeno 12"
    assert deaths.published == date(2024, 3, 5) and deaths.period_start == date(2024, 3, 5)
    assert result.article.id == "valcorvo.md" and result.article.published == date(2024, 3, 5)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_extract_then_read_gives_back_the_very_claims(tmp_path, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow", reason="Parquet needs pyarrow: pip install -e '.[parquet]'")
    article = tmp_path / "valcorvo.md"
    article.write_text(ARTICLE, encoding="utf-8")
    table = tmp_path / f"claims.{fmt}"
    assert main(["extract", str(article), "--format", fmt, "-o", str(table)]) == 0
    [made] = extract_paths([article], jobs=1, progress=False)
    [back] = read_claims(table)
    assert back.claims == made.claims and len(made.claims) == 2


def test_a_broken_file_is_skipped_with_its_name_and_line(shared_datadir):
    folder = shared_datadir / "claimrows" / "mixed"
    warnings: list[str] = []
    results = read_claims(folder, warnings.append)
    assert [len(r.claims) for r in results] == [2]  # a_good.jsonl only
    assert warnings == [
        f"{folder / 'b_broken.jsonl'}: skipped: line 2: not JSON: Expecting ',' delimiter",
        f"{folder / 'c_not_claims.csv'}: skipped: not a claim table: no column quote, start, "
        "end, rule, quote_start (write it with `factcheck extract`)",
    ]


def test_no_readable_claim_table_is_an_error_naming_the_path(shared_datadir, capsys):
    broken = shared_datadir / "claimrows" / "mixed" / "b_broken.jsonl"
    with pytest.raises(FactcheckError, match="b_broken.jsonl: no readable claim table"):
        read_claims(broken)
    assert main(["check", "--claims", str(broken.parent / "nothing_here")]) == 2
    assert capsys.readouterr().err.strip().endswith("nothing_here: no such file or directory")


def test_check_claims_takes_no_articles_with_it(shared_datadir, capsys):
    rows = shared_datadir / "claimrows" / "valcorvo.jsonl"
    assert main(["check", "seeds", "--claims", str(rows)]) == 2
    assert "give no PATH and no --against" in capsys.readouterr().err


_opt_num = st.one_of(st.none(), st.floats(min_value=0, max_value=1e9, allow_nan=False),
                     st.integers(min_value=0, max_value=10**9).map(float))
_opt_text = st.one_of(st.none(), st.text(min_size=1, max_size=12))
_opt_date = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1)))


@st.composite
def claims(draw) -> Claim:
    start = draw(st.integers(min_value=0, max_value=10**6))
    quote_start = draw(st.integers(min_value=0, max_value=start))
    q = Quantity(start=start, end=start + draw(st.integers(1, 20)), text=draw(st.text(min_size=1)),
                 kind=draw(st.sampled_from(["count", "decimal"])), value=draw(_opt_num),
                 low=draw(_opt_num), high=draw(_opt_num),
                 qualifier=draw(st.sampled_from(["exact", "approx", "at_least", "range"])),
                 band_low=draw(_opt_num), band_high=draw(_opt_num), ambiguous=draw(st.booleans()),
                 low_exclusive=draw(st.booleans()), high_exclusive=draw(st.booleans()))
    return Claim(doc=draw(st.text(min_size=1, max_size=20)),
                 metric=draw(st.sampled_from(["deaths", "wounded", "troops"])), quantity=q,
                 rule=draw(st.sampled_from(["it/deaths", "en/troops"])),
                 quote=draw(st.text(min_size=1)), quote_start=quote_start, who=draw(_opt_text),
                 side=draw(_opt_text), period_start=draw(_opt_date), period_end=draw(_opt_date),
                 period_how=draw(_opt_text), event=draw(_opt_text), event_how=draw(_opt_text),
                 source=draw(_opt_text), source_kind=draw(_opt_text), published=draw(_opt_date),
                 lang=draw(st.sampled_from(["it", "en"])),
                 status=draw(st.sampled_from(["counted", "feared", "increment"])),
                 subgroup=draw(_opt_text),
                 parent=draw(st.one_of(st.none(), st.integers(0, 10**6))),
                 source_party=draw(_opt_text), source_type=draw(_opt_text))


@settings(max_examples=200, deadline=None)
@given(claims())
def test_a_claim_survives_its_row(claim):
    assert claim_from_record(claim_record(claim)) == claim


@settings(max_examples=50, deadline=None)
@given(st.lists(claims(), max_size=5))
def test_claims_survive_an_arrow_table(batch):
    pytest.importorskip("pyarrow", reason="Parquet needs pyarrow")
    from factcheck.claimrows import arrow_table

    assert [claim_from_record(r) for r in arrow_table(batch).to_pylist()] == batch


def test_an_empty_text_cell_is_no_value():
    row = claim_record(Claim(doc="a.md", metric="deaths", rule="it/deaths", quote="12 morti",
                             quote_start=0, quantity=Quantity(0, 2, "12", "count", 12, 12, 12)))
    assert claim_from_record({**row, "side": "", "parent": ""}) == \
        claim_from_record(row)
    with pytest.raises(ValueError, match="parent: '1.5' is not a whole number"):
        claim_from_record({**row, "parent": "1.5"})
