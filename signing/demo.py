"""A ready-to-use demo signing token for ``main.py demo``.

Created once under the demo home: a SoftHSM2 token holding a leader's and
an organisation's certificate from a demo CA, the blue signature and red
seal images, and two signing profiles pointing at them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.serialization import Encoding

from .demo_images import draw_seal_png, draw_signature_png
from .demo_pki import issue, make_ca
from .profiles import Level, SigningProfile, save_profile
from .provisioning import configure_softhsm, import_identity, init_token, softhsm_module

__all__ = ["DemoToken", "ensure_demo_token", "DEMO_PIN"]

logger = logging.getLogger(__name__)

DEMO_LABEL = "VanThu Demo"
DEMO_PIN = "123456"
DEMO_SO_PIN = "12345678"


@dataclass(frozen=True)
class DemoToken:
    module_path: str
    token_label: str
    pin: str
    leader_key_id: str
    organisation_key_id: str
    signature_png: Path
    seal_png: Path
    root_pem: Path


def ensure_demo_token(home: Path) -> DemoToken:
    """Create the demo token once (idempotent) and point this process's SoftHSM at it."""
    folder = home / "softhsm"
    configure_softhsm(folder)
    module = softhsm_module()
    if module is None:
        from .errors import SigningError

        raise SigningError(
            "Chưa cài SoftHSM2 nên không tạo được token demo.",
            "SoftHSM2 is not installed, so the demo token cannot be created.",
        )
    marker = folder / "ready"
    demo = DemoToken(
        module,
        DEMO_LABEL,
        DEMO_PIN,
        "01",
        "02",
        folder / "chu-ky.png",
        folder / "con-dau.png",
        folder / "demo-root.pem",
    )
    if marker.exists():
        return demo
    ca = make_ca()
    leader = issue(ca, "Trần Quốc Việt", "Ủy ban nhân dân tỉnh Hà Tĩnh")
    organisation = issue(ca, "Ủy ban nhân dân tỉnh Hà Tĩnh", "Ủy ban nhân dân tỉnh Hà Tĩnh")
    init_token(DEMO_LABEL, DEMO_PIN, DEMO_SO_PIN)
    import_identity(
        module,
        DEMO_LABEL,
        DEMO_PIN,
        leader.key,
        leader.cert,
        b"\x01",
        "Trần Quốc Việt",
        extra_certs=(ca.cert,),
    )
    import_identity(
        module,
        DEMO_LABEL,
        DEMO_PIN,
        organisation.key,
        organisation.cert,
        b"\x02",
        "UBND tỉnh Hà Tĩnh",
    )
    demo.root_pem.write_bytes(ca.cert.public_bytes(Encoding.PEM))
    draw_signature_png(demo.signature_png)
    draw_seal_png(demo.seal_png)
    common: dict[str, Any] = dict(
        level=Level.B_B,
        tsa_url=None,
        signature_image=str(demo.signature_png),
        seal_image=str(demo.seal_png),
        trust_roots=(str(demo.root_pem),),
        module_path=module,
        token_label=DEMO_LABEL,
        organisation_name="Văn phòng UBND tỉnh Hà Tĩnh",
    )
    save_profile(SigningProfile(name="Mặc định", key_id="01", seal_key_id="02", **common))
    save_profile(SigningProfile(name="Văn thư phát hành", key_id="02", **common))
    marker.write_text("ok")
    logger.info("demo token created in %s", folder)
    return demo
