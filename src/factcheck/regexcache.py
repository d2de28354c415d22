"""Compiled patterns cached on disk between runs.

The claim rules expand to about half a megabyte of regex. The `regex` module parses and
compiles a pattern in pure Python (seconds for all the rules, on every start-up), then hands
a flat list of opcodes to its C engine, where matching is fast. That opcode list is plain
data, so we keep it on disk keyed by the `regex` version, the pattern and its flags, and
rebuild the pattern object from it in microseconds on the next run.

One small file per pattern (named by a hash of the pattern and flags): a run reads only the
patterns it compiles, rather than one file holding every pattern any run ever compiled
(16 MB and 0.15 s of start-up once the rules had changed a few times). A file is written
when its pattern is first compiled, atomically, so concurrent runs never see half of one.
Past ``MAX_ENTRIES`` files, the least recently used half is removed.

Anything unexpected (another `regex` version, a corrupt or unreadable file, a changed
internal signature) falls back to an ordinary compile: the cache can only save time, never
change what a pattern matches. The cache lives in the user's cache folder
(``$FACTCHECK_CACHE``, else ``$XDG_CACHE_HOME/factcheck``, else ``~/.cache/factcheck``);
deleting it is always safe.
"""

from __future__ import annotations

import enum
import hashlib
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

# files kept in the cache folder; past this, the least recently used half goes
MAX_ENTRIES = 4000

_lock = threading.Lock()
_stats = {"hits": 0, "misses": 0}


def cache_dir() -> Path:
    """The folder holding the cache (and the validated rule sets of factcheck.rules)."""
    if env := os.environ.get("FACTCHECK_CACHE"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "factcheck"


def patterns_dir() -> Path:
    """The folder of pattern files for this `regex` and Python version."""
    env = tuple(os.environ.get(k) for k in ("FACTCHECK_CACHE", "XDG_CACHE_HOME", "HOME"))
    if _dir_memo.get("env") != env:  # a run reads hundreds of entries: build the path once
        py = f"{sys.version_info[0]}{sys.version_info[1]}"
        _dir_memo["env"] = env
        _dir_memo["dir"] = cache_dir() / f"patterns-regex{regex.__version__}-py{py}"
    return _dir_memo["dir"]


_dir_memo: dict[str, Any] = {}


def _entry_path(key: tuple[str, int]) -> Path:
    digest = hashlib.sha1(f"{key[1]}\0{key[0]}".encode("utf-8", "surrogatepass")).hexdigest()
    return patterns_dir() / f"{digest[:32]}.marshal"


def compile(pattern: str, flags: int = 0) -> regex.Pattern:
    """``regex.compile(pattern, flags)``, served from the disk cache when possible."""
    key = (pattern, int(flags))
    args = _read(key)
    if args is not None:
        try:
            compiled = _main._regex.compile(*args)
        except Exception:  # a stale or damaged entry: compile afresh below
            pass
        else:
            _stats["hits"] += 1
            return compiled
    with _lock:
        compiled, args = _compile_recording(pattern, flags)
    _stats["misses"] += 1
    if args is not None:
        _write(key, args)
    return compiled


def derived(kind: str, pattern: str, compute: Callable[[str], Any]) -> Any:
    """``compute(pattern)``, kept in the cache under ``kind``.

    For facts about a pattern that are slow to derive and plain data (tuples, strings,
    frozensets, None): the literal prefilter of :mod:`factcheck.prefilter`. ``kind`` names
    the derivation and its version, so a changed derivation never reads old answers.
    """
    key = (f"{kind}\0{pattern}", -1)  # flags -1: never a key of compile()
    found = _read(key, missing=_MISSING)
    if found is not _MISSING:
        return found
    value = compute(pattern)
    _write(key, value)
    return value


def stats() -> dict[str, int]:
    """Hits and misses of this process (for benchmarks and tests)."""
    return dict(_stats)


_MISSING = object()
_writes = [0]  # entries written by this process


def _read(key: tuple[str, int], missing: Any = None) -> Any:
    """The value stored for ``key``, or ``missing``; checks the stored key (no collisions)."""
    try:
        stored_key, value = marshal.loads(_entry_path(key).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return missing
    return value if stored_key == key[0] + f"\0{key[1]}" else missing


def _write(key: tuple[str, int], value: Any) -> None:
    """Store one entry atomically; silently skipped when impossible (read-only home...)."""
    try:
        data = marshal.dumps((key[0] + f"\0{key[1]}", value))
    except ValueError:  # not plain data: don't cache this one
        return
    folder = patterns_dir()
    if not write_atomically(_entry_path(key), data):
        return
    _writes[0] += 1
    if _writes[0] % 64 == 1:  # listing the folder on every write would cost a cold run
        try:
            _prune(folder)
        except (OSError, ValueError):
            return


def write_atomically(path: Path, data: bytes) -> bool:
    """Write a cache file through a temporary file renamed into place (a concurrent run never
    reads half of it); False, and nothing written, when the cache cannot be written (a
    read-only home): a cache only saves time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".entry-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True


def _prune(folder: Path) -> None:
    """Past MAX_ENTRIES files, remove the half read or written least recently."""
    names = os.listdir(folder)
    if len(names) <= MAX_ENTRIES:
        return
    def used(name: str) -> float:
        try:
            st = os.stat(folder / name)
            return max(st.st_atime, st.st_mtime)
        except OSError:
            return 0.0
    for name in sorted(names, key=used)[: len(names) // 2]:
        try:
            os.unlink(folder / name)
        except OSError:
            pass


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
