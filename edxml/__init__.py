"""edXML (QCVN 102:2016/BTTTT, amended 2022): the document-exchange package format, pure.

Reads packages streaming (memory flat whatever the attachments' size; DOCTYPE/ENTITY refused
before parsing; strict about a document's meaning, forgiving about form, with every forgiven
fault kept as a Problem), writes them streaming and byte-stable, verifies and makes their XML
signature, and maps them to and from our document fields. Imports only the standard library,
lxml, signxml, cryptography, asn1crypto and ``base`` — never the server, the desktop or Qt.
"""

from __future__ import annotations

from edxml.errors import (
    AttachmentMismatch,
    BadValue,
    EdxmlError,
    EntityAttack,
    KeyFileError,
    MissingElement,
    NotPkcs12,
    NotXml,
    TooLarge,
    UndeclaredPrefix,
    WrongNamespace,
    WrongPassword,
)
from edxml.identifier import MAX_ORGAN_ID, DocumentIdentifier, check_organ_id
from edxml.identifier import parse as parse_identifier
from edxml.mapping import DocumentFields, envelope_for, fields_from_envelope, status_message
from edxml.reader import locate, read_header_only, read_package
from edxml.records import (
    NAMESPACE,
    STATUS_NAMES,
    Attachment,
    Business,
    BusinessDocType,
    Code,
    DocumentType,
    Envelope,
    MessageHeader,
    Organ,
    OtherInfo,
    Package,
    Problem,
    PromulgationInfo,
    ResponseFor,
    SignatureReport,
    SignatureVerdict,
    SignerInfo,
    StaffInfo,
    StatusCode,
    StatusMessage,
    TraceHeader,
)
from edxml.signature import VERIFY_LIMIT, load_pkcs12, sign, verify
from edxml.summary import as_json, summarise
from edxml.writer import write_envelope, write_status

__all__ = [
    # records
    "NAMESPACE",
    "STATUS_NAMES",
    "Attachment",
    "Business",
    "BusinessDocType",
    "Code",
    "DocumentType",
    "Envelope",
    "MessageHeader",
    "Organ",
    "OtherInfo",
    "Package",
    "Problem",
    "PromulgationInfo",
    "ResponseFor",
    "SignatureReport",
    "SignatureVerdict",
    "SignerInfo",
    "StaffInfo",
    "StatusCode",
    "StatusMessage",
    "TraceHeader",
    # errors
    "EdxmlError",
    "NotXml",
    "UndeclaredPrefix",
    "WrongNamespace",
    "MissingElement",
    "BadValue",
    "AttachmentMismatch",
    "EntityAttack",
    "TooLarge",
    "KeyFileError",
    "WrongPassword",
    "NotPkcs12",
    # identifiers
    "MAX_ORGAN_ID",
    "DocumentIdentifier",
    "parse_identifier",
    "check_organ_id",
    # reading and writing
    "read_package",
    "read_header_only",
    "locate",
    "write_envelope",
    "write_status",
    # signature
    "VERIFY_LIMIT",
    "verify",
    "sign",
    "load_pkcs12",
    # mapping and summary
    "DocumentFields",
    "fields_from_envelope",
    "envelope_for",
    "status_message",
    "summarise",
    "as_json",
]
