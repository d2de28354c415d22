"""The party a counted group belongs to.

The claim rules capture the side words as written ("armeni", "azeri") and the counted
group (``who``: "soldati armeni"); this module maps those words to a party id with the
language's side words (``context.toml`` [sides] merged with ``sides.toml`` [parties]).
"both sides" phrases make the figure a ``total``. A possessive ("its soldiers", "i suoi
soldati") takes the side of the sentence's subject: the first side word before the figure.
"""

from __future__ import annotations

from .lexicon import Lexicon
from .period import clause_of

TOTAL = "total"
# how far after the figure a side word still qualifies it ("50 azeri", "49 of its soldiers")
_AFTER = 40
# a possessive qualifies the figure only right after it ("49 of its", "49 dei suoi"),
# not further on ("100.000 persone sono fuggite dalle proprie case")
_POSSESSIVE = 12
# a side word this close after the figure names its group ("50 azeri", "50 soldati azeri")
_RIGHT_AFTER = 25


def party_of(words: str | None, lex: Lexicon) -> str | None:
    """The party named by ``words`` (a side or who phrase), ``total``, or None.

    When several parties are named, the first one in the text wins ("soldati armeni e
    azeri" is ambiguous and left to the caller: see :func:`side_of`).
    """
    if not words:
        return None
    if lex.both_re is not None and lex.both_re.search(words):
        return TOTAL
    return lex.sides.first(words)


def side_of(raw_side: str | None, who: str | None, text: str, start: int, end: int,
            lex: Lexicon, clause: tuple[int, int] | None = None) -> str | None:
    """The side of a figure at ``text[start:end]`` (offsets in the sentence; ``clause``: its
    :func:`clause_of`, if already known).

    Order: the side words the rule captured; the counted group; a "both sides" phrase
    or a side word right after the figure ("50 azeri", "fino a 100 morti da entrambe le
    parti"); a possessive after the figure, which takes the subject's side. None when
    the sentence does not say (the comparator reads unknown as total).
    """
    for words in (raw_side, who):
        party = party_of(words, lex)
        if party is not None:
            return party
    after = text[end:end + _AFTER]
    # a following figure starts a new group: stop at the next digit
    for i, ch in enumerate(after):
        if ch.isdigit():
            after = after[:i]
            break
    if lex.both_re is not None and lex.both_trigger.may_match(text):
        # a total phrase in the figure's clause ("100 morti da entrambe le parti", "in
        # totale 100 morti"), or right after it
        c_start, c_end = clause or clause_of(text, start, end, lex)
        if (lex.both_re.search(text[c_start:start]) or lex.both_re.search(text[end:c_end])
                or lex.both_re.search(text[end:end + 4 * _AFTER])):
            return TOTAL
    m = lex.possessive_re.search(after[:_POSSESSIVE]) if lex.possessive_re is not None else None
    if m is not None:
        # "49 of its soldiers", "49 dei suoi soldati": the subject's side
        party = lex.sides.first(text[:start])
        if party is not None:
            return party
    # a side word right after the figure, in its clause ("50 azeri sono morti"); two
    # parties there are a place, not a side ("100 morti tra Armenia e Azerbaigian")
    found = lex.sides.find(after.split(",")[0])
    if len({party for _, _, party in found}) == 1 and found[0][0] < _RIGHT_AFTER:
        return found[0][2]
    return None
