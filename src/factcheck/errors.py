"""Errors the CLI turns into one clear line and exit code 2 (never a traceback)."""

from __future__ import annotations


class FactcheckError(Exception):
    """Unusable input or usage: the message names the file (and line) at fault."""


class RuleError(FactcheckError):
    """One or more rule files are invalid; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))
