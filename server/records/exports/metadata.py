"""A case file's metadata as XML (Appendix VI III.4.g): the file's fields (Part II.III) and each
document's (Part II.I for an outgoing document, II.II for an incoming one), under the decree's
field names, the documents in DocOrdinal order.

The decree's tables print ``Organld`` and ``Signerlnfo`` (a lower-case L for the I, a scan's
mistake); the names here are ``OrganId`` and ``SignerInfo``, as in edXML. Three elements are
the export's own, outside Part II and in their own namespace (Part II's names have none): ``x:File`` (the document's file in
the PDF, its SHA-256 and pages, or why it is not there), ``x:Secrecy`` (the decree folds urgency
and secrecy into one Priority; urgency stays there) and ``x:Export`` (how many documents the
reader could not read and were left out). No time of export: the same file gives the same
bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lxml import etree

from base.records import Retention, Rights

from ...models import Document
from .data import CaseFileContent, DocEntry

__all__ = ["EXPORT_NAMESPACE", "Placed", "metadata_xml"]

EXPORT_NAMESPACE = "urn:vanthu:records:export"
_X = f"{{{EXPORT_NAMESPACE}}}"


@dataclass(frozen=True)
class Placed:
    """Where a document's file went in the export's PDF (``pages`` "3-5"), or why it did not."""

    pages: str
    note: str


def _leaf(parent: etree._Element, name: str, value: object) -> None:
    child = etree.SubElement(parent, name)
    if value is None:
        return
    if isinstance(value, dt.date):
        child.text = value.isoformat()
    else:
        child.text = str(value)


def _file_code(parent: etree._Element, content: CaseFileContent) -> None:
    code = etree.SubElement(parent, "FileCode")
    code.set("value", content.case_file.code)
    _leaf(code, "OrganId", content.organ_id)
    _leaf(code, "FileCatalog", content.case_file.year)
    _leaf(code, "FileNotation", content.case_file.notation)


def _signer(parent: etree._Element, doc: Document) -> None:
    signer = etree.SubElement(parent, "SignerInfo")
    _leaf(signer, "Position", doc.signer_position)
    _leaf(signer, "FullName", doc.signer_name)


def _document(
    parent: etree._Element, content: CaseFileContent, entry: DocEntry, placed: Placed
) -> None:
    doc = entry.document
    node = etree.SubElement(parent, "Document")
    node.set("direction", doc.direction)
    _file_code(node, content)
    _leaf(node, "DocOrdinal", entry.ordinal)
    _leaf(node, "TypeName", doc.doc_type)
    _leaf(node, "CodeNumber", doc.code_number or "")
    _leaf(node, "CodeNotation", doc.code_notation)
    _leaf(node, "IssuedDate", doc.issued_date)
    _leaf(node, "OrganName", doc.organ_name)
    _leaf(node, "Subject", doc.subject)
    _leaf(node, "Language", doc.language)
    _leaf(node, "PageAmount", doc.page_amount)
    _leaf(node, "Description", doc.description)
    if doc.direction == "incoming":
        _leaf(node, "ArrivalDate", doc.arrival_date)
        _leaf(node, "ArrivalNumber", doc.arrival_number)
        _signer(node, doc)
        _leaf(node, "Priority", doc.urgency)
        _leaf(node, "ToPlaces", "; ".join(doc.to_places or []))
        trace = etree.SubElement(node, "TraceHeaderList")
        for event, name in entry.trace:
            header = etree.SubElement(trace, "TraceHeader")
            _leaf(header, "Timestamp", event.at.replace(microsecond=0).isoformat() + "Z")
            _leaf(header, "FullName", name)
            _leaf(header, "Action", event.action)
            _leaf(header, "Status", event.to_status)
            _leaf(header, "Comment", event.comment)
    else:
        _signer(node, doc)
        for recipient in doc.recipients or []:
            to = etree.SubElement(node, "To")
            _leaf(to, "OrganId", "")
            _leaf(to, "OrganName", recipient)
        _leaf(node, "Priority", doc.urgency)
        _leaf(node, "IssuedAmount", doc.issued_amount)
    _leaf(node, "DueDate", doc.due_date)
    _leaf(node, f"{_X}Secrecy", doc.secrecy)
    file = etree.SubElement(node, f"{_X}File")
    if entry.version is not None and not placed.note:
        file.set("name", entry.version.filename)
        file.set("sha256", entry.version.sha256)
        file.set("version", str(entry.version.number))
        file.set("pages", placed.pages)
    else:
        file.set("included", "false")
        file.text = placed.note or entry.note


def metadata_xml(content: CaseFileContent, placed: dict[int, Placed]) -> bytes:
    found = content.case_file
    root = etree.Element("CaseFile", nsmap={"x": EXPORT_NAMESPACE})
    _file_code(root, content)
    _leaf(root, "Title", found.title)
    _leaf(root, "Maintenance", Retention(found.retention_years).label)
    _leaf(root, "Rights", Rights(found.rights).label)
    _leaf(root, "Creator", content.creator[:30])
    _leaf(root, "Language", found.language)
    _leaf(root, "StartDate", found.start_date)
    _leaf(root, "EndDate", found.end_date)
    _leaf(root, "DocTotal", found.doc_total)
    _leaf(root, "PageTotal", found.page_total)
    _leaf(root, "Description", found.description)
    export = etree.SubElement(root, f"{_X}Export")
    export.set("state", found.state)
    export.set("documents", str(len(content.entries)))
    export.set("withheld", str(content.hidden))
    documents = etree.SubElement(root, "Documents")
    for entry in content.entries:
        _document(documents, content, entry, placed[entry.document.id])
    data: bytes = etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True, standalone=True
    )
    return data
