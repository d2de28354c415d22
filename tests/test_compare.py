"""The comparator on hand-built claims: every verdict, sums, traps, time, draft mode."""

from __future__ import annotations

import random
import shutil
import time
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.compare import (FINAL, as_of, claim_interval, compare, doc_labels, draft_needs,
                               load_verdicts, severity_rank)
from factcheck.errors import FactcheckError
from factcheck.model import Article, Claim, Quantity
from factcheck.paths import rules_dir

_OPEN_LOW = {"more_than", "at_least"}
_OPEN_HIGH = {"at_most", "less_than", "nearly"}


def quantity(value: float, qualifier: str = "exact", text: str | None = None, start: int = 0,
             low: float | None = None, high: float | None = None, **kw) -> Quantity:
    """A quantity as the number reader would give it."""
    if low is None and high is None:
        if qualifier in _OPEN_LOW:
            low = value
        elif qualifier in _OPEN_HIGH:
            low, high = 0, value
        else:
            low = high = value
    t = text or str(value)
    return Quantity(start, start + len(t), t, kw.pop("kind", "count"), value, low, high,
                    qualifier, low_exclusive=qualifier == "more_than", **kw)


def claim(doc: str, value: float, *, metric: str = "deaths", qualifier: str = "exact",
          text: str | None = None, side: str | None = None, event: str | None = "war",
          published: date | None = date(2022, 9, 14), period: tuple[date, date] | None = None,
          source: str | None = None, source_kind: str | None = None, quote: str | None = None,
          quote_start: int = 100, rule: str = "it/deaths", **qkw) -> Claim:
    """A claim whose figure sits inside its quote (so offsets are real)."""
    t = text or f"{value:g}"
    quote = quote or f"In {doc} si legge che {t} persone sono morte negli scontri."
    start = quote_start + quote.index(t)
    return Claim(doc, metric, quantity(value, qualifier, t, start, **qkw), rule, quote,
                 quote_start, None, side, period[0] if period else None,
                 period[1] if period else None, "explicit" if period else None, event,
                 None, source, source_kind, published, "it")


def article(doc: str, published: date | None = None, how: str | None = "metadata") -> Article:
    return Article(doc, doc, "", (), title=f"Title of {doc}", published=published,
                   published_how=how if published else None)


def findings(claims, draft=None, verdict=None):
    out = compare(claims, [], draft=draft).findings
    return [f for f in out if verdict is None or f.verdict == verdict]


def verdicts(claims, draft=None):
    return sorted(f.verdict for f in compare(claims, [], draft=draft).findings)


WAR_2020 = (date(2020, 9, 27), date(2020, 11, 10))


# ---------------------------------------------------------------- the seed cases

def test_over_six_thousand_vs_over_6500_is_a_discrepancy_with_a_checkable_reason():
    cl = [claim("002_a.txt", 6500, qualifier="more_than", text="oltre 6'500", event="nk-2020",
                published=date(2023, 10, 11), period=WAR_2020),
          claim("004_b.txt", 6000, qualifier="more_than", text="oltre seimila", event="nk-2020",
                published=date(2022, 9, 14), period=WAR_2020)]
    [f] = findings(cl)
    assert (f.verdict, f.metric, f.event, f.side) == ("discrepancy", "deaths", "nk-2020", "total")
    assert f.reason == ("002 says more than 6,500, 004 says more than 6,000: both can be true, "
                        "but they state different figures.")
    assert [c.doc for c in f.claims] == ["002_a.txt", "004_b.txt"]
    assert f.severity in ("low", "medium")


def test_about_30000_twice_agrees():
    cl = [claim("001.txt", 30000, qualifier="approx", text="circa 30.000", event="nk-1990s",
                published=date(2020, 10, 1), quote="una guerra che uccise circa 30.000 persone"),
          claim("004.txt", 30000, qualifier="approx", text="circa 30.000", event="nk-1990s",
                published=None, quote="Di conseguenza, circa 30.000 persone sono morte.")]
    [f] = findings(cl)
    assert f.verdict == "agree" and f.severity == "info"
    assert "independent" in f.reason


def test_per_side_sum_within_a_total_is_no_contradiction():
    quote = "Almeno 49 soldati armeni e 50 azeri sono morti martedì nei combattimenti."
    cl = [claim("003.txt", 100, qualifier="at_most", text="fino a 100", side="total",
                event="clashes-2022"),
          claim("004.txt", 49, qualifier="at_least", text="Almeno 49", side="armenia",
                event="clashes-2022", quote=quote, published=None),
          claim("004.txt", 50, qualifier="at_least", text="50", side="azerbaijan",
                event="clashes-2022", quote=quote, published=None)]
    out = findings(cl)
    assert "contradiction" not in [f.verdict for f in out]
    [f] = [f for f in out if f.side == "total"]
    assert f.verdict == "discrepancy"
    assert "at least 99 (49 armenia + 50 azerbaijan)" in f.reason
    assert len(f.claims) == 3


# ---------------------------------------------------------------- per-side sums, both ways

def _sides(doc, a, b, **kw):
    quote = f"Sono morti {a} soldati armeni e {b} azeri."
    return [claim(doc, a, side="armenia", quote=quote, **kw),
            claim(doc, b, side="azerbaijan", quote=quote, text=f"{b}", **kw)]


def test_sum_of_sides_above_the_total_as_final_tolls_is_a_contradiction():
    cl = _sides("a.txt", 207, 79, period=WAR_2020) + [
        claim("b.txt", 155, side="total", period=WAR_2020)]
    [f] = findings(cl)
    assert f.verdict == "contradiction" and f.side == "total" and f.severity == "high"
    assert "286 (207 armenia + 79 azerbaijan)" in f.reason


def test_total_above_the_sum_is_a_contradiction_too():
    cl = _sides("a.txt", 49, 50, period=WAR_2020) + [
        claim("b.txt", 250, side="total", period=WAR_2020)]
    [f] = findings(cl)
    assert f.verdict == "contradiction"


def test_total_a_week_later_above_the_sum_is_an_update():
    cl = _sides("a.txt", 49, 50, qualifier="at_least", published=date(2022, 9, 13)) + [
        claim("b.txt", 155, side="total", published=date(2022, 9, 20),
              quote="At least 155 soldiers from both sides were killed.", text="155")]
    [f] = findings(cl)
    assert f.verdict == "update" and "2022-09-13" in f.reason and "2022-09-20" in f.reason


def test_one_side_alone_above_the_total_is_a_contradiction():
    cl = [claim("a.txt", 120, side="armenia", period=WAR_2020),
          claim("b.txt", 100, side="total", period=WAR_2020)]
    [f] = findings(cl)
    assert f.verdict == "contradiction" and "a part cannot exceed the whole" in f.reason


def test_one_side_below_the_total_is_no_finding():
    cl = [claim("a.txt", 60, side="armenia"), claim("b.txt", 100, side="total")]
    assert findings(cl) == []


def test_unknown_side_is_read_as_the_total():
    cl = [claim("a.txt", 100, side=None), claim("b.txt", 100, side="total")]
    [f] = findings(cl)
    assert f.verdict == "agree" and f.side == "total"


# ---------------------------------------------------------------- traps

def test_same_number_for_different_metrics_is_never_grouped():
    cl = [claim("a.txt", 2906, metric="displaced", rule="en/displaced"),
          claim("b.txt", 2906, metric="deaths"),
          claim("c.txt", 3500, metric="displaced", rule="en/displaced")]
    out = findings(cl)
    assert [f.metric for f in out] == ["displaced"]
    assert all(c.metric == "displaced" for f in out for c in f.claims)


def test_same_number_for_different_sides_is_no_agreement():
    cl = [claim("a.txt", 49, side="armenia"), claim("b.txt", 49, side="azerbaijan")]
    assert findings(cl) == []


def test_different_events_never_share_a_group():
    cl = [claim("a.txt", 100, event="blast"), claim("b.txt", 4000, event="offensive")]
    assert findings(cl) == []


def test_rounded_figure_is_not_evidence_against_a_precise_one():
    # within its rounding, the same count as far as an editor can tell: nothing to explain
    cl = [claim("a.txt", 6000, text="6.000"), claim("b.txt", 6120, text="6.120")]
    assert verdicts(cl) == []


def test_exact_final_tolls_far_apart_contradict():
    [f] = findings([claim("a.txt", 155, period=WAR_2020), claim("b.txt", 286, period=WAR_2020)])
    assert f.verdict == "contradiction" and f.severity == "high"
    # the two figures that conflict, and what makes them comparable
    assert f.reason == ("b says 286, a says 155: the two cannot both be true at the same time. "
                        "Both count deaths of everyone in war, as final tolls.")


def test_running_counts_of_the_same_day_are_a_discrepancy_saying_why():
    # a day is no moment of a count that moves: the lower may be the morning's count, so
    # both can be true
    [f] = findings([claim("a.txt", 155), claim("b.txt", 286)])
    assert (f.verdict, f.severity) == ("discrepancy", "medium")
    assert f.reason == ("b says 286, a says 155: different figures, but both can be true: both "
                        "reports are of the same day, and a count moves within a day: the lower "
                        "may be the earlier count. Both count deaths of everyone in war, "
                        "reported the same day (2022-09-14).")


def test_an_ambiguous_figure_makes_a_possible_contradiction_saying_so():
    cl = [claim("a.txt", 10, ambiguous=True, period=WAR_2020), claim("b.txt", 25, period=WAR_2020)]
    [f] = findings(cl)
    assert (f.verdict, f.severity) == ("possible contradiction", "medium")
    assert f.reason.endswith("Not certain: a figure's reading is ambiguous.")


def test_figures_far_apart_in_scale_are_only_a_possible_contradiction():
    [f] = findings([claim("a.txt", 290, period=WAR_2020), claim("b.txt", 36, period=WAR_2020)])
    assert (f.verdict, f.severity) == ("possible contradiction", "medium")
    assert "one figure is 8.1 times the other" in f.reason


def test_figures_ten_times_apart_are_not_one_count():
    assert findings([claim("a.txt", 290, period=WAR_2020),
                     claim("b.txt", 29, period=WAR_2020)]) == []


def test_an_undated_lower_figure_of_a_running_count_is_consistent_with_it():
    # the lower count may be the earlier one: nothing but the date in doubt, no finding
    assert findings([claim("a.txt", 155, published=None), claim("b.txt", 286)]) == []


def test_undated_figures_of_two_named_sources_are_a_discrepancy_naming_the_order():
    # the lower count may be the earlier one: both can be true, never a contradiction
    [f] = findings([claim("a.txt", 155, published=None, source="the police",
                          source_kind="attributed"),
                    claim("b.txt", 286, source="the hospital", source_kind="attributed")])
    assert (f.verdict, f.severity) == ("discrepancy", "medium")
    assert "the order is not known: a report is undated; the figures come from" in f.reason


def test_two_doubts_of_a_dated_pair_make_a_possible_contradiction_of_low_severity():
    [f] = findings([claim("a.txt", 155, ambiguous=True, period=WAR_2020),
                    claim("b.txt", 1286, period=WAR_2020)])
    assert (f.verdict, f.severity) == ("possible contradiction", "low")
    assert "a figure's reading is ambiguous; one figure is 8.3 times the other" in f.reason


# ---------------------------------------------------------------- time

def test_update_chain_of_a_rising_count():
    cl = [claim("a.txt", 49, side="armenia", published=date(2022, 9, 13)),
          claim("b.txt", 105, side="armenia", published=date(2022, 9, 14)),
          claim("c.txt", 207, side="armenia", published=date(2022, 9, 20))]
    [f] = findings(cl)
    assert f.verdict == "update"
    assert [c.quantity.value for c in f.claims] == [49, 105, 207]
    assert f.reason == ("a (2022-09-13) says 49, b (2022-09-14) says 105, c (2022-09-20) says "
                        "207: a later report raised the count.")


def test_a_later_report_lowering_a_cumulative_count_is_a_contradiction():
    cl = [claim("a.txt", 207, published=date(2022, 9, 20)),
          claim("b.txt", 150, published=date(2022, 9, 28))]
    [f] = findings(cl)
    assert f.verdict == "contradiction" and f.severity == "high"
    assert "lower count" in f.reason and [c.doc for c in f.claims] == ["a.txt", "b.txt"]


def test_a_level_that_falls_later_is_an_update_not_a_contradiction():
    cl = [claim("a.txt", 2000, metric="troops", rule="it/troops", published=date(2020, 11, 12)),
          claim("b.txt", 1000, metric="troops", rule="it/troops", published=date(2023, 10, 11))]
    [f] = findings(cl)
    assert f.verdict == "update" and "changed" in f.reason


def test_final_tolls_long_after_the_event_are_compared_with_each_other():
    # both reports long after the war: different but compatible figures, not an update
    cl = [claim("a.txt", 6000, qualifier="more_than", published=date(2022, 1, 1), period=WAR_2020),
          claim("b.txt", 6500, qualifier="more_than", published=date(2023, 1, 1), period=WAR_2020)]
    assert verdicts(cl) == ["discrepancy"]
    assert as_of(cl[0], 60) == FINAL


def test_live_count_then_final_toll_is_an_update():
    cl = [claim("a.txt", 2000, published=date(2020, 10, 15), period=WAR_2020),
          claim("b.txt", 6500, qualifier="more_than", published=date(2023, 1, 1), period=WAR_2020)]
    assert verdicts(cl) == ["update"]


# ---------------------------------------------------------------- dispute and independence

def test_dispute_between_the_parties_own_figures():
    cl = [claim("a.txt", 50, side="azerbaijan", source="il ministero della Difesa azero",
                source_kind="attributed"),
          claim("b.txt", 200, side="azerbaijan", source="the Armenian Defence Ministry",
                source_kind="attributed")]
    [f] = findings(cl)
    assert f.verdict == "dispute" and f.severity == "medium"


def test_compatible_party_figures_that_differ_are_a_dispute():
    cl = [claim("a.txt", 50, qualifier="at_least", source="Baku", source_kind="attributed"),
          claim("b.txt", 80, qualifier="at_least", source="Yerevan", source_kind="attributed")]
    assert verdicts(cl) == ["dispute"]


def test_an_outlet_against_a_party_is_not_a_dispute():
    cl = [claim("a.txt", 50, source="Baku", source_kind="attributed", period=WAR_2020),
          claim("b.txt", 120, source="Reuters", source_kind="attributed", period=WAR_2020)]
    # two named sources may count differently: a discrepancy saying so, no dispute
    [f] = findings(cl)
    assert f.verdict == "discrepancy" and "different sources (" in f.reason


def test_same_wire_copy_twice_is_not_independent():
    quote = "At least 49 soldiers were killed, the ministry said."
    cl = [claim("a.txt", 49, quote=quote), claim("b.txt", 49, quote=quote)]
    analysis = compare(cl, [])
    assert analysis.findings == () and len(analysis.singles) == 2


def test_same_attributed_wire_source_and_figure_is_not_independent():
    cl = [claim("a.txt", 49, source="Reuters", source_kind="attributed"),
          claim("b.txt", 49, source="reuters", source_kind="attributed",
                quote="Secondo Reuters, 49 soldati sono morti.")]
    assert findings(cl) == []


def test_same_figure_in_one_article_twice_is_not_an_agreement():
    cl = [claim("a.txt", 49), claim("a.txt", 49, quote="Ripetiamo: 49 morti.", quote_start=500)]
    assert findings(cl) == []


def test_one_articles_own_figures_are_not_judged_against_each_other():
    # "247 morti ... 190 sono i morti in provincia di Rieti": a breakdown the reading missed
    cl = [claim("a.txt", 247), claim("a.txt", 190, quote="Di questi, 190 a Rieti.", quote_start=400)]
    assert findings(cl) == []
    # ... while a second article still meets both of them
    cl.append(claim("b.txt", 300))
    assert {c.doc for f in findings(cl) for c in f.claims} >= {"a.txt", "b.txt"}


# ---------------------------------------------------------------- draft mode, singles, groups

def test_draft_mode_keeps_only_findings_involving_the_draft():
    cl = [claim("draft.txt", 6000), claim("x.txt", 9000),  # war: contradiction with the draft
          claim("y.txt", 10, event="other"), claim("z.txt", 99, event="other")]  # not the draft
    analysis = compare(cl, [], draft="draft.txt")
    assert [f.event for f in analysis.findings] == ["war"]
    assert analysis.draft == "draft.txt"
    assert len(compare(cl, []).findings) == 2


def test_draft_singles_are_the_drafts_own_unverified_figures():
    cl = [claim("draft.txt", 12, metric="wounded"), claim("x.txt", 40, metric="missing")]
    analysis = compare(cl, [], draft="draft.txt")
    assert [c.doc for c in analysis.singles] == ["draft.txt"]


def test_groups_and_singles():
    cl = [claim("a.txt", 10, metric="wounded"), claim("b.txt", 10, metric="wounded"),
          claim("c.txt", 7, metric="missing"), claim("d.txt", 3, side="armenia")]
    analysis = compare(cl, [article("a.txt")])
    assert analysis.groups == 3
    assert {c.doc for c in analysis.singles} == {"c.txt", "d.txt"}
    assert analysis.unclaimed == ()


def test_findings_are_sorted_by_severity():
    cl = [claim("a.txt", 155, period=WAR_2020), claim("b.txt", 286, period=WAR_2020),
          claim("c.txt", 30000, event="old"), claim("d.txt", 30000, event="old",
                                                    quote="Ne morirono 30000.")]
    out = findings(cl)
    ranks = [severity_rank(f.severity, load_verdicts()) for f in out]
    assert ranks == sorted(ranks) and out[0].verdict == "contradiction"


# ---------------------------------------------------------------- helpers and data

def test_doc_labels_are_short_and_unique():
    assert doc_labels(["002_81ba.txt", "004_93.txt"]) == {"002_81ba.txt": "002",
                                                          "004_93.txt": "004"}
    assert doc_labels(["x_1.txt", "x_2.txt"]) == {"x_1.txt": "x_1", "x_2.txt": "x_2"}


def test_doc_labels_asked_again_answer_the_same_and_own_their_dict():
    ids = ["002_81ba.txt", "004_93.txt", "002_81ba.txt"]
    first = doc_labels(ids)
    first["002_81ba.txt"] = "changed by the caller"
    assert doc_labels(reversed(ids)) == {"002_81ba.txt": "002", "004_93.txt": "004"}
    assert doc_labels(["002_81ba.txt", "002_7.txt"]) == {"002_81ba.txt": "002_81ba",
                                                         "002_7.txt": "002_7"}


def test_intervals_carry_hedges_and_rounding():
    cfg = load_verdicts()
    assert claim_interval(claim("a", 6500, qualifier="more_than"), cfg) == (6500.5, None)
    assert claim_interval(claim("a", 100, qualifier="at_most"), cfg) == (0.0, 100.0)
    assert claim_interval(claim("a", 2000, qualifier="approx"), cfg) == (1800.0, 2200.0)
    assert claim_interval(claim("a", 49), cfg) == (49.0, 49.0)
    lo, hi = claim_interval(claim("a", 6000), cfg)
    assert lo <= 5500 < 6000 < 6499 <= hi or (lo, hi) == (5400.0, 6600.0)
    # a band from the number reader wins over the fallback
    assert claim_interval(claim("a", 6000, band_low=5500, band_high=6499), cfg) == (5500, 6499)


def test_a_finding_carries_the_figures_it_judged_a_sum_among_them():
    cl = _sides("a.txt", 207, 79) + [claim("b.txt", 155, side="total")]
    [f] = findings(cl)
    assert sorted(fg.role for fg in f.figures) == ["claim", "sum"]
    assert [fg.point for fg in f.figures if fg.role == "sum"] == [286]
    # the reason names the same two figures, in the same order
    assert [fg.doc for fg in f.figures] == ["a.txt", "b.txt"]
    assert f.reason.startswith("a says 286 (207 armenia + 79 azerbaijan), b says 155")


def test_verdict_data_is_complete():
    cfg = load_verdicts()
    for key in ("contradiction", "contradiction_falling", "contradiction_part", "doubt",
                "falling_unsure", "correction", "jump", "discrepancy_estimate", "copies",
                "dispute", "dispute_conflict", "discrepancy", "update", "update_level", "agree",
                "says", "says_date"):
        assert key in cfg["reasons"]
    for key in ("undated", "inferred", "precision", "days_apart", "ambiguous", "order"):
        assert key in cfg["doubts"]
    for verdict in ("contradiction", "possible contradiction", "correction"):
        assert verdict in cfg["severity"]["verdict_order"]
    assert all("cumulative" not in t for t in [cfg["defaults"], *cfg["metrics"].values()])


def test_cumulative_is_owned_by_metrics_toml(tmp_path):
    shutil.copytree(rules_dir(), tmp_path, dirs_exist_ok=True)
    cl = [claim("a.txt", 2000, metric="troops", rule="it/troops", published=date(2022, 9, 20)),
          claim("b.txt", 1000, metric="troops", rule="it/troops", published=date(2022, 11, 28))]
    assert [f.verdict for f in compare(cl, [], rules=tmp_path).findings] == ["update"]
    metrics = tmp_path / "metrics.toml"
    text = metrics.read_text("utf-8")
    metrics.write_text(text.replace("[troops]\ncumulative = false", "[troops]\ncumulative = true"),
                       "utf-8")
    assert [f.verdict for f in compare(cl, [], rules=tmp_path).findings] == ["contradiction"]


def test_verdicts_toml_may_not_declare_cumulative(tmp_path):
    shutil.copytree(rules_dir(), tmp_path, dirs_exist_ok=True)
    verdicts = tmp_path / "verdicts.toml"
    verdicts.write_text(verdicts.read_text("utf-8").replace(
        "[metrics.troops]\n", "[metrics.troops]\ncumulative = true\n"), "utf-8")
    with pytest.raises(FactcheckError, match=r"\[metrics\.troops\] cumulative: .*metrics\.toml"):
        compare([], [], rules=tmp_path)


def test_verdicts_can_come_from_another_rules_folder(tmp_path):
    shutil.copytree(rules_dir(), tmp_path, dirs_exist_ok=True)  # a rules folder is loaded whole
    data = (rules_dir() / "verdicts.toml").read_text("utf-8")
    (tmp_path / "verdicts.toml").write_text(
        data.replace('agree = "{list}: independent', 'agree = "{list}: SAME'), "utf-8")
    cl = [claim("a.txt", 5), claim("b.txt", 5, quote="Cinque: 5 morti.")]
    [f] = compare(cl, [], rules=tmp_path).findings
    assert "SAME" in f.reason


# ---------------------------------------------------------------- properties and scale

_DOCS = st.sampled_from(["a.txt", "b.txt", "c.txt", "d.txt"])
_QUALS = st.sampled_from(["exact", "approx", "more_than", "at_least", "at_most", "nearly"])
_DATES = st.one_of(st.none(), st.dates(date(2020, 1, 1), date(2023, 12, 31)))


@st.composite
def _claims(draw):
    doc = draw(_DOCS)
    value = draw(st.integers(0, 10_000))
    return claim(doc, value, qualifier=draw(_QUALS),
                 metric=draw(st.sampled_from(["deaths", "troops", "unknown-metric"])),
                 side=draw(st.sampled_from([None, "total", "armenia", "azerbaijan"])),
                 event=draw(st.sampled_from([None, "war", "clash"])),
                 published=draw(_DATES),
                 period=draw(st.one_of(st.none(), st.just(WAR_2020))),
                 source=draw(st.sampled_from([None, "Baku", "Yerevan", "Reuters"])),
                 source_kind=draw(st.sampled_from([None, "attributed", "outlet"])),
                 quote_start=draw(st.sampled_from([0, 100])),
                 ambiguous=draw(st.booleans()))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_claims(), max_size=14), st.randoms(use_true_random=False),
       st.one_of(st.none(), _DOCS))
def test_compare_never_raises_and_ignores_input_order(claims, rnd, draft):
    first = compare(claims, [], draft=draft)
    shuffled = list(claims)
    rnd.shuffle(shuffled)
    again = compare(shuffled, [], draft=draft)
    assert first == again
    for f in first.findings:
        assert f.reason and f.severity in ("high", "medium", "low", "info")
        assert f.verdict in ("contradiction", "possible contradiction", "discrepancy", "update",
                             "dispute", "correction", "agree")
        assert len({c.metric for c in f.claims}) == 1
        if draft:
            assert any(c.doc == draft for c in f.claims)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_claims(), max_size=14), _DOCS)
def test_draft_mode_finds_what_the_full_comparison_finds_about_the_draft(claims, draft):
    # draft mode judges only the draft's groups and segments: nothing about the draft is lost
    everything = compare(claims, []).findings
    assert compare(claims, [], draft=draft).findings == tuple(
        f for f in everything if any(c.doc == draft for c in f.claims))


def test_a_long_reason_names_the_first_figures_the_last_and_how_many_more():
    cl = [claim(f"00{i}_x.txt", v, qualifier="at_least", text=f"almeno {v}")
          for i, v in enumerate([100, 150, 200, 250, 300, 350])]
    [f] = findings(cl)
    assert f.verdict == "discrepancy" and len(f.claims) == 6
    assert f.reason == ("005 says at least 350, 004 says at least 300, 003 says at least 250, "
                        "2 more in between, 000 says at least 100: both can be true, "
                        "but they state different figures.")


@pytest.mark.parametrize("n", [20_000])
def test_scales_to_many_claims_in_few_groups(n):
    rnd = random.Random(7)
    cl = [claim(f"{i:05d}.txt", rnd.randint(1, 500), qualifier=rnd.choice(["exact", "at_least"]),
                side=rnd.choice([None, "armenia", "azerbaijan"]),
                quote=f"Nel documento {i} si legge che X persone sono morte.", text="X",
                published=date(2022, 9, 1 + i % 28))
          for i in range(n)]
    t0 = time.perf_counter()
    analysis = compare(cl, [])
    assert time.perf_counter() - t0 < 30
    assert analysis.groups == 3


def _sketch(c: Claim) -> Claim:
    """A claim without its words (as an archive reads it to choose what to load)."""
    q = replace(c.quantity, text="", kind="")
    return replace(c, quantity=q, quote="", rule="", who=None)


_CLOSE_DATES = st.sampled_from([None, date(2022, 9, 12), date(2022, 9, 13), date(2022, 9, 16),
                                date(2022, 9, 20), date(2022, 12, 1)])


@st.composite
def _crowded_claims(draw):
    """Many claims on few days, sides and values: crowded segments, ties and sums; some
    announce a revision (naming an earlier figure or not), some count an early window."""
    doc = draw(st.sampled_from(["a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt"]))
    value = draw(st.sampled_from([10, 20, 30, 50, 100, 120]))
    quote = draw(st.sampled_from([None, f"Il bilancio è stato rivisto: {value} morti.",
                                  f"Il bilancio è stato rivisto a {value}, dopo i 20 di ieri."]))
    return claim(doc, value,
                 qualifier=draw(st.sampled_from(["exact", "at_least", "at_most", "approx"])),
                 metric=draw(st.sampled_from(["deaths", "missing", "prisoners"])),
                 side=draw(st.sampled_from([None, "total", "armenia", "azerbaijan"])),
                 event="war", published=draw(_CLOSE_DATES),
                 period=draw(st.sampled_from([None, (date(2022, 9, 1), date(2022, 9, 12))])),
                 source=draw(st.sampled_from([None, "Baku", "Yerevan"])),
                 source_kind=draw(st.sampled_from([None, "attributed"])),
                 quote=quote, quote_start=draw(st.sampled_from([0, 100])))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_claims(), _crowded_claims()), max_size=30),
       st.sampled_from(["a.txt", "b.txt"]))
def test_a_draft_needs_only_some_claims_to_find_everything_about_it(claims, draft):
    mine = [c for c in claims if c.doc == draft]
    others = [c for c in claims if c.doc != draft]
    need = draft_needs(mine, [_sketch(c) for c in others])
    chosen = [others[i] for i in sorted(need)]
    everything = compare(claims, [article(c.doc) for c in claims], draft=draft)
    narrowed = compare(mine + chosen, [article(c.doc) for c in claims], draft=draft)
    assert narrowed.findings == everything.findings
    assert narrowed.singles == everything.singles


def _needs(draft: list[Claim], others: list[Claim]) -> list[int]:
    """What a draft check would load, after checking it finds everything about the draft."""
    need = sorted(draft_needs(draft, [_sketch(c) for c in others]))
    doc = draft[0].doc
    everything = compare(draft + others, [], draft=doc)
    narrowed = compare(draft + [others[i] for i in need], [], draft=doc)
    assert (narrowed.findings, narrowed.singles) == (everything.findings, everything.singles)
    return need


def test_a_draft_needs_the_first_figure_of_a_segment_that_is_cut_by_it():
    # prisoners: figures within 7 days are one moment. Without 'at least 3' on the 1st, the
    # segment would start on the 6th and take in the 11th, where the draft stands
    day = date(2022, 9, 1)
    others = [claim("a.txt", 3, metric="prisoners", qualifier="at_least", text="almeno 3",
                    published=day),
              claim("b.txt", 5, metric="prisoners", published=date(2022, 9, 6)),
              claim("c.txt", 10, metric="prisoners", published=date(2022, 9, 11))]
    draft = [claim("draft.txt", 200, metric="prisoners", published=date(2022, 9, 11))]
    assert _needs(draft, others) == [0, 1, 2]


def test_a_draft_needs_every_figure_that_states_its_own():
    day = date(2022, 9, 1)
    others = [claim(f"{n}_x.txt", v, published=day) for n, v in enumerate([100, 50, 10])]
    draft = [claim("draft.txt", 50, published=date(2022, 9, 5))]
    assert 1 in _needs(draft, others)  # 50 agrees, though neither first nor an extreme


def test_a_draft_needs_the_peers_of_the_figures_its_findings_name():
    # a fall from the 1st's 3,958 to the draft's 3,500 names every report of the 1st
    # stating 3,958: 'more than 3,900' too, though neither top nor an extreme of its moment
    others = [claim("a.txt", 3958, text="3,958", published=date(2022, 9, 1)),
              claim("c.txt", 3900, qualifier="more_than", text="more than 3,900",
                    published=date(2022, 9, 1))]
    draft = [claim("draft.txt", 3500, text="3,500", published=date(2022, 9, 5))]
    [f] = [f for f in compare(others + draft, []).findings if f.verdict != "agree"]
    assert [[p.doc for p in ps] for ps in f.peers] == [["c.txt"], []]
    assert "Also stating 3,958: c." in f.reason
    assert _needs(draft, others) == [0, 1]


def test_a_draft_needs_all_of_an_articles_sides_or_none():
    # the draft's Armenian figure meets x's in the Armenian group; x's Azerbaijani figure is
    # summed with it in the total group, where the draft's total stands
    quote = "Almeno 60 soldati armeni e 70 azeri sono morti."
    others = [claim("x.txt", 60, side="armenia", text="60", quote=quote, published=date(2022, 9, 1)),
              claim("x.txt", 70, side="azerbaijan", text="70", quote=quote,
                    published=date(2022, 9, 1)),
              claim("y.txt", 20, side="armenia", published=date(2022, 9, 1))]
    draft = [claim("draft.txt", 40, side="armenia", published=date(2022, 9, 3))]
    assert _needs(draft, others)[:2] == [0, 1]


def test_a_draft_needs_the_whole_of_a_part_it_meets():
    # the draft's children figure meets x's; x's toll says which moment x's part stands at
    # (parts of different wholes are not compared as one moment)
    def part_of(doc, whole, part, words, day):
        quote = f"{whole} morti, tra cui {words} bambini."
        c = claim(doc, part, text=words, quote=quote, published=day)
        return [claim(doc, whole, text=str(whole), quote=quote, published=day),
                replace(c, subgroup="children", parent=100)]
    others = [*part_of("x.txt", 35, 2, "due", date(2022, 9, 3)),
              claim("y.txt", 12, published=date(2022, 9, 3))]
    draft = part_of("draft.txt", 50, 5, "cinque", date(2022, 9, 3))
    need = _needs(draft, others)
    assert {0, 1} <= set(need)
    verdicts = {(f.verdict, f.side) for f in compare(draft + others, []).findings}
    assert ("update", "total/children") in verdicts  # 2 of 35, then 5 of 50
    assert ("contradiction", "total/children") not in verdicts


def test_a_draft_needs_the_extremes_of_other_times_not_their_middle():
    # deaths are cumulative: the draft's 500 on 1 March is judged against what came before
    before = [claim(f"{i}_x.txt", v, published=date(2023, 1, 10)) for i, v in
              enumerate([200, 300, 100, 250])]
    later = [claim("9_y.txt", 900, published=date(2023, 6, 1))]
    draft = [claim("draft.txt", 500, published=date(2023, 3, 1))]
    # January: its first figure, its highest (300) and its lowest (100), not 250; June's 900
    assert _needs(draft, before + later) == [0, 1, 2, 4]


def test_a_draft_needs_the_dated_figure_that_places_an_undated_one():
    # 'more than 60' undated is read where '60' is stated (the same count), on the 1st, not
    # with the draft's 61 of the 5th. Without the 60, a draft check would read it with the
    # latest moment, against the draft (a discrepancy the full comparison does not find)
    # (the 60 is neither its moment's first nor an extreme: 'about 62' the top, 'more than
    # 60' the highest lower bound, 50 the lowest upper bound)
    day = date(2022, 9, 1)
    others = [claim("b.txt", 60, qualifier="more_than", text="more than 60", published=None),
              claim("c.txt", 62, qualifier="approx", text="circa 62", published=day),
              claim("d.txt", 50, published=day),
              claim("p.txt", 60, published=day)]
    draft = [claim("draft.txt", 61, published=date(2022, 9, 5))]
    assert {0, 3} <= set(_needs(draft, others))


_MONTH_DOCS = ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from([date(2022, 9, 1), date(2022, 9, 2),
                                           date(2022, 9, 15), date(2022, 10, 1)]),
                          st.sampled_from(["day", "month"])),
                min_size=len(_MONTH_DOCS), max_size=len(_MONTH_DOCS)),
       st.lists(st.tuples(st.sampled_from(_MONTH_DOCS), st.sampled_from([10, 20, 25, 30, 50]),
                          st.sampled_from(["exact", "at_least", "approx"]),
                          st.sampled_from(["deaths", "missing", "prisoners"])), max_size=24),
       st.sampled_from(["a.txt", "b.txt"]))
def test_a_draft_check_narrows_equally_when_reports_are_known_only_to_the_month(
        dates, rows, draft):
    # a report known only to the month is filed under its 1st but is a moment of its own;
    # a draft check, which cuts moments without the reports' spans, still finds everything
    when = dict(zip(_MONTH_DOCS, dates))
    claims = [claim(doc, v, qualifier=q, metric=m, published=when[doc][0])
              for doc, v, q, m in rows]
    articles = [replace(article(doc, day), published_precision=prec)
                for doc, (day, prec) in when.items()]
    mine = [c for c in claims if c.doc == draft]
    others = [c for c in claims if c.doc != draft]
    if not mine:
        return
    need = draft_needs(mine, [_sketch(c) for c in others])
    everything = compare(claims, articles, draft=draft)
    narrowed = compare(mine + [others[i] for i in sorted(need)], articles, draft=draft)
    assert narrowed.findings == everything.findings


def test_a_draft_check_reads_whole_a_moment_a_month_dated_report_may_split():
    # 50 and 30 in reports known only to September, 10 and 20 in reports of 1 September:
    # not one moment (a month is a span, not its 1st), so the update to the draft's 25 of
    # the 15th is from the 1st's top, 20. A draft check knows no spans: it reads the 1st's
    # moment whole, or it would take 50 for the 1st's top and find an update from 10
    first, month = date(2022, 9, 1), {"c.txt", "d.txt"}
    values = {"c.txt": 50, "d.txt": 30, "e.txt": 10, "f.txt": 20}
    others = [claim(doc, v, published=first) for doc, v in values.items()]
    draft = [claim("draft.txt", 25, published=date(2022, 9, 15))]
    articles = [replace(article(c.doc, c.published),
                        published_precision="month" if c.doc in month else "day")
                for c in others + draft]
    need = draft_needs(draft, [_sketch(c) for c in others])
    everything = compare(draft + others, articles, draft="draft.txt")
    narrowed = compare(draft + [others[i] for i in sorted(need)], articles, draft="draft.txt")
    assert narrowed.findings == everything.findings
    [update] = everything.findings
    assert update.reason.startswith("f (2022-09-01) says 20, draft (2022-09-15) says 25")
