"""Appearances that read upright on rotated pages.

A page with ``/Rotate 90`` is shown turned clockwise, and an annotation's
appearance turns with it: pyHanko draws the stamp in the page's unrotated
space, so on a landscape scan the signature would lie on its side. Every
appearance is therefore laid out at the size the reader *sees* and drawn
through the matrix that undoes the page's rotation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pyhanko.pdf_utils import content, generic, layout
from pyhanko.pdf_utils.writer import BasePdfFileWriter
from pyhanko.stamp import BaseStamp, BaseStampStyle

__all__ = ["upright", "upright_matrix", "UprightStyle"]

Matrix = tuple[float, float, float, float, float, float]


def upright_matrix(rotation: int, width: float, height: float) -> Matrix:
    """Map a ``width`` × ``height`` box laid out as seen (x right, y up on screen) onto the
    page's unrotated space, where the box is ``height`` × ``width`` for 90° and 270°."""
    match rotation % 360:
        case 90:
            return (0, 1, -1, 0, height, 0)
        case 180:
            return (-1, 0, 0, -1, width, height)
        case 270:
            return (0, -1, 1, 0, 0, width)
        case _:
            return (1, 0, 0, 1, 0, 0)


@dataclass(frozen=True)
class UprightStyle(BaseStampStyle):
    """Draw ``inner`` turned against the page's rotation (no border or background of its own)."""

    inner: BaseStampStyle = field(default_factory=BaseStampStyle)
    rotation: int = 0
    border_width: int = 0

    def create_stamp(
        self, writer: BasePdfFileWriter, box: layout.BoxConstraints, text_params: dict[str, Any]
    ) -> BaseStamp:
        return _UprightStamp(writer, self, box, text_params)


class _UprightStamp(BaseStamp):
    def __init__(
        self,
        writer: BasePdfFileWriter,
        style: UprightStyle,
        box: layout.BoxConstraints,
        text_params: dict[str, Any],
    ) -> None:
        super().__init__(writer, style, box)
        self.text_params = text_params

    def _render_inner_content(self) -> list[bytes]:
        style: UprightStyle = self.style
        sideways = style.rotation % 180 == 90
        width, height = (
            (self.box.height, self.box.width) if sideways else (self.box.width, self.box.height)
        )
        writer = self.writer
        assert writer is not None  # a stamp is always made for a writer
        inner = style.inner.create_stamp(
            writer, layout.BoxConstraints(width=width, height=height), self.text_params
        )
        assert inner is not None
        self.set_resource(
            content.ResourceType.XOBJECT, generic.pdf_name("/Upright"), inner.register()
        )
        matrix = upright_matrix(style.rotation, width, height)
        return [b"q %g %g %g %g %g %g cm /Upright Do Q" % matrix]


def upright(style: BaseStampStyle, rotation: int) -> BaseStampStyle:
    """``style`` as it should be used on a page with ``/Rotate rotation``."""
    return style if rotation % 360 == 0 else UprightStyle(inner=style, rotation=rotation % 360)
