"""The claim table without pandas (table.claim_rows / format_rows) gives the text the
pandas frame gave (extract's JSON lines, CSV and Markdown), and `extract` imports no pandas."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.model import Claim, Quantity
from factcheck.table import COLUMNS, claim_rows, claims_frame, format_rows

pytest.importorskip("pandas")

# whole numbers, floats and missing values, mixed per column: pandas makes a column of
# whole numbers with one float or one gap all floats ("999.0"), the rows must too
_num = st.one_of(st.none(), st.integers(0, 10**9), st.floats(0, 1e12, allow_nan=False),
                 st.sampled_from([0.1, 1e16, 110000.00000000001, 2.5e-7]))
# separators, quotes, line breaks and pipes: what CSV quoting and the Markdown cells escape
_text = st.one_of(st.none(), st.text(alphabet='ab ,;"\'|\n\r\tè€', min_size=0, max_size=8))
_date = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1)))


@st.composite
def _claims(draw) -> Claim:
    start = draw(st.integers(0, 10**6))
    q = Quantity(start=start, end=start + 3, text=draw(st.text(min_size=1, max_size=6)),
                 kind="count", value=draw(_num), low=draw(_num), high=draw(_num),
                 qualifier=draw(st.sampled_from(["exact", "approx"])),
                 band_low=draw(_num), band_high=draw(_num), ambiguous=draw(st.booleans()),
                 low_exclusive=draw(st.booleans()), high_exclusive=draw(st.booleans()))
    return Claim(doc=draw(st.text(min_size=1, max_size=6)), metric="deaths", quantity=q,
                 rule="it/deaths", quote=draw(st.text(max_size=8)), quote_start=start,
                 who=draw(_text), side=draw(_text), period_start=draw(_date),
                 period_end=draw(_date), event=draw(_text), source=draw(_text),
                 published=draw(_date), lang="it", subgroup=draw(_text),
                 parent=draw(st.one_of(st.none(), st.integers(0, 10**6))))


def _by_pandas(claims: list[Claim], fmt: str) -> str:
    from factcheck.cli.extract import format_frame

    return format_frame(claims_frame(claims).reindex(columns=list(COLUMNS)), fmt)


@settings(max_examples=300, deadline=None)
@given(st.lists(_claims(), max_size=4), st.sampled_from(["jsonl", "csv", "md"]))
def test_rows_give_the_text_of_the_pandas_frame(batch, fmt):
    assert format_rows(claim_rows(batch), fmt) == _by_pandas(batch, fmt)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "md"])
def test_no_claims_is_the_empty_table(fmt):
    assert format_rows(claim_rows([]), fmt) == _by_pandas([], fmt)


def test_one_float_or_gap_makes_a_number_column_floats():
    def claim(high):
        q = Quantity(start=0, end=2, text="12", kind="count", value=12, low=12, high=high)
        return Claim(doc="a", metric="deaths", quantity=q, rule="it/deaths", quote="12 morti",
                     quote_start=0)

    rows = claim_rows([claim(12), claim(None)])
    assert [r["high"] for r in rows] == [12.0, None] and type(rows[0]["high"]) is float
    assert [type(r["low"]) for r in rows] == [int, int]  # no gap, no float: whole numbers
    assert type(claim_rows([claim(12)])[0]["high"]) is int


def test_extract_imports_no_pandas(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("title: Frana\npublished: 2024-03-05\n---\nSono 12 i morti della frana.\n",
                       encoding="utf-8")
    code = ("import sys; from factcheck.cli import main; "
            f"main(['extract', {str(article)!r}, '--format', 'csv', '-o', "
            f"{str(tmp_path / 'out.csv')!r}]); print('pandas' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").startswith("doc,text,value,")
