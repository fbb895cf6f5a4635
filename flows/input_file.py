"""One input of a batch as `find_inputs` (flows/sources.py) lists it: a file, or a member of a
zip archive, that reads its own bytes when asked, whole or as a stream, and fails with one
error, `InputReadError`, whatever went wrong."""

from __future__ import annotations

import contextlib
import hashlib
import os
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO


class InputReadError(OSError):
    """An input listed by `find_inputs` could not be read: gone, unreadable, or a zip member
    that is encrypted, damaged or compressed with a method Python lacks."""


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input as found: where to show it, its name and size, and how to get its bytes.

    `path` identifies the input in the manifest and the logs: the resolved absolute path of a
    file, or `<archive path>!/<member>` for a zip member. It is always printable text; the
    bytes are read from `location` (the file, or the archive holding member number `member`).
    """

    path: str
    name: str
    size: int
    location: str = ""
    member: int | None = None

    def read(self) -> bytes:
        """The input's bytes; InputReadError (an OSError) when they cannot be had."""
        if self.member is None:
            with self._reading():
                return Path(self.location or self.path).read_bytes()
        return b"".join(self._chunks())

    def sha256(self) -> str:
        """The hash of the input's bytes, read as a stream: an input too large to extract is
        still identified, without being held in memory."""
        digest = hashlib.sha256()
        for chunk in self._chunks():
            digest.update(chunk)
        return digest.hexdigest()

    def _chunks(self) -> Iterator[bytes]:
        """The input's bytes a megabyte at a time. A zip member is inflated in bounded steps
        (zipfile's whole-member read inflates up to 2 GiB at once), and never past its declared
        size: a member that claims less than it holds fails its CRC check there."""
        with self._reading():
            location = self.location or self.path
            stream: IO[bytes]
            if self.member is None:
                stream = Path(location).open("rb")
            else:
                stream = _open_member(location, self.member, self.size)
            with stream:
                while chunk := stream.read(2**20):
                    yield chunk

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        try:
            yield
        except InputReadError:
            raise
        # zipfile reports an encrypted member as RuntimeError, a damaged one as BadZipFile or
        # zlib.error, an unknown compression method as NotImplementedError.
        except (
            OSError,
            zipfile.BadZipFile,
            zlib.error,
            RuntimeError,
            NotImplementedError,
            IndexError,
        ) as error:
            raise InputReadError(f"{self.path}: cannot be read ({error})") from error


def _open_member(location: str, index: int, size: int) -> IO[bytes]:
    archive = _open_archive(location, *_identity(location))
    member = archive.infolist()[index]
    if member.file_size != size:
        raise InputReadError(f"{location}: the archive changed after it was listed")
    # zipfile inflates bzip2 and LZMA members without any bound; reports are never zipped so.
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise InputReadError(
            f"{location}: member {member.filename} is compressed with a method qpr does not "
            f"unpack (zip method {member.compress_type}); zip it again with the usual one"
        )
    return archive.open(member)


def _identity(location: str) -> tuple[int, int, int]:
    """What makes a cached archive stale: a rewrite changes its size or time; a forked worker
    must not share the parent's file offset."""
    status = os.stat(location)
    return status.st_mtime_ns, status.st_size, os.getpid()


# Opening an archive parses its whole table of contents (about 20 ms for 10,000 members), so
# reading its members one by one reuses the open archive rather than paying that per member.
# ZipFile serialises reads of a shared file, so threads may share one.
@lru_cache(maxsize=4)
def _open_archive(location: str, mtime: int, size: int, process: int) -> zipfile.ZipFile:
    return zipfile.ZipFile(location)
