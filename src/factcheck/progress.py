"""A progress line on stderr for long runs (never on stdout, never in reports)."""

from __future__ import annotations

import sys
import time


class Progress:
    """``extracting 1200/100000 files (1%) 35 files/s``, redrawn at most 4 times a second.

    Enabled by default when stderr is a terminal or the run is long (> 200 items),
    so short runs and pipelines stay quiet.
    """

    def __init__(self, total: int, label: str, enabled: bool | None = None):
        self.total, self.label, self.count = total, label, 0
        self.enabled = enabled if enabled is not None else (sys.stderr.isatty() or total > 200)
        self.t0 = self.last = time.monotonic()
        self.tty = sys.stderr.isatty()

    def step(self, n: int = 1) -> None:
        self.count += n
        now = time.monotonic()
        if self.enabled and (now - self.last >= (0.25 if self.tty else 5.0)):
            self.last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.count / max(now - self.t0, 1e-9)
        pct = 100 * self.count / self.total if self.total else 100
        line = f"{self.label} {self.count}/{self.total} files ({pct:.0f}%) {rate:.0f} files/s"
        print(("\r" + line) if self.tty else line, end="" if self.tty else "\n",
              file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.enabled and self.count:
            self._draw(time.monotonic())
            if self.tty:
                print(file=sys.stderr)
