"""Language data loader: ``rules/lang/<lang>/<name>.toml`` read once, cached.

Words are data (DESIGN.md): every Italian or English word list the code needs
lives in these TOML files, with the same keys in each language.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import FactcheckError
from .paths import rules_dir
from .tomlfile import parse_toml

LANGS = ("it", "en")


def lang_file(lang: str, name: str, root: Path | None = None) -> Path:
    """Path of the data file ``name`` for language ``lang`` (it may not exist)."""
    return (root or rules_dir()) / "lang" / lang / f"{name}.toml"


@lru_cache(maxsize=None)
def _load(path: Path) -> dict[str, Any]:
    try:
        return parse_toml(path)  # through the disk cache of parsed files
    except FileNotFoundError:
        raise FactcheckError(f"{path}: language data file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise FactcheckError(f"{path}: invalid TOML: {exc}") from None


def load_lang(lang: str, name: str, root: Path | None = None,
              inherit: bool = False) -> dict[str, Any]:
    """Parsed contents of ``<root>/lang/<lang>/<name>.toml``; root defaults to :func:`rules_dir`.
    ``inherit``: a folder without the file reads the default folder's (the number reader and
    the sentence splitter serve a folder of claim rules alone, as ``explain`` and
    ``rules test`` take).

    Cached per file: callers must not mutate the returned dict.
    Raises ``FactcheckError`` naming the file when the language is unsupported,
    or the file is missing or invalid.
    """
    if lang not in LANGS:
        raise FactcheckError(f"unsupported language {lang!r} (supported: {', '.join(LANGS)})")
    path = lang_file(lang, name, root)
    if inherit and root is not None and not path.is_file():
        path = lang_file(lang, name)
    return _load(path)
