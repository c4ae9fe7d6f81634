"""Service-layer fixtures: a signed-in leader on a real server, and the signing fixtures."""

from __future__ import annotations

import pytest

from services.session import Session, open_session
from services.workspace import Workspace
from tests.signing.conftest import letter, open_signer, pdfsig, profile  # noqa: F401  (fixtures)


@pytest.fixture
def signing_server(server_factory):  # type: ignore[no-untyped-def]
    return server_factory(documents=12, pdfs=4)


@pytest.fixture
def leader(signing_server) -> Session:  # type: ignore[no-untyped-def]
    session = open_session(signing_server.base_url, *signing_server.credentials("leader"))
    Workspace(session).sync_now()
    return session


def documents_with_pdf(session: Session, count: int):  # type: ignore[no-untyped-def]
    from base.workflow import FROZEN
    from client.cache.query import DocumentQuery, search

    rows = [  # an issued record is frozen: nothing is signed onto it any more
        r
        for r in search(session.store, DocumentQuery(limit=1000)).rows
        if r.current_version and r.status not in FROZEN and not r.secrecy  # a secret one's
        # file is never kept on the machine, so it cannot be signed offline
    ]
    found = [session.store.get(r.id) for r in rows[:count]]
    assert len(found) == count and all(found)
    return found
