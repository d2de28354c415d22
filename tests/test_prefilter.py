"""Literal prefilters: a pattern is skipped only where it cannot match.

Spec: ``required_literals(p)`` is a set of case-folded strings one of which is inside
every match of ``p`` (or None); ``cover_words`` replaces them by fewer words of theirs;
``may_match`` is never False where the pattern matches. Checked on hand-written
patterns, on random patterns (hypothesis) and on every pattern of the shipped rules
against every sentence we have.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims import mask
from factcheck.numbers import find_quantities
from factcheck.pipeline import load_ruleset
from factcheck.prefilter import (also_required, contained, cover_words, may_match, prefilter,
                                 required_literals)
from factcheck.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("pattern, expected", [
    # one word of an alternation is in every match, with the space after it
    (r"\b(?:morti|uccisi) \d+", {"morti ", "uccisi "}),
    # small classes are spelled out; letters are case-folded
    (r"rimast[oa] Ferit[ie]", {"rimasto ferite", "rimasto feriti", "rimasta ferite",
                               "rimasta feriti"}),
    # an optional part widens the set; zero-width assertions add nothing
    (r"\b(?:il )?bilancio\b", {"il bilancio", "bilancio"}),
    # the longest certain run wins over a shorter one
    (r"\w+ di \w+ sfollati", {" sfollati"}),
    # a repeated group still requires its own words once
    (r"(?:, (?:feriti|morti))+ \d", {", feriti", ", morti"}),
    # `regex`-only syntax: property classes and group names used twice
    (r"[\p{L}'-]+ (?P<side>armeni)|(?P<side>azeri) morti", {" armeni", "azeri morti"}),
])
def test_required_literals(pattern: str, expected: set[str]) -> None:
    assert required_literals(pattern) == frozenset(expected)


@pytest.mark.parametrize("pattern", [
    r"\d+ \w+",  # no literal at all
    r"(?:ab|c)x",  # "cx" is too short to be worth a look-up
    r"(?:morti)?\d+",  # the only words are optional
    r"(?:morti|\w+) \d",  # one branch has no literal
    r"morti(",  # does not parse: no prefilter, the pattern always runs
    r"(?:morti){e<=1}",  # fuzzy matching, which the standard parser would take for text
    r"[[:alpha:]]+ morti",  # a POSIX class, which it would misread
])
def test_no_prefilter(pattern: str) -> None:
    assert required_literals(pattern) is None


def test_cover_words_are_fewer_words_of_the_strings() -> None:
    strings = frozenset({"il bilancio dei", "il bilancio delle", "il numero dei", "vittime"})
    words = cover_words(strings)
    assert words == {"bilancio", "numero", "vittime"}
    assert all(any(w in s for w in words) for s in strings)


def test_may_match() -> None:
    pre = prefilter(r"\b(?:il )?bilancio dei (?:morti|feriti)")
    assert pre is not None
    words = pre[0]
    text = "il bilancio dei feriti è salito"
    assert may_match(pre, words & {"bilancio"}, text)
    assert not may_match(pre, frozenset(), text)  # no cover word present
    assert not may_match(pre, words, "il bilancio della guerra")  # words but no string
    assert may_match(None, frozenset(), "anything")  # no prefilter: always run


def test_every_part_of_a_sequence_must_be_there() -> None:
    # three parts, each with its own required strings: the most selective one is the
    # prefilter's words, the other two are checked after it
    pattern = r"\b(?:morti|uccisi) \w+ (?:ieri|oggi) \w+ (?:civili|soldati)\b"
    pre = prefilter(pattern)
    assert pre is not None and pre[0] == {"civili", "soldati"}
    assert set(map(frozenset, pre[2])) == {frozenset({"morti ", "uccisi "}),
                                           frozenset({" ieri ", " oggi "})}
    for text, can in [("morti anche oggi tra civili", True),
                      ("uccisi ieri sera tre soldati", True),
                      ("morti e feriti tra i civili", False),  # no "ieri"/"oggi"
                      ("oggi sono stati evacuati 300 civili", False)]:  # no "morti"/"uccisi"
        folded = text.casefold()
        assert may_match(pre, pre[0] & set(folded.split()), folded) is can, text
        assert (regex.search(pattern, text, regex.I) is not None) <= can


@pytest.mark.parametrize("pattern", [
    r"\b(?:morti|uccisi|feriti) \d+",  # one part: its set is the prefilter itself
    r"(?:bilancio \w+ vittime|vittime \w+ bilancio)",  # one alternation: sets already joined
    r"(?:morti|uccisi) \w+ (?:a|e)\b",  # the other part's strings are too short
])
def test_no_further_sets(pattern: str) -> None:
    lits = required_literals(pattern)
    assert lits is not None and also_required(pattern, lits) == ()


# ---------------------------------------------------------------- soundness, random patterns

_ATOMS = ["a", "b", "ab", "ba", "abc", "c", " "]


def _patterns() -> st.SearchStrategy[str]:
    atom = st.sampled_from(_ATOMS).map(regex.escape) | st.just("[ab]") | st.just(r"\w")
    return st.recursive(
        atom,
        lambda inner: st.one_of(
            st.lists(inner, min_size=2, max_size=4).map("".join),
            st.lists(inner, min_size=2, max_size=3).map(lambda xs: "(?:" + "|".join(xs) + ")"),
            inner.map(lambda x: f"(?:{x})?"),
            inner.map(lambda x: f"(?:{x})+"),
            inner.map(lambda x: f"(?:{x}){{0,2}}"),
            inner.map(lambda x: rf"\b{x}"),
        ),
        max_leaves=8,
    )


@settings(max_examples=400, deadline=None)
@given(_patterns(), st.text(alphabet="abcAB ", max_size=30))
def test_prefilter_never_skips_a_match(pattern: str, text: str) -> None:
    pre = prefilter(pattern)
    folded = text.casefold()
    present = frozenset(w for w in (pre[0] if pre else ()) if w in folded)
    if regex.search(pattern, text, regex.IGNORECASE | regex.VERSION0):
        assert may_match(pre, present, folded), (pattern, text, pre)


_WORDS = ["abc", "bca", "cab", "abca", "ab"]


def _part() -> st.SearchStrategy[str]:
    """A part with strings of its own: an alternation of words, maybe optional or repeated."""
    alt = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map(
        lambda ws: "(?:" + "|".join(ws) + ")")
    return alt | alt.map(lambda x: f"{x}?") | alt.map(lambda x: f"(?:{x} )+") | _patterns()


@settings(max_examples=300, deadline=None)
@given(st.lists(_part(), min_size=2, max_size=4), st.sampled_from([r"\w*", r" \w+ ", r".*"]),
       st.lists(st.sampled_from([*_WORDS, "ba", "c", "ABC", "Bca"]), max_size=8).map(" ".join)
       | st.text(alphabet="abcAB ", max_size=40))
def test_further_sets_never_skip_a_match(parts: list[str], gap: str, text: str) -> None:
    # parts joined by unknown characters: each part's set may be a further one
    pattern = gap.join(f"(?:{p})" for p in parts)
    pre = prefilter(pattern)
    folded = text.casefold()
    present = frozenset(w for w in (pre[0] if pre else ()) if w in folded)
    if regex.search(pattern, text, regex.IGNORECASE | regex.VERSION0):
        assert may_match(pre, present, folded), (pattern, text, pre)


@settings(max_examples=200, deadline=None)
@given(_patterns(), st.integers(0, 2))
def test_a_group_around_the_whole_pattern_changes_nothing(pattern: str, groups: int) -> None:
    # the analysis reads a pattern through the groups around it (one walk for both sets)
    wrapped = "(?:" * groups + pattern + ")" * groups
    assert required_literals(wrapped) == required_literals(pattern)
    assert prefilter(wrapped) == prefilter(pattern)


# ---------------------------------------------------------------- soundness, shipped rules

def _texts() -> list[tuple[str, str]]:
    """Every rule example and every sentence of the seeds and golden articles."""
    ruleset = load_ruleset()
    out = [(r.lang, ex.text) for r in ruleset.rules for ex in r.all_examples]
    for path in [*sorted((ROOT / "seeds").glob("*.txt")),
                 *sorted((ROOT / "tests" / "data" / "golden").rglob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        lang = "en" if "/en" in path.as_posix() or "lang: en" in text else "it"
        out.extend((lang, s.text) for s in split_sentences(text, lang))
    return out


def test_every_rule_pattern_runs_wherever_it_matches() -> None:
    ruleset = load_ruleset()
    skipped = checked = 0
    for lang, text in _texts():
        qs = [q for q in find_quantities(text, lang)]
        masked = mask(text, 0, qs)
        folded = masked.casefold()
        present = ruleset.present(lang, folded)
        runnable = ruleset.runnable(lang, folded)  # what extract_claims runs
        for rule in ruleset.for_lang(lang):
            for pat in rule.patterns + rule.unless:
                checked += 1
                runs = pat.prefilter is None or id(pat) in runnable
                assert runs == may_match(pat.prefilter, present, folded)
                if not runs:
                    skipped += 1
                    assert pat.compiled.search(masked) is None, (rule.id, pat.index, text)
    from factcheck import prefilter as P  # the one walk agrees with the plain one
    for rule in ruleset.rules:
        for pat in rule.patterns + rule.unless:
            tree = P._parse(pat.expanded, 0)
            if tree is not None:
                assert P._literals(P._analyse(tree)[0]) == P._literals(P._sequence(tree))
    # the prefilter must be doing its job, not just be sound
    assert checked > 10_000 and skipped > checked * 0.5


# -- WordIndex.occurs: the cheap "is any phrase here?" of the context stage

_PHRASES = [("guerra", "war"), ("forze armate", "army"), ("Straße", "street"), ("İzmir", "izmir")]
_FILLER = st.sampled_from(["la", "città", "1.200", "forze", "armate", "guerra", "guerrafondaio",
                           "STRASSE", "straße", "İzmir", "izmir", ",", "—", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_FILLER, max_size=200))
def test_word_index_occurs_is_find(words: list[str]) -> None:
    """occurs reads a long text only up to its first phrase: always bool(find), a phrase in
    the first tokens, after them, or across their end."""
    from factcheck.context.words import WordIndex

    index = WordIndex(_PHRASES)
    text = " ".join(words)
    assert index.occurs(text) == bool(index.find(text))


def test_word_index_occurs_past_the_head() -> None:
    from factcheck.context.words import _HEAD_TOKENS, WordIndex

    index = WordIndex(_PHRASES)
    before = "la città " * _HEAD_TOKENS
    assert index.occurs(before + "forze armate")  # only after the first tokens
    assert index.occurs("la " * (_HEAD_TOKENS - 1) + "forze armate")  # across their end
    assert not index.occurs(before + "forze guerrafondaio armate")
    assert not index.occurs("")


@settings(max_examples=300, deadline=None)
@given(st.lists(_FILLER, max_size=200))
def test_word_index_occurs_read_from_tokens_is_find(words: list[str]) -> None:
    """Given the text's tokens (an article's, already cut), occurs reads them, or the text
    when folding changes what the words are ("İzmir" folds to "i", a dot and "zmir")."""
    from factcheck.context.words import WordIndex, tokens

    text = " ".join(words)
    assert WordIndex(_PHRASES).occurs(text, tokens(text)) == bool(WordIndex(_PHRASES).find(text))


def test_tokens_are_the_folded_words_wherever_folds_alike_says_so() -> None:
    """The case folding of every character but those folds_alike rules out keeps it a word
    character or not: the tokens of the folded text are the folded tokens (checked on every
    code point, against the installed Unicode tables of Python and of regex)."""
    from factcheck.context.words import folds_alike, token_spans, tokens

    chars = "".join(c for c in map(chr, range(0x110000))
                    if not 0xD800 <= ord(c) < 0xE000 and folds_alike(c))
    assert len(chars) > 1_000_000 and folds_alike(chars)
    assert tokens(chars) == [t for _, _, t in token_spans(chars)]
    assert not folds_alike("İzmir") and not folds_alike("a\u0345")


def test_word_index_remembers_short_texts_without_sharing_its_answer() -> None:
    """A short text asked again gets the same values; a caller changing its list changes
    nothing for the next one."""
    from factcheck.context.words import WordIndex

    index = WordIndex(_PHRASES)
    first = index.in_order("le forze armate in guerra")
    assert first == ["army", "war"] and index.first("le forze armate in guerra") == "army"
    first.append("junk")
    assert index.in_order("le forze armate in guerra") == ["army", "war"]
    assert index.first("la città") is None


# -- contained: which of many keys a text holds

_KEY_CHARS = st.sampled_from(list("abcé ,'\ue000"))


@settings(max_examples=200, deadline=None)
@given(keys=st.lists(st.text(_KEY_CHARS, min_size=1, max_size=6), min_size=0, max_size=400,
                     unique=True),
       text=st.text(_KEY_CHARS, max_size=80))
def test_contained_is_the_plain_substring_test(keys, text):
    # small alphabets make most keys present somewhere; above the index threshold the
    # keys are looked up through their first three characters
    keys = tuple(keys)
    assert contained(text, keys) == {k for k in keys if k in text}


def test_contained_on_the_rules_cover_words():
    from factcheck.rules import load_rules

    rs = load_rules()
    lits = rs.literals("en")
    for text in ("two people were killed in the attack", "", "ab", "a new wave of abductees",
                 "the 3 \ue000 and \ue000 missing, according to the army"):
        assert contained(text, lits) == {k for k in lits if k in text}
