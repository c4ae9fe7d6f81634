"""Server settings: one frozen dataclass, filled from the command line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

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

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'server.db'}"

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    @property
    def upload_dir(self) -> Path:
        return self.data_dir / "uploads"
