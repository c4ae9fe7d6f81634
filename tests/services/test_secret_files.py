"""Secret documents on the desktop: never a file left on disk after closing, and no offline
search over their metadata unless the organisation allows it."""

from __future__ import annotations

import hashlib

import pymupdf
import pytest

from client.cache import OfflineError
from client.cache.query import DocumentQuery, search
from services.session import open_session
from services.workspace import Workspace


@pytest.fixture
def secret(signing_server, tmp_path):  # type: ignore[no-untyped-def]
    """A Tối mật document with a PDF, registered by the clerk."""
    session = open_session(signing_server.base_url, *signing_server.credentials("clerk"))
    pdf = tmp_path / "tối mật.pdf"
    with pymupdf.open() as doc:
        doc.new_page().insert_text((72, 72), "Kế hoạch bảo vệ bí mật")
        doc.save(pdf)
    uploaded = session.client.upload_file(pdf)
    assert uploaded.sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()
    made = session.client.create_document(
        {
            "direction": "incoming",
            "subject": "Kế hoạch phòng thủ khu vực bí mật",
            "secrecy": 2,
            "file_sha256": uploaded.sha256,
            "filename": pdf.name,
        }
    )
    return session, made


def test_a_secret_file_leaves_the_disk_when_closed(secret, signing_server) -> None:
    session, made = secret
    workspace = Workspace(session)
    workspace.sync_now()
    document = workspace.document(made.id)
    assert document is not None and document.secrecy == 2
    path = workspace.open_file(document)
    assert path.read_bytes().startswith(b"%PDF") and path.parent == session.files.transient
    assert not session.files.path_for(document.versions[-1].sha256).exists()  # never in the cache
    workspace.close_file(path)
    assert not path.exists()
    again = workspace.open_file(document)
    workspace.clear_secret_files()  # the window closes
    assert not again.exists() and not any(session.files.transient.iterdir())
    signing_server.stop()
    session.online = False
    with pytest.raises(OfflineError) as offline:
        workspace.open_file(document)
    assert "mật" in offline.value.message("vi") and "Secret" in offline.value.message("en")


def test_secret_metadata_stays_out_of_the_offline_index(secret) -> None:
    session, made = secret
    workspace = Workspace(session)
    workspace.sync_now()
    found = search(session.store, DocumentQuery(text="phong thu khu vuc bi mat", limit=50)).rows
    assert made.id not in {r.id for r in found}  # not searchable offline...
    assert workspace.document(made.id) is not None  # ...but it opens from the lists
    session.store.index_secret = True  # an organisation that allows it
    document = workspace.document(made.id)
    with session.store.write() as conn:
        session.store.upsert(conn, [document])
    found = search(session.store, DocumentQuery(text="phong thu khu vuc bi mat", limit=50)).rows
    assert made.id in {r.id for r in found}
