"""Write edXML packages, streaming: attachments are base64-encoded from disk a chunk at a time.

Every element carries the ``edXML:`` prefix, in the standard's order as the samples have it;
dates are ``yyyy/MM/dd`` and timestamps ``yyyy/MM/dd HH:mm:ss`` (seconds: finer parts are
dropped); text is written in NFC. Base64 is one unbroken line, as in the samples. Empty optional
values are left out, so what is read back is what was written, and build → read → build gives
the same bytes. The file appears whole or not at all (temporary file + ``os.replace``).
"""

from __future__ import annotations

import base64
import contextlib
import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from edxml._text import format_date, format_timestamp, nfc
from edxml.errors import BadValue, MissingElement
from edxml.records import (
    NAMESPACE,
    Attachment,
    Business,
    Envelope,
    MessageHeader,
    Organ,
    OtherInfo,
    ResponseFor,
    StaffInfo,
    StatusMessage,
    TraceHeader,
)

__all__ = ["write_envelope", "write_status"]

logger = logging.getLogger(__name__)

_READ = 3 * 64 * 1024
"""Bytes of an attachment encoded at a time (a multiple of 3: no padding until the end)."""


class _Out:
    """An indenting writer over ``lxml.etree.xmlfile``."""

    def __init__(self, xf: Any) -> None:
        self.xf = xf
        self.depth = 0

    @contextlib.contextmanager
    def element(self, name: str, **attrib: str) -> Iterator[None]:
        self.xf.write("\n" + "  " * self.depth)
        with self.xf.element(f"{{{NAMESPACE}}}{name}", attrib):
            self.depth += 1
            yield
            self.depth -= 1
            self.xf.write("\n" + "  " * self.depth)

    def leaf(self, name: str, text: str | None, *, always: bool = False) -> None:
        if text is None or (not text and not always):
            return
        self.xf.write("\n" + "  " * self.depth)
        with self.xf.element(f"{{{NAMESPACE}}}{name}"):
            try:
                self.xf.write(nfc(text))
            except ValueError as exc:  # control characters XML cannot hold
                raise BadValue(
                    f"Giá trị của {name} có ký tự không hợp lệ trong XML",
                    f"The value of {name} has characters XML cannot hold",
                    element=name,
                ) from exc


@contextlib.contextmanager
def _atomic(out: Path) -> Iterator[Path]:
    fd, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    try:
        yield Path(name)
        os.replace(name, out)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def _document(out: Path) -> Iterator[_Out]:
    with _atomic(out) as tmp, tmp.open("wb") as file:
        file.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')  # the samples' quotes
        with (
            etree.xmlfile(file, encoding="UTF-8") as xf,
            xf.element(f"{{{NAMESPACE}}}edXML", nsmap={"edXML": NAMESPACE}),
        ):
            writer = _Out(xf)
            writer.depth = 1
            yield writer
            xf.write("\n")
        file.write(b"\n")


def _organ(w: _Out, tag: str, organ: Organ) -> None:
    with w.element(tag):
        w.leaf("OrganId", organ.organ_id, always=True)
        w.leaf("OrganizationInCharge", organ.in_charge)
        w.leaf("OrganName", organ.name)
        w.leaf("OrganAdd", organ.address)
        w.leaf("Email", organ.email)
        w.leaf("Telephone", organ.telephone)
        w.leaf("Fax", organ.fax)
        w.leaf("Website", organ.website)


def _staff(w: _Out, staff: StaffInfo | None) -> None:
    if staff is None:
        return
    with w.element("StaffInfo"):
        w.leaf("Department", staff.department)
        w.leaf("Staff", staff.staff)
        w.leaf("Email", staff.email)
        w.leaf("Mobile", staff.mobile)


def _response_for(w: _Out, answered: ResponseFor) -> None:
    with w.element("ResponseFor"):
        w.leaf("OrganId", answered.organ_id)
        w.leaf("Code", answered.code)
        if answered.promulgation_date is not None:
            w.leaf("PromulgationDate", format_date(answered.promulgation_date))
        w.leaf("DocumentId", answered.document_id)


def _other(w: _Out, other: OtherInfo) -> None:
    with w.element("OtherInfo"):
        w.leaf("Priority", str(other.priority), always=True)
        w.leaf("SphereOfPromulgation", other.sphere)
        w.leaf("TyperNotation", other.typer_notation)
        if other.promulgation_amount is not None:
            w.leaf("PromulgationAmount", str(other.promulgation_amount))
        if other.page_amount is not None:
            w.leaf("PageAmount", str(other.page_amount))
        if other.direction is not None:
            w.leaf("Direction", "true" if other.direction else "false")
        if other.appendixes:
            with w.element("Appendixes"):
                for appendix in other.appendixes:
                    w.leaf("Appendix", appendix, always=True)


def _message_header(w: _Out, head: MessageHeader) -> None:
    with w.element("MessageHeader"):
        _organ(w, "From", head.from_)
        for organ in head.to:
            _organ(w, "To", organ)
        w.leaf("DocumentId", head.document_id, always=True)
        with w.element("Code"):
            w.leaf("CodeNumber", head.code.number, always=True)
            w.leaf("CodeNotation", head.code.notation, always=True)
        with w.element("PromulgationInfo"):
            w.leaf("Place", head.promulgation.place, always=True)
            if head.promulgation.date is not None:
                w.leaf("PromulgationDate", format_date(head.promulgation.date))
        with w.element("DocumentType"):
            w.leaf("Type", head.document_type.type, always=True)
            w.leaf("TypeDetail", head.document_type.type_detail)
            w.leaf("TypeName", head.document_type.type_name)
        w.leaf("Subject", head.subject, always=True)
        w.leaf("Content", head.content)
        with w.element("SignerInfo"):
            w.leaf("Competence", head.signer.competence)
            w.leaf("Position", head.signer.position)
            w.leaf("FullName", head.signer.full_name)
        if head.due_date is not None:
            w.leaf("DueDate", format_date(head.due_date))
        _other(w, head.other)
        w.leaf("SteeringType", head.steering_type)
        if head.to_places:
            with w.element("ToPlaces"):
                for place in head.to_places:
                    w.leaf("Place", place, always=True)
        for answered in head.response_for:
            _response_for(w, answered)


def _trace(w: _Out, trace: tuple[TraceHeader, ...], business: Business) -> None:
    with w.element("TraceHeaderList"):
        for hop in trace:
            with w.element("TraceHeader"):
                w.leaf("OrganId", hop.organ_id, always=True)
                w.leaf("Timestamp", format_timestamp(hop.timestamp))
        with w.element("Bussiness"):
            w.leaf("DocumentId", business.document_id)
            w.leaf("BussinessDocType", str(int(business.doc_type)))
            w.leaf("BussinessDocReason", business.reason)
            w.leaf("Paper", str(business.paper))
            _staff(w, business.staff)
            if business.replaced:
                with w.element("ReplacementInfoList"):
                    for replaced in business.replaced:
                        with w.element("ReplacementInfo"):
                            w.leaf("DocumentId", replaced, always=True)


def _reference(w: _Out, tag: str, attachment: Attachment) -> None:
    w.leaf("ContentId", attachment.content_id, always=True)
    if tag == "Reference":
        w.leaf("ContentType", attachment.content_type)
        w.leaf("Description", attachment.description)
        w.leaf("AttachmentName", attachment.name, always=True)
    else:
        w.leaf("AttachmentName", attachment.name, always=True)
        w.leaf("Description", attachment.description)
        w.leaf("ContentType", attachment.content_type)


def _encoded(w: _Out, attachment: Attachment) -> None:
    """The attachment's bytes as base64, read and written a chunk at a time."""
    w.xf.write("\n" + "  " * w.depth)
    with w.xf.element(f"{{{NAMESPACE}}}ContentTransferEncoded"), attachment.path.open("rb") as f:
        while chunk := f.read(_READ):
            w.xf.write(base64.b64encode(chunk).decode("ascii"))
            w.xf.flush()


def _check(envelope: Envelope) -> None:
    """Refuse to write what our own reader would refuse."""
    head = envelope.header
    for value, name in (
        (head.from_.organ_id, "From/OrganId"),
        (head.document_id, "DocumentId"),
        (head.subject, "Subject"),
    ):
        if not value.strip():
            raise MissingElement(
                f"Không thể ghi gói edXML thiếu {name}",
                f"Cannot write an edXML package without {name}",
                element=name,
            )
    for attachment in envelope.attachments:
        if not attachment.path.is_file():
            raise MissingElement(
                f"Không tìm thấy tệp đính kèm {attachment.path}",
                f"The attachment file {attachment.path} does not exist",
                element="Attachment",
            )


def write_envelope(envelope: Envelope, out: Path) -> None:
    """Write a document package (the signature is added afterwards by ``signature.sign``)."""
    _check(envelope)
    with _document(out) as w:
        with w.element("edXMLEnvelope"):
            with w.element("edXMLHeader"):
                _message_header(w, envelope.header)
                _trace(w, envelope.trace, envelope.business)
            with w.element("edXMLBody"), w.element("edXMLManifest", version="1.0"):
                for attachment in envelope.attachments:
                    with w.element("Reference"):
                        _reference(w, "Reference", attachment)
        with w.element("AttachmentEncoded"):
            for attachment in envelope.attachments:
                with w.element("Attachment"):
                    _reference(w, "Attachment", attachment)
                    _encoded(w, attachment)


def write_status(status: StatusMessage, out: Path) -> None:
    """Write a status package."""
    if not status.from_.organ_id.strip():
        raise MissingElement(
            "Không thể ghi gói trạng thái thiếu From/OrganId",
            "Cannot write a status package without From/OrganId",
            element="From/OrganId",
        )
    with _document(out) as w, w.element("edXMLEnvelope"):
        with w.element("edXMLHeader"), w.element("MessageHeader"):
            _organ(w, "From", status.from_)
            for organ in status.to:
                _organ(w, "To", organ)
            _response_for(w, status.response_for)
            _staff(w, status.staff)
            w.leaf("StatusCode", status.code.value, always=True)
            w.leaf("Description", status.description)
            w.leaf("Timestamp", format_timestamp(status.timestamp), always=True)
