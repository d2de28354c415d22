"""The back-off reader: a count no claim rule took, read by proximity.

The claim rules are precise patterns; a figure one word or one word order away from every
pattern is missed. Information-extraction systems pair such patterns with a proximity
reader, and this is one: a count that no pattern claimed or vetoed, that counts people (its
noun is a people noun, a demonym or a role, or it has no noun and a metric word follows it
at once), in the same clause as words of exactly ONE metric within a few words, becomes a
claim of that metric, rule id ``<lang>/backoff``. Two metrics' words in the clause give
nothing (precision first). Its words are data: ``rules/lang/<lang>/backoff.toml``.

The clause of a figure ends at ``; : . ! ?``, at another number (a figure of its own, with
its own predicate) and at a stop word ("but", "while", "none"). Ages, times, money, percents
and years are no counts already (the number reader); a thing counted, a figure inside
quotation marks or before a possessive, an age or the whole of a part ("one of the 12"), a
clause naming the attackers or an illness, and a lone "one" are never read.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from .model import Quantity
from .rules import FLAGS, TOKEN_CLAIMABLE, TOKEN_FILL, TOKEN_OTHER, Backoff, Rule

_BREAKS = frozenset(";:.!?") | {TOKEN_CLAIMABLE, TOKEN_OTHER, TOKEN_FILL}
# double quotation marks: a figure after an odd number of them is inside a quoted title
_QUOTES = frozenset('"“”«»')
_WORDS_AFTER = {n: regex.compile(rf"^(?:[^\p{{L}}]*[\p{{L}}\p{{M}}'-]+){{0,{n}}}", FLAGS)
                for n in range(1, 13)}
# matched backwards from the end of the text (REVERSE): no scan from every position
_WORDS_BEFORE = {n: regex.compile(rf"(?:[\p{{L}}\p{{M}}'-]+[^\p{{L}}]*){{0,{n}}}$",
                                  FLAGS | regex.REVERSE)
                 for n in range(1, 13)}
_BREAK = regex.compile("[;:.!?\ue000\ue001\ue002]")
_LAST_BREAK = regex.compile("[;:.!?\ue000\ue001\ue002]", regex.REVERSE)


def any_metric(backoff: Backoff, masked: str) -> bool:
    """Does the masked sentence hold a metric word at all? (Most sentences with a count no
    rule claimed do not: the reader costs them one search per metric.)"""
    return any(p.compiled.search(masked) for _, p in backoff.metrics)


def read(backoff: Backoff, masked: str, start: int, end: int, q: Quantity
         ) -> tuple[Rule, str | None, tuple[int, int] | None] | None:
    """The claim the back-off reader makes of the count ``q`` whose token is
    ``masked[start:end]``: its stand-in rule (whose metric is the claim's), and the counted
    people's words with their span in the sentence; None when it reads none."""
    if q.value is None or q.value < 2:
        return None  # "one man who died" names a person, not a toll
    if sum(masked.count(c, 0, start) for c in _QUOTES) % 2:
        return None  # inside a quoted title
    brk = _LAST_BREAK.search(masked, 0, start)
    lo = brk.end() if brk else 0
    hi = _clause_end(backoff, masked, end)
    if backoff.guards.compiled.search(masked, 0, start):
        return None  # an age ("aged 8 and 10"), the whole of a part ("one of the 12")
    # a metric word between another number and this one is that number's ("gli altri tre
    # dispersi sono due fratelli"): read words before the figure only in a clause of its own
    after_number = lo > 0 and masked[lo - 1] in (TOKEN_CLAIMABLE, TOKEN_OTHER, TOKEN_FILL)
    left, right = masked[lo:start], masked[end:hi]
    if right.startswith(("'s", "' ")):
        return None  # a possessive: "the 12 miners' families"
    stops = backoff.stops.compiled
    cut = stops.search(right)
    if cut:
        right = right[:cut.start()]
    last = None
    for last in stops.finditer(left):
        pass
    if last is not None:
        left, lo = left[last.end():], lo + last.end()
    noun = backoff.noun.compiled.match(right)
    thing = backoff.things.compiled.match(right)
    if thing and (noun is None or thing.start() <= noun.start("who")):
        return None  # a number of things: "12 buildings", "30 km"
    if noun is not None:
        if noun.end() < len(right) and right[noun.end()] == "'":
            return None  # the people's own: "12 miners' families"
        after = right[noun.end():]
        joined = _joined(backoff, masked, end + noun.end(), hi)
        if joined is not None:
            # "18 adults and 14 children injured": counts listed together share a predicate
            hi = _clause_end(backoff, masked, joined)
            after = masked[joined:hi]
            cut = stops.search(after)
            if cut:
                after = after[:cut.start()]
        words = _WORDS_AFTER[backoff.window].match(after).end()
        before = (_WORDS_BEFORE[backoff.before].search(left).group()
                  if backoff.before and not after_number else "")
        window = [(before, len(before)), (after, words)]
        who = noun.group("who")
        span = (end + noun.start("who"), end + noun.end("who"))
    else:
        # no noun: the metric word itself follows the figure ("12 dead", "5 were missing")
        bare = backoff.bare.compiled.match(right)
        rest = right[bare.end():] if bare else right
        window = [(rest, _WORDS_AFTER[1].match(rest).end())]
        who, span = None, None
    if backoff.vetoes.compiled.search(masked, lo, hi):
        return None  # "the gunmen who killed 12", "treated for the flu": no toll
    found = set(_metrics(backoff, window))
    if len(found) != 1:
        return None  # none, or two metrics compete: take neither
    metric = found.pop()
    return backoff.rule(metric), who, span


def _clause_end(backoff: Backoff, masked: str, pos: int) -> int:
    """Where the clause going on at ``pos`` ends: at ; : . ! ? or at a number, unless that
    number counts things ("remained in eight hospitals"): no figure of people, no clause."""
    things = backoff.things.compiled
    hi = pos
    while True:
        brk = _BREAK.search(masked, hi)
        if brk is None:
            return len(masked)
        hi = brk.start()
        if masked[hi] not in (TOKEN_CLAIMABLE, TOKEN_OTHER):
            return hi  # a stop mark (or a stray fill)
        tok_end = hi + 1
        while tok_end < len(masked) and masked[tok_end] == TOKEN_FILL:
            tok_end += 1
        if not things.match(masked, tok_end):
            return hi
        hi = tok_end


def _joined(backoff: Backoff, masked: str, pos: int, hi: int) -> int | None:
    """Where the noun of the next count of people listed with this one ends, when only a
    conjunction stands between (``masked[pos:hi]``, the figure's noun ends at ``pos``)."""
    if hi >= len(masked) or masked[hi] != TOKEN_CLAIMABLE:
        return None
    if not backoff.joins.compiled.fullmatch(masked, pos, hi):
        return None
    tok_end = hi + 1
    while tok_end < len(masked) and masked[tok_end] == TOKEN_FILL:
        tok_end += 1
    noun = backoff.noun.compiled.match(masked, tok_end)
    return noun.end() if noun is not None else None


def _metrics(backoff: Backoff, window: Iterable[tuple[str, int]]) -> Iterable[str]:
    """The metrics whose words start in the window: each ``(text, limit)`` is a text and how
    far into it a word may start ("unaccounted for" may end past it); a word after a
    determiner is a noun, no predicate ("searched for the missing")."""
    det = backoff.determiners.compiled
    for text, limit in window:
        if not limit:
            continue
        for metric, pat in backoff.metrics:
            for m in pat.compiled.finditer(text):
                if m.start() >= limit:
                    break
                if not det.search(text[:m.start()]):
                    yield metric
                    break
