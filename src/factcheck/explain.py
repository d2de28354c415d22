"""Why a sentence gave the claims it gave: the rule author's debugging view.

:func:`explain_text` runs the claim stage on each sentence of a text, exactly as the
pipeline does, and keeps everything a rule author needs to see: the quantities the
number reader found, the masked sentence the patterns ran on, every pattern of every
rule of the language with what it matched (or that it matched nothing), the ``unless``
vetoes that fired, patterns stopped by the timeout, the claims made, and for each
count left unclaimed the reason. :func:`render` turns that into plain text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .claims import MatchTrace, claimable, extract_claims, mask
from .model import Article, Claim, Quantity, Sentence, Unclaimed
from .rules import TOKEN_CLAIMABLE, TOKEN_FILL, TOKEN_OTHER, Rule, RuleSet, describe_claim


@dataclass(frozen=True)
class PatternReport:
    """One pattern (or ``unless`` veto) of a rule, and what it matched in one sentence."""

    rule: str
    kind: str  # "pattern" or "unless"
    index: int  # from 1, as in rule files and error messages
    source: str  # as written in the rule file
    matches: tuple[MatchTrace, ...]  # empty: no match
    timed_out: bool = False

    @property
    def matched(self) -> bool:
        return bool(self.matches)


@dataclass(frozen=True)
class RuleReport:
    """One rule of the language on one sentence."""

    rule: Rule
    patterns: tuple[PatternReport, ...]
    unless: tuple[PatternReport, ...]

    @property
    def matched(self) -> bool:
        return any(p.matched for p in self.patterns)

    @property
    def vetoed(self) -> bool:
        return any(p.matched for p in self.unless)


@dataclass(frozen=True)
class Explanation:
    """Everything the claim stage did with one sentence."""

    sentence: Sentence
    lang: str
    quantities: tuple[Quantity, ...]
    masked: str  # the sentence as the patterns saw it, tokens shown as <1> or <2:year>
    rules: tuple[RuleReport, ...]
    claims: tuple[Claim, ...]
    unclaimed: tuple[Unclaimed, ...]
    # why the claims have no context (a rules folder without context data), else None
    no_context: str | None = None


def show_masked(text: str, base: int, quantities: Sequence[Quantity]) -> str:
    """The masked sentence for people: each count as ``<n>``, any other number as ``<n:kind>``
    (n numbers the quantities in order), everything else as the patterns see it."""
    masked = mask(text, base, quantities)
    labels = {q.start - base: (i, q) for i, q in enumerate(quantities, 1)}
    out, i = [], 0
    while i < len(masked):
        c = masked[i]
        if c in (TOKEN_CLAIMABLE, TOKEN_OTHER) and i in labels:
            n, q = labels[i]
            out.append(f"<{n}>" if c == TOKEN_CLAIMABLE else f"<{n}:{q.kind}>")
            i += 1
            while i < len(masked) and masked[i] == TOKEN_FILL:
                i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _rule_report(rule: Rule, traces: Sequence[MatchTrace], slow: set[tuple[str, str]]
                 ) -> RuleReport:
    def reports(kind: str, patterns) -> tuple[PatternReport, ...]:
        return tuple(PatternReport(
            rule.id, kind, p.index, p.source,
            tuple(t for t in traces if t.rule == rule.id and t.kind == kind
                  and t.pattern == p.index and not t.loose),
            (rule.id, f"{kind} {p.index}") in slow) for p in patterns)

    return RuleReport(rule, reports("pattern", rule.patterns), reports("unless", rule.unless))


def explain_sentence(sentence: Sentence, quantities: Sequence[Quantity], lang: str,
                     ruleset: RuleSet, doc: str = "<text>",
                     only: Iterable[str] | None = None) -> Explanation:
    """Run the claim stage on one sentence and keep the trace (``only``: these rule ids)."""
    traces: list[MatchTrace] = []
    before = dict(ruleset.timeouts)
    claims, unclaimed = extract_claims(doc, lang, sentence, quantities, ruleset, trace=traces,
                                       diagnose=True)
    # the claim stage decides vetoes lazily (only once a pattern of the rule matched);
    # the author wants to see every veto that would fire, so run them all here
    masked = mask(sentence.text, sentence.start, quantities)
    wanted = set(only) if only is not None else None
    rules = [r for r in ruleset.for_lang(lang) if wanted is None or r.id in wanted]
    for rule in rules:
        if any(t.rule == rule.id and t.kind == "unless" for t in traces):
            continue
        for u in rule.unless:
            try:
                hits = list(u.compiled.finditer(masked, timeout=ruleset.timeout))
            except TimeoutError:
                key = (rule.id, f"unless {u.index}")
                ruleset.timeouts[key] = ruleset.timeouts.get(key, 0) + 1
                continue
            traces.extend(MatchTrace(rule.id, u.index, m.start(), m.end(), (), kind="unless")
                          for m in hits)
    slow = {k for k, n in ruleset.timeouts.items() if before.get(k) != n}
    return Explanation(
        sentence, lang, tuple(quantities),
        show_masked(sentence.text, sentence.start, quantities),
        tuple(_rule_report(r, traces, slow) for r in rules),
        tuple(claims), tuple(unclaimed))


def explain_text(text: str, lang: str, ruleset: RuleSet, doc: str = "<text>",
                 regions: tuple[tuple[int, int], ...] | None = None,
                 only: Iterable[str] | None = None, all_sentences: bool = False,
                 article: Article | None = None) -> list[Explanation]:
    """An :class:`Explanation` for each sentence of ``text`` that holds a number
    (every sentence with ``all_sentences``), its claims with their context (``article``:
    the text's article, for its publication date and outlet). The text goes through the
    pipeline's own extraction loop, with each sentence's claim stage traced."""
    from dataclasses import replace

    from .errors import FactcheckError
    from .pipeline import extract_article

    only = list(only) if only is not None else None
    article = article or Article(doc, doc, text, regions or ((0, len(text)),), lang=lang)
    out: list[Explanation] = []

    def traced(sentence: Sentence, qs: list[Quantity]):
        e = explain_sentence(sentence, qs, lang, ruleset, doc, only)
        out.append(e)
        return e.claims, e.unclaimed

    try:
        result = extract_article(article, ruleset, ruleset.root, step=traced,
                                 every=all_sentences)
    except FactcheckError as exc:  # a folder of claim rules alone still explains its rules
        return [replace(e, no_context=str(exc)) for e in out]
    done = iter(result.claims)
    return [replace(e, claims=tuple(next(done) for _ in e.claims)) for e in out]


# ---------------------------------------------------------------- rendering

def _bounds(q: Quantity) -> str:
    def b(x: float | None) -> str:
        return "open" if x is None else f"{x:g}"

    lo = ("(" if q.low_exclusive else "[") + b(q.low)
    hi = b(q.high) + (")" if q.high_exclusive else "]")
    return f"{lo}, {hi}"


def _quantity_lines(e: Explanation) -> list[str]:
    if not e.quantities:
        return ["  quantities: none"]
    lines = ["  quantities:"]
    for i, q in enumerate(e.quantities, 1):
        role = "count" if claimable(q) else f"{q.kind}, never a claim"
        line = f"    <{i}> {q.text!r}  {role}"
        if q.value is not None:
            line += f"  value {q.value:g}  {_bounds(q)}  {q.qualifier}"
        lines.append(line)
    return lines


def _pattern_line(p: PatternReport, e: Explanation, verbose: bool) -> str:
    label = f"{p.kind} {p.index}"
    src = f"\n               {p.source}" if verbose else ""
    if p.timed_out:
        return f"    {label:10} TIMED OUT after {p.rule}'s per-match timeout; no match{src}"
    if not p.matched:
        return f"    {label:10} no match{src}"
    parts = []
    for t in p.matches:
        nums = ", ".join(f"<{e.quantities.index(q) + 1}>" for q in t.quantities
                         if q in e.quantities)
        what = "veto" if p.kind == "unless" else ("vetoed" if t.vetoed else "match")
        parts.append(f"{what} {t.text(e.sentence)!r}" + (f" binds {nums}" if nums else ""))
    return f"    {label:10} " + "; ".join(parts) + src


def _ranges(indexes: Sequence[int]) -> str:
    return ", ".join(str(i) for i in indexes)


def _rule_lines(r: RuleReport, e: Explanation, verbose: bool, matches_only: bool) -> list[str]:
    if matches_only and not (r.matched or r.vetoed or any(p.timed_out for p in r.patterns)):
        return []
    state = "VETOED" if r.matched and r.vetoed else ("matched" if r.matched else "no match")
    head = f"  - {r.rule.id} [{r.rule.metric}, priority {r.rule.priority}]: {state}"
    shown = [p for p in r.patterns + r.unless if verbose or p.matched or p.timed_out]
    quiet = [p for p in r.patterns if p not in shown]
    lines = [head] + [_pattern_line(p, e, verbose) for p in shown]
    if quiet and not matches_only:
        lines.append(f"    pattern {_ranges([p.index for p in quiet])}: no match")
    return lines


def _competitors(c: Claim, e: Explanation) -> list[str]:
    """Other rules whose (unvetoed) matches bound the claimed figure and lost to the winner."""
    out = []
    for r in e.rules:
        if r.rule.id == c.rule or r.vetoed:
            continue
        hits = [p.index for p in r.patterns
                if any(c.quantity in t.quantities for t in p.matches)]
        if hits:
            out.append(f"{r.rule.id} (pattern {_ranges(hits)}, priority {r.rule.priority})")
    return out


def render_explanation(e: Explanation, verbose: bool = False, matches_only: bool = False) -> str:
    """One sentence's explanation as text (``verbose``: every pattern with its source)."""
    lines = [f"sentence: {e.sentence.text}", *_quantity_lines(e), f"  masked:   {e.masked}"]
    if not any(claimable(q) for q in e.quantities):
        lines.append("  rules: not run (no count in this sentence can become a claim)")
    else:
        lines.append(f"  rules ({e.lang}, highest priority first):")
        for r in e.rules:
            lines.extend(_rule_lines(r, e, verbose, matches_only))
    lines.append("  claims:" if e.claims else "  claims: none")
    for c in e.claims:
        lines.append(f"    {describe_claim(c)}")
        lines.extend(f"      {line}" for line in (
            [f"context: not read ({e.no_context})"] if e.no_context else context_lines(c, e)))
        lost = _competitors(c, e)
        if lost:
            lines.append("      won over " + "; ".join(lost)
                         + " (higher priority, then longer match, then rule id)")
    for u in e.unclaimed:
        lines.append(f"  not claimed: {u.quantity.text!r}: {u.reason}{_why_not(u, e)}")
    return "\n".join(lines) + "\n"


def context_lines(c: Claim, e: Explanation, rules_root=None) -> list[str]:
    """The context decisions on a claim, each with the words behind it: the event (the
    cue or trigger words in its sentence), the period (the date phrases read), the side
    and subgroup (the counted group's words), the source (the words it was read from)."""
    from .context.event_types import vocabulary
    from .context.events import catalog, event_label, find_cues
    from .context.lexicon import lexicon
    from .context.period import find_phrases

    text = e.sentence.text
    lines = []
    if c.event is None:
        lines.append("event: none (no cue, place or type of event found for it)")
    else:
        words: list[str] = []
        if c.event_how in ("sentence", "period"):
            cues = find_cues(catalog(rules_root), text).get(c.event)
            words = [text[a:b] for a, b in cues.aliases] if cues else []
        elif c.event_how == "auto":
            from .context.gazetteer import gazetteer, locatives

            words = [text[a:b] for a, b, _ in vocabulary(rules_root).find(text, e.lang)]
            # the places its sentence names (else the type, place or date came from the
            # paragraph or the article)
            words += [text[a:b] for a, b, _ in gazetteer(rules_root).find(
                text, e.lang, locatives(e.lang, rules_root), anchored=bool(words))]
        said = {"sentence": "named in its sentence", "period": "its period and place",
                "article": "the article's event", "auto": "what happened and where"}
        lines.append(f"event: {c.event} ({c.event_how}: {said.get(c.event_how, '?')}"
                     + (f"; words {_quoted(words)}" if words else "")
                     + (f"; {event_label(c.event, rules_root)}" if c.event_how == "auto"
                        else "") + ")")
    if c.period_start is None and c.period_end is None:
        lines.append("period: unknown")
    else:
        span = (str(c.period_start) if c.period_start == c.period_end
                else f"{c.period_start} – {c.period_end}")
        how = c.period_how or "?"
        if how in ("explicit", "relative", "span"):
            phrases = [p.text for p in find_phrases(text, lexicon(e.lang, rules_root))]
            how += f": read from {_quoted(phrases)}" if phrases else ""
        elif how == "article":
            how += ": nothing stated, the article's own date"
        elif how == "event":
            how += ": nothing stated, the whole event's span"
        lines.append(f"period: {span} ({how})")
    group = f" (from {c.who!r})" if c.who else ""
    lines.append(f"side: {c.side or 'none (one side, not named)'}{group}")
    lines.append(f"subgroup: {c.subgroup or 'none (everyone counted)'}{group if c.subgroup else ''}"
                 + (f"; a part of the figure at offset {c.parent}" if c.parent is not None
                    else ""))
    if c.source is None:
        lines.append("source: unknown")
    elif c.source_kind == "outlet":
        lines.append(f"source: {c.source} (outlet: no attribution found)")
    else:
        extra = ", ".join(x for x in (c.source_party and f"speaks for {c.source_party}",
                                      c.source_type) if x)
        lines.append(f"source: {c.source!r} (attributed: the words it was read from"
                     + (f"; {extra}" if extra else "") + ")")
    return lines


def _quoted(words: Sequence[str]) -> str:
    return ", ".join(repr(w) for w in dict.fromkeys(words))


def _why_not(u, e: Explanation) -> str:
    """For a count no pattern bound: what the patterns that did match bound instead."""
    if u.reason != "no rule matched" or u.quantity not in e.quantities:
        return ""
    n = e.quantities.index(u.quantity) + 1
    elsewhere = []
    for r in e.rules:
        for p in r.patterns:
            bound = sorted({e.quantities.index(q) + 1 for t in p.matches for q in t.quantities
                            if q in e.quantities})
            if bound:
                elsewhere.append(f"{r.rule.id} pattern {p.index} bound "
                                 + ", ".join(f"<{b}>" for b in bound))
    if not elsewhere:
        return " (no pattern of any rule matched in this sentence)"
    return f" (no pattern bound <{n}>; " + "; ".join(elsewhere) + ")"


def render(explanations: Sequence[Explanation], verbose: bool = False,
           matches_only: bool = False) -> str:
    """Every explanation, separated by a blank line."""
    if not explanations:
        return "no sentence with a number\n"
    return "\n".join(render_explanation(e, verbose, matches_only) for e in explanations)


# ---------------------------------------------------------------- a rule that matched nothing

@dataclass(frozen=True)
class Partial:
    """How far a pattern got: the longest stretch of a sentence it reads as the start of a
    match (``start``/``end`` index the sentence text)."""

    rule: str
    pattern: int
    sentence: Sentence
    start: int
    end: int


def nearest_partial(rule: Rule, e: Explanation, timeout: float | None = None) -> Partial | None:
    """The pattern of ``rule`` that reads the longest stretch of ``e``'s masked sentence as
    the beginning of a match, and that stretch; None when no pattern reads even one
    character. A stretch that could begin a match stays one when cut shorter, so the
    longest is found by bisection at each start."""
    masked = mask(e.sentence.text, e.sentence.start, e.quantities)
    best: Partial | None = None
    for p in rule.patterns:
        for start in range(len(masked)):
            lo, hi = start, len(masked)  # invariant: masked[start:lo] can begin a match
            while lo < hi:
                mid = (lo + hi + 1) // 2
                try:
                    ok = p.compiled.match(masked, start, mid, partial=True,
                                          timeout=timeout) is not None
                except TimeoutError:
                    ok = False
                lo, hi = (mid, hi) if ok else (lo, mid - 1)
            if lo > start and (best is None or lo - start > best.end - best.start):
                best = Partial(rule.id, p.index, e.sentence, start, lo)
    return best


def unmatched_rules(explanations: Sequence[Explanation], ruleset: RuleSet,
                    only: Iterable[str]) -> list[str]:
    """For each rule asked for (``--rule``) that matched in no sentence: a line saying so,
    and its nearest pattern's partial match (or why it never ran)."""
    lines: list[str] = []
    by_id = {r.id: r for r in ruleset.rules}
    for rid in only:
        if any(r.rule.id == rid and r.matched for e in explanations for r in e.rules):
            continue
        rule = by_id[rid]
        ran = [e for e in explanations if any(r.rule.id == rid for r in e.rules)]
        lines.append(f"rule {rid} did not match")
        if not ran:
            langs = sorted({e.lang for e in explanations}) or ["none"]
            lines.append(f"  it is a rule for {rule.lang!r} and the text was read as "
                         f"{', '.join(langs)} (try --lang {rule.lang})" if explanations else
                         "  no sentence with a number")
            continue
        partials = [p for e in ran if (p := nearest_partial(rule, e, ruleset.timeout))]
        if not partials:
            lines.append("  no pattern of it reads even the start of a match here")
            continue
        best = max(partials, key=lambda p: p.end - p.start)
        text = best.sentence.text
        lines.append(f"  nearest: pattern {best.pattern} reads {text[best.start:best.end]!r} "
                     f"and then stops before {text[best.end:best.end + 30]!r}"
                     f"{' (the end of the sentence)' if best.end >= len(text) else ''}")
        lines.append(f"  in: {text}")
    return lines
