"""Workflow steps over loopback HTTP, for ``bench/workflow.py``.

* ``round_trips``: one step's round trip three ways on the same server, in rotating order —
  today's step (``POST /documents/{id}/actions``, the revision claimed by one conditional
  ``UPDATE``), the same step read-then-compare-then-write (``bench/_old_step.py``), and a bare
  ``PATCH`` of the same document;
* ``throughput``: N steppers at once, each a thread with its own connection taking every step
  of an incoming document's life (``CHAIN``) on documents of its own; steps per second, then a
  check that no step was lost or applied twice.
"""

from __future__ import annotations

import statistics
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import requests

from bench._old_step import OLD_STEP
from bench._table import Row

__all__ = ["CHAIN", "Desk", "round_trips", "throughput"]

STEP = "/documents/{id}/actions"
CHAIN = (
    ("present", "clerk"),
    ("assign", "leader"),
    ("note", "specialist"),
    ("finish", "specialist"),
)
"""An incoming document from registered to done: the clerk presents it, the leader assigns a
specialist, who notes progress and finishes it. Four steps, three people."""
ACCOUNTS = {
    "clerk": ("vanthu", "VanThu@2026"),
    "leader": ("lanhdao", "LanhDao@2026"),
    "specialist": ("chuyenvien", "ChuyenVien@2026"),
}
Doc = dict[str, object]


@dataclass(frozen=True)
class Desk:
    """The demo accounts of ``CHAIN``, signed in once on one server (tokens are shared by
    threads; each thread brings its own ``requests.Session``)."""

    api: str
    auth: dict[str, dict[str, str]]
    ids: dict[str, int]

    @classmethod
    def open(cls, api: str) -> Desk:
        auth, ids = {}, {}
        for role, (username, password) in ACCOUNTS.items():
            reply = requests.post(
                f"{api}/auth/login", json={"username": username, "password": password}, timeout=30
            )
            reply.raise_for_status()
            auth[role] = {"Authorization": f"Bearer {reply.json()['access_token']}"}
            ids[role] = requests.get(f"{api}/auth/me", headers=auth[role], timeout=30).json()["id"]
        return cls(api, auth, ids)

    def new(self, http: requests.Session) -> Doc:
        reply = http.post(
            f"{self.api}/documents",
            json={"direction": "incoming", "subject": "Đo thời gian xử lý"},
            headers=self.auth["clerk"],
            timeout=30,
        )
        assert reply.status_code == 201, reply.text
        return dict(reply.json())

    def step(self, http: requests.Session, doc: Doc, action: str, path: str = STEP) -> Doc:
        """Take ``action`` on ``doc`` as decided on its revision; the document after it."""
        body: dict[str, object] = {
            "present": {"to": [self.ids["leader"]], "comment": "Trình lãnh đạo xem xét"},
            "assign": {"lead": self.ids["specialist"], "comment": "Giao chủ trì"},
            "note": {"comment": "Đang xử lý"},
            "finish": {"comment": "Đã xử lý xong"},
        }[action]
        role = dict(CHAIN)[action]
        reply = http.post(
            self.api + path.format(id=doc["id"]),
            json={"action": action, **body},
            headers={
                **self.auth[role],
                "If-Match": f'"{doc["revision"]}"',
                "Idempotency-Key": uuid.uuid4().hex,
            },
            timeout=60,
        )
        assert reply.status_code == 200, reply.text
        return dict(reply.json())

    def patch(self, http: requests.Session, doc: Doc) -> None:
        reply = http.patch(
            f"{self.api}/documents/{doc['id']}",
            json={"description": "Trình lãnh đạo xem xét"},
            headers={**self.auth["clerk"], "If-Match": f'"{doc["revision"]}"'},
            timeout=30,
        )
        assert reply.status_code == 200, reply.text


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def round_trips(desk: Desk, steps: int) -> list[Row]:
    """p50/p95 of a step (presenting a new document) against a bare PATCH and against the
    read-then-write step, each sample on a fresh document, the three in rotating order."""
    http = requests.Session()
    kinds: dict[str, Callable[[Doc], object]] = {
        "step": lambda doc: desk.step(http, doc, "present"),
        "old": lambda doc: desk.step(http, doc, "present", OLD_STEP),
        "patch": lambda doc: desk.patch(http, doc),
    }
    names = list(kinds)
    times: dict[str, list[float]] = {name: [] for name in names}
    warm_up = min(20, steps)
    for n in range(warm_up + steps):
        order = names[n % 3 :] + names[: n % 3]
        docs = {name: desk.new(http) for name in order}
        for name in order:
            started = time.perf_counter()
            kinds[name](docs[name])
            if n >= warm_up:
                times[name].append((time.perf_counter() - started) * 1000)
    step, old, patch = times["step"], times["old"], times["patch"]
    return [
        Row(
            "step round trip p50",
            statistics.median(step),
            statistics.median(patch),
            "ms",
            "≤ 2× PATCH",
            False,
        ),
        Row("step round trip p95", _p95(step), _p95(patch), "ms", "≤ 2× PATCH", False),
        Row(
            "atomic step vs read-then-write, p50",
            statistics.median(step),
            statistics.median(old),
            "ms",
            "≤ 1.1×",
            False,
        ),
        Row("atomic step vs read-then-write, p95", _p95(step), _p95(old), "ms", "≤ 1.1×", False),
    ]


def _stepper(desk: Desk, docs: list[Doc], start: threading.Barrier) -> list[tuple[Doc, list[int]]]:
    """Every step of ``CHAIN`` on each of ``docs``: the last reply and the revisions seen."""
    http = requests.Session()
    done = []
    start.wait()
    for doc in docs:
        revisions = []
        for action, _role in CHAIN:
            doc = desk.step(http, doc, action)
            revisions.append(int(doc["revision"]))  # type: ignore[call-overload]
        done.append((doc, revisions))
    return done


def _check(desk: Desk, http: requests.Session, done: list[tuple[Doc, list[int]]]) -> None:
    """No step lost or applied twice: every document done, at the revision its last step
    answered, with each step once in its trace; no feed number given to two steps."""
    seen = [revision for _doc, revisions in done for revision in revisions]
    assert len(set(seen)) == len(seen), "two steps took the same feed number"
    for doc, revisions in done:
        assert revisions == sorted(revisions), revisions
        final = http.get(
            f"{desk.api}/documents/{doc['id']}", headers=desk.auth["leader"], timeout=30
        ).json()
        assert final["status"] == "done", final["status"]
        assert final["revision"] == revisions[-1], (final["revision"], revisions)
        trace = [entry["action"] for entry in final["trace"]]
        assert trace == ["create", *(action for action, _ in CHAIN)], trace


def throughput(desk: Desk, steppers: int, docs_each: int) -> float:
    """Steps per second of ``steppers`` threads at once, ``docs_each`` documents each."""
    http = requests.Session()
    work = [[desk.new(http) for _ in range(docs_each)] for _ in range(steppers)]
    start = threading.Barrier(steppers + 1, timeout=120)
    with ThreadPoolExecutor(steppers) as pool:
        futures = [pool.submit(_stepper, desk, docs, start) for docs in work]
        start.wait()
        started = time.perf_counter()
        done = [item for future in futures for item in future.result()]
        elapsed = time.perf_counter() - started
    _check(desk, http, done)
    return len(done) * len(CHAIN) / elapsed
