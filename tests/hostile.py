"""Generators of hostile and broken inputs (issue #7): each returns the bytes of one bad input or
writes it into a folder, so that no binary blob lives in the repository.

The small ones are built per test. The large ones (a 2,000-page PDF, a 200 MB text, a 100 MB
HTML page, zip bombs) are written to disk in chunks, so the test process never holds them, and
are meant to be built once per session by session-scoped fixtures.
"""

from __future__ import annotations

import io
import os
import random
import shutil
import struct
import subprocess
import textwrap
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
import pypdfium2 as pdfium
from form_labels import EN_DOMAINS, EN_GOALS, english_record
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

MIB = 2**20
GIB = 2**30

# A real-shaped single-measure export (English labels) whose values carry the characters an
# encoding gets wrong: accents, œ, the typographic apostrophe, the euro sign, guillemets. All
# of them exist in cp1252, so the same text can be written in every encoding below.
TITLE = "Programme d’aide à la diffusion du cinéma en région"
AGENCY = "Ministère de la Culture et des Communications"
DESCRIPTION = (
    "Le programme soutient les salles indépendantes, les ciné-clubs et les festivals situés "
    "hors des grands centres urbains qui s’engagent à programmer des œuvres francophones tout "
    "au long de l’année. Un volet « cinéma à l’école » permet aussi aux élèves d’assister à "
    "des projections commentées."
)
RESULTS = (
    "En trois ans, 64 lieux de diffusion ont été soutenus et plus de 9 000 élèves ont assisté "
    "à une projection suivie d’une rencontre avec l’équipe du film."
)
CONCLUSIONS = "L’évaluation recommande d’augmenter l’aide au sous-titrage."
BUDGET = "250 000 €"


def report_text(
    title: str = TITLE,
    description: str = DESCRIPTION,
    results: str = RESULTS,
    conclusions: str = CONCLUSIONS,
) -> str:
    """One measure as the platform's text export prints it."""
    return english_record(
        title=title,
        head=("Where", "Canada", "Who", AGENCY),
        description=description,
        results=results,
        budget=BUDGET,
        partners=(("Réseau des ciné-clubs", "Civil Society"),),
        evaluated="Yes",
        conclusions=conclusions,
        domains=("Cinema/Audiovisual Arts",),
    )


# --- empty, random, text encodings -------------------------------------------------------------


def zero_bytes() -> bytes:
    return b""


def random_bytes(size: int = 64 * 1024, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(size)


def utf16_without_bom() -> bytes:
    return report_text().encode("utf-16-le")


def cp1252_text() -> bytes:
    return report_text().replace("\n", "\r\n").encode("cp1252")


def mixed_encoding_text() -> bytes:
    """UTF-8 text in which one paragraph was pasted from a cp1252 file: the bytes are valid in
    neither encoding as a whole."""
    before, after = report_text().split(RESULTS)
    return before.encode("utf-8") + RESULTS.encode("cp1252") + after.encode("utf-8")


FOREIGN_REPORTS = {
    "de": (
        "Regionales Förderprogramm für unabhängige Kinos",
        "Das Programm unterstützt unabhängige Kinos, Filmclubs und Festivals außerhalb der "
        "großen Städte, die das ganze Jahr über europäische Filme zeigen. Es übernimmt einen "
        "Teil der Kosten für Untertitel und für Gespräche mit den Filmschaffenden.",
        "In drei Jahren wurden 64 Spielstätten in 14 Regionen gefördert, und mehr als 9.000 "
        "Schülerinnen und Schüler besuchten eine Vorführung mit anschließendem Gespräch.",
        "Die Evaluierung empfiehlt, die Förderung der Untertitelung deutlich zu erhöhen.",
    ),
    "pt": (
        "Programa regional de apoio aos cinemas independentes",
        "O programa apoia salas de cinema independentes, cineclubes e festivais situados fora "
        "dos grandes centros urbanos que se comprometem a exibir filmes nacionais durante todo "
        "o ano. O apoio cobre uma parte dos custos de legendagem e das visitas dos realizadores.",
        "Em três anos, foram apoiados 64 locais de exibição em 14 regiões, e mais de 9 000 "
        "alunos assistiram a uma sessão seguida de um encontro com a equipa do filme.",
        "A avaliação recomenda aumentar o apoio à legendagem e simplificar as candidaturas.",
    ),
}


def foreign_report(language: str) -> bytes:
    """A report whose form labels are English and whose content is German or Portuguese."""
    return report_text(*FOREIGN_REPORTS[language]).encode("utf-8")


def letter() -> bytes:
    """A document that is not a report: a cover letter, long enough to be a real one."""
    return (
        b"Paris, 12 March 2024\n\n"
        b"Dear Madam, dear Sir,\n\n"
        b"Please find attached the quadrennial periodic report of our country on the measures "
        b"taken to protect and promote the diversity of cultural expressions. The report was "
        b"prepared by the Ministry of Culture in consultation with civil society organisations.\n\n"
        b"We remain at your disposal for any further information.\n\n"
        b"Yours faithfully,\n"
        b"The Permanent Delegation\n"
    )


# --- PDF ---------------------------------------------------------------------------------------


_BOLD_LINES = frozenset({"Where", "Who", EN_GOALS, EN_DOMAINS})


def report_pdf(encrypt: StandardEncryption | None = None) -> bytes:
    """The report text drawn line by line on one page, long paragraphs wrapped."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt, invariant=1)
    page.setFont("Helvetica", 9)
    y = 800.0
    for paragraph in report_text().splitlines():
        # The platform sets its labels in bold, as the reader expects of a label.
        bold = paragraph.rstrip().endswith(":") or paragraph in _BOLD_LINES
        page.setFont("Helvetica-Bold" if bold else "Helvetica", 9)
        for line in textwrap.wrap(paragraph, 100):
            page.drawString(40, y, line)
            y -= 11
        y -= 4
    page.save()
    return buffer.getvalue()


def truncated_pdf() -> bytes:
    data = report_pdf()
    return data[: len(data) // 2]


def encrypted_pdf() -> bytes:
    """A PDF that asks for a password to open (user password set)."""
    return report_pdf(StandardEncryption("secret", ownerPassword="owner"))


def owner_password_pdf() -> bytes:
    """A PDF encrypted with an owner password only: the user password is empty, so any reader
    opens it (copying and printing are merely 'forbidden')."""
    return report_pdf(StandardEncryption("", ownerPassword="owner", canCopy=0, canModify=0))


def scanned_pdf(pages: int = 2) -> bytes:
    """Pages that are photographs of text: each holds one image and no text object."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for number in range(pages):
        image = Image.new("L", (600, 800), 235)
        draw = ImageDraw.Draw(image)
        for row, line in enumerate(report_text().splitlines()[:30]):
            draw.text((20, 20 + 24 * row), f"{number + 1}: {line[:80]}", fill=20)
        page.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
        page.showPage()
    page.save()
    return buffer.getvalue()


def scanned_report_pdf(dpi: int = 200) -> bytes:
    """The report PDF as a scanner gives it back: each page an image of the printed page."""
    document = pdfium.PdfDocument(report_pdf())
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for index in range(len(document)):
        image = document[index].render(scale=dpi / 72, grayscale=True).to_pil()
        page.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
        page.showPage()
    page.save()
    document.close()
    return buffer.getvalue()


def write_long_pdf(path: Path, pages: int = 2_000) -> Path:
    """A PDF of `pages` pages of text (an export of a whole archive, say)."""
    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for number in range(pages):
        page.drawString(72, 760, f"Page {number + 1}: {TITLE}")
        page.drawString(72, 740, DESCRIPTION[:90])
        page.showPage()
    page.save()
    return path


# --- DOCX --------------------------------------------------------------------------------------


def report_docx() -> bytes:
    document = docx.Document()
    for line in report_text().splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def renamed_doc() -> bytes:
    """The first bytes of a legacy Word (OLE compound file) document, as if renamed .docx."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00"
    return header + bytes(512 - len(header)) + random_bytes(4096, seed=11)


def encrypted_docx() -> bytes:
    """What Word writes for a password-protected .docx: an OLE compound file whose directory
    names the streams EncryptionInfo and EncryptedPackage (the encrypted zip)."""
    directory = b"".join(
        name.encode("utf-16-le").ljust(64, b"\x00") + bytes(64)
        for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage", "\x06DataSpaces")
    )
    return renamed_doc()[:512] + directory + random_bytes(8192, seed=13)


def docx_members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def docx_from_members(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_without_body() -> bytes:
    members = docx_members(report_docx())
    del members["word/document.xml"]
    return docx_from_members(members)


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def billion_laughs_docx(levels: int = 10) -> bytes:
    """word/document.xml declares ten nested entities, each ten of the one before: `&lol9;`
    expands to 10**9 'lol's (3 GB) if a parser lets it. The paragraphs after it are real."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, levels)
    ]
    paragraphs = "".join(
        f"<w:p><w:r><w:t xml:space='preserve'>{_xml_text(line)}</w:t></w:r></w:p>"
        for line in report_text().splitlines()
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<!DOCTYPE lolz [{''.join(entities)}]>\n"
        f'<w:document xmlns:w="{_W}"><w:body>'
        f"<w:p><w:r><w:t>&lol{levels - 1};</w:t></w:r></w:p>{paragraphs}"
        "</w:body></w:document>"
    )
    members = docx_members(report_docx())
    members["word/document.xml"] = document.encode("utf-8")
    return docx_from_members(members)


def quadratic_blowup_docx(size: int = 100_000, references: int = 100_000) -> bytes:
    """One entity of 100 kB referenced 100,000 times: 10 GB once expanded, with no nesting for
    a parser to count."""
    document = docx_members(report_docx())["word/document.xml"].decode("utf-8")
    declaration, rest = document.split("?>", 1)
    payload = f"<w:p><w:r><w:t>{'&big;' * references}</w:t></w:r></w:p>"
    body = rest.replace("<w:body>", f"<w:body>{payload}", 1)
    document = f'{declaration}?><!DOCTYPE d [<!ENTITY big "{"A" * size}">]>{body}'
    members = docx_members(report_docx())
    members["word/document.xml"] = document.encode("utf-8")
    return docx_from_members(members)


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# A zip written by hand: members whose deflate stream is a prefix, a chunk repeated many times
# and a suffix, so gigabytes of content cost a few MB of file and no memory to write; and whose
# declared sizes may lie.


@dataclass(frozen=True)
class _RawMember:
    name: str
    parts: tuple[tuple[bytes, int], ...]  # (raw deflate bytes, times repeated)
    crc: int
    size: int  # the true uncompressed size
    declared_size: int  # what the headers say

    @property
    def compressed_size(self) -> int:
        return sum(len(data) * times for data, times in self.parts)

    def chunks(self) -> Iterator[bytes]:
        for data, times in self.parts:
            for _ in range(times):
                yield data


def _deflated(name: str, content: bytes) -> _RawMember:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = compressor.compress(content) + compressor.flush()
    size = len(content)
    return _RawMember(name, ((data, 1),), zlib.crc32(content), size, size)


def _deflated_run(
    name: str, head: bytes, byte: int, size: int, declared_size: int | None = None
) -> _RawMember:
    """`head` then `size` bytes of `byte` (size a whole number of MiB). After a full flush the
    compressor starts afresh, so every MiB of the run compresses to the same bytes."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    prefix = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    run = bytes([byte]) * MIB
    chunk = compressor.compress(run) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert compressor.compress(run) + compressor.flush(zlib.Z_FULL_FLUSH) == chunk
    suffix = compressor.flush()
    crc = zlib.crc32(head)
    for _ in range(size // MIB):
        crc = zlib.crc32(run, crc)
    total = len(head) + size
    return _RawMember(
        name,
        ((prefix, 1), (chunk, size // MIB), (suffix, 1)),
        crc,
        total,
        total if declared_size is None else declared_size,
    )


def _write_zip(path: Path, members: Iterable[_RawMember]) -> Path:
    """A plain (not ZIP64) archive: every size must stay below 4 GiB."""
    central = []
    with path.open("wb") as file:
        for member in members:
            offset = file.tell()
            name = member.name.encode()
            fields = (20, 0, 8, 0, 0x21, member.crc, member.compressed_size, member.declared_size)
            file.write(struct.pack("<4s5HLLLHH", b"PK\x03\x04", *fields, len(name), 0) + name)
            for chunk in member.chunks():
                file.write(chunk)
            # name length, extra and comment lengths, disk, internal and external attributes
            tail = (len(name), 0, 0, 0, 0, 0, offset)
            central.append(struct.pack("<4s6HLLLHHHHHLL", b"PK\x01\x02", 20, *fields, *tail) + name)
        start = file.tell()
        directory = b"".join(central)
        file.write(directory)
        count = len(central)
        file.write(
            struct.pack("<4s4HLLH", b"PK\x05\x06", 0, 0, count, count, len(directory), start, 0)
        )
    return path


def write_zip_bomb(path: Path, size: int = 3 * GIB + 512 * MIB) -> Path:
    """A real .docx plus an 'image' that declares (truthfully) 3.5 GiB of zeros: a few MB."""
    members = [_deflated(name, content) for name, content in docx_members(report_docx()).items()]
    members.append(_deflated_run("word/media/image1.png", b"\x89PNG\r\n\x1a\n", 0, size))
    return _write_zip(path, members)


def write_lying_docx(path: Path, size: int = GIB) -> Path:
    """A .docx whose word/document.xml declares its real length but is followed, inside the same
    deflate stream, by 1 GiB of spaces: the headers lie about how far it inflates."""
    members = []
    for name, content in docx_members(report_docx()).items():
        if name == "word/document.xml":
            members.append(_deflated_run(name, content, ord(" "), size, len(content)))
        else:
            members.append(_deflated(name, content))
    return _write_zip(path, members)


# --- HTML and text, large ----------------------------------------------------------------------

SCRIPT_MARKER = "SCRIPTMARKER"


def write_html_with_blob(path: Path, blob_bytes: int = 100 * 10**6) -> Path:
    """A saved page: the report's lines as paragraphs, scripts and a style in the head and the
    body, and an inline base64 image of `blob_bytes` bytes."""
    paragraphs = "".join(f"<p>{_xml_text(line)}</p>\n" for line in report_text().splitlines())
    line = b"QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB" * 13
    with path.open("wb") as file:
        file.write(
            b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Report</title>"
            + f"<script>var leak = '{SCRIPT_MARKER} head';</script>".encode()
            + b"<style>p { color: black }</style></head><body>"
            + b'<img alt="logo" src="data:image/png;base64,'
        )
        written = 0
        while written < blob_bytes:
            file.write(line)
            written += len(line)
        file.write(b'">\n')
        file.write(paragraphs.encode("utf-8"))
        file.write(f"<script>document.write('{SCRIPT_MARKER} body <p>x</p>');</script>".encode())
        file.write(b"</body></html>\n")
    return path


def write_large_text(path: Path, size: int = 200 * MIB) -> Path:
    """`size` bytes of report-shaped text, the same report again and again, ending with a
    newline as text files do."""
    block = report_text().encode("utf-8") * 64
    with path.open("wb") as file:
        while (remaining := size - file.tell()) > len(block):
            file.write(block)
        file.write(block[: remaining - 1] + b"\n")
    return path


# --- names and folders -------------------------------------------------------------------------

ODD_NAMES = [
    "../../etc/passwd.txt",
    "..",
    "report\nwith a newline.txt",
    "-report.txt",
    "--help",
    "rapport-été-报告-отчёт.txt",
    "e\u0301te\u0301.txt",  # decomposed accents
    " leading and trailing spaces .txt",
]


def write_folder_with_links(root: Path) -> Path:
    """An input folder with a report, a link to it, a link to a folder outside, a dangling link
    and a loop (a folder linking to its parent)."""
    inbox = root / "inbox"
    (inbox / "sub").mkdir(parents=True)
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_bytes(report_text().encode())
    (inbox / "report.txt").write_bytes(report_text().encode())
    (inbox / "sub" / "letter.txt").write_bytes(letter())
    os.symlink(inbox / "report.txt", inbox / "sub" / "same-report.txt")
    os.symlink(outside, inbox / "outside-link")
    os.symlink(root / "missing.txt", inbox / "dangling.txt")
    os.symlink(inbox, inbox / "sub" / "loop")
    return inbox


# --- legacy formats through LibreOffice --------------------------------------------------------


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_with_soffice(source: Path, target_format: str, scratch: Path) -> Path:
    """`source` converted by LibreOffice to `target_format` (doc, odt) in `scratch`; its own
    profile and HOME, so that it neither touches nor waits on the user's."""
    program = soffice()
    assert program is not None
    profile = scratch / "profile"
    environment = {**os.environ, "HOME": str(scratch)}
    subprocess.run(
        [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            target_format,
            "--outdir",
            str(scratch),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env=environment,
    )
    return scratch / f"{source.stem}.{target_format}"
