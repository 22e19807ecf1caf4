"""Writing output files: atomically, readable as any file the user makes, one writer at a time.

* :class:`AtomicFile` / :func:`atomic_write`: a file is written under a temporary
  name next to its place (``.graph.ttl.1a2b3c4d.tmp``) and renamed onto it when
  complete, so a reader sees the old file or the new one, never a part. The
  temporary file is created like ``open(path, "w")`` creates a file: mode 0666
  less the umask (0644 under umask 022), not ``mkstemp``'s 0600. On any error it
  is removed.
* :func:`clean_temps`: the temporary files a killed writer left next to a path.
* :func:`folder_lock`: an exclusive lock on an output folder, released when the
  holder ends however it ends (``flock``); a second holder fails at once with an
  error naming the folder and the first holder.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import socket
import time
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Callable, Iterator

from .errors import InputError

__all__ = ["AtomicFile", "atomic_write", "clean_temps", "folder_lock", "LOCK_FILE"]

#: The lock file in an output folder (see :func:`folder_lock`).
LOCK_FILE = ".kg-lock"


def _temp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")


class AtomicFile:
    """``path`` written under a temporary name, renamed onto ``path`` by :meth:`commit`;
    :meth:`abort` removes it. ``file`` is the open file (``mode`` and the other arguments
    as for :func:`open`). As a context manager it yields ``file`` and commits when the
    block ends without an exception, aborts otherwise.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> with AtomicFile(d / "a.txt", "w") as f:
    ...     _ = f.write("hello")
    >>> (d / "a.txt").read_text(), [p.name for p in d.iterdir()]
    ('hello', ['a.txt'])
    """

    def __init__(self, path: str | os.PathLike, mode: str = "wb", *, encoding: str | None = None,
                 newline: str | None = None, buffering: int = -1) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
        while True:
            self.tmp = _temp_name(self.path)
            try:
                fd = os.open(self.tmp, flags, 0o666)  # the umask applies, as for any new file
                break
            except FileExistsError:
                continue
        try:
            self.file: IO = os.fdopen(fd, mode, buffering=buffering, encoding=encoding, newline=newline)
        except BaseException:
            os.close(fd)
            os.unlink(self.tmp)
            raise

    def commit(self) -> Path:
        """Close the file and rename it onto ``path``; on failure the temporary file is removed."""
        try:
            self.file.close()
            os.replace(self.tmp, self.path)
        except BaseException:
            self.abort()
            raise
        return self.path

    def abort(self) -> None:
        """Close and remove the temporary file; ``path`` is left as it was."""
        try:
            self.file.close()
        except OSError:
            pass
        try:
            os.unlink(self.tmp)
        except FileNotFoundError:
            pass

    def __enter__(self) -> IO:
        return self.file

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


def atomic_write(path: str | os.PathLike, data: bytes | str | Callable[[IO[bytes]], object], *,
                 encoding: str = "utf-8", newline: str | None = None) -> Path:
    """Write ``data`` to ``path`` atomically and return ``path``.

    ``data`` is bytes, text (written with ``encoding`` and ``newline``), or a function
    that writes to the binary file it is given (for writers that stream).

    >>> import tempfile, stat
    >>> p = Path(tempfile.mkdtemp()) / "out" / "b.txt"
    >>> old = os.umask(0o022)
    >>> _ = atomic_write(p, "é"); _ = atomic_write(p, lambda f: f.write(b"!"), encoding="ascii")
    >>> _ = os.umask(old)
    >>> p.read_text(), oct(stat.S_IMODE(p.stat().st_mode))
    ('!', '0o644')
    """
    if callable(data):
        with AtomicFile(path, "wb") as f:
            data(f)
    elif isinstance(data, str):
        with AtomicFile(path, "w", encoding=encoding, newline=newline) as f:
            f.write(data)
    else:
        with AtomicFile(path, "wb") as f:
            f.write(data)
    return Path(path)


_TEMP = re.compile(r"\.(?P<name>.+)\.(?:[0-9a-f]{8}\.tmp|[a-z0-9_]{8})")  # ours, and mkstemp's of earlier versions


def clean_temps(path: str | os.PathLike) -> list[Path]:
    """Remove the temporary files a killed writer of ``path`` left next to it; return them.

    Only call it while no other process writes ``path`` (under :func:`folder_lock`).
    """
    path = Path(path)
    gone = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return gone
    for entry in entries:
        m = _TEMP.fullmatch(entry.name)
        if m and m.group("name") == path.name and entry.is_file(follow_symlinks=False):
            try:
                os.unlink(entry.path)
                gone.append(Path(entry.path))
            except FileNotFoundError:
                pass
    return gone


@contextmanager
def folder_lock(folder: str | os.PathLike, what: str = "kg build") -> Iterator[Path]:
    """Hold an exclusive lock on ``folder`` (created if missing) for the block.

    Raises :class:`~kg.errors.InputError` naming the folder and the holder when another
    process holds it. The lock (``flock`` on ``folder/.kg-lock``) ends with its holder,
    even a killed one. Where the system has no ``flock`` (Windows) no lock is taken.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield Path(folder)
        return
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError(f"{folder}: another {_holder(fd)} is writing to this folder; "
                             f"wait for it to end or choose another folder") from None
        holder = {"what": what, "pid": os.getpid(), "host": socket.gethostname(),
                  "since": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(holder).encode("utf-8"), 0)
        yield folder
    finally:
        os.close(fd)  # releases the lock


def _holder(fd: int) -> str:
    """``kg build (pid 123 on host, since ...)`` from the lock file, as far as it says."""
    try:
        h = json.loads(os.pread(fd, 4096, 0).decode("utf-8"))
        return f"{h['what']} (pid {h['pid']} on {h['host']}, since {h['since']})"
    except (OSError, ValueError, KeyError, TypeError):
        return "process"
