"""Where factcheck finds its data files (rules, language data, events)."""

from __future__ import annotations

import os
from pathlib import Path


def rules_dir() -> Path:
    """The default rules folder.

    In order: ``$FACTCHECK_RULES``; the checkout's ``rules/`` (editable installs and
    running from the repository); the copy shipped inside the wheel (``factcheck/_rules``).
    """
    env = os.environ.get("FACTCHECK_RULES")
    if env:
        return Path(env)
    checkout = Path(__file__).resolve().parents[2] / "rules"
    if checkout.is_dir():
        return checkout
    return Path(__file__).resolve().parent / "_rules"
