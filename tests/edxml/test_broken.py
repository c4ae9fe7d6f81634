"""Broken packages, made by editing the real samples' bytes: each gives the right error (with its
line where there is one, in both languages), or is read with a Problem when only its form is off."""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import pytest

from edxml import (
    AttachmentMismatch,
    BadValue,
    EdxmlError,
    EntityAttack,
    Envelope,
    MissingElement,
    NotXml,
    StatusCode,
    StatusMessage,
    UndeclaredPrefix,
    WrongNamespace,
    read_header_only,
    read_package,
)
from tests.edxml.conftest import NEW, REVOCATION, STATUS, Variant

ENV_DECL = b' xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016"'


def _refused(path: Path, spool: Path, kind: type[EdxmlError]) -> EdxmlError:
    with pytest.raises(kind) as caught:
        read_package(path, spool)
    error = caught.value
    assert error.message("vi") and error.message("en") and error.title("vi") and error.title("en")
    assert error.message("vi") != error.message("en")
    assert list(spool.iterdir()) == [], "spool files are removed when a package is refused"
    return error


class TestRefused:
    def test_truncated_in_the_attachment(self, variant: Variant, spool: Path) -> None:
        data = NEW.read_bytes()
        error = _refused(variant(NEW, data=data[: len(data) // 2]), spool, NotXml)
        assert error.line is not None and error.line > 100
        assert "truncated" in error.message("en")

    def test_truncated_in_the_header(self, variant: Variant, spool: Path) -> None:
        error = _refused(variant(STATUS, data=STATUS.read_bytes()[:700]), spool, NotXml)
        assert error.line is not None and "dòng" in error.message("vi")

    def test_wrong_namespace(self, variant: Variant, spool: Path) -> None:
        path = variant(
            NEW,
            (
                b'<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">',
                b'<edXML xmlns="urn:other">',
            ),
        )
        error = _refused(path, spool, WrongNamespace)
        assert error.line == 2 and "urn:other" in error.message("en")
        assert "http://www.mic.gov.vn/TBT/QCVN_102_2016" in error.message("vi")

    def test_root_without_namespace(self, variant: Variant, spool: Path) -> None:
        path = variant(STATUS, (b' xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"', b""))
        assert _refused(path, spool, WrongNamespace).line == 2

    def test_undeclared_prefix(self, variant: Variant, spool: Path) -> None:
        path = variant(
            STATUS,
            (b"<edXML:Description>", b"<foo:Description>"),
            (b"</edXML:Description>", b"</foo:Description>"),
        )
        error = _refused(path, spool, UndeclaredPrefix)
        assert error.line == 29 and "foo" in error.message("en") and "foo" in error.message("vi")

    def test_missing_document_id_and_code(self, variant: Variant, spool: Path) -> None:
        data = NEW.read_bytes()
        start, end = data.index(b"<edXML:DocumentId>"), data.index(b"<edXML:PromulgationInfo>")
        error = _refused(variant(NEW, data=data[:start] + data[end:]), spool, MissingElement)
        assert error.element == "DocumentId" and error.line == 5  # the MessageHeader's line

    def test_bad_promulgation_date(self, variant: Variant, spool: Path) -> None:
        path = variant(NEW, (b"2019/01/16", b"2019/13/45"))
        error = _refused(path, spool, BadValue)
        assert (error.line, error.element) == (34, "PromulgationDate")
        assert "2019/13/45" in error.message("vi")

    def test_bad_document_id_date(self, variant: Variant, spool: Path) -> None:
        path = variant(REVOCATION, (b"G22,2015/09/30,7816", b"G22,2015/02/30,7816"))
        assert _refused(path, spool, BadValue).line == 46

    def test_unknown_status_code(self, variant: Variant, spool: Path) -> None:
        error = _refused(variant(STATUS, (b">04<", b">99<")), spool, BadValue)
        assert error.line == 28 and "99" in error.message("en")

    def test_bad_status_timestamp(self, variant: Variant, spool: Path) -> None:
        path = variant(STATUS, (b"2015/09/20 11:08:36", "hôm qua".encode()))
        assert _refused(path, spool, BadValue).element == "Timestamp"

    def test_unknown_business_type(self, variant: Variant, spool: Path) -> None:
        path = variant(NEW, (b"<edXML:BussinessDocType>0", b"<edXML:BussinessDocType>7"))
        assert _refused(path, spool, BadValue).line == 73

    def test_missing_subject(self, variant: Variant, spool: Path) -> None:
        path = variant(
            NEW,
            (b"<edXML:Subject>V/v k", b"<edXML:Subject>  </edXML:Subject><edXML:X>V/v k"),
            (
                b"</edXML:Subject>\r\n        <edXML:Content>",
                b"</edXML:X>\r\n        <edXML:Content>",
            ),
        )
        assert _refused(path, spool, MissingElement).element == "Subject"

    def test_missing_sender(self, variant: Variant, spool: Path) -> None:
        path = variant(STATUS, (b"<edXML:OrganId>000.00.00.H41</edXML:OrganId>", b""))
        assert _refused(path, spool, MissingElement).element == "From/OrganId"

    def test_bad_base64(self, variant: Variant, spool: Path) -> None:
        path = variant(NEW, (b"UEsDBBQACAgIAEuSPE0AAAAA", b"UEsDBBQACAgIAEuSPE0AA*AA"))
        error = _refused(path, spool, BadValue)
        assert error.element == "ContentTransferEncoded" and error.line == 123

    def test_declared_size_that_does_not_match(self, variant: Variant, spool: Path) -> None:
        path = variant(NEW, (b"<Attachment>", b'<Attachment size="12">'))
        error = _refused(path, spool, AttachmentMismatch)
        assert error.line == 118 and "270823" in error.message("en")

    def test_declared_hash_that_does_not_match(self, variant: Variant, spool: Path) -> None:
        path = variant(NEW, (b"<Attachment>", b'<Attachment sha256="' + b"0" * 64 + b'">'))
        assert _refused(path, spool, AttachmentMismatch).line == 118

    def test_billion_laughs_is_refused_at_once(self, tmp_path: Path, spool: Path) -> None:
        entities = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
        bomb = (
            '<?xml version="1.0"?>\n<!DOCTYPE edXML [<!ENTITY lol0 "lol">'
            f'{entities}]>\n<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">&lol9;</edXML>'
        )
        path = tmp_path / "bomb.edxml"
        path.write_text(bomb)
        started = time.perf_counter()
        error = _refused(path, spool, EntityAttack)
        assert time.perf_counter() - started < 1
        assert error.line == 2 and error.title("en") == "edXML package refused as unsafe"

    def test_external_entity_is_never_read(self, tmp_path: Path, spool: Path) -> None:
        secret = tmp_path / "secret.txt"
        secret.write_text("TOP-SECRET-4711")
        for target in ("file:///etc/passwd", secret.as_uri()):
            path = tmp_path / "xxe.edxml"
            path.write_text(
                '<?xml version="1.0"?>\n'
                f'<!DOCTYPE edXML [<!ENTITY xxe SYSTEM "{target}">]>\n'
                '<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">&xxe;</edXML>'
            )
            error = _refused(path, spool, EntityAttack)
            assert "TOP-SECRET" not in error.message("vi") + error.message("en")
            assert "root:" not in error.message("en")

    def test_an_entity_reference_without_declaration(self, tmp_path: Path, spool: Path) -> None:
        path = tmp_path / "ref.edxml"
        path.write_text('<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">&xxe;</edXML>')
        assert _refused(path, spool, NotXml).line == 1

    def test_empty_file(self, tmp_path: Path, spool: Path) -> None:
        path = tmp_path / "empty.edxml"
        path.write_bytes(b"")
        assert "empty" in _refused(path, spool, NotXml).message("en")

    def test_a_pdf(self, tmp_path: Path, spool: Path) -> None:
        path = tmp_path / "scan.edxml"
        path.write_bytes(
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<</Type/Catalog>>\nendobj\n" + bytes(range(256))
        )
        error = _refused(path, spool, NotXml)
        assert "PDF" in error.message("vi") and error.line == 1

    def test_plain_text(self, tmp_path: Path, spool: Path) -> None:
        path = tmp_path / "note.edxml"
        path.write_text("Kính gửi: Văn phòng UBND tỉnh\nĐây không phải gói edXML.\n")
        assert isinstance(_refused(path, spool, NotXml), NotXml)

    def test_utf16(self, tmp_path: Path, spool: Path) -> None:
        path = tmp_path / "wide.edxml"
        path.write_bytes(STATUS.read_text("utf-8").encode("utf-16"))
        assert "UTF-8" in _refused(path, spool, NotXml).message("en")


class TestReadWithProblems:
    def test_stray_text_before_the_root(self, variant: Variant, spool: Path) -> None:
        env = read_package(variant(NEW, data=b"Kinh gui:\r\n" + NEW.read_bytes()), spool)
        assert isinstance(env, Envelope) and env.attachments[0].size == 270823
        first = env.problems[0]
        assert first.line == 1 and "Kinh gui" in first.message("en")
        assert {p.line for p in env.problems[1:]} == {28, 73}, "lines are those of the file"

    def test_stray_text_after_the_declaration(self, variant: Variant, spool: Path) -> None:
        path = variant(STATUS, (b"?>\r\n<edXML", b"?>\r\nabc\r\n<edXML"))
        status = read_package(path, spool)
        assert isinstance(status, StatusMessage)
        assert [p.line for p in status.problems] == [2]

    def test_undeclared_edxml_prefix(self, variant: Variant, spool: Path) -> None:
        status = read_package(variant(STATUS, (ENV_DECL, b"")), spool)
        assert isinstance(status, StatusMessage) and status.code is StatusCode.ASSIGNED
        [problem] = status.problems
        assert problem.line == 3 and "edXML" in problem.message("en")

    def test_content_after_the_root(self, variant: Variant, spool: Path) -> None:
        status = read_package(
            variant(STATUS, data=STATUS.read_bytes() + b"\r\n--boundary--\r\n"), spool
        )
        assert isinstance(status, StatusMessage)
        assert [p.line for p in status.problems] == [36]

    def test_iso_dates(self, variant: Variant, spool: Path) -> None:
        path = variant(NEW, (b"2019/01/16", b"2019-01-16"))
        env = read_package(path, spool)
        assert isinstance(env, Envelope) and env.header.promulgation.date is not None
        assert any(p.line == 34 and "2019-01-16" in p.message_vi for p in env.problems)

    def test_iso_timestamp(self, variant: Variant, spool: Path) -> None:
        path = variant(STATUS, (b"2015/09/20 11:08:36", b"2015-09-20T04:08:36Z"))
        status = read_package(path, spool)
        assert isinstance(status, StatusMessage)
        assert status.timestamp.hour == 11 and status.problems[0].line == 30

    def test_status_14_is_read_as_agreed(self, variant: Variant, spool: Path) -> None:
        status = read_package(variant(STATUS, (b">04<", b">14<")), spool)
        assert isinstance(status, StatusMessage) and status.code is StatusCode.AGREED
        assert status.problems[0].line == 28

    def test_missing_document_id_is_made_from_the_code(self, variant: Variant, spool: Path) -> None:
        data = REVOCATION.read_bytes()
        start = data.index(b"<edXML:DocumentId>")
        end = data.index(b"<edXML:Code>")
        env = read_package(variant(REVOCATION, data=data[:start] + data[end:]), spool)
        assert isinstance(env, Envelope)
        assert env.header.document_id == "000.00.00.G22,2018/09/28,7816/VPCP-TTĐT"
        assert env.problems[0].element == "DocumentId"

    def test_manifest_and_attachments_disagree(self, variant: Variant, spool: Path) -> None:
        path = variant(
            NEW,
            (
                b"<edXML:ContentId>cid:209</edXML:ContentId>",
                b"<edXML:ContentId>cid:210</edXML:ContentId>",
            ),
            (b"<edXML:AttachmentName>1896_QD", b"<edXML:AttachmentName>other"),
        )
        env = read_package(path, spool)
        assert isinstance(env, Envelope) and len(env.attachments) == 1
        messages = [p.message("en") for p in env.problems]
        assert any("not listed in edXMLManifest" in m for m in messages)
        assert any("does not contain it" in m for m in messages)

    def test_decomposed_text_is_read_as_nfc(self, variant: Variant, spool: Path) -> None:
        subject = "V/v kết nối, liên thông phần mềm quản lý văn bản"
        nfd = unicodedata.normalize("NFD", subject)
        assert nfd != subject
        path = variant(NEW, (f">{subject}<".encode(), f">{nfd}<".encode()))
        env = read_package(path, spool)
        assert isinstance(env, Envelope) and env.header.subject == subject

    def test_header_only_does_not_decode(self, variant: Variant) -> None:
        path = variant(NEW, (b"UEsDBBQACAgIAEuSPE0AAAAA", b"UEsDBBQACAgIAEuSPE0AA*AA"))
        env = read_header_only(path)
        assert isinstance(env, Envelope) and env.attachments[0].size == 0


def test_a_sender_code_off_the_structure_is_a_problem_not_an_error(
    variant: Variant, spool: Path
) -> None:
    """The agency code is form; the identity (DocumentId naming the sender) holds."""
    path = variant(
        REVOCATION,
        (b"<edXML:OrganId>000.00.00.G22</edXML:OrganId>", b"<edXML:OrganId>VPCP</edXML:OrganId>"),
        (b">000.00.00.G22,2015/09/30,7816", b">VPCP,2015/09/30,7816"),
    )
    env = read_package(path, spool)
    assert isinstance(env, Envelope)
    assert env.header.document_id == "VPCP,2015/09/30,7816/VPCP-TTĐT"
    [problem] = env.problems
    assert problem.element == "From/OrganId" and problem.line == 7
    other = variant(REVOCATION, (b">000.00.00.G22,2015/09/30,7816", b">VPCP,2015/09/30,7816"))
    with pytest.raises(BadValue):
        read_package(other, spool)
