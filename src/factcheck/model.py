"""Records that cross module borders.

Data flows one way: Article -> Sentence -> Quantity -> Claim -> Group -> Finding.
Every record is a frozen dataclass; later stages build new records with
``dataclasses.replace`` instead of mutating earlier ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from .verdicts.figure import Figure

Kind = Literal[
    "count", "decimal", "percent", "year", "date", "time", "money", "ordinal", "duration", "other"
]
Qualifier = Literal[
    "exact", "approx", "more_than", "at_least", "at_most", "less_than", "nearly", "range", "vague"
]


@dataclass(frozen=True, slots=True)
class Article:
    """One input document.

    ``text`` is the whole decoded file; every offset in the pipeline indexes it.
    ``regions`` are the (start, end) spans that hold prose (title and body), so
    metadata lines (URL, byline, front matter) are never read as claims.
    """

    id: str  # file name, e.g. "002_81ba2853dffa6702.txt"
    path: str
    text: str
    regions: tuple[tuple[int, int], ...]
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    # how the date is known: "metadata", "inferred" (from the text), or None when unknown
    published_how: str | None = None
    # "day", "month" or "year": "date 2020-10" is a month, not the 1st of October
    published_precision: str | None = None
    lang: str = "it"
    lang_detected: bool = False


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article, with offsets into ``Article.text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in text, read as an interval.

    ``value`` is the number as written (6500 for "oltre 6'500", 100 for
    "centinaia"); ``low``/``high`` are the stated interval (None = open).
    ``band_low``/``band_high`` widen the interval by the figure's rounding
    ("6.000" may stand for 5,500-6,499); the comparator decides whether to use them.
    """

    start: int
    end: int
    text: str
    kind: Kind
    value: float | None
    low: float | None
    high: float | None
    qualifier: Qualifier = "exact"
    band_low: float | None = None
    band_high: float | None = None
    ambiguous: bool = False
    # True when ``low`` itself is excluded ("oltre 6'500" is > 6500)
    low_exclusive: bool = False
    high_exclusive: bool = False


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure attributed to a metric, with everything needed to compare it.

    Offsets (``start``/``end``) index the article text; ``quote_start`` is
    where the quoted sentence begins, so the figure can be bolded inside it.
    """

    doc: str
    metric: str
    quantity: Quantity
    rule: str
    quote: str
    quote_start: int
    who: str | None = None
    side: str | None = None  # a party id, "total", or None when unknown
    period_start: date | None = None
    period_end: date | None = None
    period_how: str | None = None  # explicit, relative, span, article, event, running, None
    event: str | None = None
    event_how: str | None = None  # "sentence", "period", "article", "auto"
    source: str | None = None
    source_kind: str | None = None  # "attributed", "outlet", or None when unknown
    published: date | None = None
    lang: str = "it"
    # counted (a toll as it stands), estimated, feared, projected, increment ("two more
    # bodies": an addition to a running toll, never compared as a toll) or hospitalised
    # (people still in hospital: a level that falls as they leave, not the wounded toll)
    status: str = "counted"
    # the part of the people counted (civilians, children, military, ...; None for everyone)
    subgroup: str | None = None
    # the start offset (in the same article) of the figure this one is a part of:
    # "25 morti, di cui 4 bambini" -> the 4's parent is where "25" starts
    parent: int | None = None
    # the party the source speaks for, and what kind of source it is (government, military,
    # international, ngo, rescue, media)
    source_party: str | None = None
    source_type: str | None = None

    @property
    def start(self) -> int:
        return self.quantity.start

    @property
    def end(self) -> int:
        return self.quantity.end


@dataclass(frozen=True, slots=True)
class Finding:
    """A verdict on a group of claims that talk about the same thing."""

    verdict: str  # contradiction, possible contradiction, discrepancy, update, dispute,
    # correction, agree
    metric: str
    event: str | None
    side: str | None
    reason: str
    severity: str  # high, medium, low, info
    claims: tuple[Claim, ...] = field(default_factory=tuple)
    # the figures it judged, in the reason's order (a claim, a per-side sum or a part):
    # the report shows these, it never rebuilds them
    figures: tuple[Figure, ...] = field(default_factory=tuple)
    # the [reasons] entry of verdicts.toml that worded it ("update", "contradiction_falling",
    # ...): what kind of finding it is beyond its verdict (the report charts only timelines)
    kind: str = ""
    # the other reports of the same moment stating each of ``figures``' counts, one tuple
    # per figure (three reports say 9, one says 8), or none: their claims are in ``claims``
    peers: tuple[tuple[Figure, ...], ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Unclaimed:
    """A count that no rule turned into a claim (shown to rule authors)."""

    doc: str
    quantity: Quantity
    quote: str
    quote_start: int
    reason: str = "no rule matched"


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything a report shows: the input, the claims and the verdicts on them."""

    articles: tuple[Article, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]  # every verdict, "agree" included
    singles: tuple[Claim, ...] = ()  # figures nobody else reported
    unclaimed: tuple[Unclaimed, ...] = ()
    groups: int = 0
    draft: str | None = None  # doc id of the draft in `check DRAFT --against ...`
