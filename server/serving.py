"""Serving an ASGI app from ``serve``'s options: the document server and the exchange hub alike."""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["run_uvicorn"]


def run_uvicorn(app: Any, args: argparse.Namespace, *, workers: int = 1) -> None:
    """uvicorn on ``--host``/``--port``, TLS with ``--certfile``/``--keyfile``; with ``workers``
    above 1, ``app`` is the import path of an app factory each worker process calls."""
    import uvicorn

    uvicorn.run(
        app,
        workers=workers if workers > 1 else None,
        factory=workers > 1,
        host=args.host,
        port=args.port,
        log_level="warning",
        access_log=False,
        ssl_certfile=args.certfile,
        ssl_keyfile=args.keyfile,
        # X-Forwarded-For is believed only from the proxies named here: by default nobody, so a
        # forged header can neither reset the login throttle nor hide the caller's address.
        proxy_headers=bool(args.forwarded_allow_ips),
        forwarded_allow_ips=args.forwarded_allow_ips or "",
    )
