"""The Markdown and JSON reports: structure, determinism, bolding, escaping, the JSON contract."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date

from test_compare import WAR_2020, article, claim

from factcheck.cli import main

from factcheck.compare import compare
from factcheck.model import Quantity, Unclaimed
from factcheck.report import cell, figure_cell, render_json, render_markdown, trim_quote


def _analysis(draft=None):
    sides_quote = "Almeno 49 soldati armeni e 50 azeri sono morti martedì nei combattimenti."
    claims = [
        claim("002_a.txt", 6500, qualifier="more_than", text="oltre 6'500", event="nk-2020",
              published=date(2023, 10, 11), period=WAR_2020,
              quote="dove si stima che abbiano perso la vita oltre 6'500 persone."),
        claim("004_b.txt", 6000, qualifier="more_than", text="oltre seimila", event="nk-2020",
              published=None, period=WAR_2020,
              quote="combattimenti che hanno causato oltre seimila morti."),
        claim("001_c.txt", 30000, qualifier="approx", text="circa 30.000", event="nk-1990s",
              published=date(2020, 10, 1), source="TASS", source_kind="attributed",
              quote="una guerra che uccise circa 30.000 persone."),
        claim("004_b.txt", 30000, qualifier="approx", text="circa 30.000", event="nk-1990s",
              published=None, quote="Di conseguenza, circa 30.000 persone sono morte."),
        claim("003_d.txt", 100, qualifier="at_most", text="fino a 100", side="total",
              event="clashes-2022", published=date(2022, 9, 14),
              quote="gli scontri hanno provocato fino a 100 morti da entrambe le parti."),
        claim("004_b.txt", 49, qualifier="at_least", text="Almeno 49", side="armenia",
              event="clashes-2022", published=None, quote=sides_quote, quote_start=900),
        claim("004_b.txt", 50, qualifier="at_least", text="50", side="azerbaijan",
              event="clashes-2022", published=None, quote=sides_quote, quote_start=900),
        claim("005_e.txt", 49, side="armenia", event="c", published=date(2022, 9, 13)),
        claim("006_f.txt", 105, side="armenia", event="c", published=date(2022, 9, 14)),
        claim("007_g.txt", 2000, metric="troops", qualifier="approx", text="circa 2000",
              rule="it/troops", event="peacekeeping", published=date(2023, 10, 11)),
    ]
    articles = [article("001_c.txt", date(2020, 10, 1)), article("002_a.txt", date(2023, 10, 11)),
                article("003_d.txt", date(2022, 9, 14), how="inferred"), article("004_b.txt"),
                article("005_e.txt", date(2022, 9, 13)), article("006_f.txt", date(2022, 9, 14)),
                article("007_g.txt", date(2023, 10, 11))]
    analysis = compare(claims, articles, draft=draft)
    q = Quantity(13, 15, "45", "count", 45, 45, 45)
    unclaimed = (Unclaimed("004_b.txt", q, "Ha 45 anni | e due fratelli.", 10),)
    return replace(analysis, unclaimed=unclaimed)


def _sections(md: str) -> list[str]:
    return re.findall(r"^## (.+)$", md, flags=re.M)


def test_markdown_layout_findings_first_rule_authors_last_and_collapsed():
    md = render_markdown(_analysis())
    assert md.startswith("# factcheck report\n\n## Summary\n")
    # a short summary, then the findings; the articles after them; the rule authors' table
    # last, in a collapsed block
    assert _sections(md) == ["Summary", "Findings", "Groups that agree",
                             "Figures nobody else reported", "Articles", "Counts no rule claimed"]
    assert "| article | title |" not in md.split("## Findings")[0]
    rule_authors = md.split("## Counts no rule claimed")[1]
    assert rule_authors.startswith("\n\n<details>\n<summary>For rule authors: numbers that "
                                   "look like counts but that no rule turned into a claim (1)"
                                   "</summary>\n\n| article | number |")
    assert rule_authors.rstrip().endswith("</details>")
    summary = md.split("## Findings")[0]
    assert "- Articles: 7" in summary and "- Claims: 10" in summary
    assert "discrepancy 2" in summary and "update 1" in summary and "agree 1" in summary
    assert "Publication date unknown" in summary and "004" in summary
    assert "inferred" in summary and "003 (2022-09-14)" in summary


def test_findings_show_reason_table_and_chart():
    md = render_markdown(_analysis())
    findings = md.split("## Findings")[1].split("## Groups that agree")[0]
    assert ("002 says more than 6,500, 004 says more than 6,000: both can be true, but they "
            "state different figures.") in findings
    assert findings.index("(medium)") < findings.index("(low)") < findings.index("(info)")
    header = "| article | published | figure as written | interval | source | period | rule |"
    assert findings.count(header) == 3
    # one chart: the update's (49 -> 105); a discrepancy is no timeline
    assert findings.count("```text\n") == 1
    assert "2022-09-13  005      49                      ●\n" in findings
    assert "2022-09-14  006      105                                       ●\n" in findings
    # the per-side sum is shown with its parts
    assert "armenia, summed: ≥ 99" in findings


def test_every_table_row_names_an_article_and_a_rule():
    md = render_markdown(_analysis())
    rows = [ln for ln in md.splitlines() if ln.startswith("| ") and not ln.startswith("| ---")
            and not ln.startswith("| article")]
    claim_rows = [r for r in rows if "`it/" in r]
    assert len(claim_rows) >= 10
    for row in claim_rows:
        assert re.match(r"\| 00\d ", row)


def test_figure_is_bold_inside_its_quote():
    md = render_markdown(_analysis())
    assert "dove si stima che abbiano perso la vita **oltre 6'500** persone." in md
    assert "**Almeno 49** soldati armeni e 50 azeri" in md
    assert "Almeno 49 soldati armeni e **50** azeri" in md


def test_agree_singles_and_unclaimed_sections():
    md = render_markdown(_analysis())
    agree = md.split("## Groups that agree")[1].split("## Figures nobody")[0]
    assert "Agree: deaths · nk-1990s · total" in agree and "**circa 30.000**" in agree
    assert "TASS (attributed)" in agree
    singles = md.split("## Figures nobody else reported")[1].split("## Counts")[0]
    assert "**circa 2000**" in singles and "`it/troops`" in singles
    unclaimed = md.split("## Counts no rule claimed")[1]
    assert "Ha **45** anni \\| e due fratelli." in unclaimed


def test_markdown_and_json_are_deterministic():
    a, b = _analysis(), _analysis()
    assert render_markdown(a) == render_markdown(b)
    assert render_json(a) == render_json(b)
    shuffled = replace(a, articles=tuple(reversed(a.articles)))
    assert render_markdown(shuffled) == render_markdown(a)
    assert not re.search(r"\d\d:\d\d:\d\d", render_markdown(a))


def test_json_contract():
    data = json.loads(render_json(_analysis()))
    assert {"findings", "claims", "articles"} <= set(data)
    assert data["claims"] == 10 and data["articles"] == 7 and data["groups"] >= 5
    f = data["findings"][0]
    assert set(f) == {"verdict", "metric", "event", "side", "subgroup", "reason", "severity",
                      "claims"}
    record = f["claims"][0]
    for key in ("doc", "text", "value", "low", "high", "qualifier", "metric", "who", "side",
                "period_start", "period_end", "event", "source", "quote", "start", "end",
                "published", "rule"):
        assert key in record
    assert data["summary"]["verdicts"]["discrepancy"] == 2
    assert data["summary"]["dates_unknown"] == ["004_b.txt"]
    assert data["singles"][0]["rule"] == "it/troops"
    assert data["unclaimed"][0]["text"] == "45"
    assert [x["verdict"] for x in data["findings"]] == [
        x.verdict for x in _analysis().findings]


def test_draft_report_says_so():
    analysis = _analysis(draft="002_a.txt")
    md = render_markdown(analysis)
    assert "Draft **002**" in md and "only findings that involve the draft" in md
    assert [f.verdict for f in analysis.findings] == ["discrepancy"]
    assert json.loads(render_json(analysis))["draft"] == "002_a.txt"


def test_empty_analysis_renders():
    analysis = compare([], [])
    md = render_markdown(analysis)
    assert "No conflicting figures." in md and md.endswith("None.\n\n</details>\n")
    assert json.loads(render_json(analysis))["findings"] == []


# ---------------------------------------------------------------- cells

def test_cells_escape_pipes_newlines_and_markup():
    assert cell("a | b\nc") == "a \\| b c"
    assert cell("*x* _y_ `z` <b>") == "\\*x\\* \\_y\\_ \\`z\\` &lt;b>"
    assert cell(None) == "—"


def test_long_quotes_are_trimmed_around_the_figure():
    quote = ("parola " * 40) + "oltre 6'500 morti" + (" altro" * 40)
    start = quote.index("oltre")
    before, fig, after = trim_quote(quote, start, start + len("oltre 6'500"), context=30)
    assert fig == "oltre 6'500"
    assert before.startswith("…") and after.endswith("…")
    assert len(before) <= 31 and len(after) <= 31
    rendered = figure_cell(quote, start, start + len("oltre 6'500"))
    assert "**oltre 6'500**" in rendered and rendered.count("…") == 2


def test_bold_figure_with_a_pipe_nearby():
    assert figure_cell("a|b 12 c", 4, 6) == "a\\|b **12** c"


def test_long_tables_are_cut_with_a_pointer_to_the_full_lists():
    from factcheck.report import MAX_ROWS

    n = MAX_ROWS + 37
    claims = [claim(f"{i:04d}.txt", 10 + i, metric="troops", rule="it/troops", event=f"e{i}",
                    published=date(2023, 1, 1)) for i in range(n)]
    analysis = compare(claims, [article(f"{i:04d}.txt", date(2023, 1, 1)) for i in range(n)])
    md = render_markdown(analysis)
    assert f"- Figures nobody else reported: {n}" in md  # the summary counts everything
    assert md.count("`it/troops`") == MAX_ROWS  # the table lists MAX_ROWS of them
    assert "… and 37 more figures, not listed here" in md
    assert "… and 37 more articles, not listed here" in md
    assert len(json.loads(render_json(analysis))["singles"]) == n  # JSON keeps them all


def test_a_finding_with_many_figures_lists_the_named_ones_the_drafts_and_the_latest():
    from factcheck.report import MAX_FIGURES

    # 30 archive reports of the same toll, on different days, and a draft that agrees
    claims = [claim(f"{i:03d}_a.txt", 2400, published=date(2023, 1, 1 + i)) for i in range(30)]
    claims.append(claim("draft.txt", 2400, published=date(2023, 2, 15)))
    analysis = compare(claims, [], draft="draft.txt")
    [agree] = analysis.findings
    assert len(agree.claims) == 31
    block = render_markdown(analysis).split("## Groups that agree")[1].split("## Figures")[0]
    rows = [line.split(" | ")[0].strip("| ") for line in block.splitlines()
            if line.startswith("| ") and "`it/deaths`" in line]
    assert len(rows) == MAX_FIGURES
    # the first and last the reason names, the draft, then the most recent reports
    assert rows == ["000", *[f"{i:03d}" for i in range(20, 30)], "draft"]
    assert "… and 19 more figures of this finding, not listed here" in block
    assert len(json.loads(render_json(analysis))["findings"][0]["claims"]) == 31


def test_a_draft_against_a_large_archive_lists_the_articles_its_findings_cite():
    from factcheck.report import MAX_ROWS

    n = MAX_ROWS + 50
    claims = [claim(f"{i:04d}.txt", 10 + i, metric="troops", rule="it/troops", event=f"e{i}",
                    published=date(2023, 1, 1)) for i in range(n)]
    claims.append(claim("zz_draft.txt", 10 + n - 1, metric="troops", rule="it/troops",
                        event=f"e{n - 1}", published=date(2023, 1, 1)))
    docs = [f"{i:04d}.txt" for i in range(n)] + ["zz_draft.txt"]
    analysis = compare(claims, [article(d, date(2023, 1, 1)) for d in docs], draft="zz_draft.txt")
    md = render_markdown(analysis)
    listed = [line for line in md.split("## Articles")[1].splitlines()
              if line.startswith("| ") and "Title of" in line]
    assert len(listed) == MAX_ROWS
    assert "Title of zz\\_draft.txt" in listed[-1]  # the draft, and the article it agrees with
    assert f"Title of {n - 1:04d}.txt" in listed[-2]
    assert "… and 51 more articles, not listed here" in md


# ---------------------------------------------------------------- charts

CHART = """\
```text
deaths · landslide · Valcorvo · April 2024 · total: the figures over time

published   article  figure       0                 700              1,400
2024-04-06  frana_2  centinaia          ├─────────────────────┤
2024-04-09  frana_3  1.127                                       ●
2024-04-12  frana_4  oltre 1.200                                   ├─────▶
                                  └───────────────────────────────────────┘
                                  x: deaths (people), 0 to 1,400; rows: reports by publication date, to its precision

● a figure as stated  ├──┤ a range (both ends stated)  ├──▶ a lower bound (more than, at least: no upper end)
```
"""


def test_a_timeline_is_charted_with_bounds_as_bounds_and_vague_words_as_ranges(
        capsys, shared_datadir):
    # a landslide's toll over four days: "almeno 12", "centinaia", "1.127", "oltre 1.200"
    assert main(["check", str(shared_datadir / "charts")]) == 0
    md = capsys.readouterr().out
    update = md.split("Update: deaths")[1].split("## Groups that agree")[0]
    # "centinaia" is its range (200-999) and "oltre 1.200" opens to the right: no midpoint
    # of either is drawn; axes and dates are labelled
    assert update.split("\n\n", 3)[-1].strip() + "\n" == CHART


def test_figures_that_disagree_are_not_charted(capsys, shared_datadir):
    # "almeno 12" then "centinaia" three days later is a jump (a discrepancy), not a count
    # over time: a chart of it would suggest a trend
    main(["check", str(shared_datadir / "charts")])
    md = capsys.readouterr().out
    jump = md.split("### 1. Discrepancy")[1].split("### 2.")[0]
    assert "multiplied by 50" in jump and "```" not in jump


def test_report_dates_say_what_is_known_of_them():
    """A date known to the month is no 1st of it; an inferred one only bounds the report
    from below; a year-known one is its year."""
    from factcheck.report import date_text, published_cell

    d = date(2017, 1, 1)
    assert date_text(d, replace(article("a", d), published_precision="month")) == "2017-01"
    assert date_text(d, replace(article("a", d), published_precision="year")) == "2017"
    assert date_text(date(2023, 5, 16), article("a", date(2023, 5, 16), how="inferred")) \
        == "on or after 2023-05-16"
    assert date_text(date(2023, 5, 16), article("a", date(2023, 5, 16))) == "2023-05-16"
    arts = {"a": article("a", date(2023, 5, 16), how="inferred")}
    assert published_cell("a", None, arts) == "on or after 2023-05-16"


def test_a_running_count_at_times_not_all_known_is_charted_in_its_order_undated_rows_too():
    # three outlets, two undated: the chart shows every figure in the order the count would
    # rise in, each report's date to what is known of it
    cl = [claim("a.txt", 41, published=None), claim("b.txt", 17, published=date(2022, 9, 14)),
          claim("c.txt", 29, published=None)]
    arts = [article("a.txt"), article("b.txt", date(2022, 9, 14)), article("c.txt")]
    md = render_markdown(compare(cl, arts))
    findings = md.split("## Findings")[1]
    assert "consistent with a rising count only in this order" in findings
    chart = findings.split("```text\n")[1].split("```")[0]
    rows = [ln for ln in chart.splitlines() if ln.startswith(("2022", "undated"))]
    assert [r.split()[:3] for r in rows] == [["2022-09-14", "b", "17"], ["undated", "c", "29"],
                                            ["undated", "a", "41"]]
    assert "rows: in the finding's order, each report's date to its precision" in chart


def test_a_findings_table_lists_the_peers_of_its_figures():
    # three reports of 40 on the 1st, one of 35 on the 5th: the fall's table has all four
    day = date(2022, 9, 1)
    cl = [claim(f"00{i}_x.txt", 40, published=day, event="war") for i in range(3)] + \
        [claim("009_x.txt", 35, published=date(2022, 9, 5), event="war")]
    md = render_markdown(compare(cl, [article(c.doc) for c in cl]))
    block = md.split("## Findings")[1].split("## Groups that agree")[0].split("\n### ")[1]
    assert "Also stating 40: 001, 002." in block
    assert sum(1 for line in block.splitlines() if line.startswith("| 00")) == 4
