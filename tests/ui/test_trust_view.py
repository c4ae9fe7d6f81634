"""Settings → trusted certificate authorities: fingerprints for all, changes for administrators."""

from __future__ import annotations

from services import trust
from tests.ui.conftest import screenshot
from ui.views.trust_view import TrustListView


def test_everyone_sees_the_fingerprints_and_only_administrators_change_them(qtbot) -> None:  # type: ignore[no-untyped-def]
    reader = TrustListView(can_manage=False)
    qtbot.addWidget(reader)
    reader.show()
    assert reader.table.rowCount() == 4
    fingerprints = [reader.table.item(r, 4).text() for r in range(4)]
    assert fingerprints[0].startswith("F0:4B:A4:B4:59:A7:C9:A1")
    assert reader.table.item(0, 2).text() == "chuyên dùng Chính phủ"
    assert not reader.add_button.isVisible() and not reader.toggle_button.isVisible()


def test_an_administrator_disables_adds_and_replaces(qtbot, test_pki, tmp_path) -> None:  # type: ignore[no-untyped-def]
    view = TrustListView(can_manage=True)
    qtbot.addWidget(view)
    view.resize(1100, 400)
    view.show()
    national = next(
        r for r in range(4) if view.table.item(r, 1).text() == "Vietnam National Root CA"
    )
    view.table.selectRow(national)
    assert view.toggle_button.text() == "Tắt"
    view.toggle_button.click()
    assert not {a.name: a.enabled for a in trust.anchors()}["Vietnam National Root CA"]
    assert view.table.item(national, 0).text().startswith("Đã tắt")
    view.add(test_pki.root_pem)
    assert view.table.rowCount() == 5
    assert "Văn thư số Test Root" in [view.table.item(r, 1).text() for r in range(5)]
    bad = tmp_path / "hong.pem"
    bad.write_text("-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----\n")
    view.add(bad)  # refused with a message box; nothing changes
    assert view.table.rowCount() == 5
    qtbot.wait(100)  # let the layout take the details label's new height
    screenshot(view, "trust-list")
