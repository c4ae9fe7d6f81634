"""The workflow contract (``base.workflow``) is the one answer to "what may I do now?": for every
document of the demo story, in every status, for every role and part, the server's answer to
each step equals what the step dialog offers (``steps_for``).

The server is asked without changing anything (``dry_run``): an allowed step answers 204 (or 422
when only a comment, a leader, a deadline… is missing), a refused one 403 or 409."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from base.steps import USER_STEPS
from base.workflow import RULES, STEP_ORDER, steps_for
from tests.server.test_access import Caller

ROLES = ("clerk", "leader", "specialist", "archivist", "org_admin")


def test_every_step_a_person_takes_has_one_rule_and_one_place_in_the_order() -> None:
    assert set(STEP_ORDER) == set(RULES) == set(USER_STEPS)
    assert len(STEP_ORDER) == len(set(STEP_ORDER))


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from tests.fixtures.server import LiveServer

    server = LiveServer(tmp_path_factory.mktemp("contract"))
    server.demo_data(40, 6, story=True)
    server.start()
    yield server
    server.stop()


def _server_allows(caller: Caller, doc: dict, step: str) -> bool:
    reply = caller.request(
        "POST",
        f"/documents/{doc['id']}/actions?dry_run=true",
        json={"action": step},
        headers={"If-Match": f'"{doc["revision"]}"'},
    )
    assert reply.status_code in (204, 422, 403, 404, 409), reply.text
    return reply.status_code in (204, 422)  # 422: past who and when, a field is missing


def test_a_dry_run_changes_nothing(story) -> None:  # type: ignore[no-untyped-def]
    clerk = Caller(story, "clerk")
    [arrived, *_] = [
        d for d in clerk.get("/documents?limit=500").json()["items"] if d["status"] == "arrived"
    ]
    assert _server_allows(clerk, arrived, "register")
    after = clerk.get(f"/documents/{arrived['id']}").json()
    assert after["status"] == "arrived" and after["revision"] == arrived["revision"]
    assert after["arrival_number"] is None


@pytest.mark.parametrize("role", ROLES)
def test_the_server_and_the_step_dialog_agree_for_every_status_and_part(story, role: str) -> None:  # type: ignore[no-untyped-def]
    caller = Caller(story, role)
    me = caller.me
    documents = caller.get("/documents?limit=500").json()["items"]
    seen: dict[tuple[str, str, frozenset[str], bool, frozenset[str]], dict] = {}
    for doc in documents:  # one document per situation this person can be in
        parts = frozenset(
            a["kind"]
            for a in doc["assignments"]
            if a["user_id"] == me["id"] and a["state"] == "active"
        )
        seen.setdefault(
            (
                doc["direction"],
                doc["status"],
                parts,
                doc["created_by"] == me["id"],
                frozenset(doc["marks"]),
            ),
            doc,
        )
    assert len(seen) >= 4, seen.keys()
    for (direction, status, parts, author, marks), doc in seen.items():
        offered = set(
            steps_for(
                role=role,
                parts=parts,
                direction=direction,
                status=status,
                is_author=author,
                marks=marks,
            )
        )
        allowed = {step for step in USER_STEPS if _server_allows(caller, doc, step)}
        assert allowed == offered, (role, direction, status, sorted(parts), author, sorted(marks))
