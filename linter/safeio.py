"""Files newslint writes or reads beside the stories, handled so that a checked repository
cannot redirect them.

A repository can commit a symbolic link where newslint writes (``.newslint-baseline.json``
pointing at ``~/.bashrc``) or hand it a FIFO or ``/dev/zero`` to read. So:

- ``atomic_write``: every output file (``--format NAME:PATH``, ``report -o``, the baseline,
  ``init``, ``learn -o``, the data cache) is written to a new file of a unique name in the
  target's folder, created with ``O_EXCL | O_NOFOLLOW``, then renamed over the target. A
  rename replaces a link at the target instead of writing through it; readers see the old
  file or the new one, never half of one. ``exclusive`` (``init``) creates the file only if
  nothing, not even a dangling link, has the name.
- ``write_output``: the same, with one clear message (``OutputError``) for any failure; no
  empty or partial file is left behind.
- ``rewrite``: ``--fix`` writes a story in place, through the file it read, only if its
  bytes are still the ones checked. The file stays the same file (hard links, owner,
  permissions); a read-only file is left alone.
- ``read_regular``: a side file (a baseline) must be a regular file of bounded size.
"""
from __future__ import annotations

import errno
import os
import secrets
import stat

from .escape import printable

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_DIR_FD = os.open in os.supports_dir_fd and os.replace in os.supports_dir_fd and hasattr(os, "O_DIRECTORY")


class OutputError(Exception):
    """An output file could not be written; the message names it and says why."""


class NotRewritten(Exception):
    """A story was not fixed; the message says why."""


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def atomic_write(path: str | os.PathLike, data: bytes, exclusive: bool = False) -> None:
    path = os.fspath(path)
    folder, name = os.path.split(path)
    if not name or name in (".", ".."):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
    dfd = os.open(folder or ".", os.O_RDONLY | os.O_DIRECTORY | _CLOEXEC) if _DIR_FD else None

    def at(n: str) -> str:
        return n if dfd is not None else os.path.join(folder, n)

    try:
        try:
            old = os.stat(at(name), dir_fd=dfd, follow_symlinks=False)
        except FileNotFoundError:
            old = None
        if old is not None and stat.S_ISDIR(old.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        if exclusive:
            fd = os.open(at(name), os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o666, dir_fd=dfd)
            try:
                _write_all(fd, data)
            except BaseException:
                os.close(fd)
                os.unlink(at(name), dir_fd=dfd)
                raise
            os.close(fd)
            return
        while True:
            tmp = f".{os.fsdecode(os.fsencode(name)[:200])}.{secrets.token_hex(6)}.newslint-tmp"  # under 255 bytes
            try:
                fd = os.open(at(tmp), os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o666, dir_fd=dfd)
                break
            except FileExistsError:
                continue
        try:
            try:
                _write_all(fd, data)
                if old is not None and stat.S_ISREG(old.st_mode):
                    os.fchmod(fd, stat.S_IMODE(old.st_mode))  # a replaced file keeps its permissions
                os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(at(tmp), at(name), src_dir_fd=dfd, dst_dir_fd=dfd)
        except BaseException:
            try:
                os.unlink(at(tmp), dir_fd=dfd)
            except OSError:
                pass
            raise
    finally:
        if dfd is not None:
            os.close(dfd)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def write_output(path: str | os.PathLike, data: str | bytes, exclusive: bool = False) -> None:
    """``atomic_write`` for an output the user named; text is written as UTF-8."""
    if isinstance(data, str):
        data = data.encode("utf-8", "backslashreplace")
    try:
        atomic_write(path, data, exclusive)
    except FileExistsError:
        raise OutputError(f"{printable(os.fspath(path))} exists") from None
    except OSError as exc:
        raise OutputError(f"cannot write {printable(os.fspath(path))} ({_reason(exc)})") from None


def rewrite(path: str | os.PathLike, old: bytes, new: bytes) -> None:
    """Replace a file's bytes `old` with `new`, in place (see the module's description)."""
    try:
        fd = os.open(path, os.O_RDWR | _NOFOLLOW | _CLOEXEC)
    except OSError as exc:
        raise NotRewritten("read-only" if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS)
                           else _reason(exc)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRewritten("not a regular file")
        if not st.st_mode & 0o222:
            raise NotRewritten("read-only")
        current = bytearray()
        while chunk := os.read(fd, max(1 << 16, st.st_size + 1)):
            current += chunk
        if current != old:
            raise NotRewritten("it changed while newslint was checking it")
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            _write_all(fd, new)
            os.ftruncate(fd, len(new))
            os.fsync(fd)
        except OSError as exc:
            raise NotRewritten(_reason(exc)) from None
    finally:
        os.close(fd)


def read_regular(path: str | os.PathLike, limit: int) -> bytes:
    """A regular file's bytes, at most `limit` of them. A FIFO, a device or a folder is an
    OSError (opening never waits for a FIFO's writer), and so is a longer file."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _CLOEXEC)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file"
            raise OSError(errno.EINVAL, kind, os.fspath(path))
        if st.st_size > limit:
            raise OSError(errno.EFBIG, f"larger than {limit // (1 << 20)} MB", os.fspath(path))
        data = bytearray()
        while len(data) <= limit and (chunk := os.read(fd, 1 << 20)):
            data += chunk
        if len(data) > limit:
            raise OSError(errno.EFBIG, f"larger than {limit // (1 << 20)} MB", os.fspath(path))
        return bytes(data)
    finally:
        os.close(fd)


__all__ = ["NotRewritten", "OutputError", "atomic_write", "read_regular", "rewrite", "write_output"]
