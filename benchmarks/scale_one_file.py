"""Does one long file cost time in proportion to its size? Times each stage on one article of
about 1 MB and of 4 MB (the typical synthetic corpus' bodies joined into one file) and prints
the ratio: about 4 for linear stages, 16 for a quadratic one (a slice of the rest of the text
per number, for example). A benchmark, not a unit test: timings depend on the machine.

    python benchmarks/scale_one_file.py            # 1 MB vs 4 MB
    python benchmarks/scale_one_file.py --mb 0.5 2 # smaller, quicker
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

# the ratio above which a stage is reported as growing faster than linearly (4 is linear;
# allow for noise on a shared machine)
SUSPECT_RATIO = 7.0


def long_article(corpus: Path, size: int) -> str:
    """One Italian-headed article of about ``size`` characters: the corpus' bodies, joined."""
    from factcheck.articles import read_articles

    bodies = [a.text[a.regions[-1][0]:] for a in read_articles([corpus], warn=lambda m: None)
              if a.lang == "it"]
    parts, n = [], 0
    while n < size:
        for b in bodies:
            parts.append(b)
            n += len(b) + 2
            if n >= size:
                break
    head = "title: Un lungo articolo\nsource: Prova\npublished: 2024-03-12\nlang: it\n---\n"
    return head + "\n\n".join(parts)


def stages(text: str) -> dict[str, float]:
    """Seconds per stage of the extraction of one article."""
    from factcheck.articles import parse_article
    from factcheck.claims import extract_claims
    from factcheck.context import add_context
    from factcheck.pipeline import by_sentence, find_article_quantities, load_ruleset
    from factcheck.sentences import split_sentences

    ruleset = load_ruleset()
    t = {}
    t0 = time.perf_counter()
    art = parse_article(text, "long.txt")
    t["read"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    sentences = split_sentences(art.text, art.lang, art.regions)
    t["sentences"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    qs = find_article_quantities(art)
    t["numbers"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    claims = []
    for s, q in by_sentence(sentences, qs):
        if q:
            claims += extract_claims(art.id, art.lang, s, q, ruleset)[0]
    t["claims"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    add_context(art, sentences, claims)
    t["context"] = time.perf_counter() - t0
    t["total"] = sum(t.values())
    return t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", nargs=2, type=float, default=(1.0, 4.0), metavar=("SMALL", "LARGE"))
    args = ap.parse_args(argv)
    small, large = (int(x * 1_000_000) for x in args.mb)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        generate(corpus, 300, seed=1, density="typical")
        texts = (long_article(corpus, small), long_article(corpus, large))
    stages(texts[0][:20000])  # warm the caches (rules, patterns) outside the timings
    a, b = stages(texts[0]), stages(texts[1])
    print(f"{'stage':10} {args.mb[0]:>6g} MB {args.mb[1]:>6g} MB  ratio (linear ~"
          f"{args.mb[1] / args.mb[0]:g})")
    worst = 0.0
    for k in a:
        ratio = b[k] / a[k] if a[k] > 1e-3 else float("nan")
        flag = "  <- faster than linear?" if ratio > SUSPECT_RATIO * args.mb[1] / args.mb[0] / 4 \
            else ""
        print(f"{k:10} {a[k]:8.2f} s {b[k]:8.2f} s  {ratio:5.1f}{flag}")
        if k == "total":
            worst = ratio
    return 1 if worst > SUSPECT_RATIO * args.mb[1] / args.mb[0] / 4 else 0


if __name__ == "__main__":
    sys.exit(main())
