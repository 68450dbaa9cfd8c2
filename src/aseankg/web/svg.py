"""What the pictures the server draws as SVG share: colours, and labels cut to fit.

The pictures are drawn on the server so that pages work without scripts; their text
comes from the data and is escaped by the templates like any other text.
"""

#: Thirteen colours that stay apart from each other and readable on white.
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#c9a227",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#2f4b7c",
    "#79706e",
    "#8cd17d",
    "#499894",
)

#: Characters about a third of the font size wide, and about a whole one; the rest are
#: about 0.6 (capitals 0.7). Measured on DejaVu Sans, wider than most sans-serif fonts,
#: so that a label that fits here fits elsewhere too.
_NARROW = frozenset("fijlrt .,:;'!|()[]/-")
_WIDE = frozenset("mwMW@%")


def _width(character: str) -> float:
    if character in _NARROW:
        return 0.36
    if character in _WIDE:
        return 0.95
    return 0.7 if character.isupper() else 0.6


def text_width(text: str, size: float) -> float:
    """About how wide ``text`` is drawn at font size ``size``."""
    return sum(_width(character) for character in text) * size


def shorten(text: str, width: float, size: float) -> str:
    """``text``, cut with an ellipsis where it would be wider than ``width``."""
    if text_width(text, size) <= width:
        return text
    room = width - text_width("…", size)
    used = 0.0
    for end, character in enumerate(text):
        used += _width(character) * size
        if used > room:
            return text[:end].rstrip() + "…"
    return text


def colour(index: int) -> str:
    """The ``index``-th colour of the palette, round again when there are more things."""
    return PALETTE[index % len(PALETTE)]
