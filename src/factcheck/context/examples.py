"""Run a figure in a text through the context stage, without the claim rules.

Used by the events' own examples (``rules/events.toml``, run by ``tests/test_events.py``)
and by tests: the figure is given as written, so the answer depends only on the context
data, not on which rules claim what.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..model import Article, Claim, Quantity, Sentence
from .events import catalog


def context_claim(text: str, figure: str, *, lang: str = "it", published: date | None = None,
                  precision: str | None = "day", metric: str = "deaths",
                  who: str | None = None, side: str | None = None, outlet: str | None = None,
                  occurrence: int = 0, rules_root: Path | None = None) -> Claim:
    """The claim for ``figure`` (its ``occurrence``-th appearance in ``text``), with context.

    Raises ValueError when the figure is not in the text.
    """
    article = Article(id="<example>", path="<example>", text=text, regions=((0, len(text)),),
                      outlet=outlet, published=published,
                      published_how="metadata" if published else None,
                      published_precision=precision if published else None, lang=lang)
    return article_claim(article, figure, metric=metric, who=who, side=side,
                         occurrence=occurrence, rules_root=rules_root)


def article_claim(article: Article, figure: str, *, metric: str = "deaths",
                  who: str | None = None, side: str | None = None, occurrence: int = 0,
                  rules_root: Path | None = None) -> Claim:
    """The claim for ``figure`` (its ``occurrence``-th appearance in the article's prose),
    with context. Raises ValueError when the figure is not there."""
    spec = {"figure": figure, "metric": metric, "who": who, "side": side,
            "occurrence": occurrence}
    return article_claims(article, [spec], rules_root)[0]


def article_claims(article: Article, specs: list[dict], rules_root: Path | None = None
                   ) -> list[Claim]:
    """Claims for several figures of one article at once (each spec: ``figure`` and
    optionally ``metric``, ``who``, ``side``, ``occurrence``), with context: the figures
    see each other, as claims of one article do in the pipeline."""
    from ..pipeline import article_sentences, extract_article

    # the figures are given, not found by rules: the loop's claim step hands each sentence
    # the given figures inside it, and the loop adds their context as it does any claim's
    given = [_claim(article, article_sentences(article, rules_root), **spec) for spec in specs]

    order: list[int] = []  # the specs' indexes in the order the loop hands them out

    def figures_in(sentence: Sentence, _qs) -> tuple[list[Claim], list]:
        mine = [i for i, c in enumerate(given) if c.quote_start == sentence.start]
        order.extend(mine)
        return [given[i] for i in mine], []

    found = extract_article(article, None, rules_root, step=figures_in, every=True).claims
    out: list[Claim] = list(given)
    for i, c in zip(order, found):  # back in the order of the specs
        out[i] = c
    return out


def _claim(article: Article, sentences, figure: str, metric: str = "deaths",
           who: str | None = None, side: str | None = None, occurrence: int = 0) -> Claim:
    text = article.text
    at = -1
    for _ in range(occurrence + 1):
        at = text.find(figure, at + 1)
        while at >= 0 and not any(s <= at < e for s, e in article.regions):
            at = text.find(figure, at + 1)
        if at < 0:
            raise ValueError(f"figure {figure!r} not found in the prose of {article.id}")
    sentence = next(s for s in sentences if s.start <= at and at + len(figure) <= s.end)
    # a figure in digits is its own value (a part is never larger than its whole)
    value = int(figure) if figure.isdigit() else None
    quantity = Quantity(at, at + len(figure), figure, "count", value, value, value)
    return Claim(doc=article.id, metric=metric, quantity=quantity, rule="<example>",
                 quote=sentence.text, quote_start=sentence.start, who=who, side=side,
                 lang=article.lang)


@dataclass(frozen=True)
class EventExample:
    """One ``[[events.examples]]`` or ``[[events.counter_examples]]`` entry."""

    event: str  # the curated event it is listed under
    text: str
    figure: str
    expected: str | None  # the event id the figure must get (examples)
    not_: str | None  # the event id it must not get (counter-examples)
    metric: str = "deaths"
    lang: str = "it"
    published: date | None = None

    @property
    def label(self) -> str:
        kind = "not " + (self.not_ or "") if self.not_ else self.expected
        return f"{self.event}: {self.figure!r} -> {kind}"


def event_examples(rules_root: Path | None = None) -> list[EventExample]:
    """Every example and counter-example of the curated events, in file order."""
    out = []
    for e in catalog(rules_root).raw.get("events", ()):
        for key in ("examples", "counter_examples"):
            for x in e.get(key, ()):
                out.append(EventExample(
                    event=e["id"], text=x["text"], figure=x["figure"],
                    expected=x.get("event") if key == "examples" else None,
                    not_=x.get("not") if key == "counter_examples" else None,
                    metric=x.get("metric", "deaths"), lang=x.get("lang", "it"),
                    published=x.get("published")))
    return out


def run_event_example(x: EventExample, rules_root: Path | None = None) -> str | None:
    """The problem with an example, or None when it passes."""
    got = context_claim(x.text, x.figure, lang=x.lang, published=x.published, metric=x.metric,
                        rules_root=rules_root).event
    if x.expected is not None and got != x.expected:
        return f"{x.label}: got {got!r}"
    if x.not_ is not None and got == x.not_:
        return f"{x.label}: got it"
    return None
