"""The signature panel: one card per signature with its state in colour and words, who, when,
how and which PKI; the chain on demand; a click shows the stamp's page. Its verdicts are the
command line's ``verify``, word for word."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import Qt

from services.signature_details import SignatureState, signature_details
from services.signing import sign_files
from signing.backends import TokenBackend
from signing.batch import BatchRequest
from signing.profiles import Mode
from tests.signing.conftest import make_letter
from tests.ui.conftest import screenshot
from ui.views.signature_panel import COLOURS, SignaturePanel

ROOT = Path(__file__).resolve().parents[2]


def _sign(source: Path, mode: Mode, key_id: str, token, profile, out: Path) -> Path:  # type: ignore[no-untyped-def]
    backend = TokenBackend(token.module_path, token.token_label, key_id)
    with backend.open(token.user_pin) as active:
        request = BatchRequest((source,), mode, out_dir=out, check_revocation=False)
        [result] = sign_files(request, active, profile)
    assert result.ok and result.output is not None, result.message_vi
    return result.output


def _tampered(signed: Path, target: Path) -> Path:
    data = bytearray(signed.read_bytes())
    at = data.find(b"/Contents ", 0, 2000)  # the first page object: inside the signed range
    data[at + 10] = ord("9") if data[at + 10] != ord("9") else ord("8")
    target.write_bytes(bytes(data))
    return target


@pytest.fixture
def signed_files(softhsm_token, profile, tmp_path):  # type: ignore[no-untyped-def]
    """An approved letter, the same letter sealed over the approval, and a tampered copy."""
    letter = make_letter(tmp_path / "quyet-dinh.pdf")
    approved = _sign(letter, Mode.APPROVE, "01", softhsm_token, profile, tmp_path / "a")
    sealed = _sign(approved, Mode.ISSUE, "03", softhsm_token, profile, tmp_path / "b")
    tampered = _tampered(approved, tmp_path / "sua-sau-khi-ky.pdf")
    return approved, sealed, tampered


def _panel(qtbot, details):  # type: ignore[no-untyped-def]
    panel = SignaturePanel()
    qtbot.addWidget(panel)
    panel.resize(420, 700)
    panel.show_signatures(details)
    panel.show()
    return panel


def _verify(path: Path) -> tuple[int, list[str]]:
    """``vanthu verify FILE`` as a user runs it, with the same saved profile."""
    run = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "verify", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "VANTHU_LANG": "vi"},
    )
    lines = [line for line in run.stdout.splitlines() if line.startswith("Chữ ký ")]
    return run.returncode, lines


def test_each_state_is_shown_in_colour_and_words_with_the_same_verdict_as_verify(
    qtbot, signed_files, profile
) -> None:
    approved, sealed, tampered = signed_files
    for path, states in (
        (sealed, [SignatureState.CHANGED_ALLOWED, SignatureState.VALID]),
        (tampered, [SignatureState.INVALID]),
    ):
        panel = _panel(qtbot, signature_details(path, profile))
        assert [card.detail.state for card in panel.cards] == states
        code, lines = _verify(path)
        assert code == (1 if SignatureState.INVALID in states else 0)
        assert len(lines) == len(panel.cards)
        for card, line in zip(panel.cards, lines, strict=True):
            assert line.endswith(f"— {card.verdict.text()}"), (line, card.verdict.text())
            assert COLOURS[card.detail.state] in card.badge.styleSheet()
    sealed_panel = _panel(qtbot, signature_details(sealed, profile))
    leader, seal = sealed_panel.cards
    assert leader.badge.text() == "✔ Hợp lệ — có thay đổi được phép"
    assert leader.fields["mode"].text() == "Ký phê duyệt"
    assert seal.fields["mode"].text() == "Đóng dấu phát hành (chữ ký số của cơ quan)"
    assert "Trần Quốc Việt" in leader.signer.text()
    assert "chữ ký khác" in leader.fields["changes"].text()
    assert leader.fields["timestamp"].text().startswith("Không có")  # B-B: no TSA time
    assert "/20" in leader.fields["signed"].text()
    assert "chứng thư gốc riêng của cấu hình ký số" in leader.fields["trust"].text()
    assert seal.badge.text() == "✔ Hợp lệ"
    [bad] = _panel(qtbot, signature_details(tampered, profile)).cards
    assert bad.badge.text() == "✘ Không hợp lệ" and "KHÔNG HỢP LỆ" in bad.verdict.text()


def test_a_signature_from_an_untrusted_root_says_why(qtbot, signed_files, profile) -> None:
    approved, _sealed, _tampered = signed_files
    stranger = profile.with_changes(trust_roots=())  # this machine does not know the test root
    [card] = _panel(qtbot, signature_details(approved, stranger)).cards
    assert card.detail.state is SignatureState.UNTRUSTED
    assert card.badge.text() == "⚠ Chưa tin cậy"
    why = card.fields["trust"].text()
    assert why.startswith("Chưa tin cậy: chứng thư do “") and "danh sách tin cậy" in why


def test_the_chain_on_demand_and_a_click_shows_the_stamp(qtbot, signed_files, profile) -> None:
    _approved, sealed, _tampered = signed_files
    panel = _panel(qtbot, signature_details(sealed, profile))
    leader = panel.cards[0]
    assert not leader.chain.isVisible()
    leader.chain_button.click()
    assert leader.chain.isVisible()
    chain = leader.chain.text()
    assert "Người ký: Trần Quốc Việt" in chain and "Chứng thư gốc" in chain
    assert leader.detail.chain[0].sha256[:23] in chain and len(leader.detail.chain) == 3
    with pymupdf.open(sealed) as doc:
        page = doc[-1]
        [widget] = [w for w in page.widgets() if w.field_name.startswith("Sig_approve")]
        expected = (page.number, widget.rect)
    with qtbot.waitSignal(panel.show_on_page, timeout=2000) as shown:
        qtbot.mouseClick(leader, Qt.MouseButton.LeftButton, pos=leader.signer.geometry().center())
    page_index, box = shown.args
    assert page_index == expected[0]
    assert abs(box.x() - expected[1].x0) < 1 and abs(box.bottom() - expected[1].y1) < 1
    assert "eef4fb" in leader.styleSheet()  # the clicked card is marked
    leader.page_button.click()
    assert leader.page_button.text() == f"Xem trên trang {expected[0] + 1}"


def test_screenshot_of_every_state(qtbot, signed_files, profile) -> None:
    approved, sealed, tampered = signed_files
    details = (
        signature_details(sealed, profile)
        + signature_details(tampered, profile)
        + signature_details(approved, profile.with_changes(trust_roots=()))
    )
    panel = _panel(qtbot, details)
    panel.resize(360, 1560)  # the document view's side column is this narrow
    panel.cards[0].chain_button.click()
    qtbot.wait(50)
    screenshot(panel, "signature-panel")
