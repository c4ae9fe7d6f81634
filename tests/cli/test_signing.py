"""``main.py tokens / sign / verify`` in a subprocess with a real SoftHSM token."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.signing.conftest import make_letter, pdfsig

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ.copy(),
    )


def test_tokens_sign_verify(softhsm_token, images, test_pki, tmp_path) -> None:
    listing = run("tokens", "--module", softhsm_token.module_path)
    assert "VanThu Test" in listing.stdout and "CKA_ID 01: Trần Quốc Việt" in listing.stdout
    files = [str(make_letter(tmp_path / f"tờ trình {i}.pdf")) for i in range(2)]
    signed = run(
        "sign",
        *files,
        "--module",
        softhsm_token.module_path,
        "--token",
        softhsm_token.token_label,
        "--key-id",
        "01",
        "--level",
        "B-T",
        "--tsa",
        test_pki.tsa_url,
        "--signature-image",
        str(images[0]),
        "--out-dir",
        str(tmp_path / "out"),
        "--pin-stdin",
        stdin="123456\n",
    )
    assert signed.returncode == 0, signed.stderr
    assert "Đã ký 2/2 tệp." in signed.stdout and "123456" not in signed.stdout + signed.stderr
    out = tmp_path / "out" / "tờ trình 0.pdf"
    verified = run("verify", str(out), "--trust-root", str(test_pki.root_pem))
    assert verified.returncode == 0 and "Chữ ký hợp lệ." in verified.stdout
    assert "Signature is Valid." in pdfsig(out)


def test_wrong_pin_message(softhsm_token, images, tmp_path) -> None:
    result = run(
        "sign",
        str(make_letter(tmp_path / "a.pdf")),
        "--module",
        softhsm_token.module_path,
        "--token",
        softhsm_token.token_label,
        "--key-id",
        "01",
        "--level",
        "B-B",
        "--signature-image",
        str(images[0]),
        "--pin-stdin",
        stdin="999999\n",
    )
    assert (
        result.returncode == 1
        and "Sai mã PIN" in result.stderr
        and "Traceback" not in result.stderr
    )
    assert "999999" not in result.stdout + result.stderr


def test_issue_with_the_assigned_number_and_date(softhsm_token, images, test_pki, tmp_path) -> None:
    common = (
        "--module",
        softhsm_token.module_path,
        "--token",
        softhsm_token.token_label,
        "--level",
        "B-B",
        "--pin-stdin",
    )
    approved = run(
        "sign",
        str(make_letter(tmp_path / "qd.pdf")),
        *common,
        "--key-id",
        "01",
        "--signature-image",
        str(images[0]),
        "--out-dir",
        str(tmp_path / "a"),
        stdin="123456\n",
    )
    assert approved.returncode == 0, approved.stderr
    half = run(
        "sign",
        str(tmp_path / "a" / "qd.pdf"),
        *common,
        "--key-id",
        "03",
        "--mode",
        "issue",
        "--number",
        "7",
        stdin="123456\n",
    )
    assert half.returncode == 1 and "--date" in half.stderr  # both or neither
    issued = run(
        "sign",
        str(tmp_path / "a" / "qd.pdf"),
        *common,
        "--key-id",
        "03",
        "--mode",
        "issue",
        "--seal-image",
        str(images[1]),
        "--number",
        "7",
        "--date",
        "2026-11-24",
        "--out-dir",
        str(tmp_path / "b"),
        stdin="123456\n",
    )
    assert issued.returncode == 0, issued.stderr + issued.stdout
    verified = run("verify", str(tmp_path / "b" / "qd.pdf"), "--trust-root", str(test_pki.root_pem))
    assert verified.returncode == 0 and verified.stdout.count("Chữ ký hợp lệ.") == 2, (
        verified.stdout
    )


def _signed_in(server, role: str = "leader") -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {"VANTHU_SERVER": server.base_url, "VANTHU_TOKEN": server.token(role)}


def run_env(*args: str, env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )


def _token_args(softhsm_token, key_id: str) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return (
        "--module",
        softhsm_token.module_path,
        "--token",
        softhsm_token.token_label,
        "--key-id",
        key_id,
        "--level",
        "B-B",
        "--pin-stdin",
    )


def _document_with_pdf(server) -> int:  # type: ignore[no-untyped-def]
    import requests

    reply = requests.get(
        f"{server.api_url}/documents?limit=100", headers=server.headers("leader"), timeout=10
    )
    frozen = ("issued", "withdrawn", "replaced")  # a record as issued is never signed again
    return next(
        d["id"] for d in reply.json()["items"] if d["current_version"] and d["status"] not in frozen
    )


def test_sign_a_server_document_by_hand_placement_and_verify_it(
    server_factory, softhsm_token, images, tmp_path
) -> None:
    server = server_factory(documents=6, pdfs=2)
    env = _signed_in(server)
    document_id = _document_with_pdf(server)
    signed = run_env(
        "sign",
        "--document",
        str(document_id),
        "--position",
        "last:320,560,180,80",
        *_token_args(softhsm_token, "01"),
        "--signature-image",
        str(images[0]),
        env=env,
        stdin="123456\n",
    )
    assert signed.returncode == 0, signed.stderr + signed.stdout
    assert f"#{document_id}: ĐÃ KÝ (phiên bản 2)" in signed.stdout
    verified = run_env("verify", "--document", str(document_id), env=env)
    assert "Trần Quốc Việt" in verified.stdout and "Toàn vẹn" in verified.stdout, verified.stdout


def test_hand_placement_with_an_expired_certificate_is_refused(
    server_factory, softhsm_token, images, tmp_path
) -> None:
    server = server_factory(documents=6, pdfs=2)
    env = _signed_in(server)
    document_id = _document_with_pdf(server)
    for target in (("--document", str(document_id)), (str(make_letter(tmp_path / "a.pdf")),)):
        refused = run_env(
            "sign",
            *target,
            "--position",
            "1:320,560,180,80",
            *_token_args(softhsm_token, "04"),
            "--signature-image",
            str(images[0]),
            env=env,
            stdin="123456\n",
        )
        assert refused.returncode == 1 and "hết hạn" in refused.stderr.lower(), refused.stderr
        assert "Traceback" not in refused.stderr


def test_a_malformed_position_is_explained(tmp_path) -> None:
    result = run("sign", str(tmp_path / "a.pdf"), "--position", "1:abc")
    assert result.returncode == 2 and "PAGE:X,Y,W,H" in result.stderr


def test_window_and_verify_agree(server_factory, softhsm_token, images, test_pki, tmp_path) -> None:
    """`vanthu verify` trusts the profile's roots (the window's ``validate`` does the same)."""
    from services.signing import validate_file
    from signing.profiles import SigningProfile, save_profile

    letter = make_letter(tmp_path / "a.pdf")
    signed = run(
        "sign",
        str(letter),
        *_token_args(softhsm_token, "01"),
        "--signature-image",
        str(images[0]),
        "--out-dir",
        str(tmp_path / "out"),
        stdin="123456\n",
    )
    assert signed.returncode == 0, signed.stderr
    out = tmp_path / "out" / "a.pdf"
    assert "chưa xác thực nguồn gốc" in run("verify", str(out)).stdout  # no roots configured yet
    profile = SigningProfile(trust_roots=(str(test_pki.root_pem),))
    save_profile(profile)
    cli = run("verify", str(out))
    [report] = validate_file(out, profile)
    assert cli.returncode == 0 and report.summary_vi in cli.stdout and report.trusted


def test_a_rotated_page_without_a_block_signs_at_a_named_position(
    softhsm_token, images, test_pki, tmp_path
) -> None:
    """No title on the page: the automatic path says so and names the way out; the named spot works."""
    from tests.signing import pdf_cases

    scan = tmp_path / "scan.pdf"
    import pymupdf

    with pymupdf.open() as doc:
        doc.new_page(width=842, height=595).insert_text((72, 72), "Biên bản bàn giao")
        doc.save(scan)
    turned = pdf_cases.rotated(scan, tmp_path / "xoay.pdf", 90)
    common = (
        "sign",
        str(turned),
        "--module",
        softhsm_token.module_path,
        "--token",
        softhsm_token.token_label,
        "--key-id",
        "01",
        "--level",
        "B-B",
        "--signature-image",
        str(images[0]),
        "--out-dir",
        str(tmp_path / "out"),
        "--pin-stdin",
    )
    automatic = run(*common, "--position", "auto", stdin="123456\n")
    assert automatic.returncode == 1 and "Traceback" not in automatic.stderr + automatic.stdout
    assert "--position" in automatic.stdout + automatic.stderr
    fixed = run(*common, "--position", "last-page-bottom-right", stdin="123456\n")
    assert fixed.returncode == 0, fixed.stderr + fixed.stdout
    out = tmp_path / "out" / "xoay.pdf"
    with pymupdf.open(out) as doc:
        page = doc[0]
        [widget] = list(page.widgets() or ())
        visible = widget.rect * page.rotation_matrix
        assert page.rect.contains(visible) and visible.x0 > page.rect.width / 2
        assert visible.y0 > page.rect.height / 2  # bottom right as the reader sees it
    verified = run("verify", str(out), "--trust-root", str(test_pki.root_pem))
    assert verified.returncode == 0 and "Chữ ký hợp lệ." in verified.stdout
    untrusted = run("verify", str(out))  # the chain ends nowhere: said in words, no traceback
    assert "Chưa tin cậy" in untrusted.stdout and "Văn thư số Test Issuing CA" in untrusted.stdout
    assert "Traceback" not in untrusted.stderr and untrusted.stderr == ""
    info = run("verify", "--trust-info")
    assert info.returncode == 0 and "RootCA chuyên dùng Chính phủ G2" in info.stdout
    assert "F0:4B:A4:B4:59:A7:C9:A1" in info.stdout and "chuyên dùng Chính phủ" in info.stdout


def test_a_clerk_seals_a_numbered_document_without_naming_a_mode_or_certificate(
    server_factory, softhsm_token, images, test_pki, tmp_path
) -> None:
    """The leader signs (approve, the default on a draft waiting for them), the clerk numbers it,
    then `sign --document ID` alone seals it with the organisation's certificate, writing the
    number the clerk took into the draft's blank — as the window opens."""
    import pymupdf

    from client.api import ApiClient
    from tests.fixtures.outgoing import awaiting_signature

    server = server_factory()
    [document_id] = awaiting_signature(server, 1, tmp_path)
    leader = {**_signed_in(server, "leader"), "VANTHU_HOME": str(tmp_path / "leader")}
    clerk = {**_signed_in(server, "clerk"), "VANTHU_HOME": str(tmp_path / "clerk")}
    token = (
        "--module",
        softhsm_token.module_path,
        "--token",
        softhsm_token.token_label,
        "--level",
        "B-B",
        "--pin-stdin",
    )
    approved = run_env(
        "sign",
        "--document",
        str(document_id),
        *token,
        "--key-id",
        "01",
        "--signature-image",
        str(images[0]),
        env=leader,
        stdin="123456\n",
    )
    assert approved.returncode == 0, approved.stderr + approved.stdout
    assert "mode: approve" in approved.stderr and "Đã ký và duyệt" in approved.stdout
    numbered = run_env("number", str(document_id), env=clerk)
    assert numbered.returncode == 0, numbered.stderr
    sealed = run_env(
        "sign",
        "--document",
        str(document_id),
        *token,
        "--seal-image",
        str(images[1]),
        env=clerk,
        stdin="123456\n",
    )
    assert sealed.returncode == 0, sealed.stderr + sealed.stdout
    assert "mode: issue, CKA_ID 03" in sealed.stderr
    assert f"#{document_id}: ĐÃ KÝ (phiên bản 3)" in sealed.stdout
    client = ApiClient(server.base_url)
    client.login(*server.credentials("clerk"))
    document = client.get_document(document_id)
    assert document.status == "numbered" and document.code_number  # issuing is the next step
    target = client.download(document.versions[-1].sha256, tmp_path / "phat-hanh.pdf")
    with pymupdf.open(target) as pdf:
        stamps = [a.info["content"] for a in pdf[0].annots() if a.type[1] == "Stamp"]
    assert document.code_number in stamps
    assert pdfsig(target).count("Signature is Valid.") == 2
    verified = run_env("verify", "--document", str(document_id), env=clerk)
    assert "Trần Quốc Việt" in verified.stdout and "Ủy ban nhân dân tỉnh Hà Tĩnh" in verified.stdout
