"""The ratchet: factcheck's scores on the corpus of real reporting never fall below the
baseline kept in ``tests/corpus/baseline.json``. Raise the baseline when the tool improves
(``python tests/test_corpus.py --write`` prints the current scores in its format)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"
BASELINE = CORPUS / "baseline.json"

# score name -> where it is in `factcheck evaluate --format json`
SCORES = {
    "claims_strict_precision": ("claims", "strict", "precision"),
    "claims_strict_recall": ("claims", "strict", "recall"),
    "claims_strict_f1": ("claims", "strict", "f1"),
    "claims_span_f1": ("claims", "span", "f1"),
    "side": ("attributes", "side", "accuracy"),
    "source": ("attributes", "source", "accuracy"),
    "period": ("attributes", "period", "accuracy"),
    "event": ("attributes", "event", "accuracy"),
    "subgroup": ("attributes", "subgroup", "accuracy"),
    "parent": ("attributes", "parent", "accuracy"),
    "status": ("attributes", "status", "accuracy"),
    "flag_recall": ("verdicts", "flag_recall", "value"),
    "flag_precision": ("verdicts", "flag_precision", "value"),
    "contradiction_precision": ("verdicts", "contradiction_precision", "value"),
}
# counts that must never grow
CEILINGS = {
    "quiet_called_contradiction": ("verdicts", "quiet_called_contradiction"),
    "traps_in_one_finding": ("verdicts", "traps_in_one_finding"),
    "event_splits": ("attributes", "event", "splits"),
    "event_merges": ("attributes", "event", "merges"),
}


def _get(result: dict, path: tuple[str, ...]):
    for key in path:
        result = result[key]
    return result


def current_scores() -> dict:
    """Evaluate the corpus as a user would, and pick the ratcheted scores."""
    from factcheck.cli.evaluate import evaluate_paths

    gold = str(CORPUS / "gold")
    result = evaluate_paths([str(CORPUS / "articles")], gold, gold, None, 1)
    return {"min": {k: _get(result, p) for k, p in SCORES.items()},
            "max": {k: _get(result, p) for k, p in CEILINGS.items()}}


@pytest.fixture(scope="module")
def scores() -> dict:
    return current_scores()


def test_no_score_falls_below_the_baseline(scores):
    base = json.loads(BASELINE.read_text("utf-8"))
    fallen = [f"{k}: {scores['min'][k]} < baseline {v}" for k, v in base["min"].items()
              if v is not None and (scores["min"][k] is None or scores["min"][k] < v - 1e-9)]
    grown = [f"{k}: {scores['max'][k]} > baseline {v}" for k, v in base["max"].items()
             if scores["max"][k] > v]
    assert not fallen + grown, "scores on tests/corpus fell:\n" + "\n".join(fallen + grown)


def test_the_corpus_is_the_size_the_guide_promises():
    articles = sorted((CORPUS / "articles").glob("*.txt"))
    english = [a for a in articles if "\nlang: en\n" in a.read_text("utf-8")[:2000]]
    gold = [line for f in (CORPUS / "gold").glob("*.claims.jsonl")
            for line in f.read_text("utf-8").splitlines() if line.strip()]
    groups = [g for f in (CORPUS / "gold").glob("*.groups.json")
              for g in json.loads(f.read_text("utf-8"))["groups"]]
    assert len(articles) >= 40 and len(english) >= 0.35 * len(articles)
    assert len(gold) >= 250 and len(groups) >= 80
    assert {g["expect"] for g in groups} >= {"contradiction", "discrepancy", "update", "agree",
                                             "no-contradiction", "trap", "correction"}


if __name__ == "__main__" and "--write" in sys.argv:
    print(json.dumps(current_scores(), indent=1))
