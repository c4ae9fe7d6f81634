"""Server settings: one frozen dataclass, filled from the command line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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
    login_max_failures: int = 5
    """Failed logins per username and address before 429."""
    login_window_seconds: int = 300
    """Window for counting failed logins."""
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
