"""Compiled patterns cached on disk between runs.

The claim rules expand to about half a megabyte of regex. The `regex` module parses and
compiles a pattern in pure Python (seconds for all the rules, on every start-up), then hands
a flat list of opcodes to its C engine, where matching is fast. That opcode list is plain
data, so we keep it in a cache file keyed by the `regex` version, the pattern and its flags,
and rebuild the pattern object from it in microseconds on the next run.

Anything unexpected (another `regex` version, a corrupt or unreadable file, a changed
internal signature) falls back to an ordinary compile: the cache can only save time, never
change what a pattern matches. The cache lives in the user's cache folder
(``$FACTCHECK_CACHE``, else ``$XDG_CACHE_HOME/factcheck``, else ``~/.cache/factcheck``);
deleting it is always safe.
"""

from __future__ import annotations

import atexit
import enum
import marshal
import os
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import regex
from regex import _main

# past this many entries (about 18 KB each), only the patterns the current run used are kept
MAX_ENTRIES = 1200

_lock = threading.Lock()
_entries: dict[tuple[str, int], tuple] | None = None
_used: set[tuple[str, int]] = set()
_dirty = False
_stats = {"hits": 0, "misses": 0}


def cache_dir() -> Path:
    """The folder holding the cache file."""
    if env := os.environ.get("FACTCHECK_CACHE"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "factcheck"


def cache_file() -> Path:
    """The cache file for this `regex` and Python version (other versions get their own)."""
    py = f"{sys.version_info[0]}{sys.version_info[1]}"
    return cache_dir() / f"patterns-regex{regex.__version__}-py{py}.marshal"


def compile(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(pattern, flags)``, served from the disk cache when possible."""
    global _dirty
    key = (pattern, int(flags))
    with _lock:
        entries = _load()
        args = entries.get(key)
        if args is not None:
            try:
                compiled = _main._regex.compile(*args)
            except Exception:  # a stale or damaged entry: compile afresh below
                entries.pop(key, None)
            else:
                _used.add(key)
                _stats["hits"] += 1
                return compiled
        compiled, args = _compile_recording(pattern, flags)
        _stats["misses"] += 1
        if args is not None:
            entries[key] = args
            _used.add(key)
            if not _dirty:
                atexit.register(save)
            _dirty = True
        return compiled


def derived(kind: str, pattern: str, compute: Callable[[str], Any]) -> Any:
    """``compute(pattern)``, kept in the same cache file under ``kind``.

    For facts about a pattern that are slow to derive and plain data (tuples, strings,
    None): the literal prefilter of :mod:`factcheck.prefilter`. ``kind`` names the
    derivation and its version, so a changed derivation never reads old answers.
    """
    global _dirty
    key = (f"{kind}\0{pattern}", -1)  # flags -1: never a key of compile()
    with _lock:
        entries = _load()
        if key in entries:
            _used.add(key)
            return entries[key]
    value = compute(pattern)
    with _lock:
        try:
            marshal.dumps(value)
        except ValueError:
            return value
        entries[key] = value
        _used.add(key)
        if not _dirty:
            atexit.register(save)
        _dirty = True
    return value


def stats() -> dict[str, int]:
    """Hits and misses of this process (for benchmarks and tests)."""
    return dict(_stats)


def save() -> None:
    """Write new entries to the cache file, atomically; silently skipped when impossible."""
    global _dirty
    with _lock:
        if not _dirty or _entries is None:
            return
        keep = _entries
        if len(keep) > MAX_ENTRIES:  # forget patterns no rule uses any more
            keep = {k: v for k, v in keep.items() if k in _used}
        path = cache_file()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".patterns-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    marshal.dump(keep, fh)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except (OSError, ValueError):
            return  # a read-only home or a full disk only costs time next run
        _dirty = False


def _load() -> dict[tuple[str, int], tuple]:
    global _entries
    if _entries is None:
        try:
            data = marshal.loads(cache_file().read_bytes())
            _entries = data if isinstance(data, dict) else {}
        except (OSError, ValueError, EOFError, TypeError):
            _entries = {}
    return _entries


class _Recorder:
    """Stands in for the C module during one compile, keeping the arguments it was given."""

    def __init__(self, real: Any):
        self.real = real
        self.args: tuple | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def compile(self, *args: Any) -> Any:
        self.args = args
        return self.real.compile(*args)


def _compile_recording(pattern: str, flags: int) -> tuple[regex.Pattern, tuple | None]:
    """Compile normally, and return the C engine's arguments when they can be stored."""
    real = _main._regex
    recorder = _Recorder(real)
    _main._regex = recorder
    try:
        compiled = regex.compile(pattern, flags, cache_pattern=False)
    finally:
        _main._regex = real
    if recorder.args is None:
        return compiled, None
    # flags arrive as a RegexFlag; the engine takes a plain int, and marshal only stores those
    args = tuple(int(a) if isinstance(a, enum.IntFlag) else a for a in recorder.args)
    try:
        marshal.dumps(args)
    except ValueError:  # something that is not plain data: don't cache this one
        return compiled, None
    return compiled, args
