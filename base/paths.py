"""Where the product keeps its files.

platformdirs gives the per-OS locations; ``VANTHU_HOME`` overrides all of
them (tests, the demo and portable installs use it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

__all__ = ["AppPaths", "app_paths"]

APP_NAME = "VanThuSo"
APP_AUTHOR = "VanThuSo"


@dataclass(frozen=True)
class AppPaths:
    """Folders of one installation; created on first use."""

    data: Path
    """Caches, queues and the embedded server's database."""
    config: Path
    """Settings files (never secrets: those go to the OS keyring)."""
    cache: Path
    """Disposable files such as downloaded PDFs."""
    logs: Path
    """Log files (never a PIN or password)."""

    def ensure(self) -> AppPaths:
        """Create the folders, readable by this user only (0700): they hold the cache, the
        saved sign-in and downloaded documents."""
        for folder in (self.data, self.config, self.cache, self.logs):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            if os.name == "posix":
                folder.chmod(0o700)
        return self


def app_paths(home: str | os.PathLike[str] | None = None) -> AppPaths:
    """Folders for this installation, honouring ``VANTHU_HOME``."""
    root = home or os.environ.get("VANTHU_HOME")
    if root:
        base = Path(root)
        return AppPaths(base / "data", base / "config", base / "cache", base / "logs")
    return AppPaths(
        Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
        Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)),
        Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)),
        Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
    )
