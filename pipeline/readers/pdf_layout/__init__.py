"""The layout of a PDF's text, from the lines PDFium reads to blocks in reading order.

No PDF library here: the reader (`pipeline.readers.pdf`) measures the lines, these modules
decide what they are. `lines` holds the model and the measures the others share; `running`
drops running headers and footers; `columns` orders a page's columns; `tables` places ruled
tables and joins those cut by a page break; `paragraphs` groups lines into paragraphs;
`hyphenation` rejoins words broken at a line end; `reading_order` puts it all together.
"""

from pipeline.readers.pdf_layout.reading_order import lay_out

__all__ = ["lay_out"]
