"""The organisation's trust list reaches the desktop with the next sync."""

from __future__ import annotations

import requests

from services import trust
from services.session import open_session
from services.workspace import Workspace

NATIONAL_ROOT = "BAC8BF609AB420A8EE1780D74F4DE5C7F7184959D2A7375B0A75E4C29F0908E7"


def test_a_root_disabled_on_the_server_is_disabled_on_the_desk_after_sync(server_factory) -> None:  # type: ignore[no-untyped-def]
    server = server_factory()
    session = open_session(server.base_url, *server.credentials("clerk"))
    workspace = Workspace(session)
    workspace.sync_now()
    assert all(a.enabled for a in trust.anchors())
    off = requests.patch(
        f"{server.api_url}/admin/trust/{NATIONAL_ROOT}",
        json={"enabled": False},
        headers=server.headers("org_admin"),
        timeout=10,
    )
    assert off.status_code == 200, off.text
    workspace.sync_now()
    states = {a.name: a.enabled for a in trust.anchors()}
    assert states["Vietnam National Root CA"] is False and states["RootCA chuyên dùng Chính phủ G2"]
    server.stop()  # the last list received stays in force while the server is away
    assert not {a.name: a.enabled for a in trust.anchors()}["Vietnam National Root CA"]
