"""Whole synthetic periodic reports, written deterministically with the truth qpr must find.

Each report is composed from the original text fragments of samples/data/ with a seeded
random.Random, written as DOCX (python-docx), PDF (reportlab, or LibreOffice from a generated
DOCX) or an interactive PDF form, and its truth is written to <out>/truth/<file name>.json from
the generator's own data model (never by running qpr).

    model         the report, its measures, partners and money; the truth written from them
    data          the Parties, the form's strings and the fragment pools (samples/data/*.toml)
    compose       Composer: fills the fragment templates for one report
    budgets       the formats a measure's money is written in
    build         measures and whole reports of each kind
    docx_writer   DocxWriter (python-docx)
    platform_pdf  PlatformPdfWriter (reportlab), the platform's PDF export
    text_writer   TextWriter, the platform's text export of one measure (samples.corpus)
    html_writer   HtmlWriter, one measure as a simple saved page (samples.corpus)
    layouts       the 2020+, 2016 and own layouts, written through either writer
    pdf_form      the 2012 interactive PDF form (reportlab AcroForm)
    libreoffice   PDFs converted from DOCX by LibreOffice, made deterministic
    reports       the kinds of report and generate_report()
    cli           the command (samples/generate.py)

As a library: generate_report(kind, seed, out_dir, measures=N, fmt="pdf", party="kenya").
Two runs write the same bytes: samples.determinism (fixed DOCX properties and zip, reportlab's
invariant mode), and in LibreOffice PDFs fixed dates, /ID and /DocChecksum and the embedded
fonts in a fixed order.
"""

from samples import determinism as _determinism  # noqa: F401  (sets reportlab's invariant mode)
from samples.generator.reports import generate_report

__all__ = ["generate_report"]
