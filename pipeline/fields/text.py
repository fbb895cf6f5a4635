"""A field's value as text: the lines after its label (and a value on the label's own line),
kept as the source has them with paragraph breaks, and the way back to document offsets."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.normalize import Line


@dataclass(frozen=True, slots=True)
class TextValue:
    """`text` is the value's lines joined by newlines; `pieces` the (start, end) of each line in
    the document text, so an offset inside `text` maps back to the document."""

    text: str
    pieces: tuple[tuple[int, int], ...]
    page: int | None

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    def document_offset(self, offset: int) -> int:
        """The document offset of position `offset` in `text`."""
        for start, end in self.pieces:
            if offset <= end - start:
                return start + offset
            offset -= end - start + 1
        return self.end

    def cut(self, characters: int) -> TextValue:
        """The value's first `characters` characters, its pieces cut to match."""
        text = self.text[:characters].rstrip()
        pieces, left = [], len(text)
        for start, end in self.pieces:
            if left <= 0:
                break
            pieces.append((start, min(end, start + left)))
            left -= end - start + 1
        return TextValue(text=text, pieces=tuple(pieces), page=self.page)


def text_value(lines: tuple[Line, ...]) -> TextValue | None:
    """The value held by `lines`, or None when there is none."""
    lines = tuple(line for line in lines if line.text)
    if not lines:
        return None
    return TextValue(
        text="\n".join(line.text for line in lines),
        pieces=tuple((line.start, line.end) for line in lines),
        page=lines[0].page,
    )
