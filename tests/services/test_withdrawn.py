"""A withdrawn incoming copy on the recipient's desktop: the file leaves the disk at the sync
that brings the withdrawal and is never opened again; the details and the history stay."""

from __future__ import annotations

import pytest

from client.cache.errors import FileWithdrawn
from client.cache.query import DocumentQuery
from services.session import open_session
from services.workspace import Workspace
from tests.fixtures.outgoing import numbered_outgoing, take_step
from tests.signing.conftest import make_letter


def test_the_recipients_copy_loses_its_file_when_the_sender_withdraws(
    server_factory, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    server = server_factory()
    pdf = make_letter(tmp_path / "cv.pdf").read_bytes()
    clerk = server.token("clerk")
    issued = take_step(
        server,
        clerk,
        numbered_outgoing(server, "Thông báo sẽ thu hồi", pdf),
        "issue",
        organisations=["STC"],
    )
    recipient = Workspace(open_session(server.base_url, *server.credentials("other_clerk")))
    recipient.sync_now()
    [row] = recipient.search(DocumentQuery(text="Thông báo sẽ thu hồi", direction="incoming")).rows
    copy = recipient.document(row.id)
    opened = recipient.open_file(copy)
    assert opened.exists()
    take_step(server, clerk, issued, "withdraw", comment="Ban hành nhầm")
    recipient.sync_now()
    assert not opened.exists()  # destroyed by the sync, not only hidden
    withdrawn = recipient.document(copy.id)
    assert withdrawn.status == "withdrawn" and withdrawn.trace[-1].action == "withdraw"
    with pytest.raises(FileWithdrawn) as refused:
        recipient.open_file(withdrawn)
    assert "thu hồi" in refused.value.message("vi")


def test_a_recipients_progress_does_not_stop_the_senders_step(server_factory, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The sender's window still shows the issued document as it was; a recipient registers its
    copy meanwhile (the sender's document moves on: its deliveries). The sender's withdrawal is
    still the decision they made — taken, not refused as "changed by someone else"."""
    from client.errors import Conflict
    from services import workflow

    server = server_factory()
    pdf = make_letter(tmp_path / "tb.pdf").read_bytes()
    issued = take_step(
        server,
        server.token("clerk"),
        numbered_outgoing(server, "Thông báo lịch họp", pdf),
        "issue",
        organisations=["STC"],
    )
    sender = Workspace(open_session(server.base_url, *server.credentials("clerk")))
    sender.sync_now()
    seen = sender.document(issued["id"])
    recipient = Workspace(open_session(server.base_url, *server.credentials("other_clerk")))
    recipient.sync_now()
    [row] = recipient.search(DocumentQuery(text="Thông báo lịch họp", direction="incoming")).rows
    recipient.take_step(recipient.document(row.id), workflow.StepInput(workflow.Step.REGISTER))
    withdrawn = sender.take_step(
        seen, workflow.StepInput(workflow.Step.WITHDRAW, comment="Đổi lịch")
    ).document
    assert withdrawn.status == "withdrawn"
    # A change to the document itself (here: the withdrawal) is still a conflict to look at.
    with pytest.raises(Conflict):
        workflow.take_step(
            sender.session, seen, workflow.StepInput(workflow.Step.WITHDRAW, comment="Lần nữa")
        )
