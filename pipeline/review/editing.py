"""The review page's editing bar: the reviewer's name, the record's review state, adding a
measure, and the export of the reviewer's changes as a corrections file (edit.js does the
rest, in the browser: the file is downloaded). Only a page that a service served with the place
to post them to (`send`) also has a button that sends the same corrections there; no other
page sends anything anywhere.

Hooks: `#reviewer`, `#review-state`, `#add-measure` (its form `#add-measure-form`, saved by
its `button.save`), `#export`, `#send` (with `send` only), `#edit-status`; in the panel,
`button.edit`, `button.confirm`, `button.wrong` on each editable row, `button.not-measure` on
each measure.
"""

from __future__ import annotations

from pipeline.review.assets import escape, ui, ui_words
from schemas.corrections import ReviewState

# The added measure's fields asked for on the page: (path, input type).
ADDED_FIELDS = (
    ("title", "text"),
    ("agency", "text"),
    ("year", "number"),
    ("description", "textarea"),
)


def review_bar(state: str, send: bool = False) -> str:
    """The bar; with `send`, the button that posts the corrections to the page's service."""
    options = "".join(
        f'<option value="{escape(item.value)}"{" selected" if item.value == state else ""}>'
        f"{escape(ui_words()['statuses.' + item.value]['en'])} / "
        f"{escape(ui_words()['statuses.' + item.value]['fr'])}</option>"
        for item in ReviewState
    )
    placeholder = escape(ui_words()["words.reviewer_placeholder"]["en"])
    return (
        '<div class="review-bar">'
        f'<label>{ui("words.reviewer")} <input type="text" id="reviewer" autocomplete="name" '
        f'data-ui-placeholder="words.reviewer_placeholder" placeholder="{placeholder}"></label>'
        f'<label>{ui("words.review_state")} <select id="review-state">{options}</select></label>'
        f'<button type="button" id="add-measure">{ui("words.add_measure")}</button>'
        f'<button type="button" id="export">{ui("words.export")}</button>'
        f"{_send_button() if send else ''}"
        '<output id="edit-status"></output></div>'
        f"{_add_measure_form()}"
    )


def _send_button() -> str:
    return f'<button type="button" id="send">{ui("words.send")}</button>'


def _add_measure_form() -> str:
    inputs = []
    for path, kind in ADDED_FIELDS:
        name = ui("fields." + path)
        if kind == "textarea":
            control = f'<textarea data-path="{path}" rows="3"></textarea>'
        else:
            control = f'<input type="{kind}" data-path="{path}">'
        inputs.append(f"<label>{name} {control}</label>")
    return (
        f'<div id="add-measure-form" class="editor" hidden><h3>{ui("words.add_measure")}</h3>'
        f'{"".join(inputs)}<button type="button" class="save">{ui("words.save")}</button>'
        f'<button type="button" class="cancel">{ui("words.cancel")}</button></div>'
    )
