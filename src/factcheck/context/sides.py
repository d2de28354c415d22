"""The party a counted group belongs to.

The claim rules capture the side words as written ("armeni", "azeri") and the counted
group (``who``: "soldati armeni"); this module maps those words to a party id with the
parties file (``rules/parties.toml``, through the lexicon). "both sides" phrases make the
figure a ``total``. A possessive ("its soldiers", "i suoi soldati") or a party's own
losses ("Kyiv says it lost 31 soldiers") take the side of the sentence's subject: the
first party named before the figure.

A nationality names a side in a war; in an article about a disaster it names a subgroup
of the victims ("tre turisti tedeschi"), and the figure counts everyone's toll: see
:func:`is_conflict`. With no side named, a figure counts everyone (``total``) unless its
group belongs to one side ("sono morti 12 soldati"): then the side is unknown (None).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex

from .. import regexcache
from ..errors import FactcheckError
from ..langdata import lang_file, load_lang
from .gazetteer import slugify
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
# how far before the figure a party's own-loss phrase may start ("said it had lost")
_OWN_LOSS = 80


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


def is_conflict(article_text: str, sentence: str, lex: Lexicon,
                toks: list[str] | None = None) -> bool:
    """Do nationalities name sides here? Yes when the article speaks of fighting
    (``context.toml`` [conflict]) or the figure's sentence counts a group of one side
    ("49 soldati armeni e 50 azeri"); no in an article about a flood or an earthquake.
    ``toks``: the :func:`.words.tokens` of ``article_text``, if already cut."""
    return lex.conflict.occurs(article_text, toks) or lex.one_side.occurs(sentence)


def one_sided(who: str | None, text: str, end: int, lex: Lexicon) -> bool:
    """Does the counted group belong to one side ("12 soldati", "troops")? Read in
    ``who``, else in the words right after the figure."""
    if who:
        return bool(lex.one_side.find(who))
    return bool(lex.one_side.find(_after(text, end)[:_RIGHT_AFTER]))


def default_side(who: str | None, text: str, end: int, lex: Lexicon) -> str | None:
    """The side of a figure that names none: everyone (``total``), unless its group
    belongs to one side, whose side is then unknown."""
    return None if one_sided(who, text, end, lex) else TOTAL


def _after(text: str, end: int) -> str:
    """The words after a figure, up to the next figure (a digit starts a new group)."""
    after = text[end:end + _AFTER]
    for i, ch in enumerate(after):
        if ch.isdigit():
            return after[:i]
    return after


def side_of(raw_side: str | None, who: str | None, text: str, start: int, end: int,
            lex: Lexicon, clause: tuple[int, int] | None = None, conflict: bool = True
            ) -> str | None:
    """The side of a figure at ``text[start:end]`` (offsets in the sentence; ``clause``: its
    :func:`clause_of`, if already known; ``conflict``: :func:`is_conflict`).

    Order: the side words the rule captured; the counted group; a "both sides" phrase
    or a side word right after the figure ("50 azeri", "fino a 100 morti da entrambe le
    parti"); a possessive after the figure or a party's own losses before it, which take
    the subject's side. Outside a conflict a nationality is no side (a subgroup). None
    when the sentence does not say: see :func:`default_side`.
    """
    for words in (raw_side, who):
        party = party_of(words, lex)
        if party is not None and (conflict or party == TOTAL
                                  or not lex.side_people.find(words or "")):
            return party
    after = _after(text, end)
    if lex.both_re is not None and lex.both_trigger.may_match(text):
        # a total phrase in the figure's clause ("100 morti da entrambe le parti", "in
        # totale 100 morti"), or right after it
        c_start, c_end = clause or clause_of(text, start, end, lex)
        if (lex.both_re.search(text[c_start:start]) or lex.both_re.search(text[end:c_end])
                or lex.both_re.search(text[end:end + 4 * _AFTER])):
            return TOTAL
    m = lex.possessive_re.search(after[:_POSSESSIVE]) if lex.possessive_re is not None else None
    if m is None and lex.own_loss_re is not None:
        # "Kyiv says it lost 31 soldiers", "Mosca ha ammesso la morte di 89 militari"
        m = lex.own_loss_re.search(text[max(0, start - _OWN_LOSS):start])
    if m is not None:
        # "49 of its soldiers", "49 dei suoi soldati": the subject's side
        party = lex.sides.first(text[:start])
        if party is not None:
            return party
    if not conflict:
        return None
    # a demonym or armed group right after the figure, in its clause ("50 azeri sono
    # morti"); a place name there is where, not whose ("300 morti in Italia"); two parties
    # there are a place, not a side ("100 morti tra armeni e azeri")
    found = lex.side_people.find(after.split(",")[0])
    if len({party for _, _, party in found}) == 1 and found[0][0] < _RIGHT_AFTER:
        return found[0][2]
    return None


# how far before a population figure the words saying it is a town's may start ("Valcorvo,
# a small mountain town of 1,200")
_TOWN_LEAD = 60


@lru_cache(maxsize=None)
def town_lead(lang: str, root: Path | None = None) -> regex.Pattern | None:
    """The ``[towns] lead`` patterns of ``rules/lang/<lang>/sides.toml`` as one pattern
    anchored at the end of the words before a figure (cached per rules folder; None when
    the language has none): the figure counts the people of a town named before them."""
    leads = load_lang(lang, "sides", root).get("towns", {}).get("lead", [])
    path = str(lang_file(lang, "sides", root))
    if not isinstance(leads, list) or not all(isinstance(p, str) for p in leads):
        raise FactcheckError(f"{path}: towns.lead must be an array of regexes")
    if not leads:
        return None
    try:
        return regexcache.compile("(?:" + "|".join(f"(?:{p})" for p in leads) + r")\Z",
                                  regex.IGNORECASE)
    except regex.error as exc:
        raise FactcheckError(f"{path}: towns.lead: bad regex: {exc}") from None


def town_of(text: str, start: int, places: list[tuple[int, int, str]], lead: regex.Pattern
            ) -> str | None:
    """The town whose people a population figure at ``text[start:]`` counts ("Valcorvo, a
    town of 1,200", "Valcorvo ... la città che conta 100.000 abitanti"): when the words
    right before it say the figure is a town's (``lead``: :func:`town_lead`), the place
    named last before those words in the sentence (``places``: (start, end, id) of the
    sentence's places, in order). None when they do not, or name no place: a population
    that is no town's ("the island nation of 21 million") stays everyone's."""
    m = lead.search(text, max(0, start - _TOWN_LEAD), start)
    if m is None:
        return None
    named = [(ps, pid) for ps, pe, pid in places if pe <= m.start()]
    # the name the town's words are an apposition to ("Valcorvo, piccolo comune di 650
    # abitanti"), whether the gazetteer lists it or not: its listed id, else its slug
    apposed = _APPOSED.search(text, max(0, m.start() - _TOWN_LEAD), m.start())
    if apposed is not None:
        listed = [pid for ps, pid in named if ps == apposed.start("name")]
        return listed[0] if listed else slugify(apposed.group("name"))
    return named[-1][1] if named else None


# a capitalised name and a comma, then at most three lower-case words, right before a town's
# words: "Valcorvo, a small town of", "Valcorvo, piccolo comune di"
_APPOSED = regexcache.compile(
    r"(?<![\p{L}\p{M}'’])(?P<name>\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*){0,2})"
    r"\s*,\s*(?:[\p{Ll}\p{M}'’-]+\s+){0,3}\Z")
