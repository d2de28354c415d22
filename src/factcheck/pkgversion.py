"""Installed packages' versions, for the names of disk caches built from their data.

``importlib.metadata.version`` answers this, but importing ``importlib.metadata`` (email,
zipfile, csv, ...) and its look-ups cost a draft check ~25 ms for two cache names. Here the
common case, a ``.dist-info`` folder on ``sys.path``, is read directly; anything else
(an egg, a zip archive on the path, an unreadable file) is left to ``importlib.metadata``,
so the answer is always the one it gives.
"""

from __future__ import annotations

import os
import re
import sys
from functools import lru_cache
from importlib.machinery import PathFinder

_SEPARATORS = re.compile(r"[-_.]+")


def _normal(name: str) -> str:
    """A distribution name as ``importlib.metadata`` compares it (PEP 503, ``_`` joined)."""
    return _SEPARATORS.sub("_", name).lower()


@lru_cache(maxsize=None)
def version(name: str) -> str:
    """``importlib.metadata.version(name)``: the version of the first distribution of that
    name on ``sys.path``. Raises ``importlib.metadata.PackageNotFoundError`` when none is
    installed."""
    found = _dist_info_version(_normal(name))
    if found is not None:
        return found
    from importlib.metadata import version as metadata_version

    return metadata_version(name)


def _dist_info_version(wanted: str) -> str | None:
    """The ``Version`` of the first metadata folder named ``wanted`` on ``sys.path`` when
    it is a ``.dist-info`` folder read without trouble; None for anything else (no such
    folder, an ``.egg-info`` first, a path entry that is an archive, another finder of
    distributions installed before the path's)."""
    for finder in sys.meta_path:
        if finder is PathFinder:
            break
        if hasattr(finder, "find_distributions"):  # it may answer first: ask importlib
            return None
    for entry in sys.path:
        try:
            children = os.listdir(entry or ".")
        except NotADirectoryError:  # a zip archive: importlib.metadata looks inside
            return None
        except OSError:  # a missing folder holds nothing, for importlib.metadata too
            continue
        for child in children:
            low = child.lower()
            if not low.endswith((".dist-info", ".egg-info")):
                continue
            if _normal(low.rpartition(".")[0].partition("-")[0]) != wanted:
                continue
            if not low.endswith(".dist-info"):
                return None
            return _metadata_version(os.path.join(entry or ".", child, "METADATA"))
    return None


def _metadata_version(path: str) -> str | None:
    """The ``Version:`` header of a METADATA file, or None."""
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line[:1] in (" ", "\t"):  # a folded header's next line
                    continue
                if not line.strip():  # the headers end at the first blank line
                    return None
                key, sep, value = line.partition(":")
                if sep and key.strip().lower() == "version":
                    return value.strip()
    except (OSError, UnicodeDecodeError):
        return None
    return None
