"""Server settings: one frozen dataclass, filled from the command line."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["ServerSettings", "ThrottlePolicy"]


@dataclass(frozen=True)
class ThrottlePolicy:
    """Free failures per key before delays start, and the longest delay."""

    pair_free: int = 5
    """Per (username, address): the ordinary mistyped password."""
    user_free: int = 10
    """Per username across addresses: a guesser rotating addresses."""
    address_free: int = 20
    """Per address across usernames: password spraying."""
    cap_seconds: float = 300.0
    user_cap_seconds: float = 30.0
    """The per-user delay stays short: an attacker must not be able to lock a colleague out."""
    forget_seconds: float = 3600.0
    """A key's failures are forgotten after this long without a new one."""


@dataclass(frozen=True)
class ServerSettings:
    """How one server instance runs."""

    data_dir: Path
    """Holds the SQLite database (by default), the blob store and partial uploads."""
    database_url: str | None = None
    """Any SQLAlchemy URL; ``None`` means ``sqlite:///<data_dir>/server.db``."""
    max_upload_bytes: int = 512 * 1024 * 1024
    """Largest file accepted by ``POST /uploads`` (413 above)."""
    token_ttl_seconds: int = 12 * 3600
    """Lifetime of a bearer token issued at login."""
    throttle: ThrottlePolicy = field(default_factory=ThrottlePolicy)
    """Growing delays after failed logins (per user, per address, per pair)."""
    tls: bool = False
    """Served over HTTPS (``serve --certfile``): responses then carry HSTS."""
    api_docs: bool = False
    """Serve the interactive API docs page (off in production; the OpenAPI JSON is always served)."""
    max_json_bytes: int = 1024 * 1024
    """Largest request body other than an upload's bytes (413 above, refused while it is read)."""
    upload_expiry_seconds: int = 24 * 3600
    """Unfinished uploads are dropped after this long without activity."""
    scrub_interval_seconds: float = 24 * 3600
    """How often the background scrub re-reads every blob against its sha256 (0: never)."""
    scrub_bytes_per_second: float = 20 * 1024 * 1024
    """The scrub's reading speed, so it never competes with users for the disk."""
    exchange_agent: bool = True
    """Run the exchange agent (sends and fetches edXML packages for connected organisations)."""
    exchange_tick_seconds: float = 1.0
    """How often the agent looks for due packages (each connection polls the axis at its own
    ``poll_seconds``)."""
    blob_store: str | None = None
    """Where the files live (``server.filestore``, docs/storage.md): None → ``<data_dir>/blobs``;
    a path or ``file:///mnt/shared/vanthu-blobs`` → a folder (possibly shared by several server
    machines); ``s3://bucket/prefix`` → S3-compatible object storage."""
    s3_endpoint_url: str | None = None
    """An S3-compatible server (MinIO, Ceph…): https, or http only on loopback. Credentials
    come from the standard AWS environment and config files, never from here."""

    workers: int = 1
    """Server processes (``serve --workers``); more than one needs the shared state in the
    database, which every part keeps there (throttle, leases, numbering, the feed)."""
    metrics_token_sha256: str | None = None
    """The sha256 of the token Prometheus sends to ``/metrics`` (``serve --metrics-token-file``)."""
    gzip_minimum_bytes: int = 1024
    """Responses this large are compressed for clients that accept gzip."""

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'server.db'}"

    @property
    def blob_dir(self) -> Path:
        """The default folder store; the configured store is ``server.filestore.open_store``."""
        return self.data_dir / "blobs"

    @property
    def upload_dir(self) -> Path:
        return self.data_dir / "uploads"

    def to_json(self) -> str:
        """For the worker processes of ``serve --workers``: they rebuild the same settings."""
        data = asdict(self)
        data["data_dir"] = str(self.data_dir)
        return json.dumps(data)

    @classmethod
    def from_json(cls, text: str) -> ServerSettings:
        data: dict[str, Any] = json.loads(text)
        data["data_dir"] = Path(data["data_dir"])
        data["throttle"] = ThrottlePolicy(**data["throttle"])
        return cls(**data)
