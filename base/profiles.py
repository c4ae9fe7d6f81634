"""Named settings profiles kept as one JSON file in the config folder.

Signing profiles and watched-folder profiles are stored the same way: a JSON
object of name → fields, written atomically, read with unknown keys refused.
One store serves both, so they cannot drift apart.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from .errors import VanThuError
from .paths import app_paths

__all__ = ["DEFAULT_PROFILE", "Profile", "ProfileStore", "from_fields"]

logger = logging.getLogger(__name__)

DEFAULT_PROFILE = "Mặc định"


class Profile(Protocol):
    @property
    def name(self) -> str: ...

    def to_dict(self) -> dict[str, Any]: ...


P = TypeVar("P", bound=Profile)
D = TypeVar("D")


def from_fields(cls: type[D], data: dict[str, Any], error: type[VanThuError]) -> D:
    """``cls(**data)`` for a stored profile: unknown keys and bad values are the package's error."""
    unknown = set(data) - {f.name for f in fields(cls)}  # type: ignore[arg-type]  # cls is a dataclass
    if unknown:
        keys = ", ".join(sorted(unknown))
        raise error(f"Cấu hình có khoá lạ: {keys}", f"Unknown profile keys: {keys}")
    try:
        return cls(**data)
    except (TypeError, ValueError) as exc:
        raise error(f"Cấu hình không hợp lệ: {exc}", f"Invalid profile: {exc}") from exc


@dataclass(frozen=True)
class ProfileStore(Generic[P]):
    filename: str
    """File name under the config folder, e.g. ``signing-profiles.json``."""
    parse: Callable[[dict[str, Any]], P]
    """Builds a profile from its stored fields; raises the package's error for bad ones."""
    default: Callable[[], P]
    """The profile used when none is saved under the default name."""
    error: type[VanThuError]
    """The package's error class for a missing or corrupt profile."""

    @property
    def path(self) -> Path:
        return app_paths().ensure().config / self.filename

    def load(self) -> dict[str, P]:
        path = self.path
        if not path.exists():
            return {}
        try:
            raw = json.loads(path.read_text("utf-8"))
        except (ValueError, OSError) as exc:
            raise self.error(
                f"Tệp cấu hình {path.name} bị hỏng.", f"The profile file {path.name} is corrupt."
            ) from exc
        if not isinstance(raw, dict):
            raise self.error(
                f"Tệp cấu hình {path.name} bị hỏng.", f"The profile file {path.name} is corrupt."
            )
        return {name: self.parse(fields) for name, fields in raw.items()}

    def save(self, profile: P) -> None:
        profiles = self.load() | {profile.name: profile}
        text = json.dumps(
            {n: p.to_dict() for n, p in profiles.items()}, ensure_ascii=False, indent=2
        )
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(text, "utf-8")
        os.replace(tmp, self.path)

    def get(self, name: str | None) -> P:
        profiles = self.load()
        if not name or (name == DEFAULT_PROFILE and name not in profiles):
            return profiles.get(DEFAULT_PROFILE) or self.default()
        if name not in profiles:
            raise self.error(f"Không có cấu hình “{name}”.", f"No profile named '{name}'.")
        return profiles[name]
