"""Verdict cases: claims in, verdicts out, one case file per verdict module
(tests/data/verdicts/<name>.toml, plus identity.toml for what is compared at all); and the
cues that make a later figure a correction (rules/verdicts.toml [corrections]), with their
examples."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from factcheck.compare import compare, load_verdicts
from factcheck.model import Article, Claim, Quantity
from factcheck.verdicts import VERDICTS
from factcheck.verdicts.correction import correction_cues
from factcheck.verdicts.revision import told_first

CASE_DIR = Path(__file__).parent / "data" / "verdicts"
CASES = [(p.stem, case) for p in sorted(CASE_DIR.glob("*.toml"))
         for case in tomllib.loads(p.read_text("utf-8"))["case"]]
DAY = date(2024, 3, 5)


def test_every_verdict_has_its_case_file():
    files = {p.stem for p in CASE_DIR.glob("*.toml")}
    assert set(VERDICTS) <= files
    assert files - set(VERDICTS) == {"identity"}  # what is compared at all


def build(spec: dict) -> tuple[Claim, Article]:
    """A claim and its article from a case's compact claim."""
    doc = spec["doc"] + ".txt"
    value = spec["value"]
    text = spec.get("text", str(value))
    quote = spec.get("quote", f"In {doc}, {text} people died.")
    where = quote.find(text) if text in quote else 0
    qual = spec.get("qualifier", "exact")
    low, high = (value, None) if qual in ("more_than", "at_least") else (value, value)
    high = spec.get("high", high)  # a range or a vague word: its upper end
    if qual == "at_most":
        low = 0
    band = spec.get("band", (None, None))  # the number reader's band ("una decina": 8-14)
    # as the number reader reads them: "more than 60" excludes 60, "fewer than 60" too
    q = Quantity(where, where + len(text), text, "count", value, low, high, qual, band[0],
                 band[1], low_exclusive=qual == "more_than", high_exclusive=qual == "less_than")
    published = None if spec.get("undated") else spec.get("published", DAY)
    period = spec.get("period")
    c = Claim(doc, spec.get("metric", "deaths"), q, "en/deaths", quote, 0,
              side=spec.get("side", "total"), event=spec.get("event", "flood-2024") or None,
              period_start=period[0] if period else None,
              period_end=period[1] if period else None,
              period_how=spec.get("period_how", "explicit" if period else None),
              source=spec.get("source"), source_kind="attributed" if "source" in spec else None,
              published=published, lang=spec.get("lang", "en"),
              status=spec.get("status", "counted"), subgroup=spec.get("subgroup"),
              parent=spec.get("parent"), source_party=spec.get("party"))
    if spec.get("ambiguous"):
        c = Claim(**{**{f: getattr(c, f) for f in c.__slots__},
                     "quantity": Quantity(**{**{f: getattr(q, f) for f in q.__slots__},
                                             "ambiguous": True})})
    # a figure with no date of its own in a report dated only by inference ("report": its
    # lower bound; "how" and "precision" say how it is known)
    a = Article(doc, doc, "", (), published=spec.get("report", published),
                published_how=spec.get("how", "metadata"),
                published_precision=spec.get("precision", "day"))
    return c, a


@pytest.mark.parametrize("case", [c for _, c in CASES],
                         ids=[f"{name}: {c['about'][:60]}" for name, c in CASES])
def test_verdict_case(case):
    built = [build(s) for s in case["claims"]]
    articles = list({a.id: a for _, a in built}.values())
    findings = compare([c for c, _ in built], articles).findings
    assert [f.verdict for f in findings] == case["verdicts"], [f.reason for f in findings]
    if "severities" in case:
        assert [f.severity for f in findings] == case["severities"]
    if "reason" in case:
        assert case["reason"] in findings[0].reason
    for i, reason in enumerate(case.get("reasons", [])):  # one per finding, in order
        assert reason in findings[i].reason
    for i, docs in enumerate(case.get("peers", [])):  # each finding's peers, in order
        peers = [p for ps in findings[i].peers for p in ps]
        assert [p.doc for p in peers] == [d + ".txt" for d in docs]
        assert {c.doc for p in peers for c in p.claims} <= {c.doc for c in findings[i].claims}


CUES = load_verdicts()["corrections"]


@pytest.mark.parametrize("ex", CUES["examples"], ids=lambda e: e["text"][:50])
def test_correction_cue_example(ex):
    assert correction_cues(load_verdicts())[ex["lang"]].search(ex["text"])


@pytest.mark.parametrize("ex", CUES["counter_examples"], ids=lambda e: e["text"][:50])
def test_correction_cue_counter_example(ex):
    assert not correction_cues(load_verdicts())[ex["lang"]].search(ex["text"])


def _told(ex: dict) -> bool:
    """Whether the example's number, read as a figure of its sentence, is told first."""
    text, number = ex["text"], ex["number"]
    at = text.index(number)
    q = Quantity(at, at + len(number), number, "count", float(number), float(number),
                 float(number), "exact", None, None)
    c = Claim("a.txt", "deaths", q, "x", text, 0, lang=ex["lang"])
    return told_first(c, load_verdicts())


@pytest.mark.parametrize("ex", CUES["original_examples"], ids=lambda e: e["text"][:50])
def test_original_example(ex):
    assert _told(ex)


@pytest.mark.parametrize("ex", CUES["original_counter_examples"], ids=lambda e: e["text"][:50])
def test_original_counter_example(ex):
    assert not _told(ex)


# ---------------------------------------------------------------- the CLI: gates and --rules

GOLDEN = Path(__file__).parent / "data" / "golden"


# a running count (Monday's landslide, counted as the days go): 12 against ``other`` dead
RUNNING = {"a.md": "La frana di lunedì a Valcorvo ha causato 12 morti, ha confermato la prefettura.",
           "b.md": "La frana che lunedì ha travolto Valcorvo ha causato 31 morti, secondo la "
                   "prefettura."}


def _articles(tmp_path: Path, published: str, other: str = "31", running: bool = False) -> Path:
    """The golden landslide articles (final tolls: 12 against 31 dead), with another
    publication date (and ``other`` for the 31); ``running``: a running count of Monday's
    landslide instead."""
    out = tmp_path / "articles"
    out.mkdir()
    for f in (GOLDEN / "contradiction" / "articles").iterdir():
        text = f.read_text("utf-8").replace("published: 2024-03-06", f"published: {published}")
        if running:
            text = text.split("---\n")[0] + "---\n" + text.split("---\n")[1] + "---\n" \
                + RUNNING[f.name] + "\n"
        (out / f.name).write_text(text.replace("31 morti", f"{other} morti"), "utf-8")
    return out


@pytest.mark.parametrize("published, other, running, fail_on, code", [
    ("2024-03-06", "31", False, "contradiction", 1),  # final tolls: certain
    ("2024-03-06", "31", False, "possible", 1),
    ("2024-03-06", "60", False, "contradiction", 0),  # five times the other: identity only possible
    ("2024-03-06", "60", False, "possible", 1),
    ("2024-03-06", "60", False, "never", 0),
    ("2024-03-06", "31", True, "contradiction", 0),   # a running count the same day: the
    ("2024-03-06", "31", True, "possible", 0),        # lower may be the morning's: both true
    ("2024-03", "31", True, "contradiction", 0),      # known to the month: order not known,
    ("2024-03", "31", True, "possible", 0),           # the lower may be the earlier: nothing
])
def test_fail_on_gates_certain_and_possible_contradictions(tmp_path, capsys, published, other,
                                                           running, fail_on, code):
    from factcheck.cli import main

    folder = _articles(tmp_path, published, other, running)
    assert main(["check", str(folder), "--jobs", "1", "--fail-on", fail_on]) == code
    report = capsys.readouterr().out
    if other == "60":
        assert "Possible contradiction" in report
        assert "Not certain: one figure is 5 times the other" in report
    if running and published == "2024-03-06":
        assert "both can be true: both reports are of the same day" in report
    if published == "2024-03":  # one prefecture's running count, the order not known
        assert "Possible contradiction" not in report
        assert "the order is not known" not in report and "cannot both be true" not in report


def test_an_edited_verdicts_toml_under_rules_changes_the_report(tmp_path, capsys):
    import shutil

    from factcheck.cli import main
    from factcheck.paths import rules_dir

    rules = tmp_path / "rules"
    shutil.copytree(rules_dir(), rules)
    data = (rules / "verdicts.toml").read_text("utf-8")
    (rules / "verdicts.toml").write_text(data.replace(
        'contradiction = "{a}, {b}: the two cannot both be true at the same time."',
        'contradiction = "{a}, {b}: THESE CLASH."'), "utf-8")
    folder = GOLDEN / "contradiction" / "articles"
    main(["check", str(folder), "--jobs", "1", "--rules", str(rules)])
    assert "THESE CLASH." in capsys.readouterr().out
    main(["check", str(folder), "--jobs", "1"])
    assert "THESE CLASH." not in capsys.readouterr().out


def test_an_edited_verdict_setting_under_rules_changes_the_verdict_of_check(tmp_path, capsys):
    """``--rules`` means the same in the comparison as in the report: a tolerance edited in a
    copy of verdicts.toml ([scale] factor: 12 and 31 dead are 2.6 times apart) turns the
    golden certain contradiction into a possible one, and ``--fail-on contradiction`` with it."""
    import shutil

    from factcheck.cli import main
    from factcheck.paths import rules_dir

    rules = tmp_path / "rules"
    shutil.copytree(rules_dir(), rules)
    data = (rules / "verdicts.toml").read_text("utf-8")
    assert "[scale]\nfactor = 5.0" in data
    (rules / "verdicts.toml").write_text(data.replace("[scale]\nfactor = 5.0",
                                                      "[scale]\nfactor = 2.0"), "utf-8")
    folder = GOLDEN / "contradiction" / "articles"
    args = ["check", str(folder), "--jobs", "1", "--fail-on", "contradiction"]
    assert main(args) == 1
    assert "Possible contradiction" not in capsys.readouterr().out
    assert main([*args, "--rules", str(rules)]) == 0
    report = capsys.readouterr().out
    assert "Possible contradiction" in report and "2.6 times the other" in report
