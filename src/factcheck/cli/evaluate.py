"""`factcheck evaluate`: how well factcheck reads annotated articles, and judges them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import add_jobs_option, add_rules_option, check_output_path, emit

THRESHOLDS = (  # option -> (score path in the result, what it is called)
    ("min_f1", ("claims", "strict", "f1"), "claims strict F1"),
    ("min_flag_recall", ("verdicts", "flag_recall", "value"), "flagged-group recall"),
    ("min_contradiction_precision", ("verdicts", "contradiction_precision", "value"),
     "contradiction precision"),
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "evaluate", help="score extraction and verdicts against gold annotations",
        description="Read ARTICLES, match their claims to the gold claims (JSON Lines, one "
                    "figure per line) and, with --groups, judge the findings against the gold "
                    "groups. Prints precision / recall / F1 by metric, language and article, the "
                    "share right for side, source, period and event, flag recall and precision, "
                    "and every miss and false alarm with its reason. Exit 1 when a --min-* "
                    "threshold is missed, 2 on unusable input (naming the file and line).")
    p.add_argument("paths", nargs="+", metavar="ARTICLES", help="article files or folders")
    p.add_argument("--gold", required=True, metavar="CLAIMS",
                   help="gold claims: a .jsonl file, or a folder of *.claims.jsonl")
    p.add_argument("--groups", metavar="GROUPS",
                   help="gold groups: a .json file, or a folder of *.groups.json")
    p.add_argument("--format", choices=("md", "json"), default="md")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--min-f1", type=float, metavar="X", help="fail (exit 1) below this strict F1")
    p.add_argument("--min-flag-recall", type=float, metavar="X",
                   help="fail below this flagged-group recall (needs --groups)")
    p.add_argument("--min-contradiction-precision", type=float, metavar="X",
                   help="fail below this contradiction precision (needs --groups)")
    add_rules_option(p)
    add_jobs_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import FactcheckError

    out = Path(args.output) if args.output else None
    if out is not None:
        check_output_path(out, [*args.paths, args.gold, *([args.groups] if args.groups else [])])
    if args.groups is None and (args.min_flag_recall is not None
                                or args.min_contradiction_precision is not None):
        raise FactcheckError("--min-flag-recall and --min-contradiction-precision need --groups")
    result = evaluate_paths(args.paths, args.gold, args.groups, args.rules, args.jobs)

    from ..evaluation_report import render_json, render_markdown

    emit(render_json(result) if args.format == "json" else render_markdown(result), out)
    failed = missed_thresholds(result, args)
    for line in failed:
        print(f"factcheck: {line}", file=sys.stderr)
    return 1 if failed else 0


def missed_thresholds(result: dict, args: argparse.Namespace) -> list[str]:
    """One line per ``--min-*`` threshold the result falls below (an undefined score, such
    as the precision of no contradiction at all, misses nothing)."""
    out = []
    for option, path, name in THRESHOLDS:
        floor = getattr(args, option)
        if floor is None:
            continue
        value = result
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if value is not None and value < floor:
            out.append(f"{name} {value:.3f} is below --{option.replace('_', '-')} {floor:g}")
    return out


def evaluate_paths(paths: list[str], gold: str, groups: str | None, rules: str | None,
                   jobs: int | None) -> dict:
    """Extract and compare ``paths`` as ``check`` does, then score them against the gold."""
    from ..articles import SkipFile, doc_ids, find_files, read_article
    from ..compare import doc_labels
    from ..errors import FactcheckError
    from ..evaluate import evaluate
    from ..gold import load_gold, prose_text
    from ..config import load_config
    from ..pipeline import analyze, extract_paths, find_article_quantities

    config = load_config(rules)  # an invalid rules folder: exit 2 before any work
    files = find_files(paths)
    articles = {}
    for f, doc in zip(files, doc_ids(files)):
        try:
            articles[doc] = read_article(f, doc, lambda _msg: None, config.root)
        except SkipFile:
            continue  # extraction below warns about it once
    if not articles:
        raise FactcheckError("no readable article among " + ", ".join(map(str, paths)))
    texts = {doc: prose_text(a.text, a.regions) for doc, a in articles.items()}
    gold_claims, gold_groups = load_gold(gold, groups, texts, config.ruleset.metrics)
    results = extract_paths(paths, rules, jobs)
    analysis = analyze(results, rules=config)
    gold_docs = {g.doc for g in gold_claims}
    quantities = {doc: find_article_quantities(a, config.root) for doc, a in articles.items()
                  if doc in gold_docs}
    return evaluate(
        gold_claims, gold_groups, analysis.claims, analysis.findings,
        langs={r.article.id: r.article.lang for r in results}, texts=texts,
        quantities=quantities, unclaimed=[u for r in results for u in r.unclaimed],
        labels=doc_labels(list(articles)))
