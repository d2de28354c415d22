"""The list reader: the items of a list of people whose predicate is in the list's head or
in the sentence before it.

"Fifteen people died. They include four tourists, two guides and one driver": no item has a
metric word beside it, so neither the rules nor the back-off reader read them; the list's
head ("They include") points back to the figure the sentence before ends with, and every
item is a part of that whole, of its metric. A head may also name the whole by its metric's
words ("Among the dead were 14 Swiss, six Dutch"). Reporting lists victims this way by
nationality, role and age, on every event: the reader reads the structure (a head, items
joined by commas and a last conjunction), never a phrasing of one list.

Precision first: a head pointing back needs a claim as the last count before it (in its
sentence, else the sentence before), and claims of one metric only there: "The coach carried
48 tourists. They include 20 Swedes" is no toll, nor is a list after a count of the rescued,
and after "32 missing, including six bodies" the pronoun may stand for either. The metric is
one the back-off reader reads (no army, no "casualties", which mixes the dead and the hurt). A named head needs the words of
exactly one metric and none of people who came to no harm. An item of one ("a Pakistani",
"one porter") counts only in a list of two items or more, and the item after the last
conjunction ends the list ("two stewards, a Swede and a Dane": an aside).
Items a rule already claimed are kept as they are; a list with an item a rule gave another
metric is left alone. Its words are data: ``rules/lang/<lang>/lists.toml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .model import Claim, Quantity, Sentence, Unclaimed
from .rules import TOKEN_CLAIMABLE, TOKEN_FILL, TOKEN_OTHER, Backoff, Lists

_TOKENS = (TOKEN_CLAIMABLE, TOKEN_OTHER)
_BREAK = regex.compile("[;:.!?]")
_LAST_BREAK = regex.compile("[;:.!?]", regex.REVERSE)


@dataclass(frozen=True)
class Antecedent:
    """What a pronoun at the start of the next sentence may stand for: the claim of the last
    count of a sentence (None when that count is no claim, or the sentence has none)."""

    claim: Claim | None
    metrics: frozenset[str] = frozenset()  # the metrics of all the sentence's claims
    text: str = ""  # the sentence: its metric words name a toll told with no figure
    part: bool = False  # the claim is a partitive's part, the items' whole for certain


@dataclass(frozen=True)
class _Item:
    start: int  # where the figure's token starts (masked offsets)
    who: tuple[int, int] | None  # the counted people's span (masked offsets)
    one: bool  # an article or "one" the number reader left as a word


def read_lists(lists: Lists, backoff: Backoff | None, masked: str, sentence: Sentence,
               by_start: dict[int, Quantity], made: Sequence[Claim],
               missed: Sequence[Unclaimed], before: Antecedent | None, doc: str
               ) -> tuple[list[Claim], list[Unclaimed]]:
    """``made`` and ``missed`` (the claims and unclaimed counts of ``sentence``) with the
    unclaimed items of its lists read as claims. ``masked`` is the sentence masked as the
    claim rules see it, ``by_start`` its quantities by token start (sentence offsets),
    ``before`` what the sentence before ends with."""
    base = sentence.start
    open_ = {u.quantity.start: u for u in missed if u.reason == "no rule matched"}
    if not open_:
        return list(made), list(missed)  # a list of words of one alone is no list
    claimed = {c.quantity.start: c for c in made}
    new: dict[int, Claim] = {}
    for head, pointing in _heads(lists, masked):
        items = _items(lists, masked, head)
        if not items:
            continue
        if len(items) < 2:
            items = [i for i in items if not i.one and _value(by_start, i) != 1]
            if not items:
                continue
        whole = (_antecedent(masked, head, by_start, claimed, base, before) if pointing
                 else None)
        if pointing:
            if whole is None:
                continue
            metric, status = whole.metric, whole.status
        else:
            got = _named_metric(lists, backoff, masked, head)
            if got is None:
                continue
            metric, status = got, "counted"
        rule = lists.rule(metric)
        if rule is None or backoff is None or metric not in {m for m, _ in backoff.metrics}:
            continue  # only the metrics the back-off reader reads: no army, no "casualties"
        qs = [(i, _quantity(by_start, masked, i, base)) for i in items]
        if any(q is not None and q.start in claimed and claimed[q.start].metric != metric
               for _, q in qs):
            continue  # a rule read an item as another metric: the list is not one whole's
        for item, q in qs:
            if q is None or q.start in claimed or q.start in new:
                continue
            if not item.one and q.start not in open_:
                continue  # vetoed, or not a count: never read again
            who = (sentence.text[item.who[0]:item.who[1]].strip() or None
                   if item.who else None)
            # its whole is linked by the context stage (parents.toml): the pronoun may stand
            # for the whole of the last count, not the last count ("Of the 15 hurt, 8 are in
            # intensive care, two critical. Among them are 4 children")
            # a partitive's part as the whole is linked here: the context stage takes no
            # part as a pronoun's whole
            parent = (whole.quantity.start if whole is not None and before is not None
                      and before.part and whole is before.claim else None)
            new[q.start] = Claim(doc=doc, metric=metric, quantity=q, rule=rule.id,
                                 quote=sentence.text, quote_start=base, who=who,
                                 lang=lists.lang, status=status, parent=parent)
    for q, whole in _partitives(lists, backoff, masked, by_start, claimed, open_):
        if q.start not in new:
            new[q.start] = Claim(doc=doc, metric=whole.metric, quantity=q,
                                 rule=f"{lists.lang}/lists", quote=sentence.text,
                                 quote_start=base, who=whole.who, lang=lists.lang,
                                 status=whole.status)
    for q, metric, status in _places(lists, backoff, masked, by_start, claimed, open_):
        if q.start not in new:
            new[q.start] = Claim(doc=doc, metric=metric, quantity=q,
                                 rule=f"{lists.lang}/lists", quote=sentence.text,
                                 quote_start=base, lang=lists.lang, status=status)
    for q, metric in _carried(lists, backoff, masked, by_start, claimed, open_, before):
        if q.start not in new:
            new[q.start] = Claim(doc=doc, metric=metric, quantity=q,
                                 rule=f"{lists.lang}/lists", quote=sentence.text,
                                 quote_start=base, lang=lists.lang, status="counted")
    if not new:
        return list(made), list(missed)
    out = sorted([*made, *new.values()], key=lambda c: c.quantity.start)
    return out, [u for u in missed if u.quantity.start not in new]


def _partitives(lists: Lists, backoff: Backoff | None, masked: str,
                 by_start: dict[int, Quantity], claimed: dict[int, Claim],
                 open_: dict[int, Unclaimed]):
    """Counts named as a part of a claimed whole right after them ("nine of the 15 people
    killed", "sei dei 20 feriti"): (the count, its whole). They are some of the whole's
    people, counted by its metric; not where the clause says they came to no harm ("12 of
    the 40 missing were found alive": the list reader's ``stops``), nor a part larger than
    its whole."""
    if backoff is None:
        return
    metrics = {m for m, _ in backoff.metrics}
    for tok, q in by_start.items():
        if q.start not in open_ or q.value is None:
            continue
        end = tok + 1
        while end < len(masked) and masked[end] == TOKEN_FILL:
            end += 1
        m = lists.partitive.compiled.match(masked, end)
        if m is None or m.end() not in by_start:
            continue
        wq = by_start[m.end()]
        whole = claimed.get(wq.start)
        if whole is None or whole.metric not in metrics:
            continue
        if wq.value is not None and q.value > (wq.high if wq.high is not None else wq.value):
            continue
        stop = _BREAK.search(masked, m.end())
        if lists.stops.compiled.search(masked, m.end(), stop.start() if stop else len(masked)):
            continue
        yield q, whole


def _places(lists: Lists, backoff: Backoff | None, masked: str,
            by_start: dict[int, Quantity], claimed: dict[int, Claim],
            open_: dict[int, Unclaimed]):
    """The areas of a breakdown by place: items that are a place and its figure in brackets
    (``place``), joined by a comma, the last conjunction or a head going on (``follow``),
    after either
      - a head going on after a claimed figure ("Alta counted 310 deaths, followed by Borgo
        (120), Cima (80) and Dosso district (45)"): the figure before the head must be a
        claim of a metric the back-off reader reads, the last count before it; the items
        take its metric and status (a list after a vote count, a sum of money or a
        population is no toll's: "Rossi took 310 votes, followed by Bianchi (120)");
      - a head naming the metric by its words ("Most deaths were in Alta (310), then Borgo
        (120)", ``place_head``): exactly one metric, counted.
    Each is (the item's count, its metric, its status). A bracket holding a year, a
    magnitude or a decimal is no item ("(2015)", "(7.8)"): only a whole count in brackets
    that no rule read."""
    if backoff is None or lists.place is None:
        return
    metrics = {m for m, _ in backoff.metrics}
    heads: list[tuple[int, str, str]] = []  # (where the first place starts, metric, status)
    for head in (lists.follow.compiled.finditer(masked) if lists.follow is not None else ()):
        prior = [s for s, q in by_start.items() if s < head.start() and q.kind == "count"]
        if not prior:
            continue
        lead = claimed.get(by_start[max(prior)].start)
        if lead is not None and lead.metric in metrics:
            heads.append((head.end(), lead.metric, lead.status))
    for head in (lists.place_head.compiled.finditer(masked) if lists.place_head is not None
                 else ()):
        metric = _words_metric(lists, backoff, head.group())
        if metric in metrics and not lists.stops.compiled.search(head.group()):
            heads.append((head.end(), metric, "counted"))
    for pos, metric, status in heads:
        while True:
            m = lists.place.compiled.match(masked, pos)
            if m is None or masked[m.end():m.end() + 1] != TOKEN_CLAIMABLE:
                break
            end = m.end() + 1
            while end < len(masked) and masked[end] == TOKEN_FILL:
                end += 1
            if masked[end:end + 1] != ")":
                break
            q = by_start.get(m.end())
            if (q is None or q.kind != "count" or q.start not in open_ or q.value is None
                    or q.value != int(q.value)):
                break
            yield q, metric, status
            # the list goes on after a head ("then", "followed by"), a comma or "and"
            more = (lists.follow.compiled.match(masked, end + 1) if lists.follow is not None
                    else None)
            if more is not None:
                pos = more.end()
                continue
            sep = lists.sep.compiled.match(masked, end + 1)
            if sep is None or (sep.group() != ", " and not lists.last.compiled.fullmatch(
                    sep.group())):
                break
            pos = sep.end()


def antecedent(made: Sequence[Claim], quantities: Sequence[Quantity],
               lists: Lists | None = None, sentence: Sentence | None = None) -> Antecedent:
    """What the last count of a sentence leaves to a pronoun in the next: its claim, if the
    last count of people (a claim or an unclaimed count) is one. When that count is the whole
    of a partitive ("police named nine of the 15 dead"), the phrase's head is the part: the
    pronoun stands for the nine, and they are the items' whole (``part``)."""
    counts = [q for q in quantities if q.kind == "count" or q.start in {c.quantity.start
                                                                        for c in made}]
    if not counts:
        return Antecedent(None)
    last = max(counts, key=lambda q: q.start)
    claim = next((c for c in made if c.quantity.start == last.start), None)
    metrics = frozenset(c.metric for c in made)
    if claim is not None and lists is not None and sentence is not None:
        base = sentence.start
        part = next((c for c in made if c.metric == claim.metric and c.quantity.end <= last.start
                     and lists.partitive.compiled.fullmatch(
                         sentence.text[c.quantity.end - base:last.start - base])), None)
        if part is not None:
            return Antecedent(part, metrics, part=True)
    return Antecedent(claim, metrics)


def _words_metric(lists: Lists, backoff: Backoff | None, text: str) -> str | None:
    """The one metric whose words (the back-off reader's, or a head noun's) ``text`` holds."""
    if backoff is None or not text:
        return None
    found = {m for m, p in backoff.metrics if p.compiled.search(text)}
    found |= {m for m, p in lists.nouns if p.compiled.search(text)}
    return found.pop() if len(found) == 1 else None


def _carried(lists: Lists, backoff: Backoff | None, masked: str, by_start: dict[int, Quantity],
             claimed: dict[int, Claim], open_: dict[int, Unclaimed], before: Antecedent | None):
    """Counts that restate a toll named before them ("The death toll rose again. It now
    stands at 40."; "29 bodies were pulled out overnight, bringing the total to 507"): a
    figure right after a toll's frame (``carry``: a pronoun or a word for a total and a verb
    of level) that ends its clause (``carry_after``) is a toll of the metric before it: of
    the claims before it in its sentence, or with no count there, of the sentence before
    (its claims, else its words), exactly one metric. A sentence whose count before the
    figure is no claim gives none ("pulled 12 alive, bringing the total to 40")."""
    if backoff is None:
        return
    metrics = {m for m, _ in backoff.metrics}
    for tok, q in sorted(by_start.items()):
        if q.start not in open_:
            continue
        brk = _LAST_BREAK.search(masked, 0, tok)
        lo = brk.end() if brk else 0
        if lists.carry.compiled.search(masked, lo, tok) is None:
            continue
        end = tok + 1
        while end < len(masked) and masked[end] == TOKEN_FILL:
            end += 1
        if lists.carry_after.compiled.match(masked, end) is None:
            continue
        prior = [by_start[s] for s in by_start if s < tok and by_start[s].kind == "count"]
        if prior:
            found = {claimed[x.start].metric for x in prior if x.start in claimed}
            if len(found) != 1 or any(x.start not in claimed for x in prior):
                continue
            metric = found.pop()
        elif before is None:
            continue
        elif before.metrics:
            if len(before.metrics) != 1:
                continue
            metric = next(iter(before.metrics))
        else:
            metric = _words_metric(lists, backoff, before.text)
        if metric in metrics:
            yield q, metric


def _heads(lists: Lists, masked: str):
    """The list heads of the sentence: (where the first item starts, points back?)."""
    for pointing, pat in ((True, lists.anaphoric), (False, lists.named)):
        for m in pat.compiled.finditer(masked):
            yield m.end(), pointing


def _items(lists: Lists, masked: str, pos: int) -> list[_Item]:
    """The items of a list starting at ``pos``: each a figure (or a word of one) and its
    people, joined by ``sep``; the item after ``last`` ends it."""
    out: list[_Item] = []
    final = False
    while True:
        got = _item(lists, masked, pos)
        if got is None:
            break
        item, end = got
        out.append(item)
        sep = None if final else lists.sep.compiled.match(masked, end)
        if sep is None:
            break
        final = lists.last.compiled.search(sep.group()) is not None
        pos = sep.end()
    return out


def _item(lists: Lists, masked: str, pos: int) -> tuple[_Item, int] | None:
    """The item at ``pos`` and where it ends, or None: a figure's token, or a word of one
    the number reader left ("one porter"), then its people."""
    one = False
    if pos < len(masked) and masked[pos] == TOKEN_CLAIMABLE:
        end = pos + 1
        while end < len(masked) and masked[end] == TOKEN_FILL:
            end += 1
    else:
        word = next((w for w in lists.ones if masked[pos:pos + len(w)].casefold() == w
                     and masked[pos + len(w):pos + len(w) + 1] == " "), None)
        if word is None:
            return None
        end, one = pos + len(word), True
    m = lists.item.compiled.match(masked, end)
    if m is None:
        return None
    who = m.span("who") if m.group("who") else None
    return _Item(pos, who, one), m.end()


def _value(by_start: dict[int, Quantity], item: _Item) -> float | None:
    q = by_start.get(item.start)
    return q.value if q is not None else None


def _quantity(by_start: dict[int, Quantity], masked: str, item: _Item, base: int
              ) -> Quantity | None:
    """The item's figure: the number reader's, or a count of one for a word it left."""
    q = by_start.get(item.start)
    if q is not None:
        return q if q.kind == "count" else None
    if not item.one:
        return None
    end = masked.index(" ", item.start)
    text = masked[item.start:end]
    return Quantity(base + item.start, base + end, text, "count", 1, 1, 1)


def _antecedent(masked: str, head: int, by_start: dict[int, Quantity],
                claimed: dict[int, Claim], base: int, before: Antecedent | None
                ) -> Claim | None:
    """The claim a head pointing back stands for: the last count before it in the sentence
    (a claim, else nothing), or with no count there, the sentence before's last."""
    prior = [q for s, q in by_start.items() if s < head and q.kind == "count"]
    if prior:
        last = max(prior, key=lambda q: q.start)
        whole = claimed.get(last.start)
        metrics = {claimed[q.start].metric for q in prior if q.start in claimed}
    elif before is not None:
        whole, metrics = before.claim, before.metrics
    else:
        return None
    # claims of two metrics before the pronoun: it may stand for either, take neither
    return whole if len(metrics) == 1 else None


def _named_metric(lists: Lists, backoff: Backoff | None, masked: str, head: int
                  ) -> str | None:
    """The one metric whose words the head ending at ``head`` names, or None."""
    for m in lists.named.compiled.finditer(masked):
        if m.end() != head:
            continue
        words = m.group()
        if lists.stops.compiled.search(words):
            return None
        found = {metric for metric, p in lists.nouns if p.compiled.search(words)}
        if backoff is not None:
            found |= {metric for metric, p in backoff.metrics if p.compiled.search(words)}
        return found.pop() if len(found) == 1 else None
    return None
