"""Reading one TOML data file of the rules folder, the same way for every stage.

Parsed files are kept on disk, keyed by a hash of their bytes: ``tomllib`` parses in pure
Python, and the dozen data files a draft check reads cost it about 0.07 s on every start,
while ``pickle`` gives the same tables back in a millisecond (``pickle`` rather than
``marshal``: ``events.toml`` holds dates). The key is the content, so an edited file is never
served stale; only this package writes the folder it reads. Deleting the cache is always safe.
"""

from __future__ import annotations

import hashlib
import pickle
import tomllib
from pathlib import Path
from typing import Any

from .errors import FactcheckError
from .regexcache import cache_dir, write_atomically

# bump when what is stored changes
_VERSION = 2


def parse_toml(path: Path) -> dict[str, Any]:
    """``tomllib.load`` of ``path``, served from the disk cache when its bytes were parsed
    before. Raises what ``tomllib.load`` and ``open`` raise."""
    data = path.read_bytes()
    entry = _entry(data)
    try:
        stored = pickle.loads(entry.read_bytes())
        if isinstance(stored, dict):
            return stored
    except (OSError, pickle.UnpicklingError, ValueError, EOFError, TypeError, AttributeError,
            ImportError):  # absent or damaged: parse again
        pass
    parsed = tomllib.loads(data.decode())  # what tomllib.load does with a binary file
    _store(entry, parsed)
    return parsed


def read_data_file(path: Path) -> dict[str, Any]:
    """The parsed file; an absent file is empty (a rules folder may leave out what it does
    not use), an invalid one a :class:`FactcheckError` naming the file and the line."""
    try:
        return parse_toml(path)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise FactcheckError(f"{path}: invalid TOML: {exc}") from None


def where(path: Path | str, keys: tuple[str | int, ...]) -> str:
    """``path:line`` of the value at ``keys`` in a data file that parsed (e.g. ``("sources",
    "cues", 2)``: the third pattern of ``[sources] cues``), else of its nearest enclosing key;
    ``path`` alone when the file cannot be read. For error messages only: it scans the file
    again (``tomllib`` gives no positions)."""
    from .rules import _Locator  # the scanner the rule files' errors use; imported lazily:
    # rules imports the data loaders, and only an error needs a position

    try:
        src = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return str(path)
    line, _ = _Locator(src).at(tuple(keys), value=True)
    return f"{path}:{line}"


def _entry(data: bytes) -> Path:
    digest = hashlib.sha1(data).hexdigest()
    return cache_dir() / f"toml-{_VERSION}" / f"{digest[:32]}.pickle"


def _store(entry: Path, parsed: dict[str, Any]) -> None:
    """Write one entry atomically; skipped when impossible (a read-only cache)."""
    write_atomically(entry, pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))