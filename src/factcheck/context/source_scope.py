"""What an attribution in a figure's sentence covers by where it stands: clauses bound it.

An attribution in brackets speaks for what is in them, or for the phrase right before them;
one that modifies the figure before it ("not 15 as first reported by local media", "up from 9
reported by the ministry": ``[sources] left_cues``) for that figure only; one inside a
relative clause (``[sources] relatives``: "The quake, which the institute said had a
magnitude of 6.1, killed 300") for that clause, unless the clause is the figure's own ("the
500 deaths that officials reported"); one after the figure in a later clause of its own
(past a ";" or a ``[sources] contrasts`` word: "..., while in Borgoverde, according to the
mayor, three are missing") for that clause, unless it closes the sentence. Split from
:mod:`.sources`, which finds the attributions and picks among those this leaves.
"""

from __future__ import annotations

from .. import regexcache
from .lexicon import Lexicon

# what may close a sentence after its last word, and stand between a clause and an
# attribution beside it (as in :mod:`.sources`)
_END = " \t\n.!?…»”\"'’)"
_BESIDE = " \t\n,;:"
# how far before an attribution a relative word opening its clause may be
_NP_WINDOW = 160


# a number between two places of a sentence
_FIGURE_BETWEEN = regexcache.compile(r"\d")


def covers(text: str, span: tuple[int, int, str], start: int, end: int, lex: Lexicon) -> bool:
    """Whether an attribution of the figure's sentence may cover the figure at
    ``text[start:end]`` by where it stands. An attribution in brackets speaks for what is
    in them, or for the phrase right before them ("molti turisti (secondo la prefettura),
    tre tedeschi": not the three); one that modifies the figure before it (``left_cues``:
    "40, not 55 as reported by the media") for that figure only, with no other number
    between them."""
    s, e, _ = span
    opened = text.rfind("(", 0, s)
    if opened >= 0 and text.find(")", opened, s) < 0:
        closed = text.find(")", e)
        if closed >= 0:
            if start > closed:
                return False  # after the brackets: the words before them are theirs
            if end <= opened and _CLAUSE_BREAK.search(text, end, opened):
                return False  # before them, but in another item of a list or clause
    if not _same_relative(text, s, start, end, lex):
        return False
    if s >= end and _opens_later_clause(text, span, end, lex):
        return False
    if lex.source_left_re is not None:
        # the cue may be found from its verb too ("reported by ..."): any left cue holding
        # the attribution's start
        left = next((m for m in lex.source_left_re.finditer(text, max(0, s - _LEFT_REACH))
                     if m.start() <= s <= m.end()), None)
        if left is not None:
            return left.start() >= end and _FIGURE_BETWEEN.search(text, end, left.start()) is None
    return True


# how far before an attribution's start a left cue holding it may open
_LEFT_REACH = 40
# a clause mark: not a comma within a number ("3,000")
_CLAUSE_BREAK = regexcache.compile(r"[;:]|,(?!\d)")
# how far after a figure its own relative clause may open ("the 500 deaths that ...")
_OWN_RELATIVE = 40


def _opens_later_clause(text: str, span: tuple[int, int, str], end: int, lex: Lexicon) -> bool:
    """Whether an attribution after a figure (ending at ``end``) stands in a later clause
    of its own, which goes on after it: past a ";" or a word opening a clause of its own
    (``[sources] contrasts``) and followed by words of that clause ("12 died in Valcorvo,
    while in Borgoverde, according to the mayor, three are missing": not the 12; "12 died
    last week; according to the mayor, 3 more were found"). A speech tag closing the
    sentence covers all it closes ("12 died, while 8 were hurt, police said")."""
    s, e, _ = span
    if any(p.match(text, s) for p in lex.source_signatures):
        return False  # a post's signature signs all of the post before it
    between = text[end:s]
    if ";" not in between and (lex.source_contrast_re is None
                                or lex.source_contrast_re.search(between) is None):
        return False
    rest = text[e:].rstrip(_END)
    if lex.source_cut is not None:
        rest = lex.source_cut.sub("", rest)
    if lex.source_tail_re is not None and lex.source_tail_re.fullmatch(text, e, e + len(rest)):
        return False
    rest = rest.strip(_BESIDE)
    if lex.source_relative_re is not None and lex.source_relative_re.match(rest):
        return False  # a relative clause of the source's own ("..., the mayor, who said ...")
    return bool(rest)


def _same_relative(text: str, s: int, start: int, end: int, lex: Lexicon) -> bool:
    """Whether an attribution at ``s`` inside a relative clause reaches the figure at
    ``text[start:end]``: it speaks for its clause only ("The quake, which the institute said
    had a magnitude of 6, killed 300": not the 300; "... since the 1980 floods that the
    government said killed 3,000": not a figure before them). The clause opens with a
    relative word (``[sources] relatives``) before the attribution, no clause mark between
    them, and runs to the next clause mark; a figure in it, or one whose own relative
    clause it is ("the 500 deaths that health officials reported"), is reached. True when
    the attribution is in no relative clause."""
    if lex.source_relative_re is None:
        return True
    rel = None
    for m in lex.source_relative_re.finditer(text, max(0, s - _NP_WINDOW), s + 1):
        rel = m
    if rel is None or _CLAUSE_BREAK.search(text, rel.end(), s) is not None:
        return True
    mark = _CLAUSE_BREAK.search(text, max(s, rel.end()))
    close = mark.start() if mark is not None else len(text)
    if rel.start() <= start and end <= close:
        return True  # the figure is in the clause
    if end <= rel.start() and rel.start() - end <= _OWN_RELATIVE and _CLAUSE_BREAK.search(
            text, end, rel.start()) is None:
        return True  # the clause is the figure's own
    return False
