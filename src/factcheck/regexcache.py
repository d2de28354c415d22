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
Past ``MAX_ENTRIES`` files, the least recently used half is removed. The small entries are
also kept together in one bundle file per folder, read once per run (see ``_Bundle``): a
draft check reads over a thousand of them, and opening a file each was most of its cost.

Anything unexpected (another `regex` version, a corrupt or unreadable file, a changed
internal signature) falls back to an ordinary compile: the cache can only save time, never
change what a pattern matches. The cache lives in the user's cache folder
(``$FACTCHECK_CACHE``, else ``$XDG_CACHE_HOME/factcheck``, else ``~/.cache/factcheck``);
deleting it is always safe.
"""

from __future__ import annotations

import atexit
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
    return Path(_patterns_dir())


def _patterns_dir() -> str:
    """:func:`patterns_dir` as a string ending in a separator: a draft check reads over a
    thousand entries, and joining paths as objects cost more than hashing their keys."""
    env = _cache_env()
    if _dir_memo.get("env") != env:  # the folder follows the environment (tests change it)
        py = f"{sys.version_info[0]}{sys.version_info[1]}"
        _dir_memo["env"] = env
        _dir_memo["dir"] = os.path.join(cache_dir(), f"patterns-regex{regex.__version__}-py{py}",
                                        "")
    return _dir_memo["dir"]


_dir_memo: dict[str, Any] = {}
_ENV_NAMES = ("FACTCHECK_CACHE", "XDG_CACHE_HOME", "HOME")
# os.environ keeps the process environment in ``_data`` (encoded keys, on POSIX): read there,
# the three variables cost 0.15 us instead of ~4 us through the mapping, on each of the
# ~1,800 look-ups of a draft check (the values compare the same: only a change matters)
_ENV_DATA = getattr(os.environ, "_data", None)
_ENV_KEYS = tuple(os.environ.encodekey(n) for n in _ENV_NAMES) if isinstance(
    _ENV_DATA, dict) and hasattr(os.environ, "encodekey") else None


def _cache_env() -> tuple:
    """What the cache folder depends on: the three variables, as stored (any change of one
    changes the tuple)."""
    if _ENV_KEYS is not None:
        get = _ENV_DATA.get
        return (get(_ENV_KEYS[0]), get(_ENV_KEYS[1]), get(_ENV_KEYS[2]))
    return tuple(os.environ.get(n) for n in _ENV_NAMES)


def _entry_file(key: tuple[str, int]) -> str:
    digest = hashlib.sha1(f"{key[1]}\0{key[0]}".encode("utf-8", "surrogatepass")).hexdigest()
    return f"{_patterns_dir()}{digest[:32]}.marshal"


def _entry_path(key: tuple[str, int]) -> Path:
    return Path(_entry_file(key))


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
    """The value stored for ``key``, or ``missing``; checks the stored key (no collisions).
    A small entry is looked up in the folder's bundle first (see :class:`_Bundle`)."""
    full = key[0] + f"\0{key[1]}"
    bundle = _bundle()
    data = bundle.entries.get(full)
    from_file = not isinstance(data, bytes)  # absent, or a foreign bundle's odd value
    if from_file:
        try:
            data = _read_bytes(_entry_file(key))
        except OSError:
            return missing
    try:
        stored_key, value = marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        return missing
    if stored_key != full:
        return missing
    if not from_file:
        bundle.used.add(full)
    elif len(data) <= BUNDLE_ENTRY:  # only an entry that answered for its key joins
        bundle.fresh[full] = data
    return value


# entries of at most this many bytes go in the bundle (the many small patterns and facts;
# the few large claim patterns stay in their own files)
BUNDLE_ENTRY = 16_384
# past this many entries or bytes, a bundle is rewritten with the entries of the last run
# only: it is read whole by every run, and each change of the rules adds new entries
BUNDLE_MAX = 6_000
BUNDLE_BYTES = 8_000_000
_BUNDLE_NAME = "small-entries.bundle"


class _Bundle:
    """The small entries of one cache folder in one file (``small-entries.bundle``): a draft
    check reads over a thousand entries, most of them a few hundred bytes, and opening a
    file each cost more than the rest of the look-up. Read once per process; the entries
    this process had to read from their own files or write (``fresh``) are added to it when
    the process ends. The per-entry files stay the reference: a bundle only saves time.
    Its values are the entries' bytes, each carrying its full key as the files do, so a
    torn, foreign or stale bundle can cost a compile, never answer for another pattern;
    two processes saving at once each write a whole file (the last one wins, the other's
    fresh entries are added again by a later run)."""

    def __init__(self, folder: str):
        self.folder = folder
        self.entries: dict[str, bytes] = {}
        self.fresh: dict[str, bytes] = {}
        self.used: set[str] = set()
        try:
            # a foreign file of any size is not read whole
            loaded = marshal.loads(_read_bytes(folder + _BUNDLE_NAME, 2 * BUNDLE_BYTES))
        except (OSError, ValueError, EOFError, TypeError):
            return
        if isinstance(loaded, dict):
            self.entries = loaded

    def save(self) -> None:
        """Write the bundle with this process's fresh entries (nothing when none)."""
        if not self.fresh:
            return
        entries = {**self.entries, **self.fresh}
        if len(entries) > BUNDLE_MAX or _size(entries) > BUNDLE_BYTES:
            # the rules changed many times: keep what this run used
            entries = {k: self.entries[k] for k in self.used if k in self.entries} | self.fresh
        try:
            data = marshal.dumps(entries)
        except ValueError:
            return
        if write_atomically(Path(self.folder + _BUNDLE_NAME), data):
            self.entries, self.fresh = entries, {}


def _size(entries: dict[str, Any]) -> int:
    """About the bytes of a bundle (its values; the keys are in them again)."""
    return sum(len(v) for v in entries.values() if isinstance(v, bytes))


_bundles: dict[str, _Bundle] = {}
_at_exit = [False]  # save_bundles registered


def _bundle() -> _Bundle:
    """The bundle of the cache folder in use, read on first use."""
    folder = _patterns_dir()
    found = _bundles.get(folder)
    if found is None:
        if not _at_exit[0]:
            _at_exit[0] = True
            atexit.register(save_bundles)
        found = _bundles[folder] = _Bundle(folder)
    return found


def save_bundles() -> None:
    """Add this process's fresh small entries to their folders' bundles (run at exit;
    never raises: a cache only saves time)."""
    for bundle in list(_bundles.values()):
        try:
            bundle.save()
        except Exception:  # noqa: BLE001 - at exit, nothing may stop the other bundles
            pass


def _read_bytes(path: str, limit: int | None = None) -> bytes:
    """The bytes of the file ``path``: ``Path.read_bytes`` through the system calls alone
    (a third of its cost, for over a thousand small files per run). OSError when the file
    is larger than ``limit`` bytes."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(fd).st_size
        if limit is not None and size > limit:
            raise OSError(f"{path}: {size} bytes, more than the {limit} expected")
        chunks = []
        size += 1  # one more byte: the read that finds the end
        while chunk := os.read(fd, size):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _write(key: tuple[str, int], value: Any) -> None:
    """Store one entry atomically; silently skipped when impossible (read-only home...)."""
    try:
        data = marshal.dumps((key[0] + f"\0{key[1]}", value))
    except ValueError:  # not plain data: don't cache this one
        return
    folder = patterns_dir()
    if not write_atomically(_entry_path(key), data):
        return
    if len(data) <= BUNDLE_ENTRY:
        _bundle().fresh[key[0] + f"\0{key[1]}"] = data
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
    # the bundle is not an entry: read by every run, it would only be rebuilt
    names = [n for n in os.listdir(folder) if n != _BUNDLE_NAME]
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
