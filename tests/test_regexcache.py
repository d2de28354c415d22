"""The pattern cache saves compile time and never changes what a pattern matches."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import regexcache

PATTERNS = [
    r"(?P<NUM>\d+)(?: (?P<who>soldati|civili)(?: (?P<side>armeni|azeri))?)? (?:sono )?mort[oaie]\b",
    r"\b(?:at least|more than) (?P<NUM>[\d,]+) (?P<who>\p{L}+) (?:were|have been) killed",
    r"(?<![\d.,])\d{1,3}(?:[.'’ ]\d{3})+(?![\d])",
]
FLAGS = regex.I | regex.V0


def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(regexcache, "_stats", {"hits": 0, "misses": 0})


def test_second_run_is_served_from_the_files(tmp_path, monkeypatch):
    fresh_cache(tmp_path, monkeypatch)
    for p in PATTERNS:
        regexcache.compile(p, FLAGS)
    assert len(list(regexcache.patterns_dir().glob("*.marshal"))) == 3  # one file each
    assert regexcache.stats() == {"hits": 0, "misses": 3}
    cached = [regexcache.compile(p, FLAGS) for p in PATTERNS]
    assert regexcache.stats()["hits"] == 3
    m = cached[0].search("Ieri 49 soldati armeni sono morti al confine.")
    assert m.group("NUM", "who", "side") == ("49", "soldati", "armeni")
    assert cached[0].groupindex == regex.compile(PATTERNS[0], FLAGS).groupindex
    assert cached[1].search("AT LEAST 1,200 PEOPLE were killed").group("NUM") == "1,200"


def test_a_corrupt_or_unreadable_cache_only_costs_time(tmp_path, monkeypatch):
    fresh_cache(tmp_path, monkeypatch)
    regexcache.compile(PATTERNS[2], FLAGS)
    (entry,) = regexcache.patterns_dir().glob("*.marshal")
    entry.write_bytes(b"\x00not marshal at all")
    assert regexcache.compile(PATTERNS[2], FLAGS).search("oltre 6'500 morti").group() == "6'500"
    regexcache.compile(PATTERNS[2], FLAGS)  # the damaged file was replaced by a good one
    assert regexcache.stats() == {"hits": 1, "misses": 2}


def test_an_entry_never_answers_for_another_pattern(tmp_path, monkeypatch):
    fresh_cache(tmp_path, monkeypatch)
    regexcache.compile(PATTERNS[0], FLAGS)
    (entry,) = regexcache.patterns_dir().glob("*.marshal")
    # as if two patterns hashed to the same file name: the stored key is checked
    regexcache.compile(PATTERNS[1], FLAGS)
    other = next(p for p in regexcache.patterns_dir().glob("*.marshal") if p != entry)
    entry.write_bytes(other.read_bytes())
    assert regexcache.compile(PATTERNS[0], FLAGS).search("3 civili morti")
    assert regexcache.stats()["misses"] == 3


def test_derived_facts_are_computed_once(tmp_path, monkeypatch):
    fresh_cache(tmp_path, monkeypatch)
    calls = []

    def compute(p: str) -> frozenset[str]:
        calls.append(p)
        return frozenset({"morti"})

    assert regexcache.derived("test-1", PATTERNS[0], compute) == {"morti"}
    assert regexcache.derived("test-1", PATTERNS[0], compute) == {"morti"}
    assert regexcache.derived("test-2", PATTERNS[0], lambda p: None) is None  # another kind
    assert regexcache.derived("test-2", PATTERNS[0], compute) is None  # None is an answer too
    assert calls == [PATTERNS[0]]


def test_old_entries_are_pruned(tmp_path, monkeypatch):
    fresh_cache(tmp_path, monkeypatch)
    monkeypatch.setattr(regexcache, "MAX_ENTRIES", 4)
    monkeypatch.setattr(regexcache, "_writes", [0])
    for i in range(70):  # the folder is looked at every 64 writes
        regexcache.derived("test", f"pattern {i}", lambda p: p)
    assert len(list(regexcache.patterns_dir().glob("*.marshal"))) < 70 // 2 + 4


def test_an_unwritable_cache_folder_is_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("FACTCHECK_CACHE", str(blocker / "cache"))
    assert regexcache.compile(PATTERNS[0], FLAGS).search("3 civili morti")  # write skipped
    assert regexcache.derived("test", PATTERNS[0], lambda p: 7) == 7
    assert blocker.read_text() == "not a folder"


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("0123456789 .,'’abcdeimnorstuvlkwhSAMORTI")),
                    max_size=60))
def test_cached_patterns_match_exactly_like_fresh_ones(text):
    for p in PATTERNS:
        fresh = regex.compile(p, FLAGS)
        cached = regexcache.compile(p, FLAGS)
        a = [(m.span(), m.groups()) for m in fresh.finditer(text)]
        b = [(m.span(), m.groups()) for m in cached.finditer(text)]
        assert a == b
