"""Watched-folder profiles: what to pick up, where it goes on the server,
and what happens to the file afterwards.  Stored as JSON in the config folder."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields, replace
from enum import StrEnum
from pathlib import Path

from client.paths import app_paths

from .errors import SyncError

__all__ = ["AfterUpload", "WatchProfile", "load_profiles", "save_profile", "get_profile"]

DEFAULT_INCLUDE = ("*.pdf", "*.jpg", "*.jpeg", "*.png", "*.tif", "*.tiff")
DEFAULT_IGNORE = ("~$*", "*.tmp", "*.temp", "*.part", "*.crdownload", ".~lock*", ".DS_Store", "Thumbs.db",
                  "desktop.ini", "@eaDir", "._*", "*.error.txt")


class AfterUpload(StrEnum):
    MOVE = "move"  # into done/YYYY-MM-DD/
    DELETE = "delete"


@dataclass(frozen=True)
class WatchProfile:
    name: str = "Mặc định"
    direction: str = "incoming"
    doc_type: str = "Công văn"
    organ_name: str = ""
    subfolder_types: dict[str, str] = field(default_factory=lambda: {
        "Quyết định": "Quyết định", "Công văn": "Công văn", "Tờ trình": "Tờ trình", "Báo cáo": "Báo cáo",
        "Thông báo": "Thông báo", "Kế hoạch": "Kế hoạch"})
    """First-level subfolder name → document type (``Quyết định/2026/x.pdf`` → Quyết định)."""
    include: tuple[str, ...] = DEFAULT_INCLUDE
    ignore: tuple[str, ...] = DEFAULT_IGNORE
    done_dir: str = "done"
    failed_dir: str = "failed"
    after_upload: AfterUpload = AfterUpload.MOVE
    stability_seconds: float = 2.0
    polling: bool | None = None
    """None = native events when available; True for network shares (SMB/NFS)."""
    poll_interval: float = 1.0
    rescan_seconds: float = 60.0
    parallel: int = 2
    bandwidth_limit: int | None = None
    """Bytes per second, or None for no limit."""
    ocr: bool = False

    @classmethod
    def from_dict(cls, data: dict) -> WatchProfile:
        unknown = set(data) - {f.name for f in fields(cls)}
        if unknown:
            raise SyncError(f"Cấu hình thư mục theo dõi có khoá lạ: {', '.join(sorted(unknown))}",
                            f"Unknown watch profile keys: {', '.join(sorted(unknown))}")
        values = dict(data)
        for key in ("include", "ignore"):
            if key in values:
                values[key] = tuple(values[key])
        if "after_upload" in values:
            values["after_upload"] = AfterUpload(values["after_upload"])
        return cls(**values)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["include"], data["ignore"] = list(self.include), list(self.ignore)
        data["after_upload"] = str(self.after_upload)
        return data

    def with_changes(self, **changes: object) -> WatchProfile:
        return replace(self, **changes)  # type: ignore[arg-type]


def _store() -> Path:
    return app_paths().ensure().config / "watch-profiles.json"


def load_profiles() -> dict[str, WatchProfile]:
    path = _store()
    if not path.exists():
        return {}
    return {name: WatchProfile.from_dict(d) for name, d in json.loads(path.read_text("utf-8")).items()}


def save_profile(profile: WatchProfile) -> None:
    profiles = load_profiles() | {profile.name: profile}
    tmp = _store().with_suffix(".tmp")
    tmp.write_text(json.dumps({n: p.to_dict() for n, p in profiles.items()}, ensure_ascii=False, indent=2), "utf-8")
    os.replace(tmp, _store())


def get_profile(name: str | None) -> WatchProfile:
    profiles = load_profiles()
    if not name:
        return profiles.get("Mặc định", WatchProfile())
    if name not in profiles:
        raise SyncError(f"Không có cấu hình “{name}”.", f"No watch profile named '{name}'.")
    return profiles[name]
