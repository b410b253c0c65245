"""Writing what a run produces: stdout, a regular file replaced atomically, or a device.

Every command's ``-o`` goes through :func:`write_output`, so they all behave
alike. A regular file (or a symlink to one) is replaced through a hidden
temporary file beside the *resolved* target and a rename: an interrupted run
leaves the previous file intact, and a symlink stays a symlink. The new
file keeps the old one's permissions, or gets the umask's for a new file.
Devices, FIFOs, ``/dev/stdout`` and ``-`` are written in place, since renaming
over them would destroy them. Writing over one of the run's own inputs is
refused before anything is touched. A run killed between its temporary file
and the rename leaves that file behind; the next write to the same output
removes such leftovers once they are an hour old.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from spector_refs.errors import InputError

STDOUT = "-"
STALE_AFTER_SECONDS = 3600
_OPEN_DESCRIPTOR = re.compile(r"^/(?:dev/(?:stdout|stderr|fd/\d+)|proc/(?:self|\d+)/fd/\d+)$")
_TOKEN_HEX = 16


def write_output(
    destination: str | os.PathLike[str] | None,
    text: str,
    *,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> None:
    """Write ``text`` (ending in a newline) to ``destination``; None or ``-`` is stdout.

    ``inputs`` are the files the run read; writing to one of them raises
    :class:`InputError` instead of destroying it.
    """
    text = text if text.endswith("\n") else text + "\n"
    if destination is None or os.fspath(destination) == STDOUT:
        sys.stdout.write(text)
        return
    refuse_inputs(destination, inputs)
    target = Path(destination)
    status = _status(target)
    if _OPEN_DESCRIPTOR.match(os.fspath(target)) or (status and not stat.S_ISREG(status.st_mode)):
        _write_in_place(target, text, status)
    else:
        write_atomically(
            Path(os.path.realpath(target)), text, mode=stat.S_IMODE(status.st_mode) if status else None
        )


def append_output(destination: str | os.PathLike[str], text: str) -> None:
    """Append ``text`` to a file (GitHub's step summary is appended to, never replaced)."""
    try:
        with open(destination, "a", encoding="utf-8") as handle:
            handle.write(text if text.endswith("\n") else text + "\n")
    except OSError as exc:
        raise InputError(f"{destination}: cannot write ({exc.strerror or exc})") from None


def refuse_inputs(destination: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Raise :class:`InputError` if ``destination`` is the same file as one of ``inputs``."""
    status = _status(Path(destination))
    if status is None or not stat.S_ISREG(status.st_mode):
        return
    for source in inputs:
        if os.fspath(source) == STDOUT:
            continue
        other = _status(Path(source))
        if other is not None and (other.st_dev, other.st_ino) == (status.st_dev, status.st_ino):
            raise InputError(f"{destination}: is an input of this run; write the output to another file")


def write_atomically(path: str | os.PathLike[str], text: str, *, mode: int | None = None) -> None:
    """Write ``text`` to the regular file ``path`` through a temporary file and a rename.

    Either the whole new file is there afterwards or the old one is
    untouched. ``mode`` is given to the new file; None lets the umask decide,
    as for any newly created file.
    """
    target = Path(path)
    directory = target.parent
    _remove_stale_temporaries(directory, target.name)
    tmp = directory / f".{target.name}.{os.urandom(_TOKEN_HEX // 2).hex()}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    except OSError as exc:
        raise InputError(f"{target}: cannot write ({exc.strerror or exc})") from None
    try:
        if mode is not None:
            os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        raise _as_input_error(target, exc) from None


def _write_in_place(target: Path, text: str, status: os.stat_result | None) -> None:
    """Devices, FIFOs and open descriptors are written to, never replaced."""
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise InputError(f"{target}: is a directory")
    # Appending to /dev/stdout keeps a shell's ``>>`` redirection intact.
    append = bool(_OPEN_DESCRIPTOR.match(os.fspath(target)))
    try:
        with open(target, "a" if append else "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except BaseException as exc:
        raise _as_input_error(target, exc) from None


def _as_input_error(target: Path, exc: BaseException) -> BaseException:
    """Disk and encoding failures are the user's to fix; anything else propagates as it was."""
    if isinstance(exc, OSError):
        return InputError(f"{target}: cannot write ({exc.strerror or exc})")
    if isinstance(exc, UnicodeEncodeError):
        return InputError(f"{target}: the output holds text that is not valid Unicode")
    return exc


def _status(path: Path) -> os.stat_result | None:
    """``stat`` through symlinks; None when nothing (or a dangling link) is there."""
    try:
        return path.stat()
    except (OSError, ValueError):
        return None


def _remove_stale_temporaries(directory: Path, name: str) -> None:
    """Delete our own hour-old ``.NAME.<hex>.tmp`` files, left by runs that were killed."""
    pattern = re.compile(rf"^\.{re.escape(name)}\.[0-9a-f]{{{_TOKEN_HEX}}}\.tmp$")
    cutoff = time.time() - STALE_AFTER_SECONDS
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        if not pattern.match(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid() and info.st_mtime < cutoff:
                os.unlink(entry.path)
        except OSError:
            continue
