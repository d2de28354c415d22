"""Write outputs safely: atomically, never over an input, never half-written."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import FactcheckError


def check_output_path(out: str | os.PathLike, inputs: Iterable[str | os.PathLike] = ()) -> Path:
    """Validate an output path before any work is done (fail fast, exit 2)."""
    path = Path(out)
    if path.is_dir():
        raise FactcheckError(f"{path}: output path is a directory; give a file name")
    resolved = path.resolve()
    for raw in inputs:
        src = Path(raw).resolve()
        if resolved == src or (src.is_dir() and src in resolved.parents and
                               resolved.suffix.lower() in (".txt", ".md")):
            # a report written into an input folder would be read as an article next time
            raise FactcheckError(f"{path}: output would overwrite or be read as input {raw}; "
                                 "write it elsewhere")
    return path


def write_atomic(out: str | os.PathLike, data: str | bytes) -> Path:
    """Write to a temp file beside ``out`` and rename it into place.

    A crash or Ctrl-C leaves either the old file or the new one, never a partial one.
    Missing parent folders are created. The file gets the mode of the file it replaces, else
    the one the umask gives a new file (``0666 & ~umask``): the temp file's private 0600
    would hide reports from colleagues and CI viewers.
    """
    path = Path(out)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise FactcheckError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            os.fchmod(fh.fileno(), _mode_for(path))
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise FactcheckError(f"{path}: cannot write: {exc.strerror or exc}") from None
        raise
    return path


def new_file_mode() -> int:
    """The mode a new file gets under the current umask: ``0666 & ~umask``."""
    mask = os.umask(0o022)  # reading the umask means setting it: put it back at once
    os.umask(mask)
    return 0o666 & ~mask


def _mode_for(path: Path) -> int:
    """The mode of the file being replaced, else :func:`new_file_mode`."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return new_file_mode()
