"""``read_paths``: files and folders in, documents (or reasons they could not be read) out.

Everything that can go wrong with one file becomes an ``IngestError`` with a short
reason code and a detail that names the fix; nothing raises out of ``read_paths``, so
one bad file never stops a batch. Reasons: unsupported (skipped, not failed), empty,
binary, truncated_gzip, bad_gzip, too_large, undecodable, unreadable, invalid_json,
invalid_record, reader_error.
"""
from __future__ import annotations

import gzip
import io
import logging
import os
import stat
import zlib
from collections.abc import Iterable, Iterator

from storyline.config import Settings
from storyline.ingest.base import reader_for, registered_extensions
from storyline.model import Document, IngestError

LOGGER = logging.getLogger(__name__)

#: Decompression step; memory stays at about max_file_bytes + one chunk even for a bomb.
GZIP_CHUNK_BYTES = 1024 * 1024
#: Reasons that mean "not for us" rather than "broken": logged at INFO, not WARNING.
SKIP_REASONS: frozenset[str] = frozenset({"unsupported"})


def read_paths(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
               settings: Settings) -> Iterator[Document | IngestError]:
    """Read every file named or found below the folders named, in a stable order.

    Args:
        paths: files and folders as the user gave them. Folders are walked
            recursively in sorted order; hidden files and folders below them are skipped.
        settings: uses ``max_file_bytes``.

    Returns:
        An iterator of ``Document`` (one per article; several for JSON files) and
        ``IngestError`` (one per file or record that could not be read).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # a lone path, not an iterable of characters
    for given in paths:
        name = os.fsdecode(os.fspath(given))
        for source in _expand(name):
            for item in _read_file(source, settings):
                if isinstance(item, IngestError):
                    level = logging.INFO if item.reason in SKIP_REASONS else logging.WARNING
                    LOGGER.log(level, "%s: %s: %s", item.source, item.reason, item.detail)
                yield item


def _expand(name: str) -> Iterator[str]:
    """The file paths ``name`` stands for: itself, or the visible files below a folder."""
    if not os.path.isdir(name):
        yield name
        return
    for top, dirs, files in os.walk(name, onerror=_walk_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            if not file.startswith("."):
                yield os.path.join(top, file)


def _walk_error(exc: OSError) -> None:
    LOGGER.warning("%s: unreadable: cannot list the folder (%s)", exc.filename, exc.strerror)


def _read_file(source: str, settings: Settings) -> Iterator[Document | IngestError]:
    info = _stat(source)
    if isinstance(info, IngestError):
        yield info
        return
    ext, compressed = _extension(source)
    reader = reader_for(ext)
    if reader is None:
        known = ", ".join("." + e for e in registered_extensions())
        yield IngestError(source, "unsupported",
                          f"no reader for {('.' + ext) if ext else 'files without an extension'}"
                          f" (known: {known}); convert the file "
                          "or add one with storyline.ingest.register_reader()")
        return
    limit = settings.max_file_bytes
    if info.st_size > limit:
        yield _too_large(source, info.st_size, limit)
        return
    data = _read_bytes(source, limit, info.st_size)
    if isinstance(data, IngestError):
        yield data
        return
    if compressed and data:
        data = _gunzip(data, source, limit)
        if isinstance(data, IngestError):
            yield data
            return
    if not data:
        yield IngestError(source, "empty", "the file is empty (0 bytes)")
        return
    try:
        yield from reader(data, source, settings)
    except Exception as exc:
        LOGGER.warning("%s: reader %r failed", source, reader, exc_info=True)
        yield IngestError(source, "reader_error",
                          f"the .{ext} reader failed ({type(exc).__name__}: {exc}); "
                          "report it with this file")


def _extension(source: str) -> tuple[str, bool]:
    """(format extension, gzip-compressed?): 'a.txt.gz' -> ('txt', True)."""
    base, ext = os.path.splitext(os.path.basename(source))
    if ext.lower() == ".gz":
        return os.path.splitext(base)[1].lower().lstrip("."), True
    return ext.lower().lstrip("."), False


def _stat(source: str) -> os.stat_result | IngestError:
    try:
        info = os.stat(source)
    except FileNotFoundError:
        if os.path.islink(source):
            return IngestError(source, "unreadable", "broken symbolic link; fix or remove it")
        return IngestError(source, "unreadable", "no such file or folder; check the path")
    except PermissionError:
        return IngestError(source, "unreadable", "permission denied; make the file readable")
    except OSError as exc:
        return IngestError(source, "unreadable", f"cannot open ({exc.strerror}); check the path")
    if not stat.S_ISREG(info.st_mode):
        return IngestError(source, "unreadable", "not a regular file; give a file or folder")
    return info


def _read_bytes(source: str, limit: int, size: int) -> bytes | IngestError:
    """The file's bytes, reading at most ``limit + 1`` (one more tells a file over the limit).

    The read is sized by the file's stat size, not the limit: ``read(n)`` reserves an
    n-byte buffer first, so reading by the limit cost max_file_bytes per small file.
    """
    want = min(size, limit) + 1  # +1: the file may have grown since stat
    try:
        with open(source, "rb") as f:
            data = f.read(want)
            if len(data) == want and want <= limit:
                # it grew past its stat size: read on, still no further than the limit
                data += f.read(limit + 1 - want)
    except PermissionError:
        return IngestError(source, "unreadable", "permission denied; make the file readable")
    except OSError as exc:
        return IngestError(source, "unreadable", f"cannot read ({exc.strerror})")
    if len(data) > limit:
        return _too_large(source, len(data), limit)
    return data


def _gunzip(data: bytes, source: str, limit: int) -> bytes | IngestError:
    """Decompress in chunks, stopping as soon as the output passes ``limit``."""
    out = bytearray()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            while chunk := f.read(GZIP_CHUNK_BYTES):
                out += chunk
                if len(out) > limit:
                    return IngestError(
                        source, "too_large",
                        f"decompresses to more than {limit:,} bytes (max_file_bytes); "
                        "split it or raise max_file_bytes")
    except EOFError:
        return IngestError(source, "truncated_gzip",
                           "the gzip file ends early (cut-off download?); fetch it again")
    except (gzip.BadGzipFile, zlib.error) as exc:
        return IngestError(source, "bad_gzip",
                           f"not a valid gzip file ({exc}); check or re-compress it")
    return bytes(out)


def _too_large(source: str, size: int, limit: int) -> IngestError:
    return IngestError(source, "too_large",
                       f"{size:,} bytes is over max_file_bytes={limit:,}; "
                       "split the file or raise max_file_bytes")
