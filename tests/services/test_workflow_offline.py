"""The leader's signature is the approval, online and offline; a user's own steps queued offline
on one document are all applied when the server is back (each on the revision the one before it
produced), while a change by someone else is still a conflict to resolve."""

from __future__ import annotations

from client.api import ApiClient
from client.cache.outbox import OutboxState
from services import workflow
from services.session import open_session
from services.signing import DocumentSigning, SignOutcome
from services.workspace import Workspace
from signing.profiles import Mode
from tests.fixtures.outgoing import submitted_outgoing
from tests.server.test_access import Caller
from tests.signing.conftest import make_letter


def _client(server, role: str) -> ApiClient:  # type: ignore[no-untyped-def]
    client = ApiClient(server.base_url)
    client.login(*server.credentials(role))
    return client


def _waiting_for_signature(server, tmp_path, subject: str) -> dict:  # type: ignore[no-untyped-def]
    pdf = make_letter(tmp_path / f"{subject}.pdf").read_bytes()
    return submitted_outgoing(server, subject, pdf, code_notation="QĐ-UBND")


def test_signing_in_approve_mode_approves_the_draft(
    leader, signing_server, open_signer, profile, tmp_path
) -> None:
    draft = _waiting_for_signature(signing_server, tmp_path, "Quyết định phê duyệt")
    workspace = Workspace(leader)
    workspace.sync_now()
    document = workspace.document(draft["id"])
    assert document is not None and document.status == "pending_signature"
    [result] = workspace.sign_documents(
        [document], open_signer("01"), DocumentSigning(Mode.APPROVE, profile)
    )
    assert result.outcome is SignOutcome.SIGNED and "duyệt" in result.message_vi
    on_server = _client(signing_server, "clerk").get_document(draft["id"])
    assert on_server.status == "signed" and on_server.current_version == 2
    assert [t.action for t in on_server.trace][-1] == "approve"
    assert workspace.document(draft["id"]).status == "signed"  # cached at once: off "Chờ ký"


def test_a_signature_made_offline_is_approved_when_it_is_sent(
    leader, signing_server, open_signer, profile, tmp_path
) -> None:
    draft = _waiting_for_signature(signing_server, tmp_path, "Kế hoạch ký khi mất mạng")
    workspace = Workspace(leader)
    workspace.sync_now()
    document = workspace.document(draft["id"])
    workspace.open_file(document)  # in the cache before the network goes
    signing_server.stop()
    [result] = workspace.sign_documents(
        [document], open_signer("01"), DocumentSigning(Mode.APPROVE, profile)
    )
    assert result.outcome is SignOutcome.QUEUED and "rồi duyệt" in result.message_vi
    signing_server.start()
    outcome = workspace.sync_now()
    assert [e.state for e in outcome.replayed if e.state is not OutboxState.DONE] == []
    on_server = _client(signing_server, "clerk").get_document(draft["id"])
    assert on_server.status == "signed" and on_server.current_version == 2
    assert workspace.document(draft["id"]).status == "signed"


def _specialist_offline(server, subject: str):  # type: ignore[no-untyped-def]
    """A letter the leader assigned to the specialist, in the specialist's synced window; then
    the server goes away. Returns (the assigned document as the server has it, the
    specialist's workspace, the cached document)."""
    clerk, leader = Caller(server, "clerk"), Caller(server, "leader")
    specialist = Caller(server, "specialist")
    doc = clerk.create(subject=subject)
    assigned = leader.request(
        "POST",
        f"/documents/{doc['id']}/actions",
        json={"action": "assign", "lead": specialist.me["id"]},
        headers={"If-Match": f'"{doc["revision"]}"'},
    )
    assert assigned.status_code == 200, assigned.text
    workspace = Workspace(open_session(server.base_url, *server.credentials("specialist")))
    workspace.sync_now()
    mine = workspace.document(doc["id"])
    server.stop()
    return assigned.json(), workspace, mine


def test_a_handlers_steps_queued_offline_are_all_applied(signing_server) -> None:  # type: ignore[no-untyped-def]
    doc, workspace, mine = _specialist_offline(signing_server, "Công văn xin ý kiến quy hoạch")
    note = workspace.take_step(mine, workflow.StepInput(workflow.Step.NOTE, comment="Đã rà soát"))
    finish = workspace.take_step(
        mine, workflow.StepInput(workflow.Step.FINISH, comment="Đã trả lời")
    )
    assert note.queued and finish.queued
    signing_server.start()
    outcome = workspace.sync_now()
    assert [e.state for e in outcome.replayed] == [OutboxState.DONE, OutboxState.DONE]
    done = Caller(signing_server, "leader").get(f"/documents/{doc['id']}").json()
    assert done["status"] == "done"
    assert [t["action"] for t in done["trace"]][-2:] == ["note", "finish"]


def test_someone_elses_change_still_stops_a_queued_step(signing_server) -> None:  # type: ignore[no-untyped-def]
    doc, workspace, mine = _specialist_offline(signing_server, "Công văn đôn đốc")
    assert workspace.take_step(mine, workflow.StepInput(workflow.Step.FINISH)).queued
    signing_server.start()
    leader = Caller(signing_server, "leader")
    recalled = leader.request(  # meanwhile the leader takes the work back
        "POST",
        f"/documents/{doc['id']}/actions",
        json={"action": "recall"},
        headers={"If-Match": f'"{doc["revision"]}"'},
    )
    assert recalled.status_code == 200, recalled.text
    outcome = workspace.sync_now()
    assert [e.state for e in outcome.replayed] == [OutboxState.CONFLICT]
    assert leader.get(f"/documents/{doc['id']}").json()["status"] == "received"
