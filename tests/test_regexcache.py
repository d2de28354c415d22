"""The pattern cache saves compile time and never changes what a pattern matches."""

from __future__ import annotations

import errno
import marshal
import os
import shutil
import subprocess
import sys

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


# ---------------------------------------------------------------- the bundle of small entries

def new_process(monkeypatch):
    """What a new process sees: no bundle read yet (the files and the bundle stay)."""
    monkeypatch.setattr(regexcache, "_bundles", {})


def bundle_file():
    return regexcache.patterns_dir() / "small-entries.bundle"


def matches(pattern, text):
    return [(m.span(), m.groups()) for m in regexcache.compile(pattern, FLAGS).finditer(text)]


def expected(pattern, text):
    return [(m.span(), m.groups()) for m in regex.compile(pattern, FLAGS).finditer(text)]


TEXTS = ["Ieri 49 soldati armeni sono morti", "at least 1,200 people were killed", "oltre 6'500"]


def test_the_bundle_serves_small_entries_without_their_files(tmp_path, monkeypatch):
    fresh_cache(tmp_path, monkeypatch)
    new_process(monkeypatch)
    for p in PATTERNS:
        regexcache.compile(p, FLAGS)
    assert not bundle_file().exists()  # written when the process ends, not per entry
    regexcache.save_bundles()
    assert bundle_file().exists()
    for entry in regexcache.patterns_dir().glob("*.marshal"):
        entry.unlink()
    new_process(monkeypatch)
    for p in PATTERNS:
        for t in TEXTS:
            assert matches(p, t) == expected(p, t)
    assert regexcache.stats() == {"hits": 9, "misses": 3}


def test_a_torn_or_foreign_bundle_only_costs_time(tmp_path, monkeypatch):
    fresh_cache(tmp_path, monkeypatch)
    new_process(monkeypatch)
    for p in PATTERNS:
        regexcache.compile(p, FLAGS)
    regexcache.save_bundles()
    good = bundle_file().read_bytes()
    entries = marshal.loads(good)
    keys = sorted(entries)
    # every pattern's key now holds another pattern's entry (as a hash collision would)
    swapped = {k: entries[keys[(i + 1) % len(keys)]] for i, k in enumerate(keys)}
    for bad in (b"", good[: len(good) // 2], b"\x00not marshal", marshal.dumps([1, 2]),
                marshal.dumps({k: 5 for k in keys}), marshal.dumps(swapped)):
        bundle_file().write_bytes(bad)
        for entry in regexcache.patterns_dir().glob("*.marshal"):
            entry.unlink()  # the bundle alone could answer
        new_process(monkeypatch)
        for p in PATTERNS:
            for t in TEXTS:
                assert matches(p, t) == expected(p, t)
        regexcache.save_bundles()  # the damaged bundle is replaced by a good one
        assert marshal.loads(bundle_file().read_bytes()) == entries


def test_a_changed_pattern_is_never_served_from_the_bundle(tmp_path, monkeypatch):
    fresh_cache(tmp_path, monkeypatch)
    new_process(monkeypatch)
    regexcache.compile(r"(?P<n>\d+) morti", FLAGS)
    regexcache.derived("test-kind", "morti", lambda p: "old answer")
    regexcache.save_bundles()
    new_process(monkeypatch)
    # the rules changed: another pattern text, other flags, another derivation
    assert not regexcache.compile(r"(?P<n>\d+) morti\b", FLAGS).search("3 mortier")
    assert regexcache.compile(r"(?P<n>\d+) morti", regex.V0).search("3 MORTI") is None
    assert regexcache.derived("test-kind2", "morti", lambda p: "new answer") == "new answer"
    assert regexcache.stats() == {"hits": 0, "misses": 3}  # the first compile, then two


def test_the_bundle_stays_bounded(tmp_path, monkeypatch):
    fresh_cache(tmp_path, monkeypatch)
    new_process(monkeypatch)
    monkeypatch.setattr(regexcache, "BUNDLE_MAX", 10)
    for i in range(8):
        regexcache.derived("test", f"first rules {i}", lambda p: p)
    regexcache.derived("test", "a large entry", lambda p: "x" * (regexcache.BUNDLE_ENTRY + 1))
    regexcache.save_bundles()
    assert len(marshal.loads(bundle_file().read_bytes())) == 8  # the large one has its file
    new_process(monkeypatch)  # the rules change: 3 old entries used, 5 new ones
    for i in range(3):
        regexcache.derived("test", f"first rules {i}", lambda p: 1 / 0)
    for i in range(5):
        regexcache.derived("test", f"second rules {i}", lambda p: p)
    regexcache.save_bundles()
    kept = marshal.loads(bundle_file().read_bytes())
    assert len(kept) == 8 and not any("first rules 7" in k for k in kept)
    # in bytes too: a few entries of a few KB each over a bound of 10 KB
    new_process(monkeypatch)
    monkeypatch.setattr(regexcache, "BUNDLE_BYTES", 10_000)
    for i in range(6):
        regexcache.derived("test", f"bulky {i}", lambda p: p * 1000)
    regexcache.save_bundles()
    new_process(monkeypatch)
    regexcache.derived("test", "bulky 0", lambda p: 1 / 0)
    regexcache.derived("test", "one more", lambda p: p)
    regexcache.save_bundles()
    assert len(marshal.loads(bundle_file().read_bytes())) == 2
    # a foreign file far past the bound is not even read
    bundle_file().write_bytes(marshal.dumps({"k": b"x" * 30_000}))
    new_process(monkeypatch)
    assert regexcache.derived("test", "one more", lambda p: 1 / 0) == "one more"
    assert regexcache._bundle().entries == {}


def test_a_full_or_vanished_cache_folder_is_not_an_error(tmp_path, monkeypatch):
    fresh_cache(tmp_path, monkeypatch)
    new_process(monkeypatch)
    regexcache.compile(PATTERNS[0], FLAGS)
    regexcache.save_bundles()
    shutil.rmtree(tmp_path / "cache")  # deleted between runs
    new_process(monkeypatch)
    assert matches(PATTERNS[0], TEXTS[0]) == expected(PATTERNS[0], TEXTS[0])
    shutil.rmtree(tmp_path / "cache")  # ... and during one
    regexcache.compile(PATTERNS[1], FLAGS)
    regexcache.save_bundles()
    assert len(marshal.loads(bundle_file().read_bytes())) == 2

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    new_process(monkeypatch)
    shutil.rmtree(tmp_path / "cache")
    monkeypatch.setattr(regexcache.tempfile, "mkstemp", full)
    assert matches(PATTERNS[2], TEXTS[2]) == expected(PATTERNS[2], TEXTS[2])
    regexcache.save_bundles()  # nothing written, nothing raised
    assert not bundle_file().exists()


def test_an_unwritable_cache_folder_saves_no_bundle(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("FACTCHECK_CACHE", str(blocker / "cache"))
    new_process(monkeypatch)
    assert regexcache.compile(PATTERNS[0], FLAGS).search("3 civili morti")
    regexcache.save_bundles()
    assert blocker.read_text() == "not a folder"


_WRITER = """
import sys
from factcheck import regexcache
name = sys.argv[1]
for i in range(150):
    regexcache.derived("test-concurrent", f"{name} {i}", lambda p: p.upper())
regexcache.compile(r"(?P<n>\\d+) " + name, 2)
"""


def test_processes_saving_one_bundle_at_once(tmp_path, monkeypatch):
    """Each process writes a whole bundle at exit: a reader meanwhile always finds a whole
    one (or none), and every entry any process wrote is served afterwards."""
    fresh_cache(tmp_path, monkeypatch)
    env = dict(os.environ, FACTCHECK_CACHE=str(tmp_path / "cache"))
    names = [f"writer{i}" for i in range(4)]
    for _round in range(2):  # the second round starts from the first round's bundle
        procs = [subprocess.Popen([sys.executable, "-c", _WRITER, n], env=env) for n in names]
        while any(p.poll() is None for p in procs):
            try:
                data = bundle_file().read_bytes()
            except OSError:
                continue
            assert isinstance(marshal.loads(data), dict)
        assert [p.returncode for p in procs] == [0] * 4
    new_process(monkeypatch)
    assert isinstance(marshal.loads(bundle_file().read_bytes()), dict)
    for n in names:
        for i in range(150):
            assert regexcache.derived("test-concurrent", f"{n} {i}", lambda p: 1 / 0) == f"{n} {i}".upper()
        assert regexcache.compile(r"(?P<n>\d+) " + n, 2).search(f"12 {n}").group("n") == "12"
    assert regexcache.stats()["misses"] == 0


def test_the_folder_follows_each_of_its_variables(tmp_path, monkeypatch):
    monkeypatch.delenv("FACTCHECK_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert regexcache.patterns_dir().parent == tmp_path / "xdg" / "factcheck"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert regexcache.patterns_dir().parent == tmp_path / "home" / ".cache" / "factcheck"
    os.environ["FACTCHECK_CACHE"] = str(tmp_path / "set directly")  # not through monkeypatch
    try:
        assert regexcache.patterns_dir().parent == tmp_path / "set directly"
    finally:
        del os.environ["FACTCHECK_CACHE"]
    assert regexcache.patterns_dir().parent == tmp_path / "home" / ".cache" / "factcheck"
