"""Server settings: one frozen dataclass, filled from the command line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .security import ThrottlePolicy

__all__ = ["ServerSettings"]


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

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'server.db'}"

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    @property
    def upload_dir(self) -> Path:
        return self.data_dir / "uploads"
