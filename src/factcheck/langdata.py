"""Language data: words are data (``rules/lang/<lang>/<name>.toml``), code is mechanism."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from .errors import FactcheckError
from .paths import rules_dir

LANGS = ("it", "en")


@lru_cache(maxsize=None)
def _load(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise FactcheckError(f"{path}: language data file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise FactcheckError(f"{path}: invalid TOML: {exc}") from None


def load_lang(lang: str, name: str, root: Path | None = None) -> dict:
    """Read ``<root>/lang/<lang>/<name>.toml`` (cached); root defaults to :func:`rules_dir`."""
    if lang not in LANGS:
        raise FactcheckError(f"unsupported language {lang!r} (supported: {', '.join(LANGS)})")
    return _load((root or rules_dir()) / "lang" / lang / f"{name}.toml")
