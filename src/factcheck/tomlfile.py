"""Reading one TOML data file of the rules folder, the same way for every stage."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from .errors import FactcheckError


def read_data_file(path: Path) -> dict[str, Any]:
    """The parsed file; an absent file is empty (a rules folder may leave out what it does
    not use), an invalid one a :class:`FactcheckError` naming the file and the line."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise FactcheckError(f"{path}: invalid TOML: {exc}") from None
