"""The one profile store both signing and watched-folder profiles use."""

from __future__ import annotations

import pytest

from base.profiles import DEFAULT_PROFILE
from signing.errors import SigningError
from signing.profiles import Level, SigningProfile, get_profile, save_profile
from sync.errors import SyncError
from sync.profiles import AfterUpload, WatchProfile
from sync.profiles import get_profile as watch_profile
from sync.profiles import save_profile as save_watch


def test_the_default_profile_exists_before_anything_is_saved() -> None:
    assert get_profile(None) == SigningProfile() == get_profile(DEFAULT_PROFILE)
    assert watch_profile(DEFAULT_PROFILE) == WatchProfile()
    with pytest.raises(SigningError):
        get_profile("Không có")


def test_saved_profiles_round_trip_with_their_enums(_isolated_home) -> None:
    save_profile(SigningProfile(name="Văn thư", level="B-LT", trust_roots=["a.pem"]))  # type: ignore[arg-type]
    loaded = get_profile("Văn thư")
    assert loaded.level is Level.B_LT and loaded.trust_roots == ("a.pem",)
    save_watch(WatchProfile(name="Quét", after_upload="delete"))  # type: ignore[arg-type]
    assert watch_profile("Quét").after_upload is AfterUpload.DELETE


def test_unknown_keys_and_bad_values_are_the_packages_errors(_isolated_home) -> None:
    path = _isolated_home / "config" / "signing-profiles.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"x": {"name": "x", "colour": "blue"}}', "utf-8")
    with pytest.raises(SigningError, match="colour"):
        get_profile("x")
    path.write_text('{"x": {"name": "x", "level": "B-Z"}}', "utf-8")
    with pytest.raises(SigningError):
        get_profile("x")
    path.write_text("{not json", "utf-8")
    with pytest.raises(SigningError):
        get_profile("x")
    (_isolated_home / "config" / "watch-profiles.json").write_text(
        '{"y": {"after_upload": "burn"}}', "utf-8"
    )
    with pytest.raises(SyncError):
        watch_profile("y")
