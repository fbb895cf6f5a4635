"""The bundled single-measure samples (DOCX, PDF, HTML), rendered deterministically.

The seed record is read from samples/azerbaijan-civil-society-consultation.txt and rendered in
all three formats; the other records are original texts written for qpr. Two runs write
identical bytes (samples.determinism: fixed DOCX core properties and zip timestamps, reportlab's
invariant mode).

    record       the record model: title, lines, labels, values, item lists, partner table
    seed         the seed record, rebuilt from its text file
    labels       the form's labels the original records write
    records      the original records
    docx_writer  render_docx
    pdf_writer   render_pdf
    html_page    render_html: the platform's page chrome around the record
    cli          the command (samples/render.py)
"""
