"""Logging and progress for long commands: warnings go through :mod:`logging`.

Library modules log to ``logging.getLogger(__name__)`` (children of ``"kg"``) and
never configure handlers; the command line calls :func:`setup` once. A progress
bar is drawn on stderr only when stderr is a terminal and the run is not quiet.
"""
from __future__ import annotations

import logging
import sys
import time
import unicodedata
from typing import Iterable, Iterator, TypeVar

__all__ = ["setup", "progress", "Progress", "finish", "show", "QUIET", "NORMAL", "VERBOSE"]

QUIET, NORMAL, VERBOSE = 0, 1, 2
_LEVELS = {QUIET: logging.ERROR, NORMAL: logging.WARNING, VERBOSE: logging.DEBUG}
_state: dict = {"verbosity": NORMAL, "bar": None}
T = TypeVar("T")

# Characters that must not reach a terminal or a log line as themselves: controls
# (a newline in a file name would forge a log line) and bidirectional formatting
# (an RTL override would display a name reversed).
_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def show(name: object) -> str:
    r"""``name`` as one printable line: controls and bidi formatting marks escaped.

    >>> show("a b\nc\u202e.txt")
    'a b\\nc\\u202e.txt'
    """
    out = []
    for ch in str(name):
        if ch in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        elif ch in _BIDI or unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp"):
            out.append(f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


class _Formatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        text = f"kg: {record.levelname.lower()}: {show(record.getMessage())}"
        if record.exc_info and _state["verbosity"] >= VERBOSE:
            text += "\n" + self.formatException(record.exc_info)
        return text


class _Handler(logging.StreamHandler):
    """Writes to the current ``sys.stderr``, first clearing a progress bar on it."""

    def __init__(self) -> None:
        super().__init__()

    @property  # type: ignore[override]
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass

    def emit(self, record: logging.LogRecord) -> None:
        bar = _state.get("bar")
        if bar is not None:
            bar.clear()
        super().emit(record)


def setup(verbosity: int = NORMAL) -> None:
    """Send the ``kg`` loggers to stderr: errors only (QUIET), warnings, or everything (VERBOSE)."""
    _state["verbosity"] = verbosity
    logger = logging.getLogger("kg")
    logger.setLevel(_LEVELS.get(verbosity, logging.WARNING))
    for h in list(logger.handlers):
        if isinstance(h, _Handler):
            logger.removeHandler(h)
    handler = _Handler()
    handler.setFormatter(_Formatter())
    logger.addHandler(handler)
    logger.propagate = False


class Progress:
    """A one-line bar ``label [####....] n/total 12.3/s ETA 0:42`` on stderr, drawn only when stderr
    is a terminal and the run is not quiet; at most ten redraws a second.

    >>> bar = Progress(3, "reading")
    >>> for _ in range(3):
    ...     bar.advance()
    >>> bar.n
    3
    """

    def __init__(self, total: int | None = None, label: str = "") -> None:
        self.total, self.label, self.n = total, label, 0
        stream = sys.stderr
        self.enabled = _state["verbosity"] > QUIET and hasattr(stream, "isatty") and stream.isatty()
        self._last = 0.0
        self._start = time.monotonic()
        self._drawn = False
        if self.enabled:
            _state["bar"] = self

    def _line(self) -> str:
        spent = time.monotonic() - self._start
        rate = self.n / spent if spent > 0 else 0.0
        speed = f" {rate:.1f}/s" if rate else ""
        if self.total:
            width = 30
            done = min(width, int(width * self.n / self.total))
            left = (self.total - self.n) / rate if rate else None
            eta = f" ETA {int(left) // 60}:{int(left) % 60:02d}" if left is not None and self.n < self.total else ""
            return f"{self.label} [{'#' * done}{'.' * (width - done)}] {self.n}/{self.total}{speed}{eta}"
        return f"{self.label} {self.n}{speed}"

    def advance(self, n: int = 1) -> None:
        self.n += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last >= 0.1 or (self.total and self.n >= self.total):
            self._last = now
            sys.stderr.write("\r\x1b[K" + self._line())
            sys.stderr.flush()
            self._drawn = True
        if self.total and self.n >= self.total:
            self.close()

    def clear(self) -> None:
        """Erase the bar line (before a log message); it comes back on the next advance."""
        if self.enabled and self._drawn:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self._drawn = False

    def close(self) -> None:
        """Leave the last state of the bar on its own line."""
        if self.enabled and _state.get("bar") is self:
            if self.n:
                sys.stderr.write("\r\x1b[K" + self._line() + "\n")
                sys.stderr.flush()
            _state["bar"] = None
            self._drawn = False


def finish() -> None:
    """Close the bar in progress, if any (before printing a summary or an error)."""
    bar = _state.get("bar")
    if bar is not None:
        bar.close()


def progress(items: Iterable[T], total: int | None = None, label: str = "") -> Iterator[T]:
    """Yield ``items`` while a :class:`Progress` bar counts them.

    >>> list(progress([1, 2, 3], 3, "reading"))
    [1, 2, 3]
    """
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    bar = Progress(total, label)
    try:
        for item in items:
            yield item
            bar.advance()
    finally:
        bar.close()
