"""PKCS#11 module discovery and loading.

Vietnamese tokens ship vendor DLLs in System32 (most are rebranded Feitian
ePass2003); this table lists the names seen in production plus common
international ones.  ``*_s.dll`` files are CSPs, not PKCS#11 modules.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pkcs11

from .errors import ModuleLoadError

__all__ = ["KNOWN_MODULES", "ModuleInfo", "discover_modules", "load_module"]

logger = logging.getLogger(__name__)

_WINDOWS_VN = (
    ("Viettel-CA", ("viettel-ca.dll", *(f"viettel-ca_v{i}.dll" for i in range(1, 7)))),
    ("VNPT-CA", ("vnpt-ca_csp11.dll", *(f"vnptca_p11_v{i}.dll" for i in range(6, 11)))),
    ("FPT-CA", ("fpt-ca.dll", *(f"fptca_v{i}.dll" for i in range(3, 7)))),
    ("BkavCA", ("BkavCA.dll", "BkavCAv2S.dll", "bkavcaetoken.dll")),
    ("Nacencomm (CA2)", (*(f"nca_v{i}.dll" for i in range(4, 10)), "CA2_csp11.dll")),
    ("Vina-CA", ("Vina-CA.dll",)),
    ("Safe-CA", ("safe-ca.dll",)),
    ("EFY-CA", ("efy-ca_v1.dll",)),
    ("MISA-CA", ("misaca_csp11_v2.dll",)),
    ("Ban Cơ yếu Chính phủ", ("ShuttleCsp11_3003.dll", "gclib.dll")),
    ("SafeNet eToken", ("eTPKCS11.dll",)),
    ("Feitian ePass2003", ("eps2003csp11.dll", "eps2003csp11v2.dll")),
    ("OpenSC", ("opensc-pkcs11.dll",)),
)
_LINUX = (
    ("Viettel-CA", ("/usr/lib/viettel-ca_v6.so", "/usr/lib/libviettel-ca_v6.so")),
    ("VNPT-CA", ("/usr/lib/libvnptca_p11_v10.so",)),
    (
        "Feitian ePass2003",
        ("/usr/lib/libcastle.so.1.0.0", "/usr/lib/x86_64-linux-gnu/libcastle.so.1.0.0"),
    ),
    ("SafeNet eToken", ("/usr/lib/libeTPkcs11.so", "/usr/lib/libeToken.so")),
    ("OpenSC", ("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so", "/usr/lib/opensc-pkcs11.so")),
    (
        "SoftHSM2",
        ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
    ),
)
_MAC = (
    ("OpenSC", ("/Library/OpenSC/lib/opensc-pkcs11.so",)),
    (
        "SoftHSM2",
        ("/opt/homebrew/lib/softhsm/libsofthsm2.so", "/usr/local/lib/softhsm/libsofthsm2.so"),
    ),
)


def _windows_table() -> tuple[tuple[str, tuple[str, ...]], ...]:
    system32 = Path(os.environ.get("SystemRoot", r"C:\Windows")) / "System32"
    return tuple(
        (vendor, tuple(str(system32 / name) for name in names)) for vendor, names in _WINDOWS_VN
    )


KNOWN_MODULES = {"win32": _windows_table(), "linux": _LINUX, "darwin": _MAC}


@dataclass(frozen=True)
class ModuleInfo:
    vendor: str
    path: str
    present: bool


def discover_modules(extra_paths: tuple[str, ...] = ()) -> list[ModuleInfo]:
    """Known modules present on this machine first, then the user's own paths."""
    table = KNOWN_MODULES.get(sys.platform, _LINUX)
    found = [
        ModuleInfo(vendor, path, True)
        for vendor, paths in table
        for path in paths
        if Path(path).exists()
    ]
    known = {m.path for m in found}
    found += [
        ModuleInfo("Người dùng chọn / user", p, Path(p).exists())
        for p in extra_paths
        if p not in known
    ]
    return found


_loaded: dict[str, pkcs11.lib] = {}
_lock = threading.Lock()


def load_module(path: str) -> pkcs11.lib:
    """Load (once per process) a PKCS#11 library, with a clear error naming the file."""
    with _lock:
        if path in _loaded:
            return _loaded[path]
        if not Path(path).exists():
            raise ModuleLoadError(path, "không có tệp / file not found")
        try:
            lib = pkcs11.lib(path)
        except (OSError, RuntimeError, pkcs11.PKCS11Error) as exc:
            raise ModuleLoadError(path, str(exc)) from exc
        _loaded[path] = lib
        return lib
