"""PDFs made by LibreOffice from a generated DOCX, made deterministic (fixed dates, /ID,
/DocChecksum, embedded fonts in a fixed order), and the checks of a long report's pages."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from samples.generator.model import Report

PDF_DATE = re.compile(rb"/(CreationDate|ModDate)\s*\((D:[^)]*)\)")
PDF_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")
PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def fix_pdf_volatile(pdf: bytes, key: str) -> bytes:
    """Fixed /CreationDate, /ModDate, /DocChecksum and /ID of the SAME byte length, so the
    xref offsets stay valid (LibreOffice writes the clock time and hashes of it there)."""

    def date(match: re.Match[bytes]) -> bytes:
        value = bytearray(match.group(2))
        value[2:16] = b"20240115090000"[: max(0, min(14, len(value) - 2))]
        value[16:] = re.sub(rb"\d", b"0", bytes(value[16:]))
        return match.group(0).replace(match.group(2), bytes(value))

    def identifier(match: re.Match[bytes]) -> bytes:
        out = match.group(0)
        for number, group in enumerate(match.groups()):
            digest = hashlib.sha256(f"{key}/{number}".encode()).hexdigest().upper().encode()
            out = out.replace(group, (digest * 4)[: len(group)], 1)
        return out

    def checksum(match: re.Match[bytes]) -> bytes:
        digest = hashlib.sha256(f"{key}/checksum".encode()).hexdigest().upper().encode()
        return match.group(0).replace(match.group(1), (digest * 4)[: len(match.group(1))])

    pdf = PDF_DATE.sub(date, pdf)
    pdf = PDF_CHECKSUM.sub(checksum, pdf)
    return PDF_ID.sub(identifier, pdf)


XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])\s*\r?\n")
OBJECT_HEAD = re.compile(rb"(\d+) 0 obj\s")
REFERENCE = re.compile(rb"\b(\d+) 0 R\b")
FONT_OBJECT = re.compile(rb"/Type\s*/Font\b.*?/BaseFont\s*/([\w+-]+)", re.S)
FONT_GROUP = 5  # LibreOffice: FontFile2 stream, its length, descriptor, ToUnicode, font


def canonical_font_order(pdf: bytes) -> bytes:
    """Renumber LibreOffice's embedded-font objects into the order of their font names.

    LibreOffice writes the same fonts in an order that changes from run to run (a hash map
    keyed by memory addresses): same objects, other numbers. The objects are renumbered (each
    font's group of 5 consecutive objects moves as a whole, references in dictionaries follow)
    and the file is rewritten with a new xref table. Anything unexpected leaves `pdf` as is.
    """
    xref_at = int(pdf[pdf.rindex(b"startxref") + 9 :].split()[0])
    table = pdf[xref_at:]
    if not table.startswith(b"xref"):
        return pdf  # a cross-reference stream: not what this rewriter knows
    first, count = (int(n) for n in table.split(b"\n", 2)[1].split())
    entries = XREF_ENTRY.findall(table)[:count]
    offsets = {first + n: int(e[0]) for n, e in enumerate(entries) if e[2] == b"n"}
    ends = sorted(offsets.values()) + [xref_at]
    bodies = {}
    for number, start in offsets.items():
        end = ends[ends.index(start) + 1]
        head = OBJECT_HEAD.match(pdf, start)
        if head is None or int(head.group(1)) != number:
            return pdf
        bodies[number] = pdf[head.end() : end]
    fonts = {}
    for number, body in bodies.items():
        match = FONT_OBJECT.search(body.split(b"stream", 1)[0])
        if match and b"/FontDescriptor" not in match.group(0):
            fonts[number] = match.group(1)
    starts = {number - FONT_GROUP + 1: name for number, name in fonts.items()}
    if not all(b"/FontDescriptor" in bodies.get(start + 2, b"") for start in starts):
        return pdf
    mapping = {n: n for n in bodies}
    for slot, start in zip(sorted(starts), sorted(starts, key=starts.get), strict=True):
        for offset in range(FONT_GROUP):
            mapping[start + offset] = slot + offset

    def renumber(part: bytes) -> bytes:
        return REFERENCE.sub(
            lambda m: b"%d 0 R" % mapping.get(int(m.group(1)), int(m.group(1))), part
        )

    out = bytearray(pdf[: min(offsets.values())])
    new_offsets = {}
    for old in sorted(bodies, key=lambda n: mapping[n]):
        body = bodies[old]
        split = body.find(b"stream")
        dictionary, rest = (body, b"") if split < 0 else (body[:split], body[split:])
        new_offsets[mapping[old]] = len(out)
        out += b"%d 0 obj\n" % mapping[old] + renumber(dictionary) + rest
    trailer = table[table.index(b"trailer") : table.index(b"startxref")]
    xref = bytearray(b"xref\n0 %d\n0000000000 65535 f \n" % (max(new_offsets) + 1))
    for number in range(1, max(new_offsets) + 1):
        offset = new_offsets.get(number)
        xref += b"%010d 00000 n \n" % offset if offset is not None else b"0000000000 65535 f \n"
    start = len(out)
    return bytes(out + xref + renumber(trailer) + b"startxref\n%d\n%%%%EOF\n" % start)


def convert_docx_to_pdf(source: Path, target: Path) -> None:
    soffice = soffice_path()
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        # A private profile: concurrent soffice runs must not share (and lock) one.
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=600)
        produced = work / f"{source.stem}.pdf"
        pdf = canonical_font_order(produced.read_bytes())
        target.write_bytes(fix_pdf_volatile(pdf, target.name))


def page_texts(pdf: Path) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


# PDFium marks a hyphen that ends a line with \x02 or \ufffe (and may drop the line break).
LINE_END_HYPHEN = re.compile(r"[^\W\d_](?:[\x02\ufffe\u00ad](?:\r?\n)?|-\r?\n)[^\W\d_]")


def count_line_end_hyphens(texts: list[str]) -> int:
    return sum(len(LINE_END_HYPHEN.findall(text)) for text in texts)


def tables_crossing_pages(report: Report, texts: list[str]) -> list[str]:
    """Titles of measures whose partner table has names on more than one page.

    Names are looked up (whitespace removed) between the page of the measure's title and the
    page of the next measure's title, so a name that recurs elsewhere cannot mislead.
    """
    squeezed = [re.sub(r"\s+", "", text) for text in texts]

    def first_page(text: str, start: int = 0) -> int:
        key = re.sub(r"\s+", "", text)
        return next((n for n in range(start, len(squeezed)) if key in squeezed[n]), len(squeezed))

    crossing = []
    for index, measure in enumerate(report.measures):
        if not measure.long_table:
            continue
        start = first_page(measure.title)
        following = report.measures[index + 1 : index + 2]
        end = first_page(following[0].title, start) if following else len(squeezed) - 1
        pages = {
            n
            for partner in measure.partners
            if partner.name
            for n in range(start, min(end, len(squeezed) - 1) + 1)
            if re.sub(r"\s+", "", partner.name) in squeezed[n]
        }
        if len(pages) > 1:
            crossing.append(measure.title)
    return crossing
