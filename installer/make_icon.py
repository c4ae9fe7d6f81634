"""Draw the application icon (reproducibly, with Pillow) into ``resources/icons``.

A red rounded square with a white document and a yellow star: the colours
of official Vietnamese documents, readable at 16 px. Run after changing the
design: ``python installer/make_icon.py``.
"""

from __future__ import annotations

import logging
import math
import sys
from pathlib import Path

from PIL import Image, ImageDraw

__all__ = ["draw_icon", "write_icons"]

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
SIZES = (16, 24, 32, 48, 64, 128, 256)
RED, WHITE, YELLOW, FOLD = (
    (200, 16, 46, 255),
    (255, 255, 255, 255),
    (255, 205, 0, 255),
    (222, 222, 222, 255),
)


def _star(cx: float, cy: float, outer: float) -> list[tuple[float, float]]:
    inner = outer * 0.382
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    return points


def draw_icon(size: int = 256) -> Image.Image:
    """Drawn at 4× and downsampled, so small sizes stay smooth."""
    s = size * 4
    image = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, s - 1, s - 1), radius=s * 0.18, fill=RED)
    left, top, right, bottom = s * 0.26, s * 0.17, s * 0.74, s * 0.83
    fold = s * 0.13
    draw.polygon(
        [(left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom)],
        fill=WHITE,
    )
    draw.polygon([(right - fold, top), (right - fold, top + fold), (right, top + fold)], fill=FOLD)
    for i in range(3):  # text lines
        y = top + s * (0.36 + 0.08 * i)
        draw.rectangle(
            (left + s * 0.06, y, right - s * (0.06 if i < 2 else 0.18), y + s * 0.025), fill=FOLD
        )
    draw.polygon(_star(s * 0.5, top + s * 0.17, s * 0.1), fill=YELLOW)
    return image.resize((size, size), Image.LANCZOS)


def write_icons(folder: Path = ROOT / "resources" / "icons") -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for size in SIZES:
        path = folder / f"app-{size}.png"
        draw_icon(size).save(path, optimize=True)
        written.append(path)
    big = draw_icon(256)
    big.save(folder / "app.png", optimize=True)
    big.save(folder / "app.ico", sizes=[(n, n) for n in SIZES])
    return [*written, folder / "app.png", folder / "app.ico"]


if __name__ == "__main__":
    for written_path in write_icons():
        print(written_path.relative_to(ROOT))
    sys.exit(0)
