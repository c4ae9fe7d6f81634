"""Demo signature (blue) and seal (red) images as transparent PNGs.

Real users load the scans their office provides; these stand in for the
demo and the tests, drawn with Pillow so nothing binary is checked in.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from base.resources import resource_path

__all__ = ["draw_signature_png", "draw_seal_png"]

FONT_DIR = resource_path("fonts")
BLUE = (20, 45, 170, 255)
RED = (215, 25, 30, 235)


def draw_signature_png(path: Path, name: str = "Việt") -> Path:
    """A blue handwritten-style signature on a transparent 600×240 canvas."""
    img = Image.new("RGBA", (600, 240), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT_DIR / "LiberationSerif-Italic.ttf"), 110)
    draw.text((60, 40), name, font=font, fill=BLUE)
    points = [(40 + t * 5, 190 - 35 * math.sin(t / 9.0) - t * 0.4) for t in range(0, 100)]
    draw.line(points, fill=BLUE, width=7, joint="curve")
    img.save(path)
    return path


def draw_seal_png(path: Path, text: str = "ỦY BAN NHÂN DÂN", centre: str = "TỈNH HÀ TĨNH") -> Path:
    """A red round seal (outer ring, inner ring, star, text) on a transparent canvas."""
    size = 500
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.ellipse((8, 8, size - 8, size - 8), outline=RED, width=14)
    draw.ellipse((70, 70, size - 70, size - 70), outline=RED, width=6)
    font = ImageFont.truetype(str(FONT_DIR / "LiberationSerif-Bold.ttf"), 38)
    for index, char in enumerate(text):
        angle = math.radians(-150 + index * (120 / max(1, len(text) - 1)))
        x, y = size / 2 + 195 * math.cos(angle), size / 2 + 195 * math.sin(angle)
        glyph = Image.new("RGBA", (60, 60), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((30, 30), char, font=font, fill=RED, anchor="mm")
        glyph = glyph.rotate(-math.degrees(angle) - 90, resample=Image.Resampling.BICUBIC)
        img.alpha_composite(glyph, (int(x - 30), int(y - 30)))
    star = [
        (
            size / 2 + r * math.cos(math.radians(a - 90)),
            size / 2 - 40 + r * math.sin(math.radians(a - 90)),
        )
        for i, a in enumerate(range(0, 720, 72))
        for r in ((55,) if i % 2 == 0 else (55,))
    ]
    draw.polygon([star[i % 5 * 2 % 5] for i in range(5)], fill=RED)
    draw.text(
        (size / 2, size / 2 + 60),
        centre,
        font=ImageFont.truetype(str(FONT_DIR / "LiberationSerif-Bold.ttf"), 40),
        fill=RED,
        anchor="mm",
    )
    img.save(path)
    return path
