"""Client requests into a shared buffer region, and the untrusted values they carry.

A client names a part of the shared region by offset and length.  Both are :class:`Untrusted`: any
direct use (indexing, slicing, arithmetic, comparison, ``int()``, ``bytearray(n)``) raises
:class:`~drvrt.errors.UncheckedClientValue`.  The region's accessors check both bounds (a negative
offset would silently index from the end in Python) and are the only way in; a request that fails the
check is rejected with :class:`~drvrt.errors.RequestError`, which the runtime turns into an error
status for the client."""
from __future__ import annotations

from typing import Any, Optional, Union

from .errors import RequestError, UncheckedClientValue


class Untrusted:
    """A value a client supplied; opaque until a checked accessor unwraps it."""

    __slots__ = ("_value", "_field")

    def __init__(self, value: int, field: str):
        self._value = value
        self._field = field

    def _refuse(self, *args: Any) -> Any:
        raise UncheckedClientValue(f"client-supplied {self._field} used directly; pass it to the "
                                   f"region's checked accessor (read/write/check)")

    __index__ = __int__ = __float__ = __bool__ = __hash__ = _refuse
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _refuse
    __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = __lshift__ = __rshift__ = _refuse
    __and__ = __rand__ = __or__ = __ror__ = __neg__ = __pos__ = __abs__ = _refuse
    __lt__ = __le__ = __gt__ = __ge__ = __eq__ = __ne__ = _refuse  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Untrusted({self._field}={self._value})"

    __str__ = __repr__


Index = Union[int, Untrusted]


def _raw(value: Index) -> int:
    if type(value) is Untrusted:
        return value._value
    if isinstance(value, bool) or not isinstance(value, int):
        raise RequestError(f"offset/length must be an integer, not {type(value).__name__}")
    return value


class SharedRegion:
    """A buffer shared between a client and the driver."""

    __slots__ = ("buf",)

    def __init__(self, size: int):
        self.buf = bytearray(size)

    def __len__(self) -> int:
        return len(self.buf)

    def check(self, offset: Index, length: Index) -> tuple[int, int]:
        """Both bounds: 0 <= offset and 0 <= length and offset + length <= size; the plain ints."""
        off, n = _raw(offset), _raw(length)
        if off < 0 or n < 0 or off + n > len(self.buf):
            raise RequestError(f"offset {off} length {n} outside the {len(self.buf)}-byte region")
        return off, n

    def read(self, offset: Index, length: Index) -> bytes:
        off, n = self.check(offset, length)
        return bytes(self.buf[off:off + n])

    def write(self, offset: Index, data: bytes, length: Optional[Index] = None) -> int:
        """Copy ``data`` (at most ``length`` bytes of it) to ``offset``; the number of bytes copied."""
        off, room = self.check(offset, len(data) if length is None else length)
        n = min(room, len(data))
        self.buf[off:off + n] = data[:n]
        return n


class Request:
    """One client request: an operation name (trusted: it selects the handler) and an untrusted
    offset and length into the shared region.  ``data`` is what the client placed there, if anything."""

    __slots__ = ("op", "offset", "length", "region", "status", "result")

    def __init__(self, op: str, offset: int, length: int, region: SharedRegion):
        self.op = op
        self.offset = Untrusted(offset, "offset")
        self.length = Untrusted(length, "length")
        self.region = region
        self.status = "pending"  # then "ok" or "error: ..."
        self.result: Any = None
