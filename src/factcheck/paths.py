"""Where the project's data lives.

Two questions are answered here: which ``rules/`` folder to read (everything else, rule
files and language data, is located relative to it), and where the archive is by default.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

ENV_VAR = "FACTCHECK_RULES"
DB_ENV_VAR = "FACTCHECK_DB"
# the archive's default place, relative to the current directory (as every other path
# a user types), never to where factcheck happens to be installed
DEFAULT_DB = Path("data") / "factcheck.db"
DB_HELP = f"${DB_ENV_VAR}, else ./{DEFAULT_DB.as_posix()} in the current directory"


def rules_dir() -> Path:
    """The ``rules/`` folder in use.

    Order: the ``FACTCHECK_RULES`` environment variable when set; else the
    checkout's ``rules/`` (an editable install reads the files being edited);
    else the copy packaged inside the wheel at ``factcheck/_rules``.
    """
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return _installed_rules()


@lru_cache(maxsize=1)
def _installed_rules() -> Path:
    """The checkout's or the wheel's ``rules/``: where this file is does not change while
    the process runs (resolving it is a dozen system calls, and the context stage asks for
    every figure)."""
    checkout = Path(__file__).resolve().parents[2] / "rules"
    if checkout.is_dir():
        return checkout
    return Path(__file__).resolve().parent / "_rules"


def default_db_path() -> Path:
    """The archive ``ingest``, ``check --against`` and ``extract --db`` use when none is
    named: ``$FACTCHECK_DB`` when set, else ``data/factcheck.db`` in the current directory."""
    env = os.environ.get(DB_ENV_VAR)
    return Path(env).expanduser() if env else DEFAULT_DB
