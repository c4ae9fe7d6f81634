"""``main.py tokens / sign / verify`` in a subprocess with a real SoftHSM token."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.signing.conftest import make_letter, pdfsig

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], input=stdin, capture_output=True,
                          text=True, timeout=120, env=os.environ.copy())


def test_tokens_sign_verify(softhsm_token, images, test_pki, tmp_path) -> None:
    listing = run("tokens", "--module", softhsm_token.module_path)
    assert "VanThu Test" in listing.stdout and "CKA_ID 01: Trần Quốc Việt" in listing.stdout
    files = [str(make_letter(tmp_path / f"tờ trình {i}.pdf")) for i in range(2)]
    signed = run("sign", *files, "--module", softhsm_token.module_path, "--token", softhsm_token.token_label,
                 "--key-id", "01", "--level", "B-T", "--tsa", test_pki.tsa_url, "--signature-image",
                 str(images[0]), "--out-dir", str(tmp_path / "out"), "--pin-stdin", stdin="123456\n")
    assert signed.returncode == 0, signed.stderr
    assert "Đã ký 2/2 tệp." in signed.stdout and "123456" not in signed.stdout + signed.stderr
    out = tmp_path / "out" / "tờ trình 0.pdf"
    verified = run("verify", str(out), "--trust-root", str(test_pki.root_pem))
    assert verified.returncode == 0 and "Chữ ký hợp lệ." in verified.stdout
    assert "Signature is Valid." in pdfsig(out)


def test_wrong_pin_message(softhsm_token, images, tmp_path) -> None:
    result = run("sign", str(make_letter(tmp_path / "a.pdf")), "--module", softhsm_token.module_path, "--token",
                 softhsm_token.token_label, "--key-id", "01", "--level", "B-B", "--signature-image", str(images[0]),
                 "--pin-stdin", stdin="999999\n")
    assert result.returncode == 1 and "Sai mã PIN" in result.stderr and "Traceback" not in result.stderr
    assert "999999" not in result.stdout + result.stderr


def test_issue_with_the_assigned_number_and_date(softhsm_token, images, test_pki, tmp_path) -> None:
    common = ("--module", softhsm_token.module_path, "--token", softhsm_token.token_label, "--level", "B-B",
              "--pin-stdin")
    approved = run("sign", str(make_letter(tmp_path / "qd.pdf")), *common, "--key-id", "01", "--signature-image",
                   str(images[0]), "--out-dir", str(tmp_path / "a"), stdin="123456\n")
    assert approved.returncode == 0, approved.stderr
    half = run("sign", str(tmp_path / "a" / "qd.pdf"), *common, "--key-id", "03", "--mode", "issue",
               "--number", "7", stdin="123456\n")
    assert half.returncode == 1 and "--date" in half.stderr  # both or neither
    issued = run("sign", str(tmp_path / "a" / "qd.pdf"), *common, "--key-id", "03", "--mode", "issue",
                 "--seal-image", str(images[1]), "--number", "7", "--date", "2026-11-24",
                 "--out-dir", str(tmp_path / "b"), stdin="123456\n")
    assert issued.returncode == 0, issued.stderr + issued.stdout
    verified = run("verify", str(tmp_path / "b" / "qd.pdf"), "--trust-root", str(test_pki.root_pem))
    assert verified.returncode == 0 and verified.stdout.count("Chữ ký hợp lệ.") == 2, verified.stdout
