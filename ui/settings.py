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
    language: str = "vi"
    cache_mb: int = 2048
    watch_folder: str = ""
    signing_profile: str = "Mặc định"
    server: str = ""
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
