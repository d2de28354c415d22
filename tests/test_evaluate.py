"""`factcheck evaluate`: gold files in, scores out; bad gold lines are exit 2 with file:line."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.evaluate import (event_consistency, interval_right, match_claims, period_right,
                                side_right, source_right, verdict_scores)
from factcheck.gold import GoldClaim, GoldGroup, _occurrence, parse_period, prose_text
from factcheck.model import Claim, Finding, Quantity


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["evaluate", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _paths(d) -> list[str]:
    return [str(d / "articles"), "--gold", str(d / "gold.claims.jsonl")]


# ---------------------------------------------------------------- the command


def test_scores_every_gold_figure_of_the_fixture(shared_datadir, capsys):
    d = shared_datadir / "evaluate"
    code, out, _ = _run(capsys, *_paths(d), "--format", "json")
    assert code == 0
    r = json.loads(out)
    strict = r["claims"]["strict"]
    # the title's "almeno 12" and the body's are two figures; "12 ore" is none
    assert (strict["gold"], strict["predicted"], strict["tp"]) == (7, 7, 7)
    assert (strict["precision"], strict["recall"], strict["f1"]) == (1.0, 1.0, 1.0)
    assert r["claims"]["by_metric"]["missing"]["strict"]["gold"] == 2
    assert set(r["claims"]["by_language"]) == {"it", "en"}
    assert r["claims"]["by_language"]["en"]["strict"]["gold"] == 2
    assert r["missed"] == [] and r["false_positives"] == [] and r["wrong"] == []
    assert r["attributes"]["source"] == {"accuracy": 1.0, "right": 7, "total": 7}
    assert r["attributes"]["period"]["right"] == 7
    assert r["attributes"]["event"]["splits"] == 0 and r["attributes"]["event"]["merges"] == 0
    assert "verdicts" not in r  # no --groups


def test_groups_give_verdict_scores(shared_datadir, capsys):
    d = shared_datadir / "evaluate"
    code, out, _ = _run(capsys, *_paths(d), "--groups", str(d / "gold.groups.json"),
                        "--format", "json")
    assert code == 0
    v = json.loads(out)["verdicts"]
    assert v["groups"] == 3
    assert v["by_expect"] == {"contradiction": 1, "update": 2}
    assert v["flag_recall"]["total"] == 3
    assert v["contradiction_recall"]["total"] == 1
    assert v["flags"] == v["flag_precision"]["total"]
    # every finding that is not listed as a false alarm covers a flagged group
    assert len(v["false_alarms"]) == v["flags"] - v["flag_precision"]["right"]


def test_findings_among_articles_nobody_annotated_are_not_judged(shared_datadir, capsys):
    d = shared_datadir / "evaluate"
    gold = d / "a_and_b.claims.jsonl"  # c.md read, but not annotated
    gold.write_text("".join(line for line in (d / "gold.claims.jsonl").read_text("utf-8")
                            .splitlines(keepends=True) if '"c.md"' not in line), "utf-8")
    groups = d / "a_and_b.groups.json"
    data = json.loads((d / "gold.groups.json").read_text("utf-8"))
    data["groups"] = [g for g in data["groups"] if "c.md" not in g["docs"]]
    groups.write_text(json.dumps(data), "utf-8")
    code, out, _ = _run(capsys, str(d / "articles"), "--gold", str(gold), "--groups", str(groups),
                        "--format", "json")
    full = json.loads(_run(capsys, *_paths(d), "--groups", str(d / "gold.groups.json"),
                           "--format", "json")[1])["verdicts"]
    v = json.loads(out)["verdicts"]
    assert code == 0 and v["findings_not_judged"] >= 1
    assert v["findings"] + v["findings_not_judged"] == full["findings"]
    assert not any("c: " in fig for f in v["false_alarms"] for fig in f["figures"])


def test_markdown_leads_with_the_headline(shared_datadir, capsys):
    d = shared_datadir / "evaluate"
    code, out, _ = _run(capsys, *_paths(d), "--groups", str(d / "gold.groups.json"))
    assert code == 0
    assert out.startswith("# factcheck evaluation\n\n3 annotated articles, 7 gold figures")
    for heading in ("## Headline", "## Claims by metric", "## Claims by language",
                    "## Claims by article", "## Missed figures (0)", "## Verdicts",
                    "### False alarms"):
        assert heading in out
    assert "| claims strict P / R / F1 | 1.000 / 1.000 / 1.000 |" in out


def test_a_threshold_missed_exits_1_and_says_which(shared_datadir, capsys):
    d = shared_datadir / "evaluate"
    code, _, err = _run(capsys, *_paths(d), "--min-f1", "0.9", "-o", str(d / "r.md"))
    assert code == 0 and err.count("wrote") == 1
    code, _, err = _run(capsys, *_paths(d), "--format", "json", "--min-f1", "1.01")
    assert code == 1
    assert "claims strict F1 1.000 is below --min-f1 1.01" in err


def test_verdict_thresholds_need_groups(shared_datadir, capsys):
    code, _, err = _run(capsys, *_paths(shared_datadir / "evaluate"), "--min-flag-recall", "0.5")
    assert code == 2 and "need --groups" in err


def test_bad_gold_lines_are_named_by_file_and_line(shared_datadir, capsys):
    d = shared_datadir / "evaluate"
    bad = d / "bad.claims.jsonl"
    code, out, err = _run(capsys, str(d / "articles"), "--gold", str(bad))
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert f"factcheck: error: {bad}:2: article 'z.md' is not among the articles read" in lines
    assert f"factcheck: error: {bad}:4: number '17' does not occur in a.md" in lines
    assert any(line.startswith(f"factcheck: error: {bad}:5: bound 'roughly' is not one of")
               for line in lines)
    assert any(line.startswith(f"factcheck: error: {bad}:6: not JSON") for line in lines)
    assert not any(f"{bad}:1:" in line or f"{bad}:3:" in line for line in lines)
    assert "Traceback" not in err


def test_a_group_figure_that_is_no_gold_claim_is_named(shared_datadir, capsys):
    d = shared_datadir / "evaluate"
    groups = d / "bad.groups.json"
    groups.write_text('{"groups": [\n  {"docs": ["a.md", "b.md"], "numbers": ["5", "7"],\n'
                      '   "expect": "update"}\n]}\n', encoding="utf-8")
    code, _, err = _run(capsys, *_paths(d), "--groups", str(groups))
    assert code == 2
    assert f"{groups}:2: group 1: '7' (occurrence 1) in b.md is not a gold claim" in err


def test_a_gold_folder_reads_every_claims_file(shared_datadir, capsys, tmp_path):
    d = shared_datadir / "evaluate"
    gold = tmp_path / "gold"
    gold.mkdir()
    lines = (d / "gold.claims.jsonl").read_text("utf-8").splitlines(keepends=True)
    (gold / "one.claims.jsonl").write_text("".join(lines[:3]), "utf-8")
    (gold / "two.claims.jsonl").write_text("".join(lines[3:]), "utf-8")
    (gold / "notes.md").write_text("not gold", "utf-8")
    code, out, _ = _run(capsys, str(d / "articles"), "--gold", str(gold), "--format", "json")
    assert code == 0 and json.loads(out)["claims"]["strict"]["gold"] == 7


# ---------------------------------------------------------------- gold files


def test_a_figure_is_a_whole_token_of_the_prose():
    text = "url: https://x.org/29-morti\n---\nLe 299 vittime. Morti 29 persone, altre 3."
    prose = prose_text(text, [(text.index("Le"), len(text))])
    assert prose.index("Le") == text.index("Le")  # offsets unchanged
    assert _occurrence(prose, "29", 1) == (text.index(" 29 ") + 1, text.index(" 29 ") + 3)
    assert _occurrence(prose, "29", 2) is None
    assert _occurrence(prose, "tre", 1) is None  # not inside "altre"
    assert _occurrence("Almeno 95persone", "Almeno 95", 1) == (0, 9)  # glued on a scraped page


def test_periods_are_spans_of_days():
    assert parse_period("2017-01-20") == (date(2017, 1, 20), date(2017, 1, 20))
    assert parse_period("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert parse_period("2016") == (date(2016, 1, 1), date(2016, 12, 31))
    assert parse_period("2017-01-18/2017-01") == (date(2017, 1, 18), date(2017, 1, 31))
    with pytest.raises(ValueError):
        parse_period("20 gennaio 2017")
    with pytest.raises(ValueError):
        parse_period("2017-02/2017-01")


# ---------------------------------------------------------------- scoring


def _gold(id_: int, start: int, end: int, *, value: float = 10, bound: str = "exact",
          metric: str = "deaths", doc: str = "a", high: float | None = None,
          event: str | None = "e1", source: str | None = None,
          period: tuple[date, date] | None = None) -> GoldClaim:
    return GoldClaim(id=id_, where=f"g:{id_ + 1}", doc=doc, number="x", start=start, end=end,
                     value=value, bound=bound, high=high, metric=metric, who=None, side="total",
                     subgroup=None, period=period, event=event, source=source,
                     status="counted", parent=None)


def _q(low: float | None, high: float | None, qualifier: str = "exact", start: int = 0,
       end: int = 2, value: float | None = None) -> Quantity:
    v = value if value is not None else (low if low is not None else high)
    return Quantity(start, end, "x", "count", v, low, high, qualifier)


def _claim(start: int, end: int, *, metric: str = "deaths", doc: str = "a", value: float = 10,
           event: str | None = "p1", rule: str = "it/deaths", source: str | None = None,
           source_kind: str | None = "outlet", period: tuple[date, date] | None = None
           ) -> Claim:
    return Claim(doc=doc, metric=metric, quantity=_q(value, value, start=start, end=end),
                 rule=rule, quote="q", quote_start=0, event=event, source=source,
                 source_kind=source_kind, period_start=period[0] if period else None,
                 period_end=period[1] if period else None)


@pytest.mark.parametrize("bound, value, high, q, right", [
    ("exact", 29, None, _q(29, 29), True),
    ("exact", 29, None, _q(29, None, "at_least"), False),
    ("min", 6500, None, _q(6500, None, "more_than"), True),
    ("min", 6500, None, _q(6500, 6500), False),
    ("max", 100, None, _q(0, 100, "at_most"), True),
    ("max", 100, None, _q(None, 100, "less_than"), True),
    ("approx", 2000, None, _q(1800, 2200, "approx", value=2000), True),
    ("approx", 2000, None, _q(2000, 2000), False),
    ("range", 30, 40, _q(30, 40, "range"), True),
    ("range", 30, 40, _q(30, 30), False),
    ("vague-hundreds", 100, None, _q(200, 999, "vague", value=100), True),
    ("vague-hundreds", 100, None, _q(2000, 9999, "vague", value=1000), False),
    ("vague-thousands", 1000, None, _q(2000, 9999, "vague", value=1000), True),
    ("vague-tens", 10, None, _q(24, 99, "exact", value=10), False),
])
def test_interval_right_for_each_gold_bound(bound, value, high, q, right):
    assert interval_right(_gold(0, 0, 2, value=value, bound=bound, high=high), q) is right


def test_one_figure_read_twice_is_one_match_and_one_false_positive():
    g = [_gold(0, 10, 12, metric="wounded")]
    deaths, wounded = _claim(10, 12, metric="deaths"), _claim(10, 12, metric="wounded",
                                                              rule="it/wounded")
    matches, missed, extra = match_claims(g, [deaths, wounded])
    assert [(m.pred.metric, m.strict) for m in matches] == [("wounded", True)]
    assert missed == [] and extra == [deaths]


def test_overlap_matches_a_figure_read_without_its_qualifier():
    g = [_gold(0, 0, 9, value=12, bound="min")]  # "almeno 12"
    (m,), missed, extra = match_claims(g, [_claim(7, 9, value=12)])
    assert not m.strict and missed == [] and extra == []


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 5)), max_size=8),
       st.lists(st.tuples(st.integers(0, 30), st.integers(1, 5),
                          st.sampled_from(["deaths", "missing"])), max_size=8))
def test_matching_is_one_to_one_and_accounts_for_everything(golds, preds):
    gold = [_gold(i, s, s + n) for i, (s, n) in enumerate(golds)]
    pred = [_claim(s, s + n, metric=m, rule=f"r{i}") for i, (s, n, m) in enumerate(preds)]
    matches, missed, extra = match_claims(gold, pred)
    assert len({m.gold.id for m in matches}) == len(matches)
    assert len({id(m.pred) for m in matches}) == len(matches)
    assert len(matches) + len(missed) == len(gold)
    assert len(matches) + len(extra) == len(pred)
    assert all(min(m.gold.end, m.pred.end) > max(m.gold.start, m.pred.start) for m in matches)


def test_sides_and_areas():
    assert side_right("total", "total") and side_right(None, None)
    assert not side_right("total", None)
    assert side_right("area:provincia-di-rieti", "area:rieti")
    assert not side_right("area:rieti", "area:ascoli")
    assert side_right("Ukraine", "ukraine")


def test_sources_compare_as_noun_phrases():
    said = lambda s: _claim(0, 2, source=s, source_kind="attributed")  # noqa: E731
    assert source_right("la Protezione civile", said("Protezione civile"))
    assert source_right("the regional civil protection agency",
                        said("regional civil protection agency"))
    assert not source_right("l'ufficio di medicina legale", said("ufficio"))
    assert not source_right("la Protezione civile", _claim(0, 2, source="ANSA"))  # the outlet
    assert source_right(None, _claim(0, 2, source="ANSA", source_kind="outlet"))
    assert not source_right(None, said("la polizia"))


def test_periods_overlap():
    g = (date(2017, 1, 18), date(2017, 1, 20))
    assert period_right(g, _claim(0, 2, period=(date(2017, 1, 20), date(2017, 1, 20))))
    assert not period_right(g, _claim(0, 2, period=(date(2017, 1, 21), date(2017, 1, 21))))
    assert not period_right(g, _claim(0, 2))
    assert period_right(None, _claim(0, 2)) is None


def test_a_gold_event_split_and_two_merged_are_both_errors():
    from factcheck.evaluate import Match

    gold = [_gold(i, i, i + 1, event=e) for i, e in enumerate(["e1", "e1", "e1", "e2", "e3"])]
    pred = [_claim(i, i + 1, event=p) for i, p in enumerate(["p1", "p1", "p2", "p3", "p3"])]
    r = event_consistency([Match(g, c) for g, c in zip(gold, pred)])
    # e1's two p1s; p3 belongs to e2 (a tie, by name), so e3's figure there is wrong
    assert (r["right"], r["total"]) == (3, 5)
    assert (r["splits"], r["merges"]) == (1, 1)
    assert {"kind": "split", "gold_event": "e1", "predicted": {"p1": 2, "p2": 1}} in r["errors"]
    assert {"kind": "merged", "predicted_event": "p3", "gold": {"e2": 1, "e3": 1}} in r["errors"]


def test_a_stray_figure_merged_into_a_story_is_wrong_and_the_storys_stay_right():
    from factcheck.evaluate import Match

    events = ["quake"] * 4 + ["old-quake"]  # a background figure of an earlier quake
    gold = [_gold(i, i, i + 1, event=e) for i, e in enumerate(events)]
    pred = [_claim(i, i + 1, event="p") for i in range(5)]
    r = event_consistency([Match(g, c) for g, c in zip(gold, pred)])
    assert (r["right"], r["total"], r["merges"]) == (4, 5, 1)


def _finding(verdict: str, *claims: Claim) -> Finding:
    return Finding(verdict, "deaths", "e", "total", f"{verdict} reason", "high", claims)


def test_verdicts_covered_missed_and_false_alarms():
    a1, b1, c1 = _claim(0, 2, doc="a"), _claim(0, 2, doc="b"), _claim(0, 2, doc="c")
    a2, b2 = _claim(5, 7, doc="a"), _claim(5, 7, doc="b")
    gold = {i: _gold(i, s, s + 2, doc=d, value=10 + s) for i, (d, s) in
            enumerate([("a", 0), ("b", 0), ("c", 0), ("a", 5), ("b", 5)])}
    gold_of_pred = {("a", 0, 2, "deaths", "it/deaths"): 0, ("b", 0, 2, "deaths", "it/deaths"): 1,
                    ("c", 0, 2, "deaths", "it/deaths"): 2, ("a", 5, 7, "deaths", "it/deaths"): 3,
                    ("b", 5, 7, "deaths", "it/deaths"): 4}
    groups = [GoldGroup("g:1", (0, 1), ("a", "b"), "e", "deaths", "total", "contradiction", ""),
              GoldGroup("g:2", (1, 2), ("b", "c"), "e", "deaths", "total", "agree", ""),
              GoldGroup("g:3", (3, 4), ("a", "b"), "e", "deaths", "total", "trap", ""),
              GoldGroup("g:4", (0, 2), ("a", "c"), "e", "deaths", "total", "update", "")]
    findings = [_finding("contradiction", a1, b1),      # right
                _finding("contradiction", b1, c1),      # calls an agreement a contradiction
                _finding("agree", a2, b2),              # puts a trap in one finding
                _finding("possible contradiction", a2, b2)]  # a flag, not a certain one
    v = verdict_scores(findings, groups, gold_of_pred, gold, {})
    assert v["contradiction_precision"] == {"value": 0.5, "right": 1, "total": 2}
    assert v["contradiction_recall"]["value"] == 1.0
    assert v["flag_recall"] == {"value": 0.5, "right": 1, "total": 2}  # the update is missed
    assert v["flag_precision"] == {"value": 1 / 3, "right": 1, "total": 3}
    assert v["possible_contradictions"] == 1
    assert v["contradiction_precision_with_possible"] == {"value": 1 / 3, "right": 1, "total": 3}
    assert v["quiet_called_contradiction"] == 1 and v["traps_in_one_finding"] == 1
    assert [g["where"] for g in v["missed_groups"]] == ["g:4"]
    assert [f["reason"] for f in v["false_contradictions"]] == ["contradiction reason"]


def test_a_restated_figure_covers_its_group_as_the_first_statement_would():
    # a.md states 10 in its headline (gold 0) and again in its body (gold 1); the group names
    # the body's, the finding holds the headline's: the same figure of the same article
    gold = {0: _gold(0, 0, 2, doc="a"), 1: _gold(1, 20, 22, doc="a"), 2: _gold(2, 0, 2, doc="b",
                                                                                 value=12)}
    groups = [GoldGroup("g:1", (1, 2), ("a", "b"), "e", "deaths", "total", "update", "")]
    a_head, b = _claim(0, 2, doc="a"), _claim(0, 2, doc="b", value=12)
    of_pred = {("a", 0, 2, "deaths", "it/deaths"): 0, ("b", 0, 2, "deaths", "it/deaths"): 2}
    v = verdict_scores([_finding("update", a_head, b)], groups, of_pred, gold, {})
    assert v["flag_recall"]["value"] == 1.0


def test_a_figure_and_its_peers_are_one_side_of_a_contradiction():
    # a and b both say 10 (a quiet group), c says 12: a contradiction of a's 10 against c's
    # 12 naming b as a's peer does not call a against b; one setting a against b does
    from factcheck.verdicts.figure import Figure

    gold = {i: _gold(i, 0, 2, doc=d, value=v) for i, (d, v) in enumerate(
        [("a", 10), ("b", 10), ("c", 12)])}
    a, b, c = (_claim(0, 2, doc=d, value=v) for d, v in (("a", 10), ("b", 10), ("c", 12)))
    of_pred = {(d, 0, 2, "deaths", "it/deaths"): i for i, d in enumerate("abc")}
    fa, fb, fc = (Figure((x,), "claim", v, v, v, ("=", v), None) for x, v in
                  ((a, 10), (b, 10), (c, 12)))
    groups = [GoldGroup("g:1", (0, 1), ("a", "b"), "e", "deaths", "total", "agree", "")]
    peers = replace(_finding("contradiction", a, c, b), figures=(fa, fc), peers=((fb,), ()))
    assert verdict_scores([peers], groups, of_pred, gold, {})["quiet_called_contradiction"] == 0
    against = replace(_finding("contradiction", a, b), figures=(fa, fb))
    assert verdict_scores([against], groups, of_pred, gold, {})["quiet_called_contradiction"] == 1


def test_context_errors_name_what_is_wrong_gold_beside_predicted():
    from factcheck.evaluate import Match, context_errors

    g = _gold(0, 0, 2, source="la protezione civile",
              period=(date(2024, 3, 4), date(2024, 3, 6)))
    right = _claim(0, 2, source="protezione civile", source_kind="attributed",
                   period=(date(2024, 3, 6), date(2024, 3, 6)))
    assert context_errors(Match(g, replace(right, side="total"))) is None
    wrong = replace(right, side="armenia", source="ANSA", source_kind="outlet",
                    period_start=date(2024, 3, 9), period_end=date(2024, 3, 9))
    e = context_errors(Match(g, wrong))
    assert e["side"] == {"gold": "total", "predicted": "armenia"}
    assert e["source"] == {"gold": "la protezione civile", "predicted": "ANSA",
                           "predicted_kind": "outlet"}
    assert e["period"]["gold"] == ["2024-03-04", "2024-03-06"]
    assert e["period"]["predicted"] == ["2024-03-09", "2024-03-09"]
    assert "status" not in e and "subgroup" not in e
