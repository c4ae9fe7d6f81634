"""Callers for the records' tests: any demo account signed in to a live server, plain
``requests`` against the wire contract."""

from __future__ import annotations

import datetime as dt
from typing import Any

import requests

from base.deadlines import today_in_vietnam
from server.seed import DEMO_USERS
from tests.fixtures.server import LiveServer

__all__ = ["Caller", "today", "days_ago"]


def today() -> dt.date:
    """The server's today (registers and deadlines roll over in Vietnam time)."""
    return today_in_vietnam()


def days_ago(days: int) -> str:
    return (today() - dt.timedelta(days=days)).isoformat()


class Caller:
    """One signed-in account."""

    def __init__(self, server: LiveServer, username: str) -> None:
        password = next(u.password for u in DEMO_USERS if u.username == username)
        login = requests.post(
            f"{server.api_url}/auth/login",
            json={"username": username, "password": password},
            timeout=30,
        )
        assert login.status_code == 200, login.text
        self.url = server.api_url
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {login.json()['access_token']}"
        self.me: dict[str, Any] = self.get("/auth/me").json()

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        return self.http.request(method, self.url + path, timeout=30, **kwargs)

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("POST", path, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("PATCH", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> requests.Response:
        return self.request("DELETE", path, **kwargs)

    def ok(self, method: str, path: str, status: int = 200, **kwargs: Any) -> Any:
        """The answer's body, after checking its status."""
        reply = self.request(method, path, **kwargs)
        assert reply.status_code == status, (method, path, reply.status_code, reply.text[:500])
        return reply.json() if reply.content else None

    def refused(self, method: str, path: str, status: int, code: str, **kwargs: Any) -> dict:
        """A refusal with its status, code and both messages."""
        reply = self.request(method, path, **kwargs)
        assert reply.status_code == status, (method, path, reply.status_code, reply.text[:500])
        error = reply.json()["error"]
        assert error["code"] == code, error
        assert error["message_vi"] and error["message_en"]
        return error

    def document(self, **fields: Any) -> dict:
        """A new document (the clerk's incoming entry by default)."""
        body = {"direction": "incoming", "subject": "Văn bản", **fields}
        return self.ok("POST", "/documents", 201, json=body)
