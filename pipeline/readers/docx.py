"""DOCX reader: the bytes of a .docx file in, its body as `Block`s out, in reading order.

Paragraphs (headings marked with their level, all-bold labels flagged, Word's automatic list
numbers written out as readers see them) and one block per table row; text inside content
controls and nested tables is read where it stands. `page` is always None.

This module opens the package (guarded against zip bombs) with python-docx; the body's XML is
read by `pipeline.readers.wordml`.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.part import XmlPart
from lxml import etree

from pipeline.blocks import Block
from pipeline.errors import DocumentLoadError, TooLargeError
from pipeline.limits import DEFAULT_LIMITS, Limits, size_text
from pipeline.readers.wordml.body import container_blocks
from pipeline.readers.wordml.numbering import ListCounters, read_numbering
from pipeline.readers.wordml.paragraphs import Context
from pipeline.readers.wordml.styles import read_styles

_LOCAL_HEADER_SIZE = 30  # a zip member's local header, before its name and extra field
_INFLATE_STEP = 2**16


def read_docx(data: bytes, limits: Limits = DEFAULT_LIMITS) -> list[Block]:
    """Return the body of a .docx as blocks; raise DocumentLoadError if it cannot be opened."""
    _check_unpacked_size(data, limits)
    body, context = _open(data)
    return list(container_blocks(body.iterchildren(), context))


def _check_unpacked_size(data: bytes, limits: Limits) -> None:
    """python-docx unpacks every member, so the declared total is checked before it does, and
    each member is made to keep to its declared size (`_check_member`)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        return  # _open names the damage
    declared = sum(member.file_size for member in members)
    if declared > limits.docx_uncompressed_bytes:
        raise TooLargeError(
            f"the .docx unpacks to {size_text(declared)}, over the limit of "
            f"{size_text(limits.docx_uncompressed_bytes)}; it may be a zip bomb, or hold very "
            "large images: save a copy without them"
        )
    for member in members:
        _check_member(data, member)


def _check_member(data: bytes, member: zipfile.ZipInfo) -> None:
    """A member whose headers understate its size is a zip bomb all the same: zipfile reads a
    whole member by inflating up to 2 GiB in one call and only then cuts the output to the
    declared size (CPython 3.11 `ZipExtFile.read`), so 1 MB of file would cost python-docx
    gigabytes. The member is inflated here in bounded steps, its output dropped, to find out."""
    if member.compress_type == zipfile.ZIP_STORED:
        return  # stored bytes are read as they are: never more than the file holds
    if member.compress_type != zipfile.ZIP_DEFLATED:
        # bzip2 and LZMA members are inflated by zipfile without any bound; Word writes neither.
        raise DocumentLoadError(
            f"the .docx member {member.filename} uses zip compression method "
            f"{member.compress_type}, which Word never writes: the package is damaged or forged"
        )
    header = data[member.header_offset : member.header_offset + _LOCAL_HEADER_SIZE]
    if len(header) < _LOCAL_HEADER_SIZE or not header.startswith(b"PK\x03\x04"):
        return  # _open names the damage
    name_length, extra_length = struct.unpack("<HH", header[26:30])
    start = member.header_offset + _LOCAL_HEADER_SIZE + name_length + extra_length
    stream = memoryview(data)[start : start + member.compress_size]
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    inflated = 0
    try:
        # Fed in small pieces: `unconsumed_tail` is a copy of the input left over.
        for position in range(0, len(stream), _INFLATE_STEP):
            pending: bytes | memoryview = stream[position : position + _INFLATE_STEP]
            while pending and not inflater.eof:
                inflated += len(inflater.decompress(pending, _INFLATE_STEP))
                if inflated > member.file_size:
                    raise DocumentLoadError(
                        f"the .docx member {member.filename} unpacks to more than the "
                        f"{size_text(member.file_size)} its headers declare: the package is "
                        "forged (a zip bomb) and was not read"
                    )
                pending = inflater.unconsumed_tail
    except zlib.error as error:
        raise DocumentLoadError(
            f"the .docx member {member.filename} is damaged ({error})"
        ) from error


def _open(data: bytes) -> tuple[etree._Element, Context]:
    # python-docx reports damage through many exception types (BadZipFile, KeyError for a missing
    # part, XMLSyntaxError, zlib.error, EOFError, NotImplementedError...), and no raw library
    # error may leave a reader, so every failure to open becomes a DocumentLoadError.
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        sheet = read_styles(document.part.styles.element)
        lists = ListCounters(read_numbering(_numbering_element(document), sheet))
    except zipfile.BadZipFile as error:
        raise DocumentLoadError(f"the .docx is not a readable zip archive ({error})") from error
    except KeyError as error:
        raise DocumentLoadError(f"the .docx is missing a required part ({error})") from error
    except etree.XMLSyntaxError as error:
        raise DocumentLoadError(_xml_error_message(error)) from error
    except Exception as error:
        raise DocumentLoadError(
            f"the .docx could not be opened ({type(error).__name__}: {error})"
        ) from error
    if body is None:
        raise DocumentLoadError("the .docx has no document body")
    return body, Context(sheet, lists)


def _xml_error_message(error: etree.XMLSyntaxError) -> str:
    # libxml2 refuses a "billion laughs" payload: since 2.11 as a resource limit (excessive
    # entity amplification), before that as an entity loop. Its other resource limits are
    # nesting depth and text node length. python-docx itself expands no entity.
    limit = error.code == etree.ErrorTypes.ERR_RESOURCE_LIMIT
    if error.code == etree.ErrorTypes.ERR_ENTITY_LOOP or (limit and "entity" in str(error)):
        return (
            "the .docx declares XML entities that expand without bound (an entity-expansion "
            "attack: Word never writes entity declarations), so it was not read"
        )
    if limit:
        return f"the .docx exceeds a limit of the XML parser ({error})"
    return f"the .docx holds damaged XML ({error})"


def _numbering_element(document: docx.document.Document) -> etree._Element | None:
    # Not `document.part.numbering_part`: python-docx tries to create the part when it is absent.
    try:
        part = document.part.part_related_by(RELATIONSHIP_TYPE.NUMBERING)
    except KeyError:
        return None
    return part.element if isinstance(part, XmlPart) else None
