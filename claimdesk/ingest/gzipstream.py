"""A gzip reader that reports a truncated file instead of ending quietly (used for .warc.gz)."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import BinaryIO, Optional

_CHUNK = 1 << 16


class TruncatedGzip(Exception):
    """The compressed data ends before its end-of-stream marker."""


class StrictGzipReader:
    r"""A binary stream of the decompressed bytes of a gzip file of one or many members.

    Unlike gzip.GzipFile, which raises EOFError on the read that meets a cut (losing what that
    read decompressed, and looking like a clean end to code that catches EOFError, as warcio
    does), this returns every byte decompressed up to the cut and raises TruncatedGzip on the
    next read.

    >>> import gzip, io
    >>> data = gzip.compress(b"first line\nsecond line\n")
    >>> reader = StrictGzipReader(io.BytesIO(data[:-4]))
    >>> reader.read()
    b'first line\nsecond line\n'
    >>> reader.read()
    Traceback (most recent call last):
    ...
    claimdesk.ingest.gzipstream.TruncatedGzip: the file ends inside its compressed data
    """

    def __init__(self, raw: BinaryIO):
        self._raw = raw
        self._inflater = zlib.decompressobj(31)
        self._fed = False
        self._buffer = bytearray()
        self._error: Optional[TruncatedGzip] = None
        self._position = 0

    def _inflate_more(self) -> bytes:
        """The next decompressed bytes; b"" at a clean end; raises TruncatedGzip at a broken end."""
        while True:
            pending = b""
            if self._inflater.eof:
                pending = self._inflater.unused_data
                self._inflater = zlib.decompressobj(31)
                self._fed = False
            data = pending or self._raw.read(_CHUNK)
            if not data:
                if self._fed:
                    raise TruncatedGzip("the file ends inside its compressed data")
                return b""
            self._fed = True
            out = self._inflater.decompress(data)
            if out:
                return out

    def _fill(self, enough: Callable[[], bool]) -> None:
        while not enough() and self._error is None:
            try:
                chunk = self._inflate_more()
            except TruncatedGzip as error:
                self._error = error
                break
            if not chunk:
                break
            self._buffer += chunk
        if not self._buffer and self._error is not None:
            raise self._error

    def _take(self, n: int) -> bytes:
        out = bytes(self._buffer[:n])
        del self._buffer[:n]
        self._position += len(out)
        return out

    def read(self, size: int = -1) -> bytes:
        self._fill(lambda: 0 <= size <= len(self._buffer))
        return self._take(len(self._buffer) if size < 0 else size)

    def readline(self, size: int = -1) -> bytes:
        self._fill(lambda: b"\n" in self._buffer or 0 <= size <= len(self._buffer))
        end = self._buffer.find(b"\n") + 1 or len(self._buffer)
        return self._take(end if size < 0 else min(end, size))

    def tell(self) -> int:
        return self._position

    def close(self) -> None:
        self._raw.close()

    def __enter__(self) -> "StrictGzipReader":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
