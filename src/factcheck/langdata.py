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


def lang_file(lang: str, name: str) -> Path:
    """Path of the data file ``name`` for language ``lang`` (it may not exist)."""
    return rules_dir() / "lang" / lang / f"{name}.toml"


@lru_cache(maxsize=None)
def load_lang(lang: str, name: str) -> dict[str, Any]:
    """Parsed contents of ``rules/lang/<lang>/<name>.toml``.

    Cached per (lang, name): callers must not mutate the returned dict.
    Raises ``FactcheckError`` naming the file when it is missing or invalid.
    """
    path = lang_file(lang, name)
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise FactcheckError(f"{path}: no '{name}' language data for language '{lang}'") from None
    except tomllib.TOMLDecodeError as exc:
        raise FactcheckError(f"{path}: invalid TOML: {exc}") from None
