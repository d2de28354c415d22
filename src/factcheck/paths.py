"""Where the project's data lives.

Only one question is answered here: which ``rules/`` folder to read. Everything
else (rule files, language data) is located relative to it.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "FACTCHECK_RULES"


def rules_dir() -> Path:
    """The ``rules/`` folder in use.

    Order: the ``FACTCHECK_RULES`` environment variable when set; else the
    checkout's ``rules/`` (an editable install reads the files being edited);
    else the copy packaged inside the wheel at ``factcheck/_rules``.
    """
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    checkout = Path(__file__).resolve().parents[2] / "rules"
    if checkout.is_dir():
        return checkout
    return Path(__file__).resolve().parent / "_rules"
