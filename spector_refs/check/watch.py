"""The link loop's socket watch: ``epoll`` itself where the system has it, :mod:`selectors` elsewhere.

On Linux the loop talks to ``epoll`` directly: :mod:`selectors` keeps a key
object per socket and cost three to four times the system calls it wraps,
and every transfer gives up its socket and takes one again. macOS, the BSDs
and Windows have no ``epoll``; there :class:`SelectorWatch` offers the same
five calls over :mod:`selectors` (kqueue, poll or select), so the loop runs
unchanged, with ``epoll``'s event bits everywhere.
"""

from __future__ import annotations

import errno
import select
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import selectors
    import socket

IN, OUT = 0x001, 0x004
"""What a socket is watched for: epoll's ``EPOLLIN``, ``EPOLLOUT`` (poll's ``POLLIN``, ``POLLOUT`` too)."""


class Watch(Protocol):
    """What the loop asks of its socket watch: ``select.epoll``'s calls, a timeout in seconds."""

    def register(self, fd: int | socket.socket, eventmask: int) -> None: ...
    def modify(self, fd: int | socket.socket, eventmask: int) -> None: ...
    def unregister(self, fd: int | socket.socket) -> None: ...
    def poll(self, timeout: float) -> list[tuple[int, int]]: ...
    def close(self) -> None: ...


class SelectorWatch:
    """``epoll``'s calls over the system's best :mod:`selectors` selector, where there is no ``epoll``."""

    def __init__(self) -> None:
        import selectors  # only here: Linux never needs it

        self._read, self._write = selectors.EVENT_READ, selectors.EVENT_WRITE
        self._selector: selectors.BaseSelector = selectors.DefaultSelector()

    def register(self, fd: int | socket.socket, eventmask: int) -> None:
        self._selector.register(fd, self._events(eventmask))

    def modify(self, fd: int | socket.socket, eventmask: int) -> None:
        self._selector.modify(fd, self._events(eventmask))

    def unregister(self, fd: int | socket.socket) -> None:
        """As ``epoll``'s: a socket not watched is an :class:`OSError`, not a :class:`KeyError`."""
        try:
            self._selector.unregister(fd)
        except KeyError:
            raise OSError(errno.ENOENT, "socket not watched") from None

    def poll(self, timeout: float) -> list[tuple[int, int]]:
        return [(key.fd, self._bits(mask)) for key, mask in self._selector.select(timeout)]

    def close(self) -> None:
        self._selector.close()

    def _events(self, eventmask: int) -> int:
        return (self._read if eventmask & IN else 0) | (self._write if eventmask & OUT else 0)

    def _bits(self, mask: int) -> int:
        return (IN if mask & self._read else 0) | (OUT if mask & self._write else 0)


def socket_watch() -> Watch:
    """``epoll`` where the system has one, else a :class:`SelectorWatch`."""
    epoll = getattr(select, "epoll", None)
    return epoll() if epoll is not None else SelectorWatch()
