"""What a demo official letter says, as data (drawn into a PDF outside the server).

The reference server carries no PDF library: its demo data describes each
letter and takes a renderer from whoever composes the demo.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["OfficialLetter"]


@dataclass(frozen=True)
class OfficialLetter:
    organ_name: str
    number_symbol: str
    place_date: str
    doc_type: str
    subject: str
    body_paragraphs: tuple[str, ...]
    signer_authority: str
    signer_position: str
    signer_name: str
    recipients: tuple[str, ...]
    pages: int = 1
