"""Progress lines on stderr for long runs (never on stdout, never in reports)."""

from __future__ import annotations

import sys
import time

# seconds between two progress lines: a terminal redraws one line, a log gets a new one
TTY_EVERY, LOG_EVERY = 0.25, 5.0
# a file this long (characters of text) shows its own progress: it takes seconds (~6 s/MB)
LONG_FILE = 1_000_000


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
        if self.enabled and (now - self.last >= (TTY_EVERY if self.tty else LOG_EVERY)):
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


class FileProgress:
    """Progress through the stages of one long file:
    ``long.txt: claims 1200/5400 sentences (22%), stage 2 of 3``.

    The file bar counts files, so a single long file would show nothing for minutes.
    Enabled by default for a file of :data:`LONG_FILE` characters or more.
    """

    STAGES = ("numbers", "claims", "context")

    def __init__(self, name: str, size: int, enabled: bool | None = None):
        self.name = name
        self.enabled = enabled if enabled is not None else size >= LONG_FILE
        self.tty = sys.stderr.isatty()
        self.stage, self.unit, self.total, self.count = "", "", 0, 0
        self.last = time.monotonic()
        self.drawn = False

    def start(self, stage: str, total: int = 0, unit: str = "") -> None:
        """Begin ``stage`` (one of :attr:`STAGES`) over ``total`` ``unit`` (0: not counted)."""
        self.stage, self.total, self.unit, self.count = stage, total, unit, 0
        self._draw(time.monotonic())  # a new stage is always shown

    def step(self, n: int = 1) -> None:
        """``n`` more units of the current stage done."""
        self.count += n
        now = time.monotonic()
        if now - self.last >= (TTY_EVERY if self.tty else LOG_EVERY):
            self._draw(now)

    def line(self) -> str:
        """The progress line as it stands."""
        where = f"stage {self.STAGES.index(self.stage) + 1} of {len(self.STAGES)}"
        if not self.total:
            return f"{self.name}: {self.stage}, {where}"
        pct = 100 * self.count / self.total
        return (f"{self.name}: {self.stage} {self.count}/{self.total} {self.unit} "
                f"({pct:.0f}%), {where}")

    def _draw(self, now: float) -> None:
        if not self.enabled:
            return
        self.last, self.drawn = now, True
        # pad over a longer previous line on a terminal
        print(f"\r{self.line():<72}" if self.tty else self.line(), end="" if self.tty else "\n",
              file=sys.stderr, flush=True)

    def done(self) -> None:
        """End the file's line (on a terminal the next output starts on a new line)."""
        if self.enabled and self.drawn and self.tty:
            print(file=sys.stderr)
