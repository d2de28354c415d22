"""Turn the quantities of a sentence into claims by running the claim rules.

The sentence is masked first: each quantity is overwritten, in place and at the
same length, by a token (see :mod:`factcheck.rules`), so ``{NUM}`` in a pattern
binds exactly one quantity that may be a count, and offsets in the masked text
are offsets in the sentence.

One quantity becomes at most one claim. When several rules match the same
quantity, the winner is, in order: the rule with the highest ``priority``; the
longest match (more context is more specific: "49 soldati armeni ... sono morti"
beats "49 soldati"); the rule id; the earlier pattern. ``who`` and ``side`` come
from the best match of the winning rule that captured them. Rules vetoed by one
of their ``unless`` patterns take part in nothing but the reason an unclaimed
count is given.

Each claim gets a ``status``: the winning pattern's own, else that of the first
status cue of the language that binds the figure ("altri {NUM}": increment; a
modal before it: projected), else of a status word inside the figure's text
("an estimated 700": estimated), else "counted". An estimate of a ceiling only ("stima
fino a 2.000") is projected.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .model import Claim, Quantity, Sentence, Unclaimed
from . import claims_backoff
from .rules import TOKEN_CLAIMABLE, TOKEN_FILL, TOKEN_OTHER, Backoff, Pattern, Rule, RuleSet

# same-length normalisation before matching: patterns are written with ' and plain spaces
_NORMALIZE = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " ", "\u2009": " ", "\u202f": " ",
    "\u2007": " ", "\n": " ", "\r": " ", "\t": " ",
})
# a first figure's qualifier that a bare figure after it shares ("almeno 49 ... e 50")
_SHARED_QUALIFIERS = frozenset({"at_least", "more_than", "approx", "nearly", "at_most",
                                "less_than"})


@dataclass(frozen=True)
class MatchTrace:
    """One pattern match, as ``explain`` shows it (offsets in the sentence)."""

    rule: str
    pattern: int
    start: int
    end: int
    quantities: tuple[Quantity, ...]
    vetoed: bool = False
    loose: bool = False  # a diagnostic match that bound a non-count
    kind: str = "pattern"  # "pattern", or "unless": a veto that matched (pattern = its index)

    def text(self, sentence: Sentence) -> str:
        """The words the match covered, from the sentence as written."""
        return sentence.text[self.start:self.end]


# the stand-in rule a status cue's timeouts are counted under ("status" in messages)
_CUE_RULE = Rule("status", "", "", "", "", ())


@dataclass
class _Candidate:
    rule: Rule
    pattern: Pattern
    length: int
    quantity: Quantity
    who: str | None
    side: str | None
    # the match reaches its predicate across a later figure ("64 and dozens missing")
    crosses: bool = False
    # a breakdown item: the sentence offset of the figure it is a part of, whose status it takes
    parent: int | None = None


def claimable(q: Quantity) -> bool:
    """May this quantity become a claim? Counts, and whole decimals ("1,2 milioni")."""
    if q.kind == "count":
        return True
    return q.kind == "decimal" and q.value is not None and float(q.value).is_integer()


def mask(text: str, base: int, quantities: Sequence[Quantity]) -> str:
    """``text`` with each quantity (offsets from ``base``) replaced by a same-length token.

    A figure glued to the word after it ("95persone") gives its last character to the space
    patterns expect between a figure and its noun; offsets and lengths do not change.
    """
    chars = list(text.translate(_NORMALIZE))
    for q in quantities:
        s, e = q.start - base, q.end - base
        if s < 0 or e > len(chars) or e <= s:
            continue
        chars[s] = TOKEN_CLAIMABLE if claimable(q) else TOKEN_OTHER
        chars[s + 1:e] = TOKEN_FILL * (e - s - 1)
        if e - s >= 2 and e < len(chars) and chars[e].isalpha():
            # a figure glued to its noun, as scraped pages print it ("95persone", "14dead"):
            # its last character becomes the space patterns expect ("{NUM} persone")
            chars[e - 1] = " "
        elif _quoted_alone(text, s, e):
            # a figure quoted alone ('said "200 to 300" people died', 'would be "about 60"'):
            # both quotes join the token, which starts at the opening one, so the figure
            # meets its noun and its verb as if unquoted
            chars[s - 1] = chars[s]
            chars[s:e + 1] = TOKEN_FILL * (e + 1 - s)
    return "".join(chars)


def _quoted_alone(text: str, s: int, e: int) -> bool:
    """Is the figure at ``text[s:e]`` quoted alone ('be "about 60"')?"""
    return 0 < s and e < len(text) and text[s - 1] in _QUOTE_OPEN and text[e] in _QUOTE_CLOSE


def token_start(text: str, base: int, q: Quantity) -> int:
    """Where the masked token of ``q`` starts in ``text`` (offsets from ``base``): at the
    figure, or at its opening quote when it is quoted alone (see :func:`mask`)."""
    s, e = q.start - base, q.end - base
    glued = e - s >= 2 and e < len(text) and text[e].isalpha()
    return s - 1 if not glued and 0 <= s and _quoted_alone(text, s, e) else s


# quotation marks around a figure quoted alone (a double prime stands in for a closing quote
# on some pages)
_QUOTE_OPEN = frozenset('"“„«\'‘')
_QUOTE_CLOSE = frozenset('"”»\'’″')


def _pick(spans: list[tuple[int, int]], lo: int, hi: int, before_lo: int, num_start: int
          ) -> tuple[int, int] | None:
    """The group span belonging to a figure: the first after it (before the next figure),
    else the last one between the previous figure and it."""
    after = [s for s in spans if lo <= s[0] < hi]
    if after:
        return after[0]
    before = [s for s in spans if before_lo <= s[0] and s[1] <= num_start]
    return before[-1] if before else None


def _share_qualifier(q: Quantity, like: Quantity) -> Quantity:
    """``q`` read with the qualifier of ``like``: "almeno 49 ... e 50" -> 50 at least."""
    if not like.value or q.value is None:
        return q
    scale = q.value / like.value  # scale the interval of the first figure onto this one

    def sc(x: float | None) -> float | None:
        return None if x is None else float(round(x * scale, 6))

    return replace(q, qualifier=like.qualifier, low=sc(like.low), high=sc(like.high),
                   low_exclusive=like.low_exclusive, high_exclusive=like.high_exclusive)


def _text(sentence: Sentence, span: tuple[int, int] | None) -> str | None:
    if span is None:
        return None
    out = sentence.text[span[0]:span[1]].strip()
    return out or None


def _run(pattern: Pattern, compiled, masked: str, ruleset: RuleSet, rule: Rule,
         kind: str = "pattern"):
    """All matches of one pattern; a pattern that times out is stopped and counted.

    A runaway pattern (catastrophic backtracking) costs at most ``ruleset.timeout``
    seconds per sentence and yields no match; the other patterns and rules go on.
    """
    try:
        return list(compiled.finditer(masked, timeout=ruleset.timeout))
    except TimeoutError:
        key = (rule.id, f"{kind} {pattern.index}")
        ruleset.timeouts[key] = ruleset.timeouts.get(key, 0) + 1
        return []


def _vetoed(rule: Rule, masked: str, runnable: frozenset[int], ruleset: RuleSet,
            trace: list[MatchTrace] | None) -> bool:
    """Does one of the rule's ``unless`` patterns match? Traces every veto that did."""
    hit = False
    for u in rule.unless:
        if u.prefilter is not None and id(u) not in runnable:
            continue
        for m in _run(u, u.compiled, masked, ruleset, rule, "unless"):
            hit = True
            if trace is None:
                return True  # one is enough when nobody is watching
            trace.append(MatchTrace(rule.id, u.index, m.start(), m.end(), (), kind="unless"))
    return hit


def _rank(c: _Candidate) -> tuple:
    # the metric nearest the figure wins: a match that binds it without crossing another
    # figure beats a longer one across a conjunction ("Death toll at 64 and dozens missing")
    return (-c.rule.priority, c.crosses, -c.length, c.rule.id, c.pattern.index)


def _choose(cands: list[_Candidate]) -> tuple[_Candidate, str | None, str | None]:
    """The winning candidate of one quantity, with its who and side.

    Two patterns of the winning rule often cover the same words ("Sono 2.855 i militari
    morti": a gap word or the counted noun); who and side come from the best-ranked
    match of the same rule that captured them, so the choice of pattern never loses them.
    """
    ranked = sorted(cands, key=_rank)
    best = ranked[0]
    same = [c for c in ranked if c.rule.id == best.rule.id]
    who = next((c.who for c in same if c.who), None)
    side = next((c.side for c in same if c.side), None)
    return best, who, side


def _statuses(lang: str, masked: str, runnable: frozenset[int], starts: set[int],
              ruleset: RuleSet, trace: list[MatchTrace] | None) -> dict[int, str]:
    """Sentence offset of each figure in ``starts`` that a status cue binds -> its status
    (the first cue in STATUS_ORDER wins)."""
    out: dict[int, str] = {}
    for status, pat in ruleset.status_cues.get(lang, ()):
        if pat.prefilter is not None and id(pat) not in runnable:
            continue
        for m in _run(pat, pat.compiled, masked, ruleset, _CUE_RULE):
            for s, _ in m.spans("NUM"):
                if s in starts and s not in out:
                    out[s] = status
                    if trace is not None:
                        trace.append(MatchTrace(f"status:{status}", pat.index, m.start(),
                                                m.end(), (), kind="status"))
    return out


def _word_status(lang: str, q: Quantity, ruleset: RuleSet) -> str | None:
    """The status a word inside the figure's own text gives it ("an estimated 700")."""
    words = ruleset.status_words.get(lang)
    if not words:
        return None
    folded = " ".join(q.text.casefold().split())
    for status, w in words:
        i = folded.find(w)
        # whole words only: "estimated" inside "underestimated" is no cue
        if i >= 0 and (i == 0 or not folded[i - 1].isalpha()) and (
                i + len(w) == len(folded) or not folded[i + len(w)].isalpha()):
            return status
    return None


def _ceiling(status: str, q: Quantity) -> str:
    """An estimate that gives only a ceiling says how far a count may go, not where it
    stands: "la Protezione civile stima fino a 2.000 sfollati", "estimates up to 300 dead"
    are projected, never compared with a count as an estimate of it."""
    return "projected" if status == "estimated" and q.qualifier == "at_most" else status


# passes of the breakdown patterns: a list inside a list item is two levels; one more to spare
_BREAKDOWN_PASSES = 3


def _breakdowns(lang: str, masked: str, runnable: frozenset[int], base: int,
                sentence: Sentence, by_start: dict[int, Quantity],
                candidates: dict[int, list[_Candidate]],
                ruleset: RuleSet) -> None:
    """Give the unclaimed figures of a breakdown the metric of the claimed figure they
    are listed with: "40 feriti a Pescara, 12 a Teramo e 3 a Chieti", "25 morti, di cui
    4 minori". The nearest claimed figure before the item gives it its metric (a part never
    gives its metric to the whole named before it: "dei 40 passeggeri, 12 sono morti"); with
    none before, the claimed figure a pattern marks as ``whole`` after the items does
    ("Paiporta (45), Catarroja (25) ... dei 221 morti"); a figure some rule claimed is
    never changed. Adds to ``candidates`` in place. An item may itself be the whole of a later
    pattern's list ("tra questi, 12 a Padova (di cui tre bambini)"): the patterns run again
    while a pass gives a figure, a few times at most."""
    for _ in range(_BREAKDOWN_PASSES):
        if not _breakdown_pass(lang, masked, runnable, base, sentence, by_start, candidates,
                               ruleset):
            return



def _breakdown_pass(lang: str, masked: str, runnable: frozenset[int], base: int,
                    sentence: Sentence, by_start: dict[int, Quantity],
                    candidates: dict[int, list[_Candidate]], ruleset: RuleSet) -> bool:
    """One pass of the breakdown patterns (see :func:`_breakdowns`); True if it gave a figure
    a metric."""
    added = False
    for pat in ruleset.breakdowns.get(lang, ()):
        if pat.prefilter is not None and id(pat) not in runnable:
            continue
        for m in _run(pat, pat.compiled, masked, ruleset, _CUE_RULE):
            nums = m.spans("NUM")
            claimed = [s for s, _ in nums if s + base in candidates]
            if not claimed or len(claimed) == len(nums):
                continue
            whos = m.spans("who") if "who" in m.re.groupindex else []
            wholes = m.spans("whole") if "whole" in m.re.groupindex else []
            for i, (s, e) in enumerate(nums):
                q = by_start.get(s)
                if q is None or s + base in candidates or not claimable(q):
                    continue
                parent = max((c for c in claimed if c < s), default=None)
                if parent is None:
                    # only where the pattern marks the whole named after its parts
                    # ("Paiporta (45), Catarroja (25) ... of the 221 deaths"): elsewhere a
                    # figure before a claimed one is a whole, never its part
                    parent = next((c for c in claimed
                                   if any(ws <= c < we for ws, we in wholes)), None)
                if parent is None:
                    continue
                best, _, _ = _choose(candidates[parent + base])
                hi = nums[i + 1][0] if i + 1 < len(nums) else m.end()
                who = _text(sentence, _pick(whos, e, hi, s, s))
                candidates[s + base] = [_Candidate(best.rule, best.pattern, 0, q, who, None,
                                                   parent=parent + base)]
                added = True
    return added


def _back_off(backoff: Backoff, lang: str, masked: str, runnable: frozenset[int], base: int,
              by_start: dict[int, Quantity], candidates: dict[int, list[_Candidate]],
              vetoed_by: dict[int, list[str]], ruleset: RuleSet) -> None:
    """Give the counts no rule claimed or vetoed the back-off reader's claim, if any (see
    :mod:`factcheck.claims_backoff`). A sentence a rule of the claim's metric vetoes
    (fiction, a drill) gives it none either. Adds to ``candidates`` in place."""
    todo = [(tok, q) for tok, q in by_start.items()
            if claimable(q) and tok + base not in candidates and q.start not in vetoed_by]
    if not todo or not claims_backoff.any_metric(backoff, masked):
        return  # the common case: every count claimed, or no metric word at all
    for tok, q in todo:
        end = q.end - base + (1 if tok < q.start - base else 0)  # a figure quoted alone
        got = claims_backoff.read(backoff, masked, tok, end, q)
        if got is None:
            continue
        rule, who, _ = got
        if any(_vetoed(r, masked, runnable, ruleset, None) for r in ruleset.for_lang(lang)
               if r.metric == rule.metric and r.unless):
            continue
        candidates[tok + base] = [_Candidate(rule, rule.patterns[0], 0, q, who, None)]


def extract_claims(doc: str, lang: str, sentence: Sentence, quantities: Sequence[Quantity],
                   ruleset: RuleSet, *, trace: list[MatchTrace] | None = None,
                   diagnose: bool = False) -> tuple[list[Claim], list[Unclaimed]]:
    """Claims made by the rules of ``lang`` in one sentence, and the counts left unclaimed.

    ``quantities`` are those inside ``sentence``, with article offsets. Every count
    no rule claimed comes back as :class:`Unclaimed` with the reason. With
    ``diagnose`` (explain), non-counts that a pattern would have bound are returned
    too ("not a count: year ..."); ``trace`` collects every pattern match.
    """
    counts = [q for q in quantities if claimable(q)]
    # an ordinal is a figure only where a rule reads it as one ({ORD}: "la 30esima vittima")
    ordinals = ruleset.takes_ordinals(lang) and any(q.kind == "ordinal" for q in quantities)
    if not counts and not ordinals and not diagnose:
        return [], []  # the cheap, common case: nothing here can become a claim
    base = sentence.start
    masked = mask(sentence.text, base, quantities)
    # literal prefilters: a pattern none of whose required words is in the sentence cannot
    # match it, and is not run (most patterns, in most sentences)
    figures = bool(counts) or ordinals
    runnable = ruleset.runnable(lang, masked.casefold()) if figures else frozenset()
    by_start = {token_start(sentence.text, base, q): q for q in quantities}
    candidates: dict[int, list[_Candidate]] = {}
    vetoed_by: dict[int, list[str]] = {}
    loose_hits: dict[int, list[str]] = {}
    for rule in ruleset.for_lang(lang) if figures else ():
        vetoed: bool | None = None  # decided on the rule's first match only
        for pat in rule.patterns:
            if pat.prefilter is not None and id(pat) not in runnable:
                continue
            for m in _run(pat, pat.compiled, masked, ruleset, rule):
                nums = m.spans("NUM")
                if vetoed is None:
                    vetoed = _vetoed(rule, masked, runnable, ruleset, trace)
                qs = [by_start[s] for s, _ in nums if s in by_start]
                if trace is not None:
                    trace.append(MatchTrace(rule.id, pat.index, m.start(), m.end(),
                                            tuple(qs), vetoed))
                if vetoed:
                    for q in qs:
                        vetoed_by.setdefault(q.start, []).append(rule.id)
                    continue
                groups = m.re.groupindex
                whos = m.spans("who") if "who" in groups else []
                sides = m.spans("side") if "side" in groups else []
                first = qs[0] if qs else None
                for i, (s, e) in enumerate(nums):
                    q = by_start.get(s)
                    if q is None:
                        continue
                    if not claimable(q):
                        # {ORD} bound a year, a date...: never a claim; nor "the first
                        # victim", which names a person, not a toll
                        if q.kind != "ordinal" or not q.value or q.value < 2:
                            continue
                        q = replace(q, kind="count")  # "l'ottava vittima": a toll of 8
                    hi = nums[i + 1][0] if i + 1 < len(nums) else m.end()
                    prev = nums[i - 1][1] if i else m.start()
                    who = _text(sentence, _pick(whos, e, hi, prev, s))
                    side = _text(sentence, _pick(sides, e, hi, prev, s))
                    if (i and rule.share_qualifier and first is not None
                            and first.qualifier in _SHARED_QUALIFIERS and q.qualifier == "exact"):
                        q = _share_qualifier(q, first)
                    candidates.setdefault(s + base, []).append(
                        _Candidate(rule, pat, m.end() - m.start(), q, who, side,
                                   i + 1 < len(nums)))
    # a breakdown needs a claimed figure and another count no rule claimed
    if candidates and any(t + base not in candidates for t, q in by_start.items()
                          if claimable(q)):
        _breakdowns(lang, masked, runnable, base, sentence, by_start, candidates, ruleset)
    if diagnose:
        others = [q for q in quantities if not claimable(q)]
        for rule in ruleset.for_lang(lang) if others else ():
            for pat in rule.patterns:
                for m in _run(pat, pat.loose(), masked, ruleset, rule):
                    qs = [by_start[s] for s, _ in m.spans("NUM")
                          if s in by_start and not claimable(by_start[s])]
                    for q in qs:
                        loose_hits.setdefault(q.start, []).append(rule.id)
                    if qs and trace is not None:
                        trace.append(MatchTrace(rule.id, pat.index, m.start(), m.end(),
                                                tuple(qs), loose=True))
    backoff = ruleset.backoff.get(lang) if figures else None
    if backoff is not None:
        _back_off(backoff, lang, masked, runnable, base, by_start, candidates, vetoed_by,
                  ruleset)
    claims: list[Claim] = []
    unclaimed: list[Unclaimed] = []
    cued = (_statuses(lang, masked, runnable, {s - base for s in candidates}, ruleset, trace)
            if candidates else {})
    statuses: dict[int, str] = {}

    def status_of(start: int) -> str:
        """A figure's status; a breakdown item has its whole's ("this morning they recovered
        five bodies: two women and three men" are all today's finds), except a hospital
        level's: "of the 15 in hospital, 12 are adults" makes the 12 a part linked to its
        whole (the parent), with a status of its own."""
        if start not in statuses:
            best, _, _ = _choose(candidates[start])
            whole = (status_of(best.parent)
                     if best.parent is not None and best.parent in candidates else None)
            if whole is not None and whole != "hospitalised":
                statuses[start] = whole
            else:
                statuses[start] = _ceiling(
                    best.pattern.status or cued.get(start - base)
                    or _word_status(lang, best.quantity, ruleset) or "counted", best.quantity)
        return statuses[start]

    for tok, q in by_start.items():
        cands = candidates.get(tok + base)  # keyed by where the figure's token starts
        if cands:
            best, who, side = _choose(cands)
            status = status_of(tok + base)
            claims.append(Claim(doc=doc, metric=best.rule.metric, quantity=best.quantity,
                                rule=best.rule.id, quote=sentence.text, quote_start=base,
                                who=who, side=side, lang=lang, status=status))
        elif claimable(q):
            ids = sorted(set(vetoed_by.get(q.start, ())))
            reason = f"vetoed by unless in {', '.join(ids)}" if ids else "no rule matched"
            unclaimed.append(Unclaimed(doc, q, sentence.text, base, reason))
        elif q.start in loose_hits:
            ids = sorted(set(loose_hits[q.start]))
            unclaimed.append(Unclaimed(doc, q, sentence.text, base,
                                       f"not a count: {q.kind} (would match {', '.join(ids)})"))
    return claims, unclaimed
