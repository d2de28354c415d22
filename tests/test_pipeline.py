"""extract_paths: every file read once, in order, with what later stages need."""

from __future__ import annotations

from pathlib import Path

from factcheck.articles import read_article
from factcheck.pipeline import PARALLEL_MIN_FILES, extract_article, extract_paths, load_ruleset

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_results_keep_claims_and_metadata_but_not_the_text():
    results = extract_paths([SEEDS], jobs=1, progress=False)
    files = sorted(SEEDS.glob("*.txt"))
    assert [r.article.id for r in results] == [f.name for f in files]
    for r, f in zip(results, files):
        whole = extract_article(read_article(f, f.name), load_ruleset())
        assert r.claims == whole.claims and r.unclaimed == whole.unclaimed
        assert r.article.text == ""  # not shipped back from workers nor held
        assert (r.article.published, r.article.title, r.article.lang) == \
            (whole.article.published, whole.article.title, whole.article.lang)


def test_processes_give_the_same_results_as_one(tmp_path):
    many = tmp_path / "many"
    many.mkdir()
    copies = PARALLEL_MIN_FILES // 5 + 1  # enough files for the pool to be used
    for i in range(copies):
        for f in sorted(SEEDS.glob("*.txt")):
            (many / f"{i}_{f.name}").write_bytes(f.read_bytes())
    one = extract_paths([many], jobs=1, progress=False)
    two = extract_paths([many], jobs=2, progress=False)
    assert [(r.article, r.claims) for r in one] == [(r.article, r.claims) for r in two]
    assert len(one) >= PARALLEL_MIN_FILES and sum(len(r.claims) for r in one) == copies * 13


def test_quantities_of_a_later_region_keep_every_field_at_article_offsets():
    """find_article_quantities moves a region's figures to article offsets and changes
    nothing else of them (what dataclasses.replace would give)."""
    from dataclasses import replace

    from factcheck.model import Article
    from factcheck.numbers import find_quantities
    from factcheck.pipeline import find_article_quantities

    body = "Almeno 1.200 sfollati e oltre 30 morti, circa la metà bambini."
    text = "Titolo\n\n" + body
    article = Article("d", "d", text, ((0, 6), (8, len(text))), lang="it")
    found = find_article_quantities(article)
    expected = [replace(q, start=q.start + 8, end=q.end + 8)
                for q in find_quantities(body, "it")]
    assert found == expected and len(found) >= 2
    assert [text[q.start:q.end] for q in found] == [q.text for q in found]
