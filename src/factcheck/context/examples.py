"""Run a figure in a text through the context stage, without the claim rules.

Used by the events' own examples (``rules/events.toml``, run by ``tests/test_events.py``)
and by tests: the figure is given as written, so the answer depends only on the context
data, not on which rules claim what.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..model import Article, Claim, Quantity
from ..sentences import split_sentences
from . import add_context
from .events import catalog


def context_claim(text: str, figure: str, *, lang: str = "it", published: date | None = None,
                  precision: str | None = "day", metric: str = "deaths",
                  who: str | None = None, side: str | None = None, outlet: str | None = None,
                  occurrence: int = 0, rules_root: Path | None = None) -> Claim:
    """The claim for ``figure`` (its ``occurrence``-th appearance in ``text``), with context.

    Raises ValueError when the figure is not in the text.
    """
    at = -1
    for _ in range(occurrence + 1):
        at = text.find(figure, at + 1)
        if at < 0:
            raise ValueError(f"figure {figure!r} not found in {text!r}")
    article = Article(id="<example>", path="<example>", text=text, regions=((0, len(text)),),
                      outlet=outlet, published=published,
                      published_how="metadata" if published else None,
                      published_precision=precision if published else None, lang=lang)
    sentences = split_sentences(text, lang, article.regions)
    sentence = next(s for s in sentences if s.start <= at and at + len(figure) <= s.end)
    quantity = Quantity(at, at + len(figure), figure, "count", None, None, None)
    claim = Claim(doc=article.id, metric=metric, quantity=quantity, rule="<example>",
                  quote=sentence.text, quote_start=sentence.start, who=who, side=side, lang=lang)
    return add_context(article, sentences, [claim], rules_root)[0]


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
