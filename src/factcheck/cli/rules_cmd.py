"""``factcheck rules test|list``: check rule files and run their examples."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..datacheck import data_examples, loader_errors, toml_errors
from ..paths import rules_dir
from ..rules import check_rules, run_examples
from .common import add_rules_option


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``rules`` with its ``test`` and ``list`` subcommands."""
    p = subparsers.add_parser("rules", help="test and list the claim rules",
                              description="Validate rule files and run their examples.")
    sub = p.add_subparsers(dest="rules_command", metavar="ACTION")
    t = sub.add_parser("test", help="validate rules and run every example",
                       description="Validate every file of the rules folder (claim rules, events, "
                       "event types, metrics, verdicts, parties, places, language data), then run "
                       "every example, counter-example and todo, events' examples included. "
                       "Exit 0 all pass, 1 failing examples, 2 invalid files.")
    t.add_argument("files", nargs="*", metavar="RULE_FILE",
                   help="test only these rule files (default: every rule)")
    t.add_argument("-v", "--verbose", action="store_true", help="list passing examples too")
    add_rules_option(t)
    t.set_defaults(func=run_test)
    ls = sub.add_parser("list", help="list the rules", description="id, metric, language, "
                        "examples, counter-examples, todo, description of every rule.")
    add_rules_option(ls)
    ls.set_defaults(func=run_list)
    p.set_defaults(func=lambda args: (p.print_help(sys.stderr), 2)[1])


def _report_problems(problems) -> int:
    for pr in problems:
        print(f"{pr.path}:{pr.line}:{pr.col}: {pr.code} {pr.message}", file=sys.stderr)
        if pr.hint:
            print(f"    hint: {pr.hint}", file=sys.stderr)
    n_files = len({pr.path for pr in problems})
    print(f"factcheck: {len(problems)} problem(s) in {n_files} rule file(s); nothing was run",
          file=sys.stderr)
    return 2


def run_test(args: argparse.Namespace) -> int:
    """Validate, then run examples; exit 0 pass, 1 failing examples, 2 invalid rule files."""
    files = [Path(f) for f in args.files]
    missing = [f for f in files if not f.is_file()]
    ruleset, problems = check_rules(Path(args.rules) if args.rules else None, files)
    if missing:
        from ..rules import Problem

        problems = sorted(problems + [Problem(str(f), 1, 1, "R003", "file not found")
                                      for f in missing])
    if ruleset is None or missing:
        return _report_problems(problems)
    root = Path(args.rules) if args.rules else rules_dir()
    data_errors = [] if files else (toml_errors(root) or loader_errors(root))
    if data_errors:
        for line in data_errors:
            print(f"factcheck: error: {line}", file=sys.stderr)
        print(f"factcheck: {len(data_errors)} problem(s) in the rules folder's data files; "
              "nothing was run", file=sys.stderr)
        return 2
    only = None
    if files:
        wanted = {str(f.resolve()) for f in files}
        only = [r.id for r in ruleset.rules if str(Path(r.path).resolve()) in wanted]
    results = run_examples(ruleset, only)
    counts = {"pass": 0, "fail": 0, "xfail": 0, "xpass": 0}
    for r in results:
        counts[r.status] += 1
        if r.status in ("fail", "xpass"):
            where = f"{r.rule.path}:{r.example.line}"
            print(f"FAIL {r.test_id} ({where})\n     text: {r.example.text}\n     {r.detail}")
        elif args.verbose:
            print(f"{r.status:5} {r.test_id}")
    n_rules = len({r.rule.id for r in results})
    print(f"{n_rules} rule(s): {counts['pass']} passed, {counts['fail']} failed, "
          f"{counts['xfail']} todo still missed, {counts['xpass']} todo now passing")
    failed = counts["fail"] or counts["xpass"]
    if not files:  # the examples that live in the other data files
        data = data_examples(root)
        for x in data:
            if x.problem:
                print(f"FAIL {x.test_id}\n     {x.problem}")
            elif args.verbose:
                print(f"pass  {x.test_id}")
        bad = sum(1 for x in data if x.problem)
        print(f"data examples (events, event types): {len(data) - bad} passed, {bad} failed")
        failed = failed or bad
    return 1 if failed else 0


def run_list(args: argparse.Namespace) -> int:
    """Print one line per rule."""
    ruleset, problems = check_rules(Path(args.rules) if args.rules else None)
    if ruleset is None:
        return _report_problems(problems)
    rows = [("id", "metric", "lang", "examples", "counter", "todo", "description")]
    for r in sorted(ruleset.rules, key=lambda r: r.id):
        rows.append((r.id, r.metric, r.lang, str(len(r.examples)), str(len(r.counter_examples)),
                     str(len(r.todo)), r.description))
    widths = [max(len(row[i]) for row in rows) for i in range(6)]
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row[:6], widths)) + "  " + row[6])
    return 0
