"""WordprocessingML, the XML of a .docx body, read into blocks with lxml alone.

`elements` names the tags and reads their properties; `styles` resolves paragraph styles
(boldness, heading levels); `numbering` writes out Word's automatic list numbers; `paragraphs`
reads a paragraph's visible runs; `body` walks the body, its tables and content controls.
The package is opened by `pipeline.readers.docx`, the only module that uses python-docx.
"""
