"""One step on several documents: each goes alone — a document changed meanwhile is refused
with its reason, the others are done, and nothing is applied twice."""

from __future__ import annotations

import dataclasses

import requests

from base.steps import Step
from services.session import open_session
from services.workflow import StepInput, take_steps
from services.workspace import Workspace


def test_a_batch_reports_each_refusal_and_does_the_rest(server_factory) -> None:  # type: ignore[no-untyped-def]
    server = server_factory()
    made = [
        requests.post(
            f"{server.api_url}/documents",
            json={"direction": "incoming", "subject": f"Công văn {n}"},
            headers=server.headers("clerk"),
            timeout=10,
        ).json()
        for n in range(3)
    ]
    leader = open_session(server.base_url, *server.credentials("leader"))
    Workspace(leader).sync_now()
    documents = [leader.store.get(d["id"]) for d in made]
    stale = dataclasses.replace(documents[1], revision=documents[1].revision - 1)
    specialist = next(c for c in leader.client.colleagues() if c.username == "chuyenvien")
    outcome = take_steps(
        leader, [documents[0], stale, documents[2]], StepInput(Step.ASSIGN, lead=specialist.id)
    )
    assert [d.id for d in outcome.done] == [made[0]["id"], made[2]["id"]]
    [(refused, error)] = outcome.failed
    assert refused.id == made[1]["id"] and "thay đổi" in error.message_vi
    assert leader.client.get_document(made[1]["id"]).status == "received"
    assert all(leader.store.get(d.id).status == "assigned" for d in outcome.done)
