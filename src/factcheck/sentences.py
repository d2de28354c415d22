"""Split prose into sentences, keeping character offsets into the article text.

A sentence ends at a blank line or line break, or at ``. ! ? …`` followed by
white space and something that can open a sentence. Never inside ``1.200``,
``6'500`` or ``3,5`` (no white space follows the dot), and never after a known
abbreviation (``sig.``, ``U.S.``: language data).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex

from . import regexcache
from .langdata import load_lang
from .model import Sentence

# candidate boundary: terminal punctuation (plus closing quotes/brackets) then space,
# or a line break; the text after must be able to open a sentence
_BOUNDARY = regexcache.compile(r"""[.!?…]+[”"'’»)\]]*(?=\s+[\p{Lu}\p{N}“"«'‘(\[–—-])|\n""")
_WORD_BEFORE = regexcache.compile(r"([\p{L}.]+)\.$")
# initials ("T.H. Chan", "J.R.R. Tolkien"): letters each followed by a dot, never an end
_INITIALS = regexcache.compile(r"(?:\p{L}\.)+\p{L}")
# a "sentence" longer than this (scraped text without punctuation, a 10 MB line) is cut at
# its last space before the limit, so quotes stay readable and rule matching stays linear
MAX_SENTENCE = 1500
_SPACE = regexcache.compile(r"\s", regex.REVERSE)


@lru_cache(maxsize=None)
def _abbreviations(lang: str, root: Path | None) -> frozenset[str]:
    return frozenset(a.lower() for a in load_lang(lang, "sentences", root, inherit=True).get("abbreviations", ()))


def split_sentences(
    text: str, lang: str = "it", regions: tuple[tuple[int, int], ...] | None = None,
    root: Path | None = None,
) -> list[Sentence]:
    """Sentences of ``text`` (only inside ``regions`` when given), stripped, with offsets;
    ``root``: the rules folder whose abbreviations are no sentence end (default: the one in
    use)."""
    abbrevs = _abbreviations(lang, root)
    out: list[Sentence] = []
    for r_start, r_end in regions or ((0, len(text)),):
        start = r_start
        for m in _BOUNDARY.finditer(text, r_start, r_end):
            if m.group() != "\n":
                word = _WORD_BEFORE.search(text, max(r_start, m.start() - 12), m.start() + 1)
                # "sig. Rossi", "U.S. Army", initials "J. Smith", "T.H. Chan": not an end
                if word and (word.group(1).lower() in abbrevs or len(word.group(1)) == 1
                             or _INITIALS.fullmatch(word.group(1))):
                    continue
            _append(out, text, start, m.end())
            start = m.end()
        _append(out, text, start, r_end)
    return out


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    # str.strip drops exactly the characters str.isspace names, at C speed (a blank line,
    # the commonest piece, costs one slice)
    piece = text[start:end]
    kept = piece.strip()
    if not kept:
        return
    start += len(piece) - len(piece.lstrip())
    end = start + len(kept)
    if end - start <= MAX_SENTENCE:
        out.append(Sentence(start, end, kept))
        return
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        # the last space in the window's final third, else a hard cut
        cut = _SPACE.search(text, start + MAX_SENTENCE * 2 // 3, limit)
        stop = cut.end() if cut else limit
        _append(out, text, start, stop)
        start = stop
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))
