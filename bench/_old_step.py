"""The server ``bench/workflow.py`` measures steps on: the real app, plus the step as it was
before the atomic claim, for a baseline in the same run.

Until 2026-12-06 ``POST /documents/{id}/actions`` read the document, compared its revision
with ``If-Match`` and then wrote, taking its new revision from the feed counter at the end
(``git show 0b41ccd^:server/routes/workflow.py``). That route is gone; the one here is today's
route with exactly that part put back — the same checks, the same ``workflow.apply``, audit
rows, idempotency key and reply, one feed number per step as today — so the only difference
between the two is the conditional ``UPDATE`` that claims the revision (``documents.claim``)
against the read-then-compare. It is mounted at ``/api/v1/bench-old/documents/{id}/actions``.

Run as a script (``python bench/_old_step.py DATA_DIR PORT [DATABASE_URL]``) it serves like
``main.py serve``: the app from ``create_app``, the demo accounts, uvicorn on 127.0.0.1.
``serving()`` starts it as a subprocess, so the benchmark's client threads do not share the
server's interpreter.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests
from fastapi import APIRouter, Depends, Response
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from server import idempotency, workflow  # noqa: E402
from server.arrival import arrival_stamper  # noqa: E402
from server.deps import AppState, current_user, get_session, get_state  # noqa: E402
from server.documents import audit, documents_out, touch  # noqa: E402
from server.errors import ApiProblem  # noqa: E402
from server.models import IdempotencyKey as IdempotencyRow  # noqa: E402
from server.models import User  # noqa: E402
from server.policy import load_readable  # noqa: E402
from server.routes.contract import IfMatch  # noqa: E402
from server.routes.preconditions import parse_if_match  # noqa: E402
from server.schemas import DocumentId, DocumentOut, IdempotencyKey, StepCreate  # noqa: E402

__all__ = ["OLD_STEP", "router", "serving"]

OLD_STEP = "/bench-old/documents/{id}/actions"
"""Where the read-then-write step is served, under ``/api/v1``."""

router = APIRouter(prefix="/bench-old/documents")


@router.post("/{document_id}/actions", response_model=DocumentOut)
def take_step_read_then_write(
    document_id: DocumentId,
    body: StepCreate,
    response: Response,
    if_match: str = IfMatch,
    idempotency_key: IdempotencyKey = None,
    user: User = Depends(current_user),
    session: Session = Depends(get_session),
    state: AppState = Depends(get_state),
) -> DocumentOut:
    expected = parse_if_match(if_match)
    request = workflow.StepRequest(
        workflow.Step(body.action),
        comment=body.comment,
        to=body.to,
        lead=body.lead,
        co=body.co,
        info=body.info,
        deadline=body.deadline,
        organisations=body.organisations,
        stamp=body.stamp,
        replaces=body.replaces,
        register_id=body.register_id,
        duplicate_ok=body.duplicate_ok,
    )
    key = f"step:{idempotency_key}" if idempotency_key else None
    request_sha256 = idempotency.fingerprint("step", document_id, body)
    doc = load_readable(session, user, document_id, for_update=True)  # read …
    earlier = idempotency.earlier_use(session, user, key) if key else None
    if earlier is not None:
        idempotency.refuse_unless_same(earlier, request_sha256, document_id)
        response.headers["Idempotent-Replay"] = "true"
        return documents_out(session, [doc])[0]
    if doc.revision != expected:  # … compare …
        raise ApiProblem(
            409,
            "Văn bản đã bị người khác thay đổi; hãy tải lại rồi làm lại bước này.",
            "The document was changed by someone else; reload it and take the step again.",
        )
    delivered = workflow.apply(session, doc, user, request, arrival_stamper(state.blobs))
    touch(session, doc)  # … write: the new revision from the feed counter, as the last step
    audit(session, user, f"step_{body.action}", doc.id, body.comment[:200])
    for copy in delivered:
        audit(session, user, "delivered", copy.id, f"from document {doc.id}")
    if key:
        session.add(
            IdempotencyRow(
                user_id=user.id, key=key, document_id=doc.id, request_sha256=request_sha256
            )
        )
    session.commit()
    return documents_out(session, [doc])[0]


@contextmanager
def serving(data_dir: Path, database_url: str | None = None) -> Iterator[str]:
    """The server in a subprocess on a free loopback port; yields its ``/api/v1`` URL."""
    from tests.fixtures.server import free_port

    port = free_port()
    data_dir.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, __file__, str(data_dir), str(port), *filter(None, [database_url])]
    with (data_dir / "server.log").open("ab") as log:
        process = subprocess.Popen(
            cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=os.environ.copy()
        )
    api = f"http://127.0.0.1:{port}/api/v1"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                tail = (data_dir / "server.log").read_text(errors="replace")[-2000:]
                raise RuntimeError(f"the benchmark's server did not start: {tail}")
            try:
                if requests.get(f"{api}/health", timeout=1).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.1)
        yield api
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _serve(data_dir: str, port: str, database_url: str | None = None) -> None:
    import uvicorn

    from server.app import API_PREFIX, create_app
    from server.config import ServerSettings
    from server.seed import seed_base

    app = create_app(ServerSettings(data_dir=Path(data_dir), database_url=database_url))
    with app.state.vanthu.db.session() as session:
        seed_base(session)
    app.include_router(router, prefix=API_PREFIX)
    uvicorn.run(
        app,
        host="127.0.0.1",
        port=int(port),
        log_level="warning",
        access_log=False,
        proxy_headers=False,
    )


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        raise SystemExit("usage: python bench/_old_step.py DATA_DIR PORT [DATABASE_URL]")
    _serve(*sys.argv[1:])
