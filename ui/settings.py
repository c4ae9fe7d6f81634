"""UI preferences (language, cache size, watched folder, signing profile name)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from base.paths import app_paths

__all__ = ["UiSettings", "load_settings", "save_settings"]


@dataclass(frozen=True)
class UiSettings:
    """What the Settings page applies; the defaults are what "Khôi phục mặc định" shows."""

    language: str = "vi"
    """The user's: "vi" or "en"."""
    cache_mb: int = 2048
    """This computer's: room for downloaded files."""
    watch_folder: str = ""
    """This computer's: where the scanner saves (empty: not chosen yet)."""
    signing_profile: str = "Mặc định"
    """The user's: the name of the signing profile used to sign and validate."""
    server: str = ""
    """This computer's: shown read-only; changed by signing in again."""
    username: str = ""


def _path() -> Path:
    return app_paths().ensure().config / "ui-settings.json"


def load_settings() -> UiSettings:
    try:
        data = json.loads(_path().read_text("utf-8"))
    except (OSError, ValueError):
        return UiSettings()
    known = {f.name for f in fields(UiSettings)}
    return UiSettings(**{k: v for k, v in data.items() if k in known})


def save_settings(settings: UiSettings) -> None:
    tmp = _path().with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), "utf-8")
    os.replace(tmp, _path())
